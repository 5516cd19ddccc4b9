"""Appraisal: accept or adjust each leaf, the reply thread (giải trình), the council's final score.

Every change is audited (who, when, old, new, why). Callers commit (session_scope).
"""

from models.scoring.appraisals.bulk import accept_all
from models.scoring.appraisals.final import record_final_score
from models.scoring.appraisals.items import DECISIONS, appraise_item
from models.scoring.appraisals.progress import (
    children_of,
    complete_appraisal,
    note_unit_appraised,
    per_unit_appraisal_duties,
    unappraised,
)
from models.scoring.appraisals.reads import get_appraisal
from models.scoring.appraisals.thread import (
    MESSAGE_MAX,
    ROLES,
    leaf_messages,
    post_message,
    unit_threads,
)

__all__ = [
    "DECISIONS",
    "MESSAGE_MAX",
    "ROLES",
    "accept_all",
    "appraise_item",
    "children_of",
    "complete_appraisal",
    "get_appraisal",
    "note_unit_appraised",
    "per_unit_appraisal_duties",
    "record_final_score",
    "leaf_messages",
    "post_message",
    "unappraised",
    "unit_threads",
]
