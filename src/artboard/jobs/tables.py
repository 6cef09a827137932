"""The job tables (jobs, api_keys, credit_ledger, artboard_meta) and schema creation.

Everything is portable SQL that SQLite and PostgreSQL both run: JSON columns, timezone-aware UTC timestamps (a
type decorator, because SQLite stores naive strings), partial unique indexes for idempotency.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Dialect,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    TypeDecorator,
    UniqueConstraint,
    event,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from artboard.errors import ArtboardError
from artboard.jobs.db import Base, make_engine

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
_PG_SCHEMA_LOCK = 0x61727462  # "artb": serialises create_all between server processes sharing one database


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Always timezone-aware UTC in Python; SQLite keeps naive UTC strings, PostgreSQL timestamptz."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        # SQLite compares timestamps as strings: store them all naive-UTC in one format so comparisons hold.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


JSONType = JSON().with_variant(JSONB(), "postgresql")


class JobRow(Base):
    __tablename__ = "jobs"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), index=True)
    key_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("api_keys.id"), index=True)
    model: Mapped[str] = mapped_column(String(200))
    dialect: Mapped[str] = mapped_column(String(40))
    request: Mapped[dict[str, Any]] = mapped_column(JSONType)
    request_sha256: Mapped[str] = mapped_column(String(64))  #: what an idempotent resubmission is compared by
    meta: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    credits: Mapped[int] = mapped_column(Integer, default=0)
    cost_usd: Mapped[float] = mapped_column(Float, default=0.0)
    idempotency_key: Mapped[str | None] = mapped_column(String(255))
    delivery: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    artifacts: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    error: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    files_expired: Mapped[bool] = mapped_column(Boolean, default=False)
    claimed_by: Mapped[str | None] = mapped_column(String(120))
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        UniqueConstraint("key_id", "idempotency_key", name="uq_jobs_key_idempotency"),
        # NULLs are distinct in unique constraints, so jobs without a key (auth disabled) need their own index.
        Index(
            "uq_jobs_anonymous_idempotency",
            "idempotency_key",
            unique=True,
            sqlite_where=text("key_id IS NULL"),
            postgresql_where=text("key_id IS NULL"),
        ),
        Index("ix_jobs_expiry", "files_expired", "expires_at"),
        Index("ix_jobs_queue", "status", "created_at"),
    )


class ApiKeyRow(Base):
    __tablename__ = "api_keys"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    prefix: Mapped[str] = mapped_column(String(20), index=True)
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    credits: Mapped[int] = mapped_column(Integer, default=0)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    rate_limit_per_minute: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class LedgerRow(Base):
    __tablename__ = "credit_ledger"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key_id: Mapped[str] = mapped_column(String(36), ForeignKey("api_keys.id"), index=True)
    job_id: Mapped[str | None] = mapped_column(String(36), index=True)
    delta: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(40))  #: initial | top_up | charge | refund
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    # One charge and at most one refund per job, whatever races happen (job_id NULL rows are not constrained).
    __table_args__ = (UniqueConstraint("job_id", "reason", name="uq_ledger_job_reason"),)


class MetaRow(Base):
    __tablename__ = "artboard_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


JOBS = cast(Table, JobRow.__table__)
KEYS = cast(Table, ApiKeyRow.__table__)
LEDGER = cast(Table, LedgerRow.__table__)
META = cast(Table, MetaRow.__table__)


class SchemaMismatch(ArtboardError):
    code = "schema_mismatch"


def open_engine(url: str) -> Engine:
    """make_engine plus explicit SQLite transactions: BEGIN IMMEDIATE for connections that will write.

    pysqlite's implicit transactions start deferred, and a deferred reader that later writes fails at once with
    "database is locked" when another connection committed meanwhile (the busy timeout does not apply). Write
    paths use `writer(engine)`, which begins IMMEDIATE and so waits for the lock up front instead.
    """
    engine = make_engine(url)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _manual_transactions(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
            conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def writer(engine: Engine) -> Engine:
    """The engine to use for read-modify-write transactions (IMMEDIATE on SQLite, unchanged elsewhere)."""
    return engine.execution_options(sqlite_begin="IMMEDIATE")


def ensure_schema(engine: Engine) -> None:
    """Create missing tables and check (or record) the schema version; safe to run from several processes."""
    import artboard.jobs.styles  # stored styles (/v1/styles) hang off the same Base

    try:  # the webhook delivery log hangs off the same Base; register it when that module is present
        import artboard.jobs.deliveries  # noqa: F401
    except ImportError:
        log.debug("artboard.jobs.deliveries not present; no delivery-log tables")
    from artboard.jobs import fleet  # noqa: F401  (worker heartbeats and the finished-jobs outbox of scale-out)

    with writer(engine).begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_SCHEMA_LOCK})
        Base.metadata.create_all(conn)
        found = conn.execute(select(MetaRow.value).where(MetaRow.key == "schema_version")).scalar_one_or_none()
        if found is None:
            conn.execute(META.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))
        elif int(found) != SCHEMA_VERSION:
            raise SchemaMismatch(
                f"the database has job schema version {found}, this artboard expects {SCHEMA_VERSION}; "
                "migrate it or point database_url elsewhere"
            )
