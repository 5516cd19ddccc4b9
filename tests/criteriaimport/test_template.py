"""The self-assessment workbook the product writes (`cchc template`) reads back to its set."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session

from criteriaimport import import_criteria
from report.workbook import write_template
from tests.world.scoring import scoring_campaign


def test_self_assessment_template_reads_back_to_its_items(session: Session, tmp_path: Path) -> None:
    campaign, (unit,) = scoring_campaign(session, ["so-tu-phap"])
    path = write_template(session=session, campaign=campaign, unit=unit, path=tmp_path / "t.xlsx")
    result = import_criteria(path, province="lai-chau", tier="department")
    cs = result.criteria_set
    assert (cs["code"], cs["year"], cs["total"], cs["survey_total"]) == ("test-so", 2024, 7, 3)
    first, second = cs["fields"]
    assert [(c["code"], c["max_points"], c.get("step")) for c in first["criteria"]] == [
        ("1.1", 2, 0.25),
        ("1.2", 2, None),
    ]
    subs = first["criteria"][1]["sub_criteria"]
    assert [(s["code"], s["max_points"], s["step"]) for s in subs] == [
        ("1.2.1", 1, 0.5),
        ("1.2.2", 1, 0.5),
    ]
    assert second["criteria"][0]["method"] == "survey"
    # the workbook names no appraiser: each field is left for the reviewer
    assert [(r.item, r.reason) for r in result.reviews] == [
        ("1", "văn bản không ghi cơ quan thẩm định"),
        ("2", "văn bản không ghi cơ quan thẩm định"),
    ]
