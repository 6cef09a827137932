"""Flags drawn from their geometry: the colour icon sets have no country flags, and "an 'I Voted' sticker with an
American flag", "a World Cup poster, Brazil", "a pride month banner" need the right one, not a plain pennant.

Each flag is a few stripes, a cross, a disc or stars on a 3:2 field (a flag's proportions vary; at icon size
3:2 reads as every one of them). Emblems too detailed for a small picture (coats of arms, the maple leaf's
outline aside) are left out: the colours and layout are what make a flag known. Facts of design are public
knowledge (vexillology), not a licensed artwork.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable

from artboard.composer.canvas import circle_d, polygon_d, rect_d, ring_d, star_points
from artboard.composer.icon_sources import Icon

W, H = 60.0, 40.0
Layer = tuple[str, str]  # path data, "#rrggbb"


def _bands(colours: list[str], vertical: bool = False) -> list[Layer]:
    n = len(colours)
    if vertical:
        return [(rect_d(W * i / n, 0, W / n + 0.01, H), c) for i, c in enumerate(colours)]
    return [(rect_d(0, H * i / n, W, H / n + 0.01), c) for i, c in enumerate(colours)]


def _nordic(field: str, cross: str, inner: str | None = None) -> list[Layer]:
    layers = [(rect_d(0, 0, W, H), field), (rect_d(16, 0, 8, H), cross), (rect_d(0, 16, W, 8), cross)]
    if inner:
        layers += [(rect_d(18, 0, 4, H), inner), (rect_d(0, 18, W, 4), inner)]
    return layers


def _stars(cx: float, cy: float, r: float) -> str:
    return polygon_d(star_points(cx, cy, r, r * 0.4))


def _usa() -> list[Layer]:
    red, white, blue = "#b22234", "#ffffff", "#3c3b6e"
    stripe = H / 13
    layers = [(rect_d(0, 0, W, H), white)]
    layers += [(rect_d(0, k * stripe, W, stripe + 0.01), red) for k in range(0, 13, 2)]
    cw, ch = W * 0.4, stripe * 7
    layers.append((rect_d(0, 0, cw, ch), blue))
    stars = []
    for row in range(9):
        cols = 6 if row % 2 == 0 else 5
        for col in range(cols):
            x = cw * ((col * 2 + (1 if row % 2 == 0 else 2)) / 12)
            stars.append(_stars(x, ch * (row + 1) / 10, stripe * 0.32))
    layers.append(("".join(stars), white))
    return layers


def _uk() -> list[Layer]:
    blue, white, red = "#012169", "#ffffff", "#c8102e"

    return [
        (rect_d(0, 0, W, H), blue),
        (_saltire(6), white),
        (_saltire(2), red),
        (rect_d(25, 0, 10, H) + rect_d(0, 15, W, 10), white),
        (rect_d(27, 0, 6, H) + rect_d(0, 17, W, 6), red),
    ]


def _saltire(width: float) -> str:
    """The two diagonals of the field, `width` wide."""
    d = width / 2
    return polygon_d([(0, d), (d, 0), (W, H - d), (W - d, H)]) + polygon_d([(0, H - d), (d, H), (W, d), (W - d, 0)])


def _japan() -> list[Layer]:
    return [(rect_d(0, 0, W, H), "#ffffff"), (circle_d(W / 2, H / 2, H * 0.3), "#bc002d")]


def _bangladesh() -> list[Layer]:
    return [(rect_d(0, 0, W, H), "#006a4e"), (circle_d(W * 0.45, H / 2, H * 0.3), "#f42a41")]


def _switzerland() -> list[Layer]:
    return [(rect_d(0, 0, W, H), "#da291c"), (rect_d(26, 8, 8, 24) + rect_d(18, 16, 24, 8), "#ffffff")]


def _brazil() -> list[Layer]:
    return [
        (rect_d(0, 0, W, H), "#009c3b"),
        (polygon_d([(W / 2, 4), (W - 5, H / 2), (W / 2, H - 4), (5, H / 2)]), "#ffdf00"),
        (circle_d(W / 2, H / 2, 9), "#002776"),
    ]


def _india() -> list[Layer]:
    wheel = ring_d(W / 2, H / 2, 5.2, 4.4) + circle_d(W / 2, H / 2, 1.0)
    return [*_bands(["#ff9933", "#ffffff", "#138808"]), (wheel, "#000080")]


def _china() -> list[Layer]:
    star = _stars(10, 10, 6)
    small = "".join(_stars(x, y, 2) for x, y in ((20, 4), (24, 8), (24, 14), (20, 18)))
    return [(rect_d(0, 0, W, H), "#ee1c25"), (star + small, "#ffff00")]


def _canada() -> list[Layer]:
    leaf = polygon_d(
        [(30, 8), (32.5, 13), (35, 11.5), (34, 19), (38, 15.5), (39, 18), (43, 17), (41, 22), (43, 23), (35, 28),
         (35.5, 31), (30.8, 30), (30.8, 35), (29.2, 35), (29.2, 30), (24.5, 31), (25, 28), (17, 23), (19, 22),
         (17, 17), (21, 18), (22, 15.5), (26, 19), (25, 11.5), (27.5, 13)]
    )  # fmt: skip
    return [(rect_d(0, 0, W, H), "#ffffff"), (rect_d(0, 0, 15, H) + rect_d(45, 0, 15, H), "#d80621"), (leaf, "#d80621")]


def _pride() -> list[Layer]:
    return _bands(["#e40303", "#ff8c00", "#ffed00", "#008026", "#004dff", "#750787"])


def _eu() -> list[Layer]:
    ring = "".join(
        _stars(W / 2 + 12 * math.cos(k * math.pi / 6), H / 2 + 12 * math.sin(k * math.pi / 6), 2.0) for k in range(12)
    )
    return [(rect_d(0, 0, W, H), "#003399"), (ring, "#ffcc00")]


# Names (lower case, as said) → the flag's layers.
_FLAGS: dict[str, Callable[[], list[Layer]]] = {
    "united states|us|usa|u\\.s\\.|u\\.s\\.a\\.|american|america|stars and stripes": _usa,
    "united kingdom|uk|british|britain|great britain|union jack|english": _uk,
    "france|french": lambda: _bands(["#002395", "#ffffff", "#ed2939"], vertical=True),
    "italy|italian": lambda: _bands(["#009246", "#ffffff", "#ce2b37"], vertical=True),
    "ireland|irish": lambda: _bands(["#169b62", "#ffffff", "#ff883e"], vertical=True),
    "belgium|belgian": lambda: _bands(["#000000", "#fdda24", "#ef3340"], vertical=True),
    "mexico|mexican": lambda: _bands(["#006847", "#ffffff", "#ce1126"], vertical=True),
    "nigeria|nigerian": lambda: _bands(["#008751", "#ffffff", "#008751"], vertical=True),
    "germany|german": lambda: _bands(["#000000", "#dd0000", "#ffce00"]),
    "netherlands|dutch|holland": lambda: _bands(["#ae1c28", "#ffffff", "#21468b"]),
    "russia|russian": lambda: _bands(["#ffffff", "#0039a6", "#d52b1e"]),
    "austria|austrian": lambda: _bands(["#ed2939", "#ffffff", "#ed2939"]),
    "ukraine|ukrainian": lambda: _bands(["#0057b7", "#ffd700"]),
    "poland|polish": lambda: _bands(["#ffffff", "#dc143c"]),
    "indonesia|indonesian": lambda: _bands(["#ce1126", "#ffffff"]),
    "colombia|colombian": lambda: _bands(["#fcd116", "#fcd116", "#003893", "#ce1126"]),
    "spain|spanish": lambda: _bands(["#aa151b", "#f1bf00", "#f1bf00", "#aa151b"]),
    "argentina|argentinian|argentine": lambda: [
        *_bands(["#74acdf", "#ffffff", "#74acdf"]),
        (circle_d(W / 2, H / 2, 3.5), "#f6b40e"),
    ],
    "sweden|swedish": lambda: _nordic("#006aa7", "#fecc00"),
    "denmark|danish": lambda: _nordic("#c8102e", "#ffffff"),
    "finland|finnish": lambda: _nordic("#ffffff", "#002f6c"),
    "norway|norwegian": lambda: _nordic("#ba0c2f", "#ffffff", "#00205b"),
    "iceland|icelandic": lambda: _nordic("#02529c", "#ffffff", "#dc1e35"),
    "japan|japanese": _japan,
    "bangladesh": _bangladesh,
    "switzerland|swiss": _switzerland,
    "brazil|brazilian": _brazil,
    "india|indian": _india,
    "china|chinese": _china,
    "canada|canadian": _canada,
    "pride|rainbow|lgbt|lgbtq|lgbtq\\+|gay pride": _pride,
    "european union|eu|european": _eu,
}
_NAME_RE = re.compile(r"^(?:(?:the|an?)\s+)?(?P<who>.+?)\s+flags?$|^flags?\s+of\s+(?:the\s+)?(?P<of>.+)$", re.I)


def _who(noun: str) -> str | None:
    m = _NAME_RE.match(noun.strip().lower())
    return (m.group("who") or m.group("of")) if m else None


@functools.cache
def flag_icon(noun: str) -> Icon | None:
    """The flag a noun phrase names ("american flag", "flag of japan", "pride flag") as a colour icon, or None."""
    who = _who(noun)
    if who is None:
        return None
    draw = next((fn for names, fn in _FLAGS.items() if re.fullmatch(names, who)), None)
    if draw is None:
        return None
    layers = draw()
    name = re.sub(r"[^a-z]+", "-", who).strip("-")
    return Icon(
        key=f"flag:{name}",
        set="flag",
        name=f"flag {who}",
        tags=("flag", who),
        viewbox=(0.0, 0.0, W, H),
        paths=tuple(d for d, _ in layers),
        mode="color",
        stroke_width=0.0,
        fill_rule="nonzero",
        licence="artboard (drawn from public flag geometry)",
        fills=tuple(c for _, c in layers),
        opacities=tuple(1.0 for _ in layers),
    )
