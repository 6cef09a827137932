"""Shared layout helpers: colour roles that read, type setting (headlines, secondary lines, text on an arc) and
the 12-column grid every layout is drawn on."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from artboard.colors import RGB, contrast_ratio
from artboard.composer import fonts
from artboard.composer.canvas import Node
from artboard.composer.context import Box, Ctx
from artboard.composer.placement import Group
from artboard.composer.typeset import TextBlock, measure

Align = Literal["left", "center", "right"]
VAlign = Literal["top", "middle", "bottom"]
Purpose = Literal["display", "body", "script"]

# -- colour ------------------------------------------------------------------------------------------------


def _roles(ctx: Ctx) -> list[RGB]:
    s = ctx.scheme
    out: list[RGB] = []
    for c in (s.ink, s.on_primary, s.background, s.surface, s.primary, s.secondary, s.accent):
        if c is not None and c not in out:
            out.append(c)
    return out


def readable(ctx: Ctx, behind: RGB, *prefer: RGB, ratio: float = 4.5) -> RGB:
    """The first preferred role (then ink, on_primary …) that reads on `behind`; else the best one."""
    options = [c for c in (*prefer, *_roles(ctx)) if c is not None]
    for c in options:
        if contrast_ratio(c, behind) >= ratio:
            return c
    return max(options, key=lambda c: contrast_ratio(c, behind))


def visible(ctx: Ctx, behind: RGB, *prefer: RGB, ratio: float = 1.35) -> RGB:
    """A decorative colour that shows on `behind` (shapes need less contrast than text)."""
    return readable(ctx, behind, *prefer, ratio=ratio)


def ground(ctx: Ctx) -> RGB:
    return ctx.scheme.ground


# -- type --------------------------------------------------------------------------------------------------


def use_family(ctx: Ctx, options: Sequence[str], purpose: Purpose = "display") -> str:
    """Steer the face for a layout (condensed caps for a type poster …) unless one was already chosen or a
    stored style fixes the faces: a brand's fonts win over a recipe's taste, its lettering included."""
    if ctx.style_fonts:
        return ctx.family("display" if purpose == "script" else purpose)
    key = f"family_{purpose}"
    if key not in ctx.info:
        available = set(fonts.font_families())
        opts = [f for f in options if f in available]
        if opts:
            ctx.info[key] = opts[ctx.rng.randrange(len(opts))]
    return str(ctx.info.get(key) or ctx.family(purpose))


def headline_case(ctx: Ctx, text: str) -> tuple[bool, float]:
    """(uppercase, tracking) for a headline in the chosen face."""
    fam = ctx.family("display")
    if fonts.family_info(fam).caps_only:
        return True, 10.0
    if fam in ("great-vibes", "pacifico", "caveat", "permanent-marker", "fredoka") or ctx.brief.has("playful"):
        return False, 0.0
    if ctx.brief.has("elegant") and fam in ("playfair-display", "dm-serif-display", "lora", "abril-fatface"):
        return ctx.rng.random() < 0.35, 40.0
    upper = ctx.rng.random() < 0.7 or len(text) <= 14
    return upper, (0.0 if upper else -10.0)


def small(
    ctx: Ctx,
    parent: Node,
    text: str,
    box: Box,
    color: RGB,
    *,
    align: Align = "left",
    valign: VAlign = "middle",
    lines: int = 1,
    weight: int = 600,
    tracking: float = 140.0,
    upper: bool = True,
    max_size: float | None = None,
) -> TextBlock:
    """Secondary text: body face, small caps-like tracking; `max_size` keeps lines that fit easily at one size."""
    return ctx.text(
        parent,
        text,
        box,
        color,
        purpose="body",
        weight=weight,
        align=align,
        valign=valign,
        uppercase=upper,
        tracking=tracking,
        max_lines=lines,
        min_size=min(box[3] - box[1], max(9.0, ctx.short * 0.014)),
        max_size=max_size,
        name="detail",
    )


def small_lines(
    ctx: Ctx,
    parent: Node,
    lines: Sequence[str],
    x0: float,
    y: float,
    x1: float,
    line_h: float,
    gap: float,
    color: RGB,
    *,
    align: Align = "center",
    tracking: float = 140.0,
    weight: int = 600,
) -> float:
    """Secondary lines set one under another from `y`, `gap` apart; returns the y below the last gap."""
    for line in lines:
        blk = small(ctx, parent, line, (x0, y, x1, y + line_h), color, align=align, tracking=tracking, weight=weight)
        y = blk.bbox[3] + gap
    return y


def advance_per_px(
    ctx: Ctx, text: str, purpose: Purpose = "display", tracking: float = 0.0, upper: bool = False
) -> float:
    face = ctx.face(purpose)
    return measure(text.upper() if upper else text, face, 100.0, tracking) / 100.0


def arc_fit(
    ctx: Ctx,
    parent: Node,
    text: str,
    cx: float,
    cy: float,
    radius: float,
    size: float,
    color: RGB,
    *,
    max_sweep_deg: float,
    inside: bool = False,
    tracking: float = 80.0,
    purpose: Purpose = "display",
    weight: int | None = None,
) -> TextBlock:
    """Text on an arc, shrunk until it spans at most `max_sweep_deg`."""
    if not text.strip():
        return TextBlock(d="", bbox=(cx, cy, cx, cy), lines=(), font_size=size)
    face = ctx.face(purpose, weight)
    adv = measure(text, face, size, tracking)
    sweep = math.degrees(adv / max(radius, 1.0))
    if sweep > max_sweep_deg:
        size *= max_sweep_deg / sweep
    return ctx.arc(
        parent,
        text,
        cx,
        cy,
        radius,
        size,
        color,
        center_angle_deg=90 if inside else -90,
        inside=inside,
        tracking=tracking,
        purpose=purpose,
        weight=weight,
    )


def set_headline(
    ctx: Ctx,
    parent: Node,
    text: str,
    box: Box,
    color: RGB,
    *,
    align: Align = "left",
    valign: VAlign = "top",
    max_lines: int = 3,
    upper: bool | None = None,
) -> TextBlock:
    """The headline in the display face, cased and tracked by `headline_case` unless `upper` is given."""
    up, tracking = headline_case(ctx, text)
    if upper is not None:
        up = upper
    return ctx.text(
        parent,
        text,
        box,
        color,
        align=align,
        valign=valign,
        uppercase=up,
        tracking=tracking,
        max_lines=max_lines,
        line_height=0.98 if up else 1.04,
        name="headline",
    )


def set_details(
    ctx: Ctx,
    parent: Node,
    lines: Sequence[str],
    x0: float,
    y0: float,
    x1: float,
    color: RGB,
    *,
    align: Align = "left",
    size: float | None = None,
    cols: int = 1,
    gutter: float = 0.0,
    limit: float | None = None,
) -> float:
    """Secondary lines as tracked caps, in `cols` columns; returns the bottom y. With `limit`, a single column
    of lines is set smaller (down to two thirds) rather than run past that y."""
    h = size or ctx.short * 0.03
    if limit is not None and cols == 1 and lines:
        h = max(h * 0.66, min(h, (limit - y0) / (1.6 * len(lines) - 0.6)))
    bottom = y0
    if cols > 1 and len(lines) > 1:
        n = min(cols, len(lines))
        w = (x1 - x0 - gutter * (n - 1)) / n
        # More lines than columns stack in the columns: every line the prompt gave is set.
        for i in range(n):
            bx = x0 + i * (w + gutter)
            y = y0
            for line in lines[i::n]:
                blk = small(
                    ctx, parent, line, (bx, y, bx + w, y + h * 2.3), color, align="left", valign="top", lines=2,
                    max_size=h,
                )  # fmt: skip
                bottom = max(bottom, blk.bbox[3])
                y = blk.bbox[3] + h * 0.6
        return bottom
    y = y0
    for line in lines:
        blk = small(ctx, parent, line, (x0, y, x1, y + h), color, align=align, valign="top")
        bottom = blk.bbox[3]
        y += h * 1.6
    return bottom


# -- grid --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Grid:
    x0: float
    y0: float
    x1: float
    y1: float
    cols: int = 12
    gutter: float = 0.0

    @property
    def col(self) -> float:
        return (self.x1 - self.x0 - (self.cols - 1) * self.gutter) / self.cols

    def span(self, start: int, n: int) -> tuple[float, float]:
        a = self.x0 + start * (self.col + self.gutter)
        return a, a + n * self.col + (n - 1) * self.gutter


def grid(ctx: Ctx, cols: int = 12, margin: float | None = None) -> Grid:
    m = ctx.margin if margin is None else margin
    return Grid(m, m, ctx.width - m, ctx.height - m, cols, ctx.short * 0.02)


def things_pictured(group: Group) -> Group | None:
    """The group as a picture of things: beside colour art an idea's glyph ("sale", "growth") is no picture, a
    thing's glyph stays (it takes its colour); None when no colour art is left to carry it."""
    from artboard.composer.icon_lookup import physical

    kept = tuple(p for p in group.placed if p.icon.mode == "color" or physical(p.concept.split()[-1]))
    pictured = Group(kept, group.relation, group.left_out, group.face)
    return pictured if any(p.icon.mode == "color" for p in pictured.placed) else None
