"""Ribbon banners: a body with swallow-tailed ends folded behind it, straight or bent along a circle (a frown or
a smile), carrying the name (along the arch when it has one) or, with no name, three ornaments."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from artboard.colors import RGB
from artboard.composer import shapes
from artboard.composer.canvas import polygon_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.badges.colour import _Look, _on
from artboard.composer.recipes.badges.common import Box, Point, _Art
from artboard.composer.recipes.badges.lettering import _arc_cap, _arc_text, _face, _line_cap, _text_box
from artboard.composer.recipes.badges.ornaments import _ornament_arc, _ornament_row


@dataclass
class _Ribbon:
    body: str
    tails: str
    folds: str
    text_box: Box
    outline: str  # everything, for knockouts
    arc: tuple[float, float, float, float] | None = None  # arched: circle centre x, y, mid radius, sweep (deg)


def _ribbon(
    cx: float, cy: float, half_w: float, h: float, tail_w: float, drop: float, *, arch: float = 0.0, notch: float = 0.45
) -> _Ribbon:
    """A banner: a body with two swallow-tailed ends folded behind it. With `arch` (px the middle rises above
    the ends) the whole banner bends along a circle, so text can follow it."""
    fold = min(tail_w * 0.45, h * 0.55)
    if arch > 0:  # a frown: the middle rises
        radius = (half_w**2 + arch**2) / (2 * arch)
        ccx, ccy = cx, cy + radius

        def at(u: float, v: float) -> Point:  # u: along the banner from its middle, v: down across it
            a = -math.pi / 2 + u / radius
            return (ccx + (radius - v) * math.cos(a), ccy + (radius - v) * math.sin(a))
    elif arch < 0:  # a smile: the ends rise
        radius = (half_w**2 + arch**2) / (2 * -arch)
        ccx, ccy = cx, cy - radius

        def at(u: float, v: float) -> Point:
            a = math.pi / 2 - u / radius
            return (ccx + (radius + v) * math.cos(a), ccy + (radius + v) * math.sin(a))
    else:
        radius = ccx = ccy = 0.0

        def at(u: float, v: float) -> Point:
            return (cx + u, cy + v)

    def poly(points: Sequence[tuple[float, float]]) -> str:
        pts: list[Point] = []
        for a, b in zip(points, [*points[1:], points[0]], strict=True):
            n = max(1, int(abs(b[0] - a[0]) / max(half_w, 1.0) * 40)) if arch else 1
            for i in range(n):
                t = i / n
                pts.append(at(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t))
        return polygon_d(pts)

    u0, u1, v0, v1 = -half_w, half_w, -h / 2, h / 2
    body = poly([(u0, v0), (u1, v0), (u1, v1), (u0, v1)])
    tails, folds = [], []
    for side in (-1, 1):
        inner = u0 if side < 0 else u1
        outer = inner + side * tail_w
        tv0, tv1 = v0 + drop, v1 + drop
        tails.append(
            poly(
                [
                    (inner - side * fold, tv0),
                    (outer, tv0),
                    (outer - side * h * notch * 0.5, (tv0 + tv1) / 2),
                    (outer, tv1),
                    (inner - side * fold, tv1),
                ]
            )
        )
        folds.append(poly([(inner, v1), (inner - side * fold, v1 + drop), (inner - side * fold, v1)]))
    tails_d = "".join(tails)
    folds_d = "".join(folds)
    outline = shapes.union([body, tails_d, folds_d])
    tb = (cx + u0 + h * 0.35, cy + v0 + h * 0.2, cx + u1 - h * 0.35, cy + v1 - h * 0.2)
    arc = (ccx, ccy, radius if arch > 0 else -radius, math.degrees((2 * half_w - h * 0.7) / radius)) if arch else None
    return _Ribbon(body=body, tails=tails_d, folds=folds_d, text_box=tb, outline=outline, arc=arc)


def _banner(
    ctx: Ctx, art: _Art, look: _Look, rib: _Ribbon, name: str | None, ornament: str, prefer: Sequence[RGB]
) -> None:
    """The ribbon over what is drawn so far (tails and folds behind the body; with no shade colour the fold is a
    paper gap, screen-print look), then its content in the first `prefer` colour that reads on it."""
    gap = ctx.short * 0.01
    fill, shade = look.ribbon, look.ribbon_shade
    shaded = shade is not None and shade != fill
    art.knock(rib.outline, gap)
    art.add(
        "ribbon-tails", rib.tails if shaded else shapes.difference(rib.tails, shapes.offset(rib.body, gap * 0.8)), fill
    )
    if shade is not None and shaded:
        art.add("ribbon-folds", rib.folds, shade)
    art.add("ribbon", rib.body, fill)
    _ribbon_content(ctx, art, rib, name, _on(ctx, fill, prefer), ornament)


def _ribbon_height(ctx: Ctx, name: str | None, half: float, h: float) -> float:
    """A taller banner (two lines) when the name would be too small on one."""
    if not name or len(name.split()) < 2:
        return h
    face = _face(ctx, "display", record=False)
    if _line_cap(face, name, 2 * half - h * 0.7, 60) >= ctx.short * 0.036:
        return h
    return h * 1.6


def _ribbon_content(ctx: Ctx, art: _Art, rib: _Ribbon, text: str | None, color: RGB, ornament: str) -> None:
    """The name on the ribbon (along its arch when it has one), or (no name) three ornaments."""
    S = ctx.short
    x0, y0, x1, y1 = rib.text_box
    if text and rib.arc is not None:
        ccx, ccy, signed, sweep = rib.arc
        face = _face(ctx, "display", record=False)
        cap = min(S * 0.05, (y1 - y0) * 0.8)
        fit = _arc_cap(face, text.upper(), cap, abs(signed), 60, sweep)
        if fit >= S * 0.036:
            _arc_text(
                ctx,
                art,
                text,
                ccx,
                ccy,
                abs(signed),
                fit,
                color,
                bottom=signed < 0,
                max_sweep=sweep,
                tracking=60,
                name="name-arc",
            )
            return
    if text:
        _text_box(
            ctx,
            art,
            text,
            rib.text_box,
            color,
            tracking=60,
            max_cap=S * 0.05,
            min_cap=S * 0.034,
            max_lines=2 if y1 - y0 > S * 0.1 else 1,
            name="name",
        )
        return
    kind = ornament if ornament != "dot" else "star"
    if rib.arc is not None:
        ccx, ccy, signed, _ = rib.arc
        art.add(
            "ribbon-ornaments",
            _ornament_arc(
                ccx,
                ccy,
                abs(signed),
                -90 if signed > 0 else 90,
                math.degrees(S * 0.12 / abs(signed)),
                3,
                S * 0.016,
                kind,
            ),
            color,
        )
        return
    art.add("ribbon-ornaments", _ornament_row(kind, (x0 + x1) / 2, (y0 + y1) / 2, S, 0.06, 0.022, 0.016), color)
