"""Readiness of a Service for `/health`: the database, the disk, the workers, and (scale-out) broker and storage.

Split out of service.py: these checks only read the Service's parts. A failed check is part of the answer (with
one `reason`), never an exception, so `/health` itself answers while the database is away.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from artboard.jobs.outages import as_outage, free_bytes

if TYPE_CHECKING:
    from artboard.jobs.service import Service

log = logging.getLogger("artboard.jobs.service")


async def readiness(service: Service) -> dict[str, Any]:
    """Readiness: the database answers, and the dispatcher runs (or workers=0: another process runs jobs)."""
    config = service.config
    reason: str | None = None
    try:
        # A query on the jobs table, not `SELECT 1`: a dropped database still answers that.
        await asyncio.wait_for(service._db(service.store.status_of, "health-probe"), timeout=5.0)
        database = True
    except Exception as exc:  # an unreachable database is a failed check, not an error
        outage = as_outage(exc)
        reason = outage.message if outage is not None else "the database check failed"
        if outage is None:
            log.warning("health: database check failed: %s", exc)
        database = False
    free = free_bytes(config.data_dir)
    disk = free >= service.min_free_bytes
    if not disk and reason is None:
        reason = f"less than {service.min_free_bytes} bytes free in the data folder"
    pool: dict[str, Any] = {"configured": config.workers, "running_jobs": 0}
    remote: dict[str, Any] = {}
    dispatcher = service.dispatcher
    if config.queue_url:
        remote = await _remote_health(service, pool)
        workers = bool(remote["broker"]) and dispatcher is not None and dispatcher.alive
    elif config.workers == 0:
        workers = True
        pool["note"] = "jobs run in another process"
    else:
        workers = dispatcher is not None and dispatcher.alive
        pool["running_jobs"] = len(dispatcher.running) if dispatcher is not None else 0
    pool["ok"] = workers
    checks: dict[str, Any] = {"database": database, "disk": disk, "disk_free_bytes": free, "workers": workers}
    if config.storage_url:
        checks["storage"] = await _storage_ok(service)
        if reason is None and not checks["storage"]:
            reason = "the object storage is unreachable"
    if remote:
        checks["broker"] = remote["broker"]
        if reason is None and not remote["broker"]:
            reason = "the message broker is unreachable"
    if reason is None and not workers:
        reason = "the worker pool is not running"
    if reason is not None:
        checks["reason"] = reason
    return {**checks, "worker_pool": pool}


async def _remote_health(service: Service, pool: dict[str, Any]) -> dict[str, Any]:
    """Broker reachability and the live `artboard worker` processes (jobs run there, not here)."""
    from artboard.jobs.remote_dispatch import RemoteDispatcher

    dispatcher = service.dispatcher
    if not isinstance(dispatcher, RemoteDispatcher):
        return {"broker": False}
    remote = await dispatcher.health()
    live = remote.get("live_workers") or []
    pool.update(
        note="jobs run on `artboard worker` machines",
        live_workers=remote.get("live_workers"),
        running_jobs=sum(int(w.get("running_jobs", 0)) for w in live),
        queues=sorted({q for w in live for q in w.get("queues", ())}),
    )
    return remote


async def _storage_ok(service: Service) -> bool:
    try:
        return bool(await asyncio.wait_for(asyncio.to_thread(service.storage.ping), timeout=5.0))
    except Exception as exc:
        log.warning("health: storage check failed: %s", exc)
        return False
