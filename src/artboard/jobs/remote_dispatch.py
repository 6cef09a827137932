"""The API node's side of scale-out: publish submitted jobs to the broker, recover what a crash left behind, and
send the webhooks of jobs that workers finished. Used by `Service` instead of the in-process `Dispatcher` when
`queue_url` is set; the engine never runs here (`artboard worker` machines run it, see remote_worker).

Recovery loop (every `lease_seconds / 2`, on every API node; all of it is idempotent):
* rows `running` whose lease ran out (their worker died and the broker did not redeliver, e.g. Redis, or it is
  stalled) go back to `queued` — or `failed` after `max_attempts` — as in-process (`JobStore.recover`), and are
  republished;
* rows still `queued` and untouched for `republish_after` seconds are republished: the crash between committing the
  row and publishing its message, or a publish the broker never confirmed. The row's `updated_at` is moved forward
  in the same guarded UPDATE, so one API node republishes each such job once per interval; a message that turns out
  to be a duplicate is dropped by the claim guard on the worker.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import select, update

from artboard.jobs import fleet
from artboard.jobs.pg_notify import Listener
from artboard.jobs.queue_celery import QueueSettings, declare, make_app, ping, publish
from artboard.jobs.store import JobStore
from artboard.jobs.tables import JOBS, utcnow
from artboard.jobs.types import Job, JobStatus

log = logging.getLogger(__name__)

Notify = Callable[[Job], None]
Finished = Callable[[Job], Awaitable[None]]


@dataclass(frozen=True)
class RemoteConfig:
    queue: QueueSettings
    lease_seconds: float = 30.0
    max_attempts: int = 3
    republish_after: float = 60.0
    outbox_interval: float = 0.5
    live_worker_seconds: float = 10.0


class RemoteDispatcher:
    """Publishes jobs and recovers lost ones; jobs run on `artboard worker` machines."""

    def __init__(
        self,
        store: JobStore,
        config: RemoteConfig,
        *,
        notify: Notify,
        finished: Finished,
        wanted: Callable[[str], bool] | None = None,
    ) -> None:
        self.store = store
        self.config = config
        self.notify = notify
        self.finished = finished
        self.wanted = wanted  #: whether anyone here waits on a job (PostgreSQL wake-ups read only those rows)
        self.app = make_app(config.queue)
        self.node_id = f"{socket.gethostname()}|{os.getpid()}|{uuid.uuid4().hex[:8]}"
        self._tasks: list[asyncio.Task[None]] = []
        self._listener: Listener | None = None
        self._refreshing: set[asyncio.Task[None]] = set()

    # ---- the interface Service uses (same as the in-process Dispatcher) -----------------------------------------

    async def start(self) -> None:
        try:
            await asyncio.to_thread(declare, self.app, self.config.queue)
        except Exception:  # the broker may come up later; the recovery loop publishes once it does
            log.exception("declaring the queues at %s failed", _redact(self.config.queue.url))
        await self.recover()
        if self.store.is_postgres:  # workers announce changes: wake this node's waiters without polling
            loop = asyncio.get_running_loop()
            self._listener = Listener(self.store, lambda job_id: loop.call_soon_threadsafe(self._changed, job_id))
            self._listener.start()
        self._tasks = [
            asyncio.create_task(self._recovery_loop(), name="artboard-remote-recovery"),
            asyncio.create_task(self._outbox_loop(), name="artboard-remote-outbox"),
        ]

    async def stop(self, *, requeue: bool = True) -> None:
        """Stop the loops; jobs keep running on their workers (`requeue` has nothing to hand back here)."""
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks.clear()
        if self._listener is not None:
            await asyncio.to_thread(self._listener.stop)
            self._listener = None
        # The broker connections stay open: kombu pools them per URL for the whole process (closing them here
        # would close them under every other app on the same broker).

    async def submitted(self, job: Job) -> None:
        """Publish a job just committed. A failed publish only delays it: the recovery loop republishes it."""
        try:
            await asyncio.to_thread(publish, self.app, self.config.queue, job)
        except Exception as exc:
            log.warning("publishing job %s failed (%s); the recovery sweep will publish it", job.id, exc)

    def wake(self) -> None:
        """Nothing to wake here: a published message wakes the workers."""

    def abandon(self, job_id: str) -> None:
        """The row is already cancelled; the worker running it notices at its next check and stops."""

    @property
    def running(self) -> list[str]:
        return []

    @property
    def alive(self) -> bool:
        return bool(self._tasks) and all(not task.done() for task in self._tasks)

    def _changed(self, job_id: str) -> None:
        """A worker changed `job_id` (PostgreSQL notification): pass the fresh row to this node's waiters."""
        if self.wanted is not None and not self.wanted(job_id):
            return
        task = asyncio.create_task(self._refresh(job_id))
        self._refreshing.add(task)
        task.add_done_callback(self._refreshing.discard)

    async def _refresh(self, job_id: str) -> None:
        with contextlib.suppress(Exception):  # best effort: the waiter polls anyway
            job = await asyncio.to_thread(self.store.get, job_id)
            if job is not None:
                self.notify(job)

    # ---- health -----------------------------------------------------------------------------------------------

    async def health(self) -> dict[str, Any]:
        try:
            broker = await asyncio.wait_for(asyncio.to_thread(ping, self.config.queue), timeout=5.0)
        except Exception as exc:
            log.warning("health: broker check failed: %s", exc)
            broker = False
        try:
            workers = await asyncio.to_thread(
                fleet.live, self.store.engine, within_seconds=self.config.live_worker_seconds
            )
            live: list[dict[str, Any]] | None = [w.to_dict() for w in workers]
        except Exception as exc:
            log.warning("health: listing workers failed: %s", exc)
            live = None
        return {"broker": broker, "live_workers": live, "loops": self.alive}

    # ---- recovery -----------------------------------------------------------------------------------------------

    async def recover(self) -> None:
        # Only the lease decides (no "its process is gone" check as in-process): RabbitMQ already redelivers a dead
        # worker's job within a second or two, and a second, competing requeue would only make it run twice.
        requeued, failed = await asyncio.to_thread(
            self.store.recover, max_attempts=self.config.max_attempts, dead=_lease_only
        )
        stale = await asyncio.to_thread(self._touch_stale_queued)
        for job_id in failed:
            job = await asyncio.to_thread(self.store.get, job_id)
            if job is not None:
                self.notify(job)
                await self.finished(job)
        again = list(dict.fromkeys([*requeued, *stale]))
        if requeued:
            log.warning("requeued %d interrupted job(s): %s", len(requeued), ", ".join(requeued))
        if stale:
            log.warning("republishing %d job(s) queued but never started: %s", len(stale), ", ".join(stale))
        for job_id in again:
            job = await asyncio.to_thread(self.store.get, job_id)
            if job is not None and job.status is JobStatus.QUEUED:
                await self.submitted(job)

    def _touch_stale_queued(self) -> list[str]:
        """Queued rows untouched for `republish_after` s, each moved forward by this node (so it alone publishes)."""
        now = utcnow()
        cutoff = now - timedelta(seconds=self.config.republish_after)
        with self.store.engine.connect() as conn:
            rows = conn.execute(
                select(JOBS.c.id, JOBS.c.updated_at)
                .where(JOBS.c.status == JobStatus.QUEUED.value, JOBS.c.updated_at < cutoff)
                .order_by(JOBS.c.created_at)
                .limit(500)
            ).all()
        touched: list[str] = []
        for job_id, updated_at in rows:
            with self.store.write_engine.begin() as conn:
                result = conn.execute(
                    update(JOBS)
                    .where(
                        JOBS.c.id == job_id,
                        JOBS.c.status == JobStatus.QUEUED.value,
                        JOBS.c.updated_at == updated_at,
                    )
                    .values(updated_at=now)
                )
            if result.rowcount == 1:
                touched.append(job_id)
        return touched

    async def _recovery_loop(self) -> None:
        while True:
            await asyncio.sleep(max(0.5, min(self.config.lease_seconds, self.config.republish_after) / 2))
            try:
                await self.recover()
            except Exception:
                log.exception("recovering interrupted jobs failed; retrying")

    # ---- webhooks of jobs finished on workers -------------------------------------------------------------------

    async def _outbox_loop(self) -> None:
        while True:
            await asyncio.sleep(self.config.outbox_interval)
            try:
                await self.send_finished()
            except Exception:
                log.exception("sending the webhooks of finished jobs failed; retrying")

    async def send_finished(self) -> int:
        taken = await asyncio.to_thread(fleet.take_finished, self.store.engine, self.node_id)
        for job_id in taken:
            job = await asyncio.to_thread(self.store.get, job_id)
            if job is not None:
                await self.finished(job)  # logs the deliveries durably before returning
        await asyncio.to_thread(fleet.done_finished, self.store.engine, taken)
        return len(taken)


def _lease_only(_claimed_by: str | None) -> bool:
    return False


def _redact(url: str) -> str:
    """A broker URL without its password, for logs."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    credentials, host = rest.rsplit("@", 1)
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}"
