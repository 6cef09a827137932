"""Scale-out pieces against real services: S3 storage on SeaweedFS, queues and priorities on RabbitMQ, the claim
and takeover rules and the worker/outbox tables on SQLite and PostgreSQL, the republish sweep, settings.

The multi-process runs (API + workers as separate "machines", kill -9, cancellation) are in test_scaleout_e2e.py.
"""

from __future__ import annotations

import json
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from artboard.errors import InvalidParameter, NotFound
from artboard.jobs import fleet
from artboard.jobs.queue_celery import (
    QueueSettings,
    check_queue_url,
    declare,
    make_app,
    parse_queues,
    publish,
    queue_for,
    queue_for_backend,
)
from artboard.jobs.remote_worker import claim_by_id
from artboard.jobs.service import Service, ServiceConfig
from artboard.jobs.storage import open_storage
from artboard.jobs.storage_s3 import S3Storage, parse_s3_url
from artboard.jobs.store import JobStore
from scaleout_support import SECRET, SeaweedS3, drain, http_get
from test_jobs_support import request_for

pytest_plugins = ["test_jobs_support", "scaleout_fixtures"]  # db_url (SQLite and PostgreSQL); s3, s3_env, broker
pytestmark = pytest.mark.anyio

JOB_ID = "12345678-1234-4234-8234-123456789012"


# ---- storage ----------------------------------------------------------------------------------------------------


def _s3(s3: SeaweedS3, **params: str) -> S3Storage:
    storage = open_storage(
        s3.url(prefix=f"t{uuid.uuid4().hex[:8]}", **params), Path("/nonexistent"), secret=SECRET,
        public_base_url="http://127.0.0.1:9",
    )  # fmt: skip
    assert isinstance(storage, S3Storage)
    return storage


def test_s3_storage_writes_reads_deletes_and_signs(s3_env: SeaweedS3) -> None:
    storage = _s3(s3_env)
    created = datetime(2026, 12, 6, tzinfo=UTC)
    keys = [storage.key_for(JOB_ID, created, i, "png") for i in range(3)]
    for i, key in enumerate(keys):
        storage.write(key, b"image %d" % i)
    assert [storage.read(k) for k in keys] == [b"image 0", b"image 1", b"image 2"]
    assert storage.ping() is True
    # Proxy URLs (the default): HMAC-signed /files/ URLs, exactly as with local files.
    url = storage.signed_url(keys[0], time.time() + 60)
    assert url.startswith("http://127.0.0.1:9/files/2026/12/06/")
    query = dict(part.split("=") for part in url.split("?", 1)[1].split("&"))
    assert storage.verify_signed(keys[0], int(query["expires"]), query["sig"])
    assert not storage.verify_signed(keys[1], int(query["expires"]), query["sig"])
    storage.delete_job(JOB_ID, created)
    for key in keys:
        with pytest.raises(NotFound):
            storage.read(key)
    with pytest.raises(NotFound):
        storage.read("../../etc/passwd")


def test_presigned_urls_expire_and_resist_tampering(s3_env: SeaweedS3) -> None:
    storage = _s3(s3_env, urls="presign")
    key = storage.key_for(JOB_ID, datetime.now(UTC), 0, "png")
    storage.write(key, b"presigned bytes")
    url = storage.signed_url(key, time.time() + 60)
    assert url.startswith(s3_env.endpoint) and "X-Amz-Signature=" in url
    assert http_get(url) == (200, b"presigned bytes")
    tampered = url.replace("X-Amz-Signature=", "X-Amz-Signature=0")
    assert http_get(tampered)[0] == 403
    other = storage.key_for(JOB_ID, datetime.now(UTC), 1, "png")
    storage.write(other, b"other")
    assert http_get(url.replace("/0.png?", "/1.png?"))[0] == 403  # a signature covers one key only
    short = storage.signed_url(key, time.time() + 1)
    time.sleep(2.5)
    assert http_get(short)[0] == 403
    # Anonymous reads are refused: the bucket is private.
    assert http_get(f"{s3_env.endpoint}/{s3_env.bucket}/{key}")[0] == 403


@pytest.mark.parametrize(
    "url",
    ["ftp://bucket", "s3://", "s3://b?endpoint=127.0.0.1:9", "s3://b?colour=red", "s3://b?urls=public"],
)
def test_bad_storage_urls_name_the_setting(url: str) -> None:
    with pytest.raises(InvalidParameter) as caught:
        open_storage(url, Path("/nonexistent"), secret=SECRET, public_base_url="http://127.0.0.1:9")
    assert caught.value.param == "storage_url"


def test_s3_url_parts() -> None:
    parsed = parse_s3_url("s3://outputs/team-a?endpoint=http://127.0.0.1:8333&region=eu-west-1&urls=presign")
    assert parsed == {"bucket": "outputs", "endpoint": "http://127.0.0.1:8333", "region": "eu-west-1",
                      "prefix": "team-a", "urls": "presign"}  # fmt: skip


# ---- queues -----------------------------------------------------------------------------------------------------


def test_queue_per_backend_from_the_catalogue() -> None:
    assert [queue_for_backend(n) for n in ("design", "diffusers", "recraft", "openrouter")] == [
        "cpu", "gpu", "remote", "remote",
    ]  # fmt: skip
    assert parse_queues("cpu, remote,cpu") == ("cpu", "remote")
    for bad in ("", "cpu,fast"):
        with pytest.raises(InvalidParameter) as caught:
            parse_queues(bad)
        assert caught.value.param == "--queues" and caught.value.allowed == ["cpu", "gpu", "remote"]
    with pytest.raises(InvalidParameter) as caught:
        check_queue_url("http://127.0.0.1:5672")
    assert caught.value.param == "queue_url"


async def test_priorities_are_honoured_by_the_broker(db_url: str, tmp_path: Path, broker: QueueSettings) -> None:
    service = Service(ServiceConfig(database_url=db_url, data_dir=tmp_path, workers=0))
    await service.start()
    app = make_app(broker)
    declare(app, broker)
    try:
        jobs = []
        for priority in (0, 0, 0, 9, 0):
            job = await service.submit(
                kind="generate", request=request_for(), model="artboard-v1", dialect="test",
                meta={"priority": priority},
            )  # fmt: skip
            publish(app, broker, job)
            jobs.append(job)
        order = drain(broker, "cpu")
    finally:
        await service.stop()
    assert order[0] == (jobs[3].id, 9)
    assert [job_id for job_id, _ in order[1:]] == [j.id for j in jobs if j is not jobs[3]]


async def test_routing_sends_remote_backends_to_their_queue(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from artboard import routing

    catalogue = tmp_path / "catalogue.toml"
    catalogue.write_text('[models]\n"recraftv4" = ["recraft", "design"]\n')
    monkeypatch.setenv(routing.ENV_CATALOGUE, str(catalogue))
    routing.reset()
    service = Service(ServiceConfig(database_url=f"sqlite:///{tmp_path / 'a.db'}", data_dir=tmp_path, workers=0))
    await service.start()
    try:
        remote = await service.submit(
            kind="generate", request=request_for(model="recraftv4"), model="recraftv4", dialect="test"
        )
        local = await service.submit(kind="generate", request=request_for(), model="artboard-v1", dialect="test")
        assert (queue_for(remote), queue_for(local)) == ("remote", "cpu")
    finally:
        await service.stop()
        routing.reset()


async def test_sweep_publishes_a_job_committed_but_never_published(
    db_url: str, tmp_path: Path, broker: QueueSettings
) -> None:
    """The crash between insert and publish: the row is there, no message. The API's sweep publishes it."""
    from sqlalchemy import update

    from artboard.jobs.tables import JOBS

    writer = Service(ServiceConfig(database_url=db_url, data_dir=tmp_path / "w", workers=0))  # no broker: no publish
    await writer.start()
    orphan = await writer.submit(kind="generate", request=request_for(), model="artboard-v1", dialect="test")
    await writer.stop()
    api = Service(
        ServiceConfig(
            database_url=db_url, data_dir=tmp_path / "api", workers=0, signing_secret=SECRET,
            queue_url=broker.url, queue_prefix=broker.prefix, extra={"republish_after": 600},
        )
    )  # fmt: skip
    await api.start()
    try:
        assert api.dispatcher is not None
        await api.dispatcher.recover()
        assert drain(broker, "cpu") == []  # queued for less than republish_after: left alone
        with api.store.write_engine.begin() as conn:  # ten minutes pass
            conn.execute(update(JOBS).where(JOBS.c.id == orphan.id).values(updated_at=orphan.updated_at
                                                                            - timedelta(seconds=601)))  # fmt: skip
        await api.dispatcher.recover()  # what its loop does every few seconds
        assert [job_id for job_id, _ in drain(broker, "cpu")] == [orphan.id]
        await api.dispatcher.recover()  # republished at most once per interval
        assert drain(broker, "cpu") == []
    finally:
        await api.stop()


# ---- claims, takeover, fleet tables -----------------------------------------------------------------------------


async def test_claim_by_id_and_the_takeover_rules(db_url: str, tmp_path: Path) -> None:
    service = Service(ServiceConfig(database_url=db_url, data_dir=tmp_path, workers=0))
    await service.start()
    store = service.store
    try:
        job = await service.submit(kind="generate", request=request_for(), model="artboard-v1", dialect="test")
        claimed, how = claim_by_id(store, job.id, "host|1|a", 30, takeover=False)
        assert claimed is not None and how == "claimed" and claimed.attempts == 1
        # A duplicate message while it runs: dropped, unless it was redelivered by RabbitMQ (its holder is gone).
        assert claim_by_id(store, job.id, "host|2|b", 30, takeover=False) == (None, "running elsewhere")
        taken, how = claim_by_id(store, job.id, "host|2|b", 30, takeover=True)
        assert taken is not None and how == "taken over" and taken.attempts == 2
        # The first holder has lost it: its lease renewal and completion both fail.
        assert not store.heartbeat(job.id, "host|1|a", 30)
        assert store.complete(claimed, "host|1|a", [], ttl_seconds=60) is None
        # Without redelivery, only an expired lease allows a takeover (Redis redelivers running jobs).
        assert store.heartbeat(job.id, "host|2|b", -1)
        third, how = claim_by_id(store, job.id, "host|3|c", 30, takeover=False)
        assert third is not None and how == "taken over" and third.attempts == 3
        assert store.cancel(job.id) is not None
        assert claim_by_id(store, job.id, "host|4|d", 30, takeover=True) == (None, "already cancelled")
        assert claim_by_id(store, str(uuid.uuid4()), "host|4|d", 30, takeover=True) == (None, "no such job")
    finally:
        await service.stop()


def test_fleet_heartbeats_and_the_finished_outbox(db_url: str) -> None:
    store = JobStore(db_url)
    store.ensure_schema()
    engine = store.engine
    started = datetime.now(UTC)
    try:
        for name, queues in (("cpu-1@a", ("cpu",)), ("gpu-1@b", ("gpu",))):
            fleet.beat(engine, name=name, host=name[-1], pid=1, queues=queues, concurrency=2, running=0,
                       started_at=started)  # fmt: skip
        fleet.beat(engine, name="cpu-1@a", host="a", pid=1, queues=("cpu",), concurrency=2, running=1,
                   started_at=started)  # fmt: skip
        live = fleet.live(engine, within_seconds=10)
        assert [(w.name, w.queues, w.running) for w in live] == [("cpu-1@a", ("cpu",), 1), ("gpu-1@b", ("gpu",), 0)]
        fleet.leave(engine, "gpu-1@b")
        assert [w.name for w in fleet.live(engine, within_seconds=10)] == ["cpu-1@a"]
        fleet.mark_finished(engine, JOB_ID)
        fleet.mark_finished(engine, JOB_ID)  # twice: still one entry
        assert fleet.take_finished(engine, "api-1") == [JOB_ID]
        assert fleet.take_finished(engine, "api-2") == []  # taken
        assert fleet.take_finished(engine, "api-2", stale_seconds=0) == [JOB_ID]  # its taker died
        fleet.done_finished(engine, [JOB_ID])
        assert fleet.take_finished(engine, "api-2", stale_seconds=0) == []
    finally:
        store.dispose()


# ---- settings ---------------------------------------------------------------------------------------------------


def test_settings_from_environment_and_the_shared_secret(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from artboard.server.settings import load_settings

    monkeypatch.setenv("ARTBOARD_QUEUE_URL", "amqp://guest:guest@127.0.0.1:5672//")
    monkeypatch.setenv("ARTBOARD_STORAGE_URL", "s3://outputs?endpoint=http://127.0.0.1:9&region=r")
    settings = load_settings(None, data_dir=str(tmp_path), queue_prefix="team-a")
    config = settings.to_service_config()
    assert (config.queue_url, config.storage_url, config.queue_prefix) == (
        "amqp://guest:guest@127.0.0.1:5672//", "s3://outputs?endpoint=http://127.0.0.1:9&region=r", "team-a",
    )  # fmt: skip
    with pytest.raises(InvalidParameter) as caught:
        Service(config)  # no signing secret: each machine would generate its own
    assert caught.value.param == "signing_secret"


async def test_health_reports_broker_storage_and_workers(
    s3_env: SeaweedS3, broker: QueueSettings, tmp_path: Path
) -> None:
    config = ServiceConfig(
        database_url=f"sqlite:///{tmp_path / 'a.db'}", data_dir=tmp_path, workers=0, signing_secret=SECRET,
        queue_url=broker.url, queue_prefix=broker.prefix, storage_url=s3_env.url(),
    )  # fmt: skip
    service = Service(config)
    await service.start()
    try:
        fleet.beat(service.store.engine, name="w@h", host="h", pid=1, queues=("cpu", "remote"), concurrency=3,
                   running=2, started_at=datetime.now(UTC) - timedelta(seconds=5))  # fmt: skip
        health: dict[str, Any] = await service.health()
    finally:
        await service.stop()
    assert health["database"] and health["broker"] and health["storage"] and health["workers"]
    pool = health["worker_pool"]
    assert pool["queues"] == ["cpu", "remote"] and pool["running_jobs"] == 2
    assert [w["name"] for w in pool["live_workers"]] == ["w@h"]

    down = Service(
        ServiceConfig(
            database_url=f"sqlite:///{tmp_path / 'b.db'}", data_dir=tmp_path / "b", workers=0, signing_secret=SECRET,
            queue_url="amqp://guest:guest@127.0.0.1:1//", storage_url="s3://x?endpoint=http://127.0.0.1:1&region=r",
        )
    )  # fmt: skip
    await down.start()
    try:
        health = await down.health()
    finally:
        await down.stop()
    assert health["broker"] is False and health["storage"] is False and health["workers"] is False
    assert health["reason"]


def test_worker_commands(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from artboard.cli import main

    runner = CliRunner()
    database = f"sqlite:///{tmp_path / 'a.db'}"
    store = JobStore(database)
    store.ensure_schema()
    fleet.beat(store.engine, name="cpu-1@a", host="a", pid=7, queues=("cpu", "remote"), concurrency=4, running=1,
               started_at=datetime.now(UTC))  # fmt: skip
    store.dispose()
    listed = runner.invoke(main, ["workers", "list", "--json", "--database-url", database, "--data-dir", str(tmp_path)])
    assert listed.exit_code == 0, listed.output
    [row] = json.loads(listed.output)
    assert (row["name"], row["queues"], row["concurrency"], row["running_jobs"]) == ("cpu-1@a", ["cpu", "remote"], 4, 1)
    text = runner.invoke(main, ["workers", "list", "--database-url", database, "--data-dir", str(tmp_path)])
    assert "cpu-1@a" in text.output and "queues=cpu,remote" in text.output
    env = {"ARTBOARD_QUEUE_URL": ""}
    missing = runner.invoke(main, ["worker", "--data-dir", str(tmp_path)], env=env)
    assert missing.exit_code == 2 and "--queue-url" in missing.output
    bad = runner.invoke(main, ["worker", "--queues", "cpu,tpu", "--queue-url", "amqp://x"], env=env)
    assert bad.exit_code == 2 and "--queues" in bad.output and "gpu" in bad.output
