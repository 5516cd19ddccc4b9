"""Who runs the CLI: the global `--as USER`, else the operating-system user; named in audit rows."""

from __future__ import annotations

import getpass

_chosen: list[str] = []


def choose(name: str | None) -> None:
    """Remember the person named by `--as` for this invocation (None: the OS user)."""
    _chosen.clear()
    if name and name.strip():
        _chosen.append(name.strip())


def actor() -> str:
    """Return the person the audit log records for this invocation."""
    if _chosen:
        return _chosen[0]
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (containers without a passwd entry)
        return "cli"
