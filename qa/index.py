"""Build, save, check and load the index: FAISS vectors, BM25 terms and the passage store, with a manifest.

An index is a directory; it is written under a temporary name and renamed into place, so a reader never
sees a half-written one.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from qa.documents import Document, corpus_fingerprint, load_corpus
from qa.encoder import Encoder
from qa.errors import IndexStateError
from qa.lexical import LexicalIndex
from qa.nlp import SentenceAnalysis
from qa.store import PassageStore, build_store, load_store, save_store
from qa.text import terms
from qa.vectors import FlatVectors, VectorSearch, build_faiss, choose_index_type, load_faiss

FORMAT_VERSION = 25
VECTOR_FILE = "index.faiss"
BM25_DIR = "bm25"
MANIFEST = "manifest.json"
SENTENCE_VECTORS = "sentence_vectors.npy"
PASSAGE_VECTORS = "passage_vectors.npy"
ROWS_PER_BLOCK = 8192  # sentence vectors read back at a time to make passage vectors

Notify = Callable[[str], None]


@dataclass(frozen=True)
class Manifest:
    """What an index was built from, so that a stale or damaged one is detected."""

    format_version: int
    package_version: str
    model: str
    dimension: int
    count: int
    documents: int
    corpus: str
    corpus_fingerprint: str
    index_type: str
    index_params: dict[str, int]
    built_at: str
    checksums: dict[str, str]


@dataclass(frozen=True)
class Index:
    """A loaded index: the store, passage vectors and BM25 weights over the same passages."""

    manifest: Manifest
    store: PassageStore
    vectors: VectorSearch
    lexical: LexicalIndex
    sentence_vectors: np.ndarray  # one normalised row per sentence of the store


def package_version() -> str:
    """The installed version of `qa`."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("qa")
    except PackageNotFoundError:
        return "0+unknown"


def build_index(
    corpus: Path, folder: Path, encoder: Encoder, notify: Notify = lambda _: None, reuse: bool = True
) -> Index:
    """Analyse, embed and index every article of `corpus`, writing the result to `folder` atomically.

    With `reuse`, articles unchanged since the index in `folder` was built keep their analysis and
    vectors; only new or edited ones are read by spaCy and embedded. Holds the index lock while it works.
    """
    with index_lock(folder, notify):
        return build_locked(corpus, folder, encoder, notify, reuse)


def build_locked(corpus: Path, folder: Path, encoder: Encoder, notify: Notify, reuse: bool = True) -> Index:
    """`build_index`, the lock already held."""
    write_index(corpus, folder, encoder, notify, reuse)
    return load_index(folder)  # loaded once the build has let go of its data: a large build peaks lower


def write_index(corpus: Path, folder: Path, encoder: Encoder, notify: Notify, reuse: bool) -> None:
    """Analyse and embed the corpus, writing every index file into `folder` atomically.

    Each file is written as soon as its data is ready, and the data dropped: the passage store is saved
    before embedding starts, so that a large build never holds the store, the vectors and the FAISS graph
    at once.
    """
    fingerprint = corpus_fingerprint(corpus)
    documents = load_corpus(corpus, warn=lambda line: notify(f"Warning: {line}"))

    def write(tmp: Path) -> Manifest:
        work = write_store(tmp, documents, folder, encoder.name, reuse, notify)
        notify(f"Embedding {len(work.passages)} passages from {len(documents)} articles with {encoder.name}")
        np.save(tmp / SENTENCE_VECTORS, embed_sentences(work, encoder), allow_pickle=False)
        vectors = passage_vectors(work, tmp / SENTENCE_VECTORS)
        np.save(tmp / PASSAGE_VECTORS, vectors, allow_pickle=False)
        index_type, index_params = choose_index_type(len(vectors))
        import faiss

        faiss.write_index(build_faiss(vectors, index_type, index_params), str(tmp / VECTOR_FILE))
        manifest = Manifest(
            format_version=FORMAT_VERSION,
            package_version=package_version(),
            model=encoder.name,
            dimension=int(vectors.shape[1]),
            count=len(vectors),
            documents=len(documents),
            corpus=str(corpus.resolve()),
            corpus_fingerprint=fingerprint,
            index_type=index_type,
            index_params=index_params,
            built_at=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            checksums=checksums(tmp),
        )
        (tmp / MANIFEST).write_text(json.dumps(asdict(manifest), indent=2), encoding="utf-8")
        return manifest

    write_atomically(folder, write)


@dataclass
class EmbeddingWork:
    """What embedding needs of the passage store, as arrays, so that the store itself can be dropped first
    and no small object of this outlives it (scattered among the store's freed memory, they would keep it
    from going back to the system)."""

    documents: list[Document]
    sentences: np.ndarray  # (document, start, end) of every sentence, in store order
    known: list[tuple[int, np.ndarray]]  # (first sentence, vectors) of each article reused from an earlier index
    passages: np.ndarray  # each passage's sentences [first, last)

    def sentence_text(self, index: int) -> str:
        """The text of sentence `index`."""
        doc_index, start, end = self.sentences[index].tolist()
        return self.documents[doc_index].text[start:end]


def write_store(
    tmp: Path, documents: list[Document], folder: Path, model: str, reuse: bool, notify: Notify
) -> EmbeddingWork:
    """Analyse the articles, save the passage store and the BM25 weights into `tmp`, and say what is left
    to embed."""
    store, known = assemble_store(documents, folder, model, reuse, notify)
    sentence_rows, passage_rows = save_store(store, tmp)
    (tmp / BM25_DIR).mkdir()
    LexicalIndex.build([terms(p.text) for p in store.passages], tmp / BM25_DIR)
    firsts = [lo for lo, _ in store.sentence_ranges()]
    reused = [(first, vectors) for first, vectors in zip(firsts, known, strict=True) if vectors is not None]
    return EmbeddingWork(documents, sentence_rows, reused, passage_rows)


def assemble_store(
    documents: list[Document], folder: Path, model: str, reuse: bool, notify: Notify
) -> tuple[PassageStore, list[np.ndarray | None]]:
    """The store of `documents`, and per document its sentence vectors where an earlier index has them.

    Unchanged articles keep the analysis and vectors of the index in `folder` (with `reuse`); spaCy reads
    the rest.
    """
    previous = reusable_parts(folder, model) if reuse else {}
    fresh = [doc for doc in documents if document_key(doc) not in previous]
    if previous:
        notify(f"Reusing {len(documents) - len(fresh)} unchanged articles; reading {len(fresh)} new or changed")
    analyses = dict(analyse_documents(fresh))
    parts = [previous[key] if (key := document_key(doc)) in previous else (analyses[key], None) for doc in documents]
    return build_store(documents, [analysis for analysis, _ in parts]), [vectors for _, vectors in parts]


def document_key(doc: Document) -> str:
    """Identity of an article's content: the same id and the same text."""
    return doc.doc_id + "\0" + hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest()


Parts = tuple[list[SentenceAnalysis], np.ndarray | None]


def reusable_parts(folder: Path, model: str) -> dict[str, Parts]:
    """Per unchanged article, its analysis and sentence vectors from an intact index of the same model."""
    try:
        manifest = read_manifest(folder)
        if manifest.model != model or checksums(folder) != manifest.checksums:
            return {}
        index = load_index(folder)
    except (IndexStateError, OSError, ValueError, KeyError):
        return {}
    store, parts = index.store, {}
    for doc, (lo, hi) in zip(store.documents, store.sentence_ranges(), strict=True):
        sentences = store.sentences[lo:hi]
        analysis = [
            SentenceAnalysis(s.start, s.end, list(s.entities), list(s.chunks), list(s.predicates)) for s in sentences
        ]
        parts[document_key(doc)] = (analysis, np.array(index.sentence_vectors[lo:hi], dtype=np.float32))
    return parts


def analyse_documents(documents: list[Document]) -> Iterator[tuple[str, list[SentenceAnalysis]]]:
    """spaCy's sentences, entities, noun chunks and verb phrases for each article, with a progress bar."""
    if not documents:
        return
    from tqdm import tqdm

    from qa.nlp import analyse_all, processes_for

    texts = [doc.text for doc in documents]
    analyses = analyse_all(texts, processes_for(texts))
    for doc, analysis in tqdm(
        zip(documents, analyses, strict=True), desc="Reading articles", unit="doc", total=len(texts), leave=False
    ):
        yield document_key(doc), analysis


def embed_sentences(work: EmbeddingWork, encoder: Encoder) -> np.ndarray:
    """One vector per sentence: reused where an earlier index has it, encoded (in one batch run) where not."""
    reused = np.zeros(len(work.sentences), dtype=bool)
    for first, vectors in work.known:
        reused[first : first + len(vectors)] = True
    todo = np.flatnonzero(~reused)
    encoded = encoder.encode([work.sentence_text(i) for i in todo], progress=True) if len(todo) else None
    if encoded is not None and len(todo) == len(work.sentences):
        return encoded  # a full build: no second copy of every vector
    result = np.zeros((len(work.sentences), encoder.dimension), dtype=np.float32)
    if encoded is not None:
        result[todo] = encoded
    for first, vectors in work.known:
        result[first : first + len(vectors)] = vectors
    return result


def passage_vectors(work: EmbeddingWork, sentence_file: Path) -> np.ndarray:
    """Each passage's vector: the word-weighted mean of its sentences' vectors, normalised.

    Mean pooling over a passage's tokens is close to this, and each sentence is encoded once although
    passages overlap; answering also needs the sentence vectors, to compare sentences with the question.
    The sentence vectors are read back from `sentence_file` a block at a time, so that a large build
    never holds them and the passage vectors at once.
    """
    words = np.array([len(work.sentence_text(i).split()) for i in range(len(work.sentences))], dtype=np.float32)
    rows = SavedRows(sentence_file)
    vectors = np.empty((len(work.passages), rows.dimension), dtype=np.float32)
    block_start, block = 0, np.empty((0, rows.dimension), dtype=np.float32)
    for row, (first, last) in enumerate(work.passages.tolist()):
        if last > block_start + len(block):  # passages come in sentence order
            block_start, block = first, rows.read(first, max(last, first + ROWS_PER_BLOCK))
        mean = words[first:last] @ block[first - block_start : last - block_start]
        vectors[row] = mean / max(float(np.linalg.norm(mean)), 1e-12)
    return vectors


class SavedRows:
    """Row ranges of a 2-D float32 array saved with `np.save`, read with plain file reads (not mapped)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with open(path, "rb") as data:
            version = np.lib.format.read_magic(data)
            read_header = (
                np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
            )
            (self.count, self.dimension), fortran_order, dtype = read_header(data)
            self.offset = data.tell()
        if dtype != np.float32 or fortran_order:
            raise ValueError(f"{path} does not hold float32 rows")

    def read(self, start: int, stop: int) -> np.ndarray:
        """Rows [start, stop), clipped to the array."""
        stop = min(stop, self.count)
        with open(self.path, "rb") as data:
            data.seek(self.offset + start * self.dimension * 4)
            flat = np.fromfile(data, dtype=np.float32, count=(stop - start) * self.dimension)
        return flat.reshape(stop - start, self.dimension)


def write_atomically(folder: Path, write: Callable[[Path], Manifest]) -> Manifest:
    """Run `write` into a fresh sibling directory, then swap it in for `folder`.

    Interrupted (Ctrl-C, an error), it leaves the old index as it was and no temporary files.
    """
    tmp = folder.parent / f".{folder.name}.tmp-{os.getpid()}"
    old = folder.parent / f".{folder.name}.old-{os.getpid()}"
    try:
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        manifest = write(tmp)
        if folder.exists():
            folder.rename(old)
        tmp.rename(folder)
    except OSError as exc:
        if old.exists() and not folder.exists():
            old.rename(folder)
        raise unwritable(folder, exc) from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
    return manifest


def unwritable(folder: Path, exc: OSError) -> IndexStateError:
    """The one-line error for an index folder that cannot be created or written."""
    return IndexStateError(f"cannot write the index in {folder.parent}: {exc.strerror or exc}")


@contextmanager
def index_lock(folder: Path, notify: Notify) -> Iterator[None]:
    """Only one process writes an index at a time; a second one waits, and says so.

    The lock is `.<name>.lock` beside the index folder (flock: released by the kernel if the holder dies),
    and whoever holds it first clears temporary folders that a killed build left behind.
    """
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        handle = open(folder.parent / f".{folder.name}.lock", "a+")  # noqa: SIM115 - held for the whole block
    except OSError as exc:
        raise unwritable(folder, exc) from None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            notify(f"Another qa process is writing {folder}; waiting for it to finish…")
            fcntl.flock(handle, fcntl.LOCK_EX)
        for leftover in folder.parent.glob(f".{folder.name}.tmp-*"):
            shutil.rmtree(leftover, ignore_errors=True)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def index_files(folder: Path) -> list[Path]:
    """Every data file of an index, the manifest excepted, in a stable order."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST)


def checksums(folder: Path) -> dict[str, str]:
    """SHA-256 of each data file, keyed by its path inside `folder`."""
    digests = {}
    for path in index_files(folder):
        with open(path, "rb") as data:  # in chunks: a large index's vector files are hundreds of MB
            digests[str(path.relative_to(folder))] = hashlib.file_digest(data, "sha256").hexdigest()
    return digests


def read_manifest(folder: Path) -> Manifest:
    """The manifest of the index in `folder`.

    Raises:
        IndexStateError: when there is no index there or its manifest is unreadable or of another format.
    """
    path = folder / MANIFEST
    if not path.is_file():
        raise IndexStateError(f"no index in {folder}")
    try:
        manifest = Manifest(**json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, TypeError) as exc:
        raise IndexStateError(f"unreadable manifest in {folder}: {exc}") from None
    if manifest.format_version != FORMAT_VERSION:
        raise IndexStateError(f"index in {folder} has format {manifest.format_version}, expected {FORMAT_VERSION}")
    return manifest


def staleness(folder: Path, corpus: Path, model: str) -> str | None:
    """Why the index in `folder` cannot serve `corpus` with `model`, or None when it can."""
    try:
        manifest = read_manifest(folder)
    except IndexStateError as exc:
        return str(exc)
    if manifest.model != model:
        return f"index was built with model {manifest.model!r}, not {model!r}"
    if manifest.corpus_fingerprint != corpus_fingerprint(corpus):
        return "the articles have changed since the index was built"
    if checksums(folder) != manifest.checksums:
        return "index files are damaged (checksum mismatch)"
    return None


def load_index(folder: Path) -> Index:
    """Load the index in `folder` (its freshness is the caller's to check with `staleness`).

    An exact index is searched in NumPy from `passage_vectors.npy` (the same results as the FAISS file,
    without importing FAISS on every call); an approximate one (HNSW) through FAISS.
    """
    manifest = read_manifest(folder)
    passage_array = np.load(folder / PASSAGE_VECTORS, mmap_mode="r", allow_pickle=False)
    if manifest.index_type == "flat-ip":
        vectors: VectorSearch = FlatVectors(np.asarray(passage_array))
    else:
        vectors = load_faiss(str(folder / VECTOR_FILE), manifest.index_params)
    sentence_vectors = np.load(folder / SENTENCE_VECTORS, mmap_mode="r", allow_pickle=False)
    return Index(manifest, load_store(folder), vectors, LexicalIndex.load(folder / BM25_DIR), sentence_vectors)


def open_index(corpus: Path, folder: Path, model: str, make_encoder: Callable[[], Encoder], notify: Notify) -> Index:
    """The index for `corpus` in `folder`, built or rebuilt first when it is missing or stale.

    Args:
        corpus: the article folder.
        folder: the index directory.
        model: the model name the index must have been built with.
        make_encoder: loads that model; called only when a build is needed.
        notify: receives one line for the user when the index is (re)built.
    """
    reason = staleness(folder, corpus, model)
    if reason is None:
        return load_index(folder)
    with index_lock(folder, notify):
        reason = staleness(folder, corpus, model)  # another process may have just rebuilt it
        if reason is None:
            return load_index(folder)
        notify(f"Building the index in {folder}: {reason}")
        return build_locked(corpus, folder, make_encoder(), notify)
