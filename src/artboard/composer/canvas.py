"""A tiny, deterministic SVG builder for compositions.

Numbers are written with at most two decimals so identical inputs always serialise to identical bytes, and
layers are named groups (`<g id="layer-…">`) so designers can find background, shapes, symbol and text in an
editor.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape

from artboard.colors import RGB, to_hex

Point = tuple[float, float]


def num(value: float) -> str:
    """Shortest stable spelling of a coordinate (2 decimals, no trailing zeros, no '-0')."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _attrs(attrs: dict[str, object]) -> str:
    parts = []
    for key, value in attrs.items():
        if value is None or value is False:
            continue
        if isinstance(value, tuple) and len(value) == 3 and all(isinstance(v, int) for v in value):
            value = to_hex(value)
        elif isinstance(value, float):
            value = num(value)
        parts.append(f' {key.replace("_", "-")}="{escape(str(value), quote=True)}"')
    return "".join(parts)


@dataclass
class Node:
    tag: str
    attrs: dict[str, object] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)

    def add(self, tag: str, **attrs: object) -> Node:
        child = Node(tag, dict(attrs))
        self.children.append(child)
        return child

    def group(self, name: str | None = None, **attrs: object) -> Node:
        if name:
            attrs = {"id": name, **attrs}
        return self.add("g", **attrs)

    # Shapes -----------------------------------------------------------------------------------------
    def rect(
        self, x: float, y: float, w: float, h: float, fill: RGB | str | None, *, rx: float = 0, **attrs: object
    ) -> Node:
        return self.add(
            "rect",
            x=float(x),
            y=float(y),
            width=float(w),
            height=float(h),
            rx=float(rx) if rx else None,
            fill=fill if fill is not None else "none",
            **attrs,
        )

    def circle(self, cx: float, cy: float, r: float, fill: RGB | str | None, **attrs: object) -> Node:
        return self.add(
            "circle", cx=float(cx), cy=float(cy), r=float(r), fill=fill if fill is not None else "none", **attrs
        )

    def path(self, d: str, fill: RGB | str | None, **attrs: object) -> Node:
        return self.add("path", d=d, fill=fill if fill is not None else "none", **attrs)

    def polygon(self, points: Sequence[Point], fill: RGB | str | None, **attrs: object) -> Node:
        return self.path(polygon_d(points), fill, **attrs)

    def render(self, out: list[str]) -> None:
        out.append(f"<{self.tag}{_attrs(self.attrs)}")
        if not self.children:
            out.append("/>")
            return
        out.append(">")
        for child in self.children:
            child.render(out)
        out.append(f"</{self.tag}>")


class Canvas(Node):
    """The root <svg> of a composition, exactly `width`×`height` pixels."""

    def __init__(self, width: int, height: int, title: str | None = None) -> None:
        super().__init__(
            "svg",
            {
                "xmlns": "http://www.w3.org/2000/svg",
                "width": width,
                "height": height,
                "viewBox": f"0 0 {width} {height}",
            },
        )
        self.width = width
        self.height = height
        self.defs: Node | None = None
        self._ids = 0
        # The ink and the paper a one-ink finish (an engraving) prints in when the prompt named its colours.
        self.inks: tuple[RGB, RGB] | None = None
        if title:
            title_node = self.add("title")
            title_node.children.append(_Text(title))

    @property
    def unit(self) -> float:
        """One unit of the 1024-unit design grid on this canvas: a line or a spacing given in it looks the same
        at every size."""
        return min(self.width, self.height) / 1024

    def new_id(self, prefix: str) -> str:
        self._ids += 1
        return f"{prefix}{self._ids}"

    def definitions(self) -> Node:
        if self.defs is None:
            self.defs = Node("defs")
            self.children.insert(0, self.defs)
        return self.defs

    def clip(self, d: str) -> str:
        """Register a clip path and return its url() reference."""
        cid = self.new_id("clip")
        self.definitions().add("clipPath", id=cid).add("path", d=d)
        return f"url(#{cid})"

    def to_svg(self) -> str:
        self._unique_ids()
        out: list[str] = []
        self.render(out)
        return "".join(out)

    def _unique_ids(self) -> None:
        """Every id once in the document, as SVG requires: recipes name groups by role ("motif", "detail"), and a
        second group of a name becomes "detail-2". Ids something points at (url(#…), href) are never renamed."""
        nodes: list[Node] = []
        stack: list[Node] = [self]
        while stack:
            node = stack.pop()
            nodes.append(node)
            stack.extend(reversed(node.children))
        pointed = {
            ref
            for node in nodes
            for value in node.attrs.values()
            if isinstance(value, str)
            for ref in re.findall(r"#([^\s)\"']+)", value)
        }
        seen: set[str] = set()
        for node in nodes:
            name = node.attrs.get("id")
            if not isinstance(name, str):
                continue
            if name in seen and name not in pointed:
                k = 2
                while f"{name}-{k}" in seen:
                    k += 1
                name = f"{name}-{k}"
                node.attrs["id"] = name
            seen.add(name)


@dataclass
class _Text(Node):
    text: str = ""

    def __init__(self, text: str) -> None:
        super().__init__("#text")
        self.text = text

    def render(self, out: list[str]) -> None:
        out.append(escape(self.text, quote=False))


# Geometry helpers (return SVG path data) ----------------------------------------------------------------


def polygon_d(points: Iterable[Point]) -> str:
    pts = list(points)
    return "M" + "L".join(f"{num(x)} {num(y)}" for x, y in pts) + "Z"


def rect_d(x: float, y: float, w: float, h: float, r: float = 0.0) -> str:
    if r <= 0:
        return polygon_d([(x, y), (x + w, y), (x + w, y + h), (x, y + h)])
    r = min(r, w / 2, h / 2)
    return (
        f"M{num(x + r)} {num(y)}H{num(x + w - r)}A{num(r)} {num(r)} 0 0 1 {num(x + w)} {num(y + r)}"
        f"V{num(y + h - r)}A{num(r)} {num(r)} 0 0 1 {num(x + w - r)} {num(y + h)}"
        f"H{num(x + r)}A{num(r)} {num(r)} 0 0 1 {num(x)} {num(y + h - r)}"
        f"V{num(y + r)}A{num(r)} {num(r)} 0 0 1 {num(x + r)} {num(y)}Z"
    )


def ellipse_d(cx: float, cy: float, rx: float, ry: float) -> str:
    """An ellipse as two arcs."""
    return (
        f"M{cx - rx:.2f} {cy:.2f}A{rx:.2f} {ry:.2f} 0 1 0 {cx + rx:.2f} {cy:.2f}"
        f"A{rx:.2f} {ry:.2f} 0 1 0 {cx - rx:.2f} {cy:.2f}Z"
    )


def circle_d(cx: float, cy: float, r: float) -> str:
    return (
        f"M{num(cx - r)} {num(cy)}A{num(r)} {num(r)} 0 1 0 {num(cx + r)} {num(cy)}"
        f"A{num(r)} {num(r)} 0 1 0 {num(cx - r)} {num(cy)}Z"
    )


def ring_d(cx: float, cy: float, r_outer: float, r_inner: float) -> str:
    """An annulus (even-odd not needed: the inner circle runs the other way)."""
    inner = (
        f"M{num(cx - r_inner)} {num(cy)}A{num(r_inner)} {num(r_inner)} 0 1 1 {num(cx + r_inner)} {num(cy)}"
        f"A{num(r_inner)} {num(r_inner)} 0 1 1 {num(cx - r_inner)} {num(cy)}Z"
    )
    return circle_d(cx, cy, r_outer) + inner


def squircle_d(cx: float, cy: float, size: float, exponent: float = 5.0, steps: int = 96) -> str:
    """iOS-style continuous-corner tile: a superellipse |x|^n + |y|^n = 1."""
    half = size / 2
    pts = []
    for i in range(steps):
        t = 2 * math.pi * i / steps
        c, s = math.cos(t), math.sin(t)
        x = half * math.copysign(abs(c) ** (2 / exponent), c)
        y = half * math.copysign(abs(s) ** (2 / exponent), s)
        pts.append((cx + x, cy + y))
    return polygon_d(pts)


def regular_polygon(cx: float, cy: float, r: float, sides: int, rotation_deg: float = -90) -> list[Point]:
    return [
        (
            cx + r * math.cos(math.radians(rotation_deg + 360 * i / sides)),
            cy + r * math.sin(math.radians(rotation_deg + 360 * i / sides)),
        )
        for i in range(sides)
    ]


def star_points(
    cx: float, cy: float, r_outer: float, r_inner: float, spikes: int = 5, rotation_deg: float = -90
) -> list[Point]:
    pts = []
    for i in range(spikes * 2):
        r = r_outer if i % 2 == 0 else r_inner
        a = math.radians(rotation_deg + 180 * i / spikes)
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def shield_d(cx: float, top: float, w: float, h: float) -> str:
    x0, x1 = cx - w / 2, cx + w / 2
    shoulder = top + h * 0.12
    return (
        f"M{num(x0)} {num(shoulder)}Q{num(cx)} {num(top - h * 0.04)} {num(x1)} {num(shoulder)}"
        f"V{num(top + h * 0.5)}C{num(x1)} {num(top + h * 0.78)} {num(cx + w * 0.18)} {num(top + h * 0.92)}"
        f" {num(cx)} {num(top + h)}C{num(cx - w * 0.18)} {num(top + h * 0.92)} {num(x0)} {num(top + h * 0.78)}"
        f" {num(x0)} {num(top + h * 0.5)}Z"
    )


def wave_d(x0: float, x1: float, y: float, amplitude: float, waves: int, bottom: float) -> str:
    """A filled band whose top edge is a smooth wave (landscapes, hills, water)."""
    step = (x1 - x0) / (waves * 2)
    d = f"M{num(x0)} {num(bottom)}L{num(x0)} {num(y)}"
    for i in range(waves * 2):
        cx = x0 + step * (i + 0.5)
        cy = y + (-amplitude if i % 2 == 0 else amplitude)
        d += f"Q{num(cx)} {num(cy)} {num(x0 + step * (i + 1))} {num(y)}"
    return d + f"L{num(x1)} {num(bottom)}Z"
