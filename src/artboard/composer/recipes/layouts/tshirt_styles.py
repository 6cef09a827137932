"""T-shirt parts: the copy a tee sets (all of it), what it draws (the things the prompt names, in their relation,
and the setting it names as a backdrop), its few inks, and type helpers that record every string they set.

A tee is a print: a handful of inks on a shirt, no full-bleed background of its own. Settings ("mountains",
"sunset", "city skyline") are drawn here as flat scene shapes; things come from composer/arrange.py.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from artboard.colors import RGB, contrast_ratio
from artboard.composer import colour_words, icons, shapes
from artboard.composer.arrange import Group, Mode, Placed, draw_group, illustration_mode, plan_group
from artboard.composer.canvas import Node, circle_d, polygon_d, rect_d, star_points, wave_d
from artboard.composer.context import Box, Ctx
from artboard.composer.recipes.badges.geometry import _fill_holes
from artboard.composer.recipes.layouts.common import advance_per_px, arc_fit, readable, small, use_family, visible
from artboard.composer.recipes.layouts.copy_text import _proper_names, copy_for, subject_icon
from artboard.composer.recipes.layouts.geometry import arch_d, blob_d, mountains_d, rays_d, sun_stripes_d
from artboard.composer.typeset import TextBlock

Align = Literal["left", "center", "right"]

# -- the copy ----------------------------------------------------------------------------------------------

# What a shirt says beyond its name: "World Tour 2025", "2026 finisher", "Route 66", "26.2", "Lake Tahoe".
_ROLE_RE = re.compile(
    r"\b(?:(?:world|farewell|summer|reunion) tour|tour|finishers?|volunteers?|staff|crew|class of \d{4}|champions?)\b",
    re.I,
)
_CODE_RE = re.compile(r"\b[A-Z][a-z]+ \d{1,4}\b")  # "Route 66", "July 2026"
_DECIMAL_RE = re.compile(r"(?<![\w.$£€])\d+\.\d+(?![\w.%])")  # "26.2", "13.1"
_QUOTED_RE = re.compile(r"[\"“”«»][^\"“”«»]*[\"“”«»]|(?<![A-Za-z])'[^']*'(?![A-Za-z])")
_LEAD_NAME_RE = re.compile(r"\s*([A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,3})\b")


@dataclass(frozen=True)
class TeeCopy:
    headline: str | None
    lines: tuple[str, ...]


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def _blank_quotes(prompt: str) -> str:
    return _QUOTED_RE.sub(lambda m: " " * len(m.group(0)), prompt)


def tee_copy(ctx: Ctx) -> TeeCopy:
    """The headline and every secondary line the prompt gives, each as the user wrote it: copy_for's lines, made
    whole where a date was cut ("July 2026", not "JULY 20"), joined to the words next to them that name what the
    shirt is ("2026 finisher", "World Tour 2025"), and the names and numbers a shirt carries ("Route 66")."""
    copy = copy_for(ctx)
    prompt = ctx.brief.prompt
    plain = _blank_quotes(prompt)
    low = plain.lower()
    headline = copy.headline
    if headline is None:  # "Chicago Marathon 2025 finisher shirt": a name that starts the sentence
        m = _LEAD_NAME_RE.match(plain)
        # (mid-sentence, the same run would be a proper name: no style, media or platform word in it)
        if m and m.group(1) in _proper_names("x " + m.group(1)):
            headline = m.group(1)
    head_words = _words(headline or "")
    at = low.find(headline.lower()) if headline else -1
    taken = (at, at + len(headline or "")) if at >= 0 else (-1, -1)  # where an unquoted headline is
    lines = [ln for ln in copy.lines if not _words(ln) <= head_words]  # "TUESDAY," under "Taco Tuesday"
    spans: list[tuple[int, int, int]] = []  # start, end, index of the line it is (-1: an extra)
    for i, ln in enumerate(lines):
        at = low.find(ln.lower())
        if at >= 0:
            spans.append((at, at + len(ln), i))
    extras: list[tuple[int, int]] = []
    for rx in (_ROLE_RE, _CODE_RE, _DECIMAL_RE):
        extras += [(m.start(), m.end()) for m in rx.finditer(plain)]
    for name in _proper_names(prompt):
        extras += [(m.start(), m.end()) for m in re.finditer(re.escape(name), plain)]
    spans += [(a, b, -1) for a, b in extras if b <= taken[0] or a >= taken[1]]
    spans.sort()
    merged: list[list[int]] = []  # start, end, then the line indices inside (-1 for extras)
    for a, b, i in spans:
        if merged and a <= merged[-1][1] + 1 and not plain[merged[-1][1] : a].strip():
            merged[-1][1] = max(merged[-1][1], b)
            merged[-1].append(i)
        else:
            merged.append([a, b, i])
    out: list[str] = list(lines)
    drop: set[int] = set()
    added: list[str] = []
    for a, b, *members in merged:
        if -1 not in members:
            continue
        text = " ".join(plain[a:b].split())
        own = [i for i in members if i >= 0]
        if own:
            out[own[0]] = text.upper() if lines[own[0]].isupper() else text
            drop.update(own[1:])
        else:
            added.append(text)
    result = [ln for i, ln in enumerate(out) if i not in drop]
    for text in added:
        covered = head_words.union(*(_words(ln) for ln in result))
        if not _words(text) <= covered:
            result.append(text)
    return TeeCopy(headline, tuple(dict.fromkeys(result)))


# -- the subject -------------------------------------------------------------------------------------------

# Words that say what kind of shirt it is, or who it is for, never what is on it.
_TEE_NOUNS = frozenset(
    "pocket chest statement finisher finishers varsity college route design graphic print slogan quote front back "
    "shirt tee tshirt merch apparel text words lettering programmer programmers".split()
)
# The theme of the shirt: drawn only when nothing else is named ("band merch tee, skull with roses": the skull).
_SOFT_NOUNS = frozenset("band club team crew marathon race reunion family tour world party festival event".split())
_SCENES: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("sunset", "sunset", frozenset("sunset sunsets sunrise dusk sundown".split())),
    ("stars", "stars", frozenset("space galaxy cosmos cosmic stars starry universe".split())),
    ("mountains", "mountain", frozenset("mountain mountains peak peaks alps hike hiking hiker trail summit".split())),
    ("skyline", "city skyline", frozenset("skyline city cityscape downtown skyscraper skyscrapers".split())),
    ("desert", "desert", frozenset("desert dune dunes".split())),
    ("pines", "pine tree", frozenset("forest woods pine pines woodland evergreen".split())),
    ("shore", "lake", frozenset("lake lakes lakeside".split())),
    ("waves", "wave", frozenset("wave waves ocean sea surf surfing surfer beach tide lake lakes".split())),
)


@dataclass(frozen=True)
class Subject:
    group: Group  # the named things in their relation
    scene: tuple[str, ...]  # settings drawn as a backdrop ("mountains", "sunset" …)
    icon: icons.Icon | None = None  # a glyph for the theme when nothing is named

    @property
    def empty(self) -> bool:
        return not self.group.placed and not self.scene and self.icon is None


_PART_WORDS = frozenset("face head portrait silhouette profile".split())


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


_EYEWEAR = frozenset("sunglasses glasses goggles spectacles shades monocle".split())
_HEADS = frozenset("skull face head smiley emoji moon sun avocado egg".split())


def _on_the_eyes(group: Group) -> Group:
    """"A skull wearing sunglasses": the glasses sit on the eyes, not on top of the head like a hat."""
    if group.relation != "wearing" or len(group.placed) != 2:
        return group
    worn = next((p for p in group.placed if p.concept.split()[-1] in _EYEWEAR), None)
    wearer = next((p for p in group.placed if p is not worn), None)
    if worn is None or wearer is None:
        return group
    names = set(wearer.concept.split()) | set(wearer.icon.name.split("-"))
    if not names & _HEADS:
        return group
    moved = dataclasses.replace(worn, x=wearer.x, y=wearer.y - wearer.size * 0.02, size=wearer.size * 0.74,
                                front=True)
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
        draw_group(ctx, parent, placed_alone(p), (cx - size / 2, cy - size / 2, cx + size / 2, cy + size / 2),
                   color)
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
    far, mid, near = (c if contrast_ratio(c, behind) >= 1.4 else readable(ctx, behind, *inks, ratio=1.4)
                      for c in inks)
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
            [pine_d(x0 + w * f, horizon + h * 0.1, h * s) for f, s in ((0.14, 0.46), (0.27, 0.32), (0.86, 0.4))])
        layers += [(shapes.offset(trees, pad), behind), (trees, near if "mountains" not in kinds else far)]
    if "waves" in kinds:
        bands = []
        for i in range(3):
            y = horizon + h * (0.08 + 0.09 * i)
            amp = h * 0.018
            bands.append(shapes.difference(
                wave_d(x0 - w * 0.1, x1 + w * 0.1, y, amp, 5, y + h * 0.06),
                wave_d(x0 - w * 0.1, x1 + w * 0.1, y + h * 0.03, amp, 5, y + h * 0.1),
            ))
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
            towers.append(polygon_d([(x + bw * 0.4, base - ht), (x + bw * 0.5, base - ht - w * 0.05),
                                     (x + bw * 0.6, base - ht)]))
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


# -- type that records what it sets ------------------------------------------------------------------------


def record_text(ctx: Ctx, text: str) -> None:
    ctx.info.setdefault("set_texts", []).append(text)


def put_text(ctx: Ctx, parent: Node, text: str, box: Box, color: RGB, **kw: Any) -> TextBlock:
    """ctx.text that records the string in info["set_texts"]."""
    record_text(ctx, text)
    return ctx.text(parent, text, box, color, **kw)


def put_arc(ctx: Ctx, parent: Node, text: str, cx: float, cy: float, radius: float, size: float, color: RGB,
            **kw: Any) -> TextBlock:
    """arc_fit (text on an arc, shrunk to its sweep) that records the string in info["set_texts"]."""
    record_text(ctx, text)
    return arc_fit(ctx, parent, text, cx, cy, radius, size, color, **kw)


def put_lines(
    ctx: Ctx,
    parent: Node,
    lines: Sequence[str],
    x0: float,
    y: float,
    x1: float,
    size: float,
    color: RGB,
    *,
    align: Align = "center",
    tracking: float = 160.0,
    weight: int = 700,
) -> float:
    """Every secondary line, one under another from `y`, in tracked caps; returns the y under the last."""
    for line in lines:
        record_text(ctx, line)
        blk = small(ctx, parent, line, (x0, y, x1, y + size), color, align=align, tracking=tracking, weight=weight,
                    lines=2 if len(line) > 34 else 1)
        y = max(blk.bbox[3], y + size * 0.7) + size * 0.45
    return y


def scratch() -> Node:
    """A node outside the canvas, for type that is reshaped (offset, distressed) before it is drawn."""
    return Node("g")


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
            parts.append(polygon_d([(x - dx - nx, y - dy - ny), (x + dx - nx, y + dy - ny),
                                    (x + dx + nx, y + dy + ny), (x - dx + nx, y - dy + ny)]))
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


# -- compositions: a full-front illustration, a sticker cluster, a statement, a left-chest print -------------


def illustration_tee(ctx: Ctx, copy: TeeCopy, inks: Inks) -> str:
    """The named things drawn large (flat colour art, or line art when asked) over a disc, a sunburst, a blob or
    a flat drop shadow, or in their scene; the headline over or under them, every line under it all."""
    mode = illustration_mode(ctx)
    subject = tee_subject(ctx, mode)
    rng = ctx.rng
    x0, y0, x1, y1 = column(ctx)
    w = x1 - x0
    texty = bool(copy.headline or copy.lines)
    side = min(w, (y1 - y0) * (0.6 if texty else 0.92))
    cx = (x0 + x1) / 2
    art = ctx.canvas.group("tshirt")
    back, front = art.group("graphic"), art.group("type")
    content: Box = (cx - side / 2, y0, cx + side / 2, y0)
    y = y0
    if copy.headline and len(copy.headline) <= 18 and rng.random() < 0.35:  # the name over the picture
        blk = put_text(ctx, front, copy.headline, (x0, y, x1, y + w * 0.16), inks.ink, uppercase=True,
                       max_lines=1, line_height=1.0, valign="top", name="headline")
        content = union_box(content, blk.bbox)
        y = blk.bbox[3] + w * 0.05
        headline = None
    else:
        headline = copy.headline
    ay, cy = y, y + side / 2
    frame = (cx - side / 2, ay, cx + side / 2, ay + side)
    disc = circle_d(cx, cy, side / 2)
    inner = (cx - side * 0.42, ay + side * 0.08, cx + side * 0.42, ay + side * 0.92)
    line = side * 0.014 if mode == "stroke" else 0.0
    colour_art = mode == "color"
    ring = shapes.difference(disc, circle_d(cx, cy, side / 2 - max(line, side * 0.012)))
    if subject.scene:
        open_scene = line > 0 or set(subject.scene) <= {"waves", "stars", "shore"}
        window = disc if open_scene or rng.random() < 0.6 else arch_d(cx - side * 0.4, ay + side, side * 0.8, side)
        if set(subject.scene) <= {"waves", "shore"} and not subject.group.placed:  # water alone: a band
            draw_scene(ctx, back, subject.scene, (cx - side / 2, ay - side * 0.5, cx + side / 2, ay + side * 0.3),
                       (inks.acc, inks.hi, inks.hi), inks.ground, line=line)
            side = side * 0.3
            name = "waves"
        elif open_scene:  # a frame around the scene on the shirt itself
            back.path(ring, inks.ink if line else inks.acc)
            draw_subject(ctx, back, subject, frame, inks.ink, behind=inks.ground,
                         scene_inks=(inks.acc, inks.ink, inks.hi), clip=disc, line=line)
            name = "ring"
        else:
            back.path(window, inks.hi)
            scene_inks = (inks.acc, inks.ink, inks.on_hi) if inks.acc != inks.hi else (inks.on_hi, inks.ink,
                                                                                      inks.on_hi)
            draw_subject(ctx, back, subject, frame, inks.ink if colour_art else inks.on_hi, behind=inks.hi,
                         scene_inks=scene_inks, clip=window)
            name = "scene"
    else:
        options = ("ring", "bare") if line else ("disc", "burst", "shadow", "blob")
        name = rng.choice(options)
        ink = inks.ink if line else inks.hi
        behind = inks.ground
        if name == "disc":
            back.path(disc, inks.acc if colour_art else inks.hi)
            ink, behind = inks.on_hi, inks.acc if colour_art else inks.hi
        elif name == "ring":
            back.path(ring, inks.acc)
        elif name == "burst":
            back.path(rays_d(cx, cy, side * 0.41, side * 0.5, 36, 4.0), inks.acc)
            inner = (cx - side * 0.35, ay + side * 0.15, cx + side * 0.35, ay + side * 0.85)
        elif name == "blob":
            back.path(blob_d(ctx, cx, cy, side * 0.48, side * 0.44, 8, 0.12), inks.acc)
            if not colour_art:
                ink, behind = readable(ctx, inks.acc, inks.ink, inks.hi, ratio=2.5), inks.acc
        if name == "shadow" and subject.group.placed:
            edge = group_silhouette(subject.group, inner)
            if edge:
                off = side * 0.035
                back.path(shapes.transform_d(edge, (1, 0, 0, 1, off, off)), inks.acc)
                if not line:
                    back.path(shapes.offset(edge, side * 0.012), inks.ground)
        draw_subject(ctx, back, subject, inner, ink, behind=behind)
    content = union_box(content, (cx - side / 2, ay, cx + side / 2, ay + side))
    y = ay + side + w * 0.05
    if headline:
        long = len(headline) > 28
        blk = put_text(ctx, front, headline, (x0, y, x1, y + w * (0.22 if long else 0.17)), inks.ink,
                       uppercase=True, max_lines=3 if long else 2, line_height=1.0, valign="top", name="headline")
        content = union_box(content, blk.bbox)
        y = blk.bbox[3] + w * 0.035
    if copy.lines:
        y = put_lines(ctx, front, copy.lines, x0, y, x1, w * 0.044, inks.line)
        content = union_box(content, (x0, y0, x1, y))
    settle(art, content, print_area(ctx))
    return "tshirt-illustration" + ("-line" if mode == "stroke" else "")


def cluster_tee(ctx: Ctx, copy: TeeCopy, inks: Inks) -> str:
    """A playful die-cut sticker of the named things (white border, a hairline around it) with sparkles, and the
    headline as chunky outlined letters."""
    if not ctx.brief.has("hand_drawn", "elegant"):
        use_family(ctx, ("fredoka", "righteous", "unbounded"))
    mode = illustration_mode(ctx)
    subject = tee_subject(ctx, mode)
    x0, y0, x1, y1 = column(ctx)
    w = x1 - x0
    cx = (x0 + x1) / 2
    side = min(w * 0.82, (y1 - y0) * (0.58 if copy.headline or copy.lines else 0.86))
    art = ctx.canvas.group("tshirt")
    tilt = ctx.rng.uniform(-8, 8)
    sticker = art.group("sticker", transform=f"rotate({tilt:.1f} {cx:.1f} {y0 + side / 2:.1f})")
    front = art.group("type")
    box = (cx - side / 2, y0, cx + side / 2, y0 + side)
    group = subject.group
    if not group.placed and subject.icon is not None:
        group = Group((Placed(subject.icon.name.replace("-", " "), subject.icon, 0.5, 0.5, 0.9),), None)
    # the sticker's white border: the shirt itself in a one-ink print, the lightest colour of a user palette
    paper: RGB = (255, 255, 255)
    if inks.one:
        paper = inks.ground
    elif ctx.scheme.constrained:
        paper = max(ctx.scheme.colors(), key=lambda c: sum(c))
    disc = ""
    if subject.scene:  # the setting in a disc the things stand out of: one die-cut of both
        r, dcy = side * 0.4, y0 + side * 0.58
        disc = circle_d(cx, dcy, r)
        box = (cx - side * 0.36, y0 + side * 0.02, cx + side * 0.36, y0 + side * 0.74)
    things = group_silhouette(group, box) if group.placed else ""
    edge = shapes.union([d for d in (disc, things) if d])
    if edge:
        t = side * 0.045
        sticker.path(shapes.offset(edge, t + side * 0.012), inks.ink)
        sticker.path(shapes.offset(edge, t), paper)
    if disc:
        sticker.path(disc, inks.hi)
        far = visible(ctx, inks.hi, inks.acc, inks.on_hi, ratio=1.5)
        mid = readable(ctx, inks.hi, inks.ink, inks.on_hi, ratio=1.8)
        draw_scene(ctx, sticker, subject.scene, (cx - r, dcy - r, cx + r, dcy + r), (far, mid, inks.on_hi), inks.hi,
                   clip=disc)
        if things:
            sticker.path(shapes.offset(things, side * 0.015), paper)
    glyph_ink = inks.hi if contrast_ratio(inks.hi, paper) >= 2.0 else inks.ink
    if group.placed:
        draw_things(ctx, sticker, group, box, glyph_ink, behind=paper)
    # sparkles around the sticker
    rng = ctx.rng
    sparks = []
    for k in range(6):
        a = math.radians(-150 + 60 * k + rng.uniform(-18, 18))
        rr = side * rng.uniform(0.5, 0.58)
        sx, sy = cx + rr * math.cos(a), y0 + side / 2 + rr * math.sin(a) * 0.92
        r = side * rng.uniform(0.025, 0.045)
        sparks.append(polygon_d(star_points(sx, sy, r, r * 0.3, 4)) if k % 2 == 0 else circle_d(sx, sy, r * 0.4))
    art.group("sparkles").path("".join(sparks), inks.acc)
    content: Box = (cx - side * 0.6, y0 - side * 0.06, cx + side * 0.6, y0 + side * 1.04)
    y = y0 + side * 1.08
    if copy.headline:
        scrap = scratch()
        record_text(ctx, copy.headline)
        long = len(copy.headline) > 28
        blk = ctx.text(scrap, copy.headline, (x0, y, x1, y + w * (0.21 if long else 0.16)), inks.hi,
                       max_lines=3 if long else 2, line_height=1.0, valign="top", name="headline")
        if inks.hi != inks.ink:
            front.path(shapes.offset(blk.d, blk.font_size * 0.07), inks.ink)
        front.group("headline").path(blk.d, inks.hi)
        content = union_box(content, blk.bbox)
        y = blk.bbox[3] + w * 0.04
    if copy.lines:
        y = put_lines(ctx, front, copy.lines, x0, y, x1, w * 0.04, inks.ink, tracking=120)
        content = union_box(content, (x0, y0, x1, y))
    settle(art, content, print_area(ctx))
    return "tshirt-cluster"


_SMALL_WORDS = frozenset("a an the to of and & for in on at is my your our it be with or but".split())


def _statement_rows(text: str, width_chars: int = 8) -> list[tuple[str, bool]]:
    """The phrase as stacked rows: (row, small) where small rows are the connecting words set in script
    between the big ones ("BE KIND" / to your / "MIND")."""
    words = text.split()
    bare = [w.lower().strip(",.!?;:'\"") for w in words]
    segments: list[tuple[list[str], bool]] = []
    cur: list[str] = []
    k = 0
    while k < len(words):
        if bare[k] in _SMALL_WORDS and cur:
            j = k
            while j < len(words) and bare[j] in _SMALL_WORDS:
                j += 1
            if j < len(words) and j - k <= 3:
                segments += [(cur, False), (words[k:j], True)]
                cur, k = [], j
                continue
        cur.append(words[k])
        k += 1
    if cur:
        segments.append((cur, False))
    rows: list[tuple[str, bool]] = []
    for seg, is_small in segments:
        joined = " ".join(seg)
        if is_small:
            rows.append((joined, True))
            continue
        n = min(len(seg), max(1, round(len(joined) / width_chars)))
        if len(seg) == 2 and min(len(w_) for w_ in seg) >= 3 and len(joined) <= 14:
            n = 2  # "DOG" / "DAD", "STAY" / "WILD"
        per = len(joined) / n
        row: list[str] = []
        for word in seg:
            if row and len(" ".join([*row, word])) > per * 1.25 and len(" ".join(row)) > 2:
                rows.append((" ".join(row), False))
                row = []
            row.append(word)
        if row:
            rows.append((" ".join(row), False))
    return rows


def statement_tee(ctx: Ctx, copy: TeeCopy, inks: Inks) -> str:
    """The phrase is the design: rows of condensed capitals each filling the width, connecting words in script
    between them, one row in the second ink, a rule and every secondary line under it."""
    text = copy.headline or ""
    playful = ctx.brief.has("playful", "hand_drawn") or "funny" in ctx.brief.words
    if not ctx.brief.has("elegant", "hand_drawn"):
        use_family(ctx, ("fredoka", "archivo-black") if playful else ("anton", "bebas-neue", "archivo-black"))
    use_family(ctx, ("pacifico",) if playful or ctx.rng.random() < 0.5 else ("caveat", "pacifico"), "script")
    x0, y0, x1, _ = column(ctx, 0.82)
    w = x1 - x0
    art = ctx.canvas.group("tshirt")
    front = art.group("type")
    rows = _statement_rows(text)
    big = [r for r, s in rows if not s]
    accent_row = max(range(len(big)), key=lambda i: (len(big[i]) <= 12, -abs(len(big[i]) - 7), i)) if big else -1
    y = y0
    n_big = 0
    content: Box | None = None
    for row, is_small in rows:
        record_text(ctx, row)
        if is_small:
            size = w * 0.11
            blk = ctx.text(front, row, (x0 + w * 0.16, y, x1 - w * 0.16, y + size * 1.6), inks.acc,
                           purpose="script", max_lines=1, max_size=size, valign="top", name="headline")
            for side in (-1, 1):  # a short rule each side of the script
                length = w * 0.09
                xr = blk.bbox[0] - w * 0.03 - length if side < 0 else blk.bbox[2] + w * 0.03
                front.rect(xr, (blk.bbox[1] + blk.bbox[3]) / 2, length, w * 0.008, inks.acc)
        else:
            adv = advance_per_px(ctx, row, tracking=10.0, upper=True)
            size = min(w / max(adv, 1e-6) * 0.99, w * 0.36)
            color = inks.hi if n_big == accent_row and len(big) > 1 else inks.ink
            blk = ctx.text(front, row, (x0, y, x1, y + size * 1.6), color, uppercase=True, tracking=10.0,
                           max_lines=1, max_size=size, line_height=1.0, valign="top", name="headline")
            n_big += 1
        content = blk.bbox if content is None else union_box(content, blk.bbox)
        y = blk.bbox[3] + w * 0.035
    if content is None:
        content = (x0, y0, x1, y0 + 1)
    if copy.lines:
        front.rect(x0 + w * 0.3, y + w * 0.01, w * 0.4, w * 0.01, inks.hi)
        bottom = put_lines(ctx, front, copy.lines, x0, y + w * 0.05, x1, w * 0.042, inks.ink, tracking=200)
        content = union_box(content, (x0, y0, x1, bottom))
    settle(art, content, print_area(ctx))
    return "tshirt-statement"


def pocket_tee(ctx: Ctx, copy: TeeCopy, inks: Inks) -> str:
    """A small left-chest print (the wearer's left: right of centre on the flat shirt): the subject in one ink,
    the name beside or under it, every line under that."""
    if not ctx.brief.has("elegant", "hand_drawn", "playful", "vintage", "retro"):
        use_family(ctx, ("montserrat", "dm-sans", "space-grotesk"))
    subject = tee_subject(ctx, "stroke" if ctx.brief.has("line") else None)
    W, H = ctx.width, ctx.height
    short = ctx.short
    pw = short * 0.36
    cx = W / 2 + min(W, H * 0.9) * 0.2
    line = pw * 0.02 if ctx.brief.has("line") else 0.0
    top = ctx.margin + (H - 2 * ctx.margin) * 0.12
    art = ctx.canvas.group("tshirt")
    back, front = art.group("graphic"), art.group("type")
    side_by_side = bool(copy.headline) and not subject.empty and ctx.rng.random() < 0.5
    x0, x1 = cx - pw / 2, cx + pw / 2
    y = top
    if side_by_side:
        a = pw * 0.36
        draw_subject(ctx, back, subject, (x0, y, x0 + a, y + a), inks.hi, behind=inks.ground,
                     scene_inks=(inks.acc, inks.hi, inks.ink), clip=circle_d(x0 + a / 2, y + a / 2, a / 2))
        blk = put_text(ctx, front, copy.headline or "", (x0 + a * 1.15, y, x1 + pw * 0.2, y + a), inks.ink,
                       uppercase=True, max_lines=2, align="left", line_height=1.0, name="headline",
                       min_size=short * 0.022)
        y = max(y + a, blk.bbox[3]) + pw * 0.06
    else:
        if not subject.empty:
            a = pw * 0.78
            scene_clip = circle_d(cx, y + a / 2, a / 2) if subject.scene else None
            if scene_clip:
                back.path(shapes.difference(scene_clip, circle_d(cx, y + a / 2, a / 2 - max(line, pw * 0.015))),
                          inks.ink)
            draw_subject(ctx, back, subject, (cx - a / 2, y, cx + a / 2, y + a), inks.hi, behind=inks.ground,
                         scene_inks=(inks.acc, inks.hi, inks.ink), clip=scene_clip, line=line)
            y += a + pw * 0.07
        if copy.headline:
            blk = put_text(ctx, front, copy.headline, (x0 - pw * 0.1, y, x1 + pw * 0.1, y + pw * 0.2), inks.ink,
                           uppercase=True, max_lines=2, valign="top", line_height=1.0, name="headline",
                           min_size=short * 0.022)
            y = blk.bbox[3] + pw * 0.06
    if copy.lines:
        y = put_lines(ctx, front, copy.lines, x0 - pw * 0.15, y, x1 + pw * 0.15, short * 0.024, inks.ink,
                      tracking=180, weight=600)
    return "tshirt-pocket"
