"""Self-assessment data functions: draft, submit, withdraw, resubmit; every version is kept.

A unit has at most one draft (the working copy) and at most one current submitted version; older
submissions become `superseded`, withdrawn ones `withdrawn`. Callers commit (session_scope).
"""

from models.scoring.self_assessments.drafts import save_draft
from models.scoring.self_assessments.submit import submit_self_assessment
from models.scoring.self_assessments.versions import (
    STAGE,
    current_submission,
    list_versions,
    version_scores,
)
from models.scoring.self_assessments.withdraw import withdraw_self_assessment

__all__ = [
    "STAGE",
    "current_submission",
    "list_versions",
    "save_draft",
    "submit_self_assessment",
    "version_scores",
    "withdraw_self_assessment",
]
