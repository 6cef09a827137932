"""Badges, emblems, seals, crests, patches, rosettes, stamps and stickers.

Everything is drawn as filled paths collected in an art list (`common`) so that whole-design operations stay
possible before anything is written: knockouts, subtle distressing, the tilt of a sticker or stamp, and a final
fit into the canvas margins.

Badge layouts (`badge-<kind>-<edge/mode>…`), recipe in `badge`:
  ring     (`seal`) circle seal, plain / serrated / scalloped / beaded edge, solid / band / line inks; name on the
           top arc (or on a straight or arched ribbon across the middle), tagline or "EST. 1987" on the bottom
           arc, separators, dotted or double inner rings, sunburst rays, a central symbol (with flanking
           companions: trees beside mountains, barley beside hops), a crossed pair (oars, swords) or initials
  rosette  (`seal`) the ring with two hanging ribbon tails (awards)
  shield   (`crest`) crest with a (possibly arched) ribbon, "EST · 1987" split in the point
  hexagon  (`crest`) patch with stitched or ruled frame, name on a bar, ribbon or plain
  laurel   (`crest`) symbol disc in a laurel wreath of constructed leaves, name on a (possibly smiling) ribbon
  …-distressed / …-stamped suffixes for worn prints and askew rubber stamps.
Sticker layouts (`sticker-<kind>…-<cutline|shadow>`), recipe in `sticker`, layouts in `sticker_layouts`, art in
`cartoon`: die-cut around a cartoon-coloured symbol (with a companion "cat drinking coffee", a container
"cactus in a pot", words on their own plate, a kawaii face on cute objects), circle, label (pill / rounded /
ticket), speech bubble, and die-cut stacked words with an extruded shadow.

Shared parts: `geometry` (path data), `ornaments` (stars, rays, rings of dots, wear), `colour` (roles chosen by
contrast), `lettering` (faces, arc and boxed text, the brief's copy), `symbols` (icon choice and the centre
mark), `ribbons` (banners).

Colours are scheme roles only (chosen by contrast); text is only the brief's; every choice comes from ctx.rng.
"""

from artboard.composer.recipes.badges.badge import badge
from artboard.composer.recipes.badges.sticker import sticker

__all__ = ["badge", "sticker"]
