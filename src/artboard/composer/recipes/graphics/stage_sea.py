"""Under the sea, a place a scene is staged in: water deepening downwards with light falling through it, a sandy
floor with kelp swaying up from it, coral and a shell on the sand, and bubbles rising. Sea creatures swim in it
("a turtle and a fish swimming", "an octopus under the sea", "a coral reef with clownfish")."""

from __future__ import annotations

import math

from artboard.colors import from_oklch
from artboard.composer.canvas import Node, polygon_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.background_styles import smooth_open_d
from artboard.composer.recipes.graphics.cast_words import fef
from artboard.composer.recipes.graphics.common import tone
from artboard.composer.recipes.graphics.figures import place_icon
from artboard.composer.recipes.graphics.stage_places import banded

Box = tuple[float, float, float, float]

SEA_CREATURES = frozenset(
    "fish fishes koi carp goldfish turtle turtles octopus octopuses jellyfish shark sharks seahorse seahorses crab "
    "crabs squid starfish stingray clownfish pufferfish blowfish dolphin dolphins whale whales seal seals mermaid "
    "mermaids narwhal lobster shrimp orca eel eels".split()
)
SEA_WORDS = frozenset("underwater undersea reef coral seabed seafloor aquarium kelp scuba snorkeling diver".split())


def underwater(ctx: Ctx, node: Node, box: Box) -> float:
    """Draw the sea in `box`; returns the height of its floor (where the cast's feet would be)."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    side, rng = min(w, h), ctx.rng
    constrained = ctx.scheme.constrained
    top, bottom = (
        (from_oklch(0.8, 0.09, 200), from_oklch(0.38, 0.1, 245))
        if not constrained
        else (ctx.scheme.surface, ctx.scheme.primary)
    )
    banded(node, box, top, bottom, 18)
    light = from_oklch(0.97, 0.03, 190) if not constrained else ctx.scheme.ground
    for _ in range(5):  # light falling through the water
        x, spread, lean = x0 + w * rng.uniform(0.05, 0.95), w * rng.uniform(0.03, 0.07), w * rng.uniform(0.05, 0.15)
        ray = [
            (x - spread * 0.4, y0),
            (x + spread * 0.4, y0),
            (x + lean + spread, y1 * 0.85),
            (x + lean - spread, y1 * 0.85),
        ]
        node.path(polygon_d(ray), light, fill_opacity=round(rng.uniform(0.07, 0.13), 2))
    floor = y0 + h * 0.86
    sand = from_oklch(0.8, 0.07, 80) if not constrained else ctx.scheme.accent
    dune = [
        (x0 - 2 + (w + 4) * i / 24, floor + side * 0.025 * math.sin(i / 24 * math.pi * 3 + rng.uniform(0, 1)))
        for i in range(25)
    ]
    node.path(polygon_d([(x0 - 2, y1 + 2), *dune, (x1 + 2, y1 + 2)]), tone(ctx, sand, -0.08, fallback=sand))
    node.path(
        polygon_d([(x0 - 2, y1 + 2), *[(x, y + side * 0.03) for x, y in dune], (x1 + 2, y1 + 2)]),
        sand,
    )
    kelp = from_oklch(0.55, 0.12, 150) if not constrained else ctx.scheme.secondary
    for k in range(6):
        x = x0 + w * ((k + rng.uniform(0.2, 0.8)) / 6)
        if 0.35 < (x - x0) / w < 0.65:
            continue  # the middle kept open for the cast
        tall = h * rng.uniform(0.3, 0.55)
        sway = side * rng.uniform(0.02, 0.04)
        pts = [(x + sway * math.sin(i * 1.3 + k), floor + side * 0.03 - tall * i / 8) for i in range(9)]
        node.path(
            smooth_open_d(pts),
            None,
            stroke=tone(ctx, kelp, rng.uniform(-0.06, 0.06), fallback=kelp),
            stroke_width=round(side * rng.uniform(0.016, 0.024), 2),
            stroke_linecap="round",
        )
    drawn = ctx.info.setdefault("drawn", [])
    for name, at, size in (("coral", 0.14, 0.2), ("coral", 0.86, 0.16), ("spiral-shell", 0.7, 0.07)):
        icon = fef(name)
        if icon is not None:
            place_icon(ctx, node, icon, x0 + w * at, floor + side * 0.05, side * size, name=name)
            drawn.append({"concept": name.replace("-", " "), "icon": icon.key})
    bubble = from_oklch(0.97, 0.02, 200) if not constrained else ctx.scheme.ground
    for _ in range(3):
        bx, by = x0 + w * rng.uniform(0.1, 0.9), floor - h * rng.uniform(0.1, 0.3)
        for i in range(5):
            r = side * (0.006 + 0.003 * i)
            node.circle(
                bx + side * 0.01 * math.sin(i * 2),
                by - i * side * 0.05,
                r,
                None,
                stroke=bubble,
                stroke_width=round(side * 0.003, 2),
                stroke_opacity=0.7,
            )
    drawn.append({"concept": "sea", "icon": "scene:underwater"})
    return floor
