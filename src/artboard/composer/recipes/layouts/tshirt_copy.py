"""T-shirt copy: every string a tee sets (the headline and each line the prompt gives, none dropped), and the
the type helper that sets the secondary lines (the typesetter records every string in set_texts).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from artboard.colors import RGB
from artboard.composer.canvas import Node
from artboard.composer.context import Ctx
from artboard.composer.recipes.layouts.common import small
from artboard.composer.recipes.layouts.copy_text import _proper_names, copy_for

Align = Literal["left", "center", "right"]

# -- the copy ----------------------------------------------------------------------------------------------

# What a shirt says beyond its name: "World Tour 2025", "2026 finisher", "Route 66", "26.2", "Lake Tahoe".
_ROLE_RE = re.compile(
    r"\b(?:(?:world|farewell|summer|reunion) tour|tour|finishers?|volunteers?|staff|crew|class of \d{4}|champions?)\b",
    re.I,
)
_CODE_RE = re.compile(r"\b[A-Z][a-z]+ \d{1,4}\b")  # "Route 66", "July 2026"
_DECIMAL_RE = re.compile(r"(?<![\w.$£€])\d+\.\d+(?![\w.%])")  # "26.2", "13.1"
_QUOTED_RE = re.compile(r"[\"“”«»][^\"“”«»]*[\"“”«»]|(?<![A-Za-z])'[^']*'(?![A-Za-z])")
_LEAD_NAME_RE = re.compile(r"\s*([A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,3})\b")


@dataclass(frozen=True)
class TeeCopy:
    headline: str | None
    lines: tuple[str, ...]


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def _blank_quotes(prompt: str) -> str:
    return _QUOTED_RE.sub(lambda m: " " * len(m.group(0)), prompt)


def tee_copy(ctx: Ctx) -> TeeCopy:
    """The headline and every secondary line the prompt gives, each as the user wrote it: copy_for's lines, made
    whole where a date was cut ("July 2026", not "JULY 20"), joined to the words next to them that name what the
    shirt is ("2026 finisher", "World Tour 2025"), and the names and numbers a shirt carries ("Route 66")."""
    copy = copy_for(ctx)
    prompt = ctx.brief.prompt
    plain = _blank_quotes(prompt)
    low = plain.lower()
    headline = copy.headline
    if headline is None:  # "Chicago Marathon 2025 finisher shirt": a name that starts the sentence
        m = _LEAD_NAME_RE.match(plain)
        # (mid-sentence, the same run would be a proper name: no style, media or platform word in it)
        if m and m.group(1) in _proper_names("x " + m.group(1)):
            headline = m.group(1)
    head_words = _words(headline or "")
    at = low.find(headline.lower()) if headline else -1
    taken = (at, at + len(headline or "")) if at >= 0 else (-1, -1)  # where an unquoted headline is
    lines = [ln for ln in copy.lines if not _words(ln) <= head_words]  # "TUESDAY," under "Taco Tuesday"
    spans: list[tuple[int, int, int]] = []  # start, end, index of the line it is (-1: an extra)
    for i, ln in enumerate(lines):
        at = low.find(ln.lower())
        if at >= 0:
            spans.append((at, at + len(ln), i))
    extras: list[tuple[int, int]] = []
    for rx in (_ROLE_RE, _CODE_RE, _DECIMAL_RE):
        extras += [(m.start(), m.end()) for m in rx.finditer(plain)]
    for name in _proper_names(prompt):
        extras += [(m.start(), m.end()) for m in re.finditer(re.escape(name), plain)]
    spans += [(a, b, -1) for a, b in extras if b <= taken[0] or a >= taken[1]]
    spans.sort()
    merged: list[list[int]] = []  # start, end, then the line indices inside (-1 for extras)
    for a, b, i in spans:
        if merged and a <= merged[-1][1] + 1 and not plain[merged[-1][1] : a].strip():
            merged[-1][1] = max(merged[-1][1], b)
            merged[-1].append(i)
        else:
            merged.append([a, b, i])
    out: list[str] = list(lines)
    drop: set[int] = set()
    added: list[str] = []
    for a, b, *members in merged:
        if -1 not in members:
            continue
        text = " ".join(plain[a:b].split())
        own = [i for i in members if i >= 0]
        if own:
            out[own[0]] = text.upper() if lines[own[0]].isupper() else text
            drop.update(own[1:])
        else:
            added.append(text)
    result = [ln for i, ln in enumerate(out) if i not in drop]
    for text in added:
        covered = head_words.union(*(_words(ln) for ln in result))
        if not _words(text) <= covered:
            result.append(text)
    return TeeCopy(headline, tuple(dict.fromkeys(result)))


# -- secondary lines ------------------------------------------------------------------------


def put_lines(
    ctx: Ctx,
    parent: Node,
    lines: Sequence[str],
    x0: float,
    y: float,
    x1: float,
    size: float,
    color: RGB,
    *,
    align: Align = "center",
    tracking: float = 160.0,
    weight: int = 700,
) -> float:
    """Every secondary line, one under another from `y`, in tracked caps; returns the y under the last."""
    for line in lines:
        blk = small(
            ctx,
            parent,
            line,
            (x0, y, x1, y + size),
            color,
            align=align,
            tracking=tracking,
            weight=weight,
            lines=2 if len(line) > 34 else 1,
        )
        y = max(blk.bbox[3], y + size * 0.7) + size * 0.45
    return y


def scratch() -> Node:
    """A node outside the canvas, for type that is reshaped (offset, distressed) before it is drawn."""
    return Node("g")
