"""Scenes read as a designer reads them: acts without an object, acts placed by a preposition, people drawn as
people, posters whose picture is people doing something, colour icon sets. Real compositions, checked through
the manifest (what was drawn, where, and which copy was set)."""

from __future__ import annotations

from typing import Any

import pytest

from artboard.composer import compose, parse_prompt
from artboard.composer.reading import read
from artboard.spec import make_spec


def _compose(prompt: str, aspect: str = "1:1", seed: int = 1) -> tuple[str, dict[str, Any]]:
    return compose(make_spec(prompt, aspect_ratio=aspect, format="svg"), seed=seed)


def _relation(text: str, a: str, b: str) -> tuple[str, str]:
    r = read(text)
    found = [(x.kind, x.verb) for x in r.relations if r.things[x.a].noun == a and r.things[x.b].noun == b]
    assert found, [(r.things[x.a].noun, x.kind, r.things[x.b].noun) for x in r.relations]
    return found[0]


def test_an_act_without_an_object_belongs_to_who_does_it() -> None:
    things = {t.noun: t for t in read("a family of four walking").things}
    assert things["family"].doing == "walking" and "walking" not in things
    things = {t.noun: t for t in read("a family sitting on a blanket watching").things}
    assert things["family"].doing == "watching" and set(things) == {"family", "blanket"}


def test_a_preposition_after_an_act_places_it() -> None:
    assert _relation("a cat sleeping under a pine tree", "cat", "pine tree") == ("below", "sleeping")
    assert _relation("kids playing in the park", "kid", "park") == ("inside", "playing")
    assert _relation("a woman painting at an easel", "woman", "easel") == ("at", "painting")
    assert _relation("a monkey hanging from a branch", "monkey", "branch") == ("below", "hanging")
    assert _relation("a family sitting on a blanket", "family", "blanket") == ("on", "sitting")


def test_an_act_with_a_particle_is_an_act() -> None:
    things = {t.noun: t.kind for t in read("volunteers picking up trash on the beach").things}
    assert things == {"volunteer": "person", "trash": "thing", "beach": "thing"}


def test_events_are_read_whole_and_not_as_acts() -> None:
    assert parse_prompt("poster for a yoga retreat in Bali").event == "Yoga Retreat"
    assert parse_prompt("poster for a book signing with Tom Hale").event == "Book Signing"
    assert parse_prompt("a fox reading a book").event is None


def test_the_event_is_set_under_a_headline_of_their_own() -> None:
    _svg, info = _compose("instagram story announcing a bookstore reading with author Maya Chen, Saturday 3pm", "9:16")
    assert {"Maya Chen", "Bookstore Reading"} <= set(info["set_texts"])
    _svg, info = _compose('poster for a climate march, "There is no planet B", earth in hands, green and blue', "4:5")
    assert "Climate March" in info["set_texts"]
    assert not any("earth in hands" in t.lower() for t in info["set_texts"])  # the picture, not copy


def test_a_described_scene_is_not_set_as_copy() -> None:
    prompt = "flyer for a beach cleanup day, volunteers picking up trash on the beach, June 14, 9am"
    _svg, info = _compose(prompt, "3:4")
    assert not any("volunteers" in t.lower() for t in info["set_texts"])
    assert "Beach Cleanup Day" in info["set_texts"]


@pytest.mark.parametrize(
    "prompt",
    [
        'poster for a ski resort, snowy mountains and a skier, "Powder Peak Winter Season 2027"',
        "poster for a yoga retreat in Bali, a woman meditating on the beach at sunrise",
        "poster for a charity 5k run, runners in a park, Sunday April 12",
    ],
)
def test_posters_with_people_doing_something_picture_them(prompt: str) -> None:
    for aspect in ("4:5", "16:9"):
        _svg, info = _compose(prompt, aspect)
        assert info["layout"].startswith("poster-"), info["layout"]
        assert "stage-" in info["layout"], info["layout"]
        figures = info["scene"]["figures"]
        assert figures
        width, height = make_spec(prompt, aspect_ratio=aspect).width, make_spec(prompt, aspect_ratio=aspect).height
        for f in figures:  # inside the picture, which leaves the copy its room
            x0, y0, x1, y1 = f["box"]
            assert 0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height


def test_meditating_on_a_beach_is_the_lotus_not_a_surfer() -> None:
    _svg, info = _compose("poster for a yoga retreat in Bali, a woman meditating on the beach at sunrise", "4:5")
    icons = info["icons"]
    assert any("lotus" in k for k in icons) and not any("surf" in k for k in icons)


def test_people_are_drawn_as_people_and_screens_as_screens() -> None:
    _svg, info = _compose("flyer for a beach cleanup day, volunteers picking up trash on the beach, June 14", "3:4")
    assert not any("heart-hands" in k for k in info["icons"])
    assert len(info["scene"]["figures"]) == 3
    _svg, info = _compose("illustration of a programmer coding at a desk with two monitors and a cat", "16:9")
    people = [f for f in info["scene"]["figures"] if "cat" not in f["concept"]]
    assert len(people) == 1, info["scene"]["figures"]


def test_a_family_of_four_is_two_grown_ups_and_two_children() -> None:
    _svg, info = _compose("a family of four walking in the park in autumn")
    heights = sorted(f["box"][3] - f["box"][1] for f in info["scene"]["figures"])
    assert len(heights) == 4 and heights[1] < heights[2] * 0.85


def test_an_easel_is_drawn_beside_the_painter() -> None:
    _svg, info = _compose("illustration of a woman painting at an easel in a sunny studio", "16:9")
    assert "easel" in {p["concept"] for p in info["scene"]["props"]}
    assert not info.get("left_out")


def test_colour_icon_sets_draw_each_thing_in_its_colours() -> None:
    _svg, info = _compose("set of 4 weather icons: sun, cloud, rain, snow, flat colour")
    assert [d["concept"] for d in info["drawn"]] == ["sun", "cloud", "rain", "snow"]
    assert all(d["icon"].startswith(("fef:", "noto:")) for d in info["drawn"])
    _svg, info = _compose("set of 6 line icons for a bakery: croissant, cake, bread, coffee, cupcake, delivery truck")
    assert not any(k.startswith(("fef:", "noto:")) for k in info["icons"])  # line icons stay line icons


def test_a_styles_fonts_win_over_a_recipes_lettering() -> None:
    """A birthday card letters its greeting in script and a playful face of its own; a stored style's fonts
    replace both (issue #13: the card kept its own lettering)."""
    from artboard.spec import StyleControls

    for prompt in ('elegant birthday card "Happy Birthday, Anna"', 'playful birthday card "Happy 8th Birthday Leo"'):
        for seed in (1, 2, 3):
            spec = make_spec(prompt, format="svg", style=StyleControls(fonts=("oswald",)))
            _svg, info = compose(spec, seed=seed)
            assert info["set_texts"]
            assert all(f.startswith("oswald") for f in info["fonts"]), (prompt, seed, info["fonts"])


def test_a_picnic_is_sitting_on_a_blanket() -> None:
    _svg, info = _compose("illustration of two friends having a picnic under a cherry blossom tree", "16:9")
    scene = info["scene"]
    assert [f["pose"] for f in scene["figures"]] == ["sit", "sit"]
    (blanket,) = [p for p in scene["props"] if p["concept"] == "blanket"]
    for f in scene["figures"]:  # each sits on it
        assert blanket["box"][0] <= (f["box"][0] + f["box"][2]) / 2 <= blanket["box"][2]
    assert not any("picnic" in k for k in info["icons"])  # no picnic table


def test_a_thing_with_someone_in_a_chain_is_theirs() -> None:
    _svg, info = _compose("illustration of a girl walking a dog in the rain with a yellow umbrella", "16:9")
    props = {p["concept"]: p["how"] for p in info["scene"]["props"]}
    assert props.get("umbrella") in ("held", "over"), props


def test_a_creature_said_again_by_its_kind_is_one() -> None:
    things = read("a lost cat named Whiskers, orange tabby").things
    assert [t.noun for t in things if t.kind == "animal"] == ["cat"]
    assert [t.noun for t in read("a cat and a kitten playing").things] == ["cat", "kitten"]


def test_flyers_and_boards_title_themselves_from_the_prompt() -> None:
    _svg, info = _compose("flyer for a lost cat named Whiskers, orange tabby, reward $200, call 555-0142", "4:5")
    assert info["set_texts"][0].lower().replace("\n", " ") in ("lost cat", "lost")
    assert "Whiskers" in info["set_texts"]
    _svg, info = _compose("menu board for a smoothie bar: berry blast $6, green machine $7, mango tango $6", "3:4")
    assert "Smoothie Bar" in info["set_texts"]


def test_a_speaker_named_is_copy_not_a_loudspeaker() -> None:
    prompt = 'banner for a webinar "Scaling Design Systems" with speaker Priya Rao, June 18 at 11am PT'
    _svg, info = _compose(prompt, "16:9")
    assert "Priya Rao" in info["set_texts"]
    assert not any("speaker" in k for k in info.get("icons", []))
    assert parse_prompt("a speaker icon").subjects == ("speaker",)


def test_stacks_of_books_are_books_and_not_copy() -> None:
    brief = parse_prompt("poster for a book fair at Lincoln Library, March 3-5, stacks of books and a reading owl")
    assert not brief.phrases and "book" in brief.subjects


def test_steps_with_amounts_keep_every_word() -> None:
    prompt = (
        'infographic "How to brew pour-over coffee" in 4 steps: grind 20g, heat water to 93°C, bloom 30 seconds, '
        "pour slowly"
    )
    _svg, info = _compose(prompt, "3:4")
    set_texts = [t.replace("\n", " ") for t in info["set_texts"]]
    for step in ("grind 20g", "heat water to 93°C", "bloom 30 seconds", "pour slowly"):
        assert step in set_texts, set_texts


def test_a_badge_names_what_it_is_for() -> None:
    _svg, info = _compose("badge for a summer reading challenge 2027, a book with a sun, orange and yellow")
    assert "Summer Reading Challenge" in info["set_texts"] and "2027" in info["set_texts"]


def test_the_circle_of_a_monogram_is_its_frame() -> None:
    _svg, info = _compose('monogram "AK" in a circle, minimal, navy', seed=11)
    assert info["layout"] in ("monogram-ring", "monogram-disc") and not info.get("icons")


def test_a_group_doing_a_yoga_pose_in_its_natural_colours() -> None:
    _svg, info = _compose(
        "poster for a yoga class in the park, a group doing tree pose, Saturdays 8am, sage green", "4:5"
    )
    figures = info["scene"]["figures"]
    assert len(figures) == 3 and all("lotus" in k for k in info["icons"] if k.startswith("fef:"))


def test_what_people_do_in_the_picture_is_not_copy() -> None:
    prompt = "yoga in the park flyer: free classes every Saturday 10am at Elm Park, woman doing a tree pose"
    brief = parse_prompt(prompt)
    assert not any("tree pose" in p for p in brief.phrases)
    _svg, info = _compose(prompt, "4:5")
    assert info["set_texts"][0] == "Yoga in the Park"
    brief = parse_prompt('movie night poster "Cinema Under the Stars" August 22, family sitting on blankets watching')
    assert not any("family" in p for p in brief.phrases)


def test_numbered_steps_and_changes_are_read_whole() -> None:
    brief = parse_prompt(
        'infographic "How to brew" 4 steps: 1. Heat water to 96°C 2. Grind 20g beans 3. Bloom 30 seconds '
        "4. Pour slowly for 3 minutes"
    )
    assert brief.items == ("Heat water to 96°C", "Grind 20g beans", "Bloom 30 seconds", "Pour slowly for 3 minutes")
    brief = parse_prompt("infographic of our 2024 results: revenue up 32%, 1.2M users, 48 countries, 99.9% uptime")
    assert (brief.figures[0].label, brief.figures[0].text) == ("revenue up", "32%")
    assert [d.text for d in parse_prompt("concert poster, March 3 2026, doors 7pm").details][-1] == "doors 7pm"


def test_colour_first_names_colour_what_follows() -> None:
    from artboard.composer.colour_words import find_colours

    assert [m.thing for m in find_colours("chef hat on an orange rounded square")] == [False]
    assert [m.thing for m in find_colours("orange juice")] == [True]
    assert [m.thing for m in find_colours("an olive branch")] == [True]
    fox = [t for t in parse_prompt("fox logo for Foxly, orange fox head").things if t.noun == "fox"]
    assert any(t.colours == ("orange",) for t in fox)


def test_animal_parts_are_drawn_on_the_animal() -> None:
    _svg, info = _compose("logo for Grumpy Goat Brewing Co. - a goat head with horns, black and mustard yellow")
    assert not any("horn" in k for k in info["icons"])
    _svg, info = _compose("a deer with antlers in a forest")
    assert not any("horns" in k for k in info["icons"])


def test_a_players_instrument_is_in_their_hands() -> None:
    _svg, info = _compose('poster for "Summer Jazz Night", Friday 8pm, saxophone player, deep blue and gold', "2:3")
    assert {"concept": "saxophone", "how": "held"}.items() <= next(
        p for p in info["scene"]["props"] if p["concept"] == "saxophone"
    ).items()


def test_kawaii_things_get_a_face_and_creatures_keep_theirs() -> None:
    svg, _info = _compose("emoji of a kawaii avocado")
    assert svg.count('id="face"') == 1
    svg, _info = _compose("cute sticker of a cat sleeping on a stack of books")
    assert 'id="face"' not in svg


def test_design_words_for_pages_and_books() -> None:
    assert parse_prompt("website hero illustration of a team around a whiteboard").design_type == "illustration"
    assert parse_prompt("children's book illustration of a bear fishing").subjects == ("bear",)
    assert parse_prompt("travel icons set: airplane, suitcase, map").design_type == "icon_set"


def test_a_sitting_animal_is_not_given_a_persons_body() -> None:
    svg, info = _compose("a fox sleeping curled up in the snow under a starry night")
    (fox,) = info["scene"]["figures"]
    assert fox["pose"] == "sit"
    import xml.etree.ElementTree as ET

    root = ET.fromstring(svg)
    figure = next(e for e in root.iter() if e.get("id") == "figure-fox")
    # its shadow and the fox itself, sitting whole (the emoji's fox is a face): no person's limbs built under it
    assert [child.tag.split("}")[-1] for child in figure][:1] == ["ellipse"]
    assert not [e for e in figure.iter() if "limb" in (e.get("id") or "") or "arm" in (e.get("id") or "")]
    assert {"concept": "fox", "icon": "scene:fox"} in info["drawn"]


def test_a_things_own_colour_is_the_motif_not_the_ground() -> None:
    from artboard.colors import oklch

    svg, _info = _compose("seamless pattern with tiny pink flamingos and palm leaves")
    ground = svg[svg.index('id="background"') :]
    fill = ground[ground.index('fill="#') + 6 : ground.index('fill="#') + 13]
    assert oklch(tuple(int(fill[i : i + 2], 16) for i in (1, 3, 5)))[0] > 0.9  # a light ground


def test_a_badges_form_and_a_look_named_for_someone_are_not_drawn_or_set() -> None:
    assert parse_prompt('police-style emblem shield with an eagle and "Ridgeview Fire Dept."').subjects == ("eagle",)
    assert "NASA" not in parse_prompt("embroidered patch design of an astronaut, NASA style, navy red white").texts


def test_a_things_face_wears_the_expression_asked_and_emoji_names_stay_whole() -> None:
    svg, info = _compose("melting ice cream emoji with a sad face")
    assert {"concept": "cry face", "icon": "artboard:face"} in info["drawn"]
    assert "#5ab4f0" in svg  # its tears
    _svg, info = _compose("party face emoji with a cone hat and confetti")
    assert "fef:partying-face" in info["icons"]


def test_a_lost_pets_poster_draws_the_pet_and_keeps_the_users_headline() -> None:
    _svg, info = _compose("flyer for a lost cat named Whiskers, orange tabby, reward $200, call 555-0142", "4:5")
    assert any("cat" in k for k in info["icons"]) and "call 555-0142" in info["set_texts"]
    _svg, info = _compose("lost cat poster: MISSING - Biscuit, orange tabby, last seen near Oak Park, call 555-0142")
    assert info["set_texts"][0] == "MISSING" and "last seen near Oak Park" in info["set_texts"]


def test_more_pictures_that_are_not_copy_and_streets_that_are_no_headline() -> None:
    _svg, info = _compose("flyer for a neighborhood cleanup, volunteers with trash bags in a park, Sunday 9am", "3:4")
    assert not any("volunteers" in t.lower() for t in info["set_texts"])
    prompt = "poster for a chess club meetup every Wednesday 6pm at the public library, two people playing chess"
    _svg, info = _compose(prompt, "2:3")
    assert not any("playing chess" in t.lower() for t in info["set_texts"])
    prompt = "poster for a farmers market, a farmer holding a basket of apples, every Saturday, Oak Street"
    _svg, info = _compose(prompt, "4:5")
    assert info["set_texts"][:2] == ["Farmers Market", "Oak Street"]


def test_a_couple_dancing_dances_and_a_crying_cloud_cries() -> None:
    _svg, info = _compose("poster for a salsa night, a couple dancing, Friday 9pm, red and black", "4:5")
    assert all("dancing" in k for k in info["icons"] if k.startswith("fef:"))
    svg, _info = _compose("emoji of a crying cloud")
    assert svg.count('id="face"') == 1 and "#5ab4f0" in svg


def test_a_motif_takes_the_colour_said_for_it() -> None:
    svg, _info = _compose("seamless pattern of yellow rubber ducks on a light blue background", seed=9)
    assert "#ffd23f" in svg  # yellow ducks, though yellow is faint on light blue


def test_terse_listed_copy_is_set_even_without_a_name() -> None:
    _svg, info = _compose("banner: two for one pizza, kids eat free", "16:9")
    assert {"two for one pizza", "kids eat free"} <= set(info["set_texts"])
    for seed in (1, 2, 3):
        _svg, info = _compose("poster: 3 bands live, doors 7pm", "4:5", seed)
        said = " ".join(info["set_texts"]).lower()  # a type-led poster sets its headline a line per word
        assert "3 bands live" in said.replace("\n", " ") and "doors 7pm" in said


def test_type_asked_for_by_its_letters_and_its_case() -> None:
    _svg, info = _compose("law firm logo Whitmore & Associates, serif, scales of justice, burgundy and gold")
    assert any(f.startswith(("playfair-display", "dm-serif-display", "lora")) for f in info["fonts"])
    _svg, info = _compose("wordmark for NOVA clothing brand, bold modern sans serif")
    assert not any(f.startswith(("playfair-display", "dm-serif-display", "lora")) for f in info["fonts"])
    _svg, info = _compose("lowercase logo for a bakery called Crumb")
    assert "crumb" in info["set_texts"] and not info.get("copy_left_out")
    _svg, info = _compose('wordmark "fernweh" lowercase, hand-lettered travel blog, terracotta', "2:1", 7)
    assert not any(f.startswith("permanent-marker") for f in info["fonts"])


def test_one_glyph_that_is_both_things_is_the_mark() -> None:
    _svg, info = _compose("app icon for a weather app, sun behind a cloud, blue gradient background", seed=7)
    assert info["icons"] == ["ph:cloud-sun"]


def test_lessons_and_swaps_are_events_and_who_may_come_is_no_headline() -> None:
    prompt = "flyer for piano lessons, a child playing piano, call 555-0199, all ages welcome"
    _svg, info = _compose(prompt, "3:4")
    assert info["set_texts"][0] == "Piano Lessons" and "Welcome" not in info["set_texts"]
    _svg, info = _compose("poster for a book swap at the community center, every Sunday", "4:5")
    assert info["set_texts"][0] == "Book Swap"
    assert "virgin" not in parse_prompt('label for an olive oil "Oro Verde", extra virgin, 500ml').subjects


def test_a_name_set_as_copy_hides_only_its_own_words() -> None:
    brief = parse_prompt('logo for a yoga studio "Lotus Flow" with a lotus flower, lavender')
    assert brief.subjects[0] == "lotus flower"  # "Lotus Flow" is not inside "lotus flower"


def test_an_icon_named_for_the_thing_beats_a_near_neighbour() -> None:
    from artboard.composer.noun_icons import resolve

    assert resolve("headphone", None)[0].key == "mdi:headphones"  # WordNet files a headphone with "phone"
    assert "glasses" not in resolve("glass", None)[0].name  # glasses are spectacles, not a glass
    assert "paper-plane" in resolve("paper airplane", "stroke")[0].key  # the head said by a synonym
    assert resolve("wheat stalk", "stroke")[0].key == "lucide:wheat"  # a stalk is the plant's
    _svg, info = _compose("flat icon of a paper airplane")
    assert "paper-plane" in info["icons"][0]


def test_a_feeling_said_before_a_thing_describes_it() -> None:
    things = read("crying onion sticker, cute").things
    assert things[0].noun == "onion" and things[0].adjectives == ("crying",)
    assert read("a baby crying").things[0].doing == "crying"  # after it, it is what the baby does


def test_heart_eyes_are_the_face_on_the_thing_not_a_thing_beside_it() -> None:
    svg, info = _compose("pizza slice with heart eyes, cartoon sticker", seed=5)
    assert info["icons"] == ["fef:pizza"] and 'id="hearts"' in svg
    assert {"concept": "heart eyes face", "icon": "artboard:face"} in info["drawn"]
    svg, info = _compose("sleepy crescent moon sticker, kawaii", seed=5)
    assert {"concept": "sleepy face", "icon": "artboard:face"} in info["drawn"]


def test_an_astronaut_floats_in_space_above_a_planet() -> None:
    svg, info = _compose("movie poster for a sci-fi film called Last Orbit, astronaut floating above a planet", "2:3")
    assert info["layout"] == "poster-stage-space" and 'id="floating' in svg
    assert {"planet", "stars"} <= {d["concept"] for d in info["drawn"]}
    _svg, info = _compose("an astronaut fishing from the moon, flat illustration")
    assert info["layout"] == "stage-moon"  # on the moon, its surface is still the ground


def test_a_gradient_said_for_an_icon_fills_it() -> None:
    svg, info = _compose("app icon for a meditation app, lotus on a purple gradient")
    assert "linearGradient" in svg and "app-icon" in info["layout"]
    svg, info = _compose("flat icon of a paper airplane, blue gradient")
    assert info["layout"].startswith("icon-gradient") and "linearGradient" in svg


def test_a_listed_greeting_is_the_cards_message_and_a_listed_thing_its_picture() -> None:
    brief = parse_prompt("greeting card: congratulations graduate, graduation cap, deep blue and gold")
    assert brief.texts[0] == "Congratulations Graduate" and brief.subjects == ("graduation cap",)
    brief = parse_prompt("card: happy retirement, fishing rod, navy")
    assert brief.texts == ("Happy Retirement",) and brief.subjects == ("fishing rod",)
    assert parse_prompt("menu board for Sunny Side Cafe: pancakes $8, omelette $10").subjects == ()


def test_an_event_said_in_a_list_is_the_headline_and_the_rest_is_drawn() -> None:
    brief = parse_prompt("poster: farmers market every saturday, vegetables, forest green and mustard")
    assert brief.event == "Farmers Market" and brief.subjects == ("vegetable",)
    _svg, info = _compose("poster: farmers market every saturday, vegetables, forest green and mustard", "2:3")
    assert info["set_texts"][0] == "Farmers Market"
    brief = parse_prompt("instagram post: new menu item, spicy ramen bowl, dark red and cream")
    assert brief.subjects == ("ramen bowl",)  # an item is no thing to draw
    _svg, info = _compose("instagram post: new menu item, spicy ramen bowl, dark red and cream", "4:5", 3)
    assert info["icons"] and "spicy ramen bowl" in info["set_texts"]  # set, and drawn


def test_a_deep_colour_leading_a_poster_or_banner_is_its_ground() -> None:
    import random

    from artboard.composer.brief import parse
    from artboard.composer.palettes import generate

    for prompt in ("linkedin banner for a data analyst, dark purple and orange", "poster, navy and coral"):
        brief = parse(prompt)
        scheme = generate(brief, None, False, random.Random(1))
        assert scheme.background == brief.colors[0] and scheme.primary == brief.colors[1]
    brief = parse("logo for a bakery, dark purple and orange")  # a mark keeps its light ground
    assert generate(brief, None, False, random.Random(1)).background != brief.colors[0]


def test_the_first_segment_after_a_screens_lead_in_is_its_headline() -> None:
    brief = parse_prompt("presentation title slide: quarterly business review Q3 2026, blue")
    assert brief.design_type == "banner" and brief.texts == ("Quarterly Business Review Q3 2026",)
    assert brief.subjects == ()  # the slide is the design, the review its title
    brief = parse_prompt("story: new blog post, how to start a garden, seedlings and a watering can")
    assert brief.design_type == "banner" and brief.texts == ("How to Start a Garden",)
    assert brief.subjects == ("seedling", "watering can")  # a compound WordNet knows: no 'can' of ability
    assert parse_prompt("poster: sunflowers in a field, yellow").texts == ()  # a picture, not a title
    _svg, info = _compose("website banner: learn to code in 30 days, laptop with code, dark mode", "16:9")
    assert info["set_texts"] == ["Learn to Code in 30 Days"]  # the laptop with code is drawn, not set
    _svg, info = _compose("instagram post: summer sale 50% off, sunglasses and beach ball, bright yellow", "4:5")
    assert "Beach Ball" not in info["set_texts"]  # a beach ball is a toy, not a dance


def test_a_card_draws_its_listed_picture_and_a_composite_mark_fills_its_box() -> None:
    svg, info = _compose("card: happy retirement, fishing rod, navy", "4:5")
    assert info["layout"].endswith("-art") and "fishing" in " ".join(info["icons"])
    navy = "#" + "".join(f"{c:02x}" for c in parse_prompt("card: happy retirement, fishing rod, navy").colors[0])
    art = svg[svg.index('id="content"') :]
    assert navy not in art.split('id="headline"')[0]  # the rod is not tinted the navy of the card it is on
    from artboard.composer import group_mark, noun_icons
    from artboard.composer.arrange import Group, Placed

    hit = noun_icons.resolve("sunglasses", None)
    ball = noun_icons.resolve("ball", None)
    assert hit and ball
    group = Group((Placed("sunglasses", hit[0], 0.3, 0.5, 0.4), Placed("ball", ball[0], 0.7, 0.5, 0.4)), "beside", ())
    mark = group_mark.composite_icon(group)
    assert mark is not None and mark.viewbox[3] < 60  # the pair's own box, not the empty square around it


def test_small_reading_mends_from_fresh_prompts() -> None:
    assert parse_prompt("monogram S B for a wedding, floral wreath, blush pink").letters == "SB"
    assert parse_prompt("poster for a book club meeting, Thursday 7pm").event == "Book Club Meeting"
    brief = parse_prompt("thank you card for a teacher, apple and pencils, red")
    assert brief.color_names == ("red",) and "apple" in brief.subjects  # "apple and pencils" is no colour pair
    assert parse_prompt("logo, lavender and peach").color_names == ("lavender", "peach")
    _svg, info = _compose("illustration of a cozy reading nook with a cat sleeping on a chair", "3:2")
    assert info["layout"] == "stage-room"
    svg, _info = _compose("sticker: cute sloth hanging from a branch")
    assert 'id="face"' not in svg  # the sloth has its own face; the branch gets none


def test_every_named_colour_shows_where_a_designer_puts_it() -> None:
    import random

    from artboard.colors import oklch
    from artboard.composer.brief import parse
    from artboard.composer.palettes import generate

    def scheme(prompt: str):  # type: ignore[no-untyped-def]
        brief = parse(prompt)
        return brief, generate(brief, None, False, random.Random(7))

    brief, s = scheme("bakery logo for Sweet Crumb with a whisk and wheat stalk, dusty rose and cream")
    assert s.background == brief.colors[1] and s.primary == brief.colors[0]  # cream is the paper
    brief, s = scheme("Twitter header for a bakery with croissants, warm beige tones")
    assert s.background == brief.colors[0]  # not a navy ground with beige type
    brief, s = scheme("Logo for a yoga studio named Still Lotus, lotus flower icon, sage green and gold")
    assert s.primary == brief.colors[1] and s.ink != brief.colors[0]  # a gold mark, the name in deep sage
    brief, s = scheme("poster, midnight blue and pale yellow")
    assert s.background == brief.colors[0]  # the dark one stays the ground
    svg, _info = _compose("seamless pattern of lemons and leaves, yellow and green on white", seed=7)
    yellow = "#{:02x}{:02x}{:02x}".format(*parse_prompt("lemons, yellow").colors[0])
    assert yellow in svg  # lemons take the yellow, leaves the green
    for seed in range(1, 9):  # the framed and the block thumbnails alike keep the dark ground said
        svg, info = _compose('youtube thumbnail: "The Growth Loop", dark background, orange accent', "16:9", seed)
        if info["layout"].startswith("banner-thumb"):
            shapes = svg[svg.index('id="shapes"') :]
            fill = shapes[shapes.index('fill="#') + 6 : shapes.index('fill="#') + 13]
            assert oklch(tuple(int(fill[k : k + 2], 16) for k in (1, 3, 5)))[0] < 0.3, fill


def test_dates_venues_and_names_in_a_list_are_set_not_drawn() -> None:
    prompt = (
        "Wedding invitation: Emma & James, Saturday September 20, 2025, 4 PM, Rosewood Estate, Napa Valley. "
        "Eucalyptus leaves, sage and ivory"
    )
    brief = parse_prompt(prompt)
    assert brief.subjects == ("eucalyptus leaf",)
    assert any(d.kind == "venue" and d.text == "Rosewood Estate" for d in brief.details)
    assert parse_prompt("logo for Rosewood Estate winery, grapes").texts == ("Rosewood Estate",)  # a name
    brief = parse_prompt("flyer for a bake sale, Saturday 10am, school gym, cupcakes and cookies, pastel")
    assert "school gym" not in brief.subjects and any(d.text == "school gym" for d in brief.details)
    assert parse_prompt("a remote control icon").subjects == ("remote control",)


def test_an_unnamed_menu_board_is_titled_a_menu_and_teal_is_no_tea() -> None:
    _svg, info = _compose("cafe menu board: latte $4, cappuccino $4.5, croissant $3, muffin $2.5", "3:4")
    assert info["set_texts"][0] == "Cafe Menu" and "latte" in info["set_texts"]
    _svg, info = _compose('label for an IPA beer "Hop Rocket", rocket and hops, 16 oz, teal and orange')
    assert "TEA" not in info["set_texts"]
    _svg, info = _compose('tea label "Morning Mist", green tea, 20 bags')
    assert "TEA" in info["set_texts"]


def test_the_users_whole_line_names_the_event() -> None:
    prompt = "instagram post: back to school sale 25% off, backpack and pencils, blue and yellow"
    _svg, info = _compose(prompt, "4:5")
    assert info["set_texts"][:2] == ["Back to School Sale", "25% OFF"]  # not "School Sale" and the line again
