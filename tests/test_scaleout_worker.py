"""An `artboard worker`'s job runner in this process against real RabbitMQ, PostgreSQL/SQLite and SeaweedFS: a job
end to end with its webhook sent by the API node (outbox), Redis as the broker, a worker that stalls past its
lease, and an engine process killed under a worker.
"""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from artboard.jobs.queue_celery import QueueSettings, publish
from artboard.jobs.service import Service, ServiceConfig
from artboard.jobs.types import JobStatus
from loopback import LoopbackReceiver
from scaleout_support import SECRET, SeaweedS3, drain, unique_prefix
from test_jobs_support import request_for

pytest_plugins = ["test_jobs_support", "scaleout_fixtures"]  # db_url; s3, s3_env, broker
pytestmark = pytest.mark.anyio


# ---- a worker's job end to end in this process, and the webhook outbox -----------------------------------------


async def test_a_worker_runs_the_job_and_an_api_node_sends_its_webhook(
    db_url: str, tmp_path: Path, broker: QueueSettings, s3_env: SeaweedS3, receiver: LoopbackReceiver
) -> None:
    from artboard.jobs.remote_worker import JobRunner, WorkerConfig
    from artboard.jobs.types import Delivery, WebhookConfig

    config = ServiceConfig(
        database_url=db_url, data_dir=tmp_path / "api", workers=0, signing_secret=SECRET, queue_url=broker.url,
        queue_prefix=broker.prefix, storage_url=s3_env.url(prefix=uuid.uuid4().hex[:8]), fetch_allow=("127.0.0.1",),
    )  # fmt: skip
    api = Service(config)
    await api.start()
    runner = JobRunner(api.store, api.storage, WorkerConfig(name="w", queues=("cpu",), inline=True, warm=False))
    try:
        job = await api.submit(
            kind="generate", request=request_for(n=2), model="artboard-v1", dialect="test",
            delivery=Delivery(webhook=WebhookConfig(url=receiver.at(), per_image=False)),
        )  # fmt: skip
        [(job_id, _)] = drain(broker, "cpu")  # what a worker would receive
        outcome = await asyncio.to_thread(runner.run, job_id)
        assert (outcome.result, outcome.images) == ("succeeded", 2)
        assert (await asyncio.to_thread(runner.run, job_id)).result == "skipped"  # a duplicate message
        done = await api.wait(job, timeout=30)
        assert done.status is JobStatus.SUCCEEDED and [a.index for a in done.artifacts] == [0, 1]
        assert api.read_artifact(done.artifacts[1].key).startswith(b"\x89PNG")  # from the bucket
        [body] = await receiver.wait_for(1, timeout=10)  # the API node's outbox loop sends it (every 0.5 s)
        [hit] = receiver.posts()
        headers = hit.headers
        assert headers["Artboard-Event"] == "job.succeeded" and headers["Artboard-Job"] == job.id
        assert body["job_id"] == job.id and len(body["images"]) == 2
    finally:
        runner.close()
        await api.stop()


async def test_redis_as_the_broker(tmp_path: Path) -> None:
    """Redis works as the broker too (docs/deploy.md: recovery then relies on the lease, not on redelivery)."""
    pytest.importorskip("redis", reason="the redis client is part of the dev extra")
    import celery.contrib.testing.tasks  # noqa: F401  (start_worker expects celery.ping)
    import redis
    from celery.contrib.testing.worker import start_worker

    from artboard.jobs.celery_worker import WorkerSettings, build
    from artboard.jobs.queue_celery import QueueSettings
    from artboard.jobs.remote_worker import WorkerConfig

    url = "redis://127.0.0.1:6379/15"
    client = redis.Redis.from_url(url, socket_connect_timeout=3)
    try:
        client.ping()
    except redis.RedisError as exc:
        pytest.skip(f"Redis at {url} is unreachable: {exc}")
    queue = QueueSettings(url, unique_prefix())
    database = f"sqlite:///{tmp_path / 'a.db'}"
    worker = WorkerConfig(name="r", queues=("cpu",), inline=True, warm=False, takeover_on_redelivery=False)
    settings = WorkerSettings(queue=queue, database_url=database, storage_url="", data_dir=tmp_path, worker=worker,
                              signing_secret=SECRET)  # fmt: skip
    app, runner = build(settings)
    api = Service(ServiceConfig(database_url=database, data_dir=tmp_path, workers=0, signing_secret=SECRET,
                                queue_url=url, queue_prefix=queue.prefix, extra={"poll_interval": 0.05}))  # fmt: skip
    await api.start()
    try:
        with start_worker(app, pool="threads", concurrency=1, perform_ping_check=False, queues=[queue.name("cpu")]):
            jobs = [await api.submit(kind="generate", request=request_for(seed=i), model="artboard-v1",
                                     dialect="test") for i in range(3)]  # fmt: skip
            done = [await api.wait(job, timeout=60) for job in jobs]
        assert [job.status for job in done] == [JobStatus.SUCCEEDED] * 3
        assert (await api.health())["broker"] is True
    finally:
        await api.stop()
        runner.close()
        for key in client.scan_iter(f"*{queue.prefix}*"):
            client.delete(key)
        client.close()


async def test_a_stalled_worker_loses_its_job_to_the_lease(db_url: str, tmp_path: Path, broker: QueueSettings) -> None:
    """No redelivery (Redis, or a worker that hangs): once the lease has run out an API node requeues and
    republishes the job, another worker runs it, and the first notices the row is gone and stops."""
    from sqlalchemy import update

    from artboard.jobs.remote_worker import JobRunner, WorkerConfig
    from artboard.jobs.tables import JOBS

    api = Service(ServiceConfig(database_url=db_url, data_dir=tmp_path, workers=0, signing_secret=SECRET,
                                queue_url=broker.url, queue_prefix=broker.prefix))  # fmt: skip
    await api.start()
    first, second = (
        JobRunner(api.store, api.storage,
                  WorkerConfig(name=name, queues=("cpu",), inline=True, warm=False, check_interval=0.1))
        for name in ("a", "b")
    )  # fmt: skip
    key, _secret = api.keys.create("k", credits=1000)
    try:
        job = await api.submit(kind="generate", request=request_for(n=8, tier="pro"), model="artboard-v1-pro",
                               dialect="test", key_id=key.id)  # fmt: skip
        [(job_id, _)] = drain(broker, "cpu")
        running = asyncio.create_task(asyncio.to_thread(first.run, job_id))
        for _ in range(600):
            if (current := await api.get(job.id)).progress > 0:
                break
            await asyncio.sleep(0.05)
        assert current.status is JobStatus.RUNNING
        assert api.dispatcher is not None
        for _ in range(50):  # the worker hangs past its lease (again if it renewed it at an image boundary between)
            with api.store.write_engine.begin() as conn:
                conn.execute(update(JOBS).where(JOBS.c.id == job.id).values(lease_until=datetime.now(UTC)
                                                                             - timedelta(seconds=1)))  # fmt: skip
            await api.dispatcher.recover()
            if api.store.status_of(job.id) is JobStatus.QUEUED:
                break
        assert (await asyncio.wait_for(running, 60)).result == "lost"
        [(again, _)] = drain(broker, "cpu")
        outcome = await asyncio.to_thread(second.run, again)
        assert (outcome.result, outcome.attempts, outcome.images) == ("succeeded", 2, 8)
        done = await api.get(job.id)
        assert done.status is JobStatus.SUCCEEDED and len(done.artifacts) == 8
        assert [(e["delta"], e["reason"]) for e in api.store.ledger(job_id=job.id)] == [(-job.credits, "charge")]
    finally:
        first.close()
        second.close()
        await api.stop()


async def test_an_engine_process_that_dies_requeues_the_job(db_url: str, tmp_path: Path, broker: QueueSettings) -> None:
    """kill -9 of the engine process under a worker: the worker replaces its pool and republishes the job."""
    import os
    import signal

    from artboard.jobs.queue_celery import make_app
    from artboard.jobs.remote_worker import JobRunner, WorkerConfig

    api = Service(ServiceConfig(database_url=db_url, data_dir=tmp_path, workers=0, signing_secret=SECRET,
                                queue_url=broker.url, queue_prefix=broker.prefix))  # fmt: skip
    await api.start()
    app = make_app(broker)
    runner = JobRunner(api.store, api.storage, WorkerConfig(name="w", queues=("cpu",), warm=False),
                       republish=lambda job: publish(app, broker, job))  # fmt: skip
    try:
        job = await api.submit(kind="generate", request=request_for(n=8, tier="pro"), model="artboard-v1-pro",
                               dialect="test")  # fmt: skip
        [(job_id, _)] = drain(broker, "cpu")
        running = asyncio.create_task(asyncio.to_thread(runner.run, job_id))
        for _ in range(1200):
            if (await api.get(job.id)).progress > 0:
                break
            await asyncio.sleep(0.05)
        pids = list(runner._executor._processes)  # type: ignore[attr-defined]
        assert pids
        for pid in pids:
            os.kill(pid, signal.SIGKILL)
        assert (await asyncio.wait_for(running, 60)).result == "requeued"
        assert (await api.get(job.id)).status is JobStatus.QUEUED
        [(again, _)] = drain(broker, "cpu")  # republished by the worker
        outcome = await asyncio.to_thread(runner.run, again)  # on the new pool
        assert (outcome.result, outcome.attempts, outcome.images) == ("succeeded", 2, 8)
    finally:
        runner.close()
        await api.stop()


async def test_waiters_wake_when_a_worker_finishes_without_polling(
    db_url: str, tmp_path: Path, broker: QueueSettings
) -> None:
    """PostgreSQL: the worker's NOTIFY wakes a synchronous request on the API node at once (polls are a minute)."""
    import time

    from artboard.jobs.remote_worker import JobRunner, WorkerConfig

    if not db_url.startswith("postgresql"):
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's; SQLite waiters poll")
    api = Service(ServiceConfig(database_url=db_url, data_dir=tmp_path, workers=0, signing_secret=SECRET,
                                queue_url=broker.url, queue_prefix=broker.prefix,
                                extra={"poll_interval": 60}))  # fmt: skip
    await api.start()
    runner = JobRunner(api.store, api.storage, WorkerConfig(name="w", queues=("cpu",), inline=True, warm=False))
    try:
        job = await api.submit(kind="generate", request=request_for(n=2), model="artboard-v1", dialect="test")
        [(job_id, _)] = drain(broker, "cpu")
        waiting = asyncio.create_task(api.wait(job, timeout=120))
        await asyncio.sleep(0.3)  # the request is waiting for its job
        assert (await asyncio.to_thread(runner.run, job_id)).result == "succeeded"
        finished_at = time.monotonic()
        done = await asyncio.wait_for(waiting, 10)
        assert done.status is JobStatus.SUCCEEDED and time.monotonic() - finished_at < 2
    finally:
        runner.close()
        await api.stop()
