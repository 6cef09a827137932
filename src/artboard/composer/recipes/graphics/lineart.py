"""Line-art landscapes: the ranges, sun, clouds and water lines in one stroke weight, no fills; nearer
ridges hide what is behind them.
"""

from __future__ import annotations

from artboard.colors import RGB
from artboard.composer import shapes
from artboard.composer.canvas import Node, circle_d, num, polygon_d, rect_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.common import Box, has_word, note_drawn
from artboard.composer.recipes.graphics.scenery import crescent_d, draw_birds, ridge_points


def line_landscape(ctx: Ctx, art: Node, area: Box, color: RGB, accent: RGB, open_ends: bool = False) -> str:
    """The same scenery in uniform-weight strokes: ridges occlude what is behind them, no fills."""
    rng = ctx.rng
    x0, y0, x1, y1 = area
    w, h = x1 - x0, y1 - y0
    weight = max(2.0, ctx.short * 0.006)
    horizon = y0 + h * rng.uniform(0.6, 0.68)
    ranges: list[tuple[str, str]] = []  # (outline polygon, ridge line)
    layers = rng.choice([2, 3])
    wide = max(1.0, w / h)
    for i in range(layers):
        base = horizon + h * 0.05 * i
        height = h * (0.42 - 0.1 * i) * rng.uniform(0.85, 1.05) * (1.15 if wide > 1.4 else 1.0)
        peaks = rng.randint(1, 2) + i + (int(wide) if wide > 1.4 else 0)
        if open_ends:
            inset = w * (0.04 + 0.05 * (layers - 1 - i))
            pts = ridge_points(ctx, x0 + inset, x1 - inset, base, height, peaks, sharp=True)
            pts = [(x0 + inset - height * 0.2, base), *pts[1:-1], (x1 - inset + height * 0.2, base)]
            body = polygon_d([(pts[0][0], y1 + h), *pts, (pts[-1][0], y1 + h)])
        else:
            pts = ridge_points(ctx, x0 - w * 0.05, x1 + w * 0.05, base, height, peaks, sharp=True)
            body = polygon_d([(x0 - w * 0.05, y1 + h), *pts, (x1 + w * 0.05, y1 + h)])
        line = "M" + "L".join(f"{num(x)} {num(y)}" for x, y in pts)
        # Ridge detail: a line down from each peak's shoulder (the shaded face's edge).
        for k in range(1, len(pts) - 1):
            px, py = pts[k]
            if py < pts[k - 1][1] and py < pts[k + 1][1] and base - py > height * 0.5:
                drop = (base - py) * rng.uniform(0.35, 0.6)
                line += (
                    f"M{num(px)} {num(py)}L{num(px + drop * 0.18)} {num(py + drop * 0.45)}"
                    f"L{num(px - drop * 0.05)} "
                    f"{num(py + drop)}"
                )
        ranges.append((body, line))
    sun_x = x0 + w * rng.uniform(0.28, 0.72)
    sun_y = y0 + h * rng.uniform(0.22, 0.32)
    sun_r = min(w, h) * rng.uniform(0.08, 0.11)
    strokes: list[tuple[str, RGB]] = []
    nearer = ""
    for i in reversed(range(layers)):
        body, line = ranges[i]
        outline = shapes.stroke_outline(line, weight)
        if nearer:
            outline = shapes.difference(outline, nearer)
        strokes.append((outline, color))
        nearer = body if not nearer else shapes.union([nearer, body])
    # The sun: a ring (its lower part hidden behind the ranges), sometimes with rays; water lines below. A moon
    # asked for is a crescent in the same stroke.
    moon = has_word(ctx, "moon", "crescent", "night", "moonlit", "midnight")
    crescent = moon and not has_word(ctx, "full")  # a full moon is a ring like the sun
    disc = crescent_d(sun_x, sun_y, sun_r) if crescent else circle_d(sun_x, sun_y, sun_r)
    note_drawn(ctx, "mountain", "moon" if moon else "sun")
    sun = shapes.stroke_outline(disc, weight)
    sun = shapes.difference(sun, nearer)
    strokes.append((sun, accent))
    lines = ""
    for _k in range(rng.randint(2, 3)):
        cy = y0 + h * rng.uniform(0.16, 0.36)
        cx = x0 + w * rng.uniform(0.3, 0.7)
        if abs(cx - sun_x) < sun_r * 2.5 and abs(cy - sun_y) < sun_r * 2:
            continue
        cw = w * rng.uniform(0.1, 0.16)
        cloud = (
            f"M{num(cx - cw / 2)} {num(cy)}H{num(cx + cw / 2)}M{num(cx - cw * 0.25)} {num(cy - weight * 3)}"
            f"H{num(cx + cw * 0.3)}"
        )
        if shapes.intersect(shapes.stroke_outline(cloud, weight * 4), nearer):
            continue  # a cloud must not touch a ridge
        lines += cloud
    water_top = horizon + h * 0.1
    for k in range(4):
        yy = water_top + k * h * 0.05
        if yy > y1 - weight * 2:
            break
        inset = w * (0.08 + 0.06 * k) + w * rng.uniform(0, 0.05)
        lines += f"M{num(x0 + inset)} {num(yy)}H{num(x1 - inset * rng.uniform(0.6, 1.2))}"
    if lines:
        body = shapes.stroke_outline(lines, weight)
        strokes.append(
            (
                shapes.difference(
                    body, shapes.difference(nearer, rect_d(x0 - w, water_top - weight * 3, 3 * w, 2 * h))
                ),
                color,
            )
        )
    if open_ends:
        gy = horizon + h * 0.05 * (layers - 1)
        strokes.append((shapes.stroke_outline(f"M{num(x0)} {num(gy)}H{num(x1)}", weight), color))
    if rng.random() < 0.6:
        draw_birds(
            ctx, art, x0 + w * rng.uniform(0.15, 0.55), y0 + h * rng.uniform(0.2, 0.35), min(w, h) * 0.025, color
        )
    for d, c in strokes:
        if d:
            art.path(d, c)
    return "line-landscape"
