"""The NumPy query encoder and the ONNX build encoder give the vectors sentence-transformers gives."""

from __future__ import annotations

from pathlib import Path

from qa.encoder import DEFAULT_MODEL, resolve_model_path
from qa.numpy_encoder import NumpyEncoder, supports
from qa.onnx_encoder import OnnxEncoder, exported_path
from qa.settings import MODEL_CACHE

QUESTIONS = [
    "Who loaded the live round into Baldwin's gun?",
    "How long is her sentence?",
    "and the director?",
    "What is the capital of Ukraine?",
    "Wie heißt der Richter? 🤔 — naïve café",
    "x",
    "A very long question that goes on about the documentary footage, the subpoena, the Shield Law, " * 12,
]


def test_numpy_vectors_match_sentence_transformers(encoder):
    path = Path(resolve_model_path(DEFAULT_MODEL))
    assert supports(path)
    fast = NumpyEncoder(path, DEFAULT_MODEL).encode(QUESTIONS)
    reference = encoder.encode(QUESTIONS)
    assert fast.shape == reference.shape == (len(QUESTIONS), 384)
    cosines = (fast * reference).sum(axis=1)
    assert cosines.min() >= 0.999, cosines


def test_a_folder_that_is_not_a_bert_model_is_not_supported(tmp_path: Path):
    assert not supports(tmp_path)


def test_onnx_vectors_match_sentence_transformers_in_the_order_given(encoder):
    path = Path(resolve_model_path(DEFAULT_MODEL))
    onnx = OnnxEncoder(path, DEFAULT_MODEL, MODEL_CACHE)
    assert exported_path(path, MODEL_CACHE).is_file()
    texts = QUESTIONS * 5  # more than one batch, lengths out of order
    fast, reference = onnx.encode(texts), encoder.encode(texts)
    assert fast.shape == reference.shape == (len(texts), onnx.dimension)
    assert (fast * reference).sum(axis=1).min() >= 0.999
    assert onnx.encode([]).shape == (0, 384)
