"""Mascot logos: a character in flat colour art on a disc of the brand's colour, the name set bold under it.

"mascot logo for a pizza place: a cheerful chef tossing pizza dough", "mascot for a robotics team, a friendly robot
holding a wrench": a designer draws the character, with what it holds, in full colour — not a one-ink glyph in a
squircle — and the name as the team's or shop's lettering.
"""

from __future__ import annotations

import re

from artboard.colors import contrast_ratio, from_oklch, oklch
from artboard.composer.canvas import Node, ring_d
from artboard.composer.context import Ctx

_MASCOT_RE = re.compile(r"\bmascots?\b|\bcharacter logo\b|\bcartoon (?:logo|character)\b", re.I)


def wanted(ctx: Ctx) -> bool:
    """Whether the prompt asks for a mascot, and the design may draw colour art (no fixed palette, no line art)."""
    from artboard.composer.arrange import illustration_mode

    return bool(_MASCOT_RE.search(ctx.brief.prompt)) and illustration_mode(ctx) == "color"


def mascot_logo(ctx: Ctx, art: Node, name: str | None) -> str | None:
    """The character on a disc, the name under it; None when nothing the prompt names can be drawn in colour."""
    from artboard.composer.arrange import draw_group, plan_group

    group = plan_group(ctx, "color")
    if not group.placed:
        return None
    s = ctx.scheme
    w, h, short = ctx.width, ctx.height, ctx.short
    named = bool(name)
    radius = short * (0.3 if named else 0.38)
    cx, cy = w / 2, h / 2 - (short * 0.1 if named else 0.0)
    # A pale disc of the brand's hue, so the character's own colours (an orange fox, a grey robot) stand on it,
    # ringed in the brand's colour.
    _lightness, chroma, hue = oklch(s.primary)
    disc = s.surface if s.constrained else from_oklch(0.95, min(chroma, 0.035), hue)
    art.circle(cx, cy, radius, disc)
    art.path(ring_d(cx, cy, radius, radius * 0.95), s.primary)
    size = radius * 1.7
    draw_group(ctx, art, group, (cx - size / 2, cy - size / 2, cx + size / 2, cy + size / 2), s.primary)
    if named and name:
        ink = s.primary if contrast_ratio(s.primary, s.ground) >= 3.0 else s.ink
        top = cy + radius + short * 0.05
        ctx.text(art, name, (ctx.margin, top, w - ctx.margin, top + short * 0.16), ink, weight=800,
                 uppercase=True, tracking=30, max_lines=2, name="wordmark")  # fmt: skip
    return "mascot-disc" + ("-group" if len(group.placed) > 1 else "")
