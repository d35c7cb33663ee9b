"""Build, save, check and load the index: FAISS vectors, BM25 terms and the passage store, with a manifest.

An index is a directory; it is written under a temporary name and renamed into place, so a reader never
sees a half-written one.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from qa.documents import corpus_fingerprint, load_corpus
from qa.encoder import Encoder
from qa.errors import IndexStateError
from qa.lexical import LexicalIndex
from qa.store import PassageStore, build_store, load_store, save_store
from qa.text import terms
from qa.vectors import FlatVectors, VectorSearch

FORMAT_VERSION = 2
VECTOR_FILE = "index.faiss"
BM25_DIR = "bm25"
MANIFEST = "manifest.json"
SENTENCE_VECTORS = "sentence_vectors.npy"
PASSAGE_VECTORS = "passage_vectors.npy"

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


def build_index(corpus: Path, folder: Path, encoder: Encoder, notify: Notify = lambda _: None) -> Index:
    """Analyse, embed and index every article of `corpus`, writing the result to `folder` atomically."""
    import faiss
    from tqdm import tqdm

    from qa.nlp import analyse, load_pipeline

    fingerprint = corpus_fingerprint(corpus)
    documents = load_corpus(corpus)
    nlp = load_pipeline()
    analyses = [analyse(nlp, doc.text) for doc in tqdm(documents, desc="Reading articles", unit="doc", leave=False)]
    store = build_store(documents, analyses)
    notify(f"Embedding {len(store.passages)} passages from {len(documents)} articles with {encoder.name}")
    sentence_vectors = encoder.encode([store.sentence_text(i) for i in range(len(store.sentences))], progress=True)
    vectors = passage_vectors(store, sentence_vectors)
    # Vectors are L2-normalised, so inner product is cosine similarity.
    faiss_index = faiss.IndexFlatIP(vectors.shape[1])
    faiss_index.add(vectors)

    def write(tmp: Path) -> Manifest:
        save_store(store, tmp)
        np.save(tmp / SENTENCE_VECTORS, sentence_vectors, allow_pickle=False)
        np.save(tmp / PASSAGE_VECTORS, vectors, allow_pickle=False)
        faiss.write_index(faiss_index, str(tmp / VECTOR_FILE))
        (tmp / BM25_DIR).mkdir()
        LexicalIndex.build([terms(p.text) for p in store.passages], tmp / BM25_DIR)
        manifest = Manifest(
            format_version=FORMAT_VERSION,
            package_version=package_version(),
            model=encoder.name,
            dimension=int(vectors.shape[1]),
            count=len(store.passages),
            documents=len(documents),
            corpus=str(corpus.resolve()),
            corpus_fingerprint=fingerprint,
            index_type="flat-ip",
            built_at=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            checksums=checksums(tmp),
        )
        (tmp / MANIFEST).write_text(json.dumps(asdict(manifest), indent=2), encoding="utf-8")
        return manifest

    write_atomically(folder, write)
    return load_index(folder)


def passage_vectors(store: PassageStore, sentence_vectors: np.ndarray) -> np.ndarray:
    """Each passage's vector: the word-weighted mean of its sentences' vectors, normalised.

    Mean pooling over a passage's tokens is close to this, and each sentence is encoded once although
    passages overlap; answering also needs the sentence vectors, to compare sentences with the question.
    """
    rows = []
    for passage in store.passages:
        span = range(passage.first_sentence, passage.last_sentence)
        weights = np.array([len(store.sentence_text(i).split()) for i in span], dtype=np.float32)
        mean = weights @ sentence_vectors[passage.first_sentence : passage.last_sentence]
        rows.append(mean / max(float(np.linalg.norm(mean)), 1e-12))
    return np.ascontiguousarray(np.stack(rows), dtype=np.float32)


def write_atomically(folder: Path, write: Callable[[Path], Manifest]) -> Manifest:
    """Run `write` into a fresh sibling directory, then swap it in for `folder`."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = folder.parent / f".{folder.name}.tmp-{os.getpid()}"
    old = folder.parent / f".{folder.name}.old-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        manifest = write(tmp)
        if folder.exists():
            folder.rename(old)
        tmp.rename(folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
    return manifest


def index_files(folder: Path) -> list[Path]:
    """Every data file of an index, the manifest excepted, in a stable order."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST)


def checksums(folder: Path) -> dict[str, str]:
    """SHA-256 of each data file, keyed by its path inside `folder`."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest() for path in index_files(folder)
    }


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
    without importing FAISS on every call).
    """
    manifest = read_manifest(folder)
    vectors = FlatVectors(np.load(folder / PASSAGE_VECTORS, allow_pickle=False))
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
    notify(f"Building the index in {folder}: {reason}")
    return build_index(corpus, folder, make_encoder(), notify)
