"""The SVG contract checker/sanitiser and the manifest embedding, on hand-made documents."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from artboard.errors import InvalidParameter
from artboard.manifest import embed_png, embed_svg, read_manifest
from artboard.render import encode_raster
from artboard.svgsafe import assert_svg_contract, check_svg, sanitize_svg

GOOD = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10"><rect width="10" '
    'height="10" fill="#fff"/><g fill="url(#g)"/><defs><linearGradient id="g"/></defs></svg>'
)

BAD = [
    ('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><rect/></svg>', "viewBox"),
    (
        '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1" viewBox="0 0 1 1"><script>alert(1)</script>'
        "</svg>",
        "script",
    ),
    (
        '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1" viewBox="0 0 1 1"><rect onclick="x()"/></svg>',
        "onclick",
    ),
    (
        '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1" viewBox="0 0 1 1"><foreignObject/></svg>',
        "foreignObject",
    ),
    (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="1" height="1" '
        'viewBox="0 0 1 1"><use xlink:href="http://evil.test/a.svg#x"/></svg>',
        "external",
    ),
    (
        '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1" viewBox="0 0 1 1"><image href="data:image/png;'
        'base64,AAAA"/></svg>',
        "image",
    ),
    (
        '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1" viewBox="0 0 1 1"><rect fill="url(https://x.test/'
        'p)"/></svg>',
        "url",
    ),
    (
        '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1" viewBox="0 0 1 1"><style>@import url(https://x.'
        "test/a.css);</style></svg>",
        "style",
    ),
]


def test_good_svg_passes() -> None:
    assert check_svg(GOOD) == []
    assert_svg_contract(GOOD)


@pytest.mark.parametrize(("svg", "needle"), BAD)
def test_each_violation_is_found_and_sanitised(svg: str, needle: str) -> None:
    problems = check_svg(svg)
    assert problems and any(needle in p for p in problems), problems
    if needle != "viewBox":
        assert check_svg(sanitize_svg(svg)) == []


def test_entities_and_garbage_are_refused() -> None:
    bomb = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><svg>&a;</svg>'
    with pytest.raises(InvalidParameter):
        check_svg(bomb)
    with pytest.raises(InvalidParameter):
        check_svg("<svg><unclosed></svg>")


def test_svg_manifest_round_trip_with_awkward_characters() -> None:
    manifest = {"prompt": 'a "quoted" <tag> & ampersand ünïcode', "seed": 1}
    svg = embed_svg(GOOD, manifest)
    assert check_svg(svg) == []
    assert read_manifest(svg.encode()) == manifest
    # Embedding twice replaces, never duplicates.
    again = embed_svg(svg, {"seed": 2})
    assert again.count("<metadata>") == 1 and read_manifest(again.encode()) == {"seed": 2}


@pytest.mark.parametrize("fmt", ["png", "jpg", "webp"])
def test_raster_manifest_round_trip(fmt: str) -> None:
    image = Image.new("RGBA", (16, 16), (10, 20, 30, 255))
    manifest = {"prompt": 'x "y" & <z>', "seed": 3, "n": [1, 2]}
    data = encode_raster(image, fmt, quality=None, manifest=manifest)
    assert read_manifest(data) == manifest
    with Image.open(io.BytesIO(data)) as decoded:
        assert decoded.size == (16, 16)


def test_png_chunk_insertion_keeps_the_image_valid() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (1, 2, 3)).save(buffer, format="PNG")
    data = embed_png(buffer.getvalue(), {"a": 1})
    with Image.open(io.BytesIO(data)) as decoded:
        decoded.load()
        assert decoded.getpixel((0, 0)) == (1, 2, 3)
    assert read_manifest(data) == {"a": 1}
