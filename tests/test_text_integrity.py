"""Text the user gives is set whole: no recipe may drop, truncate or reorder a word of it, however long it is;
and no two blocks of text are set on top of each other.

Every text-setting call (fit_text, arc_text, set_line, wherever a recipe imported them) is spied on; each word of
the quoted text must be among the words that reached the typesetter.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest

pytest.importorskip("artboard.composer.icons")

from artboard.composer import compose, typeset
from artboard.spec import make_spec

LONG = "Everything you ever wanted to know about sourdough but were afraid to ask"
NAME = "The International Association of Independent Bookbinders and Paper Conservators"
KINDS = [
    "poster",
    "flyer",
    "web banner",
    "birthday card",
    "bottle label",
    "round badge",
    "die-cut sticker",
    "t-shirt design",
    "logo",
    "infographic",
    "isometric illustration",
    "seal",
    "emblem",
]


@pytest.fixture
def set_words(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    seen: list[str] = []

    def spy(original: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(text: str, *args: Any, **kw: Any) -> Any:
            seen.extend(re.findall(r"[a-z0-9']+", text.lower()))
            return original(text, *args, **kw)

        return wrapper

    import artboard.composer.recipes as recipes

    for info in pkgutil.walk_packages(recipes.__path__, "artboard.composer.recipes."):
        importlib.import_module(info.name)  # every recipe module, so each imported name can be spied on
    originals = {name: getattr(typeset, name) for name in ("fit_text", "arc_text", "set_line")}
    for module in list(sys.modules.values()):
        if module is None or not getattr(module, "__name__", "").startswith("artboard.composer"):
            continue
        for name, original in originals.items():
            if getattr(module, name, None) is original:
                monkeypatch.setattr(module, name, spy(original))
    yield seen


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("text", [LONG, NAME])
def test_every_word_of_the_given_text_is_set(kind: str, text: str, set_words: list[str]) -> None:
    for seed in (1, 2):
        for ratio in ("1:1", "16:9", "9:16"):
            set_words.clear()
            compose(make_spec(f'{kind} "{text}"', format="svg", aspect_ratio=ratio), seed=seed)
            missing = [w for w in re.findall(r"[a-z0-9']+", text.lower()) if w not in set_words]
            assert not missing, (kind, seed, ratio, missing)


OVERLAP_PROMPTS = [
    'poster for a jazz night called "Blue Note Sessions" friday 9pm',
    "coffee bag label for Ethiopia single origin by Ridge Roasters",
    "christmas card for the Johnson family",
    "certificate of completion for a Python course",
    "event banner for a jazz night on Friday",
    "art deco poster for a jazz festival called Blue Moon Jazz, Saturday 8pm",
    'vintage badge for "Blue Harbor Coffee" est. 1987, tagline "Roasted by the sea"',
    "kids birthday party invitation with dinosaurs for Leo, turning 5",
    'logo for a coffee roastery called "Blue Harbor Coffee", est. 1987',
]


@pytest.fixture
def set_blocks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, tuple[float, float, float, float]]]]:
    import artboard.composer.recipes as recipes

    for info in pkgutil.walk_packages(recipes.__path__, "artboard.composer.recipes."):
        importlib.import_module(info.name)
    blocks: list[tuple[str, tuple[float, float, float, float]]] = []
    original = typeset.fit_text

    def spy(text: str, *args: Any, **kw: Any) -> Any:
        block = original(text, *args, **kw)
        blocks.append((text, block.bbox))
        return block

    for module in list(sys.modules.values()):
        ours = module is not None and getattr(module, "__name__", "").startswith("artboard.composer")
        if ours and getattr(module, "fit_text", None) is original:
            monkeypatch.setattr(module, "fit_text", spy)
    yield blocks


@pytest.mark.parametrize("prompt", OVERLAP_PROMPTS)
def test_text_blocks_never_overlap(
    prompt: str, set_blocks: list[tuple[str, tuple[float, float, float, float]]]
) -> None:
    import itertools

    for seed in (1, 2, 3):
        for ratio in ("1:1", "16:9", "9:16"):
            set_blocks.clear()
            compose(make_spec(prompt, format="svg", aspect_ratio=ratio), seed=seed)
            for (t1, a), (t2, b) in itertools.combinations(set_blocks, 2):
                ix = min(a[2], b[2]) - max(a[0], b[0])
                iy = min(a[3], b[3]) - max(a[1], b[1])
                assert ix <= 2 or iy <= 2, (prompt, seed, ratio, t1, t2)
