"""The chat transcript as Markdown, and headings for the sources panel."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from qa.answer import Citation
from qa.conversation import Turn
from qa.documents import shorten
from qa.render import answer_to_markdown, escape_markdown
from qa.store import Passage


def citation_heading(citation: Citation, index: int, count: int) -> str:
    """ "[1/3] title · doc id · chars a-b" """
    where = f"{citation.doc_id} · chars {citation.start}-{citation.end}"
    return f"[{index + 1}/{count}] {shorten(citation.title, 60)} · {where}"


def passage_heading(passage: Passage) -> str:
    """Heading for the closest passage of an abstention."""
    return f"Closest passage (not an answer) · {passage.doc_id} · chars {passage.start}-{passage.end}"


def transcript_markdown(turns: list[Turn], corpus_name: str) -> str:
    """Every question and answer, with full citations, as one Markdown document."""
    parts = [f"# qa transcript — {corpus_name}", ""]
    for turn in turns:
        parts += [f"## {escape_markdown(turn.question)}", ""]
        if turn.resolved != turn.question:
            parts += [f"*(understood as: {escape_markdown(turn.resolved)})*", ""]
        parts += [answer_to_markdown(turn.answer), ""]
    return "\n".join(parts)


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file, so a failure leaves no half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
