"""A count the prompt gives as its message ("daily water intake, 8 glasses a day", "10 minutes of stretching
every morning"): the number set large, what it counts beside it, and one symbol for each (up to twelve). The
user's number is the only figure on it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from artboard.composer import icons
from artboard.composer.context import Box, Ctx
from artboard.composer.reading import WORD_NUMBERS
from artboard.composer.recipes.graphics.charts import Board

_NUMBERS = {word: n for word, n in WORD_NUMBERS.items() if n >= 2}  # "eight glasses a day"; one is no count
_COUNT_RE = re.compile(
    r"\b(\d{1,6}(?:,\d{3})*|" + "|".join(_NUMBERS) + r")\s+([a-z]+(?:\s+of\s+[a-z]+)?)\s+"
    r"((?:a|per|each|every)\s+(?:day|night|week|month|year|hour|morning|evening)|daily|weekly|nightly)\b",
    re.I,
)


@dataclass(frozen=True)
class Count:
    number: int
    text: str  # as written: "8"
    things: str  # "glasses", "glasses of water"
    period: str  # "a day"


def count_of(prompt: str) -> Count | None:
    m = _COUNT_RE.search(prompt)
    if m is None:
        return None
    raw = m.group(1).lower()
    number = _NUMBERS.get(raw) or int(raw.replace(",", ""))
    return Count(number, m.group(1), m.group(2), m.group(3))


def _symbol(ctx: Ctx, count: Count) -> icons.Icon | None:
    thing = icons.lemma(count.things.split()[0])
    rest = count.things.split(" of ", 1)[1] if " of " in count.things else None
    words = set(ctx.brief.words)
    # "8 glasses a day" on a water-intake sheet: glasses of water, not of wine (nor spectacles).
    queries = [f"{thing} of {rest}"] if rest else [f"{thing} of {w}" for w in ("water", "coffee", "tea") if w in words]
    for query in [*queries, thing]:
        icon = ctx.pick_icon(query, top=1)
        if icon is not None:
            return icon
    return None


def pictogram(ctx: Ctx, board: Board, body: Box, count: Count) -> str:
    s, paint = ctx.scheme, board.paint
    x0, y0, x1, y1 = body
    w, h = x1 - x0, y1 - y0
    wide = w >= h * 1.2
    num_box = (x0, y0, x0 + w * 0.34, y1) if wide else (x0, y0, x1, y0 + h * 0.36)
    field = (x0 + w * 0.38, y0, x1, y1) if wide else (x0, y0 + h * 0.4, x1, y1)
    nx0, ny0, nx1, ny1 = num_box
    number = ctx.text(board.art, count.text, (nx0, ny0, nx1, ny0 + (ny1 - ny0) * 0.62), paint.main, weight=900,
                      max_lines=1, valign="bottom", align="left" if wide else "center", name="count")  # fmt: skip
    ctx.text(board.art, f"{count.things} {count.period}", (nx0, number.bbox[3] + ctx.short * 0.02, nx1,
             ny1), paint.ink, purpose="body", weight=600, max_lines=2, valign="top",
             align="left" if wide else "center", name="count-label")  # fmt: skip
    icon = _symbol(ctx, count)
    shown = min(count.number, 12)
    fx0, fy0, fx1, fy1 = field
    colour = paint.main if paint.main != s.ground else paint.ink
    if icon is None:
        return "infographic-count"
    if count.number > 12:
        # A big count (10,000 steps) is one large symbol under its number, not 10,000 small ones.
        size = min(fx1 - fx0, fy1 - fy0) * 0.62
        ctx.draw_icon(board.art, icon, (fx0 + fx1) / 2, (fy0 + fy1) / 2, size, colour, name="pictogram")
        return "infographic-count-symbol"
    # Balanced rows (5 → one row of five; 8 → two of four; 7 → four and three), never one straggler.
    most = 6 if wide or (fx1 - fx0) > (fy1 - fy0) * 1.5 else 5
    rows = -(-shown // most)
    cols = -(-shown // rows)
    cell = min((fx1 - fx0) / cols, (fy1 - fy0) / rows)
    gx = fx0 + ((fx1 - fx0) - cell * cols) / 2
    gy = fy0 + ((fy1 - fy0) - cell * rows) / 2
    for k in range(shown):
        cx = gx + cell * (k % cols + 0.5)
        cy = gy + cell * (k // cols + 0.5)
        ctx.draw_icon(board.art, icon, cx, cy, cell * 0.7, colour, name=f"pictogram-{k}")
    return f"infographic-count-{shown}"
