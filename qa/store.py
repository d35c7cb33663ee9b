"""The passage store: documents, sentences, passages and the mentions found at index time.

On disk it is plain JSON lines and integer arrays (`allow_pickle=False`), so that loading it needs no
NLP model and no unpickling.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from qa.documents import Document
from qa.nlp import Mention, SentenceAnalysis

PASSAGE_MAX_WORDS = 90
ENTITY, CHUNK, PREDICATE = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a document, as offsets into its text, with its entities, noun chunks and verb phrases."""

    doc_index: int
    start: int
    end: int
    entities: tuple[Mention, ...]
    chunks: tuple[Mention, ...]
    predicates: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Passage:
    """Consecutive sentences of one document: the unit that is embedded and retrieved."""

    doc_id: str
    start: int
    end: int
    text: str
    first_sentence: int
    last_sentence: int  # exclusive


@dataclass(frozen=True)
class PassageStore:
    """Everything answering needs to know about the corpus, indexed by position."""

    documents: tuple[Document, ...]
    sentences: Sequence[Sentence]
    passages: Sequence[Passage]

    def sentence_text(self, index: int) -> str:
        """The exact text of sentence `index`."""
        sentence = self.sentences[index]
        return self.documents[sentence.doc_index].text[sentence.start : sentence.end]

    def passage_document(self, passage: Passage) -> int:
        """The position of the document `passage` comes from."""
        return self.sentences[passage.first_sentence].doc_index

    def sentence_ranges(self) -> list[tuple[int, int]]:
        """For each document, the range [lo, hi) of its sentences (they are stored document by document)."""
        if isinstance(self.sentences, SentenceTable):
            column = self.sentences.rows[:, 0]
        else:
            column = np.array([sentence.doc_index for sentence in self.sentences], dtype=np.int64)
        bounds = np.searchsorted(column, np.arange(len(self.documents) + 1)).tolist()
        return list(zip(bounds[:-1], bounds[1:], strict=True))

    def document(self, doc_id: str) -> Document:
        """The document with id `doc_id`."""
        return next(doc for doc in self.documents if doc.doc_id == doc_id)


def build_store(documents: list[Document], analyses: list[list[SentenceAnalysis]]) -> PassageStore:
    """Assemble the store from documents and their sentence analyses, cutting passages."""
    sentences: list[Sentence] = []
    passages: list[Passage] = []
    for doc_index, (doc, analysis) in enumerate(zip(documents, analyses, strict=True)):
        first = len(sentences)
        sentences.extend(
            Sentence(doc_index, s.start, s.end, tuple(s.entities), tuple(s.chunks), tuple(s.predicates))
            for s in analysis
        )
        for lo, hi in passage_windows([len(doc.text[s.start : s.end].split()) for s in analysis]):
            start, end = analysis[lo].start, analysis[hi - 1].end
            passages.append(Passage(doc.doc_id, start, end, doc.text[start:end], first + lo, first + hi))
    return PassageStore(tuple(documents), tuple(sentences), tuple(passages))


def passage_windows(sentence_words: list[int], max_words: int = PASSAGE_MAX_WORDS) -> list[tuple[int, int]]:
    """Sentence ranges [lo, hi) of about `max_words` words, consecutive ones sharing one sentence."""
    windows: list[tuple[int, int]] = []
    lo = 0
    while lo < len(sentence_words):
        hi, size = lo + 1, sentence_words[lo]
        while hi < len(sentence_words) and size + sentence_words[hi] <= max_words:
            size += sentence_words[hi]
            hi += 1
        windows.append((lo, hi))
        if hi == len(sentence_words):
            break
        lo = max(lo + 1, hi - 1)
    return windows


def save_store(store: PassageStore, folder: Path) -> tuple[np.ndarray, np.ndarray]:
    """Write the store's files into `folder`; returns the (document, start, end) row of every sentence and
    the (first, last) sentence row of every passage, as written."""
    with open(folder / "documents.jsonl", "w", encoding="utf-8") as out:
        for doc in store.documents:
            out.write(json.dumps(asdict(doc)))
            out.write("\n")
    labels: dict[str, int] = {}
    rows = array("q")  # flat int64 values, not a tuple per mention: a large corpus has millions
    for index, sentence in enumerate(store.sentences):
        for kind, mentions in (
            (ENTITY, sentence.entities),
            (CHUNK, sentence.chunks),
            (PREDICATE, sentence.predicates),
        ):
            for m in mentions:
                codes = [labels.setdefault(name, len(labels)) for name in (m.label, m.role, m.governor)]
                rows.extend((index, kind, m.start, m.end, *codes))
    sentence_rows = np.array([(s.doc_index, s.start, s.end) for s in store.sentences], dtype=np.int64)
    passage_rows = np.array([(p.first_sentence, p.last_sentence) for p in store.passages], dtype=np.int64)
    sentence_rows, passage_rows = sentence_rows.reshape(-1, 3), passage_rows.reshape(-1, 2)
    np.save(folder / "sentences.npy", sentence_rows)
    np.save(folder / "passages.npy", passage_rows)
    np.save(folder / "mentions.npy", np.frombuffer(rows, dtype=np.int64).reshape(-1, 7))
    (folder / "labels.json").write_text(json.dumps(list(labels)), encoding="utf-8")
    return sentence_rows, passage_rows


def load_store(folder: Path) -> PassageStore:
    """Read a store written by `save_store`. Sentences and passages are made when first asked for, so that a
    large corpus opens at once: answering a question touches a few dozen of them."""
    with open(folder / "documents.jsonl", encoding="utf-8") as lines:
        documents = tuple(Document(**json.loads(line)) for line in lines)
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    sentences = SentenceTable(
        np.load(folder / "sentences.npy", allow_pickle=False),
        np.load(folder / "mentions.npy", allow_pickle=False),
        labels,
    )
    return PassageStore(
        documents, sentences, PassageTable(np.load(folder / "passages.npy", allow_pickle=False), documents, sentences)
    )


class LazyTable(Sequence):
    """A sequence whose items are made from array rows on first access, and kept."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.made: dict[int, object] = {}

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self.count))]
        if index < 0:
            index += self.count
        if not 0 <= index < self.count:
            raise IndexError(index)
        item = self.made.get(index)
        if item is None:
            item = self.made[index] = self.make(index)
        return item

    def make(self, index: int):
        raise NotImplementedError


class SentenceTable(LazyTable):
    """Sentences from the saved (doc, start, end) rows and the mention rows, sorted by sentence."""

    def __init__(self, rows: np.ndarray, mentions: np.ndarray, labels: list[str]) -> None:
        super().__init__(len(rows))
        self.rows, self.mentions, self.labels = rows, mentions, labels
        self.bounds = np.searchsorted(mentions[:, 0], np.arange(len(rows) + 1))

    def make(self, index: int) -> Sentence:
        found: tuple[list[Mention], ...] = ([], [], [])
        for _, kind, start, end, label, role, governor in self.mentions[
            self.bounds[index] : self.bounds[index + 1]
        ].tolist():
            found[kind].append(Mention(start, end, self.labels[label], self.labels[role], self.labels[governor]))
        doc_index, start, end = self.rows[index].tolist()
        return Sentence(doc_index, start, end, tuple(found[ENTITY]), tuple(found[CHUNK]), tuple(found[PREDICATE]))


class PassageTable(LazyTable):
    """Passages from the saved (first, last) sentence rows."""

    def __init__(self, rows: np.ndarray, documents: tuple[Document, ...], sentences: SentenceTable) -> None:
        super().__init__(len(rows))
        self.rows, self.documents, self.sentences = rows, documents, sentences

    def make(self, index: int) -> Passage:
        first, last = self.rows[index].tolist()
        doc_index, start, _ = self.sentences.rows[first].tolist()
        end = int(self.sentences.rows[last - 1, 2])
        doc = self.documents[doc_index]
        return Passage(doc.doc_id, start, end, doc.text[start:end], first, last)
