"""A certificate as a designer sets one: what it certifies in small caps, the person's name as the largest line,
what it was earned for, and the date and signature lines along the foot, inside a double frame."""

from __future__ import annotations

import re

from artboard.composer.context import Ctx
from artboard.composer.recipes.layouts.common import ground, readable, use_family, visible
from artboard.composer.recipes.layouts.copy_text import Copy
from artboard.composer.recipes.layouts.geometry import sprig_d
from artboard.composer.recipes.layouts.motifs import corner_flourish, divider, frame_rule

_AWARDED_RE = re.compile(
    r"\b(awarded to|presented to|in recognition of|in honou?r of|granted to|issued to)\s+"
    r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
    # "certificate of achievement for Sarah Lee": a person's full name after "for" (two capitalised words or more)
    r"|\b(?:certificate|diploma)\b[^,;]*?\b(for)\s+([A-Z][a-z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})\b"
)
_TITLE_RE = re.compile(r"^certificate\b|\baward\b|\bdiploma\b", re.I)


def is_certificate(ctx: Ctx, copy: Copy) -> bool:
    """A certificate the prompt names, with someone it is for: its recipient is what the layout is built around."""
    return bool(re.search(r"\b(?:certificate|diploma)\b", ctx.brief.prompt, re.I)) and bool(
        _AWARDED_RE.search(ctx.brief.prompt)
    )


def certificate(ctx: Ctx, copy: Copy) -> str:
    s = ctx.scheme
    W, H, short, m = ctx.width, ctx.height, ctx.short, ctx.margin
    b = ctx.brief
    awarded = _AWARDED_RE.search(b.prompt)
    assert awarded is not None
    cue, person = awarded.group(1) or "presented to", (awarded.group(2) or awarded.group(4)).strip()
    lines = [copy.headline or "", *copy.lines]
    title = next((line for line in lines if _TITLE_RE.search(line)), "")
    dates = [d.text for d in b.details if d.kind == "date"]
    said_dates = {d.lower() for d in dates}
    earned = [line for line in lines if line and line not in (title, person) and line.lower() not in said_dates]
    reason = re.match(r"\s+for\s+([^,.;]{3,60})", b.prompt[awarded.end() :])
    if reason and not any(reason.group(1).lower() in line.lower() for line in earned):
        earned.insert(0, "for " + reason.group(1).strip())  # "… awarded to Sam Patel for outstanding volunteer work"
    use_family(ctx, ("playfair-display", "dm-serif-display", "lora"))
    use_family(ctx, ("great-vibes",), "script")
    gnd = ground(ctx)
    art = ctx.canvas.group("certificate")
    frame_layer = art.group("frame")
    stack = art.group("stack")  # everything above the foot, centred in the room the frame leaves
    back, front = stack.group("ornament"), stack.group("type")
    second = s.accent if s.accent in b.colors and s.accent != s.primary else s.primary
    line = visible(ctx, gnd, second, s.primary, s.secondary, ratio=1.8)
    ink = readable(ctx, gnd)
    accent = readable(ctx, gnd, s.primary, s.secondary, ratio=3.0)
    t = max(1.0, short * 0.003)
    frame_rule(frame_layer, m * 0.5, m * 0.5, W - m, H - m, t * 2.2, line)
    inset = m * 0.5 + short * 0.02
    frame_rule(frame_layer, inset, inset, W - 2 * inset, H - 2 * inset, t, line)
    size = short * 0.08
    for x, y, sx, sy in (
        (inset + short * 0.012, inset + short * 0.012, 1, 1),
        (W - inset - short * 0.012, inset + short * 0.012, -1, 1),
        (inset + short * 0.012, H - inset - short * 0.012, 1, -1),
        (W - inset - short * 0.012, H - inset - short * 0.012, -1, -1),
    ):
        corner_flourish(ctx, frame_layer, x, y, sx, sy, size, line)
    x0, x1 = m * 1.7, W - m * 1.7
    y = m * 1.6
    for sx in (-1, 1):  # a laurel sprig pair crowns the title
        back.path(
            sprig_d(W / 2 + sx * short * 0.01, y + short * 0.05, W / 2 + sx * short * 0.16, y + short * 0.012,
                    -sx * short * 0.02, 6, short * 0.038, max(1.0, short * 0.003)),
            accent,
        )  # fmt: skip
    y += short * 0.09
    if title:
        block = ctx.text(front, title, (x0, y, x1, y + short * 0.06), accent, uppercase=True, tracking=220,
                         max_lines=2, align="center", valign="top", name="title")  # fmt: skip
        y = block.bbox[3] + short * 0.05
    block = ctx.text(front, cue, (x0, y, x1, y + short * 0.03), ink, purpose="body", uppercase=True, tracking=260,
                     max_lines=1, align="center", valign="top", name="cue")  # fmt: skip
    y = block.bbox[3] + short * 0.025
    block = ctx.text(front, person, (x0, y, x1, y + short * 0.15), accent, purpose="script", max_lines=1,
                     align="center", valign="top", name="recipient")  # fmt: skip
    y = block.bbox[3] + short * 0.02
    divider(ctx, back, W / 2, y, min((x1 - x0) * 0.55, short * 0.4), line, "diamond")
    y += short * 0.045
    for text in earned[:2]:
        block = ctx.text(front, text, (x0, y, x1, y + short * 0.045), ink, purpose="body", weight=600,
                         uppercase=True, tracking=120, max_lines=2, align="center", valign="top",
                         name="for")  # fmt: skip
        y = block.bbox[3] + short * 0.02
    # The foot: the date over a rule on the left, a signature rule on the right, each captioned.
    foot = H - m * 1.7
    top = m * 1.6
    room = foot - short * 0.1 - top
    used = y - top
    if room > used:
        stack.attrs["transform"] = f"translate(0 {(room - used) * 0.45:.2f})"
    back, front = frame_layer, frame_layer
    span = (x1 - x0) * 0.34
    feet = ([("Date", dates[0])] if dates else []) + (
        [("Signature", "")] if re.search(r"\bsign(?:ature|ed)\b", b.prompt, re.I) else []
    )
    for i, (caption, above) in enumerate(feet):
        cx = W / 2 if len(feet) == 1 else x0 + span / 2 + short * 0.02 if i == 0 else x1 - span / 2 - short * 0.02
        back.rect(cx - span / 2, foot - short * 0.045, span, max(1.0, short * 0.0025), ink)
        if above:
            ctx.text(front, above, (cx - span / 2, foot - short * 0.09, cx + span / 2, foot - short * 0.055), ink,
                     purpose="body", max_lines=1, align="center", valign="bottom", name="date")  # fmt: skip
        ctx.text(front, caption, (cx - span / 2, foot - short * 0.035, cx + span / 2, foot - short * 0.012), ink,
                 purpose="body", uppercase=True, tracking=200, max_lines=1, align="center", valign="top",
                 name="caption")  # fmt: skip
    return "card-certificate"
