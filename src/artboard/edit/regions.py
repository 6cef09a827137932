"""Erase a region, inpaint a region from a prompt, outpaint (extend the canvas).

Designs are re-composed in vector: an erase removes the elements the mask covers (each element is rendered alone
and removed when at least half of what it paints lies under the mask), an inpaint then draws the prompt as a new
element (a transparent design by the composer, in the design's colours) in the mask's box, and an outpaint
extends the viewBox and the ground. Rasters use classical methods: OpenCV's Telea inpainting (Apache-2.0) to
erase, the same plus the composed element to inpaint, and mirrored edges fading into a blur (or, with a prompt,
a composed background) to outpaint. A configured diffusers inpainting pipeline (edit/learned.py) takes over
raster erase and inpaint.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

import numpy as np

from artboard.edit import source as src
from artboard.edit.masks import Mask, bbox, load_mask
from artboard.edit.source import U8, Source
from artboard.errors import InvalidParameter

SVG_NS = "http://www.w3.org/2000/svg"
_DRAWN = {"path", "rect", "circle", "ellipse", "polygon", "polyline", "line", "use", "text", "image"}
_NOT_DRAWN = {
    "defs",
    "clipPath",
    "mask",
    "pattern",
    "symbol",
    "linearGradient",
    "radialGradient",
    "marker",
    "metadata",
    "filter",
    "style",
}
_COVERED = 0.5  # share of an element's paint under the mask from which an erase removes it
_PREVIEW = 384  # px, long side of the per-element coverage renders
#: each element is rendered alone to measure its coverage: past this many, a design is erased as pixels instead
MAX_ELEMENTS = 400
MAX_EXPAND = 4096

ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _candidates(root: ET.Element) -> list[tuple[ET.Element, ET.Element]]:
    """(parent, element) of every drawn leaf outside the ground and outside defs."""
    found: list[tuple[ET.Element, ET.Element]] = []

    def walk(node: ET.Element) -> None:
        for child in list(node):
            name = _local(child.tag)
            if name in _NOT_DRAWN or child.get("id") == "background":
                continue
            if name in _DRAWN:
                found.append((node, child))
            else:
                walk(child)

    walk(root)
    return found


def erase_design(svg: str, region: Mask) -> tuple[str, int] | None:
    """The SVG without the elements the region covers, and how many were removed; None when the design has more
    than MAX_ELEMENTS elements (dense patterns): measuring each would cost seconds per hundred."""
    from artboard.manifest import _SVG_META_RE

    root = ET.fromstring(_SVG_META_RE.sub("", svg))
    width, height = src.svg_size(svg)
    scale = _PREVIEW / max(width, height)
    pw, ph = max(1, round(width * scale)), max(1, round(height * scale))
    small = np.asarray(_resize_mask(region, (pw, ph)), dtype=np.float32)
    leaves = _candidates(root)
    if len(leaves) > MAX_ELEMENTS:
        return None
    for _, element in leaves:
        element.set("visibility", "hidden")
    chosen: list[tuple[ET.Element, ET.Element]] = []
    best: tuple[float, tuple[ET.Element, ET.Element] | None] = (0.0, None)
    for pair in leaves:
        element = pair[1]
        element.set("visibility", "visible")
        alpha = src.render(ET.tostring(root, encoding="unicode"), pw, ph)[..., 3].astype(np.float32) / 255.0
        element.set("visibility", "hidden")
        paint = float(alpha.sum())
        if paint <= 0.5:
            continue
        inside = float((alpha * small).sum()) / paint
        if inside >= _COVERED:
            chosen.append(pair)
        elif inside > best[0]:
            best = (inside, pair)
    if not chosen and best[1] is not None and best[0] > 0.2:
        chosen.append(best[1])
    for _, element in leaves:
        del element.attrib["visibility"]
    for parent, element in chosen:
        parent.remove(element)
    return ET.tostring(root, encoding="unicode"), len(chosen)


def _resize_mask(region: Mask, size: tuple[int, int]) -> U8:
    from PIL import Image

    image = Image.fromarray((region * 255).astype(np.uint8), mode="L").resize(size, Image.Resampling.BILINEAR)
    return np.asarray(image, dtype=np.float32) / 255.0  # type: ignore[return-value]


def telea(rgba: U8, region: Mask, radius: int = 6) -> U8:
    """OpenCV Telea inpainting of RGB and alpha under the (slightly grown) region."""
    import cv2

    mask = cv2.dilate(region.astype(np.uint8) * 255, np.ones((5, 5), np.uint8))
    rgb = cv2.inpaint(np.ascontiguousarray(rgba[..., :3]), mask, radius, cv2.INPAINT_TELEA)
    alpha: U8 = rgba[..., 3]
    if int(alpha.min()) < 255:
        alpha = np.asarray(cv2.inpaint(np.ascontiguousarray(alpha), mask, radius, cv2.INPAINT_TELEA), np.uint8)
    return np.dstack([np.asarray(rgb, np.uint8), alpha])


def _element_svg(prompt: str, box: tuple[int, int, int, int], seed: int, palette: Any) -> tuple[str, Any]:
    """A transparent design of `prompt` fitted into box (x0, y0, x1, y1), as a nested <svg> element."""
    from artboard import engine
    from artboard.edit.background import nearest_table_size
    from artboard.spec import make_spec

    x0, y0, x1, y1 = box
    spec = make_spec(
        prompt,
        size=nearest_table_size(x1 - x0, y1 - y0),
        seed=seed,
        background="transparent",
        format="svg",
        palette=palette or None,
        backend="design",
    )
    artifact = engine.run(spec)[0]
    vx, vy, vw, vh = src.viewbox(artifact.text)
    nested = (
        f'<svg x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" viewBox="{vx:g} {vy:g} {vw:g} {vh:g}" '
        f'preserveAspectRatio="xMidYMid meet">{src.inner_svg(artifact.text)}</svg>'
    )
    return nested, artifact


def _add_before_end(svg: str, fragment: str) -> str:
    end = svg.rfind("</svg>")
    return svg[:end] + fragment + svg[end:]


def _palette_of(source: Source) -> list[tuple[int, int, int]]:
    colours = src.dominant_colors(source.rgba, 5)
    return colours or [(0, 0, 0)]


def erase_region(image: Any, mask: Any, *, format: str | None = None, safety: bool = True) -> Any:
    """`image` with what the mask covers removed (designs: the elements; rasters: Telea inpainting)."""
    source = src.load_source(image)
    fmt = src.check_output_format(format, source, vector_ok=True)
    region = load_mask(mask, source)
    manifest = src.base_manifest("erase_region", source, {"format": fmt, "mask_pixels": int(region.sum())})
    checked = src.input_safety(source, safety)
    if checked:
        manifest["input_safety"] = checked
    erased = erase_design(source.svg, region) if source.svg is not None else None
    if erased is not None:
        svg, removed = erased
        manifest.update(method="design: covered elements removed (vector)", removed_elements=removed)
        if removed == 0:
            manifest["warnings"] = ["the mask covers no element of the design; nothing was erased"]
        return src.finish_design(svg, fmt, manifest, source.width, source.height)
    _raster_only(fmt, dense=source.svg is not None)
    pipe = _learned(manifest)
    if pipe is not None:
        from artboard.edit.learned import ERASE_PROMPT, learned_inpaint

        return src.finish_raster(learned_inpaint(pipe, source.rgba, region, ERASE_PROMPT, 0), fmt, manifest)
    manifest["method"] = "OpenCV Telea inpainting"
    return src.finish_raster(telea(source.rgba, region), fmt, manifest)


def _learned(manifest: dict[str, Any]) -> Any:
    """The configured diffusers inpainting pipeline (its use recorded in the manifest), or None."""
    from artboard.edit.learned import configured, pipeline

    pipe, why = pipeline()
    if why:
        manifest.setdefault("warnings", []).append(why)
    if pipe is not None:
        manifest.update(method="diffusers inpainting pipeline", model=configured())
    return pipe


def inpaint(
    image: Any,
    mask: Any,
    prompt: str,
    *,
    seed: Any = None,
    palette: Any = None,
    format: str | None = None,
    safety: bool = True,
) -> Any:
    """The mask's region of `image` drawn again as `prompt` (a composed element in the image's colours)."""
    from artboard.colors import parse_palette, to_hex

    text = src.check_prompt(prompt)
    source = src.load_source(image)
    fmt = src.check_output_format(format, source, vector_ok=True)
    region = load_mask(mask, source)
    strict = parse_palette(palette, param="palette") if palette is not None else None
    seed_value = src.resolve_seed(seed)
    checked = src.input_safety(source, safety)
    box = bbox(region)
    # A design's new element takes the design's colours; in a photo the prompt's own colours read better ("a red
    # apple" stays red), unless the request gives a palette.
    colours = list(strict) if strict else (_palette_of(source) if source.svg is not None else [])
    element, drawn = _element_svg(text, box, seed_value, colours)
    manifest = src.base_manifest(
        "inpaint",
        source,
        {
            "prompt": text,
            "format": fmt,
            "palette": [to_hex(c) for c in colours] or None,
            "box": list(box),
        },
        seed=seed_value,
    )
    manifest["element_design"] = drawn.manifest.get("design")
    if checked:
        manifest["input_safety"] = checked
    erased = erase_design(source.svg, region) if source.svg is not None else None
    if erased is not None:
        svg, removed = erased
        manifest.update(method="design: covered elements replaced by a composed one (vector)", removed_elements=removed)
        return src.finish_design(
            _add_before_end(svg, element), fmt, manifest, source.width, source.height, seed=seed_value
        )
    _raster_only(fmt, dense=source.svg is not None)
    pipe = _learned(manifest)
    if pipe is not None:
        from artboard.edit.learned import learned_inpaint

        manifest.pop("element_design", None)
        painted = learned_inpaint(pipe, source.rgba, region, text, seed_value)
        return src.finish_raster(painted, fmt, manifest, seed=seed_value)
    filled = telea(source.rgba, region)
    layer = src.render(
        f'<svg xmlns="{SVG_NS}" width="{source.width}" height="{source.height}" '
        f'viewBox="0 0 {source.width} {source.height}">{element}</svg>',
        source.width,
        source.height,
    )
    layer[..., 3] = (layer[..., 3].astype(np.float32) * region).astype(np.uint8)
    manifest["method"] = "OpenCV Telea fill, then the composed element over the region"
    return src.finish_raster(_over(layer, filled), fmt, manifest, seed=seed_value)


def _over(top: U8, bottom: U8) -> U8:
    """Porter-Duff over with straight alpha."""
    ta = top[..., 3:4].astype(np.float32) / 255.0
    ba = bottom[..., 3:4].astype(np.float32) / 255.0
    out_a = ta + ba * (1 - ta)
    rgb = (top[..., :3] * ta + bottom[..., :3] * ba * (1 - ta)) / np.maximum(out_a, 1e-6)
    return np.dstack([np.clip(np.rint(rgb), 0, 255).astype(np.uint8), np.rint(out_a[..., 0] * 255).astype(np.uint8)])


def _raster_only(fmt: str, *, dense: bool = False) -> None:
    if fmt == "svg":
        why = (
            f"the design has more than {MAX_ELEMENTS} elements, so it is edited as pixels"
            if dense
            else "svg output needs one of our designs or an SVG as input"
        )
        raise InvalidParameter(why, param="format", allowed=list(src.RASTER_OUTPUTS))


def expansion(
    width: int,
    height: int,
    *,
    left: Any = None,
    right: Any = None,
    top: Any = None,
    bottom: Any = None,
    zoom_out_percentage: Any = None,
) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) pixels to add, from explicit sides or a zoom-out percentage (centred)."""
    from artboard.spec import integer_param

    sides = {"expand_left": left, "expand_right": right, "expand_top": top, "expand_bottom": bottom}
    given = {k: integer_param(v, k, 0, MAX_EXPAND) for k, v in sides.items() if v is not None}
    if zoom_out_percentage is not None:
        if given:
            raise InvalidParameter("give expand_* sides or zoom_out_percentage, not both", param="zoom_out_percentage")
        percent = integer_param(zoom_out_percentage, "zoom_out_percentage", 1, 300)
        dx, dy = round(width * percent / 200), round(height * percent / 200)
        result = (dx, dy, dx, dy)
    else:
        result = (
            given.get("expand_left", 0),
            given.get("expand_top", 0),
            given.get("expand_right", 0),
            given.get("expand_bottom", 0),
        )
    if not any(result):
        raise InvalidParameter(
            "nothing to outpaint: every side is 0",
            param="expand_left",
            allowed="expand_left/right/top/bottom ≥ 0 (one > 0), or zoom_out_percentage 1..300",
        )
    src.check_pixels(width + result[0] + result[2], height + result[1] + result[3], "expand_left")
    return result


_BG_RECT_RE = re.compile(r'(<g id="background"[^>]*>)\s*<rect\b[^>]*?(fill="[^"]*")[^>]*/>\s*(</g>)', re.S)


def outpaint_design(svg: str, sides: tuple[int, int, int, int]) -> str | None:
    """The design on a larger canvas (viewBox and a plain ground extended), or None when its ground is not a plain
    rectangle (a drawn scene cannot be extended exactly)."""
    left, top, right, bottom = sides
    x, y, w, h = src.viewbox(svg)
    width, height = src.svg_size(svg)
    sx, sy = w / width, h / height  # viewBox units per pixel
    nx, ny, nw, nh = x - left * sx, y - top * sy, w + (left + right) * sx, h + (top + bottom) * sy
    ground = src.has_background(svg)
    match = _BG_RECT_RE.search(svg)
    if ground and (match is None or svg[match.start() : match.end()].count("<") != 3):
        return None
    if match is not None:
        rect = f'{match.group(1)}<rect x="{nx:g}" y="{ny:g}" width="{nw:g}" height="{nh:g}" {match.group(2)}/>'
        svg = svg[: match.start()] + rect + match.group(3) + svg[match.end() :]
    return src.set_root(
        svg, width=str(width + left + right), height=str(height + top + bottom), viewBox=f"{nx:g} {ny:g} {nw:g} {nh:g}"
    )


def extend_raster(rgba: U8, sides: tuple[int, int, int, int]) -> U8:
    """The picture's edges continued: mirrored right at the edge (texture carries on), fading within a short ramp
    into its border pixels stretched outwards and blurred (colour carries on, objects are not duplicated)."""
    import cv2

    left, top, right, bottom = sides
    h, w = rgba.shape[:2]
    reps = max(1, -(-max(left, right) // w), -(-max(top, bottom) // h))
    pad: U8 = np.ascontiguousarray(rgba)
    for _ in range(reps):  # reflect repeatedly so any expansion up to MAX_EXPAND fits
        pad = np.asarray(cv2.copyMakeBorder(pad, h, h, w, w, cv2.BORDER_REFLECT_101), np.uint8)
    cy, cx = reps * h, reps * w
    mirrored = pad[cy - top : cy + h + bottom, cx - left : cx + w + right]
    stretched = cv2.copyMakeBorder(np.ascontiguousarray(rgba), top, bottom, left, right, cv2.BORDER_REPLICATE)
    far = cv2.GaussianBlur(stretched, (0, 0), max(6.0, 0.05 * max(h, w)))
    yy, xx = np.mgrid[0 : mirrored.shape[0], 0 : mirrored.shape[1]]
    dx = np.maximum(np.maximum(left - xx, xx - (left + w - 1)), 0)
    dy = np.maximum(np.maximum(top - yy, yy - (top + h - 1)), 0)
    ramp = max(6.0, 0.04 * max(h, w))
    weight = np.clip(np.hypot(dx, dy) / ramp, 0.0, 1.0)[..., None]
    out = mirrored.astype(np.float32) * (1 - weight) + np.asarray(far, np.float32) * weight
    result: U8 = np.clip(np.rint(out), 0, 255).astype(np.uint8)
    return result


def outpaint(
    image: Any,
    *,
    expand_left: Any = None,
    expand_right: Any = None,
    expand_top: Any = None,
    expand_bottom: Any = None,
    zoom_out_percentage: Any = None,
    prompt: str | None = None,
    seed: Any = None,
    format: str | None = None,
    safety: bool = True,
) -> Any:
    """`image` on a larger canvas: designs extend their ground; rasters mirror-and-blur their edges, or (with a
    prompt) sit on a composed background."""
    source = src.load_source(image)
    fmt = src.check_output_format(format, source, vector_ok=True)
    sides = expansion(
        source.width,
        source.height,
        left=expand_left,
        right=expand_right,
        top=expand_top,
        bottom=expand_bottom,
        zoom_out_percentage=zoom_out_percentage,
    )
    text = src.check_prompt(prompt) if prompt is not None else None
    seed_value = src.resolve_seed(seed)
    width, height = source.width + sides[0] + sides[2], source.height + sides[1] + sides[3]
    manifest = src.base_manifest(
        "outpaint",
        source,
        {"format": fmt, "expand": list(sides), "prompt": text, "size": f"{width}x{height}"},
        seed=seed_value,
    )
    checked = src.input_safety(source, safety)
    if checked:
        manifest["input_safety"] = checked
    if source.svg is not None and text is None:
        extended = outpaint_design(source.svg, sides)
        if extended is not None:
            manifest["method"] = "design: canvas and ground extended (vector)"
            return src.finish_design(extended, fmt, manifest, width, height, seed=seed_value)
    _raster_only(fmt)
    if text is not None:
        from artboard.edit.background import compose_background

        ground_svg, drawn = compose_background(text, width, height, seed=seed_value)
        ground = src.render(ground_svg, width, height)
        placed = np.zeros_like(ground)
        placed[sides[1] : sides[1] + source.height, sides[0] : sides[0] + source.width] = source.rgba
        manifest["method"] = "the image over a composed background"
        manifest["background_design"] = drawn.manifest.get("design")
        return src.finish_raster(_over(placed, ground), fmt, manifest, seed=seed_value)
    manifest["method"] = "mirrored edges fading into a blur"
    return src.finish_raster(extend_raster(source.rgba, sides), fmt, manifest, seed=seed_value)
