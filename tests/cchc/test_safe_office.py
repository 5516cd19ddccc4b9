"""Hostile .xlsx/.docx (issue #16): refused from the zip directory before openpyxl/docx parse."""

from __future__ import annotations

import time
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from cchc import safe_office
from cchc.errors import FileRefused
from cli.main import app
from models.catalog.tabular import read_table
from report.workbook import read_workbook
from tests.cchc.office_bombs import base_workbook, tall_workbook, zip_bomb

runner = CliRunner()


@pytest.fixture(scope="module")
def bomb_xlsx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 1.2 MB workbook whose sheet unpacks to 1.2 GB (built once for the module)."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.xlsx"
    return zip_bomb(base_workbook(path))


def test_zip_bomb_is_small_on_disk_and_huge_unpacked(bomb_xlsx: Path) -> None:
    import zipfile

    unpacked = sum(i.file_size for i in zipfile.ZipFile(bomb_xlsx).infolist())
    assert bomb_xlsx.stat().st_size < 2_000_000 and unpacked > 1_200_000_000


def test_zip_bomb_submission_refused_in_under_a_second(bomb_xlsx: Path) -> None:
    started = time.perf_counter()
    with pytest.raises(FileRefused, match=r"bomb\.xlsx: nội dung giải nén vượt giới hạn 200 MB"):
        read_workbook(bomb_xlsx)
    assert time.perf_counter() - started < 1.0


def test_zip_bomb_survey_import_refused_in_under_a_second(bomb_xlsx: Path) -> None:
    started = time.perf_counter()
    with pytest.raises(FileRefused, match=r"bomb\.xlsx"):
        read_table(bomb_xlsx, {"code": ("code",)})
    assert time.perf_counter() - started < 1.0


def test_packing_ratio_refused_below_the_total_limit(tmp_path: Path) -> None:
    path = zip_bomb(base_workbook(tmp_path / "dense.xlsx"), megabytes=20)
    with pytest.raises(FileRefused, match=r"dense\.xlsx: phần «xl/worksheets/sheet1\.xml» nén"):
        safe_office.check(path)


def test_rows_past_excel_limit_refused_from_dimension(tmp_path: Path) -> None:
    path = tall_workbook(tmp_path / "tall.xlsx")
    started = time.perf_counter()
    with pytest.raises(FileRefused, match=r"tall\.xlsx: trang «sheet1» có 1048577 dòng"):
        read_workbook(path)
    assert time.perf_counter() - started < 1.0


def test_rows_past_limit_refused_while_reading_without_dimension(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cchc.settings import get_settings

    monkeypatch.setenv("CCHC_LIMITS__OFFICE_ROWS", "1000")
    get_settings.cache_clear()
    path = tall_workbook(tmp_path / "sly.xlsx", last_row=5000, dimension=False)
    try:
        with pytest.raises(FileRefused, match=r"sly\.xlsx: trang «Sheet» có 1001 dòng"):
            read_table(path, {"code": ("code",)})
    finally:
        get_settings.cache_clear()


def test_too_many_columns_refused(tmp_path: Path) -> None:
    path = tall_workbook(tmp_path / "wide.xlsx", last_row=5)
    import zipfile

    source = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    assert b'ref="A1:B5"' in source
    head = source.replace(b'ref="A1:B5"', b'ref="A1:XFD5"')
    with pytest.raises(FileRefused, match=r"có 16384 cột, vượt giới hạn 200 cột"):
        safe_office._check_dimension(head, "wide.xlsx", "sheet1")


def test_too_many_sheets_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import Workbook

    from cchc.settings import get_settings

    book = Workbook()
    for n in range(4):
        book.create_sheet(f"S{n}")
    book.save(tmp_path / "many.xlsx")
    monkeypatch.setenv("CCHC_LIMITS__OFFICE_SHEETS", "3")
    get_settings.cache_clear()
    try:
        with pytest.raises(FileRefused, match=r"many\.xlsx: có 5 trang tính, vượt giới hạn 3"):
            safe_office.check(tmp_path / "many.xlsx")
    finally:
        get_settings.cache_clear()


def test_not_a_zip_refused_in_vietnamese(tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_bytes(b"not a zip at all")
    with pytest.raises(FileRefused, match=r"fake\.xlsx: không phải tệp Office"):
        read_workbook(path)


def test_normal_workbook_still_reads(tmp_path: Path) -> None:
    rows = read_table(base_workbook(tmp_path / "ok.xlsx"), {"code": ("code",)})
    assert [r.values["code"] for r in rows] == ["1.1"]


def test_docx_bomb_plan_import_refused_in_one_line_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.save(str(path))
    zip_bomb(path, member="word/document.xml")
    started = time.perf_counter()
    result = runner.invoke(app, ["plan", "import", str(path)])
    assert time.perf_counter() - started < 1.0
    assert result.exit_code == 2, result.output
    said = "".join(result.output.splitlines())
    assert "plan.docx" in said and "giải nén vượt giới hạn" in said and "Traceback" not in said


def test_oversized_text_plan_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cchc.settings import get_settings

    monkeypatch.setenv("CCHC_LIMITS__YAML_BYTES", "2048")
    get_settings.cache_clear()
    path = tmp_path / "plan.txt"
    path.write_text("KẾ HOẠCH\n" * 1000, encoding="utf-8")
    try:
        result = runner.invoke(app, ["plan", "import", str(path)])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 2, result.output
    assert "plan.txt: tệp lớn hơn giới hạn 2 KB" in "".join(result.output.splitlines())
