"""Layout recipes, one per design type. A recipe draws onto `ctx.canvas` and returns its layout name."""

from __future__ import annotations

from collections.abc import Callable

from artboard.composer.brief import Brief
from artboard.composer.context import Ctx
from artboard.composer.recipes import badges, graphics, layouts, marks

Recipe = Callable[[Ctx], str]

RECIPES: dict[str, Recipe] = {
    "logo": marks.logo,
    "monogram": marks.monogram,
    "icon": marks.icon,
    "app_icon": marks.app_icon,
    "icon_set": marks.icon_set,
    "emoji": marks.emoji,
    "badge": badges.badge,
    "sticker": badges.sticker,
    "poster": layouts.poster,
    "banner": layouts.banner,
    "card": layouts.card,
    "label": layouts.label,
    "tshirt": layouts.tshirt,
    "pattern": graphics.pattern,
    "isometric": graphics.isometric,
    "infographic": graphics.infographic,
    "illustration": graphics.illustration,
    "background": graphics.background,
}


def recipe_for(brief: Brief) -> Recipe:
    return RECIPES.get(brief.design_type, graphics.illustration)
