"""Layout recipes, one per design type. A recipe draws onto `ctx.canvas` and returns its layout name."""

from __future__ import annotations

from collections.abc import Callable

from artboard.composer.brief import Brief
from artboard.composer.context import Ctx
from artboard.composer.recipes import marks

Recipe = Callable[[Ctx], str]


def _table() -> dict[str, Recipe]:
    table: dict[str, Recipe] = {
        "logo": marks.logo,
        "monogram": marks.monogram,
        "icon": marks.icon,
        "app_icon": marks.app_icon,
        "icon_set": marks.icon_set,
        "emoji": marks.emoji,
    }
    try:
        from artboard.composer.recipes import badges

        table.update({"badge": badges.badge, "sticker": badges.sticker})
    except (ImportError, AttributeError):
        pass
    try:
        from artboard.composer.recipes import layouts

        table.update(
            {
                "poster": layouts.poster,
                "banner": layouts.banner,
                "card": layouts.card,
                "label": layouts.label,
                "tshirt": layouts.tshirt,
            }
        )
    except (ImportError, AttributeError):
        pass
    try:
        from artboard.composer.recipes import graphics

        table.update(
            {
                "pattern": graphics.pattern,
                "isometric": graphics.isometric,
                "infographic": graphics.infographic,
                "illustration": graphics.illustration,
            }
        )
    except (ImportError, AttributeError):
        pass
    return table


RECIPES: dict[str, Recipe] = _table()


def recipe_for(brief: Brief) -> Recipe:
    return RECIPES.get(brief.design_type, marks.logo)
