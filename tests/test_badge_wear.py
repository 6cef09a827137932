"""A worn badge keeps its type whole: wear never cuts letters, and no speck or scratch comes near them; a line of
type over sunburst rays clears its whole box."""

from __future__ import annotations

import pytest

pytest.importorskip("artboard.composer.icons")

from artboard.composer import shapes
from artboard.composer.recipes.badges.common import _Art


def test_wear_keeps_off_the_type_and_its_ground() -> None:
    art = _Art()
    band = "M0 0H200V60H0Z"
    word = "M40 20H160V40H40Z"
    art.add("band", band, (240, 230, 210))
    art.add("name", word, (20, 30, 60))
    through = "M0 28H200V32H0Z"  # a scratch right through the band and the word
    beside = "M2 2H20V6H2Z"  # one well clear of it
    art.distress("M35 30A2 2 0 1 0 39 30A2 2 0 1 0 35 30Z", through + beside, clearance=5)  # and a speck by it
    items = {it.name: it.d for it in art.items}
    assert items["name"] == word, "type is never worn"
    cut = shapes.to_path(shapes.difference(band, items["band"]))
    assert abs(abs(cut.area) - 18 * 4) < 1, "only the scratch clear of the word wears the band"


def test_a_line_of_type_over_rays_clears_its_whole_box() -> None:
    art = _Art(halo=2)
    art.add("rays", "M0 0H10V100H0ZM95 0H105V100H95Z", (0, 0, 0))  # one ray between the two words
    art.add("est", "M60 40H90V60H60ZM110 40H140V60H110Z", (0, 0, 0))  # "EST." and "1902", a space apart
    rays = next(it.d for it in art.items if it.name == "rays")
    x0, _, x1, _ = shapes.bounds(rays)
    assert not shapes.intersect(rays, "M58 38H142V62H58Z"), "no ray shows between the words"
    assert (x0, x1) == (0, 105)
