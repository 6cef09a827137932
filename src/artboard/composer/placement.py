"""A group of things placed in a unit box: what arrange.py plans and the recipes draw."""

from __future__ import annotations

from dataclasses import dataclass

from artboard.composer import icons


@dataclass(frozen=True, slots=True)
class Placed:
    concept: str
    icon: icons.Icon
    x: float  # centre, in the unit box
    y: float
    size: float
    front: bool = False  # drawn over the other with a knockout edge
    flip: bool = False  # drawn mirrored (the left of a pair of wings)


@dataclass(frozen=True, slots=True)
class Group:
    placed: tuple[Placed, ...]
    relation: str | None
    left_out: tuple[str, ...] = ()  # named things no icon draws (the manifest says so)
    face: str | None = None  # "a kawaii avocado with a happy face": the expression drawn on the main thing
