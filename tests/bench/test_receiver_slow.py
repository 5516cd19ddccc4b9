"""The receiver's slow mode: a message counts only if its sender is still there to hear back."""

from __future__ import annotations

import time

import httpx
import pytest

from bench.procs import receiver


def test_slow_receiver_counts_a_patient_sender_and_aborts_one_that_hung_up():
    with receiver(mode="slow", hang_seconds=1.0) as r:
        hook = f"{r.url}/hook"
        ok = httpx.post(hook, json={}, headers={"X-Cchc-Key": "waited"}, timeout=10)
        with pytest.raises(httpx.ReadTimeout):
            httpx.post(hook, json={}, headers={"X-Cchc-Key": "gone"}, timeout=0.3)
        assert r.stats()["waiting"] == ["gone"]
        time.sleep(1.2)
        stats = r.stats()
    assert ok.status_code == 200
    assert (stats["keys"], stats["aborted"], stats["waiting"]) == ({"waited": 1}, 1, [])
