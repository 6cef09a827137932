"""The durable job store: every state change is one transaction with a guarded (compare-and-set) UPDATE.

    queued ──claim──▶ running ──finish──▶ succeeded | failed | cancelled
       ▲                 │  (lease expired / graceful stop)
       └─────requeue─────┘

Each transition is `UPDATE jobs SET status=:new … WHERE id=:id AND status=:expected` and checks the row count, so
two processes can never both move a job. Credits move in the same transaction as the job row: the charge with
the insert, the refund with the transition to failed/cancelled (and the ledger's unique (job_id, reason) makes a
second refund impossible even if a transition were ever repeated). The methods are synchronous; the async
service calls them in threads.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, fields, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, Row, and_, or_, select, update
from sqlalchemy.exc import IntegrityError

from artboard.errors import Conflict, InsufficientCredits, Unauthorized
from artboard.jobs import statements as sql
from artboard.jobs.tables import (
    JOBS,
    KEYS,
    LEDGER,
    ApiKeyRow,
    JobRow,
    LedgerRow,
    MetaRow,
    SchemaMismatch,
    ensure_schema,
    open_engine,
    utcnow,
    writer,
)
from artboard.jobs.types import Delivery, Job, JobError, JobStatus, StoredArtifact, WebhookConfig

__all__ = ["ApiKeyRow", "JobRow", "JobStore", "LedgerRow", "MetaRow", "SchemaMismatch", "request_digest"]

ACTIVE = (JobStatus.QUEUED.value, JobStatus.RUNNING.value)
_NULL_COLUMNS: dict[str, Any] = {column.name: None for column in JOBS.columns}
# UPDATE … RETURNING (SQLite 3.35+, PostgreSQL) claims a job in one statement instead of select-update-select.
_SQLITE_RETURNING = sqlite3.sqlite_version_info >= (3, 35)


def request_digest(kind: str, model: str, request: dict[str, Any]) -> str:
    """What makes two submissions "the same request" for idempotency: kind, model and the request body."""
    canonical = json.dumps({"kind": kind, "model": model, "request": request}, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def delivery_to_json(delivery: Delivery) -> dict[str, Any]:
    return asdict(delivery)


def delivery_from_json(data: dict[str, Any] | None) -> Delivery:
    if not data:
        return Delivery()
    hook = data.get("webhook")
    return Delivery(
        ttl_seconds=data.get("ttl_seconds"),
        upload_url=data.get("upload_url"),
        webhook=WebhookConfig(**hook) if hook else None,
    )


def artifact_to_json(artifact: StoredArtifact) -> dict[str, Any]:
    # Shallow on purpose: asdict() would deep-copy the manifest, which is already plain JSON data.
    return {f.name: getattr(artifact, f.name) for f in fields(artifact)}


def row_to_job(row: Row[Any]) -> Job:
    return mapping_to_job(row._mapping)


def mapping_to_job(m: Mapping[Any, Any]) -> Job:
    error = m["error"]
    return Job(
        id=m["id"],
        kind=m["kind"],
        status=JobStatus(m["status"]),
        key_id=m["key_id"],
        model=m["model"],
        dialect=m["dialect"],
        request=m["request"],
        meta=m["meta"] or {},
        credits=m["credits"],
        cost_usd=m["cost_usd"],
        created_at=m["created_at"],
        updated_at=m["updated_at"],
        started_at=m["started_at"],
        finished_at=m["finished_at"],
        expires_at=m["expires_at"],
        artifacts=tuple(StoredArtifact(**a) for a in m["artifacts"] or ()),
        error=JobError(**error) if error else None,
        idempotency_key=m["idempotency_key"],
        delivery=delivery_from_json(m["delivery"]),
        progress=m["progress"],
        attempts=m["attempts"],
        files_expired=m["files_expired"],
    )


class JobStore:
    """Job rows, claims, leases and the credit movements tied to them."""

    def __init__(self, url_or_engine: str | Engine) -> None:
        self.engine = open_engine(url_or_engine) if isinstance(url_or_engine, str) else url_or_engine
        self.write_engine = writer(self.engine)
        self._schema_ready = False

    @property
    def is_postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    def ensure_schema(self) -> None:
        if not self._schema_ready:
            ensure_schema(self.engine)
            self._schema_ready = True

    def ping(self) -> bool:
        with self.engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        return True

    def dispose(self) -> None:
        self.engine.dispose()

    # ---- reads -------------------------------------------------------------------------------------------------

    def get(self, job_id: str) -> Job | None:
        with self.engine.connect() as conn:
            row = conn.execute(sql.GET_JOB, {"p_id": job_id}).first()
        return row_to_job(row) if row is not None else None

    def stamp(self, job_id: str) -> tuple[str, datetime] | None:
        """(status, updated_at): a cheap way to see whether a job changed, without loading its request."""
        with self.engine.connect() as conn:
            row = conn.execute(sql.STAMP, {"p_id": job_id}).first()
        return (row.status, row.updated_at) if row is not None else None

    def status_of(self, job_id: str) -> JobStatus | None:
        with self.engine.connect() as conn:
            value = conn.execute(sql.STATUS_OF, {"p_id": job_id}).scalar_one_or_none()
        return JobStatus(value) if value is not None else None

    def page(self, *, key_id: str | None, limit: int, before: str | None) -> list[Job]:
        query = select(JOBS)
        if key_id is not None:
            query = query.where(JOBS.c.key_id == key_id)
        with self.engine.connect() as conn:
            if before is not None:
                anchor = conn.execute(select(JOBS.c.created_at).where(JOBS.c.id == before)).scalar_one_or_none()
                if anchor is None:
                    return []
                # (created_at, id) is the page key, so jobs created in the same microsecond are neither lost nor
                # repeated between pages.
                query = query.where(
                    or_(JOBS.c.created_at < anchor, and_(JOBS.c.created_at == anchor, JOBS.c.id < before))
                )
            rows = conn.execute(query.order_by(JOBS.c.created_at.desc(), JOBS.c.id.desc()).limit(limit)).all()
        return [row_to_job(r) for r in rows]

    def ledger(self, *, key_id: str | None = None, job_id: str | None = None) -> list[dict[str, Any]]:
        query = select(LEDGER).order_by(LEDGER.c.id)
        if key_id is not None:
            query = query.where(LEDGER.c.key_id == key_id)
        if job_id is not None:
            query = query.where(LEDGER.c.job_id == job_id)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    # ---- submit ------------------------------------------------------------------------------------------------

    def insert(self, values: dict[str, Any]) -> tuple[Job, bool]:
        """Store a new job and charge its key; (job, True), or (the stored job, False) for a reused idempotency key.

        `values` holds the JobRow columns. The charge is a conditional decrement, so concurrent submissions can
        never overdraw a key; InsufficientCredits leaves nothing behind (the whole transaction rolls back).
        Conflict when the idempotency key was used for a different request.
        """
        key_id, idem = values.get("key_id"), values.get("idempotency_key")
        if idem is not None:
            existing = self._find_idempotent(key_id, idem, values["request_sha256"])
            if existing is not None:
                return existing, False
        try:
            with self.write_engine.begin() as conn:
                if key_id is not None and values["credits"] > 0:
                    self._charge(conn, key_id, values["id"], values["credits"], values["created_at"])
                conn.execute(sql.INSERT_JOB, values)
        except IntegrityError:
            # A concurrent submission with the same idempotency key won the insert; ours rolled back whole.
            if idem is not None:
                existing = self._find_idempotent(key_id, idem, values["request_sha256"])
                if existing is not None:
                    return existing, False
            raise
        # Built from what was written rather than read back: the row is exactly these values plus NULLs.
        return mapping_to_job({**_NULL_COLUMNS, **values}), True

    def by_idempotency_key(self, key_id: str | None, idem: str) -> Job | None:
        """The job this key submitted with idempotency key `idem` (Runware: its taskUUID), or None."""
        row = self._idempotent_row(key_id, idem)
        return row_to_job(row) if row is not None else None

    def _idempotent_row(self, key_id: str | None, idem: str) -> Row[Any] | None:
        owner = JOBS.c.key_id.is_(None) if key_id is None else JOBS.c.key_id == key_id
        with self.engine.connect() as conn:
            return conn.execute(select(JOBS).where(owner, JOBS.c.idempotency_key == idem)).first()

    def _find_idempotent(self, key_id: str | None, idem: str, request_sha256: str) -> Job | None:
        row = self._idempotent_row(key_id, idem)
        if row is None:
            return None
        if row.request_sha256 != request_sha256:
            raise Conflict(
                f"idempotency key {idem!r} was already used for a different request (job {row.id})",
                param="idempotency_key",
            )
        return row_to_job(row)

    @staticmethod
    def _charge(conn: Connection, key_id: str, job_id: str, credits: int, now: datetime) -> None:
        result = conn.execute(sql.CHARGE, {"p_key": key_id, "p_credits": credits})
        if result.rowcount != 1:
            balance = conn.execute(select(KEYS.c.credits, KEYS.c.revoked).where(KEYS.c.id == key_id)).first()
            if balance is None or balance.revoked:
                raise Unauthorized("unknown or revoked API key")
            raise InsufficientCredits(
                f"this request costs {credits} credits and the key has {balance.credits}",
                details={"required": credits, "balance": balance.credits},
            )
        entry = {"key_id": key_id, "job_id": job_id, "delta": -credits, "reason": "charge", "created_at": now}
        conn.execute(sql.LEDGER_ENTRY, entry)

    # ---- worker side -------------------------------------------------------------------------------------------

    def claim(self, worker_id: str, lease_seconds: float) -> Job | None:
        """Atomically take the oldest queued job for `worker_id`, or None when the queue is empty."""
        now = utcnow()
        params = {"p_worker": worker_id, "p_now": now, "p_lease": now + timedelta(seconds=lease_seconds)}
        params["p_artifacts"] = []
        with self.write_engine.begin() as conn:
            if self.is_postgres or _SQLITE_RETURNING:
                row = conn.execute(sql.CLAIM_POSTGRES if self.is_postgres else sql.CLAIM, params).first()
                return row_to_job(row) if row is not None else None
            job_id = conn.execute(sql.PICK_QUEUED).scalar_one_or_none()
            if job_id is None or conn.execute(sql.CLAIM_BY_ID, {**params, "p_id": job_id}).rowcount != 1:
                return None
            row = conn.execute(sql.GET_JOB, {"p_id": job_id}).first()
        return row_to_job(row) if row is not None else None

    def _owned(self, job_id: str, worker_id: str) -> Any:
        return and_(JOBS.c.id == job_id, JOBS.c.status == JobStatus.RUNNING.value, JOBS.c.claimed_by == worker_id)

    def heartbeat(
        self,
        job_id: str,
        worker_id: str,
        lease_seconds: float,
        *,
        progress: float | None = None,
        artifacts: Sequence[StoredArtifact] | None = None,
        at: datetime | None = None,
    ) -> bool:
        """Extend the lease (and record progress, stamped `at`); False when the job is no longer ours."""
        now = at or utcnow()
        lease = now + timedelta(seconds=lease_seconds)
        if progress is None and artifacts is None:
            with self.write_engine.begin() as conn:
                params = {"p_id": job_id, "p_worker": worker_id, "p_lease": lease}
                return conn.execute(sql.RENEW_LEASE, params).rowcount == 1
        values: dict[str, Any] = {"lease_until": lease}
        if progress is not None:
            values.update(progress=progress, updated_at=now)
        if artifacts is not None:
            values["artifacts"] = [artifact_to_json(a) for a in artifacts]
        with self.write_engine.begin() as conn:
            return conn.execute(update(JOBS).where(self._owned(job_id, worker_id)).values(**values)).rowcount == 1

    def complete(
        self, job: Job, worker_id: str, artifacts: Sequence[StoredArtifact], *, ttl_seconds: float
    ) -> Job | None:
        """running → succeeded for the owner; None when the job was cancelled or taken away meanwhile.

        `job` is the snapshot the claim returned. Nothing else changes a row its owner holds, so the answer is
        that snapshot with this update applied — no read-back.
        """
        now = utcnow()
        expires = now + timedelta(seconds=ttl_seconds)
        params = {
            "p_id": job.id,
            "p_worker": worker_id,
            "p_now": now,
            "p_expires": expires,
            "p_artifacts": [artifact_to_json(a) for a in artifacts],
        }
        with self.write_engine.begin() as conn:
            if conn.execute(sql.COMPLETE, params).rowcount != 1:
                return None
        return replace(
            job,
            status=JobStatus.SUCCEEDED,
            artifacts=tuple(artifacts),
            progress=1.0,
            finished_at=now,
            updated_at=now,
            expires_at=expires,
        )

    def fail(self, job_id: str, error: JobError, *, worker_id: str | None = None) -> Job | None:
        """running (owned by `worker_id`) or queued → failed, refunding the charge; None if already moved."""
        condition = (
            self._owned(job_id, worker_id) if worker_id else and_(JOBS.c.id == job_id, JOBS.c.status.in_(ACTIVE))
        )
        return self._end(job_id, condition, JobStatus.FAILED, error=error)

    def cancel(self, job_id: str) -> Job | None:
        """queued | running → cancelled (refunded); None when the job had already finished."""
        condition = and_(JOBS.c.id == job_id, JOBS.c.status.in_(ACTIVE))
        return self._end(job_id, condition, JobStatus.CANCELLED, error=None)

    def _end(self, job_id: str, condition: Any, status: JobStatus, *, error: JobError | None) -> Job | None:
        now = utcnow()
        with self.write_engine.begin() as conn:
            row = conn.execute(select(JOBS.c.key_id, JOBS.c.credits).where(JOBS.c.id == job_id)).first()
            if row is None:
                return None
            values: dict[str, Any] = {
                "status": status.value,
                "finished_at": now,
                "updated_at": now,
                "lease_until": None,
                "expires_at": now,  # the sweep removes any file a worker wrote before it noticed
                "artifacts": [],  # all-or-nothing: a failed or cancelled job delivers (and bills) nothing
                "error": asdict(error) if error else None,
            }
            if conn.execute(update(JOBS).where(condition).values(**values)).rowcount != 1:
                return None
            if row.key_id is not None and row.credits > 0:
                conn.execute(
                    LEDGER.insert().values(
                        key_id=row.key_id, job_id=job_id, delta=row.credits, reason="refund", created_at=now
                    )
                )
                conn.execute(update(KEYS).where(KEYS.c.id == row.key_id).values(credits=KEYS.c.credits + row.credits))
        return self.get(job_id)

    def requeue(self, job_id: str, worker_id: str, *, started: bool = True) -> bool:
        """Give a running job back to the queue (graceful stop, broken worker pool). A claim handed back before
        the job started (the claim raced a stop) does not count as an attempt."""
        values: dict[str, Any] = {
            "status": JobStatus.QUEUED.value, "claimed_by": None, "lease_until": None, "updated_at": utcnow(),
        }  # fmt: skip
        if not started:
            values["attempts"] = JOBS.c.attempts - 1
        with self.write_engine.begin() as conn:
            result = conn.execute(update(JOBS).where(self._owned(job_id, worker_id)).values(**values))
            return result.rowcount == 1

    def recover(self, *, max_attempts: int, dead: Callable[[str | None], bool]) -> tuple[list[str], list[str]]:
        """Requeue running jobs whose worker is gone; fail those that lost their worker too often.

        A worker is gone when its lease ran out, or when `dead(claimed_by)` says so (its process no longer
        exists). Returns (requeued ids, failed ids); the attempt limit stops a job that kills its worker every
        time from looping forever.
        """
        now = utcnow()
        with self.engine.connect() as conn:
            running = conn.execute(
                select(JOBS.c.id, JOBS.c.attempts, JOBS.c.claimed_by, JOBS.c.lease_until).where(
                    JOBS.c.status == JobStatus.RUNNING.value
                )
            ).all()
        requeued: list[str] = []
        failed: list[str] = []
        for job_id, attempts, claimed_by, lease in running:
            if lease is not None and lease >= now and not dead(claimed_by):
                continue
            # Only if nobody renewed or re-claimed it since we looked.
            unchanged = and_(
                JOBS.c.id == job_id,
                JOBS.c.status == JobStatus.RUNNING.value,
                JOBS.c.claimed_by.is_(None) if claimed_by is None else JOBS.c.claimed_by == claimed_by,
                JOBS.c.lease_until.is_(None) if lease is None else JOBS.c.lease_until == lease,
            )
            if attempts >= max_attempts:
                message = f"the job's worker stopped {attempts} times while running it"
                if self._end(job_id, unchanged, JobStatus.FAILED, error=JobError("internal_error", message, 500)):
                    failed.append(job_id)
                continue
            with self.write_engine.begin() as conn:
                result = conn.execute(
                    update(JOBS)
                    .where(unchanged)
                    .values(status=JobStatus.QUEUED.value, claimed_by=None, lease_until=None, updated_at=now)
                )
                if result.rowcount == 1:
                    requeued.append(job_id)
        return requeued, failed

    # ---- expiry ------------------------------------------------------------------------------------------------

    def expired(self, *, limit: int = 500) -> list[Job]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(JOBS)
                .where(JOBS.c.files_expired.is_(False), JOBS.c.expires_at.is_not(None), JOBS.c.expires_at <= utcnow())
                .limit(limit)
            ).all()
        return [row_to_job(r) for r in rows]

    def mark_expired(self, job_ids: Sequence[str]) -> None:
        if not job_ids:
            return
        with self.write_engine.begin() as conn:
            conn.execute(update(JOBS).where(JOBS.c.id.in_(job_ids)).values(files_expired=True, updated_at=utcnow()))
