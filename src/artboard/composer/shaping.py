"""HarfBuzz shaping, glyph-outline caching and SVG path emission for ``typeset``.

Everything here works in font units with y up; ``typeset`` decides sizes and positions and hands an
affine transform to :func:`emit_glyph`. Outlines come from HarfBuzz's own glyph drawing at the face's
variation location, so variable fonts need no instancing and one cached outline serves every size.
"""

from __future__ import annotations

import threading
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

import uharfbuzz as hb

from artboard.composer.fonts import FontFace

__all__ = ["LoadedFont", "Outline", "Run", "emit_glyph", "fmt", "load_font"]

Outline = tuple[tuple[str, tuple[float, ...]], ...]
Box = tuple[float, float, float, float]

# Typographic stand-ins for characters a face lacks; NFKD (é -> e) is tried after these.
_SUBSTITUTES: dict[str, str] = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": ",",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
    "\u2010": "-",
    "\u2011": "-",
    "\u2026": "...",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u2022": "\u00b7",
    "\u00d7": "x",
    "\u2122": "TM",
    "\u00ae": "(R)",
    "\u00a9": "(C)",
}
_RUN_CACHE_SIZE = 2048


class _Recorder:
    """fontTools-style pen that keeps flat coordinate tuples (cheap to transform later)."""

    __slots__ = ("ops",)

    def __init__(self) -> None:
        self.ops: list[tuple[str, tuple[float, ...]]] = []

    def moveTo(self, p: tuple[float, float]) -> None:  # pen protocol names are camelCase
        self.ops.append(("M", (p[0], p[1])))

    def lineTo(self, p: tuple[float, float]) -> None:
        self.ops.append(("L", (p[0], p[1])))

    def qCurveTo(self, *pts: tuple[float, float]) -> None:
        # HarfBuzz emits one off-curve point per call, but split TrueType runs defensively anyway
        for i in range(len(pts) - 1):
            c = pts[i]
            end = pts[i + 1] if i == len(pts) - 2 else ((c[0] + pts[i + 1][0]) / 2, (c[1] + pts[i + 1][1]) / 2)
            self.ops.append(("Q", (c[0], c[1], end[0], end[1])))

    def curveTo(self, *pts: tuple[float, float]) -> None:
        (x1, y1), (x2, y2), (x3, y3) = pts[-3:]
        self.ops.append(("C", (x1, y1, x2, y2, x3, y3)))

    def closePath(self) -> None:
        self.ops.append(("Z", ()))

    def endPath(self) -> None:
        self.ops.append(("Z", ()))


@dataclass(frozen=True)
class Run:
    """A shaped string: per-glyph ids and pen positions in font units (y up)."""

    gids: tuple[int, ...]
    xs: tuple[float, ...]  # glyph origin x (pen position plus GPOS x offset)
    ys: tuple[float, ...]  # GPOS y offset
    advances: tuple[float, ...]  # x advance including tracking
    advance: float  # total advance; tracking is applied between glyphs, never after the last one
    ink: Box | None  # x0, y0, x1, y1 ink extents (y up), None for blank text


def fmt(v: float) -> str:
    """Coordinate with at most 2 decimals and no trailing zeros (keeps path data short)."""
    r = round(v, 2)
    i = int(r)
    return str(i) if r == i else repr(r)


def emit_glyph(
    outline: Outline,
    a: float,
    b: float,
    c: float,
    d: float,
    e: float,
    f: float,
    out: list[str],
) -> Box | None:
    """Append ``outline`` mapped by (X, Y) = (a x + c y + e, b x + d y + f) to ``out`` as absolute path
    commands; returns the bounding box of the emitted (rounded) points, control points included, so
    callers can check containment against exactly what was written."""
    if not outline:
        return None
    x0 = y0 = float("inf")
    x1 = y1 = float("-inf")
    for op, pts in outline:
        if op == "Z":
            out.append("Z")
            continue
        parts = [op]
        for i in range(0, len(pts), 2):
            px, py = pts[i], pts[i + 1]
            X = round(a * px + c * py + e, 2)
            Y = round(b * px + d * py + f, 2)
            x0 = min(x0, X)
            x1 = max(x1, X)
            y0 = min(y0, Y)
            y1 = max(y1, Y)
            if i:
                parts.append(" ")
            parts.append(fmt(X))
            parts.append(" ")
            parts.append(fmt(Y))
        out.append("".join(parts))
    return (x0, y0, x1, y1)


class LoadedFont:
    """A face ready for shaping: HarfBuzz font at the face's variation location plus per-glyph caches."""

    def __init__(self, face: FontFace) -> None:
        self.face = face
        blob = hb.Blob.from_file_path(face.path)
        self._hb_face = hb.Face(blob)
        font = hb.Font(self._hb_face)
        if face.location:
            font.set_variations(dict(face.location))
        self.font = font
        self.upem = float(self._hb_face.upem)
        self.unicodes: frozenset[int] = frozenset(self._hb_face.unicodes)
        extents = font.get_font_extents("ltr")
        self.ascender = float(extents.ascender)
        self.descender = float(extents.descender)  # negative
        self.cap_height = self._metric(hb.OTMetricsTag.CAP_HEIGHT, "H", 0.7)
        self.x_height = self._metric(hb.OTMetricsTag.X_HEIGHT, "x", 0.5)
        self._outlines: dict[int, Outline] = {}
        self._boxes: dict[int, Box | None] = {}
        self._runs: OrderedDict[tuple[str, float, bool], Run] = OrderedDict()
        self._lock = threading.Lock()

    def _metric(self, tag: hb.OTMetricsTag, probe: str, fallback_em: float) -> float:
        # The glyph's own ink is the truth for optical alignment; OS/2 values are sometimes stale.
        gid = self.font.get_nominal_glyph(ord(probe))
        if gid:
            ext = self.font.get_glyph_extents(gid)
            if ext is not None and ext.y_bearing > 0:
                return float(ext.y_bearing)
        value = self.font.get_metric_position_with_fallback(tag)
        return float(value) if value else fallback_em * self.upem

    # -- text coverage ---------------------------------------------------------------------------------

    def clean(self, text: str) -> str:
        """Replace characters the face lacks so no .notdef box ever lands in a design."""
        text = unicodedata.normalize("NFC", text)
        if all(ord(ch) in self.unicodes or ch in " \n" for ch in text):
            return text
        out: list[str] = []
        for ch in text:
            if ord(ch) in self.unicodes or ch in " \n":  # newlines are line breaks for fit_text
                out.append(ch)
            elif ch.isspace():
                out.append(" ")
            elif ch in _SUBSTITUTES and all(ord(s) in self.unicodes for s in _SUBSTITUTES[ch]):
                out.append(_SUBSTITUTES[ch])
            else:
                base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
                if base and all(ord(c) in self.unicodes for c in base):
                    out.append(base)
                elif ch.isalpha() and ch.upper() != ch and ord(ch.upper()) in self.unicodes:
                    out.append(ch.upper())
                # otherwise drop it: a missing glyph reads worse than a missing character
        return "".join(out)

    # -- shaping -----------------------------------------------------------------------------------------

    def shape(self, text: str, tracking: float = 0.0, *, kern: bool = True) -> Run:
        """Shape ``text`` (already cleaned); ``tracking`` in em/1000. Results are LRU-cached."""
        key = (text, tracking, kern)
        with self._lock:
            run = self._runs.get(key)
            if run is not None:
                self._runs.move_to_end(key)
                return run
        run = self._shape(text, tracking, kern)
        with self._lock:
            self._runs[key] = run
            if len(self._runs) > _RUN_CACHE_SIZE:
                self._runs.popitem(last=False)
        return run

    def _shape(self, text: str, tracking: float, kern: bool) -> Run:
        buf = hb.Buffer()
        buf.add_str(text)
        buf.guess_segment_properties()
        # CSS rule: letter-spaced text drops optional ligatures (a tracked "fi" looks like a typo)
        ligatures = tracking == 0.0
        features = {"kern": kern, "liga": ligatures, "clig": ligatures, "dlig": False}
        hb.shape(self.font, buf, features)
        track = tracking / 1000.0 * self.upem
        gids: list[int] = []
        xs: list[float] = []
        ys: list[float] = []
        advs: list[float] = []
        pen = 0.0
        infos, positions = buf.glyph_infos, buf.glyph_positions
        last = len(infos) - 1
        x0 = y0 = float("inf")
        x1 = y1 = float("-inf")
        for i, (info, pos) in enumerate(zip(infos, positions, strict=True)):
            gid = info.codepoint
            gx = pen + pos.x_offset
            gy = float(pos.y_offset)
            adv = float(pos.x_advance) + (track if i < last and pos.x_advance else 0.0)
            gids.append(gid)
            xs.append(gx)
            ys.append(gy)
            advs.append(adv)
            pen += adv
            box = self.glyph_box(gid)
            if box is not None:
                x0 = min(x0, gx + box[0])
                y0 = min(y0, gy + box[1])
                x1 = max(x1, gx + box[2])
                y1 = max(y1, gy + box[3])
        ink = (x0, y0, x1, y1) if x0 != float("inf") else None
        return Run(tuple(gids), tuple(xs), tuple(ys), tuple(advs), pen, ink)

    # -- glyphs ----------------------------------------------------------------------------------------

    def outline(self, gid: int) -> Outline:
        cached = self._outlines.get(gid)
        if cached is None:
            pen = _Recorder()
            self.font.draw_glyph_with_pen(gid, pen)
            cached = tuple(pen.ops)
            self._outlines[gid] = cached
        return cached

    def glyph_box(self, gid: int) -> Box | None:
        """Control box of the glyph outline (font units, y up); ``None`` for blank glyphs.

        The control box, not the tight ink box, because containment is checked against every point
        written to the path, control points included.
        """
        if gid in self._boxes:
            return self._boxes[gid]
        xs: list[float] = []
        ys: list[float] = []
        for _, pts in self.outline(gid):
            xs.extend(pts[0::2])
            ys.extend(pts[1::2])
        box = (min(xs), min(ys), max(xs), max(ys)) if xs else None
        self._boxes[gid] = box
        return box


@lru_cache(maxsize=96)
def load_font(face: FontFace) -> LoadedFont:
    return LoadedFont(face)
