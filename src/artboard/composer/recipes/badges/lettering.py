"""Type for badges and stickers: the display family, text on arcs and in boxes sized by cap height, monogram
letters, and the copy (name, extra lines, "EST. 1987") taken from the brief. Text is only ever the brief's."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from artboard.colors import RGB
from artboard.composer import fonts
from artboard.composer.context import Ctx
from artboard.composer.recipes.badges.common import Box, _Art
from artboard.composer.recipes.badges.geometry import _centred
from artboard.composer.typeset import TextBlock, arc_text, fit_text, measure, measuring, set_line

_CONDENSED = ("oswald", "bebas-neue", "anton")


def _style_faces(
    ctx: Ctx, order: Sequence[str], table: Mapping[str, tuple[str, ...]], default: tuple[str, ...]
) -> tuple[str, ...]:
    """The families of the first style in `order` the brief asks for, else `default`."""
    for style in order:
        if ctx.brief.has(style):
            return table[style]
    return default


def _choose_family(ctx: Ctx, options: Sequence[str], longest: int) -> str:
    """Pick the display family for this design (seeded) and make ctx use it for every display text."""
    available = set(fonts.font_families())
    opts = [f for f in options if f in available] or [ctx.family("display")]
    if longest > 16:
        condensed = [f for f in opts if f in _CONDENSED] + [f for f in _CONDENSED if f in available and f not in opts]
        if condensed:
            opts = condensed
    choice = opts[ctx.rng.randrange(min(2, len(opts)))]
    ctx.info["family_display"] = choice
    return choice


def _face(ctx: Ctx, purpose: str = "display", weight: int | None = None, *, record: bool = True) -> fonts.FontFace:
    face = ctx.face(purpose, weight)  # type: ignore[arg-type]
    if not record:
        return face
    label = f"{face.family} {face.weight}"
    ctx.info.setdefault("fonts", [])
    if label not in ctx.info["fonts"]:
        ctx.info["fonts"].append(label)
    return face


@functools.lru_cache(maxsize=64)
def _cap_ratio(face: fonts.FontFace) -> float:
    with measuring():
        block = set_line("H", face, 100.0, 0.0, 0.0)
    return max(0.4, block.cap_height / 100.0)


def _arc_cap(face: fonts.FontFace, text: str, cap: float, radius: float, tracking: float, max_sweep: float) -> float:
    """The cap height `text` can have on an arc of `radius` without spanning more than `max_sweep` degrees."""
    size = cap / _cap_ratio(face)
    advance = measure(text, face, size, tracking)
    sweep = math.degrees(advance / max(radius, 1e-6))
    return cap if sweep <= max_sweep else cap * max_sweep / sweep


def _line_cap(face: fonts.FontFace, text: str, width: float, tracking: float) -> float:
    """The cap height at which `text` (upper case, one line) spans `width`."""
    advance = measure(text.upper(), face, 100.0, tracking)
    return width / max(advance, 1e-6) * 100.0 * _cap_ratio(face)


def _arc_text(
    ctx: Ctx,
    art: _Art,
    text: str,
    cx: float,
    cy: float,
    radius: float,
    cap: float,
    color: RGB,
    *,
    bottom: bool,
    max_sweep: float,
    tracking: float = 110.0,
    purpose: str = "display",
    weight: int | None = None,
    name: str = "arc-text",
) -> TextBlock:
    face = _face(ctx, purpose, weight)
    size = cap / _cap_ratio(face)
    block = arc_text(
        text.upper(),
        face,
        size,
        cx,
        cy,
        radius,
        center_angle_deg=90 if bottom else -90,
        inside=bottom,
        tracking=tracking,
        radial_align="middle",
        max_sweep_deg=max_sweep,
    )
    art.add(name, block.d, color)
    return block


def _text_box(
    ctx: Ctx,
    art: _Art,
    text: str,
    box: Box,
    color: RGB,
    *,
    purpose: str = "display",
    weight: int | None = None,
    uppercase: bool = True,
    tracking: float = 60.0,
    max_lines: int = 1,
    max_cap: float | None = None,
    min_cap: float | None = None,
    align: str = "center",
    name: str = "text",
) -> TextBlock:
    face = _face(ctx, purpose, weight)
    ratio = _cap_ratio(face)
    height = box[3] - box[1]
    max_size = (max_cap / ratio) if max_cap else height / ratio
    min_size = min(max_size, (min_cap or ctx.short * 0.03) / ratio)
    block = fit_text(
        text,
        face,
        box,
        max_size=max_size,
        min_size=min_size,
        uppercase=uppercase,
        tracking=tracking,
        max_lines=max_lines,
        align=align,  # type: ignore[arg-type]
        line_height=1.08,
    )
    art.add(name, block.d, color)
    return block


def _caption(
    ctx: Ctx,
    art: _Art,
    text: str,
    cx: float,
    cy: float,
    half_width: float,
    color: RGB,
    *,
    tracking: float,
    name: str,
    half_height: float = 0.02,
    cap: float = 0.032,
) -> TextBlock:
    """A short line (a tagline, "EST. 1987") centred on (cx, cy); heights are fractions of the short side."""
    S = ctx.short
    return _text_box(
        ctx,
        art,
        text,
        (cx - half_width, cy - S * half_height, cx + half_width, cy + S * half_height),
        color,
        tracking=tracking,
        max_cap=S * cap,
        min_cap=S * 0.03,
        name=name,
    )


def _letters_d(ctx: Ctx, letters: str, cx: float, cy: float, height: float, max_width: float) -> str:
    face = _face(ctx, "display")
    ratio = _cap_ratio(face)
    size = height / ratio
    block = set_line(letters, face, size, 0.0, 0.0, tracking=20)
    k = min(1.0, max_width / max(block.width, 1e-6))
    return _centred(block.d, block.bbox, k, cx, cy)


def _initials(ctx: Ctx) -> str | None:
    b = ctx.brief
    if b.letters:
        return b.letters[:3]
    if b.headline:
        words: list[str] = re.findall(r"[A-Za-z0-9]+", b.headline)
        if len(words) >= 2:
            return "".join(w[0] for w in words[:3]).upper()
    return None  # a single word is not cut into letters: it is set whole


# ---------------------------------------------------------------------------------------------------------------
# Copy
# ---------------------------------------------------------------------------------------------------------------


@dataclass
class _Copy:
    name: str | None
    extras: list[str]
    est: str | None

    def take(self) -> str | None:
        return self.extras.pop(0) if self.extras else None


def _copy(ctx: Ctx) -> _Copy:
    b = ctx.brief
    name = b.headline
    extras = [t for t in (*b.texts[1:], b.tagline) if t]
    if b.event and not any(b.event.lower() in t.lower() for t in (*b.texts, *b.phrases)):
        # "badge for a summer reading challenge 2027": the badge names what it is for.
        if name is None:
            name = b.event
        else:
            extras.insert(0, b.event)
    if name is not None:
        # "Certified Organic - 100% Natural": two lines, one for the ribbon or top arc and one for the other arc.
        parts = [p.strip() for p in re.split(r"\s+[-–—|·]\s+", name) if p.strip()]
        if len(parts) == 2:
            name, extras = parts[0], [parts[1], *extras]
    written = " ".join(t for t in (name, *extras) if t).lower()
    # The year on a patch ("Camp Wildwood 2025"), a date, an offer, a short line ("30 days"): the badge says them.
    for line in [d.text for d in b.details if d.kind in ("year", "date", "offer", "price")] + [
        p for p in b.phrases if len(p.split()) <= 4
    ]:
        if line.lower() not in written and line != b.established:
            extras.append(line)
            written += " " + line.lower()
    est = f"EST. {b.established}" if b.established else None
    said = next((t for t in extras if b.established and b.established in t), None)
    if said is not None:
        # The user wrote the year line themselves ('Est. 1902'): set theirs, once, where the year goes.
        extras.remove(said)
        est = said.upper()
    return _Copy(name, extras, est)
