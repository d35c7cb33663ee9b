"""BM25 over passages: built with `bm25s`, queried from its saved arrays without importing it.

bm25s stores the precomputed BM25 weight of every (passage, term) pair as a sparse matrix in CSC layout:
column t holds the passages containing term t. A query's scores are the sums of its terms' columns, which
NumPy computes directly; this keeps `bm25s` (and SciPy) off the path of a single `qa ask`.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

EMPTY = "<empty>"  # stands in for a passage with no content word, so that every passage is indexed


class LexicalIndex:
    """Precomputed BM25 weights, queried by term."""

    def __init__(self, vocab: dict[str, int], data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, n: int):
        self.vocab = vocab
        self.data, self.indices, self.indptr = data, indices, indptr
        self.num_docs = n

    @staticmethod
    def build(passage_terms: list[list[str]], folder: Path) -> LexicalIndex:
        """Index the passages' terms with bm25s and save the result into `folder`."""
        import bm25s

        bm25 = bm25s.BM25()
        bm25.index([terms or [EMPTY] for terms in passage_terms], show_progress=False)
        bm25.save(str(folder), show_progress=False)
        return LexicalIndex.load(folder)

    @staticmethod
    def load(folder: Path) -> LexicalIndex:
        """Read an index saved by `build`."""
        vocab = json.loads((folder / "vocab.index.json").read_text(encoding="utf-8"))
        params = json.loads((folder / "params.index.json").read_text(encoding="utf-8"))
        arrays = [
            np.load(folder / f"{name}.csc.index.npy", allow_pickle=False) for name in ("data", "indices", "indptr")
        ]
        return LexicalIndex(vocab, *arrays, int(params["num_docs"]))

    def document_frequency(self, term: str) -> int:
        """In how many passages `term` occurs."""
        token = self.vocab.get(term)
        return 0 if token is None else int(self.indptr[token + 1] - self.indptr[token])

    def passages_with(self, term: str) -> np.ndarray:
        """The passages in which `term` occurs."""
        token = self.vocab.get(term)
        return self.indices[:0] if token is None else self.indices[self.indptr[token] : self.indptr[token + 1]]

    def idf(self, term: str) -> float:
        """Inverse document frequency; a term absent from the corpus weighs most."""
        df = self.document_frequency(term)
        return math.log(1 + (self.num_docs - df + 0.5) / (df + 0.5))

    def scores(self, terms: list[str]) -> np.ndarray:
        """BM25 score of every passage for a query given as terms (repeats count, as in bm25s)."""
        scores = np.zeros(self.num_docs, dtype=np.float32)
        for term in terms:
            token = self.vocab.get(term)
            if token is None:
                continue
            start, end = self.indptr[token], self.indptr[token + 1]
            np.add.at(scores, self.indices[start:end], self.data[start:end])
        return scores
