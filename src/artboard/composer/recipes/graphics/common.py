"""Helpers the graphics recipes share: colours that respect a user palette, subject queries, icons and titles.

Colour: `tone`/`ladder` shade a colour in OKLCH, or step along the user's palette when one is given (so every
recipe keeps to it); `natural_color` is the colour most people picture a thing in. Subjects: `subject_queries`
reads what to draw from the brief; `good_icons`/`best_icon`/`distinct_icons` find symbols for it. Type:
`title_block` sets the brief's own headline and tagline (recipes never invent words).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from artboard.colors import RGB, contrast_ratio, from_oklch, oklch
from artboard.composer import colour_words, icons, shapes
from artboard.composer.canvas import Node, num
from artboard.composer.context import Ctx
from artboard.composer.typeset import fit_text

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


def palette_step(ctx: Ctx, color: RGB, direction: int) -> RGB:
    """The palette colour nearest in lightness above (direction 1) or below (-1) `color`, else `color`."""
    lightness = oklch(color)[0]
    options = [(oklch(c)[0], c) for c in ctx.scheme.colors() if c != color]
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
    return (
        from_oklch(min(0.97, lightness + lift), c * 0.85, hue),
        color,
        from_oklch(max(0.08, lightness - spread), min(0.37, c * 1.05), hue),
    )


def distinct(ground: RGB, options: Sequence[RGB], minimum: float = 1.3) -> list[RGB]:
    """Options that stand out from `ground`, in order, without repeats."""
    out: list[RGB] = []
    for c in options:
        if c not in out and c != ground and contrast_ratio(c, ground) >= minimum:
            out.append(c)
    return out


def readable(ground: RGB, options: Sequence[RGB]) -> RGB:
    """The option with the most contrast on `ground` (the earlier one on a tie)."""
    return max(options, key=lambda c: (round(contrast_ratio(c, ground), 2), -list(options).index(c)))


def lerp_lch(a: RGB, b: RGB, t: float) -> RGB:
    """A blend of two colours in OKLCH, along the shorter way round the hue circle (greys take the other hue)."""
    la, ca, ha = oklch(a)
    lb, cb, hb = oklch(b)
    if ca < 0.02:
        ha = hb
    if cb < 0.02:
        hb = ha
    dh = ((hb - ha + 180) % 360) - 180
    return from_oklch(la + (lb - la) * t, ca + (cb - ca) * t, (ha + dh * t) % 360)


# Things most people picture in one colour: OKLCH (lightness, chroma, hue) when the prompt names no colours.
_NATURAL: tuple[tuple[tuple[str, ...], tuple[float, float, float]], ...] = (
    (("lemon", "citrus", "banana", "sun", "star", "honey", "bee", "corn"), (0.86, 0.16, 98.0)),
    (("orange", "tangerine", "pumpkin", "carrot"), (0.74, 0.16, 55.0)),
    (
        (
            "leaf",
            "leaves",
            "tree",
            "plant",
            "fern",
            "palm",
            "cactus",
            "sprout",
            "herb",
            "monstera",
            "pine",
            "lime",
            "avocado",
            "olive",
            "clover",
        ),
        (0.58, 0.13, 150.0),
    ),
    (("coffee", "bean", "beans", "chocolate", "cocoa", "bread", "croissant", "cookie", "acorn"), (0.45, 0.08, 55.0)),
    (
        ("cherry", "cherries", "strawberry", "apple", "heart", "rose", "tomato", "watermelon", "chili", "chilli"),
        (0.6, 0.19, 25.0),
    ),
    (("grape", "plum", "lavender", "berry", "blueberry"), (0.5, 0.14, 300.0)),
    (("wave", "water", "fish", "whale", "ocean", "drop", "droplet", "rain", "snowflake", "ice"), (0.6, 0.12, 235.0)),
    (("flower", "blossom", "tulip", "sakura", "peach", "donut", "candy", "cupcake", "icecream"), (0.76, 0.12, 350.0)),
)


def natural_color(ctx: Ctx, query: str, *, despite_named: bool = False) -> RGB | None:
    """The colour `query`'s thing usually has (lemons yellow), unless the brief set colours of its own (with
    `despite_named`, even then: to tell which named colour suits which thing)."""
    b = ctx.brief
    # A colour named for the ground ("on a pale yellow background") is the ground's, not the things'.
    # A colour said for one thing ("white flowers") is that thing's: strawberries beside them stay red.
    design = set(b.design_colors)
    for_things = [n for n in b.color_names if (v := colour_words.colour_value(n)) != b.background_color and v in design]
    if ctx.scheme.constrained or (not despite_named and any(n not in _NOUN_COLORS for n in for_things)):
        return None
    words = set(re.findall(r"[a-z]+", query.lower()))
    words |= {w[:-1] for w in words if w.endswith("s")} | {w[:-3] + "y" for w in words if w.endswith("ies")}
    found = next((lch for keys, lch in _NATURAL if words & set(keys)), None)
    if found is None:
        # Beyond the common few, the colour vocabulary's own natural colours and colour-named things ("sand").
        named = next((c for w in sorted(words) if (c := colour_words.natural_colour(w)) is not None), None)
        found = oklch(named) if named is not None else None
    if found is None:
        return None
    lightness, chroma, hue = found
    if "pastel" in ctx.brief.moods:
        lightness, chroma = max(lightness, 0.8), chroma * 0.6
    elif "muted" in ctx.brief.moods or "earthy" in ctx.brief.moods or ctx.brief.has("vintage"):
        chroma *= 0.6
    return from_oklch(lightness, chroma, hue)


# --- subjects and symbols ---------------------------------------------------------------------------------


def subject_queries(ctx: Ctx) -> list[str]:
    """The brief's subjects, with colour-nouns put back ("coffee beans", not "beans")."""
    b = ctx.brief
    lower = b.prompt.lower()
    out: list[str] = []
    for subject in b.subjects:
        if (subject in b.color_names or subject in _GROUND_WORDS) and (
            subject not in _NOUN_COLORS
            or re.search(r"\b(?:on|against|over)\s+(?:a\s+)?(?:\w+\s+)?" + re.escape(subject) + r"\b", lower)
        ):
            continue  # "on cream": a ground colour, not a thing to draw
        first = subject.split()[0]
        m = re.search(r"\b([a-z]+)\s+" + re.escape(first) + r"\b", lower)
        if m and m.group(1) in b.color_names and m.group(1) in _NOUN_COLORS:
            subject = f"{m.group(1)} {subject}"
        out.append(subject)
    for name in b.color_names:
        if (
            name in _NOUN_COLORS
            and not any(name in q for q in out)
            and re.search(r"\b(?:of|about|in|a|an|the|with)\s+(?:a\s+|the\s+)?" + re.escape(name) + r"\b", lower)
        ):
            out.append(name)
    return out


def has_word(ctx: Ctx, *words: str) -> bool:
    """True if the prompt has any of the words."""
    return any(w in ctx.brief.words for w in words)


# Status and container variants make poor motifs ("cup-off", "leaf-circle", "coffee-to-go-outline-alert").
VARIANT_RE = re.compile(
    r"-(?:off|remove|minus|plus|alert|cancel|check|lock|unlock|lock-open|sync|edit|cog|question|clock|search|"
    r"refresh|arrow|settings|network|marker|box|circle|square|badge|outline-off|star|x|slash|dashed|remove|"
    r"variant-off|multiple|plus-outline|minus-outline|heart|skull|fire|sharp|pending|wrench|wifi|bluetooth)(?:-|$)"
)


def solid_twin(icon: icons.Icon) -> icons.Icon:
    """The solid sibling of an outline icon when its set has one."""
    get = getattr(icons, "get_icon", None)
    if get is None:
        return icon
    candidates: list[str] = []
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


def note_icons(ctx: Ctx, chosen: Sequence[icons.Icon]) -> None:
    """Record the icons a design uses in its info (for attribution)."""
    if chosen:
        ctx.info.setdefault("icons", []).extend(ic.key for ic in chosen)


def good_icons(
    query: str, k: int = 3, mode: str | None = None, solid: bool = False, min_score: float = 0.55, slack: float = 0.3
) -> list[icons.Icon]:
    """The best few icons for `query`, without status/container variants or near-duplicates."""
    try:
        found = icons.find_icons(query, k=max(12, k * 5), mode=mode)  # type: ignore[arg-type]
    except Exception:
        return []
    out: list[icons.Icon] = []
    best = None
    for ic, score in found:
        if VARIANT_RE.search(ic.name) and not VARIANT_RE.search(query.replace(" ", "-")):
            continue
        if best is None:
            best = score
        if score < min_score or score < best - slack:
            break
        if solid and mode != "stroke":
            ic = solid_twin(ic)
        if any(_same_family(ic.name, c.name) for c in out):
            continue
        out.append(ic)
        if len(out) >= k:
            break
    return out


def best_icon(
    ctx: Ctx,
    query: str,
    mode: str | None = None,
    solid: bool = False,
    min_score: float = 0.55,
    exclude: Sequence[str] = (),
) -> icons.Icon | None:
    """One good icon for `query`, varied by the seed among near-equals; None when nothing fits well."""
    pool = [ic for ic in good_icons(query, 3, mode, solid, min_score, slack=0.06) if ic.key not in exclude]
    if not pool:
        return None
    choice = pool[ctx.rng.randrange(len(pool))]
    note_icons(ctx, [choice])
    return choice


def distinct_icons(
    ctx: Ctx, queries: Sequence[str], count: int, mode: str | None = None, solid: bool = False, min_score: float = 0.55
) -> list[icons.Icon]:
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
    note_icons(ctx, chosen)
    return chosen[:count]


_STYLE_SUFFIX = re.compile(r"-(?:fill|outline|variant|duotone|bold|thin|light|regular|simple)$")


def _same_family(a: str, b: str) -> bool:
    """True for two styles of one icon ("leaf", "leaf-fill")."""
    return _STYLE_SUFFIX.sub("", a) == _STYLE_SUFFIX.sub("", b)


def icon_at(
    ctx: Ctx,
    parent: Node,
    icon: icons.Icon,
    cx: float,
    cy: float,
    size: float,
    color: RGB,
    rotate: float = 0.0,
    weight: float = 1.0,
    name: str = "symbol",
) -> Node:
    """`ctx.draw_icon`, turned by `rotate` degrees about its centre."""
    holder = parent
    if rotate:
        holder = parent.group(name, transform=f"rotate({num(rotate)} {num(cx)} {num(cy)})")
    return ctx.draw_icon(holder, icon, cx, cy, size, color, weight=weight, name=name)


def icon_outline(icon: icons.Icon, cx: float, cy: float, size: float, stroke: float | None = None) -> str:
    """The icon as one filled path, centred at (cx, cy) in a size×size box (for knockouts and clips)."""
    vx, vy, vw, vh = icon.viewbox
    scale = size / max(vw, vh)
    tx, ty = cx - (vx + vw / 2) * scale, cy - (vy + vh / 2) * scale
    paths = icons.icon_as_fill_paths(icon, stroke) if stroke else icons.icon_as_fill_paths(icon)
    return " ".join(shapes.transform_d(d, (scale, 0, 0, scale, tx, ty)) for d in paths)


def ellipse(node: Node, cx: float, cy: float, rx: float, ry: float, fill: RGB) -> Node:
    """An ellipse (shadows, the top of a cylinder); the canvas has no shorthand for one."""
    return node.add("ellipse", cx=round(cx, 2), cy=round(cy, 2), rx=round(rx, 2), ry=round(ry, 2), fill=fill)


# --- type -------------------------------------------------------------------------------------------------


def text_lines(ctx: Ctx) -> list[str]:
    """The lines to set under the headline: the tagline and further quoted strings, at most two."""
    b = ctx.brief
    out = [t for t in (b.tagline, *b.texts[1:]) if t]
    return out[:2]


def title_block(
    ctx: Ctx,
    parent: Node,
    box: Box,
    color: RGB,
    sub_color: RGB | None = None,
    align: str = "left",
    max_lines: int = 2,
    upper: bool | None = None,
    subs: list[str] | None = None,
    headline: str | None = None,
) -> Box | None:
    """The headline (the brief's, or `headline`) and tagline/second text below it inside `box`; None when there
    is no text."""
    b = ctx.brief
    headline = headline or b.headline
    if not headline:
        return None
    x0, y0, x1, y1 = box
    subs = text_lines(ctx) if subs is None else subs
    head_h = (y1 - y0) * (0.68 if subs else 1.0)
    if upper is None:
        upper = len(headline) < 28 and not ctx.brief.has("elegant", "hand_drawn", "playful")
    block = ctx.text(
        parent,
        headline,
        (x0, y0, x1, y0 + head_h),
        color,
        align=align,  # type: ignore[arg-type]
        valign="top" if subs else "middle",
        uppercase=upper,
        tracking=30 if upper else 0,
        max_lines=max_lines,
        line_height=1.05,
        name="headline",
    )
    bx0, by0, bx1, by1 = block.bbox
    top = by1 + ctx.short * 0.025
    for line in subs:
        h = ctx.short * 0.034
        if top + h > y1 + ctx.short * 0.02:
            break
        sub = ctx.text(
            parent,
            line,
            (x0, top, x1, top + h),
            sub_color or color,
            purpose="body",
            weight=500,
            align=align,  # type: ignore[arg-type]
            max_lines=1,
            name="subline",
        )
        by1 = max(by1, sub.bbox[3])
        top = sub.bbox[3] + ctx.short * 0.018
    return (bx0, by0, bx1, by1)


def uniform_labels(
    ctx: Ctx,
    parent: Node,
    items: Sequence[tuple[str, Box]],
    color: RGB,
    *,
    weight: int = 600,
    align: str = "center",
    max_lines: int = 2,
) -> list[Box]:
    """Set several labels at one common size (the largest that fits every box)."""
    face = ctx.face("body", weight)
    sizes = []
    for text, (x0, y0, x1, y1) in items:
        block = fit_text(
            text,
            face,
            (x0, y0, x1, y1),
            max_size=y1 - y0,
            min_size=4.0,
            align=align,  # type: ignore[arg-type]
            max_lines=max_lines,
        )
        sizes.append(block.font_size)
    size = min(sizes) if sizes else 10.0
    out = []
    for text, box in items:
        block = ctx.text(
            parent,
            text,
            box,
            color,
            purpose="body",
            weight=weight,
            max_size=size,
            min_size=min(size, 4.0),
            align=align,  # type: ignore[arg-type]
            max_lines=max_lines,
            name="label",
        )
        out.append(block.bbox)
    return out


def note_drawn(ctx: Ctx, *concepts: str) -> None:
    """Record in the manifest things a recipe drew with its own geometry (a mountain range, a crescent moon,
    a skyline), as the icon-drawing helpers do for icons."""
    drawn = ctx.info.setdefault("drawn", [])
    for concept in concepts:
        if all(d.get("concept") != concept for d in drawn):
            drawn.append({"concept": concept, "icon": ""})
