"""Signed webhooks: one POST per finished image (Runware sends one per item), retried, logged, replayable.

Wire format of every request (document for receivers)::

    POST <webhookURL>
    Content-Type: application/json
    Artboard-Event: job.succeeded              (job.failed, job.cancelled, or what the caller names)
    Artboard-Delivery: 6f1c…-uuid              (the same on every retry of one delivery: deduplicate on it)
    webhook-id: 6f1c…-uuid                     (the same id, under the Standard Webhooks name)
    Idempotency-Key: 6f1c…-uuid                (the same id again, for receivers that dedupe on this header)
    webhook-timestamp: 1718000000              (seconds, as in the signature's t)
    Artboard-Job: <job id>
    Artboard-Attempt: 1                        (1-based)
    Artboard-Signature: t=1718000000,v1=5b2c…  (Stripe-style)

    v1 = hex(HMAC-SHA256(secret, f"{t}.".encode() + raw_body))

To verify: split the header on ",", take `t` and every `v1`, recompute the HMAC over the raw body bytes exactly as
received, compare in constant time, and reject when |now − t| exceeds your tolerance (300 s here) so a captured
request cannot be replayed later. `verify()` below does all of that. Several `v1` entries may appear (secret
rotation); any match is enough.

Delivery semantics: at least once, with a stable id. A 2xx is delivered; 3xx and 4xx other than 408/429 are
permanent failures (we follow no redirects); anything else — connection errors, timeouts, 408, 429, 5xx — is
retried with exponential backoff and jitter (Retry-After honoured) up to `max_attempts`. Deliveries are written
`pending` before the first attempt and run in background tasks (never blocking the job). Each attempt is made
under a lease (deliveries.claim_delivery: taken before sending, released with the recorded outcome), so no two
live processes send one delivery at once, and `resume_pending()` after a restart waits out a crashed process's
lease before sending. The one window left is a crash between the receiver's 2xx and the recorded outcome: the
delivery is then sent again, with the same delivery id, which receivers deduplicate on (docs/dialect-policy.md).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import os
import random
import socket
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import timedelta
from typing import Any, Literal, TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from artboard.errors import Conflict, InvalidParameter
from artboard.jobs import deliveries
from artboard.jobs.deliveries import DeliveryRecord, as_utc, utcnow
from artboard.jobs.fetch import DeliveryError, Resolver, check_url, retry_after_seconds, retryable, send_request
from artboard.jobs.types import Job

log = logging.getLogger("artboard.webhooks")

SIGNATURE_HEADER = "Artboard-Signature"
EVENT_HEADER = "Artboard-Event"
DELIVERY_HEADER = "Artboard-Delivery"
JOB_HEADER = "Artboard-Job"
ATTEMPT_HEADER = "Artboard-Attempt"
DEFAULT_TOLERANCE = 300
STORE_RETRY_MAX_DELAY = 5.0

T = TypeVar("T")


def _key(secret: bytes | str) -> bytes:
    return secret.encode() if isinstance(secret, str) else secret


def _body(body: bytes | str) -> bytes:
    return body.encode() if isinstance(body, str) else body


def signature(secret: bytes | str, timestamp: int, body: bytes | str) -> str:
    """hex HMAC-SHA256 of `f"{timestamp}."` + body."""
    return hmac.new(_key(secret), str(int(timestamp)).encode() + b"." + _body(body), hashlib.sha256).hexdigest()


def sign(secret: bytes | str, timestamp: int, body: bytes | str) -> str:
    """The `Artboard-Signature` header value: `t=<unix>,v1=<hex>`."""
    return f"t={int(timestamp)},v1={signature(secret, timestamp, body)}"


def verify(
    secret: bytes | str,
    header: str | None,
    body: bytes | str,
    *,
    tolerance: int = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> bool:
    """True when `header` signs `body` with `secret` and its timestamp is within `tolerance` seconds of `now`."""
    if not header:
        return False
    timestamp: int | None = None
    candidates: list[str] = []
    for part in header.split(","):
        name, _, value = part.strip().partition("=")
        if name == "t" and value.isdigit() and timestamp is None:
            timestamp = int(value)
        elif name == "v1" and value:
            candidates.append(value.strip().lower())
    if timestamp is None or not candidates:
        return False
    current = time.time() if now is None else now
    if abs(current - timestamp) > tolerance:  # stale (or from the future): refuse replays of captured requests
        return False
    expected = signature(secret, timestamp, body)
    # compare_digest for every candidate, no early exit: timing must not reveal which one (or how much) matched.
    matched = False
    for candidate in candidates:
        matched |= hmac.compare_digest(expected.encode(), candidate.encode("ascii", "replace"))
    return matched


def webhook_headers(
    secret: bytes | str, body: bytes, *, event: str, delivery_id: str, job_id: str, attempt: int = 1, timestamp: int
) -> dict[str, str]:
    return {
        "Content-Type": "application/json",
        "User-Agent": "artboard-webhooks/1",
        EVENT_HEADER: event,
        DELIVERY_HEADER: delivery_id,
        # The same stable id under the names receivers' libraries dedupe on (Standard Webhooks; Idempotency-Key).
        "webhook-id": delivery_id,
        "Idempotency-Key": delivery_id,
        "webhook-timestamp": str(timestamp),
        JOB_HEADER: job_id,
        ATTEMPT_HEADER: str(attempt),
        SIGNATURE_HEADER: sign(secret, timestamp, body),
    }


def validate_webhook_url(
    url: str, allow: Sequence[str] = (), *, param: str = "webhookURL", resolver: Resolver | None = None
) -> None:
    """Submit-time check of a webhook URL (InvalidParameter naming `param`). Resolves DNS: from async code call it
    through `asyncio.to_thread`. The URL is checked again at every send, against the address then resolved."""
    check_url(url, allow=allow, resolver=resolver, param=param)


def encode_payload(payload: Mapping[str, Any]) -> str:
    """Compact JSON; stored once and sent byte-for-byte on every attempt."""
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False, default=str)


def _due_later(record: DeliveryRecord) -> bool:
    return record.next_attempt_at is not None and as_utc(record.next_attempt_at) > utcnow()


def default_event(job: Job) -> str:
    return f"job.{job.status.value}"


class WebhookSender:
    """Sends, retries, logs and replays a job's webhooks in background tasks; `await aclose()` on shutdown."""

    def __init__(
        self,
        engine: Engine,
        *,
        secret: bytes,
        allow: Sequence[str] = (),
        max_attempts: int = 6,
        base_delay: float = 1.0,
        resolver: Resolver | None = None,
        max_delay: float = 3600.0,
        timeout: float = 10.0,
        concurrency: int = 16,
        lease_seconds: float | None = None,
    ) -> None:
        self.engine = engine
        self.secret = secret
        self.allow = tuple(allow)
        self.max_attempts = max(1, max_attempts)
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.timeout = timeout
        self.resolver = resolver
        self._tasks: dict[str, asyncio.Task[None]] = {}  #: delivery id → its task (never two tasks for one id)
        self._closing = asyncio.Event()
        self._limit = asyncio.Semaphore(concurrency)  # bounds open connections when many jobs finish at once
        self._store_warned = 0.0
        #: who holds a delivery's send lease: this process (a new id per sender, so a restart is another holder)
        self.holder = f"{socket.gethostname()[:64]}:{os.getpid()}:{uuid.uuid4().hex[:12]}"
        #: longer than any one attempt (the send's timeout, DNS, recording): a live sender never loses its lease
        self.lease_seconds = lease_seconds if lease_seconds is not None else max(30.0, 3 * timeout)

    # ------------------------------------------------------------------------------------------------ public
    async def job_finished(self, job: Job, payloads: list[dict[str, Any]], *, event: str | None = None) -> None:
        """Log one pending delivery per payload to the job's webhook (none configured: nothing happens) and return;
        sending happens in the background (`list_deliveries(engine, job.id)` shows progress)."""
        if job.delivery.webhook is not None and payloads:
            await self._enqueue(job, job.delivery.webhook.url, payloads, event=event, replay=False)

    async def replay(
        self, job: Job, payloads: list[dict[str, Any]], *, event: str | None = None, url: str | None = None
    ) -> None:
        """Send a finished job's webhooks again, as new deliveries (new ids, new log rows, `replay` set).
        Conflict when the job has not finished or has no webhook URL (and `url` is not given)."""
        if not job.status.finished:
            raise Conflict(f"job {job.id} has not finished yet; only finished jobs' webhooks can be replayed")
        target = url or (job.delivery.webhook.url if job.delivery.webhook else None)
        if not target:
            raise Conflict(f"job {job.id} has no webhook URL to replay to")
        await asyncio.to_thread(validate_webhook_url, target, self.allow, resolver=self.resolver)
        await self._enqueue(job, target, payloads, event=event, replay=True)

    async def resume_pending(self) -> int:
        """Start every delivery still pending in the store (after a restart); how many were (re)scheduled."""
        records = await asyncio.to_thread(deliveries.pending_deliveries, self.engine)
        started = 0
        for record in records:
            if record.id not in self._tasks:
                self._spawn(record.id)
                started += 1
        return started

    async def join(self) -> None:
        """Wait until every delivery running in this process has finished (tests, orderly shutdown)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks.values()), return_exceptions=True)

    async def aclose(self, *, grace: float = 5.0) -> None:
        """Stop: attempts in flight get `grace` seconds, deliveries waiting for a retry stop at once. Whatever did
        not finish stays pending in the store for `resume_pending()`."""
        self._closing.set()
        tasks = list(self._tasks.values())
        if not tasks:
            return
        _done, still = await asyncio.wait(tasks, timeout=grace)
        for task in still:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    # ----------------------------------------------------------------------------------------------- internals
    async def _enqueue(
        self, job: Job, url: str, payloads: list[dict[str, Any]], *, event: str | None, replay: bool
    ) -> list[str]:
        bodies = [encode_payload(p) for p in payloads]
        ids = await self._store(
            deliveries.create_deliveries,
            job_id=job.id,
            url=url,
            event=event or default_event(job),
            payloads=bodies,
            replay=replay,
        )
        if not self._closing.is_set():  # closed: rows stay pending for the next process's resume_pending()
            for delivery_id in ids:
                self._spawn(delivery_id)
        return ids

    async def _store(self, fn: Callable[..., T], *args: Any, always: bool = False, **kwargs: Any) -> T:
        """`fn(engine, …)` in a thread, retried while the database refuses it for the moment.

        SQLite answers "database is locked" at once, whatever its busy timeout, when a transaction that has read
        must write after another connection committed (WAL snapshots), which bursts of finishing jobs cause.
        Giving up there left a delivery pending and unsent until a restart, which then sent it twice.
        """
        delay = 0.05
        while True:
            try:
                return await asyncio.to_thread(fn, self.engine, *args, **kwargs)
            except OperationalError as exc:
                if self._closing.is_set() and not always:
                    raise
                now = time.monotonic()
                if now - self._store_warned > 10.0:  # one line per interval, not one per retry
                    self._store_warned = now
                    log.warning("webhook delivery log unavailable, retrying: %s", str(exc.orig).splitlines()[0])
                await asyncio.sleep(delay)
                delay = min(STORE_RETRY_MAX_DELAY, delay * 2)

    def _spawn(self, delivery_id: str) -> None:
        task = asyncio.create_task(self._run(delivery_id), name=f"webhook-{delivery_id}")
        self._tasks[delivery_id] = task
        task.add_done_callback(lambda t: self._finished(delivery_id, t))

    def _finished(self, delivery_id: str, task: asyncio.Task[None]) -> None:
        if self._tasks.get(delivery_id) is task:
            del self._tasks[delivery_id]
        if not task.cancelled() and task.exception() is not None:
            log.error("webhook delivery %s crashed", delivery_id, exc_info=task.exception())

    async def _run(self, delivery_id: str) -> None:
        while not self._closing.is_set():
            record = await self._store(deliveries.get_delivery, delivery_id)
            if record is None or record.status != "pending":
                return
            due = as_utc(record.next_attempt_at) if record.next_attempt_at else utcnow()
            wait = (due - utcnow()).total_seconds()
            if wait > 0:
                try:  # sleep until due, but wake at once on shutdown (the row stays pending)
                    await asyncio.wait_for(self._closing.wait(), timeout=wait)
                    return
                except TimeoutError:
                    pass
            async with self._limit:
                claim = await self._store(
                    deliveries.claim_delivery, delivery_id, holder=self.holder, lease_seconds=self.lease_seconds
                )
                fresh = claim.record
                if fresh is None and claim.held_until is None:
                    return  # finished meanwhile (another process sent it)
                if fresh is not None and (fresh.attempt != record.attempt or _due_later(fresh)):
                    # Another process attempted it between our read and our claim: look again, from the top.
                    await self._store(deliveries.release_claim, delivery_id, holder=self.holder)
                    continue
                if fresh is not None:
                    if not await self._attempt(fresh):
                        return
                    continue
            assert claim.held_until is not None
            # Another live (or crashed) process holds the lease: wait it out, then look again.
            wait = max(0.05, (claim.held_until - utcnow()).total_seconds())
            try:
                await asyncio.wait_for(self._closing.wait(), timeout=wait)
                return
            except TimeoutError:
                pass

    def _backoff(self, attempt: int, retry_after: float | None) -> float:
        base = min(self.max_delay, self.base_delay * 2.0 ** (attempt - 1))
        delay = base / 2 + random.uniform(0, base / 2)  # "equal jitter": spreads retries of many deliveries apart
        if retry_after is not None:
            delay = max(delay, min(retry_after, self.max_delay))
        return delay

    async def _attempt(self, record: DeliveryRecord) -> bool:
        """One try at `record`; True when another one is scheduled."""
        attempt = record.attempt + 1
        body = record.payload.encode()
        started = utcnow()
        clock = time.monotonic()
        status: int | None = None
        error: str | None = None
        retry_after: float | None = None
        refused = False
        try:
            headers = webhook_headers(
                self.secret,
                body,
                event=record.event,
                delivery_id=record.id,
                job_id=record.job_id,
                attempt=attempt,
                timestamp=int(time.time()),
            )
            reply = await send_request(
                "POST",
                record.url,
                content=body,
                headers=headers,
                allow=self.allow,
                timeout=self.timeout,
                resolver=self.resolver,
                param="webhookURL",
            )
            status = reply.status
            retry_after = retry_after_seconds(reply.headers) if status in (429, 503) else None
        except InvalidParameter as exc:
            # Refused by the guard at send time (the name may now resolve inside): final. A DNS failure may pass.
            error = exc.describe()
            refused = exc.details.get("reason") != "unresolvable"
        except DeliveryError as exc:
            error = exc.describe()
        duration_ms = int((time.monotonic() - clock) * 1000)

        outcome: Literal["succeeded", "retry", "failed"]
        if status is not None and 200 <= status < 300:
            outcome = "succeeded"
        elif refused:
            outcome = "failed"
        elif status is not None and not retryable(status):
            outcome = "failed"  # 3xx (no redirects followed) and 4xx other than 408/429: retrying will not help
            error = f"permanent failure: HTTP {status}"
        elif attempt >= self.max_attempts:
            outcome = "failed"
            error = f"{error or f'HTTP {status}'} (gave up after {attempt} attempts)"
        else:
            outcome = "retry"
            error = error or f"HTTP {status}"
        next_at = utcnow() + timedelta(seconds=self._backoff(attempt, retry_after)) if outcome == "retry" else None
        log.info(
            "webhook %s job=%s attempt=%d status=%s outcome=%s%s",
            record.id,
            record.job_id,
            attempt,
            status,
            outcome,
            f" error={error}" if error else "",
        )
        # Retried until it is written, even while closing (until aclose's grace ends): a sent delivery that is
        # left `pending` would be sent again by the next resume, a duplicate for the receiver.
        await self._store(
            deliveries.record_attempt,
            record.id,
            always=True,
            attempt=attempt,
            started_at=started,
            duration_ms=duration_ms,
            response_status=status,
            error=error,
            outcome=outcome,
            next_attempt_at=next_at,
        )
        return outcome == "retry"
