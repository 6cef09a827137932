"""Runware's image-tool tasks (removeBackground / imageBackgroundRemoval, upscale / imageUpscale, imageCaption)
and styleId on imageInference, on the real app and Service."""

from __future__ import annotations

import base64
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from app_support import serve
from edit_support import SIZE, decode, design_png, product_shot

pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
async def client(tmp_path_factory: pytest.TempPathFactory, anyio_backend: str) -> AsyncIterator[httpx.AsyncClient]:
    async with serve(tmp_path_factory.mktemp("runware-tools")) as (shared, _app):
        yield shared


def task(task_type: str, **fields: Any) -> dict[str, Any]:
    return {"taskType": task_type, "taskUUID": str(uuid.uuid4()), **fields}


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


async def test_background_removal_both_names(client: httpx.AsyncClient) -> None:
    shot = product_shot("white")
    response = await client.post(
        "/v1",
        json=[
            task("imageBackgroundRemoval", inputImage=b64(shot), outputType="base64Data", includeCost=True),
            task(
                "removeBackground",
                inputs={"image": "data:image/png;base64," + b64(shot)},
                outputFormat="WEBP",
                outputType="dataURI",
            ),
        ],
    )
    assert response.status_code == 200, response.text
    first, second = response.json()["data"]
    assert first["taskType"] == "imageBackgroundRemoval" and first["cost"] == pytest.approx(0.01)
    pixels = decode(base64.b64decode(first["imageBase64Data"]))
    assert pixels.shape == (SIZE, SIZE, 4) and pixels[0, 0, 3] == 0 and pixels[90, 128, 3] == 255
    assert second["imageDataURI"].startswith("data:image/webp;base64,")


async def test_upscale_and_caption(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v1",
        json=[
            task(
                "imageUpscale",
                inputImage=b64(product_shot("white")),
                upscaleFactor=2,
                outputType="base64Data",
                outputFormat="PNG",
            ),
            task("imageCaption", inputImage=b64(design_png())),
            task("imageCaption", inputImage=b64(product_shot("white"))),
        ],
    )
    assert response.status_code == 200, response.text
    upscaled, designed, raster = response.json()["data"]
    assert decode(base64.b64decode(upscaled["imageBase64Data"])).shape[:2] == (2 * SIZE, 2 * SIZE)
    assert "logo" in designed["text"] and "coffee" in designed["text"]
    assert raster["text"].startswith(f"A {SIZE}x{SIZE} image") and "OCR" in raster["text"]


async def test_tool_task_errors(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v1",
        json=[
            task("upscale", inputImage=b64(product_shot("white")), upscaleFactor=8),
            task("removeBackground"),
            task("removeBackground", inputImage=b64(product_shot("white")), outputFormat="JPG"),
        ],
    )
    assert response.status_code == 400, response.text
    errors = {e["parameter"]: e for e in response.json()["errors"]}
    assert set(errors) == {"upscaleFactor", "inputImage", "outputFormat"}
    assert errors["inputImage"]["code"] == "missingInputImage"
    from PIL import Image

    from edit_support import encode

    big = b64(encode(Image.new("RGB", (2500, 2500), (255, 255, 255))))  # x2 would be 25 MP, over the 16 MP limit
    tiff = b64(encode(Image.new("RGB", (64, 64)), "TIFF"))
    response = await client.post(
        "/v1", json=[task("imageUpscale", inputImage=big, upscaleFactor=2), task("removeBackground", inputImage=tiff)]
    )
    too_large, unsupported = response.json()["errors"]
    assert too_large["parameter"] == "upscaleFactor" and "pixel limit" in too_large["message"]
    assert unsupported["parameter"] == "inputImage" and "not a recognised image" in unsupported["message"]


async def test_style_id_on_image_inference(client: httpx.AsyncClient) -> None:
    created = await client.post(
        "/v1/styles",
        json={
            "palette": {
                "colors": [{"rgb": [12, 34, 56]}, {"rgb": [250, 200, 20]}],
                "background_color": {"rgb": [240, 240, 230]},
            }
        },
    )
    style_id = created.json()["id"]
    response = await client.post(
        "/v1",
        json=[
            task(
                "imageInference",
                model="recraft:v4@0",
                positivePrompt="a lighthouse badge",
                outputType="base64Data",
                outputFormat="PNG",
                seed=5,
                providerSettings={"recraft": {"styleId": style_id}},
            ),
            task(
                "imageInference",
                model="recraft:v4@0",
                positivePrompt="a lighthouse badge",
                seed=5,
                inputs={"styleId": "no-such-style"},
            ),
            task(
                "imageInference",
                model="recraft:v4@0",
                positivePrompt="a lighthouse badge",
                providerSettings={"recraft": {"styleId": "no-such-style"}},
            ),
        ],
    )
    data, errors = response.json()["data"], response.json()["errors"]
    pixels = decode(base64.b64decode(data[0]["imageBase64Data"]))
    style_colours = {(12, 34, 56), (250, 200, 20), (240, 240, 230)}
    sampled = [tuple(c) for c in pixels[..., :3].reshape(-1, 3)[::97].tolist()]
    assert sum(c in style_colours for c in sampled) / len(sampled) > 0.97  # the style's colours (edges aside)
    assert tuple(pixels[1, 1, :3]) == (240, 240, 230)
    # an unknown id is refused naming the field that held it
    assert [e["parameter"] for e in errors] == ["inputs.styleId", "providerSettings.recraft.styleId"]


async def test_mask_image_inpaints(client: httpx.AsyncClient) -> None:
    from edit_support import mask

    shot = product_shot("white")
    response = await client.post(
        "/v1",
        json=[
            task(
                "imageInference",
                model="recraft:v4@0",
                positivePrompt="a red apple",
                seedImage=b64(shot),
                maskImage=b64(mask((150, 130, 210, 215))),
                outputType="base64Data",
                outputFormat="PNG",
                seed=4,
                width=1024,
                height=1024,
            ),
            task("imageInference", model="recraft:v4@0", positivePrompt="x", maskImage=b64(shot)),
            task(
                "imageInference",
                model="recraft:v4@0",
                positivePrompt="x",
                seedImage=b64(shot),
                maskImage=b64(mask((0, 0, 9, 9), (32, 32))),
            ),
        ],
    )
    data, errors = response.json()["data"], response.json()["errors"]
    pixels = decode(base64.b64decode(data[0]["imageBase64Data"]))
    original = decode(shot)
    assert pixels.shape == original.shape  # inpainting keeps the input's size
    assert (pixels[:100] == original[:100]).all() and not (pixels[140:205, 160:200] == original[140:205, 160:200]).all()
    assert [e["parameter"] for e in errors] == ["maskImage", "maskImage"]


async def test_reference_images_give_a_one_off_style(client: httpx.AsyncClient) -> None:
    from PIL import Image

    from edit_support import encode

    reference = Image.new("RGB", (100, 100), (20, 20, 60))
    reference.paste((240, 180, 0), (25, 25, 75, 75))
    response = await client.post(
        "/v1",
        json=[
            task(
                "imageInference",
                model="recraft:v4@0",
                positivePrompt="a night owl badge",
                outputType="base64Data",
                outputFormat="PNG",
                seed=2,
                referenceImages=[b64(encode(reference))],
            ),
            task("imageInference", model="recraft:v4@0", positivePrompt="x", referenceImages=[]),
        ],
    )
    data, errors = response.json()["data"], response.json()["errors"]
    pixels = decode(base64.b64decode(data[0]["imageBase64Data"]))
    assert tuple(pixels[1, 1, :3]) == (20, 20, 60)
    opaque = {tuple(c) for c in pixels[..., :3].reshape(-1, 3)[::53].tolist()}
    assert len(opaque & {(20, 20, 60), (240, 180, 0)}) == 2
    assert errors[0]["parameter"] == "referenceImages"


async def test_prompt_enhance_versions_and_errors(client: httpx.AsyncClient) -> None:
    """promptEnhance: one result per version, each within promptMaxLength, read back by the composer as the same
    design; missing or out-of-range fields are per-task 400s naming them."""
    from artboard.composer import parse_prompt

    prompt = "sticker that says good vibes only with a sun"
    response = await client.post(
        "/v1",
        json=[
            task("promptEnhance", prompt=prompt, promptMaxLength=300, promptVersions=3, includeCost=True),
            task("promptEnhance", prompt=prompt, promptVersions=2),
            task("promptEnhance", prompt=prompt, promptMaxLength=300, promptVersions=9),
            task("promptEnhance", promptMaxLength=300, promptVersions=1),
        ],
    )
    assert response.status_code == 200, response.text
    body = response.json()
    results = body["data"]
    assert len(results) == 3 and all(r["taskType"] == "promptEnhance" for r in results)
    assert len({r["text"] for r in results}) == 3
    assert sum(r["cost"] for r in results) == pytest.approx(0.01, abs=1e-5)  # $0.01 shared by the versions
    original = parse_prompt(prompt)
    for result in results:
        assert len(result["text"]) <= 300 and result["text"].startswith(prompt)
        brief = parse_prompt(result["text"])
        assert (brief.design_type, brief.subjects, brief.texts) == (
            original.design_type,
            original.subjects,
            original.texts,
        )
    params = sorted(e["parameter"] for e in body["errors"])
    assert params == ["prompt", "promptMaxLength", "promptVersions"]


async def test_prompt_enhance_charges_the_ledger(tmp_path_factory: pytest.TempPathFactory) -> None:
    async with serve(tmp_path_factory.mktemp("runware-enhance"), auth="on") as (authed, app):
        keys = app.state.service.keys
        key, secret = keys.create("enhance", credits=4)
        auth = {"Authorization": f"Bearer {secret}"}
        one = task("promptEnhance", prompt="a fox", promptMaxLength=200, promptVersions=2)
        first = await authed.post("/v1", json=[one], headers=auth)
        assert first.status_code == 200, first.text
        assert keys.get(key.id).credits == 1  # 3 credits per task, whatever the versions
        again = await authed.post("/v1", json=[{**one, "taskUUID": str(uuid.uuid4())}], headers=auth)
        assert again.status_code == 402, again.text
        assert keys.get(key.id).credits == 1
