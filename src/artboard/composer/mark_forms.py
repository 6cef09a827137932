"""Forms a logo designer gives a mark of several things (used by arrange's group planning): one thing cut out of
another's solid body ("a wrench and a water drop"), and a number of one thing in a row ("a 5-star rating",
"two hearts"). Placements are in the group's unit box: (x, y, size, in front)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from artboard.composer.icon_sources import Icon
from artboard.composer.reading import WORD_NUMBERS

Spot = tuple[float, float, float, bool]

_STARS_RE = re.compile(r"\b(\d|two|three|four|five)[- ]stars?\b", re.I)


def copies(prompt: str, concept: str, counts: Sequence[tuple[str, int]]) -> int:
    """How many of the thing a mark shows: "three stars", "two hearts", a "5-star rating" (2 to 5; else 1).
    `counts` is each named thing with the number said of it."""
    if "star" in concept.split():
        said = _STARS_RE.search(prompt)
        if said:
            word = said.group(1).lower()
            return max(1, min(5, int(word) if word.isdigit() else WORD_NUMBERS[word]))
    count = next((n for noun, n in counts if noun == concept), 1)
    return count if 2 <= count <= 5 else 1


def row(n: int) -> list[Spot]:
    """n of a thing in a gentle arch (a rating's stars), the middle one largest, as one mark."""
    size = 0.5 if n == 2 else min(0.36, 0.92 / n)
    step = size * (0.72 if n == 2 else 1.02)  # two overlap, the front one cut from the other ("two hearts")
    out = []
    for k in range(n):
        off = k - (n - 1) / 2
        scale = 1.0 if n == 2 else 1.0 - 0.12 * abs(off) / max(1.0, (n - 1) / 2)
        out.append((0.5 + off * step, 0.5 + 0.04 * off * off, size * scale, k == n - 1))
    return out


# Glyphs with a broad solid body another thing can be cut out of, with where that thing sits in them (x, y,
# size in the unit box): a water drop's round belly, a map pin's head, a shield's upper middle.
_VESSELS: dict[str, tuple[float, float, float]] = {
    "drop": (0.5, 0.62, 0.42),
    "water": (0.5, 0.62, 0.42),
    "heart": (0.5, 0.46, 0.42),
    "shield": (0.5, 0.46, 0.44),
    "marker": (0.5, 0.38, 0.34),
    "pin": (0.5, 0.38, 0.34),
    "message": (0.5, 0.45, 0.42),
    "chat": (0.5, 0.45, 0.42),
    "cloud": (0.5, 0.58, 0.38),
    "circle": (0.5, 0.5, 0.5),
    "hexagon": (0.5, 0.5, 0.46),
    "home": (0.5, 0.5, 0.36),
    "house": (0.5, 0.5, 0.36),
}


def _vessel(icon: Icon) -> tuple[float, float, float] | None:
    words = icon.name.split("-")
    if icon.mode != "fill" or any(w in ("outline", "off", "plus", "minus", "check") for w in words[1:]):
        return None
    return next((_VESSELS[w] for w in words if w in _VESSELS), None)


def merged(pair: Sequence[Icon]) -> list[tuple[int, float, float, float, bool]] | None:
    """ "a wrench and a water drop", "a heart and a paw": a logo designer's one mark, the one thing cut out of
    the other's solid body, when exactly one of the two has such a body. (index in `pair`, x, y, size, front),
    the body first; None when neither or both have one."""
    places = [_vessel(icon) for icon in pair]
    if len(pair) != 2 or sum(p is not None for p in places) != 1:
        return None
    k = 0 if places[0] is not None else 1
    x, y, size = places[k] or (0.5, 0.5, 0.42)
    return [(k, 0.5, 0.5, 1.0, False), (1 - k, x, y, size, True)]
