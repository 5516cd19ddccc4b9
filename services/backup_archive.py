"""The backup archive: one .tar.gz holding manifest.json, the database copy and evidence/."""

from __future__ import annotations

import json
import os
import re
import tarfile
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from cchc.errors import NotFound, ValidationError
from cchc.wording import backup as words

MANIFEST = "manifest.json"
EVIDENCE = "evidence/"
FORMAT = 1
# evidence files are named by their sha256; nothing else is extracted from that folder
EVIDENCE_NAME = re.compile(r"^[0-9a-f]{64}$")


@dataclass
class Manifest:
    """What an archive holds: schema revision, time, backend, rows per table, evidence files."""

    revision: str
    created_at: str
    backend: str
    database: str
    counts: dict[str, int] = field(default_factory=dict)
    evidence: dict[str, int] = field(default_factory=dict)
    format: int = FORMAT


def write(target: Path, manifest: Manifest, database: Path, evidence_dir: Path) -> Path:
    """Write the archive to a temp name beside `target`, then rename it (never half-written)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".cchc-backup-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            _add_bytes(tar, MANIFEST, json.dumps(asdict(manifest), indent=2).encode())
            tar.add(database, arcname=manifest.database)
            for name in sorted(manifest.evidence):
                tar.add(evidence_dir / name, arcname=EVIDENCE + name)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    """Add an in-memory file to the archive."""
    import io

    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o644
    tar.addfile(info, io.BytesIO(data))


def evidence_files(folder: Path) -> dict[str, int]:
    """List the stored evidence files (name → size); temp .part files are left out."""
    if not folder.is_dir():
        return {}
    return {p.name: p.stat().st_size for p in folder.iterdir() if EVIDENCE_NAME.match(p.name)}


def read_manifest(path: Path) -> Manifest:
    """Read an archive's manifest, refusing a missing file or one that is not ours."""
    if not path.is_file():
        raise NotFound(words.NO_ARCHIVE.format(path=path))
    try:
        with tarfile.open(path, "r:gz") as tar:
            member = tar.extractfile(MANIFEST)
            data: dict[str, Any] = json.loads(member.read() if member else b"")
        return Manifest(**data)
    except (tarfile.TarError, KeyError, ValueError, TypeError, OSError) as exc:
        raise ValidationError(words.NOT_AN_ARCHIVE.format(path=path, detail=exc)) from exc


def extract_database(path: Path, manifest: Manifest, folder: Path) -> Path:
    """Extract the database copy into `folder` and return its path."""
    with tarfile.open(path, "r:gz") as tar:
        member = tar.getmember(manifest.database)
        source = tar.extractfile(member)
        target = folder / Path(manifest.database).name
        if source is None:
            raise ValidationError(words.NOT_AN_ARCHIVE.format(path=path, detail=manifest.database))
        with target.open("wb") as out:
            while chunk := source.read(1 << 20):
                out.write(chunk)
    return target


def extract_evidence(path: Path, folder: Path) -> int:
    """Put the archived evidence files into `folder` (content-addressed: existing ones stay)."""
    count = 0
    folder.mkdir(parents=True, exist_ok=True)
    with tarfile.open(path, "r:gz") as tar:
        for member in tar:
            name = member.name.removeprefix(EVIDENCE)
            if not member.name.startswith(EVIDENCE) or not EVIDENCE_NAME.match(name):
                continue
            count += 1
            if (folder / name).exists():
                continue
            source = tar.extractfile(member)
            if source is None:
                continue
            tmp = folder / f".{name}.part"
            tmp.write_bytes(source.read())
            tmp.replace(folder / name)  # atomic, as uploads are
    return count


ARCHIVE_NAME = re.compile(r"^cchc-backup-(\d{8}T\d{6}Z)\.tar\.gz$")


def to_prune(names: list[str], *, daily: int, weekly: int) -> list[str]:
    """Pick the archives retention drops: kept are the newest of each of the last `daily`
    days that have one and the newest of each of the last `weekly` ISO weeks."""
    stamped = sorted(
        (
            (datetime.strptime(m[1], "%Y%m%dT%H%M%SZ"), n)
            for n in names
            if (m := ARCHIVE_NAME.match(n))
        ),
        reverse=True,
    )
    days: dict[object, str] = {}
    weeks: dict[object, str] = {}
    for at, name in stamped:  # newest first: the first seen of a day or week is kept
        days.setdefault(at.date(), name)
        weeks.setdefault(at.isocalendar()[:2], name)
    keep = set(list(days.values())[:daily]) | set(list(weeks.values())[:weekly])
    return [name for _at, name in stamped if name not in keep]
