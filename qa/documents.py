"""Load a folder of articles: document ids, titles and the exact text that offsets refer to."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from qa.errors import CorpusError

ARTICLE_SUFFIXES = (".txt", ".md")
HEADLINE_MAX_CHARS = 150
TITLE_MAX_CHARS = 80


@dataclass(frozen=True)
class Document:
    """One article: `text` is the file's content exactly, so offsets into it are checkable."""

    doc_id: str
    title: str
    text: str
    path: str


def article_paths(folder: Path) -> list[Path]:
    """The article files of a folder, sorted by name.

    Raises:
        CorpusError: when the folder is missing or holds no article.
    """
    if not folder.is_dir():
        raise CorpusError(f"corpus folder not found: {folder}")
    paths = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
    if not paths:
        raise CorpusError(f"no .txt or .md articles in {folder}")
    return paths


def read_text(path: Path) -> str:
    """The file's text with its newlines untouched (no universal-newline translation)."""
    return path.read_bytes().decode("utf-8", errors="replace")


def load_corpus(folder: Path) -> list[Document]:
    """Every article in `folder` as a `Document`; the id is the file stem.

    Raises:
        CorpusError: for a missing or empty folder, or two files with the same stem.
    """
    documents: dict[str, Document] = {}
    for path in article_paths(folder):
        text = read_text(path)
        if not text.strip():
            continue
        doc = Document(doc_id=path.stem, title=guess_title(text), text=text, path=str(path))
        if doc.doc_id in documents:
            raise CorpusError(f"duplicate document id {doc.doc_id!r}: {documents[doc.doc_id].path} and {path}")
        documents[doc.doc_id] = doc
    if not documents:
        raise CorpusError(f"every article in {folder} is empty")
    return list(documents.values())


def corpus_fingerprint(folder: Path) -> str:
    """SHA-256 over file names and contents: any added, removed or edited article changes it."""
    digest = hashlib.sha256()
    for path in article_paths(folder):
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def guess_title(text: str) -> str:
    """The headline line where the article has one, else its first sentence, shortened."""
    lines = text.strip().splitlines()
    first = lines[0].strip().lstrip("#").strip()
    followed_by_blank = len(lines) > 1 and not lines[1].strip()
    looks_like_headline = not re.search(r"[.!?]$", first) or followed_by_blank
    if len(first) <= HEADLINE_MAX_CHARS and looks_like_headline:
        return first
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z])", first, maxsplit=1)[0]
    return shorten(sentence)


def shorten(text: str, limit: int = TITLE_MAX_CHARS) -> str:
    """Cut `text` at a word boundary so that it fits `limit` characters, marking the cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
