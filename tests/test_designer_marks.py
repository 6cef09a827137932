"""What a designer draws for a business's medium, copy cues, plural colours, merged marks, line logos, sunset
stickers and venue names (the 9th session's contact sheets). Real compositions, checked through the brief, the
manifest and the SVG."""

from __future__ import annotations

import io
import random
import re
from typing import Any

import numpy as np
import pytest
from PIL import Image

from artboard.colors import oklch
from artboard.composer import compose, parse_prompt
from artboard.composer.arrange import plan_group
from artboard.composer.colour_words import find_colours
from artboard.composer.group_mark import composite_icon
from artboard.render import render_png
from artboard.spec import make_spec


def _compose(prompt: str, aspect: str = "1:1", seed: int = 7) -> tuple[str, dict[str, Any]]:
    return compose(make_spec(prompt, aspect_ratio=aspect, format="svg"), seed=seed)


def test_a_business_medium_is_not_its_picture() -> None:
    assert parse_prompt("banner for a coffee subscription service").subjects == ("coffee",)
    brief = parse_prompt('logo for an electric car charging network, "VoltPoint", green and black')
    assert brief.subjects == ("electric car charging",) and brief.relations == ()
    _svg, info = _compose('logo for an electric car charging network, "VoltPoint", green and black')
    assert any("ev-" in k for k in info["icons"])
    thumb = parse_prompt('youtube thumbnail for a cooking video, "Easy Pasta in 10 Minutes", bold')
    assert thumb.subjects[0] == "pasta"
    _svg, info = _compose('youtube thumbnail for a cooking video, "Easy Pasta in 10 Minutes", bold', "16:9")
    assert any("pasta" in k or "spaghetti" in k for k in info["icons"])  # the glyph, or the colour art's plate
    # a title that names no thing draws the channel's theme, never a word of the title
    assert parse_prompt('youtube thumbnail for a travel vlog, "I Quit My Job to Travel"').subjects == ("travel",)


def test_copy_cues_and_shape_words_are_never_things() -> None:
    banner = parse_prompt('hero banner, warm browns, headline "Fresh beans, every month"')
    assert "headline" not in banner.subjects and banner.color_names == ("warm browns",)
    assert parse_prompt('t-shirt with a skull, text "Stay Wild"').subjects == ("skull",)
    badge = parse_prompt('badge for a coding bootcamp graduate, "Certified Developer", shield shape')
    assert badge.subjects == ("coding bootcamp graduate",)
    logo = parse_prompt('line style logo for a yoga studio "Still Point", horizontal')
    assert logo.subjects == ("yoga",) and logo.has("line")
    nook = parse_prompt(
        "bookstore logo: an open book with a cup of tea. name: The Reading Nook. colors: burgundy and cream"
    )
    assert nook.texts == ("The Reading Nook",) and {"open book", "cup of tea"} <= set(nook.subjects)
    assert "cream" not in nook.subjects  # "colors: burgundy and cream" is the palette


def test_plural_colour_families() -> None:
    names = [m.name for m in find_colours("soft blues and greens, deep reds")]
    assert names == ["blue", "green", "red"]
    assert find_colours("oranges and lemons") == []  # fruit, not a family of shades


def test_two_things_one_with_a_solid_body_merge_into_one_mark() -> None:
    brief = parse_prompt('logo for a plumbing company "FlowFix", a wrench and a water drop, blue')

    class _Ctx:
        pass

    ctx: Any = _Ctx()
    ctx.brief, ctx.info, ctx.rng, ctx.mark = brief, {}, random.Random(1), None
    group = plan_group(ctx, "fill", scene=False)
    assert group.relation == "merged" and [p.concept for p in group.placed] == ["water", "wrench"]
    mark = composite_icon(group)
    assert mark is not None and mark.key == "group:mdi:water+mdi:wrench"
    # neither has a body to cut into: they stay side by side
    ctx.brief, ctx.mark = parse_prompt("logo, a tooth and a sparkle"), None
    assert plan_group(ctx, "fill", scene=False).relation != "merged"


def _dark_share(prompt: str, seed: int) -> tuple[str, float]:
    spec = make_spec(prompt, format="svg")
    svg, info = compose(spec, seed=seed)
    grey = np.asarray(Image.open(io.BytesIO(render_png(svg, 256, 256))).convert("L"))
    return info["layout"], float((grey < 100).mean())


def test_a_line_logo_frames_its_symbol_in_a_ring() -> None:
    # seed 2 draws the enclosed lockup: a ring and an outline glyph hold far less ink than a solid frame
    line_layout, line_ink = _dark_share('minimal line logo for an architecture firm, "Arc & Beam", black', 2)
    solid_layout, solid_ink = _dark_share('minimal logo for an architecture firm, "Arc & Beam", black', 4)
    assert line_layout == solid_layout == "stacked-enclosed"
    assert line_ink < solid_ink * 0.6


def test_a_sunset_sticker_is_a_striped_sun_with_a_silhouette() -> None:
    svg, info = _compose("retro 70s sunset sticker with a palm tree")
    assert info["layout"].startswith("sticker-circle-sunset")
    assert info["icons"] == ["mdi:palm-tree"] and {"concept": "sunset", "icon": "scene:sunset"} in info["drawn"]
    _svg, surfer = _compose('sticker of a surfer at sunset, "Endless Summer"')
    assert surfer["layout"].startswith("sticker-circle-sunset") and surfer["icons"] == ["mdi:surfing"]
    assert len(set(re.findall(r'fill="(#[0-9a-f]{6})"', svg))) >= 5  # the stripes run light to deep


def test_venue_names_and_bands_are_not_figures() -> None:
    brief = parse_prompt('concert poster for an indie band "The Paper Kites", May 20, The Fillmore')
    assert "fillmore" not in brief.subjects
    _svg, info = _compose('concert poster for an indie band "The Paper Kites", May 20, The Fillmore', "2:3")
    assert "stage" not in info["layout"] and "The Fillmore" in " ".join(info["set_texts"])


def test_labels_recipe_cards_and_flat_icons() -> None:
    assert parse_prompt('label for a jar of honey, "Wildflower Honey", 12 oz, bee illustration').subjects == (
        "honey",
        "bee",
    )
    card = parse_prompt("recipe card for banana bread with an illustration of bananas")
    assert card.texts == ("Banana Bread",)
    _svg, info = _compose("icon of a rocket launching, flat style, orange and navy")
    assert info["layout"] == "icon-backdrop" and info["icons"] == ["ph:rocket-fill"]


def test_comparisons_counts_and_timelines_set_only_what_is_given() -> None:
    from artboard.composer.recipes.graphics.compare import pairs
    from artboard.composer.recipes.graphics.counts import count_of
    from artboard.composer.recipes.graphics.timeline import milestones

    assert pairs("infographic comparing coffee vs tea: caffeine high vs low") == [
        ("coffee", "tea"),
        ("caffeine high", "low"),
    ]
    assert pairs("iPhone vs Android comparison") == [("iPhone", "Android")]
    _svg, info = _compose("comparison infographic: cats vs dogs, independent vs loyal, quiet vs playful", "4:3")
    assert info["layout"] == "infographic-compare-2"
    assert {"Cats vs Dogs", "independent", "loyal", "quiet", "playful"} <= set(info["set_texts"])
    assert {"mdi:cat", "mdi:dog"} <= set(info["icons"])

    count = count_of("infographic: daily water intake, 8 glasses a day")
    assert count is not None and (count.number, count.things, count.period) == (8, "glasses", "a day")
    svg, info = _compose("infographic: daily water intake, 8 glasses a day", "4:3")
    assert info["layout"] == "infographic-count-8" and len(set(re.findall(r'id="(pictogram-\d+)"', svg))) == 8
    assert "8" in info["set_texts"] and not any(t.endswith("%") for t in info["set_texts"])  # nothing invented
    _svg, steps = _compose("infographic: walk 10,000 steps a day for better health", "9:16")
    assert steps["layout"] == "infographic-count-symbol"

    assert milestones("product roadmap: Q1 2026 beta launch, Q2 2026 mobile app") == [
        ("Q1 2026", "beta launch"),
        ("Q2 2026", "mobile app"),
    ]
    _svg, info = _compose("product roadmap: Q1 2026 beta launch, Q2 2026 mobile app, Q3 2026 integrations", "9:16")
    assert info["layout"] == "infographic-timeline-down-3" and "Product roadmap" in info["set_texts"]
    assert info["type"] == "infographic"
    _svg, story = _compose("our story: 1998 first shop opens, 2005 second location, 2012 online store", "16:9")
    assert story["type"] == "infographic" and story["layout"].startswith("infographic-timeline")


def test_counted_marks_and_certificates() -> None:
    _svg, info = _compose('badge for a 5-star rating, "Top Rated 2027", gold')
    assert info["icons"].count("mdi:star") == 5
    _svg, hearts = _compose('two hearts logo for a dating app "Pair", red')
    assert hearts["icons"] == ["mdi:heart", "mdi:heart"]
    _svg, cert = _compose("certificate of achievement for Sarah Lee, employee of the month, gold border", "2:3")
    assert cert["layout"] == "card-certificate" and "Sarah Lee" in cert["set_texts"]
    assert "presented to" in [t.lower() for t in cert["set_texts"]]


def test_watercolour_washes_the_picture_and_leaves_the_lettering_crisp() -> None:
    svg, info = _compose("thank you card with a loose watercolor-ish bouquet, 'Thank You' in script", "4:5")
    assert info["finish"] == "watercolour" and "<feTurbulence" in svg
    washed = re.findall(r'<g id="([^"]+)"[^>]*filter="url\(#wash\d+\)"', svg)
    assert washed and not any(name in ("headline", "text") for name in washed)
    # the lettering groups carry no filter, and the flat paper under everything is not washed
    assert not re.search(r'<g id="(?:headline|text)"[^>]*filter=', svg)
    assert not re.search(r'<g id="background"[^>]*filter=', svg)
    # a logo in watercolour stays a clean mark; a fixed palette is a guarantee no wash may break
    assert "finish" not in _compose("watercolor logo for a florist called Bloom")[1]
    spec = make_spec("watercolour illustration of a fox", format="svg", palette="#112233,#ddeeff,#aa5500")
    assert "finish" not in compose(spec, seed=1)[1]


def test_panel_c_readings() -> None:
    # what the phrase means, not the word's first sense or a glyph named by it
    assert (
        _compose('Logo for "Tidewater Kayaks", a kayak paddle crossing a wave', "3:2")[1]["icons"][0] == "mdi:kayaking"
    )
    assert parse_prompt("Line icon of a shopping cart with a plus sign, black").subjects == (
        "shopping cart",
        "plus sign",
    )
    assert parse_prompt('Flat icon of a rocket launching, for a "deploy" button').subjects == ("rocket launching",)
    cta = parse_prompt('hero banner for "Flowbase", with a call to action button "Start free trial"')
    assert "call" not in cta.subjects and "action button" not in cta.subjects
    assert "swipe" not in parse_prompt('story "Summer Sale", beach vibes, swipe up').subjects
    # a bar chart said is bars, whatever its title says
    _svg, info = _compose(
        'Bar chart of our quarterly revenue: Q1 $120K, Q2 $145K, Q3 $180K, title "Revenue Growth"', "16:9"
    )
    assert info["layout"].startswith("infographic-bars")
    # each step keeps its own icon in its own place; the rest are plain process glyphs
    _svg, steps = _compose(
        "Infographic: 1 no screens before bed, 2 cool dark room, 3 limit caffeine, 4 wind-down routine", "9:16"
    )
    assert steps["icons"][0] == "mdi:bed" and steps["icons"][2] == "mdi:coffee" and "clock" in steps["icons"][3]


def test_long_quoted_copy_and_business_modifiers() -> None:
    label = parse_prompt(
        'Coffee bag packaging label "Highland Roast — Ethiopia Yirgacheffe, medium roast, notes of blueberry '
        'and jasmine", earthy minimal'
    )
    assert label.texts[:2] == ("Highland Roast", "Ethiopia Yirgacheffe") and label.subjects[0] == "coffee"
    salon = parse_prompt('logo for a dog grooming salon "Scrub-a-Pup", a cartoon dog in a bubble bath, pink')
    assert salon.subjects == ("dog", "bubble bath")
    assert [t.noun for t in parse_prompt("an astronaut looking at a giant radio dish").things][-1] == "radio dish"


def test_pastel_prints_colour_lists_and_glossy_icons() -> None:
    svg, _info = _compose("Seamless pattern of tiny cats and yarn balls, pastel, for kids fabric")
    fills = set(re.findall(r'fill="#([0-9a-f]{6})"', svg))
    # soft colours only: no motif printed near black (the cats were black silhouettes)
    assert fills and min(oklch((int(f[:2], 16), int(f[2:4], 16), int(f[4:], 16)))[0] for f in fills) > 0.45
    slide = parse_prompt("Abstract geometric background with overlapping triangles in navy, teal and coral for a slide")
    assert "coral" in slide.color_names and "coral" not in slide.subjects
    _svg, icon = _compose('App icon for a budgeting app called "Penny": a piggy bank, mint green, glossy')
    assert icon["layout"].endswith("-glossy")


def test_a_hand_holding_a_thing_is_an_open_palm_under_it() -> None:
    _svg, mark = _compose('Logo for "Green Thumb Gardens", a hand holding a sprout, forest green')
    assert mark["icons"][:2] == ["mdi:hand-extended", "mdi:sprout"]
    _svg, scene = _compose("illustration of a hand holding a coffee cup", "3:2")
    assert "fef:palm-up-hand" in scene["icons"] and not any("holding-hands" in k for k in scene["icons"])


def test_panel_d_copy_and_colour() -> None:
    market = parse_prompt('poster for a farmers market "Fresh Sundays" every Sunday 9–1 at Riverside Park')
    assert "every Sunday 9–1" in [d.text for d in market.details]
    beer = parse_prompt('label for a craft beer "Hoppy Trails IPA" 6.5% ABV, hiking boots and hops')
    assert "6.5% ABV" in [d.text for d in beer.details]
    run = parse_prompt('poster for a 5K run "Run for Hope", May 18, runner silhouette, energetic orange')
    assert run.color_names == ("orange",) and "orange" not in run.subjects


def test_a_swap_is_an_event_about_its_thing_and_marigolds_are_flowers() -> None:
    _svg, info = _compose("flyer for a book swap at Maple Library, Saturday 10am-1pm, bring a book take a book", "2:3")
    assert any("book" in k for k in info["icons"])
    _svg, card = _compose("wedding save the date, Priya & Arjun, 14.02.2028, Jaipur, marigolds, pink and orange", "4:5")
    assert not any("wilted" in k for k in card["icons"])


def test_a_badges_own_laurel_is_not_reported_left_out() -> None:
    prompt = 'badge for a marathon finisher, "Boston 2027", laurel wreath and a running shoe, gold'
    for seed in range(1, 12):
        _svg, info = _compose(prompt, seed=seed)
        if info["layout"].startswith("badge-laurel"):
            assert "laurel wreath" not in info.get("left_out", []) and not info.get("warnings")
            assert {"concept": "laurel wreath", "icon": "badge:laurel"} in info["drawn"]
            return
    raise AssertionError("no laurel badge in eleven seeds")


def test_every_id_in_a_design_is_used_once() -> None:
    prompts = (
        "seamless pattern of lemons and leaves",
        "flyer for a yard sale this Saturday 8am-2pm, 42 Oak Street",
        "illustration of a family having a picnic in the park",
    )
    for prompt in prompts:
        svg, _info = _compose(prompt)
        ids = re.findall(r' id="([^"]+)"', svg)
        assert len(ids) == len(set(ids)), prompt
        # what a url(#…) points at is still there
        assert all(ref in ids for ref in re.findall(r"url\(#([^)]+)\)", svg))


def test_a_part_the_thing_has_is_drawn_as_one_picture_of_it() -> None:
    _svg, info = _compose("icon of a planet with a ring, flat style")
    assert [k for k in info["icons"] if "planet" in k] and not [k for k in info["icons"] if "ring" in k.split(":")[1]]
    _svg, info = _compose('badge for "Best Coffee in Town 2026", coffee cup with steam, gold and black')
    assert any("hot-beverage" in k for k in info["icons"]) and not any("kettle" in k for k in info["icons"])
    _svg, info = _compose("icon of a plant pot with a succulent, line style")
    assert any("potted-plant" in k for k in info["icons"])  # not a cooking pot beside a sprout
    assert "left_out" not in info


def test_a_thing_keeps_its_own_colour_on_a_ground_of_that_colour() -> None:
    svg, info = _compose("seamless pattern of lemons and leaves on a pale yellow background")
    assert info["icons"][0].endswith("lemon")
    first_motif = re.search(r'<g id="motif-2"[^>]*fill="(#[0-9a-f]{6})"', svg)  # the first motif: a lemon
    assert first_motif
    value = first_motif.group(1)
    _lightness, chroma, hue = oklch(tuple(int(value[i : i + 2], 16) for i in (1, 3, 5)))
    assert 70 <= hue <= 115 and chroma > 0.08, (value, hue)  # a deeper yellow, never teal


def test_a_container_with_a_design_word_is_that_design_not_a_label() -> None:
    assert parse_prompt("olive oil bottle label").design_type == "label"
    assert parse_prompt("kombucha can design, tropical").design_type == "label"
    assert parse_prompt("sticker of a water bottle with stars").design_type == "sticker"


def test_copy_and_things_a_designer_would_not_lose() -> None:
    brief = parse_prompt('wedding save the date card "Emma & Liam" 09.14.2027 Napa Valley, with grapevines')
    assert {(d.kind, d.text) for d in brief.details} >= {("date", "09.14.2027"), ("venue", "Napa Valley")}
    assert brief.subjects == ("grapevine",)  # the valley is where, not a thing to draw
    assert parse_prompt("thank you card with a bouquet of flowers").subjects == ("bouquet of flowers",)
    _svg, info = _compose("menu board for a coffee shop: Espresso $3, Latte $4.50, Cappuccino $4, Mocha $5")
    assert info["set_texts"][0] == "Coffee Shop"  # the first dish is no title
    _svg, info = _compose('youtube thumbnail "I Tried 7 Days of Cold Showers" with a shocked face and ice', "16:9")
    assert "fef:astonished-face" in info["icons"]  # the look said is the emoji's
    _svg, info = _compose("set of 8 flat icons for a restaurant website: menu, reservation, delivery, chef, wine, "
                          "dessert, location, phone")  # fmt: skip
    assert info["layout"] == "icon-set-4x2" and "left_out" not in info


def test_a_country_flag_is_drawn_as_that_flag() -> None:
    from artboard.composer.flags import flag_icon

    for said, key in (("American flag", "flag:american"), ("flag of Japan", "flag:japan"),
                      ("Italian flag", "flag:italian"), ("rainbow flag", "flag:rainbow")):  # fmt: skip
        brief = parse_prompt(f"sticker with the {said}")
        assert flag_icon(brief.subjects[0]) is not None and flag_icon(brief.subjects[0]).key == key, brief.subjects
    assert flag_icon("red flag") is None and flag_icon("flag") is None  # a flag no country owns is the glyph's
    svg, info = _compose('sticker "I Voted" with an American flag')
    assert "flag:american" in info["icons"] and "#b22234" in svg and "#3c3b6e" in svg
    brief = parse_prompt('poster for a World Cup watch party, Brazil flag, "Brasil vs Japan" June 20')
    assert "world cup" in brief.subjects and "Brazil flag" not in brief.phrases  # no wristwatch, no copy line


def test_what_panel_e_found_lost_is_read_and_set() -> None:
    brief = parse_prompt("poster for a farmers market every Sunday 8am–noon, Main Street, fresh produce")
    assert any(d.text == "every Sunday 8am–noon" for d in brief.details) and "noon" not in brief.subjects
    brief = parse_prompt("infographic of our 2024 results: revenue $4.2M, 38% growth, 12,000 customers")
    assert [f.text for f in brief.figures] == ["$4.2M", "38%", "12,000"] and brief.figures[0].label == "revenue"
    _svg, info = _compose("birthday party invitation for Emma turning 5, unicorn theme, Saturday June 14, 2pm, "
                          "22 Oak Lane, RSVP to Kate")  # fmt: skip
    assert "turning 5" in info["set_texts"] and "copy_left_out" not in info
    brief = parse_prompt('infographic "How to brew": 1 grind 20g beans, 2 rinse filter, 3 bloom 30 seconds, 4 wait')
    assert brief.items[:2] == ("grind 20g beans", "rinse filter") and not brief.figures  # steps, not a chart
    assert "book" not in parse_prompt("yoga retreat flyer, from $1,200, book at breatherenew.com").subjects
    juice = parse_prompt('packaging label for a cold pressed juice "Green Machine" kale, apple, ginger, bright green')
    assert "apple" in juice.subjects and juice.color_names == ("bright green",)
    assert parse_prompt("sticker of a cat, lavender and peach").color_names == ("lavender", "peach")
    _svg, info = _compose("emoji face melting from the heat, yellow, glossy")
    assert info["icons"] == ["fef:melting-face"]
    _svg, info = _compose("geometric seamless pattern, hexagons in mustard, teal and off-white")
    assert "mdi:professional-hexagon" not in info["icons"]  # no lettered glyph as a motif


def test_a_name_a_surface_and_a_metal_as_a_designer_reads_them() -> None:
    _svg, info = _compose('flat geometric logo for a yoga studio named "Lotus Flow", soft lavender and gold')
    assert "fe:lotus" in info["icons"]  # the name's flower, not a stick figure doing yoga
    assert parse_prompt('logo for "Maple Street Bakery", a croissant').subjects[0] == "croissant"
    _svg, info = _compose("iOS app icon for a meditation app, crescent moon over calm water, indigo to pink")
    assert any("waves" in k for k in info["icons"]) and not any(k.endswith(":water") for k in info["icons"])
    brief = parse_prompt('monogram logo letter "M" for a luxury hotel, art deco style, black and brass')
    assert brief.color_names == ("black", "brass") and "brass" not in brief.subjects
    assert "brass band" in " ".join(parse_prompt("poster for a brass band concert").subjects)
    brief = parse_prompt("filled icon of a house with a heart inside, coral")
    assert [(r.kind, brief.things[r.a].noun, brief.things[r.b].noun) for r in brief.relations] == [
        ("inside", "heart", "house")
    ]
    _svg, info = _compose("icon set for a fitness app: dumbbell, water bottle, stopwatch, chart going up")
    assert "mdi:baby-bottle" not in info["icons"] and "mdi:one-up" not in info["icons"]


def test_an_animal_doing_a_sport_rides_its_board_and_a_sleeper_sleeps() -> None:
    thing = parse_prompt("sticker of a skateboarding frog").things[0]
    assert (thing.noun, thing.doing) == ("frog", "skateboarding")
    _svg, info = _compose("sticker of a skateboarding frog, grunge style")
    assert {"fef:skateboard", "fef:frog"} <= set(info["icons"]) and info["finish"] == "grunge"
    _svg, info = _compose("sticker of a sleeping cat on a stack of books")
    assert "fef:zzz" in info["icons"]  # the Zzz says what the cat's open-eyed picture cannot
    _svg, info = _compose("sticker of a cat on a stack of books")
    assert "fef:zzz" not in info["icons"]


def test_brands_named_are_drawn_as_their_marks_and_never_found_by_search() -> None:
    from artboard.composer import icons
    from artboard.composer.brands import brand_icon

    _svg, info = _compose("set of 5 social media icons: instagram, facebook, twitter, youtube, tiktok, black")
    assert info["icons"] == ["brand:instagram", "brand:facebook", "brand:twitter", "brand:youtube", "brand:tiktok"]
    _svg, info = _compose('banner "Follow us on Instagram @sweetcrumbs" with the instagram logo, pink', "16:9")
    assert "brand:instagram" in info["icons"]
    _svg, info = _compose("an apple and a pear, flat icon")
    assert not any(k.startswith("brand:") for k in info["icons"])  # fruit, not a company
    assert brand_icon("apple") is None and brand_icon("apple logo") is not None
    assert not any(k.startswith("brand:") for k in icons.all_icon_keys())  # the search never sees them


def test_a_line_asking_the_reader_draws_nothing_and_versus_figures_compare() -> None:
    brief = parse_prompt('poster for a halloween party "Spooky Night" October 31, costumes required, pumpkins')
    assert "costume" not in brief.subjects and "costumes required" in brief.phrases
    _svg, info = _compose("infographic comparing cats vs dogs: lifespan 15 vs 12 years, cost $1000 vs $1500 per year")
    assert info["layout"].startswith("infographic-compare")  # two columns, not stat tiles labelled "vs"
    assert {"Cats", "Dogs", "$1500 per year"} <= set(info["set_texts"])


def test_an_art_deco_monogram_is_framed_in_deco() -> None:
    _svg, info = _compose('monogram logo letter "M" for a luxury hotel, art deco style, black and brass')
    assert info["layout"] == "monogram-deco" and info["set_texts"] == ["M"]
    assert "icons" not in info or not info["icons"]  # the fan crowns it: no hotel bed glyph over the letter


def test_a_rocket_ship_a_wishlist_and_a_book_club_meeting() -> None:
    from artboard.composer.noun_icons import resolve_in

    assert resolve_in("rocket ship", "fill")[0].name == "rocket"  # type: ignore[index]  # never the ship's wheel
    assert "heart" in resolve_in("wishlist", "fill")[0].name  # type: ignore[index]
    brief = parse_prompt('poster for a book club meeting "The Page Turners" first Thursday monthly at Maple Library')
    assert brief.subjects == ("book",) and brief.event == "Book Club Meeting"  # no Thursday to draw


def test_the_lettering_takes_the_colour_asked_where_it_reads() -> None:
    prompt = 'youtube thumbnail "I Tried 30 Days of Cold Showers" shocked face, bold yellow text, blue background'
    assert parse_prompt(prompt).text_color is not None
    svg, _info = _compose(prompt, "16:9")
    headline = svg[svg.index('id="headline"') :]
    fill = headline[headline.index('fill="#') + 6 : headline.index('fill="#') + 13]
    assert oklch(tuple(int(fill[i : i + 2], 16) for i in (1, 3, 5)))[2] == pytest.approx(90, abs=25)  # yellow
    assert parse_prompt("logo for Blue Harbor Coffee").text_color is None


def test_what_panel_f_found_taken_too_literally() -> None:
    brief = parse_prompt('YouTube thumbnail "I Tried 30 Days" shocked face, bold yellow text, high contrast')
    assert "contrast" not in brief.subjects and "high contrast" not in brief.phrases
    brief = parse_prompt('banner for an online course "Learn Python", laptop with code, enroll now button')
    assert "enroll now" in brief.phrases and not any("button" in p for p in brief.phrases)
    assert parse_prompt("app icon for a budget tracker, piggy bank, green gradient, glossy 3D").subjects == ("piggy",)
    assert "hand" not in parse_prompt('sticker "Coffee First" with a steaming mug, hand lettering').subjects
    assert "hand" in parse_prompt("sticker of a hand holding a heart").subjects
    _svg, info = _compose('vintage logo for "Iron & Oak Barbershop", crossed straight razor and comb, est. 2014')
    assert any("razor" in k for k in info["icons"]) and not any("heart" in k for k in info["icons"])
    _svg, info = _compose('app icon for a note-taking app called "Jot", pencil over paper, yellow')
    assert not any("paper-roll" in k or "paper-plane" in k for k in info["icons"])
    _svg, info = _compose('infographic "Recycling Basics": paper 68% recycled, plastic 9%, glass 31%', "2:3")
    assert {"68%", "9%", "31%"} <= set(info["set_texts"])  # the figures charted, not a loop without them


def test_a_flat_icon_glyph_never_vanishes_into_its_disc() -> None:
    from artboard.colors import contrast_ratio

    checked = 0
    for seed in range(1, 9):
        svg, info = _compose("icon of a graduation cap, flat, navy and gold", seed=seed)
        if info["layout"] != "icon-backdrop":
            continue
        checked += 1
        disc = re.search(r'<circle[^>]*fill="(#[0-9a-f]{6})"', svg)
        glyph = re.search(r'<g id="symbol"[^>]*fill="(#[0-9a-f]{6})"', svg)
        assert disc and glyph
        rgb = [tuple(int(m.group(1)[i : i + 2], 16) for i in (1, 3, 5)) for m in (disc, glyph)]
        assert contrast_ratio(rgb[0], rgb[1]) >= 1.3  # type: ignore[arg-type]
    assert checked, "no seed drew the disc backdrop"
