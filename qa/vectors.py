"""Nearest-passage search over normalised vectors: exact in NumPy, or a FAISS index."""

from __future__ import annotations

from typing import Protocol

import numpy as np


class VectorSearch(Protocol):
    """What retrieval needs of a vector index (FAISS's own interface)."""

    ntotal: int

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]: ...

    def reconstruct(self, i: int) -> np.ndarray: ...


class FlatVectors:
    """Exact inner-product search in NumPy, the same results as `faiss.IndexFlatIP` without importing FAISS."""

    def __init__(self, vectors: np.ndarray) -> None:
        self.vectors = vectors
        self.ntotal = int(vectors.shape[0])

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Scores and ids of the `k` best rows for each query row, best first (ties: lower id first)."""
        scores = query @ self.vectors.T
        k = min(k, self.ntotal)
        ids = np.argsort(-scores, axis=1, kind="stable")[:, :k]
        return np.take_along_axis(scores, ids, axis=1), ids

    def reconstruct(self, i: int) -> np.ndarray:
        """Row `i`."""
        return np.asarray(self.vectors[i])
