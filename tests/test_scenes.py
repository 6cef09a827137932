"""Scenes with figures: who does what, where. Real compositions; the manifest's `scene` records where each figure
and prop landed, so the tests check the drawn geometry, not only the names."""

from __future__ import annotations

from typing import Any

import pytest

from artboard.composer import compose
from artboard.spec import make_spec


def _scene(prompt: str, aspect: str = "1:1", seed: int = 1) -> tuple[dict[str, Any], dict[str, Any], str, int, int]:
    spec = make_spec(prompt, aspect_ratio=aspect, format="svg")
    svg, info = compose(spec, seed=seed)
    assert info["layout"].startswith("stage-"), info["layout"]
    return info["scene"], info, svg, spec.width, spec.height


def _figures(scene: dict[str, Any], word: str) -> list[dict[str, Any]]:
    return [f for f in scene["figures"] if word in f["concept"]]


def _props(scene: dict[str, Any], how: str) -> list[dict[str, Any]]:
    return [p for p in scene["props"] if p["how"] == how]


def _cx(box: list[float]) -> float:
    return (box[0] + box[2]) / 2


def test_two_penguins_share_one_umbrella_over_both() -> None:
    scene, _info, _svg, _w, _h = _scene("two penguins sharing an umbrella in the snow, cute children's book style")
    penguins = _figures(scene, "penguin")
    assert len(penguins) == 2
    (umbrella,) = _props(scene, "over")
    assert umbrella["concept"] == "umbrella"
    ux0, uy0, ux1, _ = umbrella["box"]
    for p in penguins:
        assert ux0 <= _cx(p["box"]) <= ux1  # under the canopy
        assert uy0 < p["box"][1]  # the canopy above the head
    assert not any("book" in p["concept"] for p in scene["props"])  # "children's book style" is a look


def test_team_of_three_works_at_one_desk_with_laptops() -> None:
    prompt = "flat illustration of a team of three people working at a desk with laptops in a bright office, plants"
    scene, _info, _svg, _w, _h = _scene(prompt, "16:9")
    assert scene["place"] == "office"
    people = _figures(scene, "people")
    assert len(people) == 3
    (desk,) = _props(scene, "furniture")
    dx0, dy0, dx1, _ = desk["box"]
    for p in people:
        assert dx0 <= _cx(p["box"]) <= dx1 and p["box"][1] < dy0  # behind the desk, heads above its top
    assert any(p["concept"] == "laptop" for p in scene["props"]) or all("technologist" in str(p) for p in people)


def test_girl_reads_under_the_tree_with_her_dog_beside_her() -> None:
    prompt = "a little girl reading a book under a big oak tree with her dog sleeping beside her, warm afternoon light"
    scene, info, _svg, w, _h = _scene(prompt, "4:5")
    (girl,) = _figures(scene, "girl")
    (dog,) = _figures(scene, "dog")
    assert girl["body"] in ("head", "bust", "whole") and girl["pose"] == "sit"
    tree = scene["tree"]
    assert girl["box"][1] > tree[1]  # under the crown
    assert abs(_cx(girl["box"]) - _cx(tree)) < w * 0.45
    assert abs(_cx(dog["box"]) - _cx(girl["box"])) < w * 0.45  # beside her
    assert any("book" in p["concept"] for p in _props(scene, "held"))
    assert "dog" not in info.get("left_out", [])
    assert tree[0] >= -1 and tree[2] <= w + 1  # the whole crown inside the picture


def test_fox_rides_the_bicycle_through_autumn() -> None:
    scene, info, _svg, _w, _h = _scene(
        "illustration of a fox riding a bicycle through an autumn forest, falling leaves"
    )
    (fox,) = _figures(scene, "fox")
    assert fox["pose"] == "ride"
    (bike,) = [p for p in _props(scene, "ride") if p["concept"] == "bicycle"]
    # The rider sits on the bicycle: over it, overlapping it, not floating above.
    assert fox["box"][1] < bike["box"][1] < fox["box"][3]
    assert abs(_cx(fox["box"]) - _cx(bike["box"])) < (bike["box"][2] - bike["box"][0]) * 0.5
    assert any(d["concept"] == "autumn leaves" for d in info["drawn"])
    assert "autumn" in info["layout"]


def test_old_fisherman_sits_in_the_rowboat_on_the_lake_in_the_named_colours() -> None:
    prompt = "scene of an old fisherman in a small rowboat on a misty lake at dawn, muted greys and soft pink"
    scene, info, svg, _w, _h = _scene(prompt, "16:9")
    assert [f["concept"] for f in scene["figures"]] == ["fisherman"]  # "greys" is a colour, not a person
    (fisher,) = scene["figures"]
    assert fisher["pose"] == "boat"
    (boat,) = _props(scene, "boat")
    assert boat["box"][0] <= _cx(fisher["box"]) <= boat["box"][2]
    drawn = {d["concept"] for d in info["drawn"]}
    assert {"water", "mist"} <= drawn
    assert "#fdb0c0" in svg.lower()  # soft pink lights the sky


def test_astronaut_fishes_from_the_moon() -> None:
    scene, info, _svg, _w, _h = _scene("Illustration of an astronaut fishing from the moon with stars around, playful")
    assert scene["place"] == "moon"
    (astronaut,) = _figures(scene, "astronaut")
    assert astronaut["body"] in ("bust", "whole")
    (rod,) = _props(scene, "held")
    assert rod["concept"] == "fishing pole"
    assert any(d["concept"] == "moon surface" for d in info["drawn"])


def test_every_named_creature_is_drawn() -> None:
    prompt = "a woman jogging with her golden retriever along a beach at sunset, coral and purple sky"
    scene, info, _svg, _w, _h = _scene(prompt, "9:16")
    concepts = [f["concept"] for f in scene["figures"]]
    assert any("woman" in c for c in concepts) and any("retriever" in c for c in concepts)
    assert not info.get("left_out")


def test_plural_without_a_number_is_several_and_a_number_is_exact() -> None:
    scene, _info, _svg, _w, _h = _scene("kids playing soccer on a school field")
    assert len(scene["figures"]) == 3
    scene, _info, _svg, _w, _h = _scene("five ducks swimming in a pond with lily pads")
    assert len(_figures(scene, "duck")) == 5


def test_old_man_sits_on_the_bench_and_the_pigeons_stand_before_it() -> None:
    scene, _info, _svg, _w, _h = _scene("an old man feeding pigeons on a park bench in autumn")
    (man,) = _figures(scene, "man")
    assert man["pose"] == "sit"
    (bench,) = _props(scene, "seat")
    assert bench["box"][0] <= _cx(man["box"]) <= bench["box"][2]
    pigeons = _figures(scene, "pigeon")
    assert len(pigeons) == 3
    assert all(p["box"][3] - p["box"][1] < (man["box"][3] - man["box"][1]) for p in pigeons)  # birds are small


def test_a_ridden_animal_carries_its_rider() -> None:
    scene, _info, _svg, _w, _h = _scene("a girl riding a horse through a meadow, pastel colours")
    assert len(scene["figures"]) == 1  # the horse is ridden, not a second figure beside her
    (horse,) = _props(scene, "ride")
    assert horse["concept"] == "horse"


@pytest.mark.parametrize("aspect", ["1:1", "16:9", "9:16", "4:5"])
def test_the_cast_fills_the_canvas_at_every_aspect(aspect: str) -> None:
    scene, _info, _svg, w, h = _scene("three friends walking a dog in the park", aspect)
    boxes = [f["box"] for f in scene["figures"]]
    assert len(_figures(scene, "friend")) == 3 and _figures(scene, "dog")
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    assert x0 >= -1 and x1 <= w + 1 and y0 >= 0 and y1 <= h
    assert (x1 - x0) > w * 0.3 or (y1 - y0) > h * 0.25


def test_a_single_creature_alone_stays_the_subject_hero() -> None:
    _svg, info = compose(make_spec("illustration of a cat", format="svg"), seed=1)
    assert not info["layout"].startswith("stage-")


def test_a_kitten_stuck_in_a_tree_sits_in_its_crown() -> None:
    scene, _info, _svg, _w, _h = _scene("a firefighter rescuing a kitten from a tree")
    (kitten,) = _figures(scene, "kitten")
    assert kitten["pose"] == "perch"
    tx0, ty0, tx1, ty1 = scene["tree"]
    kx = _cx(kitten["box"])
    assert tx0 <= kx <= tx1 and ty0 <= kitten["box"][1] and kitten["box"][3] < ty1  # up in the crown


def test_a_thing_no_picture_draws_is_said_left_out_not_drawn_as_a_person() -> None:
    scene, info, _svg, _w, _h = _scene("a woman painting at an easel on a hilltop, soft lavender and gold")
    assert len(scene["figures"]) == 1  # the easel is not drawn as a second (standing) person
    assert "easel" in info.get("left_out", []) or any(p["concept"] == "easel" for p in scene["props"])


def test_an_animal_carrying_a_person_is_ridden() -> None:
    scene, _info, _svg, _w, _h = _scene("an elephant carrying a boy through the jungle")
    (boy,) = scene["figures"]
    assert boy["pose"] == "ride"
    (elephant,) = _props(scene, "ride")
    assert elephant["concept"] == "elephant"
    assert boy["box"][1] < elephant["box"][1] and boy["box"][3] > elephant["box"][1]  # on its back


def test_creatures_on_a_sofa_sit_on_it_indoors() -> None:
    scene, _info, _svg, _w, _h = _scene("a cat and a dog sleeping together on a sofa")
    assert scene["place"] == "room"
    (sofa,) = _props(scene, "seat")
    for f in scene["figures"]:
        assert sofa["box"][0] <= _cx(f["box"]) <= sofa["box"][2]
        assert f["box"][3] < sofa["box"][3]  # up on the seat, not on the floor


def test_a_person_with_no_picture_of_their_trade_is_still_drawn() -> None:
    scene, info, _svg, _w, _h = _scene("a soccer player kicking a ball in a stadium at night")
    assert [f["concept"] for f in scene["figures"]] == ["soccer player"]
    assert "soccer player" not in info.get("left_out", [])
