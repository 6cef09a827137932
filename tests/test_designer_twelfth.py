"""What the 12th session's contact sheets found: team mascots, creatures named with what they do, colours a
mark is given. Real compositions, checked through the brief, the manifest and the SVG."""

from __future__ import annotations

import re
from typing import Any

from artboard.composer import compose, noun_icons, parse_prompt
from artboard.spec import make_spec


def _compose(prompt: str, aspect: str = "1:1", seed: int = 7) -> tuple[str, dict[str, Any]]:
    return compose(make_spec(prompt, aspect_ratio=aspect, format="svg"), seed=seed)


def _fills(svg: str) -> set[str]:
    return {m.lower() for m in re.findall(r'fill="(#[0-9a-fA-F]{6})"', svg)}


def test_a_creature_named_with_what_it_does_is_the_creature() -> None:
    for phrase, name in (("howling wolf", "wolf"), ("roaring lion", "lion"), ("sleeping cat", "cat")):
        found = noun_icons.resolve(phrase, "color")
        assert found is not None and found[0].name == name, (phrase, found)
    bull = noun_icons.resolve("bull", "color")
    assert bull is not None and bull[0].name in ("ox", "cow")  # the animal, not the "heavyset man" sense


def test_a_team_mascot_is_the_creature_in_the_teams_colours() -> None:
    for seed in (1, 2, 3, 7):
        svg, info = _compose(
            'mascot logo for a gaming team "Night Wolves", a howling wolf, purple and black', seed=seed
        )
        assert info["layout"] == "mascot-disc" and "fef:wolf" in info["icons"]  # never the crest, never a glyph
        assert "Night Wolves" in info["set_texts"]
        purple = parse_prompt("purple").colors[0]
        assert any(_close(c, purple) for c in _fills(svg)), _fills(svg)
    # the team's field is context: an esports bull is the bull alone
    _svg, info = _compose('esports mascot logo, "Iron Bulls", an angry bull, red and black')
    assert info["layout"] == "mascot-disc" and "fef:ox" in info["icons"] and "fef:trophy" not in info["icons"]
    # what it holds stays
    _svg, info = _compose("mascot for a robotics team, a friendly robot holding a wrench")
    assert {"fef:robot", "fef:wrench"} <= set(info["icons"])


def _close(hex_colour: str, rgb: tuple[int, int, int]) -> bool:
    value = tuple(int(hex_colour[k : k + 2], 16) for k in (1, 3, 5))
    return sum(abs(a - b) for a, b in zip(value, rgb, strict=True)) <= 24


def test_a_groovy_seventies_poster_sweeps_bands_of_the_named_colours() -> None:
    prompt = (
        'retro 70s concert poster for "Sunset Groove" with groovy stripes in orange, brown and mustard, '
        "August 14 at The Fillmore"
    )
    named = parse_prompt(prompt).colors
    for seed in (1, 2, 3, 4):
        for aspect in ("2:3", "16:9"):
            svg, info = _compose(prompt, aspect, seed)
            assert info["layout"].startswith("poster-groovy-"), info["layout"]
            assert {"SUNSET GROOVE", "AUGUST 14", "THE FILLMORE"} <= {t.upper() for t in info["set_texts"]}
            assert "stripes" not in info.get("left_out", [])
            bands = re.search(r'<g id="bands">(.*?)</g>', svg, re.S)
            assert bands is not None
            for colour in named:  # every named colour is a band
                assert any(_close(c, colour) for c in _fills(bands.group(1))), (colour, seed, aspect)
    assert "seventies" not in parse_prompt("seventies poster for a yoga retreat").subjects


def test_blueprint_style_turns_the_sheet_blue_and_the_art_to_white_lines() -> None:
    from artboard.composer import blueprint

    blue = "#{:02x}{:02x}{:02x}".format(*blueprint.BLUE)
    paper = "#{:02x}{:02x}{:02x}".format(*blueprint.PAPER)
    for prompt, aspect in (
        ('LinkedIn banner for an architect, "Clara Mendes — Sustainable Architecture", blueprint style', "16:9"),
        ('logo for an engineering firm "Northbeam Structures", a bridge, blueprint style', "1:1"),
        ("technical drawing illustration of a vintage camera", "4:3"),
    ):
        svg, info = _compose(prompt, aspect)
        assert info.get("finish") == "blueprint", (prompt, info.get("finish"))
        assert 'fill="url(#drafting' in svg  # the drafting grid
        assert blue in svg and paper in svg
        # the art is lines: every painted shape outside the lettering is blue, none, or the white of the lines
        fills = _fills(svg) - {blue, "#103a72", paper}
        assert not fills, (prompt, fills)
    # the trade the banner is for gives its emblem
    _svg, info = _compose('LinkedIn banner for an architect, "Clara Mendes — Sustainable Architecture"', "16:9")
    assert info["subjects"] == ["architect"] and info.get("icons")


def test_a_family_of_four_is_four_people_and_a_team_acts_together() -> None:
    family = parse_prompt("flat illustration of a family of four having a picnic in a park")
    assert family.things[0].noun == "family" and family.things[0].count == 4
    _svg, info = _compose("flat illustration of a family of four having a picnic in a park", "3:2")
    assert info["layout"] == "stage-outdoor" and len([k for k in info["icons"] if k.startswith("fef:")]) >= 4
    assert parse_prompt("a group of three friends hiking").things[0].noun == "friend"  # the members, counted
    team = parse_prompt("corporate memphis illustration of a team brainstorming around a whiteboard")
    assert any(t.noun == "team" and t.kind == "person" for t in team.things)
    _svg, info = _compose("corporate memphis illustration of a team brainstorming around a whiteboard", "16:9")
    assert info["layout"] == "stage-office"
    assert "whiteboard" in [d["concept"] for d in info.get("drawn", [])] and "ph:chalkboard" not in info["icons"]
    assert len([k for k in info["icons"] if k.startswith("fef:")]) >= 3
    # a picture of a wedding is an illustration; the wedding alone is its stationery
    assert parse_prompt("a couple dancing under string lights at a wedding, flat illustration").design_type == (
        "illustration"
    )
    assert parse_prompt("wedding invitation, illustration of a couple").design_type == "card"


def test_a_building_with_no_colour_picture_stands_as_a_silhouette() -> None:
    _svg, info = _compose("flat illustration of a lighthouse on a rocky coast at sunset, seagulls", "16:9")
    assert info["layout"].startswith("stage-") and "lighthouse" not in info.get("left_out", [])
    assert any("lighthouse" in k for k in info["icons"])


def test_long_quoted_invitation_copy_is_set_as_an_invitations_lines() -> None:
    baby = parse_prompt(
        'baby shower invitation "Oh Baby! Join us for a baby shower honoring Sarah Miller, Sunday May 5 at 1pm, '
        '22 Oak Lane", pastel blue, balloons'
    )
    assert baby.texts[:4] == ("Oh Baby!", "Join us for a baby shower honoring Sarah Miller", "Sunday May 5 at 1pm",
                              "22 Oak Lane")  # fmt: skip
    wedding = parse_prompt(
        'wedding invitation: "Together with their families, Emma Rose & James Carter request the pleasure of your '
        'company at their wedding, Saturday, September 14, 2027 at 4 pm, Rosewood Gardens, Napa", eucalyptus'
    )
    assert wedding.texts[0] == "Emma Rose & James Carter"  # the couple is the headline
    assert "Saturday, September 14, 2027 at 4 pm" in wedding.texts and "Rosewood Gardens, Napa" in wedding.texts
    assert wedding.subjects == ("eucalyptus",)  # nothing inside the quote is drawn (no family, no pleasure)
    retire = parse_prompt('retirement party invitation "Happy Retirement, Tom! After 35 years of service, join us"')
    assert retire.texts[0] == "Happy Retirement, Tom!"
    grad = parse_prompt('graduation announcement "Class of 2027 — Olivia Chen — Stanford University", navy and gold')
    assert grad.design_type == "card"
    _svg, info = _compose('graduation announcement "Class of 2027 — Olivia Chen — Stanford University"', "4:5")
    assert {"Class of 2027", "Olivia Chen", "Stanford University"} <= set(info["set_texts"])


def test_a_face_said_with_a_thing_is_the_things_face() -> None:
    svg, info = _compose("emoji of a melting ice cream cone, sad face")
    assert info["icons"] == ["fef:soft-ice-cream"] and 'id="face"' in svg  # the cone, no crying-face emoji beside it
    svg, info = _compose('sticker "Coffee First" with a cup of coffee with a smiley face, retro style')
    assert info["type"] == "sticker" and "COFFEE FIRST" in {t.upper() for t in info["set_texts"]}
    banner = parse_prompt('banner for a bookstore sale "Buy 2 Get 1 Free", stack of books and reading glasses')
    assert not banner.phrases  # what the picture shows is no line of copy


def test_a_cycle_fills_a_wide_or_tall_page_and_a_life_cycle_is_an_infographic() -> None:
    assert parse_prompt("life cycle of a butterfly: egg, caterpillar, chrysalis, butterfly").design_type == (
        "infographic"
    )
    assert parse_prompt("cycle race poster: June 3, Main Street").design_type == "poster"
    for aspect in ("16:9", "9:16"):
        svg, info = _compose("product lifecycle infographic: plan, build, launch, measure, learn", aspect)
        assert info["layout"] == "infographic-cycle-5"
        w, h = (float(v) for v in re.search(r'width="(\d+)" height="(\d+)"', svg).groups())  # type: ignore[union-attr]
        # the stage discs spread across the long side, not a small ring in the middle of it
        xs = [float(x) for x in re.findall(r'<circle cx="([\d.]+)" cy="[\d.]+" r="[\d.]+" fill="#', svg)]
        ys = [float(y) for y in re.findall(r'<circle cx="[\d.]+" cy="([\d.]+)" r="[\d.]+" fill="#', svg)]
        spread = (max(xs) - min(xs)) / w if aspect == "16:9" else (max(ys) - min(ys)) / h
        assert spread > 0.4, (aspect, spread)


def test_a_phrase_the_lexicon_knows_has_its_own_colour_picture() -> None:
    assert noun_icons.resolve_in("haunted house", "color")[0].key == "fef:derelict-house"  # type: ignore[index]
    found = noun_icons.resolve("olive oil", "color")
    assert found is None or "clover" not in found[0].name  # a leaf of the lexicon's words is no clover
    _svg, info = _compose(
        'halloween party poster "Spooky Night", haunted house, bats and a full moon, October 31', "2:3"
    )
    assert "fef:derelict-house" in info["icons"] and "moon" in [d["concept"] for d in info.get("drawn", [])]


def test_panel_i_misreadings() -> None:
    # the animal in a role is the animal, with what says the role
    assert parse_prompt("cute sticker of a cat astronaut").subjects == ("cat", "space helmet")
    assert parse_prompt("a frog wizard sticker").subjects == ("frog", "wizard hat")
    # palm leaves are leaves, a villa a house, enamel a finish, the field before the design's noun no picture
    assert parse_prompt('Instagram post "Summer Sale 40% OFF" with palm leaves').subjects == ("palm leaf",)
    assert noun_icons.resolve("villa", "fill")[0].name.startswith("house")  # type: ignore[index]
    pin = parse_prompt('enamel pin style badge of a mountain with "Yosemite" text, sunset colors')
    assert pin.design_type == "badge" and pin.subjects == ("mountain",)
    assert parse_prompt("weather icon of a sun behind a rain cloud, glossy 3D style").subjects == ("sun", "rain cloud")
    assert parse_prompt("dog sticker with a bone").subjects == ("dog", "bone")
    # a cat with a face of feeling is the cat's own emoji
    _svg, info = _compose("sticker of a crying cat")
    assert info["icons"] == ["fef:crying-cat"]
    # a wok is in a kitchen; a home office is the room, not an office block in it
    _svg, info = _compose("illustration of a chef tossing vegetables in a wok, flames, warm colors")
    assert info["layout"] == "stage-kitchen"
    _svg, info = _compose("flat illustration of a woman working on a laptop in a cozy home office with plants", "4:3")
    assert info["layout"] == "stage-office" and not any("office-building" in k for k in info["icons"])


def test_a_series_named_as_a_range_is_the_charts_axis() -> None:
    _svg, info = _compose("bar chart infographic showing quarterly revenue growth Q1 to Q4 2024, corporate", "16:9")
    assert info["layout"].startswith("infographic-bars")
    assert {"Q1", "Q2", "Q3", "Q4"} <= set(info["set_texts"]) and "Quarterly revenue growth 2024" in info["set_texts"]
    assert not info.get("copy_left_out")
    _svg, info = _compose("line chart of website visitors from 2019 to 2024, blue")
    assert info["layout"].startswith("infographic-line") and "2019" in info["set_texts"] and "2024" in info["set_texts"]
    _svg, info = _compose("infographic of daily steps Monday to Friday, bar chart, green", "4:5")
    assert info["layout"].startswith("infographic-bars") and "Fri" in info["set_texts"]  # a bar chart, not steps
    # no number is invented for them
    assert not [t for t in info["set_texts"] if re.fullmatch(r"[\d.,%$]+", t)]


def test_a_lost_pet_poster_is_a_notice() -> None:
    _svg, info = _compose(
        'lost cat poster "Have you seen Mochi?" orange tabby cat, phone number 555-0142, reward $200', "2:3"
    )
    assert info["layout"] == "poster-notice" and any(k.startswith("fef:cat") for k in info["icons"])
    assert {"Have you seen Mochi?", "reward $200"} <= set(info["set_texts"])
    assert any("555-0142" in t for t in info["set_texts"])
    # a woman's face is a woman, and a party face stays the emoji of it
    assert not noun_icons.resolve("woman face", "stroke")[0].name.startswith("face-mask")  # type: ignore[index]
    assert noun_icons.resolve("party face", "color")[0].name == "partying-face"  # type: ignore[index]


def test_a_luxury_monogram_on_black_is_metal_lines_and_a_liquid_gradient_is_a_mesh() -> None:
    prompt = 'monogram logo "KR" for luxury jewelry brand Kira Rose, rose gold on black, elegant serif'
    for seed in range(1, 9):
        _svg, info = _compose(prompt, seed=seed)
        assert info["layout"].split("-", 1)[1] not in ("disc", "hexagon"), info["layout"]  # no solid plate
    _svg, info = _compose("desktop wallpaper of abstract flowing liquid gradients in purple, pink and orange", "16:9")
    assert info["layout"] == "background-mesh"


def test_style_words_never_become_copy_and_feelings_are_faces() -> None:
    swiss = parse_prompt('Minimal Swiss-style poster for a design conference "FORM 2025", Berlin, June 12–14')
    assert swiss.texts[0] == "FORM 2025" and "Minimal Swiss-style" not in swiss.texts
    assert not parse_prompt("Art Deco poster for a jazz night").texts  # a movement, not a name
    assert parse_prompt("Maple Street Bakery logo").texts == ("Maple Street Bakery",)
    _svg, info = _compose("Emoji of a laughing avocado with tears of joy")
    assert info["icons"] == ["fef:avocado"]  # one character, no tears-of-joy face beside it
