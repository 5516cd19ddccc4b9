"""A decision's appendix in .docx: a/b numbering, merged cells, a split table, survey marks."""

from __future__ import annotations

from pathlib import Path

import yaml

from config import load_criteria_set
from criteriaimport import import_criteria
from criteriaimport.dump import to_yaml
from tests.criteriaimport.helpers import appendix_docx


def test_docx_appendix_reads_fields_criteria_and_sub_criteria(tmp_path: Path) -> None:
    result = import_criteria(appendix_docx(tmp_path / "phu-luc.docx"))
    cs = result.criteria_set
    assert result.reviews == [] and result.shape == "docx"
    assert (cs["code"], cs["province"], cs["year"], cs["tier"], cs["decision_no"]) == (
        "lai-chau-2024-so",
        "lai-chau",
        2024,
        "department",
        "1234/QĐ-UBND",
    )
    assert cs["applies_to"] == {"rank_groups": ["department"]}
    assert cs["title"].startswith("Bộ Chỉ số đánh giá công tác cải cách hành chính hàng năm")
    assert [f["appraiser"] for f in cs["fields"]] == [
        "so-noi-vu",
        "so-tu-phap",
        "so-thong-tin-va-truyen-thong",
    ]
    first = cs["fields"][0]["criteria"]
    assert [c["code"] for c in first] == ["1.1", "1.2", "1.3"]
    assert [s["code"] for s in first[0]["sub_criteria"]] == ["1.1.1", "1.1.2"]
    assert first[0]["sub_criteria"][0]["step"] == 0.5
    assert first[1]["note"] == "Đủ, đúng hạn: 1,5 điểm" and first[1]["max_points"] == 1.5
    assert first[2]["method"] == "survey" and "note" not in first[2]


def test_docx_split_table_and_roman_fields_give_three_levels(tmp_path: Path) -> None:
    cs = import_criteria(appendix_docx(tmp_path / "phu-luc.docx")).criteria_set
    second, third = cs["fields"][1], cs["fields"][2]
    assert [s["code"] for s in second["criteria"][0]["sub_criteria"]] == ["2.1.1", "2.1.2"]
    assert third["criteria"][1]["title"] == "Mức độ hài lòng về dịch vụ công trực tuyến"
    assert third["criteria"][1]["method"] == "survey"
    assert (cs["total"], cs["self_total"], cs["survey_total"]) == (15, 10.5, 4.5)


def test_docx_import_passes_validation(tmp_path: Path) -> None:
    result = import_criteria(appendix_docx(tmp_path / "phu-luc.docx"))
    target = tmp_path / "criteria" / "lai-chau-2024-so.yaml"
    target.parent.mkdir()
    target.write_text(to_yaml(result, "phu-luc.docx"), encoding="utf-8")
    loaded = load_criteria_set(target)
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["code"] == "lai-chau-2024-so"
    assert [leaf.code for leaf in loaded.leaves() if leaf.method == "survey"] == ["1.3", "3.2"]
    assert len(loaded.leaves()) == 9


def test_imported_docx_set_passes_cchc_validate_with_its_counts(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from cli.main import app

    target = tmp_path / "criteria" / "lai-chau-2024-so.yaml"
    target.parent.mkdir()
    runner = CliRunner()
    docx_path = appendix_docx(tmp_path / "phu-luc.docx")
    out = runner.invoke(app, ["criteria", "import", str(docx_path), "--strict", "-o", str(target)])
    assert out.exit_code == 0, out.output
    out = runner.invoke(app, ["validate", str(target)])
    assert out.exit_code == 0, out.output
    assert out.stdout.splitlines()[:2] == [
        "lai-chau-2024-so: 3 lĩnh vực, 7 tiêu chí, 4 tiêu chí thành phần; "
        "tự đánh giá 10,5 điểm, điều tra XHH 4,5 điểm",
        "  1. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH: 3 tiêu chí, "
        "2 tiêu chí thành phần, 6 điểm",
    ]
