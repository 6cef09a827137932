"""Path data for the layouts' shapes: suns, rays, arches, rings, frames, ribbons, blobs, sprigs, mountains.

Everything here returns SVG path data (or points) and draws nothing; `motifs` puts these shapes on a canvas.
"""

from __future__ import annotations

import math

from artboard.composer import shapes
from artboard.composer.canvas import Point, circle_d, polygon_d, rect_d
from artboard.composer.context import Ctx


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
    """A sunburst: n tapered rays between radii r0 and r1, each `width_deg` wide at the outer end."""
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


def ring_d(cx: float, cy: float, r_out: float, r_in: float) -> str:
    """A circular ring between two radii."""
    return shapes.difference(circle_d(cx, cy, r_out), circle_d(cx, cy, r_in))


def frame_d(x: float, y: float, w: float, h: float, t: float, r: float = 0, inner_r: float | None = None) -> str:
    """A rectangular outline of thickness t (corner radius r outside, `inner_r` or r - t inside)."""
    inner = max(0.0, r - t) if inner_r is None else inner_r
    return shapes.difference(rect_d(x, y, w, h, r), rect_d(x + t, y + t, w - 2 * t, h - 2 * t, inner))


def arch_frame_d(x: float, y_bottom: float, w: float, h: float, t: float) -> str:
    """The outline of an arch window, of thickness t, drawn inside the arch's box."""
    return shapes.difference(arch_d(x, y_bottom, w, h), arch_d(x + t, y_bottom - t, w - 2 * t, h - 2 * t))


def ribbon_points(x0: float, x1: float, y: float, h: float, tail: float, notch: float) -> list[Point]:
    """A ribbon banner over [x0, x1] (row y, height h): tails reach `tail` beyond each end, cut in by `notch`."""
    return [
        (x0 - tail, y),
        (x1 + tail, y),
        (x1 + notch, y + h / 2),
        (x1 + tail, y + h),
        (x0 - tail, y + h),
        (x0 - notch, y + h / 2),
    ]


def blob_d(ctx: Ctx, cx: float, cy: float, rx: float, ry: float, points: int = 7, jitter: float = 0.16) -> str:
    """A smooth organic closed shape (Catmull-Rom through seeded radial points)."""
    rng = ctx.rng
    pts = []
    for i in range(points):
        a = 2 * math.pi * i / points + rng.uniform(-0.15, 0.15)
        k = 1 + rng.uniform(-jitter, jitter)
        pts.append((cx + rx * k * math.cos(a), cy + ry * k * math.sin(a)))
    n = len(pts)
    d = f"M{pts[0][0]:.2f} {pts[0][1]:.2f}"
    for i in range(n):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[(i + 1) % n], pts[(i + 2) % n]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        d += f"C{c1[0]:.2f} {c1[1]:.2f} {c2[0]:.2f} {c2[1]:.2f} {p2[0]:.2f} {p2[1]:.2f}"
    return d + "Z"


def sprig_d(x0: float, y0: float, x1: float, y1: float, bend: float, leaves: int, leaf: float, thick: float) -> str:
    """A botanical sprig: a curved stem with alternating leaves that shrink towards the tip."""
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    nx, ny = -(y1 - y0) / length, (x1 - x0) / length
    qx, qy = (x0 + x1) / 2 + nx * bend, (y0 + y1) / 2 + ny * bend
    parts = [shapes.stroke_outline(f"M{x0:.2f} {y0:.2f}Q{qx:.2f} {qy:.2f} {x1:.2f} {y1:.2f}", thick)]

    def leaf_at(t: float, side: int, size: float, spread: float) -> str:
        px = (1 - t) ** 2 * x0 + 2 * (1 - t) * t * qx + t * t * x1
        py = (1 - t) ** 2 * y0 + 2 * (1 - t) * t * qy + t * t * y1
        tx = 2 * (1 - t) * (qx - x0) + 2 * t * (x1 - qx)
        ty = 2 * (1 - t) * (qy - y0) + 2 * t * (y1 - qy)
        ang = math.atan2(ty, tx) + side * math.radians(spread)
        ca, sa = math.cos(ang), math.sin(ang)
        cx, cy = px + ca * size * 0.5, py + sa * size * 0.5
        pts = []
        for k in range(24):
            th = 2 * math.pi * k / 24
            lx = size / 2 * math.cos(th)
            ly = size * 0.2 * math.sin(th) * (0.55 + 0.45 * abs(math.sin(th)))
            pts.append((cx + lx * ca - ly * sa, cy + lx * sa + ly * ca))
        return polygon_d(pts)

    for i in range(leaves):
        t = 0.12 + 0.8 * i / max(1, leaves - 1)
        parts.append(leaf_at(t, 1 if i % 2 == 0 else -1, leaf * (1 - 0.35 * t), 42))
    parts.append(leaf_at(1.0, 0, leaf * 0.7, 0))
    return shapes.union(parts)


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
