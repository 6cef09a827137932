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


def asked(ctx: Ctx) -> bool:
    """Whether the prompt names a mascot or a character logo (a team's mascot logo is the character, not a crest)."""
    return bool(_MASCOT_RE.search(ctx.brief.prompt))


def wanted(ctx: Ctx) -> bool:
    """Whether the prompt asks for a mascot, and the design may draw colour art (no fixed palette, no line art)."""
    from artboard.composer.arrange import illustration_mode

    return asked(ctx) and illustration_mode(ctx) == "color"


def mascot_logo(ctx: Ctx, art: Node, name: str | None) -> str | None:
    """The character on a disc, the name under it; None when nothing the prompt names can be drawn in colour."""
    from artboard.composer.arrange import Group, Placed, creature, draw_group, plan_group

    group = plan_group(ctx, "color")
    if not group.placed:
        return None
    creatures = [p for p in group.placed if creature(p.concept)]
    stated = any(r.kind != "and" for r in ctx.brief.relations)  # "a robot holding a wrench" keeps its prop
    if not stated and creatures and len(creatures) < len(group.placed):
        # "esports mascot logo, an angry bull": the team's field is context; the mascot is the creature alone.
        only = creatures[-1]
        group = Group((Placed(only.concept, only.icon, 0.5, 0.5, 1.0),), None, group.left_out, group.face)
    s = ctx.scheme
    w, h, short = ctx.width, ctx.height, ctx.short
    named = bool(name)
    radius = short * (0.3 if named else 0.38)
    cx, cy = w / 2, h / 2 - (short * 0.1 if named else 0.0)
    # A pale disc of the brand's hue, so the character's own colours (an orange fox, a grey robot) stand on it,
    # ringed in the brand's colour.
    # "purple and black": the ring in the liveliest named colour, an outer line and the name in the darkest.
    named_colours = list(ctx.brief.colors) if not s.constrained else []
    lively = max(named_colours, key=lambda c: oklch(c)[1], default=s.primary)
    lively = lively if oklch(lively)[1] >= 0.05 else s.primary
    darkest = min(named_colours, key=lambda c: oklch(c)[0], default=None)
    _lightness, chroma, hue = oklch(lively)
    disc = s.surface if s.constrained else from_oklch(0.95, min(chroma, 0.035), hue)
    art.circle(cx, cy, radius, disc)
    art.path(ring_d(cx, cy, radius, radius * 0.93), lively)
    other = next((c for c in named_colours if c != lively), None)  # "blue and gold": a gold line around the blue
    if other is not None:
        art.path(ring_d(cx, cy, radius * 1.05, radius * 1.0), other)
    size = radius * 1.7
    draw_group(ctx, art, group, (cx - size / 2, cy - size / 2, cx + size / 2, cy + size / 2), lively)
    if named and name:
        ink = s.primary if contrast_ratio(s.primary, s.ground) >= 3.0 else s.ink
        if darkest is not None and contrast_ratio(darkest, s.ground) >= 4.5:
            ink = darkest
        top = cy + radius + short * 0.05
        ctx.text(art, name, (ctx.margin, top, w - ctx.margin, top + short * 0.16), ink, weight=800,
                 uppercase=True, tracking=30, max_lines=2, name="wordmark")  # fmt: skip
    return "mascot-disc" + ("-group" if len(group.placed) > 1 else "")
