"""Build src/artboard/data/icons/artboard-colour.json.gz: colour pictures drawn for artboard, in the flat style
of Fluent Emoji Flat, for things prompts name that no permissive colour set draws (a party hat, a chef's hat, a
sombrero, a sandcastle, a surfboard, a fireplace, an astronaut's helmet).

Every picture is composed here from circles, ellipses, rectangles and a few hand-written curves on a 32-unit
grid, in paint order, so the file can be rebuilt and reviewed; checked by eye at 32-512 px.

    python tools/build_artboard_colour.py
"""

# ruff: noqa: E501 (path data reads best one picture part to a line)

from __future__ import annotations

import gzip
import json
import math
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "artboard" / "data" / "icons" / "artboard-colour.json.gz"
Paint = list[tuple[str, str, float]]


def _n(v: float) -> str:
    return f"{v:.2f}".rstrip("0").rstrip(".")


def circle(cx: float, cy: float, r: float) -> str:
    return ellipse(cx, cy, r, r)


def ellipse(cx: float, cy: float, rx: float, ry: float) -> str:
    return (
        f"M{_n(cx - rx)} {_n(cy)}A{_n(rx)} {_n(ry)} 0 1 0 {_n(cx + rx)} {_n(cy)}"
        f"A{_n(rx)} {_n(ry)} 0 1 0 {_n(cx - rx)} {_n(cy)}Z"
    )


def rect(x0: float, y0: float, x1: float, y1: float, r: float = 0.0) -> str:
    if r <= 0:
        return f"M{_n(x0)} {_n(y0)}H{_n(x1)}V{_n(y1)}H{_n(x0)}Z"
    return (
        f"M{_n(x0 + r)} {_n(y0)}H{_n(x1 - r)}Q{_n(x1)} {_n(y0)} {_n(x1)} {_n(y0 + r)}V{_n(y1 - r)}"
        f"Q{_n(x1)} {_n(y1)} {_n(x1 - r)} {_n(y1)}H{_n(x0 + r)}Q{_n(x0)} {_n(y1)} {_n(x0)} {_n(y1 - r)}"
        f"V{_n(y0 + r)}Q{_n(x0)} {_n(y0)} {_n(x0 + r)} {_n(y0)}Z"
    )


def poly(points: list[tuple[float, float]]) -> str:
    return "M" + "L".join(f"{_n(x)} {_n(y)}" for x, y in points) + "Z"


def rotated(points: list[tuple[float, float]], deg: float, cx: float = 16, cy: float = 16) -> list[tuple[float, float]]:
    a = math.radians(deg)
    c, s = math.cos(a), math.sin(a)
    return [(cx + (x - cx) * c - (y - cy) * s, cy + (x - cx) * s + (y - cy) * c) for x, y in points]


def lens(x0: float, y0: float, x1: float, y1: float, bulge: float, steps: int = 24) -> list[tuple[float, float]]:
    """A pointed oval from (x0, y0) to (x1, y1), `bulge` wide at its middle: a surfboard's outline."""
    out = []
    dx, dy = x1 - x0, y1 - y0
    length = math.hypot(dx, dy)
    nx, ny = -dy / length, dx / length
    for side in (1, -1):
        rng = range(steps + 1) if side == 1 else range(steps, -1, -1)
        for i in rng:
            t = i / steps
            w = bulge / 2 * math.sin(math.pi * t) ** 0.6 * (0.75 + 0.25 * t)
            out.append((x0 + dx * t + nx * w * side, y0 + dy * t + ny * w * side))
    return out


def party_hat() -> Paint:
    cone = "M16 3.5L25.5 26.5Q16 29.6 6.5 26.5Z"
    dots = "".join(
        circle(x, y, r)
        for x, y, r in (
            (15.2, 11, 1.3),
            (18.6, 16.5, 1.5),
            (12.6, 19.5, 1.5),
            (16.6, 23.4, 1.5),
            (21.6, 23, 1.2),
            (10.2, 24.4, 1.1),
        )
    )
    return [
        (cone, "#8a5cf6", 1.0),
        ("M16 3.5L25.5 26.5Q22 27.7 18.6 28.1Z", "#7446e0", 1.0),
        (dots, "#ffd23f", 1.0),
        ("M6.5 26.5Q16 29.6 25.5 26.5L26.3 28.4Q16 31.8 5.7 28.4Z", "#ff5d8f", 1.0),
        (circle(16, 3.6, 2.7), "#ffd23f", 1.0),
        (circle(15.2, 2.8, 0.9), "#fff3b0", 1.0),
    ]


def chef_hat() -> Paint:
    puff = circle(9.5, 12, 5.6) + circle(16, 8.6, 6.6) + circle(22.5, 12, 5.6)
    return [
        (puff, "#e4e6ee", 1.0),
        (rect(9.2, 11, 22.8, 24.5), "#e4e6ee", 1.0),
        (circle(9.8, 11.6, 4.8) + circle(16, 8.2, 5.8) + circle(22.2, 11.6, 4.8), "#ffffff", 1.0),
        (rect(10, 11, 22, 23.5), "#ffffff", 1.0),
        (rect(12.6, 14.5, 13.6, 23) + rect(18.4, 14.5, 19.4, 23), "#e4e6ee", 1.0),
        (rect(8.6, 22.5, 23.4, 28.2, 1.2), "#d5d8e2", 1.0),
        (rect(8.6, 22.5, 23.4, 24, 0.6), "#eceef4", 1.0),
    ]


def sombrero() -> Paint:
    return [
        (ellipse(16, 22.5, 15.2, 5.4), "#c4453b", 1.0),
        (ellipse(16, 22.1, 13.8, 4.5), "#eab54e", 1.0),
        (ellipse(16, 21.4, 9.5, 2.6), "#d69d3a", 1.0),
        ("M10.2 21.6C10 14 11.8 8.2 16 8.2C20.2 8.2 22 14 21.8 21.6Q16 23.6 10.2 21.6Z", "#f3c766", 1.0),
        ("M16 8.2C20.2 8.2 22 14 21.8 21.6Q19.6 22.4 17.6 22.6C18.6 17 18.4 11 16 8.2Z", "#e2b14f", 1.0),
        ("M10.3 17.6Q16 19.8 21.7 17.6L21.8 20.6Q16 22.8 10.2 20.6Z", "#2e9e5b", 1.0),
        (
            "".join(poly([(x, 18.9 + (0.4 if x < 16 else 0)), (x + 1, 20.6), (x + 2, 19)]) for x in (11.4, 14.6, 17.8)),
            "#ffffff",
            1.0,
        ),
    ]


def santa_hat(red: str = "#e0383e", shade: str = "#c42c33", fur: str = "#f4f4f6", fur_shade: str = "#dfe1e8") -> Paint:
    return [
        (
            "M5.5 23.5C6.5 14 12 6.5 20 6.2C24.6 6 27.4 9 27.6 13.5L24.4 14.4C23.8 11.4 22 10.4 19.8 11C16 12.2 14.8 17.6 15 23.5Z",
            "#e0383e",
            1.0,
        ),
        ("M20 6.2C24.6 6 27.4 9 27.6 13.5L24.4 14.4C23.8 11.4 22 10.4 19.8 11C18.6 9.6 19 7.4 20 6.2Z", shade, 1.0),
        (rect(3.5, 21.5, 24, 28.5, 3.4), fur, 1.0),
        (rect(3.5, 25.8, 24, 28.5, 2.6), fur_shade, 1.0),
        (circle(26, 15.2, 3.4), fur, 1.0),
        (circle(26.8, 16.4, 1.6), fur_shade, 1.0),
    ]


def wizard_hat(body: str, shade: str, band: str, star: str) -> Paint:
    stars = "".join(_star(x, y, r) for x, y, r in ((15.4, 14, 1.7), (19.6, 19.6, 1.3), (13.2, 21.2, 1.1)))
    return [
        (ellipse(16, 25.6, 14, 3.8), shade, 1.0),
        ("M8.6 24.6L14.8 5.2C15.4 3.2 17.6 2.4 19.2 3.6L22.4 6.2L19.6 7.2L23.6 24.6Q16 26.8 8.6 24.6Z", body, 1.0),
        ("M8.9 21.8Q16 24 23.1 21.8L23.6 24.6Q16 26.8 8.6 24.6Z", band, 1.0),
        (stars, star, 1.0),
    ]


def _star(cx: float, cy: float, r: float) -> str:
    pts = [
        (
            cx + (r if k % 2 == 0 else r * 0.45) * math.sin(math.pi * k / 5),
            cy - (r if k % 2 == 0 else r * 0.45) * math.cos(math.pi * k / 5),
        )
        for k in range(10)
    ]
    return poly(pts)


def beanie() -> Paint:
    ribs = "".join(rect(x, 20.6, x + 0.9, 26.6, 0.4) for x in (8, 11, 14, 17, 20, 23))
    return [
        ("M5.8 21.5C5.8 12.4 10.2 7 16 7C21.8 7 26.2 12.4 26.2 21.5Z", "#e8575a", 1.0),
        ("M16 7C21.8 7 26.2 12.4 26.2 21.5H22C22 13 19.6 8.2 16 7Z", "#d54649", 1.0),
        (rect(4.8, 19.6, 27.2, 27.6, 2), "#c9393e", 1.0),
        (ribs, "#b02f35", 1.0),
        (circle(16, 6, 3.3), "#f6efe2", 1.0),
        (circle(16.9, 7, 1.5), "#e3d8c4", 1.0),
    ]


def cowboy_hat() -> Paint:
    return [
        ("M1.6 18.6C5 22.6 27 22.6 30.4 18.6C31 22.4 26.6 26.6 16 26.6C5.4 26.6 1 22.4 1.6 18.6Z", "#9a5c31", 1.0),
        (
            "M9.4 21.2C8.2 14 9.8 7.6 13 8.6C14.2 9.4 15 10.8 16 10.8C17 10.8 17.8 9.4 19 8.6C22.2 7.6 23.8 14 22.6 21.2Q16 23 9.4 21.2Z",
            "#c07d45",
            1.0,
        ),
        ("M9.2 17.6Q16 19.6 22.8 17.6L22.6 21.2Q16 23 9.4 21.2Z", "#5e3519", 1.0),
        (
            "M16 10.8C17 10.8 17.8 9.4 19 8.6C22.2 7.6 23.8 14 22.6 21.2Q20.8 21.8 19.4 22C20.4 16 19 12.2 16 10.8Z",
            "#ad6d3a",
            1.0,
        ),
    ]


def space_helmet() -> Paint:
    """The glass bubble and its collar, drawn behind the head it holds (the glare is drawn over it)."""
    return [
        (circle(16, 14.6, 13.2), "#d6ebfb", 1.0),
        ("M3.2 17.6A13.2 13.2 0 0 0 28.8 17.6A13.2 13.2 0 0 1 3.2 17.6Z", "#bcdaf3", 1.0),
        (rect(5.6, 25, 26.4, 30.6, 2.6), "#dde2ea", 1.0),
        (rect(5.6, 25, 26.4, 26.6, 1.2), "#b9c1cf", 1.0),
        (rect(13.6, 27.2, 18.4, 29.4, 0.8), "#ff7a45", 1.0),
    ]


def space_helmet_glare() -> Paint:
    """The glass's shine, on the helmet's grid (the same viewbox places it where the helmet is): drawn over the
    face inside it."""
    return [
        ("M7.4 8.4A10.8 10.8 0 0 1 16 3.6A11.8 11.8 0 0 0 8.8 9.8Z", "#ffffff", 1.0),
        (circle(22.6, 8.2, 1.1), "#ffffff", 1.0),
    ]


def sandcastle() -> Paint:
    def tower(x0: float, x1: float, top: float, bottom: float) -> str:
        w = (x1 - x0) / 5
        teeth = [(x0, bottom), (x0, top)]
        for k in range(5):
            y = top if k % 2 == 0 else top + 1.6
            teeth += [(x0 + k * w, y), (x0 + (k + 1) * w, y)]
        teeth += [(x1, top), (x1, bottom)]
        return poly(teeth)

    return [
        ("M1 29.6C4 25.8 28 25.8 31 29.6Z", "#e3b76e", 1.0),
        (tower(3.8, 11.2, 15.4, 28), "#f0c983", 1.0),
        (tower(20.8, 28.2, 15.4, 28), "#f0c983", 1.0),
        (tower(10.4, 21.6, 9.6, 28), "#f6d594", 1.0),
        (rect(18.8, 11.2, 21.6, 28) + rect(8.6, 17, 11.2, 28) + rect(25.6, 17, 28.2, 28), "#e2b46a", 1.0),
        ("M13.6 28V23.2C13.6 20.2 18.4 20.2 18.4 23.2V28Z", "#b9874a", 1.0),
        (
            rect(15.2, 13, 16.8, 16.2, 0.8) + rect(6.6, 19.4, 8.2, 22, 0.8) + rect(23.8, 19.4, 25.4, 22, 0.8),
            "#c99656",
            1.0,
        ),
        (rect(15.6, 2.6, 16.4, 9.8), "#8a6a3d", 1.0),
        (poly([(16.4, 2.6), (22, 4.4), (16.4, 6.2)]), "#ff5a4e", 1.0),
        ("M1 29.6C4 25.8 28 25.8 31 29.6V31H1Z", "#e3b76e", 1.0),
        (circle(6, 29.4, 0.5) + circle(24.6, 29, 0.45) + circle(12, 30.2, 0.4), "#c9974f", 1.0),
    ]


def surfboard() -> Paint:
    # Lying almost level, nose to the right: what a rider stands on, and how a board reads on its own.
    outline = rotated(lens(16, 1.2, 16, 30.8, 9.4), 78)
    deck = rotated(lens(16, 2.6, 16, 29.6, 7.6), 78)
    stripe = rotated(lens(16, 3.2, 16, 29, 1.6), 78)
    fin = rotated([(15.2, 26.4), (16.8, 26.4), (17.2, 29.6), (16, 29.2)], 78)
    return [
        (poly(outline), "#ff8a3d", 1.0),
        (poly(deck), "#fff1d6", 1.0),
        (poly(stripe), "#2fb6e4", 1.0),
        (poly(fin), "#1a7fa8", 1.0),
    ]


def fireplace() -> Paint:
    rows = (10.6, 13, 15.4, 17.8, 20.2, 22.6, 25)
    top = "".join(
        rect(x, y, x + 3.4, y + 1.6, 0.3)
        for row, y in enumerate(rows[:2])
        for x in ((5.8, 9.4, 13, 16.6, 20.2, 23) if row % 2 == 0 else (7.6, 11.2, 14.8, 18.4, 21.8))
    )
    sides = "".join(rect(x, y, x + 3, y + 1.6, 0.3) for y in rows[2:] for x in (5.8, 23.2))
    bricks = top + sides
    return [
        (rect(5, 9, 27, 29), "#c0634a", 1.0),
        (bricks, "#d27a5f", 1.0),
        (rect(2.6, 5.8, 29.4, 9.4, 0.8), "#8b5a3c", 1.0),
        (rect(2.6, 8.4, 29.4, 9.4), "#724630", 1.0),
        ("M9.6 29V19C9.6 14.2 22.4 14.2 22.4 19V29Z", "#2b2030", 1.0),
        (
            "M12 27.4C10.4 24 12.6 21.6 13.6 19.4C14.2 21.4 15.4 21.8 15.6 19.8C17.6 21.6 19.6 23.8 19.8 25.6C20.4 24.6 20.6 23.4 20.2 22.2C22 24.4 21.2 27 20 27.4Z",
            "#ff8c3a",
            1.0,
        ),
        (
            "M13.8 27.4C13 25.2 14.4 23.8 15 22.8C15.6 24.2 16.6 24.2 16.8 23.2C18.2 24.6 18.8 26.2 18.2 27.4Z",
            "#ffd043",
            1.0,
        ),
        (rect(11, 26.6, 21, 28.2, 0.8), "#7a4a2a", 1.0),
        (rect(1.6, 28.6, 30.4, 31, 0.6), "#6d6d75", 1.0),
    ]


def _cut(d: str, *holes: str) -> str:
    """`d` with `holes` cut out (pathops, as the composer's shapes are)."""
    from artboard.composer import shapes

    return shapes.difference(d, shapes.union(list(holes)))


def monstera() -> Paint:
    """A split-leaf philodendron leaf: a broad heart with slits from its edge and a row of holes by the midrib."""
    body = _cut(circle(16, 14.6, 12.4), poly([(16, 23.5), (13.4, 27.6), (18.6, 27.6)]))
    slits = []
    for side in (-1, 1):
        for k, angle in enumerate((-52, -12, 28)):
            a = math.radians(angle)
            ex, ey = 16 + side * 13.4 * math.cos(a), 14.6 + 13.4 * math.sin(a)
            ix, iy = 16 + side * 6.2 * math.cos(a + 0.25 * side), 14.6 + 6.2 * math.sin(a + 0.25)
            nx, ny = -(iy - ey), ix - ex
            n = math.hypot(nx, ny) or 1
            w = 0.8 + 0.1 * k
            slits.append(poly([(ex + nx / n * w, ey + ny / n * w), (ix, iy), (ex - nx / n * w, ey - ny / n * w)]))
    holes = [ellipse(16 + side * 3.6, y, 0.9, 1.5) for side in (-1, 1) for y in (9.5, 15.5)]
    leaf = _cut(body, *slits, *holes)
    return [
        (leaf, "#2f8f4e", 1.0),
        (_cut(leaf, "M16 0V32H40V0Z"), "#287a43", 1.0),  # the far half a shade deeper
        ("M15.6 3.2H16.4V25.5H15.6Z", "#7cc48f", 1.0),
        ("M15.2 25L16.8 25L19.2 31L17.6 31Z", "#25683a", 1.0),
    ]


def coffee_bean() -> Paint:
    outline = rotated(
        [(16 + 8.4 * math.cos(t / 24 * math.tau), 16 + 11.6 * math.sin(t / 24 * math.tau)) for t in range(24)], 28
    )
    crease = rotated(
        [
            (16.6, 5.2),
            (14.2, 10.4),
            (17.6, 16),
            (14.4, 21.6),
            (16.6, 26.8),
            (15.2, 26.8),
            (13, 21.6),
            (16.2, 16),
            (12.8, 10.4),
            (15.2, 5.2),
        ],
        28,
    )
    return [
        (poly(outline), "#7a4b2a", 1.0),
        (poly(crease), "#3f2513", 1.0),
        (ellipse(12.6, 10.4, 1.6, 3.2), "#9a6640", 1.0),
    ]


def koi() -> Paint:
    """A koi seen from above, head up: a white body with orange-red patches, pale fins and a sheer tail."""
    body = "M16 2.6C20.2 2.6 21.4 8.4 20.9 13.4C20.4 18.4 18.2 22.2 16 25.2C13.8 22.2 11.6 18.4 11.1 13.4C10.6 8.4 11.8 2.6 16 2.6Z"
    tail = "M16 23.6C17.6 25.6 20.6 27.4 22.4 30.6C19.8 30.2 17.6 29.4 16 27.8C14.4 29.4 12.2 30.2 9.6 30.6C11.4 27.4 14.4 25.6 16 23.6Z"
    fins = "".join(
        poly(rotated(lens(cx, 8.4, cx + side * 4.6, 12.8, 3.2, 12), 0)) for cx, side in ((11.6, -1), (20.4, 1))
    )
    back_fins = "".join(poly(lens(cx, 17.4, cx + side * 2.8, 20.6, 2, 10)) for cx, side in ((12.6, -1), (19.4, 1)))
    head = "M16 3.2C18.8 3.2 20.1 5.8 20.2 8.6C18.2 7.6 13.8 7.6 11.8 8.6C11.9 5.8 13.2 3.2 16 3.2Z"
    return [
        (tail, "#f59a5b", 0.85),
        (fins + back_fins, "#f8c7a0", 0.95),
        (body, "#fbf6ee", 1.0),
        (head, "#ef5a24", 1.0),
        (ellipse(17.2, 13.6, 2.9, 3.9) + ellipse(14.6, 19.4, 1.6, 2.2), "#ef5a24", 1.0),
        (circle(13.7, 5.6, 0.55) + circle(18.3, 5.6, 0.55), "#1f1f24", 1.0),
    ]


def rubber_duck() -> Paint:
    """The bath toy, side on, facing right: a round yellow body with its tail up, a round head, an orange beak."""
    body = "M3.5 13.2C5.6 15 7.2 16 9.6 16.2H17C22.2 16 27.6 16.6 27.6 21.2C27.6 25.4 23 27.8 16 27.8C9 27.8 4.2 25.2 3.8 20.6C3.6 18 3.3 15.4 3.5 13.2Z"
    belly = "M5.2 23.2C7.6 26.2 11.4 27.2 16 27.2C21.6 27.2 25.6 25.8 27.2 23C25.6 26.6 21.8 28.4 16 28.4C10 28.4 6.4 26.4 5.2 23.2Z"
    wing = "M9.6 19.4C12.2 17.8 17 18 19.4 20C17.8 23 13 23.8 10.4 22.2C9.8 21.4 9.4 20.4 9.6 19.4Z"
    return [
        (body, "#ffd43b", 1.0),
        (belly, "#f2b705", 1.0),
        (circle(19.6, 10.2, 6.2), "#ffd43b", 1.0),
        (wing, "#f2b705", 1.0),
        ("M24.8 9.6C26.8 8.8 29.8 9.2 30.6 10.8C29.8 12.4 27 13 24.6 12.4Z", "#ff8a1f", 1.0),
        ("M24.8 11.6C26.8 12.2 29 12 30.2 11.4C29.2 12.8 26.8 13.4 24.8 12.8Z", "#e0670f", 1.0),
        (circle(21.4, 8.4, 1.15), "#1f1f24", 1.0),
        (circle(21.8, 8, 0.38), "#ffffff", 1.0),
    ]


def hard_hat() -> Paint:
    """A builder's safety helmet, side on: a yellow dome with a ridge, its brim out in front."""
    return [
        ("M5 22C5 13.5 9.8 8.4 16 8.4C22.2 8.4 27 13.5 27 22Z", "#ffc93c", 1.0),
        ("M16 8.4C22.2 8.4 27 13.5 27 22H22.6C22.6 14.6 19.8 9.6 16 8.4Z", "#f2b01e", 1.0),
        (rect(14.6, 7.6, 17.4, 22, 1.2), "#f7d978", 1.0),
        (rect(2.6, 21, 30, 24.6, 1.6), "#e8a317", 1.0),
        (rect(3.6, 23.4, 29, 24.6, 0.6), "#c98a0d", 1.0),
    ]


def earmuffs() -> Paint:
    """Fluffy pads joined by a band over the head, drawn to sit round a head the width of the band's circle."""
    band = []
    for k in range(25):
        a = math.radians(192 + (348 - 192) * k / 24)
        band.append((16 + 12.4 * math.cos(a), 18.5 + 12.4 * math.sin(a)))
    inner = [(16 + (x - 16) * 10.4 / 12.4, 18.5 + (y - 18.5) * 10.4 / 12.4) for x, y in band]
    return [
        (poly(band + inner[::-1]), "#8e6bbf", 1.0),
        (ellipse(4.2, 20, 3.9, 4.9) + ellipse(27.8, 20, 3.9, 4.9), "#f48fb1", 1.0),
        (ellipse(3.4, 18.8, 1.6, 2.2) + ellipse(27, 18.8, 1.6, 2.2), "#fbc4d8", 1.0),
    ]


def lily_pad() -> Paint:
    """A water lily's floating leaf: a disc with its wedge cut to the centre, veins fanning out."""
    wedge = poly(
        [
            (16, 16),
            (16 + 16 * math.cos(math.radians(-70)), 16 + 16 * math.sin(math.radians(-70))),
            (16 + 16 * math.cos(math.radians(-40)), 16 + 16 * math.sin(math.radians(-40))),
        ]
    )
    pad = _cut(circle(16, 16, 13.6), wedge)
    veins = "".join(
        poly(rotated([(15.7, 16), (16.3, 16), (16.15, 4.4), (15.85, 4.4)], deg))
        for deg in (-160, -115, -70, -25, 75, 120, 165)
    )
    return [
        (pad, "#3f9b4f", 1.0),
        (_cut(circle(16, 16, 11.4), wedge), "#4fb35f", 1.0),
        (veins, "#7ccc82", 0.9),
    ]


def floor_lamp() -> Paint:
    return [
        (ellipse(16, 29.2, 6.2, 1.7), "#40434c", 1.0),
        (rect(15.2, 11.5, 16.8, 29), "#5b5f6a", 1.0),
        ("M10.6 3.2H21.4L24.6 12.4H7.4Z", "#f6c85f", 1.0),
        ("M16 3.2H21.4L24.6 12.4H17.4Z", "#e7b446", 1.0),
        (rect(7.2, 11.6, 24.8, 13, 0.6), "#d99a2b", 1.0),
    ]


def swallow() -> Paint:
    """A barn swallow in flight, heading right as on a sailor's tattoo: deep blue wings spread up and down, a long
    forked tail, a red throat and a cream belly."""
    upper = "M18.6 12.2C16.4 8.4 11.2 4.4 3.4 2.8C6.4 6.2 9.6 9.4 12.6 12.2C14.6 13.4 16.8 13.6 18.6 12.2Z"
    upper_shade = "M3.4 2.8C6.4 6.2 9.6 9.4 12.6 12.2C14.6 13.4 16.8 13.6 18.6 12.2C15.6 12.6 12.8 11.2 10.2 8.8C8 6.8 5.6 4.6 3.4 2.8Z"
    lower = "M17.4 16.4C15.8 20.6 13.6 25.4 9.2 29.4C10 25.2 10.8 21.2 12.4 17.6C14 16.4 15.8 16 17.4 16.4Z"
    tail = "M12.6 17.4C9.6 17.2 5.4 16.4 1.2 14.6C4.2 17.2 6.2 18.2 7.8 19C5.6 20.4 3.6 22.4 1.8 25.2C5.8 23.2 9.8 21.4 13.4 20.2Z"
    body = "M11.4 18.4C14.4 14.6 19.4 11.2 23.4 10C26.4 9.2 28.4 10.8 28.2 13.2C28 15.6 25.6 17.4 22.4 18.4C18.6 19.6 14.6 19.8 11.4 18.4Z"
    belly = "M12.2 18.6C15.6 19.4 19.6 19.2 22.8 18.2C25.2 17.4 27.2 16 27.9 14.4C27.2 17.4 24.6 19.6 21.4 20.4C17.8 21.2 14.6 20.4 12.2 18.6Z"
    throat = "M25.6 14.6C26.6 14.4 27.6 13.8 28.1 13.2C28.2 14.8 27.4 16.2 26 16.8C25.2 16.4 25 15.4 25.6 14.6Z"
    return [
        (tail, "#16305f", 1.0),
        (lower, "#16305f", 1.0),
        (upper, "#23468c", 1.0),
        (upper_shade, "#1b3a76", 1.0),
        (body, "#23468c", 1.0),
        (belly, "#f6ead2", 1.0),
        (throat, "#d8402f", 1.0),
        ("M28 11.6L31 12.6L28.1 13.4Z", "#2b2622", 1.0),
        (circle(25.6, 11.9, 0.75), "#1f1f24", 1.0),
        (circle(25.85, 11.65, 0.25), "#ffffff", 1.0),
    ]


def halo() -> Paint:
    """An angel's halo seen a little from above: a golden ring, its near rim lit."""
    ring = "M2.5 16A13.5 5.2 0 1 0 29.5 16A13.5 5.2 0 1 0 2.5 16ZM6.2 16A9.8 3.1 0 1 1 25.8 16A9.8 3.1 0 1 1 6.2 16Z"
    rim = "M3.4 17.4C6 20.2 11 21.4 16 21.4C21 21.4 26 20.2 28.6 17.4C27.4 20.4 22.2 22.6 16 22.6C9.8 22.6 4.6 20.4 3.4 17.4Z"
    return [(ring, "#f7c948", 1.0), (rim, "#fde68a", 1.0)]


def hot_air_balloon() -> Paint:
    """A hot-air balloon: a round envelope with bold gores (red, cream, yellow), its mouth, ropes and a wicker
    basket below."""
    envelope = "M16 2C22.4 2 26.6 6.6 26.6 12.2C26.6 16.6 23.6 19.8 20.4 22.4L19.6 23.6H12.4L11.6 22.4C8.4 19.8 5.4 16.6 5.4 12.2C5.4 6.6 9.6 2 16 2Z"
    side_gores = (
        "M16 2C12.2 2.6 10.2 7.2 10.4 12.4C10.6 16.8 12 20.4 13.6 23.6H12.4L11.6 22.4C8.4 19.8 5.4 16.6 5.4 12.2C5.4 6.6 9.6 2 16 2Z"
        "M16 2C19.8 2.6 21.8 7.2 21.6 12.4C21.4 16.8 20 20.4 18.4 23.6H19.6L20.4 22.4C23.6 19.8 26.6 16.6 26.6 12.2C26.6 6.6 22.4 2 16 2Z"
    )
    middle = "M16 2C14.2 2.8 13.4 7.4 13.5 12.4C13.6 16.8 14.4 20.6 15 23.6H17C17.6 20.6 18.4 16.8 18.5 12.4C18.6 7.4 17.8 2.8 16 2Z"
    band = "M6.4 16.2C9 17.4 12.4 18 16 18C19.6 18 23 17.4 25.6 16.2C25 17.6 24 18.8 22.8 20C20.8 20.6 18.4 21 16 21C13.6 21 11.2 20.6 9.2 20C8 18.8 7 17.6 6.4 16.2Z"
    ropes = "M12.6 23.4L13.5 26.2H13.9L13 23.4ZM19.4 23.4L18.5 26.2H18.1L19 23.4Z"
    basket = "M12.8 26H19.2L18.6 30.2C18.5 30.6 18.2 30.8 17.8 30.8H14.2C13.8 30.8 13.5 30.6 13.4 30.2Z"
    return [
        (envelope, "#ef4444", 1.0),
        (side_gores, "#fbbf24", 1.0),
        (middle, "#fff7e6", 1.0),
        (band, "#2563eb", 1.0),
        ("M12.2 22.8H19.8L19.4 23.9H12.6Z", "#7c2d12", 1.0),
        (ropes, "#6b4f3a", 1.0),
        (basket, "#a16207", 1.0),
        ("M13.1 27.6H18.9L18.8 28.2H13.2Z", "#7c4a0a", 1.0),
    ]


def _leaf_at(x: float, y: float, length: float, width: float, deg: float) -> str:
    """A pointed leaf from (x, y) along `deg` (0 = up, clockwise), `length` long."""
    a = math.radians(deg)
    tip = (x + length * math.sin(a), y - length * math.cos(a))
    return poly(lens(x, y, tip[0], tip[1], width, 12))


def eucalyptus() -> Paint:
    """A eucalyptus sprig, the wedding stationer's favourite: a thin curving stem with round silver-dollar leaves in
    two sage tones, smaller towards the tip."""
    stem = "M9.4 30.2C11.4 24.6 13.6 18.8 16.6 13.6C18.6 10.2 20.8 6.6 23.2 2.8L23.8 3.2C21.4 7 19.2 10.6 17.2 14C14.2 19.2 12 25 10.2 30.6Z"
    leaves = [
        (11.4, 25.4, 3.6, -1),
        (12.6, 21.6, 3.3, 1),
        (14.2, 18.2, 3.0, -1),
        (15.8, 15.2, 2.8, 1),
        (17.6, 12.2, 2.5, -1),
        (19.4, 9.2, 2.2, 1),
        (21.2, 6.4, 1.9, -1),
    ]
    light, dark = "", ""
    for k, (x, y, r, side) in enumerate(leaves):
        d = ellipse(x + side * r * 0.95, y - r * 0.15, r, r * 0.92)
        if k % 2:
            light += d
        else:
            dark += d
    return [
        (stem, "#6b7f6a", 1.0),
        (dark, "#7d9a86", 1.0),
        (light, "#a7bfae", 1.0),
        (circle(23.4, 3.2, 1.3), "#a7bfae", 1.0),
    ]


def olive_branch() -> Paint:
    """An olive branch: a curving twig with slim grey-green leaves in pairs and three dark olives."""
    twig = "M6 29.6C9.6 24.6 13.6 19.4 18.2 14.2C20.8 11.2 23.6 8 26.6 4.6L27.2 5.2C24.2 8.6 21.4 11.8 18.8 14.8C14.2 20 10.2 25.2 6.8 30.2Z"
    leaves = "".join(
        _leaf_at(x, y, length, 2.4, deg)
        for x, y, length, deg in (
            (9.2, 25.4, 6.4, -35), (10.4, 24.0, 6.2, 75), (13.2, 20.6, 6.0, -30), (14.6, 19.0, 5.8, 78),
            (17.4, 15.4, 5.4, -25), (18.8, 13.8, 5.2, 80), (21.8, 10.4, 4.8, -20), (23.0, 8.8, 4.4, 82),
        )
    )  # fmt: skip
    return [
        (twig, "#6b5b3e", 1.0),
        (leaves, "#8a9a5b", 1.0),
        (ellipse(12.2, 24.8, 1.5, 1.9) + ellipse(16.8, 19.4, 1.4, 1.8) + ellipse(21.2, 14.6, 1.3, 1.7), "#3f4a2a", 1.0),
        (circle(11.8, 24.2, 0.45) + circle(16.4, 18.8, 0.42) + circle(20.8, 14.1, 0.4), "#7d8a5a", 1.0),
    ]


ICONS: dict[str, tuple[Paint, list[str], str]] = {
    "party-hat": (party_hat(), ["party hat", "birthday hat", "cone hat", "party", "celebration"], "objects"),
    "chef-hat": (chef_hat(), ["chef hat", "chef's hat", "toque", "cook's hat"], "objects"),
    "sombrero": (sombrero(), ["sombrero", "mexican hat", "fiesta"], "objects"),
    "santa-hat": (santa_hat(), ["santa hat", "christmas hat", "santa"], "objects"),
    "nightcap": (
        santa_hat("#5b7bd5", "#4a66b8", "#f4f1de", "#dcd8c0"),
        ["nightcap", "sleeping cap", "night cap"],
        "objects",
    ),
    "wizard-hat": (
        wizard_hat("#4b3aa8", "#3a2c86", "#ffd23f", "#ffd23f"),
        ["wizard hat", "magic hat", "wizard"],
        "objects",
    ),
    "witch-hat": (
        wizard_hat("#2f2a3d", "#221e2e", "#8a5cf6", "#f6a23c"),
        ["witch hat", "witch's hat", "halloween"],
        "objects",
    ),
    "beanie": (beanie(), ["beanie", "knit hat", "wool hat", "bobble hat", "toque"], "objects"),
    "cowboy-hat": (cowboy_hat(), ["cowboy hat", "stetson", "western hat", "rodeo"], "objects"),
    "space-helmet": (space_helmet(), ["space helmet", "astronaut helmet", "fishbowl helmet"], "objects"),
    "space-helmet-glare": (space_helmet_glare(), ["glare"], "objects"),
    "sandcastle": (sandcastle(), ["sandcastle", "sand castle", "beach", "sand"], "travel & places"),
    "surfboard": (surfboard(), ["surfboard", "surf board", "surfing", "surf"], "activities"),
    "fireplace": (fireplace(), ["fireplace", "hearth", "mantel", "mantelpiece", "cozy"], "objects"),
    "monstera-leaf": (
        monstera(),
        ["monstera", "monstera leaf", "split leaf", "philodendron", "houseplant"],
        "animals & nature",
    ),
    "coffee-bean": (coffee_bean(), ["coffee bean", "coffee beans", "roasted bean"], "food & drink"),
    "hot-air-balloon": (
        hot_air_balloon(),
        ["hot air balloon", "hot-air balloon", "balloon ride", "montgolfier", "airship"],
        "travel & places",
    ),
    "eucalyptus": (
        eucalyptus(),
        ["eucalyptus", "eucalyptus leaves", "eucalyptus branch", "greenery"],
        "animals & nature",
    ),
    "olive-branch": (olive_branch(), ["olive branch", "olive twig", "olive leaves", "olive sprig"], "animals & nature"),
    "halo": (halo(), ["halo", "angel halo", "nimbus"], "objects"),
    "swallow": (swallow(), ["swallow", "barn swallow", "swallows", "swift", "martin"], "animals & nature"),
    "koi": (koi(), ["koi", "koi fish", "carp", "goldfish", "koi pond"], "animals & nature"),
    "rubber-duck": (rubber_duck(), ["rubber duck", "rubber ducky", "bath duck", "duckie", "debug"], "objects"),
    "hard-hat": (hard_hat(), ["hard hat", "hardhat", "safety helmet", "builder's helmet", "construction"], "objects"),
    "earmuffs": (earmuffs(), ["earmuffs", "ear muffs", "earmuff", "winter"], "objects"),
    "lily-pad": (lily_pad(), ["lily pad", "lily pads", "water lily leaf", "lilypad"], "animals & nature"),
    "floor-lamp": (floor_lamp(), ["floor lamp", "lamp", "reading lamp", "standing lamp", "lampshade"], "objects"),
}


def main() -> None:
    data = {
        "copyright": "Copyright (c) the artboard authors.",
        "fill_rule": "nonzero",
        "license": "Apache-2.0",
        "set": "artboard colour",
        "source": "drawn for artboard by tools/build_artboard_colour.py",
        "viewbox": [0.0, 0.0, 32.0, 32.0],
        "icons": {
            name: {"category": category, "paths": [list(p) for p in paint], "tags": tags}
            for name, (paint, tags, category) in ICONS.items()
        },
    }
    # mtime=0: the same pictures give the same bytes, so the icon cache's digest only moves when they change.
    OUT.write_bytes(gzip.compress(json.dumps(data, sort_keys=True).encode(), mtime=0))
    print(f"wrote {OUT} ({len(ICONS)} pictures)")


if __name__ == "__main__":
    main()
