"""The zombie automation's shape and its settings (the real server test: tests/faults)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pydantic import ValidationError

from cchc.settings import Settings
from services import zombie_watch


def test_automation_crashes_only_our_runs_silent_for_the_window():
    trigger = zombie_watch.automation(90).trigger
    assert trigger.posture.value == "Proactive" and trigger.within == timedelta(seconds=90)
    assert trigger.after == {"prefect.flow-run.heartbeat"}
    assert "prefect.flow-run.Completed" in trigger.expect
    assert trigger.for_each == {"prefect.resource.id"}
    assert trigger.match_related.model_dump() == {"prefect.resource.id": "prefect.tag.cchc"}


def test_window_defaults_to_three_heartbeats():
    settings = Settings().prefect
    assert (settings.heartbeat_seconds, settings.zombie_after_seconds) == (30, 90)


@pytest.mark.parametrize(("heartbeat", "window"), [("60", "90"), ("10", "90")])
def test_window_shorter_than_two_heartbeats_or_heartbeat_below_prefects_is_refused(
    monkeypatch, heartbeat, window
):
    monkeypatch.setenv("CCHC_PREFECT__HEARTBEAT_SECONDS", heartbeat)
    monkeypatch.setenv("CCHC_PREFECT__ZOMBIE_AFTER_SECONDS", window)
    with pytest.raises(ValidationError):
        Settings()
