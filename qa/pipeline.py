"""Wire the stages together: corpus -> index -> retriever -> answerer."""

from __future__ import annotations

from qa.answer import Answerer
from qa.encoder import Encoder, SentenceTransformerEncoder
from qa.index import Notify, build_index, open_index
from qa.retrieve import Retriever
from qa.settings import Settings


def load_encoder(settings: Settings) -> Encoder:
    """The embedding model named in `settings`."""
    return SentenceTransformerEncoder(settings.model)


def open_answerer(settings: Settings, notify: Notify = lambda _: None) -> Answerer:
    """An answerer over the corpus in `settings`, building its index first when needed."""
    encoder: list[Encoder] = []

    def make_encoder() -> Encoder:
        encoder.append(load_encoder(settings))
        return encoder[0]

    index = open_index(settings.corpus, settings.index_dir, settings.model, make_encoder, notify)
    retriever = Retriever(index, encoder[0] if encoder else load_encoder(settings))
    return Answerer(index, retriever, settings.top_k)


def rebuild_index(settings: Settings, notify: Notify = lambda _: None) -> None:
    """Build the index for the corpus in `settings` from scratch."""
    build_index(settings.corpus, settings.index_dir, load_encoder(settings), notify)
