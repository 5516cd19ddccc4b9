"""Concurrency through the API of a real `cchc serve` on PostgreSQL.

- 200 units submit at once, spread over the deadline second: all stored, each judged late or on
  time by the server's receipt time (which lies between sending and answering);
- two users of one unit save its draft at once: one wins, the other gets 409, nothing is lost;
- the same submission (or fact) sent several times at once, and replayed later, counts once.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest
from sqlmodel import Session, select

from models import Assignment, AuditEntry, Fact, OrgUnit, SelfAssessment
from tests.faults.helpers import move_deadline, timed_request
from tests.world.served import DEADLINE_UNITS, REPLAY_UNITS, SA, Api, served_world

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    """The three campaigns, served by a real `cchc serve` for the module."""
    with served_world(tmp_path_factory.mktemp("serve")) as world:
        yield world



def test_200_concurrent_submissions_around_the_deadline_second(api):
    units = [f"dl-{i:03d}" for i in range(DEADLINE_UNITS)]
    due = datetime.fromtimestamp(time.time() + 6, tz=UTC).replace(microsecond=0)
    move_deadline(api.engine, "deadline-2024", due)
    start = due.timestamp() - 2.0  # spread the sends over [due - 2 s, due + 2 s)

    async def crowd() -> list[tuple[float, float, httpx.Response]]:
        limits = httpx.Limits(max_connections=DEADLINE_UNITS)
        async with httpx.AsyncClient(base_url=api.base, limits=limits, timeout=90) as client:
            return await asyncio.gather(
                *(
                    timed_request(
                        client,
                        "POST",
                        SA.format(code="deadline-2024", unit=u) + "/submit",
                        api.auth(u),
                        start + 4.0 * i / len(units),
                    )
                    for i, u in enumerate(units)
                )
            )

    answers = dict(zip(units, asyncio.run(crowd()), strict=True))
    assert Counter(r.status_code for _, _, r in answers.values()) == {200: DEADLINE_UNITS}
    with Session(api.engine) as s:
        stored = {
            code: (sa_row, a)
            for code, sa_row, a in s.exec(
                select(OrgUnit.code, SelfAssessment, Assignment)
                .join(SelfAssessment, SelfAssessment.unit_id == OrgUnit.id)
                .join(Assignment, Assignment.unit_id == OrgUnit.id)
                .where(
                    SelfAssessment.campaign_id == Assignment.campaign_id,
                    SelfAssessment.status == "submitted",
                    OrgUnit.code.in_(units),
                )
            )
        }
    assert set(stored) == set(units)  # all stored, none lost
    for unit, (sent, answered, response) in answers.items():
        version, assignment = stored[unit]
        received = version.received_at.timestamp()
        assert sent - 0.01 <= received <= answered + 0.01  # the server's receipt time
        # The deadline second is inclusive: 23:59:59.999 is still on time (models/assignments).
        late = version.received_at.replace(microsecond=0) > due
        assert version.late == late == response.json()["late"]
        assert assignment.late == version.late and assignment.received_at == version.received_at
        assert assignment.state == ("late" if version.late else "done")
    judged = Counter(v.late for v, _ in stored.values())
    assert judged[True] and judged[False]  # the crowd straddled the deadline second


@pytest.mark.parametrize("unit", ["ed-000", "ed-001"])
def test_two_users_saving_one_draft_at_once_one_gets_409(api, unit):
    url = SA.format(code="edits-2024", unit=unit)

    async def both(version: int) -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=api.base, timeout=60) as client:
            return await asyncio.gather(
                *(
                    client.put(
                        url,
                        headers={**api.auth(f"{unit}-{who}"), "If-Match": f'"{version}"'},
                        json={
                            "scores": [
                                {"item_code": "1.1", "score": score, "explanation": f"người {who}"}
                            ]
                        },
                    )
                    for who, score in (("a", 0.5), ("b", 2.0))
                )
            )

    for _ in range(8):  # the first round races to create the draft itself
        before = httpx.get(api.base + url, headers=api.auth(f"{unit}-a"), timeout=30).json()
        answers = asyncio.run(both(before["lock_version"]))
        assert sorted(r.status_code for r in answers) == [200, 409], [r.text for r in answers]
        winner = next(r for r in answers if r.status_code == 200).json()
        after = httpx.get(api.base + url, headers=api.auth(f"{unit}-a"), timeout=30).json()
        draft = after["versions"][0]
        assert after["lock_version"] == before["lock_version"] + 1 == winner["lock_version"]
        won_score = 0.5 if answers[0].status_code == 200 else 2.0
        assert [s["score"] for s in draft["scores"] if s["item_code"] == "1.1"] == [won_score]


def test_duplicate_and_replayed_submissions_and_facts_count_once(api):
    units = [f"rp-{i:03d}" for i in range(REPLAY_UNITS)]

    async def storm() -> list[list[httpx.Response]]:
        async with httpx.AsyncClient(base_url=api.base, timeout=60) as client:

            async def three(u: str) -> list[httpx.Response]:
                url = SA.format(code="replay-2024", unit=u) + "/submit"
                return list(
                    await asyncio.gather(*(client.post(url, headers=api.auth(u)) for _ in range(3)))
                )

            return list(await asyncio.gather(*(three(u) for u in units)))

    first = dict(zip(units, asyncio.run(storm()), strict=True))
    for unit, answers in first.items():
        assert sorted(r.status_code for r in answers) == [200, 409, 409], (
            unit,
            [r.text for r in answers],
        )
    replays = [
        httpx.post(
            api.base + SA.format(code="replay-2024", unit=u) + "/submit",
            headers=api.auth(u),
            timeout=30,
        )
        for u in units[:5]
    ]
    assert {r.status_code for r in replays} == {409}
    fact = {"kind": "guidance_issued", "stage_code": "huong-dan", "document_no": "01/HD-SNV"}

    async def facts() -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=api.base, timeout=60) as client:
            return list(
                await asyncio.gather(
                    *(
                        client.post(
                            "/api/campaigns/replay-2024/facts", json=fact, headers=api.auth("admin")
                        )
                        for _ in range(4)
                    )
                )
            )

    fact_answers = asyncio.run(facts()) + asyncio.run(facts())
    assert {r.status_code for r in fact_answers} <= {201, 409}, [r.text for r in fact_answers]
    with Session(api.engine) as s:
        versions = s.exec(
            select(OrgUnit.code, SelfAssessment)
            .join(SelfAssessment, SelfAssessment.unit_id == OrgUnit.id)
            .where(OrgUnit.code.in_(units))
        ).all()
        submits = s.exec(
            select(AuditEntry.entity_id).where(
                AuditEntry.action == "submit", AuditEntry.actor.in_(units)
            )
        ).all()
        facts_stored = s.exec(select(Fact).where(Fact.kind == "guidance_issued")).all()
    assert Counter(code for code, v in versions if v.status == "submitted") == dict.fromkeys(
        units, 1
    )
    assert len(submits) == REPLAY_UNITS  # one audited submission per unit
    for code, version in versions:
        won = next(r for r in first[code] if r.status_code == 200).json()
        assert version.received_at.isoformat() == won["received_at"]
    assert len(facts_stored) == 1
