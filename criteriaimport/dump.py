"""Write an imported criteria set as YAML (Vietnamese unescaped) or JSON."""

from __future__ import annotations

import json

import yaml

from criteriaimport.model import CriteriaImport
from planimport.dump import _Dumper

_HEADER = (
    "# Imported by `cchc criteria import` from {source}.\n"
    "# Check the review list it printed (sums, unknown agencies), then run `cchc validate`.\n"
    "# Codes are 1 (field), 1.1 (criterion), 1.1.1 (sub-criterion), by position in the table.\n"
)


def to_yaml(result: CriteriaImport, source: str) -> str:
    """Return the set as a commented YAML document."""
    body = yaml.dump(
        result.criteria_set, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100
    )
    return _HEADER.format(source=source) + body


def to_json(result: CriteriaImport) -> str:
    """Return set, shape and review list as JSON."""
    return json.dumps(result.as_dict(), ensure_ascii=False, indent=2)
