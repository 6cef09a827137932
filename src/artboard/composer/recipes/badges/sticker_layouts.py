"""Sticker layouts (`sticker-<kind>…-<cutline|shadow>`): die-cut around the subject (with its words on their own
plate), circle, label (pill / rounded / ticket), speech bubble and die-cut stacked words with an extruded
shadow; each finished with a die-cut border, an optional cut line and hard shadow, and a slight tilt."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from artboard.colors import RGB, contrast_ratio, oklch
from artboard.composer import icons, shapes
from artboard.composer.arrange import Group
from artboard.composer.canvas import circle_d, polygon_d, rect_d, ring_d, star_points
from artboard.composer.context import Ctx
from artboard.composer.recipes.badges.cartoon import _subject_art
from artboard.composer.recipes.badges.colour import _Inks, _on
from artboard.composer.recipes.badges.colour_art import group_art
from artboard.composer.recipes.badges.common import _Art, _bounds, _fit_into, _rotate, _safe_box, _translate
from artboard.composer.recipes.badges.geometry import _ellipse_d, _fill_holes, _outline_band
from artboard.composer.recipes.badges.lettering import _arc_cap, _arc_text, _cap_ratio, _face, _text_box
from artboard.composer.recipes.badges.ornaments import _dash_ring
from artboard.composer.recipes.badges.symbols import _icon_d
from artboard.composer.typeset import set_line


def _finish_sticker(
    ctx: Ctx, art: _Art, inks: _Inks, outline: str, *, border: float, tilt: float, cut_line: bool, shadow: bool
) -> None:
    """Die-cut border, cut line and hard shadow under the art; tilt; fit into the canvas."""
    S = ctx.short
    cx, cy = ctx.width / 2, ctx.height / 2
    # holes first: offsetting letter counters and inner contours is what makes a big offset slow
    solid = _fill_holes(outline)
    cut = _fill_holes(shapes.offset(solid, border)) if border > 0 else solid
    under = _Art()
    if shadow:
        dx, dy = S * 0.014, S * 0.02
        under.add("shadow", shapes.transform_d(cut, _translate(dx, dy)), inks.shadow, distress=False)
    if cut_line:
        under.add("cut-line", shapes.offset(cut, S * 0.006), inks.line, distress=False)
    under.add("die-cut", cut, inks.border, distress=False)
    ctx.info["sticker_finish"] = "-".join(k for k, on in (("cutline", cut_line), ("shadow", shadow)) if on)
    art.items = under.items + art.items
    if tilt:
        art.transform(_rotate(tilt, cx, cy))
    _fit_into(art, _safe_box(ctx, 0.07), max_scale=1.2)


def _tilt(ctx: Ctx) -> float:
    if ctx.brief.has("minimal", "corporate"):
        return 0.0
    return ctx.rng.choice([-1, 1]) * ctx.rng.uniform(3.0, 8.0)


def _plate_inks(ctx: Ctx, inks: _Inks, prefer: Sequence[RGB]) -> tuple[RGB, RGB]:
    """A plate on the die-cut paper (the first `prefer` colour that shows on it) and the colour of words on it."""
    plate = _on(ctx, inks.border, prefer, 1.8)
    return plate, _on(ctx, plate, [ctx.scheme.on_primary, inks.border, ctx.scheme.ink])


def _diecut_sticker(
    ctx: Ctx,
    art: _Art,
    inks: _Inks,
    icon: icons.Icon | None,
    second: icons.Icon | None,
    text: str | None,
    *,
    group: Group | None = None,
    metal: bool = False,
) -> str:
    """The art cut out with a border round it (and the words on a plate joined to it). `metal`: an enamel pin's
    thin gold rim with a dark edge, level, no shadow."""
    S, rng = ctx.short, ctx.rng
    cx, cy = ctx.width / 2, ctx.height / 2
    outline_parts: list[str] = []

    def subject(x: float, y: float, size: float) -> str:
        if group is not None:
            return group_art(ctx, art, group, x, y, size * 1.08)
        assert icon is not None
        return _subject_art(ctx, art, inks, icon, second, x, y, size)

    if text:
        size = S * 0.5
        sil = subject(cx, cy - S * 0.1, size)
        outline_parts.append(sil)
        sb = _bounds(sil)
        top = sb[3] + S * 0.035
        block = _text_box(
            ctx,
            art,
            text,
            (cx - S * 0.4, top, cx + S * 0.4, top + S * 0.2),
            inks.text,
            uppercase=not ctx.brief.has("playful") or len(text) < 12,
            tracking=20,
            max_lines=2,
            max_cap=S * 0.1,
            min_cap=S * 0.045,
            name="words",
        )
        # the words sit on their own plate of border colour, joined to the subject's die-cut
        outline_parts.append(shapes.offset(shapes.union([block.d]), S * 0.01))
    else:
        sil = subject(cx, cy, S * 0.64)
        outline_parts.append(sil)
    outline = shapes.union(outline_parts)
    if metal:
        _finish_sticker(ctx, art, inks, outline, border=S * 0.024, tilt=0.0, cut_line=True, shadow=False)
        return "enamel" + ("-words" if text else "")
    cut_line = rng.random() < 0.5
    # Words on a plate read best nearly level: a die-cut with words tilts less than a bare one.
    _finish_sticker(
        ctx,
        art,
        inks,
        outline,
        border=S * rng.uniform(0.035, 0.045),
        tilt=_tilt(ctx) * (0.6 if text else 1.0),
        cut_line=cut_line,
        shadow=not cut_line or rng.random() < 0.5,
    )
    duo = second is not None or (group is not None and len(group.placed) > 1)
    return "diecut" + ("-duo" if duo else "") + ("-words" if text else "")


def _circle_sticker(
    ctx: Ctx,
    art: _Art,
    inks: _Inks,
    icon: icons.Icon | None,
    second: icons.Icon | None,
    text: str | None,
    *,
    group: Group | None = None,
) -> str:
    S, rng = ctx.short, ctx.rng
    s = ctx.scheme
    cx, cy = ctx.width / 2, ctx.height / 2
    r = S * 0.36
    disc_c, on_disc = _plate_inks(ctx, inks, [s.primary, s.secondary, s.accent])
    art.add("disc", circle_d(cx, cy, r), disc_c)
    ring_style = rng.choice(["ring", "dash", "none"])
    if ring_style == "ring":
        art.add("ring", ring_d(cx, cy, r - S * 0.028, r - S * 0.036), on_disc)
    elif ring_style == "dash":
        art.add("ring", _dash_ring(cx, cy, r - S * 0.032, S * 0.008, 48), on_disc)
    if text:
        face = _face(ctx, "display", record=False)
        rt = r - S * 0.085
        cap = min(S * 0.055, _arc_cap(face, text.upper(), S * 0.055, rt, 80, 150))
        if cap >= S * 0.036:
            _arc_text(ctx, art, text, cx, cy, rt, cap, on_disc, bottom=False, max_sweep=150, tracking=80)
            sym_cy, size = cy + S * 0.05, S * 0.3
        else:
            _text_box(
                ctx,
                art,
                text,
                (cx - r * 0.7, cy + S * 0.1, cx + r * 0.7, cy + S * 0.25),
                on_disc,
                tracking=40,
                max_lines=2,
                max_cap=S * 0.06,
                min_cap=S * 0.036,
                name="words",
            )
            sym_cy, size = cy - S * 0.08, S * 0.28
    else:
        sym_cy, size = cy, S * 0.42
    if group is not None:
        group_art(ctx, art, group, cx, sym_cy, size * 1.1)
    else:
        assert icon is not None
        fill = _on(ctx, disc_c, [inks.border, s.on_primary, s.accent], 1.8)
        line = _on(ctx, fill, [inks.line, disc_c, s.ink], 2.0)
        _subject_art(ctx, art, inks, icon, second if not text else None, cx, sym_cy, size, fill=fill, line=line)
    cut_line = rng.random() < 0.4
    _finish_sticker(
        ctx, art, inks, circle_d(cx, cy, r), border=S * 0.03, tilt=_tilt(ctx) * 0.6, cut_line=cut_line, shadow=True
    )
    return "circle"


def _label_sticker(ctx: Ctx, art: _Art, inks: _Inks, icon: icons.Icon | None, text: str) -> str:
    S, rng = ctx.short, ctx.rng
    s = ctx.scheme
    cx, cy = ctx.width / 2, ctx.height / 2
    w, h = S * 0.8, S * (0.36 if icon is not None else 0.3)
    shape = rng.choice(["pill", "rounded", "ticket"])
    radius = h / 2 if shape == "pill" else S * 0.05
    plate = rect_d(cx - w / 2, cy - h / 2, w, h, radius)
    if shape == "ticket":
        bites = "".join(circle_d(x, cy, S * 0.04) for x in (cx - w / 2, cx + w / 2))
        plate = shapes.difference(plate, bites)
    plate_c, on_plate = _plate_inks(ctx, inks, [s.primary, s.secondary, s.accent])
    art.add("plate", plate, plate_c)
    inner = rect_d(
        cx - w / 2 + S * 0.025, cy - h / 2 + S * 0.025, w - S * 0.05, h - S * 0.05, max(radius - S * 0.025, S * 0.02)
    )
    if shape != "ticket":
        art.add("plate-line", _outline_band(inner, 0.0, S * 0.006), on_plate)
    pad = S * (0.09 if shape == "pill" else 0.07)
    x0 = cx - w / 2 + pad
    if icon is not None:
        size = h * 0.58
        fill = _on(ctx, plate_c, [inks.border, s.accent, s.on_primary], 1.8)
        line = _on(ctx, fill, [inks.line, plate_c], 2.0)
        _subject_art(ctx, art, inks, icon, None, x0 + size / 2, cy, size, fill=fill, line=line)
        x0 += size + S * 0.04
    _text_box(
        ctx,
        art,
        text,
        (x0, cy - h * 0.3, cx + w / 2 - pad, cy + h * 0.3),
        on_plate,
        tracking=30,
        max_lines=2,
        max_cap=h * 0.3,
        min_cap=S * 0.04,
        align="center" if icon is None else "left",
        name="words",
    )
    _finish_sticker(
        ctx, art, inks, plate, border=S * 0.03, tilt=_tilt(ctx) * 0.7, cut_line=rng.random() < 0.4, shadow=True
    )
    return f"label-{shape}"


def _bubble_sticker(ctx: Ctx, art: _Art, inks: _Inks, text: str) -> str:
    S, rng = ctx.short, ctx.rng
    s = ctx.scheme
    cx, cy = ctx.width / 2, ctx.height / 2
    w, h = S * 0.74, S * 0.46
    top = cy - h / 2 - S * 0.04
    body = rect_d(cx - w / 2, top, w, h, S * 0.12) if rng.random() < 0.6 else _ellipse_d(cx, top + h / 2, w / 2, h / 2)
    side = rng.choice([-1, 1])
    tail = polygon_d(
        [
            (cx + side * w * 0.12, top + h - S * 0.02),
            (cx + side * w * 0.3, top + h - S * 0.02),
            (cx + side * w * 0.1, top + h + S * 0.13),
        ]
    )
    bubble = shapes.union([body, tail])
    fill, on_fill = _plate_inks(ctx, inks, [s.primary, s.accent, s.secondary])
    art.add("bubble", bubble, fill)
    _text_box(
        ctx,
        art,
        text,
        (cx - w * 0.36, top + h * 0.2, cx + w * 0.36, top + h * 0.8),
        on_fill,
        tracking=20,
        max_lines=3,
        max_cap=S * 0.11,
        min_cap=S * 0.045,
        uppercase=len(text) < 18,
        name="words",
    )
    _finish_sticker(ctx, art, inks, bubble, border=S * 0.032, tilt=_tilt(ctx), cut_line=rng.random() < 0.5, shadow=True)
    return "bubble"


def _stack_lines(words: list[str]) -> list[str]:
    """Words → 1 to 4 stacked lines whose longest is as short as possible (a single word stays whole)."""
    if len(words) <= 1:
        return [" ".join(words)]
    n = 2 if len(words) <= 4 else min(4, math.ceil(len(words) / 4))
    best: tuple[int, float, list[str]] | None = None
    for cuts in itertools.combinations(range(1, len(words)), n - 1):
        bounds = [0, *cuts, len(words)]
        lines = [" ".join(words[a:b]) for a, b in itertools.pairwise(bounds)]
        worst = max(len(line) for line in lines)
        mean = sum(len(line) for line in lines) / n
        spread = sum((len(line) - mean) ** 2 for line in lines)
        if best is None or (worst, spread) < best[:2]:
            best = (worst, spread, lines)
    assert best is not None
    return best[2]


def _word_sticker(ctx: Ctx, art: _Art, inks: _Inks, text: str) -> str:
    """Die-cut lettering: stacked words with a solid extruded shadow, a fat border and a drop shadow."""
    S, rng = ctx.short, ctx.rng
    cx, cy = ctx.width / 2, ctx.height / 2
    face = _face(ctx, "display")
    lines = _stack_lines(text.split())
    upper = not ctx.brief.has("elegant") and (rng.random() < 0.75 or face.caps_only)
    ratio = _cap_ratio(face)
    two_tone = rng.random() < 0.5 and contrast_ratio(inks.fill2, inks.border) >= 1.4
    fills = [inks.fill, inks.fill2] if two_tone else [inks.fill, inks.fill]
    # each line as wide as it can be (short words get big), stacked with a tight leading
    placed: list[tuple[str, float]] = []
    for line in lines:
        cap = S * (0.16 if len(lines) > 1 else 0.18)
        blk = set_line(line.upper() if upper else line, face, cap / ratio, 0.0, 0.0, tracking=10)
        x0, _, x1, _ = blk.bbox
        k = min(1.0, S * 0.74 / max(x1 - x0, 1e-6))
        d = shapes.transform_d(blk.d, (k, 0.0, 0.0, k, cx - k * (x0 + x1) / 2, 0.0))
        placed.append((d, blk.cap_height * k))
    gap = S * 0.035
    total = sum(h for _, h in placed) + gap * (len(placed) - 1)
    y = cy - total / 2
    blocks: list[str] = []
    per_line: list[tuple[str, RGB]] = []
    for i, (d, h) in enumerate(placed):
        d = shapes.union([shapes.transform_d(d, _translate(0.0, y + h))])  # baseline at the cap bottom
        per_line.append((d, fills[i % 2]))
        blocks.append(d)
        y += h + gap
    letters = shapes.union(blocks)
    depth = S * 0.022
    steps = 6
    extrude = shapes.union(
        [shapes.transform_d(letters, _translate(depth * t / steps, depth * t / steps)) for t in range(1, steps + 1)]
    )
    art.add("extrude", extrude, inks.line)
    for d, c in per_line:
        art.add("letters", d, c if contrast_ratio(c, inks.line) >= 1.8 else inks.border)
    # a sparkle or two in the corners
    if rng.random() < 0.6:
        b = _bounds(letters)
        for sx, sy, r in (
            (b[2] + S * 0.04, b[1] - S * 0.02, S * 0.035),
            (b[0] - S * 0.035, b[3] + S * 0.01, S * 0.024),
        ):
            art.add(
                "sparkle",
                polygon_d(star_points(sx, sy, r, r * 0.3, 4, -90)),
                inks.fill2 if contrast_ratio(inks.fill2, inks.border) >= 1.4 else inks.line,
            )
    outline = shapes.union([letters, extrude] + [it.d for it in art.items if it.name == "sparkle"])
    _finish_sticker(ctx, art, inks, outline, border=S * 0.04, tilt=_tilt(ctx), cut_line=rng.random() < 0.5, shadow=True)
    return "words"


# A 1970s sunset, light to deep: the colours of the stripes when the prompt names none.
_RETRO_SUN = ((250, 214, 102), (246, 163, 64), (234, 103, 58), (205, 62, 88))


def _sunset_inks(ctx: Ctx) -> list[RGB]:
    s = ctx.scheme
    if s.constrained:
        options = [s.primary, s.secondary, s.accent]
    else:
        named = [c for c in ctx.brief.design_colors if oklch(c)[1] > 0.04]
        options = named if len(named) >= 2 else list(_RETRO_SUN)
    return sorted(dict.fromkeys(options), key=lambda c: -oklch(c)[0])


def sunset_sticker(ctx: Ctx, art: _Art, inks: _Inks, figure: icons.Icon | None, text: str | None) -> str:
    """A round retro sticker: a sun striped across in bands light to deep, setting into a sea of lines, what the
    prompt stands before it (a palm tree) in silhouette, and its words arched over the top."""
    S = ctx.short
    cx, cy = ctx.width / 2, ctx.height / 2
    r = S * 0.36
    ramp = _sunset_inks(ctx)
    art.add("disc", circle_d(cx, cy, r), inks.border)
    horizon = cy + r * (0.3 if text else 0.22)
    sun_r = r * (0.56 if text else 0.66)
    top = horizon - sun_r
    dome = shapes.intersect(circle_d(cx, horizon, sun_r), rect_d(cx - r, top, 2 * r, sun_r))
    # Bands of the ramp, parted by gaps that widen towards the horizon (the 1970s stripe).
    n = max(3, min(5, len(ramp) + 1))
    edges = [top + sun_r * (i / n) ** 0.8 for i in range(n + 1)]
    for i in range(n):
        gap = sun_r * 0.018 * i
        band = rect_d(cx - r, edges[i] + gap, 2 * r, edges[i + 1] - edges[i] - gap)
        art.add("sun", shapes.intersect(dome, band), ramp[min(i, len(ramp) - 1)], distress=False)
    sea = ramp[-1]
    art.add("sea", shapes.intersect(circle_d(cx, cy, r), rect_d(cx - r, horizon, 2 * r, r)), sea, distress=False)
    glint = _on(ctx, sea, [ramp[0], inks.border], 1.8)
    for i in range(4):
        y = horizon + r * (0.09 + 0.12 * i)
        half = sun_r * (0.8 - 0.16 * i)
        art.add("glint", rect_d(cx - half, y, half * 2, r * 0.025), glint, distress=False)
    if figure is not None:
        # Standing on the horizon: a tall thing (a palm, a surfer) off to one side, a wide one (mountains) across.
        d = _icon_d(figure, cx, cy, sun_r * 1.5)
        x0, y0, x1, y1 = _bounds(d)
        wide = (x1 - x0) > (y1 - y0) * 1.2
        scale = (sun_r * 1.7) / (x1 - x0) if wide else 1.0
        fx = cx if wide else cx + sun_r * 0.6 * ctx.rng.choice([-1, 1])
        d = _icon_d(figure, fx, cy, sun_r * 1.5 * scale)
        x0, y0, x1, y1 = _bounds(d)
        d = shapes.transform_d(d, _translate(0, horizon + r * 0.03 - y1))
        art.add("figure", shapes.intersect(d, circle_d(cx, cy, r)), inks.line, distress=False)
    if text:
        face = _face(ctx, "display", record=False)
        rt = r - S * 0.07
        cap = min(S * 0.06, _arc_cap(face, text.upper(), S * 0.06, rt, 80, 150))
        _arc_text(ctx, art, text, cx, cy, rt, cap, inks.text, bottom=False, max_sweep=150, tracking=80)
    ctx.info.setdefault("drawn", []).append({"concept": "sunset", "icon": "scene:sunset"})
    cut_line = ctx.rng.random() < 0.5
    _finish_sticker(
        ctx, art, inks, circle_d(cx, cy, r), border=S * 0.03, tilt=_tilt(ctx) * 0.5, cut_line=cut_line, shadow=True
    )
    return "circle-sunset"
