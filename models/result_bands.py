"""Classification bands (config/bands.yaml) for the results: rules for SQL, labels for display."""

from __future__ import annotations

from functools import lru_cache

from cchc.errors import ConfigError
from cchc.settings import get_settings

Bands = list[tuple[str, float | None]]
DEFAULT_BANDS: Bands = [("A", 90.0), ("B", 80.0), ("C", 70.0), ("D", None)]


def band_rules(scheme: str | None = None) -> Bands:
    """Return (code, min) bands, highest first, from config/bands.yaml (or defaults)."""
    path = get_settings().config_dir / "bands.yaml"
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return DEFAULT_BANDS
    return list(_band_rules(str(path), stamp, scheme))


@lru_cache(maxsize=32)
def _band_rules(path: str, stamp: int, scheme: str | None) -> tuple[tuple[str, float | None], ...]:
    """Parse the bands file once per version of it (`stamp`: its mtime), not once per call."""
    from config import load_bands

    try:
        chosen = load_bands(path).scheme(scheme)
    except (ConfigError, StopIteration):
        return tuple(DEFAULT_BANDS)
    return tuple((band.code, band.min) for band in chosen.bands)


def band_labels(scheme: str | None = None) -> dict[str, str]:
    """Return {band code: label} for display (the code itself when no config is present)."""
    from config import load_bands

    try:
        return {b.code: b.label for b in load_bands().scheme(scheme).bands}
    except (ConfigError, StopIteration):
        return {code: code for code, _ in DEFAULT_BANDS}
