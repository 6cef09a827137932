"""Isometric geometry: solids in 30° projection, three shades a face, drawn back to front.

World units: x runs to the right-front, y to the left-front, z up. A `Scene` is a list of solids with bounds;
they are drawn back to front (a topological order on their bounds), after the whole scene has been fitted
into the free part of the canvas. `face_path` maps flat artwork (windows, screens, icons) onto a face.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from artboard.colors import RGB
from artboard.composer import icons, shapes
from artboard.composer.canvas import Node, circle_d, num
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.common import Point, ellipse, icon_outline, ladder

C30 = math.cos(math.radians(30))
S30 = 0.5
P3 = tuple[float, float, float]
Proj = Callable[[float, float, float], Point]  # world (x, y, z) to canvas, once the scene is fitted
Decor = Callable[[Node, Proj, float], None]  # draws onto a node, given the projection and its scale
SpriteDraw = Callable[[Node, float, float, float], None]  # node, centre x, base y, height: flat art standing up


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
    draw: Decor
    points: list[P3] = field(default_factory=list)
    layer: int = 1  # 0: ground decals drawn before everything else

    def behind(self, other: Solid) -> bool:
        """True if self must be painted before `other` (separated along an axis, self on the far side)."""
        return self.hi[0] <= other.lo[0] + 1e-6 or self.hi[1] <= other.lo[1] + 1e-6 or self.hi[2] <= other.lo[2] + 1e-6


class Scene:
    """Solids in world units; `render` fits them into a box and paints them back to front."""

    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.solids: list[Solid] = []

    # primitives ---------------------------------------------------------------------------------------
    def box(
        self,
        x: float,
        y: float,
        z: float,
        w: float,
        d: float,
        h: float,
        shades: Shades,
        decor: Decor | None = None,
        outline: RGB | None = None,
    ) -> Solid:
        x1, y1, z1 = x + w, y + d, z + h

        def draw(node: Node, P: Proj, scale: float) -> None:
            node.polygon([P(x1, y, z), P(x1, y1, z), P(x1, y1, z1), P(x1, y, z1)], shades.right)
            node.polygon([P(x, y1, z), P(x1, y1, z), P(x1, y1, z1), P(x, y1, z1)], shades.left)
            node.polygon([P(x, y, z1), P(x1, y, z1), P(x1, y1, z1), P(x, y1, z1)], shades.top)
            if decor is not None:
                decor(node, P, scale)

        corners = [(a, b, c) for a in (x, x1) for b in (y, y1) for c in (z, z1)]
        solid = Solid((x, y, z), (x1, y1, z1), draw, corners)
        self.solids.append(solid)
        return solid

    def cylinder(
        self,
        cx: float,
        cy: float,
        z: float,
        r: float,
        h: float,
        shades: Shades,
        rings: int = 0,
        ring_color: RGB | None = None,
    ) -> Solid:
        def draw(node: Node, P: Proj, scale: float) -> None:
            bx, by = P(cx, cy, z)
            tx, ty = P(cx, cy, z + h)
            rx, ry = r * math.sqrt(2) * C30 * scale, r * math.sqrt(2) * S30 * scale
            body = (
                f"M{num(bx - rx)} {num(ty)}L{num(bx - rx)} {num(by)}"
                f"A{num(rx)} {num(ry)} 0 0 0 {num(bx + rx)} {num(by)}L{num(bx + rx)} {num(ty)}Z"
            )
            node.path(body, shades.left)
            # The right half in shadow: the body clipped to x > centre.
            right = (
                f"M{num(bx)} {num(ty)}L{num(bx)} {num(by + ry)}"
                f"A{num(rx)} {num(ry)} 0 0 0 {num(bx + rx)} {num(by)}L{num(bx + rx)} {num(ty)}Z"
            )
            node.path(right, shades.right)
            for k in range(rings):
                ry_k = by - (by - ty) * (k + 1) / (rings + 1)
                band = ry * 0.12 + scale * 0.02
                node.path(
                    f"M{num(bx - rx)} {num(ry_k)}A{num(rx)} {num(ry)} 0 0 0 {num(bx + rx)} {num(ry_k)}"
                    f"L{num(bx + rx)} {num(ry_k - band)}A{num(rx)} {num(ry)} 0 0 1 {num(bx - rx)} "
                    f"{num(ry_k - band)}Z",
                    ring_color or shades.top,
                )
            ellipse(node, tx, ty, rx, ry, shades.top)

        pts = [
            (cx + r * math.cos(a), cy + r * math.sin(a), zz)
            for a in [i * math.pi / 8 for i in range(16)]
            for zz in (z, z + h)
        ]
        solid = Solid((cx - r, cy - r, z), (cx + r, cy + r, z + h), draw, pts)
        self.solids.append(solid)
        return solid

    def sphere(self, cx: float, cy: float, z: float, r: float, shades: Shades) -> Solid:
        def draw(node: Node, P: Proj, scale: float) -> None:
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

        def draw(node: Node, P: Proj, scale: float) -> None:
            node.polygon([P(x + w, y, z), P(x + w, y + w, z), P(*apex)], shades.right)
            node.polygon([P(x, y + w, z), P(x + w, y + w, z), P(*apex)], shades.left)

        pts = [(x, y, z), (x + w, y, z), (x, y + w, z), (x + w, y + w, z), apex]
        solid = Solid((x, y, z), (x + w, y + w, z + h), draw, pts)
        self.solids.append(solid)
        return solid

    def sprite(self, cx: float, cy: float, z: float, size: float, draw: SpriteDraw, *, on_top: bool = False) -> Solid:
        """Flat art standing upright at (cx, cy) on height z, `size` world units tall, in depth order (or over
        everything, `on_top`, for things floating above the scene or standing at its front)."""
        r = size * 0.3

        def paint(node: Node, P: Proj, scale: float) -> None:
            bx, by = P(cx, cy, z)
            draw(node, bx, by + size * scale * 0.04, size * scale)

        pts = [(cx - r, cy - r, z), (cx + r, cy + r, z), (cx - r, cy - r, z + size), (cx + r, cy + r, z + size)]
        solid = Solid((cx - r, cy - r, z), (cx + r, cy + r, z + size), paint, pts, layer=2 if on_top else 1)
        self.solids.append(solid)
        return solid

    def decal(self, z: float, draw: Decor, lo: tuple[float, float], hi: tuple[float, float]) -> Solid:
        """Something flat on a horizontal plane (a shadow, a path), drawn before the solids standing on it."""
        solid = Solid((lo[0], lo[1], z), (hi[0], hi[1], z), draw, [(lo[0], lo[1], z), (hi[0], hi[1], z)], layer=0)
        self.solids.append(solid)
        return solid

    # rendering ----------------------------------------------------------------------------------------
    def order(self) -> list[Solid]:
        ground = [s for s in self.solids if s.layer == 0]
        top = [s for s in self.solids if s.layer == 2]
        rest = [s for s in self.solids if s.layer == 1]
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
                ready = sorted((i for i in range(n) if not placed[i]), key=lambda i: sum(rest[i].lo) + sum(rest[i].hi))[
                    :1
                ]
            i = min(ready, key=lambda k: (sum(rest[k].lo) + sum(rest[k].hi), k))
            placed[i] = True
            done.append(i)
        return ground + [rest[i] for i in done] + top

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


def _face_matrix(face: str, P: Proj, origin: P3, scale: float) -> tuple[float, float, float, float, float, float]:
    """Affine map from a face's local 2-D coordinates (u right, v down, in world units) to the canvas."""
    ox, oy = P(*origin)
    if face == "top":  # u along +x, v along +y
        return (C30 * scale, S30 * scale, -C30 * scale, S30 * scale, ox, oy)
    if face == "left":  # the y = const face: u along +x, v down
        return (C30 * scale, S30 * scale, 0.0, scale, ox, oy)
    # right: the x = const face, u along -y, v down
    return (C30 * scale, -S30 * scale, 0.0, scale, ox, oy)


def face_path(d: str, face: str, P: Proj, origin: P3, scale: float) -> str:
    return shapes.transform_d(d, _face_matrix(face, P, origin, scale))


def icon_on_face(icon: icons.Icon, face: str, P: Proj, origin: P3, size: float, scale: float) -> str:
    """An icon as filled outlines, `size` world units wide, starting at `origin` on a face."""
    d = icon_outline(icon, size / 2, size / 2, size)
    return face_path(d, face, P, origin, scale)
