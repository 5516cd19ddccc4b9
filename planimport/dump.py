"""Write an imported plan as YAML (dates plain, Vietnamese unescaped) or JSON."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import yaml

from planimport.model import ImportResult

_HEADER = (
    "# Imported by `cchc plan import` from {source}.\n"
    "# Check every stage marked needs_review (see review_notes), then run `cchc validate`.\n"
    "# `deadline` is the plan's own wording; `window` is what it was read as (window wins).\n"
)


class _Dumper(yaml.SafeDumper):
    """A YAML dumper that indents lists under their key."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        """Indent block sequences (the default leaves them flush with the key)."""
        super().increase_indent(flow, False)


def _flow_list(dumper: yaml.SafeDumper, data: list) -> yaml.Node:
    """Write short lists of codes on one line: [so-noi-vu, all_districts]."""
    flow = all(isinstance(x, str) for x in data) and sum(len(x) for x in data) < 80
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _flow_list)


def to_yaml(result: ImportResult) -> str:
    """Return the plan as a commented YAML document."""
    body = yaml.dump(result.plan, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return _HEADER.format(source=result.plan.get("source", "?")) + body


def to_json(result: ImportResult) -> str:
    """Return plan, shape and review list as JSON (dates in ISO form)."""
    return json.dumps(result.as_dict(), ensure_ascii=False, indent=2, default=_iso)


def _iso(value: Any) -> str:
    """Encode dates for JSON."""
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot encode {type(value).__name__}")
