"""Find and cache the files a config file refers to (its units file, its criteria sets)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import pydantic

from cchc.errors import ConfigError
from cchc.settings import get_settings
from cchc.wording import validate as words
from config.problems import from_problems, from_pydantic
from config.schema.base import Problem
from config.schema.criteria import CriteriaSet
from config.schema.units import UnitsFile
from config.source import Source, read_source

M = TypeVar("M", bound=pydantic.BaseModel)
Parsed = tuple[Any, list[str]]


def label_of(path: Path) -> str:
    """Show a path relative to the working directory when it lies below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def parse(src: Source, model: type[M]) -> tuple[M | None, list[str]]:
    """Validate a source against a model; return it (None if unusable) and every problem."""
    if not isinstance(src.data, dict):
        return None, [words.not_a_mapping(src.label)]
    sink: list[Problem] = []
    try:
        doc = model.model_validate(src.data, context={"problems": sink})
    except pydantic.ValidationError as exc:
        return None, from_pydantic(src, exc)
    return doc, from_problems(src, sink)


def parse_path(path: Path, model: type[M], label: str | None = None) -> tuple[M | None, list[str]]:
    """Read and validate one file."""
    try:
        src = read_source(path, label or label_of(path))
    except ConfigError as exc:
        return None, list(exc.problems)
    return parse(src, model)


class Catalog:
    """Looks up sibling config folders first, then the configured config_dir; caches results."""

    def __init__(self) -> None:
        self._cache: dict[Path, Parsed] = {}

    def find(self, folder: str, code: str, near: Path) -> Path | None:
        """Return the file <folder>/<code>.yaml next to `near`'s folder, or in config_dir."""
        for root in (near.resolve().parent.parent, get_settings().config_dir):
            candidate = root / folder / f"{code}.yaml"
            if candidate.is_file():
                return candidate
        return None

    def load(self, path: Path, model: type[M]) -> tuple[M | None, list[str]]:
        """Parse a file once per catalog."""
        key = path.resolve()
        if key not in self._cache:
            self._cache[key] = parse_path(path, model)
        return self._cache[key]

    def units(self, code: str, near: Path) -> tuple[UnitsFile | None, str]:
        """Return the units file `code` (or None and why not)."""
        return self._related("units", code, near, UnitsFile)

    def criteria(self, code: str, near: Path) -> tuple[CriteriaSet | None, str]:
        """Return the criteria set `code` (or None and why not)."""
        return self._related("criteria", code, near, CriteriaSet)

    def _related(self, folder: str, code: str, near: Path, model: type[M]) -> tuple[M | None, str]:
        """Find, parse and vouch for a referenced file."""
        path = self.find(folder, code, near)
        if path is None:
            return None, words.no_file(folder, code)
        doc, problems = self.load(path, model)
        if problems:
            return None, words.file_invalid(label_of(path), len(problems))
        return doc, ""
