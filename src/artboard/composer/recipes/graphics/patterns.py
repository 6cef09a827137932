"""Seamless patterns: subject motifs in a half-drop, brick or tossed repeat, or a geometric repeat.

`pattern` reads the motifs from the brief (themes such as "floral" name their own); with none, or when the
prompt asks for shapes, it draws a memphis, truchet or bauhaus repeat (geometric.py). Every repeat is drawn on
a torus (tiling.py), so the canvas tiles without a seam.
"""

from __future__ import annotations

import math
import re

from artboard.colors import RGB, contrast_ratio, from_oklch, oklch
from artboard.composer import icons
from artboard.composer.canvas import Node, num, polygon_d
from artboard.composer.colour_words import colour_value
from artboard.composer.context import Ctx
from artboard.composer.noun_icons import resolve
from artboard.composer.recipes.graphics.common import (
    Point,
    distinct,
    distinct_icons,
    has_word,
    icon_at,
    natural_color,
    note_icons,
    subject_queries,
)
from artboard.composer.recipes.graphics.geometric import bauhaus, memphis, plus_d, truchet
from artboard.composer.recipes.graphics.repeats import NAMED_REPEATS, chevron, deco, halftone, polka, stripes
from artboard.composer.recipes.graphics.tiling import Tile, even, scatter, scatter_between

# Pattern themes named by an adjective ("floral", "botanical") rather than a thing.
_THEMES: dict[str, tuple[str, ...]] = {
    "floral": ("flower", "leaf"),
    "botanical": ("leaf", "flower"),
    "tropical": ("palm tree", "leaf"),
    "christmas": ("snowflake", "gift"),
    "festive": ("gift", "star"),
    "winter": ("snowflake", "mitten"),
    "space": ("planet", "star"),
    "celestial": ("moon", "star"),
    "ocean": ("fish", "wave"),
    "nautical": ("anchor", "wave"),
    "halloween": ("ghost", "pumpkin"),
    "kitchen": ("utensils", "coffee"),
    "fruit": ("apple", "cherry"),
    "fruity": ("cherry", "citrus"),
    "summer": ("sun", "ice cream"),
    "autumn": ("leaf maple", "acorn"),
    "garden": ("flower", "sprout"),
    "love": ("heart", "star"),
    "valentine": ("heart", "flower"),
    "baby": ("star", "moon"),
    "music": ("music note", "headphones"),
    "travel": ("airplane", "map"),
}

REPEATS = {"deco": deco, "halftone": halftone, "polka": polka, "chevron": chevron, "stripes": stripes}

_PATTERN_WORDS = re.compile(
    r"\b(?:memphis|abstract|geometric|bauhaus|tile|tiles|tiled|tiling|terrazzo|seamless|repeat|repeating|"
    r"wallpaper|textile|fabric|print|surface|wrap|wrapping|truchet|confetti|motif|motifs|background|design|"
    r"shapes|pattern|patterns|swatch|style)\b"
)


_AUDIENCE = frozenset("kid kids child children toddler toddlers baby babies nursery".split())
_REPEAT_CONCEPTS = {"polka": "polka dot", "deco": "art deco scallop", "halftone": "halftone dot"}


_COLOURFUL = frozenset("cute kawaii colorful colourful emoji playful whimsical fun".split())


def pattern(ctx: Ctx) -> str:
    """The pattern recipe: a repeat of the brief's motifs, or a geometric repeat when there are none."""
    b = ctx.brief
    art = ctx.canvas.group("pattern")
    named = next((kind for kind, words in NAMED_REPEATS if has_word(ctx, *words)), None)
    repeat_words = {w for _kind, words in NAMED_REPEATS for w in words} | {"art", "dot"}
    queries = [q for q in (_PATTERN_WORDS.sub(" ", q).strip() for q in subject_queries(ctx)) if q]
    queries = [" ".join(w for w in q.split() if w not in repeat_words) for q in queries] if named else queries
    queries = [q for q in queries if q]
    queries = [t for q in queries for t in (_THEMES.get(q, (q,)))]
    if not queries:
        for word, themed in _THEMES.items():
            if word in b.words:
                queries = list(themed)
                break
    # "kids fabric pattern with dinosaurs": who it is for is no motif when the prompt names motifs.
    queries = [q for q in queries if q not in _AUDIENCE] or queries
    line = b.has("line")
    motifs: list[icons.Icon] = []
    motif_queries: list[str] = []
    # "a cute pattern of sushi and chopsticks": the things in flat colour art, as a playful print is
    colourful = not line and not ctx.scheme.constrained and bool(b.words & _COLOURFUL)
    for q in queries[:4]:
        count = 1 if len(queries) > 1 else 2
        art_hit = resolve(q, "color", literal=True) if colourful else None
        if art_hit is not None and art_hit[0].mode == "color":
            found = [art_hit[0]]
            note_icons(ctx, found)
        else:
            found = distinct_icons(ctx, [q], count, mode="stroke" if line else None, solid=not line)
        if not found:
            # A thing no icon is named for is drawn as its nearest drawable kind ("daisies" → a flower).
            hit = resolve(q, "stroke" if line else "fill")
            found = [hit[0]] if hit is not None else []
            note_icons(ctx, found)
        found = [ic for ic in found if ic.key not in {m.key for m in motifs}]
        motifs += found
        motif_queries += [q] * len(found)
        if found:
            # What each named thing is drawn as ("dinosaurs" → a sauropod), for the manifest.
            ctx.info.setdefault("drawn", []).append({"concept": q, "icon": found[0].key})
        else:
            ctx.info.setdefault("left_out", []).append(q)
    if named is not None and not motifs:
        # "art deco pattern", "halftone", "polka dots", "chevron", "stripes": the repeat the prompt names.
        ground, colors = _ground(ctx, art)
        REPEATS[named](ctx, art, colors, ground)
        ctx.info.setdefault("drawn", []).append(
            {"concept": _REPEAT_CONCEPTS.get(named, named), "icon": f"repeat:{named}"}
        )
        return f"pattern-{named}"
    geometric_words = has_word(
        ctx, "memphis", "geometric", "geometry", "abstract", "terrazzo", "bauhaus", "truchet", "shapes", "confetti"
    )
    if not motifs or (geometric_words and not queries):
        if has_word(ctx, "memphis", "confetti", "terrazzo"):
            kind = "memphis"
        else:
            kind = ["memphis", "truchet", "bauhaus", "memphis"][ctx.rng.randrange(4)]
            if has_word(ctx, "bauhaus", "swiss", "tiles", "tile"):
                kind = "bauhaus"
        ground, colors = _ground(ctx, art)
        {"memphis": memphis, "truchet": truchet, "bauhaus": bauhaus}[kind](ctx, art, colors, ground)
        return f"pattern-{kind}"
    layout = ["half-drop", "toss", "brick", "half-drop", "toss"][ctx.rng.randrange(5)]
    ground, colors = _ground(ctx, art)
    _motif_pattern(ctx, art, motifs, motif_queries, colors, ground, layout)
    return f"pattern-{layout}"


def _ground(ctx: Ctx, art: Node) -> tuple[RGB, list[RGB]]:
    """Paint the pattern's own ground when it has one; (the ground colour, the motif colours)."""
    ground, colors = _pattern_colors(ctx)
    if ground is not None and ctx.scheme.background is not None:
        art.rect(0, 0, ctx.width, ctx.height, ground)
    return ground or ctx.scheme.ground, colors


def _pattern_colors(ctx: Ctx) -> tuple[RGB | None, list[RGB]]:
    """(ground fill to paint, or None to keep the canvas background; motif colours)."""
    s = ctx.scheme
    roles = [s.primary, s.accent, s.secondary, s.ink]
    said_ground = ctx.brief.background_color is not None  # "gold on midnight blue": the ground is said
    own = [c for c in ctx.brief.colors if c not in ctx.brief.design_colors]
    if own and not ctx.brief.design_colors and not said_ground and not s.constrained and s.background is not None:
        # "tiny pink flamingos and palm leaves": pink is the flamingos' colour, not the cloth's; they are pink
        # on a light ground.
        ground = s.surface if oklch(s.surface)[0] > 0.9 else from_oklch(0.97, 0.01, oklch(own[0])[2])
        return ground, distinct(ground, [*own, *roles], 1.25) or [s.ink]
    inverse = (
        s.background is not None
        and not said_ground
        and not ctx.brief.has("minimal")
        and "pastel" not in ctx.brief.moods
        and ctx.rng.random() < 0.3
        and not ctx.brief.on_white
    )
    if inverse:
        ground = s.primary
        opts = distinct(ground, [s.on_primary, s.accent, s.surface, s.secondary, s.background or s.surface], 1.6)
        if len(opts) >= 2:
            return ground, opts
    ground = s.ground
    if (
        s.background is not None
        and ctx.rng.random() < 0.25
        and not ctx.brief.on_white
        and not s.constrained
        and not said_ground
    ):
        ground = s.surface if contrast_ratio(s.surface, s.primary) > 2 else s.ground
        if ground == s.surface:
            colors = distinct(ground, roles, 1.4)
            if len(colors) >= 2:
                return ground, colors
        ground = s.ground
    soft = "pastel" in ctx.brief.moods and not s.constrained  # soft colours, a step deeper where they must be
    colors = (distinct(ground, roles[:3], 1.25) or _deepened(ground, roles[:3], False)) if soft else []
    colors = colors or distinct(ground, roles, 1.25) or _deepened(ground, roles, s.constrained) or [s.ink]
    return (None if ground == s.ground else ground), colors


def _deepened(ground: RGB, roles: list[RGB], constrained: bool) -> list[RGB]:
    """Pastels too pale to show on their own ground ("pastel, for kids fabric"), a step deeper in their own hues:
    pastel motifs, never black silhouettes."""
    if constrained:
        return []
    deeper = [from_oklch(max(0.5, light - 0.2), min(0.15, chroma * 1.5 + 0.03), hue) for light, chroma, hue in
              (oklch(c) for c in roles)]  # fmt: skip
    return distinct(ground, deeper, 1.25)


def _deepened_to_show(colour: RGB, ground: RGB) -> RGB:
    """`colour` darkened (or lightened on a dark ground), hue kept, until it reads as a shape on `ground`."""
    lightness, chroma, hue = oklch(colour)
    step = -0.04 if oklch(ground)[0] > 0.5 else 0.04
    for _ in range(9):
        if contrast_ratio(colour, ground) >= 1.5:
            break
        lightness = min(0.97, max(0.05, lightness + step))
        colour = from_oklch(lightness, chroma, hue)
    return colour


def _oklab_gap(a: RGB, b: RGB) -> float:
    (la, ca, ha), (lb, cb, hb) = oklch(a), oklch(b)
    dh = math.radians(ha - hb)
    return (la - lb) ** 2 + ca**2 + cb**2 - 2 * ca * cb * math.cos(dh)


def _motif_pattern(
    ctx: Ctx, art: Node, motifs: list[icons.Icon], queries: list[str], colors: list[RGB], ground: RGB, layout: str
) -> None:
    """Icon motifs in a half-drop, brick or tossed repeat, small fillers (dots, sparkles…) in the gaps."""
    rng = ctx.rng
    w, h = float(ctx.width), float(ctx.height)
    density = rng.uniform(0.15, 0.19) if not ctx.brief.has("minimal") else rng.uniform(0.2, 0.24)
    cell = ctx.short * density
    tile = Tile(ctx, art)
    main_colors = colors[:3]
    color_cycle = rng.randrange(len(main_colors))
    motif_colors: list[RGB] = []
    own = {t.noun: t.colours[-1] for t in ctx.brief.things if t.colours}  # "yellow rubber ducks"
    for k, icon in enumerate(motifs):
        query = queries[min(k, len(queries) - 1)]
        said = colour_value(own[query]) if query in own and not ctx.scheme.constrained else None
        # In a pastel print every motif takes the palette's soft colours (a cat is not drawn black).
        pastel = "pastel" in ctx.brief.moods and not said
        natural = said or (None if pastel else natural_color(ctx, f"{icon.name.replace('-', ' ')} {query}"))
        if natural is not None and said is None:
            natural = _deepened_to_show(natural, ground)  # lemons on pale yellow: a deeper, golden yellow
        if natural is not None and (said is not None or contrast_ratio(natural, ground) >= 1.25):
            motif_colors.append(natural)
            continue
        usual = natural_color(ctx, f"{icon.name.replace('-', ' ')} {query}", despite_named=True)
        named = [c for c in ctx.brief.colors if contrast_ratio(c, ground) >= 1.25]
        if usual is not None and named and not ctx.scheme.constrained and not pastel:
            # "lemons and leaves, yellow and green": each thing takes the named colour nearest its own.
            motif_colors.append(min(named, key=lambda c: _oklab_gap(c, usual)))
        else:
            motif_colors.append(main_colors[(k + color_cycle) % len(main_colors)])
    spare = [c for c in colors if c not in motif_colors] or colors
    filler_color = spare[0]
    filler_kind = rng.choice(["dot", "sparkle", "plus", "trio", "ring", "dot"])
    free_spin = rng.random() < 0.5
    spin = 180.0 if free_spin else rng.choice([10.0, 18.0, 26.0])
    entries: list[tuple[float, float, int, float, float]] = []  # x, y, motif index, size factor, rotation
    fillers: list[Point] = []
    if layout == "toss":
        pts = scatter(ctx, w, h, cell * 0.9)
        for k, (x, y) in enumerate(pts):
            entries.append((x, y, k % len(motifs), rng.uniform(0.85, 1.12), rng.uniform(-spin, spin)))
        fillers = scatter_between(ctx, w, h, pts, cell * 0.52, cell * 0.36)
    else:
        cols, rows = even(w / cell), even(h / cell)
        cw, ch = w / cols, h / rows
        ox, oy = rng.uniform(0, cw), rng.uniform(0, ch)
        for i in range(cols):
            for j in range(rows):
                if layout == "half-drop":
                    x, y = ox + i * cw, oy + j * ch + (i % 2) * ch / 2
                else:
                    x, y = ox + i * cw + (j % 2) * cw / 2, oy + j * ch
                index = (i + j) % len(motifs) if len(motifs) < 3 else (i + 2 * j) % 3
                entries.append((x, y, index, rng.uniform(0.94, 1.04), rng.uniform(-spin, spin)))
                fillers.append((x + cw / 2, y + ch / 2))
    base = cell * 0.7
    stroke_weight = 1.1 if ctx.short >= 1500 else 1.0
    for x, y, index, scale, rot in entries:
        icon = motifs[index]
        color = motif_colors[index]
        size = base * scale * (1.0 if index == 0 else 0.86)

        def draw(
            parent: Node,
            px: float,
            py: float,
            icon: icons.Icon = icon,
            color: RGB = color,
            size: float = size,
            rot: float = rot,
        ) -> None:
            icon_at(ctx, parent, icon, px, py, size, color, rotate=rot, weight=stroke_weight, name="motif")

        tile.place(x, y, size * 0.75, draw)
    for fx, fy in fillers:
        r = cell * 0.12
        rot = rng.uniform(0, 90)

        def draw_filler(parent: Node, px: float, py: float, r: float = r, rot: float = rot) -> None:
            _filler(ctx, filler_kind, parent, px, py, r, filler_color, rot)

        tile.place(fx, fy, r, draw_filler)


def _filler(ctx: Ctx, kind: str, parent: Node, x: float, y: float, r: float, color: RGB, rot: float) -> None:
    if kind == "dot":
        parent.circle(x, y, r * 0.32, color)
    elif kind == "ring":
        parent.circle(x, y, r * 0.42, None, stroke=color, stroke_width=round(r * 0.22, 2))
    elif kind == "plus":
        parent.path(plus_d(x, y, r * 0.55, r * 0.16), color, transform=f"rotate({num(rot)} {num(x)} {num(y)})")
    elif kind == "sparkle":
        pts = []
        for i in range(8):
            rr = r * (0.75 if i % 2 == 0 else 0.18)
            a = math.radians(rot + 45 * i)
            pts.append((x + rr * math.cos(a), y + rr * math.sin(a)))
        parent.path(polygon_d(pts), color)
    elif kind == "trio":
        for i in range(3):
            a = math.radians(rot + 120 * i)
            parent.circle(x + r * 0.38 * math.cos(a), y + r * 0.38 * math.sin(a), r * 0.14, color)
