"""Colour parsing and conversions.

Everything that turns a user's colour words into RGB lives here, and so do the perceptual helpers the palette
guarantee and the composer rely on: OKLab/OKLCH conversions (vectorised numpy, used on whole images), ΔE in
OKLab, WCAG contrast and nearest-colour lookup.

Two parsers on purpose: :func:`parse_color` is strict and user-facing (errors name the parameter and say what
is allowed), :func:`parse_css_color` is the lenient SVG/CSS reader that returns ``None`` for anything that is
not a colour, so post-processing can decide what to do with ``none``, ``url(#g)`` or ``currentColor``.
"""

from __future__ import annotations

import colorsys
import difflib
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from artboard.errors import InvalidParameter

RGB = tuple[int, int, int]

__all__ = [
    "CSS_COLORS",
    "NAMED_COLORS",
    "RGB",
    "contrast_ratio",
    "delta_e_ok",
    "from_oklch",
    "mix",
    "nearest",
    "nearest_index",
    "oklab",
    "oklab_to_srgb",
    "oklch",
    "parse_color",
    "parse_css_color",
    "parse_palette",
    "relative_luminance",
    "srgb_to_oklab",
    "to_hex",
]

# The 147 CSS Color Level 4 keywords (without "transparent"); SVG content is read with these only, so a
# colour in a document always means what a browser or resvg would paint.
CSS_COLORS: dict[str, RGB] = {
    "aliceblue": (240, 248, 255),
    "antiquewhite": (250, 235, 215),
    "aqua": (0, 255, 255),
    "aquamarine": (127, 255, 212),
    "azure": (240, 255, 255),
    "beige": (245, 245, 220),
    "bisque": (255, 228, 196),
    "black": (0, 0, 0),
    "blanchedalmond": (255, 235, 205),
    "blue": (0, 0, 255),
    "blueviolet": (138, 43, 226),
    "brown": (165, 42, 42),
    "burlywood": (222, 184, 135),
    "cadetblue": (95, 158, 160),
    "chartreuse": (127, 255, 0),
    "chocolate": (210, 105, 30),
    "coral": (255, 127, 80),
    "cornflowerblue": (100, 149, 237),
    "cornsilk": (255, 248, 220),
    "crimson": (220, 20, 60),
    "cyan": (0, 255, 255),
    "darkblue": (0, 0, 139),
    "darkcyan": (0, 139, 139),
    "darkgoldenrod": (184, 134, 11),
    "darkgray": (169, 169, 169),
    "darkgreen": (0, 100, 0),
    "darkgrey": (169, 169, 169),
    "darkkhaki": (189, 183, 107),
    "darkmagenta": (139, 0, 139),
    "darkolivegreen": (85, 107, 47),
    "darkorange": (255, 140, 0),
    "darkorchid": (153, 50, 204),
    "darkred": (139, 0, 0),
    "darksalmon": (233, 150, 122),
    "darkseagreen": (143, 188, 143),
    "darkslateblue": (72, 61, 139),
    "darkslategray": (47, 79, 79),
    "darkslategrey": (47, 79, 79),
    "darkturquoise": (0, 206, 209),
    "darkviolet": (148, 0, 211),
    "deeppink": (255, 20, 147),
    "deepskyblue": (0, 191, 255),
    "dimgray": (105, 105, 105),
    "dimgrey": (105, 105, 105),
    "dodgerblue": (30, 144, 255),
    "firebrick": (178, 34, 34),
    "floralwhite": (255, 250, 240),
    "forestgreen": (34, 139, 34),
    "fuchsia": (255, 0, 255),
    "gainsboro": (220, 220, 220),
    "ghostwhite": (248, 248, 255),
    "gold": (255, 215, 0),
    "goldenrod": (218, 165, 32),
    "gray": (128, 128, 128),
    "green": (0, 128, 0),
    "greenyellow": (173, 255, 47),
    "grey": (128, 128, 128),
    "honeydew": (240, 255, 240),
    "hotpink": (255, 105, 180),
    "indianred": (205, 92, 92),
    "indigo": (75, 0, 130),
    "ivory": (255, 255, 240),
    "khaki": (240, 230, 140),
    "lavender": (230, 230, 250),
    "lavenderblush": (255, 240, 245),
    "lawngreen": (124, 252, 0),
    "lemonchiffon": (255, 250, 205),
    "lightblue": (173, 216, 230),
    "lightcoral": (240, 128, 128),
    "lightcyan": (224, 255, 255),
    "lightgoldenrodyellow": (250, 250, 210),
    "lightgray": (211, 211, 211),
    "lightgreen": (144, 238, 144),
    "lightgrey": (211, 211, 211),
    "lightpink": (255, 182, 193),
    "lightsalmon": (255, 160, 122),
    "lightseagreen": (32, 178, 170),
    "lightskyblue": (135, 206, 250),
    "lightslategray": (119, 136, 153),
    "lightslategrey": (119, 136, 153),
    "lightsteelblue": (176, 196, 222),
    "lightyellow": (255, 255, 224),
    "lime": (0, 255, 0),
    "limegreen": (50, 205, 50),
    "linen": (250, 240, 230),
    "magenta": (255, 0, 255),
    "maroon": (128, 0, 0),
    "mediumaquamarine": (102, 205, 170),
    "mediumblue": (0, 0, 205),
    "mediumorchid": (186, 85, 211),
    "mediumpurple": (147, 112, 216),
    "mediumseagreen": (60, 179, 113),
    "mediumslateblue": (123, 104, 238),
    "mediumspringgreen": (0, 250, 154),
    "mediumturquoise": (72, 209, 204),
    "mediumvioletred": (199, 21, 133),
    "midnightblue": (25, 25, 112),
    "mintcream": (245, 255, 250),
    "mistyrose": (255, 228, 225),
    "moccasin": (255, 228, 181),
    "navajowhite": (255, 222, 173),
    "navy": (0, 0, 128),
    "oldlace": (253, 245, 230),
    "olive": (128, 128, 0),
    "olivedrab": (107, 142, 35),
    "orange": (255, 165, 0),
    "orangered": (255, 69, 0),
    "orchid": (218, 112, 214),
    "palegoldenrod": (238, 232, 170),
    "palegreen": (152, 251, 152),
    "paleturquoise": (175, 238, 238),
    "palevioletred": (216, 112, 147),
    "papayawhip": (255, 239, 213),
    "peachpuff": (255, 218, 185),
    "peru": (205, 133, 63),
    "pink": (255, 192, 203),
    "plum": (221, 160, 221),
    "powderblue": (176, 224, 230),
    "purple": (128, 0, 128),
    "rebeccapurple": (102, 51, 153),
    "red": (255, 0, 0),
    "rosybrown": (188, 143, 143),
    "royalblue": (65, 105, 225),
    "saddlebrown": (139, 69, 19),
    "salmon": (250, 128, 114),
    "sandybrown": (244, 164, 96),
    "seagreen": (46, 139, 87),
    "seashell": (255, 245, 238),
    "sienna": (160, 82, 45),
    "silver": (192, 192, 192),
    "skyblue": (135, 206, 235),
    "slateblue": (106, 90, 205),
    "slategray": (112, 128, 144),
    "slategrey": (112, 128, 144),
    "snow": (255, 250, 250),
    "springgreen": (0, 255, 127),
    "steelblue": (70, 130, 180),
    "tan": (210, 180, 140),
    "teal": (0, 128, 128),
    "thistle": (216, 191, 216),
    "tomato": (255, 99, 71),
    "turquoise": (64, 224, 208),
    "violet": (238, 130, 238),
    "wheat": (245, 222, 179),
    "white": (255, 255, 255),
    "whitesmoke": (245, 245, 245),
    "yellow": (255, 255, 0),
    "yellowgreen": (154, 205, 50),
}

_DESIGNER_COLORS: dict[str, RGB] = {
    "alabaster": (237, 234, 222),
    "amber": (255, 191, 0),
    "apricot": (251, 206, 177),
    "aubergine": (61, 7, 52),
    "avocado": (86, 130, 3),
    "blush": (232, 180, 184),
    "bone": (227, 218, 201),
    "bordeaux": (92, 1, 32),
    "brick": (181, 71, 47),
    "bronze": (205, 127, 50),
    "bubblegum": (255, 193, 204),
    "burgundy": (128, 0, 32),
    "butter": (252, 227, 138),
    "buttercream": (239, 224, 185),
    "camel": (193, 154, 107),
    "canary": (255, 239, 90),
    "caramel": (198, 142, 23),
    "carmine": (150, 0, 24),
    "celadon": (172, 225, 175),
    "cerise": (222, 49, 99),
    "cerulean": (0, 123, 167),
    "champagne": (247, 231, 206),
    "charcoal": (54, 69, 79),
    "cherry": (210, 4, 45),
    "chestnut": (149, 69, 53),
    "cinnamon": (123, 63, 0),
    "citrine": (228, 208, 10),
    "clay": (182, 106, 80),
    "cobalt": (0, 71, 171),
    "cocoa": (135, 95, 66),
    "coffee": (111, 78, 55),
    "cognac": (154, 70, 61),
    "concrete": (149, 165, 166),
    "copper": (184, 115, 51),
    "cranberry": (159, 29, 53),
    "cream": (255, 253, 208),
    "denim": (21, 96, 189),
    "dusk": (78, 84, 129),
    "ebony": (85, 93, 80),
    "ecru": (205, 184, 145),
    "eggplant": (97, 64, 81),
    "eggshell": (240, 234, 214),
    "emerald": (80, 200, 120),
    "espresso": (75, 54, 33),
    "fern": (79, 121, 66),
    "flamingo": (252, 142, 172),
    "flax": (238, 220, 130),
    "forest": (34, 139, 34),
    "glacier": (120, 177, 191),
    "graphite": (65, 66, 76),
    "grape": (111, 45, 168),
    "greige": (181, 173, 159),
    "gunmetal": (42, 52, 57),
    "heather": (183, 195, 208),
    "honey": (235, 169, 55),
    "hunter": (53, 94, 59),
    "ink": (27, 31, 59),
    "iris": (90, 79, 207),
    "jade": (0, 168, 107),
    "jasmine": (248, 222, 126),
    "jet": (52, 52, 52),
    "kelly": (76, 187, 23),
    "kiwi": (142, 229, 63),
    "lapis": (38, 97, 156),
    "latte": (200, 162, 122),
    "lemon": (255, 244, 79),
    "lilac": (200, 162, 200),
    "mahogany": (192, 64, 0),
    "malachite": (11, 218, 81),
    "mandarin": (243, 122, 72),
    "mango": (253, 190, 2),
    "marigold": (234, 162, 33),
    "mauve": (183, 132, 167),
    "midnight": (25, 25, 112),
    "mint": (152, 216, 176),
    "mocha": (163, 128, 104),
    "moss": (138, 154, 91),
    "mulberry": (197, 75, 140),
    "mushroom": (189, 172, 163),
    "mustard": (225, 173, 1),
    "nude": (227, 188, 154),
    "oatmeal": (228, 213, 183),
    "obsidian": (11, 18, 21),
    "ochre": (204, 119, 34),
    "onyx": (53, 56, 57),
    "opal": (168, 195, 188),
    "oxblood": (74, 4, 4),
    "paper": (245, 242, 234),
    "peach": (255, 203, 164),
    "pearl": (234, 224, 200),
    "periwinkle": (204, 204, 255),
    "persimmon": (236, 88, 0),
    "pewter": (137, 148, 153),
    "pine": (1, 121, 111),
    "pistachio": (147, 197, 114),
    "platinum": (229, 228, 226),
    "pomegranate": (192, 57, 43),
    "poppy": (227, 83, 53),
    "prussian": (0, 49, 83),
    "pumpkin": (255, 117, 24),
    "putty": (189, 178, 161),
    "raspberry": (227, 11, 92),
    "raven": (28, 28, 28),
    "rose": (232, 121, 143),
    "rosewood": (101, 0, 11),
    "ruby": (155, 17, 30),
    "rust": (183, 65, 14),
    "saffron": (244, 196, 48),
    "sage": (156, 175, 136),
    "sand": (194, 178, 128),
    "sandstone": (200, 169, 126),
    "sangria": (146, 0, 10),
    "sapphire": (15, 82, 186),
    "scarlet": (255, 36, 0),
    "seafoam": (159, 226, 191),
    "sepia": (112, 66, 20),
    "shamrock": (0, 158, 96),
    "sky": (135, 206, 235),
    "slate": (112, 128, 144),
    "smoke": (132, 136, 132),
    "steel": (70, 130, 180),
    "stone": (146, 142, 133),
    "straw": (228, 217, 111),
    "sunflower": (255, 197, 18),
    "tangerine": (242, 133, 0),
    "taupe": (139, 125, 107),
    "terracotta": (226, 114, 91),
    "topaz": (255, 200, 124),
    "truffle": (92, 64, 51),
    "turmeric": (227, 160, 27),
    "ultramarine": (18, 10, 143),
    "umber": (99, 81, 71),
    "vanilla": (243, 229, 171),
    "vermilion": (227, 66, 52),
    "walnut": (119, 63, 26),
    "watermelon": (252, 108, 133),
    "wine": (114, 47, 55),
    "wisteria": (201, 160, 220),
    "zinc": (113, 113, 122),
    "baby blue": (137, 207, 240),
    "baby pink": (244, 194, 194),
    "brick red": (203, 65, 84),
    "burnt orange": (204, 85, 0),
    "burnt sienna": (233, 116, 81),
    "cool gray": (140, 146, 172),
    "cool grey": (140, 146, 172),
    "cotton candy": (255, 188, 217),
    "dusty blue": (115, 147, 179),
    "dusty pink": (216, 167, 177),
    "dusty rose": (201, 169, 166),
    "electric blue": (125, 249, 255),
    "emerald green": (80, 200, 120),
    "forest green": (34, 139, 34),
    "hot pink": (255, 105, 180),
    "hunter green": (53, 94, 59),
    "ice blue": (214, 236, 243),
    "kelly green": (76, 187, 23),
    "light blue": (173, 216, 230),
    "light gray": (211, 211, 211),
    "light grey": (211, 211, 211),
    "dark blue": (0, 0, 139),
    "dark green": (0, 100, 0),
    "dark red": (139, 0, 0),
    "dark gray": (169, 169, 169),
    "dark grey": (169, 169, 169),
    "mint green": (152, 216, 176),
    "navy blue": (0, 0, 128),
    "neon green": (57, 255, 20),
    "neon pink": (255, 16, 240),
    "off black": (26, 26, 26),
    "off white": (250, 249, 246),
    "olive green": (107, 122, 47),
    "pastel blue": (174, 198, 207),
    "pastel green": (119, 221, 119),
    "pastel pink": (255, 209, 220),
    "pastel purple": (179, 158, 181),
    "pastel yellow": (253, 253, 150),
    "powder blue": (176, 224, 230),
    "rose gold": (183, 110, 121),
    "royal blue": (65, 105, 225),
    "sage green": (156, 175, 136),
    "sea green": (46, 139, 87),
    "sky blue": (135, 206, 235),
    "slate blue": (106, 90, 205),
    "slate gray": (112, 128, 144),
    "slate grey": (112, 128, 144),
    "steel blue": (70, 130, 180),
    "warm gray": (139, 131, 120),
    "warm grey": (139, 131, 120),
    "midnight blue": (25, 25, 112),
    "lime green": (50, 205, 50),
    "deep purple": (75, 42, 123),
    "burnt umber": (138, 51, 36),
    "mustard yellow": (225, 173, 1),
    "teal blue": (54, 117, 136),
}

# CSS keywords keep their CSS meaning when a designer name would clash, so "olive" in a prompt, a palette
# and an SVG is one colour.
NAMED_COLORS: dict[str, RGB] = {**_DESIGNER_COLORS, **CSS_COLORS}


def _normalise_name(name: str) -> str:
    return re.sub(r"[\s_\-']+", "", name.strip().lower())


_NAME_LOOKUP: dict[str, RGB] = {_normalise_name(k): v for k, v in NAMED_COLORS.items()}

_ALLOWED_TEXT = (
    "'#rgb', '#rrggbb', 'rrggbb', 'rgb(r, g, b)', [r, g, b] or {'rgb': [r, g, b]} with integers 0-255, "
    "or a colour name such as 'sapphire', 'sage' or 'navy'"
)

_NUM = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?"
_FUNC_RE = re.compile(r"^(rgba?|hsla?)\(\s*(.*?)\s*\)$", re.IGNORECASE | re.DOTALL)
_HEX_RE = re.compile(r"^#([0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$", re.IGNORECASE)
_BARE_HEX_RE = re.compile(r"^([0-9a-f]{6})$", re.IGNORECASE)
_NUM_RE = re.compile(rf"^({_NUM})(%|deg|rad|grad|turn)?$", re.IGNORECASE)


def _clamp8(value: float) -> int:
    return int(min(255, max(0, math.floor(value + 0.5))))


def _parse_number(token: str) -> tuple[float, str] | None:
    match = _NUM_RE.match(token.strip())
    if not match:
        return None
    return float(match.group(1)), (match.group(2) or "").lower()


def _function_args(body: str) -> tuple[list[str], str | None] | None:
    """Split ``rgb()``/``hsl()`` arguments, legacy (commas) or modern (spaces, ``/ alpha``) syntax."""
    alpha: str | None = None
    if "/" in body:
        body, _, alpha = body.partition("/")
        alpha = alpha.strip()
        if not alpha or "/" in alpha:
            return None
    parts = [p.strip() for p in body.split(",")] if "," in body else body.split()
    if any(not p for p in parts):
        return None
    if len(parts) == 4 and alpha is None:
        alpha = parts.pop()
    if len(parts) != 3:
        return None
    return parts, alpha


def _parse_alpha(token: str | None) -> float | None:
    if token is None:
        return 1.0
    parsed = _parse_number(token)
    if parsed is None or parsed[1] not in ("", "%"):
        return None
    value = parsed[0] / 100.0 if parsed[1] == "%" else parsed[0]
    return min(1.0, max(0.0, value))


def parse_css_color(text: str) -> tuple[RGB, float] | None:
    """Read a CSS/SVG colour value; ``(rgb, alpha)`` or ``None`` when ``text`` is not a plain colour.

    Accepts ``#rgb``, ``#rgba``, ``#rrggbb``, ``#rrggbbaa``, ``rgb()``/``rgba()``/``hsl()``/``hsla()`` in
    legacy and modern syntax, and the CSS keywords. ``none``, ``transparent``, ``currentColor``, ``url()``,
    ``inherit`` and anything malformed give ``None``: their meaning depends on context.
    """
    value = text.strip()
    if not value:
        return None
    lower = value.lower()
    if lower in CSS_COLORS:
        return CSS_COLORS[lower], 1.0
    hex_match = _HEX_RE.match(value)
    if hex_match:
        digits = hex_match.group(1)
        if len(digits) in (3, 4):
            digits = "".join(ch * 2 for ch in digits)
        rgb = (int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16))
        alpha = int(digits[6:8], 16) / 255.0 if len(digits) == 8 else 1.0
        return rgb, alpha
    func = _FUNC_RE.match(value)
    if not func:
        return None
    args = _function_args(func.group(2))
    if args is None:
        return None
    parts, alpha_token = args
    parsed_alpha = _parse_alpha(alpha_token)
    if parsed_alpha is None:
        return None
    alpha = parsed_alpha
    numbers = [_parse_number(p) for p in parts]
    if any(n is None for n in numbers):
        return None
    nums: list[tuple[float, str]] = [n for n in numbers if n is not None]
    if func.group(1).lower().startswith("rgb"):
        channels: list[int] = []
        for number, unit in nums:
            if unit == "%":
                channels.append(_clamp8(number * 255.0 / 100.0))
            elif unit == "":
                channels.append(_clamp8(number))
            else:
                return None
        return (channels[0], channels[1], channels[2]), alpha
    (hue, hue_unit), (sat, sat_unit), (light, light_unit) = nums
    factor = {"": 1.0, "deg": 1.0, "rad": 180.0 / math.pi, "grad": 0.9, "turn": 360.0}.get(hue_unit)
    if factor is None or sat_unit not in ("%", "") or light_unit not in ("%", ""):
        return None
    r, g, b = colorsys.hls_to_rgb(
        (hue * factor % 360.0) / 360.0, min(1.0, max(0.0, light / 100.0)), min(1.0, max(0.0, sat / 100.0))
    )
    return (_clamp8(r * 255), _clamp8(g * 255), _clamp8(b * 255)), alpha


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _channel(value: object, param: str, original: object) -> int:
    if isinstance(value, bool | np.bool_):
        raise InvalidParameter(
            f"{param}: {_short(original)} is not a colour", param=param, allowed=_ALLOWED_TEXT
        )
    number: int
    # Two branches on purpose: each narrows a different type for mypy.
    if isinstance(value, int | np.integer):  # noqa: SIM114
        number = int(value)
    elif isinstance(value, float | np.floating) and float(value).is_integer():
        number = int(value)
    else:
        raise InvalidParameter(
            f"{param}: {_short(original)} is not a colour; channels must be integers 0-255",
            param=param,
            allowed=_ALLOWED_TEXT,
        )
    if not 0 <= number <= 255:
        raise InvalidParameter(
            f"{param}: channel value {number} in {_short(original)} is outside 0-255",
            param=param,
            allowed=_ALLOWED_TEXT,
        )
    return number


def _parse_color_string(text: str, param: str) -> RGB:
    value = text.strip()
    if not value:
        raise InvalidParameter(f"{param}: empty colour", param=param, allowed=_ALLOWED_TEXT)
    bare = _BARE_HEX_RE.match(value)
    if bare:
        value = "#" + bare.group(1)
    parsed = parse_css_color(value)
    if parsed is None:
        named = _NAME_LOOKUP.get(_normalise_name(value))
        if named is not None:
            return named
        hint = ""
        close = difflib.get_close_matches(_normalise_name(value), list(_NAME_LOOKUP), n=1, cutoff=0.8)
        if close:
            original = next(k for k in NAMED_COLORS if _normalise_name(k) == close[0])
            hint = f"; did you mean '{original}'?"
        raise InvalidParameter(
            f"{param}: {_short(text)} is not a colour{hint}", param=param, allowed=_ALLOWED_TEXT
        )
    rgb, alpha = parsed
    if alpha < 1.0:
        # A palette is a promise about painted pixels; a translucent colour would paint something else.
        raise InvalidParameter(
            f"{param}: {_short(text)} is translucent; palette and background colours must be opaque",
            param=param,
            allowed=_ALLOWED_TEXT,
        )
    return rgb


def parse_color(value: object, *, param: str = "color") -> RGB:
    """Parse one user colour; raises :class:`InvalidParameter` naming ``param`` on bad input."""
    if isinstance(value, str):
        return _parse_color_string(value, param)
    if isinstance(value, Mapping):
        keys = {str(k).lower(): v for k, v in value.items()}
        if set(keys) == {"rgb"}:
            return (
                parse_color(keys["rgb"], param=param)
                if not isinstance(keys["rgb"], str)
                else _fail(value, param)
            )
        if set(keys) == {"hex"} and isinstance(keys["hex"], str):
            return _parse_color_string(keys["hex"], param)
        return _fail(value, param)
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, list | tuple):
        if len(value) != 3:
            raise InvalidParameter(
                f"{param}: {_short(value)} has {len(value)} channel(s); a colour has exactly 3 (r, g, b)",
                param=param,
                allowed=_ALLOWED_TEXT,
            )
        r, g, b = (_channel(v, param, value) for v in value)
        return (r, g, b)
    return _fail(value, param)


def _fail(value: object, param: str) -> RGB:
    raise InvalidParameter(f"{param}: {_short(value)} is not a colour", param=param, allowed=_ALLOWED_TEXT)


def _split_palette_string(text: str) -> list[str]:
    """Split on commas, or on whitespace when there are none, but never inside ``rgb( … )``."""
    depth = 0
    has_top_comma = False
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            has_top_comma = True
            break
    separators = "," if has_top_comma else " \t\n;"
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if depth == 0 and (ch in separators or ch == ";"):
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def parse_palette(values: object, *, param: str = "palette", max_colors: int = 10) -> tuple[RGB, ...]:
    """Parse a user palette: 1..``max_colors`` distinct colours, first occurrence order kept.

    ``values`` is a list of anything :func:`parse_color` takes, or a string separated by commas (or, with
    no commas, by spaces): ``"#112233,#445566"``, ``"sage charcoal cream"``, ``"dusty rose, navy blue"``.
    """
    items: list[object]
    if isinstance(values, str):
        text = values.strip()
        # A single multi-word name ("dusty rose") is one colour, not two.
        if text and "," not in text and _NAME_LOOKUP.get(_normalise_name(text)) is not None:
            items = [text]
        else:
            items = list(_split_palette_string(text))
    elif isinstance(values, Mapping):
        items = [values]
    elif isinstance(values, np.ndarray):
        items = [values] if values.ndim == 1 else list(values)
    elif isinstance(values, list | tuple):
        numeric = len(values) == 3 and all(
            isinstance(v, int | np.integer) and not isinstance(v, bool) for v in values
        )
        # Three bare integers are one colour; a palette of ints is meaningless anyway.
        items = [values] if numeric else list(values)
    elif isinstance(values, Iterable):
        items = list(values)
    else:
        raise InvalidParameter(
            f"{param}: expected a list of colours or a comma-separated string, got {_short(values)}",
            param=param,
            allowed=f"1-{max_colors} colours, each {_ALLOWED_TEXT}",
        )
    if not items:
        raise InvalidParameter(
            f"{param}: a palette needs at least 1 colour", param=param, allowed=f"1-{max_colors} colours"
        )
    colors: list[RGB] = []
    for index, item in enumerate(items):
        try:
            rgb = parse_color(item, param=f"{param}[{index}]")
        except InvalidParameter as exc:
            # The message says which entry; the error's param stays the request field users can fix.
            raise InvalidParameter(exc.message, param=param, allowed=exc.allowed) from None
        if rgb not in colors:
            colors.append(rgb)
    if len(colors) > max_colors:
        raise InvalidParameter(
            f"{param}: {len(colors)} distinct colours given, at most {max_colors} are allowed",
            param=param,
            allowed=f"1-{max_colors} colours",
        )
    return tuple(colors)


def to_hex(rgb: Sequence[int]) -> str:
    """``(r, g, b)`` → ``"#rrggbb"`` (lowercase)."""
    r, g, b = (int(c) for c in rgb[:3])
    return f"#{r:02x}{g:02x}{b:02x}"


# --- OKLab -------------------------------------------------------------------------------------------------

_LMS_FROM_LINEAR = np.array(
    [
        [0.4122214708, 0.5363325363, 0.0514459929],
        [0.2119034982, 0.6806995451, 0.1073969566],
        [0.0883024619, 0.2817188376, 0.6299787005],
    ]
)
_LAB_FROM_LMS = np.array(
    [
        [0.2104542553, 0.7936177850, -0.0040720468],
        [1.9779984951, -2.4285922050, 0.4505937099],
        [0.0259040371, 0.7827717662, -0.8086757660],
    ]
)
_LMS_FROM_LAB = np.linalg.inv(_LAB_FROM_LMS)
_LINEAR_FROM_LMS = np.linalg.inv(_LMS_FROM_LINEAR)


def _linearise(c: NDArray[np.float64]) -> NDArray[np.float64]:
    out: NDArray[np.float64] = np.where(c <= 0.04045, c / 12.92, ((np.abs(c) + 0.055) / 1.055) ** 2.4)
    return out


def _gamma(c: NDArray[np.float64]) -> NDArray[np.float64]:
    out: NDArray[np.float64] = np.where(
        c <= 0.0031308, c * 12.92, 1.055 * np.power(np.maximum(c, 0.0), 1.0 / 2.4) - 0.055
    )
    return out


# Integer input goes through a 256-entry table: one gather instead of a pow per channel.
_LINEAR_LUT: NDArray[np.float64] = _linearise(np.arange(256, dtype=np.float64) / 255.0)


def srgb_to_oklab(rgb: Any) -> NDArray[np.float64]:
    """sRGB → OKLab for an array of shape ``(..., 3)``.

    Integer arrays (uint8 and friends) are 0..255, float arrays are 0..1. Returns float64 ``(..., 3)`` with
    L in 0..1 and a, b roughly in -0.4..0.4.
    """
    arr = np.asarray(rgb)
    if arr.shape[-1:] != (3,):
        raise ValueError(f"expected an array of shape (..., 3), got {arr.shape}")
    if np.issubdtype(arr.dtype, np.integer):
        linear = _LINEAR_LUT[np.clip(arr, 0, 255).astype(np.intp)]
    else:
        linear = _linearise(arr.astype(np.float64))
    lms = linear @ _LMS_FROM_LINEAR.T
    out: NDArray[np.float64] = np.cbrt(lms) @ _LAB_FROM_LMS.T
    return out


def oklab_to_srgb(lab: Any) -> NDArray[np.float64]:
    """OKLab → sRGB floats 0..1 (not clipped: out-of-gamut colours come back outside 0..1)."""
    arr = np.asarray(lab, dtype=np.float64)
    if arr.shape[-1:] != (3,):
        raise ValueError(f"expected an array of shape (..., 3), got {arr.shape}")
    lms = (arr @ _LMS_FROM_LAB.T) ** 3
    return _gamma(lms @ _LINEAR_FROM_LMS.T)


def oklab(rgb: Sequence[int]) -> tuple[float, float, float]:
    """One colour's OKLab coordinates."""
    lab = srgb_to_oklab(np.array(rgb[:3], dtype=np.uint8))
    return float(lab[0]), float(lab[1]), float(lab[2])


def oklch(rgb: Sequence[int]) -> tuple[float, float, float]:
    """``(L 0..1, C ≥ 0, h degrees 0..360)`` of one sRGB colour; achromatic colours get h = 0."""
    lightness, a, b = oklab(rgb)
    chroma = math.hypot(a, b)
    hue = math.degrees(math.atan2(b, a)) % 360.0 if chroma > 1e-6 else 0.0
    return lightness, chroma, hue


def _lch_to_srgb_float(lightness: float, chroma: float, hue: float) -> NDArray[np.float64]:
    rad = math.radians(hue)
    return oklab_to_srgb(np.array([lightness, chroma * math.cos(rad), chroma * math.sin(rad)]))


def from_oklch(lightness: float, chroma: float, hue: float) -> RGB:
    """OKLCH → sRGB, keeping lightness and hue and lowering chroma until the colour fits the sRGB gamut."""
    lightness = min(1.0, max(0.0, float(lightness)))
    chroma = max(0.0, float(chroma))
    hue = float(hue) % 360.0
    rgb = _lch_to_srgb_float(lightness, chroma, hue)
    eps = 1e-4
    if np.any(rgb < -eps) or np.any(rgb > 1 + eps):
        # Bisection on chroma: clipping channels instead would shift the hue, which palettes care about.
        low, high = 0.0, chroma
        for _ in range(24):
            mid = (low + high) / 2
            test = _lch_to_srgb_float(lightness, mid, hue)
            if np.any(test < -eps) or np.any(test > 1 + eps):
                high = mid
            else:
                low = mid
        rgb = _lch_to_srgb_float(lightness, low, hue)
    r, g, b = (_clamp8(float(c) * 255.0) for c in np.clip(rgb, 0.0, 1.0))
    return (r, g, b)


def delta_e_ok(a: Sequence[int], b: Sequence[int]) -> float:
    """Euclidean OKLab distance × 100 (≈ 1 is a just-noticeable difference, ≈ 2 is easily seen)."""
    lab = srgb_to_oklab(np.array([a[:3], b[:3]], dtype=np.uint8))
    return float(np.linalg.norm(lab[0] - lab[1]) * 100.0)


def relative_luminance(rgb: Sequence[int]) -> float:
    """WCAG 2.x relative luminance, 0 (black) .. 1 (white)."""
    r, g, b = (float(_LINEAR_LUT[int(c)]) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: Sequence[int], b: Sequence[int]) -> float:
    """WCAG 2.x contrast ratio, 1 .. 21."""
    la, lb = relative_luminance(a), relative_luminance(b)
    high, low = max(la, lb), min(la, lb)
    return (high + 0.05) / (low + 0.05)


def mix(a: Sequence[int], b: Sequence[int], t: float) -> RGB:
    """Straight sRGB mix, ``t`` = 0 gives ``a``; the blend renderers use for anti-aliasing and gradients."""
    r, g, bl = (_clamp8(x + (y - x) * t) for x, y in zip(a[:3], b[:3], strict=True))
    return (r, g, bl)


def nearest_index(rgb: Sequence[int], palette: Sequence[Sequence[int]]) -> int:
    """Index of the palette colour nearest to ``rgb`` in OKLab; ties go to the earlier palette entry."""
    if not palette:
        raise ValueError("nearest: empty palette")
    labs = srgb_to_oklab(np.array([c[:3] for c in palette], dtype=np.uint8))
    lab = srgb_to_oklab(np.array(rgb[:3], dtype=np.uint8))
    dist = ((labs - lab) ** 2).sum(axis=1)
    return int(np.argmin(dist))  # argmin returns the first minimum, which is the documented tie-break


def nearest(rgb: Sequence[int], palette: Sequence[RGB]) -> RGB:
    """The palette colour nearest to ``rgb`` in OKLab; ties go to the earlier palette entry."""
    return palette[nearest_index(rgb, palette)]
