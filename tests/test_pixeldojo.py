"""PixelDojo style dialect on the real app and Service: the seed page's curl body replayed verbatim → 202 → poll →
expiring image URLs; aspect ratios, errors, webhooks + replay, discovery and the run-body JSON-Schema."""

from __future__ import annotations

import io
import json
import time
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import anyio
import httpx
import pytest
from PIL import Image

from app_support import BASE, serve
from artboard.server.pixeldojo.protocol import ASPECT_RATIOS, RunRequest, to_spec
from artboard.server.pixeldojo.serving import models as pixeldojo_models
from artboard.sizes import SIZE_TABLES
from loopback import LoopbackReceiver

pytestmark = pytest.mark.anyio
RUN = "/api/v1/models/recraft-v4/run"

# The seed page's curl body (seeds/003), byte for byte.
SEED_BODY = b"""{
    "prompt": "A beautiful mountain landscape at golden hour",
    "aspect_ratio": "1:1"
  }"""


@pytest.fixture(scope="module")
async def client(tmp_path_factory: pytest.TempPathFactory, anyio_backend: str) -> AsyncIterator[httpx.AsyncClient]:
    """One app + Service (auth off) for the tests that need no settings of their own."""
    async with serve(tmp_path_factory.mktemp("shared")) as (shared, _app):
        yield shared


async def poll_job(client: httpx.AsyncClient, url: str, headers: dict[str, str] | None = None) -> dict[str, Any]:
    """GET the job until it leaves pending/processing (bounded, so a broken server fails instead of hanging)."""
    deadline = time.monotonic() + 180
    while True:
        r = await client.get(url, headers=headers or {})
        assert r.status_code == 200, r.text
        body: dict[str, Any] = r.json()
        assert body["status"] in ("pending", "processing", "completed", "failed"), body
        if body["status"] not in ("pending", "processing"):
            return body
        assert time.monotonic() < deadline, body
        await anyio.sleep(0.05)


def assert_error(response: httpx.Response, status: int, param: str | None) -> dict[str, Any]:
    """PixelDojo errors here: {"error": {"code", "message", "param"?, "allowed"?}} with the HTTP status."""
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert isinstance(error["code"], str) and isinstance(error["message"], str) and error["message"]
    if param is not None:
        assert error["param"] == param, error
        assert param in error["message"]
    return dict(error)


def parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


async def test_seed_example_verbatim_202_poll_and_images(client: httpx.AsyncClient) -> None:
    r = await client.post(
        RUN,
        content=SEED_BODY,
        headers={"Authorization": "Bearer YOUR_API_KEY", "Content-Type": "application/json"},
    )
    assert r.status_code == 202, r.text
    submitted = r.json()
    assert set(submitted) == {"jobId", "status", "statusUrl", "creditCost", "creditsRemaining", "expiresAt"}
    assert submitted["status"] == "pending" and submitted["creditCost"] == 1  # PixelDojo's page: 1 credit
    assert submitted["creditsRemaining"] is None  # auth off: no balance to report
    assert submitted["statusUrl"] == f"{BASE}/api/v1/jobs/{submitted['jobId']}"
    assert parse_time(submitted["expiresAt"]).tzinfo is not None

    done = await poll_job(client, submitted["statusUrl"])
    assert done["jobId"] == submitted["jobId"] and done["status"] == "completed"
    assert done["creditCost"] == 1 and "error" not in done
    expires = parse_time(done["expiresAt"])
    images = done["output"]["images"]
    assert len(images) == 1
    query = parse_qs(urlsplit(images[0]).query)
    assert int(query["expires"][0]) == int(expires.timestamp())  # the URL expires with the job's files
    download = await client.get(images[0])
    assert download.status_code == 200 and download.headers["content-type"] == "image/png"
    assert Image.open(io.BytesIO(download.content)).size == (1024, 1024)

    tampered = images[0].replace(f"expires={query['expires'][0]}", f"expires={int(query['expires'][0]) + 60}")
    assert (await client.get(tampered)).status_code == 403


def test_every_pixeldojo_aspect_ratio_maps_to_an_exact_table_size() -> None:
    assert ASPECT_RATIOS == ("1:1", "16:9", "9:16", "4:3", "3:4", "3:2", "2:3", "4:5")
    for model, tier in (("recraft-v4", "standard"), ("recraft-v4-pro", "pro")):
        for ratio in ASPECT_RATIOS:
            _info, spec = to_spec(model, RunRequest(prompt="p", aspect_ratio=ratio))
            assert (spec.width, spec.height) == SIZE_TABLES[tier][ratio]  # type: ignore[index]
    _info, spec = to_spec("recraft-v4", RunRequest.model_validate({"input": {"prompt": "p", "aspect_ratio": "4:5"}}))
    assert (spec.width, spec.height) == (896, 1152)  # SDK-style {"input": {…}} is unwrapped
    assert (
        RunRequest.model_validate({"prompt": "p", "webhook_url": "https://x.test/h"}).webhookUrl == "https://x.test/h"
    )


async def test_aspect_ratio_size_seed_and_vector(client: httpx.AsyncClient) -> None:
    r = await client.post(RUN, json={"prompt": "a lighthouse poster", "aspect_ratio": "16:9", "seed": 5})
    assert r.status_code == 202, r.text
    done = await poll_job(client, r.json()["statusUrl"])
    image = Image.open(io.BytesIO((await client.get(done["output"]["images"][0])).content))
    assert image.size == (1344, 768)

    r = await client.post(RUN, json={"prompt": "a lighthouse poster", "size": "832x1280", "seed": 5})
    done = await poll_job(client, r.json()["statusUrl"])
    assert Image.open(io.BytesIO((await client.get(done["output"]["images"][0])).content)).size == (832, 1280)

    r = await client.post("/api/v1/models/recraft-v4-vector/run", json={"prompt": "a fox icon", "size": "1K"})
    assert r.status_code == 202 and r.json()["creditCost"] == 1
    done = await poll_job(client, r.json()["statusUrl"])
    svg = await client.get(done["output"]["images"][0])
    assert svg.headers["content-type"].startswith("image/svg+xml") and b"<svg" in svg.content


async def test_invalid_inputs_name_the_parameter(client: httpx.AsyncClient) -> None:
    error = assert_error(await client.post(RUN, json={"prompt": "p", "aspect_ratio": "21:9"}), 400, "aspect_ratio")
    assert error["allowed"] == list(ASPECT_RATIOS)
    for ratio in ASPECT_RATIOS:
        assert ratio in error["message"]
    for body, param in [
        ({"aspect_ratio": "1:1"}, "prompt"),
        ({"prompt": ""}, "prompt"),
        ({"prompt": "x" * 10_001}, "prompt"),
        ({"prompt": "p", "aspect_ratio": "2:1"}, "aspect_ratio"),  # a table ratio, but not one of PixelDojo's 8
        ({"prompt": "p", "size": "2K"}, "size"),
        ({"prompt": "p", "size": "2048x2048"}, "size"),
        ({"prompt": "p", "size": "1344x768", "aspect_ratio": "1:1"}, "size"),
        ({"prompt": "p", "size": "large"}, "size"),
        ({"prompt": "p", "seed": -1}, "seed"),
        ({"prompt": "p", "seed": 2**32}, "seed"),
        ({"prompt": "p", "seed": "abc"}, "seed"),
        ({"prompt": "p", "webhookUrl": "ftp://example.com/hook"}, "webhookUrl"),
        ({"prompt": "p", "output_format": "gif"}, "output_format"),
    ]:
        assert_error(await client.post(RUN, json=body), 400, param)
    assert_error(await client.post("/api/v1/models/flux-1.1-pro/run", json={"prompt": "p"}), 404, "model")
    assert_error(await client.get("/api/v1/jobs/job_missing"), 404, None)
    assert_error(await client.post("/api/v1/jobs/job_missing/webhook/replay"), 404, None)


async def test_discovery_and_schema(client: httpx.AsyncClient) -> None:
    listing = pixeldojo_models()  # GET /api/v1/models, when no other dialect's listing takes that path first
    assert listing["total"] == len(listing["models"]) == listing["imageCount"] and listing["videoCount"] == 0
    assert {m["apiId"] for m in listing["models"]} >= {"recraft-v4", "recraft-v4-pro"}
    detail = (await client.get("/api/v1/models/recraft-v4")).json()
    assert detail["apiId"] == "recraft-v4" and detail["modality"] == "image"
    assert detail["creditCost"] == {"default": 1, "type": "fixed", "amount": 1}
    schema = (await client.get("/api/v1/models/recraft-v4/schema")).json()
    assert schema == detail["requestSchema"]
    assert schema["type"] == "object" and schema["required"] == ["prompt"]
    assert schema["properties"]["aspect_ratio"]["enum"] == list(ASPECT_RATIOS)
    assert {"prompt", "aspect_ratio", "size", "seed"} <= set(schema["properties"])
    seed_body = json.loads(SEED_BODY)
    assert set(seed_body) <= set(schema["properties"])
    assert seed_body["aspect_ratio"] in schema["properties"]["aspect_ratio"]["enum"]
    pro = (await client.get("/api/v1/models/recraft-v4-pro/schema")).json()
    assert pro["properties"]["size"]["enum"][0] == "2K"
    assert_error(await client.get("/api/v1/models/nope"), 404, "model")


async def test_webhook_and_replay(tmp_path: Path, receiver: LoopbackReceiver) -> None:
    async with serve(tmp_path, fetch_allow=["127.0.0.1"]) as (client, _app):
        r = await client.post(RUN, json={"prompt": "a mountain badge", "webhookUrl": receiver.at()})
        assert r.status_code == 202, r.text
        job_id = r.json()["jobId"]
        done = await poll_job(client, r.json()["statusUrl"])
        (payload,) = await receiver.wait_for(1)
        assert payload["jobId"] == job_id and payload["status"] == "completed"
        assert payload["output"]["images"] and payload["creditCost"] == 1 and payload["expiresAt"] == done["expiresAt"]
        headers = receiver.posts()[0].headers
        assert any("signature" in name for name in headers), headers

        replay = await client.post(f"/api/v1/jobs/{job_id}/webhook/replay")
        assert replay.status_code == 202, replay.text
        assert replay.json() == {"jobId": job_id, "replayed": True, "webhookUrl": receiver.at(), "status": "completed"}
        payloads = await receiver.wait_for(2)
        assert payloads[1]["jobId"] == job_id and payloads[1]["output"] == payload["output"]

        plain = await client.post(RUN, json={"prompt": "no hook"})
        await poll_job(client, plain.json()["statusUrl"])
        assert_error(await client.post(f"/api/v1/jobs/{plain.json()['jobId']}/webhook/replay"), 409, None)


async def test_auth_credits_and_idempotency(tmp_path: Path) -> None:
    async with serve(tmp_path, auth="on") as (client, app):
        key, secret = app.state.service.keys.create("dojo", credits=95)
        auth = {"Authorization": f"Bearer {secret}", "Content-Type": "application/json"}
        assert_error(
            await client.post(RUN, content=SEED_BODY, headers={"Authorization": "Bearer YOUR_API_KEY"}), 401, None
        )
        assert (await client.get("/api/v1/models/recraft-v4/schema")).status_code == 200  # discovery is public

        headers = {**auth, "Idempotency-Key": "dojo-1"}
        first = await client.post(RUN, content=SEED_BODY, headers=headers)
        second = await client.post(RUN, content=SEED_BODY, headers=headers)
        assert first.status_code == second.status_code == 202, second.text
        assert first.json()["jobId"] == second.json()["jobId"]
        assert first.json()["creditsRemaining"] == 85 and second.json()["creditsRemaining"] == 85  # charged once
        done = await poll_job(client, first.json()["statusUrl"], auth)
        assert done["status"] == "completed"
        assert_error(await client.get(first.json()["statusUrl"]), 401, None)

        changed = await client.post(RUN, json={"prompt": "something else"}, headers=headers)
        assert_error(changed, 409, None)  # same key, different request

        _poor, poor = app.state.service.keys.create("poor", credits=1)
        poor_headers = {"Authorization": f"Bearer {poor}", "Content-Type": "application/json"}
        assert_error(await client.post(RUN, content=SEED_BODY, headers=poor_headers), 402, None)
        assert app.state.service.keys.balance(key.id) == 85
