"""A stored style's line weight and corner radius, and a brand kit's logo, change the composed SVG in the expected
direction: through the Python API, and once over real HTTP (uvicorn on loopback, Recraft dialect with style_id)."""

from __future__ import annotations

import base64
import io
import re
import socket
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image, ImageDraw

import artboard
from artboard.composer import brand, shapes
from artboard.composer.canvas import Node
from artboard.composer.recipes.layouts.motifs import frame_rule
from artboard.spec import StyleControls
from artboard.svgsafe import check_svg

SVG = "{http://www.w3.org/2000/svg}"
RED, NAVY = "#c81e28", "#142878"


def logo_png() -> bytes:
    """A red disc with a white triangle and a navy door, on a white ground (which the logo is not)."""
    image = Image.new("RGB", (200, 200), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse((20, 20, 180, 180), fill=(200, 30, 40))
    draw.polygon([(100, 45), (150, 150), (50, 150)], fill=(255, 255, 255))
    draw.rectangle((85, 110, 115, 150), fill=(20, 40, 120))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


@pytest.fixture(scope="module")
def logo_svg() -> str:
    svg = brand.vector_logo(logo_png())
    assert svg is not None
    return svg


def design(prompt: str, seed: int = 3, **style: Any) -> tuple[str, dict[str, Any]]:
    palette = style.pop("palette", None)
    options: dict[str, Any] = {"palette": palette} if palette else {}
    art = artboard.generate(prompt, seed=seed, format="svg", style=StyleControls(**style), **options)[0]
    svg = art.data.decode()
    assert check_svg(svg) == []
    return svg, art.manifest


def stroke_widths(svg: str) -> list[float]:
    return [float(w) for w in re.findall(r'stroke-width="([\d.]+)"', svg)]


def group(svg: str, name: str) -> ET.Element:
    found = next((g for g in ET.fromstring(svg).iter(f"{SVG}g") if g.get("id") == name), None)
    assert found is not None, name
    return found


# Line weight ------------------------------------------------------------------------------------------------------
def test_line_weight_sets_the_stroke_of_line_icons() -> None:
    prompt = 'a line art poster of a mountain cabin that reads "Summit Lodge"'
    thin, _ = design(prompt, line_weight=1, fill_style="line")
    thick, _ = design(prompt, line_weight=8, fill_style="line")
    own, _ = design(prompt, fill_style="line")
    assert stroke_widths(thin) and stroke_widths(thick)
    # the same icon at the same size: its stroke (in icon units) is 8× as wide, and neither is the icon's own
    assert max(stroke_widths(thick)) == pytest.approx(8 * max(stroke_widths(thin)), abs=0.05)  # 2-decimal output
    assert max(stroke_widths(own)) not in (max(stroke_widths(thin)), max(stroke_widths(thick)))


def area(d: str) -> float:
    return abs(shapes.to_path(d).area)


def test_line_weight_and_corner_radius_reach_frames_through_one_hook() -> None:
    def frame(look: brand.Look) -> str:
        node = Node("g")
        with brand.applied(look):
            frame_rule(node, 0, 0, 400, 300, 5, (0, 0, 0))
        return str(node.children[0].attrs["d"])

    own, thin, thick = frame(brand.Look()), frame(brand.Look(1)), frame(brand.Look(8))
    assert area(thin) < area(own) < area(thick)
    assert area(thick) == pytest.approx(8 * area(thin), rel=0.05)
    square, rounded = frame(brand.Look(4, 0)), frame(brand.Look(4, 60))
    assert area(rounded) < area(square)  # rounded corners cut material off the outline
    # outside a composition, and inside one with no style, the layout's own values stand
    assert brand.stroke(5) == 5 and brand.corner(7) == 7
    with brand.applied(brand.look_for(StyleControls(line_weight=8, corner_radius=80), 512, 768)):
        assert brand.stroke(5) == 4 and brand.corner(7) == 40 and brand.corner(7, 30) == 15


def test_line_weight_thickens_badge_rings() -> None:
    prompt = 'a round badge that reads "Acme"'
    thin, _ = design(prompt, line_weight=1)
    thick, _ = design(prompt, line_weight=8)
    assert thin != thick

    def ring_area(svg: str) -> float:
        groups = [g for g in ET.fromstring(svg).iter(f"{SVG}g") if g.get("id", "") in ("ring-outer", "ring-inner")]
        return sum(area(p.get("d", "")) for g in groups for p in g.iter(f"{SVG}path"))

    assert ring_area(thin) > 0  # the seal's band between two rings
    assert ring_area(thick) > 2 * ring_area(thin)


# Corner radius ----------------------------------------------------------------------------------------------------
def tile_d(svg: str) -> str:
    return group(svg, "app-icon").find(f"{SVG}path").get("d", "")  # type: ignore[union-attr]


def test_corner_radius_rounds_the_app_icon_tile() -> None:
    prompt = "app icon of a rocket"
    square, _ = design(prompt, corner_radius=0)
    round_, manifest = design(prompt, corner_radius=80)
    own, _ = design(prompt)
    assert "A" not in tile_d(square) and tile_d(square).count("L") == 3  # a plain square
    assert "A80 80" in tile_d(round_)  # 80 px at 1024 px
    assert "A" not in tile_d(own) and tile_d(own).count("L") > 40  # the composer's own squircle
    assert manifest["params"]["style"]["corner_radius"] == 80


def test_corner_radius_scales_with_the_canvas() -> None:
    art = artboard.generate(
        "app icon of a rocket", seed=3, format="svg", size="1536x768", style=StyleControls(corner_radius=80)
    )[0]
    assert "A60 60" in tile_d(art.data.decode())  # 80 px at 1024 px is 60 px on a 768 px short side


# Brand kit logo ---------------------------------------------------------------------------------------------------
def test_vector_logo_cuts_the_ground_and_keeps_the_inside(logo_svg: str) -> None:
    fills = set(re.findall(r'fill="(#[0-9a-f]{6})"', logo_svg))
    assert RED in fills and NAVY in fills
    assert check_svg(logo_svg) == []
    icon = brand.logo_icon(logo_svg)
    assert icon is not None
    _, _, w, h = icon.viewbox
    # cropped to the disc (160 px of the 200 px image), not the white square around it
    assert w == pytest.approx(160, abs=4) and h == pytest.approx(160, abs=4)


def test_svg_logos_are_kept_as_they_are_after_sanitising() -> None:
    plain = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" onload="alert(1)">'
        '<script>alert(1)</script><g fill="#0a7f5a"><rect x="10" y="10" width="80" height="80"/>'
        '<circle cx="50" cy="50" r="20" fill="#ffffff"/></g></svg>'
    )
    kept = brand.vector_logo(plain.encode())
    assert kept is not None and "script" not in kept and "onload" not in kept
    assert re.findall(r'fill="(#[0-9a-f]{6})"', kept) == ["#0a7f5a", "#ffffff"]
    assert "M10 10" in kept  # the rectangle's own geometry, not a trace
    fancy = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><defs><linearGradient id="g">'
        '<stop offset="0" stop-color="#ff0000"/><stop offset="1" stop-color="#0000ff"/></linearGradient></defs>'
        '<rect x="10" y="10" width="80" height="80" fill="url(#g)" transform="rotate(10 50 50)"/></svg>'
    )
    traced = brand.vector_logo(fancy.encode())
    assert traced is not None and "url(" not in traced and check_svg(traced) == []


def test_logo_is_the_mark_of_a_logo_and_a_badge(logo_svg: str) -> None:
    svg, manifest = design('a logo that reads "Acme"', logo_svg=logo_svg)
    assert manifest["design"]["brand_logo"] == "mark" and "brand:logo" in manifest["design"]["icons"]
    assert RED in svg and NAVY in svg  # its own colours: no palette is fixed
    badge, manifest = design('a round badge that reads "Acme"', logo_svg=logo_svg)
    assert manifest["design"]["brand_logo"] == "mark" and RED in badge
    hexagon, manifest = design('a badge that reads "Acme"', seed=1, logo_svg=logo_svg)
    assert manifest["design"]["layout"].startswith("badge-hexagon") and RED in hexagon and NAVY in hexagon
    # the manifest names the logo by its hash, not by 1 kB…200 kB of SVG
    style = manifest["params"]["style"]
    assert "logo_svg" not in style and len(style["logo_sha256"]) == 64
    # a prompt that names a subject draws that subject
    _, named = design("a logo of a fox", logo_svg=logo_svg)
    assert "brand:logo" not in named["design"].get("icons", [])


def test_logo_takes_the_palette_when_one_is_fixed(logo_svg: str) -> None:
    palette = ["#1b3a5c", "#f2e8d5", "#e07a2f"]
    svg, manifest = design('a logo that reads "Acme"', logo_svg=logo_svg, palette=palette)
    assert manifest["design"]["brand_logo"] == "mark"
    assert RED not in svg and NAVY not in svg
    symbol = group(svg, "symbol")
    fills = {p.get("fill") for p in symbol.iter(f"{SVG}path")}
    assert fills and fills <= set(palette)


def test_logo_signs_posters_and_banners_in_a_corner(logo_svg: str) -> None:
    prompt = 'a poster for a summer sale that reads "Acme Summer Sale"'
    plain, _ = design(prompt)
    signed, manifest = design(prompt, logo_svg=logo_svg)
    assert 'id="brand-logo"' not in plain and 'id="brand-logo"' in signed
    assert manifest["design"]["brand_logo"] == "corner"
    banner, manifest = design('a wide web banner for a bakery that reads "Fresh Bread"', logo_svg=logo_svg)
    assert manifest["design"]["brand_logo"] == "corner" and RED in banner


# Over HTTP: the Recraft dialect with a style_id ------------------------------------------------------------------
@contextmanager
def served(tmp_path: Path) -> Iterator[str]:
    """The real app under uvicorn on a free 127.0.0.1 port, in a background thread."""
    import uvicorn

    from artboard.server.app import create_app
    from artboard.server.settings import Settings

    app = create_app(Settings(data_dir=tmp_path / "data", auth="off", workers=1, rate_limit_per_minute=0))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()


def _svg_of(answer: dict[str, Any]) -> str:
    item = answer["data"][0]
    return base64.b64decode(item["b64_json"]).decode() if "b64_json" in item else httpx.get(item["url"]).text


def test_recraft_style_id_carries_line_weight_corner_radius_and_logo(tmp_path: Path) -> None:
    with served(tmp_path) as base, httpx.Client(base_url=base, timeout=180) as client:
        style = client.post("/v1/styles", json={"line_weight": 8, "corner_radius": 80, "palette": ["#4c3c9d"]})
        assert style.status_code == 200, style.text
        body = {"prompt": "app icon of a rocket", "style_id": style.json()["id"], "model": "recraftv4_vector"}
        made = client.post("/v1/images/generations", json={**body, "response_format": "b64_json"})
        assert made.status_code == 200, made.text
        assert "A80 80" in tile_d(_svg_of(made.json()))

        kit = client.post(
            "/v1/brand_kits",
            files={"logo": ("logo.png", logo_png(), "image/png")},
            data={"name": "Acme", "palette": '["#c81e28", "#142878", "#ffffff"]'},
        )
        assert kit.status_code == 200, kit.text
        logo_body = {"prompt": "a logo", "style_id": kit.json()["style_id"], "model": "recraftv4_vector"}
        made = client.post("/v1/images/generations", json={**logo_body, "response_format": "b64_json"})
        assert made.status_code == 200, made.text
        svg = _svg_of(made.json())
        assert check_svg(svg) == [] and RED in svg and NAVY in svg
        assert any(p.get("fill") == NAVY for p in group(svg, "symbol").iter(f"{SVG}path"))
