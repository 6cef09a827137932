"""Stored styles (Recraft `/v1/styles`): one row per style, owned by the API key that created it.

A style row holds its `StyleDefinition` as JSON (artboard.edit.styles); every read is scoped to the key, so one
key can neither see nor use nor delete another's styles (auth off: key_id NULL, shared by anonymous callers).
The table hangs off the job tables' Base, so `ensure_schema` creates it with the others (and, through the import at
the end, the brand kits' table). `get` also answers the built-in basic styles (artboard.edit.styles.BASIC_STYLES).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
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


_BASIC_AT = datetime(2026, 1, 1, tzinfo=UTC)  # the creation time basic styles report (they are built in)


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
        """A style of this key, or one of the basic styles every key may name (GET /v1/styles/basic)."""
        from artboard.edit.styles import basic_style

        basic = basic_style(style_id)
        if basic is not None:
            return StoredStyle(
                id=style_id.strip().lower(), key_id=None, definition=basic.model_dump(mode="json"), created_at=_BASIC_AT
            )
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


# Brand kits (a style plus a logo and names) hang off the same Base: importing them here lets ensure_schema, which
# imports this module, create their table too.
from artboard.jobs import brandkits as _brandkits  # noqa: E402, F401
