"""Word-level text helpers shared by retrieval and answering: tokens, stems, stop words, normal forms."""

from __future__ import annotations

import re
import string
import unicodedata
from functools import lru_cache

import Stemmer

WORD = re.compile(r"[A-Za-z0-9\u00C0-\u024F]+(?:['’.\-][A-Za-z0-9\u00C0-\u024F]+)*")

STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have
    having he her here hers herself him himself his how i if in into is it its itself just me more most my
    myself no nor not now of off on once only or other our ours ourselves out over own same she should so
    some such than that the their theirs them themselves then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves also according said says tell told name named get got kind many much well
    mostly still must despite amid try tries tried trying along able exact exactly precise precisely main""".split()
)

MONTH_NAMES = "january february march april may june july august september october november december".split()

_stemmer = Stemmer.Stemmer("english")


def fold(text: str) -> str:
    """Lower case with typographic quotes and dashes made plain, so that variants compare equal."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return text.replace("–", "-").replace("—", "-").lower()


def words(text: str) -> list[str]:
    """Word tokens in order, lower-cased, possessives dropped ("Baldwin's" -> "baldwin")."""
    tokens = []
    for match in WORD.finditer(fold(text)):
        token = match.group()
        if token.endswith("'s"):
            token = token[:-2]
        tokens.extend(part for part in re.split(r"['.\-]", token) if part)
    return tokens


# Words that news text and questions use for one another; each group shares one term, so that a
# question and a sentence that word it differently still meet ("who represented him" / "his attorneys").
SYNONYM_GROUPS = (
    "lawyer lawyers attorney attorneys counsel represent represented representing",
    "gun guns firearm firearms revolver pistol weapon weapons",
    "bullet bullets ammunition round rounds",
    "drop dropped dropping withdraw withdrawing withdrawn",  # an appeal, a plea deal, charges
    "image images picture pictures photo photos photograph photographs",
    "fine fines fined penalty penalties",
    "deal deals offer offers offered bargain bargains",  # a plea deal
    "film films movie movies",
    "injure injured injuring injury injuries wound wounds wounded wounding hurt",
    "kill killed killing slay slain",
    "prison prisons jail jailed imprison imprisoned imprisonment",
    "sentence sentenced term",  # a prison term
    "family families relatives relative",
    "sue sued suing lawsuit lawsuits suit suits",
    "blame blamed blaming fault faulted",
    "expect expected expecting anticipate anticipated",
    "begin began begun beginning start started starting",
    "view views opinion opinions",
    "provide provided providing supply supplied",
    "die died dying death dead",
    "reporter reporters journalist journalists",
    "rehearse rehearsed rehearsing rehearsal practice practiced practicing practise practised practising",
)
_CANONICAL = {_stemmer.stemWord(w): _stemmer.stemWord(g.split()[0]) for g in SYNONYM_GROUPS for w in g.split()}

# Irregular verbs, base form first: a stemmer cannot see that "paid" is "pay" or "shot" is "shoot", so a
# question in the present ("how much did it pay") would miss the article's past ("it paid").
IRREGULAR_VERBS = """arise arose arisen; become became; begin began begun; bite bit bitten; blow blew blown;
    break broke broken; bring brought; build built; buy bought; catch caught; choose chose chosen; come came;
    draw drew drawn; drive drove driven; eat ate eaten; fall fell fallen; feed fed; feel felt; fight fought; flee fled;
    find found; fly flew flown; forbid forbade forbidden; forget forgot forgotten; forgive forgave forgiven;
    freeze froze frozen; give gave given; go went gone; grow grew grown; hang hung; hear heard; hide hid hidden;
    hold held; keep kept; know knew known; lead led; leave left; lend lent; lose lost; make made; mean meant;
    meet met; mislead misled; oversee oversaw overseen; pay paid; ride rode ridden; run ran; see saw seen;
    seek sought; sell sold; send sent; shake shook shaken; shoot shot; show shown; sing sang sung; sink sank sunk;
    sit sat; sleep slept; slay slew slain; speak spoke spoken; spend spent; stand stood; steal stole stolen;
    stick stuck; strike struck stricken; swear swore sworn; swim swam swum; take took taken; teach taught;
    tear tore torn; think thought; throw threw thrown; understand understood; undertake undertook undertaken;
    uphold upheld; wake woke woken; wear wore worn; win won; withdraw withdrew withdrawn; write wrote written"""
_BASE_FORM = {form: group.split()[0] for group in IRREGULAR_VERBS.split(";") for form in group.split()[1:]}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem of a lower-case word (of its base form, for an irregular verb), folded onto its
    synonym group's term."""
    base = _stemmer.stemWord(_BASE_FORM.get(word, word))
    return _CANONICAL.get(base, base)


def terms(text: str) -> list[str]:
    """Stems of the content words of `text`: what retrieval and overlap scoring compare."""
    return [stem(w) for w in words(text) if w not in STOPWORDS]


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """Every word of `text` with its offsets and its stem (stop words included, stem "" for them)."""
    spans = []
    for match in WORD.finditer(text):
        word = fold(match.group()).removesuffix("'s")
        spans.append((match.start(), match.end(), "" if word in STOPWORDS else stem(word)))
    return spans


def normalize_answer(text: str) -> str:
    """SQuAD's official normalisation: lower case, no punctuation, no articles, single spaces."""
    text = "".join(ch for ch in text.lower() if ch not in PUNCTUATION)
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    return " ".join(text.split())


PUNCTUATION = frozenset(string.punctuation)


def answer_key(text: str) -> str:
    """Normal form under which answer variants agree: "Gutierrez-Reed" and "Gutierrez Reed" are one."""
    text = fold(unicodedata.normalize("NFKC", text)).replace("-", " ").replace("'s", "")
    return normalize_answer(text)
