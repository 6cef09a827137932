"""The app shell in-process (httpx ASGITransport) on a real Service with a temporary SQLite database.

Health, OpenAPI, signed files (valid / tampered / expired / 304), the body limit, auth on and off, 401/402/429 in
the OpenRouter shape, quotes, job history paging, cancel, unexpected errors, settings precedence and the keys CLI.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from click.testing import CliRunner
from fastapi import FastAPI

from artboard.cli import main
from artboard.errors import RateLimited
from artboard.jobs.service import Service
from artboard.jobs.types import ApiKey
from artboard.server.app import create_app
from artboard.server.deps import RateLimiter
from artboard.server.settings import Settings, load_settings
from artboard.spec import make_spec

pytestmark = pytest.mark.anyio
BASE = "http://testserver"
CHAT = "/api/v1/chat/completions"


def make_service(settings: Settings) -> Service:
    return Service(settings.to_service_config())


@dataclass
class Server:
    app: FastAPI
    settings: Settings
    service: Service

    def client(self, key: str | None = None, app: FastAPI | None = None) -> httpx.AsyncClient:
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        return httpx.AsyncClient(transport=httpx.ASGITransport(app=app or self.app), base_url=BASE, headers=headers)

    def key(
        self, name: str = "test", credits: int | None = 10_000, rate_limit: int | None = None
    ) -> tuple[ApiKey, str]:
        key, secret = self.service.keys.create(name, credits=credits, rate_limit_per_minute=rate_limit)
        return key, secret


@pytest.fixture(scope="module")
async def server(tmp_path_factory: pytest.TempPathFactory, anyio_backend: str) -> AsyncIterator[Server]:
    data = tmp_path_factory.mktemp("server")
    settings = load_settings(
        data_dir=data, auth="on", workers=2, max_body_bytes=64 * 1024, public_base_url=BASE, sync_timeout_seconds=60
    )
    service = make_service(settings)
    app = create_app(settings, service=service)
    async with app.router.lifespan_context(app):
        yield Server(app, settings, service)


def chat_body(prompt: str = "minimal fox logo called Ember", **extra: Any) -> dict[str, Any]:
    return {
        "model": "recraft/recraft-v4",
        "messages": [{"role": "user", "content": prompt}],
        "modalities": ["image"],
        **extra,
    }


def assert_openrouter_error(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == status and isinstance(error["message"], str) and error["message"]
    assert isinstance(error["metadata"], dict)
    return dict(error)


async def test_health_and_openapi(server: Server) -> None:
    async with server.client() as client:
        health = await client.get("/health")
        assert health.status_code == 200, health.text
        assert health.json()["ready"] is True and health.json()["status"] == "ok"
        spec = (await client.get("/openapi.json")).json()
        assert spec["info"]["title"] == "artboard" and "OpenRouter" in spec["info"]["description"]
        for path in (CHAT, "/api/v1/images", "/api/v1/models", "/v1/jobs", "/v1/quote", "/health"):
            assert path in spec["paths"], path
        assert (await client.get("/docs")).status_code == 200


async def test_auth_required_when_on(server: Server) -> None:
    async with server.client() as client:
        missing = assert_openrouter_error(await client.post(CHAT, json=chat_body()), 401)
        assert "key" in missing["message"].lower()
    async with server.client("ab_not-a-key") as client:
        assert_openrouter_error(await client.post(CHAT, json=chat_body()), 401)
        assert (await client.get("/v1/account")).json()["error"]["code"] == "unauthorized"  # OpenAI style


async def test_revoked_key_is_refused(server: Server) -> None:
    key, secret = server.key("to-revoke")
    async with server.client(secret) as client:
        assert (await client.get("/v1/account")).status_code == 200
        server.service.keys.revoke(key.id)
        assert_openrouter_error(await client.post(CHAT, json=chat_body()), 401)


async def test_account_shows_key_and_credits(server: Server) -> None:
    _key, secret = server.key("alice", credits=1234)
    async with server.client(secret) as client:
        body = (await client.get("/v1/account")).json()
    assert body["auth"] is True and body["key"]["name"] == "alice" and body["credits"] == 1234
    assert secret not in json.dumps(body)


async def test_insufficient_credits_is_402(server: Server) -> None:
    _key, secret = server.key("poor", credits=5)
    async with server.client(secret) as client:
        error = assert_openrouter_error(await client.post(CHAT, json=chat_body()), 402)
    assert "credit" in error["message"].lower()


async def test_rate_limit_is_429_with_retry_after(server: Server) -> None:
    _key, secret = server.key("limited", rate_limit=2)
    async with server.client(secret) as client:
        for _ in range(2):
            assert (await client.get("/v1/account")).status_code == 200
        response = await client.post(CHAT, json=chat_body())
    assert_openrouter_error(response, 429)
    assert int(response.headers["Retry-After"]) >= 1


def test_rate_limiter_refills() -> None:
    now = [0.0]
    limiter = RateLimiter(clock=lambda: now[0])
    for _ in range(3):
        limiter.check("k", 3)
    with pytest.raises(RateLimited) as caught:
        limiter.check("k", 3)
    assert 19 < caught.value.retry_after <= 20  # 3/min → one token every 20 s
    now[0] += 20
    limiter.check("k", 3)
    limiter.check("other", 3)  # buckets are per key
    limiter.check("k", 0)  # 0 = no limit


async def test_auth_off_needs_no_key(server: Server) -> None:
    settings = server.settings.model_copy(update={"auth": "off"})
    app = create_app(settings, service=server.service)  # same running service, auth off
    async with server.client(app=app) as client:
        account = (await client.get("/v1/account")).json()
        assert account == {"object": "account", "auth": False, "key": None, "credits": None}
        response = await client.post(CHAT, json=chat_body(seed=3))
        assert response.status_code == 200, response.text
        assert response.json()["choices"][0]["message"]["images"]


async def test_body_limit_is_413_in_dialect_shape(server: Server) -> None:
    _key, secret = server.key()
    big = chat_body("x" * (server.settings.max_body_bytes + 10))
    async with server.client(secret) as client:
        assert_openrouter_error(await client.post(CHAT, json=big), 413)

        async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: counted while streaming
            for _ in range(100):
                yield b" " * 1024

        streamed = await client.post(CHAT, content=chunks(), headers={"Content-Type": "application/json"})
        assert_openrouter_error(streamed, 413)
        plain = await client.post("/v1/quote", json={"prompt": "y" * 70_000})
        assert plain.status_code == 413 and plain.json()["error"]["code"] == "payload_too_large"


async def _generated_file(server: Server, secret: str) -> dict[str, Any]:
    async with server.client(secret) as client:
        response = await client.post(
            "/api/v1/images", json={"prompt": "a lemon badge", "seed": 11, "response_format": "url"}
        )
        assert response.status_code == 200, response.text
        return dict(response.json()["data"][0])


async def test_signed_files(server: Server) -> None:
    _key, secret = server.key()
    item = await _generated_file(server, secret)
    url = urlsplit(item["url"])
    query = {k: v[0] for k, v in parse_qs(url.query).items()}
    async with server.client() as client:  # signed URLs need no key
        ok = await client.get(f"{url.path}?{url.query}")
        assert ok.status_code == 200 and ok.headers["content-type"] == "image/png"
        assert ok.content.startswith(b"\x89PNG") and "max-age=" in ok.headers["cache-control"]
        etag = ok.headers["etag"]
        again = await client.get(f"{url.path}?{url.query}", headers={"If-None-Match": etag})
        assert again.status_code == 304
        tampered = query["sig"][:-2] + ("00" if not query["sig"].endswith("00") else "11")
        bad = await client.get(url.path, params={"expires": query["expires"], "sig": tampered})
        assert bad.status_code == 403 and bad.json()["error"]["code"] == "forbidden"
        other_key = await client.get(url.path + "x", params=query)
        assert other_key.status_code == 403
        longer = await client.get(url.path, params={"expires": int(query["expires"]) + 60, "sig": query["sig"]})
        assert longer.status_code == 403
        expired_url = server.service.signed_url(url.path.removeprefix("/files/"), expires_at=time.time() - 5)
        expired = urlsplit(expired_url)
        gone = await client.get(f"{expired.path}?{expired.query}")
        assert gone.status_code == 410 and gone.json()["error"]["code"] == "expired"
        missing = await client.get(url.path, params={"sig": query["sig"]})
        assert missing.status_code == 400


async def test_quote_prices_without_running(server: Server) -> None:
    key, secret = server.key("quoter", credits=100)
    async with server.client(secret) as client:
        quote = await client.post("/v1/quote", json={"prompt": "fox logo", "model": "recraftv4_pro", "n": 2})
        assert quote.status_code == 200, quote.text
        body = quote.json()
        assert body["credits"] == 120 and body["usd"] == pytest.approx(0.48) and body["images"] == 2
        assert body["params"]["size"] == "2048x2048" and body["affordable"] is False and body["balance"] == 100
        vector = (await client.post("/v1/quote", json={"prompt": "fox", "format": "svg"})).json()
        assert vector["model"] == "artboard-v1-vector" and vector["credits"] == 20
        bad = await client.post("/v1/quote", json={"prompt": "fox", "size": "999x999"})
        assert bad.status_code == 400 and bad.json()["error"]["param"] == "size"
        path = await client.post("/v1/quote", json={"prompt": "fox", "image": "/etc/passwd"})
        assert path.status_code == 400 and path.json()["error"]["param"] == "image"
        jobs = (await client.get("/v1/jobs")).json()
    assert jobs["data"] == []  # nothing was run
    assert server.service.keys.get(key.id).credits == 100


async def test_job_history_paging(server: Server) -> None:
    _key, secret = server.key("history")
    async with server.client(secret) as client:
        ids = []
        for seed in range(3):
            response = await client.post(CHAT, json=chat_body(seed=seed))
            assert response.status_code == 200, response.text
            ids.append(response.json()["id"].removeprefix("gen-"))
        first = (await client.get("/v1/jobs", params={"limit": 2})).json()
        assert [j["id"] for j in first["data"]] == ids[::-1][:2] and first["has_more"] is True
        second = (await client.get("/v1/jobs", params={"limit": 2, "before": first["next_before"]})).json()
        assert [j["id"] for j in second["data"]] == [ids[0]] and second["has_more"] is False
        one = (await client.get(f"/v1/jobs/{ids[0]}")).json()
        assert one["status"] == "succeeded" and one["artifacts"][0]["url"].startswith(BASE + "/files/")
        assert one["dialect"] == "openrouter" and one["credits"] == 10
        bad_limit = await client.get("/v1/jobs", params={"limit": 0})
        assert bad_limit.status_code == 400 and bad_limit.json()["error"]["param"] == "limit"
    _other, other_secret = server.key("someone-else")
    async with server.client(other_secret) as client:
        assert (await client.get(f"/v1/jobs/{ids[0]}")).status_code == 404  # another key's job
        assert (await client.get("/v1/jobs")).json()["data"] == []


async def test_cancel_refunds(server: Server) -> None:
    key, secret = server.key("canceller", credits=10_000)
    spec = make_spec("seamless pattern of lemons and leaves", tier="pro", n=20, seed=1)
    job = await server.service.submit(
        kind="generate",
        request=spec.model_dump(mode="json"),
        model="artboard-v1-pro",
        dialect="openrouter",
        key_id=key.id,
    )
    assert server.service.keys.get(key.id).credits == 10_000 - 1200
    async with server.client(secret) as client:
        cancelled = await client.delete(f"/v1/jobs/{job.id}")
        assert cancelled.status_code == 200, cancelled.text
        assert cancelled.json()["status"] == "cancelled"
        for _ in range(100):  # the refund lands with the transition
            if server.service.keys.get(key.id).credits == 10_000:
                break
            await asyncio.sleep(0.05)
        assert server.service.keys.get(key.id).credits == 10_000
        again = await client.delete(f"/v1/jobs/{job.id}")  # cancelling twice is harmless
        assert again.status_code == 200 and again.json()["status"] == "cancelled"
        done = (await client.post(CHAT, json=chat_body(seed=9))).json()["id"].removeprefix("gen-")
        finished = await client.delete(f"/v1/jobs/{done}")
        assert finished.status_code == 409 and finished.json()["error"]["code"] == "conflict"
        assert (await client.delete("/v1/jobs/nope")).status_code == 404


async def test_unexpected_errors_are_500_without_internals(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    _key, secret = server.key()

    def boom(**_: Any) -> None:
        raise RuntimeError("secret internals at /srv/db password=hunter2")

    monkeypatch.setattr(server.service, "quote", boom)
    async with server.client(secret) as client:
        response = await client.post("/v1/quote", json={"prompt": "fox"})
    assert response.status_code == 500
    assert "hunter2" not in response.text and response.json()["error"]["code"] == "internal_error"


async def test_unknown_route_and_method(server: Server) -> None:
    async with server.client() as client:
        assert (await client.get("/nope")).status_code == 404
        wrong = await client.get(CHAT)
    assert_openrouter_error(wrong, 405)


def test_settings_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "artboard.toml"
    config.write_text('port = 9001\nhost = "0.0.0.0"\nfetch_allow = ["10.0.0.0/8"]\nworkers = 3\n')
    monkeypatch.setenv("ARTBOARD_WORKERS", "5")
    monkeypatch.setenv("ARTBOARD_CORS_ORIGINS", "https://a.test, https://b.test")
    settings = load_settings(config, port=9002, data_dir=tmp_path)
    assert settings.port == 9002  # flag > file
    assert settings.workers == 5  # env > file
    assert settings.fetch_allow == ["10.0.0.0/8"] and settings.cors_origins == ["https://a.test", "https://b.test"]
    assert settings.auth_enabled  # auto + non-loopback host
    assert settings.public_base_url == "http://127.0.0.1:9002"
    assert settings.database_url == f"sqlite:///{tmp_path / 'artboard.db'}"
    config_service = settings.to_service_config()
    assert config_service.auth_enabled and config_service.fetch_allow == ("10.0.0.0/8",)
    local = load_settings(data_dir=tmp_path)
    assert not local.auth_enabled and local.port == 8000
    assert all(field.description for field in Settings.model_fields.values())
    config.write_text("bogus = 1\n")
    with pytest.raises(Exception, match="bogus"):
        load_settings(config)


def test_keys_cli(tmp_path: Path) -> None:
    runner = CliRunner()
    base = ["--data-dir", str(tmp_path)]
    created = runner.invoke(main, ["keys", "create", "ci", "--credits", "70", "--rate-limit", "30", *base])
    assert created.exit_code == 0, created.output
    secret = created.output.split("secret (shown once): ")[1].strip()
    listed = json.loads(runner.invoke(main, ["keys", "list", "--json", *base]).output)
    assert listed[0]["name"] == "ci" and listed[0]["credits"] == 70 and secret not in json.dumps(listed)
    key_id = listed[0]["id"]
    topped = runner.invoke(main, ["keys", "top-up", key_id, "30", *base])
    assert topped.exit_code == 0 and "100 credits" in topped.output
    revoked = runner.invoke(main, ["keys", "revoke", listed[0]["prefix"], *base])
    assert revoked.exit_code == 0, revoked.output
    assert json.loads(runner.invoke(main, ["keys", "list", "--json", *base]).output)[0]["revoked"] is True
    assert runner.invoke(main, ["keys", "revoke", "nope", *base]).exit_code == 1
    assert runner.invoke(main, ["serve", "--port", "70000", *base]).exit_code == 2


def test_serve_prints_how_to_call_it_and_creates_a_first_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: calls.append(kwargs))
    args = ["serve", "--data-dir", str(tmp_path), "--auth", "on", "--port", "8123", "--workers", "1"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert calls[0]["port"] == 8123 and calls[0]["host"] == "127.0.0.1"
    out = first.output
    assert "http://127.0.0.1:8123/docs" in out and "/api/v1/chat/completions" in out
    assert "/v1/images/generations" in out and "Authorization: Bearer" in out
    secret = next(line.split("=", 1)[1] for line in out.splitlines() if "export ARTBOARD_KEY=" in line)
    listed = json.loads(CliRunner().invoke(main, ["keys", "list", "--json", "--data-dir", str(tmp_path)]).output)
    assert len(listed) == 1 and secret.startswith(listed[0]["prefix"])
    second = CliRunner().invoke(main, args)
    assert second.exit_code == 0 and secret not in second.output  # shown once
    local = CliRunner().invoke(main, ["serve", "--data-dir", str(tmp_path / "local")])
    assert "auth: off" in local.output and "Authorization" not in local.output


async def test_backends_health_is_gettable(tmp_path: Path) -> None:
    from artboard.server.app import create_app
    from artboard.server.settings import Settings

    app = create_app(Settings(data_dir=tmp_path, workers=0, auth="off"))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            response = await client.get("/v1/backends")
    assert response.status_code == 200
    rows = {row["name"]: row for row in response.json()["data"]}
    assert rows["design"]["available"] is True
    assert rows["recraft"]["available"] is False  # no upstream key configured
    assert "capabilities" in rows["design"]
