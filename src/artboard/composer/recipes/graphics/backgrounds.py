"""Backgrounds, wallpapers and textures: full-bleed, text-free grounds for screens, slides, sites and video calls.

`background` reads the technique from the prompt's words (gradient, mesh, aurora, waves, paper-cut layers, flowing
lines, topographic contours, low-poly, hexagons, circles, memphis, tech grid, bokeh, confetti, night sky, mountains,
paper grain, marble, wood, linen, terrazzo, watercolour, halftone, a room for video calls) and its colours from the
colours named in order, then a mood palette ("sunset", "nordic"), then the scheme, tuned by "dark", "light",
"pastel", "muted" and "neon". A user palette keeps every shape to its colours, flat. Things that suit a background
("leaves", "flowers", "clouds", "hearts") become a soft large-scale motif layer; "for a website/zoom/desktop/phone"
keeps a calm, low-contrast area where content will sit. Text is set only when the prompt gives some, small.

The drawers live by family in background_soft.py, background_scenes.py, background_geometric.py and
background_surfaces.py, on the kit in background_styles.py; here are the dispatch, the colours and the calm area.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable

from artboard.colors import RGB, contrast_ratio, from_oklch, oklch
from artboard.composer import colour_words, words
from artboard.composer.canvas import Node, num
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics import (
    background_blossom,
    background_dunes,
    background_forest,
    background_network,
    background_pond,
    background_room,
    background_water,
)
from artboard.composer.recipes.graphics import background_geometric as geo
from artboard.composer.recipes.graphics import background_scenes as scenes
from artboard.composer.recipes.graphics import background_soft as soft
from artboard.composer.recipes.graphics import background_surfaces as surfaces
from artboard.composer.recipes.graphics.background_styles import Tones, grain, whisper
from artboard.composer.recipes.graphics.common import Box, Point, best_icon, lerp_lch, readable
from artboard.composer.recipes.graphics.tiling import scatter

# Techniques by the words that ask for them, most specific first: the first that matches is drawn.
_STYLES: tuple[tuple[str, str], ...] = (
    ("synthwave", r"synthwave|retrowave|outrun|vaporwave"),
    ("pond", background_pond.POND_RE.pattern.replace(r"\b", "")),
    ("blossom", r"(?:cherry|plum|apple|almond|peach)?\s*blossoms?|sakura"),
    ("marble", r"marble|marbled|marbling"),
    ("terrazzo", r"terrazzo"),
    ("wood", r"wood|wooden|woodgrain|wood-grain|timber|planks?|oak"),
    ("linen", r"linen|canvas|burlap|fabric|cross-?hatch(?:ed|ing)?|woven|cloth"),
    ("topographic", r"topographic(?:al)?|topography|topo|contours?|contour lines|elevation"),
    ("halftone", r"half-?tone|screentone|ben-day|benday"),
    ("aurora", r"aurora|borealis|northern lights"),
    (
        "room",
        r"(?:home )?office|room|bedroom|bookshel(?:f|ves)|bookcases?|shelves|library|study|workspace|nook|window seat",
    ),
    ("bokeh", r"bokeh|lights|fairy lights|glitter|sparkles?"),
    ("confetti", r"confetti|sprinkles|celebration|party|birthday|festive"),
    ("forest", background_forest.FOREST_WORDS),
    ("dunes", r"dunes?|desert|sahara"),
    ("mountains", r"mountains?|hills|peaks|ridges?|alps|landscape"),
    (
        "stars",
        r"stars|starry|star|galaxy|(?<!negative )(?<!white )(?<!copy )space(?! (?:for|on|at|to|in) )|cosmos|cosmic"
        r"|nebula|universe"
        r"|constellations?|milky way|night sky|moon|full moon|moonlit|moonlight|moonrise",
    ),
    ("network", background_network.NETWORK_PATTERN),
    ("lowpoly", r"low[- ]?poly|polygon(?:al|s)?|triangles?|triangular|faceted|crystals?"),
    ("hexagons", r"hexagon(?:s|al)?|honeycomb|hex"),
    ("memphis", r"memphis|squiggles?|90s"),
    ("watercolour", r"water-?colou?rs?|wash|painterly|ink wash|gouache"),
    ("grid", r"grid|circuit|blueprint|graph paper|dot matrix"),
    ("papercut", r"paper[- ]?cut(?:-?out)?s?|layered paper|paper layers"),
    ("grain", r"paper|kraft|parchment|speckled?|concrete|stone|plaster|stucco|sand|grain|grainy|noise|noisy"),
    ("mesh", r"(?:liquid|fluid|flowing|melting)\s+(?:colou?r\s+)?gradients?"),  # not bands
    ("lines", r"lines|line art|strokes|threads|flowing lines|wavy lines"),
    ("waves", r"waves?|wavy|flowing|fluid|liquid|curves|curvy|ribbons?|swirls?|swoosh|ocean|sea|layers|layered"),
    ("circles", r"circles?|rings|concentric|ripples?|orbs?"),
    ("blobs", r"blobs?|organic|pebbles?|abstract shapes|fluid shapes"),
    ("mesh", r"mesh|blur|blurred|blurry|dreamy|glassmorphism|holographic|iridescent|soft focus|aura"),
    ("gradient", r"gradients?|ombr[eé]|fade|duotone|gradation|smooth"),
)
_GRAIN_OVERLAY = re.compile(r"\b(?:grain|grainy|noise|noisy|film grain|textured|risograph)\b")
_SCENES = frozenset({"room", "synthwave", "pond", "blossom", "dunes", "network"})
_DARK_STYLES = frozenset({"aurora", "bokeh", "stars"})
_FILL_STYLES = frozenset(
    {"gradient", "mesh", "waves", "papercut", "lowpoly", "mountains", "dunes", "forest", "pond", "blossom"}
)
# Things drawn as a soft motif layer, by the shape that draws them (others are icon glyphs).
_MOTIF_SHAPES: dict[str, tuple[str, ...]] = {
    "leaves": ("leaf", "leaves", "foliage", "botanical", "fern", "ferns", "eucalyptus", "greenery", "jungle"),
    "clouds": ("cloud", "clouds", "cloudy", "sky"),
    "snow": ("snow", "snowflake", "snowflakes", "snowfall", "winter"),
    "bubbles": ("bubble", "bubbles"),
}
# Words about the design, the screen or the technique: never a motif.
_NOT_MOTIFS = frozenset(
    "phone desktop laptop zoom teams website web site hero landing page mode screen lock home iphone android mobile "
    "computer presentation slide wallpaper background backdrop texture pattern gradient noise grain paper vein veins "
    "marble wood linen canvas terrazzo blob blobs dot dots grid line lines wave waves shape shapes light lights "
    "bokeh star stars sky night galaxy space moon crescent mountain mountains hill hills ridge peak peaks dusk dawn "
    "sunset sunrise aurora confetti circle circles ring rings hexagon hexagons triangle triangles polygon layer "
    "layers contour contours office room bookshelf bookshelves shelf shelves plant book books tone tones colour "
    "color colours colors speckle speckles stroke strokes curve curves ribbon ribbons mesh blur texture textures "
    "fabric cloth glow party celebration birthday sparkle sparkles glitter thread threads water ocean sea text "
    "texts word words headline title quote letter letters lettering copy name logo brand mode theme app slides "
    "keynote powerpoint deck stream call meeting forest forests pine pines tree trees woods woodland evergreen "
    "evergreens fir firs spruce mist misty fog foggy calm still quiet dune dunes desert sand sahara koi pond lily "
    "pad pads lotus goldfish fish cherry blossom blossoms sakura branch branches node nodes network networks "
    "clock lots negative".split()
    + sorted(background_water.WATER_WORDS)
)
_NO_TEXT = re.compile(r"\bno (?:text|words|lettering|type|typography|copy)\b|\btext-?free\b|\bwithout (?:any )?text\b")
_TIME_WORDS = frozenset("dusk dawn midnight night sunset sunrise twilight".split())


def background(ctx: Ctx) -> str:
    """A full-bleed background in the technique the prompt asks for; returns `background-<style>`. A wallpaper
    of a place with someone or something in it ("a cozy cabin in snowy woods at night") is a picture: the
    illustration recipe draws it, full bleed."""
    if _pictures_a_scene(ctx):
        from artboard.composer.recipes.graphics import illustration

        return "background-scene-" + illustration(ctx)
    style, overlay = _style(ctx)
    ctx.info.setdefault("drawn", [])
    tones = _tones(ctx, style)
    art = ctx.canvas.group("background-art")
    _DRAWERS.get(style, surfaces.paper)(ctx, art, tones)
    if style not in _SCENES:  # (these draw their own things: a synthwave sun and palms, koi, blossoms, dunes)
        _motifs(ctx, art, tones)
    if overlay and style not in ("grain", "watercolour", "linen"):
        grain(ctx, art, tones, 0.09 * tones.strength)
    if style != "room":
        _calm(ctx, art, tones)
    _text(ctx, art, tones)
    return f"background-{style}"


# --- reading the prompt -----------------------------------------------------------------------------------


_NOT_A_SCENE = re.compile(r"\b(?:pattern|texture|abstract|seamless|tileable|minimal|gradient|geometric)\b", re.I)


def _pictures_a_scene(ctx: Ctx) -> bool:
    """Whether the wallpaper names a building, a creature or a person to stand in a place: a picture, not a
    technique with motifs scattered over it ("a background with leaves" stays a background)."""
    from artboard.composer.reading import thing_kind

    b = ctx.brief
    if b.design_type != "background" or _NOT_A_SCENE.search(b.prompt) or not b.subjects:
        return False
    if background_pond.POND_RE.search(b.prompt.lower()):
        return False  # koi among lily pads: the pond from above is the picture
    buildings = set(str(words.load("art")["scene"]["buildings"]).split()) | _STREETS  # ("a rainy city street")
    return any(s.split()[-1] in buildings or thing_kind(s.split()[-1]) in ("animal", "person") for s in b.subjects[:2])


_STREETS = frozenset("street streets skyline city town downtown alley".split())


def _style(ctx: Ctx) -> tuple[str, bool]:
    """(the technique, whether to lay film grain over it)."""
    text = ctx.brief.prompt.lower()
    found = [name for name, pattern in _STYLES if re.search(rf"(?<![\w-])(?:{pattern})(?![\w-])", text)]
    overlay = bool(_GRAIN_OVERLAY.search(text))
    if (
        found
        and found[0] == "grain"
        and len(found) > 1
        and not re.search(r"\b(?:paper|kraft|parchment|concrete|stone|plaster|stucco|sand|speckled?)\b", text)
    ):
        found = found[1:]  # "grainy gradient": a gradient with grain on it
    if found:
        return found[0], overlay
    b, rng = ctx.brief, ctx.rng
    if b.has("geometric"):
        pool = ["lowpoly", "hexagons", "circles", "memphis", "grid"]
    elif b.has("tech", "corporate"):
        pool = ["waves", "mesh", "lowpoly", "grid", "topographic", "lines"]
    elif b.has("playful") or b.words & {"kids", "fun", "colorful", "colourful"}:
        pool = ["memphis", "confetti", "blobs", "circles"]
    elif b.has("elegant"):
        pool = ["marble", "gradient", "mesh", "lines"]
    elif b.words & {"texture", "textured", "textures"} and not _motif_queries(ctx):
        pool = ["grain", "linen", "watercolour"]
    elif b.has("organic", "hand_drawn") or _motif_queries(ctx):
        pool = ["watercolour", "blobs", "gradient", "mesh"]
    elif "abstract" in b.words:
        pool = ["mesh", "waves", "blobs", "lowpoly", "topographic", "circles", "lines"]
    else:
        pool = ["gradient", "mesh", "waves", "blobs"]
    return pool[rng.randrange(len(pool))], overlay


def _named(ctx: Ctx) -> list[RGB]:
    """The colours the prompt names, in the order it names them ("from dusty rose to peach", "navy and teal"),
    with colour-nouns the brief left as things when they are listed with colours ("… rose to peach")."""
    b = ctx.brief
    lower = b.prompt.lower()
    keep = set(b.colors) | ({b.background_color} if b.background_color else set())
    out: list[RGB] = []
    for m in colour_words.find_colours(lower):
        before, after = lower[: m.start], lower[m.end :]
        listed = bool(
            re.search(r"(?:\b(?:to|into|and|or|from|through|then|&)|,|-)\s*$", before)
            or re.match(r"\s*(?:to|and|&|,|-)\s", after)
        )
        if m.rgb not in keep and not (m.thing and listed):
            continue
        if m.name in _TIME_WORDS and re.search(r"\b(?:at|by|during|before|after|of)\s+$", before):
            continue  # "mountains at dusk": a time of day (its colours come from the other words)
        if m.rgb not in out:
            out.append(m.rgb)
    out += [c for c in b.colors if c not in out and not _time_named(ctx, c)]
    return out


def _time_named(ctx: Ctx, c: RGB) -> bool:
    names = dict(zip(ctx.brief.colors, ctx.brief.color_names, strict=False))
    return names.get(c, "") in _TIME_WORDS


def _has(ctx: Ctx, *words: str) -> bool:
    return bool(ctx.brief.words & set(words))


def _tones(ctx: Ctx, style: str) -> Tones:
    """The ground, the colours in order and the line colour for `style`, from the prompt, a mood or the scheme."""
    s, b = ctx.scheme, ctx.brief
    calm = _calm_box(ctx)
    strength = (
        0.6
        if _has(ctx, "subtle", "faint", "soft", "gentle", "quiet")
        else (1.3 if _has(ctx, "bold", "vibrant", "vivid", "striking", "loud") else 1.0)
    )
    clear = s.background is None
    if s.constrained:
        ground = s.background or s.surface
        if style in _DARK_STYLES:
            ground = min(s.colors(), key=lambda c: oklch(c)[0])
        cols = [c for c in (s.primary, s.accent, s.secondary, s.surface, s.ink, s.background) if c and c != ground]
        cols = list(dict.fromkeys(cols)) or [ground]
        line = readable(ground, cols)
        return Tones(
            ground,
            tuple(cols[:4]) if len(cols) > 1 else (cols[0], cols[0]),
            line,
            oklch(ground)[0] < 0.5,
            True,
            clear,
            strength,
            calm,
        )
    named = _named(ctx)
    neon = _has(ctx, "neon", "synthwave", "cyberpunk", "vaporwave", "fluorescent")
    dark = "dark" in b.moods or neon or style in _DARK_STYLES
    light = "light" in b.moods or _has(ctx, "airy", "white")
    bg = b.background_color
    said_on = re.search(r"\b(?:on|against|over)\s+(?:an?\s+)?[\w -]*$", b.prompt.lower()[: _ground_at(ctx)])
    if (
        bg is not None
        and len(named) >= 2
        and (style == "watercolour" or not said_on)
        and re.search(r"\bbackgrounds?\s+(?:in|of|with|using)\b", b.prompt.lower())
    ):
        bg = None  # "wash background in blue and pink": the colours of the background, not its ground
    cols = [c for c in named if c != bg]
    if not named and style == "aurora" and not colour_words.moods_in(b.prompt):
        cols = [from_oklch(0.82, 0.19, 155), from_oklch(0.74, 0.13, 195), from_oklch(0.62, 0.19, 305)]
    elif not named and style == "stars" and not colour_words.moods_in(b.prompt):
        cols = [from_oklch(0.5, 0.15, 295), from_oklch(0.62, 0.14, 345), from_oklch(0.55, 0.09, 225)]
    elif not named:
        mood = next((p for m in colour_words.moods_in(b.prompt) if (p := colour_words.mood_palette(m))), None)
        if mood:
            cols = list(mood)
            if style in _FILL_STYLES:
                cols = sorted(cols[:4], key=lambda c: oklch(c)[0], reverse=not dark)
        elif style in _FILL_STYLES or style == "aurora":
            cols = _analogous(ctx, s.primary, dark)
        else:
            cols = [s.primary, s.accent, s.secondary]
        cols = [_moody(ctx, c, neon) for c in cols]
    if bg is not None:
        ground = bg
    else:
        ground = _pick_ground(ctx, style, cols, dark, light, bool(named))
        if ground in cols and len(cols) > 1 and style not in _FILL_STYLES:
            cols.remove(ground)
    if len(cols) < 2:
        seed = cols[0] if cols else ground
        lightness, chroma, hue = oklch(seed)
        shift = 28.0 if style in _FILL_STYLES else 0.0
        partner = from_oklch(lightness + (0.12 if lightness < 0.6 else -0.14), max(chroma * 0.9, 0.03), hue + shift)
        cols = [seed, partner] if cols else [lerp_lch(ground, partner, 0.5), partner]
    if style in _FILL_STYLES and bg is not None and bg not in cols:
        cols.insert(0, bg)
    line = _line_colour(ctx, style, ground, named, cols)
    return Tones(ground, tuple(cols[:4]), line, oklch(ground)[0] < 0.5, False, clear, strength, calm)


def _ground_at(ctx: Ctx) -> int:
    """Where the prompt names its ground colour (the end of the prompt when it names none)."""
    b = ctx.brief
    lower = b.prompt.lower()
    for m in colour_words.find_colours(lower):
        if m.rgb == b.background_color:
            return m.start
    return len(lower)


def _analogous(ctx: Ctx, seed: RGB, dark: bool) -> list[RGB]:
    """A designer's ramp from one hue when the prompt names no colours: four steps turning 10–20° each round the
    wheel (away from olive), from deep to light (light to deep on a light theme)."""
    hue = oklch(seed)[2]
    if 60 <= hue <= 120:
        hue += 55 if hue > 90 else -45  # yellows go olive and brown when deepened: start from green or orange
    steps = (
        [(0.3, 0.1), (0.5, 0.15), (0.72, 0.14), (0.88, 0.07)]
        if dark
        else [(0.92, 0.05), (0.77, 0.11), (0.6, 0.15), (0.42, 0.11)]
    )
    turn = ctx.rng.uniform(10, 20) * ctx.rng.choice([1, -1])
    for direction in (turn, -turn):
        hues = [(hue + direction * k) % 360 for k in range(len(steps))]
        if all(lightness >= 0.8 or not 55 <= h <= 125 for h, (lightness, _) in zip(hues, steps, strict=True)):
            break
    return [from_oklch(lightness, chroma, h) for h, (lightness, chroma) in zip(hues, steps, strict=True)]


def _moody(ctx: Ctx, c: RGB, neon: bool) -> RGB:
    """A colour the prompt did not name, moved to its mood: pastel, muted or neon."""
    lightness, chroma, hue = oklch(c)
    moods = ctx.brief.moods
    if neon:
        return from_oklch(0.74, max(chroma, 0.2), hue)
    if "pastel" in moods:
        return from_oklch(max(lightness, 0.86), min(chroma, 0.075), hue)
    if "muted" in moods or "earthy" in moods:
        return from_oklch(lightness, chroma * 0.6, hue)
    return c


def _pick_ground(ctx: Ctx, style: str, cols: list[RGB], dark: bool, light: bool, named: bool) -> RGB:
    """The ground when the prompt names none: deep for night styles, a neutral named colour for textures, else
    a light (or dark) tint of the first colour."""
    first = cols[0] if cols else ctx.scheme.primary
    if style in _FILL_STYLES:
        return first
    if style in _DARK_STYLES or (dark and not light):
        deep = [c for c in cols if oklch(c)[0] < 0.3]
        if deep and named:
            return deep[0]
        return from_oklch(0.16 if style != "bokeh" else 0.13, min(0.05, oklch(first)[1] * 0.4), oklch(first)[2])
    if named and len(cols) == 1 and oklch(cols[0])[0] < 0.42:
        return cols[0]  # "dark blue with glowing network lines": the one deep colour said is the ground
    neutral = [c for c in cols if oklch(c)[1] < 0.045 and oklch(c)[0] > 0.8]
    if neutral and named:
        return neutral[0]  # "white marble", "off-white paper", "sage green and cream"
    if style == "wood":
        return from_oklch(0.62, 0.085, 62)
    if named and len(cols) == 1 and style in ("grain", "linen", "marble", "terrazzo"):
        return cols[0]  # "off-white paper", "bright yellow noise": the one colour is the surface
    if "pastel" in ctx.brief.moods:
        return from_oklch(0.96, 0.025, oklch(first)[2])
    return from_oklch(0.975, 0.012, oklch(first)[2]) if style != "grid" else from_oklch(0.97, 0.008, 250)


def _line_colour(ctx: Ctx, style: str, ground: RGB, named: list[RGB], cols: list[RGB]) -> RGB:
    """Veins, stars, grid and contour lines: a named colour that stands out, else a neutral off the ground."""
    if style == "marble" and len(named) > 1:
        return max((c for c in named if c != ground), key=lambda c: oklch(c)[1])  # "with gold veins"
    if style in ("stars", "aurora", "mountains", "dunes", "network"):
        return from_oklch(0.96, 0.02, 90)
    standing = [c for c in cols if contrast_ratio(c, ground) >= 2.2]
    if standing and style in ("topographic", "grid", "hexagons"):
        return standing[0]
    lightness, _, hue = oklch(ground)
    return from_oklch(lightness - 0.4 if lightness > 0.55 else lightness + 0.45, 0.015, hue)


def _calm_box(ctx: Ctx) -> Box | None:
    """Where content goes on this background: a website's copy (left), a video call's person (centre), a phone's
    clock (top), a desktop's icons (centre), or the brief's own text."""
    w, h = float(ctx.width), float(ctx.height)
    if _has(
        ctx,
        "website",
        "web",
        "hero",
        "landing",
        "header",
        "presentation",
        "slide",
        "slides",
        "powerpoint",
        "keynote",
        "banner",
    ):
        return (w * 0.05, h * 0.2, w * 0.55, h * 0.8) if w > h * 1.1 else (w * 0.08, h * 0.15, w * 0.92, h * 0.5)
    if _has(ctx, "zoom", "teams", "webex", "meet", "call", "virtual", "stream", "streaming"):
        return (w * 0.3, h * 0.2, w * 0.7, h)
    if _has(ctx, "phone", "iphone", "mobile", "android", "lockscreen", "lock"):
        return (w * 0.1, h * 0.08, w * 0.9, h * 0.34)
    if _has(ctx, "desktop", "laptop", "computer", "monitor", "mac", "pc"):
        return (w * 0.25, h * 0.25, w * 0.75, h * 0.75)
    if _asked_text(ctx):
        return (w * 0.15, h * 0.35, w * 0.85, h * 0.65)
    return None


# --- calm area, motifs and text ---------------------------------------------------------------------------


def _calm(ctx: Ctx, node: Node, t: Tones) -> None:
    """A soft veil of the ground over the calm area, so content set there later reads."""
    if t.calm is None or t.flat:
        return
    x0, y0, x1, y1 = t.calm
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    rx, ry = (x1 - x0) * 0.75, (y1 - y0) * 0.75
    gid = ctx.canvas.new_id("bveil")
    grad = ctx.canvas.definitions().add("radialGradient", id=gid)
    for offset, alpha in ((0, 0.42), (0.55, 0.26), (1, 0.0)):
        grad.add("stop", offset=offset, stop_color=t.ground, stop_opacity=alpha if alpha else "0")
    node.add("ellipse", cx=round(cx, 2), cy=round(cy, 2), rx=round(rx, 2), ry=round(ry, 2), fill=f"url(#{gid})")


def _motif_queries(ctx: Ctx) -> list[str]:
    """Subjects that suit a background layer: not the design's own words, its colours or its technique."""
    lower = ctx.brief.prompt.lower()
    # What the background is for ("for a hiking app", "for a presentation") is its purpose, not a thing in it.
    purpose = {
        w
        for m in re.finditer(r"\bfor\s+(?:an?|the|my|our|your)?\s*((?:[\w-]+\s+){0,3}[\w-]+)", lower)
        for w in re.findall(r"[a-z]+", m.group(1))
    }
    # Words of the technique ("low poly", "paper cut waves", "aurora borealis") are drawn by its style.
    technique = {
        w
        for _, pattern in _STYLES
        for m in re.finditer(rf"(?<![\w-])(?:{pattern})(?![\w-])", lower)
        for w in re.findall(r"[a-z]+", m.group())
    }
    out = []
    for subject in ctx.brief.subjects:
        words = re.findall(r"[a-z]+", subject.lower())
        if (
            not words
            or subject in ctx.brief.color_names
            or words[-1] in _NOT_MOTIFS | purpose
            or set(words) & technique
        ):
            continue
        if colour_words.colour_value(subject) is not None and subject not in ("leaf", "leaves"):
            continue  # "peach", "rose" said as a colour of the ramp
        out.append(subject)
    return out[:2]


def _motifs(ctx: Ctx, node: Node, t: Tones) -> None:
    """The named things as a soft, large-scale layer: leaves and clouds drawn, other things as glyphs, low in
    contrast, gathered towards the edges."""
    queries = _motif_queries(ctx)
    if not queries:
        return
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    layer = node.group("motifs")
    drawn = ctx.info.setdefault("drawn", [])
    for k, query in enumerate(queries):
        words = set(query.lower().split())
        shape = next((name for name, keys in _MOTIF_SHAPES.items() if words & set(keys)), None)
        tint = whisper(t, t.colors[(k + 1) % len(t.colors)], 0.3 * t.strength + 0.05)
        spots = _edge_spots(ctx, t, 7 if shape != "clouds" else 4)
        if shape == "leaves":
            from artboard.composer.recipes.graphics.scenery import leaf_d

            for x, y in spots:
                angle = math.degrees(math.atan2(h / 2 - y, w / 2 - x)) + rng.uniform(-40, 40)
                size = short * rng.uniform(0.22, 0.36)
                layer.path(leaf_d(x, y, size, angle, 0.3), tint)
                layer.path(
                    _midrib_d(x, y, size, angle),
                    None,
                    stroke=t.ground if t.flat else whisper(t, tint, 0.6),
                    stroke_width=round(short * 0.003, 2),
                )
            drawn.append({"concept": query, "icon": "leaf-shape"})
        elif shape == "clouds":
            from artboard.composer.recipes.graphics.scenery import cloud_d

            puff = tint if t.flat else lerp_lch(from_oklch(0.985, 0.005, 250), t.colors[0], 0.08)
            for x, y in spots:
                layer.path(
                    cloud_d(x, y, short * rng.uniform(0.35, 0.6)),
                    puff,
                    fill_opacity=None if t.flat else round(rng.uniform(0.65, 0.9), 2),
                )
            drawn.append({"concept": query, "icon": "cloud-shape"})
        elif shape in ("snow", "bubbles"):
            for x, y in itertools.islice(scatter(ctx, w, h, short * 0.07, limit=300), 220):
                r = short * rng.uniform(0.003, 0.008) * (3 if shape == "bubbles" else 1)
                if shape == "bubbles":
                    layer.circle(x, y, r, None, stroke=tint, stroke_width=round(short * 0.002, 2))
                else:  # snow is white; on a pale ground, a cool tint that still shows
                    flake = (
                        tint
                        if t.flat
                        else (
                            from_oklch(0.98, 0.01, 240)
                            if oklch(t.ground)[0] < 0.8
                            else whisper(t, from_oklch(0.75, 0.04, 240), 0.6)
                        )
                    )
                    layer.circle(x, y, r, flake)
            drawn.append({"concept": query, "icon": f"{shape}-dots"})
        else:
            icon = best_icon(ctx, query, mode="fill", solid=True)
            if icon is None:
                continue
            for x, y in spots:
                size = short * rng.uniform(0.16, 0.26)
                holder = layer.group("motif", transform=f"rotate({num(rng.uniform(-25, 25))} {num(x)} {num(y)})")
                ctx.draw_icon(holder, icon, x, y, size, tint, name="motif")
            drawn.append({"concept": query, "icon": icon.key})


def _midrib_d(x: float, y: float, size: float, angle: float) -> str:
    a = math.radians(angle)
    return f"M{num(x)} {num(y)}L{num(x + math.cos(a) * size * 0.85)} {num(y + math.sin(a) * size * 0.85)}"


def _edge_spots(ctx: Ctx, t: Tones, count: int) -> list[Point]:
    """Seeded points around the frame (corners and edges), never in the calm area: motifs frame the ground."""
    rng, w, h = ctx.rng, float(ctx.width), float(ctx.height)
    out: list[Point] = []
    for _ in range(count * 8):
        if len(out) >= count:
            break
        side = rng.random()
        along = rng.uniform(-0.05, 1.05)
        inset = rng.uniform(-0.02, 0.16)
        x, y = (
            (along * w, inset * h)
            if side < 0.25
            else (along * w, h - inset * h)
            if side < 0.5
            else (inset * w, along * h)
            if side < 0.75
            else (w - inset * w, along * h)
        )
        if t.quiet(x, y) or any(math.hypot(x - a, y - b) < ctx.short * 0.2 for a, b in out):
            continue
        out.append((x, y))
    return out


def _asked_text(ctx: Ctx) -> str | None:
    """The text the prompt asks to set on the background: quoted, or after "says", "text", "headline"…; a name
    the background is for ("for Acme Corp's website") is who it is for, not words to set. None for "no text"."""
    b = ctx.brief
    if not b.headline or _NO_TEXT.search(b.prompt.lower()):
        return None
    said = re.escape(b.headline)
    quoted = re.search(rf"[\"“'‘]{said}[\"”'’]", b.prompt)
    cued = re.search(
        rf"\b(?:says?|saying|reads?|reading|text|words?|headline|title|titled|caption|slogan|quote)"
        rf"\W+{said}",
        b.prompt,
        re.IGNORECASE,
    )
    return b.headline if quoted or cued else None


def _text(ctx: Ctx, node: Node, t: Tones) -> None:
    """The brief's own text, small and quiet in the calm area; none when the prompt says "no text"."""
    headline = _asked_text(ctx)
    if headline is None:
        return
    w, h = float(ctx.width), float(ctx.height)
    x0, y0, x1, y1 = t.calm or (w * 0.15, h * 0.35, w * 0.85, h * 0.65)
    cy = (y0 + y1) / 2
    box = (x0 + (x1 - x0) * 0.08, cy - ctx.short * 0.05, x1 - (x1 - x0) * 0.08, cy + ctx.short * 0.05)
    options = (
        [t.line, *t.colors, t.ground]
        if t.flat
        else [t.line, from_oklch(0.98, 0.01, 90), from_oklch(0.2, 0.02, oklch(t.ground)[2])]
    )
    ink = readable(t.ground, options)
    ctx.text(
        node,
        headline,
        box,
        ink,
        max_size=ctx.short * 0.06,
        max_lines=2,
        tracking=40,
        uppercase=True,
        align="center",
        name="headline",
    )


def _synthwave(ctx: Ctx, node: Node) -> str:
    from artboard.composer.recipes.graphics.synthwave import synthwave_scene

    synthwave_scene(ctx, node, (0.0, 0.0, float(ctx.width), float(ctx.height)))
    return "synthwave"


_DRAWERS: dict[str, Callable[[Ctx, Node, Tones], str]] = {
    "synthwave": lambda ctx, node, t: _synthwave(ctx, node),
    "gradient": soft.gradient,
    "mesh": soft.mesh,
    "blobs": soft.blobs,
    "aurora": soft.aurora,
    "bokeh": soft.bokeh,
    "watercolour": soft.watercolour,
    "waves": scenes.waves,
    "papercut": lambda ctx, node, t: scenes.waves(ctx, node, t, layered=True),
    "lines": scenes.flow_lines,
    "mountains": scenes.asked_mountains,
    "dunes": background_dunes.dunes,
    "pond": background_pond.pond,
    "blossom": background_blossom.blossom,
    "network": background_network.network,
    "forest": background_forest.forest,
    "topographic": scenes.topographic,
    "lowpoly": geo.low_poly,
    "hexagons": geo.hexagons,
    "circles": geo.circles,
    "grid": geo.dot_grid,
    "halftone": geo.halftone,
    "confetti": geo.confetti,
    "memphis": geo.memphis,
    "stars": scenes.asked_night_sky,
    "marble": surfaces.marble,
    "wood": surfaces.wood,
    "linen": surfaces.linen,
    "terrazzo": surfaces.terrazzo,
    "room": background_room.room,
    "grain": surfaces.paper,
}
