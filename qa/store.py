"""The passage store: documents, sentences, passages and the mentions found at index time.

On disk it is plain JSON lines and integer arrays (`allow_pickle=False`), so that loading it needs no
NLP model and no unpickling.
"""

from __future__ import annotations

import json
from array import array
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from qa.documents import Document
from qa.nlp import Mention, SentenceAnalysis

PASSAGE_MAX_WORDS = 90
ENTITY, CHUNK = 0, 1
ROWS_AT_A_TIME = 65_536  # mention rows made into Python lists at once while loading


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a document, as offsets into its text, with its entities and noun chunks."""

    doc_index: int
    start: int
    end: int
    entities: tuple[Mention, ...]
    chunks: tuple[Mention, ...]


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
    sentences: tuple[Sentence, ...]
    passages: tuple[Passage, ...]

    def sentence_text(self, index: int) -> str:
        """The exact text of sentence `index`."""
        sentence = self.sentences[index]
        return self.documents[sentence.doc_index].text[sentence.start : sentence.end]

    def sentence_ranges(self) -> list[tuple[int, int]]:
        """For each document, the range [lo, hi) of its sentences (they are stored document by document)."""
        ranges, lo = [], 0
        for doc_index in range(len(self.documents)):
            hi = lo
            while hi < len(self.sentences) and self.sentences[hi].doc_index == doc_index:
                hi += 1
            ranges.append((lo, hi))
            lo = hi
        return ranges

    def document(self, doc_id: str) -> Document:
        """The document with id `doc_id`."""
        return next(doc for doc in self.documents if doc.doc_id == doc_id)


def build_store(documents: list[Document], analyses: list[list[SentenceAnalysis]]) -> PassageStore:
    """Assemble the store from documents and their sentence analyses, cutting passages."""
    sentences: list[Sentence] = []
    passages: list[Passage] = []
    for doc_index, (doc, analysis) in enumerate(zip(documents, analyses, strict=True)):
        first = len(sentences)
        sentences.extend(Sentence(doc_index, s.start, s.end, tuple(s.entities), tuple(s.chunks)) for s in analysis)
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


def save_store(store: PassageStore, folder: Path) -> None:
    """Write the store's files into `folder`."""
    with open(folder / "documents.jsonl", "w", encoding="utf-8") as out:
        for doc in store.documents:
            out.write(json.dumps(asdict(doc)))
            out.write("\n")
    labels: dict[str, int] = {}
    rows = array("q")  # flat int64 values, not a tuple per mention: a large corpus has millions
    for index, sentence in enumerate(store.sentences):
        for kind, mentions in ((ENTITY, sentence.entities), (CHUNK, sentence.chunks)):
            for m in mentions:
                codes = [labels.setdefault(name, len(labels)) for name in (m.label, m.role, m.governor)]
                rows.extend((index, kind, m.start, m.end, *codes))
    sentence_rows = [(s.doc_index, s.start, s.end) for s in store.sentences]
    passage_rows = [(p.first_sentence, p.last_sentence) for p in store.passages]
    np.save(folder / "sentences.npy", np.array(sentence_rows, dtype=np.int64).reshape(-1, 3))
    np.save(folder / "passages.npy", np.array(passage_rows, dtype=np.int64).reshape(-1, 2))
    np.save(folder / "mentions.npy", np.frombuffer(rows, dtype=np.int64).reshape(-1, 7))
    (folder / "labels.json").write_text(json.dumps(list(labels)), encoding="utf-8")


def load_store(folder: Path) -> PassageStore:
    """Read a store written by `save_store`."""
    with open(folder / "documents.jsonl", encoding="utf-8") as lines:
        documents = tuple(Document(**json.loads(line)) for line in lines)
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    sentence_rows = np.load(folder / "sentences.npy", allow_pickle=False).tolist()
    mentions: list[tuple[list[Mention], list[Mention]]] = [([], []) for _ in sentence_rows]
    table = np.load(folder / "mentions.npy", allow_pickle=False)
    for lo in range(0, len(table), ROWS_AT_A_TIME):
        for index, kind, start, end, label, role, governor in table[lo : lo + ROWS_AT_A_TIME].tolist():
            mentions[index][kind].append(Mention(start, end, labels[label], labels[role], labels[governor]))
    sentences = tuple(
        Sentence(d, s, e, tuple(ents), tuple(chunks))
        for (d, s, e), (ents, chunks) in zip(sentence_rows, mentions, strict=True)
    )
    passages = []
    for first, last in np.load(folder / "passages.npy", allow_pickle=False).tolist():
        doc = documents[sentences[first].doc_index]
        start, end = sentences[first].start, sentences[last - 1].end
        passages.append(Passage(doc.doc_id, start, end, doc.text[start:end], first, last))
    return PassageStore(documents, sentences, tuple(passages))
