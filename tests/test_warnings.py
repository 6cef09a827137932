"""Warnings reach the user: a photographic prompt answered by the flat design composer says so through the Python API,
the CLI, each of the five dialects (in the place docs/warnings.md names), the `X-Artboard-Warnings` header, the job
log, and the polling endpoints after a restart. A design prompt carries no warning anywhere.

The real app and Service (SQLite, files, a worker process) in-process, as the dialect test modules run it.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import anyio
import httpx
import pytest
from click.testing import CliRunner
from httpx_sse import aconnect_sse

import artboard
from app_support import serve
from artboard.cli import main
from artboard.composer import PHOTOGRAPHIC_WARNING
from artboard.manifest import read_manifest
from artboard.server.warning_headers import HEADER, encode

pytestmark = pytest.mark.anyio

PHOTO = "a photo of a bowl of ramen"
PORTRAIT = "studio portrait of a woman, 85mm, bokeh"
DESIGN = "minimal fox logo called Ember"
WARNED = [PHOTOGRAPHIC_WARNING]


@pytest.fixture(scope="module")
async def client(tmp_path_factory: pytest.TempPathFactory, anyio_backend: str) -> AsyncIterator[httpx.AsyncClient]:
    async with serve(tmp_path_factory.mktemp("warnings")) as (shared, _app):
        yield shared


def header_warnings(response: httpx.Response) -> list[str] | None:
    """The `X-Artboard-Warnings` header decoded as docs/warnings.md says (None when absent)."""
    value = response.headers.get(HEADER)
    return None if value is None else [unquote(part) for part in value.split("; ")]


async def poll(client: httpx.AsyncClient, url: str, done: Any) -> httpx.Response:
    deadline = time.monotonic() + 180
    while True:
        response = await client.get(url)
        assert response.status_code == 200, response.text
        if done(response.json()):
            return response
        assert time.monotonic() < deadline, response.text
        await anyio.sleep(0.05)


# -- the engine, the Python API and the CLI ---------------------------------------------------------------------------


def test_python_api_reports_the_warning_and_a_design_prompt_none() -> None:
    [photo] = artboard.generate(PHOTO, seed=3, format="svg", safety=False)
    assert photo.warnings == WARNED == photo.manifest["warnings"]
    assert photo.manifest["backend"] == "design" and photo.manifest["design"]["photographic"] is True
    assert (read_manifest(photo.data) or {})["warnings"] == WARNED  # the file's own manifest says it too
    [portrait] = artboard.generate(PORTRAIT, seed=3, format="png", safety=False, n=2)[1:]
    assert portrait.warnings == WARNED
    [logo] = artboard.generate(DESIGN, seed=3, format="svg", safety=False)
    assert logo.warnings == [] and "warnings" not in logo.manifest


def test_cli_prints_each_warning_to_stderr_and_keeps_stdout(tmp_path: Path) -> None:
    out = tmp_path / "ramen.svg"
    result = CliRunner().invoke(main, ["generate", PHOTO, "-o", str(out), "--seed", "4", "-n", "2"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].endswith("seed=4")  # stdout: paths and seeds, as before
    assert "warning:" not in result.stdout
    assert f"warning: {PHOTOGRAPHIC_WARNING}" in result.stderr.splitlines()  # once, although two images carry it
    assert result.stderr.count("warning: ") == 1

    as_json = CliRunner().invoke(main, ["generate", PHOTO, "-o", str(out), "--seed", "4", "--json"])
    assert as_json.exit_code == 0, as_json.stderr
    written = json.loads(as_json.stdout)
    assert written["warnings"] == WARNED == written["manifest"]["warnings"]
    assert f"warning: {PHOTOGRAPHIC_WARNING}" in as_json.stderr

    plain = CliRunner().invoke(main, ["generate", DESIGN, "-o", str(tmp_path / "fox.svg"), "--seed", "4", "--json"])
    assert plain.exit_code == 0 and "warning:" not in plain.stderr
    assert json.loads(plain.stdout)["warnings"] == []


# -- OpenRouter -------------------------------------------------------------------------------------------------------


async def test_openrouter_chat_message_text_and_header(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="artboard.jobs.dispatcher")
    body = {"model": "recraft/recraft-v4", "modalities": ["image", "text"], "seed": 5,
            "messages": [{"role": "user", "content": PHOTO}]}  # fmt: skip
    response = await client.post("/api/v1/chat/completions", json=body)
    assert response.status_code == 200, response.text
    message = response.json()["choices"][0]["message"]
    assert message["warnings"] == WARNED and len(message["images"]) == 1
    assert f"Warning: {PHOTOGRAPHIC_WARNING}." in message["content"]  # chat UIs show the text
    assert header_warnings(response) == WARNED
    job_id = response.headers["X-Artboard-Job-Id"]
    logged = [
        r.getMessage() for r in caplog.records if r.name == "artboard.jobs.dispatcher" and job_id in r.getMessage()
    ]
    assert len(logged) == 1 and "finished with warnings" in logged[0] and "photographic prompt" in logged[0]

    plain = await client.post(
        "/api/v1/chat/completions", json={**body, "messages": [{"role": "user", "content": DESIGN}]}
    )
    assert plain.status_code == 200, plain.text
    message = plain.json()["choices"][0]["message"]
    assert "warnings" not in message and "Warning" not in message["content"] and header_warnings(plain) is None


async def test_openrouter_chat_stream_carries_warnings_in_the_image_delta(client: httpx.AsyncClient) -> None:
    body = {"model": "recraft/recraft-v4", "modalities": ["image"], "seed": 6, "n": 2, "stream": True,
            "messages": [{"role": "user", "content": PORTRAIT}]}  # fmt: skip
    chunks: list[dict[str, Any]] = []
    async with aconnect_sse(client, "POST", "/api/v1/chat/completions", json=body) as source:
        async for event in source.aiter_sse():
            if event.data == "[DONE]":
                break
            chunks.append(json.loads(event.data))
    deltas = [c["choices"][0]["delta"] for c in chunks if c["choices"][0]["delta"].get("images")]
    assert len(deltas) == 2 and all(d["warnings"] == WARNED for d in deltas)


async def test_openrouter_images_api_data_items_header_and_sse(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/v1/images", json={"prompt": PHOTO, "seed": 7})
    assert response.status_code == 200, response.text
    [item] = response.json()["data"]
    assert item["warnings"] == WARNED and header_warnings(response) == WARNED

    two = await client.post("/api/v1/images", json={"prompt": PHOTO, "seed": 7, "n": 2})
    assert [d["warnings"] for d in two.json()["data"]] == [WARNED, WARNED]
    assert header_warnings(two) is None  # several images: the body says which image has which warning

    events: list[dict[str, Any]] = []
    async with aconnect_sse(client, "POST", "/api/v1/images", json={"prompt": PHOTO, "seed": 8, "stream": True}) as sse:
        async for event in sse.aiter_sse():
            if event.event == "image_generation.completed":
                events.append(json.loads(event.data))
    assert [e["warnings"] for e in events] == [WARNED]

    plain = await client.post("/api/v1/images", json={"prompt": DESIGN, "seed": 7})
    assert "warnings" not in plain.json()["data"][0] and header_warnings(plain) is None


async def test_openai_sdk_reads_the_extra_fields(client: httpx.AsyncClient) -> None:
    openai = pytest.importorskip("openai")
    sdk = openai.AsyncOpenAI(base_url="http://testserver/v1", api_key="local", http_client=client, max_retries=0)
    images = await sdk.images.generate(model="recraftv4", prompt=PHOTO, response_format="b64_json")
    assert images.data is not None and (images.data[0].model_extra or {})["warnings"] == WARNED

    chat = openai.AsyncOpenAI(base_url="http://testserver/api/v1", api_key="local", http_client=client, max_retries=0)
    completion = await chat.chat.completions.create(
        model="recraft/recraft-v4", messages=[{"role": "user", "content": PHOTO}], extra_body={"modalities": ["image"]}
    )
    assert (completion.choices[0].message.model_extra or {})["warnings"] == WARNED


# -- Recraft ----------------------------------------------------------------------------------------------------------


async def test_recraft_data_items_and_header(client: httpx.AsyncClient) -> None:
    response = await client.post("/v1/images/generations", json={"prompt": PHOTO, "response_format": "url"})
    assert response.status_code == 200, response.text
    [item] = response.json()["data"]
    assert item["warnings"] == WARNED and header_warnings(response) == WARNED

    two = await client.post("/v1/images/generations", json={"prompt": PORTRAIT, "n": 2, "response_format": "url"})
    assert [d["warnings"] for d in two.json()["data"]] == [WARNED, WARNED] and header_warnings(two) is None

    plain = await client.post("/v1/images/generations", json={"prompt": DESIGN, "response_format": "url"})
    assert "warnings" not in plain.json()["data"][0] and header_warnings(plain) is None


# -- Runware ----------------------------------------------------------------------------------------------------------


def runware_task(prompt: str, **extra: Any) -> dict[str, Any]:
    return {"taskType": "imageInference", "taskUUID": str(uuid.uuid4()), "model": "recraft:v4@0",
            "positivePrompt": prompt, "width": 1024, "height": 1024, **extra}  # fmt: skip


async def get_response(client: httpx.AsyncClient, task_uuid: str) -> httpx.Response:
    """POST getResponse until every result of the task is in (bounded)."""
    deadline = time.monotonic() + 180
    while True:
        answer = await client.post("/v1", json=[{"taskType": "getResponse", "taskUUID": task_uuid}])
        assert answer.status_code == 200, answer.text
        items = answer.json()["data"]
        if items and all(i.get("status") == "success" for i in items):
            return answer
        assert time.monotonic() < deadline, answer.text
        await anyio.sleep(0.05)


async def test_runware_result_objects_header_and_get_response(client: httpx.AsyncClient) -> None:
    response = await client.post("/v1", json=[runware_task(PHOTO)])
    assert response.status_code == 200, response.text
    [result] = response.json()["data"]
    assert result["warnings"] == WARNED and header_warnings(response) == WARNED

    queued = runware_task(PORTRAIT, deliveryMethod="async", numberResults=2)
    assert (await client.post("/v1", json=[queued])).status_code == 200
    answer = await get_response(client, queued["taskUUID"])
    items = answer.json()["data"]
    assert [i["warnings"] for i in items] == [WARNED, WARNED] and header_warnings(answer) is None

    plain = await client.post("/v1", json=[runware_task(DESIGN)])
    assert "warnings" not in plain.json()["data"][0] and header_warnings(plain) is None


# -- API-in-One and PixelDojo (asynchronous: the poll answers carry them) ------------------------------------------


async def test_apiinone_task_data(client: httpx.AsyncClient) -> None:
    created = await client.post(
        "/api/v1/images/generations", json={"model": "recraft-v4-text-to-image", "prompt": PHOTO}
    )
    assert created.status_code == 200, created.text
    assert "warnings" not in created.json()["data"]  # nothing is drawn yet
    task_id = created.json()["data"]["task_id"]
    done = await poll(client, f"/api/v1/tasks/{task_id}", lambda b: b["data"]["status"] != "IN_PROGRESS")
    data = done.json()["data"]
    assert data["status"] == "completed" and data["warnings"] == WARNED and header_warnings(done) == WARNED

    plain = await client.post("/api/v1/images/generations", json={"prompt": DESIGN})
    plain_id = plain.json()["data"]["task_id"]
    finished = await poll(client, f"/api/v1/tasks/{plain_id}", lambda b: b["data"]["status"] != "IN_PROGRESS")
    assert "warnings" not in finished.json()["data"] and header_warnings(finished) is None


async def test_pixeldojo_job_body(client: httpx.AsyncClient) -> None:
    submitted = await client.post("/api/v1/models/recraft-v4/run", json={"prompt": PORTRAIT, "seed": 9})
    assert submitted.status_code == 202, submitted.text
    assert "warnings" not in submitted.json()
    done = await poll(client, submitted.json()["statusUrl"], lambda b: b["status"] not in ("pending", "processing"))
    body = done.json()
    assert body["status"] == "completed" and body["warnings"] == WARNED and header_warnings(done) == WARNED

    plain = await client.post("/api/v1/models/recraft-v4/run", json={"prompt": DESIGN, "seed": 9})
    finished = await poll(client, plain.json()["statusUrl"], lambda b: b["status"] not in ("pending", "processing"))
    assert "warnings" not in finished.json() and header_warnings(finished) is None


async def test_service_job_listing(client: httpx.AsyncClient) -> None:
    created = await client.post("/api/v1/images/generations", json={"prompt": PHOTO, "seed": 2})
    task_id = created.json()["data"]["task_id"]
    await poll(client, f"/api/v1/tasks/{task_id}", lambda b: b["data"]["status"] != "IN_PROGRESS")
    job = (await client.get(f"/v1/jobs/{task_id}")).json()
    assert job["warnings"] == WARNED and job["artifacts"][0]["warnings"] == WARNED


# -- after a restart --------------------------------------------------------------------------------------------------


async def test_polling_endpoints_keep_the_warnings_after_a_restart(tmp_path: Path) -> None:
    """The warnings live in the stored manifests (the job row), not in the process that rendered them."""
    runware_uuid = str(uuid.uuid4())
    async with serve(tmp_path) as (first, _app):
        task = (await first.post("/api/v1/images/generations", json={"prompt": PHOTO})).json()["data"]["task_id"]
        job = (await first.post("/api/v1/models/recraft-v4/run", json={"prompt": PHOTO})).json()["jobId"]
        ack = await first.post("/v1", json=[runware_task(PHOTO, taskUUID=runware_uuid, deliveryMethod="async")])
        assert ack.status_code == 200, ack.text
        done = await poll(first, f"/api/v1/tasks/{task}", lambda b: b["data"]["status"] != "IN_PROGRESS")
        assert done.json()["data"]["status"] == "completed", done.text
        done = await poll(first, f"/api/v1/jobs/{job}", lambda b: b["status"] not in ("pending", "processing"))
        assert done.json()["status"] == "completed", done.text
        await get_response(first, runware_uuid)
    async with serve(tmp_path) as (second, _app):
        again = await second.get(f"/api/v1/tasks/{task}")
        assert again.json()["data"]["warnings"] == WARNED and header_warnings(again) == WARNED, again.text
        dojo = await second.get(f"/api/v1/jobs/{job}")
        assert dojo.json()["warnings"] == WARNED and header_warnings(dojo) == WARNED, dojo.text
        answer = await second.post("/v1", json=[{"taskType": "getResponse", "taskUUID": runware_uuid}])
        [item] = answer.json()["data"]
        assert item["status"] == "success" and item["warnings"] == WARNED and header_warnings(answer) == WARNED


def test_header_encoding_keeps_separators_apart() -> None:
    warnings = ["a; b", "100% flat", "naïve – ok"]
    value = encode(warnings)
    assert value.isascii() and [unquote(part) for part in value.split("; ")] == warnings
