"""The job service: the one object every HTTP dialect talks to.

    service = Service(config)          # ServiceConfig: database_url, data_dir, workers, default_ttl, …
    await service.start()              # create tables, requeue interrupted jobs, start dispatcher + workers + sweeps
    job = await service.submit(...)    # durable row first, credits charged all-or-nothing, then queued
    job = await service.wait(job.id, timeout=120)
    data = service.read_artifact(job.artifacts[0].key)
    await service.stop()

`ServiceConfig.extra` knobs (all optional): `inline_workers` (bool: run jobs in threads of this process instead of
worker processes — tests), `start_method` ("spawn" | "forkserver"), `warm_workers` (bool, default True: render
one throwaway image per worker process at start), `lease_seconds` (30), `poll_interval` (0.5 s: how often waits
and idle dispatchers look at the database for changes made by other processes), `max_attempts` (3: runs of a job
whose worker died before it is failed instead of requeued), `upload_attempts` (3), `prefetch` (1: jobs claimed
beyond `workers` and queued in the engine pool, so a worker starts its next image without waiting for this
process to record the last one and claim the next).

A dialect that accepts routing preferences (OpenRouter's `provider` object: order, only, ignore, allow_fallbacks)
passes them as `meta["provider"]`; the worker hands them to the engine's router.

With `workers=0` the service accepts and answers jobs but runs none (another process sharing the database does).
With `queue_url` set (and `storage_url` for outputs every machine reaches) jobs are published to a broker and run
on `artboard worker` machines instead (remote_dispatch.py, queue_celery.py, remote_worker.py; docs/deploy.md).
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import logging
import time
import uuid
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, Protocol, TypeVar, cast

from artboard.errors import BackendUnavailable, Conflict, InvalidParameter, NotFound, StorageUnavailable
from artboard.jobs.dispatcher import DispatchConfig, Dispatcher
from artboard.jobs.health import readiness
from artboard.jobs.keys import KeyStore
from artboard.jobs.offload import Offload
from artboard.jobs.outages import OutageLog, as_outage, free_bytes, missing_tables
from artboard.jobs.pricing import Quote, prepare
from artboard.jobs.snapshots import FinishedJobs
from artboard.jobs.storage import Storage, load_or_create_secret, open_storage
from artboard.jobs.store import JobStore, delivery_to_json
from artboard.jobs.tables import utcnow
from artboard.jobs.types import Delivery, Job, JobKind, JobStatus, StoredArtifact
from artboard.jobs.waiting import Waiters

if TYPE_CHECKING:  # imported when used: Celery loads only where queue_url is set
    from artboard.jobs.remote_dispatch import RemoteDispatcher

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")
PayloadBuilder = Callable[[Job], list[dict[str, Any]]]
MAX_LIST = 100


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
    #: broker URL (amqp://… or redis://…): jobs go to `artboard worker` machines instead of this process's pool
    queue_url: str = ""
    queue_prefix: str = "artboard"  #: queue names are <prefix>.cpu / .gpu / .remote
    storage_url: str = ""  #: s3://BUCKET?endpoint=…&region=… for outputs shared by every machine; "" = data_dir
    extra: dict[str, Any] = field(default_factory=dict)


class WebhookSenderLike(Protocol):
    """What the service needs from artboard.jobs.webhooks.WebhookSender (tests may plug in their own)."""

    async def job_finished(self, job: Job, payloads: list[dict[str, Any]]) -> None: ...

    async def replay(self, job: Job, payloads: list[dict[str, Any]]) -> None: ...


class Service:
    """Jobs that are never lost: store (SQLAlchemy), worker processes, file storage, credits, webhooks."""

    def __init__(self, config: ServiceConfig) -> None:
        self.config = config
        config.data_dir.mkdir(parents=True, exist_ok=True)
        if (config.queue_url or config.storage_url) and not config.signing_secret:
            # Several machines must sign and verify alike: a secret generated into one machine's data_dir won't do.
            raise InvalidParameter(
                "signing_secret must be set (the same on every machine) when queue_url or storage_url is set",
                param="signing_secret",
            )
        if config.queue_url:  # a bad URL or a missing Celery fails here, at startup, naming the setting
            from artboard.jobs.queue_celery import check_queue_url

            check_queue_url(config.queue_url)
        self.signing_secret = config.signing_secret or load_or_create_secret(config.data_dir)
        self.store = JobStore(config.database_url)
        self.keys = KeyStore(self.store, initial_credits=config.initial_credits)
        self.storage: Storage = open_storage(
            config.storage_url, config.data_dir, secret=self.signing_secret, public_base_url=config.public_base_url
        )
        #: dialect name → webhook payloads for a finished job of that dialect (default: `default_payloads`)
        self.payload_builders: dict[str, PayloadBuilder] = {}
        #: from artboard.jobs.webhooks / .fetch (None where those modules are missing); assignable (tests)
        self.webhooks: WebhookSenderLike | None = self._load_webhooks()
        self.put_bytes: Callable[..., Any] | None = _optional_attr("artboard.jobs.fetch", "put_bytes")
        extra = config.extra
        self.poll_interval = float(extra.get("poll_interval", 0.5))
        self._dispatch = DispatchConfig(
            workers=config.workers,
            inline=bool(extra.get("inline_workers", False)),
            start_method=str(extra.get("start_method", "spawn")),
            warm=bool(extra.get("warm_workers", True)),
            lease_seconds=float(extra.get("lease_seconds", 30.0)),
            poll_interval=self.poll_interval,
            max_attempts=int(extra.get("max_attempts", 3)),
            prefetch=int(extra.get("prefetch", 1)),
            default_ttl_seconds=config.default_ttl_seconds,
        )
        self._upload_attempts = int(extra.get("upload_attempts", 3))
        #: below this much free space in data_dir new jobs are refused (503) and /health is not ready
        self.min_free_bytes = int(extra.get("min_free_bytes", 64 * 1024 * 1024))
        self.outages = OutageLog(float(extra.get("outage_log_interval", 30.0)))
        #: input-image checks for the dialects, in their own process(es) so they cannot stall this one
        self.offload = Offload(
            workers=int(extra.get("decode_workers", 1)),
            max_pending=int(extra.get("decode_max_pending", 16)),
            inline=bool(extra.get("inline_workers", False)),
        )
        self.dispatcher: Dispatcher | RemoteDispatcher | None = None
        #: who in this process waits on which job (jobs/waiting.py); final snapshots are kept without input bytes
        self.waiters = Waiters(
            read=self.get,
            status=lambda job_id: self._db(self.store.status_of, job_id),
            stamp=lambda job_id: self._db(self.store.stamp, job_id),
            poll_interval=self.poll_interval,
            snapshots=FinishedJobs(max_bytes=int(extra.get("finished_cache_bytes", 16 * 1024 * 1024))),
        )
        self._sweeper: asyncio.Task[None] | None = None
        self._started = False
        self._disk_checked_at = float("-inf")
        self._disk_ok = True

    # ---- lifecycle ---------------------------------------------------------------------------------------------

    async def start(self) -> None:
        if self._started:
            raise RuntimeError("a Service starts once; make a new one to start again")
        self._started = True
        await asyncio.to_thread(self.store.ensure_schema)
        self.offload.start()
        resume = getattr(self.webhooks, "resume_pending", None)
        if resume is not None:  # deliveries a previous run queued but never finished sending
            await resume()
        if self.config.queue_url:
            self.dispatcher = self._remote_dispatcher()
            await self.dispatcher.start()
        elif self.config.workers > 0:
            self.dispatcher = Dispatcher(
                self.store,
                self.storage,
                self._dispatch,
                notify=self._notify,
                finished=self._finished,
                upload=self._upload,
            )
            await self.dispatcher.start()
        self._sweeper = asyncio.create_task(self._sweep_loop(), name="artboard-sweep")

    async def stop(self, *, requeue: bool = True) -> None:
        """Stop workers and sweeps. Running jobs go back to the queue; `requeue=False` leaves them `running`
        exactly as a crash would (their lease runs out and a later start resumes them)."""
        if self._sweeper is not None:
            self._sweeper.cancel()
            await asyncio.gather(self._sweeper, return_exceptions=True)
            self._sweeper = None
        if self.dispatcher is not None:
            await self.dispatcher.stop(requeue=requeue)
            self.dispatcher = None
        close = getattr(self.webhooks, "aclose", None)
        if close is not None:  # unsent deliveries stay pending in the delivery log for the next start
            await close()
        self.offload.close()
        await asyncio.to_thread(self.store.dispose)

    def _remote_dispatcher(self) -> RemoteDispatcher:
        from artboard.jobs.queue_celery import QueueSettings
        from artboard.jobs.remote_dispatch import RemoteConfig, RemoteDispatcher

        config = RemoteConfig(
            queue=QueueSettings(self.config.queue_url, self.config.queue_prefix),
            lease_seconds=self._dispatch.lease_seconds,
            max_attempts=self._dispatch.max_attempts,
            republish_after=float(self.config.extra.get("republish_after", 60.0)),
        )
        return RemoteDispatcher(
            self.store, config, notify=self._notify, finished=self._finished,
            wanted=self.waiters.wanted,
        )  # fmt: skip

    def _load_webhooks(self) -> WebhookSenderLike | None:
        sender_cls = _optional_attr("artboard.jobs.webhooks", "WebhookSender")
        if sender_cls is None:
            return None
        sender = sender_cls(
            self.store.engine,
            secret=self.signing_secret,
            allow=self.config.fetch_allow,
            max_attempts=self.config.webhook_max_attempts,
        )
        return cast(WebhookSenderLike, sender)

    async def health(self) -> dict[str, Any]:
        """Readiness: the database answers, and the dispatcher runs (or workers=0: another process runs jobs)."""
        return await readiness(self)

    # ---- submit and price --------------------------------------------------------------------------------------

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

        A generate request without a seed gets one here, so a job re-run after a restart draws the same images.
        """
        prepared = prepare(kind, request, model)
        self._check_disk()
        delivery = delivery or Delivery()
        self._check_delivery(delivery)
        if idempotency_key is not None and not 0 < len(idempotency_key) <= 255:
            raise InvalidParameter("idempotency keys are 1..255 characters", param="idempotency_key")
        now = utcnow()
        values: dict[str, Any] = {
            "id": str(uuid.uuid4()),
            "kind": kind,
            "status": JobStatus.QUEUED.value,
            "key_id": key_id,
            "model": model,
            "dialect": dialect,
            "request": prepared.request,
            "request_sha256": prepared.digest,
            "meta": meta or {},
            "credits": prepared.quote.credits,
            "cost_usd": prepared.quote.usd,
            "idempotency_key": idempotency_key,
            "delivery": delivery_to_json(delivery),
            "artifacts": [],
            "progress": 0.0,
            "attempts": 0,
            "created_at": now,
            "updated_at": now,
            "files_expired": False,
        }
        job, created = await self._db(self.store.insert, values)
        if created and self.dispatcher is not None:
            await self.dispatcher.submitted(job)
        return job

    def quote(self, *, kind: JobKind, request: dict[str, Any], model: str) -> Quote:
        """Validate and price a request without storing or charging anything (InvalidParameter if it is bad)."""
        return prepare(kind, request, model).quote

    def _check_delivery(self, delivery: Delivery) -> None:
        if delivery.ttl_seconds is not None and delivery.ttl_seconds <= 0:
            raise InvalidParameter("ttl must be a positive number of seconds", param="ttl")
        urls = {"upload_url": delivery.upload_url, "webhook": delivery.webhook.url if delivery.webhook else None}
        for param, url in urls.items():
            if url is not None and not url.lower().startswith(("http://", "https://")):
                raise InvalidParameter("must be an http(s) URL", param=param)
        if delivery.webhook is not None and self.webhooks is None:
            raise BackendUnavailable("webhook delivery is not available in this server", param="webhook")
        if delivery.upload_url is not None and self.put_bytes is None:
            raise BackendUnavailable("upload endpoints are not available in this server", param="upload_url")

    # ---- reading jobs ------------------------------------------------------------------------------------------

    async def get(self, job_id: str, *, key_id: str | None = None) -> Job:
        """NotFound (404) for unknown ids and for jobs of another key."""
        job = await self._db(self.store.get, job_id)
        if job is None or (key_id is not None and job.key_id != key_id):
            raise NotFound(f"no job {job_id!r}", param="job_id")
        return job

    async def find_idempotent(self, idempotency_key: str, *, key_id: str | None) -> Job | None:
        """The job `key_id` submitted with this idempotency key, from the database (so from any server process)."""
        return await self._db(self.store.by_idempotency_key, key_id, idempotency_key)

    async def wait(self, job: Job | str, *, timeout: float) -> Job:
        """The job once finished, or its current state when `timeout` passes.

        Pass the snapshot you hold (submit's answer) rather than the id to skip reading it again. Changes made in
        this process arrive as notifications and cost no database read; the database is looked at only when
        `poll_interval` passes without one (the job runs in another process).
        """
        return await self.waiters.wait(job, timeout=timeout)

    def watch(self, job_id: str) -> AsyncIterator[Job]:
        """Snapshots on every change (progress, each finished image, final state) until the job finishes.

        Changes made in this process arrive as they happen, every one of them (a queue per watcher); changes
        made by another process are seen by polling the database, where quick successive changes may merge.
        Snapshots never go backwards.
        """
        return self.waiters.watch(job_id)

    async def list_jobs(self, *, key_id: str | None, limit: int = 20, before: str | None = None) -> list[Job]:
        """Newest first; `before` is the id of the last job of the previous page. key_id None lists every job."""
        return await self._db(self.store.page, key_id=key_id, limit=max(1, min(limit, MAX_LIST)), before=before)

    async def cancel(self, job_id: str, *, key_id: str | None = None) -> Job:
        """Cancel a queued or running job (refunded); returns it cancelled. Conflict when it already finished."""
        job = await self.get(job_id, key_id=key_id)
        if job.status is JobStatus.CANCELLED:
            return job
        cancelled = await self._db(self.store.cancel, job_id)
        if cancelled is None:
            current = await self.get(job_id)
            if current.status is JobStatus.CANCELLED:
                return current
            raise Conflict(f"job {job_id} already {current.status.value}", param="job_id")
        if self.dispatcher is not None:
            self.dispatcher.abandon(job_id)  # a worker in another process notices at its next progress write
        self._notify(cancelled)
        await self._finished(cancelled)
        return cancelled

    # ---- files -------------------------------------------------------------------------------------------------

    def read_artifact(self, key: str) -> bytes:
        return self.storage.read(key)

    def signed_url(self, key: str, *, expires_at: float | None = None) -> str:
        """Absolute URL of a stored file, signed with HMAC and expiring (served by GET /files/{key}).

        Without `expires_at` the URL lives the default TTL from now; `artifact_url` uses the job's own expiry.
        """
        expires = expires_at if expires_at is not None else time.time() + self.config.default_ttl_seconds
        return self.storage.signed_url(key, expires)

    def artifact_url(self, job: Job, artifact: StoredArtifact) -> str:
        """The signed URL of one of a job's files, expiring when the job's files do."""
        if job.expires_at is not None:
            return self.storage.signed_url(artifact.key, job.expires_at.timestamp())
        ttl = job.delivery.ttl_seconds or self.config.default_ttl_seconds
        return self.storage.signed_url(artifact.key, time.time() + ttl)

    def verify_signed(self, key: str, expires: int, signature: str) -> bool:
        return self.storage.verify_signed(key, expires, signature)

    async def sweep(self) -> int:
        """Delete the files of every job whose TTL has passed and mark them expired; returns how many jobs."""
        total = 0
        while True:
            jobs = await self._db(self.store.expired)
            if not jobs:
                return total
            for job in jobs:
                await asyncio.to_thread(self.storage.delete_job, job.id, job.created_at)
            await self._db(self.store.mark_expired, [j.id for j in jobs])
            total += len(jobs)

    async def _sweep_loop(self) -> None:
        while True:
            try:
                swept = await self.sweep()
                if swept:
                    log.info("expired the files of %d job(s)", swept)
            except StorageUnavailable:
                pass  # an outage: reported once per interval where it was met (Service._db)
            except Exception:
                log.exception("the expiry sweep failed; retrying at the next interval")
            await asyncio.sleep(self.config.sweep_interval_seconds)

    # ---- webhooks and uploads ----------------------------------------------------------------------------------

    def payloads_for(self, job: Job) -> list[dict[str, Any]]:
        return self.payload_builders.get(job.dialect, self.default_payloads)(job)

    def default_payloads(self, job: Job) -> list[dict[str, Any]]:
        """Generic payloads: one per image (or one for the job with `per_image=False`, or on failure)."""
        base: dict[str, Any] = {
            "job_id": job.id,
            "status": job.status.value,
            "model": job.model,
            "created_at": job.created_at.isoformat(),
            "finished_at": job.finished_at.isoformat() if job.finished_at else None,
        }
        if job.status is not JobStatus.SUCCEEDED:
            return [{**base, "error": asdict(job.error) if job.error else None}]
        images = [
            {
                "index": a.index,
                "image_id": a.image_id,
                "image_url": self.artifact_url(job, a),
                "media_type": a.media_type,
                "width": a.width,
                "height": a.height,
                "seed": a.seed,
                "nsfw": a.nsfw,
                "warnings": a.warnings,
                "manifest": a.manifest,
            }
            for a in job.artifacts
        ]
        if job.delivery.webhook is None or job.delivery.webhook.per_image:
            return [{**base, **image} for image in images]
        return [{**base, "images": images}]

    async def replay_webhook(self, job_id: str, *, key_id: str | None = None) -> None:
        job = await self.get(job_id, key_id=key_id)
        if not job.status.finished:
            raise Conflict(f"job {job_id} has not finished yet", param="job_id")
        if job.delivery.webhook is None:
            raise Conflict(f"job {job_id} has no webhook", param="job_id")
        if self.webhooks is None:
            raise BackendUnavailable("webhook delivery is not available in this server", param="webhook")
        await self.webhooks.replay(job, self.payloads_for(job))

    async def _finished(self, job: Job) -> None:
        """Called once per job by whoever moved it to its final state: queue its webhook deliveries.

        The sender logs each delivery durably and sends (and retries) it in the background, so this returns
        quickly; a failure to queue must not undo the job's final state, hence only logged.
        """
        if job.delivery.webhook is None or self.webhooks is None:
            return
        try:
            await self.webhooks.job_finished(job, self.payloads_for(job))
        except Exception:
            log.exception("queueing the webhook of job %s failed", job.id)

    async def _upload(self, job: Job, artifacts: Sequence[StoredArtifact]) -> None:
        """PUT each image to the job's upload URL (with retries); an error fails the job (and refunds it)."""
        put, url = self.put_bytes, job.delivery.upload_url
        if put is None or url is None:
            raise BackendUnavailable("upload endpoints are not available in this server", param="upload_url")
        for artifact in artifacts:
            data = await asyncio.to_thread(self.storage.read, artifact.key)
            kwargs = {"allow": self.config.fetch_allow, "attempts": self._upload_attempts}
            if inspect.iscoroutinefunction(put):
                await put(url, data, artifact.media_type, **kwargs)
            else:
                await asyncio.to_thread(put, url, data, artifact.media_type, **kwargs)

    # ---- helpers -----------------------------------------------------------------------------------------------

    def _notify(self, job: Job) -> None:
        self.waiters.notify(job)

    async def _db(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run a store call in a thread (the store is synchronous SQLAlchemy), creating the schema on first use."""

        def call() -> T:
            self.store.ensure_schema()
            return fn(*args, **kwargs)

        try:
            answer = await asyncio.to_thread(call)
        except Exception as exc:
            outage = as_outage(exc)
            if outage is None:
                raise
            if missing_tables(exc):  # dropped: recreate them at the next call, which recovers the service
                self.store._schema_ready = False
            self.outages.failed(outage.message, str(exc).splitlines()[0][:200])
            raise outage from None
        self.outages.recovered()
        return answer

    def _check_disk(self) -> None:
        """Refuse new jobs (503) while the data folder is (nearly) full: their images could not be stored."""
        now = time.monotonic()
        if now - self._disk_checked_at > 1.0:
            self._disk_checked_at, self._disk_ok = now, free_bytes(self.config.data_dir) >= self.min_free_bytes
        if not self._disk_ok:
            self.outages.failed("the data folder is full")
            raise StorageUnavailable("the server's disk is full; retry later")


def _optional_attr(module: str, name: str) -> Any:
    """`module.name`, or None when the module is not there (webhooks/fetch are optional parts of the server)."""
    try:
        return getattr(importlib.import_module(module), name)
    except ImportError:
        log.warning("%s is not available: %s.%s features are off", module, module, name)
        return None
