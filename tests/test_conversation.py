"""Follow-up questions resolved from earlier turns, with the real answerer."""

from __future__ import annotations

from qa.conversation import Conversation


def test_pronoun_follow_up_uses_the_previous_answer(answerer):
    conversation = Conversation(answerer)
    first = conversation.ask("Who was the armorer on Rust?")
    assert "Gutierrez" in first.answer.text
    second = conversation.ask("How long is her sentence?")
    assert "Gutierrez Reed's sentence" in second.resolved
    assert "18" in second.answer.text


def test_elliptic_follow_up_reuses_the_question_frame(answerer):
    conversation = Conversation(answerer)
    conversation.ask("Who was wounded in the shooting?")
    turn = conversation.ask("and the cinematographer?")
    assert turn.resolved == "Who was the cinematographer?"
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


def test_they_points_to_the_last_group_a_question_named(answerer):
    conversation = Conversation(answerer)
    conversation.ask("Who was killed in the shooting?")
    conversation.ask("Where does her family live?")
    assert "Hutchins's family" in conversation.ask("What are they pursuing against Baldwin?").resolved


def test_an_elliptic_follow_up_to_which_x_swaps_the_focus_noun(answerer):
    conversation = Conversation(answerer)
    conversation.ask("Which director was injured?")
    turn = conversation.ask("And the cinematographer?")
    assert turn.resolved == "Which cinematographer was injured?"
    assert turn.answer.text == "Halyna Hutchins"
