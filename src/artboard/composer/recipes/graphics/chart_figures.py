"""Charts of the user's own figures (the Brief's `figures`: "rent 45%", "Q1 120", "revenue $4.2M").

Bars (`bar-i`), a donut (`segment-i`) with a legend of labels and values, a line (`point-i`), stat tiles and one
big figure. Geometry is proportional to the values (amounts, with "k"/"M"/"bn" read from the text as written);
every label and value is set as the user wrote it, never an invented number, at one legible size per chart, and
recorded in the manifest's set_texts by the typesetter. Negative values: bars and points go below a zero line; a donut
cannot show them and leaves them out with an info["left_out"] note (as it does zeros). A zero bar is a tick on
the baseline. The modules that draw seeded, illustrative values are in charts.py.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from artboard.colors import RGB, contrast_ratio, oklch
from artboard.composer import icons
from artboard.composer.brief import Brief
from artboard.composer.canvas import num, rect_d
from artboard.composer.context import Ctx
from artboard.composer.copy_reader import Figure
from artboard.composer.recipes.graphics.charts import Board, sector_d
from artboard.composer.recipes.graphics.common import Box, readable, tone

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DAYS = r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
# Labels that make a series in time: Q1..Q4, H1, months, weekdays, years, "week 3", "FY24".
_SERIES_RE = re.compile(
    rf"(?:q[1-4]|h[12]|fy\s?'?\d{{2,4}}|'?\d{{2}}|(?:19|20)\d{{2}}|{_MONTHS}|{_DAYS}|"
    r"(?:week|wk|day|month|year|quarter|round|phase|sprint)\s?\d{1,3})\.?(?:\s+'?\d{2,4})?",
    re.I,
)
_SCALE = {"k": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9}


# Figures written value first ("$4.2M revenue, $1.1M costs"): the prompt reader takes only percentages that way.
_VALUE_FIRST_RE = re.compile(
    r"(?<![\w.])(?P<value>[$€£]\d+(?:\.\d+)?|\d+(?:\.\d+)?(?=\s?(?:k|m|bn|million|billion)\b))\s?"
    r"(?P<unit>k|m|bn|million|billion)?\s+(?P<label>[A-Za-z][A-Za-z&'’\- ]{0,28}?)(?=\s*(?:,|;|\band\b|\.|$))",
    re.I,
)


_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_TO = r"\s*(?:to|-|–|—|through|thru)\s*"


def named_series(prompt: str) -> list[str]:
    """The points of a series the prompt names as a range without figures ("revenue Q1 to Q4 2024", "visitors
    from 2019 to 2024", "sales Jan–Jun"): Q1, Q2, Q3, Q4 …; [] when there is none (or it is too long to chart)."""
    q = re.search(rf"\bQ([1-4]){_TO}Q([1-4])\b", prompt, re.I)
    if q and int(q.group(1)) < int(q.group(2)):
        return [f"Q{k}" for k in range(int(q.group(1)), int(q.group(2)) + 1)]
    years = re.search(rf"\b((?:19|20)\d{{2}}){_TO}((?:19|20)\d{{2}})\b", prompt)
    if years and 2 <= int(years.group(2)) - int(years.group(1)) + 1 <= 12:
        return [str(y) for y in range(int(years.group(1)), int(years.group(2)) + 1)]
    for names, pattern in ((_MONTH_NAMES, _MONTHS), (_DAY_NAMES, _DAYS)):
        m = re.search(rf"\b({pattern}){_TO}({pattern})\b", prompt, re.I)
        if m:
            a = next(i for i, n in enumerate(names) if m.group(1).lower().startswith(n.lower()[:3]))
            b = next(i for i, n in enumerate(names) if m.group(2).lower().startswith(n.lower()[:3]))
            if a < b:
                return list(names[a : b + 1])
    return []


def of(brief: Brief) -> tuple[Figure, ...]:
    """The brief's figures; else money or magnitudes written value first ("$4.2M revenue, $1.1M costs, $3.1M
    profit"), two or more of them, which the prompt reader does not take yet."""
    if brief.figures:
        numbered = [f.text for f in brief.figures] == [str(k) for k in range(1, len(brief.figures) + 1)]
        # "1 no screens before bed, 2 cool dark room, …": a numbered list, not the figures 1, 2, 3 to chart.
        return () if numbered else brief.figures
    found: list[Figure] = []
    for m in _VALUE_FIRST_RE.finditer(brief.prompt):
        value = m.group("value")
        suffix = m.group("unit") or ""
        label = re.sub(r"^(?:and|of|in|for|the)\s+", "", m.group("label").strip(), flags=re.I)
        money = value[0] if value[0] in "$€£" else ""
        found.append(Figure(label, float(value.lstrip("$€£")), money or suffix.lower(), f"{value}{suffix}"))
    return tuple(found) if len(found) >= 2 else ()


def amount(fig: Figure) -> float:
    """The figure's value in plain units: "$4.2M" → 4_200_000, "1.5k" → 1500."""
    m = re.search(r"(k|mn|m|bn|b|million|billion)\s*$", fig.text.strip(), re.I)
    return fig.value * (_SCALE[m.group(1).lower()] if m else 1.0)


def kind(fig: Figure) -> str:
    """What the figure counts in: "%", a currency symbol, or "" for plain numbers (thousands or not)."""
    return fig.unit if fig.unit in ("%", "$", "€", "£") else ""


def same_kind(figs: Sequence[Figure]) -> bool:
    """True when the figures can share one scale (all percentages, all dollars, all plain numbers)."""
    return len({kind(f) for f in figs}) == 1


def is_shares(figs: Sequence[Figure]) -> bool:
    """Percentages of one whole: at least two, none negative, adding up to about 100."""
    return (
        len(figs) >= 2
        and all(f.unit == "%" and f.value >= 0 for f in figs)
        and abs(sum(f.value for f in figs) - 100) <= 5
    )


def is_series(figs: Sequence[Figure]) -> bool:
    """True when the labels are steps in time (Q1..Q4, months, years): a line can join them."""
    return len(figs) >= 3 and all(_SERIES_RE.fullmatch(f.label.strip()) for f in figs)


def top(figs: Sequence[Figure], count: int) -> list[Figure]:
    """The `count` largest figures (by size, whatever the sign), in the order the prompt gives them."""
    keep = sorted(range(len(figs)), key=lambda i: -abs(amount(figs[i])))[:count]
    return [figs[i] for i in sorted(keep)]


def colors(board: Board, count: int) -> list[RGB]:
    """`count` series colours: the chart palette's; then, with a user palette, its other colours that stand out
    from the card, else lighter or darker steps of the series (repeating only when nothing is left)."""
    ctx, paint = board.ctx, board.paint
    series = list(paint.series)
    if ctx.scheme.constrained and count > len(series):
        back = paint.card if board.cards else paint.ground
        series += [c for c in ctx.scheme.colors() if c not in series and c != back and contrast_ratio(c, back) > 1.2]
    out: list[RGB] = []
    for i in range(count):
        base = series[i % len(series)]
        step = i // len(series)
        if step and not ctx.scheme.constrained:
            light = oklch(base)[0]
            base = tone(ctx, base, 0.16 * step * (-1 if light > 0.6 else 1), 0.8)
        out.append(base)
    return out


def bar_d(x: float, y: float, w: float, h: float, r: float, end: str) -> str:
    """A bar with its free end ("top", "bottom", "left" or "right") rounded; exactly the box (x, y, w, h)."""
    if end in ("top", "bottom"):
        r = max(0.0, min(r, w / 2, h))
        if end == "top":
            return (
                f"M{num(x)} {num(y + h)}V{num(y + r)}A{num(r)} {num(r)} 0 0 1 {num(x + r)} {num(y)}"
                f"H{num(x + w - r)}A{num(r)} {num(r)} 0 0 1 {num(x + w)} {num(y + r)}V{num(y + h)}Z"
            )
        return (
            f"M{num(x)} {num(y)}V{num(y + h - r)}A{num(r)} {num(r)} 0 0 0 {num(x + r)} {num(y + h)}"
            f"H{num(x + w - r)}A{num(r)} {num(r)} 0 0 0 {num(x + w)} {num(y + h - r)}V{num(y)}Z"
        )
    r = max(0.0, min(r, h / 2, w))
    if end == "right":
        return (
            f"M{num(x)} {num(y)}H{num(x + w - r)}A{num(r)} {num(r)} 0 0 1 {num(x + w)} {num(y + r)}"
            f"V{num(y + h - r)}A{num(r)} {num(r)} 0 0 1 {num(x + w - r)} {num(y + h)}H{num(x)}Z"
        )
    return (
        f"M{num(x + w)} {num(y)}H{num(x + r)}A{num(r)} {num(r)} 0 0 0 {num(x)} {num(y + r)}"
        f"V{num(y + h - r)}A{num(r)} {num(r)} 0 0 0 {num(x + r)} {num(y + h)}H{num(x + w)}Z"
    )


def _text_w(text: str, size: float) -> float:
    """A generous estimate of a short string's width at `size` (figures and symbols)."""
    return len(text) * size * 0.64 + size * 0.3


# --- bars --------------------------------------------------------------------------------------------------


def bars(board: Board, box: Box, figs: Sequence[Figure]) -> str:
    """One bar per figure, in order, scaled to the largest: columns with the label under each, or rows with the
    label beside each when the labels would be too small under columns (or the box is tall). Returns which."""
    ctx = board.ctx
    inner = board.frame(box)
    x0, y0, x1, y1 = inner
    w, h = x1 - x0, y1 - y0
    n = len(figs)
    cap = min(ctx.short * 0.03, h * 0.07)
    if h <= w * 1.25:
        slot = w / n
        lab_h = min(h * 0.16, cap * 2.5)
        items = [
            (f.label, (x0 + slot * i + slot * 0.04, y1 - lab_h, x0 + slot * (i + 1) - slot * 0.04, y1))
            for i, f in enumerate(figs)
        ]
        size = board.label_size(items, cap=cap)
        value_fits = all(_text_w(f.text, board.min_text) <= slot * 0.96 for f in figs)
        if size >= max(board.min_text, cap * 0.75) and value_fits:
            _columns(board, inner, figs, items, size)
            return "columns"
    _rows(board, inner, figs)
    return "rows"


def _columns(board: Board, inner: Box, figs: Sequence[Figure], items: list[tuple[str, Box]], size: float) -> None:
    ctx, paint = board.ctx, board.paint
    x0, y0, x1, y1 = inner
    n = len(figs)
    slot = (x1 - x0) / n
    values = [amount(f) for f in figs]
    negative = min(values) < 0
    val_h = min(ctx.short * 0.042, (y1 - y0) * 0.09)
    label_top = min(b[1] for _, b in items)
    top = y0 + val_h * 1.3
    bottom = label_top - ctx.short * 0.02 - (val_h * 1.3 if negative else 0)
    vmax, vmin = max(0.0, *values), min(0.0, *values)
    scale = (bottom - top) / ((vmax - vmin) or 1.0)
    zero = top + vmax * scale
    if negative:
        board.art.rect(x0, zero - 0.5, x1 - x0, max(1.5, ctx.short * 0.003), paint.ink)
    else:
        board._grid(x0, x1, top, zero)
    bar_w = min(slot * 0.58, ctx.short * 0.16)
    hi = max(range(n), key=lambda i: values[i]) if n > 1 else -1
    prefix = board.ids("bar")
    tick = max(2.0, ctx.short * 0.003)
    value_size = max(size * 1.4, ctx.short * 0.024)
    for i, (fig, v) in enumerate(zip(figs, values, strict=True)):
        length = abs(v) * scale
        bx = x0 + slot * i + (slot - bar_w) / 2
        sx0, sx1 = x0 + slot * i + slot * 0.02, x0 + slot * (i + 1) - slot * 0.02
        color = paint.hi if i == hi else paint.main
        if length < tick:  # zero (or next to it): a tick on the baseline
            board.art.rect(bx, zero - tick / 2, bar_w, tick, paint.rule, id=f"{prefix}-{i}")
            tip = zero - tick / 2
        elif v > 0:
            board.art.path(bar_d(bx, zero - length, bar_w, length, bar_w * 0.22, "top"), color, id=f"{prefix}-{i}")
            tip = zero - length
        else:
            board.art.path(bar_d(bx, zero, bar_w, length, bar_w * 0.22, "bottom"), color, id=f"{prefix}-{i}")
            board.number(
                fig.text,
                (sx0, zero + length + val_h * 0.2, sx1, zero + length + val_h * 1.2),
                paint.ink,
                max_size=value_size,
            )
            continue
        board.number(fig.text, (sx0, tip - val_h * 1.2, sx1, tip - val_h * 0.2), paint.ink, max_size=value_size)
    board.labels(items, paint.ink, size=size)


def _rows(board: Board, inner: Box, figs: Sequence[Figure]) -> None:
    ctx, paint = board.ctx, board.paint
    x0, y0, x1, y1 = inner
    w, h = x1 - x0, y1 - y0
    n = len(figs)
    row = min(h / n, ctx.short * 0.2)
    y0 += (h - row * n) / 2
    cap = min(ctx.short * 0.036, row * 0.36)
    values = [amount(f) for f in figs]
    negative = min(values) < 0
    longest = max(len(f.label) for f in figs)
    lab_w = w * (0.22 if longest <= 6 else 0.3 if longest <= 14 else 0.38)
    val_w = min(w * 0.24, max(_text_w(f.text, cap) for f in figs))
    gap = ctx.short * 0.015
    items = [
        (f.label, (x0, y0 + row * i + row * 0.06, x0 + lab_w, y0 + row * (i + 1) - row * 0.06))
        for i, f in enumerate(figs)
    ]
    size = board.label_size(items, cap=cap)
    px0 = x0 + lab_w + gap + (val_w + gap if negative else 0)
    px1 = x1 - val_w - gap
    vmax, vmin = max(0.0, *values), min(0.0, *values)
    scale = (px1 - px0) / ((vmax - vmin) or 1.0)
    zero = px0 - vmin * scale
    thick = min(row * 0.56, ctx.short * 0.09)
    if negative:
        board.art.rect(zero - 0.75, y0, max(1.5, ctx.short * 0.003), row * n, paint.ink)
    hi = max(range(n), key=lambda i: values[i]) if n > 1 else -1
    prefix = board.ids("bar")
    tick = max(2.0, ctx.short * 0.003)
    val_h = min(row * 0.5, cap * 1.35)
    for i, (fig, v) in enumerate(zip(figs, values, strict=True)):
        cy = y0 + row * (i + 0.5)
        length = abs(v) * scale
        color = paint.hi if i == hi else paint.main
        by = cy - thick / 2
        if length < tick:
            board.art.rect(zero - tick / 2, by, tick, thick, paint.rule, id=f"{prefix}-{i}")
            tip = zero + tick / 2
        elif v > 0:
            board.art.path(bar_d(zero, by, length, thick, thick * 0.22, "right"), color, id=f"{prefix}-{i}")
            tip = zero + length
        else:
            board.art.path(bar_d(zero - length, by, length, thick, thick * 0.22, "left"), color, id=f"{prefix}-{i}")
            board.number(
                fig.text,
                (zero - length - gap - val_w, cy - val_h / 2, zero - length - gap, cy + val_h / 2),
                paint.ink,
                align="right",
            )
            continue
        board.number(fig.text, (tip + gap, cy - val_h / 2, tip + gap + val_w, cy + val_h / 2), paint.ink, align="left")
    board.labels(items, paint.ink, size=size, align="right" if not negative else "left")


# --- donut -------------------------------------------------------------------------------------------------


def donut(board: Board, box: Box, figs: Sequence[Figure]) -> None:
    """Segments proportional to the figures (the largest first at 12 o'clock, in the prompt's order), the largest
    figure in the hole, and a legend with every label and its value as written."""
    ctx, paint = board.ctx, board.paint
    shown = [f for f in figs if amount(f) > 0]
    left = [f for f in figs if amount(f) <= 0]
    if left:
        ctx.info.setdefault("left_out", []).extend(f"{f.label} {f.text} (a pie has no room for it)" for f in left)
    if not shown:
        return
    x0, y0, x1, y1 = board.frame(box)
    w, h = x1 - x0, y1 - y0
    k = len(shown)
    side = w > h * 1.05
    if side:
        cols = 1 if k <= 8 else 2
        # Room for the legend's longest label (on up to two lines) beside its value; the donut gets the rest.
        longest = max(len(f.label) for f in shown)
        need = (min(longest, max(10, longest * 0.6)) * 0.55 + 5.5) * min(ctx.short * 0.03, h / k * 0.42) * cols
        r = min(h / 2, w * (0.3 if cols == 1 else 0.24), max(w * 0.18, (w * 0.93 - need) / 2))
        cx, cy = x0 + r, (y0 + y1) / 2
        legend_box = (cx + r + w * 0.07, y0, min(x1, cx + r + w * 0.07 + ctx.short * 0.5 * cols), y1)
    else:
        cols = 2 if k >= 4 and w > h * 0.75 else 1
        rows = math.ceil(k / cols)
        row_h = min(ctx.short * 0.08, h * 0.5 / rows)
        gap = ctx.short * 0.05
        r = min(w * 0.42, (h - rows * row_h - gap) / 2)
        cy = (y0 + y1) / 2 - (rows * row_h + gap) / 2  # the donut and its legend as one group, centred
        cx, cy = (x0 + x1) / 2, max(y0 + r, cy)
        width = min(w * (0.96 if cols > 1 else 0.8), ctx.short * (0.5 if cols == 1 else 1.2))
        legend_box = ((x0 + x1 - width) / 2, cy + r + gap, (x0 + x1 + width) / 2, cy + r + gap + rows * row_h)
    inner = r * ctx.rng.uniform(0.56, 0.64)
    total = sum(amount(f) for f in shown)
    fills = colors(board, k)
    back = paint.card if board.cards else paint.ground
    seam = max(1.5, r * 0.018) if k > 1 else 0.0
    prefix = board.ids("segment")
    angle = 0.0
    for i, fig in enumerate(shown):
        sweep = amount(fig) / total * 360
        end = min(angle + sweep, angle + 359.99)
        board.art.path(
            sector_d(cx, cy, inner, r, angle, end),
            fills[i],
            id=f"{prefix}-{i}",
            stroke=back if seam else None,
            stroke_width=round(seam, 2) if seam else None,
            stroke_linejoin="round" if seam else None,
        )
        angle += sweep
    lead = max(shown, key=amount)
    board.number(
        lead.text, (cx - inner * 0.72, cy - inner * 0.32, cx + inner * 0.72, cy + inner * 0.3), paint.ink, display=True
    )
    legend(board, legend_box, [(fills[i], f.label, f.text) for i, f in enumerate(shown)], cols)


def _label_icon(ctx: Ctx, label: str) -> icons.Icon | None:
    """A glyph for a chart label ("shower", "wind", "savings"), or None when no glyph draws it."""
    from artboard.composer.noun_icons import resolve

    hit = resolve(label.lower(), "fill")
    if hit is None:
        return None
    ctx.info.setdefault("drawn", []).append({"concept": label, "icon": hit[0].key})
    ctx.info.setdefault("icons", []).append(hit[0].key)
    return hit[0]


def _stat_icon(ctx: Ctx, label: str) -> icons.Icon | None:
    """A glyph for a stat's label, by the whole label or its first word that has one ("meals served": meals)."""
    for words in (label, *label.split()):
        if len(words) > 2:
            found = _label_icon(ctx, words)
            if found is not None:
                return found
    return None


def legend(board: Board, box: Box, entries: Sequence[tuple[RGB, str, str]], cols: int = 1) -> None:
    """Rows of swatch, label and value (column-major when there are two columns), centred in `box`."""
    ctx, paint = board.ctx, board.paint
    lx0, ly0, lx1, ly1 = box
    rows = math.ceil(len(entries) / cols)
    row_h = min((ly1 - ly0) / rows, ctx.short * 0.08)
    cap = min(ctx.short * 0.034, row_h * 0.45)
    gutter = cap * 1.6 if cols > 1 else 0.0
    col_w = (lx1 - lx0 - gutter * (cols - 1)) / cols
    val_w = min(col_w * 0.42, max(_text_w(v, cap) for _, _, v in entries))
    top = (ly0 + ly1) / 2 - row_h * rows / 2
    sw = cap * 0.95
    items: list[tuple[str, Box]] = []
    values: list[tuple[str, Box]] = []
    wants_icons = bool(ctx.brief.words & {"icon", "icons", "pictogram", "pictograms", "symbols", "illustrated"})
    for idx, (color, label, value) in enumerate(entries):
        c, ri = divmod(idx, rows)
        cx0 = lx0 + (col_w + gutter) * c
        ry = top + row_h * (ri + 0.5)
        glyph = _label_icon(ctx, label) if wants_icons else None
        if glyph is not None:
            # "with icons": each entry's own picture, in its segment's colour, stands in for the swatch.
            ctx.draw_icon(board.art, glyph, cx0 + sw / 2, ry, min(sw * 1.7, row_h * 0.8), color, name=f"legend-{idx}")
        else:
            board.art.path(rect_d(cx0, ry - sw / 2, sw, sw, sw * 0.25), color)
        items.append((label, (cx0 + sw * 1.7, ry - row_h * 0.46, cx0 + col_w - val_w - cap * 0.6, ry + row_h * 0.46)))
        values.append((value, (cx0 + col_w - val_w, ry - cap * 0.8, cx0 + col_w, ry + cap * 0.8)))
    lines = 1
    size = board.label_size(items, cap=cap, weight=500, max_lines=1)
    if size < cap * 0.8 and row_h >= board.min_text * 2.4:  # long labels: two lines at a larger size
        two = board.label_size(items, cap=cap, weight=500, max_lines=2)
        lines, size = (2, two) if two > size * 1.1 else (1, size)
    board.labels(items, paint.ink, align="left", size=size, weight=500, max_lines=lines)
    for value, where in values:
        board.number(value, where, paint.ink, align="right", weight=700, max_size=max(size * 1.15, board.min_text))


# --- line --------------------------------------------------------------------------------------------------


def line(board: Board, box: Box, figs: Sequence[Figure]) -> None:
    """A point per figure in order, joined by straight segments over a zero line, each with its value above it
    (below when negative) and its label under the axis; the highest value is highlighted."""
    ctx, paint = board.ctx, board.paint
    x0, y0, x1, y1 = board.frame(box)
    w, h = x1 - x0, y1 - y0
    n = len(figs)
    slot = w / n
    cap = min(ctx.short * 0.028, h * 0.06)
    lab_h = min(h * 0.14, cap * 2.5)
    items = [
        (f.label, (x0 + slot * i + slot * 0.04, y1 - lab_h, x0 + slot * (i + 1) - slot * 0.04, y1))
        for i, f in enumerate(figs)
    ]
    size = board.label_size(items, cap=cap)
    values = [amount(f) for f in figs]
    negative = min(values) < 0
    val_h = min(ctx.short * 0.036, h * 0.08)
    stroke = max(2.0, ctx.short * 0.006)
    top = y0 + val_h * 1.6 + stroke * 2
    bottom = y1 - lab_h - ctx.short * 0.025 - (val_h * 1.6 + stroke * 2 if negative else 0)
    vmax, vmin = max(0.0, *values), min(0.0, *values)
    scale = (bottom - top) / ((vmax - vmin) or 1.0)
    zero = top + vmax * scale
    if negative:
        board.art.rect(x0, zero - 0.5, w, max(1.5, ctx.short * 0.003), paint.ink)
    else:
        board._grid(x0, x1, top, zero)
    pts = [(x0 + slot * (i + 0.5), zero - v * scale) for i, v in enumerate(values)]
    d = "".join(f"{'M' if i == 0 else 'L'}{num(px)} {num(py)}" for i, (px, py) in enumerate(pts))
    if not negative and n > 1:
        area = d + f"L{num(pts[-1][0])} {num(zero)}L{num(pts[0][0])} {num(zero)}Z"
        board.art.path(area, tone(ctx, paint.main, 0.3, 0.5, fallback=paint.track))
    board.art.path(
        d, None, stroke=paint.main, stroke_width=round(stroke, 2), stroke_linecap="round", stroke_linejoin="round"
    )
    peak = max(range(n), key=lambda i: values[i])
    back = paint.card if board.cards else paint.ground
    prefix = board.ids("point")
    pills = board.art.group()  # drawn under the values, over the line
    for i, ((px, py), fig) in enumerate(zip(pts, figs, strict=True)):
        rr = stroke * (1.9 if i == peak else 1.4)
        board.art.circle(
            px,
            py,
            rr,
            back,
            stroke=paint.hi if i == peak else paint.main,
            stroke_width=round(stroke * 0.8, 2),
            id=f"{prefix}-{i}",
        )
        below = values[i] < 0
        vy0 = py + rr + val_h * 0.35 if below else py - rr - val_h * 1.35
        color = paint.on(paint.hi) if i == peak else paint.ink
        got = board.number(
            fig.text,
            (px - slot * 0.42, vy0, px + slot * 0.42, vy0 + val_h),
            color,
            max_size=max(size * 1.4, ctx.short * 0.024),
        )
        pad = val_h * 0.28
        pill = (got[0] - pad * 1.4, vy0 - pad * 0.35, got[2] + pad * 1.4, vy0 + val_h + pad * 0.35)
        pills.path(
            rect_d(pill[0], pill[1], pill[2] - pill[0], pill[3] - pill[1], (pill[3] - pill[1]) / 2),
            paint.hi if i == peak else back,
        )
    board.labels(items, paint.ink, size=size)


# --- stats and one big figure ------------------------------------------------------------------------------


def stats(board: Board, box: Box, figs: Sequence[Figure], *, keep_all: bool = False) -> None:
    """A grid of stat tiles: a percentage as a ring filled to its value, any other figure as itself; the value
    large and its label under it. A side view shows as many of the largest as fit legibly (`keep_all`: every one,
    smaller if need be)."""
    ctx, paint = board.ctx, board.paint
    x0, y0, x1, y1 = board.frame(box)
    w, h = x1 - x0, y1 - y0
    k = len(figs)
    while True:
        cols = min(range(1, k + 1), key=lambda c: abs(math.log((w / c) / (h / math.ceil(k / c)) / 1.1)))
        if k <= 4 and w >= h * 1.2:
            cols = k  # a few figures on a wide body: one row, never two and a straggler
        rows = math.ceil(k / cols)
        cw, ch = w / cols, h / rows
        if keep_all or k == 1 or min(cw, ch * 1.2) >= board.min_text * 6.5:
            break
        k -= 1
    figs = list(figs) if k == len(figs) else top(figs, k)
    fills = colors(board, k)
    cap = max(board.min_text, min(ctx.short * 0.03, ch * 0.1))
    lab_h = min(ch * 0.32, cap * 2.5)
    ring = all(f.unit == "%" and 0 <= f.value <= 100 for f in figs)
    # Figures side by side share one size where they can: the middle one's fit ("62%" as large as "3 cups"; a long
    # "400 million cups" fits its own tile smaller rather than shrinking every figure to its size).
    inner_w, inner_h = cw * 0.8, (ch * 0.9 - lab_h) * 0.62
    # A figure's size is the tile's height, narrowed where its text would run wider than the tile (the width of
    # the text at the size it is set, not at the tile's height: a tall tile set "$4.2M" at a fifth of its size).
    tall = min(inner_h, ctx.short * 0.11)
    fits = sorted(1.3 * tall * min(1.0, inner_w / (_text_w(f.text, 1.0) * max(tall, 1e-6))) for f in figs)
    one_size = fits[(len(fits) - 1) // 2]
    items: list[tuple[str, Box]] = []
    prefix = board.ids("stat")
    for i, fig in enumerate(figs):
        r_, c_ = divmod(i, cols)
        shift = (cols - min(cols, k - r_ * cols)) / 2  # a short last row, centred
        cx0, cy0 = x0 + cw * (c_ + shift), y0 + ch * r_
        inset = 0.06 if ring else 0.1  # figures side by side keep a clear gap
        body = (cx0 + cw * inset, cy0 + ch * 0.05, cx0 + cw * (1 - inset), cy0 + ch - lab_h - ch * 0.05)
        if ring:
            rad = min((body[2] - body[0]) / 2, (body[3] - body[1]) / 2)
            rx, ry = (body[0] + body[2]) / 2, (body[1] + body[3]) / 2
            thick = rad * 0.17
            board.art.path(sector_d(rx, ry, rad - thick, rad, 0, 359.99), paint.track)
            if fig.value > 0:
                board.art.path(
                    sector_d(rx, ry, rad - thick, rad, 0, min(359.99, fig.value * 3.6)), fills[i], id=f"{prefix}-{i}"
                )
            board.number(
                fig.text, (rx - rad * 0.62, ry - rad * 0.3, rx + rad * 0.62, ry + rad * 0.3), paint.ink, display=True
            )
            label_top = ry + rad + ch * 0.03
        else:
            vh = min((body[3] - body[1]) * 0.62, ctx.short * 0.11)
            vy = body[3] - vh * 1.25
            room = vy - body[1]
            icon = _stat_icon(ctx, fig.label) if room >= vh * 0.7 else None
            if icon is not None:
                # "12,000 meals served": the tile's thing drawn over its number, on a disc of the tile's colour
                size = min(room * 0.7, cw * 0.5)
                icx, icy = (body[0] + body[2]) / 2, vy - room / 2
                board.art.circle(icx, icy, size / 2, fills[i])
                ctx.draw_icon(board.art, icon, icx, icy, size * 0.56, readable(fills[i], [paint.ink, paint.ground]))
            got = board.number(fig.text, (body[0], vy, body[2], vy + vh), paint.main, display=True, max_size=one_size)
            rule = max(2.0, ctx.short * 0.005)
            board.art.rect((got[0] + got[2]) / 2 - cw * 0.08, got[3] + vh * 0.12, cw * 0.16, rule, fills[i])
            label_top = got[3] + vh * 0.12 + rule + ch * 0.02
        items.append((fig.label, (cx0 + cw * 0.05, label_top, cx0 + cw * 0.95, max(label_top + 4, cy0 + ch))))
    board.labels(items, paint.ink, cap=cap, weight=500)


def bignum(board: Board, box: Box, fig: Figure) -> None:
    """One figure large, its label under it, and (a percentage) a bar filled to its value."""
    ctx, paint = board.ctx, board.paint
    x0, y0, x1, y1 = board.frame(box)
    w, h = x1 - x0, y1 - y0
    share = fig.unit == "%" and 0 <= fig.value <= 100
    bar_h = max(3.0, h * 0.05) if share else 0.0
    cap = min(ctx.short * 0.034, h * 0.14)
    lab_h = min(h * 0.3, cap * 2.5)
    fig_box = (x0, y0, x1 - w * 0.04, y1 - lab_h - bar_h * 3 - h * 0.04)
    got = board.number(fig.text, fig_box, paint.main, align="left", display=True)
    label_top = got[3] + h * 0.05
    board.labels([(fig.label, (x0, label_top, x1, label_top + lab_h))], paint.ink, align="left", cap=cap, weight=500)
    if share:
        bar_y = min(y1 - bar_h, label_top + lab_h + bar_h)
        board.art.rect(x0, bar_y, w, bar_h, paint.track)
        if fig.value > 0:
            board.art.rect(x0, bar_y, w * fig.value / 100, bar_h, paint.hi, id=board.ids("share") + "-0")
