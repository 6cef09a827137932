"""Print processes as finishes: what a woodblock, a risograph, a halftone press or cut paper does to a design.

Each works on the finished vector tree, so the file stays a true SVG:

- woodblock ("woodblock print", "woodcut", "linocut", "ukiyo-e"): every colour pressed into a few inks of the
  print (prussian blue, pale blue, rust, ochre, on washi), each shape edged with a carved key line, a light grain;
- risograph ("risograph print", "riso"): colours pressed into two or three fluorescent drum inks, grain, and the
  second drum printed a little off register;
- halftone ("halftone", "pop art", "comic book style"): bold black key lines, primary inks and a dot screen over
  the art;
- papercut ("paper cut", "layered paper"): each layer lifted off the one below by a soft shadow.

Lettering is never recoloured or edged: the copy keeps the contrast it was set with.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable, Iterator, Sequence

from artboard.colors import RGB, oklch
from artboard.composer.canvas import Canvas, Node, num
from artboard.composer.harmony import hex_rgb
from artboard.oklab import delta_e_ok

WOODBLOCK_WORDS = re.compile(r"\bwood[- ]?(?:block|cut)s?\b|\blino[- ]?cuts?\b|\bukiyo[- ]?e\b|\bblock[- ]print", re.I)
RISO_WORDS = re.compile(r"\brisograph\b|\briso\b", re.I)
HALFTONE_WORDS = re.compile(r"\bhalftone\b|\bpop[- ]art\b|\bcomic[- ]book (?:style|look|art)\b|\bben[- ]day\b", re.I)
GLOSSY_WORDS = re.compile(
    r"\b3-?d\b|\bthree[- ]d(?:imensional)?\b|\bglossy\b|\bclay(?:morphism)?\b|\bpuffy\b|\binflated\b", re.I
)
PAPERCUT_WORDS = re.compile(r"\bpaper[- ]?cut\b|\bcut[- ]paper\b|\blayered paper\b|\bpaper[- ]craft\b", re.I)

# The inks of each press: woodblock's from the mood palette of the same name; the riso drums' standard colours.
_WOODBLOCK_INKS: tuple[RGB, ...] = ((31, 78, 121), (127, 166, 196), (181, 69, 43), (217, 183, 126), (242, 232, 208),
                                    (29, 35, 48))  # fmt: skip
_RISO_INKS: tuple[RGB, ...] = ((255, 72, 176), (0, 120, 191), (255, 232, 0), (0, 131, 138), (255, 255, 255),
                               (36, 36, 40))  # fmt: skip
_POP_INKS: tuple[RGB, ...] = ((230, 35, 40), (255, 214, 0), (0, 92, 185), (255, 255, 255), (20, 20, 20),
                              (250, 160, 200))  # fmt: skip
_PAINT_KEYS = ("fill", "stroke", "stop_color")
_SHAPES = frozenset({"path", "rect", "circle", "ellipse", "polygon", "polyline", "use"})


_SCALE_RE = re.compile(r"(matrix|scale)\(([^)]*)\)")


def scale_of(transform: object) -> float:
    """How much a transform enlarges lengths (the square root of its area scale)."""
    if not isinstance(transform, str):
        return 1.0
    k = 1.0
    for kind, args in _SCALE_RE.findall(transform):
        v = [float(x) for x in re.split(r"[\s,]+", args.strip()) if x]
        if kind == "matrix" and len(v) >= 4:
            k *= math.sqrt(abs(v[0] * v[3] - v[1] * v[2])) or 1.0
        elif kind == "scale" and v:
            k *= math.sqrt(abs(v[0] * (v[1] if len(v) > 1 else v[0]))) or 1.0
    return k


def _leaves(node: Node, texts: set[int], scale: float = 1.0) -> Iterator[tuple[Node, float]]:
    """Every drawn shape under `node` outside the lettering and the definitions, with the scale it is drawn at
    (resvg does not honour non-scaling strokes, so a line meant in canvas pixels is divided by it)."""
    for child in node.children:
        if id(child) in texts or child.tag in ("defs", "title", "clipPath", "mask", "#text"):
            continue
        k = scale * scale_of(child.attrs.get("transform"))
        if child.tag in _SHAPES:
            yield child, k
        yield from _leaves(child, texts, k)


def painted(node: Node, texts: set[int]) -> Iterator[Node]:
    """Every node under `node` that may carry paint, outside the lettering, masks, clip paths and filters."""
    for child in node.children:
        if id(child) in texts or child.tag in ("title", "#text", "mask", "clipPath", "filter"):
            continue  # (a mask's white and black are coverage, not ink: pressed, they would dim what they show)
        yield child
        yield from painted(child, texts)


def paint_colour(value: object) -> RGB | None:
    """The RGB of a fill or stroke value (a tuple or a hex string); None for "none", a url() or a name."""
    if isinstance(value, tuple) and len(value) == 3:
        return value
    if isinstance(value, str) and re.fullmatch(r"#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}", value):
        return hex_rgb(value)
    return None


def _nearest_ink(colour: RGB, inks: Sequence[RGB]) -> RGB:
    """The ink a colour is printed in: the nearest by OKLab, lightness weighted up so light and dark stay apart."""
    lightness = oklch(colour)[0]
    return min(inks, key=lambda ink: delta_e_ok(colour, ink) + 0.6 * abs(lightness - oklch(ink)[0]))


def press_inks(content: Node, texts: set[int], inks: Sequence[RGB]) -> int:
    """Every colour under `content` pressed into the nearest of `inks`."""
    changed = 0
    for node in painted(content, texts):
        for key in _PAINT_KEYS:
            colour = paint_colour(node.attrs.get(key))
            if colour is not None:
                node.attrs[key] = _nearest_ink(colour, inks)
                changed += 1
    return changed


def key_lines(content: Node, texts: set[int], ink: RGB, width: float) -> int:
    """A carved or inked outline round every filled shape: a stroke painted under its fill."""
    edged = 0
    for leaf, scale in _leaves(content, texts):
        if leaf.attrs.get("fill") == "none" or leaf.attrs.get("stroke") not in (None, "none"):
            continue  # a line icon is already a line; a stroked shape keeps its own
        leaf.attrs.update(stroke=ink, stroke_width=num(width / scale), stroke_linejoin="round", paint_order="stroke")
        edged += 1
    return edged


def grain(canvas: Canvas, content: Node, seed: int, density: float, size: float) -> None:
    """Paper showing through the ink in fine specks: a mask of small vector dots over the art."""
    rng = random.Random(seed)
    w, h = canvas.width, canvas.height
    unit = canvas.unit
    dots = []
    for _ in range(int(density * w * h / 1024**2)):
        x, y, r = rng.uniform(0, w), rng.uniform(0, h), unit * size * rng.uniform(0.5, 1.0)
        arc = f"a{num(r)} {num(r)} 0 1 0"
        dots.append(f"M{num(x - r)} {num(y)}{arc} {num(2 * r)} 0{arc} {num(-2 * r)} 0z")
    mid = canvas.new_id("grain")
    mask = canvas.definitions().add("mask", id=mid, maskUnits="userSpaceOnUse", x=0, y=0, width=w, height=h)
    mask.rect(0, 0, w, h, (255, 255, 255))
    mask.path("".join(dots), (0, 0, 0))
    content.attrs["mask"] = f"url(#{mid})"


def _sheet(canvas: Canvas, paint: RGB | str, mask_id: str, opacity: float) -> Node:
    """A whole-sheet layer of `paint`, seen through a mask, multiplied into what is under it."""
    attrs: dict[str, object] = {"x": 0, "y": 0, "width": canvas.width, "height": canvas.height, "fill": paint}
    attrs |= {"mask": f"url(#{mask_id})", "fill_opacity": num(opacity), "style": "mix-blend-mode:multiply"}
    return Node("rect", attrs)


def misregister(canvas: Canvas, content: Node, dx: float, dy: float, ink: RGB) -> None:
    """A second drum a little off register: the art's shape again in one ink, shifted, multiplied under it."""
    cid = content.attrs["id"]
    defs = canvas.definitions()
    mid = canvas.new_id("drum")
    defs.add("mask", id=mid, mask_type="alpha").add("use", href=f"#{cid}", transform=f"translate({num(dx)} {num(dy)})")
    at = canvas.children.index(content)
    canvas.children.insert(at + 1, _sheet(canvas, ink, mid, 0.35))


def dot_screen(canvas: Canvas, content: Node, spacing: float, ink: RGB) -> None:
    """A halftone screen: dots on a 45° grid over the art's own shape, multiplied into its colours."""
    defs = canvas.definitions()
    pid, mid = canvas.new_id("screen"), canvas.new_id("screened")
    pattern = defs.add("pattern", id=pid, patternUnits="userSpaceOnUse", width=num(spacing), height=num(spacing),
                       patternTransform="rotate(45)")  # fmt: skip
    pattern.circle(spacing / 2, spacing / 2, spacing * 0.22, ink)
    defs.add("mask", id=mid, mask_type="alpha").add("use", href=f"#{content.attrs['id']}")
    canvas.children.append(_sheet(canvas, f"url(#{pid})", mid, 0.3))


def lift_layers(canvas: Canvas, content: Node, texts: set[int], unit: float) -> int:
    """Cut paper: each shape casts a soft shadow on the layer under it."""
    filters: dict[float, str] = {}  # one filter for each scale shapes are drawn at: its offsets are local lengths
    lifted = 0
    for leaf, scale in _leaves(content, texts):
        if lifted >= 600:
            break  # a filter a shape: past a few hundred the render slows more than the look gains
        key = float(f"{scale:.2g}")
        if key not in filters:
            fid = filters[key] = canvas.new_id("lift")
            flt = canvas.definitions().add("filter", id=fid, x="-20%", y="-20%", width="140%", height="150%")
            flt.add("feDropShadow", dx="0", dy=num(unit * 3 / key), stdDeviation=num(unit * 4 / key),
                    flood_color="#000000", flood_opacity="0.32")  # fmt: skip
        leaf.attrs["filter"] = f"url(#{filters[key]})"
        lifted += 1
    return lifted


def puff(canvas: Canvas, content: Node, texts: set[int], unit: float) -> int:
    """A glossy 3D look: each shape domed by a light from the upper left (its alpha blurred into a height map and
    lit), a specular sheen on top, and the whole art casting a soft shadow under it."""
    filters: dict[float, str] = {}
    lit = 0
    for leaf, scale in _leaves(content, texts):
        if lit >= 400:
            break
        key = float(f"{scale:.2g}")
        if key not in filters:
            fid = filters[key] = canvas.new_id("dome")
            flt = canvas.definitions().add("filter", id=fid, x="-10%", y="-10%", width="120%", height="120%")
            flt.add("feGaussianBlur", **{"in": "SourceAlpha"}, stdDeviation=num(unit * 9 / key), result="height")
            spec = flt.add("feSpecularLighting", **{"in": "height"}, surfaceScale=num(5), specularConstant="0.9",
                           specularExponent="22", lighting_color="#ffffff", result="shine")  # fmt: skip
            spec.add("feDistantLight", azimuth="235", elevation="52")
            flt.add("feComposite", **{"in": "shine"}, in2="SourceAlpha", operator="in", result="sheen")
            flt.add(
                "feDiffuseLighting",
                **{"in": "height"},
                surfaceScale=num(4),
                diffuseConstant="1",
                lighting_color="#ffffff",
                result="shade",
            ).add("feDistantLight", azimuth="235", elevation="60")
            flt.add("feComposite", **{"in": "SourceGraphic"}, in2="shade", operator="arithmetic", k1="0.55", k2="0.45",
                    result="shaded")  # fmt: skip
            flt.add("feComposite", **{"in": "shaded"}, in2="SourceAlpha", operator="in", result="body")
            flt.add("feComposite", **{"in": "sheen"}, in2="body", operator="arithmetic", k2="0.55", k3="1")
        leaf.attrs["filter"] = f"url(#{filters[key]})"
        lit += 1
    sid = canvas.new_id("cast")
    shadow = canvas.definitions().add("filter", id=sid, x="-20%", y="-20%", width="140%", height="160%")
    shadow.add("feDropShadow", dx="0", dy=num(unit * 14), stdDeviation=num(unit * 16), flood_color="#1a1020",
               flood_opacity="0.28")  # fmt: skip
    content.attrs["filter"] = f"url(#{sid})"
    return max(1, lit)


def _press_all(canvas: Canvas, texts: set[int], inks: Sequence[RGB]) -> None:
    """The paper and the art alike: the whole sheet is printed in the press's inks (the lettering aside)."""
    for child in canvas.children:
        if child.tag not in ("title", "defs"):
            press_inks(child, texts, inks)
            if id(child) not in texts:
                for key in _PAINT_KEYS:
                    colour = paint_colour(child.attrs.get(key))
                    if colour is not None:
                        child.attrs[key] = _nearest_ink(colour, inks)
    if canvas.defs is not None:
        press_inks(canvas.defs, texts, inks)


def woodblock(canvas: Canvas, content: Node, texts: set[int], seed: int) -> int:
    _press_all(canvas, texts, _WOODBLOCK_INKS)
    edged = key_lines(content, texts, _WOODBLOCK_INKS[-1], 4.0 * canvas.unit)
    grain(canvas, content, seed, 1800, 1.6)
    return max(1, edged)


def risograph(canvas: Canvas, content: Node, texts: set[int], seed: int) -> int:
    rng = random.Random(seed)
    _press_all(canvas, texts, _RISO_INKS)
    grain(canvas, content, seed, 2600, 1.3)
    angle = rng.uniform(0, math.tau)
    shift = 6 * canvas.unit
    misregister(canvas, content, math.cos(angle) * shift, math.sin(angle) * shift, _RISO_INKS[0])
    return 1


def halftone(canvas: Canvas, content: Node, texts: set[int], _seed: int) -> int:
    _press_all(canvas, texts, _POP_INKS)
    edged = key_lines(content, texts, _POP_INKS[4], 6.0 * canvas.unit)
    dot_screen(canvas, content, 14 * canvas.unit, _POP_INKS[4])
    return max(1, edged)


def papercut(canvas: Canvas, content: Node, texts: set[int], _seed: int) -> int:
    return lift_layers(canvas, content, texts, canvas.unit)


def glossy(canvas: Canvas, content: Node, texts: set[int], _seed: int) -> int:
    return puff(canvas, content, texts, canvas.unit)


PROCESSES: dict[str, tuple[re.Pattern[str], Callable[[Canvas, Node, set[int], int], int]]] = {
    "woodblock": (WOODBLOCK_WORDS, woodblock),
    "risograph": (RISO_WORDS, risograph),
    "halftone": (HALFTONE_WORDS, halftone),
    "papercut": (PAPERCUT_WORDS, papercut),
    "glossy": (GLOSSY_WORDS, glossy),
}
