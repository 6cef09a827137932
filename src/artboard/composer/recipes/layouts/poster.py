"""Posters and flyers: the variant picker and the type-led variants (Swiss grid, centred sun, typographic stack).

The picture-led variants (data, scene, geometric, graphic tiles) are in `poster_graphic`.
"""

from __future__ import annotations

import itertools
import math
import re

from artboard.composer.canvas import Node
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics import synthwave
from artboard.composer.recipes.graphics.cast import Stage
from artboard.composer.recipes.layouts import poster_fireworks, poster_groovy, poster_notice
from artboard.composer.recipes.layouts.common import (
    advance_per_px,
    grid,
    ground,
    readable,
    set_details,
    set_headline,
    use_family,
    visible,
)
from artboard.composer.recipes.layouts.copy_text import Copy, copy_for, subject_icon
from artboard.composer.recipes.layouts.geometry import rays_d, ring_d, sun_stripes_d
from artboard.composer.recipes.layouts.motifs import dot_grid, draw_motif, fill_zone, symbol_or_motif
from artboard.composer.recipes.layouts.poster_art import art_poster, synthwave_poster
from artboard.composer.recipes.layouts.poster_deco import deco_poster
from artboard.composer.recipes.layouts.poster_graphic import (
    data_poster,
    geometric_poster,
    graphic_poster,
    scene_poster,
    stage_poster,
)
from artboard.composer.typeset import TextBlock

_DATA_WORDS = frozenset(
    """data information infographic infographics statistics stats chart charts visualization
visualizations visualisation dataviz analytics numbers metrics""".split()
)
_SCENE_WORDS = frozenset(
    """mountain mountains landscape travel beach sea ocean coast lake forest hills alps desert
island valley park trail hiking hike fuji volcano canyon palm tropical""".split()
)


def poster(ctx: Ctx) -> str:
    """A poster or flyer: a data poster when the prompt asks for charts, else a seeded pick among the variants
    that suit the copy (type-led ones need a headline; scenes need a landscape subject)."""
    b = ctx.brief
    copy = copy_for(ctx)
    words = set(b.words)
    if words & _DATA_WORDS:
        return data_poster(ctx, copy)
    if "deco" in words or "gatsby" in words:
        return deco_poster(ctx, copy)  # "art deco poster": fans, stepped frames, tall tracked capitals
    if poster_notice.wanted(copy):
        return poster_notice.notice_poster(ctx, copy)  # "lost cat poster": the animal large, the number to call
    if poster_groovy.wanted(ctx) and copy.headline is not None:
        return poster_groovy.groovy_poster(ctx, copy)  # "retro 70s poster with groovy stripes"
    if synthwave.wanted(ctx) and ctx.scheme.background is not None:
        return synthwave_poster(ctx, copy)  # "synthwave poster": the genre's scene, the title in neon
    if poster_fireworks.wanted(ctx):
        return poster_fireworks.fireworks_poster(ctx, copy)  # "harbour fireworks festival": bursts over the water
    scene = bool(words & _SCENE_WORDS)
    stage = _stage(ctx) if copy.headline is not None else None
    if stage is not None:
        return stage_poster(ctx, copy, stage)
    if copy.headline is None:
        options = ["graphic", "graphic", "sun"] + (["scene", "scene"] if scene else [])
        if b.things and not b.has("geometric", "typographic") and not words & {"abstract", "bauhaus"}:
            # "a minimal poster of a whale swimming under the moon": what is named is the poster's picture.
            options = ["picture"]
    else:
        options = ["swiss-block", "centered-sun", "typographic"]
        pictured = {w for x in b.subjects for w in x.split()} & _SCENE_WORDS
        if pictured:
            # "a yoga retreat in Bali, palm trees, ocean, sunset colours": the place is the poster's picture
            options = ["scene", "scene", "scene", "swiss-block"]
        elif scene:
            options += ["scene", "scene"]  # (a venue's name, "Riverside Park", only suggests one)
        if b.has("typographic", "bold"):
            options.append("typographic")
        if b.has("retro", "vintage"):
            options.append("centered-sun")
        if b.has("geometric", "minimal", "corporate"):
            options.append("swiss-block")
        elif b.things and not b.has("typographic") and not words & {"abstract", "bauhaus", "swiss"}:
            # "a bake sale, cupcakes and cookies": the things, large and in colour, most often (a type-led poster
            # shrinks them to a badge)
            options += ["art", "art", "art", "art"]
            if _ILLUSTRATION_ASKED.search(b.prompt):
                options = ["art"]  # "saxophone illustration", "featuring a fox": the picture asked is the poster's
    if "travel" in words and copy.headline is not None and not b.has("typographic", "geometric", "minimal"):
        # "vintage travel poster for Lake Como": a view of the place, in a deco window when it is vintage.
        options = ["scene", "scene"] + (["deco"] if b.has("vintage", "retro") else [])
    choice = options[ctx.rng.randrange(len(options))]
    if choice == "deco":
        return deco_poster(ctx, copy)
    if choice == "picture":
        from artboard.composer.recipes.graphics import illustration

        return "poster-picture-" + illustration(ctx)
    if choice == "scene":
        return scene_poster(ctx, copy)
    if choice == "typographic":
        return _typo_poster(ctx, copy)
    if choice == "sun":
        return geometric_poster(ctx)
    if choice == "art":
        return art_poster(ctx, copy) or _sun_poster(ctx, copy)
    if choice == "centered-sun":
        return _sun_poster(ctx, copy)
    if choice == "graphic":
        return graphic_poster(ctx)
    return _swiss_poster(ctx, copy)


_ILLUSTRATION_ASKED = re.compile(
    r"\b(?:illustration|illustrated|drawing|artwork|picture|image) of\b|\b\w+ (?:illustration|artwork|drawing)\b"
    r"|\b(?:featuring|showing|with a big|with a large|with an? (?:huge|giant))\b"
    r"|\b(?:an?|the) (?:giant|huge|big|large|oversized) [a-z]",  # "a giant coffee cup with steam": the picture
    re.I,
)


def _stage(ctx: Ctx) -> Stage | None:
    """The staged scene a poster with copy pictures, when figures do something somewhere ("a skier on snowy
    mountains", "kids flying kites on a hill") and the poster is not asked to be type or shapes; else None."""
    from artboard.composer.arrange import illustration_mode
    from artboard.composer.recipes.graphics.cast import plan_stage, wants_stage

    b = ctx.brief
    if b.has("typographic", "geometric", "minimal") or set(b.words) & {"abstract", "bauhaus", "swiss"}:
        return None
    if illustration_mode(ctx) != "color" or ctx.scheme.background is None:
        return None
    stage = plan_stage(ctx)
    # One person is enough on a poster ("a skier on snowy mountains", "a woman meditating on the beach").
    people = any(not f.animal for a in stage.actors for f in a.figures)
    return stage if stage.actors and (wants_stage(ctx) or people) else None


def _swiss_poster(ctx: Ctx, copy: Copy) -> str:
    s, rng = ctx.scheme, ctx.rng
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    g = grid(ctx)
    icon = subject_icon(ctx)
    art = ctx.canvas.group("poster")
    back, front = art.group("shapes"), art.group("type")
    headline = copy.headline or ""
    wide = W > H * 1.15
    side = wide or (W > H * 0.7 and rng.random() < 0.4)
    ink = readable(ctx, ground(ctx))
    motif = ("circles", "half", "bars", "quarter", "stripes", "dots")[rng.randrange(6)]
    if side:
        split = g.span(0, 7)[1] + g.gutter / 2 if not wide else g.span(0, 6)[1] + g.gutter / 2
        back.rect(split, 0, W - split, H, s.primary)
        back.rect(g.x0, m, split - g.x0 - g.gutter * 1.5, short * 0.012, ink)
        hl = set_headline(
            ctx, front, headline, (g.x0, m + short * 0.06, split - g.gutter * 1.5, H * 0.62), ink, max_lines=4
        )
        inner = (split + g.gutter * 1.5, m, W - m, H - m)
        box_w = inner[2] - inner[0]
        motif_box = (inner[0], inner[1], inner[2], inner[1] + min(box_w, (inner[3] - inner[1]) * 0.6))
        draw_motif(
            ctx,
            back,
            motif,
            motif_box,
            visible(ctx, s.primary, s.accent, s.secondary),
            visible(ctx, s.primary, s.secondary, s.on_primary),
        )
        sym = min(box_w * 0.7, (inner[3] - motif_box[3]) * 0.8)
        if icon is not None and sym > short * 0.1:
            ctx.draw_icon(
                back,
                icon,
                (inner[0] + inner[2]) / 2,
                (motif_box[3] + inner[3]) / 2,
                sym,
                readable(ctx, s.primary, s.on_primary, ratio=3.0),
            )
        y = max(hl.bbox[3] + short * 0.06, H - m - short * (0.075 + 0.048 * len(copy.lines)))
        if copy.lines:
            back.rect(g.x0, y, split - g.x0 - g.gutter * 1.5, ctx.stroke(short * 0.004), ink)
            set_details(ctx, front, copy.lines, g.x0, y + short * 0.03, split - g.gutter * 1.5, ink)
        else:
            dot_grid(
                back,
                g.x0,
                y + short * 0.02,
                split - g.gutter * 1.5,
                H - m,
                short * 0.045,
                short * 0.006,
                visible(ctx, ground(ctx), s.accent, s.primary),
            )
        return "poster-swiss-side"
    block_h = H * rng.uniform(0.5, 0.6)
    back.rect(0, 0, W, block_h, s.primary)
    on = readable(ctx, s.primary, s.on_primary)
    hl = set_headline(
        ctx,
        front,
        headline,
        (g.x0, block_h * 0.38, g.span(0, 11)[1], block_h - m * 0.7),
        on,
        valign="bottom",
        max_lines=3,
    )
    mb = (g.span(7, 5)[0], m, g.x1, max(m + short * 0.1, hl.bbox[1] - short * 0.05))
    if mb[3] - mb[1] > short * 0.12:
        side_len = min(mb[2] - mb[0], mb[3] - mb[1])
        draw_motif(
            ctx,
            back,
            motif,
            (mb[2] - side_len, mb[1], mb[2], mb[1] + side_len),
            visible(ctx, s.primary, s.accent, s.secondary),
            visible(ctx, s.primary, s.secondary, s.on_primary),
        )
    # lower zone: rule, details on the left columns, symbol or motif on the right
    top = block_h + short * 0.05
    back.rect(g.x0, top, g.x1 - g.x0, ctx.stroke(short * 0.004), ink)
    bottom = H - m
    if copy.lines:
        set_details(ctx, front, copy.lines, g.x0, top + short * 0.035, g.span(0, 7)[1], ink)
        symbol_or_motif(ctx, back, icon, (g.span(8, 4)[0], top + short * 0.035, g.x1, bottom), ground(ctx), s.primary)
    else:
        zone = (g.x0, top + short * 0.04, g.x1, bottom)
        fill_zone(ctx, back, zone, icon, ground(ctx), kinds=("row", "quarter", "disc"))
    return "poster-swiss-block"


def _sun_poster(ctx: Ctx, copy: Copy) -> str:
    s, rng = ctx.scheme, ctx.rng
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    icon = subject_icon(ctx)
    art = ctx.canvas.group("poster")
    back, front = art.group("shapes"), art.group("type")
    gnd = ground(ctx)
    wide = W > H * 1.15
    has_text = copy.headline is not None
    if wide:
        cx, cy = W * 0.7, H * 0.47
        r = min(W * 0.2, H * 0.3)
    else:
        cy = H * (0.36 if has_text else 0.42)
        r = min(W * 0.34, H * (0.22 if has_text else 0.28))
        cx = W / 2
    style = ("stripes", "rings", "rays", "horizon")[rng.randrange(4)]
    if ctx.brief.has("retro", "vintage") and rng.random() < 0.6:
        style = "stripes"
    if has_text and not wide:
        # The sun gives way to the copy: headline, rule and every detail line fit below it, inside the margin.
        reach = {"rings": 1.34, "rays": 1.5, "stripes": 1.5, "horizon": 1.5}[style]
        copy_room = short * (0.14 + 0.14 + 0.048 * len(copy.lines)) + m
        sun_bottom = H - copy_room
        r = max(short * 0.08, min(r, (sun_bottom - m * 0.8) / (2 * reach)))
        cy = min(cy, sun_bottom - reach * r)
    sun = s.primary
    halo = visible(ctx, gnd, s.accent, s.secondary)
    extent = r * 1.08
    if style == "rings":
        for k in (1.34, 1.18):
            back.path(ring_d(cx, cy, r * k, r * k - short * 0.006), halo)
        extent = r * 1.34
    elif style == "rays":
        back.path(rays_d(cx, cy, r * 1.12, r * 1.5, 24, 5.5), halo)
        extent = r * 1.5
    if style == "stripes":
        back.path(sun_stripes_d(cx, cy, r), sun)
    else:
        back.circle(cx, cy, r, sun)
    if style in ("stripes", "horizon"):
        # horizon lines under the sun, shortening like a road to the horizon
        for i in range(3):
            yy = cy + r * (1.12 + 0.16 * i)
            half = r * (1.5 - 0.32 * i)
            back.rect(cx - half, yy, 2 * half, r * 0.055, halo if i != 1 else sun)
        extent = r * 1.5
    if icon is not None and not (style == "stripes" and "sun" in icon.name):
        iy = cy - r * 0.18 if style == "stripes" else cy
        ctx.draw_icon(
            back, icon, cx, iy, r * (0.95 if style != "stripes" else 0.7), readable(ctx, sun, s.on_primary, ratio=3.0)
        )
    ink = readable(ctx, gnd)
    if not has_text:
        back.rect(m, m, W - 2 * m, short * 0.01, ink)
        dot_grid(back, m, H - m - short * 0.05, W - m, H - m, short * 0.05, short * 0.007, halo)
        return "poster-sun-graphic"
    if wide:
        box = (m, H * 0.2, W * 0.46, H * 0.66)
        hl = set_headline(ctx, front, copy.headline or "", box, ink, valign="bottom", max_lines=3)
        back.rect(m, hl.bbox[3] + short * 0.05, short * 0.12, short * 0.012, halo)
        set_details(ctx, front, copy.lines, m, hl.bbox[3] + short * 0.1, W * 0.46, ink)
        return f"poster-centered-sun-{style}"
    top = cy + extent + short * 0.06
    bottom_room = short * (0.048 * len(copy.lines) + 0.09) if copy.lines else short * 0.06
    box = (m * 1.1, top, W - m * 1.1, max(top + short * 0.12, H - m - bottom_room))
    hl = set_headline(ctx, front, copy.headline or "", box, ink, align="center", valign="top", max_lines=3)
    y = hl.bbox[3] + short * 0.045
    back.rect(W / 2 - short * 0.05, y, short * 0.1, short * 0.008, halo)
    if copy.lines:
        set_details(ctx, front, copy.lines, m, y + short * 0.035, W - m, ink, align="center", limit=H - m * 0.6)
    return f"poster-centered-sun-{style}"


def _stack_lines(ctx: Ctx, text: str, width: float, budget: float, gap: float) -> list[str]:
    """Break a headline for a justified stack (every line set to the full width): the break whose smallest
    line comes out largest once the stack is scaled to fit the height budget; fewer lines win ties."""
    words = text.split()
    n = len(words)
    if n <= 1:
        return words
    if n > 9:
        # Too many words to search every break: lines of about three words, balanced by length; every word kept.
        rows = max(4, math.ceil(n / 3))
        chars = sum(len(w) + 1 for w in words)
        parts: list[list[str]] = [[] for _ in range(rows)]
        seen = 0
        for w in words:
            parts[min(rows - 1, seen * rows // chars)].append(w)
            seen += len(w) + 1
        return [" ".join(part) for part in parts if part]
    adv_cache: dict[str, float] = {}

    def adv(line: str) -> float:
        if line not in adv_cache:
            adv_cache[line] = advance_per_px(ctx, line)
        return adv_cache[line]

    best: tuple[float, list[str]] | None = None
    for k in range(1, min(4, n) + 1):
        for cuts in itertools.combinations(range(1, n), k - 1):
            bounds = (0, *cuts, n)
            lines = [" ".join(words[bounds[i] : bounds[i + 1]]) for i in range(k)]
            sizes = [min(width / adv(line), budget * 0.5 / 0.72) for line in lines]
            total = sum(sz * 0.72 for sz in sizes) + gap * (k - 1)
            f = min(1.0, budget / total)
            score = min(sizes) * f
            if best is None or score > best[0] * 1.04:
                best = (score, lines)
    assert best is not None
    return best[1]


def _typo_poster(ctx: Ctx, copy: Copy) -> str:
    s, rng = ctx.scheme, ctx.rng
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    b = ctx.brief
    if not b.has("elegant", "hand_drawn", "playful", "retro", "vintage"):
        use_family(ctx, ("bebas-neue", "anton", "oswald", "archivo-black"))
    g = grid(ctx)
    art = ctx.canvas.group("poster")
    back, front = art.group("shapes"), art.group("type")
    gnd = ground(ctx)
    ink = readable(ctx, gnd)
    second = readable(ctx, gnd, s.primary)
    wide = W > H * 1.15
    cw = (g.span(0, 7)[1] if wide else g.x1) - g.x0
    has_lines = bool(copy.lines)
    # Details sit in three columns under a rule; each row of them takes up to two lines of small caps.
    det_rows = math.ceil(len(copy.lines) / 3)
    det_h = short * (0.03 + 0.07 * det_rows) if has_lines else 0.0
    det_room = max(short * 0.16, det_h + short * 0.04) if has_lines else 0.0
    budget = (H - 2 * m - det_room) if wide else H * (0.6 if has_lines else 0.66) - m
    gap = short * 0.018
    words = _stack_lines(ctx, (copy.headline or "").upper(), cw, budget, gap)
    adv = [advance_per_px(ctx, w, tracking=0.0) for w in words]
    sizes = [min(cw / a, budget * 0.5 / 0.72) for a in adv]
    total = sum(sz * 0.72 for sz in sizes) + gap * (len(words) - 1)
    f = min(1.0, budget / total) if total > 0 else 1.0
    at_bottom = rng.random() < 0.45
    highlight = rng.randrange(len(words)) if len(words) > 1 and rng.random() < 0.6 else -1
    # set the stack from y = 0, then move it into place by its measured height
    stack = art.group("headline-stack")
    blocks: list[TextBlock] = []
    y = 0.0
    for i, (word, sz) in enumerate(zip(words, sizes, strict=True)):
        size = sz * f
        box = (g.x0, y, g.x0 + cw, y + size * 0.95)
        if i == highlight:
            color = readable(ctx, s.accent, s.on_primary) if s.accent != gnd else second
        else:
            color = second if (i % 2 == 1 and highlight < 0) else ink
        holder = stack.group()
        blk = ctx.text(
            holder,
            word,
            box,
            color,
            uppercase=True,
            valign="top",
            align="left",
            max_lines=1,
            max_size=size * 1.02,
            name="headline",
        )
        if i == highlight and s.accent != gnd:
            pad = short * 0.02
            holder.children.insert(
                0,
                Node(
                    "rect",
                    {
                        "x": 0.0,
                        "y": round(blk.bbox[1] - pad, 2),
                        "width": round(blk.bbox[2] + pad * 1.5, 2),
                        "height": round(blk.bbox[3] - blk.bbox[1] + 2 * pad, 2),
                        "fill": s.accent,
                    },
                ),
            )
        blocks.append(blk)
        y = blk.bbox[3] + gap + (short * 0.02 if i == highlight or i + 1 == highlight else 0)
    h = blocks[-1].bbox[3] - blocks[0].bbox[1]
    if wide:
        target = m + max(0.0, (budget - h) * (0.5 if not at_bottom else 1.0))
    else:
        target = H - m - det_room - h if at_bottom else m
    dy = target - blocks[0].bbox[1]
    stack.attrs["transform"] = f"translate(0 {dy:.2f})"
    stack_top, stack_bottom = target, target + h
    # the rest of the page: details under a rule, and a motif in the open area
    det_y = H - m - short * 0.1
    if wide:
        zone = (
            max(g.span(8, 4)[0], max(bk.bbox[2] for bk in blocks) + g.gutter * 2),
            m,
            g.x1,
            H - m - (short * 0.16 if has_lines else 0),
        )
    elif at_bottom:
        zone = (g.x0, m, g.x1, stack_top - short * 0.05)
        det_y = stack_bottom + short * 0.05
    else:
        zone = (g.x0, stack_bottom + short * 0.06, g.x1, H - m - (det_room - short * 0.02 if has_lines else 0))
    icon = subject_icon(ctx)
    fill_zone(
        ctx,
        back,
        zone,
        icon,
        gnd,
        anchor="top" if at_bottom else "bottom",
        kinds=("disc", "rainbow", "quarter") if wide else ("rainbow", "disc", "row", "quarter"),
    )
    if has_lines:
        det_y = min(det_y, H - m - det_h)
        back.rect(g.x0, det_y, g.x1 - g.x0, ctx.stroke(short * 0.004), ink)
        set_details(ctx, front, copy.lines, g.x0, det_y + short * 0.025, g.x1, ink, cols=3, gutter=g.gutter)
    return "poster-typographic"
