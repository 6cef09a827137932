"""Step diagrams for process infographics: numbered cards, circles on a line, or a row of chevrons.

Each step gets its number, a symbol (the subjects' icons, else generic process icons, or none when too few fit)
and the label the brief gives it; labels are set at one common size. Up to MAX_STAGES steps: cards wrap into
rows when one row would make them too narrow; circles and chevrons are kept to counts that fit in one line.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from artboard.composer import icons, reading, wordnet
from artboard.composer.canvas import num, rect_d
from artboard.composer.lexicon import LEXICON
from artboard.composer.noun_icons import names_thing, resolve
from artboard.composer.recipes.graphics.charts import Board
from artboard.composer.recipes.graphics.common import Box, good_icons, has_word, note_icons, solid_twin

MAX_STAGES = 8  # the most steps or cycle stages a diagram draws

# Icons that read as the stages of a generic process, when the prompt's own subjects give too few.
_PROCESS_ICONS = ("lightbulb idea", "pencil plan", "gear settings", "rocket launch", "trophy award", "chart growth")
_ONBOARDING_ICONS = ("user plus signup", "id card profile", "settings sliders", "rocket launch", "check circle")
# The stages of cycles everyone knows, drawn in their order, when the prompt names one.
_KNOWN_CYCLES: dict[str, tuple[str, ...]] = {
    "water": ("sun", "cloud", "cloud rain", "waves"),
    "recycling": ("factory", "shopping bag", "trash", "recycle"),
    "circular": ("factory", "shopping bag", "trash", "recycle"),
    "product": ("lightbulb idea", "pencil plan", "rocket launch", "chart growth"),
    "development": ("lightbulb idea", "code", "bug", "rocket launch"),
    "butterfly": ("egg", "bug", "package", "butterfly"),
    "plant": ("seed", "sprout", "flower", "apple fruit"),
    "carbon": ("sun", "tree", "factory", "cloud"),
    "sales": ("megaphone", "handshake", "cart", "repeat"),
}


def steps(board: Board, box: Box, n: int, labels: Sequence[str]) -> str:
    """n steps inside `box` in a seeded style that suits its shape; returns the style's name."""
    ctx = board.ctx
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    step_icons = _step_icons(board, n, labels=labels)
    horizontal = w / h >= (0.8 if n <= 4 else 1.15)
    if horizontal and w / h >= 1.5 and n <= 6:
        styles = ["cards", "circles", "chevrons"]
    elif horizontal:
        styles = ["cards", "cards", "circles"] if not labels else ["cards", "circles"]
    else:
        styles = ["cards", "cards", "circles"]
    if horizontal and w / n < ctx.short * (0.15 if n <= 6 else 0.2):
        styles = ["cards"]  # too many for one line of circles: cards wrap into rows
    elif labels and n <= 6 and 0.7 <= w / h < 1.3:
        styles = ["cards"]  # a squarish body: a row of circles would leave most of it empty
    style = styles[ctx.rng.randrange(len(styles))]
    if style == "cards":
        _cards(board, box, n, step_icons, labels, horizontal)
    elif style == "chevrons":
        _chevrons(board, box, n, step_icons, labels)
    else:
        _circles(board, box, n, step_icons, labels, horizontal)
    return style


def _cards(
    board: Board, box: Box, n: int, step_icons: list[icons.Icon], labels: Sequence[str], horizontal: bool
) -> None:
    ctx, paint = board.ctx, board.paint
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    gutter = ctx.short * 0.05
    card_fill = paint.step_card
    cols = n
    if n == 4 and 0.75 <= w / h <= 1.4:
        cols = 2
    elif n >= 5 and w / h >= 0.75 and (not horizontal or (w - gutter * (n - 1)) / n < ctx.short * 0.17):
        cols = math.ceil(n / 2)  # one row (or column) would make the cards too small for their labels: two rows
    grid = cols < n
    if grid:
        rows = math.ceil(n / cols)
        cw = (w - gutter * (cols - 1)) / cols
        ch = min((h - gutter * (rows - 1)) / rows, cw * (1.15 if n == 4 else 1.45))
        top = y0 + (h - ch * rows - gutter * (rows - 1)) / 2
        rects = []
        for i in range(n):
            row, col = divmod(i, cols)
            short_row = min(cols, n - row * cols)  # the last row, centred when it is short
            left = x0 + (w - (cw * short_row + gutter * (short_row - 1))) / 2
            rects.append((left + col * (cw + gutter), top + row * (ch + gutter), cw, ch))
        horizontal = True
    elif horizontal:
        cw = (w - gutter * (n - 1)) / n
        ch = min(h * 0.86, cw * 2.1)
        top = y0 + (h - ch) / 2
        rects = [(x0 + i * (cw + gutter), top, cw, ch) for i in range(n)]
    else:
        ch = (h - gutter * (n - 1)) / n
        cw = min(w, ch * (3.4 if labels else 2.3))
        left = x0 + (w - cw) / 2
        rects = [(left, y0 + i * (ch + gutter), cw, ch) for i in range(n)]
    radius = min(cw, ch) * 0.08
    label_items: list[tuple[str, Box]] = []
    for i, (rx, ry, rw, rh) in enumerate(rects):
        color = paint.hi if i == n - 1 else paint.main
        board.art.path(rect_d(rx, ry, rw, rh, radius), card_fill)
        pad = min(rw, rh) * 0.12
        label = labels[i] if i < len(labels) else None
        if horizontal:
            board.number(
                f"{i + 1:02d}",
                (rx + pad, ry + pad, rx + rw - pad, ry + pad + rh * 0.14),
                color,
                align="left",
                display=True,
            )
            board.art.rect(rx + pad, ry + pad + rh * 0.19, rw * 0.16, max(2.0, rh * 0.012), color)
            label_top = ry + rh * (0.76 if step_icons else 0.4)  # without symbols the label takes their room
            if step_icons:
                free_top = ry + pad + rh * 0.22
                free_bottom = (label_top - pad * 0.4) if label else (ry + rh - pad)
                size = min(rw * 0.5, (free_bottom - free_top) / 1.8)
                icy = (free_top + free_bottom) / 2
                board.art.circle(rx + rw / 2, icy, size * 0.82, color)
                ctx.draw_icon(board.art, step_icons[i], rx + rw / 2, icy, size * 0.9, paint.on(color), name="step-icon")
            if label:
                label_items.append(
                    (
                        label,
                        (
                            rx + pad * 0.6,
                            label_top,
                            rx + rw - pad * 0.6,
                            min(ry + rh - pad * 0.6, label_top + ctx.short * 0.09) if step_icons else ry + rh - pad,
                        ),
                    )
                )
        else:
            board.number(
                f"{i + 1:02d}",
                (rx + pad, ry + rh * 0.25, rx + rh * 0.9, ry + rh * 0.75),
                color,
                align="left",
                display=True,
            )
            tx = rx + rh * 1.05
            if step_icons:
                size = rh * 0.58
                board.art.circle(tx + size / 2, ry + rh / 2, size * 0.62, color)
                ctx.draw_icon(
                    board.art, step_icons[i], tx + size / 2, ry + rh / 2, size * 0.7, paint.on(color), name="step-icon"
                )
                tx += size * 1.5
            if label:
                label_items.append((label, (tx, ry + rh * 0.3, rx + rw - pad, ry + rh * 0.7)))
    if label_items:
        board.labels(
            label_items,
            paint.ink,
            align="center" if horizontal else "left",
            max_lines=2 if step_icons or not horizontal else 3,
            cap=ctx.short * 0.05,
        )
    # Connectors: a disc with a chevron straddling each gutter.
    for i in range(n - 1):
        rx, ry, rw, rh = rects[i]
        if grid and (i + 1) % cols == 0:
            continue  # the reading order wraps to the next row; no arrow across the grid
        if horizontal:
            cx, cy = rx + rw + gutter / 2, ry + rh / 2
            ang = 0.0
        else:
            cx, cy = rx + rw / 2, ry + rh + gutter / 2
            ang = 90.0
        rr = gutter * 0.62
        board.art.circle(cx, cy, rr, paint.ground, stroke=card_fill, stroke_width=round(gutter * 0.12, 2))
        k = rr * 0.36
        board.art.path(
            f"M{num(cx - k * 0.5)} {num(cy - k)}L{num(cx + k * 0.6)} {num(cy)}L{num(cx - k * 0.5)} {num(cy + k)}",
            None,
            stroke=paint.main,
            stroke_width=round(rr * 0.2, 2),
            stroke_linecap="round",
            stroke_linejoin="round",
            transform=f"rotate({num(ang)} {num(cx)} {num(cy)})" if ang else None,
        )


def _circles(
    board: Board, box: Box, n: int, step_icons: list[icons.Icon], labels: Sequence[str], horizontal: bool
) -> None:
    ctx, paint = board.ctx, board.paint
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    has_below = bool(step_icons or labels)
    if horizontal:
        slot = w / n
        r = min(slot * 0.33, h * (0.13 if has_below else 0.25))
        tile = min(slot * 0.7, r * 2.9) if step_icons else 0.0
        label_h = r * 1.3 if labels else 0.0
        group_h = r * 2.24 + (r * 0.9 + tile if step_icons else 0) + (label_h + r * 0.4 if labels else 0)
        cy = y0 + (h - group_h) / 2 + r * 1.12
        centers = [(x0 + slot * (i + 0.5), cy) for i in range(n)]
    else:
        slot = h / n
        r = min(slot * 0.26, w * 0.11)
        tile = min(slot * 0.7, r * 2.3) if step_icons else 0.0
        cx = x0 + max(r * 1.2, (w - (r * 2.24 + r + tile + (w * 0.4 if labels else 0))) / 2 + r * 1.12)
        centers = [(cx, y0 + slot * (i + 0.5)) for i in range(n)]
    stroke = max(2.0, r * 0.09)
    dashed = ctx.rng.random() < 0.4
    rule = paint.rule
    for i in range(n - 1):
        (ax, ay), (bx, by) = centers[i], centers[i + 1]
        if horizontal:
            sx, ex = ax + r * 1.4, bx - r * 1.4
            if dashed:
                count = 7
                dash = (ex - sx) / (count * 2 - 1)
                for k in range(count):
                    board.art.path(rect_d(sx + dash * 2 * k, ay - stroke / 2, dash, stroke, stroke / 2), rule)
            else:
                board.art.rect(sx, ay - stroke / 2, ex - sx - stroke * 1.5, stroke, rule)
                board.art.path(
                    f"M{num(ex - stroke * 4)} {num(ay - stroke * 3)}L{num(ex)} {num(ay)}"
                    f"L{num(ex - stroke * 4)} {num(ay + stroke * 3)}",
                    None,
                    stroke=rule,
                    stroke_width=round(stroke, 2),
                    stroke_linecap="round",
                    stroke_linejoin="round",
                )
        else:
            sy, ey = ay + r * 1.35, by - r * 1.35
            board.art.rect(ax - stroke / 2, sy, stroke, ey - sy, rule)
    label_items: list[tuple[str, Box]] = []
    for i, (cx, cy) in enumerate(centers):
        color = paint.hi if i == n - 1 else paint.main
        board.art.circle(cx, cy, r * 1.12, None, stroke=color, stroke_width=round(stroke, 2))
        board.art.circle(cx, cy, r * 0.92, color)
        on = paint.on(color)
        board.number(str(i + 1), (cx - r * 0.6, cy - r * 0.42, cx + r * 0.6, cy + r * 0.42), on, display=True)
        label = labels[i] if i < len(labels) else None
        card_fill = paint.step_card
        if horizontal:
            iy = cy + r * 1.12 + r * 0.9
            if step_icons:
                board.art.path(rect_d(cx - tile / 2, iy, tile, tile, tile * 0.24), card_fill)
                ctx.draw_icon(board.art, step_icons[i], cx, iy + tile / 2, tile * 0.56, paint.main, name="step-icon")
                iy += tile
            if label:
                label_items.append((label, (cx - slot * 0.45, iy + r * 0.4, cx + slot * 0.45, iy + r * 0.4 + label_h)))
        else:
            tx = cx + r * 1.12 + r
            if step_icons:
                board.art.path(rect_d(tx, cy - tile / 2, tile, tile, tile * 0.24), card_fill)
                ctx.draw_icon(board.art, step_icons[i], tx + tile / 2, cy, tile * 0.56, paint.main, name="step-icon")
                tx += tile + r * 0.6
            if label:
                label_items.append((label, (tx, cy - r * 0.6, x1, cy + r * 0.6)))
    if label_items:
        board.labels(label_items, paint.ink, align="center" if horizontal else "left")


def _chevrons(board: Board, box: Box, n: int, step_icons: list[icons.Icon], labels: Sequence[str]) -> None:
    ctx, paint = board.ctx, board.paint
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    seg = w / n
    band = min(h * 0.42, seg * 0.72)
    tip = band * 0.3
    rr = band * 0.24
    label_h = band * 0.45 if labels else 0.0
    group_h = band + band * 0.35 + rr * 2 + (label_h + rr if labels else 0)
    cy = y0 + (h - group_h) / 2 + band / 2
    colors = paint.series
    label_items: list[tuple[str, Box]] = []
    for i in range(n):
        sx = x0 + seg * i
        ex = sx + seg - tip - band * 0.05
        pts = [(sx, cy - band / 2), (ex, cy - band / 2), (ex + tip, cy), (ex, cy + band / 2), (sx, cy + band / 2)]
        if i > 0:
            pts.append((sx + tip, cy))
        color = colors[i % len(colors)]
        board.art.polygon(pts, color)
        on = paint.on(color)
        mid = (sx + (tip if i > 0 else 0) + ex) / 2
        if step_icons:
            ctx.draw_icon(board.art, step_icons[i], mid, cy, band * 0.5, on, name="step-icon")
        else:
            board.number(
                str(i + 1), (mid - band * 0.3, cy - band * 0.24, mid + band * 0.3, cy + band * 0.24), on, display=True
            )
        ry = cy + band / 2 + band * 0.35 + rr
        board.art.circle(mid, ry, rr, None, stroke=color, stroke_width=round(max(2.0, rr * 0.14), 2))
        board.number(
            str(i + 1), (mid - rr * 0.6, ry - rr * 0.45, mid + rr * 0.6, ry + rr * 0.45), paint.ink, display=True
        )
        label = labels[i] if i < len(labels) else None
        if label:
            label_items.append((label, (sx + tip * 0.3, ry + rr * 1.5, ex + tip * 0.3, ry + rr * 1.5 + label_h)))
    if label_items:
        board.labels(label_items, paint.ink)


def cycle(board: Board, box: Box, n: int, labels: Sequence[str]) -> str:
    """n stages around a ring, joined clockwise by arrows, the last one leading back to the first."""
    ctx, paint = board.ctx, board.paint
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    stage_icons = _cycle_icons(board, n)
    narrow = max(w, h) > min(w, h) * 1.4
    label_w, label_h = (min(w, h) * (0.22 if narrow else 0.26), min(w, h) * 0.09) if labels else (0.0, 0.0)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    # The largest ring whose discs (r) and labels beyond them (with the disc's rim, ≈ 0.2 r) stay in the box.
    share = min(math.sin(math.pi / n) * 0.62, 0.34)
    ring = (min(w / 2 - label_w, h / 2 - label_h) - min(w, h) * 0.03) / (1 + share * 1.2)
    r = ring * share
    stroke = max(2.0, r * 0.09)
    # On a wide page the ring is an ellipse across it, not a small circle in the middle of an empty band.
    across = ring if w <= h * 1.3 else max(ring, min(w / 2 - label_w - r * 1.2, ring * 2.0))
    down = ring if h <= w * 1.3 else max(ring, min(h / 2 - label_h - r * 1.6, ring * 2.6))
    if across > ring * 1.15 or down > ring * 1.15:
        # the discs can grow with the room: each stage is further from the next
        r = min(ring * 0.5, r * 1.25)
        stroke = max(2.0, r * 0.09)
        label_h = min(h * 0.12, label_h * 1.2)
    turns = [2 * math.pi * i / n for i in range(n)]
    centers = [(cx + across * math.sin(a), cy - down * math.cos(a)) for a in turns]
    gap = math.asin(min(0.95, r * 1.35 / min(down, across)))  # the arrows stop short of the discs
    for i in range(n):
        a0 = 2 * math.pi * i / n + gap
        a1 = 2 * math.pi * (i + 1) / n - gap
        sx, sy = cx + across * math.sin(a0), cy - down * math.cos(a0)
        ex, ey = cx + across * math.sin(a1), cy - down * math.cos(a1)
        board.art.path(
            f"M{num(sx)} {num(sy)}A{num(across)} {num(down)} 0 0 1 {num(ex)} {num(ey)}",
            None,
            stroke=paint.rule,
            stroke_width=round(stroke * 1.4, 2),
            stroke_linecap="round",
        )
        # The arrowhead: along the tangent at the end of the arc (clockwise).
        tx, ty = across * math.cos(a1), down * math.sin(a1)
        norm = math.hypot(tx, ty) or 1.0
        tx, ty = tx / norm, ty / norm
        k = stroke * 3.2
        board.art.polygon(
            [
                (ex + tx * k, ey + ty * k),
                (ex - ty * k * 0.8, ey + tx * k * 0.8),
                (ex + ty * k * 0.8, ey - tx * k * 0.8),
            ],
            paint.rule,
        )
    label_items: list[tuple[str, Box]] = []
    for i, (px, py) in enumerate(centers):
        color = paint.series[i % len(paint.series)]
        board.art.circle(px, py, r, color)
        on = paint.on(color)
        if stage_icons:
            ctx.draw_icon(board.art, stage_icons[i], px, py, r * 1.05, on, name="step-icon")
            badge = r * 0.36
            bx, by = px + r * 0.72, py - r * 0.72
            board.art.circle(bx, by, badge, paint.ground, stroke=color, stroke_width=round(stroke, 2))
            board.number(
                str(i + 1),
                (bx - badge * 0.6, by - badge * 0.5, bx + badge * 0.6, by + badge * 0.5),
                paint.ink,
                display=True,
            )
        else:
            board.number(f"{i + 1:02d}", (px - r * 0.6, py - r * 0.4, px + r * 0.6, py + r * 0.4), on, display=True)
        label = labels[i] if i < len(labels) else None
        if label:
            # Outside the ring, beyond the disc along the spoke, so a label never sits on a disc or an arrow.
            ux, uy = (px - cx) / across, (py - cy) / down
            lx = px + ux * (r + stroke * 2 + label_w / 2)
            ly = py + uy * (r + stroke * 2 + label_h / 2)
            label_items.append((label, (lx - label_w / 2, ly - label_h / 2, lx + label_w / 2, ly + label_h / 2)))
    if label_items:
        board.labels(label_items, paint.ink)
    return "cycle"


def _cycle_icons(board: Board, n: int) -> list[icons.Icon]:
    """A known cycle's stages in order ("water cycle": sun, cloud, rain, sea), else the process icons."""
    for word, stages in _KNOWN_CYCLES.items():
        if has_word(board.ctx, word) and len(stages) >= n:
            found: list[icons.Icon] = []
            for q in stages[:n]:
                got = good_icons(q, 1, solid=True, min_score=0.5)
                if not got:
                    break
                found.append(got[0])
            if len(found) == n:
                note_icons(board.ctx, found)
                return found
    return _step_icons(board, n, avoid=("cycle", "loop", "repeat", "stage"))


# How sure the icon search must be that an icon draws a step's own words ("pour": a kettle pouring).
_LABEL_ICON_SCORE = 1.0


def _label_icon(label: str) -> icons.Icon | None:
    """An icon for a step's own words: the search's sure match ("pour": a kettle pouring), else an icon named for
    the first thing the label names ("no screens before bed": a screen, "limit caffeine": coffee)."""
    sure = good_icons(label, 1, solid=True, min_score=_LABEL_ICON_SCORE)
    if sure:
        return sure[0]
    verb = label.split()[0].lower() if len(label.split()) > 1 else ""
    if verb in LEXICON and wordnet.pos_counts(verb).get("v"):
        # "dig a hole": the step's act has the tool that does it (a shovel), not the hole
        found = resolve(verb, None)
        if found is not None and any(names_thing(found[0], target) for target in LEXICON[verb]):
            return solid_twin(found[0])
    things = reading.read(label).things[:2]
    for thing in things:
        found = resolve(thing.noun, None, literal=True)
        if found is not None and names_thing(found[0], found[1]) and _plainly(found[0], label):
            return solid_twin(found[0])
    for thing in things:
        # "limit caffeine": coffee, "same bedtime": a bed — the thing as the lexicon draws it.
        said = next((w for w in (thing.noun, thing.noun.split()[-1]) if w in LEXICON), None)
        found = resolve(said, None) if said else None
        if found is not None and any(names_thing(found[0], target) for target in LEXICON[said or ""]):
            return solid_twin(found[0])
    return None


_STYLE_PARTS = frozenset("fill outline alt variant bold duotone thin light regular box circle".split())


def _plainly(icon: icons.Icon, label: str) -> bool:
    """An icon named for the thing alone, or only by the label's words: "room" is no room-service bell."""
    parts = [p for p in icon.name.split("-") if p not in _STYLE_PARTS]
    said = {icons.lemma(w) for w in label.lower().split()}
    return len(parts) <= 1 or all(icons.lemma(p) in said for p in parts)


def _step_icons(board: Board, n: int, avoid: tuple[str, ...] = (), labels: Sequence[str] = ()) -> list[icons.Icon]:
    # The diagram's own kind is no stage ("5 stage cycle" must not draw bicycles).
    topic = [ic for ic in board.icons if not any(word in ic.name for word in avoid)]
    found = topic
    onboarding = has_word(board.ctx, "onboarding", "signup", "sign", "account")
    generic = _ONBOARDING_ICONS if onboarding else _PROCESS_ICONS
    if labels:
        # A step whose words have an icon of their own gets it ("mix", "launch"); the others take the topic's.
        own = [_label_icon(label) for label in labels]
        seen: set[str] = set()
        for i, ic in enumerate(own):  # one icon per step: a second "bed" gives way to the topic's own
            if ic is not None and ic.key in seen:
                own[i] = None
            elif ic is not None:
                seen.add(ic.key)
        keys = {ic.key for ic in own if ic is not None}
        generic = (
            _ONBOARDING_ICONS if has_word(board.ctx, "onboarding", "signup", "sign", "account") else _PROCESS_ICONS
        )
        # The others take the topic's icons, then plain process glyphs, each in its own step's place.
        fallback = [ic for ic in topic if ic.key not in keys] + [
            ic for q in generic for ic in good_icons(q, 1, solid=True, min_score=0.5) if ic.key not in keys
        ]
        spare = iter(dict((ic.key, ic) for ic in fallback).values())
        mixed = [ic if ic is not None else next(spare, None) for ic in own[:n]]
        found = [ic for ic in mixed if ic is not None]
        if len(found) < len(mixed) or len({ic.key for ic in found}) < len(found):
            found = topic
    if len(found) < n:
        for q in generic:
            for ic in good_icons(q, 1, solid=True, min_score=0.5):
                if ic.key not in {f.key for f in found}:
                    found.append(ic)
            if len(found) >= n:
                break
    if len(found) < n:
        return []
    note_icons(board.ctx, found[:n])
    return found[:n]
