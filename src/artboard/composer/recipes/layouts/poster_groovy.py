"""The groovy 70s poster ("retro 70s concert poster with groovy stripes in orange, brown and mustard"): thick
parallel bands in the era's warm colours — the named ones first — sweeping across a cream ground as one wave or
rising as a rainbow of arches, the headline in a fat rounded face with an offset shadow in one of the band colours,
the subject small where the bands leave room, the details under it."""

from __future__ import annotations

import math

from artboard.colors import RGB, contrast_ratio, oklch
from artboard.composer.canvas import Node, polygon_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.layouts.common import set_details, use_family
from artboard.composer.recipes.layouts.copy_text import Copy, subject_icon

GROOVY_WORDS = frozenset({"groovy", "70s", "1970s", "seventies", "hippie", "hippy", "disco", "funky", "funk"})
# mustard, burnt orange, brown, avocado, rust: the decade's kitchen and album-cover colours
_SEVENTIES: tuple[RGB, ...] = ((226, 164, 46), (214, 98, 43), (108, 62, 38), (128, 140, 60), (176, 68, 36))
_CREAM: RGB = (246, 234, 208)


def wanted(ctx: Ctx) -> bool:
    """Whether the prompt asks for the 70s look (and the colours are free to be the era's)."""
    return bool(ctx.brief.words & GROOVY_WORDS) and not ctx.scheme.constrained


def _bands(ctx: Ctx, ground: RGB) -> list[RGB]:
    named = [c for c in ctx.brief.design_colors if contrast_ratio(c, ground) >= 1.4]
    out = list(dict.fromkeys(named))
    for c in _SEVENTIES:
        if len(out) >= 4:
            break
        if all(sum(abs(a - b) for a, b in zip(c, o, strict=True)) > 90 for o in out):
            out.append(c)
    return out[: max(4, len(named))]


def _ink(bands: list[RGB], ground: RGB) -> RGB:
    """The darkest band colour when it reads on the ground, else near-black brown."""
    dark = min(bands, key=lambda c: oklch(c)[0])
    return dark if contrast_ratio(dark, ground) >= 4.5 else (58, 34, 22)


def _wave(
    node: Node, bands: list[RGB], w: float, h: float, top: float, rise: float, width: float, phase: float
) -> None:
    """Bands stacked under one wavy line that climbs `rise` from left to right."""
    n = 48
    xs = [-w * 0.05 + w * 1.1 * k / n for k in range(n + 1)]

    def line(offset: float) -> list[tuple[float, float]]:
        return [
            (x, top + offset - rise * (x / w) + h * 0.06 * math.sin(2 * math.pi * x / (w * 0.9) + phase)) for x in xs
        ]

    for k, colour in enumerate(bands):
        upper, lower = line(k * width), line((k + 1) * width + 0.8)
        node.path(polygon_d(upper + lower[::-1]), colour)


def _arches(node: Node, bands: list[RGB], cx: float, base: float, outer: float, width: float) -> None:
    """A rainbow of half rings standing on `base`, the outermost first."""
    for k, colour in enumerate(bands):
        r_out, r_in = outer - k * width, outer - (k + 1) * width
        if r_in <= 0:
            break
        steps = 40
        turns = [math.pi + math.pi * t / steps for t in range(steps + 1)]
        pts = [(cx + r_out * math.cos(a), base + r_out * math.sin(a)) for a in turns]
        pts += [(cx + r_in * math.cos(a), base + r_in * math.sin(a)) for a in reversed(turns)]
        node.path(polygon_d(pts), colour)


def groovy_poster(ctx: Ctx, copy: Copy) -> str:
    b, rng = ctx.brief, ctx.rng
    W, H, short, m = float(ctx.width), float(ctx.height), ctx.short, ctx.margin
    use_family(ctx, ("fredoka", "righteous", "abril-fatface"))
    ground = b.background_color or _CREAM
    art = ctx.canvas.group("poster")
    art.rect(0, 0, W, H, ground)
    bands = _bands(ctx, ground)
    ink = _ink(bands, ground)
    shadow = next((c for c in bands if c != ink and contrast_ratio(c, ground) >= 1.6), bands[0])
    back, front = art.group("bands"), art.group("type")
    width = short * 0.065
    style = "arches" if rng.random() < 0.45 else "wave"
    has_text = copy.headline is not None
    text_top = m * 1.2
    text_bottom = H * (0.4 if H >= W else 0.46)
    if style == "wave":
        top = H * (0.56 if H >= W else 0.58)
        _wave(back, bands, W, H, top, H * 0.16, width, rng.uniform(0, math.tau))
        below = top + width * len(bands) + H * 0.04
        icon_at, room = (W * (0.5 if H >= W else 0.78), (below + H - m) / 2), min(short * 0.22, (H - m - below) * 0.8)
    else:
        outer = min(W * 0.5 - m * 0.4, H * 0.42)
        base = H - m * 1.4 - short * 0.08
        _arches(back, bands, W / 2, base, outer, width)
        inner = outer - width * len(bands)
        icon_at, room = (W / 2, base - inner * 0.45), max(width * 1.2, inner * 0.8)
    ctx.info.setdefault("drawn", []).append({"concept": "stripes", "icon": f"groovy-{style}"})
    icon = subject_icon(ctx)
    if icon is not None and room > short * 0.06:
        ctx.draw_icon(back, icon, icon_at[0], icon_at[1], room, ink)
    if not has_text:
        return f"poster-groovy-{style}"
    box = (m * 1.1, text_top, W - m * 1.1, text_bottom - (short * 0.05 * len(copy.lines) + short * 0.03))
    offset = short * 0.008
    shifted = (box[0] + offset, box[1] + offset, box[2] + offset, box[3] + offset)
    for colour, at, name in ((shadow, shifted, "headline-shadow"), (ink, box, "headline")):
        block = ctx.text(front, copy.headline or "", at, colour, align="center", valign="top", max_lines=3,
                         weight=700, max_size=short * 0.2, name=name)  # fmt: skip
    if copy.lines:
        set_details(ctx, front, copy.lines, m, block.bbox[3] + short * 0.04, W - m, ink, align="center",
                    size=short * 0.032, limit=text_bottom + short * 0.04)  # fmt: skip
    return f"poster-groovy-{style}"
