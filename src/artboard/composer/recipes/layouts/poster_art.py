"""The illustrated poster: what the prompt names, drawn large in flat colour on a panel of the poster's colour,
small repeats of it scattered round the edge like confetti, and the headline and details under it (beside it on
a wide page). The poster a designer makes for a garden open day, a bake sale or a science fair."""

from __future__ import annotations

import math

from artboard.colors import contrast_ratio
from artboard.composer.canvas import circle_d, rect_d
from artboard.composer.context import Box, Ctx
from artboard.composer.recipes.layouts.common import (
    ground,
    readable,
    set_details,
    set_headline,
    things_pictured,
    visible,
)
from artboard.composer.recipes.layouts.copy_text import Copy


def _scatter(ctx: Ctx, box: Box, keep_out: Box, count: int, size: float) -> list[tuple[float, float]]:
    """Seeded spots inside `box`, clear of `keep_out` and of each other."""
    x0, y0, x1, y1 = box
    kx0, ky0, kx1, ky1 = keep_out
    spots: list[tuple[float, float]] = []
    for _ in range(count * 30):
        if len(spots) == count:
            break
        x = ctx.rng.uniform(x0 + size, x1 - size)
        y = ctx.rng.uniform(y0 + size, y1 - size)
        if kx0 - size < x < kx1 + size and ky0 - size < y < ky1 + size:
            continue
        if all(math.hypot(x - sx, y - sy) > size * 2.2 for sx, sy in spots):
            spots.append((x, y))
    return spots


def art_poster(ctx: Ctx, copy: Copy) -> str | None:
    from artboard.composer.arrange import draw_group, illustration_mode, plan_group
    from artboard.composer.noun_icons import resolve_in

    s = ctx.scheme
    if illustration_mode(ctx) != "color" or s.background is None or s.constrained:
        return None
    pictured = things_pictured(plan_group(ctx, "color"))
    if pictured is None:
        return None
    group = pictured
    b = ctx.brief
    concrete = {t.noun for t in b.things if t.kind in ("thing", "animal", "person") and t.noun in b.subjects}
    if concrete and not any(p.concept in concrete or p.concept.split()[-1] in concrete for p in group.placed):
        return None  # "a travel poster for Lisbon, a yellow tram": the picture is the tram, not travel's aeroplane
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    gnd = ground(ctx)
    wide = W > H * 1.15
    art = ctx.canvas.group("poster")
    back, front = art.group("shapes"), art.group("type")
    panel_colour = visible(ctx, gnd, s.primary, s.secondary, s.accent, ratio=1.25)
    px0, py0, px1, py1 = (W * 0.5, 0.0, float(W), float(H)) if wide else (0.0, 0.0, float(W), H * 0.6)
    back.path(rect_d(px0, py0, px1 - px0, py1 - py0), panel_colour)
    side = min(px1 - px0, py1 - py0) * 0.74
    cx, cy = (px0 + px1) / 2, (py0 + py1) / 2 + (0 if wide else m * 0.3)
    halo = visible(ctx, panel_colour, s.surface, s.accent, gnd, ratio=1.2)
    back.path(circle_d(cx, cy, side * 0.52), halo)
    box = (cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2)
    # Confetti of the same things, and of what else the prompt names that the picture has no room for.
    icons_used = [p.icon for p in group.placed]
    drawn = {p.concept for p in group.placed}
    drawn_words = {w for c in drawn for w in c.split()}  # ("coffee cup steam": the cup's own steam is drawn)
    for subject in [x for x in b.subjects if x not in drawn and not set(x.split()) <= drawn_words][:3]:
        hit = resolve_in(subject, "color")
        if hit is not None and hit[0].mode == "color" and hit[0].key not in {i.key for i in icons_used}:
            icons_used.insert(0, hit[0])
            ctx.info.setdefault("drawn", []).append({"concept": hit[1], "icon": hit[0].key})
            ctx.info.setdefault("icons", []).append(hit[0].key)
    small = short * 0.055
    for k, (x, y) in enumerate(_scatter(ctx, (px0 + m * 0.4, py0 + m * 0.4, px1 - m * 0.4, py1 - m * 0.4),
                                        (cx - side * 0.55, cy - side * 0.55, cx + side * 0.55, cy + side * 0.55),
                                        8, small)):  # fmt: skip
        ctx.draw_icon(back, icons_used[k % len(icons_used)], x, y, small, s.accent, name=f"confetti-{k}")
    draw_group(ctx, front, group, box, s.ink, knockout=halo)
    ink = readable(ctx, gnd)
    accent = s.accent if contrast_ratio(s.accent, gnd) >= 3.0 else ink
    if wide:
        hl_box = (m, H * 0.18, W * 0.5 - m, H * 0.62)
        hl = set_headline(ctx, front, copy.headline or "", hl_box, ink, valign="bottom", max_lines=3)
        back.rect(m, hl.bbox[3] + short * 0.04, short * 0.1, short * 0.012, accent)
        set_details(ctx, front, copy.lines, m, hl.bbox[3] + short * 0.09, W * 0.5 - m, ink, limit=H - m)
        return "poster-art-side"
    top = py1 + short * 0.05
    room = short * (0.048 * len(copy.lines) + 0.08) if copy.lines else short * 0.04
    hl_box = (m, top, W - m, max(top + short * 0.1, H - m - room))
    hl = set_headline(ctx, front, copy.headline or "", hl_box, ink, align="center", valign="top", max_lines=2)
    y = hl.bbox[3] + short * 0.035
    back.rect(W / 2 - short * 0.05, y, short * 0.1, short * 0.008, accent)
    if copy.lines:
        set_details(ctx, front, copy.lines, m, y + short * 0.03, W - m, ink, align="center", limit=H - m * 0.6)
    return "poster-art"


def synthwave_poster(ctx: Ctx, copy: Copy) -> str:
    """A synthwave poster: the scene over the top two thirds, the title in neon on the dark floor under it."""
    from artboard.composer.recipes.graphics.synthwave import FLOOR_INK, synthwave_scene

    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    art = ctx.canvas.group("poster")
    wide = W > H * 1.15
    scene_bottom = H * (0.72 if wide else 0.66)
    art.rect(0, 0, W, H, FLOOR_INK)
    _sky, grid, _ridge = synthwave_scene(ctx, art.group("scene"), (0.0, 0.0, float(W), scene_bottom))
    front = art.group("type")
    glow = grid if contrast_ratio(grid, FLOOR_INK) >= 4.5 else (255, 244, 252)
    top = scene_bottom + short * 0.04
    room = short * (0.045 * len(copy.lines) + 0.04) if copy.lines else 0.0
    hl_box = (m, top, W - m, max(top + short * 0.08, H - m * 0.7 - room))
    hl = set_headline(ctx, front, copy.headline or "", hl_box, glow, align="center", valign="middle", max_lines=2)
    if copy.lines:
        set_details(ctx, front, copy.lines, m, hl.bbox[3] + short * 0.025, W - m, (255, 244, 252), align="center",
                    limit=H - m * 0.5)  # fmt: skip
    return "poster-synthwave"
