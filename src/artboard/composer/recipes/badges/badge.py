"""The badge recipe: picks the family, the look and the kind of badge (ring seal, rosette, shield, hexagon,
laurel), draws it, then wears it (…-distressed), presses it askew (…-stamped) and fits it into the margins."""

from __future__ import annotations

from artboard.composer.context import Ctx
from artboard.composer.recipes.badges.colour import _look
from artboard.composer.recipes.badges.common import _Art, _fit_into, _mix_seed, _rotate, _safe_box
from artboard.composer.recipes.badges.crest import _hex_badge, _laurel_badge, _shield_badge
from artboard.composer.recipes.badges.lettering import _choose_family, _copy, _style_faces
from artboard.composer.recipes.badges.ornaments import _distress_mask
from artboard.composer.recipes.badges.seal import _ring_badge
from artboard.composer.recipes.badges.sticker import enamel_pin

_BADGE_FACES: dict[str, tuple[str, ...]] = {
    "elegant": ("playfair-display", "dm-serif-display"),
    "vintage": ("alfa-slab-one", "roboto-slab", "oswald", "abril-fatface"),
    "retro": ("righteous", "alfa-slab-one", "bebas-neue"),
    "playful": ("fredoka", "righteous"),
    "minimal": ("montserrat", "dm-sans", "space-grotesk"),
    "geometric": ("montserrat", "space-grotesk"),
    "tech": ("space-grotesk", "unbounded"),
    "bold": ("archivo-black", "anton", "oswald"),
    "corporate": ("montserrat", "inter"),
    "typographic": ("bebas-neue", "oswald", "alfa-slab-one"),
    "hand_drawn": ("permanent-marker", "alfa-slab-one"),
}
_BADGE_ORDER = (
    "minimal",
    "elegant",
    "vintage",
    "retro",
    "playful",
    "typographic",
    "bold",
    "tech",
    "corporate",
    "geometric",
    "hand_drawn",
)
_BADGE_DEFAULT = ("oswald", "alfa-slab-one", "montserrat", "archivo-black", "roboto-slab")


def _variant_for(ctx: Ctx) -> str:
    words, rng = ctx.brief.words, ctx.rng
    prompt = ctx.brief.prompt.lower()
    if words & {"shield", "crest", "heraldic", "coat"}:
        return "shield"
    if words & {"hexagon", "hexagonal", "hex"}:
        return "hexagon"
    if words & {"rosette", "rosettes"}:
        return "rosette"
    if ctx.brief.team:
        return rng.choice(["shield", "shield", "ring"])  # a team's crest
    if words & {"laurel", "wreath"}:
        return "laurel"  # a laurel said is the badge's own wreath, before any shape its occasion suggests
    if words & {"award", "winner", "champion", "prize", "achievement", "champions"}:
        return rng.choice(["laurel", "rosette", "laurel", "ring"])
    if words & {"circular", "circle", "round", "roundel", "seal", "stamp"} or "seal" in prompt:
        return "ring"
    if "patch" in words or "patches" in words:
        return rng.choice(["ring", "hexagon", "shield", "ring"])
    if ctx.brief.has("minimal"):
        return rng.choice(["ring", "ring", "laurel", "hexagon"])
    return rng.choices(["ring", "shield", "hexagon", "laurel"], weights=[0.46, 0.2, 0.16, 0.18])[0]


def badge(ctx: Ctx) -> str:
    _mix_seed(ctx, "badge")
    b = ctx.brief
    pin = enamel_pin(ctx)
    if pin is not None:
        return pin
    longest = max((len(t) for t in (*b.texts, b.tagline or "")), default=0)
    _choose_family(ctx, _style_faces(ctx, _BADGE_ORDER, _BADGE_FACES, _BADGE_DEFAULT), longest)
    look = _look(ctx)
    variant = _variant_for(ctx)
    copy = _copy(ctx)
    art = _Art(halo=ctx.short * 0.012)
    if variant == "shield":
        layout = _shield_badge(ctx, art, look, copy)
    elif variant == "hexagon":
        layout = _hex_badge(ctx, art, look, copy)
    elif variant == "laurel":
        layout = _laurel_badge(ctx, art, look, copy)
        # The wreath the prompt names is the badge's own ("a laurel wreath and a running shoe"): drawn, not left out.
        said = [x for x in ctx.brief.subjects if x.split()[-1] in ("wreath", "laurel", "laurels")]
        if said:
            kept = [x for x in ctx.info.pop("left_out", []) if x not in said]
            if kept:
                ctx.info["left_out"] = kept
            ctx.info.setdefault("drawn", []).extend({"concept": x, "icon": "badge:laurel"} for x in said)
    else:
        layout = _ring_badge(ctx, art, look, copy, rosette=variant == "rosette")
    if look.distress:
        art.distress(*_distress_mask(ctx, ctx.width / 2, ctx.height / 2, ctx.short * 0.44), ctx.short * 0.012)
        layout += "-distressed"
        ctx.info["worn"] = True  # its own wear: no grunge finish over it
    if ctx.brief.words & {"stamp", "stamped", "rubber"}:
        # a rubber stamp is pressed a little askew
        art.transform(_rotate(ctx.rng.choice([-1, 1]) * ctx.rng.uniform(4, 9), ctx.width / 2, ctx.height / 2))
        layout += "-stamped"
    _fit_into(art, _safe_box(ctx, 0.065))
    art.emit(ctx.canvas.group("badge"))
    return f"badge-{layout}"
