"""The job service: the one object every HTTP dialect talks to (CONTRACT — implementation in progress).

    service = Service(config)          # ServiceConfig: database_url, data_dir, workers, default_ttl, …
    await service.start()              # create tables, requeue interrupted jobs, start dispatcher + workers + sweeps
    job = await service.submit(...)    # durable row first, credits charged all-or-nothing, then queued
    job = await service.wait(job.id, timeout=120)
    data = service.read_artifact(job.artifacts[0].key)
    await service.stop()
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from artboard.jobs.types import Delivery, Job, JobKind


@dataclass(frozen=True)
class ServiceConfig:
    database_url: str  #: "sqlite:///path/artboard.db" or "postgresql+psycopg://…"
    data_dir: Path  #: outputs under data_dir/"files", secrets under data_dir
    workers: int = 2  #: engine worker processes
    default_ttl_seconds: int = 86_400  #: stored files and their signed URLs live this long by default
    signing_secret: bytes = b""  #: HMAC key for signed file URLs and webhook signatures (generated when empty)
    public_base_url: str = "http://127.0.0.1:8000"  #: used to build absolute URLs
    auth_enabled: bool = False
    initial_credits: int = 10_000  #: balance of a new key unless given
    fetch_allow: tuple[str, ...] = ()  #: hosts/CIDRs server-side fetches may reach despite the SSRF guard
    webhook_max_attempts: int = 6
    sweep_interval_seconds: float = 60.0
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Quote:
    model: str
    images: int
    credits: int
    usd: float


class Service:
    """Jobs that are never lost: store (SQLAlchemy), worker processes, file storage, credits, webhooks."""

    def __init__(self, config: ServiceConfig) -> None:
        self.config = config

    async def start(self) -> None:
        raise NotImplementedError

    async def stop(self) -> None:
        raise NotImplementedError

    async def submit(
        self,
        *,
        kind: JobKind,
        request: dict[str, Any],
        model: str,
        dialect: str,
        key_id: str | None = None,
        meta: dict[str, Any] | None = None,
        idempotency_key: str | None = None,
        delivery: Delivery | None = None,
    ) -> Job:
        """Validate, price, charge and persist one job; returns the stored job (status queued).

        `request` is `GenerationSpec.model_dump(mode="json")` for generate jobs, or the vectorize options for
        vectorize jobs (see jobs/requests.py). With an idempotency key already used by this key, the stored job is
        returned instead (Conflict if the request differs). Raises InsufficientCredits (402) before storing
        anything when the balance does not cover the price.
        """
        raise NotImplementedError

    def quote(self, *, kind: JobKind, request: dict[str, Any], model: str) -> Quote:
        raise NotImplementedError

    async def get(self, job_id: str, *, key_id: str | None = None) -> Job:
        """NotFound (404) for unknown ids and for jobs of another key."""
        raise NotImplementedError

    async def wait(self, job_id: str, *, timeout: float) -> Job:
        """The job once finished, or its current state when `timeout` passes."""
        raise NotImplementedError

    def watch(self, job_id: str) -> AsyncIterator[Job]:
        """Snapshots on every change (progress, each finished image, final state) until the job finishes."""
        raise NotImplementedError

    async def cancel(self, job_id: str, *, key_id: str | None = None) -> Job:
        raise NotImplementedError

    async def list_jobs(self, *, key_id: str | None, limit: int = 20, before: str | None = None) -> list[Job]:
        raise NotImplementedError

    def read_artifact(self, key: str) -> bytes:
        raise NotImplementedError

    def signed_url(self, key: str, *, expires_at: float | None = None) -> str:
        """Absolute URL of a stored file, signed with HMAC and expiring (served by GET /files/{key})."""
        raise NotImplementedError

    def verify_signed(self, key: str, expires: int, signature: str) -> bool:
        raise NotImplementedError

    async def replay_webhook(self, job_id: str, *, key_id: str | None = None) -> None:
        raise NotImplementedError
