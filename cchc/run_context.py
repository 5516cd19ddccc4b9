"""What the current work is about: the request, the campaign, the Prefect flow run (contextvars)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

request_id: ContextVar[str | None] = ContextVar("cchc_request_id", default=None)
campaign: ContextVar[str | None] = ContextVar("cchc_campaign", default=None)
# Set by the `campaign-tick` flow; rows the tick writes name the run (None outside Prefect).
flow_run_id: ContextVar[str | None] = ContextVar("cchc_flow_run_id", default=None)

_VARS = {"request_id": request_id, "campaign": campaign, "flow_run_id": flow_run_id}


@contextmanager
def bound(**values: str | None) -> Iterator[None]:
    """Set the named ids for the block, restoring the previous ones after."""
    tokens = [(_VARS[name], _VARS[name].set(value)) for name, value in values.items()]
    try:
        yield
    finally:
        for var, token in reversed(tokens):
            var.reset(token)


def current() -> dict[str, str]:
    """The ids known now, for a log line (unknown ones left out)."""
    return {name: value for name, var in _VARS.items() if (value := var.get()) is not None}
