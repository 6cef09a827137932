"""T-shirt parts: what a tee draws (the things the prompt names, in their relation, and the setting it names as a
backdrop), its few inks, and the layout helpers its compositions share; the copy is in tshirt_copy.

A tee is a print: a handful of inks on a shirt, no full-bleed background of its own. Settings ("mountains",
"sunset", "city skyline") are drawn here as flat scene shapes; things come from composer/arrange.py.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from artboard.colors import RGB, contrast_ratio
from artboard.composer import colour_words, icons, shapes, words
from artboard.composer.arrange import Group, Placed, draw_face, draw_group, plan_group
from artboard.composer.canvas import Node, circle_d, polygon_d, rect_d, star_points, wave_d
from artboard.composer.context import Box, Ctx
from artboard.composer.noun_icons import Mode
from artboard.composer.recipes.badges.geometry import _fill_holes
from artboard.composer.recipes.layouts.common import readable, use_family, visible
from artboard.composer.recipes.layouts.copy_text import subject_icon
from artboard.composer.recipes.layouts.geometry import mountains_d, sun_stripes_d
from artboard.composer.recipes.layouts.tshirt_copy import _words, tee_copy
from artboard.composer.words import file

# -- the subject -------------------------------------------------------------------------------------------

# The shirt's words are data: data/words/tshirt.toml [subject] and [[scene]].
_WORDS = file("tshirt")
# Words that say what kind of shirt it is, or who it is for, never what is on it.
_TEE_NOUNS = _WORDS.word_set("subject.tee_nouns")
# The theme of the shirt: drawn only when nothing else is named ("band merch tee, skull with roses": the skull).
_SOFT_NOUNS = _WORDS.word_set("subject.soft_nouns")
# Settings drawn as a backdrop: (scene kind, the thing it draws as, the words that name it), in drawing order.
_SCENES: tuple[tuple[str, str, frozenset[str]], ...] = tuple(
    (
        _WORDS.text(f"scene[{i}].kind", scene.get("kind")),
        _WORDS.text(f"scene[{i}].draws", scene.get("draws")),
        frozenset(_WORDS.text(f"scene[{i}].words", scene.get("words")).split()),
    )
    for i, scene in enumerate(_WORDS.tables("scene"))
)


@dataclass(frozen=True)
class Subject:
    group: Group  # the named things in their relation
    scene: tuple[str, ...]  # settings drawn as a backdrop ("mountains", "sunset" …)
    icon: icons.Icon | None = None  # a glyph for the theme when nothing is named

    @property
    def empty(self) -> bool:
        return not self.group.placed and not self.scene and self.icon is None


_PART_WORDS = _WORDS.word_set("subject.part_words")


def _colour_pictures() -> dict[str, str]:
    return dict(words.load("art").get("colour", {}))


def _focused(ctx: Ctx) -> Ctx:
    """The context with the shirt's own words taken out of the subjects (a pocket, a finisher, the band, what the
    copy lines already say) and part words off the things ("a golden retriever face": the retriever)."""
    b = ctx.brief
    prompt = b.prompt.lower()

    def soft(subject: str) -> bool:
        audience = re.search(rf"\bfor\s+(?:an?\s+|the\s+|our\s+)?{re.escape(subject)}\b", prompt)
        return subject.split()[-1] in _SOFT_NOUNS or audience is not None

    def whole(noun: str) -> str:
        words = noun.split()
        if noun in _colour_pictures():
            return noun  # "a tiger head": the colour set's own face picture of it
        return " ".join(words[:-1]) if len(words) > 1 and words[-1] in _PART_WORDS else noun

    said = set().union(*(_words(ln) for ln in tee_copy(ctx).lines))  # "world tour 2026" is set, not drawn
    kept = [s for s in b.subjects if not set(s.split()) & _TEE_NOUNS and not set(s.split()) <= said]
    strong = [s for s in kept if not soft(s)]
    subjects = tuple(whole(s) for s in (strong or kept))
    things = tuple(dataclasses.replace(t, noun=whole(t.noun)) if whole(t.noun) != t.noun else t for t in b.things)
    if subjects == b.subjects and things == b.things:
        return ctx
    return dataclasses.replace(ctx, brief=dataclasses.replace(b, subjects=subjects, things=things))


def scene_kinds(ctx: Ctx, group: Group | None = None) -> tuple[str, ...]:
    """The settings the prompt names that no drawn thing already shows."""
    drawn = {w for p in (group.placed if group else ()) for w in p.concept.split()}
    words = ctx.brief.words
    return tuple(kind for kind, _, triggers in _SCENES if words & triggers and not drawn & triggers)


_EYEWEAR = _WORDS.word_set("subject.eyewear")
_HEADS = _WORDS.word_set("subject.heads")


def _on_the_eyes(group: Group) -> Group:
    """ "A skull wearing sunglasses": the glasses sit on the eyes, not on top of the head like a hat."""
    if group.relation != "wearing" or len(group.placed) != 2:
        return group
    worn = next((p for p in group.placed if p.concept.split()[-1] in _EYEWEAR), None)
    wearer = next((p for p in group.placed if p is not worn), None)
    if worn is None or wearer is None:
        return group
    names = set(wearer.concept.split()) | set(wearer.icon.name.split("-"))
    if not names & _HEADS:
        return group
    moved = dataclasses.replace(worn, x=wearer.x, y=wearer.y - wearer.size * 0.02, size=wearer.size * 0.74, front=True)
    return Group((dataclasses.replace(wearer, front=False), moved), group.relation, group.left_out)


def tee_subject(ctx: Ctx, mode: Mode, *, fallback: bool = True) -> Subject:
    """What the shirt draws: the named things (arranged), the named settings, else the theme's glyph."""
    focused = _focused(ctx)
    group = _on_the_eyes(plan_group(focused, mode))
    scene = scene_kinds(ctx, group)
    icon = None
    if fallback and not group.placed and not scene:
        icon = subject_icon(focused)
    return Subject(group, scene, icon)


def has_subject(ctx: Ctx) -> bool:
    return bool(plan_group(_focused(ctx), None).placed or scene_kinds(ctx))


def group_silhouette(group: Group, box: Box) -> str:
    """The outline of everything `draw_group` draws into `box`, holes filled."""
    x0, y0, x1, y1 = box
    side = min(x1 - x0, y1 - y0)
    ox, oy = x0 + (x1 - x0 - side) / 2, y0 + (y1 - y0 - side) / 2
    return shapes.union(icon_silhouette(p.icon, ox + p.x * side, oy + p.y * side, p.size * side) for p in group.placed)


def icon_silhouette(icon: icons.Icon, cx: float, cy: float, size: float) -> str:
    vx, vy, vw, vh = icon.viewbox
    scale = size / max(vw, vh)
    tx, ty = cx - (vx + vw / 2) * scale, cy - (vy + vh / 2) * scale
    try:
        paths = icons.icon_as_fill_paths(icon)
    except Exception:  # an icon pathops cannot outline: no silhouette, nothing is knocked out
        return ""
    return _fill_holes(shapes.union(shapes.transform_d(d, (scale, 0, 0, scale, tx, ty)) for d in paths))


def draw_things(ctx: Ctx, parent: Node, group: Group, box: Box, ink: RGB, *, behind: RGB) -> None:
    """draw_group, one thing at a time, so each thing in front gets a solid knockout of `behind` under it (its
    holes filled: the lenses of sunglasses hide the skull's eyes behind them)."""
    x0, y0, x1, y1 = box
    side = min(x1 - x0, y1 - y0)
    ox, oy = x0 + (x1 - x0 - side) / 2, y0 + (y1 - y0 - side) / 2
    colour_art = any(p.icon.mode == "color" for p in group.placed)
    for p in group.placed:
        cx, cy, size = ox + p.x * side, oy + p.y * side, p.size * side
        if p.front and len(group.placed) > 1:
            edge = icon_silhouette(p.icon, cx, cy, size)
            if edge:
                parent.path(shapes.offset(edge, side * 0.02), behind)
        color = ink
        if colour_art and p.icon.mode != "color":
            color = colour_words.natural_colour(p.concept.split()[-1]) or ctx.scheme.primary
        draw_group(ctx, parent, placed_alone(p), (cx - size / 2, cy - size / 2, cx + size / 2, cy + size / 2), color)
    # "a cactus playing guitar": the character's face, on it (drawn one by one, the group's face is not)
    draw_face(ctx, parent, group, box)
    if group.left_out:
        ctx.info.setdefault("left_out", []).extend(group.left_out)


def record_drawn(ctx: Ctx, concept: str, key: str) -> None:
    ctx.info.setdefault("drawn", []).append({"concept": concept, "icon": key})


def draw_subject(
    ctx: Ctx,
    parent: Node,
    subject: Subject,
    box: Box,
    ink: RGB,
    *,
    behind: RGB,
    scene_inks: tuple[RGB, RGB, RGB] | None = None,
    clip: str | None = None,
    line: float = 0.0,
) -> None:
    """The scene (clipped to `clip`), then the things standing in front of it, each parted from the scene by a
    halo of `behind`; or the theme's glyph alone."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    gbox = box
    if subject.scene:
        draw_scene(ctx, parent, subject.scene, box, scene_inks or (ink, ink, ink), behind, clip, line=line)
        gbox = (x0 + w * 0.2, y0 + h * 0.22, x1 - w * 0.2, y1 - h * 0.1)
    if subject.group.placed:
        if subject.scene:
            edge = group_silhouette(subject.group, gbox)
            if edge:
                parent.path(shapes.offset(edge, min(w, h) * 0.02), behind)
        draw_things(ctx, parent, subject.group, gbox, ink, behind=behind)
    elif subject.icon is not None and not subject.scene:
        size = min(w, h) * 0.9
        ctx.draw_icon(parent, subject.icon, (x0 + x1) / 2, (y0 + y1) / 2, size, ink)
        record_drawn(ctx, subject.icon.name.replace("-", " "), subject.icon.key)


# -- scenes ------------------------------------------------------------------------------------------------


def draw_scene(
    ctx: Ctx,
    parent: Node,
    kinds: Sequence[str],
    box: Box,
    inks: tuple[RGB, RGB, RGB],
    behind: RGB,
    clip: str | None = None,
    *,
    line: float = 0.0,
) -> None:
    """Flat settings in `box`: a striped sun, stars, mountain ranges, a skyline, dunes, pines, waves; `inks` are
    (far, middle, near). With `line` (a stroke width) everything is drawn as outlines, hidden lines removed.
    Each kind drawn is recorded in info["drawn"]."""
    far, mid, near = (c if contrast_ratio(c, behind) >= 1.4 else readable(ctx, behind, *inks, ratio=1.4) for c in inks)
    rng = ctx.rng
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    cx = (x0 + x1) / 2
    horizon = y0 + h * 0.68
    layers: list[tuple[str, RGB]] = []  # back to front
    pad = min(w, h) * 0.014  # foreground shapes are parted from what is behind them by a rim of `behind`

    sky = rect_d(x0 - w, y0 - h, w * 3, horizon - y0 + h)
    if "sunset" in kinds:  # the sun in the lighter of the far and near inks
        sun = max((far, near, ctx.scheme.ground), key=lambda c: (contrast_ratio(c, behind) >= 1.4, sum(c)))
        layers.append((shapes.intersect(sun_stripes_d(cx, horizon, w * 0.3), sky), sun))
    if "stars" in kinds:
        stars = []
        for _ in range(16):
            sx, sy = rng.uniform(x0 + w * 0.06, x1 - w * 0.06), rng.uniform(y0 + h * 0.06, horizon - h * 0.12)
            r = w * rng.uniform(0.008, 0.022)
            stars.append(polygon_d(star_points(sx, sy, r, r * 0.42, 4 if rng.random() < 0.6 else 5)))
        layers.append(("".join(stars), far))
    if "mountains" in kinds:
        back_range = far if "sunset" not in kinds else near
        for (base, top, peaks), color in (((0.04, 0.16, 2), back_range), ((0.1, 0.4, 3), mid)):
            body, caps = mountains_d(ctx, x0 - w * 0.05, x1 + w * 0.05, horizon + h * base, y0 + h * top, peaks)
            layers.append((body, color))
            if not line:
                layers.append((caps, readable(ctx, color, behind, near, ratio=1.5)))
    if "skyline" in kinds:
        city = skyline_d(ctx, x0 + w * 0.04, x1 - w * 0.04, horizon + h * 0.04, y0 + h * 0.22)
        layers += [(shapes.offset(_fill_holes(city), pad), behind), (city, mid)]
    if "shore" in kinds and "mountains" not in kinds:  # a lake's far shore: low rolling hills
        layers.append((wave_d(x0 - w * 0.1, x1 + w * 0.1, horizon - h * 0.05, h * 0.035, 2, horizon + h * 0.03), mid))
    if "desert" in kinds:
        layers.append((wave_d(x0 - w * 0.1, x1 + w * 0.1, horizon - h * 0.02, h * 0.04, 2, y1 + h), mid))
    if "pines" in kinds:
        trees = shapes.union(
            [pine_d(x0 + w * f, horizon + h * 0.1, h * s) for f, s in ((0.14, 0.46), (0.27, 0.32), (0.86, 0.4))]
        )
        layers += [(shapes.offset(trees, pad), behind), (trees, near if "mountains" not in kinds else far)]
    if "waves" in kinds:
        bands = []
        for i in range(3):
            y = horizon + h * (0.08 + 0.09 * i)
            amp = h * 0.018
            bands.append(
                shapes.difference(
                    wave_d(x0 - w * 0.1, x1 + w * 0.1, y, amp, 5, y + h * 0.06),
                    wave_d(x0 - w * 0.1, x1 + w * 0.1, y + h * 0.03, amp, 5, y + h * 0.1),
                )
            )
        layers.append((shapes.union(bands), near))
    layer = parent.group("scene")
    if line > 0:  # outlines, front to back, each hidden behind what is in front of it
        drawn: list[tuple[str, RGB]] = []
        occluder = ""
        for d, color in reversed(layers):
            if not d or color == behind:
                continue
            if clip:
                d = shapes.intersect(d, clip)
            seen = shapes.difference(d, occluder) if occluder else d
            occluder = shapes.union([occluder, d]) if occluder else d
            if seen:
                if contrast_ratio(color, behind) < 1.5:  # a shape in the ground colour is outlined in ink
                    color = mid
                drawn.append((shapes.stroke_outline(seen, line), color))
        for d, color in reversed(drawn):
            layer.path(d, color)
    else:
        for d, color in layers:
            if d and clip:
                d = shapes.intersect(d, clip)
            if d:
                layer.path(d, color)
    for kind, concept, _ in _SCENES:
        if kind in kinds:
            record_drawn(ctx, concept, f"scene:{kind}")


def skyline_d(ctx: Ctx, x0: float, x1: float, base: float, top: float) -> str:
    """A city skyline: towers of seeded heights with a few rows of windows knocked out."""
    rng = ctx.rng
    w = x1 - x0
    x = x0
    towers, windows = [], []
    while x < x1 - w * 0.02:
        bw = w * rng.uniform(0.07, 0.13)
        bw = min(bw, x1 - x)
        ht = (base - top) * rng.uniform(0.35, 1.0)
        towers.append(rect_d(x, base - ht, bw, ht))
        if rng.random() < 0.3:  # a spire
            towers.append(
                polygon_d([(x + bw * 0.4, base - ht), (x + bw * 0.5, base - ht - w * 0.05), (x + bw * 0.6, base - ht)])
            )
        step = w * 0.035
        wy = base - ht + step * 0.8
        while wy < base - step:
            windows.append(rect_d(x + bw * 0.25, wy, bw * 0.18, step * 0.4))
            windows.append(rect_d(x + bw * 0.57, wy, bw * 0.18, step * 0.4))
            wy += step
        x += bw + w * 0.008
    return shapes.difference(shapes.union(towers), shapes.union(windows))


def pine_d(cx: float, base: float, height: float) -> str:
    """A pine tree: three stacked triangles on a short trunk."""
    parts = [rect_d(cx - height * 0.03, base - height * 0.12, height * 0.06, height * 0.12)]
    for i in range(3):
        top = base - height * (1.0 - 0.24 * i)
        bottom = base - height * (0.1 + 0.26 * (2 - i) * 0.5)
        half = height * (0.16 + 0.07 * i)
        parts.append(polygon_d([(cx, top), (cx + half, bottom), (cx - half, bottom)]))
    return shapes.union(parts)


# -- inks --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Inks:
    ground: RGB  # the shirt (or the transparent print's stand-in)
    ink: RGB  # type and line work
    hi: RGB  # the big shapes and the second line of type
    acc: RGB  # small accents
    on_hi: RGB  # what reads on a shape filled with `hi`
    line: RGB  # small secondary lines: `hi` where it reads as small text, else `ink`
    one: bool = False  # a one-ink print: everything else is the shirt showing through


def tee_inks(ctx: Ctx) -> Inks:
    """Two to four inks from the scheme: one colour when the brief says so, two for two-colour prints."""
    s, b = ctx.scheme, ctx.brief
    gnd = s.ground
    ink = readable(ctx, gnd)
    hi = readable(ctx, gnd, s.primary, s.secondary, s.accent, ratio=2.2)  # shapes and big display type
    acc = visible(ctx, gnd, s.accent, s.secondary, s.primary, ratio=1.8)
    one = b.has("single_color") or "monochrome" in b.moods
    if one:
        hi = acc = ink
    elif b.has("two_color"):
        acc = hi
    on_hi = gnd if one else readable(ctx, hi, s.on_primary, gnd, ratio=3.0)  # one ink: shapes knock out to the shirt
    if contrast_ratio(on_hi, hi) < 2.0:
        on_hi = gnd
    return Inks(gnd, ink, hi, acc, on_hi, hi if contrast_ratio(hi, gnd) >= 4.5 else ink, one)


def speckle_d(ctx: Ctx, box: Box, count: int) -> str:
    """Worn-print specks and scratches for a distressed finish, seeded."""
    rng = ctx.rng
    x0, y0, x1, y1 = box
    unit = min(x1 - x0, y1 - y0)
    parts = []
    for _ in range(count):
        x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
        if rng.random() < 0.94:
            parts.append(circle_d(x, y, unit * rng.uniform(0.001, 0.0035)))
        else:  # a short scuff, never long enough to cut a letter in two
            a = rng.uniform(-0.5, 0.5)
            length, t = unit * rng.uniform(0.012, 0.03), unit * 0.0016
            dx, dy = math.cos(a) * length / 2, math.sin(a) * length / 2
            nx, ny = -math.sin(a) * t, math.cos(a) * t
            parts.append(
                polygon_d(
                    [
                        (x - dx - nx, y - dy - ny),
                        (x + dx - nx, y + dy - ny),
                        (x + dx + nx, y + dy + ny),
                        (x - dx + nx, y - dy + ny),
                    ]
                )
            )
    return "".join(parts)


def placed_alone(p: Placed) -> Group:
    """One thing of a group as a group of its own, filling its box."""
    return Group((dataclasses.replace(p, x=0.5, y=0.5, size=1.0, front=False),), None)


# -- layout ------------------------------------------------------------------------------------------------


def column(ctx: Ctx, ratio: float = 0.9) -> Box:
    """The print area: the canvas inside its margin, at most `ratio` as wide as it is tall."""
    W, H, m = ctx.width, ctx.height, ctx.margin
    h = H - 2 * m
    w = min(W - 2 * m, h * ratio)
    return (W - w) / 2, m, (W + w) / 2, H - m


def print_area(ctx: Ctx) -> Box:
    """The whole canvas inside its margin."""
    m = ctx.margin
    return m, m, ctx.width - m, ctx.height - m


def settle(art: Node, content: Box, area: Box) -> None:
    """Centre what was laid out (`content`) in `area`, shrunk about its centre when it does not fit."""
    cx0, cy0, cx1, cy1 = content
    ax0, ay0, ax1, ay1 = area
    k = min(1.0, (ax1 - ax0) / max(cx1 - cx0, 1.0), (ay1 - ay0) / max(cy1 - cy0, 1.0))
    tx = (ax0 + ax1) / 2 - k * (cx0 + cx1) / 2
    ty = (ay0 + ay1) / 2 - k * (cy0 + cy1) / 2
    art.attrs["transform"] = f"translate({tx:.2f} {ty:.2f})" + (f" scale({k:.4f})" if k < 0.999 else "")


def union_box(a: Box, b: Box) -> Box:
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])


# -- shared by the compositions ----------------------------------------------------------------------------


def faces(ctx: Ctx, *options: str) -> None:
    """Steer the display face unless the brief's own style (elegant, hand-drawn) must choose it."""
    if not ctx.brief.has("elegant", "hand_drawn"):
        use_family(ctx, options)


@dataclass(frozen=True)
class Sheet:
    """What every one-ink print starts from: its subject, its print column and the graphic and type layers."""

    subject: Subject
    x0: float
    y0: float
    x1: float
    art: Node
    back: Node
    front: Node

    @property
    def w(self) -> float:
        return self.x1 - self.x0

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2


def sheet(ctx: Ctx, ratio: float, *families: str) -> Sheet:
    """Steer the face, find the subject in one ink, and lay out the print column and its two layers."""
    faces(ctx, *families)
    subject = mono_subject(ctx)
    x0, y0, x1, _ = column(ctx, ratio)
    art = ctx.canvas.group("tshirt")
    return Sheet(subject, x0, y0, x1, art, art.group("graphic"), art.group("type"))


def mono_subject(ctx: Ctx) -> Subject:
    """The subject in one ink (line art when asked): for prints on a disc, a sun or between type."""
    return tee_subject(ctx, "stroke" if ctx.brief.has("line") else None)


def disc(ctx: Ctx, parent: Node, subject: Subject, cx: float, cy: float, r: float, inks: Inks) -> None:
    """The badge's disc: filled with the second ink, the subject's scene clipped to it, the things in front."""
    clip = circle_d(cx, cy, r)
    parent.path(clip, inks.hi)
    far = visible(ctx, inks.hi, inks.acc, inks.on_hi, ratio=1.5)
    mid = readable(ctx, inks.hi, inks.ink, inks.on_hi, ratio=1.8)
    draw_subject(
        ctx,
        parent,
        subject,
        (cx - r * 0.95, cy - r * 0.92, cx + r * 0.95, cy + r * 0.98),
        inks.on_hi,
        behind=inks.hi,
        scene_inks=(far, mid, inks.on_hi),
        clip=clip,
    )


def star_d(cx: float, cy: float, r: float) -> str:
    return polygon_d(star_points(cx, cy, r, r * 0.42))
