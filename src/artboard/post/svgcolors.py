"""SVG side of the palette guarantee, reading half: find every colour a document can paint.

Colours hide in many places: presentation attributes, ``style=""``, ``<style>`` sheets, gradient stops,
filter primitives, animation values, ``currentColor`` and the implicit black of an unset ``fill`` or
``stop-color``. :func:`scan_colors` finds them all and :func:`artboard.post.svgrewrite.rewrite` maps them
all, so that ``scan_colors(rewrite(svg)) ⊆ allowed`` holds for any input.

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

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass

from artboard.colors import RGB, parse_css_color
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
_KEEP_KEYWORDS = frozenset({"none", "transparent", "inherit", "currentcolor", "context-fill", "context-stroke"})
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
    if _DOCTYPE_RE.search(svg):  # anywhere: a DOCTYPE may follow any amount of comments and whitespace
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
    selectors: tuple[tuple[str | None, str | None, frozenset[str]], ...]  # (tag, id, classes) per simple selector
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
            (s_tag is None or s_tag == tag) and (s_id is None or element.get("id") == s_id) and s_cls <= classes
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
            return self.color_of(element, "color", _DEFAULT_BLACK) if prop != "color" else (_DEFAULT_BLACK, 1.0)
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
        if tag in ("feDiffuseLighting", "feSpecularLighting") and styles.resolved(element, "lighting-color") is None:
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
        if local(gradient.tag) in _GRADIENTS and not gradient.get("id") and gradient not in structure.unpainted:
            found.update(rgb for _, rgb, _ in _stops(structure, gradient))
    return found
