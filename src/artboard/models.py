"""Public model ids, their aliases in every dialect, and their prices.

One id resolves to (tier, output kind, price). Aliases let clients written for Recraft, OpenRouter, Runware,
API-in-One and PixelDojo keep their model strings. Prices are credits per image; 1 credit = `USD_PER_CREDIT`.
"""

from __future__ import annotations

from dataclasses import dataclass

from artboard.errors import InvalidParameter
from artboard.sizes import Tier, resolve_size, tier_of_size

USD_PER_CREDIT = 0.004  # 10 credits = $0.04, Recraft V4's list price for one 1K raster image
VECTORIZE_CREDITS = 2  # Recraft charges $0.01 per vectorize


@dataclass(frozen=True)
class ModelInfo:
    id: str
    name: str
    tier: Tier
    output: str  # "raster" | "vector"
    credits: int  # per image
    aliases: tuple[str, ...] = ()
    description: str = ""

    @property
    def usd(self) -> float:
        return round(self.credits * USD_PER_CREDIT, 6)


MODELS: tuple[ModelInfo, ...] = (
    ModelInfo(
        "artboard-v1",
        "artboard v1 (1K raster)",
        "standard",
        "raster",
        10,
        (
            "recraftv4",
            "recraftv4_1",
            "recraft/recraft-v4",
            "recraft/recraft-v4.1",
            "recraft-v4-text-to-image",
            "recraft-v4",
            "recraft:v4@0",
            "recraftv4_raster",
            "recraft-v4-1",
            # V4.1 ids the real services list (Recraft, Runware, PixelDojo): drawn by the same 1K model
            "recraftv4_1_raster",
            "recraftv4_1_flash",
            "recraft:v4.1@0",
            "recraft-v4.1",
        ),
        "Design-first images at ~1K: logos, icons, badges, posters, patterns, illustrations.",
    ),
    ModelInfo(
        "artboard-v1-vector",
        "artboard v1 vector (SVG)",
        "standard",
        "vector",
        20,
        (
            "recraftv4_vector",
            "recraftv4_1_vector",
            "recraft/recraft-v4-vector",
            "recraft-v4-vector",
            "recraft:v4.1@vector",
            "recraft/recraft-v4.1-vector",
            "recraft-v4-text-to-vector",
            "recraft:v4@vector",
        ),
        "True SVG output (outlined text, palette-guaranteed colours).",
    ),
    ModelInfo(
        "artboard-v1-pro",
        "artboard v1 pro (2K raster)",
        "pro",
        "raster",
        60,
        (
            "recraftv4_pro",
            "recraftv4_1_pro",
            "recraft/recraft-v4-pro",
            "recraft-v4-pro",
            "recraftv4_pro_raster",
            "recraftv4_1_pro_raster",
            "recraft:v4.1-pro@0",
            "recraft/recraft-v4.1-pro",
            "recraft-v4-pro-text-to-image",
            "recraft-v4-text-to-image-pro",
            "recraft:v4-pro@0",
        ),
        "Design-first images at ~2K.",
    ),
    ModelInfo(
        "artboard-v1-pro-vector",
        "artboard v1 pro vector (SVG, 2K canvas)",
        "pro",
        "vector",
        70,
        (
            "recraftv4_pro_vector",
            "recraft/recraft-v4-pro-vector",
            "recraft-v4-pro-vector",
            "recraftv4_1_pro_vector",
            "recraft:v4.1-pro@vector",
            "recraft-v4-pro-text-to-vector",
            "recraft-v4-text-to-vector-pro",
            "recraft:v4-pro@vector",
        ),
        "True SVG output on the 2K size table.",
    ),
)

_BY_NAME: dict[str, ModelInfo] = {}
for _model in MODELS:
    _BY_NAME[_model.id.lower()] = _model
    for _alias in _model.aliases:
        _BY_NAME[_alias.lower()] = _model


def all_model_names() -> list[str]:
    return [m.id for m in MODELS] + [a for m in MODELS for a in m.aliases]


def resolve_model(name: str | None, *, default: str = "artboard-v1", param: str = "model") -> ModelInfo:
    """The model for a public id or alias (case-insensitive); InvalidParameter naming the known ids."""
    key = (name or default).strip().lower()
    if key not in _BY_NAME:
        raise InvalidParameter(f"unknown model {name!r}", param=param, allowed=[m.id for m in MODELS] + ["…aliases"])
    return _BY_NAME[key]


def vector_twin(model: ModelInfo) -> ModelInfo:
    """The same tier with vector output (for dialects that pick the output by a format field)."""
    return next(m for m in MODELS if m.tier == model.tier and m.output == "vector")


def raster_twin(model: ModelInfo) -> ModelInfo:
    return next(m for m in MODELS if m.tier == model.tier and m.output == "raster")


def table_size(value: str, info: ModelInfo, *, param: str, name: str) -> tuple[int, int]:
    """`value` (WxH or w:h) resolved in the model's size table; a size of the other table says which model has it."""
    try:
        return resolve_size(value, info.tier, param=param)
    except InvalidParameter as exc:
        parts = value.lower().replace("×", "x").split("x")
        wh = tuple(int(p) for p in parts if p.strip().isdigit()) if len(parts) == 2 else ()
        other = tier_of_size(*wh) if len(wh) == 2 else None
        if other is None or other == info.tier:
            raise
        label = {"standard": "1K", "pro": "2K"}
        raise InvalidParameter(
            f"{value.strip()} is a {label[other]} size, but {name} draws on the {label[info.tier]} size table",
            param=param,
            allowed=exc.allowed,
        ) from None
