"""Tiny random-initialised Stable Diffusion components, built offline on CPU (the diffusers test pattern).

    path = save_tiny_pipeline(tmp_path / "tiny-sd")      # a diffusers folder: model_index.json, unet/, vae/, …
    pipe = build_tiny_pipeline()                          # the same pipeline, in memory

Nothing here touches a model hub: the CLIP tokenizer is written from a byte-level vocabulary made on the spot,
and every model is initialised from a seeded random state, so the saved weights are the same on every run.
The models are far too small to draw anything meaningful; they exercise the real loading and sampling code paths.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# Sizes of the two presets: "tiny" for tests (32 px latents, about 0.1 s per image on 2 cores with 4 steps) and
# "small" for the plumbing benchmark (wider blocks, so the network dominates the way a real one does).
PRESETS: dict[str, dict[str, Any]] = {
    "tiny": {"unet_channels": (8, 16), "vae_channels": (8, 16), "sample_size": 32, "text_hidden": 32},
    "small": {"unet_channels": (32, 64), "vae_channels": (16, 32), "sample_size": 32, "text_hidden": 64},
}


_BOS, _EOS = 519, 520  # ids of <|startoftext|> and <|endoftext|> in the vocabulary below


def _bytes_to_unicode() -> dict[int, str]:
    """GPT-2/CLIP's reversible byte → printable character table."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, (chr(c) for c in cs), strict=True))


def write_tokenizer_files(folder: Path) -> tuple[Path, Path]:
    """A CLIP BPE vocabulary of single byte characters (plus their end-of-word forms) and a few merges."""
    folder.mkdir(parents=True, exist_ok=True)
    chars = list(_bytes_to_unicode().values())
    tokens = chars + [c + "</w>" for c in chars]
    merges = ["e r</w>", "t h", "th e</w>", "a n", "o n</w>", "i n", "s t"]
    for merge in merges:
        tokens.append("".join(merge.split(" ")))
    tokens += ["<|startoftext|>", "<|endoftext|>"]
    vocab = {token: i for i, token in enumerate(dict.fromkeys(tokens))}
    assert (vocab["<|startoftext|>"], vocab["<|endoftext|>"]) == (_BOS, _EOS)
    vocab_file = folder / "vocab.json"
    merges_file = folder / "merges.txt"
    vocab_file.write_text(json.dumps(vocab), encoding="utf-8")
    merges_file.write_text("#version: 0.2\n" + "\n".join(merges) + "\n", encoding="utf-8")
    return vocab_file, merges_file


def build_tiny_pipeline(preset: str = "tiny", *, workdir: Path | None = None) -> Any:
    """A StableDiffusionPipeline of random tiny components (CPU, fp32, no safety checker)."""
    import tempfile

    import torch
    from diffusers import AutoencoderKL, DDIMScheduler, StableDiffusionPipeline, UNet2DConditionModel
    from transformers import CLIPTextConfig, CLIPTextModel, CLIPTokenizer

    cfg = PRESETS[preset]
    torch.manual_seed(0)
    unet = UNet2DConditionModel(
        block_out_channels=cfg["unet_channels"],
        layers_per_block=1,
        sample_size=cfg["sample_size"],
        in_channels=4,
        out_channels=4,
        down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
        up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"),
        cross_attention_dim=cfg["text_hidden"],
        attention_head_dim=4,
        norm_num_groups=4,
    )
    torch.manual_seed(0)
    vae = AutoencoderKL(
        block_out_channels=list(cfg["vae_channels"]),
        in_channels=3,
        out_channels=3,
        down_block_types=["DownEncoderBlock2D"] * len(cfg["vae_channels"]),
        up_block_types=["UpDecoderBlock2D"] * len(cfg["vae_channels"]),
        latent_channels=4,
        norm_num_groups=4,
        sample_size=cfg["sample_size"] * 2,
    )
    torch.manual_seed(0)
    text_encoder = CLIPTextModel(
        CLIPTextConfig(
            bos_token_id=_BOS,
            eos_token_id=_EOS,
            hidden_size=cfg["text_hidden"],
            intermediate_size=cfg["text_hidden"] * 2,
            layer_norm_eps=1e-05,
            num_attention_heads=4,
            num_hidden_layers=2,
            pad_token_id=_EOS,
            vocab_size=1000,
            max_position_embeddings=77,
        )
    )
    with tempfile.TemporaryDirectory() as tmp:
        # from_pretrained on a folder of vocab.json + merges.txt reads local files only (transformers 4 and 5).
        source = write_tokenizer_files(Path(workdir or tmp) / "tokenizer-src")[0].parent
        tokenizer = CLIPTokenizer.from_pretrained(str(source), model_max_length=77, local_files_only=True)
    scheduler = DDIMScheduler(
        beta_start=0.00085,
        beta_end=0.012,
        beta_schedule="scaled_linear",
        clip_sample=False,
        set_alpha_to_one=False,
        steps_offset=1,
    )
    return StableDiffusionPipeline(
        unet=unet,
        vae=vae,
        text_encoder=text_encoder,
        tokenizer=tokenizer,
        scheduler=scheduler,
        safety_checker=None,
        feature_extractor=None,
        requires_safety_checker=False,
    )


def save_tiny_pipeline(folder: Path, preset: str = "tiny") -> Path:
    """Build the tiny pipeline and save it as a diffusers folder (what `from_pretrained` loads)."""
    folder = Path(folder)
    pipe = build_tiny_pipeline(preset, workdir=folder.parent)
    pipe.save_pretrained(str(folder))
    return folder
