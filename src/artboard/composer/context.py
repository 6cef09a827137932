"""What a layout recipe works with: the brief, the scheme, a seeded RNG, the canvas, and helpers to place
symbols and set type. Everything a recipe draws goes through here, so the choices made (icons, faces) are
recorded for the manifest.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from artboard.colors import RGB, contrast_ratio, oklch
from artboard.composer import brand, flags, fonts, harmony, icons, registry, wordnet
from artboard.composer.brief import Brief
from artboard.composer.canvas import Canvas, Node, num
from artboard.composer.lexicon import LEXICON, posed_figure
from artboard.composer.noun_icons import DEV_GLYPH, exact_icon, names_thing, resolve
from artboard.composer.palettes import Scheme
from artboard.composer.typeset import TextBlock, arc_text, fit_text
from artboard.composer.vocabulary import INSTITUTIONS

Box = tuple[float, float, float, float]  # x0, y0, x1, y1

# Style → font families in order of preference (catalogue slugs, see composer/fonts.py), registered with the styles
# in data/words/design.toml (composer/registry.py).
_FACES: dict[str, tuple[str, ...]] = registry.FACES
_PART_WORDS = frozenset(
    "head face tail paw paws wing wings silhouette outline shape mark logo icon symbol body portrait profile".split()
)
# Icon search scores (icons.find_icons): a literal name match scores ≈ 1.6, a thematic guess ≈ 0.9–1.0.
_WEAK_MATCH, _CLEAR_MATCH = 1.1, 1.4
_SURE = 1.2  # the score the search gives a literal or lexicon match
_UNSURE = 0.7  # below this the search guesses from the embedding alone (a lexicon theme scores 0.8-1.0)
_DEFAULT_FACES: tuple[str, ...] = registry.DEFAULT_FACES
# Which style's faces win when a design has several.
_STYLE_ORDER: tuple[str, ...] = registry.FACE_ORDER


_CAPITALS_ONLY = frozenset({"permanent-marker", "bebas-neue"})


def _icon_words(icon: icons.Icon) -> set[str]:
    """The lemmas of an icon's name and first tags."""
    return {icons.lemma(w) for text in (icon.name, *icon.tags[:16]) for w in text.replace("-", " ").split()}


@dataclass
class Ctx:
    brief: Brief
    width: int
    height: int
    rng: random.Random
    scheme: Scheme
    canvas: Canvas
    info: dict[str, Any] = field(default_factory=dict)
    # A stored style's families (display first, then body), already checked as installed; empty: the brief's own.
    style_fonts: tuple[str, ...] = ()
    # Best icon score per subject, for main_subject: every pick_icon without a query asks, and each answer costs
    # an icon search; the brief never changes within one composition.
    _strengths: dict[str, float] = field(default_factory=dict, init=False, repr=False)
    # The composite mark of the brief's related things, once decided (False: there is none); every recipe that
    # asks for the main symbol within one composition gets the same one.
    mark: icons.Icon | bool | None = field(default=None, init=False, repr=False)
    # The groups ctx.text set lettering in: a finish over the picture (watercolour) leaves them crisp.
    text_nodes: list[Node] = field(default_factory=list, init=False, repr=False)

    @property
    def short(self) -> float:
        return float(min(self.width, self.height))

    @property
    def margin(self) -> float:
        return round(self.short * 0.08, 2)

    # A stored style's look (composer/brand.py) ------------------------------------------------------------
    @staticmethod
    def stroke(width: float) -> float:
        """The width of a rule, frame or line stroke: a stored style's line weight (scaled to the canvas) when it
        fixes one, else `width`."""
        return brand.stroke(width)

    @staticmethod
    def corner(radius: float, size: float | None = None) -> float:
        """The radius of a rounded rectangle: a stored style's corner radius (scaled to the canvas, at most half
        of `size`) when it fixes one, else `radius`."""
        return brand.corner(radius, size)

    # Symbols ------------------------------------------------------------------------------------------
    def main_subject(self) -> str | None:
        """The subject the mark depicts: the first one, unless it is a theme no icon draws well ("wildlife
        conservation badge with a bear", "tech startup logo with a rocket") and a later one is a clear thing."""
        subjects = self.brief.subjects
        if len(subjects) < 2:
            return subjects[0] if subjects else None

        def strength(subject: str) -> float:
            if subject not in self._strengths:
                found = self._candidates(subject, None, 1, ())
                self._strengths[subject] = found[0][1] if found else 0.0
            return self._strengths[subject]

        prompt = self.brief.prompt.lower()
        for later in subjects[1:3]:
            if set(later.split()) < set(subjects[0].split()):
                continue  # "a knight chess piece": the first subject is the later one made specific
            # "brewery badge with a fox", "bakery logo featuring a wheat sheaf": the prompt says what is drawn.
            name = r"[ -]".join(re.escape(word) for word in re.split(r"[ -]", later))  # "polar-bear": polar bear
            said = re.search(
                rf"\b(?:with|featuring|showing|depicting)\s+(?:an?|the|one)\s+(?:[a-z\-]+\s+)?{name}\b", prompt
            )
            if said and strength(later) >= _WEAK_MATCH:
                return later
        if strength(subjects[0]) >= _WEAK_MATCH:
            return subjects[0]
        for later in subjects[1:3]:
            if strength(later) >= _CLEAR_MATCH:
                return later
        return subjects[0]

    def pick_icon(
        self,
        query: str | None = None,
        *,
        mode: Literal["stroke", "fill"] | None = None,
        exclude: tuple[str, ...] = (),
        top: int = 3,
    ) -> icons.Icon | None:
        """A symbol for `query` (default: the brief's first subject), chosen by the seed among the best few.
        When the prompt relates several things ("a bee over a honeycomb"), the main symbol is their composite."""
        if query is None or query == self.main_subject():
            from artboard.composer.group_mark import use_mark

            line = mode == "stroke" or (mode is None and self.brief.has("line"))
            mark = use_mark(self, "stroke" if line else "fill")  # "line icon of a bulb with a gear": both in line
            if mark is not None:
                return mark
        if query is None:
            query = self.main_subject()
        if not query:
            return None
        query = posed_figure(query) or query  # "lotus pose": a figure doing yoga
        flag = flags.flag_icon(query) if mode != "stroke" else None
        if flag is not None:
            self.info.setdefault("icons", []).append(flag.key)
            return flag  # "an American flag": the stars and stripes in its own colours
        if mode is None:
            mode = "stroke" if self.brief.has("line") else None
        exact = exact_icon(query, mode)
        if exact is not None and exact.key not in exclude:
            # An icon named for the thing ("paper plane", "headphones") beats a near neighbour the search ranks
            # alike ("airplane", "phone").
            self.info.setdefault("icons", []).append(exact.key)
            return exact
        found = self._candidates(query, mode, top + len(exclude), exclude)
        if not found:
            return None
        best = found[0][1]
        if best < _UNSURE:
            # The search only guesses ("stapler": a nail, "tripod": a plane ticket): a designer draws the thing
            # by another name, or a related thing that is said in the manifest, before any near miss.
            picked = self._designer_pick(query, mode, exclude)
            if picked is not None:
                return picked
        if best < _SURE and " " not in query and not names_thing(found[0][0], query):
            # A near neighbour by spelling ("peony": a peso sign) loses to the thing's kind ("flower").
            kind = resolve(query, mode)
            if kind is not None and kind[1] != query and names_thing(kind[0], kind[1]) and kind[0].key not in exclude:
                self.info.setdefault("icons", []).append(kind[0].key)
                return kind[0]
        # Only vary among candidates that are nearly as good as the best; never trade meaning for variety.
        pool = [ic for ic, score in found[:top] if score >= best - 0.08] or [found[0][0]]
        if " " in query:
            # "coffee cup": among near-equals, those that draw every word said (the coffee cup, not a soda cup).
            said = {icons.lemma(w) for w in query.split()}
            covers = {ic.key: len(said & _icon_words(ic)) for ic in pool}
            pool = [ic for ic in pool if covers[ic.key] == max(covers.values())]
        choice = pool[self.rng.randrange(len(pool))]
        self.info.setdefault("icons", []).append(choice.key)
        return choice

    def _designer_pick(
        self, query: str, mode: Literal["stroke", "fill"] | None, exclude: tuple[str, ...]
    ) -> icons.Icon | None:
        from artboard.composer.icon_lookup import find_member, stand_in

        # A recipe that asked for lines draws lines: a style's line weight must reach them.
        look: Literal["strict-line", "fill"] = "strict-line" if mode == "stroke" else "fill"
        words = [w for w in query.split() if w not in _PART_WORDS] or query.split()
        noun = " ".join(words)
        member = find_member(query, noun, look, frozenset(exclude)) or stand_in(query, noun, look, frozenset(exclude))
        if member is None:
            return None
        if member.stand_in:
            self.info.setdefault("left_out", []).append(f"{query} (no glyph draws it: drawn as {member.concept})")
        self.info.setdefault("icons", []).append(member.icon.key)
        return member.icon

    @staticmethod
    def _candidates(
        query: str, mode: Literal["stroke", "fill"] | None, k: int, exclude: tuple[str, ...]
    ) -> list[tuple[icons.Icon, float]]:
        words = [w for w in query.split() if w not in _PART_WORDS] or query.split()
        query = " ".join(words)
        found = [
            (ic, score)
            for ic, score in icons.find_icons(query, k=k, mode=mode)
            if ic.key not in exclude and not DEV_GLYPH.search(ic.name)
        ]
        # Part words ("fox head", "cat face") qualify the subject before them; they are never the thing itself.
        head = words[-1] if len(words) > 1 and words[-1] not in _PART_WORDS else None
        institution = head in INSTITUTIONS
        if institution:  # "language school", "surf shop": the school teaches languages
            head = words[-2]

        def names_head(ic: icons.Icon) -> bool:
            return head is not None and icons.lemma(head) in {icons.lemma(w) for w in ic.name.split("-")}

        # "speech bubble", "coffee cup": a compound the lexicon or WordNet knows is the thing, not its head
        known = query in LEXICON or (len(words) > 1 and wordnet.longest_compound(words) == len(words))
        if head and not known and (institution or not any(names_head(ic) for ic, _ in found[:k])):
            # Modifiers can drag a phrase off its subject ("happy taco" → emoji, "save the whales" → piggy
            # bank); the head noun names the thing.
            by_head = [
                (ic, s)
                for ic, s in icons.find_icons(head, k=k, mode=mode)
                if ic.key not in exclude and not DEV_GLYPH.search(ic.name)
            ]
            if any(names_head(ic) for ic, _ in by_head):
                return by_head
        return found

    def in_named_colours(self, icon: icons.Icon) -> icons.Icon:
        """A colour icon in the colours the prompt names for the design ("black and hot pink"), unless a thing
        has its own colour ("a yellow tram": tinted when planned), the colours are a user palette (the palette
        guarantee maps them), or the design is a scene, where things keep their natural colours and the named
        colours go to the setting."""
        b = self.brief
        scene = b.design_type == "illustration" or "scene" in self.info  # a staged scene inside a poster too
        if self.scheme.constrained or b.photographic or scene or "#" in icon.key or icon.set == "flag":
            return icon  # (a flag's colours are whose flag it is)
        # The ground's own colour would hide the thing ("a navy card with a fishing rod"): not a target.
        ground = self.scheme.background
        named = tuple(c for c in b.design_colors if ground is None or contrast_ratio(c, ground) >= 1.5)
        return harmony.harmonise(icon, named) if named else icon

    def draw_icon(
        self,
        parent: Node,
        icon: icons.Icon,
        cx: float,
        cy: float,
        size: float,
        color: RGB | str,  # a colour, or a paint reference ("url(#grad1)")
        *,
        weight: float = 1.0,
        name: str = "symbol",
    ) -> Node:
        """Place an icon centred at (cx, cy) fitting a size×size box, in one colour.

        A colour icon (mode "color", from find_icons(..., mode="color")) is drawn in its own colours, each path
        with its fill and opacity; `color` and `weight` are ignored for it.
        """
        if icon.mode == "color":
            icon = self.in_named_colours(icon)
        vx, vy, vw, vh = icon.viewbox
        scale = size / max(vw, vh)
        if icon.key.startswith("group:") and min(vw, vh) > 0:
            # Two things side by side would each be half the size of one: the pair may run a little wider.
            scale *= min(1.25, (max(vw, vh) / min(vw, vh)) ** 0.5)
        tx = cx - (vx + vw / 2) * scale
        ty = cy - (vy + vh / 2) * scale
        group = parent.group(name, transform=f"translate({num(tx)} {num(ty)}) scale({round(scale, 5)})")
        if icon.mode == "color":
            group.attrs["fill-rule"] = icon.fill_rule
            for d, fill, opacity in zip(icon.paths, icon.fills, icon.opacities, strict=True):
                group.add("path", d=d, fill=fill, fill_opacity=opacity if opacity < 1 else None)
        elif icon.mode == "stroke":
            # A style's line weight is in canvas px; the stroke is drawn in the icon's own units.
            fixed = brand.line_weight()
            width = fixed / scale if fixed is not None else icon.stroke_width * weight
            group.attrs.update(
                {
                    "fill": "none",
                    "stroke": color,
                    "stroke-width": round(width, 3),
                    "stroke-linecap": "round",
                    "stroke-linejoin": "round",
                }
            )
            for d in icon.paths:
                group.add("path", d=d)
        else:
            group.attrs.update({"fill": color, "fill-rule": icon.fill_rule})
            for d in icon.paths:
                group.add("path", d=d)
        return group

    # Type ---------------------------------------------------------------------------------------------
    def family(self, purpose: Literal["display", "body", "script"] = "display") -> str:
        """A font family for the brief's style, varied by the seed within the style's short list."""
        key = f"family_{purpose}"
        if key in self.info:
            return str(self.info[key])
        if self.style_fonts:
            # A stored style's faces: its display face also sets what a recipe would letter in script.
            fams = self.style_fonts
            choice = fams[0] if purpose != "body" else fams[min(1, len(fams) - 1)]
            self.info[key] = choice
            return choice
        if purpose == "script":
            options: tuple[str, ...] = ("great-vibes", "pacifico", "caveat")
        elif purpose == "body":
            options = ("inter", "dm-sans") if not self.brief.has("elegant", "vintage") else ("lora", "inter")
        else:
            options = _DEFAULT_FACES
            for style in _STYLE_ORDER:
                if self.brief.has(style):
                    options = _FACES[style]
                    break
            else:
                # No style said: the business's tone ("a law firm", "a trattoria", "a coder's tee").
                options = next((f for said, f in registry.TONE_FACES if self.brief.words & said), options)
        available = set(fonts.font_families())
        if self.brief.lowercase:
            available -= _CAPITALS_ONLY  # faces whose small letters read as capitals cannot set lower case
        options = tuple(f for f in options if f in available) or ("inter",)
        choice = options[self.rng.randrange(min(2, len(options)))]
        self.info[key] = choice
        return choice

    def face(
        self, purpose: Literal["display", "body", "script"] = "display", weight: int | None = None
    ) -> fonts.FontFace:
        family = self.family(purpose)
        if weight is None:
            weight = fonts.family_info(family).headline_weight if purpose == "display" else 400
        return fonts.get_face(family, weight)

    def text(
        self,
        parent: Node,
        text: str,
        box: Box,
        color: RGB | str,  # a colour, or a paint reference ("url(#gradient)")
        *,
        purpose: Literal["display", "body", "script"] = "display",
        weight: int | None = None,
        max_size: float | None = None,
        min_size: float | None = None,
        align: Literal["left", "center", "right"] = "center",
        valign: Literal["top", "middle", "bottom"] = "middle",
        uppercase: bool = False,
        tracking: float = 0.0,
        max_lines: int = 3,
        line_height: float = 1.12,
        name: str = "text",
    ) -> TextBlock:
        face = self.face(purpose, weight)
        _, y0, _, y1 = box
        if self.brief.lowercase and purpose == "display":
            # "wordmark 'fernweh' lowercase", "lowercase logo for Crumb": the name in lower case, as asked
            text, uppercase, tracking = text.lower(), False, 0.0
        block = fit_text(
            text,
            face,
            box,
            max_size=max_size or (y1 - y0),
            min_size=min_size or max(10.0, self.short * 0.018),
            line_height=line_height,
            align=align,
            valign=valign,
            tracking=tracking,
            max_lines=max_lines,
            uppercase=uppercase,
        )
        said = self.brief.text_color
        # "bold yellow text": the headline in the colour asked, where it reads as the chosen ink did (a light ink
        # on a dark ground stays light); a dark ink's light ground would swallow it.
        if (
            said is not None
            and name == "headline"
            and isinstance(color, tuple)
            and not self.scheme.constrained
            and (oklch(said)[0] > 0.6) == (oklch(color)[0] > 0.6)
        ):
            color = said
        lettering = parent.group(name)
        lettering.path(block.d, color)
        self.text_nodes.append(lettering)
        self.info.setdefault("fonts", [])
        label = f"{face.family} {face.weight}"
        if label not in self.info["fonts"]:
            self.info["fonts"].append(label)
        return block

    def arc(
        self,
        parent: Node,
        text: str,
        cx: float,
        cy: float,
        radius: float,
        size: float,
        color: RGB,
        *,
        center_angle_deg: float = -90,
        inside: bool = False,
        tracking: float = 80.0,
        purpose: Literal["display", "body", "script"] = "display",
        weight: int | None = None,
    ) -> TextBlock:
        face = self.face(purpose, weight)
        block = arc_text(
            text, face, size, cx, cy, radius, center_angle_deg=center_angle_deg, inside=inside, tracking=tracking
        )
        parent.group("arc-text").path(block.d, color)
        label = f"{face.family} {face.weight}"
        self.info.setdefault("fonts", [])
        if label not in self.info["fonts"]:
            self.info["fonts"].append(label)
        return block
