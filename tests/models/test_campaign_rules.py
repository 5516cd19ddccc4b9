"""A campaign keeps the bands, survey and ranking rules it launched with; edits reach new ones."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlmodel import Session, select

import config
from cchc.settings import ROOT, get_settings
from models import Campaign, SurveyScore
from models.campaign.launch import launch_campaign
from models.campaign.rules import campaign_rules
from models.results.compute import compute_results
from models.results.read import list_results
from models.scoring.survey import import_ballots, survey_leaves
from models.scoring.survey_scoring import score_ballots
from report.data import gather

UNITS = ("so-noi-vu", "so-tai-chinh")  # two departments the survey rates


@pytest.fixture
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private copy of the shipped config, which the test may edit."""
    target = tmp_path / "config"
    shutil.copytree(ROOT / "config", target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    monkeypatch.setenv("CCHC_CONFIG_DIR", str(target))
    get_settings.cache_clear()
    yield target
    get_settings.cache_clear()


def _launch(session: Session, config_dir: Path, code: str) -> Campaign:
    """Launch the Bắc Kạn plan from the config copy under `code`."""
    path = config_dir / "plans" / f"{code}.yaml"
    if not path.exists():
        body = (config_dir / "plans" / "bac-kan-2023.yaml").read_text(encoding="utf-8")
        path.write_text(body.replace("code: bac-kan-2023", f"code: {code}"), encoding="utf-8")
    launch_campaign(session=session, plan_cfg=config.load_plan(path), actor="test")
    session.commit()
    return session.exec(select(Campaign).where(Campaign.code == code)).one()


def _ballots(session: Session, campaign: Campaign, tmp_path: Path) -> None:
    """Five all-A ballots per survey leaf of UNITS, imported and scored."""
    scope = survey_leaves(session, campaign.id)
    lines = ["group,respondent,unit,question,answer"] + [
        f"dai-bieu-hdnd-tinh,p{n},{unit},{leaf},A"
        for unit in UNITS
        for leaf in sorted(scope[unit][1])
        for n in range(5)
    ]
    path = tmp_path / f"phieu-{campaign.code}.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    import_ballots(session=session, campaign_id=campaign.id, path=path, actor="snv")
    score_ballots(session=session, campaign_id=campaign.id, actor="snv")
    session.commit()


def _outcome(session: Session, campaign: Campaign) -> dict[str, Any]:
    """Rescore the ballots, recompute, and return what the campaign publishes for UNITS."""
    score_ballots(session=session, campaign_id=campaign.id, actor="snv")
    compute_results(session=session, campaign_id=campaign.id)
    session.commit()
    rows = {r.unit_code: r for r in list_results(session=session, campaign_id=campaign.id)}
    labels = gather(session=session, campaign=campaign).bands
    survey = session.exec(
        select(SurveyScore.points).where(SurveyScore.campaign_id == campaign.id)
    ).all()
    return {
        "results": {
            c: (rows[c].survey_points, rows[c].index_value, rows[c].rank, rows[c].band)
            for c in UNITS
        },
        "labels": [labels.get(rows[c].band or "") for c in UNITS],
        "survey": sorted(survey),
    }


def _edit_config(config_dir: Path) -> None:
    """Lower the ABCD thresholds (A from 3) with new labels; halve answer A's weight."""
    path = config_dir / "bands.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    scheme = next(s for s in doc["schemes"] if s["code"] == "abcd")
    scheme["bands"] = [
        {"code": "A", "label": "A mới", "min": 3},
        {"code": "B", "label": "B mới", "min": 2, "max": 3},
        {"code": "C", "label": "C mới", "min": 1, "max": 2},
        {"code": "D", "label": "D mới", "max": 1},
    ]
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    stamp = path.stat().st_mtime_ns + 1_000_000_000  # a later edit, even within one mtime tick
    os.utime(path, ns=(stamp, stamp))
    survey = config_dir / "survey" / "bac-kan.yaml"
    text = survey.read_text(encoding="utf-8")
    survey.write_text(text.replace("{A: 1.0,", "{A: 0.5,"), encoding="utf-8")


def test_config_edits_leave_a_running_campaign_unchanged_and_reach_a_new_one(
    session: Session, config_dir: Path, tmp_path: Path
) -> None:
    """All-A ballots give full survey points (index below 70: D); after the edit a rescore and
    recompute of the running campaign give the same, while a campaign launched afterwards scores
    A at half weight and bands its lower index with the new thresholds and labels."""
    running = _launch(session, config_dir, "bac-kan-2023")
    _ballots(session, running, tmp_path)
    before = _outcome(session, running)
    assert [band for *_, band in before["results"].values()] == ["D", "D"]
    assert before["labels"] == ["Loại D (dưới 70 điểm)"] * 2
    _edit_config(config_dir)
    assert _outcome(session, running) == before
    later = _launch(session, config_dir, "bac-kan-2023-moi")
    _ballots(session, later, tmp_path)
    after = _outcome(session, later)
    assert after["survey"] == [p / 2 for p in before["survey"]]
    assert [band for *_, band in after["results"].values()] == ["A", "A"]
    assert after["labels"] == ["A mới", "A mới"]
    assert campaign_rules(session=session, campaign=running).band_labels()["A"].startswith("Loại A")


def test_launch_freezes_the_plans_ranking_rules_with_the_config(
    session: Session, config_dir: Path
) -> None:
    campaign = _launch(session, config_dir, "bac-kan-2023")
    rules = campaign_rules(session=session, campaign=campaign)
    assert rules.band_rules() == [("A", 90.0), ("B", 80.0), ("C", 70.0), ("D", None)]
    assert (rules.tie_break, rules.decimals) == (None, 2)
    assert rules.survey.answer_weights == {"A": 1.0, "B": 0.6, "C": 0.2, "D": 0.0}
    assert rules.survey.min_ballots == 5 and "dai-bieu-hdnd-tinh" in rules.survey.group_weights
