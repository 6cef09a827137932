"""Labels and packaging: bottle and jar labels, can wraps and candy wrappers."""

from __future__ import annotations

from artboard.colors import RGB, contrast_ratio, oklch
from artboard.composer import shapes
from artboard.composer.canvas import Node, ellipse_d, polygon_d, rect_d, star_points
from artboard.composer.context import Box, Ctx
from artboard.composer.recipes.layouts.common import (
    ground,
    headline_case,
    readable,
    small,
    small_lines,
    use_family,
    visible,
)
from artboard.composer.recipes.layouts.copy_text import Copy, copy_for, product_line, subject_icon
from artboard.composer.recipes.layouts.geometry import (
    arch_d,
    arch_frame_d,
    frame_d,
    ribbon_points,
    ring_d,
    sun_stripes_d,
)
from artboard.composer.recipes.layouts.motifs import divider, dot_grid, pixel_icon


def label(ctx: Ctx) -> str:
    """A label: a candy wrapper band, a can wrap, or an oval or arched bottle label, by the product."""
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


def _label_shape(ctx: Ctx, copy: Copy, kind: str) -> str:
    """An oval or arched bottle label with a double border: symbol, name, then product lines."""
    s, rng = ctx.scheme, ctx.rng
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    gnd = ground(ctx)
    art = ctx.canvas.group("label")
    back, front = art.group("shape"), art.group("type")
    icon = subject_icon(ctx, extra=("leaf",) if "olive" in ctx.brief.words else ())
    # "yellow and black": the named colour is the label's face, the neutral its ground and type
    named_face = s.primary in ctx.brief.colors and oklch(s.primary)[1] > 0.08
    face = s.primary if rng.random() < 0.6 or named_face else (s.surface if s.surface != gnd else s.primary)
    edge = visible(ctx, face, s.accent, s.on_primary, s.ink, ratio=1.8)
    t = ctx.stroke(max(1.5, short * 0.004))
    if kind == "oval":
        rx = min(W * 0.42, H * 0.55)
        ry = min(H * 0.4, rx * 0.72) if W >= H else min(H * 0.42, rx * 1.25)
        cx, cy = W / 2, H / 2
        back.path(ellipse_d(cx, cy, rx, ry), face)
        for inset, thick in ((short * 0.02, t), (short * 0.035, t * 0.6)):  # a double border
            back.path(
                shapes.difference(
                    ellipse_d(cx, cy, rx - inset, ry - inset),
                    ellipse_d(cx, cy, rx - inset - thick, ry - inset - thick),
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
        back.path(arch_frame_d(lx + inset, ly - inset, lw - 2 * inset, lh - 2 * inset, t), edge)
        x0, x1 = lx + lw * 0.12, lx + lw * 0.88
        top, bottom = ly - lh + lw * 0.22, ly - inset * 2.5
        cx = W / 2
    ink = readable(ctx, face, s.on_primary)
    hi = readable(ctx, face, s.accent, s.on_primary)
    details = product_line(ctx, copy)
    avail = bottom - top
    y = top
    inner = art.group("content")  # the symbol and the rules, moved with the type when the block is centred
    art.children.remove(front)
    art.children.append(front)
    if icon is not None:
        alone = not copy.headline and not details  # nothing to set: the symbol is the label, centred and large
        # the picture as large as the copy under it leaves room for: fewer lines, a larger symbol
        share = 0.5 if len(details) <= 1 else 0.42 if len(details) == 2 else 0.32
        isz = avail * ((0.62 if kind == "oval" else 0.5) if alone else share)
        if alone:
            y = top + (avail - isz * 1.2) / 2
        ctx.draw_icon(inner, icon, cx, y + isz / 2, isz, readable(ctx, face, s.accent, s.on_primary, ratio=3.0))
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
            inner.polygon(ribbon_points(x0, x1, y, rh, (x1 - x0) * 0.12, (x1 - x0) * 0.06), band)
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
            divider(ctx, inner, cx, y + avail * 0.02, half, edge, "diamond")
            y += avail * 0.06
            rest = details
        line = min(avail * 0.06, short * 0.04)
        small_lines(ctx, front, rest, x0, y, x1, line, avail * 0.03, hi, tracking=180)
        y += len(rest) * (line + avail * 0.03)
    else:
        divider(ctx, inner, cx, y + avail * 0.03, (x1 - x0) * 0.3, edge, "star")
        y += avail * 0.06
    shift = (bottom - y) / 2
    if shift > avail * 0.04 and (copy.headline or details):
        # a short label's block sits in the middle of its panel, not under the arch with the foot left empty
        for group in (inner, front):
            group.attrs["transform"] = f"translate(0 {shift:.1f})"
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
    details = product_line(ctx, copy)
    # Between the bands: the disc, the name and the product lines, the disc giving way when the words need room.
    top, band_top = m * 0.5 + bh + short * 0.05, H - m * 0.5 - bh - short * 0.04
    words_h = (short * 0.13 if copy.headline else 0.0) + len(details) * short * 0.06
    r = max(short * 0.08, min(W * 0.3, H * 0.2, (band_top - top - words_h - short * 0.06) / 2.5))
    cy = min(H * 0.42, top + r * 1.25)
    if stripes:
        back.path(sun_stripes_d(W / 2, cy, r), band)
    else:
        back.circle(W / 2, cy, r, band)
        back.path(ring_d(W / 2, cy, r * 1.12, r * 1.08), band)
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
    bottom = band_top - short * 0.06 * len(details)
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
    small_lines(ctx, front, details, m, y, W - m, short * 0.035, short * 0.02, ink, tracking=220)
    return "label-can"


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
    back.path(rect_d(pcx - pw / 2, pcy - ph / 2, pw, ph, ctx.corner(short * 0.03, min(pw, ph))), panel)
    inner = ctx.corner(short * 0.02, min(pw, ph) - short * 0.03)
    back.path(
        frame_d(
            pcx - pw / 2 + short * 0.015,
            pcy - ph / 2 + short * 0.015,
            pw - short * 0.03,
            ph - short * 0.03,
            ctx.stroke(2),
            inner,
            inner_r=inner,
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
    for box in wing_boxes:
        _wing_pattern(ctx, back, motif, box, wing)
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
        details = product_line(ctx, copy)[:3]  # "dark roast", "notes of chocolate and cherry", "12 oz"
        line_h = min(short * 0.032, (iy1 - iy0) * 0.12)
        hl = ctx.text(
            front,
            copy.headline,
            (ix0, iy0, ix1, iy1 - (line_h * 1.45 * len(details) + short * 0.01 if details else 0)),
            ink,
            uppercase=True,
            tracking=30,
            max_lines=2,
            align="center",
            name="headline",
        )
        y = hl.bbox[3] + short * 0.015
        for line in details:
            blk = small(ctx, front, line, (ix0, y, ix1, y + line_h), ink, align="center", max_size=line_h)
            y = blk.bbox[3] + line_h * 0.45
    return f"label-wrapper-{motif}" + ("-pixel" if pixel else "")


def _wing_pattern(ctx: Ctx, back: Node, motif: str, box: Box, wing: RGB) -> None:
    """A repeat (dots, diagonal candy stripes or stars) on one wing of the wrapper, beside the centre panel."""
    short = ctx.short
    wx0, wy0, wx1, wy1 = box
    if wx1 - wx0 <= short * 0.04 or wy1 - wy0 <= short * 0.04:
        return
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
