"""Where the Prefect API is, read as Prefect reads it, without importing Prefect.

`/ready` asks this on every probe; importing `prefect.settings` for it grew each web worker by
≈ 29 MiB. Prefect's own order: the PREFECT_API_URL variable, else the active profile's value in
$PREFECT_HOME/profiles.toml (PREFECT_PROFILES_PATH, PREFECT_PROFILE override the file and name).
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path


def _profiles_path() -> Path:
    """The profiles file Prefect reads."""
    if os.environ.get("PREFECT_PROFILES_PATH"):
        return Path(os.environ["PREFECT_PROFILES_PATH"]).expanduser()
    home = Path(os.environ.get("PREFECT_HOME") or "~/.prefect").expanduser()
    return home / "profiles.toml"


def prefect_api_url() -> str:
    """The configured Prefect API URL, or "" when flows would use a temporary local server."""
    if "PREFECT_API_URL" in os.environ:
        return os.environ["PREFECT_API_URL"].strip()
    try:
        profiles = tomllib.loads(_profiles_path().read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return ""
    active = os.environ.get("PREFECT_PROFILE") or profiles.get("active") or "ephemeral"
    value = profiles.get("profiles", {}).get(active, {}).get("PREFECT_API_URL", "")
    return str(value).strip()
