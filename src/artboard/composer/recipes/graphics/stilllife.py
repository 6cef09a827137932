"""Product still lifes: a bottle, jar, tube, perfume, candle or can on a plinth before an arch, with sprigs of
leaves and pebbles; the label carries the brief's name (or a plain rule, never invented words).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from artboard.colors import RGB, from_oklch, oklch
from artboard.composer import shapes
from artboard.composer.canvas import Node, circle_d, num, rect_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.common import (
    Box,
    best_icon,
    ellipse,
    has_word,
    note_drawn,
    readable,
    subject_queries,
    tone,
)
from artboard.composer.recipes.graphics.scenery import arch_d, leaf_d
from artboard.composer.recipes.graphics.wrapper import wrapper_scene


def _product_kind(ctx: Ctx) -> str:
    """The product the prompt names (dropper, pump, jar, tube, perfume, candle, can, wrapper), else an icon."""
    if has_word(ctx, "wrapper", "candy", "chocolate", "snack", "bar") and ctx.brief.texts:
        return "wrapper"
    if has_word(ctx, "dropper", "serum", "essence", "oil", "tincture"):
        return "dropper"
    if has_word(ctx, "perfume", "fragrance", "cologne", "eau", "parfum"):
        return "perfume"
    if has_word(ctx, "jar", "cream", "moisturizer", "moisturiser", "balm", "butter"):
        return "jar"
    if has_word(ctx, "tube", "sunscreen", "toothpaste", "lipstick"):
        return "tube"
    if has_word(ctx, "lotion", "pump", "cleanser", "shampoo", "soap", "wash", "conditioner"):
        return "pump"
    if has_word(ctx, "candle"):
        return "candle"
    if has_word(ctx, "can", "soda", "beer", "drink"):
        return "can"
    if has_word(ctx, "wrapper", "candy", "chocolate", "snack"):
        return "wrapper"
    if has_word(ctx, "bottle", "skincare", "cosmetic", "cosmetics", "toner", "beauty"):
        return ctx.rng.choice(["dropper", "pump", "dropper"])
    return "icon"


# What each drawn product is, for the manifest.
_KIND_NAMES = {
    "dropper": ("dropper bottle", "bottle"),
    "perfume": ("perfume bottle", "bottle"),
    "jar": ("jar",),
    "tube": ("tube",),
    "pump": ("pump bottle", "bottle"),
    "candle": ("candle",),
    "can": ("can",),
}


@dataclass
class Studio:
    """The colours of one still life: backdrop and arch, plinth faces, the product's body, cap and label."""

    backdrop: RGB
    arch: RGB
    plinth: RGB
    plinth_side: RGB
    plinth_shade: RGB
    body: RGB
    body_shade: RGB
    body_light: RGB
    cap: RGB
    cap_shade: RGB
    label: RGB
    label_ink: RGB
    leaf: RGB
    shadow: RGB


def _studio(ctx: Ctx) -> Studio:
    s, b = ctx.scheme, ctx.brief
    if s.constrained:
        light = sorted(s.colors(), key=lambda c: -oklch(c)[0])
        return Studio(
            backdrop=s.ground,
            arch=s.surface,
            plinth=light[min(1, len(light) - 1)],
            plinth_side=s.secondary,
            plinth_shade=s.secondary,
            body=s.primary,
            body_shade=s.primary,
            body_light=s.surface,
            cap=s.accent,
            cap_shade=s.accent,
            label=s.surface,
            label_ink=readable(s.surface, s.colors()),
            leaf=s.secondary,
            shadow=s.secondary,
        )
    named = b.color_names
    gold = any(n in ("gold", "golden", "brass", "bronze", "amber") for n in named) or b.has("elegant")
    warm_hue = 75.0
    _prim_l, prim_c, prim_h = oklch(s.primary)
    stone = any(n in ("stone", "cream", "beige", "sand", "ivory", "marble") for n in named) or b.has("elegant")
    backdrop = s.ground
    bl = oklch(backdrop)[0]
    dark = bl < 0.5
    if stone:
        plinth = from_oklch(0.9, 0.02, 80)
        arch = from_oklch(0.86 if not dark else 0.3, 0.03, 70)
    else:
        plinth = from_oklch(0.9 if not dark else 0.4, 0.03, prim_h)
        arch = from_oklch(0.88 if not dark else 0.28, 0.04, prim_h)
    if not dark and abs(oklch(arch)[0] - bl) < 0.04:
        arch = tone(ctx, arch, -0.05)
    body_hue = prim_h
    body_c = min(0.09, prim_c) if b.has("elegant") else min(0.14, prim_c)
    frosted = has_word(ctx, "frosted", "glass", "clear", "transparent")
    body = from_oklch(0.84 if frosted else 0.62, body_c * (0.5 if frosted else 1), body_hue)
    cap = from_oklch(0.76, 0.11, warm_hue) if gold else from_oklch(0.3, 0.03, prim_h)
    return Studio(
        backdrop=backdrop,
        arch=arch,
        plinth=plinth,
        plinth_side=tone(ctx, plinth, -0.06),
        plinth_shade=tone(ctx, plinth, -0.12),
        body=body,
        body_shade=tone(ctx, body, -0.08, 1.1),
        body_light=tone(ctx, body, 0.08, 0.6),
        cap=cap,
        cap_shade=tone(ctx, cap, -0.12),
        label=from_oklch(0.97, 0.01, 80) if frosted else tone(ctx, body, 0.25, 0.4),
        label_ink=from_oklch(0.3, 0.03, prim_h),
        leaf=from_oklch(0.55 if not dark else 0.6, 0.07, 150),
        shadow=tone(ctx, plinth, -0.2, 0.8),
    )


def _branch(ctx: Ctx, x: float, y: float, length: float, angle: float, leaves: int) -> str:
    """A stem with paired leaves (eucalyptus / olive sprig)."""
    a = math.radians(angle)
    ux, uy = math.cos(a), math.sin(a)
    stem = shapes.stroke_outline(
        f"M{num(x)} {num(y)}L{num(x + ux * length)} {num(y + uy * length)}", max(1.5, length * 0.012)
    )
    parts = [stem]
    for k in range(leaves):
        t = 0.22 + 0.75 * k / max(1, leaves - 1)
        bx, by = x + ux * length * t, y + uy * length * t
        size = length * (0.3 - 0.12 * t)
        side = 1 if k % 2 == 0 else -1
        parts.append(leaf_d(bx, by, size, angle + side * 48, 0.32))
    parts.append(leaf_d(x + ux * length, y + uy * length, length * 0.2, angle, 0.3))
    return shapes.union(parts)


def _ball(node: Node, x: float, base: float, r: float, fill: RGB, shade: RGB) -> None:
    """A ball (or pebble) resting on y = base, its lower right in shade."""
    node.circle(x, base - r, r, fill)
    node.path(shapes.difference(circle_d(x, base - r, r), circle_d(x - r * 0.3, base - r * 1.25, r)), shade)


def _plinth(node: Node, st: Studio, cx: float, top: float, w: float, h: float) -> None:
    """A cylinder seen slightly from above: body, shaded side, lit top ellipse."""
    ry = w * 0.09
    body = (
        f"M{num(cx - w / 2)} {num(top)}V{num(top + h)}A{num(w / 2)} {num(ry)} 0 0 0 {num(cx + w / 2)} "
        f"{num(top + h)}V{num(top)}Z"
    )
    node.path(body, st.plinth_side)
    shade = (
        f"M{num(cx + w * 0.18)} {num(top + ry * 0.97)}V{num(top + h + ry * 0.97)}A{num(w / 2)} {num(ry)} 0 0 0 "
        f"{num(cx + w / 2)} {num(top + h)}V{num(top)}Z"
    )
    node.path(shade, st.plinth_shade)
    ellipse(node, cx, top, w / 2, ry, st.plinth)


def _product(ctx: Ctx, node: Node, st: Studio, kind: str, cx: float, base: float, h: float) -> Box:
    """Draw the product standing on y = base, `h` tall; returns its label box (for text)."""
    if kind == "dropper":
        bw = h * 0.46
        body_h = h * 0.6
        by = base - body_h
        node.path(rect_d(cx - bw / 2, by, bw, body_h, bw * 0.16), st.body)
        node.path(rect_d(cx + bw * 0.12, by, bw * 0.38, body_h, bw * 0.16), st.body_shade)
        node.path(rect_d(cx - bw * 0.36, by + body_h * 0.08, bw * 0.08, body_h * 0.8, bw * 0.04), st.body_light)
        nw = bw * 0.42
        node.path(rect_d(cx - nw / 2, by - h * 0.05, nw, h * 0.06), st.body_shade)
        cw = bw * 0.56
        ch = h * 0.13
        cy = by - h * 0.05 - ch
        node.path(rect_d(cx - cw / 2, cy, cw, ch, cw * 0.08), st.cap)
        node.path(rect_d(cx + cw * 0.14, cy, cw * 0.36, ch, cw * 0.08), st.cap_shade)
        for k in range(1, 4):
            node.rect(cx - cw / 2, cy + ch * k / 4, cw, max(1.0, ch * 0.04), st.cap_shade)
        bulb_w = cw * 0.72
        bulb_h = h * 0.2
        top = cy - bulb_h
        node.path(
            f"M{num(cx - bulb_w / 2)} {num(cy)}V{num(top + bulb_w / 2)}"
            f"A{num(bulb_w / 2)} {num(bulb_w / 2)} 0 0 1 "
            f"{num(cx + bulb_w / 2)} {num(top + bulb_w / 2)}V{num(cy)}Z",
            st.cap if ctx.rng.random() < 0.3 else st.label_ink,
        )
        return (cx - bw * 0.38, by + body_h * 0.3, cx + bw * 0.38, by + body_h * 0.72)
    if kind == "pump":
        bw = h * 0.44
        body_h = h * 0.68
        by = base - body_h
        node.path(rect_d(cx - bw / 2, by, bw, body_h, bw * 0.22), st.body)
        node.path(rect_d(cx + bw * 0.1, by, bw * 0.4, body_h, bw * 0.22), st.body_shade)
        node.path(rect_d(cx - bw * 0.34, by + body_h * 0.1, bw * 0.07, body_h * 0.75, bw * 0.035), st.body_light)
        collar = h * 0.07
        node.path(rect_d(cx - bw * 0.26, by - collar, bw * 0.52, collar + 1, bw * 0.05), st.cap)
        stem_h = h * 0.12
        node.rect(cx - bw * 0.07, by - collar - stem_h, bw * 0.14, stem_h, st.cap_shade)
        head_y = by - collar - stem_h - h * 0.06
        node.path(rect_d(cx - bw * 0.22, head_y, bw * 0.44, h * 0.065, h * 0.02), st.cap)
        node.path(rect_d(cx + bw * 0.1, head_y + h * 0.012, bw * 0.42, h * 0.035, h * 0.015), st.cap)
        return (cx - bw * 0.36, by + body_h * 0.3, cx + bw * 0.36, by + body_h * 0.7)
    if kind == "jar":
        bw = h * 0.95
        body_h = h * 0.5
        by = base - body_h
        node.path(rect_d(cx - bw / 2, by, bw, body_h, bw * 0.08), st.body)
        node.path(rect_d(cx + bw * 0.14, by, bw * 0.36, body_h, bw * 0.08), st.body_shade)
        lid_h = h * 0.2
        node.path(rect_d(cx - bw * 0.52, by - lid_h, bw * 1.04, lid_h + 2, bw * 0.05), st.cap)
        node.path(rect_d(cx + bw * 0.16, by - lid_h, bw * 0.36, lid_h + 2, bw * 0.05), st.cap_shade)
        return (cx - bw * 0.38, by + body_h * 0.22, cx + bw * 0.38, by + body_h * 0.78)
    if kind == "tube":
        bw = h * 0.4
        tube = (
            f"M{num(cx - bw * 0.3)} {num(base - h * 0.1)}L{num(cx - bw / 2)} {num(base - h * 0.95)}"
            f"H{num(cx + bw / 2)}L{num(cx + bw * 0.3)} {num(base - h * 0.1)}Z"
        )
        node.path(tube, st.body)
        node.path(rect_d(cx - bw * 0.5, base - h * 0.98, bw, h * 0.05, h * 0.01), st.body_shade)
        node.path(rect_d(cx - bw * 0.3, base - h * 0.1, bw * 0.6, h * 0.1, h * 0.015), st.cap)
        return (cx - bw * 0.36, base - h * 0.75, cx + bw * 0.36, base - h * 0.4)
    if kind == "perfume":
        bw = h * 0.62
        body_h = h * 0.62
        by = base - body_h
        node.path(rect_d(cx - bw / 2, by, bw, body_h, bw * 0.12), st.body)
        node.path(rect_d(cx - bw * 0.38, by + body_h * 0.12, bw * 0.76, body_h * 0.76, bw * 0.08), st.body_light)
        node.rect(cx - bw * 0.12, by - h * 0.06, bw * 0.24, h * 0.07, st.cap_shade)
        cap_w = bw * 0.48
        node.path(rect_d(cx - cap_w / 2, by - h * 0.32, cap_w, h * 0.27, cap_w * 0.1), st.cap)
        node.path(rect_d(cx + cap_w * 0.15, by - h * 0.32, cap_w * 0.35, h * 0.27, cap_w * 0.1), st.cap_shade)
        return (cx - bw * 0.3, by + body_h * 0.32, cx + bw * 0.3, by + body_h * 0.68)
    if kind == "candle":
        bw = h * 0.8
        body_h = h * 0.7
        by = base - body_h
        node.path(rect_d(cx - bw / 2, by, bw, body_h, bw * 0.06), st.body)
        node.path(rect_d(cx + bw * 0.15, by, bw * 0.35, body_h, bw * 0.06), st.body_shade)
        node.rect(cx - h * 0.01, by - h * 0.1, h * 0.02, h * 0.1, st.label_ink)
        node.path(leaf_d(cx, by - h * 0.08, h * 0.22, -90, 0.3), st.cap)
        return (cx - bw * 0.35, by + body_h * 0.3, cx + bw * 0.35, by + body_h * 0.7)
    if kind == "can":
        bw = h * 0.52
        node.path(rect_d(cx - bw / 2, base - h, bw, h, bw * 0.12), st.body)
        node.path(rect_d(cx + bw * 0.12, base - h, bw * 0.38, h, bw * 0.12), st.body_shade)
        node.rect(cx - bw / 2, base - h * 0.93, bw, h * 0.02, st.body_light)
        node.rect(cx - bw / 2, base - h * 0.09, bw, h * 0.02, st.body_light)
        return (cx - bw * 0.4, base - h * 0.72, cx + bw * 0.4, base - h * 0.3)
    # A subject icon as a sculpture.
    icon = best_icon(ctx, (subject_queries(ctx) or ["gift"])[0], solid=True, min_score=0.5)
    if icon is not None:
        ctx.draw_icon(node, icon, cx, base - h * 0.5, h, st.body, name="product")
    return (cx - h * 0.3, base - h * 0.6, cx + h * 0.3, base - h * 0.4)


def still_life(ctx: Ctx, art: Node) -> str:
    rng = ctx.rng
    w, h = float(ctx.width), float(ctx.height)
    st = _studio(ctx)
    kind = _product_kind(ctx)
    if kind == "wrapper":
        return wrapper_scene(ctx, art)
    if kind in _KIND_NAMES:
        note_drawn(ctx, *_KIND_NAMES[kind])
    m = ctx.margin
    floor = h * rng.uniform(0.8, 0.84) if h >= w else h * 0.84
    cx = w / 2 + (w * rng.uniform(-0.06, 0.06) if w > h * 1.2 else 0)
    # Backdrop arch (or disc), floor line.
    arch_w = min(w * 0.62, h * 0.56) if w >= h * 0.8 else w * 0.74
    arch_top = max(m * 0.6, h * 0.1)
    if rng.random() < 0.6:
        art.path(arch_d(cx, arch_w, arch_top, floor), st.arch)
        backdrop = "arch"
    else:
        art.circle(cx, floor - arch_w * 0.62, arch_w * 0.55, st.arch)
        backdrop = "disc"
    if ctx.scheme.background is not None:
        art.rect(0, floor, w, h - floor, tone(ctx, st.backdrop, -0.04, fallback=st.arch))
    # Leaves behind the plinth.
    plinth_w = min(w, h) * rng.uniform(0.36, 0.44)
    plinth_h = min(w, h) * rng.uniform(0.16, 0.22)
    plinth_top = floor - plinth_h
    if rng.random() < 0.8:
        sprigs = []
        side = rng.choice([-1, 1])
        sprigs.append(
            _branch(
                ctx,
                cx + side * plinth_w * 0.35,
                plinth_top + plinth_h * 0.2,
                min(w, h) * 0.42,
                -90 + side * rng.uniform(18, 32),
                7,
            )
        )
        if rng.random() < 0.6:
            sprigs.append(
                _branch(
                    ctx,
                    cx - side * plinth_w * 0.3,
                    plinth_top + plinth_h * 0.3,
                    min(w, h) * 0.3,
                    -90 - side * rng.uniform(25, 40),
                    5,
                )
            )
        art.path(shapes.union(sprigs), st.leaf)
    # Floor shadow, plinth (sometimes a low second step), product, its shadow on the plinth.
    ellipse(art, cx + plinth_w * 0.08, floor + plinth_w * 0.06, plinth_w * 0.62, plinth_w * 0.08, st.shadow)
    if rng.random() < 0.4:
        _plinth(art, st, cx, floor - plinth_h * 0.32, plinth_w * 1.35, plinth_h * 0.32)
        plinth_top -= plinth_h * 0.32 - 1
        _plinth(art, st, cx, plinth_top, plinth_w, plinth_h * 0.68 + 1)
    else:
        _plinth(art, st, cx, plinth_top, plinth_w, plinth_h)
    prod_h = min(h * 0.56, (plinth_top - arch_top) * 0.92, w * 0.7)
    ellipse(art, cx + prod_h * 0.05, plinth_top, prod_h * 0.3, plinth_w * 0.035, st.plinth_side)
    label = _product(ctx, art, st, kind, cx, plinth_top + plinth_w * 0.02, prod_h)
    _label(ctx, art, st, label, kind)
    # Wide frames: a second, lower stage to one side with a sphere (or a smaller product) on it.
    if w > h * 1.3:
        side = rng.choice([-1, 1])
        sw = plinth_w * 0.8
        sh = plinth_h * 0.55
        sx = cx + side * (plinth_w * 0.5 + sw * 0.75)
        ellipse(art, sx + sw * 0.06, floor + sw * 0.05, sw * 0.6, sw * 0.07, st.shadow)
        art.path(rect_d(sx - sw / 2, floor - sh, sw, sh), st.plinth_side)
        art.path(rect_d(sx + sw * 0.12, floor - sh, sw * 0.38, sh), st.plinth_shade)
        art.path(rect_d(sx - sw / 2, floor - sh - sw * 0.06, sw, sw * 0.06), st.plinth)
        top = floor - sh - sw * 0.06
        if kind in ("dropper", "pump", "tube", "perfume") and rng.random() < 0.5:
            _product(ctx, art, st, "jar", sx, top, prod_h * 0.42)
        else:
            _ball(art, sx, top, sw * 0.26, st.body, st.body_shade)
        art.path(_branch(ctx, cx - side * plinth_w * 0.9, floor, min(w, h) * 0.36, -90 - side * 12, 6), st.leaf)
    # A pebble or sphere beside the plinth.
    elif rng.random() < 0.7:
        r = plinth_w * rng.uniform(0.1, 0.14)
        px = cx + rng.choice([-1, 1]) * (plinth_w * 0.5 + r * 1.6)
        _ball(art, px, floor, r, st.plinth, st.plinth_side)
    return f"still-life-{kind}-{backdrop}"


def _label(ctx: Ctx, node: Node, st: Studio, box: Box, kind: str) -> None:
    """The product label: the brief's name if it has one, else a plain band with a rule (no invented words)."""
    x0, y0, x1, y1 = box
    if kind == "icon":
        return
    name = ctx.brief.headline
    node.path(rect_d(x0, y0, x1 - x0, y1 - y0, (x1 - x0) * 0.04), st.label)
    if name:
        ctx.text(
            node,
            name,
            (x0 + (x1 - x0) * 0.1, y0 + (y1 - y0) * 0.15, x1 - (x1 - x0) * 0.1, y1 - (y1 - y0) * 0.15),
            st.label_ink,
            max_lines=2,
            name="label-text",
        )
    else:
        my = (y0 + y1) / 2
        node.rect(
            x0 + (x1 - x0) * 0.3,
            my - max(1.0, (y1 - y0) * 0.03),
            (x1 - x0) * 0.4,
            max(2.0, (y1 - y0) * 0.06),
            st.label_ink,
        )
        node.circle((x0 + x1) / 2, y0 + (y1 - y0) * 0.28, (y1 - y0) * 0.07, st.cap)
