"""Things crossed or gathered. Crossed: "a wrench crossed with a bicycle wheel", "crossed swords behind a
shield", "a hammer and a wrench crossed". Two long things lie across each other in an X, their upper ends kept
as the glyph drew them (a sword's blade, a wrench's jaws); a round thing crossed by a long one lies behind it;
a third thing named with them stands in front where the two cross. Said of one plural thing ("crossed oars"),
the pair is two of it, mirrored. Gathered: "a bouquet of tulips", "a bunch of balloons" — three of the thing
fanned out from one point below, the middle one upright.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import pathops

from artboard.composer import icons, shapes
from artboard.composer.noun_icons import Mode, resolve_in
from artboard.composer.placement import Group, Placed

if TYPE_CHECKING:
    from artboard.composer.brief import Brief
    from artboard.composer.reading_model import Thing

_GATHERED = re.compile(r"^(?:bouquet|bunch|bundle|posy|spray)s? of (?P<what>.+)$")
CROSSED = re.compile(r"\b(?:criss-?)?cross(?:ed|ing)\b|\bx-crossed\b", re.I)
_CLAUSE_END = re.compile(r"[,;:.!?]")
_LONG = 1.45  # how much longer than wide a glyph must be to lie across another
_GAP = 0.035  # the gap cut round the front thing where it crosses the back one, of the drawing's side


def crossed_group(brief: Brief, things: Sequence[Thing], mode: Mode) -> Group | None:
    """The crossed arrangement the prompt asks for, or None where it asks for none (or draws only one thing)."""
    m = CROSSED.search(brief.prompt)
    if m is None:
        return None
    start = max((e.end() for e in _CLAUSE_END.finditer(brief.prompt, 0, m.start())), default=0)
    after = _CLAUSE_END.search(brief.prompt, m.end())
    end = after.start() if after else len(brief.prompt)
    near = sorted((t for t in things if t.start >= start and t.end <= end and t.start >= 0), key=lambda t: t.start)
    if not near:
        return None
    following = next((t for t in near if t.end > m.end()), None)  # ("crossed swords": the span says both)
    plural = following is not None and _plural(brief, following)
    pair: list[Thing]
    if plural and following is not None:
        pair = [following, following]
    elif len(near) >= 2:
        pair = near[:2]
    else:
        return None
    front = next((t for t in near if t not in pair), None)
    hits = [_part_or_whole(t.noun, mode) for t in pair]
    if hits[0] is None or hits[1] is None:
        return None
    (ia, ca), (ib, cb) = hits[0], hits[1]
    placed: list[Placed] = []
    long_a, long_b = _elongation(ia) >= _LONG, _elongation(ib) >= _LONG
    if long_a and long_b:
        placed = [
            Placed(ca, _laid(ia, 45.0), 0.5, 0.5, 1.0),
            Placed(cb, _laid(ib, -45.0), 0.5, 0.5, 1.0, front=True),
        ]
    elif long_a or long_b:
        (rc, ri), (lc, li) = ((cb, ib), (ca, ia)) if long_a else ((ca, ia), (cb, ib))
        placed = [Placed(rc, ri, 0.5, 0.5, 0.78), Placed(lc, _laid(li, 45.0), 0.5, 0.5, 1.0, front=True)]
    else:
        return None  # two round things do not cross: the usual arrangement draws them
    if mode != "color":
        placed[0] = dataclasses.replace(placed[0], icon=_cut(placed[0], placed[1]))  # one glyph over the other
    if front is not None:
        hit = resolve_in(front.noun, mode)
        if hit is not None and hit[0].key not in (ia.key, ib.key):  # (a puck the hockey sticks' picture has)
            placed = [dataclasses.replace(p, size=p.size * 0.96, front=False) for p in placed]
            placed.append(Placed(hit[1], hit[0], 0.5, 0.52, 0.56, front=True))
    return Group(tuple(placed), "crossed")


def gathered_group(things: Sequence[Thing], mode: Mode) -> Group | None:
    """ "a bouquet of tulips": three tulips fanned from one point, where the thing has a picture of its own."""
    m = _GATHERED.match(things[0].noun) if things else None
    if m is None:
        return None
    what = icons.lemma(m.group("what").split()[-1])
    hit = resolve_in(" ".join([*m.group("what").split()[:-1], what]), mode)
    if hit is None or _elongation(hit[0]) < 1.2:
        return None  # a round thing in a bunch (grapes) is its own picture
    icon, concept = hit
    return Group(
        (
            Placed(concept, _laid(icon, -22.0), 0.37, 0.52, 0.8),
            Placed(concept, _laid(icon, 22.0), 0.63, 0.52, 0.8),
            Placed(concept, icon, 0.5, 0.45, 0.84, front=True),
        ),
        "gathered",
    )


def _part_or_whole(noun: str, mode: Mode) -> tuple[icons.Icon, str] | None:
    """ "a bicycle wheel": the wheel itself where a glyph draws it (crossed, a part lies across a tool)."""
    from artboard.composer.lexicon import PART_WORDS

    words = noun.split()
    if len(words) > 1 and words[-1] in PART_WORDS:
        hit = resolve_in(words[-1], mode)
        if hit is not None and hit[1] == words[-1]:
            return hit[0], noun
    return resolve_in(noun, mode)


def _cut(back: Placed, front: Placed) -> icons.Icon:
    """The back glyph with a gap cut round the front one where they cross, so the two read as one over the
    other in a single ink; both are centred, so the front maps into the back's units by scale alone."""
    from artboard.composer.recipes.graphics.cast_words import icon_union

    bx, by, bside, _ = back.icon.viewbox
    fx, fy, fside, _ = front.icon.viewbox
    k = (front.size / fside) * (bside / back.size)
    bcx, bcy, fcx, fcy = bx + bside / 2, by + bside / 2, fx + fside / 2, fy + fside / 2
    try:
        front_d = shapes.transform_d(icon_union(front.icon), (k, 0, 0, k, bcx - fcx * k, bcy - fcy * k))
        gap = _GAP * bside / back.size
        kept = shapes.difference(icon_union(back.icon), shapes.offset(front_d, gap))
    except (pathops.PathOpsError, ValueError):
        return back.icon
    if not kept:
        return back.icon
    return dataclasses.replace(back.icon, paths=(kept,), mode="fill", stroke_width=0.0, fill_rule="nonzero")


def _plural(brief: Brief, thing: Thing) -> bool:
    said = brief.prompt[thing.start : thing.end].strip().lower()
    return thing.count >= 2 or (said.endswith("s") and not thing.noun.endswith("s"))


@functools.lru_cache(maxsize=512)
def _axis(icon: icons.Icon) -> tuple[float, float, float, float]:
    """The glyph's long axis: its angle (degrees, y down, pointing to the end the glyph draws higher), how much
    longer than wide it is, and the centre of its paint (x, y)."""
    from artboard.composer.recipes.graphics.cast_words import icon_union

    d = icon_union(icon)
    pts: list[tuple[float, float]] = []
    if d:
        for contour in shapes.to_path(d).contours:
            for _verb, seg in contour.segments:
                pts.extend((float(x), float(y)) for x, y in seg)
    if len(pts) < 3:
        return -90.0, 1.0, icon.viewbox[0] + icon.viewbox[2] / 2, icon.viewbox[1] + icon.viewbox[3] / 2
    mx = sum(p[0] for p in pts) / len(pts)
    my = sum(p[1] for p in pts) / len(pts)
    sxx = sum((p[0] - mx) ** 2 for p in pts) / len(pts)
    syy = sum((p[1] - my) ** 2 for p in pts) / len(pts)
    sxy = sum((p[0] - mx) * (p[1] - my) for p in pts) / len(pts)
    theta = 0.5 * math.atan2(2 * sxy, sxx - syy)
    ux, uy = math.cos(theta), math.sin(theta)
    if uy > 0 or (abs(uy) < 1e-6 and ux < 0):
        ux, uy = -ux, -uy  # the end drawn higher is the upper end
    along = [(p[0] - mx) * ux + (p[1] - my) * uy for p in pts]
    across = [-(p[0] - mx) * uy + (p[1] - my) * ux for p in pts]
    ratio = (max(along) - min(along)) / max(1e-6, max(across) - min(across))
    return math.degrees(math.atan2(uy, ux)), ratio, mx, my


def _elongation(icon: icons.Icon) -> float:
    return _axis(icon)[1]


def _laid(icon: icons.Icon, lean: float) -> icons.Icon:
    """The glyph turned so its long axis leans `lean` degrees from upright (45: up to the right), in a square
    viewbox round its turned paint."""
    angle, _ratio, mx, my = _axis(icon)
    target = -90.0 + lean
    turn = math.radians(target - angle)
    c, s = math.cos(turn), math.sin(turn)
    matrix = (c, s, -s, c, mx - c * mx + s * my, my - s * mx - c * my)
    paths = tuple(shapes.transform_d(p, matrix) for p in icon.paths)
    turned = dataclasses.replace(icon, paths=paths)
    try:
        x0, y0, x1, y1 = shapes.bounds(shapes.union(list(icons.icon_as_fill_paths(turned))))
    except (pathops.PathOpsError, ValueError):
        return turned
    side = max(x1 - x0, y1 - y0) * 1.04
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return dataclasses.replace(turned, viewbox=(cx - side / 2, cy - side / 2, side, side))
