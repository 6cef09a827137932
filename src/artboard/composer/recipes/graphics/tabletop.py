"""Food and drink on a table, as a food photographer frames it: "a bowl of ramen with a soft-boiled egg on a
wooden table", "a latte on a marble counter", "overhead shot of brunch". The dish is large on its surface (wood
planks, marble veins or linen), seen from the front with its shadow, or from above on a plate with what goes with
it around it. A photographic prompt gets the composer's best flat rendition of this, and says so (warnings)."""

from __future__ import annotations

import re

from artboard.colors import RGB, from_oklch
from artboard.composer import wordnet
from artboard.composer.arrange import Group, Placed, draw_group, plan_group
from artboard.composer.canvas import Node, circle_d, ellipse_d, rect_d
from artboard.composer.context import Ctx
from artboard.composer.noun_icons import resolve
from artboard.composer.recipes.graphics.common import has_word, tone

_SURFACE_WORDS = ("table", "counter", "countertop", "plate", "tray", "board", "tablecloth", "picnic", "brunch", "shot")
_OVERHEAD_RE = re.compile(r"\b(?:overhead|top[- ]down|flat[- ]?lay|from above|bird'?s[- ]eye)\b", re.I)


# Each surface: (its name, its colour, its grain's colour).
_WOOD = ("wood", from_oklch(0.62, 0.08, 60), from_oklch(0.54, 0.08, 55))
_LINEN = ("linen", from_oklch(0.93, 0.02, 85), from_oklch(0.86, 0.03, 80))
_MARBLE = ("marble", from_oklch(0.95, 0.005, 250), from_oklch(0.8, 0.01, 250))
_SLATE = ("slate", from_oklch(0.36, 0.015, 250), from_oklch(0.42, 0.015, 250))
_FOOD_TAGS = frozenset("food drink meal dish beverage dessert fruit bread breakfast lunch dinner snack noodle".split())


def _food(noun: str) -> bool:
    head = noun.split()[-1]
    if "noun.food" in wordnet.lexnames(head, 2) or wordnet.is_a(head, "beverage", 2) or wordnet.is_a(head, "dish", 2):
        return True
    found = resolve(noun, "color")  # "ramen", "boba": words WordNet lacks, drawn by a food emoji
    return found is not None and bool(_FOOD_TAGS & set(found[0].tags))


def wanted(ctx: Ctx) -> bool:
    """Food or drink first among the things, and a table, a counter, a plate or a photograph to put it on."""
    b = ctx.brief
    if not b.subjects or not _food(b.subjects[0]):
        return False
    if any(t.kind in ("person", "animal") and not _food(t.noun) for t in b.things):
        return False  # "a chef tossing pizza dough": people at work are a scene
    return b.photographic or has_word(ctx, *_SURFACE_WORDS) or bool(_OVERHEAD_RE.search(b.prompt))


def _surface(ctx: Ctx) -> tuple[str, RGB, RGB]:
    """(what the table is, its colour, its grain's colour)."""
    if ctx.scheme.constrained:
        return "plain", ctx.scheme.surface, tone(ctx, ctx.scheme.surface, -0.06, fallback=ctx.scheme.ink)
    if has_word(ctx, "marble"):
        return _MARBLE
    if has_word(ctx, "linen", "tablecloth", "cloth", "picnic"):
        return _LINEN
    if has_word(ctx, "wood", "wooden", "rustic", "oak", "walnut", "farmhouse"):
        return _WOOD
    return ctx.rng.choice([_WOOD, _LINEN, _SLATE])  # no surface said: the photographer's choice, one of three


def _grain(ctx: Ctx, node: Node, kind: str, box: tuple[float, float, float, float], ink: RGB) -> None:
    x0, y0, x1, y1 = box
    rng, short = ctx.rng, ctx.short
    if kind == "wood":
        planks = 5
        for k in range(1, planks):
            y = y0 + (y1 - y0) * k / planks
            node.path(rect_d(x0, y - short * 0.002, x1 - x0, short * 0.004), ink)
    elif kind == "marble":
        veins = []
        for _ in range(7):
            x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
            dx, dy = rng.uniform(0.15, 0.4) * (x1 - x0), rng.uniform(-0.1, 0.1) * (y1 - y0)
            veins.append(f"M{x:.1f} {y:.1f}q{dx * 0.5:.1f} {dy - short * 0.03:.1f} {dx:.1f} {dy:.1f}")
        node.path("".join(veins), None, stroke=ink, stroke_width=round(short * 0.003, 2))


def tabletop(ctx: Ctx, art: Node) -> str:
    """The dish on its table; returns `tabletop-<view>-<surface>`."""
    w, h, short = float(ctx.width), float(ctx.height), ctx.short
    s = ctx.scheme
    kind, top, grain = _surface(ctx)
    # colour art, unless a palette is given: then glyphs in its inks (the palette is a guarantee)
    group = plan_group(ctx, "fill" if s.constrained else "color", limit=3)
    # the table is drawn as the surface, never as its glyph among the dishes
    placed = [p for p in group.placed if p.concept.split()[-1] not in _SURFACE_WORDS]
    if not placed:
        return "tabletop-empty"
    first = ctx.brief.subjects[0]
    # the dish the prompt opens with ("ramen with a soft-boiled egg"), the rest beside it
    main = next((p for p in placed if first in p.concept or p.concept in first), max(placed, key=lambda p: p.size))
    others = [p for p in placed if p is not main]
    said_view = _OVERHEAD_RE.search(ctx.brief.prompt) or has_word(ctx, "table", "counter", "countertop")
    overhead = bool(_OVERHEAD_RE.search(ctx.brief.prompt)) or (not said_view and ctx.rng.random() < 0.5)
    shade = tone(ctx, top, -0.14, fallback=s.ink)
    bare = s.background is None  # a transparent ground: the dish alone, no table painted under it
    if overhead:
        if not bare:
            art.rect(0, 0, w, h, top)
            _grain(ctx, art, kind, (0, 0, w, h), grain)
        cx, cy, size = w / 2 + w * ctx.rng.uniform(-0.04, 0.04), h / 2, short * ctx.rng.uniform(0.58, 0.66)
        plate = from_oklch(0.97, 0.005, 90) if not s.constrained else s.background or s.surface
        art.path(circle_d(cx + size * 0.03, cy + size * 0.04, size * 0.56), shade, fill_opacity=0.35)
        art.path(circle_d(cx, cy, size * 0.56), plate)
        art.path(circle_d(cx, cy, size * 0.44), tone(ctx, plate, -0.04, fallback=plate))
        spots = [(cx - size * 0.78, cy - size * 0.45), (cx + size * 0.78, cy + size * 0.42)]
    else:
        line = h * 0.58
        wall = s.background if s.background is not None else s.surface
        if not bare:
            art.rect(0, 0, w, line, tone(ctx, wall, 0.02, fallback=wall))
            art.rect(0, line, w, h - line, top)
            art.rect(0, line, w, short * 0.012, tone(ctx, top, 0.08, fallback=top))
            _grain(ctx, art, kind, (0, line + short * 0.02, w, h), grain)
        size = short * ctx.rng.uniform(0.52, 0.6)
        cx, cy = w / 2 + w * ctx.rng.uniform(-0.05, 0.05), line + (h - line) * 0.42 - size * 0.28
        art.path(ellipse_d(cx, cy + size * 0.42, size * 0.42, size * 0.07), shade, fill_opacity=0.45)
        spots = [(cx - size * 0.78, cy + size * 0.18), (cx + size * 0.78, cy + size * 0.2)]
    dish = Group((Placed(main.concept, main.icon, 0.5, 0.5, 1.0),), None, group.left_out)
    draw_group(ctx, art, dish, (cx - size / 2, cy - size / 2, cx + size / 2, cy + size / 2), s.ink)
    for p, (x, y) in zip(others, spots, strict=False):
        side = size * 0.42
        draw_group(
            ctx,
            art,
            Group((Placed(p.concept, p.icon, 0.5, 0.5, 1.0),), None),
            (x - side / 2, y - side / 2, x + side / 2, y + side / 2),
            s.ink,
        )
    ctx.info.setdefault("drawn", []).append({"concept": kind + " table", "icon": "scene:table"})
    return f"tabletop-{'overhead' if overhead else 'front'}-{kind}"
