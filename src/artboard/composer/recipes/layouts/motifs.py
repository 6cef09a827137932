"""Motifs drawn onto a node: dot grids, frames, dividers and corner ornaments, geometric fillers that carry the
subject symbol, and the symbol as pixels."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

from artboard.colors import RGB
from artboard.composer import brand, icons, shapes
from artboard.composer.arrange import draw_group, illustration_mode, plan_group
from artboard.composer.canvas import Node, circle_d, rect_d, star_points
from artboard.composer.context import Box, Ctx
from artboard.composer.recipes.layouts.common import readable, visible
from artboard.composer.recipes.layouts.geometry import frame_d, half_disc_d, ring_d


def pill(parent: Node, x: float, y: float, w: float, h: float, fill: RGB) -> None:
    """A rectangle with fully rounded ends (a button)."""
    parent.path(rect_d(x, y, w, h, h / 2), fill)


def dot_grid(
    parent: Node, x0: float, y0: float, x1: float, y1: float, step: float, r: float, color: RGB, name: str = "dots"
) -> None:
    """A centred grid of dots, `step` apart, filling the box."""
    g = parent.group(name, fill=color)
    nx = max(1, int((x1 - x0) // step) + 1)
    ny = max(1, int((y1 - y0) // step) + 1)
    ox = x0 + ((x1 - x0) - (nx - 1) * step) / 2
    oy = y0 + ((y1 - y0) - (ny - 1) * step) / 2
    d = "".join(circle_d(ox + i * step, oy + j * step, r) for j in range(ny) for i in range(nx))
    g.add("path", d=d)


def frame_rule(parent: Node, x: float, y: float, w: float, h: float, t: float, color: RGB, r: float = 0) -> None:
    """A rectangular outline of thickness t (a stored style's line weight and corner radius when it fixes them:
    every layout's frame goes through here)."""
    parent.path(frame_d(x, y, w, h, brand.stroke(t), brand.corner(r, min(w, h))), color)


def _diamond(parent: Node, cx: float, cy: float, r: float, color: RGB) -> None:
    parent.polygon([(cx, cy - r), (cx + r * 0.7, cy), (cx, cy + r), (cx - r * 0.7, cy)], color)


def divider(ctx: Ctx, parent: Node, cx: float, cy: float, half: float, color: RGB, kind: str = "diamond") -> None:
    """A centred hairline rule broken by an ornament (a diamond, a star or three dots)."""
    t = ctx.stroke(max(1.0, ctx.short * 0.0025))
    r = ctx.short * 0.011
    parent.rect(cx - half, cy - t / 2, half - r * 2, t, color)
    parent.rect(cx + r * 2, cy - t / 2, half - r * 2, t, color)
    if kind == "star":
        parent.polygon(star_points(cx, cy, r * 1.2, r * 0.5), color)
    elif kind == "dots":
        for i in (-1, 0, 1):
            parent.circle(cx + i * r * 0.9, cy, r * 0.28, color)
    else:
        _diamond(parent, cx, cy, r, color)


def corner_flourish(ctx: Ctx, parent: Node, x: float, y: float, sx: int, sy: int, size: float, color: RGB) -> None:
    """An ornament for the corner at (x, y) opening towards (sx, sy): nested arcs, a dot and a leaf tip."""
    t = max(1.0, ctx.short * 0.0028)
    parts = []
    for k, rr in enumerate((size, size * 0.62)):
        cx, cy = x + sx * rr, y + sy * rr
        # quarter ring hugging the corner
        ring = ring_d(cx, cy, rr, rr - t * (1.4 if k == 0 else 1))
        quad = rect_d(min(x, x + sx * rr), min(y, y + sy * rr), rr, rr)
        parts.append(shapes.intersect(ring, quad))
    parent.path("".join(parts), color)
    parent.circle(x + sx * size * 0.2, y + sy * size * 0.2, size * 0.07, color)
    _diamond(parent, x + sx * size * 1.25, y + sy * t, size * 0.09, color)
    _diamond(parent, x + sx * t, y + sy * size * 1.25, size * 0.09, color)


def draw_motif(ctx: Ctx, parent: Node, kind: str, box: Box, color: RGB, second: RGB) -> None:
    """A geometric motif filling `box`."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    r = min(w, h) / 2
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    if kind == "circles":  # a disc and an overlapping ring
        parent.circle(cx - r * 0.2, cy, r * 0.78, color)
        parent.path(ring_d(cx + r * 0.28, cy, r * 0.7, r * 0.7 - ctx.short * 0.012), second)
    elif kind == "half":  # stacked half discs
        n = 3
        hr = min(w / 2, h / (n * 1.05))
        for i in range(n):
            yy = y0 + hr * (i + 1) * 1.02 + (h - hr * n * 1.02) / 2
            parent.path(half_disc_d(cx, yy, hr), color if i % 2 == 0 else second)
    elif kind == "bars":
        n = 7
        bw = w / (n * 1.6)
        for i in range(n):
            bh = h * (0.3 + 0.7 * abs(math.sin(i * 1.3 + 0.7)))
            parent.rect(x0 + i * bw * 1.6, y1 - bh, bw, bh, color if i != 4 else second)
    elif kind == "quarter":
        parent.path(
            f"M{x0:.2f} {y1:.2f}V{y1 - 2 * r:.2f}A{2 * r:.2f} {2 * r:.2f} 0 0 1 {x0 + 2 * r:.2f} {y1:.2f}Z", color
        )
        parent.circle(x0 + 2 * r * 0.78, y1 - 2 * r * 0.78, r * 0.28, second)
    elif kind == "stripes":
        n = 6
        sh = h / (n * 2 - 1)
        for i in range(n):
            parent.rect(x0, y0 + i * sh * 2, w, sh, color if i % 3 != 2 else second)
    else:  # "dots"
        step = max(w, h) / 9
        dot_grid(parent, x0, y0, x1, y1, step, step * 0.22, color)
        parent.circle(cx, cy, step * 0.9, second)


def symbol_or_motif(ctx: Ctx, parent: Node, icon: icons.Icon | None, box: Box, behind: RGB, prefer: RGB) -> None:
    """The subject symbol centred in `box`, or a small geometric motif where there is none."""
    x0, y0, x1, y1 = box
    size = min(x1 - x0, y1 - y0)
    if size <= 0:
        return
    if icon is not None:
        ctx.draw_icon(parent, icon, (x0 + x1) / 2, (y0 + y1) / 2, size, readable(ctx, behind, prefer, ratio=3.0))
    else:
        kind = ("circles", "half", "dots")[ctx.rng.randrange(3)]
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        draw_motif(
            ctx,
            parent,
            kind,
            (cx - size / 2, cy - size / 2, cx + size / 2, cy + size / 2),
            visible(ctx, behind, prefer),
            visible(ctx, behind, ctx.scheme.accent, prefer),
        )


def _names_things(ctx: Ctx) -> bool:
    """Whether the brief names something concrete to draw (not only a theme or an event)."""
    return any(t.kind != "theme" and t.noun in ctx.brief.subjects for t in ctx.brief.things)


_PLAYFUL_WORDS = frozenset("rainbow rainbows kids kid children birthday party baby pride unicorn toy toys".split())


def playful(ctx: Ctx) -> bool:
    """Whether the brief is for children or a party, or asks to be fun: where rainbows and confetti belong."""
    return ctx.brief.has("playful") or bool(ctx.brief.words & _PLAYFUL_WORDS)


def fill_zone(
    ctx: Ctx,
    parent: Node,
    zone: Box,
    icon: icons.Icon | None,
    behind: RGB,
    *,
    anchor: str = "bottom",
    kinds: Sequence[str] = ("rainbow", "disc", "row", "quarter"),
) -> str:
    """Fill an open area with one strong geometric motif carrying the symbol (or none)."""
    s, rng, short = ctx.scheme, ctx.rng, ctx.short
    x0, y0, x1, y1 = zone
    zw, zh = x1 - x0, y1 - y0
    if zw < short * 0.1 or zh < short * 0.1:
        return "none"
    kind = kinds[rng.randrange(len(kinds))]
    if kind == "rainbow" and not playful(ctx) and len(kinds) > 1:
        # A rainbow is a children's-party motif: on a conference poster or a sale banner it reads as a template.
        kind = [k for k in kinds if k != "rainbow"][rng.randrange(len(kinds) - 1)]
    if icon is not None and _names_things(ctx) and rng.random() < 0.7:
        kind = "art"  # the things the prompt names, large, rather than a stock shape around a small glyph
    c1 = visible(ctx, behind, s.primary)
    if kind == "art":
        side = min(zw, zh)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        box = (cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2)
        group = plan_group(ctx, "color") if illustration_mode(ctx) == "color" else None
        if group is not None and group.placed:
            draw_group(ctx, parent, group, box, c1)
        elif icon is not None:
            ctx.draw_icon(parent, icon, cx, cy, side * 0.86, c1)
        return kind
    c2 = visible(ctx, behind, s.accent, s.secondary)
    c3 = visible(ctx, behind, s.secondary, s.accent)
    if kind == "rainbow":
        r = min(zw / 2, zh)
        cx = (x0 + x1) / 2
        cy = y1 if anchor == "bottom" else y0 + r
        bands = [c1, c2, c3, c1, c2]
        # With a symbol, fewer bands and a wider opening, so the symbol reads at the size of the headline.
        n, inner = (3, r * 0.46) if icon is not None else (4, r * 0.245)
        for i in range(n):
            parent.path(half_disc_d(cx, cy, r - i * (r - inner) / n), bands[i])
        parent.path(half_disc_d(cx, cy, inner * 0.98), behind)
        if icon is not None:
            ctx.draw_icon(parent, icon, cx, cy - inner * 0.5, inner * 0.9, readable(ctx, behind, ratio=3.0))
    elif kind == "disc":
        r = min(zw, zh) / 2 * 0.92
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        parent.circle(cx + r * 0.16, cy + r * 0.1, r, c2)
        parent.circle(cx, cy, r * 0.94, c1)
        if icon is not None:
            ctx.draw_icon(parent, icon, cx, cy, r * 1.0, readable(ctx, c1, s.on_primary, ratio=3.0))
    elif kind == "row":
        n = 3 if zw / max(zh, 1) < 2.6 else 4
        r = min(zw / (n * 2.15), zh / 2)
        cy = (y0 + y1) / 2
        step = (zw - 2 * r) / (n - 1)
        sym = rng.randrange(n)
        for i in range(n):
            cx = x0 + r + i * step
            col = (c1, c2, c3)[i % 3]
            if i == sym and icon is not None:
                parent.circle(cx, cy, r, c1)
                ctx.draw_icon(parent, icon, cx, cy, r * 1.1, readable(ctx, c1, s.on_primary, ratio=3.0))
            elif i % 2:
                parent.path(half_disc_d(cx, cy + r * 0.5, r), col)
                parent.rect(cx - r, cy + r * 0.5, 2 * r, r * 0.5, col)
            else:
                parent.circle(cx, cy, r, col)
    else:  # quarter: a big quarter disc from the outer corner and a small satellite disc
        r = min(zw, zh)
        parent.path(f"M{x1:.2f} {y1:.2f}H{x1 - r:.2f}A{r:.2f} {r:.2f} 0 0 1 {x1:.2f} {y1 - r:.2f}Z", c1)
        parent.circle(x1 - r * 1.05, y1 - r * 1.0, r * 0.16, c2)
        if icon is not None:
            ctx.draw_icon(
                parent, icon, x1 - r * 0.38, y1 - r * 0.38, r * 0.42, readable(ctx, c1, s.on_primary, ratio=3.0)
            )
    return kind


def pixel_icon(
    ctx: Ctx, parent: Node, icon: icons.Icon, cx: float, cy: float, size: float, color: RGB, cells: int = 16
) -> None:
    """The symbol as a grid of square pixels (for "pixel", "8-bit" prompts)."""
    from PIL import Image

    from artboard.render import render_png

    vx, vy, vw, vh = icon.viewbox
    paths = icons.icon_as_fill_paths(icon)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{cells * 4}" height="{cells * 4}" '
        f'viewBox="{vx} {vy} {vw} {vh}"><g fill="#000">' + "".join(f'<path d="{d}"/>' for d in paths) + "</g></svg>"
    )
    img = (
        Image.open(io.BytesIO(render_png(svg, cells * 4, cells * 4)))
        .convert("RGBA")
        .resize((cells, cells), Image.Resampling.BOX)
    )
    alpha = img.getchannel("A")
    step = size / cells
    x0, y0 = cx - size / 2, cy - size / 2
    d = []
    for j in range(cells):
        for i in range(cells):
            value = alpha.getpixel((i, j))
            if isinstance(value, (int, float)) and value > 110:
                d.append(rect_d(x0 + i * step, y0 + j * step, step * 1.001, step * 1.001))
    parent.path("".join(d), color)
