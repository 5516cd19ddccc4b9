"""Bands come from config/bands.yaml, parsed once per version of the file."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from cchc.settings import ROOT, get_settings
from models.results.bands import DEFAULT_BANDS, band_rules


@pytest.fixture
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private config folder with the shipped bands.yaml."""
    target = tmp_path / "config"
    target.mkdir()
    shutil.copy(ROOT / "config" / "bands.yaml", target / "bands.yaml")
    monkeypatch.setenv("CCHC_CONFIG_DIR", str(target))
    get_settings.cache_clear()
    yield target
    get_settings.cache_clear()


def test_an_edited_bands_file_is_read_again(config_dir: Path) -> None:
    path = config_dir / "bands.yaml"
    assert band_rules("abcd")[0] == ("A", 90.0)
    text = path.read_text(encoding="utf-8")
    text = text.replace("min: 90}", "min: 95}").replace("max: 90}", "max: 95}")
    path.write_text(text, encoding="utf-8")
    stamp = path.stat().st_mtime_ns + 1_000_000_000  # a later edit, even within one mtime tick
    os.utime(path, ns=(stamp, stamp))
    assert band_rules("abcd")[0] == ("A", 95.0)


def test_a_missing_bands_file_gives_the_default_bands(config_dir: Path) -> None:
    (config_dir / "bands.yaml").unlink()
    assert band_rules() == DEFAULT_BANDS
