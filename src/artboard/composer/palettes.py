"""Colour schemes: roles (background, primary, secondary, accent, ink …) from the user's palette, the prompt's
colour words and moods, or a seeded harmony in OKLCH.

A user palette is a guarantee, so with one every role is a palette colour (or the requested background).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from artboard.colors import RGB, contrast_ratio, from_oklch, oklch, shade_to_contrast
from artboard.composer import colour_words
from artboard.composer.brief import Brief

# Subjects that carry a colour in most people's heads; used only when the prompt names no colour.
_SUBJECT_HUES: tuple[tuple[tuple[str, ...], float], ...] = (
    (("coffee", "espresso", "cafe", "bakery", "bread", "chocolate", "wood", "leather", "brew", "beer"), 55.0),
    (("forest", "tree", "plant", "leaf", "garden", "eco", "nature", "green", "organic", "hiking", "camp"), 145.0),
    (("ocean", "sea", "wave", "water", "surf", "sail", "boat", "harbor", "harbour", "fish", "beach"), 230.0),
    (("fire", "flame", "hot", "spicy", "chili", "pepper", "burger", "pizza", "tomato", "love", "heart"), 28.0),
    (("sun", "sunset", "summer", "lemon", "honey", "bee", "gold", "star", "banana"), 80.0),
    (("tech", "data", "cloud", "saas", "software", "ai", "code", "cyber", "finance", "bank", "fintech"), 262.0),
    (("night", "moon", "space", "galaxy", "astronomy", "dream", "sleep", "rocket"), 285.0),
    (("flower", "rose", "beauty", "skincare", "cosmetic", "wedding", "blossom", "candy", "cake"), 350.0),
    (("mountain", "snow", "winter", "ice", "frost"), 240.0),
)


@dataclass(frozen=True)
class Scheme:
    background: RGB | None  # None: transparent
    surface: RGB  # panels, tiles and secondary grounds
    primary: RGB
    secondary: RGB
    accent: RGB
    ink: RGB  # text and line work on the background
    on_primary: RGB  # text and glyphs on primary-coloured shapes
    constrained: bool  # True when the colours come from a user palette (a guarantee, not a hint)

    @property
    def ground(self) -> RGB:
        """The colour things sit on (the background, or white-ish surface when transparent)."""
        return self.background if self.background is not None else self.surface

    def colors(self) -> list[RGB]:
        seen: list[RGB] = []
        for c in (self.background, self.surface, self.primary, self.secondary, self.accent, self.ink, self.on_primary):
            if c is not None and c not in seen:
                seen.append(c)
        return seen


def _best_contrast(against: RGB, options: Sequence[RGB]) -> RGB:
    return max(options, key=lambda c: (round(contrast_ratio(c, against), 2), -options.index(c)))


def _chroma(c: RGB) -> float:
    return oklch(c)[1]


def from_palette(
    palette: Sequence[RGB], background: RGB | None, transparent: bool, brief: Brief, rng: random.Random
) -> Scheme:
    colors = list(palette)
    if background is None and not transparent:
        # The ground must be a palette colour too: take the lightest (or darkest for dark moods) when there
        # are enough colours left to draw with; otherwise draw on a transparent ground.
        if len(colors) >= 2:
            ordered = sorted(colors, key=lambda c: oklch(c)[0], reverse="dark" not in brief.moods)
            background = ordered[0]
        else:
            transparent = True
    ground = background if background is not None else (255, 255, 255)
    drawable = [c for c in colors if c != background] or colors
    by_chroma = sorted(drawable, key=lambda c: (-_chroma(c), drawable.index(c)))
    primary = by_chroma[0]
    if contrast_ratio(primary, ground) < 1.6 and len(drawable) > 1:
        primary = _best_contrast(ground, drawable)
    rest = [c for c in by_chroma if c != primary]
    accent = rest[0] if rest else primary
    secondary = rest[1] if len(rest) > 1 else accent
    ink = _best_contrast(ground, drawable)
    on_primary_options = [c for c in colors if c != primary] or [primary]
    if background is not None and background not in on_primary_options:
        on_primary_options.append(background)
    on_primary = _best_contrast(primary, on_primary_options)
    surface_options = [c for c in colors if c not in (background, primary)]
    surface = min(surface_options, key=lambda c: abs(oklch(c)[0] - oklch(ground)[0])) if surface_options else ground
    return Scheme(
        background=None if transparent else background,
        surface=surface,
        primary=primary,
        secondary=secondary,
        accent=accent,
        ink=ink,
        on_primary=on_primary,
        constrained=True,
    )


def _subject_hue(brief: Brief) -> float | None:
    for words, hue in _SUBJECT_HUES:
        if any(w in brief.words for w in words):
            return hue
    return None


def generate(brief: Brief, background: RGB | None, transparent: bool, rng: random.Random) -> Scheme:
    """A harmonious scheme for the brief, varied by the seed."""
    named = list(brief.colors)
    hue = oklch(named[0])[2] if named else _subject_hue(brief)
    if hue is None and "earthy" in brief.moods:
        hue = rng.choice([35.0, 50.0, 70.0, 95.0])  # terracotta, clay, ochre, olive: the earth's own hues
    if hue is None:
        hue = rng.choice([25.0, 45.0, 75.0, 150.0, 190.0, 230.0, 260.0, 300.0, 345.0])
    hue = (hue + rng.uniform(-12, 12)) % 360
    moods = brief.moods
    # "bright & fun", "vibrant" ask for saturated colours; only a glow ("neon", "synthwave") asks for the night.
    dark = "dark" in moods or ("neon" in moods and bool(brief.words & _GLOW_WORDS)) or brief.on_dark
    chroma = 0.15
    if "pastel" in moods:
        chroma = 0.08
    if "muted" in moods or "earthy" in moods or brief.has("vintage"):
        chroma = 0.075
    if "neon" in moods:
        chroma = 0.24
    if "monochrome" in moods:
        chroma = 0.0 if not named else 0.12
    if named and all(oklch(c)[1] < 0.03 for c in named):
        chroma = 0.0  # "black and white", "charcoal and cream": no hue the user did not name (a pink panel)
    harmony = rng.choice(["complementary", "analogous", "split", "triadic"])
    offset = {"complementary": 180.0, "analogous": 38.0, "split": 150.0, "triadic": 120.0}[harmony]
    accent_hue = (hue + offset * rng.choice([1, -1])) % 360

    if chroma == 0.0 and not named:
        # "Monochrome"/"single colour" without a named colour: a near-black ink reads as intended; mid-grey is mud.
        primary = from_oklch(0.24 if not dark else 0.92, 0.015, hue)
    else:
        # Yellows only read as yellow when light; at mid lightness they turn olive or brown.
        yellowish = 65 <= hue <= 110
        lightness = 0.8 if yellowish else (0.52 if not dark else 0.68)
        primary = named[0] if named else from_oklch(lightness, chroma, hue)
    accent = (
        named[1]
        if len(named) > 1
        else from_oklch(
            0.72 if "pastel" not in moods else 0.82, min(0.17, chroma + 0.02) if chroma else 0.0, accent_hue
        )
    )
    secondary = named[2] if len(named) > 2 else from_oklch(0.78 if not dark else 0.42, chroma * 0.6, hue + 18)
    if len(named) == 1:
        # "Gold on black", "navy on white", "a red poster": the colour asked for and its tints, never a new hue.
        n_l, n_c, n_h = oklch(named[0])
        accent = from_oklch(min(0.95, n_l + 0.16) if n_l < 0.7 else n_l - 0.2, n_c * 0.8, n_h)
        secondary = from_oklch(n_l - 0.1 if n_l > 0.35 else n_l + 0.12, n_c * 0.7, n_h)
    if ({"deco", "gatsby"} & brief.words) and not named:
        # Art deco: gold and cream on night blue.
        primary, accent, secondary = from_oklch(0.76, 0.12, 85), from_oklch(0.93, 0.03, 90), from_oklch(0.5, 0.08, 80)
        hue, chroma, dark = 255.0, 0.03, True
    if "sinister" in moods and not named:
        # Crime, horror, thrillers: blood red and bone on near-black, not the seed's cheerful harmony.
        primary = from_oklch(0.55, 0.19, 25 + rng.uniform(-6, 6))
        accent = from_oklch(0.88, 0.025, 85)
        secondary = from_oklch(0.36, 0.1, 22)
        hue, chroma = 25.0, 0.02
    themed = (
        _mood_colours(brief)
        if not named and not ({"deco", "gatsby"} & brief.words) and "sinister" not in moods
        else None
    )
    if themed is not None:
        # "autumn", "tropical", "boho", "nordic", "luxury": a designer's palette for the mood, not a seeded hue.
        chromatic = sorted(themed, key=lambda c: -oklch(c)[1])
        if len(chromatic) > 1 and rng.random() < 0.5:
            chromatic[0], chromatic[1] = chromatic[1], chromatic[0]  # which of the two strongest leads: the seed
        primary, accent = chromatic[0], chromatic[1] if len(chromatic) > 1 else chromatic[0]
        secondary = chromatic[2] if len(chromatic) > 2 else accent
        lightest = max(themed, key=lambda c: oklch(c)[0])
        darkest = min(themed, key=lambda c: oklch(c)[0])
        if background is None and not transparent and not brief.on_white and brief.background_color is None:
            background = (  # a ground said ("navy background") wins over the mood's
                darkest
                if dark and oklch(darkest)[0] < 0.3
                else (lightest if oklch(lightest)[0] > 0.88 and not dark else None)  # a night asked stays dark
            )
        hue = oklch(primary)[2]
    if brief.has("two_color", "single_color") or "monochrome" in moods:
        accent = primary if brief.has("single_color") else accent
        secondary = primary
    if (
        background is None
        and not transparent
        and brief.background_color is None
        and named
        and not brief.on_white
        and brief.design_type in _FILLED
        and oklch(named[0])[0] < 0.36
        and (len(named) == 1 or any(contrast_ratio(c, named[0]) >= 3.0 for c in named[1:]))
    ):
        # A poster or banner led by a deep colour ("dark purple and orange", "navy and coral", "a burgundy
        # poster"): the deep colour is the ground a designer fills it with, the others (or its light tint) the
        # figure.
        background, dark = named[0], True
        n_l, n_c, n_h = oklch(named[0])
        named = named[1:]
        primary = named[0] if named else from_oklch(0.86, min(0.08, n_c * 0.5), n_h)
        accent = named[1] if len(named) > 1 else from_oklch(0.72, max(0.1, n_c), (n_h + 35) % 360)
        hue = n_h
    light = _light_ground(brief, named) if background is None and not transparent else None
    if light is not None:
        # "dusty rose and cream", "warm beige tones", "soft yellow and grey": a light, quiet colour said among the
        # colours is the paper the design is printed on; the others (or its own deep tone) are the figure.
        background = light
        n_l, n_c, n_h = oklch(light)
        named = [c for c in named if c != light]
        primary = named[0] if named else from_oklch(0.42, max(0.05, n_c * 1.8), n_h)
        p_l, p_c, p_h = oklch(primary)
        # A second figure colour from what was said: the next named colour, else a tone of the first.
        accent = named[1] if len(named) > 1 else from_oklch(p_l + 0.18 if p_l < 0.55 else p_l - 0.2, p_c, p_h)
        if n_c < 0.02:
            n_h = p_h  # white or a grey paper has no hue of its own: tints follow the figure ("sage and white")
        secondary = from_oklch(min(0.8, n_l - 0.12), max(0.04, n_c), n_h)
        hue = n_h
    if (
        background is None
        and not transparent
        and brief.background_color is None
        and len(named) >= 2
        and not brief.on_white
    ):
        # "midnight blue and pale yellow": a very dark and a very light named colour are a ground and a figure.
        darkest = min(named, key=lambda c: oklch(c)[0])
        lightest = max(named, key=lambda c: oklch(c)[0])
        if oklch(darkest)[0] < 0.42 and contrast_ratio(lightest, (255, 255, 255)) < 2.6:
            background, dark = darkest, True
            named = [c for c in named if c != darkest]
            primary = lightest
    if (
        background is None
        and not transparent
        and brief.background_color is None
        and len(named) >= 2
        and not brief.on_white
        and not dark
    ):
        # Among two or more named colours, a white is the ground ("black and white", "deep blue and white"), and
        # among three a very light one is ("forest green, mustard and cream", "red, green and yellow").
        lightest = max(named, key=lambda c: oklch(c)[0])
        if oklch(lightest)[0] > 0.97 or (len(named) >= 3 and oklch(lightest)[0] > 0.85):
            background = lightest
            named = [c for c in named if c != lightest]
            primary = named[0]
            accent = named[1] if len(named) > 1 else accent
    if background is None and not transparent and brief.background_color is not None:
        background = brief.background_color  # "bright yellow background", "on a navy background"
        dark = oklch(background)[0] < 0.5
    chosen_ground = background is None and not transparent and not brief.on_white
    soft = (
        "pastel" in moods
        or any(n.split()[0] in _SOFT_WORDS for n in brief.color_names if " " in n)
        # "blush pink and sage": a palette of light, quiet colours is a light design
        or (len(named) >= 2 and all(oklch(c)[0] > 0.65 and oklch(c)[1] < 0.13 for c in named))
    )
    if chosen_ground and named and not dark and brief.design_type in _DARK_GROUND_OK and not soft:
        # A light named colour (yellow, gold, mint) vanishes on a light ground and darkening it would make it
        # another colour: a designer keeps the colour and sets it on a dark ground instead.
        n_l, _, n_h = oklch(primary)
        if contrast_ratio(primary, (250, 248, 242)) < (2.6 if 60 <= n_h <= 115 else 1.9) and n_l > 0.6:
            dark = True
            background = from_oklch(0.21, 0.035, 262.0 if 20 <= n_h <= 130 else n_h)
    if background is None and not transparent:
        if brief.on_white:
            background = (255, 255, 255)
        elif dark:
            background = from_oklch(0.17, min(chroma, 0.03), hue)
        elif "pastel" in moods:
            background = from_oklch(0.96, 0.025, (hue + 20) % 360)
        elif brief.has("vintage"):
            background = from_oklch(0.94, 0.03, 85)
        else:
            background = rng.choice([(255, 255, 255), from_oklch(0.975, 0.012, hue), from_oklch(0.96, 0.02, 85)])
    ground = background if background is not None else (255, 255, 255)
    # A light named colour may stay as it is when another named colour can carry the type ("blush pink and
    # charcoal"): it only has to show as a shape then.
    if (
        chosen_ground
        and dark
        and named
        and brief.background_color is None
        and oklch(primary)[0] < 0.4
        and contrast_ratio(primary, ground) < 1.9
    ):
        # A dark named colour in a dark design ("burgundy", "deep red" and a night mood) is the ground itself,
        # at its own value, rather than lightened into a pink on near-black.
        background = ground = primary
        n_l, n_c, n_h = oklch(primary)
        primary = from_oklch(0.86, min(0.08, n_c * 0.5), n_h)
    carried = any(c != primary and contrast_ratio(c, ground) >= 4.5 for c in named)
    # A named colour is a promise: on a ground the user chose it stays as long as it still shows as a shape
    # (gold on ivory); on a transparent ground there is nothing to measure against.
    yellowish = bool(named) and 60 <= oklch(primary)[2] <= 115
    keep_at = (
        1.35
        if carried
        else (1.6 if brief.background_color is not None or brief.on_white else 2.6 if yellowish else 1.9)
    )
    if named and not transparent and contrast_ratio(primary, background or (255, 255, 255)) < keep_at:
        # A named colour too light for its ground (gold or yellow on white) keeps its hue at a readable depth.
        _, named_chroma, named_hue = oklch(primary)
        if 60 <= named_hue <= 115:
            # Darkened yellows go olive; metallic gold in print leans orange (#b8860b-like).
            named_hue = min(named_hue, 78.0)
        primary = from_oklch(0.64, named_chroma, named_hue)
    ink_dark = from_oklch(0.22, min(0.04, chroma / 3), hue)
    ink_light = from_oklch(0.97, 0.01, hue)
    ink = _best_contrast(ground, [ink_dark, ink_light])
    if len(named) >= 2:
        # Every named colour shows: a named colour that reads as text on the ground sets the type, another the
        # symbol ("navy and gold": navy type, a gold mark).
        # Type in marks is large, so 3:1 (WCAG's large-text level) reads.
        readable_named = [
            c for c in named if contrast_ratio(c, ground) >= (3.0 if brief.design_type in _MARKS else 4.5)
        ]
        if readable_named:
            ink = readable_named[0]
            others = [c for c in named if c != ink]
            shows = [c for c in others if contrast_ratio(c, ground) >= 1.35]
            if primary == ink and shows and brief.design_type in _MARKS:
                # … but never a symbol in a colour that vanishes on the ground ("brown and cream" on cream).
                primary, accent = shows[0], (others[1] if len(others) > 1 else ink)
        elif brief.design_type in _MARKS and not _vanishes(named, ground):
            # "sage green and gold": neither reads as type, so the name is set in the first at a readable depth
            # and the symbol takes the second — both colours show.
            ink = shade_to_contrast(named[0], ground, 4.5)
            second = named[1]
            primary, accent = (second, named[0]) if contrast_ratio(second, ground) >= 1.35 else (named[0], second)
    surface = from_oklch(0.92 if not dark else 0.27, min(0.04, chroma / 2), hue)
    on_primary = _best_contrast(primary, [ink_light, ink_dark])
    return Scheme(
        background=None if transparent else background,
        surface=surface,
        primary=primary,
        secondary=secondary,
        accent=accent,
        ink=ink,
        on_primary=on_primary,
        constrained=False,
    )


def _vanishes(named: Sequence[RGB], ground: RGB) -> bool:
    """Whether every named colour is too close to the ground to show even as a shape."""
    return all(contrast_ratio(c, ground) < 1.2 for c in named)


def _light_ground(brief: Brief, named: Sequence[RGB]) -> RGB | None:
    """A light, quiet named colour that is meant as the ground: a neutral (cream, ivory, beige) or one said
    soft or pale, on designs that have a ground of their own, when the user did not say the ground."""
    if brief.background_color is not None or brief.on_white or brief.on_dark or brief.design_type in _NO_PAPER:
        return None
    for colour, name in zip(named, brief.color_names, strict=False):
        lightness, chroma, _hue = oklch(colour)
        others = [c for c in named if c != colour]
        if (
            lightness > 0.85
            and (chroma < 0.07 or name.split()[0] in _SOFT_WORDS)
            and (not others or any(contrast_ratio(c, colour) >= 1.6 for c in others))
            # with a very dark colour said too ("midnight blue and pale yellow") the dark one is the ground
            and not any(oklch(c)[0] < 0.42 for c in others)
        ):
            return colour
    return None


_GLOW_WORDS = frozenset({"neon", "synthwave", "vaporwave", "cyberpunk", "fluorescent", "glow", "glowing", "night"})
# "soft lavender", "pale blue": colours asked for as light; they stay on a light ground.
_SOFT_WORDS = frozenset({"soft", "pale", "pastel", "light", "baby", "powder", "dusty", "muted", "blush"})

# Designs that may take a dark ground so that a light named colour keeps its value.
_DARK_GROUND_OK = frozenset({"logo", "monogram", "icon", "badge", "poster", "banner", "card", "label", "infographic"})

# Designs drawn as a thing on nothing: a named light colour is part of the thing, never its paper.
_NO_PAPER = frozenset({"icon", "app_icon", "emoji", "sticker", "icon_set"})

# Designs a colour fills edge to edge: led by a deep named colour, that colour is their ground.
_FILLED = frozenset({"poster", "banner", "card", "infographic"})

# Designs of a symbol and a name: with two named colours, one sets the name and the other the symbol.
_MARKS = frozenset({"logo", "monogram", "icon", "app_icon", "badge", "emoji", "sticker", "label"})


# Moods with a curated palette of their own; light, dark, cool, warm and monochrome stay parametric (they
# shift a seeded scheme rather than replace it).
_PARAMETRIC_MOODS = frozenset({"light", "dark", "cool", "warm", "monochrome", "playful"})


def _mood_colours(brief: Brief) -> tuple[RGB, ...] | None:
    if brief.design_type == "illustration":
        return None  # scenes take nature's colours (sky, snow, sea), not a graphic palette
    for mood in colour_words.moods_in(brief.prompt):
        if mood not in _PARAMETRIC_MOODS:
            palette = colour_words.mood_palette(mood)
            if palette:
                return palette
    return None


def scheme_for(
    brief: Brief, palette: Sequence[RGB] | None, background: RGB | None, transparent: bool, rng: random.Random
) -> Scheme:
    if palette:
        return from_palette(palette, background, transparent, brief, rng)
    return generate(brief, background, transparent, rng)
