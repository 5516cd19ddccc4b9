"""The deployment samples agree: compose services match the systemd units, one env file for all."""

from __future__ import annotations

import re

import yaml

from cchc.settings import ROOT, Settings

DEPLOY = ROOT / "deploy"


def _commands_of_units() -> dict[str, str]:
    """Each systemd unit's ExecStart, by unit name."""
    out = {}
    for unit in (DEPLOY / "systemd").glob("*.service"):
        start = re.search(r"^ExecStart=(.+)$", unit.read_text(), re.MULTILINE)
        assert start, unit
        out[unit.stem] = start.group(1)
    return out


def test_compose_runs_the_same_programs_as_the_systemd_units():
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    units = _commands_of_units()
    assert set(units) == {"cchc-prefect-server", "cchc-worker@", "cchc-serve"}
    pairs = {
        "prefect-server": "prefect server start",
        "worker": "prefect worker start --pool cchc-pool",
    }
    pairs["serve"] = "cchc serve"
    for service, program in pairs.items():
        command = " ".join(compose["services"][service]["command"])
        assert program in command
        assert any(program in line for line in units.values()), program


def test_env_example_is_valid_settings(monkeypatch):
    for line in (DEPLOY / "env.example").read_text().splitlines():
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            monkeypatch.setenv(key, value)
    settings = Settings()
    assert settings.db.connect_timeout == 5 and settings.db.web_statement_timeout == 15
    assert settings.db_url.startswith("postgresql+psycopg://")


def test_operations_doc_runs_the_script_the_test_runs():
    doc = (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")
    assert "scripts/local-stack.sh up" in doc and "scripts/local-stack.sh down" in doc
    assert "cchc setup" in doc and "/ready" in doc
