"""The one settings object, read from CCHC_* environment variables."""

from __future__ import annotations

from datetime import time
from functools import lru_cache
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AliasChoices, BaseModel, Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from cchc.settings_limits import LimitSettings, WebSecuritySettings

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
    # Channels (notify branch): rows name a channel; its URL and credentials stay here.
    channels: dict[str, str] = Field(
        default_factory=dict,
        description="channel name -> apprise URL with its credentials (email, webhook, zalo, sms)",
    )
    channel_threads: int = Field(4, ge=1, le=64, description="channels sent in parallel")
    channel_breaker: int = Field(
        3, ge=1, le=10_000, description="slow failures in a row after which a pass skips a channel"
    )
    breaker_slow_seconds: float = Field(
        2.0, gt=0, le=600, description="a failed send this slow counts toward the breaker"
    )
    channel_timeout_seconds: float = Field(
        10.0, gt=0, le=600, description="how long the Zalo and SMS plugins wait for the provider"
    )
    base_url: str = Field(
        "", max_length=300, description="dashboard address for links in messages (https://…)"
    )
    ack_link_days: int = Field(
        60, ge=1, le=366, description="how long the kick-off's acknowledgement link stays valid"
    )
    email_from_name: str = Field(
        "", max_length=200, description="sender name of e-mails, e.g. 'Sở Nội vụ tỉnh Bắc Kạn'"
    )
    email_from_address: str = Field(
        "", max_length=320, description="sender address of e-mails (empty: the SMTP login's)"
    )
    # Contacts (contacts branch): a unit's or user's own addresses through the named channels.
    contact_channels: dict[str, str] = Field(
        default_factory=lambda: {"email": "email", "phone": "sms", "zalo": "zalo"},
        description="contact field (email, phone, zalo) -> channel name its address goes through",
    )
    quiet_start: time = Field(
        time(21, 0), description="local time from which SMS and Zalo messages are held"
    )
    quiet_end: time = Field(time(7, 0), description="local time at which held messages go out")
    quiet_schemes: list[str] = Field(
        default_factory=lambda: ["esms", "zalo"],
        description="apprise schemes held during the quiet hours (e-mail goes any time)",
    )
    digest_days: int = Field(
        3, ge=1, le=31, description="ended local days a tick still writes missing digests for"
    )


class EvidenceSettings(BaseModel):
    """Limits for uploaded evidence documents."""

    max_bytes: int = Field(20 * 1024 * 1024, ge=1, description="largest evidence file accepted")
    allowed_types: list[str] = Field(
        default_factory=lambda: ["pdf", "docx", "doc", "xlsx", "xls", "jpg", "jpeg", "png", "zip"],
        description="file name endings accepted as evidence",
    )


class StorageSettings(BaseModel):
    """Where evidence bytes are stored and how long download links live."""

    backend: Literal["local", "s3"] = Field(
        "local", description="local: var_dir/evidence; s3: an S3-compatible bucket"
    )
    s3_bucket: str = Field("cchc-evidence", max_length=63, description="bucket of the s3 backend")
    s3_prefix: str = Field("evidence/", max_length=200, description="key prefix in the bucket")
    s3_endpoint_url: str = Field("", description="S3 API URL (MinIO, ...); empty means AWS")
    s3_region: str = Field("us-east-1", description="region name the client signs for")
    s3_access_key: str = Field("", description="access key; empty means boto3's own chain")
    s3_secret_key: str = Field("", description="secret key; empty means boto3's own chain")
    link_secret: str = Field(
        "", description="HMAC key of download links; empty means one kept in var_dir/link-secret"
    )
    link_ttl_seconds: int = Field(
        900, ge=10, le=7 * 86400, description="how long a signed download link stays valid"
    )


class AuthSettings(BaseModel):
    """Dashboard sign-in: session lifetimes, the cookie, password rules and login throttling."""

    session_idle_minutes: int = Field(
        60, ge=1, le=24 * 60, description="a session unused this long is closed"
    )
    session_absolute_hours: int = Field(
        12, ge=1, le=24 * 30, description="a session is closed this long after sign-in, used or not"
    )
    https: bool = Field(False, description="served over HTTPS: the session cookie is Secure")
    password_min_length: int = Field(10, ge=8, le=128, description="shortest password accepted")
    login_max_failures: int = Field(
        5, ge=1, le=100, description="refused sign-ins per user name before a pause"
    )
    login_max_failures_ip: int = Field(
        20, ge=1, le=1000, description="refused sign-ins per address before a pause (shared NATs)"
    )
    login_window_minutes: int = Field(
        15, ge=1, le=24 * 60, description="window over which refused sign-ins are counted"
    )
    token_days: int = Field(
        365, ge=0, le=3650, description="default lifetime of a new API token; 0 = never expires"
    )


class OidcSettings(BaseModel):
    """Optional OpenID Connect sign-in (a provincial SSO such as Keycloak or WSO2)."""

    issuer: str = Field(
        "", max_length=500, description="the provider's issuer URL; empty means SSO is off"
    )
    client_id: str = Field("", max_length=200, description="this app's client id there")
    client_secret: str = Field(
        "", max_length=500, description="this app's client secret (from the environment)"
    )
    username_claim: str = Field(
        "preferred_username",
        min_length=1,
        max_length=64,
        description="ID token claim holding the cchc user name (e.g. preferred_username, email)",
    )
    scopes: str = Field(
        "openid profile email", max_length=200, description="scopes asked for, space-separated"
    )
    redirect_url: str = Field(
        "",
        max_length=500,
        description="the callback URL the provider sends back to; empty: "
        "derived from the request (set it behind a proxy)",
    )
    timeout_seconds: float = Field(
        10.0, gt=0, le=120, description="limit on each call to the provider"
    )

    @property
    def enabled(self) -> bool:
        """Tell whether SSO sign-in is configured."""
        return bool(self.issuer and self.client_id)


class DatabaseSettings(BaseModel):
    """Time limits on every engine, so a sick database fails fast instead of hanging callers."""

    connect_timeout: int = Field(5, ge=1, le=300, description="seconds to open a connection")
    statement_timeout: float = Field(
        300.0, gt=0, le=86_400, description="seconds one statement may run (CLI, flows, bench)"
    )
    web_statement_timeout: float = Field(
        15.0, gt=0, le=3600, description="seconds one statement may run under `cchc serve`"
    )
    pool_timeout: float = Field(
        5.0, gt=0, le=300, description="seconds to wait for a free pooled connection"
    )
    idle_transaction_timeout: float = Field(
        120.0,
        gt=0,
        le=86_400,
        description="seconds a transaction may wait between statements before the server ends it"
        " (a dead client's row locks are freed)",
    )


class LogSettings(BaseModel):
    """How processes write their logs (cchc/logs.py)."""

    format: Literal["auto", "json", "text"] = Field(
        "auto", description="json: one JSON object per line; auto: json in production, else text"
    )
    level: Literal["auto", "DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        "auto", description="lowest level written; auto: INFO for json, WARNING for a terminal"
    )


class PrefectRunSettings(BaseModel):
    """How a flow run whose worker died is noticed: heartbeats and `cchc setup`'s automation."""

    heartbeat_seconds: int = Field(
        30,
        ge=30,  # Prefect 3.8.8 refuses less (flows.heartbeat_frequency) and clamps to 30
        le=3600,
        description="seconds between heartbeats of the flow runs workers start (work pool env)",
    )
    zombie_after_seconds: int = Field(
        90,
        ge=60,
        le=86_400,
        description="a run silent this long is marked Crashed (`cchc setup`'s automation)",
    )

    @model_validator(mode="after")
    def _room_for_a_late_heartbeat(self) -> PrefectRunSettings:
        # One heartbeat delayed by a busy machine must not crash a live run.
        if self.zombie_after_seconds < 2 * self.heartbeat_seconds:
            raise ValueError("zombie_after_seconds phải ít nhất gấp đôi heartbeat_seconds")
        return self


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
    storage: StorageSettings = Field(default_factory=StorageSettings)
    db: DatabaseSettings = Field(default_factory=DatabaseSettings)
    api_host: str = Field("127.0.0.1", description="where `cchc serve` listens")
    api_port: int = Field(8000, ge=1, le=65535, description="port of `cchc serve`")
    api_workers: int = Field(
        0, ge=0, le=64, description="worker processes of `cchc serve`; 0 = number of cores"
    )
    auth: AuthSettings = Field(default_factory=AuthSettings)
    log: LogSettings = Field(default_factory=LogSettings)
    # Prefect run links on the dashboard (#16): the UI base, else derived from the API URL.
    prefect_ui_url: str = Field(
        "",
        max_length=300,
        validation_alias=AliasChoices("CCHC_PREFECT_UI_URL", "PREFECT_UI_URL"),
        description="the Prefect UI address for run links (default: PREFECT_API_URL without /api)",
    )
    prefect_api_url: str = Field(
        "",
        max_length=300,
        validation_alias=AliasChoices("PREFECT_API_URL"),
        description="Prefect's API address as the processes see it (read, never written)",
    )
    # Runs left `Running` by a dead worker machine: heartbeats and the automation crashing them.
    prefect: PrefectRunSettings = Field(default_factory=PrefectRunSettings)
    oidc: OidcSettings = Field(default_factory=OidcSettings)

    # Hostile requests and files (issues #14, #16): sizes checked before parsing, HTTP hardening.
    limits: LimitSettings = Field(default_factory=LimitSettings)
    web_security: WebSecuritySettings = Field(default_factory=WebSecuritySettings)

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:  # refuse an unknown zone at start-up, not at the first local date
            ZoneInfo(value)
        except (ValueError, ZoneInfoNotFoundError) as exc:
            raise ValueError(f"unknown IANA timezone {value!r}") from exc
        return value

    @property
    def prefect_ui(self) -> str:
        """The Prefect UI base for links, or '' when unknown (no link is shown then)."""
        if self.prefect_ui_url:
            return self.prefect_ui_url.rstrip("/")
        return self.prefect_api_url.rstrip("/").removesuffix("/api")

    @property
    def db_url(self) -> str:
        """Return the database URL, defaulting to the embedded SQLite file."""
        return self.database_url or f"sqlite:///{self.var_dir / 'cchc.sqlite3'}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process-wide settings (cached; tests call get_settings.cache_clear())."""
    return Settings()
