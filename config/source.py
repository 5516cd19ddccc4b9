"""Read a YAML file keeping the line of every key and item, to point problems at lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from cchc import safe_yaml
from cchc.errors import ConfigError
from cchc.wording import validate as words
from config.schema.base import Loc, fmt_loc


@dataclass
class Source:
    """A parsed YAML document, its display name and the 1-based line of each path in it."""

    label: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line(self, loc: Loc, *, missing_tail: bool = True) -> tuple[int, Loc]:
        """Return the line of the deepest existing part of `loc`, and the loc to print."""
        cur: Loc = ()
        shown: list[str | int] = []
        for n, part in enumerate(loc):
            step = next((c for c in (part, str(part)) if (*cur, c) in self.lines), None)
            if step is not None:
                cur = (*cur, step)
                shown.append(part)
            elif missing_tail and n == len(loc) - 1 and isinstance(part, str):
                shown.append(part)  # a missing key: print it, point at its mapping
        return self.lines.get(cur, 1), tuple(shown)

    def problem(self, loc: Loc, message: str, *, missing_tail: bool = True) -> str:
        """Format one problem as "file:line path: message"."""
        line, shown = self.line(loc, missing_tail=missing_tail)
        path = fmt_loc(shown)
        return (
            f"{self.label}:{line} {path}: {message}" if path else f"{self.label}:{line} {message}"
        )


def read_source(path: Path, label: str | None = None) -> Source:
    """Parse `path`; raise ConfigError with a line number for unreadable YAML or duplicate keys."""
    label = label or str(path)
    text = safe_yaml.read_text(path, label)  # size limit before reading (hostile files, #16)
    try:
        node, data = safe_yaml.compose(text, label)  # aliases and depth checked before composing
    except yaml.YAMLError as exc:
        raise ConfigError(_yaml_message(label, exc)) from None
    src = Source(label=label, data=data)
    dupes: list[str] = []
    if node is not None:
        _walk(node, (), src.lines, dupes, label)
    if dupes:
        raise ConfigError(dupes[0], problems=dupes)
    return src


def _yaml_message(label: str, exc: yaml.YAMLError) -> str:
    """Turn a PyYAML error into "file:line message"."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else 1
    what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return words.yaml_unreadable(label, line, what)


def _walk(node: yaml.Node, loc: Loc, lines: dict[Loc, int], dupes: list[str], label: str) -> None:
    """Record the line of every mapping key and sequence item under `node`."""
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            key = _key(key_node)
            if key in seen:
                line = key_node.start_mark.line + 1
                dupes.append(f"{label}:{line} {fmt_loc((*loc, key))}: {words.duplicate_key(key)}")
            seen.add(key)
            lines[(*loc, key)] = key_node.start_mark.line + 1
            _walk(value_node, (*loc, key), lines, dupes, label)
            lines[(*loc, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[(*loc, i)] = item.start_mark.line + 1
            _walk(item, (*loc, i), lines, dupes, label)


def _key(node: yaml.Node) -> Any:
    """Return a scalar key as YAML would construct it (ints stay ints)."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag.endswith(":int"):
            try:
                return int(node.value)
            except ValueError:
                return node.value
        return node.value
    return str(node.start_mark.line)
