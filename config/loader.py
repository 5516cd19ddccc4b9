"""Public loaders: read one config file, validate it, return its model or raise ConfigError."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from cchc.errors import ConfigError
from cchc.settings import get_settings
from cchc.wording import validate as words
from config.catalog import Catalog, label_of, parse
from config.checks import check_criteria, check_plan, check_survey
from config.resolved import ResolvedPlan
from config.schema import BandsFile, CalendarFile, CriteriaSet, SurveyConfig, UnitsFile
from config.source import Source, read_source
from deadlines import calendar_for

T = TypeVar("T")


def _source(path: str | Path) -> tuple[Path, Source]:
    """Read a file's YAML (ConfigError with a line number when unreadable)."""
    path = Path(path)
    return path, read_source(path, label_of(path))


def _ok(doc: T | None, problems: list[str], path: Path) -> T:
    """Return the model, or raise ConfigError listing every problem."""
    if problems or doc is None:
        problems = problems or [f"{label_of(path)}:1 {words.INVALID_CONFIG}"]
        raise ConfigError(problems[0], problems=problems)
    return doc


def load_units(path: str | Path) -> UnitsFile:
    """Load a units file (config/units/<code>.yaml)."""
    path, src = _source(path)
    return _ok(*parse(src, UnitsFile), path)


def load_criteria_set(path: str | Path, *, units: UnitsFile | None = None) -> CriteriaSet:
    """Load a criteria set, checking appraisers and targets against its units file."""
    path, src = _source(path)
    return _ok(*check_criteria(src, path, Catalog(), units), path)


def load_plan(path: str | Path, *, units: UnitsFile | None = None) -> ResolvedPlan:
    """Load a plan: resolve its units and criteria sets and compute each stage's window."""
    path, src = _source(path)
    plan = _ok(*check_plan(src, path, Catalog(), units), path)
    return _rolled_forward(plan) if plan.policy.roll_forward else plan


def _rolled_forward(plan: ResolvedPlan) -> ResolvedPlan:
    """Move each due day that is a day off to the next working day (Civil Code 2015 art. 148(5))."""
    years = range(plan.year - 1, plan.year + 3)
    cal = calendar_for(years, calendar_overrides(strict=True) or None)
    for stage in plan.stages:
        rolled = cal.roll_forward(stage.due_at)
        if rolled != stage.due_at:
            stage.due_at, stage.rule = rolled, f"{stage.rule}+rolled_forward"
    return plan


def load_survey(path: str | Path) -> SurveyConfig:
    """Load a survey config (config/survey/<code>.yaml), checking its survey agency."""
    path, src = _source(path)
    return _ok(*check_survey(src, path, Catalog()), path)


def load_bands(path: str | Path | None = None) -> BandsFile:
    """Load the classification bands (default: config/bands.yaml)."""
    path, src = _source(path or get_settings().config_dir / "bands.yaml")
    return _ok(*parse(src, BandsFile), path)


def load_calendar(path: str | Path | None = None) -> CalendarFile:
    """Load the yearly calendar overrides (default: config/calendar.yaml)."""
    path, src = _source(path or get_settings().config_dir / "calendar.yaml")
    return _ok(*parse(src, CalendarFile), path)


def calendar_overrides(*, strict: bool) -> dict:
    """Return config/calendar.yaml's days off and make-up days as stored at launch ({} if absent).

    A missing file means statutory holidays only. A broken file raises ConfigError when strict
    (launch: a campaign must never silently lose announced days off); otherwise it reads as {}.
    """
    path = get_settings().config_dir / "calendar.yaml"
    if not path.exists():
        return {}
    try:
        return load_calendar(path).model_dump(mode="json")
    except ConfigError:
        if strict:
            raise
        return {}
