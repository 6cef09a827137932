"""The synthwave (retrowave, outrun, vaporwave) scene: a night sky that burns to magenta at the horizon, a striped
sun setting behind dark wireframe-lit mountains, and a neon grid floor running to the vanishing point, with
palms and whatever else the prompt names standing on it in silhouette. The genre is a look with fixed parts, so
it is drawn whole rather than pieced from the flat landscape's layers.
"""

from __future__ import annotations

from artboard.colors import RGB, from_oklch, oklch
from artboard.composer import icons, shapes
from artboard.composer.canvas import Canvas, Node, num, polygon_d, rect_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.common import Box, has_word, note_drawn
from artboard.composer.recipes.graphics.landscape import palm_d
from artboard.composer.recipes.graphics.scenery import draw_stars

WORDS = ("synthwave", "retrowave", "outrun", "vaporwave", "synthpop", "retrofuturism", "retrofuturistic")
# What the scene draws itself: these named things are part of it, not figures to stand on the grid.
_SCENERY = frozenset(
    {"synthwave", "retrowave", "outrun", "vaporwave", "sunset", "sun", "grid", "floor", "mountain", "mountains",
     "sky", "horizon", "palm", "palm tree", "palms", "night", "scene", "landscape", "wallpaper", "background",
     "aesthetic", "style", "vibe", "vibes", "road", "highway", "line", "lines"}
)  # fmt: skip

_SKY = ((20, 8, 51), (61, 20, 102), (176, 38, 122))  # top → horizon
_SUN = ((255, 228, 92), (255, 138, 61), (255, 46, 136))  # top → bottom
_GRID = (255, 60, 172)
_RIDGE = (0, 229, 255)
_FLOOR = ((13, 2, 33), (38, 8, 66))
FLOOR_INK = _FLOOR[0]
_SHADOW = (24, 6, 48)


def wanted(ctx: Ctx) -> bool:
    return has_word(ctx, *WORDS) and not ctx.scheme.constrained


def _inks(ctx: Ctx) -> tuple[tuple[RGB, ...], RGB, RGB]:
    """Sky ramp, grid and ridge colours: the genre's own, with the colours the prompt names put where they go —
    a violet or blue into the sky, the others into the grid and then the ridge lines ("neon pink and purple":
    a purple sky, a pink grid; "magenta and cyan": a magenta grid, cyan ridges)."""
    named = [c for c in ctx.brief.colors if oklch(c)[1] > 0.06]
    skyish = [c for c in named if 250 <= oklch(c)[2] <= 320 and oklch(c)[0] < 0.75]
    lines = [c for c in named if c not in skyish[:1]]
    sky = _SKY
    if skyish:
        hue = oklch(skyish[0])[2]
        sky = (from_oklch(0.16, 0.08, hue), from_oklch(0.3, 0.13, hue), _SKY[2])
    grid = lines[0] if lines else _GRID
    ridge = lines[1] if len(lines) > 1 else _RIDGE
    return sky, grid, ridge


def _ramp(canvas: Canvas, stops: tuple[RGB, ...], offsets: tuple[float, ...] | None = None) -> str:
    gid = canvas.new_id("ramp")
    grad = canvas.definitions().add("linearGradient", id=gid, x1="0", y1="0", x2="0", y2="1")
    n = len(stops)
    for i, c in enumerate(stops):
        grad.add("stop", offset=num(offsets[i] if offsets else i / max(1, n - 1)), stop_color=c)
    return f"url(#{gid})"


def _glow(canvas: Canvas, radius: float) -> str:
    fid = canvas.new_id("glow")
    flt = canvas.definitions().add("filter", id=fid, x="-20%", y="-20%", width="140%", height="140%")
    flt.add("feGaussianBlur", stdDeviation=num(radius))
    return f"url(#{fid})"


def _sun(ctx: Ctx, art: Node, cx: float, cy: float, r: float, horizon: float) -> None:
    """The sun: a vertical ramp, cut by bands that widen toward the horizon."""
    strips = [rect_d(cx - r, cy - r, 2 * r, r * 1.05)]
    y = cy + r * 0.05
    gap = r * 0.035
    while y < min(cy + r, horizon):
        band = r * 0.13
        strips.append(rect_d(cx - r, y + gap, 2 * r, max(0.0, band - gap)))
        y += band
        gap *= 1.45
    clip = ctx.canvas.clip(" ".join(strips))
    sun = art.group("sun", clip_path=clip)
    sun.circle(cx, cy, r, _ramp(ctx.canvas, _SUN))
    note_drawn(ctx, "sunset sun")


def _mountains(ctx: Ctx, art: Node, box: Box, horizon: float, ridge: RGB) -> None:
    """Two dark ranges at the sides, their crests traced in neon."""
    x0, _y0, x1, _y1 = box
    w = x1 - x0
    rng = ctx.rng
    weight = max(1.5, ctx.short * 0.003)
    for side in (-1, 1):
        points = [(x0 + w * 0.5 + side * w * 0.08, horizon)]
        steps = 6
        for k in range(1, steps + 1):
            t = k / steps
            px = x0 + w * 0.5 + side * (w * 0.08 + t * w * 0.48)
            peak = (0.18 + 0.1 * rng.random()) * (1 - abs(t - 0.55)) * (w * 0.5)
            points.append((px, horizon - min(peak, (horizon - box[1]) * 0.45)))
        points.append((x0 + w * 0.5 + side * w * 0.6, horizon))
        art.path(polygon_d(points), _SHADOW)
        crest = "M" + " L".join(f"{num(px)} {num(py)}" for px, py in points)
        art.path(crest, "none", stroke=ridge, stroke_width=num(weight), stroke_linejoin="round")
    note_drawn(ctx, "mountain")


def _grid(ctx: Ctx, art: Node, box: Box, horizon: float, colour: RGB) -> None:
    """The floor: lines converging on the vanishing point and rungs closing up toward the horizon, glowing."""
    x0, _y0, x1, y1 = box
    w, depth = x1 - x0, y1 - horizon
    cx = x0 + w / 2
    parts: list[str] = []
    spread = w * 0.16
    for k in range(-14, 15):
        bottom_x = cx + k * spread
        top_x = cx + k * spread * 0.04
        parts.append(f"M{num(top_x)} {num(horizon)}L{num(bottom_x)} {num(y1 + depth * 0.02)}")
    for j in range(14):
        y = horizon + depth / (1 + j * 0.55) ** 1.35
        parts.append(f"M{num(x0)} {num(y)}H{num(x1)}")
    d = "".join(parts)
    weight = max(1.2, ctx.short * 0.0032)
    glow = art.group("grid-glow", filter=_glow(ctx.canvas, weight * 2.2), opacity="0.85")
    glow.path(d, "none", stroke=colour, stroke_width=num(weight * 2.4))
    art.path(d, "none", stroke=colour, stroke_width=num(weight))
    art.path(f"M{num(x0)} {num(horizon)}H{num(x1)}", "none", stroke=colour, stroke_width=num(weight * 1.6))
    note_drawn(ctx, "grid floor", "floor", "grid")


def _silhouette(ctx: Ctx, art: Node, icon: icons.Icon, cx: float, base: float, size: float, rim: RGB) -> bool:
    """A named thing standing on the grid: a dark silhouette with a neon rim."""
    vx, vy, vw, vh = icon.viewbox
    scale = size / max(vw, vh)
    tx, ty = cx - (vx + vw / 2) * scale, base - (vy + vh) * scale
    try:
        paths = icons.icon_as_fill_paths(icon)
    except Exception:
        return False
    body = shapes.union([shapes.transform_d(p, (scale, 0, 0, scale, tx, ty)) for p in paths])
    if not body:
        return False
    art.path(shapes.offset(body, ctx.short * 0.005), rim)
    art.path(body, _SHADOW)
    return True


def _named_things(ctx: Ctx) -> list[str]:
    return [
        t.noun
        for t in ctx.brief.things
        if t.kind in ("thing", "animal", "person") and t.noun not in _SCENERY and not set(t.noun.split()) & _SCENERY
    ][:2]


def synthwave_scene(ctx: Ctx, art: Node, box: Box, clear_top: float = 0.0) -> tuple[tuple[RGB, ...], RGB, RGB]:
    """The scene inside `box`; nothing but sky above `clear_top`. Returns its inks: sky ramp, grid, ridge."""
    from artboard.composer.noun_icons import resolve

    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    sky, grid, ridge = _inks(ctx)
    horizon = y0 + h * (0.6 if w >= h else 0.58)
    art.rect(x0, y0, w, horizon - y0 + 1, _ramp(ctx.canvas, sky, (0.0, 0.55, 1.0)))
    draw_stars(ctx, art, (x0, max(y0, clear_top), x1, horizon - h * 0.25), int(70 * w * h / 1024**2),
               (255, 240, 250), lambda _x, _y: False)  # fmt: skip
    r = min(w, h) * (0.23 if w >= h else 0.3)
    sun_cy = max(horizon - r * 0.45, clear_top + r * 1.02)
    _sun(ctx, art, x0 + w / 2, sun_cy, r, horizon)
    _mountains(ctx, art, box, horizon, ridge)
    art.rect(x0, horizon, w, y1 - horizon, _ramp(ctx.canvas, _FLOOR))
    _grid(ctx, art, box, horizon, grid)
    if has_word(ctx, "palm", "palms", "tropical", "miami", "beach") or ctx.rng.random() < 0.5:
        for side, lean in ((-1, 1.0), (1, -1.0)):
            px = x0 + w * 0.5 + side * w * 0.36
            art.path(palm_d(px, y1 - h * 0.04, min(h * 0.55, w * 0.42), lean * 0.8), _SHADOW)
        note_drawn(ctx, "palm tree")
    for i, noun in enumerate(_named_things(ctx)):
        found = resolve(noun, "fill")
        if found is None:
            ctx.info.setdefault("left_out", []).append(noun)
            continue
        icon, concept = found
        size = min(w, h) * (0.34 if i == 0 else 0.22)
        cx = x0 + w * (0.5 if i == 0 else 0.72)
        if _silhouette(ctx, art, icon, cx, y1 - h * 0.06, size, ridge):
            ctx.info.setdefault("icons", []).append(icon.key)
            ctx.info.setdefault("drawn", []).append({"concept": concept, "icon": icon.key})
    return sky, grid, ridge
