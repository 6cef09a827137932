"""A stored style's line weight and corner radius, and a brand kit's logo, as the composer draws them.

Line weight and corner radius are given in px at 1024 px (StyleControls) and scaled to the canvas's short side.
They are read through one hook each (`stroke`, `corner`; `Ctx.stroke`/`Ctx.corner` call them), so a layout asks
"the rule I would draw t wide" and gets the style's weight instead when a style fixes one. The values live in a
context variable for the duration of one composition, because some helpers that draw rules and frames
(layouts/motifs.frame_rule) are called without a Ctx.

A brand kit's logo reaches the composer as a *vector* (`StyleControls.logo_svg`): made once, when the kit is
created (jobs/brandkits.py), by `vector_logo` — a raster logo is traced with the project's own vectorizer after its
plain border ground is cut away; an SVG logo is sanitised and, when it is plain paths and shapes with flat fills, kept
as it is, else rendered and traced. `logo_icon` turns it into a colour Icon, so every recipe that draws "the main
symbol" can draw it; with a fixed palette its fills are moved to the nearest palette colour (the palette
guarantee), otherwise it keeps its own colours.
"""

from __future__ import annotations

import contextlib
import functools
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from artboard.colors import RGB, nearest, parse_color, parse_css_color, to_hex
from artboard.composer.icon_sources import Icon, element_to_d

if TYPE_CHECKING:
    from artboard.composer.canvas import Node
    from artboard.composer.context import Ctx
    from artboard.spec import StyleControls

MAX_LOGO_SVG = 200_000  #: characters of a stored vector logo (it travels in every spec that names the kit)
LOGO_KEY = "brand:logo"  #: the logo's icon key, as the manifest's `icons` lists it
_TRACE_MAX = 512  # long side a raster logo is traced at: a logo is drawn at most about half the canvas
_MAX_SHAPES = 160
_GROUND_TOLERANCE = 28  # channel distance under which a pixel belongs to the logo's plain border ground
_SHAPES = {"path", "rect", "circle", "ellipse", "polygon", "polyline", "line"}
_PLAIN = _SHAPES | {"svg", "g", "title", "desc", "metadata"}
_NUM = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


# Line weight and corner radius ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Look:
    """A style's line weight and corner radius in canvas px (None: the layout's own)."""

    line_weight: float | None = None
    corner_radius: float | None = None


_PLAIN_LOOK = Look()
_LOOK: ContextVar[Look] = ContextVar("artboard_brand_look", default=_PLAIN_LOOK)


def look_for(style: StyleControls | None, width: int, height: int) -> Look:
    if style is None:
        return Look()
    scale = min(width, height) / 1024
    return Look(
        line_weight=style.line_weight * scale if style.line_weight is not None else None,
        corner_radius=style.corner_radius * scale if style.corner_radius is not None else None,
    )


@contextlib.contextmanager
def applied(look: Look) -> Iterator[None]:
    token = _LOOK.set(look)
    try:
        yield
    finally:
        _LOOK.reset(token)


def stroke(width: float) -> float:
    """The width of a rule, frame or line-icon stroke: the style's line weight when it fixes one, else `width`."""
    weight = _LOOK.get().line_weight
    return round(weight, 3) if weight is not None else width


def line_weight() -> float | None:
    """The style's line weight in canvas px, when one is fixed."""
    return _LOOK.get().line_weight


def corner_radius() -> float | None:
    """The style's corner radius in canvas px, when one is fixed."""
    return _LOOK.get().corner_radius


def corner(radius: float, size: float | None = None) -> float:
    """The radius of a rounded rectangle: the style's corner radius when it fixes one (at most half the shorter
    side `size`, where a rectangle cannot round further), else `radius`."""
    wanted = _LOOK.get().corner_radius
    if wanted is None:
        return radius
    return round(min(wanted, size / 2) if size is not None else wanted, 2)


# The logo as a vector ------------------------------------------------------------------------------------------
def vector_logo(data: bytes) -> str | None:
    """A paths-only SVG of a logo image (PNG/JPEG/WEBP/SVG…), or None when it cannot be made small enough."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<svg", b"<?xml")):
        svg = _plain_svg(data.decode("utf-8", "replace"))
        if svg is not None:
            return svg if len(svg) <= MAX_LOGO_SVG else None
        from artboard.render import render_png
        from artboard.svgsafe import sanitize_svg

        clean = sanitize_svg(data.decode("utf-8", "replace"))
        width, height = _svg_size(clean)
        scale = _TRACE_MAX / max(width, height)
        data = render_png(clean, max(1, round(width * scale)), max(1, round(height * scale)))
    return _traced(data)


def _svg_size(svg: str) -> tuple[float, float]:
    root = ET.fromstring(svg)
    box = [float(n) for n in _NUM.findall(root.get("viewBox", ""))]
    if len(box) == 4 and box[2] > 0 and box[3] > 0:
        return box[2], box[3]
    width = [float(n) for n in _NUM.findall(root.get("width", ""))]
    height = [float(n) for n in _NUM.findall(root.get("height", ""))]
    return (width[0] if width else 512.0) or 512.0, (height[0] if height else 512.0) or 512.0


def _plain_svg(svg: str) -> str | None:
    """The sanitised SVG rewritten as one `<path d fill>` per shape, when it is plain enough to keep as it is:
    shapes and groups only, flat fills, no transforms, styles, strokes, gradients or clips (else None: traced)."""
    from artboard.svgsafe import sanitize_svg

    try:
        root = ET.fromstring(sanitize_svg(svg))
    except Exception:
        return None
    box = [float(n) for n in _NUM.findall(root.get("viewBox", ""))]
    if len(box) != 4:
        width, height = _svg_size(ET.tostring(root, encoding="unicode"))
        box = [0.0, 0.0, width, height]
    paths: list[str] = []

    def walk(element: ET.Element, fill: str) -> bool:
        tag = element.tag.rsplit("}", 1)[-1]
        attrs = dict(element.attrib)
        if tag not in _PLAIN or "transform" in attrs or "style" in attrs or "clip-path" in attrs:
            return False
        if attrs.get("stroke", "none") != "none":
            return False
        fill = attrs.get("fill", fill)
        if tag in _SHAPES and fill != "none":
            parsed = parse_css_color(fill)
            if parsed is None:
                return False  # a gradient or pattern paint: traced instead
            d = element_to_d(tag, attrs)
            if d:
                paths.append(f'<path d="{d}" fill="{to_hex(parsed[0])}"/>')
        return all(walk(child, fill) for child in element)

    if not walk(root, "#000000") or not paths:
        return None
    x, y, w, h = (f"{v:g}" for v in box)
    head = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x} {y} {w} {h}" width="{w}" height="{h}">'
    return head + "".join(paths) + "</svg>"


def _traced(data: bytes) -> str | None:
    import numpy as np
    from PIL import Image

    from artboard.vectorizer import VectorizeOptions, vectorize

    with Image.open(io.BytesIO(data)) as image:
        image.load()
        rgba_image = image.convert("RGBA")
    rgba_image.thumbnail((_TRACE_MAX, _TRACE_MAX))
    rgba = np.array(rgba_image)
    _cut_ground(rgba)
    if not (rgba[..., 3] > 127).any():
        return None
    result = vectorize(rgba, VectorizeOptions(max_shapes=_MAX_SHAPES, color_precision=5))
    return result.svg if len(result.svg) <= MAX_LOGO_SVG else None


def _cut_ground(rgba: Any) -> None:
    """Make a logo's plain border ground transparent (a logo on white is the mark, not a white square): the
    ground-coloured region connected to the border only, so white inside the mark stays."""
    import numpy as np
    from scipy import ndimage

    ring = np.concatenate([rgba[0], rgba[-1], rgba[:, 0], rgba[:, -1]])
    opaque = ring[ring[:, 3] > 200][:, :3].astype(int)
    if len(opaque) < len(ring) * 0.6:
        return  # already cut out (transparent ground)
    ground = np.median(opaque, axis=0)
    if float(np.mean(np.abs(opaque - ground).max(axis=1) < _GROUND_TOLERANCE)) < 0.8:
        return  # the border is not one colour: the logo fills its image
    near = (np.abs(rgba[..., :3].astype(int) - ground).max(axis=2) < _GROUND_TOLERANCE) & (rgba[..., 3] > 0)
    labels, _ = ndimage.label(near)
    edge = np.unique(np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]]))
    edge = edge[edge > 0]
    rgba[np.isin(labels, edge), 3] = 0


# The logo as a symbol ------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=32)
def logo_icon(svg: str, palette: tuple[RGB, ...] | None = None) -> Icon | None:
    """The vector logo as a colour Icon cropped to its ink; each fill moved to the nearest `palette` colour when
    one is given (a fixed palette is a guarantee), else its own."""
    from artboard.composer import shapes

    try:
        root = ET.fromstring(svg)
    except ET.ParseError:
        return None
    ds: list[str] = []
    fills: list[str] = []
    opacities: list[float] = []
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag not in _SHAPES or element.get("fill") in (None, "none"):
            continue
        parsed = parse_css_color(element.get("fill", ""))
        d = element_to_d(tag, dict(element.attrib))
        if parsed is None or not d:
            continue
        rgb, alpha = parsed
        opacity = alpha * float(element.get("fill-opacity", "1") or 1) * float(element.get("opacity", "1") or 1)
        if opacity <= 0.01:
            continue
        ds.append(d)
        fills.append(to_hex(nearest(rgb, list(palette)) if palette else rgb))
        opacities.append(round(min(1.0, opacity), 3))
    if not ds:
        return None
    x0, y0, x1, y1 = shapes.bounds("".join(ds))
    if not (x1 > x0 and y1 > y0):
        return None
    return Icon(
        key=LOGO_KEY,
        set="brand",
        name="logo",
        tags=("logo", "brand"),
        viewbox=(x0, y0, x1 - x0, y1 - y0),
        paths=tuple(ds),
        mode="color",
        stroke_width=0.0,
        fill_rule="nonzero",
        licence="the brand kit owner's",
        fills=tuple(fills),
        opacities=tuple(opacities),
    )


def is_logo(icon: object) -> bool:
    return isinstance(icon, Icon) and icon.key == LOGO_KEY


def logo_paths(logo: Icon, cx: float, cy: float, size: float) -> list[tuple[str, RGB]]:
    """The logo's paths in canvas coordinates, fitted to a size×size box centred on (cx, cy), each with its colour:
    for recipes that build their art as path data (badges cut rays and wear out of it) rather than nodes."""
    from artboard.composer import shapes

    vx, vy, vw, vh = logo.viewbox
    scale = size / max(vw, vh)
    matrix = (scale, 0.0, 0.0, scale, cx - (vx + vw / 2) * scale, cy - (vy + vh / 2) * scale)
    return [(shapes.transform_d(d, matrix), parse_color(fill)) for d, fill in zip(logo.paths, logo.fills, strict=True)]


def corner_logo(ctx: Ctx, logo: Icon) -> None:
    """The logo small in the bottom-right corner, inside the margin (a poster's, banner's, card's or label's
    sign-off), on a ground-coloured plate so that it reads over whatever the layout drew there."""
    size = ctx.short * 0.075
    pad = size * 0.18
    inset = ctx.short * 0.03
    x1, y1 = ctx.width - inset, ctx.height - inset
    vw, vh = logo.viewbox[2], logo.viewbox[3]
    w, h = (size, size * vh / vw) if vw >= vh else (size * vw / vh, size)
    group: Node = ctx.canvas.group("brand-logo")
    if ctx.scheme.background is not None:
        plate_w, plate_h = w + 2 * pad, h + 2 * pad
        radius = corner(pad, min(plate_w, plate_h))
        group.rect(x1 - plate_w, y1 - plate_h, plate_w, plate_h, ctx.scheme.ground, rx=radius)
    ctx.draw_icon(group, logo, x1 - pad - w / 2, y1 - pad - h / 2, max(w, h), ctx.scheme.ink, name="logo")
    ctx.info["brand_logo"] = "corner"
