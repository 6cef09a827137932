"""Sticker art: an icon turned into a cartoon (outline icons become coloured shapes with key lines, filled ones
get a key line around them), a smaller companion beside or under it, and a kawaii face on cute objects."""

from __future__ import annotations

from artboard.colors import RGB, contrast_ratio, oklch
from artboard.composer import icons, shapes
from artboard.composer.context import Ctx
from artboard.composer.recipes.badges.colour import _Inks, _roles
from artboard.composer.recipes.badges.common import Box, _Art, _bounds
from artboard.composer.recipes.badges.geometry import _fill_holes
from artboard.composer.recipes.badges.symbols import _icon_d

# Icons that already have a face: no kawaii face is added to them.
_CREATURES = frozenset(
    {
        "cat",
        "dog",
        "ghost",
        "bear",
        "fox",
        "owl",
        "bird",
        "rabbit",
        "panda",
        "smiley",
        "face",
        "emoji",
        "robot",
        "alien",
        "person",
        "user",
        "baby",
        "monkey",
        "pig",
        "cow",
        "horse",
        "unicorn",
        "frog",
        "fish",
        "penguin",
        "koala",
        "lion",
        "tiger",
        "duck",
        "chick",
        "snail",
        "turtle",
        "bee",
        "bug",
        "butterfly",
        "skull",
        "smile",
        "paw",
        "dinosaur",
        "dragon",
        "snake",
        "mouse",
        "rat",
        "squirrel",
        "deer",
        "elephant",
        "giraffe",
        "sheep",
        "hedgehog",
        "octopus",
        "crab",
        "shark",
        "whale",
        "dolphin",
        "spider",
        "ladybug",
        "chicken",
        "rooster",
        "happy",
        "sad",
        "wink",
        "users",
        "child",
        "man",
        "woman",
        "boy",
        "girl",
        "head",
    }
)
_CUTE = frozenset({"kawaii", "cute", "adorable", "chibi", "cutesy"})


def _cartoon(icon: icons.Icon, cx: float, cy: float, size: float, stroke_scale: float = 1.2) -> tuple[str, str, bool]:
    """Icon as (silhouette, line art, is_line_art): outline icons become coloured shapes with key lines."""
    art = _icon_d(icon, cx, cy, size, stroke_scale=stroke_scale)
    sil = _fill_holes(art)
    outline_like = icon.mode == "stroke" or (icon.set == "ph" and not icon.name.endswith("-fill"))
    return sil, art, outline_like


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


def _kawaii_face(
    ctx: Ctx, art: _Art, x: float, y: float, r: float, eye: RGB, blush: RGB | None, expression: str = "smile"
) -> None:
    """A face in the asked expression (two eyes and a small smile unless told) and, if a colour allows, blush,
    centred on (x, y) within radius r."""
    from artboard.composer.recipes.faces import HEART_RED, kawaii_face_d

    face = kawaii_face_d(x, y, r, expression)
    if blush is not None:
        art.add("blush", face.blush, blush)
    if face.features:
        art.add("face", face.features, eye)
    if face.tears:
        art.add("tears", face.tears, (90, 180, 240))
    if face.hearts:
        art.add("hearts", face.hearts, HEART_RED)


def _subject_art(
    ctx: Ctx,
    art: _Art,
    inks: _Inks,
    icon: icons.Icon,
    second: icons.Icon | None,
    cx: float,
    cy: float,
    size: float,
    *,
    fill: RGB | None = None,
    line: RGB | None = None,
) -> str:
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
