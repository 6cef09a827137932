"""A comparison of plans as a designer sets one: a column per plan with its name, its price as the user wrote it
and what it includes, the dearest plan lifted in the brand colour ("comparison chart Free vs Pro plan: Free $0 with
5 projects, Pro $12/month with unlimited projects"). Every word and figure is the user's; nothing is charted."""

from __future__ import annotations

import re
from dataclasses import dataclass

from artboard.colors import contrast_ratio
from artboard.composer import icons
from artboard.composer.canvas import rect_d
from artboard.composer.context import Box, Ctx
from artboard.composer.recipes.graphics.charts import Board

_PLAN_RE = re.compile(
    r"(?P<name>\b[A-Z][\w+&'’]*(?:\s[A-Z][\w+&'’]*)?)\s*(?:plan|tier)?\s*[:—–-]?\s*"
    r"(?P<price>(?:[$€£]\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|USD|EUR))(?:\s*/\s*(?:month|mo|year|yr|user|seat|person)"
    r"|\s+(?:a|per)\s+(?:month|year|user))?)"
)
_COMPARE_RE = re.compile(r"\b(?:vs\.?|versus|compar\w*|pricing|plans?|tiers?|packages?)\b", re.I)
_LEAD_RE = re.compile(r"^\s*(?:with|includes?|including|for|—|–|-|:|,)\s*", re.I)


@dataclass(frozen=True)
class Plan:
    name: str
    price: str
    features: tuple[str, ...]


def plans(prompt: str) -> list[Plan]:
    """The plans a comparison prompt lists, in order, each with its features; [] unless there are two or more."""
    if not _COMPARE_RE.search(prompt):
        return []
    found = list(_PLAN_RE.finditer(prompt))
    out: list[Plan] = []
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(prompt)
        tail = prompt[m.end() : end]
        tail = re.split(r"[.;]\s|\.$|;$", tail)[0]
        tail = _LEAD_RE.sub("", tail).strip(" ,;.")
        features = tuple(f.strip(" ,;.") for f in re.split(r",\s*|\s+and\s+|\s+\+\s+", tail) if f.strip(" ,;."))
        # A colour list after the last plan ("…, navy and gold") describes the design, not the plan.
        from artboard.composer.colour_words import find_colours

        features = tuple(f for f in features if not (find_colours(f.lower()) and len(f.split()) <= 2))
        out.append(Plan(m.group("name").strip(), " ".join(m.group("price").split()), features[:6]))
    return out if len(out) >= 2 else []


def columns(ctx: Ctx, board: Board, body: Box, offer: list[Plan]) -> str:
    """The plans side by side (stacked on a tall page when there are more than two), the dearest lifted."""
    s, paint = ctx.scheme, board.paint
    x0, y0, x1, y1 = body
    n = len(offer)
    tall = (y1 - y0) > (x1 - x0) * 1.4 and n > 2
    gap = ctx.short * 0.03
    lifted = max(range(n), key=lambda i: _amount(offer[i].price))
    check = next((ic for ic, _ in icons.find_icons("check", k=3, mode="stroke")), None)
    for i, plan in enumerate(offer):
        if tall:
            h = (y1 - y0 - gap * (n - 1)) / n
            box = (x0, y0 + i * (h + gap), x1, y0 + i * (h + gap) + h)
        else:
            w = (x1 - x0 - gap * (n - 1)) / n
            box = (x0 + i * (w + gap), y0, x0 + i * (w + gap) + w, y1)
        fill = s.primary if i == lifted else paint.card
        ink = paint.on(fill) if i == lifted else paint.ink
        if contrast_ratio(ink, fill) < 3.0:
            ink = max((s.ink, s.on_primary, (255, 255, 255)), key=lambda c: contrast_ratio(c, fill))
        bx0, by0, bx1, by1 = box
        board.art.path(rect_d(bx0, by0, bx1 - bx0, by1 - by0, ctx.short * 0.025), fill)
        # Sizes follow the column, not the page: a narrow column on a wide banner still reads.
        unit = min(bx1 - bx0, (by1 - by0) * 0.8)
        pad = unit * 0.09
        cx0, cx1 = bx0 + pad, bx1 - pad
        y = by0 + pad
        name = ctx.text(board.art, plan.name, (cx0, y, cx1, y + unit * 0.09), ink, purpose="body", weight=700,
                        uppercase=True, tracking=160, max_lines=1, align="left", valign="top", name="plan")  # fmt: skip
        y = name.bbox[3] + unit * 0.04
        price = ctx.text(board.art, plan.price, (cx0, y, cx1, y + unit * 0.2), ink, max_lines=1,
                         align="left", valign="top", name="price")  # fmt: skip
        y = price.bbox[3] + unit * 0.06
        board.art.rect(cx0, y, cx1 - cx0, max(1.0, ctx.short * 0.003), ink)
        y += unit * 0.06
        row = min(unit * 0.11, (by1 - pad - y) / max(1, len(plan.features)) * 0.75)
        for feature in plan.features:
            if y + row > by1 - pad * 0.5:
                break
            if check is not None:
                ctx.draw_icon(board.art, check, cx0 + row * 0.4, y + row * 0.5, row * 0.75, ink, name="check")
            ctx.text(board.art, feature, (cx0 + row * 1.1, y, cx1, y + row), ink, purpose="body", max_lines=1,
                     align="left", valign="middle", name="feature")  # fmt: skip
            y += row * 1.35
    return f"infographic-pricing-{n}"


def _amount(price: str) -> float:
    digits = re.sub(r"[^\d.]", "", price.replace(",", ""))
    try:
        return float(digits) if digits else 0.0
    except ValueError:
        return 0.0
