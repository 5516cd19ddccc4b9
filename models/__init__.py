"""SQLModel tables of cchc-flow and the data functions beside them; importing this registers all."""

from models.accounts.tables import ApiToken, LoginFailure, User, WebSession
from models.audit.log import AuditEntry
from models.campaign.receipts import GuidanceReceipt
from models.campaign.tables import (
    Assignment,
    Campaign,
    CampaignVersion,
    Extension,
    Fact,
    Plan,
    Stage,
)
from models.catalog.criteria import CriteriaItem, CriteriaSet
from models.catalog.units import OrgUnit, UnitLineage
from models.outbox.tables import Notification
from models.results.snapshot import PublishedSnapshot
from models.results.tables import FieldResult, Result
from models.scoring.council import Approval, CouncilSession, Publication
from models.scoring.tables import (
    Appraisal,
    AppraisalMessage,
    Ballot,
    Evidence,
    NotApplicable,
    SelfAssessment,
    SelfScore,
    SurveyScore,
)

__all__ = [
    "Appraisal",
    "AppraisalMessage",
    "Approval",
    "Assignment",
    "AuditEntry",
    "Ballot",
    "Campaign",
    "CampaignVersion",
    "CouncilSession",
    "CriteriaItem",
    "CriteriaSet",
    "Evidence",
    "GuidanceReceipt",
    "Extension",
    "Fact",
    "FieldResult",
    "NotApplicable",
    "Notification",
    "OrgUnit",
    "Plan",
    "Publication",
    "PublishedSnapshot",
    "Result",
    "SelfAssessment",
    "SelfScore",
    "Stage",
    "SurveyScore",
    "UnitLineage",
    "User",
    "ApiToken",
    "WebSession",
    "LoginFailure",
]
