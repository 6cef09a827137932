"""Figures in a scene, drawn whole: a colour picture placed by its painted extent (feet on the ground), or a
body built from parts under a picture that shows only a head or a bust — standing, sitting on the ground,
riding (hips on the seat, a foot on the pedal, hands on the bars) or sitting in a boat.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from artboard.colors import RGB, from_oklch, oklch
from artboard.composer import colour_words, icons, shapes
from artboard.composer.canvas import Node, rect_d
from artboard.composer.context import Ctx
from artboard.composer.harmony import hex_rgb
from artboard.composer.recipes.graphics.cast import Figure
from artboard.composer.recipes.graphics.cast_words import drawn_bounds
from artboard.composer.recipes.graphics.common import ellipse, tone

Box = tuple[float, float, float, float]
Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Posed:
    """Where a drawn figure ended up: its box, and the points props attach to."""

    box: Box
    hand: Point
    head_top: float


def place_icon(
    ctx: Ctx,
    node: Node,
    icon: icons.Icon,
    x: float,
    base: float,
    height: float,
    *,
    flip: bool = False,
    name: str = "figure",
    colour: RGB | None = None,
) -> Box:
    """Draw `icon` so its painted extent is `height` tall, centred on x, its lowest paint on `base`."""
    bx0, by0, bx1, by1 = drawn_bounds(icon)
    vx, vy, vw, vh = icon.viewbox
    k = height / max(1e-6, by1 - by0)
    size = k * max(vw, vh)
    cx = x - ((bx0 + bx1) / 2 - (vx + vw / 2)) * k
    cy = base - (by1 - (vy + vh / 2)) * k
    holder = node
    if flip:
        holder = node.group(f"{name}-flip", transform=f"translate({2 * x:.2f} 0) scale(-1 1)")
    if colour is None and icon.mode != "color":
        # A glyph among colour pictures takes its thing's colour (a campfire orange), else the scheme's.
        words = [*reversed(icon.name.split("-")), *icon.tags]
        colour = next((c for c in map(colour_words.natural_colour, words) if c is not None), ctx.scheme.primary)
    ctx.draw_icon(holder, icon, cx, cy, size, colour or ctx.scheme.primary, name=name)
    w = (bx1 - bx0) * k
    return (x - w / 2, base - height, x + w / 2, base)


def icon_width(icon: icons.Icon, height: float) -> float:
    bx0, by0, bx1, by1 = drawn_bounds(icon)
    return (bx1 - bx0) * height / max(1e-6, by1 - by0)


@functools.lru_cache(maxsize=512)
def main_fill(icon: icons.Icon) -> RGB | None:
    """The colour most of a colour picture is painted in, leaving out its darkest paint (outlines, eyes): a fox's
    orange, a robot's grey."""
    areas: dict[str, float] = {}
    for d, fill in zip(icon.paths, icon.fills, strict=False):
        rgb = hex_rgb(fill)
        if oklch(rgb)[0] < 0.42:
            continue
        try:
            area = abs(shapes.to_path(d).area)
        except Exception:  # a path the geometry library cannot read
            continue
        areas[fill] = areas.get(fill, 0.0) + area
    if not areas:
        return None
    return hex_rgb(max(areas, key=lambda f: areas[f]))


@functools.lru_cache(maxsize=512)
def lowest_fill(icon: icons.Icon) -> RGB | None:
    """The colour of the widest paint at a bust's cut edge: what its wearer wears below."""
    _x0, _y0, _x1, y1 = drawn_bounds(icon)
    best: tuple[float, str] | None = None
    for d, fill in zip(icon.paths, icon.fills, strict=False):
        b = shapes.bounds(d)
        if b and b[3] >= y1 - (y1 - _y0) * 0.03 and (best is None or b[2] - b[0] > best[0]):
            best = (b[2] - b[0], fill)
    return hex_rgb(best[1]) if best else None


def _limb(a: Point, b: Point, c: Point | None, width: float) -> str:
    d = f"M{a[0]:.1f} {a[1]:.1f}L{b[0]:.1f} {b[1]:.1f}" + (f"L{c[0]:.1f} {c[1]:.1f}" if c else "")
    return shapes.stroke_outline(d, width)


def clothes(ctx: Ctx, index: int) -> tuple[RGB, RGB]:
    """A shirt and trousers: the scheme's colours first, so named colours are worn."""
    s = ctx.scheme
    shirts = [s.primary, s.accent, s.secondary]
    shirt = shirts[index % len(shirts)]
    if s.constrained:
        return shirt, s.ink
    trousers = from_oklch(0.36, 0.04, oklch(s.primary)[2] + 20)
    return shirt, trousers


def draw_figure(
    ctx: Ctx,
    node: Node,
    fig: Figure,
    x: float,
    base: float,
    unit: float,
    *,
    index: int = 0,
    facing: int = 1,
    seat: Point | None = None,
    pedal: Point | None = None,
    bars: Point | None = None,
) -> Posed:
    """Draw one figure standing at (x, base), `unit` the height of a standing grown-up."""
    h = unit * fig.height
    g = node.group(f"figure-{fig.concept.replace(' ', '-')}")
    if fig.animal and fig.icon.key == "fef:fox" and fig.pose not in ("ride", "fly", "boat", "perch"):
        # The emoji's fox is a face: in a scene the fox sits whole, drawn as the landscapes draw it.
        from artboard.composer.recipes.graphics.creature import _draw_fox

        size = h * 1.5
        _draw_fox(ctx, g, x, base, size)
        box = (x - size * 0.4, base - size * 0.95, x + size * 0.4, base)
        return Posed(box, (x + facing * size * 0.3, base - size * 0.45), box[1])
    if fig.body == "whole" and fig.pose != "ride":
        shadow = tone(ctx, ctx.scheme.ink, 0.0, fallback=ctx.scheme.ink)
        w = icon_width(fig.icon, h)
        if fig.pose not in ("boat", "fly"):  # no shadow under a creature in the air
            ellipse(g, x, base, w * 0.42, h * 0.035, shadow).attrs["fill-opacity"] = 0.16
        flip = facing < 0 and not fig.animal
        box = place_icon(ctx, g, fig.icon, x, base, h, flip=flip)
        return Posed(box, (x + facing * w * 0.42, base - h * 0.5), box[1])
    skin = main_fill(fig.icon) if fig.painted else None
    shirt, trousers = clothes(ctx, index)
    if fig.animal and fig.pose == "fly":
        box = place_icon(ctx, g, fig.icon, x, base, h * 0.8, flip=facing < 0)  # a face or bust picture, aloft
        return Posed(box, (x, base - h * 0.4), box[1])
    if fig.animal and fig.pose == "stand":
        return _quadruped(ctx, g, fig, x, base, h, facing)
    if fig.animal and fig.pose in ("sit", "work"):
        # "a fox sleeping curled up", "a cat sitting": an animal's face picture rests on the ground as it is;
        # a person's body built under it reads as a costume.
        size = h * 0.9
        shadow = tone(ctx, ctx.scheme.ink, 0.0, fallback=ctx.scheme.ink)
        ellipse(g, x, base, size * 0.42, size * 0.05, shadow).attrs["fill-opacity"] = 0.16
        box = place_icon(ctx, g, fig.icon, x, base, size)
        return Posed(box, (x + facing * size * 0.4, base - size * 0.4), box[1])
    if skin is not None:
        shirt = skin
        trousers = tone(ctx, skin, -0.08, fallback=ctx.scheme.ink)
    elif fig.body == "bust" and not ctx.scheme.constrained:
        worn = lowest_fill(fig.icon)  # the astronaut's suit, the cook's whites go on down the legs
        if worn is not None:
            trousers = tone(ctx, worn, -0.06, fallback=trousers)
    shoe = from_oklch(0.25, 0.02, 40) if not ctx.scheme.constrained else ctx.scheme.ink
    if fig.body == "whole":  # a whole figure that rides: sat on the seat, drawn smaller
        sx, sy = seat if seat is not None else (x, base - h * 0.5)
        box = place_icon(ctx, g, fig.icon, sx, sy + h * 0.12, h * 0.8, flip=facing < 0 and not fig.animal)
        return Posed(box, (sx + facing * h * 0.3, sy - h * 0.3), box[1])
    bust = fig.body == "bust"
    upper_h = h * (0.5 if bust else 0.3)  # the picture's height: a bust to the waist, a head to the chin
    leg_w, arm_w = h * 0.12, h * 0.075
    if fig.pose == "ride" and seat is not None:
        sx, sy = seat
        shoulder = (sx + facing * h * 0.12, sy - h * (0.3 if not bust else 0.22))
        px, py = pedal if pedal is not None else (sx + facing * h * 0.1, sy + h * 0.35)
        knee = (sx + facing * h * 0.28, (sy + py) / 2 - h * 0.06)
        g.path(_limb((sx, sy), knee, (px, py), leg_w), trousers)
        g.circle(px + facing * leg_w * 0.4, py, leg_w * 0.55, shoe)
        if not bust:
            g.path(_limb((sx, sy - leg_w * 0.3), shoulder, None, h * 0.17), shirt)
        hand = bars if bars is not None else (shoulder[0] + facing * h * 0.25, shoulder[1] + h * 0.1)
        top = _upper(ctx, g, fig, shoulder, upper_h, bust, facing)
        g.path(_limb(shoulder, hand, None, arm_w), shirt)
        return Posed((min(sx, px) - h * 0.2, top, max(sx, px, hand[0]) + h * 0.2, max(py, sy)), hand, top)
    if fig.pose in ("sit", "boat"):
        hip = (x, base - h * 0.06)
        shoulder = (x, hip[1] - h * (0.3 if not bust else 0.2))
        if fig.pose == "sit":
            # On a seat: thighs along it, shins down to the ground; on the ground: knees up. Both legs, the far
            # one a shade darker and a little behind, each foot in a shoe pointing the way the figure faces.
            if seat is not None:
                foot, knee = (x + facing * h * 0.26, seat[1] - leg_w * 0.5), (x + facing * h * 0.24, hip[1])
            else:
                foot, knee = (x + facing * h * 0.42, base - leg_w * 0.5), (x + facing * h * 0.24, base - h * 0.16)
            far = tone(ctx, trousers, -0.06, fallback=trousers)
            step = -facing * h * 0.05
            for shift, colour in ((step, far), (0.0, trousers)):
                fx, fy = foot[0] + shift, foot[1]
                g.path(_limb((hip[0] + shift, hip[1]), (knee[0] + shift, knee[1]), (fx, fy), leg_w), colour)
                toe = fx + facing * leg_w * 0.9
                g.path(rect_d(min(fx, toe) - leg_w * 0.35, fy - leg_w * 0.1, abs(toe - fx) + leg_w * 0.7,
                              leg_w * 0.6, leg_w * 0.28), shoe)  # fmt: skip
        if not bust:
            g.path(_limb(hip, shoulder, None, h * 0.2), shirt)
        hand = (x + facing * h * 0.26, hip[1] - h * 0.14)
        # The arm goes under the head picture, from below the chin: drawn over it, it reads as a hand over the mouth.
        arm_from = (shoulder[0], shoulder[1] + h * 0.05)
        g.path(_limb(arm_from, (x + facing * h * 0.12, hand[1] + h * 0.02), hand, arm_w), shirt)
        top = _upper(ctx, g, fig, shoulder, upper_h, bust, facing)
        return Posed((x - h * 0.2, top, x + facing * h * 0.5, base), hand, top)
    # Standing: legs under a bust (the cook, the astronaut), or a torso and legs under a head.
    hip_y = base - h * 0.46
    for dx in (-1, 1):
        g.path(_limb((x + dx * h * 0.07, hip_y), (x + dx * h * 0.08, base - leg_w * 0.4), None, leg_w), trousers)
        g.path(
            rect_d(x + dx * h * 0.08 - leg_w * 0.6, base - leg_w * 0.55, leg_w * 1.2, leg_w * 0.55, leg_w * 0.25), shoe
        )
    shoulder = (x, hip_y - (h * 0.24 if not bust else h * 0.1))
    if not bust:
        g.path(rect_d(x - h * 0.13, shoulder[1] - h * 0.02, h * 0.26, hip_y - shoulder[1] + h * 0.06, h * 0.06), shirt)
        for dx in (-1, 1):
            g.path(_limb((x + dx * h * 0.13, shoulder[1] + h * 0.03), (x + dx * h * 0.17, hip_y), None, arm_w), shirt)
    top = _upper(ctx, g, fig, shoulder, upper_h, bust, facing)
    return Posed((x - h * 0.22, top, x + h * 0.22, base), (x + facing * h * 0.2, hip_y - h * 0.05), top)


def _upper(ctx: Ctx, g: Node, fig: Figure, shoulder: Point, upper_h: float, bust: bool, facing: int) -> float:
    """The picture on top of a built body: a bust from the waist up, or a head on the shoulders."""
    sx, sy = shoulder
    if bust:
        base = sy + upper_h * 0.62
        place_icon(ctx, g, fig.icon, sx, base, upper_h, flip=facing < 0 and not fig.animal, name="upper")
        return base - upper_h
    base = sy + upper_h * 0.12
    place_icon(ctx, g, fig.icon, sx, base, upper_h, name="head")
    return base - upper_h


def _quadruped(ctx: Ctx, g: Node, fig: Figure, x: float, base: float, h: float, facing: int) -> Posed:
    """An animal whose picture is its head, on four legs: a body, legs, a tail, the head at the front."""
    fur = main_fill(fig.icon) or from_oklch(0.6, 0.1, 50)
    dark = tone(ctx, fur, -0.12, fallback=ctx.scheme.ink)
    body_w, body_h = h * 0.9, h * 0.38
    by = base - h * 0.55
    parts = [rect_d(x - body_w / 2, by - body_h / 2, body_w, body_h, body_h / 2)]
    for k, lx in enumerate((-0.32, -0.16, 0.18, 0.34)):
        px = x + lx * body_w
        parts.append(rect_d(px - h * 0.05, by, h * 0.1, base - by, h * 0.04))
        if k in (1, 2):
            continue
    g.path(shapes.union(parts), fur)
    tail = _limb(
        (x - facing * body_w * 0.45, by - body_h * 0.2), (x - facing * body_w * 0.7, by - body_h * 0.9), None, h * 0.12
    )
    g.path(tail, dark)
    head_h = h * 0.55
    hx = x + facing * body_w * 0.45
    place_icon(ctx, g, fig.icon, hx, by + head_h * 0.15, head_h, name="head")
    return Posed((x - body_w * 0.75, by - head_h * 0.85, hx + head_h * 0.5, base), (hx, by), by - head_h * 0.85)
