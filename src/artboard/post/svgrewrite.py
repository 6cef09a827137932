"""SVG side of the palette guarantee, writing half: map every painted colour to an allowed colour.

See :mod:`artboard.post.svgcolors` for the design rules and for the reader this must satisfy.
"""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from artboard.colors import RGB, parse_css_color, srgb_to_oklab, to_hex
from artboard.post.svgcolors import (
    _ANIMATIONS,
    _COLOR_PROP_SET,
    _COLOR_TOKEN_RE,
    _DECL_RE,
    _DEFAULT_BLACK,
    _DROPPED,
    _GRADIENTS,
    _KEEP_KEYWORDS,
    _REMOVED_DECL_RE,
    _REMOVED_PROPS,
    _URL_RE,
    COLOR_PROPS,
    SVG_NS,
    _parse_decls,
    _stops,
    _Structure,
    _structure,
    local,
)

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
            lab = srgb_to_oklab(np.array(rgb, dtype=np.uint8))
            d2 = ((self._lab - lab) ** 2).sum(axis=1)
            index = int(np.argmin(d2))  # first minimum: palette order wins ties, the background comes last
            hit = self.allowed[index]
            self._cache[rgb] = hit
            self.log.mapped.setdefault(rgb, (hit, round(float(np.sqrt(d2[index])) * 100.0, 2)))
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
        if (gid is not None and gid in structure.mask_only) or (gid is None and gradient in structure.unpainted):
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
    uses_current = any("currentcolor" in (v or "").lower() for el in root.iter() for v in el.attrib.values()) or any(
        "currentcolor" in (el.text or "").lower() for el in root.iter() if local(el.tag) == "style"
    )
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
        out.append(f"dropped {log.dropped_values} unparseable colour value(s); those fall back to inherited colours")
    return out


def serialize(root: ET.Element) -> str:
    return ET.tostring(root, encoding="unicode")
