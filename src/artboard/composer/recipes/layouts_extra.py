"""Banners, cards, labels and t-shirt graphics (the poster and the shared layout helpers are in `layouts`)."""

from __future__ import annotations

import io
import math
import re
from collections.abc import Sequence

from artboard.colors import RGB, contrast_ratio
from artboard.composer import icons, shapes
from artboard.composer.canvas import Node, circle_d, polygon_d, rect_d, star_points, wave_d
from artboard.composer.context import Box, Ctx
from artboard.composer.recipes.layouts import (
    Align,
    Copy,
    arc_fit,
    arch_d,
    copy_for,
    dot_grid,
    fill_zone,
    ground,
    half_disc_d,
    headline_case,
    mountains_d,
    readable,
    small,
    subject_icon,
    sun_stripes_d,
    use_family,
    visible,
)


def ellipse_d(cx: float, cy: float, rx: float, ry: float) -> str:
    return (
        f"M{cx - rx:.2f} {cy:.2f}A{rx:.2f} {ry:.2f} 0 1 0 {cx + rx:.2f} {cy:.2f}"
        f"A{rx:.2f} {ry:.2f} 0 1 0 {cx - rx:.2f} {cy:.2f}Z"
    )


def blob_d(ctx: Ctx, cx: float, cy: float, rx: float, ry: float, points: int = 7, jitter: float = 0.16) -> str:
    """A smooth organic closed shape (Catmull-Rom through seeded radial points)."""
    rng = ctx.rng
    pts = []
    for i in range(points):
        a = 2 * math.pi * i / points + rng.uniform(-0.15, 0.15)
        k = 1 + rng.uniform(-jitter, jitter)
        pts.append((cx + rx * k * math.cos(a), cy + ry * k * math.sin(a)))
    n = len(pts)
    d = f"M{pts[0][0]:.2f} {pts[0][1]:.2f}"
    for i in range(n):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[(i + 1) % n], pts[(i + 2) % n]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        d += f"C{c1[0]:.2f} {c1[1]:.2f} {c2[0]:.2f} {c2[1]:.2f} {p2[0]:.2f} {p2[1]:.2f}"
    return d + "Z"


def _frame_rule(parent: Node, x: float, y: float, w: float, h: float, t: float, color: RGB, r: float = 0) -> None:
    """A rectangular outline of thickness t."""
    outer = rect_d(x, y, w, h, r)
    inner = rect_d(x + t, y + t, w - 2 * t, h - 2 * t, max(0.0, r - t))
    parent.path(shapes.difference(outer, inner), color)


def _diamond(parent: Node, cx: float, cy: float, r: float, color: RGB) -> None:
    parent.polygon([(cx, cy - r), (cx + r * 0.7, cy), (cx, cy + r), (cx - r * 0.7, cy)], color)


def _divider(ctx: Ctx, parent: Node, cx: float, cy: float, half: float, color: RGB, kind: str = "diamond") -> None:
    t = max(1.0, ctx.short * 0.0025)
    r = ctx.short * 0.011
    parent.rect(cx - half, cy - t / 2, half - r * 2, t, color)
    parent.rect(cx + r * 2, cy - t / 2, half - r * 2, t, color)
    if kind == "star":
        parent.polygon(star_points(cx, cy, r * 1.2, r * 0.5), color)
    elif kind == "dots":
        for i in (-1, 0, 1):
            parent.circle(cx + i * r * 0.9, cy, r * 0.28, color)
    else:
        _diamond(parent, cx, cy, r, color)


def _corner_flourish(ctx: Ctx, parent: Node, x: float, y: float, sx: int, sy: int, size: float, color: RGB) -> None:
    """An ornament for the corner at (x, y) opening towards (sx, sy): nested arcs, a dot and a leaf tip."""
    t = max(1.0, ctx.short * 0.0028)
    parts = []
    for k, rr in enumerate((size, size * 0.62)):
        cx, cy = x + sx * rr, y + sy * rr
        # quarter ring hugging the corner
        ring = shapes.difference(circle_d(cx, cy, rr), circle_d(cx, cy, rr - t * (1.4 if k == 0 else 1)))
        quad = rect_d(min(x, x + sx * rr), min(y, y + sy * rr), rr, rr)
        parts.append(shapes.intersect(ring, quad))
    parent.path("".join(parts), color)
    parent.circle(x + sx * size * 0.2, y + sy * size * 0.2, size * 0.07, color)
    _diamond(parent, x + sx * size * 1.25, y + sy * t, size * 0.09, color)
    _diamond(parent, x + sx * t, y + sy * size * 1.25, size * 0.09, color)


# -- banner ------------------------------------------------------------------------------------------------


def banner(ctx: Ctx) -> str:
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
    pill_g.path(rect_d(x, y, w, h, h / 2), fill)
    small(ctx, pill_g, text, (x + pad, y + h * 0.29, x + w - pad, y + h * 0.71), on, tracking=100, align="center")
    return (x, y, x + w, y + h)


def _banner_wide(ctx: Ctx, copy: Copy, thumb: bool) -> str:
    if not copy.headline and not copy.lines:
        # nothing to set: the whole width becomes a tile composition carrying the symbol
        from artboard.composer.recipes.layouts import _graphic_poster

        return _graphic_poster(ctx).replace("poster-", "banner-")
    s, rng = ctx.scheme, ctx.rng
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    gnd = ground(ctx)
    icon = subject_icon(ctx)
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
        fill = s.primary if kind == "thumb-block" else s.ink
        if s.background is not None:
            back.rect(0, 0, W, H, fill)
            text_bg = fill
        if kind == "thumb-frame":
            edge = visible(ctx, text_bg, s.accent, s.primary, ratio=1.8)
            _frame_rule(
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
        back.path(
            shapes.difference(circle_d(art_cx, art_cy, art_r * 1.42), circle_d(art_cx, art_cy, art_r * 1.34)), disc
        )
        sym_bg = disc
        split = art_cx - art_r * 1.5
    elif kind == "diagonal":
        back.polygon([(split + W * 0.06, 0), (W, 0), (W, H), (split - W * 0.04, H)], s.primary)
        sym_bg = s.primary
        back.circle(art_cx + W * 0.02, art_cy, art_r * 1.05, visible(ctx, s.primary, s.secondary, s.accent))
        sym_bg = visible(ctx, s.primary, s.secondary, s.accent)
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
        back.path(arch_d(art_cx - aw / 2, H, aw, H * 0.82), visible(ctx, s.primary, s.secondary, s.accent))
        sym_bg = visible(ctx, s.primary, s.secondary, s.accent)
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
    elif not kind.startswith("thumb"):
        back.path(sun_stripes_d(art_cx, art_cy, art_r * 0.7), readable(ctx, sym_bg, s.on_primary, ratio=1.6))
    # text column, set from the top and then centred as one group on the optical centre
    ink = readable(ctx, text_bg)
    tx0, tx1 = m, split - m * 0.8
    col = front.group("copy")
    lines = copy.lines[:2]
    extra = (short * 0.07 * len(lines)) + (short * 0.2 if copy.cta else 0)
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
    for line in lines:
        blk = small(ctx, col, line, (tx0, y, tx1, y + short * 0.045), ink, tracking=120)
        y = blk.bbox[3] + short * 0.03
    bottom_y = y - short * 0.03
    if copy.cta:
        pill_box = _cta(ctx, col, copy.cta, tx0, y + short * 0.02, short * 0.11, text_bg, max_w=tx1 - tx0)
        bottom_y = pill_box[3]
    dy = H * 0.49 - (top_y + bottom_y) / 2
    dy = max(m - top_y, min(dy, H - m - bottom_y))
    if abs(dy) > 0.5:
        col.attrs["transform"] = f"translate(0 {dy:.2f})"
    return f"banner-{kind}"


def _banner_stacked(ctx: Ctx, copy: Copy, thumb: bool) -> str:
    s, rng = ctx.scheme, ctx.rng
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    gnd = ground(ctx)
    icon = subject_icon(ctx)
    art = ctx.canvas.group("banner")
    back, front = art.group("shapes"), art.group("type")
    ink = readable(ctx, gnd)
    has_text = copy.headline is not None
    art_h = H * (0.5 if has_text else 0.8)
    kind = ("blob", "disc", "rainbow")[rng.randrange(3)]
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
    if not has_text:
        return f"banner-stacked-{kind}"
    lines = copy.lines[:2]
    extra = short * 0.06 * len(lines) + (short * 0.16 if copy.cta else 0)
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
    for line in lines:
        blk = small(ctx, front, line, (m, y, W - m, y + short * 0.04), ink, align="center")
        y = blk.bbox[3] + short * 0.025
    if copy.cta:
        _cta(ctx, front, copy.cta, W / 2, y + short * 0.015, short * 0.1, gnd, align="center", max_w=W - 2 * m)
    return f"banner-stacked-{kind}"


# -- card / invitation / menu / sign -------------------------------------------------------------------------


def card(ctx: Ctx) -> str:
    b = ctx.brief
    copy = copy_for(ctx)
    words = set(b.words)
    if words & {"menu", "signage", "board", "chalkboard"} or re.search(r"\bsign\b(?!\s+up)", b.prompt, re.I):
        return _card_menu(ctx, copy)
    if b.has("playful") or words & {"birthday", "party", "kids", "baby", "congratulations", "congrats"}:
        return _card_playful(ctx, copy)
    return _card_formal(ctx, copy)


def _script_ok(ctx: Ctx, text: str) -> bool:
    return len(text) <= 28


def sprig_d(x0: float, y0: float, x1: float, y1: float, bend: float, leaves: int, leaf: float, thick: float) -> str:
    """A botanical sprig: a curved stem with alternating leaves that shrink towards the tip."""
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    nx, ny = -(y1 - y0) / length, (x1 - x0) / length
    qx, qy = (x0 + x1) / 2 + nx * bend, (y0 + y1) / 2 + ny * bend
    parts = [shapes.stroke_outline(f"M{x0:.2f} {y0:.2f}Q{qx:.2f} {qy:.2f} {x1:.2f} {y1:.2f}", thick)]

    def leaf_at(t: float, side: int, size: float, spread: float) -> str:
        px = (1 - t) ** 2 * x0 + 2 * (1 - t) * t * qx + t * t * x1
        py = (1 - t) ** 2 * y0 + 2 * (1 - t) * t * qy + t * t * y1
        tx = 2 * (1 - t) * (qx - x0) + 2 * t * (x1 - qx)
        ty = 2 * (1 - t) * (qy - y0) + 2 * t * (y1 - qy)
        ang = math.atan2(ty, tx) + side * math.radians(spread)
        ca, sa = math.cos(ang), math.sin(ang)
        cx, cy = px + ca * size * 0.5, py + sa * size * 0.5
        pts = []
        for k in range(24):
            th = 2 * math.pi * k / 24
            lx = size / 2 * math.cos(th)
            ly = size * 0.2 * math.sin(th) * (0.55 + 0.45 * abs(math.sin(th)))
            pts.append((cx + lx * ca - ly * sa, cy + lx * sa + ly * ca))
        return polygon_d(pts)

    for i in range(leaves):
        t = 0.12 + 0.8 * i / max(1, leaves - 1)
        parts.append(leaf_at(t, 1 if i % 2 == 0 else -1, leaf * (1 - 0.35 * t), 42))
    parts.append(leaf_at(1.0, 0, leaf * 0.7, 0))
    return shapes.union(parts)


def _initials(text: str) -> str | None:
    caps = [w[0] for w in text.split() if w[:1].isalpha() and w[:1].isupper()]
    if len(caps) < 2 or len(caps) > 3:
        return None
    return f" {'&' if '&' in text else ''} ".join(caps).replace("  ", " ")


def _card_formal(ctx: Ctx, copy: Copy) -> str:
    s, rng = ctx.scheme, ctx.rng
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    b = ctx.brief
    elegant = b.has("elegant") or "wedding" in b.words
    if elegant:
        use_family(ctx, ("playfair-display", "dm-serif-display"))
        use_family(ctx, ("great-vibes",), "script")
    gnd = ground(ctx)
    art = ctx.canvas.group("card")
    back = art.group("ornament")
    kinds = ["frame-corners", "arch", "laurel"] if W < H * 1.2 else ["frame-corners", "laurel"]
    initials = _initials(copy.headline or "")
    if initials:
        kinds.append("monogram")
    kind = kinds[rng.randrange(len(kinds))]
    line = visible(ctx, gnd, s.primary, s.secondary, ratio=1.8)
    t = max(1.0, short * 0.003)
    inner_bg = gnd
    if kind == "arch":
        aw = min(W - 2 * m, (H - 2 * m) * 0.72)
        ah = H - 2 * m
        ax = (W - aw) / 2
        panel = s.surface if s.surface != gnd else s.secondary
        back.path(arch_d(ax, m + ah, aw, ah), panel)
        back.path(
            shapes.difference(
                arch_d(ax + short * 0.02, m + ah - short * 0.02, aw - short * 0.04, ah - short * 0.04),
                arch_d(
                    ax + short * 0.02 + t,
                    m + ah - short * 0.02 - t,
                    aw - short * 0.04 - 2 * t,
                    ah - short * 0.04 - 2 * t,
                ),
            ),
            visible(ctx, panel, s.primary, line),
        )
        inner_bg = panel
        cx0, cx1 = ax + aw * 0.12, ax + aw * 0.88
        top, bottom = m + aw * 0.3, m + ah - short * 0.06
    else:
        _frame_rule(back, m * 0.6, m * 0.6, W - 1.2 * m, H - 1.2 * m, t * 1.6, line)
        if kind != "laurel":
            _frame_rule(
                back,
                m * 0.6 + short * 0.018,
                m * 0.6 + short * 0.018,
                W - 1.2 * m - short * 0.036,
                H - 1.2 * m - short * 0.036,
                t,
                line,
            )
        if kind == "frame-corners":
            size = short * 0.09
            o = m * 0.6 + short * 0.03
            for x, y, sx, sy in ((o, o, 1, 1), (W - o, o, -1, 1), (o, H - o, 1, -1), (W - o, H - o, -1, -1)):
                _corner_flourish(ctx, back, x, y, sx, sy, size, line)
        cx0, cx1 = m * 1.6, W - m * 1.6
        top, bottom = m * 1.5, H - m * 1.5
    content = art.group("content")
    ink = readable(ctx, inner_bg)
    accent_ink = readable(ctx, inner_bg, s.primary, s.secondary)
    leafy = visible(ctx, inner_bg, s.primary, s.secondary, line, ratio=1.8)
    icon = subject_icon(ctx, extra=("wedding",) if "wedding" in b.words else ())
    cw = cx1 - cx0
    avail = bottom - top
    y = 0.0
    if kind == "monogram" and initials:
        rr = min(short * 0.085, avail * 0.12)
        content.path(shapes.difference(circle_d(W / 2, y + rr, rr), circle_d(W / 2, y + rr, rr - t * 1.2)), leafy)
        ctx.text(
            content,
            initials,
            (W / 2 - rr * 0.62, y + rr * 0.55, W / 2 + rr * 0.62, y + rr * 1.45),
            accent_ink,
            max_lines=1,
            name="monogram",
        )
        y += rr * 2 + short * 0.05
    elif kind == "laurel":
        span = min(cw * 0.36, short * 0.26)
        for sx in (-1, 1):
            content.path(
                sprig_d(
                    W / 2 + sx * short * 0.012,
                    y + short * 0.07,
                    W / 2 + sx * span,
                    y + short * 0.02,
                    -sx * short * 0.03,
                    7,
                    short * 0.05,
                    max(1.0, short * 0.004),
                ),
                leafy,
            )
        y += short * 0.12
    elif icon is not None:
        isz = short * 0.1
        ctx.draw_icon(content, icon, W / 2, y + isz / 2, isz, visible(ctx, inner_bg, s.primary, line, ratio=2.0))
        y += isz + short * 0.05
    else:
        _divider(ctx, content, W / 2, y + short * 0.02, min(cw * 0.3, short * 0.18), line, "star")
        y += short * 0.08
    lines = copy.lines[:3]
    head_h = avail * (0.34 if lines else 0.42)
    if copy.headline:
        if elegant and _script_ok(ctx, copy.headline):
            hl = ctx.text(
                content,
                copy.headline,
                (cx0, y, cx1, y + head_h),
                accent_ink,
                purpose="script",
                max_lines=3,
                line_height=1.1,
                align="center",
                valign="top",
                name="headline",
            )
        else:
            upper, tracking = headline_case(ctx, copy.headline)
            hl = ctx.text(
                content,
                copy.headline,
                (cx0, y, cx1, y + head_h * 0.8),
                accent_ink,
                uppercase=upper,
                tracking=tracking + (60 if upper else 0),
                max_lines=3,
                align="center",
                valign="top",
                name="headline",
            )
        y = hl.bbox[3] + short * 0.05
    _divider(ctx, content, W / 2, y, min(cw * 0.32, short * 0.2), line, ("diamond", "dots")[rng.randrange(2)])
    y += short * 0.05
    for ln in lines:
        blk = small(ctx, content, ln, (cx0, y, cx1, y + short * 0.034), ink, align="center", tracking=200, weight=500)
        y = blk.bbox[3] + short * 0.03
    if not lines:
        # the room details would take goes to a quiet ornament: three small stars
        for i in (-1, 0, 1):
            content.polygon(
                star_points(
                    W / 2 + i * short * 0.05,
                    y + short * 0.02,
                    short * (0.014 if i else 0.02),
                    short * (0.006 if i else 0.008),
                ),
                line,
            )
        y += short * 0.04
    # centre the whole stack a little above the middle of the free area
    dy = top + max(0.0, (avail - y) * 0.46)
    content.attrs["transform"] = f"translate(0 {dy:.2f})"
    return f"card-{kind}"


def _confetti(ctx: Ctx, parent: Node, keep_out: Box, colors: Sequence[RGB], count: int = 34) -> None:
    rng, short = ctx.rng, ctx.short
    W, H = ctx.width, ctx.height
    kx0, ky0, kx1, ky1 = keep_out
    placed = 0
    tries = 0
    while placed < count and tries < count * 12:
        tries += 1
        x, y = rng.uniform(short * 0.03, W - short * 0.03), rng.uniform(short * 0.03, H - short * 0.03)
        size = short * rng.uniform(0.012, 0.03)
        if kx0 - size < x < kx1 + size and ky0 - size < y < ky1 + size:
            continue
        col = colors[placed % len(colors)]
        shape = rng.randrange(4)
        if shape == 0:
            parent.circle(x, y, size * 0.6, col)
        elif shape == 1:
            parent.polygon(star_points(x, y, size, size * 0.45, 5, rng.uniform(-90, -60)), col)
        elif shape == 2:
            a = rng.uniform(0, math.pi)
            dx, dy = math.cos(a) * size, math.sin(a) * size
            parent.path(
                shapes.stroke_outline(f"M{x - dx:.2f} {y - dy:.2f}L{x + dx:.2f} {y + dy:.2f}", size * 0.45), col
            )
        else:
            d = (
                f"M{x - size:.2f} {y:.2f}Q{x - size / 2:.2f} {y - size * 0.7:.2f} {x:.2f} {y:.2f}"
                f"T{x + size:.2f} {y:.2f}"
            )
            parent.path(shapes.stroke_outline(d, size * 0.35), col)
        placed += 1


def _card_playful(ctx: Ctx, copy: Copy) -> str:
    s, rng = ctx.scheme, ctx.rng
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    use_family(ctx, ("fredoka", "righteous"))
    gnd = ground(ctx)
    art = ctx.canvas.group("card")
    back, front = art.group("confetti"), art.group("type")
    kind = ("confetti", "blob", "rainbow")[rng.randrange(3)]
    icon = subject_icon(ctx, extra=("birthday",) if "birthday" in ctx.brief.words else ())
    palette = [c for c in (s.primary, s.accent, s.secondary) if contrast_ratio(c, gnd) >= 1.3] or [s.ink]
    text_bg = gnd
    cx0, cx1 = m * 1.3, W - m * 1.3
    top, bottom = H * 0.2, H * 0.86
    if kind == "blob":
        r = min(W, H) * 0.4
        back.path(blob_d(ctx, W / 2, H * 0.52, r * 1.08, r, points=8, jitter=0.1), s.primary)
        text_bg = s.primary
        cx0, cx1 = W / 2 - r * 0.8, W / 2 + r * 0.8
        top, bottom = H * 0.52 - r * 0.62, H * 0.52 + r * 0.72
    elif kind == "rainbow":
        fill_zone(ctx, back, (m, m * 0.8, W - m, H * 0.4), None, gnd, anchor="bottom", kinds=("rainbow",))
        top = H * 0.44
    _confetti(ctx, back, (cx0, top - short * 0.05, cx1, bottom), palette, count=40 if kind != "rainbow" else 22)
    ink = readable(ctx, text_bg)
    y = top
    if icon is not None and kind != "rainbow":
        isz = short * 0.14
        ctx.draw_icon(back, icon, W / 2, y + isz / 2, isz, readable(ctx, text_bg, s.accent, s.primary, ratio=3.0))
        y += isz + short * 0.04
    lines = copy.lines[:2]
    room = bottom - y - short * 0.06 * len(lines)
    if copy.headline:
        words = copy.headline.split()
        hl = ctx.text(
            front,
            copy.headline,
            (cx0, y, cx1, y + room),
            ink,
            max_lines=min(4, len(words)),
            line_height=1.02,
            align="center",
            valign="top",
            name="headline",
        )
        y = hl.bbox[3] + short * 0.04
    for ln in lines:
        blk = small(ctx, front, ln, (cx0, y, cx1, y + short * 0.04), ink, align="center")
        y = blk.bbox[3] + short * 0.025
    return f"card-playful-{kind}"


def _card_menu(ctx: Ctx, copy: Copy) -> str:
    s, rng = ctx.scheme, ctx.rng
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    gnd = ground(ctx)
    art = ctx.canvas.group("menu")
    back, front = art.group("ornament"), art.group("type")
    ink = readable(ctx, gnd)
    line = visible(ctx, gnd, s.accent, s.primary, ratio=1.8)
    t = max(1.0, short * 0.003)
    _frame_rule(back, m * 0.55, m * 0.55, W - 1.1 * m, H - 1.1 * m, t * 2, line, r=short * 0.02)
    icon = subject_icon(ctx)
    kind = ("badge", "arch")[rng.randrange(2)]
    y = m * 1.2
    if copy.headline:
        hl = ctx.text(
            front,
            copy.headline,
            (m * 1.3, y, W - m * 1.3, y + H * 0.2),
            ink,
            uppercase=True,
            tracking=40,
            max_lines=2,
            align="center",
            valign="top",
            name="headline",
        )
        y = hl.bbox[3] + short * 0.04
    _divider(ctx, back, W / 2, y, min(W * 0.3, short * 0.3), line, "star")
    y += short * 0.05
    for ln in copy.lines[:2]:
        blk = small(ctx, front, ln, (m * 1.3, y, W - m * 1.3, y + short * 0.035), ink, align="center")
        y = blk.bbox[3] + short * 0.025
    # the body of the board: an emblem carrying the symbol
    zone_top, zone_bottom = y + short * 0.04, H - m * 1.3
    zh = zone_bottom - zone_top
    if kind == "badge" or zh < short * 0.3:
        r = min(zh * 0.42, W * 0.28)
        cx, cy = W / 2, zone_top + zh / 2
        back.circle(cx, cy, r, s.primary)
        back.path(
            shapes.difference(circle_d(cx, cy, r * 0.9), circle_d(cx, cy, r * 0.9 - t * 1.5)),
            readable(ctx, s.primary, s.on_primary, ratio=2.0),
        )
        if icon is not None:
            ctx.draw_icon(back, icon, cx, cy, r * 1.0, readable(ctx, s.primary, s.on_primary, ratio=3.0))
        for i in (-1, 1):
            back.polygon(star_points(cx + i * r * 1.35, cy, short * 0.018, short * 0.007), line)
    else:
        aw = min(W - 2.6 * m, zh * 0.75)
        panel = s.primary
        back.path(arch_d(W / 2 - aw / 2, zone_bottom, aw, zh), panel)
        inset = short * 0.018
        back.path(
            shapes.difference(
                arch_d(W / 2 - aw / 2 + inset, zone_bottom - inset, aw - 2 * inset, zh - 2 * inset),
                arch_d(
                    W / 2 - aw / 2 + inset + t, zone_bottom - inset - t, aw - 2 * inset - 2 * t, zh - 2 * inset - 2 * t
                ),
            ),
            readable(ctx, panel, s.on_primary, ratio=2.0),
        )
        if icon is not None:
            ctx.draw_icon(
                back, icon, W / 2, zone_bottom - zh * 0.45, aw * 0.5, readable(ctx, panel, s.on_primary, ratio=3.0)
            )
        for i in (-1, 1):
            back.polygon(
                star_points(W / 2 + i * aw * 0.22, zone_bottom - zh * 0.82, short * 0.014, short * 0.006),
                readable(ctx, panel, s.on_primary, ratio=2.0),
            )
    return f"card-menu-{kind}"


# -- label / packaging ---------------------------------------------------------------------------------------


def label(ctx: Ctx) -> str:
    words = set(ctx.brief.words)
    copy = copy_for(ctx)
    rng = ctx.rng
    if words & {"wrapper", "candy", "chocolate", "bar", "snack"}:
        return _label_band(ctx, copy)
    options = ["oval", "bottle", "can"]
    if words & {"can", "beer", "soda", "ipa", "lager"}:
        options = ["can", "can", "oval"]
    elif words & {"bottle", "oil", "wine", "jar", "honey", "sauce"}:
        options = ["bottle", "bottle", "oval"]
    kind = options[rng.randrange(len(options))]
    if kind == "can":
        return _label_can(ctx, copy)
    return _label_shape(ctx, copy, kind)


def product_line(ctx: Ctx, copy: Copy) -> list[str]:
    """Product words from the prompt ("extra virgin", "olive oil", "IPA"), set as small caps lines."""
    b = ctx.brief
    out = list(copy.lines)
    if not copy.headline:
        return out  # no name to set means no label copy at all: never invent a product line alone
    prompt = b.prompt
    for q in b.texts[:1]:
        idx = prompt.find(q)
        if idx >= 0:
            after = prompt[idx + len(q) :].lstrip("\"'”’ ")
            m = re.match(r"([A-Za-z][A-Za-z\- ]{2,30}?)(?:[,.;]|$| with | on | in | for )", after)
            if m:
                phrase = m.group(1).strip()
                first = phrase.split()[0].lower() if phrase else ""
                connector = first in (
                    "with",
                    "on",
                    "in",
                    "for",
                    "and",
                    "featuring",
                    "that",
                    "which",
                    "at",
                    "by",
                    "of",
                    "the",
                    "a",
                    "an",
                    "as",
                    "to",
                    "from",
                    "using",
                    "reads",
                    "called",
                )
                generic = any(w.lower() in ("label", "design", "logo", "style") for w in phrase.split())
                if phrase and not connector and not generic:
                    out.insert(0, phrase.upper())
    for noun in ("olive oil", "craft beer", "coffee", "honey", "hot sauce", "wine", "tea", "chocolate", "soap"):
        if (
            noun in prompt.lower()
            and all(noun.upper() not in o for o in out)
            and all(noun.lower() not in t.lower() for t in b.texts)
        ):
            out.append(noun.upper())
            break
    return out[:3]


def _label_shape(ctx: Ctx, copy: Copy, kind: str) -> str:
    s, rng = ctx.scheme, ctx.rng
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    gnd = ground(ctx)
    art = ctx.canvas.group("label")
    back, front = art.group("shape"), art.group("type")
    icon = subject_icon(ctx, extra=("leaf",) if "olive" in ctx.brief.words else ())
    face = s.primary if rng.random() < 0.6 else (s.surface if s.surface != gnd else s.primary)
    edge = visible(ctx, face, s.accent, s.on_primary, s.ink, ratio=1.8)
    t = max(1.5, short * 0.004)
    if kind == "oval":
        rx = min(W * 0.42, H * 0.55)
        ry = min(H * 0.4, rx * 0.72) if W >= H else min(H * 0.42, rx * 1.25)
        cx, cy = W / 2, H / 2
        outer = ellipse_d(cx, cy, rx, ry)
        back.path(outer, face)
        back.path(
            shapes.difference(
                ellipse_d(cx, cy, rx - short * 0.02, ry - short * 0.02),
                ellipse_d(cx, cy, rx - short * 0.02 - t, ry - short * 0.02 - t),
            ),
            edge,
        )
        back.path(
            shapes.difference(
                ellipse_d(cx, cy, rx - short * 0.035, ry - short * 0.035),
                ellipse_d(cx, cy, rx - short * 0.035 - t * 0.6, ry - short * 0.035 - t * 0.6),
            ),
            edge,
        )
        x0, x1 = cx - rx * 0.68, cx + rx * 0.68
        top, bottom = cy - ry * 0.7, cy + ry * 0.72
    else:  # bottle: an arched-top label panel with a double border
        lw = min(W - 2 * m, H * 0.62)
        lh = min(H - 2 * m, lw * 1.35)
        lx, ly = (W - lw) / 2, (H - lh) / 2 + lh
        back.path(arch_d(lx, ly, lw, lh), face)
        inset = short * 0.022
        back.path(
            shapes.difference(
                arch_d(lx + inset, ly - inset, lw - 2 * inset, lh - 2 * inset),
                arch_d(lx + inset + t, ly - inset - t, lw - 2 * inset - 2 * t, lh - 2 * inset - 2 * t),
            ),
            edge,
        )
        x0, x1 = lx + lw * 0.12, lx + lw * 0.88
        top, bottom = ly - lh + lw * 0.22, ly - inset * 2.5
        cx = W / 2
    ink = readable(ctx, face, s.on_primary)
    hi = readable(ctx, face, s.accent, s.on_primary)
    details = product_line(ctx, copy)
    avail = bottom - top
    y = top
    if icon is not None:
        isz = avail * 0.26
        ctx.draw_icon(back, icon, cx, y + isz / 2, isz, readable(ctx, face, s.accent, s.on_primary, ratio=3.0))
        y += isz + avail * 0.05
    if copy.headline:
        upper, tracking = headline_case(ctx, copy.headline)
        hl = ctx.text(
            front,
            copy.headline,
            (x0, y, x1, y + avail * 0.3),
            ink,
            uppercase=upper,
            tracking=tracking + 30,
            max_lines=2,
            align="center",
            valign="top",
            name="headline",
        )
        y = hl.bbox[3] + avail * 0.05
    if details:
        half = (x1 - x0) * 0.3
        ribbon = kind == "bottle" and rng.random() < 0.6
        if ribbon:
            rh = avail * 0.12
            band = visible(ctx, face, s.accent, s.secondary, s.ink, ratio=1.6)
            back.polygon(
                [
                    (x0 - (x1 - x0) * 0.12, y),
                    (x1 + (x1 - x0) * 0.12, y),
                    (x1 + (x1 - x0) * 0.06, y + rh / 2),
                    (x1 + (x1 - x0) * 0.12, y + rh),
                    (x0 - (x1 - x0) * 0.12, y + rh),
                    (x0 - (x1 - x0) * 0.06, y + rh / 2),
                ],
                band,
            )
            small(
                ctx,
                front,
                details[0],
                (x0, y + rh * 0.28, x1, y + rh * 0.72),
                readable(ctx, band),
                align="center",
                tracking=160,
            )
            y += rh + avail * 0.04
            rest = details[1:]
        else:
            _divider(ctx, back, cx, y + avail * 0.02, half, edge, "diamond")
            y += avail * 0.06
            rest = details
        for ln in rest:
            blk = small(
                ctx, front, ln, (x0, y, x1, y + min(avail * 0.06, short * 0.04)), hi, align="center", tracking=180
            )
            y = blk.bbox[3] + avail * 0.03
    else:
        _divider(ctx, back, cx, y + avail * 0.03, (x1 - x0) * 0.3, edge, "star")
    return f"label-{kind}"


def _label_can(ctx: Ctx, copy: Copy) -> str:
    """A can wrap: full-bleed colour, bands top and bottom, a big disc with the symbol and the name."""
    s, rng = ctx.scheme, ctx.rng
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    gnd = ground(ctx)
    art = ctx.canvas.group("label")
    back, front = art.group("shape"), art.group("type")
    icon = subject_icon(ctx)
    body = s.primary
    if s.background is not None:
        back.rect(0, 0, W, H, body)
    else:
        body = gnd
    band = visible(ctx, body, s.accent, s.secondary, ratio=1.6)
    band2 = visible(ctx, body, s.secondary, s.on_primary, ratio=1.4)
    bh = H * 0.06
    for y0, sign in ((m * 0.5, 1), (H - m * 0.5 - bh, -1)):
        back.rect(0, y0, W, bh, band)
        back.rect(0, y0 + (bh + short * 0.012 if sign > 0 else -short * 0.02), W, short * 0.008, band2)
    stripes = rng.random() < 0.5
    cy = H * 0.42
    r = min(W * 0.3, H * 0.2)
    if stripes:
        back.path(sun_stripes_d(W / 2, cy, r), band)
    else:
        back.circle(W / 2, cy, r, band)
        back.path(shapes.difference(circle_d(W / 2, cy, r * 1.12), circle_d(W / 2, cy, r * 1.08)), band)
    if icon is not None:
        ctx.draw_icon(
            back,
            icon,
            W / 2,
            cy - (r * 0.1 if stripes else 0),
            r * 1.05,
            readable(ctx, band, body, s.on_primary, ratio=3.0),
        )
    ink = readable(ctx, body, s.on_primary)
    y = cy + r * 1.25 + short * 0.03
    details = product_line(ctx, copy)
    bottom = H - m * 0.5 - bh - short * 0.05 - short * 0.05 * len(details)
    if copy.headline:
        hl = ctx.text(
            front,
            copy.headline,
            (m, y, W - m, max(y + short * 0.1, bottom)),
            ink,
            uppercase=True,
            tracking=20,
            max_lines=3,
            align="center",
            valign="top",
            line_height=0.95,
            name="headline",
        )
        y = hl.bbox[3] + short * 0.035
    for ln in details:
        blk = small(ctx, front, ln, (m, y, W - m, y + short * 0.035), ink, align="center", tracking=220)
        y = blk.bbox[3] + short * 0.02
    return "label-can"


def pixel_icon(
    ctx: Ctx, parent: Node, icon: icons.Icon, cx: float, cy: float, size: float, color: RGB, cells: int = 16
) -> None:
    """The symbol as a grid of square pixels (for "pixel", "8-bit" prompts)."""
    from PIL import Image

    from artboard.render import render_png

    vx, vy, vw, vh = icon.viewbox
    paths = icons.icon_as_fill_paths(icon)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{cells * 4}" height="{cells * 4}" '
        f'viewBox="{vx} {vy} {vw} {vh}"><g fill="#000">' + "".join(f'<path d="{d}"/>' for d in paths) + "</g></svg>"
    )
    img = (
        Image.open(io.BytesIO(render_png(svg, cells * 4, cells * 4)))
        .convert("RGBA")
        .resize((cells, cells), Image.Resampling.BOX)
    )
    alpha = img.getchannel("A")
    step = size / cells
    x0, y0 = cx - size / 2, cy - size / 2
    d = []
    for j in range(cells):
        for i in range(cells):
            value = alpha.getpixel((i, j))
            if isinstance(value, (int, float)) and value > 110:
                d.append(rect_d(x0 + i * step, y0 + j * step, step * 1.001, step * 1.001))
    parent.path("".join(d), color)


def _label_band(ctx: Ctx, copy: Copy) -> str:
    """A candy wrapper: a band with crimped ends, a centre panel for the name, repeated motifs."""
    s, rng = ctx.scheme, ctx.rng
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    art = ctx.canvas.group("wrapper")
    back, front = art.group("shape"), art.group("type")
    icon = subject_icon(ctx)
    pixel = (
        bool({"pixel", "pixelated", "8-bit", "pixel-art", "retro", "arcade"} & set(ctx.brief.words))
        or "pixel" in ctx.brief.prompt.lower()
    )
    wide = W >= H
    if wide:
        bx0, bx1 = m * 0.5, W - m * 0.5
        by0, by1 = H * 0.5 - min(H * 0.36, W * 0.25), H * 0.5 + min(H * 0.36, W * 0.25)
    else:
        bx0, bx1 = W * 0.5 - min(W * 0.4, H * 0.3), W * 0.5 + min(W * 0.4, H * 0.3)
        by0, by1 = m * 0.5, H - m * 0.5
    body = s.primary
    crimp = short * 0.06
    teeth = 14
    # outline: straight long sides, zig-zag crimped ends
    pts: list[tuple[float, float]] = []
    if wide:
        pts.append((bx0 + crimp, by0))
        pts.append((bx1 - crimp, by0))
        for k in range(teeth + 1):
            pts.append((bx1 - (crimp * 0.2 if k % 2 == 0 else 0), by0 + (by1 - by0) * k / teeth))
        pts.append((bx1 - crimp, by1))
        pts.append((bx0 + crimp, by1))
        for k in range(teeth, -1, -1):
            pts.append((bx0 + (crimp * 0.2 if k % 2 == 0 else 0), by0 + (by1 - by0) * k / teeth))
    else:
        pts.append((bx0, by0 + crimp))
        for k in range(teeth + 1):
            pts.append((bx0 + (bx1 - bx0) * k / teeth, by0 + (crimp * 0.2 if k % 2 == 0 else 0)))
        pts.append((bx1, by0 + crimp))
        pts.append((bx1, by1 - crimp))
        for k in range(teeth, -1, -1):
            pts.append((bx0 + (bx1 - bx0) * k / teeth, by1 - (crimp * 0.2 if k % 2 == 0 else 0)))
        pts.append((bx0, by1 - crimp))
    outline = polygon_d(pts)
    back.path(outline, body)
    seam = visible(ctx, body, s.accent, s.secondary, s.on_primary, ratio=1.5)
    # crimp lines near the ends
    for i in range(4):
        if wide:
            for x in (bx0 + crimp * (1.2 + 0.35 * i), bx1 - crimp * (1.2 + 0.35 * i)):
                back.rect(x - short * 0.002, by0, short * 0.004, by1 - by0, seam)
        else:
            for y in (by0 + crimp * (1.2 + 0.35 * i), by1 - crimp * (1.2 + 0.35 * i)):
                back.rect(bx0, y - short * 0.002, bx1 - bx0, short * 0.004, seam)
    # centre panel
    pw = (bx1 - bx0) * (0.56 if wide else 0.82)
    ph = (by1 - by0) * (0.74 if wide else 0.5)
    pcx, pcy = (bx0 + bx1) / 2, (by0 + by1) / 2
    panel = s.surface if contrast_ratio(s.surface, body) > 1.5 else readable(ctx, body, s.on_primary, ratio=1.5)
    back.path(rect_d(pcx - pw / 2, pcy - ph / 2, pw, ph, short * 0.03), panel)
    back.path(
        shapes.difference(
            rect_d(
                pcx - pw / 2 + short * 0.015,
                pcy - ph / 2 + short * 0.015,
                pw - short * 0.03,
                ph - short * 0.03,
                short * 0.02,
            ),
            rect_d(
                pcx - pw / 2 + short * 0.015 + 2,
                pcy - ph / 2 + short * 0.015 + 2,
                pw - short * 0.03 - 4,
                ph - short * 0.03 - 4,
                short * 0.02,
            ),
        ),
        visible(ctx, panel, s.primary, s.accent),
    )
    # motif scatter on the wings
    wing = visible(ctx, body, s.accent, s.secondary, s.on_primary, ratio=1.5)
    if wide:
        wing_boxes = [
            (bx0 + crimp * 2.8, by0, pcx - pw / 2 - short * 0.02, by1),
            (pcx + pw / 2 + short * 0.02, by0, bx1 - crimp * 2.8, by1),
        ]
    else:
        wing_boxes = [
            (bx0, by0 + crimp * 2.8, bx1, pcy - ph / 2 - short * 0.02),
            (bx0, pcy + ph / 2 + short * 0.02, bx1, by1 - crimp * 2.8),
        ]
    motif = ("dots", "stripes", "stars")[rng.randrange(3)]
    for wx0, wy0, wx1, wy1 in wing_boxes:
        if wx1 - wx0 > short * 0.04 and wy1 - wy0 > short * 0.04:
            step = min(wx1 - wx0, wy1 - wy0) / 2.2
            if motif == "dots":
                dot_grid(
                    back,
                    wx0 + step * 0.5,
                    wy0 + step * 0.5,
                    wx1 - step * 0.5,
                    wy1 - step * 0.5,
                    step,
                    step * 0.18,
                    wing,
                )
            elif motif == "stripes":  # diagonal candy stripes, clipped to the wing
                band_w = short * 0.03
                span = (wx1 - wx0) + (wy1 - wy0)
                parts: list[str] = []
                off = 0.0
                while off < span:
                    parts.append(
                        polygon_d(
                            [
                                (wx0 + off, wy0),
                                (wx0 + off + band_w, wy0),
                                (wx0 + off + band_w - (wy1 - wy0), wy1),
                                (wx0 + off - (wy1 - wy0), wy1),
                            ]
                        )
                    )
                    off += band_w * 2.4
                back.path(shapes.intersect("".join(parts), rect_d(wx0, wy0, wx1 - wx0, wy1 - wy0)), wing)
            else:
                nx = max(1, int((wx1 - wx0) / step))
                ny = max(1, int((wy1 - wy0) / step))
                for j in range(ny):
                    for i in range(nx):
                        sx = wx0 + (wx1 - wx0) * (i + 0.5) / nx
                        sy = wy0 + (wy1 - wy0) * (j + 0.5) / ny
                        back.polygon(star_points(sx, sy, step * 0.22, step * 0.09, 5, -90 + 15 * ((i + j) % 2)), wing)
    ink = readable(ctx, panel, s.primary, s.ink)
    ix0, ix1 = pcx - pw / 2 + short * 0.05, pcx + pw / 2 - short * 0.05
    iy0, iy1 = pcy - ph / 2 + short * 0.05, pcy + ph / 2 - short * 0.05
    if icon is not None:
        col = readable(ctx, panel, s.primary, s.accent, ratio=3.0)
        side = copy.headline is not None and (ix1 - ix0) > (iy1 - iy0) * 2.2
        if side:  # a wide panel: the symbol to the left of the name, as tall as the panel allows
            isz = (iy1 - iy0) * 0.9
            icx, icy = ix0 + isz / 2, pcy
            ix0 += isz + short * 0.04
        else:
            isz = (iy1 - iy0) * (0.42 if copy.headline else 0.8)
            icx, icy = pcx, (iy0 + isz / 2 if copy.headline else pcy)
            iy0 += isz + short * 0.02
        if pixel:
            pixel_icon(ctx, back, icon, icx, icy, isz, col, cells=20)
        else:
            ctx.draw_icon(back, icon, icx, icy, isz, col)
    if copy.headline:
        if pixel:
            use_family(ctx, ("space-mono", "unbounded"))
        details = product_line(ctx, copy)
        hl = ctx.text(
            front,
            copy.headline,
            (ix0, iy0, ix1, iy1 - (short * 0.05 if details else 0)),
            ink,
            uppercase=True,
            tracking=30,
            max_lines=2,
            align="center",
            name="headline",
        )
        if details:
            small(ctx, front, details[0], (ix0, hl.bbox[3] + short * 0.015, ix1, iy1), ink, align="center")
    return f"label-wrapper-{motif}" + ("-pixel" if pixel else "")


# -- t-shirt graphic -----------------------------------------------------------------------------------------


def tshirt(ctx: Ctx) -> str:
    copy = copy_for(ctx)
    rng = ctx.rng
    options = ["arched", "stacked", "badge"]
    if copy.headline and len(copy.headline) > 24:
        options = ["stacked", "badge"]
    if not copy.headline:
        options = ["badge-plain", "emblem"]
    kind = options[rng.randrange(len(options))]
    if kind == "stacked":
        return _tee_stacked(ctx, copy)
    return _tee_emblem(ctx, copy, kind)


def _emblem_scene(ctx: Ctx, parent: Node, cx: float, cy: float, r: float, icon: icons.Icon | None) -> RGB:
    """A disc with a little scene inside (sun stripes and mountains, or the subject symbol); returns its fill."""
    s, rng = ctx.scheme, ctx.rng
    gnd = ground(ctx)
    disc = s.primary
    clip = circle_d(cx, cy, r)
    words = set(ctx.brief.words)
    if words & {"mountain", "mountains", "hike", "hiking", "camp", "camping", "outdoors", "trail", "adventure"}:
        parent.path(clip, visible(ctx, gnd, s.surface, s.secondary, ratio=1.1) if s.surface != gnd else s.secondary)
        parent.path(
            shapes.intersect(sun_stripes_d(cx, cy - r * 0.05, r * 0.55), clip),
            visible(ctx, s.surface, s.accent, s.primary),
        )
        body, snow = mountains_d(ctx, cx - r, cx + r, cy + r * 0.55, cy - r * 0.25, 3)
        parent.path(shapes.intersect(body, clip), s.primary)
        parent.path(shapes.intersect(snow, clip), readable(ctx, s.primary, s.surface, ratio=1.6))
        parent.path(
            shapes.intersect(wave_d(cx - r, cx + r, cy + r * 0.5, r * 0.05, 2, cy + r * 1.1), clip),
            readable(ctx, gnd, s.ink, ratio=1.5),
        )
        return s.primary
    if words & {"surf", "ocean", "sea", "beach", "wave", "waves", "sail"} or rng.random() < 0.4:
        parent.path(clip, disc)
        parent.path(
            shapes.intersect(sun_stripes_d(cx, cy + r * 0.05, r * 0.6), clip), visible(ctx, disc, s.accent, s.secondary)
        )
        waves = []
        for i in range(3):
            y = cy + r * (0.35 + 0.22 * i)
            waves.append(wave_d(cx - r, cx + r, y, r * 0.05, 4, y + r * 0.1))
        parent.path(shapes.intersect("".join(waves), clip), readable(ctx, disc, s.on_primary, ratio=1.6))
        if icon is not None and "sun" not in icon.name:
            ctx.draw_icon(parent, icon, cx, cy - r * 0.1, r * 0.7, readable(ctx, disc, s.on_primary, ratio=3.0))
        return disc
    parent.path(clip, disc)
    if icon is not None:
        ctx.draw_icon(parent, icon, cx, cy, r * 1.15, readable(ctx, disc, s.on_primary, ratio=3.0))
    return disc


def _tee_emblem(ctx: Ctx, copy: Copy, kind: str) -> str:
    s = ctx.scheme
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    if not ctx.brief.has("elegant", "hand_drawn", "playful"):
        use_family(
            ctx,
            ("alfa-slab-one", "archivo-black", "righteous", "bebas-neue")
            if ctx.brief.has("retro", "vintage")
            else ("archivo-black", "anton", "montserrat"),
        )
    gnd = ground(ctx)
    art = ctx.canvas.group("tshirt")
    back, front = art.group("graphic"), art.group("type")
    ink = readable(ctx, gnd)
    icon = subject_icon(ctx)
    cx = W / 2
    r = short * (0.27 if kind.startswith("badge") else 0.25)
    cy = H / 2 - (short * 0.02 if kind == "arched" else 0)
    lines = copy.lines[:1]
    if kind == "arched":
        cy = H / 2 + short * 0.06
    _emblem_scene(ctx, back, cx, cy, r, icon)
    ring = visible(ctx, gnd, s.accent, s.primary, ratio=1.5)
    t = short * 0.008
    back.path(shapes.difference(circle_d(cx, cy, r + t * 2.2), circle_d(cx, cy, r + t * 1.2)), ink)
    if kind == "emblem":  # no text: a sunburst of rays and a crown of stars around the scene
        from artboard.composer.recipes.layouts import rays_d

        back.path(rays_d(cx, cy, r * 1.14, r * 1.45, 32, 4.0), ring)
        for i in (-1, 0, 1):
            back.polygon(
                star_points(
                    cx + i * r * 0.3,
                    cy - r * 1.62 + abs(i) * r * 0.06,
                    short * (0.03 if i == 0 else 0.02),
                    short * (0.012 if i == 0 else 0.008),
                ),
                ink,
            )
        return "tshirt-emblem"
    if kind.startswith("badge"):
        ro, ri = r * 1.42, r * 1.06
        back.path(shapes.difference(circle_d(cx, cy, ro), circle_d(cx, cy, ro - t)), ink)
        back.path(shapes.difference(circle_d(cx, cy, ri + t * 0.6), circle_d(cx, cy, ri)), ink)
        band_mid = (ro + ri) / 2
        size = (ro - ri) * 0.55
        if copy.headline:
            arc_fit(
                ctx,
                front,
                copy.headline.upper(),
                cx,
                cy,
                band_mid - size * 0.36,
                size,
                ink,
                max_sweep_deg=160 if len(copy.headline) <= 24 else 230,
                tracking=120,
            )
        if lines:
            arc_fit(
                ctx,
                front,
                lines[0].upper(),
                cx,
                cy,
                band_mid + size * 0.36,
                size * 0.8,
                ink,
                max_sweep_deg=110,
                inside=True,
                tracking=160,
                purpose="body",
                weight=700,
            )
        if not copy.headline:  # the text band becomes a ring of dots
            n = 36
            for k in range(n):
                ang = 2 * math.pi * k / n
                back.circle(cx + band_mid * math.cos(ang), cy + band_mid * math.sin(ang), (ro - ri) * 0.09, ring)
        long_arc = bool(copy.headline) and len(copy.headline or "") > 24
        for side in (-1, 1) if not long_arc else ():
            a = math.radians(180 if side < 0 else 0)
            back.polygon(
                star_points(cx + band_mid * math.cos(a), cy + band_mid * math.sin(a), size * 0.5, size * 0.2), ring
            )
        return "tshirt-badge" if copy.headline else "tshirt-badge-plain"
    # arched headline over the emblem, a ribbon or rule with the rest underneath
    text = (copy.headline or "").upper()
    upper_size = short * 0.12
    block = arc_fit(ctx, front, text, cx, cy, r + short * 0.06, upper_size, ink, max_sweep_deg=150, tracking=60)
    del block
    y = cy + r + short * 0.07
    if lines:
        rw = min(W - 2 * m, r * 2.6)
        rh = short * 0.085
        band = s.primary
        back.polygon(
            [
                (cx - rw / 2 - rh * 0.6, y),
                (cx + rw / 2 + rh * 0.6, y),
                (cx + rw / 2 + rh * 0.2, y + rh / 2),
                (cx + rw / 2 + rh * 0.6, y + rh),
                (cx - rw / 2 - rh * 0.6, y + rh),
                (cx - rw / 2 - rh * 0.2, y + rh / 2),
            ],
            band,
        )
        small(
            ctx,
            front,
            lines[0],
            (cx - rw / 2, y + rh * 0.25, cx + rw / 2, y + rh * 0.75),
            readable(ctx, band, s.on_primary),
            align="center",
            tracking=200,
            weight=700,
        )
    else:
        for i in (-1, 0, 1):
            back.polygon(
                star_points(
                    cx + i * short * 0.06,
                    y + short * 0.02,
                    short * (0.022 if i == 0 else 0.016),
                    short * (0.009 if i == 0 else 0.007),
                ),
                ring,
            )
    return "tshirt-arched"


def _tee_stacked(ctx: Ctx, copy: Copy) -> str:
    s = ctx.scheme
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    if not ctx.brief.has("elegant", "hand_drawn", "playful"):
        use_family(ctx, ("anton", "bebas-neue", "alfa-slab-one", "archivo-black"))
    gnd = ground(ctx)
    art = ctx.canvas.group("tshirt")
    back, front = art.group("graphic"), art.group("type")
    ink = readable(ctx, gnd)
    hi = readable(ctx, gnd, s.primary, ratio=3.0)
    icon = subject_icon(ctx)
    words = (copy.headline or "").upper().split()
    if len(words) >= 3:
        cut = max(1, len(words) // 2)
        top_txt, bottom_txt = " ".join(words[:cut]), " ".join(words[cut:])
    elif len(words) == 2:
        top_txt, bottom_txt = words
    else:
        top_txt, bottom_txt = " ".join(words), ""
    gw = min(W - 2 * m * 1.4, short * 0.78)
    x0, x1 = (W - gw) / 2, (W + gw) / 2
    sun_r = gw * 0.3
    lines_each = 2 if len(words) > 4 else 1
    total = sun_r * 1.25 + short * 0.36 * (1.4 if lines_each > 1 else 1)
    y = (H - total) / 2 - short * 0.02
    t1 = ctx.text(
        front,
        top_txt,
        (x0, y, x1, y + short * 0.17 * (1.4 if lines_each > 1 else 1)),
        ink,
        uppercase=True,
        max_lines=lines_each,
        valign="bottom",
        line_height=1.0,
        name="headline",
    )
    y = t1.bbox[3] + short * 0.03
    # the centre piece: a striped half sun with the symbol rising from it
    cy = y + sun_r
    disc = s.primary
    half = shapes.intersect(
        sun_stripes_d(W / 2, cy, sun_r), rect_d(W / 2 - sun_r - 2, cy - sun_r - 2, 2 * sun_r + 4, sun_r + 2)
    )
    back.path(half, disc)
    back.rect(x0, cy + short * 0.008, gw, short * 0.012, ink)
    if icon is not None:
        ctx.draw_icon(
            back,
            icon,
            W / 2,
            cy - sun_r * 0.55,
            sun_r * 0.8,
            readable(ctx, disc, s.on_primary, ratio=3.0) if "sun" not in icon.name else ink,
        )
    y = cy + short * 0.05
    if bottom_txt:
        t2 = ctx.text(
            front,
            bottom_txt,
            (x0, y, x1, y + short * 0.17 * (1.4 if lines_each > 1 else 1)),
            hi,
            uppercase=True,
            max_lines=lines_each,
            line_height=1.0,
            valign="top",
            name="headline",
        )
        y = t2.bbox[3] + short * 0.03
    for ln in copy.lines[:1]:
        small(ctx, front, ln, (x0, y, x1, y + short * 0.035), ink, align="center", tracking=300)
    return "tshirt-stacked"
