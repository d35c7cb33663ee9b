"""Candidate spans of a sentence for a kind of question, and the weights that rank them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from qa.nlp import CLAUSE, COMPLEMENT, JOINED, MANNER, Mention
from qa.question import (
    ORG,
    PERSON,
    PLACE,
    PREPOSITIONS,
    SAYING_VERBS,
    QuestionAnalysis,
    focus_stem,
    focus_types,
    is_agent_noun,
)
from qa.temporal import names_a_year
from qa.text import MONTH_NAMES, STOPWORDS, WORD, stem, word_spans

# "How did X describe / call / characterise Y?" asks for X's own words, which news text quotes; so does
# "What did X say / argue ...?".
WORDING_VERBS = frozenset(
    stem(w) for w in "describe call characterize characterise label dub classify deem brand view regard".split()
)
WORDING_NOUNS = frozenset("phrase phrases word words term terms expression description label".split())
POSSESSIVE_WORD = re.compile(r"['’]s$")
POSSESSIVE = re.compile(r"['’]s\b|(?<=s)['’](?!\w)")  # matched where a name ends: "Baldwin's", "Hutchins’"
QUOTED = re.compile(r"[“\"]([^”\"]{3,200}?)[,.]?[”\"]")
QUOTE_CLOSE = re.compile(r"[,.]?[”\"]")
NUMERIC = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"})
ASIDE = re.compile(r"\s*(?:—|–|--|\()\s*([^—–()]{2,80}?)\s*(?:—|–|--|\))")  # "evidence—a cache of bullets—"
CAPACITY_NOUNS = frozenset({"role", "roles", "position", "positions", "job", "jobs", "post", "capacity", "credit"})
AS_BEFORE = re.compile(r"\bas\s+\Z")
MODEL_NUMBER = re.compile(r" \.?\d+\b")  # "a Colt .45", "a Boeing 747"
# The common nouns right before a name: "director" in "injuring director Joel Souza", not "Alec" or "injuring".
ROLE_WORDS = re.compile(
    r"(?:\b(?![a-z]+(?:ing|ed)\b)[a-z][a-z-]*\s+)*(?<!['’])\b(?![a-z]+(?:ing|ed)\b)[a-z][a-z-]*(?=\s+\Z)"
)  # not the "s" of "Fox News Digital's Julia Bonavita"
# What gives a reason: "because ...", "after learning that ...", "convicted for mistakenly loading ..."; a "for"
# before a verb gives one surely, before a noun ("advocate for stronger safety measures") perhaps
FOR_A_DEED = re.compile(r"for (?:\w+ly )?\w+ing\b", re.IGNORECASE)
REASON = re.compile(
    r"\b(?:because|since|due to|as a result of|in order to|so that|after|for)\b",
    re.IGNORECASE,
)
REASON_END = re.compile(r",|;|—|–|\(|[.!?][”\"]?\s*$")


@dataclass(frozen=True)
class Span:
    """A stretch of a sentence that may answer; `mention` is the entity or chunk it came from, if any."""

    start: int
    end: int
    weight: float
    mention: Mention | None = None
    linked: bool = False  # tied to the question's focus noun (apposition, head): may share its words
    # For a pronoun ("She unknowingly loaded ..."), the name it stands for, which is the answer; the pronoun's
    # place and role in its sentence are what the span is scored by.
    refers_to: Mention | None = None


def spans_for(
    analysis: QuestionAnalysis,
    sentence,
    text: str,
    people: frozenset[str] = frozenset(),
    previous=None,
    following=None,
) -> list[Span]:
    """Candidate spans of a sentence for this kind of question, each with a type weight (`people`: the words
    of the names the article tags as people, so that a "Halls" or "Baldwin" it misses counts as one;
    `previous`, `following`: the sentences before and after it in the article, where a pronoun's person, or
    a role's, may be named)."""
    if analysis.kind == "how_many":
        return count_spans(analysis, sentence, text)
    if analysis.asks_identity:
        return descriptions(analysis, sentence, text)
    if analysis.typed and not (analysis.kind == "which" and analysis.asks_subtype):  # "What type of film?": a kind
        return typed_spans(analysis, sentence, text, people, previous, following)
    if analysis.kind == "which" and analysis.focus in WORDING_NOUNS:  # "What phrase did Moxie Films use?"
        if analysis.focus_modifier == stem("prison"):  # "What prison term ...?": a sentence, not a wording
            return which_spans(analysis, sentence, text)
        return wordings(analysis, sentence, text)
    if analysis.kind == "which" and analysis.focus:
        return which_spans(analysis, sentence, text)
    if analysis.kind == "why":
        return reasons(analysis, sentence, text) + [Span(sentence.start, sentence.end, 0.45)]  # gives no reason
    if analysis.kind == "how" and WORDING_VERBS & set(analysis.terms):  # "How were the violations classified?"
        return wordings(analysis, sentence, text) + [Span(sentence.start, sentence.end, 0.6)]
    if analysis.kind in ("what", "other"):
        return what_spans(analysis, sentence, text)
    if analysis.kind == "how" and "say" in analysis.terms:  # "How did Morrissey say she felt?": what she said
        return (
            verb_parts(analysis, sentence, CLAUSE, 0.9)
            + quotations(sentence, text)
            + [Span(sentence.start, sentence.end, 0.6)]
        )
    if analysis.kind == "how" and SEEMING_VERBS & set(analysis.terms):  # "How did Baldwin appear ...?"
        states = set_off_states(analysis, sentence, text) + actions(analysis, sentence, text, reacting=True)
        return states + accompanying(analysis, sentence, text) + [Span(sentence.start, sentence.end, 0.6)]
    if analysis.kind == "how" and REACTION_VERBS & set(analysis.terms):  # "How did Baldwin react?"
        return actions(analysis, sentence, text, reacting=True) + [Span(sentence.start, sentence.end, 0.6)]
    if analysis.kind == "how":  # "How did Baldwin claim the gun fired?": "fired accidentally"
        return (
            verb_parts(analysis, sentence, MANNER, 0.9)
            + accompanying(analysis, sentence, text)
            + means(analysis, sentence, text)
            + [Span(sentence.start, sentence.end, 0.6)]
        )
    if analysis.kind == "yesno" and " or " not in analysis.text:  # "May he testify?": "may testify at ..."
        return asked_verb_phrases(analysis, sentence, text) + [Span(sentence.start, sentence.end, 0.6)]
    return [Span(sentence.start, sentence.end, 0.6)]


AUXILIARY_BEFORE = re.compile(
    r"\b(?:may|might|can|could|will|would|should|must|is|are|was|were|has|have|had)"
    r"(?:\s+(?:not|also|still|likely|already))?\s+\Z"
)


def asked_verb_phrases(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """For a yes-or-no question, the verb phrases of its verb, with the auxiliary that says whether or how far
    it holds: "may testify at Baldwin’s trial" for "May he testify at the trial?", "are likely to testify at
    Baldwin’s trial" for "Will witnesses from the investigation testify?"."""
    spans = []
    for p in sentence.predicates:
        verb = stem(p.label)
        if verb not in analysis.terms or verb in SAYING_VERBS or p.role in ("amod", "manner"):
            continue  # "Do his lawyers say he has control?": what they say answers, not "saying"
        if text[p.start].isupper():
            continue  # a headline's "Dismissed Amid Evidence Withholding Controversy"
        auxiliary = AUXILIARY_BEFORE.search(text, max(sentence.start, p.start - 20), p.start)
        if auxiliary:  # says whether it holds, as the question asks
            spans.append(Span(auxiliary.start(), p.end, 1.1, p))
        else:  # "allowed experts to testify": of someone else, or not said to hold
            spans.append(Span(p.start, p.end, 0.8 if text[max(0, p.start - 3) : p.start] == "to " else 1.0, p))
    return spans


def accompanying(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """For "how", a clause that says how the question's verb was done, right after its verb phrase: "left
    the courthouse, avoiding any interaction with the press"."""
    done = [p.end for p in sentence.predicates if stem(p.label) in analysis.terms]
    return [
        Span(p.start, p.end, ACCOMPANYING, p)
        for p in sentence.predicates
        if p.role == "advcl" and ING.match(text, p.start) and any(0 < p.start - end <= 3 for end in done)
    ]


def means(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """For "how", a "with" or "by" phrase close after the question's words, up to the clause's end: "How will
    the trial start?": "set to begin Tuesday with jury selection and is expected to ..."."""
    spans = []
    for match in MEANS.finditer(text, sentence.start, sentence.end):
        if not after_question_words(analysis, sentence, text, match.start()):
            continue
        clause = NEXT_CLAUSE.search(text, match.start(), match.end()) or MEANS_END.search(
            text, match.start(), match.end()
        )
        end = trailing_space_dropped(text, match.start(), clause.start() if clause else match.end())
        spans.append(Span(match.start(), end, MEANS_WEIGHT))
    return spans + lacking(analysis, sentence, text)


WITHOUT = re.compile(r"\bwithout\s+")


def lacking(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """For "how", a "without" phrase right after the question's words, its noun phrase only: "How was the case
    dismissed?": "to dismiss the case without prejudice"."""
    spans = []
    for match in WITHOUT.finditer(text, sentence.start, sentence.end):
        chunk = next((m for m in sentence.chunks if m.start == match.end()), None)
        if chunk and after_question_words(analysis, sentence, text, match.start()):
            spans.append(Span(match.start(), chunk.end, MEANS_WEIGHT, chunk))
    return spans


def after_question_words(analysis: QuestionAnalysis, sentence, text: str, at: int) -> bool:
    """Whether one of the two content words before `at` is the question's: "dismiss the case | without ..."."""
    before = [t for *_, t in word_spans(text[max(sentence.start, at - 30) : at]) if t]
    return bool(set(before[-2:]) & set(analysis.terms))


# The text of a clause: anything up to a mark that ends or interrupts it, but a decimal point ("a Colt .45").
CLAUSE_TEXT = r"(?:[^,.;:—–“”\"()]|\.(?=\d))"


def trailing_space_dropped(text: str, start: int, end: int) -> int:
    """Where a clause's text ends without the space before the mark that stopped it: 'on the film| "Rust."'."""
    return start + len(text[start:end].rstrip())


MEANS = re.compile(rf"\b(?:with|by|through)\s+{CLAUSE_TEXT}+")
MEANS_END = re.compile(r"\s+(?:and|but|or)\b")
MEANS_WEIGHT = 0.85
ING = re.compile(r"\w+ing\b")
ACCOMPANYING = 0.85


def typed_spans(
    analysis: QuestionAnalysis, sentence, text: str, people: frozenset[str], previous, following=None
) -> list[Span]:
    """Candidates for a question that expects an entity type (who, when, where, which company ...): the
    entities of that type, and what stands for them or describes them."""
    found = entities(sentence, text, people if "PERSON" in analysis.expected else frozenset())
    spans = [
        typed_span(analysis, sentence, text, m)
        for m in found
        if (m.label in analysis.expected or years_asked(analysis, m, text))
        and not (m.label in PLACE and is_person(text, m, people) and not placed(text, m))  # "against Baldwin"
    ]
    if analysis.kind == "when":  # "more than a year after the shooting"
        spans = [
            replace(span, weight=span.weight * event_weight(analysis, sentence, span))
            for span in spans + relative_times(analysis, sentence, text) + periods(sentence, text)
        ]
    if "PERSON" in analysis.expected:
        spans += antecedents(sentence, previous, text, people) + named_next(sentence, following, text, people)
    if analysis.expected & (PERSON | ORG):  # "the District Attorney’s Office — which is tasked with ..."
        spans += relative_antecedents(analysis, sentence, text)
    if analysis.asks_speaker:  # a quote that goes on from the sentence before, where its speaker is named
        spans += continued_quote_speakers(sentence, previous, text, people)
    if analysis.asks_possessor and analysis.kind == "who":
        spans += possessor_phrases(sentence, text) + owners_of_asked(analysis, sentence)
        spans += owners_after_of(analysis, sentence, text)
    if analysis.kind == "who" and analysis.asks_owner:  # "Who runs Moxie Films?"
        spans += owners_named_beside(analysis, sentence, text)
    if analysis.kind == "who" and not analysis.asks_possessor:  # "whose trial": an owner, not "the jury"
        spans += described_people(analysis, sentence, text)
        spans += named_groups(sentence, text)
        if not analysis.focus and not analysis.asks_other:  # "Who else ...?", "Who is the lawyer ...?": one
            spans = conjoined(spans, text, analysis.names)
    if analysis.kind == "who" and analysis.preposition and not analysis.asks_possessor:  # "Baldwin and ..."
        spans += stranded_people(analysis, sentence, text)
    if analysis.kind == "where":  # "Where was Baldwin seated?": "at the defense table"
        spans += locative_phrases(analysis, sentence, text) + places_near(analysis, sentence, text)
    if (analysis.asks_possessor and analysis.kind == "which") or analysis.expected == PLACE:
        spans += name_modifiers(analysis, sentence, text)  # "the California Shield Law", "Santa Fe's court"
    focus = focus_stem(analysis)
    if not focus:
        return spans
    # "Santa Fe's First Judicial District Court" names the court better than "Santa Fe" does; but the
    # title of a documentary is not "her upcoming documentary".
    headed = [
        Span(m.start, m.end, 1.2, m, linked=True)
        for m in sentence.chunks
        if stem(m.label) == focus
        and not analysis.asks_name
        and not names_inside(analysis, sentence, text, m)
        and analysis.expected != PERSON
    ]  # a person is named, and a phrase headed by "judge" names none: "a New Mexico judge"
    spans = spans + headed + appositives(analysis, sentence, text, focus)
    return coordinated(spans, text) if analysis.focus.endswith("s") else spans


def typed_span(analysis: QuestionAnalysis, sentence, text: str, entity: Mention) -> Span:
    """An entity of an expected type, weighed by how well its type and its place in the sentence fit."""
    weight = label_weight(analysis, entity, text) * modifier_weight(analysis, sentence, text, entity)
    return year_of(analysis, Span(entity.start, entity.end, weight, entity), text)


NAME_AS_MODIFIER = 0.6
NAMED_GROUP = re.compile(r" ([a-z]+)\b")


def named_groups(sentence, text: str) -> list[Span]:
    """People a name and a noun for people describe: "Rust producers" (no name of their own)."""
    spans = []
    for entity in sentence.entities:
        noun = NAMED_GROUP.match(text, entity.end)
        if noun and entity.label != "PERSON" and names_people(noun.group(1)) and noun.group(1).endswith("s"):
            spans.append(Span(entity.start, noun.end(1), DESCRIBED_PERSON, entity))
    return spans


def modifier_weight(analysis: QuestionAnalysis, sentence, text: str, entity: Mention) -> float:
    """A name that only modifies the noun after it answers "who" poorly: "Rust" in "Rust producers"."""
    if analysis.kind != "who":
        return 1.0
    follows = text[entity.end : entity.end + 2]  # a space and a common noun, not the rest of a name
    return NAME_AS_MODIFIER if inside_phrase(entity, sentence) and follows[:1] == " " and follows[1:].islower() else 1.0


def year_of(analysis: QuestionAnalysis, span: Span, text: str) -> Span:
    """For "In what year ...?", the year of a date: "2021" of "Oct. 21, 2021"."""
    if analysis.focus not in ("year", "years") or span.mention.label != "DATE":
        return span
    year = YEAR_GIVEN.search(text, span.start, span.end)
    return replace(span, start=year.start(), end=year.end()) if year else span


OWN_EVENT, OTHER_EVENT = 1.2, 0.85


def event_weight(analysis: QuestionAnalysis, sentence, span: Span) -> float:
    """For "when", whether a time belongs to the question's event: "dismissed during the trial in July", not
    "stemming from a tragic incident on the film set in 2021"; a time in the phrase of a verb the question
    does not use dates another event ("When did Matthew Hutchins marry Halyna?": not "reached a settlement
    ... in October 2022")."""
    verbs = [p for p in sentence.predicates if p.role not in (CLAUSE, COMPLEMENT, MANNER)]
    holding = [p for p in verbs if p.start <= span.start and span.end <= p.end]
    if not holding:
        return 1.0
    inner = min(holding, key=lambda p: p.end - p.start)
    return OWN_EVENT if stem(inner.label) in analysis.terms else OTHER_EVENT


def owners_of_asked(analysis: QuestionAnalysis, sentence) -> list[Span]:
    """For "In whose trial ...?", the owner of a trial the sentence names, whatever type the tagger gave the
    name ("Gutierrez Reed’s trial", tagged a facility)."""
    return [
        Span(m.start, m.end, 0.9, replace(m, label="PERSON"))
        for m in sentence.entities
        if m.label not in analysis.expected | NUMERIC and m.role == "poss" and stem(m.governor) in analysis.terms
    ]


def owners_after_of(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """For "Over whose objections ...?", who owns the thing the question names by "of": "the defense" in "Over
    the objection of the defense"."""
    return [
        Span(m.start, m.end, OWNER_AFTER_OF, m)
        for m in sentence.chunks
        if analysis.whose
        and m.role == "pobj"
        and stem(m.governor) == analysis.whose
        and OF_BEFORE.search(text, sentence.start, m.start)
    ]


OF_BEFORE = re.compile(r"\bof\s+\Z")
OWNER_AFTER_OF = 0.9


def which_spans(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """Candidates for "which X" / "what X" where X names no entity type: phrases headed by X, what completes
    or sets apart an X, names beside it, and what a plain "what" would take, for less."""
    focus = focus_stem(analysis)
    if analysis.focus in CAPACITY_NOUNS:  # "Baldwin's role" does not say what the role is; "as producer" does
        # "What position did Dave Halls hold?": "assistant director Dave Halls"
        return capacities(sentence, text) + (descriptions(analysis, sentence, text) if analysis.names else [])
    # "What title was Matthew Hutchins given?": "named as an executive producer", or a title by name
    held_as = capacities(sentence, text) if analysis.focus in ("title", "titles") else []
    heads = [
        Span(
            m.start,
            m.end,
            0.9
            * head_weight(analysis, text, m)
            * set_aside_weight(text, m, sentence.end)
            * owned_only(text, m.start, m.end, focus),
            m,
            linked=True,
        )
        for m in sentence.chunks
        if stem(m.label) == focus
    ]
    if not analysis.asks_subtype:  # "What type of film?": not "a film about Baldwin", which says what it is about
        heads += [  # "Which accusations ...?": "accusations of prosecutorial misconduct"; "What views ...?": not
            # "his outspoken liberal views and frequent appearances", which adds another thing
            Span(
                start,
                end,
                0.9 * EXTENDED**k * other_thing(text, m, end) * owned_only(text, start, end, focus),
                m,
                linked=True,
            )
            for start, end, m, k in extended_chunks(sentence, text)
            if stem(m.label) == focus
        ]
        heads += focus_complements(analysis, sentence, text, focus)
    owners = [Span(m.start, m.end, 0.9, m) for m in sentence.entities if POSSESSIVE.match(text, m.end)]
    owners += possessor_phrases(sentence, text)  # "Whose request ...?": "the defense's request"
    # The focus noun may be worded otherwise in the article ("What legal protection ...?": "the California
    # Shield Law"): what a plain "what" would take counts too, for less.
    unnamed = [replace(s, weight=s.weight * UNNAMED_FOCUS) for s in what_spans(analysis, sentence, text)]
    # "What charge was she convicted of?": "convicted of | involuntary manslaughter" says what X, unnamed
    unnamed += [replace(s, weight=s.weight * STRANDED_FOCUS) for s in stranded_objects(analysis, sentence, text)]
    kinds = modifiers(analysis, sentence, text) if analysis.asks_subtype else []  # "the out-of-state subpoena"
    return (
        heads
        + held_as
        + kinds
        + appositives(analysis, sentence, text, focus)
        + subtypes(analysis, sentence, text)
        + (owners if analysis.asks_possessor else [])
        + unnamed
    )


def set_aside_weight(text: str, chunk: Mention, end: int) -> float:
    """How well a phrase headed by the focus answers, where dashes or brackets set words beside it: "key
    evidence—a cache of bullets—" says what the evidence was in the words beside it (an acronym says no more)."""
    aside = ASIDE.match(text, chunk.end, end)
    return SAID_BESIDE if aside and len(aside.group(1).split()) >= 2 else 1.0


SAID_BESIDE = 0.7
UNNAMED_HEAD = 0.4
AND = re.compile(r"\band\b")
OTHER_THING = 0.9
CAPITAL = re.compile(r"\b[A-Z]")


OWNED_ONLY = 0.5
OWNER_WORD = re.compile(r"['’]s?\Z")  # "Baldwin’s", "Hutchins’"


def owned_only(text: str, start: int, end: int, focus: str) -> float:
    """Less for a phrase of the focus noun that says only whose it is: "Baldwin’s charges" does not say what
    charge Gutierrez Reed was convicted of."""
    words = [text[start + s : start + e] for s, e, t in word_spans(text[start:end]) if t and t != focus]
    return OWNED_ONLY if words and all(OWNER_WORD.search(word) for word in words) else 1.0


def other_thing(text: str, chunk: Mention, end: int) -> float:
    """Less for a phrase extended past "and" to another thing: "his outspoken liberal views and frequent
    appearances" for "What views ...?"."""
    return OTHER_THING if AND.search(text, chunk.end, end) else 1.0


def head_weight(analysis: QuestionAnalysis, text: str, chunk: Mention) -> float:
    """A phrase headed by the focus noun gives no name where the question asks for one: "What was the naval
    base called?" is not answered by "the most important naval bases"."""
    return UNNAMED_HEAD if analysis.asks_name and not CAPITAL.search(text, chunk.start, chunk.end) else 1.0


def predicate_adjectives(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """What a reported clause says its subject is, where the subject has the question's words: "irrelevant"
    in "ruled that Baldwin’s role as a producer ... is irrelevant to the trial"."""
    spans = []
    for clause in sentence.predicates:
        if clause.role != CLAUSE:
            continue
        for m in COPULA_ADJECTIVE.finditer(text, clause.start, clause.end):
            if terms_of(text, Span(clause.start, m.start(), 0.0)) & set(analysis.terms):
                spans.append(Span(m.start(1), m.end(1), PREDICATE_ADJECTIVE))
    return spans


COPULA_ADJECTIVE = re.compile(r"\b(?:is|was|are|were)\s+(?:not\s+)?((?!the\b|a\b|an\b)[a-z][\w-]*)")
PREDICATE_ADJECTIVE = 1.1  # asked for alone: more than the clause that holds it


def set_off_states(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """How a named person was, in words set off by commas after the name: "visibly moved" in "Baldwin, visibly
    moved, expressed relief"."""
    spans = []
    for m in SET_OFF_STATE.finditer(text, sentence.start, sentence.end):
        if stem(m.group(1).lower()) in set().union(*analysis.names):
            spans.append(Span(m.start(2), m.end(2), SET_OFF_STATE_WEIGHT))
    return spans


SEEMING_VERBS = frozenset(stem(w) for w in "appear look seem".split())
SET_OFF_STATE = re.compile(r"\b([A-Z][\w’'-]*),\s+((?:[a-z]+ly\s+)?[a-z]+(?:ed|ful|ous|ive|ent|ant|ing))\s*,")
SET_OFF_STATE_WEIGHT = 1.0


def extraposed(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """What "it was (not) his job to ..." says is the question's noun: "to make sure the gun was not loaded"
    answers "What did the defense say was not Baldwin's job?"."""
    return [
        Span(m.start(2), trailing_space_dropped(text, m.start(2), m.end(2)), EXTRAPOSED)
        for m in EXTRAPOSED_TO.finditer(text, sentence.start, sentence.end)
        if stem(m.group(1).lower()) in analysis.terms
    ]


# "it was not his job to make sure ...", "it is the court's duty to ..."
EXTRAPOSED_TO = re.compile(
    r"\bit\s+(?:is|was|would be|has been)\s+(?:not\s+)?(?:his|her|their|its|the|a|an|[\w-]+['’]s)\s+"
    rf"(?:[\w-]+\s+)?(\w+)\s+(to\s+{CLAUSE_TEXT}+)"
)
EXTRAPOSED = 1.0


def what_spans(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """Candidate spans for a plain "what": entities, noun phrases, modifiers, verb phrases, quotes."""
    stranded = stranded_objects(analysis, sentence, text)
    spans = list(stranded)
    spans += [
        Span(m.start, m.end, entity_weight(m, sentence, text) * (NAMED_KIND if analysis.asks_subtype else 1.0), m)
        for m in sentence.entities
        if m.label not in ("CARDINAL", "ORDINAL") and not (analysis.asks_subtype and m.label in NUMERIC | {"PERSON"})
    ]  # "what kind of win": not "Monday", nor "Baldwin"; "what kind of subpoena": "out-of-state", not an office
    people = {(m.start, m.end) for m in sentence.entities if m.label == "PERSON"}
    spans += [  # a name is a person's, as an entity or a noun phrase: "what" is seldom answered by one
        Span(m.start, m.end, 0.5 if (m.start, m.end) in people else 0.6, m)
        for m in sentence.chunks
        if not (analysis.asks_subtype and (m.start, m.end) in people)
    ]
    # "What did they learn that made them withdraw the plea deal?", "What did X pay to settle the violations?":
    # not a kind of deal or of violations
    if not (analysis.asks_what_said or analysis.asks_direct_object):
        spans += modifiers(analysis, sentence, text)
    if not analysis.asks_subtype:  # "what kind of arches": "rounded", not a phrase about them
        spans += [Span(start, end, 0.6 * EXTENDED**k, m) for start, end, m, k in extended_chunks(sentence, text)]
        spans += [Span(start, end, 0.6 * EXTENDED, m) for start, end, m in claims(sentence, text)]
    if analysis.asks_action:
        spans += actions(analysis, sentence, text)
    spans += extraposed(analysis, sentence, text)
    if analysis.asks_to_be:  # "What did the judge find Baldwin's producer role to be?"
        spans += predicate_adjectives(analysis, sentence, text)
    if analysis.reported_verb:  # "What did she say she hopes the lawsuits bring?": "some measure of justice"
        spans += [
            Span(start, quote_end(text, start, sentence.end) or end, REPORTED_OBJECT * EXTENDED**k, m)
            for start, end, m, k in extended_chunks(sentence, text, alone=True)
            if m.role == "dobj" and stem(m.governor) == analysis.reported_verb
        ]
    if analysis.reported_predicate:  # "What did the judge say was not outweighed ...?": "The probative value"
        spans += reported_subjects(analysis, sentence, text)
    if analysis.asks_direct_object:  # "What has Baldwin agreed to give?": "agreed to turn over archival footage"
        spans += agreed_objects(analysis, sentence, text)
    if analysis.asks_capacity:  # "What was Matthew Hutchins named?": "named as an executive producer"
        spans += capacities(sentence, text)
    if analysis.asks_wording:  # "What was the judge's description of the oversight?"
        spans += wordings(analysis, sentence, text)
    if analysis.asks_held:  # "What was Baldwin holding?"
        spans += held_objects(analysis, sentence, text)
    spans += [  # "What has Baldwin pleaded?": "pleaded not guilty"
        Span(m.start, m.end, 0.85, m)
        for m in sentence.predicates
        if m.role == COMPLEMENT and stem(m.label) in analysis.terms and not SAYING_VERBS & set(analysis.terms)
    ]
    # "What did Morrissey argue?": "argued the evidence was irrelevant"; "What was revealed?": "it was
    # revealed that crucial evidence had been withheld"
    if not analysis.asks_subtype:  # "What kind of images will prosecutors be allowed to show?": a kind
        weight = 0.95 if analysis.asks_what_said else CLAUSE_WEIGHT * (0.9 if analysis.modal else 1.0)
        clauses = verb_parts(analysis, sentence, CLAUSE, weight)
        spans += with_tails_dropped(analysis, clauses, text)
    if analysis.asks_what_said and "say" in analysis.terms:  # "What did Baldwin say ...?": "disclosed that ..."
        reported = [
            Span(m.start, m.end, 0.8, m)
            for m in sentence.predicates
            if m.role == CLAUSE and reported_by(m, text) - {"say"}
        ]
        spans += with_tails_dropped(analysis, reported, text)
    if WORDING_VERBS & set(analysis.terms):  # "What did the prosecution call the investigation?"
        spans += characterisations(sentence, text) + copula_attributes(analysis, sentence, text)
    if (SAYING_VERBS | WORDING_VERBS) & set(analysis.terms):  # "What did the prosecutors say ... includes?"
        quoted = quotations(sentence, text)
        if stranded:  # "say efforts were met with?": what follows "met with" answers, more than the quote
            quoted = [replace(q, weight=q.weight * 0.7) for q in quoted]
        elif analysis.reported_verb:  # "say she hopes the lawsuits bring?": not "We hope the lawsuits bring ..."
            quoted = [
                replace(q, weight=q.weight * 0.7) if analysis.reported_verb in terms_of(text, q) else q for q in quoted
            ]
        elif WORDING_VERBS & set(analysis.terms):  # "call the decision?": not "Today’s decision…is ...", all of it
            described = described_terms(analysis)
            quoted = [replace(q, weight=q.weight * 0.9) if described & terms_of(text, q) else q for q in quoted]
        spans += quoted
    return spans + [Span(sentence.start, sentence.end, 0.45)]


WORD_BEFORE = re.compile(r"(\w+)\W*\Z")


def reported_by(clause: Mention, text: str) -> set[str]:
    """The verbs of saying or reporting a clause is given by: the one the parser hangs it on, or the word
    right before it ("a statement ... indicating | it would not aggressively pursue the appeal")."""
    before = WORD_BEFORE.search(text, max(0, clause.start - 30), clause.start)
    verbs = {stem(clause.label)} | ({stem(before.group(1).lower())} if before else set())
    return verbs & (REPORTING_VERBS | SAYING_VERBS)


def with_tails_dropped(analysis: QuestionAnalysis, clauses: list[Span], text: str) -> list[Span]:
    """Each clause, and beside it the clause without its subordinate tail where it has one (`without_tail`)."""
    return clauses + [short for clause in clauses if (short := without_tail(analysis, clause, text))]


def without_tail(analysis: QuestionAnalysis, span: Span, text: str) -> Span | None:
    """A clause without the subordinate clause that ends it, where the question does not ask about that part:
    "claiming the gun fired accidentally | after he followed instructions ...", "it was vital to his
    defense|, alleging the prosecution deliberately withheld it"; a little stronger than the
    whole, which says more than was asked. Linked: the question's words in it say what the clause is about."""
    tail = SUBORDINATE.search(text, span.start, span.end)
    if not tail or terms_of(text, Span(tail.start(), span.end, 0)) & set(analysis.terms):
        return None
    return Span(span.start, tail.start(), span.weight * 1.02, span.mention, linked=True)


SUBORDINATORS = "after|before|because|while|when|although|unless|since|until"  # open a clause of time or reason
SUBORDINATE = re.compile(rf"\s+(?:{SUBORDINATORS})\s+|,\s+(?=\w+ing\s)")
HELD_BY = re.compile(r" ([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*) (?:was|were|is|are|had been|has been) (\w+ing)\b")


def held_objects(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """For "What was Baldwin holding?", the thing a clause with no "that" says the named person was doing
    something to: "a prop gun Baldwin was holding discharged" (the parser often misreads it)."""
    spans = []
    for chunk in sentence.chunks:
        held = HELD_BY.match(text, chunk.end)
        if not held or stem(held.group(2).lower()) not in analysis.terms:
            continue
        if any(name & {stem(w.lower()) for w in held.group(1).split()} for name in analysis.names):
            spans.append(Span(chunk.start, chunk.end, 1.0, chunk))
    return spans


VERB_BEFORE_TO = re.compile(r"(\w+)\s+\Z")


def agreed_objects(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """The object of a verb that completes one the question uses ("agreed to turn over archival footage"),
    though the question words the second verb otherwise ("What has Baldwin agreed to give?")."""
    spans = []
    for clause in sentence.predicates:
        before = VERB_BEFORE_TO.search(text, max(sentence.start, clause.start - 20), clause.start)
        if clause.role != "xcomp" or not before or stem(before.group(1).lower()) not in analysis.terms:
            continue
        spans += [
            Span(m.start, m.end, 0.85, m)
            for m in sentence.chunks
            if m.role == "dobj" and stem(m.governor) == stem(clause.label) and clause.start <= m.start < clause.end
        ]
    return spans


def entity_weight(entity: Mention, sentence, text: str) -> float:
    """How well an entity answers a plain "what": a person or date seldom does (that is "who" or "when"), and a
    number or date
    that only says what kind of thing a phrase names ("her 18-month sentence") says less than the phrase."""
    if entity.label == "PERSON":
        return 0.5
    if entity.label in ("DATE", "TIME") and not DURATION_WORDS.search(text, entity.start, entity.end):
        return 0.5  # "What did the judge rule ...?": not "Monday", which says when; but "up to 18 months"
    return 0.55 if inside_phrase(entity, sentence) and entity.label in NUMERIC else 0.7


def inside_phrase(entity: Mention, sentence) -> bool:
    """Whether a noun phrase goes on after an entity, which then only modifies it: "her 18-month sentence",
    "Rust producers"."""
    return any(c.start <= entity.start and entity.end < c.end for c in sentence.chunks)


UNNAMED_FOCUS = 0.5
STRANDED_FOCUS = 0.9  # ... but what follows the question's word and its stranded preposition, hardly less
NAMED_KIND = 0.7  # a name says what kind of thing something is less often than a word that sets it apart
REPORTED_OBJECT = 0.8
CLAUSE_WEIGHT = 0.7  # the clause of any question verb ("What was revealed?"), below one someone said
EXTENDED = 1.05  # per phrase a noun phrase takes in: "negligence" says less than the whole list
MAX_EXTENSIONS = 2
JOINS = re.compile(r" (?:of|and|with) ")  # others attach as often to the verb: "18 months in prison"


def extended_chunks(sentence, text: str, alone: bool = False):
    """A noun phrase with the phrases that complete it: "some measure of justice", "any interaction with the
    press", "negligence and intentional infliction of emotional distress"; a phrase that belongs to the verb
    ("fighting horsemen for more than a generation") does not complete it; nor does an infinitive, but for
    the one that says what the noun is for ("a motion to quash the subpoena"). With `alone`, each noun
    phrase on its own too."""
    chunks = sorted(sentence.chunks, key=lambda m: m.start)
    purposes = {start: m for m in sentence.predicates if m.role == "acl" and (start := purpose_start(m, text))}
    for first in range(len(chunks)):
        if alone:
            yield chunks[first].start, chunks[first].end, chunks[first], 0
        purpose = purposes.get(chunks[first].end + 1)
        if purpose:  # "a motion to quash the subpoena", "evidence intended to show ..."
            yield chunks[first].start, purpose.end, chunks[first], 1
        for last in range(first + 1, min(first + MAX_EXTENSIONS + 1, len(chunks))):
            if not completes(text, chunks[last - 1], chunks[last]):
                break
            yield chunks[first].start, chunks[last].end, chunks[first], last - first
            purpose = purposes.get(chunks[last].end + 1)
            if purpose:  # "evidence and arguments aimed at garnering sympathy for Baldwin"
                participle = not text.startswith("to ", purpose.start)  # says more of the phrase than a purpose
                yield chunks[first].start, purpose.end, chunks[first], last - first + participle


PURPOSE_OR_PARTICIPLE = re.compile(r"to |\w+ed\b")  # "a motion to quash ...", "evidence intended to show ..."
SPLIT_INFINITIVE = re.compile(r"\bto\s+\w+ly\s+\Z")  # "ability to effectively | challenge the case"


def purpose_start(clause: Mention, text: str) -> int | None:
    """Where an infinitive or participle that completes a noun starts, its "to" included where an adverb
    splits it from its verb; none for another kind of clause."""
    if PURPOSE_OR_PARTICIPLE.match(text, clause.start):
        return clause.start
    split = SPLIT_INFINITIVE.search(text, max(0, clause.start - 25), clause.start)
    return split.start() if split else None


PREPOSITION_BETWEEN = re.compile(r"\s+(?:of|to|for|about|on|against|with|into|over)\s+")  # not "at that time"


def focus_complements(analysis: QuestionAnalysis, sentence, text: str, focus: str) -> list[Span]:
    """For "what X", what completes the X where the sentence's X says no more than the question does:
    "What single reference did the judge allow?" is answered by "the potential lethality of blank rounds" in
    "allowed a single reference to the potential lethality of blank rounds"."""
    restated = [m.end for m in sentence.chunks if stem(m.label) == focus and terms_of(text, m) <= set(analysis.terms)]
    return [
        Span(start, end, 0.9 * EXTENDED**k, m)
        for start, end, m, k in extended_chunks(sentence, text, alone=True)
        if m.role == "pobj" and any(PREPOSITION_BETWEEN.fullmatch(text, e, m.start) for e in restated)
    ]


THAT_CLAUSE = re.compile(r" that (?:[\w’'-]+ ){1,4}")  # "claim that Baldwin “commissioned” ..."


def claims(sentence, text: str):
    """A noun phrase with the clause that says what it holds: "the prosecution’s claim that Baldwin
    “commissioned” the documentary"."""
    for chunk in sentence.chunks:
        opening = THAT_CLAUSE.match(text, chunk.end)
        if not opening:
            continue
        for clause in sentence.predicates:
            # a clause with a subject of its own: not "barriers that have compromised ..." (a relative clause)
            content = clause.role == "acl" or (clause.role == "relcl" and clause.governor not in RELATIVE_PRONOUNS)
            if content and opening.start() < clause.start <= opening.end() + 1:
                yield chunk.start, clause.end, chunk


def completes(text: str, left, right) -> bool:
    """Whether noun phrase `right` completes `left`: joined to it by "and" in the same role, or its
    preposition's object, the preposition attached to `left`."""
    join = JOINS.fullmatch(text, left.end, right.start)
    if not join:
        return False
    if join.group().strip() == "and":
        return clause_place(right) == clause_place(left)
    return right.role == "pobj" and stem(right.governor) == stem(left.label)


ACTION = 0.9
SAME_MODAL = 1.2
MODAL_BEFORE = re.compile(r"\b(\w+)\s+(?:\w+ly\s+|only\s+|also\s+)?\Z")  # "may testify", "would only confuse"
REPORTING_VERBS = frozenset(stem(w) for w in "allege maintain add note tell report disclose deny indicate".split())
REACTION_VERBS = frozenset(stem(w) for w in "react respond reply behave".split())
NEGATION = re.compile(r"\bnot\b|n't\b|\bnever\b")
EMPTY_VERBS = frozenset({"do", "be", "have"})  # "did all these things wrong" says nothing of what was done
PRONOUN_SUBJECTS = frozenset({"he", "she", "they", "who"})


def actions(analysis: QuestionAnalysis, sentence, text: str, reacting: bool = False) -> list[Span]:
    """Verb phrases, for "what did X do": those whose subject is the question's X count most ("Baldwin ...
    listened intently and took notes"), then those whose subject is a pronoun or not given, then the rest. A
    verb the question uses is not what was done ("show" in "What did the videos show him doing?"), unless
    the question asks how someone reacted: "didn't react to the ruling" says how."""
    spans = []
    question_terms = set(analysis.terms)
    # "What did Baldwin do after the ruling?": Baldwin; "What did Nikas say the role would do?": the role
    doers = set().union(*analysis.names) - analysis.speaker or question_terms - analysis.speaker
    setting = analysis.setting - doers  # "in court"
    outcome = analysis.outcome
    for verb in sentence.predicates:
        if verb.role in (COMPLEMENT, CLAUSE, MANNER) or verb.label in EMPTY_VERBS:
            continue
        no_reaction = reacting and stem(verb.label) in REACTION_VERBS and NEGATION.search(text, verb.start, verb.end)
        if stem(verb.label) in question_terms | SAYING_VERBS | REPORTING_VERBS and not no_reaction:
            continue  # what someone said they did is in the clause the saying verb leaves out
        subject = stem(verb.governor) if verb.governor else ""
        weight = 1.2 if subject in doers else 1.0 if subject in PRONOUN_SUBJECTS | {""} else 0.8
        done_to = [t for *_, t in word_spans(text[verb.start : verb.end])[1:6]]  # its object, not "on a charge"
        if outcome:  # "What happened to the charges?": "dismissed the ... charges", "the charges were dropped"
            weight = 1.2 if subject == outcome or outcome in done_to else 0.8
        if " " not in text[verb.start : verb.end]:
            weight *= 0.8  # a bare verb ("visibly moved") seldom says what was done
        elif verb.role == JOINED:
            weight *= 1.05  # "expressed relief and left the courthouse" says more than either half
        if terms_of(text, verb) & setting and not no_reaction:
            weight *= 0.8  # "What did Baldwin do in court?": not "appeared in court", which the question says
        modal = MODAL_BEFORE.search(text, max(0, verb.start - 30), verb.start)
        if analysis.modal and modal and modal.group(1).lower() == analysis.modal:
            weight *= SAME_MODAL  # "What may Halls do?": "may testify"; "would (only) confuse the jury"
        if verb.role == "xcomp":
            weight *= 0.85  # "to cooperate" says less than "pressuring witnesses to cooperate", which holds it
        elif verb.role == "pcomp":
            weight *= 0.8  # "Upon hearing the judge’s ruling, ..." sets the scene for what was done
        if no_reaction:
            weight *= 0.85  # "didn't react" answers how one reacted only where nothing else is said
        # linked: the question's words are in it as what was done to, not as a restatement of the question
        linked = bool(no_reaction) or bool(outcome and outcome in done_to)
        spans.append(Span(verb.start, verb.end, ACTION * weight, verb, linked=linked))
    return spans


def terms_of(text: str, mention: Mention | Span) -> set[str]:
    """The stems of the content words a mention or span covers."""
    return {t for *_, t in word_spans(text[mention.start : mention.end]) if t}


def verb_parts(analysis: QuestionAnalysis, sentence, role: str, weight: float) -> list[Span]:
    """The parts of one kind (`role`) of the verb phrases whose verb the question uses, more where their
    subject is one the question names."""
    terms = set(analysis.terms)
    return [
        Span(m.start, m.end, weight * (1.2 if stem(m.governor) in terms else 1.0), m)
        for m in sentence.predicates
        if m.role == role and stem(m.label) in terms
    ]


RELATIVE_AFTER = re.compile(r",?\s+(?:which|who)\s+")
KIN = frozenset(
    "husband wife son daughter father mother brother sister spouse widow widower fiance fiancee partner "
    "uncle aunt nephew niece cousin grandson granddaughter grandfather grandmother child children".split()
)


def named_entities(analysis: QuestionAnalysis, sentence, text: str) -> list[Mention]:
    """The sentence's entities that give a whole name from the question: "Matthew Hutchins" for "Who is
    Matthew Hutchins?"."""
    found = []
    for entity in sentence.entities:
        entity_terms = terms_of(text, entity)
        if any(name <= entity_terms for name in analysis.names):
            found.append(entity)
    return found


def descriptions(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """What a sentence says the person a "Who is X?" question names is: "Matthew Hutchins, her husband,",
    "director Joel Souza", "Rollo was a Viking"."""
    spans = []
    for entity in named_entities(analysis, sentence, text):
        for chunk in sentence.chunks:
            if analysis.asks_occupation and chunk.label in KIN:
                continue  # "her husband" says who someone is, not what they do
            if chunk.start >= entity.end and text[entity.end : chunk.start].strip() == ",":
                spans.append(Span(chunk.start, chunk.end, 1.0, chunk))  # an apposition
            elif chunk.start < entity.start and (chunk.end >= entity.end or cut_off(text, chunk, entity)):
                role = role_words(text, chunk.start, entity.start)  # "director Joel Souza", "that filmmaker Rory"
                owner = OWNER_BEFORE.fullmatch(text, chunk.start, entity.start)  # "Fox News Digital's Julia ..."
                if role:
                    spans.append(Span(role.start(), role.end(), 0.9, chunk))
                elif owner and not analysis.asks_occupation:
                    spans.append(Span(chunk.start, owner.end(1), AFFILIATION, chunk))
            elif (
                chunk.role == "attr"
                and chunk.start > entity.end
                and text[entity.end : chunk.start].split()[:1] in (["is"], ["was"], ["are"], ["were"])
            ):
                spans.append(Span(chunk.start, chunk.end, 1.0, chunk))  # "Rollo was a Viking"
            elif chunk.end <= entity.start and closed_apposition(text, entity, chunk):
                spans.append(Span(chunk.start, chunk.end, 1.0, chunk))  # "Kennedy’s company, Moxie Films,"
            elif analysis.asks_occupation and serves_as(text, entity, chunk):
                spans.append(Span(chunk.start, chunk.end, 0.9, chunk))  # "Baldwin’s role as a producer"
        spans += [  # "the California Shield Law, which protects journalists from ..."
            Span(m.start, m.end, 0.8, m)
            for m in sentence.predicates
            if m.role == "relcl" and RELATIVE_AFTER.fullmatch(text, entity.end, m.start)
        ]
    return spans


OWNER_BEFORE = re.compile(r"((?:[A-Z][\w.&-]*\s+){0,4}[A-Z][\w.&-]*['’]s)\s+")
AFFILIATION = 0.8  # whose a person is says who they are: "Fox News Digital's Julia Bonavita"


# Between a name and what the person serves as: "Alec Baldwin’s role as", "Baldwin, who also served as"
SERVES_AS = re.compile(r"(?:['’]s\s+[a-z]+|,\s+who\s+(?:[a-z]+\s+){0,2}[a-z]+)\s+as\s+")


def serves_as(text: str, entity: Mention, chunk: Mention) -> bool:
    """Whether `chunk` is what the person `entity` serves as: "Alec Baldwin’s role as a producer", "Baldwin,
    who also served as a producer"."""
    return bool(SERVES_AS.fullmatch(text, entity.end, chunk.start))


# "the defense's request", "the New Mexico attorney general’s office"; no phrase within ("the trial of the defense's")
POSSESSOR_PHRASE = re.compile(
    r"\b(?:the|a|an)\s+(?:(?!(?:the|a|an|of|in|on|at|to|from|for|and|or|by|with)\s)[\w-]+\s+){0,3}[a-z][\w-]*(?=['’]s\s)"
)


def possessor_phrases(sentence, text: str) -> list[Span]:
    """Common nouns that own something, for "whose": "the defense" in "granted the defense's request"."""
    return [Span(m.start(), m.end(), 0.8) for m in POSSESSOR_PHRASE.finditer(text, sentence.start, sentence.end)]


def name_modifiers(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """For "Which state's shield law ...?", the name that sets apart the thing the question names: "California"
    in "the California Shield Law" (the words before those the question uses); for "In which city is the
    First Judicial District Court?", "Santa Fe" in "Santa Fe's First Judicial District Court"."""
    spans = []
    names = [m for m in sentence.entities if m.label not in ("PERSON", "WORK_OF_ART")]
    for mention in sentence.entities + sentence.chunks:
        words = list(MODIFIER_WORD.finditer(text, mention.start, mention.end))
        named = len(words)
        while named and stem(words[named - 1].group().lower()) in analysis.terms:
            named -= 1
        kept = [w for w in words[:named] if w.group().lower() not in STOPWORDS]
        if kept and named < len(words) and all(w.group()[:1].isupper() for w in kept):
            if analysis.expected == PLACE and not any(m.start <= kept[0].start() < m.end for m in names):
                continue  # "In which city ...?": not "‘Rust’ Shooting" in "‘Rust’ Shooting Case", a name of no place
            end = kept[-1].end() - (2 if POSSESSIVE_WORD.search(kept[-1].group()) else 0)
            spans.append(Span(kept[0].start(), end, 0.9, mention))
    return spans


PLACE_JOIN = re.compile(r" (?:near|outside) |, ")


def places_near(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """A place with the place it lies near: "Bonanza Creek Ranch near Santa Fe", "Santa Fe, N.M."; but where
    the question names the first ("Where is the ranch?"), the second alone answers."""
    places = sorted((m for m in sentence.entities if m.label in PLACE | ORG), key=lambda m: m.start)
    return [
        Span(first.start, second.end, 1.05, first)
        for first, second in zip(places, places[1:], strict=False)
        if PLACE_JOIN.fullmatch(text, first.end, second.start)
        and second.label in PLACE | ORG
        and not terms_of(text, first) & set(analysis.terms)
    ]


def counted_from_asked(analysis: QuestionAnalysis, text: str, end: int) -> bool:
    """Whether the event a stretch of time is counted from (the words after "after" or "before", at `end`) is
    the one the question asks the time of: "more than a year after the shooting" does not date the shooting."""
    event = NEXT_WORDS.match(text, end)
    return bool(event) and bool(terms_of(text, Span(event.start(), event.end(), 0)) & set(analysis.terms))


NEXT_WORDS = re.compile(r"\s*(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?[\w’'-]+")


def relative_times(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """A stretch of time counted from an event, which says when: "more than a year after the shooting", "two
    years later"."""
    spans = []
    for entity in sentence.entities:
        relative = RELATIVE.match(text, entity.end)
        if entity.label not in ("DATE", "TIME") or not relative or not DURATION.search(text[entity.start : entity.end]):
            continue
        end = relative.end()
        if relative.group().strip() in ("after", "before"):
            event = [c for c in sentence.chunks if c.start >= end and not text[end : c.start].strip()]
            if not event or counted_from_asked(analysis, text, end):
                continue
            end = event[0].end
        spans.append(Span(entity.start, end, RELATIVE_TIME, entity))
    return spans


RELATIVE_TIME = 1.05  # says more than the stretch of time alone


def periods(sentence, text: str) -> list[Span]:
    """What a sentence says something happened during, which says when without a date: "During a brief
    break after Sommer handed down her ruling, ... Morrissey dismissed the importance of the decision"."""
    return [
        Span(chunk.start, chunk.end, PERIOD, chunk)
        for chunk in sentence.chunks
        if chunk.role == "pobj" and DURING.search(text, max(sentence.start, chunk.start - 8), chunk.start)
    ]


DURING = re.compile(r"\b(?:during|amid|upon)\s+\Z", re.IGNORECASE)
PERIOD = 0.6  # no date, but when


LOCATIVE = re.compile(r"\b(?:at|in|on|inside|outside|near|behind|beside|under|into|onto)\s+\Z", re.IGNORECASE)
# "the defense table", "Gutierrez Reed’s trial": a place described, or owned by a name
DESCRIBED_PLACE = re.compile(r"(?i:the|a|an|his|her|their|its)\s|(?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*['’]s\s")
LOCATIVE_WEIGHT = 1.0
PLACED = re.compile(
    r"\b(?:at|in|on|inside|outside|near|from|to|across|throughout|within)\s+(?:the\s+)?"
    r"(?:(?:city|town|village|state|country|province|region)\s+of\s+|(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s\s+)?\Z"
)


def locative_phrases(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """For "where", the place a phrase describes where the question's verb happens: "seated at the defense
    table" answers "Where was Baldwin seated?". A named place is left to its name ("at Bonanza Creek Ranch"),
    as is one that stands for a name ("in the city"); and a bare noun ("at trial") is seldom a place."""
    spans = []
    for start, end, chunk, k in extended_chunks(sentence, text, alone=True):  # "the set of his film “Rust”"
        preposition = LOCATIVE.search(text, max(sentence.start, chunk.start - 8), chunk.start)
        if not preposition or chunk.role != "pobj" or stem(chunk.governor) not in analysis.terms:
            continue
        # a name that only owns the place does not name it: "in Gutierrez Reed’s trial"
        named = any(
            m.start < chunk.end and m.end > chunk.start and not POSSESSIVE.match(text, m.end) for m in sentence.entities
        )
        if not named and DESCRIBED_PLACE.match(text, chunk.start, chunk.end) and focus_types(chunk.label) != PLACE:
            spans.append(Span(start, end, LOCATIVE_WEIGHT * EXTENDED**k, chunk))
    return spans


def names_inside(analysis: QuestionAnalysis, sentence, text: str, chunk: Mention) -> bool:
    """Whether a phrase headed by the focus noun holds a name that answers better ("the “Rust” film" holds
    "Rust"; but a name cut short, as in "the Los Angeles County District| Attorney’s Office", does not), or is
    itself a name whose last word is only the focus noun's ("Moxie Films" is no film)."""
    for entity in sentence.entities:
        inside = entity.start >= chunk.start and entity.end <= chunk.end
        if inside and entity.label in analysis.expected and text[entity.end : chunk.end].islower():
            return True
        if entity.start < chunk.end <= entity.end:
            return True
    return False


def entities(sentence, text: str, people: frozenset[str]) -> list[Mention]:
    """The sentence's entities, with names the article gives a person elsewhere made people: spaCy tags
    "Baldwin" an organisation in "Baldwin's trial", and misses "Halls" after "Dave Halls"."""
    found = [
        replace(m, label="PERSON") if m.label == "ORG" and is_person(text, m, people) else m for m in sentence.entities
    ]
    taken = [(m.start, m.end) for m in found]
    for chunk in sentence.chunks:
        free = all(chunk.end <= start or chunk.start >= end for start, end in taken)
        if free and text[chunk.start].isupper() and is_person(text, chunk, people):
            found.append(replace(chunk, label="PERSON"))
    return found


# Groups, and people named by what they do, beyond the roles question analysis knows ("judge", "actor").
GROUP_NOUNS = frozenset(
    "jury jurors juror family families crew cast team staff staffers company companies firm prosecution defense "
    "defence police government office panel committee board studio production witness witnesses victim victims "
    "official officials officer officers worker workers employee employees investigator investigators expert "
    "experts journalist journalists reporter reporters defendant plaintiff soldiers residents".split()
)
DESCRIBED_DOER = 0.85  # "A Los Angeles judge granted the motion": the one who did what the question asks
DESCRIBED_PERSON = 0.7  # "the jury", "the Rust producers": an answer to "who", if one a name would beat


def person_roles(sentence, text: str, people: frozenset[str]) -> Iterator[tuple[Mention, str]]:
    """What a sentence calls each person it names, as stems: the noun before the name in the phrase the name
    ends ("injuring director Joel Souza", "Special prosecutor Kari Morrissey"), and a phrase set off by commas
    beside it ("The movie's armorer, Hannah Gutierrez Reed, was", "Baldwin, a three-time Emmy winner, has")."""
    for person in entities(sentence, text, people):
        if person.label != "PERSON":
            continue
        for chunk in sentence.chunks:
            if chunk.start < person.start and (chunk.end == person.end or cut_off(text, chunk, person)):
                roles = [w for w in text[chunk.start : min(chunk.end, person.start)].split() if is_role(w)]
                if roles:  # the head noun: "prosecutor" in "Special prosecutor"
                    yield person, stem(roles[-1].lower())
            elif closed_apposition(text, person, chunk):
                head = text[chunk.start : chunk.end].split()[-1]
                if head.isalpha() and head.islower() and head not in STOPWORDS:
                    yield person, stem(head)


def cut_off(text: str, chunk: Mention, person: Mention) -> bool:
    """Whether the tagger cut the words before a name off into a phrase of their own: "that filmmaker| Rory
    Kennedy"."""
    return chunk.end < person.start and text[chunk.end : person.start] == " "


def role_words(text: str, start: int, end: int) -> re.Match | None:
    """The common nouns that end `text[start:end]`, right before a name, without a leading "that" or "the"."""
    role = ROLE_WORDS.search(text, start, end)
    while role and role.group().split()[0] in STOPWORDS and " " in role.group():
        role = ROLE_WORDS.search(text, role.start() + len(role.group().split()[0]) + 1, end)
    return role


def is_role(word: str) -> bool:
    """Whether a word before a name may say what the person is: "director", not "injuring", "Mr." or "her"."""
    lower = word.lower()
    return word.isalpha() and lower not in STOPWORDS and not lower.endswith(("ing", "ed", "ly"))


def closed_apposition(text: str, person: Mention, chunk: Mention) -> bool:
    """Whether a noun phrase stands beside a name between commas: "Gutierrez Reed, the film's armorer, was";
    not "Alec Baldwin, the judge presiding ..."."""
    if chunk.start >= person.end:
        return text[person.end : chunk.start].strip() == "," and text[chunk.end : chunk.end + 1] == ","
    return text[chunk.end : person.start].strip() == "," and text[person.end : person.end + 1] == ","


def names_people(noun: str) -> bool:
    """Whether a common noun stands for people: "family", "jury", "lawyers"."""
    return noun in GROUP_NOUNS or "PERSON" in focus_types(noun, agents=False)


def described_people(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """People or groups a sentence describes rather than names, for "who": "Who hired the company?" is
    answered by "the “Rust” producers", "Who saw the footage?" by "the jury". A phrase that holds a name
    is left to the name, unless the name only owns it ("Hutchins’s family") or is a place ("A Los Angeles
    judge")."""
    spans = []
    for chunk in sentence.chunks:
        if not names_people(chunk.label):
            continue
        names = [m for m in sentence.entities if m.start < chunk.end and m.end > chunk.start and m.label != "GPE"]
        if all(POSSESSIVE.match(text, m.end) and m.end < chunk.end for m in names):
            doer = chunk.role in SUBJECT_ROLES and stem(chunk.governor) in analysis.terms
            spans.append(Span(chunk.start, chunk.end, DESCRIBED_DOER if doer else DESCRIBED_PERSON, chunk))
    return spans


PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
SUBJECT_ROLES = frozenset({"nsubj", "nsubjpass"})
PRONOUN_WEIGHT = 0.9  # the person a pronoun stands for is a guess, if a good one


def antecedents(sentence, previous, text: str, people: frozenset[str]) -> list[Span]:
    """The person each "he" or "she" of a sentence stands for, found as news text names people before it:
    earlier in the same sentence (the nearest subject), or else in the sentence before (its first subject: a
    main clause's comes before "the charge Baldwin is facing"); failing a subject, the nearest name. In "The
    armorer, Hannah Gutierrez Reed, was convicted ... She unknowingly loaded the round", she is the armorer."""
    spans = plural_antecedents(sentence, previous, text)
    pronouns = [m for m in sentence.chunks if m.label in PERSONAL_PRONOUNS and text[m.start : m.end].lower() == m.label]
    people_here = [m for m in entities(sentence, text, people) if m.label == "PERSON"] if pronouns else []
    for pronoun in pronouns:
        before = [m for m in people_here if m.end <= pronoun.start]
        subjects = [m for m in before if m.role in SUBJECT_ROLES][-1:]
        if not before and previous is not None:
            before = [m for m in entities(previous, text, people) if m.label == "PERSON"]
            subjects = [m for m in before if m.role in SUBJECT_ROLES][:1] or unnamed_role_subject(previous, before)
        if before or subjects:
            antecedent = (subjects or before[-1:])[0]
            spans.append(Span(pronoun.start, pronoun.end, PRONOUN_WEIGHT, pronoun, refers_to=antecedent))
    return spans


def unnamed_role_subject(sentence, people: list[Mention]) -> list[Mention]:
    """A sentence's subject that names one person by role only, with no name beside it: "she" after "The judge
    barred discussion of ... the death of Brandon Lee" is the judge, not Brandon Lee."""
    for chunk in sentence.chunks:
        if chunk.role in SUBJECT_ROLES and names_people(chunk.label) and not chunk.label.endswith("s"):
            named = any(chunk.start <= m.start <= chunk.end + 3 for m in people)  # "The armorer, Hannah ..."
            return [] if named else [chunk]
    return []


def named_next(sentence, following, text: str, people: frozenset[str]) -> list[Span]:
    """The person "the judge" or "the director" stands for where a sentence gives only the role and the next
    one names someone by it, as news text often begins: "the judge presiding over his trial ruled Monday ...
    | Judge Mary Marlowe Sommer granted the defense's request ..."."""
    roles = [
        (chunk, role)
        for chunk in sentence.chunks
        if (role := DEFINITE_ROLE.fullmatch(text, chunk.start, chunk.end))
        and focus_types(role.group(1).lower()) == PERSON
    ]
    if following is None or not roles:  # the next sentence's people are read only where a role needs them
        return []
    names = [m for m in entities(following, text, people) if m.label == "PERSON"]
    spans = []
    for chunk, role in roles:
        title = re.compile(rf"\b{role.group(1)}\s+\Z", re.IGNORECASE)
        titled = [m for m in names if title.search(text, max(0, m.start - 30), m.start)]
        spans += [Span(chunk.start, chunk.end, NAMED_NEXT, chunk, refers_to=m) for m in titled[:1]]
    return spans


DEFINITE_ROLE = re.compile(r"the ([a-z]+)")
NAMED_NEXT = 0.85  # the person a role stands for, named in the next sentence: a guess, if a good one


SPEAKING = "said|says|told|argued|contended|stated|wrote"
SAID_BEFORE = re.compile(rf"\b(?:{SPEAKING})\s+\Z")  # "said Morrissey"
SAID_AFTER = re.compile(rf"\s+(?:{SPEAKING})\b")  # "Morrissey said"
OPENING_QUOTE = ("“", '"')


def speaker(text: str, start: int, end: int, pronoun: bool = False) -> bool:
    """Whether the span is whom a sentence attributes words to: "said Morrissey", "Morrissey said", "she
    said"; but in "said she was not concerned" she is the one reported on."""
    before = not pronoun and SAID_BEFORE.search(text, max(0, start - 8), start)
    return bool(before or SAID_AFTER.match(text, end, end + 8))


def continued_quote_speakers(sentence, previous, text: str, people: frozenset[str]) -> list[Span]:
    """For "who said ...": a sentence that is all quote, with no one named as saying it, goes on with the words
    of whom the sentence before quotes ("... ,” the judge said at a hearing. “The probative value is ..."). The
    span is the quote, which the question's words are matched in; the answer is that speaker."""
    piece = text[sentence.start : sentence.end]
    if previous is None or not piece.startswith(OPENING_QUOTE) or SAID_AFTER.search(piece):
        return []
    if not text[previous.start : previous.end].rstrip().endswith((".", "!", "?")):
        return []  # the sentence before must end on its own, not on the quote it opened
    speakers = [
        m
        for m in [*entities(previous, text, people), *previous.chunks]
        if (m.label == "PERSON" or names_people(m.label)) and speaker(text, m.start, m.end)
    ]
    return [Span(sentence.start, sentence.end, 1.0, m, refers_to=m) for m in speakers[:1]]


RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
BEFORE_RELATIVE = re.compile(r"\s*(?:,|—|–|--)?\s*")
RELATIVE_WEIGHT = 0.75  # the phrase a "which" or "who" stands for: a guess, if a good one


def relative_antecedents(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """Who or what a relative pronoun stands for where it is the subject of the question's verb: the phrase
    right before it, if that names people or a body ("the Los Angeles County District Attorney’s Office —
    which is tasked with enforcing the subpoena"). The span is the pronoun, whose verb is what the question
    asks about; the answer is the phrase."""
    spans = []
    for pronoun in sentence.chunks:
        if pronoun.label not in RELATIVE_PRONOUNS or stem(pronoun.governor) not in analysis.terms:
            continue
        if pronoun.role != ("nsubjpass" if analysis.asks_object else "nsubj"):
            continue  # "Who was tasked?": "which is tasked"; "Who did the bureau blame?": not "which blamed"
        before = [
            m
            for m in [*sentence.chunks, *sentence.entities]
            if m.end <= pronoun.start
            and BEFORE_RELATIVE.fullmatch(text, m.end, pronoun.start)
            and (m.label in ("PERSON", "ORG") or names_people(m.label))
        ]
        if before:
            antecedent = max(before, key=lambda m: m.end - m.start)
            spans.append(Span(pronoun.start, pronoun.end, RELATIVE_WEIGHT, pronoun, refers_to=antecedent))
    return spans


def plural_antecedents(sentence, previous, text: str) -> list[Span]:
    """Whom a sentence's subject "they" stands for: the group the sentence before names as its subject, with
    the names set beside it ("Baldwin’s attorneys, Alex Spiro and Luke Nikas welcomed the outcome. ...,” they
    said"). The span is the pronoun; the answer is the group."""
    they = [m for m in sentence.chunks if m.label == "they" and m.role in SUBJECT_ROLES]
    if not they or previous is None:
        return []
    groups = [
        m
        for m in previous.chunks
        if m.role in SUBJECT_ROLES and names_people(m.label) and m.label.endswith("s") and not m.label.endswith("ss")
    ]
    if not groups:
        return []
    group = groups[0]
    return [Span(m.start, m.end, PRONOUN_WEIGHT, m, refers_to=group) for m in they]


OWNER_BESIDE = 1.25


def owners_named_beside(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """For "Who runs / owns X?", the owner a phrase beside X's name gives: "Kennedy" in "Kennedy’s company,
    Moxie Films,"."""
    spans = []
    for named in named_entities(analysis, sentence, text):
        for chunk in sentence.chunks:
            if not closed_apposition(text, named, chunk):
                continue
            spans += [  # the phrase says what the question's verb would: who owns it
                Span(m.start, m.end, OWNER_BESIDE, replace(m, label="PERSON"))
                for m in sentence.entities
                if m.role == "poss" and chunk.start <= m.start and m.end < chunk.end
            ]
    return spans


def is_person(text: str, mention: Mention, people: frozenset[str]) -> bool:
    """Whether every word of a mention is a word of some person's name in the article."""
    words = [w.lower().removesuffix("'s").removesuffix("’s") for w in WORD.findall(text, mention.start, mention.end)]
    return bool(words) and all(w in people for w in words)


def years_asked(analysis: QuestionAnalysis, mention: Mention, text: str) -> bool:
    """A number the tagger calls CARDINAL that is a year ("began in 911") answers "when" too."""
    return (
        mention.label == "CARDINAL"
        and "DATE" in analysis.expected
        and analysis.kind != "how_long"
        and names_a_year(text, mention.start, mention.end)
    )


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
            approximate = APPROXIMATE.search(text, mention.start, number.start())
            start = approximate.start() if approximate else number.start()
            spans.append(Span(start, number.end(), counts_asked(analysis, text, number.end()), mention))
    for single in SINGLE.finditer(text, sentence.start, sentence.end):
        if counts_asked(analysis, text, single.end()) == 1.0:
            spans.append(Span(single.start(), single.end(), 0.9))
    return spans


# a count with no number, which no tagger calls one: "a single felony count", "several blows"
SINGLE = re.compile(r"\ba (?:single|sole|lone)\b|\b(?:several|numerous|a few|a handful of)\b", re.IGNORECASE)


# Words that make a count approximate, part of what it says: "more than two dozen motions".
APPROXIMATE = re.compile(
    r"\b(?:more than|less than|fewer than|at least|at most|up to|nearly|almost|about|around|roughly|over|some)\s+\Z",
    re.IGNORECASE,
)
COUNTED = re.compile(r"[\s-]*([\w’']+)(?:\s+([\w’']+))?(?:\s+([\w’']+))?")
UNCOUNTED = 0.4


def counts_asked(analysis: QuestionAnalysis, text: str, end: int) -> float:
    """How sure a number counts what the question asks about: one of the words after it must be one the
    question uses ("three-time Emmy winner" for "How many Emmy awards", not for "How many episodes")."""
    counted = COUNTED.match(text, end)
    words = {stem(w.lower()) for w in counted.groups() if w} if counted else set()
    wanted = set(analysis.terms) | ({focus_stem(analysis)} if analysis.focus else set())
    return 1.0 if words & wanted else UNCOUNTED


def trim_question_words(span: Span, tokens, question_terms: set[str]) -> Span:
    """Drop question words at the edges of an entity: "last 10 days" answers "how long ... last?"."""
    inside = [t for t in tokens if t[0] < span.end and t[1] > span.start]
    if not inside or not (edge_term(inside) in question_terms or edge_term(inside[::-1]) in question_terms):
        return span
    while inside and inside[0][2] in question_terms:
        inside.pop(0)
    timed = span.mention is not None and span.mention.label in ("DATE", "TIME")
    if timed and inside and not inside[0][2] and edge_term(inside) in question_terms - ORDINAL_TERMS:
        while inside and (inside[0][2] in question_terms or not inside[0][2]):
            inside.pop(0)  # and the article before: "an interview| last year"; not "the first| half of ..."
    while inside and (inside[-1][2] in question_terms or not inside[-1][2]):
        inside.pop()  # and the words that led to them: "the first half of| the 10th century"
    if not inside:
        return Span(span.start, span.start, span.weight, span.mention)
    return Span(max(span.start, inside[0][0]), min(span.end, inside[-1][1]), span.weight, span.mention)


ORDINAL_TERMS = frozenset(stem(w) for w in "first second third fourth fifth last final next".split())


def edge_term(tokens) -> str | None:
    """The first content word of `tokens`."""
    return next((t for *_, t in tokens if t), None)


DIRECT_OBJECT = 1.2
OTHER_SUBJECT = 0.85
ARGUMENT_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "agent", "pobj", "attr", "dative"})


FULL_ROLE = 1.3


def thing_before_person(mention: Mention, token: tuple[int, int, str], text: str) -> bool:
    """Whether a person's name follows a word for a thing, not for a role: "a prop gun Baldwin was holding"
    (where "director Joel Souza" is a role and its person)."""
    word = text[token[0] : token[1]]
    return mention.label == "PERSON" and word.islower() and not (names_people(word) or is_agent_noun(word))


def syntax_weight(
    analysis: QuestionAnalysis,
    mention: Mention | None,
    tokens,
    span_tokens: list[int],
    focus: str | None,
    text: str = "",
) -> float:
    """Favour a span that plays the asked role: the subject of "who loaded", the name after "judge"."""
    if mention is None:
        return 1.0
    weight = 1.0
    question_terms = set(analysis.terms)
    if mention.role in ARGUMENT_ROLES and stem(mention.governor) in question_terms:
        weight *= 1.15
        # "What did prosecutors withdraw?": "withdrew a misdemeanor plea deal"; "Who was killed?": "killing Hutchins"
        object_asked = analysis.asks_object and analysis.kind == "who" and not analysis.stranded_after
        if (analysis.asks_direct_object or object_asked) and mention.role == "dobj":
            weight *= DIRECT_OBJECT if stem(mention.governor) not in analysis.purposes else 1.0
    elif analysis.asks_object and analysis.kind == "who" and mention.role in ("nsubj", "nsubjpass"):
        weight *= OTHER_SUBJECT  # "Who was killed?": not whoever a headline says was cleared
    if analysis.kind == "how_long" and stem(mention.governor) not in question_terms:
        weight *= 0.6  # "how long did the trial last": an "18-month sentence" measures something else
    elif analysis.asks_subject and does_next(analysis, tokens, span_tokens, text):
        weight *= 1.15  # "Who presided over the trial?": "the judge presiding over his trial"
    if analysis.asks_subject:
        by = done_by(analysis, tokens, span_tokens, text) and not POSSESSIVE.match(text, mention.end)  # "family"
        doer = mention.role in ("nsubj", "agent") or by
        weight *= 1.2 if doer else 0.9 if mention.role in ("dobj", "pobj") else 1.0
    elif analysis.asks_object and mention.role == "agent":
        weight *= 0.7  # "who was hired": not whoever did the hiring ("hired by the producers")
    before = span_tokens[0] - 1 if span_tokens else -1
    if before >= 0 and focus and tokens[before][2] == focus:
        weight *= 1.5  # the asked-for role just before a name: "Judge Mary Marlowe Sommer"
        if analysis.focus_modifier and before > 0 and tokens[before - 1][2] == analysis.focus_modifier:
            weight *= FULL_ROLE  # all of it: "assistant director Dave Halls", not "director Joel Souza"
    elif before >= 0 and tokens[before][2] in question_terms and not thing_before_person(mention, tokens[before], text):
        weight *= 1.2
    elif analysis.asks_object and any(0 < span_tokens[0] - i <= 3 for i in anchors(tokens, question_terms)):
        weight *= 1.1  # "wounding director Joel Souza" answers "who was wounded"
    return weight


def does_next(analysis: QuestionAnalysis, tokens, span_tokens: list[int], text: str) -> bool:
    """Whether the question's verb follows a span as a participle that it does: "the judge presiding over"."""
    after = span_tokens[-1] + 1 if span_tokens else len(tokens)
    if after >= len(tokens) or tokens[after][2] != analysis.verb:
        return False
    return text[tokens[after][0] : tokens[after][1]].endswith("ing")


def done_by(analysis: QuestionAnalysis, tokens, span_tokens: list[int], text: str) -> bool:
    """Whether a span follows the question's verb, or its noun, and "by" or "from": "an investigation from the
    New Mexico Occupational Health and Safety Bureau" for "Which agency investigated ...?"."""
    first = span_tokens[0] if span_tokens else 0
    if first < 2 or tokens[first - 2][2] != analysis.verb:
        return False
    return text[tokens[first - 1][0] : tokens[first - 1][1]].lower() in ("by", "from")


def anchors(tokens, question_terms: set[str]) -> list[int]:
    """Positions of the sentence's words that the question also uses."""
    return [i for i, (_, _, t) in enumerate(tokens) if t and t in question_terms]


def placed(text: str, mention: Mention) -> bool:
    """Whether a preposition of place leads to a mention: "in New Mexico", "in the city of Deabolis", "in
    Santa Fe's First Judicial District Court"."""
    return bool(PLACED.search(text, max(0, mention.start - 40), mention.start))


def label_weight(analysis: QuestionAnalysis, mention: Mention, text: str) -> float:
    """How well an entity's type fits: people answer "who" best, a calendar date "when" better than "last fall"."""
    if analysis.kind == "who":
        return 1.0 if mention.label == "PERSON" else 0.75
    if analysis.kind in ("how_many", "how_much") and mention.label == "CARDINAL":
        return 0.85
    if analysis.kind == "how_long" and mention.label in ("DATE", "TIME"):
        # "how long" asks for a stretch of time: "10 days", not "Tuesday" or "last year"
        return 1.0 if DURATION_WORDS.search(text[mention.start : mention.end]) else 0.4
    if (analysis.kind == "when" or analysis.focus in ("date", "day")) and DURATION.search(
        text[mention.start : mention.end]
    ):
        # "when" asks for a point in time: "18-month" is none, "more than a year after the shooting" is one,
        # but not for when the shooting itself happened
        relative = RELATIVE.match(text, mention.end)
        return 1.0 if relative and not counted_from_asked(analysis, text, relative.end()) else 0.3
    if analysis.kind == "where" and mention.label == "ORG" and not placed(text, mention):
        return 0.6  # "Where is the lawsuit pursued?": not "Rust" in "against Rust producers in New Mexico"
    if analysis.focus in REGIONS and mention.label in ("GPE", "ORG") and REGION_AFTER.match(text, mention.end):
        return 0.6  # "Which state?": the place after the comma, not the city before it ("Santa Fe, N.M.")
    if (
        analysis.focus in TOWNS
        and mention.label in ("GPE", "ORG")
        and TOWN_BEFORE.search(text, max(0, mention.start - 40), mention.start)
    ):
        return 0.6  # "Which city?": the place before the comma, not the state after it ("Santa Fe, NM")
    if analysis.focus in ("year", "years") and mention.label == "DATE":
        return 1.0 if YEAR_GIVEN.search(text[mention.start : mention.end]) else 0.3  # "in what year": not "July"
    if analysis.focus in ("month", "months") and mention.label == "DATE":
        given = text[mention.start : mention.end]
        if analysis.asks_year and not YEAR_GIVEN.search(given):
            return 0.5  # "In what month and year ...?": not "July" alone
        return 1.0 if MONTH_GIVEN.search(given) else 0.3  # "which month": not "2021"
    if analysis.focus == "day" and mention.label == "DATE":
        return 1.0 if DAY_GIVEN.search(text[mention.start : mention.end]) else 0.3  # "what day": not "March"
    if mention.label == "DATE" and not SPECIFIC_DATE.search(text[mention.start : mention.end]):
        if analysis.focus in ("date", "day"):
            return 0.3  # "on what date": "more than a year" does not say
        return 0.6 if analysis.kind in ("when", "which") else 0.9  # "more than a year" is no date
    return 1.0


DURATION = re.compile(  # "18-month", "10 days", "more than a year"; not "last year" or "the day"
    r"^(?:up to |more than |nearly |about |over |almost )?(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine"
    r"|ten|eleven|twelve|several|a few)[- ](?:second|minute|hour|day|week|month|year|decade)s?(?: long)?$",
    re.IGNORECASE,
)
DURATION_WORDS = re.compile(
    r"\b(?:second|minute|hour|day|week|fortnight|month|year|decade|century)s?\b|\d+-(?:day|week|month|year)",
    re.IGNORECASE,
)
REGIONS = frozenset("state states country countries province region".split())
REGION_AFTER = re.compile(r",\s*[A-Z]")
TOWNS = frozenset("city cities town towns village villages".split())
TOWN_BEFORE = re.compile(r"[A-Z][\w.]*,\s*\Z")
RELATIVE = re.compile(r"\s*(?:after|before|later|earlier|ago)\b")
MONTH = rf"\b(?:{'|'.join(month[:3] for month in MONTH_NAMES)})[a-z]*\b"  # "Oct.", "October"
MONTH_GIVEN = re.compile(MONTH, re.IGNORECASE)
YEAR_GIVEN = re.compile(r"\b\d{4}s?\b")  # "in what year" is answered by one: not "July", nor "last year"
WEEKDAY = r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
DAY_GIVEN = re.compile(rf"{WEEKDAY}|{MONTH}\.?\s+\d|\b\d+\s+{MONTH}|\b(?:today|yesterday|tomorrow)\b", re.IGNORECASE)
SPECIFIC_DATE = re.compile(rf"\d|{MONTH}|{WEEKDAY}", re.IGNORECASE)


MODIFIER_WORD = re.compile(r"[\w’'-]+")  # "behind-the-scenes" is one modifier


def modifiers(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """What sets apart a thing the question names: "What kind of arches?" is answered by "rounded" in
    "rounded arches", "What is the Norman architecture idiom?" by "Romanesque" in "a unique Romanesque idiom"."""
    spans = []
    for chunk in sentence.chunks:
        found = named_noun_in(analysis, chunk, text)
        if found is None:
            continue
        head, noun = found
        if not re.search(rf"\b{re.escape(noun.rstrip('s'))}", analysis.text, re.IGNORECASE):
            continue  # as a noun: "findings" is not what "What did the investigation find?" names
        words = [m for m in MODIFIER_WORD.finditer(text, chunk.start, head) if m.group().lower() not in STOPWORDS]
        while words and stem(words[-1].group().lower()) in analysis.terms:
            words.pop()  # "What kind of plea deal?": "misdemeanor", not "misdemeanor plea"
        if words and not POSSESSIVE_WORD.search(words[-1].group()):  # "Baldwin's gun" says whose, not what kind
            end = words[-1].end()
            if text.count("“", words[0].start(), end) > text.count("”", words[0].start(), end):
                end = text.find("”", end, head) + 1 or end  # the closing quote of "inert “dummy”"
            if kind_asked(analysis, noun):  # the kind with the noun, not the article: "unpublished material"
                end, weight = head + 1 + len(noun), KIND_ASKED
            else:
                weight = 0.7
            mention = Mention(words[0].start(), end, noun, chunk.role, chunk.governor)
            spans.append(Span(mention.start, mention.end, weight, mention, linked=True))
    return spans


def kind_asked(analysis: QuestionAnalysis, noun: str) -> bool:
    """Whether the question asks what kind of `noun` it is: "What kind of material ...?" for "material"; not
    for a noun that names a type ("What type of gun?"), where a make may answer."""
    return not analysis.focus and analysis.kind_of == stem(noun.lower())


KIND_ASKED = 0.85  # "unpublished" in "unpublished material", for "What kind of material ...?"


def named_noun_in(analysis: QuestionAnalysis, chunk: Mention, text: str) -> tuple[int, str] | None:
    """Where the common noun a phrase is about starts (the space before it) and the noun, if the question
    names it: the phrase's last word ("rounded arches"), or the word before a name that ends the phrase
    ("the Western film “Rust”")."""
    head = text.rfind(" ", chunk.start, chunk.end)
    if head < 0:
        return None
    if text[head + 1 : chunk.end] == chunk.label and stem(chunk.label) in analysis.terms:
        return head, chunk.label
    before = text.rfind(" ", chunk.start, head)
    noun = text[before + 1 : head]
    named_after = text[head + 1 : chunk.end].lstrip('“"‘')[:1].isupper()
    if before >= 0 and named_after and noun.isalpha() and noun.islower() and stem(noun) in analysis.terms:
        return before, noun
    return None


def adjacent_pairs(spans: list[Span], text: str, between: re.Pattern):
    """Each two spans that come one after the other with only `between` between them."""
    ordered = sorted((s for s in spans if s.mention), key=lambda s: (s.start, -s.end))
    for left, right in zip(ordered, ordered[1:], strict=False):
        if between.fullmatch(text, left.end, right.start):
            yield left, right


LISTED = re.compile(r",? (and |& )?|, ")
CONJOINED = re.compile(r",? and ")


def coordinated(spans: list[Span], text: str) -> list[Span]:
    """For a plural question ("which lawyers"), also offer names joined by "and": "Alex Spiro and Luke Nikas"."""
    return spans + [
        Span(left.start, right.end, max(left.weight, right.weight) * 1.05, left.mention)
        for left, right in adjacent_pairs(spans, text, LISTED)
        if left.mention.label == right.mention.label
    ]


def conjoined(spans: list[Span], text: str, asked_names: tuple[frozenset[str], ...] = ()) -> list[Span]:
    """Two answers joined by "and" in one role of one verb made one, in place of each: "Baldwin’s lawyers and
    Moxie Films have each denied ...", "a civil lawsuit against Baldwin and Rust producers"; but not with a
    person the question names (`asked_names`), who is not its answer: "Who is Nikas's co-counsel?"."""
    joined, parts = [], set()
    for left, right in adjacent_pairs(spans, text, CONJOINED):
        if any(is_named(text, part, asked_names) for part in (left, right)):
            continue
        if left.mention.role and clause_place(left.mention) == clause_place(right.mention):
            joined.append(Span(left.start, right.end, max(left.weight, right.weight), left.mention))
            parts |= {(left.start, left.end), (right.start, right.end)}
    return [s for s in spans if (s.start, s.end) not in parts] + joined


def is_named(text: str, span: Span, names: tuple[frozenset[str], ...]) -> bool:
    """Whether a span's words are all words of one of `names` (stems): "Luke Nikas", "Nikas"."""
    words = {stem(w.lower()) for w in WORD.findall(text, span.start, span.end)}
    return bool(words) and any(words <= name for name in names)


def clause_place(mention: Mention) -> tuple[str, str]:
    """A phrase's role and the word it depends on: ("nsubj", "deny") for "Moxie Films have each denied"."""
    return mention.role, mention.governor


def subtypes(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """For "what (type / kind / model of) X did they V", the named thing that the question's verb acts on,
    though the sentence need not call it an X: "What gun did Baldwin fire?" is answered by "firing a Colt .45"."""
    spans = []
    for chunk in sentence.chunks:
        named = text[chunk.start : chunk.end].split()[-1][:1].isupper()  # a make or model has a name
        if named and chunk.role in ("dobj", "nsubjpass") and stem(chunk.governor) in analysis.terms:
            number = MODEL_NUMBER.match(text, chunk.end)
            spans.append(Span(chunk.start, number.end() if number else chunk.end, 0.7, chunk))
    return spans


OWNER_GIVEN = 1.4
ONE_OF = re.compile(r"\s*[,—–]\s*(?:one of|among)\s+")


def appositives(analysis: QuestionAnalysis, sentence, text: str, focus: str) -> list[Span]:
    """Names right after the focus noun: "Kennedy's company, Moxie Films," answers "which company"; and
    whatever dashes or brackets set after it: "key evidence—a cache of bullets—" answers "what evidence". A
    phrase that gives the owner the question names says so best: "Bohemond, Robert's son," for "Who was
    Robert's son?", more than "his son Duncan"."""
    spans = []
    for chunk in sentence.chunks:
        if stem(chunk.label) != focus:
            continue
        owned = analysis.focus_owned and any(name & terms_of(text, chunk) for name in analysis.names)
        weight = OWNER_GIVEN if owned else 1.0
        aside = ASIDE.match(text, chunk.end, sentence.end)
        if aside:
            spans.append(Span(aside.start(1), aside.end(1), weight, linked=True))
        for entity in sentence.entities:
            after, before = text[chunk.end : entity.start], text[entity.end : chunk.start]
            follows = entity.start >= chunk.end and len(after) <= 3 and not after.strip(" ,")
            # "Matthew Hutchins, her husband", "Dyrrachium—one of the most important naval bases"
            precedes = entity.end <= chunk.start and (before.strip() == "," or bool(ONE_OF.fullmatch(before)))
            # a person named right after a thing, with no comma, is the next clause's subject: "a prop gun Baldwin
            # was holding"
            subject_next = entity.label == "PERSON" and "," not in after and not names_people(chunk.label)
            if (follows or precedes) and entity.label not in ("DATE", "CARDINAL", "ORDINAL") and not subject_next:
                spans.append(Span(entity.start, entity.end, weight, entity, linked=True))
    return spans


# Where a clause's next verb or a relative clause starts: "convicted of involuntary manslaughter| and is
# serving ...", "met with multiple barriers| that have compromised ..."
NEXT_CLAUSE = re.compile(
    r"\s+(?:(?:and|but|or)\s+(?:is|was|are|were|has|have|had|will|would|can|could|did|does)|that|which|who|as to)\b"
    r"|\s+(?:and|but)\s+(?:also\s+|then\s+)?\w+ed\b"  # "sat for multiple interviews| and also agreed to ..."
    # a clause of time or reason: "recklessness and criminal negligence| after firing a Colt .45"
    rf"|\s+(?:{SUBORDINATORS}|though)\s+(?:\w+ing|he|she|it|they|we)\b"
)  # ... "so near to bad faith| as to show signs of scorching"


WORD_THEN_CLAUSE = re.compile(rf"\b(\w+)[”\"’]?\s+(\w+){CLAUSE_TEXT}*")


def stranded_objects(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """For a question that ends in a preposition, what follows that word and preposition in the sentence, up
    to the clause's end: "What does it protect Baldwin from?": "shields Baldwin from being retried"."""
    if not analysis.stranded_after:
        return []
    spans = []  # "<word> <preposition> <the rest of the clause>"
    # the word may close a quote: "“keenly aware” of his safety obligations"
    prepositions = "|".join(same_prepositions(analysis.preposition))
    pattern = re.compile(rf"\b(\w+)[”\"’]?\s+(?:{prepositions})\s+({CLAUSE_TEXT}+)", re.IGNORECASE)
    for match in pattern.finditer(text, sentence.start, sentence.end):
        if stem(match.group(1).lower()) != analysis.stranded_after:
            continue
        clause = NEXT_CLAUSE.search(text, match.start(2), match.end(2))
        end = clause.start() if clause else match.end(2)
        if analysis.stranded_until:  # "accused of after the shooting?": "of recklessness | after firing ..."
            end = before_asked_phrase(analysis, text, match.start(2), end)
        if len(text[match.start(2) : end].split()) <= 16:
            spans.append(Span(match.start(2), trailing_space_dropped(text, match.start(2), end), 0.8))
    if not spans:  # "What was he unaware of?": "unaware it contained a live round", a clause with no "of"
        for match in WORD_THEN_CLAUSE.finditer(text, sentence.start, sentence.end):
            if stem(match.group(1).lower()) == analysis.stranded_after and match.group(2).lower() not in PREPOSITIONS:
                clause = NEXT_CLAUSE.search(text, match.start(2), match.end())
                end = clause.start() if clause else match.end()
                if 2 <= len(text[match.start(2) : end].split()) <= 16:
                    spans.append(Span(match.start(2), trailing_space_dropped(text, match.start(2), end), 0.75))
    return spans


REPORTED_SUBJECT = 0.8
SUBJECT_REACH = 5  # words after a subject in which what the question says of it must come


def reported_subjects(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """The subjects of which a sentence says what the question does, within a few words: "The probative value |
    is not substantially outweighed" for "What did the judge say was not outweighed ...?"."""
    spans = []
    for chunk in sentence.chunks:
        if chunk.role in ("nsubj", "nsubjpass"):
            after = [t for *_, t in word_spans(text[chunk.end : sentence.end])[:SUBJECT_REACH]]
            if analysis.reported_predicate in after:
                spans.append(Span(chunk.start, chunk.end, REPORTED_SUBJECT, chunk))
    return spans


def stranded_people(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """For "Who is the lawsuit against?" (or "Against whom is the lawsuit?"), the noun phrase right after the
    question's word and preposition, whatever the tagger made of its names: "a civil lawsuit against | Baldwin
    and Rust producers"."""
    spans = []
    words = {analysis.stranded_after} if analysis.stranded_after else set(analysis.terms)
    pattern = re.compile(rf"\b(\w+)\s+{re.escape(analysis.preposition or '')}\s+\Z", re.IGNORECASE)
    for chunk in sentence.chunks:
        before = pattern.search(text, max(sentence.start, chunk.start - 40), chunk.start)
        if before and stem(before.group(1).lower()) in words:
            spans.append(Span(chunk.start, chunk.end, STRANDED_PERSON, chunk))
    return spans


STRANDED_PERSON = 0.9


TOPIC_PREPOSITIONS = ("about", "on", "over", "regarding", "concerning")  # "debates about" is "debates on"


def same_prepositions(preposition: str) -> tuple[str, ...]:
    """A preposition with those that say the same after a noun of talk: "about", "on", "over" a topic."""
    return TOPIC_PREPOSITIONS if preposition in TOPIC_PREPOSITIONS else (preposition,)


def before_asked_phrase(analysis: QuestionAnalysis, text: str, start: int, end: int) -> int:
    """Where a stranded object ends, when the question goes on after its preposition: before the same
    preposition, or before the phrase that holds the question's next words ("accused of in connection with the
    Colt?": "of recklessness and criminal negligence | after firing a Colt .45")."""
    phrases = [m for m in PHRASE_START.finditer(text, start, end) if m.start() > start]
    for phrase in phrases:
        if phrase.group(1).lower() == analysis.stranded_until:
            return phrase.start()
    if not phrases:  # the clause has no phrase after its first words
        return end
    for phrase, until in zip(phrases, [p.start() for p in phrases[1:]] + [end], strict=True):
        words = text[phrase.end() : until]
        if any(t in analysis.terms for *_, t in word_spans(words) if t):
            return phrase.start()
    return end


PHRASE_START = re.compile(rf"\s+({'|'.join(sorted(PREPOSITIONS))})\b", re.IGNORECASE)


def capacities(sentence, text: str) -> list[Span]:
    """What someone serves as, for "what role / position / job": "named as an executive producer"."""
    return [
        Span(m.start, m.end, 0.9, m) for m in sentence.chunks if AS_BEFORE.search(text, max(0, m.start - 8), m.start)
    ]


def wordings(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """Someone's own words for something: what a sentence quotes, calls it "as", or deems it ("calling it
    “an impermissible fishing expedition”", "violations deemed “serious” but not willful")."""
    deemed = [Span(m.start, m.end, 0.85, m) for m in sentence.predicates if m.role == COMPLEMENT]
    shortest = 1 if analysis.focus in ("word", "term") else 2  # "What word did he yell?": "reload!"
    return quotations(sentence, text, shortest) + characterisations(sentence, text) + deemed


AS_PHRASE = re.compile(rf"\bas\s+({CLAUSE_TEXT}+)")


def characterisations(sentence, text: str) -> list[Span]:
    """What a sentence calls something in its own words, after "as": "criticized the investigation as
    incomplete and unreliable" answers "How did the prosecution describe the investigation?"."""
    found = AS_PHRASE.finditer(text, sentence.start, sentence.end)
    return [
        Span(m.start(1), trailing_space_dropped(text, m.start(1), m.end(1)), 0.8)
        for m in found
        if len(m.group(1).split()) <= 8
    ]


def described_terms(analysis: QuestionAnalysis) -> set[str]:
    """The terms after the question's verb of wording, which name what is described: {decis} in "What do
    Baldwin's lawyers call the decision?"."""
    verb = next(i for i, t in enumerate(analysis.terms) if t in WORDING_VERBS)
    return set(analysis.terms[verb + 1 :])


def copula_attributes(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """What a sentence says the question's thing is: "the final vindication" in "Today’s decision…is the final
    vindication of ..." answers "What did they call the decision?"."""
    described = described_terms(analysis)
    subjects = [
        m for m in sentence.chunks if m.role == "nsubj" and m.governor == "be" and terms_of(text, m) & described
    ]
    # "What did they call the tragedy?": "this was an unspeakable tragedy", the thing itself with what it is called
    asked = set(analysis.terms)
    return [
        Span(m.start, m.end, COPULA_ATTRIBUTE, m, linked=stem(m.label) in described)
        for m in sentence.chunks
        if m.role == "attr"
        and m.governor == "be"
        and (
            any(0 < m.start - s.end <= 40 for s in subjects)
            or (stem(m.label) in described and terms_of(text, m) - asked)
        )
    ]


COPULA_ATTRIBUTE = 1.0


def quote_end(text: str, start: int, limit: int) -> int | None:
    """Where the quotation that opens right before `start` closes, before `limit`: an object quoted whole is
    given whole ("“critical pieces of information concerning ... prosecution.”")."""
    if start == 0 or text[start - 1] not in '“"':
        return None
    close = QUOTE_CLOSE.search(text, start, limit)
    return close.start() if close else None


def quotations(sentence, text: str, shortest: int = 2) -> list[Span]:
    """The quoted words of a sentence, `shortest` words or more: "how did the judge describe it" is answered
    by what she called it."""
    quoted = QUOTED.finditer(text, sentence.start, sentence.end)
    return [Span(m.start(1), m.end(1), 0.9) for m in quoted if len(m.group(1).split()) >= shortest]


def reasons(analysis: QuestionAnalysis, sentence, text: str) -> list[Span]:
    """Each clause a sentence gives as a reason, from the word that gives it to the clause's end: "after it
    was revealed that crucial evidence had been withheld by the prosecution". A clause that repeats the
    question's words ("after being convicted in March for ...", asked why she was convicted) is seldom it."""
    spans = []
    for match in REASON.finditer(text, sentence.start, sentence.end):
        end = REASON_END.search(text, match.end(), sentence.end)
        stop = end.start() if end else sentence.end
        if match.start() > sentence.start and len(text[match.end() : stop].split()) >= 2:
            surely = match.group().lower() != "for" or FOR_A_DEED.match(text, match.start())
            weight = 0.8 if surely else 0.5
            if terms_of(text, Span(match.end(), stop, 0.0)) & set(analysis.terms):
                weight *= 0.8
            spans.append(Span(match.start(), stop, weight))
    # "paid a $100,000 fine to settle state safety regulation violations": what it was done for
    spans += [
        Span(p.start, p.end, PURPOSE, p) for p in sentence.predicates if p.role == "advcl" and TO.match(text, p.start)
    ]
    return spans


PURPOSE = 0.7
TO = re.compile(r"to\s")


def proximity(span_tokens: list[int], anchors: list[int]) -> float:
    """1.0 when the span touches a question word in the sentence, falling off with distance; half marks
    when the sentence shares no word with the question (a paraphrase), where position says nothing."""
    if not anchors:
        return 0.5
    if not span_tokens:
        return 0.0
    lo, hi = span_tokens[0], span_tokens[-1]
    distance = min(max(lo - a, a - hi, 0) for a in anchors)
    return 1.0 / (1.0 + distance / 4.0)
