"""Prompt wake-ups for API nodes when a worker on another machine changes a job (PostgreSQL LISTEN/NOTIFY).

A worker announces every change it records (an image stored, step progress, the final state) with
`pg_notify('artboard_jobs', job_id)`; each API node listens on one dedicated connection and wakes the requests
waiting on that job (synchronous dialects, SSE streams) at once instead of at their next poll of the row. It is
best effort: a lost notification (listener reconnecting, SQLite) only means the waiter sees the change at its
next poll (`poll_interval`, 0.5 s), as before.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from artboard.jobs.store import JobStore

log = logging.getLogger(__name__)

CHANNEL = "artboard_jobs"


def announce(store: JobStore, job_id: str) -> None:
    """Tell listening API nodes that `job_id` changed (PostgreSQL only; never raises)."""
    if not store.is_postgres:
        return
    try:
        with store.engine.connect() as conn:  # the driver's own statement: no SQLAlchemy compilation per call
            conn.exec_driver_sql("SELECT pg_notify(%(channel)s, %(job_id)s)", {"channel": CHANNEL, "job_id": job_id})
            conn.commit()
    except Exception:  # the row is already written; a waiter just learns of it at its next poll
        log.debug("announcing job %s failed", job_id, exc_info=True)


class Listener:
    """A thread holding a LISTEN connection; calls `changed(job_id)` for each notification (from that thread)."""

    def __init__(self, store: JobStore, changed: Callable[[str], Any]) -> None:
        url = store.engine.url.set(drivername="postgresql")
        self._conninfo = url.render_as_string(hide_password=False)
        self._changed = changed
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="artboard-pg-listen", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        import psycopg

        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=0.5):
                            with contextlib.suppress(Exception):
                                self._changed(note.payload)
            except Exception:
                log.warning("listening for job changes failed; retrying (waiters poll meanwhile)", exc_info=True)
                self._stop.wait(2.0)
