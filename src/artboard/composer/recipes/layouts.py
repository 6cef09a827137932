"""Layouts: posters and flyers, banners, cards, labels and t-shirt graphics.

Every recipe works on a grid scaled from the short side, sets only text the prompt gives (the quoted or named
text, a tagline, "est. 1987", days and times, names on an invitation, place names), and gives the room that
secondary text would take to shapes when the prompt has none. Colours are scheme roles only; text is always set
in the role with the best contrast against what lies behind it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from artboard.colors import RGB, contrast_ratio
from artboard.composer import fonts, icons, shapes
from artboard.composer.brief import MOODS, STYLE_WORDS
from artboard.composer.canvas import Node, circle_d, polygon_d, rect_d
from artboard.composer.context import Box, Ctx
from artboard.composer.typeset import TextBlock, measure

# -- the copy: what the prompt asks us to set -----------------------------------------------------------------

_PLATFORMS = frozenset("""linkedin youtube instagram facebook twitter tiktok pinterest etsy shopify google apple
ios android twitch spotify behance dribbble medium substack reddit whatsapp snapchat x threads bluesky""".split())
_MEDIA = frozenset("""web website page poster flyer banner header hero thumbnail social post cover card invitation
invite menu board sign signage label wrapper bottle can jar box packaging package tshirt t-shirt shirt tee
apparel merch graphic print design template layout certificate postcard greeting ad advert campaign display
information extra virgin concert blocks youtube linkedin instagram""".split())
_CTA_RE = re.compile(
    r"\b(shop now|sign up(?: today| now| free)?|learn more|buy now|get started|book now|join now|join us|"
    r"subscribe(?: now)?|download now|order now|register now|try it free|get yours|read more|watch now|"
    r"start (?:your )?free trial|apply now|get tickets|book a demo|contact us|donate now)\b", re.I)
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight"
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_WHEN_RE = re.compile(
    rf"\b((?:(?:{_DAYS})(?:,?\s+)?)?(?:(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+"
    rf"(?:of\s+)?(?:{_MONTHS}))?(?:,?\s*(?:at\s+)?\d{{1,2}}(?::\d{{2}})?\s?(?:am|pm))?)\b", re.I)
_NAME_RE = re.compile(r"(?<![\w'])([A-Z][a-zà-ÿ]+(?:\s+(?:&|and|\+)\s+[A-Z][a-zà-ÿ]+|\s+[A-Z][a-zà-ÿ]+){0,3})")
_STYLEISH = frozenset(w for ws in (*STYLE_WORDS.values(), *MOODS.values()) for p in ws for w in p.split())
# Nouns that icon sets draw better under another name.
_ICON_ALIASES = {"olive": "leaf", "pagoda": "temple", "ipa": "hop", "kyoto": "temple", "wine": "wine glass",
                 "hike": "mountain", "hiking": "mountain", "brew": "coffee", "espresso": "coffee"}
_ICON_STOP = frozenset("""top best happy new day daily club fest festival night sessions session theory off up
sale summer winter spring autumn one two three ten the and for with your our from""".split())


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
    key = "_layout_copy"
    cached = ctx.info.get(key)
    if isinstance(cached, Copy):
        return cached
    b = ctx.brief
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
    for t in (b.tagline, *texts[1:]):
        if t and t not in lines:
            lines.append(t)
    quoted = " ".join(b.texts).lower()
    for m in _WHEN_RE.finditer(b.prompt):
        value = " ".join(m.group(1).split())
        if len(value) >= 3 and any(ch.isalpha() for ch in value) and value.lower() not in quoted:
            lines.append(value.upper())
    if b.established:
        lines.append(f"EST. {b.established}")
    copy = Copy(texts[0] if texts else None, lines[:3], cta, derived)
    ctx.info[key] = copy
    return copy


def _icon_words(ctx: Ctx, extra: Sequence[str] = ()) -> list[tuple[str, float]]:
    b = ctx.brief
    names = {w.lower() for n in _proper_names(b.prompt) for w in n.split()}
    out: list[tuple[str, float]] = []
    for i, phrase in enumerate(b.subjects):
        for w in reversed(phrase.split()):
            if w not in _MEDIA and w not in _PLATFORMS and w not in names:
                out.append((w, 1.0 - 0.03 * i))
    for t in b.texts[:1]:
        for w in re.findall(r"[A-Za-z]+", t):
            if len(w) > 2 and w.lower() not in _ICON_STOP:
                out.append((w.lower(), 0.95))
    for w in (*b.color_names, *extra):
        out.append((w, 0.9))
    for w in ("wedding", "birthday", "jazz", "coffee", "beer", "wine", "music", "travel"):
        if w in b.words:
            out.append((w, 0.88))
    return out


def subject_icon(ctx: Ctx, *, extra: Sequence[str] = (), exclude: Sequence[str] = (),
                 threshold: float = 1.05) -> icons.Icon | None:
    """The symbol for the brief's subject: the best-depicted word among subjects, headline and colour nouns."""
    best: tuple[float, str] | None = None
    seen: set[str] = set()
    for word, weight in _icon_words(ctx, extra):
        query = _ICON_ALIASES.get(word, word)
        if query in seen or any(query.startswith(e) for e in exclude):
            continue
        seen.add(query)
        found = icons.find_icons(query, k=1)
        if found:
            score = found[0][1] * weight
            if best is None or score > best[0]:
                best = (score, query)
    if best is None or best[0] < threshold:
        return None
    return ctx.pick_icon(best[1])


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


def use_family(ctx: Ctx, options: Sequence[str], purpose: str = "display") -> str:
    """Steer the face for a layout (condensed caps for a type poster …) unless one was already chosen."""
    key = f"family_{purpose}"
    if key not in ctx.info:
        available = set(fonts.font_families())
        opts = [f for f in options if f in available]
        if opts:
            ctx.info[key] = opts[ctx.rng.randrange(len(opts))]
    return str(ctx.info.get(key) or ctx.family(purpose))  # type: ignore[arg-type]


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


def small(ctx: Ctx, parent: Node, text: str, box: Box, color: RGB, *, align: str = "left",
          valign: str = "middle", lines: int = 1, weight: int = 600, tracking: float = 140.0,
          upper: bool = True) -> TextBlock:
    """Secondary text: body face, small caps-like tracking."""
    return ctx.text(parent, text, box, color, purpose="body", weight=weight, align=align,  # type: ignore[arg-type]
                    valign=valign, uppercase=upper, tracking=tracking, max_lines=lines,  # type: ignore[arg-type]
                    min_size=min(box[3] - box[1], max(9.0, ctx.short * 0.014)), name="detail")


def advance_per_px(ctx: Ctx, text: str, purpose: str = "display", tracking: float = 0.0,
                   upper: bool = False) -> float:
    face = ctx.face(purpose)  # type: ignore[arg-type]
    return measure(text.upper() if upper else text, face, 100.0, tracking) / 100.0


def arc_fit(ctx: Ctx, parent: Node, text: str, cx: float, cy: float, radius: float, size: float, color: RGB, *,
            max_sweep_deg: float, inside: bool = False, tracking: float = 80.0, purpose: str = "display",
            weight: int | None = None) -> TextBlock:
    """Text on an arc, shrunk until it spans at most `max_sweep_deg`."""
    face = ctx.face(purpose, weight)  # type: ignore[arg-type]
    adv = measure(text, face, size, tracking)
    sweep = math.degrees(adv / max(radius, 1.0))
    if sweep > max_sweep_deg:
        size *= max_sweep_deg / sweep
    return ctx.arc(parent, text, cx, cy, radius, size, color, center_angle_deg=90 if inside else -90,
                   inside=inside, tracking=tracking, purpose=purpose, weight=weight)  # type: ignore[arg-type]


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
        parts.append(polygon_d([
            (cx + r0 * math.cos(a - w * 0.4), cy + r0 * math.sin(a - w * 0.4)),
            (cx + r1 * math.cos(a - w), cy + r1 * math.sin(a - w)),
            (cx + r1 * math.cos(a + w), cy + r1 * math.sin(a + w)),
            (cx + r0 * math.cos(a + w * 0.4), cy + r0 * math.sin(a + w * 0.4)),
        ]))
    return "".join(parts)


def half_disc_d(cx: float, cy: float, r: float, facing: str = "up") -> str:
    """Half a disc with its flat side at (cx, cy): 'up' draws the dome above the line."""
    sweep = {"up": (1, -1), "down": (0, 1)}[facing if facing in ("up", "down") else "up"]
    return (f"M{cx - r:.2f} {cy:.2f}A{r:.2f} {r:.2f} 0 0 {sweep[0]} {cx + r:.2f} {cy:.2f}Z")


def arch_d(x: float, y_bottom: float, w: float, h: float) -> str:
    """An arch window: a rectangle topped by a half circle."""
    r = w / 2
    top = y_bottom - h + r
    return (f"M{x:.2f} {y_bottom:.2f}V{top:.2f}A{r:.2f} {r:.2f} 0 0 1 {x + w:.2f} {top:.2f}"
            f"V{y_bottom:.2f}Z")


def dot_grid(parent: Node, x0: float, y0: float, x1: float, y1: float, step: float, r: float, color: RGB,
             name: str = "dots") -> None:
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
