"""The asyncio side of the workers: claim queued jobs, feed the engine pool image by image, record results.

Several server processes can share one database: each claims jobs atomically (store.claim) and keeps a lease on
what it runs, renewed by a heartbeat. A process that dies stops renewing, and any process requeues the job once
the lease has run out (or at once, when the claim names this host and a process id that no longer exists). A
requeued job re-runs from scratch; it was charged at submit, so nothing is charged again.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import dataclasses
import functools
import hashlib
import json
import logging
import os
import socket
import tempfile
import uuid
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from artboard.jobs import worker
from artboard.jobs.outages import OutageLog, as_outage
from artboard.jobs.storage import Storage
from artboard.jobs.store import JobStore
from artboard.jobs.tables import utcnow
from artboard.jobs.types import Job, JobError, JobStatus, StoredArtifact
from artboard.jobs.worker import JobFailed, RenderedImage

log = logging.getLogger(__name__)

_IMAGE_IDS = uuid.UUID("6f1d3c2e-8a4b-4c55-9e0f-617274626f61")  # namespace: image ids stable across re-runs
_HOST = socket.gethostname()


@dataclass(frozen=True)
class DispatchConfig:
    workers: int
    inline: bool = False
    start_method: str = "spawn"
    warm: bool = True
    lease_seconds: float = 30.0
    poll_interval: float = 0.5
    max_attempts: int = 3
    default_ttl_seconds: int = 86_400
    #: jobs claimed beyond `workers`, so the next image is already queued in the pool when a worker frees up and
    #: no worker sits idle while this process records the last result and claims the next job (0 turns it off)
    prefetch: int = 1


Notify = Callable[[Job], None]
Finished = Callable[[Job], Awaitable[None]]
Upload = Callable[[Job, Sequence[StoredArtifact]], Awaitable[None]]


class Lost(Exception):
    """The job is no longer ours: cancelled, failed elsewhere, or requeued after our lease ran out."""


def _claim_is_dead(claimed_by: str | None) -> bool:
    """True when `claimed_by` names a process on this host that no longer exists (it crashed)."""
    if not claimed_by:
        return True
    parts = claimed_by.split("|")
    if len(parts) != 3 or parts[0] != _HOST or not parts[1].isdigit():
        return False
    pid = int(parts[1])
    if pid == os.getpid():
        return False  # this process is alive; its own stale leases expire normally
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # exists, owned by someone else
        return False
    return False


class Dispatcher:
    """Runs up to `workers` jobs at once in an engine pool (and holds `prefetch` more); see the module docstring."""

    def __init__(
        self,
        store: JobStore,
        storage: Storage,
        config: DispatchConfig,
        *,
        notify: Notify,
        finished: Finished,
        upload: Upload,
    ) -> None:
        self.store = store
        self.storage = storage
        self.config = config
        self.notify = notify
        self.finished = finished
        self.upload = upload
        self.worker_id = f"{_HOST}|{os.getpid()}|{uuid.uuid4().hex[:8]}"
        self._executor: concurrent.futures.Executor | None = None
        self._slots = asyncio.Semaphore(max(1, config.workers) + max(0, config.prefetch))
        self._wake = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self._running: dict[str, asyncio.Task[None]] = {}
        self._lost: set[str] = set()
        self._requeue_on_stop = True
        self._signal_folder: Path | None = None
        self._outages = OutageLog()

    # ---- lifecycle ---------------------------------------------------------------------------------------------

    async def start(self) -> None:
        self._executor = self._new_executor()
        if self.config.warm and not self.config.inline:
            for _ in range(self.config.workers):  # one per process: the pool spawns a process per waiting task
                self._executor.submit(worker.warm_up)
        await self.recover()
        self._tasks = [
            asyncio.create_task(self._dispatch_loop(), name="artboard-dispatch"),
            asyncio.create_task(self._recovery_loop(), name="artboard-recovery"),
        ]

    async def stop(self, *, requeue: bool = True) -> None:
        """Stop claiming; running jobs go back to the queue (requeue=False leaves them as a crash would)."""
        self._requeue_on_stop = requeue
        # The claim loop stops first: with prefetch it may be claiming while a job runs, and a claim that lands
        # after that job's requeue would take it again (it is handed back, but as one more attempt).
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks.clear()
        running = list(self._running.values())
        for task in running:
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)
        if self._executor is not None:
            executor, self._executor = self._executor, None
            # The image being rendered finishes in its process; queued pool work is dropped.
            await asyncio.to_thread(executor.shutdown, wait=True, cancel_futures=True)

    def wake(self) -> None:
        """A job was queued: claim now instead of at the next poll."""
        self._wake.set()

    async def submitted(self, job: Job) -> None:
        """A job was committed (the remote dispatcher publishes it here; in-process, claim it now)."""
        self._wake.set()

    def abandon(self, job_id: str) -> None:
        """The job was cancelled in this process: stop it at the next step (step backends) or image."""
        if job_id in self._running:
            self._lost.add(job_id)
            with contextlib.suppress(OSError):
                self._signal_paths(job_id)[1].touch()

    def _signal_paths(self, job_id: str) -> tuple[Path, Path]:
        """Files through which a worker process reports steps and learns of cancellation (see worker.step_signals)."""
        folder = self._signal_folder
        if folder is None or not folder.is_dir():  # created once, again only if something removed it
            safe_id = "".join(c if c.isalnum() else "-" for c in self.worker_id)
            folder = Path(tempfile.gettempdir()) / f"artboard-signals-{safe_id}"
            folder.mkdir(mode=0o700, exist_ok=True)
            self._signal_folder = folder
        return folder / f"{job_id}.progress", folder / f"{job_id}.cancel"

    @property
    def running(self) -> list[str]:
        """Ids of the jobs this process is running now."""
        return list(self._running)

    @property
    def alive(self) -> bool:
        """The claim and recovery loops are running."""
        return bool(self._tasks) and all(not task.done() for task in self._tasks)

    # ---- loops -------------------------------------------------------------------------------------------------

    async def _dispatch_loop(self) -> None:
        while True:
            await self._slots.acquire()
            self._wake.clear()  # before the claim, so a submit during it is not missed
            try:
                job = await self._claim()
            except Exception as exc:
                self._failed("claiming a job", exc)
                job = None
            if job is None:
                self._slots.release()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), self.config.poll_interval)
                continue
            task = asyncio.create_task(self._run(job), name=f"artboard-job-{job.id}")
            self._running[job.id] = task
            task.add_done_callback(functools.partial(self._done, job.id))
            self.notify(job)

    async def _claim(self) -> Job | None:
        claim = asyncio.ensure_future(asyncio.to_thread(self.store.claim, self.worker_id, self.config.lease_seconds))
        try:
            return await asyncio.shield(claim)
        except asyncio.CancelledError:
            # Stopping while the claim runs in its thread: a job it takes must not sit `running` until its lease
            # runs out, so hand it straight back (unless this stop simulates a crash).
            job = await claim
            if job is not None and self._requeue_on_stop:
                await asyncio.to_thread(functools.partial(self.store.requeue, started=False), job.id, self.worker_id)
            raise

    def _failed(self, what: str, exc: Exception) -> None:
        """A loop's database call failed: an outage (database gone, disk full) is one line per interval, anything
        else a traceback. The loops poll twice a second, so a traceback each time filled the log in an outage."""
        outage = as_outage(exc)
        if outage is None:
            log.error("%s failed; retrying", what, exc_info=exc)
        else:
            self._outages.failed(outage.message, f"{what}: {str(exc).splitlines()[0][:200] if str(exc) else ''}")

    def _done(self, job_id: str, task: asyncio.Task[None]) -> None:
        self._running.pop(job_id, None)
        self._lost.discard(job_id)
        self._slots.release()
        if not task.cancelled() and task.exception() is not None:
            # Recording the outcome failed (database down?): the row stays running, its lease runs out and
            # recovery re-runs the job, so nothing is lost — but say so.
            log.error("job %s: recording its outcome failed", job_id, exc_info=task.exception())

    async def recover(self) -> None:
        requeued, failed = await asyncio.to_thread(
            self.store.recover, max_attempts=self.config.max_attempts, dead=_claim_is_dead
        )
        if requeued:
            log.warning("requeued %d interrupted job(s): %s", len(requeued), ", ".join(requeued))
            self.wake()
        for job_id in failed:
            job = await asyncio.to_thread(self.store.get, job_id)
            if job is not None:
                self.notify(job)
                await self.finished(job)

    async def _recovery_loop(self) -> None:
        while True:
            await asyncio.sleep(max(0.5, self.config.lease_seconds / 2))
            try:
                await self.recover()
            except Exception as exc:
                self._failed("recovering interrupted jobs", exc)

    async def _heartbeat(self, job_id: str) -> None:
        while True:
            await asyncio.sleep(self.config.lease_seconds / 3)
            try:
                if not await asyncio.to_thread(self.store.heartbeat, job_id, self.worker_id, self.config.lease_seconds):
                    self._lost.add(job_id)
                    return
            except Exception as exc:  # a database hiccup: keep trying until the lease itself runs out
                self._failed(f"lease renewal for job {job_id}", exc)

    # ---- one job -----------------------------------------------------------------------------------------------

    async def _run(self, job: Job) -> None:
        heartbeat = asyncio.create_task(self._heartbeat(job.id))
        try:
            artifacts = await self._render(job)
            if job.delivery.upload_url:
                await self.upload(job, artifacts)
            ttl = job.delivery.ttl_seconds or self.config.default_ttl_seconds
            done = await asyncio.to_thread(self.store.complete, job, self.worker_id, artifacts, ttl_seconds=ttl)
            if done is None:
                raise Lost(job.id)
            if done.warnings:
                log.info("job %s (%s) finished with warnings: %s", done.id, done.dialect, " | ".join(done.warnings))
            await self._report(done)
        except Lost:
            await self._forget(job)
        except asyncio.CancelledError:
            if self._requeue_on_stop:
                await asyncio.shield(asyncio.to_thread(self.store.requeue, job.id, self.worker_id))
            raise
        except BrokenProcessPool:
            # A worker process died (killed, out of memory): the pool is unusable. Replace it and retry the job
            # unless it has already had its attempts (it may be what kills the workers).
            log.error("engine worker process died while running job %s", job.id)
            self._replace_pool()
            if job.attempts >= self.config.max_attempts:
                await self._fail(job, JobError("internal_error", "the engine worker process died", 500))
            elif await asyncio.to_thread(self.store.requeue, job.id, self.worker_id):
                self.wake()
        except Exception as exc:
            outage = as_outage(exc)
            if outage is not None:  # e.g. the disk filled while storing: say so (503), not "internal error"
                self._failed(f"job {job.id}", exc)
            elif not isinstance(exc, JobFailed):
                log.exception("job %s failed", job.id)
            error = worker.error_from(outage or exc)
            if error.code == "cancelled":
                await self._end_cancelled(job)
            else:
                await self._fail(job, error)
        finally:
            heartbeat.cancel()
            for path in self._signal_paths(job.id):
                path.unlink(missing_ok=True)

    async def _render(self, job: Job) -> list[StoredArtifact]:
        request_json = json.dumps(job.request)
        total = worker.job_images(job.kind, job.request)
        artifacts: list[StoredArtifact] = []
        for index in range(total):
            self._check(job.id)
            if job.kind == "generate":
                progress_path, cancel_path = self._signal_paths(job.id)
                future = self._submit(
                    worker.render_image,
                    request_json,
                    index,
                    job.meta.get("provider"),
                    (str(progress_path), str(cancel_path)),
                )
                rendered = await self._with_step_progress(future, job, index, total, artifacts, progress_path)
            elif job.kind == "edit":
                rendered = await self._submit(worker.render_edit, request_json, index)
            else:
                rendered = await self._submit(worker.render_vectorize, request_json)
            self._check(job.id)
            artifacts.append(await asyncio.to_thread(self._store_file, job, index, rendered))
            progress, now = len(artifacts) / total, utcnow()
            # The last image is recorded by complete(), in the same write that ends the job.
            if index < total - 1 and not await asyncio.to_thread(
                self.store.heartbeat,
                job.id,
                self.worker_id,
                self.config.lease_seconds,
                progress=progress,
                artifacts=artifacts,
                at=now,
            ):
                raise Lost(job.id)
            self.notify(dataclasses.replace(job, progress=progress, artifacts=tuple(artifacts), updated_at=now))
        return artifacts

    async def _with_step_progress(
        self,
        future: Awaitable[RenderedImage],
        job: Job,
        index: int,
        total: int,
        artifacts: list[StoredArtifact],
        progress_path: Path,
    ) -> RenderedImage:
        """Await one image, passing its step progress (if the backend reports steps) on to watchers."""
        task = asyncio.ensure_future(future)
        # If this coroutine is cancelled (job cancelled, service stopping) the image still finishes in its process;
        # retrieving its outcome here keeps a late failure from surfacing as "exception was never retrieved".
        task.add_done_callback(lambda t: t.cancelled() or t.exception())
        last = ""
        while True:
            done, _ = await asyncio.wait({task}, timeout=max(0.05, self.config.poll_interval))
            if done:
                return task.result()
            try:
                text = progress_path.read_text(encoding="ascii")
            except OSError:
                continue
            if text == last or "/" not in text:
                continue
            last = text
            step, steps = (int(part) for part in text.split("/", 1))
            fraction = (index + min(1.0, step / max(1, steps))) / total
            self.notify(dataclasses.replace(job, progress=fraction, artifacts=tuple(artifacts), updated_at=utcnow()))

    def _check(self, job_id: str) -> None:
        if job_id in self._lost:
            raise Lost(job_id)

    async def _submit(self, fn: Callable[..., RenderedImage], *args: Any) -> RenderedImage:
        if self._executor is None:
            raise asyncio.CancelledError
        return await asyncio.wrap_future(self._executor.submit(fn, *args))

    def _new_executor(self) -> concurrent.futures.Executor:
        return worker.make_executor(
            self.config.workers, inline=self.config.inline, start_method=self.config.start_method
        )

    def _replace_pool(self) -> None:
        old, self._executor = self._executor, self._new_executor()
        if old is not None:
            old.shutdown(wait=False, cancel_futures=True)

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

    async def _report(self, job: Job) -> None:
        self.notify(job)
        await self.finished(job)

    async def _fail(self, job: Job, error: JobError) -> None:
        failed = await asyncio.to_thread(self.store.fail, job.id, error, worker_id=self.worker_id)
        if failed is None:
            await self._forget(job)
            return
        await asyncio.to_thread(self.storage.delete_job, job.id, job.created_at)
        await self._report(failed)

    async def _end_cancelled(self, job: Job) -> None:
        cancelled = await asyncio.to_thread(self.store.cancel, job.id)
        if cancelled is None:
            await self._forget(job)
            return
        await asyncio.to_thread(self.storage.delete_job, job.id, job.created_at)
        await self._report(cancelled)

    async def _forget(self, job: Job) -> None:
        """We lost the job. Delete its files only if it ended (another process may be re-running it now)."""
        status = await asyncio.to_thread(self.store.status_of, job.id)
        if status in (JobStatus.CANCELLED, JobStatus.FAILED):
            await asyncio.to_thread(self.storage.delete_job, job.id, job.created_at)
        log.info("job %s was taken away (%s); stopped working on it", job.id, status.value if status else "gone")
