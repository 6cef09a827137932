"""The ring badge: a circle seal with a plain, serrated, scalloped or beaded edge, printed solid, as a band or in
line work; the name on the top arc (or on a straight or arched ribbon across the middle), a tagline or
"EST. 1987" on the bottom arc, separators, dotted or double inner rings, sunburst rays and a central symbol.
The rosette is the same seal with two ribbon tails hanging behind it (awards)."""

from __future__ import annotations

import math

from artboard.colors import RGB, contrast_ratio
from artboard.composer import shapes
from artboard.composer.canvas import circle_d, polygon_d, ring_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.badges.colour import _Look, _on
from artboard.composer.recipes.badges.common import _Art
from artboard.composer.recipes.badges.geometry import _polar, _scalloped_d, _serrated_d
from artboard.composer.recipes.badges.lettering import _arc_cap, _arc_text, _Copy, _face, _text_box
from artboard.composer.recipes.badges.ornaments import _dot_ring, _ornament_arc, _ornament_d, _ornament_ring, _rays
from artboard.composer.recipes.badges.ribbons import _banner, _ribbon, _ribbon_height
from artboard.composer.recipes.badges.symbols import _centre_symbol, _symbol_or_mark


def _rosette_tails(ctx: Ctx, art: _Art, look: _Look, cx: float, cy: float) -> None:
    """Two ribbon tails hanging from behind a seal (award rosette)."""
    S = ctx.short
    w = S * 0.15
    for side in (-1, 1):
        color = look.ribbon
        top = (cx + side * S * 0.04, cy + S * 0.05)
        bottom = (cx + side * S * 0.24, cy + S * 0.6)
        dx, dy = bottom[0] - top[0], bottom[1] - top[1]
        length = math.hypot(dx, dy)
        ux, uy = dx / length, dy / length
        nx, ny = -uy * w / 2, ux * w / 2
        notch = (bottom[0] - ux * w * 0.45, bottom[1] - uy * w * 0.45)
        pts = [
            (top[0] + nx, top[1] + ny),
            (bottom[0] + nx, bottom[1] + ny),
            notch,
            (bottom[0] - nx, bottom[1] - ny),
            (top[0] - nx, top[1] - ny),
        ]
        art.add("rosette-tail", polygon_d(pts), color)


def _ring_style(ctx: Ctx, look: _Look, rosette: bool) -> tuple[str, str]:
    """The edge (plain, serrated, scalloped, beaded) and the print mode (solid, band, line)."""
    rng = ctx.rng
    seal = bool(ctx.brief.words & {"seal", "certified", "certificate", "guarantee", "quality", "approved"})
    edges = ["plain", "serrated", "scalloped", "beaded"]
    weights = [0.35, 0.3, 0.2, 0.15]
    if seal:
        weights = [0.1, 0.5, 0.35, 0.05]
    if look.minimal:
        weights = [0.55, 0.3, 0.15, 0.0]
    edge = rng.choices(edges, weights=weights)[0]
    modes = ["solid", "band", "line"]
    mweights = [0.45, 0.3, 0.25] if not look.minimal else [0.25, 0.2, 0.55]
    mode = rng.choices(modes, weights=mweights)[0]
    if edge in ("serrated", "scalloped") and mode == "line":
        mode = "band"
    if mode == "line" and contrast_ratio(look.body, look.paper) < 2.6:
        mode = "solid"
    if rosette:
        edge = rng.choice(["scalloped", "serrated"])
    return edge, mode


def _ring_frame(
    ctx: Ctx, art: _Art, look: _Look, edge: str, mode: str, R: float, line_c: RGB, no_text: bool
) -> tuple[float, float]:
    """The outer shape and the band between two rings; returns the radius text runs on and the inner radius."""
    rng, S = ctx.rng, ctx.short
    cx, cy = ctx.width / 2, ctx.height / 2
    ink, paper = look.body, look.paper
    re_ = R
    if edge == "serrated":
        outer = _serrated_d(cx, cy, R, S * 0.022, rng.choice([48, 56, 64, 72]))
        re_ = R - S * 0.03
    elif edge == "scalloped":
        outer = _scalloped_d(cx, cy, R, S * 0.02, rng.choice([28, 32, 36]))
        re_ = R - S * 0.028
    else:
        outer = circle_d(cx, cy, R)
        if edge == "beaded":
            re_ = R - S * 0.03
    if mode in ("solid", "band"):
        art.add("body", outer if edge != "beaded" else circle_d(cx, cy, re_), ink)
        if edge == "beaded":
            art.add("beads", _dot_ring(cx, cy, R - S * 0.011, S * 0.0095, rng.choice([56, 64, 72])), ink)
    else:
        if ctx.scheme.background is None:
            art.add("body", outer, paper, distress=False)
        thick = ctx.stroke(S * (0.014 if not look.minimal else 0.009))  # a style's line weight, else ours
        if edge == "beaded":
            art.add("beads", _dot_ring(cx, cy, R - S * 0.011, S * 0.0095, 64), ink)
            art.add("rim", ring_d(cx, cy, re_, re_ - thick), ink)
        else:
            art.add("rim", ring_d(cx, cy, R, R - thick), ink)
            re_ = R - thick
    # Band
    t_line = ctx.stroke(S * (0.007 if not look.minimal else 0.005))
    rb1 = re_ - S * (0.03 if mode != "line" else 0.018)
    rb2 = rb1 - S * (0.112 if not no_text else 0.074)
    if mode == "band":
        art.add("centre", circle_d(cx, cy, rb2), paper, distress=False)
    art.add("ring-outer", ring_d(cx, cy, rb1, rb1 - t_line), line_c)
    ri = rb2 - t_line * 0.5
    if mode != "band":
        art.add("ring-inner", ring_d(cx, cy, rb2 + t_line / 2, rb2 - t_line / 2), line_c)
    else:
        art.add("ring-inner", ring_d(cx, cy, rb2 - S * 0.014, rb2 - S * 0.014 - t_line), ink)
        ri = rb2 - S * 0.014 - t_line
    if look.vintage and mode != "band" and rng.random() < 0.5:
        if rng.random() < 0.5:
            art.add("ring-dots", _dot_ring(cx, cy, rb2 - S * 0.022, S * 0.0055, rng.choice([60, 72, 84])), line_c)
        else:
            art.add("ring-inner2", ring_d(cx, cy, rb2 - S * 0.018, rb2 - S * 0.018 - t_line * 0.6), line_c)
        ri = rb2 - S * 0.03
    return (rb1 - t_line + rb2 + t_line / 2) / 2, ri


def _ring_badge(ctx: Ctx, art: _Art, look: _Look, copy: _Copy, *, rosette: bool = False) -> str:
    rng, S = ctx.rng, ctx.short
    cx, cy = ctx.width / 2, ctx.height / 2
    R = S * 0.42
    edge, mode = _ring_style(ctx, look, rosette)
    if rosette:
        _rosette_tails(ctx, art, look, cx, cy)
        art.knock(circle_d(cx, cy, R), S * 0.012)
    ink = look.body
    if mode == "line":
        centre_bg, text_c, line_c, mark_c = look.paper, look.on_paper, ink, look.mark_on_paper
    else:
        centre_bg = ink if mode == "solid" else look.paper
        text_c = line_c = look.on_body
        mark_c = look.mark_on_body
    sym_c = _on(ctx, centre_bg, [look.on_body if centre_bg == ink else ink, ctx.scheme.ink], 3.0)
    no_text = not (copy.name or copy.extras or copy.est)
    rt, ri = _ring_frame(ctx, art, look, edge, mode, R, line_c, no_text)

    # Copy → arcs / ribbon
    face = _face(ctx, "display", record=False)
    cap = S * 0.05
    min_cap = S * 0.036
    tracking = 140.0 if not look.minimal else 220.0
    name = copy.name
    use_ribbon = False
    name_fits = name is not None and _arc_cap(face, name.upper(), cap, rt, tracking, 150) >= min_cap
    sym = _symbol_or_mark(ctx)
    if name is not None:
        want_ribbon = (look.vintage or rng.random() < 0.35) and not look.minimal
        # no symbol: the name itself takes the centre, on a banner
        use_ribbon = (want_ribbon and rng.random() < 0.6) or not name_fits or (sym.icon is None and sym.letters is None)
    top: str | None
    bottom: str | None
    if name is not None and not use_ribbon:
        top = name
        bottom = copy.take() or copy.est
    elif name is not None:
        top = copy.take()
        bottom = copy.est if copy.est else copy.take()
    else:
        top = copy.take()
        bottom = copy.take() or copy.est
    if bottom == copy.est:
        copy.est = None
    ornament = rng.choice(["star", "star", "dot", "diamond"])
    # Top arc
    top_sweep = 150 if bottom else 160
    if no_text:
        count = rng.choice([24, 30, 36])
        alternate = rng.random() < 0.5
        art.add("ornament-ring", _ornament_ring(cx, cy, rt, count, ornament, S * 0.016, alternate=alternate), mark_c)
    elif top:
        c = min(cap, _arc_cap(face, top.upper(), cap, rt, tracking, top_sweep))
        _arc_text(
            ctx, art, top, cx, cy, rt, max(c, min_cap), text_c, bottom=False, max_sweep=top_sweep, tracking=tracking
        )
    else:
        art.add(
            "arc-ornaments",
            _ornament_arc(cx, cy, rt, -90, rng.choice([70, 90, 110]), rng.choice([5, 7, 9]), S * 0.017, ornament),
            mark_c,
        )
    arched = use_ribbon and rng.random() < 0.4
    bottom_sweep = (84 if arched else 110) if use_ribbon else 120
    if bottom:
        c = min(cap * 0.85, _arc_cap(face, bottom.upper(), cap * 0.85, rt, tracking, bottom_sweep))
        _arc_text(
            ctx,
            art,
            bottom,
            cx,
            cy,
            rt,
            max(c, min_cap),
            text_c,
            bottom=True,
            max_sweep=bottom_sweep,
            tracking=tracking,
        )
    elif not no_text:
        art.add(
            "arc-ornaments",
            _ornament_arc(cx, cy, rt, 90, rng.choice([50, 70, 90]), rng.choice([3, 5, 7]), S * 0.015, ornament),
            mark_c,
        )
    if not use_ribbon and not no_text:
        for ang in (0, 180):
            x, y = _polar(cx, cy, rt, ang)
            art.add("separator", _ornament_d(ornament, x, y, S * 0.021), mark_c)

    # Centre
    rays = look.vintage and rng.random() < 0.55 and not look.minimal
    if use_ribbon:
        rib_half = min(S * 0.44, ctx.width / 2 - S * 0.06) - S * 0.1
        rib_h = _ribbon_height(ctx, name, rib_half, S * 0.118)
        grow = rib_h - S * 0.118
        rib_cy = cy + S * 0.075 + grow * 0.2
        # The symbol fills the inner ring above the ribbon: a fixed size left emblems thumbnail-small.
        sym_top, sym_bottom = cy - ri + S * 0.035, rib_cy - rib_h / 2 - S * 0.02
        sym_size = max(S * 0.2 - grow * 0.5, min(sym_bottom - sym_top, ri * 1.05))
        sym_cy = (sym_top + sym_bottom) / 2 if sym_size > S * 0.2 - grow * 0.5 else cy - S * 0.1 - grow * 0.3
    else:
        rib_cy = rib_h = 0.0
        has_est = copy.est is not None
        sym_size = ri * (1.05 if not has_est else 0.95) * (1.12 if no_text and sym.flank is not None else 1.0)
        sym_cy = cy - (ri * 0.1 if has_est else 0.0)
    if rays:
        ray_d = _rays(
            cx, cy, ri * 0.05, ri * 1.5, rng.choice([24, 32, 36]), rng.uniform(3.2, 4.6), phase=rng.uniform(0, 10)
        )
        ray_d = shapes.intersect(ray_d, circle_d(cx, cy, ri - S * 0.012))
        disc = circle_d(cx, sym_cy, sym_size * 0.62)
        ray_d = shapes.difference(ray_d, disc)
        art.add("rays", ray_d, sym_c if centre_bg == look.paper else look.on_body)
    _centre_symbol(ctx, art, sym, cx, sym_cy, sym_size, sym_c)
    if copy.est:  # the year is not on the bottom arc (with a ribbon it always is)
        est_top = sym_cy + sym_size / 2 + S * 0.025
        _text_box(
            ctx,
            art,
            copy.est,
            (cx - ri * 0.6, est_top, cx + ri * 0.6, est_top + S * 0.042),
            _on(ctx, centre_bg, [text_c, sym_c]),
            tracking=160,
            max_cap=S * 0.036,
            min_cap=S * 0.03,
            name="est",
        )
    if use_ribbon and name:
        rib = _ribbon(
            cx,
            rib_cy,
            rib_half,
            rib_h,
            S * 0.1,
            S * 0.04,
            notch=0.5,
            arch=S * 0.05 if arched and rib_h < S * 0.12 else 0.0,
        )
        _banner(ctx, art, look, rib, name, ornament, [look.on_ribbon, ctx.scheme.ink, look.body])
        # a row of stars below the ribbon (a two-line banner leaves no room below it)
        if rib_h <= S * 0.12:
            below = rib_cy + rib_h / 2 + S * 0.05
            art.add(
                "stars",
                _ornament_arc(cx, cy, below - cy + S * 0.005, 90, 24, 3, S * 0.014, ornament, big_middle=True),
                _on(ctx, centre_bg, [mark_c, sym_c], 2.5),
            )
    kind = "rosette" if rosette else "ring"
    return f"{kind}-{edge}-{mode}{'-ribbon' if use_ribbon else ''}"
