"""The OpenAPI schema documents every answer body: no 2xx JSON answer is an untyped object."""

from __future__ import annotations

import warnings
from typing import Any

from web.app import create_app

with warnings.catch_warnings():  # starlette nudges towards httpx2; the client works as is
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

# Answers that are not JSON bodies: rendered pages and file downloads, named by content type.
NOT_JSON = {
    "text/html",
    "text/csv",
    "application/octet-stream",
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
SCALARS = {"string", "integer", "number", "boolean", "null"}


def _gaps(schema: dict[str, Any], doc: dict[str, Any], where: str, seen: set[str]) -> list[str]:
    """Return the places under `schema` that say nothing about their shape."""
    if "$ref" in schema:
        ref = schema["$ref"]
        if ref in seen:
            return []
        target = doc["components"]["schemas"][ref.rsplit("/", 1)[1]]
        return _gaps(target, doc, f"{where}→{ref.rsplit('/', 1)[1]}", seen | {ref})
    branches = schema.get("anyOf") or schema.get("oneOf") or schema.get("allOf")
    if branches:
        return [g for b in branches for g in _gaps(b, doc, where, seen)]
    kind = schema.get("type")
    if kind == "array":
        return _gaps(schema.get("items", {}), doc, f"{where}[]", seen)
    if kind in SCALARS:
        return []
    properties = schema.get("properties") or {}
    extra = schema.get("additionalProperties")
    if kind == "object" and not properties and isinstance(extra, dict) and extra:
        return _gaps(extra, doc, f"{where}{{}}", seen)  # a typed map, e.g. counts by state
    if not properties:
        return [where or "(body)"]
    return [g for k, v in properties.items() for g in _gaps(v, doc, f"{where}.{k}", seen)]


def _answers(doc: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """Return (operation, content type, media) of every 2xx answer in the schema."""
    out = []
    for path, operations in doc["paths"].items():
        for method, operation in operations.items():
            for status, answer in operation["responses"].items():
                if not status.startswith("2"):
                    continue
                name = f"{method.upper()} {path} {status}"
                content = answer.get("content") or {"(none)": {}}
                out += [(name, kind, media) for kind, media in content.items()]
    return out


def test_every_json_answer_has_a_documented_schema(sqlite_only):
    with TestClient(create_app(sqlite_only)) as client:
        doc = client.get("/openapi.json").json()
    answers = _answers(doc)
    assert len(answers) >= 30  # every JSON route of web/api is in the schema
    problems = []
    for name, kind, media in answers:
        if kind in NOT_JSON:
            continue
        if kind != "application/json":
            problems.append(f"{name}: content type {kind}")
            continue
        gaps = _gaps(media.get("schema") or {}, doc, "", set())
        problems += [f"{name}: {gap} has no shape" for gap in gaps]
    assert problems == []


def test_an_untyped_object_counts_as_undocumented():
    doc = {"components": {"schemas": {"A": {"type": "object", "properties": {"x": {}}}}}}
    assert _gaps({}, doc, "", set()) == ["(body)"]
    assert _gaps({"type": "object", "additionalProperties": True}, doc, "", set()) == ["(body)"]
    assert _gaps(
        {"type": "array", "items": {"$ref": "#/components/schemas/A"}}, doc, "", set()
    ) == ["[]→A.x"]
    assert (
        _gaps({"type": "object", "additionalProperties": {"type": "integer"}}, doc, "", set()) == []
    )
