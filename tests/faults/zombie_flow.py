"""A flow the zombie test deploys on the cchc pool: it holds its process for `hold` seconds."""

from __future__ import annotations

import time

from prefect import flow


@flow(name="zombie-probe")
def zombie_probe(hold: float = 0.0) -> None:
    """Sleep `hold` seconds (its heartbeats go on meanwhile), then complete."""
    time.sleep(hold)
