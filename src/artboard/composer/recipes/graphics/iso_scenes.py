"""Isometric heroes: a hub, a platform with a screen, floating layers, blocks, growth stairs, a city block or a
server room, chosen by the prompt's words (else by the seed), fitted beside the brief's headline.
"""

from __future__ import annotations

from artboard.colors import RGB, oklch
from artboard.composer import shapes
from artboard.composer.canvas import Node, circle_d, rect_d
from artboard.composer.context import Ctx
from artboard.composer.recipes.graphics.common import best_icon, has_word, title_block
from artboard.composer.recipes.graphics.iso_diorama import diorama, props_for, sprite_drawer
from artboard.composer.recipes.graphics.iso_props import (
    Kit,
    floating_card,
    floor_shadow,
    kit_for,
    panel,
    scene_queries,
    seeded_values,
    tile_grid,
)
from artboard.composer.recipes.graphics.iso_shapes import Proj, Scene, face_path, icon_on_face


def isometric(ctx: Ctx) -> str:
    """The isometric recipe: one scene fitted into the free space, the brief's headline beside or above it."""
    b, s, rng = ctx.brief, ctx.scheme, ctx.rng
    w, h = float(ctx.width), float(ctx.height)
    kit = kit_for(ctx)
    art = ctx.canvas.group("isometric")
    kind = choose_kind(ctx)
    scene = Scene(ctx)
    props = props_for(ctx) if kind not in ("city", "server", "shop") else []
    if len(props) >= 2 or (
        props
        and kind in ("hub", "platform", "layers", "blocks", "stairs")
        and not has_word(ctx, "growth", "success", "career", "layered", "layers", "stack")
    ):
        # Named things ("a tiny office: desk, laptop, plant, mug") are what the picture is of.
        kind = "diorama"
        diorama(ctx, scene, kit, props)
    else:
        {
            "hub": _hub,
            "platform": _platform,
            "layers": _layers,
            "blocks": _blocks,
            "stairs": _stairs,
            "city": _city,
            "server": _server,
            "shop": _shop,
        }[kind](ctx, scene, kit)
        if kind in _BUILT_IN:
            _extras(ctx, scene, kit, kind)
    # Free space: the whole canvas inside the margins, less a text column when the brief has words.
    m = ctx.margin * 1.1
    box = (m, m, w - m, h - m)
    if b.headline:
        if w / h >= 1.2:
            text_box = (m, h * 0.3, w * 0.42, h * 0.7)
            box = (w * 0.46, m, w - m, h - m)
        else:
            text_box = (m, m, w - m, m + ctx.short * 0.2)
            box = (m, m + ctx.short * 0.26, w - m, h - m)
        title_block(ctx, art.group("copy"), text_box, s.ink, align="left" if w / h >= 1.2 else "center")
    if s.background is not None and not b.has("minimal") and rng.random() < 0.5:
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        r = min(box[2] - box[0], box[3] - box[1]) * 0.46
        art.circle(cx, cy, r, kit.floor.top if oklch(s.ground)[0] > 0.5 else kit.pale.right)
    scene.render(art.group("scene"), box)
    return f"isometric-{kind}"


# What the word-chosen scenes draw themselves, noted in the manifest; other things named stand in the scene.
_BUILT_IN = {
    "city": ("building", "skyscraper", "tower", "street", "road", "tree", "park", "city", "block"),
    "server": ("server", "server rack", "rack", "database", "data center", "datacenter"),
}


def _extras(ctx: Ctx, scene: Scene, kit: Kit, kind: str) -> None:
    """Record what the scene drew, and stand the other named things in it: on the first street of a city,
    floating over a server room (a cloud above the racks)."""
    drawn = ctx.info.setdefault("drawn", [])
    drawn += [{"concept": c, "icon": ""} for c in _BUILT_IN[kind][:2]]
    if kind == "city" and has_word(ctx, "tree", "trees", "park"):
        drawn.append({"concept": "tree", "icon": ""})
    others = [
        p for p in props_for(ctx, limit=3) if not any(w in _BUILT_IN[kind] for w in (p.concept, p.concept.split()[-1]))
    ]
    for k, prop in enumerate(others):
        if kind == "city":  # on the front street, in front of the blocks
            x, y, z, size = 9.2 - k * 3.0, 10.2, 0.0, 2.3
        else:  # floating over the middle of the room
            x, y, z, size = 3.2 + k * 2.4, 6.0, 4.6, 2.6
        scene.sprite(x, y, z, size, sprite_drawer(ctx, prop.icon, kit), on_top=True)
        drawn.append({"concept": prop.concept, "icon": prop.icon.key})


_SHOPS = (
    "shop",
    "store",
    "cafe",
    "café",
    "coffeehouse",
    "bakery",
    "restaurant",
    "boutique",
    "bookstore",
    "bookshop",
    "florist",
    "pharmacy",
    "market",
    "storefront",
    "kiosk",
    "bar",
    "pub",
    "diner",
    "salon",
    "barbershop",
    "pizzeria",
    "deli",
    "grocery",
    "shopfront",
)


def choose_kind(ctx: Ctx) -> str:
    """The scene the prompt's words ask for, else one drawn by the seed."""
    rng = ctx.rng
    if has_word(ctx, *_SHOPS):
        return "shop"
    if has_word(ctx, "city", "town", "street", "buildings", "building", "urban", "skyline", "downtown"):
        return "city"
    if has_word(ctx, "server", "servers", "datacenter", "database", "rack", "racks", "hosting", "cloud"):
        return "server"
    if has_word(ctx, "stairs", "steps", "growth", "success", "career", "staircase"):
        return "stairs"
    if has_word(ctx, "layered", "layers", "stack", "stacked"):
        return ["hub", "layers", "hub", "platform"][rng.randrange(4)]
    return ["hub", "platform", "layers", "blocks", "stairs"][rng.randrange(5)]


def _platform(ctx: Ctx, scene: Scene, kit: Kit) -> None:
    """A floor with a standing screen, solid bars, a stack of disks and floating shapes with their shadows."""
    rng = ctx.rng
    scene.box(0, 0, -0.7, 10, 10, 0.7, kit.floor)
    facing = rng.choice(["left", "right"])
    style = rng.choice(["bars", "line"])
    if facing == "left":
        panel(scene, kit, 2.0, 0.8, 6.2, 4.6, seeded_values(ctx, 6), style)
    else:
        panel(scene, kit, 0.8, 2.0, 6.2, 4.6, seeded_values(ctx, 6), style, face="right")
    # Rising blocks: a bar chart in solid form, on the side away from the screen.
    heights = sorted(rng.uniform(0.9, 3.0) for _ in range(4))
    for k, bh in enumerate(heights):
        shades = kit.accent if k == 3 else kit.main
        if facing == "left":
            scene.box(6.9, 2.2 + k * 1.45, 0, 1.05, 1.05, bh, shades)
        else:
            scene.box(2.2 + k * 1.45, 6.9, 0, 1.05, 1.05, bh, shades)
    # A stack of disks (coins / a database) in the front corner.
    cx, cy = (4.4, 7.8) if facing == "left" else (7.8, 4.4)
    for k in range(3):
        scene.cylinder(cx, cy, k * 0.62, 0.95, 0.5, kit.accent if k == 2 else kit.alt)
    # Floating shapes over the free corner of the platform, each with a shadow on the floor below.
    if facing == "left":
        card = (0.5, 7.0, 2.9)
        cube = (2.2, 4.6, 3.6)
        ball = (8.6, 0.2, 5.6)
    else:
        card = (7.0, 0.5, 2.9)
        cube = (4.6, 2.2, 3.6)
        ball = (0.2, 8.6, 5.6)
    floor_shadow(scene, kit, card[0] + 1.3, card[1] + 1.3, 1.1, 0.0)
    floating_card(ctx, scene, kit, card[0], card[1], card[2], 2.6)
    floor_shadow(scene, kit, cube[0], cube[1], 0.5, 0.0)
    scene.box(cube[0] - 0.45, cube[1] - 0.45, cube[2], 0.9, 0.9, 0.9, kit.accent)
    scene.sphere(ball[0], ball[1], ball[2], 0.5, kit.main)


def _hub(ctx: Ctx, scene: Scene, kit: Kit) -> None:
    """A base platform with a floating stack of layers at its heart, data blocks and disks around it."""
    rng = ctx.rng
    size = 12.0
    scene.box(0, 0, -0.8, size, size, 0.8, kit.floor)
    # The stack: three slabs floating over the middle, a tile grid on the top one.
    core, cx0 = 5.0, 3.5
    gap = rng.uniform(1.5, 1.8)
    base_z = 1.5
    floor_shadow(scene, kit, cx0 + core / 2, cx0 + core / 2, core * 0.62, 0.0)
    palette = [kit.main, kit.alt, kit.pale] if rng.random() < 0.5 else [kit.alt, kit.main, kit.pale]
    for k in range(3):
        z = base_z + k * gap
        decor = None
        if k == 2:
            accents = {rng.randrange(9)}
            decor = tile_grid(kit, 3, core - 1.2, accents, kit.main.top, kit.accent.top)(cx0 + 0.6, cx0 + 0.6, z + 0.35)
        scene.box(cx0, cx0, z, core, core, 0.35, palette[k], decor)
    # A beam of light (thin pillar) under the stack.
    scene.box(cx0 + core / 2 - 0.2, cx0 + core / 2 - 0.2, 0, 0.4, 0.4, base_z, kit.pale)
    layout = rng.choice(["bars-left", "bars-right"])
    bars = sorted(rng.uniform(0.7, 2.4) for _ in range(3))
    for k, bh in enumerate(bars):
        shades = kit.accent if k == 2 else kit.main
        if layout == "bars-left":
            scene.box(0.9 + k * 1.2, 9.6, 0, 0.9, 0.9, bh, shades)
        else:
            scene.box(9.6, 0.9 + k * 1.2, 0, 0.9, 0.9, bh, shades)
    dx, dy = (9.9, 9.4) if layout == "bars-left" else (9.4, 9.9)
    for k in range(3):
        scene.cylinder(dx, dy, k * 0.5, 0.8, 0.4, kit.accent if k == 2 else kit.alt)
    # A standing screen at the back edge, facing the free side.
    if layout == "bars-left":
        panel(
            scene,
            kit,
            8.6,
            0.5,
            3.0,
            2.6,
            seeded_values(ctx, 5),
            rng.choice(["bars", "line"]),
            thick=0.25,
            face="right",
        )
    else:
        panel(scene, kit, 0.5, 8.6, 3.0, 2.6, seeded_values(ctx, 5), rng.choice(["bars", "line"]), thick=0.25)
    # Floaters: a cube and a ball above the free corners.
    bx, by = (0.8, 7.0) if layout == "bars-left" else (7.0, 0.8)
    scene.box(1.0, 1.0, 3.6, 0.9, 0.9, 0.9, kit.accent)
    floor_shadow(scene, kit, 1.45, 1.45, 0.5, 0.0)
    scene.sphere(bx, by, 3.0, 0.45, kit.main)
    floor_shadow(scene, kit, bx, by, 0.42, 0.0)


def _layers(ctx: Ctx, scene: Scene, kit: Kit) -> None:
    """A stack of floating slabs (or discs): the classic 'platform layers' diagram."""
    rng = ctx.rng
    size = 8.0
    n = rng.choice([3, 3, 4])
    gap = rng.uniform(1.9, 2.3) if n == 3 else rng.uniform(1.5, 1.8)
    thick = 0.5
    round_layers = rng.random() < 0.3
    pillars = not round_layers and rng.random() < 0.5
    palettes = [[kit.main, kit.alt, kit.pale], [kit.main, kit.pale, kit.alt], [kit.alt, kit.main, kit.pale]]
    palette = palettes[rng.randrange(len(palettes))]
    if n == 4:
        palette = [kit.main, kit.alt, kit.main, kit.pale]
    top_style = rng.choice(["tiles", "blocks", "icon", "tiles"])
    queries = scene_queries(ctx)
    icon = best_icon(ctx, queries[0], solid=True, min_score=0.7) if queries and top_style == "icon" else None
    if top_style == "icon" and icon is None:
        top_style = "ring"
    half = size / 2
    for k in range(n):
        z = k * gap
        shades = palette[k % len(palette)]
        top = k == n - 1
        if round_layers:
            scene.cylinder(half, half, z, half, thick, shades)
        else:
            decor = None
            if top and top_style == "tiles":
                accents = {rng.randrange(9), rng.randrange(9)}
                decor = tile_grid(kit, 3, size - 2.0, accents, kit.main.top, kit.accent.top)(1.0, 1.0, z + thick)
            elif top and top_style in ("icon", "ring"):

                def decor(node: Node, P: Proj, scale: float, z: float = z) -> None:  # type: ignore[misc,unused-ignore]
                    if icon is not None:
                        node.path(icon_on_face(icon, "top", P, (1.6, 1.6, z + thick), size - 3.2, scale), kit.main.left)
                    else:
                        ring = shapes.difference(circle_d(half, half, half * 0.62), circle_d(half, half, half * 0.42))
                        node.path(face_path(ring, "top", P, (0, 0, z + thick), scale), kit.accent.top)
            elif not top and k == n - 2 and rng.random() < 0.6:

                def decor(node: Node, P: Proj, scale: float, z: float = z) -> None:  # type: ignore[misc,unused-ignore]
                    d = rect_d(0.9, 0.9, size - 1.8, size - 1.8, 0.5)
                    inner = rect_d(1.25, 1.25, size - 2.5, size - 2.5, 0.3)
                    node.path(
                        face_path(shapes.difference(d, inner), "top", P, (0.0, 0.0, z + thick), scale), kit.accent.top
                    )

            scene.box(0, 0, z, size, size, thick, shades, decor)
        if k > 0 and pillars:
            for px, py in ((0.5, 0.5), (size - 0.8, 0.5), (0.5, size - 0.8), (size - 0.8, size - 0.8)):
                scene.box(px, py, z - gap + thick, 0.3, 0.3, gap - thick, kit.pale)
        if top and top_style == "blocks":
            heights = [rng.uniform(0.6, 2.2) for _ in range(3)]
            for i, bh in enumerate(heights):
                scene.box(1.4 + i * 1.9, 4.6 - i * 1.2, z + thick, 1.2, 1.2, bh, kit.accent if i == 1 else kit.main)
    # Small shapes floating beside the stack (kept inside its silhouette's width).
    top_z = (n - 1) * gap
    floaters = [
        (size + 0.9, 1.0, top_z * 0.55, 0.9, "cube", kit.accent),
        (0.6, size + 0.9, top_z * 0.9, 0.45, "sphere", kit.accent),
        (size + 1.2, size - 2.5, -0.6, 0.6, "cube", kit.alt),
    ]
    if rng.random() < 0.5:
        floaters = [
            (1.0, size + 0.9, top_z * 0.5, 0.9, "cube", kit.accent),
            (size + 0.9, 0.6, top_z * 0.9, 0.45, "sphere", kit.main),
            (size - 2.5, size + 1.2, -0.6, 0.6, "cube", kit.alt),
        ]
    for fx, fy, fz, fs, what, shades in floaters:
        if what == "cube":
            scene.box(fx - fs / 2, fy - fs / 2, fz, fs, fs, fs, shades)
        else:
            scene.sphere(fx, fy, fz, fs, shades)


def _blocks(ctx: Ctx, scene: Scene, kit: Kit) -> None:
    """A 4×4 field of blocks (a few drums among them), higher towards the back, a ball above."""
    rng = ctx.rng
    n = 4
    scene.box(-0.4, -0.4, -0.6, n * 1.6 + 0.6, n * 1.6 + 0.6, 0.6, kit.floor)
    accent_cells = {(rng.randrange(n), rng.randrange(n)) for _ in range(2)}
    for i in range(n):
        for j in range(n):
            base = 0.6 + (n * 2 - i - j) * 0.35
            hgt = max(0.3, base * rng.uniform(0.45, 1.25))
            shades = kit.accent if (i, j) in accent_cells else (kit.main if (i + j) % 3 else kit.alt)
            if rng.random() < 0.18 and (i, j) not in accent_cells:
                scene.cylinder(i * 1.6 + 0.6, j * 1.6 + 0.6, 0, 0.55, hgt, kit.alt)
            else:
                scene.box(i * 1.6, j * 1.6, 0, 1.2, 1.2, hgt, shades)
    scene.sphere(-0.2, -0.2, n * 1.35 + 2.2, 0.45, kit.accent)


def _stairs(ctx: Ctx, scene: Scene, kit: Kit) -> None:
    """Rising steps as separate blocks, a ball at the top: the growth metaphor."""
    rng = ctx.rng
    steps = rng.choice([4, 5])
    depth = 1.5
    gap = 0.18
    scene.box(-0.8, -0.8, -0.6, steps * (depth + gap) + 3.6, 6.0, 0.6, kit.floor)
    rise = rng.uniform(0.75, 0.95)
    for k in range(steps):
        shades = kit.main if k % 2 == 0 else kit.alt
        if k == steps - 1:
            shades = kit.accent
        scene.box((steps - 1 - k) * (depth + gap), 0.4, 0, depth, 3.4, rise * (k + 1), shades)
    top = rise * steps
    scene.sphere(depth / 2, 2.1, top, 0.55, kit.main)
    far = steps * (depth + gap) + 0.6
    scene.box(far, 0.6, 0, 1.5, 1.5, 1.5, kit.pale)
    scene.box(far + 0.35, 0.95, 1.5, 0.8, 0.8, 0.8, kit.accent)
    for k in range(3):
        scene.cylinder(1.4, 4.9, k * 0.5, 0.75, 0.4, kit.accent if k == 2 else kit.alt)
    floor_shadow(scene, kit, far + 0.8, 4.2, 0.45, 0.0)
    scene.box(far + 0.4, 3.8, 2.2, 0.8, 0.8, 0.8, kit.main)


def _city(ctx: Ctx, scene: Scene, kit: Kit) -> None:
    """A 3×3 grid of lots between marked streets: towers with windows, now and then a small park."""
    rng = ctx.rng
    n = 3
    lot = 2.6
    street = 1.1
    span = n * lot + (n - 1) * street
    scene.box(-0.6, -0.6, -0.7, span + 1.2, span + 1.2, 0.7, kit.floor)

    def road(node: Node, P: Proj, scale: float) -> None:
        for k in range(1, n):
            c = k * (lot + street) - street
            for d in (rect_d(c, -0.6, street, span + 1.2), rect_d(-0.6, c, span + 1.2, street)):
                node.path(face_path(d, "top", P, (0, 0, 0), scale), kit.floor.right)
            for t in range(int(span + 1.2)):
                dash1 = rect_d(c + street / 2 - 0.05, -0.6 + t + 0.2, 0.1, 0.5)
                dash2 = rect_d(-0.6 + t + 0.2, c + street / 2 - 0.05, 0.5, 0.1)
                for dd in (dash1, dash2):
                    node.path(face_path(dd, "top", P, (0, 0, 0), scale), kit.pale.top)

    scene.decal(0, road, (-0.6, -0.6), (span + 0.6, span + 0.6))
    for i in range(n):
        for j in range(n):
            x0, y0 = i * (lot + street), j * (lot + street)
            roll = rng.random()
            if (i, j) == (n - 1, 0) and has_word(ctx, "tree", "trees", "park"):
                roll = 0.0  # trees were asked for: one lot is a park
            if roll < 0.18:
                # A small park: trees as cylinders topped with spheres.
                for tx, ty in ((0.7, 0.7), (1.9, 1.1), (1.1, 1.9)):
                    scene.cylinder(x0 + tx, y0 + ty, 0, 0.12, 0.5, kit.floor)
                    scene.sphere(x0 + tx, y0 + ty, 0.45, 0.38, kit.alt)
                continue
            hgt = rng.uniform(1.5, 5.5) * (1.2 if i + j <= 1 else 1.0)
            shades = kit.main if roll < 0.7 else (kit.accent if roll < 0.82 else kit.pale)
            win = kit.pale.left if shades is not kit.pale else kit.main.left
            wx, wy = lot - 0.4, lot - 0.4
            floors = max(2, int(hgt / 0.6))

            def windows(
                node: Node,
                P: Proj,
                scale: float,
                x0: float = x0,
                y0: float = y0,
                hgt: float = hgt,
                floors: int = floors,
                win: RGB = win,
                wx: float = wx,
                wy: float = wy,
            ) -> None:
                cols = 3
                for f in range(floors):
                    for c in range(cols):
                        u = 0.25 + c * (wx - 0.5) / cols
                        v = 0.3 + f * (hgt - 0.45) / floors
                        d = rect_d(u, v, (wx - 0.5) / cols * 0.55, (hgt - 0.45) / floors * 0.5)
                        node.path(face_path(d, "left", P, (x0 + 0.2, y0 + 0.2 + wy, hgt), scale), win)
                        node.path(face_path(d, "right", P, (x0 + 0.2 + wx, y0 + 0.2 + wy, hgt), scale), win)

            scene.box(x0 + 0.2, y0 + 0.2, 0, wx, wy, hgt, shades, windows)
            if rng.random() < 0.4:
                scene.box(x0 + 0.8, y0 + 0.8, hgt, 0.8, 0.8, 0.5, kit.pale)


def _server(ctx: Ctx, scene: Scene, kit: Kit) -> None:
    """Two rows of racks with blinking lights, and a cloud-drum beside them."""
    racks = 4
    scene.box(-0.6, -0.6, -0.5, racks * 1.5 + 1.2, 8.2, 0.5, kit.floor)
    for row, y in enumerate((0.0, 4.0)):
        for k in range(racks):
            x = k * 1.5
            hgt = 3.6

            def leds(
                node: Node,
                P: Proj,
                scale: float,
                x: float = x,
                y: float = y,
                k: int = k,
                row: int = row,
                hgt: float = hgt,
            ) -> None:
                units = 6
                for u in range(units):
                    v = 0.3 + u * (hgt - 0.6) / units
                    d = rect_d(0.15, v, 1.0, (hgt - 0.6) / units * 0.7)
                    node.path(face_path(d, "left", P, (x, y + 1.6, hgt), scale), kit.main.right)
                    lit = (u + k + row) % 3 == 0
                    node.path(
                        face_path(
                            circle_d(1.0, v + (hgt - 0.6) / units * 0.35, 0.06), "left", P, (x, y + 1.6, hgt), scale
                        ),
                        kit.accent.top if lit else kit.alt.top,
                    )

            scene.box(x, y, 0, 1.3, 1.6, hgt, kit.main, leds)
    scene.cylinder(racks * 1.5 + 0.2, 6.4, 0, 0.45, 1.2, kit.alt, rings=2, ring_color=kit.accent.top)


def _shop(ctx: Ctx, scene: Scene, kit: Kit) -> None:
    """A corner shop: walls with a shop window and a door, a striped awning, a sign on the roof carrying the
    subject's symbol (a cup for a coffee shop), a café table and a tree on the pavement."""
    rng = ctx.rng
    scene.box(-1.5, -1.5, -0.6, 10.0, 9.5, 0.6, kit.floor)
    wall, trim = (kit.pale, kit.main) if rng.random() < 0.6 else (kit.main, kit.pale)
    bw, bd, bh = 6.0, 4.2, 3.8
    win_color, frame = kit.alt.top, trim.left

    def front(node: Node, P: Proj, scale: float) -> None:
        # The y = bd face (facing down-left): a wide window and a door.
        origin = (0.0, bd, bh)
        node.path(face_path(rect_d(0.5, 1.1, 3.2, 1.9), "left", P, origin, scale), frame)
        node.path(face_path(rect_d(0.62, 1.22, 2.96, 1.66), "left", P, origin, scale), win_color)
        node.path(face_path(rect_d(2.02, 1.22, 0.08, 1.66), "left", P, origin, scale), frame)  # mullion
        for k in range(3):  # the glass's glints
            node.path(
                face_path(rect_d(0.85 + k * 0.22, 1.4 + k * 0.05, 0.08, 0.9), "left", P, origin, scale), kit.pale.top
            )
        node.path(face_path(rect_d(4.3, 1.2, 1.2, 2.6, 0.08), "left", P, origin, scale), trim.left)  # door
        node.path(face_path(circle_d(5.3, 2.55, 0.07), "left", P, origin, scale), kit.accent.top)

    def side(node: Node, P: Proj, scale: float) -> None:
        # The x = bw face: two small windows.
        origin = (bw, bd, bh)
        for u in (0.9, 2.6):
            node.path(face_path(rect_d(u, 1.2, 0.9, 1.1), "right", P, origin, scale), frame)
            node.path(face_path(rect_d(u + 0.1, 1.3, 0.7, 0.9), "right", P, origin, scale), win_color)

    def both(node: Node, P: Proj, scale: float) -> None:
        front(node, P, scale)
        side(node, P, scale)

    scene.box(0, 0, 0, bw, bd, bh, wall, both)
    scene.box(-0.1, -0.1, bh, bw + 0.2, bd + 0.2, 0.35, trim)  # the parapet
    # The awning: a thin slab over the window, striped on top.
    stripes = 8
    awning_w = 3.6

    def stripes_decor(node: Node, P: Proj, scale: float) -> None:
        for k in range(0, stripes, 2):
            d = rect_d(0.3 + k * awning_w / stripes, bd, awning_w / stripes, 1.0)
            node.path(face_path(d, "top", P, (0, 0, 2.95), scale), kit.accent.top)

    scene.box(0.3, bd, 2.8, awning_w, 1.0, 0.15, kit.pale, stripes_decor)
    # The sign on the roof, the subject's symbol on its face.
    icon = best_icon(ctx, (scene_queries(ctx) or ["shop"])[0], solid=True, min_score=0.7)

    def sign(node: Node, P: Proj, scale: float) -> None:
        if icon is not None:
            node.path(icon_on_face(icon, "left", P, (1.6, bd - 1.0, bh + 2.05), 1.2, scale), kit.pale.top)

    scene.box(1.3, bd - 1.2, bh + 0.35, 1.8, 0.2, 1.8, kit.accent, sign)
    # The pavement: a café table with a parasol, and a tree.
    tx, ty = 5.0, bd + 2.2
    scene.cylinder(tx, ty, 0, 0.08, 1.0, kit.main)
    scene.cylinder(tx, ty, 1.0, 0.55, 0.08, kit.main)
    scene.cylinder(tx, ty, 1.08, 0.04, 1.3, kit.pale)  # the parasol's pole, up through the table
    scene.pyramid(tx - 0.8, ty - 0.8, 2.3, 1.6, 0.5, kit.accent)
    scene.cylinder(7.4, 1.0, 0, 0.14, 1.9, kit.alt)
    scene.sphere(7.4, 1.0, 1.6, 0.9, kit.alt)
