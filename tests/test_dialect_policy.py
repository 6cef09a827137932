"""docs/dialect-policy.md, row by row: each field a dialect accepts but cannot honour is rejected, honoured, or
accepted with a visible warning (X-Artboard-Warnings header and an INFO line), as the page says."""

from __future__ import annotations

import io
import logging
import uuid
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import unquote

import httpx
import pytest
from PIL import Image

from app_support import serve
from loopback import LoopbackReceiver

pytestmark = pytest.mark.anyio

CHAT = "/api/v1/chat/completions"
IMAGES = "/api/v1/images"
RECRAFT = "/v1/images/generations"
PIXELDOJO = "/api/v1/models/recraft-v4/run"
APIINONE = "/api/v1/images/generations"
MESSAGES = [{"role": "user", "content": "a minimal fox logo"}]


@pytest.fixture(scope="module")
async def client(tmp_path_factory: pytest.TempPathFactory, anyio_backend: str) -> AsyncIterator[httpx.AsyncClient]:
    async with serve(tmp_path_factory.mktemp("policy"), fetch_allow=["127.0.0.1"]) as (http, _app):
        yield http


def warnings_of(response: httpx.Response) -> list[str]:
    header = response.headers.get("x-artboard-warnings")
    return [unquote(w) for w in header.split("; ")] if header else []


def runware(**fields: Any) -> list[dict[str, Any]]:
    task = {"taskType": "imageInference", "taskUUID": str(uuid.uuid4()), "model": "recraft:v4@0",
            "positivePrompt": "a minimal fox logo", "deliveryMethod": "async", **fields}  # fmt: skip
    return [task]


WARNED: list[tuple[str, str, Any, str]] = [
    ("openrouter quality", IMAGES, {"prompt": "a fox", "quality": "high"}, "quality"),
    ("openrouter moderation", IMAGES, {"prompt": "a fox", "moderation": "low"}, "moderation"),
    ("openrouter strength without image", CHAT,
     {"messages": MESSAGES, "modalities": ["image"], "image_config": {"strength": 0.5}}, "image_config.strength"),
    ("openrouter unknown", CHAT, {"messages": MESSAGES, "modalities": ["image"], "temperature": 0.3}, "temperature"),
    ("openrouter unknown image_config", CHAT,
     {"messages": MESSAGES, "modalities": ["image"], "image_config": {"guidance": 3}}, "image_config.guidance"),
    ("recraft upscale", RECRAFT, {"prompt": "a fox", "model": "recraftv4", "upscale": True}, "upscale"),
    ("recraft unknown control", RECRAFT, {"prompt": "a fox", "controls": {"sharpness": 2}}, "controls.sharpness"),
    ("runware steps", "/v1", runware(steps=30, CFGScale=7), "CFGScale"),
    ("runware other provider", "/v1", runware(providerSettings={"bfl": {"raw": True}}), "providerSettings.bfl"),
    ("runware ttl without URL", "/v1", runware(ttl=600, outputType="base64Data"), "ttl"),
    ("runware unknown", "/v1", runware(frobnicate=1), "frobnicate"),
    ("pixeldojo unknown", PIXELDOJO, {"prompt": "a fox", "guidance_scale": 3}, "guidance_scale"),
    ("apiinone unknown", APIINONE, {"prompt": "a fox", "style": "vivid", "image_size": "1024x1024"}, "style"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "path", "body", "field"), WARNED, ids=[w[0] for w in WARNED])
async def test_accepted_with_a_visible_warning(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture, case: str, path: str, body: Any, field: str
) -> None:
    with caplog.at_level(logging.INFO, logger="artboard.server.params"):
        r = await client.post(path, json=body)
    assert r.status_code < 300, r.text
    assert any(field in w for w in warnings_of(r)), (case, r.headers.get("x-artboard-warnings"))
    assert any(field in record.getMessage() for record in caplog.records)


SILENT: list[tuple[str, str, Any]] = [
    ("recraft negative_prompt", RECRAFT, {"prompt": "a fox", "negative_prompt": "blurry", "text_layout": []}),
    # Honoured (tests/test_styles.py checks the effect), so no warning either.
    ("recraft controls", RECRAFT, {"prompt": "a fox", "controls": {"artistic_level": 2, "no_text": True}}),
    ("runware negativePrompt", "/v1", runware(negativePrompt="blurry")),
]


@pytest.mark.parametrize(("case", "path", "body"), SILENT, ids=[s[0] for s in SILENT])
async def test_documented_no_ops_are_silent(client: httpx.AsyncClient, case: str, path: str, body: Any) -> None:
    r = await client.post(path, json=body)
    assert r.status_code < 300 and not warnings_of(r), (case, r.text[:300], warnings_of(r))


REJECTED: list[tuple[str, str, Any, str]] = [
    ("recraft style", RECRAFT, {"prompt": "a fox", "style": "digital_illustration"}, "style"),
    ("runware seed range", "/v1", runware(seed=2**63), "seed"),
    ("runware upload one image", "/v1", runware(uploadEndpoint="http://127.0.0.1:9/u", numberResults=2),
     "numberResults"),
    ("pixeldojo num_outputs range", PIXELDOJO, {"prompt": "a fox", "num_outputs": 9}, "num_outputs"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "path", "body", "param"), REJECTED, ids=[r[0] for r in REJECTED])
async def test_rejected_in_the_dialects_shape(
    client: httpx.AsyncClient, case: str, path: str, body: Any, param: str
) -> None:
    r = await client.post(path, json=body)
    assert r.status_code == 400, (case, r.text)
    assert param in r.text


async def poll(client: httpx.AsyncClient, url: str, done: Any) -> dict[str, Any]:
    import asyncio

    for _ in range(600):
        body: dict[str, Any] = (await client.get(url)).json()
        if done(body):
            return body
        await asyncio.sleep(0.1)
    raise AssertionError(f"{url} did not finish")


async def test_pixeldojo_num_outputs_is_honoured(client: httpx.AsyncClient) -> None:
    r = await client.post(PIXELDOJO, json={"prompt": "a fox", "num_outputs": 2})
    assert r.status_code == 202 and r.json()["creditCost"] == 2, r.text
    done = await poll(client, r.json()["statusUrl"], lambda b: b["status"] in ("completed", "failed"))
    assert done["status"] == "completed" and len(done["output"]["images"]) == 2


async def test_apiinone_pro_takes_the_pages_default_size(client: httpx.AsyncClient) -> None:
    body = {"model": "recraft-v4-pro-text-to-image", "prompt": "a fox", "image_size": "1024x1024"}
    r = await client.post(APIINONE, json=body)
    assert r.status_code == 200, r.text
    task = r.json()["data"]["task_id"]
    done = await poll(client, f"/api/v1/tasks/{task}", lambda b: b["data"]["status"] != "IN_PROGRESS")
    image = (await client.get(done["data"]["result"]["images"][0])).content
    assert Image.open(io.BytesIO(image)).size == (2048, 2048)


async def test_runware_reports_the_seed_as_sent(client: httpx.AsyncClient) -> None:
    seed = 2**40 + 5
    task = {**runware(seed=seed, numberResults=2)[0], "deliveryMethod": "sync"}
    r = await client.post("/v1", json=[task])
    assert r.status_code == 200, r.text
    assert sorted(item["seed"] for item in r.json()["data"]) == [seed, seed + 1]


async def test_apiinone_callback_url_is_honoured(client: httpx.AsyncClient, receiver: LoopbackReceiver) -> None:
    r = await client.post(APIINONE, json={"prompt": "a fox", "callback_url": receiver.at("/callback")})
    assert r.status_code == 200 and not warnings_of(r), r.text
    task = r.json()["data"]["task_id"]
    (payload,) = await receiver.wait_for(1, timeout=60)
    assert payload["code"] == 200 and payload["data"]["task_id"] == task and payload["data"]["status"] == "completed"
    refused = await client.post(APIINONE, json={"prompt": "a fox", "callback_url": "http://10.1.2.3/cb"})
    assert refused.status_code == 400 and "callback_url" in refused.text


async def test_openrouter_input_references_object_form(client: httpx.AsyncClient) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), (200, 40, 40)).save(buffer, format="PNG")
    import base64

    url = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()
    for reference in ({"type": "image_url", "image_url": {"url": url}}, {"image_url": url}, url):
        r = await client.post(IMAGES, json={"prompt": "the same, as a badge", "input_references": [reference]})
        assert r.status_code == 200, (reference if isinstance(reference, str) else list(reference), r.text[:300])
