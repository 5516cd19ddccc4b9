"""The names callers imported before the split into freeze, council_sessions and approval."""

from models.campaign.fact_ops import stage_id_of
from models.scoring.approval import (
    approve_results,
    latest_approval,
    publish_results,
    reopen_results,
)
from models.scoring.council_sessions import has_valid_session, record_council_session
from models.scoring.freeze import ensure_not_frozen, is_frozen

__all__ = [
    "approve_results",
    "ensure_not_frozen",
    "has_valid_session",
    "is_frozen",
    "latest_approval",
    "publish_results",
    "record_council_session",
    "reopen_results",
    "stage_id_of",
]
