"""Question analysis without an NLP model: what kind of answer a question asks for."""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.errors import UsageError
from qa.temporal import time_spans
from qa.text import STOPWORDS, stem, terms, words

MAX_QUESTION_CHARS = 2000
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")

PERSON = frozenset({"PERSON"})
DATE = frozenset({"DATE", "TIME"})
PLACE = frozenset({"GPE", "LOC", "FAC"})
ORG = frozenset({"ORG"})
COUNT = frozenset({"CARDINAL", "QUANTITY"})
AMOUNT = frozenset({"MONEY", "QUANTITY", "PERCENT", "CARDINAL"})
DURATION = frozenset({"DATE", "TIME", "QUANTITY"})

AUXILIARIES = frozenset(
    "is was are were be been did does do has have had can could will would should may might must shall".split()
)
MODAL_AUXILIARIES = frozenset("has have had will would can could may might should must".split())
# Words that shape the question rather than name what it is about: "how long", "what type of".
COUNT_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve".split())
PART_NOUNS = frozenset("piece pieces part parts number amount group member members series set".split())
CLASS_NOUNS = frozenset("type kind sort form name brand model genre".split())  # "what type of gun": the gun
FRAME_WORDS = frozenset("long old far big tall large happen occur".split()) | CLASS_NOUNS - {"name"}
PREPOSITIONS = frozenset(
    "in into from to at on onto under by with for through during after before since until against toward "
    "towards within without across between among over behind near about upon of as like despite amid".split()
)
TITLES = frozenset(
    stem(w)
    for w in "judge justice president king queen prince princess mr mrs ms dr sir lord lady senator "
    "governor general sheriff detective special prosecutor attorney".split()
)
COMMON_ACRONYMS = frozenset({"tv", "ceo", "dna", "pc"})  # capitals that name no one: "What TV program ...?"
DETERMINERS = frozenset("the a an his her its their this these those".split())
WH_WORDS = ("how", "who", "whom", "whose", "when", "where", "why", "which", "what")

# The noun after "what"/"which" often names an entity type: "what year", "which company".
FOCUS_TYPES: dict[str, frozenset[str]] = {}
for _nouns, _labels in (
    ("year years date day days month months decade century time period era season", DATE),
    ("city state country place town county nation region continent location province village island", PLACE),
    ("company organization organisation firm agency team group court office university school party "
     "newspaper magazine network band club studio publication outlet channel department bureau foundation "
     "institution charity union association council committee", ORG),
    ("percentage percent proportion share rate", frozenset({"PERCENT"})),
    ("amount price cost fine sum fee salary budget", frozenset({"MONEY"})),
    ("number", frozenset({"CARDINAL"})),
    ("film movie book song show program programme sitcom album documentary series novel play",
     frozenset({"WORK_OF_ART"})),
    ("law act statute", frozenset({"LAW"})),
    ("language", frozenset({"LANGUAGE"})),
    ("nationality religion", frozenset({"NORP"})),
    ("event war battle", frozenset({"EVENT"})),
    ("person man woman people actor actress director producer lawyer attorney judge prosecutor "
     "player singer writer author president leader member official cinematographer armorer husband "
     "wife father mother son daughter brother sister filmmaker scientist king queen emperor fiancee fiance "
     "rival nephew niece uncle aunt cousin grandson granddaughter grandfather grandmother successor "
     "predecessor heir spouse widow", PERSON),
):  # fmt: skip
    for _noun in _nouns.split():
        FOCUS_TYPES[_noun] = _labels


TAKE_PLACE = frozenset({"take", "place"})  # "where did it take place": happen
TAKES_PLACE = re.compile(r"\btak(?:e|es|ing|en)\s+place\b", re.IGNORECASE)
FUTURE_ASKED = re.compile(r"^\s*(?:(?:how|which|what)\s+\w+|\w+)\s+(?:will|shall)\b|\bgoing to\b", re.IGNORECASE)
# what says a sentence is about what is to come: "is set to begin", "will also present", "may testify"
FUTURE_SAID = re.compile(
    r"\b(?:will|would|shall|may|might|could|can|set to|scheduled|expected|due to|plans?|planned|upcoming|"
    r"going to|is to|are to|faces|facing|likely)\b|\bwo(?:n['’]t)",
    re.IGNORECASE,
)
PAST_ASKED = re.compile(r"^\s*(?:(?:who|what|which\s+\w+|when|where|how)\s+(?:did|was|were|had)\b|who\s+\w+ed\b)", re.I)
ORDINALS = frozenset("first second third fourth fifth last final next earliest latest".split())
ORDINAL_WORD = re.compile(r"\b(?:first|second|third|earliest|latest)\b")  # lower case: not "First Judicial ..."
NEGATED_WORD = re.compile(r"\b(?:not|never|no)\b|n['’]t\b", re.IGNORECASE)
HELD = re.compile(r"\bheld\b", re.IGNORECASE)  # "where was the hearing held": where it happened
SUBTYPE = re.compile(r"\b(?:type|kind|sort|brand|model|make)s? of\b|\bgenre\b", re.IGNORECASE)  # "what type of gun"
KIND_OF = re.compile(r"\b(?:type|kind|sort)s? of\s+([\w-]+)", re.IGNORECASE)  # "what kind of material"
# Verbs that report what someone said ("said" is not stemmed to "say")
SAYING_VERBS = frozenset(
    stem(w) for w in "say said state claim argue contend insist write wrote maintain allege assert admit".split()
)
SAYING = "say|says|said|saying|tell|tells|told|telling"
SAYS = re.compile(rf"\b(?:{SAYING})\b", re.IGNORECASE)
# "Who argued that ...?" asks whom words are put in the mouth of, as "Who said ...?" does
SPEAKS = re.compile(rf"\b(?:{SAYING}|argued?|argues|contend(?:s|ed)?|stated|wrote)\b", re.IGNORECASE)
# What a question asks, where a word or two gives it away:
OWNING = re.compile(r"\b(?:own|owns|owned|run|runs|ran|head|heads|headed|founded|lead|leads|led|controls?)\b", re.I)
WORDING_NOUN = re.compile(r"\b(?:description|words|phrase|expression)\b", re.IGNORECASE)
CAPACITY_VERBS = re.compile(r"\b(?:named|appointed|elected|hired|serve[sd]?|credited|chosen|cast)\b", re.IGNORECASE)
ASKS_HELD = re.compile(r"\b(?i:what) (?:was|were|is|are) [A-Z][\w’'-]*(?: [A-Z][\w’'-]*)* \w+ing\b")
SETTING = re.compile(
    r"\b(?:in|at|after|before|during|on|outside|inside)\s+(?:(?:the|a|an|his|her|their|its)\s+)?([\w-]+)", re.IGNORECASE
)
REPORTED_BY = re.compile(r"\s*whom?\s+(?:did|does|do|will|would)\s", re.IGNORECASE)
FRAME_STEMS = frozenset(stem(w) for w in FRAME_WORDS)
TYPE_ONLY = DATE | PLACE | AMOUNT | frozenset({"PERCENT", "LANGUAGE", "NORP"})
OWNER = re.compile(r"\s*(?:which|what)\s+([A-Za-z-]+)['’]s\s", re.IGNORECASE)  # "Which outlet's reporter"
COMMON_OWNER = re.compile(r"\b(?:the|a|an)\s+([a-z]+)['’]s\b")  # "the armorer's prison term"
POSSESSIVE_MARK = r"(?:['’]s|(?<=s)['’])"  # "Baldwin's", "Baldwin’s", and a plural's "Hutchins’"
SETTING_ASIDE = r"(?:besides|apart from|aside from|other than|in addition to)"  # what is not asked
# "... Margaret's husband?", "What was Souza's job on the film?"
POSSESSED = re.compile(
    POSSESSIVE_MARK + r"\s+([A-Za-z-]+)(?:\s+(?:on|in|at|for|with|during)\s+(?:the\s+|a\s+|an\s+|this\s+)?[\w’'-]+)?"
    rf"(?:,?\s+{SETTING_ASIDE}\b[^?]*)?\s*\??\s*$"  # "... besides acting"
)
EXCLUDING = re.compile(rf"\b{SETTING_ASIDE}\b[^?,]*", re.IGNORECASE)  # "besides being an actor"
# "Who is Baldwin's defense lawyer that ...?": the role a "who is" question asks, owned, before its clause
OWNED_ROLE = re.compile(
    r"\s*[Ww]ho\s+(?:is|was|are|were)\s+[A-Z][\w-]*" + POSSESSIVE_MARK + r"\s+(?:[a-z]+\s+)?([a-z]+)\s+(?:that|who)\b"
)
ASKS_NAME = re.compile(r"\b(?:name|title) of\b|\b(?:called|named)$")
# A past participle, regular or not: "wounded", "given", "shown", "sworn", "caught", "paid", "shot", "kept".
PARTICIPLE = r"\w+(?:ed|en|wn|rn|ght|aid|ot|ept|elt|ilt|ung|ent|eld|old)\b"
CAPITALISED = re.compile(r"\b[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*")


@dataclass(frozen=True)
class QuestionAnalysis:
    """What a question asks: its kind, the entity types that answer it, its focus noun and its terms."""

    text: str
    kind: str
    expected: frozenset[str]
    focus: str | None
    terms: tuple[str, ...]
    asks_subject: bool = False  # "who loaded ...", "which company paid ...": the answer does the verb
    asks_object: bool = False  # "who was wounded ...", "whom did ... hire": the verb acts on the answer
    names: tuple[frozenset[str], ...] = ()  # terms of each capitalised name: "Halyna Hutchins" -> {halyna, hutchin}
    asks_name: bool = False  # "what is the name / title of the X", "what is X called": a name, not "the X"
    times: tuple[tuple[int, int], ...] = ()  # the years the question is pinned to: "in the 11th century"
    preposition: str | None = None  # "into what ...", "from which countries ...": the answer follows it
    # "What did they trace the source of?": the stem of the word a stranded, final preposition follows
    stranded_after: str | None = None
    # "accused of after the shooting": the preposition of the phrase after it, which the answer stops before
    stranded_until: str | None = None
    asks_possessor: bool = False  # "whose status ...": the answer owns something ("Baldwin's role")
    asks_identity: bool = False  # "Who is Matthew Hutchins?": what the named person is ("her husband")
    asks_occupation: bool = False  # "What was Hutchins's job?": what the named person does ("cinematographer")
    asks_subtype: bool = False  # "what type / model of gun": a make or model may answer ("a Colt .45")
    kind_of: str | None = None  # "materi" in "What kind of material ...?": the noun whose kind is asked
    asks_speaker: bool = False  # "who said ...": whom a quote is attributed to
    asks_action: bool = False  # "what did Baldwin do after the ruling?": a verb phrase ("left the courthouse")
    asks_direct_object: bool = False  # "What did prosecutors withdraw?": what the verb acts on ("a plea deal")
    asks_what_said: bool = False  # "What did Morrissey argue (about X)?", "What did they learn?": the clause
    focus_phrase: frozenset[str] = frozenset()  # "which judicial district court": {judici, district, court}
    surnames: tuple[tuple[str, frozenset[str]], ...] = ()  # ("kennedi", {rori, kennedi}): a name's last word
    owners: frozenset[str] = frozenset()  # owners named by a common noun: "the armorer's prison term" -> {armor}
    verb: str | None = None  # what a subject wh-phrase does: "replac" in "Who replaced Hutchins?"
    focus_modifier: str | None = None  # the common noun or adjective before the focus: "assist" (director)
    # the verb that ends a reported question, whose object is asked: "bring" in "What did she say she hopes the
    # lawsuits bring?"
    reported_verb: str | None = None
    # what is said of the subject "what" asks for: "outweigh" in "What did the judge say was not outweighed ...?"
    reported_predicate: str | None = None
    focus_owned: bool = False  # the focus is someone's: "Who was Robert's son?"
    focus_owner: str | None = None  # the stem of whose it is: "hutchin" in "What was the name of Hutchins' lawyer?"
    reported: bool = False  # a verb of saying: "Who did Sommer say can't introduce evidence?"
    # verbs after "to" or in a clause of time, not the asked one: "settl" in "pay to settle", "discharg" in
    # "rehearsing when the gun discharged"
    purposes: frozenset[str] = frozenset()
    asks_owner: bool = False  # "Who runs Moxie Films?": the owner named beside it
    asks_capacity: bool = False  # "What was Matthew Hutchins named?": "named as an executive producer"
    asks_wording: bool = False  # "What was the judge's description of the oversight?": her own words
    asks_held: bool = False  # "What was Baldwin holding?": "a prop gun Baldwin was holding"
    setting: frozenset[str] = frozenset()  # where or when the question sets its event: {"court"} for "in court"
    modal: str | None = None  # "What may Halls do?": the verb phrase after "may" in a sentence answers
    negated: bool = False  # "What did Morrissey say she was not?": a sentence that says "not" answers
    future: bool = False  # "When will the documentary be released?": a sentence about what is to come answers
    past: bool = False  # "Who testified first?": not a sentence where someone only may testify
    ordinal: bool = False  # "Who was the first witness?": a sentence that says which in order answers
    outcome: str | None = None  # "What happened to the charges?": the stem of what was done to ("charg")
    asks_other: bool = False  # "Who else represents Baldwin?": one more, not those already named
    counterfactual: bool = False  # "What should have been in the gun?": what was meant, not what was
    searched: str = ""  # the question as retrieval reads it: without "in the Variety article"
    whose: str | None = None  # the stem of the noun after "whose": "objection" in "Over whose objections ...?"
    asks_year: bool = False  # "In what month and year ...?": a date that gives a year too
    asks_to_be: bool = False  # "What did the judge find X to be?": what a clause says X is
    # "What did Baldwin's lawyers say the prosecution did?": the stems of who is said to have said it
    speaker: frozenset[str] = frozenset()
    # "releas" in "When will the documentary be released?", "verdict" in "What was the verdict ...?": a word a
    # passage must have to date, count or say what the question asks, not something else
    event_word: str | None = None
    # the question's prepositional phrases of two words, as the preposition and the words' stems:
    # ("from", "product", "compani") for "from the production company"
    phrases: tuple[tuple[str, ...], ...] = ()
    # The roles it gives people by that the articles give one person, each with the stems of that person's name:
    # ("actor", {"alec", "baldwin"}) for "the actor"; set once the articles are read
    aliases: tuple[tuple[str, frozenset[str]], ...] = ()

    @property
    def typed(self) -> bool:
        """Whether only an entity of an expected type can answer."""
        return bool(self.expected)


def clean_question(question: str) -> str:
    """The question with control characters made spaces, checked for length.

    Raises:
        UsageError: for an empty question, or one over `MAX_QUESTION_CHARS` characters (refused, not cut).
    """
    question = " ".join(CONTROL.sub(" ", question).split())
    if not question:
        raise UsageError("the question is empty")
    if len(question) > MAX_QUESTION_CHARS:
        raise UsageError(f"the question is {len(question)} characters long; the limit is {MAX_QUESTION_CHARS}")
    return question


def analyse_question(question: str) -> QuestionAnalysis:
    """Classify `question` (who / when / where / how many / how much / which X / what X / why / yes-no)."""
    searched = without_source_mention(question)  # "... in the Variety article?": which article, not what is asked
    plain = NEGATION.sub(uncontract, searched)  # "won't" is "will not", not "won" and "t"
    # "on-set" is a modifier, not the preposition "on"; "..., according to X" says who says so, not what is asked
    tokens = words(COMPOUND_PREPOSITION.sub(r"\1", ATTRIBUTION.sub("", plain)))
    ending = POSSESSED.search(question) or OWNED_ROLE.match(question)
    possessed = (
        ending.group(1).lower().split("-")[-1] if ending and not owned_after_preposition(question, ending) else None
    )
    kind, expected, focus = classify(tokens, possessed)
    owner = OWNER.match(question)
    if owner:  # "Which outlet's reporter ...?" asks for the outlet
        kind, focus = "which", owner.group(1).lower()
        expected = focus_types(focus)
    named = names(question)
    occupation = asks_occupation(kind, ending, named)
    frame = FRAME_STEMS | TAKE_PLACE if TAKES_PLACE.search(question) else FRAME_STEMS
    if kind in ("where", "when") and HELD.search(question):  # an event's place or time, not what holds it
        frame = frame | set(terms("held"))
    if kind == "how_long":  # "How much prison time ...?": "time" is what is asked, not a word to find
        frame = frame | {"time"}
    if kind == "where":  # "Where is the ranch located?", "What was the rehearsal location?": where it is
        frame = frame | set(terms("located situated")) | set(terms(" ".join(WHERE_NOUNS)))
    if occupation:  # "What was Hutchins's job?": a sentence need not say "job" to say what it is
        frame = frame | {stem(ending.group(1).lower())}
    asked = EXCLUDING.sub("", plain) if occupation else plain  # "role besides being an actor": not acting
    frame = frame | coordinated_type(focus, plain)
    content = tuple(t for t in terms(asked) if t not in frame and t != "whose" and not (focus and names_type(focus, t)))
    stranded = stranded_preposition(tokens)
    acts = asks_action(tokens)  # "do" is the question's own verb
    outcome = asks_outcome(question)
    return QuestionAnalysis(
        question,
        kind,
        expected,
        focus,
        content,
        asks_subject(tokens, focus, named) and not owner,  # "Which outlet's reporter wrote?": the outlet
        asks_object(tokens),
        named,
        bool(ASKS_NAME.search(" ".join(tokens))),
        tuple(time_spans(question)),
        preposition=leading_preposition(tokens) or (tokens[stranded] if stranded is not None else None),
        stranded_after=stem(tokens[stranded - 1]) if stranded is not None else None,
        stranded_until=tokens[stranded + 1] if stranded is not None and stranded + 1 < len(tokens) else None,
        asks_possessor=asks_possessor(tokens) or bool(owner),
        # "What was Matthew Hutchins named as?" asks what follows "named as", not who he is
        asks_identity=(asks_identity(tokens, content, named) and not ending and stranded is None) or occupation,
        asks_occupation=occupation,
        asks_subtype=bool(SUBTYPE.search(question)),
        kind_of=asked_kind_of(question),
        # "Who said ...?"; not "Who did prosecutors say Baldwin sent scrambling?", whose speaker is given
        asks_speaker=kind == "who" and bool(SPEAKS.search(question)) and not REPORTED_BY.match(question),
        asks_action=kind == "what" and (acts or outcome is not None),
        asks_direct_object=asks_direct_object(tokens) and not (stranded is not None or acts or SAYS.search(question)),
        surnames=surnames(question),
        asks_what_said=kind == "what" and asks_what_said(tokens),
        focus_phrase=focus_phrase(tokens, focus),
        owners=frozenset(stem(m.group(1)) for m in COMMON_OWNER.finditer(question)),
        verb=subject_verb(tokens, focus) if asks_subject(tokens, focus, named) and not owner else None,
        focus_modifier=focus_modifier(question, focus),
        reported_predicate=reported_predicate(tokens, set().union(*named)) if kind == "what" else None,
        reported_verb=reported_verb(tokens)
        if kind == "what" and not (stranded is not None or asks_what_said(tokens))
        else None,
        focus_owned=bool(focus and re.search(rf"['’]s\s+{re.escape(focus)}\b", question, re.IGNORECASE)),
        focus_owner=focus_owner(question, focus),
        reported=bool(SAYS.search(question)),
        purposes=frozenset(
            stem(b) for a, b in zip(tokens, tokens[1:], strict=False) if a == "to" and b not in STOPWORDS
        )
        | subordinate_words(tokens),
        asks_owner=bool(OWNING.search(question)),
        asks_capacity=bool(CAPACITY_VERBS.search(question)),
        asks_wording=bool(WORDING_NOUN.search(question)),
        asks_held=bool(ASKS_HELD.search(question)),
        setting=frozenset(stem(m.group(1).lower()) for m in SETTING.finditer(question)),
        modal=asked_modal(tokens),
        negated=bool(NEGATED_WORD.search(question)),
        future=bool(FUTURE_ASKED.search(question)),
        past=bool(PAST_ASKED.search(question)),
        ordinal=bool(ORDINAL_WORD.search(question)),
        outcome=outcome,
        phrases=prepositional_phrases(question),
        asks_other="else" in tokens,
        counterfactual=bool(COUNTERFACTUAL.search(question)),
        searched=searched,
        whose=stem(whose.group(1).lower()) if (whose := WHOSE.search(question)) else None,
        asks_year=bool(YEAR_ASKED.search(question)),
        asks_to_be=bool(TO_BE_ASKED.search(question)),
        speaker=reported_speaker(question),
        event_word=event_word(question, kind, content),
    )


# "What should have been in the gun?", "What should Baldwin have done?"; not "supposed to", which as often
# asks what was expected ("How many days was the trial supposed to take?"), nor "instead of a dummy", which
# asks what was
COUNTERFACTUAL = re.compile(r"\b(?:should|ought to)(?:\s+\w+){0,3}?\s+have\b", re.IGNORECASE)
WHOSE = re.compile(r"\bwhose\s+([\w-]+)", re.IGNORECASE)
YEAR_ASKED = re.compile(r"\byears?\b", re.IGNORECASE)
TO_BE_ASKED = re.compile(r"\bto be\W*$", re.IGNORECASE)
HAPPENED_TO = re.compile(r"\bhappen(?:s|ed)?\s+to\b", re.IGNORECASE)  # "What happened to the charges?": a deed
OWNER_AFTER_PREPOSITION = re.compile(
    rf"\b(?:{'|'.join(sorted(PREPOSITIONS))})\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}[\w-]+\Z", re.IGNORECASE
)
ATTRIBUTION = re.compile(r",?\s*\baccording to\b[^,?]*", re.IGNORECASE)
# "What charge does Baldwin face in the Variety article?": which article says so, not what it says
SOURCE_MENTION = re.compile(
    r",?\s*\b(?:in|from|according to|per)\s+(?:the\s+|this\s+|that\s+)?(?:[\w’'-]+\s+){0,3}?"
    r"(?:article|report|story|piece)(?=\s*[?.!]?\s*\Z)",
    re.IGNORECASE,
)
COMPOUND_PREPOSITION = re.compile(r"\b(on|in|off|out|of|by|up|under|over|after)-(?=[A-Za-z])", re.IGNORECASE)
NEGATION = re.compile(r"\b(\w+)n['’]t\b", re.IGNORECASE)
IRREGULAR_NEGATIONS = {"wo": "will", "ca": "can", "sha": "shall"}


def owned_after_preposition(question: str, ending: re.Match) -> bool:
    """Whether the owner of the noun that ends a question follows a preposition: "What had not been shared
    with Baldwin's lawyers?" does not ask for lawyers, as "What was Baldwin's salary?" asks for a salary."""
    return bool(OWNER_AFTER_PREPOSITION.search(question, 0, ending.start()))


def without_source_mention(question: str) -> str:
    """`question` without a closing phrase that names the article it asks of ("in the Variety article"),
    unless nothing would be left to ask ("What was in the report?")."""
    rest = SOURCE_MENTION.sub("", question)
    return rest if rest != question and terms(rest) else question


def uncontract(negation: re.Match) -> str:
    """The words of a contracted negation: "won't" -> "will not", "didn't" -> "did not"."""
    verb = negation.group(1)
    return f"{IRREGULAR_NEGATIONS.get(verb.lower(), verb)} not"


def wh_position(tokens: list[str]) -> int | None:
    """Where the first wh-word of a tokenised question is, if it has one."""
    return next((i for i, t in enumerate(tokens) if t in WH_WORDS), None)


def asks_identity(tokens: list[str], content: tuple[str, ...], named: tuple[frozenset[str], ...]) -> bool:
    """Whether the question asks who or what a named person or thing is: "Who is Matthew Hutchins?", "What is
    Moxie Films?"; not "Who is the judge?"."""
    opening = tokens[:2] in (["who", "is"], ["who", "was"], ["what", "is"], ["what", "was"])
    return opening and bool(named) and set(content) <= set().union(*named)


def asks_action(tokens: list[str]) -> bool:
    """Whether "do" is the question's own verb, not its auxiliary: "What did Baldwin do?", "What is she doing
    about it?", "What did the videos show him doing?"."""
    position = wh_position(tokens)
    if position is None:
        return False
    # "What did the prosecution claim Baldwin did?", "What do prosecutors argue he did?": a second "did" is the
    # verb, the first "do" its auxiliary
    did = [t for t in tokens[position + 1 :] if t in ("did", "does", "do")]
    return len(did) >= 2 or any(t in ("do", "doing", "done") for t in tokens[position + 2 :])


OCCUPATIONS = frozenset("job occupation profession role position".split())


def asks_outcome(question: str) -> str | None:
    """The stem of the noun a question asks what was done to: "charg" in "What happened to the manslaughter
    charges against Baldwin?"; not for what someone said should happen, which a quote says."""
    match = HAPPENED_TO.search(question)
    if not match or SAYS.search(question):
        return None
    phrase = []
    for token in words(question[match.end() :]):
        if token in STOPWORDS and (phrase or token not in DETERMINERS):
            break  # the noun phrase ends before "against Baldwin"
        if token not in STOPWORDS:
            phrase.append(token)
    return stem(phrase[-1]) if phrase else None


def asks_occupation(kind: str, ending: re.Match | None, named: tuple[frozenset[str], ...]) -> bool:
    """Whether the question asks what a named person's job is, which a sentence says as it says who they
    are ("cinematographer Halyna Hutchins"): "What was Hutchins's job?"."""
    return kind == "what" and ending is not None and ending.group(1).lower() in OCCUPATIONS and bool(named)


MODALS = frozenset("will would can could may might should must".split())


def asked_modal(tokens: list[str]) -> str | None:
    """The modal verb right after the wh-word: "may" in "What may Dave Halls do at the trial?"; or right
    before the "do" that asks what is done: "would" in "What did Nikas argue the role would do?"."""
    position = wh_position(tokens)
    following = tokens[position + 1] if position is not None and position + 1 < len(tokens) else None
    if following in MODALS:
        return following
    before_do = next((tokens[i - 1] for i in range(1, len(tokens)) if tokens[i] == "do"), None)
    return before_do if before_do in MODALS else None


def asks_possessor(tokens: list[str]) -> bool:
    """Whether the question asks whose something is."""
    position = wh_position(tokens)
    return position is not None and tokens[position] == "whose"


PHRASE = re.compile(r"\b(\w+)(?=\s+(?:(?:the|a|an|his|her|its|their)\s+)?([\w’'-]+)\s+([\w’'-]+))")


def prepositional_phrases(question: str) -> tuple[tuple[str, ...], ...]:
    """A preposition and the two words after it (past an article), where both are content words."""
    found = []
    for match in PHRASE.finditer(question):
        if match.group(1).lower() in PREPOSITIONS:
            words = [t for word in match.group(2, 3) for t in terms(word)]
            if len(words) == 2:
                found.append((match.group(1).lower(), *words))
    return tuple(found)


def stranded_preposition(tokens: list[str]) -> int | None:
    """Where the preposition is that ends a question's clause: "of" in "What did the defense trace the source
    of?" and in "What was Baldwin accused of after the shooting?"."""
    position = wh_position(tokens)
    if position is None or len(tokens) <= 2:
        return None
    if tokens[-1] in PREPOSITIONS:
        return len(tokens) - 1
    # an "of" with no object of its own: "What was Baldwin accused of after the shooting?"
    return next(
        (i for i in range(position + 2, len(tokens) - 1) if tokens[i] == "of" and tokens[i + 1] in PREPOSITIONS),
        None,
    )


def leading_preposition(tokens: list[str]) -> str | None:
    """The preposition right before the wh-word: "into" in "Into what did she load the round?"."""
    position = wh_position(tokens)
    return tokens[position - 1] if position and tokens[position - 1] in PREPOSITIONS else None


def coordinated_type(focus: str | None, question: str) -> set[str]:
    """The stem of a type noun joined to the focus by "and", which names the answer's type as the focus does:
    "year" in "In what month and year ...?"."""
    also = re.search(rf"\b{re.escape(focus)}\s+and\s+(\w+)", question, re.IGNORECASE) if focus else None
    word = also.group(1).lower() if also else ""
    return {stem(word)} if word and focus_types(word) & TYPE_ONLY else set()


def asked_kind_of(question: str) -> str | None:
    """The stem of the noun whose kind the question asks: "materi" in "What kind of material ...?"."""
    asked = KIND_OF.search(question)
    return stem(asked.group(1).lower()) if asked else None


def names_type(focus: str, term: str) -> bool:
    """Whether `term` is a focus noun that only names the answer's type ("what date", "which country"): the
    answer's sentence need not say "date", so the word is not looked for there."""
    return term == stem(focus) and bool(focus_types(focus) & TYPE_ONLY)


def capitalised_runs(question: str) -> list[list[str]]:
    """The terms of each run of capitalised words, in order, the question's first word aside ("Who")."""
    found = []
    for match in CAPITALISED.finditer(question):
        phrase = match.group() if match.start() > 0 else match.group().partition(" ")[2]
        if phrase_terms := terms(phrase):
            found.append(phrase_terms)
    return found


def names(question: str) -> tuple[frozenset[str], ...]:
    """The terms of each name the question gives, titles aside: "Judge Sommer" -> {sommer}."""
    return tuple(name for run in capitalised_runs(question) if (name := frozenset(run) - TITLES - COMMON_ACRONYMS))


def surnames(question: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The last term of each name of two words or more, with the name's terms: news text gives "Rory
    Kennedy" once and "Kennedy" after."""
    return tuple((run[-1], frozenset(run)) for run in capitalised_runs(question) if len(set(run)) > 1)


def asks_object(tokens: list[str]) -> bool:
    """Whether the question is passive or asks for an object: "who was wounded", "whom did he hire"."""
    text = " ".join(tokens)
    return bool(
        re.search(
            rf"\b(whom|who|what|which(?: \w+){{1,3}}) (?:had |has |have )?(was|were|is|are|been|be) {PARTICIPLE}", text
        )
    ) or bool(re.search(r"\b(?:(?:whom|who) (?:did|does|do)|whom (?:will|would))\b", text))  # not "who will testify"


# Verbs whose object is what someone came to know, which news text gives as a clause: "after learning that
# Baldwin was participating in the documentary"
KNOWING_VERBS = frozenset(
    stem(w) for w in "learn discover realize realise know believe fear conclude regret hope expect".split()
)
REPORTED_TOPIC = frozenset({"about", "regarding", "concerning", "of", "on", "in", "to", "after", "before"})


def focus_phrase(tokens: list[str], focus: str | None) -> frozenset[str]:
    """The stems of the words from the wh-word to the focus noun: a name that answers may repeat them
    ("Which judicial district court?": "First Judicial District Court")."""
    position = wh_position(tokens)
    if position is None or focus is None or focus not in tokens[position:]:
        return frozenset()
    return frozenset(stem(t) for t in tokens[position + 1 : tokens.index(focus, position) + 1] if t not in STOPWORDS)


def focus_owner(question: str, focus: str | None) -> str | None:
    """The stem of the capitalised name that owns the focus noun: "hutchin" in "Hutchins' lawyer"."""
    owned = focus and re.search(rf"\b([A-Z][\w-]*){POSSESSIVE_MARK}\s+{re.escape(focus)}\b", question)
    return stem(owned.group(1).lower()) if owned else None


def focus_modifier(question: str, focus: str | None) -> str | None:
    """The stem of the lower-case word right before the focus noun, where it narrows the focus: "assistant"
    in "Who was the assistant director?"; not a place ("the New Mexico judge") or a determiner."""
    if not focus:
        return None
    before = re.search(rf"\b([a-z][a-z-]*)\s+{re.escape(focus)}", question)
    return stem(before.group(1)) if before and before.group(1) not in STOPWORDS | set(WH_WORDS) else None


def saying_at(tokens: list[str], verbs: frozenset[str] = SAYING_VERBS | KNOWING_VERBS) -> int | None:
    """Where the first verb of saying (or knowing) in the question's words is."""
    return next((i for i, t in enumerate(tokens) if stem(t) in verbs), None)


def reported_verb(tokens: list[str]) -> str | None:
    """The stem of the word that ends a question, after a verb of saying or knowing and a subject of its own:
    "bring" in "What did she say she hopes the lawsuits bring?"; none for "What did Morrissey argue?", nor
    where a verb follows the saying one, so that "what" is its subject ("say compromised its ability to
    prosecute?")."""
    said = saying_at(tokens)
    if said is None or said >= len(tokens) - 2 or tokens[-1] in STOPWORDS or VERB_FORM.search(tokens[said + 1]):
        return None
    return stem(tokens[-1])


def reported_predicate(tokens: list[str], names: set[str]) -> str | None:
    """The stem of the first content word after a verb of saying that "what" is the subject of: "outweigh" in
    "What did the judge say was not outweighed by unfair prejudice?", "irrelev" in "What did Morrissey argue
    was irrelevant?"; a name's word (`names`, stems) is whose it is, not what is said: "was not Baldwin's
    responsibility"."""
    said = saying_at(tokens, SAYING_VERBS)
    if said is None or said + 1 >= len(tokens):
        return None
    if tokens[said + 1] not in AUXILIARIES and not VERB_FORM.search(tokens[said + 1]):
        return None  # "What did she say she hopes ...?": a subject of its own
    return next(
        (stem(t) for t in tokens[said + 1 :] if t not in STOPWORDS | AUXILIARIES and stem(t) not in names), None
    )


REPORTED_SPEECH = re.compile(
    r"^\s*(?:what|how|who|whom|which\s+\w+)\s+(?:did|does|do|has|have|had)\s+(.+?)\s+"
    r"(?:say|said|argue|allege|claim|contend|insist|maintain|assert|write|state|tell)\b",
    re.IGNORECASE,
)


def reported_speaker(question: str) -> frozenset[str]:
    """The stems of whom a question has say something it asks part of: {baldwin, lawyer} in "What did
    Baldwin's lawyers say the prosecution did with the evidence?"."""
    match = REPORTED_SPEECH.match(question)
    return frozenset(terms(match.group(1))) if match else frozenset()


CLOSING_WORD = re.compile(  # "When will ... released?", "How many motions did ... file?": the last word
    r"^\s*(?:when|how (?:many|much|long))\s+(?:\w+\s+)?"
    r"(?:did|does|do|was|were|is|are|will|would|has|have|had)\b.*\s(\w+)\W*$",
    re.I,
)
ASKED_NOUN = re.compile(r"^\s*what\s+(?:is|was|are|were)\s+(?:the|a|an)\s+(\w+)", re.I)  # "What was the verdict"
EVENT_PATTERNS = {**dict.fromkeys(("when", "how_many", "how_much", "how_long"), CLOSING_WORD), "what": ASKED_NOUN}


def event_word(question: str, kind: str, content: tuple[str, ...]) -> str | None:
    """The stem of the word a passage must have to answer: the word that ends a "when" or "how many / much /
    long" question, most often the verb of its event ("releas" in "When will the documentary be released?",
    "file" in "How many motions did the prosecution file?"); the noun a plain "What was the X ...?" asks what
    it is ("verdict" in "What was the verdict in Baldwin's trial?"). A passage without it dates, counts or
    says something else."""
    pattern = EVENT_PATTERNS.get(kind)
    match = pattern.match(question) if pattern else None
    word = stem(match.group(1).lower()) if match else None
    return word if word in content else None


VERB_FORM = re.compile(r"(?:ed|es)$")  # "compromised", "includes": a verb with no subject of its own


def asks_what_said(tokens: list[str]) -> bool:
    """Whether the question asks for the words someone said, not for a part of them: "What did Morrissey
    argue about the bullets?", but not "What did prosecutors say the footage includes?"."""
    said = saying_at(tokens)
    if said is None:  # "What did Halls tell investigators (about ...)?": told them, whoever they are
        said = next((i + 1 for i, t in enumerate(tokens[:-1]) if t in ("tell", "told")), None)
    # "What did Baldwin say happened to the gun?": what he said happened, all of it ("the gun fired accidentally")
    following = REPORTED_TOPIC | {"that", "happened", "happens"}
    return said is not None and (said == len(tokens) - 1 or tokens[said + 1] in following)


def asks_direct_object(tokens: list[str]) -> bool:
    """Whether a plain "what" is the object of the question's verb: "What did prosecutors withdraw?", "What
    has Baldwin pleaded?"; not "What is the name ...?". (What someone said is the quote, not an object.)"""
    position = wh_position(tokens)
    if position is None or tokens[position] != "what":
        return False
    auxiliary = tokens[position + 1 : position + 2]
    if auxiliary in (["did"], ["does"], ["do"], ["has"], ["have"], ["had"], ["will"]) or plural_after_modal(
        tokens[position + 1 : position + 3]
    ):
        return tokens[position + 2 : position + 3] not in (["been"], ["be"])  # not "What had been withheld?"
    # "What is Gutierrez-Reed appealing?", "What was Baldwin rehearsing when the gun discharged?": a progressive
    # verb after the subject, which ends the clause; not "What was Baldwin accused of after the shooting?",
    # where the "-ing" word is a noun
    if auxiliary not in (["is"], ["are"], ["was"], ["were"]):
        return False
    return any(
        tokens[i].endswith("ing")
        and tokens[i - 1] not in DETERMINERS | PREPOSITIONS
        and (i == len(tokens) - 1 or tokens[i + 1] in CLAUSE_OPENERS)
        for i in range(position + 3, len(tokens))
    )


CLAUSE_OPENERS = frozenset("when while after before as because since until".split())


def subordinate_words(tokens: list[str]) -> frozenset[str]:
    """The stems of the words of a clause of time or reason that ends a question: its verb is not the asked
    one ("discharg" in "What was Baldwin rehearsing when the gun discharged?")."""
    # past the question's own opening ("When did ...?", "What was X doing when ...?")
    opener = next((i for i, t in enumerate(tokens) if t in CLAUSE_OPENERS and i > 2), None)
    return frozenset() if opener is None else frozenset(stem(t) for t in tokens[opener + 1 :] if t not in STOPWORDS)


def asks_subject(tokens: list[str], focus: str | None, named: tuple[frozenset[str], ...] = ()) -> bool:
    """Whether the wh-phrase is the subject of a main verb: "who loaded", not "who is" or "whom did", nor
    "what has Baldwin pleaded", where a name follows the auxiliary (`named`: the question's names)."""
    rest = after_wh_phrase(tokens, focus)
    if rest is None:
        return False
    if len(rest) >= 2 and rest[0] in MODAL_AUXILIARIES:  # "who has pleaded", "who will testify"
        subject_follows = (
            rest[1] in DETERMINERS or any(stem(rest[1]) in name for name in named) or plural_after_modal(rest)
        )
        return rest[1] not in ("been", "be") and not subject_follows  # "what may the dismissal bring"
    if len(rest) >= 2 and rest[0] in ("is", "was", "are", "were") and rest[1].endswith("ing"):
        return True  # "who is making"
    return bool(rest) and rest[0] not in AUXILIARIES and rest[0] not in STOPWORDS


def plural_after_modal(rest: list[str]) -> bool:
    """Whether a plural noun follows a modal, the subject of the verb after it ("what can prosecutors present");
    a verb after "will" or "can" has no "-s" ("who will testify"), one after "has" may ("who has ...")."""
    if len(rest) < 2 or rest[0] not in MODAL_AUXILIARIES - {"has", "have", "had"}:
        return False
    return rest[1].endswith("s") and not rest[1].endswith(("ss", "us"))


def after_wh_phrase(tokens: list[str], focus: str | None) -> list[str] | None:
    """The words after a "who" / "which X" / "what X" phrase, where the question has one: "loaded the live
    round" in "Which armorer loaded the live round?"."""
    position = next((i for i, t in enumerate(tokens) if t in ("who", "which", "what")), None)
    if position is None:
        return None
    rest = tokens[position + 1 :]
    return rest[rest.index(focus) + 1 :] if focus and focus in rest else rest


def subject_verb(tokens: list[str], focus: str | None) -> str | None:
    """The stem of the verb a subject wh-phrase does: "replace" in "Who replaced Hutchins?", "testifi" in
    "Which witness will testify?"."""
    rest = after_wh_phrase(tokens, focus)
    if rest is None:
        return None
    if len(rest) >= 2 and rest[0] in MODAL_AUXILIARIES | {"is", "was", "are", "were", "else"}:
        rest = rest[1:]  # "who has pleaded", "who is making", "who else represents"
    return stem(rest[0]) if rest and rest[0] not in STOPWORDS else None


def classify(tokens: list[str], possessed: str | None = None) -> tuple[str, frozenset[str], str | None]:
    """Kind, expected entity labels and focus noun of a tokenised question (`possessed`: the noun that
    ends it after a possessive, as in "Who was Margaret's husband?")."""
    position = wh_position(tokens)
    if position is None:
        if tokens and tokens[0] in AUXILIARIES:
            return "yesno", frozenset(), None
        return "other", frozenset(), None
    wh, rest = tokens[position], tokens[position + 1 :]
    following = rest[0] if rest else ""
    if wh in ("who", "whom", "whose"):
        return "who", PERSON | ORG, role_noun(rest, possessed)
    if wh == "when":
        return "when", DATE, None
    if wh == "where":
        return "where", PLACE | ORG, None
    if wh == "why":
        return "why", frozenset(), None
    if wh == "how":
        return classify_how(following, rest[1:])
    focus = focus_noun(rest) or named_noun(rest) or typed_complement(rest)
    if focus is None and possessed and focus_types(possessed, agents=False):
        focus = possessed  # "What was Baldwin's salary?" asks for an amount, as "what salary" does
    if focus is None:
        return "what", frozenset(), None
    if focus in WHERE_NOUNS:  # "What was the rehearsal location?" asks where it was
        return "where", PLACE | ORG, None
    return "which", focus_types(focus), focus


def classify_how(following: str, rest: list[str]) -> tuple[str, frozenset[str], str | None]:
    """ "how many X", "how much", "how long", "how old", or plain "how" (manner)."""
    if following == "many":
        return "how_many", COUNT, focus_noun(rest)
    if following == "much":
        if "time" in rest[:3]:  # "How much prison time ...?" asks how long
            return "how_long", DURATION, None
        return "how_much", AMOUNT, None
    if following in ("long", "old"):
        return "how_long", DURATION | COUNT if following == "old" else DURATION, None
    if following in ("far", "big", "tall", "large", "heavy", "high", "deep"):
        # "How large was the fine ...?" asks for an amount of money
        money = any("MONEY" in focus_types(word) for word in rest[:4])
        return "how_much", AMOUNT if money else frozenset({"QUANTITY", "CARDINAL"}), None
    return "how", frozenset(), None


def role_noun(rest: list[str], possessed: str | None = None) -> str | None:
    """The role a "who is the X" question asks to name: "who is the judge ..." -> "judge"; "who was
    Robert's son?" -> "son" (`possessed`: the noun after a possessive, found by the caller)."""
    if rest and rest[-1] in PREPOSITIONS:  # "Who was the gun pointed at?": the gun is no role
        return None
    if len(rest) >= 3 and rest[0] in ("is", "was", "are", "were") and rest[1] in ("the", "a", "an"):
        return focus_noun(rest[2:])
    if possessed and rest and rest[0] in ("is", "was", "are", "were") and focus_types(possessed) == PERSON:
        return possessed
    return None


def named_noun(rest: list[str]) -> str | None:
    """ "what is the name (title) of the X" -> X; "what is Kennedy's company called" -> company."""
    if len(rest) >= 3 and rest[0] in AUXILIARIES and rest[-1] in ("called", "named"):
        return rest[-2]
    for noun in ("name", "title"):
        if noun in rest[:3] and rest[rest.index(noun) + 1 : rest.index(noun) + 2] == ["of"]:
            after = [t for t in rest[rest.index(noun) + 2 :] if t not in ("the", "a", "an")]
            return focus_noun(after, verbs_possible=False)
    return None


WHERE_NOUNS = frozenset("location place site venue".split())


def typed_complement(rest: list[str]) -> str | None:
    """ "what was the date of the shooting" -> "date", "what was the rehearsal location" -> "location": a noun
    that names the answer's type, after a copula."""
    if len(rest) < 3 or rest[0] not in ("is", "was", "are", "were") or rest[1] not in DETERMINERS:
        return None
    of = next((i for i in (3, 4) if len(rest) > i and rest[i] == "of"), None)
    if of is not None:  # "the date of the shooting", "the exact date of the shooting"
        noun = rest[of - 1]
    elif len(rest) <= 4:  # "the rehearsal location": the last word, with at most one before it
        noun = rest[-1]
    else:
        return None
    return noun if focus_types(noun) & TYPE_ONLY else None


def focus_noun(rest: list[str], verbs_possible: bool = True) -> str | None:
    """The noun a "what"/"which"/"how many" phrase asks about: "what type of gun" -> "gun"."""
    phrase: list[str] = []
    before_auxiliary = False  # "what legal challenges does ...": the word before "does" is a noun, not a verb
    if rest[:1] in (["other"], ["another"]):
        rest = rest[1:]  # "what other role did he have": a role
    for token in rest:
        before_auxiliary = token in AUXILIARIES
        if token in AUXILIARIES or (token in STOPWORDS | PREPOSITIONS and token != "of"):
            if token in DETERMINERS and phrase:
                phrase.pop()  # "what precedes the period": a word before a determiner is a verb
            break  # "which ranch near Santa Fe": the ranch
        phrase.append(token)
    if len(phrase) >= 2 and phrase[1] == "of" and phrase[0] in CLASS_NOUNS:
        phrase = phrase[2:]
    elif "of" in phrase[1:] and phrase[phrase.index("of", 1) - 1] not in PART_NOUNS and phrase[-1] not in FOCUS_TYPES:
        phrase = phrase[: phrase.index("of", 1)]  # "what theory of guilt": a theory; but "what time of day": a day
    phrase = [t for t in phrase if t != "of"]
    while phrase and (phrase[0] in COUNT_WORDS | ORDINALS or phrase[0].isdigit()):
        phrase = phrase[1:]  # "which two attorneys": attorneys; "the first witness": a witness
    verb = next((i for i, t in enumerate(phrase) if re.search(r"(ed|ing)$", t) and t not in FOCUS_TYPES), None)
    if verbs_possible and len(phrase) >= 2 and all(re.search(r"[^su]s$", t) for t in phrase[:2]):
        verb = 0  # "what protects journalists": a verb in "-s" before a plural, as "what" is singular
    phrase = phrase[:verb] if verbs_possible else phrase[:4]
    if not phrase:
        return None
    # A word in -s after a singular noun is most likely a verb: "which law protects journalists".
    verb = next(
        (j for j in range(1, len(phrase)) if re.search(r"[^s]s$", phrase[j]) and phrase[j - 1][-1] != "s"), None
    )
    if verb == len(phrase) - 1 and before_auxiliary:
        verb = None
    phrase = phrase[:verb] if verbs_possible else phrase
    # The last word that names a type or a doer is the head: "film production company", "documentary maker";
    # else the last word, short of a verb the rules cannot see.
    # A doer guessed from its ending heads the phrase only as its last word: "major" in "major conquest" is none.
    named = [i for i, word in enumerate(phrase) if focus_types(word, agents=i == len(phrase) - 1)]
    if named:
        return phrase[named[-1]]
    if len(phrase) > 1 and re.search(r"(s|ed|ing)$", phrase[-1]) and not before_auxiliary:
        return phrase[-2]
    return phrase[-1]


# Words in "-er", "-or", "-ist" that name no doer
NOT_AGENTS = frozenset(
    "caliber calibre number letter order matter border chapter character paper power center centre water weather "
    "quarter error color colour floor honor honour labor labour mirror factor sector motor rumor behavior behaviour "
    "humor tumor terror interior exterior anchor corridor cancer computer trailer poster filter register meter "
    "liter litre monster hammer rubber powder shoulder finger timber winter summer october november december "
    "september offer answer corner cover layer tower river".split()
)


def is_agent_noun(word: str) -> bool:
    """ "maker", "supervisor", "pianist": a noun for a doer, usually a person; not "caliber" or "letter"."""
    return (
        len(word) > 4
        and bool(re.search(r"(er|or|ist|ian)s?$", word))
        and word not in STOPWORDS
        and word.removesuffix("s") not in NOT_AGENTS
    )


def focus_types(focus: str, agents: bool = True) -> frozenset[str]:
    """The entity labels a focus noun asks for, singular or plural; a doer ("maker") is a person or body,
    unless `agents` is false."""
    singulars = [focus]
    for plural, singular in (("ies", "y"), ("es", ""), ("s", "")):
        if focus.endswith(plural):  # "count" is not the plural of "county"
            singulars.append(focus.removesuffix(plural) + singular)
    for singular in singulars:
        if singular in FOCUS_TYPES:
            return FOCUS_TYPES[singular]
    if len(focus) > 6 and focus.endswith(("person", "persons", "people", "woman", "women")):
        return PERSON  # "foreperson", "spokeswoman"
    return PERSON | ORG if agents and is_agent_noun(focus) else frozenset()


def focus_stem(analysis: QuestionAnalysis) -> str | None:
    """The stem of the focus noun, as sentence words are compared."""
    return stem(analysis.focus) if analysis.focus else None
