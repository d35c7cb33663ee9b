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


# Above this many passages an exact scan costs more than a query should; an HNSW graph answers in well
# under a millisecond with recall@10 above 0.95 (`qa bench --passages N` measures it).
APPROXIMATE_ABOVE = 50_000
HNSW_PARAMS = {"M": 32, "efConstruction": 200, "efSearch": 256}


def choose_index_type(count: int) -> tuple[str, dict[str, int]]:
    """Exact search for small corpora, HNSW above `APPROXIMATE_ABOVE` passages."""
    return ("hnsw-ip", dict(HNSW_PARAMS)) if count > APPROXIMATE_ABOVE else ("flat-ip", {})


def build_faiss(vectors: np.ndarray, index_type: str, params: dict[str, int]):  # -> faiss.Index
    """The FAISS index over normalised vectors; inner product on them is cosine similarity."""
    import faiss

    if index_type == "hnsw-ip":
        index = faiss.IndexHNSWFlat(vectors.shape[1], params["M"], faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = params["efConstruction"]
        index.hnsw.efSearch = params["efSearch"]
    else:
        index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(vectors)
    return index


def load_faiss(path: str, params: dict[str, int]):  # -> faiss.Index
    """A FAISS index from disk, with its search parameters set again."""
    import faiss

    index = faiss.read_index(path)
    if "efSearch" in params:
        index.hnsw.efSearch = params["efSearch"]
    return index
