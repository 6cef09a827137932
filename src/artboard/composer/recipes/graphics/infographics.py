"""Infographics: a title band, then one main chart with smaller modules beside it, a step diagram, or a
dashboard grid of several modules (the 'information design poster'), chosen by the prompt's words.

The only text is what the brief gives: the headline, its tagline, the listed items (or further quoted strings)
as step labels, and the figures of a chart. With figures ("rent 45%, food 27%") every chart shows exactly them
(chart_figures.py); only a prompt without figures gets illustrative, seeded values (charts.py). Every string set
is recorded in the manifest's set_texts by the typesetter.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from artboard.composer.context import Ctx
from artboard.composer.copy_reader import Figure
from artboard.composer.recipes.graphics import chart_figures as figures
from artboard.composer.recipes.graphics import compare, counts, pricing, timeline
from artboard.composer.recipes.graphics.chart_steps import MAX_STAGES, cycle, steps
from artboard.composer.recipes.graphics.charts import NUMBER_WORDS, Board, Paint
from artboard.composer.recipes.graphics.common import Box, has_word, text_lines, title_block

_DASHBOARD_WORDS = ("dashboard", "dashboards", "kpi", "kpis", "metrics", "scorecard", "report", "overview")


def _step_count(ctx: Ctx) -> int | None:
    """The number of steps the prompt names ("3-step", "five stage"), clamped to 2..MAX_STAGES."""
    lower = ctx.brief.prompt.lower()
    m = re.search(r"\b(\d|two|three|four|five|six|seven|eight)[- ](?:step|stage|phase|part)s?\b", lower)
    if m:
        token = m.group(1)
        value = int(token) if token.isdigit() else NUMBER_WORDS[token]
        return max(2, min(MAX_STAGES, value))
    return None


def _mode(ctx: Ctx) -> str:
    """cycle, steps, donut, line or bars when the prompt asks for one, else a dashboard of several modules.
    With figures, only a plain word for stages makes a step diagram ("how we spend: rent 45%…" is a chart)."""
    # The chart named wins over any word for stages: "daily steps Monday to Friday, bar chart" is bars.
    named = re.search(r"\b(bar|column|line|pie|donut|doughnut)\s+(?:chart|graph)s?\b", ctx.brief.prompt, re.I)
    if named:
        kind = named.group(1).lower()
        return "bars" if kind in ("bar", "column") else "line" if kind == "line" else "donut"
    cyclic = has_word(ctx, "cycle", "cycles", "lifecycle", "life-cycle", "loop", "circular", "cyclical")
    if cyclic or (has_word(ctx, "recycling") and not ctx.brief.figures):
        return "cycle"  # "Recycling Basics: paper 68%, plastic 9%…" is a chart of its figures, not a loop
    if counts.count_of(ctx.brief.prompt) is not None and not ctx.brief.items:
        return "count"  # "walk 10,000 steps a day": a count, not a process of steps
    staged = ("step", "steps", "process", "stages", "phases", "onboarding", "workflow")
    loose = () if figures.of(ctx.brief) else ("timeline", "roadmap", "journey", "how")
    if _step_count(ctx) is not None or has_word(ctx, *staged, *loose):
        return "steps"
    listed = ("tips", "ways", "reasons", "rules", "habits", "ideas", "facts", "things", "checklist", "benefits")
    numbered = re.search(r"(?:^|[:,]\s*)1[.)]?\s+[A-Za-z].*?,\s*2[.)]?\s+[A-Za-z]", ctx.brief.prompt)
    if ctx.brief.items and not figures.of(ctx.brief) and (has_word(ctx, *listed) or numbered):
        return "steps"  # "3 tips for better sleep: no screens, cool room, fixed bedtime" lists them, no made-up data
    if has_word(ctx, "pie", "donut", "doughnut", "share", "breakdown", "proportion", "percentage"):
        return "donut"
    # The chart named wins over what its title says: a "bar chart … 'Revenue Growth'" is bars.
    if re.search(r"\b(?:bar|column)\s+(?:chart|graph)s?\b|\bhistogram\b", ctx.brief.prompt, re.I):
        return "bars"
    if has_word(ctx, "line", "trend", "trends", "growth", "forecast", "over"):
        return "line"
    if has_word(ctx, "bar", "bars", "column", "histogram", "comparison", "ranking"):
        return "bars"
    return "dashboard"


_HEADLINE_FIGURES_RE = re.compile(
    r"\b(?:in|by the) numbers\b|\bat a glance\b|\bkey (?:figures|stats|numbers)\b|\bhighlights\b"
    r"|\bbig (?:numbers|figures|stats)\b|\b\d+\s+(?:key\s+)?stats\b",
    re.I,
)


def _chart_for(ctx: Ctx, mode: str, figs: Sequence[Figure]) -> str:
    """The main chart for the user's figures: what the prompt asks for where the figures allow it; without a chart
    word, shares of 100 % make a donut and other figures bars. Figures of different kinds (a count and a
    percentage) share no scale: they become stat tiles."""
    if len(figs) == 1:
        return "bignum"  # "quarterly revenue up 24%": one figure is the headline number, never a lone bar
    same = figures.same_kind(figs)
    if not same:
        return "dashboard" if mode == "dashboard" and has_word(ctx, *_DASHBOARD_WORDS) else "stats"
    if mode not in ("bars", "donut", "line") and _HEADLINE_FIGURES_RE.search(ctx.brief.prompt):
        # "our year in numbers: 3,200 trees planted, 48 volunteers, 12 parks": counts of different things share no
        # scale either; each is a headline figure.
        return "stats"
    if mode == "donut":
        return "donut" if any(figures.amount(f) > 0 for f in figs) else "bars"
    if mode == "line":
        return "line" if figures.is_series(figs) or has_word(ctx, "line") else "bars"
    if mode == "bars":
        return "bars"
    if has_word(ctx, *_DASHBOARD_WORDS) and len(figs) >= 2:
        return "dashboard"
    return "donut" if figures.is_shares(figs) else "bars"


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
    if staged and b.items:
        labels = list(b.items[:MAX_STAGES])  # "3 steps: plan, build, launch"
        if len(b.items) > MAX_STAGES:
            ctx.info.setdefault("left_out", []).extend(
                f"step {item} (at most {MAX_STAGES} fit)" for item in b.items[MAX_STAGES:]
            )
    elif (
        staged
        and len(b.texts) >= 3
        and not re.search(r"\b(?:titled|title|headline|called|named|heading)\b", b.prompt.lower())
    ):
        count = _step_count(ctx)
        if count is None or count >= len(b.texts):
            labels, headline = list(b.texts), None
    # Milestones with their dates ("Q1 2026 beta launch, Q2 2026 mobile app") are a timeline, never figures.
    dated = timeline.milestones(b.prompt) or timeline.milestones(b.prompt, b.items)
    dated = dated if len(dated) <= MAX_STAGES + 2 else []
    lead = b.prompt.split(":", 1)[0].strip()
    if dated and (not headline or any(headline in when for when, _ in dated)) and 0 < len(lead.split()) <= 6:
        headline = lead[0].upper() + lead[1:]  # "product roadmap: Q1 2026 …" is titled by its lead
    versus = compare.pairs(b.prompt) if not staged and not figures.of(b) and not dated else []
    if versus and not headline:
        headline = f"{versus[0][0]} vs {versus[0][1]}".title().replace(" Vs ", " vs ")
    # Title band.
    if headline:
        band = ctx.short * (0.15 if b.tagline or len(b.texts) > 1 else 0.12)
        subs = ([b.tagline] if b.tagline else []) if staged else text_lines(ctx)
        if wide and not staged:
            title_block(
                ctx,
                art.group("title"),
                (x0, y0, x0 + (x1 - x0) * 0.34, y0 + band * 1.6),
                paint.ink,
                paint.main,
                align="left",
                max_lines=3,
                subs=subs,
                headline=headline,
            )
            art.rect(x0, y0 + band * 1.75, ctx.short * 0.08, ctx.short * 0.012, paint.hi)
            body = (x0 + (x1 - x0) * 0.38, y0, x1, y1)
            side_title = True
        else:
            title_block(
                ctx,
                art.group("title"),
                (x0, y0, x1, y0 + band),
                paint.ink,
                paint.main,
                align="left",
                subs=subs,
                headline=headline,
            )
            art.rect(x0, y0 + band + gutter * 0.5, ctx.short * 0.08, ctx.short * 0.012, paint.hi)
            body = (x0, y0 + band + gutter * 1.6, x1, y1)
            side_title = False
    else:
        body = (x0, y0, x1, y1)
        side_title = False
    if dated:
        return f"infographic-{timeline.timeline(board, body, dated)}"  # "2015 founded, 2018 first product, …"
    if mode == "cycle":
        n = len(labels) if b.items else _step_count(ctx) or (len(labels) if len(labels) >= 3 else 4)
        n = max(2 if b.items else 3, min(MAX_STAGES, n))
        return f"infographic-{cycle(board, body, n, labels)}-{n}"
    if mode == "steps":
        n = len(labels) if b.items else _step_count(ctx) or (len(labels) if len(labels) >= 2 else rng.randint(3, 5))
        n = max(2, min(MAX_STAGES, n))
        style = steps(board, body, n, labels)
        return f"infographic-steps-{style}-{n}"
    offer = pricing.plans(b.prompt)
    if offer:
        return pricing.columns(ctx, board, body, offer)  # "Free vs Pro: Free $0 with …, Pro $12/month with …"
    if versus:
        return compare.columns(ctx, board, body, versus)  # "cats vs dogs, independent vs loyal"
    figs = figures.of(b)
    said_count = counts.count_of(b.prompt) if not figs else None
    if said_count is not None:
        return counts.pictogram(ctx, board, body, said_count)  # "daily water intake, 8 glasses a day"
    if figs:
        chart = _chart_for(ctx, mode, figs)
        if chart == "dashboard":
            return _figure_dashboard(ctx, board, body, figs)
        return _figure_layout(ctx, board, body, chart, figs, wide and not side_title, tall)
    main_kind = {"bars": "bars", "donut": "donut", "line": "line"}.get(mode)
    # "quarterly revenue Q1 to Q4 2024": one bar for each point it names, named under it, heights unnumbered
    names = figures.named_series(b.prompt) if main_kind != "donut" else []
    if names and main_kind is None:
        main_kind = "bars"
    if main_kind is None:
        return _dashboard(ctx, board, body, swiss)
    # A main chart and a strip of smaller modules beside or below it.
    side_kind = rng.choice(["stats", "pictogram", "donut" if main_kind != "donut" else "bars"])
    main_box, side_box, vertical = _split(ctx, body, wide and not side_title, tall)
    if names and main_kind == "bars":
        board.bars(main_box, names=names)
    elif names and main_kind == "line":
        board.line(main_box, names=names)
    else:
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


def _split(ctx: Ctx, body: Box, beside: bool, tall: bool) -> tuple[Box, Box, bool]:
    """The main chart's box and a side strip's, beside it (wide pages) or below; and whether the strip stands."""
    bx0, by0, bx1, by1 = body
    bw, bh = bx1 - bx0, by1 - by0
    gutter = ctx.short * 0.035
    if beside:
        split = bx0 + bw * 0.62
        return (bx0, by0, split - gutter / 2, by1), (split + gutter / 2, by0, bx1, by1), True
    split = by0 + bh * (0.62 if not tall else 0.58)
    return (bx0, by0, bx1, split - gutter / 2), (bx0, split + gutter / 2, bx1, by1), False


def _draw(board: Board, chart: str, box: Box, figs: Sequence[Figure], main: bool = False) -> str:
    """One chart of the figures; returns its name (bars say whether they stand as columns or lie as rows). The
    main chart shows every figure; stat tiles beside it show as many of the largest as fit."""
    if chart == "donut":
        figures.donut(board, box, figs)
    elif chart == "line":
        figures.line(board, box, figs)
    elif chart == "stats":
        figures.stats(board, box, figs, keep_all=main)
    elif chart == "bignum":
        figures.bignum(board, box, max(figs, key=figures.amount))
    else:
        return "bars-" + figures.bars(board, box, figs)
    return chart


def _figure_layout(
    ctx: Ctx, board: Board, body: Box, chart: str, figs: Sequence[Figure], beside: bool, tall: bool
) -> str:
    """The main chart of the figures, with a side module that is another view of them (the largest three as
    stat tiles, or the largest alone) or none: then the chart takes the room."""
    # One big figure suits a standing strip beside the chart; below it, tiles repeating three of the figures
    # read as filler (and leave the others out), so the chart takes the room unless the page is tall.
    options = ["bignum", "full"] if beside and chart != "donut" else ["full"]
    if chart == "stats" or len(figs) > 6 or len(figs) < 2:
        options = ["full"]
    elif tall and chart in ("line", "bars"):
        options = ["stats", "bignum"]  # a chart stretched down a tall page: it shares the page instead
    side = ctx.rng.choice(options)
    if side == "full":
        return f"infographic-{_draw(board, chart, body, figs, main=True)}-full"
    main_box, side_box, _vertical = _split(ctx, body, beside, tall)
    name = _draw(board, chart, main_box, figs, main=True)
    _draw(board, side, side_box, figures.top(figs, 3))
    return f"infographic-{name}-{side}"


def _figure_dashboard(ctx: Ctx, board: Board, body: Box, figs: Sequence[Figure]) -> str:
    """A dashboard of the figures: the main chart of all of them, then other views (the largest three as stat
    tiles, the largest alone, a donut of shares, bars); nothing invented anywhere."""
    same = figures.same_kind(figs)
    if not same:
        main = "stats"
    elif figures.is_shares(figs):
        main = "donut"
    else:
        main = "line" if figures.is_series(figs) else "bars"
    others = ["bignum"] + (["stats"] if main != "stats" else [])
    if figures.is_shares(figs) and main != "donut":
        others.append("donut")
    if same and main != "bars":
        others.append("bars")
    ctx.rng.shuffle(others)
    boxes = _dashboard_boxes(ctx, body, min(3, 1 + len(others)))
    layout = [main, *others[: len(boxes) - 1]]
    lead = max(figs, key=figures.amount)
    rest = [f for f in figs if f is not lead] if "bignum" in layout and len(figs) > 2 else list(figs)
    names = [
        _draw(board, kind, box, figs if i == 0 else figures.top(rest if kind == "stats" else figs, 3), main=i == 0)
        for i, (kind, box) in enumerate(zip(layout, boxes, strict=True))
    ]
    return "infographic-dashboard-" + "-".join(names)


def _dashboard_boxes(ctx: Ctx, body: Box, count: int) -> list[Box]:
    """The modules' boxes: the first (the main chart's) the largest."""
    bx0, by0, bx1, by1 = body
    bw, bh = bx1 - bx0, by1 - by0
    gutter = ctx.short * 0.035
    if count == 2:
        if bw / bh >= 1.3:
            cut = bx0 + bw * 0.6
            return [(bx0, by0, cut - gutter / 2, by1), (cut + gutter / 2, by0, bx1, by1)]
        cut = by0 + bh * 0.6
        return [(bx0, by0, bx1, cut - gutter / 2), (bx0, cut + gutter / 2, bx1, by1)]
    if bw / bh >= 1.3:
        # Wide: one tall module on the left, two smaller ones stacked on the right.
        a = (bx0, by0, bx0 + bw * 0.44 - gutter / 2, by1)
        b_ = (bx0 + bw * 0.44 + gutter / 2, by0, bx1, by0 + bh * 0.5 - gutter / 2)
        c = (bx0 + bw * 0.44 + gutter / 2, by0 + bh * 0.5 + gutter / 2, bx1, by1)
        return [a, b_, c]
    if bh / bw >= 1.3:
        cut1 = by0 + bh * 0.42
        cut2 = by0 + bh * 0.72
        return [
            (bx0, by0, bx1, cut1 - gutter / 2),
            (bx0, cut1 + gutter / 2, bx1, cut2 - gutter / 2),
            (bx0, cut2 + gutter / 2, bx1, by1),
        ]
    top = by0 + bh * 0.55
    mid = bx0 + bw * 0.5
    return [
        (bx0, by0, bx1, top - gutter / 2),
        (bx0, top + gutter / 2, mid - gutter / 2, by1),
        (mid + gutter / 2, top + gutter / 2, bx1, by1),
    ]


def _dashboard(ctx: Ctx, board: Board, body: Box, swiss: bool) -> str:
    """A modular grid of several small charts (the 'information design poster')."""
    rng = ctx.rng
    modules = ["bars", "donut", "line", "stats", "pictogram", "bignum"]
    rng.shuffle(modules)
    boxes = _dashboard_boxes(ctx, body, 3)
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
