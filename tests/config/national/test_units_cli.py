"""`cchc units init` and `cchc units import` through the real typer app, checked by validate."""

from __future__ import annotations

from pathlib import Path

import yaml
from openpyxl import Workbook
from typer.testing import CliRunner

from cli.main import app
from config import load_units

runner = CliRunner()
HEADER = ["name", "code", "kind", "parent", "rank group", "e-mail", "phone"]


def _init(tmp_path: Path, province: str, year: int) -> tuple[Path, dict]:
    out = tmp_path / f"units-{year}.yaml"
    result = runner.invoke(
        app, ["units", "init", "--province", province, "--year", str(year), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    return out, yaml.safe_load(out.read_text(encoding="utf-8"))


def test_init_2025_writes_a_two_tier_file_validate_accepts(tmp_path: Path) -> None:
    out, doc = _init(tmp_path, "tỉnh Lạng Sơn", 2025)
    assert doc["province"] == {
        "code": "lang-son",
        "name": "Tỉnh Lạng Sơn",
        "tiers": 2,
        "effective_from": "2025-07-01",
    }
    communes = [u for u in doc["units"] if u["kind"] == "commune"]
    assert len(communes) == 65 and not [u for u in doc["units"] if u["kind"] == "district"]
    assert {u["parent"] for u in communes} == {"ubnd-tinh"}
    ward = next(u for u in communes if u["commune_type"] == "phuong")
    assert ward["rank_group"] == "ward" and len(ward["official_code"]) == 5
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0
    assert len(load_units(out).units) == len(doc["units"])


def test_init_2025_departments_follow_the_2025_mergers(tmp_path: Path) -> None:
    _, doc = _init(tmp_path, "Lai Châu", 2025)
    by_code = {u["code"]: u for u in doc["units"]}
    assert "so-ke-hoach-va-dau-tu" not in by_code and "so-giao-thong-van-tai" not in by_code
    merged = {p["code"] for p in by_code["so-nong-nghiep-va-moi-truong"]["predecessors"]}
    assert merged == {"so-nong-nghiep-va-phat-trien-nong-thon", "so-tai-nguyen-va-moi-truong"}
    assert by_code["so-tai-chinh"]["predecessors"] == [
        {"code": "so-ke-hoach-va-dau-tu", "year": 2025, "change": "merge"}
    ]
    assert by_code["so-dan-toc-va-ton-giao"]["predecessors"][0]["change"] == "rename"
    # the 2025 sample ranks every department together; special is set where a decision says so
    assert {u["rank_group"] for u in doc["units"] if u["kind"] == "department"} == {"department"}
    assert by_code["hoi-dong-tham-dinh"]["role"] == "appraisal_council"


def test_init_before_2025_writes_districts_and_towns(tmp_path: Path) -> None:
    out, doc = _init(tmp_path, "Bắc Kạn", 2023)
    assert doc["province"]["tiers"] == 3
    kinds = [u["kind"] for u in doc["units"]]
    assert kinds.count("district") == 8 and kinds.count("commune") == 108
    town = next(u for u in doc["units"] if u.get("commune_type") == "thi_tran")
    assert town["parent"].startswith("huyen-") and town["rank_group"] == "commune"
    special = {u["code"] for u in doc["units"] if u["rank_group"] == "special"}
    assert special == {"van-phong-ubnd-tinh", "thanh-tra-tinh", "so-ngoai-vu", "ban-dan-toc"}
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0


def test_init_city_uses_thanh_pho_and_keeps_codes_unique(tmp_path: Path) -> None:
    _, doc = _init(tmp_path, "TP Hà Nội", 2024)
    codes = [u["code"] for u in doc["units"]]
    assert len(codes) == len(set(codes))
    assert codes[0] == "ubnd-thanh-pho" and "van-phong-ubnd-thanh-pho" in codes


def test_init_unknown_province_exits_2_with_one_line(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "units",
            "init",
            "--province",
            "Xứ Không Có",
            "--year",
            "2025",
            "-o",
            str(tmp_path / "x.yaml"),
        ],
    )
    assert result.exit_code == 2
    assert result.output.strip() == "Lỗi: không thấy tỉnh «Xứ Không Có» trong danh mục năm 2025"


def test_init_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out, _ = _init(tmp_path, "Lai Châu", 2025)
    again = runner.invoke(
        app, ["units", "init", "--province", "Lai Châu", "--year", "2025", "-o", str(out)]
    )
    assert again.exit_code == 2 and "--force" in again.output


def _xlsx(path: Path, rows: list[list[str]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [HEADER, *rows]:
        sheet.append(row)
    book.save(path)
    return path


GOOD = [
    ["UBND tỉnh Lạng Sơn", "ubnd-tinh", "province", "", "none", "", ""],
    [
        "Sở Nội vụ",
        "so-noi-vu",
        "department",
        "ubnd-tinh",
        "department",
        "snv@langson.gov.vn",
        "0205 3812 345",
    ],
    ["Phường Lương Văn Tri", "phuong-luong-van-tri", "commune", "ubnd-tinh", "ward", "", ""],
    ["Xã Na Sầm", "xa-na-sam", "xã", "ubnd-tinh", "commune", "", ""],
]


def test_import_xlsx_writes_units_with_contacts(tmp_path: Path) -> None:
    source, out = _xlsx(tmp_path / "ds.xlsx", GOOD), tmp_path / "ls.yaml"
    result = runner.invoke(
        app,
        [
            "units",
            "import",
            str(source),
            "--province",
            "Lạng Sơn",
            "--year",
            "2025",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    units = load_units(out).by_code()
    assert (
        units["so-noi-vu"].email == "snv@langson.gov.vn"
        and units["so-noi-vu"].phone == "+842053812345"  # normalised for SMS
    )
    assert (
        units["xa-na-sam"].commune_type == "xa"
        and units["phuong-luong-van-tri"].rank_group == "ward"
    )


def test_import_csv_names_the_row_and_column_of_each_problem(tmp_path: Path) -> None:
    rows = [*GOOD[:2], ["Sở X", "so-x", "sở lớn", "ubnd-tinh", "department", "", ""]]
    source = tmp_path / "ds.csv"
    source.write_text("\n".join(",".join(r) for r in [HEADER, *rows]), encoding="utf-8")
    out = tmp_path / "x.yaml"
    result = runner.invoke(
        app,
        [
            "units",
            "import",
            str(source),
            "--province",
            "Lạng Sơn",
            "--year",
            "2025",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 2 and not out.exists()
    assert "Dòng 4, cột «kind»: giá trị «sở lớn» không hợp lệ" in result.output
    assert "Traceback" not in result.output


def test_import_reports_bad_email_unknown_parent_and_untyped_commune(tmp_path: Path) -> None:
    rows = [
        GOOD[0],
        ["Sở Nội vụ", "so-noi-vu", "department", "ubnd-tinh", "department", "snv-at-langson", ""],
        ["Na Sầm", "na-sam", "commune", "ubnd-tinh", "commune", "", ""],
    ]
    result = runner.invoke(
        app,
        [
            "units",
            "import",
            str(_xlsx(tmp_path / "a.xlsx", rows)),
            "--province",
            "Lạng Sơn",
            "--year",
            "2025",
            "-o",
            str(tmp_path / "a.yaml"),
        ],
    )
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.startswith("Dòng")]
    assert lines[0] == "Dòng 3, cột «e-mail»: «snv-at-langson» không phải địa chỉ thư điện tử"
    assert lines[1].startswith("Dòng 4, cột «name»: không biết là xã, phường")
    rows[2] = ["Xã Na Sầm", "xa-na-sam", "commune", "ubnd-huyen", "commune", "", ""]
    rows[1][5] = ""
    result = runner.invoke(
        app,
        [
            "units",
            "import",
            str(_xlsx(tmp_path / "b.xlsx", rows)),
            "--province",
            "Lạng Sơn",
            "--year",
            "2025",
            "-o",
            str(tmp_path / "b.yaml"),
        ],
    )
    assert "Dòng 4, cột «parent»: không có đơn vị cấp trên mang mã này" in result.output


def test_import_unknown_column_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "ds.csv"
    source.write_text("name,code,kind,màu\nA,a,province,đỏ\n", encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "units",
            "import",
            str(source),
            "--province",
            "Lạng Sơn",
            "--year",
            "2025",
            "-o",
            str(tmp_path / "x.yaml"),
        ],
    )
    assert result.exit_code == 2 and "dòng 1, cột «màu»: không biết cột này" in result.output


def test_init_2025_links_each_commune_to_its_former_communes(tmp_path: Path) -> None:
    out, doc = _init(tmp_path, "Lai Châu", 2025)
    _, before = _init(tmp_path, "Lai Châu", 2024)
    former = {u["code"] for u in before["units"] if u["kind"] == "commune"}
    by_code = {u["code"]: u for u in doc["units"]}
    links = by_code["xa-binh-lu"]["predecessors"]
    assert {p["code"] for p in links} == {"xa-binh-lu", "thi-tran-tam-duong", "xa-son-binh"}
    assert {(p["year"], p["change"]) for p in links} == {(2025, "merge")}
    linked = [p["code"] for u in doc["units"] if u["kind"] == "commune" for p in u["predecessors"]]
    assert set(linked) <= former and len(set(linked)) == len(former)  # every former commune
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0


def test_init_2025_links_communes_of_a_merged_former_province(tmp_path: Path) -> None:
    """Hải Dương joined Hải Phòng: Xã Nguyễn Bỉnh Khiêm (11911) took three Hải Phòng communes
    and part of Hải Dương's Xã Hòa Bình, whose history lives in Hải Dương's campaigns."""
    out, doc = _init(tmp_path, "TP Hải Phòng", 2025)
    unit = next(u for u in doc["units"] if u.get("official_code") == "11911")
    assert unit["predecessors"] == [
        {"code": "xa-ly-hoc", "year": 2025, "change": "merge"},
        {"code": "xa-tran-duong", "year": 2025, "change": "merge"},
        {"code": "xa-hoa-binh", "year": 2025, "change": "merge"},
        {"code": "xa-hoa-binh", "year": 2025, "change": "merge", "province": "hai-duong"},
    ]
    formers = {p.get("province") for u in doc["units"] for p in u.get("predecessors", [])}
    assert formers == {None, "hai-duong"}
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0


def test_import_reads_zalo_ids_and_refuses_a_phone_that_is_not_vietnamese(tmp_path: Path) -> None:
    header = ["Tên đơn vị", "Mã đơn vị", "Loại", "Đơn vị cấp trên", "Số điện thoại", "Zalo"]
    rows = [
        ["UBND tỉnh Lạng Sơn", "ubnd-tinh", "province", "", "", ""],
        ["Sở Nội vụ", "so-noi-vu", "department", "ubnd-tinh", "0912.345.678", "4213456789"],
    ]
    source, out = tmp_path / "ds.csv", tmp_path / "ls.yaml"
    source.write_text("\n".join(",".join(r) for r in [header, *rows]), encoding="utf-8")
    args = ["units", "import", str(source), "--province", "Lạng Sơn", "--year", "2025"]
    assert runner.invoke(app, [*args, "-o", str(out)]).exit_code == 0
    unit = load_units(out).by_code()["so-noi-vu"]
    assert (unit.phone, unit.zalo) == ("+84912345678", "4213456789")
    rows[1][4] = "12345"
    source.write_text("\n".join(",".join(r) for r in [header, *rows]), encoding="utf-8")
    refused = runner.invoke(app, [*args, "-o", str(tmp_path / "bad.yaml")])
    assert refused.exit_code == 2 and "Traceback" not in refused.output
    said = "Dòng 3, cột «Số điện thoại»: «12345» không phải số điện thoại Việt Nam"
    assert said in refused.output


def test_init_2025_links_departments_of_a_merged_former_province(tmp_path: Path) -> None:
    """Bắc Kạn merged into Thái Nguyên (the package's province table): each department also
    continues its Bắc Kạn counterparts; a surviving one never links itself, so it keeps its own
    history (models/results/README.md, "Lineage"; computed in tests/models/test_lineage.py)."""
    out, doc = _init(tmp_path, "Thái Nguyên", 2025)
    by_code = {u["code"]: u for u in doc["units"]}
    assert by_code["so-noi-vu"]["predecessors"] == [
        {"code": "so-lao-dong-thuong-binh-va-xa-hoi", "year": 2025, "change": "merge"},
        {"code": "so-noi-vu", "year": 2025, "change": "merge", "province": "bac-kan"},
        {"code": "so-lao-dong-thuong-binh-va-xa-hoi", "year": 2025, "change": "merge",
         "province": "bac-kan"},
    ]  # fmt: skip
    assert by_code["so-tu-phap"]["predecessors"] == [
        {"code": "so-tu-phap", "year": 2025, "change": "merge", "province": "bac-kan"}
    ]
    assert "predecessors" not in by_code["hoi-dong-tham-dinh"]
    formers = {p.get("province") for u in doc["units"] for p in u.get("predecessors", [])}
    assert formers == {None, "bac-kan"}
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0
