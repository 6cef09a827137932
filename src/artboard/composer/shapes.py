"""Boolean operations and offsets on SVG path data (skia-pathops), for knockouts, stickers and frames."""

from __future__ import annotations

from collections.abc import Iterable

import pathops
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.svgLib.path import parse_path


def to_path(d: str, transform: tuple[float, float, float, float, float, float] | None = None) -> pathops.Path:
    path = pathops.Path()
    pen = path.getPen()
    parse_path(d, TransformPen(pen, transform) if transform else pen)
    return path


def to_d(path: pathops.Path) -> str:
    pen = SVGPathPen(None, ntos=lambda v: f"{v:.2f}".rstrip("0").rstrip(".") or "0")
    path.draw(pen)
    return str(pen.getCommands())


def transform_d(d: str, transform: tuple[float, float, float, float, float, float]) -> str:
    """Apply an affine (a, b, c, d, e, f) to path data, so the result needs no transform attribute."""
    pen = SVGPathPen(None, ntos=lambda v: f"{v:.2f}".rstrip("0").rstrip(".") or "0")
    parse_path(d, TransformPen(pen, transform))
    return str(pen.getCommands())


def _nudged(path: pathops.Path, k: int) -> pathops.Path:
    """The same outline moved by a fraction of a pixel and back through 2-decimal path data: skia's boolean ops
    fail on rare near-degenerate inputs (almost-coincident curves), and a sub-visible nudge resolves them."""
    shift = 0.013 * k
    return to_path(to_d(path), (1, 0, 0, 1, shift, shift * 0.7))


def _robust_op(a: pathops.Path, b: pathops.Path, op: pathops.PathOp) -> pathops.Path:
    """pathops.op that does not give up: on failure the inputs are simplified, then nudged, and tried again."""
    try:
        return pathops.op(a, b, op, fix_winding=True)
    except pathops.PathOpsError:
        pass
    for k in range(4):
        try:
            first = pathops.simplify(a, fix_winding=True) if k == 0 else _nudged(a, k)
            second = pathops.simplify(b, fix_winding=True) if k == 0 else b
            return pathops.op(first, second, op, fix_winding=True)
        except pathops.PathOpsError:
            continue
    return pathops.op(_nudged(a, 5), _nudged(b, 7), op, fix_winding=True)


def _op(a: str, b: str, op: pathops.PathOp) -> str:
    return to_d(_robust_op(to_path(a), to_path(b), op))


def union(ds: Iterable[str]) -> str:
    result = pathops.Path()
    for d in ds:
        result = _robust_op(result, to_path(d), pathops.PathOp.UNION)
    return to_d(result)


def intersect(a: str, b: str) -> str:
    return _op(a, b, pathops.PathOp.INTERSECTION)


def difference(a: str, b: str) -> str:
    return _op(a, b, pathops.PathOp.DIFFERENCE)


def stroke_outline(d: str, width: float) -> str:
    """The filled outline of `d` stroked with round caps and joins (open line art → fillable shapes)."""
    path = to_path(d)
    path.stroke(width, pathops.LineCap.ROUND_CAP, pathops.LineJoin.ROUND_JOIN, 4.0)
    path.convertConicsToQuads()  # round joins come back as conics, which simplify() and SVG cannot take
    return to_d(pathops.simplify(path, fix_winding=True))


def offset(d: str, distance: float) -> str:
    """Grow a filled shape by `distance` (die-cut sticker outlines): union of the shape and its stroke."""
    path = to_path(d)
    stroked = to_path(d)
    stroked.stroke(distance * 2, pathops.LineCap.ROUND_CAP, pathops.LineJoin.ROUND_JOIN, 4.0)
    stroked.convertConicsToQuads()
    return to_d(_robust_op(path, stroked, pathops.PathOp.UNION))


def bounds(d: str) -> tuple[float, float, float, float]:
    box = to_path(d).bounds
    return float(box[0]), float(box[1]), float(box[2]), float(box[3])


def fill_holes(d: str) -> str:
    """The silhouette of a filled shape: its outer contours only, holes filled in."""
    path = to_path(d)
    path.simplify(fix_winding=True)
    contours = list(path.contours)
    if not contours:
        return d
    main = max(contours, key=lambda c: abs(c.area))
    outers = [c for c in contours if c.clockwise == main.clockwise]
    result = pathops.Path()
    for c in outers:
        result = pathops.op(result, c, pathops.PathOp.UNION, fix_winding=True)
    return to_d(result)


def inside_band(d: str, width: float) -> str:
    """A line of `width` running just inside the edge of filled shape `d` (a frame drawn as an outline)."""
    return difference(d, difference(d, stroke_outline(d, width * 2)))
