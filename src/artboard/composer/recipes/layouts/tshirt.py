"""T-shirt graphics, composed as a merch designer would: the prompt's style words and the seed pick one of nine
compositions, every one drawing what the prompt names and setting all the copy it gives.

- `badge` / `arched` / `emblem`: a vintage circular badge, the subject in the disc (vintage, outdoor, club tees);
- `stacked`: the headline in two blocks of condensed capitals, the subject between them;
- `sunset`: a retro striped sun on the horizon with the subject in front of it (retro, beach, sunset tees);
- `varsity`: a college arc of slab capitals over big numerals or the mascot, distressed;
- `illustration`, `cluster`, `statement`, `pocket` (in tshirt_styles): a full-front illustration of the named
  things, a playful die-cut sticker cluster, a phrase as the whole design, a small left-chest print.

Every string set is recorded in info["set_texts"], every thing drawn in info["drawn"].
"""

from __future__ import annotations

import math
import re

from artboard.colors import RGB
from artboard.composer import shapes
from artboard.composer.arrange import plan_group
from artboard.composer.canvas import Node, circle_d, polygon_d, rect_d, star_points, wave_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.layouts.common import arc_fit, readable, use_family, visible
from artboard.composer.recipes.layouts.geometry import rays_d, ribbon_points, ring_d
from artboard.composer.recipes.layouts.tshirt_styles import (
    Inks,
    Subject,
    TeeCopy,
    cluster_tee,
    column,
    draw_scene,
    draw_subject,
    group_silhouette,
    has_subject,
    illustration_tee,
    pocket_tee,
    print_area,
    put_arc,
    put_lines,
    put_text,
    record_drawn,
    record_text,
    scratch,
    settle,
    speckle_d,
    statement_tee,
    tee_copy,
    tee_inks,
    tee_subject,
    union_box,
)
from artboard.oklab import oklch

_OUTDOOR = frozenset(
    "outdoor outdoors camp camping hike hiking trail adventure club surf surfing park explore wild wilderness "
    "mountain mountains lake river fishing expedition ranger scout brewery garage motor motorcycle".split()
)
_BADGE = frozenset("badge emblem patch crest seal circular".split())
_SUNSET = frozenset("beach surf surfing tropical palm summer ocean wave waves island paradise 80s synthwave "
                    "vaporwave".split())
_COLLEGE = frozenset("college varsity university campus athletic athletics department academy alumni".split())
_SPORT = frozenset("team league marathon race run running club sports champions finisher est class".split())
_PLACEMENT = frozenset("pocket chest breast".split())
_SMALL = frozenset("minimal minimalist small tiny subtle understated".split())
_CUTE = frozenset("cute kawaii sticker stickers adorable".split())
_FUNNY = frozenset("funny playful silly whimsical kids goofy humor humour joke pun".split())
_PHRASE = frozenset("says saying quote slogan statement phrase reads".split())
_BOLD = frozenset("bold typography typographic streetwear loud".split())
_CONNECTORS = frozenset("a an the to of and for in on at is my your our i me it be with but not no".split())
_YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b")


def tshirt(ctx: Ctx) -> str:
    """A t-shirt graphic in one of the compositions the brief's words allow, chosen by the seed."""
    copy = tee_copy(ctx)
    inks = tee_inks(ctx)
    weights = _weights(ctx, copy)
    names = sorted(weights)
    kind = ctx.rng.choices(names, weights=[weights[n] for n in names])[0]
    if kind == "stacked":
        return _stacked(ctx, copy, inks)
    if kind == "sunset":
        return _sunset(ctx, copy, inks)
    if kind == "varsity":
        return _varsity(ctx, copy, inks)
    if kind == "illustration":
        return illustration_tee(ctx, copy, inks)
    if kind == "cluster":
        return cluster_tee(ctx, copy, inks)
    if kind == "statement":
        return statement_tee(ctx, copy, inks)
    if kind == "pocket":
        return pocket_tee(ctx, copy, inks)
    return _badge(ctx, copy, inks, plain=kind == "emblem")


def _phrase(head: str) -> bool:
    """Whether the headline reads as a sentence ("I need coffee", "Be Kind to Your Mind") rather than a name
    ("Westbrook Wolves", "Bay Area Half Marathon")."""
    words = re.findall(r"[A-Za-z']+", head)
    if not words:
        return False
    lower = [w for w in words if w.islower()]
    return bool(lower) or any(w.lower() in _CONNECTORS for w in words) or bool(re.search(r"[!?,]", head))


def _weights(ctx: Ctx, copy: TeeCopy) -> dict[str, float]:
    """How well each composition suits the brief; only those that can draw it are offered. A composition the
    prompt asks for by name ("pocket", "varsity", "sunset", "kawaii") is the likely one, never the only one."""
    b = ctx.brief
    words = b.words
    head = copy.headline or ""
    subject = has_subject(ctx)
    vintage = b.has("vintage", "retro") or bool(words & _OUTDOOR)
    out: dict[str, float] = {}
    if words & _BADGE or vintage:
        out["badge"] = 6.0 if words & _BADGE else 3.0
    if head:
        out["stacked"] = 2.0 + (2.5 if b.has("bold", "typographic") or words & _BOLD else 0.0)
        asked = bool(words & _PHRASE) or (bool(words & _FUNNY) and _phrase(head))
        out["statement"] = (5.0 if not subject and _phrase(head) else 3.0 if asked else
                            1.0 if not subject else 0.4)
        if len(head) <= 40:
            out["varsity"] = 8.0 if words & _COLLEGE or b.team else 1.5 if words & _SPORT or b.established else 0.6
    if words & {"sunset", "sunsets", "sunrise"}:
        out["sunset"] = 6.0
    elif b.has("retro") or words & _SUNSET:
        out["sunset"] = 3.0 if words & _SUNSET else 2.0
    if subject:
        out["illustration"] = 1.5 + (2.5 if b.has("line") or words & {"illustration", "illustrated"} else 0.0)
        things = bool(plan_group(ctx, None).placed)
        if things and not b.has("line", "elegant"):
            out["cluster"] = 5.0 if words & _CUTE else 3.0 if b.has("playful") or words & _FUNNY else 1.2
    if words & _PLACEMENT:
        out["pocket"] = 12.0
    elif words & _SMALL or b.has("minimal"):
        out["pocket"] = 3.0
    if not head and not vintage:
        out["emblem"] = 1.5
    if not out:  # nothing named, nothing said: the theme's glyph in an emblem
        out["emblem"] = 1.0
    return out


def _faces(ctx: Ctx, *options: str) -> None:
    """Steer the display face unless the brief's own style (elegant, hand-drawn) must choose it."""
    if not ctx.brief.has("elegant", "hand_drawn"):
        use_family(ctx, options)


def _mono(ctx: Ctx) -> Subject:
    """The subject in one ink (line art when asked): for prints on a disc, a sun or between type."""
    return tee_subject(ctx, "stroke" if ctx.brief.has("line") else None)


# -- the vintage badge -------------------------------------------------------------------------------------


def _disc(ctx: Ctx, parent: Node, subject: Subject, cx: float, cy: float, r: float, inks: Inks) -> None:
    """The badge's disc: filled with the second ink, the subject's scene clipped to it, the things in front."""
    clip = circle_d(cx, cy, r)
    parent.path(clip, inks.hi)
    far = visible(ctx, inks.hi, inks.acc, inks.on_hi, ratio=1.5)
    mid = readable(ctx, inks.hi, inks.ink, inks.on_hi, ratio=1.8)
    draw_subject(ctx, parent, subject, (cx - r * 0.95, cy - r * 0.92, cx + r * 0.95, cy + r * 0.98), inks.on_hi,
                 behind=inks.hi, scene_inks=(far, mid, inks.on_hi), clip=clip)


def _badge(ctx: Ctx, copy: TeeCopy, inks: Inks, *, plain: bool) -> str:
    """The subject in a disc inside a ring of type (or under an arched headline with a ribbon); lines that do
    not fit an arc are set straight under the badge."""
    _faces(ctx, "alfa-slab-one", "archivo-black", "righteous", "bebas-neue")
    subject = _mono(ctx)
    x0, y0, x1, _ = column(ctx, 1.0)
    w = x1 - x0
    cx = (x0 + x1) / 2
    art = ctx.canvas.group("tshirt")
    back, front = art.group("graphic"), art.group("type")
    head = copy.headline or ""
    lines = list(copy.lines)
    ink, ring = inks.ink, inks.acc
    t = w * 0.008
    if not head:  # no text: a sunburst and a crown of stars, or a ring of dots
        r = w * 0.26
        cy = y0 + r * 1.6
        _disc(ctx, back, subject, cx, cy, r, inks)
        back.path(ring_d(cx, cy, r + t * 2.2, r + t * 1.2), ink)
        if plain or ctx.rng.random() < 0.5:
            back.path(rays_d(cx, cy, r * 1.14, r * 1.45, 32, 4.0), ring)
            stars = "".join(_star_d(cx + i * r * 0.3, cy - r * 1.62 + abs(i) * r * 0.06, w * (0.03 if i == 0 else
                                                                                         0.02)) for i in (-1, 0, 1))
            back.path(stars, ink)
            name = "tshirt-emblem"
        else:
            ro, ri = r * 1.42, r * 1.06
            back.path(ring_d(cx, cy, ro, ro - t), ink)
            back.path(ring_d(cx, cy, ri + t * 0.6, ri), ink)
            mid = (ro + ri) / 2
            back.path("".join(circle_d(cx + mid * math.cos(a), cy + mid * math.sin(a), (ro - ri) * 0.09)
                              for a in (2 * math.pi * k / 36 for k in range(36))), ring)
            name = "tshirt-badge-plain"
        bottom = cy + r * 1.5
        if lines:
            bottom = put_lines(ctx, front, lines, x0, bottom + w * 0.02, x1, w * 0.04, ink)
        settle(art, (x0, y0, x1, bottom), print_area(ctx))
        return name
    if len(head) <= 26 and ctx.rng.random() < 0.6:
        r = w * 0.27
        cy = y0 + r * 1.45
        ro, ri = r * 1.42, r * 1.06
        _disc(ctx, back, subject, cx, cy, r, inks)
        back.path(ring_d(cx, cy, r + t * 2.2, r + t * 1.2), ink)
        back.path(ring_d(cx, cy, ro, ro - t), ink)
        back.path(ring_d(cx, cy, ri + t * 0.6, ri), ink)
        band, size = (ro + ri) / 2, (ro - ri) * 0.55
        put_arc(ctx, front, head.upper(), cx, cy, band - size * 0.36, size, ink, max_sweep_deg=160, tracking=120)
        low = lines.pop(0) if lines and len(lines[0]) <= 20 else None
        if low:
            put_arc(ctx, front, low.upper(), cx, cy, band + size * 0.36, size * 0.8, ink, max_sweep_deg=110,
                    inside=True, tracking=160, purpose="body", weight=700)
        for a in (math.pi, 0.0):
            back.path(_star_d(cx + band * math.cos(a), cy + band * math.sin(a), size * 0.5), ring)
        bottom = cy + ro + w * 0.05
        name = "tshirt-badge"
    else:
        r = w * 0.25
        arched = len(head) <= 30
        cy = y0 + (r + w * 0.2 if arched else r)
        _disc(ctx, back, subject, cx, cy, r, inks)
        back.path(ring_d(cx, cy, r + t * 2.2, r + t * 1.2), ink)
        y = cy + r + w * 0.06
        if arched:
            put_arc(ctx, front, head.upper(), cx, cy, r + w * 0.06, w * 0.12, ink, max_sweep_deg=150, tracking=60)
        else:
            blk = put_text(ctx, front, head, (x0, y, x1, y + w * 0.16), ink, uppercase=True, max_lines=2,
                           valign="top", line_height=1.0, name="headline")
            y = blk.bbox[3] + w * 0.05
        if lines and len(lines[0]) <= 28:
            rw, rh = min(w, r * 2.7), w * 0.085
            back.polygon(ribbon_points(cx - rw / 2, cx + rw / 2, y, rh, rh * 0.6, rh * 0.2), inks.hi)
            put_lines(ctx, front, [lines.pop(0)], cx - rw / 2 + rh * 0.3, y + rh * 0.27, cx + rw / 2 - rh * 0.3,
                      rh * 0.46, inks.on_hi, tracking=200)
            y += rh + w * 0.04
        elif not lines:
            back.path("".join(_star_d(cx + i * w * 0.06, y + w * 0.02, w * (0.022 if i == 0 else 0.016))
                              for i in (-1, 0, 1)), ring)
            y += w * 0.06
        bottom = y
        name = "tshirt-arched" if arched else "tshirt-emblem-type"
    if lines:
        bottom = put_lines(ctx, front, lines, x0, bottom, x1, w * 0.04, ink)
    settle(art, (x0, y0, x1, bottom), print_area(ctx))
    return name


def _star_d(cx: float, cy: float, r: float) -> str:
    return polygon_d(star_points(cx, cy, r, r * 0.42))


# -- stacked type ------------------------------------------------------------------------------------------


def _split(head: str) -> tuple[str, str]:
    words = head.split()
    if len(words) < 2:
        return head, ""
    # the break nearest the middle of the letters, so the two blocks are of a size
    best = min(range(1, len(words)), key=lambda k: abs(len(" ".join(words[:k])) - len(" ".join(words[k:]))))
    return " ".join(words[:best]), " ".join(words[best:])


def _stacked(ctx: Ctx, copy: TeeCopy, inks: Inks) -> str:
    """The headline over and under the subject, which sits between two rules; every line below."""
    _faces(ctx, "anton", "bebas-neue", "archivo-black", "alfa-slab-one")
    subject = _mono(ctx)
    x0, y0, x1, _ = column(ctx, 0.85)
    w = x1 - x0
    cx = (x0 + x1) / 2
    art = ctx.canvas.group("tshirt")
    back, front = art.group("graphic"), art.group("type")
    top, bottom_txt = _split(copy.headline or "")
    rows = min(3, 1 + max(len(top), len(bottom_txt)) // 14)  # a long headline wraps within each block
    hh = w * (0.24, 0.3, 0.36)[rows - 1]
    t1 = put_text(ctx, front, top, (x0, y0, x1, y0 + hh), inks.ink, uppercase=True, max_lines=rows,
                  valign="bottom", line_height=0.95, name="headline")
    y = t1.bbox[3] + w * 0.04
    a = w * 0.4
    if not subject.empty:
        clip = circle_d(cx, y + a / 2, a / 2) if subject.scene else None
        if clip:
            back.path(clip, inks.hi)
        draw_subject(ctx, back, subject, (cx - a / 2, y, cx + a / 2, y + a), inks.on_hi if clip else inks.hi,
                     behind=inks.hi if clip else inks.ground, scene_inks=(inks.acc, inks.ink, inks.on_hi), clip=clip)
        gap = a * 0.62
    else:
        a, gap = w * 0.08, w * 0.06
        back.path(_star_d(cx, y + a / 2, a * 0.5), inks.hi)
    rule = w * 0.012
    for side in (-1, 1):
        inner = cx + side * gap
        outer = x1 if side > 0 else x0
        back.rect(min(inner, outer), y + a / 2 - rule / 2, abs(outer - inner), rule, inks.ink)
    y += a + w * 0.04
    if bottom_txt:
        t2 = put_text(ctx, front, bottom_txt, (x0, y, x1, y + hh), inks.hi, uppercase=True, max_lines=rows,
                      valign="top", line_height=0.95, name="headline")
        y = t2.bbox[3] + w * 0.05
    if copy.lines:
        y = put_lines(ctx, front, copy.lines, x0, y, x1, w * 0.044, inks.ink, tracking=180)
    settle(art, (x0, y0, x1, y), print_area(ctx))
    return "tshirt-stacked"


# -- retro sunset ------------------------------------------------------------------------------------------


def _sunset(ctx: Ctx, copy: TeeCopy, inks: Inks) -> str:
    """A striped sun setting on the horizon in two inks, the subject standing in front of it, water or speed
    lines below, and the headline with a drop shadow."""
    _faces(ctx, "righteous", "alfa-slab-one", "abril-fatface", "unbounded")
    subject = _mono(ctx)
    x0, y0, x1, _ = column(ctx, 0.9)
    w = x1 - x0
    cx = (x0 + x1) / 2
    art = ctx.canvas.group("tshirt")
    back, front = art.group("graphic"), art.group("type")
    r = w * 0.34
    horizon = y0 + r * 1.0
    top_ink, low_ink = _sun_inks(ctx, inks)
    dome = _sunset_dome_d(cx, horizon, r)
    split = horizon - r * 0.55
    back.path(shapes.intersect(dome, rect_d(x0 - w, y0 - w, w * 3, split - y0 + w)), top_ink)
    back.path(shapes.intersect(dome, rect_d(x0 - w, split, w * 3, horizon - split)), low_ink)
    record_drawn(ctx, "sunset", "scene:sunset")
    others = tuple(k for k in subject.scene if k not in ("sunset", "waves", "stars"))
    if others:  # mountains, a skyline, pines on the horizon in front of the sun
        hb = r * 0.9
        draw_scene(ctx, back, others, (x0, horizon - hb * 0.68, x1, horizon + hb * 0.32),
                   (low_ink, inks.ink, inks.ink), inks.ground, clip=rect_d(x0, y0 - w, w, horizon - y0 + w))
    back.rect(x0, horizon, w, w * 0.01, inks.ink)
    water = bool(ctx.brief.words & {"surf", "surfing", "ocean", "sea", "beach", "wave", "waves", "island"})
    y = horizon + w * 0.03
    if water:
        bands = [shapes.difference(wave_d(x0, x1, y + w * 0.05 * i, w * 0.012, 6, y + w * 0.05 * i + w * 0.03),
                                   wave_d(x0, x1, y + w * 0.05 * i + w * 0.016, w * 0.012, 6, y + w * 0.05 * i + w))
                 for i in range(3)]
        back.path(shapes.union(bands), inks.hi)
        record_drawn(ctx, "wave", "scene:waves")
    else:
        for i in range(3):
            lw = w * (0.9 - 0.22 * i)
            back.rect(cx - lw / 2, y + w * 0.045 * i, lw, w * (0.014 - 0.003 * i), low_ink)
    y += w * 0.16
    if subject.group.placed or subject.icon is not None:
        a = r * 1.15
        box = (cx - a / 2, horizon - a * 0.98, cx + a / 2, horizon + a * 0.02)
        edge = group_silhouette(subject.group, box) if subject.group.placed else ""
        if edge:  # a rim of the shirt colour parts the things from the stripes
            back.path(shapes.offset(edge, w * 0.012), inks.ground)
        draw_subject(ctx, back, Subject(subject.group, (), subject.icon), box, inks.ink, behind=inks.ground)
    content = (x0, y0, x1, y)
    if copy.headline:
        hh = w * 0.17
        shadow = scratch()
        blk = ctx.text(shadow, copy.headline, (x0, y, x1, y + hh), low_ink, max_lines=2, line_height=1.0,
                       valign="top", name="headline")
        off = blk.font_size * 0.06
        if low_ink != inks.ink:  # a drop shadow in the sun's lower ink
            front.path(shapes.transform_d(blk.d, (1, 0, 0, 1, off, off)), low_ink)
        record_text(ctx, copy.headline)
        front.group("headline").path(blk.d, inks.ink)
        y = blk.bbox[3] + off + w * 0.04
    if copy.lines:
        y = put_lines(ctx, front, copy.lines, x0, y, x1, w * 0.044, inks.ink, tracking=180)
    settle(art, union_box(content, (x0, y0, x1, y)), print_area(ctx))
    return "tshirt-sunset"


def _sunset_dome_d(cx: float, horizon: float, r: float, bands: int = 5) -> str:
    """The top half of a sun cut by horizontal gaps that thicken towards the horizon."""
    dome = shapes.intersect(circle_d(cx, horizon, r), rect_d(cx - r - 1, horizon - r - 1, 2 * r + 2, r + 1))
    cuts = []
    for i in range(bands):
        y = horizon - r * 0.62 + r * 0.62 * i / bands
        cuts.append(rect_d(cx - r - 1, y, 2 * r + 2, r * (0.018 + 0.02 * i)))
    return shapes.difference(dome, shapes.union(cuts))


def _sun_inks(ctx: Ctx, inks: Inks) -> tuple[RGB, RGB]:
    """A warm sun: the scheme's warm roles when it has them (always with a user palette), else golden and coral."""
    def warm(c: RGB) -> bool:
        lightness, chroma, hue = oklch(c)
        return chroma > 0.08 and (hue < 95 or hue > 330) and 0.45 < lightness < 0.92

    s = ctx.scheme
    roles = [c for c in (s.primary, s.accent, s.secondary) if warm(c)]
    if s.constrained or ctx.brief.has("single_color", "two_color") or len(roles) >= 2:
        pair = sorted(roles, key=lambda c: -oklch(c)[0])[:2] if len(roles) >= 2 else [inks.hi, inks.acc]
        return pair[0], pair[1]
    golden: RGB = (250, 184, 60)
    coral: RGB = (238, 98, 74)
    return (roles[0], coral) if roles and oklch(roles[0])[2] > 60 else (golden, roles[0] if roles else coral)


# -- varsity -----------------------------------------------------------------------------------------------


def _varsity(ctx: Ctx, copy: TeeCopy, inks: Inks) -> str:
    """College lettering: the name arched in outlined slab capitals over its last word set big and straight (or
    over big numerals, the year the prompt gives), the mascot between, every line below; a worn print."""
    _faces(ctx, "alfa-slab-one", "archivo-black")
    subject = _mono(ctx)
    x0, y0, x1, _ = column(ctx, 0.9)
    w = x1 - x0
    cx = (x0 + x1) / 2
    art = ctx.canvas.group("tshirt")
    back, front = art.group("graphic"), art.group("type")
    words = (copy.headline or "").split()
    lines = list(copy.lines)
    worn = speckle_d(ctx, (x0 - w * 0.1, y0 - w * 0.1, x1 + w * 0.1, y0 + w * 1.6), 900)
    cut = len(words) - 1 if len(words) >= 2 else len(words)
    if len(words) >= 2 and len(words[-1]) <= 3:
        cut -= 1  # "Class of '99", "Team USA": the short last word keeps its neighbour
    arc_txt, big_txt = " ".join(words[:cut]), " ".join(words[cut:])
    year_at = next((i for i, ln in enumerate(lines) if _YEAR_RE.search(ln) and len(ln) <= 14), None)
    arc = 0 < len(arc_txt) <= 24
    y = y0
    if arc_txt:
        record_text(ctx, arc_txt)
        if arc:
            size, radius = w * 0.15, w * 0.85
            sweep = math.degrees(2 * math.asin(0.46 * w / radius))
            blk = arc_fit(ctx, scratch(), arc_txt.upper(), cx, y0 + radius + size * 0.8, radius, size, inks.ink,
                          max_sweep_deg=sweep, tracking=90)
        else:
            blk = ctx.text(scratch(), arc_txt, (x0, y0, x1, y0 + w * 0.24), inks.ink, uppercase=True, max_lines=2,
                           valign="top", line_height=0.98, name="headline")
        _worn_type(front, blk.d, blk.font_size, inks, worn)
        y = blk.bbox[3] + w * 0.05
    if not subject.empty:
        a = w * (0.3 if big_txt or year_at is not None else 0.42)
        if subject.scene:
            _disc(ctx, back, subject, cx, y + a / 2, a / 2, inks)
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
        record_text(ctx, big_txt)
        big = ctx.text(scratch(), big_txt, (x0, y, x1, y + w * 0.27), inks.ink, uppercase=True, max_lines=1,
                       tracking=20, line_height=1.0, valign="top", name="headline")
        _worn_type(front, big.d, big.font_size, inks, worn)
        y = big.bbox[3] + w * 0.06
    if lines:
        y = put_lines(ctx, front, lines, x0, y, x1, w * 0.042, inks.line,
                      tracking=180)
    settle(art, (x0, y0, x1, y), print_area(ctx))
    return "tshirt-varsity-arched" if arc else "tshirt-varsity"


def _worn_type(parent: Node, d: str, size: float, inks: Inks, worn: str) -> None:
    """Type with a varsity outline in the second ink, both worn by the same specks."""
    if not d:
        return
    if inks.hi != inks.ink:
        parent.path(shapes.difference(shapes.offset(d, size * 0.07), worn), inks.hi)
    parent.group("headline").path(shapes.difference(d, worn), inks.ink)
