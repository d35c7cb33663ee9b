"""Wire the stages together: corpus -> index -> retriever -> answerer."""

from __future__ import annotations

from pathlib import Path

from qa.answer import Answerer
from qa.encoder import Encoder, SentenceTransformerEncoder, resolve_model_path
from qa.index import Notify, build_index, open_index
from qa.retrieve import Retriever
from qa.settings import MODEL_CACHE, Settings


def load_encoder(settings: Settings, notify: Notify = lambda _: None) -> Encoder:
    """The embedding model named in `settings`, for building indexes: in ONNX Runtime when it is a BERT with
    mean pooling and the export works (faster, and no PyTorch once exported), else in sentence-transformers."""
    from qa.numpy_encoder import supports

    path = Path(resolve_model_path(settings.model))
    if supports(path):
        try:
            from qa.onnx_encoder import OnnxEncoder

            return OnnxEncoder(path, settings.model, MODEL_CACHE, notify)
        except (ImportError, OSError, RuntimeError):
            pass  # an optimisation only: sentence-transformers gives the same vectors
    return SentenceTransformerEncoder(settings.model)


def load_query_encoder(settings: Settings) -> Encoder:
    """The same model for encoding questions: in NumPy when it is a BERT with mean pooling (fast to start),
    else in sentence-transformers."""
    from qa.numpy_encoder import NumpyEncoder, supports

    path = Path(resolve_model_path(settings.model))
    return NumpyEncoder(path, settings.model) if supports(path) else load_encoder(settings)


def open_answerer(settings: Settings, notify: Notify = lambda _: None) -> Answerer:
    """An answerer over the corpus in `settings`, building its index first when needed."""
    index = open_index(
        settings.corpus, settings.index_dir, settings.model, lambda: load_encoder(settings, notify), notify
    )
    retriever = Retriever(index, load_query_encoder(settings))
    return Answerer(index, retriever, settings.top_k)


def rebuild_index(settings: Settings, notify: Notify = lambda _: None, reuse: bool = True) -> None:
    """Build the index for the corpus in `settings`, reusing unchanged articles' work unless `reuse` is off."""
    build_index(settings.corpus, settings.index_dir, load_encoder(settings, notify), notify, reuse)
