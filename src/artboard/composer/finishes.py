"""Finishes: a surface look laid over a finished design, as a print process is over a layout.

- watercolour (watercolour.py, a filter): the painted shapes washed, the lettering crisp;
- grunge ("grunge poster", "distressed", "worn print"): ink knocked out in specks and scuffs everywhere, the type
  too, as a worn screen print is (a mask of vector chips);
- holographic ("holographic sticker", "iridescent foil"): the art turned foil, an oil-slick rainbow multiplied
  into it (gradients blended through an alpha mask of the design itself);
- pixel ("pixel art sticker", "8-bit poster"): the art redrawn in square cells of a few flat colours
  (pixelate.py), the lettering crisp above it;
- woodblock, risograph, halftone, papercut: print processes (printmaking.py) — inks, key lines, grain, a dot
  screen, layers lifted by shadows;
- engraving, embroidery, tattoo: hand crafts (crafts.py) — tone as hatching in one ink on paper; satin stitches
  and a running-stitch edge in each colour's thread; a tattoo shop's few bold inks inside heavy black lines.

A finish never goes on a design with a fixed palette: its filter makes colours the palette does not hold. Adding
one is an entry in FINISHES: the words that ask for it, the kinds of design it suits, and how it is laid on.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable
from dataclasses import dataclass

from artboard.colors import oklch
from artboard.composer import blueprint, crafts, pixelate, printmaking, watercolour
from artboard.composer.canvas import Canvas, Node, num, polygon_d


def _content(canvas: Canvas) -> Node | None:
    """Everything on the canvas but its definitions and the flat paper under it, moved into one group (in the
    same order, so nothing restacks), which a finish can then treat as one layer; None when there is nothing."""
    keep: list[Node] = []
    moved: list[Node] = []
    for child in canvas.children:
        fixed = child.tag in ("defs", "title") or child.attrs.get("id") == "background"
        (keep if fixed or (not moved and _full_bleed(child, canvas.width, canvas.height)) else moved).append(child)
    if not moved:
        return None
    content = Node("g", {"id": canvas.new_id("finished")})
    content.children = moved
    canvas.children = [*keep, content]
    return content


def _speck_d(rng: random.Random, x: float, y: float, r: float) -> str:
    """A small irregular chip: five to seven points round (x, y) at radii from half to all of `r`."""
    n = rng.randint(5, 7)
    points = []
    for k in range(n):
        a = (k + rng.uniform(-0.3, 0.3)) * math.tau / n
        rr = r * rng.uniform(0.45, 1.0)
        points.append((x + math.cos(a) * rr, y + math.sin(a) * rr))
    return polygon_d(points)


def _grunge(canvas: Canvas, _text_nodes: list[Node], seed: int, _design_type: str) -> int:
    """Wear cut out of the whole design through a mask: specks that gather in a few worn patches, larger chips,
    and thin scuffs across. Vector shapes, so the SVG stays a vector file and renders as fast as any other."""
    content = _content(canvas)
    if content is None:
        return 0
    rng = random.Random(seed)
    w, h = canvas.width, canvas.height
    unit = canvas.unit
    patches = [(rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0.2, 0.45) * max(w, h)) for _ in range(5)]
    chips: list[str] = []
    for _ in range(int(2400 * w * h / 1024**2)):
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        worn = max(math.exp(-((math.hypot(x - px, y - py) / pr) ** 2)) for px, py, pr in patches)
        if rng.random() > 0.08 + 0.92 * worn**1.5:
            continue  # wear gathers where a print rubs, and is sparse elsewhere
        big = rng.random() < 0.1 + 0.15 * worn
        r = unit * (rng.uniform(5.0, 12.0) if big else rng.uniform(1.2, 4.0))
        chips.append(_speck_d(rng, x, y, r))
    for _ in range(int(26 * w * h / 1024**2)):
        length = rng.uniform(0.06, 0.28) * w
        x, y = rng.uniform(0, w - length), rng.uniform(0, h)
        tilt = rng.uniform(-0.05, 0.05) * length
        width = unit * rng.uniform(1.0, 2.6)
        chips.append(polygon_d([(x, y), (x + length * 0.5, y + tilt * 0.5 - width), (x + length, y + tilt),
                                (x + length * 0.5, y + tilt * 0.5 + width)]))  # fmt: skip
    mid = canvas.new_id("wear")
    mask = canvas.definitions().add("mask", id=mid, maskUnits="userSpaceOnUse", x=0, y=0, width=w, height=h)
    mask.rect(0, 0, w, h, (255, 255, 255))
    mask.path("".join(chips), (0, 0, 0))
    content.attrs["mask"] = f"url(#{mid})"
    return 1


# An oil-slick foil: pale pink, lilac, ice blue, mint and lemon, repeated along a diagonal.
_FOIL = ((255, 196, 230), (214, 196, 255), (176, 232, 255), (190, 255, 222), (255, 246, 190), (255, 196, 230))


def _holographic(canvas: Canvas, _text_nodes: list[Node], seed: int, _design_type: str) -> int:
    """The foil multiplied into the design's own shape (an alpha mask of it), and a soft band of sheen across:
    white turns pastel foil, colours shimmer, dark ink stays dark."""
    content = _content(canvas)
    if content is None:
        return 0
    rng = random.Random(seed)
    w, h = canvas.width, canvas.height
    defs = canvas.definitions()
    gid, sid, mid = canvas.new_id("foil"), canvas.new_id("sheen"), canvas.new_id("shape")
    turn = rng.uniform(-0.25, 0.25)
    grad = defs.add("linearGradient", id=gid, x1=num(0.0 + turn), y1="0", x2=num(1.0 - turn), y2="1",
                    spreadMethod="reflect")  # fmt: skip
    for i, c in enumerate(_FOIL):
        grad.add("stop", offset=num(i / (len(_FOIL) - 1)), stop_color=c)
    sheen = defs.add("linearGradient", id=sid, x1="0", y1="0", x2="1", y2="1")
    at = rng.uniform(0.3, 0.6)
    for offset, opacity in ((at - 0.12, 0.0), (at, 0.55), (at + 0.12, 0.0)):
        sheen.add("stop", offset=num(offset), stop_color=(255, 255, 255), stop_opacity=num(opacity))
    defs.add("mask", id=mid, mask_type="alpha").add("use", href=f"#{content.attrs['id']}")
    canvas.rect(0, 0, w, h, f"url(#{gid})", mask=f"url(#{mid})", style="mix-blend-mode:multiply")
    canvas.rect(0, 0, w, h, f"url(#{sid})", mask=f"url(#{mid})", style="mix-blend-mode:screen")
    return 1


def _pixel(canvas: Canvas, text_nodes: list[Node], _seed: int, design_type: str) -> int:
    """The art redrawn in square cells of a few flat colours (pixelate.py); lettering stays crisp."""
    content = _content(canvas)
    return pixelate.apply(canvas, content, text_nodes, design_type) if content is not None else 0


def _printed(process: str) -> Callable[[Canvas, list[Node], int, str], int]:
    """A print process of printmaking.py as a finish over the whole design."""
    press = printmaking.PROCESSES[process][1]

    def apply(canvas: Canvas, text_nodes: list[Node], seed: int, _design_type: str) -> int:
        content = _content(canvas)
        return press(canvas, content, {id(n) for n in text_nodes}, seed) if content is not None else 0

    return apply


def _crafted(craft: Callable[[Canvas, Node, set[int], int], int]) -> Callable[[Canvas, list[Node], int, str], int]:
    """A hand craft of crafts.py as a finish over the whole design."""

    def apply(canvas: Canvas, text_nodes: list[Node], seed: int, _design_type: str) -> int:
        content = _content(canvas)
        return craft(canvas, content, {id(n) for n in text_nodes}, seed) if content is not None else 0

    return apply


def _watercolour(canvas: Canvas, text_nodes: list[Node], seed: int, design_type: str) -> int:
    """The watercolour filter on every subtree that holds no lettering (and washes in the corners of a card,
    a poster or a banner)."""
    texts = {id(n) for n in text_nodes}
    holds: dict[int, bool] = {}

    def has_text(node: Node) -> bool:
        key = id(node)
        if key not in holds:
            holds[key] = key in texts or any(has_text(c) for c in node.children)
        return holds[key]

    paint = ""
    washed = 0

    def visit(node: Node) -> None:
        nonlocal paint, washed
        for child in node.children:
            if child.tag in ("defs", "title", "#text") or id(child) in texts:
                continue
            if _full_bleed(child, canvas.width, canvas.height) or child.attrs.get("id") == "background":
                continue
            if has_text(child):
                visit(child)
                continue
            paint = paint or watercolour.filter_for(canvas, seed)
            child.attrs["filter"] = paint
            washed += 1

    visit(canvas)
    if design_type in _WASHED_TYPES:
        # A card, a poster or a banner is painted too: loose washes of its own colours bloom in two corners.
        colours = _chroma_order(canvas, texts)
        blooms = watercolour.washes(canvas, colours[:4], seed)
        if blooms is not None:
            # The washes stay on the design's own paint (a card on a clear ground keeps its clear margins).
            shown = [c for c in canvas.children if c.tag not in ("defs", "title")]
            mid = canvas.new_id("paper")
            mask = canvas.definitions().add("mask", id=mid, mask_type="alpha")
            for child in shown:
                child.attrs.setdefault("id", canvas.new_id("layer"))
                mask.add("use", href=f"#{child.attrs['id']}")
            at = next((i + 1 for i, c in enumerate(canvas.children) if c.attrs.get("id") == "background"), 0)
            at = at or sum(1 for c in canvas.children if c.tag in ("defs", "title"))
            canvas.children.insert(at, Node("g", {"mask": f"url(#{mid})"}, [blooms]))
            washed += 1
    return washed


_WASHED_TYPES = frozenset({"card", "poster", "banner"})


def _chroma_order(canvas: Canvas, texts: set[int]) -> list[tuple[int, int, int]]:
    """The art's fill colours (the paper under it aside), most colourful first, each once (the washes take its
    palette)."""
    seen: dict[tuple[int, int, int], float] = {}
    for top in canvas.children:
        if top.tag in ("defs", "title") or top.attrs.get("id") == "background" or id(top) in texts:
            continue
        for n in (top, *printmaking.painted(top, texts)):
            fill = printmaking.paint_colour(n.attrs.get("fill"))
            if fill is not None and oklch(fill)[1] > 0.04:
                seen[fill] = oklch(fill)[1]
    return sorted(seen, key=lambda c: -seen[c])


# Not patterns: grain and a screen would break the repeat (a "halftone pattern" is a pattern of its own).
_PRINTED_TYPES = frozenset(
    "poster illustration banner card tshirt sticker badge logo icon emoji background label app_icon".split()
)


# Marks that a glossy 3D dome suits; scenes and layouts of copy keep their flat look.
_GLOSSY_TYPES = frozenset("icon emoji app_icon sticker logo badge".split())


@dataclass(frozen=True)
class Finish:
    words: re.Pattern[str]
    types: frozenset[str]
    # (canvas, lettering nodes, seed, design type) → how many layers took it
    apply: Callable[[Canvas, list[Node], int, str], int]


FINISHES: dict[str, Finish] = {
    "watercolour": Finish(
        watercolour.WORDS_RE,
        frozenset({"illustration", "card", "poster", "banner", "pattern", "background"}),
        _watercolour,
    ),
    "grunge": Finish(
        re.compile(
            r"\bgrunge|\bgrungy\b|\bdistressed\b|\bweathered\b|\bscuffed\b|\bworn[- ]out\b|\bwell[- ]worn\b"
            r"|\bworn (?:look|texture|print|finish)\b",
            re.I,
        ),
        frozenset("poster tshirt banner card label badge sticker logo illustration background monogram".split()),
        _grunge,
    ),
    "pixel": Finish(
        pixelate.WORDS,
        frozenset("sticker icon emoji app_icon logo badge illustration poster banner tshirt card background".split()),
        _pixel,
    ),
    **{
        name: Finish(printmaking.PROCESSES[name][0], _PRINTED_TYPES, _printed(name))
        for name in ("woodblock", "risograph", "halftone", "papercut")
    },
    "glossy": Finish(printmaking.GLOSSY_WORDS, _GLOSSY_TYPES, _printed("glossy")),
    "engraving": Finish(crafts.ENGRAVING_WORDS, _PRINTED_TYPES, _crafted(crafts.engraving)),
    "tattoo": Finish(
        crafts.TATTOO_WORDS,
        frozenset("illustration sticker tshirt badge logo poster emoji icon".split()),
        _crafted(crafts.tattoo),
    ),
    "embroidery": Finish(
        crafts.EMBROIDERY_WORDS,
        frozenset("badge sticker logo tshirt icon emoji monogram label card".split()),
        _crafted(crafts.embroidery),
    ),
    "blueprint": Finish(
        blueprint.WORDS,
        frozenset("poster banner card illustration logo label tshirt infographic certificate".split()),
        blueprint.blueprint,
    ),
    "holographic": Finish(
        re.compile(r"\bholo(?:graphic|gram|foil)?\b|\biridescent\b|\bopalescent\b|\bpearlescent\b", re.I),
        frozenset({"sticker", "badge", "label", "card", "emoji"}),  # where white stock turns foil,
        _holographic,
    ),
}


def wanted(prompt: str, design_type: str) -> str | None:
    """The finish the prompt asks for and the design suits, or None."""
    for name, finish in FINISHES.items():
        if design_type in finish.types and finish.words.search(prompt):
            return name
    return None


def _full_bleed(node: Node, width: int, height: int) -> bool:
    a = node.attrs
    return (
        node.tag == "rect"
        and a.get("x") in (0, 0.0)
        and a.get("y") in (0, 0.0)
        and (a.get("width") == float(width) and a.get("height") == float(height))
    )


def apply(canvas: Canvas, name: str, text_nodes: list[Node], seed: int, design_type: str = "") -> int:
    """Lay finish `name` over the composed canvas; returns how many layers took it (0: nothing to finish)."""
    return FINISHES[name].apply(canvas, text_nodes, seed, design_type)
