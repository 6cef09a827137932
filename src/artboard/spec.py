"""GenerationSpec: the ONE strict request model every surface converts into.

The model itself is frozen and forbids unknown fields; `make_spec()` is the lenient front door that turns the
loose values people type (``size="16:9"``, ``palette="#112233,#445566"``, ``background="transparent"``, an image
path or data URL) into a validated spec, raising `InvalidParameter` that names the parameter and what is allowed.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    ValidationError,
    model_serializer,
    model_validator,
)

from artboard.colors import RGB, parse_color, parse_palette, to_hex
from artboard.errors import InvalidParameter
from artboard.sizes import SIZE_TABLES, Tier, check_tier, resolve_aspect_ratio, resolve_size, sizes

OutputKind = Literal["raster", "vector"]
ImageFormat = Literal["png", "jpg", "webp", "svg"]
FORMATS: tuple[ImageFormat, ...] = ("png", "jpg", "webp", "svg")
RASTER_FORMATS: tuple[ImageFormat, ...] = ("png", "jpg", "webp")
MEDIA_TYPES: dict[ImageFormat, str] = {
    "png": "image/png",
    "jpg": "image/jpeg",
    "webp": "image/webp",
    "svg": "image/svg+xml",
}
#: The one table of output-format spellings: every dialect (`output_format`, `outputFormat`, `image_format`, mime
#: types), the CLI and `make_spec` read formats through `format_of`, case-insensitively.
FORMAT_ALIASES: dict[str, ImageFormat] = {
    **{fmt: fmt for fmt in FORMATS},
    **{media: fmt for fmt, media in MEDIA_TYPES.items()},
    "jpeg": "jpg",
    "image/jpg": "jpg",
    "svg+xml": "svg",
}
MAX_PROMPT = 10_000
MAX_N = 20
MAX_SEED = 2**32 - 1
DEFAULT_STRENGTH = 0.2  # OpenRouter's documented default for image_config.strength
DEFAULT_QUALITY = 90


class InputImage(BaseModel):
    """An input image, kept as the bytes the user sent (decoded and checked once, by imageio)."""

    # base64 in JSON so a spec round-trips through a job row: model_dump(mode="json") → model_validate().
    model_config = ConfigDict(frozen=True, extra="forbid", ser_json_bytes="base64", val_json_bytes="base64")

    data: bytes = Field(repr=False)
    sha256: str
    width: int
    height: int

    @classmethod
    def load(cls, source: Any, *, param: str = "image") -> InputImage:
        from artboard.imageio import load_image

        image = load_image(source, param=param)
        data = _raw_bytes(source, image)
        return cls(data=data, sha256=hashlib.sha256(data).hexdigest(), width=image.width, height=image.height)


class StyleControls(BaseModel):
    """A stored style's look beyond palette and background (which a style sets through `palette`/`background`).

    Carried for the composer to honour: `fonts` (families from artboard.composer.fonts), `fill_style`, `line_weight`
    (px at 1024 px) and `corner_radius` (px at 1024 px); `id` and `style` (the style word) name the style in the
    manifest; `logo_svg` is a brand kit's logo as a paths-only vector (artboard.composer.brand.vector_logo).
    Absent fields leave the composer's own choice.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str | None = None
    style: str | None = None
    fonts: tuple[str, ...] | None = Field(default=None, max_length=4)
    fill_style: Literal["flat", "line", "duotone", "gradient"] | None = None
    line_weight: float | None = Field(default=None, gt=0, le=64)
    corner_radius: float | None = Field(default=None, ge=0, le=512)
    #: per-request look controls (Recraft `controls.no_text` / `controls.artistic_level`): no copy set at all;
    #: 0 plain … 5 expressive
    no_text: bool | None = None
    artistic_level: int | None = Field(default=None, ge=0, le=5)
    #: a brand kit's logo, vectorised once when the kit was made; drawn as the mark and as a corner sign-off
    logo_svg: str | None = Field(default=None, max_length=200_000)

    @model_serializer(mode="wrap")
    def _without_absent_logo(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # Serialised specs (job records, queue messages) of styles without a logo stay as they were.
        values: dict[str, Any] = handler(self)
        if values.get("logo_svg", "") is None:
            del values["logo_svg"]
        return values

    def public(self) -> dict[str, Any]:
        """The controls as JSON for manifests: the logo by its SHA-256 (the vector itself can be 200 kB, and it
        is the kit's: GET /v1/brand_kits/{id}/logo serves the original)."""
        values = self.model_dump(mode="json", exclude_none=True, exclude={"logo_svg"})
        if self.logo_svg is not None:
            values["logo_sha256"] = hashlib.sha256(self.logo_svg.encode()).hexdigest()
        return values


class GenerationSpec(BaseModel):
    """A fully resolved request. Same spec + seed → byte-identical output."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    prompt: str = Field(min_length=1, max_length=MAX_PROMPT)
    model: str = "artboard-v1"
    backend: str | None = None
    tier: Tier = "standard"
    output: OutputKind = "raster"
    width: int = 1024
    height: int = 1024
    n: int = Field(default=1, ge=1, le=MAX_N)
    seed: int | None = Field(default=None, ge=0, le=MAX_SEED)
    palette: tuple[RGB, ...] | None = Field(default=None, min_length=1, max_length=10)
    background: RGB | Literal["transparent"] | None = None
    image: InputImage | None = None
    strength: float | None = Field(default=None, ge=0.0, le=1.0)
    format: ImageFormat = "png"
    quality: int | None = Field(default=None, ge=20, le=99)
    safety: bool = True
    style: StyleControls | None = None  #: a stored style's look (image tools / styles, issue #13)

    @model_validator(mode="after")
    def _check_combinations(self) -> GenerationSpec:
        if (self.width, self.height) not in SIZE_TABLES[self.tier].values():
            raise InvalidParameter(
                f"{self.width}x{self.height} is not in the {self.tier} size table",
                param="size",
                allowed=sizes(self.tier),
            )
        if self.output == "vector" and self.format != "svg":
            raise InvalidParameter(f"vector output is SVG, not {self.format}", param="format", allowed=["svg"])
        if self.output == "raster" and self.format == "svg":
            raise InvalidParameter("raster output cannot be svg", param="format", allowed=list(RASTER_FORMATS))
        if self.background == "transparent" and self.format == "jpg":
            raise InvalidParameter(
                "JPEG has no alpha channel, so a transparent background needs png, webp or svg",
                param="background",
                allowed="a colour, or transparent with format png|webp|svg",
            )
        if self.strength is not None and self.image is None:
            raise InvalidParameter("strength needs an input image", param="strength")
        if self.quality is not None and self.format == "svg":
            raise InvalidParameter(
                "quality applies to raster formats only", param="quality", allowed=list(RASTER_FORMATS)
            )
        return self

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.format]

    @property
    def effective_strength(self) -> float:
        return DEFAULT_STRENGTH if self.strength is None else self.strength

    def seeds(self) -> list[int]:
        """One seed per result: seed, seed+1, … so any result can be reproduced alone with n=1."""
        if self.seed is None:
            raise ValueError("seeds() needs a resolved seed; call with_seed() first")
        return [(self.seed + i) % (MAX_SEED + 1) for i in range(self.n)]

    def with_seed(self, seed: int) -> GenerationSpec:
        return self.model_copy(update={"seed": seed})

    def public_params(self) -> dict[str, Any]:
        """The resolved parameters as plain JSON values, for manifests and job records."""
        bg = self.background
        # `style` only when set, so manifests (and their bytes) of requests without one stay as they were.
        styled = {"style": self.style.public()} if self.style is not None else {}
        return {
            "prompt": self.prompt,
            "model": self.model,
            "backend": self.backend,
            "tier": self.tier,
            "output": self.output,
            "size": f"{self.width}x{self.height}",
            "n": self.n,
            "seed": self.seed,
            "palette": [to_hex(c) for c in self.palette] if self.palette else None,
            "background": bg if bg in (None, "transparent") else to_hex(bg),  # type: ignore[arg-type]
            "image": {"sha256": self.image.sha256, "width": self.image.width, "height": self.image.height}
            if self.image
            else None,
            "strength": self.effective_strength if self.image else None,
            "format": self.format,
            "quality": self.quality,
            "safety": self.safety,
            **styled,
        }


def format_of(
    value: Any, param: str = "format", *, allowed: tuple[str, ...] = FORMATS, listed: Any = None
) -> ImageFormat:
    """`value` (any spelling of FORMAT_ALIASES, any case) as one of `allowed`; InvalidParameter naming `param`
    otherwise, listing `listed` (the caller's own spelling of its formats, e.g. Runware's JPG/PNG) or `allowed`."""
    fmt = FORMAT_ALIASES.get(value.strip().lower()) if isinstance(value, str) else None
    if fmt is None or fmt not in allowed:
        raise InvalidParameter(f"unsupported {param} {value!r}", param=param, allowed=listed or allowed)
    return fmt


def check_prompt(prompt: Any, param: str = "prompt") -> str:
    """`prompt` when it is text a design can be made from: 1..MAX_PROMPT characters, at least one visible, no NUL."""
    if not isinstance(prompt, str) or not prompt.strip():
        raise InvalidParameter(
            f"{param} must be a non-empty string", param=param, allowed=f"1..{MAX_PROMPT} characters"
        )
    if len(prompt) > MAX_PROMPT:
        raise InvalidParameter(
            f"{param} is {len(prompt)} characters long", param=param, allowed=f"1..{MAX_PROMPT} characters"
        )
    if "\x00" in prompt:  # PostgreSQL text cannot hold it, and no client means it
        raise InvalidParameter(f"{param} must not contain null bytes", param=param, allowed="text without U+0000")
    if not _visible(prompt):
        raise InvalidParameter(
            f"{param} has no visible characters (only spaces, zero-width or control characters)",
            param=param,
            allowed=f"1..{MAX_PROMPT} characters, at least one visible",
        )
    return prompt


def _choice(value: Any, allowed: tuple[str, ...], param: str, aliases: dict[str, str] | None = None) -> str:
    text = str(value).strip().lower()
    text = (aliases or {}).get(text, text)
    if text not in allowed:
        raise InvalidParameter(f"unknown {param} {value!r}", param=param, allowed=allowed)
    return text


def integer_param(value: Any, param: str, lo: int, hi: int) -> int:
    if isinstance(value, bool):
        raise InvalidParameter(f"{param} must be an integer, not a boolean", param=param, allowed=f"{lo}..{hi}")
    try:
        number = int(value)
        if isinstance(value, float) and number != value:
            raise ValueError
        if isinstance(value, str) and not value.strip().lstrip("+-").isdigit():
            raise ValueError
    except (TypeError, ValueError):
        raise InvalidParameter(
            f"{param} must be an integer, got {value!r}", param=param, allowed=f"{lo}..{hi}"
        ) from None
    if not lo <= number <= hi:
        raise InvalidParameter(f"{param} {number} is out of range", param=param, allowed=f"{lo}..{hi}")
    return number


def _strength(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InvalidParameter(f"strength must be a number, got {value!r}", param="strength", allowed="0..1") from None
    if not 0.0 <= number <= 1.0 or number != number:
        raise InvalidParameter(f"strength {value} is out of range", param="strength", allowed="0..1")
    return number


def _visible(text: str) -> bool:
    """True when `text` has a character that shows: not whitespace, not a format (zero-width, BOM) or control one."""
    import unicodedata

    return any(not ch.isspace() and unicodedata.category(ch) not in ("Cf", "Cc") for ch in text)


def make_spec(
    prompt: Any,
    *,
    model: str | None = None,
    backend: str | None = None,
    tier: Any = None,
    output: Any = None,
    size: Any = None,
    aspect_ratio: Any = None,
    width: Any = None,
    height: Any = None,
    n: Any = 1,
    seed: Any = None,
    palette: Any = None,
    background: Any = None,
    image: Any = None,
    strength: Any = None,
    format: Any = None,
    quality: Any = None,
    safety: Any = True,
    style: Any = None,
) -> GenerationSpec:
    """Validate loose user values into a GenerationSpec (see module docstring)."""
    prompt = check_prompt(prompt)
    resolved_tier: Tier = check_tier(str(tier).strip().lower()) if tier is not None else "standard"

    fmt: str | None = format_of(format) if format is not None else None
    kind = _choice(output, ("raster", "vector"), "output") if output is not None else None
    if kind is None:
        kind = "vector" if fmt == "svg" else "raster"
    if fmt is None:
        fmt = "svg" if kind == "vector" else "png"

    given = [name for name, v in (("size", size), ("aspect_ratio", aspect_ratio)) if v is not None]
    if width is not None or height is not None:
        given.append("width/height")
    if len(given) > 1:
        raise InvalidParameter(f"give only one of {', '.join(given)}", param=given[1])
    if size is not None:
        w, h = resolve_size(str(size), resolved_tier)
    elif aspect_ratio is not None:
        w, h = resolve_aspect_ratio(str(aspect_ratio), resolved_tier)
    elif width is not None or height is not None:
        if width is None or height is None:
            raise InvalidParameter(
                "width and height must be given together", param="width" if width is None else "height"
            )
        wi = integer_param(width, "width", 1, 65535)
        hi = integer_param(height, "height", 1, 65535)
        w, h = resolve_size(f"{wi}x{hi}", resolved_tier, param="width/height")
    else:
        w, h = SIZE_TABLES[resolved_tier]["1:1"]

    bg: RGB | Literal["transparent"] | None = None
    if background is not None:
        if isinstance(background, str) and background.strip().lower() in ("transparent", "none"):
            bg = "transparent"
        else:
            bg = parse_color(background, param="background")

    img = InputImage.load(image, param="image") if image is not None else None
    fields: dict[str, Any] = {
        "prompt": prompt,
        "model": model or "artboard-v1",
        "backend": backend,
        "tier": resolved_tier,
        "output": kind,
        "width": w,
        "height": h,
        "n": integer_param(n, "n", 1, MAX_N),
        "seed": integer_param(seed, "seed", 0, MAX_SEED) if seed is not None else None,
        "palette": parse_palette(palette, param="palette") if palette is not None else None,
        "background": bg,
        "image": img,
        "strength": _strength(strength) if strength is not None else None,
        "format": fmt,
        "quality": integer_param(quality, "quality", 20, 99) if quality is not None else None,
        "safety": _boolean(safety, "safety"),
    }
    if style is not None:
        fields["style"] = style
    try:
        return GenerationSpec(**fields)
    except ValidationError as exc:
        raise pydantic_to_invalid(exc) from None


def _boolean(value: Any, param: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise InvalidParameter(f"{param} must be true or false, got {value!r}", param=param, allowed=["true", "false"])


def pydantic_to_invalid(exc: ValidationError) -> InvalidParameter:
    """Turn pydantic's first error into our InvalidParameter (our own raised errors pass through unchanged)."""
    first = exc.errors()[0]
    ctx = first.get("ctx") or {}
    inner = ctx.get("error")
    if isinstance(inner, InvalidParameter):
        return inner
    param = ".".join(str(p) for p in first.get("loc", ())) or None
    return InvalidParameter(str(first.get("msg", "invalid value")), param=param)


def _raw_bytes(source: Any, image: Any) -> bytes:
    """The bytes to keep for an input image: what the user sent when we have it, else a lossless PNG."""
    if isinstance(source, bytes | bytearray):
        return bytes(source)
    if isinstance(source, str) and source.startswith("data:"):
        return base64.b64decode(source.split(",", 1)[1], validate=False)
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as fh:
            return fh.read()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
