"""The imported YAML is a valid plan for config's loader, windows as the importer read them."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from config import calendar_overrides, load_plan
from deadlines import calendar_for
from planimport import import_plan
from planimport.dump import to_yaml
from tests.planimport.conftest import DATA, seed


@pytest.mark.parametrize("source", [seed("000"), seed("001"), seed("003"), seed("004"),
                                    DATA / "lai-chau-2023-pipe.md",
                                    DATA / "bac-kan-2024-khong-dau.md"])
def test_imported_plan_loads_with_config(source: Path, tmp_path: Path) -> None:
    result = import_plan(source)
    path = tmp_path / "plans" / "imported.yaml"
    path.parent.mkdir()
    path.write_text(to_yaml(result), encoding="utf-8")
    plan = load_plan(path)
    assert len(plan.stages) == len(result.plan["stages"])
    for stage, mine in zip(plan.stages, result.plan["stages"], strict=True):
        # The importer declares roll_forward: a due day off moves to the next working day.
        assert stage.due_at.date() == _next_working_day(mine["window"]["due"], plan.year)
        assert stage.lead == mine["lead"]


def _next_working_day(day: date, year: int) -> date:
    """The first working day on or after `day` in the configured Vietnamese calendar."""
    cal = calendar_for(range(year - 1, year + 3), calendar_overrides(strict=True) or None)
    while not cal.is_working_day(day):
        day += timedelta(days=1)
    return day
