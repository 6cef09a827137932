"""A neon sign: the symbol and the name bent in glass tubes — each a stroked outline with a soft glow beneath
and a pale core — on a dark wall, for logos that ask for "neon"."""

from __future__ import annotations

from artboard.colors import RGB, from_oklch, oklch
from artboard.composer import icons, shapes
from artboard.composer.canvas import Node
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.common import icon_outline
from artboard.composer.typeset import fit_text


def _glow(ctx: Ctx, strength: float) -> str:
    """A blur filter (defined once per strength) for the halo around a tube."""
    fid = ctx.canvas.new_id("glow")
    flt = ctx.canvas.definitions().add("filter", id=fid, x="-30%", y="-30%", width="160%", height="160%")
    flt.add("feGaussianBlur", stdDeviation=round(strength, 2))
    return f"url(#{fid})"


def _tube(ctx: Ctx, parent: Node, outline: str, width: float, color: RGB, glow: str) -> None:
    """Glass tube along the outline of a filled shape: halo, tube, then a pale core."""
    tube = shapes.stroke_outline(outline, width)
    lightness, chroma, hue = oklch(color)
    parent.path(tube, color, filter=glow, opacity="0.85")
    parent.path(tube, color)
    parent.path(shapes.stroke_outline(outline, width * 0.35), from_oklch(min(0.97, lightness + 0.2), chroma * 0.4, hue))


def neon_sign(ctx: Ctx, art: Node, name: str, icon: icons.Icon | None) -> str:
    s = ctx.scheme
    w, h, short = ctx.width, ctx.height, ctx.short
    hue = oklch(s.primary)[2]
    first = from_oklch(0.8, 0.19, hue)
    second = from_oklch(0.84, 0.17, (hue + 150) % 360)
    glow = _glow(ctx, short * 0.014)
    sign = art.group("neon")
    width = short * 0.009
    text_top = h / 2 - short * 0.05
    if icon is not None:
        size = short * 0.3
        _tube(ctx, sign, icon_outline(icon, w / 2, h / 2 - short * 0.2, size), width, second, glow)
        text_top = h / 2 + short * 0.02
    script = ctx.rng.random() < 0.5
    face = ctx.face("script" if script else "display", None if script else 700)
    box = (ctx.margin * 1.4, text_top, w - ctx.margin * 1.4, text_top + short * (0.22 if script else 0.18))
    block = fit_text(
        name,
        face,
        box,
        max_size=box[3] - box[1],
        min_size=short * 0.04,
        max_lines=2,
        uppercase=not script,
        tracking=0 if script else 60,
    )
    # One outline per letter shape: overlapping contours (joined script, tight pairs) would show as inner tubes.
    _tube(ctx, sign, shapes.union([block.d]), width * (0.8 if script else 1.0), first, glow)
    ctx.info.setdefault("fonts", []).append(f"{face.family} {face.weight}")
    return "neon-sign"
