"""Recraft image tools and styles on the real app (Service, SQLite, worker pool): round trips, shapes, credits,
bad inputs as 4xx in Recraft's error shape, and a style made from reference images visibly applied."""

from __future__ import annotations

import base64
import io
from collections import Counter
from collections.abc import AsyncIterator

import httpx
import numpy as np
import pytest
from PIL import Image

from app_support import serve
from edit_support import SIZE, decode, design_png, encode, mask, product_shot

pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
async def client(tmp_path_factory: pytest.TempPathFactory, anyio_backend: str) -> AsyncIterator[httpx.AsyncClient]:
    async with serve(tmp_path_factory.mktemp("tools")) as (shared, _app):
        yield shared


def b64(data: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(data).decode()


def error_of(response: httpx.Response, status: int, param: str) -> dict[str, object]:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["param"] == param, error
    return dict(error)


async def test_remove_background_multipart_and_json(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v1/images/removeBackground",
        files={"image": ("shot.png", product_shot("white"), "image/png")},
        data={"response_format": "b64_json"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"created", "credits", "image"} and body["credits"] == 10  # Recraft units: $0.01
    pixels = decode(base64.b64decode(body["image"]["b64_json"]))
    assert pixels.shape == (SIZE, SIZE, 4) and pixels[0, 0, 3] == 0 and pixels[90, 128, 3] == 255
    by_url = await client.post("/v1/images/removeBackground", json={"image_url": b64(product_shot("gradient"))})
    assert by_url.status_code == 200, by_url.text
    fetched = await client.get(by_url.json()["image"]["url"])
    assert fetched.status_code == 200 and decode(fetched.content)[0, 0, 3] == 0


async def test_tools_round_trip(client: httpx.AsyncClient) -> None:
    shot = product_shot("white")
    crisp = await client.post(
        "/v1/images/crispUpscale", json={"image_url": b64(shot), "scale": 2, "response_format": "b64_json"}
    )
    assert crisp.status_code == 200, crisp.text
    assert decode(base64.b64decode(crisp.json()["image"]["b64_json"])).shape[:2] == (2 * SIZE, 2 * SIZE)
    assert crisp.json()["credits"] == 4
    erase = await client.post(
        "/v1/images/eraseRegion",
        files={"image": ("a.png", shot), "mask": ("m.png", mask((150, 130, 210, 215)))},
        data={"response_format": "b64_json"},
    )
    assert erase.status_code == 200, erase.text and "image" in erase.json()
    inpaint = await client.post(
        "/v1/images/inpaint",
        json={
            "image_url": b64(design_png()),
            "mask_url": b64(mask((200, 200, 830, 830), (1024, 1024))),
            "prompt": "a star",
            "random_seed": 4,
            "image_format": "svg",
        },
    )
    assert inpaint.status_code == 200, inpaint.text
    assert inpaint.json()["credits"] == 80 and inpaint.json()["data"][0]["url"].split("?")[0].endswith(".svg")
    outpaint = await client.post(
        "/v1/images/outpaint", json={"image_url": b64(shot), "expand_left": 32, "response_format": "b64_json"}
    )
    image = decode(base64.b64decode(outpaint.json()["data"][0]["b64_json"]))
    assert image.shape[:2] == (SIZE, SIZE + 32)
    replace = await client.post(
        "/v1/images/replaceBackground", json={"image_url": b64(shot), "prompt": "forest", "random_seed": 1}
    )
    assert replace.status_code == 200, replace.text and len(replace.json()["data"]) == 1
    variations = await client.post(
        "/v1/images/variateImage", json={"image_url": b64(design_png()), "n": 2, "random_seed": 9}
    )
    assert variations.status_code == 200, variations.text
    assert len(variations.json()["data"]) == 2 and variations.json()["credits"] == 80


async def test_tool_errors(client: httpx.AsyncClient) -> None:
    shot = product_shot("white")
    error_of(await client.post("/v1/images/eraseRegion", json={"image_url": b64(shot)}), 400, "mask")
    error_of(
        await client.post(
            "/v1/images/inpaint",
            json={"image_url": b64(shot), "mask_url": b64(mask((0, 0, 5, 5), (64, 64))), "prompt": "x"},
        ),
        400,
        "mask_url",
    )
    error_of(await client.post("/v1/images/removeBackground", json={}), 400, "image")
    error_of(await client.post("/v1/images/removeBackground", json={"image_url": b64(b"nonsense")}), 400, "image_url")
    error_of(await client.post("/v1/images/crispUpscale", json={"image_url": b64(shot), "scale": 8}), 400, "scale")
    big = b64(encode(Image.new("RGB", (2500, 2500), (255, 255, 255))))  # x2 would be 25 MP, over the 16 MP limit
    too_large = error_of(
        await client.post("/v1/images/crispUpscale", json={"image_url": big, "scale": 2}), 400, "scale"
    )
    assert "pixel limit" in str(too_large["message"])
    error_of(await client.post("/v1/images/crispUpscale", json={"image_url": big, "width": 5000}), 400, "width")
    tiff = "data:image/tiff;base64," + base64.b64encode(encode(Image.new("RGB", (64, 64)), "TIFF")).decode()
    unsupported = error_of(await client.post("/v1/images/removeBackground", json={"image_url": tiff}), 400, "image_url")
    assert "PNG" in str(unsupported["allowed"])  # the message says which formats are taken
    error_of(
        await client.post("/v1/images/removeBackground", json={"image_url": b64(shot), "image_format": "gif"}),
        400,
        "image_format",
    )
    error_of(
        await client.post("/v1/images/inpaint", json={"image_url": b64(shot), "mask_url": b64(mask((0, 0, 9, 9)))}),
        400,
        "prompt",
    )


def _share(image: np.ndarray, colours: list[str]) -> float:
    """Share of opaque pixels whose colour is one of `colours` (hex)."""
    wanted = {tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in colours}
    opaque = image[image[..., 3] > 0][:, :3]
    counts = Counter(map(tuple, opaque.tolist()))
    return sum(n for colour, n in counts.items() if colour in wanted) / max(1, len(opaque))


async def test_style_from_references_is_applied(client: httpx.AsyncClient) -> None:
    teal, coral, cream = (0, 128, 128), (255, 111, 89), (250, 243, 224)
    refs = []
    for shift in (0, 30):
        image = Image.new("RGB", (200, 200), cream)
        image.paste(teal, (20 + shift, 20, 120 + shift, 120))
        image.paste(coral, (100, 110 + shift // 2, 180, 180))
        refs.append(("images", (f"ref{shift}.png", encode(image), "image/png")))
    created = await client.post("/v1/styles", files=refs, data={"style": "flat", "fill_style": "flat"})
    assert created.status_code == 200, created.text
    style = created.json()
    assert {"#008080", "#ff6f59", "#faf3e0"} <= set(style["palette"])
    assert style["background_color"] == "#faf3e0" and style["credits"] == 0
    listed = await client.get("/v1/styles")
    assert style["id"] in [s["id"] for s in listed.json()["styles"]]
    generated = await client.post(
        "/v1/images/generations",
        json={
            "prompt": "a bakery badge with a croissant",
            "style_id": style["id"],
            "random_seed": 3,
            "response_format": "b64_json",
        },
    )
    assert generated.status_code == 200, generated.text
    pixels = decode(base64.b64decode(generated.json()["data"][0]["b64_json"]))
    assert _share(pixels, style["palette"]) > 0.97  # every colour drawn is the style's (edges aside)
    assert tuple(pixels[2, 2, :3]) == cream  # its ground too
    plain = await client.post(
        "/v1/images/generations",
        json={"prompt": "a bakery badge with a croissant", "random_seed": 3, "response_format": "b64_json"},
    )
    assert _share(decode(base64.b64decode(plain.json()["data"][0]["b64_json"])), style["palette"]) < 0.5
    deleted = await client.delete(f"/v1/styles/{style['id']}")
    assert deleted.status_code == 200
    error_of(
        await client.post("/v1/images/generations", json={"prompt": "x", "style_id": style["id"]}), 400, "style_id"
    )
    assert (await client.get(f"/v1/styles/{style['id']}")).status_code == 404


def _poster(family: str, shift: int) -> bytes:
    """A reference made elsewhere: flat shapes and two lines of text set in `family` (one of ours), no manifest."""
    from PIL import ImageDraw, ImageFont

    from artboard.composer.fonts import get_face

    font = ImageFont.truetype(get_face(family, 700).path, 56)
    image = Image.new("RGB", (640, 400), (244, 239, 230))
    draw = ImageDraw.Draw(image)
    draw.rectangle((20 + shift, 260, 200 + shift, 380), fill=(201, 162, 39))
    draw.text((30, 40), "Harbor Jazz", font=font, fill=(27, 42, 73))
    draw.text((30, 130), "Night Market", font=font, fill=(27, 42, 73))
    return encode(image)


async def test_style_takes_the_fonts_of_reference_images(client: httpx.AsyncClient) -> None:
    """Text in references made elsewhere is matched to our families (OCR + drawing each family again); the next
    generations are set in that family, in the references' colours."""
    import shutil

    from artboard.manifest import read_manifest

    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed (scripts/test.sh installs it)")
    files = [("images", (f"p{i}.png", _poster("playfair-display", 40 * i), "image/png")) for i in range(2)]
    created = await client.post("/v1/styles", files=files)
    assert created.status_code == 200, created.text
    style = created.json()
    assert style["fonts"] == ["playfair-display"]
    assert set(style["palette"]) == {"#f4efe6", "#c9a227", "#1b2a49"}  # the real colours, no blend of two
    for prompt, seed in (("logo for Lumen Studio, a lightbulb", 4), ('a bakery poster that reads "Fresh Daily"', 3)):
        generated = await client.post(
            "/v1/images/generations",
            json={"prompt": prompt, "style_id": style["id"], "random_seed": seed, "response_format": "b64_json"},
        )
        assert generated.status_code == 200, generated.text
        data = base64.b64decode(generated.json()["data"][0]["b64_json"])
        design = (read_manifest(data) or {})["design"]
        assert design["fonts"][0].startswith("playfair-display"), (prompt, design["fonts"])
        assert _share(decode(data), style["palette"]) > 0.97
    sans = await client.post("/v1/styles", files=[("images", ("s.png", _poster("oswald", 0), "image/png"))])
    assert sans.json()["fonts"] == ["oswald"]
    plain = Image.new("RGB", (200, 200), (250, 243, 224))
    no_text = await client.post("/v1/styles", files=[("images", ("n.png", encode(plain), "image/png"))])
    assert no_text.json()["fonts"] == []  # no text, no font guessed


async def test_style_errors(client: httpx.AsyncClient) -> None:
    error_of(await client.post("/v1/styles", json={}), 400, "images")
    error_of(await client.post("/v1/styles", json={"fonts": ["comic-sans"]}), 400, "fonts")
    error_of(await client.post("/v1/styles", json={"palette": {"colors": [{"rgb": [1, 2]}]}}), 400, "palette")
    explicit = await client.post(
        "/v1/styles",
        json={
            "palette": {"colors": [{"rgb": [10, 20, 30]}], "background_color": {"rgb": [255, 255, 255]}},
            "fonts": ["Playfair Display"],
            "style": "line",
        },
    )
    assert explicit.status_code == 200, explicit.text
    assert explicit.json()["fonts"] == ["playfair-display"] and explicit.json()["palette"] == ["#0a141e"]
    both = await client.post(
        "/v1/images/generations", json={"prompt": "x", "style": "realistic_image", "style_id": explicit.json()["id"]}
    )
    assert both.status_code == 400
    _ = io  # keep the import for readers building multipart bodies by hand


async def test_style_reference_urls_apply_without_storing(client: httpx.AsyncClient) -> None:
    image = Image.new("RGB", (120, 120), (20, 20, 60))
    image.paste((240, 180, 0), (30, 30, 90, 90))
    response = await client.post(
        "/v1/images/generations",
        json={
            "prompt": "a night owl badge",
            "random_seed": 2,
            "response_format": "b64_json",
            "style_reference_urls": [b64(encode(image))],
        },
    )
    assert response.status_code == 200, response.text
    pixels = decode(base64.b64decode(response.json()["data"][0]["b64_json"]))
    assert _share(pixels, ["#14143c", "#f0b400"]) > 0.97
    assert tuple(pixels[1, 1, :3]) == (20, 20, 60)
    error_of(
        await client.post("/v1/images/generations", json={"prompt": "x", "style_reference_urls": "nope"}),
        400,
        "style_reference_urls",
    )


async def test_tools_charge_the_ledger_and_refund_failures(tmp_path: object) -> None:
    from pathlib import Path

    async with serve(Path(str(tmp_path)), auth="on") as (authed, app):
        keys = app.state.service.keys
        key, secret = keys.create("tools", credits=20)
        other, other_secret = keys.create("other", credits=20)
        auth = {"Authorization": f"Bearer {secret}"}
        shot = b64(product_shot("white"))
        done = await authed.post("/v1/images/removeBackground", json={"image_url": shot}, headers=auth)
        assert done.status_code == 200, done.text
        assert keys.get(key.id).credits == 17  # 3 credits ($0.012) for Recraft's $0.01
        # svg needs a vector input: accepted (the input is decoded, not yet recognised), failed in the worker, refunded
        failed = await authed.post(
            "/v1/images/removeBackground", json={"image_url": shot, "image_format": "svg"}, headers=auth
        )
        assert "svg" in error_of(failed, 400, "image_format")["message"]
        assert keys.get(key.id).credits == 17
        creative = await authed.post("/v1/images/creativeUpscale", json={"image_url": shot}, headers=auth)
        assert creative.status_code == 402, creative.text  # 63 credits > 17
        style = await authed.post("/v1/styles", json={"palette": ["#102030"]}, headers=auth)
        assert style.status_code == 200
        theirs = {"Authorization": f"Bearer {other_secret}"}
        assert (await authed.get(f"/v1/styles/{style.json()['id']}", headers=theirs)).status_code == 404
        error_of(
            await authed.post(
                "/v1/images/generations", json={"prompt": "x", "style_id": style.json()["id"]}, headers=theirs
            ),
            400,
            "style_id",
        )
        assert other.id != key.id


async def test_style_id_in_the_other_dialects(tmp_path: object) -> None:
    """OpenRouter image_config.style_id / style_id, API-in-One and PixelDojo style_id: the stored style's palette,
    ground and look go into the job's spec; an unknown id is a 4xx naming the field."""
    from pathlib import Path

    async with serve(Path(str(tmp_path))) as (dialects, app):
        service = app.state.service
        style = (
            await dialects.post(
                "/v1/styles",
                json={
                    "palette": {
                        "colors": [{"rgb": [12, 34, 56]}, {"rgb": [250, 200, 20]}],
                        "background_color": {"rgb": [240, 240, 230]},
                    },
                    "fill_style": "line",
                },
            )
        ).json()

        async def newest_request() -> dict[str, object]:
            jobs = await service.list_jobs(key_id=None, limit=1)
            return dict(jobs[0].request)

        requests = [
            (
                "/api/v1/chat/completions",
                {
                    "model": "recraft/recraft-v4",
                    "modalities": ["image"],
                    "messages": [{"role": "user", "content": "a lighthouse badge"}],
                    "image_config": {"style_id": style["id"]},
                },
            ),
            (
                "/api/v1/images",
                {"model": "recraft/recraft-v4", "prompt": "a lighthouse badge", "style_id": style["id"]},
            ),
            ("/api/v1/images/generations", {"prompt": "a lighthouse badge", "style_id": style["id"]}),
            ("/api/v1/models/recraft-v4/run", {"prompt": "a lighthouse badge", "style_id": style["id"]}),
        ]
        for path, body in requests:
            response = await dialects.post(path, json=body)
            assert response.status_code in (200, 202), (path, response.text)
            spec = await newest_request()
            assert spec["palette"] == [[12, 34, 56], [250, 200, 20]], path
            assert spec["background"] == [240, 240, 230], path
            assert spec["style"] == {
                "id": style["id"],
                "style": "any",
                "fonts": None,
                "fill_style": "line",
                "line_weight": None,
                "corner_radius": None,
                "no_text": None,
                "artistic_level": None,
            }, path
        for path, body in requests:
            wrong = json_replace(body, style["id"], "missing-style")
            response = await dialects.post(path, json=wrong)
            assert 400 <= response.status_code < 500 and "style_id" in response.text, (path, response.text)


def json_replace(body: dict[str, object], old: str, new: str) -> dict[str, object]:
    import json

    loaded: dict[str, object] = json.loads(json.dumps(body).replace(old, new))
    return loaded


def test_a_styles_fonts_and_fill_style_reach_the_composer() -> None:
    from artboard.composer import compose
    from artboard.spec import StyleControls, make_spec

    plain = make_spec("logo for Northwind Sailing, a sailboat", format="svg")
    styled = plain.model_copy(update={"style": StyleControls(fonts=("Playfair Display", "Inter"), fill_style="line")})
    for seed in (1, 2, 3):
        _, info = compose(styled, seed=seed)
        assert info["family_display"] == "playfair-display"
        assert all(key.split(":")[0] in ("lucide", "ph") and not key.endswith("-fill") for key in info["icons"])
    # An unknown family is ignored (the brief's own choice), never an error at compose time.
    odd = plain.model_copy(update={"style": StyleControls(fonts=("No Such Font",))})
    assert compose(odd, seed=1)[1]["family_display"] != "no-such-font"


def test_recraft_no_text_sets_no_text_and_says_so() -> None:
    from artboard.composer import compose
    from artboard.server.recraft.protocol import GenerationRequest, to_spec

    prompt = 'logo for Blue Harbor Coffee, a coffee cup, tagline "Since 1987"'
    _, spec = to_spec(GenerationRequest(prompt=prompt, controls={"no_text": True, "artistic_level": 1}))
    assert spec.style is not None and spec.style.no_text and spec.style.artistic_level == 1
    _, info = compose(spec, seed=1)
    assert info["set_texts"] == [] and info["no_text"] is True
    _, with_text = compose(to_spec(GenerationRequest(prompt=prompt))[1], seed=1)
    assert "Blue Harbor Coffee" in with_text["set_texts"]


def test_artistic_level_runs_from_plain_to_expressive() -> None:
    from artboard.composer import _styled, parse_prompt
    from artboard.spec import make_spec

    brief = parse_prompt("a fox icon")
    plain = _styled(brief, make_spec("a fox icon", style={"artistic_level": 0}))
    loud = _styled(brief, make_spec("a fox icon", style={"artistic_level": 5}))
    assert "minimal" in plain.styles and {"bold", "playful"} <= loud.styles
