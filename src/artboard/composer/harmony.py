"""Colour art in the design's named colours, as a designer recolours clip art to a brief.

"skateboard sticker with flames, black and hot pink": the emoji skateboard (purple) and flames (orange) keep their
drawing and their light and shade, but their hues become the colours the prompt named. Each family of hues in an
icon (the lemon's yellow body, its green leaf) goes to the named colour nearest to it, and where an icon has as
many families as there are named colours every named colour gets one, so "a taco, red green and yellow" shows all
three. Greys, blacks, whites and skin tones stay as drawn.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import replace

from artboard.colors import RGB, contrast_ratio, from_oklch, oklch, to_hex
from artboard.composer.icon_sources import Icon
from artboard.oklab import oklab

_CHROMATIC = 0.05  # OKLCh chroma below which a colour is a grey (named or drawn)
_FAMILY_SPREAD = 35.0  # degrees of hue one family of fills spans


def hex_rgb(value: str) -> RGB:
    h = value.lstrip("#")
    return (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16))


def _hue_gap(a: float, b: float) -> float:
    gap = abs(a - b) % 360.0
    return min(gap, 360.0 - gap)


def _skin(light: float, chroma: float, hue: float) -> bool:
    """Skin tones (and the light tan of bread and wood alike): left as drawn, a face never turns teal."""
    return 40.0 <= hue <= 80.0 and 0.45 <= light <= 0.93 and chroma <= 0.12


def chromatic(colours: Sequence[RGB]) -> tuple[RGB, ...]:
    """The named colours with a hue to give (black, white, cream and greys have none)."""
    return tuple(c for c in colours if oklch(c)[1] >= _CHROMATIC)


def harmonise(icon: Icon, targets: Sequence[RGB]) -> Icon:
    """`icon` (a colour icon) with its coloured fills moved onto the chromatic colours of `targets`."""
    return _harmonise(icon, tuple(chromatic(targets)))


@functools.lru_cache(maxsize=1024)
def _harmonise(icon: Icon, targets: tuple[RGB, ...]) -> Icon:
    if icon.mode != "color" or not targets:
        return icon
    lch = [oklch(hex_rgb(f)) for f in icon.fills]
    coloured = [i for i, (light, chroma, hue) in enumerate(lch) if chroma >= 0.04 and not _skin(light, chroma, hue)]
    if not coloured:
        return icon
    families = _families([lch[i][2] for i in coloured])
    goal = [oklch(t) for t in targets]
    # A greedy matching, closest pairs first: each named colour takes the family nearest it until every named
    # colour is used or no family is left; the remaining families take their nearest named colour.
    pairs = sorted(
        ((_hue_gap(hue, goal[t][2]), f, t) for f, (hue, _) in enumerate(families) for t in range(len(goal))),
        key=lambda p: (p[0], -len(families[p[1]][1])),
    )
    choice: dict[int, int] = {}
    used: set[int] = set()
    for _gap, f, t in pairs:
        if f not in choice and t not in used:
            choice[f] = t
            used.add(t)
    for f, (hue, _) in enumerate(families):
        if f not in choice:
            choice[f] = min(range(len(goal)), key=lambda t: _hue_gap(hue, goal[t][2]))
    fills = list(icon.fills)
    for f, (_hue, members) in enumerate(families):
        tl, tc, th = goal[choice[f]]
        indices = [coloured[k] for k in members]
        main = max(indices, key=lambda i: lch[i][1])
        main_l, main_c = lch[main][0], max(lch[main][1], 1e-3)
        for i in indices:
            light, chroma, _ = lch[i]
            new_l = max(0.08, min(0.97, tl + (light - main_l) * 0.85))
            fills[i] = to_hex(from_oklch(new_l, tc * min(1.3, chroma / main_c), th))
    marks = "".join(to_hex(t)[1:] for t in targets)
    return replace(icon, key=f"{icon.key}~{marks}", fills=tuple(fills))


def _families(hues: Sequence[float]) -> list[tuple[float, list[int]]]:
    """Hues grouped into families (a mean hue and the members' positions), greedily around the most common."""
    left = list(range(len(hues)))
    out: list[tuple[float, list[int]]] = []
    while left:
        seed = max(left, key=lambda i: sum(_hue_gap(hues[i], hues[j]) <= _FAMILY_SPREAD for j in left))
        members = [j for j in left if _hue_gap(hues[seed], hues[j]) <= _FAMILY_SPREAD]
        out.append((hues[seed], members))
        left = [j for j in left if j not in members]
    return out


_PAINT_RE = re.compile(r"(?:fill|stroke|stop-color)\s*=\s*\"(#[0-9a-fA-F]{6})\"")


def spend_named_colours(
    svg: str, roles: Sequence[RGB], named: Sequence[RGB], ground: RGB | None, *, keep: Sequence[RGB] = ()
) -> tuple[str, list[str]]:
    """Every colour the prompt names shows: a named colour no element took replaces a colour the scheme made up
    (a generated accent or secondary, in `roles`) wherever that colour is drawn, when it shows as well on the
    ground. Returns the SVG and the hexes swapped in ("sage green and gold": the made-up second green of the rules
    becomes the gold)."""
    drawn = [h.lower() for h in _PAINT_RE.findall(svg)]
    counts = {h: drawn.count(h) for h in set(drawn)}
    named_hex = {to_hex(c).lower() for c in (*named, *keep)}  # `keep`: things' own colours ("a red circle")
    missing = [c for c in named if not _shows(c, counts)]
    swapped: list[str] = []
    for colour in missing:
        for role in roles:
            role_hex = to_hex(role).lower()
            if role_hex in named_hex or role_hex not in counts or oklch(role)[1] < 0.04:
                continue
            if ground is not None and contrast_ratio(colour, ground) < min(1.5, contrast_ratio(role, ground)):
                continue  # it would vanish where the made-up colour showed
            svg = re.sub(re.escape(role_hex), to_hex(colour).lower(), svg, flags=re.IGNORECASE)
            counts[to_hex(colour).lower()] = counts.pop(role_hex)
            named_hex.add(role_hex)
            swapped.append(to_hex(colour).lower())
            break
    return svg, swapped


def _shows(colour: RGB, counts: dict[str, int]) -> bool:
    """Whether `colour` (or a colour within a just-noticeable step of it) is drawn."""
    want = oklab(colour)
    return any(sum((a - b) ** 2 for a, b in zip(oklab(hex_rgb(h)), want, strict=True)) ** 0.5 <= 0.05 for h in counts)
