"""The isometric kit: the shades a scene paints with, and the props several scenes share.

Props: soft floor shadows, standing screens with a wordless dashboard, tile grids on a top face, floating
cards with the subject's symbol.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from artboard.colors import RGB, contrast_ratio, oklch
from artboard.composer import shapes
from artboard.composer.canvas import Node, circle_d, num, polygon_d, rect_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.common import at_lightness, best_icon, ellipse, subject_queries, tone
from artboard.composer.recipes.graphics.iso_shapes import (
    C30,
    S30,
    Decor,
    Proj,
    Scene,
    Shades,
    face_path,
    icon_on_face,
)


@dataclass
class Kit:
    """The shades a scene paints with."""

    floor: Shades
    main: Shades
    alt: Shades
    accent: Shades
    pale: Shades
    shadow: RGB


def kit_for(ctx: Ctx) -> Kit:
    """Pale floor and props in the primary's hue, solids in the scheme's colours (the user's palette as given)."""
    s = ctx.scheme
    ground = s.ground
    if s.constrained:
        floor = Shades.of(ctx, s.surface)
        return Kit(
            floor=floor,
            main=Shades.of(ctx, s.primary),
            alt=Shades.of(ctx, s.secondary),
            accent=Shades.of(ctx, s.accent),
            pale=floor,
            shadow=floor.left,
        )
    dark_ground = oklch(ground)[0] < 0.5
    hue_color = s.primary
    if dark_ground:
        floor = Shades(
            at_lightness(ctx, hue_color, 0.36, 0.05),
            at_lightness(ctx, hue_color, 0.3, 0.05),
            at_lightness(ctx, hue_color, 0.25, 0.05),
        )
        pale = Shades(
            at_lightness(ctx, hue_color, 0.5, 0.06),
            at_lightness(ctx, hue_color, 0.43, 0.06),
            at_lightness(ctx, hue_color, 0.37, 0.06),
        )
        shadow = at_lightness(ctx, hue_color, 0.21, 0.04)
    else:
        floor = Shades(
            at_lightness(ctx, hue_color, 0.955, 0.018),
            at_lightness(ctx, hue_color, 0.88, 0.03),
            at_lightness(ctx, hue_color, 0.82, 0.035),
        )
        pale = Shades(
            at_lightness(ctx, hue_color, 0.99, 0.004),
            at_lightness(ctx, hue_color, 0.93, 0.02),
            at_lightness(ctx, hue_color, 0.87, 0.03),
        )
        shadow = at_lightness(ctx, hue_color, 0.9, 0.03)
    main = Shades.of(ctx, s.primary, 0.1)
    accent = Shades.of(ctx, s.accent, 0.09)
    alt_base = s.secondary if contrast_ratio(s.secondary, s.primary) > 1.25 else tone(ctx, s.primary, 0.22, 0.7)
    alt = Shades.of(ctx, alt_base, 0.09)
    return Kit(floor=floor, main=main, alt=alt, accent=accent, pale=pale, shadow=shadow)


def scene_queries(ctx: Ctx) -> list[str]:
    """The brief's subjects, less the words that describe the style of the scene itself."""
    return [q for q in subject_queries(ctx) if q not in ("abstract", "layered", "layers")]


def floor_shadow(scene: Scene, kit: Kit, cx: float, cy: float, r: float, z: float) -> None:
    """A soft round shadow of radius `r` on the plane z, under something floating above it."""

    def draw(node: Node, P: Proj, scale: float) -> None:
        px, py = P(cx, cy, z)
        ellipse(node, px, py, r * math.sqrt(2) * C30 * scale, r * math.sqrt(2) * S30 * scale, kit.shadow)

    scene.decal(z, draw, (cx - r, cy - r), (cx + r, cy + r))


def panel(
    scene: Scene,
    kit: Kit,
    x: float,
    y: float,
    w: float,
    h: float,
    values: list[float],
    style: str,
    thick: float = 0.35,
    face: str = "left",
) -> None:
    """A standing screen with an abstract dashboard (window bar, chart), no words.

    face "left": the screen runs along x and faces the y-max side; "right": it runs along y, facing x-max.
    """

    def decor(node: Node, P: Proj, scale: float) -> None:
        origin = (x, y + thick, h) if face == "left" else (x + thick, y + w, h)

        def put(d: str, color: RGB) -> None:
            node.path(face_path(d, face, P, origin, scale), color)

        bezel = w * 0.045
        put(rect_d(bezel, bezel, w - 2 * bezel, h - 2 * bezel, bezel * 0.6), kit.pale.top)
        pad = w * 0.09
        put(rect_d(pad, pad, w - 2 * pad, h * 0.09, h * 0.045), kit.pale.right)
        for k in range(3):
            put(
                circle_d(pad + h * 0.05 + k * h * 0.07, pad + h * 0.045, h * 0.02),
                [kit.accent.left, kit.main.top, kit.alt.left][k],
            )
        top = pad + h * 0.2
        bottom = h - pad
        n = len(values)
        if style == "bars":
            gap = (w - 2 * pad) / n
            hi = max(range(n), key=lambda i: values[i])
            for k, v in enumerate(values):
                bh = (bottom - top) * (0.25 + 0.75 * v)
                put(
                    rect_d(pad + k * gap + gap * 0.2, bottom - bh, gap * 0.6, bh, gap * 0.08),
                    kit.accent.left if k == hi else kit.main.top,
                )
        else:
            pts = [
                (pad + (w - 2 * pad) * k / (n - 1), bottom - (bottom - top) * (0.15 + 0.75 * v))
                for k, v in enumerate(values)
            ]
            put(polygon_d([(pts[0][0], bottom), *pts, (pts[-1][0], bottom)]), kit.pale.right)
            line = "M" + "L".join(f"{num(a)} {num(b)}" for a, b in pts)
            put(shapes.stroke_outline(line, h * 0.028), kit.main.left)
            for a, b_ in pts[1:-1]:
                put(circle_d(a, b_, h * 0.04), kit.accent.left)

    if face == "left":
        scene.box(x, y, 0, w, thick, h, kit.main, decor)
    else:
        scene.box(x, y, 0, thick, w, h, kit.main, decor)


def tile_grid(
    kit: Kit, n: int, size: float, accents: set[int], face_color: RGB, accent: RGB
) -> Callable[[float, float, float], Decor]:
    """An n×n grid of rounded tiles, `size` wide, for the top face at (x, y, z): call the result with those."""

    def make(x: float, y: float, z: float) -> Decor:
        def decor(node: Node, P: Proj, scale: float) -> None:
            cell = size / n
            gap = cell * 0.16
            for i in range(n):
                for j in range(n):
                    d = rect_d(i * cell + gap / 2, j * cell + gap / 2, cell - gap, cell - gap, cell * 0.12)
                    color = accent if (i * n + j) in accents else face_color
                    node.path(face_path(d, "top", P, (x, y, z), scale), color)

        return decor

    return make


def seeded_values(ctx: Ctx, n: int) -> list[float]:
    """n chart values in 0.2..1 for a screen's wordless chart."""
    return [ctx.rng.uniform(0.2, 1.0) for _ in range(n)]


def floating_card(ctx: Ctx, scene: Scene, kit: Kit, x: float, y: float, z: float, size: float) -> None:
    """A thin floating tile with a symbol (or a ring and two bars) on its top face."""
    icon = None
    queries = scene_queries(ctx)
    if queries:
        icon = best_icon(ctx, queries[0], solid=True, min_score=0.7)

    def decor(node: Node, P: Proj, scale: float) -> None:
        origin = (x, y, z + 0.22)
        if icon is not None:
            node.path(
                icon_on_face(icon, "top", P, (x + size * 0.2, y + size * 0.2, z + 0.22), size * 0.6, scale),
                kit.main.left,
            )
            return
        ring = shapes.difference(
            circle_d(size * 0.3, size * 0.3, size * 0.16), circle_d(size * 0.3, size * 0.3, size * 0.08)
        )
        node.path(face_path(ring, "top", P, origin, scale), kit.accent.left)
        for k, length in enumerate((0.5, 0.32)):
            d = rect_d(size * 0.18, size * (0.58 + k * 0.16), size * length, size * 0.08, size * 0.04)
            node.path(face_path(d, "top", P, origin, scale), kit.main.top)

    scene.box(x, y, z, size, size, 0.22, kit.pale, decor)
