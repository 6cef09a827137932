"""Waiting on jobs inside one API process: `wait()` for the final state, `watch()` for every change.

Split out of service.py: this is the in-process side of job changes (events for waiters, a queue per watcher, the
cache of final snapshots), while the Service decides what changes. Changes made in this process arrive through
`notify()` and cost no database read; changes made by another process (a worker machine, a second API node) are
seen by polling the database every `poll_interval` seconds through the readers the Service passes in.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime

from artboard.jobs.snapshots import FinishedJobs, slim
from artboard.jobs.types import Job, JobStatus


class Waiters:
    """Who in this process waits on which job, and the final snapshots that answer them."""

    def __init__(
        self,
        *,
        read: Callable[[str], Awaitable[Job]],
        status: Callable[[str], Awaitable[JobStatus | None]],
        stamp: Callable[[str], Awaitable[tuple[str, datetime] | None]],
        poll_interval: float,
        snapshots: FinishedJobs,
    ) -> None:
        self._read, self._status, self._stamp = read, status, stamp
        self.poll_interval = poll_interval
        self._events: weakref.WeakValueDictionary[str, asyncio.Event] = weakref.WeakValueDictionary()
        self._watchers: dict[str, set[asyncio.Queue[Job]]] = {}
        #: recent final snapshots for wait(), without input bytes; a miss only costs a database read
        self._final_snapshots = snapshots

    def wanted(self, job_id: str) -> bool:
        """True while someone in this process waits on or watches `job_id` (a remote change is worth reading)."""
        return job_id in self._events or job_id in self._watchers

    def notify(self, job: Job) -> None:
        """A change of `job` made in this process: wake its waiters, feed its watchers."""
        if job.status.finished:
            # The final row as the store returned it: waiters in this process need not read it back.
            self._final_snapshots.put(job)
        event = self._events.pop(job.id, None)
        if event is not None:
            event.set()
        for queue in self._watchers.get(job.id, ()):
            queue.put_nowait(job)

    def _event(self, job_id: str) -> asyncio.Event:
        event = self._events.get(job_id)
        if event is None:
            event = asyncio.Event()
            self._events[job_id] = event
        return event

    async def wait(self, job: Job | str, *, timeout: float) -> Job:
        """The job once finished, or its current state when `timeout` passes (see Service.wait)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        job_id = job if isinstance(job, str) else job.id
        changed = self._event(job_id)  # taken before reading, so a change in between still wakes us
        current = await self._read(job_id) if isinstance(job, str) else job
        while not current.status.finished:
            final = self._final_snapshots.get(job_id)
            if final is not None:
                return final
            remaining = deadline - loop.time()
            if remaining <= 0:
                return self._answer(await self._read(job_id))
            try:
                await asyncio.wait_for(changed.wait(), min(remaining, self.poll_interval))
                notified = True
            except TimeoutError:
                notified = False
            changed = self._event(job_id)
            if notified:
                continue
            # Look at the status only until it is final: the full row can carry a 10 MB input image.
            status = await self._status(job_id)
            if status is None or status.finished:
                return self._answer(await self._read(job_id))
        return current if not isinstance(job, str) else self._answer(current)

    def _answer(self, job: Job) -> Job:
        """A row read back from the database, as wait() answers it: final ones without input bytes, and cached."""
        if not job.status.finished:
            return job
        self._final_snapshots.put(job)
        return self._final_snapshots.get(job.id) or slim(job)

    async def watch(self, job_id: str) -> AsyncIterator[Job]:
        """Snapshots on every change until the job finishes (see Service.watch); never going backwards."""
        queue: asyncio.Queue[Job] = asyncio.Queue()
        self._watchers.setdefault(job_id, set()).add(queue)
        try:
            last: tuple[int, float, int] | None = None
            current = await self._read(job_id)  # after subscribing, so no change is missed in between
            batch = [current]
            while True:
                for job in batch:
                    if last is None or rank(job) > last:
                        last = rank(job)
                        yield job
                        if job.status.finished:
                            return
                try:
                    batch = [await asyncio.wait_for(queue.get(), self.poll_interval)]
                except TimeoutError:  # another process may be running it: look at the database
                    stamp = await self._stamp(job_id)
                    fresh = stamp is None or stamp != (current.status.value, current.updated_at)
                    latest = [await self._read(job_id)] if fresh else []
                    # Snapshots queued while we read come first: the database may already be past them.
                    batch = [queue.get_nowait() for _ in range(queue.qsize())] + latest
                current = batch[-1] if batch else current
        finally:
            watchers = self._watchers.get(job_id)
            if watchers is not None:
                watchers.discard(queue)
                if not watchers:
                    del self._watchers[job_id]


def rank(job: Job) -> tuple[int, float, int]:
    """How far along a job is; watch() yields only snapshots that are further along than the last one."""
    stage = 2 if job.status.finished else 1 if job.status is JobStatus.RUNNING else 0
    return stage, job.progress, len(job.artifacts)
