"""Build the colour vocabulary of the prompt reader: ``src/artboard/data/colours/names.json`` and ``moods.json``.

    python -m pip download matplotlib --no-deps -d /tmp/mpl      # a throwaway copy, never a project dependency
    python tools/build_colour_names.py --xkcd /tmp/mpl/matplotlib-*.whl

The xkcd source is found, in order: ``--xkcd PATH`` (a matplotlib wheel or its ``matplotlib/_color_data.py``), the
environment variable ``ARTBOARD_XKCD_SOURCE`` (the same), or the ``_color_data.py`` of an importable matplotlib
(located with ``importlib.util.find_spec``, not imported). The file is read with :mod:`ast`, never executed.
``--out DIR`` writes elsewhere (the tests build twice into temporary folders and compare bytes).

Names, in layers (a later layer wins):

1. ``artboard.colors.NAMED_COLORS``: the 147 CSS keywords plus artboard's designer names. CSS values are the
   oldest layer on purpose: the X11 values behind them are screen colours ("brown" #a52a2a is a brick red,
   "navy" #000080 a saturated screen blue), not what a person means by the word.
2. The xkcd colour survey (Randall Munroe, 2010; CC0; https://xkcd.com/color/rgb/), 949 names, each the average
   colour some 200,000 people gave that name: the best open record of what an ordinary colour word means.
   Carried by matplotlib as ``matplotlib._color_data.XKCD_COLORS``. Survey names that are profanity or bodily
   fluids, the "/" names (survey conflations such as "blue/green"), and single words that are more often a
   modifier or a plain adjective than a colour ("dark", "pale", "royal", "marine", "bland", "drab") are dropped.
3. ``DESIGNER``: a small table of designer values, each with its reason, where the survey average is not what a
   designer means ("gold" on a design brief is metallic gold, not the survey's yellow) or the name is missing.
   Survey names that are a modifier plus a redefined name ("dark cream", "light sage") go (``MODIFIER_WORDS``).

"gray" is folded into "grey" everywhere (the reader does the same to the words it reads).

``things`` lists the names that are also ordinary nouns for things (lemon, coffee, sky...): the reader flags a
bare "lemon" so that grammar can tell "a lemon" from "lemon and mint". ``natural`` gives the colour of things
whose name is not a colour or whose colour-name value is not the thing's own colour. ``metallic`` holds the
values "metallic gold/silver/..." resolve to.

Moods: palettes of 4 to 6 colours per mood or theme word, drawn by hand, listed signature hues first and the
anchor (the darkest, or the lightest for dark moods) last. :func:`check_palettes` holds each to a contrast ladder
measured in OKLCH/OKLab: an OKLCH lightness span of at least 0.40, WCAG contrast of at least 4.5 between the
lightest and darkest colour (so the palette can set readable text on its own ground), every pair at least 5 ΔE
(OKLab × 100; 2 is easily seen) apart, and no two moods alike: on average a colour of one lies at least 5 ΔE from
the closest colour of the other. The build fails otherwise.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import itertools
import json
import os
import re
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from artboard.colors import NAMED_COLORS, contrast_ratio, delta_e_ok, oklch

OUT = Path(__file__).resolve().parent.parent / "src" / "artboard" / "data" / "colours"
MEMBER = "matplotlib/_color_data.py"

# Survey names left out: crude or bodily (a prompt reader has no use for them), modifiers and plain adjectives.
EXCLUDED_WORDS = frozenset({
    "shit", "poo", "poop", "puke", "vomit", "barf", "booger", "snot", "piss", "diarrhea", "ugly", "nasty", "gross",
    "icky", "sick", "sickly",
})  # fmt: skip
EXCLUDED_NAMES = frozenset({"dark", "pale", "royal", "marine", "bland", "drab", "barney", "boring"})
# The reader's modifiers (artboard.composer.colour_words.MODIFIERS). Survey names made of these and a name that
# DESIGNER redefines ("dark cream" #fff39a, "light sage") are relative to the survey's value, so they are dropped:
# the reader applies the modifier to the designer value instead.
MODIFIER_WORDS = frozenset({
    "dark", "deep", "dusky", "rich", "muted", "dusty", "soft", "light", "pale", "pastel", "bright", "vivid", "neon",
    "metallic", "warm", "cool",
})  # fmt: skip

# Designer values over the survey (or filling a gap). Each reason says why; "L C h" are OKLCH coordinates.
DESIGNER: dict[str, tuple[str, str]] = {
    "navy": (
        "#1f2a44",
        "a designer's navy is a deep, slightly greyed blue (L .29 C .05 h 266), as in brand and "
        "uniform navies; the survey's #01153e and #001146 are near-black screen blues, CSS #000080 is vivid",
    ),
    "navy blue": ("#1f2a44", "the same colour as navy"),
    # "Bright X" on a brief is a clean, saturated X that still sits in a palette; the survey's bright greens,
    # yellows and reds (#01ff07, #fffd01, #ff000d) are the screen primaries at full power, which designers call neon.
    "bright green": ("#2ecc40", "a vivid, clean green (L .75 C .2 h 145); the survey's #01ff07 is neon green"),
    "bright yellow": ("#ffdd00", "a vivid sunny yellow; the survey's #fffd01 is the screen's pure yellow"),
    "bright red": ("#e8262b", "a vivid true red; the survey's #ff000d is the screen's pure red"),
    "bright blue": ("#1e7bff", "a vivid clear blue; the survey's #0165fc is close, a touch deeper and cleaner here"),
    "bright pink": ("#ff3d8b", "a vivid pink; the survey's #fe01b1 is a magenta at full power"),
    "safety orange": (
        "#ff6700",
        "the standard safety orange of hi-vis gear and signs (#ff6700); missing from the survey",
    ),
    "bright orange": ("#ff8a00", "a vivid orange; the survey's #ff5b00 leans red"),
    "sage green": ("#9caf88", "the same colour as sage"),
    "mint green": ("#98d8b0", "the same colour as mint"),
    "mustard yellow": ("#e1ad01", "the same colour as mustard"),
    "blush pink": ("#e8b4b8", "the same colour as blush"),
    "midnight blue": ("#191970", "the long-standing X11/CSS midnightblue; the survey's #020035 reads as black"),
    "gold": (
        "#d4af37",
        "'gold' on a design brief means metallic gold, the widely published #d4af37 (Wikipedia, "
        "'Gold (color)', metallic gold); the survey's #dbb40c and CSS #ffd700 are flat yellows",
    ),
    "copper": ("#b87333", "the standard copper colour (Wikipedia 'Copper (color)'); the survey value is more orange"),
    "bronze": ("#cd7f32", "the standard bronze colour (Wikipedia 'Bronze (color)'); the survey's #a87900 is olive"),
    "cream": (
        "#f5edd3",
        "the warm off-white designers mean (L .95 C .035 h 92); the survey's #ffffc2 and the "
        "often-quoted #fffdd0 sit at C .06 to .08 and read as pale yellow beside white",
    ),
    "ivory": (
        "#faf7ea",
        "a warm white (L .98 C .018); CSS #fffff0 cannot be told from white as a ground and the "
        "survey's #ffffcb is pale yellow",
    ),
    "off white": ("#faf9f6", "artboard's designer value: near-neutral warm white; the survey's #ffffe4 is yellowish"),
    "sage": (
        "#9caf88",
        "artboard's designer value: the grey-green of sage leaves (C .06); the survey's #87ae73 is "
        "a fresh mid green (C .09)",
    ),
    "blush": (
        "#e8b4b8",
        "a blush palette (weddings, cosmetics branding) is a pale greyed pink (L .82 C .06 h 13); "
        "the survey's #f29e8e is coral-salmon",
    ),
    "mint": ("#98d8b0", "artboard's designer value: a soft mint (C .09); the survey's #9ffeb0 is near-neon (C .14)"),
    "coral": ("#ff7f50", "the CSS/X11 coral every designer knows (h 40); the survey's #fc5a50 is a pinkish red"),
    "mustard": ("#e1ad01", "the warm yellow-ochre of the condiment (h 87); the survey's #ceb301 leans olive (h 98)"),
    "taupe": ("#8b7d6b", "artboard's designer value: a mid grey-brown (L .60 C .03); the survey's #b9a281 is sandy"),
    "sand": ("#c2b280", "the standard sand colour (Wikipedia 'Sand (color)'); the survey's #e2ca76 is straw yellow"),
    "ochre": (
        "#cc7722",
        "the pigment's orange-brown (Wikipedia 'Ochre', #cc7722, h 60); the survey's #bf9005 is mustard",
    ),
    "deep brown": ("#44250b", "a dark, warm brown (L .30 C .06 h 58); the survey's #410200 is an oxblood red (h 30)"),
    "millennial pink": (
        "#f1cac4",
        "missing from both sources: the pale, greyed salmon-pink of the late-2010s trend "
        "(L .87 C .045 h 28), close to Pantone 13-1520 Rose Quartz, commonly given as #f7cac9",
    ),
    "rose gold": ("#b76e79", "the standard rose gold colour (Wikipedia 'Rose gold'); not in the survey"),
    "champagne": ("#f7e7ce", "the standard champagne colour (Wikipedia 'Champagne (color)'); not in the survey"),
    "dusty rose": ("#c0737a", "the survey's value, kept over artboard's greyer #c9a9a6: it still reads as rose"),
    # Basic and brand-sheet names where the survey average is a screen extreme or drifts in hue; each value sits
    # between the survey's and the CSS/print reading, so either reader sees the colour they named.
    "yellow": ("#ffd23f", "a warm print yellow (L .89 C .17 h 90); the survey's #ffff14 is highlighter neon"),
    "blue": ("#1e6fd9", "a clear mid blue (L .56 C .19 h 258); the survey's #0343df leans violet and dark"),
    "green": ("#2e9e44", "a natural leaf green (L .62 C .16 h 145); the survey's #15b01a is near-neon"),
    "orange": ("#f58025", "a print orange (L .71 C .17 h 50); the survey's #f97306 is a hair redder"),
    "purple": ("#7b3fa0", "a mid violet-purple (L .48 C .16 h 310); the survey's #7e1e9c is nearly magenta-violet"),
    "royal blue": ("#2a52be", "the traditional royal blue of brand sheets; the survey's #0504aa is a dark ultramarine"),
    "dark blue": ("#1a2b6b", "a dark, clearly blue navy-ish tone; the survey's #00035b reads as black on screen"),
    "dark green": ("#1e4d2b", "a deep bottle green (L .38); the survey's #033500 reads as black-green"),
    "deep blue": ("#1b2a6b", "a deep but still blue tone; the survey's #040273 reads as black-violet"),
    "forest green": ("#2c5f2d", "the deep green of conifers (L .44 C .09 h 143); the survey's #06470c is near black"),
    "burgundy": ("#800020", "the wine colour (Wikipedia 'Burgundy (color)'); the survey's #610023 is darker"),
    "maroon": ("#800000", "the long-standing maroon (CSS); the survey's #650021 is a darker purplish red"),
    "hot pink": ("#ff3ea5", "a vivid pink between CSS hotpink #ff69b4 and the survey's #ff028d"),
    "magenta": ("#e0218a", "process magenta as printed; the survey's #c20078 is a dark raspberry"),
    "turquoise": ("#40e0d0", "the CSS/X11 turquoise designers know; the survey's #06c2ac is a teal green"),
    "tan": ("#d2b48c", "the CSS tan of kraft and leather; the survey's #d1b26f is a yellowish sand"),
    "sapphire": ("#0f52ba", "Wikipedia's 'Sapphire (color)'; the survey's #2138ab is duller"),
    "electric blue": ("#2f6bff", "a vivid, light-leaning blue; the survey's #0652ff is deeper and more violet"),
    "kraft": ("#c5a880", "the brown of unbleached kraft paper (packaging briefs: 'black on kraft'); not in the survey"),
    "kraft paper": ("#c5a880", "the same colour as kraft"),
    "honey": ("#f2a900", "the amber of clear honey; the survey's #ba9e2e is an olive-brown"),
    "honey yellow": ("#f2a900", "the same colour as honey"),
    "pale yellow": ("#f6eaa0", "a soft butter yellow; the survey's #ffff84 is a light highlighter"),
}

# Designer values that only tune a survey name (its hue or depth), not redefine it: the survey's own "light blue",
# "dark green" or "pale purple" stay as people named them.
TUNED = frozenset({
    "yellow", "blue", "green", "orange", "purple", "tan", "maroon", "burgundy", "magenta", "turquoise", "hot pink",
    "royal blue", "forest green", "sapphire", "electric blue", "honey",
})  # fmt: skip

# Values for "metallic X" (and "metallic" applied to these names): standard metallic swatches.
METALLIC: dict[str, str] = {
    "gold": "#d4af37", "silver": "#aaa9ad", "bronze": "#cd7f32", "copper": "#b87333", "rose gold": "#b76e79",
    "platinum": "#e5e4e2", "brass": "#b5a642", "chrome": "#dbe2e9", "pewter": "#8e9294", "steel": "#8a9597",
}  # fmt: skip

# Names that are also common nouns for things (food, drink, plants, animals, materials, nature, places).
THINGS = frozenset({
    "adobe", "algae", "apple", "apricot", "asparagus", "aubergine", "avocado", "banana", "berry", "bile", "bisque",
    "blood", "blueberry", "bone", "bordeaux", "brick", "bruise", "bubblegum", "butter", "butterscotch", "camel",
    "camo", "canary", "caramel", "carnation", "celery", "cement", "champagne", "charcoal", "cherry", "chestnut",
    "chocolate", "cinnamon", "claret", "clay", "cocoa", "coffee", "cognac", "concrete", "coral", "cotton candy",
    "cranberry", "cream", "custard", "dandelion", "denim", "desert", "dirt", "dried blood", "dusk", "dust", "earth",
    "eggplant", "espresso", "evergreen", "fawn", "fern", "flamingo", "forest", "glacier", "grape", "grapefruit",
    "grass", "green apple", "hazel", "heather", "heliotrope", "honey", "honeydew", "hunter", "ice", "ink", "iris",
    "jasmine", "jet", "key lime", "kiwi", "latte", "lavender", "leaf", "leather", "lemon", "lichen", "lime", "linen",
    "lipstick", "macaroni and cheese", "mahogany", "maize", "mandarin", "mango", "manilla", "marigold", "melon",
    "merlot", "midnight", "milk chocolate", "mint", "mocha", "moccasin", "moss", "mud", "mulberry", "mushroom",
    "mustard", "oatmeal", "ocean", "olive", "orange", "orchid", "paper", "parchment", "pea", "pea soup", "peach",
    "pear", "pearl", "persimmon", "peru", "petrol", "pine", "pistachio", "plum", "pomegranate", "poppy", "pumpkin",
    "putty", "raspberry", "raven", "red wine", "robin's egg", "rose", "rosewood", "rust", "saffron", "salmon",
    "sand", "sandstone", "sangria", "sea", "seashell", "seaweed", "shamrock", "sky", "smoke", "snow", "spearmint",
    "spruce", "squash", "steel", "stone", "straw", "strawberry", "sunflower", "swamp", "tangerine", "tea", "thistle",
    "tomato", "truffle", "turmeric", "twilight", "vanilla", "velvet", "walnut", "watermelon", "wheat", "wine",
    "wintergreen", "wisteria",
})  # fmt: skip

# The colour a thing has unless told otherwise, where the vocabulary has no such name or its value is not the
# thing's own colour (the survey's "apple" and "tea" are greens, "coffee" a milky tan, "banana" a pale yellow).
NATURAL: dict[str, str] = {
    "apple": "#d0312d",  # a red apple, the default drawing of one
    "ash": "#b2beb5",  # Wikipedia 'Ash grey'
    "ghost": "#f4f4f8", "skeleton": "#f1efe6", "snowman": "#f7f9fc",  # white things, drawn white on any page
    "seagull": "#e8ecef", "gull": "#e8ecef", "pigeon": "#8d98a3", "dove": "#eef0f2",  # birds a stand-in draws
    "crow": "#2a2a2e", "swan": "#f7f7f5",
    "bark": "#5d4330", "wood": "#a0703f",
    "banana": "#ffe135",  # Wikipedia 'Banana yellow'
    "carrot": "#ed9121",  # Wikipedia 'Carrot orange'
    "cloud": "#f2f4f7", "coal": "#1c1c1c", "cotton": "#fbfaf6", "milk": "#fdfdf7", "moon": "#f4f0d9",
    "coffee": "#6f4e37",  # Wikipedia 'Coffee' (the drink/bean colour)
    "corn": "#fbec5d",  # Wikipedia 'Corn'
    "fire": "#e25822", "flame": "#e25822",  # Wikipedia 'Flame'
    "lava": "#cf1020",  # Wikipedia 'Lava'
    "mint": "#3eb489",  # Wikipedia 'Mint (color)': the leaf
    "night": "#0c1445", "rose": "#c21e3a", "tea": "#c0803f",
}  # fmt: skip

MOODS: dict[str, list[str]] = {
    "pastel": ["#f7c6d0", "#bfe3d0", "#b5d8f0", "#f9e2ae", "#dcc4f2", "#4a4560"],
    "muted": ["#5f7470", "#8e7f9a", "#b0a27f", "#c59b94", "#e4e0d8", "#2f3437"],
    "earthy": ["#c66b3d", "#d9a45b", "#7d8450", "#8a5a44", "#efe6d6", "#3b2f2a"],
    "neon": ["#39ff14", "#ff2bd6", "#00e5ff", "#fff01f", "#0d0d1a"],
    "monochrome": ["#000000", "#333333", "#666666", "#999999", "#cccccc", "#ffffff"],
    "warm": ["#e4572e", "#d1495b", "#f29e4c", "#f1c453", "#f7d6b8", "#7a2e1f"],
    "cool": ["#2e86ab", "#5fb3b3", "#a8dadc", "#7b6dce", "#f1faee", "#1d3557"],
    "vibrant": ["#ff006e", "#fb5607", "#ffbe0b", "#3a86ff", "#8338ec", "#1b1b3a"],
    "jewel tones": ["#046307", "#0f52ba", "#9b111e", "#6a2c91", "#e0a526", "#1a1423"],
    "autumn": ["#c1440e", "#e5a03b", "#7f2d1b", "#6b7536", "#f3e3c6", "#3a2419"],
    "winter": ["#4a6d8c", "#a9cde6", "#8c1c2b", "#2f5d50", "#f1f5f9", "#1b2a49"],
    "spring": ["#f7a8b8", "#b5e48c", "#ffe066", "#a0c4ff", "#fffaf0", "#3e5c3a"],
    "summer": ["#ff6b6b", "#ffd93d", "#4ecdc4", "#1a8fe3", "#fff8e7", "#16324f"],
    "ocean": ["#0077b6", "#00b4d8", "#90e0ef", "#caf0f8", "#03045e"],
    "forest": ["#2d6a4f", "#74a57f", "#b7c9a8", "#8b5e3c", "#f0efe4", "#1e3d2f"],
    "desert": ["#b5523b", "#e3b77f", "#7a8b6f", "#9cc1d6", "#f6e7cf", "#3e2c23"],
    "sunset": ["#ff7b54", "#ffb26b", "#ffd56b", "#d6517d", "#6a2c70", "#2b1b3f"],
    "retro": ["#2a9d8f", "#e76f51", "#f2b134", "#8a9a3b", "#f7ecd9", "#4b2e1f"],
    # mustard, burnt orange, brown, avocado, rust on cream: the decade's kitchens and album covers
    "seventies": ["#e2a42e", "#d6622b", "#6c3e26", "#808c3c", "#b04424", "#f6ead0"],
    "vintage": ["#b86b5e", "#d4a95a", "#a3b18a", "#7b8fa1", "#eadcbc", "#5a4638"],
    "corporate": ["#1f5fbf", "#00a3a3", "#6b7c93", "#e6ebf1", "#0a2540"],
    "luxury": ["#d4af37", "#4a1c2c", "#8c7853", "#f4efe4", "#111111"],
    "playful": ["#ff5d8f", "#ffc43d", "#4d96ff", "#6bcb77", "#fff7ec", "#2b2d42"],
    "dark": ["#5b8def", "#2d3340", "#1c2029", "#8a94a6", "#e6e9ef", "#0f1115"],
    "light": ["#dde9f5", "#f0dcc4", "#a8d5cf", "#f6c4a4", "#ffffff", "#5f6b78"],
    "candy": ["#ff6fb5", "#8ee3ef", "#ffe45e", "#b388eb", "#fff1f6", "#5a2a4f"],
    "tropical": ["#00a896", "#ff7f50", "#ffd23f", "#2f9e44", "#ff4f79", "#0b3c49"],
    "nordic": ["#e3e3e0", "#d8bc94", "#8fa6b8", "#9bab9a", "#f7f7f5", "#2b2d2f"],
    "boho": ["#c86b4a", "#d9a441", "#8a9a5b", "#b5838d", "#e8d5b7", "#4a3426"],
    "kids": ["#ff595e", "#ffca3a", "#8ac926", "#1982c4", "#6a4c93", "#fffbf0"],
    "halloween": ["#ff7518", "#6a2c91", "#8cc63f", "#f5e6c8", "#1a1a1a"],
    "christmas": ["#c0152f", "#146b3a", "#d4af37", "#f7f4ed", "#0e2a1c"],
    "valentine": ["#d7263d", "#f46197", "#ffc2d1", "#fff0f3", "#5c1530"],
    "eco": ["#2d6a4f", "#95d5b2", "#d8c99b", "#3a86a8", "#f4f1de", "#4a3628"],
    # Prussian blue and indigo with rust on washi paper, as an ukiyo-e print is inked.
    "woodblock": ["#1f4e79", "#7fa6c4", "#b5452b", "#d9b77e", "#f2e8d0", "#1d2330"],
    # Sage, ochre, dusty plum and teal on cream, the art nouveau poster's palette.
    "nouveau": ["#8ca58a", "#c9a227", "#8e5f7e", "#3f6f6a", "#f3e9d2", "#2e2a24"],
    # Mustard, teal, coral and slate blue on cream with charcoal: the mid-century modern print.
    "midcentury": ["#e8b31c", "#168b84", "#ef7b45", "#3d5a80", "#f1e9d6", "#262626"],
    # Memphis Group and its corporate heir: hot pink, lemon, aqua and violet with black on white.
    "memphis": ["#ff5c8a", "#ffd23f", "#2ec4d6", "#7b4fd6", "#ffffff", "#151515"],
    # Lo-fi: dusk purples and teal under a warm lamp, soft pink and peach.
    "lofi": ["#5b4b8a", "#2f6f7e", "#f2a7b6", "#f6c98e", "#efe4f2", "#241f3d"],
}

# Other words for the moods. Some mood words are also modifiers or slang ("light", "cool", "fall"): those count
# only in the phrases listed here, and the reader never takes a word that is part of a colour ("light blue").
MOOD_ALIASES: dict[str, str] = {
    "pastels": "pastel", "subdued": "muted", "desaturated": "muted", "earth tones": "earthy",
    "earth toned": "earthy", "earthy tones": "earthy", "monochromatic": "monochrome", "cool tones": "cool",
    "cool colours": "cool", "cool colors": "cool", "cool palette": "cool", "vivid": "vibrant", "colourful": "vibrant",
    "colorful": "vibrant", "bold colours": "vibrant", "bold colors": "vibrant", "jewel": "jewel tones",
    "jewel toned": "jewel tones", "jewel tone": "jewel tones", "gemstone": "jewel tones", "autumnal": "autumn",
    "fall colours": "autumn", "fall colors": "autumn", "fall palette": "autumn", "wintry": "winter",
    "springtime": "spring", "summery": "summer", "beach": "summer", "sea": "ocean", "nautical": "ocean",
    "underwater": "ocean", "woodland": "forest", "southwestern": "desert", "golden hour": "sunset",
    "70s": "seventies", "1970s": "seventies", "groovy": "seventies",
    "antique": "vintage", "nostalgic": "vintage", "business": "corporate",
    "professional": "corporate", "luxurious": "luxury", "luxe": "luxury", "premium": "luxury", "opulent": "luxury",
    "fun": "playful", "whimsical": "playful", "moody": "dark", "noir": "dark", "dark mode": "dark",
    "dark theme": "dark", "airy": "light", "light and airy": "light", "light theme": "light", "light mode": "light",
    "light colours": "light", "light colors": "light", "light palette": "light", "sweets": "candy",
    "tropics": "tropical", "scandinavian": "nordic", "scandi": "nordic", "hygge": "nordic", "bohemian": "boho",
    "kid": "kids", "children": "kids", "childrens": "kids", "children's": "kids", "nursery": "kids",
    "spooky": "halloween", "xmas": "christmas", "valentines": "valentine", "valentine's": "valentine",
    "eco friendly": "eco", "sustainable": "eco", "environmental": "eco", "woodcut": "woodblock",
    "ukiyo-e": "woodblock", "ukiyoe": "woodblock", "block print": "woodblock", "art nouveau": "nouveau",
    "jugendstil": "nouveau", "mid-century": "midcentury", "mid century": "midcentury",
    "midcentury modern": "midcentury", "atomic age": "midcentury", "corporate memphis": "memphis",
    "memphis style": "memphis", "memphis design": "memphis", "lo-fi": "lofi", "lo fi": "lofi", "chillhop": "lofi",
}  # fmt: skip
MOODS_ONLY_IN_PHRASES = frozenset({"light", "cool"})


def _hex_rgb(value: str) -> tuple[int, int, int]:
    return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)


def find_xkcd_source(explicit: str | None = None) -> Path | None:
    """The file to read the survey from (wheel or ``_color_data.py``), or ``None`` when there is none."""
    for candidate in (explicit, os.environ.get("ARTBOARD_XKCD_SOURCE")):
        if candidate:
            path = Path(candidate)
            return path if path.is_file() else None
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "_color_data.py"
        if path.is_file():
            return path
    return None


def read_xkcd(source: Path) -> dict[str, str]:
    """``XKCD_COLORS`` of matplotlib's ``_color_data.py`` (in a wheel or loose), parsed, never executed."""
    if zipfile.is_zipfile(source):
        with zipfile.ZipFile(source) as wheel:
            text = wheel.read(MEMBER).decode("utf-8")
    else:
        text = source.read_text(encoding="utf-8")
    for node in ast.parse(text).body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
            target = node.targets[0]
            if isinstance(target, ast.Name) and target.id == "XKCD_COLORS":
                table = ast.literal_eval(node.value)
                if not isinstance(table, dict) or len(table) < 900:
                    raise SystemExit(f"{source}: XKCD_COLORS looks wrong ({len(table)} entries)")
                return {str(k): str(v).lower() for k, v in table.items()}
    raise SystemExit(f"{source}: no XKCD_COLORS literal found")


def _norm(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().lower().replace("-", " ")).replace("gray", "grey")


def build_names(xkcd: dict[str, str]) -> dict[str, object]:
    names: dict[str, str] = {}
    for name, rgb in NAMED_COLORS.items():
        names.setdefault(_norm(name), "#{:02x}{:02x}{:02x}".format(*rgb))
    for raw, value in xkcd.items():
        name = _norm(raw)
        if "/" in name or name in EXCLUDED_NAMES or EXCLUDED_WORDS & set(name.split()):
            continue
        names[name] = value
    for name in list(names):
        words = name.split()
        for cut in range(1, len(words)):
            base = " ".join(words[cut:])
            if set(words[:cut]) <= MODIFIER_WORDS and base in DESIGNER and name not in DESIGNER and base not in TUNED:
                del names[name]
                break
    for name, (value, _reason) in DESIGNER.items():
        names[name] = value
    missing = sorted(n for n in THINGS if n not in names)
    if missing:
        raise SystemExit(f"THINGS names not in the vocabulary: {missing}")
    return {
        "metallic": dict(sorted(METALLIC.items())),
        "names": dict(sorted(names.items())),
        "natural": dict(sorted(NATURAL.items())),
        "things": sorted(THINGS),
    }


def check_palettes() -> list[str]:
    """The rules of the module docstring; the problems found (empty when all palettes pass)."""
    problems: list[str] = []
    rgbs = {mood: [_hex_rgb(h) for h in hexes] for mood, hexes in MOODS.items()}
    for mood, colours in rgbs.items():
        if not 4 <= len(colours) <= 6:
            problems.append(f"{mood}: {len(colours)} colours")
        light = [oklch(c)[0] for c in colours]
        lightest, darkest = colours[light.index(max(light))], colours[light.index(min(light))]
        if max(light) - min(light) < 0.40:
            problems.append(f"{mood}: lightness span {max(light) - min(light):.2f}")
        if contrast_ratio(lightest, darkest) < 4.5:
            problems.append(f"{mood}: contrast {contrast_ratio(lightest, darkest):.2f}")
        for a, b in itertools.combinations(colours, 2):
            if delta_e_ok(a, b) < 5:
                problems.append(f"{mood}: {a} and {b} only {delta_e_ok(a, b):.1f} apart")
    for (m1, c1), (m2, c2) in itertools.combinations(rgbs.items(), 2):
        nearest = [min(delta_e_ok(a, b) for b in c2) for a in c1] + [min(delta_e_ok(a, b) for a in c1) for b in c2]
        if sum(nearest) / len(nearest) < 5:
            problems.append(f"{m1} and {m2} alike (mean nearest distance {sum(nearest) / len(nearest):.1f})")
    for alias, mood in MOOD_ALIASES.items():
        if mood not in MOODS:
            problems.append(f"alias {alias!r} names no mood")
    return problems


def build_moods() -> dict[str, object]:
    problems = check_palettes()
    if problems:
        raise SystemExit("mood palettes fail their checks:\n  " + "\n  ".join(problems))
    return {
        "aliases": dict(sorted(MOOD_ALIASES.items())),
        "palettes": dict(sorted(MOODS.items())),
        "phrase_only": sorted(MOODS_ONLY_IN_PHRASES),
    }


def dump(data: dict[str, object]) -> bytes:
    return (json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True) + "\n").encode("ascii")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--xkcd", help="matplotlib wheel or matplotlib/_color_data.py")
    parser.add_argument("--out", type=Path, default=OUT, help=f"output folder (default {OUT})")
    args = parser.parse_args(argv)
    source = find_xkcd_source(args.xkcd)
    if source is None:
        parser.error("no xkcd source: pass --xkcd, set ARTBOARD_XKCD_SOURCE, or install matplotlib (throwaway venv)")
    names = build_names(read_xkcd(source))
    moods = build_moods()
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "names.json").write_bytes(dump(names))
    (args.out / "moods.json").write_bytes(dump(moods))
    count = len(names["names"])  # type: ignore[arg-type]
    print(f"{count} names, {len(MOODS)} moods -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
