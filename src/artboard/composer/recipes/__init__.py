"""Layout recipes, one per design type. A recipe draws onto `ctx.canvas` and returns its layout name.

Which function is the recipe of which type is registered in data/words/design.toml (composer/registry.py).
"""

from __future__ import annotations

from artboard.composer import registry
from artboard.composer.brief import Brief
from artboard.composer.recipes import badges, graphics, layouts, marks

__all__ = ["RECIPES", "Recipe", "badges", "graphics", "layouts", "marks", "recipe_for"]

Recipe = registry.Recipe

RECIPES: dict[str, Recipe] = {kind.name: kind.recipe() for kind in registry.TYPES.values()}


def recipe_for(brief: Brief) -> Recipe:
    return RECIPES.get(brief.design_type, RECIPES[registry.FALLBACK_TYPE])
