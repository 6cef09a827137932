"""Graphics: seamless patterns, isometric heroes, infographics (charts.py) and illustrations (scenes.py).

This module also holds the helpers the three share: colour ladders that respect a user palette, subject
queries, rotated icons and headline placement. `infographic` and `illustration` import their modules lazily
so any of the three files can be imported first.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

from artboard.colors import RGB, contrast_ratio, from_oklch, oklch
from artboard.composer import icons
from artboard.composer.canvas import Node, circle_d, num, polygon_d, rect_d, regular_polygon
from artboard.composer.context import Ctx

Point = tuple[float, float]
Box = tuple[float, float, float, float]

# Colour words that are also things ("coffee beans", "forest", "lemon") — the brief takes them as colours.
_NOUN_COLORS = frozenset(
    "coffee chocolate lemon lime forest ocean sky sea sand stone rose cherry honey wine olive peach mint lavender "
    "plum salmon moss slate rust copper gold silver pearl ivory charcoal tomato banana orange grape "
    "berry strawberry avocado pumpkin caramel vanilla cinnamon ink smoke snow fire".split()
)
_GROUND_WORDS = frozenset("cream ivory beige linen paper kraft parchment offwhite off-white eggshell bone".split())


# --- colour -----------------------------------------------------------------------------------------------

def tone(ctx: Ctx, color: RGB, dl: float, chroma: float = 1.0, fallback: RGB | None = None) -> RGB:
    """`color` made lighter (dl > 0) or darker in OKLCH; with a user palette, the nearest palette step instead."""
    if ctx.scheme.constrained:
        return fallback if fallback is not None else palette_step(ctx, color, 1 if dl > 0 else -1)
    lightness, c, hue = oklch(color)
    return from_oklch(max(0.04, min(0.985, lightness + dl)), max(0.0, c * chroma), hue)


def at_lightness(ctx: Ctx, color: RGB, lightness: float, chroma: float | None = None) -> RGB:
    """`color`'s hue at an absolute OKLCH lightness (unconstrained only; a palette keeps the colour)."""
    if ctx.scheme.constrained:
        return color
    _, c, hue = oklch(color)
    return from_oklch(lightness, c if chroma is None else chroma, hue)


def palette_colors(ctx: Ctx) -> list[RGB]:
    return ctx.scheme.colors()


def palette_step(ctx: Ctx, color: RGB, direction: int) -> RGB:
    """The palette colour nearest in lightness above (direction 1) or below (-1) `color`, else `color`."""
    lightness = oklch(color)[0]
    options = [(oklch(c)[0], c) for c in palette_colors(ctx) if c != color]
    if direction > 0:
        above = sorted((lv, c) for lv, c in options if lv > lightness + 0.02)
        return above[0][1] if above else color
    below = sorted(((lv, c) for lv, c in options if lv < lightness - 0.02), reverse=True)
    return below[0][1] if below else color


def ladder(ctx: Ctx, color: RGB, spread: float = 0.11) -> tuple[RGB, RGB, RGB]:
    """(light, mid, dark) shades of one colour for lit/side/shadow faces."""
    if ctx.scheme.constrained:
        return palette_step(ctx, color, 1), color, palette_step(ctx, color, -1)
    lightness, c, hue = oklch(color)
    lift = min(spread, 0.97 - lightness) if lightness + spread > 0.97 else spread
    return (from_oklch(min(0.97, lightness + lift), c * 0.85, hue), color,
            from_oklch(max(0.08, lightness - spread), min(0.37, c * 1.05), hue))


def distinct(ground: RGB, options: Sequence[RGB], minimum: float = 1.3) -> list[RGB]:
    """Options that stand out from `ground`, in order, without repeats."""
    out: list[RGB] = []
    for c in options:
        if c not in out and c != ground and contrast_ratio(c, ground) >= minimum:
            out.append(c)
    return out


def readable(ground: RGB, options: Sequence[RGB]) -> RGB:
    return max(options, key=lambda c: (round(contrast_ratio(c, ground), 2), -list(options).index(c)))


# --- subjects and symbols ---------------------------------------------------------------------------------

def subject_queries(ctx: Ctx) -> list[str]:
    """The brief's subjects, with colour-nouns put back ("coffee beans", not "beans")."""
    b = ctx.brief
    lower = b.prompt.lower()
    out: list[str] = []
    for subject in b.subjects:
        if (subject in b.color_names or subject in _GROUND_WORDS) and (subject not in _NOUN_COLORS or re.search(
                r"\b(?:on|against|over)\s+(?:a\s+)?(?:\w+\s+)?" + re.escape(subject) + r"\b", lower)):
            continue  # "on cream": a ground colour, not a thing to draw
        first = subject.split()[0]
        m = re.search(r"\b([a-z]+)\s+" + re.escape(first) + r"\b", lower)
        if m and m.group(1) in b.color_names and m.group(1) in _NOUN_COLORS:
            subject = f"{m.group(1)} {subject}"
        out.append(subject)
    for name in b.color_names:
        if name in _NOUN_COLORS and not any(name in q for q in out) and re.search(
                r"\b(?:of|about|in|a|an|the|with)\s+(?:a\s+|the\s+)?" + re.escape(name) + r"\b", lower):
            out.append(name)
    return out


def has_word(ctx: Ctx, *words: str) -> bool:
    return any(w in ctx.brief.words for w in words)


def pick(ctx: Ctx, query: str, mode: str | None = None, exclude: tuple[str, ...] = ()) -> icons.Icon | None:
    try:
        return ctx.pick_icon(query, mode=mode, exclude=exclude)  # type: ignore[arg-type]
    except Exception:
        return None


# Status and container variants make poor motifs ("cup-off", "leaf-circle", "coffee-to-go-outline-alert").
_VARIANT_RE = re.compile(
    r"-(?:off|remove|minus|plus|alert|cancel|check|lock|unlock|lock-open|sync|edit|cog|question|clock|search|"
    r"refresh|arrow|settings|network|marker|box|circle|square|badge|outline-off|star|x|slash|dashed|remove|"
    r"variant-off|multiple|plus-outline|minus-outline|heart|skull|fire|sharp|pending|wrench|wifi|bluetooth)(?:-|$)"
)


def _twin(icon: icons.Icon, solid: bool) -> icons.Icon:
    """The solid (or outline) sibling of an icon when its set has one."""
    get = getattr(icons, "get_icon", None)
    if get is None:
        return icon
    candidates: list[str] = []
    if solid:
        if icon.set == "ph" and not icon.name.endswith("-fill"):
            candidates.append(f"ph:{icon.name}-fill")
        if icon.set == "mdi" and icon.name.endswith("-outline"):
            candidates.append(f"mdi:{icon.name[: -len('-outline')]}")
    for key in candidates:
        try:
            return get(key)  # type: ignore[no-any-return]
        except Exception:
            continue
    return icon


def good_icons(query: str, k: int = 3, mode: str | None = None, solid: bool = False,
               min_score: float = 0.55, slack: float = 0.3) -> list[icons.Icon]:
    """The best few icons for `query`, without status/container variants or near-duplicates."""
    try:
        found = icons.find_icons(query, k=max(12, k * 5), mode=mode)  # type: ignore[arg-type]
    except Exception:
        return []
    out: list[icons.Icon] = []
    best = None
    for ic, score in found:
        if _VARIANT_RE.search(ic.name) and not _VARIANT_RE.search(query.replace(" ", "-")):
            continue
        if best is None:
            best = score
        if score < min_score or score < best - slack:
            break
        if solid and mode != "stroke":
            ic = _twin(ic, True)
        if any(_same_family(ic.name, c.name) for c in out):
            continue
        out.append(ic)
        if len(out) >= k:
            break
    return out


def best_icon(ctx: Ctx, query: str, mode: str | None = None, solid: bool = False,
              min_score: float = 0.55, exclude: Sequence[str] = ()) -> icons.Icon | None:
    """One good icon for `query`, varied by the seed among near-equals; None when nothing fits well."""
    pool = [ic for ic in good_icons(query, 3, mode, solid, min_score, slack=0.06) if ic.key not in exclude]
    if not pool:
        return None
    choice = pool[ctx.rng.randrange(len(pool))]
    ctx.info.setdefault("icons", []).append(choice.key)
    return choice


def distinct_icons(ctx: Ctx, queries: Sequence[str], count: int, mode: str | None = None,
                   solid: bool = False, min_score: float = 0.55) -> list[icons.Icon]:
    """Up to `count` different icons for the queries (several per query when there are few queries)."""
    chosen: list[icons.Icon] = []
    per = max(1, math.ceil(count / max(1, len(queries))))
    for q in queries:
        taken = 0
        for ic in good_icons(q, per + 2, mode, solid, min_score):
            if taken >= per or len(chosen) >= count:
                break
            if any(_same_family(ic.name, c.name) or ic.key == c.key for c in chosen):
                continue
            chosen.append(ic)
            taken += 1
    for ic in chosen:
        ctx.info.setdefault("icons", []).append(ic.key)
    return chosen[:count]


def _same_family(a: str, b: str) -> bool:
    strip = re.compile(r"-(?:fill|outline|variant|duotone|bold|thin|light|regular|simple)$")
    return strip.sub("", a) == strip.sub("", b)


def icon_at(ctx: Ctx, parent: Node, icon: icons.Icon, cx: float, cy: float, size: float, color: RGB,
            rotate: float = 0.0, weight: float = 1.0, name: str = "symbol") -> Node:
    holder = parent
    if rotate:
        holder = parent.group(name, transform=f"rotate({num(rotate)} {num(cx)} {num(cy)})")
    return ctx.draw_icon(holder, icon, cx, cy, size, color, weight=weight, name=name)


def icon_outline(icon: icons.Icon, cx: float, cy: float, size: float, stroke: float | None = None) -> str:
    """The icon as one filled path, centred at (cx, cy) in a size×size box (for knockouts and clips)."""
    from artboard.composer import shapes

    vx, vy, vw, vh = icon.viewbox
    scale = size / max(vw, vh)
    tx, ty = cx - (vx + vw / 2) * scale, cy - (vy + vh / 2) * scale
    paths = icons.icon_as_fill_paths(icon, stroke) if stroke else icons.icon_as_fill_paths(icon)
    return " ".join(shapes.transform_d(d, (scale, 0, 0, scale, tx, ty)) for d in paths)


# --- type -------------------------------------------------------------------------------------------------

def text_lines(ctx: Ctx) -> list[str]:
    b = ctx.brief
    out = [t for t in (b.tagline, *b.texts[1:]) if t]
    return out[:2]


def title_block(ctx: Ctx, parent: Node, box: Box, color: RGB, sub_color: RGB | None = None,
                align: str = "left", max_lines: int = 2, upper: bool | None = None,
                subs: list[str] | None = None) -> Box | None:
    """The headline (and tagline/second text below it) inside `box`; None when the brief has no text."""
    b = ctx.brief
    if not b.headline:
        return None
    x0, y0, x1, y1 = box
    subs = text_lines(ctx) if subs is None else subs
    head_h = (y1 - y0) * (0.68 if subs else 1.0)
    if upper is None:
        upper = len(b.headline) < 28 and not ctx.brief.has("elegant", "hand_drawn", "playful")
    block = ctx.text(parent, b.headline, (x0, y0, x1, y0 + head_h), color, align=align,  # type: ignore[arg-type]
                     valign="top" if subs else "middle", uppercase=upper, tracking=30 if upper else 0,
                     max_lines=max_lines, line_height=1.05, name="headline")
    bx0, by0, bx1, by1 = block.bbox
    top = by1 + ctx.short * 0.025
    for line in subs:
        h = ctx.short * 0.034
        if top + h > y1 + ctx.short * 0.02:
            break
        sub = ctx.text(parent, line, (x0, top, x1, top + h), sub_color or color, purpose="body", weight=500,
                       align=align, max_lines=1, name="subline")  # type: ignore[arg-type]
        by1 = max(by1, sub.bbox[3])
        top = sub.bbox[3] + ctx.short * 0.018
    return (bx0, by0, bx1, by1)


def uniform_labels(ctx: Ctx, parent: Node, items: Sequence[tuple[str, Box]], color: RGB, *,
                   weight: int = 600, align: str = "center", max_lines: int = 2) -> list[Box]:
    """Set several labels at one common size (the largest that fits every box)."""
    from artboard.composer.typeset import fit_text

    face = ctx.face("body", weight)
    sizes = []
    for text, (x0, y0, x1, y1) in items:
        block = fit_text(text, face, (x0, y0, x1, y1), max_size=y1 - y0, min_size=4.0, align=align,  # type: ignore[arg-type]
                         max_lines=max_lines)
        sizes.append(block.font_size)
    size = min(sizes) if sizes else 10.0
    out = []
    for text, box in items:
        block = ctx.text(parent, text, box, color, purpose="body", weight=weight, max_size=size,
                         min_size=min(size, 4.0), align=align, max_lines=max_lines, name="label")  # type: ignore[arg-type]
        out.append(block.bbox)
    return out


# --- pattern ----------------------------------------------------------------------------------------------

class _Tile:
    """Draws motifs on a W×H torus: whatever crosses an edge is drawn again on the opposite edge."""

    def __init__(self, ctx: Ctx, parent: Node) -> None:
        self.ctx = ctx
        self.parent = parent
        self.w = float(ctx.width)
        self.h = float(ctx.height)

    def place(self, x: float, y: float, reach: float, draw: Callable[[Node, float, float], None]) -> None:
        x %= self.w
        y %= self.h
        for dx in (-self.w, 0.0, self.w):
            for dy in (-self.h, 0.0, self.h):
                px, py = x + dx, y + dy
                if px + reach < 0 or px - reach > self.w or py + reach < 0 or py - reach > self.h:
                    continue
                draw(self.parent, px, py)


def _even(n: float) -> int:
    return max(2, 2 * round(n / 2))


def _scatter(ctx: Ctx, w: float, h: float, spacing: float, limit: int = 400) -> list[Point]:
    """Seeded dart-throwing on a torus: points at least `spacing` apart, also across the edges."""
    pts: list[Point] = []
    tries = 0
    cell = spacing / math.sqrt(2)
    grid: dict[tuple[int, int], Point] = {}
    gw, gh = max(1, int(w / cell)), max(1, int(h / cell))
    while tries < limit * 30 and len(pts) < limit:
        tries += 1
        x, y = ctx.rng.uniform(0, w), ctx.rng.uniform(0, h)
        gx, gy = int(x / w * gw), int(y / h * gh)
        ok = True
        for ix in range(gx - 2, gx + 3):
            for iy in range(gy - 2, gy + 3):
                p = grid.get((ix % gw, iy % gh))
                if p is None:
                    continue
                ddx = abs(p[0] - x)
                ddy = abs(p[1] - y)
                ddx, ddy = min(ddx, w - ddx), min(ddy, h - ddy)
                if ddx * ddx + ddy * ddy < spacing * spacing:
                    ok = False
                    break
            if not ok:
                break
        if ok and (gx, gy) not in grid:
            grid[(gx, gy)] = (x, y)
            pts.append((x, y))
    return pts


def _pattern_colors(ctx: Ctx, layout: str) -> tuple[RGB | None, list[RGB]]:
    """(ground fill to paint, or None to keep the canvas background; motif colours)."""
    s = ctx.scheme
    roles = [s.primary, s.accent, s.secondary, s.ink]
    inverse = (s.background is not None and not ctx.brief.has("minimal") and "pastel" not in ctx.brief.moods
               and ctx.rng.random() < 0.3 and not ctx.brief.on_white)
    if inverse:
        ground = s.primary
        opts = distinct(ground, [s.on_primary, s.accent, s.surface, s.secondary, s.background or s.surface], 1.6)
        if len(opts) >= 2:
            return ground, opts
    ground = s.ground
    if s.background is not None and ctx.rng.random() < 0.25 and not ctx.brief.on_white and not s.constrained:
        ground = s.surface if contrast_ratio(s.surface, s.primary) > 2 else s.ground
        if ground == s.surface:
            colors = distinct(ground, roles, 1.4)
            if len(colors) >= 2:
                return ground, colors
        ground = s.ground
    colors = distinct(ground, roles, 1.25) or [s.ink]
    return (None if ground == s.ground else ground), colors


def pattern(ctx: Ctx) -> str:
    b = ctx.brief
    art = ctx.canvas.group("pattern")
    queries = [q for q in (_PATTERN_WORDS.sub(" ", q).strip() for q in subject_queries(ctx)) if q]
    queries = [t for q in queries for t in (_THEMES.get(q, (q,)))]
    if not queries:
        for word, themed in _THEMES.items():
            if word in b.words:
                queries = list(themed)
                break
    line = b.has("line")
    motifs: list[icons.Icon] = []
    motif_queries: list[str] = []
    for q in queries[:3]:
        count = 1 if len(queries) > 1 else 2
        found = distinct_icons(ctx, [q], count, mode="stroke" if line else None, solid=not line)
        found = [ic for ic in found if ic.key not in {m.key for m in motifs}]
        motifs += found
        motif_queries += [q] * len(found)
    geometric_words = has_word(ctx, "memphis", "geometric", "geometry", "abstract", "terrazzo", "bauhaus",
                               "truchet", "shapes", "confetti")
    if not motifs or (geometric_words and not queries):
        if has_word(ctx, "memphis", "confetti", "terrazzo"):
            kind = "memphis"
        else:
            kind = ["memphis", "truchet", "bauhaus", "memphis"][ctx.rng.randrange(4)]
            if has_word(ctx, "bauhaus", "swiss", "tiles", "tile"):
                kind = "bauhaus"
        ground, colors = _pattern_colors(ctx, kind)
        if ground is not None and ctx.scheme.background is not None:
            art.rect(0, 0, ctx.width, ctx.height, ground)
        gnd = ground or ctx.scheme.ground
        if kind == "memphis":
            _memphis(ctx, art, colors, gnd)
        elif kind == "truchet":
            _truchet(ctx, art, colors, gnd)
        else:
            _bauhaus(ctx, art, colors, gnd)
        return f"pattern-{kind}"
    layout = ["half-drop", "toss", "brick", "half-drop", "toss"][ctx.rng.randrange(5)]
    ground, colors = _pattern_colors(ctx, layout)
    if ground is not None and ctx.scheme.background is not None:
        art.rect(0, 0, ctx.width, ctx.height, ground)
    _motif_pattern(ctx, art, motifs, motif_queries, colors, ground or ctx.scheme.ground, layout)
    return f"pattern-{layout}"


# Pattern themes named by an adjective ("floral", "botanical") rather than a thing.
_THEMES: dict[str, tuple[str, ...]] = {
    "floral": ("flower", "leaf"), "botanical": ("leaf", "flower"), "tropical": ("palm tree", "leaf"),
    "christmas": ("snowflake", "gift"), "festive": ("gift", "star"), "winter": ("snowflake", "mitten"),
    "space": ("planet", "star"), "celestial": ("moon", "star"), "ocean": ("fish", "wave"), "nautical": ("anchor",
                                                                                                         "wave"),
    "halloween": ("ghost", "pumpkin"), "kitchen": ("utensils", "coffee"), "fruit": ("apple", "cherry"),
    "fruity": ("cherry", "citrus"), "summer": ("sun", "ice cream"), "autumn": ("leaf maple", "acorn"),
    "garden": ("flower", "sprout"), "love": ("heart", "star"), "valentine": ("heart", "flower"),
    "baby": ("star", "moon"), "music": ("music note", "headphones"), "travel": ("airplane", "map"),
}

_PATTERN_WORDS = re.compile(
    r"\b(?:memphis|abstract|geometric|bauhaus|tile|tiles|tiled|tiling|terrazzo|seamless|repeat|repeating|"
    r"wallpaper|textile|fabric|print|surface|wrap|wrapping|truchet|confetti|motif|motifs|background|design|"
    r"shapes|pattern|patterns|swatch|style)\b")


def _filler(ctx: Ctx, kind: str, parent: Node, x: float, y: float, r: float, color: RGB, rot: float) -> None:
    if kind == "dot":
        parent.circle(x, y, r * 0.32, color)
    elif kind == "ring":
        parent.circle(x, y, r * 0.42, None, stroke=color, stroke_width=round(r * 0.22, 2))
    elif kind == "plus":
        t = r * 0.16
        a = r * 0.55
        d = rect_d(x - a, y - t, 2 * a, 2 * t, t) + rect_d(x - t, y - a, 2 * t, 2 * a, t)
        parent.path(d, color, transform=f"rotate({num(rot)} {num(x)} {num(y)})")
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


# Things most people picture in one colour: OKLCH (lightness, chroma, hue) when the prompt names no colours.
_NATURAL: tuple[tuple[tuple[str, ...], tuple[float, float, float]], ...] = (
    (("lemon", "citrus", "banana", "sun", "star", "honey", "bee", "corn"), (0.86, 0.16, 98.0)),
    (("orange", "tangerine", "pumpkin", "carrot"), (0.74, 0.16, 55.0)),
    (("leaf", "leaves", "tree", "plant", "fern", "palm", "cactus", "sprout", "herb", "monstera", "pine",
      "lime", "avocado", "olive", "clover"), (0.58, 0.13, 150.0)),
    (("coffee", "bean", "beans", "chocolate", "cocoa", "bread", "croissant", "cookie", "acorn"), (0.45, 0.08, 55.0)),
    (("cherry", "cherries", "strawberry", "apple", "heart", "rose", "tomato", "watermelon"), (0.6, 0.19, 25.0)),
    (("grape", "plum", "lavender", "berry", "blueberry"), (0.5, 0.14, 300.0)),
    (("wave", "water", "fish", "whale", "ocean", "drop", "droplet", "rain", "snowflake", "ice"),
     (0.6, 0.12, 235.0)),
    (("flower", "blossom", "tulip", "sakura", "peach", "donut", "candy", "cupcake", "icecream"),
     (0.76, 0.12, 350.0)),
)


def natural_color(ctx: Ctx, query: str) -> RGB | None:
    if ctx.scheme.constrained or any(n not in _NOUN_COLORS for n in ctx.brief.color_names):
        return None
    words = set(re.findall(r"[a-z]+", query.lower()))
    words |= {w[:-1] for w in words if w.endswith("s")} | {w[:-3] + "y" for w in words if w.endswith("ies")}
    for keys, (lightness, chroma, hue) in _NATURAL:
        if words & set(keys):
            if "pastel" in ctx.brief.moods:
                lightness, chroma = max(lightness, 0.8), chroma * 0.6
            elif "muted" in ctx.brief.moods or "earthy" in ctx.brief.moods or ctx.brief.has("vintage"):
                chroma *= 0.6
            return from_oklch(lightness, chroma, hue)
    return None


def _motif_pattern(ctx: Ctx, art: Node, motifs: list[icons.Icon], queries: list[str], colors: list[RGB],
                   ground: RGB, layout: str) -> None:
    rng = ctx.rng
    w, h = float(ctx.width), float(ctx.height)
    density = rng.uniform(0.15, 0.19) if not ctx.brief.has("minimal") else rng.uniform(0.2, 0.24)
    cell = ctx.short * density
    tile = _Tile(ctx, art)
    main_colors = colors[:3]
    color_cycle = rng.randrange(len(main_colors))
    motif_colors: list[RGB] = []
    for k, icon in enumerate(motifs):
        natural = natural_color(ctx, f"{icon.name.replace('-', ' ')} {queries[min(k, len(queries) - 1)]}")
        if natural is not None and contrast_ratio(natural, ground) >= 1.25:
            motif_colors.append(natural)
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
        pts = _scatter(ctx, w, h, cell * 0.9)
        for k, (x, y) in enumerate(pts):
            entries.append((x, y, k % len(motifs), rng.uniform(0.85, 1.12), rng.uniform(-spin, spin)))
        fillers = _scatter_between(ctx, w, h, pts, cell * 0.52, cell * 0.36)
    else:
        cols, rows = _even(w / cell), _even(h / cell)
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

        def draw(parent: Node, px: float, py: float, icon: icons.Icon = icon, color: RGB = color,
                 size: float = size, rot: float = rot) -> None:
            icon_at(ctx, parent, icon, px, py, size, color, rotate=rot, weight=stroke_weight, name="motif")

        tile.place(x, y, size * 0.75, draw)
    for fx, fy in fillers:
        r = cell * 0.12
        rot = rng.uniform(0, 90)

        def draw_filler(parent: Node, px: float, py: float, r: float = r, rot: float = rot) -> None:
            _filler(ctx, filler_kind, parent, px, py, r, filler_color, rot)

        tile.place(fx, fy, r, draw_filler)


def _scatter_between(ctx: Ctx, w: float, h: float, taken: list[Point], clear: float, spacing: float) -> list[Point]:
    """Filler points at least `clear` from every taken point and `spacing` from each other (on the torus)."""
    out: list[Point] = []
    for x, y in _scatter(ctx, w, h, spacing):
        ok = True
        for px, py in taken:
            dx, dy = abs(px - x), abs(py - y)
            dx, dy = min(dx, w - dx), min(dy, h - dy)
            if dx * dx + dy * dy < clear * clear:
                ok = False
                break
        if ok:
            out.append((x, y))
    return out


def _wiggle_d(x: float, y: float, length: float, amp: float, waves: int, rot: float) -> str:
    pts = []
    steps = waves * 8
    for i in range(steps + 1):
        t = i / steps
        px = -length / 2 + t * length
        py = amp * math.sin(t * waves * 2 * math.pi)
        a = math.radians(rot)
        pts.append((x + px * math.cos(a) - py * math.sin(a), y + px * math.sin(a) + py * math.cos(a)))
    return "M" + "L".join(f"{num(px)} {num(py)}" for px, py in pts)


def _memphis(ctx: Ctx, art: Node, colors: list[RGB], ground: RGB) -> None:
    rng = ctx.rng
    w, h = float(ctx.width), float(ctx.height)
    spacing = ctx.short * rng.uniform(0.1, 0.115)
    pts = _scatter(ctx, w, h, spacing)
    stroke = round(ctx.short * 0.015, 2)
    kinds = ["disc", "ring", "triangle", "wiggle", "zigzag", "half", "plus", "dots", "pill", "tri-outline",
             "square"]
    rng.shuffle(kinds)
    kinds = kinds[:7]
    palette = colors[:4]
    last = ""
    for k, (x, y) in enumerate(pts):
        kind = kinds[rng.randrange(len(kinds))]
        if kind == last:
            kind = kinds[(kinds.index(kind) + 1) % len(kinds)]
        last = kind
        color = palette[k % len(palette)] if rng.random() < 0.7 else palette[rng.randrange(len(palette))]
        size = spacing * rng.uniform(0.5, 0.66)
        rot = rng.uniform(0, 360)

        def draw(p: Node, px: float, py: float, kind: str = kind, color: RGB = color, size: float = size,
                 rot: float = rot) -> None:
            sw = {"stroke": color, "stroke_width": stroke, "stroke_linecap": "round", "stroke_linejoin": "round"}
            if kind == "disc":
                p.circle(px, py, size * 0.5, color)
            elif kind == "ring":
                p.circle(px, py, size * 0.45, None, **sw)
            elif kind == "triangle":
                p.polygon(regular_polygon(px, py, size * 0.62, 3, rot), color)
            elif kind == "tri-outline":
                p.path(polygon_d(regular_polygon(px, py, size * 0.6, 3, rot)), None, **sw)
            elif kind == "wiggle":
                p.path(_wiggle_d(px, py, size * 1.6, size * 0.16, 2, rot), None, **sw)
            elif kind == "zigzag":
                a = math.radians(rot)
                zs = []
                for i in range(6):
                    tx = -size * 0.8 + i * size * 0.32
                    ty = size * 0.16 * (1 if i % 2 else -1)
                    zs.append((px + tx * math.cos(a) - ty * math.sin(a), py + tx * math.sin(a) + ty * math.cos(a)))
                p.path("M" + "L".join(f"{num(a_)} {num(b_)}" for a_, b_ in zs), None, **sw)
            elif kind == "half":
                r = size * 0.55
                a = math.radians(rot)
                x0, y0 = px + r * math.cos(a), py + r * math.sin(a)
                x1, y1 = px - r * math.cos(a), py - r * math.sin(a)
                p.path(f"M{num(x0)} {num(y0)}A{num(r)} {num(r)} 0 0 1 {num(x1)} {num(y1)}Z", color)
            elif kind == "plus":
                t = size * 0.11
                a_ = size * 0.42
                d = rect_d(px - a_, py - t, 2 * a_, 2 * t, t) + rect_d(px - t, py - a_, 2 * t, 2 * a_, t)
                p.path(d, color, transform=f"rotate({num(rot % 90)} {num(px)} {num(py)})")
            elif kind == "dots":
                g = size * 0.3
                for i in range(3):
                    for j in range(3):
                        p.circle(px + (i - 1) * g, py + (j - 1) * g, size * 0.065, color)
            elif kind == "pill":
                p.path(rect_d(px - size * 0.7, py - size * 0.17, size * 1.4, size * 0.34, size * 0.17), color,
                       transform=f"rotate({num(rot)} {num(px)} {num(py)})")
            elif kind == "square":
                p.path(rect_d(px - size * 0.36, py - size * 0.36, size * 0.72, size * 0.72), None, **sw,
                       transform=f"rotate({num(rot)} {num(px)} {num(py)})")

        tile = _Tile(ctx, art)
        tile.place(x, y, size * 0.95, draw)


def _truchet(ctx: Ctx, art: Node, colors: list[RGB], ground: RGB) -> None:
    """Smith tiles: two quarter arcs per cell, each cell flipped by the seed; the lines meander seamlessly."""
    rng = ctx.rng
    w, h = float(ctx.width), float(ctx.height)
    cols = _even(w / (ctx.short * rng.uniform(0.085, 0.12)))
    rows = _even(h / (w / cols))
    cw, ch = w / cols, h / rows
    stroke = round(min(cw, ch) * rng.uniform(0.16, 0.26), 2)
    two_tone = len(colors) > 1 and rng.random() < 0.5
    paths: dict[int, list[str]] = {0: [], 1: []}
    for i in range(cols):
        for j in range(rows):
            x, y = i * cw, j * ch
            rx, ry = cw / 2, ch / 2
            if rng.random() < 0.5:
                a = (f"M{num(x + rx)} {num(y)}A{num(rx)} {num(ry)} 0 0 1 {num(x)} {num(y + ry)}"
                     f"M{num(x + cw)} {num(y + ry)}A{num(rx)} {num(ry)} 0 0 0 {num(x + rx)} {num(y + ch)}")
            else:
                a = (f"M{num(x + rx)} {num(y)}A{num(rx)} {num(ry)} 0 0 0 {num(x + cw)} {num(y + ry)}"
                     f"M{num(x)} {num(y + ry)}A{num(rx)} {num(ry)} 0 0 1 {num(x + rx)} {num(y + ch)}")
            paths[(i + j) % 2 if two_tone else 0].append(a)
    for key, ds in paths.items():
        if ds:
            art.path("".join(ds), None, stroke=colors[key % len(colors)], stroke_width=stroke,
                     stroke_linecap="butt")
    if rng.random() < 0.6 and len(colors) > 1:
        dot = colors[-1] if colors[-1] != colors[0] else colors[1]
        for i in range(cols):
            for j in range(rows):
                if (i + j) % 2 == 0:
                    art.circle(i * cw, j * ch, stroke * 0.5, dot)
                    if i == 0:
                        art.circle(w, j * ch, stroke * 0.5, dot)
                    if j == 0:
                        art.circle(i * cw, h, stroke * 0.5, dot)
                    if i == 0 and j == 0:
                        art.circle(w, h, stroke * 0.5, dot)


def _bauhaus(ctx: Ctx, art: Node, colors: list[RGB], ground: RGB) -> None:
    """A grid of square tiles, each a quarter circle, half disc, disc, triangle or ring in two colours.

    The grid is offset by half a tile so the edge tiles wrap: the canvas repeats without a visible seam.
    """
    rng = ctx.rng
    w, h = float(ctx.width), float(ctx.height)
    cols = _even(w / (ctx.short * rng.uniform(0.14, 0.2)))
    rows = _even(h / (w / cols))
    cw, ch = w / cols, h / rows
    fills = [ground, *colors[:3]]
    kinds = ["quarter", "half", "disc", "triangle", "quarter", "ring", "blank"]
    tile = _Tile(ctx, art)
    for i in range(cols):
        for j in range(rows):
            bg = fills[rng.randrange(len(fills))]
            fg_opts = [c for c in fills if c != bg]
            fg = fg_opts[rng.randrange(len(fg_opts))]
            kind = kinds[rng.randrange(len(kinds))]
            corner = rng.randrange(4)

            def draw(node: Node, px: float, py: float, bg: RGB = bg, fg: RGB = fg, kind: str = kind,
                     corner: int = corner) -> None:
                x, y = px - cw / 2, py - ch / 2
                if bg != ground:
                    node.rect(x - 0.25, y - 0.25, cw + 0.5, ch + 0.5, bg)
                cx = x + (cw if corner in (1, 2) else 0)
                cy = y + (ch if corner in (2, 3) else 0)
                if kind == "quarter":
                    sx = -1 if corner in (1, 2) else 1
                    sy = -1 if corner in (2, 3) else 1
                    sweep = 1 if sx * sy > 0 else 0
                    node.path(f"M{num(cx)} {num(cy)}L{num(cx + sx * cw)} {num(cy)}"
                              f"A{num(cw)} {num(ch)} 0 0 {sweep} {num(cx)} {num(cy + sy * ch)}Z", fg)
                elif kind == "half":
                    rx, ry = num(cw / 2), num(ch / 2)
                    if corner == 0:
                        d = f"M{num(x)} {num(y + ch)}A{rx} {ry} 0 0 1 {num(x + cw)} {num(y + ch)}Z"
                    elif corner == 2:
                        d = f"M{num(x)} {num(y)}A{rx} {ry} 0 0 0 {num(x + cw)} {num(y)}Z"
                    elif corner == 1:
                        d = f"M{num(x)} {num(y)}A{rx} {ry} 0 0 1 {num(x)} {num(y + ch)}Z"
                    else:
                        d = f"M{num(x + cw)} {num(y)}A{rx} {ry} 0 0 0 {num(x + cw)} {num(y + ch)}Z"
                    node.path(d, fg)
                elif kind == "disc":
                    node.circle(x + cw / 2, y + ch / 2, min(cw, ch) * 0.36, fg)
                elif kind == "ring":
                    node.path(circle_d(x + cw / 2, y + ch / 2, min(cw, ch) * 0.4)
                              + _reverse_circle(x + cw / 2, y + ch / 2, min(cw, ch) * 0.22), fg)
                elif kind == "triangle":
                    pts = [(x, y), (x + cw, y), (x + cw, y + ch), (x, y + ch)]
                    node.polygon([pts[corner], pts[(corner + 1) % 4], pts[(corner + 3) % 4]], fg)

            tile.place(i * cw + cw / 2 + cw / 2, j * ch + ch / 2 + ch / 2, max(cw, ch) * 0.75, draw)


def _reverse_circle(cx: float, cy: float, r: float) -> str:
    return (f"M{num(cx - r)} {num(cy)}A{num(r)} {num(r)} 0 1 1 {num(cx + r)} {num(cy)}"
            f"A{num(r)} {num(r)} 0 1 1 {num(cx - r)} {num(cy)}Z")


# --- lazily imported recipes ------------------------------------------------------------------------------

def infographic(ctx: Ctx) -> str:
    from artboard.composer.recipes.charts import infographic as recipe

    return recipe(ctx)


def illustration(ctx: Ctx) -> str:
    from artboard.composer.recipes.scenes import illustration as recipe

    return recipe(ctx)




def isometric(ctx: Ctx) -> str:
    from artboard.composer.recipes.iso import isometric as recipe

    return recipe(ctx)
