"""What a thing wears, seated on it by the shapes the icons actually paint: a hat's brim on the crown of the head
(a taco's shell, a cat's ears), glasses across the eyes, never floating in the box the layout table gives.

The layout table (arrange._LAYOUTS) places a hat at a fixed spot above the wearer's box; an icon's paint rarely
fills its box (a taco is wide and low, a side-on dog's head is at one end), so the hat hovered over it. Here the
wearer's silhouette is read: its top band says where the head is and how wide, and the worn thing is moved and
sized to sit on it. The whole group is then fitted back into the unit box.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from artboard.composer import shapes

if TYPE_CHECKING:
    from artboard.composer.placement import Placed

Box = tuple[float, float, float, float]


def _scale(p: Placed) -> tuple[float, float, float]:
    """Unit-box scale of the icon and the unit-box position of its viewbox origin."""
    vx, vy, vw, vh = p.icon.viewbox
    k = p.size / max(vw, vh)
    return k, p.x - (vx + vw / 2) * k, p.y - (vy + vh / 2) * k


def ink_box(p: Placed) -> Box:
    """The box the placed icon paints, in the unit box."""
    from artboard.composer.recipes.graphics.cast_words import drawn_bounds

    bx0, by0, bx1, by1 = drawn_bounds(p.icon)
    k, ox, oy = _scale(p)
    return ox + bx0 * k, oy + by0 * k, ox + bx1 * k, oy + by1 * k


def _band(p: Placed, top: float, bottom: float) -> Box | None:
    """What the silhouette paints between two fractions of its painted height, in the unit box."""
    from artboard.composer.recipes.graphics.cast_words import drawn_bounds, icon_union

    d = icon_union(p.icon)
    if not d:
        return None

    bx0, by0, bx1, by1 = drawn_bounds(p.icon)
    h = by1 - by0
    y0, y1 = by0 + h * top, by0 + h * bottom
    cut = shapes.intersect(d, f"M{bx0 - 1} {y0}H{bx1 + 1}V{y1}H{bx0 - 1}Z")
    if not cut:
        return None
    cx0, cy0, cx1, cy1 = _largest_cluster(cut, (bx1 - bx0) * 0.12)
    k, ox, oy = _scale(p)
    return ox + cx0 * k, oy + cy0 * k, ox + cx1 * k, oy + cy1 * k


def _largest_cluster(d: str, gap: float) -> Box:
    """The biggest run of pieces in a band of a silhouette, pieces closer than `gap` joined: a side-on cat's
    ears and crown, not the tip of its tail at the same height."""
    boxes = sorted(shapes.bounds("M" + part) for part in d.split("M") if part.strip())
    clusters: list[list[float]] = []
    for x0, y0, x1, y1 in boxes:
        if clusters and x0 - clusters[-1][2] < gap:
            c = clusters[-1]
            c[:] = [min(c[0], x0), min(c[1], y0), max(c[2], x1), max(c[3], y1)]
        else:
            clusters.append([x0, y0, x1, y1])
    best = max(clusters, key=lambda c: (c[2] - c[0]) * (c[3] - c[1]))
    return best[0], best[1], best[2], best[3]


def _moved(p: Placed, ink_cx: float, ink_cy: float, ink_w: float) -> Placed:
    """`p` resized so its paint is `ink_w` wide and moved so the paint's centre is at (ink_cx, ink_cy)."""
    x0, y0, x1, y1 = ink_box(p)
    k = ink_w / max(x1 - x0, 1e-6)
    size = p.size * k
    # The paint's centre keeps its offset from the box centre, scaled.
    dx, dy = ((x0 + x1) / 2 - p.x) * k, ((y0 + y1) / 2 - p.y) * k
    return replace(p, x=ink_cx - dx, y=ink_cy - dy, size=size)


def seat_headwear(wearer: Placed, hat: Placed) -> Placed:
    """The hat on the crown of the wearer's head: centred over the top band of its silhouette, as wide as a hat
    on that head is, its brim sunk a quarter of its height into it."""
    wx0, wy0, wx1, wy1 = ink_box(wearer)
    head = _band(wearer, 0.0, 0.22) or (wx0, wy0, wx1, wy1)
    head_w = head[2] - head[0]
    width = min(max(head_w * 0.92, (wx1 - wx0) * 0.34), (wx1 - wx0) * 0.62, hat.size * 1.2)
    hx0, hy0, hx1, hy1 = ink_box(hat)
    height = (hy1 - hy0) * width / max(hx1 - hx0, 1e-6)
    sink = height * 0.26
    return _moved(hat, (head[0] + head[2]) / 2, wy0 - height / 2 + sink, width)


def seat_eyewear(wearer: Placed, glasses: Placed, face: bool) -> Placed:
    """Glasses across the eyes: a face's eyes are about two fifths down it, a thing's (a cactus, a pineapple) a
    third; as wide as the silhouette is there, less a margin."""
    wx0, wy0, wx1, wy1 = ink_box(wearer)
    at = 0.4 if face else 0.3
    band = _band(wearer, at - 0.06, at + 0.06) or (wx0, wy0, wx1, wy1)
    width = min((band[2] - band[0]) * 0.96, (wx1 - wx0) * 0.9)
    width = max(width, (wx1 - wx0) * 0.42)
    return _moved(glasses, (band[0] + band[2]) / 2, wy0 + (wy1 - wy0) * at, width)


def seat_neckwear(wearer: Placed, scarf: Placed) -> Placed:
    """A scarf or a bow tie under a head (a face picture is about as wide as it is tall): wrapped round the
    chin's line, not across the mouth. A whole body keeps the layout table's place (its neck is in it)."""
    wx0, wy0, wx1, wy1 = ink_box(wearer)
    w, h = wx1 - wx0, wy1 - wy0
    sx0, sy0, sx1, sy1 = ink_box(scarf)
    # a colour picture says what it is by name (a cat face); a glyph as wide as tall is taken for a face
    squarish = 0.92 <= w / max(h, 1e-6) <= 1.35
    face = "face" in wearer.icon.name.split("-") or (squarish and wearer.icon.mode != "color")
    if not face and w / max(h, 1e-6) <= 1.35:
        # An upright whole body (a penguin, an owl): the neck is a third of the way down, the scarf as wide as
        # the body is there, never a blanket over its belly or its face.
        at = 0.36
        band = _band(wearer, at - 0.04, at + 0.04) or (wx0, wy0, wx1, wy1)
        width = (band[2] - band[0]) * 0.8
        height = (sy1 - sy0) * width / max(sx1 - sx0, 1e-6)
        # its top wraps the neck; the ends hang down the front
        return _moved(scarf, (band[0] + band[2]) / 2, wy0 + h * (at - 0.03) + height / 2, width)
    if not face:
        return scarf
    width = w * 0.6
    height = (sy1 - sy0) * width / max(sx1 - sx0, 1e-6)
    return _moved(scarf, (wx0 + wx1) / 2, wy1 - h * 0.12 + height * 0.3, width)


def seat_enclosing(wearer: Placed, helmet: Placed) -> Placed:
    """An astronaut's glass helmet over the wearer's head (a face picture is all head): the bubble centred on it,
    a little wider than it, the collar below."""
    wx0, wy0, wx1, wy1 = ink_box(wearer)
    head = (wx0, wy0, wx1, wy1) if "face" in wearer.icon.name.split("-") else _band(wearer, 0.0, 0.42)
    hx0, hy0, hx1, hy1 = head or (wx0, wy0, wx1, wy1)
    width = max(hx1 - hx0, hy1 - hy0) * 1.36
    # The bubble's centre sits a twentieth of the picture's width above the middle of its paint (the collar).
    return _moved(helmet, (hx0 + hx1) / 2, (hy0 + hy1) / 2 + width * 0.06, width)


def seat_on(base: Placed, rider: Placed) -> Placed:
    """A rider standing on what carries it (a skateboard, a surfboard, a float): its lowest paint on the middle
    of the base's deck, not hovering over the base's box."""
    bx0, by0, bx1, by1 = ink_box(base)
    deck = _band(base, 0.3, 0.7) or (bx0, by0, bx1, by1)
    rx0, ry0, rx1, ry1 = ink_box(rider)
    width = min(rx1 - rx0, (bx1 - bx0) * 0.8)
    height = (ry1 - ry0) * width / max(rx1 - rx0, 1e-6)
    foot = deck[1] + (by1 - by0) * 0.1
    return _moved(rider, (deck[0] + deck[2]) / 2, foot - height / 2, width)


def fit_unit(placed: Sequence[Placed], margin: float = 0.04) -> list[Placed]:
    """The group scaled and centred so its paint fills the unit box less `margin`, keeping proportions."""
    boxes = [ink_box(p) for p in placed]
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    k = (1 - 2 * margin) / max(x1 - x0, y1 - y0, 1e-6)
    k = min(k, 1.25)  # a group that was small stays near its size: only what spills is brought in
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return [replace(p, x=0.5 + (p.x - cx) * k, y=0.5 + (p.y - cy) * k, size=p.size * k) for p in placed]
