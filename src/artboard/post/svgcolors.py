"""SVG side of the palette guarantee: find every colour a document paints and rewrite it to allowed colours.

Colours hide in many places: presentation attributes, ``style=""``, ``<style>`` sheets, gradient stops,
filter primitives, animation values, ``currentColor`` and the implicit black of an unset ``fill`` or
``stop-color``. :func:`scan_colors` finds them all and :func:`rewrite` maps them all, so that
``scan_colors(rewrite(svg)) ⊆ allowed`` holds for any input.

Design rules (see ``PaletteReport.gradients`` / ``notes`` for what happened to a given document):

* every colour goes to its OKLab-nearest allowed colour; the background wins only when strictly nearer;
* a smooth gradient between two palette colours paints every colour in between, so multi-colour gradients
  become *stepped* gradients: solid bands of palette colours along the same vector (same units, transform,
  spread), band edges where the original colour ramp crosses from one palette colour's region to the next;
  a gradient that maps to one colour becomes that flat colour;
* filters and blend modes invent colours, so they are removed; opacity (and stop-opacity) is left alone;
* ``<mask>`` and ``<clipPath>`` content is never painted, so its colours are not touched (a mask's luminance
  is its meaning), nor are gradients used only by masks.
"""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from artboard.colors import RGB, delta_e_ok, nearest_index, parse_css_color, srgb_to_oklab, to_hex
from artboard.errors import InvalidParameter

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

COLOR_PROPS = (
    "fill",
    "stroke",
    "stop-color",
    "flood-color",
    "lighting-color",
    "color",
    "solid-color",
    "background-color",
    "background",
)
_COLOR_PROP_SET = frozenset(COLOR_PROPS)
_INHERITED = frozenset({"fill", "stroke", "color"})
_KEEP_KEYWORDS = frozenset(
    {"none", "transparent", "inherit", "currentcolor", "context-fill", "context-stroke"}
)
_REMOVED_PROPS = ("filter", "mix-blend-mode")
_UNPAINTED = frozenset({"mask", "clipPath", "title", "desc", "metadata"})
_GRADIENTS = frozenset({"linearGradient", "radialGradient"})
_SHAPES = frozenset({"path", "rect", "circle", "ellipse", "polygon", "polyline", "text", "tspan", "textPath"})
_ANIMATIONS = frozenset({"animate", "set", "animateColor"})
_DROPPED = frozenset({"filter", "foreignObject", "image"})
_DEFAULT_BLACK: RGB = (0, 0, 0)

_DECL_RE = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(p) for p in sorted(COLOR_PROPS, key=len, reverse=True)) + r")"
    r"(\s*:\s*)((?:url\([^)]*\)|[^;{}!])*?)(\s*!\s*important)?(\s*)(?=;|}|$)",
    re.IGNORECASE,
)
_REMOVED_DECL_RE = re.compile(r"(?<![\w-])(?:filter|mix-blend-mode)\s*:[^;}]*;?", re.IGNORECASE)
_ANY_DECL_RE = re.compile(r"([\w-]+)\s*:\s*((?:url\([^)]*\)|[^;])*)")
_URL_RE = re.compile(r"^url\(\s*['\"]?#([^'\")]+)['\"]?\s*\)\s*(.*)$", re.IGNORECASE | re.DOTALL)
_URL_ANY_RE = re.compile(r"url\(\s*['\"]?#([^'\")]+)['\"]?\s*\)", re.IGNORECASE)
_COLOR_TOKEN_RE = re.compile(r"#[0-9a-fA-F]{3,8}\b|(?:rgba?|hsla?)\([^)]*\)|\b[a-zA-Z]+\b")
_CSS_RULE_RE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_CSS_COMMENT_RE = re.compile(r"/\*.*?\*/", re.DOTALL)
_SIMPLE_SELECTOR_RE = re.compile(r"^(\*|[A-Za-z][\w-]*)?((?:[#.][\w-]+)*)$")
_DOCTYPE_RE = re.compile(r"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse_svg(svg: str) -> ET.Element:
    if _DOCTYPE_RE.search(svg[:4096]):
        # Entities are the classic XML bomb vector; designs never need them.
        raise InvalidParameter("SVG must not contain a DOCTYPE or entity declarations", param="svg")
    try:
        parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))
        parser.feed(svg)
        return parser.close()
    except ET.ParseError as exc:
        raise InvalidParameter(f"SVG is not well-formed XML: {exc}", param="svg") from None


# --- a small CSS model: enough to know which stop a class rule colours --------------------------------------


@dataclass(frozen=True)
class _Rule:
    selectors: tuple[
        tuple[str | None, str | None, frozenset[str]], ...
    ]  # (tag, id, classes) per simple selector
    decls: dict[str, str]


def _parse_decls(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for match in _ANY_DECL_RE.finditer(text):
        value = re.sub(r"\s*!\s*important\s*$", "", match.group(2).strip(), flags=re.IGNORECASE)
        out[match.group(1).strip().lower()] = value
    return out


def _parse_css(text: str) -> list[_Rule]:
    rules: list[_Rule] = []
    for match in _CSS_RULE_RE.finditer(_CSS_COMMENT_RE.sub("", text)):
        selectors: list[tuple[str | None, str | None, frozenset[str]]] = []
        for raw in match.group(1).split(","):
            sel = raw.strip()
            simple = _SIMPLE_SELECTOR_RE.match(sel)
            if not sel or not simple or sel.startswith("@"):
                continue  # combinators, pseudo-classes, at-rules: treated as matching nothing
            tag = simple.group(1) if simple.group(1) not in (None, "*") else None
            parts = re.findall(r"([#.])([\w-]+)", simple.group(2))
            ids = [name for kind, name in parts if kind == "#"]
            classes = frozenset(name for kind, name in parts if kind == ".")
            selectors.append((tag, ids[0] if ids else None, classes))
        if selectors:
            rules.append(_Rule(tuple(selectors), _parse_decls(match.group(2))))
    return rules


class _Styles:
    """Resolves a property like a renderer: inline style > matching sheet rule > attribute > parent."""

    def __init__(self, root: ET.Element) -> None:
        self.parents: dict[ET.Element, ET.Element] = {c: p for p in root.iter() for c in p}
        self.rules: list[_Rule] = []
        for element in root.iter():
            if local(element.tag) == "style" and element.text:
                self.rules.extend(_parse_css(element.text))

    def _matches(self, element: ET.Element, rule: _Rule) -> bool:
        tag = local(element.tag)
        classes = set(element.get("class", "").split())
        return any(
            (s_tag is None or s_tag == tag)
            and (s_id is None or element.get("id") == s_id)
            and s_cls <= classes
            for s_tag, s_id, s_cls in rule.selectors
        )

    def own(self, element: ET.Element, prop: str) -> str | None:
        inline = _parse_decls(element.get("style", "")).get(prop)
        if inline is not None:
            return inline
        for rule in reversed(self.rules):
            if prop in rule.decls and self._matches(element, rule):
                return rule.decls[prop]
        return element.get(prop)

    def resolved(self, element: ET.Element, prop: str) -> str | None:
        """Specified value, following inheritance (always for inherited properties, else on 'inherit')."""
        node: ET.Element | None = element
        while node is not None:
            value = self.own(node, prop)
            if value is not None and value.strip().lower() != "inherit":
                return value
            if value is None and prop not in _INHERITED:
                return None
            node = self.parents.get(node)
        return None

    def color_of(self, element: ET.Element, prop: str, default: RGB | None) -> tuple[RGB, float] | None:
        value = self.resolved(element, prop)
        if value is None:
            return (default, 1.0) if default is not None else None
        if value.strip().lower() == "currentcolor":
            return (
                self.color_of(element, "color", _DEFAULT_BLACK) if prop != "color" else (_DEFAULT_BLACK, 1.0)
            )
        parsed = parse_css_color(value)
        if parsed is None:
            return (default, 1.0) if default is not None else None
        return parsed


# --- document structure ----------------------------------------------------------------------------------


def _href(element: ET.Element) -> str | None:
    value = element.get("href") or element.get(f"{{{XLINK_NS}}}href")
    if value and value.strip().startswith("#"):
        return value.strip()[1:]
    return None


def _urls_in(element: ET.Element) -> Iterator[str]:
    for prop in ("fill", "stroke"):
        value = element.get(prop)
        if value:
            yield from _URL_ANY_RE.findall(value)
    style = element.get("style")
    if style:
        yield from _URL_ANY_RE.findall(style)


@dataclass
class _Structure:
    root: ET.Element
    styles: _Styles
    unpainted: set[ET.Element]  # elements inside <mask>/<clipPath>/<title>… (including those elements)
    gradients: dict[str, ET.Element]
    mask_only: set[str]  # gradient ids whose stops only ever paint mask content

    def stop_source(self, gradient_id: str) -> ET.Element | None:
        """The gradient whose <stop>s ``gradient_id`` uses (its own, or via href, as SVG specifies)."""
        seen: set[str] = set()
        current: str | None = gradient_id
        while current is not None and current not in seen and current in self.gradients:
            seen.add(current)
            element = self.gradients[current]
            if any(local(c.tag) == "stop" for c in element):
                return element
            current = _href(element)
        return None


def _structure(root: ET.Element) -> _Structure:
    styles = _Styles(root)
    unpainted: set[ET.Element] = set()
    for element in root.iter():
        if local(element.tag) in _UNPAINTED:
            unpainted.update(element.iter())
    gradients = {el.get("id", ""): el for el in root.iter() if local(el.tag) in _GRADIENTS and el.get("id")}
    used_painted: set[str] = set()
    used_masked: set[str] = set()
    for element in root.iter():
        target = used_masked if element in unpainted else used_painted
        target.update(_urls_in(element))
    for element in root.iter():
        if local(element.tag) == "style" and element.text:
            used_painted.update(_URL_ANY_RE.findall(element.text))
    structure = _Structure(root, styles, unpainted, gradients, set())
    painted_sources = {id(structure.stop_source(g)) for g in used_painted}
    masked_sources = {id(structure.stop_source(g)) for g in used_masked}
    structure.mask_only = {
        gid for gid, el in gradients.items() if id(el) in masked_sources and id(el) not in painted_sources
    }
    return structure


def _stops(structure: _Structure, gradient: ET.Element) -> list[tuple[float, RGB, float]]:
    """(offset, colour, opacity) with offsets clamped and made monotonic as SVG requires."""
    out: list[tuple[float, RGB, float]] = []
    last = 0.0
    for stop in gradient:
        if local(stop.tag) != "stop":
            continue
        raw = (stop.get("offset") or "0").strip()
        try:
            offset = float(raw[:-1]) / 100.0 if raw.endswith("%") else float(raw)
        except ValueError:
            offset = 0.0
        offset = max(last, min(1.0, max(0.0, offset)))
        last = offset
        color = structure.styles.color_of(stop, "stop-color", _DEFAULT_BLACK)
        rgb, alpha = color if color is not None else (_DEFAULT_BLACK, 1.0)
        opacity_raw = structure.styles.own(stop, "stop-opacity")
        try:
            opacity = float(opacity_raw) if opacity_raw is not None else 1.0
        except ValueError:
            opacity = 1.0
        out.append((offset, rgb, min(1.0, max(0.0, opacity)) * alpha))
    return out


# --- scanning ----------------------------------------------------------------------------------------------


def _value_colors(value: str) -> Iterator[str | RGB]:
    """Colours in one property value; yields "currentColor" for the caller to resolve."""
    text = value.strip()
    lower = text.lower()
    if lower == "currentcolor":
        yield "currentColor"
        return
    if lower in _KEEP_KEYWORDS:
        return
    url = _URL_RE.match(text)
    if url:
        if url.group(2).strip():
            yield from _value_colors(url.group(2))
        return
    parsed = parse_css_color(text)
    if parsed is not None:
        yield parsed[0]
        return
    for token in _COLOR_TOKEN_RE.findall(text):
        parsed = parse_css_color(token)
        if parsed is not None:
            yield parsed[0]


def scan_colors(root: ET.Element) -> set[RGB]:
    structure = _structure(root)
    styles = structure.styles
    found: set[RGB] = set()

    def add(element: ET.Element, value: str) -> None:
        for item in _value_colors(value):
            if isinstance(item, str):
                resolved = styles.color_of(element, "color", _DEFAULT_BLACK)
                found.add(resolved[0] if resolved else _DEFAULT_BLACK)
            else:
                found.add(item)

    for element in root.iter():
        if local(element.tag) == "style" and element.text:
            for match in _DECL_RE.finditer(element.text):
                add(root, match.group(3))
    for element in root.iter():
        tag = local(element.tag)
        if element in structure.unpainted or not isinstance(element.tag, str):
            continue
        if tag == "stop":
            continue  # stops are read per gradient below, with their defaults
        for prop in COLOR_PROPS:
            value = element.get(prop)
            if value is not None:
                add(element, value)
        style = element.get("style")
        if style:
            for match in _DECL_RE.finditer(style):
                add(element, match.group(3))
        if tag in _SHAPES and styles.resolved(element, "fill") is None:
            found.add(_DEFAULT_BLACK)  # the initial fill
        if tag in ("feFlood", "feDropShadow") and styles.resolved(element, "flood-color") is None:
            found.add(_DEFAULT_BLACK)
        if (
            tag in ("feDiffuseLighting", "feSpecularLighting")
            and styles.resolved(element, "lighting-color") is None
        ):
            found.add((255, 255, 255))
        if tag in _ANIMATIONS and (element.get("attributeName") or "").strip() in _COLOR_PROP_SET:
            for attr in ("from", "to", "by", "values"):
                for part in (element.get(attr) or "").split(";"):
                    if part.strip():
                        add(element, part)
    for gid, gradient in structure.gradients.items():
        if gid in structure.mask_only or gradient in structure.unpainted:
            continue
        for _, rgb, _ in _stops(structure, gradient):
            found.add(rgb)
    for gradient in root.iter():
        # Gradients without an id can't be painted, but their stops are still in the document.
        if (
            local(gradient.tag) in _GRADIENTS
            and not gradient.get("id")
            and gradient not in structure.unpainted
        ):
            found.update(rgb for _, rgb, _ in _stops(structure, gradient))
    return found


# --- rewriting --------------------------------------------------------------------------------------------


@dataclass
class RewriteLog:
    mapped: dict[RGB, tuple[RGB, float]] = field(default_factory=dict)  # first-seen order
    stepped: int = 0
    bands: int = 0
    flattened: int = 0
    recoloured_fades: int = 0
    unchanged_stepped: int = 0
    mask_only: int = 0
    removed: dict[str, int] = field(default_factory=dict)
    dropped_values: int = 0

    def remove(self, what: str) -> None:
        self.removed[what] = self.removed.get(what, 0) + 1


class _Mapper:
    def __init__(self, allowed: Sequence[RGB], log: RewriteLog) -> None:
        self.allowed = list(allowed)
        self.allowed_set = set(self.allowed)
        self.log = log
        self._cache: dict[RGB, RGB] = {}
        self._lab = srgb_to_oklab(np.array(self.allowed, dtype=np.uint8))

    def __call__(self, rgb: RGB) -> RGB:
        hit = self._cache.get(rgb)
        if hit is None:
            hit = self.allowed[nearest_index(rgb, self.allowed)]
            self._cache[rgb] = hit
        if rgb not in self.log.mapped:
            self.log.mapped[rgb] = (hit, round(delta_e_ok(rgb, hit), 2))
        return hit

    def index_of_float(self, rgb: np.ndarray) -> np.ndarray:
        """Nearest allowed index for float sRGB rows (0..255), rounded like a renderer would."""
        lab = srgb_to_oklab(np.clip(np.rint(rgb), 0, 255).astype(np.uint8))
        d2 = ((lab[:, None, :] - self._lab[None, :, :]) ** 2).sum(axis=2)
        out: np.ndarray = np.argmin(d2, axis=1)
        return out


def _fmt_color(rgb: RGB, alpha: float) -> str:
    if alpha >= 1.0:
        return to_hex(rgb)
    # Translucency is opacity, which the guarantee leaves alone; only the colour is remapped.
    return f"rgba({rgb[0]}, {rgb[1]}, {rgb[2]}, {_fmt_num(alpha)})"


def _fmt_num(value: float) -> str:
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


class _Rewriter:
    def __init__(self, root: ET.Element, allowed: Sequence[RGB], log: RewriteLog) -> None:
        self.root = root
        self.log = log
        self.map = _Mapper(allowed, log)
        self.flat: dict[str, RGB] = {}  # gradient id -> the flat colour that replaces url(#id)

    def value(self, prop: str, value: str) -> str | None:
        """Mapped property value; ``None`` means drop the declaration (a renderer would ignore it too)."""
        text = value.strip()
        lower = text.lower()
        if lower in _KEEP_KEYWORDS:
            return text
        url = _URL_RE.match(text)
        if url:
            if url.group(1) in self.flat:
                return to_hex(self.flat[url.group(1)])
            fallback = url.group(2).strip()
            if not fallback:
                return text
            mapped = self.value(prop, fallback)
            head = text[: len(text) - len(url.group(2))].rstrip()
            return f"{head} {mapped}" if mapped is not None else head
        parsed = parse_css_color(text)
        if parsed is not None:
            rgb, alpha = parsed
            return _fmt_color(self.map(rgb), alpha)
        if prop.lower() == "background":
            return _COLOR_TOKEN_RE.sub(self._token, text)
        self.log.dropped_values += 1
        return None

    def _token(self, match: re.Match[str]) -> str:
        parsed = parse_css_color(match.group(0))
        if parsed is None:
            return match.group(0)
        return _fmt_color(self.map(parsed[0]), parsed[1])

    def css(self, text: str) -> str:
        def decl(match: re.Match[str]) -> str:
            mapped = self.value(match.group(1), match.group(3))
            if mapped is None:
                return ""
            return f"{match.group(1)}{match.group(2)}{mapped}{match.group(4) or ''}{match.group(5)}"

        def removed(match: re.Match[str]) -> str:
            self.log.remove(match.group(0).split(":", 1)[0].strip().lower())
            return ""

        text = _REMOVED_DECL_RE.sub(removed, text)
        return _DECL_RE.sub(decl, text)


def _sample_ramp(stops: list[tuple[float, RGB, float]], ts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    offsets = np.array([s[0] for s in stops])
    colors = np.array([s[1] for s in stops], dtype=np.float64)
    alphas = np.array([s[2] for s in stops])
    rgb = np.empty((ts.size, 3))
    # SVG interpolates stops in sRGB; np.interp takes the last stop at equal offsets, like renderers do.
    for ch in range(3):
        rgb[:, ch] = _interp_right(ts, offsets, colors[:, ch])
    return rgb, _interp_right(ts, offsets, alphas)


def _interp_right(x: np.ndarray, xp: np.ndarray, fp: np.ndarray) -> np.ndarray:
    """Piecewise-linear interpolation where, at a repeated offset, the later stop wins (a hard edge)."""
    idx = np.searchsorted(xp, x, side="right")
    hi = np.clip(idx, 0, xp.size - 1)
    lo = np.clip(idx - 1, 0, xp.size - 1)
    span = xp[hi] - xp[lo]
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.where(span > 0, (x - xp[lo]) / np.where(span > 0, span, 1.0), 0.0)
    out: np.ndarray = fp[lo] + (fp[hi] - fp[lo]) * np.clip(t, 0.0, 1.0)
    return out


_SAMPLES = 512
_MIN_BAND = 0.02  # narrower bands are slivers of the colour path passing through another colour's region


def _bands(stops: list[tuple[float, RGB, float]], mapper: _Mapper) -> list[tuple[float, float, int]]:
    ts = np.linspace(0.0, 1.0, _SAMPLES)
    rgb, _ = _sample_ramp(stops, ts)
    idx = mapper.index_of_float(rgb)
    runs: list[list[float]] = []  # [start, end, index]
    start = 0.0
    for i in range(1, ts.size):
        if idx[i] != idx[i - 1]:
            lo, hi = float(ts[i - 1]), float(ts[i])
            for _ in range(18):
                mid = (lo + hi) / 2
                m_rgb, _ = _sample_ramp(stops, np.array([mid]))
                if mapper.index_of_float(m_rgb)[0] == idx[i - 1]:
                    lo = mid
                else:
                    hi = mid
            boundary = round((lo + hi) / 2, 4)
            runs.append([start, boundary, float(idx[i - 1])])
            start = boundary
    runs.append([start, 1.0, float(idx[-1])])
    while len(runs) > 1:
        widths = [r[1] - r[0] for r in runs]
        narrow = min(range(len(runs)), key=lambda i: widths[i])
        if widths[narrow] >= _MIN_BAND:
            break
        # A sliver joins its wider neighbour; the neighbour grows over the sliver's span.
        if narrow == 0:
            runs[1][0] = runs[0][0]
        elif narrow == len(runs) - 1 or widths[narrow - 1] >= widths[narrow + 1]:
            runs[narrow - 1][1] = runs[narrow][1]
        else:
            runs[narrow + 1][0] = runs[narrow][0]
        del runs[narrow]
        merged: list[list[float]] = [runs[0]]
        for run in runs[1:]:
            if run[2] == merged[-1][2]:
                merged[-1][1] = run[1]
            else:
                merged.append(run)
        runs = merged
    return [(r[0], r[1], int(r[2])) for r in runs]


def _is_stepped(stops: list[tuple[float, RGB, float]], allowed: set[RGB]) -> bool:
    if any(rgb not in allowed for _, rgb, _ in stops):
        return False
    return all(a[1] == b[1] or a[0] == b[0] for a, b in itertools.pairwise(stops))


def _set_stops(gradient: ET.Element, stops: list[tuple[float, RGB, float]]) -> None:
    template = next((c for c in gradient if local(c.tag) == "stop"), None)
    tag = template.tag if template is not None else f"{{{SVG_NS}}}stop"
    for child in [c for c in gradient if local(c.tag) == "stop"]:
        gradient.remove(child)
    for offset, rgb, opacity in stops:
        style = f"stop-color:{to_hex(rgb)}"
        if opacity < 1.0:
            style += f";stop-opacity:{_fmt_num(opacity)}"
        # Inline style: it outranks any stylesheet rule that would otherwise recolour the stop.
        ET.SubElement(gradient, tag, {"offset": _fmt_num(offset), "style": style})


def _rewrite_gradients(structure: _Structure, rw: _Rewriter) -> None:
    allowed = rw.map.allowed_set
    stop_owners = [el for el in structure.root.iter() if local(el.tag) in _GRADIENTS]
    owner_ids = {id(el) for el in stop_owners if any(local(c.tag) == "stop" for c in el)}
    flat_by_owner: dict[int, RGB] = {}
    for gradient in stop_owners:
        if id(gradient) not in owner_ids:
            continue
        gid = gradient.get("id")
        if (gid is not None and gid in structure.mask_only) or (
            gid is None and gradient in structure.unpainted
        ):
            rw.log.mask_only += 1
            continue
        stops = _stops(structure, gradient)
        for _, rgb, _ in stops:
            rw.map(rgb)  # record the stop colours in the report
        opacities = {round(o, 6) for _, _, o in stops}
        targets = {rw.map(rgb) for _, rgb, _ in stops}
        bands = _bands(stops, rw.map) if len(targets) > 1 else []
        if len(bands) == 1:
            # Several stop colours, but the ramp only ever shows one of them (stacked offsets, slivers).
            targets = {rw.map.allowed[bands[0][2]]}
        if len(targets) == 1 and stops:
            color = next(iter(targets))
            if opacities == {1.0}:
                flat_by_owner[id(gradient)] = color
                canonical = [(0.0, color, 1.0), (1.0, color, 1.0)]
                if [(o, c, a) for o, c, a in stops] != canonical:
                    _set_stops(gradient, canonical)
                rw.log.flattened += 1
            else:
                # A fade of one colour: the colour is remapped, the opacity ramp (opacity is not ours) stays.
                recoloured = [(o, color, a) for o, _, a in stops]
                if recoloured != stops or not _inline_stop_colors(gradient):
                    _set_stops(gradient, recoloured)
                rw.log.recoloured_fades += 1
            continue
        if _is_stepped(stops, allowed) and _inline_stop_colors(gradient):
            rw.log.unchanged_stepped += 1
            continue
        offsets = np.array([s[0] for s in stops])
        constant_alpha = len(opacities) == 1
        new: list[tuple[float, RGB, float]] = []
        for b_start, b_end, index in bands:
            color = rw.map.allowed[index]
            points = [b_start]
            if not constant_alpha:
                # Keep the opacity ramp exact: add the original stop offsets that fall inside the band.
                points += [float(o) for o in offsets if b_start < o < b_end]
            points.append(b_end)
            _, alphas = _sample_ramp(stops, np.array(points))
            new.extend((p, color, float(a)) for p, a in zip(points, alphas, strict=True))
        _set_stops(gradient, new)
        rw.log.stepped += 1
        rw.log.bands += len(bands)
    for gid in structure.gradients:
        source = structure.stop_source(gid)
        if source is not None and id(source) in flat_by_owner:
            rw.flat[gid] = flat_by_owner[id(source)]


def _inline_stop_colors(gradient: ET.Element) -> bool:
    """True when every stop carries its colour inline (so no stylesheet rule can override it)."""
    return all("stop-color" in _parse_decls(c.get("style", "")) for c in gradient if local(c.tag) == "stop")


def _drop_elements(root: ET.Element, log: RewriteLog) -> None:
    for parent in list(root.iter()):
        for child in list(parent):
            tag = local(child.tag)
            if tag in _DROPPED:
                parent.remove(child)
                log.remove(f"<{tag}>")
        # Everywhere, masks included: a reference to a removed filter would hide the element entirely.
        for prop in _REMOVED_PROPS:
            if prop in parent.attrib:
                del parent.attrib[prop]
                log.remove(prop)
        style = parent.get("style")
        if style and _REMOVED_DECL_RE.search(style):
            for match in _REMOVED_DECL_RE.finditer(style):
                log.remove(match.group(0).split(":", 1)[0].strip().lower())
            parent.set("style", _tidy_style(_REMOVED_DECL_RE.sub("", style)))


def rewrite(root: ET.Element, allowed: Sequence[RGB], log: RewriteLog) -> None:
    """Rewrite the tree in place so every painted colour is one of ``allowed``."""
    _drop_elements(root, log)
    structure = _structure(root)
    rw = _Rewriter(root, allowed, log)
    _rewrite_gradients(structure, rw)
    for element in root.iter():
        if local(element.tag) == "style" and element.text:
            element.text = rw.css(element.text)
    for element in root.iter():
        if not isinstance(element.tag, str) or element in structure.unpainted:
            continue
        tag = local(element.tag)
        if tag != "stop":
            for prop in COLOR_PROPS:
                value = element.get(prop)
                if value is None:
                    continue
                mapped = rw.value(prop, value)
                if mapped is None:
                    del element.attrib[prop]
                elif mapped != value:
                    element.set(prop, mapped)
            style = element.get("style")
            if style:
                new_style = _tidy_style(rw.css(style))
                if new_style != style:
                    element.set("style", new_style)
        if tag in _ANIMATIONS and (element.get("attributeName") or "").strip() in _COLOR_PROP_SET:
            _rewrite_animation(element, rw)
    _set_root_defaults(root, rw)


def _tidy_style(style: str) -> str:
    """Drop the empty declarations that removals leave behind (``"; opacity:.5"``)."""
    if not re.search(r"^\s*;|;\s*;|;\s*$", style):
        return style
    return ";".join(part.strip() for part in style.split(";") if part.strip())


def _rewrite_animation(element: ET.Element, rw: _Rewriter) -> None:
    prop = (element.get("attributeName") or "").strip()
    for attr in ("from", "to", "by", "values"):
        raw = element.get(attr)
        if raw is None:
            continue
        parts = [rw.value(prop, part) for part in raw.split(";") if part.strip()]
        if any(p is None for p in parts):
            del element.attrib[attr]  # an invalid value list disables the animation, as a renderer would
            continue
        element.set(attr, ";".join(p for p in parts if p is not None))


def _set_root_defaults(root: ET.Element, rw: _Rewriter) -> None:
    """Pin the initial values (black fill, black ``color``) to their palette stand-ins on the root."""
    style = _parse_decls(root.get("style", ""))
    if "fill" not in style and root.get("fill") is None:
        root.set("fill", to_hex(rw.map(_DEFAULT_BLACK)))
    uses_current = any(
        "currentcolor" in (v or "").lower() for el in root.iter() for v in el.attrib.values()
    ) or any("currentcolor" in (el.text or "").lower() for el in root.iter() if local(el.tag) == "style")
    if uses_current and "color" not in style and root.get("color") is None:
        root.set("color", to_hex(rw.map(_DEFAULT_BLACK)))


def gradient_summary(log: RewriteLog) -> str | None:
    parts: list[str] = []
    if log.stepped:
        parts.append(f"stepped: {log.stepped} gradient(s) turned into {log.bands} solid palette bands")
    if log.flattened:
        parts.append(f"flattened: {log.flattened} gradient(s) mapped to a single palette colour")
    if log.recoloured_fades:
        parts.append(f"kept: {log.recoloured_fades} single-colour opacity fade(s), colour remapped")
    if log.unchanged_stepped:
        parts.append(f"kept: {log.unchanged_stepped} gradient(s) already stepped in palette colours")
    if log.mask_only:
        parts.append(f"untouched: {log.mask_only} gradient(s) used only by masks")
    return "; ".join(parts) if parts else None


def notes(log: RewriteLog) -> list[str]:
    out: list[str] = []
    for what, count in sorted(log.removed.items()):
        out.append(f"removed {count} {what} (they create colours outside the palette)")
    if log.dropped_values:
        out.append(
            f"dropped {log.dropped_values} unparseable colour value(s); those fall back to inherited colours"
        )
    return out


def serialize(root: ET.Element) -> str:
    return ET.tostring(root, encoding="unicode")


def hex_list(colors: Sequence[RGB]) -> tuple[str, ...]:
    return tuple(to_hex(c) for c in colors)
