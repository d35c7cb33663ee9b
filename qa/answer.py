"""The answerer: pick the exact span that answers a question from retrieved sentences, or abstain."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np

from qa.index import Index
from qa.nlp import Mention
from qa.question import QuestionAnalysis, analyse_question, clean_question, focus_stem
from qa.retrieve import Hit, Retriever
from qa.store import PassageStore
from qa.text import answer_key, stem, word_spans

ABSTAIN_BELOW = 0.48
MIN_COVERAGE = 0.2
# A paraphrase shares few words with its answer sentence; a close meaning can stand in for them.
SEMANTIC_RESCUE, RESCUE_MARGIN = 0.6, 0.15
SUPPORT_COVERAGE = 0.45  # an article counts as agreeing only where its sentence matches the question well
SUPPORT_DEPTH = 20  # passages searched for further articles that agree
MAX_CITATIONS = 3
# How a sentence's relevance is weighed: shared words (IDF-weighted), meaning (the cosine of question and
# sentence vectors, mapped from [floor, floor + span] to [0, 1]) and the passage's retrieval rank.
W_COVERAGE, W_SEMANTIC, W_RETRIEVAL = 0.45, 0.35, 0.20
SEMANTIC_FLOOR, SEMANTIC_SPAN = 0.2, 0.5
NUMERIC = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"})
REASON = re.compile(r"\b(because|since|due to|as a result of|in order to|so that|after|for)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Citation:
    """A checkable source: `text == article_text[start:end]`; the answer lies at answer_start:answer_end."""

    doc_id: str
    title: str
    start: int
    end: int
    text: str
    answer_start: int
    answer_end: int
    url: str = ""
    date: str = ""


@dataclass(frozen=True)
class Answer:
    """What the answerer says about one question, with everything needed to check it."""

    question: str
    text: str | None
    answerable: bool
    confidence: float
    supporting_sentence: str | None
    citations: tuple[Citation, ...]
    agreeing_documents: int
    total_documents: int
    passages: tuple[Hit, ...]
    kind: str


@dataclass
class Candidate:
    """A span that may answer, with the evidence behind its score."""

    doc_index: int
    sentence: int
    start: int
    end: int
    score: float
    coverage: float
    cosine: float
    similarity: float  # of the question and this candidate's sentence


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


class Answerer:
    """Retrieval plus templates: find passages, choose the span, say it with its citations."""

    def __init__(self, index: Index, retriever: Retriever, top_k: int = 8) -> None:
        self.index = index
        self.store: PassageStore = index.store
        self.retriever = retriever
        self.top_k = top_k
        self.idf = index.lexical.idf
        self.tokens: dict[int, list[tuple[int, int, str]]] = {}

    def sentence_tokens(self, index: int) -> list[tuple[int, int, str]]:
        """The words of sentence `index` with document offsets and stems, computed once per sentence."""
        if index not in self.tokens:
            sentence = self.store.sentences[index]
            text = self.store.documents[sentence.doc_index].text[sentence.start : sentence.end]
            self.tokens[index] = [(s + sentence.start, e + sentence.start, t) for s, e, t in word_spans(text)]
        return self.tokens[index]

    def ask(self, question: str, top_k: int | None = None) -> Answer:
        """Answer `question` from the articles, or abstain when they do not say.

        Raises:
            UsageError: for an empty or overlong question.
        """
        question = clean_question(question)
        analysis = analyse_question(question)
        query = self.retriever.encode(question)
        hits = self.retriever.search(question, top_k or self.top_k, query)
        candidates = self.candidates(analysis, hits, query[0])
        groups = group_candidates(self.store, candidates)
        if not groups:
            return self.abstain(analysis, hits)
        best = max(groups, key=lambda g: group_score(g))
        if not well_supported(best):
            return self.abstain(analysis, hits)
        return self.respond(analysis, hits, best, confidence(group_score(best)))

    def candidates(self, analysis: QuestionAnalysis, hits: list[Hit], query: np.ndarray) -> list[Candidate]:
        """Every span in the retrieved sentences that could answer, scored."""
        found: list[Candidate] = []
        seen: set[int] = set()
        for rank, hit in enumerate(hits):
            passage = hit.passage
            passage_terms = {
                t
                for i in range(passage.first_sentence, passage.last_sentence)
                for *_, t in self.sentence_tokens(i)
                if t
            }
            for index in range(hit.passage.first_sentence, hit.passage.last_sentence):
                if index in seen:
                    continue
                seen.add(index)
                similarity = float(self.index.sentence_vectors[index] @ query)
                found.extend(self.sentence_candidates(analysis, hit, rank, index, passage_terms, similarity))
        return found

    def sentence_candidates(
        self,
        analysis: QuestionAnalysis,
        hit: Hit,
        rank: int,
        index: int,
        passage_terms: set[str],
        similarity: float,
    ) -> list[Candidate]:
        """Scored candidate spans of one sentence."""
        sentence = self.store.sentences[index]
        text = self.store.documents[sentence.doc_index].text
        tokens = self.sentence_tokens(index)
        question_terms = set(analysis.terms)
        coverage = self.coverage(question_terms, {t for _, _, t in tokens}, passage_terms)
        if coverage == 0 and similarity < SEMANTIC_FLOOR:
            return []
        semantic = min(1.0, max(0.0, (similarity - SEMANTIC_FLOOR) / SEMANTIC_SPAN))
        sentence_score = W_COVERAGE * coverage + W_SEMANTIC * semantic + W_RETRIEVAL * hit.score - 0.02 * rank
        matched = anchors(tokens, question_terms)
        focus = focus_stem(analysis)
        results = []
        for span in spans_for(analysis, sentence, text):
            if span.mention and span.mention.label in NUMERIC:
                span = trim_question_words(span, tokens, question_terms)
            span_tokens = [i for i, (s, e, _) in enumerate(tokens) if s < span.end and e > span.start]
            span_terms = {tokens[i][2] for i in span_tokens if tokens[i][2]}
            if span.mention and (not span_terms or span_terms <= question_terms | {focus}):
                continue  # never answer with the question's own words
            weight = span.weight * syntax_weight(analysis, span.mention, tokens, span_tokens, focus)
            if span.mention and not span.linked and span_terms & question_terms:
                weight *= 0.6  # "Alec Baldwin" rarely answers a question about Baldwin
            score = sentence_score * weight * (0.7 + 0.3 * proximity(span_tokens, matched))
            results.append(
                Candidate(sentence.doc_index, index, span.start, span.end, score, coverage, hit.cosine, similarity)
            )
        return results

    def coverage(self, question_terms: set[str], sentence_terms: set[str], passage_terms: set[str]) -> float:
        """IDF-weighted share of the question's terms found in the sentence (context counts a little)."""
        if not question_terms:
            return 0.0
        total = sum(self.idf(t) for t in question_terms)
        in_sentence = sum(self.idf(t) for t in question_terms if t in sentence_terms)
        in_context = sum(self.idf(t) for t in question_terms if t in passage_terms and t not in sentence_terms)
        return (in_sentence + 0.5 * in_context) / total

    def abstain(self, analysis: QuestionAnalysis, hits: list[Hit]) -> Answer:
        """The articles do not say; the closest passages are still reported, marked as such."""
        return Answer(
            analysis.text, None, False, 0.0, None, (), 0, len(self.store.documents), tuple(hits), analysis.kind
        )

    def respond(self, analysis: QuestionAnalysis, hits: list[Hit], group: Group, confidence: float) -> Answer:
        """Fill the answer template from the winning group: span, sentence, one citation per article."""
        best = group.best
        per_document: dict[int, Candidate] = {}
        members = group.members + self.further_support(analysis, group)
        for member in sorted(members, key=lambda c: -c.score):
            per_document.setdefault(member.doc_index, member)
        citations = tuple(self.citation(c) for c in list(per_document.values())[:MAX_CITATIONS])
        text = self.store.documents[best.doc_index].text
        return Answer(
            question=analysis.text,
            text=text[best.start : best.end],
            answerable=True,
            confidence=round(confidence, 3),
            supporting_sentence=self.store.sentence_text(best.sentence),
            citations=citations,
            agreeing_documents=len(per_document),
            total_documents=len(self.store.documents),
            passages=tuple(hits),
            kind=analysis.kind,
        )

    def further_support(self, analysis: QuestionAnalysis, group: Group) -> list[Candidate]:
        """Sentences beyond the retrieved passages that give the same answer in the same context.

        A lexical search for the question plus the answer finds them, so that "3 of 5 articles say so"
        counts every article that does, not only those among the top passages.
        """
        text = self.store.documents[group.best.doc_index].text[group.best.start : group.best.end]
        question_terms = set(analysis.terms)
        found = []
        for passage_index in self.retriever.lexical_scores(f"{analysis.text} {text}", SUPPORT_DEPTH):
            passage = self.store.passages[passage_index]
            for index in range(passage.first_sentence, passage.last_sentence):
                sentence = self.store.sentences[index]
                doc = self.store.documents[sentence.doc_index].text
                sentence_terms = {t for _, _, t in self.sentence_tokens(index)}
                coverage = self.coverage(question_terms, sentence_terms, set())
                if coverage < SUPPORT_COVERAGE:
                    continue
                for mention in sentence.entities + sentence.chunks:
                    if same_answer(group.key, answer_key(doc[mention.start : mention.end])):
                        found.append(
                            Candidate(sentence.doc_index, index, mention.start, mention.end, 0.0, coverage, 0, 0)
                        )
                        break
        return found

    def citation(self, candidate: Candidate) -> Citation:
        """Cite the sentence that holds `candidate`."""
        sentence = self.store.sentences[candidate.sentence]
        doc = self.store.documents[candidate.doc_index]
        return Citation(
            doc.doc_id,
            doc.title,
            sentence.start,
            sentence.end,
            doc.text[sentence.start : sentence.end],
            candidate.start,
            candidate.end,
            doc.url,
            doc.date,
        )


@dataclass(frozen=True)
class Span:
    """A stretch of a sentence that may answer; `mention` is the entity or chunk it came from, if any."""

    start: int
    end: int
    weight: float
    mention: Mention | None = None
    linked: bool = False  # tied to the question's focus noun (apposition, head): may share its words


def spans_for(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """Candidate spans of a sentence for this kind of question, each with a type weight."""
    whole = Span(sentence.start, sentence.end, 0.45)
    if analysis.kind == "how_many":
        return count_spans(analysis, sentence, text)
    if analysis.typed:
        spans = [
            Span(m.start, m.end, label_weight(analysis, m, text), m)
            for m in sentence.entities
            if m.label in analysis.expected
        ]
        focus = focus_stem(analysis)
        if not focus:
            return spans
        # "Santa Fe's First Judicial District Court" names the court better than "Santa Fe" does.
        headed = [Span(m.start, m.end, 1.2, m, linked=True) for m in sentence.chunks if stem(m.label) == focus]
        spans = spans + headed + appositives(sentence, text, focus)
        return coordinated(spans, text) if analysis.focus.endswith("s") else spans
    if analysis.kind == "which" and analysis.focus:
        focus = focus_stem(analysis)
        heads = [Span(m.start, m.end, 0.9, m, linked=True) for m in sentence.chunks if stem(m.label) == focus]
        return heads + appositives(sentence, text, focus)
    if analysis.kind == "why":
        return [reason_span(sentence, text)]
    if analysis.kind in ("what", "other"):
        spans = [Span(m.start, m.end, 0.7, m) for m in sentence.entities if m.label not in ("CARDINAL", "ORDINAL")]
        return spans + [Span(m.start, m.end, 0.6, m) for m in sentence.chunks] + [whole]
    return [Span(sentence.start, sentence.end, 0.6)]


TIME_UNITS = frozenset("second minute hour day week month year decade century".split())
NUMBER = re.compile(
    r"\$?\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|hundred|thousand|million|billion|dozen|dozens|hundreds|thousands|millions)\b(?:[\s-]+(?:one|two|"
    r"three|four|five|six|seven|eight|nine|hundred|thousand|million|billion|dozen))*",
    re.IGNORECASE,
)


def count_spans(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """For "how many": the number inside each counting entity ("10" in "last 10 days")."""
    labels = set(analysis.expected)
    if analysis.focus and stem(analysis.focus) in {stem(u) for u in TIME_UNITS}:
        labels |= {"DATE", "TIME"}
    spans = []
    for mention in sentence.entities:
        if mention.label not in labels:
            continue
        number = NUMBER.search(text, mention.start, mention.end)
        if number:
            spans.append(Span(number.start(), number.end(), 1.0, mention))
    return spans


def trim_question_words(span: Span, tokens, question_terms: set[str]) -> Span:
    """Drop question words at the edges of an entity: "last 10 days" answers "how long ... last?"."""
    inside = [t for t in tokens if t[0] < span.end and t[1] > span.start]
    if not inside or (inside[0][2] not in question_terms and inside[-1][2] not in question_terms):
        return span
    while inside and inside[0][2] in question_terms:
        inside.pop(0)
    while inside and inside[-1][2] in question_terms:
        inside.pop()
    if not inside:
        return Span(span.start, span.start, span.weight, span.mention)
    return Span(max(span.start, inside[0][0]), min(span.end, inside[-1][1]), span.weight, span.mention)


ARGUMENT_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "agent", "pobj", "attr", "dative"})


def syntax_weight(
    analysis: QuestionAnalysis, mention: Mention | None, tokens, span_tokens: list[int], focus: str | None
) -> float:
    """Favour a span that plays the asked role: the subject of "who loaded", the name after "judge"."""
    if mention is None:
        return 1.0
    weight = 1.0
    question_terms = set(analysis.terms)
    if mention.role in ARGUMENT_ROLES and stem(mention.governor) in question_terms:
        weight *= 1.15
    if analysis.asks_subject:
        weight *= 1.2 if mention.role in ("nsubj", "agent") else 0.9 if mention.role in ("dobj", "pobj") else 1.0
    before = span_tokens[0] - 1 if span_tokens else -1
    if before >= 0 and focus and tokens[before][2] == focus:
        weight *= 1.5  # the asked-for role just before a name: "Judge Mary Marlowe Sommer"
    elif before >= 0 and tokens[before][2] in question_terms:
        weight *= 1.2
    elif analysis.asks_object and any(0 < span_tokens[0] - i <= 3 for i in anchors(tokens, question_terms)):
        weight *= 1.1  # "wounding director Joel Souza" answers "who was wounded"
    return weight


def anchors(tokens, question_terms: set[str]) -> list[int]:
    """Positions of the sentence's words that the question also uses."""
    return [i for i, (_, _, t) in enumerate(tokens) if t and t in question_terms]


def label_weight(analysis: QuestionAnalysis, mention: Mention, text: str) -> float:
    """How well an entity's type fits: people answer "who" best, a calendar date "when" better than "last fall"."""
    if analysis.kind == "who":
        return 1.0 if mention.label == "PERSON" else 0.75
    if analysis.kind in ("how_many", "how_much") and mention.label == "CARDINAL":
        return 0.85
    if mention.label == "DATE" and not SPECIFIC_DATE.search(text[mention.start : mention.end]):
        return 0.6 if analysis.kind in ("when", "which") else 0.9  # "more than a year" is no date
    return 1.0


SPECIFIC_DATE = re.compile(
    r"\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(mon|tues|wednes|thurs|fri|satur|sun)day\b",
    re.IGNORECASE,
)


def coordinated(spans: list[Span], text: str) -> list[Span]:
    """For a plural question ("which lawyers"), also offer names joined by "and": "Alex Spiro and Luke Nikas"."""
    joined = []
    ordered = sorted((s for s in spans if s.mention), key=lambda s: s.start)
    for left, right in zip(ordered, ordered[1:], strict=False):
        if left.mention.label == right.mention.label and re.fullmatch(
            r",? (and |& )?|, ", text[left.end : right.start]
        ):
            joined.append(Span(left.start, right.end, max(left.weight, right.weight) * 1.05, left.mention))
    return spans + joined


def appositives(sentence, text: str, focus: str) -> list[Span]:
    """Names right after the focus noun: "Kennedy's company, Moxie Films," answers "which company"."""
    spans = []
    for chunk in sentence.chunks:
        if stem(chunk.label) != focus:
            continue
        for entity in sentence.entities:
            after, before = text[chunk.end : entity.start], text[entity.end : chunk.start]
            follows = entity.start >= chunk.end and len(after) <= 3 and not after.strip(" ,")
            precedes = entity.end <= chunk.start and before.strip() == ","  # "Matthew Hutchins, her husband"
            if (follows or precedes) and entity.label not in ("DATE", "CARDINAL", "ORDINAL"):
                spans.append(Span(entity.start, entity.end, 1.0, entity, linked=True))
    return spans


def reason_span(sentence, text: str) -> Span:
    """The clause after "because"/"after"/"due to", else the whole sentence."""
    piece = text[sentence.start : sentence.end]
    match = REASON.search(piece)
    if match and match.start() > 0:
        end = len(piece.rstrip(' .!?"”'))
        return Span(sentence.start + match.start(), sentence.start + end, 0.8)
    return Span(sentence.start, sentence.end, 0.6)


def proximity(span_tokens: list[int], anchors: list[int]) -> float:
    """1.0 when the span touches a question word in the sentence, falling off with distance."""
    if not span_tokens or not anchors:
        return 0.0
    lo, hi = span_tokens[0], span_tokens[-1]
    distance = min(max(lo - a, a - hi, 0) for a in anchors)
    return 1.0 / (1.0 + distance / 4.0)


def group_candidates(store: PassageStore, candidates: list[Candidate]) -> list[Group]:
    """Merge candidates whose answers are variants of each other ("Gutierrez-Reed" = "Hannah Gutierrez Reed")."""
    groups: list[Group] = []
    seen: dict[str, Group] = {}  # every key met so far, to its group: most candidates repeat one
    for candidate in sorted(candidates, key=lambda c: -c.score):
        key = answer_key(store.documents[candidate.doc_index].text[candidate.start : candidate.end])
        if not key:
            continue
        group = seen.get(key) or next((g for g in groups if same_answer(g.key, key)), None)
        if group is None:
            group = Group(key, [])
            groups.append(group)
        group.members.append(candidate)
        seen[key] = group
    return groups


def same_answer(a: str, b: str) -> bool:
    """Equal keys, or one key's words all found in the other (a short name inside a full one)."""
    if a == b:
        return True
    short, long = sorted((a.split(), b.split()), key=len)
    return len(short) <= len(long) <= 6 and set(short) <= set(long)


def well_supported(group: Group) -> bool:
    """Enough evidence to answer: a strong score with some shared words, or a sentence close in meaning."""
    score, best = group_score(group), group.best
    if score >= ABSTAIN_BELOW and best.coverage >= MIN_COVERAGE:
        return True
    return best.similarity >= SEMANTIC_RESCUE and score >= ABSTAIN_BELOW - RESCUE_MARGIN


def confidence(score: float) -> float:
    """The evidence score mapped into (0, 1): 0.5 at the abstention threshold, near 1 only for strong matches."""
    return 1.0 / (1.0 + math.exp(-6.0 * (score - ABSTAIN_BELOW)))


def group_score(group: Group) -> float:
    """The best member's score, raised a little for each further article that agrees."""
    documents = {c.doc_index for c in group.members if c.coverage >= SUPPORT_COVERAGE}
    return group.best.score + 0.05 * max(0, len(documents) - 1)
