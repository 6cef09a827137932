"""Banners, headers and thumbnails."""

from __future__ import annotations

import re
from typing import Literal

from artboard.colors import RGB
from artboard.composer.arrange import Group, Placed, draw_group
from artboard.composer.canvas import Node
from artboard.composer.context import Box, Ctx
from artboard.composer.recipes.layouts.common import (
    Align,
    ground,
    headline_case,
    readable,
    small,
    small_lines,
    things_pictured,
    visible,
)
from artboard.composer.recipes.layouts.copy_text import Copy, copy_for, subject_icon
from artboard.composer.recipes.layouts.geometry import arch_d, blob_d, half_disc_d, ring_d, sun_stripes_d
from artboard.composer.recipes.layouts.motifs import dot_grid, fill_zone, frame_rule, pill, playful
from artboard.composer.recipes.layouts.poster_graphic import graphic_poster


def banner(ctx: Ctx) -> str:
    """A web banner, header or thumbnail: copy beside the art when wide, under it when narrow."""
    copy = copy_for(ctx)
    W, H = ctx.width, ctx.height
    thumb = bool({"thumbnail", "youtube"} & set(ctx.brief.words))
    if W < H * 1.2:
        return _banner_stacked(ctx, copy, thumb)
    return _banner_wide(ctx, copy, thumb)


def _cta(
    ctx: Ctx,
    parent: Node,
    text: str,
    x: float,
    y: float,
    h: float,
    behind: RGB,
    align: Align = "left",
    max_w: float | None = None,
) -> Box:
    """A call-to-action pill sized to its text; returns its box."""
    s = ctx.scheme
    fill = visible(ctx, behind, s.accent, s.primary, ratio=1.6)
    on = readable(ctx, fill, s.on_primary)
    pad = h * 0.9
    probe = ctx.canvas.group("probe")  # measure on a throwaway group, then draw for real
    blk = small(ctx, probe, text, (0, 0, (max_w or ctx.width) - 2 * pad, h * 0.42), on, tracking=100)
    ctx.canvas.children.remove(probe)
    w = blk.width + 2 * pad
    if align == "center":
        x -= w / 2
    pill_g = parent.group("cta")
    pill(pill_g, x, y, w, h, fill)
    small(ctx, pill_g, text, (x + pad, y + h * 0.29, x + w - pad, y + h * 0.71), on, tracking=100, align="center")
    return (x, y, x + w, y + h)


def _banner_wide(ctx: Ctx, copy: Copy, thumb: bool) -> str:
    """Copy in a left column centred as one group, a shape with the symbol on the right."""
    if not copy.headline and not copy.lines:
        # nothing to set: the whole width becomes a tile composition carrying the symbol
        return graphic_poster(ctx).replace("poster-", "banner-")
    s, rng = ctx.scheme, ctx.rng
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    gnd = ground(ctx)
    picture = _picture(ctx, thumb)
    icon = subject_icon(ctx) if picture is None else None
    art = ctx.canvas.group("banner")
    back, front = art.group("shapes"), art.group("type")
    variants = ["diagonal", "blob", "dots", "panel"]
    if thumb:
        variants = ["thumb-block", "thumb-frame", "diagonal"]
    kind = variants[rng.randrange(len(variants))]
    split = W * rng.uniform(0.54, 0.6)
    text_bg = gnd
    art_cx, art_cy = (split + W) / 2, H / 2
    art_r = min((W - split) * 0.36, H * 0.34)
    if kind.startswith("thumb"):
        # The framed thumbnail is dark unless colours are named: then the first of them is its ground.
        fill = s.primary if kind == "thumb-block" or ctx.brief.colors else s.ink
        if ctx.brief.on_dark or ctx.brief.background_color is not None:
            fill = s.ground  # "dark background, orange accent": the ground said, the colour an accent on it
        if s.background is not None:
            back.rect(0, 0, W, H, fill)
            text_bg = fill
        if kind == "thumb-frame":
            edge = visible(ctx, text_bg, s.accent, s.primary, ratio=1.8)
            frame_rule(
                back,
                short * 0.025,
                short * 0.025,
                W - short * 0.05,
                H - short * 0.05,
                short * 0.018,
                edge,
                r=short * 0.03,
            )
        art_r = min(art_r, (H - 2 * m) / 2 / 1.42)
        art_cx = W - m - art_r * 1.42
        disc = visible(ctx, text_bg, s.accent, s.secondary)
        back.circle(art_cx, art_cy, art_r * 1.25, disc)
        weight = ctx.stroke(0.0)  # a style's line weight for the ring, else its own 0.08 of the radius
        back.path(ring_d(art_cx, art_cy, art_r * 1.42, art_r * 1.42 - weight if weight else art_r * 1.34), disc)
        sym_bg = disc
        split = art_cx - art_r * 1.5
    elif kind == "diagonal":
        back.polygon([(split + W * 0.06, 0), (W, 0), (W, H), (split - W * 0.04, H)], s.primary)
        sym_bg = visible(ctx, s.primary, s.secondary, s.accent)
        back.circle(art_cx + W * 0.02, art_cy, art_r * 1.05, sym_bg)
        dot_grid(
            back,
            W - m * 0.9 - short * 0.22,
            m * 0.5,
            W - m * 0.5,
            m * 0.5 + short * 0.22,
            short * 0.045,
            short * 0.008,
            readable(ctx, s.primary, s.on_primary, ratio=2.0),
        )
    elif kind == "blob":
        art_cx = min(art_cx, W - m - art_r * 1.3)
        back.path(
            blob_d(ctx, art_cx + art_r * 0.15, art_cy + art_r * 0.08, art_r * 1.15, art_r * 1.12),
            visible(ctx, gnd, s.accent, s.secondary),
        )
        back.path(blob_d(ctx, art_cx, art_cy, art_r * 1.05, art_r * 1.0), s.primary)
        back.circle(split + (W - split) * 0.12, H * 0.2, short * 0.035, visible(ctx, gnd, s.secondary, s.accent))
        sym_bg = s.primary
    elif kind == "dots":
        dot_grid(
            back,
            split,
            m * 0.6,
            W - m * 0.6,
            H - m * 0.6,
            short * 0.06,
            short * 0.008,
            visible(ctx, gnd, s.secondary, s.accent),
        )
        back.circle(art_cx, art_cy, art_r * 1.15, s.primary)
        back.path(
            half_disc_d(art_cx - art_r * 0.85, art_cy + art_r * 1.15, art_r * 0.4),
            visible(ctx, gnd, s.accent, s.secondary),
        )
        sym_bg = s.primary
    else:  # panel: a full-height colour panel with an arch window
        back.rect(split, 0, W - split, H, s.primary)
        aw = (W - split) * 0.58
        sym_bg = visible(ctx, s.primary, s.secondary, s.accent)
        back.path(arch_d(art_cx - aw / 2, H, aw, H * 0.82), sym_bg)
        art_cy = H * 0.58
    if icon is not None:
        ctx.draw_icon(
            back,
            icon,
            art_cx,
            art_cy,
            art_r * (1.25 if kind != "panel" else 1.0),
            readable(ctx, sym_bg, s.on_primary, ratio=3.0),
        )
    elif picture is not None:
        # as large as its side of the banner holds: the picture is what the banner shows
        if kind.startswith("thumb"):
            side = art_r * (2.5 if len(picture.placed) > 1 else 1.9)  # inside the thumbnail's ringed disc
        else:
            side = min((W - split) * 0.86, H - 2 * m * 0.6)
        draw_group(ctx, back, picture, (art_cx - side / 2, art_cy - side / 2, art_cx + side / 2, art_cy + side / 2),
                   s.ink)  # fmt: skip
    elif not kind.startswith("thumb"):
        back.path(sun_stripes_d(art_cx, art_cy, art_r * 0.7), readable(ctx, sym_bg, s.on_primary, ratio=1.6))
    # text column, set from the top and then centred as one group on the optical centre
    ink = readable(ctx, text_bg)
    tx0, tx1 = m, split - m * 0.8
    col = front.group("copy")
    lines = copy.lines[:6]  # every line the user gave, smaller when there are more than two (and four)
    line_h = short * (0.045 if len(lines) <= 2 else 0.034 if len(lines) <= 4 else 0.029)
    extra = (line_h * 1.6 * len(lines)) + (short * 0.2 if copy.cta else 0)
    if thumb and lines:
        extra += short * 0.09  # the thumbnail's bar under the headline and the gap after it
    bar = visible(ctx, text_bg, s.accent, s.primary)
    top_y = m
    if copy.headline:
        upper, tracking = headline_case(ctx, copy.headline)
        if thumb:
            upper, tracking = True, 0.0
        lead = 0.0 if thumb else short * 0.07
        box = (tx0, m + lead, tx1, H - m - extra)
        hl = ctx.text(
            col,
            copy.headline,
            box,
            ink,
            uppercase=upper,
            tracking=tracking,
            max_lines=3 if not thumb else 4,
            align="left",
            valign="top",
            line_height=0.98 if upper else 1.05,
            name="headline",
        )
        y = hl.bbox[3] + short * 0.05
        if not thumb:
            col.rect(tx0, m, short * 0.09, short * 0.012, bar)
        else:
            col.rect(tx0, hl.bbox[3] + short * 0.035, min(hl.width, short * 0.4), short * 0.02, bar)
            y += short * 0.04
            top_y = hl.bbox[1]
    else:
        y = m
    y = _offer_line(ctx, col, lines, (tx0, y, tx1), line_h, bar, align="left")
    y = small_lines(ctx, col, lines, tx0, y, tx1, line_h, line_h * 0.66, ink, align="left", tracking=120)
    bottom_y = y - short * 0.03
    if copy.cta:
        pill_box = _cta(ctx, col, copy.cta, tx0, y + short * 0.02, short * 0.11, text_bg, max_w=tx1 - tx0)
        bottom_y = pill_box[3]
    dy = H * 0.49 - (top_y + bottom_y) / 2
    dy = max(m - top_y, min(dy, H - m - bottom_y))
    if abs(dy) > 0.5:
        col.attrs["transform"] = f"translate(0 {dy:.2f})"
    return f"banner-{kind}"


def _picture(ctx: Ctx, thumb: bool) -> Group | None:
    """A thumbnail's picture is bright colour art when it can be ("a shocked face and ice": the astonished emoji
    and the ice cube); so is a banner's whose things have colour art (pumpkins and bats, a laptop), unless it is
    drawn in lines, kept minimal or held to a palette: a glyph in a disc reads as a button, not a picture."""
    if thumb or not (ctx.brief.has("line", "minimal", "corporate") or ctx.scheme.constrained):
        return _colour_picture(ctx)
    return None


def _colour_picture(ctx: Ctx) -> Group | None:
    from artboard.composer.arrange import illustration_mode, plan_group
    from artboard.composer.noun_icons import resolve_in

    if illustration_mode(ctx) != "color":
        return None
    group = plan_group(ctx, "color", scene=False)
    main = ctx.brief.subjects[0] if ctx.brief.subjects else None
    if main is not None and not any(
        main in p.concept or p.concept in main or set(main.split()[:-1]) & set(p.concept.split()) for p in group.placed
    ):
        # The subject a video's title names ("Easy Pasta in 10 Minutes") is no thing of the sentence: drawn alone.
        hit = resolve_in(main, "color")
        group = Group((Placed(hit[1], hit[0], 0.5, 0.5, 1.0),), None) if hit is not None else Group((), None)
    return things_pictured(group)


def _banner_stacked(ctx: Ctx, copy: Copy, thumb: bool) -> str:
    """Art in the top half, the copy centred under it."""
    s, rng = ctx.scheme, ctx.rng
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    gnd = ground(ctx)
    picture = _picture(ctx, thumb)
    icon = subject_icon(ctx) if picture is None else None
    art = ctx.canvas.group("banner")
    back, front = art.group("shapes"), art.group("type")
    ink = readable(ctx, gnd)
    has_text = copy.headline is not None
    art_h = H * (0.5 if has_text else 0.8)
    kind = ("blob", "disc", "rainbow")[rng.randrange(3)]
    if kind == "rainbow" and not playful(ctx):
        kind = ("blob", "disc")[rng.randrange(2)]
    zone = (m, m, W - m, m + art_h - m * 0.5)
    if kind == "blob":
        r = min(W - 2 * m, art_h) * 0.42
        cx, cy = W / 2, m + art_h / 2
        back.path(blob_d(ctx, cx + r * 0.12, cy + r * 0.08, r * 1.1, r), visible(ctx, gnd, s.accent, s.secondary))
        back.path(blob_d(ctx, cx, cy, r * 0.95, r * 0.9), s.primary)
        if icon is not None:
            ctx.draw_icon(back, icon, cx, cy, r * 1.05, readable(ctx, s.primary, s.on_primary, ratio=3.0))
    else:
        fill_zone(ctx, back, zone, icon, gnd, kinds=("disc",) if kind == "disc" else ("rainbow",))
    if picture is not None:
        side = min(W - 2 * m, art_h - m * 0.5) * rng.uniform(0.74, 0.9)
        pcx, pcy = W / 2, (zone[1] + zone[3]) / 2
        draw_group(ctx, back, picture, (pcx - side / 2, pcy - side / 2, pcx + side / 2, pcy + side / 2), s.ink)
    if not has_text:
        return f"banner-stacked-{kind}"
    lines = copy.lines[:6]  # a booking address or a price is never cut for room: the lines get smaller
    line_h = short * (0.04 if len(lines) <= 2 else 0.032 if len(lines) <= 4 else 0.028)
    extra = line_h * 1.6 * len(lines) + (short * 0.16 if copy.cta else 0)
    top = m + art_h + short * 0.02
    upper, tracking = headline_case(ctx, copy.headline or "")
    hl = ctx.text(
        front,
        copy.headline or "",
        (m, top, W - m, max(top + short * 0.1, H - m - extra)),
        ink,
        uppercase=upper or thumb,
        tracking=tracking,
        max_lines=3,
        align="center",
        valign="top",
        line_height=1.0,
        name="headline",
    )
    y = hl.bbox[3] + short * 0.04
    y = _offer_line(ctx, front, lines, (m, y, W - m), line_h, visible(ctx, gnd, s.accent, s.primary), align="center")
    y = small_lines(ctx, front, lines, m, y, W - m, line_h, line_h * 0.62, ink)
    if copy.cta:
        _cta(ctx, front, copy.cta, W / 2, y + short * 0.015, short * 0.1, gnd, align="center", max_w=W - 2 * m)
    return f"banner-stacked-{kind}"


_OFFER_RE = re.compile(r"\d{1,3}\s?%\s?off|\bfree\b|\bbogo\b|buy one|half[- ]price|\$\d+\s+off", re.I)


def _offer_line(
    ctx: Ctx,
    parent: Node,
    lines: list[str],
    span: tuple[float, float, float],
    line_h: float,
    color: RGB,
    *,
    align: Literal["left", "center"],
) -> float:
    """An offer leading the lines ("UP TO 70% OFF") is the banner's second message: set it large and bold in the
    accent, then drop it from `lines`. Returns the y below it (unchanged when the first line is no offer)."""
    x0, y, x1 = span
    if not lines or not _OFFER_RE.search(lines[0]):
        return y
    offer = lines.pop(0)
    block = ctx.text(parent, offer, (x0, y, x1, y + line_h * 2.2), color, weight=800, uppercase=True, tracking=40,
                     max_lines=1, align=align, valign="top", name="offer")  # fmt: skip
    return block.bbox[3] + line_h * 0.8
