"""Marks: logos, icons, app icons, icon sets and emoji-like glyphs (monograms: recipes/monogram.py)."""

from __future__ import annotations

import dataclasses
import math
import re
from typing import Literal

from artboard.colors import RGB, contrast_ratio, from_oklch, oklch
from artboard.composer import brand, harmony, icons, shapes
from artboard.composer import reading as _reading
from artboard.composer.canvas import (
    Node,
    circle_d,
    ellipse_d,
    polygon_d,
    rect_d,
    regular_polygon,
    ring_d,
    shield_d,
    squircle_d,
)
from artboard.composer.context import Ctx
from artboard.composer.lexicon import LEXICON
from artboard.composer.recipes import faces, letter_fit, mascot
from artboard.composer.recipes.monogram import monogram, monogram_letters
from artboard.composer.typeset import set_line
from artboard.composer.vocabulary import GENERIC

_FALLBACK_SUBJECTS = ("star", "sparkles", "leaf", "diamond", "sun", "mountain")
# With no subject, an icon prompt ("suitable for an app navigation set") wants a familiar interface glyph.
_UI_SUBJECTS = ("home", "compass", "bookmark", "bell", "user", "search", "heart", "map pin", "calendar", "chat")


def _symbol(ctx: Ctx, query: str | None = None, **kw: object) -> icons.Icon | None:
    icon = ctx.pick_icon(query, **kw)  # type: ignore[arg-type]
    if icon is None and query is None:
        themes = _lexicon_themes(ctx)
        icon = ctx.pick_icon(themes[0], **kw) if themes else None  # type: ignore[arg-type]
    if icon is None and not ctx.brief.texts and not ctx.brief.letters:
        pool = _UI_SUBJECTS if ctx.brief.design_type in ("icon", "app_icon", "icon_set") else _FALLBACK_SUBJECTS
        icon = ctx.pick_icon(pool[ctx.rng.randrange(len(pool))], top=1, **kw)  # type: ignore[arg-type]
    return icon


def _lexicon_themes(ctx: Ctx) -> list[str]:
    """The prompt's words the lexicon knows how to draw, in order. A theme the brief reads as a style ("finance
    app", "tech startup") is not a subject, yet still names what to draw."""
    words = re.findall(r"[a-z][a-z\-]+", ctx.brief.prompt.lower())
    return [w for w in words if w in LEXICON and w not in GENERIC]


def _shade(color: RGB, delta: float, constrained: bool, fallback: RGB) -> RGB:
    """A darker/lighter step of a colour for depth; with a user palette, use the given fallback instead."""
    if constrained:
        return fallback
    lightness, chroma, hue = oklch(color)
    return from_oklch(max(0.05, min(0.98, lightness + delta)), chroma, hue)


def _tile_d(cx: float, cy: float, size: float, exponent: float) -> str:
    """A rounded square tile: a squircle, or a rounded rectangle with a stored style's corner radius."""
    if brand.corner_radius() is not None:
        return rect_d(cx - size / 2, cy - size / 2, size, size, brand.corner(0.0, size))
    return squircle_d(cx, cy, size, exponent=exponent)


def _frame_d(kind: str, cx: float, cy: float, size: float) -> str:
    r = size / 2
    if kind == "circle":
        return circle_d(cx, cy, r)
    if kind == "squircle":
        return _tile_d(cx, cy, size, 4.2)
    if kind == "hexagon":
        return polygon_d(regular_polygon(cx, cy, r * 1.05, 6, rotation_deg=-90))
    if kind == "shield":
        return shield_d(cx, cy - r * 1.02, size * 0.86, size * 1.06)
    if kind == "diamond":
        return polygon_d(regular_polygon(cx, cy, r * 1.1, 4, rotation_deg=-90))
    return rect_d(cx - r, cy - r, size, size, brand.corner(size * 0.22, size))


def _frame(ctx: Ctx, art: Node, kind: str, cx: float, cy: float, size: float) -> RGB | str:
    """The frame a logo's symbol stands in, and the colour the symbol takes inside it: a solid frame in the brand's
    fill, or for a line logo ("minimal line logo") a ring of the symbol's own stroke weight."""
    if not ctx.brief.has("line"):
        art.path(_frame_d(kind, cx, cy, size), _brand_fill(ctx))
        return _on_frame(ctx)
    band = ctx.stroke(size * 0.035)
    art.path(shapes.inside_band(_frame_d(kind, cx, cy, size), band), ctx.scheme.primary)
    return ctx.scheme.primary


def _name_case(ctx: Ctx, name: str) -> tuple[str, bool, float]:
    """Uppercase with open tracking reads as a wordmark for most styles; scripts and playful faces stay as typed."""
    if ctx.brief.has("hand_drawn", "playful") or ctx.family() in ("great-vibes", "pacifico", "caveat", "fredoka"):
        return name, False, 0.0
    upper = ctx.rng.random() < 0.65 or ctx.brief.has("bold", "vintage", "corporate")
    return name, upper, (90.0 if upper else 10.0)


def _wordmark(
    ctx: Ctx,
    parent: Node,
    name: str,
    box: tuple[float, float, float, float],
    color: RGB | str,
    align: Literal["left", "center", "right"] = "center",
) -> tuple[float, float, float, float]:
    text, upper, tracking = _name_case(ctx, name)
    block = ctx.text(
        parent, text, box, color, uppercase=upper, tracking=tracking, max_lines=2, align=align, name="wordmark"
    )
    return block.bbox


def _secondary_lines(ctx: Ctx, parent: Node, top: float, color: RGB) -> None:
    b = ctx.brief
    if contrast_ratio(color, ctx.scheme.ground) < 3.0:
        # Small caps in a pale seeded tint do not read: a readable accent, else the ink.
        color = ctx.scheme.accent if contrast_ratio(ctx.scheme.accent, ctx.scheme.ground) >= 3.0 else ctx.scheme.ink
    lines = [t for t in (b.tagline, *b.texts[1:2]) if t]
    if b.established and not any(b.established in line for line in lines):
        lines.append(f"EST. {b.established}")
    height = ctx.short * 0.042
    for line in lines[:2]:
        ctx.text(
            parent,
            line,
            (ctx.margin * 1.5, top, ctx.width - ctx.margin * 1.5, top + height),
            color,
            purpose="body",
            weight=500,
            uppercase=True,
            tracking=180,
            max_lines=1,
            name="tagline",
        )
        top += height * 1.5


def _letter_symbol(ctx: Ctx, letters: str) -> icons.Icon:
    """The letters as a symbol in the display face, for layouts that frame or place a symbol."""
    block = set_line(letters, ctx.face("display", 800), 100.0, 0, 0)
    x0, y0, x1, y1 = block.bbox
    side = max(x1 - x0, y1 - y0)
    box = (x0 - (side - (x1 - x0)) / 2, y0 - (side - (y1 - y0)) / 2, side, side)
    return icons.Icon(f"letters:{letters}", "letters", "letters", (), box, (block.d,), "fill", 0.0, "nonzero", "OFL")


def logo(ctx: Ctx) -> str:
    b, s = ctx.brief, ctx.scheme
    name = b.headline
    if b.team and name and not mascot.asked(ctx) and ctx.rng.random() < 0.6:
        # Team marks are crests: the mascot in a shield or ring with the name on a ribbon.
        from artboard.composer.recipes.badges import badge

        return badge(ctx)
    # A wordmark or logotype is the name alone ("…, no icon"), unless the prompt also names a thing to draw.
    name_only = bool(b.words & {"wordmark", "logotype"} or re.search(r"\bno (?:icon|symbol|mark)\b", b.prompt.lower()))
    if name_only and (_COMBINED_RE.search(b.prompt) or not _WORDMARK_FIRST_RE.search(b.prompt)) and b.subjects:
        name_only = False  # "a wave inside a bean, sans-serif wordmark below": a mark with its wordmark
    said_none = bool(re.search(r"\bno (?:icon|symbol|mark)\b", b.prompt.lower()))
    # (what the brand is for is no thing to draw: "wordmark logo for a fashion brand MAISON VERA" is lettering)
    described = [t for t in b.things if not _FOR_BEFORE_RE.search(b.prompt[: max(0, t.start)].lower())]
    if name_only and name and described and not said_none:
        # "Wordmark logo for NORTHWIND LOGISTICS, with a small compass star": the name, and the thing small.
        return _wordmark_only(ctx, ctx.canvas.group("logo"), name, _symbol(ctx))
    if b.letters and len(b.letters) <= 2 and name and not b.subjects and not name_only:
        icon: icons.Icon | None = _letter_symbol(ctx, b.letters)  # "Ledgerly, geometric L mark": the letter
    else:
        icon = None if name_only and (name or not b.things) else _symbol(ctx)
    w, h, short = ctx.width, ctx.height, ctx.short
    art = ctx.canvas.group("logo")
    if icon is not None and mascot.wanted(ctx):
        drawn = mascot.mascot_logo(ctx, art, name)  # "mascot logo for a pizza place: a cheerful chef…"
        if drawn is not None:
            return drawn
    if name is None and icon is None:
        return monogram(ctx)
    if name is None and icon is not None:
        return _symbol_mark(ctx, art, icon)
    if "neon" in b.words and name and not s.constrained and s.background is not None:
        from artboard.composer.recipes.neon import neon_sign

        return neon_sign(ctx, art, name, icon)  # "neon sign logo": glass tubes glowing on a dark wall
    if icon is None:
        return _wordmark_only(ctx, art, name or "")
    wide = w / h > 1.25
    layouts = ["stacked", "enclosed", "horizontal"]
    layout = "horizontal" if wide and ctx.rng.random() < 0.7 else layouts[ctx.rng.randrange(3)]
    if b.words & {"horizontal", "inline", "side-by-side"}:
        layout = "horizontal"  # "horizontal logo": the lockup the prompt asks for
    elif b.words & {"stacked", "vertical"}:
        layout = "stacked" if layout == "horizontal" else layout
    assert icon is not None and name is not None
    lettered = icon.set == "letters"  # a letter mark stands in its frame: a bare letter reads as a typo
    if lettered and layout == "stacked":
        layout = "enclosed"
    if layout == "horizontal":
        sym = short * 0.30
        gap = sym * 0.28
        text_box = (0.0, h / 2 - sym * 0.42, w - 2 * ctx.margin - sym - gap, h / 2 + sym * 0.42)
        holder = art.group("lockup")
        x0, _, x1, _ = _wordmark(ctx, holder, name, text_box, s.ink, align="left")
        total = sym + gap + (x1 - x0)
        left = (w - total) / 2
        holder.attrs["transform"] = f"translate({round(left + sym + gap - x0, 2)} 0)"
        enclosed = ctx.rng.random() < 0.5 or lettered
        if enclosed:
            on = _frame(ctx, art, ctx.rng.choice(["circle", "squircle"]), left + sym / 2, h / 2, sym)
            ctx.draw_icon(art, icon, left + sym / 2, h / 2, sym * 0.56, on)
        else:
            ctx.draw_icon(art, icon, left + sym / 2, h / 2, sym, _brand_fill(ctx))
        # The tagline and founding year sit under the whole lockup, centred on it; the lockup rises by half
        # their height so the group stays optically centred.
        extra = min(2, len([t for t in (b.tagline, *b.texts[1:2], b.established) if t]))
        if extra:
            _secondary_lines(
                ctx, art, h / 2 + sym * 0.5 + short * 0.05, s.secondary if s.secondary != s.ground else s.ink
            )
            art.attrs["transform"] = f"translate(0 {-round((sym * 0.08 + short * 0.063 * extra) / 2, 2)})"
        return "horizontal-enclosed" if enclosed else "horizontal"

    has_more = bool(b.tagline or b.established or len(b.texts) > 1)
    sym = short * (0.36 if has_more else 0.40)
    cy = h * (0.38 if has_more else 0.41)
    if layout == "enclosed":
        kind = ctx.rng.choice(["circle", "squircle", "hexagon", "shield"])
        on = _frame(ctx, art, kind, w / 2, cy, sym * 1.08)
        if ctx.rng.random() < 0.5 and kind == "circle" and not b.has("line"):
            art.path(ring_d(w / 2, cy, sym * 0.5, sym * 0.47), on)
        ctx.draw_icon(art, icon, w / 2, cy, sym * 0.58, on)
    else:
        # The symbol in the brand's solid (its gradient when asked); no accent dot beside it: it reads as a stray.
        ctx.draw_icon(art, icon, w / 2, cy, sym, _brand_fill(ctx))
    top = cy + sym * 0.62 + short * 0.05
    bbox = _wordmark(ctx, art, name, (ctx.margin, top, w - ctx.margin, top + short * 0.14), s.ink)
    _secondary_lines(ctx, art, bbox[3] + short * 0.045, s.secondary if s.secondary != s.ground else s.ink)
    return f"stacked-{layout}"


def _symbol_mark(ctx: Ctx, art: Node, icon: icons.Icon) -> str:
    s = ctx.scheme
    w, h, short = ctx.width, ctx.height, ctx.short
    style = ctx.rng.choice(["plain", "enclosed", "offset-disc"])
    if style == "offset-disc" and contrast_ratio(s.accent, s.primary) < 1.6:
        style = "plain"  # a monochrome scheme: the disc would swallow the symbol drawn over it
    if style == "enclosed":
        kind = ctx.rng.choice(["circle", "squircle", "hexagon"])
        art.path(_frame_d(kind, w / 2, h / 2, short * 0.62), _brand_fill(ctx))
        ctx.draw_icon(art, icon, w / 2, h / 2, short * 0.36, _on_frame(ctx))
    elif style == "offset-disc":
        art.circle(w / 2 + short * 0.06, h / 2 + short * 0.05, short * 0.25, s.accent)
        ctx.draw_icon(art, icon, w / 2, h / 2, short * 0.5, s.primary)
    else:
        ctx.draw_icon(art, icon, w / 2, h / 2, short * 0.56, s.primary)
    return f"symbol-{style}"


def _on_frame(ctx: Ctx) -> RGB:
    """The symbol's colour inside the brand's frame: a second named colour that reads on it ("bright blue and
    yellow": a yellow dog on a blue disc), else the frame's contrast colour."""
    s = ctx.scheme
    said = [c for c in ctx.brief.colors if c != s.primary and contrast_ratio(c, s.primary) >= 3.0]
    return said[0] if said and not s.constrained else s.on_primary


def _gradient(ctx: Ctx, base: RGB, diagonal: bool = True) -> str:
    """A luminous ramp from `base` (analogous: hue −15° → +40°; a ramp to a complementary accent passes through
    grey), defined once in the SVG; returns the paint reference."""
    gid = ctx.canvas.new_id("grad")
    grad = ctx.canvas.definitions().add("linearGradient", id=gid, x1="0", y1="0", x2="1", y2="1" if diagonal else "0")
    named = harmony.chromatic(ctx.brief.colors)
    if len(named) >= 2 and base in named:
        # "electric blue to violet gradient", "purple to cyan": the ramp runs between the colours named.
        grad.add("stop", offset="0", stop_color=named[0])
        grad.add("stop", offset="1", stop_color=named[1])
        return f"url(#{gid})"
    lightness, chroma, hue = oklch(base)
    grad.add("stop", offset="0", stop_color=from_oklch(min(0.9, lightness + 0.1), chroma, hue - 15))
    grad.add("stop", offset="1", stop_color=from_oklch(lightness, max(chroma, 0.1), hue + 40))
    return f"url(#{gid})"


def _brand_fill(ctx: Ctx) -> RGB | str:
    """The mark's solid: the primary colour, or its gradient when the prompt asks for one."""
    s = ctx.scheme
    return _gradient(ctx, s.primary) if ctx.brief.has("gradient") and not s.constrained else s.primary


_FOR_BEFORE_RE = re.compile(r"\bfor\s+(?:an?\s+|the\s+|my\s+|our\s+)?(?:[\w'&-]+\s+){0,3}$")
# "Wordmark logo for NORTHWIND…": the design is a wordmark; "…, a wrench and a wheel, bold sans serif wordmark": the
# wordmark is the lettering of a mark the prompt describes.
_WORDMARK_FIRST_RE = re.compile(r"^\W*(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}(?:wordmark|logotype)\b", re.I)
_COMBINED_RE = re.compile(
    r"\b(?:wordmark|logotype|name)\s+(?:below|beneath|under|underneath|next to|beside|to the right)\b"
    r"|\b(?:with|and|plus)\s+(?:a|an|the)?\s*(?:[\w-]+\s+){0,2}(?:wordmark|logotype)\b",
    re.I,
)


def _wordmark_only(ctx: Ctx, art: Node, name: str, small_icon: icons.Icon | None = None) -> str:
    s = ctx.scheme
    w, h, short = ctx.width, ctx.height, ctx.short
    box = (ctx.margin * 1.2, h / 2 - short * 0.16, w - ctx.margin * 1.2, h / 2 + short * 0.12)
    # A brand colour named in the prompt ("navy and orange") should carry the wordmark when it reads well; the
    # letters are display size, so WCAG's large-text 3:1 is the bar.
    ink: RGB | str = s.primary if ctx.brief.colors and contrast_ratio(s.primary, s.ground) >= 3.0 else s.ink
    if ctx.brief.has("gradient") and not s.constrained and contrast_ratio(s.primary, s.ground) >= 3:
        ink = _gradient(ctx, s.primary, diagonal=False)  # "gradient logo": the letters carry the ramp
    x0, y0, x1, y1 = _wordmark(ctx, art, name, box, ink)
    if small_icon is not None:
        size = min(short * 0.13, (y1 - y0) * 0.9)
        ctx.draw_icon(art, small_icon, (x0 + x1) / 2, y0 - size * 0.5 - short * 0.04, size, s.accent, name="mark")
        _secondary_lines(ctx, art, y1 + short * 0.08, s.secondary if s.secondary != s.ground else s.ink)
        return "wordmark-mark"
    style = ctx.rng.choice(["bar", "dot", "underline"])
    if style == "bar":
        art.rect(x0, y1 + short * 0.05, (x1 - x0) * 0.22, short * 0.018, s.accent)
    elif style == "dot":
        art.circle(x1 + short * 0.03, y1 - short * 0.012, short * 0.016, s.accent)
    else:
        art.rect(x0, y1 + short * 0.04, x1 - x0, short * 0.008, s.primary)
    _secondary_lines(ctx, art, y1 + short * 0.1, s.secondary if s.secondary != s.ground else s.ink)
    return f"wordmark-{style}"


def icon(ctx: Ctx) -> str:
    s = ctx.scheme
    w, h, short = ctx.width, ctx.height, ctx.short
    # Two-colour icons read best as line icons with their secondary strokes in the accent colour.
    # "flat style": a filled glyph; with two colours named, on a disc of the second ("orange and navy").
    flat = ctx.brief.has("flat") and not ctx.brief.has("line", "two_color")
    flat_pair = flat and len(ctx.brief.design_colors) >= 2 and not s.constrained
    glyph = _symbol(ctx, mode="stroke") if ctx.brief.has("two_color") else _symbol(ctx, mode="fill" if flat else None)
    if glyph is None:
        glyph = ctx.pick_icon("star")
    assert glyph is not None
    art = ctx.canvas.group("icon")
    multipart = glyph.mode == "stroke" and len(glyph.paths) >= 2
    # The off-centre disc of "duotone" reads as a slip unless the user asked for that look.
    styles = (
        ["plain", "backdrop"] + (["duotone"] if "duotone" in ctx.brief.words else []) + (["split"] if multipart else [])
    )
    if ctx.brief.has("two_color"):
        styles = ["backdrop", "split", "split"] if multipart else ["backdrop", "duotone"]
    elif ctx.brief.has("single_color") or s.accent == s.primary:
        styles = ["plain", "plain", "backdrop"]
    if flat_pair:
        styles = ["backdrop"]
    style = styles[ctx.rng.randrange(len(styles))]
    size = short * 0.62
    # "line art icon": a fine line reads as line art at this size; lucide's 2-unit stroke reads as a solid glyph.
    weight = 1.15 if ctx.brief.has("bold") else 0.6 if ctx.brief.has("line") and glyph.mode == "stroke" else 1.0
    if ctx.brief.has("gradient") and not s.constrained:
        # "a paper airplane icon, blue gradient": the ramp fills a disc the glyph sits on, or the glyph itself.
        base = ctx.brief.background_color or s.primary
        if style == "plain" and glyph.mode != "stroke":
            ctx.draw_icon(art, glyph, w / 2, h / 2, size, _gradient(ctx, base), weight=weight)
            return "icon-gradient"
        art.circle(w / 2, h / 2, short * 0.4, _gradient(ctx, base))
        on = max((s.on_primary, (255, 255, 255), s.ink), key=lambda c: contrast_ratio(c, base))
        ctx.draw_icon(art, glyph, w / 2, h / 2, short * 0.46, on, weight=weight)
        return "icon-gradient-disc"
    ink = s.primary
    if style == "backdrop":
        own = s.surface if s.surface != s.ground else s.accent
        tint = s.accent if ctx.brief.has("two_color") or flat_pair else own
        art.circle(w / 2, h / 2, short * 0.38, tint)
        size = short * 0.48
        if contrast_ratio(ink, tint) < 1.3:
            # "navy and gold": a gold glyph on the gold disc vanished; the scheme's colour that reads on the disc.
            ink = max((s.ground, s.ink, s.on_primary, s.secondary), key=lambda c: contrast_ratio(c, tint))
    elif style == "duotone":
        # A solid disc tucked behind one corner of the glyph, well off-centre so it never reads as part of it.
        angle = math.radians(ctx.rng.choice([-45.0, -135.0, 45.0, 135.0]))
        art.circle(
            w / 2 + math.cos(angle) * short * 0.17, h / 2 + math.sin(angle) * short * 0.17, short * 0.17, s.accent
        )
    elif style == "split":
        # Two-colour line icon: the main stroke in primary, the secondary parts in the accent colour.
        main = max(range(len(glyph.paths)), key=lambda i: len(glyph.paths[i]))
        accent_part = dataclasses.replace(glyph, paths=tuple(p for i, p in enumerate(glyph.paths) if i != main))
        main_part = dataclasses.replace(glyph, paths=(glyph.paths[main],))
        ctx.draw_icon(art, accent_part, w / 2, h / 2, size, s.accent, weight=weight, name="symbol-accent")
        ctx.draw_icon(art, main_part, w / 2, h / 2, size, s.primary, weight=weight)
        return "icon-split"
    ctx.draw_icon(art, glyph, w / 2, h / 2, size, ink, weight=weight)
    return f"icon-{style}"


_GLOSSY = frozenset({"glossy", "gloss", "shiny", "skeuomorphic", "glassy"})


def app_icon(ctx: Ctx) -> str:
    layout = _app_icon(ctx)
    if ctx.brief.words & _GLOSSY and not ctx.scheme.constrained:
        # "glossy": the classic sheen, a soft white lens over the top of the tile, clipped to it.
        w, h, tile = ctx.width, ctx.height, ctx.short * 0.8
        lens = ellipse_d(w / 2, h / 2 - tile * 0.34, tile * 0.78, tile * 0.42)
        ctx.canvas.group("gloss").path(shapes.intersect(_tile_d(w / 2, h / 2, tile, 5.0), lens), (255, 255, 255),
                                       fill_opacity=0.24)  # fmt: skip
        layout += "-glossy"
    return layout


def _app_icon(ctx: Ctx) -> str:
    s = ctx.scheme
    w, h, short = ctx.width, ctx.height, ctx.short
    glossy = bool(ctx.brief.words & _GLOSSY)
    glyph = _symbol(ctx, mode="fill" if glossy else None) or ctx.pick_icon("app")
    art = ctx.canvas.group("app-icon")
    tile = short * 0.8
    tile_d = _tile_d(w / 2, h / 2, tile, 5.0)
    fill: RGB | str = _gradient(ctx, s.primary) if ctx.brief.has("gradient") and not s.constrained else s.primary
    said = ctx.brief.background_color
    on_primary = s.on_primary
    if said is not None and not s.constrained and s.background == said:
        # "a piggy bank, mint green background": an app icon's background is its tile; around it, a quiet ground.
        # A quiet neutral around the tile (the scheme's surface may be a hue that fights it).
        around = (250, 250, 250) if contrast_ratio((250, 250, 250), said) > 1.25 else (30, 30, 34)
        art.rect(0, 0, w, h, around)
        fill = _gradient(ctx, said) if ctx.brief.has("gradient") else said
        # The glyph in a named colour that shows on the tile ("neon green on black"), else the best contrast.
        named = [c for c in ctx.brief.colors if c != said and contrast_ratio(c, said) >= 3.0]
        on_primary = (
            named[0] if named else max((s.primary, s.ink, (255, 255, 255)), key=lambda c: contrast_ratio(c, said))
        )
        s = dataclasses.replace(s, primary=said, on_primary=on_primary)
    art.path(tile_d, fill)
    style = ctx.rng.choice(["flat", "long-shadow", "ring"])
    if glyph is None:
        letters = monogram_letters(ctx)[:1]
        block = set_line(letters, ctx.face("display", 800), tile * 0.5, 0, 0)
        x0, y0, x1, y1 = block.bbox
        art.path(shapes.transform_d(block.d, (1, 0, 0, 1, w / 2 - (x0 + x1) / 2, h / 2 - (y0 + y1) / 2)), s.on_primary)
        return "app-icon-letter"
    if ctx.brief.letters:
        # "a speech bubble with the letter A": the letter needs room in the symbol; a solid variant of a line
        # symbol often has it where the line one has none.
        holders = [glyph]
        if glyph.mode == "stroke":
            solid = ctx.pick_icon(mode="fill")
            holders += [solid] if solid is not None and solid.key != glyph.key else []
        drawn, how = letter_fit.lettered_symbol(ctx, art, holders, tile, s.on_primary, fill)
        keys = ctx.info.get("icons") or []
        for other in holders:
            if other.key != drawn.key and other.key in keys:
                keys.remove(other.key)  # tried for room, not drawn
        return f"app-icon-{how}-letter"
    size = tile * 0.52
    if style == "long-shadow":
        fills = icons.icon_as_fill_paths(glyph)
        vx, vy, vw, vh = glyph.viewbox
        scale = size / max(vw, vh)
        tx, ty = w / 2 - (vx + vw / 2) * scale, h / 2 - (vy + vh / 2) * scale
        base = shapes.union(shapes.transform_d(d, (scale, 0, 0, scale, tx, ty)) for d in fills)
        # Sweep the glyph along the diagonal by doubling: 8 unions give 256 copies 1–2 px apart, so the shadow's
        # edge is a straight line instead of the visible staircase a few dozen copies leave.
        trail, shift = base, tile * 0.002
        for _ in range(8):
            trail = shapes.union([trail, shapes.transform_d(trail, (1, 0, 0, 1, shift, shift))])
            shift *= 2
        shadow = shapes.intersect(trail, tile_d)
        art.path(shadow, _shade(s.primary, -0.09, s.constrained, s.secondary))
    elif style == "ring":
        art.path(ring_d(w / 2, h / 2, tile * 0.36, tile * 0.33), s.on_primary)
        size = tile * 0.42
    ctx.draw_icon(art, glyph, w / 2, h / 2, size, s.on_primary)
    return f"app-icon-{style}"


_SET_SIZE_RE = re.compile(r"\b(\d{1,2}|four|six|eight|nine|twelve)\s+(?:\w+\s+)?icons\b")
_NUMBER_WORDS = {"four": 4, "six": 6, "eight": 8, "nine": 9, "twelve": 12}


def _set_icons(ctx: Ctx, count: int) -> list[icons.Icon]:
    """`count` distinct line glyphs around the brief's themes: the nearest icons to each subject and to the
    things the lexicon says draw it ("fitness" → dumbbell, heart), strong matches first, the pools taking turns,
    no status variants ("cart-plus") and no word more than twice ("heart", "heart-pulse", not "book-heart")."""
    from artboard.composer.recipes.graphics.common import VARIANT_RE

    def nearest(query: str) -> tuple[list[icons.Icon], int]:
        found = [(ic, sc) for ic, sc in icons.find_icons(query, k=30, mode="stroke") if not VARIANT_RE.search(ic.name)]
        if not found or found[0][1] < 0.9:  # a word no glyph draws ("style") adds noise, not a theme
            return [], 0
        return [ic for ic, sc in found if sc >= 0.45], sum(1 for _, sc in found if sc >= 0.8)

    subjects = list(ctx.brief.subjects)[:4] or _lexicon_themes(ctx)[:3] or ["home"]
    pools: list[list[icons.Icon]] = []
    strong = 0
    for subject in subjects:
        found, good = nearest(subject)
        if found:
            pools.append(found)
            strong += good
    # What the lexicon says draws the theme ("fitness" → dumbbell, heart): mixed in at once when the theme is
    # thin, otherwise kept in reserve for when its own pools run dry.
    wider = [
        found
        for subject in subjects
        for target in LEXICON.get(subject.replace("-", ""), LEXICON.get(subject, ()))
        if target != subject and (found := nearest(target)[0])
    ]
    if strong < count:
        pools, wider = pools + wider, []
    if not pools and not wider:
        pools = [[ic for ic, _ in icons.find_icons("home", k=count * 2, mode="stroke")]]
    from artboard.composer.recipes.icon_set import base_name

    chosen: list[icons.Icon] = []
    names: set[str] = set()
    uses: dict[str, int] = {}
    for stage in (pools, wider):
        while len(chosen) < count and any(stage):
            for pool in stage:
                while pool:
                    glyph = pool.pop(0)
                    words = glyph.name.split("-")
                    # One glyph per name across sets: Lucide's heart and Phosphor's are one heart.
                    if base_name(glyph) in names or any(uses.get(word, 0) >= 2 for word in words):
                        continue
                    for word in words:
                        uses[word] = uses.get(word, 0) + 1
                    chosen.append(glyph)
                    names.add(base_name(glyph))
                    break
                if len(chosen) >= count:
                    break
    return chosen


def icon_set(ctx: Ctx) -> str:
    """Exactly the listed items in one look (recipes/icon_set.py), or `count` glyphs around the theme."""
    from artboard.composer.recipes.icon_set import colour_members, draw_grid, listed_items, listed_members, set_look

    m = _SET_SIZE_RE.search(ctx.brief.prompt.lower())
    asked = (int(m.group(1)) if m.group(1).isdigit() else _NUMBER_WORDS[m.group(1)]) if m else 0
    count = (
        min(12, asked) if asked >= 2 else (6 if ctx.width >= ctx.height * 1.2 or ctx.height >= ctx.width * 1.2 else 9)
    )
    look = set_look(ctx.brief.prompt, ctx.brief.styles)
    coloured = colour_members(ctx) if len(listed_items(ctx)) >= 2 else None
    if coloured is not None:
        # "set of 4 weather icons: sun, cloud, rain, snow, flat colour": each thing in its own colours.
        for member in coloured:
            ctx.info.setdefault("drawn", []).append({"concept": member.item, "icon": member.icon.key})
        return draw_grid(ctx, [member.icon for member in coloured], "fill")
    members, left_out = listed_members(ctx, look) if len(listed_items(ctx)) >= 2 else ([], [])
    if left_out:
        ctx.info.setdefault("left_out", []).extend(left_out)
    for member in members:
        drawn = {"concept": member.item, "icon": member.icon.key}
        ctx.info.setdefault("drawn", []).append(drawn | ({"as": member.concept} if member.stand_in else {}))
    chosen = [member.icon for member in members] or _set_icons(ctx, count)
    return draw_grid(ctx, chosen, look)


def _named_face(ctx: Ctx) -> icons.Icon | None:
    """The colour emoji a face prompt names by a word of its own ("melting", "nerd", "zany", "partying"), when
    the prompt says "face" and the sets have "<word>-face"."""
    if "face" not in ctx.brief.words or faces.expression_for(ctx.brief.prompt) is not None:
        return None  # a look the face recipe draws ("laughing cat", "heart eyes") is drawn by it
    for word in sorted(ctx.brief.words - {"face", "emoji"}):
        if word in faces.EARS or _reading.thing_kind(word) == "animal":
            continue  # "a cat face emoji" is the cat's face, drawn with its ears
        try:
            return icons.get_icon(f"fef:{word}-face")
        except Exception:  # no emoji of that name
            continue
    return None


def emoji(ctx: Ctx) -> str:
    s = ctx.scheme
    w, h, short = ctx.width, ctx.height, ctx.short
    art = ctx.canvas.group("emoji")
    if len(ctx.brief.items) >= 2:
        return _emoji_set(ctx, art, list(ctx.brief.items))
    expression = faces.expression_for(ctx.brief.prompt)
    skip = faces.expression_words()
    things = [t for t in (" ".join(w for w in subject.split() if w not in skip) for subject in ctx.brief.subjects) if t]
    named = _named_face(ctx)
    if named is not None and not ctx.scheme.constrained:
        # "emoji face melting from the heat", "a nerd face emoji": the emoji sets draw that face.
        ctx.draw_icon(art, named, w / 2, h / 2, short * 0.8, s.primary, name="subject-face")
        ctx.info.setdefault("icons", []).append(named.key)
        ctx.info.setdefault("drawn", []).append({"concept": named.name.replace("-", " "), "icon": named.key})
        return "emoji-named-face"
    animal = things[0] if len(things) == 1 and things[0] in faces.EARS else None
    if animal and expression:
        # "laughing cat emoji": the face with the animal's ears, wearing the expression.
        faces.draw_face(ctx, art, w / 2, h / 2 + short * 0.04, short * 0.36, expression, animal)
        return f"emoji-face-{expression}-{faces.EARS[animal]}"
    if not things:
        # A face: "crying face emoji", "heart eyes", "smiley". A thing ("emoji of a cat") is drawn as itself.
        expression = expression or "smile"
        faces.draw_face(ctx, art, w / 2, h / 2, short * 0.4, expression)
        return f"emoji-face-{expression}"
    from artboard.composer.arrange import draw_group, illustration_mode, plan_group

    if illustration_mode(ctx) == "color":
        # "emoji of a pizza slice", "a cat wearing a crown emoji": the thing in flat colour art, like the emoji
        # sets people know, arranged with what the prompt relates to it.
        group = plan_group(ctx, "color")
        if group.placed:
            size = short * 0.8
            draw_group(
                ctx, art, group, (w / 2 - size / 2, h / 2 - size / 2, w / 2 + size / 2, h / 2 + size / 2), s.primary
            )
            return "emoji-colour" + ("-group" if len(group.placed) > 1 else "")
    art.circle(w / 2, h / 2, short * 0.38, s.accent if not s.constrained else s.primary)
    glyph = _symbol(ctx, things[0], mode="fill") or ctx.pick_icon("smile", mode="fill")
    if glyph is not None:
        ctx.draw_icon(art, glyph, w / 2, h / 2, short * 0.46, s.ink)
    return "emoji-disc"


def _emoji_set(ctx: Ctx, art: Node, items: list[str]) -> str:
    """ "a set of 4 reaction emoji: laughing, crying, heart eyes, thinking": each item its own emoji in one grid,
    a face wearing the expression it names, or the thing in flat colour art."""
    from artboard.composer.noun_icons import resolve_in

    w, h = float(ctx.width), float(ctx.height)
    n = len(items)
    cols = max(1, round(math.sqrt(n * w / h)))
    rows = math.ceil(n / cols)
    cell = min((w - 2 * ctx.margin) / cols, (h - 2 * ctx.margin) / rows)
    ox, oy = (w - cell * cols) / 2, (h - cell * rows) / 2
    drawn = ctx.info.setdefault("drawn", [])
    for k, item in enumerate(items):
        r, c = divmod(k, cols)
        in_row = min(cols, n - r * cols)
        cx = ox + (cols - in_row) * cell / 2 + (c + 0.5) * cell
        cy = oy + (r + 0.5) * cell
        expression = faces.expression_for(item)
        hit = None if expression else resolve_in(item.lower(), "color")
        if expression:
            faces.draw_face(ctx, art, cx, cy, cell * 0.36, expression)
            drawn.append({"concept": item, "icon": "artboard:face"})
        elif hit is not None:
            ctx.draw_icon(art, hit[0], cx, cy, cell * 0.78, ctx.scheme.primary, name=f"emoji-{k}")
            ctx.info.setdefault("icons", []).append(hit[0].key)
            drawn.append({"concept": hit[1], "icon": hit[0].key})
        else:
            ctx.info.setdefault("left_out", []).append(item)
    return f"emoji-set-{n}"
