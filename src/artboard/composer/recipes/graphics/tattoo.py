"""Tattoo flash: what a "traditional tattoo of a swallow with a banner that says MOM" is on a shop's wall — the
subject large on cream paper, no scenery, a ribbon banner across it carrying the words, a few sparkles and dots
round it; a flash sheet ("tattoo flash sheet: dagger, rose, swallow…") lays its items out in rows. The inks and
the heavy black lines are the tattoo finish's (composer/crafts.py), laid over whatever was drawn here.
"""

from __future__ import annotations

import math

from artboard.colors import RGB
from artboard.composer.arrange import Group, Placed, draw_group, plan_group
from artboard.composer.canvas import Node, polygon_d
from artboard.composer.context import Ctx
from artboard.composer.crafts import TATTOO_WORDS
from artboard.composer.noun_icons import resolve_in
from artboard.composer.recipes.badges.ribbons import _ribbon
from artboard.composer.recipes.graphics.common import Box, note_drawn

_BLACK: RGB = (28, 24, 22)
_RIBBON: tuple[RGB, RGB, RGB] = ((252, 246, 232), (226, 212, 184), (176, 150, 118))  # body, tails, folds
# What carries the words is the ribbon drawn here, never a bow or a flag picture beside the subject.
_CARRIERS = frozenset("banner banners ribbon ribbons scroll scrolls".split())


def wanted(ctx: Ctx) -> bool:
    return ctx.brief.design_type == "illustration" and bool(TATTOO_WORDS.search(ctx.brief.prompt))


def tattoo_flash(ctx: Ctx, art: Node) -> str:
    """The subject (or the sheet's items) in flash layout, its words on a ribbon; returns the layout name."""
    w, h, m = float(ctx.width), float(ctx.height), ctx.margin
    items = [i for i in ctx.brief.items if i.lower() not in _CARRIERS]
    if len(items) >= 3:
        _sheet(ctx, art, items, (m, m, w - m, h - m))
        return "tattoo-flash-sheet"
    group = plan_group(ctx, "color")
    kept = tuple(p for p in group.placed if not set(p.concept.split()) & _CARRIERS)
    group = Group(kept, group.relation, group.left_out, group.face)
    text = ctx.brief.headline
    short = min(w - 2 * m, h - 2 * m)
    side = min(w - 2 * m, (h - 2 * m) * (0.86 if text else 1.0))
    top = m if text else (h - side) / 2
    box = ((w - side) / 2, top, (w + side) / 2, top + side)
    if group.placed:
        draw_group(ctx, art, group, box, ctx.scheme.ink)
    _sparkles(ctx, art, box)
    if text:
        rh = short * 0.15
        half = min((w - 2 * m) / 2 - rh * 1.2, side * 0.5)
        _banner(ctx, art, text, w / 2, min(h - m - rh * 0.9, box[1] + side * 0.84), half, rh)
    return "tattoo-flash" + ("-banner" if text else "")


def _banner(ctx: Ctx, art: Node, text: str, cx: float, cy: float, half: float, rh: float) -> None:
    """A ribbon with swallow-tailed ends folded behind it, the words set on its body."""
    rib = _ribbon(cx, cy, half, rh, rh * 1.1, rh * 0.38)
    body, tails, folds = _RIBBON
    if ctx.scheme.constrained:
        body, tails, folds = ctx.scheme.ground, ctx.scheme.surface, ctx.scheme.secondary
    node = art.group("banner")
    node.path(rib.tails, tails)
    node.path(rib.folds, folds)
    node.path(rib.body, body)
    ink = _BLACK if not ctx.scheme.constrained else ctx.scheme.ink
    ctx.text(node, text, rib.text_box, ink, uppercase=len(text) < 24, max_lines=1, tracking=0.04)
    note_drawn(ctx, "banner")


def _sparkles(ctx: Ctx, art: Node, box: Box) -> None:
    """Four-pointed sparkles and dots round the subject, as flash sheets scatter them."""
    rng = ctx.rng
    x0, y0, x1, _y1 = box
    side = x1 - x0
    node = art.group("sparkles")
    spots = [(0.08, 0.12), (0.9, 0.2), (0.12, 0.62), (0.94, 0.58), (0.5, 0.02)]
    rng.shuffle(spots)
    colour = _BLACK if not ctx.scheme.constrained else ctx.scheme.ink
    for k, (fx, fy) in enumerate(spots[:4]):
        x, y = x0 + side * fx, y0 + side * fy
        r = side * rng.uniform(0.035, 0.05)
        if k % 2 == 0:
            pts = []
            for i in range(8):
                a = math.pi / 4 * i
                rr = r if i % 2 == 0 else r * 0.28
                pts.append((x + rr * math.sin(a), y - rr * math.cos(a)))
            node.path(polygon_d(pts), colour)
        else:
            for dx, dy, dr in ((0, 0, 0.3), (r * 0.9, r * 0.5, 0.2), (-r * 0.6, r * 0.9, 0.16)):
                node.circle(x + dx, y + dy, r * dr, colour)


def _sheet(ctx: Ctx, art: Node, items: list[str], area: Box) -> None:
    """A flash sheet: each item on its own, in rows filling the sheet."""
    x0, y0, x1, y1 = area
    n = len(items)
    aspect = (x1 - x0) / max(1.0, y1 - y0)
    cols = max(1, min(n, round(math.sqrt(n * aspect))))
    rows = math.ceil(n / cols)
    cw, ch = (x1 - x0) / cols, (y1 - y0) / rows
    for i, item in enumerate(items):
        hit = resolve_in(item.lower(), "color")
        if hit is None:
            ctx.info.setdefault("left_out", []).append(item)
            continue
        r, c = divmod(i, cols)
        in_row = min(cols, n - r * cols)
        ox = x0 + (x1 - x0 - in_row * cw) / 2  # a short last row is centred
        cell = (ox + c * cw, y0 + r * ch, ox + (c + 1) * cw, y0 + (r + 1) * ch)
        pad = min(cw, ch) * 0.12
        one = Group((Placed(hit[1], hit[0], 0.5, 0.5, 1.0),), None)
        draw_group(ctx, art, one, (cell[0] + pad, cell[1] + pad, cell[2] - pad, cell[3] - pad), ctx.scheme.ink)
