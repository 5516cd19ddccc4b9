"""The layering holds: adapters write via services/, deadlines/ stays pure, no import runs up."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# deadlines ← cchc ← models ← services ← tasks ← flows/demo ← web/cli
LAYER = {
    "deadlines": 0,
    "cchc": 1,
    "models": 2,
    "services": 3,
    "tasks": 4,
    "flows": 5,
    "demo": 5,
    "web": 6,
    "cli": 6,
}
# deadlines/ raises the one error tree and reads the local zone of the one clock (its README's
# contract); these two core modules are the only ones it may reach upward.
SHARED_CORE = {"cchc.errors", "cchc.clock"}
ADAPTERS = ("web", "cli")
IO_LIBRARIES = {"prefect", "sqlmodel", "sqlalchemy", "httpx", "apprise"}
# The models' functions that change rows: an adapter reaches them only through a services/ entry.
MODEL_WRITES = {
    "accept_all",
    "add_evidence",
    "advance_stages",
    "appraise_item",
    "approve_results",
    "complete_appraisal",
    "compute_results",
    "create_user",
    "enqueue",
    "enqueue_many",
    "extend_due",
    "extend_unit",
    "freeze_rules",
    "import_ballots",
    "import_survey_points",
    "launch_campaign",
    "mark_acted",
    "new_draft",
    "note_unit_appraised",
    "publish_results",
    "record_audit",
    "record_council_session",
    "record_deployment",
    "record_fact",
    "record_final_score",
    "record_stage_fact",
    "reopen",
    "reopen_results",
    "post_message",
    "save_draft",
    "score_ballots",
    "store_survey_points",
    "submit_self_assessment",
    "sync_criteria_set",
    "sync_units",
    "withdraw_self_assessment",
}
ROW_WRITES = {"add", "add_all", "delete", "merge"}


def _modules(*packages: str) -> list[Path]:
    """Return every Python module under the given top-level packages."""
    return sorted(p for pkg in packages for p in (ROOT / pkg).rglob("*.py"))


def _imports(tree: ast.AST) -> list[tuple[str, list[str]]]:
    """Return (module, imported names) of every import, at the top or inside a function."""
    found: list[tuple[str, list[str]]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.module, [alias.name for alias in node.names]))
    return found


def _adapter_writes(tree: ast.AST) -> list[str]:
    """Return the direct writes in an adapter module: models write functions, rows, queries."""
    problems: list[str] = []
    models_names: set[str] = set()  # names bound to something imported from models
    for module, names in _imports(tree):
        if module.split(".")[0] != "models":
            continue
        problems += [f"imports models write {n}" for n in names if n in MODEL_WRITES]
        models_names.update(names)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in {"sqlmodel", "sqlalchemy"}:
            problems += ["imports select" for a in node.names if a.name == "select"]
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id == "select":
            problems.append(f"line {node.lineno}: builds select(")
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            owner, attr = func.value.id, func.attr
            if attr in ROW_WRITES and (owner in {"s", "db"} or "session" in owner):
                problems.append(f"line {node.lineno}: {owner}.{attr}(")
            if owner in models_names and attr in MODEL_WRITES:
                problems.append(f"line {node.lineno}: calls models write {owner}.{attr}")
    return problems


def _relative(path: Path) -> str:
    """The module's path from the repository root."""
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("path", _modules(*ADAPTERS), ids=_relative)
def test_adapter_writes_only_through_services(path):
    assert _adapter_writes(ast.parse(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize("path", _modules("deadlines"), ids=_relative)
def test_deadlines_imports_no_io_library(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    used = {module.split(".")[0] for module, _ in _imports(tree)}
    assert used & IO_LIBRARIES == set()


@pytest.mark.parametrize("path", _modules(*LAYER), ids=_relative)
def test_no_import_runs_up_the_layers(path):
    own = LAYER[path.relative_to(ROOT).parts[0]]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = [m for m, _ in _imports(tree) if own > 0 or m not in SHARED_CORE]
    upward = [m for m in imported if LAYER.get(m.split(".")[0], -1) > own]
    assert upward == []


def test_the_checks_see_a_direct_write():
    source = (
        "from models.scoring import survey\n"
        "from models.campaign.facts import record_fact\n"
        "from sqlmodel import select\n"
        "def act(session):\n"
        "    survey.import_survey_points(session=session)\n"
        "    session.add(object())\n"
        "    session.exec(select(object))\n"
    )
    problems = _adapter_writes(ast.parse(source))
    assert "imports models write record_fact" in problems
    assert "imports select" in problems
    assert any("calls models write survey.import_survey_points" in p for p in problems)
    assert any("session.add(" in p for p in problems)
    assert any("builds select(" in p for p in problems)
