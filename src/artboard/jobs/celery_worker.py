"""`artboard worker`: one Celery worker process per machine, consuming the queues it is given.

    artboard worker --queues cpu,remote --concurrency 4 --name cpu-1

The Celery pool is `threads` (one thread per concurrent job) and each thread hands rendering to the engine pool
that `artboard serve` uses too: `concurrency` spawned processes, warmed up before the first message. Threads rather
than Celery's prefork pool because the engine's processes must be spawned, not forked (ONNX Runtime and CUDA do
not survive a fork), and rather than `solo`, which stalled with late acks and prefetch 1 (shared/reference/
scale-out.md §3.4). A kill -9 of this process closes its broker connection, so RabbitMQ redelivers its unacked
messages (at most `concurrency`) to another worker, and its engine processes exit on their own.

While it runs, the worker refreshes its row in `artboard_workers` (fleet.py) every `heartbeat_seconds`, which
`/health` and `artboard workers list` read.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from celery import Celery

from artboard.jobs import fleet
from artboard.jobs.queue_celery import TASK, QueueSettings, declare, make_app, publish
from artboard.jobs.remote_worker import JobRunner, WorkerConfig, describe
from artboard.jobs.storage import open_storage
from artboard.jobs.store import JobStore
from artboard.jobs.tables import utcnow
from artboard.jobs.types import Job

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WorkerSettings:
    queue: QueueSettings
    database_url: str
    storage_url: str
    data_dir: Path
    worker: WorkerConfig
    signing_secret: bytes = b""
    public_base_url: str = "http://127.0.0.1:8000"
    heartbeat_seconds: float = 2.0
    log_level: str = "info"


def node_name(name: str) -> str:
    """Celery's node name: NAME@host unless NAME already names a host."""
    return name if "@" in name else f"{name}@{socket.gethostname()}"


def build(settings: WorkerSettings) -> tuple[Celery, JobRunner]:
    """The Celery app with the job task bound to a JobRunner of this process."""
    store = JobStore(settings.database_url)
    store.ensure_schema()
    # Workers never sign URLs (API nodes do); a throwaway key satisfies the signer if no secret is configured.
    storage = open_storage(
        settings.storage_url,
        settings.data_dir,
        secret=settings.signing_secret or secrets.token_bytes(32),
        public_base_url=settings.public_base_url,
    )
    app = make_app(settings.queue)

    def republish(job: Job) -> None:
        publish(app, settings.queue, job)

    runner = JobRunner(store, storage, settings.worker, republish=republish)

    def run_job(task: Any, job_id: str) -> dict[str, Any]:
        redelivered = bool((task.request.delivery_info or {}).get("redelivered"))
        outcome = runner.run(job_id, redelivered=redelivered)
        log.info("job %s: %s (attempt %d, %d image(s))", job_id, outcome.result, outcome.attempts, outcome.images)
        return describe(outcome)

    app.task(name=TASK, bind=True, ignore_result=True)(run_job)
    return app, runner


def _beat(settings: WorkerSettings, runner: JobRunner, stop: threading.Event) -> None:
    started = utcnow()
    name = node_name(settings.worker.name)
    while True:
        try:
            fleet.beat(
                runner.store.engine,
                name=name,
                host=socket.gethostname(),
                pid=os.getpid(),
                queues=settings.worker.queues,
                concurrency=settings.worker.concurrency,
                running=len(runner.running),
                started_at=started,
            )
        except Exception:
            log.warning("worker heartbeat failed", exc_info=True)
        if stop.wait(settings.heartbeat_seconds):
            return


def run(settings: WorkerSettings) -> None:
    """Consume until stopped (SIGTERM/SIGINT: running jobs finish first, as Celery's warm shutdown does)."""
    app, runner = build(settings)
    declare(app, settings.queue)
    stop = threading.Event()
    beat = threading.Thread(target=_beat, args=(settings, runner, stop), name="artboard-worker-beat", daemon=True)
    beat.start()
    queues = ",".join(settings.queue.name(q) for q in settings.worker.queues)
    argv = [
        "worker", "--queues", queues, "--hostname", node_name(settings.worker.name),
        "--pool", "threads", "--concurrency", str(settings.worker.concurrency + settings.worker.prefetch),
        "--without-mingle", "--without-gossip", "--loglevel", settings.log_level.upper(),
    ]  # fmt: skip
    try:
        app.worker_main(argv)
    finally:
        stop.set()
        beat.join(timeout=5)
        try:
            fleet.leave(runner.store.engine, node_name(settings.worker.name))
        except Exception:
            log.warning("removing this worker from the fleet table failed", exc_info=True)
        runner.close()
