"""Every admin input refuses an unknown unit, field, item, stage or campaign code, changing nothing.

The API, the CLI and the screens call these service entries, so one refusal here covers all three:
a CchcError (422/404 on the API, exit 2 on the CLI) whose Vietnamese message names the code.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, select

from cchc.errors import CchcError
from tests.world.scoring import DUE, SELF_SCORES, open_review, scoring_campaign, submit

UNKNOWN = "khong-co-ma"
CAMPAIGN = "test-2024"
Act = Callable[[Session, Path], Any]


def _extend(**codes: str) -> Act:
    from services.extensions import extend_deadline

    args = {"campaign_code": CAMPAIGN, "stage_code": "tu-danh-gia", "unit_code": "a", **codes}
    return lambda s, _p: extend_deadline(
        session=s, new_due_at=DUE + timedelta(days=9), reason="Thiên tai", document_no="1/SNV",
        actor="snv", **args,
    )  # fmt: skip


def _fact(**codes: str) -> Act:
    from services.facts import record_fact

    return lambda s, _p: record_fact(session=s, campaign_code=CAMPAIGN, actor="snv", **codes)


def _final(unit: str = "a", item: str = "1.1") -> Act:
    from services.final_scores import record

    return lambda s, _p: record(
        session=s, campaign_code=CAMPAIGN, unit_code=unit, item_code=item, actor="hd",
        score=1.0, reason="Hội đồng thống nhất",
    )  # fmt: skip


def _appraise(unit: str = "a", item: str = "1.1") -> Act:
    from services.appraisal import appraise_item

    return lambda s, _p: appraise_item(
        session=s, campaign_code=CAMPAIGN, unit_code=unit, item_code=item, actor="td",
        decision="accepted",
    )  # fmt: skip


def _accept_all(field: str) -> Act:
    from services.appraisal import accept_all

    return lambda s, _p: accept_all(
        session=s, campaign_code=CAMPAIGN, unit_code="a", actor="td", field_code=field
    )


def _complete(stage: str) -> Act:
    from services.appraisal import complete

    return lambda s, _p: complete(session=s, campaign_code=CAMPAIGN, actor="snv", stage_code=stage)


def _account(**scope: Any) -> Act:
    from services.accounts_admin import add_account

    return lambda s, _p: add_account(session=s, name="moi", actor="snv", **scope)


def _import_accounts(unit: str) -> Act:
    from openpyxl import Workbook

    from services.accounts_import import import_accounts

    def act(s: Session, folder: Path) -> Any:
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        for row in (["Mã đơn vị", "Tên đăng nhập"], ["a", "so-a-vanthu"], [unit, "moi"]):
            sheet.append(row)
        book.save(folder / "dv.xlsx")
        return import_accounts(session=s, path=folder / "dv.xlsx", actor="snv")

    return act


def _evidence(item: str) -> Act:
    from services.evidence import upload

    return lambda s, _p: upload(
        session=s, campaign_code=CAMPAIGN, unit_code="a", actor="a", filename="bc.pdf",
        data=b"%PDF-1.4 ok", item_code=item,
    )  # fmt: skip


def _not_submitted(unit: str) -> Act:
    from services.not_submitted import mark_not_submitted

    return lambda s, _p: mark_not_submitted(
        session=s, campaign_code=CAMPAIGN, unit_code=unit, reason="Không nộp", actor="hd"
    )


def _requeue(campaign: str) -> Act:
    from services.notify import requeue_failed_messages

    return lambda s, _p: requeue_failed_messages(session=s, campaign_code=campaign, actor="snv")


def _survey(unit: str, item: str) -> Act:
    from services.survey import import_points

    def act(s: Session, folder: Path) -> Any:
        path = folder / "xhh.csv"
        path.write_text(f"unit,item,points\na,2.1,3\n{unit},{item},1.5\n", encoding="utf-8")
        return import_points(session=s, campaign_code=CAMPAIGN, path=path, actor="snv")

    return act


def _compute(campaign: str) -> Act:
    from services.results import compute_many

    return lambda s, _p: compute_many(session=s, actor="snv", campaign_codes=[campaign])


def _council(campaign: str) -> Act:
    from services.council import record_session

    return lambda s, _p: record_session(
        session=s, campaign_code=campaign, held_on=date(2024, 12, 20), members_total=3,
        present=["x", "y", "z"], in_writing=[], votes_for=3, votes_against=0, decision=None,
        actor="snv",
    )  # fmt: skip


CASES: dict[str, Act] = {
    "extension: campaign": _extend(campaign_code=UNKNOWN),
    "extension: stage": _extend(stage_code=UNKNOWN),
    "extension: unit": _extend(unit_code=UNKNOWN),
    "fact: stage": _fact(stage_code=UNKNOWN),
    "fact: stage kind": _fact(stage_kind=UNKNOWN),
    "fact: unit": _fact(stage_code="tham-dinh", unit_code=UNKNOWN),
    "council final: unit": _final(unit=UNKNOWN),
    "council final: item": _final(item=UNKNOWN),
    "council session: campaign": _council(UNKNOWN),
    "appraisal: unit": _appraise(unit=UNKNOWN),
    "appraisal: item": _appraise(item=UNKNOWN),
    "appraisal accept-all: field": _accept_all(UNKNOWN),
    "appraisal done: stage": _complete(UNKNOWN),
    "user: unit": _account(role="unit", unit_code=UNKNOWN),
    "user: field scope": _account(role="appraiser", unit_code="a", field_codes=[UNKNOWN]),
    "user: unit scope": _account(role="appraiser", unit_code="a", unit_codes=[UNKNOWN]),
    "users import: unit": _import_accounts(UNKNOWN),
    "evidence: item": _evidence(UNKNOWN),
    "not submitted: unit": _not_submitted(UNKNOWN),
    "notify retry: campaign": _requeue(UNKNOWN),
    "survey points: unit": _survey(UNKNOWN, "2.1"),
    "survey points: item": _survey("b", UNKNOWN),
    "results: campaign": _compute(UNKNOWN),
}


def _counts(engine: Engine) -> dict[str, int]:
    """Count the rows of every table: what a refused input must leave as it was."""
    with Session(engine) as s:
        return {
            t.name: s.exec(select(func.count()).select_from(t)).one()
            for t in SQLModel.metadata.sorted_tables
        }


@pytest.fixture
def world(sqlite_only: Engine) -> Engine:
    """Campaign `test-2024`: units a, b; the self-assessment, appraisal and council stages."""
    with Session(sqlite_only, expire_on_commit=False) as s:
        campaign, units = scoring_campaign(s, ["a", "b"])
        submit(s, campaign, units[0], SELF_SCORES)
        open_review(s, campaign)
    return sqlite_only


@pytest.mark.parametrize("case", list(CASES))
def test_an_unknown_code_is_refused_naming_it_and_nothing_changes(
    world: Engine, tmp_path: Path, case: str
) -> None:
    before = _counts(world)
    with Session(world) as s, pytest.raises(CchcError) as refused:
        CASES[case](s, tmp_path)
        s.commit()
    assert UNKNOWN in str(refused.value), str(refused.value)
    assert _counts(world) == before
