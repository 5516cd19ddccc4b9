"""Validate files and folders of configuration, detecting each file's kind."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cchc.errors import ConfigError, FileRefused
from cchc.wording import validate as words
from config.catalog import Catalog, label_of, parse
from config.checks import check_criteria, check_plan, check_survey
from config.message_templates import check_messages
from config.schema import BandsFile, CalendarFile, UnitsFile
from config.set_rules import summary
from config.source import Source, read_source

FOLDER_KINDS = {
    "units": "units", "criteria": "criteria", "plans": "plan", "survey": "survey",
    "messages": "messages",
}  # fmt: skip
FILE_KINDS = {"bands.yaml": "bands", "calendar.yaml": "calendar"}
SIMPLE: dict[str, Any] = {"units": UnitsFile, "bands": BandsFile, "calendar": CalendarFile}


@dataclass
class Report:
    """What a validation found: every problem, and counts of what was checked."""

    problems: list[str] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    sets: list[str] = field(default_factory=list)  # per criteria set: its counts, then its fields


def config_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders into their YAML files (recursively, sorted); keep files as given."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out += sorted(
                p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()
            )
        else:
            out.append(path)
    return out


def detect_kind(path: Path, data: Any) -> str | None:
    """Tell a file's kind by its name, its folder, or its top keys."""
    if path.name in FILE_KINDS:
        return FILE_KINDS[path.name]
    if path.parent.name in FOLDER_KINDS:
        return FOLDER_KINDS[path.parent.name]
    keys = set(data) if isinstance(data, dict) else set()
    for kind, marks in (
        ("units", {"province", "units"}),
        ("criteria", {"fields"}),
        ("plan", {"stages"}),
        ("survey", {"groups"}),
        ("bands", {"schemes"}),
    ):
        if marks <= keys and not (kind == "units" and "stages" in keys):
            return kind
    if keys and all(str(k).isdigit() for k in keys):
        return "calendar"
    return None


def validate_report(paths: Iterable[str | Path]) -> Report:
    """Validate every file under `paths`; never raise for bad content (only FileRefused)."""
    report, catalog = Report(), Catalog()
    for path in config_files(paths):
        try:
            src = read_source(path, label_of(path))
        except FileRefused:
            raise  # a hostile file is not a content problem: the caller stops (exit 2)
        except ConfigError as exc:
            report.problems += exc.problems
            report.counts["files"] += 1
            continue
        _check_one(path, src, catalog, report)
    return report


def validate_paths(paths: Iterable[str | Path]) -> list[str]:
    """Return every problem found under `paths`, each "file:line path: message"."""
    return validate_report(paths).problems


def _check_one(path: Path, src: Source, catalog: Catalog, report: Report) -> None:
    """Validate one file of any kind and count what it holds."""
    report.counts["files"] += 1
    kind = detect_kind(path, src.data)
    if kind is None:
        report.problems.append(words.unknown_kind(src.label))
        return
    doc: Any
    if kind == "criteria":
        doc, problems = check_criteria(src, path, catalog)
    elif kind == "plan":
        doc, problems = check_plan(src, path, catalog)
    elif kind == "survey":
        doc, problems = check_survey(src, path, catalog)
    elif kind == "messages":
        doc, problems = src.data, check_messages(src)
    else:
        doc, problems = parse(src, SIMPLE[kind])
    report.problems += problems
    if doc is not None and not problems:
        _count(kind, doc, report.counts)
        if kind == "criteria":
            report.sets += summary(doc)


def _count(kind: str, doc: Any, counts: Counter[str]) -> None:
    """Add what one valid file holds to the counts."""
    counts[kind] += 1
    if kind == "units":
        counts["unit"] += len(doc.units)
    elif kind == "criteria":
        counts["leaf"] += sum(len(c.sub_criteria) or 1 for f in doc.fields for c in f.criteria)
    elif kind == "plan":
        counts["stage"] += len(doc.stages)
