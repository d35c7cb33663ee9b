"""Vector search: the exact NumPy scan and the approximate FAISS index chosen for large corpora."""

from __future__ import annotations

import numpy as np

from qa.vectors import APPROXIMATE_ABOVE, FlatVectors, build_faiss, choose_index_type


def random_unit_vectors(n: int, dimension: int = 64, seed: int = 3) -> np.ndarray:
    """Clustered unit vectors, closer to real embeddings than uniform noise."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(50, dimension))
    vectors = centres[rng.integers(0, 50, n)] + 0.5 * rng.normal(size=(n, dimension))
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


def test_small_corpora_are_searched_exactly_and_large_ones_with_hnsw():
    assert choose_index_type(APPROXIMATE_ABOVE) == ("flat-ip", {})
    kind, params = choose_index_type(APPROXIMATE_ABOVE + 1)
    assert kind == "hnsw-ip" and params["efSearch"] >= 64


def test_flat_search_matches_faiss_flat():
    vectors = random_unit_vectors(2000)
    queries = random_unit_vectors(20, seed=9)
    faiss_scores, faiss_ids = build_faiss(vectors, "flat-ip", {}).search(queries, 10)
    numpy_scores, numpy_ids = FlatVectors(vectors).search(queries, 10)
    assert (numpy_ids == faiss_ids).mean() > 0.99  # ties may order differently
    np.testing.assert_allclose(numpy_scores, faiss_scores, rtol=1e-4, atol=1e-5)


def test_hnsw_recall_at_10_against_exact_search():
    vectors = random_unit_vectors(20_000)
    queries = random_unit_vectors(100, seed=11)
    _, params = choose_index_type(APPROXIMATE_ABOVE + 1)
    _, approximate = build_faiss(vectors, "hnsw-ip", params).search(queries, 10)
    _, exact = FlatVectors(vectors).search(queries, 10)
    recall = np.mean([len(set(a) & set(e)) / 10 for a, e in zip(approximate.tolist(), exact.tolist(), strict=True)])
    assert recall >= 0.95
