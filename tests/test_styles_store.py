"""The styles table on SQLite and PostgreSQL: created with the job schema, scoped to the key that made each style."""

from __future__ import annotations

import pytest

from artboard.errors import NotFound
from artboard.jobs.keys import KeyStore
from artboard.jobs.store import JobStore
from artboard.jobs.styles import StyleStore

pytest_plugins = ["test_jobs_support"]  # db_url: SQLite and PostgreSQL


def test_styles_are_durable_and_per_key(db_url: str) -> None:
    store = JobStore(db_url)
    store.ensure_schema()
    keys = KeyStore(store, initial_credits=10)
    alice, _ = keys.create("alice")
    bob, _ = keys.create("bob")
    styles = StyleStore(store.engine)
    mine = styles.create(alice.id, {"style": "flat", "palette": ["#112233"]})
    anonymous = styles.create(None, {"style": "line", "palette": []})
    again = StyleStore(JobStore(db_url).engine)  # a new connection pool: the row is durable
    assert again.get(alice.id, mine.id).definition == {"style": "flat", "palette": ["#112233"]}
    assert [s.id for s in again.list(alice.id)] == [mine.id]
    assert [s.id for s in again.list(None)] == [anonymous.id]
    with pytest.raises(NotFound):
        again.get(bob.id, mine.id)
    with pytest.raises(NotFound):
        again.delete(bob.id, mine.id)
    again.delete(alice.id, mine.id)
    assert again.list(alice.id) == []
    with pytest.raises(NotFound):
        again.get(alice.id, mine.id)


def test_basic_styles_and_brand_kits_on_both_databases(db_url: str) -> None:
    """Basic styles answer every key; a brand kit (style + logo + names) is durable, per key, deleted with its
    style; credits charged outside jobs (prompt enhance) are refunded once."""
    from artboard.edit.styles import BASIC_STYLES
    from artboard.jobs.brandkits import BrandKitStore
    from artboard.jobs.charges import charge, refund

    store = JobStore(db_url)
    store.ensure_schema()
    keys = KeyStore(store, initial_credits=10)
    alice, _ = keys.create("alice")
    bob, _ = keys.create("bob")
    styles = StyleStore(store.engine)
    basic_id = next(iter(BASIC_STYLES))
    assert styles.get(bob.id, basic_id).definition["palette"] == BASIC_STYLES[basic_id][1].palette
    logo = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4  # stored as given (the route checks it is an image)
    kits = BrandKitStore(store.engine)
    kit, style = kits.create(
        alice.id,
        name="Ember",
        tagline=None,
        definition={"style": "any", "palette": ["#112233"]},
        logo=logo,
        logo_media_type="image/png",
        logo_record={"sha256": "x", "width": 1, "height": 1},
    )
    again = BrandKitStore(JobStore(db_url).engine)  # a new pool: durable
    assert again.get(alice.id, kit.id).name == "Ember"
    assert again.logo(alice.id, kit.id) == (logo, "image/png")
    assert styles.get(alice.id, style.id).definition["brand"]["kit_id"] == kit.id
    assert [k.id for k in again.list(alice.id)] == [kit.id] and again.list(bob.id) == []
    with pytest.raises(NotFound):
        again.get(bob.id, kit.id)
    again.delete(alice.id, kit.id)
    with pytest.raises(NotFound):
        styles.get(alice.id, style.id)
    operation = charge(store, alice.id, 4)
    assert keys.get(alice.id).credits == 6
    refund(store, alice.id, operation, 4)
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError):  # the ledger's (job_id, reason) constraint: one refund per operation
        refund(store, alice.id, operation, 4)
    assert keys.get(alice.id).credits == 10
