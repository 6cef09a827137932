"""Fixtures every test module may use (small and shared; module-specific ones stay in their modules)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from loopback import LoopbackReceiver


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    """`pytest.mark.anyio` tests run on asyncio (the server's loop); a module may still override it."""
    return "asyncio"


@pytest.fixture
def receiver() -> Iterator[LoopbackReceiver]:
    """A loopback HTTP receiver (tests/loopback.py): webhooks, callbacks, upload PUTs, image URLs to fetch."""
    server = LoopbackReceiver()
    try:
        yield server
    finally:
        server.close()
