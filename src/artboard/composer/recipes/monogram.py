"""Monograms: two or three letters interlocked, joined by an ampersand, stacked or in a frame (a ring, a disc,
a hexagon, a diamond), with a wreath or an emblem when the prompt names one."""

from __future__ import annotations

import re

from artboard.colors import contrast_ratio, oklch, shade_to_contrast
from artboard.composer import shapes
from artboard.composer.canvas import (
    circle_d,
    polygon_d,
    regular_polygon,
    ring_d,
    shield_d,
)
from artboard.composer.context import Ctx
from artboard.composer.recipes.layouts.poster_deco import fan, stepped_frame
from artboard.composer.typeset import TextBlock, set_line


def monogram_letters(ctx: Ctx) -> str:
    b = ctx.brief
    if b.letters:
        return b.letters
    if b.headline:
        initials = "".join(word[0] for word in b.headline.split() if word[:1].isalnum())[:3]
        if len(initials) >= 2:
            return initials.upper()
        # "O&O" is two letters and their ampersand: the monogram's letters are the name's letters and digits
        # (its "&" is set by the joined layout, not as a letter overlapped by the next).
        return (re.sub(r"[^0-9A-Za-z]", "", b.headline)[:2] or b.headline[:2]).upper()
    pairs = ("AK", "MR", "JD", "LS", "EV", "TC", "NB", "OH", "RW", "GF")
    return pairs[ctx.rng.randrange(len(pairs))]


# A frame named in the prompt ("AB in a circle") narrows the seeded choice to the frames that honour it.
_FRAME_WORDS: dict[tuple[str, ...], frozenset[str]] = {
    ("ring", "disc"): frozenset({"circle", "circular", "round", "ring", "disc", "seal"}),
    ("diamond",): frozenset({"diamond", "rhombus"}),
    ("hexagon",): frozenset({"hexagon", "hexagonal", "hex"}),
    ("shield",): frozenset({"shield", "crest"}),
    ("deco",): frozenset({"deco", "gatsby", "1920s", "twenties"}),
}


# How wide the letters may run inside each frame, as a share of the short side: the widest band of a ring or
# disc (radius 0.345–0.36) and hexagon (flat sides at ±0.33) that a cap-height block still clears.
_FRAME_ROOM = {
    "ring": 0.56, "disc": 0.56, "hexagon": 0.52, "hexagon-line": 0.52, "diamond": 0.46, "shield": 0.48, "deco": 0.44,
    "none": 0.8,
}  # fmt: skip

_LETTER_WORDS = frozenset({"letter", "letters", "initial", "initials", "logo"})


# Words that ask for letters woven through each other rather than set side by side with an ampersand.
_WOVEN_WORDS = frozenset(
    "intertwined intertwining interlocked interlocking interlaced interlacing interwoven woven overlapping "
    "entwined linked".split()
)


def _pieces(d: str) -> list[str]:
    """The separate filled regions of a path (its outer contours, each with whatever lies inside it)."""
    outers = [c for c in shapes.to_path(d).contours if abs(c.area) > 1e-3]
    pieces = [shapes.intersect(d, shapes.to_d(c)) for c in outers]
    return [p for p in pieces if p]


def interlace(ds: list[str], gap: float) -> list[str]:
    """Letters woven through each other: where two neighbours cross, they take turns lying on top (the first
    crossing the earlier letter, the next the later one...), the letter underneath cut back by a hairline gap
    around the one above — as an engraver draws an interlaced monogram."""
    out = list(ds)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        crossings = _pieces(shapes.intersect(a, b))
        crossings.sort(key=lambda d: (shapes.bounds(d)[1] + shapes.bounds(d)[3], shapes.bounds(d)[0]))
        for k, piece in enumerate(crossings):
            near = shapes.offset(piece, gap * 2.5)
            if k % 2 == 0:
                b = shapes.difference(b, shapes.intersect(shapes.offset(a, gap), near))
            else:
                a = shapes.difference(a, shapes.intersect(shapes.offset(b, gap), near))
        out[i - 1], out[i] = a, b
    return out


_FOR_RE = re.compile(r"\bfor\s+(?:(?:an?|the|my|our|his|her)\s+)?(?:[\w'-]+\s+){0,2}$", re.I)


def _caption(ctx: Ctx, letters: str) -> str | None:
    """The line under the letters: the name they stand for ("'O&O' for Oak & Olive": OAK & OLIVE), never the
    letters again."""
    for text in ctx.brief.texts or ((ctx.brief.headline,) if ctx.brief.headline else ()):
        if re.sub(r"[^0-9A-Za-z]", "", text).upper() != letters.upper():
            return text
    return None


def monogram(ctx: Ctx) -> str:
    s = ctx.scheme
    w, h, short = ctx.width, ctx.height, ctx.short
    letters = monogram_letters(ctx)
    art = ctx.canvas.group("monogram")
    cx, cy = w / 2, h * (0.45 if ctx.brief.headline else 0.5)
    frames = ["ring", "disc", "diamond", "none", "hexagon"]
    asked = [f for f, words in _FRAME_WORDS.items() if ctx.brief.words & words]
    frame = ctx.rng.choice(asked[0] if asked else frames)
    # "rose gold on black, elegant": a luxury mark on a dark ground is metal lines and metal letters, never a
    # solid plate with dark letters on it
    b = ctx.brief
    luxe = (b.has("elegant", "luxury") or b.moods & {"luxury"}) and (b.on_dark or _dark(s.ground))
    if luxe and frame in ("disc", "hexagon"):
        frame = "ring" if frame == "disc" else "hexagon-line"
    wreath = bool(ctx.brief.words & {"laurel", "wreath", "laurels"}) or "olive branch" in ctx.brief.prompt.lower()
    if wreath and not asked:
        frame = "none"  # the wreath is the frame
    # "E & J", "A and B": a couple's monogram sets the letters apart with their ampersand, not interlocked.
    woven = bool(ctx.brief.words & _WOVEN_WORDS)
    joined = (
        len(letters) == 2
        and not woven  # "the letters A and K intertwined": woven, whatever joins them in the sentence
        and re.search(rf"\b{letters[0]}\s*(?:&|\+|and)\s*{letters[1]}\b", ctx.brief.prompt, re.IGNORECASE)
    )
    thin = bool(ctx.brief.words & {"thin", "hairline", "fine", "light", "delicate"}) or ctx.brief.has("line")
    # "thin lines": the letters in a light weight; otherwise heavy, or the elegant face's own
    # Woven letters in a book weight, so each crossing reads as two strokes, not one blot.
    weight = 300 if thin else 450 if woven and not ctx.brief.has("bold") else 800
    face = ctx.face("display", weight=weight if not ctx.brief.has("elegant") or thin else None)
    size = short * (0.42 if len(letters) == 2 else 0.32) * (0.78 if joined else 1.0)
    amp_face = ctx.face("script") if ctx.brief.has("elegant") else face
    overlap = -0.2 if joined else 0.42 if woven else 0.22 if frame != "none" or len(letters) > 2 else 0.18

    def set_glyphs(size: float) -> list[TextBlock]:
        # Set in reading order ("E", "&", "J"), so the manifest's set text reads as the monogram does.
        return [
            set_line(ch, face, size, 0, 0) if ch != "&" else set_line("&", amp_face, size * 0.55, 0, 0)
            for ch in (f"{letters[0]}&{letters[1]}" if joined else letters)
        ]

    glyphs = set_glyphs(size)
    widths = [g.bbox[2] - g.bbox[0] for g in glyphs]
    total = sum(widths) - overlap * sum(widths[1:])
    room = short * _FRAME_ROOM.get(frame, 0.8)
    if total > room:
        # Wide letters ("O & O") are set smaller rather than run past the frame and off its paint.
        glyphs = set_glyphs(size * room / total)
        widths = [g.bbox[2] - g.bbox[0] for g in glyphs]
        total = sum(widths) - overlap * sum(widths[1:])
    x = cx - total / 2
    cap_top = min(g.bbox[1] for g in glyphs)
    cap_bottom = max(g.bbox[3] for g in glyphs)
    dy = cy - (cap_top + cap_bottom) / 2
    placed: list[str] = []
    for glyph, gw in zip(glyphs, widths, strict=True):
        placed.append(shapes.transform_d(glyph.d, (1, 0, 0, 1, x - glyph.bbox[0], dy)))
        x += gw * (1 - overlap)
    on_frame = frame in ("disc", "hexagon")
    if frame == "hexagon-line":
        outer = polygon_d(regular_polygon(cx, cy, short * 0.38, 6, rotation_deg=-90))
        inner = polygon_d(regular_polygon(cx, cy, short * 0.365, 6, rotation_deg=-90))
        art.path(shapes.difference(outer, inner), s.primary)
    if frame == "ring":
        art.path(ring_d(cx, cy, short * 0.36, short * 0.345), s.primary)
    elif frame == "disc":
        art.path(circle_d(cx, cy, short * 0.36), s.primary)
    elif frame == "hexagon":
        art.path(polygon_d(regular_polygon(cx, cy, short * 0.38, 6, rotation_deg=-90)), s.primary)
    elif frame == "shield":
        outer = shield_d(cx, cy - short * 0.4, short * 0.68, short * 0.8)
        art.path(
            shapes.difference(outer, shapes.difference(outer, shapes.stroke_outline(outer, short * 0.03))), s.primary
        )
    elif frame == "deco":
        # Art deco: a tall panel with stepped corners, a hairline inside it, and a sunburst fan over the letters.
        fw, fh = short * 0.6, short * 0.78
        x0, y0 = cx - fw / 2, cy - fh / 2
        art.path(stepped_frame(x0, y0, x0 + fw, y0 + fh, short * 0.014, short * 0.08), s.primary)
        k = short * 0.03
        art.path(stepped_frame(x0 + k, y0 + k, x0 + fw - k, y0 + fh - k, short * 0.005, short * 0.06), s.primary)
        for side in (-1, 1):
            art.rect(cx + side * fw * 0.3 - short * 0.003, cap_bottom + dy + short * 0.05, short * 0.006,
                     y0 + fh - k * 1.6 - (cap_bottom + dy + short * 0.05), s.primary)  # fmt: skip
    elif frame == "diamond":
        outer = polygon_d(regular_polygon(cx, cy, short * 0.42, 4))
        inner = polygon_d(regular_polygon(cx, cy, short * 0.405, 4))
        art.path(shapes.difference(outer, inner), s.primary)
    first = s.on_primary if on_frame else s.primary
    one_ink = ctx.brief.has("single_color") or len(ctx.brief.colors) == 1  # "gold on ivory": gold letters only
    second = s.accent if s.accent not in (first, s.ground) and not one_ink else first
    behind = s.primary if on_frame else s.ground
    if second == behind or contrast_ratio(second, behind) < 3.0:
        second = first  # a cream "&" on a white ground, a gold letter on a gold disc: unread
    gap = short * 0.012
    if woven:
        placed = interlace(placed, gap)
    # Interlock: each later letter is cut where the earlier one passes over it, leaving a hairline gap.
    for i, d in enumerate(placed):
        if i > 0 and not joined and not woven:
            d = shapes.difference(d, shapes.offset(placed[i - 1], gap))
        ink = (second if i == 1 else first) if joined else first if i % 2 == 0 else second
        art.path(d, ink if s.constrained else shade_to_contrast(ink, behind))
    ctx.info.setdefault("fonts", []).append(f"{face.family} {face.weight}")
    # "interlocking letters" names the monogram itself, not a thing to crown it with (an envelope)
    frame_words = frozenset().union(*_FRAME_WORDS.values(), {"square", "shield", "frame", "border", "badge"})
    things = [
        t
        for t in ctx.brief.things
        if t.noun in ctx.brief.subjects
        and t.noun.split()[-1] not in _LETTER_WORDS
        and t.noun not in frame_words  # "AK in a circle": the circle is the frame, not an emblem over the letters
        # "for a luxury menswear label": who the monogram is for, not an emblem to crown it with
        and not _FOR_RE.search(ctx.brief.prompt[: t.start])
    ]
    if wreath:
        from artboard.composer.recipes.badges.crest import _laurel_d

        radius, leaf, span = short * 0.33, short * 0.07, 128
        wreath_d = _laurel_d(cx, cy, radius, 94, 94 + span, leaf, short) + _laurel_d(
            cx, cy, radius, 86, 86 - span, leaf, short
        )
        art.path(wreath_d, first if one_ink else second if second != first else s.secondary)
        things = [t for t in things if t.noun.split()[-1] not in ("wreath", "laurel", "laurels", "branch")]
    if frame == "deco":
        things = [t for t in things if t.kind != "theme"]  # "a gatsby wedding": the fan is the crown
    emblem = ctx.pick_icon(mode="stroke" if ctx.brief.has("line") else "fill") if things else None
    if frame == "deco" and emblem is None:
        top, ceiling = dy + cap_top - short * 0.035, cy - short * 0.36
        art.path(shapes.union(fan(cx, top, min(short * 0.17, top - ceiling), 12, short * 0.006)), s.primary)
    if emblem is not None:
        # What the prompt names with the letters (a laurel wreath, a crown, a small camera) crowns them.
        top = dy + cap_top
        ctx.draw_icon(
            art,
            emblem,
            cx,
            top - short * 0.1,
            short * 0.12,
            second if on_frame else s.accent if contrast_ratio(s.accent, s.ground) >= 3.0 else first,
            name="emblem",
        )
    caption = _caption(ctx, letters)
    if caption:
        top = cy + short * 0.42
        ctx.text(
            art,
            caption,
            (ctx.margin, top, w - ctx.margin, top + short * 0.06),
            s.ink,
            purpose="body",
            weight=600,
            uppercase=True,
            tracking=220,
            max_lines=1,
            name="name",
        )
    return f"monogram-{frame}"


def _dark(colour: tuple[int, int, int]) -> bool:
    return oklch(colour)[0] < 0.35
