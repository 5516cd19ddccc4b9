"""The API's not-applicable marks and formula figures, for the unit and for its appraiser."""

from __future__ import annotations

from sqlmodel import Session, select

from models import AuditEntry, CriteriaItem, SelfScore
from tests.world.web import FULL_DRAFT, SA

NA = "/api/campaigns/test-2024/units/{unit}/not-applicable/{item}"
REASON = {"reason": "Sở không có hoạt động thanh tra chuyên ngành"}


def _extend(engine) -> None:  # type: ignore[no-untyped-def]
    """1.2.1 may be not applicable; 1.1 is scored from a % figure, proportionally (max 2)."""
    with Session(engine) as s:
        items = {i.code: i for i in s.exec(select(CriteriaItem)).all()}
        items["1.2.1"].allow_not_applicable = True
        items["1.1"].formula = {"figure": "Tỷ lệ %", "min": 0, "max": 100, "rule": "proportional"}
        items["1.1"].step = None
        s.add_all([items["1.2.1"], items["1.1"]])
        s.commit()


def test_unit_marks_a_leaf_not_applicable_and_scores_a_formula_leaf_by_its_figure(
    world, client, engine
):
    _extend(engine)
    mark = client.put(NA.format(unit="so-a", item="1.2.1"), json=REASON,
                      headers=world.auth("unit_a"))  # fmt: skip
    assert mark.status_code == 200 and mark.json()["marked_by"] == "unit_a"
    scores = [
        {"item_code": "1.1", "figure": 87.5, "explanation": "Theo báo cáo"},
        {"item_code": "1.2.1", "score": 0.0, "explanation": "Không áp dụng"},
        {"item_code": "1.2.2", **FULL_DRAFT["1.2.2"]},
    ]
    assert client.put(SA.format(unit="so-a"), json={"scores": scores},
                      headers=world.auth("unit_a")).status_code == 200  # fmt: skip
    mine = client.get(SA.format(unit="so-a"), headers=world.auth("unit_a")).json()
    by_code = {s["item_code"]: s for s in mine["versions"][0]["scores"]}
    assert (by_code["1.1"]["figure"], by_code["1.1"]["score"]) == (87.5, 1.75)  # 2 × 87,5 %
    with Session(engine) as s:
        assert s.exec(select(AuditEntry).where(AuditEntry.action == "not_applicable")).one()


def test_not_applicable_refusals_answer_json(world, client, engine):
    _extend(engine)
    other = client.put(NA.format(unit="so-a", item="1.2.1"), json=REASON,
                       headers=world.auth("unit_b"))  # fmt: skip
    assert other.status_code == 403
    forbidden = client.put(NA.format(unit="so-a", item="1.1"), json=REASON,
                           headers=world.auth("unit_a"))  # fmt: skip
    assert forbidden.status_code == 422
    assert "không cho phép" in forbidden.json()["error"]["message"]
    bad = client.put(SA.format(unit="so-a"), json={"scores": [{"item_code": "1.1", "figure": 120}]},
                     headers=world.auth("unit_a"))  # fmt: skip
    assert bad.status_code == 422 and "ngoài khoảng 0 – 100" in bad.json()["error"]["message"]
    by_appraiser = client.put(NA.format(unit="so-a", item="1.2.1"), json=REASON,
                              headers=world.auth("appraiser"))  # fmt: skip
    assert by_appraiser.status_code == 200
    cleared = client.delete(NA.format(unit="so-a", item="1.2.1"), headers=world.auth("appraiser"))
    assert (cleared.status_code, cleared.json()["cleared"]) == (200, True)


def test_the_appraisal_screen_shows_the_figure_the_kind_and_the_not_applicable_mark(
    world, client, engine
):
    """1.1 scored from 87,5 %; 1.2.2 turned into a penalty item; 1.2.1 not applicable."""
    from tests.world.accounts import login_as
    from tests.world.web import start_review

    _extend(engine)
    with Session(engine) as s:
        item = s.exec(select(CriteriaItem).where(CriteriaItem.code == "1.2.2")).one()
        item.kind = "penalty"
        s.add(item)
        s.commit()
    client.put(NA.format(unit="so-a", item="1.2.1"), json=REASON, headers=world.auth("unit_a"))
    scores = [{"item_code": "1.1", "figure": 87.5, "explanation": "x"},
              {"item_code": "1.2.1", "score": 0.0}, {"item_code": "1.2.2", "score": -0.5,
                                                     "explanation": "Chậm báo cáo"}]  # fmt: skip
    auth = world.auth("unit_a")
    assert (
        client.put(SA.format(unit="so-a"), json={"scores": scores}, headers=auth).status_code == 200
    )
    assert client.post(SA.format(unit="so-a") + "/submit", headers=auth).status_code == 200
    start_review(engine, world)
    login_as(client, "appraiser")
    page = client.get("/campaigns/test-2024/units/so-a/appraisal").text
    assert "(số liệu 87,50: Tỷ lệ %)" in page and "Điểm trừ</span>" in page
    assert page.count("Không áp dụng</span>") == 1


def test_the_form_reads_a_formula_leaf_figure_and_shows_it_back(world, client, engine):
    """The unit types 62,5 % for 1.1 (its score field is ignored): 2 × 62,5 % = 1,25."""
    from tests.world.accounts import login_as

    _extend(engine)
    login_as(client, "unit_a")
    form = "/campaigns/test-2024/units/so-a/self-assessment"
    posted = {"score_1.1": "2", "figure_1.1": "62,5", "expl_1.1": "Theo hệ thống"}
    assert client.post(form, data=posted, follow_redirects=False).status_code == 303
    with Session(engine) as s:
        row = s.exec(select(SelfScore)).one()
    assert (row.figure, row.score) == (62.5, 1.25)
    assert 'name="figure_1.1"' in client.get(form).text


def test_the_unit_marks_a_leaf_not_applicable_from_its_form(world, client, engine):
    """The form's button for 1.2.1 posts its reason; the form then shows the mark instead."""
    from tests.world.accounts import login_as

    _extend(engine)
    login_as(client, "unit_a")
    form = "/campaigns/test-2024/units/so-a/self-assessment"
    assert 'name="na_reason_1.2.1"' in client.get(form).text
    done = client.post(form + "/not-applicable/1.2.1", data={"na_reason_1.2.1": "Không có"},
                       follow_redirects=False)  # fmt: skip
    assert done.status_code == 303 and done.headers["location"].endswith("?ok=na")
    page = client.get(form + "?ok=na").text
    assert "Đã đánh dấu không áp dụng." in page and 'name="na_reason_1.2.1"' not in page
