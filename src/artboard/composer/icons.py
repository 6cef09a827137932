"""The icon catalogue: every Lucide, Material Design and Phosphor icon, searchable by meaning.

    find_icons("espresso", 2) -> [(Icon(key="mdi:coffee", ...), 1.52), (Icon(key="lucide:coffee", ...), 1.5)]

A query is split into concepts (noun phrases found in the lexicon, or single content words), each
expanded through the lexicon, and ranked by a blend of embedding cosine, name/tag token hits and a
static prior that prefers plain base icons over their -off/-plus/-outline/... variants. The parsed
catalogue and its embedding matrix are cached on disk, keyed by package versions, model and code.

Colour illustrations (Fluent Emoji Flat "fef", Noto Emoji "noto"; mode "color") live in a second catalogue with
its own cache, built on the first colour search: `find_icons(query, mode="color")` searches only them, and every
other search (mode None, "stroke", "fill") only the one-colour sets, exactly as before.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import math
import os
import re
import tempfile
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from artboard.composer import textembed
from artboard.composer.icon_sources import COLOR_SETS, SETS, Icon, Mode, RawIcon, package_versions, read_all
from artboard.composer.lexicon import (
    BADGES,
    CHROME_CATEGORIES,
    CHROME_WORDS,
    CONTAINERS,
    LEXICON,
    MAX_PHRASE_WORDS,
    NEGATORS,
    PART_WORDS,
    STOPWORDS,
    STYLE_WORDS,
    WEAK_WORDS,
)
from artboard.errors import InvalidParameter, NotFound

__all__ = ["Icon", "all_icon_keys", "find_icons", "get_icon", "icon_as_fill_paths", "icon_count"]

CACHE_FORMAT = 2  # 2: Icon gained fills and opacities (colour icons)
F32 = npt.NDArray[np.float32]

W_NAME, W_TAGS, W_CATS = 1.0, 0.55, 0.25
W_LEX, W_COVER = 0.55, 0.15
MIN_INJECT = 0.8  # per-concept score (cosine + W_LEX * lexical hit) a noun's best icon needs to be slotted in
P_NEGATOR, P_BADGE, P_CONTAINER = 0.2, 0.1, 0.03
P_OUTLINE, P_VARIANT, P_CHROME, P_LENGTH = 0.02, 0.04, 0.10, 0.012
P_VENDORED = 0.05
P_OUTLINED = 0.1  # in a line-art search, Phosphor's outlined shapes yield to Lucide's strokes unless clearly better
P_NOTO = 0.03  # where both colour sets draw the thing, Fluent Flat's cleaner flat style wins
P_ARTBOARD_COLOUR = 0.05  # artboard's own pictures fill gaps: "hat" stays the emoji's top hat, "party hat" is ours
# Glyphs that were looked at and do not read as their subject at logo sizes (the MDI bee is a blob with a
# drip), or read as another thing (MDI's "scale" is a weighing scale, not the scales of justice); they stay
# findable, but a readable one of the same name wins.
UNCLEAR = frozenset({
    "mdi:bee", "mdi:bee-flower", "mdi:lighthouse-on", "mdi:scale",
    # MDI's "pan" glyphs are arrows that pan a view, never a pan to cook in
    "mdi:pan", "mdi:pan-up", "mdi:pan-down", "mdi:pan-left", "mdi:pan-right", "mdi:pan-horizontal", "mdi:pan-vertical",
    "mdi:pan-top-left", "mdi:pan-top-right", "mdi:pan-bottom-left", "mdi:pan-bottom-right",
    "mdi:moon-new", "mdi:moon-full", "mdi:moon-new-outline", "mdi:moon-full-outline",  # a plain disc or ring
    "mdi:dance-pole",  # a pole dancer: never the barber's, fishing or flag pole a design prompt means
    "mdi:nail",  # a hardware nail: never the nail of a nail salon
    "fef:white-flower", "noto:white-flower",  # the "well done" stamp: Japanese writing inside, never a daisy
    "mdi:paper-roll", "mdi:paper-roll-outline",  # a toilet roll: never the paper a pencil writes on
    "mdi:professional-hexagon", "mdi:one-up",  # lettered inside ("PRO", "1UP"): never a hexagon or a rise
})  # fmt: skip
P_UNCLEAR = 0.5


def lemma(word: str) -> str:
    """Crude English singular ("mountains" -> "mountain"); both sides get it, so it need not be correct."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.lower())


# --- the index --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Index:
    icons: tuple[Icon, ...]
    by_key: dict[str, int]
    vectors: F32  # (n, dim) unit rows
    prior: F32  # (n,) static preference, <= 0
    name_len: F32  # (n,) words in each name, style words excluded
    name_postings: dict[str, npt.NDArray[np.int32]]
    tag_postings: dict[str, npt.NDArray[np.int32]]
    chrome: npt.NDArray[np.bool_]
    set_ids: npt.NDArray[np.int8]
    stroke: npt.NDArray[np.bool_]
    line: npt.NDArray[np.bool_]  # drawn as lines: the stroke sets and Phosphor's regular (outline) weight
    full_names: frozenset[str]  # each icon's name words, space-joined ("hot air balloon")


def _name_words(name: str) -> list[str]:
    return [lemma(w) for w in name.split("-") if w and w not in STYLE_WORDS]


def _borrow_tags(raws: list[RawIcon]) -> list[RawIcon]:
    """MDI ships no tags; give each MDI icon the tags of a Lucide/Phosphor icon with the same base name."""
    tags: dict[str, set[str]] = {}
    for r in raws:
        if r.icon.set != "mdi":
            tags.setdefault(r.icon.name.removesuffix("-fill"), set()).update(r.icon.tags)
    out = []
    for r in raws:
        if r.icon.set == "mdi":
            base = re.sub(r"(-outline|-variant)+$", "", r.icon.name)
            found = tags.get(r.icon.name) or tags.get(base)
            if found:
                r = RawIcon(dataclasses.replace(r.icon, tags=tuple(sorted(found))), r.categories)
        out.append(r)
    return out


def _badge_penalty(word: str) -> float:
    if word in NEGATORS:
        return P_NEGATOR
    if word in BADGES:
        return P_BADGE
    return P_CONTAINER if word in CONTAINERS else 0.0


def _prior(raw: RawIcon, names: set[str]) -> float:
    words = [w for w in raw.icon.name.split("-") if w]
    body = [w for w in words if w not in STYLE_WORDS]
    p = -sum(_badge_penalty(w) for w in body[1:])
    p -= P_LENGTH * max(0, len(body) - 1)
    base = raw.icon.name
    for suffix, penalty in (("-outline", P_OUTLINE), ("-variant", P_VARIANT)):
        if base.endswith(suffix):
            base = base.removesuffix(suffix)
            p -= penalty if base in names else 0.0
    if "variant" in body:
        p -= P_VARIANT
    if raw.icon.set == "fe":
        p -= P_VENDORED  # the emoji glyphs fill gaps; where a PyPI set has the same thing, that one wins
    if raw.icon.set == "noto":
        p -= P_NOTO
    if raw.icon.set == "abc":
        p -= P_ARTBOARD_COLOUR
    if raw.icon.key in UNCLEAR:
        p -= P_UNCLEAR
    return p


def _is_chrome(raw: RawIcon) -> bool:
    return bool(CHROME_WORDS.intersection(raw.icon.name.split("-"))) or bool(
        CHROME_CATEGORIES.intersection(raw.categories)
    )


def _postings(sets: Iterable[Iterable[str]]) -> dict[str, npt.NDArray[np.int32]]:
    acc: dict[str, list[int]] = {}
    for i, words in enumerate(sets):
        for w in set(words):
            acc.setdefault(w, []).append(i)
    return {w: np.asarray(ix, dtype=np.int32) for w, ix in acc.items()}


def _build(sets: Sequence[str] = SETS) -> dict[str, Any]:
    raws = _borrow_tags(read_all(sets))
    names = {r.icon.name for r in raws}
    name_texts = [" ".join(_name_words(r.icon.name)) for r in raws]
    tag_texts = [", ".join(r.icon.tags) for r in raws]
    cat_texts = [" ".join(r.categories).replace("-", " ") for r in raws]
    vec = W_NAME * textembed.embed(name_texts) + W_TAGS * textembed.embed(tag_texts)
    vec += W_CATS * textembed.embed(cat_texts)
    vec /= np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-12)
    tag_words = [{lemma(w) for t in r.icon.tags for w in _words(t)} for r in raws]
    return {
        "icons": [dataclasses.astuple(r.icon) for r in raws],
        "vectors": vec.astype(np.float32),
        "prior": np.asarray([_prior(r, names) for r in raws], dtype=np.float32),
        "name_words": [_name_words(r.icon.name) for r in raws],
        "tag_words": [sorted(t) for t in tag_words],
        "chrome": np.asarray([_is_chrome(r) for r in raws], dtype=np.bool_),
    }


def _icon_from(f: list[Any]) -> Icon:
    vb = (f[4][0], f[4][1], f[4][2], f[4][3])
    return Icon(f[0], f[1], f[2], tuple(f[3]), vb, tuple(f[5]), f[6], f[7], f[8], f[9], tuple(f[10]), tuple(f[11]))


def _index_from(data: dict[str, Any]) -> _Index:
    icons = tuple(_icon_from(fields) for fields in data["icons"])
    name_words: list[list[str]] = data["name_words"]
    return _Index(
        icons=icons,
        by_key={icon.key: i for i, icon in enumerate(icons)},
        vectors=data["vectors"],
        prior=data["prior"],
        name_len=np.asarray([max(len(set(w)), 1) for w in name_words], dtype=np.float32),
        name_postings=_postings(name_words),
        tag_postings=_postings(data["tag_words"]),
        chrome=data["chrome"],
        set_ids=np.asarray([_ALL_SETS.index(icon.set) for icon in icons], dtype=np.int8),
        stroke=np.asarray([icon.mode == "stroke" for icon in icons], dtype=np.bool_),
        line=np.asarray([is_line_art(icon) for icon in icons], dtype=np.bool_),
        full_names=frozenset(" ".join(words) for words in name_words),
    )


_ALL_SETS = SETS + COLOR_SETS
Catalogue = Literal["mono", "color"]
# Which sets each catalogue holds, and its cache file prefix (the one-colour one keeps its historical name).
_CATALOGUES: dict[str, tuple[tuple[str, ...], str]] = {"mono": (SETS, "icons"), "color": (COLOR_SETS, "coloricons")}


# --- the on-disk cache ------------------------------------------------------------------------------------


def cache_dir() -> Path:
    env = os.environ.get("ARTBOARD_CACHE_DIR")
    return Path(env) if env else Path.home() / ".cache" / "artboard"


def _cache_key(catalogue: Catalogue = "mono") -> str:
    sets = _CATALOGUES[catalogue][0]
    h = hashlib.sha256(f"{CACHE_FORMAT}|{catalogue}|{sorted(package_versions(sets).items())}|".encode())
    h.update(textembed.model_fingerprint().encode())
    # The prior, tag borrowing and parsing live in code; any edit to them must miss the old cache.
    here = Path(__file__).parent
    for name in ("icons.py", "icon_sources.py", "lexicon.py"):
        h.update((here / name).read_bytes())
    return h.hexdigest()[:20]


_ARRAYS = ("vectors", "prior", "chrome")


def _save(path: Path, data: dict[str, Any]) -> None:
    # npz + JSON rather than pickle: loading a cache file must never be able to run code.
    meta = json.dumps({k: v for k, v in data.items() if k not in _ARRAYS}, separators=(",", ":")).encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Write-then-rename: parallel processes (pytest-xdist) may race, but nobody reads a half-written file.
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            np.savez(f, meta=np.frombuffer(meta, dtype=np.uint8), **{k: data[k] for k in _ARRAYS})
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    # Each package/model/code change leaves a ~15 MB stale catalogue behind; a racing process with another
    # key at worst rebuilds once.
    prefix = path.name.split("-", 1)[0]
    for stale in path.parent.glob(f"{prefix}-*.npz"):
        if stale != path:
            stale.unlink(missing_ok=True)


def _load(path: Path) -> dict[str, Any]:
    with np.load(path, allow_pickle=False) as z:
        data: dict[str, Any] = json.loads(z["meta"].tobytes())
        for k in _ARRAYS:
            data[k] = z[k]
    return data


def _load_or_build(catalogue: Catalogue = "mono") -> _Index:
    sets, prefix = _CATALOGUES[catalogue]
    path = cache_dir() / f"{prefix}-{_cache_key(catalogue)}.npz"
    try:
        return _index_from(_load(path))
    except (OSError, EOFError, KeyError, TypeError, ValueError, IndexError):
        pass  # missing or unreadable (e.g. truncated by a crash): rebuild
    data = _build(sets)
    with contextlib.suppress(OSError):  # a read-only cache dir must not stop search; we rebuild next time
        _save(path, data)
    return _index_from(data)


_lock = threading.Lock()
_index: _Index | None = None  # the one-colour catalogue
_color_index: _Index | None = None  # the colour catalogue, built on the first colour search


def _get_index(catalogue: Catalogue = "mono") -> _Index:
    global _index, _color_index
    if catalogue == "color":
        if _color_index is None:
            with _lock:
                if _color_index is None:
                    _color_index = _load_or_build("color")
        return _color_index
    if _index is None:
        with _lock:
            if _index is None:
                _index = _load_or_build()
    return _index


# --- queries ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Concept:
    text: str  # what gets embedded first
    words: tuple[str, ...]  # lemmas that must all be in a name for a direct hit
    targets: tuple[str, ...]  # lexicon expansions, best first
    # True when the words name their own icon ("sunset": sunset, sun), so expansions only assist; False when
    # the lexicon redirects them ("bar": martini, beer), so a literal "chart-bar" hit must not win.
    literal: bool


def _lookup(words: Sequence[str]) -> tuple[str, ...] | None:
    phrase = " ".join(words)
    for candidate in (phrase, "".join(words), " ".join(lemma(w) for w in words)):
        if candidate in LEXICON:
            return LEXICON[candidate]
    return None


def is_line_art(icon: Icon) -> bool:
    """Whether an icon is drawn in lines: a stroke icon, or Phosphor's regular weight (outlines filled as shapes,
    the same look at the same weight as Lucide), so a line-art design can draw what Lucide lacks (a lotus)."""
    return icon.mode == "stroke" or (icon.set == "ph" and not icon.name.endswith("-fill"))


def _whole_for_parts(words: list[str]) -> list[str]:
    """ "robot head" → robot, "bicycle wheel" → bicycle: a part named on its whole is the whole, unless an icon is
    named for the phrase itself ("ship wheel", "robot arm") or the lexicon knows the phrase."""
    ix = _get_index()
    out: list[str] = []
    for word in words:
        if out and word in PART_WORDS:
            before = out[-1]
            named = lemma(before) in ix.name_postings or before in LEXICON
            known = f"{lemma(before)} {lemma(word)}" in ix.full_names or f"{before} {word}" in LEXICON
            if named and not known:
                continue  # the whole is drawn; its part says nothing an icon can show
        out.append(word)
    return out


def _parse_query(query: str) -> list[_Concept]:
    """Concepts of a prompt: lexicon phrases first (longest match), then remaining content words."""
    words = _whole_for_parts([w for w in _words(query) if w not in STOPWORDS])
    concepts: list[_Concept] = []
    i = 0
    while i < len(words):
        for n in range(min(MAX_PHRASE_WORDS, len(words) - i), 0, -1):
            targets = _lookup(words[i : i + n])
            if targets is not None or n == 1:
                part = words[i : i + n]
                text, lemmas = " ".join(part), tuple(lemma(w) for w in part)
                literal = targets is None or text in targets or " ".join(lemmas) in targets
                rest = tuple(t for t in targets or () if t not in (text, " ".join(lemmas)))
                concepts.append(_Concept(text, lemmas, rest, literal))
                i += n
                break
    # Phrases are matched first so "pet store" still means paws, then weak words go if anything is left.
    strong = [c for c in concepts if c.text not in WEAK_WORDS]
    return strong or concepts


def _concept_vectors(concepts: Sequence[_Concept]) -> F32:
    texts = [c.text for c in concepts] + [t for c in concepts for t in c.targets]
    emb = textembed.embed(texts)
    out = np.zeros((len(concepts), emb.shape[1]), dtype=np.float32)
    j = len(concepts)
    for ci, c in enumerate(concepts):
        # The prompt word leads; expansions add meaning but fade with rank so the first one dominates.
        out[ci] = emb[ci]
        weight = 0.35 if c.literal else 0.9
        for r in range(len(c.targets)):
            out[ci] += weight * 0.75**r * emb[j]
            j += 1
        out[ci] /= max(float(np.linalg.norm(out[ci])), 1e-12)
    return out


def _lexical(ix: _Index, c: _Concept) -> F32:
    """Per-icon hit strength for one concept: its own words in the name beat expansions beat tags."""
    n = len(ix.icons)
    hit = np.zeros(n, dtype=np.float32)

    def bump(postings: dict[str, npt.NDArray[np.int32]], word: str, value: float) -> None:
        rows = postings.get(word)
        if rows is not None:
            hit[rows] = np.maximum(hit[rows], np.float32(value))  # rows are unique per word

    own, expanded = (1.0, 0.6) if c.literal else (0.6, 0.85)
    if len(c.words) == 1:
        bump(ix.name_postings, c.words[0], own)
    else:
        postings = [ix.name_postings.get(w, np.zeros(0, np.int32)) for w in c.words]
        common = postings[0]
        for more in postings[1:]:
            common = np.intersect1d(common, more)
        if len(common):
            hit[common] = np.maximum(hit[common], np.float32(own))
    for w in c.words:
        bump(ix.tag_postings, w, 0.45)
    for r, t in enumerate(c.targets):
        bump(ix.name_postings, lemma(t), expanded * 0.93**r)
        bump(ix.tag_postings, lemma(t), 0.3 * 0.93**r)
    return hit


def _scores(ix: _Index, concepts: Sequence[_Concept]) -> tuple[F32, F32]:
    vecs = _concept_vectors(concepts)
    # einsum runs single-threaded: a multi-threaded BLAS gemv on a busy 2-core box is 5-10x slower here.
    per = np.einsum("nd,cd->nc", ix.vectors, vecs)  # (n, C) cosine per concept
    lex = np.stack([_lexical(ix, c) for c in concepts], axis=1)
    per_total = per + W_LEX * lex
    vocab = {w for c in concepts for w in c.words} | {lemma(t) for c in concepts for t in c.targets}
    # Fraction of an icon's name the prompt accounts for: "cloud-sun" is fully explained by "sun, cloud".
    cover = np.zeros(len(ix.icons), dtype=np.float32)
    for w in vocab:
        rows = ix.name_postings.get(w)
        if rows is not None:
            cover[rows] += 1.0
    prior = ix.prior.copy()
    if not vocab & CHROME_WORDS:
        prior -= P_CHROME * ix.chrome
    for w in vocab & (NEGATORS | BADGES | CONTAINERS):
        rows = ix.name_postings.get(w)
        if rows is not None:
            prior[rows] += _badge_penalty(w)  # the prompt asked for this badge, so stop penalising it
    # The first noun is usually the subject ("camping under the stars"); later ones set the scene.
    weights = np.asarray([1.0] + [0.8] * (len(concepts) - 1), dtype=np.float32)
    total = per_total @ (weights / weights.sum()) + W_COVER * np.minimum(cover / ix.name_len, 1.0) + prior
    return total.astype(np.float32), per_total.astype(np.float32)


def _top(score: F32, k: int) -> list[int]:
    finite = np.isfinite(score)
    n = int(finite.sum())
    if n == 0 or k <= 0:
        return []
    k = min(k, n)
    kth = np.partition(np.where(finite, score, -np.inf), len(score) - k)[len(score) - k]
    cand = np.nonzero(finite & (score >= kth))[0]  # keeps every tie at the cut, so order never depends on it
    order = np.lexsort((cand, -score[cand]))
    return [int(i) for i in cand[order][:k]]


def find_icons(
    query: str,
    k: int = 8,
    *,
    mode: Mode | None = None,
    sets: Sequence[str] | None = None,
) -> list[tuple[Icon, float]]:
    """The k icons that best depict `query`, best first, with their scores; ties are broken by key.

    mode None searches the one-colour sets (stroke and fill), "stroke"/"fill" one of those styles, and "color"
    only the colour illustrations ("fef", "noto"): colour icons are opt-in, so existing designs never change.
    `sets` narrows the search; naming colour sets alone (sets=["noto"]) implies mode "color".
    """
    colour = mode == "color" or (mode is None and bool(sets) and all(s in COLOR_SETS for s in sets or ()))
    ix = _get_index("color" if colour else "mono")
    concepts = _parse_query(query)
    if not concepts or k <= 0:
        return []
    if colour:
        # The lexicon redirects words the one-colour sets cannot draw ("astronaut": rocket, planet); the colour
        # sets often draw the thing itself, and an icon of exactly that name is then what was asked for.
        concepts = [
            dataclasses.replace(c, literal=True) if not c.literal and " ".join(c.words) in ix.full_names else c
            for c in concepts
        ]
    total, per = _scores(ix, concepts)
    mask = np.ones(len(ix.icons), dtype=np.bool_)
    if mode == "stroke":
        # Line art: Phosphor's regular weight is drawn in lines too and fills what Lucide lacks, a little behind
        # Lucide where both draw the thing. A style that fixes the line weight gets true strokes only, so its
        # weight reaches every line.
        from artboard.composer import brand

        mask &= ix.stroke if brand.line_weight() is not None else ix.line
        total = np.where(ix.line & ~ix.stroke, total - P_OUTLINED, total).astype(np.float32)
    elif mode == "fill":
        mask &= ~ix.stroke
    if sets is not None:
        wanted = [_ALL_SETS.index(s) for s in sets if s in _ALL_SETS]
        mask &= np.isin(ix.set_ids, wanted)
    # Rounded before ranking so that scores which print equal are also ordered by key.
    total = np.where(mask, np.round(total, 6), -np.inf).astype(np.float32)
    picked = _top(total, k)
    if len(concepts) > 1 and len(picked) >= 4:
        # Keep the top half as ranked, but make sure every noun of "skateboarding dinosaur" shows up.
        extras: list[int] = []
        for ci in range(len(concepts)):
            best = _top(np.where(mask, per[:, ci] + ix.prior, -np.inf).astype(np.float32), 1)
            # Only a real match earns a slot: "cozy" has no icon, and its nearest vector is noise.
            good = best and per[best[0], ci] >= MIN_INJECT
            if good and best[0] not in picked and best[0] not in extras:
                extras.append(best[0])
        extras = extras[: len(picked) - len(picked) // 2]
        if extras:
            picked = picked[: len(picked) - len(extras)] + extras
            picked.sort(key=lambda i: (-float(total[i]), i))
    return [(ix.icons[i], round(float(total[i]), 6)) for i in picked]


def known_word(word: str) -> bool:
    """Whether some icon's name or tags use the word (so "ramen" is a word, not a typo of "rumen")."""
    key = lemma(word)
    return any(key in ix.name_postings or key in ix.tag_postings for ix in (_get_index(), _get_index("color")))


def get_icon(key: str) -> Icon:
    """An icon of either catalogue by key ("mdi:coffee", "fef:hot-beverage")."""
    ix = _get_index("color" if key.split(":", 1)[0] in COLOR_SETS else "mono")
    i = ix.by_key.get(key)
    if i is None:
        raise NotFound(f"unknown icon {key!r}", param="icon", details={"key": key})
    return ix.icons[i]


def icon_count(*, color: bool = False) -> int:
    """How many one-colour icons there are (color=True: colour icons)."""
    return len(_get_index("color" if color else "mono").icons)


def all_icon_keys(*, color: bool = False) -> list[str]:
    """Keys of the one-colour icons, sorted (color=True: of the colour icons)."""
    return [icon.key for icon in _get_index("color" if color else "mono").icons]


# --- geometry ---------------------------------------------------------------------------------------------


def icon_as_fill_paths(icon: Icon, stroke_width: float | None = None) -> list[str]:
    """Paths that draw the icon with fill alone (nonzero rule), in the icon's viewbox coordinates.

    Stroke icons are outlined with skia-pathops (round caps and joins, as Lucide draws them) and unioned into
    one overlap-free path, which can then be filled, offset for a sticker border, or used as a knockout.
    Fill icons come back unchanged, and so do colour icons: filled in one colour, their paths are the silhouette.
    """
    if icon.mode != "stroke":
        return list(icon.paths)
    width = icon.stroke_width if stroke_width is None else float(stroke_width)
    if not (math.isfinite(width) and width > 0):
        raise InvalidParameter("stroke width must be a positive number", param="stroke_width")
    return list(_outline(icon, width))


@functools.lru_cache(maxsize=1024)
def _outline(icon: Icon, width: float) -> tuple[str, ...]:
    import pathops
    from fontTools.pens.svgPathPen import SVGPathPen
    from fontTools.svgLib.path import parse_path

    parts: list[pathops.Path] = []
    for d in icon.paths:
        src = pathops.Path()
        parse_path(d, src.getPen(allow_open_paths=True))
        src.stroke(width, pathops.LineCap.ROUND_CAP, pathops.LineJoin.ROUND_JOIN, 4.0)
        src.convertConicsToQuads()  # round caps come out as conics, which neither simplify nor SVG can take
        parts.append(src)
    merged = pathops.Path()
    for part in parts:
        merged.addPath(part)
    try:
        merged.simplify(fix_winding=True, keep_starting_points=False)
        outlines = [merged]
    except pathops.PathOpsError:
        # Skia's boolean ops give up on rare near-coincident edges (lucide:origami); each stroke on its own
        # still simplifies, and separate overlapping nonzero fills paint the same pixels as their union.
        for part in parts:
            part.simplify(fix_winding=True, keep_starting_points=False)
        outlines = parts
    out: list[str] = []
    for outline in outlines:
        pen = SVGPathPen(None, ntos=lambda v: f"{v:.3f}".rstrip("0").rstrip("."))
        outline.draw(pen)
        if d := pen.getCommands():
            out.append(d)
    return tuple(out)
