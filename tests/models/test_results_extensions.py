"""Bonus/penalty points, not-applicable leaves and formula leaves in the index (both dialects)."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from cchc.errors import ScoreError, ValidationError
from models import CriteriaItem, FieldResult, Result, SelfScore
from models.results.compute import compute_results
from models.scoring.not_applicable import clear_not_applicable, mark_not_applicable
from tests.world.extensions import extended_campaign, extended_campaign_unit, submit_entries

REASON = "Đơn vị không có chức năng thanh tra chuyên ngành"


def _item(session: Session, code: str) -> CriteriaItem:
    return session.exec(select(CriteriaItem).where(CriteriaItem.code == code)).one()


def _scores(**kw: float) -> dict[str, dict[str, float]]:
    return {code[1:].replace("_", "."): {"score": v} for code, v in kw.items()}


def _world(session: Session):  # type: ignore[no-untyped-def]
    """a, b, c of the extended set (base max 8, bonus ≤ 1, penalty ≤ 2, cap 100), submitted."""
    campaign, (a, b, c) = extended_campaign(session, ["a", "b", "c"])
    session.commit()
    submit_entries(session, campaign, a, {
        **_scores(s1_1=2, s1_2=2, s2_1=1, s3_1=0),
        "1.3": {"figure": 96}, "1.4": {"figure": 90}})  # fmt: skip
    mark_not_applicable(
        session=session, campaign_id=campaign.id, unit_id=b.id, item=_item(session, "1.2"),
        reason=REASON, actor="b",
    )  # fmt: skip
    submit_entries(session, campaign, b, {
        **_scores(s1_1=1.5, s1_2=0, s2_1=0, s3_1=-0.5),
        "1.3": {"figure": 85}, "1.4": {"figure": 50}})  # fmt: skip
    submit_entries(session, campaign, c, {
        **_scores(s1_1=2, s1_2=1, s2_1=0.5, s3_1=-1),
        "1.3": {"figure": 79.99}, "1.4": {"figure": 100}})  # fmt: skip
    return campaign, (a, b, c)


@pytest.mark.parametrize("with_fields", [True, False])
def test_bonus_penalty_not_applicable_and_formulas_give_the_hand_computed_index(
    session: Session, with_fields: bool
) -> None:
    """Worked example (base max 8, index capped at 100):
    a: 1.1 2 + 1.2 2 + 1.3 (96 % → bracket 95–100) 2 + 1.4 (90 % × 2) 1,8 = 7,8 base,
       + bonus 1 − penalty 0 = 8,8 → 8,8 / 8 × 100 = 110 → capped at 100.
    b: 1.2 not applicable → max 8 − 2 = 6; 1.1 1,5 + 1.3 (85 % → 80–95) 1 + 1.4 (50 %) 1
       − penalty 0,5 = 3 → 3 / 6 × 100 = 50.
    c: 2 + 1 + 1.3 (79,99 % → 0–80) 0 + 1.4 (100 %) 2 + bonus 0,5 − penalty 1 = 4,5
       → 4,5 / 8 × 100 = 56,25.
    Ranks: a 1, c 2, b 3.
    """
    campaign, (a, b, c) = _world(session)
    assert compute_results(session=session, campaign_id=campaign.id, with_fields=with_fields) == 3
    session.commit()
    rows = {r.unit_id: r for r in session.exec(select(Result)).all()}
    got = [(rows[u.id].max_points, rows[u.id].achieved_points, rows[u.id].index_value,
            rows[u.id].rank) for u in (a, b, c)]  # fmt: skip
    assert got == [
        (8.0, pytest.approx(8.8), 100.0, 1),
        (6.0, pytest.approx(3.0), pytest.approx(50.0), 3),
        (8.0, pytest.approx(4.5), pytest.approx(56.25), 2),
    ]


def test_field_rows_keep_bonus_and_penalty_outside_the_maximum(session: Session) -> None:
    """b's field 1: max 8 − 2 (1.2 not applicable) = 6, achieved 3,5; field 3: max 0, −0,5."""
    campaign, (_a, b, _c) = _world(session)
    compute_results(session=session, campaign_id=campaign.id)
    session.commit()
    rows = session.exec(select(FieldResult).where(FieldResult.unit_id == b.id)).all()
    got = {r.field_code: (r.max_points, r.achieved_points) for r in rows}
    assert got == {"1": (6.0, pytest.approx(3.5)), "2": (0.0, 0.0), "3": (0.0, -0.5)}


def test_a_formula_leaf_keeps_its_figure_and_refuses_a_contradicting_score(
    session: Session,
) -> None:
    campaign, (a, _b, _c) = _world(session)
    row = session.exec(select(SelfScore).where(SelfScore.item_id == _item(session, "1.4").id))
    assert {(r.figure, r.score) for r in row.all()} == {(90.0, 1.8), (50.0, 1.0), (100.0, 2.0)}
    d = extended_campaign_unit(session, campaign, "d")
    with pytest.raises(ScoreError) as err:
        submit_entries(
            session, campaign, d, {"1.3": {"figure": 101}, "1.4": {"figure": 50, "score": 2}}
        )
    assert err.value.problems == [
        "1.3: số liệu 101 ngoài khoảng 0 – 100",
        "1.4: điểm 2 khác điểm tính từ số liệu (1); chỉ cần nhập số liệu",
    ]


def test_not_applicable_is_refused_where_the_set_forbids_it_or_a_score_stands(
    session: Session,
) -> None:
    campaign, (a, b, _c) = _world(session)
    with pytest.raises(ValidationError, match="không cho phép"):
        mark_not_applicable(session=session, campaign_id=campaign.id, unit_id=a.id,
                            item=_item(session, "1.1"), reason=REASON, actor="a")  # fmt: skip
    with pytest.raises(ScoreError, match="điểm phải là 0"):  # a scored 1.2: 2 points
        mark_not_applicable(session=session, campaign_id=campaign.id, unit_id=a.id,
                            item=_item(session, "1.2"), reason=REASON, actor="a")  # fmt: skip
    with pytest.raises(ValidationError, match="lý do"):
        mark_not_applicable(session=session, campaign_id=campaign.id, unit_id=b.id,
                            item=_item(session, "1.2"), reason="  ", actor="b")  # fmt: skip
    assert clear_not_applicable(session=session, campaign_id=campaign.id, unit_id=b.id,
                                item=_item(session, "1.2"), actor="b")  # fmt: skip
    compute_results(session=session, campaign_id=campaign.id)
    row = session.exec(select(Result).where(Result.unit_id == b.id)).one()
    assert (row.max_points, row.index_value) == (8.0, pytest.approx(3 / 8 * 100))


def test_the_agency_figure_rescores_a_formula_leaf_in_the_appraised_index(
    session: Session,
) -> None:
    """c's agency finds 96 % on time (the unit wrote 79,99 %): 1.3 gives 2 instead of 0, so
    c reaches 4,5 + 2 = 6,5 → 6,5 / 8 × 100 = 81,25. A score on b's not-applicable 1.2 is refused.
    """
    from models.scoring.appraisals import accept_all, appraise_item
    from tests.world.scoring import open_review

    campaign, (_a, b, c) = _world(session)
    open_review(session, campaign, close_self=True)
    row = appraise_item(session=session, campaign_id=campaign.id, unit_id=c.id, item_code="1.3",
                        decision="adjusted", actor="snv", figure=96, reason="Hệ thống")  # fmt: skip
    assert (row.figure, row.appraised_score) == (96, 2.0)
    with pytest.raises(ScoreError, match="không áp dụng"):
        appraise_item(session=session, campaign_id=campaign.id, unit_id=b.id, item_code="1.2",
                      decision="adjusted", actor="snv", score=1.0, reason="x")  # fmt: skip
    accept_all(session=session, campaign_id=campaign.id, unit_id=c.id, actor="snv")
    compute_results(session=session, campaign_id=campaign.id)
    result = session.exec(select(Result).where(Result.unit_id == c.id)).one()
    assert (result.appraised_points, result.index_value) == (
        pytest.approx(6.5), pytest.approx(81.25))  # fmt: skip


def test_the_report_appendix_shows_not_applicable_bonus_penalty_and_figures(
    session: Session, tmp_path
) -> None:
    """b's sheet: 1.2 not applicable (max 0, field 1 max 6), 1.3 from 85 %, 3.1 a penalty."""
    from openpyxl import load_workbook

    from report.build import write_report

    campaign, (_a, b, _c) = _world(session)
    compute_results(session=session, campaign_id=campaign.id)
    session.commit()
    book = load_workbook(write_report(session=session, campaign=campaign, folder=tmp_path)["xlsx"])
    rows = {r[0]: r for r in book["b"].iter_rows(min_row=4, values_only=True) if r[0]}
    assert (rows["1"][2], rows["1.2"][2], rows["1.2"][8]) == (6, 0, f"Không áp dụng: {REASON}")
    assert (rows["1.3"][6], rows["1.3"][8]) == (1, "Số liệu: 85")
    assert (rows["3.1"][6], rows["3.1"][8]) == (-0.5, "Điểm trừ")
    total = next(r for r in book["b"].iter_rows(values_only=True) if r[1] == "TỔNG")
    assert (total[2], total[6], total[7]) == (6, 3, 50)
