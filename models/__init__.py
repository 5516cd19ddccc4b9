"""SQLModel tables of cchc-flow and the data functions beside them; importing this registers all."""

from models.audit import AuditEntry
from models.campaigns import Assignment, Campaign, Extension, Fact, Plan, Stage
from models.council import Approval, CouncilSession, Publication
from models.criteria import CriteriaItem, CriteriaSet
from models.notifications import Notification
from models.results import FieldResult, Result
from models.scores import Appraisal, Ballot, Evidence, SelfAssessment, SelfScore, SurveyScore
from models.units import OrgUnit, UnitLineage
from models.users import User

__all__ = [
    "Appraisal", "Approval", "Assignment", "AuditEntry", "Ballot", "Campaign", "CouncilSession",
    "CriteriaItem", "CriteriaSet", "Evidence", "Extension", "Fact", "FieldResult", "Notification",
    "OrgUnit", "Plan", "Publication", "Result", "SelfAssessment", "SelfScore", "Stage",
    "SurveyScore", "UnitLineage", "User",
]
