"""Stored styles (Recraft `/v1/styles`): one row per style, owned by the API key that created it.

A style row holds its `StyleDefinition` as JSON (artboard.edit.styles); every read is scoped to the key, so one
key can neither see nor use nor delete another's styles (auth off: key_id NULL, shared by anonymous callers).
The table hangs off the job tables' Base, so `ensure_schema` creates it with the others.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Engine, ForeignKey, String, delete, select
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from artboard.errors import NotFound
from artboard.jobs.db import Base
from artboard.jobs.tables import UTCDateTime, utcnow, writer

_JSON = JSON().with_variant(JSONB(), "postgresql")


class StyleRow(Base):
    __tablename__ = "styles"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    key_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("api_keys.id"), index=True)
    definition: Mapped[dict[str, Any]] = mapped_column(_JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


@dataclass(frozen=True)
class StoredStyle:
    id: str
    key_id: str | None
    definition: dict[str, Any]
    created_at: datetime


def _stored(row: Any) -> StoredStyle:
    return StoredStyle(id=row.id, key_id=row.key_id, definition=dict(row.definition), created_at=row.created_at)


def _owner(key_id: str | None) -> Any:
    return StyleRow.key_id.is_(None) if key_id is None else StyleRow.key_id == key_id


class StyleStore:
    """Create, list, read and delete styles of one database (the job store's engine)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def ensure(self) -> None:
        StyleRow.metadata.create_all(self.engine, tables=[StyleRow.__table__])  # type: ignore[list-item]

    def create(self, key_id: str | None, definition: dict[str, Any]) -> StoredStyle:
        style = StoredStyle(id=str(uuid.uuid4()), key_id=key_id, definition=definition, created_at=utcnow())
        with writer(self.engine).begin() as conn:
            conn.execute(
                StyleRow.__table__.insert().values(  # type: ignore[attr-defined]
                    id=style.id, key_id=key_id, definition=definition, created_at=style.created_at
                )
            )
        return style

    def list(self, key_id: str | None, *, limit: int = 100) -> list[StoredStyle]:
        query = select(StyleRow).where(_owner(key_id)).order_by(StyleRow.created_at.desc()).limit(limit)
        with self.engine.connect() as conn:
            return [_stored(row) for row in conn.execute(query)]

    def get(self, key_id: str | None, style_id: str, *, param: str = "style_id") -> StoredStyle:
        query = select(StyleRow).where(StyleRow.id == style_id.strip(), _owner(key_id))
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        if row is None:
            raise NotFound(f"no style {style_id!r} for this API key", param=param)
        return _stored(row)

    def delete(self, key_id: str | None, style_id: str) -> None:
        with writer(self.engine).begin() as conn:
            done = conn.execute(delete(StyleRow).where(StyleRow.id == style_id.strip(), _owner(key_id)))
        if not done.rowcount:
            raise NotFound(f"no style {style_id!r} for this API key", param="style_id")
