"""The palette + background guarantee, for SVG and raster output, with a report of what was done.

With a palette, every fill/stroke/stop colour in an output SVG is a palette colour or the background, and
every raster pixel that is not an anti-aliased edge is one of them. ``enforce_*`` make it so; ``svg_colors``
and ``raster_compliance`` check it independently, and each report's ``compliant`` is that check run on the
output (not a promise).

The background counts as an allowed colour: a colour nearer to it than to every palette colour maps to it.
``background`` may be ``None`` or ``"transparent"`` (no background colour; alpha is kept).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from artboard.colors import RGB, delta_e_ok, to_hex
from artboard.post import svgcolors, svgrewrite
from artboard.post.rasterpalette import EXACT_TOL, allowed_colors, compliance_counts, enforce_raster
from artboard.post.rasterpalette import raster_compliance as _raster_compliance

__all__ = [
    "PaletteReport",
    "enforce_raster_palette",
    "enforce_svg_palette",
    "raster_compliance",
    "svg_colors",
]

Background = RGB | Literal["transparent"] | None


@dataclass(frozen=True)
class PaletteReport:
    palette: tuple[str, ...]  # hex
    background: str | None  # hex, "transparent", or None when none was given
    compliant: bool  # the independent check (svg_colors / raster_compliance) passed on the output
    mapped: tuple[tuple[str, str, float], ...]  # (original hex, mapped hex, ΔE_ok) per distinct original colour
    gradients: str | None  # what happened to gradients; None when there were none
    coverage: dict[str, float] | None  # raster: share of visible pixels per allowed colour, "edge", "other"
    notes: tuple[str, ...] = field(default=())  # removed filters, dropped values, limits of the report

    def to_dict(self) -> dict[str, object]:
        return {
            "palette": list(self.palette),
            "background": self.background,
            "compliant": self.compliant,
            "mapped": [{"from": a, "to": b, "delta_e": d} for a, b, d in self.mapped],
            "gradients": self.gradients,
            "coverage": dict(self.coverage) if self.coverage is not None else None,
            "notes": list(self.notes),
        }


def _split_background(background: Background) -> tuple[RGB | None, str | None]:
    if background is None:
        return None, None
    if isinstance(background, str):
        if background.strip().lower() != "transparent":
            raise ValueError(f"background must be an RGB triple, 'transparent' or None, not {background!r}")
        return None, "transparent"
    rgb = (int(background[0]), int(background[1]), int(background[2]))
    return rgb, to_hex(rgb)


def svg_colors(svg: str) -> set[RGB]:
    """Every colour the SVG can paint.

    Reads fill/stroke/stop-color/flood-color/lighting-color/color (and solid-color, background) from
    attributes, ``style=""`` and ``<style>`` sheets (every colour declaration in a sheet counts, whatever
    its selector), resolves ``currentColor``, and adds the implicit black of shapes with no fill and stops
    with no colour. Content of ``<mask>``/``<clipPath>`` and gradients used only by masks are not painted and
    not counted.
    """
    return svgcolors.scan_colors(svgcolors.parse_svg(svg))


def enforce_svg_palette(svg: str, palette: Sequence[RGB], background: Background = None) -> tuple[str, PaletteReport]:
    """Rewrite ``svg`` so every painted colour is a palette colour or the background."""
    bg, bg_label = _split_background(background)
    allowed = allowed_colors(palette, bg)
    root = svgcolors.parse_svg(svg)
    log = svgrewrite.RewriteLog()
    svgrewrite.rewrite(root, allowed, log)
    out = svgrewrite.serialize(root)
    leftover = svg_colors(out) - set(allowed)
    notes = svgrewrite.notes(log)
    if leftover:
        notes.append("not compliant: " + ", ".join(sorted(to_hex(c) for c in leftover)))
    report = PaletteReport(
        palette=tuple(to_hex(c) for c in palette),
        background=bg_label,
        compliant=not leftover,
        mapped=tuple((to_hex(a), to_hex(b), d) for a, (b, d) in log.mapped.items()),
        gradients=svgrewrite.gradient_summary(log),
        coverage=None,
        notes=tuple(notes),
    )
    return out, report


def enforce_raster_palette(
    rgba: NDArray[np.uint8], palette: Sequence[RGB], background: Background = None
) -> tuple[NDArray[np.uint8], PaletteReport]:
    """Snap an (H, W, 4) or (H, W, 3) uint8 image to the palette, keeping anti-aliased edges smooth.

    With a background colour the image is composited onto it first (output fully opaque); without one,
    alpha is kept and fully transparent pixels become (0, 0, 0, 0).
    """
    bg, bg_label = _split_background(background)
    result = enforce_raster(rgba, palette, bg)
    allowed = allowed_colors(palette, bg)
    counts, visible = compliance_counts(result.rgba, allowed)
    total = max(visible, 1)
    coverage = {key: round(value / total, 6) for key, value in counts.items()}
    mapped = tuple((to_hex(orig), to_hex(new), round(delta_e_ok(orig, new), 2)) for orig, new, _ in result.mapped)
    notes = [
        f"mapped lists the {len(mapped)} most frequent source colours" if len(mapped) >= 64 else "",
    ]
    report = PaletteReport(
        palette=tuple(to_hex(c) for c in palette),
        background=bg_label,
        compliant=counts["other"] == 0,
        mapped=mapped,
        gradients=None,
        coverage=coverage,
        notes=tuple(n for n in notes if n),
    )
    return result.rgba, report


def raster_compliance(
    rgba: NDArray[np.uint8], allowed: Sequence[RGB], *, tolerance: float = EXACT_TOL, strict: bool = True
) -> dict[str, float]:
    """Shares of visible pixels: ``exact`` allowed colours, anti-aliased ``edge`` pixels, ``other``.

    A pixel is an edge when it is partially transparent, or within ``tolerance`` (RGB units) of the sRGB
    segment between two allowed colours that both occur in its 3×3 neighbourhood. Per-colour shares are
    included under each colour's hex.

    ``strict=False`` relaxes the neighbourhood rule to "one of the two colours occurs nearby": a rendered
    stroke thinner than ~2 px never shows its own colour unmixed, so under the strict rule its pixels count
    as "other" although they are plain anti-aliasing.
    """
    return _raster_compliance(rgba, allowed, tolerance=tolerance, strict=strict)
