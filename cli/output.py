"""Shared CLI output helpers: one console, one way to fail with exit code 2."""

from __future__ import annotations

from typing import NoReturn

import typer
from rich.console import Console

console = Console()
err_console = Console(stderr=True)


def fail(message: str, *, problems: list[str] | None = None, code: int = 2) -> NoReturn:
    """Print a clear Vietnamese/English error (no traceback) and exit with `code`."""
    for line in problems or []:
        err_console.print(line, markup=False, highlight=False, soft_wrap=True)  # one line each
    if not problems:
        err_console.print(f"Lỗi: {message}", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(code)
