"""`artboard worker` and `artboard workers list`: the commands of worker machines in a scaled-out deployment.

Both read the same settings as `serve` (config file, ARTBOARD_* environment, flags): database_url, queue_url,
queue_prefix, storage_url, signing_secret. docs/deploy.md shows a three-machine layout.
"""

from __future__ import annotations

import json
import logging
import os
import socket
from typing import Any

import click

from artboard.cli import _check_database, _fail, _server_options, _settings
from artboard.errors import ArtboardError, InvalidParameter

_LEVELS = ["critical", "error", "warning", "info", "debug"]


@click.command()
@click.option(
    "--queues",
    default="cpu",
    show_default=True,
    envvar="ARTBOARD_WORKER_QUEUES",
    help="Queues to take jobs from, comma-separated: cpu (composer), gpu (diffusers), remote (providers).",
)
@click.option(
    "--concurrency",
    type=click.IntRange(1, 256),
    default=1,
    show_default=True,
    envvar="ARTBOARD_WORKER_CONCURRENCY",
    help="Jobs at once (one engine process each).",
)
@click.option(
    "--prefetch",
    type=click.IntRange(0, 64),
    default=0,
    show_default=True,
    envvar="ARTBOARD_WORKER_PREFETCH",
    help="Jobs claimed beyond --concurrency, so an engine process never waits for the next claim "
    "(faster; a kill -9 then re-runs up to concurrency + prefetch jobs).",
)
@click.option("--name", envvar="ARTBOARD_WORKER_NAME", help="Worker name, unique per deployment (default: host-pid).")
@click.option("--queue-url", "queue_url", help="Broker URL (required here): amqp://user:pw@host:5672/vhost.")
@click.option("--storage-url", "storage_url", help="Object storage: s3://BUCKET?endpoint=…&region=….")
@click.option("--log-level", "log_level", type=click.Choice(_LEVELS))
@_server_options
def worker(
    queues: str,
    concurrency: int,
    prefetch: int,
    name: str | None,
    queue_url: str | None,
    storage_url: str | None,
    log_level: str | None,
    config: str | None,
    data_dir: str | None,
    database_url: str | None,
) -> None:
    """Run jobs from the broker's queues on this machine (one command per machine; Ctrl+C finishes running jobs)."""
    from artboard.jobs.celery_worker import WorkerSettings, run
    from artboard.jobs.queue_celery import QueueSettings, check_queue_url, parse_queues
    from artboard.jobs.remote_worker import WorkerConfig

    settings = _settings(
        config, data_dir=data_dir, database_url=database_url, queue_url=queue_url, storage_url=storage_url,
        log_level=log_level,
    )  # fmt: skip
    try:
        chosen = parse_queues(queues)
        if not settings.queue_url:
            raise InvalidParameter(
                "a worker needs the broker: set --queue-url or ARTBOARD_QUEUE_URL", param="--queue-url"
            )
        queue = QueueSettings(check_queue_url(settings.queue_url), settings.queue_prefix)
    except ArtboardError as error:
        _fail(error)
        return
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(name)s %(levelname)s %(message)s", force=True
    )
    if settings.database_url.startswith("sqlite") and not settings.storage_url:
        logging.getLogger("artboard").warning(
            "SQLite and local files: only workers on this machine can share them (see docs/deploy.md)"
        )
    secret = settings.signing_secret.get_secret_value().encode() if settings.signing_secret else b""
    worker_config = WorkerConfig(
        name=name or f"{socket.gethostname()}-{os.getpid()}",
        queues=chosen,
        concurrency=concurrency,
        prefetch=prefetch,
        default_ttl_seconds=settings.default_ttl_seconds,
        fetch_allow=tuple(settings.fetch_allow),
        takeover_on_redelivery=queue.is_amqp,
    )
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    _check_database(settings.database_url)
    try:
        run(
            WorkerSettings(
                queue=queue,
                database_url=settings.database_url,
                storage_url=settings.storage_url,
                data_dir=settings.data_dir,
                worker=worker_config,
                signing_secret=secret,
                public_base_url=settings.public_base_url,
                log_level=settings.log_level,
            )
        )
    except ArtboardError as error:
        _fail(error)


@click.group()
def workers() -> None:
    """The `artboard worker` processes of a scaled-out deployment."""


@workers.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--within", type=float, default=10.0, show_default=True, help="Seen in the last N seconds.")
@_server_options
def workers_list(as_json: bool, within: float, config: str | None, data_dir: str | None,
                 database_url: str | None) -> None:  # fmt: skip
    """Live workers (from their heartbeats in the job database): name, host, queues, concurrency, running jobs."""
    from artboard.jobs import fleet
    from artboard.jobs.store import JobStore

    settings = _settings(config, data_dir=data_dir, database_url=database_url)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    store = JobStore(settings.database_url)
    try:
        store.ensure_schema()
        live = fleet.live(store.engine, within_seconds=within)
    except ArtboardError as error:
        _fail(error)
        return
    finally:
        store.dispose()
    rows: list[dict[str, Any]] = [w.to_dict() for w in live]
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        click.echo(f"no worker seen in the last {within:g} s")
        return
    for row in rows:
        click.echo(
            f"{row['name']:<32} {row['host']:<20} queues={','.join(row['queues']):<16} "
            f"concurrency={row['concurrency']} running={row['running_jobs']} seen={row['seen_at']}"
        )
