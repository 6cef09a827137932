"""Classic named repeats: art deco scallops, halftone and polka dots, chevrons and stripes.

Each counts its cells so that a whole number of them spans the canvas in both directions (`even`), which makes
the canvas itself the repeat unit: it tiles without a seam. Sizes that vary (halftone) vary by a function that is
periodic over the canvas.
"""

from __future__ import annotations

import math

from artboard.colors import RGB
from artboard.composer import shapes
from artboard.composer.canvas import Node, circle_d, num
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.tiling import Tile, even

# Prompt words that name one of these repeats, most specific first.
NAMED_REPEATS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("deco", ("deco", "scallop", "scallops", "scalloped", "fan", "fans", "gatsby", "1920s", "twenties")),
    ("halftone", ("halftone", "half-tone", "ben-day", "benday", "pop-art")),
    ("polka", ("polka", "dot", "dots", "dotted", "spots", "spotty")),
    ("chevron", ("chevron", "chevrons", "zigzag", "zig-zag", "herringbone")),
    ("stripes", ("stripe", "stripes", "striped", "pinstripe", "pinstripes", "candy-stripe")),
)


def deco(ctx: Ctx, art: Node, colors: list[RGB], ground: RGB) -> None:
    """Art deco scallops: rows of fans (concentric discs in alternating colours), each row half a fan across and
    half a radius lower, drawn top to bottom so every row covers the lower half of the one above."""
    rng = ctx.rng
    w, h = float(ctx.width), float(ctx.height)
    cols = even(w / (ctx.short * rng.uniform(0.13, 0.19)))
    cw = w / cols
    r = cw / 2
    rows = even(h / (r * 0.5))
    rh = h / rows
    rings = rng.choice([3, 4])
    clear = ctx.scheme.background is None  # a transparent ground: the ground tone must stay unpainted
    lined = ctx.brief.has("line") or bool(ctx.brief.words & {"lines", "outlines", "linework"})
    tones = [*colors[:2], ground] if len(colors) > 1 else [colors[0], ground]
    # No torus copies:
    # the overlap depends on drawing order, so the rows beyond the top and bottom edges are drawn in order too.
    # Rows repeat every `rows` (an even count keeps the half-fan shift in step).
    radii = [r * (1 - k / rings) * 0.985 for k in range(rings)]
    # Where the repeat is cut: as far as can be from every ring's top and the hubs (horizontal tangents), so the
    # edge rows of pixels agree when tiled.
    tangents = [-rad / rh for rad in radii] + [0.1 * r / rh, -0.1 * r / rh]
    offset = max(
        (o / 50 for o in range(50)), key=lambda o: min(min((o + t) % 1.0, 1.0 - (o + t) % 1.0) for t in tangents)
    )
    for j in range(-3, rows + 3):
        shift = (j % 2) * r
        ds: dict[int, list[str]] = {k: [] for k in range(rings)}
        hubs: list[str] = []
        for i in range(-1, cols + 1):
            cx, cy = i * cw + shift, (j + offset) * rh
            if clear:
                # What the rows below leave of this fan, cut out for real (nothing may paint the ground).
                cover = shapes.union(
                    [circle_d(cx - r, cy + rh, r), circle_d(cx + r, cy + rh, r), circle_d(cx, cy + 2 * rh, r)]
                )
                for k in range(rings):
                    if tones[k % len(tones)] != ground:
                        outer = circle_d(cx, cy, radii[k])
                        inner = circle_d(cx, cy, radii[k + 1]) if k + 1 < rings else ""
                        band = shapes.difference(outer, inner) if inner else outer
                        ds[k].append(shapes.difference(band, cover))
            else:
                for k in range(rings):
                    ds[k].append(circle_d(cx, cy, radii[k]))
            hubs.append(circle_d(cx, cy, r * 0.1))
        if lined and not clear:
            # "gold lines on emerald": each fan a disc of the ground ringed in the line colour, rows overlapping
            art.path("".join(ds[0]), ground)
            width = round(max(1.0, r * 0.045), 2)
            for k in range(rings):
                art.path("".join(ds[k]), None, stroke=colors[0], stroke_width=width)
            art.path("".join(hubs), colors[0])
            continue
        for k in range(rings):
            if ds[k]:
                art.path("".join(ds[k]), tones[k % len(tones)])
        art.path("".join(hubs), tones[0])


def _dot_grid(ctx: Ctx, lo: float, hi: float) -> tuple[int, int, float, float]:
    """An even grid of dot positions over the canvas, a seeded `lo`..`hi` of the short side apart:
    (columns, rows, column step, row step)."""
    w, h = float(ctx.width), float(ctx.height)
    cols = even(w / (ctx.short * ctx.rng.uniform(lo, hi)))
    rows = even(h / (w / cols))
    return cols, rows, w / cols, h / rows


def halftone(ctx: Ctx, art: Node, colors: list[RGB], ground: RGB) -> None:
    """A halftone screen: a 45° grid of dots whose size swells and fades in a wave that repeats with the canvas."""
    rng = ctx.rng
    w, h = float(ctx.width), float(ctx.height)
    cols, rows, step, sy = _dot_grid(ctx, 0.035, 0.05)
    waves_x, waves_y = rng.choice([1, 2]), rng.choice([1, 2])
    phase = rng.uniform(0, 2 * math.pi)
    ds: list[str] = []  # one path for thousands of dots: Tile only reports where each copy goes
    tile = Tile(ctx, art)
    for j in range(rows):
        for i in range(cols):
            x = (i + 0.5 * (j % 2)) * step
            y = j * sy
            t = 0.5 + 0.5 * math.sin(2 * math.pi * waves_x * x / w + phase) * math.cos(2 * math.pi * waves_y * y / h)
            radius = step * 0.5 * (0.12 + 0.88 * t)
            if radius > step * 0.08:

                def dot(_node: Node, px: float, py: float, radius: float = radius) -> None:
                    ds.append(circle_d(px, py, radius))

                tile.place(x, y, radius, dot)
    art.path("".join(ds), colors[0])


def polka(ctx: Ctx, art: Node, colors: list[RGB], ground: RGB) -> None:
    """Polka dots: an offset grid of even dots, sometimes in two colours."""
    rng = ctx.rng
    cols, rows, step, sy = _dot_grid(ctx, 0.08, 0.13)
    radius = step * rng.uniform(0.16, 0.24)
    two = len(colors) > 1 and rng.random() < 0.5
    tile = Tile(ctx, art)
    for j in range(rows):
        for i in range(cols):
            color = colors[(i + j) % 2 if two else 0]

            def dot(node: Node, px: float, py: float, color: RGB = color) -> None:
                node.path(circle_d(px, py, radius), color)

            for half in (0.0, 0.5):
                tile.place((i + half) * step, (j + half) * sy, radius, dot)


def _multiple(n: float, of: int) -> int:
    """The nearest count to `n` that is a multiple of `of` (colours cycle cleanly across the wrap)."""
    return max(of, of * round(n / of))


def chevron(ctx: Ctx, art: Node, colors: list[RGB], ground: RGB) -> None:
    """Chevron bands: zigzag stripes across the canvas, colours in turn."""
    rng = ctx.rng
    w, h = float(ctx.width), float(ctx.height)
    teeth = even(w / (ctx.short * rng.uniform(0.12, 0.2)))
    tw = w / teeth
    palette = [*colors[:3], ground] if rng.random() < 0.5 else [colors[0], ground]
    bands = _multiple(h / (ctx.short * rng.uniform(0.06, 0.1)), len(palette))
    bh = h / bands
    amp = min(tw * 0.5, bh * 0.9)
    for k in range(-2, bands + 2):  # bands beyond each edge: the zigzags cross them
        color = palette[k % len(palette)]
        if color == ground:
            continue  # the ground shows between the coloured bands (and stays clear when transparent)
        top = k * bh + bh / 2
        upper = [(i * tw / 2, top + (amp if i % 2 else 0.0)) for i in range(teeth * 2 + 1)]
        lower = [(x, y + bh) for x, y in reversed(upper)]
        art.path("M" + "L".join(f"{num(x)} {num(y)}" for x, y in upper + lower) + "Z", color)


def stripes(ctx: Ctx, art: Node, colors: list[RGB], ground: RGB) -> None:
    """Stripes: even bands, vertical or horizontal, sometimes with a thin pinstripe in the ground bands."""
    rng = ctx.rng
    w, h = float(ctx.width), float(ctx.height)
    vertical = rng.random() < 0.5
    span = w if vertical else h
    palette = [*colors[:2], ground] if len(colors) > 1 and rng.random() < 0.5 else [colors[0], ground]
    count = _multiple(span / (ctx.short * rng.uniform(0.05, 0.09)), len(palette))
    size = span / count
    pin = rng.random() < 0.4
    for k in range(-1, count):  # half a stripe off the edges, so each edge runs through a stripe, not along one
        color = palette[k % len(palette)]
        at = k * size + size / 2
        if color != ground:
            if vertical:
                art.rect(at, 0, size, h, color)
            else:
                art.rect(0, at, w, size, color)
        elif pin:
            thin = size * 0.08
            if vertical:
                art.rect(at + size / 2 - thin / 2, 0, thin, h, colors[-1])
            else:
                art.rect(0, at + size / 2 - thin / 2, w, thin, colors[-1])
