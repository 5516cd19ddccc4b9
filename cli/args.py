"""The one argument style of every `cchc` command: campaign `--campaign/-c`, unit `--unit/-u`."""

from __future__ import annotations

from typing import Annotated, Any

import typer

CAMPAIGN_OPTS = ("--campaign", "-c")
UNIT_OPTS = ("--unit", "-u")

CampaignOpt = Annotated[str, typer.Option(*CAMPAIGN_OPTS, help="Mã chiến dịch.")]
UnitOpt = Annotated[str, typer.Option(*UNIT_OPTS, help="Mã đơn vị.")]


def campaign_or_none(help: str) -> Any:
    """Return an optional `--campaign/-c` option with its own help text."""
    return typer.Option(*CAMPAIGN_OPTS, help=help)


def unit_or_none(help: str) -> Any:
    """Return an optional `--unit/-u` option with its own help text."""
    return typer.Option(*UNIT_OPTS, help=help)
