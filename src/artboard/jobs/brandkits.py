"""Brand kits: a style plus a logo and names (brand name, tagline), stored durably per API key like styles.

A kit is two rows written in one transaction: its style (a `styles` row whose definition carries `brand`, so every
dialect that names a style id applies it — palette, ground, fonts, fill — and sets the brand name as copy when the
prompt gives none) and the kit itself (`brand_kits`: the names and the logo's bytes). Deleting the kit deletes its
style. Every read is scoped to the key, as for styles (auth off: key_id NULL, shared by anonymous callers).
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, ForeignKey, LargeBinary, String, delete, select
from sqlalchemy.orm import Mapped, mapped_column

from artboard.errors import NotFound
from artboard.jobs.db import Base
from artboard.jobs.styles import StoredStyle, StyleRow
from artboard.jobs.tables import UTCDateTime, utcnow, writer

_log = logging.getLogger(__name__)
MAX_LOGO_BYTES = 2 * 1024 * 1024  #: a logo is a small image; the kit row holds it


class BrandKitRow(Base):
    __tablename__ = "brand_kits"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    key_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("api_keys.id"), index=True)
    style_id: Mapped[str] = mapped_column(String(36))
    name: Mapped[str] = mapped_column(String(80))
    tagline: Mapped[str | None] = mapped_column(String(120))
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    logo_media_type: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


@dataclass(frozen=True)
class BrandKit:
    id: str
    key_id: str | None
    style_id: str
    name: str
    tagline: str | None
    logo_media_type: str | None
    created_at: datetime


_COLUMNS = (
    BrandKitRow.id,
    BrandKitRow.key_id,
    BrandKitRow.style_id,
    BrandKitRow.name,
    BrandKitRow.tagline,
    BrandKitRow.logo_media_type,
    BrandKitRow.created_at,
)


def _kit(row: Any) -> BrandKit:
    return BrandKit(
        id=row.id,
        key_id=row.key_id,
        style_id=row.style_id,
        name=row.name,
        tagline=row.tagline,
        logo_media_type=row.logo_media_type,
        created_at=row.created_at,
    )


def _vector(logo: bytes) -> str | None:
    """The logo as a paths-only SVG, or None when it cannot be traced (the kit is still made; its names and
    look apply, only the logo is not drawn)."""
    from artboard.composer.brand import vector_logo

    try:
        return vector_logo(logo)
    except Exception:  # a logo the decoder read but the tracer cannot: not worth refusing the kit for
        _log.warning("brand kit logo could not be vectorised", exc_info=True)
        return None


def _owner(key_id: str | None) -> Any:
    return BrandKitRow.key_id.is_(None) if key_id is None else BrandKitRow.key_id == key_id


class BrandKitStore:
    """Create, list, read and delete brand kits of one database (the job store's engine)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def create(
        self,
        key_id: str | None,
        *,
        name: str,
        tagline: str | None,
        definition: dict[str, Any],
        logo: bytes | None = None,
        logo_media_type: str | None = None,
        logo_record: dict[str, Any] | None = None,
    ) -> tuple[BrandKit, StoredStyle]:
        """The kit and its style; `definition` is the style's StyleDefinition JSON without `brand`.

        The logo is vectorised here, once (composer/brand.vector_logo), and the vector kept in the style's
        `brand.logo.svg`: every dialect that names the style then hands it to the composer in `spec.style`
        (StyleControls.logo_svg) without reading the kit's row or tracing again per generation."""
        kit_id, style_id, now = str(uuid.uuid4()), str(uuid.uuid4()), utcnow()
        if logo is not None and logo_record is not None:
            logo_record = {**logo_record, "svg": _vector(logo)}
        brand = {"kit_id": kit_id, "name": name, "tagline": tagline, "logo": logo_record}
        styled = {**definition, "brand": brand}
        with writer(self.engine).begin() as conn:
            conn.execute(
                StyleRow.__table__.insert().values(  # type: ignore[attr-defined]
                    id=style_id, key_id=key_id, definition=styled, created_at=now
                )
            )
            conn.execute(
                BrandKitRow.__table__.insert().values(  # type: ignore[attr-defined]
                    id=kit_id,
                    key_id=key_id,
                    style_id=style_id,
                    name=name,
                    tagline=tagline,
                    logo=logo,
                    logo_media_type=logo_media_type if logo is not None else None,
                    created_at=now,
                )
            )
        kit = BrandKit(kit_id, key_id, style_id, name, tagline, logo_media_type if logo else None, now)
        return kit, StoredStyle(id=style_id, key_id=key_id, definition=styled, created_at=now)

    def list(self, key_id: str | None, *, limit: int = 100) -> list[BrandKit]:
        query = select(*_COLUMNS).where(_owner(key_id)).order_by(BrandKitRow.created_at.desc()).limit(limit)
        with self.engine.connect() as conn:
            return [_kit(row) for row in conn.execute(query)]

    def get(self, key_id: str | None, kit_id: str, *, param: str = "brand_kit_id") -> BrandKit:
        query = select(*_COLUMNS).where(BrandKitRow.id == kit_id.strip(), _owner(key_id))
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        if row is None:
            raise NotFound(f"no brand kit {kit_id!r} for this API key", param=param)
        return _kit(row)

    def logo(self, key_id: str | None, kit_id: str) -> tuple[bytes, str]:
        query = select(BrandKitRow.logo, BrandKitRow.logo_media_type).where(
            BrandKitRow.id == kit_id.strip(), _owner(key_id)
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        if row is None:
            raise NotFound(f"no brand kit {kit_id!r} for this API key", param="brand_kit_id")
        if row.logo is None:
            raise NotFound(f"brand kit {kit_id!r} has no logo", param="logo")
        return bytes(row.logo), str(row.logo_media_type or "application/octet-stream")

    def delete(self, key_id: str | None, kit_id: str) -> None:
        """The kit and its style, together."""
        kit = self.get(key_id, kit_id)
        with writer(self.engine).begin() as conn:
            conn.execute(delete(BrandKitRow).where(BrandKitRow.id == kit.id, _owner(key_id)))
            conn.execute(delete(StyleRow).where(StyleRow.id == kit.style_id))
