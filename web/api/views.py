"""Turn rows into the API's typed answers (times ISO 8601 UTC, plus a local label)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import datetime

from cchc.wording.dates import day, moment
from cchc.wording.labels import NOTIFICATION_MARK, THREAD_SIDE
from cchc.wording.lineage import basis_text, change_text
from cchc.wording.numbers import number
from models.campaign.progress import Counts, StageProgress, stage_is_done
from models.campaign.tables import Assignment, Campaign, Extension, Stage
from models.catalog.criteria import CriteriaItem
from models.catalog.units import OrgUnit
from models.outbox.marks import marks
from models.outbox.tables import Notification
from models.results.lineage import Comparison
from models.results.snapshot import FIELDS as SNAPSHOT_FIELDS
from models.results.snapshot import SnapshotRow
from models.results.tables import Result
from models.scoring.council import CouncilSession
from models.scoring.tables import Appraisal, AppraisalMessage, Evidence, SelfAssessment, SelfScore
from web import fmt
from web.schemas import (
    AppraisalPublic,
    AssignmentPublic,
    CampaignProgressPublic,
    CampaignPublic,
    CouncilSessionPublic,
    CountsPublic,
    EvidencePublic,
    ExtensionGrant,
    MessagePublic,
    NotificationPublic,
    PreviousSourcePublic,
    ResultPublic,
    SelfScorePublic,
    StagePublic,
    ThreadPublic,
    VersionPublic,
    VersionScoresPublic,
)


def counts_out(counts: Counts) -> CountsPublic:
    """Counts of one stage: done/total, late, overdue, extended."""
    return CountsPublic(
        total=counts.total,
        done=counts.done,
        late=counts.of("late"),
        overdue=counts.of("overdue"),
        open=counts.of("open"),
        extended=counts.extended,
        refused=counts.of("refused"),
    )


def campaign_out(campaign: Campaign) -> CampaignPublic:
    """A campaign's header."""
    return CampaignPublic(
        code=campaign.code,
        title=campaign.title,
        year=campaign.year,
        province=campaign.province_code,
        state=campaign.state,
        starts_at=campaign.starts_at.isoformat(),
        ends_at=campaign.ends_at.isoformat(),
    )


def campaign_progress_out(campaign: Campaign, counts: Counts) -> CampaignProgressPublic:
    """A campaign's header with its overall progress."""
    return CampaignProgressPublic(
        **campaign_out(campaign).model_dump(), progress=counts_out(counts)
    )


def stage_out(progress: StageProgress) -> StagePublic:
    """One stage with its window and progress."""
    stage = progress.stage
    return StagePublic(
        code=stage.code,
        title=stage.title,
        kind=stage.kind,
        state=stage.state,
        opens_at=stage.opens_at.isoformat(),
        due_at=stage.due_at.isoformat(),
        due_local=day(stage.due_at),
        done=stage_is_done(progress),
        progress=counts_out(progress.counts),
    )


def _iso(moment_: datetime | None) -> str | None:
    """An optional moment as ISO 8601."""
    return moment_.isoformat() if moment_ else None


def assignment_out(
    campaign: Campaign, stage: Stage, assignment: Assignment, extensions: list[Extension]
) -> AssignmentPublic:
    """One of a unit's assignments, with working days left (campaign calendar) and extensions."""
    open_ = assignment.state in {"open", "overdue"}
    return AssignmentPublic(
        stage_code=stage.code,
        stage_title=stage.title,
        kind=stage.kind,
        state=assignment.state,
        due_at=assignment.due_at.isoformat(),
        due_local=moment(assignment.due_at),
        late=assignment.late,
        received_at=_iso(assignment.received_at),
        working_days_left=fmt.working_days(assignment.due_at, campaign) if open_ else None,
        days_left_text=fmt.days_left(assignment.due_at, campaign) if open_ else None,
        extended=assignment.extended,
        extensions=[
            ExtensionGrant(
                new_due_at=e.new_due_at.isoformat(),
                reason=e.reason,
                document_no=e.document_no,
                granted_by=e.granted_by,
            )
            for e in extensions
            if e.assignment_id == assignment.id
        ],
    )


def version_out(version: SelfAssessment) -> VersionPublic:
    """One self-assessment version, without scores."""
    return VersionPublic(
        version=version.version,
        status=version.status,
        lock_version=version.lock_version,
        late=version.late,
        received_at=_iso(version.received_at),
        submitted_by=version.submitted_by,
        updated_at=version.updated_at.isoformat(),
    )


def version_scores_out(
    version: SelfAssessment, scores: list[tuple[CriteriaItem, SelfScore]]
) -> VersionScoresPublic:
    """One self-assessment version with the scores the caller may see."""
    return VersionScoresPublic(
        **version_out(version).model_dump(),
        scores=[
            SelfScorePublic(
                item_code=i.code,
                score=s.score,
                max_points=i.max_points,
                explanation=s.explanation,
                figure=s.figure,
            )
            for i, s in scores
        ],
    )


def evidence_out(row: Evidence) -> EvidencePublic:
    """One evidence document's record."""
    return EvidencePublic(
        id=str(row.id),
        filename=row.filename,
        size=row.size,
        sha256=row.sha256,
        item_code=row.item_code,
        uploaded_by=row.uploaded_by,
        uploaded_at=row.uploaded_at.isoformat(),
    )


def message_out(row: AppraisalMessage) -> MessagePublic:
    """One message of a reply thread."""
    return MessagePublic(
        author=row.author,
        role=row.role,
        role_label=THREAD_SIDE.get(row.role, row.role),
        at=row.at.isoformat(),
        text=row.text,
    )


def thread_out(item: CriteriaItem, rows: Sequence[AppraisalMessage]) -> ThreadPublic:
    """One leaf's reply thread, oldest first."""
    return ThreadPublic(item_code=item.code, messages=[message_out(m) for m in rows])


def appraisal_out(
    item: CriteriaItem, row: Appraisal, thread: Sequence[AppraisalMessage] = ()
) -> AppraisalPublic:
    """One appraised leaf with its reply thread (when read with it) and the council's word."""
    replies = [m.text for m in thread if m.role == "unit"]
    return AppraisalPublic(
        item_code=item.code,
        field_code=item.field_code,
        self_score=row.self_score,
        appraised_score=row.appraised_score,
        decision=row.decision,
        reason=row.reason,
        appraised_by=row.appraised_by,
        unit_response=replies[-1] if replies else None,
        thread=[message_out(m) for m in thread],
        final_score=row.final_score,
        final_reason=row.final_reason,
    )


def result_out(result: Result, unit: OrgUnit, yoy: Comparison | None = None) -> ResultPublic:
    """One unit's index and rank (full precision, plus the published text 92,18) and its change
    against last year as models/results/lineage.py finds it."""
    previous = yoy.previous_index if yoy else None
    change = None if previous is None else result.index_value - previous
    sources = [
        PreviousSourcePublic(
            province=s.province,
            unit_code=s.code,
            unit_name=s.name,
            year=s.year,
            index_value=s.index_value,
            weight=s.weight,
        )
        for s in (yoy.sources if yoy else ())
    ]
    basis = yoy.basis if yoy else None
    return ResultPublic(
        unit_code=unit.code,
        unit_name=unit.name,
        rank_group=result.rank_group,
        rank=result.rank,
        tied=result.tied,
        band=result.band,
        index_value=result.index_value,
        index_text=number(result.index_value),
        achieved_points=result.achieved_points,
        max_points=result.max_points,
        appraised_points=result.appraised_points,
        survey_points=result.survey_points,
        previous_index=previous,
        change=change,
        change_text=change_text(basis, change),
        comparison=basis,
        comparison_text=basis_text(basis, [asdict(s) for s in yoy.sources] if yoy else []),
        compared_with=sources,
    )


def snapshot_out(row: SnapshotRow) -> ResultPublic:
    """One unit's published index and rank, as stored at publication."""
    return ResultPublic(
        unit_code=row.unit_code,
        unit_name=row.name,
        **{f: getattr(row, f) for f in SNAPSHOT_FIELDS},
        index_text=number(row.index_value),
    )


def council_out(row: CouncilSession) -> CouncilSessionPublic:
    """One council session with its attendance, votes and validity."""
    return CouncilSessionPublic(
        id=str(row.id),
        held_on=row.held_on.isoformat(),
        members_total=row.members_total,
        present=row.present,
        in_writing=row.in_writing,
        votes_for=row.votes_for,
        votes_against=row.votes_against,
        decision=row.decision,
        valid=row.valid,
        recorded_by=row.recorded_by,
    )


def notification_out(row: Notification, unit: OrgUnit | None) -> NotificationPublic:
    """One outbox message: to whom, what, delivered or failed, after how many attempts."""
    found = marks(row)
    return NotificationPublic(
        recipient=row.recipient,
        unit_code=unit.code if unit else None,
        kind=row.kind,
        occasion=row.occasion,
        subject=row.subject,
        state=row.state,
        attempts=row.attempts,
        last_error=row.last_error,
        created_at=row.created_at.isoformat(),
        delivered_at=_iso(row.delivered_at),
        flow_run_id=row.flow_run_id,
        delivered_flow_run_id=row.delivered_flow_run_id,
        marks=found,
        mark_labels=[NOTIFICATION_MARK[m] for m in found],
    )
