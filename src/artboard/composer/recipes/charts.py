"""Infographics: seeded bar, donut and line charts, numbered steps, pictograms and stat tiles on a grid.

No invented words: numbers are the charts' own values ("42%") or step numbers, subject icons stand in for
labels, and the only text is what the brief gives (headline, tagline, further quoted strings as step labels).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from artboard.colors import RGB, contrast_ratio, oklch
from artboard.composer import icons
from artboard.composer.canvas import Node, num, rect_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics import (
    distinct_icons,
    good_icons,
    has_word,
    readable,
    subject_queries,
    title_block,
    tone,
    uniform_labels,
)

Box = tuple[float, float, float, float]

_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# Icons that read as the stages of a generic process, when the prompt's own subjects give too few.
_PROCESS_ICONS = ("lightbulb idea", "pencil plan", "gear settings", "rocket launch", "trophy award", "chart growth")
_ONBOARDING_ICONS = ("user plus signup", "id card profile", "settings sliders", "rocket launch", "check circle")


_NOISE = re.compile(r"\b(?:chart|charts|graph|graphs|infographic|infographics|information|data|step|steps|process|"
                    r"about|poster|diagram|bar|bars|pie|donut|line|visuali[sz]ations?|stats|statistics|consumption|"
                    r"usage|use|report|overview|facts|figures|numbers|\d+)\b")


class Paint:
    """The chart palette: series colours, a track colour for empty parts, ink for numbers, a card colour."""

    def __init__(self, ctx: Ctx) -> None:
        s = ctx.scheme
        self.ground = s.ground
        self.ink = s.ink
        series = [s.primary, s.accent, s.secondary]
        if not s.constrained:
            series.append(tone(ctx, s.primary, 0.2, 0.7))
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
                self.card = tone(ctx, s.primary, 0.0, 0.0) if False else s.surface
            self.track = tone(ctx, self.card, 0.08 if dark else -0.07, 1.0)
            self.rule = tone(ctx, self.card, 0.12 if dark else -0.12, 0.6)
        self.on_main = readable(self.main, [s.on_primary, s.ground, s.ink])


def _rounded_top(x: float, y: float, w: float, h: float, r: float) -> str:
    r = max(0.0, min(r, w / 2, h))
    return (f"M{num(x)} {num(y + h)}V{num(y + r)}A{num(r)} {num(r)} 0 0 1 {num(x + r)} {num(y)}"
            f"H{num(x + w - r)}A{num(r)} {num(r)} 0 0 1 {num(x + w)} {num(y + r)}V{num(y + h)}Z")


def _sector(cx: float, cy: float, r0: float, r1: float, a0: float, a1: float) -> str:
    """An annular sector between angles a0..a1 (degrees, clockwise from 12 o'clock)."""
    def pt(r: float, a: float) -> tuple[float, float]:
        t = math.radians(a - 90)
        return cx + r * math.cos(t), cy + r * math.sin(t)

    large = 1 if a1 - a0 > 180 else 0
    p0, p1 = pt(r1, a0), pt(r1, a1)
    q1, q0 = pt(r0, a1), pt(r0, a0)
    return (f"M{num(p0[0])} {num(p0[1])}A{num(r1)} {num(r1)} 0 {large} 1 {num(p1[0])} {num(p1[1])}"
            f"L{num(q1[0])} {num(q1[1])}A{num(r0)} {num(r0)} 0 {large} 0 {num(q0[0])} {num(q0[1])}Z")


def _smooth(points: Sequence[tuple[float, float]]) -> str:
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


class Board:
    """Places modules of an infographic; each module draws inside a box."""

    def __init__(self, ctx: Ctx, art: Node, paint: Paint, cards: bool) -> None:
        self.ctx = ctx
        self.art = art
        self.paint = paint
        self.cards = cards
        self.queries = [q for q in (_NOISE.sub(" ", q).strip() for q in subject_queries(ctx)) if q]
        self.icons = distinct_icons(ctx, self.queries[:3], 4, solid=True, min_score=0.7) if self.queries else []

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

    def number(self, text: str, box: Box, color: RGB, *, align: str = "center", weight: int | None = None,
               display: bool = False) -> Box:
        block = self.ctx.text(self.art, text, box, color, purpose="display" if display else "body",
                              weight=weight or (None if display else 600), align=align, max_lines=1,  # type: ignore[arg-type]
                              min_size=4.0, name="figure")
        return block.bbox

    # modules ------------------------------------------------------------------------------------------
    def bars(self, box: Box, n: int | None = None, labels: bool = True) -> None:
        ctx, paint = self.ctx, self.paint
        x0, y0, x1, y1 = self.frame(box)
        n = n or ctx.rng.randint(5, 7)
        values = [ctx.rng.uniform(0.28, 0.96) for _ in range(n)]
        if ctx.rng.random() < 0.4:
            values.sort()
        hi = max(range(n), key=lambda i: values[i])
        icon_row = bool(self.icons) and (x1 - x0) / n > ctx.short * 0.05
        label_h = min(ctx.short * 0.034, (x1 - x0) / n * 0.32) if labels else 0.0
        icon_h = min((x1 - x0) / n * 0.5, ctx.short * 0.065) if icon_row else 0.0
        base = y1 - (icon_h * 1.5 if icon_row else ctx.short * 0.01)
        top = y0 + label_h * 1.5
        slot = (x1 - x0) / n
        for g in range(4):
            gy = base - (base - top) * g / 3
            self.art.rect(x0, gy - 0.5, x1 - x0, max(1.0, ctx.short * 0.0025), paint.track)
        bar_w = slot * 0.58
        for i, v in enumerate(values):
            bh = (base - top) * v
            bx = x0 + slot * i + (slot - bar_w) / 2
            color = paint.hi if i == hi else paint.main
            self.art.path(_rounded_top(bx, base - bh, bar_w, bh, bar_w * 0.22), color)
            if labels:
                self.number(_pct(v), (bx - slot * 0.2, base - bh - label_h * 1.35, bx + bar_w + slot * 0.2,
                                      base - bh - label_h * 0.3), paint.ink)
            if icon_row:
                icon = self.icons[i % len(self.icons)]
                ctx.draw_icon(self.art, icon, bx + bar_w / 2, base + icon_h * 0.85, icon_h, paint.ink,
                              name="label-icon")

    def donut(self, box: Box, legend: bool = True) -> None:
        ctx, paint = self.ctx, self.paint
        x0, y0, x1, y1 = self.frame(box)
        k = min(len(paint.series), ctx.rng.randint(3, 4))
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
            self.art.path(_sector(cx, cy, inner, r, angle + gap / 2, angle + sweep - gap / 2),
                          paint.series[i % len(paint.series)])
            angle += sweep
        self.number(f"{pcts[0]}%", (cx - inner * 0.72, cy - inner * 0.3, cx + inner * 0.72, cy + inner * 0.3),
                    paint.ink, display=True)
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
            if self.icons:
                icon = self.icons[i % len(self.icons)]
                ctx.draw_icon(self.art, icon, tx + sw * 0.6, ry, sw * 1.25, paint.ink, name="legend-icon")
                tx += sw * 1.9
            self.number(f"{pcts[i]}%", (tx, ry - sw * 0.6, min(lx1, tx + row_h * 3), ry + sw * 0.6), paint.ink,
                        align="left")

    def line(self, box: Box) -> None:
        ctx, paint = self.ctx, self.paint
        x0, y0, x1, y1 = self.frame(box)
        n = ctx.rng.randint(6, 9)
        v = ctx.rng.uniform(0.25, 0.45)
        values = []
        for _ in range(n):
            v = min(0.95, max(0.1, v + ctx.rng.uniform(-0.12, 0.2)))
            values.append(v)
        label_h = ctx.short * 0.03
        top, base = y0 + label_h * 2.2, y1 - ctx.short * 0.01
        for g in range(4):
            gy = base - (base - top) * g / 3
            self.art.rect(x0, gy - 0.5, x1 - x0, max(1.0, ctx.short * 0.0025), paint.track)
        pad = (x1 - x0) * 0.04
        pts = [(x0 + pad + (x1 - x0 - 2 * pad) * i / (n - 1), base - (base - top) * val) for i, val in
               enumerate(values)]
        area = _smooth(pts) + f"L{num(pts[-1][0])} {num(base)}L{num(pts[0][0])} {num(base)}Z"
        fill = tone(ctx, paint.main, 0.3, 0.5, fallback=paint.track)
        if contrast_ratio(fill, paint.card if self.cards else paint.ground) < 1.08:
            fill = paint.track
        self.art.path(area, fill)
        stroke = max(2.0, ctx.short * 0.007)
        self.art.path(_smooth(pts), None, stroke=paint.main, stroke_width=round(stroke, 2), stroke_linecap="round")
        peak = max(range(n), key=lambda i: values[i])
        for i, (px, py) in enumerate(pts):
            rr = stroke * (1.9 if i == peak else 1.3)
            self.art.circle(px, py, rr, paint.card if self.cards else paint.ground, stroke=paint.hi if i == peak else
                            paint.main, stroke_width=round(stroke * 0.8, 2))
        px, py = pts[peak]
        bw, bh = label_h * 2.9, label_h * 1.45
        bx = min(max(px - bw / 2, x0), x1 - bw)
        by = py - rr - bh - label_h * 0.35
        self.art.path(rect_d(bx, by, bw, bh, bh / 2), paint.hi)
        self.number(_pct(values[peak]), (bx + bh * 0.25, by + bh * 0.2, bx + bw - bh * 0.25, by + bh * 0.8),
                    readable(paint.hi, [paint.ground, paint.ink, paint.on_main]))

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
            self.art.path(_sector(rx, ry, r - thick, r, 0, 359.99), paint.track)
            color = paint.series[i % len(paint.series)]
            self.art.path(_sector(rx, ry, r - thick, r, 0, value * 360), color)
            if self.icons:
                ctx.draw_icon(self.art, self.icons[i % len(self.icons)], rx, ry, r * 0.95, paint.ink, name="stat-icon")
            else:
                self.number(_pct(value), (rx - r * 0.6, ry - r * 0.3, rx + r * 0.6, ry + r * 0.3), paint.ink)
                continue
            if side:
                self.number(_pct(value), (rx + r * 1.35, ry - r * 0.45, cx1, ry + r * 0.45), paint.ink,
                            align="left", display=True)
            else:
                self.number(_pct(value), (cx0 + cw * 0.1, ry + r * 1.25, cx1 - cw * 0.1, min(cy1, ry + r * 1.95)),
                            paint.ink, display=True)

    def bignum(self, box: Box) -> None:
        """One big figure and a bar that shows it: the swiss-poster statistic."""
        ctx, paint = self.ctx, self.paint
        x0, y0, x1, y1 = self.frame(box)
        w, h = x1 - x0, y1 - y0
        value = ctx.rng.randint(18, 92) / 100
        bar_h = max(3.0, h * 0.06)
        fig = self.number(_pct(value), (x0, y0, x1 - w * 0.05, y1 - bar_h * 3.2), paint.main, align="left",
                          display=True)
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
        icon = self.icons[0] if self.icons else _first(good_icons("person", 1, solid=True))
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
            ctx.draw_icon(self.art, icon, cx, cy, cell * 0.72, paint.main if k < filled else paint.track,
                          name="pictogram")
        if num_w:
            self.number(f"{filled * 10}%", (x0, y0 + h * 0.2, x0 + num_w * 0.9, y1 - h * 0.2), paint.hi,
                        align="left", display=True)
        elif num_h:
            self.number(f"{filled * 10}%", (x0, y0, x1, y0 + num_h * 0.8), paint.hi, display=True)

    def steps(self, box: Box, n: int, labels: Sequence[str]) -> str:
        ctx = self.ctx
        x0, y0, x1, y1 = box
        w, h = x1 - x0, y1 - y0
        step_icons = self._step_icons(n)
        horizontal = w / h >= (0.8 if n <= 4 else 1.15)
        if horizontal and w / h >= 1.5:
            styles = ["cards", "circles", "chevrons"]
        elif horizontal:
            styles = ["cards", "cards", "circles"] if not labels else ["cards", "circles"]
        else:
            styles = ["cards", "cards", "circles"]
        style = styles[ctx.rng.randrange(len(styles))]
        if style == "cards":
            self._cards(box, n, step_icons, labels, horizontal)
        elif style == "chevrons":
            self._chevrons(box, n, step_icons, labels)
        else:
            self._circles(box, n, step_icons, labels, horizontal)
        return style

    def _cards(self, box: Box, n: int, step_icons: list[icons.Icon], labels: Sequence[str], horizontal: bool
               ) -> None:
        ctx, paint = self.ctx, self.paint
        x0, y0, x1, y1 = box
        w, h = x1 - x0, y1 - y0
        gutter = ctx.short * 0.05
        card_fill = paint.card if paint.card != paint.ground else paint.track
        grid = n == 4 and 0.75 <= w / h <= 1.4
        if grid:
            cw = (w - gutter) / 2
            ch = min((h - gutter) / 2, cw * 1.15)
            top = y0 + (h - ch * 2 - gutter) / 2
            rects = [(x0 + (i % 2) * (cw + gutter), top + (i // 2) * (ch + gutter), cw, ch) for i in range(n)]
            horizontal = True
        elif horizontal:
            cw = (w - gutter * (n - 1)) / n
            ch = min(h * 0.86, cw * 2.1)
            top = y0 + (h - ch) / 2
            rects = [(x0 + i * (cw + gutter), top, cw, ch) for i in range(n)]
        else:
            ch = (h - gutter * (n - 1)) / n
            cw = min(w, ch * (3.4 if labels else 2.3))
            left = x0 + (w - cw) / 2
            rects = [(left, y0 + i * (ch + gutter), cw, ch) for i in range(n)]
        radius = min(cw, ch) * 0.08
        label_items: list[tuple[str, Box]] = []
        for i, (rx, ry, rw, rh) in enumerate(rects):
            color = paint.hi if i == n - 1 else paint.main
            self.art.path(rect_d(rx, ry, rw, rh, radius), card_fill)
            pad = min(rw, rh) * 0.12
            label = labels[i] if i < len(labels) else None
            if horizontal:
                self.number(f"{i + 1:02d}", (rx + pad, ry + pad, rx + rw - pad, ry + pad + rh * 0.14), color,
                            align="left", display=True)
                self.art.rect(rx + pad, ry + pad + rh * 0.19, rw * 0.16, max(2.0, rh * 0.012), color)
                label_top = ry + rh * 0.76
                if step_icons:
                    free_top = ry + pad + rh * 0.22
                    free_bottom = (label_top - pad * 0.4) if label else (ry + rh - pad)
                    size = min(rw * 0.5, (free_bottom - free_top) / 1.8)
                    icy = (free_top + free_bottom) / 2
                    self.art.circle(rx + rw / 2, icy, size * 0.82, color)
                    ctx.draw_icon(self.art, step_icons[i], rx + rw / 2, icy, size * 0.9,
                                  readable(color, [paint.ground, paint.ink, paint.on_main]), name="step-icon")
                if label:
                    label_items.append((label, (rx + pad * 0.6, label_top, rx + rw - pad * 0.6,
                                                min(ry + rh - pad * 0.6, label_top + ctx.short * 0.09))))
            else:
                self.number(f"{i + 1:02d}", (rx + pad, ry + rh * 0.25, rx + rh * 0.9, ry + rh * 0.75), color,
                            align="left", display=True)
                tx = rx + rh * 1.05
                if step_icons:
                    size = rh * 0.58
                    self.art.circle(tx + size / 2, ry + rh / 2, size * 0.62, color)
                    ctx.draw_icon(self.art, step_icons[i], tx + size / 2, ry + rh / 2, size * 0.7,
                                  readable(color, [paint.ground, paint.ink, paint.on_main]), name="step-icon")
                    tx += size * 1.5
                if label:
                    label_items.append((label, (tx, ry + rh * 0.3, rx + rw - pad, ry + rh * 0.7)))
        if label_items:
            uniform_labels(ctx, self.art, label_items, paint.ink, align="center" if horizontal else "left")
        # Connectors: a disc with a chevron straddling each gutter.
        for i in range(n - 1):
            rx, ry, rw, rh = rects[i]
            if grid and i == 1:
                continue  # the reading order wraps to the next row; no arrow across the grid
            if horizontal:
                cx, cy = rx + rw + gutter / 2, ry + rh / 2
                ang = 0.0
            else:
                cx, cy = rx + rw / 2, ry + rh + gutter / 2
                ang = 90.0
            rr = gutter * 0.62
            self.art.circle(cx, cy, rr, paint.ground, stroke=card_fill, stroke_width=round(gutter * 0.12, 2))
            k = rr * 0.36
            self.art.path(f"M{num(cx - k * 0.5)} {num(cy - k)}L{num(cx + k * 0.6)} {num(cy)}L{num(cx - k * 0.5)} "
                          f"{num(cy + k)}", None, stroke=paint.main, stroke_width=round(rr * 0.2, 2),
                          stroke_linecap="round", stroke_linejoin="round",
                          transform=f"rotate({num(ang)} {num(cx)} {num(cy)})" if ang else None)

    def _circles(self, box: Box, n: int, step_icons: list[icons.Icon], labels: Sequence[str], horizontal: bool
                 ) -> None:
        ctx, paint = self.ctx, self.paint
        x0, y0, x1, y1 = box
        w, h = x1 - x0, y1 - y0
        has_below = bool(step_icons or labels)
        if horizontal:
            slot = w / n
            r = min(slot * 0.27, h * (0.15 if has_below else 0.25))
            tile = min(slot * 0.7, r * 2.9) if step_icons else 0.0
            label_h = r * 1.3 if labels else 0.0
            group_h = r * 2.24 + (r * 0.9 + tile if step_icons else 0) + (label_h + r * 0.4 if labels else 0)
            cy = y0 + (h - group_h) / 2 + r * 1.12
            centers = [(x0 + slot * (i + 0.5), cy) for i in range(n)]
        else:
            slot = h / n
            r = min(slot * 0.26, w * 0.11)
            tile = min(slot * 0.7, r * 2.3) if step_icons else 0.0
            cx = x0 + max(r * 1.2, (w - (r * 2.24 + r + tile + (w * 0.4 if labels else 0))) / 2 + r * 1.12)
            centers = [(cx, y0 + slot * (i + 0.5)) for i in range(n)]
        stroke = max(2.0, r * 0.09)
        dashed = ctx.rng.random() < 0.4
        rule = paint.rule
        for i in range(n - 1):
            (ax, ay), (bx, by) = centers[i], centers[i + 1]
            if horizontal:
                sx, ex = ax + r * 1.4, bx - r * 1.4
                if dashed:
                    count = 7
                    dash = (ex - sx) / (count * 2 - 1)
                    for k in range(count):
                        self.art.path(rect_d(sx + dash * 2 * k, ay - stroke / 2, dash, stroke, stroke / 2), rule)
                else:
                    self.art.rect(sx, ay - stroke / 2, ex - sx - stroke * 1.5, stroke, rule)
                    self.art.path(f"M{num(ex - stroke * 4)} {num(ay - stroke * 3)}L{num(ex)} {num(ay)}"
                                  f"L{num(ex - stroke * 4)} {num(ay + stroke * 3)}", None, stroke=rule,
                                  stroke_width=round(stroke, 2), stroke_linecap="round", stroke_linejoin="round")
            else:
                sy, ey = ay + r * 1.35, by - r * 1.35
                self.art.rect(ax - stroke / 2, sy, stroke, ey - sy, rule)
        label_items: list[tuple[str, Box]] = []
        for i, (cx, cy) in enumerate(centers):
            color = paint.hi if i == n - 1 else paint.main
            self.art.circle(cx, cy, r * 1.12, None, stroke=color, stroke_width=round(stroke, 2))
            self.art.circle(cx, cy, r * 0.92, color)
            on = readable(color, [paint.ground, paint.ink, paint.on_main])
            self.number(str(i + 1), (cx - r * 0.6, cy - r * 0.42, cx + r * 0.6, cy + r * 0.42), on, display=True)
            label = labels[i] if i < len(labels) else None
            card_fill = paint.card if paint.card != paint.ground else paint.track
            if horizontal:
                iy = cy + r * 1.12 + r * 0.9
                if step_icons:
                    self.art.path(rect_d(cx - tile / 2, iy, tile, tile, tile * 0.24), card_fill)
                    ctx.draw_icon(self.art, step_icons[i], cx, iy + tile / 2, tile * 0.56, paint.main,
                                  name="step-icon")
                    iy += tile
                if label:
                    label_items.append((label, (cx - slot * 0.45, iy + r * 0.4, cx + slot * 0.45,
                                                iy + r * 0.4 + label_h)))
            else:
                tx = cx + r * 1.12 + r
                if step_icons:
                    self.art.path(rect_d(tx, cy - tile / 2, tile, tile, tile * 0.24), card_fill)
                    ctx.draw_icon(self.art, step_icons[i], tx + tile / 2, cy, tile * 0.56, paint.main,
                                  name="step-icon")
                    tx += tile + r * 0.6
                if label:
                    label_items.append((label, (tx, cy - r * 0.6, x1, cy + r * 0.6)))
        if label_items:
            uniform_labels(ctx, self.art, label_items, paint.ink, align="center" if horizontal else "left")

    def _chevrons(self, box: Box, n: int, step_icons: list[icons.Icon], labels: Sequence[str]) -> None:
        ctx, paint = self.ctx, self.paint
        x0, y0, x1, y1 = box
        w, h = x1 - x0, y1 - y0
        seg = w / n
        band = min(h * 0.42, seg * 0.72)
        tip = band * 0.3
        rr = band * 0.24
        label_h = band * 0.45 if labels else 0.0
        group_h = band + band * 0.35 + rr * 2 + (label_h + rr if labels else 0)
        cy = y0 + (h - group_h) / 2 + band / 2
        colors = paint.series
        label_items: list[tuple[str, Box]] = []
        for i in range(n):
            sx = x0 + seg * i
            ex = sx + seg - tip - band * 0.05
            pts = [(sx, cy - band / 2), (ex, cy - band / 2), (ex + tip, cy), (ex, cy + band / 2), (sx, cy + band / 2)]
            if i > 0:
                pts.append((sx + tip, cy))
            color = colors[i % len(colors)]
            self.art.polygon(pts, color)
            on = readable(color, [paint.ground, paint.ink, paint.on_main])
            mid = (sx + (tip if i > 0 else 0) + ex) / 2
            if step_icons:
                ctx.draw_icon(self.art, step_icons[i], mid, cy, band * 0.5, on, name="step-icon")
            else:
                self.number(str(i + 1), (mid - band * 0.3, cy - band * 0.24, mid + band * 0.3, cy + band * 0.24), on,
                            display=True)
            ry = cy + band / 2 + band * 0.35 + rr
            self.art.circle(mid, ry, rr, None, stroke=color, stroke_width=round(max(2.0, rr * 0.14), 2))
            self.number(str(i + 1), (mid - rr * 0.6, ry - rr * 0.45, mid + rr * 0.6, ry + rr * 0.45), paint.ink,
                        display=True)
            label = labels[i] if i < len(labels) else None
            if label:
                label_items.append((label, (sx + tip * 0.3, ry + rr * 1.5, ex + tip * 0.3, ry + rr * 1.5 + label_h)))
        if label_items:
            uniform_labels(ctx, self.art, label_items, paint.ink)

    def _step_icons(self, n: int) -> list[icons.Icon]:
        found = list(self.icons)
        if len(found) < n:
            generic = _ONBOARDING_ICONS if has_word(self.ctx, "onboarding", "signup", "sign", "account") \
                else _PROCESS_ICONS
            for q in generic:
                for ic in good_icons(q, 1, solid=True, min_score=0.5):
                    if ic.key not in {f.key for f in found}:
                        found.append(ic)
                if len(found) >= n:
                    break
        if len(found) < n:
            return []
        for ic in found[:n]:
            self.ctx.info.setdefault("icons", []).append(ic.key)
        return found[:n]


def _first(items: Sequence[icons.Icon]) -> icons.Icon | None:
    return items[0] if items else None


def _step_count(ctx: Ctx) -> int | None:
    lower = ctx.brief.prompt.lower()
    m = re.search(r"\b(\d|two|three|four|five|six)[- ](?:step|stage|phase|part)s?\b", lower)
    if m:
        token = m.group(1)
        value = int(token) if token.isdigit() else _NUMBER_WORDS[token]
        return max(2, min(6, value))
    return None


def _mode(ctx: Ctx) -> str:
    if _step_count(ctx) is not None or has_word(ctx, "step", "steps", "process", "onboarding", "workflow",
                                                "timeline", "roadmap", "stages", "journey", "phases", "how"):
        return "steps"
    if has_word(ctx, "pie", "donut", "doughnut", "share", "breakdown", "proportion", "percentage"):
        return "donut"
    if has_word(ctx, "line", "trend", "trends", "growth", "forecast", "over"):
        return "line"
    if has_word(ctx, "bar", "bars", "column", "histogram", "comparison", "ranking"):
        return "bars"
    return "dashboard"


def infographic(ctx: Ctx) -> str:
    b, s, rng = ctx.brief, ctx.scheme, ctx.rng
    w, h = float(ctx.width), float(ctx.height)
    m = ctx.margin
    art = ctx.canvas.group("infographic")
    paint = Paint(ctx)
    swiss = b.has("geometric", "minimal") or has_word(ctx, "swiss", "grid")
    cards = not swiss and rng.random() < 0.6 and s.background is not None
    board = Board(ctx, art, paint, cards)
    mode = _mode(ctx)
    wide = w / h >= 1.3
    tall = h / w >= 1.3
    x0, y0, x1, y1 = m, m, w - m, h - m
    gutter = ctx.short * 0.035
    labels = list(b.texts[1:]) if mode == "steps" else []
    headline = b.headline
    if mode == "steps" and len(b.texts) >= 3 and not re.search(
            r"\b(?:titled|title|headline|called|named|heading)\b", b.prompt.lower()):
        count = _step_count(ctx)
        if count is None or count >= len(b.texts):
            labels, headline = list(b.texts), None
    # Title band.
    if headline:
        band = ctx.short * (0.15 if b.tagline or len(b.texts) > 1 else 0.12)
        if wide and mode != "steps":
            title_block(ctx, art.group("title"), (x0, y0, x0 + (x1 - x0) * 0.34, y0 + band * 1.6), paint.ink,
                        paint.main, align="left", max_lines=3)
            art.rect(x0, y0 + band * 1.75, ctx.short * 0.08, ctx.short * 0.012, paint.hi)
            body = (x0 + (x1 - x0) * 0.38, y0, x1, y1)
            side_title = True
        else:
            title_block(ctx, art.group("title"), (x0, y0, x1, y0 + band), paint.ink, paint.main, align="left",
                        subs=[b.tagline] if (mode == "steps" and b.tagline) else (None if mode != "steps" else []))
            art.rect(x0, y0 + band + gutter * 0.5, ctx.short * 0.08, ctx.short * 0.012, paint.hi)
            body = (x0, y0 + band + gutter * 1.6, x1, y1)
            side_title = False
    else:
        body = (x0, y0, x1, y1)
        side_title = False
    bx0, by0, bx1, by1 = body
    bw, bh = bx1 - bx0, by1 - by0
    if mode == "steps":
        n = _step_count(ctx) or (len(labels) if len(labels) >= 2 else rng.randint(3, 5))
        style = board.steps(body, n, labels)
        return f"infographic-steps-{style}-{n}"
    main_kind = {"bars": "bars", "donut": "donut", "line": "line"}.get(mode)
    if main_kind is None:
        return _dashboard(ctx, board, body, swiss)
    # A main chart and a strip of smaller modules beside or below it.
    side_kind = rng.choice(["stats", "pictogram", "donut" if main_kind != "donut" else "bars"])
    if wide and not side_title:
        split = bx0 + bw * 0.62
        main_box = (bx0, by0, split - gutter / 2, by1)
        side_box = (split + gutter / 2, by0, bx1, by1)
        vertical = True
    else:
        split = by0 + bh * (0.62 if not tall else 0.58)
        main_box = (bx0, by0, bx1, split - gutter / 2)
        side_box = (bx0, split + gutter / 2, bx1, by1)
        vertical = False
    getattr(board, main_kind)(main_box)
    if side_kind == "stats":
        board.stats(side_box, 3, vertical=vertical)
    elif side_kind == "pictogram":
        board.pictogram(side_box)
    elif side_kind == "donut":
        board.donut(side_box, legend=True)
    else:
        board.bars(side_box, labels=False)
    return f"infographic-{main_kind}-{side_kind}"


def _dashboard(ctx: Ctx, board: Board, body: Box, swiss: bool) -> str:
    """A modular grid of several small charts (the 'information design poster')."""
    rng = ctx.rng
    bx0, by0, bx1, by1 = body
    bw, bh = bx1 - bx0, by1 - by0
    gutter = ctx.short * 0.035
    modules = ["bars", "donut", "line", "stats", "pictogram", "bignum"]
    rng.shuffle(modules)
    if bw / bh >= 1.3:
        # Wide: one tall module on the left, a 2×2 of smaller ones on the right... kept to 3 for air.
        a = (bx0, by0, bx0 + bw * 0.44 - gutter / 2, by1)
        b_ = (bx0 + bw * 0.44 + gutter / 2, by0, bx1, by0 + bh * 0.5 - gutter / 2)
        c = (bx0 + bw * 0.44 + gutter / 2, by0 + bh * 0.5 + gutter / 2, bx1, by1)
        boxes = [a, b_, c]
    elif bh / bw >= 1.3:
        cut1 = by0 + bh * 0.42
        cut2 = by0 + bh * 0.72
        boxes = [(bx0, by0, bx1, cut1 - gutter / 2), (bx0, cut1 + gutter / 2, bx1, cut2 - gutter / 2),
                 (bx0, cut2 + gutter / 2, bx1, by1)]
    else:
        top = by0 + bh * 0.55
        mid = bx0 + bw * 0.5
        boxes = [(bx0, by0, bx1, top - gutter / 2), (bx0, top + gutter / 2, mid - gutter / 2, by1),
                 (mid + gutter / 2, top + gutter / 2, bx1, by1)]
    # The biggest box gets a full chart; the others get compact modules.
    main = modules[0] if modules[0] in ("bars", "line", "donut") else "bars"
    rest = [mk for mk in modules if mk != main][: len(boxes) - 1]
    layout = [main, *rest]
    for kind, box in zip(layout, boxes, strict=True):
        width, height = box[2] - box[0], box[3] - box[1]
        if kind == "bars":
            board.bars(box, labels=height > ctx.short * 0.25)
        elif kind == "donut":
            board.donut(box, legend=width > height * 1.2 or height > width * 1.2)
        elif kind == "line":
            board.line(box)
        elif kind == "stats":
            board.stats(box, 3, vertical=height > width * 1.3)
        elif kind == "bignum":
            board.bignum(box)
        else:
            board.pictogram(box)
    return "infographic-dashboard-" + "-".join(layout)
