"""Shared fixtures of the job-system tests (test_jobs*.py): one database per backend, a Service factory, test backends.

Every job test runs on SQLite and on PostgreSQL. PostgreSQL is the server on 127.0.0.1:5432 (user postgres, trust
auth; override with ARTBOARD_TEST_POSTGRES=postgresql+psycopg://…/admin_db). Each test module gets its own fresh
database and each test its own schema in it. The PostgreSQL cases are skipped only when that server cannot be
reached at all — and never when ARTBOARD_REQUIRE_POSTGRES=1 (CI), where they fail instead.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from artboard import registry, routing
from artboard.backends.base import Backend, Design
from artboard.errors import BackendError
from artboard.jobs.service import Service, ServiceConfig
from artboard.spec import GenerationSpec, make_spec

ADMIN_URL = os.environ.get("ARTBOARD_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REQUIRE_POSTGRES = os.environ.get("ARTBOARD_REQUIRE_POSTGRES") == "1"


def _pg_conninfo(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def _pg_admin() -> Any:
    """An autocommit connection to the admin database, or a skip when the server is unreachable."""
    import psycopg

    try:
        return psycopg.connect(_pg_conninfo(ADMIN_URL), autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        if "does not exist" in str(exc):  # the server is there, the admin database is not: use the default one
            return psycopg.connect(_pg_conninfo(ADMIN_URL.rsplit("/", 1)[0] + "/postgres"), autocommit=True)
        if REQUIRE_POSTGRES:
            raise
        pytest.skip(f"PostgreSQL at {ADMIN_URL} is unreachable: {exc}")


@pytest.fixture(scope="module")
def pg_database() -> Iterator[str]:
    """A fresh PostgreSQL database for this test module; its URL (without the schema option)."""
    admin = _pg_admin()
    name = f"artboard_test_{uuid.uuid4().hex[:12]}"
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield ADMIN_URL.rsplit("/", 1)[0] + "/" + name
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The database URL of one test: a new SQLite file, or a new schema in the module's PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'artboard.db'}"
    import psycopg

    base = request.getfixturevalue("pg_database")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_pg_conninfo(base), autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    return f"{base}?options=-csearch_path%3D{schema}"


ServiceFactory = Callable[..., Service]


@pytest.fixture
async def make_service(db_url: str, tmp_path: Path) -> AsyncIterator[ServiceFactory]:
    """Build services on this test's database and data dir (stopped at the end if the test did not).

    Defaults suit tests: jobs run in threads (so test backends registered here are visible), fast polling.
    """
    made: list[Service] = []

    def factory(**overrides: Any) -> Service:
        extra = {"inline_workers": True, "warm_workers": False, "poll_interval": 0.05, **overrides.pop("extra", {})}
        config = ServiceConfig(
            database_url=overrides.pop("database_url", db_url),
            data_dir=overrides.pop("data_dir", tmp_path / "data"),
            workers=overrides.pop("workers", 2),
            extra=extra,
            **overrides,
        )
        service = Service(config)
        made.append(service)
        return service

    yield factory
    for service in made:
        if service.dispatcher is not None or service._sweeper is not None:
            await service.stop()
        service.store.dispose()


def request_for(prompt: str = "a minimal logo for a bakery", **options: Any) -> dict[str, Any]:
    """A generate job request as the dialects build it."""
    options.setdefault("seed", 7)
    return make_spec(prompt, **options).model_dump(mode="json")


def spec_of(request: dict[str, Any]) -> GenerationSpec:
    import json

    return GenerationSpec.model_validate_json(json.dumps(request))


class FailingBackend(Backend):
    """Draws like the design backend, then fails at image `fail_at` (an error raised inside the worker)."""

    name = "failing-test"
    model_id = "failing-test"

    def __init__(self, fail_at: int = 1, error: type[Exception] = BackendError) -> None:
        self.fail_at = fail_at
        self.error = error

    def generate(self, spec: GenerationSpec, *, seed: int, index: int) -> Design:
        if index >= self.fail_at:
            raise self.error(f"test backend fails at image {index}")
        return registry.get_backend("design").generate(spec, seed=seed, index=index)


class SlowBackend(Backend):
    """The design backend, `delay` seconds slower per image (to catch jobs mid-run)."""

    name = "slow-test"
    model_id = "slow-test"

    def __init__(self, delay: float = 0.3) -> None:
        self.delay = delay

    def generate(self, spec: GenerationSpec, *, seed: int, index: int) -> Design:
        time.sleep(self.delay)
        return registry.get_backend("design").generate(spec, seed=seed, index=index)


@pytest.fixture
def fake_backends() -> Iterator[dict[str, Backend]]:
    """Register the test backends in this process's registry (inline workers see them)."""
    backends: dict[str, Backend] = {
        "failing-test": FailingBackend(),
        "crashing-test": FailingBackend(fail_at=0, error=RuntimeError),
        "slow-test": SlowBackend(),
    }
    for name, backend in backends.items():
        registry._instances[name] = backend
    routing.reset()  # the circuit breaker would otherwise remember failures of earlier tests
    yield backends
    for name in backends:
        registry._instances.pop(name, None)
    routing.reset()
