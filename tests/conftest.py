"""Fixtures every test module may use (small and shared; module-specific ones stay in their modules)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    """`pytest.mark.anyio` tests run on asyncio (the server's loop); a module may still override it."""
    return "asyncio"
