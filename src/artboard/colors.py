"""Colour parsing and conversions.

Everything that turns a user's colour words into RGB lives here, and so do the perceptual helpers the palette
guarantee and the composer rely on: OKLab/OKLCH conversions (vectorised numpy, used on whole images), ΔE in
OKLab, WCAG contrast and nearest-colour lookup. The named-colour tables live in :mod:`artboard.colornames` and
the OKLab math in :mod:`artboard.oklab`; both are re-exported here, so ``artboard.colors`` is the one import.

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

import numpy as np

from artboard.colornames import CSS_COLORS, NAMED_COLORS, RGB
from artboard.errors import InvalidParameter
from artboard.oklab import (
    LINEAR_LUT,
    clamp8,
    delta_e_ok,
    from_oklch,
    oklab,
    oklab_to_srgb,
    oklch,
    srgb_to_oklab,
)

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
                channels.append(clamp8(number * 255.0 / 100.0))
            elif unit == "":
                channels.append(clamp8(number))
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
    return (clamp8(r * 255), clamp8(g * 255), clamp8(b * 255)), alpha


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _channel(value: object, param: str, original: object) -> int:
    if isinstance(value, bool | np.bool_):
        raise InvalidParameter(f"{param}: {_short(original)} is not a colour", param=param, allowed=_ALLOWED_TEXT)
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
        raise InvalidParameter(f"{param}: {_short(text)} is not a colour{hint}", param=param, allowed=_ALLOWED_TEXT)
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
            return parse_color(keys["rgb"], param=param) if not isinstance(keys["rgb"], str) else _fail(value, param)
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
        numeric = len(values) == 3 and all(isinstance(v, int | np.integer) and not isinstance(v, bool) for v in values)
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


# --- contrast and nearest colour ------------------------------------------------------------------------


def relative_luminance(rgb: Sequence[int]) -> float:
    """WCAG 2.x relative luminance, 0 (black) .. 1 (white)."""
    r, g, b = (float(LINEAR_LUT[int(c)]) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: Sequence[int], b: Sequence[int]) -> float:
    """WCAG 2.x contrast ratio, 1 .. 21."""
    la, lb = relative_luminance(a), relative_luminance(b)
    high, low = max(la, lb), min(la, lb)
    return (high + 0.05) / (low + 0.05)


def shade_to_contrast(color: RGB, behind: RGB, ratio: float = 3.0) -> RGB:
    """The colour, or the nearest shade of it that reads on `behind` at `ratio` (3:1 is WCAG's bar for display
    type, 4.5:1 for text): "gold on ivory" sets antique-gold letters. Hue and chroma are kept; lightness moves
    away from the ground's."""
    if contrast_ratio(color, behind) >= ratio:
        return color
    lightness, chroma, hue = oklch(color)
    step = -0.02 if oklch(behind)[0] > lightness or lightness > 0.5 else 0.02
    shade = color
    for _ in range(45):
        lightness = min(0.99, max(0.01, lightness + step))
        shade = from_oklch(lightness, chroma, hue)
        if contrast_ratio(shade, behind) >= ratio:
            break
    return shade


def mix(a: Sequence[int], b: Sequence[int], t: float) -> RGB:
    """Straight sRGB mix, ``t`` = 0 gives ``a``; the blend renderers use for anti-aliasing and gradients."""
    r, g, bl = (clamp8(x + (y - x) * t) for x, y in zip(a[:3], b[:3], strict=True))
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
