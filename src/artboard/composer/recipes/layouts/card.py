"""Cards, invitations, menus and signs."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from artboard.colors import RGB, contrast_ratio
from artboard.composer import shapes
from artboard.composer.canvas import Node, star_points
from artboard.composer.context import Box, Ctx

if TYPE_CHECKING:
    from artboard.composer.arrange import Group
from artboard.composer.recipes.layouts import card_scene
from artboard.composer.recipes.layouts.certificate import certificate, is_certificate
from artboard.composer.recipes.layouts.common import ground, headline_case, readable, small_lines, use_family, visible
from artboard.composer.recipes.layouts.copy_text import MENU_RE, Copy, copy_for, is_instruction, subject_icon
from artboard.composer.recipes.layouts.geometry import arch_d, arch_frame_d, blob_d, ring_d, sprig_d
from artboard.composer.recipes.layouts.motifs import corner_flourish, divider, fill_zone, frame_rule

_PERSONAL_OCCASIONS = frozenset(
    "wedding invitation invite engagement anniversary birthday shower christening baptism bar bat mitzvah "
    "retirement farewell graduation rsvp".split()
)

_SCRIPT_MAX = 28  # longer names than this are set in the display face: a script face reads only when short


def card(ctx: Ctx) -> str:
    """A card, invitation, menu or sign: a menu board, a playful party card, or a formal framed card."""
    b = ctx.brief
    copy = copy_for(ctx)
    words = set(b.words)
    if words & {"menu", "signage", "board", "chalkboard"} or re.search(r"\bsign\b(?!\s+up)", b.prompt, re.I):
        return _card_menu(ctx, copy)
    if is_certificate(ctx, copy):
        return certificate(ctx, copy)
    if card_scene.wanted(ctx):
        return card_scene.scene_card(ctx, copy)  # "a snowy cabin, pine trees and falling snow": the place, pictured
    if b.has("playful") or words & {"birthday", "party", "kids", "baby", "congratulations", "congrats"}:
        return _card_playful(ctx, copy)
    return _card_formal(ctx, copy)


def _initials(text: str) -> str | None:
    """ "A & J" for "Anna & James": two or three capitals, else None."""
    caps = [w[0] for w in text.split() if w[:1].isalpha() and w[:1].isupper()]
    if len(caps) < 2 or len(caps) > 3:
        return None
    return f" {'&' if '&' in text else ''} ".join(caps).replace("  ", " ")


def _card_formal(ctx: Ctx, copy: Copy) -> str:
    """A framed, arched, laurelled or monogrammed card with the copy centred as one stack."""
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
    # A monogram is of people's names ("Anna & James", "for Maya"), never of "Thank You" or "Python".
    personal = bool(re.fullmatch(r"[A-Z][\w'’-]+\s+(?:&|and|\+)\s+[A-Z][\w'’-]+", copy.headline or "")) or (
        copy.derived and bool(b.words & _PERSONAL_OCCASIONS)
    )
    initials = _initials(copy.headline or "") if personal else ""
    group = _named_art(ctx)
    if initials and group is None:
        kinds.append("monogram")
    kind = kinds[rng.randrange(len(kinds))]
    # A second named colour ("sage green and gold") takes the rules and ornaments; the first the type and art.
    second = s.accent if s.accent in b.colors and s.accent != s.primary else s.primary
    line = visible(ctx, gnd, second, s.primary, s.secondary, ratio=1.8)
    t = max(1.0, short * 0.003)
    inner_bg = gnd
    if kind == "arch":
        aw = min(W - 2 * m, (H - 2 * m) * 0.72)
        ah = H - 2 * m
        ax = (W - aw) / 2
        panel = s.surface if s.surface != gnd else s.secondary
        back.path(arch_d(ax, m + ah, aw, ah), panel)
        back.path(
            arch_frame_d(ax + short * 0.02, m + ah - short * 0.02, aw - short * 0.04, ah - short * 0.04, t),
            visible(ctx, panel, s.primary, line),
        )
        inner_bg = panel
        cx0, cx1 = ax + aw * 0.12, ax + aw * 0.88
        top, bottom = m + aw * 0.3, m + ah - short * 0.06
    else:
        frame_rule(back, m * 0.6, m * 0.6, W - 1.2 * m, H - 1.2 * m, t * 1.6, line)
        if kind != "laurel":
            frame_rule(
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
                corner_flourish(ctx, back, x, y, sx, sy, size, line)
        cx0, cx1 = m * 1.6, W - m * 1.6
        top, bottom = m * 1.5, H - m * 1.5
    content = art.group("content")
    ink = readable(ctx, inner_bg)
    accent_ink = readable(ctx, inner_bg, s.primary, s.secondary)
    leafy = visible(ctx, inner_bg, s.primary, s.secondary, line, ratio=1.8)
    wedding = "wedding" in b.words or "save the date" in b.prompt.lower()
    icon = subject_icon(ctx, extra=("wedding",) if wedding else ())
    cw = cx1 - cx0
    avail = bottom - top
    y = 0.0
    if group is not None:
        from artboard.composer.arrange import draw_group

        # "a thank-you card with a bunny holding a carrot": the picture crowns the copy instead of an ornament.
        gs = min(cw * 0.7, avail * (0.34 if copy.lines else 0.4))
        # A picture, not type: the named colour that shows on the card ("sage green" leaves), not only one that reads.
        draw_group(ctx, content, group, (W / 2 - gs / 2, y, W / 2 + gs / 2, y + gs), leafy, knockout=inner_bg)
        y += gs + short * 0.04
        kind = f"{kind}-art"
    elif kind == "monogram" and initials:
        rr = min(short * 0.085, avail * 0.12)
        content.path(ring_d(W / 2, y + rr, rr, rr - t * 1.2), leafy)
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
        divider(ctx, content, W / 2, y + short * 0.02, min(cw * 0.3, short * 0.18), line, "star")
        y += short * 0.08
    lines = copy.lines[:6]  # date and time, venue, town: every line an invitation is given
    head_h = avail * (0.34 if lines else 0.42)
    if copy.headline:
        if elegant and len(copy.headline) <= _SCRIPT_MAX:
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
    worth = next((x for x in lines if _VALUE_RE.fullmatch(x.strip())), None) if b.words & _VOUCHERS else None
    if worth is not None:
        # "a gift card worth $100": the value is what the card is, set large under the name
        lines = [x for x in lines if x != worth]
        vb = ctx.text(
            content, worth, (cx0, y, cx1, y + short * 0.1), accent_ink, max_lines=1, align="center", name="value"
        )
        y = vb.bbox[3] + short * 0.04
    divider(ctx, content, W / 2, y, min(cw * 0.32, short * 0.2), line, ("diamond", "dots")[rng.randrange(2)])
    y += short * 0.05
    y = small_lines(ctx, content, lines, cx0, y, cx1, short * 0.034, short * 0.03, ink, tracking=200, weight=500)
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
    # centre the whole stack a little above the middle of the free area; a stack taller than it is scaled to fit
    # (a date under a save-the-date's names ran over the arch)
    if y > avail > 0:
        k = avail / y
        content.attrs["transform"] = f"translate({W / 2 * (1 - k):.2f} {top:.2f}) scale({k:.4f})"
    else:
        dy = top + max(0.0, (avail - y) * 0.46)
        content.attrs["transform"] = f"translate(0 {dy:.2f})"
    return f"card-{kind}"


_VOUCHERS = frozenset({"voucher", "vouchers", "gift"})
_VALUE_RE = re.compile(r"[$€£]\s?\d[\d,.]*|\d[\d,.]*\s?(?:€|eur|usd|gbp)", re.I)


def _confetti(ctx: Ctx, parent: Node, keep_out: Box, colors: Sequence[RGB], count: int = 34) -> None:
    """Scattered dots, stars, sticks and squiggles, kept out of `keep_out`."""
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
    """Confetti, a blob or a rainbow around a rounded headline."""
    s, rng = ctx.scheme, ctx.rng
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    use_family(ctx, ("fredoka", "righteous"))
    gnd = ground(ctx)
    art = ctx.canvas.group("card")
    back, front = art.group("confetti"), art.group("type")
    kind = ("confetti", "blob", "rainbow")[rng.randrange(3)]
    group = _named_art(ctx)
    if group is not None:
        kind = "art"  # "a dinosaur wearing a party hat": what the card is about is its picture
    icon = subject_icon(ctx, extra=("birthday",) if "birthday" in ctx.brief.words else ()) if group is None else None
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
    elif kind == "art" and group is not None:
        from artboard.composer.arrange import draw_group

        art_h = H * (0.46 if copy.headline else 0.7)
        side = min(W - 2 * m, art_h)
        soft = next((c for c in (s.surface, s.secondary) if 1.08 < contrast_ratio(c, gnd) < 2.2), None)
        if soft is not None:
            back.circle(W / 2, m + art_h / 2, side * 0.46, soft)
        draw_group(ctx, front, group, (W / 2 - side / 2, m, W / 2 + side / 2, m + side), s.primary, knockout=gnd)
        top = m + art_h + short * 0.03
    _confetti(ctx, back, (cx0, top - short * 0.05, cx1, bottom), palette, count=40 if kind != "rainbow" else 22)
    ink = readable(ctx, text_bg)
    y = top
    if icon is not None and kind != "rainbow":
        isz = short * 0.14
        ctx.draw_icon(back, icon, W / 2, y + isz / 2, isz, readable(ctx, text_bg, s.accent, s.primary, ratio=3.0))
        y += isz + short * 0.04
    lines = copy.lines[:6]  # every line the user gave: date, time, place, the age, the RSVP
    line_size = short * (0.04 if len(lines) <= 4 else 0.032)
    room = max(short * 0.1, bottom - y - line_size * 1.5 * len(lines))
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
    small_lines(ctx, front, lines, cx0, y, cx1, line_size, short * 0.025, ink)
    return f"card-playful-{kind}"


def _named_art(ctx: Ctx) -> Group | None:
    """The things the prompt names for the card's picture, in flat colour, when it names any besides the
    occasion ("a dinosaur wearing a party hat"); None for a card of words alone."""
    from artboard.composer.arrange import illustration_mode, plan_group

    listed = ctx.brief.items and ctx.brief.subjects  # "card: happy retirement, fishing rod"
    if not listed and not any(t.kind in ("animal", "person", "thing") for t in ctx.brief.things):
        return None
    group = plan_group(ctx, illustration_mode(ctx) or "fill")
    return group if group.placed else None


def _card_menu(ctx: Ctx, copy: Copy) -> str:
    """A framed board: the name and details on top, an emblem (badge or arch) with the symbol below."""
    s, rng = ctx.scheme, ctx.rng
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    gnd = ground(ctx)
    art = ctx.canvas.group("menu")
    back, front = art.group("ornament"), art.group("type")
    ink = readable(ctx, gnd)
    line = visible(ctx, gnd, s.accent, s.primary, ratio=1.8)
    t = max(1.0, short * 0.003)
    frame_rule(back, m * 0.55, m * 0.55, W - 1.1 * m, H - 1.1 * m, t * 2, line, r=short * 0.02)
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
    divider(ctx, back, W / 2, y, min(W * 0.3, short * 0.3), line, "star")
    y += short * 0.05
    dishes = _priced_items(ctx)
    if len(dishes) >= 2 and not any(price for _, price in dishes):
        # What the board offers, without prices: a centred list under the name, the emblem below it.
        names = {d.lower() for d, _ in dishes}
        lead = [line for line in copy.lines if line.lower() not in names][:1]
        listed = [d for d, _ in dishes if not is_instruction(d)][:8]
        size = short * (0.05 if len(listed) <= 4 else 0.04)
        y = small_lines(ctx, front, lead, m * 1.3, y, W - m * 1.3, short * 0.035, short * 0.025, ink)
        for item in listed:
            ctx.text(
                front, item, (m * 1.5, y, W - m * 1.5, y + size), ink, purpose="body", max_lines=1,
                align="center", valign="top", name="item",
            )  # fmt: skip
            y += size * 1.55
        copy = Copy(copy.headline, [], copy.cta, copy.derived)
    elif len(dishes) >= 2:
        # A menu that lists its dishes is a price list: each dish left, its price right, a dotted leader between.
        others = [line for line in copy.lines if not any(line.startswith(d) for d, _ in dishes)]
        y = small_lines(ctx, front, others[:1], m * 1.3, y, W - m * 1.3, short * 0.035, short * 0.025, ink)
        _price_list(ctx, front, dishes, (m * 1.6, y + short * 0.03, W - m * 1.6, H - m * 1.4), ink, line)
        return "card-menu-list"
    y = small_lines(ctx, front, copy.lines[:2], m * 1.3, y, W - m * 1.3, short * 0.035, short * 0.025, ink)
    # the body of the board: an emblem carrying the symbol
    zone_top, zone_bottom = y + short * 0.04, H - m * 1.3
    zh = zone_bottom - zone_top
    if kind == "badge" or zh < short * 0.3:
        r = min(zh * 0.42, W * 0.28)
        cx, cy = W / 2, zone_top + zh / 2
        back.circle(cx, cy, r, s.primary)
        back.path(ring_d(cx, cy, r * 0.9, r * 0.9 - t * 1.5), readable(ctx, s.primary, s.on_primary, ratio=2.0))
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
            arch_frame_d(W / 2 - aw / 2 + inset, zone_bottom - inset, aw - 2 * inset, zh - 2 * inset, t),
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


def _priced_items(ctx: Ctx) -> list[tuple[str, str]]:
    """The menu's dishes with their prices as written ("latte", "$4.50"); a dish without one keeps an empty price."""
    b = ctx.brief
    if not MENU_RE.search(b.prompt) or not b.items:
        return []
    priced = {f.label.lower(): f.text for f in b.figures}
    return [(item, priced.get(item.lower(), "")) for item in b.items[:12]]


def _price_list(ctx: Ctx, parent: Node, dishes: Sequence[tuple[str, str]], box: Box, ink: RGB, leader: RGB) -> None:
    x0, y0, x1, y1 = box
    rows = len(dishes)
    row = min((y1 - y0) / rows, ctx.short * 0.11)  # a board's few dishes read from across the room
    top = y0 + max(0.0, ((y1 - y0) - row * rows) / 2)
    size = row * 0.5
    for k, (dish, price) in enumerate(dishes):
        ry = top + k * row
        name = ctx.text(
            parent,
            dish,
            (x0, ry, x0 + (x1 - x0) * 0.7, ry + size),
            ink,
            purpose="body",
            weight=600,
            align="left",
            max_lines=1,
            name="dish",
        )
        right = x1
        if price:
            cost = ctx.text(
                parent,
                price,
                (x0 + (x1 - x0) * 0.72, ry, x1, ry + size),
                ink,
                purpose="body",
                weight=600,
                align="right",
                max_lines=1,
                name="price",
            )
            right = cost.bbox[0]
        dots_from, dots_to = name.bbox[2] + size * 0.4, right - size * 0.4
        baseline = name.bbox[3] - size * 0.08
        step = max(size * 0.28, 3.0)
        n = int((dots_to - dots_from) / step)
        for i in range(max(0, n)):
            parent.circle(dots_from + i * step, baseline, max(1.0, size * 0.045), leader)
