"""Survey: points per unit and item, or ballots scored by hand-checked weights; coverage."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlmodel import Session, select

from cchc.errors import ValidationError
from models import Ballot, SurveyScore
from models.scoring.survey import import_ballots, import_survey_points
from models.scoring.survey_rules import SurveyRules
from models.scoring.survey_scoring import score_ballots, survey_coverage
from tests.world.scoring import scoring_campaign

RULES = SurveyRules(group_weights={"dai-bieu": 2.0, "lanh-dao": 1.0}, min_ballots=3)


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "x.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_points_import_errors_name_the_row_and_column_and_store_nothing(
    session: Session, tmp_path: Path
) -> None:
    campaign, _units = scoring_campaign(session, ["a", "b"])
    path = _csv(
        tmp_path, "đơn vị,tiêu chí,điểm\na,2.1,2.5\nb,2.1,3.5\nzz,2.1,1\na,1.1,1\nb,2.1,abc\n"
    )
    with pytest.raises(ValidationError) as err:
        import_survey_points(session=session, campaign_id=campaign.id, path=path, actor="snv")
    assert err.value.problems == [
        "x.csv:3 cột điểm (points): 3,5 ngoài khoảng 0 – 3",
        "x.csv:4 cột đơn vị (unit): đơn vị «zz» không có trong chiến dịch",
        "x.csv:5 cột tiêu chí (item): «1.1» không phải tiêu chí điều tra XHH của a",
        "x.csv:6 cột điểm (points): «abc» không phải số",
    ]
    assert session.exec(select(SurveyScore)).all() == []


def test_points_import_from_xlsx(session: Session, tmp_path: Path) -> None:
    campaign, _units = scoring_campaign(session, ["a", "b"])
    book = Workbook()
    sheet = book.active
    for row in (["unit", "item", "points"], ["a", "2.1", 2.75], ["b", "2.1", "1,5"]):
        sheet.append(row)
    book.save(tmp_path / "xhh.xlsx")
    assert (
        import_survey_points(
            session=session, campaign_id=campaign.id, path=tmp_path / "xhh.xlsx", actor="snv"
        )
        == 2
    )
    assert sorted(s.points for s in session.exec(select(SurveyScore)).all()) == [1.5, 2.75]
    assert survey_coverage(session=session, campaign_id=campaign.id) == []


def test_ballots_are_scored_by_answer_and_group_weights(session: Session, tmp_path: Path) -> None:
    """Leaf 2.1, max 3. Unit a: delegates (weight 2) A, B → mean 0.8; leaders (weight 1) C, D and
    a spoiled X → mean 0.1 over 2 valid; (2 x 0.8 + 1 x 0.1) / 3 = 0.5667; 3 x 0.5667 = 1.7 points.
    Unit b has 2 valid ballots (< 3) and c none: both reported, neither scored."""
    campaign, _units = scoring_campaign(session, ["a", "b", "c"])
    rows = [
        ("dai-bieu", "a", "A"),
        ("dai-bieu", "a", "b"),
        ("lanh-dao", "a", "C"),
        ("lanh-dao", "a", "D"),
        ("lanh-dao", "a", "X"),
        ("dai-bieu", "b", "A"),
        ("dai-bieu", "b", "A"),
    ]
    text = "group,respondent,unit,question,answer\n" + "".join(
        f"{g},p{i},{u},2.1,{a}\n" for i, (g, u, a) in enumerate(rows)
    )
    assert (
        import_ballots(
            session=session,
            campaign_id=campaign.id,
            path=_csv(tmp_path, text),
            actor="bd",
            rules=RULES,
        )
        == 7
    )
    result = score_ballots(session=session, campaign_id=campaign.id, actor="snv", rules=RULES)
    session.commit()
    scored = session.exec(select(SurveyScore)).one()
    assert (scored.points, scored.ballots, scored.source) == (pytest.approx(1.7), 4, "ballots")
    assert [(g.unit_code, g.item_code, g.ballots, g.needed) for g in result.gaps] == [
        ("b", "2.1", 2, 3),
        ("c", "2.1", 0, 3),
    ]
    assert result.scored == 1


def test_ballots_from_an_unknown_group_are_refused(session: Session, tmp_path: Path) -> None:
    campaign, _units = scoring_campaign(session, ["a"])
    path = _csv(tmp_path, "group,unit,question,answer\nhoc-sinh,a,2.1,A\n")
    with pytest.raises(ValidationError, match="x.csv:2 cột group .*«hoc-sinh» không có"):
        import_ballots(session=session, campaign_id=campaign.id, path=path, actor="bd", rules=RULES)
    assert session.exec(select(Ballot)).all() == []


def test_the_same_ballot_file_twice_is_refused_and_counts_stay(
    session: Session, tmp_path: Path
) -> None:
    from cchc.errors import Conflict

    campaign, _units = scoring_campaign(session, ["a"])
    path = _csv(tmp_path, "group,respondent,unit,question,answer\ndai-bieu,p1,a,2.1,A\n")
    import_ballots(session=session, campaign_id=campaign.id, path=path, actor="bd", rules=RULES)
    session.commit()
    with pytest.raises(Conflict, match="đã được nhập"):
        import_ballots(session=session, campaign_id=campaign.id, path=path, actor="bd", rules=RULES)
    session.rollback()
    assert len(session.exec(select(Ballot)).all()) == 1
