"""What the dialect test modules share: the real app (real Service, SQLite, files, workers) in-process."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI

from artboard.server.app import create_app
from artboard.server.settings import Settings

BASE = "http://testserver"


@asynccontextmanager
async def serve(tmp_path: Path, **overrides: Any) -> AsyncIterator[tuple[httpx.AsyncClient, FastAPI]]:
    """The real app with auth off, one worker and no rate limit (override any setting), and an httpx client on it."""
    options: dict[str, Any] = {
        "data_dir": tmp_path / "data",
        "auth": "off",
        "workers": 1,
        "public_base_url": BASE,
        "rate_limit_per_minute": 0,
    }
    app = create_app(Settings(**(options | overrides)))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE, timeout=180) as client:
            yield client, app
