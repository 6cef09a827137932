"""Typesetting to SVG outlines: single lines, box fitting and text on a circle.

All text leaves here as one absolute path ``d`` (y down, 2-decimal coordinates, fill-rule nonzero), so an
SVG renders identically with or without the fonts installed. Sizes are searched with shaped advances and
cached glyph boxes (linear in the size, so the best size per line break is solved, not iterated); only the
final layout is turned into path data.
"""

from __future__ import annotations

import contextlib
import contextvars
import math
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from typing import Literal

from artboard.composer.fonts import FontFace
from artboard.composer.shaping import LoadedFont, Run, emit_glyph, load_font
from artboard.errors import InvalidParameter

__all__ = ["Box", "TextBlock", "arc_text", "fit_text", "measure", "recording", "set_line", "without_text"]

# Every string typeset while a composition runs, for its manifest (`set_texts`): what the design really says,
# whichever recipe or helper set it. A context variable, so concurrent compositions in threads never mix.
_SET: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar("artboard_set_texts", default=None)


@contextlib.contextmanager
def recording() -> Iterator[list[str]]:
    """Collect the text of every set_line/fit_text/arc_text call made inside the block."""
    texts: list[str] = []
    token = _SET.set(texts)
    try:
        yield texts
    finally:
        _SET.reset(token)


# Set while a composition must carry no text at all (Recraft's `controls.no_text`): every typesetting call still
# measures, so layouts keep their geometry, but draws nothing and records nothing.
_NO_TEXT: contextvars.ContextVar[bool] = contextvars.ContextVar("artboard_no_text", default=False)


@contextlib.contextmanager
def without_text(active: bool = True) -> Iterator[None]:
    token = _NO_TEXT.set(active)
    try:
        yield
    finally:
        _NO_TEXT.reset(token)


@contextlib.contextmanager
def measuring() -> Iterator[None]:
    """Typesetting done only to measure (a face's cap height): not part of what the design says."""
    token = _SET.set(None)
    try:
        yield
    finally:
        _SET.reset(token)


def _record(text: str) -> None:
    texts = _SET.get()
    if texts is not None and text.strip() and not _NO_TEXT.get():
        texts.append(text)


def _ink(parts: list[str]) -> str:
    return "" if _NO_TEXT.get() else "".join(parts)


Box = tuple[float, float, float, float]
Anchor = Literal["start", "middle", "end"]
Align = Literal["left", "center", "right"]
VAlign = Literal["top", "middle", "bottom"]

# Ink is kept this far inside a fitting box so 2-decimal rounding of the path can never cross its edge.
_INSET = 0.011
# A layout with more lines wins only if it is at least this much larger than one with fewer lines.
_MORE_LINES_GAIN = 1.03


@dataclass(frozen=True)
class TextBlock:
    """Set text as outlines plus the geometry a composer needs to place things around it."""

    d: str  # one path for all glyphs, fill-rule nonzero
    bbox: Box  # x0, y0, x1, y1 of every written point (ink plus curve control points)
    lines: tuple[str, ...]
    font_size: float
    line_boxes: tuple[Box, ...] = ()
    baselines: tuple[float, ...] = ()  # y of each line's baseline (horizontal text)
    cap_height: float = 0.0  # px at font_size
    x_height: float = 0.0  # px at font_size
    advance: float = 0.0  # widest line's advance width in px (arc text: arc length along the spacing radius)
    glyph_boxes: tuple[Box, ...] = ()  # per drawn glyph, in drawing order
    overflow: bool = False  # fit_text: not even the hard floor size fitted; text was shrunk further anyway
    below_min: bool = False  # fit_text: set smaller than the requested min_size
    face: FontFace | None = None

    @property
    def empty(self) -> bool:
        return not self.d

    @property
    def width(self) -> float:
        return self.bbox[2] - self.bbox[0]

    @property
    def height(self) -> float:
        return self.bbox[3] - self.bbox[1]

    def path_element(self, fill: str = "#000000", **attrs: str) -> str:
        """``<path>`` element for the block; extra attributes use ``_`` for ``-`` (fill_opacity=...)."""
        extra = "".join(f' {k.replace("_", "-")}="{escape(v)}"' for k, v in attrs.items())
        return f'<path d="{self.d}" fill="{escape(fill)}"{extra}/>'


def _check_size(size: float, name: str = "size") -> None:
    if not (size > 0 and math.isfinite(size)):
        raise InvalidParameter(f"{name} must be a positive number, got {size!r}", param=name)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _union(a: Box | None, b: Box | None) -> Box | None:
    if a is None:
        return b
    if b is None:
        return a
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _draw_run(
    lf: LoadedFont, run: Run, scale: float, x: float, baseline: float, out: list[str], boxes: list[Box]
) -> Box | None:
    """Emit a horizontal run whose origin is at (x, baseline); returns its written-point box."""
    total: Box | None = None
    for gid, gx, gy in zip(run.gids, run.xs, run.ys, strict=True):
        box = emit_glyph(lf.outline(gid), scale, 0.0, 0.0, -scale, x + gx * scale, baseline - gy * scale, out)
        if box is not None:
            boxes.append(box)
            total = _union(total, box)
    return total


def measure(text: str, face: FontFace, size: float, tracking: float = 0.0) -> float:
    """Advance width of ``text`` on one line in px; ``tracking`` in em/1000 between glyphs."""
    _check_size(size)
    lf = load_font(face)
    return lf.shape(lf.clean(_one_line(text)), tracking).advance * size / lf.upem


def set_line(
    text: str,
    face: FontFace,
    size: float,
    x: float,
    y_baseline: float,
    *,
    anchor: Anchor = "start",
    tracking: float = 0.0,
) -> TextBlock:
    """One line of text with its baseline at ``y_baseline``, anchored by advance width like SVG."""
    _check_size(size)
    _record(text)
    if anchor not in ("start", "middle", "end"):
        raise InvalidParameter(f"bad anchor {anchor!r}", param="anchor", allowed=["start", "middle", "end"])
    lf = load_font(face)
    line = lf.clean(_one_line(text))
    run = lf.shape(line, tracking)
    scale = size / lf.upem
    width = run.advance * scale
    x0 = x - {"start": 0.0, "middle": width / 2, "end": width}[anchor]
    out: list[str] = []
    boxes: list[Box] = []
    bbox = _draw_run(lf, run, scale, x0, y_baseline, out, boxes) or (x0, y_baseline, x0 + width, y_baseline)
    return TextBlock(
        d=_ink(out),
        bbox=bbox,
        lines=(line,),
        font_size=size,
        line_boxes=(bbox,),
        baselines=(y_baseline,),
        cap_height=lf.cap_height * scale,
        x_height=lf.x_height * scale,
        advance=width,
        glyph_boxes=tuple(boxes),
        face=face,
    )


# -- fitting ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Metrics:
    """Ink of a line in font units, relative to its own origin and baseline (y up)."""

    x0: float
    x1: float
    top: float
    bottom: float


_BLANK = _Metrics(0.0, 0.0, 0.0, 0.0)


def _line_metrics(runs: list[Run], gap: float, forced: set[int]) -> dict[tuple[int, int], _Metrics]:
    """Metrics of every line words[i:j] can form (joined by single spaces), grown incrementally per start.

    Approximate only where a font kerns across a space; the chosen lines are reshaped and measured exactly.
    """
    n = len(runs)
    table: dict[tuple[int, int], _Metrics] = {}
    for i in range(n):
        pen = 0.0
        x0 = bottom = math.inf
        x1 = top = -math.inf
        for j in range(i, n):
            ink = runs[j].ink
            if ink is not None:
                x0 = min(x0, pen + ink[0])
                x1 = max(x1, pen + ink[2])
                bottom = min(bottom, ink[1])
                top = max(top, ink[3])
            pen += runs[j].advance + gap
            table[i, j + 1] = _Metrics(x0, x1, top, bottom) if x0 != math.inf else _BLANK
            if j in forced:
                break  # a line may not run across a newline
    return table


def _stack_extents(metrics: list[_Metrics], lead: float, cap: float) -> tuple[float, float, float, float]:
    """(ink_top, ink_bottom, optical_top, optical_bottom) of stacked lines, y down from the first baseline.

    The optical block runs from the first line's cap height (or its ink top when it has no capitals) to
    the last baseline: centring that block, not the em box or the descenders, looks centred.
    """
    ink_top = min(t * lead - m.top for t, m in enumerate(metrics))
    ink_bottom = max(t * lead - m.bottom for t, m in enumerate(metrics))
    opt_top = -min(metrics[0].top, cap)
    opt_bottom = (len(metrics) - 1) * lead
    return ink_top, ink_bottom, opt_top, opt_bottom


def _fit_scale(metrics: list[_Metrics], lead_em: float, cap: float, bw: float, bh: float) -> float:
    """Largest px-per-font-unit scale at which the stacked lines fit a bw x bh box."""
    width = max(m.x1 - m.x0 for m in metrics)
    ink_top, ink_bottom, opt_top, opt_bottom = _stack_extents(metrics, lead_em, cap)
    height = max(ink_bottom, opt_bottom) - min(ink_top, opt_top)
    sx = bw / width if width > 0 else math.inf
    sy = bh / height if height > 0 else math.inf
    return min(sx, sy)


def _partition(widths: list[list[float]], n: int, k: int) -> list[int] | None:
    """Break n words into exactly k lines: minimal widest line first, then the most even line lengths.

    ``widths[i][j]`` is the width of words i..j-1 on one line (inf where not allowed); returns the k+1
    break indices.
    """
    inf = math.inf
    # phase 1: minimal possible widest line
    best = [[inf] * (n + 1) for _ in range(k + 1)]
    best[0][0] = 0.0
    for m in range(1, k + 1):
        for j in range(m, n + 1):
            for i in range(m - 1, j):
                if best[m - 1][i] < inf:
                    best[m][j] = min(best[m][j], max(best[m - 1][i], widths[i][j]))
    limit = best[k][n]
    if limit == inf:
        return None
    limit *= 1 + 1e-9
    # phase 2: under that limit, minimise the squared slack so lines come out balanced
    cost = [[inf] * (n + 1) for _ in range(k + 1)]
    back = [[0] * (n + 1) for _ in range(k + 1)]
    cost[0][0] = 0.0
    for m in range(1, k + 1):
        for j in range(m, n + 1):
            for i in range(m - 1, j):
                w = widths[i][j]
                if w <= limit and cost[m - 1][i] < inf:
                    c = cost[m - 1][i] + (limit - w) ** 2
                    if c < cost[m][j]:
                        cost[m][j] = c
                        back[m][j] = i
    breaks = [n]
    for m in range(k, 0, -1):
        breaks.append(back[m][breaks[-1]])
    return breaks[::-1]


def fit_text(
    text: str,
    face: FontFace,
    box: Box,
    *,
    max_size: float,
    min_size: float,
    line_height: float = 1.15,
    align: Align = "center",
    valign: VAlign = "middle",
    tracking: float = 0.0,
    max_lines: int = 3,
    uppercase: bool = False,
) -> TextBlock:
    """Set ``text`` as large as possible (≤ ``max_size``) inside ``box`` = (x0, y0, x1, y1).

    Lines break only at spaces (and always at newlines), preferring balanced lengths; fewer lines win
    unless more lines make the text noticeably larger. Vertical placement centres the cap-height block
    optically, then clamps so no ink leaves the box. If the text cannot fit at ``min_size`` it is set
    smaller (``below_min``); below a hard floor of max(2 px, min_size/2) it is still shrunk to fit and
    flagged ``overflow`` so the caller can shorten it. Ink never leaves the box.
    """
    _record(text)
    _check_size(max_size, "max_size")
    _check_size(min_size, "min_size")
    if min_size > max_size:
        raise InvalidParameter("min_size must not exceed max_size", param="min_size")
    if align not in ("left", "center", "right"):
        raise InvalidParameter(f"bad align {align!r}", param="align", allowed=["left", "center", "right"])
    if valign not in ("top", "middle", "bottom"):
        raise InvalidParameter(f"bad valign {valign!r}", param="valign", allowed=["top", "middle", "bottom"])
    if max_lines < 1:
        raise InvalidParameter("max_lines must be at least 1", param="max_lines")
    bx0, by0, bx1, by1 = box
    if not (bx1 > bx0 and by1 > by0):
        raise InvalidParameter(f"empty box {box!r}", param="box")
    inset = min(_INSET, (bx1 - bx0) / 4, (by1 - by0) / 4)
    bx0, by0, bx1, by1 = bx0 + inset, by0 + inset, bx1 - inset, by1 - inset
    bw, bh = bx1 - bx0, by1 - by0

    lf = load_font(face)
    cleaned = lf.clean(text.upper() if uppercase else text)
    paragraphs = [p.split() for p in cleaned.splitlines()]
    paragraphs = [p for p in paragraphs if p]
    words = [w for p in paragraphs for w in p]
    n = len(words)
    if n == 0:
        cx, cy = (bx0 + bx1) / 2, (by0 + by1) / 2
        return TextBlock(d="", bbox=(cx, cy, cx, cy), lines=(), font_size=min_size, face=face)
    forced: set[int] = set()  # word index that must end a line
    count = 0
    for p in paragraphs[:-1]:
        count += len(p)
        forced.add(count - 1)

    track = tracking / 1000.0 * lf.upem
    runs = [lf.shape(w, tracking) for w in words]
    gap = lf.shape(" ", tracking).advance + 2 * track
    metrics = _line_metrics(runs, gap, forced)
    widths = [[math.inf] * (n + 1) for _ in range(n + 1)]
    for (i, j), m in metrics.items():
        widths[i][j] = m.x1 - m.x0

    lead = line_height * lf.upem
    cap = lf.cap_height
    max_scale = max_size / lf.upem
    lo_k = len(paragraphs)
    hi_k = min(n, max(max_lines, lo_k))
    best: tuple[float, list[int]] | None = None
    for k in range(lo_k, hi_k + 1):
        breaks = _partition(widths, n, k)
        if breaks is None:
            continue
        ms = [metrics[breaks[t], breaks[t + 1]] for t in range(k)]
        scale = min(max_scale, _fit_scale(ms, lead, cap, bw, bh))
        if best is None or scale > best[0] * _MORE_LINES_GAIN:
            best = (scale, breaks)
    assert best is not None  # k = number of paragraphs is always feasible
    breaks = best[1]

    # exact pass: reshape the chosen lines (cross-word kerning, contextual forms) and solve the scale again
    lines = tuple(" ".join(words[breaks[t] : breaks[t + 1]]) for t in range(len(breaks) - 1))
    line_runs = [lf.shape(line, tracking) for line in lines]
    exact = [_Metrics(r.ink[0], r.ink[2], r.ink[3], r.ink[1]) if r.ink else _BLANK for r in line_runs]
    scale = min(max_scale, _fit_scale(exact, lead, cap, bw, bh))
    size = scale * lf.upem
    hard_floor = max(2.0, min_size / 2)

    ink_top, ink_bottom, opt_top, opt_bottom = (v * scale for v in _stack_extents(exact, lead, cap))
    if valign == "top":
        first = by0 - min(ink_top, opt_top)
    elif valign == "bottom":
        first = by1 - max(ink_bottom, opt_bottom)
    else:
        first = (by0 + by1) / 2 - (opt_top + opt_bottom) / 2
    # clamp: the optical position may push descenders or accents past an edge
    first = max(first, by0 - ink_top)
    first = min(first, by1 - ink_bottom)

    out: list[str] = []
    glyph_boxes: list[Box] = []
    line_boxes: list[Box] = []
    baselines: list[float] = []
    total: Box | None = None
    for t, (run, m) in enumerate(zip(line_runs, exact, strict=True)):
        y = first + t * lead * scale
        if align == "left":
            x = bx0 - m.x0 * scale
        elif align == "right":
            x = bx1 - m.x1 * scale
        else:
            x = (bx0 + bx1) / 2 - (m.x0 + m.x1) / 2 * scale
        lb = _draw_run(lf, run, scale, x, y, out, glyph_boxes) or (x, y, x, y)
        line_boxes.append(lb)
        baselines.append(y)
        total = _union(total, lb)
    assert total is not None
    return TextBlock(
        d=_ink(out),
        bbox=total,
        lines=lines,
        font_size=size,
        line_boxes=tuple(line_boxes),
        baselines=tuple(baselines),
        cap_height=cap * scale,
        x_height=lf.x_height * scale,
        advance=max(r.advance for r in line_runs) * scale,
        glyph_boxes=tuple(glyph_boxes),
        overflow=size < hard_floor,
        below_min=size < min_size * (1 - 1e-9),
        face=face,
    )


# -- text on a circle -------------------------------------------------------------------------------------


def arc_text(
    text: str,
    face: FontFace,
    size: float,
    cx: float,
    cy: float,
    radius: float,
    *,
    center_angle_deg: float = -90,
    inside: bool = False,
    tracking: float = 0.0,
    radial_align: Literal["baseline", "middle"] = "baseline",
    max_sweep_deg: float | None = None,
) -> TextBlock:
    """Text along a circle around (cx, cy), centred on ``center_angle_deg`` (SVG angles: 0 = right,
    90 = down, -90 = top).

    ``inside=False``: glyph tops point away from the centre and the text runs clockwise, which reads
    upright on a top arc. ``inside=True``: tops point to the centre and the text runs counter-clockwise,
    which reads upright left-to-right on a bottom arc. ``radius`` is the baseline radius, or with
    ``radial_align="middle"`` the radius the cap-height middle sits on (so top and bottom text of a ring
    band can share one radius). ``max_sweep_deg`` shrinks the size until the text spans at most that angle.
    """
    _record(text)
    _check_size(size)
    _check_size(radius, "radius")
    lf = load_font(face)
    line = lf.clean(_one_line(text))
    run = lf.shape(line, tracking)
    direction = -1.0 if inside else 1.0

    def radii(sz: float) -> tuple[float, float]:
        sc = sz / lf.upem
        rb = radius
        if radial_align == "middle":
            rb = radius - direction * lf.cap_height * sc / 2
        # space glyphs by the arc length at mid x-height, where the eye judges letter spacing
        rs = max(rb + direction * lf.x_height * sc / 2, 1e-6)
        return rb, rs

    if max_sweep_deg is not None and max_sweep_deg > 0:
        for _ in range(4):  # the spacing radius depends on the size; converges in a couple of steps
            _, rs = radii(size)
            sweep = math.degrees(run.advance * size / lf.upem / rs)
            if sweep <= max_sweep_deg * (1 + 1e-6):
                break
            size *= max_sweep_deg / sweep * 0.999
    scale = size / lf.upem
    rb, rs = radii(size)
    length = run.advance * scale
    theta_c = math.radians(center_angle_deg)

    out: list[str] = []
    boxes: list[Box] = []
    total: Box | None = None
    for gid, gx, gy, adv in zip(run.gids, run.xs, run.ys, run.advances, strict=True):
        outline = lf.outline(gid)
        if not outline:
            continue
        half = adv / 2 if adv else 0.0
        mid = (gx + half) * scale
        theta = theta_c + direction * (mid - length / 2) / rs
        cos_t, sin_t = math.cos(theta), math.sin(theta)
        px, py = cx + rb * cos_t, cy + rb * sin_t
        tx, ty = -direction * sin_t, direction * cos_t  # reading direction
        ux, uy = direction * cos_t, direction * sin_t  # glyph "up"
        e = px - half * scale * tx + gy * scale * ux
        f = py - half * scale * ty + gy * scale * uy
        box = emit_glyph(outline, scale * tx, scale * ty, scale * ux, scale * uy, e, f, out)
        if box is not None:
            boxes.append(box)
            total = _union(total, box)
    bbox = total or (cx, cy, cx, cy)
    return TextBlock(
        d=_ink(out),
        bbox=bbox,
        lines=(line,),
        font_size=size,
        line_boxes=(bbox,),
        cap_height=lf.cap_height * scale,
        x_height=lf.x_height * scale,
        advance=length,
        glyph_boxes=tuple(boxes),
        face=face,
    )
