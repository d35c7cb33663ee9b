"""Question analysis and the word-level evidence rules, without the model: fast and exact."""

from __future__ import annotations

import pytest

from qa.answer import (
    NAME_ABSENT,
    NAME_NEARBY,
    OWNER_NEARBY,
    PARTLY_NAMED,
    asked_roles,
    closed_quotes,
    derived_terms,
    name_presence,
    named_roles,
    owner_presence,
    owns_asked,
    qualifies_question_name,
    restates_question,
    with_names,
)
from qa.candidates import name_stems, same_answer
from qa.nlp import Mention
from qa.question import DATE, ORG, PERSON, PLACE, analyse_question, asks_outcome, focus_types
from qa.spans import (
    OWNED_ONLY,
    OWNER_GIVEN,
    ROLE_WORDS,
    UNNAMED_HEAD,
    WORDING_VERBS,
    Span,
    appositives,
    entities,
    head_weight,
    label_weight,
    modifiers,
    owned_only,
    spans_for,
    speaker,
    syntax_weight,
    trim_question_words,
)
from qa.store import Sentence
from qa.temporal import contradicts, names_a_year, time_spans
from qa.text import answer_key, stem, word_spans


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("in the 11th century", [(1001, 1100)]),
        ("in the 10th and 11th centuries", [(901, 1000), (1001, 1100)]),
        ("in the 1050s", [(1050, 1059)]),
        ("in the 1100s", [(1100, 1199)]),
        ("which began in 911 as a fiefdom", [(911, 911)]),
        ("On Oct. 21, 2021, while rehearsing", [(2021, 2021)]),
        ("a $100,000 fine and 30,000 men", []),
    ],
)
def test_times_named_in_text(text: str, spans: list[tuple[int, int]]):
    assert time_spans(text) == spans


def test_a_sentence_about_another_time_contradicts_the_question():
    asked = time_spans("Who did the Normans besiege in the 11th century?")
    assert contradicts(asked, time_spans("in 1107, the Normans besieged Dyrrachium"))
    assert not contradicts(asked, time_spans("in 1081 he led an army"))
    assert not contradicts(asked, [])  # a sentence that names no time is no evidence either way
    assert not contradicts([], time_spans("in 1107"))
    assert contradicts(time_spans("in the 1000s"), time_spans("in the 10th century"))  # one shared year


def test_a_number_reads_as_a_year_only_where_it_stands_as_one():
    text = "The Duchy, which began in 911 as a fiefdom, had 300 ships by 1066."
    assert names_a_year(text, text.index("911"), text.index("911") + 3)
    assert names_a_year(text, text.index("1066"), text.index("1066") + 4)
    assert not names_a_year(text, text.index("300"), text.index("300") + 3)


def test_irregular_verbs_meet_their_base_form():
    assert stem("paid") == stem("pay")
    assert stem("shot") == stem("shoot")
    assert stem("slain") == stem("killed")  # irregular form, then synonym group


def test_a_type_noun_is_not_looked_for_in_the_answer_sentence():
    assert "date" not in analyse_question("On what date did the shooting happen?").terms
    assert "countri" not in analyse_question("In which country does her family live?").terms
    assert "judg" in analyse_question("Which judge threw out the charges?").terms  # a role is evidence


def test_the_word_that_ends_a_when_or_how_many_question_is_its_event():
    assert analyse_question("When will Rory Kennedy's documentary be released?").event_word == stem("released")
    assert analyse_question("When did the trial begin?").event_word == stem("begin")
    assert analyse_question("How many motions did the prosecution file?").event_word == stem("file")
    assert analyse_question("Who will testify at the trial?").event_word is None  # names end "who" questions


def test_who_a_question_has_say_something_is_its_speaker():
    speaker = analyse_question("What did Baldwin's lawyers say the prosecution did with the evidence?").speaker
    assert speaker == {stem("baldwin"), stem("lawyers")}
    assert analyse_question("What do prosecutors argue Baldwin did with the gun?").speaker == {stem("prosecutors")}
    assert not analyse_question("What did the judge rule?").speaker


def test_a_plain_what_was_the_x_asks_what_x_was():
    assert analyse_question("What was the verdict in Baldwin's trial?").event_word == stem("verdict")
    assert analyse_question("What did the jury decide?").event_word is None


def test_a_type_noun_after_a_copula_is_the_focus():
    analysis = analyse_question("What was the date of the shooting?")
    assert analysis.focus == "date" and analysis.expected == DATE and analysis.terms == ("shoot",)
    assert analyse_question("What was the amount of the fine?").expected == frozenset({"MONEY"})
    assert analyse_question("What was the cause of the shooting?").focus is None  # "cause" names no type
    assert analyse_question("What is the trial date?").expected == DATE
    assert analyse_question("What was the exact date of the shooting?").expected == DATE  # one word before "of"


def test_the_modal_before_do_is_the_one_asked():
    assert analyse_question("What may Dave Halls do at the trial?").modal == "may"
    assert analyse_question("What did Nikas argue the role would do?").modal == "would"
    assert analyse_question("What did Baldwin do in court?").modal is None


def test_the_noun_whose_kind_is_asked_is_read_once_with_the_question():
    assert analyse_question("What kind of material does the shield law protect?").kind_of == stem("material")
    assert analyse_question("What did the shield law protect?").kind_of is None


def test_other_before_the_noun_leaves_it_the_focus():
    assert analyse_question("What other role did Baldwin have on the film?").focus == "role"


def test_a_plural_noun_before_an_auxiliary_is_the_focus_not_a_verb():
    assert analyse_question("What political views is Baldwin known for?").focus == "views"
    assert analyse_question("What legal challenges does Baldwin still face?").focus == "challenges"
    assert analyse_question("Which law protects journalists?").focus == "law"  # "protects" is the verb


def test_should_have_asks_what_was_meant_not_what_was():
    assert analyse_question("Which round should have been in Baldwin's gun?").counterfactual
    assert analyse_question("What should Baldwin have done?").counterfactual
    assert not analyse_question("How many days was the trial supposed to take?").counterfactual  # expected
    assert not analyse_question("What did the gun contain instead of a dummy round?").counterfactual  # what was


def test_the_article_a_question_names_as_its_source_is_no_word_to_find():
    assert analyse_question("What charge does Baldwin face in the Variety article?").terms == (
        stem("charge"),
        stem("baldwin"),
        stem("face"),
    )
    assert "articl" not in analyse_question("What was the verdict, according to the first article?").terms
    assert analyse_question("What was in the report?").terms == (stem("report"),)  # nothing else is asked


def test_what_before_the_verb_a_speaker_says_asks_its_subject():
    assert analyse_question("What did the judge say was not outweighed by prejudice?").reported_predicate == "outweigh"
    assert analyse_question("What did Morrissey argue was irrelevant?").reported_predicate == stem("irrelevant")
    assert analyse_question("What did she say she hopes the lawsuits bring?").reported_predicate is None
    assert analyse_question("Who did Morrissey say was irrelevant?").reported_predicate is None
    # whose it is is no part of what is said of it
    asked = analyse_question("What has the defense said was not Baldwin's responsibility?")
    assert asked.reported_predicate == stem("responsibility")


def test_a_phrase_of_the_focus_noun_that_only_says_whose_counts_less():
    text = "While Baldwin’s charges have been dropped, the charges of manslaughter stand."
    assert owned_only(text, 6, 23, stem("charges")) == OWNED_ONLY
    assert owned_only(text, 43, 70, stem("charges")) == 1.0  # "the charges of manslaughter"


def test_a_possessed_noun_after_a_preposition_is_no_focus():
    assert analyse_question("What had not been shared with Baldwin's lawyers?").focus is None
    assert analyse_question("What was Baldwin's salary?").focus == "salary"


def test_how_much_time_asks_how_long():
    analysis = analyse_question("How much prison time could Baldwin get?")
    assert analysis.kind == "how_long"
    assert "time" not in analysis.terms
    assert analyse_question("How much did Rust Movie Productions pay?").kind == "how_much"


def test_a_question_about_the_past_is_told_from_its_verb():
    assert analyse_question("Who testified as the first witness?").past
    assert analyse_question("When did the trial begin?").past
    assert not analyse_question("Who will testify at the trial?").past


def test_whose_the_focus_is_is_its_owner():
    assert analyse_question("What was the name of Hutchins' lawyer?").focus_owner == stem("hutchins")
    assert analyse_question("Who was Robert's son?").focus_owner == stem("robert")
    assert analyse_question("Who was the judge?").focus_owner is None


def test_a_question_about_a_location_asks_where():
    analysis = analyse_question("What was the rehearsal location?")
    assert analysis.kind == "where" and analysis.terms == (stem("rehearsal"),)


def test_possessive_relation_is_the_role_asked_for():
    assert analyse_question("Who was Robert's son?").focus == "son"
    assert analyse_question("Who was Dave Halls' lawyer?").focus == "lawyer"  # a plural possessive too
    assert analyse_question("Who was Edward the Confessor's half-brother?").focus == "brother"
    assert analyse_question("Who was Robert's army?").focus is None


def test_name_and_title_questions_ask_for_a_name():
    analysis = analyse_question("What is the title of Rory Kennedy's documentary?")
    assert analysis.asks_name and analysis.focus == "documentary"
    assert analyse_question("What is Kennedy's company called?").asks_name
    assert not analyse_question("Which company paid the fine?").asks_name


def test_a_span_that_restates_the_question_is_told_from_a_new_name():
    analysis = analyse_question("Who is Halyna Hutchins's husband?")
    assert not restates_question(analysis, ["matthew", "hutchin"])  # another person, same family name
    assert restates_question(analysis, ["halyna", "hutchin"])
    about_baldwin = analyse_question("What did Baldwin use as a pointer?")
    assert restates_question(about_baldwin, ["alec", "baldwin"])
    in_los_angeles = analyse_question("Who enforces the subpoena in Los Angeles?")
    assert not restates_question(in_los_angeles, ["los", "angel", "counti", "district"])  # a body, not the place
    about_the_lawyers = analyse_question("What have Baldwin's lawyers denied?")
    claim = ["prosecut", "claim", "baldwin", "commiss", "documentari"]
    assert not restates_question(about_the_lawyers, claim)  # holds the name, and says more besides


def test_plural_focus_nouns_are_made_singular_only_where_they_are_plural():
    assert focus_types("countries") == focus_types("cities") == focus_types("country") == PLACE
    assert focus_types("count") == frozenset()  # not "county"
    assert focus_types("part") == frozenset()  # not "party"


def test_a_verb_in_s_right_after_what_is_no_focus():
    assert analyse_question("What protects journalists from turning over material?").focus is None
    assert analyse_question("What documents did the prosecution file?").focus == "documents"


def test_a_compound_of_person_or_woman_asks_for_a_person():
    assert focus_types("foreperson") == focus_types("spokeswoman") == PERSON


def test_a_leading_preposition_is_kept_for_the_answer_to_follow():
    assert analyse_question("Into what did the armorer load the live round?").preposition == "into"
    assert analyse_question("From which countries did the Norse originate?").preposition == "from"
    assert analyse_question("What did the armorer load into the gun?").preposition is None


def test_a_name_set_after_the_questions_own_name_by_a_comma_only_qualifies_it():
    text = "Santa Fe, NM — A judge in Santa Fe, in the court, ruled."
    tokens = word_spans(text)
    nm, court = [2], [10]  # "NM"; "court", which follows "the", not a question name
    which = analyse_question("Which court held the hearing in Santa Fe?")
    assert qualifies_question_name(which, text, tokens, nm)
    assert not qualifies_question_name(which, text, tokens, court)
    assert not qualifies_question_name(analyse_question("Where is Santa Fe?"), text, tokens, nm)


def test_a_make_or_model_question_asks_about_the_thing_it_names():
    analysis = analyse_question("What model of gun did Baldwin fire?")
    assert analysis.focus == "gun" and "model" not in analysis.terms


def test_neither_a_count_before_the_focus_noun_nor_a_place_after_it_is_the_focus():
    assert analyse_question("Which ranch near Santa Fe was the film shot at?").focus == "ranch"
    assert analyse_question("Which two attorneys represented Baldwin?").focus == "attorneys"
    assert analyse_question("Which 3 films did she make?").focus == "films"


def test_do_as_the_main_verb_asks_for_an_action():
    assert analyse_question("What did Baldwin do after the ruling?").asks_action
    assert analyse_question("What is Gutierrez-Reed doing about her sentence?").asks_action
    assert not analyse_question("What did Baldwin fire?").asks_action  # "did" is only the auxiliary
    assert analyse_question("What did the prosecution claim Baldwin did?").asks_action  # the second "did"
    assert analyse_question("What do prosecutors argue Baldwin did with the gun?").asks_action  # after "do"
    assert not analyse_question("What kind of round did Baldwin's gun contain?").asks_action


@pytest.mark.parametrize(
    "question",
    [
        "What was Hutchins's job?",
        "What was Joel Souza's job on the film?",
        "What is Baldwin's role on the film besides being an actor?",  # what is asked, apart from one it names
    ],
)
def test_a_job_question_about_a_named_person_asks_what_they_are(question):
    analysis = analyse_question(question)
    assert analysis.asks_identity and analysis.asks_occupation and "job" not in analysis.terms
    assert not analyse_question("What was the job?").asks_occupation


def test_the_job_a_question_sets_aside_is_not_among_its_terms():
    analysis = analyse_question("What is Baldwin's role on the film besides being an actor?")
    assert "actor" not in analysis.terms and "besid" not in analysis.terms and "film" in analysis.terms


def test_the_last_word_of_a_name_stands_for_it():
    assert analyse_question("What company does Rory Kennedy run?").surnames == (
        ("kennedi", frozenset({"rori", "kennedi"})),
    )


def test_a_question_may_end_in_as():
    analysis = analyse_question("What did Baldwin use a pistol as?")
    assert analysis.preposition == "as" and analysis.stranded_after == "gun"  # "pistol" is stemmed as "gun"


def test_a_plain_what_before_an_auxiliary_asks_for_the_verbs_object():
    assert analyse_question("What did prosecutors withdraw after learning of the documentary?").asks_direct_object
    assert not analyse_question("What did Baldwin do after the ruling?").asks_direct_object  # an action
    assert not analyse_question("What did the prosecutors say the footage includes?").asks_direct_object  # a quote
    assert not analyse_question("What did the defense trace the source of?").asks_direct_object


def test_a_name_after_the_auxiliary_is_the_subject_not_the_answer():
    assert not analyse_question("What has Baldwin pleaded?").asks_subject
    assert analyse_question("Who has pleaded no contest?").asks_subject


def test_a_word_before_a_determiner_is_a_verb_not_the_focus():
    assert analyse_question("What precedes the period of Anglo-Saxon architecture?").focus is None
    assert analyse_question("What film was Baldwin making?").focus == "film"


def test_which_owner_is_not_the_subject_of_the_verb():
    analysis = analyse_question("Which outlet's reporter contributed to the report?")
    assert analysis.focus == "outlet" and analysis.asks_possessor and not analysis.asks_subject


def test_a_title_is_no_part_of_a_name():
    assert analyse_question("Whose request did Judge Sommer grant?").names == (frozenset({"sommer"}),)


def test_what_was_said_is_asked_only_where_the_saying_verb_ends_the_question():
    assert analyse_question("What did Morrissey argue about the cache of bullets?").asks_what_said
    assert not analyse_question("What did the prosecutors say the footage includes?").asks_what_said
    assert analyse_question("What did prosecutors learn that made them withdraw the deal?").asks_what_said
    assert analyse_question("What does Baldwin maintain about the trigger?").asks_what_said


def test_the_focus_phrase_runs_from_the_wh_word_to_the_focus_noun():
    assert analyse_question("Which judicial district court hosted the hearing?").focus_phrase == {
        "judici",
        "district",
        "court",
    }
    assert analyse_question("What is Gutierrez-Reed appealing?").asks_direct_object  # progressive
    assert not analyse_question("What was Baldwin accused of after the shooting?").asks_direct_object  # a noun
    # a progressive verb before a clause of time, whose verb is not the asked one
    analysis = analyse_question("What was Baldwin rehearsing when the gun discharged?")
    assert analysis.asks_direct_object and stem("discharged") in analysis.purposes


def test_a_passive_with_been_asks_for_its_subject_not_an_object_of_the_verb():
    analysis = analyse_question("What had been withheld by the prosecution?")
    assert analysis.asks_object and not analysis.asks_subject and not analysis.asks_direct_object


def test_irregular_participles_make_a_question_ask_for_an_object():
    assert analyse_question("Who was shown the footage?").asks_object
    assert analyse_question("Who was sworn in?").asks_object
    assert not analyse_question("Who showed the footage?").asks_object
    assert analyse_question("Which crew member was wounded along with the cinematographer?").asks_object
    assert not analyse_question("Who will replace Morrissey as special prosecutor?").asks_object  # its subject


def test_a_doer_guessed_from_its_ending_is_the_focus_only_as_the_head():
    assert analyse_question("What major conquest did Tancred play a role in?").focus == "conquest"
    assert analyse_question("Which documentary maker does not have to hand over footage?").focus == "maker"


def test_a_stranded_preposition_makes_the_noun_before_it_no_role_even_before_an_attribution():
    analysis = analyse_question("Who was the gun pointed at, according to the prosecution?")
    assert (analysis.focus, analysis.preposition, analysis.stranded_after) == (None, "at", stem("pointed"))
    assert stem("prosecution") in analysis.terms  # what the attribution says still counts as words to find
    assert analyse_question("Who is the judge in Baldwin's trial?").focus == "judge"


def test_who_owns_a_thing_the_question_names_is_whom_the_question_is_about():
    text = "Hutchins’ family is continuing a civil lawsuit against Baldwin."
    analysis = analyse_question("Whom is the family's civil lawsuit against?")
    assert owns_asked(analysis, text, text.index("’"))  # "Hutchins’ family"
    assert not owns_asked(analysis, text, text.index("."))


def test_a_question_in_the_future_is_told_from_will():
    assert analyse_question("Who will replace Morrissey as special prosecutor?").future
    assert analyse_question("How long will the trial last?").future
    assert not analyse_question("What did the will say?").future  # a noun
    assert not analyse_question("Who replaced Hutchins?").future


def test_a_noun_in_er_names_a_doer_unless_it_is_a_known_thing():
    assert focus_types("maker") == PERSON | ORG
    assert focus_types("caliber") == frozenset()  # "What caliber was the round?" asks for no person
    assert analyse_question("What caliber was the live round?").expected == frozenset()


def test_an_ordinal_asks_which_in_order_and_is_no_focus():
    analysis = analyse_question("Who was the first witness to testify at Baldwin's trial?")
    assert analysis.ordinal and analysis.focus == "witness"
    assert not analyse_question("In which city is the First Judicial District Court?").ordinal  # a name


def test_what_happened_to_something_asks_what_was_done_to_its_head_noun():
    assert asks_outcome("What happened to the manslaughter charges against Baldwin?") == stem("charges")
    assert analyse_question("What happened to the subpoena?").asks_action
    assert asks_outcome("What did the order say should happen to the subpoena?") is None  # a quote says it


def test_a_stranded_preposition_is_kept_with_the_word_it_follows():
    analysis = analyse_question("What did the defense try to trace the source of?")
    assert (analysis.preposition, analysis.stranded_after) == ("of", stem("source"))
    assert analyse_question("Into what did she load the round?").stranded_after is None
    analysis = analyse_question("What was Baldwin accused of after the shooting?")  # "of" with no object
    assert (analysis.preposition, analysis.stranded_after, analysis.stranded_until) == ("of", stem("accused"), "after")
    assert analyse_question("What did Baldwin agree to hand over to the filmmakers?").stranded_after is None


def test_a_name_the_article_gives_a_person_is_a_person_where_spacy_misses_it():
    text = "Halls may testify at Baldwin's trial."
    baldwin_org = Mention(21, 28, "ORG", "poss", "trial")
    halls_chunk = Mention(0, 5, "halls", "nsubj", "testify")
    sentence = Sentence(0, 0, len(text), (baldwin_org,), (halls_chunk,))
    found = {text[m.start : m.end]: m.label for m in entities(sentence, text, frozenset({"dave", "halls", "baldwin"}))}
    assert found == {"Baldwin": "PERSON", "Halls": "PERSON"}
    assert {m.label for m in entities(sentence, text, frozenset())} == {"ORG"}


@pytest.mark.parametrize(
    ("question", "identity"),
    [
        ("Who is Matthew Hutchins?", True),
        ("Who was Rollo?", True),
        ("Who is the judge?", False),
        ("Who was Margaret's husband?", False),
        ("Who was Guy's Rival?", False),
        ("Who loaded the gun?", False),
        ("What is Moxie Films?", True),
        ("What is the shield law?", False),
        ("What was Matthew Hutchins named as?", False),  # what follows "named as"
    ],
)
def test_who_is_asks_what_a_named_person_is(question: str, identity: bool):
    assert analyse_question(question).asks_identity == identity


@pytest.mark.parametrize(
    ("text", "date", "point"),
    [
        ("an 18-month sentence", "18-month", False),
        ("for 10 days", "10 days", False),
        ("more than a year after the shooting", "more than a year", True),
    ],
)
def test_when_asks_for_a_point_in_time_not_a_duration(text: str, date: str, point: bool):
    assert fits_fully("When was she born?", text, date) == point


@pytest.mark.parametrize(
    ("text", "date", "day"),
    [
        ("an 18-month sentence", "18-month", False),
        ("convicted in March", "March", False),
        ("set to begin Tuesday", "Tuesday", True),
        ("On Oct. 21, 2021, while rehearsing", "Oct. 21, 2021", True),
    ],
)
def test_what_day_asks_for_a_date_that_names_a_day(text: str, date: str, day: bool):
    assert fits_fully("What day did the trial begin?", text, date) == day


def fits_fully(question: str, text: str, date: str) -> bool:
    """Whether `date`, tagged a date in `text`, fits what `question` asks for with full weight."""
    mention = Mention(text.index(date), text.index(date) + len(date), "DATE")
    return label_weight(analyse_question(question), mention, text) == 1.0


def test_what_sets_a_thing_apart_is_no_possessor_and_keeps_its_quotes():
    text = "It went into Baldwin’s gun instead of an inert “dummy” round."
    gun = Mention(text.index("Baldwin"), text.index(" instead"), "gun")
    dummy = Mention(text.index("an inert"), text.index("."), "round")
    sentence = Sentence(0, 0, len(text), (), (gun, dummy))
    spans = modifiers(analyse_question("What round was in the gun?"), sentence, text)
    assert [text[s.start : s.end] for s in spans] == ["inert “dummy”"]
    spans = modifiers(analyse_question("What kind of round was in the gun?"), sentence, text)
    assert [text[s.start : s.end] for s in spans] == ["inert “dummy” round"]  # the kind asked, with its noun


def test_a_noun_a_question_only_shares_a_stem_with_has_no_kind_asked():
    text = "She excluded the summary findings of the investigation."
    findings = Mention(text.index("the summary"), text.index(" of"), "findings")
    sentence = Sentence(0, 0, len(text), (), (findings,))
    assert not modifiers(analyse_question("What did the investigation find?"), sentence, text)  # not "summary"


def test_which_x_s_y_asks_for_the_owner():
    analysis = analyse_question("Which state's attorney general's office said it would not pursue the appeal?")
    assert (analysis.kind, analysis.focus, analysis.asks_possessor) == ("which", "state", True)


def test_the_speaker_of_a_quote_is_told_from_others_in_the_sentence():
    text = "“It was about justice,” said Morrissey, regretting that Baldwin went free. Nikas told them."

    def span(name: str) -> tuple[int, int]:
        return text.index(name), text.index(name) + len(name)

    assert speaker(text, *span("Morrissey")) and speaker(text, *span("Nikas"))
    assert not speaker(text, *span("Baldwin"))


def test_take_place_frames_the_question_like_happen():
    assert analyse_question("Where did the shooting take place?").terms == ("shoot",)
    assert "take" in analyse_question("Who will take the stand?").terms
    assert analyse_question("Where was the hearing held?").terms == ("hear",)  # an event held is one that happened
    assert analyse_question("Where is the ranch located?").terms == ("ranch",)  # where it is
    assert "hold" in analyse_question("What was Baldwin holding?").terms


def test_whose_asks_for_a_possessor():
    assert "whose" not in analyse_question("Whose status as a producer did the judge rule on?").terms
    assert analyse_question("Whose status as a producer did the judge rule on?").asks_possessor
    assert not analyse_question("Who was the producer?").asks_possessor
    assert not analyse_question("What is the status of the producer whose film stopped?").asks_possessor


def test_a_sentence_that_does_not_name_the_subject_counts_less():
    analysis = analyse_question("Who was Margaret's brother?")
    assert name_presence(analysis, {"margaret", "sister", "edgar"}, set()) == 1.0
    assert name_presence(analysis, {"brother", "alexand"}, {"margaret"}) == NAME_NEARBY
    assert name_presence(analysis, {"brother", "alexand"}, {"david"}) == NAME_ABSENT
    assert name_presence(analyse_question("who was the armorer?"), {"armor"}, set()) == 1.0  # no name asked
    two_names = analyse_question("When did Rory Kennedy start Moxie Films?")
    assert name_presence(two_names, {"kennedi", "began", "documentari"}, set()) == PARTLY_NAMED < 1.0


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Gutierrez Reed", "Hannah Gutierrez-Reed", True),
        ("18 months", "18-month", True),
        ("up to 18 months", "18 months", False),
        ("Kari Morrissey", "Erlinda Johnson", False),
    ],
)
def test_answer_variants(a: str, b: str, same: bool):
    assert same_answer(answer_key(a), answer_key(b)) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Gutierrez Reed", "Hannah Gutierrez-Reed", True),  # the longer adds a name
        ("Baldwin", "exonerating Baldwin", False),  # the longer adds what is said of him
        ("October", "October 2021", True),  # or a number
        ("October 2021", "Oct. 21, 2021", True),  # a month's short form is the month
        ("18 months", "18-month", True),
    ],
)
def test_an_answer_agrees_with_a_longer_one_only_where_that_adds_names(a: str, b: str, same: bool):
    assert same_answer(answer_key(a), answer_key(b), name_stems(a), name_stems(b)) is same


def test_a_possessed_noun_that_names_a_type_types_the_question():
    analysis = analyse_question("What was Baldwin's salary for Rust?")
    assert analysis.expected == {"MONEY"} and analysis.focus == "salary"
    assert not analyse_question("What was Hutchins's job?").expected  # a job is said in words, not an entity


def test_a_contracted_negation_is_read_as_its_words():
    analysis = analyse_question("What won't be allowed at trial?")
    assert analysis.kind == "what" and analysis.focus is None
    assert "t" not in analysis.terms and "win" not in analysis.terms  # not "won" and "t"


def test_the_words_before_a_name_that_say_its_role_are_whole_words():
    assert ROLE_WORDS.search("injuring director ").group() == "director"
    assert not ROLE_WORDS.search("Fox News Digital's ")  # not the "s" of a possessive


def test_a_determiner_after_a_modal_starts_the_subject_so_what_is_the_object():
    assert not analyse_question("What may the dismissal bring to the legal chapter?").asks_subject
    assert analyse_question("Who has pleaded no contest?").asks_subject


def test_an_owned_role_before_a_clause_is_the_role_asked():
    assert analyse_question("Who is Baldwin's defense lawyer who argued the role was irrelevant?").focus == "lawyer"


def test_what_someone_told_someone_is_what_they_said():
    analysis = analyse_question("What did Dave Halls tell investigators?")
    assert analysis.asks_what_said and analysis.speaker == {"dave", "hall"} and not analysis.asks_direct_object


def test_a_plural_noun_after_a_modal_is_the_subject_so_what_is_the_object():
    analysis = analyse_question("What can prosecutors present at trial?")
    assert analysis.asks_direct_object and not analysis.asks_subject
    assert analyse_question("Who will testify at the trial?").asks_subject  # a verb after "will" has no "-s"


def test_a_common_acronym_is_no_name():
    assert analyse_question("What TV program has Baldwin appeared on?").names == (frozenset({"baldwin"}),)
    assert analyse_question("What did Morrissey regret about Baldwin?").asks_what_said  # a feeling's clause


def test_which_type_of_x_is_answered_by_what_sets_the_x_apart():
    text = "The office is tasked with enforcing the out-of-state subpoena."
    subpoena = Mention(text.index("the out"), text.index("."), "subpoena", "dobj", "enforce")
    sentence = Sentence(0, 0, len(text), (), (subpoena,))
    spans = spans_for(analyse_question("Which type of subpoena was the office enforcing?"), sentence, text)
    kinds = [s.weight for s in spans if text[s.start : s.end] == "out-of-state"]
    assert kinds and max(kinds) >= 0.7  # as much as "what kind of subpoena" gives it, not half of it


def test_a_hyphenated_modifier_that_opens_with_a_preposition_does_not_end_the_focus_phrase():
    assert analyse_question("Which previous on-set death did the judge bar discussion of?").focus == "death"


def test_question_words_trimmed_from_an_entity_take_the_words_that_led_to_them():
    text = "It emerged in the first half of the 10th century."
    start = text.index("the first")
    span = Span(start, text.index("."), 1.0, Mention(start, text.index("."), "DATE"))
    trimmed = trim_question_words(span, word_spans(text), {"10th", "centuri"})
    assert text[trimmed.start : trimmed.end] == "the first half"
    last_days = "It will last 10 days."
    span = Span(last_days.index("last"), last_days.index("."), 1.0, None)
    trimmed = trim_question_words(span, word_spans(last_days), {"last"})
    assert last_days[trimmed.start : trimmed.end] == "10 days"
    interview = "Baldwin disclosed in an interview last year that it had affected him."
    start, end = interview.index("an interview"), interview.index(" that")
    span = Span(start, end, 1.0, Mention(start, end, "DATE"))  # as the tagger takes it
    trimmed = trim_question_words(span, word_spans(interview), {stem("interview")})
    assert interview[trimmed.start : trimmed.end] == "last year"  # the article goes with the word


def test_a_span_s_quotation_marks_are_paired():
    text = "Baldwin could be seen yelling “reload!” at the armorer."
    start, end = closed_quotes(text, text.index("yelling"), text.index("reload") + len("reload"))
    assert text[start:end] == "yelling “reload!”"
    text = "It includes “critical pieces of information.”"
    start, end = closed_quotes(text, text.index("“"), text.index("."))
    assert text[start:end] == "critical pieces of information"  # the sentence's end is no part of it


def test_an_owner_named_by_a_common_noun_counts_as_a_name_does():
    analysis = analyse_question("How long is the armorer's prison term?")
    assert owner_presence(analysis, {"armor", "sentenc"}, set()) == 1.0
    assert owner_presence(analysis, {"prison", "sentenc"}, {"armor"}) == OWNER_NEARBY < 1.0
    assert owner_presence(analyse_question("How long is the prison term?"), {"prison"}, set()) == 1.0


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("Who replaced Halyna Hutchins as cinematographer?", "replac"),
        ("Who else represents Baldwin?", stem("represents")),
        ("Who has pleaded no contest?", "plead"),
        ("Who was injured?", None),  # passive: the wh-phrase does nothing
        ("Whom did the judge criticize?", None),
    ],
)
def test_the_verb_a_subject_wh_phrase_does_is_found(question: str, verb: str | None):
    assert analyse_question(question).verb == verb


@pytest.mark.parametrize(
    ("question", "modifier"),
    [
        ("Who was the assistant director on Rust?", "assist"),
        ("Which special prosecutor withdrew the appeal?", "special"),
        ("Which New Mexico judge ruled?", None),  # a place, not a kind of judge
        ("Who was the judge?", None),
    ],
)
def test_the_word_that_narrows_the_focus_is_found(question: str, modifier: str | None):
    assert analyse_question(question).focus_modifier == modifier


def test_a_verb_after_to_is_a_purpose_not_the_verb_whose_object_is_asked():
    analysis = analyse_question("What did Rust Movie Productions pay to settle the safety violations?")
    assert analysis.asks_direct_object and analysis.purposes == {stem("settle")}


def test_who_did_x_say_does_not_ask_for_the_speaker():
    assert analyse_question("Who said the evidence was irrelevant?").asks_speaker
    assert not analyse_question("Who did prosecutors say Baldwin sent scrambling?").asks_speaker


def test_a_name_set_beside_the_owner_and_role_the_question_gives_counts_more():
    text = "the Normans under Bohemond, Robert's son, and his son Duncan"
    bohemond = Mention(18, 26, "PERSON", "pobj", "under")
    owned = Mention(28, 40, "son", "appos", "Bohemond")
    sentence = Sentence(0, 0, len(text), (bohemond,), (owned,))
    asked = analyse_question("Who was Robert's son?")
    assert asked.focus_owned
    assert [s.weight for s in appositives(asked, sentence, text, "son")] == [OWNER_GIVEN]
    plain = analyse_question("Which son of Robert landed?")
    assert [s.weight for s in appositives(plain, sentence, text, "son")] == [1.0]


def test_a_name_question_is_answered_by_a_name_set_beside_the_focus_not_by_the_focus_phrase():
    text = "Dyrrachium—one of the most important naval bases—fell."
    dyrrachium = Mention(0, 10, "GPE", "nsubj", "fall")
    bases = Mention(18, 48, "bases", "pobj", "one")
    sentence = Sentence(0, 0, len(text), (dyrrachium,), (bases,))
    asked = analyse_question("What was the naval base called?")
    assert asked.asks_name
    assert head_weight(asked, text, bases) == UNNAMED_HEAD
    assert [(s.start, s.end) for s in appositives(asked, sentence, text, "base")] == [(0, 10)]


@pytest.mark.parametrize(
    ("question", "focus"),
    [
        ("What theory of guilt was she trying to support?", "theory"),  # the head of "X of Y" is X
        ("What time of day did the shooting occur?", "day"),  # unless Y names a type too
        ("Which member of the crew was hurt?", "member"),
        ("What type of gun did Baldwin fire?", "gun"),  # "type of" names the kind asked for
        ("What is the name of Rory Kennedy's production company?", "company"),  # a name of four words
    ],
)
def test_the_focus_of_x_of_y_is_its_head(question: str, focus: str):
    assert analyse_question(question).focus == focus


def test_the_modal_after_the_wh_word_is_kept():
    assert analyse_question("What may Dave Halls do at Baldwin's trial?").modal == "may"
    assert analyse_question("What did Dave Halls do?").modal is None


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("What did she say she hopes the lawsuits bring?", "bring"),
        ("What did the prosecutors say the footage includes?", "includ"),
        ("What did Morrissey argue?", None),  # what was said is the answer
        ("What did the prosecutor's office say about efforts to prosecute Baldwin?", None),
        ("What did prosecutors withdraw?", None),  # no verb of saying: the plain object question
        ("What did the prosecutor's office say compromised its ability to prosecute?", None),  # "what" is a subject
    ],
)
def test_the_verb_that_ends_a_reported_question_is_the_one_whose_object_is_asked(question: str, verb: str | None):
    assert analyse_question(question).reported_verb == verb


def test_who_was_verbed_prefers_the_verbs_object_to_another_verbs_subject():
    asked = analyse_question("Who was killed on the set?")
    killed = Mention(0, 8, "PERSON", "dobj", "kill")  # "killing Hutchins"
    cleared = Mention(0, 8, "PERSON", "nsubj", "clear")  # "Baldwin Cleared"
    assert syntax_weight(asked, killed, [], [], None) > 1.0 > syntax_weight(asked, cleared, [], [], None)


def test_verbs_of_wording_leave_out_words_a_synonym_folds_onto_a_noun():
    assert {stem("characterise"), stem("characterize"), stem("deem")} <= WORDING_VERBS
    assert stem("sentence") not in WORDING_VERBS  # "term" is folded onto "sentence": "a prison term"
    assert stem("practising") == stem("rehearsing")


def test_a_round_is_a_bullet():
    assert stem("round") == stem("bullets") == stem("ammunition")  # "the live round": "a real bullet"


def test_to_drop_an_appeal_is_to_withdraw_it():
    assert stem("dropped") == stem("withdrew") == stem("withdrawn")


def test_being_able_to_or_exact_is_no_word_a_sentence_must_share():
    able = analyse_question("What aftermath will prosecutors be able to show?")
    assert able.terms == analyse_question("What aftermath will prosecutors show?").terms
    exact = analyse_question("What was the exact date of the shooting?")
    assert exact.terms == analyse_question("What was the date of the shooting?").terms


def test_words_a_paraphrase_uses_for_the_articles_words():
    assert stem("wounds") == stem("injuries") == stem("injured")
    assert stem("pictures") == stem("images")
    assert stem("penalty") == stem("fine")
    assert stem("suit") == stem("lawsuit")
    assert stem("offer") == stem("deal")  # a plea offer


NAMES_BY_ROLE = {
    "actor": "Alec Baldwin",
    stem("cinematographer"): "Halyna Hutchins",
    stem("armorer"): "Hannah Reed",
    stem("attorney"): "Luke Nikas",
}


@pytest.mark.parametrize(
    ("question", "read_as"),
    [
        ("Where will the actor face a jury?", "Where will the actor Alec Baldwin face a jury?"),
        ("Who is the late cinematographer's husband?", "Who is the late cinematographer Halyna Hutchins's husband?"),
        ("Who was the film's armorer?", "Who was the film's armorer?"),  # the role it asks about
        ("What did the actor Alec Baldwin yell?", "What did the actor Alec Baldwin yell?"),  # named already
        ("Which actors testified?", "Which actors testified?"),  # no "the", and more than one
        ("What did the attorney general's office say?", "What did the attorney general's office say?"),  # a title
    ],
)
def test_a_person_given_by_a_role_the_articles_give_one_person_is_also_searched_for_by_name(
    question: str, read_as: str
):
    analysis = analyse_question(question)
    found = named_roles(asked_roles(question, analysis), NAMES_BY_ROLE, analysis)
    assert with_names(question, found) == read_as


def test_a_word_meets_its_other_forms_the_stemmer_keeps_apart():
    assert derived_terms({stem("settle")}, {stem("settlement")}) == {stem("settle")}
    assert derived_terms({stem("agreement")}, {stem("agreed")}) == {stem("agreement")}
    assert derived_terms({stem("pay")}, {stem("paid")}) == set()  # the same stem already; nothing to derive
    assert derived_terms({stem("directed")}, {stem("director")}) == set()  # the doer is not the deed
    assert derived_terms({stem("experience")}, {stem("experienced")}) == {stem("experience")}
    assert derived_terms({stem("rule")}, {stem("rules"), stem("ruler")}) == set()  # too short a stem to tell
