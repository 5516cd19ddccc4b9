"""Many writers at once: no lost update, no 500; each unit's submission stored once."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from sqlmodel import Session, select

from models import OrgUnit, SelfAssessment
from models.accounts.ops import create_user
from tests.world.catalog import make_unit
from tests.world.web import FULL, SA


def test_concurrent_edits_of_one_draft_give_one_winner_and_conflicts(world, client):
    assert (
        client.put(SA.format(unit="so-a"), json=FULL, headers=world.auth("unit_a")).status_code
        == 200
    )

    def edit(i: int) -> int:
        body = {
            "scores": [{"item_code": "1.1", "score": 0.25 * (i % 8), "explanation": f"v{i}"}],
            "lock_version": 1,
        }
        return client.put(
            SA.format(unit="so-a"), json=body, headers=world.auth("unit_a")
        ).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        codes = list(pool.map(edit, range(16)))
    assert codes.count(200) == 1 and codes.count(409) == 15, codes


def test_concurrent_submissions_of_many_units_are_all_stored(world, client, engine):
    tokens = {}
    with Session(engine) as s:
        root = s.exec(select(OrgUnit).where(OrgUnit.code == "tinh")).one()
        from models import Assignment

        for i in range(12):
            unit = make_unit(s, f"so-{i}", parent=root)
            s.add(
                Assignment(
                    stage_id=world.stage.id,
                    unit_id=unit.id,
                    campaign_id=world.campaign.id,
                    state="open",
                    due_at=world.stage.due_at,
                )
            )
            _user, tokens[unit.code] = create_user(
                session=s, name=f"u{i}", role="unit", actor="t", unit_code=unit.code
            )
        s.commit()

    def submit(code: str) -> tuple[int, int]:
        auth = {"Authorization": f"Bearer {tokens[code]}"}
        saved = client.put(SA.format(unit=code), json=FULL, headers=auth).status_code
        return saved, client.post(SA.format(unit=code) + "/submit", headers=auth).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        codes = list(pool.map(submit, tokens))
    assert codes == [(200, 200)] * 12
    with Session(engine) as s:
        submitted = s.exec(select(SelfAssessment).where(SelfAssessment.status == "submitted")).all()
        assert len(submitted) == 12
