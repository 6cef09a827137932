"""Issue #11: every V4/V4.1 model id the real services list is accepted, unknown ids are refused in the dialect's
own names, and each dialect reports prices in its own service's units (one table: jobs/pricing.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from app_support import serve
from artboard.jobs.pricing import DIALECT_MODELS, dialect_model

pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
async def client(tmp_path_factory: pytest.TempPathFactory, anyio_backend: str) -> AsyncIterator[httpx.AsyncClient]:
    async with serve(tmp_path_factory.mktemp("models")) as (http, _app):
        yield http


@pytest.mark.parametrize(("dialect", "name"), [(d, n) for d, table in DIALECT_MODELS.items() for n in table])
def test_every_listed_id_resolves_to_its_model(dialect: str, name: str) -> None:
    assert dialect_model(dialect, name, default=name).id == DIALECT_MODELS[dialect][name][0]


async def test_v4_1_ids_the_issue_names_are_accepted(client: httpx.AsyncClient) -> None:
    for model in ("recraftv4_1_pro_vector", "recraftv4_1_flash", "recraftv4_pro_raster"):
        r = await client.post("/v1/images/generations", json={"model": model, "prompt": "a fox badge", "n": 1})
        assert r.status_code == 200, (model, r.text)
    for model in ("recraft:v4.1@0", "recraft:v4.1-pro@0"):
        task = {"taskType": "imageInference", "taskUUID": f"5b0c3a56-7c2e-4c51-9f7e-0000000000{len(model):02d}",
                "model": model, "positivePrompt": "a fox badge", "deliveryMethod": "async"}  # fmt: skip
        r = await client.post("/v1", json=[task])
        assert r.status_code == 200, (model, r.text)
    r = await client.post("/api/v1/models/recraft-v4.1/run", json={"prompt": "a fox badge"})
    assert r.status_code == 202, r.text


async def test_unknown_models_are_refused_in_the_dialects_own_names(client: httpx.AsyncClient) -> None:
    r = await client.post("/v1/images/generations", json={"model": "dall-e-3", "prompt": "p"})
    assert r.status_code == 400 and "recraftv4_1_flash" in r.json()["error"]["message"]
    assert "artboard-v1" not in r.json()["error"]["message"]
    task = {"taskType": "imageInference", "taskUUID": "5b0c3a56-7c2e-4c51-9f7e-000000000099",
            "model": "runware:100@1", "positivePrompt": "p"}  # fmt: skip
    r = await client.post("/v1", json=[task])
    assert r.status_code == 400 and "recraft:v4.1@0" in r.json()["errors"][0]["message"]
    r = await client.post("/api/v1/models/flux-1.1-pro/run", json={"prompt": "p"})
    assert r.status_code == 404 and "recraft-v4.1" in str(r.json()["error"]["allowed"])
    r = await client.post("/api/v1/images/generations", json={"model": "flux", "prompt": "p"})
    assert "recraft-v4-pro-text-to-vector" in r.text and "artboard-v1" not in r.text


async def test_each_dialect_reports_its_own_units(client: httpx.AsyncClient) -> None:
    r = await client.post("/v1/images/generations", json={"model": "recraftv4", "prompt": "a fox badge", "n": 1})
    assert r.json()["credits"] == 40  # Recraft API units: $0.04 = 40
    task = {"taskType": "imageInference", "taskUUID": "5b0c3a56-7c2e-4c51-9f7e-000000000042", "width": 2048,
            "height": 2048, "model": "recraft:v4-pro@0", "positivePrompt": "fox", "includeCost": True}  # fmt: skip
    r = await client.post("/v1", json=[task])
    assert r.json()["data"][0]["cost"] == pytest.approx(0.25)  # USD, Runware's page
    r = await client.post("/api/v1/models/recraft-v4/run", json={"prompt": "a fox badge"})
    assert r.json()["creditCost"] == 1  # PixelDojo credits
    r = await client.post("/api/v1/images/generations", json={"model": "recraft-v4-pro-text-to-image", "prompt": "p"})
    assert r.json()["data"]["credits"] == 60  # API-in-One credits
    body = {"model": "recraft/recraft-v4", "prompt": "a fox badge"}
    r = await client.post("/api/v1/images", json=body)
    assert r.json()["usage"]["cost"] == pytest.approx(0.04)  # OpenRouter: USD
