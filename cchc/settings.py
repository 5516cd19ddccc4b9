"""The one settings object, read from CCHC_* environment variables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent


class NotifySettings(BaseModel):
    """How notifications leave the system."""

    default_urls: list[str] = Field(
        default_factory=lambda: ["outbox://"],
        description="apprise URLs used for units without their own; outbox:// writes var/outbox/",
    )
    retries: int = Field(3, ge=0, le=10, description="delivery attempts after the first")
    retry_delays: list[float] = Field(
        default_factory=lambda: [1.0, 5.0, 30.0], description="seconds between attempts"
    )
    batch_size: int = Field(500, ge=1, le=100_000, description="messages per delivery task run")
    lease_seconds: float = Field(
        120.0, gt=0, le=3600, description="how long a sender holds claimed rows before others may"
    )
    lease_margin_seconds: float = Field(
        10.0, ge=0, le=3600, description="no send starts this close to the end of a lease"
    )


class EvidenceSettings(BaseModel):
    """Limits for uploaded evidence documents."""

    max_bytes: int = Field(20 * 1024 * 1024, ge=1, description="largest evidence file accepted")
    allowed_types: list[str] = Field(
        default_factory=lambda: ["pdf", "docx", "doc", "xlsx", "xls", "jpg", "jpeg", "png", "zip"],
        description="file name endings accepted as evidence",
    )


class Settings(BaseSettings):
    """Settings for cchc-flow; env prefix CCHC_, nested with __ (CCHC_NOTIFY__RETRIES=5)."""

    model_config = SettingsConfigDict(env_prefix="CCHC_", env_nested_delimiter="__")

    env: str = Field("development", description="development, test or production")
    var_dir: Path = Field(
        ROOT / "var", description="where the SQLite file, outbox and uploads live"
    )
    database_url: str = Field("", description="SQLAlchemy URL; empty means sqlite under var_dir")
    timezone: str = Field(
        "Asia/Ho_Chi_Minh",
        description="the users' IANA timezone: local dates, days left, tick hours (cchc.clock)",
    )
    config_dir: Path = Field(ROOT / "config", description="YAML configuration folder")
    notify: NotifySettings = Field(default_factory=NotifySettings)
    evidence: EvidenceSettings = Field(default_factory=EvidenceSettings)
    api_host: str = Field("127.0.0.1", description="where `cchc serve` listens")
    api_port: int = Field(8000, ge=1, le=65535, description="port of `cchc serve`")
    api_workers: int = Field(
        0, ge=0, le=64, description="worker processes of `cchc serve`; 0 = number of cores"
    )
    web_cache_signal: str = Field(
        "", description="file a worker touches after a write so the others drop their page cache"
    )

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:  # refuse an unknown zone at start-up, not at the first local date
            ZoneInfo(value)
        except (ValueError, ZoneInfoNotFoundError) as exc:
            raise ValueError(f"unknown IANA timezone {value!r}") from exc
        return value

    @property
    def db_url(self) -> str:
        """Return the database URL, defaulting to the embedded SQLite file."""
        return self.database_url or f"sqlite:///{self.var_dir / 'cchc.sqlite3'}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process-wide settings (cached; tests call get_settings.cache_clear())."""
    return Settings()
