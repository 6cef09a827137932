"""Infographic charts: a palette for them, and a board that draws one chart module inside a box.

Modules: bars, a donut with its legend, a line with its peak, progress-ring stats, one big figure, a pictogram.
These draw illustrative, seeded shapes and are used only when the prompt gives no figures of its own (their values
are never printed: a number the user did not give would be invented);
charts of the user's figures are in chart_figures.py, step diagrams in chart_steps.py, the page layout in
infographics.py. The typesetter records every string the board sets in the manifest's set_texts.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from artboard.colors import RGB, contrast_ratio, oklch
from artboard.composer import harmony
from artboard.composer.canvas import Node, num, rect_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.common import Box, distinct_icons, good_icons, readable, subject_queries, tone
from artboard.composer.typeset import fit_text

_NOISE = re.compile(
    r"\b(?:chart|charts|graph|graphs|infographic|infographics|information|data|step|steps|process|"
    r"about|poster|diagram|bar|bars|pie|donut|line|visuali[sz]ations?|stats|statistics|consumption|"
    r"usage|use|report|overview|facts|figures|numbers|\d+)\b"
)


class Paint:
    """The chart palette: series colours, a track colour for empty parts, ink for numbers, a card colour."""

    def __init__(self, ctx: Ctx) -> None:
        s = ctx.scheme
        self.ground = s.ground
        self.ink = s.ink
        series = [s.primary, s.accent, s.secondary]
        if not s.constrained:
            series.append(tone(ctx, s.primary, 0.2, 0.7))
        hues = harmony.chromatic(ctx.brief.colors)
        if not s.constrained and len(hues) == 1:
            # "brown tones", "blue": one hue named for the chart; its series are that hue's shades, light to dark.
            base = hues[0]
            series = [
                base,
                tone(ctx, base, -0.16),
                tone(ctx, base, 0.16, 0.8),
                tone(ctx, base, -0.3),
                tone(ctx, base, 0.28, 0.6),
            ]
        self.series = [c for i, c in enumerate(series) if c not in series[:i] and contrast_ratio(c, s.ground) > 1.2]
        if not self.series:
            self.series = [s.ink]
        self.main = self.series[0]
        self.hi = self.series[1] if len(self.series) > 1 else s.ink
        if s.constrained:
            self.card = s.surface if s.surface != s.ground else s.ground
            self.track = s.surface if s.surface != s.ground else s.secondary
            self.rule = self.track
        else:
            lightness = oklch(s.ground)[0]
            dark = lightness < 0.5
            self.card = tone(ctx, s.ground, 0.06 if dark else -0.03, 1.0) if s.background is not None else s.surface
            if not dark and s.background is not None and ctx.rng.random() < 0.5:
                self.card = s.surface
            self.track = tone(ctx, self.card, 0.08 if dark else -0.07, 1.0)
            self.rule = tone(ctx, self.card, 0.12 if dark else -0.12, 0.6)
        self.on_main = readable(self.main, [s.on_primary, s.ground, s.ink])

    def on(self, color: RGB) -> RGB:
        """The most readable ink for numbers and symbols set on `color`."""
        return readable(color, [self.ground, self.ink, self.on_main])

    @property
    def step_card(self) -> RGB:
        """The fill of a step's card or tile: the card colour, or the track when cards would not show."""
        return self.card if self.card != self.ground else self.track


def rounded_top(x: float, y: float, w: float, h: float, r: float) -> str:
    r = max(0.0, min(r, w / 2, h))
    return (
        f"M{num(x)} {num(y + h)}V{num(y + r)}A{num(r)} {num(r)} 0 0 1 {num(x + r)} {num(y)}"
        f"H{num(x + w - r)}A{num(r)} {num(r)} 0 0 1 {num(x + w)} {num(y + r)}V{num(y + h)}Z"
    )


def sector_d(cx: float, cy: float, r0: float, r1: float, a0: float, a1: float) -> str:
    """An annular sector between angles a0..a1 (degrees, clockwise from 12 o'clock)."""

    def pt(r: float, a: float) -> tuple[float, float]:
        t = math.radians(a - 90)
        return cx + r * math.cos(t), cy + r * math.sin(t)

    large = 1 if a1 - a0 > 180 else 0
    p0, p1 = pt(r1, a0), pt(r1, a1)
    q1, q0 = pt(r0, a1), pt(r0, a0)
    return (
        f"M{num(p0[0])} {num(p0[1])}A{num(r1)} {num(r1)} 0 {large} 1 {num(p1[0])} {num(p1[1])}"
        f"L{num(q1[0])} {num(q1[1])}A{num(r0)} {num(r0)} 0 {large} 0 {num(q0[0])} {num(q0[1])}Z"
    )


def smooth_d(points: Sequence[tuple[float, float]]) -> str:
    """Catmull-Rom through the points, as cubic Béziers."""
    d = f"M{num(points[0][0])} {num(points[0][1])}"
    for i in range(len(points) - 1):
        p0 = points[max(0, i - 1)]
        p1, p2 = points[i], points[i + 1]
        p3 = points[min(len(points) - 1, i + 2)]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        d += f"C{num(c1[0])} {num(c1[1])} {num(c2[0])} {num(c2[1])} {num(p2[0])} {num(p2[1])}"
    return d


def _pct(v: float) -> str:
    return f"{round(v * 100)}%"


# Counts said in words ("five stages", "three categories"), as far as a chart or a step diagram goes.
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_LIST_WORDS = frozenset(
    "step steps tip tips way ways reason reasons rule rules habit habits idea ideas fact facts".split()
)


class Board:
    """Places modules of an infographic; each module draws inside a box."""

    def __init__(self, ctx: Ctx, art: Node, paint: Paint, cards: bool) -> None:
        self.ctx = ctx
        self.art = art
        self.paint = paint
        self.cards = cards
        self.queries = [
            q for q in (_NOISE.sub(" ", q).strip() for q in subject_queries(ctx)) if q and q not in _LIST_WORDS
        ]
        if not self.queries and ctx.brief.headline and not ctx.brief.items:
            # "5 Steps to Better Sleep": the title's own things are the topic (a bed, a moon), not "steps"
            from artboard.composer import reading
            from artboard.composer.lexicon import LEXICON

            nouns = [t.noun for t in reading.read(ctx.brief.headline).things if t.noun not in _LIST_WORDS]
            self.queries = list(dict.fromkeys(q for n in nouns for q in (n, *LEXICON.get(n, ()))))
        self.icons = distinct_icons(ctx, self.queries[:3], 4, solid=True, min_score=0.7) if self.queries else []
        # The smallest size a chart label may take before its chart changes layout (ctx.text's own floor).
        self.min_text = max(10.0, ctx.short * 0.018)
        self._ids: dict[str, int] = {}

    def ids(self, kind: str) -> str:
        """The id prefix for a chart's marks: "bar" for the first bar chart (bar-0, bar-1…), "bar2" for the next."""
        self._ids[kind] = self._ids.get(kind, 0) + 1
        count = self._ids[kind]
        return kind if count == 1 else f"{kind}{count}"

    # frames -------------------------------------------------------------------------------------------
    def frame(self, box: Box) -> Box:
        """A card (or nothing, swiss style) behind a module; returns the inner box."""
        x0, y0, x1, y1 = box
        pad = self.ctx.short * 0.035
        if self.cards:
            self.art.path(rect_d(x0, y0, x1 - x0, y1 - y0, self.ctx.short * 0.025), self.paint.card)
            return (x0 + pad, y0 + pad, x1 - pad, y1 - pad)
        self.art.rect(x0, y0, x1 - x0, max(1.0, self.ctx.short * 0.003), self.paint.ink)
        return (x0, y0 + pad * 0.8, x1, y1)

    def seeded_number(self, text: str, box: Box, *_args: object, **_kw: object) -> Box:
        """Where an illustrative module would print one of its seeded values: nothing. A figure the user did
        not give is never set ("38%" on a chart of nothing is an invented fact); the shapes stay as graphics."""
        return box

    def number(
        self,
        text: str,
        box: Box,
        color: RGB,
        *,
        align: str = "center",
        weight: int | None = None,
        display: bool = False,
        max_size: float | None = None,
    ) -> Box:
        x0, y0, x1, y1 = box
        if x1 - x0 < 4 or y1 - y0 < 4:  # no room left for a figure in a cramped module: leave it out
            return box
        size = min(max_size, y1 - y0) if max_size else None
        block = self.ctx.text(
            self.art,
            text,
            box,
            color,
            purpose="display" if display else "body",
            weight=weight or (None if display else 600),
            align=align,  # type: ignore[arg-type]
            max_lines=1,
            max_size=size,
            min_size=min(4.0, size or 4.0),
            name="figure",
        )
        return block.bbox

    def label_size(
        self, items: Sequence[tuple[str, Box]], *, weight: int = 600, max_lines: int = 2, cap: float | None = None
    ) -> float:
        """The common size at which every label fits its box (at most `cap`); 0 when a box is empty."""
        face = self.ctx.face("body", weight)
        size = math.inf
        for text, (x0, y0, x1, y1) in items:
            top = min(cap or (y1 - y0), y1 - y0)
            if x1 - x0 < 2 or top < 2:
                return 0.0
            block = fit_text(text, face, (x0, y0, x1, y1), max_size=top, min_size=min(4.0, top), max_lines=max_lines)
            size = min(size, block.font_size)
        return 0.0 if size == math.inf else size

    def labels(
        self,
        items: Sequence[tuple[str, Box]],
        color: RGB,
        *,
        weight: int = 600,
        align: str = "center",
        max_lines: int = 2,
        size: float | None = None,
        cap: float | None = None,
    ) -> list[Box]:
        """Set labels at one common size (the largest that fits every box, or `size`); records each one."""
        if not items:
            return []
        size = size or self.label_size(items, weight=weight, max_lines=max_lines, cap=cap)
        out = []
        for text, box in items:
            if box[2] - box[0] < 2 or box[3] - box[1] < 2 or size <= 0:
                continue
            block = self.ctx.text(
                self.art,
                text,
                box,
                color,
                purpose="body",
                weight=weight,
                max_size=size,
                min_size=min(size, 4.0),
                align=align,  # type: ignore[arg-type]
                max_lines=max_lines,
                name="label",
            )
            out.append(block.bbox)
        return out

    def _grid(self, x0: float, x1: float, top: float, base: float) -> None:
        """Four hairlines from the base line up to the top of the value range."""
        for g in range(4):
            gy = base - (base - top) * g / 3
            self.art.rect(x0, gy - 0.5, x1 - x0, max(1.0, self.ctx.short * 0.0025), self.paint.track)

    # modules ------------------------------------------------------------------------------------------
    def bars(self, box: Box, n: int | None = None, labels: bool = True, names: Sequence[str] = ()) -> None:
        """Illustrative bars; `names` are the series the prompt names without figures ("Q1 to Q4"), one bar each
        and set under it (their heights stay illustrative and unnumbered)."""
        ctx, paint = self.ctx, self.paint
        x0, y0, x1, y1 = self.frame(box)
        n = len(names) if names else n or ctx.rng.randint(5, 7)
        values = [ctx.rng.uniform(0.28, 0.96) for _ in range(n)]
        if ctx.rng.random() < 0.4:
            values.sort()
        hi = max(range(n), key=lambda i: values[i])
        icon_row = bool(self.icons) and (x1 - x0) / n > ctx.short * 0.05 and not names
        label_h = min(ctx.short * 0.034, (x1 - x0) / n * 0.32) if labels else 0.0
        icon_h = min((x1 - x0) / n * 0.5, ctx.short * 0.065) if icon_row else 0.0
        name_h = min(ctx.short * 0.04, (x1 - x0) / n * 0.4) if names else 0.0
        base = y1 - (icon_h * 1.5 if icon_row else name_h * 1.6 if names else ctx.short * 0.01)
        top = y0 + label_h * 1.5
        slot = (x1 - x0) / n
        self._grid(x0, x1, top, base)
        bar_w = slot * 0.58
        for i, v in enumerate(values):
            bh = (base - top) * v
            bx = x0 + slot * i + (slot - bar_w) / 2
            color = paint.hi if i == hi else paint.main
            self.art.path(rounded_top(bx, base - bh, bar_w, bh, bar_w * 0.22), color)
            if labels:
                self.seeded_number(
                    _pct(v),
                    (bx - slot * 0.2, base - bh - label_h * 1.35, bx + bar_w + slot * 0.2, base - bh - label_h * 0.3),
                    paint.ink,
                )
            if names:
                ctx.text(self.art, names[i], (bx - slot * 0.2, base + name_h * 0.3, bx + bar_w + slot * 0.2,
                         base + name_h * 1.4), paint.ink, purpose="body", weight=600, max_lines=1,
                         name=f"series-{i}")  # fmt: skip
            if icon_row:
                icon = self.icons[i % len(self.icons)]
                ctx.draw_icon(
                    self.art, icon, bx + bar_w / 2, base + icon_h * 0.85, icon_h, paint.ink, name="label-icon"
                )

    def donut(self, box: Box, legend: bool = True) -> None:
        ctx, paint = self.ctx, self.paint
        x0, y0, x1, y1 = self.frame(box)
        k = min(len(paint.series), ctx.rng.randint(3, 4))
        said = re.search(r"\b(\d|two|three|four|five|six|seven|eight)\s+(?:categories|segments|slices|parts|groups)\b",
                         ctx.brief.prompt, re.I)  # fmt: skip
        if said:
            # "a pie chart with 5 categories": as many segments as it says, their shares still unnumbered
            k = min(8, int(said.group(1)) if said.group(1).isdigit() else NUMBER_WORDS[said.group(1).lower()])
        k = max(2, k)
        raw = [ctx.rng.uniform(0.5, 1.6) for _ in range(k)]
        raw.sort(reverse=True)
        total = sum(raw)
        shares = [v / total for v in raw]
        # Whole percentages that add up to 100.
        pcts = [round(s * 100) for s in shares]
        pcts[0] += 100 - sum(pcts)
        w, h = x1 - x0, y1 - y0
        side = legend and w > h * 1.25
        below = legend and not side
        if side:
            r = min(h / 2, w * 0.3)
            cx, cy = x0 + r, (y0 + y1) / 2
        elif below:
            r = min(w / 2, h * 0.34)
            cx, cy = (x0 + x1) / 2, y0 + r
        else:
            r = min(w, h) / 2
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        inner = r * ctx.rng.uniform(0.56, 0.66)
        gap = 1.6 if k > 1 else 0.0
        angle = 0.0
        for i, p in enumerate(pcts):
            sweep = p * 3.6
            self.art.path(
                sector_d(cx, cy, inner, r, angle + gap / 2, angle + sweep - gap / 2),
                paint.series[i % len(paint.series)],
            )
            angle += sweep
        self.seeded_number(
            f"{pcts[0]}%",
            (cx - inner * 0.72, cy - inner * 0.3, cx + inner * 0.72, cy + inner * 0.3),
            paint.ink,
            display=True,
        )
        if not legend:
            return
        rows = k
        if side:
            lx0, ly0, lx1, ly1 = cx + r + w * 0.08, y0 + h * 0.12, x1, y1 - h * 0.12
        else:
            lx0, ly0, lx1, ly1 = x0 + w * 0.1, cy + r + h * 0.06, x1 - w * 0.1, y1
        row_h = min((ly1 - ly0) / rows, ctx.short * 0.08)
        top = (ly0 + ly1) / 2 - row_h * rows / 2
        for i in range(rows):
            ry = top + row_h * i + row_h / 2
            sw = row_h * 0.42
            self.art.path(rect_d(lx0, ry - sw / 2, sw, sw, sw * 0.3), paint.series[i % len(paint.series)])
            tx = lx0 + sw * 1.6
            if self.icons and lx1 - tx > sw * 1.9 + row_h * 1.2:  # the icon only where the number still fits
                icon = self.icons[i % len(self.icons)]
                ctx.draw_icon(self.art, icon, tx + sw * 0.6, ry, sw * 1.25, paint.ink, name="legend-icon")
                tx += sw * 1.9
            self.seeded_number(
                f"{pcts[i]}%", (tx, ry - sw * 0.6, min(lx1, tx + row_h * 3), ry + sw * 0.6), paint.ink, align="left"
            )

    def line(self, box: Box, names: Sequence[str] = ()) -> None:
        """An illustrative trend; `names` are the points the prompt names ("from 2019 to 2024"), set under them."""
        ctx, paint = self.ctx, self.paint
        x0, y0, x1, y1 = self.frame(box)
        n = max(2, len(names)) if names else ctx.rng.randint(6, 9)
        v = ctx.rng.uniform(0.25, 0.45)
        values = []
        for _ in range(n):
            v = min(0.95, max(0.1, v + ctx.rng.uniform(-0.12, 0.2)))
            values.append(v)
        label_h = ctx.short * 0.03
        name_h = min(ctx.short * 0.04, (x1 - x0) / n * 0.4) if names else 0.0
        top, base = y0 + label_h * 2.2, y1 - (name_h * 1.6 if names else ctx.short * 0.01)
        self._grid(x0, x1, top, base)
        pad = (x1 - x0) * 0.04
        pts = [
            (x0 + pad + (x1 - x0 - 2 * pad) * i / (n - 1), base - (base - top) * val) for i, val in enumerate(values)
        ]
        area = smooth_d(pts) + f"L{num(pts[-1][0])} {num(base)}L{num(pts[0][0])} {num(base)}Z"
        fill = tone(ctx, paint.main, 0.3, 0.5, fallback=paint.track)
        if contrast_ratio(fill, paint.card if self.cards else paint.ground) < 1.08:
            fill = paint.track
        self.art.path(area, fill)
        stroke = max(2.0, ctx.short * 0.007)
        self.art.path(smooth_d(pts), None, stroke=paint.main, stroke_width=round(stroke, 2), stroke_linecap="round")
        peak = max(range(n), key=lambda i: values[i])
        slot = (x1 - x0 - 2 * pad) / max(1, n - 1)
        for i, name in enumerate(names):
            px = pts[i][0]
            ctx.text(self.art, name, (px - slot * 0.48, base + name_h * 0.3, px + slot * 0.48, base + name_h * 1.4),
                     paint.ink, purpose="body", weight=600, max_lines=1, name=f"series-{i}")  # fmt: skip
        for i, (px, py) in enumerate(pts):
            rr = stroke * (1.9 if i == peak else 1.3)
            self.art.circle(
                px,
                py,
                rr,
                paint.card if self.cards else paint.ground,
                stroke=paint.hi if i == peak else paint.main,
                stroke_width=round(stroke * 0.8, 2),
            )
        px, py = pts[peak]
        bw, bh = label_h * 2.9, label_h * 1.45
        bx = min(max(px - bw / 2, x0), x1 - bw)
        by = py - rr - bh - label_h * 0.35
        self.art.path(rect_d(bx, by, bw, bh, bh / 2), paint.hi)
        self.seeded_number(
            _pct(values[peak]), (bx + bh * 0.25, by + bh * 0.2, bx + bw - bh * 0.25, by + bh * 0.8), paint.on(paint.hi)
        )

    def stats(self, box: Box, count: int = 3, vertical: bool = False) -> None:
        """Progress rings, each with a symbol (when there is one) and its own value."""
        ctx, paint = self.ctx, self.paint
        x0, y0, x1, y1 = self.frame(box)
        w, h = x1 - x0, y1 - y0
        ratio = h / w if vertical else w / h
        count = max(1, min(count, round(ratio * (1.0 if self.icons else 1.3))))
        for i in range(count):
            if vertical:
                cx0, cy0, cx1, cy1 = x0, y0 + h * i / count, x1, y0 + h * (i + 1) / count
            else:
                cx0, cy0, cx1, cy1 = x0 + w * i / count, y0, x0 + w * (i + 1) / count, y1
            value = ctx.rng.uniform(0.35, 0.92)
            cw, ch = cx1 - cx0, cy1 - cy0
            side = cw > ch * 1.6
            if side:
                r = min(ch * 0.4, cw * 0.22)
                rx, ry = cx0 + r + cw * 0.06, (cy0 + cy1) / 2
            else:
                r = min(cw * 0.32, ch * 0.3)
                rx, ry = (cx0 + cx1) / 2, cy0 + ch * 0.08 + r
            thick = r * 0.2
            self.art.path(sector_d(rx, ry, r - thick, r, 0, 359.99), paint.track)
            color = paint.series[i % len(paint.series)]
            self.art.path(sector_d(rx, ry, r - thick, r, 0, value * 360), color)
            if self.icons:
                ctx.draw_icon(self.art, self.icons[i % len(self.icons)], rx, ry, r * 0.95, paint.ink, name="stat-icon")
            else:
                self.seeded_number(_pct(value), (rx - r * 0.6, ry - r * 0.3, rx + r * 0.6, ry + r * 0.3), paint.ink)
                continue
            if side:
                self.seeded_number(
                    _pct(value),
                    (rx + r * 1.35, ry - r * 0.45, cx1, ry + r * 0.45),
                    paint.ink,
                    align="left",
                    display=True,
                )
            else:
                self.seeded_number(
                    _pct(value),
                    (cx0 + cw * 0.1, ry + r * 1.25, cx1 - cw * 0.1, min(cy1, ry + r * 1.95)),
                    paint.ink,
                    display=True,
                )

    def bignum(self, box: Box) -> None:
        """One big figure and a bar that shows it: the swiss-poster statistic."""
        ctx, paint = self.ctx, self.paint
        x0, y0, x1, y1 = self.frame(box)
        w, h = x1 - x0, y1 - y0
        value = ctx.rng.randint(18, 92) / 100
        bar_h = max(3.0, h * 0.06)
        fig = self.seeded_number(
            _pct(value), (x0, y0, x1 - w * 0.05, y1 - bar_h * 3.2), paint.main, align="left", display=True
        )
        top = min(y1 - bar_h, fig[3] + bar_h * 1.6)
        self.art.rect(x0, top, w, bar_h, paint.track)
        self.art.rect(x0, top, w * value, bar_h, paint.hi)
        if self.icons:
            size = min(h * 0.3, w * 0.2)
            if fig[2] + size * 1.3 < x1:
                ctx.draw_icon(self.art, self.icons[0], x1 - size / 2, y0 + size / 2, size, paint.ink, name="stat-icon")

    def pictogram(self, box: Box) -> None:
        """Ten symbols, some filled: an isotype share."""
        ctx, paint = self.ctx, self.paint
        x0, y0, x1, y1 = self.frame(box)
        icon = self.icons[0] if self.icons else next(iter(good_icons("person", 1, solid=True)), None)
        if icon is None:
            return
        filled = ctx.rng.randint(3, 8)
        w, h = x1 - x0, y1 - y0
        num_w = w * 0.3 if w > h * 1.6 else 0.0
        num_h = h * 0.22 if h > w * 1.3 else 0.0
        cols = max((2, 5, 10), key=lambda c: min((w - num_w) / c, (h - num_h) / (10 // c)))
        rows = 10 // cols
        cell = min((w - num_w) / cols, (h - num_h) / rows)
        gx = x0 + num_w + ((w - num_w) - cell * cols) / 2
        gy = y0 + num_h + (h - num_h - cell * rows) / 2
        for k in range(10):
            cx = gx + cell * (k % cols + 0.5)
            cy = gy + cell * (k // cols + 0.5)
            ctx.draw_icon(
                self.art, icon, cx, cy, cell * 0.72, paint.main if k < filled else paint.track, name="pictogram"
            )
        if num_w:
            self.seeded_number(
                f"{filled * 10}%",
                (x0, y0 + h * 0.2, x0 + num_w * 0.9, y1 - h * 0.2),
                paint.hi,
                align="left",
                display=True,
            )
        elif num_h:
            self.seeded_number(f"{filled * 10}%", (x0, y0, x1, y0 + num_h * 0.8), paint.hi, display=True)
