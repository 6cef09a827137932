"""Issue #11: every request in the seed pages (shared/seeds) replays against a real `artboard serve` on loopback,
answered in the shape the page documents and priced in the page's own units.

The requests, shapes and prices are read from the pages themselves, not copied by hand:
- 000, 001 OpenRouter (Recraft V4, V4.1): the model id, `modalities`, the `image_config` keys, streaming and the
  price per image. The pages' code tabs are not in the text, so the chat body is the one their prose describes.
- 002 API-in-One: the curl body (verbatim), every sub-model with its credits, the task route.
- 003 PixelDojo: the curl body (verbatim), the 202 and completed bodies' keys, every gallery prompt and its credits.
- 004 Runware: the four example requests (verbatim), their responses' keys and the page's price.
"""

from __future__ import annotations

import base64
import io
import json
import re
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from httpx_sse import connect_sse
from PIL import Image

from live_server import artboard_serve

_CANDIDATES = [Path(__file__).resolve().parents[2] / "shared" / "seeds", Path("/work/shared/seeds")]
SEEDS = next((p for p in _CANDIDATES if p.is_dir() and any(p.glob("00[0-4]_*.txt"))), None)
pytestmark = pytest.mark.skipif(SEEDS is None, reason="the seed pages (shared/seeds) are not on this machine")


def page(number: str) -> str:
    assert SEEDS is not None
    return next(SEEDS.glob(f"{number}_*.txt")).read_text(encoding="utf-8")


def first_json(text: str, after: str) -> Any:
    """The first JSON object printed after `after` on a page."""
    start = text.index("{", text.index(after))
    return json.JSONDecoder().raw_decode(text[start:])[0]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with artboard_serve(tmp_path_factory.mktemp("seeds"), workers=2) as (url, _process):
        yield url


def get_image(url: str) -> tuple[str, bytes]:
    answer = httpx.get(url, timeout=60)
    assert answer.status_code == 200, (url, answer.text[:300])
    return answer.headers["content-type"].split(";")[0], answer.content


def size_of(data: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(data)) as image:
        return image.size


def data_url_bytes(url: str) -> tuple[str, bytes]:
    head, _, payload = url.partition(",")
    assert head.startswith("data:") and head.endswith(";base64"), head[:80]
    return head[5:].removesuffix(";base64"), base64.b64decode(payload)


# ---- 000, 001: OpenRouter -------------------------------------------------------------------------------------


def openrouter_page(number: str) -> dict[str, Any]:
    text = page(number)
    model = re.search(r"^(recraft/recraft-v[\d.]+)$", text, re.M)
    modalities = re.search(r"modalities: (\[[^\]]*\])", text)
    price = re.search(r"\$([\d.]+)\s*per image", text)
    keys = re.search(r"image_config parameters: (.*?)\. See", text)
    assert model and modalities and price and keys, f"seed {number} changed shape"
    return {
        "model": model.group(1),
        "modalities": json.loads(modalities.group(1)),
        "usd": float(price.group(1)),
        "image_config": re.findall(r"(\w+) \(", keys.group(1)),
        "stream": '"stream": true' in text,
    }


OPENROUTER_PAGES = ["000", "001"]
PROMPT = "Generate a beautiful sunset over mountains"  # OpenRouter's sample prompt


@pytest.mark.parametrize("number", OPENROUTER_PAGES)
def test_openrouter_pages(base: str, number: str) -> None:
    seed = openrouter_page(number)
    assert seed["image_config"] == ["strength", "rgb_colors", "background_rgb_color"]
    headers = {"HTTP-Referer": "https://example.com", "X-Title": "My App"}  # the pages' optional headers
    body = {"model": seed["model"], "messages": [{"role": "user", "content": PROMPT}], "modalities": seed["modalities"]}
    answer = httpx.post(f"{base}/api/v1/chat/completions", json=body, headers=headers, timeout=120)
    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert result["object"] == "chat.completion" and result["model"] == seed["model"]
    message = result["choices"][0]["message"]
    assert message["role"] == "assistant" and bool(message["content"]) == ("text" in seed["modalities"])
    [image] = message["images"]
    media, data = data_url_bytes(image["image_url"]["url"])  # "returned as base64-encoded data URLs"
    assert image["type"] == "image_url" and media == "image/png" and size_of(data) == (1024, 1024)  # ~1K
    assert result["usage"]["cost"] == pytest.approx(seed["usd"])  # the page's price per image, USD

    # The three image_config keys the page lists: a palette, a background and strength with one input image.
    png = io.BytesIO()
    Image.new("RGB", (64, 64), (200, 40, 40)).save(png, "PNG")
    source = "data:image/png;base64," + base64.b64encode(png.getvalue()).decode()
    content = [{"type": "text", "text": "a flat logo from this"}, {"type": "image_url", "image_url": {"url": source}}]
    config = {"rgb_colors": [[20, 40, 90], [240, 180, 40]], "background_rgb_color": [250, 248, 240], "strength": 0.5}
    body = {**body, "messages": [{"role": "user", "content": content}], "image_config": config}
    answer = httpx.post(f"{base}/api/v1/chat/completions", json=body, timeout=120)
    assert answer.status_code == 200, answer.text
    assert "x-artboard-warnings" not in answer.headers or "ignored" not in answer.headers["x-artboard-warnings"]
    assert answer.json()["usage"]["cost"] == pytest.approx(seed["usd"])

    if seed["stream"]:  # 'Add "stream": true to your request body to receive responses as server-sent events'
        stream_body = {**body, "messages": [{"role": "user", "content": PROMPT}], "stream": True}
        del stream_body["image_config"]
        with (
            httpx.Client(timeout=120) as client,
            connect_sse(client, "POST", f"{base}/api/v1/chat/completions", json=stream_body) as source_events,
        ):
            assert source_events.response.headers["content-type"].startswith("text/event-stream")
            events = [event.data for event in source_events.iter_sse()]
        assert events[-1] == "[DONE]"
        chunks = [json.loads(data) for data in events[:-1]]
        assert all(c["object"] == "chat.completion.chunk" for c in chunks)
        images = [i for c in chunks for i in c["choices"][0]["delta"].get("images", [])]
        assert len(images) == 1 and data_url_bytes(images[0]["image_url"]["url"])[0] == "image/png"
        assert chunks[-1]["choices"][0]["finish_reason"] == "stop"
        assert chunks[-1]["usage"]["cost"] == pytest.approx(seed["usd"])


# ---- 002: API-in-One ------------------------------------------------------------------------------------------


def test_apiinone_page(base: str) -> None:
    text = page("002")
    raw = re.search(r"--data-raw '(\{.*?\})'", text, re.S)
    route = re.search(r"POST(/api/v1/images/generations)", text)
    tasks = re.search(r"GET(/api/v1/tasks/)\{task_id\}", text)
    credits = {m: int(c) for m, c in re.findall(r'"(recraft-v4[\w-]*)" \((\d+)cr\)', text)}
    assert raw and route and tasks and len(credits) == 4, "seed 002 changed shape"
    example = json.loads(raw.group(1))
    headers = {"Authorization": "Bearer aio_your_api_key", "Content-Type": "application/json"}
    bodies = [raw.group(1).encode()] + [json.dumps({**example, "model": m}).encode() for m in credits]
    created: list[tuple[str, str]] = []
    for body in bodies:
        answer = httpx.post(base + route.group(1), content=body, headers=headers, timeout=60)
        assert answer.status_code == 200, answer.text
        envelope = answer.json()
        model = json.loads(body)["model"]
        assert envelope["code"] == 200 and envelope["data"]["task_id"], envelope
        assert envelope["data"]["credits"] == credits[model]  # API-in-One credits, as the page lists them
        created.append((envelope["data"]["task_id"], model))
    for task_id, model in created:
        data = poll(lambda task_id=task_id: httpx.get(f"{base}{tasks.group(1)}{task_id}", timeout=30).json()["data"],
                    lambda d: d["status"] in ("completed", "failed"))  # fmt: skip
        assert data["status"] == "completed" and data["credits"] == credits[model], data
        media, image = get_image(data["result"]["images"][0])
        if "vector" in model:
            assert media == "image/svg+xml" and image.lstrip().startswith((b"<svg", b"<?xml"))
        else:  # the page's image_size 1024x1024; a pro sub-model draws the pro table's size of that ratio
            assert media == "image/png" and size_of(image) == ((2048, 2048) if "pro" in model else (1024, 1024))


def poll(fetch: Any, done: Any, timeout: float = 180.0) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = fetch()
        if done(value):
            return value
        assert time.monotonic() < deadline, value
        time.sleep(0.2)


# ---- 003: PixelDojo -------------------------------------------------------------------------------------------


def test_pixeldojo_page(base: str) -> None:
    text = page("003")
    url = re.search(r'curl -X POST "https://pixeldojo\.ai(/api/v1/models/[\w.-]+/run)"', text)
    raw = re.search(r"-d '(\{.*?\})'", text, re.S)
    submitted = first_json(text, "Submit Response (202 Accepted)")
    completed = first_json(text, "Completed Response")
    gallery = re.findall(r"\n([^\n]+)\nView Details\n\n\1\n\n(\d+) credits\n", text)
    assert url and raw and len(gallery) >= 9, "seed 003 changed shape"
    headers = {"Authorization": "Bearer YOUR_API_KEY", "Content-Type": "application/json"}
    bodies = [(raw.group(1).encode(), submitted["creditCost"])]
    bodies += [(json.dumps({"prompt": prompt, "aspect_ratio": "1:1"}).encode(), int(c)) for prompt, c in gallery]
    jobs: list[tuple[str, int]] = []
    for body, cost in bodies:
        answer = httpx.post(base + url.group(1), content=body, headers=headers, timeout=60)
        assert answer.status_code == 202, answer.text
        job = answer.json()
        assert set(job) >= set(submitted), set(submitted) - set(job)  # jobId, status, statusUrl, creditCost, …
        assert job["status"] == "pending" and job["creditCost"] == cost == 1  # PixelDojo credits: 1 per image
        assert job["statusUrl"].startswith(base) and job["expiresAt"].endswith("Z")
        jobs.append((job["statusUrl"], cost))
    for status_url, cost in jobs:
        job = poll(
            lambda u=status_url: httpx.get(u, timeout=30).json(), lambda j: j["status"] in ("completed", "failed")
        )
        assert job["status"] == "completed", job
        assert set(job) >= set(completed), set(completed) - set(job)  # jobId, status, output, creditCost, expiresAt
        assert job["creditCost"] == cost
        [image_url] = job["output"]["images"]
        media, image = get_image(image_url)
        assert media == "image/png" and size_of(image) == (1024, 1024)  # aspect_ratio 1:1


# ---- 004: Runware ---------------------------------------------------------------------------------------------


def test_runware_page(base: str) -> None:
    text = page("004")
    requests = [first_json(block, "```json") for block in text.split("**Request**:")[1:]]
    responses = [first_json(block, "```json") for block in text.split("**Response**:")[1:]]
    price = re.search(r"\*\*2048 x 2048\*\*: `\$([\d.]+)`", text)
    assert len(requests) == len(responses) == 4 and price, "seed 004 changed shape"
    documented = set.intersection(*(set(r) for r in responses))  # taskType, taskUUID, imageUUID, imageURL, seed, cost
    answer = httpx.post(f"{base}/v1", json=requests, timeout=300)  # all four, verbatim, as one task array
    assert answer.status_code == 200, answer.text
    results = {r["taskUUID"]: r for r in answer.json()["data"]}
    assert set(results) == {r["taskUUID"] for r in requests}
    for request in requests:
        result = results[request["taskUUID"]]
        # `cost` is "present when includeCost is set to true" (the page's field list); everything else as printed
        assert set(result) >= documented - {"cost"}, documented - set(result)
        assert result["taskType"] == "imageInference" and uuid.UUID(result["imageUUID"])
        media, image = get_image(result["imageURL"])
        assert media == "image/jpeg" and size_of(image) == (request["width"], request["height"])  # default JPG
    priced = [{**r, "taskUUID": str(uuid.uuid4()), "includeCost": True} for r in requests]
    answer = httpx.post(f"{base}/v1", json=priced, timeout=300)
    assert answer.status_code == 200, answer.text
    for result in answer.json()["data"]:
        assert set(result) >= documented, documented - set(result)
        assert result["cost"] == pytest.approx(float(price.group(1)))  # USD, as the page's examples report
