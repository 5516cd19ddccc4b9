"""The web tests' world: a small province, a campaign open now, and one user (token) per role."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from cchc.clock import now
from models import Campaign, OrgUnit, Stage
from models.accounts.ops import create_user
from tests.world.campaigns import make_campaign, make_stage, self_assessment_stage
from tests.world.catalog import make_criteria_set, make_unit
from tests.world.people import Bearer
from tests.world.scoring import FULL_DRAFT

EVIL = "<script>alert('x')</script>"
SA = "/api/campaigns/test-2024/units/{unit}/self-assessment"
FULL = {"scores": [{"item_code": code, **score} for code, score in FULL_DRAFT.items()]}
ROLES = {
    "admin": ("admin", None, None),
    "unit_a": ("unit", "so-a", None),
    "unit_b": ("unit", "so-b", None),
    "appraiser": ("appraiser", "so-noi-vu", None),
    "appraiser_tp": ("appraiser", "so-tu-phap", None),
    "appraiser_f2": ("appraiser", "so-noi-vu", ["2"]),
    "council": ("council", None, None),
    "viewer": ("viewer", None, None),
}


@dataclass
class World(Bearer):
    """The rows and tokens a web test works with."""

    campaign: Campaign
    stage: Stage
    units: dict[str, OrgUnit]
    tokens: dict[str, str] = field(default_factory=dict)


def _units(s: Session) -> dict[str, OrgUnit]:
    """The province's units: four departments (one named <script>), a district and a commune."""
    root = make_unit(s, "tinh", kind="province", name="UBND tỉnh Thử")
    units = {
        "so-a": make_unit(s, "so-a", parent=root, name="Sở Alpha"),
        "so-b": make_unit(s, "so-b", parent=root, name=EVIL),
        "so-noi-vu": make_unit(s, "so-noi-vu", parent=root, name="Sở Nội vụ"),
        "so-tu-phap": make_unit(s, "so-tu-phap", parent=root, name="Sở Tư pháp"),
        "huyen-x": make_unit(s, "huyen-x", kind="district", parent=root, name="Huyện X"),
    }
    units["xa-1"] = make_unit(s, "xa-1", kind="commune", parent=units["huyen-x"], name="Xã 1")
    return units


def build_world(engine: Engine, *, due_in_days: int = 20) -> World:
    """Create a province (two departments, one named <script>), a campaign and one user per role."""
    with Session(engine, expire_on_commit=False) as s:
        units = _units(s)
        make_criteria_set(s)
        campaign = make_campaign(s)
        start = now()
        departments = [units[c] for c in ("so-a", "so-b", "so-noi-vu", "so-tu-phap")]
        stage = self_assessment_stage(
            s,
            campaign,
            departments,
            opens=start - timedelta(days=2),
            due=start + timedelta(days=due_in_days),
        )
        make_stage(
            s,
            campaign,
            "huong-dan",
            "guidance",
            opens=start - timedelta(days=10),
            due=start - timedelta(days=5),
            state="closed",
            position=0,
        )
        world = World(campaign=campaign, stage=stage, units=units)
        for name, (role, unit, fields) in ROLES.items():
            _user, token = create_user(
                session=s, name=name, role=role, actor="test", unit_code=unit, field_codes=fields
            )
            world.tokens[name] = token
        s.commit()
    return world


def submit_full(client: Any, world: World, who: str = "unit_a", unit: str = "so-a") -> None:
    """Save a complete draft and submit it as the unit (through a TestClient)."""
    assert client.put(SA.format(unit=unit), json=FULL, headers=world.auth(who)).status_code == 200
    assert client.post(SA.format(unit=unit) + "/submit", headers=world.auth(who)).status_code == 200


def start_review(engine: Engine, world: World) -> None:
    """Close the self-assessment stage and open the appraisal and council stages, as ticks would."""
    start = now()
    with Session(engine, expire_on_commit=False) as s:
        stages = s.exec(select(Stage).where(Stage.campaign_id == world.campaign.id)).all()
        for stage in stages:
            if stage.kind == "self_assessment":
                stage.state = "closed"
                s.add(stage)
        for code, kind in (("tham-dinh", "appraisal"), ("hoi-dong", "council_session")):
            found = [st for st in stages if st.kind == kind]
            if found:
                found[0].state = "open"
                s.add(found[0])
            else:
                make_stage(
                    s, world.campaign, code, kind, position=5, opens=start,
                    due=start + timedelta(days=30),
                )  # fmt: skip
        s.commit()


def import_survey(engine: Engine, world: World, points: float = 2.0) -> None:
    """Store survey points for every unit, as `cchc survey import` would."""
    from models import CriteriaItem
    from models.scoring.survey.points import store_survey_points

    with Session(engine) as s:
        leaf = s.exec(select(CriteriaItem).where(CriteriaItem.method == "survey")).one()
        wanted = {(u.id, leaf.id): (points, 0) for u in world.units.values()}
        store_survey_points(s, world.campaign.id, wanted, "import", "admin")
        s.commit()
