"""Named colours: pure data, no logic (:mod:`artboard.colors` re-exports the public tables).

``CSS_COLORS`` are the 147 CSS Color Level 4 keywords (without "transparent"); SVG content is read with these
only, so a colour in a document always means what a browser or resvg would paint. ``DESIGNER_COLORS`` are the
words designers and prompts use ("sage", "dusty rose"); ``NAMED_COLORS`` is both, and CSS keywords keep their
CSS meaning when a designer name would clash, so "olive" in a prompt, a palette and an SVG is one colour.

Insertion order is kept on purpose (it decides which spelling a "did you mean" hint names).
"""

from __future__ import annotations

RGB = tuple[int, int, int]

__all__ = ["CSS_COLORS", "DESIGNER_COLORS", "NAMED_COLORS", "RGB"]

CSS_COLORS: dict[str, RGB] = {
    "aliceblue": (240, 248, 255), "antiquewhite": (250, 235, 215), "aqua": (0, 255, 255),
    "aquamarine": (127, 255, 212), "azure": (240, 255, 255), "beige": (245, 245, 220), "bisque": (255, 228, 196),
    "black": (0, 0, 0), "blanchedalmond": (255, 235, 205), "blue": (0, 0, 255), "blueviolet": (138, 43, 226),
    "brown": (165, 42, 42), "burlywood": (222, 184, 135), "cadetblue": (95, 158, 160), "chartreuse": (127, 255, 0),
    "chocolate": (210, 105, 30), "coral": (255, 127, 80), "cornflowerblue": (100, 149, 237),
    "cornsilk": (255, 248, 220), "crimson": (220, 20, 60), "cyan": (0, 255, 255), "darkblue": (0, 0, 139),
    "darkcyan": (0, 139, 139), "darkgoldenrod": (184, 134, 11), "darkgray": (169, 169, 169), "darkgreen": (0, 100, 0),
    "darkgrey": (169, 169, 169), "darkkhaki": (189, 183, 107), "darkmagenta": (139, 0, 139),
    "darkolivegreen": (85, 107, 47), "darkorange": (255, 140, 0), "darkorchid": (153, 50, 204), "darkred": (139, 0, 0),
    "darksalmon": (233, 150, 122), "darkseagreen": (143, 188, 143), "darkslateblue": (72, 61, 139),
    "darkslategray": (47, 79, 79), "darkslategrey": (47, 79, 79), "darkturquoise": (0, 206, 209),
    "darkviolet": (148, 0, 211), "deeppink": (255, 20, 147), "deepskyblue": (0, 191, 255), "dimgray": (105, 105, 105),
    "dimgrey": (105, 105, 105), "dodgerblue": (30, 144, 255), "firebrick": (178, 34, 34),
    "floralwhite": (255, 250, 240), "forestgreen": (34, 139, 34), "fuchsia": (255, 0, 255),
    "gainsboro": (220, 220, 220), "ghostwhite": (248, 248, 255), "gold": (255, 215, 0), "goldenrod": (218, 165, 32),
    "gray": (128, 128, 128), "green": (0, 128, 0), "greenyellow": (173, 255, 47), "grey": (128, 128, 128),
    "honeydew": (240, 255, 240), "hotpink": (255, 105, 180), "indianred": (205, 92, 92), "indigo": (75, 0, 130),
    "ivory": (255, 255, 240), "khaki": (240, 230, 140), "lavender": (230, 230, 250), "lavenderblush": (255, 240, 245),
    "lawngreen": (124, 252, 0), "lemonchiffon": (255, 250, 205), "lightblue": (173, 216, 230),
    "lightcoral": (240, 128, 128), "lightcyan": (224, 255, 255), "lightgoldenrodyellow": (250, 250, 210),
    "lightgray": (211, 211, 211), "lightgreen": (144, 238, 144), "lightgrey": (211, 211, 211),
    "lightpink": (255, 182, 193), "lightsalmon": (255, 160, 122), "lightseagreen": (32, 178, 170),
    "lightskyblue": (135, 206, 250), "lightslategray": (119, 136, 153), "lightslategrey": (119, 136, 153),
    "lightsteelblue": (176, 196, 222), "lightyellow": (255, 255, 224), "lime": (0, 255, 0), "limegreen": (50, 205, 50),
    "linen": (250, 240, 230), "magenta": (255, 0, 255), "maroon": (128, 0, 0), "mediumaquamarine": (102, 205, 170),
    "mediumblue": (0, 0, 205), "mediumorchid": (186, 85, 211), "mediumpurple": (147, 112, 216),
    "mediumseagreen": (60, 179, 113), "mediumslateblue": (123, 104, 238), "mediumspringgreen": (0, 250, 154),
    "mediumturquoise": (72, 209, 204), "mediumvioletred": (199, 21, 133), "midnightblue": (25, 25, 112),
    "mintcream": (245, 255, 250), "mistyrose": (255, 228, 225), "moccasin": (255, 228, 181),
    "navajowhite": (255, 222, 173), "navy": (0, 0, 128), "oldlace": (253, 245, 230), "olive": (128, 128, 0),
    "olivedrab": (107, 142, 35), "orange": (255, 165, 0), "orangered": (255, 69, 0), "orchid": (218, 112, 214),
    "palegoldenrod": (238, 232, 170), "palegreen": (152, 251, 152), "paleturquoise": (175, 238, 238),
    "palevioletred": (216, 112, 147), "papayawhip": (255, 239, 213), "peachpuff": (255, 218, 185),
    "peru": (205, 133, 63), "pink": (255, 192, 203), "plum": (221, 160, 221), "powderblue": (176, 224, 230),
    "purple": (128, 0, 128), "rebeccapurple": (102, 51, 153), "red": (255, 0, 0), "rosybrown": (188, 143, 143),
    "royalblue": (65, 105, 225), "saddlebrown": (139, 69, 19), "salmon": (250, 128, 114), "sandybrown": (244, 164, 96),
    "seagreen": (46, 139, 87), "seashell": (255, 245, 238), "sienna": (160, 82, 45), "silver": (192, 192, 192),
    "skyblue": (135, 206, 235), "slateblue": (106, 90, 205), "slategray": (112, 128, 144),
    "slategrey": (112, 128, 144), "snow": (255, 250, 250), "springgreen": (0, 255, 127), "steelblue": (70, 130, 180),
    "tan": (210, 180, 140), "teal": (0, 128, 128), "thistle": (216, 191, 216), "tomato": (255, 99, 71),
    "turquoise": (64, 224, 208), "violet": (238, 130, 238), "wheat": (245, 222, 179), "white": (255, 255, 255),
    "whitesmoke": (245, 245, 245), "yellow": (255, 255, 0), "yellowgreen": (154, 205, 50),
}

DESIGNER_COLORS: dict[str, RGB] = {
    "alabaster": (237, 234, 222), "amber": (255, 191, 0), "apricot": (251, 206, 177), "aubergine": (61, 7, 52),
    "avocado": (86, 130, 3), "blush": (232, 180, 184), "bone": (227, 218, 201), "bordeaux": (92, 1, 32),
    "brick": (181, 71, 47), "bronze": (205, 127, 50), "bubblegum": (255, 193, 204), "burgundy": (128, 0, 32),
    "butter": (252, 227, 138), "buttercream": (239, 224, 185), "camel": (193, 154, 107), "canary": (255, 239, 90),
    "caramel": (198, 142, 23), "carmine": (150, 0, 24), "celadon": (172, 225, 175), "cerise": (222, 49, 99),
    "cerulean": (0, 123, 167), "champagne": (247, 231, 206), "charcoal": (54, 69, 79), "cherry": (210, 4, 45),
    "chestnut": (149, 69, 53), "cinnamon": (123, 63, 0), "citrine": (228, 208, 10), "clay": (182, 106, 80),
    "cobalt": (0, 71, 171), "cocoa": (135, 95, 66), "coffee": (111, 78, 55), "cognac": (154, 70, 61),
    "concrete": (149, 165, 166), "copper": (184, 115, 51), "cranberry": (159, 29, 53), "cream": (255, 253, 208),
    "denim": (21, 96, 189), "dusk": (78, 84, 129), "ebony": (85, 93, 80), "ecru": (205, 184, 145),
    "eggplant": (97, 64, 81), "eggshell": (240, 234, 214), "emerald": (80, 200, 120), "espresso": (75, 54, 33),
    "fern": (79, 121, 66), "flamingo": (252, 142, 172), "flax": (238, 220, 130), "forest": (34, 139, 34),
    "glacier": (120, 177, 191), "graphite": (65, 66, 76), "grape": (111, 45, 168), "greige": (181, 173, 159),
    "gunmetal": (42, 52, 57), "heather": (183, 195, 208), "honey": (235, 169, 55), "hunter": (53, 94, 59),
    "ink": (27, 31, 59), "iris": (90, 79, 207), "jade": (0, 168, 107), "jasmine": (248, 222, 126), "jet": (52, 52, 52),
    "kelly": (76, 187, 23), "kiwi": (142, 229, 63), "lapis": (38, 97, 156), "latte": (200, 162, 122),
    "lemon": (255, 244, 79), "lilac": (200, 162, 200), "mahogany": (192, 64, 0), "malachite": (11, 218, 81),
    "mandarin": (243, 122, 72), "mango": (253, 190, 2), "marigold": (234, 162, 33), "mauve": (183, 132, 167),
    "midnight": (25, 25, 112), "mint": (152, 216, 176), "mocha": (163, 128, 104), "moss": (138, 154, 91),
    "mulberry": (197, 75, 140), "mushroom": (189, 172, 163), "mustard": (225, 173, 1), "nude": (227, 188, 154),
    "oatmeal": (228, 213, 183), "obsidian": (11, 18, 21), "ochre": (204, 119, 34), "onyx": (53, 56, 57),
    "opal": (168, 195, 188), "oxblood": (74, 4, 4), "paper": (245, 242, 234), "peach": (255, 203, 164),
    "pearl": (234, 224, 200), "periwinkle": (204, 204, 255), "persimmon": (236, 88, 0), "pewter": (137, 148, 153),
    "pine": (1, 121, 111), "pistachio": (147, 197, 114), "platinum": (229, 228, 226), "pomegranate": (192, 57, 43),
    "poppy": (227, 83, 53), "prussian": (0, 49, 83), "pumpkin": (255, 117, 24), "putty": (189, 178, 161),
    "raspberry": (227, 11, 92), "raven": (28, 28, 28), "rose": (232, 121, 143), "rosewood": (101, 0, 11),
    "ruby": (155, 17, 30), "rust": (183, 65, 14), "saffron": (244, 196, 48), "sage": (156, 175, 136),
    "sand": (194, 178, 128), "sandstone": (200, 169, 126), "sangria": (146, 0, 10), "sapphire": (15, 82, 186),
    "scarlet": (255, 36, 0), "seafoam": (159, 226, 191), "sepia": (112, 66, 20), "shamrock": (0, 158, 96),
    "sky": (135, 206, 235), "slate": (112, 128, 144), "smoke": (132, 136, 132), "steel": (70, 130, 180),
    "stone": (146, 142, 133), "straw": (228, 217, 111), "sunflower": (255, 197, 18), "tangerine": (242, 133, 0),
    "taupe": (139, 125, 107), "terracotta": (226, 114, 91), "topaz": (255, 200, 124), "truffle": (92, 64, 51),
    "turmeric": (227, 160, 27), "ultramarine": (18, 10, 143), "umber": (99, 81, 71), "vanilla": (243, 229, 171),
    "vermilion": (227, 66, 52), "walnut": (119, 63, 26), "watermelon": (252, 108, 133), "wine": (114, 47, 55),
    "wisteria": (201, 160, 220), "zinc": (113, 113, 122), "baby blue": (137, 207, 240), "baby pink": (244, 194, 194),
    "brick red": (203, 65, 84), "burnt orange": (204, 85, 0), "burnt sienna": (233, 116, 81),
    "cool gray": (140, 146, 172), "cool grey": (140, 146, 172), "cotton candy": (255, 188, 217),
    "dusty blue": (115, 147, 179), "dusty pink": (216, 167, 177), "dusty rose": (201, 169, 166),
    "electric blue": (125, 249, 255), "emerald green": (80, 200, 120), "forest green": (34, 139, 34),
    "hot pink": (255, 105, 180), "hunter green": (53, 94, 59), "ice blue": (214, 236, 243),
    "kelly green": (76, 187, 23), "light blue": (173, 216, 230), "light gray": (211, 211, 211),
    "light grey": (211, 211, 211), "dark blue": (0, 0, 139), "dark green": (0, 100, 0), "dark red": (139, 0, 0),
    "dark gray": (169, 169, 169), "dark grey": (169, 169, 169), "mint green": (152, 216, 176),
    "navy blue": (0, 0, 128), "neon green": (57, 255, 20), "neon pink": (255, 16, 240), "off black": (26, 26, 26),
    "off white": (250, 249, 246), "olive green": (107, 122, 47), "pastel blue": (174, 198, 207),
    "pastel green": (119, 221, 119), "pastel pink": (255, 209, 220), "pastel purple": (179, 158, 181),
    "pastel yellow": (253, 253, 150), "powder blue": (176, 224, 230), "rose gold": (183, 110, 121),
    "royal blue": (65, 105, 225), "sage green": (156, 175, 136), "sea green": (46, 139, 87),
    "sky blue": (135, 206, 235), "slate blue": (106, 90, 205), "slate gray": (112, 128, 144),
    "slate grey": (112, 128, 144), "steel blue": (70, 130, 180), "warm gray": (139, 131, 120),
    "warm grey": (139, 131, 120), "midnight blue": (25, 25, 112), "lime green": (50, 205, 50),
    "deep purple": (75, 42, 123), "burnt umber": (138, 51, 36), "mustard yellow": (225, 173, 1),
    "teal blue": (54, 117, 136),
}

NAMED_COLORS: dict[str, RGB] = {**DESIGNER_COLORS, **CSS_COLORS}
