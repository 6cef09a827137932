"""The exact size tables of the two tiers (Recraft V4 / V4 Pro, reference/api-landscape.md §1.5).

Every surface validates against these tables; nothing else in the code base lists sizes.
"""

from __future__ import annotations

import re
from typing import Literal

from artboard.errors import InvalidParameter

Tier = Literal["standard", "pro"]
TIERS: tuple[Tier, ...] = ("standard", "pro")

# ratio name -> (width, height); order is the order users see in listings.
SIZE_TABLES: dict[Tier, dict[str, tuple[int, int]]] = {
    "standard": {
        "1:1": (1024, 1024),
        "2:1": (1536, 768),
        "1:2": (768, 1536),
        "3:2": (1280, 832),
        "2:3": (832, 1280),
        "4:3": (1216, 896),
        "3:4": (896, 1216),
        "5:4": (1152, 896),
        "4:5": (896, 1152),
        "6:10": (832, 1344),
        "14:10": (1280, 896),
        "10:14": (896, 1280),
        "16:9": (1344, 768),
        "9:16": (768, 1344),
    },
    "pro": {
        "1:1": (2048, 2048),
        "2:1": (3072, 1536),
        "1:2": (1536, 3072),
        "3:2": (2560, 1664),
        "2:3": (1664, 2560),
        "4:3": (2432, 1792),
        "3:4": (1792, 2432),
        "5:4": (2304, 1792),
        "4:5": (1792, 2304),
        "6:10": (1664, 2688),
        "14:10": (2560, 1792),
        "10:14": (1792, 2560),
        "16:9": (2688, 1536),
        "9:16": (1536, 2688),
    },
}

_SIZE_RE = re.compile(r"^\s*(\d{1,5})\s*[xX×*]\s*(\d{1,5})\s*$")
_RATIO_RE = re.compile(r"^\s*(\d{1,3}(?:\.\d+)?)\s*:\s*(\d{1,3}(?:\.\d+)?)\s*$")


def sizes(tier: Tier) -> list[str]:
    """The table of a tier as 'WxH' strings."""
    return [f"{w}x{h}" for w, h in SIZE_TABLES[tier].values()]


def aspect_ratios(tier: Tier = "standard") -> list[str]:
    return list(SIZE_TABLES[tier])


def check_tier(tier: object, *, param: str = "tier") -> Tier:
    if tier in TIERS:
        return tier
    raise InvalidParameter(f"unknown tier {tier!r}", param=param, allowed=TIERS)


def ratio_of(width: int, height: int, tier: Tier) -> str:
    for name, wh in SIZE_TABLES[tier].items():
        if wh == (width, height):
            return name
    raise InvalidParameter(f"{width}x{height} is not a {tier} size", param="size", allowed=sizes(tier))


def tier_of_size(width: int, height: int) -> Tier | None:
    for tier in TIERS:
        if (width, height) in SIZE_TABLES[tier].values():
            return tier
    return None


def resolve_aspect_ratio(value: str, tier: Tier, *, param: str = "aspect_ratio") -> tuple[int, int]:
    table = SIZE_TABLES[tier]
    text = str(value).strip()
    if text in table:
        return table[text]
    match = _RATIO_RE.match(text)
    if match:
        # Accept equivalent spellings such as "1.4:1" or "7:5" for 14:10 by comparing reduced ratios.
        want = float(match.group(1)) / float(match.group(2)) if float(match.group(2)) else 0.0
        for name in table:
            a, b = (float(p) for p in name.split(":"))
            if abs(a / b - want) < 1e-6:
                return table[name]
    raise InvalidParameter(f"unknown aspect ratio {value!r} for tier {tier}", param=param, allowed=list(table))


def resolve_size(value: str, tier: Tier, *, param: str = "size") -> tuple[int, int]:
    """A size given as 'WxH' (exact table entry) or as a ratio 'w:h' (Recraft accepts both in `size`)."""
    text = str(value).strip()
    match = _SIZE_RE.match(text)
    if match:
        wh = (int(match.group(1)), int(match.group(2)))
        if wh in SIZE_TABLES[tier].values():
            return wh
        other = tier_of_size(*wh)
        hint = f" ({wh[0]}x{wh[1]} is a {other} size; set tier={other})" if other else ""
        raise InvalidParameter(f"{text} is not in the {tier} size table{hint}", param=param, allowed=sizes(tier))
    if _RATIO_RE.match(text):
        return resolve_aspect_ratio(text, tier, param=param)
    raise InvalidParameter(
        f"cannot read size {value!r}; use WxH from the {tier} table or an aspect ratio",
        param=param,
        allowed=sizes(tier),
    )


def check_dimensions(width: int, height: int, tier: Tier, *, param: str = "size") -> tuple[int, int]:
    if (width, height) not in SIZE_TABLES[tier].values():
        return resolve_size(f"{width}x{height}", tier, param=param)
    return width, height
