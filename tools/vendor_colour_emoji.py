"""Vendor two colour emoji sets as flat, solid-colour path data: Fluent Emoji Flat (MIT, Microsoft) and Noto Emoji
(Apache-2.0, Google), tagged with emojibase-data (MIT).

    python tools/vendor_colour_emoji.py                 # npm-packs the three pinned packages into a temp dir
    python tools/vendor_colour_emoji.py --from DIR      # DIR holds their npm tarballs or unpacked <pkg>/package/
    python tools/vendor_colour_emoji.py --from DIR --report /tmp/colour-emoji   # also write the fidelity report

Why: line and glyph icons cannot draw a scene or a sticker; these two sets draw people doing things, animals, food,
objects, places and weather in colour. No PyPI package ships them, so they are converted once and kept (gzipped
JSON) in `src/artboard/data/icons/`: `fluent-emoji-flat.json.gz` (set "fef") and `noto-emoji.json.gz` ("noto").

What is kept: the categories Smileys & Emotion, People & Body, Animals & Nature, Food & Drink, Activities, Travel &
Places and Objects, plus the few flags and symbols in KEEP_SYMBOLS that picture something. Dropped: skin-tone
variants (the default yellow / neutral one stays), every other flag and symbol (keycaps, letters, arrows, zodiac,
buttons, geometric shapes, religious and gender signs), icons Iconify marks hidden, and aliases (renamed or mirrored
copies of kept icons).

How an Iconify body becomes coloured paths (`convert`):
- <circle>, <ellipse>, <rect>, <line>, <polyline> and <polygon> become path data (icon_sources.element_to_d, the
  same converter the readers use); arcs become cubic curves; every transform (groups, <use>, <symbol> viewBoxes,
  clip paths) is applied to the coordinates, so the output has no transforms.
- Fill is resolved through inheritance; `opacity` (on any ancestor) × `fill-opacity` × the colour's own alpha
  becomes each path's opacity. Group opacity is pushed down onto each path, which only differs from SVG where
  two paths of one translucent group overlap.
- Strokes are outlined with skia-pathops (width, caps, joins, miter limit) and become filled paths of the stroke
  colour; a dashed stroke cannot be outlined faithfully, so such an icon is dropped.
- Linear and radial gradients (with href inheritance) are flattened to one solid colour: the mean of the gradient
  over its offset range [0, 1] in OKLab, each stop weighted by the offset span it covers (linear interpolation
  between stops, pads before the first and after the last), with alpha as the weight and the mean alpha as opacity.
  Two refinements, both checked against resvg renders of the originals: (1) the offset range averaged is the
  one the path actually shows (sampled inside the path), not all of [0, 1], so stops that fall outside the shape
  do not tint it; (2) a gradient that fades out (a glow, a shine, a tail; Noto has hundreds) would become a large
  hard-edged translucent blob, so only the offsets where it is at least half as opaque as its most opaque visible
  part are kept: the path is cut (skia-pathops) to where the gradient takes those offsets (a half-plane for a
  linear one, a disc or ring between the circles of a radial one, focal point included) and that part gets the
  mean of those offsets (`offsets_seen`, `gradient_bands`, `band_regions`). An opaque gradient keeps its whole
  path. As in resvg (which renders artboard's output), gradientTransform is not inherited through href.
- Clip paths are applied exactly: the clip shape (in the user space of the element that references it) is
  intersected with each path by skia-pathops. Masks and patterns have no flat equivalent: such an icon is dropped.
  Filters (only Fluent's "teacher": a soft drop shadow) are left out and the shape is drawn plain.
- evenodd paths and clip results are normalised with skia-pathops to the nonzero rule, so every vendored path is
  nonzero and one `fill_rule` covers the whole file.
- Coordinates are rounded to 0.01 of a viewBox unit and written as compact relative path data.

A fidelity check renders every converted icon and its original body through resvg and compares the coverage
(alpha); an icon whose shape differs (lost clip, broken transform) is dropped and listed.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import math
import re
import subprocess
import sys
import tarfile
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pathops
from coloraide import Color
from fontTools.pens.basePen import BasePen
from fontTools.pens.transformPen import TransformPen
from fontTools.svgLib.path import parse_path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from artboard.composer.icon_sources import element_to_d  # the same converter the readers use

OUT_DIR = Path(__file__).resolve().parent.parent / "src" / "artboard" / "data" / "icons"
PACKAGES = {
    "fef": ("@iconify-json/fluent-emoji-flat", "1.2.6"),
    "noto": ("@iconify-json/noto", "1.2.9"),
    "emojibase": ("emojibase-data", "17.0.0"),
}
SETS = {
    "fef": {
        "file": "fluent-emoji-flat.json.gz",
        "set": "fluent-emoji-flat",
        "license": "MIT",
        "copyright": "Copyright (c) Microsoft Corporation.",
    },
    "noto": {
        "file": "noto-emoji.json.gz",
        "set": "noto-emoji",
        "license": "Apache-2.0",
        "copyright": "Copyright Google Inc. and the Noto Emoji authors (https://github.com/googlefonts/noto-emoji).",
    },
}
CATEGORIES = (
    "Smileys & Emotion", "People & Body", "Animals & Nature", "Food & Drink", "Activities", "Travel & Places",
    "Objects",
)  # fmt: skip
# The flags and symbols that picture a thing (a race, a pirate ship, a warning sign) rather than stand for a word.
KEEP_SYMBOLS = frozenset({
    "chequered-flag", "pirate-flag", "triangular-flag", "white-flag", "black-flag",
    "recycling-symbol", "warning", "radioactive", "biohazard", "no-entry", "prohibited", "no-smoking",
    "sparkle", "yin-yang", "peace-symbol", "atom-symbol", "medical-symbol", "fleur-de-lis", "trident-emblem",
    "check-mark-button", "cross-mark", "red-exclamation-mark", "red-question-mark", "infinity", "splatter",
})  # fmt: skip
SKIN_TONES = re.compile(r"1f3f[b-f]")
_ABSTRACT_GROUPS = (2, 8, 9)  # emojibase groups: component, symbols, flags
DECIMALS = 2
# Fidelity check (resvg, 64 px): a converted icon whose alpha differs from the original's by more than this share
# of the original's coverage is dropped. Lost clips and broken transforms show up as 10-100 %, and so do icons
# whose subject is a fading gradient (a comet's tail, a shower's spray); cut glows and shines stay below.
MAX_COVERAGE_ERROR = 0.06

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_NON_RENDERED = {"defs", "clipPath", "linearGradient", "radialGradient", "symbol", "filter", "title", "desc",
                 "metadata", "style", "stop"}  # fmt: skip
_SHAPES = {"path", "circle", "ellipse", "rect", "line", "polyline", "polygon"}
_INHERITED = ("fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
              "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "clip-rule")  # fmt: skip
_NUM = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"

Matrix = tuple[float, float, float, float, float, float]  # SVG matrix(a b c d e f)
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class Unsupported(Exception):
    """The body uses something with no faithful flat equivalent (mask, pattern, dashed stroke...)."""


# --- package access ---------------------------------------------------------------------------------------


class Package:
    """Files of one npm package, from its tarball or its unpacked `package/` directory."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self.files: dict[str, bytes] = {}
        if source.is_file():
            with tarfile.open(source) as tar:
                for member in tar.getmembers():
                    handle = tar.extractfile(member) if member.isfile() else None
                    if handle is not None:
                        self.files[member.name.removeprefix("package/")] = handle.read()

    def read(self, name: str) -> bytes:
        return self.files[name] if self.files else (self.source / name).read_bytes()

    def json(self, name: str) -> Any:
        return json.loads(self.read(name))


def _find_package(directory: Path, npm_name: str, version: str) -> Path:
    stem = npm_name.lstrip("@").replace("/", "-")
    for candidate in (directory / f"{stem}-{version}.tgz", directory / f"{stem}-{version}" / "package"):
        if candidate.exists():
            return candidate
    raise SystemExit(f"{npm_name}@{version}: neither {stem}-{version}.tgz nor {stem}-{version}/package in {directory}")


def npm_pack(directory: Path) -> None:
    specs = [f"{name}@{version}" for name, version in PACKAGES.values()]
    subprocess.run(["npm", "pack", *specs, "--pack-destination", str(directory)], check=True, capture_output=True)


# --- geometry ---------------------------------------------------------------------------------------------


def mat_mul(m: Matrix, n: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2, a * e2 + c * f2 + e, b * e2 + d * f2 + f
    )  # fmt: skip


def parse_transform(text: str | None) -> Matrix:
    m = IDENTITY
    for name, args in re.findall(r"([a-zA-Z]+)\s*\(([^)]*)\)", text or ""):
        v = [float(x) for x in re.findall(_NUM, args)]
        if name == "matrix" and len(v) == 6:
            t: Matrix = (v[0], v[1], v[2], v[3], v[4], v[5])
        elif name == "translate" and v:
            t = (1, 0, 0, 1, v[0], v[1] if len(v) > 1 else 0.0)
        elif name == "scale" and v:
            t = (v[0], 0, 0, v[1] if len(v) > 1 else v[0], 0, 0)
        elif name == "rotate" and v:
            r = math.radians(v[0])
            cos, sin = math.cos(r), math.sin(r)
            t = (cos, sin, -sin, cos, 0, 0)
            if len(v) == 3:
                t = mat_mul(mat_mul((1, 0, 0, 1, v[1], v[2]), t), (1, 0, 0, 1, -v[1], -v[2]))
        elif name == "skewX" and v:
            t = (1, 0, math.tan(math.radians(v[0])), 1, 0, 0)
        elif name == "skewY" and v:
            t = (1, math.tan(math.radians(v[0])), 0, 1, 0, 0)
        else:
            raise Unsupported(f"transform {name}({args})")
        m = mat_mul(m, t)
    return m


def to_path(d: str, matrix: Matrix, fill_type: pathops.FillType = pathops.FillType.WINDING) -> pathops.Path:
    """Path data (any SVG commands, arcs included) as a skia path with `matrix` applied to every point."""
    path = pathops.Path(fillType=fill_type)
    pen = path.getPen(allow_open_paths=True)
    parse_path(d, pen if matrix == IDENTITY else TransformPen(pen, matrix))
    return path


def transformed(path: pathops.Path, matrix: Matrix) -> pathops.Path:
    out = pathops.Path(fillType=path.fillType)
    path.draw(TransformPen(out.getPen(allow_open_paths=True), matrix))
    return out


def to_nonzero(path: pathops.Path) -> pathops.Path:
    """The same area under the nonzero rule (skia-pathops simplify with fixed winding)."""
    out = pathops.simplify(path, fix_winding=True, keep_starting_points=False)
    out.fillType = pathops.FillType.WINDING
    return out


class CompactPen(BasePen):  # type: ignore[misc]
    """Writes compact relative SVG path data; coordinates snap to 10**-decimals before deltas are taken."""

    def __init__(self, decimals: int) -> None:
        super().__init__(None)
        self.scale = 10**decimals
        self.decimals = decimals
        self.parts: list[str] = []
        self.last_cmd = ""
        self.last_token = ""
        self.cur = (0, 0)
        self.start = (0, 0)

    def _q(self, pt: tuple[float, float]) -> tuple[int, int]:
        return round(pt[0] * self.scale), round(pt[1] * self.scale)

    def _num(self, n: int) -> str:
        text = f"{abs(n) / self.scale:.{self.decimals}f}".rstrip("0").rstrip(".") if n else "0"
        text = text[1:] if text.startswith("0.") else text
        return "-" + text if n < 0 else text

    def _emit(self, cmd: str, values: Iterable[int]) -> None:
        if cmd != self.last_cmd or cmd == "m":
            self.parts.append(cmd)
            self.last_cmd = cmd
            self.last_token = cmd
        for v in values:
            token = self._num(v)
            prev = self.last_token
            numbers_touch = prev and prev[-1] not in "mlhvcqz" and not token.startswith("-")
            if numbers_touch and not (token.startswith(".") and "." in prev):
                self.parts.append(" ")
            self.parts.append(token)
            self.last_token = token

    def _moveTo(self, pt: tuple[float, float]) -> None:
        p = self._q(pt)
        self._emit("m", (p[0] - self.cur[0], p[1] - self.cur[1]))
        self.cur = self.start = p

    def _lineTo(self, pt: tuple[float, float]) -> None:
        p = self._q(pt)
        dx, dy = p[0] - self.cur[0], p[1] - self.cur[1]
        if dx == 0 and dy == 0:
            return
        if dy == 0:
            self._emit("h", (dx,))
        elif dx == 0:
            self._emit("v", (dy,))
        else:
            self._emit("l", (dx, dy))
        self.cur = p

    def _curveToOne(self, p1: tuple[float, float], p2: tuple[float, float], p3: tuple[float, float]) -> None:
        q1, q2, q3 = self._q(p1), self._q(p2), self._q(p3)
        if q1 == q2 == q3 == self.cur:
            return
        x, y = self.cur
        self._emit("c", (q1[0] - x, q1[1] - y, q2[0] - x, q2[1] - y, q3[0] - x, q3[1] - y))
        self.cur = q3

    def _qCurveToOne(self, p1: tuple[float, float], p2: tuple[float, float]) -> None:
        q1, q2 = self._q(p1), self._q(p2)
        if q1 == q2 == self.cur:
            return
        x, y = self.cur
        self._emit("q", (q1[0] - x, q1[1] - y, q2[0] - x, q2[1] - y))
        self.cur = q2

    def _closePath(self) -> None:
        self._emit("z", ())
        self.cur = self.start

    def _endPath(self) -> None:
        return  # an open contour: a fill closes it implicitly, and the current point stays where it ended

    def text(self) -> str:
        return "".join(self.parts)


def path_data(path: pathops.Path, decimals: int) -> str:
    pen = CompactPen(decimals)
    path.draw(pen)
    text = pen.text()
    # A path that rounds away to nothing, or to moves alone, draws nothing.
    return text if re.search(r"[lhvcq]", text) else ""


# --- paint ------------------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def parse_colour(text: str) -> tuple[str, float] | None:
    """(#rrggbb, alpha) of a CSS colour; None for none/transparent."""
    text = text.strip()
    if text in ("none", "transparent", ""):
        return None
    if text == "currentColor":
        text = "black"
    colour = Color(text).convert("srgb")
    alpha = float(colour.alpha())
    return colour.fit("srgb").to_string(hex=True, alpha=False), alpha


@lru_cache(maxsize=8192)
def _oklab(hex_colour: str) -> tuple[float, float, float]:
    lab = Color(hex_colour).convert("oklab").coords()
    return float(lab[0]), float(lab[1]), float(lab[2])


Stop = tuple[float, str, float]  # offset, #rrggbb, alpha
_SAMPLES = 512


@dataclass(frozen=True)
class Band:
    """One flat piece of a gradient: offsets [t0, t1] (-inf / inf where it runs into a pad) in one colour."""

    t0: float
    t1: float
    colour: str
    alpha: float


def gradient_bands(stops: list[Stop], lo: float = 0.0, hi: float = 1.0) -> list[Band]:
    """A gradient as flat bands over the offsets [lo, hi] a path shows of it: the offsets where it is at least half
    as opaque as at its most opaque, each run of them in one colour, the mean over its offset span in OKLab (each
    stop weighted by the offset span it covers, linear between stops, padded before the first and after the last
    stop) with alpha as the weight; the band's opacity is its mean alpha. An opaque gradient is one band: the plain
    offset-span mean. A glow or shine that fades out keeps its inner, visible part instead of becoming a large
    translucent blob. The first band opens at -inf and the last closes at inf: they run into what [lo, hi] left."""
    if not stops:
        return []
    offsets = np.asarray([s[0] for s in stops])
    labs = np.asarray([_oklab(s[1]) for s in stops])
    alphas = np.asarray([s[2] for s in stops])
    # Midpoints: uniform weight over the offset range.
    t = lo + (np.arange(_SAMPLES) + 0.5) / _SAMPLES * (hi - lo)
    # np.interp pads with the end values; coincident offsets give a hard step, as SVG does.
    a = np.interp(t, offsets, alphas)
    if a.max() <= 0.5 / 255:
        return []
    lab = np.stack([np.interp(t, offsets, labs[:, i]) for i in range(3)], axis=1)
    keep = a >= 0.5 * a.max() - 1e-9
    edges = np.flatnonzero(np.diff(np.concatenate([[0], keep.astype(np.int8), [0]])))
    bands: list[Band] = []
    for start, stop in zip(edges[::2], edges[1::2], strict=True):
        w = a[start:stop]
        mean = (lab[start:stop] * w[:, None]).sum(axis=0) / w.sum()
        colour = Color("oklab", [float(mean[0]), float(mean[1]), float(mean[2])]).convert("srgb").fit("srgb")
        t0 = -math.inf if start == 0 else lo + float(start) / _SAMPLES * (hi - lo)
        t1 = math.inf if stop == _SAMPLES else lo + float(stop) / _SAMPLES * (hi - lo)
        bands.append(Band(t0, t1, colour.to_string(hex=True, alpha=False), float(w.mean())))
    return bands


@dataclass(frozen=True)
class Gradient:
    kind: str  # "linearGradient" | "radialGradient"
    attrs: dict[str, str]  # own attributes over those inherited through href
    stops: list[Stop]


def mat_inverse(m: Matrix) -> Matrix | None:
    a, b, c, d, e, f = m
    det = a * d - b * c
    if abs(det) < 1e-12:
        return None
    return (d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det)


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def polygon(points: list[tuple[float, float]], m: Matrix) -> pathops.Path:
    path = pathops.Path()
    for i, (x, y) in enumerate(points):
        px, py = apply(m, x, y)
        (path.moveTo if i == 0 else path.lineTo)(px, py)
    path.close()
    return path


@dataclass(frozen=True)
class Geometry:
    """A gradient's geometry in its own coordinates: linear from p to p + v; radial from the focal point f (offset
    0) to the circle (c, r) (offset 1), the circle of offset t having centre f + t (c - f) and radius t r."""

    linear: bool
    px: float
    py: float
    vx: float
    vy: float
    fx: float
    fy: float
    cx: float
    cy: float
    r: float


def geometry(grad: Gradient) -> Geometry:
    num = {k: float(grad.attrs[k]) for k in ("x1", "y1", "x2", "y2", "cx", "cy", "r", "fx", "fy") if k in grad.attrs}
    if grad.kind == "linearGradient":
        px, py = num.get("x1", 0.0), num.get("y1", 0.0)
        vx, vy = num.get("x2", 1.0) - px, num.get("y2", 0.0) - py
        if vx * vx + vy * vy < 1e-12:
            raise Unsupported("degenerate linear gradient")
        return Geometry(True, px, py, vx, vy, 0, 0, 0, 0, 0)
    cx, cy, r = num.get("cx", 0.5), num.get("cy", 0.5), num.get("r", 0.5)
    fx, fy = num.get("fx", cx), num.get("fy", cy)
    if r <= 0:
        raise Unsupported("zero-radius radial gradient")
    dist = math.hypot(fx - cx, fy - cy)
    if dist > 0.99 * r:  # SVG 1.1: a focal point outside the circle moves onto it
        fx, fy = cx + (fx - cx) * 0.99 * r / dist, cy + (fy - cy) * 0.99 * r / dist
    return Geometry(False, 0, 0, 0, 0, fx, fy, cx, cy, r)


def offsets_at(g: Geometry, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The gradient offset (unclamped) at points given in gradient coordinates."""
    if g.linear:
        return np.asarray(((x - g.px) * g.vx + (y - g.py) * g.vy) / (g.vx * g.vx + g.vy * g.vy))
    # |d - t e| = t r with d = p - f, e = c - f: the root t >= 0 (the focal point lies inside the circle).
    dx, dy, ex, ey = x - g.fx, y - g.fy, g.cx - g.fx, g.cy - g.fy
    a = ex * ex + ey * ey - g.r * g.r
    b = dx * ex + dy * ey
    disc = np.maximum(b * b - a * (dx * dx + dy * dy), 0.0)
    return np.asarray((b - np.sqrt(disc)) / a)


def offsets_seen(g: Geometry, painted: pathops.Path, space: Matrix) -> tuple[float, float]:
    """The range of offsets, within [0, 1], that the gradient takes over the painted path (sampled on a grid)."""
    inverse = mat_inverse(space)
    if inverse is None:
        raise Unsupported("singular gradient transform")
    x0, y0, x1, y1 = painted.bounds
    n = 24
    xs = x0 + (np.arange(n) + 0.5) / n * (x1 - x0)
    ys = y0 + (np.arange(n) + 0.5) / n * (y1 - y0)
    inside = [(x, y) for y in ys.tolist() for x in xs.tolist() if painted.contains((x, y))]
    if not inside:
        return 0.0, 1.0  # too thin to sample: take the whole gradient
    pts = np.asarray(inside)
    gx = inverse[0] * pts[:, 0] + inverse[2] * pts[:, 1] + inverse[4]
    gy = inverse[1] * pts[:, 0] + inverse[3] * pts[:, 1] + inverse[5]
    t = np.clip(offsets_at(g, gx, gy), 0.0, 1.0)
    return float(t.min()), float(t.max())


def band_regions(g: Geometry, bands: list[Band], painted: pathops.Path, space: Matrix) -> list[pathops.Path | None]:
    """Per band, the area (root coordinates) where the gradient's offset lies in the band; None = everywhere.
    `space` maps gradient coordinates to the root (ctm × bounding box units × gradientTransform)."""
    if len(bands) == 1 and bands[0].t0 == -math.inf and bands[0].t1 == math.inf:
        return [None]
    inverse = mat_inverse(space)
    if inverse is None:
        raise Unsupported("singular gradient transform")
    x0, y0, x1, y1 = painted.bounds
    corners = [apply(inverse, x, y) for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))]
    out: list[pathops.Path | None] = []
    if g.linear:
        n2 = g.vx * g.vx + g.vy * g.vy
        ts = [((x - g.px) * g.vx + (y - g.py) * g.vy) / n2 for x, y in corners]
        ss = [((x - g.px) * -g.vy + (y - g.py) * g.vx) / n2 for x, y in corners]
        s0, s1 = min(ss) - 1, max(ss) + 1
        for band in bands:
            t0, t1 = max(band.t0, min(ts) - 1), min(band.t1, max(ts) + 1)
            if t0 >= t1:
                out.append(pathops.Path())
                continue
            pts = [
                (g.px + t * g.vx - s * g.vy, g.py + t * g.vy + s * g.vx)
                for t, s in ((t0, s0), (t1, s0), (t1, s1), (t0, s1))
            ]
            out.append(polygon(pts, space))
        return out
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    margin = max(xs) - min(xs) + max(ys) - min(ys) + g.r
    box = [(min(xs) - margin, min(ys) - margin), (max(xs) + margin, min(ys) - margin),
           (max(xs) + margin, max(ys) + margin), (min(xs) - margin, max(ys) + margin)]  # fmt: skip

    def disc(t: float) -> pathops.Path:
        ccx, ccy = g.fx + t * (g.cx - g.fx), g.fy + t * (g.cy - g.fy)
        return to_path(element_to_d("circle", {"cx": repr(ccx), "cy": repr(ccy), "r": repr(t * g.r)}), space)

    for band in bands:
        outer = polygon(box, space) if band.t1 == math.inf else disc(band.t1)
        if band.t0 > 0:
            outer = pathops.op(outer, disc(band.t0), pathops.PathOp.DIFFERENCE)
        out.append(outer)
    return out


# --- SVG body → coloured paths ----------------------------------------------------------------------------


@dataclass
class Painted:
    path: pathops.Path  # root coordinates, nonzero rule
    fill: str
    opacity: float


@dataclass
class Converter:
    root: ET.Element
    ids: dict[str, ET.Element] = field(default_factory=dict)
    out: list[Painted] = field(default_factory=list)
    notes: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        for el in self.root.iter():
            if el.get("id"):
                self.ids[el.get("id", "")] = el

    # -- helpers
    def ref(self, value: str | None) -> ET.Element | None:
        if not value:
            return None
        m = re.fullmatch(r"\s*url\(\s*['\"]?#([^'\")]+)['\"]?\s*\)\s*", value) or re.fullmatch(r"#(.+)", value.strip())
        if not m:
            raise Unsupported(f"reference {value!r}")
        el = self.ids.get(m.group(1))
        if el is None:
            raise Unsupported(f"dangling reference {value!r}")
        return el

    @staticmethod
    def href(el: ET.Element) -> str | None:
        return el.get("href") or el.get(XLINK_HREF)

    def paint(self, value: str | None) -> tuple[str, float] | Gradient | None:
        if value is None:
            return None
        if value.strip().startswith("url("):
            el = self.ref(value)
            assert el is not None
            tag = _tag(el)
            if tag not in ("linearGradient", "radialGradient"):
                raise Unsupported(f"paint server <{tag}>")
            self.notes["gradient"] += 1
            attrs: dict[str, str] = {}
            chain: ET.Element | None = el
            seen: set[int] = set()
            while chain is not None and id(chain) not in seen:
                seen.add(id(chain))
                for k, v in _style(chain).items():
                    # resvg, which renders artboard's output, does not inherit gradientTransform through href,
                    # and Noto's bodies are drawn for that: a face gradient re-centred by its child would
                    # otherwise land 800 units off the canvas.
                    if k != "gradientTransform" or chain is el:
                        attrs.setdefault(k, v)
                chain = self.ref(self.href(chain)) if self.href(chain) else None
            if "%" in "".join(attrs.get(k, "") for k in ("x1", "y1", "x2", "y2", "cx", "cy", "r", "fx", "fy")):
                raise Unsupported("percentage gradient coordinates")
            if attrs.get("spreadMethod", "pad") != "pad":
                raise Unsupported("gradient spreadMethod")
            return Gradient(tag, attrs, self.stops(el))
        return parse_colour(value)

    def stops(self, gradient: ET.Element) -> list[tuple[float, str, float]]:
        seen: set[int] = set()
        el: ET.Element | None = gradient
        while el is not None and id(el) not in seen:
            seen.add(id(el))
            found = [s for s in el if _tag(s) == "stop"]
            if found:
                out: list[tuple[float, str, float]] = []
                last = 0.0
                for s in found:
                    style = _style(s)
                    raw = style.get("offset", "0").strip()
                    off = float(raw[:-1]) / 100 if raw.endswith("%") else float(raw or 0)
                    last = max(last, min(max(off, 0.0), 1.0))
                    colour = parse_colour(style.get("stop-color", "black"))
                    opacity = float(style.get("stop-opacity", "1"))
                    if colour is None:
                        out.append((last, "#000000", 0.0))
                    else:
                        out.append((last, colour[0], colour[1] * opacity))
                return out
            el = self.ref(self.href(el)) if self.href(el) else None
        return []

    # -- clip paths
    def clip_region(self, clip: ET.Element, ctm: Matrix, depth: int = 0) -> pathops.Path:
        if depth > 8:
            raise Unsupported("clip path nesting")
        if clip.get("clipPathUnits", "userSpaceOnUse") != "userSpaceOnUse":
            raise Unsupported("clipPathUnits=objectBoundingBox")
        base = mat_mul(ctm, parse_transform(clip.get("transform")))
        parts: list[pathops.Path] = []
        clip_rule = clip.get("clip-rule", "nonzero")

        def add(el: ET.Element, m: Matrix, rule: str) -> None:
            tag = _tag(el)
            m = mat_mul(m, parse_transform(el.get("transform")))
            rule = el.get("clip-rule", rule)
            if tag == "use":
                target = self.ref(self.href(el))
                assert target is not None
                m = mat_mul(m, (1, 0, 0, 1, float(el.get("x", 0)), float(el.get("y", 0))))
                add(target, m, rule)
                return
            if tag == "g":  # not allowed by SVG inside clipPath, but harmless
                for child in el:
                    add(child, m, rule)
                return
            if tag not in _SHAPES:
                if tag not in _NON_RENDERED:
                    raise Unsupported(f"<{tag}> in clip path")
                return
            d = element_to_d(tag, dict(el.attrib))
            if not d:
                return
            ft = pathops.FillType.EVEN_ODD if rule == "evenodd" else pathops.FillType.WINDING
            part = to_nonzero(to_path(d, m, ft))
            if el.get("clip-path"):
                inner = self.ref(el.get("clip-path"))
                assert inner is not None
                part = pathops.op(part, self.clip_region(inner, m, depth + 1), pathops.PathOp.INTERSECTION)
            parts.append(part)

        for child in clip:
            add(child, base, clip_rule)
        region = pathops.Path()
        if parts:
            builder = pathops.OpBuilder(fix_winding=True, keep_starting_points=False)
            for part in parts:
                builder.add(part, pathops.PathOp.UNION)
            region = builder.resolve()
        if clip.get("clip-path"):
            outer = self.ref(clip.get("clip-path"))
            assert outer is not None
            region = pathops.op(region, self.clip_region(outer, ctm, depth + 1), pathops.PathOp.INTERSECTION)
        region.fillType = pathops.FillType.WINDING
        return region

    # -- the walk
    def run(self) -> list[Painted]:
        style = {"fill": "black", "fill-rule": "nonzero", "stroke": "none", "stroke-width": "1"}
        for child in self.root:
            self.walk(child, style, IDENTITY, 1.0, None, 0)
        return self.out

    def walk(
        self, el: ET.Element, inherited: dict[str, str], ctm: Matrix, opacity: float, clip: pathops.Path | None,
        depth: int,
    ) -> None:  # fmt: skip
        tag = _tag(el)
        if tag in _NON_RENDERED or depth > 32:
            return
        attrs = _style(el)
        if attrs.get("display") == "none" or attrs.get("visibility") == "hidden":
            return
        if attrs.get("mask"):
            raise Unsupported("mask")
        if attrs.get("filter"):
            self.notes["filter left out"] += 1
        style = dict(inherited)
        style.update({k: attrs[k] for k in _INHERITED if k in attrs})
        ctm = mat_mul(ctm, parse_transform(attrs.get("transform")))
        opacity *= float(attrs.get("opacity", "1"))
        if tag == "use":
            ctm = mat_mul(ctm, (1, 0, 0, 1, float(attrs.get("x", 0)), float(attrs.get("y", 0))))
        if attrs.get("clip-path"):
            clip_el = self.ref(attrs["clip-path"])
            assert clip_el is not None
            self.notes["clip-path"] += 1
            region = self.clip_region(clip_el, ctm)
            clip = region if clip is None else pathops.op(clip, region, pathops.PathOp.INTERSECTION)
            clip.fillType = pathops.FillType.WINDING
        if opacity <= 0:
            return
        if tag in ("g", "svg", "a"):
            for child in el:
                self.walk(child, style, ctm, opacity, clip, depth + 1)
        elif tag == "use":
            target = self.ref(self.href(el))
            assert target is not None
            if _tag(target) == "symbol":
                ctm = mat_mul(ctm, _symbol_matrix(target, attrs))
                for child in target:
                    self.walk(child, style, ctm, opacity, clip, depth + 1)
            else:
                # The referenced element is drawn as a child of the use: its own attributes win.
                self.walk(target, style, ctm, opacity, clip, depth + 1)
        elif tag in _SHAPES:
            self.shape(tag, el, style, ctm, opacity, clip)
        else:
            raise Unsupported(f"<{tag}>")

    def shape(
        self, tag: str, el: ET.Element, style: dict[str, str], ctm: Matrix, opacity: float, clip: pathops.Path | None
    ) -> None:
        d = element_to_d(tag, dict(el.attrib))
        if not d:
            return
        fill = None if tag == "line" else self.paint(style.get("fill"))
        local = to_path(d, IDENTITY)
        if fill is not None:
            rule = pathops.FillType.EVEN_ODD if style.get("fill-rule") == "evenodd" else pathops.FillType.WINDING
            path = to_path(d, ctm, rule)
            if rule == pathops.FillType.EVEN_ODD:
                path = to_nonzero(path)
            self.fill(path, fill, opacity * float(style.get("fill-opacity", "1")), local, ctm, clip)
        stroke = self.paint(style.get("stroke"))
        width = float(style.get("stroke-width", "1").removesuffix("px"))
        if stroke is not None and width > 0:
            if style.get("stroke-dasharray", "none") not in ("none", ""):
                raise Unsupported("dashed stroke")
            self.notes["stroke"] += 1
            outline = to_path(d, IDENTITY)
            cap = {"round": pathops.LineCap.ROUND_CAP, "square": pathops.LineCap.SQUARE_CAP}.get(
                style.get("stroke-linecap", "butt"), pathops.LineCap.BUTT_CAP
            )
            join = {"round": pathops.LineJoin.ROUND_JOIN, "bevel": pathops.LineJoin.BEVEL_JOIN}.get(
                style.get("stroke-linejoin", "miter"), pathops.LineJoin.MITER_JOIN
            )
            outline.stroke(width, cap, join, float(style.get("stroke-miterlimit", "4")))
            outline.convertConicsToQuads()
            opacity *= float(style.get("stroke-opacity", "1"))
            self.fill(transformed(outline, ctm), stroke, opacity, local, ctm, clip)

    def fill(
        self, path: pathops.Path, paint: tuple[str, float] | Gradient, opacity: float, local: pathops.Path,
        ctm: Matrix, clip: pathops.Path | None,
    ) -> None:  # fmt: skip
        """Paint a root-coordinate path; a gradient becomes one flat path per band (see gradient_bands)."""
        if not isinstance(paint, Gradient):
            self.emit(path, paint[0], opacity * paint[1], clip)
            return
        space = ctm
        if paint.attrs.get("gradientUnits", "objectBoundingBox") == "objectBoundingBox":
            x0, y0, x1, y1 = local.bounds
            if x1 - x0 <= 0 or y1 - y0 <= 0:
                return  # SVG: a bounding-box gradient on a zero-width box paints nothing
            space = mat_mul(space, (x1 - x0, 0, 0, y1 - y0, x0, y0))
        space = mat_mul(space, parse_transform(paint.attrs.get("gradientTransform")))
        if clip is not None:  # clip first, so that only the part of the gradient that shows is averaged
            path = pathops.op(path, clip, pathops.PathOp.INTERSECTION, fix_winding=True)
            path.fillType = pathops.FillType.WINDING
            clip = None
        if not any(contour.area > 0 for contour in path.contours):
            return
        g = geometry(paint)
        bands = gradient_bands(paint.stops, *offsets_seen(g, path, space))
        for band, region in zip(bands, band_regions(g, bands, path, space), strict=True):
            if region is None:
                self.emit(path, band.colour, opacity * band.alpha, clip)
                continue
            self.notes["gradient band cut"] += 1
            piece = pathops.op(path, region, pathops.PathOp.INTERSECTION, fix_winding=True)
            piece.fillType = pathops.FillType.WINDING
            self.emit(piece, band.colour, opacity * band.alpha, clip)

    def emit(self, path: pathops.Path, fill: str, alpha: float, clip: pathops.Path | None) -> None:
        if alpha < 0.5 / 255:
            return
        if clip is not None:
            path = pathops.op(path, clip, pathops.PathOp.INTERSECTION, fix_winding=True)
            path.fillType = pathops.FillType.WINDING
        if not any(contour.area > 0 for contour in path.contours):  # path.area is signed: opposite turns cancel
            return
        self.out.append(Painted(path, fill, min(alpha, 1.0)))


def _tag(el: ET.Element) -> str:
    return el.tag.rsplit("}", 1)[-1]


def _style(el: ET.Element) -> dict[str, str]:
    attrs = {k.rsplit("}", 1)[-1] if k != XLINK_HREF else k: v for k, v in el.attrib.items()}
    for decl in attrs.pop("style", "").split(";"):
        if ":" in decl:
            k, v = decl.split(":", 1)
            attrs[k.strip()] = v.strip()
    return attrs


def _symbol_matrix(symbol: ET.Element, use_attrs: dict[str, str]) -> Matrix:
    vb = [float(v) for v in re.findall(_NUM, symbol.get("viewBox", ""))]
    if len(vb) != 4 or "width" not in use_attrs or "height" not in use_attrs:
        return IDENTITY
    sx = float(use_attrs["width"]) / vb[2]
    sy = float(use_attrs["height"]) / vb[3]
    s = min(sx, sy)  # preserveAspectRatio xMidYMid meet
    tx = (float(use_attrs["width"]) - vb[2] * s) / 2 - vb[0] * s
    ty = (float(use_attrs["height"]) - vb[3] * s) / 2 - vb[1] * s
    return (s, 0, 0, s, tx, ty)


def wrap(body: str, viewbox: tuple[float, float, float, float], size: int | None = None) -> str:
    dims = f' width="{size}" height="{size}"' if size else ""
    vb = " ".join(f"{v:g}" for v in viewbox)
    return f'<svg xmlns="{SVG_NS}" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="{vb}"{dims}>{body}</svg>'


def convert(body: str, viewbox: tuple[float, float, float, float]) -> tuple[list[list[Any]], Counter[str]]:
    """Coloured paths [d, #rrggbb, opacity] of one Iconify body; raises Unsupported."""
    conv = Converter(ET.fromstring(wrap(body, viewbox)))
    painted = conv.run()
    paths: list[list[Any]] = []
    for p in painted:
        d = path_data(p.path, DECIMALS)
        if d:
            paths.append([d, p.fill, round(p.opacity, 3)])
    if not paths:
        raise Unsupported("nothing drawn")
    return paths, conv.notes


def colour_svg(paths: list[list[Any]], viewbox: tuple[float, float, float, float], size: int | None = None) -> str:
    body = "".join(
        f'<path d="{d}" fill="{fill}"' + (f' fill-opacity="{opacity}"' if opacity < 1 else "") + "/>"
        for d, fill, opacity in paths
    )
    return wrap(body, viewbox, size)


# --- selection and tags -----------------------------------------------------------------------------------


def _norm_codepoint(hexcode: str) -> str:
    return "-".join(part for part in hexcode.lower().split("-") if part != "fe0f")


def emojibase_index(emojibase: Package) -> tuple[dict[str, dict[str, Any]], dict[int, str]]:
    data = emojibase.json("en/data.json")
    by_cp: dict[str, dict[str, Any]] = {}
    for entry in data:
        by_cp[_norm_codepoint(entry["hexcode"])] = entry
    groups = emojibase.json("meta/groups.json")
    subgroups = {int(k): str(v) for k, v in groups["subgroups"].items()}
    return by_cp, subgroups


_LABEL_STOPWORDS = frozenset("of on in with without and the for at by to from".split())


def label_words(label: str) -> list[str]:
    words = re.findall(r"[a-z0-9]+", label.lower().replace("’", "'").replace("'", ""))
    return [w for w in words if len(w) > 1 and w not in _LABEL_STOPWORDS]


def default_viewbox(icons: dict[str, Any]) -> tuple[float, float, float, float]:
    """The set's viewBox; Iconify's defaults are left = top = 0, width = height = 16."""
    return (
        float(icons.get("left", 0)), float(icons.get("top", 0)),
        float(icons.get("width", 16)), float(icons.get("height", 16)),
    )  # fmt: skip


@dataclass
class Candidate:
    name: str
    body: str
    viewbox: tuple[float, float, float, float]
    category: str
    subgroup: str
    tags: list[str]


def select(
    pkg: Package, by_cp: dict[str, dict[str, Any]], subgroups: dict[int, str]
) -> tuple[list[Candidate], Counter[str]]:
    icons = pkg.json("icons.json")
    categories = pkg.json("metadata.json")["categories"]
    chars = pkg.json("chars.json")
    category_of = {name: cat for cat, names in categories.items() for name in names}
    codepoints: dict[str, list[str]] = {}
    for cp, name in chars.items():
        codepoints.setdefault(name, []).append(_norm_codepoint(cp))
    left, top, width, height = default_viewbox(icons)
    kept: list[Candidate] = []
    dropped: Counter[str] = Counter()
    dropped["aliases (copies of kept icons)"] = len(icons.get("aliases", {}))
    for name in sorted(icons["icons"]):
        glyph = icons["icons"][name]
        cps = codepoints.get(name, [])
        category = category_of.get(name, "")
        if glyph.get("hidden"):
            dropped["hidden"] += 1
        elif any(SKIN_TONES.search(cp) for cp in cps) or (not cps and re.search(r"-(light|medium|dark)$", name)):
            dropped["skin-tone variant"] += 1
        elif category not in CATEGORIES and name not in KEEP_SYMBOLS:
            dropped[f"category {category or '(none)'}"] += 1
        else:
            cp = next((cp for cp in cps if cp in by_cp), None)
            tags: list[str] = []
            subgroup = ""
            if cp is not None:
                entry = by_cp[cp]
                words = [*entry.get("tags", ()), *label_words(entry["label"])]
                # A ZWJ sequence pictures its parts: the technologist works at a laptop, the astronaut has a
                # rocket. Their labels help "person working on a laptop"; signs and components (gender,
                # hair, colour swatches) would only add noise.
                for part in cp.split("-") if "200d" in cp else ():
                    component = by_cp.get(part)
                    if component is not None and component.get("group") not in _ABSTRACT_GROUPS:
                        words.extend(label_words(component["label"]))
                for word in words:
                    if word not in tags:
                        tags.append(word)
                subgroup = subgroups.get(int(entry.get("subgroup", -1)), "")
            else:  # newer than emojibase-data (meteor, pickle): the name's words
                tags = label_words(name.replace("-", " "))
            viewbox = (
                float(glyph.get("left", left)), float(glyph.get("top", top)),
                float(glyph.get("width", width)), float(glyph.get("height", height)),
            )  # fmt: skip
            kept.append(Candidate(name, glyph["body"], viewbox, category.lower(), subgroup, tags))
    return kept, dropped


# --- fidelity check ---------------------------------------------------------------------------------------


def render_rgba(svg: str, size: int) -> np.ndarray:
    import resvg_py
    from PIL import Image

    png = bytes(resvg_py.svg_to_bytes(svg_string=svg, width=size, height=size, skip_system_fonts=True))
    with Image.open(io.BytesIO(png)) as image:
        return np.asarray(image.convert("RGBA"), dtype=np.float32) / 255.0


def compare(original: str, converted: str, size: int = 64) -> tuple[float, float]:
    """(coverage error, mean colour error): |Δalpha| summed over the original's coverage, and the mean OKLab
    distance (×100) of the two composited over white, over the pixels either one covers."""
    a, b = render_rgba(original, size), render_rgba(converted, size)
    cover = float(a[..., 3].sum())
    coverage_error = float(np.abs(a[..., 3] - b[..., 3]).sum()) / max(cover, 1.0)
    mask = (a[..., 3] > 0.05) | (b[..., 3] > 0.05)
    if not mask.any():
        return coverage_error, 0.0

    def over_white(x: np.ndarray) -> np.ndarray:
        rgb = x[..., :3] * x[..., 3:4] + (1 - x[..., 3:4])  # resvg PNGs are straight alpha
        return _srgb_to_oklab(rgb[mask])

    colour_error = float(np.linalg.norm(over_white(a) - over_white(b), axis=1).mean()) * 100
    return coverage_error, colour_error


def _srgb_to_oklab(rgb: np.ndarray) -> np.ndarray:
    lin = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    m1 = np.array([[0.4122214708, 0.5363325363, 0.0514459929], [0.2119034982, 0.6806995451, 0.1073969566],
                   [0.0883024619, 0.2817188376, 0.6299787005]])  # fmt: skip
    m2 = np.array([[0.2104542553, 0.7936177850, -0.0040720468], [1.9779984951, -2.4285922050, 0.4505937099],
                   [0.0259040371, 0.7827717662, -0.8086757660]])  # fmt: skip
    lms = np.cbrt(lin @ m1.T)
    return np.asarray(lms @ m2.T)


# --- main -------------------------------------------------------------------------------------------------


def build_set(
    short: str, pkg: Package, by_cp: dict[str, dict[str, Any]], subgroups: dict[int, str], emojibase_version: str,
    log: Callable[[str], None], report: dict[str, Any],
) -> bytes:  # fmt: skip
    meta = SETS[short]
    info, package = pkg.json("info.json"), pkg.json("package.json")
    candidates, dropped = select(pkg, by_cp, subgroups)
    icons = pkg.json("icons.json")
    default_vb = default_viewbox(icons)
    out: dict[str, Any] = {}
    notes: Counter[str] = Counter()
    unsupported: dict[str, str] = {}
    failed_check: dict[str, float] = {}
    scores: dict[str, tuple[float, float]] = {}
    for cand in candidates:
        try:
            paths, icon_notes = convert(cand.body, cand.viewbox)
        except (Unsupported, pathops.PathOpsError, ValueError) as exc:
            unsupported[cand.name] = str(exc) or type(exc).__name__
            continue
        for k in icon_notes:
            notes[f"icons with {k}"] += 1
        coverage_error, colour_error = compare(wrap(cand.body, cand.viewbox), colour_svg(paths, cand.viewbox))
        scores[cand.name] = (coverage_error, colour_error)
        if coverage_error > MAX_COVERAGE_ERROR:
            failed_check[cand.name] = round(coverage_error, 3)
            continue
        entry: dict[str, Any] = {"category": cand.category, "tags": cand.tags, "paths": paths}
        if cand.subgroup:
            entry["subgroup"] = cand.subgroup
        if cand.viewbox != default_vb:
            entry["viewbox"] = list(cand.viewbox)
        out[cand.name] = entry
    for name, why in unsupported.items():
        dropped[f"unsupported ({why.split(' ')[0]})"] += 1
        log(f"  {short}: dropped {name}: {why}")
    for name, err in failed_check.items():
        dropped["fidelity check failed"] += 1
        log(f"  {short}: dropped {name}: coverage error {err}")
    document = {
        "set": meta["set"],
        "version": package["version"],
        "source": f"npm {PACKAGES[short][0]}@{package['version']}; tags from npm emojibase-data@{emojibase_version}",
        "upstream": info["author"]["url"],
        "license": meta["license"],
        "copyright": meta["copyright"],
        "viewbox": list(default_vb),
        "fill_rule": "nonzero",
        "icons": out,
    }
    raw = (json.dumps(document, separators=(",", ":"), sort_keys=True, ensure_ascii=False) + "\n").encode()
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as gz:
        gz.write(raw)
    data = buffer.getvalue()
    report[short] = {
        "kept": len(out), "dropped": dict(sorted(dropped.items())), "notes": dict(sorted(notes.items())),
        "bytes": len(data), "json_bytes": len(raw), "scores": scores,
        "kept_by_category": dict(Counter(e["category"] for e in out.values())),
    }  # fmt: skip
    log(f"{short}: kept {len(out)}, dropped {sum(dropped.values())} {dict(sorted(dropped.items()))}")
    log(f"{short}: {dict(sorted(notes.items()))}; {len(data):,} bytes gzipped ({len(raw):,} JSON)")
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--from", dest="source", type=Path, help="directory with the npm tarballs (or unpacked dirs)")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="where the .json.gz files go")
    parser.add_argument("--report", type=Path, help="write report.json (per-icon fidelity scores) here")
    parser.add_argument("--only", choices=sorted(SETS), help="build one set")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = args.source
        if source is None:
            source = Path(tmp)
            npm_pack(source)
        pkgs = {short: Package(_find_package(source, *spec)) for short, spec in PACKAGES.items()}
        emojibase = pkgs["emojibase"]
        eb_version = emojibase.json("package.json")["version"]
        assert "MIT License" in emojibase.read("LICENSE").decode()
        by_cp, subgroups = emojibase_index(emojibase)
        report: dict[str, Any] = {}
        for short in sorted(SETS):
            if args.only and short != args.only:
                continue
            data = build_set(short, pkgs[short], by_cp, subgroups, eb_version, print, report)
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / SETS[short]["file"]).write_bytes(data)
        if args.report:
            args.report.mkdir(parents=True, exist_ok=True)
            (args.report / "report.json").write_text(json.dumps(report, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
