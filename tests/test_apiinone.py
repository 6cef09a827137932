"""API-in-One style dialect on the real app and Service: the seed page's own request replayed verbatim, polling
`/api/v1/tasks/{task_id}` to completion, the `{code, message, data}` envelope and its error shape."""

from __future__ import annotations

import io
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image

from app_support import serve

pytestmark = pytest.mark.anyio

# The seed page's example, byte for byte (seeds/002: curl -X POST …/api/v1/images/generations --data-raw '…').
SEED_BODY = b"""{
"model": "recraft-v4-text-to-image",
"prompt": "A minimalist line art illustration of a mountain landscape, clean design",
"image_size": "1024x1024"
}"""


@pytest.fixture(scope="module")
async def client(tmp_path_factory: pytest.TempPathFactory, anyio_backend: str) -> AsyncIterator[httpx.AsyncClient]:
    """One app + Service (auth off) for the tests that need no settings of their own."""
    async with serve(tmp_path_factory.mktemp("shared")) as (shared, _app):
        yield shared


async def poll_task(client: httpx.AsyncClient, task_id: str, headers: dict[str, str] | None = None) -> dict[str, Any]:
    """GET the task until it leaves IN_PROGRESS (bounded, so a broken server fails instead of hanging)."""
    deadline = time.monotonic() + 180
    while True:
        r = await client.get(f"/api/v1/tasks/{task_id}", headers=headers or {})
        assert r.status_code == 200, r.text
        body: dict[str, Any] = r.json()
        assert body["code"] == 200 and body["message"] == "success"
        if body["data"]["status"] != "IN_PROGRESS":
            return body
        assert time.monotonic() < deadline, body
        await _sleep()


async def _sleep() -> None:
    import anyio

    await anyio.sleep(0.05)


def assert_error(response: httpx.Response, status: int, param: str | None) -> None:
    """API-in-One errors: {"code": <HTTP status>, "message": …, "data": null} with the same HTTP status."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"code", "message", "data"}
    assert body["code"] == status and body["data"] is None and body["message"]
    if param is not None:
        assert param in body["message"], body


async def test_seed_example_verbatim_then_poll_and_download(client: httpx.AsyncClient) -> None:
    r = await client.post(
        "/api/v1/images/generations",
        content=SEED_BODY,
        headers={"Authorization": "Bearer aio_your_api_key", "Content-Type": "application/json"},
    )
    assert r.status_code == 200, r.text
    created = r.json()
    assert created["code"] == 200 and created["message"] == "success"
    assert created["data"]["status"] == "IN_PROGRESS" and created["data"]["task_id"]
    assert created["data"]["credits"] == 10

    done = await poll_task(client, created["data"]["task_id"])
    data = done["data"]
    assert data["status"] == "completed" and data["error"] is None
    assert data["task_id"] == created["data"]["task_id"]
    assert data["model"] == "recraft-v4-text-to-image" and data["credits"] == 10
    assert data["created_at"] and data["completed_at"] and data["expires_at"]
    images = data["result"]["images"]
    assert len(images) == 1 and isinstance(images[0], str)
    download = await client.get(images[0])
    assert download.status_code == 200 and download.headers["content-type"] == "image/png"
    assert Image.open(io.BytesIO(download.content)).size == (1024, 1024)


@pytest.mark.parametrize(
    ("model", "credits", "size", "kind"),
    [
        ("recraft-v4-text-to-vector", 20, (1024, 1024), "svg"),
        ("recraft-v4-pro-text-to-image", 60, (2048, 2048), "png"),
        ("recraft-v4-text-to-image-pro", 60, (2048, 2048), "png"),
        ("recraft-v4-pro-text-to-vector", 70, (2048, 2048), "svg"),
    ],
)
async def test_sub_models_price_and_output(
    client: httpx.AsyncClient, model: str, credits: int, size: tuple[int, int], kind: str
) -> None:
    r = await client.post("/api/v1/images/generations", json={"model": model, "prompt": "a lighthouse badge"})
    assert r.status_code == 200, r.text
    assert r.json()["data"]["credits"] == credits
    done = await poll_task(client, r.json()["data"]["task_id"])
    assert done["data"]["status"] == "completed", done
    download = await client.get(done["data"]["result"]["images"][0])
    if kind == "svg":
        assert download.headers["content-type"].startswith("image/svg+xml")
        assert f'width="{size[0]}"' in download.text and f'height="{size[1]}"' in download.text
    else:
        assert Image.open(io.BytesIO(download.content)).size == size


async def test_image_size_ratio_seed_and_extras(client: httpx.AsyncClient) -> None:
    body = {"prompt": "a mountain", "image_size": "16:9", "seed": 42, "unknown_extra": "warned"}
    r = await client.post("/api/v1/images/generations", json=body)
    assert r.status_code == 200, r.text
    assert r.json()["data"]["model"] == "recraft-v4-text-to-image"  # the default sub-model
    done = await poll_task(client, r.json()["data"]["task_id"])
    download = await client.get(done["data"]["result"]["images"][0])
    assert Image.open(io.BytesIO(download.content)).size == (1344, 768)


async def test_invalid_inputs_and_unknown_task(client: httpx.AsyncClient) -> None:
    for body, param in [
        ({"model": "recraft-v4-text-to-image"}, "prompt"),
        ({"prompt": ""}, "prompt"),
        ({"prompt": "x" * 10_001}, "prompt"),
        ({"prompt": "p", "model": "grok-imagine"}, "model"),
        ({"prompt": "p", "image_size": "1000x1000"}, "image_size"),
        ({"prompt": "p", "image_size": "big"}, "image_size"),
        ({"prompt": "p", "model": "recraft-v4-pro-text-to-image", "image_size": "1000x1000"}, "image_size"),
        ({"prompt": "p", "seed": -1}, "seed"),
        ({"prompt": "p", "n": 9}, "n"),
    ]:
        assert_error(await client.post("/api/v1/images/generations", json=body), 400, param)
    r = await client.post("/api/v1/images/generations", json={"prompt": "p", "model": "nope"})
    assert "recraft-v4-text-to-image" in r.json()["message"]  # the allowed sub-models are listed
    assert_error(await client.get("/api/v1/tasks/does-not-exist"), 404, None)


async def test_auth_and_idempotency(tmp_path: Path) -> None:
    async with serve(tmp_path, auth="on") as (client, app):
        _key, secret = app.state.service.keys.create("aio", credits=100)
        auth = {"Authorization": f"Bearer {secret}"}
        assert_error(
            await client.post(
                "/api/v1/images/generations",
                content=SEED_BODY,
                headers={"Authorization": "Bearer aio_your_api_key", "Content-Type": "application/json"},
            ),
            401,
            None,
        )
        headers = {**auth, "Idempotency-Key": "aio-1", "Content-Type": "application/json"}
        first = await client.post("/api/v1/images/generations", content=SEED_BODY, headers=headers)
        second = await client.post("/api/v1/images/generations", content=SEED_BODY, headers=headers)
        assert first.status_code == second.status_code == 200, second.text
        assert first.json()["data"]["task_id"] == second.json()["data"]["task_id"]
        done = await poll_task(client, first.json()["data"]["task_id"], auth)
        assert done["data"]["status"] == "completed"
        assert app.state.service.keys.balance(_key.id) == 90  # charged once
        assert_error(await client.get(f"/api/v1/tasks/{first.json()['data']['task_id']}"), 401, None)
