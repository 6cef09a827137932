"""What an `artboard worker` machine does with one job id from the broker (see queue_celery for the transport).

    claim the row by id  →  render image by image in the engine pool  →  write each image to storage
      → record progress (and renew the lease) between images  →  complete / fail / cancel  →  ack the message

The claim is the in-process dispatcher's guarded UPDATE (`status='queued'` → `running`), so a duplicate message is
dropped. A redelivered message may also find its row still `running`: the worker that held it died. It takes the
row over at once when the broker is RabbitMQ (which redelivers only after the holder's connection is gone), and
on other brokers only once the row's lease has run out (Redis redelivers jobs that are still running). A job that
has already lost its worker `max_attempts` times is failed (and refunded) instead of run again.

A watcher thread per job renews the lease, forwards the step progress of step backends (diffusers) to the row,
and notices within `check_interval` (1 s) when the row stops being ours (cancelled through the API, or taken over
after a lease ran out): the job then stops at its next step or image, and files of an ended job are deleted.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import hashlib
import json
import logging
import os
import shutil
import socket
import tempfile
import threading
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import and_, select, update

from artboard.jobs import fleet, worker
from artboard.jobs import statements as sql
from artboard.jobs.pg_notify import announce
from artboard.jobs.storage import Storage
from artboard.jobs.store import _SQLITE_RETURNING, JobStore, row_to_job
from artboard.jobs.tables import JOBS, utcnow
from artboard.jobs.types import Job, JobError, JobStatus, StoredArtifact
from artboard.jobs.worker import JobFailed, RenderedImage

log = logging.getLogger(__name__)

_IMAGE_IDS = uuid.UUID("6f1d3c2e-8a4b-4c55-9e0f-617274626f61")  # the dispatcher's namespace: same ids everywhere
_HOST = socket.gethostname()
# The claim and the row in one statement where the database can (PostgreSQL, SQLite 3.35+).
_CLAIM_BY_ID_RETURNING = sql.CLAIM_BY_ID.returning(*JOBS.columns)


class Lost(Exception):
    """The row is no longer ours (cancelled, or taken over after our lease ran out)."""


@dataclass
class WorkerConfig:
    name: str
    queues: tuple[str, ...]
    concurrency: int = 1
    #: jobs claimed beyond `concurrency`, waiting for an engine process, so none idles between jobs while the next
    #: message is fetched and claimed; a kill -9 then re-runs up to concurrency + prefetch jobs
    prefetch: int = 0
    lease_seconds: float = 30.0
    check_interval: float = 1.0
    max_attempts: int = 3
    default_ttl_seconds: int = 86_400
    fetch_allow: tuple[str, ...] = ()
    upload_attempts: int = 3
    takeover_on_redelivery: bool = True  #: RabbitMQ: a redelivered message means its holder is gone
    inline: bool = False  #: render in the task's thread instead of a spawned engine process (tests)
    warm: bool = True


@dataclass
class Outcome:
    """What one message did (for logs, tests and benchmarks)."""

    job_id: str
    result: str  # succeeded | failed | cancelled | skipped | lost | requeued
    attempts: int = 0
    images: int = 0


@dataclass
class _Watch:
    job_id: str
    worker_id: str
    lost: threading.Event = field(default_factory=threading.Event)
    stop: threading.Event = field(default_factory=threading.Event)
    executor: concurrent.futures.Executor | None = None  #: the engine pool its current image went to


def claim_by_id(
    store: JobStore, job_id: str, worker_id: str, lease_seconds: float, *, takeover: bool
) -> tuple[Job | None, str]:
    """Take job `job_id` for `worker_id`: (job, "claimed" | "taken over"), or (None, why not)."""
    now = utcnow()
    params = {"p_id": job_id, "p_worker": worker_id, "p_now": now, "p_artifacts": []}
    params["p_lease"] = now + timedelta(seconds=lease_seconds)
    with store.write_engine.begin() as conn:
        if store.is_postgres or _SQLITE_RETURNING:
            row = conn.execute(_CLAIM_BY_ID_RETURNING, params).first()
            if row is not None:
                return row_to_job(row), "claimed"
        elif conn.execute(sql.CLAIM_BY_ID, params).rowcount == 1:
            row = conn.execute(sql.GET_JOB, {"p_id": job_id}).first()
            return (row_to_job(row) if row is not None else None), "claimed"
        row = conn.execute(sql.GET_JOB, {"p_id": job_id}).first()
        if row is None:
            return None, "no such job"
        if row.status != JobStatus.RUNNING.value:
            return None, f"already {row.status}"
        expired = row.lease_until is None or row.lease_until < now
        if not (expired or takeover):
            return None, "running elsewhere"
        # Only if nobody renewed or re-claimed it since we read it.
        unchanged = and_(
            JOBS.c.id == job_id,
            JOBS.c.status == JobStatus.RUNNING.value,
            JOBS.c.claimed_by.is_(None) if row.claimed_by is None else JOBS.c.claimed_by == row.claimed_by,
            JOBS.c.lease_until.is_(None) if row.lease_until is None else JOBS.c.lease_until == row.lease_until,
        )
        result = conn.execute(update(JOBS).where(unchanged).values(**sql._CLAIM_VALUES), params)
        if result.rowcount != 1:
            return None, "taken by another worker"
        row = conn.execute(sql.GET_JOB, {"p_id": job_id}).first()
    return (row_to_job(row) if row is not None else None), "taken over"


class JobRunner:
    """Runs jobs by id in this worker process; one instance per process, shared by the pool's threads."""

    def __init__(
        self,
        store: JobStore,
        storage: Storage,
        config: WorkerConfig,
        *,
        republish: Callable[[Job], object] | None = None,
    ) -> None:
        self.store = store
        self.storage = storage
        self.config = config
        self.republish = republish
        safe = "".join(c if c.isalnum() or c in "-_.@" else "-" for c in config.name)
        self.worker_id = f"{_HOST}|{os.getpid()}|{safe}-{uuid.uuid4().hex[:6]}"[:120]
        self._lock = threading.Lock()
        self._running: dict[str, _Watch] = {}
        self._executor = self._new_executor()
        self._signals = Path(tempfile.mkdtemp(prefix="artboard-worker-signals-"))

    @property
    def running(self) -> list[str]:
        return list(self._running)

    def _new_executor(self) -> concurrent.futures.Executor:
        executor = worker.make_executor(self.config.concurrency, inline=self.config.inline)
        if self.config.warm and not self.config.inline:
            for _ in range(self.config.concurrency):  # one per process: the pool spawns a process per waiting task
                executor.submit(worker.warm_up)
        return executor

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
        shutil.rmtree(self._signals, ignore_errors=True)

    def _replace_pool(self, broken: concurrent.futures.Executor | None) -> None:
        """A new engine pool, once: every job of the broken pool reports the break, only the first replaces it."""
        with self._lock:
            if broken is not None and self._executor is not broken:
                return
            old, self._executor = self._executor, self._new_executor()
        old.shutdown(wait=False, cancel_futures=True)

    # ---- one message --------------------------------------------------------------------------------------------

    def run(self, job_id: str, *, redelivered: bool = False) -> Outcome:
        takeover = redelivered and self.config.takeover_on_redelivery
        job, how = claim_by_id(self.store, job_id, self.worker_id, self.config.lease_seconds, takeover=takeover)
        if job is None:
            log.info("job %s: message dropped (%s)", job_id, how)
            return Outcome(job_id, "skipped")
        if how == "taken over":
            log.warning("job %s: taken over from a worker that is gone (attempt %d)", job_id, job.attempts)
        if job.attempts > self.config.max_attempts:
            message = f"the job's worker stopped {job.attempts - 1} times while running it"
            failed = self.store.fail(job_id, JobError("internal_error", message, 500), worker_id=self.worker_id)
            if failed is not None:
                self._ended(failed)
            return Outcome(job_id, "failed", job.attempts)
        watch = _Watch(job.id, self.worker_id)
        with self._lock:
            self._running[job.id] = watch
        watcher = threading.Thread(target=self._watch, args=(watch,), name=f"artboard-watch-{job.id}", daemon=True)
        watcher.start()
        try:
            return self._run(job, watch)
        finally:
            watch.stop.set()
            watcher.join(timeout=5)
            with self._lock:
                self._running.pop(job.id, None)
            for path in self._signal_paths(job.id):
                path.unlink(missing_ok=True)

    def _run(self, job: Job, watch: _Watch) -> Outcome:
        images = 0
        try:
            artifacts = self._render(job, watch)
            images = len(artifacts)
            if job.delivery.upload_url:
                self._upload(job, artifacts)
            ttl = job.delivery.ttl_seconds or self.config.default_ttl_seconds
            done = self.store.complete(job, self.worker_id, artifacts, ttl_seconds=ttl)
            if done is None:
                raise Lost(job.id)
            self._ended(done)
            return Outcome(job.id, "succeeded", job.attempts, images)
        except Lost:
            self._forget(job)
            return Outcome(job.id, "lost", job.attempts, images)
        except BrokenProcessPool:
            log.error("engine process died while running job %s", job.id)
            self._replace_pool(watch.executor)
            if job.attempts >= self.config.max_attempts:
                return self._fail(job, JobError("internal_error", "the engine worker process died", 500))
            if self.store.requeue(job.id, self.worker_id) and self.republish is not None:
                self.republish(job)
            return Outcome(job.id, "requeued", job.attempts, images)
        except Exception as exc:
            if not isinstance(exc, JobFailed):
                log.exception("job %s failed", job.id)
            error = worker.error_from(exc)
            if error.code == "cancelled":
                cancelled = self.store.cancel(job.id)
                self.storage.delete_job(job.id, job.created_at)
                if cancelled is not None:
                    self._ended(cancelled)
                return Outcome(job.id, "cancelled", job.attempts, images)
            return self._fail(job, error)

    def _render(self, job: Job, watch: _Watch) -> list[StoredArtifact]:
        request_json = json.dumps(job.request)
        total = worker.job_images(job.kind, job.request)
        artifacts: list[StoredArtifact] = []
        for index in range(total):
            self._check(watch)
            future: concurrent.futures.Future[RenderedImage]
            executor = watch.executor = self._executor
            if job.kind == "generate":
                progress_path, cancel_path = self._signal_paths(job.id)
                signals = (str(progress_path), str(cancel_path))
                future = executor.submit(worker.render_image, request_json, index, job.meta.get("provider"), signals)
            elif job.kind == "edit":  # the image tools (artboard.edit), as the in-process dispatcher runs them
                future = executor.submit(worker.render_edit, request_json, index)
            else:
                future = executor.submit(worker.render_vectorize, request_json)
            rendered = future.result()
            self._check(watch)
            artifacts.append(self._store_file(job, index, rendered))
            # The last image is recorded by complete(), in the same write that ends the job.
            if index < total - 1:
                if not self.store.heartbeat(
                    job.id, self.worker_id, self.config.lease_seconds,
                    progress=len(artifacts) / total, artifacts=artifacts, at=utcnow(),
                ):  # fmt: skip
                    raise Lost(job.id)
                announce(self.store, job.id)
        return artifacts

    def _check(self, watch: _Watch) -> None:
        if watch.lost.is_set():
            raise Lost(watch.job_id)

    def _store_file(self, job: Job, index: int, image: RenderedImage) -> StoredArtifact:
        key = self.storage.key_for(job.id, job.created_at, index, image.format)
        self.storage.write(key, image.data)
        return StoredArtifact(
            index=index,
            key=key,
            media_type=image.media_type,
            format=image.format,
            width=image.width,
            height=image.height,
            seed=image.seed,
            bytes=len(image.data),
            sha256=hashlib.sha256(image.data).hexdigest(),
            image_id=str(uuid.uuid5(_IMAGE_IDS, f"{job.id}/{index}")),
            manifest=image.manifest,
            nsfw=image.nsfw,
        )

    def _upload(self, job: Job, artifacts: Sequence[StoredArtifact]) -> None:
        """PUT each image to the job's upload URL, here where the bytes are (same SSRF guard as the API's)."""
        from artboard.jobs.fetch import put_bytes

        url = job.delivery.upload_url
        assert url is not None
        for artifact in artifacts:
            data = self.storage.read(artifact.key)
            upload = put_bytes(
                url, data, artifact.media_type, allow=self.config.fetch_allow, attempts=self.config.upload_attempts
            )
            asyncio.run(upload)

    def _fail(self, job: Job, error: JobError) -> Outcome:
        failed = self.store.fail(job.id, error, worker_id=self.worker_id)
        if failed is None:
            self._forget(job)
            return Outcome(job.id, "lost", job.attempts)
        self.storage.delete_job(job.id, job.created_at)
        self._ended(failed)
        return Outcome(job.id, "failed", job.attempts)

    def _ended(self, job: Job) -> None:
        """A final state we set: waiting API nodes hear of it, and send its webhooks (the outbox) if it has any."""
        announce(self.store, job.id)
        if job.delivery.webhook is not None:
            fleet.mark_finished(self.store.engine, job.id)
        if job.warnings:
            log.info("job %s finished with warnings: %s", job.id, " | ".join(job.warnings))

    def _forget(self, job: Job) -> None:
        """The row was taken from us; delete the files only if the job ended (someone may be re-running it)."""
        status = self.store.status_of(job.id)
        if status in (JobStatus.CANCELLED, JobStatus.FAILED):
            self.storage.delete_job(job.id, job.created_at)
        log.info("job %s was taken away (%s); stopped working on it", job.id, status.value if status else "gone")

    # ---- the watcher ---------------------------------------------------------------------------------------------

    def _signal_paths(self, job_id: str) -> tuple[Path, Path]:
        """Files through which the engine process reports steps and learns of cancellation (worker.step_signals)."""
        return self._signals / f"{job_id}.progress", self._signals / f"{job_id}.cancel"

    def _watch(self, watch: _Watch) -> None:
        """Renew the lease, pass step progress on, and notice when the job stops being ours."""
        renew_every = max(self.config.check_interval, self.config.lease_seconds / 3)
        last_renew = 0.0
        last_steps = ""
        progress_path, cancel_path = self._signal_paths(watch.job_id)
        loop_clock = 0.0
        while not watch.stop.wait(self.config.check_interval):
            loop_clock += self.config.check_interval
            try:
                steps = _read(progress_path)
                if loop_clock - last_renew >= renew_every or (steps and steps != last_steps):
                    last_renew = loop_clock
                    ours = self.store.heartbeat(watch.job_id, watch.worker_id, self.config.lease_seconds)
                    if ours and steps and steps != last_steps:
                        last_steps = steps
                        ours = self._step_progress(watch, steps)
                else:
                    ours = self._still_ours(watch)
            except Exception:  # a database hiccup: keep trying until the lease itself runs out
                log.warning("checking job %s failed", watch.job_id, exc_info=True)
                continue
            if not ours:
                watch.lost.set()
                with contextlib.suppress(OSError):
                    cancel_path.touch()  # a step backend stops at its next step
                return

    def _still_ours(self, watch: _Watch) -> bool:
        """Running and claimed by us: a read, cheaper than renewing the lease every second."""
        with self.store.engine.connect() as conn:
            row = conn.execute(select(JOBS.c.status, JOBS.c.claimed_by).where(JOBS.c.id == watch.job_id)).first()
        return row is not None and row.status == JobStatus.RUNNING.value and row.claimed_by == watch.worker_id

    def _step_progress(self, watch: _Watch, steps: str) -> bool:
        """Record "step/total" of the current image as job progress (images done + this image's fraction)."""
        job = self.store.get(watch.job_id)
        if job is None or job.status is not JobStatus.RUNNING or job.kind != "generate":
            return job is not None and job.status is JobStatus.RUNNING
        step, steps_total = (int(part) for part in steps.split("/", 1))
        total = max(1, worker.job_images(job.kind, job.request))
        fraction = (len(job.artifacts) + min(1.0, step / max(1, steps_total))) / total
        ours = self.store.heartbeat(
            watch.job_id, watch.worker_id, self.config.lease_seconds, progress=fraction, at=utcnow()
        )
        if ours:
            announce(self.store, watch.job_id)
        return ours


def _read(path: Path) -> str:
    try:
        text = path.read_text(encoding="ascii")
    except OSError:
        return ""
    return text if "/" in text else ""


def describe(outcome: Outcome) -> dict[str, Any]:
    return {"job_id": outcome.job_id, "result": outcome.result, "attempts": outcome.attempts, "images": outcome.images}
