"""Follow-up questions resolved from earlier turns, with the real answerer."""

from __future__ import annotations

import pytest

from qa.conversation import Conversation


def test_pronoun_follow_up_uses_the_previous_answer(answerer):
    conversation = Conversation(answerer)
    first = conversation.ask("Who was the armorer on Rust?")
    assert "Gutierrez" in first.answer.text
    second = conversation.ask("How long is her sentence?")
    assert "Gutierrez Reed's sentence" in second.resolved
    assert "18" in second.answer.text


def test_a_pronoun_after_who_is_x_stands_for_x_not_for_what_x_is(answerer):
    conversation = Conversation(answerer)
    assert conversation.ask("Who is Luke Nikas?").answer.text == "lawyer"
    turn = conversation.ask("What has he described the safety bureau report as?")
    assert "Luke Nikas" in turn.resolved
    assert turn.answer.text == "exonerating Baldwin"


@pytest.mark.parametrize(
    ("first", "follow_up", "resolved"),
    [
        ("Who was wounded in the shooting?", "and the cinematographer?", "Who was the cinematographer?"),
        # after "which X", the fragment's noun takes the focus noun's place
        ("Which director was injured?", "And the cinematographer?", "Which cinematographer was injured?"),
    ],
)
def test_elliptic_follow_up_reuses_the_question_frame(answerer, first: str, follow_up: str, resolved: str):
    conversation = Conversation(answerer)
    conversation.ask(first)
    turn = conversation.ask(follow_up)
    assert turn.resolved == resolved
    assert turn.answer.text == "Halyna Hutchins"


def test_and_before_a_full_question_is_dropped(answerer):
    conversation = Conversation(answerer)
    conversation.ask("Who was the armorer on Rust?")
    assert conversation.ask("And who represented Baldwin?").resolved == "who represented Baldwin?"


def test_first_question_and_clear_leave_questions_untouched(answerer):
    conversation = Conversation(answerer)
    assert conversation.ask("How long is her sentence?").resolved == "How long is her sentence?"
    conversation.clear()
    assert conversation.turns == []


def test_a_pronoun_keeps_pointing_where_it_pointed_in_the_turn_before(answerer):
    conversation = Conversation(answerer)
    conversation.ask("Who was the cinematographer killed in the shooting?")
    assert "Halyna Hutchins's husband" in conversation.ask("Who is her husband?").resolved
    turn = conversation.ask("Where does her family live?")  # her = Halyna, not the last answer (her husband)
    assert "Halyna Hutchins's family" in turn.resolved
    assert turn.answer.text == "Ukraine"


def test_who_else_passes_over_the_answers_already_given(answerer):
    conversation = Conversation(answerer)
    assert conversation.ask("Which defense lawyer argued the producer role was irrelevant?").answer.text == "Luke Nikas"
    assert conversation.ask("And who else represents Baldwin?").answer.text == "Alex Spiro"


def test_who_else_may_be_given_where_another_sentence_shares_the_question_s_words(answerer):
    # "Baldwin’s attorneys, Alex Spiro and Luke Nikas ..." scores best, "appeared in court with his attorneys
    # Luke Nikas and Alex Spiro" shares "court"
    conversation = Conversation(answerer)
    conversation.ask("Which lawyer described the safety report as exonerating Baldwin?")
    assert conversation.ask("Who else represented Baldwin in court?").answer.text == "Alex Spiro"


def test_they_points_to_the_last_group_a_question_named(answerer):
    conversation = Conversation(answerer)
    conversation.ask("Who was killed in the shooting?")
    conversation.ask("Where does her family live?")
    assert "Hutchins's family" in conversation.ask("What are they pursuing against Baldwin?").resolved


def test_a_bare_why_asks_why_of_the_question_before_and_its_answer(answerer):
    conversation = Conversation(answerer)
    # "What deal": prosecutors also withdrew (dropped) an appeal, another answer to a bare "what"
    assert conversation.ask("What deal did prosecutors withdraw?").answer.text == "a misdemeanor plea deal"
    turn = conversation.ask("Why?")
    assert turn.resolved == "Why did prosecutors withdraw a misdemeanor plea deal?"
    assert turn.answer.text == "after learning that Baldwin was participating in the documentary"


def test_an_elliptic_follow_up_to_a_yes_no_question_takes_its_subject_s_place(answerer):
    conversation = Conversation(answerer)
    conversation.ask("Was Joel Souza injured?")
    assert conversation.ask("And the cinematographer?").resolved == "Was the cinematographer injured?"


def test_a_pronoun_may_stand_for_the_person_an_earlier_question_described(answerer):
    conversation = Conversation(answerer)
    conversation.ask("What did the judge rule on Monday?")
    assert conversation.ask("What else did she exclude?").resolved == "What else did the judge exclude?"


def test_a_body_named_after_the_person_a_pronoun_stands_for_answers(answerer):
    conversation = Conversation(answerer)
    conversation.ask("Who was the cinematographer on Rust?")
    turn = conversation.ask("Which foundation continues to advocate in her memory?")
    assert "Halyna Hutchins" in turn.resolved  # the name makes no restatement of "the Halyna Hutchins Foundation"
    assert turn.answer.text == "the Halyna Hutchins Foundation"


def test_an_elliptic_follow_up_takes_the_place_of_the_name_the_question_was_about(answerer):
    conversation = Conversation(answerer)
    conversation.ask("Who was the armorer on Rust?")
    conversation.ask("How long is her sentence?")
    turn = conversation.ask("And Baldwin?")
    assert turn.resolved == "How long is Baldwin's sentence?"
    assert "18 months" in turn.answer.text


def test_a_bare_when_asks_when_of_the_question_before(answerer):
    conversation = Conversation(answerer)
    conversation.ask("Who is the judge in Baldwin's trial?")
    conversation.ask("Why did she dismiss the case?")
    turn = conversation.ask("When?")
    assert turn.resolved == "When did Mary Marlowe Sommer dismiss the case?"
    assert turn.answer.text == "July"


def test_a_bare_why_after_a_what_x_question_asks_why_of_its_answer(answerer):
    conversation = Conversation(answerer)
    conversation.ask("What fine did Rust Movie Productions pay?")
    turn = conversation.ask("Why?")
    assert turn.resolved == "Why did Rust Movie Productions pay $100,000?"
    assert turn.answer.text.startswith("to settle state safety regulation violations")


def test_a_follow_up_that_opens_with_a_preposition_asks_the_question_before_again(answerer):
    conversation = Conversation(answerer)
    conversation.ask("Who was the assistant director?")
    conversation.ask("What did he plead?")
    assert conversation.ask("And to what charge?").resolved == "To what charge did Dave Halls plead?"


def test_it_points_to_the_thing_the_question_before_asked_about_where_its_answer_names_nothing(answerer):
    conversation = Conversation(answerer)
    assert conversation.ask("When is Baldwin's trial set to begin?").answer.text == "Tuesday"
    turn = conversation.ask("How long will it last?")
    assert turn.resolved == "How long will Baldwin's trial last?"
    assert turn.answer.text == "10 days"
