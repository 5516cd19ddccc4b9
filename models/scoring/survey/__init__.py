"""Survey points (điều tra xã hội học): import them per unit and item, or score raw ballots.

points = max points x weighted mean answer weight, groups weighted as configured; a unit/item
with too few valid ballots is reported as a coverage gap and left unscored, never silently 0.
"""

from models.scoring.survey.ballots import BALLOT_COLUMNS, import_ballots
from models.scoring.survey.points import POINT_COLUMNS, import_survey_points, store_survey_points
from models.scoring.survey.scope import BallotScoring, CoverageGap, survey_leaves

__all__ = [
    "BALLOT_COLUMNS",
    "POINT_COLUMNS",
    "BallotScoring",
    "CoverageGap",
    "import_ballots",
    "import_survey_points",
    "store_survey_points",
    "survey_leaves",
]
