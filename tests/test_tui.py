"""The Textual chat, driven with Pilot and compared with committed snapshots, on the real answerer."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea

from tui.app import ChatApp
from tui.messages import Message

QUESTION = "Who was the armorer on Rust?"


@pytest.fixture
def app(answerer) -> ChatApp:
    """A chat over the seed articles that reuses the session's answerer."""
    return ChatApp(lambda notify: answerer, "articles")


async def ask(pilot, text: str) -> None:
    """Type `text` into the question box, press enter and wait for the answer."""
    pilot.app.query_one("#question").value = text
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def messages(app: ChatApp, kind: str) -> list[str]:
    """The Markdown source of every message of one kind."""
    return [m.source for m in app.query(Message) if m.has_class(kind)]


async def test_a_question_gets_an_answer_with_a_citation(app: ChatApp):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await ask(pilot, QUESTION)
        answers = messages(app, "answer")
        assert len(answers) == 1
        assert "**Hannah Gutierrez Reed**" in answers[0]
        assert "(cite:0:0)" in answers[0]
        assert "articles · 5 documents · 45 passages" in app.sub_title or "passages" in app.sub_title


async def test_a_follow_up_is_answered_from_context(app: ChatApp):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await ask(pilot, QUESTION)
        await ask(pilot, "How long is her sentence?")
        follow_up = messages(app, "answer")[-1]
        assert "understood as: How long is Hannah Gutierrez Reed's sentence?" in follow_up
        assert "18-month" in follow_up


async def test_an_answer_says_whom_it_took_a_role_for(app: ChatApp):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await ask(pilot, "How many Emmys has the actor won?")
        answer = messages(app, "answer")[-1]
        assert "read as: How many Emmys has the actor Alec Baldwin won?" in answer
        assert "**three**" in answer


async def test_save_writes_a_transcript_whose_citations_match(app: ChatApp, tmp_path: Path):
    target = tmp_path / "chat.md"
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await ask(pilot, QUESTION)
        await ask(pilot, f"/save {target}")
        turn = app.conversation.turns[0]
    saved = target.read_text(encoding="utf-8")
    assert saved.startswith("# qa transcript — articles")
    for citation in turn.answer.citations:
        assert f"`{citation.doc_id}` · chars {citation.start}-{citation.end}" in saved


async def test_sources_panel_opens_on_the_cited_span(app: ChatApp):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await ask(pilot, QUESTION)
        await pilot.press("f2")
        await pilot.pause()
        citation = app.conversation.turns[0].answer.citations[0]
        area = app.query_one("#source-text", TextArea)
        assert app.query_one("#sources").display
        assert area.text == app.conversation.answerer.store.document(citation.doc_id).text
        assert area.selected_text == "Hannah Gutierrez Reed"
        await pilot.press("f4")
        await pilot.pause()
        second = app.conversation.turns[0].answer.citations[1]
        assert area.text == app.conversation.answerer.store.document(second.doc_id).text


@pytest.mark.parametrize("text", ["", "   ", "x" * 10_000, "/nonsense", "\x00\x1b[31m?"])
async def test_odd_input_does_not_crash(app: ChatApp, text: str):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await ask(pilot, text)
        await ask(pilot, "How much was the fine?")
        assert "$100,000" in messages(app, "answer")[-1]


async def test_question_typed_while_loading_is_answered_after(answerer):
    import threading

    release = threading.Event()

    def slow_load(notify):
        release.wait(10)
        return answerer

    app = ChatApp(slow_load, "articles")
    async with app.run_test(size=(100, 30)) as pilot:
        await ask_without_waiting(pilot, QUESTION)
        assert app.pending == [QUESTION]
        release.set()
        await pilot.app.workers.wait_for_complete()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert "Gutierrez" in messages(app, "answer")[0]


async def ask_without_waiting(pilot, text: str) -> None:
    """Type and submit without waiting for workers."""
    pilot.app.query_one("#question").value = text
    await pilot.press("enter")
    await pilot.pause()


def snapshot_ready(pilot):
    """Answer one question, then hold still what varies from run to run: the timing in the status line,
    the cursor's blink and the scroll position."""

    async def run(pilot) -> None:
        pilot.app.query_one("#question").cursor_blink = False
        await pilot.app.workers.wait_for_complete()
        await ask(pilot, QUESTION)
        pilot.app.set_status("Ready.", busy=False)
        await pilot.pause(0.2)
        pilot.app.query_one("#conversation").scroll_end(animate=False)
        await pilot.pause()

    return run(pilot)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_main_screen_snapshot(app: ChatApp, snap_compare, size):
    assert snap_compare(app, terminal_size=size, run_before=snapshot_ready)
