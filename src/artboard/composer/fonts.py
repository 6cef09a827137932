"""Font catalogue: the bundled families (installed as ``fontpkg-*`` wheels) with role tags.

The composer picks faces from style words ("luxury", "retro", "tech"...) through the role tags, so the
tags describe how a family *reads*, not how it is built. Font files are located through importlib so the
catalogue works from a wheel, an editable install or a zipapp-free venv alike.

Variable fonts are not instanced here: HarfBuzz applies the design-space location itself when shaping and
drawing (see ``typeset``), which measured ~10,000x faster than ``fontTools.varLib.instancer`` (2.4 s for
Inter) and ~50x faster than a fontTools glyph set at a location.
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from artboard.errors import InvalidParameter, MissingDependency

__all__ = [
    "ROLES",
    "FamilyInfo",
    "FontFace",
    "faces_with",
    "family_info",
    "font_families",
    "get_face",
    "normalize_family",
]


@dataclass(frozen=True)
class _Spec:
    roles: tuple[str, ...]
    headline_weight: int  # the weight that looks right for a big headline in this family
    caps_only: bool = False


# Order matters: it is the stable order faces_with() returns, so the most versatile family of a style
# comes first and becomes the composer's default pick for that style.
_CATALOGUE: dict[str, _Spec] = {
    "inter": _Spec(("sans", "grotesk", "corporate", "tech", "modern", "minimal", "neutral", "bold"), 800),
    "dm-sans": _Spec(("sans", "geometric", "modern", "minimal", "friendly", "corporate", "clean"), 700),
    "montserrat": _Spec(("sans", "geometric", "corporate", "modern", "urban", "bold", "heavy"), 800),
    "space-grotesk": _Spec(("sans", "grotesk", "tech", "modern", "quirky", "futuristic"), 700),
    "oswald": _Spec(("sans", "grotesk", "condensed", "bold", "poster", "sport", "corporate", "urban"), 600),
    "bebas-neue": _Spec(
        ("sans", "condensed", "display", "bold", "poster", "sport", "retro", "urban"), 400, caps_only=True
    ),
    "anton": _Spec(("sans", "grotesk", "condensed", "heavy", "bold", "display", "poster", "impact"), 400),
    "archivo-black": _Spec(("sans", "grotesk", "heavy", "bold", "display", "poster", "corporate"), 400),
    "unbounded": _Spec(("sans", "geometric", "wide", "tech", "futuristic", "display", "bold", "heavy"), 700),
    "righteous": _Spec(("sans", "geometric", "retro", "display", "playful", "rounded", "art-deco"), 400),
    "fredoka": _Spec(("sans", "rounded", "playful", "friendly", "kids", "bold", "display"), 600),
    "playfair-display": _Spec(
        ("serif", "display-serif", "high-contrast", "elegant", "luxury", "editorial", "classic"), 700
    ),
    "dm-serif-display": _Spec(
        ("serif", "display-serif", "high-contrast", "elegant", "luxury", "editorial", "classic"), 400
    ),
    "abril-fatface": _Spec(
        (
            "serif",
            "display-serif",
            "high-contrast",
            "heavy",
            "bold",
            "vintage",
            "editorial",
            "retro",
            "display",
        ),
        400,
    ),
    "lora": _Spec(("serif", "humanist", "elegant", "editorial", "book", "warm", "classic"), 700),
    "roboto-slab": _Spec(("serif", "slab", "corporate", "sturdy", "modern", "tech"), 700),
    "alfa-slab-one": _Spec(("serif", "slab", "heavy", "bold", "vintage", "retro", "display", "western", "poster"), 400),
    "pacifico": _Spec(("script", "handwritten", "playful", "retro", "casual", "surf", "friendly"), 400),
    "great-vibes": _Spec(("script", "elegant", "luxury", "formal", "wedding", "calligraphic"), 400),
    "caveat": _Spec(("handwritten", "casual", "playful", "friendly", "personal"), 700),
    "permanent-marker": _Spec(("handwritten", "marker", "playful", "grunge", "casual", "bold"), 400),
    "space-mono": _Spec(("mono", "tech", "retro", "code", "quirky"), 700),
}

ROLES: frozenset[str] = frozenset(r for spec in _CATALOGUE.values() for r in spec.roles)


@dataclass(frozen=True)
class FontFace:
    """One concrete face: a family at a weight (and design-space location for variable fonts).

    Hashable so it can key the shaping and glyph-outline caches.
    """

    family: str  # catalogue slug, e.g. "playfair-display"
    weight: int
    path: str
    roles: frozenset[str]
    licence: str
    name: str = ""  # display name, e.g. "Playfair Display"
    italic: bool = False
    variable: bool = False
    # (axis tag, value) pairs HarfBuzz should apply; empty for static fonts
    location: tuple[tuple[str, float], ...] = ()
    caps_only: bool = False

    def __str__(self) -> str:
        return f"{self.name or self.family} {self.weight}{' italic' if self.italic else ''}"


@dataclass(frozen=True)
class _File:
    path: str
    italic: bool
    weight: int | None  # None for variable files


@dataclass(frozen=True)
class FamilyInfo:
    family: str
    name: str
    package: str
    version: str  # the wheel's version (what NOTICE files cite)
    font_version: str  # the font's own version from metadata.json
    licence: str
    copyright: str
    roles: frozenset[str]
    headline_weight: int
    caps_only: bool
    weights: tuple[int, int]  # lowest and highest weight available
    axes: dict[str, tuple[float, float]] = field(default_factory=dict, compare=False, hash=False)
    files: tuple[_File, ...] = ()
    licence_path: str = ""

    @property
    def variable(self) -> bool:
        return "wght" in self.axes


def normalize_family(family: str) -> str:
    """'Playfair Display', 'playfair_display' and 'playfair-display' all name one family."""
    return "-".join(family.strip().lower().replace("_", " ").replace("-", " ").split())


def _package_root(module: str) -> Path | None:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


@cache
def family_info(family: str) -> FamilyInfo:
    """Catalogue entry with licence and file metadata; raises for unknown or uninstalled families."""
    slug = normalize_family(family)
    spec = _CATALOGUE.get(slug)
    if spec is None:
        raise InvalidParameter(f"unknown font family {family!r}", param="font", allowed=list(_CATALOGUE))
    module = "fontpkg_" + slug.replace("-", "_")
    root = _package_root(module)
    if root is None:
        raise MissingDependency(f"font family {slug!r} is not installed (pip install fontpkg-{slug})")
    meta: dict[str, Any] = json.loads((root / "metadata.json").read_text(encoding="utf-8"))
    files = tuple(
        _File(str(root / f["path"]), f.get("style") == "italic", f.get("weight"))
        for f in meta["files"]
        if (root / f["path"]).is_file()
    )
    axes = {a["tag"]: (float(a["min"]), float(a["max"])) for a in meta.get("axes", [])}
    if "wght" in axes:
        weights = (int(axes["wght"][0]), int(axes["wght"][1]))
    else:
        static = [f.weight for f in files if f.weight is not None] or [400]
        weights = (min(static), max(static))
    try:
        version = metadata.version(f"fontpkg-{slug}")
    except metadata.PackageNotFoundError:  # pragma: no cover - vendored copy without dist-info
        version = str(meta.get("version", "?"))
    return FamilyInfo(
        family=slug,
        name=str(meta.get("family", slug)),
        package=f"fontpkg-{slug}",
        version=version,
        font_version=str(meta.get("version", "?")),
        licence=str(meta.get("license", "OFL-1.1")),
        # DM Serif Display's upstream metadata keeps a backslash before its quotes
        copyright=str(meta.get("copyright", "")).replace("\\'", "'"),
        roles=frozenset(spec.roles),
        headline_weight=max(weights[0], min(weights[1], spec.headline_weight)),
        caps_only=spec.caps_only,
        weights=weights,
        axes=axes,
        files=files,
        licence_path=str(root / "LICENSE"),
    )


@cache
def _installed(slug: str) -> bool:
    return _package_root("fontpkg_" + slug.replace("-", "_")) is not None


def font_families() -> list[str]:
    """Slugs of all catalogue families that are installed, in catalogue order."""
    return [slug for slug in _CATALOGUE if _installed(slug)]


def faces_with(*roles: str) -> list[str]:
    """Installed families carrying every one of ``roles`` (catalogue order, so the result is stable)."""
    wanted = {r.strip().lower() for r in roles}
    return [slug for slug in font_families() if wanted <= set(_CATALOGUE[slug].roles)]


@cache
def get_face(family: str, weight: int = 400, *, italic: bool = False, opsz: float | None = None) -> FontFace:
    """The face of ``family`` nearest to ``weight``.

    Variable families take any weight inside their axis (clamped); static ones snap to the nearest file.
    ``opsz`` defaults to the axis maximum because artboard sets text large (headlines, logos), where the
    display optical size with its tighter spacing looks intended. An italic request falls back to upright
    when the family has no italic.
    """
    info = family_info(family)
    candidates = [f for f in info.files if f.italic == italic] or [f for f in info.files if not f.italic]
    if not candidates:  # pragma: no cover - every fontpkg ships at least one file
        raise MissingDependency(f"font family {info.family!r} ships no font files")
    variable = [f for f in candidates if f.weight is None]
    location: list[tuple[str, float]] = []
    if variable and "wght" in info.axes:
        chosen = variable[0]
        lo, hi = info.axes["wght"]
        actual = round(max(lo, min(hi, float(weight))))
        location.append(("wght", float(actual)))
        if "opsz" in info.axes:
            olo, ohi = info.axes["opsz"]
            location.append(("opsz", ohi if opsz is None else max(olo, min(ohi, float(opsz)))))
    else:
        static = [f for f in candidates if f.weight is not None] or candidates
        # ties go to the heavier file: asking for 550 of a 400/700 family usually means "emphasis"
        chosen = min(static, key=lambda f: (abs((f.weight or 400) - weight), -(f.weight or 400)))
        actual = chosen.weight or 400
    return FontFace(
        family=info.family,
        weight=actual,
        path=chosen.path,
        roles=info.roles,
        licence=info.licence,
        name=info.name,
        italic=chosen.italic,
        variable=bool(location),
        location=tuple(location),
        caps_only=info.caps_only,
    )
