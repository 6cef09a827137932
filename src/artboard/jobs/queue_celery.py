"""The broker side of scale-out: a Celery app on RabbitMQ that carries job ids to `artboard worker` machines.

    queue_url = "amqp://user:pw@mq:5672/artboard"     (Redis works too: "redis://…", see docs/deploy.md)

A message is `artboard.run_job(job_id)` and nothing else; the SQL job row stays the source of truth for status,
attempts, leases, progress, credits, idempotency and webhooks. A worker claims the row by id with the same guarded
UPDATE as the in-process dispatcher, so a duplicate or redelivered message never runs a job twice at once.

Queues (one per kind of machine), named `<queue_prefix>.<queue>`:
    cpu     the design composer (and vectorize jobs)
    gpu     local learned backends (diffusers): catalogue `[backends.diffusers] queue = "gpu"`
    remote  upstream providers (Recraft, OpenRouter): every backend whose capabilities say `remote`
A job goes to the queue of the first backend of its routing plan (a backend's catalogue table may name another
with `queue = "…"`). Priorities 0–9 (`meta["priority"]`, default 5) use RabbitMQ's `x-max-priority`.

The fixed Celery configuration is the one measured safe under kill -9 (shared/reference/scale-out.md §3):
late acks, `task_reject_on_worker_lost`, prefetch 1, publisher confirms, no result backend, and tasks stopped
when the broker connection is lost (their message is redelivered elsewhere). RabbitMQ's `consumer_timeout`
(30 min by default) must exceed the longest job: a message held longer is redelivered while its job still runs
(the claim guard then drops it, but the first worker's channel is closed).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from artboard.errors import BackendUnavailable, InvalidParameter

try:
    from celery import Celery
    from kombu.connection import Connection
    from kombu.entity import Exchange, Queue
except ImportError as exc:  # an optional part: say how to get it rather than show a traceback
    raise BackendUnavailable(
        f"queue_url needs Celery ({exc.name} is not installed): pip install 'artboard[scaleout]'", param="queue_url"
    ) from exc
from artboard.jobs.types import Job

log = logging.getLogger(__name__)

QUEUES = ("cpu", "gpu", "remote")
TASK = "artboard.run_job"
MAX_PRIORITY = 9
DEFAULT_PRIORITY = 5
DEFAULT_PREFIX = "artboard"
#: Redis redelivers an unacknowledged message after this long even while its job runs (the SQL claim guard stops
#: the duplicate); it must exceed the longest job, and recovery after a crash waits for it (docs/deploy.md).
REDIS_VISIBILITY_TIMEOUT = 3600


@dataclass(frozen=True)
class QueueSettings:
    url: str
    prefix: str = DEFAULT_PREFIX

    @property
    def is_amqp(self) -> bool:
        return self.url.split(":", 1)[0] in ("amqp", "amqps", "pyamqp")

    def name(self, queue: str) -> str:
        return f"{self.prefix}.{queue}"


def check_queue_url(url: str) -> str:
    scheme = url.split("://", 1)[0] if "://" in url else ""
    if scheme not in ("amqp", "amqps", "pyamqp", "redis", "rediss"):
        raise InvalidParameter(
            f"unsupported queue URL scheme {scheme or url!r}",
            param="queue_url",
            allowed=["amqp://user:password@host:5672/vhost (RabbitMQ, the default)", "redis://host:6379/0"],
        )
    return url


def parse_queues(text: str) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(part.strip().lower() for part in text.split(",") if part.strip()))
    bad = [n for n in names if n not in QUEUES]
    if not names or bad:
        raise InvalidParameter(
            f"unknown queue(s): {', '.join(bad) or '(none given)'}", param="--queues", allowed=list(QUEUES)
        )
    return names


def declarations(settings: QueueSettings) -> list[Queue]:
    exchange = Exchange(settings.prefix, type="direct", durable=True)  # type: ignore[no-untyped-call]
    return [
        Queue(  # type: ignore[no-untyped-call]
            settings.name(q),
            exchange,
            routing_key=q,
            durable=True,
            queue_arguments={"x-max-priority": MAX_PRIORITY},
        )
        for q in QUEUES
    ]


def make_app(settings: QueueSettings) -> Celery:
    """The Celery app both sides use (API nodes only publish; workers also register the task)."""
    check_queue_url(settings.url)
    app = Celery("artboard", broker=settings.url, set_as_current=False)
    transport: dict[str, Any] = {"confirm_publish": True} if settings.is_amqp else {
        "visibility_timeout": REDIS_VISIBILITY_TIMEOUT,
        "queue_order_strategy": "priority",
        "priority_steps": list(range(MAX_PRIORITY + 1)),
    }  # fmt: skip
    app.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_ignore_result=True,
        task_store_errors_even_if_ignored=False,
        worker_cancel_long_running_tasks_on_connection_loss=True,
        task_serializer="json",
        accept_content=["json"],
        task_queues=declarations(settings),
        task_default_queue=settings.name("cpu"),
        task_default_exchange=settings.prefix,
        task_default_routing_key="cpu",
        task_create_missing_queues=False,
        task_queue_max_priority=MAX_PRIORITY,
        task_default_priority=DEFAULT_PRIORITY,
        broker_transport_options=transport,
        broker_connection_retry_on_startup=True,
        broker_connection_timeout=5,
        worker_hijack_root_logger=False,
        worker_send_task_events=False,
        task_send_sent_event=False,
        worker_enable_remote_control=True,  # `celery inspect` still works for operators
        worker_disable_rate_limits=True,
    )
    return app


def declare(app: Celery, settings: QueueSettings) -> None:
    """Create the exchange and every queue (idempotent); a message published before its queue exists is lost."""
    with app.connection_for_write() as conn:
        channel = conn.default_channel
        for queue in declarations(settings):
            queue.bind(channel).declare()  # type: ignore[no-untyped-call]


def queue_for_backend(name: str) -> str:
    from artboard import registry
    from artboard.catalogue import backend_settings

    chosen = backend_settings(name).get("queue")
    if isinstance(chosen, str) and chosen in QUEUES:
        return chosen
    try:
        backend = registry.load_backend(name)  # available or not: this machine may lack the worker's keys
    except Exception:  # unknown or not installed here: the worker reports it properly
        return "cpu"
    return "remote" if backend.capabilities.remote else "cpu"


def queue_for(job: Job) -> str:
    """The queue of the first backend the job's routing plan tries (vectorize and image-tool jobs: cpu)."""
    if job.kind != "generate":
        return "cpu"
    from artboard import routing
    from artboard.spec import GenerationSpec

    try:
        spec = GenerationSpec.model_validate_json(json.dumps(job.request))
        plan = routing.plan(spec, job.meta.get("provider"))
    except Exception:  # the worker fails the job with the proper error; any machine can do that
        return "cpu"
    return queue_for_backend(plan.candidates[0])


def priority_of(job: Job) -> int:
    value = job.meta.get("priority", DEFAULT_PRIORITY)
    return max(0, min(MAX_PRIORITY, value)) if isinstance(value, int) else DEFAULT_PRIORITY


def publish(app: Celery, settings: QueueSettings, job: Job, *, queue: str | None = None) -> str:
    """Send the job's id to its queue (with publisher confirms on RabbitMQ); returns the queue name."""
    name = queue or queue_for(job)
    app.send_task(
        TASK,
        args=[job.id],
        queue=settings.name(name),
        routing_key=name,
        exchange=settings.prefix,
        priority=priority_of(job),
        ignore_result=True,
    )
    return name


def ping(settings: QueueSettings, *, timeout: float = 3.0) -> bool:
    """The broker accepts a connection (health check)."""
    with Connection(settings.url, connect_timeout=timeout) as conn:  # type: ignore[no-untyped-call]
        conn.ensure_connection(max_retries=1, timeout=timeout)
    return True
