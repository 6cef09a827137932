"""What the 13th session's contact sheets found: worn things floating over their wearer, characters in roles, enamel
pins drawn as push pins, scenes missing what their figures make or sit by, crafts with no treatment. Real
compositions, checked through the brief, the manifest, the plan's geometry and the SVG."""

from __future__ import annotations

from typing import Any

from artboard.composer import compose, icons, parse_prompt, wear_fit
from artboard.composer.arrange import Placed, plan_group
from artboard.composer.context import Ctx
from artboard.composer.noun_icons import resolve, resolve_in
from artboard.spec import make_spec


def _compose(prompt: str, aspect: str = "1:1", seed: int = 7) -> tuple[str, dict[str, Any]]:
    return compose(make_spec(prompt, aspect_ratio=aspect, format="svg"), seed=seed)


def _group(prompt: str) -> tuple[Placed, ...]:
    """The plan a colour sticker of `prompt` draws (the composer's own context, no recipe)."""
    import random

    from artboard.composer import parse_prompt as parse
    from artboard.composer.canvas import Canvas
    from artboard.composer.palettes import scheme_for

    brief = parse(prompt)
    rng = random.Random(7)
    ctx = Ctx(brief=brief, width=512, height=512, rng=rng, scheme=scheme_for(brief, None, None, False, rng),
              canvas=Canvas(512, 512))  # fmt: skip
    return plan_group(ctx, "color").placed


def test_a_hat_sits_on_the_wearers_head_not_above_its_box() -> None:
    for prompt in ("emoji of a taco wearing a sombrero", "cute emoji of a frog wearing a top hat",
                   "a cat wearing a party hat, sticker"):  # fmt: skip
        placed = _group(prompt)
        wearer, hat = placed[0], placed[-1]
        w, h = wear_fit.ink_box(wearer), wear_fit.ink_box(hat)
        # the brim is sunk into the head: the hat's paint reaches below the wearer's top, and overlaps it across
        assert h[3] > w[1] and h[1] < w[1], (prompt, w, h)
        assert h[0] < w[2] and h[2] > w[0], prompt
        # the whole group fits the box
        assert all(0 <= v <= 1 for p in placed for v in wear_fit.ink_box(p)), prompt
    # a side-on animal wears its hat on its face picture (its tail is as high as its head)
    assert "face" in _group("a cat wearing a party hat, sticker")[0].icon.name


def test_a_face_goes_on_the_wearer_not_on_its_hat() -> None:
    _svg, info = _compose("emoji of a taco wearing a sombrero")
    assert info["icons"] == ["fef:taco", "abc:sombrero"]
    svg, _info = _compose("emoji of an avocado wearing a crown")
    assert 'id="face"' in svg
    placed = _group("emoji of an avocado wearing a crown")
    from artboard.composer.arrange import face_bearer

    assert face_bearer(placed) is placed[0] and placed[0].concept == "avocado"


def test_artboards_own_colour_pictures_fill_the_emoji_sets_gaps() -> None:
    for noun, key in (("party hat", "abc:party-hat"), ("chef hat", "abc:chef-hat"), ("sombrero", "abc:sombrero"),
                      ("sandcastle", "abc:sandcastle"), ("fireplace", "abc:fireplace"), ("surfboard", "abc:surfboard"),
                      ("santa hat", "abc:santa-hat"), ("wizard hat", "abc:wizard-hat")):  # fmt: skip
        found = resolve(noun, "color")
        assert found is not None and found[0].key == key, (noun, found)
    # where an emoji draws the thing, the emoji wins: a hat is the top hat, a helmet the emoji's
    assert resolve("hat", "color")[0].set == "fef"  # type: ignore[index]
    assert resolve("helmet", "color")[0].set == "fef"  # type: ignore[index]
    icon = icons.get_icon("abc:space-helmet")
    assert icon.mode == "color" and icon.licence == "Apache-2.0"


def test_characters_in_roles_wear_what_says_the_role() -> None:
    assert parse_prompt("sticker of an astronaut cat floating in space").subjects[0] == "cat"
    assert "space helmet" in parse_prompt("sticker of an astronaut cat floating in space").subjects
    croissant = parse_prompt('mascot logo of a smiling croissant chef for "Le Petit Four" bakery')
    assert croissant.subjects == ("croissant", "chef hat")
    assert parse_prompt("logo for a pastry chef").subjects == ("pastry chef",)  # a profession stays a person
    _svg, info = _compose("sticker of an astronaut cat floating in space")
    # the glass helmet behind the cat's face, its shine over it
    keys = info["icons"]
    assert keys.index("abc:space-helmet") < keys.index("fef:cat-face") < keys.index("abc:space-helmet-glare")


def test_an_enamel_pin_is_the_design_in_a_metal_rim() -> None:
    brief = parse_prompt("enamel pin design of a cactus wearing sunglasses")
    assert brief.design_type == "badge" and brief.subjects == ("cactus", "sunglasses")
    assert parse_prompt("map pin icon").subjects == ("map pin",)
    _svg, info = _compose("enamel pin design of a cactus wearing sunglasses")
    assert info["layout"] == "pin-enamel-gold" and "mdi:pin" not in info["icons"]
    _svg, info = _compose('lapel pin of a coffee cup, "But First Coffee"')
    assert info["layout"] == "pin-enamel-words-gold" and "But First Coffee" in " ".join(info["set_texts"])
    _svg, info = _compose("silver enamel pin of a mushroom")
    assert info["layout"].endswith("-silver")


def test_scenes_draw_what_figures_make_and_sit_by() -> None:
    svg, info = _compose("kids building a sandcastle on the beach, flat illustration")
    assert "abc:sandcastle" in info["icons"] and 'id="made"' in svg and not info.get("left_out")
    _svg, info = _compose("cartoon of a penguin drinking hot cocoa by a fireplace")
    assert "abc:fireplace" in info["icons"]
    _svg, info = _compose("a humpback whale leaping under a full moon, calm ocean, flat vector art", "16:9")
    assert info["layout"].startswith("landscape-sea-") and "fef:whale" in info["icons"]
    _svg, info = _compose("snowy mountains with a frozen lake under the northern lights, wallpaper", "16:9")
    assert info["layout"] == "background-aurora" and {"concept": "mountains", "icon": "ridge"} in info["drawn"]


def test_riders_stand_on_their_boards() -> None:
    placed = _group("sticker of a skateboarding banana, bold outlines")
    assert [p.concept for p in placed] == ["skateboarding", "banana"]
    board, rider = (wear_fit.ink_box(p) for p in placed)
    assert rider[3] > board[1]  # the banana's lowest paint is on the board, not above its box
    placed = _group("a dog on a surfboard, sticker")
    assert placed[0].icon.key == "abc:surfboard" and placed[-1].front


def test_reading_and_icon_set_mends() -> None:
    assert parse_prompt('logo for "Kraft & Co" paper goods, hand stamped look').subjects == ("paper good",)
    assert parse_prompt("continuous line drawing of a woman's face with flowers").subjects[0] == "woman face"
    assert parse_prompt("grandma's apple pie label").subjects == ("apple pie",)
    _svg, info = _compose("icon set of 6 gardening tools: shovel, rake, watering can, gloves, shears, wheelbarrow")
    assert "ab:glove" in info["icons"] and "ph:boxing-glove" not in info["icons"] and not info.get("left_out")
    _svg, info = _compose("kitchen icon set: whisk, rolling pin, oven mitt, spatula, ladle, grater")
    assert {"ab:spatula", "ab:ladle", "ab:grater"} <= set(info["icons"])
    found = resolve_in("humpback whale", "color")
    assert found is not None and found[0].key == "fef:whale"  # the head's colour picture, not the glyph
    fire = resolve_in("fire truck", "color")
    assert fire is not None and fire[0].name == "fire-engine"  # the whole phrase's picture, never a plain truck


def test_engraving_and_embroidery_are_crafts_laid_over_the_design() -> None:
    svg, info = _compose("vintage engraving style illustration of a lighthouse on a cliff")
    assert info["finish"] == "engraving" and "<pattern" in svg and 'fill="#261e18"' in svg
    svg, info = _compose('embroidered patch of a fox, "Stay Wild"')
    assert info["finish"] == "embroidery" and "stroke-dasharray" in svg and "distressed" not in info["layout"]
    assert "STAY WILD" in info["set_texts"]


def test_food_on_a_table_is_the_dish_on_its_surface() -> None:
    _svg, info = _compose("photo of a bowl of ramen, overhead shot")
    assert info["layout"].startswith("tabletop-overhead-") and "fef:steaming-bowl" in info["icons"]
    assert info.get("warnings")  # a photographic prompt answered in flat art says so
    _svg, info = _compose("Photo of ramen with a soft-boiled egg on a wooden table", "16:9")
    assert info["layout"] == "tabletop-front-wood" and {"fef:egg", "fef:steaming-bowl"} <= set(info["icons"])
    _svg, info = _compose("photo of a latte with latte art on a marble counter")
    assert info["layout"] == "tabletop-front-marble" and info["icons"] == ["fef:hot-beverage"]  # no counter glyph
    # people at work with food are a scene, not a still life
    _svg, info = _compose("A chef tossing pizza dough in a rustic Italian kitchen", "4:5")
    assert info["layout"] == "stage-kitchen" and "fef:person-standing" not in info["icons"]


def test_marks_badges_and_backgrounds_mends() -> None:
    _svg, info = _compose('minimal logo for a dentist "Bright Smile Dental", a tooth with a sparkle, mint green')
    assert info["icons"][:2] == ["mdi:tooth", "ph:sparkle-fill"]
    assert parse_prompt("starry night sky background with a crescent moon").background_color is None
    assert parse_prompt("sky blue background with clouds").background_color is not None
    _svg, info = _compose("Phone wallpaper with a minimalist mountain range at sunset, layered pastel colors", "9:16")
    assert info["layout"] == "background-mountains" and not info.get("icons")  # no mountain glyphs pasted over it
    assert (
        parse_prompt("Kids book illustration of a girl flying a kite on a windy hill with sheep").subjects[0] == "girl"
    )
    brief = parse_prompt(
        'Instagram story for a yoga retreat: "Find Your Calm", Bali, May 10–17, book at stillwateryoga.com'
    )
    assert "stillwateryoga" not in brief.subjects
