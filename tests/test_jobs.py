"""The durable job system on SQLite and PostgreSQL: submit → run → store, credits, idempotency, claims, files."""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
import threading
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from PIL import Image
from sqlalchemy import select, text

from artboard import engine, models
from artboard.errors import Conflict, InsufficientCredits, InvalidParameter, NotFound, Unauthorized
from artboard.jobs.keys import hash_secret
from artboard.jobs.requests import make_vectorize_request
from artboard.jobs.store import JobStore
from artboard.jobs.tables import KEYS, META, SCHEMA_VERSION, SchemaMismatch
from artboard.jobs.types import Delivery, Job, JobStatus, WebhookConfig
from artboard.manifest import read_manifest
from loopback import LoopbackReceiver
from test_jobs_support import ServiceFactory, request_for, spec_of

pytest_plugins = ["test_jobs_support"]  # the fixtures: db_url (SQLite and PostgreSQL), make_service, fake_backends
pytestmark = pytest.mark.anyio


async def eventually(check: Callable[[], bool], what: str, timeout: float = 5.0) -> None:
    """For what the worker does right after recording a job's outcome (which wait() may see first, by polling)."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"not {what} after {timeout}s"
        await asyncio.sleep(0.02)


async def gone(path: Path) -> None:
    await eventually(lambda: not path.exists(), f"{path} deleted")


async def submit(service: Any, request: dict[str, Any] | None = None, **kwargs: Any) -> Job:
    kwargs.setdefault("model", "artboard-v1")
    kwargs.setdefault("dialect", "test")
    job: Job = await service.submit(kind=kwargs.pop("kind", "generate"), request=request or request_for(), **kwargs)
    return job


async def test_submit_wait_succeeds_with_intact_artifacts(make_service: ServiceFactory) -> None:
    service = make_service()
    await service.start()
    key, _ = service.keys.create("alice", credits=100)
    request = request_for(n=2)
    job = await submit(service, request, key_id=key.id)
    assert job.status is JobStatus.QUEUED and job.credits == 20 and job.cost_usd == pytest.approx(0.08)
    done = await service.wait(job.id, timeout=60)
    assert done.status is JobStatus.SUCCEEDED, done.error
    assert done.progress == 1.0 and done.attempts == 1 and len(done.artifacts) == 2
    assert done.finished_at is not None and done.expires_at is not None
    assert done.expires_at - done.finished_at == timedelta(seconds=service.config.default_ttl_seconds)
    assert done.created_at.tzinfo is not None and done.finished_at.utcoffset() == timedelta(0)

    reference = engine.run(spec_of(request))
    for artifact, expected in zip(done.artifacts, reference, strict=True):
        data = service.read_artifact(artifact.key)
        assert data == expected.data  # byte-identical to the Python API for the same spec
        assert hashlib.sha256(data).hexdigest() == artifact.sha256 and len(data) == artifact.bytes
        assert read_manifest(data) == artifact.manifest == expected.manifest
        assert artifact.seed == expected.seed and artifact.media_type == "image/png" and not artifact.nsfw
        assert artifact.key.endswith(f"/{done.id}/{artifact.index}.png")
        assert (service.config.data_dir / "files" / artifact.key).is_file()
    assert done.artifacts[0].image_id != done.artifacts[1].image_id

    assert service.keys.balance(key.id) == 80
    assert [(r["delta"], r["reason"]) for r in service.store.ledger(job_id=job.id)] == [(-20, "charge")]
    url = service.artifact_url(done, done.artifacts[0])
    query = parse_qs(urlparse(url).query)
    assert url.startswith(f"http://127.0.0.1:8000/files/{done.artifacts[0].key}?")
    assert int(query["expires"][0]) == int(done.expires_at.timestamp())
    assert service.verify_signed(done.artifacts[0].key, int(query["expires"][0]), query["sig"][0])


async def test_unseeded_request_gets_a_seed_at_submit(make_service: ServiceFactory) -> None:
    service = make_service(workers=0)
    request = request_for(seed=None)
    assert request["seed"] is None
    job = await submit(service, request)
    assert isinstance(job.request["seed"], int)  # a re-run after a restart draws the same images


async def test_progress_is_reported_per_image(make_service: ServiceFactory) -> None:
    service = make_service(workers=1)
    await service.start()
    job = await submit(service, request_for(n=4))
    seen = [(j.status, j.progress, len(j.artifacts)) async for j in service.watch(job.id)]
    assert seen[-1] == (JobStatus.SUCCEEDED, 1.0, 4)
    running = [s for s in seen if s[0] is JobStatus.RUNNING]
    assert [s[1] for s in running if s[1] > 0] == [0.25, 0.5, 0.75, 1.0]
    assert [s[2] for s in running if s[1] > 0] == [1, 2, 3, 4]


async def test_two_claimers_one_winner(make_service: ServiceFactory, db_url: str) -> None:
    service = make_service(workers=0)  # accepts jobs, runs none: the claimers below compete for them
    jobs = [await submit(service) for _ in range(12)]
    stores = [JobStore(db_url) for _ in range(4)]
    barrier = threading.Barrier(len(stores))
    won: dict[int, list[str]] = {i: [] for i in range(len(stores))}

    def claimer(i: int) -> None:
        barrier.wait()
        while (job := stores[i].claim(f"claimer-{i}", 30)) is not None:
            won[i].append(job.id)

    threads = [threading.Thread(target=claimer, args=(i,)) for i in range(len(stores))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    claimed = [job_id for ids in won.values() for job_id in ids]
    assert sorted(claimed) == sorted(j.id for j in jobs)  # every job claimed exactly once
    for i, ids in won.items():
        for job_id in ids:
            row = await service.get(job_id)
            assert row.status is JobStatus.RUNNING and row.attempts == 1
            assert stores[(i + 1) % len(stores)].complete(row, "someone-else", [], ttl_seconds=1) is None
    for store in stores:
        store.dispose()


async def test_idempotency(make_service: ServiceFactory) -> None:
    service = make_service(workers=0)
    key, _ = service.keys.create("k", credits=1000)
    other, _ = service.keys.create("other", credits=1000)
    first = await submit(service, request_for(n=2), key_id=key.id, idempotency_key="task-1")
    again = await submit(service, request_for(n=2), key_id=key.id, idempotency_key="task-1")
    assert again.id == first.id
    with pytest.raises(Conflict):
        await submit(service, request_for(n=3), key_id=key.id, idempotency_key="task-1")
    elsewhere = await submit(service, request_for(n=2), key_id=other.id, idempotency_key="task-1")
    assert elsewhere.id != first.id
    assert service.keys.balance(key.id) == 980  # charged once

    # Concurrent resubmissions (a client retrying fast) still make one job and one charge.
    racing = await asyncio.gather(
        *(submit(service, request_for(), key_id=key.id, idempotency_key="race") for _ in range(6))
    )
    assert len({j.id for j in racing}) == 1
    assert service.keys.balance(key.id) == 970

    # Without a key (auth disabled) the idempotency key is still unique.
    anon = [await submit(service, request_for(), idempotency_key="anon") for _ in range(2)]
    assert anon[0].id == anon[1].id


async def test_insufficient_credits_store_nothing(make_service: ServiceFactory) -> None:
    service = make_service(workers=0)
    key, _ = service.keys.create("poor", credits=15)
    with pytest.raises(InsufficientCredits) as info:
        await submit(service, request_for(n=2), key_id=key.id, idempotency_key="x")
    assert info.value.status == 402 and info.value.details == {"required": 20, "balance": 15}
    assert await service.list_jobs(key_id=key.id) == []
    assert service.keys.balance(key.id) == 15
    assert [r["reason"] for r in service.keys.ledger(key.id)] == ["initial"]

    # Parallel submissions never overdraw: 35 credits buy exactly three 10-credit jobs.
    service.keys.top_up(key.id, 20)
    results = await asyncio.gather(*(submit(service, key_id=key.id) for _ in range(6)), return_exceptions=True)
    assert sum(isinstance(r, Job) for r in results) == 3
    assert all(isinstance(r, InsufficientCredits) for r in results if not isinstance(r, Job))
    assert service.keys.balance(key.id) == 5

    revoked, _ = service.keys.create("gone", credits=100)
    service.keys.revoke(revoked.id)
    with pytest.raises(Unauthorized):
        await submit(service, key_id=revoked.id)


async def test_failure_inside_the_worker_is_refunded_once(
    make_service: ServiceFactory, fake_backends: dict[str, Any]
) -> None:
    service = make_service()
    await service.start()
    key, _ = service.keys.create("k", credits=100)
    job = await submit(service, request_for(n=3, backend="failing-test"), key_id=key.id)
    done = await service.wait(job.id, timeout=60)
    assert done.status is JobStatus.FAILED
    assert done.error is not None and (done.error.code, done.error.status) == ("backend_error", 502)
    assert "fails at image 1" in done.error.message
    assert done.artifacts == ()
    await gone(service.config.data_dir / "files" / f"{done.created_at:%Y/%m/%d}" / job.id)
    assert service.keys.balance(key.id) == 100
    ledger = [(r["delta"], r["reason"]) for r in service.store.ledger(job_id=job.id)]
    assert ledger == [(-30, "charge"), (30, "refund")]
    # A repeated transition cannot refund again.
    assert service.store.cancel(job.id) is None
    assert service.store.fail(job.id, done.error) is None
    with pytest.raises(Conflict):
        await service.cancel(job.id)
    assert service.keys.balance(key.id) == 100

    crash = await submit(service, request_for(backend="crashing-test"), key_id=key.id)
    crashed = await service.wait(crash.id, timeout=60)
    assert crashed.error is not None and crashed.error.code == "internal_error" and crashed.error.status == 500
    assert service.keys.balance(key.id) == 100


async def test_cancel_queued_and_running(make_service: ServiceFactory, fake_backends: dict[str, Any]) -> None:
    idle = make_service(workers=0)
    key, _ = idle.keys.create("k", credits=1000)
    queued = await submit(idle, key_id=key.id)
    cancelled = await idle.cancel(queued.id, key_id=key.id)
    assert cancelled.status is JobStatus.CANCELLED and cancelled.finished_at is not None
    assert (await idle.cancel(queued.id)).status is JobStatus.CANCELLED  # repeat: no error, no second refund
    assert idle.keys.balance(key.id) == 1000
    with pytest.raises(NotFound):
        await idle.cancel(queued.id, key_id=str(uuid.uuid4()))

    service = make_service()
    await service.start()
    running = await submit(service, request_for(n=10, backend="slow-test"), key_id=key.id)
    async for snapshot in service.watch(running.id):
        if snapshot.progress > 0:
            break
    stopped = await service.cancel(running.id, key_id=key.id)
    assert stopped.status is JobStatus.CANCELLED and stopped.artifacts == ()
    await asyncio.sleep(0.8)  # the image in flight finishes; the worker must notice and stop
    after = await service.get(running.id)
    assert after.status is JobStatus.CANCELLED and after.progress < 1
    assert service.dispatcher is not None and service.dispatcher.running == []
    await gone(service.config.data_dir / "files" / f"{after.created_at:%Y/%m/%d}" / running.id)
    assert service.keys.balance(key.id) == 1000
    assert [r["reason"] for r in service.store.ledger(job_id=running.id)] == ["charge", "refund"]


async def test_ttl_expiry_deletes_files_and_refuses_urls(make_service: ServiceFactory) -> None:
    service = make_service()
    await service.start()
    job = await submit(service, delivery=Delivery(ttl_seconds=1))
    done = await service.wait(job.id, timeout=60)
    assert done.status is JobStatus.SUCCEEDED
    artifact = done.artifacts[0]
    query = parse_qs(urlparse(service.artifact_url(done, artifact)).query)
    expires, sig = int(query["expires"][0]), query["sig"][0]
    assert service.verify_signed(artifact.key, expires, sig)
    assert await service.sweep() == 0  # not yet expired
    assert service.read_artifact(artifact.key)

    await asyncio.sleep(max(0.0, done.expires_at.timestamp() - time.time()) + 1.1)  # type: ignore[union-attr]
    assert not service.verify_signed(artifact.key, expires, sig)
    assert await service.sweep() == 1
    with pytest.raises(NotFound):
        service.read_artifact(artifact.key)
    assert not (service.config.data_dir / "files" / artifact.key).exists()
    assert (await service.get(job.id)).files_expired
    assert await service.sweep() == 0


async def test_signed_urls_refuse_tampering(make_service: ServiceFactory) -> None:
    service = make_service(workers=0, signing_secret=b"s" * 32)
    key = f"2030/01/02/{uuid.uuid4()}/0.png"
    url = service.signed_url(key, expires_at=time.time() + 60)
    query = parse_qs(urlparse(url).query)
    expires, sig = int(query["expires"][0]), query["sig"][0]
    assert service.verify_signed(key, expires, sig)
    assert service.verify_signed(key, expires, sig.upper())
    assert not service.verify_signed(key, expires + 1, sig)
    assert not service.verify_signed(key.replace("0.png", "1.png"), expires, sig)
    assert not service.verify_signed(key, expires, sig[:-1] + ("0" if sig[-1] != "0" else "1"))
    assert not service.verify_signed(key, expires, "")
    assert not service.verify_signed(key, expires, "é" * 64)
    assert not service.verify_signed("../secret.key", expires, sig)
    other = make_service(workers=0, signing_secret=b"t" * 32)
    assert not other.verify_signed(key, expires, sig)
    for bad in ("../secret.key", "2030/01/02/x/../../../../secret.key", "/etc/passwd", "artboard.db"):
        with pytest.raises(NotFound):
            service.read_artifact(bad)


async def test_signing_secret_is_generated_once_and_private(make_service: ServiceFactory, tmp_path: Path) -> None:
    first = make_service(workers=0)
    second = make_service(workers=0)
    path = tmp_path / "data" / "secret.key"
    assert first.signing_secret == second.signing_secret == path.read_bytes() and len(first.signing_secret) == 32
    assert path.stat().st_mode & 0o777 == 0o600


async def test_keys(make_service: ServiceFactory, db_url: str) -> None:
    service = make_service(workers=0)
    key, secret = service.keys.create("ci", rate_limit_per_minute=30)
    assert secret.startswith("ab_") and len(secret) > 40 and key.prefix == secret[: len(key.prefix)]
    assert key.credits == service.config.initial_credits and key.rate_limit_per_minute == 30
    assert service.keys.verify(secret) == key
    with service.store.engine.connect() as conn:
        stored = conn.execute(select(KEYS.c.secret_hash).where(KEYS.c.id == key.id)).scalar_one()
    assert stored == hash_secret(secret) and secret not in stored
    for bad in ("", "ab_nope", secret + "x"):
        with pytest.raises(Unauthorized):
            service.keys.verify(bad)
    assert service.keys.top_up(key.id, 50) == 10_050
    with pytest.raises(InvalidParameter):
        service.keys.top_up(key.id, -20_000)
    assert [k.id for k in service.keys.list()] == [key.id]
    assert service.keys.revoke(key.prefix).revoked
    with pytest.raises(Unauthorized):
        service.keys.verify(secret)
    with pytest.raises(NotFound):
        service.keys.revoke("ab_missing")
    reasons = [(r["delta"], r["reason"]) for r in service.keys.ledger(key.id)]
    assert reasons == [(10_000, "initial"), (50, "top_up")]


async def test_list_and_get_are_scoped_to_the_key(make_service: ServiceFactory) -> None:
    service = make_service(workers=0)
    mine, _ = service.keys.create("mine")
    theirs, _ = service.keys.create("theirs")
    jobs = [await submit(service, key_id=mine.id) for _ in range(5)]
    foreign = await submit(service, key_id=theirs.id)
    pages: list[str] = []
    before: str | None = None
    while page := await service.list_jobs(key_id=mine.id, limit=2, before=before):
        pages.extend(j.id for j in page)
        before = page[-1].id
    assert pages == [j.id for j in reversed(jobs)]
    assert len(await service.list_jobs(key_id=None, limit=100)) == 6
    with pytest.raises(NotFound):
        await service.get(foreign.id, key_id=mine.id)
    with pytest.raises(NotFound):
        await service.get("no-such-job")
    assert (await service.get(foreign.id, key_id=theirs.id)).id == foreign.id


async def test_vectorize_job(make_service: ServiceFactory) -> None:
    service = make_service()
    await service.start()
    buffer = io.BytesIO()
    image = Image.new("RGB", (96, 64), "white")
    image.paste((200, 30, 30), (20, 10, 70, 50))
    image.save(buffer, "PNG")
    request = make_vectorize_request(buffer.getvalue(), palette="#c81e1e,#ffffff", max_shapes=50).to_request()
    job = await submit(service, request, kind="vectorize", model="vectorize")
    assert job.credits == models.VECTORIZE_CREDITS
    done = await service.wait(job.id, timeout=60)
    assert done.status is JobStatus.SUCCEEDED, done.error
    svg = service.read_artifact(done.artifacts[0].key)
    assert svg.startswith(b"<svg") or b"<svg" in svg[:200]
    assert done.artifacts[0].format == "svg" and read_manifest(svg) == done.artifacts[0].manifest
    with pytest.raises(InvalidParameter):
        await submit(service, {"image": {"data": "bm90IGFuIGltYWdl"}}, kind="vectorize", model="vectorize")


async def test_quote_prices_without_storing(make_service: ServiceFactory) -> None:
    service = make_service(workers=0)
    quote = service.quote(kind="generate", request=request_for(n=3, tier="pro"), model="recraftv4_pro_vector")
    assert (quote.model, quote.images, quote.credits) == ("artboard-v1-pro-vector", 3, 210)
    assert quote.usd == pytest.approx(210 * models.USD_PER_CREDIT)
    with pytest.raises(InvalidParameter):
        service.quote(kind="generate", request=request_for(), model="no-such-model")
    with pytest.raises(InvalidParameter):
        service.quote(kind="generate", request={**request_for(), "n": 99}, model="artboard-v1")
    with pytest.raises(InvalidParameter):
        await submit(service, request_for(backend="no-such-backend"))
    assert await service.list_jobs(key_id=None) == []


class RecordingSender:
    def __init__(self) -> None:
        self.finished: list[tuple[Job, list[dict[str, Any]]]] = []
        self.replayed: list[tuple[Job, list[dict[str, Any]]]] = []

    async def job_finished(self, job: Job, payloads: list[dict[str, Any]]) -> None:
        self.finished.append((job, payloads))

    async def replay(self, job: Job, payloads: list[dict[str, Any]]) -> None:
        self.replayed.append((job, payloads))


async def test_webhooks_get_payloads_from_the_dialect_builder(make_service: ServiceFactory) -> None:
    service = make_service()
    sender = RecordingSender()
    service.webhooks = sender
    await service.start()
    hook = Delivery(webhook=WebhookConfig(url="https://hooks.example/x"))
    job = await service.wait((await submit(service, request_for(n=2), delivery=hook)).id, timeout=60)
    await eventually(lambda: len(sender.finished) == 1, "queued the webhook")
    assert [j.id for j, _ in sender.finished] == [job.id]
    payloads = sender.finished[0][1]
    assert [p["index"] for p in payloads] == [0, 1] and payloads[0]["status"] == "succeeded"
    assert payloads[0]["image_url"] == service.artifact_url(job, job.artifacts[0])
    assert payloads[1]["seed"] == job.artifacts[1].seed and payloads[0]["manifest"] == job.artifacts[0].manifest

    service.payload_builders["custom"] = lambda j: [{"custom": j.id}]
    once = Delivery(webhook=WebhookConfig("https://h.example", per_image=False))
    custom = await submit(service, dialect="custom", delivery=once)
    await service.wait(custom.id, timeout=60)
    await eventually(lambda: len(sender.finished) == 2, "queued the webhook")
    assert sender.finished[-1][1] == [{"custom": custom.id}]
    await service.replay_webhook(custom.id)
    assert sender.replayed == [(await service.get(custom.id), [{"custom": custom.id}])]
    with pytest.raises(Conflict):
        await service.replay_webhook((await submit(service)).id)  # no webhook configured


async def test_upload_endpoint_put_and_failure(make_service: ServiceFactory) -> None:
    service = make_service()
    calls: list[tuple[str, bytes, str, dict[str, Any]]] = []

    async def put_bytes(url: str, data: bytes, content_type: str, **kwargs: Any) -> int:
        if "broken" in url:
            raise InvalidParameter("upload endpoint refused", param="uploadEndpoint")
        calls.append((url, data, content_type, kwargs))
        return 200

    service.put_bytes = put_bytes
    await service.start()
    key, _ = service.keys.create("k", credits=100)
    ok = await submit(service, request_for(n=2), key_id=key.id, delivery=Delivery(upload_url="https://up.example/a"))
    done = await service.wait(ok.id, timeout=60)
    assert done.status is JobStatus.SUCCEEDED
    assert [c[1] for c in calls] == [service.read_artifact(a.key) for a in done.artifacts]
    assert calls[0][2] == "image/png" and calls[0][3]["attempts"] == 3
    bad = await submit(service, key_id=key.id, delivery=Delivery(upload_url="https://broken.example/a"))
    failed = await service.wait(bad.id, timeout=60)
    assert failed.status is JobStatus.FAILED and failed.error is not None and failed.error.param == "uploadEndpoint"
    assert service.keys.balance(key.id) == 80


async def test_schema_version_is_recorded_and_checked(make_service: ServiceFactory, db_url: str) -> None:
    service = make_service(workers=0)
    await service.start()
    with service.store.engine.begin() as conn:
        assert conn.execute(select(META.c.value).where(META.c.key == "schema_version")).scalar_one() == str(
            SCHEMA_VERSION
        )
        conn.execute(text("UPDATE artboard_meta SET value = '999' WHERE key = 'schema_version'"))
    with pytest.raises(SchemaMismatch):
        JobStore(db_url).ensure_schema()


async def test_health(make_service: ServiceFactory) -> None:
    service = make_service()
    await service.start()
    health = await service.health()
    assert health["database"] is True and health["workers"] is True


async def test_worker_processes(make_service: ServiceFactory) -> None:
    """The default pool: spawned processes (the other tests use threads for speed and test backends)."""
    service = make_service(extra={"inline_workers": False, "warm_workers": True})
    await service.start()
    request = request_for(n=2, format="webp", quality=80)
    jobs = [await submit(service, request), await submit(service, request_for(n=1, seed=3))]
    done = [await service.wait(j.id, timeout=120) for j in jobs]
    assert [d.status for d in done] == [JobStatus.SUCCEEDED] * 2, [d.error for d in done]
    expected = engine.run(spec_of(request))
    assert [service.read_artifact(a.key) for a in done[0].artifacts] == [a.data for a in expected]
    assert done[0].artifacts[0].media_type == "image/webp"


async def test_real_webhooks_and_uploads_reach_a_loopback_receiver(
    make_service: ServiceFactory, receiver: LoopbackReceiver
) -> None:
    webhooks = pytest.importorskip("artboard.jobs.webhooks")
    service = make_service(fetch_allow=("127.0.0.1",))
    await service.start()
    assert service.webhooks is not None and service.put_bytes is not None
    delivery = Delivery(upload_url=receiver.at("/upload"), webhook=WebhookConfig(url=receiver.at("/hook")))
    job = await service.wait((await submit(service, request_for(n=2), delivery=delivery)).id, timeout=60)
    assert job.status is JobStatus.SUCCEEDED, job.error
    requests = receiver.hits
    await eventually(lambda: len(requests) == 4, "2 uploads and 2 webhooks received", timeout=15)
    puts = [r for r in requests if r[0] == "PUT"]
    assert [r[3] for r in puts] == [service.read_artifact(a.key) for a in job.artifacts]
    hooks = sorted((r for r in requests if r[0] == "POST"), key=lambda r: json.loads(r[3])["index"])
    for (_, path, headers, body), artifact in zip(hooks, job.artifacts, strict=True):
        assert path == "/hook" and webhooks.verify(service.signing_secret, headers["Artboard-Signature"], body)
        payload = json.loads(body)
        assert payload["job_id"] == job.id and payload["image_url"] == service.artifact_url(job, artifact)


async def test_routing_preferences_reach_the_engine(
    make_service: ServiceFactory, fake_backends: dict[str, Any]
) -> None:
    """A dialect's provider preferences (meta["provider"]) steer the engine's router inside the worker."""
    service = make_service()
    await service.start()
    job = await submit(service, meta={"provider": {"only": ["slow-test"]}})
    done = await service.wait(job.id, timeout=60)
    assert done.status is JobStatus.SUCCEEDED, done.error
    assert done.artifacts[0].manifest["backend"] == "slow-test"


@pytest.mark.parametrize("returning", [True, False], ids=["update-returning", "select-update-select"])
async def test_store_answers_are_the_stored_rows(
    make_service: ServiceFactory, db_url: str, returning: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """insert/claim/complete answer without reading the row back (or, for the claim, in one UPDATE … RETURNING):
    what they return must be exactly what a fresh read finds. The second case is the claim for SQLite builds
    older than 3.35 (no RETURNING)."""
    from artboard.jobs import store as store_module
    from artboard.jobs.types import StoredArtifact

    if not returning and db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL always has RETURNING")
    monkeypatch.setattr(store_module, "_SQLITE_RETURNING", returning)
    service = make_service(workers=0)  # nothing claims but this test
    key, _ = service.keys.create("carol", credits=100)
    first = await submit(service, key_id=key.id, idempotency_key="one", meta={"route": "test"})
    second = await submit(service, key_id=key.id)
    store = service.store
    assert first == store.get(first.id) and second == store.get(second.id)

    claimed = store.claim("worker-a", 30)
    assert claimed is not None and claimed.id == first.id  # oldest first
    assert claimed == store.get(first.id) and claimed.status is JobStatus.RUNNING and claimed.attempts == 1
    artifact = StoredArtifact(
        index=0, key="k/0.png", media_type="image/png", format="png", width=1024, height=1024, seed=7, bytes=3,
        sha256="x" * 64, image_id=str(uuid.uuid4()), manifest={"prompt": "p", "nested": {"a": [1, 2]}}, nsfw=False,
    )  # fmt: skip
    assert store.complete(claimed, "worker-b", [artifact], ttl_seconds=60) is None  # not the owner
    done = store.complete(claimed, "worker-a", [artifact], ttl_seconds=60)
    assert done is not None and done == store.get(first.id)
    assert done.status is JobStatus.SUCCEEDED and done.artifacts == (artifact,) and done.progress == 1.0
    assert store.claim("worker-a", 30) == store.get(second.id)
    assert store.claim("worker-a", 30) is None
    assert service.keys.balance(key.id) == 80


async def test_requeue_counts_only_started_attempts(make_service: ServiceFactory) -> None:
    """A graceful stop hands running jobs back as attempts made; a claim that raced the stop (the job never
    started) is handed back without counting, so a stop-start cycle never eats into max_attempts."""
    service = make_service(workers=0)
    job = await submit(service)
    store = service.store
    assert store.requeue(job.id, "nobody") is False  # only the owner can hand a job back
    claimed = store.claim("worker-a", 30)
    assert claimed is not None and claimed.attempts == 1
    assert store.requeue(job.id, "worker-a", started=False)
    again = store.get(job.id)
    assert again is not None and again.status is JobStatus.QUEUED and again.attempts == 0
    claimed = store.claim("worker-b", 30)
    assert claimed is not None and claimed.attempts == 1
    assert store.requeue(job.id, "worker-b")
    after = store.get(job.id)
    assert after is not None and after.status is JobStatus.QUEUED and after.attempts == 1


async def test_graceful_stop_with_prefetch_never_claims_a_requeued_job(
    make_service: ServiceFactory, fake_backends: dict[str, Any]
) -> None:
    """With prefetch the claim loop polls while a job runs; stop() ends it before requeueing, so the job comes
    back queued with at most the one attempt it made, however the two race (a slow claim makes the race
    certain)."""
    for _ in range(2):
        service = make_service(workers=1, extra={"prefetch": 1, "poll_interval": 0.001})
        plain_claim = service.store.claim

        def slow_claim(worker_id: str, lease_seconds: float, plain: Any = plain_claim) -> Job | None:
            time.sleep(0.2)  # in the claim's thread: the stop's requeue lands while this claim is under way
            return plain(worker_id, lease_seconds)  # type: ignore[no-any-return]

        service.store.claim = slow_claim  # type: ignore[method-assign]
        await service.start()
        job = await service.submit(
            kind="generate", request=request_for(n=2, backend="slow-test"), model="artboard-v1", dialect="test"
        )
        while (await service.get(job.id)).status is not JobStatus.RUNNING:
            await asyncio.sleep(0.01)
        await service.stop()
        row = await service.get(job.id)
        # One attempt if it had started, none if the stop caught its claim before the run began: never two.
        assert row.status is JobStatus.QUEUED and row.attempts <= 1
