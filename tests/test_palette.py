from __future__ import annotations

import io
import itertools
import random
import time

import numpy as np
import pytest
import resvg_py
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from artboard.colors import CSS_COLORS, RGB, delta_e_ok, nearest, to_hex
from artboard.errors import InvalidParameter
from artboard.post.palette import (
    PaletteReport,
    enforce_raster_palette,
    enforce_svg_palette,
    raster_compliance,
    svg_colors,
)

PALETTE: list[RGB] = [(0xE2, 0x72, 0x5B), (0x26, 0x46, 0x53), (0xE9, 0xC4, 0x6A)]
BACKGROUND: RGB = (0xF4, 0xEF, 0xE6)
SVG_HEAD = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
    ' width="{w}" height="{h}" viewBox="0 0 100 100">'
)


def render(svg: str, size: int = 128) -> np.ndarray:
    png = resvg_py.svg_to_bytes(svg_string=svg, width=size, height=size)
    return np.array(Image.open(io.BytesIO(bytes(png))).convert("RGBA"))


def doc(body: str, w: int = 100, h: int = 100) -> str:
    return SVG_HEAD.format(w=w, h=h) + body + "</svg>"


# --- random documents ---------------------------------------------------------------------------------------


def _rgb(rng: random.Random) -> RGB:
    return (rng.randrange(256), rng.randrange(256), rng.randrange(256))


def _color_text(rng: random.Random, alpha: bool = True) -> str:
    r, g, b = _rgb(rng)
    kind = rng.randrange(9)
    if not alpha and kind in (4, 6):
        kind = 0
    if kind == 0:
        return f"#{r:02x}{g:02x}{b:02x}"
    if kind == 1:
        return f"#{r // 17:x}{g // 17:x}{b // 17:x}".upper()
    if kind == 2:
        return f"rgb({r}, {g}, {b})"
    if kind == 3:
        return f"rgb({r * 100 / 255:.1f}%,{g * 100 / 255:.1f}%,{b * 100 / 255:.1f}%)"
    if kind == 4:
        return f"rgba({r},{g},{b},{rng.choice(['0.5', '1', '.2'])})"
    if kind == 5:
        return f"hsl({rng.randrange(360)}, {rng.randrange(101)}%, {rng.randrange(101)}%)"
    if kind == 6:
        return f"#{r:02x}{g:02x}{b:02x}{rng.randrange(256):02x}"
    return rng.choice(sorted(CSS_COLORS)).capitalize() if kind == 7 else rng.choice(sorted(CSS_COLORS))


def _paint(rng: random.Random, gradients: int, alpha: bool = True) -> str:
    roll = rng.random()
    if roll < 0.55:
        return _color_text(rng, alpha)
    if roll < 0.62:
        return "currentColor"
    if roll < 0.68:
        return rng.choice(["none", "transparent", "inherit", "var(--x)", "bogus"])
    if gradients:
        ref = f"url(#g{rng.randrange(gradients)})"
        return ref + (" " + _color_text(rng, alpha) if rng.random() < 0.3 else "")
    return _color_text(rng, alpha)


def random_svg(seed: int, *, with_opacity: bool = True) -> str:
    rng = random.Random(seed)
    alpha = with_opacity
    parts: list[str] = []
    n_grad = rng.randrange(4)
    css = []
    for c in range(4):
        decls = []
        for prop in ("fill", "stroke", "color", "stop-color"):
            if rng.random() < 0.4:
                decls.append(f"{prop}: {_color_text(rng, alpha)}" + (" !important" if rng.random() < 0.1 else ""))
        css.append(f".c{c} {{ {'; '.join(decls)} }}")
    if rng.random() < 0.3:
        css.append(f"rect {{ fill: {_color_text(rng, alpha)} }}")
    if rng.random() < 0.2:
        css.append(f"circle {{ filter: url(#f0); stroke: {_color_text(rng, alpha)} }}")
    parts.append("<style>" + "\n".join(css) + "</style><defs>")
    for g in range(n_grad):
        tag = rng.choice(["linearGradient", "radialGradient"])
        if g and rng.random() < 0.25:
            parts.append(f'<{tag} id="g{g}" xlink:href="#g{rng.randrange(g)}" x1="0" x2="1"/>')
            continue
        stops = []
        for _ in range(rng.randrange(0, 5)):
            off = f"{rng.randrange(101)}%" if rng.random() < 0.5 else f"{rng.random():.2f}"
            kind = rng.randrange(5)
            if kind == 0:
                color = f'stop-color="{_color_text(rng, alpha)}"'
            elif kind == 1:
                color = f'style="stop-color:{_color_text(rng, alpha)}"'
            elif kind == 2:
                color = f'class="c{rng.randrange(4)}"'
            elif kind == 3:
                color = 'stop-color="currentColor"'
            else:
                color = ""
            opacity = f' stop-opacity="{rng.choice(["1", "0.5", "0"])}"' if with_opacity and rng.random() < 0.3 else ""
            stops.append(f'<stop offset="{off}" {color}{opacity}/>')
        parts.append(f'<{tag} id="g{g}">' + "".join(stops) + f"</{tag}>")
    if rng.random() < 0.4:
        parts.append(
            '<filter id="f0"><feGaussianBlur stdDeviation="2"/>'
            f'<feFlood flood-color="{_color_text(rng, alpha)}"/>'
            "<feDiffuseLighting><feDistantLight/></feDiffuseLighting></filter>"
        )
    if rng.random() < 0.3:
        parts.append(f'<mask id="m0"><rect width="100" height="100" fill="{_color_text(rng, alpha)}"/></mask>')
    parts.append("</defs>")
    depth = 0
    for _ in range(rng.randrange(1, 14)):
        roll = rng.random()
        if roll < 0.15 and depth < 3:
            attrs = f' color="{_color_text(rng, alpha)}"' if rng.random() < 0.5 else ""
            attrs += f' fill="{_paint(rng, n_grad, alpha)}"' if rng.random() < 0.3 else ""
            parts.append(f"<g{attrs}>")
            depth += 1
            continue
        if roll < 0.22 and depth:
            parts.append("</g>")
            depth -= 1
            continue
        x, y = rng.randrange(80), rng.randrange(80)
        shape = rng.choice(
            [
                f'rect x="{x}" y="{y}" width="{rng.randrange(5, 40)}" height="{rng.randrange(5, 40)}"',
                f'circle cx="{x}" cy="{y}" r="{rng.randrange(4, 30)}"',
                f'ellipse cx="{x}" cy="{y}" rx="{rng.randrange(4, 30)}" ry="{rng.randrange(4, 20)}"',
                f'path d="M{x} {y} l20 5 l-5 20 z"',
                f'polygon points="{x},{y} {x + 20},{y} {x + 10},{y + 15}"',
            ]
        )
        attrs = []
        if rng.random() < 0.6:
            attrs.append(f'fill="{_paint(rng, n_grad, alpha)}"')
        if rng.random() < 0.4:
            attrs.append(f'stroke="{_paint(rng, n_grad, alpha)}" stroke-width="{rng.randrange(2, 5)}"')
        if rng.random() < 0.3:
            style = [f"fill:{_paint(rng, n_grad, alpha)}"]
            if rng.random() < 0.5:
                style.append(f"stroke : {_paint(rng, n_grad, alpha)}")
            if with_opacity and rng.random() < 0.3:
                style.append("opacity:0.6")
            attrs.append(f'style="{";".join(style)}"')
        if rng.random() < 0.3:
            attrs.append(f'class="c{rng.randrange(4)}"')
        if rng.random() < 0.1:
            attrs.append('filter="url(#f0)"')
        if rng.random() < 0.1:
            attrs.append('mask="url(#m0)"')
        parts.append(f"<{shape} {' '.join(attrs)}/>")
        if rng.random() < 0.1:
            parts.append(f'<text x="{x}" y="{y}" font-size="12">Aa</text>')
        if rng.random() < 0.05:
            parts.append(
                '<rect width="3" height="3"><animate attributeName="fill"'
                f' values="{_color_text(rng, alpha)};red"'
                ' dur="1s"/></rect>'
            )
    parts.append("</g>" * depth)
    return doc("".join(parts))


def _palette(seed: int) -> tuple[list[RGB], RGB | None]:
    rng = random.Random(seed * 7 + 1)
    palette = [_rgb(rng) for _ in range(rng.randrange(1, 11))]
    background = _rgb(rng) if rng.random() < 0.6 else None
    return palette, background


# --- SVG --------------------------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32 - 1))
def test_random_svgs_only_use_allowed_colors(seed: int) -> None:
    svg = random_svg(seed)
    palette, background = _palette(seed)
    allowed = set(palette) | ({background} if background else set())
    out, report = enforce_svg_palette(svg, palette, background)
    assert svg_colors(out) <= allowed
    assert report.compliant
    assert {b for _, b, _ in report.mapped} <= {to_hex(c) for c in allowed}
    again, report2 = enforce_svg_palette(out, palette, background)
    assert again == out  # idempotent
    assert report2.compliant
    assert all(a == b for a, b, _ in report2.mapped)


@pytest.mark.parametrize("seed", range(25))
def test_random_svgs_render_compliant(seed: int) -> None:
    svg = random_svg(seed, with_opacity=False)
    palette, background = _palette(seed)
    # Opacity and masks blend colours on purpose (the guarantee leaves them alone), so strip masks here.
    svg = svg.replace('mask="url(#m0)"', "")
    out, _ = enforce_svg_palette(svg, palette, background)
    allowed = list(palette) + ([background] if background else [])
    pixels = render(out)
    # Strict rule: both blended colours occur in the 3×3 neighbourhood. Hairline strokes (the random
    # documents use 1-unit strokes, 1.3 px here) never show their own colour unmixed, and pixels where three
    # colours meet blend all three, so a few percent of such pixels fail the strict rule...
    assert raster_compliance(pixels, allowed)["other"] <= 0.05, seed
    # ...and what is left under the relaxed rule is three-colour junctions only.
    assert raster_compliance(pixels, allowed, strict=False)["other"] <= 0.015, seed


def test_svg_colors_finds_everything() -> None:
    svg = doc(
        "<style>.a{fill:#010203} rect.b { stroke : rgb(4,5,6) !important } #x{color:navy}</style>"
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#070809"/><stop offset="1"/>'
        "</linearGradient>"
        '<filter id="f"><feFlood flood-color="#0a0b0c"/><feDiffuseLighting/></filter>'
        '<mask id="m"><rect width="10" height="10" fill="#ababab"/></mask>'
        '<linearGradient id="mg"><stop offset="0" stop-color="#cdcdcd"/></linearGradient></defs>'
        '<rect class="a" width="5" height="5" style="fill: #0d0e0f; stroke:hsl(0,100%,50%)"/>'
        '<g id="x" color="#101112"><circle r="3" fill="currentColor" stroke="url(#g) #131415"/></g>'
        '<path d="M0 0h1" fill="none" stroke="lime"/>'
        '<g mask="url(#m)"><rect width="1" height="1" fill="#161718"/></g>'
        '<rect mask="url(#m)" width="1" height="1" fill="#191a1b"/>'
        '<circle r="1" fill="url(#mg)" mask="url(#m)"/>'
    )
    found = {to_hex(c) for c in svg_colors(svg)}
    expected = {
        "#010203",
        "#040506",
        "#000080",
        "#070809",
        "#000000",
        "#0a0b0c",
        "#ffffff",
        "#0d0e0f",
        "#ff0000",
        "#101112",
        "#131415",
        "#00ff00",
        "#161718",
        "#191a1b",
        "#cdcdcd",
    }
    assert expected <= found
    assert "#ababab" not in found  # mask content is never painted


def test_svg_colors_mask_only_gradient_not_counted() -> None:
    svg = doc(
        '<defs><linearGradient id="mg"><stop offset="0" stop-color="#fff"/>'
        '<stop offset="1" stop-color="#000"/>'
        '</linearGradient><mask id="m"><rect width="100" height="100" fill="url(#mg)"/></mask></defs>'
        '<rect width="100" height="100" fill="#123456" mask="url(#m)"/>'
    )
    assert svg_colors(svg) == {(0x12, 0x34, 0x56)}
    out, report = enforce_svg_palette(svg, [(0x12, 0x34, 0x56)], None)
    assert "#fff" in out and "untouched" in (report.gradients or "")


def test_named_and_current_color_mapping() -> None:
    svg = doc(
        '<g color="tomato"><rect width="50" height="50" fill="currentColor"/></g>'
        '<rect x="50" width="50" height="50" fill="Navy" stroke="white"/>'
    )
    palette = [(255, 0, 0), (0, 0, 100)]
    out, report = enforce_svg_palette(svg, palette, (250, 250, 250))
    assert svg_colors(out) <= {(255, 0, 0), (0, 0, 100), (250, 250, 250)}
    mapped = {a: b for a, b, _ in report.mapped}
    assert mapped["#ff6347"] == "#ff0000"  # tomato
    assert mapped["#000080"] == "#000064"  # navy
    assert mapped["#ffffff"] == "#fafafa"  # white is nearer the background than any palette colour
    assert 'fill="currentColor"' in out  # resolved through the (mapped) color attribute
    pixels = render(out)
    assert tuple(pixels[10, 10, :3]) == (255, 0, 0)
    assert tuple(pixels[30, 100, :3]) == (0, 0, 100)


def test_background_only_when_strictly_nearer() -> None:
    palette = [(0, 0, 0)]
    _, report = enforce_svg_palette(doc('<rect width="9" height="9" fill="#eee"/>'), palette, (255, 255, 255))
    assert report.mapped[0][:2] == ("#eeeeee", "#ffffff")
    # A tie goes to the palette colour.
    _, report = enforce_svg_palette(
        doc('<rect width="9" height="9" fill="#808080"/>'), [(128, 128, 128)], (128, 128, 128)
    )
    assert report.mapped[0][1] == "#808080"


def test_implicit_black_fill_is_pinned() -> None:
    svg = doc('<rect width="50" height="50"/><text x="1" y="9">x</text>')
    assert (0, 0, 0) in svg_colors(svg)
    out, report = enforce_svg_palette(svg, [(200, 30, 30)], None)
    assert svg_colors(out) == {(200, 30, 30)}
    assert tuple(render(out)[5, 5, :3]) == (200, 30, 30)
    assert report.compliant


def test_gradient_single_colour_becomes_flat() -> None:
    svg = doc(
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#fa0000"/>'
        '<stop offset="1" stop-color="#ff1010"/>'
        '</linearGradient></defs><rect width="100" height="100" fill="url(#g)"/>'
    )
    out, report = enforce_svg_palette(svg, [(255, 0, 0), (0, 0, 255)], None)
    assert 'fill="#ff0000"' in out
    assert report.gradients is not None and "flattened" in report.gradients


def test_gradient_multi_colour_becomes_bands() -> None:
    svg = doc(
        '<defs><linearGradient id="g" x1="0" x2="1" y1="0" y2="0"><stop offset="0" stop-color="#ff0000"/>'
        '<stop offset="1" stop-color="#0000ff"/></linearGradient></defs>'
        '<rect width="100" height="100" fill="url(#g)"/>'
    )
    palette = [(255, 0, 0), (128, 0, 128), (0, 0, 255)]
    out, report = enforce_svg_palette(svg, palette, None)
    assert report.gradients is not None and "stepped" in report.gradients and "3 solid" in report.gradients
    assert "url(#g)" in out
    pixels = render(out, 200)
    row = [tuple(p) for p in pixels[100, :, :3]]
    assert set(row) == set(palette)
    # Bands are contiguous and in gradient order.
    runs = [row[0]] + [b for a, b in itertools.pairwise(row) if a != b]
    assert runs == palette
    comp = raster_compliance(pixels, palette)
    assert comp["other"] == 0 and comp["exact"] > 0.99


def test_gradient_stepped_keeps_opacity_ramp() -> None:
    svg = doc(
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#f00"/>'
        '<stop offset="1" stop-color="#00f" stop-opacity="0"/></linearGradient></defs>'
        '<rect width="100" height="100" fill="url(#g)"/>'
    )
    out, _ = enforce_svg_palette(svg, [(255, 0, 0), (0, 0, 255)], None)
    assert "stop-opacity:0" in out
    pixels = render(out, 100)
    assert pixels[50, 2, 3] > 240 and pixels[50, 97, 3] < 15
    assert {tuple(p) for p in pixels[50, :, :3] if True} <= {(255, 0, 0), (0, 0, 255), (0, 0, 0)}


def test_single_colour_fade_keeps_opacity() -> None:
    svg = doc(
        '<defs><linearGradient id="g"><stop offset="0" stop-color="gold"/>'
        '<stop offset="1" stop-color="gold" stop-opacity="0"/></linearGradient></defs>'
        '<rect width="100" height="100" fill="url(#g)"/>'
    )
    out, report = enforce_svg_palette(svg, [(230, 190, 20)], None)
    assert "url(#g)" in out and "stop-opacity:0" in out
    assert "fade" in (report.gradients or "")


def test_filters_and_blend_modes_removed() -> None:
    svg = doc(
        '<defs><filter id="s"><feDropShadow dx="1" dy="1" flood-color="#000"/></filter></defs>'
        '<rect width="50" height="50" fill="#f00" filter="url(#s)"'
        ' style="mix-blend-mode:multiply;fill:#f00"/>'
        "<style>rect { filter: url(#s); fill: #f00 }</style>"
    )
    out, report = enforce_svg_palette(svg, [(255, 0, 0)], None)
    assert "filter" not in out and "mix-blend-mode" not in out and "feDropShadow" not in out
    assert any("<filter>" in n for n in report.notes)
    assert report.compliant


def test_css_and_style_rewritten() -> None:
    svg = doc(
        "<style>/* brand */ .a { fill: #123456; stroke-width: 2; stroke: orange !important }"
        " .b:hover { color: rgb(1 2 3) }</style>"
        '<rect class="a" width="9" height="9"'
        ' style="fill : teal ; fill-opacity: .5; stroke:url(#nope) gray"/>'
    )
    palette = [(0, 0, 0), (255, 255, 255)]
    out, report = enforce_svg_palette(svg, palette, None)
    assert "stroke-width: 2" in out and "fill-opacity: .5" in out and "!important" in out
    assert "url(#nope)" in out
    assert svg_colors(out) <= set(palette)
    assert report.compliant


def test_report_contents_and_dict() -> None:
    svg = doc('<rect width="9" height="9" fill="#ff0000"/><rect width="9" height="9" fill="#00ff00"/>')
    _, report = enforce_svg_palette(svg, [(250, 0, 0), (0, 0, 250)], "transparent")
    assert isinstance(report, PaletteReport)
    assert report.palette == ("#fa0000", "#0000fa")
    assert report.background == "transparent"
    assert report.coverage is None and report.gradients is None
    originals = [m[0] for m in report.mapped]
    assert originals[:2] == ["#ff0000", "#00ff00"]
    assert report.mapped[0][2] == pytest.approx(delta_e_ok((255, 0, 0), (250, 0, 0)), abs=0.01)
    assert report.mapped[1][1] == to_hex(nearest((0, 255, 0), [(250, 0, 0), (0, 0, 250)]))
    d = report.to_dict()
    assert d["palette"] == ["#fa0000", "#0000fa"] and d["compliant"] is True
    assert d["mapped"][0] == {"from": "#ff0000", "to": "#fa0000", "delta_e": report.mapped[0][2]}
    import json

    json.dumps(d)


def test_bad_svg_raises() -> None:
    with pytest.raises(InvalidParameter):
        enforce_svg_palette("<svg><rect></svg>", [(0, 0, 0)], None)
    with pytest.raises(InvalidParameter):
        svg_colors('<!DOCTYPE svg [<!ENTITY a "b">]><svg/>')


# --- raster -------------------------------------------------------------------------------------------------


def _design(colors: list[str], size: int) -> str:
    c = colors
    return doc(
        f'<rect width="100" height="100" fill="{c[0]}"/><circle cx="30" cy="35" r="22" fill="{c[1]}"/>'
        f'<rect x="45" y="50" width="40" height="35" rx="6" fill="{c[2]}" transform="rotate(12 60 60)"/>'
        f'<path d="M10 90 Q 50 40 90 90" stroke="{c[3]}" stroke-width="4" fill="none"/>'
        # No <text>: its rendering depends on the machine's system fonts (artboard outlines all text anyway).
        f'<path d="M40 10h20v8h-20z" fill="{c[2]}"/>',
        size,
        size,
    )


def test_raster_flat_design_keeps_antialiasing() -> None:
    # Source colours are near, not equal to, the palette: edges must stay smooth after recolouring.
    img = render(_design(["#f0f0f0", "#d06050", "#203040", "#f0d060"], 256), 256)
    palette = [(0xE2, 0x72, 0x5B), (0x26, 0x46, 0x53), (0xE9, 0xC4, 0x6A)]
    out, report = enforce_raster_palette(img, palette, BACKGROUND)
    comp = raster_compliance(out, [*palette, BACKGROUND])
    assert comp["other"] == 0
    assert 0.005 < comp["edge"] < 0.1  # anti-aliased edges survived
    assert report.compliant and report.coverage is not None
    assert report.coverage["other"] == 0
    assert sum(v for k, v in report.coverage.items() if k != "other") == pytest.approx(1.0, abs=1e-4)
    assert (out[..., 3] == 255).all()
    again, _ = enforce_raster_palette(out, palette, BACKGROUND)
    assert np.array_equal(again, out)


def test_raster_enforced_svg_render_is_left_alone() -> None:
    svg = _design(["#f4efe6", "#e2725b", "#264653", "#e9c46a"], 256)
    img = render(svg, 256)
    palette = [(0xE2, 0x72, 0x5B), (0x26, 0x46, 0x53), (0xE9, 0xC4, 0x6A)]
    comp = raster_compliance(img, [*palette, BACKGROUND])
    assert comp["other"] < 0.002
    out, _ = enforce_raster_palette(img, palette, BACKGROUND)
    changed = np.any(out != img, axis=2).mean()
    assert changed < 0.002  # only the few pixels where three colours meet


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_raster_random_images_compliant(seed: int) -> None:
    rng = np.random.default_rng(seed)
    h, w = int(rng.integers(1, 40)), int(rng.integers(1, 40))
    kind = seed % 3
    if kind == 0:
        img = rng.integers(0, 256, (h, w, 4), dtype=np.uint8)
    elif kind == 1:
        blocks = rng.integers(0, 256, (4, 4, 4), dtype=np.uint8)
        img = np.kron(blocks, np.ones((10, 10, 1), np.uint8))[:h, :w].copy()
        img[..., 3] = rng.choice([0, 128, 255], size=(h, w))
    else:
        img = render(random_svg(seed, with_opacity=True), 48)
    palette, background = _palette(seed)
    out, report = enforce_raster_palette(img, palette, background)
    allowed = [*palette, *([background] if background else [])]
    assert raster_compliance(out, allowed)["other"] == 0
    assert report.compliant
    if background is not None:
        assert (out[..., 3] == 255).all()
    else:
        assert np.array_equal(out[..., 3], img[..., 3])
        assert (out[img[..., 3] == 0] == 0).all()
    again, _ = enforce_raster_palette(out, palette, background)
    assert np.array_equal(again, out)


def test_raster_alpha_and_background() -> None:
    img = np.zeros((2, 3, 4), np.uint8)
    img[0, 0] = (255, 0, 0, 255)
    img[0, 1] = (255, 0, 0, 128)
    img[0, 2] = (10, 200, 10, 0)
    img[1] = (0, 0, 250, 255)
    palette = [(255, 0, 0), (0, 0, 255)]
    out, _ = enforce_raster_palette(img, palette, None)
    assert tuple(out[0, 1]) == (255, 0, 0, 128)
    assert tuple(out[0, 2]) == (0, 0, 0, 0)
    assert tuple(out[1, 0]) == (0, 0, 255, 255)
    out, report = enforce_raster_palette(img, palette, (255, 255, 255))
    assert (out[..., 3] == 255).all()
    assert tuple(out[0, 2, :3]) == (255, 255, 255)
    assert report.background == "#ffffff"
    # Three channels in, four out.
    out3, _ = enforce_raster_palette(img[..., :3].copy(), palette, None)
    assert out3.shape == (2, 3, 4)


def test_raster_compliance_definition() -> None:
    a, b = (0, 0, 0), (200, 100, 0)
    img = np.zeros((3, 5, 4), np.uint8)
    img[..., 3] = 255
    img[:, :2, :3] = a
    img[:, 3:, :3] = b
    img[:, 2, :3] = (100, 50, 0)  # halfway: an edge
    comp = raster_compliance(img, [a, b])
    assert comp["other"] == 0 and comp["edge"] == pytest.approx(3 / 15)
    img[1, 2, :3] = (0, 200, 0)  # not on the segment
    comp = raster_compliance(img, [a, b])
    assert comp["other"] == pytest.approx(1 / 15)
    lone = np.zeros((3, 3, 4), np.uint8)
    lone[..., 3] = 255
    lone[1, 1, :3] = (100, 50, 0)  # on the segment, but colour b never occurs nearby
    assert raster_compliance(lone, [a, b])["other"] == pytest.approx(1 / 9)
    lone[1, 1, 3] = 10  # partially transparent pixels are edges
    assert raster_compliance(lone, [a, b])["other"] == 0


def test_raster_report_mapped() -> None:
    img = np.zeros((4, 4, 4), np.uint8)
    img[..., 3] = 255
    img[:, :3, :3] = (250, 10, 10)
    img[:, 3, :3] = (10, 10, 250)
    _, report = enforce_raster_palette(img, [(255, 0, 0), (0, 0, 255)], None)
    assert report.mapped[0][:2] == ("#fa0a0a", "#ff0000")
    assert report.mapped[1][:2] == ("#0a0afa", "#0000ff")
    assert report.coverage == {"#ff0000": 0.75, "#0000ff": 0.25, "edge": 0.0, "other": 0.0}


def test_raster_timings(capsys: pytest.CaptureFixture[str]) -> None:
    palette = [(0xE2, 0x72, 0x5B), (0x26, 0x46, 0x53), (0xE9, 0xC4, 0x6A)]
    rng = np.random.default_rng(3)
    lines = []
    for size in (1024, 2048):
        flat = render(_design(["#f4efe6", "#e2725b", "#264653", "#e9c46a"], size), size)
        y, x = np.mgrid[0:size, 0:size]
        noise = rng.normal(0, 20, (3, size, size))
        photo = np.dstack(
            [
                128 + 100 * np.sin(x / 97.0) + noise[0],
                128 + 100 * np.cos(y / 61.0) + noise[1],
                128 + 80 * np.sin((x + y) / 150.0) + noise[2],
                np.full((size, size), 255),
            ]
        )
        photo = photo.clip(0, 255).astype(np.uint8)
        for name, img in (("flat", flat), ("photo", photo)):
            best = min(_time(lambda img=img: enforce_raster_palette(img, palette, BACKGROUND)) for _ in range(3))
            lines.append(f"enforce_raster_palette {name} {size}x{size}: {best * 1000:.1f} ms")
    with capsys.disabled():
        print("\n" + "\n".join(lines))


def _time(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start
