"""Styles: a reusable look derived from 1–5 reference images and/or given explicitly (Recraft `POST /v1/styles`).

A style is plain data (`StyleDefinition`): a palette (≤ 10 colours), a background colour, font families, a style
word, and the optional look controls the spec carries for the composer (`artboard.spec.StyleControls`: fill
style, line weight, corner radius). From references:

* palette: the dominant colours of every reference (median cut on the opaque pixels), merged by how much of
  each image they cover, near-duplicates (OKLab ΔE × 100 < 6) folded together;
* background: the colour most of the references' borders share, when they share one;
* fonts: the families our own designs among the references were set in (their manifests say); for other
  references, the family of ours their text was set in when OCR finds words and one family clearly matches them
  (artboard.edit.fontmatch; nothing when tesseract is not installed or no family is clear);
* style word, fill style and the rest: as given.

Applying a style to a generation fixes its palette and background (which the engine guarantees) and passes the
rest to the composer in `spec.style`.

Basic styles (Recraft `GET /v1/styles/basic`): a few curated looks every key can name by their fixed `style_id`
(`BASIC_STYLES`). Brand kits (artboard.jobs.brandkits) are a style plus names and a logo: their style carries a
`brand`, and a generation naming it gets the brand name (and tagline) as its copy when its prompt sets none
(`StyleDefinition.branded`), in the words the composer reads as copy.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from artboard.colors import RGB, parse_color, parse_palette, to_hex
from artboard.errors import InvalidParameter
from artboard.spec import pydantic_to_invalid

MAX_REFERENCES = 5
FILL_STYLES = ("flat", "line", "duotone", "gradient")
_SAME_COLOUR = 6.0  # delta_e_ok (OKLab × 100) under which two reference colours are one palette entry


class BrandInfo(BaseModel):
    """The names of a brand kit, carried by the kit's style (the logo itself stays in the kit's row)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kit_id: str
    name: str = Field(min_length=1, max_length=80)
    tagline: str | None = Field(default=None, max_length=120)
    logo: dict[str, Any] | None = None  #: sha256, width, height, media_type of the kit's logo


class StyleDefinition(BaseModel):
    """What a stored style fixes (JSON in the styles table)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    style: str = "any"
    palette: list[str] = Field(default_factory=list, max_length=10)
    background_color: str | None = None
    fonts: list[str] = Field(default_factory=list, max_length=4)
    fill_style: Literal["flat", "line", "duotone", "gradient"] | None = None
    line_weight: float | None = Field(default=None, gt=0, le=64)
    corner_radius: float | None = Field(default=None, ge=0, le=512)
    references: list[dict[str, Any]] = Field(default_factory=list)  #: sha256 and size of each reference
    brand: BrandInfo | None = None  #: set on a brand kit's style

    def branded(self, prompt: str) -> str:
        """`prompt` with the kit's brand name (and tagline) as its copy when the composer reads none in it.

        'that reads "Name" and "Tagline"' is how the composer's reader takes quoted copy without drawing anything
        for it (a 'tagline' or 'text' word would become a thing to draw); a prompt with copy of its own is kept.
        """
        if self.brand is None:
            return prompt
        from artboard.composer import parse_prompt

        brief = parse_prompt(prompt)
        if brief.texts or brief.tagline or brief.letters:
            return prompt
        names = [self.brand.name, *([self.brand.tagline] if self.brand.tagline else [])]
        quoted = " and ".join('"' + n.replace('"', "'") + '"' for n in names)
        return f"{prompt.rstrip(' ,;.')}; that reads {quoted}"

    def palette_rgb(self) -> list[RGB]:
        return [parse_color(c) for c in self.palette]

    def controls(self, style_id: str | None) -> dict[str, Any]:
        """The `spec.style` value (StyleControls fields) of this style."""
        # a brand kit's logo, vectorised when the kit was made (artboard.jobs.brandkits): the composer draws it
        logo = (self.brand.logo or {}).get("svg") if self.brand is not None else None
        return {
            "id": style_id,
            "style": self.style,
            "fonts": tuple(self.fonts) or None,
            "fill_style": self.fill_style,
            "line_weight": self.line_weight,
            "corner_radius": self.corner_radius,
            **({"logo_svg": logo} if logo else {}),
        }


def _fonts(values: Any) -> list[str]:
    from artboard.composer.fonts import font_families, normalize_family

    if values is None:
        return []
    items = [values] if isinstance(values, str) else values
    if not isinstance(items, list | tuple):
        raise InvalidParameter("fonts must be a list of font family names", param="fonts", allowed=font_families())
    known = font_families()
    found: list[str] = []
    for item in items:
        text = str(item).strip()
        family = normalize_family(text.rsplit(" ", 1)[0] if text[-3:].isdigit() else text)
        if family not in known:
            raise InvalidParameter(f"unknown font family {item!r}", param="fonts", allowed=known)
        if family not in found:
            found.append(family)
    return found[:4]


def _merge(weighted: list[tuple[RGB, float]], limit: int) -> list[RGB]:
    from artboard.oklab import delta_e_ok

    chosen: list[tuple[RGB, float]] = []
    for rgb, weight in sorted(weighted, key=lambda item: -item[1]):
        near = next((i for i, (other, _) in enumerate(chosen) if delta_e_ok(rgb, other) < _SAME_COLOUR), None)
        if near is None:
            chosen.append((rgb, weight))
        else:
            chosen[near] = (chosen[near][0], chosen[near][1] + weight)
    chosen.sort(key=lambda item: -item[1])
    return [rgb for rgb, _ in chosen[:limit]]


def _coverage(rgba: Any, count: int = 6, least: float = 0.01) -> list[tuple[RGB, float]]:
    """(colour, share) of a reference's dominant colours, sampled without blending on a 128 px thumbnail."""
    from artboard.edit.source import colour_coverage

    return colour_coverage(rgba, count, size=128, crisp=True, least=least)


def _border_colour(rgba: Any) -> RGB | None:
    import numpy as np

    ring = np.concatenate([rgba[0], rgba[-1], rgba[:, 0], rgba[:, -1]])
    opaque = ring[ring[:, 3] > 200][:, :3]
    if len(opaque) < len(ring) * 0.5:
        return None
    median = np.median(opaque, axis=0)
    if float(np.mean(np.abs(opaque - median).max(axis=1) < 16)) < 0.7:
        return None  # the border is not one colour
    return (int(median[0]), int(median[1]), int(median[2]))


def derive_style(
    references: list[Any] | None = None,
    *,
    style: str | None = None,
    palette: Any = None,
    background_color: Any = None,
    fonts: Any = None,
    fill_style: str | None = None,
    line_weight: Any = None,
    corner_radius: Any = None,
    colors: int = 5,
) -> StyleDefinition:
    """A style from reference images (bytes/paths) and/or explicit values; explicit values win."""
    from artboard.edit.source import load_source

    refs = list(references or [])
    if len(refs) > MAX_REFERENCES:
        raise InvalidParameter(
            f"{len(refs)} reference images; a style takes at most {MAX_REFERENCES}",
            param="images",
            allowed=f"1..{MAX_REFERENCES} images",
        )
    if not refs and palette is None and style is None and fonts is None:
        raise InvalidParameter(
            "a style needs reference images, a palette, fonts or a style word",
            param="images",
            details={"missing": True},
        )
    weighted: list[tuple[RGB, float]] = []
    grounds: list[RGB | None] = []
    found_fonts: list[str] = []
    records: list[dict[str, Any]] = []
    for index, ref in enumerate(refs):
        source = load_source(ref, param=f"images[{index}]", designs=False)
        weighted += _coverage(source.rgba)
        grounds.append(_border_colour(source.rgba))
        design = (source.manifest or _manifest_of(ref) or {}).get("design") or {}
        labels = design.get("fonts", []) if isinstance(design, dict) else []
        if not labels and fonts is None:  # not one of ours: the family its text was set in, when it is clear
            from artboard.edit.fontmatch import match_fonts

            labels = match_fonts(source.rgba)
        for label in labels:
            family = str(label).rsplit(" ", 1)[0].lower().replace(" ", "-")
            if family not in found_fonts:
                found_fonts.append(family)
        records.append({"sha256": source.sha256, "width": source.width, "height": source.height})
    strict = [to_hex(c) for c in parse_palette(palette, param="palette")] if palette is not None else None
    derived = [to_hex(c) for c in _merge(weighted, colors)] if weighted else []
    ground = (
        to_hex(parse_color(background_color, param="background_color"))
        if background_color is not None
        else (
            to_hex(grounds[0]) if grounds and grounds[0] is not None and all(g == grounds[0] for g in grounds) else None
        )
    )
    if fill_style is not None and fill_style not in FILL_STYLES:
        raise InvalidParameter(f"unknown fill_style {fill_style!r}", param="fill_style", allowed=FILL_STYLES)
    try:
        return StyleDefinition(
            style=(style or "any").strip() or "any",
            palette=strict if strict is not None else derived,
            background_color=ground,
            fonts=_fonts(fonts) if fonts is not None else _fonts(found_fonts),
            fill_style=fill_style,  # type: ignore[arg-type]
            line_weight=line_weight,
            corner_radius=corner_radius,
            references=records,
        )
    except ValidationError as exc:
        raise pydantic_to_invalid(exc) from None


def _manifest_of(ref: Any) -> dict[str, Any] | None:
    from artboard.edit.source import raw_bytes
    from artboard.manifest import read_manifest

    data = raw_bytes(ref, "images")
    try:
        return read_manifest(data) if data is not None else None
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------------------------
# basic styles: curated looks every key can name (Recraft GET /v1/styles/basic answers {styles: [{style_id, style,
# substyle, model}]}); their ids are fixed (uuid5 of the name), so a client may keep them.

_BASIC: dict[str, dict[str, Any]] = {
    "flat_minimal": {
        "style": "vector_illustration",
        "palette": ["#1f3a5f", "#4f86c6", "#f2f4f7", "#f4a259"],
        "background_color": "#ffffff",
        "fonts": ["inter", "dm-sans"],
        "fill_style": "flat",
        "corner_radius": 12.0,
    },
    "line_art": {
        "style": "vector_illustration",
        "palette": ["#111111", "#6b7280"],
        "background_color": "#ffffff",
        "fonts": ["dm-sans"],
        "fill_style": "line",
        "line_weight": 6.0,
    },
    "bold_duotone": {
        "style": "digital_illustration",
        "palette": ["#1b1b3a", "#ff5d73"],
        "background_color": "#fff4e6",
        "fonts": ["archivo-black", "inter"],
        "fill_style": "duotone",
    },
    "soft_gradient": {
        "style": "digital_illustration",
        "palette": ["#6a5acd", "#ff8fab", "#ffd6a5", "#2b2d42"],
        "background_color": "#f8f7ff",
        "fonts": ["unbounded", "dm-sans"],
        "fill_style": "gradient",
        "corner_radius": 24.0,
    },
    "vintage_badge": {
        "style": "vector_illustration",
        "palette": ["#3d2b1f", "#b5651d", "#e9c46a", "#f1e9da"],
        "background_color": "#f1e9da",
        "fonts": ["alfa-slab-one", "roboto-slab"],
        "fill_style": "flat",
        "line_weight": 4.0,
    },
    "elegant_serif": {
        "style": "vector_illustration",
        "palette": ["#1c1c1c", "#b08d57", "#f5f1ea"],
        "background_color": "#f5f1ea",
        "fonts": ["playfair-display", "lora"],
        "fill_style": "line",
        "line_weight": 3.0,
    },
    "playful_rounded": {
        "style": "digital_illustration",
        "palette": ["#ff6b6b", "#ffd93d", "#6bcb77", "#4d96ff"],
        "background_color": "#fffdf7",
        "fonts": ["fredoka", "righteous"],
        "fill_style": "flat",
        "corner_radius": 32.0,
    },
    "tech_dark": {
        "style": "digital_illustration",
        "palette": ["#00e5ff", "#7c4dff", "#e0e0e0"],
        "background_color": "#0d1117",
        "fonts": ["space-grotesk", "inter"],
        "fill_style": "gradient",
    },
}
BASIC_MODEL = "recraftv4"  #: the model Recraft's basic-style listing names; ours draw with every model


def basic_style_id(name: str) -> str:
    import uuid

    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"https://artboard.local/styles/basic/{name}"))


BASIC_STYLES: dict[str, tuple[str, StyleDefinition]] = {
    basic_style_id(name): (name, StyleDefinition(**values)) for name, values in _BASIC.items()
}


def basic_style(style_id: str) -> StyleDefinition | None:
    found = BASIC_STYLES.get(style_id.strip().lower())
    return found[1] if found else None


def basic_listing() -> list[dict[str, Any]]:
    """Recraft's `GET /v1/styles/basic` entries, plus what each fixes (our extension)."""
    return [
        {
            "style_id": style_id,
            "style": definition.style,
            "substyle": name,
            "model": BASIC_MODEL,
            "name": name,
            **definition.model_dump(exclude={"style", "references", "brand"}, exclude_none=True),
        }
        for style_id, (name, definition) in BASIC_STYLES.items()
    ]
