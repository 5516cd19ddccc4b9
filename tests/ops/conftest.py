"""Fixtures for operations tests: a CLI pointed at a chosen database, run through `main()`."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from cchc.db import get_engine
from cchc.settings import get_settings

RunCli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def point_at(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Callable[[str], None]]:
    """Point settings (and the cached engine) at a database URL ('' = default under tmp var)."""

    def point(url: str) -> None:
        monkeypatch.setenv("CCHC_VAR_DIR", str(tmp_path / "var"))
        if url:
            monkeypatch.setenv("CCHC_DATABASE_URL", url)
        else:
            monkeypatch.delenv("CCHC_DATABASE_URL", raising=False)
        get_settings.cache_clear()
        get_engine.cache_clear()

    yield point
    get_settings.cache_clear()
    get_engine.cache_clear()


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> RunCli:
    """Run `cchc <args>` in-process through the installed entry point; return code, out, err."""
    from cli.main import main

    def run(*args: str) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "argv", ["cchc", *args])
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run
