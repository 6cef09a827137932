"""Infographics: a title band, then one main chart with smaller modules beside it, a step diagram, or a
dashboard grid of several modules (the 'information design poster'), chosen by the prompt's words.

The only text is what the brief gives: the headline, its tagline, and further quoted strings as step labels.
"""

from __future__ import annotations

import re

from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.chart_steps import cycle, steps
from artboard.composer.recipes.graphics.charts import Board, Paint
from artboard.composer.recipes.graphics.common import Box, has_word, title_block

_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _step_count(ctx: Ctx) -> int | None:
    """The number of steps the prompt names ("3-step", "five stage"), clamped to 2..6."""
    lower = ctx.brief.prompt.lower()
    m = re.search(r"\b(\d|two|three|four|five|six)[- ](?:step|stage|phase|part)s?\b", lower)
    if m:
        token = m.group(1)
        value = int(token) if token.isdigit() else _NUMBER_WORDS[token]
        return max(2, min(6, value))
    return None


def _mode(ctx: Ctx) -> str:
    """cycle, steps, donut, line or bars when the prompt asks for one, else a dashboard of several modules."""
    if has_word(ctx, "cycle", "cycles", "lifecycle", "life-cycle", "loop", "circular", "recycling", "cyclical"):
        return "cycle"
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
    """The infographic recipe: a title band, then a step diagram, a main chart with a side module, or a dashboard."""
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
    staged = mode in ("steps", "cycle")
    labels = list(b.texts[1:]) if staged else []
    headline = b.headline
    if staged and len(b.texts) >= 3 and not re.search(
            r"\b(?:titled|title|headline|called|named|heading)\b", b.prompt.lower()):
        count = _step_count(ctx)
        if count is None or count >= len(b.texts):
            labels, headline = list(b.texts), None
    # Title band.
    if headline:
        band = ctx.short * (0.15 if b.tagline or len(b.texts) > 1 else 0.12)
        if wide and not staged:
            title_block(ctx, art.group("title"), (x0, y0, x0 + (x1 - x0) * 0.34, y0 + band * 1.6), paint.ink,
                        paint.main, align="left", max_lines=3)
            art.rect(x0, y0 + band * 1.75, ctx.short * 0.08, ctx.short * 0.012, paint.hi)
            body = (x0 + (x1 - x0) * 0.38, y0, x1, y1)
            side_title = True
        else:
            title_block(ctx, art.group("title"), (x0, y0, x1, y0 + band), paint.ink, paint.main, align="left",
                        subs=[b.tagline] if (staged and b.tagline) else (None if not staged else []))
            art.rect(x0, y0 + band + gutter * 0.5, ctx.short * 0.08, ctx.short * 0.012, paint.hi)
            body = (x0, y0 + band + gutter * 1.6, x1, y1)
            side_title = False
    else:
        body = (x0, y0, x1, y1)
        side_title = False
    bx0, by0, bx1, by1 = body
    bw, bh = bx1 - bx0, by1 - by0
    if mode == "cycle":
        n = _step_count(ctx) or (len(labels) if len(labels) >= 3 else 4)
        return f"infographic-{cycle(board, body, max(3, min(6, n)), labels)}-{max(3, min(6, n))}"
    if mode == "steps":
        n = _step_count(ctx) or (len(labels) if len(labels) >= 2 else rng.randint(3, 5))
        style = steps(board, body, n, labels)
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
