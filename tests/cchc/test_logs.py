"""The one logging set-up: text lines for a terminal, masking, the worker switch (#16)."""

from __future__ import annotations

import io
import logging

from cchc import logs, run_context
from cchc.settings import Settings


def test_text_lines_carry_the_ids_and_hide_credentials():
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(logs.TextFormatter(["hunter2-secret"]))
    logger = logging.getLogger("cchc.test.text")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        with run_context.bound(campaign="bac-kan-2023", request_id="r-1"):
            logger.error(
                "send to %s failed (%s); headers {'authorization': 'Basic dXNlcjpwYXNz'}",
                "json://u:pw1@hook.example.org/x?token=t0k&to=a",
                "hunter2-secret",
            )
    finally:
        logger.removeHandler(handler)
    line = buffer.getvalue()
    assert "+00:00 ERROR cchc.test.text [request_id=r-1 campaign=bac-kan-2023]: send" in line
    for secret in ("pw1", "t0k", "hunter2-secret", "dXNlcjpwYXNz"):
        assert secret not in line
    assert "json://***@hook.example.org/x?token=***&to=a" in line


def test_format_and_level_follow_the_environment():
    assert logs.chosen_format(Settings(env="production")) == "json"
    assert logs.chosen_format(Settings(env="development")) == "text"
    assert (
        logs.chosen_format(
            Settings.model_validate({"env": "production", "log": {"format": "text"}})
        )
        == "text"
    )
