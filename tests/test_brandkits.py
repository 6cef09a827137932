"""Basic styles (Recraft GET /v1/styles/basic) and brand kits (a style plus a logo and names) on the real app:
create/list/get/delete per key, stored durably, and a generation naming the kit's style_id in each dialect gets
the kit's look and its brand name as copy when the prompt sets none."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from app_support import serve
from edit_support import design_png, encode

pytestmark = pytest.mark.anyio


def data_url(data: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(data).decode()


def logo_png() -> bytes:
    image = Image.new("RGB", (64, 64), (255, 255, 255))
    image.paste((200, 30, 40), (16, 16, 48, 48))
    return encode(image)


async def newest_spec(app: Any, key_id: str | None = None) -> dict[str, Any]:
    jobs = await app.state.service.list_jobs(key_id=key_id, limit=1)
    return dict(jobs[0].request)


async def test_basic_styles_are_listed_and_usable(tmp_path: Path) -> None:
    async with serve(tmp_path) as (client, app):
        listing = await client.get("/v1/styles/basic")
        assert listing.status_code == 200, listing.text
        styles = listing.json()["styles"]
        assert len(styles) >= 8
        assert all({"style_id", "style", "model"} <= set(s) for s in styles)
        chosen = next(s for s in styles if s["name"] == "tech_dark")
        again = (await client.get("/v1/styles/basic")).json()["styles"]
        assert chosen["style_id"] in {s["style_id"] for s in again}  # fixed ids
        made = await client.post(
            "/v1/images/generations", json={"prompt": "a rocket icon", "style_id": chosen["style_id"]}
        )
        assert made.status_code == 200, made.text
        spec = await newest_spec(app)
        assert spec["background"] == [13, 17, 23] and spec["style"]["fill_style"] == "gradient"
        assert (await client.get(f"/v1/styles/{chosen['style_id']}")).json()["background_color"] == "#0d1117"
        refused = await client.delete(f"/v1/styles/{chosen['style_id']}")
        assert refused.status_code == 400 and refused.json()["error"]["param"] == "style_id"


async def test_brand_kit_round_trip_and_copy_in_every_dialect(tmp_path: Path) -> None:
    async with serve(tmp_path) as (client, app):
        created = await client.post(
            "/v1/brand_kits",
            files={"logo": ("logo.png", logo_png(), "image/png")},
            data={"name": "Ember Coffee", "tagline": "Roasted daily", "fonts": '["Playfair Display"]'},
        )
        assert created.status_code == 200, created.text
        kit = created.json()
        assert kit["name"] == "Ember Coffee" and kit["tagline"] == "Roasted daily"
        assert kit["logo"]["width"] == 64 and kit["logo"]["media_type"] == "image/png"
        assert kit["style"]["fonts"] == ["playfair-display"]
        assert "#c81e28" in kit["style"]["palette"]  # the logo's red: with no palette given, the logo gives it
        logo = await client.get(kit["logo"]["url"])
        assert logo.status_code == 200 and logo.content == logo_png()
        assert [k["id"] for k in (await client.get("/v1/brand_kits")).json()["brand_kits"]] == [kit["id"]]
        assert (await client.get(f"/v1/brand_kits/{kit['id']}")).json()["style_id"] == kit["style_id"]

        # Recraft: the prompt sets no copy, so the brand name and tagline are the design's copy.
        made = await client.post(
            "/v1/images/generations",
            json={"prompt": "a coffee cup logo", "style_id": kit["style_id"], "response_format": "b64_json"},
        )
        assert made.status_code == 200, made.text
        assert '"Ember Coffee"' in made.json()["data"][0]["revised_prompt"]
        job = (await app.state.service.list_jobs(key_id=None, limit=1))[0]
        design = job.artifacts[0].manifest["design"]
        assert "Ember Coffee" in " ".join(design["set_texts"]) and design["family_display"] == "playfair-display"
        # A prompt with its own copy keeps it.
        own = await client.post(
            "/v1/images/generations", json={"prompt": "logo called Night Owl", "style_id": kit["style_id"]}
        )
        assert own.status_code == 200 and "Ember" not in own.json()["data"][0]["revised_prompt"]

        # Runware (providerSettings.recraft.styleId) and the dialects with a documented style_id.
        runware = await client.post(
            "/v1",
            json=[
                {
                    "taskType": "imageInference",
                    "taskUUID": "6b8e7a7e-38a4-4c7d-9a7e-1a2b3c4d5e6f",
                    "model": "recraft:v4@0",
                    "positivePrompt": "a coffee cup logo",
                    "width": 1024,
                    "height": 1024,
                    "providerSettings": {"recraft": {"styleId": kit["style_id"]}},
                }
            ],
        )
        assert runware.status_code == 200, runware.text
        assert "Ember Coffee" in (await newest_spec(app))["prompt"]
        pixeldojo = await client.post(
            "/api/v1/models/recraft-v4/run", json={"prompt": "a coffee cup logo", "style_id": kit["style_id"]}
        )
        assert pixeldojo.status_code in (200, 202), pixeldojo.text
        spec = await newest_spec(app)
        assert "Ember Coffee" in spec["prompt"] and "Roasted daily" in spec["prompt"]

        # The kit's style goes with the kit, not alone.
        alone = await client.delete(f"/v1/styles/{kit['style_id']}")
        assert alone.status_code == 400 and alone.json()["error"]["param"] == "style_id"
        assert (await client.delete(f"/v1/brand_kits/{kit['id']}")).status_code == 200
        assert (await client.get(f"/v1/brand_kits/{kit['id']}")).status_code == 404
        assert (await client.get(f"/v1/styles/{kit['style_id']}")).status_code == 404


async def test_brand_kit_from_a_basic_style_is_durable_and_per_key(tmp_path: Path) -> None:
    async with serve(tmp_path, auth="on") as (client, app):
        keys = app.state.service.keys
        _mine, secret = keys.create("mine", credits=100)
        _theirs, other_secret = keys.create("theirs", credits=100)
        auth, theirs = {"Authorization": f"Bearer {secret}"}, {"Authorization": f"Bearer {other_secret}"}
        basic = (await client.get("/v1/styles/basic", headers=auth)).json()["styles"][0]["style_id"]
        created = await client.post(
            "/v1/brand_kits",
            json={"name": "Northwind", "style_id": basic, "logo_url": data_url(design_png())},
            headers=auth,
        )
        assert created.status_code == 200, created.text
        kit = created.json()
        assert (await client.get(f"/v1/brand_kits/{kit['id']}", headers=theirs)).status_code == 404
        assert (await client.get("/v1/brand_kits", headers=theirs)).json()["brand_kits"] == []
        used = await client.post(
            "/v1/images/generations", json={"prompt": "a sailboat", "style_id": kit["style_id"]}, headers=theirs
        )
        assert used.status_code == 400 and used.json()["error"]["param"] == "style_id"
    async with serve(tmp_path, auth="on") as (client, app):  # a restart on the same database
        again = await client.get(f"/v1/brand_kits/{kit['id']}", headers=auth)
        assert again.status_code == 200 and again.json()["name"] == "Northwind"
        assert (await client.get(again.json()["logo"]["url"], headers=auth)).content == design_png()


async def test_brand_kit_bad_inputs(tmp_path: Path) -> None:
    async with serve(tmp_path) as (client, _app):
        cases: list[tuple[dict[str, Any], str]] = [
            ({"tagline": "x", "palette": ["#102030"]}, "name"),
            ({"name": "x" * 81, "palette": ["#102030"]}, "name"),
            ({"name": "Acme", "tagline": "y" * 121, "palette": ["#102030"]}, "tagline"),
            ({"name": "Acme"}, "style_id"),  # no look at all
            ({"name": "Acme", "style_id": "missing"}, "style_id"),
            ({"name": "Acme", "style_id": "x", "palette": ["#102030"]}, "style_id"),
            ({"name": "Acme", "logo_url": "data:image/png;base64,bm90IGFuIGltYWdl"}, "logo_url"),
            ({"name": "Acme", "palette": ["not a colour"]}, "palette"),
        ]
        for body, param in cases:
            response = await client.post("/v1/brand_kits", json=body)
            assert 400 <= response.status_code < 500, (body, response.text)
            assert response.json()["error"]["param"] == param, (body, response.text)
        assert (await client.get("/v1/brand_kits/nope/logo")).status_code == 404
