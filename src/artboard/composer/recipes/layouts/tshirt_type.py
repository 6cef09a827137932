"""T-shirt compositions led by type: the headline stacked around the subject, college varsity lettering, a
phrase as the whole design, and a small left-chest pocket print.
"""

from __future__ import annotations

import math
import re

from artboard.composer import shapes
from artboard.composer.canvas import Node, circle_d
from artboard.composer.context import Box, Ctx
from artboard.composer.recipes.layouts.common import advance_per_px, arc_fit, use_family
from artboard.composer.recipes.layouts.tshirt_copy import TeeCopy, put_lines, scratch
from artboard.composer.recipes.layouts.tshirt_styles import (
    Inks,
    column,
    disc,
    draw_subject,
    has_subject,
    print_area,
    settle,
    sheet,
    speckle_d,
    star_d,
    tee_subject,
    union_box,
)

_YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b")

# -- stacked type ------------------------------------------------------------------------------------------


def _split(head: str) -> tuple[str, str]:
    words = head.split()
    if len(words) < 2:
        return head, ""
    # the break nearest the middle of the letters, so the two blocks are of a size
    best = min(range(1, len(words)), key=lambda k: abs(len(" ".join(words[:k])) - len(" ".join(words[k:]))))
    return " ".join(words[:best]), " ".join(words[best:])


def stacked_tee(ctx: Ctx, copy: TeeCopy, inks: Inks) -> str:
    """The headline over and under the subject, which sits between two rules; every line below."""
    sh = sheet(ctx, 0.85, "anton", "bebas-neue", "archivo-black", "alfa-slab-one")
    subject, x0, y0, x1, w, cx = sh.subject, sh.x0, sh.y0, sh.x1, sh.w, sh.cx
    art, back, front = sh.art, sh.back, sh.front
    top, bottom_txt = _split(copy.headline or "")
    rows = min(3, 1 + max(len(top), len(bottom_txt)) // 14)  # a long headline wraps within each block
    hh = w * (0.24, 0.3, 0.36)[rows - 1]
    t1 = ctx.text(
        front,
        top,
        (x0, y0, x1, y0 + hh),
        inks.ink,
        uppercase=True,
        max_lines=rows,
        valign="bottom",
        line_height=0.95,
        name="headline",
    )
    y = t1.bbox[3] + w * 0.04
    # The subject gives up room to the lines under it, so the stack fits the shirt without being shrunk.
    a = w * max(0.22, 0.4 - 0.08 * max(0, len(copy.lines) - 1))
    if not subject.empty:
        clip = circle_d(cx, y + a / 2, a / 2) if subject.scene else None
        if clip:
            back.path(clip, inks.hi)
        draw_subject(
            ctx,
            back,
            subject,
            (cx - a / 2, y, cx + a / 2, y + a),
            inks.on_hi if clip else inks.hi,
            behind=inks.hi if clip else inks.ground,
            scene_inks=(inks.acc, inks.ink, inks.on_hi),
            clip=clip,
        )
        gap = a * 0.62
    else:
        a, gap = w * 0.08, w * 0.06
        back.path(star_d(cx, y + a / 2, a * 0.5), inks.hi)
    rule = w * 0.012
    for side in (-1, 1):
        inner = cx + side * gap
        outer = x1 if side > 0 else x0
        back.rect(min(inner, outer), y + a / 2 - rule / 2, abs(outer - inner), rule, inks.ink)
    y += a + w * 0.04
    if bottom_txt:
        t2 = ctx.text(
            front,
            bottom_txt,
            (x0, y, x1, y + hh),
            inks.hi,
            uppercase=True,
            max_lines=rows,
            valign="top",
            line_height=0.95,
            name="headline",
        )
        y = t2.bbox[3] + w * 0.05
    if copy.lines:
        # One year or word under the stack ("2025", "EST. 1998") reads at a glance only a size up from body copy.
        alone = len(copy.lines) == 1 and len(copy.lines[0]) <= 10
        size = w * (0.068 if alone else 0.044)
        y = put_lines(ctx, front, copy.lines, x0, y, x1, size, inks.ink, tracking=180)
    settle(art, (x0, y0, x1, y), print_area(ctx))
    return "tshirt-stacked"


# -- varsity -----------------------------------------------------------------------------------------------


def varsity_tee(ctx: Ctx, copy: TeeCopy, inks: Inks) -> str:
    """College lettering: the name arched in outlined slab capitals over its last word set big and straight (or
    over big numerals, the year the prompt gives), the mascot between, every line below; a worn print."""
    sh = sheet(ctx, 0.9, "alfa-slab-one", "archivo-black")
    subject, x0, y0, x1, w, cx = sh.subject, sh.x0, sh.y0, sh.x1, sh.w, sh.cx
    art, back, front = sh.art, sh.back, sh.front
    words = (copy.headline or "").split()
    lines = list(copy.lines)
    # Heavily worn only when the prompt asks for wear; otherwise a light wear that never clouds the letters.
    asked = bool(ctx.brief.words & {"distressed", "worn", "vintage", "grunge", "retro", "faded", "weathered"})
    worn = speckle_d(ctx, (x0 - w * 0.1, y0 - w * 0.1, x1 + w * 0.1, y0 + w * 1.6), 900 if asked else 260)
    ctx.info["worn"] = True  # its own wear: no grunge finish over it
    cut = len(words) - 1 if len(words) >= 2 else len(words)
    if len(words) >= 2 and len(words[-1]) <= 3:
        cut -= 1  # "Class of '99", "Team USA": the short last word keeps its neighbour
    arc_txt, big_txt = " ".join(words[:cut]), " ".join(words[cut:])
    year_at = next((i for i, ln in enumerate(lines) if _YEAR_RE.search(ln) and len(ln) <= 14), None)
    arc = 0 < len(arc_txt) <= 24
    y = y0
    if arc_txt:
        if arc:
            size, radius = w * 0.15, w * 0.85
            sweep = math.degrees(2 * math.asin(0.46 * w / radius))
            blk = arc_fit(
                ctx,
                scratch(),
                arc_txt.upper(),
                cx,
                y0 + radius + size * 0.8,
                radius,
                size,
                inks.ink,
                max_sweep_deg=sweep,
                tracking=90,
            )
        else:
            blk = ctx.text(
                scratch(),
                arc_txt,
                (x0, y0, x1, y0 + w * 0.24),
                inks.ink,
                uppercase=True,
                max_lines=2,
                valign="top",
                line_height=0.98,
                name="headline",
            )
        _worn_type(front, blk.d, blk.font_size, inks, worn)
        y = blk.bbox[3] + w * 0.05
    if not subject.empty:
        a = w * (0.3 if big_txt or year_at is not None else 0.42)
        if subject.scene:
            disc(ctx, back, subject, cx, y + a / 2, a / 2, inks)
        else:
            draw_subject(ctx, back, subject, (cx - a / 2, y, cx + a / 2, y + a), inks.hi, behind=inks.ground)
        y += a + w * 0.04
    label = None
    if not big_txt and year_at is not None:  # big numerals: "EST." over "1962"
        line = lines.pop(year_at)
        m = _YEAR_RE.search(line)
        assert m is not None
        label, big_txt = " ".join((line[: m.start()] + " " + line[m.end() :]).split()), m.group(0)
        if label:
            y = put_lines(ctx, front, [label], x0, y, x1, w * 0.045, inks.line, tracking=400)
    if big_txt:
        big = ctx.text(
            scratch(),
            big_txt,
            (x0, y, x1, y + w * 0.27),
            inks.ink,
            uppercase=True,
            max_lines=1,
            tracking=20,
            line_height=1.0,
            valign="top",
            name="headline",
        )
        _worn_type(front, big.d, big.font_size, inks, worn)
        y = big.bbox[3] + w * 0.06
    if lines:
        y = put_lines(ctx, front, lines, x0, y, x1, w * 0.042, inks.line, tracking=180)
    settle(art, (x0, y0, x1, y), print_area(ctx))
    return "tshirt-varsity-arched" if arc else "tshirt-varsity"


def _worn_type(parent: Node, d: str, size: float, inks: Inks, worn: str) -> None:
    """Type with a varsity outline in the second ink, both worn by the same specks."""
    if not d:
        return
    if inks.hi != inks.ink:
        parent.path(shapes.difference(shapes.offset(d, size * 0.07), worn), inks.hi)
    parent.group("headline").path(shapes.difference(d, worn), inks.ink)


# -- a statement, a left-chest print ------------------------------------------------------------------------


_SMALL_WORDS = frozenset("a an the to of and & for in on at is my your our it be with or but".split())


def _statement_rows(text: str, width_chars: int = 8) -> list[tuple[str, bool]]:
    """The phrase as stacked rows: (row, small) where small rows are the connecting words set in script
    between the big ones ("BE KIND" / to your / "MIND")."""
    words = text.split()
    bare = [w.lower().strip(",.!?;:'\"") for w in words]
    segments: list[tuple[list[str], bool]] = []
    cur: list[str] = []
    k = 0
    while k < len(words):
        if bare[k] in _SMALL_WORDS and cur:
            j = k
            while j < len(words) and bare[j] in _SMALL_WORDS:
                j += 1
            if j < len(words) and j - k <= 3:
                segments += [(cur, False), (words[k:j], True)]
                cur, k = [], j
                continue
        cur.append(words[k])
        k += 1
    if cur:
        segments.append((cur, False))
    rows: list[tuple[str, bool]] = []
    for seg, is_small in segments:
        joined = " ".join(seg)
        if is_small:
            rows.append((joined, True))
            continue
        n = min(len(seg), max(1, round(len(joined) / width_chars)))
        if len(seg) == 2 and min(len(w_) for w_ in seg) >= 3 and len(joined) <= 14:
            n = 2  # "DOG" / "DAD", "STAY" / "WILD"
        per = len(joined) / n
        row: list[str] = []
        for word in seg:
            if row and len(" ".join([*row, word])) > per * 1.25 and len(" ".join(row)) > 2:
                rows.append((" ".join(row), False))
                row = []
            row.append(word)
        if row:
            rows.append((" ".join(row), False))
    return rows


def statement_tee(ctx: Ctx, copy: TeeCopy, inks: Inks) -> str:
    """The phrase is the design: rows of condensed capitals each filling the width, connecting words in script
    between them, one row in the second ink, a rule and every secondary line under it."""
    text = copy.headline or ""
    if has_subject(ctx):  # chosen by name ("a statement tee"): what the prompt also names is not drawn, and said
        ctx.info.setdefault("left_out", []).extend(ctx.brief.subjects[:2])
    playful = ctx.brief.has("playful", "hand_drawn") or "funny" in ctx.brief.words
    if not ctx.brief.has("elegant", "hand_drawn"):
        use_family(ctx, ("fredoka", "archivo-black") if playful else ("anton", "bebas-neue", "archivo-black"))
    use_family(ctx, ("pacifico",) if playful or ctx.rng.random() < 0.5 else ("caveat", "pacifico"), "script")
    x0, y0, x1, _ = column(ctx, 0.82)
    w = x1 - x0
    art = ctx.canvas.group("tshirt")
    front = art.group("type")
    rows = _statement_rows(text)
    big = [r for r, s in rows if not s]
    accent_row = max(range(len(big)), key=lambda i: (len(big[i]) <= 12, -abs(len(big[i]) - 7), i)) if big else -1
    y = y0
    n_big = 0
    content: Box | None = None
    for row, is_small in rows:
        if is_small:
            size = w * 0.11
            blk = ctx.text(
                front,
                row,
                (x0 + w * 0.16, y, x1 - w * 0.16, y + size * 1.6),
                inks.acc,
                purpose="script",
                max_lines=1,
                max_size=size,
                valign="top",
                name="headline",
            )
            for side in (-1, 1):  # a short rule each side of the script
                length = w * 0.09
                xr = blk.bbox[0] - w * 0.03 - length if side < 0 else blk.bbox[2] + w * 0.03
                front.rect(xr, (blk.bbox[1] + blk.bbox[3]) / 2, length, w * 0.008, inks.acc)
        else:
            adv = advance_per_px(ctx, row, tracking=10.0, upper=True)
            size = min(w / max(adv, 1e-6) * 0.99, w * 0.36)
            color = inks.hi if n_big == accent_row and len(big) > 1 else inks.ink
            blk = ctx.text(
                front,
                row,
                (x0, y, x1, y + size * 1.6),
                color,
                uppercase=True,
                tracking=10.0,
                max_lines=1,
                max_size=size,
                line_height=1.0,
                valign="top",
                name="headline",
            )
            n_big += 1
        content = blk.bbox if content is None else union_box(content, blk.bbox)
        y = blk.bbox[3] + w * 0.035
    if content is None:
        content = (x0, y0, x1, y0 + 1)
    if copy.lines:
        front.rect(x0 + w * 0.3, y + w * 0.01, w * 0.4, w * 0.01, inks.hi)
        bottom = put_lines(ctx, front, copy.lines, x0, y + w * 0.05, x1, w * 0.042, inks.ink, tracking=200)
        content = union_box(content, (x0, y0, x1, bottom))
    settle(art, content, print_area(ctx))
    return "tshirt-statement"


def pocket_tee(ctx: Ctx, copy: TeeCopy, inks: Inks) -> str:
    """A small left-chest print (the wearer's left: right of centre on the flat shirt): the subject in one ink,
    the name beside or under it, every line under that."""
    if not ctx.brief.has("elegant", "hand_drawn", "playful", "vintage", "retro"):
        use_family(ctx, ("montserrat", "dm-sans", "space-grotesk"))
    subject = tee_subject(ctx, "stroke" if ctx.brief.has("line") else None)
    W, H = ctx.width, ctx.height
    short = ctx.short
    pw = short * 0.36
    cx = W / 2 + min(W, H * 0.9) * 0.2
    line = pw * 0.02 if ctx.brief.has("line") else 0.0
    top = ctx.margin + (H - 2 * ctx.margin) * 0.12
    art = ctx.canvas.group("tshirt")
    back, front = art.group("graphic"), art.group("type")
    side_by_side = bool(copy.headline) and not subject.empty and ctx.rng.random() < 0.5
    x0, x1 = cx - pw / 2, cx + pw / 2
    y = top
    if side_by_side:
        a = pw * 0.36
        draw_subject(
            ctx,
            back,
            subject,
            (x0, y, x0 + a, y + a),
            inks.hi,
            behind=inks.ground,
            scene_inks=(inks.acc, inks.hi, inks.ink),
            clip=circle_d(x0 + a / 2, y + a / 2, a / 2),
        )
        blk = ctx.text(
            front,
            copy.headline or "",
            (x0 + a * 1.15, y, x1 + pw * 0.2, y + a),
            inks.ink,
            uppercase=True,
            max_lines=2,
            align="left",
            line_height=1.0,
            name="headline",
            min_size=short * 0.022,
        )
        y = max(y + a, blk.bbox[3]) + pw * 0.06
    else:
        if not subject.empty:
            a = pw * 0.78
            scene_clip = circle_d(cx, y + a / 2, a / 2) if subject.scene else None
            if scene_clip:
                back.path(
                    shapes.difference(scene_clip, circle_d(cx, y + a / 2, a / 2 - max(line, pw * 0.015))), inks.ink
                )
            draw_subject(
                ctx,
                back,
                subject,
                (cx - a / 2, y, cx + a / 2, y + a),
                inks.hi,
                behind=inks.ground,
                scene_inks=(inks.acc, inks.hi, inks.ink),
                clip=scene_clip,
                line=line,
            )
            y += a + pw * 0.07
        if copy.headline:
            blk = ctx.text(
                front,
                copy.headline,
                (x0 - pw * 0.1, y, x1 + pw * 0.1, y + pw * 0.2),
                inks.ink,
                uppercase=True,
                max_lines=2,
                valign="top",
                line_height=1.0,
                name="headline",
                min_size=short * 0.022,
            )
            y = blk.bbox[3] + pw * 0.06
    if copy.lines:
        y = put_lines(
            ctx, front, copy.lines, x0 - pw * 0.15, y, x1 + pw * 0.15, short * 0.024, inks.ink, tracking=180, weight=600
        )
    return "tshirt-pocket"
