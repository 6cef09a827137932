"""Credits for operations that are not jobs (prompt enhance): charged and refunded through the same ledger.

A job is charged in the transaction that stores it and refunded when it fails (store.py). An operation that runs in
the request itself — cheap, no worker, no result files — has no job row, so it is charged here with the same
conditional decrement (a key can never be overdrawn; 402 when short) and a ledger row whose `job_id` is a fresh
operation id, so the (job_id, reason) constraint still allows one charge and at most one refund per operation.

    with charged(store, key_id, credits):
        ...  # the work; an exception refunds the charge and propagates
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import select, update

from artboard.errors import InsufficientCredits, Unauthorized
from artboard.jobs import statements as sql
from artboard.jobs.tables import KEYS, LEDGER, utcnow


def charge(store: Any, key_id: str | None, credits: int) -> str | None:
    """Take `credits` from the key (no key or a free operation: nothing); the operation id for a refund."""
    if key_id is None or credits <= 0:
        return None
    operation = str(uuid.uuid4())
    now = utcnow()
    with store.write_engine.begin() as conn:
        done = conn.execute(sql.CHARGE, {"p_key": key_id, "p_credits": credits})
        if done.rowcount != 1:
            balance = conn.execute(select(KEYS.c.credits, KEYS.c.revoked).where(KEYS.c.id == key_id)).first()
            if balance is None or balance.revoked:
                raise Unauthorized("unknown or revoked API key")
            raise InsufficientCredits(
                f"this request costs {credits} credits and the key has {balance.credits}",
                details={"required": credits, "balance": balance.credits},
            )
        conn.execute(
            LEDGER.insert().values(key_id=key_id, job_id=operation, delta=-credits, reason="charge", created_at=now)
        )
    return operation


def refund(store: Any, key_id: str | None, operation: str | None, credits: int) -> None:
    """Give back the charge of `operation` (once: the ledger's constraint refuses a second refund row)."""
    if key_id is None or operation is None or credits <= 0:
        return
    with store.write_engine.begin() as conn:
        conn.execute(
            LEDGER.insert().values(key_id=key_id, job_id=operation, delta=credits, reason="refund", created_at=utcnow())
        )
        conn.execute(update(KEYS).where(KEYS.c.id == key_id).values(credits=KEYS.c.credits + credits))


@contextmanager
def charged(store: Any, key_id: str | None, credits: int) -> Iterator[str | None]:
    """Charge before the work, refund if it raises."""
    operation = charge(store, key_id, credits)
    try:
        yield operation
    except BaseException:
        refund(store, key_id, operation, credits)
        raise
