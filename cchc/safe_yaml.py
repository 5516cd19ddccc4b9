"""Read YAML safely: refuse oversized files, alias bombs and deep nesting before building anything.

PyYAML's safe loader shares aliased nodes, so a 9×9 alias bomb costs nothing to load but explodes
when walked or dumped; 5,000 levels of nesting overflow the recursive composer. So the event
stream is scanned first (flat, no recursion, no objects built): aliases are counted and the depth
tracked; only a file within every limit is composed. Each refusal is one Vietnamese line naming
the file (FileRefused; bad syntax stays a ConfigError).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from cchc.errors import ConfigError, FileRefused
from cchc.settings import get_settings
from cchc.wording import refusals
from cchc.wording import validate as words

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPEN = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def read_text(path: Path, label: str | None = None) -> str:
    """Return the file's text, refusing a file larger than the YAML limit before reading it."""
    label = label or str(path)
    limit = get_settings().limits.yaml_bytes
    try:
        if path.stat().st_size > limit:
            raise FileRefused(refusals.file_too_big(label, limit))
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{label}:1 không đọc được tệp: {exc}") from None


def check_text(text: str, label: str) -> None:
    """Scan the event stream; raise FileRefused on too many aliases, nodes or nesting levels."""
    limits = get_settings().limits
    if len(text.encode("utf-8")) > limits.yaml_bytes:
        raise FileRefused(refusals.file_too_big(label, limits.yaml_bytes))
    loader = Loader(text)
    try:
        _scan(loader, label)
    finally:
        loader.dispose()


def _scan(loader: Any, label: str) -> None:
    """Count aliases, expanded nodes (an alias weighs what its anchor expands to) and depth."""
    limits = get_settings().limits
    aliases = 0
    sizes: dict[str, int] = {}  # anchor → nodes it expands to
    stack: list[tuple[str | None, int]] = [(None, 0)]  # open collections: (anchor, nodes so far)
    while loader.check_event():
        event = loader.get_event()
        if isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > limits.yaml_aliases:
                raise FileRefused(refusals.yaml_aliases(label, limits.yaml_aliases))
            _add(stack, sizes.get(event.anchor, 1), label)
        elif isinstance(event, yaml.ScalarEvent):
            if event.anchor:
                sizes[event.anchor] = 1
            _add(stack, 1, label)
        elif isinstance(event, _OPEN):
            stack.append((event.anchor, 1))
            if len(stack) - 1 > limits.yaml_depth:
                line = event.start_mark.line + 1
                raise FileRefused(refusals.yaml_depth(label, line, limits.yaml_depth))
        elif isinstance(event, _CLOSE):
            anchor, nodes = stack.pop()
            if anchor:
                sizes[anchor] = nodes
            _add(stack, nodes, label)


def _add(stack: list[tuple[str | None, int]], nodes: int, label: str) -> None:
    """Add `nodes` to the innermost open collection; refuse once the expansion passes the limit."""
    anchor, count = stack[-1]
    stack[-1] = (anchor, count + nodes)
    limit = get_settings().limits.yaml_nodes
    if count + nodes > limit:
        raise FileRefused(refusals.yaml_expansion(label, limit))


def compose(text: str, label: str) -> tuple[yaml.Node | None, Any]:
    """Check `text`, then return its node tree and data (raises yaml.YAMLError on bad syntax)."""
    check_text(text, label)
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def loads(text: str, label: str) -> Any:
    """Parse YAML text within the limits; ConfigError names `label` on any problem."""
    try:
        return compose(text, label)[1]
    except yaml.YAMLError as exc:
        what = words.yaml_problem(getattr(exc, "problem", None) or str(exc))
        raise ConfigError(f"{label}: YAML không hợp lệ ({what})") from None


def load(path: Path, label: str | None = None) -> Any:
    """Read and parse a YAML file within the limits (size, aliases, depth)."""
    label = label or str(path)
    return loads(read_text(path, label), label)
