"""API keys and their credits.

A secret is `ab_` + 32 random bytes (urlsafe base64); only its SHA-256 is stored, so a leaked database does not
leak working keys. The `prefix` (the first characters of the secret) lets people tell keys apart in lists. The
balance lives on the key row and every change to it writes a ledger row in the same transaction.
"""

from __future__ import annotations

import builtins
import hashlib
import secrets
import uuid
from typing import Any

from sqlalchemy import or_, select, update

from artboard.errors import Conflict, InvalidParameter, NotFound, Unauthorized
from artboard.jobs import statements as sql
from artboard.jobs.store import JobStore
from artboard.jobs.tables import KEYS, LEDGER, utcnow
from artboard.jobs.types import ApiKey

SECRET_PREFIX = "ab_"
PREFIX_LENGTH = len(SECRET_PREFIX) + 8


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _row_to_key(row: Any) -> ApiKey:
    m = row._mapping
    return ApiKey(
        id=m["id"],
        name=m["name"],
        prefix=m["prefix"],
        credits=m["credits"],
        revoked=m["revoked"],
        created_at=m["created_at"],
        rate_limit_per_minute=m["rate_limit_per_minute"],
    )


class KeyStore:
    """create / list / revoke / verify keys; balance and top-ups. Synchronous (CLI and threadpool friendly)."""

    def __init__(self, store: JobStore, *, initial_credits: int) -> None:
        self.store = store
        self.initial_credits = initial_credits

    def create(
        self, name: str, credits: int | None = None, rate_limit_per_minute: int | None = None
    ) -> tuple[ApiKey, str]:
        """A new key and its secret: the secret is returned only here, never stored."""
        self.store.ensure_schema()
        balance = self.initial_credits if credits is None else credits
        if balance < 0:
            raise InvalidParameter("credits cannot be negative", param="credits")
        if rate_limit_per_minute is not None and rate_limit_per_minute < 1:
            raise InvalidParameter("rate limit must be at least 1 per minute", param="rate_limit_per_minute")
        secret = SECRET_PREFIX + secrets.token_urlsafe(32)
        key_id, now = str(uuid.uuid4()), utcnow()
        with self.store.write_engine.begin() as conn:
            conn.execute(
                KEYS.insert().values(
                    id=key_id,
                    name=name,
                    prefix=secret[:PREFIX_LENGTH],
                    secret_hash=hash_secret(secret),
                    credits=balance,
                    revoked=False,
                    rate_limit_per_minute=rate_limit_per_minute,
                    created_at=now,
                )
            )
            if balance:
                conn.execute(LEDGER.insert().values(key_id=key_id, delta=balance, reason="initial", created_at=now))
        return self.get(key_id), secret

    def get(self, key_id: str) -> ApiKey:
        self.store.ensure_schema()
        with self.store.engine.connect() as conn:
            row = conn.execute(select(KEYS).where(KEYS.c.id == key_id)).first()
        if row is None:
            raise NotFound(f"no API key {key_id!r}", param="key")
        return _row_to_key(row)

    def list(self) -> list[ApiKey]:
        self.store.ensure_schema()
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(KEYS).order_by(KEYS.c.created_at, KEYS.c.id)).all()
        return [_row_to_key(r) for r in rows]

    def revoke(self, id_or_prefix: str) -> ApiKey:
        """Revoke by id or by prefix (NotFound when nothing matches, Conflict when a prefix is ambiguous)."""
        self.store.ensure_schema()
        with self.store.write_engine.begin() as conn:
            matches = conn.execute(
                select(KEYS.c.id).where(or_(KEYS.c.id == id_or_prefix, KEYS.c.prefix == id_or_prefix))
            ).all()
            if not matches:
                raise NotFound(f"no API key with id or prefix {id_or_prefix!r}", param="key")
            if len(matches) > 1:
                raise Conflict(f"prefix {id_or_prefix!r} matches {len(matches)} keys; give the id", param="key")
            conn.execute(update(KEYS).where(KEYS.c.id == matches[0].id).values(revoked=True))
        return self.get(matches[0].id)

    def verify(self, secret: str) -> ApiKey:
        """The key for `secret`; Unauthorized for missing, unknown or revoked keys."""
        if not secret:
            raise Unauthorized("an API key is required")
        self.store.ensure_schema()
        with self.store.engine.connect() as conn:
            # Lookup by hash of the whole secret: an index lookup, and no secret-dependent string comparison.
            row = conn.execute(sql.KEY_BY_HASH, {"p_hash": hash_secret(secret)}).first()
        if row is None:
            raise Unauthorized("invalid API key")
        key = _row_to_key(row)
        if key.revoked:
            raise Unauthorized("this API key has been revoked")
        return key

    def balance(self, key_id: str) -> int:
        return self.get(key_id).credits

    def top_up(self, key_id: str, credits: int) -> int:
        """Add credits (a negative amount deducts, never below zero); returns the new balance."""
        self.store.ensure_schema()
        if credits == 0:
            return self.balance(key_id)
        with self.store.write_engine.begin() as conn:
            result = conn.execute(
                update(KEYS)
                .where(KEYS.c.id == key_id, KEYS.c.credits + credits >= 0)
                .values(credits=KEYS.c.credits + credits)
            )
            if result.rowcount != 1:
                self.get(key_id)  # NotFound for an unknown key
                raise InvalidParameter("the balance cannot go below zero", param="credits")
            conn.execute(LEDGER.insert().values(key_id=key_id, delta=credits, reason="top_up", created_at=utcnow()))
        return self.balance(key_id)

    def ledger(self, key_id: str) -> builtins.list[dict[str, Any]]:
        """Every credit movement of a key, oldest first (initial, top_up, charge, refund)."""
        return self.store.ledger(key_id=key_id)
