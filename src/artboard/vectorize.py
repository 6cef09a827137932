"""Raster → SVG (the "vectorize" endpoint).

Pipeline: quantise to a clean label image (:mod:`artboard.quantize`), trace it with vtracer in
stacked mode, then rewrite vtracer's SVG compactly (:func:`_rebuild_svg`).

Why each step:

* Quantising first removes anti-aliasing colours, so vtracer does not emit halo shapes and every
  fill is an exact colour from the image (or from ``strict_palette``).
* The label image goes to vtracer as a palette PNG: vtracer copies its input byte by byte, so a
  4 MB raw buffer costs more than the tracing itself, while a palette PNG is a few kB.
* vtracer writes absolute coordinates with ~15 digits and a ``translate`` per path. We round to a
  fixed grid, write relative commands, turn straight cubics into ``l``/``h``/``v``, and merge paths
  of one colour when the stacking order allows. That alone is a 3–6× size reduction.

Bounds on photo-like input: an image the flat palette does not explain is traced as a posterised
picture at ≤ 512 px on its long side with ≤ 24 colours and a larger speckle filter, and if the SVG
still exceeds ``MAX_SVG_BYTES`` (2 MB) it is re-traced with fewer colours and a bigger speckle
filter. On one CPU core a 1024² photo takes well under 2 s.

``VectorizeResult.ssim`` is measured by rendering the SVG with resvg at ≤ ``SSIM_SIZE`` px on the
long side and comparing it with the input downscaled to that size (standard SSIM, Gaussian
window, see :mod:`artboard.metrics`); downscaling first is what Wang et al.'s reference code does
too and keeps the measurement cheap.
"""

from __future__ import annotations

import io
import math
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Final, Literal

import numpy as np
import numpy.typing as npt
import resvg_py
import vtracer
from PIL import Image

from artboard.errors import InvalidParameter
from artboard.imageio import MAX_PIXELS, image_to_rgba_array
from artboard.metrics import ssim as ssim_metric
from artboard.quantize import TRANSPARENT, Quantized, QuantizeSettings, quantize

__all__ = ["MAX_SVG_BYTES", "RGB", "VectorizeOptions", "VectorizeResult", "vectorize"]

RGB = tuple[int, int, int]

MAX_SVG_BYTES: Final = 2 * 1024 * 1024
MAX_STRICT_COLORS: Final = 10
SSIM_SIZE: Final = 512
_FLAT_TRACE_MAX = 1024  # long side traced for flat art; larger inputs are traced downscaled
_PHOTO_TRACE_MAX = 512
_PHOTO_MIN_SPECKLE = 8
_MERGE_LOOKBACK = 48  # how far back a path may be merged into an earlier one of the same colour


@dataclass(frozen=True)
class VectorizeOptions:
    """Knobs of :func:`vectorize`.

    strict_palette: every fill in the output is one of these colours (≤ 10).
    max_shapes: cap on the number of traced shapes (see ``VectorizeResult.shapes``).
    speckle: regions smaller than about ``speckle``² px are merged into a neighbour (0..128).
    color_precision: 1..8, how finely colours are told apart: higher keeps more, closer colours
        (default: about 6, i.e. fills closer than ~2 just-noticeable differences are merged).
    mode: "spline" (smooth curves) or "polygon" (straight segments).
    """

    strict_palette: tuple[RGB, ...] | None = None
    max_shapes: int | None = None
    speckle: int = 4
    color_precision: int | None = None
    mode: Literal["spline", "polygon"] = "spline"


@dataclass(frozen=True)
class VectorizeResult:
    """svg: the document; shapes: traced regions (each a ``<path>`` or merged into one of its
    colour, so the SVG has at most this many paths); ssim: fidelity of the SVG against the
    input; colors: the fills used, "#rrggbb"; seconds: wall time of the call."""

    svg: str
    width: int
    height: int
    shapes: int
    ssim: float
    colors: tuple[str, ...]
    seconds: float


@dataclass
class _Shape:
    fill: int  # label index
    rings: list[npt.NDArray[np.float64]]  # closed outlines, (n, 2) vertices in input pixels
    bbox: tuple[int, int, int, int]  # in grid units
    area: float  # px², holes subtracted


@dataclass(frozen=True)
class _Plan:
    settings: QuantizeSettings
    speckle: int
    trace_max: int


def vectorize(
    image: Image.Image | npt.NDArray[np.uint8], options: VectorizeOptions = VectorizeOptions()
) -> VectorizeResult:
    """Trace ``image`` (PIL image or (H, W[, 3|4]) uint8 array) into a compact, paths-only SVG.

    The SVG has ``viewBox="0 0 W H"`` and matching ``width``/``height`` at the input size;
    transparent pixels stay uncovered (partial alpha is cut at 50 %). Same input and options
    always give byte-identical output.
    """
    start = time.perf_counter()
    strict = _validate(options)
    rgba = _as_rgba(image)
    h, w = rgba.shape[:2]
    plan = _initial_plan(options)

    quant, scale, svg_shapes = _trace(rgba, plan, strict, options)
    if quant.kind == "photo":
        plan = replace(plan, trace_max=_PHOTO_TRACE_MAX, speckle=max(plan.speckle, _PHOTO_MIN_SPECKLE))
        quant, scale, svg_shapes = _trace(rgba, plan, strict, options)

    # Shrink until under the caps: fewer colours and a coarser speckle filter merge small shapes.
    for _ in range(6):
        svg = _rebuild_svg(svg_shapes, quant.palette, w, h, options.mode)
        over_shapes = options.max_shapes is not None and len(svg_shapes) > options.max_shapes
        if not over_shapes and len(svg) <= MAX_SVG_BYTES:
            break
        plan = _coarser(plan)
        quant, scale, svg_shapes = _trace(rgba, plan, strict, options)
    if options.max_shapes is not None and len(svg_shapes) > options.max_shapes:
        # Last resort: keep the largest shapes; in stacked order a dropped shape reveals what lies
        # below it, which is what merging it into its surroundings would look like anyway.
        keep = sorted(range(len(svg_shapes)), key=lambda i: -svg_shapes[i].area)[: options.max_shapes]
        svg_shapes = [svg_shapes[i] for i in sorted(keep)]
    svg = _rebuild_svg(svg_shapes, quant.palette, w, h, options.mode)

    fidelity = _measure(svg, rgba)
    used = sorted({s.fill for s in svg_shapes})
    colors = tuple(_hex(quant.palette[i]) for i in used)
    del scale
    return VectorizeResult(
        svg=svg,
        width=w,
        height=h,
        shapes=len(svg_shapes),
        ssim=fidelity,
        colors=colors,
        seconds=time.perf_counter() - start,
    )


# ---------------------------------------------------------------------------------------------
# validation and planning


def _validate(options: VectorizeOptions) -> npt.NDArray[np.uint8] | None:
    if not isinstance(options, VectorizeOptions):
        raise InvalidParameter("options must be a VectorizeOptions", param="options")
    if options.mode not in ("spline", "polygon"):
        raise InvalidParameter(f"unknown mode {options.mode!r}", param="mode", allowed=["spline", "polygon"])
    if isinstance(options.speckle, bool) or not isinstance(options.speckle, int) or not (
        0 <= options.speckle <= 128
    ):
        raise InvalidParameter(f"speckle must be an integer 0..128, got {options.speckle!r}",
                               param="speckle", allowed="0..128")
    if options.max_shapes is not None and (
        isinstance(options.max_shapes, bool) or not isinstance(options.max_shapes, int) or options.max_shapes < 1
    ):
        raise InvalidParameter(f"max_shapes must be a positive integer, got {options.max_shapes!r}",
                               param="max_shapes", allowed=">= 1")
    if options.color_precision is not None and (
        isinstance(options.color_precision, bool)
        or not isinstance(options.color_precision, int)
        or not 1 <= options.color_precision <= 8
    ):
        raise InvalidParameter(f"color_precision must be an integer 1..8, got {options.color_precision!r}",
                               param="color_precision", allowed="1..8")
    if options.strict_palette is None:
        return None
    return _parse_palette(options.strict_palette)


def _parse_palette(palette: Sequence[RGB]) -> npt.NDArray[np.uint8]:
    if isinstance(palette, str | bytes) or not isinstance(palette, Sequence) or not palette:
        raise InvalidParameter("strict_palette must be a non-empty sequence of (r, g, b) tuples",
                               param="strict_palette")
    if len(palette) > MAX_STRICT_COLORS:
        raise InvalidParameter(f"strict_palette has {len(palette)} colours, at most {MAX_STRICT_COLORS}",
                               param="strict_palette", allowed=f"1..{MAX_STRICT_COLORS} colours")
    rows: list[list[int]] = []
    for colour in palette:
        if (
            not isinstance(colour, Sequence)
            or isinstance(colour, str | bytes)
            or len(colour) != 3
            or not all(isinstance(c, int) and not isinstance(c, bool) and 0 <= c <= 255 for c in colour)
        ):
            raise InvalidParameter(f"strict_palette entry {colour!r} is not an (r, g, b) tuple of 0..255",
                                   param="strict_palette")
        rows.append([int(c) for c in colour])
    return np.array(rows, dtype=np.uint8)


def _as_rgba(image: Image.Image | npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
    if not isinstance(image, Image.Image | np.ndarray):
        raise InvalidParameter(f"image must be a PIL image or a numpy array, got {type(image).__name__}",
                               param="image")
    rgba = image_to_rgba_array(image)
    h, w = rgba.shape[:2]
    if h == 0 or w == 0:
        raise InvalidParameter(f"image has no pixels ({w}x{h})", param="image")
    if h * w > MAX_PIXELS:
        raise InvalidParameter(f"image is {w}x{h}, over {MAX_PIXELS} pixels", param="image")
    return rgba


def _initial_plan(options: VectorizeOptions) -> _Plan:
    settings = QuantizeSettings()
    if options.color_precision is not None:
        # Each step of precision halves / doubles the distance under which colours are one fill.
        factor = 2.0 ** (6 - options.color_precision)
        settings = replace(
            settings,
            merge_distance=settings.merge_distance * factor,
            max_colors=int(np.clip(2 ** (options.color_precision - 2) * 4, 2, 64)),
        )
    if options.strict_palette is not None:
        settings = replace(settings, max_colors=max(settings.max_colors, 16))
    return _Plan(settings=settings, speckle=options.speckle, trace_max=_FLAT_TRACE_MAX)


def _coarser(plan: _Plan) -> _Plan:
    s = plan.settings
    settings = replace(
        s,
        max_colors=max(2, s.max_colors * 2 // 3),
        photo_colors=max(2, s.photo_colors * 2 // 3),
        merge_distance=s.merge_distance * 1.4,
        min_share=s.min_share * 2,
    )
    return replace(plan, settings=settings, speckle=min(128, max(plan.speckle * 2, 4)))


# ---------------------------------------------------------------------------------------------
# tracing


def _trace(
    rgba: npt.NDArray[np.uint8],
    plan: _Plan,
    strict: npt.NDArray[np.uint8] | None,
    options: VectorizeOptions,
) -> tuple[Quantized, float, list[_Shape]]:
    h, w = rgba.shape[:2]
    scale = min(1.0, plan.trace_max / max(h, w))
    work = rgba
    if scale < 1.0:
        tw, th = max(1, round(w * scale)), max(1, round(h * scale))
        work = np.asarray(Image.fromarray(rgba, "RGBA").resize((tw, th), Image.Resampling.BOX))
    quant = quantize(work, plan.settings, strict_palette=strict)
    if quant.palette.shape[0] == 0:
        return quant, scale, []
    png = _label_png(quant)
    th_, tw_ = quant.labels.shape
    speckle = max(0, round(plan.speckle * math.sqrt(tw_ * th_ / (w * h))))
    raw = vtracer.convert_raw_image_to_svg(
        png,
        img_format="png",
        colormode="color",
        hierarchical="stacked",
        mode="polygon",  # curves are fitted by _encode_spline, which keeps corners and fidelity
        filter_speckle=speckle,
        color_precision=8,
        layer_difference=1,
        corner_threshold=60,
        length_threshold=4.0,
        splice_threshold=45,
        path_precision=3,
    )
    return quant, scale, _parse_vtracer(raw, quant.palette, w / tw_, h / th_)


def _label_png(quant: Quantized) -> bytes:
    """The label image as a palette PNG: vtracer reads it fast and sees exactly our colours."""
    k = quant.palette.shape[0]
    labels = quant.labels.copy()
    labels[labels == TRANSPARENT] = k
    img = Image.fromarray(labels, "P")
    pal = np.zeros((k + 1, 3), dtype=np.uint8)
    pal[:k] = quant.palette
    pal[k] = _unused_colour(quant.palette)
    img.putpalette(pal.tobytes())
    buf = io.BytesIO()
    save_kwargs: dict[str, object] = {"format": "PNG", "compress_level": 1}
    if (quant.labels == TRANSPARENT).any():
        save_kwargs["transparency"] = bytes([255] * k + [0])
    img.save(buf, **save_kwargs)  # type: ignore[arg-type]
    return buf.getvalue()


def _unused_colour(palette: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
    used = {tuple(int(c) for c in p) for p in palette}
    for candidate in ((255, 0, 255), (0, 255, 255), (1, 2, 3), (254, 253, 252)):
        if candidate not in used:
            return np.array(candidate, dtype=np.uint8)
    return np.array((3, 5, 7), dtype=np.uint8)


_PATH_RE = re.compile(r'<path d="([^"]*)" fill="#([0-9A-Fa-f]{6})" transform="translate\(([^,]+),([^)]+)\)"')
_NUM_RE = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
GRID: Final = 10  # output coordinates are multiples of 1/GRID px
_CORNER_COS = math.cos(math.radians(40))  # turning more sharply than this keeps a corner


def _parse_vtracer(raw: str, palette: npt.NDArray[np.uint8], sx: float, sy: float) -> list[_Shape]:
    """vtracer's polygon paths as rings of float vertices in input-image pixels."""
    lookup = {_hex(p)[1:]: i for i, p in enumerate(palette)}
    scale = np.array([sx, sy])
    shapes: list[_Shape] = []
    for d, colour, tx, ty in _PATH_RE.findall(raw):
        fill = lookup.get(colour.lower())
        if fill is None:
            fill = _nearest_label(colour, palette)
        offset = np.array([float(tx), float(ty)])
        rings: list[npt.NDArray[np.float64]] = []
        for sub in d.split("M")[1:]:
            pts = np.array(_NUM_RE.findall(sub), dtype=np.float64)
            if pts.size < 6 or pts.size % 2:
                continue
            ring = (pts.reshape(-1, 2) + offset) * scale
            if np.array_equal(ring[0], ring[-1]):
                ring = ring[:-1]
            if ring.shape[0] >= 3:
                rings.append(ring)
        if rings:
            shapes.append(_make_shape(fill, rings))
    return shapes


def _make_shape(fill: int, rings: list[npt.NDArray[np.float64]]) -> _Shape:
    allpts = np.concatenate(rings)
    lo = np.floor(allpts.min(axis=0) * GRID).astype(int)
    hi = np.ceil(allpts.max(axis=0) * GRID).astype(int)
    area = 0.0
    for r in rings:
        nxt = np.roll(r, -1, axis=0)
        area += float((r[:, 0] * nxt[:, 1] - nxt[:, 0] * r[:, 1]).sum()) / 2.0
    return _Shape(fill=fill, rings=rings, bbox=(int(lo[0]), int(lo[1]), int(hi[0]), int(hi[1])), area=abs(area))


def _nearest_label(colour: str, palette: npt.NDArray[np.uint8]) -> int:
    rgb = np.array([int(colour[i : i + 2], 16) for i in (0, 2, 4)], dtype=np.int32)
    return int(np.abs(palette.astype(np.int32) - rgb).sum(axis=1).argmin())


# ---------------------------------------------------------------------------------------------
# SVG output


def _rebuild_svg(
    shapes: list[_Shape], palette: npt.NDArray[np.uint8], w: int, h: int, mode: str
) -> str:
    groups = _merge_same_colour(shapes)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}">'
    ]
    encode = _encode_spline if mode == "spline" else _encode_polygon
    for fill, members in groups:
        d = "".join(encode(ring) for s in members for ring in s.rings)
        if d:
            parts.append(f'<path d="{d}" fill="{_short_hex(palette[fill])}"/>')
    parts.append("</svg>")
    return "".join(parts)


def _merge_same_colour(shapes: list[_Shape]) -> list[tuple[int, list[_Shape]]]:
    """Group shapes into one path per colour where the painting order allows it.

    Shape ``p`` may join an earlier group ``g`` of its colour if nothing painted between them
    overlaps ``p`` (by bounding box): moving ``p`` down to ``g``'s level then changes no pixel.
    vtracer traces every outline with the same orientation, so the nonzero fill rule of the
    merged path still fills exactly the union.
    """
    groups: list[tuple[int, list[_Shape]]] = []
    boxes: list[tuple[int, int, int, int]] = []  # union bbox per group
    for shape in shapes:
        target = -1
        x0, y0, x1, y1 = shape.bbox
        for gi in range(len(groups) - 1, max(-1, len(groups) - 1 - _MERGE_LOOKBACK), -1):
            if groups[gi][0] == shape.fill:
                target = gi
                break
            bx0, by0, bx1, by1 = boxes[gi]
            if bx0 < x1 and x0 < bx1 and by0 < y1 and y0 < by1:
                break
        if target < 0:
            groups.append((shape.fill, [shape]))
            boxes.append(shape.bbox)
        else:
            groups[target][1].append(shape)
            bx0, by0, bx1, by1 = boxes[target]
            boxes[target] = (min(bx0, x0), min(by0, y0), max(bx1, x1), max(by1, y1))
    return groups


def _encode_polygon(ring: npt.NDArray[np.float64]) -> str:
    pts = np.rint(ring * GRID).astype(np.int64)
    keep = np.any(pts != np.roll(pts, 1, axis=0), axis=1)
    pts = pts[keep]
    if pts.shape[0] < 3:
        return ""
    deltas = np.diff(pts, axis=0, append=pts[:1]).tolist()  # includes the closing edge
    return _emit(pts[0].tolist(), [("L", dl) for dl in deltas])


def _encode_spline(ring: npt.NDArray[np.float64]) -> str:
    """Smooth closed curve through the polygon's vertices, keeping sharp corners sharp.

    Each edge becomes a cubic whose handles follow the Catmull-Rom tangent at a smooth vertex
    (the direction from the previous to the next vertex) and the edge itself at a corner, with
    handle length a third of the edge so uneven vertex spacing never overshoots.
    """
    n = ring.shape[0]
    prev = np.roll(ring, 1, axis=0)
    nxt = np.roll(ring, -1, axis=0)
    d_in = ring - prev
    d_out = nxt - ring
    len_in = np.hypot(d_in[:, 0], d_in[:, 1])
    len_out = np.hypot(d_out[:, 0], d_out[:, 1])
    cos_turn = (d_in * d_out).sum(axis=1) / np.maximum(len_in * len_out, 1e-12)
    corner = cos_turn < _CORNER_COS
    # Edges weighted by their squared length: where a long straight edge meets a short arc edge
    # the tangent follows the straight edge, so long edges stay straight instead of bowing.
    blend = d_in * len_in[:, None] + d_out * len_out[:, None]
    tangent = blend / np.maximum(np.hypot(blend[:, 0], blend[:, 1]), 1e-12)[:, None]
    out_handle = np.where(corner[:, None], d_out / 3.0, tangent * (len_out / 3.0)[:, None])
    # The handle arriving at vertex i+1 along edge i: that vertex's tangent, scaled by edge i.
    next_corner = np.roll(corner, -1)
    next_tangent = np.roll(tangent, -1, axis=0)
    in_handle = np.where(next_corner[:, None], d_out / 3.0, next_tangent * (len_out / 3.0)[:, None])
    c1 = ring + out_handle
    c2 = nxt - in_handle
    grid_pts = np.rint(ring * GRID).astype(np.int64)
    grid_c1 = np.rint(c1 * GRID).astype(np.int64)
    grid_c2 = np.rint(c2 * GRID).astype(np.int64)
    grid_next = np.roll(grid_pts, -1, axis=0)
    segments: list[tuple[str, list[int]]] = []
    for i in range(n):
        p = grid_pts[i]
        rel = [*(grid_c1[i] - p), *(grid_c2[i] - p), *(grid_next[i] - p)]
        segments.append(("C", [int(v) for v in rel]))
    return _emit(grid_pts[0].tolist(), segments)


def _emit(start: list[int], segments: list[tuple[str, list[int]]]) -> str:
    """Minified path data: absolute moveto, then relative segments, implicit command repeats."""
    out = ["M" + _nums(start)]
    last = "M"
    final = len(segments) - 1
    for i, (kind, rel) in enumerate(segments):
        if kind == "C" and _is_straight(rel):
            kind, rel = "L", rel[4:]
        if kind == "L":
            if i == final:
                break  # "z" draws the closing line

            if rel[0] == 0 and rel[1] == 0:
                continue
            letter, vals = ("h", rel[:1]) if rel[1] == 0 else ("v", rel[1:]) if rel[0] == 0 else ("l", rel)
        else:
            letter, vals = "c", rel
        text = _nums(vals)
        if letter != last:
            out.append(letter + text)
        elif text.startswith("-"):
            out.append(text)
        else:
            out.append(" " + text)
        last = letter
    out.append("z")
    return "".join(out)


def _is_straight(rel: list[int]) -> bool:
    """Whether a relative cubic's handles lie on its chord (within a quarter pixel)."""
    ex, ey = rel[4], rel[5]
    length_sq = ex * ex + ey * ey
    if length_sq == 0:
        return rel[0] == rel[1] == rel[2] == rel[3] == 0
    tolerance_sq = (GRID / 4) ** 2 * length_sq
    for px, py in ((rel[0], rel[1]), (rel[2], rel[3])):
        cross = px * ey - py * ex
        dot = px * ex + py * ey
        if cross * cross > tolerance_sq or dot < 0 or dot > length_sq:
            return False
    return True


def _nums(values: list[int]) -> str:
    out: list[str] = []
    prev_has_dot = False
    for v in values:
        s = _fmt(v)
        if out and not s.startswith("-") and not (s.startswith(".") and prev_has_dot):
            out.append(" ")
        out.append(s)
        prev_has_dot = "." in s
    return "".join(out)


def _fmt(units: int) -> str:
    whole, frac = divmod(abs(units), GRID)
    sign = "-" if units < 0 else ""
    if frac == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole if whole else ''}.{frac}"


def _hex(rgb: npt.NDArray[np.uint8]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*(int(c) for c in rgb))


def _short_hex(rgb: npt.NDArray[np.uint8]) -> str:
    full = _hex(rgb)
    if full[1] == full[2] and full[3] == full[4] and full[5] == full[6]:
        return "#" + full[1] + full[3] + full[5]
    return full


# ---------------------------------------------------------------------------------------------
# fidelity


def _measure(svg: str, rgba: npt.NDArray[np.uint8]) -> float:
    h, w = rgba.shape[:2]
    scale = min(1.0, SSIM_SIZE / max(h, w))
    rw, rh = max(1, round(w * scale)), max(1, round(h * scale))
    reference = rgba
    if scale < 1.0:
        reference = np.asarray(Image.fromarray(rgba, "RGBA").resize((rw, rh), Image.Resampling.BOX))
    png = bytes(resvg_py.svg_to_bytes(svg_string=svg, width=rw, height=rh))
    rendered = np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))
    if rendered.shape[:2] != reference.shape[:2]:
        rendered = np.asarray(Image.fromarray(rendered, "RGBA").resize((rw, rh), Image.Resampling.BOX))
    return ssim_metric(reference, rendered)
