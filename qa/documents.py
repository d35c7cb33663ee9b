"""Load a folder of articles: document ids, titles, metadata and the exact text that offsets refer to.

Formats: `.txt` and `.md` (one article per file; offsets index the file's text), `.html`/`.htm` (the
main text, extracted with trafilatura; offsets index that extracted text, which the index keeps), and
`.jsonl` (one article per line: `{"id", "title", "text", "url"?, "date"?, "source"?}`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from qa.errors import CorpusError

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = (*TEXT_SUFFIXES, *HTML_SUFFIXES, ".jsonl")
HEADLINE_MAX_CHARS = 150
TITLE_MAX_CHARS = 80

Warn = Callable[[str], None]


@dataclass(frozen=True)
class Document:
    """One article: offsets into `text` are what citations give, so `text` is kept exactly."""

    doc_id: str
    title: str
    text: str
    path: str
    url: str = ""
    date: str = ""
    source: str = ""


def article_paths(folder: Path, warn: Warn = lambda _: None) -> list[Path]:
    """The article files of a folder, sorted by name; other files are skipped with a warning.

    Raises:
        CorpusError: when the folder is missing or holds no article.
    """
    if not folder.is_dir():
        raise CorpusError(f"corpus folder not found: {folder}")
    paths = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        if path.suffix.lower() in ARTICLE_SUFFIXES:
            paths.append(path)
        else:
            warn(f"skipping {path.name}: not a .txt, .md, .html, .htm or .jsonl article")
    if not paths:
        raise CorpusError(f"no articles (.txt, .md, .html, .htm or .jsonl files) in {folder}")
    return paths


def read_text(path: Path, warn: Warn = lambda _: None) -> str:
    """The file's text with its newlines untouched; bytes that are not UTF-8 become U+FFFD, with a warning."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        warn(f"{path.name} is not valid UTF-8; undecodable bytes were replaced")
        return data.decode("utf-8", errors="replace")


def load_corpus(folder: Path, warn: Warn = lambda _: None) -> list[Document]:
    """Every article in `folder` as a `Document`.

    Raises:
        CorpusError: for a missing or empty folder, a malformed JSONL line, or two articles with one id.
    """
    documents: dict[str, Document] = {}
    for path in article_paths(folder, warn):
        for doc in read_articles(path, warn):
            if not doc.text.strip():
                warn(f"skipping {doc.path}: empty")
                continue
            if doc.doc_id in documents:
                raise CorpusError(f"duplicate document id {doc.doc_id!r}: {documents[doc.doc_id].path} and {doc.path}")
            documents[doc.doc_id] = doc
    if not documents:
        raise CorpusError(f"every article in {folder} is empty")
    return list(documents.values())


def read_articles(path: Path, warn: Warn) -> Iterator[Document]:
    """The articles in one file."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        text = read_text(path, warn)
        yield Document(path.stem, guess_title(text) if text.strip() else path.stem, text, str(path))
    elif suffix in HTML_SUFFIXES:
        yield html_article(path, read_text(path, warn))
    else:
        yield from jsonl_articles(path, read_text(path, warn))


def html_article(path: Path, html: str) -> Document:
    """The main text of a web page (navigation, ads and footers dropped) and its title, date and site."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = (extracted.text or "") if extracted is not None else ""
    title = (extracted.title or "") if extracted is not None else ""
    url = (extracted.url or "") if extracted is not None else ""
    date = (extracted.date or "") if extracted is not None else ""
    source = (extracted.sitename or "") if extracted is not None else ""
    return Document(
        path.stem, title or (guess_title(text) if text.strip() else path.stem), text, str(path), url, date, source
    )


def jsonl_articles(path: Path, text: str) -> Iterator[Document]:
    """One article per line: `{"id", "title", "text", "url"?, "date"?, "source"?}`."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except ValueError as exc:
            raise CorpusError(f"{where}: bad JSON ({exc})") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise CorpusError(f"{where}: an article needs a string 'text'")
        doc_id = str(record.get("id") or f"{path.stem}-{number}")
        if not re.fullmatch(r"[\w.\-]+", doc_id):
            raise CorpusError(f"{where}: id {doc_id!r} may hold only letters, digits, '.', '_' and '-'")
        body = record["text"]
        title = str(record.get("title") or (guess_title(body) if body.strip() else doc_id))
        fields = {k: str(record.get(k) or "") for k in ("url", "date", "source")}
        yield Document(doc_id, title, body, where, **fields)


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
