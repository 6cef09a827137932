"""The places a scene is staged in, drawn full bleed: a sky in the prompt's colours (named colours light it) over
hills, a row of trees in the season's colours, water, the near ground (grass, sand, snow, the moon's grey
surface); a room, an office, a kitchen (splashback and a shelf of pots); falling leaves or snow; and the
furniture the figures use (a desk with a front panel, a counter, a bench or a sofa).
"""

from __future__ import annotations

from artboard.colors import RGB, from_oklch, oklch
from artboard.composer import shapes
from artboard.composer.canvas import Node, circle_d, ellipse_d, polygon_d, rect_d
from artboard.composer.colour_words import colour_value
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.cast import BOARDS, Stage
from artboard.composer.recipes.graphics.cast_words import fef, terrain
from artboard.composer.recipes.graphics.common import ellipse, has_word, lerp_lch, tone
from artboard.composer.recipes.graphics.figures import place_icon
from artboard.composer.recipes.graphics.landscape import _pine, _round_tree, aurora_said, draw_aurora, sky_for
from artboard.composer.recipes.graphics.scenery import cloud_d, draw_stars, fn_area_d, hill_fn, leaf_d, ridge_points
from artboard.composer.recipes.graphics.vignette import STORM_WORDS

Box = tuple[float, float, float, float]


def outdoor(ctx: Ctx, node: Node, stage: Stage, box: Box, ground_y: float) -> None:
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    side = min(w, h)
    rng = ctx.rng
    sky = sky_for(ctx, 3)
    moon = stage.place == "moon"
    night = stage.night or sky.night or moon
    if moon and not ctx.scheme.constrained:
        bands = [from_oklch(0.16, 0.05, 275), from_oklch(0.22, 0.06, 280), from_oklch(0.28, 0.07, 285)]
    else:
        bands = list(sky.sky)
        if has_word(ctx, *STORM_WORDS) and not ctx.scheme.constrained:
            bands = [lerp_lch(c, from_oklch(0.5, 0.02, 250), 0.6) for c in bands]  # the light under rain clouds
        named = ctx.brief.colors
        if len(named) == 1 and not ctx.scheme.constrained and not sky.night:
            # "soft pink": the one colour named is the light of the sky, strongest at the horizon.
            bands = [lerp_lch(bands[0], named[0], 0.45), lerp_lch(bands[1], named[0], 0.65), named[0]]
    steps = 14
    for k in range(steps):
        t = k / (steps - 1)
        c = (
            lerp_lch(bands[0], bands[-1], t)
            if len(bands) < 3
            else (lerp_lch(bands[0], bands[1], t * 2) if t < 0.5 else lerp_lch(bands[1], bands[2], (t - 0.5) * 2))
        )
        node.rect(x0, y0 + ground_y * k / steps, w, ground_y / steps + 1, c)
    drawn = ctx.info.setdefault("drawn", [])
    if night:
        draw_stars(
            ctx, node, (x0, y0, x1, ground_y), int(150 * w * ground_y / (1024 * 1024)), sky.sun, lambda x, y: False
        )
        drawn.append({"concept": "stars", "icon": "scene:stars"})
        if aurora_said(ctx):
            draw_aurora(ctx, node, (x0, y0, x1, ground_y))
    if moon:
        earth = fef("globe-showing-americas") or fef("globe-showing-europe-africa")
        if earth is not None:
            place_icon(
                ctx, node, earth, x0 + w * rng.choice([0.2, 0.8]), y0 + ground_y * 0.42, side * 0.16, name="earth"
            )
            drawn.append({"concept": "earth", "icon": earth.key})
    elif not has_word(ctx, *STORM_WORDS) or has_word(ctx, "sun", "sunny", "sunshine", "rainbow"):
        # Under rain the sun is hidden, unless the prompt puts it there ("sun and rain", a rainbow).
        sx = x0 + w * rng.choice([0.22, 0.78])
        sun_y = ground_y - h * (0.16 if has_word(ctx, "sunset", "sunrise", "dawn", "dusk") else 0.42)
        # a moon the prompt names ("a full moon") is as large as a sun; one that only says night is small
        said_moon = night and has_word(ctx, "moon", "moonlit", "moonlight")
        node.circle(sx, sun_y, side * (0.11 if not night else 0.09 if said_moon else 0.06), sky.sun)
        low = has_word(ctx, "sunset", "sunrise", "dawn", "dusk")
        concept = "moon" if night else ("sunset sun" if low else "sun")
        drawn.append({"concept": concept, "icon": f"scene:{concept.replace(' ', '-')}"})
        if not night and not has_word(ctx, *STORM_WORDS):
            for _k in range(rng.randint(1, 3)):
                cx = x0 + w * rng.uniform(0.1, 0.9)
                if abs(cx - sx) > side * 0.18:
                    node.path(
                        cloud_d(cx, y0 + ground_y * rng.uniform(0.14, 0.4), side * rng.uniform(0.16, 0.24)), sky.cloud
                    )
    if moon:
        surface = from_oklch(0.72, 0.01, 260) if not ctx.scheme.constrained else ctx.scheme.surface
        far = hill_fn(ctx, x0, x1, ground_y - side * 0.02, side * 0.025, 2.0)
        node.path(fn_area_d(far, x0 - 2, x1 + 2, y1 + 2), surface)
        crater = tone(ctx, surface, -0.1, fallback=ctx.scheme.ink)
        for _k in range(7):
            cx, cy = x0 + w * rng.uniform(0.05, 0.95), ground_y + (y1 - ground_y) * rng.uniform(0.2, 0.85)
            ellipse(node, cx, cy, side * rng.uniform(0.03, 0.07), side * 0.015, crater)
        drawn.append({"concept": "moon surface", "icon": "scene:moon-surface"})
        return
    # Far hills, then a row of trees in the season's colours, then water, then the near ground.
    far_c = sky.ranges[0]
    if terrain(ctx, "peaks"):
        # Mountains on the skyline, snow on their tops.
        base = ground_y - side * 0.06
        pts = ridge_points(ctx, x0, x1, base, side * 0.42, 3, sharp=True)
        ridge = "M" + " L".join(f"{px:.1f} {py:.1f}" for px, py in [(x0, y1), *pts, (x1, y1)]) + "Z"
        rock = lerp_lch(far_c, from_oklch(0.55, 0.03, 260), 0.4) if not ctx.scheme.constrained else far_c
        node.path(ridge, rock)
        cap = shapes.intersect(ridge, rect_d(x0, base - side * 0.42, w, side * 0.12))
        if cap:
            node.path(cap, sky.snow)
        drawn.append({"concept": "mountain", "icon": "scene:mountains"})
    far = hill_fn(ctx, x0, x1, ground_y - side * 0.12, side * 0.05, 1.4)
    node.path(fn_area_d(far, x0 - 2, x1 + 2, y1 + 2), far_c)
    if has_word(ctx, "forest", "woods", "woodland", "park", "garden", "trees", "jungle") or stage.season == "autumn":
        _tree_row(ctx, node, stage, (x0, x1), ground_y - side * 0.04, side, far_c)
    if stage.city:
        # "through the city", "on a busy street": a skyline behind, windows lit at night.
        from artboard.composer.recipes.graphics.landscape import _skyline

        d, boxes = _skyline(ctx, x0, x1, ground_y - side * 0.02, side * 0.42, side * 0.08)
        block = tone(ctx, far_c, -0.1, fallback=ctx.scheme.secondary)
        node.path(d, block)
        lit = sky.sun if night else tone(ctx, block, 0.12, fallback=ctx.scheme.surface)
        for bx0, by0, bx1, by1 in boxes:
            for wy in range(int((by1 - by0) / (side * 0.05))):
                for wx in range(int((bx1 - bx0) / (side * 0.04))):
                    if rng.random() < 0.45:
                        node.rect(
                            bx0 + side * (0.012 + 0.04 * wx),
                            by0 + side * (0.02 + 0.05 * wy),
                            side * 0.016,
                            side * 0.022,
                            lit,
                        )
        drawn.append({"concept": "city skyline", "icon": "scene:city"})
    ground = _ground_colour(ctx, stage, sky.ranges[-1])
    if stage.water:
        water = (
            lerp_lch(sky.water, from_oklch(0.68, 0.08, 230), 0.4) if not ctx.scheme.constrained else ctx.scheme.surface
        )
        horizon = ground_y - side * 0.1
        node.rect(x0, horizon, w, y1 - horizon, water)
        for _k in range(int(10 * w / side)):
            gx, gy = x0 + w * rng.random(), horizon + (y1 - horizon) * rng.uniform(0.08, 0.9)
            node.path(rect_d(gx, gy, side * rng.uniform(0.04, 0.1), side * 0.006, side * 0.003), sky.glint)
        drawn.append({"concept": "water", "icon": "scene:water"})
        swimmers = any(f.pose == "swim" for a in stage.actors for f in a.figures)
        if stage.beach or not (swimmers or any(p.how == "boat" for p in stage.props)):
            shore = hill_fn(ctx, x0, x1, ground_y + side * 0.04, side * 0.012, 1.0)
            node.path(fn_area_d(shore, x0 - 2, x1 + 2, y1 + 2), ground)
            drawn.append({"concept": _ground_name(stage), "icon": "scene:ground"})
    else:
        near = hill_fn(ctx, x0, x1, ground_y - side * 0.01, side * 0.012, 1.0)
        node.path(fn_area_d(near, x0 - 2, x1 + 2, y1 + 2), ground)
        drawn.append({"concept": _ground_name(stage), "icon": "scene:ground"})
    if has_word(ctx, "mist", "misty", "fog", "foggy", "haze", "hazy"):
        veil = from_oklch(0.97, 0.01, oklch(bands[-1])[2])
        for k in range(3):
            band_y = ground_y - side * (0.16 - 0.07 * k)
            node.path(rect_d(x0 - 5, band_y, w + 10, side * 0.05, side * 0.025), veil).attrs["fill-opacity"] = 0.45
        drawn.append({"concept": "mist", "icon": "scene:mist"})


def _ground_name(stage: Stage) -> str:
    if stage.city:
        return "street"
    if stage.season == "snow":
        return "snow ground"
    if stage.beach:
        return "sand beach"
    return "grass field"


def _ground_colour(ctx: Ctx, stage: Stage, near: RGB) -> RGB:
    if ctx.scheme.constrained:
        return ctx.scheme.secondary
    if stage.season == "snow":
        return from_oklch(0.97, 0.01, 240)
    if stage.beach:
        return from_oklch(0.87, 0.06, 80)
    if stage.city:
        return from_oklch(0.6, 0.01, 260)
    if stage.season == "autumn":
        return from_oklch(0.7, 0.1, 75)
    if stage.night:
        return lerp_lch(near, from_oklch(0.4, 0.06, 150), 0.5)
    return from_oklch(0.76, 0.1, 135)


def _tree_row(ctx: Ctx, node: Node, stage: Stage, xs: tuple[float, float], base: float, side: float, far: RGB) -> None:
    x0, x1 = xs
    rng = ctx.rng
    n = max(5, int(9 * (x1 - x0) / side))
    if stage.season == "autumn" and not ctx.scheme.constrained:
        crowns = [from_oklch(0.66, 0.16, 50), from_oklch(0.72, 0.15, 70), from_oklch(0.56, 0.16, 35)]
    elif stage.season == "snow":
        crowns = [from_oklch(0.4, 0.05, 170)]
    else:
        crowns = [tone(ctx, far, -0.12, fallback=ctx.scheme.secondary)]
    pines = stage.season == "snow" or (has_word(ctx, "pine", "pines", "forest") and stage.season != "autumn")
    for k in range(n):
        tx = x0 + (x1 - x0) * (k + rng.uniform(0.2, 0.8)) / n
        th = side * rng.uniform(0.16, 0.26)
        node.path(_pine(tx, base, th) if pines else _round_tree(tx, base, th), crowns[k % len(crowns)])
    ctx.info.setdefault("drawn", []).append({"concept": "forest tree", "icon": "scene:trees"})


def interior(ctx: Ctx, node: Node, stage: Stage, box: Box, floor_y: float) -> None:
    from artboard.composer.recipes.graphics.vignette import _room

    x0, y0, x1, y1 = box
    side = min(x1 - x0, y1 - y0)
    sky = sky_for(ctx, 2)
    _room(ctx, node, box, floor_y, side, sky.sky[-1], sky.sun, plant=stage.furniture is None)
    s = ctx.scheme
    if stage.place == "cafe":
        _shelf(
            ctx,
            node,
            (x0, x1),
            floor_y - side * 0.5,
            side,
            ("hot-beverage", "teacup-without-handle", "croissant", "hot-beverage", "shortcake"),
        )
        ctx.info.setdefault("drawn", []).append({"concept": "cafe coffee cup", "icon": "scene:cafe"})
    if stage.place == "office" and has_word(ctx, *BOARDS, "brainstorming", "brainstorm", "meeting", "presentation"):
        _whiteboard(ctx, node, (x0, x1), floor_y, side)
    if stage.place == "kitchen":
        # A tiled splashback and a shelf of pots above the counter: the room is a kitchen.
        tile = from_oklch(0.95, 0.02, 200) if not s.constrained else s.surface
        grout = tone(ctx, tile, -0.06, fallback=s.ink)
        ty0 = floor_y - side * 0.55
        node.rect(x0, ty0, x1 - x0, floor_y - ty0, grout)
        step = side * 0.07
        for row in range(int((floor_y - ty0) / step) + 1):
            for col in range(int((x1 - x0) / step) + 1):
                node.rect(x0 + col * step + 1.5, ty0 + row * step + 1.5, step - 3, step - 3, tile)
        _shelf(
            ctx,
            node,
            (x0, x1),
            ty0 + side * 0.12,
            side,
            ("pot-of-food", "teapot", "jar", "cheese-wedge", "tomato", "baguette-bread"),
        )
        ctx.info.setdefault("drawn", []).append({"concept": "kitchen", "icon": "scene:kitchen"})


def _whiteboard(ctx: Ctx, node: Node, xs: tuple[float, float], floor_y: float, side: float) -> None:
    """A whiteboard on the office wall, behind the people at it: sticky notes in rows, a marker chart, a tray."""
    x0, x1 = xs
    s = ctx.scheme
    width, height = min((x1 - x0) * 0.62, side * 1.1), side * 0.36
    bx, by = (x0 + x1) / 2 - width / 2, floor_y - side * 0.78
    frame = from_oklch(0.72, 0.01, 250) if not s.constrained else s.ink
    board = (250, 250, 252) if not s.constrained else s.surface
    node.rect(bx - side * 0.012, by - side * 0.012, width + side * 0.024, height + side * 0.024, frame, rx=side * 0.008)
    node.rect(bx, by, width, height, board)
    notes = [from_oklch(0.9, 0.12, h) for h in (95, 0, 230, 150)] if not s.constrained else [s.primary, s.accent]
    size = height * 0.2
    for row in range(2):
        for col in range(4):
            nx, ny = bx + width * 0.06 + col * size * 1.3, by + height * 0.14 + row * size * 1.35
            node.rect(nx, ny, size, size, notes[(row * 4 + col * 3) % len(notes)])
            node.rect(nx + size * 0.15, ny + size * 0.3, size * 0.7, size * 0.06, frame)
    ink = from_oklch(0.5, 0.15, 255) if not s.constrained else s.primary
    cx0, cy1 = bx + width * 0.66, by + height * 0.82
    for k, tall in enumerate((0.3, 0.45, 0.38, 0.62)):
        node.rect(cx0 + k * width * 0.07, cy1 - height * tall, width * 0.045, height * tall, ink)
    node.rect(cx0 - width * 0.02, cy1, width * 0.3, side * 0.005, frame)
    node.rect(bx + width * 0.1, by + height, width * 0.8, side * 0.018, frame)  # the marker tray
    ctx.info.setdefault("drawn", []).append({"concept": "whiteboard", "icon": "scene:whiteboard"})


def _shelf(ctx: Ctx, node: Node, xs: tuple[float, float], shelf_y: float, side: float, names: tuple[str, ...]) -> None:
    """A wall shelf with the place's things on it (pots in a kitchen, cups in a cafe)."""
    x0, x1 = xs
    s = ctx.scheme
    node.rect(x0, shelf_y, x1 - x0, side * 0.018, from_oklch(0.55, 0.08, 60) if not s.constrained else s.ink)
    k = 0
    for name in names:
        ic = fef(name)
        if ic is None:
            continue
        px = x0 + (x1 - x0) * (0.1 + 0.16 * k)
        if px > x1 - side * 0.05:
            break
        place_icon(ctx, node, ic, px, shelf_y, side * 0.08, name="shelf")
        k += 1


def falling(ctx: Ctx, node: Node, season: str, box: Box) -> None:
    """Autumn leaves or snowflakes falling through the picture."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    side = min(w, h)
    rng = ctx.rng
    n = int(22 * w * h / (side * side))
    if season == "snow":
        flakes = [
            circle_d(x0 + w * rng.random(), y0 + h * rng.random(), side * rng.uniform(0.004, 0.009))
            for _ in range(n * 3)
        ]
        node.path(shapes.union(flakes), from_oklch(0.99, 0.005, 240))
        ctx.info.setdefault("drawn", []).append({"concept": "snow", "icon": "scene:snow"})
        return
    colours = [from_oklch(0.68, 0.17, 45), from_oklch(0.76, 0.15, 75), from_oklch(0.55, 0.17, 30)]
    if ctx.scheme.constrained:
        colours = [ctx.scheme.accent, ctx.scheme.primary]
    for k in range(n):
        lx, ly = x0 + w * rng.random(), y0 + h * rng.uniform(0.05, 1.0)
        node.path(leaf_d(lx, ly, side * rng.uniform(0.025, 0.04), rng.uniform(0, 360), 0.4), colours[k % len(colours)])
    ctx.info.setdefault("drawn", []).append({"concept": "autumn leaves", "icon": "scene:leaves"})


def draw_seat(ctx: Ctx, node: Node, kind: str, box: Box, unit: float) -> Box:
    """A bench or a sofa under whoever sits on it: seat, back and legs."""
    x0, y0, x1, y1 = box
    s = ctx.scheme
    soft = kind in ("armchair", "sofa", "couch", "chair")
    wood = (from_oklch(0.6, 0.12, 25) if soft else from_oklch(0.55, 0.08, 55)) if not s.constrained else s.secondary
    dark = tone(ctx, wood, -0.08, fallback=s.ink)
    back_top = y0 - unit * 0.32
    node.path(rect_d(x0, back_top, x1 - x0, unit * (0.34 if soft else 0.08), unit * 0.05), dark)
    if not soft:
        node.path(rect_d(x0, back_top + unit * 0.14, x1 - x0, unit * 0.08, unit * 0.03), dark)
    node.path(rect_d(x0 - unit * 0.03, y0, x1 - x0 + unit * 0.06, unit * (0.12 if soft else 0.06), unit * 0.03), wood)
    leg = unit * 0.05
    for lx in (x0 + unit * 0.06, x1 - unit * 0.06 - leg):
        node.rect(lx, y0, leg, y1 - y0, dark)
    return (x0, back_top, x1, y1)


def draw_blanket(ctx: Ctx, node: Node, box: Box, kind: str = "blanket") -> Box:
    """A picnic blanket spread on the grass, seen from a little above: a flat quad, checked in two tones. A rug
    (indoors) is an oval in a warm colour with a border; a mat or a towel a plain band with stripes at its ends."""
    x0, y0, x1, y1 = box
    s = ctx.scheme
    named = ctx.brief.colors
    cloth = named[0] if named and not s.constrained else (from_oklch(0.62, 0.17, 25) if not s.constrained else s.accent)
    light = tone(ctx, cloth, 0.25, fallback=s.surface)
    if kind == "rug":
        wool = (
            named[0] if named and not s.constrained else (from_oklch(0.58, 0.09, 45) if not s.constrained else s.accent)
        )
        cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
        node.path(ellipse_d(cx, cy, rx, ry), tone(ctx, wool, -0.08, fallback=s.ink))
        node.path(ellipse_d(cx, cy, rx * 0.9, ry * 0.8), wool)
        node.path(ellipse_d(cx, cy, rx * 0.62, ry * 0.5), tone(ctx, wool, 0.12, fallback=s.surface))
        return box
    inset = (x1 - x0) * 0.06
    corners = [(x0 + inset, y0), (x1 - inset, y0), (x1, y1), (x0, y1)]
    node.path(polygon_d(corners), cloth)

    def at(t: float, v: float) -> tuple[float, float]:
        left, right = x0 + inset * (1 - v), x1 - inset * (1 - v)
        return (left + (right - left) * t, y0 + (y1 - y0) * v)

    n = 6
    for i in range(n):
        for j in range(2):
            if (i + j) % 2 == 0:
                t0, t1, v0, v1 = i / n, (i + 1) / n, j / 2, (j + 1) / 2
                node.path(polygon_d([at(t0, v0), at(t1, v0), at(t1, v1), at(t0, v1)]), light)
    return box


def draw_furniture(ctx: Ctx, node: Node, kind: str, box: Box, unit: float) -> None:
    x0, y0, x1, y1 = box
    s = ctx.scheme
    wood = from_oklch(0.62, 0.08, 60) if not s.constrained else s.secondary
    top_c = tone(ctx, wood, 0.08, fallback=wood)
    if kind == "counter":
        node.rect(x0, y0, x1 - x0, y1 - y0, wood)
        door = tone(ctx, wood, -0.05, fallback=s.ink)
        n = max(2, int((x1 - x0) / (unit * 0.45)))
        dw = (x1 - x0) / n
        for k in range(n):
            node.path(
                rect_d(
                    x0 + k * dw + unit * 0.04, y0 + unit * 0.1, dw - unit * 0.08, y1 - y0 - unit * 0.16, unit * 0.02
                ),
                door,
            )
        node.rect(x0 - unit * 0.05, y0 - unit * 0.04, x1 - x0 + unit * 0.1, unit * 0.07, top_c)
        return
    leg = unit * 0.05
    node.rect(x0 + unit * 0.08, y0, leg, y1 - y0, tone(ctx, wood, -0.1, fallback=s.ink))
    node.rect(x1 - unit * 0.08 - leg, y0, leg, y1 - y0, tone(ctx, wood, -0.1, fallback=s.ink))
    # A front panel: the desk hides the legs of whoever works at it.
    node.rect(x0 + unit * 0.08, y0, x1 - x0 - unit * 0.16, (y1 - y0) * 0.72, tone(ctx, wood, -0.04, fallback=wood))
    node.rect(x0, y0 - unit * 0.02, x1 - x0, unit * 0.07, top_c)


def banded(node: Node, box: Box, top: RGB, bottom: RGB, steps: int) -> None:
    """A flat-art gradient down `box`: `steps` bands from `top` to `bottom` (space, the sea)."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    for k in range(steps):
        node.rect(x0, y0 + h * k / steps, w, h / steps + 1, lerp_lch(top, bottom, k / (steps - 1)))


def space(ctx: Ctx, node: Node, box: Box) -> float:
    """Outer space: a deep sky with stars and a far ringed planet, and a planet's curve across the foot of the
    picture (in the colour named for it, else a seeded hue). Returns the height the figures float at."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    side = min(w, h)
    rng = ctx.rng
    constrained = ctx.scheme.constrained
    top, bottom = (
        (from_oklch(0.14, 0.05, 280), from_oklch(0.26, 0.09, 300))
        if not constrained
        else (ctx.scheme.ink, ctx.scheme.primary)
    )
    banded(node, box, top, bottom, 16)
    star = from_oklch(0.95, 0.03, 90) if not constrained else ctx.scheme.ground
    draw_stars(ctx, node, (x0, y0, x1, y1), int(220 * w * h / (1024 * 1024)), star, lambda x, y: False)
    drawn = ctx.info.setdefault("drawn", [])
    drawn.append({"concept": "stars", "icon": "scene:stars"})
    hue = rng.uniform(0, 360)
    named = [c for c in ctx.brief.colors if oklch(c)[1] > 0.04]
    # "a red desert planet": the colour said for the planet itself first
    said = next(
        (colour_value(t.colours[-1]) for t in ctx.brief.things if t.head in ("planet", "world", "moon") and t.colours),
        None,
    )
    body = ctx.scheme.accent if constrained else said or (named[0] if named else from_oklch(0.62, 0.12, hue))
    radius = max(w, h) * 0.9
    cx, cy = x0 + w * rng.uniform(0.3, 0.7), y1 - h * 0.2 + radius
    node.circle(cx, cy, radius * 1.03, lerp_lch(body, star, 0.35), opacity=0.25)  # its atmosphere
    node.circle(cx, cy, radius, body)
    shade = tone(ctx, body, -0.1, fallback=ctx.scheme.ink)
    for _k in range(4):  # bands of weather across its face
        y = y1 - h * rng.uniform(0.02, 0.16)
        band = shapes.intersect(circle_d(cx, cy, radius), rect_d(x0 - 2, y, w + 4, side * rng.uniform(0.015, 0.035)))
        if band:
            node.path(band, shade)
    drawn.append({"concept": "planet", "icon": "scene:planet"})
    far = fef("ringed-planet")
    if far is not None:
        fx = x0 + w * rng.choice([0.18, 0.82])
        place_icon(ctx, node, far, fx, y0 + h * 0.2, side * 0.14, name="far-planet")
    return y1 - h * 0.24
