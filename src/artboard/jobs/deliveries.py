"""The webhook delivery log: one row per delivery (one payload to one URL), one row per attempt at it.

Before each attempt the sender takes a lease on the delivery (`claim_delivery`: one row in
`webhook_delivery_claims`, held by one process until a deadline) and `record_attempt` releases it in the same
transaction that records the outcome. So two live processes sharing the database (API nodes that both resume
pending deliveries at start) never send one delivery at the same time, and a process that restarts after a crash
waits for the dead one's lease before sending again. The lease table is separate so older databases only gain a
table (no schema-version change).

A delivery is written as `pending` before its first attempt, so a restart can pick it up (`pending_deliveries`);
it ends `succeeded` (a 2xx) or `failed` (a permanent refusal, or out of attempts). The delivery row keeps the
exact body that is sent on every attempt (the signature covers these bytes) and the latest outcome; the attempts
table keeps each try's status, error and duration. Sync SQLAlchemy: async callers run these in a thread.

`job_id` is deliberately not a foreign key: this log outlives job rows (retention) and must not depend on the job
store's table layout.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from sqlalchemy import (
    Boolean,
    DateTime,
    Engine,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    delete,
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from artboard.jobs.db import Base
from artboard.jobs.tables import writer

DeliveryStatus = Literal["pending", "succeeded", "failed"]


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything stored here is UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


class WebhookDeliveryRow(Base):
    __tablename__ = "webhook_deliveries"
    __table_args__ = (Index("ix_webhook_deliveries_pending", "status", "next_attempt_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  #: also the Artboard-Delivery header
    job_id: Mapped[str] = mapped_column(String(64), index=True)
    url: Mapped[str] = mapped_column(Text)
    event: Mapped[str] = mapped_column(String(64))
    attempt: Mapped[int] = mapped_column(Integer, default=0)  #: attempts made so far
    status: Mapped[str] = mapped_column(String(16), default="pending")
    response_status: Mapped[int | None] = mapped_column(Integer, nullable=True)  #: of the latest attempt
    error: Mapped[str | None] = mapped_column(Text, nullable=True)  #: of the latest attempt
    replay: Mapped[bool] = mapped_column(Boolean, default=False)  #: sent by a replay request
    position: Mapped[int] = mapped_column(Integer, default=0)  #: payload index in its batch (rows share created_at)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    payload: Mapped[str] = mapped_column(Text)  #: the JSON body exactly as sent

    attempts: Mapped[list[WebhookAttemptRow]] = relationship(
        back_populates="delivery", cascade="all, delete-orphan", order_by="WebhookAttemptRow.attempt"
    )


class WebhookAttemptRow(Base):
    __tablename__ = "webhook_delivery_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    delivery_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("webhook_deliveries.id", ondelete="CASCADE"), index=True
    )
    attempt: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    duration_ms: Mapped[int] = mapped_column(Integer, default=0)
    response_status: Mapped[int | None] = mapped_column(Integer, nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    outcome: Mapped[str] = mapped_column(String(16))  #: succeeded | retry | failed

    delivery: Mapped[WebhookDeliveryRow] = relationship(back_populates="attempts")


class WebhookClaimRow(Base):
    """Who may send a delivery now: `holder` (a sender process) until `until` (claim before sending)."""

    __tablename__ = "webhook_delivery_claims"

    delivery_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    holder: Mapped[str] = mapped_column(String(128))
    until: Mapped[datetime] = mapped_column(DateTime(timezone=True))


@dataclass(frozen=True)
class AttemptRecord:
    attempt: int
    started_at: datetime
    duration_ms: int
    response_status: int | None
    error: str | None
    outcome: str


@dataclass(frozen=True)
class DeliveryRecord:
    id: str
    job_id: str
    url: str
    event: str
    attempt: int
    status: DeliveryStatus
    response_status: int | None
    error: str | None
    replay: bool
    position: int
    created_at: datetime
    updated_at: datetime
    next_attempt_at: datetime | None
    payload: str
    attempts: tuple[AttemptRecord, ...] = ()


def _record(row: WebhookDeliveryRow, *, with_attempts: bool = True) -> DeliveryRecord:
    attempts = tuple(
        AttemptRecord(a.attempt, as_utc(a.started_at), a.duration_ms, a.response_status, a.error, a.outcome)
        for a in (row.attempts if with_attempts else ())
    )
    status: DeliveryStatus = (
        "succeeded" if row.status == "succeeded" else "failed" if row.status == "failed" else "pending"
    )
    return DeliveryRecord(
        id=row.id,
        job_id=row.job_id,
        url=row.url,
        event=row.event,
        attempt=row.attempt,
        status=status,
        response_status=row.response_status,
        error=row.error,
        replay=row.replay,
        position=row.position,
        created_at=as_utc(row.created_at),
        updated_at=as_utc(row.updated_at),
        next_attempt_at=as_utc(row.next_attempt_at) if row.next_attempt_at else None,
        payload=row.payload,
        attempts=attempts,
    )


def create_deliveries(
    engine: Engine, *, job_id: str, url: str, event: str, payloads: list[str], replay: bool = False
) -> list[str]:
    """Write one pending delivery per payload (due now) in one transaction; their ids, in payload order."""
    now = utcnow()
    ids = [str(uuid.uuid4()) for _ in payloads]
    with Session(engine) as session, session.begin():
        for position, (delivery_id, payload) in enumerate(zip(ids, payloads, strict=True)):
            session.add(
                WebhookDeliveryRow(
                    id=delivery_id,
                    job_id=job_id,
                    url=url,
                    event=event,
                    attempt=0,
                    status="pending",
                    replay=replay,
                    position=position,
                    created_at=now,
                    updated_at=now,
                    next_attempt_at=now,
                    payload=payload,
                )
            )
    return ids


def record_attempt(
    engine: Engine,
    delivery_id: str,
    *,
    attempt: int,
    started_at: datetime,
    duration_ms: int,
    response_status: int | None,
    error: str | None,
    outcome: Literal["succeeded", "retry", "failed"],
    next_attempt_at: datetime | None = None,
) -> None:
    """Log one attempt and move the delivery on (pending with a new due time, succeeded or failed), atomically;
    the send lease (claim_delivery) is released in the same transaction."""
    with Session(engine) as session, session.begin():
        row = session.get(WebhookDeliveryRow, delivery_id, with_for_update=True)
        if row is None:
            return
        session.execute(delete(WebhookClaimRow).where(WebhookClaimRow.delivery_id == delivery_id))
        session.add(
            WebhookAttemptRow(
                delivery_id=delivery_id,
                attempt=attempt,
                started_at=started_at,
                duration_ms=duration_ms,
                response_status=response_status,
                error=error,
                outcome=outcome,
            )
        )
        row.attempt = attempt
        row.response_status = response_status
        row.error = error
        row.updated_at = utcnow()
        row.status = "pending" if outcome == "retry" else outcome
        row.next_attempt_at = next_attempt_at if outcome == "retry" else None


@dataclass(frozen=True)
class Claim:
    """The answer of `claim_delivery`: the delivery (fresh) when the lease is ours, or when another holds it."""

    record: DeliveryRecord | None = None
    held_until: datetime | None = None  #: another process holds the lease until then


def claim_delivery(engine: Engine, delivery_id: str, *, holder: str, lease_seconds: float) -> Claim:
    """Take the send lease of a pending delivery for `holder` (the holder's own or an expired lease is taken over).

    Claim() when the delivery is gone or no longer pending; Claim(held_until=…) while another holder's lease runs.
    The delivery row is read in the same transaction, so the caller sends what is current (its attempt count and
    due time included) — a delivery another process just attempted is not attempted again on a stale read.
    """
    now = utcnow()
    with Session(writer(engine)) as session, session.begin():
        row = session.get(WebhookDeliveryRow, delivery_id, with_for_update=True)
        if row is None or row.status != "pending":
            return Claim()
        claim = session.get(WebhookClaimRow, delivery_id, with_for_update=True)
        if claim is not None and claim.holder != holder and as_utc(claim.until) > now:
            return Claim(held_until=as_utc(claim.until))
        until = now + timedelta(seconds=lease_seconds)
        if claim is None:
            session.add(WebhookClaimRow(delivery_id=delivery_id, holder=holder, until=until))
        else:
            claim.holder, claim.until = holder, until
        return Claim(record=_record(row, with_attempts=False))


def release_claim(engine: Engine, delivery_id: str, *, holder: str) -> None:
    """Give a lease back without an attempt (the delivery was not due after all)."""
    with Session(writer(engine)) as session, session.begin():
        session.execute(
            delete(WebhookClaimRow).where(WebhookClaimRow.delivery_id == delivery_id, WebhookClaimRow.holder == holder)
        )


def get_delivery(engine: Engine, delivery_id: str) -> DeliveryRecord | None:
    with Session(engine) as session:
        row = session.get(WebhookDeliveryRow, delivery_id)
        return _record(row) if row is not None else None


def list_deliveries(engine: Engine, job_id: str) -> list[DeliveryRecord]:
    """Every delivery of a job (replays included), oldest first, each with its attempts."""
    with Session(engine) as session:
        rows = session.scalars(
            select(WebhookDeliveryRow)
            .where(WebhookDeliveryRow.job_id == job_id)
            .order_by(WebhookDeliveryRow.created_at, WebhookDeliveryRow.position, WebhookDeliveryRow.id)
        ).all()
        return [_record(row) for row in rows]


def pending_deliveries(engine: Engine, *, limit: int = 1000) -> list[DeliveryRecord]:
    """Deliveries not yet finished, soonest due first (what a restarted server must resume)."""
    with Session(engine) as session:
        rows = session.scalars(
            select(WebhookDeliveryRow)
            .where(WebhookDeliveryRow.status == "pending")
            .order_by(WebhookDeliveryRow.next_attempt_at, WebhookDeliveryRow.id)
            .limit(limit)
        ).all()
        return [_record(row, with_attempts=False) for row in rows]


def purge_deliveries(engine: Engine, *, finished_before: datetime) -> int:
    """Delete finished deliveries (and their attempts) last updated before `finished_before`; how many went."""
    with Session(engine) as session, session.begin():
        finished = select(WebhookDeliveryRow.id).where(
            WebhookDeliveryRow.status != "pending", WebhookDeliveryRow.updated_at < finished_before
        )
        ids = list(session.scalars(finished))
        # Chunks keep each IN list under SQLite's bound-parameter limit. Attempts go first: SQLite only honours
        # ON DELETE CASCADE with foreign_keys=ON, which make_engine sets but a foreign engine may not.
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            session.execute(delete(WebhookAttemptRow).where(WebhookAttemptRow.delivery_id.in_(chunk)))
            session.execute(delete(WebhookClaimRow).where(WebhookClaimRow.delivery_id.in_(chunk)))
            session.execute(delete(WebhookDeliveryRow).where(WebhookDeliveryRow.id.in_(chunk)))
        return len(ids)
