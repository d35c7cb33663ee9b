"""Multi-turn questions: resolve pronouns and elliptic follow-ups from earlier turns, then answer."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qa.answer import Answer, Answerer
from qa.question import PERSON, analyse_question, focus_types
from qa.spans import GROUP_NOUNS, POSSESSIVE_WORD
from qa.text import answer_key

PRONOUN = re.compile(r"\b(he|she|him|his|her|hers|they|them|their|it|its)\b", re.IGNORECASE)
POSSESSIVE = frozenset({"his", "her", "hers", "their", "its"})
# Pronouns that point to the same kind of referent: he/him/his are one, she/her/hers another.
PRONOUN_GROUP = {
    p: group for group in ("he him his", "she her hers", "they them their", "it its") for p in group.split()
}
THEY = PRONOUN_GROUP["they"]
IT = PRONOUN_GROUP["it"]
# what a question is about, right after its frame: "Baldwin's trial" in "When is Baldwin's trial set to begin?"
THING_ASKED = re.compile(r"(?:the|a|an)\s+[a-z][\w-]*|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*['’]s\s+[a-z][\w-]*")
GROUP = re.compile(r"(?:[A-Z][\w’'.-]*\s)*[A-Z][\w’'.-]*['’]s\s+([a-z]+)")  # "Halyna Hutchins's family"
FOLLOW_UP = re.compile(r"^\s*(?:and|what about|how about|and what about)\s+(.+?)\s*\??\s*$", re.IGNORECASE)
FRAME = re.compile(
    r"^\s*((?:who|what|when|where|which|how(?: many| much| long)?)(?:\s+\w+)?\s+"
    r"(?:is|was|are|were|did|does|do|has|have))\s+",
    re.IGNORECASE,
)
FOCUSED = re.compile(r"^\s*(which|what)\s+[a-z]+\s+((?:is|was|are|were)\s+[a-z]+(?:ed|en|wn)\b.*)$", re.IGNORECASE)
ARTICLE = re.compile(r"^(?:the|a|an)\s+(?=[a-z]+$)", re.IGNORECASE)
NAME = re.compile(r"\b[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)+\b")
OTHER = re.compile(r"\b(?:else|other|another|besides them|besides him|besides her)\b", re.IGNORECASE)
BARE_WHY = re.compile(r"^\s*(?:and\s+)?(?:why|why so|why is that|how come)\s*\??\s*$", re.IGNORECASE)
BARE_WH = re.compile(r"^\s*(?:and\s+)?(when|where|how)\s*\??\s*$", re.IGNORECASE)  # "When?" after "Why did ...?"
WH_FRAME = re.compile(
    r"^\s*((?:what|which)\s+\w+|what|who|whom|why|when|where|how)\s+(did|does|do|is|was|are|were|has|have)\s+(.+)$",
    re.I,
)
ASKED_AFTER_PREPOSITION = re.compile(
    r"^(?:in|to|for|from|with|by|at|on|of|against|into|about|under|over)\s+(?:what|which|whom)\b", re.I
)
SUBJECT_NAME = re.compile(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*")  # "Hannah Gutierrez Reed"
YES_NO = re.compile(
    r"^\s*(is|was|are|were|did|does|do|has|have)\s+(he|she|they|it|the\s+\w+|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)\s+(.+)$",
    re.IGNORECASE,
)  # "Was Joel Souza injured?": the subject, then the rest
DESCRIBED = re.compile(r"\bthe\s+([a-z]+)\b")  # "the judge"
WH_START = re.compile(r"^\s*(?:who|what|when|where|which|why|how|is|was|did|does|do|can|could|will|has|have)\b", re.I)


@dataclass(frozen=True)
class Turn:
    """One exchange: what the user typed, what was asked after resolution, and the answer."""

    question: str
    resolved: str
    answer: Answer


@dataclass
class Conversation:
    """A conversation with the articles; it remembers the people and things earlier turns were about."""

    answerer: Answerer
    turns: list[Turn] = field(default_factory=list)

    def ask(self, question: str) -> Turn:
        """Answer `question` in the context of the earlier turns."""
        resolved = self.resolve(question)
        exclude = self.earlier_answers() if OTHER.search(question) else frozenset()
        turn = Turn(question, resolved, self.answerer.ask(resolved, exclude=exclude))
        self.turns.append(turn)
        return turn

    def earlier_answers(self) -> frozenset[str]:
        """The answers given so far, as keys: "who else" asks for someone besides them."""
        return frozenset(answer_key(t.answer.text) for t in self.turns if t.answer.answerable and t.answer.text)

    def clear(self) -> None:
        """Forget the earlier turns."""
        self.turns.clear()

    def resolve(self, question: str) -> str:
        """The question made self-contained: "her sentence" -> "Hannah Gutierrez Reed's sentence"."""
        if not self.turns:
            return question
        if BARE_WHY.match(question):  # "Why?" after "What did prosecutors withdraw?": "a plea deal"
            return self.wh_follow_up("Why") or question
        if bare := BARE_WH.match(question):  # "When?" after "Why did the judge dismiss the case?"
            return self.wh_follow_up(bare.group(1).capitalize()) or question
        follow_up = FOLLOW_UP.match(question)
        if follow_up and ASKED_AFTER_PREPOSITION.match(follow_up.group(1)):  # "And to what charge?"
            asked = follow_up.group(1)
            return self.wh_follow_up(asked[0].upper() + asked[1:], answered=False) or question
        if follow_up and not WH_START.match(follow_up.group(1)):
            return self.elliptic(follow_up.group(1))
        if follow_up:
            question = follow_up.group(1).rstrip("?") + "?"
        pronoun = PRONOUN.search(question)
        group = pronoun and PRONOUN_GROUP[pronoun.group(0).lower()]
        entity = pronoun and (
            self.earlier_referent(pronoun.group(0))
            or (group == THEY and self.salient_group())
            or (group == IT and not named_answer(self.turns[-1]) and self.salient_thing())
            or self.salient_entity()
        )
        if entity:
            return PRONOUN.sub(lambda m: replacement(m.group(0), entity), question, count=1)
        return question

    def earlier_referent(self, pronoun: str) -> str | None:
        """What the same pronoun meant in the turn before: "her husband", then "her family" is still hers."""
        if not self.turns:
            return None
        previous = self.turns[-1]
        used = PRONOUN.search(previous.question)
        if not used or PRONOUN_GROUP[used.group(0).lower()] != PRONOUN_GROUP[pronoun.lower()]:
            return None
        before, after = previous.question[: used.start()], previous.question[used.end() :]
        if not previous.resolved.startswith(before) or not previous.resolved.endswith(after):
            return None
        said = previous.resolved[len(before) : len(previous.resolved) - len(after)]
        return said.removesuffix("'s") if said.lower() != used.group(0).lower() else None

    def wh_follow_up(self, wh: str, answered: bool = True) -> str | None:
        """ "Why?" (`wh`) after "What did prosecutors withdraw?", answered "a misdemeanor plea deal": "Why did
        prosecutors withdraw a misdemeanor plea deal?"; "When?" after "Why did the judge dismiss the case?":
        "When did the judge dismiss the case?"; "to what charge" after "What did Dave Halls plead?": "to what
        charge did Dave Halls plead?" (not `answered`: without the answer to the question before)."""
        previous = self.turns[-1]
        asked = WH_FRAME.match(previous.resolved)
        if not asked:
            return None
        rest = asked.group(3).rstrip("?")
        what = asked.group(1).lower().startswith("what")
        if answered and what and previous.answer.answerable and previous.answer.text:
            rest = f"{rest} {previous.answer.text}"
        return f"{wh} {asked.group(2)} {rest}?"

    def elliptic(self, fragment: str) -> str:
        """ "and the director?" after "Who was the armorer?" -> "Who was the director?" """
        previous = self.turns[-1].resolved
        focused = FOCUSED.match(previous)
        if focused and ARTICLE.match(fragment):  # "Which director was injured?" -> "Which cinematographer was ...?"
            return f"{focused.group(1)} {ARTICLE.sub('', fragment)} {focused.group(2)}"
        frame = FRAME.match(previous)
        subject = frame and SUBJECT_NAME.match(previous, frame.end())
        if subject:  # "What was Hannah Gutierrez Reed convicted of?" -> "What was the director convicted of?"
            owned = POSSESSIVE_WORD.search(subject.group())  # "How long is Hannah Gutierrez Reed's sentence?"
            fragment = POSSESSIVE_WORD.sub("", fragment) + (owned.group() if owned else "")
            return previous[: subject.start()] + fragment + previous[subject.end() :]
        if frame:
            return f"{frame.group(1)} {fragment}?"
        yes_no = YES_NO.match(previous)
        if yes_no:  # "Was Souza injured?" -> "Was the cinematographer injured?"
            return f"{yes_no.group(1)} {fragment} {yes_no.group(3)}"
        return f"{previous.rstrip('?')} {fragment}?"

    def salient_group(self) -> str | None:
        """What "they" most likely points to: the last group an earlier question named ("Halyna Hutchins's
        family", "Baldwin's lawyers")."""
        for turn in reversed(self.turns):
            groups = [m.group(0) for m in GROUP.finditer(turn.resolved) if is_group(m.group(1))]
            if groups:
                return groups[-1]
        return None

    def salient_thing(self) -> str | None:
        """What "it" most likely points to where the last answer names nothing: the thing the last question
        asked about ("Baldwin's trial" after "When is Baldwin's trial set to begin?", answered "Tuesday")."""
        previous = self.turns[-1].resolved
        frame = FRAME.match(previous)
        thing = frame and THING_ASKED.match(previous, frame.end())
        if not thing or names_a_person(thing.group().split()[-1]):  # "it" is no "judge"
            return None
        return thing.group()

    def salient_entity(self) -> str | None:
        """What a pronoun most likely points to: the last answer that is a name, else the last name asked about
        (the person "Who is X?" asks about, not what they are)."""
        for turn in reversed(self.turns):
            answer = turn.answer
            if named_answer(turn):
                return answer.text
            names = NAME.findall(turn.resolved)
            if names:
                return names[-1]
            described = [m.group(0) for m in DESCRIBED.finditer(turn.resolved) if names_a_person(m.group(1))]
            if described:  # "What did the judge rule?", then "What else did she exclude?"
                return described[-1]
        return None


def named_answer(turn: Turn) -> bool:
    """Whether a turn's answer names someone a pronoun may stand for: not what "Who is Luke Nikas?" says
    he is ("lawyer")."""
    answer = turn.answer
    if not (answer.answerable and answer.kind in ("who", "which") and answer.text and len(answer.text) < 60):
        return False
    return not analyse_question(turn.resolved).asks_identity


def names_a_person(noun: str) -> bool:
    """A noun for one person: "judge", "armorer"."""
    return focus_types(noun.lower(), agents=False) == PERSON


def is_group(noun: str) -> bool:
    """A noun for several people: "family", "lawyers"."""
    return noun.lower() in GROUP_NOUNS or (noun.endswith("s") and not noun.endswith("ss"))


def replacement(pronoun: str, entity: str) -> str:
    """The entity in the pronoun's grammatical form."""
    return f"{entity}'s" if pronoun.lower() in POSSESSIVE else entity
