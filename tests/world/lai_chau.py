"""A realistic Lai Châu 2024 campaign (seed 002 sets, config units) with 2023 for year-over-year."""

from __future__ import annotations

import functools
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlmodel import Session, select

from config import load_criteria_set, load_units
from models import Campaign, CriteriaItem, OrgUnit, SurveyScore
from models.catalog.sync import sync_criteria_set, sync_units
from models.results.compute import compute_results
from models.scoring.appraisals import accept_all, appraise_item
from tests.world.campaigns import make_campaign, self_assessment_stage
from tests.world.scoring import submit

CONFIG = Path(__file__).resolve().parents[2] / "config"
SETS = (
    "lai-chau-2024-so",
    "lai-chau-2024-huyen",
    "lai-chau-2024-thanh-tra",
    "lai-chau-2024-ban-dan-toc",
    "lai-chau-2024-van-phong-ubnd",
    "lai-chau-2024-so-ngoai-vu",
)


@functools.cache
def _configs() -> tuple:
    """Load the units file and the sets once per test session."""
    return load_units(CONFIG / "units" / "lai-chau.yaml"), [
        load_criteria_set(CONFIG / "criteria" / f"{code}.yaml") for code in SETS
    ]


def _score(rng: random.Random, item: CriteriaItem, skill: float) -> float:
    """A plausible self score on the item's step."""
    step = item.step or 0.25
    raw = item.max_points * min(1.0, max(0.0, rng.gauss(skill, 0.15)))
    return min(item.max_points, round(raw / step) * step)


def _fill(session: Session, campaign: Campaign, units: list[OrgUnit], rng: random.Random) -> None:
    """Self-assess, appraise (a few adjustments) and survey every unit, then compute."""
    from models.catalog.lookup import criteria_set_for, set_items

    for unit in units:
        items = set_items(
            session=session,
            criteria_set_id=criteria_set_for(session=session, campaign=campaign, unit=unit).id,
        )
        skill = rng.uniform(0.72, 0.97)
        leaves = [i for i in items if i.is_leaf]
        scores = {i.code: _score(rng, i, skill) for i in leaves if i.method == "self"}
        submit(session, campaign, unit, scores, at=campaign.starts_at + timedelta(days=10))
        top = next(i for i in leaves if i.method == "self" and scores[i.code] > 0)
        appraise_item(
            session=session,
            campaign_id=campaign.id,
            unit_id=unit.id,
            item_code=top.code,
            decision="adjusted",
            score=0.0,
            reason="Không có tài liệu kiểm chứng hợp lệ",
            actor="snv",
        )
        accept_all(session=session, campaign_id=campaign.id, unit_id=unit.id, actor="snv")
        for item in (i for i in leaves if i.method == "survey"):
            session.add(
                SurveyScore(
                    campaign_id=campaign.id,
                    unit_id=unit.id,
                    item_id=item.id,
                    points=item.max_points * min(1.0, rng.gauss(skill, 0.08)),
                )
            )
    session.flush()
    compute_results(session=session, campaign_id=campaign.id)


def sample_campaign(session: Session, *, previous: bool = True) -> Campaign:
    """Build Lai Châu 2024 (and 2023): departments, the four special agencies, 8 districts."""
    units_cfg, sets = _configs()
    rows = sync_units(session=session, units_cfg=units_cfg)
    for cfg in sets:
        sync_criteria_set(session=session, cset_cfg=cfg)
    units = sorted(
        (u for u in rows.values() if u.rank_group in {"department", "special", "district"}),
        key=lambda u: u.code,
    )
    campaign = None
    for year in (2023, 2024) if previous else (2024,):
        campaign = make_campaign(
            session,
            f"lai-chau-{year}",
            starts=datetime(year, 11, 1, tzinfo=UTC),
            province="lai-chau",
            year=year,
            title=f"Kế hoạch xác định Chỉ số CCHC năm {year} của tỉnh Lai Châu",
            body={"criteria_sets": list(SETS)},
        )
        opens = campaign.starts_at
        self_assessment_stage(session, campaign, units, opens=opens, due=opens + timedelta(days=30))
        _fill(session, campaign, units, random.Random(year))
    session.commit()
    assert session.exec(select(Campaign)).all()
    return campaign  # type: ignore[return-value]
