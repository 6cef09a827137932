"""Variations of an image (Recraft variateImage).

A design of ours is drawn again from its brief with other seeds: the same prompt, palette and background, another
layout, icon and type choice each time.

Any other image keeps its subject and changes visibly:

* with a learned image-to-image backend ready (the catalogue's `[routing] photographic` backends, e.g. diffusers
  with ARTBOARD_DIFFUSERS_MODEL set), the image goes through it at `strength` (default 0.5; 0 = the input, 1 =
  barely related), prompted with the prompt its manifest names when it has one;
* otherwise classically, every step drawn from the variation's seed: a mirrored composition (half the time), a
  reframe (a crop of 78–94 % of the frame around a point near the centre, scaled back up), a hue rotation of
  every colour together (20–70° either way, so the palette's relations stay; greys and whites stay grey and
  white), and a tone change (gamma, contrast, saturation). The manifest's `variation` lists what was done.

Result *i* uses seed + i, as everywhere else, so a variation can be reproduced alone; the same seed gives the same
bytes.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from artboard.edit import source as src
from artboard.edit.source import U8, Source
from artboard.errors import InvalidParameter

MAX_VARIATIONS = 6  # Recraft's n range
LEARNED_STRENGTH = 0.5  # a learned backend's default strength: the subject kept, the rendering new
FALLBACK_PROMPT = "the same subject, a new take"


def design_spec(source: Source, *, seed: int, size: str | None, fmt: str) -> Any:
    """The GenerationSpec (n=1) that draws variation `seed` of one of our designs."""
    from artboard.spec import make_spec

    spec = source.spec
    assert spec is not None
    return make_spec(
        spec.prompt,
        model=spec.model,
        backend="design",
        tier=spec.tier,
        output="vector" if fmt == "svg" else "raster",
        size=size or f"{spec.width}x{spec.height}",
        seed=seed,
        palette=list(spec.palette) if spec.palette else None,
        background=_background(spec.background),
        format=fmt,
        style=spec.style,
    )


def learned_backend(size: str) -> str | None:
    """The first learned backend of the catalogue's photographic list that takes an input image and is ready."""
    from artboard import registry
    from artboard.catalogue import current_catalogue
    from artboard.spec import make_spec

    probe = make_spec("probe", size=size, image=_PROBE_PNG, strength=LEARNED_STRENGTH)
    for name in current_catalogue().photographic:
        if not registry.is_known(name):
            continue
        try:
            backend = registry.load_backend(name)
            if backend.supports(probe)[0] and backend.available()[0]:
                return name
        except Exception:  # an optional backend (ArtboardError or its own bug) never fails the tool: classical runs
            continue
    return None


def _probe_png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (128, 128, 128)).save(buffer, format="PNG")
    return buffer.getvalue()


_PROBE_PNG = _probe_png()


def _prompt_of(source: Source) -> str:
    params = (source.manifest or {}).get("params")
    prompt = params.get("prompt") if isinstance(params, dict) else None
    return prompt if isinstance(prompt, str) and prompt.strip() else FALLBACK_PROMPT


def _out_size(source: Source, size: str | None) -> tuple[int, int]:
    if size is None:
        return source.width, source.height
    w, h = (int(v) for v in size.split("x"))
    return w, h


def classical(rgba: U8, seed: int, width: int, height: int) -> tuple[U8, dict[str, Any]]:
    """Variation `seed` of a raster without a model (see the module docstring); the result and what was done."""
    import random

    import cv2

    rng = random.Random(f"artboard-variation:{seed}")
    done: dict[str, Any] = {}
    image = rgba
    if rng.random() < 0.5:
        image = image[:, ::-1]
        done["mirrored"] = True
    h, w = image.shape[:2]
    # Reframe: crop a share of the frame around a point near the centre, then fill the output size (cover).
    zoom = rng.uniform(0.78, 0.94)
    target = width / height
    cw = min(w, round(zoom * min(w, h * target)))
    ch = min(h, round(cw / target))
    x0 = round((w - cw) / 2 * (1 + rng.uniform(-0.6, 0.6)))
    y0 = round((h - ch) / 2 * (1 + rng.uniform(-0.6, 0.6)))
    crop = np.ascontiguousarray(image[y0 : y0 + ch, x0 : x0 + cw])
    image = np.asarray(cv2.resize(crop, (width, height), interpolation=cv2.INTER_LANCZOS4), np.uint8)
    done["reframe"] = {"zoom": round(cw / w, 3), "x": x0, "y": y0, "width": cw, "height": ch}
    # Colour: every hue rotated together (OpenCV's HSV hue is 0..180), saturation scaled; greys have no hue to turn.
    shift = rng.choice((-1, 1)) * rng.uniform(20.0, 70.0)
    saturation = rng.uniform(0.85, 1.25)
    hsv = cv2.cvtColor(np.ascontiguousarray(image[..., :3]), cv2.COLOR_RGB2HSV_FULL).astype(np.float32)
    hsv[..., 0] = (hsv[..., 0] + shift * 256.0 / 360.0) % 256.0
    hsv[..., 1] = np.clip(hsv[..., 1] * saturation, 0, 255)
    rgb = cv2.cvtColor(np.clip(np.rint(hsv), 0, 255).astype(np.uint8), cv2.COLOR_HSV2RGB_FULL).astype(np.float32)
    # Tone: gamma and contrast around mid-grey.
    gamma = rng.uniform(0.8, 1.2)
    contrast = rng.uniform(0.9, 1.15)
    rgb = 255.0 * (rgb / 255.0) ** gamma
    rgb = (rgb - 128.0) * contrast + 128.0
    out: U8 = np.dstack([np.clip(np.rint(rgb), 0, 255).astype(np.uint8), image[..., 3]])
    done["hue_shift_degrees"] = round(shift, 1)
    done["saturation"] = round(saturation, 3)
    done["gamma"] = round(gamma, 3)
    done["contrast"] = round(contrast, 3)
    return out, done


def _background(value: Any) -> Any:
    if value is None or value == "transparent":
        return value
    from artboard.colors import to_hex

    return to_hex(value)


def check_n(n: Any) -> int:
    from artboard.spec import integer_param

    return integer_param(n, "n", 1, MAX_VARIATIONS)


def variation(
    source: Source, *, seed: int, index: int, size: str | None, fmt: str, strength: float | None = None
) -> Any:
    """Variation number `index` (seed + index) as an Artifact whose manifest names the input and the way taken."""
    from artboard import engine
    from artboard.spec import MAX_SEED

    own_seed = (seed + index) % (MAX_SEED + 1)
    if source.spec is not None:
        artifact = engine.run(design_spec(source, seed=own_seed, size=size, fmt=fmt))[0]
        artifact.manifest["operation"] = "variate_image"
        artifact.manifest["input"] = source.record()
        artifact.manifest["method"] = "design: the same brief drawn with another seed"
        return artifact
    from artboard.edit.background import nearest_table_size

    table_size = size or nearest_table_size(source.width, source.height)  # what a backend draws
    learned = learned_backend(table_size)
    if learned is not None:
        from artboard.render import encode_raster, rgba_to_image
        from artboard.spec import make_spec

        amount = LEARNED_STRENGTH if strength is None else strength
        image = encode_raster(rgba_to_image(source.rgba), "png", quality=None, manifest={})
        spec = make_spec(
            _prompt_of(source),
            backend=learned,
            size=table_size,
            seed=own_seed,
            image=image,
            strength=amount,
            format=fmt,
        )
        artifact = engine.run(spec)[0]
        artifact.manifest["operation"] = "variate_image"
        artifact.manifest["input"] = source.record()
        artifact.manifest["method"] = f"image-to-image on the learned backend {learned} at strength {amount}"
        artifact.manifest["variation"] = {"backend": learned, "strength": amount}
        return artifact
    width, height = _out_size(source, size)
    rgba, done = classical(source.rgba, own_seed, width, height)
    manifest = src.base_manifest("variate_image", source, {"format": fmt, "size": size}, seed=own_seed)
    steps = ("mirrored, " if done.get("mirrored") else "") + "reframed, hue-rotated and re-toned"
    manifest["method"] = f"raster: {steps} from the seed (no learned image-to-image backend is ready)"
    manifest["variation"] = done
    if strength is not None:  # asked for, but there is nothing for it to steer: say so rather than ignore it
        manifest["warnings"] = ["strength applies to a learned image-to-image backend, and none is ready"]
    return src.finish_raster(rgba, fmt, manifest, seed=own_seed)


def variate_image(
    image: Any,
    *,
    n: Any = 1,
    seed: Any = None,
    size: str | None = None,
    format: str | None = None,
    safety: bool = True,
    strength: float | None = None,
) -> list[Any]:
    """`n` variations of `image` (1–6); `strength` (0..1) for a learned backend."""
    count = check_n(n)
    source = src.load_source(image)
    fmt = src.check_output_format(format, source, vector_ok=True)
    if fmt == "svg" and source.spec is None:
        raise InvalidParameter(
            "svg variations need one of our designs as input", param="format", allowed=list(src.RASTER_OUTPUTS)
        )
    src.input_safety(source, safety)
    base = src.resolve_seed(seed)
    if source.spec is not None and source.spec.seed == base:
        base += 1  # a variation is never the input itself
    return [variation(source, seed=base, index=i, size=size, fmt=fmt, strength=strength) for i in range(count)]
