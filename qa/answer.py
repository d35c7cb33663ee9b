"""The answerer: pick the exact span that answers a question from retrieved sentences, or abstain."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

import numpy as np

from qa.candidates import (
    SUPPORT_COVERAGE,
    Candidate,
    Group,
    confidence,
    group_candidates,
    group_score,
    name_stems,
    same_answer,
    well_supported,
)
from qa.index import Index
from qa.nlp import CLAUSE
from qa.question import (
    FOCUS_TYPES,
    FUTURE_SAID,
    NEGATED_WORD,
    ORDINAL_WORD,
    ORG,
    PERSON,
    POSSESSIVE_MARK,
    PREPOSITIONS,
    SAYING_VERBS,
    SPEAKS,
    QuestionAnalysis,
    analyse_question,
    clean_question,
    focus_stem,
    focus_types,
)
from qa.retrieve import Hit, Retriever
from qa.spans import (
    CAPITAL,
    GROUP_NOUNS,
    NUMERIC,
    POSSESSIVE,
    WORDING_VERBS,
    Span,
    anchors,
    person_roles,
    proximity,
    same_prepositions,
    spans_for,
    speaker,
    syntax_weight,
    trim_question_words,
)
from qa.store import PassageStore, Sentence
from qa.temporal import contradicts, time_spans
from qa.text import STOPWORDS, WORD, answer_key, stem, word_spans

DOER_NOT_ASKED = 0.7  # the subject of the verb a "Who did X VERB?" question asks the object of
OTHER_ROLE = 0.4  # a person the articles call something else than the asked role
ASKED_ABOUT = 0.5  # a person the question names by role ("the cinematographer")
ROLE_MENTION = re.compile(r"(\b(?:his|her|their|its)\s+|['’]s\s+)?\b([A-Za-z]+)\b")
GENERIC_PEOPLE = frozenset("person people man men woman women member members official officials leader".split())
SUPPORT_DEPTH = 20  # passages searched for further articles that agree
MAX_CITATIONS = 3
DANGLING = 0.5  # a span that ends in a preposition, its object left out
# How a sentence's relevance is weighed: shared words (IDF-weighted), meaning (the cosine of question and
# sentence vectors, mapped from [floor, floor + span] to [0, 1]) and the passage's retrieval rank.
W_COVERAGE, W_SEMANTIC, W_RETRIEVAL = 0.45, 0.35, 0.20
SEMANTIC_FLOOR, SEMANTIC_SPAN = 0.2, 0.5
OTHER_TIME = 0.3  # a sentence about another year or century than the question's barely counts
# "Which outlet published the story ...?": the lines in which an article names its publisher
PUBLISHER_NOUNS = frozenset("publication outlet magazine newspaper paper network site publisher".split())
ABOUT_AN_ARTICLE = re.compile(r"\b(?:story|article|report|piece)\b", re.IGNORECASE)
# the question's words for publishing an article, which the article itself need not say
PUBLISHED = re.compile(r"(?:publish\w*|ran|run|report\w*|carri\w*|wrote|write\w*|stori|articl\w*|piec\w*)")
PUBLISHER_LINE = re.compile(
    r"^(?:More from|Best of)\s+(?P<name>[A-Z][\w ]*?)\s*$"
    r"|Sign up for (?P<owner>[A-Z][\w ]*?)['’]s? Newsletter"
    r"|GET THE (?P<app>[A-Z][A-Z ]*?) APP",
    re.MULTILINE,
)
PUBLISHER = 0.7  # the article's own publisher line, weighed by how well the article matches the question
NOT_FUTURE = 0.8  # a sentence that says nothing of what is to come, for a question that asks of it
NO_ORDINAL = 0.8  # a sentence that puts nothing in order, for a question that asks which comes first
NOT_NEGATED = 0.85  # a sentence with no "not" for a question with one
SAME_PHRASE = 1.05  # a sentence with a phrase of the question's: its preposition and next two words
# A sentence that does not name the question's subject, though its passage does (often "he" or "she"), or
# that is far from any mention of it.
NAME_NEARBY, NAME_ABSENT = 0.9, 0.7
# "Who directed The Crow?": a passage that never uses the verb "who" does tells of no one doing it.
VERB_ABSENT = 0.9
# "What did X say Y did?": what X is said to say, what someone else is, and what no one is said to say
SAID_BY_SPEAKER, SAID_BY_OTHER, SAID_BY_NONE = 1.2, 0.85, 0.9
QUOTED_FROM_ANOTHER = 0.7  # words quoted as someone else's than the question's speaker
NOTHING_SAID = 0.7  # ... where the question asks for all that was said ("What did Halls tell investigators?")
SAID_MARK = re.compile(rf"{SPEAKS.pattern}|[“”\"]", re.IGNORECASE)
OWNED_NOUN = re.compile(rf"\b([A-Z][\w-]*){POSSESSIVE_MARK}\s+(\w+)")  # "Baldwin’s attorneys"
ANOTHER_OWNER = 0.6
UNNAMED_SPEAKERS = frozenset({"he", "she", "they", "it", "who", "which", "that"})
EVENT_ABSENT = 0.8  # a passage without the question's event word (`QuestionAnalysis.event_word`)
ONLY_EXPECTED = 0.8  # for a question about the past, a sentence in which its verb only may happen
MODAL_VERB = re.compile(r"\b(?:may|might|will|would|could|can|should)\s+(?:not\s+|also\s+|likely\s+)?(\w+)", re.I)
BODY_NOUNS = frozenset(stem(noun) for noun, labels in FOCUS_TYPES.items() if labels == ORG)  # "foundation"
BODY_FOR_PERSON = 0.6  # an organisation, for a question that asks for a person by role ("which lawyer")
RESTATED = 0.6  # a span that names what the question is about (`restates_question`)
RESTATED_PERSON = 0.3  # ... a person the question names, for a question that asks for a person
PARTLY_NAMED = 0.9  # a sentence that gives one of the question's names but not another
OWNER_NEARBY = 0.8  # a sentence whose passage, not itself, gives the owner a question names: "the armorer's"
OWNER_OF_ASKED = 0.7  # for "who", the owner of a thing the question names
AFTER_PREPOSITION = 1.3  # a span right after the preposition that leads the question
POSSESSOR = 1.3  # a possessor ("Baldwin's") when the question asks "whose"
OTHER_POSSESSION = 0.8  # ... a possessor of something else than the question names
# Verbs that say little on their own ("who was given a credit", "who put the bullet"): an article words the
# same event with another verb, so missing them should cost a sentence little. So with "say": an article
# quotes someone with "said" (a stop word, never matched), "told", "according to" or a colon.
LIGHT_VERBS = frozenset(stem(w) for w in "give put keep take make go come bring carry say".split())
LIGHT_VERB = 0.3
SPEAKER = 1.3  # the name a quote is attributed to, when the question asks who said it
QUOTE_CLOSE = re.compile(r"[!?]?”")
YEAR = re.compile(r"\d{4}")
PERSONAL_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
CAPITALISED_WORDS = re.compile(r"[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)+")  # "Halyna Hutchins", "Mary Marlowe Sommer"


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
    # The question as it was searched, where it names someone it gave by role: "How many Emmys has the actor
    # Alec Baldwin won?"
    read_as: str | None = None


class Answerer:
    """Retrieval plus templates: find passages, choose the span, say it with its citations."""

    def __init__(self, index: Index, retriever: Retriever, top_k: int = 8) -> None:
        self.index = index
        self.store: PassageStore = index.store
        self.retriever = retriever
        self.top_k = top_k
        self.idf = index.lexical.idf
        self.tokens: dict[int, list[tuple[int, int, str]]] = {}
        self.names: dict[int, frozenset[str]] = {}
        self.role_words: dict[int, dict[str, set[str]]] = {}
        self.role_names: dict[int, list[tuple[str, str]]] = {}
        self.places: dict[int, frozenset[str]] = {}
        self.term_articles: dict[str, set[int]] = {}
        self.indefinite: dict[int, set[str]] = {}
        self.ranges: list[tuple[int, int]] | None = None

    def sentence_tokens(self, index: int) -> list[tuple[int, int, str]]:
        """The words of sentence `index` with document offsets and stems, computed once per sentence."""
        if index not in self.tokens:
            sentence = self.store.sentences[index]
            text = self.store.documents[sentence.doc_index].text[sentence.start : sentence.end]
            self.tokens[index] = [(s + sentence.start, e + sentence.start, t) for s, e, t in word_spans(text)]
        return self.tokens[index]

    def doc_sentences(self, doc_index: int) -> list:
        """The sentences of article `doc_index` (the articles' sentence ranges are read once)."""
        if self.ranges is None:
            self.ranges = self.store.sentence_ranges()
        lo, hi = self.ranges[doc_index]
        return self.store.sentences[lo:hi]

    def people(self, doc_index: int) -> frozenset[str]:
        """The words of the names article `doc_index` tags as people more often than as anything else, a full
        name counting twice, made once ("Normandy" in "Richard of Normandy" is a place: the words after "of"
        do not count)."""
        if doc_index not in self.names:
            text, votes = self.store.documents[doc_index].text, Counter()
            for sentence in self.doc_sentences(doc_index):
                for m in sentence.entities:
                    name = WORD.findall(text[m.start : m.end].split(" of ")[0])
                    for word in name:
                        if word.lower() not in STOPWORDS and len(word) > 1:
                            # a full name tagged a person outweighs the surname alone tagged otherwise
                            votes[word.lower()] += (1 + (len(name) > 1)) if m.label == "PERSON" else -1
            self.names[doc_index] = frozenset(word for word, vote in votes.items() if vote > 0)
        return self.names[doc_index]

    def place_names(self, doc_indexes: set[int]) -> frozenset[str]:
        """The names articles `doc_indexes` tag as places anywhere (each article's are read once)."""
        for doc_index in doc_indexes - self.places.keys():
            text = self.store.documents[doc_index].text
            self.places[doc_index] = frozenset(
                text[m.start : m.end]
                for sentence in self.doc_sentences(doc_index)
                for m in sentence.entities
                if m.label in PLACE_LABELS
            )
        return frozenset().union(*(self.places[d] for d in doc_indexes))

    def roles(self, doc_index: int) -> dict[str, set[str]]:
        """What article `doc_index` calls its people, by the stem of each word of their names: "souza" ->
        {"director"}."""
        if doc_index not in self.role_words:
            found = defaultdict(set)
            for role, name in self.person_role_names(doc_index):
                for word in WORD.findall(name):
                    found[stem(word.lower())].add(role)
            self.role_words[doc_index] = found
        return self.role_words[doc_index]

    def hit_documents(self, hits: list[Hit]) -> set[int]:
        """The articles the retrieved passages come from."""
        return {self.store.passage_document(hit.passage) for hit in hits}

    def person_role_names(self, doc_index: int) -> list[tuple[str, str]]:
        """(role stem, name as written) for each person article `doc_index` calls by a role, made once."""
        if doc_index not in self.role_names:
            text = self.store.documents[doc_index].text
            self.role_names[doc_index] = [
                (role, text[person.start : person.end])
                for sentence in self.doc_sentences(doc_index)
                for person, role in person_roles(sentence, text, self.people(doc_index))
            ]
        return self.role_names[doc_index]

    def names_by_role(self, docs: set[int]) -> dict[str, str]:
        """The one person the articles `docs` call by each role, where most of the role's named mentions name
        that person: "actor" -> "Alec Baldwin"; none for "prosecutor", which names Morrissey and Johnson."""
        mentions: dict[str, Counter] = defaultdict(Counter)  # role -> person (by place in `fullest`) -> mentions
        fullest: list[str] = []  # each person's fullest name: "Erlinda Johnson" is "Erlinda Ocampo Johnson"
        for doc_index in sorted(docs):
            for role, name in self.person_role_names(doc_index):
                words = set(answer_key(name).split())
                person = next((i for i, known in enumerate(fullest) if words <= set(answer_key(known).split())), None)
                if person is None:
                    person = next((i for i, k in enumerate(fullest) if set(answer_key(k).split()) < words), None)
                    if person is None:
                        person = len(fullest)
                        fullest.append(name)
                    fullest[person] = name
                mentions[role][person] += 1
        named = {}
        for role, counts in mentions.items():
            person, n = counts.most_common(1)[0]
            surname = stem(WORD.findall(fullest[person])[-1].lower())
            # an article that brings in one so called and never names the person means someone else: "A Los
            # Angeles judge"; but "the armorer’s connections" is the armorer the other articles name
            unnamed = self.articles_with(role) - self.articles_with(surname)
            if n >= ROLE_MAJORITY * counts.total() and not any(role in self.indefinite_roles(d) for d in unnamed):
                named[role] = fullest[person]
        return named

    def indefinite_roles(self, doc_index: int) -> set[str]:
        """The stems of the words article `doc_index` brings in with "a" or "an": "judge" in "A Los Angeles
        judge granted the motion"."""
        if doc_index not in self.indefinite:
            text = self.store.documents[doc_index].text
            self.indefinite[doc_index] = {
                term
                for start, _, term in word_spans(text)
                if term and INDEFINITE.search(text, max(0, start - 40), start)
            }
        return self.indefinite[doc_index]

    def articles_with(self, term: str) -> set[int]:
        """The articles in which `term` (a stem) occurs, looked up once per term."""
        if term not in self.term_articles:
            passages = self.store.passages
            postings = self.index.lexical.passages_with(term)
            self.term_articles[term] = {self.store.passage_document(passages[int(p)]) for p in postings}
        return self.term_articles[term]

    def surnames_of_others(self, analysis: QuestionAnalysis, doc_index: int) -> set[str]:
        """The last words of the question's names that article `doc_index` gives only without the rest of the
        name: an article that never says "Matthew" means someone else by "Hutchins"."""
        return {
            surname
            for surname, name in analysis.surnames
            if not any(doc_index in self.articles_with(word) for word in name - {surname})
        }

    def named_by_role(self, analysis: QuestionAnalysis, doc_index: int, terms: set[str]) -> set[str]:
        """The words of the question's names that a sentence of article `doc_index` gives by the role the
        article gives that person: "The judge ruled ..." names Sommer, where the article calls her judge."""
        if not analysis.names:
            return set()
        roles, asked = self.roles(doc_index), set(analysis.terms)  # "Tancred's nephew": not the nephew
        return {word for name in analysis.names for word in name if (roles.get(word, set()) - asked) & terms}

    def named_before(self, analysis: QuestionAnalysis, index: int, text: str, sentence: Sentence) -> set[str]:
        """The words of the question's names that "he" or "she" in sentence `index` stands for, where the
        sentence before names that person or gives the role the article gives them: "The judge barred
        discussion of ... However, she allowed a single reference to ...", unless a name comes first."""
        pronoun = analysis.names and PERSONAL_PRONOUN.search(text, sentence.start, sentence.end)
        before = self.previous(index) if pronoun else None
        if before is None or CAPITAL.search(text, text.find(" ", sentence.start), pronoun.start()):
            return set()  # "Ethelred fled to Normandy ..., when he was forced ...": he may be Ethelred
        terms = {t for *_, t in self.sentence_tokens(index - 1)}
        terms |= self.named_by_role(analysis, before.doc_index, terms)
        return {word for name in analysis.names if name & terms for word in name}

    def fit_roles(self, analysis: QuestionAnalysis, candidates: list[Candidate]) -> list[Candidate]:
        """Weigh people by what the retrieved articles call them. For "which judge / actor ...", one they only
        ever call something else counts for less: "Which actor replaced Baldwin?" is not answered by the
        judge's name. One the question itself names by role is what it asks about, not the answer: "Who was
        hurt besides the cinematographer?" is not answered by the cinematographer's name."""
        if "PERSON" not in analysis.expected:
            return candidates
        # "Which actor ...?", "Who is the judge ...?"; not "Who was Emma's brother?", a relation, not a role
        role = analysis.focus and focus_types(analysis.focus) == PERSON and not analysis.focus_owned
        specific = analysis.focus and analysis.focus not in GENERIC_PEOPLE and (analysis.expected == PERSON or role)
        wanted = focus_stem(analysis) if specific else None
        mentioned = {  # "besides the cinematographer"; not "her husband", which is what is asked
            stem(m.group(2).lower())
            for m in ROLE_MENTION.finditer(analysis.text)
            if not m.group(1) and focus_types(m.group(2).lower()) == PERSON
        } - {focus_stem(analysis)}
        docs = {c.doc_index for c in candidates}
        weighed = []
        for candidate in candidates:
            known = self.known_roles(candidate, docs)
            weight = OTHER_ROLE if wanted and known and wanted not in known else 1.0
            if known & mentioned:
                weight *= ASKED_ABOUT
            weighed.append(replace(candidate, score=candidate.score * weight) if weight < 1.0 else candidate)
        return weighed

    def known_roles(self, candidate: Candidate, docs: set[int]) -> set[str]:
        """What the articles `docs` call the person a candidate names, by the words of the name they agree on:
        "Matthew Hutchins" is a husband; his wife, who shares "Hutchins", a cinematographer."""
        per_word = []
        words = WORD.findall(self.span_text(candidate))
        for word in words:
            roles = set().union(*(self.roles(d).get(stem(word.lower()), set()) for d in docs))
            if roles:
                per_word.append(roles)
        if not per_word and words and focus_types(words[-1].lower()) == PERSON:
            return {stem(words[-1].lower())}  # a role with no name: "the judge" is a judge
        return set.intersection(*per_word) if per_word else set()

    def ask(self, question: str, top_k: int | None = None, exclude: frozenset[str] = frozenset()) -> Answer:
        """Answer `question` from the articles, or abstain when they do not say. An answer the same as one
        of `exclude` (answer keys) is passed over: "Who else represents Baldwin?".

        Raises:
            UsageError: for an empty or overlong question.
        """
        question = clean_question(question)
        analysis = analyse_question(question)
        searched = analysis.searched
        query = self.retriever.encode(searched)
        hits = self.retriever.search(searched, top_k or self.top_k, query)
        roles = asked_roles(question, analysis)  # read the articles' roles only for a question that needs them
        by_name = named_roles(roles, self.names_by_role(self.hit_documents(hits)), analysis) if roles else []
        if not by_name:
            return self.answer(analysis, hits, query, exclude)
        # "the actor" is Alec Baldwin, where the articles call one person so: search for both, and say so
        analysis = replace(analysis, aliases=tuple((r.role, name_stems(r.name)) for r in by_name))
        read_as = with_names(searched, by_name)
        named_query = self.retriever.encode(read_as)
        hits = self.retriever.search(searched, top_k or self.top_k, named_query)
        # a sentence may give the role or the name: it is as close as it is to either reading
        return replace(self.answer(analysis, hits, np.vstack([query, named_query]), exclude), read_as=read_as)

    def answer(
        self, analysis: QuestionAnalysis, hits: list[Hit], queries: np.ndarray, exclude: frozenset[str]
    ) -> Answer:
        """The best supported answer among the retrieved passages, or an abstention (`queries`: a vector for
        each reading of the question, one row each)."""
        candidates = self.fit_roles(analysis, self.candidates(analysis, hits, queries))
        candidates += self.publishers(analysis, hits)
        groups = [
            g for g in group_candidates(self.store, candidates) if not any(same_answer(g.key, k) for k in exclude)
        ]
        if not groups:
            return self.abstain(analysis, hits)
        best = max(groups, key=lambda g: group_score(g))
        if not well_supported(best):
            return self.abstain(analysis, hits)
        return self.respond(analysis, hits, best, confidence(group_score(best)))

    def candidates(self, analysis: QuestionAnalysis, hits: list[Hit], queries: np.ndarray) -> list[Candidate]:
        """Every span in the retrieved sentences that could answer, scored by how close each sentence is to
        the closest reading of the question (`queries`, one row each)."""
        found: list[Candidate] = []
        seen: set[int] = set()
        places = self.place_names(self.hit_documents(hits))
        for rank, hit in enumerate(hits):
            passage_terms = self.passage_terms(hit)
            for index in range(hit.passage.first_sentence, hit.passage.last_sentence):
                if index in seen:
                    continue
                seen.add(index)
                similarity = float(np.max(queries @ self.index.sentence_vectors[index]))
                found.extend(self.sentence_candidates(analysis, hit, rank, index, passage_terms, similarity, places))
        return found

    def publishers(self, analysis: QuestionAnalysis, hits: list[Hit]) -> list[Candidate]:
        """For "Which outlet published the story about X?", the outlet that publishes each retrieved article, as
        the article says in its own lines ("More from Variety", "Sign up for Variety’s Newsletter", "GET THE FOX
        NEWS APP"), scored by how well the article matches X."""
        if analysis.focus not in PUBLISHER_NOUNS or not ABOUT_AN_ARTICLE.search(analysis.text):
            return []
        about = {t for t in analysis.terms if not PUBLISHED.fullmatch(t) and t != focus_stem(analysis)}
        found, seen = [], set()
        for hit in hits:
            doc_index = self.store.passage_document(hit.passage)
            if doc_index in seen:
                continue
            seen.add(doc_index)
            text = self.store.documents[doc_index].text
            coverage = self.coverage(about, self.passage_terms(hit), set())
            sentences = self.doc_sentences(doc_index)
            lo = self.ranges[doc_index][0]
            for index, sentence in enumerate(sentences, start=lo):
                for match in PUBLISHER_LINE.finditer(text, sentence.start, sentence.end):
                    group = next(g for g in ("name", "owner", "app") if match.group(g))
                    start, end = match.span(group)
                    found.append(Candidate(doc_index, index, start, end, PUBLISHER * hit.score, coverage, 0.0))
        return found

    def passage_terms(self, hit: Hit) -> set[str]:
        """The content words of a retrieved passage."""
        passage = hit.passage
        return {
            t for i in range(passage.first_sentence, passage.last_sentence) for *_, t in self.sentence_tokens(i) if t
        }

    def sentence_candidates(
        self,
        analysis: QuestionAnalysis,
        hit: Hit,
        rank: int,
        index: int,
        passage_terms: set[str],
        similarity: float,
        places: frozenset[str] = frozenset(),
    ) -> list[Candidate]:
        """Scored candidate spans of one sentence (`places`: names the retrieved articles tag as places)."""
        sentence = self.store.sentences[index]
        text = self.store.documents[sentence.doc_index].text
        sentence = as_places(sentence, text, places)
        tokens = self.sentence_tokens(index)
        question_terms = set(analysis.terms)
        others = self.surnames_of_others(analysis, sentence.doc_index)
        sentence_terms = {t for _, _, t in tokens} - others
        passage_terms = passage_terms - others
        if sentence_terms & WORDING_VERBS:  # one verb of wording stands for another: "characterized" is "deemed"
            sentence_terms |= question_terms & WORDING_VERBS
        sentence_terms |= derived_terms(question_terms - sentence_terms, sentence_terms)
        sentence_terms |= {
            t for t, said in BOUNDS.items() if t in question_terms and said.search(text, sentence.start, sentence.end)
        }
        by_role = self.named_by_role(analysis, sentence.doc_index, sentence_terms) | self.named_before(
            analysis, index, text, sentence
        )
        coverage = self.coverage(
            question_terms, whole_names(analysis, sentence_terms | by_role), whole_names(analysis, passage_terms)
        )
        if coverage == 0 and similarity < SEMANTIC_FLOOR:
            return []
        semantic = min(1.0, max(0.0, (similarity - SEMANTIC_FLOOR) / SEMANTIC_SPAN))
        sentence_score = W_COVERAGE * coverage + W_SEMANTIC * semantic + W_RETRIEVAL * hit.score - 0.02 * rank
        if self.other_time(analysis, index):
            sentence_score *= OTHER_TIME
        if any(same_phrase(phrase, text, tokens) for phrase in analysis.phrases):
            sentence_score *= SAME_PHRASE  # "from the production company": "from a production company"
        sentence_score *= unmarked_weight(analysis, text, sentence)
        named = sentence_terms | by_role
        named = named.union(*aliased(analysis, named))
        sentence_score *= name_presence(analysis, named, passage_terms)
        sentence_score *= owner_presence(analysis, sentence_terms, passage_terms)
        if analysis.kind == "who" and analysis.verb and analysis.verb not in LIGHT_VERBS | passage_terms:
            sentence_score *= VERB_ABSENT
        if analysis.event_word and analysis.event_word not in passage_terms:
            sentence_score *= EVENT_ABSENT  # "When will the documentary be released?": not "on Monday ruled"
        matched = anchors(tokens, question_terms)
        said = bool(analysis.speaker) and (  # a quote says someone said it, if not whom; "a state ..." does not
            any(stem(p.label) in SAYING_VERBS for p in sentence.predicates)
            or bool(SAID_MARK.search(text, sentence.start, sentence.end))
        )
        focus = focus_stem(analysis)
        # "Who did the defense accuse?", "Whose findings were excluded?": the one who did it is not asked
        asks_other_than_doer = analysis.asks_object or analysis.asks_possessor
        doers = asked_doers(analysis, sentence) if asks_other_than_doer and not analysis.reported else []
        person_role = bool(analysis.focus) and focus_types(analysis.focus) == PERSON
        results = []
        people, previous, following = self.people(sentence.doc_index), self.previous(index), self.following(index)
        for span in spans_for(analysis, sentence, text, people, previous, following):
            if span.mention and span.mention.label in NUMERIC:
                span = trim_question_words(span, tokens, question_terms)
            answer = span.refers_to or span
            span_tokens = [i for i, (s, e, _) in enumerate(tokens) if s < span.end and e > span.start]
            answer_order = [t for *_, t in word_spans(text[answer.start : answer.end]) if t]
            answer_terms = set(answer_order)
            if not answer_terms or (
                answer_terms <= question_terms | {focus}
                and not named_after(analysis, answer_order)
                and analysis.kind != "yesno"  # "May Halls testify?": "may testify at Baldwin’s trial" confirms
            ):
                continue  # never answer with the question's own words ("keenly aware" for "... keenly aware of?")
            weight = span.weight * syntax_weight(analysis, span.mention, tokens, span_tokens, focus, text)
            if answer_order and text[answer.start : answer.end].split()[-1].lower() in PREPOSITIONS:
                weight *= DANGLING  # "his outspoken liberal views and frequent appearances on": cut short
            # "Who is the defense lawyer who ...?": not "the ... Safety Bureau"; "Who was the judge?": not "the jury"
            if person_role and span.mention and body_or_group(span.mention.label, focus):
                weight *= BODY_FOR_PERSON
            if any(is_doer(analysis, span, start, end) for start, end in doers):
                weight *= DOER_NOT_ASKED  # "Who did the defense accuse?": not "Baldwin’s defense team accused"
            if analysis.counterfactual and ALTERNATIVE.search(
                text, max(sentence.start, answer.start - 20), answer.start
            ):
                weight *= MEANT  # "What should have been in the gun?": "a live round ..., instead of an inert one"
            if analysis.kind == "how_long" and offset_only(analysis, text, answer.end):
                weight *= OFFSET  # "How long will the documentary be?": not "began ... more than a year after"
            if after_preposition(text, tokens, span_tokens, span.end, analysis):
                weight *= AFTER_PREPOSITION  # "Into what ...?": "... into the revolver"
            if analysis.asks_speaker and speaker(text, span.start, span.end, span.refers_to is not None):
                weight *= SPEAKER  # "Who said ...?": "..., said Morrissey"
            elif analysis.asks_speaker and quoted(text, sentence.start, span.start):
                continue  # whoever said it is not inside the quote: "... confusion to jurors.""
            if analysis.speaker:
                weight *= speaker_weight(analysis, sentence, answer, said)
                if quoted_from_another(analysis, text, sentence, answer, self.roles(sentence.doc_index)):
                    weight *= QUOTED_FROM_ANOTHER  # "What did Souza say?": not the judge's quote
            if analysis.focus_owner and owned_by_another(analysis, text, sentence.start, answer.start):
                weight *= ANOTHER_OWNER  # "Hutchins' lawyer?": not "Baldwin’s attorneys, Alex Spiro"
            if analysis.asks_possessor and POSSESSIVE.match(text, span.end):
                weight *= possessor_weight(analysis, text, span.end)  # "Whose status ...?": "Baldwin's status"
            elif analysis.kind == "who" and owns_asked(analysis, text, span.end):
                weight *= OWNER_OF_ASKED  # "Whom is the family's lawsuit against?": not "Hutchins’ family"
            if span.mention and not span.linked and restates_question(analysis, answer_order):
                # "Alec Baldwin" rarely answers a question about Baldwin, and never "Which actor ... Baldwin?"
                person = "PERSON" in analysis.expected and span.mention.label == "PERSON"
                weight *= RESTATED_PERSON if person else RESTATED
            elif span.mention and qualifies_question_name(analysis, text, tokens, span_tokens):
                weight *= 0.6  # "Which court ... in Santa Fe?": not "NM" in "Santa Fe, NM"
            score = sentence_score * weight * (0.7 + 0.3 * proximity(span_tokens, matched))
            named_in = (
                index - 1 if answer.start < sentence.start else index + 1 if answer.start >= sentence.end else None
            )
            start, end = closed_quotes(text, answer.start, answer.end)
            results.append(
                Candidate(
                    sentence.doc_index,
                    index,
                    start,
                    end,
                    score,
                    coverage,
                    similarity,
                    named_in=named_in,
                )
            )
        return results

    def following(self, index: int):
        """The sentence after sentence `index` in the same article, if there is one."""
        sentences = self.store.sentences
        if index + 1 >= len(sentences) or sentences[index + 1].doc_index != sentences[index].doc_index:
            return None
        return sentences[index + 1]

    def previous(self, index: int):
        """The sentence before sentence `index` in the same article, if there is one."""
        if index == 0 or self.store.sentences[index - 1].doc_index != self.store.sentences[index].doc_index:
            return None
        return self.store.sentences[index - 1]

    def evidence(self, candidate: Candidate) -> tuple[int, int]:
        """Where the sentences that give `candidate` start and end in its article: one sentence, or two when
        one refers to a person the other names."""
        given = self.store.sentences[candidate.sentence]
        if candidate.named_in is None:
            return given.start, given.end
        named = self.store.sentences[candidate.named_in]
        return min(given.start, named.start), max(given.end, named.end)

    def other_time(self, analysis: QuestionAnalysis, index: int) -> bool:
        """Whether sentence `index` is about another time than the question asks about ("in the 11th century"
        against "in 1107"); a sentence that names no time is judged by the sentences around it."""
        if not analysis.times:
            return False
        found = time_spans(self.store.sentence_text(index))
        if not found:
            doc_index = self.store.sentences[index].doc_index
            for near in (index - 1, index + 1):
                if 0 <= near < len(self.store.sentences) and self.store.sentences[near].doc_index == doc_index:
                    found += time_spans(self.store.sentence_text(near))
        return contradicts(list(analysis.times), found)

    def coverage(self, question_terms: set[str], sentence_terms: set[str], passage_terms: set[str]) -> float:
        """IDF-weighted share of the question's terms found in the sentence (context counts a little)."""
        if not question_terms:
            return 0.0
        weight = {t: self.idf(t) * (LIGHT_VERB if t in LIGHT_VERBS else 1.0) for t in question_terms}
        total = sum(weight.values())
        in_sentence = sum(w for t, w in weight.items() if t in sentence_terms)
        in_context = sum(w for t, w in weight.items() if t in passage_terms and t not in sentence_terms)
        return (in_sentence + 0.5 * in_context) / total

    def abstain(self, analysis: QuestionAnalysis, hits: list[Hit]) -> Answer:
        """The articles do not say; the closest passages are still reported, marked as such."""
        return Answer(
            analysis.text, None, False, 0.0, None, (), 0, len(self.store.documents), tuple(hits), analysis.kind
        )

    def respond(self, analysis: QuestionAnalysis, hits: list[Hit], group: Group, confidence: float) -> Answer:
        """Fill the answer template from the winning group: span, sentence, one citation per article."""
        members = group.members + self.further_support(analysis, group)
        best = self.fullest_name(closest_wording(group), members, dated=analysis.focus not in ("year", "years"))
        per_document: dict[int, Candidate] = {best.doc_index: best}
        for member in sorted(self.saying(best, members), key=lambda c: -c.score):
            per_document.setdefault(member.doc_index, member)
        citations = tuple(self.citation(c) for c in list(per_document.values())[:MAX_CITATIONS])
        text = self.store.documents[best.doc_index].text
        return Answer(
            question=analysis.text,
            text=text[best.start : best.end],
            answerable=True,
            confidence=round(confidence, 3),
            supporting_sentence=text[slice(*self.evidence(best))],
            citations=citations,
            agreeing_documents=len(per_document),
            total_documents=len(self.store.documents),
            passages=tuple(hits),
            kind=analysis.kind,
        )

    def saying(self, shown: Candidate, members: list[Candidate]) -> list[Candidate]:
        """The members that say what is shown, or more of the same name: the articles counted as agreeing and
        cited. "Baldwin" was grouped with "exonerating Baldwin" to weigh the evidence, but does not say it."""
        said = self.span_text(shown)
        key, names = answer_key(said), name_stems(said)
        return [m for m in members if same_answer(key, answer_key(text := self.span_text(m)), names, name_stems(text))]

    def fullest_name(self, best: Candidate, members: list[Candidate], dated: bool = True) -> Candidate:
        """The member that gives the best answer's name in full, if one in the same article does: "Halyna
        Hutchins" for "Hutchins", where another sentence that agrees names her so; a year with its day, if a
        member gives it and `dated` (not for "In what year ...?"); else the best answer."""
        short = self.span_text(best)
        fuller = [
            m
            for m in members
            if m.doc_index == best.doc_index
            and (name := self.span_text(m)).endswith(" " + short)
            and CAPITALISED_WORDS.fullmatch(name)
        ]
        if not fuller and dated and YEAR.fullmatch(short):  # "2021": "Oct. 21, 2021", where a member dates it so
            fuller = [m for m in members if self.span_text(m).endswith(" " + short) and m.score >= 0.5 * best.score]
        return max(fuller, key=lambda m: (len(self.span_text(m)), m.score)) if fuller else best

    def span_text(self, candidate: Candidate) -> str:
        """The words of a candidate's answer."""
        return self.store.documents[candidate.doc_index].text[candidate.start : candidate.end]

    def further_support(self, analysis: QuestionAnalysis, group: Group) -> list[Candidate]:
        """Sentences beyond the retrieved passages that give the same answer in the same context.

        A lexical search for the question plus the answer finds them, so that "3 of 5 articles say so"
        counts every article that does, not only those among the top passages.
        """
        text = self.span_text(group.best)
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
                            Candidate(sentence.doc_index, index, mention.start, mention.end, 0.0, coverage, 0.0)
                        )
                        break
        return found

    def citation(self, candidate: Candidate) -> Citation:
        """Cite the sentence that holds `candidate` (with the one before, when that names whom it refers to)."""
        start, end = self.evidence(candidate)
        doc = self.store.documents[candidate.doc_index]
        return Citation(
            doc.doc_id,
            doc.title,
            start,
            end,
            doc.text[start:end],
            candidate.start,
            candidate.end,
            doc.url,
            doc.date,
        )


CLOSE_SCORE = 0.7  # members scored this near the best may be shown instead, if worded more like the question


def unmarked_weight(analysis: QuestionAnalysis, text: str, sentence: Sentence) -> float:
    """How much a sentence counts that lacks a mark the question has: "When will the documentary be released?"
    is not answered by when it began, "Who was the first witness?" by whoever may testify, "What did she say
    she was not?" by what she said she was."""
    weight = 1.0
    for asked, said, missing in (
        (analysis.future, FUTURE_SAID, NOT_FUTURE),
        (analysis.ordinal, ORDINAL_WORD, NO_ORDINAL),
        (analysis.negated, NEGATED_WORD, NOT_NEGATED),
        (analysis.counterfactual, MEANT_WORD, NOT_MEANT),
    ):
        if asked and not said.search(text, sentence.start, sentence.end):
            weight *= missing
    if analysis.past and any(
        stem(m.group(1).lower()) in analysis.terms for m in MODAL_VERB.finditer(text, sentence.start, sentence.end)
    ):
        weight *= ONLY_EXPECTED  # "Who testified ...?": not "Halls ... may testify at Baldwin’s trial"
    return weight


OFFSET = 0.5  # a length of time that only says how long after or before something else a thing happened
OFFSET_WORDS = "after|before|later|earlier|ago|since"
OFFSET_WORD = re.compile(rf"\s+(?:{OFFSET_WORDS})\b", re.IGNORECASE)  # right after the length of time
OFFSET_ASKED = re.compile(rf"\b(?:{OFFSET_WORDS})\b", re.IGNORECASE)  # anywhere in the question


def offset_only(analysis: QuestionAnalysis, text: str, end: int) -> bool:
    """Whether the length of time ending at `end` only places a thing after or before another ("more than a
    year after the shooting"), where the question asks how long the thing itself lasts."""
    return bool(OFFSET_WORD.match(text, end)) and not OFFSET_ASKED.search(analysis.text)


def body_or_group(label: str, focus: str) -> bool:
    """Whether a mention (by its label) is an organisation or a group other than the asked role: "the jury"
    is no judge; "witnesses" may be the witness asked for."""
    return label == "ORG" or (label in GROUP_NOUNS and stem(label) != focus)


def owned_by_another(analysis: QuestionAnalysis, text: str, sentence_start: int, start: int) -> bool:
    """Whether a span follows closely on the question's focus noun owned by someone else than the question
    says: "Baldwin’s attorneys, Alex Spiro" for "What was the name of Hutchins' lawyer?"."""
    focus = focus_stem(analysis)
    for match in OWNED_NOUN.finditer(text, max(sentence_start, start - 40), start):
        if stem(match.group(2).lower()) == focus and stem(match.group(1).lower()) != analysis.focus_owner:
            return True
    return False


ALTERNATIVE = re.compile(r"\b(?:instead of|rather than)\s+\Z")
MEANT = 1.3  # what a sentence gives "instead of" what was, for a question that asks what should have been
MEANT_WORD = re.compile(r"\b(?:instead of|rather than|should|ought to|supposed to|meant to)\b", re.IGNORECASE)
NOT_MEANT = 0.8  # a sentence that says only what was, for a question that asks what should have been
# a bound the question asks for, as news text gives it: "the maximum prison term" is "up to 18 months"
BOUNDS = {
    stem("maximum"): re.compile(r"\b(?:up to|at most|no more than)\s+\$?\d"),
    stem("minimum"): re.compile(r"\b(?:at least|no less than|no fewer than)\s+\$?\d"),
}
INDEFINITE = re.compile(r"\b[Aa]n?\s+(?:[\w.’'-]+\s+){0,3}\Z")  # "a judge", "A Los Angeles judge"
ROLE_MAJORITY = 0.75  # of the named mentions of a role, the share one person must hold to be "the <role>"
QUESTION_WORD = re.compile(r"[\w-]+(?:['’]s)?")


@dataclass(frozen=True)
class RoleName:
    """A role the question gives a person by ("the actor"), the name the articles give it, and where the role
    word ends in the question."""

    role: str
    name: str
    end: int


def asked_roles(question: str, analysis: QuestionAnalysis) -> list[RoleName]:
    """The roles a question gives people by, with "the" ("the actor", "the late cinematographer's"), that a
    name may stand for: not the role it asks about ("Who was the film's armorer?"), nor a plural. The names
    are left empty, for `named_roles` to fill."""
    asked = stem(analysis.focus) if analysis.focus else None
    words = list(QUESTION_WORD.finditer(question))
    found = []
    for i, the in enumerate(words):
        if the.group().lower() != "the":
            continue
        for j in range(i + 1, min(i + 4, len(words))):  # "the actor", "the film's armorer"
            word, after = words[j], words[j + 1] if j + 1 < len(words) else None
            bare = POSSESSIVE_END.sub("", word.group())
            if bare.islower() and not bare.endswith("s") and focus_types(bare) == PERSON:
                # "the attorney general's office": the role is a part of a title whose last word owns it
                compound = bare == word.group() and after is not None and POSSESSIVE_END.search(after.group())
                if stem(bare) != asked and not compound:
                    found.append(RoleName(stem(bare), "", word.start() + len(bare)))
                break
    return found


def named_roles(roles: list[RoleName], names: dict[str, str], analysis: QuestionAnalysis) -> list[RoleName]:
    """Of the question's `roles`, those the articles give one named person (`names`: role stem -> name),
    with that name; not a person the question names as well."""
    named = set().union(*analysis.names) if analysis.names else set()
    return [
        replace(role, name=names[role.role])
        for role in roles
        if role.role in names and not name_stems(names[role.role]) & named
    ]


POSSESSIVE_END = re.compile(r"['’]s$")


def with_names(question: str, found: list[RoleName]) -> str:
    """The question with each role it gives a person by followed by the name: "the actor Alec Baldwin's gun"."""
    for role_name in sorted(found, key=lambda r: -r.end):
        question = f"{question[: role_name.end]} {role_name.name}{question[role_name.end :]}"
    return question


def speaker_weight(analysis: QuestionAnalysis, sentence: Sentence, span: Span, said: bool) -> float:
    """For "What did Baldwin's lawyers say the prosecution did?", a span inside what the sentence has someone
    say: more where that someone is the question's speaker ("Baldwin’s lawyers insisted ..."), less where it is
    someone else ("the prosecution’s claim that ..."), or where the sentence (`said`: whether it has a verb of
    saying) has no one say anything."""
    if not said:  # "Baldwin accidentally fired a gun ...": told, not said by anyone
        return NOTHING_SAID if analysis.asks_what_said else SAID_BY_NONE
    speakers = [
        stem(p.governor)
        for p in sentence.predicates
        if p.role == CLAUSE and stem(p.label) in SAYING_VERBS and p.start <= span.start and span.end <= p.end
    ]
    if analysis.speaker & set(speakers):
        return SAID_BY_SPEAKER
    # "..., saying the footage includes ...", "she said ...": a speaker not given may be the question's
    return SAID_BY_OTHER if any(s and s not in UNNAMED_SPEAKERS for s in speakers) else 1.0


QUOTE_ATTRIBUTION = re.compile(  # ",” the judge said", ",” said Morrissey", "," special prosecutor ... argued"
    rf"[”\"]\s*(?:{SPEAKS.pattern}\s+((?:[A-Z][\w’'.-]*\s*){{1,4}})"
    rf"|((?:[A-Za-z][\w’'-]*\s+){{0,4}}?[A-Za-z][\w’'-]*)\s+{SPEAKS.pattern})"
)


def quoted_from_another(
    analysis: QuestionAnalysis, text: str, sentence: Sentence, span: Span, roles: dict[str, set[str]]
) -> bool:
    """Whether a span lies in a quote the sentence attributes to someone else than the question's speaker:
    "“I'm having real difficulty ...,” the judge said" for "What did Joel Souza say?"; the judge's own words
    for "What did Sommer say?", where the article calls Sommer the judge."""
    attribution = QUOTE_ATTRIBUTION.search(text, span.end, sentence.end)
    if not attribution or not quoted(text, sentence.start, span.start):
        return False
    speaker = {t for *_, t in word_spans(attribution.group(1) or attribution.group(2)) if t}
    known_as = set().union(*(roles.get(word, set()) for word in analysis.speaker))
    return bool(speaker) and not speaker & (analysis.speaker | known_as)


def same_phrase(phrase: tuple[str, ...], text: str, tokens: list[tuple[int, int, str | None]]) -> bool:
    """Whether a sentence (`tokens`) has the question's prepositional `phrase` (its preposition, then the
    stems of its words): "from the production company" in "... footage from a production company that ..."."""
    for i, (start, end, _) in enumerate(tokens):
        if text[start:end].lower() == phrase[0]:
            words = [t for *_, t in tokens[i + 1 : i + len(phrase) + 2] if t]
            if tuple(words[: len(phrase) - 1]) == phrase[1:]:
                return True
    return False


def closest_wording(group: Group) -> Candidate:
    """The member to show and cite first: of those scored nearly as well as the best, the one whose sentence
    shares most of the question's words, as the article the question was worded from does."""
    best = group.best
    near = [m for m in group.members if m.score >= CLOSE_SCORE * best.score]
    return max(near, key=lambda m: (m.coverage, m.score))


PLACE_LABELS = frozenset({"GPE", "LOC"})


def as_places(sentence: Sentence, text: str, places: frozenset[str]) -> Sentence:
    """The sentence with organisations that are named places made places: spaCy tags "Santa Fe" a place in
    "Santa Fe, N.M." and an organisation in "at Bonanza Creek Ranch near Santa Fe"; and so are the names of
    a dateline, where the story was filed from ("Santa Fe, NM — In an unexpected turn ...")."""
    dateline = DATELINE.match(text, sentence.start, sentence.end)
    dated_until = dateline.end() if dateline else sentence.start

    def place(m) -> bool:
        return m.label == "ORG" and (text[m.start : m.end] in places or m.end <= dated_until)

    if not any(place(m) for m in sentence.entities):
        return sentence
    return replace(sentence, entities=tuple(replace(m, label="GPE") if place(m) else m for m in sentence.entities))


DATELINE = re.compile(r"[A-Z][\w.]*(?: [A-Z][\w.]*)*, [A-Z][\w.]*\s*[—–]")  # "SANTA FE, N.M –", "Santa Fe, NM —"


def is_doer(analysis: QuestionAnalysis, span: Span, start: int, end: int) -> bool:
    """Whether a span (a pronoun where it stands for someone) is the subject at `start`-`end` of the question's
    verb: inside it for "Who did the defense accuse?"; all of it for "Whose findings were excluded?", where
    "Baldwin’s" in "Baldwin’s defense team accused ..." is whose team it was."""
    if analysis.asks_possessor:
        return span.start <= start and end <= span.end
    return start <= span.start and span.end <= end


def asked_doers(analysis: QuestionAnalysis, sentence: Sentence) -> list[tuple[int, int]]:
    """Where a sentence's subjects of the question's verbs are, for a question that asks for an object: the
    doer is given, not asked ("Baldwin’s defense team accused the prosecution")."""
    return [(m.start, m.end) for m in sentence.chunks if m.role == "nsubj" and stem(m.governor) in analysis.terms]


def name_presence(analysis: QuestionAnalysis, sentence_terms: set[str], passage_terms: set[str]) -> float:
    """How much a sentence counts given whether it names who or what the question is about: "Who was
    Margaret's brother?" is not answered by a sentence about someone else's brother."""
    if not analysis.names or all(name & sentence_terms for name in analysis.names):
        return 1.0
    if any(name & sentence_terms for name in analysis.names):
        return PARTLY_NAMED  # "When did Rory Kennedy start Moxie Films?": a sentence about Kennedy alone
    return NAME_NEARBY if any(name & passage_terms for name in analysis.names) else NAME_ABSENT


def owner_presence(analysis: QuestionAnalysis, sentence_terms: set[str], passage_terms: set[str]) -> float:
    """As `name_presence`, for an owner the question names by a common noun: "How long is the armorer's
    prison term?" is not answered by a sentence about someone else's term."""
    if not analysis.owners or analysis.owners & sentence_terms:
        return 1.0
    return OWNER_NEARBY if analysis.owners & passage_terms else NAME_ABSENT


def derived_terms(missing: set[str], terms: set[str]) -> set[str]:
    """The question's terms (`missing` from a sentence) whose verb or noun the sentence has instead, by the
    suffix that turns one into the other: "settle" and "settlement", "pay" and "payment"; or whose stem a
    longer stem of the sentence's starts with, where the stemmer leaves a short ending ("experi" and
    "experienc"), but for the doer of it ("direct" and "director")."""
    return {
        t
        for t in missing
        if t + "ment" in terms
        or t + "ement" in terms
        or (t.endswith("ment") and (t[:-4] in terms or t[:-5] in terms))
        or (len(t) >= 6 and any(s.startswith(t) and 0 < len(s) - len(t) <= 3 and not agent(s, t) for s in terms))
    }


def agent(longer: str, stem_: str) -> bool:
    """Whether a longer stem is the doer of what a stem names: "director" for "direct", "prosecutor" for
    "prosecut" ("Who directed The Crow?" is not asked of a director)."""
    return longer[len(stem_) :] in ("or", "er", "ar")


def whole_names(analysis: QuestionAnalysis, terms: set[str]) -> set[str]:
    """`terms`, with every name the question gives made whole where its last word is there: news text names
    "Rory Kennedy" once and "Kennedy" after, and the surname says who as well as the whole name."""
    found = [name for surname, name in analysis.surnames if surname in terms]
    found += aliased(analysis, terms)
    return terms.union(*found) if found else terms


def aliased(analysis: QuestionAnalysis, terms: set[str]) -> list[set[str]]:
    """For each person the question gives by a role the articles give one person, the role and the name,
    where either is among `terms`: a sentence that names Baldwin speaks of the actor, and one of the actor of
    Baldwin."""
    found = []
    for role, name in analysis.aliases:
        if terms & name or role in terms:
            found.append({role} | set(name))
    return found


def after_preposition(
    text: str, tokens: list[tuple[int, int, str]], span_tokens: list[int], end: int, analysis: QuestionAnalysis
) -> bool:
    """Whether a span comes right after the question's leading preposition (an article may come between),
    and is not the possessor in a longer phrase: in "into Baldwin's gun" the gun, not Baldwin, follows. A
    stranded preposition must also follow the same word: "the source of?" and "the source of the rounds"."""
    if not analysis.preposition or not span_tokens:
        return False
    at = span_tokens[0] - 1
    if at >= 0 and text[tokens[at][0] : tokens[at][1]].lower() in ("the", "a", "an"):
        at -= 1
    if at < 0 or text[tokens[at][0] : tokens[at][1]].lower() not in same_prepositions(analysis.preposition):
        return False
    # "What did she describe the oversight as?": "describing their action as ...", where "as" is the verb's
    verb_before = analysis.preposition == "as" and set(analysis.terms) & {t for *_, t in tokens[max(0, at - 4) : at]}
    if (
        analysis.stranded_after
        and (at == 0 or word_before(text, tokens, at) != analysis.stranded_after)
        and not verb_before
    ):
        return False
    return not POSSESSIVE.match(text, end)


def word_before(text: str, tokens: list[tuple[int, int, str]], at: int) -> str:
    """The stem of the word before token `at`, or the word itself where it is a stop word: "been" in "has
    always been about"."""
    start, end, term = tokens[at - 1]
    return term or stem(text[start:end].lower())


OWNED_ANY = re.compile(POSSESSIVE_MARK + r"\s+([\w-]+)")  # "Baldwin's role", "Hutchins’ family"


def owns_asked(analysis: QuestionAnalysis, text: str, end: int) -> bool:
    """Whether a span owns a thing the question names ("Hutchins’ family" for "the family's lawsuit"): it is
    whom the question is about, not the answer."""
    owned = OWNED_ANY.match(text, end)
    return bool(owned) and stem(owned.group(1).lower()) in analysis.terms


def possessor_weight(analysis: QuestionAnalysis, text: str, end: int) -> float:
    """For "whose X ...?", a possessor of the X counts ("the defense's request" for "Whose request?"), not one
    of something else ("Baldwin's role"); for "which outlet's reporter?", any: the reporter has a name."""
    owned = OWNED_ANY.match(text, end)
    if analysis.kind == "which" or (owned and stem(owned.group(1).lower()) in analysis.terms):
        return POSSESSOR
    return OTHER_POSSESSION if owned else 1.0  # "Hutchins’ injuries", for "Over whose objections ...?"


def quoted(text: str, sentence_start: int, start: int) -> bool:
    """Whether a position lies inside quotation marks opened earlier in its sentence."""
    before = text[sentence_start:start]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def closed_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """A span with its quotation marks paired: "yelling “reload!”", not "yelling “reload"; an opening mark
    with no close near is dropped."""
    piece = text[start:end]
    if piece.count("“") > piece.count("”"):
        close = QUOTE_CLOSE.match(text, end)  # "“reload!”"; not "prosecution.”", where the sentence ends
        if close:
            return start, close.end()
        if piece.startswith("“"):
            return start + 1, end
    return start, end


def named_after(analysis: QuestionAnalysis, ordered_terms: list[str]) -> bool:
    """Whether a span is a thing of the asked kind named after a name the question gives: "the Halyna Hutchins
    Foundation" for "Which foundation ... in Halyna Hutchins's memory?" or "... named after Hutchins?"."""
    focus = focus_stem(analysis)
    if analysis.kind != "which" or not focus or focus_types(analysis.focus) != ORG:  # not "Hutchins’s family"
        return False
    # the body's own noun may differ from the question's: "What organization ...?": "... Foundation"
    if ordered_terms[-1:] != [focus] and not (ordered_terms and ordered_terms[-1] in BODY_NOUNS):
        return False
    return any(name <= set(ordered_terms[:-1]) for name in analysis.names)


def names_a_body(name: frozenset[str], ordered_terms: list[str]) -> bool:
    """Whether a span opens with a name and goes on for two words or more: "Los Angeles County District"."""
    opening = ordered_terms[: len(name)]
    return set(opening) == name and len(ordered_terms) - len(name) >= 2


def qualifies_question_name(
    analysis: QuestionAnalysis, text: str, tokens: list[tuple[int, int, str]], span_tokens: list[int]
) -> bool:
    """Whether a span follows a name the question gives with only a comma between ("Santa Fe, NM"): it says
    where or what that name is, which answers a "where" question but no other; or, for "What did X say?",
    is X's title."""
    if analysis.asks_what_said and titles_question_name(analysis, text, tokens, span_tokens):
        return True
    if analysis.kind == "where" or not span_tokens or span_tokens[0] == 0:
        return False
    _, end, term = tokens[span_tokens[0] - 1]
    return text[end : tokens[span_tokens[0]][0]].strip() == "," and any(term in name for name in analysis.names)


def titles_question_name(
    analysis: QuestionAnalysis, text: str, tokens: list[tuple[int, int, str]], span_tokens: list[int]
) -> bool:
    """Whether a span is the title right before a name the question gives: "that filmmaker" in "ruled that
    filmmaker Rory Kennedy", which is not what Kennedy said."""
    after = span_tokens[-1] + 1 if span_tokens else len(tokens)
    if after >= len(tokens) or text[tokens[after - 1][1] : tokens[after][0]] != " ":
        return False
    following = CAPITALISED_WORDS.match(text, tokens[after][0]) or WORD.match(text, tokens[after][0])
    named = {stem(word.lower()) for word in WORD.findall(following.group())}
    return any(named & name for name in analysis.names)


def restates_question(analysis: QuestionAnalysis, ordered_terms: list[str]) -> bool:
    """Whether a span names what the question is about rather than a new answer: it is mostly a whole name
    from the question ("Alec Baldwin" for "Baldwin") and other question words. A different person who
    shares a name ("Matthew Hutchins" for "Halyna Hutchins's husband") is a new answer, and so is a body
    named after a place the question gives ("the Los Angeles County District ..." for "in Los Angeles")."""
    span_terms = set(ordered_terms)
    if named_after(analysis, ordered_terms):
        return False
    named = {t for name in analysis.names if name <= span_terms and not names_a_body(name, ordered_terms) for t in name}
    shared = span_terms & set(analysis.terms) - set().union(*analysis.names) - analysis.focus_phrase
    if named and len(span_terms) <= len(named) + 2:  # "Mary Marlowe Sommer" for "Judge Sommer"
        return True
    # a longer phrase that holds a question's name and says more besides is a new answer: "the prosecution's
    # claim that Baldwin “commissioned” the documentary"
    return 2 * (len(shared) + len(named)) >= len(span_terms) > 0
