"""What the 15th session's contact sheets found: an icon set's members listed after a comma, a lexicon phrase drawn
by its first word (a heart for a heart rate), the northern lights drawn as a light bulb. Real compositions, checked
through the brief, the manifest and the SVG."""

from __future__ import annotations

from typing import Any

from artboard.composer import compose, parse_prompt
from artboard.composer.icon_lookup import find_member
from artboard.spec import make_spec


def _compose(prompt: str, aspect: str = "1:1", seed: int = 4) -> tuple[str, dict[str, Any]]:
    return compose(make_spec(prompt, aspect_ratio=aspect, format="svg"), seed=seed)


def _drawn(info: dict[str, Any]) -> set[str]:
    return {d["concept"] for d in info.get("drawn", [])}


def test_a_sets_members_after_a_comma_are_its_items_and_its_look_ends_them() -> None:
    prompt = "set of 8 weather icons, sun, cloud, rain, snow, thunderstorm, wind, fog, rainbow, line style"
    brief = parse_prompt(prompt)
    assert brief.items == ("sun", "cloud", "rain", "snow", "thunderstorm", "wind", "fog", "rainbow")
    assert parse_prompt(prompt.replace("icons,", "icons:")).items == brief.items
    assert parse_prompt("flat icons, blue and white").items == ()
    _svg, info = _compose(prompt)
    assert len(info["icons"]) == 8
    assert any("lightning" in key for key in info["icons"]) and any("fog" in key for key in info["icons"])


def test_a_lexicon_phrase_is_read_as_one_glyph_before_its_words() -> None:
    member = find_member("heart rate", "heart rate", "fill")
    assert member is not None and member.icon.name == "heart-pulse"
    member = find_member("water bottle", "water bottle", "line")
    assert member is not None and "bottle" in member.icon.name


def test_the_northern_lights_are_the_sky_never_a_light_bulb() -> None:
    for prompt, aspect in (
        ("Northern lights over a snowy cabin in the woods, digital illustration", "16:9"),
        ("poster of a wolf howling under the northern lights, 'Wild North'", "2:3"),
        ("fox sleeping in the snow under the northern lights", "1:1"),
    ):
        svg, info = _compose(prompt, aspect, seed=7)
        assert not any("bulb" in key or "aurora" in key for key in info.get("icons", [])), (prompt, info["icons"])
        assert 'id="aurora' in svg or "aurora" in svg, prompt
        assert "northern lights" in _drawn(info), prompt


def test_a_tattoo_is_flash_on_paper_with_its_words_on_a_ribbon() -> None:
    prompt = 'Tattoo flash style swallow with a banner that says "MOM"'
    assert parse_prompt(prompt).design_type == "illustration"  # the banner is a part, not the design
    svg, info = _compose(prompt, seed=7)
    assert info["layout"] == "tattoo-flash-banner" and info["icons"] == ["abc:swallow"]
    assert info["finish"] == "tattoo" and info["set_texts"] == ["MOM"]
    assert "banner" in _drawn(info) and "#f2e6cc" in svg  # the shop's cream paper
    _svg, info = _compose("tattoo flash sheet: dagger, rose, swallow, skull, anchor, heart", seed=7)
    assert info["layout"] == "tattoo-flash-sheet" and len(info["icons"]) == 6


def test_a_swallow_is_the_bird_and_a_hose_has_a_glyph() -> None:
    from artboard.composer.noun_icons import resolve

    hit = resolve("swallow", "fill")
    assert hit is not None and "bird" in hit[0].name  # not a measure (a swallow of milk)
    hit = resolve("fire hose", "fill")
    assert hit is not None and hit[0].key == "ab:hose-fill"
    assert parse_prompt("web banner for a bakery").design_type == "banner"


def test_things_crossed_lie_across_each_other() -> None:
    _svg, info = _compose('logo with a hammer and a wrench crossed, "Fix It Pros", navy and yellow', seed=7)
    assert {"mdi:hammer", "mdi:wrench"} <= set(info["icons"])
    from artboard.composer.crossed import _axis, crossed_group

    brief = parse_prompt("logo with a hammer and a wrench crossed")
    group = crossed_group(brief, brief.things, "fill")
    assert group is not None and group.relation == "crossed" and len(group.placed) == 2
    leans = sorted(_axis(p.icon)[0] for p in group.placed)
    assert abs(leans[0] + 135) < 5 and abs(leans[1] + 45) < 5  # one up to the left, one up to the right
    assert group.placed[0].icon.paths != (), "the back glyph keeps its paint, cut where the front one crosses"
    brief = parse_prompt("crossed swords behind a shield")
    group = crossed_group(brief, brief.things, "fill")
    assert group is not None and [p.concept for p in group.placed][-1] == "shield"
    plain = parse_prompt("a fork and a knife")
    assert crossed_group(plain, plain.things, "fill") is None  # crossed only where the prompt says so


def test_a_label_draws_the_thing_it_names_in_lower_case_and_what_it_is_with() -> None:
    _svg, info = _compose(
        'Label for homemade strawberry jam, a big strawberry, "Grandma\'s Kitchen" and "Strawberry Jam"', "3:4", 7
    )
    assert info["icons"] == ["fe:strawberry"]  # not the kitchen's cooking pot
    _svg, info = _compose('honey jar label "Wildflower Honey" with a bee, raw and local', "3:4", 7)
    assert info["icons"] == ["mdi:bee"]  # what it is with, before the honey pot it labels


def test_banners_and_posters_show_the_things_named_as_pictures() -> None:
    _svg, info = _compose('Banner for a Halloween party, pumpkins and bats, "Spooky Night"', "16:9", 7)
    assert "fef:bat" in info["icons"] and "mdi:sale" not in info["icons"]
    _svg, info = _compose('Cyber Monday sale banner with a laptop, "CYBER MONDAY" and "Up to 60% off"', "16:9", 7)
    assert info["icons"] == ["fef:laptop"]  # the laptop in colour, not a sale tag wearing a laptop badge
    brief = parse_prompt('Poster for a plant swap, potted plants and a watering can, "Green Thumbs Plant Swap"')
    assert not brief.phrases  # the described picture is drawn, never set
    from artboard.composer.noun_icons import resolve_in

    hit = resolve_in("baseball bat", "color")
    assert hit is not None and "bat" in hit[0].name  # not the ball the colour set names first


def test_movement_styles_have_their_palettes_and_lofi_is_a_look() -> None:
    from artboard.composer.colour_words import mood_palette, moods_in

    assert moods_in("Mid-century modern poster") == ("midcentury",)
    assert moods_in("Corporate Memphis style") == ("memphis",)
    assert moods_in("lo-fi wallpaper") == ("lofi",)
    assert mood_palette("midcentury") and mood_palette("memphis") and mood_palette("lofi")
    _svg, info = _compose("Lofi illustration of a girl studying at her desk at night with a cat on the window sill")
    assert not any("guitar" in key for key in info["icons"]) and "lofi" not in info.get("left_out", [])
    _svg, info = _compose("lo-fi wallpaper, a cozy bedroom at night with rain on the window", "16:9", 7)
    assert info["type"] == "background" and info["layout"] == "background-room"


def test_a_lone_figure_is_drawn_large_in_a_cafe_spelt_with_its_accent() -> None:
    from artboard.composer import wordnet

    assert wordnet.is_noun("café") and wordnet.lexnames("café", 1) == wordnet.lexnames("cafe", 1)
    _svg, info = _compose("Barista pouring latte art in a cozy café, flat illustration", "16:9", 7)
    scene = info["scene"]
    assert scene["place"] == "cafe" and [p["concept"] for p in scene["props"]] == ["latte"]  # the café is the place
    _x0, y0, _x1, y1 = scene["figures"][0]["box"]
    assert (y1 - y0) > 0.45 * 768  # the one figure is the picture, not a speck in its room


def test_a_thing_reading_a_book_holds_it_and_a_giant_thing_is_the_posters_picture() -> None:
    brief = parse_prompt('Logo for a bookstore "Paper Moon", a crescent moon reading a book, navy and cream')
    assert "crescent moon" in brief.subjects and any(r.verb == "reading" for r in brief.relations)
    prompt = 'Poster for a coffee festival, a giant coffee cup with steam, "Brew Fest 2026", "May 3-5"'
    _svg, info = _compose(prompt, "2:3", 5)
    assert info["layout"] == "poster-art" and info["icons"] == ["fef:hot-beverage"]  # no steam room, no coffee left
    assert not info.get("left_out")
    from artboard.composer.noun_icons import resolve

    hit = resolve("surfboard", "fill")
    assert hit is not None and hit[0].key == "ab:surfboard"  # not an ironing board


def test_a_thing_named_again_to_draw_is_no_mere_trade_and_a_halo_is_drawn() -> None:
    prompt = 'Logo for a pizza place "Slice of Heaven", a pizza slice with a halo, red and yellow'
    assert parse_prompt(prompt).subjects[:2] == ("pizza", "halo")
    _svg, info = _compose(prompt, seed=3)
    assert info["icons"] == ["mdi:pizza", "ab:halo-fill"]  # not the sunrise "heaven" gave
    _svg, info = _compose("cute sticker of a cat with a halo", seed=3)
    assert "abc:halo" in info["icons"]
    assert parse_prompt("mountain peak logo for an outdoor gear brand").subjects == ("mountain peak",)


def test_a_bouquet_is_three_of_its_flower_fanned_and_a_wordmark_for_a_trade_is_lettering() -> None:
    _svg, info = _compose("a bouquet of roses sticker", seed=3)
    assert info["icons"] == ["fef:rose"] * 3
    _svg, info = _compose('Wordmark logo for a fashion brand "MAISON VERA", elegant serif, black', seed=3)
    assert info["layout"].startswith("wordmark") and not info.get("icons")
    _svg, info = _compose("Wordmark logo for NORTHWIND LOGISTICS, with a small compass star", seed=3)
    assert info["layout"] == "wordmark-mark" and info["icons"]


def test_sunset_colours_said_lead_the_beach_and_a_woman_in_a_pose_is_a_woman() -> None:
    from artboard.composer.colour_words import moods_in

    prompt = 'Instagram post for a yoga retreat, woman in lotus pose on a beach, sunset colors, "Find Your Peace"'
    assert moods_in(prompt)[0] == "sunset"
    _svg, info = _compose(prompt, "4:5", 7)
    assert "fef:woman-in-lotus-position" in info["icons"] and "fef:man-in-lotus-position" not in info["icons"]


def test_a_hot_air_balloon_has_a_colour_picture() -> None:
    from artboard.composer.noun_icons import resolve_in

    hit = resolve_in("hot air balloon", "color")
    assert hit is not None and hit[0].key == "abc:hot-air-balloon"
    _svg, info = _compose("Watercolor illustration of a hot air balloon over green hills", "3:2", 7)
    assert info["icons"] == ["abc:hot-air-balloon"]  # not a dark one-ink glyph over the hills


def test_eucalyptus_and_an_olive_branch_have_colour_pictures() -> None:
    from artboard.composer.noun_icons import resolve_in

    for noun, key in (("eucalyptus", "abc:eucalyptus"), ("eucalyptus leaf", "abc:eucalyptus"),
                      ("olive branch", "abc:olive-branch")):  # fmt: skip
        hit = resolve_in(noun, "color")
        assert hit is not None and hit[0].key == key, noun
    _svg, info = _compose('Wedding invitation, "Emma & James", "June 14, 2027", eucalyptus leaves, sage green', "3:4")
    assert "abc:eucalyptus" in info["icons"]


def test_glyphs_for_an_olive_branch_a_comb_and_a_hop_cone() -> None:
    _svg, info = _compose("LOGO FOR A BARBER SHOP CALLED FADE KINGS, SCISSORS AND COMB", seed=1)
    assert "ab:comb" in info["icons"]
    _svg, info = _compose("logo for Olea, a Greek olive oil brand, olive branch, olive green and gold", seed=1)
    assert info["icons"] == ["ab:olive-branch"]
    _svg, info = _compose("logo for Hoppy Trails Brewing Co., hop cone and a hiking boot, green and tan", seed=1)
    assert "mdi:hops" in info["icons"] and "mdi:cone" not in info["icons"]


def test_an_emoji_set_draws_each_item_and_words_read_in_their_sense() -> None:
    prompt = "A set of 4 reaction emoji for a team chat app: laughing, crying, heart eyes, thinking, yellow faces"
    _svg, info = _compose(prompt, seed=7)
    assert info["layout"] == "emoji-set-4" and len(info["drawn"]) == 4 and not info.get("left_out")
    _svg, info = _compose("emoji set: pizza, taco, burger, sushi, donut, ice cream", seed=7)
    assert len(info["icons"]) == 6
    assert not parse_prompt('Typographic poster with the word "BREATHE" in huge stacked letters').subjects
    from artboard.composer.noun_icons import resolve

    hit = resolve("labrador", "fill")
    assert hit is not None and hit[0].key == "mdi:dog"
    brief = parse_prompt("Gym flyer, 6 weeks, starts Jan 8, Mon/Wed/Fri 6:30am, $99")
    assert "Mon/Wed/Fri 6:30am" in [d.text for d in brief.details] and "start" not in brief.subjects
    brief = parse_prompt("Dental clinic flyer: free kids check-ups during Children's Dental Month")
    assert "FREE KIDS CHECK-UPS" in [d.text for d in brief.details]
    assert parse_prompt("Gift card design for Bean There Café, $25 value, coffee beans pattern").design_type == "card"


def test_outdoor_gear_is_a_backpack_and_a_label_sets_no_container() -> None:
    prompt = '"NORTHWIND" outdoor gear logo: mountain peak with a compass needle on top, forest green and orange'
    _svg, info = _compose(prompt, seed=7)
    assert "ph:gear-fill" not in info["icons"] and "mdi:needle" not in info["icons"]
    _svg, info = _compose("cute cartoon sticker of a red panda riding a skateboard", seed=7)
    assert "fef:panda" not in info["icons"]
    prompt = 'Jar label for "Crumb & Co. Wildflower Honey", 350g, hand-drawn bees and flowers'
    _svg, info = _compose(prompt, "3:4", 7)
    assert "JAR" not in info["set_texts"]


def test_a_mixed_case_term_is_no_name_to_set() -> None:
    from artboard.composer.recipes.layouts.copy_text import _proper_names

    assert _proper_names("flat vector illustration, for a SaaS landing page") == []
    assert _proper_names("a poster for Kyoto with Anna & James") == ["Kyoto", "Anna & James"]


def test_a_figure_walking_an_animal_keeps_the_animal() -> None:
    _svg, info = _compose("a woman walking her dog, sticker", seed=11)
    assert {"fef:dog", "fef:woman-walking"} <= set(info["icons"])
    _svg, info = _compose("a woman working on a laptop, sticker", seed=11)
    assert info["icons"] == ["fef:woman-technologist"]  # a thing the one picture shows stays one picture


def test_a_city_street_wallpaper_is_its_lit_skyline() -> None:
    _svg, info = _compose("Phone wallpaper of a rainy city street at night with neon signs", "9:16", 11)
    assert info["layout"].startswith("background-scene-landscape") and not info.get("icons")
