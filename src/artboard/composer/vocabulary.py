"""Words the prompt reader knows: design types, style words, moods, and words that never name a subject."""

from __future__ import annotations

import re

DESIGN_TYPES = (
    "logo",
    "monogram",
    "icon",
    "icon_set",
    "app_icon",
    "badge",
    "sticker",
    "poster",
    "banner",
    "infographic",
    "pattern",
    "isometric",
    "illustration",
    "card",
    "label",
    "emoji",
    "tshirt",
    "background",
)

# Ordered: the first rule whose pattern matches wins, so specific phrases come before generic ones.
TYPE_RULES: tuple[tuple[str, str], ...] = (
    ("app_icon", r"\bapp[- ]?icons?\b|\bios[- ]style icon|\bapp store\b|\blauncher icon"),
    # "icon set style glyph of a cart" asks for one glyph in that style, not a set.
    (
        "icon_set",
        r"\bicon (?:set|pack|family|collection|series)s?\b(?![ -]style)|\b(?:set|pack|collection|series|grid) of "
        r"(?:[\w-]+ ){0,4}icons\b|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:[\w-]+\s+){0,3}"
        r"icons\b|\bicons\s*:|\bicons\s*\((?:a\s+)?(?:set|pack) of\b",
    ),
    ("infographic", r"\binfographics?\b"),
    ("monogram", r"\bmonogram|\binitials?\b|\b(?:two|three|2|3)[- ]letter (?:mark|logo)|\blettermark"),
    ("emoji", r"\bemoji|\bemoticon|\bsmiley"),
    ("sticker", r"\bstickers?\b|\bdie[- ]cut"),
    ("badge", r"\bbadges?\b|\bemblems?\b|\bseals?\b|\bcrests?\b|\bpatch(?:es)?\b|\bstamps?\b|\brosette"),
    (
        "infographic",
        r"\bdata vi[sz]|\bcharts?\b|\bdiagrams?\b|\bgraphs?\b|\bstatistics|\bdashboards?\b"
        r"|\btimeline\b|\bprocess steps\b",
    ),
    # A background, wallpaper or texture is the ask when its noun heads the prompt ("abstract waves background for
    # a tech website", "marble texture with gold veins", "navy to teal gradient"), or a later clause names it with a
    # technique or a screen ("…, abstract gradient background", "…, phone wallpaper"). Not where it is the ground of
    # something else ("logo on a white background", "a fox, dark background", "a tent in the background"), where
    # another design is the ask (nouns of the types below; the types above win by order) or where the prompt asks
    # for a repeat ("seamless", "tileable", "wallpaper pattern", a plain "floral wallpaper").
    (
        "background",
        r"^(?![\s\S]*(?<!\bfor )(?<!\bfor a )(?<!\bfor an )(?<!\bfor the )(?<!\bfor my )\b(?:seamless|tileable|tiling"
        r"|repeat(?:ing|able|s)?|textiles?|isometric|t-?shirts?|tee|apparel|merch|logos?|logotype|wordmark|mascot"
        r"|icons?|glyphs?|pictograms?|labels?|packaging|wrappers?|cards?|invitations?|invite|postcards?|certificates?"
        r"|menus?|banners?|headers?|billboards?|thumbnails?|adverts?|ads?|campaign|posters?|flyers?|placards?|covers?"
        r"|album|illustrat\w*|drawing|painting|artwork|cartoon|portrait|headshot|still[- ]life|product shot|pedestal"
        r"|plinth|storyboard|comic|photo(?:s|graph\w*)?\b(?![\s-]*(?:booth|backdrop|background)))\b)"
        r"(?![\s\S]*\bpatterns?\b(?![\s-]+(?:background|backdrop|wallpaper)))"
        r"(?:"
        # The prompt opens with it: "soft gradient background, …", "a dark backdrop", "zoom background: …".
        r"(?:an?\s+|the\s+)?(?:(?!(?:on|against|over|in|into|with|behind|under|transparent|no|without|at|by)\b)"
        r"[\w'&-]+\s+){0,6}(?:background|backdrop|bg)s?\b"
        # A later clause with a technique or a screen: "minimal, abstract gradient background".
        r"|[\s\S]*[,;:.!?\u2013\u2014]\s*(?:(?!(?:on|against|over|in|into|with|behind|under|transparent|no|without|at"
        r"|by)\b)[\w'&-]+\s+){0,3}(?:abstract|gradient|textured?|geometric|wavy|bokeh|marble|blurred|desktop|phone"
        r"|mobile|iphone|android|laptop|zoom|teams|virtual|website|web|hero|presentation|slide|stream(?:ing)?|screen)"
        r"\s+(?:[\w'&-]+\s+){0,2}(?:background|backdrop|bg)s?\b"
        # Wallpaper for a screen or in a technique ("phone wallpaper", "abstract wallpaper"); a plain "floral
        # wallpaper" is a repeat for a wall.
        r"|(?=[\s\S]*\b(?:desktop|phone|mobile|iphone|android|laptop|computer|pc|mac|macbook|ipad|tablet|screen"
        r"|lock[- ]?screen|home[- ]?screen|4k|hd|amoled|abstract|gradient|aesthetic|bokeh|aurora)\b)"
        r"[\s\S]*\bwallpapers?\b"
        # A texture or a gradient heading the prompt: "white marble texture", "navy to teal gradient".
        r"|(?:an?\s+)?(?:(?!(?:on|in|with|of)\b)[\w'&-]+\s+){0,4}textures?\b"
        r"|(?:an?\s+)?(?:(?!(?:on|in|with|of)\b)[\w'&-]+\s+){0,5}(?:gradient|ombr[e\u00e9])s?\b"
        r"(?=\s*(?:$|[,.;:!?\u2013\u2014]|from\b|in\b|of\b|with\b|using\b|mesh\b|wash\b))"
        r")",
    ),
    ("poster", r"\bposters?\b|\bflyers?\b|\bplacards?\b|\bcover\b|\bbook cover|\balbum"),
    ("pattern", r"\bpatterns?\b|\bseamless\b|\btileable\b|\brepeating\b|\btiles?\b|\bwallpaper|\bgift wrap|\btextile"),
    ("isometric", r"\bisometric\b|\b3d blocks?\b"),
    (
        "tshirt",
        r"\bt-?shirts?\b|\btees?\b|\b(?:finisher |band |club |graphic )?shirts?\b(?= design| graphic| print|,|$)"
        r"|\bshirt design|\bhoodies?\b|\bsweatshirts?\b|\btank tops?\b|\bapparel\b|\bmerch\b",
    ),
    # Product photography and narrative scenes are pictures, even when they mention a bottle or a wrapper.
    ("illustration", r"\bstill[- ]life\b|\bpedestal\b|\bplinth\b|\bproduct (?:shot|photo(?:graphy)?)\b"),
    ("illustration", r"\baction (?:sequence|scene|shot)\b|\bstoryboard\b|\bcomic (?:panel|strip)\b"),
    ("label", r"\blabels?\b|\bpackag|\bwrappers?\b|\bbottles?\b|\bcans?\b|\bjar\b|\bbox design|\bcandy\b"),
    (
        "card",
        r"\bcards?\b|\binvitations?\b|\binvite\b|\bwedding\b|\bgreeting|\bpostcards?\b|\bcertificate"
        r"|\bmenu\b|\bsignage\b|(?<!neon )\bsigns?\b(?![- ]?(?:up|in|style)\b)",
    ),
    (
        "banner",
        r"\bbanners?\b|\bhero\b|\bheaders?\b|\bsocial (?:media )?post|\bthumbnail|\bbillboard|"
        r"\b(?:instagram|facebook|linkedin|twitter|x|threads|pinterest|tiktok) (?:post|story|stories|ad|carousel)"
        r"|\blanding page|\bad\b|\badvert|\bcampaign|\bwebsite",
    ),
    ("logo", r"\blogos?\b|\blogotype|\bwordmark|\bbrand(?:ing)? mark|\bbrand identity|\bmascot"),
    ("icon", r"\bicons?\b|\bglyph|\bpictogram|\bsymbol\b"),
    (
        "illustration",
        r"\billustrat|\bscene\b|\blandscape\b|\bdrawing\b|\bpainting\b|\bartwork|\bcartoon"
        r"|\beditorial\b|\bportrait\b|\bphoto|\bstill life|\bcinematic",
    ),
)

STYLE_WORDS: dict[str, tuple[str, ...]] = {
    "minimal": ("minimal", "minimalist", "minimalistic", "simple", "clean", "sleek", "understated"),
    "flat": ("flat",),
    "line": ("line art", "line-art", "lineart", "outline", "outlined", "stroke", "linear", "monoline", "line icon"),
    "geometric": ("geometric", "geometry", "grid", "construction", "shapes", "bauhaus", "swiss"),
    "vintage": (
        "vintage",
        "antique",
        "old-school",
        "old school",
        "heritage",
        "classic",
        "distressed",
        "craft",
        "artisan",
        "letterpress",
        "rustic",
    ),
    "retro": ("retro", "70s", "80s", "90s", "synthwave", "groovy", "nostalgic", "art deco", "deco"),
    "gradient": ("gradient", "gradients", "ombre", "glow", "glowing", "holographic"),
    "two_color": ("two-color", "two color", "two-colour", "two colour", "duotone", "2-color", "two-tone"),
    "single_color": (
        "single color",
        "single-color",
        "one color",
        "monochrome",
        "monochromatic",
        "single colour",
        "one-color",
        "black and white",
    ),
    "hand_drawn": (
        "hand-drawn",
        "hand drawn",
        "handdrawn",
        "sketch",
        "sketchy",
        "doodle",
        "hand-lettered",
        "hand lettered",
        "brush",
        "organic",
        "textured",
        "texture",
        "crayon",
    ),
    "bold": ("bold", "strong", "heavy", "chunky", "impactful", "loud", "striking"),
    "playful": ("playful", "fun", "cute", "whimsical", "friendly", "kawaii", "cheerful", "bubbly", "kids"),
    "corporate": (
        "corporate",
        "professional",
        "business",
        "enterprise",
        "saas",
        "fintech",
        "finance",
        "b2b",
        "consulting",
    ),
    "elegant": (
        "elegant",
        "luxury",
        "luxurious",
        "premium",
        "sophisticated",
        "refined",
        "high-end",
        "upscale",
        "boutique",
        "fashion",
        "wedding",
    ),
    "tech": (
        "tech",
        "technology",
        "futuristic",
        "cyber",
        "digital",
        "ai",
        "data",
        "startup",
        "software",
        "app",
        "saas",
    ),
    "organic": ("natural", "eco", "botanical", "floral", "earthy", "green", "sustainable", "wellness"),
    "isometric": ("isometric",),
    "typographic": ("typography", "typographic", "type-driven", "lettering", "text-only", "typeface"),
    "rounded": ("rounded", "soft", "round"),
}

MOODS: dict[str, tuple[str, ...]] = {
    "pastel": ("pastel", "soft colors", "soft colours", "baby"),
    "muted": ("muted", "desaturated", "dusty", "subdued", "limited muted", "new yorker"),
    "neon": (
        "neon",
        "neon sign",
        "neon-sign",
        "vibrant",
        "electric",
        "fluorescent",
        "vivid",
        "saturated",
        "bright",
        "synthwave",
        "vaporwave",
        "cyberpunk",
    ),
    "earthy": ("earthy", "earth tones", "terracotta", "autumn", "rustic"),
    "warm": ("golden hour", "warm", "sunset", "summer", "cozy", "golden"),
    "cool": ("cool", "icy", "winter", "ocean", "aquatic", "calm"),
    "dark": ("dark", "night", "moody", "noir", "midnight", "dark mode", "nocturnal"),
    "light": ("light", "airy", "white background", "on white"),
    "monochrome": ("monochrome", "grayscale", "greyscale", "black and white"),
}

# Words that describe the design, not its subject; they never become icon queries.
GENERIC = frozenset(
    """
    youtube linkedin instagram facebook twitter tiktok pinterest thumbnail t-shirt tee shirt wrapper menu board
    merch apparel web today now online emoji emojis emoticon save protect support visit keep join
    post posts story stories reel reels carousel announcing announce promoting advertising about
    glyph glyphs pack packaging service services platform solution solutions provider
    small big large tiny little huge mini every daily weekly monthly slogan happy smiling funny silly
    monday tuesday wednesday thursday friday saturday sunday weekend
    2d 3d a above abstract accent accents aesthetic agency amazing an and android any app are art artisan
    artwork as at background backgrounds badge banner be beautiful behind being below beside black bold brand
    branding business by called card circle circular clean clean-lines color colored colors colour colours
    company composition concept conceptual construction contemporary cool corporate create crest custom dark
    data depict depicting design designs detail detailed details digital distressed drawn earthy edge edges
    editorial elegant emblem end feature features featuring feel flat flyer font fonts for format from generate
    geometric gift gradient graphic graphics great grid hand hand-drawn headline her hero hexagon hierarchy high
    his hyper icon icons identity illustration image images in include including infographic information
    initials inspired into ios ios-style is isometric it its label landing layered layout letter lettering
    letters light like limited line lines lockup logo logos logotype look looks luxury made make mark marks
    mascot metaphor minimal minimalist minimalistic modern monogram mood museum muted named navigation near neon
    new nice of on one or over page palette pastel pattern picture playful poster premium print printed product
    products professional quality quality-grade reading reads render rendering retro rounded rounded-square saas
    sans sans-serif saying says seal seamless serif set shape shapes shop show showing shows simple single some
    something sophisticated square sticker store strong studio stunning style style-guide styled stylised
    stylized suitable tagline tech text texture textures that the their these thing things this those three
    title to tone tones transparent two two-letter type typography ultra under use using variant vector vector-
    clean vectors version very vibe vibrant vintage visual visualization visualizations warm white with without
    word wordmark words yorker
    """.split()
)

# Colour names that are also everyday nouns: "coffee roastery" asks for coffee, not for brown.
NOUN_COLORS = frozenset(
    """
    amber banana berry blush bone brick bronze butter caramel charcoal cherry chocolate clay cocoa coffee copper
    coral cream denim emerald espresso forest gold grape honey ivory jade lavender lemon lime mint mocha moss
    ocean olive peach pearl plum rose ruby rust sage salmon sand sapphire sea silver sky slate smoke snow steel
    stone straw tomato wheat wine
        avocado apricot aubergine eggplant kiwi mango pumpkin pistachio pomegranate raspberry watermelon cranberry
    grape lemon mandarin tangerine cinnamon latte cocoa vanilla walnut chestnut mushroom oatmeal flamingo canary
    raven fern pine sunflower marigold poppy jasmine iris wisteria heather cotton candy bubblegum concrete paper
    smoke glacier sky midnight dusk onyx opal pearl topaz ruby jade sapphire emerald amber champagne truffle
    """.split()
)

# Subjects that also set a mood: they stay subjects (drawn), and the design goes dark.
DARK_SUBJECTS = re.compile(r"\b(?:true crime|crime|thriller|horror|haunted|gothic|sinister|murder|mystery)\b")

# Places and bodies named after what they teach or sell ("language school", "surf shop"): the word before them
# names what to draw.
INSTITUTIONS = frozenset(
    "school schools academy institute center centre studio studios agency class classes course courses lessons "
    "clinic club clubs society association company co shop store boutique lab labs hub".split()
)

# The medium, not its subject: "a children's book cover about a whale" depicts a whale, not a book.
MEDIA_PHRASES = (
    "children's book cover", "childrens book cover", "kids book cover", "children's book", "kids book",
    "picture book", "book cover", "album cover", "album art", "magazine cover", "podcast cover", "cover art",
    "cover design", "ebook cover",
)  # fmt: skip

# Things whose name holds a colour word that is not a colour request: "ice cream truck" is not cream-coloured.
COLOURLESS_COMPOUNDS = (
    "ice cream", "sour cream", "whipped cream", "cream cheese", "cream soda", "peanut butter", "orange juice",
    "black forest", "red panda", "polar bear", "goldfish", "gold rush", "blackbird", "bluebird", "redwood",
    "black hole", "white house", "green tea latte", "silver screen",
)  # fmt: skip

# Colour terms that name a colour and nothing else; any other colour name standing alone is a thing ("avocado").
BASIC_COLORS = frozenset(
    """
    red orange yellow green blue purple pink brown black white gray grey violet indigo teal navy magenta cyan
    beige gold silver maroon cream ivory turquoise lilac crimson scarlet azure aqua lime khaki tan
    """.split()
)

# Set phrases that are the message itself: "a thank you card" should say "Thank You". Longest first.
OCCASION_PHRASES = (
    "happy mother's day",
    "happy father's day",
    "happy valentine's day",
    "merry christmas",
    "happy new year",
    "happy holidays",
    "happy birthday",
    "happy anniversary",
    "happy easter",
    "happy halloween",
    "season's greetings",
    "save the date",
    "thank you",
    "congratulations",
    "get well soon",
    "welcome home",
    "welcome",
    "grand opening",
    "black friday",
    "cyber monday",
    "summer sale",
    "winter sale",
    "spring sale",
    "flash sale",
    "clearance sale",
    "new arrivals",
    "coming soon",
    "sold out",
    "open house",
    "now open",
    "best seller",
    "limited edition",
    "just married",
    "it's a boy",
    "it's a girl",
    "baby shower",
    "bridal shower",
    "graduation",
    "happy hour",
    "certificate of completion",
    "certificate of achievement",
    "certificate of appreciation",
    "certificate of excellence",
    "certificate of participation",
    "certificate of recognition",
)
# A card of an occasion, named without its greeting ("christmas card for the Johnson family"): the greeting to set.
CARD_GREETINGS: tuple[tuple[str, str], ...] = (
    ("christmas", "Merry Christmas"),
    ("xmas", "Merry Christmas"),
    ("holiday", "Happy Holidays"),
    ("birthday", "Happy Birthday"),
    ("valentine", "Happy Valentine's Day"),
    ("valentine's", "Happy Valentine's Day"),
    ("new year", "Happy New Year"),
    ("mother's day", "Happy Mother's Day"),
    ("father's day", "Happy Father's Day"),
    ("easter", "Happy Easter"),
    ("anniversary", "Happy Anniversary"),
    ("graduation", "Congratulations"),
    ("halloween", "Happy Halloween"),
    ("hanukkah", "Happy Hanukkah"),
    ("diwali", "Happy Diwali"),
    ("eid", "Eid Mubarak"),
    ("get well", "Get Well Soon"),
    ("retirement", "Happy Retirement"),
)
