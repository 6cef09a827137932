"""Picture-led posters: data charts, a landscape scene, and the geometric and tile compositions drawn when the
prompt gives no text. `graphic_poster` also serves wide banners with nothing to set."""

from __future__ import annotations

import math

from artboard.colors import RGB, contrast_ratio
from artboard.composer import shapes
from artboard.composer.canvas import Node, circle_d, rect_d, wave_d
from artboard.composer.context import Box, Ctx
from artboard.composer.recipes.graphics.cast import Stage
from artboard.composer.recipes.graphics.common import has_word
from artboard.composer.recipes.layouts.common import grid, ground, readable, set_details, set_headline, visible
from artboard.composer.recipes.layouts.copy_text import Copy, subject_icon
from artboard.composer.recipes.layouts.geometry import arch_d, half_disc_d, mountains_d, ring_d
from artboard.composer.recipes.layouts.motifs import dot_grid


def data_poster(ctx: Ctx, copy: Copy) -> str:
    """Two stacked charts (of bars, radial bars, a waffle) under the headline, on the grid."""
    s, rng = ctx.scheme, ctx.rng
    H, short, m = ctx.height, ctx.short, ctx.margin
    g = grid(ctx)
    art = ctx.canvas.group("poster")
    back, front = art.group("shapes"), art.group("type")
    gnd = ground(ctx)
    ink = readable(ctx, gnd)
    main = visible(ctx, gnd, s.primary, ink)
    hi = visible(ctx, gnd, s.accent, s.secondary)
    if ctx.brief.has("single_color") or hi == main:
        main, hi = ink, visible(ctx, gnd, s.accent, s.primary)
    hair = short * 0.003
    top = m
    if copy.headline:
        hl = set_headline(ctx, front, copy.headline, (g.x0, m, g.span(0, 9)[1], m + H * 0.2), ink, max_lines=3)
        top = hl.bbox[3] + short * 0.05
    else:
        back.rect(g.x0, m, g.x1 - g.x0, short * 0.014, ink)
        top = m + short * 0.06
    bottom = H - m - (short * 0.1 if copy.lines else 0)
    kinds = ["bars", "radial", "waffle"]
    first = kinds.pop(rng.randrange(3))
    second_kind = kinds[rng.randrange(2)]
    split = top + (bottom - top) * rng.uniform(0.5, 0.62)
    for kind, (y0, y1) in ((first, (top, split - short * 0.04)), (second_kind, (split + short * 0.04, bottom))):
        back.rect(g.x0, y0 - short * 0.02, g.x1 - g.x0, hair, ink)
        _chart(ctx, back, kind, (g.x0, y0, g.x1, y1), main, hi, ink)
    if copy.lines:
        set_details(ctx, front, copy.lines, g.x0, H - m - short * 0.07, g.x1, ink, cols=3, gutter=g.gutter)
    return f"poster-data-{first}"


def _chart(ctx: Ctx, parent: Node, kind: str, box: Box, main: RGB, hi: RGB, ink: RGB) -> None:
    """An illustrative chart (made-up values, no labels) filling `box`."""
    rng, short = ctx.rng, ctx.short
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    if h < short * 0.05:
        return
    if kind == "bars":
        n = 12 if w > h * 0.8 else 8
        step = w / n
        level = rng.uniform(0.35, 0.6)
        pick = rng.randrange(n)
        for i in range(n):
            level = min(0.98, max(0.15, level + rng.uniform(-0.22, 0.26)))
            bh = h * level
            parent.rect(x0 + i * step + step * 0.12, y1 - bh, step * 0.76, bh, hi if i == pick else main)
        parent.rect(x0, y1, w, short * 0.004, ink)
        for i in range(n + 1):
            parent.rect(x0 + i * step - short * 0.0015, y1, short * 0.003, short * 0.015, ink)
    elif kind == "radial":
        r = min(w * 0.5, h) * 0.98
        cx, cy = x0 + r if rng.random() < 0.5 else x1 - r, y1
        rings = 6
        band = r / (rings + 1.5)
        for i in range(rings):
            ro = r - i * band
            ri = ro - band * 0.72
            sweep = rng.uniform(40, 178)
            a1 = math.radians(-180 + sweep)
            d = (
                f"M{cx - ro:.2f} {cy:.2f}A{ro:.2f} {ro:.2f} 0 0 1 {cx + ro * math.cos(a1):.2f} "
                f"{cy + ro * math.sin(a1):.2f}L{cx + ri * math.cos(a1):.2f} {cy + ri * math.sin(a1):.2f}"
                f"A{ri:.2f} {ri:.2f} 0 0 0 {cx - ri:.2f} {cy:.2f}Z"
            )
            parent.path(d, hi if i == 1 else main)
        parent.rect(x0, y1, w, short * 0.004, ink)
        # a companion dot plot on the free side
        fx0 = cx + r + short * 0.04 if cx < (x0 + x1) / 2 else x0
        fx1 = x1 if cx < (x0 + x1) / 2 else cx - r - short * 0.04
        if fx1 - fx0 > short * 0.15:
            n = 5
            for i in range(n):
                yy = y0 + h * (i + 0.5) / n
                v = rng.uniform(0.25, 1.0)
                parent.rect(fx0, yy - short * 0.002, (fx1 - fx0) * v, short * 0.004, ink)
                parent.circle(fx0 + (fx1 - fx0) * v, yy, short * 0.016, hi if i == 2 else main)
    else:  # waffle: a 10 × k matrix, some share highlighted
        cols = 10
        rows = max(2, min(10, int(h / (w / cols))))
        step = min(w / cols, h / rows)
        ox = x0 + (w - step * cols) / 2
        share = rng.randint(int(cols * rows * 0.18), int(cols * rows * 0.45))
        d_main: list[str] = []
        d_hi: list[str] = []
        for j in range(rows):
            for i in range(cols):
                k = j * cols + i
                (d_hi if k < share else d_main).append(
                    circle_d(ox + step * (i + 0.5), y0 + step * (j + 0.5), step * 0.36)
                )
        parent.path("".join(d_main), main)
        parent.path("".join(d_hi), hi)


_SEA_WORDS = (
    "sea",
    "ocean",
    "oceans",
    "underwater",
    "marine",
    "waves",
    "surf",
    "surfing",
    "sailing",
    "sailboat",
    "boat",
    "ship",
    "whale",
    "whales",
    "dolphin",
    "dolphins",
    "nautical",
    "seaside",
    "voyage",
)


_FLYING = frozenset({"airplane", "plane", "bird", "balloon", "kite", "helicopter", "dove", "eagle", "drone", "parrot"})


def _sea(ctx: Ctx, scene: Node, area: Box, layers: list[RGB]) -> None:
    """Open water in three swells under the horizon; the subject rises from the middle swell, its lower part
    hidden by the front one (drawn in the same colour, so symbol and wave read as one shape)."""
    rng = ctx.rng
    x0, y0, x1, y1 = area
    w, h = x1 - x0, y1 - y0
    scene.rect(x0 - 2, y0 + h * 0.52, w + 4, h * 0.5, layers[0])
    scene.path(wave_d(x0 - 2, x1 + 2, y0 + h * 0.64, h * 0.018, rng.randint(3, 5), y1 + 2), layers[1])
    front_y = y0 + h * 0.8
    icon = subject_icon(ctx, exclude=("wave", "water", "ocean", "sea"))
    if icon is not None:
        size = min(w, h) * 0.34
        ctx.draw_icon(scene, icon, x0 + w * rng.choice([0.34, 0.5, 0.66]), front_y - size * 0.26, size, layers[2])
    scene.path(wave_d(x0 - 2, x1 + 2, front_y, h * 0.022, rng.randint(2, 4), y1 + 2), layers[2])


def scene_poster(ctx: Ctx, copy: Copy) -> str:
    """A landscape (sun, mountains, hill, the subject symbol) in an inset, arch or full-bleed frame."""
    s, rng = ctx.scheme, ctx.rng
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    art = ctx.canvas.group("poster")
    back, front = art.group("scene"), art.group("type")
    gnd = ground(ctx)
    ink = readable(ctx, gnd)
    has_text = copy.headline is not None
    frame = ("inset", "arch", "bleed")[rng.randrange(3)]
    text_top = rng.random() < 0.5 or frame == "arch"
    band = H * (0.24 if has_text else 0.0) + (short * 0.05 * len(copy.lines) if has_text else 0)
    if frame == "bleed":
        sx0, sx1 = 0.0, float(W)
        sy0, sy1 = (band, float(H)) if text_top else (0.0, H - band)
    else:
        sx0, sx1 = m, W - m
        sy0, sy1 = (m + band, H - m) if text_top else (m, H - m - band)
    clip_d = arch_d(sx0, sy1, sx1 - sx0, sy1 - sy0) if frame == "arch" else rect_d(sx0, sy0, sx1 - sx0, sy1 - sy0)
    scene = back.group("landscape", clip_path=ctx.canvas.clip(clip_d))
    sky = s.surface if s.surface != gnd or frame == "bleed" else s.secondary
    scene.path(clip_d, sky)
    sw, sh = sx1 - sx0, sy1 - sy0
    sun = visible(ctx, sky, s.accent, s.primary)
    sea = has_word(ctx, *_SEA_WORDS)
    sun_x, sun_y = sx0 + sw * rng.uniform(0.28, 0.72), sy0 + sh * (0.5 if sea else rng.uniform(0.22, 0.36))
    scene.circle(sun_x, sun_y, min(sw, sh) * 0.14, sun)
    layers = []
    for c in (s.secondary, s.primary, ink):
        if c not in layers and c != sky:
            layers.append(c)
    while len(layers) < 3:
        layers.append(layers[-1] if layers else ink)
    if sea:
        _sea(ctx, scene, (sx0, sy0, sx1, sy1), layers)
    else:
        far_body, far_snow = mountains_d(ctx, sx0, sx1, sy0 + sh * 0.78, sy0 + sh * 0.36, rng.randint(2, 3))
        scene.path(far_body, layers[0])
        snow = readable(ctx, layers[0], s.background or s.surface, s.surface, ratio=1.5)
        scene.path(far_snow, snow)
        near_body, _ = mountains_d(ctx, sx0, sx1, sy0 + sh * 0.88, sy0 + sh * 0.58, rng.randint(3, 4))
        scene.path(near_body, layers[1])
        hill_y = sy0 + sh * 0.86
        scene.path(wave_d(sx0 - 2, sx1 + 2, hill_y, sh * 0.025, 2, sy1 + 2), layers[2])
        icon = subject_icon(ctx, exclude=("mountain",))
        if icon is not None and _FLYING.intersection(icon.name.split("-")):
            # Planes, birds and balloons fly: high in the sky, clear of the sun; small, unless the poster is of
            # them ("hot air balloons over a valley")
            named = any(w in icon.name.split("-") for x in ctx.brief.subjects[:1] for w in x.split())
            size = min(sw, sh) * (0.26 if named else 0.14)
            fx = sx0 + sw * (0.22 if sun_x > sx0 + sw / 2 else 0.78)
            ctx.draw_icon(scene, icon, fx, sy0 + sh * 0.2, size, visible(ctx, sky, ink, layers[2]))
        elif icon is not None:
            size = min(sw, sh) * 0.26
            ctx.draw_icon(scene, icon, sx0 + sw * rng.choice([0.28, 0.72]), hill_y - size * 0.42, size, layers[2])
    if frame == "inset":
        back.path(
            shapes.difference(
                rect_d(sx0 - short * 0.012, sy0 - short * 0.012, sw + short * 0.024, sh + short * 0.024), clip_d
            ),
            ink,
        )
    if not has_text:
        return f"poster-scene-{frame}"
    ty0, ty1 = (m * (0.9 if frame == "bleed" else 1), sy0 - short * 0.04) if text_top else (sy1 + short * 0.04, H - m)
    lines_h = short * 0.045 * len(copy.lines)
    hl = ctx.text(
        front,
        copy.headline or "",
        (m, ty0, W - m, ty1 - lines_h),
        ink,
        uppercase=True,
        tracking=rng.choice([60.0, 200.0]),
        max_lines=2,
        align="center",
        valign="bottom" if text_top else "top",
        name="headline",
    )
    if copy.lines:
        y = hl.bbox[3] + short * 0.02
        set_details(ctx, front, copy.lines, m, y, W - m, ink, align="center", size=short * 0.028)
    return f"poster-scene-{frame}"


def geometric_poster(ctx: Ctx) -> str:
    """No text to set: a Swiss circle study on the 12-column grid (disc, overlapping half disc, rules, dots)."""
    s, rng = ctx.scheme, ctx.rng
    H, short, m = ctx.height, ctx.short, ctx.margin
    g = grid(ctx)
    art = ctx.canvas.group("poster")
    gnd = ground(ctx)
    ink = readable(ctx, gnd)
    c1 = visible(ctx, gnd, s.primary)
    c2 = visible(ctx, gnd, s.accent, s.secondary)
    icon = subject_icon(ctx)
    flip = rng.random() < 0.5
    r = min((g.x1 - g.x0) * 0.42, (H - 2 * m) * 0.3)
    cx = g.span(5, 1)[0] if not flip else g.span(6, 1)[1]
    cy = m + (H - 2 * m) * rng.uniform(0.34, 0.42)
    # thick rule and a column of thin bars on the grid
    art.rect(g.x0, m, g.span(0, 4)[1] - g.x0, short * 0.022, ink)
    bars_x = g.span(9, 3) if not flip else g.span(0, 3)
    for i in range(5):
        art.rect(
            bars_x[0],
            m + short * 0.07 + i * short * 0.035,
            (bars_x[1] - bars_x[0]) * (1 - 0.16 * i),
            short * 0.012,
            ink if i else c2,
        )
    art.circle(cx, cy, r, c1)
    # the half disc sits on a horizontal grid line through the lower part of the disc
    hy = cy + r * 0.55
    hx = cx + (r * 0.75 if not flip else -r * 0.75)
    art.path(half_disc_d(hx, hy, r * 0.62, "down"), c2)
    art.rect(g.x0, hy - short * 0.003, g.x1 - g.x0, short * 0.006, ink)
    if icon is not None:
        ctx.draw_icon(art, icon, cx, cy - r * 0.08, r * 0.9, readable(ctx, c1, s.on_primary, ratio=3.0))
    # the lower field: a dot grid and vertical rules on column lines
    top = hy + r * 0.62 + short * 0.06
    if H - m - top > short * 0.08:
        dx0, dx1 = (g.x0, g.span(0, 6)[1]) if not flip else (g.span(6, 6)[0], g.x1)
        dot_grid(art, dx0, top, dx1, H - m, short * 0.045, short * 0.008, ink)
        for k in range(3):
            x = g.span(8 + k, 1)[0] if not flip else g.span(1 + k, 1)[0]
            art.rect(x, top, short * 0.006, H - m - top, c2 if k == 1 else ink)
    return "poster-geometric"


def graphic_poster(ctx: Ctx) -> str:
    """No text to set: a Bauhaus tile composition on the grid, the subject symbol in one tile."""
    s, rng = ctx.scheme, ctx.rng
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    art = ctx.canvas.group("poster")
    gnd = ground(ctx)
    cols = 3 if W <= H * 1.15 else 4
    rows = max(2, round((H - 2 * m) / ((W - 2 * m) / cols)))
    gap = short * rng.choice([0.0, 0.012])
    tw = (W - 2 * m - gap * (cols - 1)) / cols
    th = (H - 2 * m - gap * (rows - 1)) / rows
    palette = [c for c in (s.primary, s.secondary, s.accent, s.ink, s.surface, gnd) if c is not None]
    palette = list(dict.fromkeys(palette))
    icon = subject_icon(ctx) or ctx.pick_icon(("star", "sun", "leaf", "flower")[rng.randrange(4)], mode="fill")
    sym_tile = (rng.randrange(cols), rng.randrange(rows))
    prev_row: list[RGB] = []
    for j in range(rows):
        row: list[RGB] = []
        for i in range(cols):
            x, y = m + i * (tw + gap), m + j * (th + gap)
            banned = {row[-1] if row else None, prev_row[i] if prev_row else None}
            options = [c for c in palette if c not in banned] or palette
            bg = options[rng.randrange(len(options))]
            row.append(bg)
            tile = art.group(f"tile-{i}-{j}")
            tile.rect(x, y, tw, th, bg)
            fg_opts = [c for c in palette if c != bg and contrast_ratio(c, bg) >= 1.35] or [readable(ctx, bg)]
            fg = fg_opts[rng.randrange(len(fg_opts))]
            if (i, j) == sym_tile and icon is not None:
                tile.circle(x + tw / 2, y + th / 2, min(tw, th) * 0.42, fg)
                ctx.draw_icon(tile, icon, x + tw / 2, y + th / 2, min(tw, th) * 0.48, readable(ctx, fg, bg, ratio=3.0))
                continue
            _tile_shape(ctx, tile, (x, y, x + tw, y + th), fg, rng.randrange(7))
        prev_row = row
    return f"poster-graphic-{cols}x{rows}"


def _tile_shape(ctx: Ctx, tile: Node, box: Box, fg: RGB, kind: int) -> None:
    """One of seven Bauhaus shapes, clipped to its tile."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    r = min(w, h)
    clip = ctx.canvas.clip(rect_d(x0, y0, w, h))
    g = tile.group(clip_path=clip)
    corner = ctx.rng.randrange(4)
    cx = (x0, x1, x1, x0)[corner]
    cy = (y0, y0, y1, y1)[corner]
    if kind == 0:  # quarter circle from a corner
        g.circle(cx, cy, r, fg)
    elif kind == 1:  # half disc on an edge
        g.circle((x0 + x1) / 2, y1 if corner < 2 else y0, r / 2, fg)
    elif kind == 2:  # centred disc
        g.circle((x0 + x1) / 2, (y0 + y1) / 2, r * 0.38, fg)
    elif kind == 3:  # triangle
        g.polygon([(x0, y1), (x1, y1), ((x0 + x1) / 2 if corner % 2 else x0, y0)], fg)
    elif kind == 4:  # stripes
        n = 4
        for k in range(n):
            g.rect(x0, y0 + h * k / n, w, h / n / 2, fg)
    elif kind == 5:  # ring
        g.path(ring_d((x0 + x1) / 2, (y0 + y1) / 2, r * 0.4, r * 0.22), fg)
    else:  # two half discs facing
        g.circle(x0, (y0 + y1) / 2, r / 2, fg)
        g.circle(x1, (y0 + y1) / 2, r / 2, fg)


def stage_poster(ctx: Ctx, copy: Copy, stage: Stage) -> str:
    """Figures doing something somewhere ("a skier on snowy mountains", "kids flying kites") as the poster's
    picture: the staged scene fills the upper part (the left part of a wide poster) edge to edge, and the copy is
    set on the ground below it (beside it), headline first, every detail line after a short rule."""
    from artboard.composer.recipes.graphics.stage import stage_scene

    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    art = ctx.canvas.group("poster")
    gnd = ground(ctx)
    ink = readable(ctx, gnd)
    accent = visible(ctx, gnd, ctx.scheme.accent, ctx.scheme.primary, ctx.scheme.secondary)
    n = len(copy.lines)
    wide = W > H * 1.15
    if wide:
        split = W * 0.56
        place = stage_scene(ctx, art, stage, box=(0.0, 0.0, split, float(H)))
        text = (split + m, m, W - m, H - m)
        hl = set_headline(
            ctx, art, copy.headline or "", (text[0], m, text[2], H * 0.6), ink, valign="bottom", max_lines=4
        )
        rule_y = hl.bbox[3] + short * 0.04
        art.rect(text[0], rule_y, short * 0.1, short * 0.01, accent)
        set_details(ctx, art, copy.lines, text[0], rule_y + short * 0.05, text[2], ink, limit=H - m)
        return "poster-side-" + place
    copy_room = short * (0.3 + 0.05 * n) + m
    picture_h = max(H * 0.5, H - copy_room)
    place = stage_scene(ctx, art, stage, box=(0.0, 0.0, float(W), picture_h))
    top = picture_h + short * 0.05
    bottom_room = short * (0.05 * n + 0.06) if n else short * 0.02
    box = (m, top, W - m, max(top + short * 0.1, H - m - bottom_room))
    hl = set_headline(ctx, art, copy.headline or "", box, ink, align="center", valign="top", max_lines=2)
    y = hl.bbox[3] + short * 0.03
    if n:
        art.rect(W / 2 - short * 0.05, y, short * 0.1, short * 0.008, accent)
        set_details(ctx, art, copy.lines, m, y + short * 0.03, W - m, ink, align="center", limit=H - m * 0.6)
    return "poster-" + place
