"""What every badge and sticker is drawn into: the art list and the operations on a whole design.

Everything is drawn as filled paths collected in an `_Art` list (name, path data, colour) so that whole-design
operations stay possible before anything is written: knockouts that separate overlapping parts with a hairline of
paper (screen-print look, no extra colour), subtle distressing cut out of the inks with boolean differences
(no raster texture), the tilt of a sticker or stamp, and a final fit into the canvas margins.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from artboard.colors import RGB
from artboard.composer import shapes
from artboard.composer.canvas import Node, rect_d
from artboard.composer.context import Ctx

Point = tuple[float, float]
Box = tuple[float, float, float, float]
Matrix = tuple[float, float, float, float, float, float]


@dataclass
class _Item:
    name: str
    d: str
    color: RGB
    distress: bool = True


@dataclass
class _Art:
    items: list[_Item] = field(default_factory=list)
    halo: float = 0.0  # gap kept between sunburst rays and anything drawn over them

    def add(self, name: str, d: str, color: RGB, *, distress: bool = True) -> None:
        if not d:
            return
        if self.halo and name != "rays" and any(it.name == "rays" for it in self.items):
            if name in _TEXT_ITEMS and name not in _ARC_TEXT:
                # A line of type over rays: clear its whole box, or the rays show between words ("EST.|1902").
                x0, y0, x1, y1 = _bounds(d)
                cutter = rect_d(x0 - self.halo, y0 - self.halo, x1 - x0 + 2 * self.halo, y1 - y0 + 2 * self.halo)
            else:
                cutter = shapes.offset(d, self.halo)
            cb = _bounds(cutter)
            for it in self.items:
                if it.name == "rays" and _overlaps(cb, _bounds(it.d)):
                    it.d = shapes.difference(it.d, cutter)
        self.items.append(_Item(name, d, color, distress))

    def knock(self, d: str, gap: float, *, skip: Iterable[str] = ()) -> None:
        """Cut `d` grown by `gap` out of everything drawn so far (a paper hairline around what comes next)."""
        if not d:
            return
        cutter = shapes.offset(d, gap) if gap > 0 else d
        cb = _bounds(cutter)
        skipped = set(skip)
        for item in self.items:
            if item.name in skipped or not _overlaps(cb, _bounds(item.d)):
                continue
            item.d = shapes.difference(item.d, cutter)
        self.items = [it for it in self.items if it.d]

    def transform(self, m: Matrix) -> None:
        for item in self.items:
            item.d = shapes.transform_d(item.d, m)

    def bounds(self) -> Box | None:
        boxes = [_bounds(it.d) for it in self.items if it.d]
        if not boxes:
            return None
        return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))

    def distress(self, specks: str, wear: str, clearance: float = 0.0) -> None:
        """Cut specks and wear out of every ink but the type, and drop each mark that comes within `clearance` of
        it: a speck in a small letter's bowl, or a scratch through the band under a word, reads as a stroke of the
        letter (and a scratch clipped short of the type leaves stubs between its words)."""
        mask = specks + wear
        words = [it.d for it in self.items if it.name in _TEXT_ITEMS and it.d]
        if mask and words and clearance > 0:
            grown = shapes.offset(shapes.union(words), clearance)
            near = _bounds(grown)
            marks = [m for m in re.split(r"(?=M)", mask) if m.strip()]  # each speck, nick and scratch is one subpath
            mask = "".join(m for m in marks if not (_overlaps(_bounds(m), near) and shapes.intersect(m, grown)))
        for item in self.items:
            if not item.distress or item.name in _TEXT_ITEMS:
                continue
            if mask and _overlaps(_bounds(mask), _bounds(item.d)):
                item.d = shapes.difference(item.d, mask)
        self.items = [it for it in self.items if it.d]

    def emit(self, parent: Node) -> None:
        for item in self.items:
            parent.group(item.name).path(item.d, item.color)


# Items that are type: distressing leaves them whole.
_TEXT_ITEMS = frozenset({"name", "name-arc", "arc-text", "est", "tagline", "words", "monogram"})
_ARC_TEXT = frozenset({"name-arc", "arc-text"})


def _bounds(d: str) -> Box:
    try:
        return shapes.bounds(d)
    except Exception:
        return (0.0, 0.0, 0.0, 0.0)


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _translate(dx: float, dy: float) -> Matrix:
    return (1.0, 0.0, 0.0, 1.0, dx, dy)


def _rotate(deg: float, cx: float, cy: float) -> Matrix:
    a = math.radians(deg)
    c, s = math.cos(a), math.sin(a)
    return (c, s, -s, c, cx - c * cx + s * cy, cy - s * cx - c * cy)


def _fit_into(art: _Art, box: Box, *, max_scale: float = 1.0) -> float:
    """Scale (never above max_scale) and centre the art in `box`; returns the scale used."""
    b = art.bounds()
    if b is None:
        return 1.0
    bw, bh = b[2] - b[0], b[3] - b[1]
    w, h = box[2] - box[0], box[3] - box[1]
    k = min(max_scale, w / max(bw, 1e-6), h / max(bh, 1e-6))
    tx = (box[0] + box[2]) / 2 - k * (b[0] + b[2]) / 2
    ty = (box[1] + box[3]) / 2 - k * (b[1] + b[3]) / 2
    if abs(k - 1) > 1e-6 or abs(tx) > 0.005 or abs(ty) > 0.005:
        art.transform((k, 0.0, 0.0, k, tx, ty))
    return k


def _safe_box(ctx: Ctx, frac: float = 0.07) -> Box:
    m = ctx.short * frac
    return (m, m, ctx.width - m, ctx.height - m)


def _mix_seed(ctx: Ctx, kind: str) -> None:
    """Fold the prompt into the seeded stream, so one seed does not pick the same layout for every prompt of a
    contact sheet (still a pure function of seed and prompt)."""
    ctx.rng = random.Random(f"{kind}:{ctx.rng.getrandbits(64)}:{ctx.brief.prompt}")
