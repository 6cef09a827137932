"""The blueprint finish ("LinkedIn banner for an architect, blueprint style", "schematic poster of a rocket"): the
sheet turned cyanotype blue under a fine drafting grid, every shape redrawn as a white line over the blue (each
shape still hides what is behind it, as a drawing's hidden lines are left out), the lettering white.

It works on the finished vector tree (printmaking.painted / paint_colour), so the file stays a true SVG."""

from __future__ import annotations

import re

from artboard.colors import RGB, oklch
from artboard.composer.canvas import Canvas, Node, num
from artboard.composer.printmaking import paint_colour, painted, scale_of

WORDS = re.compile(
    r"\bblue-?prints?\b|\bschematics?\b|\btechnical (?:drawing|drafting|illustration)\b|\bdrafting style\b"
    r"|\barchitectural drawing\b|\bcyanotype\b",
    re.I,
)
BLUE: RGB = (22, 74, 140)
_DEEP: RGB = (16, 58, 114)
PAPER: RGB = (236, 243, 250)
_SHAPES = frozenset({"path", "rect", "circle", "ellipse", "polygon", "polyline"})


def _grid(canvas: Canvas) -> Node:
    """The drafting grid: fine lines every 32 units, a stronger one every fifth."""
    unit = canvas.unit
    step = 32 * unit
    defs = canvas.definitions()
    pid = canvas.new_id("drafting")
    big = step * 5
    pattern = defs.add("pattern", id=pid, patternUnits="userSpaceOnUse", width=num(big), height=num(big))
    fine = "".join(f"M{num(k * step)} 0V{num(big)}M0 {num(k * step)}H{num(big)}" for k in range(5))
    pattern.path(fine, None, stroke=PAPER, stroke_width=num(0.8 * unit), stroke_opacity="0.16")
    pattern.path(f"M0 0V{num(big)}M0 0H{num(big)}", None, stroke=PAPER, stroke_width=num(1.4 * unit),
                 stroke_opacity="0.3")  # fmt: skip
    return Node("rect", {"x": 0, "y": 0, "width": canvas.width, "height": canvas.height, "fill": f"url(#{pid})"})


def _redraw(node: Node, texts: set[int], page: tuple[float, float], scale: float, fill: RGB | None) -> int:
    """Every shape under `node` as a white line on the blue; `fill` is the colour it inherits."""
    drawn = 0
    for child in node.children:
        if id(child) in texts or child.tag in ("title", "#text", "mask", "clipPath", "filter", "defs"):
            continue
        k = scale * scale_of(child.attrs.get("transform"))
        own = child.attrs.get("fill")
        colour = paint_colour(own) if own is not None else fill
        if own == "none":
            colour = None
        stroke = paint_colour(child.attrs.get("stroke"))
        if stroke is not None:
            child.attrs["stroke"] = PAPER
        if child.tag in _SHAPES:
            if colour is not None and _sheet_sized(child, page):
                child.attrs["fill"] = "none"  # a large panel is paper: the grid shows through
            elif colour is not None:
                # a filled shape: its outline in white, filled with the sheet's blue (deeper where it was dark)
                child.attrs.update(fill=_DEEP if oklch(colour)[0] < 0.35 else BLUE, stroke=PAPER,
                                   stroke_width=num(2.2 * min(page) / 1024 / k), stroke_linejoin="round")  # fmt: skip
                child.attrs.pop("fill_opacity", None)
                drawn += 1
            elif stroke is not None:
                drawn += 1
        elif paint_colour(own) is not None:
            child.attrs["fill"] = BLUE
        if child.attrs.get("stop_color") is not None:
            child.attrs["stop_color"] = BLUE
        drawn += _redraw(child, texts, page, k, colour)
    return drawn


def _sheet_sized(node: Node, page: tuple[float, float]) -> bool:
    """Whether a rect is a panel of the page rather than a drawn shape."""
    if node.tag != "rect" or node.attrs.get("transform"):
        return False
    try:
        w, h = float(str(node.attrs.get("width", 0))), float(str(node.attrs.get("height", 0)))
    except ValueError:
        return False
    return w * h >= page[0] * page[1] * 0.2  # (a panel as large as a fifth of the page is paper too)


def _white_lettering(node: Node) -> None:
    for n in (node, *node.children):
        fill = n.attrs.get("fill")
        if paint_colour(fill) is not None or (isinstance(fill, str) and fill.startswith("url(")):
            n.attrs["fill"] = PAPER
        if n is not node:
            _white_lettering(n)


def blueprint(canvas: Canvas, text_nodes: list[Node], _seed: int, _design_type: str) -> int:
    """Lay the blueprint over the composed canvas; returns how many shapes became lines."""
    texts = {id(n) for n in text_nodes}
    grid = _grid(canvas)  # (first: it adds the definitions, which moves the children along)
    at = 1
    for i, top in enumerate(canvas.children):
        if top.attrs.get("id") == "background":
            for n in (top, *painted(top, texts)):
                if paint_colour(n.attrs.get("fill")) is not None:
                    n.attrs["fill"] = BLUE
            at = i + 1
    wrapper = Node("g", {})
    wrapper.children = [
        c for c in canvas.children if c.tag not in ("defs", "title") and c.attrs.get("id") != "background"
    ]
    drawn = _redraw(wrapper, texts, (float(canvas.width), float(canvas.height)), 1.0, None)
    if canvas.defs is not None:
        for node in painted(canvas.defs, texts):
            if node.attrs.get("stop_color") is not None:
                node.attrs["stop_color"] = BLUE
    for text in text_nodes:
        _white_lettering(text)
    canvas.children.insert(at, grid)
    return max(1, drawn)
