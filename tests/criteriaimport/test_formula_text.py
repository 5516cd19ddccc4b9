"""Formula rules written as prose in "cách chấm", and the index cap a decision states."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
import yaml
from typer.testing import CliRunner

from cchc.formula import formula_points, formula_problems
from cli.main import app
from criteriaimport import import_criteria
from criteriaimport.formula_text import read_formula
from tests.criteriaimport.helpers import HEAD, TOP, _table

STEPS = [
    {"min": 95, "max": 100, "points": 2},
    {"min": 80, "max": 95, "points": 1},
    {"min": 0, "max": 80, "points": 0},
]


@pytest.mark.parametrize(
    "text",
    [
        "Từ 95% trở lên: 2 điểm; từ 80% đến dưới 95%: 1 điểm; dưới 80%: 0 điểm",
        "Tu 95% tro len: 2 diem; tu 80% den duoi 95%: 1 diem; duoi 80%: 0 diem",
        "- Từ 95 phần trăm trở lên: 2 điểm\n- Từ 80 phần trăm đến dưới 95 phần trăm: 1 điểm\n"
        "- Dưới 80 phần trăm: 0 điểm",
        "Từ 95% trở lên: 2 điểm, từ 80% - dưới 95%: 1 điểm, dưới 80%: 0 điểm",
        "Tỷ lệ đạt từ 95% trở lên thì được 2 điểm; từ 80% đến dưới 95% được 1 điểm; "
        "dưới 80% không có điểm",
        "≥ 95%: 2 điểm; ≥ 80% - < 95%: 1 điểm; < 80%: 0 điểm",
        "Từ 95% đến 100%: 2 điểm; từ 80% đến dưới 95%: 1 điểm; dưới 80%: 0 điểm",
        "Tỷ lệ hồ sơ đúng hạn:\nTừ 95% trở lên: 2 điểm.\nTừ 80% đến dưới 95%: 1 điểm.\n"
        "Dưới 80%: 0 điểm.\nBước 0,5",
    ],
)
def test_brackets_read_in_each_phrasing(text: str) -> None:
    reading = read_formula(text, 2, "Tỷ lệ hồ sơ đúng hạn")
    assert reading is not None and reading.rule is not None, reading
    assert reading.rule == {
        "figure": "Tỷ lệ hồ sơ đúng hạn", "min": 0, "max": 100, "rule": "brackets",
        "brackets": STEPS}  # fmt: skip
    assert reading.text == (
        "đọc công thức từ văn bản: từ 95% trở lên: 2 điểm; từ 80% đến dưới 95%: 1 điểm; "
        "dưới 80%: 0 điểm"
    )


def test_decimal_comma_bounds_and_points() -> None:
    reading = read_formula("Từ 95,5% trở lên: 2 điểm; dưới 95,5%: 0,5 điểm", 2, "Tỷ lệ")
    assert reading is not None and reading.rule is not None
    assert reading.rule["brackets"] == [
        {"min": 95.5, "max": 100, "points": 2}, {"min": 0, "max": 95.5, "points": 0.5}]  # fmt: skip
    assert "từ 95,5% trở lên: 2 điểm; dưới 95,5%: 0,5 điểm" in reading.text


@pytest.mark.parametrize(
    "text", ["Đạt 100%: 1 điểm; dưới 100%: 0 điểm", "100%: 1 điểm; < 100%: 0 điểm"]
)
def test_reaching_100_percent_is_a_bracket_of_its_own(text: str) -> None:
    reading = read_formula(text, 1, "Tỷ lệ")
    assert reading is not None and reading.rule is not None
    assert reading.text == "đọc công thức từ văn bản: đạt 100%: 1 điểm; dưới 100%: 0 điểm"
    assert [formula_points(reading.rule, 1, f) for f in (0, 99.99, 100)] == [0, 0, 1]
    assert formula_problems(reading.rule, 1) == []  # `cchc validate` takes it
    inner = {**reading.rule, "brackets": [*reading.rule["brackets"], {"min": 50, "max": 50,
             "points": 0}]}  # fmt: skip
    assert "khoảng 50–50 rỗng" in formula_problems(inner, 1)  # only the top may be exact


@pytest.mark.parametrize(
    "text",
    [
        "Tỷ lệ % × điểm tối đa",
        "Điểm = tỷ lệ × 2",
        "Điểm = tỷ lệ phần trăm x 2 điểm",
        "Tỷ lệ % nhân với điểm tối đa",
    ],
)
def test_proportional_read(text: str) -> None:
    reading = read_formula(text, 2, "Tỷ lệ")
    assert reading is not None and reading.rule is not None
    assert reading.rule == {"figure": "Tỷ lệ", "min": 0, "max": 100, "rule": "proportional"}
    assert formula_points(reading.rule, 2, 96.5) == 1.93


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Từ 95% trở lên: 2 điểm; dưới 80%: 0 điểm", "không khoảng nào chứa tỷ lệ từ 80% đến 95%"),
        ("Từ 90% trở lên: 2 điểm; từ 80% đến dưới 95%: 1 điểm; dưới 80%: 0 điểm",
         "các khoảng chồng lên nhau từ 90% đến 95%"),
        ("Trên 95%: 2 điểm; dưới 95%: 0 điểm", "không rõ khoảng «Trên 95%: 2 điểm»"),
        ("Từ 95% trở lên: 2 điểm; từ 80% đến 95%: 1 điểm; dưới 80%: 0 điểm",
         "không rõ khoảng «từ 80% đến 95%: 1 điểm»"),
        ("Từ 95% trở lên: 3 điểm; dưới 95%: 0 điểm", "3 điểm vượt điểm tối đa 2"),
        ("Điểm = tỷ lệ × 3", "hệ số 3 khác điểm tối đa 2"),
        ("Đạt 90%: 2 điểm; dưới 90%: 0 điểm", "không rõ khoảng «Đạt 90%: 2 điểm»"),
        ("Tỷ lệ × 2; từ 95% trở lên: 2 điểm", "vừa tính theo tỷ lệ vừa chia khoảng"),
    ],
)  # fmt: skip
def test_ambiguous_rules_are_refused_not_guessed(text: str, why: str) -> None:
    reading = read_formula(text, 2, "Tỷ lệ")
    assert reading is not None and reading.rule is None
    assert reading.text == f"không đọc chắc chắn được công thức ({why}); để là mục chấm điểm thường"


@pytest.mark.parametrize("text", ["", "Đủ, đúng hạn: 1,5 điểm", "Trước ngày 31/12: 1 điểm"])
def test_plain_methods_are_not_formulas(text: str) -> None:
    assert read_formula(text, 2, "Tỷ lệ") is None


ROWS = [
    ["I", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "6", "Sở Nội vụ", "", ""],
    ["1", "Tỷ lệ hồ sơ giải quyết đúng hạn", "2", "",
     "Từ 95% trở lên: 2 điểm; từ 80% đến dưới 95%: 1 điểm; dưới 80%: 0 điểm", ""],
    ["2", "Tỷ lệ thủ tục trực tuyến toàn trình", "2", "", "Điểm = tỷ lệ × 2", ""],
    ["3", "Tỷ lệ phản ánh được xử lý", "2", "", "Từ 90% trở lên: 2 điểm; dưới 80%: 0 điểm", ""],
    ["II", "ĐIỂM THƯỞNG", "2", "Sở Nội vụ", "", ""],
    ["1", "Sáng kiến được công nhận", "2", "", "", ""],
    ["", "Tổng cộng", "6", "", "", ""],
]  # fmt: skip


def _appendix(path: Path, cap_line: str | None) -> Path:
    """A department appendix with three figure rules (one ambiguous) and a bonus field."""
    document = docx.Document()
    for text in TOP:
        document.add_paragraph(text)
    _table(document, [HEAD, *ROWS])
    if cap_line:
        document.add_paragraph(cap_line)
    document.save(str(path))
    return path


def test_docx_formulas_go_through_criteria_import_into_a_valid_set(tmp_path: Path) -> None:
    runner = CliRunner()
    target = tmp_path / "criteria" / "lai-chau-2024-so.yaml"
    target.parent.mkdir()
    doc = _appendix(tmp_path / "phu-luc.docx", "Tổng điểm không vượt quá 6 điểm.")
    out = runner.invoke(app, ["criteria", "import", str(doc), "-o", str(target), "--json"])
    assert out.exit_code == 0, out.output
    body = yaml.safe_load(target.read_text(encoding="utf-8"))
    one, two, three = body["fields"][0]["criteria"]
    assert one["formula"]["brackets"] == STEPS
    assert two["formula"]["rule"] == "proportional"
    assert "formula" not in three  # a gap between 80% and 90%: left plain
    assert body["index_cap"] == 100  # stated: 6 points, the base total
    reviews = {(r["item"], r["reason"].split(" (")[0]) for r in json.loads(out.stdout)["reviews"]}
    assert reviews == {
        ("1.1", "đọc công thức từ văn bản: từ 95% trở lên: 2 điểm; từ 80% đến dưới 95%: 1 "
         "điểm; dưới 80%: 0 điểm"),
        ("1.2", "đọc công thức từ văn bản: điểm = tỷ lệ % × 2 / 100"),
        ("1.3", "không đọc chắc chắn được công thức"),
    }  # fmt: skip
    validated = runner.invoke(app, ["validate", str(target)])
    assert validated.exit_code == 0, validated.output


def test_cap_stated_near_the_bonus_rows_or_reviewed_when_not(tmp_path: Path) -> None:
    stated = import_criteria(_appendix(tmp_path / "a.docx", "Điểm thưởng: chỉ số tối đa 100 điểm"))
    assert stated.criteria_set["index_cap"] == 100
    assert not [r for r in stated.reviews if r.field == "điểm thưởng"]
    higher = import_criteria(_appendix(tmp_path / "b.docx", "Tổng số điểm không vượt quá 6,6"))
    assert higher.criteria_set["index_cap"] == 100  # 6,6 points or index? reviewed, not guessed
    assert [(r.field, r.text) for r in higher.reviews if r.item is None] == [
        ("chỉ số tối đa", "Tổng số điểm không vượt quá 6,6")
    ]
    silent = import_criteria(_appendix(tmp_path / "c.docx", None))
    assert silent.criteria_set["index_cap"] == 100
    assert [(r.item, r.field) for r in silent.reviews if r.field == "điểm thưởng"] == [
        ("2.1", "điểm thưởng")
    ]


def test_an_imported_set_with_prose_rules_reads_back_from_our_workbook_unreviewed(
    tmp_path: Path,
) -> None:
    """Our XLSX keeps the prose as Cách chấm and the rules in `_cchc`: read back, no review."""
    from config.schema import CriteriaSet
    from criteriaimport.export import write_criteria_xlsx

    first = import_criteria(_appendix(tmp_path / "a.docx", "Tổng điểm không vượt quá 6 điểm"))
    original = CriteriaSet.model_validate(first.criteria_set)
    again = import_criteria(write_criteria_xlsx(original, tmp_path / "set.xlsx"))
    assert again.reviews == []
    assert CriteriaSet.model_validate(again.criteria_set).model_dump() == original.model_dump()
