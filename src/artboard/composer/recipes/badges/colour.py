"""Colour: scheme roles only, chosen by contrast. The look of a badge (style flags and which role inks the body,
paper, ribbon and marks) and the inks of a sticker."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from artboard.colors import RGB, contrast_ratio, oklch
from artboard.composer import crafts
from artboard.composer.context import Ctx


def _roles(ctx: Ctx) -> list[RGB]:
    s = ctx.scheme
    out: list[RGB] = []
    for c in (s.primary, s.secondary, s.accent, s.ink, s.on_primary, s.surface, s.background):
        if c is not None and c not in out:
            out.append(c)
    return out


def _on(ctx: Ctx, bg: RGB, prefer: Sequence[RGB], need: float = 4.5) -> RGB:
    """The first preferred role colour that reaches `need` contrast on `bg`, else the most contrasting role."""
    for c in prefer:
        if c != bg and contrast_ratio(c, bg) >= need:
            return c
    roles = _roles(ctx)
    return max(roles, key=lambda c: (round(contrast_ratio(c, bg), 3), -roles.index(c)))


def _between(ctx: Ctx, a: RGB, b: RGB, prefer: Sequence[RGB], need_a: float, need_b: float) -> RGB:
    """A colour visible against both `a` and `b` (a fill between a light border and dark key lines)."""
    for c in prefer:
        if contrast_ratio(c, a) >= need_a and contrast_ratio(c, b) >= need_b:
            return c
    return max(prefer, key=lambda c: min(contrast_ratio(c, a), contrast_ratio(c, b)))


def _paper(ctx: Ctx) -> RGB:
    s = ctx.scheme
    return s.background if s.background is not None else s.surface


def _lightest(ctx: Ctx) -> RGB:
    roles = _roles(ctx)
    return max(roles, key=lambda c: (round(oklch(c)[0], 4), -roles.index(c)))


def _darkest(ctx: Ctx) -> RGB:
    roles = _roles(ctx)
    return min(roles, key=lambda c: (round(oklch(c)[0], 4), roles.index(c)))


# ---------------------------------------------------------------------------------------------------------------
# Badge look
# ---------------------------------------------------------------------------------------------------------------


@dataclass
class _Look:
    vintage: bool
    minimal: bool
    distress: bool
    two_ink: bool
    body: RGB  # main ink / badge body
    on_body: RGB  # text and line work on the body
    paper: RGB  # the ground inside the badge
    on_paper: RGB  # text on paper
    mark_on_body: RGB  # ornaments (stars) on the body
    mark_on_paper: RGB
    ribbon: RGB
    on_ribbon: RGB
    ribbon_shade: RGB | None


def _look(ctx: Ctx) -> _Look:
    b, s = ctx.brief, ctx.scheme
    words = b.words
    vintage = b.has("vintage", "retro") or bool(words & {"stamp", "patch", "brewery", "heritage"})
    minimal = b.has("minimal", "line", "flat") and not vintage
    stamp = bool(words & {"stamp", "stamped", "rubber"})
    distress = (
        (
            "distressed" in words
            or "grunge" in words
            or "worn" in words
            or stamp
            or (vintage and not minimal and ctx.rng.random() < 0.45)
        )
        and not minimal
        and not crafts.EMBROIDERY_WORDS.search(b.prompt)
    )  # thread is stitched, not worn ink
    two_ink = (
        b.has("two_color", "single_color") or (vintage and ctx.rng.random() < 0.6) or (s.accent == s.primary) or stamp
    )
    if two_ink and len(b.design_colors) >= 2 and not b.has("single_color") and s.accent != s.primary:
        two_ink = False  # "red and black": both named colours print, the second on the ribbon and marks
    body = s.primary
    paper = _paper(ctx)
    on_body = _on(ctx, body, [paper, s.on_primary] if two_ink else [s.on_primary, paper])
    on_paper = _on(ctx, paper, [body, s.ink])
    if two_ink:
        mark_body, mark_paper = on_body, _on(ctx, paper, [body, s.ink], 3.0)
        ribbon, shade = body, None
    else:
        accent_ok = ctx.rng.random() < 0.5
        mark_body = _on(ctx, body, [s.accent, on_body] if accent_ok else [on_body], 2.6)
        mark_paper = _on(ctx, paper, [s.accent, body, s.ink] if accent_ok else [body, s.ink], 2.6)
        ribbon = _on(ctx, body, [s.accent, s.secondary], 1.8)
        if ribbon == paper or contrast_ratio(ribbon, paper) < 1.3:
            ribbon = body
        shade = None if s.constrained else _on(ctx, ribbon, [s.secondary, s.ink, body], 1.6)
        if shade is not None and contrast_ratio(shade, ribbon) < 1.3:
            shade = None
    on_ribbon = _on(ctx, ribbon, [s.ink, on_body, s.on_primary, body, paper])
    return _Look(
        vintage,
        minimal,
        distress,
        two_ink,
        body,
        on_body,
        paper,
        on_paper,
        mark_body,
        mark_paper,
        ribbon,
        on_ribbon,
        shade,
    )


# ---------------------------------------------------------------------------------------------------------------
# Sticker inks
# ---------------------------------------------------------------------------------------------------------------


@dataclass
class _Inks:
    border: RGB  # the die-cut paper
    line: RGB  # key lines, cut line
    fill: RGB  # the subject's colour
    fill2: RGB  # a second subject colour
    text: RGB  # words on the border colour
    shadow: RGB


def _sticker_inks(ctx: Ctx) -> _Inks:
    s = ctx.scheme
    border = _lightest(ctx)
    line = _on(ctx, border, [s.ink, _darkest(ctx)], 7.0)
    fill = _between(ctx, border, line, [s.primary, s.accent, s.secondary], 1.6, 2.2)
    fill2 = _between(
        ctx, border, line, [c for c in (s.accent, s.secondary, s.primary) if c != fill] or [fill], 1.4, 2.0
    )
    text = _on(ctx, border, [s.primary, s.ink])
    shadow = _on(ctx, border, [s.secondary, s.ink], 2.2) if ctx.rng.random() < 0.4 else line
    return _Inks(border, line, fill, fill2, text, shadow)
