"""Evidence bytes behind one interface: the local folder (default) or an S3-compatible store."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from cchc.settings import get_settings


class EvidenceStore(Protocol):
    """Content-addressed storage: a key is the sha256 of the bytes stored under it."""

    def put(self, key: str, data: bytes) -> None:
        """Store `data` under `key` (a no-op when the key is already stored)."""

    def get(self, key: str) -> bytes:
        """Return the bytes under `key`; NotFound when absent, StorageUnavailable on failure."""

    def exists(self, key: str) -> bool:
        """Tell whether `key` is stored."""


def get_store() -> EvidenceStore:
    """Return the configured evidence store."""
    settings = get_settings()
    if settings.storage.backend == "s3":
        from models.scoring.storage.s3 import S3Store

        return S3Store.from_settings(settings.storage)
    from models.scoring.storage.local import LocalStore

    return LocalStore(local_root())


def local_root() -> Path:
    """Return the folder of the local backend (what `cchc backup` copies; S3 keeps its own)."""
    return get_settings().var_dir / "evidence"
