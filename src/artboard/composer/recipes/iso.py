"""Isometric heroes: boxes, slabs, cylinders, stairs and floating shapes in 30° projection, three shades a face.

World units: x runs to the right-front, y to the left-front, z up. A scene is a list of solids with bounds;
they are drawn back to front (a topological order on their bounds), after the whole scene has been fitted
into the free part of the canvas.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from artboard.colors import RGB, contrast_ratio, oklch
from artboard.composer import icons, shapes
from artboard.composer.canvas import Node, circle_d, num, polygon_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics import (
    at_lightness,
    best_icon,
    has_word,
    icon_outline,
    ladder,
    subject_queries,
    title_block,
    tone,
)

C30 = math.cos(math.radians(30))
S30 = 0.5
Point = tuple[float, float]
P3 = tuple[float, float, float]


Proj = Callable[[float, float, float], Point]
Decor = Callable[[Node, Proj, float], None]


def project(x: float, y: float, z: float) -> Point:
    return ((x - y) * C30, (x + y) * S30 - z)


@dataclass
class Shades:
    top: RGB
    left: RGB
    right: RGB

    @classmethod
    def of(cls, ctx: Ctx, color: RGB, spread: float = 0.1) -> Shades:
        light, mid, dark = ladder(ctx, color, spread)
        return cls(light, mid, dark)


@dataclass
class Solid:
    lo: P3
    hi: P3
    draw: Callable[[Node, Callable[[float, float, float], Point], float], None]
    points: list[P3] = field(default_factory=list)
    layer: int = 1  # 0: ground decals drawn before everything else

    def behind(self, other: Solid) -> bool:
        """True if self must be painted before `other` (separated along an axis, self on the far side)."""
        return (self.hi[0] <= other.lo[0] + 1e-6 or self.hi[1] <= other.lo[1] + 1e-6
                or self.hi[2] <= other.lo[2] + 1e-6)


class Scene:
    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.solids: list[Solid] = []

    # primitives ---------------------------------------------------------------------------------------
    def box(self, x: float, y: float, z: float, w: float, d: float, h: float, shades: Shades,
            decor: Callable[[Node, Callable[[float, float, float], Point], float], None] | None = None,
            outline: RGB | None = None) -> Solid:
        x1, y1, z1 = x + w, y + d, z + h

        def draw(node: Node, P: Callable[[float, float, float], Point], scale: float) -> None:
            node.polygon([P(x1, y, z), P(x1, y1, z), P(x1, y1, z1), P(x1, y, z1)], shades.right)
            node.polygon([P(x, y1, z), P(x1, y1, z), P(x1, y1, z1), P(x, y1, z1)], shades.left)
            node.polygon([P(x, y, z1), P(x1, y, z1), P(x1, y1, z1), P(x, y1, z1)], shades.top)
            if decor is not None:
                decor(node, P, scale)

        corners = [(a, b, c) for a in (x, x1) for b in (y, y1) for c in (z, z1)]
        solid = Solid((x, y, z), (x1, y1, z1), draw, corners)
        self.solids.append(solid)
        return solid

    def cylinder(self, cx: float, cy: float, z: float, r: float, h: float, shades: Shades,
                 rings: int = 0, ring_color: RGB | None = None) -> Solid:
        def draw(node: Node, P: Callable[[float, float, float], Point], scale: float) -> None:
            bx, by = P(cx, cy, z)
            tx, ty = P(cx, cy, z + h)
            rx, ry = r * math.sqrt(2) * C30 * scale, r * math.sqrt(2) * S30 * scale
            body = (f"M{num(bx - rx)} {num(ty)}L{num(bx - rx)} {num(by)}"
                    f"A{num(rx)} {num(ry)} 0 0 0 {num(bx + rx)} {num(by)}L{num(bx + rx)} {num(ty)}Z")
            node.path(body, shades.left)
            # The right half in shadow: the body clipped to x > centre.
            right = (f"M{num(bx)} {num(ty)}L{num(bx)} {num(by + ry)}"
                     f"A{num(rx)} {num(ry)} 0 0 0 {num(bx + rx)} {num(by)}L{num(bx + rx)} {num(ty)}Z")
            node.path(right, shades.right)
            for k in range(rings):
                ry_k = by - (by - ty) * (k + 1) / (rings + 1)
                band = ry * 0.12 + scale * 0.02
                node.path(f"M{num(bx - rx)} {num(ry_k)}A{num(rx)} {num(ry)} 0 0 0 {num(bx + rx)} {num(ry_k)}"
                          f"L{num(bx + rx)} {num(ry_k - band)}A{num(rx)} {num(ry)} 0 0 1 {num(bx - rx)} "
                          f"{num(ry_k - band)}Z", ring_color or shades.top)
            node.add("ellipse", cx=round(tx, 2), cy=round(ty, 2), rx=round(rx, 2), ry=round(ry, 2),
                     fill=shades.top)

        pts = [(cx + r * math.cos(a), cy + r * math.sin(a), zz) for a in [i * math.pi / 8 for i in range(16)]
               for zz in (z, z + h)]
        solid = Solid((cx - r, cy - r, z), (cx + r, cy + r, z + h), draw, pts)
        self.solids.append(solid)
        return solid

    def sphere(self, cx: float, cy: float, z: float, r: float, shades: Shades) -> Solid:
        def draw(node: Node, P: Callable[[float, float, float], Point], scale: float) -> None:
            px, py = P(cx, cy, z + r)
            rr = r * scale * 1.0
            node.circle(px, py, rr, shades.left)
            # Terminator: a crescent of shade on the lower right.
            shade_d = shapes.difference(circle_d(px, py, rr), circle_d(px - rr * 0.28, py - rr * 0.22, rr * 1.02))
            node.path(shade_d, shades.right)
            node.circle(px - rr * 0.38, py - rr * 0.38, rr * 0.22, shades.top)

        pts = [(cx + dx, cy + dy, z + dz) for dx in (-r, r) for dy in (-r, r) for dz in (0, 2 * r)]
        solid = Solid((cx - r, cy - r, z), (cx + r, cy + r, z + 2 * r), draw, pts)
        self.solids.append(solid)
        return solid

    def pyramid(self, x: float, y: float, z: float, w: float, h: float, shades: Shades) -> Solid:
        apex = (x + w / 2, y + w / 2, z + h)

        def draw(node: Node, P: Callable[[float, float, float], Point], scale: float) -> None:
            node.polygon([P(x + w, y, z), P(x + w, y + w, z), P(*apex)], shades.right)
            node.polygon([P(x, y + w, z), P(x + w, y + w, z), P(*apex)], shades.left)

        pts = [(x, y, z), (x + w, y, z), (x, y + w, z), (x + w, y + w, z), apex]
        solid = Solid((x, y, z), (x + w, y + w, z + h), draw, pts)
        self.solids.append(solid)
        return solid

    def decal(self, z: float, draw: Callable[[Node, Callable[[float, float, float], Point], float], None],
              lo: tuple[float, float], hi: tuple[float, float]) -> Solid:
        """Something flat on a horizontal plane (a shadow, a path), drawn before the solids standing on it."""
        solid = Solid((lo[0], lo[1], z), (hi[0], hi[1], z), draw, [(lo[0], lo[1], z), (hi[0], hi[1], z)], layer=0)
        self.solids.append(solid)
        return solid

    # rendering ----------------------------------------------------------------------------------------
    def order(self) -> list[Solid]:
        ground = [s for s in self.solids if s.layer == 0]
        rest = [s for s in self.solids if s.layer != 0]
        n = len(rest)
        before: list[set[int]] = [set() for _ in range(n)]
        for i in range(n):
            for j in range(n):
                if i != j and rest[i].behind(rest[j]) and not rest[j].behind(rest[i]):
                    before[j].add(i)
        done: list[int] = []
        placed = [False] * n
        while len(done) < n:
            ready = [i for i in range(n) if not placed[i] and all(placed[k] for k in before[i])]
            if not ready:  # a cycle (intersecting solids): fall back to depth order for the rest
                ready = sorted((i for i in range(n) if not placed[i]),
                               key=lambda i: sum(rest[i].lo) + sum(rest[i].hi))[:1]
            i = min(ready, key=lambda k: (sum(rest[k].lo) + sum(rest[k].hi), k))
            placed[i] = True
            done.append(i)
        return ground + [rest[i] for i in done]

    def render(self, parent: Node, box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
        pts = [project(*p) for s in self.solids for p in s.points]
        x0 = min(p[0] for p in pts)
        x1 = max(p[0] for p in pts)
        y0 = min(p[1] for p in pts)
        y1 = max(p[1] for p in pts)
        bx0, by0, bx1, by1 = box
        scale = min((bx1 - bx0) / (x1 - x0), (by1 - by0) / (y1 - y0))
        ox = (bx0 + bx1) / 2 - (x0 + x1) / 2 * scale
        oy = (by0 + by1) / 2 - (y0 + y1) / 2 * scale

        def P(x: float, y: float, z: float) -> Point:
            sx, sy = project(x, y, z)
            return (ox + sx * scale, oy + sy * scale)

        for solid in self.order():
            solid.draw(parent, P, scale)
        return (ox + x0 * scale, oy + y0 * scale, ox + x1 * scale, oy + y1 * scale)


# --- face decorations ---------------------------------------------------------------------------------

def _face_matrix(face: str, P: Callable[[float, float, float], Point], origin: P3, scale: float
                 ) -> tuple[float, float, float, float, float, float]:
    """Affine map from a face's local 2-D coordinates (u right, v down, in world units) to the canvas."""
    ox, oy = P(*origin)
    if face == "top":  # u along +x, v along +y
        return (C30 * scale, S30 * scale, -C30 * scale, S30 * scale, ox, oy)
    if face == "left":  # the y = const face: u along +x, v down
        return (C30 * scale, S30 * scale, 0.0, scale, ox, oy)
    # right: the x = const face, u along -y, v down
    return (C30 * scale, -S30 * scale, 0.0, scale, ox, oy)


def face_path(d: str, face: str, P: Callable[[float, float, float], Point], origin: P3, scale: float) -> str:
    return shapes.transform_d(d, _face_matrix(face, P, origin, scale))


def _rect(u: float, v: float, w: float, h: float) -> str:
    return polygon_d([(u, v), (u + w, v), (u + w, v + h), (u, v + h)])


def _round_rect(u: float, v: float, w: float, h: float, r: float) -> str:
    from artboard.composer.canvas import rect_d

    return rect_d(u, v, w, h, r)


def icon_on_face(icon: icons.Icon, face: str, P: Callable[[float, float, float], Point], origin: P3,
                 size: float, scale: float) -> str:
    """An icon as filled outlines, `size` world units wide, starting at `origin` on a face."""
    d = icon_outline(icon, size / 2, size / 2, size)
    return face_path(d, face, P, origin, scale)


# --- recipe -------------------------------------------------------------------------------------------

@dataclass
class Kit:
    """The shades a scene paints with."""

    floor: Shades
    main: Shades
    alt: Shades
    accent: Shades
    pale: Shades
    line: RGB
    shadow: RGB
    glyph: RGB


def _kit(ctx: Ctx) -> Kit:
    s = ctx.scheme
    ground = s.ground
    if s.constrained:
        floor = Shades.of(ctx, s.surface)
        return Kit(floor=floor, main=Shades.of(ctx, s.primary), alt=Shades.of(ctx, s.secondary),
                   accent=Shades.of(ctx, s.accent), pale=floor, line=s.ink, shadow=floor.left,
                   glyph=s.on_primary)
    dark_ground = oklch(ground)[0] < 0.5
    hue_color = s.primary
    if dark_ground:
        floor = Shades(at_lightness(ctx, hue_color, 0.36, 0.05), at_lightness(ctx, hue_color, 0.3, 0.05),
                       at_lightness(ctx, hue_color, 0.25, 0.05))
        pale = Shades(at_lightness(ctx, hue_color, 0.5, 0.06), at_lightness(ctx, hue_color, 0.43, 0.06),
                      at_lightness(ctx, hue_color, 0.37, 0.06))
        shadow = at_lightness(ctx, hue_color, 0.21, 0.04)
    else:
        floor = Shades(at_lightness(ctx, hue_color, 0.955, 0.018), at_lightness(ctx, hue_color, 0.88, 0.03),
                       at_lightness(ctx, hue_color, 0.82, 0.035))
        pale = Shades(at_lightness(ctx, hue_color, 0.99, 0.004), at_lightness(ctx, hue_color, 0.93, 0.02),
                      at_lightness(ctx, hue_color, 0.87, 0.03))
        shadow = at_lightness(ctx, hue_color, 0.9, 0.03)
    main = Shades.of(ctx, s.primary, 0.1)
    accent = Shades.of(ctx, s.accent, 0.09)
    alt_base = s.secondary if contrast_ratio(s.secondary, s.primary) > 1.25 else tone(ctx, s.primary, 0.22, 0.7)
    alt = Shades.of(ctx, alt_base, 0.09)
    glyph = pale.top
    return Kit(floor=floor, main=main, alt=alt, accent=accent, pale=pale, line=tone(ctx, s.primary, 0.12, 0.8),
               shadow=shadow, glyph=glyph)


def _shadow(scene: Scene, kit: Kit, cx: float, cy: float, r: float, z: float) -> None:
    def draw(node: Node, P: Callable[[float, float, float], Point], scale: float) -> None:
        px, py = P(cx, cy, z)
        node.add("ellipse", cx=round(px, 2), cy=round(py, 2), rx=round(r * math.sqrt(2) * C30 * scale, 2),
                 ry=round(r * math.sqrt(2) * S30 * scale, 2), fill=kit.shadow)

    scene.decal(z, draw, (cx - r, cy - r), (cx + r, cy + r))


def _panel(scene: Scene, kit: Kit, x: float, y: float, w: float, h: float, values: list[float], style: str,
           thick: float = 0.35, face: str = "left") -> None:
    """A standing screen with an abstract dashboard (window bar, chart), no words.

    face "left": the screen runs along x and faces the y-max side; "right": it runs along y, facing x-max.
    """

    def decor(node: Node, P: Callable[[float, float, float], Point], scale: float) -> None:
        origin = (x, y + thick, h) if face == "left" else (x + thick, y + w, h)
        def put(d: str, color: RGB) -> None:
            node.path(face_path(d, face, P, origin, scale), color)

        bezel = w * 0.045
        put(_round_rect(bezel, bezel, w - 2 * bezel, h - 2 * bezel, bezel * 0.6), kit.pale.top)
        pad = w * 0.09
        put(_round_rect(pad, pad, w - 2 * pad, h * 0.09, h * 0.045), kit.pale.right)
        for k in range(3):
            put(circle_d(pad + h * 0.05 + k * h * 0.07, pad + h * 0.045, h * 0.02),
                [kit.accent.left, kit.main.top, kit.alt.left][k])
        top = pad + h * 0.2
        bottom = h - pad
        n = len(values)
        if style == "bars":
            gap = (w - 2 * pad) / n
            hi = max(range(n), key=lambda i: values[i])
            for k, v in enumerate(values):
                bh = (bottom - top) * (0.25 + 0.75 * v)
                put(_round_rect(pad + k * gap + gap * 0.2, bottom - bh, gap * 0.6, bh, gap * 0.08),
                    kit.accent.left if k == hi else kit.main.top)
        else:
            pts = [(pad + (w - 2 * pad) * k / (n - 1), bottom - (bottom - top) * (0.15 + 0.75 * v))
                   for k, v in enumerate(values)]
            put(polygon_d([(pts[0][0], bottom), *pts, (pts[-1][0], bottom)]), kit.pale.right)
            line = "M" + "L".join(f"{num(a)} {num(b)}" for a, b in pts)
            put(shapes.stroke_outline(line, h * 0.028), kit.main.left)
            for a, b_ in pts[1:-1]:
                put(circle_d(a, b_, h * 0.04), kit.accent.left)

    frame = Shades(kit.main.top, kit.main.left, kit.main.right)
    if face == "left":
        scene.box(x, y, 0, w, thick, h, frame, decor)
    else:
        scene.box(x, y, 0, thick, w, h, frame, decor)


def _tile_grid(kit: Kit, n: int, size: float, accents: set[int], face_color: RGB, accent: RGB
               ) -> Callable[[float, float, float], Decor]:
    def make(x: float, y: float, z: float) -> Decor:
        def decor(node: Node, P: Callable[[float, float, float], Point], scale: float) -> None:
            cell = size / n
            gap = cell * 0.16
            for i in range(n):
                for j in range(n):
                    d = _round_rect(i * cell + gap / 2, j * cell + gap / 2, cell - gap, cell - gap, cell * 0.12)
                    color = accent if (i * n + j) in accents else face_color
                    node.path(face_path(d, "top", P, (x, y, z), scale), color)

        return decor

    return make


def isometric(ctx: Ctx) -> str:
    b, s, rng = ctx.brief, ctx.scheme, ctx.rng
    w, h = float(ctx.width), float(ctx.height)
    kit = _kit(ctx)
    art = ctx.canvas.group("isometric")
    kind = choose_kind(ctx)
    scene = Scene(ctx)
    {"hub": _hub, "platform": _platform, "layers": _layers, "blocks": _blocks, "stairs": _stairs, "city": _city,
     "server": _server}[kind](ctx, scene, kit)
    # Free space: the whole canvas inside the margins, less a text column when the brief has words.
    m = ctx.margin * 1.1
    box = (m, m, w - m, h - m)
    if b.headline:
        if w / h >= 1.2:
            text_box = (m, h * 0.3, w * 0.42, h * 0.7)
            box = (w * 0.46, m, w - m, h - m)
        else:
            text_box = (m, m, w - m, m + ctx.short * 0.2)
            box = (m, m + ctx.short * 0.26, w - m, h - m)
        title_block(ctx, art.group("copy"), text_box, s.ink, align="left" if w / h >= 1.2 else "center")
    if s.background is not None and not b.has("minimal") and rng.random() < 0.5:
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        r = min(box[2] - box[0], box[3] - box[1]) * 0.46
        art.circle(cx, cy, r, kit.floor.top if oklch(s.ground)[0] > 0.5 else kit.pale.right)
    scene.render(art.group("scene"), box)
    return f"isometric-{kind}"


def choose_kind(ctx: Ctx) -> str:
    rng = ctx.rng
    if has_word(ctx, "city", "town", "street", "buildings", "building", "urban", "skyline", "downtown"):
        return "city"
    if has_word(ctx, "server", "servers", "datacenter", "database", "rack", "racks", "hosting", "cloud"):
        return "server"
    if has_word(ctx, "stairs", "steps", "growth", "success", "career", "staircase"):
        return "stairs"
    if has_word(ctx, "layered", "layers", "stack", "stacked"):
        return ["hub", "layers", "hub", "platform"][rng.randrange(4)]
    return ["hub", "platform", "layers", "blocks", "stairs"][rng.randrange(5)]


# --- scenes -------------------------------------------------------------------------------------------

def _values(ctx: Ctx, n: int, rising: bool = False) -> list[float]:
    vals = [ctx.rng.uniform(0.2, 1.0) for _ in range(n)]
    if rising:
        vals.sort()
    return vals


def _platform(ctx: Ctx, scene: Scene, kit: Kit) -> None:
    rng = ctx.rng
    scene.box(0, 0, -0.7, 10, 10, 0.7, kit.floor)
    facing = rng.choice(["left", "right"])
    style = rng.choice(["bars", "line"])
    if facing == "left":
        _panel(scene, kit, 2.0, 0.8, 6.2, 4.6, _values(ctx, 6), style)
    else:
        _panel_right(scene, kit, 0.8, 2.0, 6.2, 4.6, _values(ctx, 6), style)
    # Rising blocks: a bar chart in solid form, on the side away from the screen.
    heights = sorted(rng.uniform(0.9, 3.0) for _ in range(4))
    for k, bh in enumerate(heights):
        shades = kit.accent if k == 3 else kit.main
        if facing == "left":
            scene.box(6.9, 2.2 + k * 1.45, 0, 1.05, 1.05, bh, shades)
        else:
            scene.box(2.2 + k * 1.45, 6.9, 0, 1.05, 1.05, bh, shades)
    # A stack of disks (coins / a database) in the front corner.
    cx, cy = (4.4, 7.8) if facing == "left" else (7.8, 4.4)
    for k in range(3):
        scene.cylinder(cx, cy, k * 0.62, 0.95, 0.5, kit.accent if k == 2 else kit.alt)
    # Floating shapes over the free corner of the platform, each with a shadow on the floor below.
    if facing == "left":
        card = (0.5, 7.0, 2.9)
        cube = (2.2, 4.6, 3.6)
        ball = (8.6, 0.2, 5.6)
    else:
        card = (7.0, 0.5, 2.9)
        cube = (4.6, 2.2, 3.6)
        ball = (0.2, 8.6, 5.6)
    _shadow(scene, kit, card[0] + 1.3, card[1] + 1.3, 1.1, 0.0)
    _floating_card(ctx, scene, kit, card[0], card[1], card[2], 2.6)
    _shadow(scene, kit, cube[0], cube[1], 0.5, 0.0)
    scene.box(cube[0] - 0.45, cube[1] - 0.45, cube[2], 0.9, 0.9, 0.9, kit.accent)
    scene.sphere(ball[0], ball[1], ball[2], 0.5, kit.main)


def _hub(ctx: Ctx, scene: Scene, kit: Kit) -> None:
    """A base platform with a floating stack of layers at its heart, data blocks and disks around it."""
    rng = ctx.rng
    size = 12.0
    scene.box(0, 0, -0.8, size, size, 0.8, kit.floor)
    # The stack: three slabs floating over the middle, a tile grid on the top one.
    core, cx0 = 5.0, 3.5
    gap = rng.uniform(1.5, 1.8)
    base_z = 1.5
    _shadow(scene, kit, cx0 + core / 2, cx0 + core / 2, core * 0.62, 0.0)
    palette = [kit.main, kit.alt, kit.pale] if rng.random() < 0.5 else [kit.alt, kit.main, kit.pale]
    for k in range(3):
        z = base_z + k * gap
        decor = None
        if k == 2:
            accents = {rng.randrange(9)}
            decor = _tile_grid(kit, 3, core - 1.2, accents, kit.main.top, kit.accent.top)(cx0 + 0.6, cx0 + 0.6,
                                                                                          z + 0.35)
        scene.box(cx0, cx0, z, core, core, 0.35, palette[k], decor)
    # A beam of light (thin pillar) under the stack.
    scene.box(cx0 + core / 2 - 0.2, cx0 + core / 2 - 0.2, 0, 0.4, 0.4, base_z, kit.pale)
    layout = rng.choice(["bars-left", "bars-right"])
    bars = sorted(rng.uniform(0.7, 2.4) for _ in range(3))
    for k, bh in enumerate(bars):
        shades = kit.accent if k == 2 else kit.main
        if layout == "bars-left":
            scene.box(0.9 + k * 1.2, 9.6, 0, 0.9, 0.9, bh, shades)
        else:
            scene.box(9.6, 0.9 + k * 1.2, 0, 0.9, 0.9, bh, shades)
    dx, dy = (9.9, 9.4) if layout == "bars-left" else (9.4, 9.9)
    for k in range(3):
        scene.cylinder(dx, dy, k * 0.5, 0.8, 0.4, kit.accent if k == 2 else kit.alt)
    # A standing screen at the back edge, facing the free side.
    if layout == "bars-left":
        _panel(scene, kit, 8.6, 0.5, 3.0, 2.6, _values(ctx, 5), rng.choice(["bars", "line"]), thick=0.25,
               face="right")
    else:
        _panel(scene, kit, 0.5, 8.6, 3.0, 2.6, _values(ctx, 5), rng.choice(["bars", "line"]), thick=0.25)
    # Floaters: a cube and a ball above the free corners, a small card.
    if layout == "bars-left":
        scene.box(1.0, 1.0, 3.6, 0.9, 0.9, 0.9, kit.accent)
        _shadow(scene, kit, 1.45, 1.45, 0.5, 0.0)
        scene.sphere(0.8, 7.0, 3.0, 0.45, kit.main)
        _shadow(scene, kit, 0.8, 7.0, 0.42, 0.0)
    else:
        scene.box(1.0, 1.0, 3.6, 0.9, 0.9, 0.9, kit.accent)
        _shadow(scene, kit, 1.45, 1.45, 0.5, 0.0)
        scene.sphere(7.0, 0.8, 3.0, 0.45, kit.main)
        _shadow(scene, kit, 7.0, 0.8, 0.42, 0.0)


def _floating_card(ctx: Ctx, scene: Scene, kit: Kit, x: float, y: float, z: float, size: float) -> None:
    """A thin floating tile with a symbol (or a ring and two bars) on its top face."""
    icon = None
    queries = [q for q in subject_queries(ctx) if q not in ("abstract", "layered", "layers")]
    if queries:
        icon = best_icon(ctx, queries[0], solid=True, min_score=0.7)

    def decor(node: Node, P: Proj, scale: float) -> None:
        origin = (x, y, z + 0.22)
        if icon is not None:
            node.path(icon_on_face(icon, "top", P, (x + size * 0.2, y + size * 0.2, z + 0.22), size * 0.6, scale),
                      kit.main.left)
            return
        ring = shapes.difference(circle_d(size * 0.3, size * 0.3, size * 0.16), circle_d(size * 0.3, size * 0.3,
                                                                                          size * 0.08))
        node.path(face_path(ring, "top", P, origin, scale), kit.accent.left)
        for k, length in enumerate((0.5, 0.32)):
            d = _round_rect(size * 0.18, size * (0.58 + k * 0.16), size * length, size * 0.08, size * 0.04)
            node.path(face_path(d, "top", P, origin, scale), kit.main.top)

    scene.box(x, y, z, size, size, 0.22, Shades(kit.pale.top, kit.pale.left, kit.pale.right), decor)


def _panel_right(scene: Scene, kit: Kit, x: float, y: float, w: float, h: float, values: list[float], style: str,
                 thick: float = 0.35) -> None:
    """A standing screen facing right-front (its x-max face)."""
    _panel(scene, kit, x, y, w, h, values, style, thick, face="right")


def _layers(ctx: Ctx, scene: Scene, kit: Kit) -> None:
    """A stack of floating slabs (or discs): the classic 'platform layers' diagram."""
    rng = ctx.rng
    size = 8.0
    n = rng.choice([3, 3, 4])
    gap = rng.uniform(1.9, 2.3) if n == 3 else rng.uniform(1.5, 1.8)
    thick = 0.5
    round_layers = rng.random() < 0.3
    pillars = not round_layers and rng.random() < 0.5
    palettes = [[kit.main, kit.alt, kit.pale], [kit.main, kit.pale, kit.alt], [kit.alt, kit.main, kit.pale]]
    palette = palettes[rng.randrange(len(palettes))]
    if n == 4:
        palette = [kit.main, kit.alt, kit.main, kit.pale]
    top_style = rng.choice(["tiles", "blocks", "icon", "tiles"])
    queries = [q for q in subject_queries(ctx) if q not in ("abstract", "layered", "layers")]
    icon = best_icon(ctx, queries[0], solid=True, min_score=0.7) if queries and top_style == "icon" else None
    if top_style == "icon" and icon is None:
        top_style = "ring"
    half = size / 2
    for k in range(n):
        z = k * gap
        shades = palette[k % len(palette)]
        top = k == n - 1
        if round_layers:
            scene.cylinder(half, half, z, half, thick, shades)
        else:
            decor = None
            if top and top_style == "tiles":
                accents = {rng.randrange(9), rng.randrange(9)}
                decor = _tile_grid(kit, 3, size - 2.0, accents, kit.main.top, kit.accent.top)(1.0, 1.0, z + thick)
            elif top and top_style in ("icon", "ring"):
                def decor(node: Node, P: Proj, scale: float, z: float = z) -> None:  # type: ignore[misc,unused-ignore]
                    if icon is not None:
                        node.path(icon_on_face(icon, "top", P, (1.6, 1.6, z + thick), size - 3.2, scale),
                                  kit.main.left)
                    else:
                        ring = shapes.difference(circle_d(half, half, half * 0.62), circle_d(half, half, half * 0.42))
                        node.path(face_path(ring, "top", P, (0, 0, z + thick), scale), kit.accent.top)
            elif not top and k == n - 2 and rng.random() < 0.6:
                def decor(node: Node, P: Proj, scale: float, z: float = z) -> None:  # type: ignore[misc,unused-ignore]
                    d = _round_rect(0.9, 0.9, size - 1.8, size - 1.8, 0.5)
                    inner = _round_rect(1.25, 1.25, size - 2.5, size - 2.5, 0.3)
                    node.path(face_path(shapes.difference(d, inner), "top", P, (0.0, 0.0, z + thick), scale),
                              kit.accent.top)
            scene.box(0, 0, z, size, size, thick, shades, decor)
        if k > 0 and pillars:
            for px, py in ((0.5, 0.5), (size - 0.8, 0.5), (0.5, size - 0.8), (size - 0.8, size - 0.8)):
                scene.box(px, py, z - gap + thick, 0.3, 0.3, gap - thick, kit.pale)
        if top and top_style == "blocks":
            heights = [rng.uniform(0.6, 2.2) for _ in range(3)]
            for i, bh in enumerate(heights):
                scene.box(1.4 + i * 1.9, 4.6 - i * 1.2, z + thick, 1.2, 1.2, bh,
                          kit.accent if i == 1 else kit.main)
    # Small shapes floating beside the stack (kept inside its silhouette's width).
    top_z = (n - 1) * gap
    floaters = [(size + 0.9, 1.0, top_z * 0.55, 0.9, "cube", kit.accent),
                (0.6, size + 0.9, top_z * 0.9, 0.45, "sphere", kit.accent),
                (size + 1.2, size - 2.5, -0.6, 0.6, "cube", kit.alt)]
    if rng.random() < 0.5:
        floaters = [(1.0, size + 0.9, top_z * 0.5, 0.9, "cube", kit.accent),
                    (size + 0.9, 0.6, top_z * 0.9, 0.45, "sphere", kit.main),
                    (size - 2.5, size + 1.2, -0.6, 0.6, "cube", kit.alt)]
    for fx, fy, fz, fs, what, shades in floaters:
        if what == "cube":
            scene.box(fx - fs / 2, fy - fs / 2, fz, fs, fs, fs, shades)
        else:
            scene.sphere(fx, fy, fz, fs, shades)


def _blocks(ctx: Ctx, scene: Scene, kit: Kit) -> None:
    rng = ctx.rng
    n = 4
    scene.box(-0.4, -0.4, -0.6, n * 1.6 + 0.6, n * 1.6 + 0.6, 0.6, kit.floor)
    accent_cells = {(rng.randrange(n), rng.randrange(n)) for _ in range(2)}
    for i in range(n):
        for j in range(n):
            base = 0.6 + (n * 2 - i - j) * 0.35
            hgt = max(0.3, base * rng.uniform(0.45, 1.25))
            shades = kit.accent if (i, j) in accent_cells else (kit.main if (i + j) % 3 else kit.alt)
            if rng.random() < 0.18 and (i, j) not in accent_cells:
                scene.cylinder(i * 1.6 + 0.6, j * 1.6 + 0.6, 0, 0.55, hgt, kit.alt)
            else:
                scene.box(i * 1.6, j * 1.6, 0, 1.2, 1.2, hgt, shades)
    scene.sphere(-0.2, -0.2, n * 1.35 + 2.2, 0.45, kit.accent)


def _stairs(ctx: Ctx, scene: Scene, kit: Kit) -> None:
    """Rising steps as separate blocks, a ball at the top: the growth metaphor."""
    rng = ctx.rng
    steps = rng.choice([4, 5])
    depth = 1.5
    gap = 0.18
    scene.box(-0.8, -0.8, -0.6, steps * (depth + gap) + 3.6, 6.0, 0.6, kit.floor)
    rise = rng.uniform(0.75, 0.95)
    for k in range(steps):
        shades = kit.main if k % 2 == 0 else kit.alt
        if k == steps - 1:
            shades = kit.accent
        scene.box((steps - 1 - k) * (depth + gap), 0.4, 0, depth, 3.4, rise * (k + 1), shades)
    top = rise * steps
    scene.sphere(depth / 2, 2.1, top, 0.55, kit.main)
    far = steps * (depth + gap) + 0.6
    scene.box(far, 0.6, 0, 1.5, 1.5, 1.5, kit.pale)
    scene.box(far + 0.35, 0.95, 1.5, 0.8, 0.8, 0.8, kit.accent)
    for k in range(3):
        scene.cylinder(1.4, 4.9, k * 0.5, 0.75, 0.4, kit.accent if k == 2 else kit.alt)
    _shadow(scene, kit, far + 0.8, 4.2, 0.45, 0.0)
    scene.box(far + 0.4, 3.8, 2.2, 0.8, 0.8, 0.8, kit.main)
    _ = rng


def _city(ctx: Ctx, scene: Scene, kit: Kit) -> None:
    rng = ctx.rng
    n = 3
    lot = 2.6
    street = 1.1
    span = n * lot + (n - 1) * street
    scene.box(-0.6, -0.6, -0.7, span + 1.2, span + 1.2, 0.7, kit.floor)

    def road(node: Node, P: Proj, scale: float) -> None:
        for k in range(1, n):
            c = k * (lot + street) - street
            for d in (_rect(c, -0.6, street, span + 1.2), _rect(-0.6, c, span + 1.2, street)):
                node.path(face_path(d, "top", P, (0, 0, 0), scale), kit.floor.right)
            for t in range(int(span + 1.2)):
                dash1 = _rect(c + street / 2 - 0.05, -0.6 + t + 0.2, 0.1, 0.5)
                dash2 = _rect(-0.6 + t + 0.2, c + street / 2 - 0.05, 0.5, 0.1)
                for dd in (dash1, dash2):
                    node.path(face_path(dd, "top", P, (0, 0, 0), scale), kit.pale.top)

    scene.decal(0, road, (-0.6, -0.6), (span + 0.6, span + 0.6))
    for i in range(n):
        for j in range(n):
            x0, y0 = i * (lot + street), j * (lot + street)
            roll = rng.random()
            if roll < 0.18:
                # A small park: trees as cylinders topped with spheres.
                for tx, ty in ((0.7, 0.7), (1.9, 1.1), (1.1, 1.9)):
                    scene.cylinder(x0 + tx, y0 + ty, 0, 0.12, 0.5, kit.floor)
                    scene.sphere(x0 + tx, y0 + ty, 0.45, 0.38, kit.alt)
                continue
            hgt = rng.uniform(1.5, 5.5) * (1.2 if i + j <= 1 else 1.0)
            shades = kit.main if roll < 0.7 else (kit.accent if roll < 0.82 else kit.pale)
            win = kit.pale.left if shades is not kit.pale else kit.main.left
            wx, wy = lot - 0.4, lot - 0.4
            floors = max(2, int(hgt / 0.6))

            def windows(node: Node, P: Proj, scale: float, x0: float = x0, y0: float = y0, hgt: float = hgt,
                        floors: int = floors, win: RGB = win, wx: float = wx, wy: float = wy) -> None:
                cols = 3
                for f in range(floors):
                    for c in range(cols):
                        u = 0.25 + c * (wx - 0.5) / cols
                        v = 0.3 + f * (hgt - 0.45) / floors
                        d = _rect(u, v, (wx - 0.5) / cols * 0.55, (hgt - 0.45) / floors * 0.5)
                        node.path(face_path(d, "left", P, (x0 + 0.2, y0 + 0.2 + wy, hgt), scale), win)
                        node.path(face_path(d, "right", P, (x0 + 0.2 + wx, y0 + 0.2 + wy, hgt), scale), win)

            scene.box(x0 + 0.2, y0 + 0.2, 0, wx, wy, hgt, shades, windows)
            if rng.random() < 0.4:
                scene.box(x0 + 0.8, y0 + 0.8, hgt, 0.8, 0.8, 0.5, kit.pale)


def _server(ctx: Ctx, scene: Scene, kit: Kit) -> None:
    rng = ctx.rng
    racks = 4
    scene.box(-0.6, -0.6, -0.5, racks * 1.5 + 1.2, 8.2, 0.5, kit.floor)
    for row, y in enumerate((0.0, 4.0)):
        for k in range(racks):
            x = k * 1.5
            hgt = 3.6

            def leds(node: Node, P: Proj, scale: float, x: float = x, y: float = y, k: int = k,
                     row: int = row, hgt: float = hgt) -> None:
                units = 6
                for u in range(units):
                    v = 0.3 + u * (hgt - 0.6) / units
                    d = _rect(0.15, v, 1.0, (hgt - 0.6) / units * 0.7)
                    node.path(face_path(d, "left", P, (x, y + 1.6, hgt), scale), kit.main.right)
                    lit = (u + k + row) % 3 == 0
                    node.path(face_path(circle_d(1.0, v + (hgt - 0.6) / units * 0.35, 0.06), "left", P,
                                        (x, y + 1.6, hgt), scale), kit.accent.top if lit else kit.alt.top)

            scene.box(x, y, 0, 1.3, 1.6, hgt, kit.main, leds)
    scene.cylinder(racks * 1.5 + 0.2, 6.4, 0, 0.45, 1.2, kit.alt, rings=2, ring_color=kit.accent.top)
    _ = rng
