"""Times a question is pinned to ("in 1169", "in the 11th century", "in the 1100s"), and whether a sentence
agrees: a sentence about 1107 does not answer a question about the 11th century."""

from __future__ import annotations

import re

YEAR = re.compile(r"\b(?:in|of|by|from|since|until|around|circa|c\.)\s+(\d{3})\b|\b(1\d{3}|20\d{2})\b(?!['’]?s)")
DECADE = re.compile(r"\b(\d{2,3})0['’]?s\b")
CENTURY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b(?=(?:\s*(?:,|and|or|to|-|–)\s*\d{1,2}(?:st|nd|rd|th))*\s+centur)")
MIN_SHARED = 0.1  # share of the shorter span two times must have in common to agree

Span = tuple[int, int]  # first and last year, inclusive


def time_spans(text: str) -> list[Span]:
    """Every year, decade ("1050s"), hundred ("1100s") and century ("11th century") named in `text`."""
    spans: list[Span] = []
    for match in YEAR.finditer(text):
        year = int(match.group(1) or match.group(2))
        spans.append((year, year))
    for match in DECADE.finditer(text):
        start = int(match.group(1)) * 10
        spans.append((start, start + 99) if start % 100 == 0 else (start, start + 9))
    for match in CENTURY.finditer(text):
        number = int(match.group(1))
        spans.append(((number - 1) * 100 + 1, number * 100))
    return spans


def agree(a: Span, b: Span) -> bool:
    """Whether two times overlap by more than a sliver: the 1000s share one year with the 10th century."""
    shared = min(a[1], b[1]) - max(a[0], b[0]) + 1
    return shared > 0 and shared >= MIN_SHARED * min(a[1] - a[0] + 1, b[1] - b[0] + 1)


def contradicts(asked: list[Span], found: list[Span]) -> bool:
    """Whether a text naming the times `found` answers a question pinned to `asked` with another time."""
    if not asked or not found:
        return False
    return not any(agree(a, f) for a in asked for f in found)


def names_a_year(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]`, a number, reads as a year where it stands: "began in 911", "1066"."""
    return any(m.end() == end for m in YEAR.finditer(text, max(0, start - 8), end))
