"""Layouts: posters and flyers, banners, cards, labels and t-shirt graphics.

Every recipe works on a grid scaled from the short side, sets only text the prompt gives (the quoted or named
text, a tagline, "est. 1987", days and times, names on an invitation, place names), and gives the room that
secondary text would take to shapes when the prompt has none. Colours are scheme roles only; text is always set
in the role with the best contrast against what lies behind it.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from artboard.colors import RGB, contrast_ratio
from artboard.composer import brief as _brief
from artboard.composer import fonts, icons, shapes
from artboard.composer.brief import Brief
from artboard.composer.canvas import Node, circle_d, polygon_d, rect_d
from artboard.composer.context import Box, Ctx
from artboard.composer.typeset import TextBlock, measure

Align = Literal["left", "center", "right"]
VAlign = Literal["top", "middle", "bottom"]
Purpose = Literal["display", "body", "script"]

# -- the copy: what the prompt asks us to set -----------------------------------------------------------------

_PLATFORMS = frozenset(
    """linkedin youtube instagram facebook twitter tiktok pinterest etsy shopify google apple
ios android twitch spotify behance dribbble medium substack reddit whatsapp snapchat x threads bluesky""".split()
)
_MEDIA = frozenset(
    """web website page poster flyer banner header hero thumbnail social post cover card invitation
invite menu board sign signage label wrapper bottle can jar box packaging package tshirt t-shirt shirt tee
apparel merch graphic print design template layout certificate postcard greeting ad advert campaign display
information extra virgin concert blocks youtube linkedin instagram""".split()
)
_CTA_RE = re.compile(
    r"\b(shop now|sign up(?: today| now| free)?|learn more|buy now|get started|book now|join now|join us|"
    r"subscribe(?: now)?|download now|order now|register now|try it free|get yours|read more|watch now|"
    r"start (?:your )?free trial|apply now|get tickets|book a demo|contact us|donate now)\b",
    re.I,
)
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight"
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_WHEN_RE = re.compile(
    rf"\b((?:(?:{_DAYS})(?:,?\s+)?)?(?:(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+"
    rf"(?:of\s+)?(?:{_MONTHS}))?(?:,?\s*(?:at\s+)?\d{{1,2}}(?::\d{{2}})?\s?(?:am|pm))?)\b",
    re.I,
)
_NAME_RE = re.compile(r"(?<![\w'])([A-Z][a-zà-ÿ]+(?:\s+(?:&|and|\+)\s+[A-Z][a-zà-ÿ]+|\s+[A-Z][a-zà-ÿ]+){0,3})")
_VOCAB: dict[str, tuple[str, ...]] = {**vars(_brief)["STYLE_WORDS"], **vars(_brief)["MOODS"]}
_STYLEISH = frozenset(w for ws in _VOCAB.values() for p in ws for w in p.split())
# Nouns that icon sets draw better under another name.
_ICON_ALIASES = {
    "note": "music note",
    "notes": "music note",
    "olive": "leaf",
    "pagoda": "temple",
    "ipa": "hop",
    "kyoto": "temple",
    "wine": "wine glass",
    "hike": "mountain",
    "hiking": "mountain",
    "brew": "coffee",
    "espresso": "coffee",
}
_ICON_STOP = frozenset(
    """top best happy new day daily club fest festival night sessions session theory off up
sale summer winter spring autumn one two three ten the and for with your our from monday tuesday wednesday
thursday friday saturday sunday tonight hacks tips guide""".split()
)
_WEAK_SUBJECTS = frozenset("travel trip vacation holiday event party night science consultancy candy".split())
# Colour names that also name a thing worth drawing ("coffee" brown → a cup); "cream" or "sage" do not.
_NOUN_COLORS = frozenset("coffee olive wine chocolate honey lemon lavender rose cherry strawberry mint".split())


@dataclass
class Copy:
    headline: str | None
    lines: list[str] = field(default_factory=list)  # secondary lines, most important first
    cta: str | None = None
    derived: bool = False  # the headline came from names in the prompt, not quoted text


def _proper_names(prompt: str) -> list[str]:
    """Capitalised runs inside the prompt ("Kyoto", "Anna & James"), not sentence starts or platform names."""
    text = re.sub(r"[\"“”«»][^\"“”«»]*[\"“”«»]|'[^']*'", " ", prompt)
    found: list[str] = []
    for m in _NAME_RE.finditer(text):
        start = m.start()
        before = text[:start].rstrip()
        if not before or before[-1] in ".!?:":
            continue  # a sentence starts here
        value = m.group(1).strip()
        words = [w.lower() for w in re.findall(r"[A-Za-zà-ÿ]+", value)]
        if any(w in _PLATFORMS or w in _STYLEISH or w in _MEDIA for w in words if w != "and"):
            continue
        if value not in found:
            found.append(value)
    return found


def copy_for(ctx: Ctx) -> Copy:
    """The text a layout may set, all of it from the prompt."""
    return _copy(ctx.brief)


@functools.lru_cache(maxsize=256)
def _copy(b: Brief) -> Copy:
    texts = list(b.texts)
    cta = None
    for t in list(texts):
        if _CTA_RE.fullmatch(t.strip(" !.")) and len(texts) > 1:
            cta = t
            texts.remove(t)
            break
    if cta is None:
        m = _CTA_RE.search(re.sub(r"[\"“”«»][^\"“”«»]*[\"“”«»]", " ", b.prompt))
        if m:
            cta = m.group(1).capitalize() if m.group(1).islower() else m.group(1)
    derived = False
    if not texts:
        names = _proper_names(b.prompt)
        if names:
            texts = names[:2]
            derived = True
    lines: list[str] = []
    for extra_line in (b.tagline, *texts[1:]):
        if extra_line and extra_line not in lines:
            lines.append(extra_line)
    quoted = " ".join(b.texts).lower()
    for m in _WHEN_RE.finditer(b.prompt):
        value = " ".join(m.group(1).split())
        if len(value) >= 3 and any(ch.isalpha() for ch in value) and value.lower() not in quoted:
            lines.append(value.upper())
    if b.established:
        lines.append(f"EST. {b.established}")
    return Copy(texts[0] if texts else None, lines[:3], cta, derived)


def _icon_words(ctx: Ctx, extra: Sequence[str] = ()) -> list[list[tuple[str, float]]]:
    """Candidate words in tiers: what the prompt depicts first, the headline's words only as a fallback
    (so "Form & Function" does not draw a form field)."""
    b = ctx.brief
    names = {w.lower() for n in _proper_names(b.prompt) for w in n.split()}
    first: list[tuple[str, float]] = []
    for i, phrase in enumerate(b.subjects):
        for w in reversed(phrase.split()):
            if w not in _MEDIA and w not in _PLATFORMS and w not in names and w not in _ICON_STOP:
                first.append((w, (0.8 if w in _WEAK_SUBJECTS else 1.0) - 0.03 * i))
    for w in b.color_names:
        if w in _NOUN_COLORS:
            first.append((w, 0.9))
    for w in extra:
        first.append((w, 0.9))
    for w in ("wedding", "birthday", "jazz", "coffee", "beer", "wine", "music"):
        if w in b.words:
            first.append((w, 0.88))
    second: list[tuple[str, float]] = []
    for t in b.texts[:1]:
        for w in re.findall(r"[A-Za-z]+", t):
            if len(w) > 2 and w.lower() not in _ICON_STOP:
                second.append((w.lower(), 0.9))
    return [first, second]


def subject_icon(
    ctx: Ctx, *, extra: Sequence[str] = (), exclude: Sequence[str] = (), threshold: float = 1.05
) -> icons.Icon | None:
    """The symbol for the brief's subject: the best-depicted word among subjects, headline and colour nouns."""
    seen: set[str] = set()
    for tier in _icon_words(ctx, extra):
        best: tuple[float, str] | None = None
        for word, weight in tier:
            query = _ICON_ALIASES.get(word, word)
            if query in seen or any(query.startswith(e) for e in exclude):
                continue
            seen.add(query)
            found = icons.find_icons(query, k=1)
            if found:
                score = found[0][1] * weight
                if best is None or score > best[0]:
                    best = (score, query)
        if best is not None and best[0] >= threshold:
            return ctx.pick_icon(best[1])
    return None


# -- colour ------------------------------------------------------------------------------------------------


def _roles(ctx: Ctx) -> list[RGB]:
    s = ctx.scheme
    out: list[RGB] = []
    for c in (s.ink, s.on_primary, s.background, s.surface, s.primary, s.secondary, s.accent):
        if c is not None and c not in out:
            out.append(c)
    return out


def readable(ctx: Ctx, behind: RGB, *prefer: RGB, ratio: float = 4.5) -> RGB:
    """The first preferred role (then ink, on_primary …) that reads on `behind`; else the best one."""
    options = [c for c in (*prefer, *_roles(ctx)) if c is not None]
    for c in options:
        if contrast_ratio(c, behind) >= ratio:
            return c
    return max(options, key=lambda c: contrast_ratio(c, behind))


def visible(ctx: Ctx, behind: RGB, *prefer: RGB, ratio: float = 1.35) -> RGB:
    """A decorative colour that shows on `behind` (shapes need less contrast than text)."""
    return readable(ctx, behind, *prefer, ratio=ratio)


def ground(ctx: Ctx) -> RGB:
    return ctx.scheme.ground


# -- type --------------------------------------------------------------------------------------------------


def use_family(ctx: Ctx, options: Sequence[str], purpose: Purpose = "display") -> str:
    """Steer the face for a layout (condensed caps for a type poster …) unless one was already chosen."""
    key = f"family_{purpose}"
    if key not in ctx.info:
        available = set(fonts.font_families())
        opts = [f for f in options if f in available]
        if opts:
            ctx.info[key] = opts[ctx.rng.randrange(len(opts))]
    return str(ctx.info.get(key) or ctx.family(purpose))


def headline_case(ctx: Ctx, text: str) -> tuple[bool, float]:
    """(uppercase, tracking) for a headline in the chosen face."""
    fam = ctx.family("display")
    if fonts.family_info(fam).caps_only:
        return True, 10.0
    if fam in ("great-vibes", "pacifico", "caveat", "permanent-marker", "fredoka") or ctx.brief.has("playful"):
        return False, 0.0
    if ctx.brief.has("elegant") and fam in ("playfair-display", "dm-serif-display", "lora", "abril-fatface"):
        return ctx.rng.random() < 0.35, 40.0
    upper = ctx.rng.random() < 0.7 or len(text) <= 14
    return upper, (0.0 if upper else -10.0)


def small(
    ctx: Ctx,
    parent: Node,
    text: str,
    box: Box,
    color: RGB,
    *,
    align: Align = "left",
    valign: VAlign = "middle",
    lines: int = 1,
    weight: int = 600,
    tracking: float = 140.0,
    upper: bool = True,
) -> TextBlock:
    """Secondary text: body face, small caps-like tracking."""
    return ctx.text(
        parent,
        text,
        box,
        color,
        purpose="body",
        weight=weight,
        align=align,
        valign=valign,
        uppercase=upper,
        tracking=tracking,
        max_lines=lines,
        min_size=min(box[3] - box[1], max(9.0, ctx.short * 0.014)),
        name="detail",
    )


def advance_per_px(
    ctx: Ctx, text: str, purpose: Purpose = "display", tracking: float = 0.0, upper: bool = False
) -> float:
    face = ctx.face(purpose)
    return measure(text.upper() if upper else text, face, 100.0, tracking) / 100.0


def arc_fit(
    ctx: Ctx,
    parent: Node,
    text: str,
    cx: float,
    cy: float,
    radius: float,
    size: float,
    color: RGB,
    *,
    max_sweep_deg: float,
    inside: bool = False,
    tracking: float = 80.0,
    purpose: Purpose = "display",
    weight: int | None = None,
) -> TextBlock:
    """Text on an arc, shrunk until it spans at most `max_sweep_deg`."""
    if not text.strip():
        return TextBlock(d="", bbox=(cx, cy, cx, cy), lines=(), font_size=size)
    face = ctx.face(purpose, weight)
    adv = measure(text, face, size, tracking)
    sweep = math.degrees(adv / max(radius, 1.0))
    if sweep > max_sweep_deg:
        size *= max_sweep_deg / sweep
    return ctx.arc(
        parent,
        text,
        cx,
        cy,
        radius,
        size,
        color,
        center_angle_deg=90 if inside else -90,
        inside=inside,
        tracking=tracking,
        purpose=purpose,
        weight=weight,
    )


# -- grid --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Grid:
    x0: float
    y0: float
    x1: float
    y1: float
    cols: int = 12
    gutter: float = 0.0

    @property
    def col(self) -> float:
        return (self.x1 - self.x0 - (self.cols - 1) * self.gutter) / self.cols

    def span(self, start: int, n: int) -> tuple[float, float]:
        a = self.x0 + start * (self.col + self.gutter)
        return a, a + n * self.col + (n - 1) * self.gutter


def grid(ctx: Ctx, cols: int = 12, margin: float | None = None) -> Grid:
    m = ctx.margin if margin is None else margin
    return Grid(m, m, ctx.width - m, ctx.height - m, cols, ctx.short * 0.02)


# -- motifs (all from canvas helpers and boolean ops) -----------------------------------------------------


def sun_stripes_d(cx: float, cy: float, r: float, bands: int = 5) -> str:
    """A 70s sun: the disc cut by horizontal gaps that widen towards the bottom."""
    disc = circle_d(cx, cy, r)
    cuts = []
    top = cy - r * 0.05
    for i in range(bands):
        gap = r * (0.025 + 0.022 * i)
        y = top + (r * 1.05) * i / bands
        cuts.append(rect_d(cx - r - 1, y, 2 * r + 2, gap))
    return shapes.difference(disc, shapes.union(cuts))


def rays_d(cx: float, cy: float, r0: float, r1: float, n: int, width_deg: float, start_deg: float = -90) -> str:
    parts = []
    for i in range(n):
        a = math.radians(start_deg + 360 * i / n)
        w = math.radians(width_deg / 2)
        parts.append(
            polygon_d(
                [
                    (cx + r0 * math.cos(a - w * 0.4), cy + r0 * math.sin(a - w * 0.4)),
                    (cx + r1 * math.cos(a - w), cy + r1 * math.sin(a - w)),
                    (cx + r1 * math.cos(a + w), cy + r1 * math.sin(a + w)),
                    (cx + r0 * math.cos(a + w * 0.4), cy + r0 * math.sin(a + w * 0.4)),
                ]
            )
        )
    return "".join(parts)


def half_disc_d(cx: float, cy: float, r: float, facing: str = "up") -> str:
    """Half a disc with its flat side at (cx, cy): 'up' draws the dome above the line."""
    sweep = {"up": (1, -1), "down": (0, 1)}[facing if facing in ("up", "down") else "up"]
    return f"M{cx - r:.2f} {cy:.2f}A{r:.2f} {r:.2f} 0 0 {sweep[0]} {cx + r:.2f} {cy:.2f}Z"


def arch_d(x: float, y_bottom: float, w: float, h: float) -> str:
    """An arch window: a rectangle topped by a half circle."""
    r = w / 2
    top = y_bottom - h + r
    return f"M{x:.2f} {y_bottom:.2f}V{top:.2f}A{r:.2f} {r:.2f} 0 0 1 {x + w:.2f} {top:.2f}V{y_bottom:.2f}Z"


def dot_grid(
    parent: Node, x0: float, y0: float, x1: float, y1: float, step: float, r: float, color: RGB, name: str = "dots"
) -> None:
    g = parent.group(name, fill=color)
    nx = max(1, int((x1 - x0) // step) + 1)
    ny = max(1, int((y1 - y0) // step) + 1)
    ox = x0 + ((x1 - x0) - (nx - 1) * step) / 2
    oy = y0 + ((y1 - y0) - (ny - 1) * step) / 2
    d = "".join(circle_d(ox + i * step, oy + j * step, r) for j in range(ny) for i in range(nx))
    g.add("path", d=d)


def mountains_d(ctx: Ctx, x0: float, x1: float, base: float, top: float, peaks: int) -> tuple[str, str]:
    """A mountain range (filled to `base`) and its snow caps, seeded."""
    rng = ctx.rng
    width = x1 - x0
    pts = [(x0 - width * 0.05, base), (x0 - width * 0.05, base - (base - top) * rng.uniform(0.15, 0.4))]
    caps = []
    for i in range(peaks):
        px = x0 + width * (i + 0.5 + rng.uniform(-0.22, 0.22)) / peaks
        py = top + (base - top) * rng.uniform(0.0, 0.35)
        vx = x0 + width * (i + 1 + rng.uniform(-0.1, 0.1)) / peaks
        vy = py + (base - top) * rng.uniform(0.3, 0.55)
        pts.append((px, py))
        if i < peaks - 1:
            pts.append((vx, min(vy, base - (base - top) * 0.08)))
        depth = (base - top) * 0.16
        caps.append((px, py, depth))
    pts += [(x1 + width * 0.05, base - (base - top) * rng.uniform(0.1, 0.35)), (x1 + width * 0.05, base)]
    body = polygon_d(pts)
    band = []
    for px, py, depth in caps:
        k = 5
        zig = [(px - depth * 2.2, py + depth)]
        for j in range(1, k):
            zig.append((px - depth * 2.2 + depth * 4.4 * j / k, py + depth * (0.65 if j % 2 else 1.05)))
        zig += [(px + depth * 2.2, py + depth), (px + depth * 2.2, py - depth), (px - depth * 2.2, py - depth)]
        band.append(polygon_d(zig))
    snow = shapes.intersect(body, shapes.union(band)) if band else ""
    return body, snow


def pill(parent: Node, x: float, y: float, w: float, h: float, fill: RGB) -> None:
    parent.path(rect_d(x, y, w, h, h / 2), fill)


# -- poster / flyer ----------------------------------------------------------------------------------------

_DATA_WORDS = frozenset(
    """data information infographic infographics statistics stats chart charts visualization
visualizations visualisation dataviz analytics numbers metrics""".split()
)
_SCENE_WORDS = frozenset(
    """mountain mountains landscape travel beach sea ocean coast lake forest hills alps desert
island valley park trail hiking hike fuji volcano canyon""".split()
)


def poster(ctx: Ctx) -> str:
    b = ctx.brief
    copy = copy_for(ctx)
    words = set(b.words)
    if words & _DATA_WORDS:
        return _data_poster(ctx, copy)
    scene = bool(words & _SCENE_WORDS)
    if copy.headline is None:
        options = ["graphic", "graphic", "sun"] + (["scene", "scene"] if scene else [])
    else:
        options = ["swiss-block", "centered-sun", "typographic"]
        if scene:
            options += ["scene", "scene"]
        if b.has("typographic", "bold"):
            options.append("typographic")
        if b.has("retro", "vintage"):
            options.append("centered-sun")
        if b.has("geometric", "minimal", "corporate"):
            options.append("swiss-block")
    choice = options[ctx.rng.randrange(len(options))]
    if choice == "scene":
        return _scene_poster(ctx, copy)
    if choice == "typographic":
        return _typo_poster(ctx, copy)
    if choice == "sun":
        return _geometric_poster(ctx)
    if choice == "centered-sun":
        return _sun_poster(ctx, copy)
    if choice == "graphic":
        return _graphic_poster(ctx)
    return _swiss_poster(ctx, copy)


def _details(
    ctx: Ctx,
    parent: Node,
    lines: Sequence[str],
    x0: float,
    y0: float,
    x1: float,
    color: RGB,
    *,
    align: Align = "left",
    size: float | None = None,
    cols: int = 1,
    gutter: float = 0.0,
) -> float:
    """Secondary lines as tracked caps, in `cols` columns; returns the bottom y."""
    h = size or ctx.short * 0.03
    bottom = y0
    if cols > 1 and len(lines) > 1:
        n = min(cols, len(lines))
        w = (x1 - x0 - gutter * (n - 1)) / n
        for i, line in enumerate(lines[:n]):
            bx = x0 + i * (w + gutter)
            blk = small(ctx, parent, line, (bx, y0, bx + w, y0 + h * 2.3), color, align="left", valign="top", lines=2)
            bottom = max(bottom, blk.bbox[3])
        return bottom
    y = y0
    for line in lines:
        blk = small(ctx, parent, line, (x0, y, x1, y + h), color, align=align, valign="top")
        bottom = blk.bbox[3]
        y += h * 1.6
    return bottom


def _headline(
    ctx: Ctx,
    parent: Node,
    text: str,
    box: Box,
    color: RGB,
    *,
    align: Align = "left",
    valign: VAlign = "top",
    max_lines: int = 3,
    upper: bool | None = None,
) -> TextBlock:
    up, tracking = headline_case(ctx, text)
    if upper is not None:
        up = upper
    return ctx.text(
        parent,
        text,
        box,
        color,
        align=align,
        valign=valign,
        uppercase=up,
        tracking=tracking,
        max_lines=max_lines,
        line_height=0.98 if up else 1.04,
        name="headline",
    )


def _motif(ctx: Ctx, parent: Node, kind: str, box: Box, color: RGB, second: RGB) -> None:
    """A geometric motif filling `box`."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    r = min(w, h) / 2
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    if kind == "circles":  # a disc and an overlapping ring
        parent.circle(cx - r * 0.2, cy, r * 0.78, color)
        parent.path(
            shapes.difference(
                circle_d(cx + r * 0.28, cy, r * 0.7), circle_d(cx + r * 0.28, cy, r * 0.7 - ctx.short * 0.012)
            ),
            second,
        )
    elif kind == "half":  # stacked half discs
        n = 3
        hr = min(w / 2, h / (n * 1.05))
        for i in range(n):
            yy = y0 + hr * (i + 1) * 1.02 + (h - hr * n * 1.02) / 2
            parent.path(half_disc_d(cx, yy, hr), color if i % 2 == 0 else second)
    elif kind == "bars":
        n = 7
        bw = w / (n * 1.6)
        for i in range(n):
            bh = h * (0.3 + 0.7 * abs(math.sin(i * 1.3 + 0.7)))
            parent.rect(x0 + i * bw * 1.6, y1 - bh, bw, bh, color if i != 4 else second)
    elif kind == "quarter":
        parent.path(
            f"M{x0:.2f} {y1:.2f}V{y1 - 2 * r:.2f}A{2 * r:.2f} {2 * r:.2f} 0 0 1 {x0 + 2 * r:.2f} {y1:.2f}Z", color
        )
        parent.circle(x0 + 2 * r * 0.78, y1 - 2 * r * 0.78, r * 0.28, second)
    elif kind == "stripes":
        n = 6
        sh = h / (n * 2 - 1)
        for i in range(n):
            parent.rect(x0, y0 + i * sh * 2, w, sh, color if i % 3 != 2 else second)
    else:  # "dots"
        step = max(w, h) / 9
        dot_grid(parent, x0, y0, x1, y1, step, step * 0.22, color)
        parent.circle(cx, cy, step * 0.9, second)


def _symbol_or_motif(ctx: Ctx, parent: Node, icon: icons.Icon | None, box: Box, behind: RGB, prefer: RGB) -> None:
    x0, y0, x1, y1 = box
    size = min(x1 - x0, y1 - y0)
    if size <= 0:
        return
    if icon is not None:
        ctx.draw_icon(parent, icon, (x0 + x1) / 2, (y0 + y1) / 2, size, readable(ctx, behind, prefer, ratio=3.0))
    else:
        kind = ("circles", "half", "dots")[ctx.rng.randrange(3)]
        side = min(x1 - x0, y1 - y0)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        _motif(
            ctx,
            parent,
            kind,
            (cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2),
            visible(ctx, behind, prefer),
            visible(ctx, behind, ctx.scheme.accent, prefer),
        )


def fill_zone(
    ctx: Ctx,
    parent: Node,
    zone: Box,
    icon: icons.Icon | None,
    behind: RGB,
    *,
    anchor: str = "bottom",
    kinds: Sequence[str] = ("rainbow", "disc", "row", "quarter"),
) -> str:
    """Fill an open area with one strong geometric motif carrying the symbol (or none)."""
    s, rng, short = ctx.scheme, ctx.rng, ctx.short
    x0, y0, x1, y1 = zone
    zw, zh = x1 - x0, y1 - y0
    if zw < short * 0.1 or zh < short * 0.1:
        return "none"
    kind = kinds[rng.randrange(len(kinds))]
    c1 = visible(ctx, behind, s.primary)
    c2 = visible(ctx, behind, s.accent, s.secondary)
    c3 = visible(ctx, behind, s.secondary, s.accent)
    if kind == "rainbow":
        r = min(zw / 2, zh)
        cx = (x0 + x1) / 2
        cy = y1 if anchor == "bottom" else y0 + r
        bands = [c1, c2, c3, c1, c2]
        n = 4
        for i in range(n):
            ro = r * (1 - i / (n + 1.3))
            parent.path(half_disc_d(cx, cy, ro), bands[i])
        inner = r * (1 - n / (n + 1.3))
        parent.path(half_disc_d(cx, cy, inner * 0.98), behind)
        if icon is not None:
            ctx.draw_icon(parent, icon, cx, cy - inner * 0.48, inner * 0.8, readable(ctx, behind, ratio=3.0))
    elif kind == "disc":
        r = min(zw, zh) / 2 * 0.92
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        parent.circle(cx + r * 0.16, cy + r * 0.1, r, c2)
        parent.circle(cx, cy, r * 0.94, c1)
        if icon is not None:
            ctx.draw_icon(parent, icon, cx, cy, r * 1.0, readable(ctx, c1, s.on_primary, ratio=3.0))
    elif kind == "row":
        n = 3 if zw / max(zh, 1) < 2.6 else 4
        r = min(zw / (n * 2.15), zh / 2)
        cy = (y0 + y1) / 2
        step = (zw - 2 * r) / (n - 1)
        sym = rng.randrange(n)
        for i in range(n):
            cx = x0 + r + i * step
            col = (c1, c2, c3)[i % 3]
            if i == sym and icon is not None:
                parent.circle(cx, cy, r, c1)
                ctx.draw_icon(parent, icon, cx, cy, r * 1.1, readable(ctx, c1, s.on_primary, ratio=3.0))
            elif i % 2:
                parent.path(half_disc_d(cx, cy + r * 0.5, r), col)
                parent.rect(cx - r, cy + r * 0.5, 2 * r, r * 0.5, col)
            else:
                parent.circle(cx, cy, r, col)
    else:  # quarter: a big quarter disc from the outer corner and a small satellite disc
        r = min(zw, zh)
        parent.path(f"M{x1:.2f} {y1:.2f}H{x1 - r:.2f}A{r:.2f} {r:.2f} 0 0 1 {x1:.2f} {y1 - r:.2f}Z", c1)
        parent.circle(x1 - r * 1.05, y1 - r * 1.0, r * 0.16, c2)
        if icon is not None:
            ctx.draw_icon(
                parent, icon, x1 - r * 0.38, y1 - r * 0.38, r * 0.42, readable(ctx, c1, s.on_primary, ratio=3.0)
            )
    return kind


def _swiss_poster(ctx: Ctx, copy: Copy) -> str:
    s, rng = ctx.scheme, ctx.rng
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    g = grid(ctx)
    icon = subject_icon(ctx)
    art = ctx.canvas.group("poster")
    back, front = art.group("shapes"), art.group("type")
    headline = copy.headline or ""
    wide = W > H * 1.15
    side = wide or (W > H * 0.7 and rng.random() < 0.4)
    ink = readable(ctx, ground(ctx))
    motif = ("circles", "half", "bars", "quarter", "stripes", "dots")[rng.randrange(6)]
    if side:
        split = g.span(0, 7)[1] + g.gutter / 2 if not wide else g.span(0, 6)[1] + g.gutter / 2
        back.rect(split, 0, W - split, H, s.primary)
        back.rect(g.x0, m, split - g.x0 - g.gutter * 1.5, short * 0.012, ink)
        hl = _headline(
            ctx, front, headline, (g.x0, m + short * 0.06, split - g.gutter * 1.5, H * 0.62), ink, max_lines=4
        )
        inner = (split + g.gutter * 1.5, m, W - m, H - m)
        box_w = inner[2] - inner[0]
        motif_box = (inner[0], inner[1], inner[2], inner[1] + min(box_w, (inner[3] - inner[1]) * 0.6))
        _motif(
            ctx,
            back,
            motif,
            motif_box,
            visible(ctx, s.primary, s.accent, s.secondary),
            visible(ctx, s.primary, s.secondary, s.on_primary),
        )
        sym = min(box_w * 0.7, (inner[3] - motif_box[3]) * 0.8)
        if icon is not None and sym > short * 0.1:
            ctx.draw_icon(
                back,
                icon,
                (inner[0] + inner[2]) / 2,
                (motif_box[3] + inner[3]) / 2,
                sym,
                readable(ctx, s.primary, s.on_primary, ratio=3.0),
            )
        y = max(hl.bbox[3] + short * 0.06, H - m - short * (0.075 + 0.048 * len(copy.lines)))
        if copy.lines:
            back.rect(g.x0, y, split - g.x0 - g.gutter * 1.5, short * 0.004, ink)
            _details(ctx, front, copy.lines, g.x0, y + short * 0.03, split - g.gutter * 1.5, ink)
        else:
            dot_grid(
                back,
                g.x0,
                y + short * 0.02,
                split - g.gutter * 1.5,
                H - m,
                short * 0.045,
                short * 0.006,
                visible(ctx, ground(ctx), s.accent, s.primary),
            )
        return "poster-swiss-side"
    block_h = H * rng.uniform(0.5, 0.6)
    back.rect(0, 0, W, block_h, s.primary)
    on = readable(ctx, s.primary, s.on_primary)
    hl = _headline(
        ctx,
        front,
        headline,
        (g.x0, block_h * 0.38, g.span(0, 11)[1], block_h - m * 0.7),
        on,
        valign="bottom",
        max_lines=3,
    )
    mb = (g.span(7, 5)[0], m, g.x1, max(m + short * 0.1, hl.bbox[1] - short * 0.05))
    if mb[3] - mb[1] > short * 0.12:
        side_len = min(mb[2] - mb[0], mb[3] - mb[1])
        _motif(
            ctx,
            back,
            motif,
            (mb[2] - side_len, mb[1], mb[2], mb[1] + side_len),
            visible(ctx, s.primary, s.accent, s.secondary),
            visible(ctx, s.primary, s.secondary, s.on_primary),
        )
    # lower zone: rule, details on the left columns, symbol or motif on the right
    top = block_h + short * 0.05
    back.rect(g.x0, top, g.x1 - g.x0, short * 0.004, ink)
    bottom = H - m
    if copy.lines:
        _details(ctx, front, copy.lines, g.x0, top + short * 0.035, g.span(0, 7)[1], ink)
        _symbol_or_motif(ctx, back, icon, (g.span(8, 4)[0], top + short * 0.035, g.x1, bottom), ground(ctx), s.primary)
    else:
        zone = (g.x0, top + short * 0.04, g.x1, bottom)
        fill_zone(ctx, back, zone, icon, ground(ctx), kinds=("row", "quarter", "disc"))
    return "poster-swiss-block"


def _sun_poster(ctx: Ctx, copy: Copy) -> str:
    s, rng = ctx.scheme, ctx.rng
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    icon = subject_icon(ctx)
    art = ctx.canvas.group("poster")
    back, front = art.group("shapes"), art.group("type")
    gnd = ground(ctx)
    wide = W > H * 1.15
    has_text = copy.headline is not None
    if wide:
        cx, cy = W * 0.7, H * 0.47
        r = min(W * 0.2, H * 0.3)
    else:
        cy = H * (0.36 if has_text else 0.42)
        r = min(W * 0.34, H * (0.22 if has_text else 0.28))
        cx = W / 2
    style = ("stripes", "rings", "rays", "horizon")[rng.randrange(4)]
    if ctx.brief.has("retro", "vintage") and rng.random() < 0.6:
        style = "stripes"
    sun = s.primary
    halo = visible(ctx, gnd, s.accent, s.secondary)
    extent = r * 1.08
    if style == "rings":
        for k in (1.34, 1.18):
            back.path(shapes.difference(circle_d(cx, cy, r * k), circle_d(cx, cy, r * k - short * 0.006)), halo)
        extent = r * 1.34
    elif style == "rays":
        back.path(rays_d(cx, cy, r * 1.12, r * 1.5, 24, 5.5), halo)
        extent = r * 1.5
    if style == "stripes":
        back.path(sun_stripes_d(cx, cy, r), sun)
    else:
        back.circle(cx, cy, r, sun)
    if style in ("stripes", "horizon"):
        # horizon lines under the sun, shortening like a road to the horizon
        for i in range(3):
            yy = cy + r * (1.12 + 0.16 * i)
            half = r * (1.5 - 0.32 * i)
            back.rect(cx - half, yy, 2 * half, r * 0.055, halo if i != 1 else sun)
        extent = r * 1.5
    if icon is not None and not (style == "stripes" and "sun" in icon.name):
        iy = cy - r * 0.18 if style == "stripes" else cy
        ctx.draw_icon(
            back, icon, cx, iy, r * (0.95 if style != "stripes" else 0.7), readable(ctx, sun, s.on_primary, ratio=3.0)
        )
    ink = readable(ctx, gnd)
    if not has_text:
        back.rect(m, m, W - 2 * m, short * 0.01, ink)
        dot_grid(back, m, H - m - short * 0.05, W - m, H - m, short * 0.05, short * 0.007, halo)
        return "poster-sun-graphic"
    if wide:
        box = (m, H * 0.2, W * 0.46, H * 0.66)
        hl = _headline(ctx, front, copy.headline or "", box, ink, valign="bottom", max_lines=3)
        back.rect(m, hl.bbox[3] + short * 0.05, short * 0.12, short * 0.012, halo)
        _details(ctx, front, copy.lines, m, hl.bbox[3] + short * 0.1, W * 0.46, ink)
        return f"poster-centered-sun-{style}"
    top = cy + extent + short * 0.06
    bottom_room = short * 0.045 * (len(copy.lines) * 1.6 + 1.5) if copy.lines else short * 0.06
    box = (m * 1.1, top, W - m * 1.1, max(top + short * 0.12, H - m - bottom_room))
    hl = _headline(ctx, front, copy.headline or "", box, ink, align="center", valign="top", max_lines=3)
    y = hl.bbox[3] + short * 0.045
    back.rect(W / 2 - short * 0.05, y, short * 0.1, short * 0.008, halo)
    if copy.lines:
        _details(ctx, front, copy.lines, m, y + short * 0.035, W - m, ink, align="center")
    return f"poster-centered-sun-{style}"


def _stack_lines(ctx: Ctx, text: str, width: float, budget: float, gap: float) -> list[str]:
    """Break a headline for a justified stack (every line set to the full width): the break whose smallest
    line comes out largest once the stack is scaled to fit the height budget; fewer lines win ties."""
    words = text.split()
    n = len(words)
    if n <= 1:
        return words
    if n > 9:
        return [" ".join(words[i : i + 3]) for i in range(0, n, 3)][:4]
    adv_cache: dict[str, float] = {}

    def adv(line: str) -> float:
        if line not in adv_cache:
            adv_cache[line] = advance_per_px(ctx, line)
        return adv_cache[line]

    best: tuple[float, list[str]] | None = None
    import itertools

    for k in range(1, min(4, n) + 1):
        for cuts in itertools.combinations(range(1, n), k - 1):
            bounds = (0, *cuts, n)
            lines = [" ".join(words[bounds[i] : bounds[i + 1]]) for i in range(k)]
            sizes = [min(width / adv(line), budget * 0.5 / 0.72) for line in lines]
            total = sum(sz * 0.72 for sz in sizes) + gap * (k - 1)
            f = min(1.0, budget / total)
            score = min(sizes) * f
            if best is None or score > best[0] * 1.04:
                best = (score, lines)
    assert best is not None
    return best[1]


def _typo_poster(ctx: Ctx, copy: Copy) -> str:
    s, rng = ctx.scheme, ctx.rng
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    b = ctx.brief
    if not b.has("elegant", "hand_drawn", "playful", "retro", "vintage"):
        use_family(ctx, ("bebas-neue", "anton", "oswald", "archivo-black"))
    g = grid(ctx)
    art = ctx.canvas.group("poster")
    back, front = art.group("shapes"), art.group("type")
    gnd = ground(ctx)
    ink = readable(ctx, gnd)
    second = readable(ctx, gnd, s.primary)
    wide = W > H * 1.15
    cw = (g.span(0, 7)[1] if wide else g.x1) - g.x0
    has_lines = bool(copy.lines)
    det_room = short * 0.16 if has_lines else 0.0
    budget = (H - 2 * m - det_room) if wide else H * (0.6 if has_lines else 0.66) - m
    gap = short * 0.018
    words = _stack_lines(ctx, (copy.headline or "").upper(), cw, budget, gap)
    adv = [advance_per_px(ctx, w, tracking=0.0) for w in words]
    sizes = [min(cw / a, budget * 0.5 / 0.72) for a in adv]
    total = sum(sz * 0.72 for sz in sizes) + gap * (len(words) - 1)
    f = min(1.0, budget / total) if total > 0 else 1.0
    at_bottom = rng.random() < 0.45
    highlight = rng.randrange(len(words)) if len(words) > 1 and rng.random() < 0.6 else -1
    # set the stack from y = 0, then move it into place by its measured height
    stack = art.group("headline-stack")
    blocks: list[TextBlock] = []
    y = 0.0
    for i, (word, sz) in enumerate(zip(words, sizes, strict=True)):
        size = sz * f
        box = (g.x0, y, g.x0 + cw, y + size * 0.95)
        if i == highlight:
            color = readable(ctx, s.accent, s.on_primary) if s.accent != gnd else second
        else:
            color = second if (i % 2 == 1 and highlight < 0) else ink
        holder = stack.group()
        blk = ctx.text(
            holder,
            word,
            box,
            color,
            uppercase=True,
            valign="top",
            align="left",
            max_lines=1,
            max_size=size * 1.02,
            name="headline",
        )
        if i == highlight and s.accent != gnd:
            pad = short * 0.02
            holder.children.insert(
                0,
                Node(
                    "rect",
                    {
                        "x": 0.0,
                        "y": round(blk.bbox[1] - pad, 2),
                        "width": round(blk.bbox[2] + pad * 1.5, 2),
                        "height": round(blk.bbox[3] - blk.bbox[1] + 2 * pad, 2),
                        "fill": s.accent,
                    },
                ),
            )
        blocks.append(blk)
        y = blk.bbox[3] + gap + (short * 0.02 if i == highlight or i + 1 == highlight else 0)
    h = blocks[-1].bbox[3] - blocks[0].bbox[1]
    if wide:
        target = m + max(0.0, (budget - h) * (0.5 if not at_bottom else 1.0))
    else:
        target = H - m - det_room - h if at_bottom else m
    dy = target - blocks[0].bbox[1]
    stack.attrs["transform"] = f"translate(0 {dy:.2f})"
    stack_top, stack_bottom = target, target + h
    # the rest of the page: details under a rule, and a motif in the open area
    det_y = H - m - short * 0.1
    if wide:
        zone = (
            max(g.span(8, 4)[0], max(bk.bbox[2] for bk in blocks) + g.gutter * 2),
            m,
            g.x1,
            H - m - (short * 0.16 if has_lines else 0),
        )
    elif at_bottom:
        zone = (g.x0, m, g.x1, stack_top - short * 0.05)
        det_y = stack_bottom + short * 0.05
    else:
        zone = (g.x0, stack_bottom + short * 0.06, g.x1, H - m - (short * 0.14 if has_lines else 0))
    icon = subject_icon(ctx)
    fill_zone(
        ctx,
        back,
        zone,
        icon,
        gnd,
        anchor="top" if at_bottom else "bottom",
        kinds=("disc", "rainbow", "quarter") if wide else ("rainbow", "disc", "row", "quarter"),
    )
    if has_lines:
        det_y = min(det_y, H - m - short * 0.09)
        back.rect(g.x0, det_y, g.x1 - g.x0, short * 0.004, ink)
        _details(ctx, front, copy.lines, g.x0, det_y + short * 0.025, g.x1, ink, cols=3, gutter=g.gutter)
    return "poster-typographic"


def _data_poster(ctx: Ctx, copy: Copy) -> str:
    s, rng = ctx.scheme, ctx.rng
    H, short, m = ctx.height, ctx.short, ctx.margin
    g = grid(ctx)
    art = ctx.canvas.group("poster")
    back, front = art.group("shapes"), art.group("type")
    gnd = ground(ctx)
    ink = readable(ctx, gnd)
    main = visible(ctx, gnd, s.primary, ink)
    hi = visible(ctx, gnd, s.accent, s.secondary)
    if ctx.brief.has("single_color") or hi == main:
        main, hi = ink, visible(ctx, gnd, s.accent, s.primary)
    hair = short * 0.003
    top = m
    if copy.headline:
        hl = _headline(ctx, front, copy.headline, (g.x0, m, g.span(0, 9)[1], m + H * 0.2), ink, max_lines=3)
        top = hl.bbox[3] + short * 0.05
    else:
        back.rect(g.x0, m, g.x1 - g.x0, short * 0.014, ink)
        top = m + short * 0.06
    bottom = H - m - (short * 0.1 if copy.lines else 0)
    kinds = ["bars", "radial", "waffle"]
    first = kinds.pop(rng.randrange(3))
    second_kind = kinds[rng.randrange(2)]
    split = top + (bottom - top) * rng.uniform(0.5, 0.62)
    for kind, (y0, y1) in ((first, (top, split - short * 0.04)), (second_kind, (split + short * 0.04, bottom))):
        back.rect(g.x0, y0 - short * 0.02, g.x1 - g.x0, hair, ink)
        _chart(ctx, back, kind, (g.x0, y0, g.x1, y1), main, hi, ink)
    if copy.lines:
        _details(ctx, front, copy.lines, g.x0, H - m - short * 0.07, g.x1, ink, cols=3, gutter=g.gutter)
    return f"poster-data-{first}"


def _chart(ctx: Ctx, parent: Node, kind: str, box: Box, main: RGB, hi: RGB, ink: RGB) -> None:
    rng, short = ctx.rng, ctx.short
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    if h < short * 0.05:
        return
    if kind == "bars":
        n = 12 if w > h * 0.8 else 8
        step = w / n
        level = rng.uniform(0.35, 0.6)
        pick = rng.randrange(n)
        for i in range(n):
            level = min(0.98, max(0.15, level + rng.uniform(-0.22, 0.26)))
            bh = h * level
            parent.rect(x0 + i * step + step * 0.12, y1 - bh, step * 0.76, bh, hi if i == pick else main)
        parent.rect(x0, y1, w, short * 0.004, ink)
        for i in range(n + 1):
            parent.rect(x0 + i * step - short * 0.0015, y1, short * 0.003, short * 0.015, ink)
    elif kind == "radial":
        r = min(w * 0.5, h) * 0.98
        cx, cy = x0 + r if rng.random() < 0.5 else x1 - r, y1
        rings = 6
        band = r / (rings + 1.5)
        for i in range(rings):
            ro = r - i * band
            ri = ro - band * 0.72
            sweep = rng.uniform(40, 178)
            a1 = math.radians(-180 + sweep)
            d = (
                f"M{cx - ro:.2f} {cy:.2f}A{ro:.2f} {ro:.2f} 0 0 1 {cx + ro * math.cos(a1):.2f} "
                f"{cy + ro * math.sin(a1):.2f}L{cx + ri * math.cos(a1):.2f} {cy + ri * math.sin(a1):.2f}"
                f"A{ri:.2f} {ri:.2f} 0 0 0 {cx - ri:.2f} {cy:.2f}Z"
            )
            parent.path(d, hi if i == 1 else main)
        parent.rect(x0, y1, w, short * 0.004, ink)
        # a companion dot plot on the free side
        fx0 = cx + r + short * 0.04 if cx < (x0 + x1) / 2 else x0
        fx1 = x1 if cx < (x0 + x1) / 2 else cx - r - short * 0.04
        if fx1 - fx0 > short * 0.15:
            n = 5
            for i in range(n):
                yy = y0 + h * (i + 0.5) / n
                v = rng.uniform(0.25, 1.0)
                parent.rect(fx0, yy - short * 0.002, (fx1 - fx0) * v, short * 0.004, ink)
                parent.circle(fx0 + (fx1 - fx0) * v, yy, short * 0.016, hi if i == 2 else main)
    else:  # waffle: a 10 × k matrix, some share highlighted
        cols = 10
        rows = max(2, min(10, int(h / (w / cols))))
        step = min(w / cols, h / rows)
        ox = x0 + (w - step * cols) / 2
        share = rng.randint(int(cols * rows * 0.18), int(cols * rows * 0.45))
        d_main: list[str] = []
        d_hi: list[str] = []
        for j in range(rows):
            for i in range(cols):
                k = j * cols + i
                (d_hi if k < share else d_main).append(
                    circle_d(ox + step * (i + 0.5), y0 + step * (j + 0.5), step * 0.36)
                )
        parent.path("".join(d_main), main)
        parent.path("".join(d_hi), hi)


def _scene_poster(ctx: Ctx, copy: Copy) -> str:
    s, rng = ctx.scheme, ctx.rng
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    art = ctx.canvas.group("poster")
    back, front = art.group("scene"), art.group("type")
    gnd = ground(ctx)
    ink = readable(ctx, gnd)
    has_text = copy.headline is not None
    frame = ("inset", "arch", "bleed")[rng.randrange(3)]
    text_top = rng.random() < 0.5 or frame == "arch"
    band = H * (0.24 if has_text else 0.0) + (short * 0.05 * len(copy.lines) if has_text else 0)
    if frame == "bleed":
        sx0, sx1 = 0.0, float(W)
        sy0, sy1 = (band, float(H)) if text_top else (0.0, H - band)
    else:
        sx0, sx1 = m, W - m
        sy0, sy1 = (m + band, H - m) if text_top else (m, H - m - band)
    clip_d = arch_d(sx0, sy1, sx1 - sx0, sy1 - sy0) if frame == "arch" else rect_d(sx0, sy0, sx1 - sx0, sy1 - sy0)
    scene = back.group("landscape", clip_path=ctx.canvas.clip(clip_d))
    sky = s.surface if s.surface != gnd or frame == "bleed" else s.secondary
    scene.path(clip_d, sky)
    sw, sh = sx1 - sx0, sy1 - sy0
    sun = visible(ctx, sky, s.accent, s.primary)
    scene.circle(sx0 + sw * rng.uniform(0.28, 0.72), sy0 + sh * rng.uniform(0.22, 0.36), min(sw, sh) * 0.14, sun)
    layers = []
    for c in (s.secondary, s.primary, ink):
        if c not in layers and c != sky:
            layers.append(c)
    while len(layers) < 3:
        layers.append(layers[-1] if layers else ink)
    far_body, far_snow = mountains_d(ctx, sx0, sx1, sy0 + sh * 0.78, sy0 + sh * 0.36, rng.randint(2, 3))
    scene.path(far_body, layers[0])
    snow = readable(ctx, layers[0], s.background or s.surface, s.surface, ratio=1.5)
    scene.path(far_snow, snow)
    near_body, _ = mountains_d(ctx, sx0, sx1, sy0 + sh * 0.88, sy0 + sh * 0.58, rng.randint(3, 4))
    scene.path(near_body, layers[1])
    hill_y = sy0 + sh * 0.86
    from artboard.composer.canvas import wave_d

    scene.path(wave_d(sx0 - 2, sx1 + 2, hill_y, sh * 0.025, 2, sy1 + 2), layers[2])
    icon = subject_icon(ctx, exclude=("mountain",))
    if icon is not None:
        size = min(sw, sh) * 0.26
        ctx.draw_icon(scene, icon, sx0 + sw * rng.choice([0.28, 0.72]), hill_y - size * 0.42, size, layers[2])
    if frame == "inset":
        back.path(
            shapes.difference(
                rect_d(sx0 - short * 0.012, sy0 - short * 0.012, sw + short * 0.024, sh + short * 0.024), clip_d
            ),
            ink,
        )
    if not has_text:
        return f"poster-scene-{frame}"
    ty0, ty1 = (m * (0.9 if frame == "bleed" else 1), sy0 - short * 0.04) if text_top else (sy1 + short * 0.04, H - m)
    lines_h = short * 0.045 * len(copy.lines)
    hl = ctx.text(
        front,
        copy.headline or "",
        (m, ty0, W - m, ty1 - lines_h),
        ink,
        uppercase=True,
        tracking=rng.choice([60.0, 200.0]),
        max_lines=2,
        align="center",
        valign="bottom" if text_top else "top",
        name="headline",
    )
    if copy.lines:
        _details(ctx, front, copy.lines, m, hl.bbox[3] + short * 0.02, W - m, ink, align="center", size=short * 0.028)
    return f"poster-scene-{frame}"


def _geometric_poster(ctx: Ctx) -> str:
    """No text to set: a Swiss circle study on the 12-column grid (disc, overlapping half disc, rules, dots)."""
    s, rng = ctx.scheme, ctx.rng
    H, short, m = ctx.height, ctx.short, ctx.margin
    g = grid(ctx)
    art = ctx.canvas.group("poster")
    gnd = ground(ctx)
    ink = readable(ctx, gnd)
    c1 = visible(ctx, gnd, s.primary)
    c2 = visible(ctx, gnd, s.accent, s.secondary)
    icon = subject_icon(ctx)
    flip = rng.random() < 0.5
    r = min((g.x1 - g.x0) * 0.42, (H - 2 * m) * 0.3)
    cx = g.span(5, 1)[0] if not flip else g.span(6, 1)[1]
    cy = m + (H - 2 * m) * rng.uniform(0.34, 0.42)
    # thick rule and a column of thin bars on the grid
    art.rect(g.x0, m, g.span(0, 4)[1] - g.x0, short * 0.022, ink)
    bars_x = g.span(9, 3) if not flip else g.span(0, 3)
    for i in range(5):
        art.rect(
            bars_x[0],
            m + short * 0.07 + i * short * 0.035,
            (bars_x[1] - bars_x[0]) * (1 - 0.16 * i),
            short * 0.012,
            ink if i else c2,
        )
    art.circle(cx, cy, r, c1)
    # the half disc sits on a horizontal grid line through the lower part of the disc
    hy = cy + r * 0.55
    hx = cx + (r * 0.75 if not flip else -r * 0.75)
    art.path(half_disc_d(hx, hy, r * 0.62, "down"), c2)
    art.rect(g.x0, hy - short * 0.003, g.x1 - g.x0, short * 0.006, ink)
    if icon is not None:
        ctx.draw_icon(art, icon, cx, cy - r * 0.08, r * 0.9, readable(ctx, c1, s.on_primary, ratio=3.0))
    # the lower field: a dot grid and vertical rules on column lines
    top = hy + r * 0.62 + short * 0.06
    if H - m - top > short * 0.08:
        dx0, dx1 = (g.x0, g.span(0, 6)[1]) if not flip else (g.span(6, 6)[0], g.x1)
        dot_grid(art, dx0, top, dx1, H - m, short * 0.045, short * 0.008, ink)
        for k in range(3):
            x = g.span(8 + k, 1)[0] if not flip else g.span(1 + k, 1)[0]
            art.rect(x, top, short * 0.006, H - m - top, c2 if k == 1 else ink)
    return "poster-geometric"


def _graphic_poster(ctx: Ctx) -> str:
    """No text to set: a Bauhaus tile composition on the grid, the subject symbol in one tile."""
    s, rng = ctx.scheme, ctx.rng
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    art = ctx.canvas.group("poster")
    gnd = ground(ctx)
    cols = 3 if W <= H * 1.15 else 4
    rows = max(2, round((H - 2 * m) / ((W - 2 * m) / cols)))
    gap = short * rng.choice([0.0, 0.012])
    tw = (W - 2 * m - gap * (cols - 1)) / cols
    th = (H - 2 * m - gap * (rows - 1)) / rows
    palette = [c for c in (s.primary, s.secondary, s.accent, s.ink, s.surface, gnd) if c is not None]
    palette = list(dict.fromkeys(palette))
    icon = subject_icon(ctx) or ctx.pick_icon(("star", "sun", "leaf", "flower")[rng.randrange(4)], mode="fill")
    sym_tile = (rng.randrange(cols), rng.randrange(rows))
    prev_row: list[RGB] = []
    for j in range(rows):
        row: list[RGB] = []
        for i in range(cols):
            x, y = m + i * (tw + gap), m + j * (th + gap)
            banned = {row[-1] if row else None, prev_row[i] if prev_row else None}
            options = [c for c in palette if c not in banned] or palette
            bg = options[rng.randrange(len(options))]
            row.append(bg)
            tile = art.group(f"tile-{i}-{j}")
            tile.rect(x, y, tw, th, bg)
            fg_opts = [c for c in palette if c != bg and contrast_ratio(c, bg) >= 1.35] or [readable(ctx, bg)]
            fg = fg_opts[rng.randrange(len(fg_opts))]
            if (i, j) == sym_tile and icon is not None:
                tile.circle(x + tw / 2, y + th / 2, min(tw, th) * 0.42, fg)
                ctx.draw_icon(tile, icon, x + tw / 2, y + th / 2, min(tw, th) * 0.48, readable(ctx, fg, bg, ratio=3.0))
                continue
            _tile_shape(ctx, tile, (x, y, x + tw, y + th), fg, rng.randrange(7))
        prev_row = row
    return f"poster-graphic-{cols}x{rows}"


def _tile_shape(ctx: Ctx, tile: Node, box: Box, fg: RGB, kind: int) -> None:
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    r = min(w, h)
    clip = ctx.canvas.clip(rect_d(x0, y0, w, h))
    g = tile.group(clip_path=clip)
    corner = ctx.rng.randrange(4)
    cx = (x0, x1, x1, x0)[corner]
    cy = (y0, y0, y1, y1)[corner]
    if kind == 0:  # quarter circle from a corner
        g.circle(cx, cy, r, fg)
    elif kind == 1:  # half disc on an edge
        g.circle((x0 + x1) / 2, y1 if corner < 2 else y0, r / 2, fg)
    elif kind == 2:  # centred disc
        g.circle((x0 + x1) / 2, (y0 + y1) / 2, r * 0.38, fg)
    elif kind == 3:  # triangle
        g.polygon([(x0, y1), (x1, y1), ((x0 + x1) / 2 if corner % 2 else x0, y0)], fg)
    elif kind == 4:  # stripes
        n = 4
        for k in range(n):
            g.rect(x0, y0 + h * k / n, w, h / n / 2, fg)
    elif kind == 5:  # ring
        g.path(
            shapes.difference(
                circle_d((x0 + x1) / 2, (y0 + y1) / 2, r * 0.4), circle_d((x0 + x1) / 2, (y0 + y1) / 2, r * 0.22)
            ),
            fg,
        )
    else:  # two half discs facing
        g.circle(x0, (y0 + y1) / 2, r / 2, fg)
        g.circle(x1, (y0 + y1) / 2, r / 2, fg)


# -- recipes -----------------------------------------------------------------------------------------------


def banner(ctx: Ctx) -> str:
    from artboard.composer.recipes import layouts_extra

    return layouts_extra.banner(ctx)


def card(ctx: Ctx) -> str:
    from artboard.composer.recipes import layouts_extra

    return layouts_extra.card(ctx)


def label(ctx: Ctx) -> str:
    from artboard.composer.recipes import layouts_extra

    return layouts_extra.label(ctx)


def tshirt(ctx: Ctx) -> str:
    from artboard.composer.recipes import layouts_extra

    return layouts_extra.tshirt(ctx)


__all__ = ["banner", "card", "copy_for", "label", "poster", "readable", "subject_icon", "tshirt"]
