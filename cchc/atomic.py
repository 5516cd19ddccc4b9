"""Write files all-or-nothing: into a temporary file beside the target, then `os.replace`.

A reader (or a crash) never sees half a report: either the old file stays or the new one is
complete. The temporary name starts with "." and ends in ".part", so it is never mistaken for
the real file, and it is removed when the writer fails.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces `path`, on failure it goes."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)


def write_text(path: str | Path, text: str) -> Path:
    """Write `text` (UTF-8) to `path` atomically; return the path."""
    with replacing(path) as temp:
        temp.write_text(text, encoding="utf-8")
    return Path(path)


def save_workbook(book: object, path: str | Path) -> Path:
    """Save an openpyxl workbook to `path` atomically; return the path."""
    with replacing(path) as temp:
        book.save(temp)  # type: ignore[attr-defined]
    return Path(path)
