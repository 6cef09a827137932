"""Webhook signatures, the delivery log and the sender's retries, replay and restart resume.

Traffic goes only to a loopback server started here, allow-listed explicitly; an autouse fixture fails any test
whose code tries to connect or resolve a name outside loopback.
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from artboard.errors import Conflict, InvalidParameter
from artboard.jobs import deliveries
from artboard.jobs.db import Base, make_engine
from artboard.jobs.deliveries import create_deliveries, list_deliveries, record_attempt
from artboard.jobs.types import Delivery, Job, JobStatus, WebhookConfig
from artboard.jobs.webhooks import WebhookSender, sign, signature, validate_webhook_url, verify
from loopback import LoopbackReceiver

SECRET = b"whsec-test-secret"
ALLOW = ("127.0.0.1/32",)


# ------------------------------------------------------------------------------------------- loopback-only network
@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    blocked: list[Any] = []
    real_connect = socket.socket.connect
    real_getaddrinfo = socket.getaddrinfo

    def connect(self: socket.socket, address: Any) -> None:
        if not isinstance(address, (str, bytes)) and not ipaddress.ip_address(str(address[0])).is_loopback:
            blocked.append(address)
            raise OSError(f"test network rule: refused to connect to {address!r}")
        real_connect(self, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host not in ("127.0.0.1", "::1", b"127.0.0.1", None):
            blocked.append(host)
            raise socket.gaierror(f"test network rule: no real DNS lookups ({host!r})")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    yield
    assert not blocked, f"the code under test tried to leave loopback: {blocked}"


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'hooks.db'}")
    Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


def make_job(url: str | None, *, status: JobStatus = JobStatus.SUCCEEDED, job_id: str = "job-1") -> Job:
    now = datetime.now(UTC)
    return Job(
        id=job_id,
        kind="generate",
        status=status,
        key_id=None,
        model="artboard-v1",
        dialect="runware",
        request={},
        meta={},
        credits=10,
        cost_usd=0.01,
        created_at=now,
        updated_at=now,
        delivery=Delivery(webhook=WebhookConfig(url=url) if url else None),
    )


def payloads(n: int) -> list[dict[str, Any]]:
    return [{"taskType": "imageInference", "taskUUID": "t-1", "imageUUID": f"img-{i}", "seed": i} for i in range(n)]


async def run_sender(engine: Engine, step: Callable[[WebhookSender], Any], **kwargs: Any) -> Any:
    """Create a sender inside the running loop, run `step`, wait for its deliveries, close it."""
    options: dict[str, Any] = {"secret": SECRET, "allow": ALLOW, "base_delay": 0.01, **kwargs}
    sender = WebhookSender(engine, **options)
    try:
        result = await step(sender)
        await asyncio.wait_for(sender.join(), timeout=30)  # bounded: a bug cannot hang the suite
        return result
    finally:
        await sender.aclose()


# --------------------------------------------------------------------------------------------------- signatures
def test_sign_and_verify() -> None:
    body = b'{"imageUUID":"a"}'
    header = sign(SECRET, 1_700_000_000, body)
    assert header == f"t=1700000000,v1={signature(SECRET, 1_700_000_000, body)}"
    assert verify(SECRET, header, body, now=1_700_000_100)
    assert verify(SECRET.decode(), header, body.decode(), now=1_700_000_100)  # str forms are accepted too
    assert not verify(SECRET, header, b'{"imageUUID":"b"}', now=1_700_000_100)  # tampered body
    assert not verify(b"other-secret", header, body, now=1_700_000_100)
    assert not verify(SECRET, header, body, now=1_700_000_301)  # stale
    assert not verify(SECRET, header, body, now=1_700_000_000 - 301)  # from the future
    assert verify(SECRET, header, body, now=1_700_000_000 + 1000, tolerance=3600)
    assert not verify(SECRET, header.replace("t=1700000000", "t=1700000050"), body, now=1_700_000_050)
    for bad in ("", "v1=abc", "t=1700000000", "t=abc,v1=00", "garbage", None):
        assert not verify(SECRET, bad, body, now=1_700_000_000)
    # secret rotation: any of several v1 entries may match
    rotated = f"t=1700000000,v1={signature(b'old', 1_700_000_000, body)},v1={signature(SECRET, 1_700_000_000, body)}"
    assert verify(SECRET, rotated, body, now=1_700_000_000)
    assert verify(SECRET, sign(SECRET, int(time.time()), body), body)  # default now


def test_validate_webhook_url() -> None:
    validate_webhook_url("http://127.0.0.1:9/hook", ALLOW)
    validate_webhook_url("https://hooks.test/x", resolver=lambda host: ["93.184.216.34"])
    with pytest.raises(InvalidParameter, match="private address") as info:
        validate_webhook_url("https://hooks.test/x", resolver=lambda host: ["10.0.0.1"])
    assert info.value.param == "webhookURL"
    with pytest.raises(InvalidParameter, match="loopback"):
        validate_webhook_url("http://127.0.0.1:9/hook")


# ---------------------------------------------------------------------------------------------------- the log
def test_delivery_log_roundtrip(engine: Engine) -> None:
    ids = create_deliveries(engine, job_id="j", url="http://x.test/", event="job.succeeded", payloads=["{}", "[]"])
    now = datetime.now(UTC)
    record_attempt(
        engine, ids[0], attempt=1, started_at=now, duration_ms=3, response_status=500, error="HTTP 500",
        outcome="retry", next_attempt_at=now,
    )  # fmt: skip
    record_attempt(
        engine, ids[0], attempt=2, started_at=now, duration_ms=3, response_status=200, error=None, outcome="succeeded"
    )
    first, second = list_deliveries(engine, "j")
    assert (first.id, first.status, first.attempt, first.response_status) == (ids[0], "succeeded", 2, 200)
    assert [(a.attempt, a.outcome, a.response_status) for a in first.attempts] == [
        (1, "retry", 500),
        (2, "succeeded", 200),
    ]
    assert first.next_attempt_at is None and first.created_at.tzinfo is not None
    assert (second.status, second.attempt, second.payload) == ("pending", 0, "[]")
    assert [d.id for d in deliveries.pending_deliveries(engine)] == [ids[1]]
    assert list_deliveries(engine, "other") == []
    assert deliveries.purge_deliveries(engine, finished_before=datetime(2999, 1, 1, tzinfo=UTC)) == 1
    assert [d.id for d in list_deliveries(engine, "j")] == [ids[1]]


# ------------------------------------------------------------------------------------------------- the sender
def test_sender_retries_on_500_and_records_each_attempt(engine: Engine, receiver: LoopbackReceiver) -> None:
    receiver.answer = lambda hit, n: 500 if n <= 2 else 200
    job = make_job(receiver.at())
    asyncio.run(run_sender(engine, lambda s: s.job_finished(job, payloads(2))))
    log = list_deliveries(engine, job.id)
    ids = [d.id for d in log]
    assert len(ids) == 2 and [json.loads(d.payload)["imageUUID"] for d in log] == ["img-0", "img-1"]
    for record in log:
        assert (record.status, record.attempt, record.response_status, record.error) == ("succeeded", 3, 200, None)
        assert [(a.attempt, a.response_status, a.outcome) for a in record.attempts] == [
            (1, 500, "retry"),
            (2, 500, "retry"),
            (3, 200, "succeeded"),
        ]
        hits = receiver.for_delivery(record.id)
        assert [h.headers["artboard-attempt"] for h in hits] == ["1", "2", "3"]
        assert len({h.body for h in hits}) == 1  # the same bytes on every attempt
        for hit in hits:
            assert verify(SECRET, hit.headers["artboard-signature"], hit.body)
            assert hit.headers["artboard-event"] == "job.succeeded"
            assert hit.headers["artboard-job"] == job.id
            assert hit.headers["content-type"] == "application/json"
    bodies = sorted(json.loads(receiver.for_delivery(i)[0].body)["imageUUID"] for i in ids)
    assert bodies == ["img-0", "img-1"]  # one POST per payload


def test_sender_permanent_failure_and_giving_up(engine: Engine, receiver: LoopbackReceiver) -> None:
    receiver.answer = lambda hit, n: 410 if hit.path == "/gone" else 503
    gone = make_job(receiver.at("/gone"), job_id="gone")
    down = make_job(receiver.at("/down"), job_id="down")

    async def both(sender: WebhookSender) -> None:
        await sender.job_finished(gone, payloads(1))
        await sender.job_finished(down, payloads(1))

    asyncio.run(run_sender(engine, both, max_attempts=3))
    (g,) = list_deliveries(engine, "gone")
    assert (g.status, g.attempt, g.response_status) == ("failed", 1, 410)  # a 4xx is final
    assert "410" in (g.error or "")
    (d,) = list_deliveries(engine, "down")
    assert (d.status, d.attempt, d.response_status) == ("failed", 3, 503)
    assert "gave up after 3 attempts" in (d.error or "")
    assert [a.outcome for a in d.attempts] == ["retry", "retry", "failed"]


def test_send_time_guard_refuses_a_name_that_now_points_inside(engine: Engine) -> None:
    # Accepted at submit time, but by send time the name resolves to a private address: refused, never connected.
    job = make_job("https://hooks.test/h")
    asyncio.run(run_sender(engine, lambda s: s.job_finished(job, payloads(1)), resolver=lambda host: ["10.0.0.1"]))
    (record,) = list_deliveries(engine, job.id)
    assert (record.status, record.attempt, record.response_status) == ("failed", 1, None)
    assert "private address" in (record.error or "")


def test_replay_resends_as_new_deliveries(engine: Engine, receiver: LoopbackReceiver) -> None:
    job = make_job(receiver.at())
    asyncio.run(run_sender(engine, lambda s: s.job_finished(job, payloads(2))))
    first = {d.id for d in list_deliveries(engine, job.id)}
    asyncio.run(run_sender(engine, lambda s: s.replay(job, payloads(2))))
    log = list_deliveries(engine, job.id)
    again = {d.id for d in log} - first
    assert len(first) == 2 and len(again) == 2
    assert len(log) == 4 and all(d.status == "succeeded" for d in log)
    assert sorted(d.replay for d in log) == [False, False, True, True]
    assert len(receiver.hits) == 4
    assert {h.headers["artboard-delivery"] for h in receiver.hits} == first | again

    with pytest.raises(Conflict, match="not finished"):
        asyncio.run(run_sender(engine, lambda s: s.replay(make_job(receiver.at(), status=JobStatus.RUNNING), [])))
    with pytest.raises(Conflict, match="no webhook"):
        asyncio.run(run_sender(engine, lambda s: s.replay(make_job(None), payloads(1))))


def test_no_webhook_configured_sends_nothing(engine: Engine, receiver: LoopbackReceiver) -> None:
    asyncio.run(run_sender(engine, lambda s: s.job_finished(make_job(None), payloads(3))))
    assert receiver.hits == [] and list_deliveries(engine, "job-1") == []


def test_close_keeps_waiting_retries_pending_and_resume_finishes_them(
    engine: Engine, receiver: LoopbackReceiver
) -> None:
    receiver.answer = lambda hit, n: 500 if n == 1 else 200
    job = make_job(receiver.at())

    async def first_process() -> None:
        sender = WebhookSender(engine, secret=SECRET, allow=ALLOW, base_delay=600)  # next retry far away
        await sender.job_finished(job, payloads(1))
        for _ in range(500):  # until the first attempt is logged (bounded)
            if list_deliveries(engine, job.id)[0].attempt == 1:
                break
            await asyncio.sleep(0.01)
        await asyncio.wait_for(sender.aclose(), timeout=30)  # must not sit out the 10-minute backoff

    asyncio.run(first_process())
    (record,) = list_deliveries(engine, job.id)
    assert (record.status, record.attempt, record.response_status) == ("pending", 1, 500)

    # "Restart": the retry is due now, and a new sender resumes it.
    with Session(engine) as session, session.begin():
        row = session.get(deliveries.WebhookDeliveryRow, record.id)
        assert row is not None
        row.next_attempt_at = datetime.now(UTC)
    resumed = asyncio.run(run_sender(engine, lambda s: s.resume_pending()))
    assert resumed == 1
    (record,) = list_deliveries(engine, job.id)
    assert (record.status, record.attempt, record.response_status) == ("succeeded", 2, 200)
    assert len(receiver.for_delivery(record.id)) == 2


def test_deliveries_written_after_close_wait_for_resume(engine: Engine, receiver: LoopbackReceiver) -> None:
    job = make_job(receiver.at())

    async def closed_then_finished(sender: WebhookSender) -> None:
        await sender.aclose()
        await sender.job_finished(job, payloads(1))

    asyncio.run(run_sender(engine, closed_then_finished))
    delivery_id = list_deliveries(engine, job.id)[0].id
    assert receiver.hits == [] and list_deliveries(engine, job.id)[0].status == "pending"
    assert asyncio.run(run_sender(engine, lambda s: s.resume_pending())) == 1
    assert list_deliveries(engine, job.id)[0].status == "succeeded"
    assert len(receiver.for_delivery(delivery_id)) == 1


# ------------------------------------------------------------------------------------ a locked SQLite database
def test_deliveries_survive_a_locked_database_without_duplicates(tmp_path: Path, receiver: LoopbackReceiver) -> None:
    """Bursts on SQLite answer "database is locked"; recording must retry, so nothing stays pending or is resent."""
    import sqlite3

    from sqlalchemy import create_engine, event

    path = tmp_path / "locked.db"
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False, "timeout": 0.1})

    @event.listens_for(engine, "connect")
    def _wal(connection: Any, _record: Any) -> None:
        connection.execute("PRAGMA journal_mode=WAL")

    Base.metadata.create_all(engine)
    ids = create_deliveries(engine, job_id="job-1", url=receiver.at(), event="job.succeeded", payloads=["{}"] * 12)
    holder = sqlite3.connect(path, timeout=5, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")  # another writer holds the database for longer than the busy timeout
    release = threading.Timer(1.5, holder.rollback)
    release.start()
    try:
        started = asyncio.run(run_sender(engine, lambda sender: sender.resume_pending()))
    finally:
        release.join()
        holder.close()
    assert started == 12
    records = [deliveries.get_delivery(engine, delivery_id) for delivery_id in ids]
    assert [r.status if r else None for r in records] == ["succeeded"] * 12
    assert sorted(len(receiver.for_delivery(delivery_id)) for delivery_id in ids) == [1] * 12
    engine.dispose()


# ------------------------------------------------------------------------- leases: never two senders at once
def test_two_live_senders_resuming_the_same_deliveries_send_each_once(
    engine: Engine, receiver: LoopbackReceiver
) -> None:
    """Two processes sharing the database (API nodes) both resume pending deliveries at start: without a lease each
    delivery went out twice. The receiver answers slowly so both senders are mid-send at the same time."""

    def slow_ok(hit: Any, n: int) -> int:
        time.sleep(0.2)
        return 200

    receiver.answer = slow_ok
    ids = create_deliveries(engine, job_id="job-1", url=receiver.at(), event="job.succeeded", payloads=["{}"] * 6)

    async def both() -> None:
        options: dict[str, Any] = {"secret": SECRET, "allow": ALLOW, "base_delay": 0.01, "lease_seconds": 2.0}
        first, second = WebhookSender(engine, **options), WebhookSender(engine, **options)
        assert first.holder != second.holder
        try:
            await asyncio.gather(first.resume_pending(), second.resume_pending())
            await asyncio.wait_for(asyncio.gather(first.join(), second.join()), timeout=60)
        finally:
            await asyncio.gather(first.aclose(), second.aclose())

    asyncio.run(both())
    assert [len(receiver.for_delivery(delivery_id)) for delivery_id in ids] == [1] * 6
    assert {deliveries.get_delivery(engine, i).status for i in ids} == {"succeeded"}  # type: ignore[union-attr]
    with Session(engine) as session:
        assert session.query(deliveries.WebhookClaimRow).count() == 0  # released with each recorded outcome


def test_a_crashed_senders_lease_is_waited_out_then_sent_once_with_a_stable_id(
    engine: Engine, receiver: LoopbackReceiver
) -> None:
    """A process killed in the send window leaves its lease: the next process waits it out, then sends, with the
    delivery id in Artboard-Delivery, webhook-id and Idempotency-Key so a receiver that did get the first request
    can drop this one."""
    (delivery_id,) = create_deliveries(
        engine, job_id="job-1", url=receiver.at(), event="job.succeeded", payloads=["{}"]
    )
    dead = deliveries.claim_delivery(engine, delivery_id, holder="killed-process", lease_seconds=1.0)
    assert dead.record is not None and dead.record.id == delivery_id
    taken = deliveries.claim_delivery(engine, delivery_id, holder="someone-else", lease_seconds=1.0)
    assert taken.record is None and taken.held_until is not None  # not while the lease runs

    assert asyncio.run(run_sender(engine, lambda sender: sender.resume_pending())) == 1
    (hit,) = receiver.for_delivery(delivery_id)
    assert hit.headers["webhook-id"] == hit.headers["idempotency-key"] == delivery_id
    assert hit.headers["webhook-timestamp"].isdigit()
    record = deliveries.get_delivery(engine, delivery_id)
    assert record is not None and (record.status, record.attempt) == ("succeeded", 1)
    assert deliveries.claim_delivery(engine, delivery_id, holder="late", lease_seconds=1.0).record is None  # done


_SENDER_SCRIPT = """
import asyncio, sys
from artboard.jobs.db import make_engine
from artboard.jobs.webhooks import WebhookSender

async def main():
    sender = WebhookSender(make_engine(sys.argv[1]), secret=b"whsec-test-secret", allow=("127.0.0.1/32",),
                           lease_seconds=float(sys.argv[2]), timeout=30.0)
    await sender.resume_pending()
    await asyncio.sleep(3600)  # killed -9 long before this

asyncio.run(main())
"""


def test_a_sender_killed_9_in_the_send_window_is_resent_once_under_the_same_id(
    tmp_path: Path, receiver: LoopbackReceiver
) -> None:
    """The honest limit, reproduced with a real kill -9: a process dies after its request reached the receiver and
    before the outcome was written. The next process waits out the dead one's lease, then sends again — the
    same delivery id in every id header, so the receiver can drop it — and the delivery is recorded once."""
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'killed.db'}"
    engine = make_engine(url)
    Base.metadata.create_all(engine)
    (delivery_id,) = create_deliveries(
        engine, job_id="job-1", url=receiver.at(), event="job.succeeded", payloads=['{"n":1}']
    )
    arrived, release = threading.Event(), threading.Event()

    def first_hangs(hit: Any, n: int) -> int:
        if n == 1:  # the dying process's request: held open until it has been killed
            arrived.set()
            release.wait(30)
        return 200

    receiver.answer = first_hangs
    child = subprocess.Popen([sys.executable, "-c", _SENDER_SCRIPT, url, "2"])
    try:
        assert arrived.wait(60), "the child never sent"
        child.kill()  # SIGKILL, mid-send
        child.wait(10)
    finally:
        release.set()
        if child.poll() is None:
            child.kill()
    pending = deliveries.get_delivery(engine, delivery_id)
    assert pending is not None and (pending.status, pending.attempt) == ("pending", 0)  # nothing recorded

    assert asyncio.run(run_sender(engine, lambda sender: sender.resume_pending())) == 1
    hits = receiver.for_delivery(delivery_id)
    assert len(hits) == 2 and hits[0].body == hits[1].body
    assert {h.headers["webhook-id"] for h in hits} == {h.headers["idempotency-key"] for h in hits} == {delivery_id}
    done = deliveries.get_delivery(engine, delivery_id)
    assert done is not None and (done.status, done.attempt) == ("succeeded", 1)
    engine.dispose()
