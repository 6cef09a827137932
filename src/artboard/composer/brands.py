"""Brand marks by name ("a set of social media icons: Instagram, Facebook, YouTube", "a 'follow us' banner with
the Instagram logo"): Simple Icons' path data for the brands design prompts name (data/icons/brands.json, built
by tools/vendor_brand_icons.py). They are found by their name only, never by the icon search: "an apple" is a
fruit and "a shell" a seashell, never a company's logo.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from typing import Any

from artboard.composer.icon_sources import Icon

_SUFFIX_RE = re.compile(r"\s+(?:logo|icon|mark|glyph|symbol|app|button)s?$")


@functools.cache
def _data() -> dict[str, Any]:
    text = resources.files("artboard").joinpath("data", "icons", "brands.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def slug_for(name: str, *, among_brands: bool = False) -> str | None:
    """The brand a name says ("Instagram", "tik tok", "the YouTube logo"), or None. A brand that is also an
    ordinary word ("apple", "twitter", "line", "slack") is the brand only when said as a logo or listed among
    other brands (`among_brands`)."""
    from artboard.composer import wordnet

    lower = re.sub(r"^(?:the|a|an)\s+", "", name.strip().lower())
    said = _SUFFIX_RE.sub("", lower)
    data = _data()
    slug = data["aliases"].get(said, said.replace(" ", ""))
    if slug not in data["marks"]:
        return None
    if said == lower and not among_brands and " " not in said and wordnet.is_noun(said):
        return None  # "an apple and a pear": fruit
    return str(slug)


@functools.cache
def brand_icon(name: str, *, among_brands: bool = False) -> Icon | None:
    """The brand's mark as a one-colour glyph (in the design's ink, as icon sets draw it), or None."""
    slug = slug_for(name, among_brands=among_brands)
    if slug is None:
        return None
    mark = _data()["marks"][slug]
    x0, y0, w, h = (float(v) for v in _data()["viewbox"])
    return Icon(
        key=f"brand:{slug}",
        set="brand",
        name=slug,
        tags=(mark["title"].lower(), "brand", "logo"),
        viewbox=(x0, y0, w, h),
        paths=(mark["d"],),
        mode="fill",
        stroke_width=0.0,
        fill_rule="nonzero",
        licence="CC0-1.0 (Simple Icons); trademark of its owner",
    )


_MEDIUM_RE = re.compile(
    r"\s+(?:banners?|posts?|stor(?:y|ies)|reels?|covers?|headers?|ads?|thumbnails?|carousels?|profiles?"
    r"|pages?|videos?|channels?|shorts?|pins?|live|stream)\b"
)


def said_in(prompt: str) -> Icon | None:
    """A brand's mark a prompt asks for anywhere in it ("a banner with the Instagram logo", "follow us on
    TikTok"): a brand said as a logo, or a name that is no ordinary word. None when none is."""
    lower = prompt.lower()
    for slug, mark in _data()["marks"].items():
        title = str(mark["title"]).lower()
        for said in {slug, title}:
            for m in re.finditer(rf"(?<![\w@#]){re.escape(said)}(?P<logo>\s+(?:logo|icon|mark)s?)?(?![\w.])", lower):
                if _MEDIUM_RE.match(lower, m.end()) and not m.group("logo"):
                    continue  # "LinkedIn banner", "Instagram post": where the design goes, not a mark to draw on it
                if m.group("logo") or slug_for(said) is not None:
                    return brand_icon(said + (m.group("logo") or ""))
    return None
