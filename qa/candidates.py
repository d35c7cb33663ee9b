"""Candidate answers, grouped when they say the same thing, and the evidence needed to give one."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from qa.store import PassageStore
from qa.text import MONTH_NAMES, STOPWORDS, WORD, answer_key, stem

ABSTAIN_BELOW = 0.48
MIN_COVERAGE = 0.2
# A paraphrase shares few words with its answer sentence; a close meaning can stand in for them, and a very
# close one for some of the score (a merely close one also lets in answers to unanswerable questions).
CLOSE_MEANING = 0.6
SEMANTIC_RESCUE, RESCUE_MARGIN = 0.65, 0.15
SUPPORT_COVERAGE = 0.45  # an article counts as agreeing only where its sentence matches the question well
AGREEING_SCORE = 0.7  # ... and gives the answer nearly as strongly as the best


@dataclass
class Candidate:
    """A span that may answer, with the evidence behind its score."""

    doc_index: int
    sentence: int
    start: int
    end: int
    score: float
    coverage: float
    similarity: float  # of the question and this candidate's sentence
    # The earlier sentence that names the answer, where this one refers to it ("She unknowingly loaded ...")
    named_in: int | None = None


@dataclass
class Group:
    """Candidates that say the same thing in different words or articles."""

    key: str
    members: list[Candidate] = field(default_factory=list)

    @property
    def best(self) -> Candidate:
        """The strongest member: its span is the one shown."""
        return max(self.members, key=lambda c: c.score)

    @property
    def documents(self) -> set[int]:
        """The articles that support this answer."""
        return {c.doc_index for c in self.members}


def group_candidates(store: PassageStore, candidates: list[Candidate]) -> list[Group]:
    """Merge candidates whose answers are variants of each other ("Gutierrez-Reed" = "Hannah Gutierrez Reed")."""
    groups: list[Group] = []
    seen: dict[str, Group] = {}  # every key met so far, to its group: most candidates repeat one
    sharing: dict[str, list[int]] = {}  # stem -> the groups (by position) whose key has it
    for candidate in sorted(candidates, key=lambda c: -c.score):
        key = answer_key(store.documents[candidate.doc_index].text[candidate.start : candidate.end])
        if not key:
            continue
        group = seen.get(key)
        if group is None:  # only a group that shares a stem can say the same thing
            near = sorted({i for s in key_stems(key) for i in sharing.get(s, ())})
            group = next((groups[i] for i in near if same_answer(groups[i].key, key)), None)
        if group is None:
            group = Group(key, [])
            for s in key_stems(key):
                sharing.setdefault(s, []).append(len(groups))
            groups.append(group)
        group.members.append(candidate)
        seen[key] = group
    return groups


@lru_cache(maxsize=65536)
def key_stems(key: str) -> tuple[str, ...]:
    """The stems of an answer key's words, a month's short form as its name: "Oct. 21, 2021" has "October"."""
    return tuple(stem(MONTHS.get(w, w)) for w in key.split())


MONTHS = {month[:3]: month for month in MONTH_NAMES} | {"sept": "september"}


def same_answer(a: str, b: str, names_a: frozenset[str] | None = None, names_b: frozenset[str] | None = None) -> bool:
    """Equal keys, or one key's words all found in the other, as stems: a short name inside a full one,
    "18 months" and "18-month"; but "up to 18 months" says less than "18 months". Where the names in each
    answer are given (`names_a`, `names_b`: stems of its capitalised words and numbers), the longer may add
    only those: "Hannah" to "Gutierrez Reed", but not "exonerating" to "Baldwin"."""
    if a == b:
        return True
    stems_a, stems_b = key_stems(a), key_stems(b)
    short, long, long_names = (
        (stems_a, stems_b, names_b) if len(stems_a) <= len(stems_b) else (stems_b, stems_a, names_a)
    )
    extra = set(long) - set(short)
    if len(long) > 6 or not set(short) <= set(long) or extra & STOPWORDS:
        return False
    return long_names is None or extra <= long_names


def name_stems(text: str) -> frozenset[str]:
    """The stems of an answer's capitalised words and numbers: what it may add to a shorter answer and still
    agree ("Hannah" to "Gutierrez Reed", "2021" to "October")."""
    return frozenset(stem(word.lower()) for word in WORD.findall(text) if word[:1].isupper() or word[:1].isdigit())


def well_supported(group: Group) -> bool:
    """Enough evidence to answer: a strong score with some shared words, or a sentence close in meaning."""
    score, best = group_score(group), group.best
    if score >= ABSTAIN_BELOW:  # the words may be shared by another sentence that gives the answer as strongly
        strong = [best] + [c for c in group.members if c.score >= ABSTAIN_BELOW]
        return any(c.coverage >= MIN_COVERAGE or c.similarity >= CLOSE_MEANING for c in strong)
    return best.similarity >= SEMANTIC_RESCUE and score >= ABSTAIN_BELOW - RESCUE_MARGIN


def confidence(score: float) -> float:
    """The evidence score mapped into (0, 1): 0.5 at the abstention threshold, near 1 only for strong matches."""
    return 1.0 / (1.0 + math.exp(-6.0 * (score - ABSTAIN_BELOW)))


def group_score(group: Group) -> float:
    """The best member's score, raised a little for each further article that agrees: one whose sentence
    matches the question well and gives this answer nearly as strongly (not every article that names
    Baldwin somewhere near the question's words)."""
    best = group.best.score
    documents = {
        c.doc_index for c in group.members if c.coverage >= SUPPORT_COVERAGE and c.score >= AGREEING_SCORE * best
    }
    return best + 0.05 * max(0, len(documents) - 1)
