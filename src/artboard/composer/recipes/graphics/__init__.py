"""Graphics recipes: seamless patterns, isometric heroes, infographics and illustrations (the fallback).

One entry point per design type, each in its own family of modules:

- `pattern` (patterns.py): subject motifs in a half-drop, brick or tossed repeat, or a geometric repeat
  (geometric.py), all drawn on a torus so the canvas tiles (tiling.py).
- `isometric` (iso_scenes.py): hub, platform, layers, blocks, stairs, city or server scenes, built from the
  shared kit and props (iso_props.py) out of solids in 30° projection (iso_shapes.py).
- `infographic` (infographics.py): the page layout; chart modules on a board (charts.py) and step diagrams
  (chart_steps.py).
- `illustration` (illustrations.py): picks a wrapper hero (wrapper.py), a still life (stilllife.py), an
  editorial metaphor (editorial.py), a landscape (landscape.py, lineart.py, creature.py) or a subject vignette
  (vignette.py); scenery.py holds the shapes they share.

- `background` (backgrounds.py): full-bleed backgrounds, wallpapers and textures in a named technique
  (background_styles.py draws them), with a calm area where content will sit.

common.py holds what all of them use: colours that respect a user palette, subject queries and icons, titles.
"""

from __future__ import annotations

from artboard.composer.recipes.graphics.backgrounds import background
from artboard.composer.recipes.graphics.illustrations import illustration
from artboard.composer.recipes.graphics.infographics import infographic
from artboard.composer.recipes.graphics.iso_scenes import isometric
from artboard.composer.recipes.graphics.patterns import pattern

__all__ = ["background", "illustration", "infographic", "isometric", "pattern"]
