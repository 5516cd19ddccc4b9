"""Capture what the one logging set-up writes (cchc/logs.py), and check each line of it."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager

# Secrets a logging test configures; none may appear in any line written.
SMTP_PASSWORD = "Smtp-Pw-7f3a9c"
LINK_SECRET = "link-secret-5b8e2d"
S3_SECRET = "s3-secret-91c4aa"
SECRET_ENV = {
    "CCHC_NOTIFY__CHANNELS": (
        '{"email": "mailtos://snv:' + SMTP_PASSWORD + '@smtp.example.org?to=snv@example.org"}'
    ),
    "CCHC_STORAGE__LINK_SECRET": LINK_SECRET,
    "CCHC_STORAGE__S3_SECRET_KEY": S3_SECRET,
}


@contextmanager
def json_logs() -> Iterator[io.StringIO]:
    """Configure JSON logs into a buffer for the block; put the root logger back after."""
    from cchc import logs

    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    buffer = io.StringIO()
    handler = logs.configure(fmt="json", stream=buffer)
    try:
        yield buffer
    finally:
        root.removeHandler(handler)
        root.handlers[:] = handlers
        root.setLevel(level)


def lines(buffer: io.StringIO) -> list[dict]:
    """Every line written, each parsed as one JSON object with the four required keys."""
    parsed = [json.loads(line) for line in buffer.getvalue().splitlines()]
    for line in parsed:
        assert {"time", "level", "logger", "message"} <= line.keys(), line
        assert line["time"].endswith("+00:00"), line  # UTC
    return parsed


def assert_no_secret(buffer: io.StringIO, *secrets: str) -> None:
    """No configured or passed secret appears anywhere in what was written."""
    text = buffer.getvalue()
    for secret in (SMTP_PASSWORD, LINK_SECRET, S3_SECRET, *secrets):
        assert secret not in text, f"{secret!r} leaked into the logs"
