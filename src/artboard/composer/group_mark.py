"""One mark of several things: the group `arrange.plan_group` decides, built as a single-colour icon the way a
logo designer builds one (each thing's silhouette placed, the front one cut out of what lies behind it, one
inside another as negative space, a small thing "with" another as a badge at its corner), so that every recipe
that draws a symbol can draw it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from artboard.composer import icons, shapes
from artboard.composer.arrange import Group, Placed, plan_group, record_group
from artboard.composer.canvas import circle_d
from artboard.composer.icon_sources import Icon
from artboard.composer.noun_icons import Mode

if TYPE_CHECKING:
    from artboard.composer.context import Ctx

_UNIT = 100.0


def composite_icon(group: Group, gap: float = 3.2) -> Icon | None:
    """The group as one single-colour mark, the way a logo designer builds one: each thing's silhouette placed,
    the thing in front cut out of what lies behind it by a hairline of ground (`gap`, in a 100-unit box). It is
    an ordinary fill icon, so every recipe that draws a symbol can draw it."""
    if len(group.placed) < 2:
        return None
    parts: list[str] = []
    line_art = any(p.icon.mode == "stroke" for p in group.placed)
    if group.relation in ("inside", "merged") and len(group.placed) == 2 and not line_art:
        # One thing inside another in one ink: the inner thing is negative space cut from the outer one, the way
        # a logo designer draws it (a wave inside a cup, a heart inside a map pin). A line drawing has no ink
        # inside its outline to cut: the inner thing is drawn whole there. Two things merged into one mark
        # ("a wrench and a water drop") cut the one from the other's whole silhouette (a house without its door).
        outer, inner = (_place_d(group.placed[0]), _place_d(group.placed[1]))
        if group.relation == "merged" and outer:
            outer = shapes.fill_holes(outer)
        if outer and inner:
            hollow = shapes.difference(outer, shapes.offset(inner, gap * 0.6))
            if (
                hollow
                and shapes.bounds(inner)[2] - shapes.bounds(inner)[0]
                < (shapes.bounds(outer)[2] - shapes.bounds(outer)[0]) * 0.8
            ):
                parts = [hollow, shapes.intersect(inner, outer) or inner]
                return _mark(group, parts)
    if group.relation == "accent" and len(group.placed) == 2:
        # "a basket with a check mark", "a shield with a lock": the small thing on a disc at the corner, cut out of
        # it as negative space, the disc parted from the main thing by a hairline (a badge, never slats chopped)
        main, small = _place_d(group.placed[0]), _place_d(group.placed[1])
        if main and small:
            sx0, sy0, sx1, sy1 = shapes.bounds(small)
            cx, cy = (sx0 + sx1) / 2, (sy0 + sy1) / 2
            r = max(sx1 - sx0, sy1 - sy0) * 0.72
            disc = circle_d(cx, cy, r)
            kept = shapes.difference(main, shapes.offset(disc, gap))
            badge = shapes.difference(disc, shapes.offset(small, gap * 0.3))
            if kept and badge:
                return _mark(group, [kept, badge])
    for p in group.placed:  # back to front
        m = place_matrix(p)
        try:
            paths = icons.icon_as_fill_paths(p.icon)
        except Exception:
            return None
        d = shapes.union([shapes.transform_d(path, m) for path in paths])
        if not d:
            continue
        if parts:
            cutter = shapes.offset(d, gap)
            parts = [cut for cut in (shapes.difference(q, cutter) for q in parts) if cut]
        parts.append(d)
    if len(parts) < 2:
        return None
    return _mark(group, parts)


def place_matrix(p: Placed) -> tuple[float, float, float, float, float, float]:
    """Icon units to the mark's 100-unit box, mirrored about the thing's centre when it is flipped."""
    vx, vy, vw, vh = p.icon.viewbox
    scale = p.size * _UNIT / max(vw, vh)
    sx = -scale if p.flip else scale
    return (sx, 0.0, 0.0, scale, p.x * _UNIT - (vx + vw / 2) * sx, p.y * _UNIT - (vy + vh / 2) * scale)


def _place_d(p: Placed) -> str:
    m = place_matrix(p)
    try:
        return shapes.union([shapes.transform_d(path, m) for path in icons.icon_as_fill_paths(p.icon)])
    except Exception:
        return ""


def _mark(group: Group, parts: list[str]) -> Icon:
    concepts = [p.concept for p in group.placed]
    # The box the parts fill, so that a recipe sizing the mark sizes what is drawn, not empty room around it.
    boxes = [shapes.bounds(d) for d in parts]
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    pad = max(x1 - x0, y1 - y0) * 0.02
    return Icon(
        key="group:" + "+".join(p.icon.key for p in group.placed),
        set="group",
        name="-".join(c.replace(" ", "-") for c in concepts),
        tags=tuple(concepts),
        viewbox=(x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad),
        paths=tuple(parts),
        mode="fill",
        stroke_width=0.0,
        fill_rule="nonzero",
        licence="see components",
    )


def use_mark(ctx: Ctx, mode: Mode = "fill") -> Icon | None:
    """`subject_mark` for a recipe that draws it now: its parts are noted as the design's icons."""
    mark = subject_mark(ctx, mode)
    if mark is not None:
        ctx.info.setdefault("icons", []).extend(mark.key.removeprefix("group:").split("+"))
    return mark


def subject_mark(ctx: Ctx, mode: Mode = "fill") -> Icon | None:
    """The brief's related things as one mark ("a bee over a honeycomb", "a padlock inside a shield"), or None
    when the prompt names one thing only. Its parts are recorded as drawn."""
    if ctx.mark is not None:
        return ctx.mark if isinstance(ctx.mark, Icon) else None
    group = plan_group(ctx, mode, scene=False)
    mark = composite_icon(group) if all(p.icon.mode != "color" for p in group.placed) else None
    if mark is None and len(group.placed) == 1 and group.relation is not None:
        mark = group.placed[0].icon  # "sun behind a cloud": one glyph is both (partly cloudy)
    ctx.mark = mark if mark is not None else False
    if mark is not None:
        record_group(ctx, group, icons_too=False)  # the caller records the mark's parts as its icons
    return mark
