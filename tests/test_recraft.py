"""Recraft-native dialect (`/v1/images/…`, `/v1/models`, `/v1/users/me`) on the real app and Service, plus the
official OpenAI python client against a real `artboard serve` process."""

from __future__ import annotations

import base64
import io
import json
import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image

from app_support import BASE, serve
from artboard.jobs.service import Service
from artboard.server.app import create_app
from artboard.server.settings import Settings
from live_server import artboard_serve
from loopback import LoopbackReceiver

pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
async def client(tmp_path_factory: pytest.TempPathFactory, anyio_backend: str) -> AsyncIterator[httpx.AsyncClient]:
    """One app + Service (auth off) for the tests that need no settings of their own."""
    async with serve(tmp_path_factory.mktemp("shared")) as (shared, _app):
        yield shared


def png_bytes(size: tuple[int, int] = (64, 48), color: tuple[int, int, int] = (200, 40, 40)) -> bytes:
    image = Image.new("RGB", size, (255, 255, 255))
    image.paste(color, (size[0] // 4, size[1] // 4, 3 * size[0] // 4, 3 * size[1] // 4))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def pixels(data: bytes) -> bytes:
    return Image.open(io.BytesIO(data)).convert("RGBA").tobytes()


def data_url(data: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(data).decode()


def assert_error(response: httpx.Response, status: int, param: str | None) -> dict[str, Any]:
    """Recraft's error shape here: {"error": {"message", "type", "param", "code"}}, naming the parameter."""
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert set(error) >= {"message", "type", "param", "code"}
    if param is not None:
        assert error["param"] == param, error
        assert param in error["message"]
    return dict(error)


# ------------------------------------------------------------------------------------------------ generations


async def test_generations_b64_json_and_url(client: httpx.AsyncClient) -> None:
    body = {
        "model": "recraftv4",
        "prompt": "minimal fox logo called Ember",
        "n": 2,
        "size": "1024x1024",
        "random_seed": 7,
        "response_format": "b64_json",
        "controls": {"colors": [{"rgb": [10, 20, 30]}, {"rgb": [240, 200, 40]}]},
        "negative_prompt": "ignored for V4",
        "some_future_field": {"ignored": True},
    }
    r = await client.post("/v1/images/generations", json=body)
    assert r.status_code == 200, r.text
    out = r.json()
    assert set(out) >= {"created", "credits", "data"} and isinstance(out["created"], int)
    assert out["credits"] == 80  # Recraft API units: 40 per V4 raster image ($0.04; 1,000 units = $1)
    assert len(out["data"]) == 2
    for item in out["data"]:
        assert item["image_id"] and "url" not in item
        assert isinstance(item["features"]["nsfw_score"], float)
        assert item["revised_prompt"] == body["prompt"]
        image = Image.open(io.BytesIO(base64.b64decode(item["b64_json"])))
        assert image.format == "PNG" and image.size == (1024, 1024)
    assert out["data"][0]["b64_json"] != out["data"][1]["b64_json"]  # seeds 7 and 8

    r = await client.post("/v1/images/generations", json={**body, "n": 1, "response_format": "url"})
    assert r.status_code == 200, r.text
    item = r.json()["data"][0]
    assert "b64_json" not in item and "/files/" in item["url"]
    download = await client.get(item["url"])
    assert download.status_code == 200
    assert pixels(download.content) == pixels(base64.b64decode(out["data"][0]["b64_json"]))  # same seed


async def test_vector_pro_ratio_and_webp(client: httpx.AsyncClient) -> None:
    r = await client.post("/v1/images/generations", json={"model": "recraftv4_vector", "prompt": "a sailing badge"})
    assert r.status_code == 200, r.text
    assert r.json()["credits"] == 80  # $0.08
    url = r.json()["data"][0]["url"]
    assert re.search(r"\.svg\b", url)
    svg = await client.get(url)
    assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
    assert svg.content.lstrip().startswith(b"<svg") or b"<svg" in svg.content[:200]

    r = await client.post(
        "/v1/images/generations",
        json={"model": "recraftv4_vector", "prompt": "a sailing badge", "response_format": "b64_json"},
    )
    assert b"<svg" in base64.b64decode(r.json()["data"][0]["b64_json"])

    r = await client.post(
        "/v1/images/generations",
        json={"model": "recraftv4_pro", "prompt": "poster", "size": "16:9", "response_format": "b64_json"},
    )
    assert r.status_code == 200, r.text
    assert r.json()["credits"] == 250  # $0.25
    assert Image.open(io.BytesIO(base64.b64decode(r.json()["data"][0]["b64_json"]))).size == (2688, 1536)

    r = await client.post(
        "/v1/images/generations",
        json={
            "prompt": "icon",
            "size": "3:2",
            "image_format": "webp",
            "response_format": "b64_json",
            "style": "any",
            "controls": {"background_color": {"rgb": [255, 255, 255]}, "no_text": True},
        },
    )
    assert r.status_code == 200, r.text
    image = Image.open(io.BytesIO(base64.b64decode(r.json()["data"][0]["b64_json"])))
    assert image.format == "WEBP" and image.size == (1280, 832)


INVALID_GENERATIONS: list[tuple[dict[str, Any], str]] = [
    ({}, "prompt"),
    ({"prompt": ""}, "prompt"),
    ({"prompt": "x" * 10_001}, "prompt"),
    ({"prompt": 5}, "prompt"),
    ({"prompt": "p", "model": "recraftv3"}, "model"),
    ({"prompt": "p", "size": "999x999"}, "size"),
    ({"prompt": "p", "size": "2048x2048"}, "size"),  # a 2K size on the 1K model
    ({"prompt": "p", "model": "recraftv4_pro", "size": "1024x1024"}, "size"),
    ({"prompt": "p", "size": "huge"}, "size"),
    ({"prompt": "p", "n": 0}, "n"),
    ({"prompt": "p", "n": 7}, "n"),
    ({"prompt": "p", "n": "two"}, "n"),
    ({"prompt": "p", "random_seed": -1}, "random_seed"),
    ({"prompt": "p", "random_seed": 2**32}, "random_seed"),
    ({"prompt": "p", "style": "realistic_image"}, "style"),
    ({"prompt": "p", "style_id": "a1b2"}, "style_id"),
    ({"prompt": "p", "substyle": "hand_drawn"}, "substyle"),
    ({"prompt": "p", "response_format": "multipart"}, "response_format"),
    ({"prompt": "p", "image_format": "gif"}, "image_format"),
    ({"prompt": "p", "controls": {"colors": [{"rgb": [300, 0, 0]}]}}, "controls.colors"),
    ({"prompt": "p", "controls": {"colors": [{"rgb": [1, 2]}]}}, "controls.colors"),
    ({"prompt": "p", "controls": {"background_color": {"rgb": "red"}}}, "controls.background_color"),
    ({"prompt": "p", "controls": {"artistic_level": 9}}, "controls.artistic_level"),
    ({"prompt": "p", "controls": "blue"}, "controls"),
]


async def test_invalid_generation_inputs_name_the_parameter(client: httpx.AsyncClient) -> None:
    for body, param in INVALID_GENERATIONS:
        r = await client.post("/v1/images/generations", json=body)
        error = assert_error(r, 400, param)
        assert error["type"] == "invalid_request_error" and error["code"] == "invalid_parameter"
    json_header = {"content-type": "application/json"}
    r = await client.post("/v1/images/generations", content=b"{not json", headers=json_header)
    assert r.status_code == 400 and "error" in r.json()


# ------------------------------------------------------------------------------------------------ image to image


async def test_image_to_image_multipart_and_json(client: httpx.AsyncClient) -> None:
    source = png_bytes()
    form = {
        "prompt": "a red fox badge",
        "strength": "0.3",
        "response_format": "b64_json",
        "random_seed": "11",
        "controls": json.dumps({"colors": [{"rgb": [200, 40, 40]}, {"rgb": [255, 255, 255]}]}),
    }
    r = await client.post("/v1/images/imageToImage", data=form, files={"image": ("in.png", source, "image/png")})
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["credits"] == 40 and len(out["data"]) == 1
    assert Image.open(io.BytesIO(base64.b64decode(out["data"][0]["b64_json"]))).size == (1024, 1024)

    body = {
        "prompt": "a red fox badge",
        "strength": 0.3,
        "image_url": data_url(source),
        "random_seed": 11,
        "response_format": "b64_json",
        "controls": {"colors": [{"rgb": [200, 40, 40]}, {"rgb": [255, 255, 255]}]},
    }
    r = await client.post("/v1/images/imageToImage", json=body)
    assert r.status_code == 200, r.text
    assert r.json()["data"][0]["b64_json"] == out["data"][0]["b64_json"]  # same input, seed, params

    r = await client.post(
        "/v1/images/imageToImage",
        json={"prompt": "x", "strength": 0.5, "image_url": data_url(source), "model": "recraftv4_vector"},
    )
    assert r.status_code == 200 and r.json()["credits"] == 80

    bad: list[tuple[dict[str, Any], str]] = [
        ({"prompt": "x", "image_url": data_url(source)}, "strength"),
        ({"prompt": "x", "image_url": data_url(source), "strength": 1.5}, "strength"),
        ({"prompt": "x", "strength": 0.2}, "image"),
        ({"prompt": "x", "strength": 0.2, "image_url": "ftp://example.com/a.png"}, "image_url"),
        ({"prompt": "x", "strength": 0.2, "image_url": "http://127.0.0.1:9/a.png"}, "image_url"),  # SSRF guard
        ({"prompt": "x", "strength": 0.2, "image_url": "data:image/png;base64,bm90IGFuIGltYWdl"}, "image_url"),
        ({"strength": 0.2, "image_url": data_url(source)}, "prompt"),
    ]
    for payload, param in bad:
        assert_error(await client.post("/v1/images/imageToImage", json=payload), 400, param)
    r = await client.post(
        "/v1/images/imageToImage",
        data={"prompt": "x", "strength": "0.2"},
        files={"image": ("in.png", b"not an image", "image/png")},
    )
    assert_error(r, 400, "image")
    too_big = b"\x89PNG\r\n\x1a\n" + b"\0" * (10 * 1024 * 1024)
    r = await client.post(
        "/v1/images/imageToImage",
        data={"prompt": "x", "strength": "0.2"},
        files={"image": ("big.png", too_big, "image/png")},
    )
    assert_error(r, 413, "image")


async def test_sync_timeout_408_then_collect_with_the_same_idempotency_key(
    tmp_path: Path, receiver: LoopbackReceiver
) -> None:
    """A job that outlives sync_timeout_seconds answers 408; resending with the same key collects the same job.

    The first app runs no workers (workers=0), so the 408 does not depend on timing; a second app on the same
    database and data folder then runs the stored job.
    """
    receiver.files["/in.png"] = png_bytes()
    body = {"prompt": "a fox", "strength": 0.4, "image_url": receiver.at("/in.png"), "response_format": "b64_json"}
    headers = {"Idempotency-Key": "slow-1"}
    options: dict[str, Any] = {
        "data_dir": tmp_path / "data",
        "auth": "off",
        "public_base_url": BASE,
        "fetch_allow": ["127.0.0.1"],
        "sync_timeout_seconds": 0.2,
    }
    settings = Settings(workers=1, **options)
    idle = create_app(settings, service=Service(replace(settings.to_service_config(), workers=0)))
    transport = httpx.ASGITransport(app=idle)
    async with idle.router.lifespan_context(idle), httpx.AsyncClient(transport=transport, base_url=BASE) as client:
        r = await client.post("/v1/images/imageToImage", json=body, headers=headers)
        error = assert_error(r, 408, None)
        assert error["type"] == "timeout_error" and "Idempotency-Key" in error["message"]
    async with serve(tmp_path, **options | {"sync_timeout_seconds": 120}) as (client, _app):
        r = await client.post("/v1/images/imageToImage", json=body, headers=headers)
        assert r.status_code == 200, r.text
        assert r.json()["credits"] == 40 and len(r.json()["data"]) == 1


# ------------------------------------------------------------------------------------------------ vectorize


async def test_vectorize_multipart_and_json(client: httpx.AsyncClient) -> None:
    source = png_bytes((96, 64))
    for field in ("file", "image"):
        r = await client.post(
            "/v1/images/vectorize",
            files={field: ("in.png", source, "image/png")},
            data={
                "strict_color_palette": "[[200, 40, 40], [255, 255, 255]]",
                "limit_num_shapes": "true",
                "max_num_shapes": "50",
                "small_shape_filter": "true",
                "svg_compression": "true",
            },
        )
        assert r.status_code == 200, r.text
        out = r.json()
        assert set(out) >= {"created", "credits", "image"} and out["credits"] == 10  # $0.01
        assert out["image"]["image_id"] and out["image"]["url"]
        svg = (await client.get(out["image"]["url"])).text
        assert "<svg" in svg
        fills = {f.lower() for f in re.findall(r'fill="(#[0-9a-fA-F]{6})"', svg)}
        assert fills <= {"#c82828", "#ffffff"}, fills

    r = await client.post("/v1/images/vectorize", json={"image_url": data_url(source), "response_format": "b64_json"})
    assert r.status_code == 200, r.text
    assert base64.b64decode(r.json()["image"]["b64_json"]).lstrip().startswith((b"<svg", b"<?xml"))

    for payload, param in [
        ({}, "file"),
        ({"image_url": data_url(source), "strict_color_palette": [[300, 0, 0]]}, "strict_color_palette"),
        ({"image_url": data_url(source), "max_num_shapes": 0}, "max_num_shapes"),
        ({"image_url": data_url(source), "limit_num_shapes": True}, "max_num_shapes"),
        ({"image_url": data_url(source), "shape_stacking": "sideways"}, "shape_stacking"),
        ({"image_url": data_url(source), "response_format": "svg"}, "response_format"),
        ({"image_url": "gopher://x"}, "image_url"),
    ]:
        assert_error(await client.post("/v1/images/vectorize", json=payload), 400, param)
    r = await client.post("/v1/images/vectorize", files={"file": ("in.png", b"GIF89a nope", "image/gif")})
    assert_error(r, 400, "file")


# ------------------------------------------------------------------------------------------------ discovery, keys


async def test_models_and_users_me_without_auth(client: httpx.AsyncClient) -> None:
    r = await client.get("/v1/models")
    assert r.status_code == 200
    data = {m["id"]: m for m in r.json()["data"]}
    for model_id in ("recraftv4", "recraftv4_vector", "recraftv4_pro", "recraftv4_pro_vector", "artboard-v1"):
        entry = data[model_id]
        assert set(entry) >= {"id", "name", "input_modalities", "output_modalities", "pricing"}
        assert "image" in entry["output_modalities"] and float(entry["pricing"]["image"]) > 0
    assert float(data["recraftv4"]["pricing"]["image"]) == pytest.approx(0.04)
    assert float(data["recraftv4_pro_vector"]["pricing"]["image"]) == pytest.approx(0.28)
    me = (await client.get("/v1/users/me")).json()
    assert set(me) == {"id", "email", "name", "credits"} and me["email"] is None


async def test_auth_credits_and_idempotency(tmp_path: Path) -> None:
    async with serve(tmp_path, auth="on") as (client, app):
        keys = app.state.service.keys
        _key, secret = keys.create("recraft-test", credits=100)
        _poor, poor_secret = keys.create("poor", credits=5)
        auth = {"Authorization": f"Bearer {secret}"}

        error = assert_error(
            await client.post("/v1/images/generations", json={"prompt": "x"}, headers={"Authorization": "Bearer nope"}),
            401,
            None,
        )
        assert error["code"] == "unauthorized" and error["type"] == "authentication_error"
        assert_error(await client.get("/v1/users/me"), 401, None)
        assert (await client.get("/v1/models")).status_code == 200  # discovery stays public

        me = (await client.get("/v1/users/me", headers=auth)).json()
        assert me["credits"] == 100 and me["email"] is None and me["name"] == "recraft-test"

        headers = {**auth, "Idempotency-Key": "recraft-idem-1"}
        first = await client.post("/v1/images/generations", json={"prompt": "fox", "random_seed": 3}, headers=headers)
        second = await client.post("/v1/images/generations", json={"prompt": "fox", "random_seed": 3}, headers=headers)
        assert first.status_code == second.status_code == 200, second.text
        assert first.json()["data"][0]["image_id"] == second.json()["data"][0]["image_id"]
        assert (await client.get("/v1/users/me", headers=auth)).json()["credits"] == 90  # charged once

        r = await client.post(
            "/v1/images/generations", json={"prompt": "x"}, headers={"Authorization": f"Bearer {poor_secret}"}
        )
        assert_error(r, 402, None)

        _limited, limited = keys.create("limited", credits=100, rate_limit_per_minute=1)
        limited_auth = {"Authorization": f"Bearer {limited}"}
        assert (await client.get("/v1/users/me", headers=limited_auth)).status_code == 200
        r = await client.get("/v1/users/me", headers=limited_auth)
        assert assert_error(r, 429, None)["type"] == "rate_limit_error" and int(r.headers["Retry-After"]) >= 1


# ------------------------------------------------------------------------------------------------ OpenAI client


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[str]:
    """A real `artboard serve` process on a free loopback port (auth off, its own data dir), killed afterwards."""
    with artboard_serve(tmp_path) as (base, _process):
        yield base


def test_official_openai_client_against_real_server(live_server: str) -> None:
    openai = pytest.importorskip("openai")
    client = openai.OpenAI(base_url=f"{live_server}/v1", api_key="local", timeout=180, max_retries=0)
    assert "recraftv4" in {model.id for model in client.models.list()}

    result = client.images.generate(
        model="recraftv4",
        prompt="minimal fox logo called Ember",
        size="1024x1024",
        n=2,
        response_format="b64_json",
        extra_body={"random_seed": 7, "controls": {"colors": [{"rgb": [10, 20, 30]}]}},
    )
    assert result.data is not None and len(result.data) == 2
    for item in result.data:
        assert item.b64_json
        image = Image.open(io.BytesIO(base64.b64decode(item.b64_json)))
        assert image.size == (1024, 1024)

    result = client.images.generate(
        model="recraftv4",
        prompt="minimal fox logo",
        size="1024x1024",
        response_format="url",
        extra_body={"random_seed": 7},
    )
    assert result.data is not None and result.data[0].url
    download = httpx.get(result.data[0].url, timeout=30)
    assert download.status_code == 200 and download.headers["content-type"] == "image/png"
    assert pixels(download.content) == pixels(base64.b64decode(first_b64(client)))

    with pytest.raises(openai.BadRequestError) as caught:
        client.images.generate(model="recraftv4", prompt="x", size="999x999")  # type: ignore[arg-type]
    assert caught.value.status_code == 400
    assert caught.value.param == "size"


def first_b64(client: Any) -> str:
    """The b64 of seed 7 without palette, to compare with the URL download of the same request."""
    result = client.images.generate(
        model="recraftv4",
        prompt="minimal fox logo",
        size="1024x1024",
        response_format="b64_json",
        extra_body={"random_seed": 7},
    )
    return str(result.data[0].b64_json)
