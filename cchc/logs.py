"""The one logging set-up: one line per record, JSON or text, with the ids, secrets masked.

`configure()` is called by `cchc` (every command), by `cchc serve` (each worker, through
`web.app.create_app`) and by the `campaign-tick` flow in a Prefect worker. It puts one handler on
the root logger (uvicorn's and Prefect's console output go through it too) whose formatter adds
`campaign`, `request_id` and `flow_run_id` from `cchc.run_context` and masks every secret the
settings know, URL credentials, and `Authorization`/`Cookie`/bearer values (`cchc.masking`).
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from datetime import UTC, datetime
from typing import IO, Any

from cchc import run_context
from cchc.masking import mask_text
from cchc.settings import Settings, get_settings

# Header values and cookies that carry credentials, however a message happens to quote them.
_HEADER_SECRET = re.compile(
    r"((?:authorization|proxy-authorization|cookie|set-cookie|x-api-key)[\"']?\s*[:=]\s*[\"']?)"
    r"[^\"'\n,}]+",
    re.IGNORECASE,
)
_BEARER = re.compile(r"\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+", re.IGNORECASE)
_SESSION = re.compile(r"(cchc_session=)[^;\s&\"']+")
# Record attributes copied into the JSON object when a caller passes them in `extra`.
EXTRA_FIELDS = ("method", "path", "status", "duration_ms", "flow_run_id", "task_run_id")
# Libraries that log every HTTP call at INFO: their lines say nothing an operator needs.
QUIET = ("httpx", "httpcore", "urllib3", "botocore", "boto3", "apprise", "alembic.runtime.plugins")


def known_secrets(settings: Settings) -> list[str]:
    """Every secret value the settings hold (channel URLs are masked as URLs as well)."""
    storage = settings.storage
    return [
        *settings.notify.channels.values(),
        *settings.notify.default_urls,
        storage.s3_secret_key,
        storage.s3_access_key,
        storage.link_secret,
    ]


def mask(text: str, secrets: list[str]) -> str:
    """The text with known secrets, URL credentials, auth headers and session cookies masked."""
    text = mask_text(text, secrets)
    text = _HEADER_SECRET.sub(lambda m: f"{m.group(1)}***", text)
    text = _BEARER.sub(lambda m: f"{m.group(1)} ***", text)
    return _SESSION.sub(lambda m: f"{m.group(1)}***", text)


class _Masking(logging.Formatter):
    """Shared part: the secrets to mask, read once per handler."""

    def __init__(self, secrets: list[str], fmt: str | None = None) -> None:
        super().__init__(fmt)
        self.secrets = [s for s in secrets if s]

    def masked(self, text: str) -> str:
        """Mask one piece of output."""
        return mask(text, self.secrets)


class SecretFilter(logging.Filter):
    """Mask the record's message in place, so every later handler (Prefect's API one too) sees
    it masked."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        """Replace the message by its masked text; keep the record."""
        record.msg, record.args = mask(record.getMessage(), self.secrets), None
        return True


# Prefect ships flow and task run lines to its API from these loggers' own handlers.
PREFECT_RUN_LOGGERS = ("prefect.flow_runs", "prefect.task_runs")


def utc_time(record: logging.LogRecord) -> str:
    """The record's moment as UTC ISO 8601 with milliseconds."""
    return datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")


class JsonFormatter(_Masking):
    """One JSON object per record: time (UTC ISO), level, logger, message and the known ids."""

    def format(self, record: logging.LogRecord) -> str:
        """Render the record as one line of JSON, every string masked."""
        line: dict[str, Any] = {
            "time": utc_time(record),
            "level": record.levelname,
            "logger": record.name,
            "message": self.masked(record.getMessage()),
        }
        for name in EXTRA_FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                line[name] = self.masked(value) if isinstance(value, str) else value
        line.update(run_context.current())
        if record.exc_info:
            line["exc"] = self.masked(self.formatException(record.exc_info))
        return json.dumps(line, ensure_ascii=False, default=str)


class TextFormatter(_Masking):
    """A readable line for a terminal: time, level, logger, ids, message (masked)."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__(secrets, "%(asctime)s %(levelname)s %(name)s%(ids)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        """Render the record as text with the ids in brackets."""
        ids = run_context.current()
        record.ids = f" [{' '.join(f'{k}={v}' for k, v in ids.items())}]" if ids else ""
        return self.masked(super().format(record))

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:  # noqa: N802
        """UTC, as the JSON lines (servers' local zones differ)."""
        return utc_time(record)


def chosen_format(settings: Settings) -> str:
    """`json` or `text`: the setting, `auto` meaning JSON in production."""
    wanted = settings.log.format
    if wanted == "auto":
        return "json" if settings.env == "production" else "text"
    return wanted


def _ours(handler: logging.Handler) -> bool:
    """Whether a root handler is one this module or Prefect's console set-up installed."""
    return getattr(handler, "cchc", False) or type(handler).__name__ == "PrefectConsoleHandler"


def configure(*, fmt: str | None = None, stream: IO[str] | None = None) -> logging.Handler:
    """Install the one root handler (replacing an earlier one); return it."""
    settings = get_settings()
    secrets = known_secrets(settings)
    mode = fmt or chosen_format(settings)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter(secrets) if mode == "json" else TextFormatter(secrets))
    handler.addFilter(SecretFilter(secrets))
    handler.cchc = True  # type: ignore[attr-defined]  # marks the handler a later call replaces
    root = logging.getLogger()
    for old in [h for h in root.handlers if _ours(h)]:
        root.removeHandler(old)
    root.addHandler(handler)
    level = settings.log.level
    root.setLevel(level if level != "auto" else "INFO" if mode == "json" else "WARNING")
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "fastapi"):
        logger = logging.getLogger(name)  # uvicorn's own handlers would print plain text
        logger.handlers.clear()
        logger.propagate = True
    for name in PREFECT_RUN_LOGGERS:
        for shipper in logging.getLogger(name).handlers:
            shipper.filters = [f for f in shipper.filters if not isinstance(f, SecretFilter)]
            shipper.addFilter(SecretFilter(secrets))
    for name in QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)
    return handler


def configure_in_worker() -> None:
    """Configure once in a flow run a worker started (Prefect sets PREFECT__FLOW_RUN_ID there)."""
    configured = any(getattr(h, "cchc", False) for h in logging.getLogger().handlers)
    if os.environ.get("PREFECT__FLOW_RUN_ID") and not configured:
        configure()
