"""Emoji faces drawn from parts: a shaded disc, eyes, brows, a mouth and extras (tears, hearts, glasses) chosen by
the expression the prompt names ("laughing", "heart eyes", "winking", "cool", "crying"…)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from artboard.colors import RGB, from_oklch, oklch
from artboard.composer import shapes
from artboard.composer.canvas import Node, circle_d, num, polygon_d, star_points
from artboard.composer.context import Ctx
from artboard.composer.icons import Icon

# Expression → the words that ask for it, most specific first ("tears of joy" before "crying").
EXPRESSIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "joy",
        (
            "tears of joy",
            "crying with laughter",
            "crying laughing",
            "laughing crying",
            "laughing with tears",
            "laughing face with tears",
            "laughing so hard",
            "lol",
            "rofl",
            "lmao",
        ),
    ),
    ("love", ("heart eyes", "heart-eyes", "in love", "loving", "love")),
    ("stars", ("star eyes", "star-struck", "starstruck", "amazed", "excited")),
    ("cool", ("sunglasses", "cool", "chill")),
    ("wink", ("wink", "winking", "flirty", "cheeky")),
    ("kiss", ("kiss", "kissing", "blowing a kiss")),
    ("laugh", ("laughing", "laugh", "grinning", "grin", "big smile", "happy", "joyful", "haha")),
    ("cry", ("crying", "cry", "tears", "sobbing", "sad", "unhappy", "upset")),
    ("angry", ("angry", "mad", "furious", "rage", "annoyed", "grumpy", "cranky", "frowning", "grouchy", "sulky")),
    ("surprised", ("surprised", "shocked", "astonished", "wow", "omg", "scared")),
    ("sleepy", ("sleepy", "sleeping", "tired", "asleep", "zzz", "bored")),
    ("thinking", ("thinking", "hmm", "skeptical", "suspicious", "unsure")),
    ("neutral", ("neutral", "meh", "expressionless", "straight face")),
    ("smile", ("smiling", "smile", "smiley", "slightly smiling")),
)
HEART_RED: RGB = (232, 45, 78)
# A face is drawn when the prompt names an expression and no other thing, or says "face" / "smiley".
FACE_WORDS = frozenset({"face", "smiley", "smilies", "emoticon", "expression"})


def expression_for(prompt: str) -> str | None:
    """The expression the prompt names, if any."""
    lower = prompt.lower()
    for name, words in EXPRESSIONS:
        if any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", lower) for w in words):
            return name
    return None


def expression_words() -> frozenset[str]:
    """Every word that names an expression (so "crying face" leaves no thing to draw but a face)."""
    return frozenset(w for _name, phrases in EXPRESSIONS for p in phrases for w in p.split()) | FACE_WORDS


@dataclass
class _Ink:
    skin: RGB
    rim: RGB
    feature: RGB
    mouth: RGB
    tongue: RGB
    tear: RGB
    heart: RGB
    glint: RGB


def _inks(ctx: Ctx, expression: str) -> _Ink:
    s = ctx.scheme
    if s.constrained:  # a user palette: every part in its colours
        return _Ink(s.primary, s.secondary, s.ink, s.ink, s.accent, s.accent, s.accent, s.surface)
    skin = from_oklch(0.86, 0.16, 88) if expression != "angry" else from_oklch(0.68, 0.17, 35)
    lightness, chroma, hue = oklch(skin)
    return _Ink(
        skin=skin,
        rim=from_oklch(lightness - 0.1, chroma, hue - 12),
        feature=from_oklch(0.3, 0.05, 50),
        mouth=from_oklch(0.3, 0.07, 30),
        tongue=from_oklch(0.66, 0.17, 15),
        tear=from_oklch(0.78, 0.1, 235),
        heart=from_oklch(0.6, 0.22, 25),
        glint=from_oklch(0.97, 0.02, 90),
    )


def _heart_d(cx: float, cy: float, size: float) -> str:
    """A heart `size` wide, centred at (cx, cy)."""
    r = size * 0.27
    left = circle_d(cx - r * 0.85, cy - r * 0.35, r)
    right = circle_d(cx + r * 0.85, cy - r * 0.35, r)
    tip = polygon_d([(cx - size * 0.49, cy - r * 0.1), (cx + size * 0.49, cy - r * 0.1), (cx, cy + size * 0.48)])
    return shapes.union([left, right, tip])


def _arc_d(cx: float, cy: float, rx: float, ry: float, up: bool) -> str:
    """An open curve (smile when not `up`, happy closed eye when `up`) to be stroked."""
    sweep = -ry if up else ry
    return f"M{num(cx - rx)} {num(cy)}Q{num(cx)} {num(cy + sweep * 2)} {num(cx + rx)} {num(cy)}"


def _stroke(node: Node, d: str, color: RGB, width: float) -> None:
    node.path(shapes.stroke_outline(d, width), color)


# Animals an emoji face can become by its ears (and a muzzle): pointed, round or long ears.
EARS: dict[str, str] = {
    "cat": "pointed",
    "cats": "pointed",
    "kitten": "pointed",
    "kitty": "pointed",
    "fox": "pointed",
    "tiger": "round",
    "bear": "round",
    "panda": "round",
    "mouse": "round",
    "koala": "round",
    "monkey": "round",
    "dog": "long",
    "puppy": "long",
    "bunny": "long",
    "rabbit": "long",
    "dogs": "long",
}


def _ears(face: Node, cx: float, cy: float, r: float, kind: str, outer: RGB, inner: RGB) -> None:
    for sign in (-1, 1):
        if kind == "pointed":
            base = [(cx + sign * r * 0.92, cy - r * 0.28), (cx + sign * r * 0.25, cy - r * 0.9)]
            tip = (cx + sign * r * 0.8, cy - r * 1.18)
            face.path(polygon_d([base[0], tip, base[1]]), outer)
            face.path(
                polygon_d(
                    [
                        (cx + sign * r * 0.8, cy - r * 0.45),
                        (cx + sign * r * 0.76, cy - r * 0.98),
                        (cx + sign * r * 0.4, cy - r * 0.82),
                    ]
                ),
                inner,
            )
        elif kind == "round":
            face.path(circle_d(cx + sign * r * 0.72, cy - r * 0.74, r * 0.32), outer)
            face.path(circle_d(cx + sign * r * 0.72, cy - r * 0.74, r * 0.17), inner)
        else:  # long, floppy: hanging down the sides
            ear = (
                f"M{num(cx + sign * r * 0.55)} {num(cy - r * 0.85)}Q{num(cx + sign * r * 1.25)} {num(cy - r * 0.8)} "
                f"{num(cx + sign * r * 1.08)} {num(cy + r * 0.15)}Q{num(cx + sign * r * 0.95)} {num(cy + r * 0.38)} "
                f"{num(cx + sign * r * 0.78)} {num(cy + r * 0.1)}Z"
            )
            face.path(ear, outer)


def draw_face(ctx: Ctx, art: Node, cx: float, cy: float, r: float, expression: str, animal: str | None = None) -> None:
    """An emoji face of radius r centred at (cx, cy) wearing `expression`; with `animal` (a key of EARS), that
    animal's ears and a nose."""
    ink = _inks(ctx, expression)
    face = art.group("face")
    kind = EARS.get(animal or "")
    if kind and kind != "long":
        _ears(face, cx, cy, r, kind, ink.rim, ink.tongue)
    face.path(circle_d(cx, cy, r), ink.rim)
    face.path(circle_d(cx - r * 0.04, cy - r * 0.05, r * 0.93), ink.skin)  # the lit side, a rim below-right
    lw = r * 0.075
    ex, ey, er = r * 0.36, cy - r * 0.18, r * 0.12
    left, right = cx - ex, cx + ex
    feats = face.group("features")

    # Eyes.
    if expression in ("laugh", "joy"):
        for x in (left, right):
            _stroke(feats, _arc_d(x, ey + er * 0.4, er * 1.2, er * 0.8, up=True), ink.feature, lw)
    elif expression == "love":
        for x in (left, right):
            feats.path(_heart_d(x, ey, er * 3.0), ink.heart)
    elif expression == "stars":
        for x in (left, right):
            feats.polygon(star_points(x, ey, er * 1.7, er * 0.75), ink.heart)
    elif expression == "cool":
        band = f"M{num(cx - r * 0.82)} {num(ey - er * 0.6)}L{num(cx + r * 0.82)} {num(ey - er * 0.6)}"
        _stroke(feats, band, ink.feature, lw * 0.9)
        for x in (left, right):
            lens = (
                f"M{num(x - er * 2.1)} {num(ey - er * 0.9)}H{num(x + er * 2.1)}"
                f"Q{num(x + er * 2.0)} {num(ey + er * 1.9)} {num(x)} {num(ey + er * 1.6)}"
                f"Q{num(x - er * 2.0)} {num(ey + er * 1.9)} {num(x - er * 2.1)} {num(ey - er * 0.9)}Z"
            )
            feats.path(lens, ink.feature)
            feats.path(circle_d(x - er * 0.9, ey - er * 0.1, er * 0.35), ink.glint)
    elif expression == "wink" or expression == "kiss":
        feats.path(circle_d(left, ey, er), ink.feature)
        _stroke(feats, _arc_d(right, ey + er * 0.3, er * 1.2, er * 0.7, up=True), ink.feature, lw)
    elif expression == "sleepy":
        for x in (left, right):
            _stroke(feats, _arc_d(x, ey, er * 1.2, er * 0.6, up=False), ink.feature, lw)
    elif expression == "surprised":
        for x in (left, right):
            feats.path(circle_d(x, ey - er * 0.3, er * 1.25), ink.feature)
            feats.path(circle_d(x - er * 0.35, ey - er * 0.7, er * 0.38), ink.glint)
    else:
        for x in (left, right):
            feats.path(circle_d(x, ey, er), ink.feature)
            feats.path(circle_d(x - er * 0.35, ey - er * 0.4, er * 0.3), ink.glint)

    # Brows.
    if expression == "angry":
        for x, sign in ((left, 1), (right, -1)):
            _stroke(
                feats,
                f"M{num(x - er * 1.6 * sign)} {num(ey - er * 2.4)}L{num(x + er * 1.4 * sign)} {num(ey - er * 1.3)}",
                ink.feature,
                lw,
            )
    elif expression == "thinking":
        _stroke(feats, _arc_d(right, ey - er * 2.3, er * 1.4, er * 0.5, up=True), ink.feature, lw * 0.9)
        _stroke(
            feats,
            f"M{num(left - er * 1.3)} {num(ey - er * 1.9)}L{num(left + er * 1.3)} {num(ey - er * 1.9)}",
            ink.feature,
            lw * 0.9,
        )
    elif expression in ("cry", "surprised"):
        for x, sign in ((left, -1), (right, 1)):
            _stroke(
                feats,
                f"M{num(x - er * 1.3 * sign)} {num(ey - er * 2.1)}Q{num(x)} {num(ey - er * 2.9)} "
                f"{num(x + er * 1.3 * sign)} {num(ey - er * 2.5)}",
                ink.feature,
                lw * 0.8,
            )

    # Mouth.
    my = cy + r * 0.3
    if expression in ("laugh", "joy", "stars", "love"):
        w, dh = r * (0.5 if expression != "love" else 0.42), r * (0.42 if expression != "love" else 0.3)
        mouth = (
            f"M{num(cx - w)} {num(my - dh * 0.3)}H{num(cx + w)}Q{num(cx + w)} {num(my + dh)} {num(cx)} "
            f"{num(my + dh)}Q{num(cx - w)} {num(my + dh)} {num(cx - w)} {num(my - dh * 0.3)}Z"
        )
        feats.path(mouth, ink.mouth)
        tongue = shapes.intersect(circle_d(cx, my + dh * 1.05, w * 0.55), mouth)
        feats.path(tongue, ink.tongue)
        feats.path(
            shapes.intersect(f"M{num(cx - w)} {num(my - dh * 0.3)}H{num(cx + w)}V{num(my)}H{num(cx - w)}Z", mouth),
            ink.glint,
        )  # the teeth
    elif expression == "cry":
        _stroke(feats, _arc_d(cx, my + r * 0.12, r * 0.3, r * 0.1, up=True), ink.feature, lw)
    elif expression == "angry":
        _stroke(feats, _arc_d(cx, my + r * 0.1, r * 0.28, r * 0.09, up=True), ink.feature, lw)
    elif expression == "surprised":
        feats.path(circle_d(cx, my + r * 0.08, r * 0.15), ink.mouth)
    elif expression == "kiss":
        pucker = (
            f"M{num(cx - r * 0.05)} {num(my - r * 0.12)}Q{num(cx + r * 0.14)} {num(my - r * 0.06)} "
            f"{num(cx)} {num(my)}Q{num(cx + r * 0.14)} {num(my + r * 0.06)} {num(cx - r * 0.05)} "
            f"{num(my + r * 0.12)}"
        )
        _stroke(feats, pucker, ink.feature, lw * 0.9)
        face.path(_heart_d(cx + r * 0.62, my - r * 0.05, r * 0.3), ink.heart)
    elif expression in ("neutral", "sleepy", "thinking"):
        tilt = r * 0.05 if expression == "thinking" else 0.0
        _stroke(feats, f"M{num(cx - r * 0.24)} {num(my + tilt)}L{num(cx + r * 0.24)} {num(my - tilt)}", ink.feature, lw)
    elif expression == "cool":
        _stroke(
            feats,
            f"M{num(cx - r * 0.25)} {num(my + r * 0.02)}Q{num(cx + r * 0.05)} {num(my + r * 0.14)} "
            f"{num(cx + r * 0.3)} {num(my - r * 0.06)}",
            ink.feature,
            lw,
        )
    else:  # smile, wink
        _stroke(feats, _arc_d(cx, my - r * 0.02, r * 0.36, r * 0.14, up=False), ink.feature, lw)

    if kind == "long":
        _ears(face, cx, cy, r, kind, ink.rim, ink.tongue)
    if kind:
        nose_y = cy + r * 0.1
        face.path(
            polygon_d(
                [(cx - r * 0.09, nose_y - r * 0.04), (cx + r * 0.09, nose_y - r * 0.04), (cx, nose_y + r * 0.06)]
            ),
            ink.feature,
        )
        if kind == "pointed":
            for sign in (-1, 1):
                for k in (-1, 1):
                    whisker = (
                        f"M{num(cx + sign * r * 0.42)} {num(nose_y + k * r * 0.05)}"
                        f"L{num(cx + sign * r * 0.8)} {num(nose_y + k * r * 0.1)}"
                    )
                    _stroke(face, whisker, ink.feature, lw * 0.45)
    # Extras.
    if expression in ("joy", "cry"):
        for x, sign in ((left, -1), (right, 1)):
            tx = x + sign * er * (1.6 if expression == "joy" else 0.2)
            ty = ey + er * (1.0 if expression == "joy" else 1.8)
            drop = (
                f"M{num(tx)} {num(ty - er * 1.2)}Q{num(tx + er * 1.3)} {num(ty + er * 0.6)} {num(tx)} "
                f"{num(ty + er * 1.1)}Q{num(tx - er * 1.3)} {num(ty + er * 0.6)} {num(tx)} {num(ty - er * 1.2)}Z"
            )
            face.path(drop, ink.tear)
    if expression == "sleepy":
        for k, (dx, dy, z) in enumerate(((0.7, -0.75, 0.2), (0.95, -1.0, 0.15))):
            zx, zy, zs = cx + r * dx, cy + r * dy, r * z
            _stroke(
                art,
                f"M{num(zx)} {num(zy)}H{num(zx + zs)}L{num(zx)} {num(zy + zs)}H{num(zx + zs)}",
                ink.feature,
                lw * (0.8 - 0.15 * k),
            )
    if expression in ("love", "laugh", "joy", "kiss") and not ctx.scheme.constrained:
        for x in (cx - r * 0.62, cx + r * 0.62)[: 1 if expression == "kiss" else 2]:  # blush (the kiss: a heart)
            face.path(circle_d(x, my - r * 0.08, r * 0.11), from_oklch(0.78, 0.1, 30))


@dataclass(frozen=True)
class KawaiiFace:
    """A face put on a thing, as path data: the features in one dark ink, the cheeks' blush, tears (blue) and
    hearts or stars for eyes (red); empty strings where the expression has none."""

    features: str
    blush: str
    tears: str = ""
    hearts: str = ""


def kawaii_face_d(x: float, y: float, r: float, expression: str = "smile") -> KawaiiFace:
    """The features of a face put on a thing, centred on (x, y) within radius r: eyes with a highlight cut out
    and a small smile; a sad or angry thing frowns (and cries), a laughing one squints, a sleepy one's eyes are
    closed, a surprised one's mouth is round, a loving one has hearts for eyes, a winking one shuts one eye."""
    from artboard.composer.recipes.badges.geometry import _ellipse_d

    e, dx, ey = r * 0.16, r * 0.5, y - r * 0.08
    line = r * 0.08

    def arc(cx: float, up: bool) -> str:  # a shut eye: an arc up (a squint) or down (asleep)
        lift, y0 = (-e * 1.6, ey + e * 0.4) if up else (e * 1.2, ey - e * 0.3)
        return shapes.stroke_outline(f"M{num(cx - e)} {num(y0)}q{num(e)} {num(lift)} {num(e * 2)} 0", line)

    hearts = ""
    if expression in ("laugh", "joy"):
        parts = [arc(x + sx * dx, True) for sx in (-1, 1)]
    elif expression == "sleepy":
        parts = [arc(x + sx * dx, False) for sx in (-1, 1)]
    elif expression == "wink":
        parts = [circle_d(x - dx, ey, e), arc(x + dx, True)]
    elif expression in ("love", "stars"):
        parts = []
        for sx in (-1, 1):
            hearts += (
                _heart_d(x + sx * dx, ey, e * 4.0)
                if expression == "love"
                else polygon_d(star_points(x + sx * dx, ey, e * 1.8, e * 0.8))
            )
    else:
        parts = [circle_d(x - dx, ey, e), circle_d(x + dx, ey, e)]
    if expression in ("surprised", "kiss"):
        parts.append(circle_d(x, y + r * 0.3, r * (0.12 if expression == "surprised" else 0.07)))
    elif expression in ("sleepy", "neutral", "thinking"):
        parts.append(shapes.stroke_outline(f"M{num(x - r * 0.1)} {num(y + r * 0.3)}h{num(r * 0.2)}", line))
    elif expression in ("cry", "angry"):
        mouth = f"M{x - r * 0.2:.2f} {y + r * 0.38:.2f}Q{x:.2f} {y + r * 0.14:.2f} {x + r * 0.2:.2f} {y + r * 0.38:.2f}"
        parts.append(shapes.stroke_outline(mouth, r * 0.09))
    else:
        mouth = f"M{x - r * 0.2:.2f} {y + r * 0.2:.2f}Q{x:.2f} {y + r * 0.48:.2f} {x + r * 0.2:.2f} {y + r * 0.2:.2f}"
        parts.append(shapes.stroke_outline(mouth, r * 0.09))
    if expression == "angry":  # brows slanting down to the nose
        for sx in (-1, 1):
            outer, inner = x + sx * (dx + e * 1.2), x + sx * (dx - e * 1.2)
            brow = f"M{num(outer)} {num(ey - e * 2.6)}L{num(inner)} {num(ey - e * 1.6)}"
            parts.append(shapes.stroke_outline(brow, line))
    face = shapes.union(parts)
    if expression in ("smile", "cry", "angry", "surprised", "wink", "kiss", "neutral", "thinking", "cool"):
        shine = "".join(circle_d(x + sx * dx + e * 0.35, ey - e * 0.35, e * 0.33) for sx in (-1, 1))
        face = shapes.difference(face, shine)
    blush = "".join(_ellipse_d(x + sx * r * 0.78, y + r * 0.22, r * 0.2, r * 0.12) for sx in (-1, 1))
    tears = ""
    if expression == "cry":
        for sx in (-1, 1):
            tx, ty, w, h = x + sx * dx, ey + e * 1.2, r * 0.09, r * 0.3
            tears += f"M{num(tx)} {num(ty)}q{num(-w)} {num(h * 0.7)} 0 {num(h)}q{num(w)} {num(-h * 0.3)} 0 {num(-h)}z"
    return KawaiiFace(face, blush, tears, hearts)


def draw_face_on_thing(node: Node, icon: Icon, cx: float, cy: float, size: float, expression: str) -> None:
    """A kawaii face on a thing drawn at (cx, cy) in a size×size box: at the middle of its painted shape (an
    avocado's flesh, a taco's shell), sized to it."""
    from artboard.composer.recipes.graphics.cast_words import drawn_bounds

    vx, vy, vw, vh = icon.viewbox
    scale = size / max(vw, vh)
    bx0, by0, bx1, by1 = drawn_bounds(icon)
    fx = cx + ((bx0 + bx1) / 2 - (vx + vw / 2)) * scale
    fy = cy + ((by0 + by1) / 2 - (vy + vh / 2)) * scale + (by1 - by0) * scale * 0.06
    r = min(bx1 - bx0, by1 - by0) * scale * 0.25
    face = kawaii_face_d(fx, fy, r, expression)
    group = node.group("face")
    group.path(face.blush, (255, 150, 160), fill_opacity=0.8)
    if face.features:
        group.path(face.features, (40, 30, 35))
    if face.tears:
        group.path(face.tears, "#5ab4f0")
    if face.hearts:
        group.path(face.hearts, HEART_RED)
