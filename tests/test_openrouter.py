"""The OpenRouter dialect on a real Service: the seed pages' example requests replayed, image_config, input images,
SSE streaming read by a real SSE client (httpx-sse), the image API (incl. SVG), the model list, idempotency, error
shapes, and one end-to-end run against a real `artboard serve` process.
"""

from __future__ import annotations

import asyncio
import base64
import io
import json
import subprocess
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from httpx_sse import aconnect_sse, connect_sse
from PIL import Image

from artboard.jobs.service import Service
from artboard.manifest import read_manifest
from artboard.server.app import create_app
from artboard.server.settings import Settings, load_settings
from live_server import artboard_serve
from loopback import LoopbackReceiver

pytestmark = pytest.mark.anyio
BASE = "http://testserver"
CHAT = "/api/v1/chat/completions"
IMAGES = "/api/v1/images"

# The seed pages' sample code (recraft/recraft-v4: image-only; recraft/recraft-v4.1: image + text), verbatim apart
# from the base URL and key. The OpenRouter-specific headers are optional and accepted.
SEED_HEADERS = {"HTTP-Referer": "https://example.com", "X-Title": "My App", "Content-Type": "application/json"}
SEED_V4 = {
    "model": "recraft/recraft-v4",
    "messages": [{"role": "user", "content": "Generate a beautiful sunset over mountains"}],
    "modalities": ["image"],
}
SEED_V41 = {
    "model": "recraft/recraft-v4.1",
    "messages": [{"role": "user", "content": "Generate a beautiful sunset over mountains"}],
    "modalities": ["image", "text"],
}


@dataclass
class Server:
    app: FastAPI
    settings: Settings
    service: Service
    secret: str

    def client(self, app: FastAPI | None = None, headers: dict[str, str] | None = None) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app or self.app),
            base_url=BASE,
            headers={"Authorization": f"Bearer {self.secret}", **(headers or {})},
            timeout=60,
        )

    def variant(self, **changes: Any) -> FastAPI:
        """Another app on the same running service, with some settings changed."""
        return create_app(self.settings.model_copy(update=changes), service=self.service)


@pytest.fixture(scope="module")
async def server(tmp_path_factory: pytest.TempPathFactory, anyio_backend: str) -> AsyncIterator[Server]:
    settings = load_settings(
        data_dir=tmp_path_factory.mktemp("openrouter"),
        auth="on",
        workers=2,
        public_base_url=BASE,
        sync_timeout_seconds=60,
    )
    service = Service(settings.to_service_config())
    app = create_app(settings, service=service)
    async with app.router.lifespan_context(app):
        _key, secret = service.keys.create("openrouter-tests", credits=1_000_000)
        yield Server(app, settings, service, secret)


def decode_data_url(url: str) -> tuple[str, bytes]:
    head, _, payload = url.partition(",")
    assert head.startswith("data:") and head.endswith(";base64"), head
    return head[5:].removesuffix(";base64"), base64.b64decode(payload)


def png_size(data: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG"
        return image.size


def error_of(response: httpx.Response, status: int, param: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == status and error["message"]
    if param is not None:
        assert error["metadata"]["param"] == param, error
        assert param in error["message"]
    return dict(error)


def tiny_png(color: tuple[int, int, int] = (200, 40, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), color).save(buffer, format="PNG")
    return buffer.getvalue()


def data_url(data: bytes, media: str = "image/png") -> str:
    return f"data:{media};base64,{base64.b64encode(data).decode()}"


# -- chat completions ---------------------------------------------------------------------------------------------


async def test_seed_v4_image_only(server: Server) -> None:
    async with server.client(headers=SEED_HEADERS) as client:
        response = await client.post(CHAT, content=json.dumps(SEED_V4))
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["object"] == "chat.completion" and result["model"] == "recraft/recraft-v4"
    message = result["choices"][0]["message"]
    assert message["role"] == "assistant" and not message["content"]
    assert result["choices"][0]["finish_reason"] == "stop"
    images = message["images"]
    assert len(images) == 1 and images[0]["type"] == "image_url"
    media, data = decode_data_url(images[0]["image_url"]["url"])
    assert media == "image/png" and png_size(data) == (1024, 1024)
    usage = result["usage"]
    assert usage["cost"] == pytest.approx(0.04) and usage["total_tokens"] == usage["prompt_tokens"] > 0


async def test_seed_v41_image_and_text(server: Server) -> None:
    async with server.client(headers=SEED_HEADERS) as client:
        response = await client.post(CHAT, json=SEED_V41)
    assert response.status_code == 200, response.text
    message = response.json()["choices"][0]["message"]
    assert isinstance(message["content"], str) and "image" in message["content"]
    assert message["images"][0]["image_url"]["url"].startswith("data:image/png;base64,")


async def test_image_config_size_palette_background_seed(server: Server) -> None:
    body = {
        "model": "recraft/recraft-v4",
        "messages": [{"role": "user", "content": [{"type": "text", "text": "vintage badge for a craft brewery"}]}],
        "modalities": ["image"],
        "image_config": {
            "aspect_ratio": "16:9",
            "image_size": "2K",
            "rgb_colors": [[27, 42, 73], [242, 165, 65]],
            "background_rgb_color": [246, 247, 235],
        },
        "seed": 42,
        "n": 2,
    }
    async with server.client() as client:
        response = await client.post(CHAT, json=body)
    assert response.status_code == 200, response.text
    result = response.json()
    images = result["choices"][0]["message"]["images"]
    assert len(images) == 2 and result["usage"]["cost"] == pytest.approx(2 * 0.25)  # 2K → pro tier
    for index, image in enumerate(images):
        _media, data = decode_data_url(image["image_url"]["url"])
        assert png_size(data) == (2688, 1536)
        manifest = read_manifest(data)
        assert manifest is not None and manifest["seed"] == 42 + index
        assert manifest["params"]["palette"] == ["#1b2a49", "#f2a541"]
        assert manifest["params"]["background"] == "#f6f7eb"


async def test_vector_model_returns_svg_data_urls(server: Server) -> None:
    async with server.client() as client:
        response = await client.post(CHAT, json={**SEED_V4, "model": "recraft/recraft-v4-vector", "seed": 1})
    media, data = decode_data_url(response.json()["choices"][0]["message"]["images"][0]["image_url"]["url"])
    assert media == "image/svg+xml" and b"<svg" in data[:400]
    assert response.json()["usage"]["cost"] == pytest.approx(0.08)


async def test_input_image_with_strength(server: Server) -> None:
    source = tiny_png()
    content = [
        {"type": "text", "text": "turn this into a flat geometric logo"},
        {"type": "image_url", "image_url": {"url": data_url(source)}},
    ]
    async with server.client() as client:
        with_strength = await client.post(
            CHAT,
            json={
                "model": "recraft/recraft-v4",
                "messages": [{"role": "user", "content": content}],
                "modalities": ["image"],
                "image_config": {"strength": 0.6},
                "seed": 5,
            },
        )
        default = await client.post(
            CHAT, json={"model": "recraft/recraft-v4", "messages": [{"role": "user", "content": content}], "seed": 5}
        )
    for response, strength in ((with_strength, 0.6), (default, 0.2)):
        assert response.status_code == 200, response.text
        _media, data = decode_data_url(response.json()["choices"][0]["message"]["images"][0]["image_url"]["url"])
        params = (read_manifest(data) or {})["params"]
        assert params["strength"] == pytest.approx(strength) and params["image"]["width"] == 64


async def test_chat_validation_errors_name_the_parameter(server: Server) -> None:
    one = {"type": "image_url", "image_url": {"url": data_url(tiny_png())}}
    two_images = {**SEED_V4, "messages": [{"role": "user", "content": [{"type": "text", "text": "logo"}, one, one]}]}
    cases: list[tuple[dict[str, Any], str]] = [
        (two_images, "messages"),
        ({**SEED_V4, "image_config": {"aspect_ratio": "21:9"}}, "image_config.aspect_ratio"),
        ({**SEED_V4, "image_config": {"image_size": "4K"}}, "image_config.image_size"),
        ({**SEED_V4, "image_config": {"rgb_colors": [[300, 0, 0]]}}, "image_config.rgb_colors"),
        ({**SEED_V4, "model": "nope/not-a-model"}, "model"),
        ({**SEED_V4, "modalities": ["text"]}, "modalities"),
        ({**SEED_V4, "n": 11}, "n"),
        ({**SEED_V4, "seed": -1}, "seed"),
        ({**SEED_V4, "messages": [{"role": "system", "content": "be nice"}]}, "messages"),
        ({**SEED_V4, "messages": [{"role": "user", "content": [{"type": "input_audio"}]}]}, "messages"),
        (
            {
                **SEED_V4,
                "messages": [
                    {
                        "role": "user",
                        "content": [
                            {"type": "text", "text": "x"},
                            {"type": "image_url", "image_url": {"url": "/etc/passwd"}},
                        ],
                    }
                ],
            },
            "messages",
        ),
        ({"model": "recraft/recraft-v4"}, "messages"),
    ]
    async with server.client() as client:
        for body, param in cases:
            error_of(await client.post(CHAT, json=body), 400, param)
        bad_json = await client.post(CHAT, content=b"{not json", headers={"Content-Type": "application/json"})
        error_of(bad_json, 400)


async def test_unknown_fields_are_accepted(server: Server) -> None:
    body = {
        **SEED_V4,
        "temperature": 0.7,
        "provider": {"order": ["recraft"]},
        "usage": {"include": True},
        "stream_options": {"include_usage": True},
        "image_config": {"aspect_ratio": "1:1", "style": "any"},
        "seed": 3,
    }
    async with server.client() as client:
        assert (await client.post(CHAT, json=body)).status_code == 200


async def test_http_image_urls_go_through_the_ssrf_guard(server: Server, receiver: LoopbackReceiver) -> None:
    receiver.files["/input.png"] = tiny_png((20, 120, 200))
    url = receiver.at("/input.png")
    content = [{"type": "text", "text": "flat logo from this photo"}, {"type": "image_url", "image_url": url}]
    body = {**SEED_V4, "messages": [{"role": "user", "content": content}], "seed": 8}
    async with server.client() as client:
        refused = await client.post(CHAT, json=body)
        error_of(refused, 400, "messages")
        assert "refuse" in refused.json()["error"]["message"]
    async with server.client(server.variant(fetch_allow=["127.0.0.1"])) as client:
        allowed = await client.post(CHAT, json=body)
    assert allowed.status_code == 200, allowed.text
    _media, data = decode_data_url(allowed.json()["choices"][0]["message"]["images"][0]["image_url"]["url"])
    assert (read_manifest(data) or {})["params"]["image"]["width"] == 64


async def test_streaming_chat_chunks(server: Server) -> None:
    body = {**SEED_V41, "stream": True, "n": 3, "seed": 77}
    chunks: list[dict[str, Any]] = []
    done = False
    async with server.client() as client, aconnect_sse(client, "POST", CHAT, json=body) as source:
        assert source.response.headers["content-type"].startswith("text/event-stream")
        async for event in source.aiter_sse():
            if event.data == "[DONE]":
                done = True
                break
            chunks.append(json.loads(event.data))
    assert done and all(c["object"] == "chat.completion.chunk" for c in chunks)
    assert len({c["id"] for c in chunks}) == 1 and chunks[0]["choices"][0]["delta"]["role"] == "assistant"
    images = [img for c in chunks for img in c["choices"][0]["delta"].get("images", [])]
    assert len(images) == 3
    seeds = [(read_manifest(decode_data_url(i["image_url"]["url"])[1]) or {})["seed"] for i in images]
    assert seeds == [77, 78, 79]
    assert any(c["choices"][0]["delta"].get("content") for c in chunks)  # "text" modality
    final = chunks[-1]
    assert final["choices"][0]["finish_reason"] == "stop"
    assert final["usage"]["cost"] == pytest.approx(3 * 0.04)  # V4.1 on OpenRouter: $0.04 (seeds/001)


async def test_stream_error_mid_stream(server: Server) -> None:
    """A job cancelled after its first image: HTTP 200 stream ending in a chunk with top-level error."""
    key_before = {j.id for j in await server.service.list_jobs(key_id=None, limit=100)}

    async def cancel_after_first_image() -> None:
        for _ in range(600):
            jobs = [j for j in await server.service.list_jobs(key_id=None, limit=10) if j.id not in key_before]
            if jobs and jobs[0].artifacts:
                await server.service.cancel(jobs[0].id)
                return
            await asyncio.sleep(0.02)

    body = {**SEED_V4, "stream": True, "n": 10, "image_config": {"image_size": "2K"}, "seed": 1}
    canceller = asyncio.create_task(cancel_after_first_image())
    async with server.client() as client:
        response = await client.post(CHAT, json=body)
    await canceller
    assert response.status_code == 200
    events = [line[6:] for line in response.text.splitlines() if line.startswith("data: ")]
    assert events[-1] == "[DONE]"
    last = json.loads(events[-2])
    assert last["choices"][0]["finish_reason"] == "error" and last["error"]["code"] == "cancelled"
    assert any(json.loads(e)["choices"][0]["delta"].get("images") for e in events[:-2])


async def test_sync_timeout_is_408(server: Server) -> None:
    async with server.client(server.variant(sync_timeout_seconds=0.05)) as client:
        response = await client.post(CHAT, json={**SEED_V4, "n": 10, "image_config": {"image_size": "2K"}})
    error = error_of(response, 408)
    job = await server.service.get(error["metadata"]["job_id"])
    assert job.status.value == "cancelled"  # not billed


async def test_idempotency_key(server: Server) -> None:
    key, secret = server.service.keys.create("idem", credits=100)
    async with server.client(headers={"Authorization": f"Bearer {secret}", "Idempotency-Key": "abc-1"}) as client:
        first = await client.post(CHAT, json={**SEED_V4, "seed": 12})
        second = await client.post(CHAT, json={**SEED_V4, "seed": 12})
        assert first.json()["id"] == second.json()["id"]
        assert server.service.keys.get(key.id).credits == 90
        error_of(await client.post(CHAT, json={**SEED_V4, "seed": 13}), 409)


# -- image API and models -----------------------------------------------------------------------------------------


async def test_images_api(server: Server) -> None:
    async with server.client() as client:
        png = await client.post(
            IMAGES, json={"model": "recraft/recraft-v4", "prompt": "a lemon badge", "seed": 2, "aspect_ratio": "4:3"}
        )
        svg = await client.post(
            IMAGES,
            json={"model": "recraft/recraft-v4", "prompt": "a lemon badge", "seed": 2, "output_format": "svg", "n": 2},
        )
        big = await client.post(
            IMAGES,
            json={
                "prompt": "poster",
                "resolution": "2K",
                "aspect_ratio": "16:9",
                "output_format": "webp",
                "output_compression": 80,
                "seed": 3,
            },
        )
        wxh = await client.post(IMAGES, json={"prompt": "poster", "size": "1344x768", "background": "transparent"})
        url = await client.post(IMAGES, json={"prompt": "icon", "response_format": "url", "seed": 4})
    assert png.status_code == 200, png.text
    body = png.json()
    assert set(body) >= {"created", "data", "usage"} and body["usage"]["cost"] == pytest.approx(0.04)
    assert body["data"][0]["media_type"] == "image/png"
    assert png_size(base64.b64decode(body["data"][0]["b64_json"])) == (1216, 896)
    assert svg.status_code == 200, svg.text
    assert [d["media_type"] for d in svg.json()["data"]] == ["image/svg+xml"] * 2
    assert b"<svg" in base64.b64decode(svg.json()["data"][0]["b64_json"])[:400]
    assert svg.json()["usage"]["cost"] == pytest.approx(0.16)
    assert big.json()["data"][0]["media_type"] == "image/webp" and big.json()["data"][0]["width"] == 2688
    transparent = Image.open(io.BytesIO(base64.b64decode(wxh.json()["data"][0]["b64_json"])))
    assert transparent.size == (1344, 768) and transparent.mode == "RGBA"
    item = url.json()["data"][0]
    assert item["url"].startswith(BASE + "/files/") and item["expires_at"] > time.time()


async def test_images_api_errors(server: Server) -> None:
    cases: list[tuple[dict[str, Any], str]] = [
        ({"prompt": "x", "output_format": "jpeg", "background": "transparent"}, "background"),
        ({"prompt": "x", "output_format": "gif"}, "output_format"),
        ({"prompt": "x", "n": 11}, "n"),
        ({"prompt": "x", "resolution": "4K"}, "resolution"),
        ({"prompt": "x", "size": "999x999"}, "size"),
        ({"prompt": "x", "input_references": [data_url(tiny_png()), data_url(tiny_png())]}, "input_references"),
        ({"prompt": "", "model": "recraft/recraft-v4"}, "prompt"),
        ({"prompt": "x", "background": "striped"}, "background"),
        ({"prompt": "x", "response_format": "xml"}, "response_format"),
    ]
    async with server.client() as client:
        for body, param in cases:
            error_of(await client.post(IMAGES, json=body), 400, param)


async def test_images_api_stream(server: Server) -> None:
    events: list[tuple[str, str]] = []
    async with (
        server.client() as client,
        aconnect_sse(
            client,
            "POST",
            IMAGES,
            json={
                "prompt": "sticker of a fox",
                "n": 2,
                "stream": True,
                "seed": 9,
                "input_references": [data_url(tiny_png())],
            },
        ) as source,
    ):
        async for event in source.aiter_sse():
            events.append((event.event, event.data))
    assert events[-1][1] == "[DONE]"
    completed = [json.loads(data) for name, data in events if name == "image_generation.completed"]
    assert [c["index"] for c in completed] == [0, 1] and all(c["media_type"] == "image/png" for c in completed)
    assert all(c["type"] == "image_generation.completed" and c["b64_json"] for c in completed)


async def test_models(server: Server) -> None:
    async with server.client() as client:
        both = (await client.get("/api/v1/models")).json()
        listed = both["data"]
        assert "models" in both and both["total"] == len(both["models"])  # PixelDojo reads the same path
        image_models = (await client.get("/api/v1/images/models")).json()["data"]
    by_id = {m["id"]: m for m in listed}
    assert {"recraft/recraft-v4", "recraft/recraft-v4.1", "artboard-v1", "artboard-v1-pro-vector"} <= set(by_id)
    assert by_id["recraft/recraft-v4"]["pricing"]["image"] == "0.04"
    assert by_id["recraft/recraft-v4"]["architecture"]["output_modalities"] == ["image"]
    vector = next(m for m in image_models if m["id"] == "artboard-v1-vector")
    assert vector["supported_parameters"]["output_format"]["values"] == ["svg"]


# -- a real server process ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    with artboard_serve(tmp_path_factory.mktemp("live")) as running:
        yield running


def test_end_to_end_real_server(live_server: tuple[str, subprocess.Popen[bytes]]) -> None:
    base, _process = live_server
    response = httpx.post(f"{base}{CHAT}", json={**SEED_V4, "seed": 21}, headers=SEED_HEADERS, timeout=60)
    assert response.status_code == 200, response.text
    media, data = decode_data_url(response.json()["choices"][0]["message"]["images"][0]["image_url"]["url"])
    assert media == "image/png" and png_size(data) == (1024, 1024)
    with (
        httpx.Client(timeout=60) as client,
        connect_sse(client, "POST", f"{base}{CHAT}", json={**SEED_V41, "stream": True, "seed": 21}) as source,
    ):
        events = [event.data for event in source.iter_sse()]
    assert events[-1] == "[DONE]"
    streamed = [json.loads(e) for e in events[:-1]]
    image = next(img for c in streamed for img in c["choices"][0]["delta"].get("images", []))
    assert decode_data_url(image["image_url"]["url"])[1] == data  # same seed → the same bytes
    assert streamed[-1]["choices"][0]["finish_reason"] == "stop"
    error = httpx.post(f"{base}{CHAT}", json={**SEED_V4, "image_config": {"image_size": "8K"}}, timeout=30)
    assert error.status_code == 400 and error.json()["error"]["code"] == 400
    docs = httpx.get(f"{base}/openapi.json", timeout=30)
    assert docs.status_code == 200 and CHAT in docs.json()["paths"]
