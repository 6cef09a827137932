"""Timelines ("company history: 2015 founded, 2018 first product, 2021 100 employees, 2024 IPO"): a rule with a
marker for each milestone, its date set large, what happened beside it. Across on a wide page, down on a tall
one. Only the prompt's own dates and words are set."""

from __future__ import annotations

import re
from collections.abc import Sequence

from artboard.composer.canvas import circle_d
from artboard.composer.context import Box
from artboard.composer.recipes.graphics.charts import Board

_WHEN_RE = re.compile(
    r"^\s*((?:Q[1-4]|H[12])(?:\s+(?:19|20)\d{2})?(?=\s)"
    r"|(?:(?:Q[1-4]|H[12]|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+)?(?:19|20)\d{2}s?)"
    r"\s*[:\-–—]?\s*(.*)$",
    re.I,
)
# "2019 32%, 2020 35%": what follows each year is a figure, so the list is a data series for a chart.
_FIGURE_RE = re.compile(r"^[$€£¥]?\s*\d[\d,.]*\s*(?:%|[kmb]n?|kg|t|mt|tons?|million|billion|k)?$", re.I)


def milestones(prompt: str, listed_items: Sequence[str] = ()) -> list[tuple[str, str]]:
    """(when, what) for each item of the prompt's list (the brief's, else all after its colon), when every item
    opens with a date; else []."""
    out = []
    listed = prompt.split(":", 1)[1] if ":" in prompt else prompt
    items = list(listed_items) or [part for part in re.split(r"[,;]|\.\s", listed) if part.strip()]
    for item in items:
        m = _WHEN_RE.match(item)
        if m is None or not m.group(2).strip():
            return []  # (a year alone is a data label: "2019 32%" lists figures)
        out.append((m.group(1).strip(), m.group(2).strip()))
    if all(_FIGURE_RE.match(what) for _, what in out):
        return []
    return out if len(out) >= 2 else []


def timeline(board: Board, box: Box, events: Sequence[tuple[str, str]]) -> str:
    ctx, paint = board.ctx, board.paint
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    n = len(events)
    rule = max(2.0, ctx.short * 0.006)
    across = w >= h * 0.9 or "horizontal" in ctx.brief.words  # "horizontal arrows": across whatever the page
    if across:
        ym = y0 + h * 0.5
        step = w / n
        board.art.rect(x0, ym - rule / 2, w, rule, paint.rule)
        size = min(step * 0.9, h * 0.22)
        point = min(size * 0.42, step * 1.7 / max(len(word) for _, what in events for word in what.split()))
        for i, (when, what) in enumerate(events):
            cx = x0 + step * (i + 0.5)
            colour = paint.hi if i == n - 1 else paint.main
            board.art.path(circle_d(cx, ym, size * 0.18), colour)
            board.art.path(circle_d(cx, ym, size * 0.09), paint.ground)
            ctx.text(board.art, when, (cx - step * 0.36, ym - size * 1.1, cx + step * 0.36, ym - size * 0.35),
                     colour, weight=800, max_lines=1, valign="bottom", name=f"when-{i}")  # fmt: skip
            ctx.text(board.art, what, (cx - step * 0.46, ym + size * 0.35, cx + step * 0.46, ym + size * 1.6),
                     paint.ink, purpose="body", weight=500, max_lines=3, valign="top", max_size=point,
                     name=f"what-{i}")  # fmt: skip
        return f"timeline-across-{n}"
    xm = x0 + w * 0.3
    step = h / n
    board.art.rect(xm - rule / 2, y0, rule, h, paint.rule)
    size = min(step * 0.8, w * 0.14)
    for i, (when, what) in enumerate(events):
        cy = y0 + step * (i + 0.5)
        colour = paint.hi if i == n - 1 else paint.main
        board.art.path(circle_d(xm, cy, size * 0.2), colour)
        board.art.path(circle_d(xm, cy, size * 0.1), paint.ground)
        ctx.text(board.art, when, (x0, cy - size * 0.3, xm - size * 0.4, cy + size * 0.3), colour, weight=800,
                 max_lines=1, align="right", name=f"when-{i}")  # fmt: skip
        ctx.text(board.art, what, (xm + size * 0.4, cy - step * 0.4, x1, cy + step * 0.4), paint.ink, purpose="body",
                 weight=500, max_lines=3, align="left", max_size=size * 0.5, name=f"what-{i}")  # fmt: skip
    return f"timeline-down-{n}"
