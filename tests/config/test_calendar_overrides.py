"""config.calendar_overrides: a launch refuses a broken calendar.yaml; a missing one is fine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cchc.errors import ConfigError
from cchc.settings import get_settings
from config import calendar_overrides


@pytest.fixture
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the settings at an empty config folder."""
    monkeypatch.setenv("CCHC_CONFIG_DIR", str(tmp_path))
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def test_missing_calendar_means_no_overrides(config_dir: Path) -> None:
    assert calendar_overrides(strict=True) == {} == calendar_overrides(strict=False)


def test_broken_calendar_refused_when_strict(config_dir: Path) -> None:
    (config_dir / "calendar.yaml").write_text("2026:\n  days_off: [oops\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="calendar.yaml"):
        calendar_overrides(strict=True)
    assert calendar_overrides(strict=False) == {}


def test_valid_calendar_is_read(config_dir: Path) -> None:
    (config_dir / "calendar.yaml").write_text(
        "2026:\n  days_off:\n    - {date: 2026-02-20, name: Nghỉ bù}\n", encoding="utf-8"
    )
    assert "2026-02-20" in str(calendar_overrides(strict=True))
