"""Property: whatever order the acts come in, a campaign never reaches a wrong state.

Hypothesis drives submit, withdraw, appraise, extend, tick, approve, publish, reopen, amend (and
marks units not submitted) on a small SQLite campaign launched from a plan file
(tests/world/plan_lifecycle.py); after every step the invariants below must hold.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from cchc.clock import frozen_at
from cchc.errors import CchcError
from models import (
    Appraisal,
    Approval,
    AuditEntry,
    Campaign,
    CampaignVersion,
    Extension,
    Fact,
    OrgUnit,
    PublishedSnapshot,
    Result,
    SelfAssessment,
)  # fmt: skip
from models.results.compute import compute_results
from models.results.snapshot import latest_snapshot, snapshot_rows
from models.tick import evaluate as tick
from services import appraisal, approval, extensions, lifecycle, self_assessment
from services.not_submitted import mark_not_submitted
from services.public import published_view
from tests.conftest import _truncate_all
from tests.world.plan_lifecycle import (
    CODE,
    DUE,
    launch_lifecycle_plan,
    lifecycle_campaign,
    write_lifecycle_plan,
)  # fmt: skip

# Ranked departments, one unit scored but ranked never, and so-4 that only an amendment adds.
UNITS = ("so-noi-vu", "so-1", "so-2", "so-3", "khong-xep-hang", "so-4")
FULL = {c: {"score": s, "explanation": "Theo báo cáo"} for c, s in
        {"1.1": 2.0, "1.2.1": 1.0, "1.2.2": 0.5}.items()}  # fmt: skip
unit_codes = st.sampled_from(UNITS)


class Campaigns(RuleBasedStateMachine):
    """One campaign under random acts; the model remembers only what was published."""

    def __init__(self, engine: Engine, root: Path) -> None:
        super().__init__()
        _truncate_all(engine)
        self.s = Session(engine, expire_on_commit=False)
        self.root = root
        lifecycle_campaign(self.s, root)  # self-assessment due, review open, approval ready
        self.published: list[dict] | None = None
        self.plan = (0, 3)  # the running version's self-assessment shift (days), departments
        self.versions = 1
        self.kept: set[tuple[str, str]] = set()  # facts recorded before the last amendment
        # The acts' own clock: a day before the self-assessment is due, so a unit may still
        # withdraw; `advance` moves it past the due time, where appraisal becomes possible.
        self.clock = DUE - timedelta(days=1)

    def teardown(self) -> None:
        """Close the session."""
        self.s.close()

    def _campaign(self) -> Campaign:
        return self.s.exec(select(Campaign)).one()

    def _audits(self) -> int:
        return int(self.s.exec(select(func.count()).select_from(AuditEntry)).one())

    def _facts(self) -> tuple:
        """What the acts change: state, approvals, submissions, appraisals, facts, plan versions."""
        tables = (Approval, SelfAssessment, Appraisal, Extension, Fact, PublishedSnapshot,
                  CampaignVersion)  # fmt: skip
        counts = tuple(len(self.s.exec(select(t)).all()) for t in tables)
        versions = tuple(sorted(v.status for v in self.s.exec(select(SelfAssessment)).all()))
        return (self._campaign().state, counts, versions)

    def _act(self, act: str, body) -> bool:  # type: ignore[no-untyped-def]
        """Run an act; a refusal changes nothing; a change is audited and allowed by the state."""
        state, before, audits = self._campaign().state, self._facts(), self._audits()
        try:
            with frozen_at(self.clock):
                body()
        except CchcError:
            self.s.rollback()
            assert (self._facts(), self._audits()) == (before, audits)
            return False
        self.s.commit()
        if self._facts() != before:
            assert self._audits() > audits, act  # every change has an audit row
            assert lifecycle.allows(act, state), (act, state)  # and a state allowing it
        return True

    @rule(unit=unit_codes)
    def submit(self, unit: str) -> None:
        def body() -> None:
            self_assessment.save_draft(session=self.s, campaign_code=CODE, unit_code=unit,
                                       actor=unit, scores=FULL)  # fmt: skip
            self_assessment.submit(session=self.s, campaign_code=CODE, unit_code=unit, actor=unit)

        self._act("submit", body)

    @rule(hours=st.integers(6, 48))
    def advance(self, hours: int) -> None:
        self.clock += timedelta(hours=hours)  # time only moves forward for the acts

    @rule(unit=unit_codes)
    def withdraw(self, unit: str) -> None:
        self._act("withdraw", lambda: self_assessment.withdraw(
            session=self.s, campaign_code=CODE, unit_code=unit, actor=unit,
            reason="Sửa"))  # fmt: skip

    @rule(unit=unit_codes)
    def appraise(self, unit: str) -> None:
        self._act("appraise", lambda: appraisal.accept_all(
            session=self.s, campaign_code=CODE, unit_code=unit, actor="snv"))  # fmt: skip

    @rule(unit=unit_codes, days=st.integers(1, 3))
    def extend(self, unit: str, days: int) -> None:
        self._act("extend", lambda: extensions.extend_deadline(
            session=self.s, campaign_code=CODE, stage_code="tu-danh-gia", unit_code=unit,
            new_due_at=DUE + timedelta(days=self.plan[0] + days), reason="Thiên tai",
            document_no=f"{days}/SNV", actor="snv"))  # fmt: skip

    @rule(unit=unit_codes)
    def not_submitted(self, unit: str) -> None:
        self._act("not_submitted", lambda: mark_not_submitted(
            session=self.s, campaign_code=CODE, unit_code=unit, reason="Không nộp",
            actor="hd"))  # fmt: skip

    @rule(days=st.integers(0, 4))
    def tick(self, days: int) -> None:
        at = DUE + timedelta(days=days)  # ticks come in any order: earlier ones send nothing
        tick.advance_stages(session=self.s, campaign_id=self._campaign().id, at=at)
        tick.send_reminders(session=self.s, campaign_id=self._campaign().id, at=at)
        self.s.commit()

    @rule(number=st.sampled_from(["1/QĐ", "2/QĐ"]), force=st.booleans())
    def approve(self, number: str, force: bool) -> None:
        self._act("approve", lambda: approval.approve(
            session=self.s, campaign_code=CODE, decision_no=number, decided_on=date(2025, 1, 2),
            actor="ct", force=force, reason="Chỉ đạo" if force else None))  # fmt: skip

    @rule()
    def publish(self) -> None:
        if self._act("publish", lambda: approval.publish(session=self.s, campaign_code=CODE,
                                                         actor="snv")):  # fmt: skip
            self.published = snapshot_rows(session=self.s, campaign_id=self._campaign().id)

    @rule(number=st.sampled_from(["R1", "R2"]))
    def reopen(self, number: str) -> None:
        self._act("reopen", lambda: approval.reopen(
            session=self.s, campaign_code=CODE, decision_no=number, reason="Kiến nghị",
            actor="ct"))  # fmt: skip

    @rule(shift=st.integers(-2, 3), grow=st.booleans())
    def amend(self, shift: int, grow: bool) -> None:
        plan = (shift, self.plan[1] + grow)  # an unchanged plan is refused as no amendment
        path = write_lifecycle_plan(self.root, shift=plan[0], departments=plan[1])
        before = self._attached()
        if self._act("amend", lambda: launch_lifecycle_plan(self.s, path, confirm=True)):
            self.plan, self.versions, self.kept = plan, self.versions + 1, before

    def _attached(self) -> set[tuple[str, str]]:
        """Every recorded fact of the campaign: submissions, appraisals, facts, approvals."""
        campaign = self._campaign()
        return {
            (t.__name__, str(row.id))
            for t in (SelfAssessment, Appraisal, Fact, Approval)
            for row in self.s.exec(select(t).where(t.campaign_id == campaign.id)).all()
        } | {("Extension", str(e.id)) for e in self.s.exec(select(Extension)).all()}

    @invariant()
    def public_results_are_the_last_published_snapshot(self) -> None:
        if self.published is None:
            assert latest_snapshot(session=self.s, campaign_id=self._campaign().id) is None
            return
        view = published_view(session=self.s, campaign_code=CODE)
        assert view.snapshot.rows == self.published
        assert view.under_review == (self._campaign().state != "published")

    @invariant()
    def frozen_results_equal_a_recomputation_from_the_facts(self) -> None:
        campaign = self._campaign()
        frozen = snapshot_rows(session=self.s, campaign_id=campaign.id)
        if campaign.state not in ("approved", "published"):
            return
        assert all(r.frozen_at for r in self.s.exec(select(Result)).all())
        nested = self.s.begin_nested()
        for row in self.s.exec(select(Result)).all():
            row.frozen_at = None
            self.s.add(row)
        compute_results(session=self.s, campaign_id=campaign.id)
        again = snapshot_rows(session=self.s, campaign_id=campaign.id)
        nested.rollback()
        assert again == frozen

    @invariant()
    def no_unit_is_ranked_that_the_rules_exclude(self) -> None:
        rows = self.s.exec(select(Result, OrgUnit).join(OrgUnit)).all()
        assert all(u.rank_group != "none" for r, u in rows if r.rank is not None)

    @invariant()
    def versions_run_1_to_n_with_one_amend_audit_each(self) -> None:
        numbers = self.s.exec(select(CampaignVersion.number).order_by(CampaignVersion.number))
        assert list(numbers) == list(range(1, self.versions + 1))
        audits = self.s.exec(select(AuditEntry).where(AuditEntry.action == "amend")).all()
        steps = sorted((int(a.old_value or 0), int(a.new_value or 0)) for a in audits)
        assert steps == [(n - 1, n) for n in range(2, self.versions + 1)]

    @invariant()
    def facts_recorded_before_an_amendment_stay_attached(self) -> None:
        assert self.kept <= self._attached()


def test_no_sequence_of_acts_reaches_a_wrong_state(sqlite_only: Engine, tmp_path: Path) -> None:
    run_state_machine_as_test(
        lambda: Campaigns(sqlite_only, tmp_path),
        settings=settings(
            max_examples=25, stateful_step_count=20, deadline=None,
            suppress_health_check=list(HealthCheck),
        ),
    )  # fmt: skip
