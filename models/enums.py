"""Closed vocabularies of the domain, stored as plain strings."""

from __future__ import annotations

from enum import StrEnum


class UnitKind(StrEnum):
    """What an org unit is."""

    province = "province"
    department = "department"
    district = "district"
    commune = "commune"
    central_agency = "central_agency"
    body = "body"  # appraisal council/team, steering committee: acts, is not scored


class RankGroup(StrEnum):
    """The block a unit is ranked within."""

    department = "department"
    special = "special"
    district = "district"
    commune = "commune"
    ward = "ward"
    central_agency = "central_agency"
    none = "none"


class StageKind(StrEnum):
    """What a stage of the plan asks for."""

    guidance = "guidance"
    self_assessment = "self_assessment"
    appraisal = "appraisal"
    survey = "survey"
    council_session = "council_session"
    approval = "approval"
    publication = "publication"
    generic = "generic"


class StageState(StrEnum):
    """Where a stage is in its life."""

    pending = "pending"
    open = "open"
    closed = "closed"
    removed = "removed"  # dropped by an amended plan; kept for the rows recorded in it


class AssignmentState(StrEnum):
    """Where one unit is in one stage."""

    pending = "pending"  # stage not open yet
    open = "open"  # must act, not yet due
    overdue = "overdue"  # past due, not done
    done = "done"  # acted on time
    late = "late"  # acted after the due time (accepted and flagged)
    refused = "refused"  # stage closed without the unit (late refused or never acted)


class Method(StrEnum):
    """How a criteria leaf is scored."""

    self = "self"  # self-assessed, then appraised
    survey = "survey"  # scored by the sociological survey only


class NotificationKind(StrEnum):
    """Why a message is sent."""

    kickoff = "kickoff"
    stage_open = "stage_open"
    reminder = "reminder"
    overdue = "overdue"
    escalation = "escalation"
    fact = "fact"


class DeliveryState(StrEnum):
    """Where a message is in the outbox."""

    pending = "pending"
    delivered = "delivered"
    failed = "failed"


class Role(StrEnum):
    """What a user may do."""

    admin = "admin"
    unit = "unit"
    appraiser = "appraiser"
    council = "council"
    viewer = "viewer"


class CampaignState(StrEnum):
    """Where a campaign is."""

    running = "running"  # also after a reopen (under review while a published snapshot exists)
    approved = "approved"
    published = "published"
    archived = "archived"
