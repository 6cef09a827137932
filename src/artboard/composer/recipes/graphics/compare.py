"""Comparison infographics ("cats vs dogs, independent vs loyal, quiet vs playful"): the two sides as columns
under their pictures, a "VS" medallion between them, and each later pair as a row of the two columns' words.
Only what the prompt says is set: no invented figures."""

from __future__ import annotations

import re

from artboard.colors import RGB, contrast_ratio
from artboard.composer import icons
from artboard.composer.canvas import circle_d, rect_d
from artboard.composer.context import Box, Ctx
from artboard.composer.noun_icons import resolve
from artboard.composer.recipes.graphics.charts import Board

_VS_RE = re.compile(r"^\s*(?:an?\s+|the\s+)?(.+?)\s+(?:vs\.?|versus|v\.)\s+(?:an?\s+|the\s+)?(.+?)\s*$", re.I)
# What the design is, around the sides: "infographic comparing coffee vs tea", "iPhone vs Android comparison".
_DESIGN = r"(?:comparison|compare|comparing|infographic|chart|graphic|table|poster|pricing|plans?)"
_LEAD_RE = re.compile(rf"^(?:.*?\b{_DESIGN}\b(?:\s+(?:of|between|for))?\s*)+", re.I)
_TAIL_RE = re.compile(rf"\s+{_DESIGN}\b.*$", re.I)


def pairs(prompt: str) -> list[tuple[str, str]]:
    """The "A vs B" pairs in the prompt, in order; the first names the two sides."""
    out: list[tuple[str, str]] = []
    for part in re.split(r"[,;:\n]|\.\s", prompt):
        split = re.split(r"(\s+(?:vs\.?|versus|v\.)\s+)", part, maxsplit=1, flags=re.I)
        if len(split) == 3:
            part = _LEAD_RE.sub("", split[0]) + split[1] + _TAIL_RE.sub("", split[2])
        part = re.sub(r"^\s*(?:comparing|compare|comparison of|between)\s+", "", part, flags=re.I)
        m = _VS_RE.match(part)
        if m and len(m.group(1).split()) <= 4 and len(m.group(2).split()) <= 4:
            out.append((m.group(1).strip(" ."), m.group(2).strip(" .")))
    if len(out) == 1:
        out += _said_of_sides(prompt, *out[0])
    return out


def _said_of_sides(prompt: str, left: str, right: str) -> list[tuple[str, str]]:
    """ "cats independent, dogs loyal, cats quiet, dogs playful": what is said of each side, paired in order."""
    said: dict[str, list[str]] = {left.lower(): [], right.lower(): []}
    for part in re.split(r"[,;:\n]|\.\s", prompt):
        words = part.strip(" .").split()
        if len(words) < 2 or len(words) > 5:
            continue
        side = words[0].lower()
        if side in said and not re.search(r"\b(?:vs\.?|versus)\b", part, re.I):
            said[side].append(" ".join(words[1:]))
    lefts, rights = said[left.lower()], said[right.lower()]
    return list(zip(lefts, rights, strict=False))


def _picture(ctx: Ctx, side: str) -> icons.Icon | None:
    found = resolve(icons.lemma(side.lower().split()[-1]) if " " not in side else side.lower(), "fill")
    if found is None:
        return None
    ctx.info.setdefault("icons", []).append(found[0].key)
    ctx.info.setdefault("drawn", []).append({"concept": found[1], "icon": found[0].key})
    return found[0]


def _ink_on(fill: RGB, *options: RGB) -> RGB:
    return max(options, key=lambda c: contrast_ratio(c, fill))


def columns(ctx: Ctx, board: Board, body: Box, found: list[tuple[str, str]]) -> str:
    s, paint = ctx.scheme, board.paint
    x0, y0, x1, y1 = body
    (left, right), rows = found[0], found[1:]
    gap = ctx.short * 0.08
    col_w = (x1 - x0 - gap) / 2
    fills = (paint.main, paint.hi if paint.hi != paint.main else s.accent)
    unit = min(col_w, (y1 - y0) * 0.7)
    head_h = min((y1 - y0) * (0.5 if rows else 0.8), unit * 0.9)
    row_h = min((y1 - y0 - head_h) / max(1, len(rows)), col_w * 0.3)
    # The cards end under their last point (the two sides alone: their headers), the whole centred in the body.
    height = head_h + (row_h * (len(rows) + 0.4) if rows else 0.0)
    y0 = (y0 + y1 - height) / 2
    y1 = y0 + height
    for k, (side, fill) in enumerate(zip((left, right), fills, strict=True)):
        cx0 = x0 + k * (col_w + gap)
        cx1 = cx0 + col_w
        board.art.path(rect_d(cx0, y0, col_w, y1 - y0, ctx.short * 0.03), paint.card)
        board.art.path(rect_d(cx0, y0, col_w, head_h, ctx.short * 0.03), fill)
        on = _ink_on(fill, s.ground, s.ink, s.on_primary, (255, 255, 255))
        icon = _picture(ctx, side)
        label_top = y0 + head_h * (0.66 if icon is not None else 0.3)
        if icon is not None:
            size = head_h * 0.5
            ctx.draw_icon(board.art, icon, (cx0 + cx1) / 2, y0 + head_h * 0.36, size, on, name=f"side-{k}")
        ctx.text(board.art, side.title(), (cx0 + col_w * 0.08, label_top, cx1 - col_w * 0.08, y0 + head_h * 0.94),
                 on, weight=800, max_lines=1, uppercase=True, tracking=60, name=f"side-name-{k}")  # fmt: skip
        if rows:
            top = y0 + head_h + row_h * 0.2
            # One size for every point, so no row shouts: what the longest point fits at, at most a third of a row.
            longest = max(len(p) for pair in rows for p in pair)
            point = min(row_h * 0.42, col_w * 1.9 / max(1, longest))
            for i, pair in enumerate(rows):
                ry = top + i * row_h
                if i:
                    board.art.rect(cx0 + col_w * 0.2, ry, col_w * 0.6, max(1.0, ctx.short * 0.003), paint.rule)
                ctx.text(board.art, pair[k], (cx0 + col_w * 0.08, ry + row_h * 0.18, cx1 - col_w * 0.08,
                         ry + row_h * 0.82), paint.ink, purpose="body", weight=600, max_lines=1,
                         max_size=point, name=f"point-{k}-{i}")  # fmt: skip
    # The medallion between the two headers.
    r = min(gap * 0.85, unit * 0.12)
    mx, my = (x0 + x1) / 2, y0 + head_h / 2
    board.art.path(circle_d(mx, my, r), s.ink if contrast_ratio(s.ink, paint.card) > 3 else paint.hi)
    ctx.text(board.art, "VS", (mx - r * 0.7, my - r * 0.45, mx + r * 0.7, my + r * 0.45),
             _ink_on(s.ink, s.ground, (255, 255, 255)), weight=900, max_lines=1, name="vs")  # fmt: skip
    return f"infographic-compare-{len(rows)}"
