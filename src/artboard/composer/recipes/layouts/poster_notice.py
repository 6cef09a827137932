"""The notice poster ("lost cat poster 'Have you seen Mochi?' orange tabby cat, phone number…, reward $200"): what a
passer-by must read from across the street. LOST CAT in heavy capitals on a band of alarm red, the animal (or the
thing) large in colour — in the colour the prompt gives it — on a plain panel, then the plea, and the reward and
the number to call set large: no decoration, nothing small."""

from __future__ import annotations

import re

from artboard.colors import RGB, contrast_ratio, from_oklch
from artboard.composer.arrange import Group, draw_group, plan_group
from artboard.composer.canvas import rect_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.layouts.common import use_family
from artboard.composer.recipes.layouts.copy_text import Copy

NOTICE_RE = re.compile(r"^\s*(?:lost|missing|found)\s+\w+|^\s*wanted\b", re.I)


def wanted(copy: Copy) -> bool:
    """Whether the headline is a notice's ("Lost Cat", "Missing Dog", "Found: Keys")."""
    return bool(copy.headline and NOTICE_RE.match(copy.headline))


def _picture_group(ctx: Ctx) -> Group | None:
    group = plan_group(ctx, "color", limit=1)
    return group if group.placed else None


def notice_poster(ctx: Ctx, copy: Copy) -> str:
    s = ctx.scheme
    W, H, short, m = float(ctx.width), float(ctx.height), ctx.short, ctx.margin
    use_family(ctx, ("anton", "archivo-black", "oswald"))
    red: RGB = s.primary if s.constrained else from_oklch(0.55, 0.2, 27)
    paper: RGB = s.ground if s.constrained else (250, 248, 243)
    ink: RGB = s.ink if contrast_ratio(s.ink, paper) >= 7 else (20, 20, 20)
    on_red: RGB = (255, 255, 255) if contrast_ratio((255, 255, 255), red) >= 3 else ink
    art = ctx.canvas.group("poster")
    art.rect(0, 0, W, H, paper)
    band = H * 0.2
    art.path(rect_d(0, 0, W, band), red)
    ctx.text(art, copy.headline or "", (m, band * 0.12, W - m, band * 0.9), on_red, weight=800, max_lines=1,
             tracking=20, uppercase=True, name="headline")  # fmt: skip
    lines = list(copy.lines)
    plea = lines.pop(0) if lines and lines[0].rstrip().endswith("?") else None
    line_h = short * (0.075 if len(lines) <= 2 else 0.06)
    room_bottom = H - m - (line_h + short * 0.02) * len(lines) - (short * 0.115 if plea else 0.0)
    pic_top = band + short * 0.04
    group = _picture_group(ctx)
    if group is not None:
        side = min(W - 2 * m, room_bottom - pic_top - short * 0.03)
        box = (W / 2 - side / 2, pic_top, W / 2 + side / 2, pic_top + side)
        draw_group(ctx, art, group, box, ink)
        y = pic_top + side + short * 0.03
    else:
        y = pic_top
    if plea:
        block = ctx.text(art, plea, (m, y, W - m, y + short * 0.09), ink, weight=800, max_lines=2, name="plea")
        y = block.bbox[3] + short * 0.025
    for i, line in enumerate(lines):
        colour = red if i == 0 else ink
        block = ctx.text(art, line, (m, y, W - m, y + line_h), colour, weight=800, max_lines=1, uppercase=True,
                         name="detail")  # fmt: skip
        y = block.bbox[3] + short * 0.02
    return "poster-notice"
