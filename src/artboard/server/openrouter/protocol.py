"""OpenRouter request models (lenient: unknown fields accepted and logged) and their conversion to the strict spec.

Two routes share the conversion: chat completions (`messages` + `modalities` + `image_config`) and the newer
image API (`prompt` + `resolution`/`size`/`aspect_ratio`/`output_format`/`background` + `input_references`).
Every invalid value becomes an `InvalidParameter` that names the OpenRouter parameter (`image_config.aspect_ratio`,
not the internal `aspect_ratio`).
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from artboard.colors import RGB, parse_color, parse_palette
from artboard.errors import InvalidParameter
from artboard.jobs.pricing import dialect_model
from artboard.models import ModelInfo
from artboard.server.admin import catalogue_model
from artboard.server.conversion import Draft, to_spec
from artboard.server.notices import warn_ignored, warn_param
from artboard.sizes import SIZE_TABLES, Tier, resolve_size, tier_of_size
from artboard.spec import MAX_SEED, GenerationSpec, ImageFormat, format_of, integer_param

log = logging.getLogger("artboard.server.openrouter")

MAX_N = 10  # OpenRouter's image API caps n at 10
MODALITIES = ("image", "text")
IMAGE_SIZES: dict[str, Tier] = {"1K": "standard", "2K": "pro"}
BACKGROUNDS = ("auto", "transparent", "opaque")


class _Lenient(BaseModel):
    model_config = ConfigDict(extra="allow")

    def log_unknown(self, where: str) -> None:
        if self.model_extra:
            prefix = "" if where in ("chat.completions", "images") else f"{where}."
            warn_ignored("openrouter", {prefix + name for name in self.model_extra}, "not supported here")


class ImageConfig(_Lenient):
    aspect_ratio: Any = Field(default=None, description="1:1 (default), 2:3, 3:2, 3:4, 4:3, 4:5, 5:4, 9:16, 16:9, …")
    image_size: Any = Field(default=None, description="1K (default) or 2K (pro tier)")
    strength: Any = Field(default=None, description="0–1, default 0.2; used only with an input image")
    rgb_colors: Any = Field(default=None, description="Palette as [[r,g,b], …]")
    background_rgb_color: Any = Field(default=None, description="Background colour as [r,g,b]")
    style_id: Any = Field(default=None, description="A style from POST /v1/styles (its palette and background apply)")


class ChatMessage(_Lenient):
    role: str = "user"
    content: Any = Field(default=None, description="A string, or a list of {type:text} / {type:image_url} parts")


class ChatCompletionRequest(_Lenient):
    """`POST /api/v1/chat/completions` for image generation."""

    model: str | None = Field(default=None, description="e.g. recraft/recraft-v4, recraft/recraft-v4.1, artboard-v1")
    messages: list[ChatMessage] = Field(min_length=1)
    modalities: list[str] | None = Field(default=None, description='["image"] or ["image","text"]')
    image_config: ImageConfig | None = None
    n: Any = Field(default=1, description="Number of images, 1–10")
    seed: Any = Field(default=None, description="uint32; image i uses seed + i")
    stream: bool = False


class ImagesRequest(_Lenient):
    """`POST /api/v1/images` (OpenRouter's image API)."""

    model: str | None = None
    prompt: Any = Field(description="1–10,000 characters")
    n: Any = Field(default=1, description="1–10")
    resolution: Any = Field(default=None, description="1K (default) or 2K")
    aspect_ratio: Any = Field(default=None, description="A ratio from the size table, or auto")
    size: Any = Field(default=None, description="1K, 2K, or WxH from the size table")
    quality: Any = None
    output_format: Any = Field(default=None, description="png (default), jpeg, webp, or svg (vector model)")
    output_compression: Any = Field(default=None, description="0–100, jpeg/webp quality")
    background: Any = Field(default=None, description="auto, transparent or opaque")
    seed: Any = None
    stream: bool = False
    input_references: list[Any] | None = Field(default=None, description="One image URL or data URL (image-to-image)")
    response_format: Any = Field(default=None, description="b64_json (default) or url")
    style_id: Any = Field(default=None, description="A style from POST /v1/styles (its palette and background apply)")


@dataclass(frozen=True)
class Prepared:
    """A request converted: the spec to submit, the model to charge, and what the response needs."""

    spec: GenerationSpec
    model: ModelInfo
    prompt: str
    image_ref: str | None  # an http(s) URL still to fetch, or None


# -- parameter renaming -------------------------------------------------------------------------------------------


CHAT_NAMES = {
    "aspect_ratio": "image_config.aspect_ratio",
    "size": "image_config.aspect_ratio",
    "palette": "image_config.rgb_colors",
    "background": "image_config.background_rgb_color",
    "strength": "image_config.strength",
    "image": "messages",
    "prompt": "messages",
    "tier": "image_config.image_size",
}
IMAGES_NAMES = {"image": "input_references", "quality": "output_compression", "format": "output_format"}


# -- chat completions ---------------------------------------------------------------------------------------------


def _parts(content: Any) -> list[Any]:
    if content is None:
        return []
    if isinstance(content, str):
        return [{"type": "text", "text": content}]
    if isinstance(content, list):
        return content
    raise InvalidParameter("message content must be a string or a list of parts", param="messages")


def split_messages(messages: list[ChatMessage]) -> tuple[str, str | None]:
    """The prompt (text of the last user message that has text) and the one input image URL, if any."""
    prompt = ""
    images: list[str] = []
    for message in messages:
        if message.role != "user":
            continue
        texts: list[str] = []
        for part in _parts(message.content):
            kind = part.get("type") if isinstance(part, dict) else None
            if kind == "text":
                if not isinstance(part.get("text"), str):
                    raise InvalidParameter("a text part needs a string 'text'", param="messages")
                texts.append(part["text"])
            elif kind == "image_url":
                ref = part.get("image_url")
                url = ref.get("url") if isinstance(ref, dict) else ref
                if not isinstance(url, str) or not url:
                    raise InvalidParameter("an image_url part needs image_url.url", param="messages")
                images.append(url)
            else:
                raise InvalidParameter(
                    f"unsupported message part type {kind!r}", param="messages", allowed=["text", "image_url"]
                )
        text = "\n".join(t for t in texts if t.strip())
        if text.strip():
            prompt = text
    if len(images) > 1:
        raise InvalidParameter(
            f"this model takes at most one input image; the messages hold {len(images)}",
            param="messages",
            allowed="one image_url part",
        )
    if not prompt.strip():
        raise InvalidParameter("no text prompt in the user messages", param="messages")
    return prompt, images[0] if images else None


def check_modalities(modalities: list[str] | None) -> list[str]:
    chosen = [str(m).strip().lower() for m in (modalities or ["image"])]
    unknown = [m for m in chosen if m not in MODALITIES]
    if unknown or "image" not in chosen:
        raise InvalidParameter(
            f"unsupported modalities {modalities!r}: image models need 'image' in modalities",
            param="modalities",
            allowed=['["image"]', '["image","text"]'],
        )
    return chosen


def tier_model(info: ModelInfo, tier: Tier) -> ModelInfo:
    return catalogue_model(tier, info.output)


def image_size_tier(value: Any, info: ModelInfo, param: str) -> Tier:
    if value is None:
        return info.tier
    text = str(value).strip().upper()
    if text not in IMAGE_SIZES:
        raise InvalidParameter(f"unsupported {param} {value!r}", param=param, allowed=list(IMAGE_SIZES))
    return IMAGE_SIZES[text]


def chat_to_spec(body: ChatCompletionRequest, image: Any = None) -> Prepared:
    """Convert a chat completion request; `image` is the input image (data URL or bytes) once fetched."""
    body.log_unknown("chat.completions")
    prompt, image_ref = split_messages(body.messages)
    check_modalities(body.modalities)
    config = body.image_config or ImageConfig()
    config.log_unknown("image_config")
    info = dialect_model("openrouter", body.model, default="artboard-v1")
    info = tier_model(info, image_size_tier(config.image_size, info, "image_config.image_size"))
    has_image = image is not None or image_ref is not None
    if config.strength is not None and not has_image:
        warn_param("openrouter", "image_config.strength is ignored: there is no input image")
    draft = Draft(
        prompt=prompt,
        model=info,
        aspect_ratio=None if config.aspect_ratio is None else str(config.aspect_ratio),
        n=integer_param(body.n if body.n is not None else 1, "n", 1, MAX_N),
        seed=integer_param(body.seed, "seed", 0, MAX_SEED) if body.seed is not None else None,
        palette=parse_palette(config.rgb_colors, param=CHAT_NAMES["palette"])
        if config.rgb_colors is not None
        else None,
        background=_rgb_background(config.background_rgb_color),
        image=image,
        strength=_unit(config.strength, CHAT_NAMES["strength"]) if image is not None else None,
        names=CHAT_NAMES,
    )
    return Prepared(to_spec(draft), info, prompt, image_ref if image is None else None)


def _rgb_background(value: Any) -> RGB | Literal["transparent"] | None:
    if value is None:
        return None
    if isinstance(value, str) and value.strip().lower() in ("transparent", "none"):
        return "transparent"
    return parse_color(value, param=CHAT_NAMES["background"])


def _unit(value: Any, param: str) -> float | None:
    """A strength 0..1 (None stays None: the engine's default)."""
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = float("nan")
    if isinstance(value, bool) or not 0.0 <= number <= 1.0:
        raise InvalidParameter(f"{param} must be a number from 0 to 1, got {value!r}", param=param, allowed="0..1")
    return number


# -- image API ----------------------------------------------------------------------------------------------------


def _images_tier(body: ImagesRequest, info: ModelInfo) -> tuple[Tier, str | None]:
    """The tier from resolution/size, and the WxH size if one was given."""
    tier = image_size_tier(body.resolution, info, "resolution") if body.resolution is not None else None
    wxh: str | None = None
    if body.size is not None:
        text = str(body.size).strip()
        if text.upper() in IMAGE_SIZES:
            size_tier = IMAGE_SIZES[text.upper()]
            if tier is not None and tier != size_tier:
                raise InvalidParameter(f"size {text} contradicts resolution {body.resolution}", param="size")
            tier = size_tier
        elif text.lower() != "auto":
            wxh = text
            parts = text.lower().replace("×", "x").split("x")
            if tier is None and len(parts) == 2 and all(p.strip().isdigit() for p in parts):
                tier = tier_of_size(int(parts[0]), int(parts[1])) or info.tier
    return tier or info.tier, wxh


def images_to_spec(body: ImagesRequest, image: Any = None) -> Prepared:
    body.log_unknown("images")
    refs = body.input_references or []
    if len(refs) > 1:
        raise InvalidParameter(
            f"this model takes at most one input reference, got {len(refs)}",
            param="input_references",
            allowed="one image URL or data URL",
        )
    if refs and not isinstance(refs[0], str):
        ref = refs[0]
        # {"url": …}, {"image_url": "…"} or what SDKs send: {"type": "image_url", "image_url": {"url": …}}
        inner = ref.get("image_url") if isinstance(ref, dict) else None
        inner = inner.get("url") if isinstance(inner, dict) else inner
        refs = [ref.get("url") or inner] if isinstance(ref, dict) else [None]
        if not isinstance(refs[0], str):
            raise InvalidParameter("input_references holds URLs or data URLs", param="input_references")
    image_ref: str | None = refs[0] if refs else None
    info = dialect_model("openrouter", body.model, default="artboard-v1")
    fmt: ImageFormat | None = None
    if body.output_format is not None:
        fmt = format_of(body.output_format, "output_format", listed=["png", "jpeg", "webp", "svg"])
    output = info.output if fmt is None else ("vector" if fmt == "svg" else "raster")
    tier, wxh = _images_tier(body, info)
    info = catalogue_model(tier, output)
    aspect = body.aspect_ratio
    if isinstance(aspect, str) and aspect.strip().lower() == "auto":
        aspect = None
    if wxh is not None and aspect is not None:
        raise InvalidParameter("give only one of size, aspect_ratio", param="aspect_ratio")
    quality = None
    if body.output_compression is not None and fmt in ("jpg", "webp"):
        quality = min(99, max(20, integer_param(body.output_compression, "output_compression", 0, 100)))
    if body.quality is not None:
        warn_param("openrouter", f"quality {body.quality!r} is ignored: the design engine has one quality")
    draft = Draft(
        prompt=body.prompt,
        model=info,
        size=resolve_size(wxh, info.tier) if wxh is not None else None,
        aspect_ratio=None if aspect is None else str(aspect),
        n=integer_param(body.n if body.n is not None else 1, "n", 1, MAX_N),
        seed=integer_param(body.seed, "seed", 0, MAX_SEED) if body.seed is not None else None,
        background=_background(body.background),
        image=image,
        format=fmt,
        quality=quality,
        names=IMAGES_NAMES,
    )
    spec = to_spec(draft)
    return Prepared(spec, info, spec.prompt, image_ref if image is None else None)


def _background(value: Any) -> Literal["transparent"] | None:
    if value is None:
        return None
    text = str(value).strip().lower()
    if text not in BACKGROUNDS:
        raise InvalidParameter(f"unsupported background {value!r}", param="background", allowed=list(BACKGROUNDS))
    return "transparent" if text == "transparent" else None


def response_format(value: Any) -> str:
    text = "b64_json" if value is None else str(value).strip().lower()
    if text not in ("b64_json", "url"):
        raise InvalidParameter(
            f"unsupported response_format {value!r}", param="response_format", allowed=["b64_json", "url"]
        )
    return text


def prompt_tokens(prompt: str) -> int:
    """A rough token count for `usage` (about four characters per token)."""
    return max(1, math.ceil(len(prompt) / 4))


def table_ratios(tier: Tier) -> list[str]:
    return list(SIZE_TABLES[tier])
