"""Symbols: which icon the brief asks for (subjects, hint words, themes such as "national park" → mountains
flanked by pine trees), chosen by the seed among near-equal matches, and how it is drawn at a badge's centre:
alone, flanked by a mirrored companion, as a crossed pair of long tools, as monogram letters, or as a star."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from artboard.colors import RGB
from artboard.composer import brand, icons, shapes
from artboard.composer.context import Ctx
from artboard.composer.lexicon import posed_figure
from artboard.composer.recipes.badges.common import _Art, _bounds, _fit_into, _rotate
from artboard.composer.recipes.badges.geometry import _centred
from artboard.composer.recipes.badges.lettering import _initials, _letters_d
from artboard.composer.recipes.badges.ornaments import _star_d
from artboard.composer.words import GRAMMAR

# Words the brief treats as generic (or as colour names) that still name a good symbol.
_HINTS: dict[str, str] = {
    "brewery": "beer",
    "brewing": "beer",
    "brew": "beer",
    "beer": "beer",
    "ale": "beer",
    "coffee": "coffee",
    "cafe": "coffee",
    "espresso": "coffee",
    "bakery": "bread",
    "barber": "scissors",
    "tattoo": "anchor",
    "winery": "wine",
    "wine": "wine",
    "vineyard": "grapes",
    "farm": "wheat",
    "organic": "leaf",
    "eco": "leaf",
    "sustainable": "leaf",
    "sustainability": "leaf",
    "surf": "wave",
    "camping": "tent",
    "hiking": "mountain",
    "outdoor": "mountain",
    "adventure": "compass",
    "fishing": "fish",
    "garden": "flower",
    "honey": "bee",
    "pizza": "pizza",
    "burger": "burger",
    "tea": "tea",
    "music": "music",
    "motorcycle": "motorcycle",
    "biker": "motorcycle",
    "racing": "flag",
    "gym": "dumbbell",
    "fitness": "dumbbell",
    "yoga": "lotus",
    "chocolate": "cookie",
    "avocado": "avocado",
    "lemon": "lemon",
    "cherry": "cherry",
    "rose": "flower",
    "peach": "peach",
    "olive": "olive",
    "mint": "leaf",
    "lavender": "flower",
    "sunflower": "flower",
    "gold": "crown",
    "royal": "crown",
    "award": "trophy",
    "winner": "trophy",
    "certified": "check",
    "quality": "check",
    "guarantee": "check",
    "premium": "crown",
    "artisan": "hammer",
    "craft": "hammer",
}
_NOT_SYMBOLS = frozenset(
    {
        "club",
        "patch",
        "patches",
        "seal",
        "badge",
        "emblem",
        "crest",
        "stamp",
        "logo",
        "sticker",
        "stickers",
        "die-cut",
        "die",
        "cut",
        "company",
        "team",
        "society",
        "association",
        "brand",
        "quality",
        "custom",
        "national",
        "official",
        "print",
        "aesthetic",
        "typography",
        "edges",
        "design",
        "circular",
        "round",
        "kawaii",
        "cute",
        "vinyl",
        "laptop",
        "word",
        "words",
        "text",
        "says",
        "drinking",
        "eating",
        "holding",
    }
)
_BASIC_COLOURS = frozenset(
    {
        "red",
        "blue",
        "green",
        "yellow",
        "orange",
        "purple",
        "pink",
        "brown",
        "black",
        "white",
        "grey",
        "gray",
        "navy",
        "teal",
        "cyan",
        "magenta",
        "beige",
        "cream",
        "ivory",
        "gold",
        "silver",
        "maroon",
        "violet",
        "indigo",
        "turquoise",
        "crimson",
        "scarlet",
        "charcoal",
        "sage",
        "amber",
        "blush",
        "sapphire",
        "emerald",
    }
)

_HONOUR_RE = re.compile(
    r"\b(?:of the (?:year|month|week)|award|awards|winner|champion|champions|excellence|achievement|honou?r)\b", re.I
)


def _symbol_queries(ctx: Ctx) -> list[str]:
    b = ctx.brief
    out: list[str] = []

    def add(q: str) -> None:
        q = q.strip()
        if q and q not in out and q not in _NOT_SYMBOLS:
            out.append(q)

    main = ctx.main_subject()
    for subject in sorted(b.subjects, key=lambda sub: sub != main):  # the depicted subject first, else as given
        words = [w for w in subject.split() if w not in _NOT_SYMBOLS]
        figure = posed_figure(subject)
        if figure is not None:
            add(figure)  # "lotus pose": the figure doing yoga, not the lotus flower
        if words:
            add(" ".join(words))
        if len(words) > 1:
            for w in words:
                add(w)
        for w in words:
            if "-" in w:  # a compound kept whole by the brief ("red-panda", "polar-bear"): its head names the kind
                add(w.rsplit("-", 1)[1])
    lower_words = re.findall(r"[a-z]+", b.prompt.lower())
    for w in lower_words:
        if w in _HINTS:
            add(_HINTS[w])
    for name in b.color_names:
        if name not in _BASIC_COLOURS and " " not in name:
            add(name)
    for text in b.texts:
        for w in re.findall(r"[A-Za-z]{4,}", text):
            add(w.lower())
    return out


def _find_symbol(
    ctx: Ctx,
    *,
    mode: str | None = None,
    prefer_outline: bool = False,
    exclude: Sequence[str] = (),
    good: float = 1.2,
    floor: float = 0.85,
    queries: Sequence[str] | None = None,
    record: bool = True,
) -> tuple[icons.Icon | None, str | None]:
    """The best symbol for the brief: the first query that finds a strong match, chosen among near-equal
    candidates by the seed. Returns the icon and the query that found it."""
    queries = list(queries) if queries is not None else _symbol_queries(ctx)
    best: tuple[float, str, list[tuple[icons.Icon, float]]] | None = None
    chosen: tuple[str, list[tuple[icons.Icon, float]]] | None = None
    for q in queries[:8]:
        try:
            found = icons.find_icons(q, k=6, mode=mode)  # type: ignore[arg-type]
        except Exception:
            continue
        found = [(ic, sc) for ic, sc in found if ic.key not in exclude and not _bad_variant(ic)]
        if not found:
            continue
        top = found[0][1]
        if top >= good:
            chosen = (q, found)
            break
        if best is None or top > best[0]:
            best = (top, q, found)
    if chosen is None and best is not None and best[0] >= floor:
        chosen = (best[1], best[2])
    if chosen is None:
        return None, None
    q, found = chosen
    top = found[0][1]

    ranked = sorted(found, key=lambda t: (-t[1], t[0].key))
    qwords = {_stem(w) for w in re.findall(r"[a-z]+", q.lower())}

    def plain(ic: icons.Icon) -> bool:
        extra = {_stem(w) for w in ic.name.split("-")} - qwords - {"fill", "variant"}
        return not extra

    def outline(ic: icons.Icon) -> bool:
        return ic.set == "lucide" or (ic.set == "ph" and not ic.name.endswith("-fill"))

    literal = any(plain(ic) for ic, _ in ranked)
    pool = [ic for ic, sc in ranked if sc >= top - 0.1 and (plain(ic) or not literal)]
    styled = [ic for ic in pool if outline(ic) == prefer_outline]
    pool = (styled or pool)[:3] or [ranked[0][0]]
    icon = pool[ctx.rng.randrange(len(pool))]
    if record:
        ctx.info.setdefault("icons", []).append(icon.key)
    return icon, q


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _bad_variant(ic: icons.Icon) -> bool:
    return bool(
        re.search(r"-(off|slash|remove|minus|plus|alert|check|outline|x|question|lock|sync|cancel)(-|$)", ic.name)
    )


def _icon_d(icon: icons.Icon, cx: float, cy: float, size: float, *, stroke_scale: float = 1.0) -> str:
    """The icon as one filled path whose ink box is `size` on its longer side, centred on (cx, cy)."""
    width = icon.stroke_width * stroke_scale if icon.mode == "stroke" else None
    fills = icons.icon_as_fill_paths(icon, width) if width else icons.icon_as_fill_paths(icon)
    d = shapes.union(fills)
    if not d:
        return ""
    box = _bounds(d)
    return _centred(d, box, size / max(box[2] - box[0], box[3] - box[1], 1e-6), cx, cy)


# Themes: a word or phrase of the prompt → (good central symbols, a companion to flank it).
_THEMES: tuple[tuple[str, tuple[str, ...], str | None], ...] = (
    ("national park", ("mountains",), "pine tree"),
    ("police", ("police badge",), None),
    ("sheriff", ("police badge",), None),
    ("rosette", ("medal", "trophy"), None),
    ("award", ("trophy", "medal"), None),
    ("winner", ("trophy", "medal"), None),
    ("champion", ("trophy", "medal"), None),
    ("honey", ("bee",), None),
    ("beekeeper", ("bee",), None),
    ("university", ("graduation cap", "book"), None),
    ("college", ("graduation cap", "book"), None),
    ("academy", ("graduation cap", "book"), None),
    ("firefighter", ("fire",), None),
    ("fire department", ("fire",), None),
    ("brewery", ("hops", "glass mug"), "barley"),
    ("brewing", ("hops", "glass mug"), "barley"),
    ("craft beer", ("hops", "glass mug"), "barley"),
    ("beer", ("glass mug", "hops"), "barley"),
    ("bakery", ("bread", "croissant"), "wheat"),
    ("farm", ("barn", "tractor"), "wheat"),
    ("camping", ("tent", "campfire"), "pine tree"),
    ("outdoor", ("mountains", "compass"), "pine tree"),
    ("hiking", ("mountains", "hiking"), "pine tree"),
    ("winery", ("grapes", "wine bottle"), None),
    ("organic", ("leaf", "sprout"), None),
)
_FLANKABLE = (
    "tree",
    "pine",
    "barley",
    "wheat",
    "grain",
    "leaf",
    "palm",
    "flower",
    "hops",
    "sprout",
    "feather",
    "wing",
    "lightning",
    "bolt",
    "fish",
)
# Long tools read best as a crossed pair (two oars, two swords…).
_CROSSABLE = frozenset(
    {
        "oar",
        "sword",
        "hammer",
        "axe",
        "wrench",
        "key",
        "arrow",
        "bat",
        "golf",
        "hockey",
        "ski",
        "fork",
        "knife",
        "spoon",
        "brush",
        "paintbrush",
        "pencil",
        "pickaxe",
        "shovel",
        "rifle",
        "torch",
        "wand",
        "racquet",
        "tennis",
        "baseball",
        "cricket",
        "paddle",
        "screwdriver",
        "saw",
        "spatula",
        "whisk",
        "trident",
        "spear",
        "pick",
    }
)


@dataclass
class _Sym:
    icon: icons.Icon | None
    letters: str | None
    flank: icons.Icon | None = None


def _theme(ctx: Ctx) -> tuple[tuple[str, ...], str | None] | None:
    lower = " " + " ".join(re.findall(r"[a-z]+", ctx.brief.prompt.lower())) + " "
    for key, mains, companion in _THEMES:
        if f" {key} " in lower or f" {key}s " in lower:
            return mains, companion
    return None


def _symbol_or_mark(ctx: Ctx) -> _Sym:
    mode = "stroke" if ctx.brief.has("line") else "fill"
    from artboard.composer.group_mark import use_mark

    mark = use_mark(ctx, "stroke" if mode == "stroke" else "fill")
    if mark is not None:  # "anchor and hops", "mountain + compass": one mark of the related things
        return _Sym(mark, None)
    queries = _symbol_queries(ctx)
    theme = _theme(ctx)
    flank_query: str | None = None
    if theme is not None:
        mains, flank_query = theme
        order = list(mains)
        ctx.rng.shuffle(order)
        # the prompt's own concrete subjects come first unless they are only the theme word itself
        own = [q for q in queries if q not in {"park", "national park", "brewery", "beer", "bakery", "farm"}]
        subject_first = [q for q in own[:1] if q in ctx.brief.subjects and " " not in q]
        queries = subject_first + order + [q for q in queries if q not in order and q not in subject_first]
    icon, used = _find_symbol(ctx, mode=mode, queries=queries)
    if icon is None and mode == "fill":
        icon, used = _find_symbol(ctx, queries=queries)
    if icon is None and ctx.brief.subjects:
        # "a fierce raven head": no glyph is named for it; the lexicon's kind of it is (a bird)
        from artboard.composer.noun_icons import resolve

        hit = resolve(ctx.brief.subjects[0], "stroke" if mode == "stroke" else "fill")
        if hit is not None:
            icon, used = hit[0], hit[1]
            ctx.info.setdefault("icons", []).append(icon.key)
    said = " ".join([ctx.brief.headline or "", *ctx.brief.texts])
    if icon is None and (_HONOUR_RE.search(said) or set(re.findall(r"[a-z]+", said.lower())) & GRAMMAR.seal_words):
        # "employee of the year", "100% satisfaction guaranteed": an honour's or a promise's symbol is a trophy,
        # a medal or a star, not the initials of its words.
        icon, used = _find_symbol(ctx, mode=mode, queries=["trophy", "medal", "star"])
    if icon is None:
        return _Sym(None, _initials(ctx))
    flank = None
    candidates = ([flank_query] if flank_query else []) + [
        q for q in ctx.brief.subjects if q != used and any(f in q for f in _FLANKABLE)
    ]
    for q in candidates:
        if used and (q in used or used in q):
            continue
        flank, _ = _find_symbol(ctx, mode=mode, queries=[q], good=1.2, floor=9.0, exclude=(icon.key,))
        if flank is not None:
            break
    if flank is not None and ctx.rng.random() < 0.2:
        flank = None
    return _Sym(icon, None, flank)


def _centre_symbol(ctx: Ctx, art: _Art, sym: _Sym, cx: float, cy: float, size: float, color: RGB) -> None:
    """Icon (with flanking companions, or crossed with its mirror image), else monogram letters, else a star."""
    S = ctx.short
    if sym.icon is not None and sym.flank is None and brand.is_logo(sym.icon):
        # A brand kit's logo keeps its colours: its silhouette in one ink would lose what is inside it.
        for d, colour in brand.logo_paths(sym.icon, cx, cy, size):
            art.add("logo", d, colour, distress=False)
        return
    if sym.icon is None:
        if sym.letters:
            art.add("monogram", _letters_d(ctx, sym.letters, cx, cy, size * 0.62, size * 1.25), color)
        else:
            art.add("symbol", _star_d(cx, cy, size * 0.5), color)
        return
    if sym.flank is None and not (set(sym.icon.name.split("-")) & _CROSSABLE and "cross" not in sym.icon.name):
        art.add("symbol", _icon_d(sym.icon, cx, cy, size, stroke_scale=1.15), color)
        return
    group = _Art()
    if sym.flank is None:
        # a long tool and its mirror image, crossed
        d = _icon_d(sym.icon, 0.0, 0.0, size, stroke_scale=1.15)
        x0, y0, x1, y1 = _bounds(d)
        if (y1 - y0) > 1.5 * (x1 - x0):
            d = shapes.transform_d(d, _rotate(-38, 0.0, 0.0))
        elif (x1 - x0) > 1.5 * (y1 - y0):
            d = shapes.transform_d(d, _rotate(38, 0.0, 0.0))
        mirrored = shapes.transform_d(d, (-1.0, 0.0, 0.0, 1.0, 0.0, 0.0))
        group.add("symbol", d, color)
        group.knock(mirrored, S * 0.01)
        group.add("symbol-crossed", mirrored, color)
        half_width = size * 0.5
    else:
        main = _icon_d(sym.icon, 0.0, 0.0, size, stroke_scale=1.15)
        mb = _bounds(main)
        fd = _icon_d(sym.flank, 0.0, 0.0, size * 0.55, stroke_scale=1.15)
        fb = _bounds(fd)
        fw = fb[2] - fb[0]
        flanks = []
        for side in (-1, 1):
            # stand the companion on the main symbol's baseline, just overlapping its side, mirrored on the right
            edge = mb[0] if side < 0 else mb[2]
            fx = edge + side * fw * 0.3
            m = (float(side), 0.0, 0.0, 1.0, fx - side * (fb[0] + fb[2]) / 2, mb[3] - fb[3])
            flanks.append(shapes.transform_d(fd, m))
        group.add("symbol", main, color)
        fl = shapes.union(flanks)
        group.knock(fl, S * 0.01)
        group.add("symbol-flank", fl, color)
        half_width = size * 0.7
    _fit_into(group, (cx - half_width, cy - size * 0.5, cx + half_width, cy + size * 0.5), max_scale=9.0)
    art.items.extend(group.items)
