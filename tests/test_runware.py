"""The Runware dialect (`POST /v1`), end to end on the real app and Service with a temporary data dir.

The four example requests of the Runware Recraft V4 Pro page (seeds/004) are replayed verbatim. Webhooks and
uploadEndpoint PUTs go to loopback receivers that the settings allow-list; everything else stays in-process.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import copy
import io
import json
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from artboard.errors import InvalidParameter
from artboard.manifest import read_manifest
from artboard.post.palette import raster_compliance
from artboard.server.app import create_app
from artboard.server.runware.protocol import InferenceTask, TaskFailure, build_spec, parse_task
from artboard.server.settings import Settings
from loopback import LoopbackReceiver

pytestmark = pytest.mark.anyio

# ------------------------------------------------------------------------------------------ the seed's examples
_SEED_PROMPTS = (
    "A high-end luxury skincare campaign still life featuring a frosted glass serum bottle with a brushed gold "
    "dropper cap, placed on a sculptural cream stone pedestal with soft silk folds and subtle botanical accents. "
    "Editorial beauty photography, ultra-photorealistic materials, elegant soft shadows, luminous diffused studio "
    "lighting, precise reflections, premium minimalist composition, contemporary wellness branding aesthetic, clean "
    "negative space for ad layout, sophisticated macro detail, natural texture contrast, polished commercial art "
    "direction, aspirational and expensive mood.",
    "A high-end beauty advertising image for a luxury skincare brand: a frosted glass serum bottle with a brushed "
    "gold dropper cap centered on a smooth stone pedestal, surrounded by delicate water droplets, soft white "
    "orchids, and subtle reflections on a glossy surface. Clean editorial composition, contemporary premium "
    "branding aesthetic, elevated photorealism, soft diffused studio lighting with luminous highlights, elegant "
    "shadows, shallow depth of field, impeccable material detail, minimal yet sophisticated luxury campaign style, "
    "fresh radiant mood, crisp focus, premium magazine-cover quality.",
    "A high-end beauty campaign image for a luxury skincare serum bottle centered on a smooth sculptural pedestal, "
    "frosted glass packaging with metallic rose-gold accents, luminous cream texture swirled beside the product, "
    "soft diffused studio lighting, subtle specular highlights, clean contemporary composition, premium editorial "
    "photography, sophisticated negative space, ultra-refined materials, delicate shadows, fresh dewy atmosphere, "
    "minimal but sumptuous art direction, brand-perfect cosmetic advertising aesthetic",
    "A luxury editorial product campaign featuring an elegant faceted glass perfume bottle with a smoked "
    "translucent cap, centered on a sculptural plinth surrounded by surreal nocturnal botanicals, dark plum "
    "orchids, silver-green leaves, and tiny dew pearls. Cinematic studio lighting with soft rim light, glossy "
    "reflections, subtle atmospheric haze, sophisticated negative space, premium cosmetics advertising aesthetic, "
    "contemporary art-direction, hyper-detailed materials, photorealistic glass and liquid, crisp label area, "
    "controlled composition, high-end magazine quality, moody yet luminous, rich contrast, immaculate retouching, "
    "distinctive premium branding feel, no people, no clutter.",
)
_SEED_SETUP = (  # taskUUID, width, height, colors, backgroundColor — exactly as on the page
    (
        "96801d3b-21cb-4a22-85cd-7b136d9d5365",
        2560,
        1664,
        [[233, 223, 205], [198, 170, 120], [214, 228, 221], [245, 242, 236]],
        [245, 242, 236],
    ),
    (
        "5847a855-2f06-4ad8-a31a-ffe6db27c54c",
        2560,
        1664,
        [[244, 236, 220], [214, 184, 140], [255, 255, 255], [198, 216, 206]],
        [248, 244, 238],
    ),
    (
        "b6fdf98c-2b66-4a41-b17a-10fb5fae4086",
        2048,
        2048,
        [[236, 223, 214], [214, 188, 176], [183, 136, 122], [120, 90, 84]],
        [247, 242, 238],
    ),
    (
        "409ed13d-d846-4d77-a4a0-36a503656308",
        2560,
        1664,
        [[34, 27, 52], [91, 63, 119], [182, 160, 214], [154, 173, 144], [228, 230, 236]],
        [18, 16, 28],
    ),
)
SEED_EXAMPLES: list[dict[str, Any]] = [
    {
        "taskType": "imageInference",
        "taskUUID": task_uuid,
        "model": "recraft:v4-pro@0",
        "positivePrompt": prompt,
        "width": width,
        "height": height,
        "providerSettings": {
            "recraft": {"colors": [{"rgb": rgb} for rgb in colors], "backgroundColor": {"rgb": background}}
        },
    }
    for prompt, (task_uuid, width, height, colors, background) in zip(_SEED_PROMPTS, _SEED_SETUP, strict=True)
]
SEED_FILE = next(Path("/work/shared/seeds").glob("004_*.txt"), None) if Path("/work/shared/seeds").is_dir() else None


def _seed_page_requests() -> list[dict[str, Any]]:
    """The example requests as printed on the seed page (when the page is available on this machine)."""
    assert SEED_FILE is not None
    text = SEED_FILE.read_text(encoding="utf-8")
    blocks = text.split("**Request**:")[1:]
    return [json.loads(block.split("```json", 1)[1].split("```", 1)[0]) for block in blocks]


# ------------------------------------------------------------------------------------------ fixtures
class Harness:
    def __init__(self, app: Any, client: httpx.AsyncClient) -> None:
        self.app = app
        self.client = client
        self.service = app.state.service

    async def post(self, body: Any, **headers: str) -> httpx.Response:
        return await self.client.post("/v1", json=body, headers=headers)

    async def fetch(self, url: str) -> bytes:
        """GET a signed URL through the app (the same route a client would call)."""
        assert url.startswith("http://127.0.0.1:8000/files/"), url
        response = await self.client.get(url.removeprefix("http://127.0.0.1:8000"))
        assert response.status_code == 200, response.text
        return response.content

    async def poll(self, task_uuid: str, **headers: str) -> dict[str, Any]:
        for _ in range(600):
            response = await self.post([{"taskType": "getResponse", "taskUUID": task_uuid}], **headers)
            body = response.json()
            if body.get("errors") or all(i.get("status") == "success" for i in body.get("data", [])):
                return dict(body)
            await asyncio.sleep(0.05)
        raise AssertionError("the task never finished")


@contextlib.asynccontextmanager
async def harness(data_dir: Path, *, auth: str) -> AsyncIterator[Harness]:
    """The real app and Service (worker processes included) on a temporary data dir; loopback is allow-listed
    for the test receivers only (names such as `localhost` stay refused)."""
    settings = Settings(
        data_dir=data_dir,
        auth=auth,
        workers=2,
        fetch_allow=["127.0.0.1"],
        port=8000,
        public_base_url="http://127.0.0.1:8000",
        rate_limit_per_minute=0,
    )
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:8000") as client:
            yield Harness(app, client)


@pytest.fixture(scope="module")
async def h(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Harness]:
    """One server for the module (auth off): tests use fresh taskUUIDs, so they do not see each other."""
    async with harness(tmp_path_factory.mktemp("runware"), auth="off") as server:
        yield server


@pytest.fixture(scope="module")
async def ha(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Harness]:
    async with harness(tmp_path_factory.mktemp("runware-auth"), auth="on") as server:
        yield server


def new_uuid() -> str:
    return str(uuid.uuid4())


def task(**fields: Any) -> dict[str, Any]:
    base = {
        "taskType": "imageInference",
        "taskUUID": new_uuid(),
        "model": "recraft:v4@0",
        "positivePrompt": "a minimal fox logo, flat vector",
        "width": 1024,
        "height": 1024,
    }
    return {**base, **fields}


def png_bytes(size: int = 96) -> bytes:
    image = Image.new("RGB", (size, size), (250, 245, 235))
    for x in range(size // 4, 3 * size // 4):
        for y in range(size // 4, 3 * size // 4):
            image.putpixel((x, y), (200, 40, 40))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def decode(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


# ------------------------------------------------------------------------------------------ seed examples
def test_seed_examples_match_the_page() -> None:
    if SEED_FILE is None:
        pytest.skip("the seed page is not on this machine")
    assert _seed_page_requests() == SEED_EXAMPLES


@pytest.mark.parametrize("example", SEED_EXAMPLES, ids=[e["taskUUID"][:8] for e in SEED_EXAMPLES])
async def test_seed_example_replayed_verbatim(h: Harness, example: dict[str, Any]) -> None:
    response = await h.post(copy.deepcopy(example))  # exactly the object printed on the page
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body
    [result] = body["data"]
    # The page's prompts ask for photographs: the composer draws them flat, and says so (docs/warnings.md).
    assert set(result) == {"taskType", "taskUUID", "imageUUID", "imageURL", "seed", "NSFWContent", "warnings"}
    # First the photograph; then, where the flat design had no room for a named thing, what it left out.
    heads = [w.split(":")[0] for w in result["warnings"]]
    assert heads[0] == "photographic prompt" and set(heads[1:]) <= {"left out of the design"}
    assert result["taskType"] == "imageInference"
    assert result["taskUUID"] == example["taskUUID"]
    assert str(uuid.UUID(result["imageUUID"])) == result["imageUUID"]
    assert isinstance(result["seed"], int) and 0 <= result["seed"] < 2**32
    assert result["NSFWContent"] is False
    data = await h.fetch(result["imageURL"])
    image = decode(data)
    assert image.format == "JPEG"  # Runware's default outputFormat
    assert image.size == (example["width"], example["height"])
    manifest = read_manifest(data)
    assert manifest is not None and manifest["seed"] == result["seed"]
    palette = manifest["palette"]
    assert palette["compliant"] is True
    assert palette["raster"]["compliant"] is True and palette["raster"]["coverage"]["other"] == 0.0
    wanted = [tuple(c["rgb"]) for c in example["providerSettings"]["recraft"]["colors"]]
    assert manifest["params"]["palette"] == [f"#{r:02x}{g:02x}{b:02x}" for r, g, b in wanted]


async def test_seed_example_as_array_with_cost_and_png_palette_pixels(h: Harness) -> None:
    # A new taskUUID: the seed's own is taken by the verbatim replay (a reused taskUUID with other fields is a 409).
    example = {
        **copy.deepcopy(SEED_EXAMPLES[2]),
        "taskUUID": new_uuid(),
        "includeCost": True,
        "outputFormat": "PNG",
        "seed": 1234,
    }
    response = await h.post([example])
    assert response.status_code == 200, response.text
    [result] = response.json()["data"]
    assert result["seed"] == 1234
    assert result["cost"] == pytest.approx(0.25)  # Runware's page: V4 Pro at 2048² costs $0.25
    image = decode(await h.fetch(result["imageURL"]))
    assert image.format == "PNG" and image.size == (2048, 2048)
    recraft = example["providerSettings"]["recraft"]
    allowed = [tuple(c["rgb"]) for c in recraft["colors"]] + [tuple(recraft["backgroundColor"]["rgb"])]
    report = raster_compliance(np.asarray(image.convert("RGBA")), allowed)
    assert report["other"] == 0.0
    # The same seed gives the same image: reproducible from the reported seed.
    again = {**example, "taskUUID": new_uuid()}
    [second] = (await h.post([again])).json()["data"]
    assert await h.fetch(second["imageURL"]) == await h.fetch(result["imageURL"])


# ------------------------------------------------------------------------------------------ per-task errors
async def test_mixed_array_reports_each_task(h: Harness) -> None:
    good, bad = task(), task(width=1000)
    response = await h.post([good, bad])
    assert response.status_code == 200
    body = response.json()
    [result] = body["data"]
    assert result["taskUUID"] == good["taskUUID"] and "imageURL" in result
    [error] = body["errors"]
    assert error["code"] == "invalidWidth" and error["parameter"] == "width"
    assert error["taskType"] == "imageInference" and error["taskUUID"] == bad["taskUUID"]
    assert "1024x1024" in error["message"] and "1344x768" in error["message"]


async def test_all_invalid_is_400_and_errors_name_parameters(h: Harness) -> None:
    cases = [
        (task(height=1000), "height"),  # 1024 is a width of the table: the height is the wrong one
        (task(width=2048, height=2048), "width"),  # a 2K size on the 1K model
        (task(height=None), "height"),
        (task(positivePrompt=""), "positivePrompt"),
        (task(positivePrompt="x" * 10_001), "positivePrompt"),
        (task(numberResults=21), "numberResults"),
        (task(numberResults="two"), "numberResults"),
        (task(outputType="PNG"), "outputType"),
        (task(outputFormat="GIF"), "outputFormat"),
        (task(outputQuality=10), "outputQuality"),
        (task(strength=0.5), "strength"),
        (task(seedImage="data:image/png;base64,AAAA", strength=1.5), "strength"),
        (task(ttl=30), "ttl"),
        (task(deliveryMethod="later"), "deliveryMethod"),
        (task(model="sdxl:1@1"), "model"),
        (task(model=None), "model"),
        (task(taskUUID="not-a-uuid"), "taskUUID"),
        (task(safety={"mode": "strict"}), "safety.mode"),
        (task(providerSettings={"recraft": {"colors": [{"rgb": [300, 0, 0]}]}}), "providerSettings.recraft.colors.rgb"),
        (task(webhookURL="ftp://example.com/hook"), "webhookURL"),
        ({"taskType": "imageMagic", "taskUUID": new_uuid()}, "taskType"),
        ("not an object", "taskType"),
    ]
    response = await h.post([c for c, _ in cases])
    assert response.status_code == 400
    body = response.json()
    assert "data" not in body
    assert [e["parameter"] for e in body["errors"]] == [p for _, p in cases]
    assert body["errors"][2]["code"] == "missingHeight"
    assert body["errors"][0]["allowedValues"][0] == "1024x1024"


async def test_unknown_and_ignored_fields_are_accepted(h: Harness) -> None:
    body = task(
        negativePrompt="blurry",
        steps=30,
        CFGScale=7,
        someFutureField={"x": 1},
        checkNsfw=True,
        safety={"checkContent": True, "mode": "fast"},
        outputQuality=80,
        seed=7,
    )
    response = await h.post([body])
    assert response.status_code == 200, response.text
    assert response.json()["data"][0]["seed"] == 7


async def test_ping(h: Harness) -> None:
    response = await h.post([{"taskType": "ping", "ping": True}])
    assert response.json() == {"data": [{"taskType": "ping", "pong": True}]}


async def test_malformed_json_is_a_runware_error(h: Harness) -> None:
    response = await h.client.post("/v1", content=b"[{", headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert set(response.json()) == {"errors"}


# ------------------------------------------------------------------------------------------ authentication
async def test_authentication_task_bearer_and_wrong_key(ha: Harness) -> None:
    h = ha
    _, secret = await asyncio.to_thread(h.service.keys.create, "runware-test")
    by_task = await h.post([{"taskType": "authentication", "apiKey": secret}, task()])
    assert by_task.status_code == 200, by_task.text
    auth, result = by_task.json()["data"]
    assert auth["taskType"] == "authentication" and uuid.UUID(auth["connectionSessionUUID"])
    assert result["taskType"] == "imageInference"

    by_bearer = await h.post([task()], Authorization=f"Bearer {secret}")
    assert by_bearer.status_code == 200 and "imageURL" in by_bearer.json()["data"][0]

    session = new_uuid()
    resumed = await h.post([{"taskType": "authentication", "apiKey": secret, "connectionSessionUUID": session}])
    assert resumed.json() == {"data": [{"taskType": "authentication", "connectionSessionUUID": session}]}

    for attempt in (
        h.post([{"taskType": "authentication", "apiKey": "wrong"}, task()]),
        h.post([task()], Authorization="Bearer wrong"),
        h.post([task()]),
    ):
        response = await attempt
        assert response.status_code == 401
        [error] = response.json()["errors"]
        assert error["code"] == "invalidApiKey" and error["taskType"] == "authentication"
        assert error["parameter"] == "apiKey"


async def test_credits_and_rate_limit_errors_in_runware_shape(ha: Harness) -> None:
    _, broke = await asyncio.to_thread(ha.service.keys.create, "broke", 0)
    response = await ha.post([{"taskType": "authentication", "apiKey": broke}, task(), {"taskType": "ping"}])
    assert response.status_code == 200  # the ping still answers; the inference is refused on its own
    body = response.json()
    assert [d["taskType"] for d in body["data"]] == ["authentication", "ping"]
    [error] = body["errors"]
    assert error["code"] == "insufficientCredits" and error["taskType"] == "imageInference"
    alone = await ha.post([task()], Authorization=f"Bearer {broke}")
    assert alone.status_code == 402

    _, limited = await asyncio.to_thread(ha.service.keys.create, "slow", None, 1)
    assert (await ha.post([{"taskType": "ping"}], Authorization=f"Bearer {limited}")).status_code == 200
    refused = await ha.post([{"taskType": "ping"}], Authorization=f"Bearer {limited}")
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) >= 1
    assert refused.json()["errors"][0]["code"] == "rateLimitExceeded"


# ------------------------------------------------------------------------------------------ delivery
async def test_async_then_get_response(h: Harness) -> None:
    body = task(deliveryMethod="async", numberResults=2, includeCost=True, outputType="dataURI")
    ack = await h.post([body])
    assert ack.status_code == 200
    [item] = ack.json()["data"]
    assert item == {"taskType": "imageInference", "taskUUID": body["taskUUID"], "status": "processing"} or (
        item["status"] == "success"
    )
    final = await h.poll(body["taskUUID"])
    results = final["data"]
    assert len(results) == 2 and {r["status"] for r in results} == {"success"}
    for result in results:
        assert result["taskUUID"] == body["taskUUID"]
        assert result["imageDataURI"].startswith("data:image/jpeg;base64,")
        assert result["cost"] == pytest.approx(0.04)
    assert results[1]["seed"] == results[0]["seed"] + 1
    unknown = await h.post([{"taskType": "getResponse", "taskUUID": new_uuid()}])
    assert unknown.status_code == 404 and unknown.json()["errors"][0]["code"] == "taskNotFound"


@pytest.mark.parametrize("output_type", ["URL", "base64Data", "dataURI"])
async def test_output_types(h: Harness, output_type: str) -> None:
    response = await h.post([task(outputType=output_type, outputFormat="WEBP", outputQuality=60, ttl=120)])
    [result] = response.json()["data"]
    if output_type == "URL":
        assert "imageBase64Data" not in result
        expires = int(httpx.URL(result["imageURL"]).params["expires"])
        assert time.time() + 60 < expires <= time.time() + 121  # ttl=120: the URL dies with the files
        data = await h.fetch(result["imageURL"])
    elif output_type == "base64Data":
        data = base64.b64decode(result["imageBase64Data"])
    else:
        head, _, payload = result["imageDataURI"].partition(",")
        assert head == "data:image/webp;base64"
        data = base64.b64decode(payload)
    assert decode(data).format == "WEBP"


async def test_svg_output(h: Harness) -> None:
    switched, vector = task(outputFormat="SVG"), task(model="recraft:v4@vector", outputType="base64Data")
    response = await h.post([switched, vector, task(model="recraft:v4@vector", outputFormat="PNG")])
    body = response.json()
    first, second = body["data"]
    assert (await h.fetch(first["imageURL"])).lstrip().startswith(b"<svg")
    assert b"<svg" in base64.b64decode(second["imageBase64Data"])[:200]
    assert body["errors"][0]["parameter"] == "outputFormat"


async def test_vectorize_task(h: Harness) -> None:
    image = "data:image/png;base64," + base64.b64encode(png_bytes()).decode()
    plain = {"taskType": "vectorize", "taskUUID": new_uuid(), "inputImage": image, "includeCost": True}
    nested = {
        "taskType": "vectorize",
        "taskUUID": new_uuid(),
        "model": "recraft:1@1",
        "inputs": {"image": image},
        "outputType": "base64Data",
        "outputFormat": "svg",
    }
    from_prompt = {
        "taskType": "vectorize",
        "taskUUID": new_uuid(),
        "model": "recraft:v4@vector",
        "positivePrompt": "a lighthouse badge",
        "width": 1024,
        "height": 1024,
    }
    response = await h.post([plain, nested, from_prompt])
    assert response.status_code == 200, response.text
    first, second, third = response.json()["data"]
    assert first["taskType"] == "vectorize" and first["cost"] > 0 and "seed" not in first
    assert (await h.fetch(first["imageURL"])).lstrip().startswith(b"<svg")
    assert base64.b64decode(second["imageBase64Data"]).lstrip().startswith(b"<svg")
    assert third["taskType"] == "vectorize" and isinstance(third["seed"], int)
    assert (await h.fetch(third["imageURL"])).lstrip().startswith(b"<svg")
    missing = await h.post([{"taskType": "vectorize", "taskUUID": new_uuid()}])
    assert missing.status_code == 400 and missing.json()["errors"][0]["code"] == "missingInputImage"


async def test_upload_then_seed_image_by_uuid(h: Harness) -> None:
    upload = {
        "taskType": "imageUpload",
        "taskUUID": new_uuid(),
        "image": "data:image/png;base64," + base64.b64encode(png_bytes()).decode(),
    }
    uploaded = await h.post([upload])
    assert uploaded.status_code == 200, uploaded.text
    [item] = uploaded.json()["data"]
    assert item["taskType"] == "imageUpload" and item["taskUUID"] == upload["taskUUID"]
    again = await h.post([upload])  # the same taskUUID: the same image, not a second copy
    assert again.json()["data"][0]["imageUUID"] == item["imageUUID"]

    i2i = task(seedImage=item["imageUUID"], strength=0.3, outputFormat="PNG")
    response = await h.post([i2i])
    assert response.status_code == 200, response.text
    [result] = response.json()["data"]
    manifest = read_manifest(await h.fetch(result["imageURL"]))
    assert manifest is not None and manifest["params"]["strength"] == 0.3 and manifest["params"]["image"]

    # A generated image is a seedImage too (by its imageUUID); plain base64 works as well.
    chained = task(seedImage=result["imageUUID"])
    raw = task(seedImage=base64.b64encode(png_bytes()).decode())
    foreign = task(seedImage=new_uuid())
    response = await h.post([chained, raw, foreign])
    body = response.json()
    assert len(body["data"]) == 2
    assert body["errors"][0]["parameter"] == "seedImage" and body["errors"][0]["taskUUID"] == foreign["taskUUID"]


async def test_seed_image_from_an_allowed_url(h: Harness, receiver: LoopbackReceiver) -> None:
    receiver.files["/input.png"] = png_bytes()
    response = await h.post([task(seedImage=f"{receiver.url}/input.png")])
    assert response.status_code == 200, response.text
    assert any(r[0] == "GET" and r[1] == "/input.png" for r in receiver.hits)


async def test_ssrf_refusals_never_connect(h: Harness) -> None:
    cases = [
        task(seedImage="http://10.0.0.1/x.png"),
        task(seedImage="http://127.0.0.1:1/x.png"),
        task(webhookURL="http://169.254.169.254/latest/meta-data"),
        task(uploadEndpoint="http://192.168.1.10/put"),
        {"taskType": "imageUpload", "taskUUID": new_uuid(), "image": "http://10.0.0.1/y.png"},
    ]
    response = await h.post(cases)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert [e["parameter"] for e in errors] == ["seedImage", "seedImage", "webhookURL", "uploadEndpoint", "image"]
    assert errors[0]["code"] == "invalidSeedImage" and "private" in errors[0]["message"]


async def test_webhook_and_upload_endpoint(h: Harness, receiver: LoopbackReceiver) -> None:
    from artboard.jobs.webhooks import SIGNATURE_HEADER, verify

    # An upload URL holds one object, so uploadEndpoint takes one image per task (numberResults > 1 is refused).
    body = task(numberResults=2, webhookURL=f"{receiver.url}/hook")
    upload = task(uploadEndpoint=f"{receiver.url}/put/image.jpg")
    response = await h.post([body, upload])
    assert response.status_code == 200, response.text
    results = [r for r in response.json()["data"] if r["taskUUID"] == body["taskUUID"]]
    uploaded = [r for r in response.json()["data"] if r["taskUUID"] == upload["taskUUID"]]
    for _ in range(400):
        posts = [r for r in receiver.hits if r[0] == "POST"]
        puts = [r for r in receiver.hits if r[0] == "PUT"]
        if len(posts) >= 2 and len(puts) >= 1:
            break
        await asyncio.sleep(0.05)
    assert len(posts) == 2 and len(puts) == 1
    secret = h.service.signing_secret
    payloads = []
    for _, path, headers, raw in posts:
        assert path == "/hook"
        assert verify(secret, headers.get(SIGNATURE_HEADER) or headers.get(SIGNATURE_HEADER.lower()), raw)
        payloads.append(json.loads(raw))
    by_uuid = {r["imageUUID"]: r for r in results}
    for payload in payloads:
        assert payload["taskType"] == "imageInference" and payload["taskUUID"] == body["taskUUID"]
        assert payload["imageUUID"] in by_uuid and payload["seed"] == by_uuid[payload["imageUUID"]]["seed"]
    stored = {await h.fetch(r["imageURL"]) for r in uploaded}
    assert {raw for _, _, _, raw in puts} == stored


async def test_idempotent_resubmission(h: Harness) -> None:
    body = task(seed=42)
    first = (await h.post([body])).json()["data"][0]
    second = (await h.post([body])).json()["data"][0]
    assert (
        second["imageUUID"] == first["imageUUID"]
        and second["imageURL"].split("?")[0] == (first["imageURL"].split("?")[0])
    )
    changed = await h.post([{**body, "positivePrompt": "something else"}])
    assert changed.status_code == 409
    assert changed.json()["errors"][0]["taskUUID"] == body["taskUUID"]
    jobs = await h.service.list_jobs(key_id=None, limit=50)
    assert sum(1 for j in jobs if j.idempotency_key == body["taskUUID"]) == 1


# ------------------------------------------------------------------------------------------ protocol details
def test_protocol_conversions() -> None:
    parsed = parse_task(task(model="recraft:v4-pro@0", width=1664, height=2560, outputFormat="svg", seed=2**40 + 5))
    assert isinstance(parsed, InferenceTask)
    assert parsed.model.output == "vector" and parsed.model.tier == "pro"
    assert parsed.options["format"] == "svg" and "quality" not in parsed.options
    assert parsed.options["seed"] == 5
    jpg = parse_task(task(outputFormat="jpeg"))
    assert isinstance(jpg, InferenceTask) and jpg.options["quality"] == 95
    with pytest.raises(TaskFailure) as failure:
        parse_task(task(model="recraft:v4-pro@0"))  # 1024x1024 is not a 2K size
    assert failure.value.error.param == "width"
    off = parse_task(task(safety={"checkContent": False}))
    assert isinstance(off, InferenceTask) and off.options["safety"] is False
    i2i = parse_task(task(seedImage=new_uuid()))
    assert isinstance(i2i, InferenceTask) and i2i.options["strength"] == 0.8 and i2i.seed_image is not None


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=12,
)
_FIELDS = st.sampled_from(
    [
        "taskType",
        "taskUUID",
        "model",
        "positivePrompt",
        "width",
        "height",
        "seedImage",
        "strength",
        "numberResults",
        "seed",
        "outputType",
        "outputFormat",
        "outputQuality",
        "deliveryMethod",
        "webhookURL",
        "uploadEndpoint",
        "ttl",
        "includeCost",
        "safety",
        "checkNsfw",
        "providerSettings",
        "inputImage",
        "inputs",
        "image",
        "apiKey",
    ]
)


@settings(max_examples=400, deadline=None)
@given(
    base=st.sampled_from(["imageInference", "vectorize", "imageUpload", "getResponse", "authentication", "ping"]),
    fields=st.dictionaries(_FIELDS, _JSON, max_size=8),
)
def test_parse_task_only_raises_task_failures(base: str, fields: dict[str, Any]) -> None:
    """Whatever JSON a client sends, parsing ends in a task or a per-task error, never in an exception."""
    raw = {**task(taskType=base), **fields}
    try:
        parsed = parse_task(raw)
    except TaskFailure as failure:
        assert failure.error.status < 500
        return
    if isinstance(parsed, InferenceTask):
        with contextlib.suppress(InvalidParameter):
            build_spec(parsed, None)


async def test_get_response_from_another_server_process_sharing_the_database(tmp_path: Path) -> None:
    """Two servers on one database (each with its own data dir, neither running jobs here): a task accepted by one
    is found by the other's getResponse, because the lookup goes through the job store."""
    database = f"sqlite:///{tmp_path / 'shared.db'}"

    @contextlib.asynccontextmanager
    async def server(name: str) -> AsyncIterator[httpx.AsyncClient]:
        settings = Settings(data_dir=tmp_path / name, database_url=database, auth="off", workers=0,
                            rate_limit_per_minute=0)  # fmt: skip
        app = create_app(settings)
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
                yield client

    body = task(deliveryMethod="async")
    async with server("a") as a, server("b") as b:
        ack = await a.post("/v1", json=[body])
        assert ack.status_code == 200 and ack.json()["data"][0]["status"] == "processing"
        found = await b.post("/v1", json=[{"taskType": "getResponse", "taskUUID": body["taskUUID"]}])
        assert found.status_code == 200, found.text
        assert found.json()["data"] == [
            {"taskType": "imageInference", "taskUUID": body["taskUUID"], "status": "processing"}
        ]
        unknown = await b.post("/v1", json=[{"taskType": "getResponse", "taskUUID": new_uuid()}])
        assert unknown.status_code == 404
