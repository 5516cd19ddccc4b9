"""Classification bands as config/bands.yaml gives them today; launch freezes them per campaign."""

from __future__ import annotations

from functools import lru_cache

from cchc.errors import ConfigError
from cchc.settings import get_settings

Bands = list[tuple[str, float | None]]
DEFAULT_BANDS: Bands = [("A", 90.0), ("B", 80.0), ("C", 70.0), ("D", None)]
# (code, min, label, min exclusive), highest first: one parse of the file serves rules and labels.
Scheme = tuple[tuple[str, float | None, str, bool], ...]
_DEFAULT: Scheme = tuple((code, minimum, code, False) for code, minimum in DEFAULT_BANDS)


def band_rules(scheme: str | None = None) -> Bands:
    """Return (code, min) bands, highest first, from config/bands.yaml (or defaults)."""
    return [(code, minimum) for code, minimum, _, _ in band_scheme(scheme)]


def band_scheme(scheme: str | None = None) -> Scheme:
    """Return the chosen scheme of config/bands.yaml (defaults when missing or invalid)."""
    path = get_settings().config_dir / "bands.yaml"
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return _DEFAULT
    return _parsed(str(path), stamp, scheme)


@lru_cache(maxsize=32)
def _parsed(path: str, stamp: int, scheme: str | None) -> Scheme:
    """Parse the bands file once per version of it (`stamp`: its mtime), not once per call."""
    from config import load_bands

    try:
        chosen = load_bands(path).scheme(scheme)
    except (ConfigError, StopIteration):
        return _DEFAULT
    return tuple((b.code, b.min, b.label, b.exclusive) for b in chosen.bands)
