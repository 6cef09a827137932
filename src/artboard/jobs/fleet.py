"""Shared state of a scaled-out deployment, in the job database every machine already reaches.

* `artboard_workers`: one row per `artboard worker` process (name, host, queues, concurrency, jobs running),
  refreshed every few seconds. `/health` and `artboard workers list` show the rows seen recently. A table rather
  than Celery's broadcast `inspect ping`, because it needs no round trip through the broker, is scoped to this
  deployment's database (several deployments may share one RabbitMQ vhost) and survives API restarts.
* `artboard_finished_jobs`: an outbox of jobs a worker finished whose webhooks an API node must send (payloads are
  built by the dialects and signed with the API's secret, so they stay on API nodes). A worker inserts the id after
  the final transition; an API node takes it (a guarded UPDATE, so only one sends), queues the deliveries and
  deletes it. A taken entry whose taker died is taken again after `stale_seconds`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Engine, Integer, String, Table, delete, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from artboard.jobs.db import Base
from artboard.jobs.tables import UTCDateTime, utcnow, writer


class WorkerRow(Base):
    __tablename__ = "artboard_workers"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    host: Mapped[str] = mapped_column(String(200))
    pid: Mapped[int] = mapped_column(Integer)
    queues: Mapped[str] = mapped_column(String(200))  #: comma-separated queue names (cpu, gpu, remote)
    concurrency: Mapped[int] = mapped_column(Integer)
    running: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class FinishedRow(Base):
    __tablename__ = "artboard_finished_jobs"

    job_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    taken_by: Mapped[str | None] = mapped_column(String(120))
    taken_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


WORKERS = cast(Table, WorkerRow.__table__)
FINISHED = cast(Table, FinishedRow.__table__)


@dataclass(frozen=True)
class WorkerInfo:
    name: str
    host: str
    pid: int
    queues: tuple[str, ...]
    concurrency: int
    running: int
    started_at: datetime
    seen_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "host": self.host,
            "pid": self.pid,
            "queues": list(self.queues),
            "concurrency": self.concurrency,
            "running_jobs": self.running,
            "started_at": self.started_at.isoformat(),
            "seen_at": self.seen_at.isoformat(),
        }


def beat(engine: Engine, *, name: str, host: str, pid: int, queues: tuple[str, ...], concurrency: int,
         running: int, started_at: datetime) -> None:  # fmt: skip
    """Record that worker `name` is alive now (insert or refresh its row)."""
    now = utcnow()
    values = {"host": host, "pid": pid, "queues": ",".join(queues), "concurrency": concurrency, "running": running,
              "started_at": started_at, "seen_at": now}  # fmt: skip
    with writer(engine).begin() as conn:
        if conn.execute(update(WORKERS).where(WORKERS.c.name == name).values(**values)).rowcount == 1:
            return
    try:
        with writer(engine).begin() as conn:
            conn.execute(WORKERS.insert().values(name=name, **values))
    except IntegrityError:  # another start with this name won the insert: refresh instead
        with writer(engine).begin() as conn:
            conn.execute(update(WORKERS).where(WORKERS.c.name == name).values(**values))


def leave(engine: Engine, name: str) -> None:
    """A worker stopping cleanly removes itself (a crashed one just stops being seen)."""
    with writer(engine).begin() as conn:
        conn.execute(delete(WORKERS).where(WORKERS.c.name == name))


def live(engine: Engine, *, within_seconds: float) -> list[WorkerInfo]:
    """Workers seen in the last `within_seconds`, by name."""
    cutoff = utcnow() - timedelta(seconds=within_seconds)
    with engine.connect() as conn:
        rows = conn.execute(select(WORKERS).where(WORKERS.c.seen_at >= cutoff).order_by(WORKERS.c.name)).all()
    return [
        WorkerInfo(
            name=r.name,
            host=r.host,
            pid=r.pid,
            queues=tuple(q for q in r.queues.split(",") if q),
            concurrency=r.concurrency,
            running=r.running,
            started_at=r.started_at,
            seen_at=r.seen_at,
        )
        for r in rows
    ]


def mark_finished(engine: Engine, job_id: str) -> None:
    """Ask an API node to send this finished job's webhooks (once; a repeated mark is ignored)."""
    try:
        with writer(engine).begin() as conn:
            conn.execute(FINISHED.insert().values(job_id=job_id, created_at=utcnow()))
    except IntegrityError:
        pass


def take_finished(engine: Engine, taker: str, *, stale_seconds: float = 60.0, limit: int = 100) -> list[str]:
    """Ids of finished jobs whose webhooks this API node (`taker`) now sends; see the module docstring."""
    now = utcnow()
    free = or_(FINISHED.c.taken_at.is_(None), FINISHED.c.taken_at < now - timedelta(seconds=stale_seconds))
    with engine.connect() as conn:
        candidates = conn.execute(
            select(FINISHED.c.job_id, FINISHED.c.taken_at).where(free).order_by(FINISHED.c.created_at).limit(limit)
        ).all()
    taken: list[str] = []
    for job_id, taken_at in candidates:
        unchanged = FINISHED.c.taken_at.is_(None) if taken_at is None else FINISHED.c.taken_at == taken_at
        with writer(engine).begin() as conn:
            result = conn.execute(
                update(FINISHED).where(FINISHED.c.job_id == job_id, unchanged).values(taken_by=taker, taken_at=now)
            )
        if result.rowcount == 1:
            taken.append(job_id)
    return taken


def done_finished(engine: Engine, job_ids: list[str]) -> None:
    if job_ids:
        with writer(engine).begin() as conn:
            conn.execute(delete(FINISHED).where(FINISHED.c.job_id.in_(job_ids)))
