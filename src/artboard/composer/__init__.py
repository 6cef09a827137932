"""The design composer: prompt (+ seed) → Brief → recipe for the design type → SVG with outlined text.

Each step is a pure function of its inputs and the seed, so the same spec and seed give the same bytes.
"""

from __future__ import annotations

import dataclasses
import functools
import random
import re
from collections.abc import Sequence
from typing import Any

from artboard.colors import RGB, oklch
from artboard.composer import brand, chalkboard, finishes, harmony, registry, typeset
from artboard.composer.brief import Brief, parse
from artboard.composer.canvas import Canvas
from artboard.composer.context import Ctx
from artboard.composer.palettes import scheme_for
from artboard.spec import GenerationSpec

__all__ = ["PHOTOGRAPHIC_WARNING", "Brief", "compose", "copy_left_out", "parse_prompt"]

# The composer draws flat designs: a photographic prompt gets its subject as a flat illustration, and this warning
# (the manifest's `warnings`, every dialect's response, the CLI's stderr) tells the user so.
PHOTOGRAPHIC_WARNING = (
    "photographic prompt: the design composer drew a flat illustration of the subject, not a photograph; "
    "configure a learned backend (diffusers) or an upstream provider for photographs"
)


@functools.lru_cache(maxsize=256)
def parse_prompt(prompt: str) -> Brief:
    return parse(prompt)


def _is_transparent(spec: GenerationSpec, brief: Brief) -> bool:
    if spec.background == "transparent":
        return True
    if spec.background is not None or spec.format == "jpg":
        return False
    return brief.transparent or (brief.design_type == "sticker" and not brief.on_white)


_SOFT = re.compile(r"[^\w$%&+#@/']+")


def _soft(text: str) -> str:
    return " ".join(_SOFT.sub(" ", text.lower().replace("’", "'")).split())


def copy_left_out(brief: Brief, set_texts: Sequence[str]) -> list[str]:
    """The brief's firm copy (names, quoted text, tagline, offers, dates, addresses...) that no set string
    carries, in the prompt's words; line breaks and the punctuation they take are no loss, nor are case changes."""
    hay = _soft(" ".join(set_texts))
    # Phrases and the event are the reader's guesses (a fragment may be a thing to draw): only firm copy counts.
    wanted = [*brief.texts, *([brief.tagline] if brief.tagline else []), *(d.text for d in brief.details)]
    return [
        c
        for c in dict.fromkeys(wanted)
        if _soft(c) and _soft(c) not in hay and _soft(c).replace(" ", "") not in hay.replace(" ", "")
    ]


# A stored style's fill style, as the brief's own style words would set it (registered with the styles, in
# data/words/design.toml).
_FILL_STYLES: dict[str, str] = registry.FILL_STYLES


# artistic_level 0…5 (Recraft's control): from plain to expressive, as the style words that mean it.
_ARTISTIC: dict[int, set[str]] = {level: set(styles) for level, styles in registry.ARTISTIC.items()}


def _styled(brief: Brief, spec: GenerationSpec) -> Brief:
    """The brief with a stored style's fill style and the request's look controls applied (the user's standing
    instructions): no copy at all for `no_text`, the style words an artistic level means."""
    style = spec.style
    if style is None:
        return brief
    styles = set(brief.styles)
    if style.fill_style is not None:
        styles.add(_FILL_STYLES[style.fill_style])
    if style.artistic_level is not None:
        level = _ARTISTIC[style.artistic_level]
        styles = (styles - registry.ARTISTIC_STYLES) | level if level or style.artistic_level in (2, 3) else styles
    brief = dataclasses.replace(brief, styles=frozenset(styles))
    if style.no_text:
        brief = dataclasses.replace(
            brief,
            texts=(),
            tagline=None,
            established=None,
            details=(),
            phrases=(),
            event=None,
            items=() if brief.design_type in ("card", "label") else brief.items,
        )
    return brief


def _style_fonts(spec: GenerationSpec) -> tuple[str, ...]:
    from artboard.composer.fonts import font_families, normalize_family

    if spec.style is None or not spec.style.fonts:
        return ()
    available = set(font_families())
    return tuple(f for f in (normalize_family(name) for name in spec.style.fonts) if f in available)


# A brand kit's logo is the mark of these designs when the prompt names nothing else to draw, and a small
# sign-off in the corner of these (composer/brand.py).
_LOGO_AS_MARK = frozenset({"logo", "badge", "icon", "app_icon", "sticker"})
_LOGO_IN_CORNER = frozenset({"poster", "banner", "card", "label"})


def _logo(spec: GenerationSpec, ctx: Ctx) -> Any:
    """The style's logo as an Icon (its fills in the palette when the palette is fixed), or None."""
    if spec.style is None or not spec.style.logo_svg:
        return None
    palette = tuple(spec.palette) if spec.palette and ctx.scheme.constrained else None
    return brand.logo_icon(spec.style.logo_svg, palette)


def _named_inks(brief: Brief) -> tuple[RGB, RGB] | None:
    """The darkest and the lightest colour the prompt named, as an ink and its paper, when they part enough."""
    named = sorted(brief.design_colors, key=lambda c: oklch(c)[0])
    if len(named) < 1 or oklch(named[0])[0] > 0.5:
        return None
    paper = named[-1] if len(named) > 1 and oklch(named[-1])[0] > 0.8 else (244, 236, 219)
    return named[0], paper


def compose(spec: GenerationSpec, *, seed: int, index: int = 0) -> tuple[str, dict[str, Any]]:
    """One design for `spec` with `seed`: the SVG document and what was chosen (for the manifest)."""
    from artboard.composer.recipes import recipe_for

    brief = _styled(parse_prompt(spec.prompt), spec)
    # String seeds hash through SHA-512 in `random`, so this is stable across processes and PYTHONHASHSEED. The
    # prompt is part of it: with one seed for a whole campaign, different prompts must not all draw the same
    # layout choices (every picture in an arch), while one prompt and seed still give one design.
    finish = finishes.wanted(brief.prompt, brief.design_type) if not spec.palette else None
    if finish == "holographic" and not brief.colors:
        brief = dataclasses.replace(brief, moods=brief.moods | {"pastel"})  # foil reads on pale art, not on dark
    rng = random.Random(f"artboard:{seed}:{spec.prompt}")
    background = spec.background if isinstance(spec.background, tuple) else None
    transparent = _is_transparent(spec, brief)
    chalk = chalkboard.wanted(brief.prompt, brief.design_type) and not spec.palette and background is None
    # "chalkboard style menu": slate, chalk and a hand, whatever the recipe.
    scheme = chalkboard.scheme(brief.colors) if chalk else scheme_for(brief, spec.palette, background, transparent, rng)
    canvas = Canvas(spec.width, spec.height)
    ctx = Ctx(
        brief=brief,
        width=spec.width,
        height=spec.height,
        rng=rng,
        scheme=scheme,
        canvas=canvas,
        style_fonts=_style_fonts(spec),
    )
    if chalk and not ctx.style_fonts:
        ctx.info["family_display"] = chalkboard.FACE  # the title in a hand; small lines stay in a clean face
    if scheme.background is not None:
        canvas.group("background").rect(0, 0, spec.width, spec.height, scheme.background)
    recipe = recipe_for(brief)
    logo = _logo(spec, ctx)
    if logo is not None and brief.design_type in _LOGO_AS_MARK and not brief.subjects:
        ctx.mark = logo  # every recipe that asks for the main symbol (group_mark.subject_mark) draws the logo
    with (
        typeset.recording() as set_texts,
        typeset.without_text(bool(spec.style and spec.style.no_text)),
        brand.applied(brand.look_for(spec.style, spec.width, spec.height)),
    ):
        layout = recipe(ctx)
        if logo is not None and brief.design_type in _LOGO_IN_CORNER:
            brand.corner_logo(ctx, logo)
    if chalk:
        chalkboard.finish(canvas, seed)
        ctx.info["finish"] = "chalkboard"
    if ctx.info.pop("worn", False) and finish == "grunge":
        finish = None  # the recipe wore its own print (a distressed badge, a worn varsity tee)
    canvas.inks = _named_inks(brief) if finish == "engraving" else None
    if (
        finish is not None
        and not scheme.constrained
        and finishes.apply(canvas, finish, ctx.text_nodes, seed % 9973 + 1, brief.design_type)
    ):
        ctx.info["finish"] = finish
    if ctx.mark is logo and logo is not None and brand.LOGO_KEY in ctx.info.get("icons", []):
        ctx.info["brand_logo"] = "mark"
    info: dict[str, Any] = {
        "type": brief.design_type,
        "layout": layout,
        "subjects": list(brief.subjects),
        "texts": list(brief.texts),
        "styles": sorted(brief.styles),
        "photographic": brief.photographic,
        **ctx.info,
        "set_texts": list(dict.fromkeys(set_texts)),
    }
    if spec.image is not None:
        info["image_strength"] = spec.effective_strength
    if spec.style is not None and spec.style.no_text:
        info["no_text"] = True  # asked for no text: none was set, and the copy in the prompt was not either
    if brief.photographic:
        info["warnings"] = [*info.get("warnings", []), PHOTOGRAPHIC_WARNING]
    unset = copy_left_out(brief, info["set_texts"])
    if unset:
        # Copy the user gave is set, or they are told which was not (a recipe with no room for it).
        info["copy_left_out"] = unset
        info["warnings"] = [*info.get("warnings", []), "copy not set: " + "; ".join(f"'{c}'" for c in unset)]
    left_out = list(dict.fromkeys(info.get("left_out", [])))
    if left_out:
        # Everything named is drawn, or the user is told what was not.
        info["left_out"] = left_out
        info["warnings"] = [*info.get("warnings", []), "left out of the design: " + ", ".join(left_out)]
    svg = canvas.to_svg()
    if not scheme.constrained and not brief.photographic and brief.design_type != "illustration":
        svg, swapped = harmony.spend_named_colours(
            svg, (scheme.accent, scheme.secondary), brief.design_colors, scheme.background, keep=brief.colors
        )
        if swapped:
            info["named_colours_spent"] = swapped
    return svg, info
