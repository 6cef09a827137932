"""Reliability defects of issue #11 at the HTTP layer, on the real app (real Service, SQLite, workers in-process)."""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import socket
import sqlite3
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from fastapi import FastAPI

from artboard.jobs.service import Service
from artboard.server.app import create_app
from artboard.server.settings import Settings

pytest_plugins = ["test_jobs_support"]  # pg_database: a fresh PostgreSQL database for this module
pytestmark = pytest.mark.anyio


BASE = "http://testserver"


@asynccontextmanager
async def serve(
    tmp_path: Path, *, extra: dict[str, Any], **options: Any
) -> AsyncIterator[tuple[httpx.AsyncClient, FastAPI]]:
    """The real app, auth off, with Service knobs (`extra`) the settings do not expose."""
    options = {"auth": "off", "workers": 1, "public_base_url": BASE, "rate_limit_per_minute": 0, **options}
    settings = Settings(data_dir=tmp_path / "data", **options)
    config = settings.to_service_config()
    service = Service(dataclasses.replace(config, extra={**config.extra, **extra}))
    app = create_app(settings, service=service)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE, timeout=180) as client:
            yield client, app


BODY = {"prompt": "a badge for a sailing club", "model": "recraftv4", "n": 1, "response_format": "url"}


async def test_a_dropped_database_is_a_short_503_and_recovers(tmp_path: Path) -> None:
    async with serve(tmp_path, extra={"inline_workers": True, "warm_workers": False}) as (client, _app):
        assert (await client.get("/health")).status_code == 200
        database = sqlite3.connect(tmp_path / "data" / "artboard.db")
        database.executescript("DROP TABLE jobs;")
        database.close()
        health = await client.get("/health")
        assert health.status_code == 503 and "tables" in health.json()["checks"]["reason"]
        r = await client.post("/v1/images/generations", json=BODY)  # recovered: the tables are made again
        assert r.status_code == 200, r.text
        assert (await client.get("/health")).status_code == 200


class Proxy:
    """A loopback TCP proxy to PostgreSQL that can be cut (the database unreachable) and restored."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.open = True
        self.sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.open:
                client.close()
                continue
            upstream = socket.create_connection(self.target)
            self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        self.open = False
        for sock in self.sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self.sockets.clear()

    def restore(self) -> None:
        self.open = True

    def close(self) -> None:
        self.cut()
        self.listener.close()


async def test_an_unreachable_database_is_a_short_503_logged_once_and_recovers(
    tmp_path: Path, pg_database: str, caplog: pytest.LogCaptureFixture
) -> None:
    url = urlsplit(pg_database.replace("postgresql+psycopg://", "postgresql://", 1))
    proxy = Proxy((url.hostname or "127.0.0.1", url.port or 5432))
    proxied = pg_database.replace(f"{url.hostname}:{url.port or 5432}", f"127.0.0.1:{proxy.port}", 1)
    assert proxied != pg_database
    extra = {"inline_workers": True, "warm_workers": False, "outage_log_interval": 60.0}
    try:
        async with serve(tmp_path, extra=extra, database_url=proxied) as (client, _app):
            assert (await client.get("/health")).status_code == 200
            proxy.cut()
            caplog.clear()
            with caplog.at_level(logging.WARNING, logger="artboard"):
                for _ in range(15):
                    r = await client.post("/v1/images/generations", json=BODY)
                    assert r.status_code == 503, r.text
                    assert "database" in r.json()["error"]["message"] and r.headers["retry-after"]
                    health = await client.get("/health")
                    assert health.status_code == 503 and "database" in health.json()["checks"]["reason"]
            assert not [r for r in caplog.records if r.exc_info], "a traceback was logged for an outage"
            assert len([r for r in caplog.records if "outage" in r.getMessage()]) <= 2  # once per interval
            proxy.restore()
            r = await client.post("/v1/images/generations", json=BODY)
            assert r.status_code == 200, r.text
            assert (await client.get("/health")).status_code == 200
    finally:
        proxy.close()


async def test_a_full_disk_refuses_new_jobs_with_503(tmp_path: Path) -> None:
    extra = {"inline_workers": True, "warm_workers": False, "min_free_bytes": 1 << 62}  # more than any disk has
    async with serve(tmp_path, extra=extra) as (client, _app):
        health = await client.get("/health")
        assert health.status_code == 503 and health.json()["checks"]["disk"] is False
        r = await client.post("/v1/images/generations", json=BODY)
        assert r.status_code == 503 and "disk" in r.json()["error"]["message"], r.text


async def test_deeply_nested_json_is_a_4xx_in_the_dialect_shape(tmp_path: Path) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    obj = '{"a":' * 50_000 + "1" + "}" * 50_000
    async with serve(tmp_path, extra={"inline_workers": True, "warm_workers": False}) as (client, _app):
        for path in ("/v1/images/imageToImage", "/v1/images/vectorize", "/v1/images/generations", "/v1",
                     "/api/v1/images", "/api/v1/chat/completions", "/api/v1/models/flux/run"):  # fmt: skip
            for body in (deep, obj):
                r = await client.post(path, content=body, headers={"content-type": "application/json"})
                assert 400 <= r.status_code < 500, (path, r.status_code, r.text[:300])


async def test_pixeldojo_webhook_url_is_checked_at_submit(tmp_path: Path) -> None:
    async with serve(tmp_path, extra={"inline_workers": True, "warm_workers": False}) as (client, _app):
        for url in ("http://10.0.0.1/hook", "http://127.0.0.1:9/hook", "http://169.254.169.254/latest"):
            r = await client.post("/api/v1/models/recraft-v4/run", json={"prompt": "a badge", "webhookUrl": url})
            assert r.status_code == 400, r.text
            assert r.json()["error"]["param"] == "webhookUrl"
        assert (await client.get("/v1/jobs")).json()["data"] == []  # nothing was accepted (or charged)


async def test_backends_list_needs_a_key_when_auth_is_on(tmp_path: Path) -> None:
    async with serve(tmp_path, extra={"inline_workers": True, "warm_workers": False}, auth="on") as (client, app):
        assert (await client.get("/v1/backends")).status_code == 401
        secret = app.state.service.keys.create("ops", credits=10)[1]
        r = await client.get("/v1/backends", headers={"Authorization": f"Bearer {secret}"})
        assert r.status_code == 200 and r.json()["data"]


async def test_prompts_without_visible_characters_are_refused_and_not_charged(tmp_path: Path) -> None:
    async with serve(tmp_path, extra={"inline_workers": True, "warm_workers": False}) as (client, _app):
        for prompt in ("\u200b\u200b\u200b", "\x00\x00", "\u200d \ufeff\u2060", "a logo\x00 for a bakery"):
            r = await client.post("/v1/images/generations", json={**BODY, "prompt": prompt})
            assert r.status_code == 400 and r.json()["error"]["param"] == "prompt", r.text
            r = await client.post("/api/v1/models/recraft-v4/run", json={"prompt": prompt})
            assert r.status_code == 400 and r.json()["error"]["param"] == "prompt", r.text
        assert (await client.get("/v1/jobs")).json()["data"] == []


def _runware_task(index: int) -> dict[str, Any]:
    return {
        "taskType": "imageInference", "taskUUID": f"00000000-0000-4000-8000-{index:012d}", "model": "recraft:v4@0",
        "positivePrompt": "a minimal fox logo", "width": 1024, "height": 1024, "deliveryMethod": "async",
    }  # fmt: skip


async def test_runware_task_arrays_count_against_the_rate_limit_and_are_capped(tmp_path: Path) -> None:
    async with serve(tmp_path, extra={"inline_workers": True, "warm_workers": False}, auth="on") as (client, app):
        secret = app.state.service.keys.create("small", credits=10_000, rate_limit_per_minute=5)[1]
        auth = {"Authorization": f"Bearer {secret}"}
        r = await client.post("/v1", json=[_runware_task(i) for i in range(6)], headers=auth)
        assert r.status_code == 429, r.text  # six jobs from a five-a-minute key
        r = await client.post("/v1", json=[_runware_task(i) for i in range(3)], headers=auth)
        assert r.status_code == 200, r.text
        r = await client.post("/v1", json=[_runware_task(i) for i in range(3, 6)], headers=auth)
        assert r.status_code == 429 and r.json()["errors"][0]["code"], r.text  # 3 + 3 > 5 in one minute
        assert len((await client.get("/v1/jobs", headers=auth)).json()["data"]) == 3
        r = await client.post("/v1", json=[_runware_task(i) for i in range(101)], headers=auth)
        assert r.status_code == 400 and r.json()["errors"][0]["parameter"] == "tasks", r.text
