"""Backgrounds, wallpapers and textures: full-bleed, text-free grounds for screens, slides, sites and video calls.

`background` reads the technique from the prompt's words (gradient, mesh, aurora, waves, paper-cut layers, flowing
lines, topographic contours, low-poly, hexagons, circles, memphis, tech grid, bokeh, confetti, night sky, mountains,
paper grain, marble, wood, linen, terrazzo, watercolour, halftone, a room for video calls) and its colours from the
colours named in order, then a mood palette ("sunset", "nordic"), then the scheme, tuned by "dark", "light",
"pastel", "muted" and "neon". A user palette keeps every shape to its colours, flat. Things that suit a background
("leaves", "flowers", "clouds", "hearts") become a soft large-scale motif layer; "for a website/zoom/desktop/phone"
keeps a calm, low-contrast area where content will sit. Text is set only when the prompt gives some, small.

The drawers live in background_styles.py; the surface textures and the room are here.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable

from artboard.colors import RGB, contrast_ratio, from_oklch, oklch
from artboard.composer import colour_words
from artboard.composer.canvas import Node, num, polygon_d, rect_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics import background_styles as st
from artboard.composer.recipes.graphics.background_styles import Tones, base, grain, lighter, radial, whisper
from artboard.composer.recipes.graphics.common import Box, Point, best_icon, lerp_lch, readable
from artboard.composer.recipes.graphics.tiling import scatter

# Techniques by the words that ask for them, most specific first: the first that matches is drawn.
_STYLES: tuple[tuple[str, str], ...] = (
    ("marble", r"marble|marbled|marbling"),
    ("terrazzo", r"terrazzo"),
    ("wood", r"wood|wooden|woodgrain|wood-grain|timber|planks?|oak"),
    ("linen", r"linen|canvas|burlap|fabric|cross-?hatch(?:ed|ing)?|woven|cloth"),
    ("topographic", r"topographic(?:al)?|topography|topo|contours?|contour lines|elevation"),
    ("halftone", r"half-?tone|screentone|ben-day|benday"),
    ("aurora", r"aurora|borealis|northern lights"),
    ("room", r"(?:home )?office|room|bookshel(?:f|ves)|bookcases?|shelves|library|study|workspace"),
    ("bokeh", r"bokeh|lights|fairy lights|glitter|sparkles?"),
    ("confetti", r"confetti|sprinkles|celebration|party|birthday|festive"),
    ("mountains", r"mountains?|hills|peaks|ridges?|alps|dunes|landscape"),
    ("stars", r"stars|starry|star|galaxy|(?<!negative )(?<!white )(?<!copy )space|cosmos|cosmic|nebula|universe"
              r"|constellations?|milky way|night sky"),
    ("lowpoly", r"low[- ]?poly|polygon(?:al|s)?|triangles?|triangular|faceted|crystals?"),
    ("hexagons", r"hexagon(?:s|al)?|honeycomb|hex"),
    ("memphis", r"memphis|squiggles?|90s"),
    ("watercolour", r"water-?colou?rs?|wash|painterly|ink wash|gouache"),
    ("grid", r"grid|circuit|blueprint|graph paper|network|dot matrix"),
    ("papercut", r"paper[- ]?cut(?:-?out)?s?|layered paper|paper layers"),
    ("grain", r"paper|kraft|parchment|speckled?|concrete|stone|plaster|stucco|sand|grain|grainy|noise|noisy"),
    ("lines", r"lines|line art|strokes|threads|flowing lines|wavy lines"),
    ("waves", r"waves?|wavy|flowing|fluid|liquid|curves|curvy|ribbons?|swirls?|swoosh|ocean|sea|layers|layered"),
    ("circles", r"circles?|rings|concentric|ripples?|orbs?"),
    ("blobs", r"blobs?|organic|pebbles?|abstract shapes|fluid shapes"),
    ("mesh", r"mesh|blur|blurred|blurry|dreamy|glassmorphism|holographic|iridescent|soft focus|aura"),
    ("gradient", r"gradients?|ombr[eé]|fade|duotone|gradation|smooth"),
)
_GRAIN_OVERLAY = re.compile(r"\b(?:grain|grainy|noise|noisy|film grain|textured|risograph)\b")
_DARK_STYLES = frozenset({"aurora", "bokeh", "stars"})
_FILL_STYLES = frozenset({"gradient", "mesh", "waves", "papercut", "lowpoly", "mountains"})
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
    "keynote powerpoint deck stream call meeting".split()
)
_NO_TEXT = re.compile(r"\bno (?:text|words|lettering|type|typography|copy)\b|\btext-?free\b|\bwithout (?:any )?text\b")
_TIME_WORDS = frozenset("dusk dawn midnight night sunset sunrise twilight".split())


def background(ctx: Ctx) -> str:
    """A full-bleed background in the technique the prompt asks for; returns `background-<style>`."""
    style, overlay = _style(ctx)
    ctx.info.setdefault("drawn", [])
    ctx.info.setdefault("set_texts", [])
    tones = _tones(ctx, style)
    art = ctx.canvas.group("background-art")
    _DRAWERS.get(style, _paper)(ctx, art, tones)
    if style != "room":
        _motifs(ctx, art, tones)
    if overlay and style not in ("grain", "watercolour", "linen"):
        grain(ctx, art, tones, 0.09 * tones.strength)
    if style != "room":
        _calm(ctx, art, tones)
    _text(ctx, art, tones)
    return f"background-{style}"


# --- reading the prompt -----------------------------------------------------------------------------------


def _style(ctx: Ctx) -> tuple[str, bool]:
    """(the technique, whether to lay film grain over it)."""
    text = ctx.brief.prompt.lower()
    found = [name for name, pattern in _STYLES if re.search(rf"(?<![\w-])(?:{pattern})(?![\w-])", text)]
    overlay = bool(_GRAIN_OVERLAY.search(text))
    if found and found[0] == "grain" and len(found) > 1 and not re.search(
            r"\b(?:paper|kraft|parchment|concrete|stone|plaster|stucco|sand|speckled?)\b", text):
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
        before, after = lower[: m.start], lower[m.end:]
        listed = bool(re.search(r"(?:\b(?:to|into|and|or|from|through|then|&)|,|-)\s*$", before)
                      or re.match(r"\s*(?:to|and|&|,|-)\s", after))
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
    strength = 0.6 if _has(ctx, "subtle", "faint", "soft", "gentle", "quiet") else (
        1.3 if _has(ctx, "bold", "vibrant", "vivid", "striking", "loud") else 1.0)
    clear = s.background is None
    if s.constrained:
        ground = s.background or s.surface
        if style in _DARK_STYLES:
            ground = min(s.colors(), key=lambda c: oklch(c)[0])
        cols = [c for c in (s.primary, s.accent, s.secondary, s.surface, s.ink, s.background) if c and c != ground]
        cols = list(dict.fromkeys(cols)) or [ground]
        line = readable(ground, cols)
        return Tones(ground, tuple(cols[:4]) if len(cols) > 1 else (cols[0], cols[0]), line,
                     oklch(ground)[0] < 0.5, True, clear, strength, calm)
    named = _named(ctx)
    neon = _has(ctx, "neon", "synthwave", "cyberpunk", "vaporwave", "fluorescent")
    dark = "dark" in b.moods or neon or style in _DARK_STYLES
    light = "light" in b.moods or _has(ctx, "airy", "white")
    bg = b.background_color
    said_on = re.search(r"\b(?:on|against|over)\s+(?:an?\s+)?[\w -]*$", b.prompt.lower()[: _ground_at(ctx)])
    if bg is not None and len(named) >= 2 and (style == "watercolour" or not said_on) and re.search(
            r"\bbackgrounds?\s+(?:in|of|with|using)\b", b.prompt.lower()):
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
    steps = [(0.3, 0.1), (0.5, 0.15), (0.72, 0.14), (0.88, 0.07)] if dark else [
        (0.92, 0.05), (0.77, 0.11), (0.6, 0.15), (0.42, 0.11)]
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
    if style in ("stars", "aurora", "mountains"):
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
    if _has(ctx, "website", "web", "hero", "landing", "header", "presentation", "slide", "slides", "powerpoint",
            "keynote", "banner"):
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
    purpose = {w for m in re.finditer(r"\bfor\s+(?:an?|the|my|our|your)?\s*((?:[\w-]+\s+){0,3}[\w-]+)", lower)
               for w in re.findall(r"[a-z]+", m.group(1))}
    # Words of the technique ("low poly", "paper cut waves", "aurora borealis") are drawn by its style.
    technique = {w for _, pattern in _STYLES for m in re.finditer(rf"(?<![\w-])(?:{pattern})(?![\w-])", lower)
                 for w in re.findall(r"[a-z]+", m.group())}
    out = []
    for subject in ctx.brief.subjects:
        words = re.findall(r"[a-z]+", subject.lower())
        if not words or subject in ctx.brief.color_names or words[-1] in _NOT_MOTIFS | purpose | technique:
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
                layer.path(_midrib_d(x, y, size, angle), None, stroke=t.ground if t.flat else whisper(t, tint, 0.6),
                           stroke_width=round(short * 0.003, 2))
            drawn.append({"concept": query, "icon": "leaf-shape"})
        elif shape == "clouds":
            from artboard.composer.recipes.graphics.scenery import cloud_d

            puff = tint if t.flat else lerp_lch(from_oklch(0.985, 0.005, 250), t.colors[0], 0.08)
            for x, y in spots:
                layer.path(cloud_d(x, y, short * rng.uniform(0.35, 0.6)), puff,
                           fill_opacity=None if t.flat else round(rng.uniform(0.65, 0.9), 2))
            drawn.append({"concept": query, "icon": "cloud-shape"})
        elif shape in ("snow", "bubbles"):
            for x, y in itertools.islice(scatter(ctx, w, h, short * 0.07, limit=300), 220):
                r = short * rng.uniform(0.003, 0.008) * (3 if shape == "bubbles" else 1)
                if shape == "bubbles":
                    layer.circle(x, y, r, None, stroke=tint, stroke_width=round(short * 0.002, 2))
                else:  # snow is white; on a pale ground, a cool tint that still shows
                    flake = tint if t.flat else (from_oklch(0.98, 0.01, 240) if oklch(t.ground)[0] < 0.8
                                                 else whisper(t, from_oklch(0.75, 0.04, 240), 0.6))
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
        x, y = ((along * w, inset * h) if side < 0.25 else (along * w, h - inset * h) if side < 0.5
                else (inset * w, along * h) if side < 0.75 else (w - inset * w, along * h))
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
    cued = re.search(rf"\b(?:says?|saying|reads?|reading|text|words?|headline|title|titled|caption|slogan|quote)"
                     rf"\W+{said}", b.prompt, re.IGNORECASE)
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
    options = [t.line, *t.colors, t.ground] if t.flat else [t.line, from_oklch(0.98, 0.01, 90),
                                                            from_oklch(0.2, 0.02, oklch(t.ground)[2])]
    ink = readable(t.ground, options)
    ctx.info["set_texts"].append(headline)
    ctx.text(node, headline, box, ink, max_size=ctx.short * 0.06, max_lines=2, tracking=40, uppercase=True,
             align="center", name="headline")


# --- surfaces ---------------------------------------------------------------------------------------------


def _paper(ctx: Ctx, node: Node, t: Tones) -> str:
    """Paper or a plain ground with noise: fine seeded speckle, film grain, a few fibres and a soft vignette."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    base(ctx, node, t)
    area = w * h / 1024 ** 2
    paper = _has(ctx, "paper", "kraft", "parchment", "handmade", "recycled", "cardboard")
    dark_fleck = lighter(t, t.ground, -0.16 if not t.dark else 0.12, 0.8)
    light_fleck = lighter(t, t.ground, 0.05 if not t.dark else -0.05, 0.8)
    if paper and not t.flat:
        # Mottling: the pulp lies unevenly, a few broad soft shades darker and lighter.
        mottle = node.group("mottle")
        for k in range(7):
            tone = lighter(t, t.ground, -0.035 if k % 2 else 0.02)
            r = short * rng.uniform(0.2, 0.45)
            st.soft_ellipse(ctx, mottle, rng.uniform(0, w), rng.uniform(0, h), r, r * rng.uniform(0.5, 0.9), tone,
                            min(1.0, 0.7 * t.strength + 0.2), rng.uniform(0, 180))
    for color, count, alpha, big in ((dark_fleck, int(900 * area), 0.55, 0.0016),
                                     (light_fleck, int(500 * area), 0.8, 0.0014)):
        d = "".join(st.speck_d(rng.uniform(0, w), rng.uniform(0, h), short * rng.uniform(0.0004, big))
                    for _ in range(count))
        d += "".join(st.speck_d(rng.uniform(0, w), rng.uniform(0, h), short * rng.uniform(0.0015, 0.0026))
                     for _ in range(int(count * 0.03)))
        node.path(d, color, fill_opacity=None if t.flat else round(min(1.0, alpha * (t.strength + 0.4)), 2))
    if paper:
        fibres = node.group("fibres")
        for _ in range(int(110 * area)):
            x, y = rng.uniform(0, w), rng.uniform(0, h)
            a, length = rng.uniform(0, math.pi), short * rng.uniform(0.008, 0.028)
            bend = rng.uniform(-0.5, 0.5) * length
            fibres.path(f"M{num(x)} {num(y)}q{num(math.cos(a) * length / 2 - math.sin(a) * bend)} "
                        f"{num(math.sin(a) * length / 2 + math.cos(a) * bend)} {num(math.cos(a) * length)} "
                        f"{num(math.sin(a) * length)}", None, stroke=dark_fleck,
                        stroke_width=round(max(0.6, short * 0.0008), 2), stroke_opacity=None if t.flat else 0.45)
    grain(ctx, node, t, 0.16 * (t.strength + 0.4))
    if not t.flat and paper:
        edge = lighter(t, t.ground, -0.1)
        node.rect(0, 0, w, h, radial(ctx, w / 2, h / 2, math.hypot(w, h) * 0.6,
                                     [(0.55, edge, 0), (1, edge, 0.3 * t.strength)]))
    return "paper" if paper else "noise"


def _vein(ctx: Ctx, a: Point, b: Point, meander: float, steps: int = 90) -> list[Point]:
    """A marble vein from a to b: a slow meander (two seeded sines across the line) with a fine, seeded tremor."""
    rng = ctx.rng
    length = math.hypot(b[0] - a[0], b[1] - a[1]) or 1.0
    nx, ny = -(b[1] - a[1]) / length, (b[0] - a[0]) / length
    f1, f2, f3 = rng.uniform(0.6, 1.6), rng.uniform(3, 6), rng.uniform(11, 19)
    p1, p2, p3 = rng.uniform(0, 6.3), rng.uniform(0, 6.3), rng.uniform(0, 6.3)
    out, tremor = [], 0.0
    for i in range(steps + 1):
        s = i / steps
        tremor = tremor * 0.7 + rng.gauss(0, 0.0025)
        off = length * (meander * (math.sin(2 * math.pi * f1 * s + p1) + 0.35 * math.sin(2 * math.pi * f2 * s + p2))
                        + 0.006 * math.sin(2 * math.pi * f3 * s + p3) + tremor)
        out.append((a[0] + (b[0] - a[0]) * s + nx * off, a[1] + (b[1] - a[1]) * s + ny * off))
    return out


def _ribbon_d(pts: list[Point], width: float, phase: float, waves: float) -> str:
    """A filled vein along `pts` whose width swells and pinches (tapered at both ends)."""
    left, right = [], []
    n = len(pts)
    for i, (x, y) in enumerate(pts):
        p, q = pts[max(0, i - 1)], pts[min(n - 1, i + 1)]
        length = math.hypot(q[0] - p[0], q[1] - p[1]) or 1.0
        nx, ny = -(q[1] - p[1]) / length, (q[0] - p[0]) / length
        s = i / (n - 1)
        wv = width * (0.2 + 0.8 * abs(math.sin(s * math.pi * waves + phase))) * math.sin(math.pi * s) ** 0.35
        left.append((x + nx * wv / 2, y + ny * wv / 2))
        right.append((x - nx * wv / 2, y - ny * wv / 2))
    return polygon_d(left + right[::-1])


def _marble(ctx: Ctx, node: Node, t: Tones) -> str:
    """Marble: soft cloudy drifts over the base, main veins that meander, swell and pinch with a soft halo, thin
    branches and hairlines running beside them; metallic veins (gold) carry a lighter highlight."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    base(ctx, node, t)
    vein = t.line
    metallic = oklch(vein)[1] > 0.08
    angle = math.radians(rng.uniform(25, 55) * rng.choice([1, -1]))
    diag = math.hypot(w, h)
    mains: list[tuple[list[Point], float]] = []
    for k in range(rng.randint(2, 3)):
        off = ((k + 0.5) / 3 - 0.5) * diag * 0.75 + rng.uniform(-0.08, 0.08) * diag
        cx, cy = w / 2 - math.sin(angle) * off, h / 2 + math.cos(angle) * off
        a = (cx - math.cos(angle) * diag * 0.75, cy - math.sin(angle) * diag * 0.75)
        b = (cx + math.cos(angle) * diag * 0.75, cy + math.sin(angle) * diag * 0.75)
        mains.append((_vein(ctx, a, b, rng.uniform(0.03, 0.06)), short * rng.uniform(0.005, 0.012) * t.strength))
    if not t.flat:
        # Cloudy drifts and a soft halo along each vein: the depth of polished stone.
        lightness, _, hue = oklch(t.ground)
        cloud = from_oklch(lightness - 0.07 if lightness > 0.5 else lightness + 0.07, 0.008, hue)
        soft = node.group("drift")
        for _ in range(6):
            r = short * rng.uniform(0.25, 0.5)
            st.soft_ellipse(ctx, soft, rng.uniform(0, w), rng.uniform(0, h), r, r * rng.uniform(0.3, 0.6), cloud,
                            rng.uniform(0.35, 0.6), math.degrees(angle) + rng.uniform(-20, 20))
        for pts, width in mains:
            soft.path(st.smooth_open_d(pts[::3]), None, stroke=vein if metallic else cloud,
                      stroke_width=round(width * 2.5, 2), stroke_opacity=0.12 if metallic else 0.35)
    hair = whisper(t, vein, 0.45) if not t.flat else vein
    thin = round(max(0.7, short * 0.0012), 2)
    for pts, width in mains:
        node.path(_ribbon_d(pts, width, rng.uniform(0, 6), rng.uniform(2, 4)), vein)
        if metallic and not t.flat:
            node.path(st.smooth_open_d(pts[::3]), None, stroke=lighter(t, vein, 0.16, 0.7),
                      stroke_width=round(width * 0.2, 2), stroke_opacity=0.8)
        for _ in range(rng.randint(2, 3)):  # branches splitting off at a shallow angle
            i = rng.randrange(10, len(pts) - 30)
            turn = angle + rng.choice([-1, 1]) * rng.uniform(0.25, 0.6)
            length = diag * rng.uniform(0.15, 0.35)
            end = (pts[i][0] + math.cos(turn) * length, pts[i][1] + math.sin(turn) * length)
            node.path(_ribbon_d(_vein(ctx, pts[i], end, 0.05, 40), width * 0.5, rng.uniform(0, 6), 1.5), vein)
        for _ in range(2):  # hairlines running beside the vein
            shift = short * rng.uniform(0.02, 0.06) * rng.choice([-1, 1])
            nx, ny = -math.sin(angle) * shift, math.cos(angle) * shift
            pts2 = _vein(ctx, (pts[0][0] + nx, pts[0][1] + ny), (pts[-1][0] + nx, pts[-1][1] + ny), 0.04, 60)
            node.path(st.smooth_open_d(pts2[::2]), None, stroke=hair, stroke_width=thin)
    return "veined"


def _wood(ctx: Ctx, node: Node, t: Tones) -> str:
    """Wood: planks in slightly different tones, grain lines that bow around knots, thin seams between."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    planks = rng.randint(3, 5) if h >= w else rng.randint(3, 4)
    ph = h / planks
    line = lighter(t, t.ground, -0.2, 1.1)
    streak = lighter(t, t.ground, 0.05)
    for p in range(planks):
        y0 = p * ph
        tone = t.ground if t.flat else lighter(t, t.ground, rng.uniform(-0.035, 0.035))
        clip = ctx.canvas.clip(rect_d(0, y0, w, ph))
        plank = node.group("plank", clip_path=clip)
        plank.rect(0, y0, w, ph, tone)
        knots = [(rng.uniform(0, w), y0 + ph * rng.uniform(0.25, 0.75), short * rng.uniform(0.025, 0.05))
                 for _ in range(rng.randint(0, 2))]
        shift = rng.uniform(0, w)
        if not t.flat:  # long soft streaks of lighter and darker wood along the plank
            for _ in range(4):
                sy = y0 + ph * rng.uniform(0, 1)
                plank.rect(-2, sy, w + 4, ph * rng.uniform(0.08, 0.25), rng.choice([streak, line]),
                           fill_opacity=round(rng.uniform(0.08, 0.16), 2))
        y = y0 - ph * 0.1
        xs = st.sample_x(w, w / 70)
        while y < y0 + ph * 1.1:
            params = st.wave_fn(rng, w, ph * rng.uniform(0.02, 0.06), rng.uniform(0.3, 0.8))
            pts = []
            for x in xs:
                dy = st.wave_y(params, x + shift)
                for kx, ky, kr in knots:
                    near = math.exp(-((x - kx) / (kr * 2.4)) ** 2)
                    dy += math.copysign(kr * 1.3 * near * max(0.0, 1 - abs(y - ky) / (kr * 4)), y - ky)
                pts.append((x, y + dy))
            alpha = rng.uniform(0.25, 0.7)
            plank.path(st.smooth_open_d(pts[::2]), None, stroke=line,
                       stroke_width=round(max(0.6, short * rng.uniform(0.0008, 0.0025)), 2),
                       stroke_opacity=None if t.flat else round(alpha * t.strength, 2))
            y += ph * rng.uniform(0.02, 0.065)
        for kx, ky, kr in knots:
            for ring in range(3):
                plank.add("ellipse", cx=round(kx, 2), cy=round(ky, 2), rx=round(kr * (1.3 - ring * 0.35), 2),
                          ry=round(kr * (0.55 - ring * 0.15), 2), fill="none", stroke=line,
                          stroke_width=round(short * 0.002, 2))
        if p:
            node.rect(0, y0 - 0.8, w, 1.6, lighter(t, t.ground, -0.2))
    return "planks"


def _linen(ctx: Ctx, node: Node, t: Tones) -> str:
    """Linen or canvas: a fine crosshatch of threads in two tones, uneven slubs, and a little grain."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    base(ctx, node, t)
    gap = short * (0.0055 if not t.flat else 0.011)
    dark, light = lighter(t, t.ground, -0.06, 1.1), lighter(t, t.ground, 0.04)
    width = round(max(0.6, gap * 0.45), 2)
    for color, alpha in ((dark, 0.45), (light, 0.6)):
        parts = []
        for k in range(int(w / gap) + 1):
            if rng.random() < 0.5:
                parts.append(f"M{num(k * gap + rng.uniform(-0.3, 0.3) * gap)} 0V{num(h)}")
        for k in range(int(h / gap) + 1):
            if rng.random() < 0.5:
                parts.append(f"M0 {num(k * gap + rng.uniform(-0.3, 0.3) * gap)}H{num(w)}")
        node.path("".join(parts), None, stroke=color, stroke_width=width,
                  stroke_opacity=None if t.flat else round(alpha * t.strength, 2))
    slubs = []
    for _ in range(int(140 * w * h / 1024 ** 2)):
        x, y, length = rng.uniform(0, w), rng.uniform(0, h), short * rng.uniform(0.01, 0.04)
        slubs.append(f"M{num(x)} {num(y)}h{num(length)}" if rng.random() < 0.5 else f"M{num(x)} {num(y)}v{num(length)}")
    node.path("".join(slubs), None, stroke=dark, stroke_width=round(width * 1.8, 2), stroke_linecap="round",
              stroke_opacity=None if t.flat else 0.35)
    grain(ctx, node, t, 0.06 * t.strength)
    return "weave"


def _terrazzo(ctx: Ctx, node: Node, t: Tones) -> str:
    """Terrazzo: irregular chips in three sizes and the colours (with a darker and lighter of each) on the ground."""
    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    base(ctx, node, t)
    cols = list(t.colors)
    if not t.flat:
        cols += [lighter(t, c, -0.1) for c in t.colors[:2]]
    for spacing, lo, hi in ((0.12, 0.018, 0.034), (0.055, 0.007, 0.014), (0.025, 0.002, 0.004)):
        for k, (x, y) in enumerate(scatter(ctx, w, h, short * spacing, limit=1800)):
            r = short * rng.uniform(lo, hi)
            n = rng.randint(5, 7)
            start = rng.uniform(0, 2 * math.pi)
            pts = [(x + r * rng.uniform(0.55, 1.0) * math.cos(start + 2 * math.pi * i / n + rng.uniform(-0.3, 0.3)),
                    y + r * rng.uniform(0.55, 1.0) * math.sin(start + 2 * math.pi * i / n + rng.uniform(-0.3, 0.3)))
                   for i in range(n)]
            node.polygon(pts, cols[(k + rng.randrange(len(cols))) % len(cols)])
    return "chips"


def _room(ctx: Ctx, node: Node, t: Tones) -> str:
    """A room for video calls: a softly lit wall, a wooden floor, a bookshelf on one side, a big plant and a floor
    lamp on the other, a print on the wall; the middle stays clear for the person in front of it."""
    from artboard.composer.recipes.graphics.scenery import leaf_d

    rng, w, h, short = ctx.rng, float(ctx.width), float(ctx.height), ctx.short
    wall = t.ground
    floor_y = h * 0.84
    if t.flat:
        base(ctx, node, t)
    else:
        base(ctx, node, t, st.linear(ctx, [(0, lighter(t, wall, 0.02)), (1, lighter(t, wall, -0.06))], 90))
        glow = lighter(t, wall, 0.06)
        node.rect(0, 0, w, h, radial(ctx, w * 0.5, h * 0.3, short * 0.9, [(0, glow, 0.7), (1, glow, 0)]))
    wood = from_oklch(0.5, 0.07, 58) if not t.flat else readable(wall, list(t.colors))
    dark_wood = lighter(t, wood, -0.1)
    node.rect(0, floor_y, w, h - floor_y, lighter(t, wood, 0.08))
    node.path("".join(f"M0 {num(floor_y + (h - floor_y) * f)}H{num(w)}" for f in (0.3, 0.62)), None,
              stroke=wood, stroke_width=round(max(1.0, short * 0.002), 2))
    node.rect(0, floor_y - short * 0.016, w, short * 0.016, lighter(t, wall, -0.1))
    drawn = ctx.info.setdefault("drawn", [])
    left = rng.random() < 0.5
    # The bookshelf: a wooden case, four shelves of books in the colours, a few leaning or lying down.
    shelf_w = w * (0.24 if w > h else 0.34)
    sx = w * 0.04 if left else w * 0.96 - shelf_w
    top = h * 0.1
    node.rect(sx, top, shelf_w, floor_y - top, wood)
    pad = short * 0.014
    node.rect(sx + pad, top + pad, shelf_w - 2 * pad, floor_y - top - pad, dark_wood)
    books = list(t.colors) + ([lighter(t, c, -0.14) for c in t.colors[:3]] + [from_oklch(0.9, 0.03, 85)]
                              if not t.flat else [])
    rows, row_h = 4, (floor_y - top) / 4
    for r in range(rows):
        board = top + row_h * (r + 1)
        node.rect(sx, board - pad, shelf_w, pad, wood)
        x, end = sx + pad * 1.5, sx + shelf_w - pad * 1.5
        while x < end - short * 0.03:
            if rng.random() < 0.1:  # a short stack lying down
                bw = min(end - x, short * rng.uniform(0.06, 0.09))
                for k in range(rng.randint(2, 3)):
                    node.rect(x, board - pad - short * 0.016 * (k + 1), bw - k * short * 0.006, short * 0.015,
                              books[rng.randrange(len(books))], rx=short * 0.002)
                x += bw + short * 0.01
                continue
            bw = short * rng.uniform(0.012, 0.024)
            bh = (row_h - pad * 2.2) * rng.uniform(0.6, 0.92)
            lean = rng.random() < 0.08
            node.rect(x, board - pad - bh, bw, bh, books[rng.randrange(len(books))], rx=short * 0.002,
                      transform=f"rotate({num(-12)} {num(x + bw)} {num(board - pad)})" if lean else None)
            x += bw + short * (0.012 if lean else 0.002)
    drawn.append({"concept": "bookshelf", "icon": "books-on-shelves"})
    # The plant: a pot and a fan of big leaves in two greens.
    px = w * 0.86 if left else w * 0.14
    pot_w, pot_h = short * 0.12, short * 0.13
    greens = [from_oklch(0.5, 0.1, 150), from_oklch(0.62, 0.12, 140)] if not t.flat else [t.colors[0], t.line]
    for k in range(9):
        angle = -90 + (k - 4) * rng.uniform(13, 18)
        length = short * rng.uniform(0.16, 0.26)
        stem_y = floor_y - pot_h
        a = math.radians(angle)
        tip = (px + math.cos(a) * length * 0.45, stem_y + math.sin(a) * length * 0.45)
        node.path(f"M{num(px)} {num(stem_y)}L{num(tip[0])} {num(tip[1])}", None, stroke=greens[0],
                  stroke_width=round(short * 0.004, 2))
        node.path(leaf_d(tip[0], tip[1], length * 0.7, angle + rng.uniform(-10, 10), 0.34), greens[k % 2])
    node.path(polygon_d([(px - pot_w / 2, floor_y - pot_h), (px + pot_w / 2, floor_y - pot_h),
                         (px + pot_w * 0.38, floor_y), (px - pot_w * 0.38, floor_y)]),
              t.colors[0] if not t.flat else t.line)
    drawn.append({"concept": "plant", "icon": "potted-leaves"})
    # A floor lamp beside the plant, its light pooled on the wall.
    lx = px + (-1 if left else 1) * short * 0.2
    shade_y = h * 0.36
    if not t.flat:
        light = from_oklch(0.97, 0.05, 85)
        node.rect(0, 0, w, h, radial(ctx, lx, shade_y, short * 0.35, [(0, light, 0.55), (1, light, 0)]))
    node.rect(lx - short * 0.003, shade_y, short * 0.006, floor_y - shade_y, dark_wood)
    node.path(polygon_d([(lx - short * 0.035, shade_y - short * 0.06), (lx + short * 0.035, shade_y - short * 0.06),
                         (lx + short * 0.055, shade_y + short * 0.01), (lx - short * 0.055, shade_y + short * 0.01)]),
              t.colors[1 % len(t.colors)] if t.flat else from_oklch(0.9, 0.04, 80))
    node.add("ellipse", cx=round(lx, 2), cy=round(floor_y, 2), rx=round(short * 0.04, 2), ry=round(short * 0.008, 2),
             fill=dark_wood)
    drawn.append({"concept": "lamp", "icon": "floor-lamp"})
    # A framed print high on the wall between the shelf and the middle.
    fw, fh = short * 0.17, short * 0.22
    fx = (sx + shelf_w + w * 0.06) if left else (sx - w * 0.06 - fw)
    fy = h * 0.14
    node.rect(fx, fy, fw, fh, dark_wood)
    inner = (fx + fw * 0.09, fy + fw * 0.09, fw * 0.82, fh - fw * 0.18)
    node.rect(*inner, from_oklch(0.96, 0.01, 90) if not t.flat else wall)
    node.path(st.smooth_closed_d(st.blob_points(rng, inner[0] + inner[2] * 0.45, inner[1] + inner[3] * 0.55,
                                                inner[2] * 0.3, 0.3)), t.colors[0])
    node.circle(inner[0] + inner[2] * 0.7, inner[1] + inner[3] * 0.28, inner[2] * 0.12, t.colors[1 % len(t.colors)])
    return "room"


def _night(ctx: Ctx) -> bool:
    return _has(ctx, "night", "starry", "stars", "midnight", "moon", "moonlit")


def _stars(ctx: Ctx, node: Node, t: Tones) -> str:
    return st.night_sky(ctx, node, t, moon=_has(ctx, "moon", "crescent", "lunar", "moonlit"),
                        galaxy=_has(ctx, "galaxy", "milky", "nebula", "cosmos", "cosmic", "universe"))


_DRAWERS: dict[str, Callable[[Ctx, Node, Tones], str]] = {
    "gradient": st.gradient,
    "mesh": st.mesh,
    "blobs": st.blobs,
    "aurora": st.aurora,
    "bokeh": st.bokeh,
    "watercolour": st.watercolour,
    "waves": st.waves,
    "papercut": lambda ctx, node, t: st.waves(ctx, node, t, layered=True),
    "lines": st.flow_lines,
    "mountains": lambda ctx, node, t: st.mountains(ctx, node, t, _night(ctx)),
    "topographic": st.topographic,
    "lowpoly": st.low_poly,
    "hexagons": st.hexagons,
    "circles": st.circles,
    "grid": st.dot_grid,
    "halftone": st.halftone,
    "confetti": st.confetti,
    "memphis": st.memphis,
    "stars": _stars,
    "marble": _marble,
    "wood": _wood,
    "linen": _linen,
    "terrazzo": _terrazzo,
    "room": _room,
    "grain": _paper,
}
