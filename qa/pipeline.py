"""Wire the stages together: corpus -> index -> retriever -> answerer."""

from __future__ import annotations

from pathlib import Path

from qa.answer import Answerer
from qa.encoder import Encoder, SentenceTransformerEncoder, resolve_model_path
from qa.index import Notify, build_index, open_index
from qa.retrieve import Retriever
from qa.settings import Settings


def load_encoder(settings: Settings) -> Encoder:
    """The embedding model named in `settings`, in sentence-transformers (for building indexes)."""
    return SentenceTransformerEncoder(settings.model)


def load_query_encoder(settings: Settings) -> Encoder:
    """The same model for encoding questions: in NumPy when it is a BERT with mean pooling (fast to start),
    else in sentence-transformers."""
    from qa.numpy_encoder import NumpyEncoder, supports

    path = Path(resolve_model_path(settings.model))
    return NumpyEncoder(path, settings.model) if supports(path) else load_encoder(settings)


def open_answerer(settings: Settings, notify: Notify = lambda _: None) -> Answerer:
    """An answerer over the corpus in `settings`, building its index first when needed."""
    index = open_index(settings.corpus, settings.index_dir, settings.model, lambda: load_encoder(settings), notify)
    retriever = Retriever(index, load_query_encoder(settings))
    return Answerer(index, retriever, settings.top_k)


def rebuild_index(settings: Settings, notify: Notify = lambda _: None, reuse: bool = True) -> None:
    """Build the index for the corpus in `settings`, reusing unchanged articles' work unless `reuse` is off."""
    build_index(settings.corpus, settings.index_dir, load_encoder(settings), notify, reuse)
