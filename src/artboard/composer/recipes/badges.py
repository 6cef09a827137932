"""Badges, emblems, seals, crests, patches, rosettes, stamps and stickers.

Everything is drawn as filled paths collected in an `_Art` list (name, path data, colour) so that whole-design
operations stay possible before anything is written: knockouts that separate overlapping parts with a hairline of
paper (screen-print look, no extra colour), subtle distressing cut out of the inks with boolean differences
(no raster texture), the tilt of a sticker or stamp, and a final fit into the canvas margins.

Badge layouts (`badge-<kind>-<edge/mode>…`):
  ring     circle seal, plain / serrated / scalloped / beaded edge, solid / band / line inks; name on the top arc
           (or on a straight or arched ribbon across the middle), tagline or "EST. 1987" on the bottom arc,
           separators, dotted or double inner rings, sunburst rays, a central symbol (with flanking companions:
           trees beside mountains, barley beside hops), a crossed pair (oars, swords) or initials
  rosette  the ring with two hanging ribbon tails (awards)
  shield   crest with a (possibly arched) ribbon, "EST · 1987" split in the point
  hexagon  patch with stitched or ruled frame, name on a bar, ribbon or plain
  laurel   symbol disc in a laurel wreath of constructed leaves, name on a (possibly smiling) ribbon
  …-distressed / …-stamped suffixes for worn prints and askew rubber stamps.
Sticker layouts (`sticker-<kind>…-<cutline|shadow>`): die-cut around a cartoon-coloured symbol (with a companion
"cat drinking coffee", a container "cactus in a pot", words on their own plate, a kawaii face on cute objects),
circle, label (pill / rounded / ticket), speech bubble, and die-cut stacked words with an extruded shadow.

Colours are scheme roles only (chosen by contrast); text is only the brief's; every choice comes from ctx.rng.
"""
from __future__ import annotations

import functools
import itertools
import math
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pathops

from artboard.colors import RGB, contrast_ratio, oklch
from artboard.composer import fonts, icons, shapes
from artboard.composer.canvas import (
    Node,
    circle_d,
    polygon_d,
    rect_d,
    regular_polygon,
    ring_d,
    shield_d,
    star_points,
)
from artboard.composer.context import Ctx
from artboard.composer.typeset import TextBlock, arc_text, fit_text, measure, set_line

Point = tuple[float, float]
Box = tuple[float, float, float, float]
Matrix = tuple[float, float, float, float, float, float]

# ---------------------------------------------------------------------------------------------------------------
# Art list: filled paths in drawing order
# ---------------------------------------------------------------------------------------------------------------


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
        return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                max(b[3] for b in boxes))

    def distress(self, specks: str, wear: str) -> None:
        """Cut wear out of every ink; type only loses specks (scratches through words hurt reading)."""
        both = specks + wear
        for item in self.items:
            if not item.distress:
                continue
            mask = specks if item.name in _TEXT_ITEMS else both
            if mask and _overlaps(_bounds(mask), _bounds(item.d)):
                item.d = shapes.difference(item.d, mask)
        self.items = [it for it in self.items if it.d]

    def emit(self, parent: Node) -> None:
        for item in self.items:
            parent.group(item.name).path(item.d, item.color)


_TEXT_ITEMS = frozenset({"name", "name-arc", "arc-text", "est", "tagline", "words", "monogram"})


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


# ---------------------------------------------------------------------------------------------------------------
# Geometry helpers
# ---------------------------------------------------------------------------------------------------------------


def _polar(cx: float, cy: float, r: float, deg: float) -> Point:
    a = math.radians(deg)
    return (cx + r * math.cos(a), cy + r * math.sin(a))


def _star_d(cx: float, cy: float, r: float, rotation: float = -90, spikes: int = 5) -> str:
    return polygon_d(star_points(cx, cy, r, r * (0.42 if spikes == 5 else 0.5), spikes, rotation))


def _diamond_d(cx: float, cy: float, r: float) -> str:
    return polygon_d(regular_polygon(cx, cy, r, 4, rotation_deg=-90))


def _ornament_d(kind: str, cx: float, cy: float, r: float, rotation: float = -90) -> str:
    if kind == "dot":
        return circle_d(cx, cy, r * 0.55)
    if kind == "diamond":
        return _diamond_d(cx, cy, r * 0.85)
    return _star_d(cx, cy, r, rotation)


def _sector_band(cx: float, cy: float, r_out: float, r_in: float, a0: float, a1: float, steps: int = 48) -> str:
    """An annular sector from angle a0 to a1 (degrees)."""
    outer = [_polar(cx, cy, r_out, a0 + (a1 - a0) * i / steps) for i in range(steps + 1)]
    inner = [_polar(cx, cy, r_in, a1 - (a1 - a0) * i / steps) for i in range(steps + 1)]
    return polygon_d(outer + inner)


def _inset(d: str, amount: float) -> str:
    """`d` shrunk by `amount` (difference with its own boundary stroked twice as wide)."""
    return shapes.difference(d, shapes.stroke_outline(d, amount * 2))


def _outline_band(d: str, outer_inset: float, width: float) -> str:
    """A line of `width` following the inside of shape `d`, `outer_inset` in from its edge."""
    a = _inset(d, outer_inset) if outer_inset > 0 else d
    return shapes.difference(a, _inset(d, outer_inset + width))


def _serrated_d(cx: float, cy: float, r: float, depth: float, spikes: int) -> str:
    return polygon_d(star_points(cx, cy, r, r - depth, spikes, -90))


def _scalloped_d(cx: float, cy: float, r: float, bump: float, count: int) -> str:
    parts = [circle_d(cx, cy, r - bump)]
    for i in range(count):
        x, y = _polar(cx, cy, r - bump, -90 + 360 * i / count)
        parts.append(circle_d(x, y, bump))
    return shapes.union(parts)


def _dot_ring(cx: float, cy: float, r: float, dot: float, count: int, skip: Sequence[tuple[float, float]] = ()
              ) -> str:
    parts = []
    for i in range(count):
        ang = -90 + 360 * i / count
        if any(_angle_in(ang, a0, a1) for a0, a1 in skip):
            continue
        x, y = _polar(cx, cy, r, ang)
        parts.append(circle_d(x, y, dot))
    return "".join(parts)


def _dash_ring(cx: float, cy: float, r: float, width: float, count: int, duty: float = 0.55) -> str:
    parts = []
    step = 360 / count
    for i in range(count):
        a0 = -90 + step * i
        parts.append(_sector_band(cx, cy, r + width / 2, r - width / 2, a0, a0 + step * duty, steps=4))
    return "".join(parts)


def _dashes_along(points: Sequence[Point], width: float, dash: float, gap: float) -> str:
    """Stitch dashes along a closed polyline."""
    segs = list(zip(points, [*points[1:], points[0]], strict=True))
    perim = sum(math.dist(a, b) for a, b in segs)
    n = max(8, round(perim / (dash + gap)))
    step = perim / n
    parts: list[str] = []
    for i in range(n):
        s0, s1 = i * step, i * step + step * dash / (dash + gap)
        p0, p1 = _along(segs, s0), _along(segs, s1)
        parts.append(_capsule(p0, p1, width))
    return "".join(parts)


def _along(segs: Sequence[tuple[Point, Point]], s: float) -> Point:
    for a, b in segs:
        length = math.dist(a, b)
        if s <= length:
            t = s / max(length, 1e-9)
            return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
        s -= length
    return segs[-1][1]


def _capsule(p0: Point, p1: Point, width: float) -> str:
    dx, dy = p1[0] - p0[0], p1[1] - p0[1]
    length = math.hypot(dx, dy) or 1e-6
    nx, ny = -dy / length * width / 2, dx / length * width / 2
    return polygon_d([(p0[0] + nx, p0[1] + ny), (p1[0] + nx, p1[1] + ny), (p1[0] - nx, p1[1] - ny),
                      (p0[0] - nx, p0[1] - ny)])


def _angle_in(a: float, a0: float, a1: float) -> bool:
    a = (a - a0) % 360
    return a <= (a1 - a0) % 360


def _rays(cx: float, cy: float, r0: float, r1: float, count: int, width_deg: float, phase: float = 0.0) -> str:
    parts = []
    for i in range(count):
        a = phase + 360 * i / count
        p0 = _polar(cx, cy, r0, a)
        p1 = _polar(cx, cy, r1, a - width_deg / 2)
        p2 = _polar(cx, cy, r1, a + width_deg / 2)
        parts.append(polygon_d([p0, p1, p2]))
    return "".join(parts)


def _leaf_d(base: Point, angle_deg: float, length: float, width: float) -> str:
    """A pointed leaf (two quadratic arcs) from `base` towards `angle_deg`."""
    a = math.radians(angle_deg)
    ux, uy = math.cos(a), math.sin(a)
    nx, ny = -uy, ux
    bx, by = base
    tip = (bx + ux * length, by + uy * length)
    c1 = (bx + ux * length * 0.45 + nx * width, by + uy * length * 0.45 + ny * width)
    c2 = (bx + ux * length * 0.45 - nx * width, by + uy * length * 0.45 - ny * width)

    def n(v: float) -> str:
        return f"{v:.2f}"

    return (f"M{n(bx)} {n(by)}Q{n(c1[0])} {n(c1[1])} {n(tip[0])} {n(tip[1])}"
            f"Q{n(c2[0])} {n(c2[1])} {n(bx)} {n(by)}Z")


def _fill_holes(d: str) -> str:
    """The silhouette of a filled shape: its outer contours only, holes filled in."""
    path = shapes.to_path(d)
    path.simplify(fix_winding=True)
    contours = list(path.contours)
    if not contours:
        return d
    main = max(contours, key=lambda c: abs(c.area))
    outers = [c for c in contours if c.clockwise == main.clockwise]
    result = pathops.Path()
    for c in outers:
        result = pathops.op(result, c, pathops.PathOp.UNION, fix_winding=True)
    return shapes.to_d(result)


# ---------------------------------------------------------------------------------------------------------------
# Colour
# ---------------------------------------------------------------------------------------------------------------


def _roles(ctx: Ctx) -> list[RGB]:
    s = ctx.scheme
    out: list[RGB] = []
    for c in (s.primary, s.secondary, s.accent, s.ink, s.on_primary, s.surface, s.background):
        if c is not None and c not in out:
            out.append(c)
    return out


def _on(ctx: Ctx, bg: RGB, prefer: Sequence[RGB], need: float = 4.5) -> RGB:
    """The first preferred role colour that reaches `need` contrast on `bg`, else the most contrasting role."""
    for c in prefer:
        if c != bg and contrast_ratio(c, bg) >= need:
            return c
    return max(_roles(ctx), key=lambda c: (round(contrast_ratio(c, bg), 3), -_roles(ctx).index(c)))


def _between(ctx: Ctx, a: RGB, b: RGB, prefer: Sequence[RGB], need_a: float, need_b: float) -> RGB:
    """A colour visible against both `a` and `b` (a fill between a light border and dark key lines)."""
    for c in prefer:
        if contrast_ratio(c, a) >= need_a and contrast_ratio(c, b) >= need_b:
            return c
    return max(prefer, key=lambda c: min(contrast_ratio(c, a), contrast_ratio(c, b)))


def _paper(ctx: Ctx) -> RGB:
    s = ctx.scheme
    return s.background if s.background is not None else s.surface


def _lightest(ctx: Ctx) -> RGB:
    return max(_roles(ctx), key=lambda c: (round(oklch(c)[0], 4), -_roles(ctx).index(c)))


def _darkest(ctx: Ctx) -> RGB:
    return min(_roles(ctx), key=lambda c: (round(oklch(c)[0], 4), _roles(ctx).index(c)))


# ---------------------------------------------------------------------------------------------------------------
# Type
# ---------------------------------------------------------------------------------------------------------------

_BADGE_FACES: dict[str, tuple[str, ...]] = {
    "elegant": ("playfair-display", "dm-serif-display"),
    "vintage": ("alfa-slab-one", "roboto-slab", "oswald", "abril-fatface"),
    "retro": ("righteous", "alfa-slab-one", "bebas-neue"),
    "playful": ("fredoka", "righteous"),
    "minimal": ("montserrat", "dm-sans", "space-grotesk"),
    "geometric": ("montserrat", "space-grotesk"),
    "tech": ("space-grotesk", "unbounded"),
    "bold": ("archivo-black", "anton", "oswald"),
    "corporate": ("montserrat", "inter"),
    "typographic": ("bebas-neue", "oswald", "alfa-slab-one"),
    "hand_drawn": ("permanent-marker", "alfa-slab-one"),
}
_BADGE_ORDER = ("minimal", "elegant", "vintage", "retro", "playful", "typographic", "bold", "tech", "corporate",
                "geometric", "hand_drawn")
_BADGE_DEFAULT = ("oswald", "alfa-slab-one", "montserrat", "archivo-black", "roboto-slab")
_CONDENSED = ("oswald", "bebas-neue", "anton")

_STICKER_FACES = ("fredoka", "righteous", "archivo-black", "alfa-slab-one", "unbounded")
_STICKER_BY_STYLE: dict[str, tuple[str, ...]] = {
    "playful": ("fredoka", "righteous"),
    "retro": ("righteous", "alfa-slab-one"),
    "vintage": ("alfa-slab-one", "abril-fatface"),
    "hand_drawn": ("permanent-marker", "fredoka"),
    "minimal": ("montserrat", "dm-sans"),
    "bold": ("archivo-black", "anton"),
    "elegant": ("dm-serif-display", "playfair-display"),
    "tech": ("space-grotesk", "unbounded"),
}


def _choose_family(ctx: Ctx, options: Sequence[str], longest: int) -> str:
    """Pick the display family for this design (seeded) and make ctx use it for every display text."""
    available = set(fonts.font_families())
    opts = [f for f in options if f in available] or [ctx.family("display")]
    if longest > 16:
        condensed = [f for f in opts if f in _CONDENSED] + [f for f in _CONDENSED if f in available
                                                             and f not in opts]
        if condensed:
            opts = condensed
    choice = opts[ctx.rng.randrange(min(2, len(opts)))]
    ctx.info["family_display"] = choice
    return choice


def _face(ctx: Ctx, purpose: str = "display", weight: int | None = None, *, record: bool = True
          ) -> fonts.FontFace:
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
    block = set_line("H", face, 100.0, 0.0, 0.0)
    return max(0.4, block.cap_height / 100.0)


def _arc_cap(face: fonts.FontFace, text: str, cap: float, radius: float, tracking: float, max_sweep: float
             ) -> float:
    """The cap height `text` can have on an arc of `radius` without spanning more than `max_sweep` degrees."""
    size = cap / _cap_ratio(face)
    advance = measure(text, face, size, tracking)
    sweep = math.degrees(advance / max(radius, 1e-6))
    return cap if sweep <= max_sweep else cap * max_sweep / sweep


def _arc_text(ctx: Ctx, art: _Art, text: str, cx: float, cy: float, radius: float, cap: float, color: RGB, *,
              bottom: bool, max_sweep: float, tracking: float = 110.0, purpose: str = "display",
              weight: int | None = None, name: str = "arc-text") -> TextBlock:
    face = _face(ctx, purpose, weight)
    size = cap / _cap_ratio(face)
    block = arc_text(text.upper(), face, size, cx, cy, radius, center_angle_deg=90 if bottom else -90,
                     inside=bottom, tracking=tracking, radial_align="middle", max_sweep_deg=max_sweep)
    art.add(name, block.d, color)
    return block


def _text_box(ctx: Ctx, art: _Art, text: str, box: Box, color: RGB, *, purpose: str = "display",
              weight: int | None = None, uppercase: bool = True, tracking: float = 60.0, max_lines: int = 1,
              max_cap: float | None = None, min_cap: float | None = None, align: str = "center",
              name: str = "text") -> TextBlock:
    face = _face(ctx, purpose, weight)
    ratio = _cap_ratio(face)
    height = box[3] - box[1]
    max_size = (max_cap / ratio) if max_cap else height / ratio
    min_size = min(max_size, (min_cap or ctx.short * 0.03) / ratio)
    block = fit_text(text, face, box, max_size=max_size, min_size=min_size, uppercase=uppercase,
                     tracking=tracking, max_lines=max_lines, align=align, line_height=1.08)  # type: ignore[arg-type]
    art.add(name, block.d, color)
    return block


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
# Symbols
# ---------------------------------------------------------------------------------------------------------------

# Words the brief treats as generic (or as colour names) that still name a good symbol.
_HINTS: dict[str, str] = {
    "brewery": "beer", "brewing": "beer", "brew": "beer", "beer": "beer", "ale": "beer", "coffee": "coffee",
    "cafe": "coffee", "espresso": "coffee", "bakery": "bread", "barber": "scissors", "tattoo": "anchor",
    "winery": "wine", "wine": "wine", "vineyard": "grapes", "farm": "wheat", "organic": "leaf", "eco": "leaf",
    "sustainable": "leaf", "sustainability": "leaf", "surf": "wave", "camping": "tent", "hiking": "mountain",
    "outdoor": "mountain", "adventure": "compass", "fishing": "fish", "garden": "flower", "honey": "bee",
    "pizza": "pizza", "burger": "burger", "tea": "tea", "music": "music", "motorcycle": "motorcycle",
    "biker": "motorcycle", "racing": "flag", "gym": "dumbbell", "fitness": "dumbbell", "yoga": "lotus",
    "chocolate": "cookie", "avocado": "avocado", "lemon": "lemon", "cherry": "cherry", "rose": "flower",
    "peach": "peach", "olive": "olive", "mint": "leaf", "lavender": "flower", "sunflower": "flower",
    "gold": "crown", "royal": "crown", "award": "trophy", "winner": "trophy", "certified": "check",
    "quality": "check", "guarantee": "check", "premium": "crown", "artisan": "hammer", "craft": "hammer",
}
_NOT_SYMBOLS = frozenset({
    "club", "patch", "patches", "seal", "badge", "emblem", "crest", "stamp", "logo", "sticker", "stickers",
    "die-cut", "die", "cut", "company", "team", "society", "association", "brand", "quality", "custom",
    "national", "official", "print", "aesthetic", "typography", "edges", "design", "circular", "round",
    "kawaii", "cute", "vinyl", "laptop", "word", "words", "text", "says", "drinking", "eating", "holding",
})
_BASIC_COLOURS = frozenset({
    "red", "blue", "green", "yellow", "orange", "purple", "pink", "brown", "black", "white", "grey", "gray",
    "navy", "teal", "cyan", "magenta", "beige", "cream", "ivory", "gold", "silver", "maroon", "violet",
    "indigo", "turquoise", "crimson", "scarlet", "charcoal", "sage", "amber", "blush", "sapphire", "emerald",
})


def _symbol_queries(ctx: Ctx) -> list[str]:
    b = ctx.brief
    out: list[str] = []

    def add(q: str) -> None:
        q = q.strip()
        if q and q not in out and q not in _NOT_SYMBOLS:
            out.append(q)

    for subject in b.subjects:
        words = [w for w in subject.split() if w not in _NOT_SYMBOLS]
        if words:
            add(" ".join(words))
        if len(words) > 1:
            for w in words:
                add(w)
    lower_words = re.findall(r"[a-z]+", b.prompt.lower())
    for w in lower_words:
        if w in _HINTS:
            add(_HINTS[w])
    for name in b.color_names:
        if name not in _BASIC_COLOURS and " " not in name:
            add(name)
    for text in b.texts:
        for w in re.findall(r"[A-Za-z]{4,}", text):
            add(w.lower())
    return out


def _find_symbol(ctx: Ctx, *, mode: str | None = None, prefer_outline: bool = False,
                 exclude: Sequence[str] = (), good: float = 1.2, floor: float = 0.85,
                 queries: Sequence[str] | None = None, record: bool = True
                 ) -> tuple[icons.Icon | None, str | None]:
    """The best symbol for the brief: the first query that finds a strong match, chosen among near-equal
    candidates by the seed. Returns the icon and the query that found it."""
    queries = list(queries) if queries is not None else _symbol_queries(ctx)
    best: tuple[float, str, list[tuple[icons.Icon, float]]] | None = None
    chosen: tuple[str, list[tuple[icons.Icon, float]]] | None = None
    for q in queries[:8]:
        try:
            found = icons.find_icons(q, k=6, mode=mode)  # type: ignore[arg-type]
        except Exception:
            continue
        found = [(ic, sc) for ic, sc in found if ic.key not in exclude and not _bad_variant(ic)]
        if not found:
            continue
        top = found[0][1]
        if top >= good:
            chosen = (q, found)
            break
        if best is None or top > best[0]:
            best = (top, q, found)
    if chosen is None and best is not None and best[0] >= floor:
        chosen = (best[1], best[2])
    if chosen is None:
        return None, None
    q, found = chosen
    top = found[0][1]

    ranked = sorted(found, key=lambda t: (-t[1], t[0].key))
    qwords = {_stem(w) for w in re.findall(r"[a-z]+", q.lower())}

    def plain(ic: icons.Icon) -> bool:
        extra = {_stem(w) for w in ic.name.split("-")} - qwords - {"fill", "variant"}
        return not extra

    def outline(ic: icons.Icon) -> bool:
        return ic.set == "lucide" or (ic.set == "ph" and not ic.name.endswith("-fill"))

    literal = any(plain(ic) for ic, _ in ranked)
    pool = [ic for ic, sc in ranked if sc >= top - 0.1 and (plain(ic) or not literal)]
    styled = [ic for ic in pool if outline(ic) == prefer_outline]
    pool = (styled or pool)[:3] or [ranked[0][0]]
    icon = pool[ctx.rng.randrange(len(pool))]
    if record:
        ctx.info.setdefault("icons", []).append(icon.key)
    return icon, q


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _bad_variant(ic: icons.Icon) -> bool:
    return bool(re.search(r"-(off|slash|remove|minus|plus|alert|check|outline|x|question|lock|sync|cancel)(-|$)",
                          ic.name))


def _icon_d(icon: icons.Icon, cx: float, cy: float, size: float, *, stroke_scale: float = 1.0) -> str:
    """The icon as one filled path whose ink box is `size` on its longer side, centred on (cx, cy)."""
    width = icon.stroke_width * stroke_scale if icon.mode == "stroke" else None
    fills = icons.icon_as_fill_paths(icon, width) if width else icons.icon_as_fill_paths(icon)
    d = shapes.union(fills)
    if not d:
        return ""
    x0, y0, x1, y1 = _bounds(d)
    k = size / max(x1 - x0, y1 - y0, 1e-6)
    return shapes.transform_d(d, (k, 0.0, 0.0, k, cx - k * (x0 + x1) / 2, cy - k * (y0 + y1) / 2))


def _letters_d(ctx: Ctx, letters: str, cx: float, cy: float, height: float, max_width: float) -> str:
    face = _face(ctx, "display")
    ratio = _cap_ratio(face)
    size = height / ratio
    block = set_line(letters, face, size, 0.0, 0.0, tracking=20)
    x0, y0, x1, y1 = block.bbox
    k = min(1.0, max_width / max(x1 - x0, 1e-6))
    return shapes.transform_d(block.d, (k, 0.0, 0.0, k, cx - k * (x0 + x1) / 2, cy - k * (y0 + y1) / 2))


# ---------------------------------------------------------------------------------------------------------------
# Ribbon banner
# ---------------------------------------------------------------------------------------------------------------


@dataclass
class _Ribbon:
    body: str
    tails: str
    folds: str
    text_box: Box
    outline: str  # everything, for knockouts
    arc: tuple[float, float, float, float] | None = None  # arched: circle centre x, y, mid radius, sweep (deg)


def _ribbon(cx: float, cy: float, half_w: float, h: float, tail_w: float, drop: float, *, arch: float = 0.0,
            notch: float = 0.45) -> _Ribbon:
    """A banner: a body with two swallow-tailed ends folded behind it. With `arch` (px the middle rises above
    the ends) the whole banner bends along a circle, so text can follow it."""
    fold = min(tail_w * 0.45, h * 0.55)
    if arch > 0:  # a frown: the middle rises
        radius = (half_w ** 2 + arch ** 2) / (2 * arch)
        ccx, ccy = cx, cy + radius

        def at(u: float, v: float) -> Point:  # u: along the banner from its middle, v: down across it
            a = -math.pi / 2 + u / radius
            return (ccx + (radius - v) * math.cos(a), ccy + (radius - v) * math.sin(a))
    elif arch < 0:  # a smile: the ends rise
        radius = (half_w ** 2 + arch ** 2) / (2 * -arch)
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
        tails.append(poly([(inner - side * fold, tv0), (outer, tv0), (outer - side * h * notch * 0.5, (tv0 + tv1) / 2),
                           (outer, tv1), (inner - side * fold, tv1)]))
        folds.append(poly([(inner, v1), (inner - side * fold, v1 + drop), (inner - side * fold, v1)]))
    tails_d = "".join(tails)
    folds_d = "".join(folds)
    outline = shapes.union([body, tails_d, folds_d])
    tb = (cx + u0 + h * 0.35, cy + v0 + h * 0.2, cx + u1 - h * 0.35, cy + v1 - h * 0.2)
    arc = (ccx, ccy, radius if arch > 0 else -radius, math.degrees((2 * half_w - h * 0.7) / radius)) if arch else None
    return _Ribbon(body=body, tails=tails_d, folds=folds_d, text_box=tb, outline=outline, arc=arc)


def _draw_ribbon(ctx: Ctx, art: _Art, rib: _Ribbon, fill: RGB, shade: RGB | None, gap: float) -> None:
    """Tails and folds behind the body. With no shade colour the fold is a paper gap (screen-print look)."""
    art.knock(rib.outline, gap)
    if shade is not None and shade != fill:
        art.add("ribbon-tails", rib.tails, fill)
        art.add("ribbon-folds", rib.folds, shade)
        art.add("ribbon", rib.body, fill)
    else:
        tails = shapes.difference(rib.tails, shapes.offset(rib.body, gap * 0.8))
        art.add("ribbon-tails", tails, fill)
        art.add("ribbon", rib.body, fill)


def _line_cap(face: fonts.FontFace, text: str, width: float, tracking: float) -> float:
    """The cap height at which `text` (upper case, one line) spans `width`."""
    advance = measure(text.upper(), face, 100.0, tracking)
    return width / max(advance, 1e-6) * 100.0 * _cap_ratio(face)


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
            _arc_text(ctx, art, text, ccx, ccy, abs(signed), fit, color, bottom=signed < 0, max_sweep=sweep,
                      tracking=60, name="name-arc")
            return
    if text:
        _text_box(ctx, art, text, rib.text_box, color, tracking=60, max_cap=S * 0.05, min_cap=S * 0.034,
                  max_lines=2 if y1 - y0 > S * 0.1 else 1, name="name")
        return
    kind = ornament if ornament != "dot" else "star"
    if rib.arc is not None:
        ccx, ccy, signed, _ = rib.arc
        art.add("ribbon-ornaments", _ornament_arc(ccx, ccy, abs(signed), -90 if signed > 0 else 90,
                                                  math.degrees(S * 0.12 / abs(signed)), 3, S * 0.016, kind), color)
        return
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    art.add("ribbon-ornaments", "".join(_ornament_d(kind, cx + dx * S * 0.06, cy, S * (0.022 if dx == 0 else 0.016))
                                        for dx in (-1, 0, 1)), color)


# ---------------------------------------------------------------------------------------------------------------
# Badge plan
# ---------------------------------------------------------------------------------------------------------------


@dataclass
class _Look:
    vintage: bool
    minimal: bool
    distress: bool
    two_ink: bool
    body: RGB          # main ink / badge body
    on_body: RGB       # text and line work on the body
    paper: RGB         # the ground inside the badge
    on_paper: RGB      # text on paper
    mark_on_body: RGB  # ornaments (stars) on the body
    mark_on_paper: RGB
    ribbon: RGB
    on_ribbon: RGB
    ribbon_shade: RGB | None


def _look(ctx: Ctx) -> _Look:
    b, s = ctx.brief, ctx.scheme
    words = b.words
    vintage = b.has("vintage", "retro") or bool(words & {"stamp", "patch", "brewery", "heritage"})
    minimal = b.has("minimal", "line", "flat") and not vintage
    stamp = bool(words & {"stamp", "stamped", "rubber"})
    distress = ("distressed" in words or "grunge" in words or "worn" in words or stamp
                or (vintage and not minimal and ctx.rng.random() < 0.45)) and not minimal
    two_ink = b.has("two_color", "single_color") or (vintage and ctx.rng.random() < 0.6) or (
        s.accent == s.primary) or stamp
    body = s.primary
    paper = _paper(ctx)
    on_body = _on(ctx, body, [paper, s.on_primary] if two_ink else [s.on_primary, paper])
    on_paper = _on(ctx, paper, [body, s.ink])
    if two_ink:
        mark_body, mark_paper = on_body, _on(ctx, paper, [body, s.ink], 3.0)
    else:
        accent_ok = ctx.rng.random() < 0.5
        mark_body = _on(ctx, body, [s.accent, on_body] if accent_ok else [on_body], 2.6)
        mark_paper = _on(ctx, paper, [s.accent, body, s.ink] if accent_ok else [body, s.ink], 2.6)
    if two_ink:
        ribbon, shade = body, None
    else:
        ribbon = _on(ctx, body, [s.accent, s.secondary], 1.8)
        if ribbon == paper or contrast_ratio(ribbon, paper) < 1.3:
            ribbon = body
        shade = None if s.constrained else _on(ctx, ribbon, [s.secondary, s.ink, body], 1.6)
        if shade is not None and contrast_ratio(shade, ribbon) < 1.3:
            shade = None
    on_ribbon = _on(ctx, ribbon, [s.ink, on_body, s.on_primary, body, paper])
    return _Look(vintage, minimal, distress, two_ink, body, on_body, paper, on_paper, mark_body, mark_paper,
                 ribbon, on_ribbon, shade)


@dataclass
class _Copy:
    name: str | None
    extras: list[str]
    est: str | None

    def take(self) -> str | None:
        return self.extras.pop(0) if self.extras else None


def _copy(ctx: Ctx) -> _Copy:
    b = ctx.brief
    extras = [t for t in (*b.texts[1:], b.tagline) if t]
    est = f"EST. {b.established}" if b.established else None
    return _Copy(b.headline, extras, est)


def _distress_mask(ctx: Ctx, cx: float, cy: float, radius: float) -> tuple[str, str]:
    """Seeded specks, and edge nicks with a few scratches: subtle wear, cut out of the inks."""
    rng, S = ctx.rng, ctx.short
    specks: list[str] = []
    for _ in range(70):
        a, r = rng.uniform(0, 360), radius * math.sqrt(rng.random())
        x, y = _polar(cx, cy, r, a)
        specks.append(circle_d(x, y, S * rng.uniform(0.0015, 0.0045)))
    parts: list[str] = []
    for _ in range(16):
        a = rng.uniform(0, 360)
        x, y = _polar(cx, cy, radius * rng.uniform(0.93, 1.02), a)
        parts.append(polygon_d(regular_polygon(x, y, S * rng.uniform(0.004, 0.011), rng.choice([3, 4, 5]),
                                               rng.uniform(0, 360))))
    for _ in range(5):
        a, r = rng.uniform(0, 360), radius * rng.uniform(0.2, 0.9)
        x, y = _polar(cx, cy, r, a)
        ang = rng.uniform(0, 180)
        half = S * rng.uniform(0.02, 0.05)
        p0, p1 = _polar(x, y, half, ang), _polar(x, y, -half, ang)
        parts.append(_capsule(p0, p1, S * rng.uniform(0.0015, 0.003)))
    return "".join(specks), "".join(parts)


def _variant_for(ctx: Ctx) -> str:
    words, rng = ctx.brief.words, ctx.rng
    prompt = ctx.brief.prompt.lower()
    if words & {"shield", "crest", "heraldic", "coat"}:
        return "shield"
    if words & {"hexagon", "hexagonal", "hex"}:
        return "hexagon"
    if words & {"rosette", "rosettes"}:
        return "rosette"
    if words & {"award", "winner", "champion", "prize", "achievement", "champions"}:
        return rng.choice(["laurel", "rosette", "laurel", "ring"])
    if words & {"laurel", "wreath"}:
        return "laurel"
    if words & {"circular", "circle", "round", "roundel", "seal", "stamp"} or "seal" in prompt:
        return "ring"
    if "patch" in words or "patches" in words:
        return rng.choice(["ring", "hexagon", "shield", "ring"])
    if ctx.brief.has("minimal"):
        return rng.choice(["ring", "ring", "laurel", "hexagon"])
    return rng.choices(["ring", "shield", "hexagon", "laurel"], weights=[0.46, 0.2, 0.16, 0.18])[0]


def _mix_seed(ctx: Ctx, kind: str) -> None:
    """Fold the prompt into the seeded stream, so one seed does not pick the same layout for every prompt of a
    contact sheet (still a pure function of seed and prompt)."""
    ctx.rng = random.Random(f"{kind}:{ctx.rng.getrandbits(64)}:{ctx.brief.prompt}")


def badge(ctx: Ctx) -> str:
    _mix_seed(ctx, "badge")
    b = ctx.brief
    longest = max((len(t) for t in (*b.texts, b.tagline or "")), default=0)
    faces: tuple[str, ...] = _BADGE_DEFAULT
    for style in _BADGE_ORDER:
        if b.has(style):
            faces = _BADGE_FACES[style]
            break
    _choose_family(ctx, faces, longest)
    look = _look(ctx)
    variant = _variant_for(ctx)
    copy = _copy(ctx)
    art = _Art(halo=ctx.short * 0.012)
    if variant == "shield":
        layout = _shield_badge(ctx, art, look, copy)
    elif variant == "hexagon":
        layout = _hex_badge(ctx, art, look, copy)
    elif variant == "laurel":
        layout = _laurel_badge(ctx, art, look, copy)
    else:
        layout = _ring_badge(ctx, art, look, copy, rosette=variant == "rosette")
    if look.distress:
        cx, cy = ctx.width / 2, ctx.height / 2
        art.distress(*_distress_mask(ctx, cx, cy, ctx.short * 0.44))
        layout += "-distressed"
    if ctx.brief.words & {"stamp", "stamped", "rubber"}:
        # a rubber stamp is pressed a little askew
        art.transform(_rotate(ctx.rng.choice([-1, 1]) * ctx.rng.uniform(4, 9), ctx.width / 2, ctx.height / 2))
        layout += "-stamped"
    _fit_into(art, _safe_box(ctx, 0.065))
    art.emit(ctx.canvas.group("badge"))
    return f"badge-{layout}"


# Themes: a word or phrase of the prompt → (good central symbols, a companion to flank it).
_THEMES: tuple[tuple[str, tuple[str, ...], str | None], ...] = (
    ("national park", ("mountains",), "pine tree"),
    ("police", ("police badge",), None),
    ("sheriff", ("police badge",), None),
    ("rosette", ("medal", "trophy"), None),
    ("award", ("trophy", "medal"), None),
    ("winner", ("trophy", "medal"), None),
    ("champion", ("trophy", "medal"), None),
    ("honey", ("bee",), None),
    ("beekeeper", ("bee",), None),
    ("university", ("graduation cap", "book"), None),
    ("college", ("graduation cap", "book"), None),
    ("academy", ("graduation cap", "book"), None),
    ("firefighter", ("fire",), None),
    ("fire department", ("fire",), None),
    ("brewery", ("hops", "glass mug"), "barley"),
    ("brewing", ("hops", "glass mug"), "barley"),
    ("craft beer", ("hops", "glass mug"), "barley"),
    ("beer", ("glass mug", "hops"), "barley"),
    ("bakery", ("bread", "croissant"), "wheat"),
    ("farm", ("barn", "tractor"), "wheat"),
    ("camping", ("tent", "campfire"), "pine tree"),
    ("outdoor", ("mountains", "compass"), "pine tree"),
    ("hiking", ("mountains", "hiking"), "pine tree"),
    ("winery", ("grapes", "wine bottle"), None),
    ("organic", ("leaf", "sprout"), None),
)
_FLANKABLE = ("tree", "pine", "barley", "wheat", "grain", "leaf", "palm", "flower", "hops", "sprout",
              "feather", "wing", "lightning", "bolt", "fish")
# Long tools read best as a crossed pair (two oars, two swords…).
_CROSSABLE = frozenset({"oar", "sword", "hammer", "axe", "wrench", "key", "arrow", "bat", "golf", "hockey", "ski",
                        "fork", "knife", "spoon", "brush", "paintbrush", "pencil", "pickaxe", "shovel", "rifle",
                        "torch", "wand", "racquet", "tennis", "baseball", "cricket", "paddle", "screwdriver", "saw",
                        "spatula", "whisk", "trident", "spear", "pick"})


@dataclass
class _Sym:
    icon: icons.Icon | None
    letters: str | None
    flank: icons.Icon | None = None


def _theme(ctx: Ctx) -> tuple[tuple[str, ...], str | None] | None:
    lower = " " + " ".join(re.findall(r"[a-z]+", ctx.brief.prompt.lower())) + " "
    for key, mains, companion in _THEMES:
        if f" {key} " in lower or f" {key}s " in lower:
            return mains, companion
    return None


def _symbol_or_mark(ctx: Ctx, look: _Look) -> _Sym:
    mode = "stroke" if ctx.brief.has("line") else "fill"
    queries = _symbol_queries(ctx)
    theme = _theme(ctx)
    flank_query: str | None = None
    if theme is not None:
        mains, flank_query = theme
        order = list(mains)
        ctx.rng.shuffle(order)
        # the prompt's own concrete subjects come first unless they are only the theme word itself
        own = [q for q in queries if q not in {"park", "national park", "brewery", "beer", "bakery", "farm"}]
        subject_first = [q for q in own[:1] if q in ctx.brief.subjects and " " not in q]
        queries = subject_first + order + [q for q in queries if q not in order and q not in subject_first]
    icon, used = _find_symbol(ctx, mode=mode, queries=queries)
    if icon is None and mode == "fill":
        icon, used = _find_symbol(ctx, queries=queries)
    if icon is None:
        return _Sym(None, _initials(ctx))
    flank = None
    candidates = ([flank_query] if flank_query else []) + [
        q for q in ctx.brief.subjects if q != used and any(f in q for f in _FLANKABLE)]
    for q in candidates:
        if used and (q in used or used in q):
            continue
        flank, _ = _find_symbol(ctx, mode=mode, queries=[q], good=1.2, floor=9.0, exclude=(icon.key,))
        if flank is not None:
            break
    if flank is not None and ctx.rng.random() < 0.2:
        flank = None
    return _Sym(icon, None, flank)


def _centre_symbol(ctx: Ctx, art: _Art, sym: _Sym, cx: float, cy: float, size: float, color: RGB, *,
                   ornament: str = "star", gap_color: bool = True) -> str:
    """Icon (with flanking companions), else monogram letters, else a large star; returns the ink drawn."""
    S = ctx.short
    if sym.icon is not None:
        if sym.flank is None and set(sym.icon.name.split("-")) & _CROSSABLE and "cross" not in sym.icon.name:
            d = _icon_d(sym.icon, 0.0, 0.0, size, stroke_scale=1.15)
            x0, y0, x1, y1 = _bounds(d)
            if (y1 - y0) > 1.5 * (x1 - x0):
                d = shapes.transform_d(d, _rotate(-38, 0.0, 0.0))
            elif (x1 - x0) > 1.5 * (y1 - y0):
                d = shapes.transform_d(d, _rotate(38, 0.0, 0.0))
            mirrored = shapes.transform_d(d, (-1.0, 0.0, 0.0, 1.0, 0.0, 0.0))
            group = _Art()
            group.add("symbol", d, color)
            group.knock(mirrored, S * 0.01)
            group.add("symbol-crossed", mirrored, color)
            _fit_into(group, (cx - size * 0.5, cy - size * 0.5, cx + size * 0.5, cy + size * 0.5), max_scale=9.0)
            art.items.extend(group.items)
            return shapes.union([it.d for it in group.items])
        if sym.flank is None:
            d = _icon_d(sym.icon, cx, cy, size, stroke_scale=1.15)
            art.add("symbol", d, color)
            return d
        main = _icon_d(sym.icon, 0.0, 0.0, size, stroke_scale=1.15)
        mb = _bounds(main)
        fd = _icon_d(sym.flank, 0.0, 0.0, size * 0.55, stroke_scale=1.15)
        fb = _bounds(fd)
        fw = fb[2] - fb[0]
        flanks = []
        for side in (-1, 1):
            # stand the companion on the main symbol's baseline, just overlapping its side, mirrored on the right
            edge = mb[0] if side < 0 else mb[2]
            fx = edge + side * fw * 0.3
            m = (float(side), 0.0, 0.0, 1.0, fx - side * (fb[0] + fb[2]) / 2, mb[3] - fb[3])
            flanks.append(shapes.transform_d(fd, m))
        group = _Art()
        group.add("symbol", main, color)
        fl = shapes.union(flanks)
        group.knock(fl, S * 0.01)
        group.add("symbol-flank", fl, color)
        _fit_into(group, (cx - size * 0.7, cy - size * 0.5, cx + size * 0.7, cy + size * 0.5), max_scale=9.0)
        art.items.extend(group.items)
        return shapes.union([it.d for it in group.items])
    if sym.letters:
        d = _letters_d(ctx, sym.letters, cx, cy, size * 0.62, size * 1.25)
        art.add("monogram", d, color)
        return d
    d = _star_d(cx, cy, size * 0.5)
    art.add("symbol", d, color)
    return d


def _ornament_arc(cx: float, cy: float, radius: float, center: float, sweep: float, count: int, r: float,
                  kind: str, big_middle: bool = True) -> str:
    parts = []
    for i in range(count):
        t = i / (count - 1) if count > 1 else 0.5
        ang = center - sweep / 2 + sweep * t
        x, y = _polar(cx, cy, radius, ang)
        scale = 1.35 if big_middle and count % 2 == 1 and i == count // 2 else 1.0
        parts.append(_ornament_d(kind, x, y, r * scale, rotation=ang + 90 if kind == "star" else -90))
    return "".join(parts)


# --- ring (circle seal) -----------------------------------------------------------------------------------------


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
        pts = [(top[0] + nx, top[1] + ny), (bottom[0] + nx, bottom[1] + ny), notch,
               (bottom[0] - nx, bottom[1] - ny), (top[0] - nx, top[1] - ny)]
        art.add("rosette-tail", polygon_d(pts), color)


def _ring_badge(ctx: Ctx, art: _Art, look: _Look, copy: _Copy, *, rosette: bool = False) -> str:
    rng, S = ctx.rng, ctx.short
    cx, cy = ctx.width / 2, ctx.height / 2
    words = ctx.brief.words
    R = S * 0.42
    # Edge
    seal = bool(words & {"seal", "certified", "certificate", "guarantee", "quality", "approved"})
    edges = ["plain", "serrated", "scalloped", "beaded"]
    weights = [0.35, 0.3, 0.2, 0.15]
    if seal:
        weights = [0.1, 0.5, 0.35, 0.05]
    if look.minimal:
        weights = [0.55, 0.3, 0.15, 0.0]
    edge = rng.choices(edges, weights=weights)[0]
    # Fill mode
    modes = ["solid", "band", "line"]
    mweights = [0.45, 0.3, 0.25] if not look.minimal else [0.25, 0.2, 0.55]
    mode = rng.choices(modes, weights=mweights)[0]
    transparent = ctx.scheme.background is None
    if edge in ("serrated", "scalloped") and mode == "line":
        mode = "band"
    if mode == "line" and contrast_ratio(look.body, look.paper) < 2.6:
        mode = "solid"
    if rosette:
        edge = rng.choice(["scalloped", "serrated"])
        _rosette_tails(ctx, art, look, cx, cy)
        art.knock(circle_d(cx, cy, R), S * 0.012)

    ink, paper = look.body, look.paper
    if mode == "solid":
        text_c, centre_bg = look.on_body, ink
        line_c = look.on_body
        mark_c = look.mark_on_body
    elif mode == "band":
        text_c, centre_bg = look.on_body, paper
        line_c = look.on_body
        mark_c = look.mark_on_body
    else:
        centre_bg = paper
        text_c = look.on_paper
        line_c = ink
        mark_c = look.mark_on_paper
    sym_c = _on(ctx, centre_bg, [look.on_body if centre_bg == ink else ink, ctx.scheme.ink], 3.0)

    # Outer shape
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
        if transparent:
            art.add("body", outer, paper, distress=False)
        thick = S * (0.014 if not look.minimal else 0.009)
        if edge == "beaded":
            art.add("beads", _dot_ring(cx, cy, R - S * 0.011, S * 0.0095, 64), ink)
            art.add("rim", ring_d(cx, cy, re_, re_ - thick), ink)
        else:
            art.add("rim", ring_d(cx, cy, R, R - thick), ink)
            re_ = R - thick
    # Band
    t_line = S * (0.007 if not look.minimal else 0.005)
    rb1 = re_ - S * (0.03 if mode != "line" else 0.018)
    no_text = not (copy.name or copy.extras or copy.est)
    band_w = S * (0.112 if not no_text else 0.074)
    rb2 = rb1 - band_w
    if mode == "band":
        art.add("centre", circle_d(cx, cy, rb2), paper, distress=False)
    art.add("ring-outer", ring_d(cx, cy, rb1, rb1 - t_line), line_c if mode != "band" else look.on_body)
    inner_ring_c = line_c if mode != "band" else ink
    ri = rb2 - t_line * 0.5
    if mode != "band":
        art.add("ring-inner", ring_d(cx, cy, rb2 + t_line / 2, rb2 - t_line / 2), inner_ring_c)
    else:
        art.add("ring-inner", ring_d(cx, cy, rb2 - S * 0.014, rb2 - S * 0.014 - t_line), ink)
        ri = rb2 - S * 0.014 - t_line
    if look.vintage and mode != "band" and rng.random() < 0.5:
        if rng.random() < 0.5:
            art.add("ring-dots", _dot_ring(cx, cy, rb2 - S * 0.022, S * 0.0055, rng.choice([60, 72, 84])),
                    line_c)
        else:
            art.add("ring-inner2", ring_d(cx, cy, rb2 - S * 0.018, rb2 - S * 0.018 - t_line * 0.6), line_c)
        ri = rb2 - S * 0.03
    rt = (rb1 - t_line + rb2 + t_line / 2) / 2

    # Copy → arcs / ribbon
    face = _face(ctx, "display", record=False)
    cap = S * 0.05
    min_cap = S * 0.036
    tracking = 140.0 if not look.minimal else 220.0
    name = copy.name
    use_ribbon = False
    name_fits = name is not None and _arc_cap(face, name.upper(), cap, rt, tracking, 150) >= min_cap
    sym = _symbol_or_mark(ctx, look)
    if name is not None:
        want_ribbon = (look.vintage or rng.random() < 0.35) and not look.minimal
        # no symbol: the name itself takes the centre, on a banner
        use_ribbon = (want_ribbon and rng.random() < 0.6) or not name_fits or (sym.icon is None
                                                                              and sym.letters is None)
    top: str | None
    bottom: str | None
    if name is not None and not use_ribbon:
        top = name
        bottom = copy.take() or copy.est
        if bottom == copy.est:
            copy.est = None
    elif name is not None:
        top = copy.take()
        bottom = copy.est if copy.est else copy.take()
        if bottom == copy.est:
            copy.est = None
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
        alt = rng.random() < 0.5
        parts = []
        for i in range(count):
            ang = -90 + 360 * i / count
            x, y = _polar(cx, cy, rt, ang)
            kind = ornament if not (alt and i % 2) else "dot"
            parts.append(_ornament_d(kind, x, y, S * 0.016, rotation=ang + 90))
        art.add("ornament-ring", "".join(parts), mark_c)
    elif top:
        c = min(cap, _arc_cap(face, top.upper(), cap, rt, tracking, top_sweep))
        _arc_text(ctx, art, top, cx, cy, rt, max(c, min_cap), text_c, bottom=False, max_sweep=top_sweep,
                  tracking=tracking)
    else:
        art.add("arc-ornaments", _ornament_arc(cx, cy, rt, -90, rng.choice([70, 90, 110]), rng.choice([5, 7, 9]),
                                               S * 0.017, ornament), mark_c)
    arched = use_ribbon and rng.random() < 0.4
    bottom_sweep = (84 if arched else 110) if use_ribbon else 120
    if bottom:
        c = min(cap * 0.85, _arc_cap(face, bottom.upper(), cap * 0.85, rt, tracking, bottom_sweep))
        _arc_text(ctx, art, bottom, cx, cy, rt, max(c, min_cap), text_c, bottom=True,
                  max_sweep=bottom_sweep, tracking=tracking)
    elif not no_text:
        art.add("arc-ornaments", _ornament_arc(cx, cy, rt, 90, rng.choice([50, 70, 90]), rng.choice([3, 5, 7]),
                                               S * 0.015, ornament), mark_c)
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
        sym_cy = cy - S * 0.1 - grow * 0.3
        sym_size = S * 0.2 - grow * 0.5
    else:
        rib_cy = rib_h = 0.0
        has_est = copy.est is not None
        sym_size = ri * (1.05 if not has_est else 0.95) * (1.12 if no_text and sym.flank is not None else 1.0)
        sym_cy = cy - (ri * 0.1 if has_est else 0.0)
    if rays:
        ray_d = _rays(cx, cy, ri * 0.05, ri * 1.5, rng.choice([24, 32, 36]), rng.uniform(3.2, 4.6),
                      phase=rng.uniform(0, 10))
        ray_d = shapes.intersect(ray_d, circle_d(cx, cy, ri - S * 0.012))
        disc = circle_d(cx, sym_cy, sym_size * 0.62)
        ray_d = shapes.difference(ray_d, disc)
        art.add("rays", ray_d, sym_c if centre_bg == paper else look.on_body)
    sym_d = _centre_symbol(ctx, art, sym, cx, sym_cy, sym_size, sym_c, ornament=ornament)
    if copy.est and not use_ribbon:
        est_top = sym_cy + sym_size / 2 + S * 0.025
        _text_box(ctx, art, copy.est, (cx - ri * 0.6, est_top, cx + ri * 0.6, est_top + S * 0.042),
                  _on(ctx, centre_bg, [text_c, sym_c]), purpose="display", tracking=160, max_cap=S * 0.036,
                  min_cap=S * 0.03, name="est")
    elif copy.est:
        pass
    del sym_d
    if use_ribbon and name:
        rib = _ribbon(cx, rib_cy, rib_half, rib_h, S * 0.1, S * 0.04, notch=0.5,
                      arch=S * 0.05 if arched and rib_h < S * 0.12 else 0.0)
        _draw_ribbon(ctx, art, rib, look.ribbon, look.ribbon_shade, S * 0.01)
        rib_fill = look.ribbon
        on_rib = _on(ctx, rib_fill, [look.on_ribbon, ctx.scheme.ink, look.body])
        _ribbon_content(ctx, art, rib, name, on_rib, ornament)
        # below the ribbon: the year or a row of stars
        below = rib_cy + rib_h / 2 + S * 0.05
        if rib_h > S * 0.12:
            pass  # a two-line banner leaves no room below it
        elif copy.est:
            _text_box(ctx, art, copy.est, (cx - ri * 0.55, below - S * 0.02, cx + ri * 0.55, below + S * 0.022),
                      _on(ctx, centre_bg, [text_c, sym_c]), tracking=160, max_cap=S * 0.034, min_cap=S * 0.03,
                      name="est")
        else:
            art.add("stars", _ornament_arc(cx, cy, below - cy + S * 0.005, 90, 24, 3, S * 0.014, ornament,
                                           big_middle=True), _on(ctx, centre_bg, [mark_c, sym_c], 2.5))
    kind = "rosette" if rosette else "ring"
    return f"{kind}-{edge}-{mode}{'-ribbon' if use_ribbon else ''}"


# --- shield crest -----------------------------------------------------------------------------------------------


def _shield_badge(ctx: Ctx, art: _Art, look: _Look, copy: _Copy) -> str:
    rng, S = ctx.rng, ctx.short
    cx, cy = ctx.width / 2, ctx.height / 2
    H, W = S * 0.8, S * 0.64
    top = cy - H * 0.5
    outer = shield_d(cx, top, W, H)
    mode = rng.choice(["solid", "solid", "line"]) if not look.minimal else "line"
    if contrast_ratio(look.body, look.paper) < 2.6:
        mode = "solid"
    transparent = ctx.scheme.background is None
    if mode == "solid":
        art.add("body", outer, look.body)
        art.add("frame", _outline_band(outer, S * 0.022, S * 0.008), look.on_body)
        ground, on_ground, mark_c = look.body, look.on_body, look.mark_on_body
    else:
        if transparent:
            art.add("body", outer, look.paper, distress=False)
        art.add("frame", shapes.difference(outer, _inset(outer, S * 0.016)), look.body)
        art.add("frame-inner", _outline_band(outer, S * 0.03, S * 0.006), look.body)
        ground, on_ground, mark_c = look.paper, look.on_paper, look.mark_on_paper
    sym_c = _on(ctx, ground, [on_ground if mode == "solid" else look.body, ctx.scheme.ink], 3.0)
    ornament = rng.choice(["star", "star", "dot", "diamond"])
    sym_cy = top + H * 0.4
    sym_size = S * 0.25
    if look.vintage and rng.random() < 0.5:
        rays = _rays(cx, sym_cy, S * 0.02, S * 0.5, 28, 4.0, phase=rng.uniform(0, 10))
        clip = _inset(outer, S * 0.045)
        rays = shapes.intersect(rays, clip)
        rays = shapes.difference(rays, circle_d(cx, sym_cy, sym_size * 0.62))
        art.add("rays", rays, _on(ctx, ground, [on_ground if mode == "solid" else look.body], 3.0))
    # top line: extra text or stars
    y = top + H * 0.15
    extra = copy.take()
    if extra:
        _text_box(ctx, art, extra, (cx - W * 0.3, y - S * 0.025, cx + W * 0.3, y + S * 0.025), on_ground,
                  tracking=180, max_cap=S * 0.036, min_cap=S * 0.03, name="tagline")
    else:
        art.add("stars", "".join(_ornament_d(ornament, cx + dx * S * 0.055, y, S * (0.02 if dx == 0 else 0.015))
                                 for dx in (-1, 0, 1)), mark_c)
    sym = _symbol_or_mark(ctx, look)
    _centre_symbol(ctx, art, sym, cx, sym_cy, sym_size, sym_c, ornament=ornament)
    # ribbon with the name across the lower part, wider than the shield
    rib_cy = top + H * 0.66
    if True:
        half = min(S * 0.34, ctx.width / 2 - S * 0.17)
        rib_h = _ribbon_height(ctx, copy.name, half, S * 0.118)
        rib = _ribbon(cx, rib_cy, half if copy.name else half * 0.8, rib_h, S * 0.1, S * 0.045,
                      arch=S * 0.05 if rng.random() < 0.4 and rib_h < S * 0.12 else 0.0)
        fill = look.ribbon
        _draw_ribbon(ctx, art, rib, fill, look.ribbon_shade, S * 0.01)
        on_rib = _on(ctx, fill, [look.on_ribbon, ctx.scheme.ink, look.body, look.on_body])
        _ribbon_content(ctx, art, rib, copy.name, on_rib, ornament)
    # year in the point
    low = top + H * 0.82
    if copy.est:
        year = ctx.brief.established or ""
        if rng.random() < 0.5 and year:
            _text_box(ctx, art, "EST", (cx - W * 0.32, low - S * 0.02, cx - S * 0.025, low + S * 0.02), on_ground,
                      tracking=120, max_cap=S * 0.032, min_cap=S * 0.03, align="right", name="est")
            _text_box(ctx, art, year, (cx + S * 0.025, low - S * 0.02, cx + W * 0.32, low + S * 0.02), on_ground,
                      tracking=120, max_cap=S * 0.032, min_cap=S * 0.03, align="left", name="est")
            art.add("est-dot", _ornament_d(ornament, cx, low, S * 0.01), mark_c)
        else:
            _text_box(ctx, art, copy.est, (cx - W * 0.22, low - S * 0.02, cx + W * 0.22, low + S * 0.02),
                      on_ground, tracking=150, max_cap=S * 0.032, min_cap=S * 0.03, name="est")
    else:
        more = copy.take()
        if more:
            _text_box(ctx, art, more, (cx - W * 0.22, low - S * 0.02, cx + W * 0.22, low + S * 0.02), on_ground,
                      tracking=150, max_cap=S * 0.032, min_cap=S * 0.03, name="tagline")
        else:
            art.add("point-star", _ornament_d(ornament, cx, low + S * 0.01, S * 0.022), mark_c)
    return f"shield-{mode}"


# --- hexagon patch ----------------------------------------------------------------------------------------------


def _hex_badge(ctx: Ctx, art: _Art, look: _Look, copy: _Copy) -> str:
    rng, S = ctx.rng, ctx.short
    cx, cy = ctx.width / 2, ctx.height / 2
    pointy = rng.random() < 0.5
    rot = -90 if pointy else 0
    R = S * 0.43
    rounding = S * 0.03
    pts = regular_polygon(cx, cy, R - rounding, 6, rotation_deg=rot)
    outer = shapes.offset(polygon_d(pts), rounding)
    mode = "solid" if (not look.minimal and rng.random() < 0.7) else "line"
    if contrast_ratio(look.body, look.paper) < 2.6:
        mode = "solid"
    transparent = ctx.scheme.background is None
    stitch = bool(ctx.brief.words & {"patch", "embroidered", "stitched"}) or rng.random() < 0.4
    if mode == "solid":
        art.add("body", outer, look.body)
        ground, on_ground, mark_c = look.body, look.on_body, look.mark_on_body
        if stitch:
            inner_pts = regular_polygon(cx, cy, R - S * 0.035, 6, rotation_deg=rot)
            art.add("stitch", _dashes_along(inner_pts, S * 0.006, S * 0.018, S * 0.011), look.on_body)
        else:
            art.add("frame", _outline_band(outer, S * 0.024, S * 0.008), look.on_body)
    else:
        if transparent:
            art.add("body", outer, look.paper, distress=False)
        art.add("frame", shapes.difference(outer, _inset(outer, S * 0.018)), look.body)
        art.add("frame-inner", _outline_band(outer, S * 0.032, S * 0.006), look.body)
        ground, on_ground, mark_c = look.paper, look.on_paper, look.mark_on_paper
    sym_c = _on(ctx, ground, [on_ground if mode == "solid" else look.body, ctx.scheme.ink], 3.0)
    ornament = rng.choice(["star", "dot", "diamond"])
    half_inner = (R * math.cos(math.radians(30)) if pointy else R) - S * 0.08
    # name band across the middle-low
    band_cy = cy + S * 0.1
    band_h = S * 0.12
    sym = _symbol_or_mark(ctx, look)
    sym_cy = cy - S * 0.11
    sym_size = S * 0.24
    extra = copy.take()
    if extra:
        ty = cy - S * 0.3 if pointy else cy - S * 0.29
        _text_box(ctx, art, extra, (cx - S * 0.18, ty - S * 0.02, cx + S * 0.18, ty + S * 0.02), on_ground,
                  tracking=160, max_cap=S * 0.032, min_cap=S * 0.03, name="tagline")
        sym_cy += S * 0.025
        sym_size = S * 0.2
    if not copy.name:
        sym_cy, sym_size = cy - S * 0.03, S * 0.32
    _centre_symbol(ctx, art, sym, cx, sym_cy, sym_size, sym_c, ornament=ornament)
    if copy.name:
        style = rng.choice(["bar", "ribbon", "plain"]) if not look.minimal else "plain"
        if style == "bar":
            band_h = _ribbon_height(ctx, copy.name, half_inner, band_h)
            x0, x1 = cx - half_inner - S * 0.04, cx + half_inner + S * 0.04
            bar = rect_d(x0, band_cy - band_h / 2, x1 - x0, band_h)
            bar = shapes.intersect(bar, _inset(outer, S * 0.04 if stitch or mode == "line" else S * 0.042))
            fill = look.paper if ground == look.body else look.body
            art.knock(bar, S * 0.008)
            art.add("bar", bar, fill)
            on_fill = _on(ctx, fill, [look.body if fill == look.paper else look.on_body, ctx.scheme.ink])
            bx0, _, bx1, _ = _bounds(bar)
            _text_box(ctx, art, copy.name, (bx0 + S * 0.04, band_cy - band_h * 0.3, bx1 - S * 0.04,
                                            band_cy + band_h * 0.3), on_fill, tracking=60, max_cap=S * 0.05,
                      min_cap=S * 0.034, max_lines=2 if band_h > S * 0.15 else 1, name="name")
        elif style == "ribbon":
            half = min(S * 0.33, ctx.width / 2 - S * 0.17)
            rib = _ribbon(cx, band_cy, half, _ribbon_height(ctx, copy.name, half, band_h), S * 0.1, S * 0.04)
            fill = look.ribbon
            _draw_ribbon(ctx, art, rib, fill, look.ribbon_shade, S * 0.01)
            on_rib = _on(ctx, fill, [look.on_ribbon, ctx.scheme.ink, look.body, look.on_body])
            _ribbon_content(ctx, art, rib, copy.name, on_rib, ornament)
        else:
            _text_box(ctx, art, copy.name, (cx - half_inner, band_cy - band_h * 0.4, cx + half_inner,
                                            band_cy + band_h * 0.4), on_ground, tracking=80, max_cap=S * 0.06,
                      min_cap=S * 0.034, max_lines=2, name="name")
            art.add("rule", rect_d(cx - S * 0.06, band_cy - band_h * 0.62, S * 0.12, S * 0.006), mark_c)
    else:
        style = "none"
    low = cy + S * 0.25
    if copy.est:
        _text_box(ctx, art, copy.est, (cx - S * 0.16, low - S * 0.02, cx + S * 0.16, low + S * 0.02), on_ground,
                  tracking=160, max_cap=S * 0.032, min_cap=S * 0.03, name="est")
    else:
        more = copy.take()
        if more:
            _text_box(ctx, art, more, (cx - S * 0.2, low - S * 0.02, cx + S * 0.2, low + S * 0.02), on_ground,
                      tracking=160, max_cap=S * 0.032, min_cap=S * 0.03, name="tagline")
        else:
            art.add("stars", "".join(_ornament_d(ornament, cx + dx * S * 0.05, low, S * (0.019 if dx == 0 else 0.014))
                                     for dx in (-1, 0, 1)), mark_c)
    return f"hexagon-{mode}-{style}"


# --- laurel emblem ----------------------------------------------------------------------------------------------


def _laurel_d(cx: float, cy: float, radius: float, a_from: float, a_to: float, leaf: float, S: float,
              side: int) -> str:
    """One laurel branch along a circle from angle a_from (bottom) to a_to, leaves pointing along the growth."""
    parts = [_sector_band(cx, cy, radius + S * 0.003, radius - S * 0.003, min(a_from, a_to), max(a_from, a_to),
                          steps=40)]
    steps = max(4, int(abs(a_to - a_from) / 13))
    for i in range(1, steps + 1):
        ang = a_from + (a_to - a_from) * (i - 0.6) / steps
        base = _polar(cx, cy, radius, ang)
        tangent = ang + (90 if a_to > a_from else -90)
        grow = 1.0 - 0.35 * (i / steps)
        for out in (1, -1):
            direction = tangent + out * 38 * (1 if a_to > a_from else -1)
            parts.append(_leaf_d(base, direction, leaf * grow, leaf * 0.3 * grow))
    tip = _polar(cx, cy, radius, a_to)
    parts.append(_leaf_d(tip, a_to + (90 if a_to > a_from else -90), leaf * 0.75, leaf * 0.24))
    del side
    return shapes.union(parts)


def _laurel_badge(ctx: Ctx, art: _Art, look: _Look, copy: _Copy) -> str:
    rng, S = ctx.rng, ctx.short
    cx, cy = ctx.width / 2, ctx.height / 2
    disc_r = S * 0.2
    dcy = cy - S * 0.06
    transparent = ctx.scheme.background is None
    mode = rng.choice(["disc", "ring"]) if not look.minimal else "ring"
    if contrast_ratio(look.body, look.paper) < 2.6:
        mode = "disc"
    if mode == "disc":
        art.add("disc", circle_d(cx, dcy, disc_r), look.body)
        art.add("disc-ring", ring_d(cx, dcy, disc_r - S * 0.016, disc_r - S * 0.023), look.on_body)
        sym_bg, sym_c = look.body, look.on_body
    else:
        if transparent:
            art.add("disc", circle_d(cx, dcy, disc_r), look.paper, distress=False)
        art.add("disc-ring", ring_d(cx, dcy, disc_r, disc_r - S * 0.012), look.body)
        art.add("disc-ring2", ring_d(cx, dcy, disc_r - S * 0.022, disc_r - S * 0.027), look.body)
        sym_bg, sym_c = look.paper, _on(ctx, look.paper, [look.body, ctx.scheme.ink], 3.0)
    sym = _symbol_or_mark(ctx, look)
    ornament = rng.choice(["star", "star", "dot"])
    _centre_symbol(ctx, art, sym, cx, dcy, disc_r * 1.05, sym_c, ornament=ornament)
    del sym_bg
    # wreath
    wr = S * 0.3
    leaf = S * 0.075
    span = rng.choice([118, 128, 136])
    leaf_c = _on(ctx, look.paper, [ctx.scheme.secondary if not look.two_ink else look.body, look.body], 2.2)
    if transparent:
        leaf_c = look.body
    left = _laurel_d(cx, dcy, wr, 94, 94 + span, leaf, S, -1)
    right = _laurel_d(cx, dcy, wr, 86, 86 - span, leaf, S, 1)
    art.add("laurel", left + right, leaf_c)
    # top: extra text on an arc, or stars
    extra = copy.take()
    top_r = wr + S * 0.03
    if extra:
        face = _face(ctx, "display", record=False)
        sweep = 360 - 2 * span - 30
        c = _arc_cap(face, extra.upper(), S * 0.036, top_r, 160, max(40, sweep))
        _arc_text(ctx, art, extra, cx, dcy, top_r, max(c, S * 0.03), look.on_paper, bottom=False,
                  max_sweep=max(40, sweep), tracking=160)
    else:
        art.add("stars", _ornament_arc(cx, dcy, top_r, -90, 26, 3, S * 0.02, "star" if ornament != "dot" else "dot"),
                look.mark_on_paper)
    # ribbon with the name at the bottom over the wreath's stems
    rib_cy = dcy + wr - S * 0.005
    half = min(S * 0.3, ctx.width / 2 - S * 0.17)
    rib_h = _ribbon_height(ctx, copy.name, half, S * 0.11)
    rib = _ribbon(cx, rib_cy + (rib_h - S * 0.11) / 2, half if copy.name else half * 0.75, rib_h, S * 0.09,
                  S * 0.04, arch=-S * 0.045 if rng.random() < 0.5 and rib_h < S * 0.12 else 0.0)
    fill = look.ribbon
    _draw_ribbon(ctx, art, rib, fill, look.ribbon_shade, S * 0.01)
    on_rib = _on(ctx, fill, [look.on_ribbon, look.on_body, ctx.scheme.ink])
    _ribbon_content(ctx, art, rib, copy.name, on_rib, ornament)
    below = rib_cy + (rib_h - S * 0.11) / 2 + rib_h / 2 + S * 0.045
    if copy.est:
        _text_box(ctx, art, copy.est, (cx - S * 0.16, below - S * 0.02, cx + S * 0.16, below + S * 0.02),
                  look.on_paper, tracking=160, max_cap=S * 0.032, min_cap=S * 0.03, name="est")
    return f"laurel-{mode}"


# ---------------------------------------------------------------------------------------------------------------
# Sticker
# ---------------------------------------------------------------------------------------------------------------


_WORD_RE = re.compile(r"\b(?:the\s+)?(?:words?|text|phrase|lettering)\s+[\"'“]?((?:[A-Z0-9][A-Za-z0-9!?'&\-]*)"
                      r"(?:\s+[A-Z0-9][A-Za-z0-9!?'&\-]*){0,3})")


def _sticker_text(ctx: Ctx) -> str | None:
    b = ctx.brief
    if b.headline:
        return b.headline
    m = _WORD_RE.search(b.prompt)
    return m.group(1).strip() if m else None


@dataclass
class _Inks:
    border: RGB    # the die-cut paper
    line: RGB      # key lines, cut line
    fill: RGB      # the subject's colour
    fill2: RGB     # a second subject colour
    text: RGB      # words on the border colour
    shadow: RGB


def _sticker_inks(ctx: Ctx) -> _Inks:
    s = ctx.scheme
    border = _lightest(ctx)
    line = _on(ctx, border, [s.ink, _darkest(ctx)], 7.0)
    fill = _between(ctx, border, line, [s.primary, s.accent, s.secondary], 1.6, 2.2)
    fill2 = _between(ctx, border, line, [c for c in (s.accent, s.secondary, s.primary) if c != fill] or [fill],
                     1.4, 2.0)
    text = _on(ctx, border, [s.primary, s.ink])
    shadow = _on(ctx, border, [s.secondary, s.ink], 2.2) if ctx.rng.random() < 0.4 else line
    return _Inks(border, line, fill, fill2, text, shadow)


def _cartoon(icon: icons.Icon, cx: float, cy: float, size: float, stroke_scale: float = 1.2
             ) -> tuple[str, str, bool]:
    """Icon as (silhouette, line art, is_line_art): outline icons become coloured shapes with key lines."""
    art = _icon_d(icon, cx, cy, size, stroke_scale=stroke_scale)
    sil = _fill_holes(art)
    outline_like = icon.mode == "stroke" or (icon.set == "ph" and not icon.name.endswith("-fill"))
    return sil, art, outline_like


def _finish_sticker(ctx: Ctx, art: _Art, inks: _Inks, outline: str, *, border: float, tilt: float,
                    cut_line: bool, shadow: bool) -> None:
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


def _sticker_face(ctx: Ctx, text: str | None) -> None:
    b = ctx.brief
    faces: Sequence[str] = _STICKER_FACES
    for style in ("playful", "retro", "vintage", "hand_drawn", "bold", "minimal", "elegant", "tech"):
        if b.has(style):
            faces = _STICKER_BY_STYLE[style]
            break
    _choose_family(ctx, faces, len(text or ""))


def sticker(ctx: Ctx) -> str:
    _mix_seed(ctx, "sticker")
    text = _sticker_text(ctx)
    _sticker_face(ctx, text)
    text_words = {w.lower() for w in re.findall(r"[A-Za-z]+", text or "")}
    queries = [q for q in _symbol_queries(ctx) if q not in text_words or not text]
    if text:
        queries = [q for q in queries if q.lower() not in text_words]
    icon, used = _find_symbol(ctx, prefer_outline=True, queries=queries)
    second = None
    if icon is not None and used:
        # a companion comes from another subject, never from a word of the main subject's own phrase
        phrase = next((sub for sub in ctx.brief.subjects if used in sub or sub in used), used)
        words = phrase.split()
        # "cat drinking coffee": what follows the verb is a second subject; "pizza slice" is one thing
        verb = next((i for i, w in enumerate(words) if w.endswith("ing") and len(w) > 4), None)
        own = words[:verb] if verb is not None else words
        taken = set(own) | set(used.split()) | {phrase, used} | ({words[verb]} if verb is not None else set())
        main_stems = {_stem(w) for w in icon.name.split("-")}
        rest = [q for q in queries if q not in taken and not set(q.split()) <= taken]
        if rest:
            second, used2 = _find_symbol(ctx, prefer_outline=True, queries=rest[:3], good=1.3, floor=9.0,
                                         exclude=(icon.key,), record=False)
            if second is not None and {_stem(w) for w in second.name.split("-")} & main_stems:
                second = None
            if second is not None:
                ctx.info.setdefault("icons", []).append(second.key)
            if second is not None and used2:
                lower = " ".join(re.findall(r"[a-z]+", ctx.brief.prompt.lower()))
                inside = re.search(r"\b(?:in|inside|into|on|on top of|out of)\s+(?:a|an|the|its|his|her)?\s*"
                                   + re.escape(used2.split()[0]), lower)
                if inside and ctx.brief.prompt.lower().find(phrase.split()[0]) < inside.start():
                    ctx.info["sticker_relation"] = "in"
    if icon is None and not text:
        icon, _ = _find_symbol(ctx, prefer_outline=True, queries=["star"])
    inks = _sticker_inks(ctx)
    rng = ctx.rng
    if icon is not None and text:
        variant = rng.choices(["diecut", "circle", "label"], weights=[0.5, 0.25, 0.25])[0]
    elif icon is not None:
        variant = rng.choices(["diecut", "circle"], weights=[0.62, 0.38])[0]
    else:
        variant = rng.choices(["words", "bubble", "label"], weights=[0.5, 0.25, 0.25])[0]
    if variant == "circle" and ctx.brief.words & {"die", "diecut"}:
        variant = "diecut"
    art = _Art()
    if variant == "diecut":
        layout = _diecut_sticker(ctx, art, inks, icon, second, text)
    elif variant == "circle":
        layout = _circle_sticker(ctx, art, inks, icon, second, text)
    elif variant == "label":
        layout = _label_sticker(ctx, art, inks, icon, text or "")
    elif variant == "bubble":
        layout = _bubble_sticker(ctx, art, inks, text or "")
    else:
        layout = _word_sticker(ctx, art, inks, text or "")
    art.emit(ctx.canvas.group("sticker"))
    finish = ctx.info.pop("sticker_finish", "")
    ctx.info.pop("sticker_relation", None)
    return f"sticker-{layout}" + (f"-{finish}" if finish else "")


_CREATURES = frozenset({
    "cat", "dog", "ghost", "bear", "fox", "owl", "bird", "rabbit", "panda", "smiley", "face", "emoji", "robot",
    "alien", "person", "user", "baby", "monkey", "pig", "cow", "horse", "unicorn", "frog", "fish", "penguin",
    "koala", "lion", "tiger", "duck", "chick", "snail", "turtle", "bee", "bug", "butterfly", "skull", "smile",
    "paw", "dinosaur", "dragon", "snake", "mouse", "rat", "squirrel", "deer", "elephant", "giraffe", "sheep",
    "hedgehog", "octopus", "crab", "shark", "whale", "dolphin", "spider", "ladybug", "chicken", "rooster",
    "happy", "sad", "wink", "users", "child", "man", "woman", "boy", "girl", "head"})
_CUTE = frozenset({"kawaii", "cute", "adorable", "chibi", "cutesy"})


def _free_spot(free: str, blocked: str, box: Box, n: int = 44) -> tuple[float, float, float] | None:
    """The point of `free` farthest from `blocked` (and from the outside of `free`): (x, y, clearance)."""
    import numpy as np

    fp, bp = shapes.to_path(free), shapes.to_path(blocked) if blocked else None
    x0, y0, x1, y1 = box
    step = max(x1 - x0, y1 - y0) / n
    xs = np.arange(x0 - step, x1 + 2 * step, step)
    ys = np.arange(y0 - step, y1 + 2 * step, step)
    ok: list[tuple[float, float]] = []
    bad: list[tuple[float, float]] = []
    for y in ys:
        for x in xs:
            inside = fp.contains((float(x), float(y))) and not (bp is not None and bp.contains((float(x), float(y))))
            (ok if inside else bad).append((float(x), float(y)))
    if not ok or not bad:
        return None
    a, b = np.asarray(ok), np.asarray(bad)
    dist = np.sqrt(((a[:, None, :] - b[None, :, :]) ** 2).sum(-1)).min(1)
    # prefer the upper-middle of the subject a little (faces sit high)
    cx = (x0 + x1) / 2
    score = dist - 0.08 * np.abs(a[:, 0] - cx) / max(x1 - x0, 1e-6) * dist.max()
    i = int(np.argmax(score))
    return float(a[i, 0]), float(a[i, 1]), float(dist[i])


def _blush(ctx: Ctx, fill: RGB, line: RGB) -> RGB | None:
    """A pink-ish role colour for cheeks, or None when the scheme has none that reads on the fill."""
    best: tuple[float, RGB] | None = None
    for c in _roles(ctx):
        if c in (fill, line) or contrast_ratio(c, fill) < 1.25:
            continue
        lightness, chroma, hue = oklch(c)
        if chroma < 0.05 or lightness < 0.5:
            continue
        distance = min(abs(hue - 10) % 360, 360 - abs(hue - 10) % 360)
        if distance <= 45 and (best is None or distance < best[0]):
            best = (distance, c)
    return best[1] if best else None


def _kawaii_face(ctx: Ctx, art: _Art, x: float, y: float, r: float, eye: RGB, blush: RGB | None) -> None:
    """Two eyes, a small smile and (if a colour allows) blush, centred on (x, y) within radius r."""
    e = r * 0.16
    dx = r * 0.5
    parts = [circle_d(x - dx, y - r * 0.08, e), circle_d(x + dx, y - r * 0.08, e)]
    # highlights are holes in the eyes
    smile = (f"M{x - r * 0.2:.2f} {y + r * 0.2:.2f}Q{x:.2f} {y + r * 0.48:.2f} {x + r * 0.2:.2f} "
             f"{y + r * 0.2:.2f}")
    parts.append(shapes.stroke_outline(smile, r * 0.09))
    face = shapes.union(parts)
    shine = "".join(circle_d(x + sx * dx + e * 0.35, y - r * 0.08 - e * 0.35, e * 0.33) for sx in (-1, 1))
    face = shapes.difference(face, shine)
    if blush is not None:
        art.add("blush", "".join(_ellipse_d(x + sx * r * 0.78, y + r * 0.22, r * 0.2, r * 0.12) for sx in (-1, 1)),
                blush)
    art.add("face", face, eye)


def _subject_art(ctx: Ctx, art: _Art, inks: _Inks, icon: icons.Icon, second: icons.Icon | None, cx: float,
                 cy: float, size: float, *, fill: RGB | None = None, line: RGB | None = None) -> str:
    """Draw the subject (and a smaller companion) as cartoon art; returns its silhouette."""
    S = ctx.short
    fill = fill or inks.fill
    line = line or inks.line
    stacked = ctx.info.get("sticker_relation") == "in"
    if second is not None and stacked:
        main_c = (cx, cy - size * 0.16)
        size_main = size * 0.72
    elif second is not None:
        main_c = (cx - size * 0.12, cy - size * 0.06)
        size_main = size * 0.86
    else:
        main_c, size_main = (cx, cy), size
    sil, lines, line_art = _cartoon(icon, main_c[0], main_c[1], size_main)
    keyline = S * 0.008
    if line_art:
        art.add("subject-fill", sil, fill)
        art.add("subject-lines", lines, line)
    else:
        art.add("subject-keyline", shapes.offset(sil, keyline), line)
        art.add("subject", lines, fill)
    silhouette = sil if line_art else shapes.offset(sil, keyline)
    if ctx.brief.words & _CUTE and not set(icon.name.split("-")) & _CREATURES:
        free, blocked = (sil, lines) if line_art else (lines, "")
        spot = _free_spot(free, blocked, _bounds(sil))
        if spot is not None and spot[2] >= size_main * 0.1:
            x, y, clear = spot
            _kawaii_face(ctx, art, x, y, min(clear * 0.95, size_main * 0.24), line, _blush(ctx, fill, line))
    if second is not None:
        s2 = size * 0.46
        c2 = (cx + size * 0.34, cy + size * 0.3)
        if stacked:
            # the container sits under the subject and hides its base (a cactus in a pot)
            s2 = size * 0.5
            c2 = (cx, _bounds(sil)[3] + s2 * 0.12)
        sil2, lines2, line_art2 = _cartoon(second, c2[0], c2[1], s2, stroke_scale=1.25)
        shape2 = sil2 if line_art2 else shapes.offset(sil2, keyline)
        art.knock(shape2, S * 0.014)
        if line_art2:
            art.add("companion-fill", sil2, inks.fill2)
            art.add("companion-lines", lines2, line)
        else:
            art.add("companion-keyline", shape2, line)
            art.add("companion", lines2, inks.fill2)
        silhouette = shapes.union([silhouette, shape2])
    return silhouette


def _diecut_sticker(ctx: Ctx, art: _Art, inks: _Inks, icon: icons.Icon | None, second: icons.Icon | None,
                    text: str | None) -> str:
    S, rng = ctx.short, ctx.rng
    cx, cy = ctx.width / 2, ctx.height / 2
    outline_parts: list[str] = []
    assert icon is not None
    if text:
        size = S * 0.5
        sil = _subject_art(ctx, art, inks, icon, second, cx, cy - S * 0.1, size)
        outline_parts.append(sil)
        sb = _bounds(sil)
        top = sb[3] + S * 0.035
        block = _text_box(ctx, art, text, (cx - S * 0.4, top, cx + S * 0.4, top + S * 0.2), inks.text,
                          uppercase=not ctx.brief.has("playful") or len(text) < 12, tracking=20, max_lines=2,
                          max_cap=S * 0.1, min_cap=S * 0.045, name="words")
        # the words sit on their own plate of border colour, joined to the subject's die-cut
        outline_parts.append(shapes.offset(shapes.union([block.d]), S * 0.01))
    else:
        sil = _subject_art(ctx, art, inks, icon, second, cx, cy, S * 0.64)
        outline_parts.append(sil)
    outline = shapes.union(outline_parts)
    cut_line = rng.random() < 0.5
    _finish_sticker(ctx, art, inks, outline, border=S * rng.uniform(0.035, 0.045), tilt=_tilt(ctx),
                    cut_line=cut_line, shadow=not cut_line or rng.random() < 0.5)
    return "diecut" + ("-duo" if second is not None else "") + ("-words" if text else "")


def _circle_sticker(ctx: Ctx, art: _Art, inks: _Inks, icon: icons.Icon | None, second: icons.Icon | None,
                    text: str | None) -> str:
    S, rng = ctx.short, ctx.rng
    s = ctx.scheme
    cx, cy = ctx.width / 2, ctx.height / 2
    r = S * 0.36
    disc_c = _on(ctx, inks.border, [s.primary, s.secondary, s.accent], 1.8)
    art.add("disc", circle_d(cx, cy, r), disc_c)
    on_disc = _on(ctx, disc_c, [s.on_primary, inks.border, s.ink])
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
            _text_box(ctx, art, text, (cx - r * 0.7, cy + S * 0.1, cx + r * 0.7, cy + S * 0.25), on_disc,
                      tracking=40, max_lines=2, max_cap=S * 0.06, min_cap=S * 0.036, name="words")
            sym_cy, size = cy - S * 0.08, S * 0.28
    else:
        sym_cy, size = cy, S * 0.42
    assert icon is not None
    fill = _on(ctx, disc_c, [inks.border, s.on_primary, s.accent], 1.8)
    line = _on(ctx, fill, [inks.line, disc_c, s.ink], 2.0)
    _subject_art(ctx, art, inks, icon, second if not text else None, cx, sym_cy, size, fill=fill, line=line)
    cut_line = rng.random() < 0.4
    _finish_sticker(ctx, art, inks, circle_d(cx, cy, r), border=S * 0.03, tilt=_tilt(ctx) * 0.6,
                    cut_line=cut_line, shadow=True)
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
    plate_c = _on(ctx, inks.border, [s.primary, s.secondary, s.accent], 1.8)
    on_plate = _on(ctx, plate_c, [s.on_primary, inks.border, s.ink])
    art.add("plate", plate, plate_c)
    inner = rect_d(cx - w / 2 + S * 0.025, cy - h / 2 + S * 0.025, w - S * 0.05, h - S * 0.05,
                   max(radius - S * 0.025, S * 0.02))
    if shape != "ticket":
        art.add("plate-line", shapes.difference(inner, _inset(inner, S * 0.006)), on_plate)
    pad = S * (0.09 if shape == "pill" else 0.07)
    x0 = cx - w / 2 + pad
    if icon is not None:
        size = h * 0.58
        fill = _on(ctx, plate_c, [inks.border, s.accent, s.on_primary], 1.8)
        line = _on(ctx, fill, [inks.line, plate_c], 2.0)
        _subject_art(ctx, art, inks, icon, None, x0 + size / 2, cy, size, fill=fill, line=line)
        x0 += size + S * 0.04
    _text_box(ctx, art, text, (x0, cy - h * 0.3, cx + w / 2 - pad, cy + h * 0.3), on_plate, tracking=30,
              max_lines=2, max_cap=h * 0.3, min_cap=S * 0.04, align="center" if icon is None else "left",
              name="words")
    _finish_sticker(ctx, art, inks, plate, border=S * 0.03, tilt=_tilt(ctx) * 0.7, cut_line=rng.random() < 0.4,
                    shadow=True)
    return f"label-{shape}"


def _bubble_sticker(ctx: Ctx, art: _Art, inks: _Inks, text: str) -> str:
    S, rng = ctx.short, ctx.rng
    s = ctx.scheme
    cx, cy = ctx.width / 2, ctx.height / 2
    w, h = S * 0.74, S * 0.46
    top = cy - h / 2 - S * 0.04
    body = rect_d(cx - w / 2, top, w, h, S * 0.12) if rng.random() < 0.6 else _ellipse_d(cx, top + h / 2, w / 2,
                                                                                          h / 2)
    side = rng.choice([-1, 1])
    tail = polygon_d([(cx + side * w * 0.12, top + h - S * 0.02), (cx + side * w * 0.3, top + h - S * 0.02),
                      (cx + side * w * 0.1, top + h + S * 0.13)])
    bubble = shapes.union([body, tail])
    fill = _on(ctx, inks.border, [s.primary, s.accent, s.secondary], 1.8)
    art.add("bubble", bubble, fill)
    on_fill = _on(ctx, fill, [s.on_primary, inks.border, s.ink])
    _text_box(ctx, art, text, (cx - w * 0.36, top + h * 0.2, cx + w * 0.36, top + h * 0.8), on_fill, tracking=20,
              max_lines=3, max_cap=S * 0.11, min_cap=S * 0.045, uppercase=len(text) < 18, name="words")
    _finish_sticker(ctx, art, inks, bubble, border=S * 0.032, tilt=_tilt(ctx), cut_line=rng.random() < 0.5,
                    shadow=True)
    return "bubble"


def _ellipse_d(cx: float, cy: float, rx: float, ry: float) -> str:
    return (f"M{cx - rx:.2f} {cy:.2f}A{rx:.2f} {ry:.2f} 0 1 0 {cx + rx:.2f} {cy:.2f}"
            f"A{rx:.2f} {ry:.2f} 0 1 0 {cx - rx:.2f} {cy:.2f}Z")


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
    extrude = shapes.union([shapes.transform_d(letters, _translate(depth * t / steps, depth * t / steps))
                            for t in range(1, steps + 1)])
    art.add("extrude", extrude, inks.line)
    for d, c in per_line:
        art.add("letters", d, c if contrast_ratio(c, inks.line) >= 1.8 else inks.border)
    # a sparkle or two in the corners
    if rng.random() < 0.6:
        b = _bounds(letters)
        for sx, sy, r in ((b[2] + S * 0.04, b[1] - S * 0.02, S * 0.035), (b[0] - S * 0.035, b[3] + S * 0.01,
                                                                            S * 0.024)):
            art.add("sparkle", polygon_d(star_points(sx, sy, r, r * 0.3, 4, -90)), inks.fill2 if
                    contrast_ratio(inks.fill2, inks.border) >= 1.4 else inks.line)
    outline = shapes.union([letters, extrude] + [it.d for it in art.items if it.name == "sparkle"])
    _finish_sticker(ctx, art, inks, outline, border=S * 0.04, tilt=_tilt(ctx), cut_line=rng.random() < 0.5,
                    shadow=True)
    return "words"
