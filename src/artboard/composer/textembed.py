"""Sentence embeddings from the shipped static model (a model2vec distillation of all-MiniLM-L6-v2).

A static model is a lookup table: a text's vector is the mean of its tokens' rows. We read the table and
the tokenizer directly (numpy + safetensors + tokenizers) instead of importing model2vec, which would pull
in its own dependency tree for the same ten lines of arithmetic.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt

MODEL_FILES: tuple[str, ...] = ("model.safetensors", "tokenizer.json", "config.json")


def model_dir() -> Path:
    return Path(str(resources.files("artboard").joinpath("data", "textmodel")))


class StaticEmbedder:
    """Token table + tokenizer. Immutable after construction, so one instance is shared across threads."""

    def __init__(self, path: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        table = load_file(str(path / "model.safetensors"))["embeddings"]
        # int8 rows share one scale factor, and every output is L2-normalised, so the scale never matters.
        self._table: npt.NDArray[np.float32] = table.astype(np.float32)
        self._tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        # Padding would add [PAD] rows to the mean; truncation would silently drop the end of long prompts.
        self._tokenizer.no_padding()
        self._tokenizer.no_truncation()
        # Encodings carry no special tokens; [UNK] says nothing about meaning, so it is dropped.
        self._unk = self._tokenizer.token_to_id("[UNK]")
        self.dim = int(self._table.shape[1])
        digest = hashlib.sha256()
        for name in MODEL_FILES:
            digest.update((path / name).read_bytes())
        self.fingerprint = digest.hexdigest()[:16]

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        # encode_batch fans out to a thread pool: worth it for the index, pure overhead for a query.
        if len(texts) > 64:
            encodings = self._tokenizer.encode_batch(list(texts), add_special_tokens=False)
        else:
            encodings = [self._tokenizer.encode(t, add_special_tokens=False) for t in texts]
        for i, enc in enumerate(encodings):
            ids = [t for t in enc.ids if t != self._unk]
            if ids:
                out[i] = self._table[ids].mean(axis=0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out


_lock = threading.Lock()
_model: StaticEmbedder | None = None


def get_model() -> StaticEmbedder:
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                _model = StaticEmbedder(model_dir())
    return _model


def embed(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """One L2-normalised float32 row per text; an all-zero row for text with no known token."""
    return get_model().embed(texts)


def model_fingerprint() -> str:
    """Changes whenever the shipped model files change; used to key caches of embeddings."""
    return get_model().fingerprint
