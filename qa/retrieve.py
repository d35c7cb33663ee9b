"""Hybrid retrieval: dense FAISS search and BM25, fused by reciprocal rank fusion."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qa.encoder import Encoder
from qa.index import Index
from qa.store import Passage
from qa.text import terms

RRF_K = 60
CANDIDATES = 50
LEADERS = 1  # passages at the top of either ranking that always make the cut


@dataclass(frozen=True)
class Hit:
    """A retrieved passage with the evidence for it.

    `score` is the fused reciprocal-rank score scaled so that first place in both rankings is 1.0;
    `cosine` is the dense similarity of question and passage; `bm25` the raw lexical score.
    """

    passage_index: int
    passage: Passage
    score: float
    cosine: float
    bm25: float


class Retriever:
    """Finds the passages of an index that best match a question."""

    def __init__(self, index: Index, encoder: Encoder, candidates: int = CANDIDATES) -> None:
        self.index = index
        self.encoder = encoder
        self.candidates = candidates

    def encode(self, question: str) -> np.ndarray:
        """The question's vector, shape (1, dimension)."""
        return self.encoder.encode([question])

    def search(self, question: str, top_k: int = 5, query: np.ndarray | None = None) -> list[Hit]:
        """The `top_k` best passages for `question`, best first (`query`: its vector, if already encoded)."""
        n = len(self.index.store.passages)
        depth = min(n, max(self.candidates, top_k))
        query = self.encode(question) if query is None else query
        dense = self.dense_scores(query, depth)
        lexical = self.lexical_scores(question, depth)
        fused: dict[int, float] = {}
        for ranking in (dense, lexical):
            for rank, passage_index in enumerate(sorted(ranking, key=ranking.get, reverse=True)):
                fused[passage_index] = fused.get(passage_index, 0.0) + 1.0 / (RRF_K + rank + 1)
        best = with_leaders(sorted(fused, key=lambda i: (-fused[i], i))[:top_k], leaders(dense, lexical), top_k)
        top_score = 2.0 / (RRF_K + 1)
        cosines = self.cosines(query, best, dense)
        return [
            Hit(i, self.index.store.passages[i], fused[i] / top_score, cosines[i], lexical.get(i, 0.0)) for i in best
        ]

    def dense_scores(self, query: np.ndarray, depth: int) -> dict[int, float]:
        """Cosine similarity of the `depth` passages nearest to the query vector."""
        scores, ids = self.index.vectors.search(query, depth)
        return {int(i): float(s) for s, i in zip(scores[0], ids[0], strict=True) if i >= 0}

    def lexical_scores(self, question: str, depth: int) -> dict[int, float]:
        """BM25 scores of the `depth` best passages that share a term with the question."""
        scores = self.index.lexical.scores(terms(question))
        best = np.argsort(-scores, kind="stable")[:depth]
        return {int(i): float(scores[i]) for i in best if scores[i] > 0}

    def cosines(self, query: np.ndarray, passage_ids: list[int], known: dict[int, float]) -> dict[int, float]:
        """Cosine similarity for each of `passage_ids`, reconstructing vectors the dense search missed."""
        missing = [i for i in passage_ids if i not in known]
        found = dict(known)
        if missing:
            vectors = np.stack([self.index.vectors.reconstruct(i) for i in missing])
            for i, score in zip(missing, vectors @ query[0], strict=True):
                found[i] = float(score)
        return found


def with_leaders(best: list[int], leading: list[int], top_k: int) -> list[int]:
    """`best` with every passage of `leading` in it, however the fusion ranked it: each one missing takes the
    place of the weakest passage that is not itself a leader."""
    for leader in leading:
        if leader in best:
            continue
        if len(best) >= top_k:
            weakest = max((i for i, passage in enumerate(best) if passage not in leading), default=None)
            if weakest is None:
                continue  # fewer places than leaders: the first ones keep theirs
            best = best[:weakest] + best[weakest + 1 :]
        best = best + [leader]
    return best


def leaders(*rankings: dict[int, float], each: int = LEADERS) -> list[int]:
    """The best `each` passages of every ranking."""
    return [i for ranking in rankings for i in sorted(ranking, key=ranking.get, reverse=True)[:each]]
