"""Issue #11: clients of each service work unchanged apart from the base URL — the official OpenAI SDK included —
on the shared root (where the body tells the callers apart) and on each dialect's own base URL."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from openai import OpenAI

from live_server import artboard_serve


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with artboard_serve(tmp_path_factory.mktemp("paths"), workers=1) as (url, _process):
        yield url


OPENROUTER_LIST = {"data", "links", "total_count"}  # OpenRouter's GET /models body (its SDK requires all three)


def _png(b64: str | None) -> bytes:
    assert b64
    data = base64.b64decode(b64)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return data


@pytest.mark.parametrize("path", ["/api/v1", "/openrouter/api/v1"])
def test_openai_sdk_images_generate_on_openrouters_base_url(base: str, path: str) -> None:
    client = OpenAI(base_url=base + path, api_key="unused", max_retries=0)
    result = client.images.generate(model="recraft/recraft-v4", prompt="a minimal fox logo", n=1, size="1024x1024")
    assert result.data and _png(result.data[0].b64_json)
    assert result.usage is None or result.usage.total_tokens is not None


@pytest.mark.parametrize("path", ["/api/v1", "/openrouter/api/v1"])
def test_openai_sdk_chat_with_modalities_as_openrouters_docs_show(base: str, path: str) -> None:
    """OpenRouter's docs use the OpenAI SDK for chat image generation, `modalities` passed in `extra_body`."""
    client = OpenAI(base_url=base + path, api_key="unused", max_retries=0)
    messages: Any = [{"role": "user", "content": "a minimal fox logo"}]
    done = client.chat.completions.create(model="recraft/recraft-v4", messages=messages,
                                          extra_body={"modalities": ["image"]})  # fmt: skip
    images = (done.choices[0].message.model_extra or {})["images"]
    assert _png(images[0]["image_url"]["url"].split(",", 1)[1])
    stream = client.chat.completions.create(model="recraft/recraft-v4.1", messages=messages, stream=True,
                                            extra_body={"modalities": ["image", "text"]})  # fmt: skip
    chunks = list(stream)
    assert any((c.choices[0].delta.model_extra or {}).get("images") for c in chunks if c.choices)
    assert chunks[-1].choices[0].finish_reason == "stop"


@pytest.mark.parametrize("path", ["/api/v1", "/openrouter/api/v1"])
def test_openrouter_sdk_unchanged(base: str, path: str) -> None:
    """OpenRouter's own Python SDK (`openrouter`, which validates every response against OpenRouter's schema):
    chat with images, streaming chat, the image API and both model lists, prices in OpenRouter's USD."""
    openrouter = pytest.importorskip("openrouter")
    client = openrouter.OpenRouter(api_key="unused", server_url=base + path)
    messages: Any = [{"role": "user", "content": "a fox badge"}]
    chat = client.chat.send(model="recraft/recraft-v4", messages=messages, modalities=["image"],
                            http_referer="https://example.com", x_open_router_title="My App")  # fmt: skip
    assert _png(chat.choices[0].message.images[0].image_url.url.split(",", 1)[1])
    assert chat.usage.cost == pytest.approx(0.04)
    chunks = list(client.chat.send(model="recraft/recraft-v4.1", messages=[{"role": "user", "content": "a fox"}],
                                   modalities=["image", "text"], stream=True))  # fmt: skip
    assert chunks[-1].choices[0].finish_reason == "stop" and chunks[-1].usage.cost == pytest.approx(0.04)
    generated = client.images.generate(model="recraft/recraft-v4", prompt="a minimal fox logo", aspect_ratio="1:1")
    assert _png(generated.data[0].b64_json)
    listed = {m.id: m for m in client.models.list().result.data}
    assert listed["recraft/recraft-v4.1"].pricing.image == "0.04"  # OpenRouter's page (seeds/001)
    assert listed["recraft/recraft-v4-pro"].pricing.image == "0.25"  # what usage.cost reports for it
    image_models = {m.id: m for m in client.images.list_models().data}
    assert image_models["recraft/recraft-v4"].supports_streaming


@pytest.mark.parametrize("path", ["/v1", "/recraft/v1"])
def test_openai_sdk_on_recrafts_base_url(base: str, path: str) -> None:
    client = OpenAI(base_url=base + path, api_key="unused", max_retries=0)
    result = client.images.generate(model="recraftv4", prompt="a minimal fox logo", response_format="b64_json")
    assert result.data and _png(result.data[0].b64_json)


@pytest.mark.parametrize("path", ["/api/v1", "/apiinone/api/v1"])
def test_apiinone_bodies_still_get_a_task(base: str, path: str) -> None:
    for body in (
        {"model": "recraft-v4-text-to-image", "prompt": "a fox", "image_size": "1024x1024"},
        {"prompt": "a fox"},
    ):
        r = httpx.post(f"{base}{path}/images/generations", json=body, timeout=60)
        assert r.status_code == 200 and r.json()["code"] == 200 and r.json()["data"]["task_id"], r.text


def test_each_dialect_has_its_own_base_url(base: str) -> None:
    openrouter = httpx.get(f"{base}/openrouter/api/v1/models").json()
    pixeldojo = httpx.get(f"{base}/pixeldojo/api/v1/models").json()
    merged = httpx.get(f"{base}/api/v1/models").json()
    assert set(openrouter) == OPENROUTER_LIST and "data" not in pixeldojo and pixeldojo["models"]
    assert merged["data"] == openrouter["data"] and merged["models"] == pixeldojo["models"]
    r = httpx.post(f"{base}/pixeldojo/api/v1/models/recraft-v4/run", json={"prompt": "a fox"})
    assert r.status_code == 202 and r.json()["jobId"]
    task = {"taskType": "imageInference", "taskUUID": "9a4c8b2e-1f3d-4e5a-8b7c-6d5e4f3a2b1c", "model": "recraft:v4@0",
            "positivePrompt": "a fox", "deliveryMethod": "async"}  # fmt: skip
    r = httpx.post(f"{base}/runware/v1", json=[task])
    assert r.status_code == 200 and r.json()["data"][0]["taskUUID"] == task["taskUUID"], r.text
    missing = httpx.get(f"{base}/openrouter/api/v1/nothing-here")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == 404  # OpenRouter's error shape


def test_shared_models_path_answers_in_the_callers_shape(base: str) -> None:
    """GET /api/v1/models: the unmodified OpenAI SDK (how OpenRouter's docs list models) and OpenRouter's optional
    headers get OpenRouter's body alone; a PixelDojo-named caller gets PixelDojo's; plain httpx/curl, which cannot be
    told apart, gets both bodies (each client reads its own keys)."""
    client = OpenAI(base_url=base + "/api/v1", api_key="unused", max_retries=0)
    raw = client.models.with_raw_response.list()
    assert set(raw.http_response.json()) == OPENROUTER_LIST, raw.http_response.text
    assert "User-Agent" in raw.headers["vary"]
    assert [m.id for m in raw.parse().data]  # the SDK's own parsing of the list
    referer = httpx.get(f"{base}/api/v1/models", headers={"HTTP-Referer": "https://example.org", "X-Title": "app"})
    assert set(referer.json()) == OPENROUTER_LIST
    pixeldojo = httpx.get(f"{base}/api/v1/models", headers={"User-Agent": "pixeldojo-client/1.0"}).json()
    assert "data" not in pixeldojo and pixeldojo["models"] and pixeldojo["total"] == len(pixeldojo["models"])
    plain = httpx.get(f"{base}/api/v1/models").json()
    assert plain["data"] and plain["models"] == pixeldojo["models"]


def test_bad_json_and_404_answer_in_each_dialects_shape(base: str) -> None:
    bad = b'{"prompt": "a fox",'
    headers = {"content-type": "application/json"}
    runware = httpx.post(f"{base}/v1", content=bad, headers=headers).json()["errors"][0]
    assert runware["parameter"] == "body" and runware["code"] != "invalid2", runware
    recraft = httpx.post(f"{base}/v1/images/generations", content=bad, headers=headers).json()["error"]
    assert recraft["param"] == "body", recraft
    openrouter = httpx.post(f"{base}/api/v1/chat/completions", content=bad, headers=headers)
    assert openrouter.status_code == 400 and openrouter.json()["error"]["code"] == 400
    assert "JSON" in openrouter.json()["error"]["message"]
    pixeldojo = httpx.post(f"{base}/api/v1/models/recraft-v4/run", content=bad, headers=headers).json()["error"]
    assert pixeldojo["param"] == "body", pixeldojo
    assert httpx.get(f"{base}/api/v1/nothing").json()["error"]["code"] == 404  # OpenRouter's shape
    tasks = httpx.get(f"{base}/api/v1/tasks").json()
    assert tasks["code"] == 404 and "data" in tasks  # API-in-One's shape
    assert httpx.get(f"{base}/v1/nothing").json()["error"]["code"] == "not_found"  # Recraft's (OpenAI's) shape


def test_serve_prints_each_dialects_base_url() -> None:
    from artboard.cli import _banner
    from artboard.server.dialects import BASE_PATHS
    from artboard.server.settings import Settings

    banner = _banner(Settings(auth="off", public_base_url="http://127.0.0.1:8000"), None)
    for path in BASE_PATHS.values():
        assert f"http://127.0.0.1:8000{path}" in banner
