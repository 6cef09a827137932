"""The chalkboard look ("cafe menu, chalkboard style", "chalkboard sign for a bakery", "chalk lettering"): slate
ground, chalk-white lettering in a hand, chalk-pastel accents, a dusting of chalk, and a wooden frame round the
board. A menu board is the design a café actually hangs; flat type on cream is not what was asked.

The look sets the scheme and the display face before a recipe runs (every recipe then draws in chalk) and adds
the dust and the frame after it.
"""

from __future__ import annotations

import random
import re

from artboard.colors import RGB
from artboard.composer.canvas import Canvas, polygon_d, rect_d
from artboard.composer.palettes import Scheme

_WORDS_RE = re.compile(r"\bchalk(?:board)?s?\b|\bblackboards?\b|\bchalk[- ]?style\b", re.I)
_TYPES = frozenset({"card", "poster", "banner", "label", "tshirt"})

SLATE: RGB = (44, 52, 50)
CHALK: RGB = (241, 238, 228)
_PASTELS: tuple[RGB, ...] = ((246, 211, 101), (242, 158, 152), (150, 205, 220))  # chalk yellow, pink, blue
_WOOD: tuple[RGB, RGB] = ((122, 84, 52), (160, 116, 76))
FACE = "caveat"


def wanted(prompt: str, design_type: str) -> bool:
    return design_type in _TYPES and bool(_WORDS_RE.search(prompt))


def scheme(named: tuple[RGB, ...]) -> Scheme:
    """Slate and chalk; a colour the prompt names is the chalk accent."""
    accent = named[0] if named else _PASTELS[0]
    return Scheme(
        background=SLATE,
        surface=(56, 66, 63),
        primary=accent,
        secondary=_PASTELS[1],
        accent=_PASTELS[2] if accent != _PASTELS[2] else _PASTELS[0],
        ink=CHALK,
        on_primary=SLATE,
        constrained=False,
    )


def finish(canvas: Canvas, seed: int) -> None:
    """Chalk dust over the board (faint smears), and the wooden frame round it."""
    rng = random.Random(seed)
    w, h = canvas.width, canvas.height
    short = min(w, h)
    dust = canvas.group("chalk-dust", opacity="0.05")
    for _ in range(9):
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        rx, ry = rng.uniform(0.12, 0.3) * w, rng.uniform(0.03, 0.08) * h
        tilt = rng.uniform(-0.15, 0.15)
        points = [
            (cx - rx, cy + tilt * rx - ry * 0.3),
            (cx - rx * 0.3, cy - ry),
            (cx + rx, cy - tilt * rx - ry * 0.2),
            (cx + rx * 0.2, cy + ry),
        ]
        dust.path(polygon_d(points), CHALK)
    band = short * 0.035
    frame = canvas.group("board-frame")
    frame.path(rect_d(0, 0, w, h) + _reversed_rect(band, band, w - 2 * band, h - 2 * band), _WOOD[0])
    frame.path(
        rect_d(band * 0.55, band * 0.55, w - band * 1.1, h - band * 1.1)
        + _reversed_rect(band, band, w - 2 * band, h - 2 * band),
        _WOOD[1],
    )


def _reversed_rect(x: float, y: float, w: float, h: float) -> str:
    """A rectangle drawn the other way round: inside another one, it cuts a hole (nonzero fill)."""
    return f"M{x:.2f} {y:.2f}V{y + h:.2f}H{x + w:.2f}V{y:.2f}Z"
