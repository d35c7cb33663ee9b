"""Shared fixtures: the real packaged model and the default corpus's index, each built once per session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from qa.answer import Answerer  # noqa: E402
from qa.encoder import SentenceTransformerEncoder  # noqa: E402
from qa.index import Index, build_index  # noqa: E402
from qa.retrieve import Retriever  # noqa: E402
from qa.settings import DEFAULT_CORPUS  # noqa: E402


@pytest.fixture(scope="session")
def encoder() -> SentenceTransformerEncoder:
    """The packaged all-MiniLM-L6-v2, loaded once."""
    return SentenceTransformerEncoder()


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline used at index time, loaded once."""
    from qa.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def default_index_dir(tmp_path_factory: pytest.TempPathFactory, encoder) -> Path:
    """An index of the five seed articles, built once into a temporary folder."""
    folder = tmp_path_factory.mktemp("index") / "articles"
    build_index(DEFAULT_CORPUS, folder, encoder)
    return folder


@pytest.fixture(scope="session")
def default_index(default_index_dir: Path) -> Index:
    """The seed articles' index, loaded."""
    from qa.index import load_index

    return load_index(default_index_dir)


@pytest.fixture(scope="session")
def answerer(default_index: Index, encoder) -> Answerer:
    """An answerer over the seed articles with the real model."""
    return Answerer(default_index, Retriever(default_index, encoder))


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """A private copy of two seed articles that a test may change."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in sorted(p.name for p in DEFAULT_CORPUS.iterdir())[:2]:
        shutil.copy(DEFAULT_CORPUS / name, folder / name)
    return folder
