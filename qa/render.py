"""Turn an `Answer` into what a person reads (plain text) or a program reads (JSON)."""

from __future__ import annotations

import re
import textwrap
from dataclasses import asdict

from qa.answer import Answer, Citation
from qa.documents import shorten

DONT_SAY = "The articles don't say."


def answer_to_dict(answer: Answer) -> dict:
    """The `--json` object: question, answer, confidence, sentence, citations and passages read."""
    return {
        "question": answer.question,
        "read_as": answer.read_as,
        "answer": answer.text,
        "answerable": answer.answerable,
        "confidence": answer.confidence,
        "supporting_sentence": answer.supporting_sentence,
        "agreeing_documents": answer.agreeing_documents,
        "total_documents": answer.total_documents,
        "citations": [asdict(c) for c in answer.citations],
        "passages": [
            {
                "doc_id": hit.passage.doc_id,
                "start": hit.passage.start,
                "end": hit.passage.end,
                "text": hit.passage.text,
                "score": round(hit.score, 4),
                "cosine": round(hit.cosine, 4),
            }
            for hit in answer.passages
        ],
    }


def agreement_line(answer: Answer) -> str:
    """ "3 of 5 articles say so." or "1 of 5 articles says so." """
    n, total = answer.agreeing_documents, answer.total_documents
    return f"{n} of {total} article{'s' if total != 1 else ''} {'say' if n != 1 else 'says'} so."


def source_line(number: int, citation: Citation) -> str:
    """ "[1] doc id · title · chars a-b", then the date and address where the article has them."""
    extra = "".join(f" · {value}" for value in (citation.date, citation.url) if value)
    return (
        f"[{number}] {citation.doc_id} · {shorten(citation.title, 70)} · chars {citation.start}-{citation.end}{extra}"
    )


def quote(text: str, width: int = 88) -> str:
    """A sentence as an indented quotation."""
    return textwrap.indent(textwrap.fill(f"“{' '.join(text.split())}”", width - 4), "  ")


def read_as_line(answer: Answer) -> str | None:
    """ "(read as: How many Emmys has the actor Alec Baldwin won?)", where the question was searched so."""
    return f"(read as: {answer.read_as})" if answer.read_as else None


def answer_to_text(answer: Answer) -> str:
    """The human-readable answer: span, quoted sentences with citation numbers, agreement, sources."""
    read_as = read_as_line(answer)
    return "\n\n".join([read_as, answer_text(answer)]) if read_as else answer_text(answer)


def answer_text(answer: Answer) -> str:
    """The answer's text without the line that says how the question was read."""
    if not answer.answerable:
        lines = [DONT_SAY]
        if answer.passages:
            hit = answer.passages[0]
            lines += ["", "Closest passage considered (not an answer):", quote(hit.passage.text)]
            lines.append(f"  {hit.passage.doc_id} · chars {hit.passage.start}-{hit.passage.end}")
        return "\n".join(lines)
    lines = [answer.text or "", ""]
    for number, citation in enumerate(answer.citations, 1):
        lines += [quote(citation.text) + f" [{number}]", ""]
    lines += [f"{agreement_line(answer)} Confidence {answer.confidence:.2f}.", ""]
    lines += [source_line(number, c) for number, c in enumerate(answer.citations, 1)]
    return "\n".join(lines)


MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def escape_markdown(text: str) -> str:
    """Article text shown literally inside Markdown, on one line (spaces at its ends kept)."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text))


def highlighted(citation: Citation) -> str:
    """The cited sentence as Markdown, the answer span in bold."""
    lo, hi = citation.answer_start - citation.start, citation.answer_end - citation.start
    text = citation.text
    return f"{escape_markdown(text[:lo])}**{escape_markdown(text[lo:hi])}**{escape_markdown(text[hi:])}"


def answer_to_markdown(answer: Answer, link_prefix: str | None = None) -> str:
    """The answer as Markdown: the span in bold, quoted sentences, numbered citations, agreement.

    Args:
        answer: what to render.
        link_prefix: when given, citation numbers link to `{link_prefix}{n}` (the chat opens the source).
    """

    def number(n: int) -> str:
        return f"[\\[{n}\\]]({link_prefix}{n - 1})" if link_prefix is not None else f"\\[{n}\\]"

    read_as = read_as_line(answer)
    lines = [f"*{escape_markdown(read_as)}*", ""] if read_as else []

    if not answer.answerable:
        lines += [f"**{DONT_SAY}**"]
        if answer.passages:
            hit = answer.passages[0]
            lines += ["", "Closest passage considered (not an answer):", ""]
            lines += [f"> {escape_markdown(hit.passage.text)}", ""]
            lines.append(f"`{hit.passage.doc_id}` · chars {hit.passage.start}-{hit.passage.end}")
        return "\n".join(lines)
    lines += [f"**{escape_markdown(answer.text or '')}**", ""]
    for n, citation in enumerate(answer.citations, 1):
        lines += [f"> {highlighted(citation)} {number(n)}", ""]
    lines += [f"*{agreement_line(answer)} Confidence {answer.confidence:.2f}.*", ""]
    for n, citation in enumerate(answer.citations, 1):
        title = escape_markdown(shorten(citation.title, 70))
        lines.append(f"{number(n)} {title} · `{citation.doc_id}` · chars {citation.start}-{citation.end}  ")
    return "\n".join(lines).rstrip()
