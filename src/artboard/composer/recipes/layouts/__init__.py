"""Layouts: posters and flyers, banners, cards, labels and t-shirt graphics.

Every recipe works on a grid scaled from the short side, sets only text the prompt gives (the quoted or named
text, a tagline, "est. 1987", days and times, names on an invitation, place names), and gives the room that
secondary text would take to shapes when the prompt has none. Colours are scheme roles only; text is always set
in the role with the best contrast against what lies behind it.

One module per design type, over three shared ones:

- `copy_text`: the copy (what the prompt lets a layout set) and the subject symbol;
- `common`: colour roles that read, type setting, the grid;
- `geometry` (path data only) and `motifs` (shapes drawn onto a node);
- `poster` (variant picker, type-led posters) and `poster_graphic` (picture-led posters);
- `banner`, `card`, `label`, `tshirt`.
"""

from __future__ import annotations

from artboard.composer.recipes.layouts.banner import banner
from artboard.composer.recipes.layouts.card import card
from artboard.composer.recipes.layouts.common import readable
from artboard.composer.recipes.layouts.copy_text import Copy, copy_for, subject_icon
from artboard.composer.recipes.layouts.label import label
from artboard.composer.recipes.layouts.poster import poster
from artboard.composer.recipes.layouts.tshirt import tshirt

__all__ = ["Copy", "banner", "card", "copy_for", "label", "poster", "readable", "subject_icon", "tshirt"]
