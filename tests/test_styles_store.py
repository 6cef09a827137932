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
