"""The one settings class of `artboard serve`: defaults < TOML config file < `ARTBOARD_*` environment < CLI flags.

    settings = load_settings(Path("artboard.toml"), port=9000)   # flags passed as keyword overrides
    service = Service(settings.to_service_config())

The config file holds the same keys at its top level (or under an `[artboard]` table), e.g.::

    host = "0.0.0.0"
    port = 8080
    auth = "on"
    fetch_allow = ["10.0.0.0/8"]

Every field is documented (`artboard serve --help` and the README list them); nothing needs configuring for local use.
"""

from __future__ import annotations

import ipaddress
import os
import tomllib
from contextvars import ContextVar
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, PydanticBaseSettingsSource, SettingsConfigDict

from artboard.errors import InvalidParameter
from artboard.jobs.service import ServiceConfig

AuthMode = Literal["auto", "on", "off"]
_CONFIG_FILE: ContextVar[Path | None] = ContextVar("artboard_config_file", default=None)
_WILDCARD_HOSTS = ("0.0.0.0", "::", "")


def default_data_dir() -> Path:
    """`$XDG_DATA_HOME/artboard`, else `~/.local/share/artboard`."""
    base = os.environ.get("XDG_DATA_HOME")
    return (Path(base) if base else Path.home() / ".local" / "share") / "artboard"


def is_loopback(host: str) -> bool:
    if host.strip().lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _split_list(value: Any) -> Any:
    """Lists from env/TOML: a JSON list, or a comma-separated string."""
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            import json

            return json.loads(text)
        return [part.strip() for part in text.split(",") if part.strip()]
    return value


class Settings(BaseSettings):
    """Settings of the HTTP service. Environment variables are the field names prefixed with `ARTBOARD_`."""

    model_config = SettingsConfigDict(env_prefix="ARTBOARD_", extra="ignore", validate_default=True)

    host: str = Field(
        default="127.0.0.1", description="Address to bind; auth turns on by itself off loopback (auth=auto)."
    )
    port: int = Field(default=8000, ge=0, le=65535, description="TCP port to listen on.")
    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Folder for the SQLite database, stored output files and the signing secret "
        "(default $XDG_DATA_HOME/artboard or ~/.local/share/artboard).",
    )
    database_url: str = Field(
        default="",
        description="SQLAlchemy URL of the job store, e.g. postgresql+psycopg://user:pw@host/db "
        "(default: sqlite:///<data_dir>/artboard.db).",
    )
    workers: int = Field(
        default_factory=lambda: os.cpu_count() or 1,
        ge=0,
        le=256,
        description="Engine worker processes (default: the number of CPU cores; 0 = accept jobs but run none here, "
        "for API-only nodes sharing the database with worker nodes).",
    )
    auth: AuthMode = Field(
        default="auto",
        description="API keys: 'on', 'off', or 'auto' = on when host is not a loopback address.",
    )
    public_base_url: str = Field(
        default="",
        description="Absolute base URL clients reach the server at, used in signed file URLs and status URLs "
        "(default: derived from host and port).",
    )
    default_ttl_seconds: int = Field(
        default=86_400,
        ge=60,
        description="Lifetime of stored output files and their signed URLs unless a request sets one.",
    )
    max_body_bytes: int = Field(
        default=25 * 1024 * 1024, ge=1024, description="Largest accepted request body (413 above)."
    )
    rate_limit_per_minute: int = Field(
        default=120, ge=0, description="Requests per minute per API key unless the key sets its own (0 = no limit)."
    )
    fetch_allow: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Hosts or CIDRs that server-side fetches (image URLs, webhooks, upload endpoints) may reach "
        "despite the SSRF guard, e.g. ['127.0.0.1'] for tests or trusted networks.",
    )
    initial_credits: int = Field(default=10_000, ge=0, description="Credit balance of a new API key unless given.")
    webhook_max_attempts: int = Field(
        default=6, ge=1, le=50, description="Webhook deliveries per event before giving up."
    )
    queue_url: str = Field(
        default="",
        description="Message broker for scale-out, e.g. amqp://user:pw@mq:5672/artboard (RabbitMQ) or redis://…: "
        "jobs run on `artboard worker` machines. Empty = the in-process worker pool (one machine).",
    )
    queue_prefix: str = Field(
        default="artboard",
        pattern=r"^[A-Za-z0-9_.-]{1,100}$",
        description="Prefix of the broker's queue names (<prefix>.cpu, .gpu, .remote); deployments sharing one "
        "broker vhost need different prefixes.",
    )
    storage_url: str = Field(
        default="",
        description="Object storage for outputs shared by every machine: "
        "s3://BUCKET?endpoint=http://HOST:PORT&region=R (credentials from AWS_ACCESS_KEY_ID / "
        "AWS_SECRET_ACCESS_KEY; add &urls=presign to hand out the store's own presigned URLs). Empty = data_dir.",
    )
    republish_after_seconds: float = Field(
        default=60.0,
        ge=0.1,
        description="With queue_url: a job still queued and untouched this long is published again (a crash between "
        "storing and publishing it, or an unconfirmed publish); a duplicate message is dropped by the claim.",
    )
    min_free_mb: int = Field(
        default=64, ge=0, description="Below this much free disk in data_dir new jobs get 503 and /health is not ready."
    )
    sync_timeout_seconds: float = Field(
        default=300.0, gt=0, description="How long a synchronous request waits for its job before answering 408."
    )
    sweep_interval_seconds: float = Field(default=60.0, gt=0, description="How often expired output files are deleted.")
    signing_secret: SecretStr | None = Field(
        default=None,
        description="HMAC key for signed URLs and webhook signatures (generated and kept in data_dir if unset).",
    )
    log_level: Literal["critical", "error", "warning", "info", "debug"] = Field(
        default="info", description="Log level of the server and uvicorn."
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="Origins allowed by CORS (e.g. ['*']); empty = no CORS headers."
    )

    @field_validator("fetch_allow", "cors_origins", mode="before")
    @classmethod
    def _lists(cls, value: Any) -> Any:
        return _split_list(value)

    @field_validator("auth", "log_level", mode="before")
    @classmethod
    def _lower(cls, value: Any) -> Any:
        if isinstance(value, bool):
            return "on" if value else "off"
        return value.strip().lower() if isinstance(value, str) else value

    @model_validator(mode="after")
    def _derive(self) -> Settings:
        self.data_dir = self.data_dir.expanduser()
        if not self.database_url:
            self.database_url = f"sqlite:///{self.data_dir / 'artboard.db'}"
        if not self.public_base_url:
            self.public_base_url = f"http://{self.url_host}:{self.port}"
        self.public_base_url = self.public_base_url.rstrip("/")
        return self

    @property
    def url_host(self) -> str:
        """The host part of a URL that reaches this server from this machine."""
        host = "127.0.0.1" if self.host in _WILDCARD_HOSTS else self.host
        return f"[{host}]" if ":" in host and not host.startswith("[") else host

    @property
    def auth_enabled(self) -> bool:
        if self.auth == "auto":
            return not is_loopback(self.host)
        return self.auth == "on"

    def to_service_config(self) -> ServiceConfig:
        secret = self.signing_secret.get_secret_value().encode() if self.signing_secret else b""
        return ServiceConfig(
            database_url=self.database_url,
            data_dir=self.data_dir,
            workers=self.workers,
            default_ttl_seconds=self.default_ttl_seconds,
            signing_secret=secret,
            public_base_url=self.public_base_url,
            auth_enabled=self.auth_enabled,
            initial_credits=self.initial_credits,
            fetch_allow=tuple(self.fetch_allow),
            webhook_max_attempts=self.webhook_max_attempts,
            sweep_interval_seconds=self.sweep_interval_seconds,
            queue_url=self.queue_url,
            queue_prefix=self.queue_prefix,
            storage_url=self.storage_url,
            extra={"min_free_bytes": self.min_free_mb * 1024 * 1024, "republish_after": self.republish_after_seconds},
        )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return init_settings, env_settings, _TomlSource(settings_cls, _CONFIG_FILE.get())


class _TomlSource(PydanticBaseSettingsSource):
    """The optional TOML config file (top-level keys, or an [artboard] table)."""

    def __init__(self, settings_cls: type[BaseSettings], path: Path | None) -> None:
        super().__init__(settings_cls)
        self.values: dict[str, Any] = {}
        if path is not None:
            try:
                data = tomllib.loads(Path(path).expanduser().read_text(encoding="utf-8"))
            except OSError as exc:
                raise InvalidParameter(f"cannot read config file {path}: {exc.strerror}", param="--config") from None
            except tomllib.TOMLDecodeError as exc:
                raise InvalidParameter(f"config file {path} is not valid TOML: {exc}", param="--config") from None
            table = data.get("artboard", data)
            unknown = sorted(set(table) - set(settings_cls.model_fields))
            if unknown:
                raise InvalidParameter(
                    f"unknown setting(s) in {path}: {', '.join(unknown)}",
                    param="--config",
                    allowed=sorted(settings_cls.model_fields),
                )
            self.values = dict(table)

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return self.values.get(field_name), field_name, False

    def __call__(self) -> dict[str, Any]:
        return dict(self.values)


def load_settings(config_file: str | Path | None = None, **overrides: Any) -> Settings:
    """Settings from defaults, the optional TOML file, the environment, then `overrides` (None values skipped)."""
    token = _CONFIG_FILE.set(Path(config_file) if config_file else None)
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    finally:
        _CONFIG_FILE.reset(token)
