"""`qa chat`: a terminal chat with the articles. It calls `qa/`; it holds no retrieval logic."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Header, Label, LoadingIndicator

from tui.widgets import HistoryInput, SourcesPanel

# The window must be on screen at once: `qa` itself (NumPy and the answerer) and the Markdown widget
# are imported when first needed, while the index loads.
if TYPE_CHECKING:
    from textual.widgets import Markdown

    from qa.answer import Answerer
    from qa.conversation import Conversation, Turn
    from qa.index import Notify

HELP = """**Ask anything about the articles.** Follow-up questions work ("and the director?", "her sentence").

| command | does |
| --- | --- |
| `/help` | this help |
| `/sources` | show or hide the sources panel |
| `/clear` | forget the conversation |
| `/save [FILE]` | save the transcript as Markdown, citations included |
| `/corpus` | list the articles |

Keys: **F2** sources panel · **F3 / F4** previous / next citation · **up / down** earlier questions ·
**ctrl+q** quit. Click a citation number to open its article."""


class ChatApp(App):
    """A chat whose every answer is quoted from the articles and cited."""

    CSS_PATH = "chat.tcss"
    TITLE = "qa"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("f2", "toggle_sources", "Sources"),
        Binding("f3", "step_citation(-1)", "Prev cite"),
        Binding("f4", "step_citation(1)", "Next cite"),
        Binding("ctrl+l", "clear", "Clear"),
    ]

    def __init__(self, load_answerer: Callable[[Notify], Answerer], corpus_name: str) -> None:
        """Args:
        load_answerer: builds the answerer (model and index), reporting progress to the callback it is given;
            run in a worker, never on the event loop.
        corpus_name: shown in the header.
        """
        super().__init__()
        self.load_answerer = load_answerer
        self.corpus_name = corpus_name
        self.conversation: Conversation | None = None
        self.pending: list[str] = []
        self.lock = threading.Lock()
        self.shown_turn: Turn | None = None
        self.shown_citation = 0

    def compose(self) -> ComposeResult:
        """Header, conversation and sources side by side, status line, question box, footer."""
        yield Header()
        with Horizontal(id="main"):
            yield VerticalScroll(id="conversation")
            yield SourcesPanel(id="sources")
        with Horizontal(id="status-line"):
            yield LoadingIndicator(id="spinner")
            yield Label("Loading the model and the index…", id="status")
        yield HistoryInput(placeholder="Ask about the articles…  (/help for commands)", id="question")
        yield Footer()

    def on_mount(self) -> None:
        """Start loading in the background; the window is already on screen."""
        self.sub_title = f"{self.corpus_name} · loading…"
        self.query_one("#sources").display = False
        self.query_one("#question").focus()
        self.load()

    @work(thread=True, group="load")
    def load(self) -> None:
        """Load the model and the index (building it if needed), then answer what was typed meanwhile."""
        try:
            answerer = self.load_answerer(lambda line: self.call_from_thread(self.set_status, line, True))
        except Exception as exc:  # any failure is shown, and the app stays usable for /commands
            self.call_from_thread(self.loading_failed, str(exc))
            return
        self.call_from_thread(self.loaded, answerer)

    def loaded(self, answerer: Answerer) -> None:
        """When the index is ready."""
        from qa.conversation import Conversation

        self.conversation = Conversation(answerer)
        passages = len(answerer.store.passages)
        self.sub_title = f"{self.corpus_name} · {len(answerer.store.documents)} documents · {passages} passages"
        self.set_status("Ready.", busy=False)
        for question in self.pending:
            self.answer(question)
        self.pending.clear()

    def loading_failed(self, reason: str) -> None:
        """When the model or the index could not be loaded."""
        self.set_status(f"Could not load: {reason}", busy=False)
        self.notify(reason, title="Loading failed", severity="error", timeout=10)

    def set_status(self, text: str, busy: bool) -> None:
        """Update the status line and the loading indicator."""
        self.query_one("#status", Label).update(Text(text))
        self.query_one("#spinner").display = busy

    @on(HistoryInput.Submitted)
    def submitted(self, event: HistoryInput.Submitted) -> None:
        """When the user hits return."""
        text = event.value.strip()
        event.input.value = ""
        if not text:
            return
        event.input.remember(text)
        from qa.render import escape_markdown

        if text.startswith("/"):
            self.command(text)
            return
        self.add_message(f"**You:** {escape_markdown(text[:500])}{'…' if len(text) > 500 else ''}", "question")
        if self.conversation is None:
            self.pending.append(text)
            self.set_status("Still loading; your question will be answered as soon as the index is ready…", True)
        else:
            self.answer(text)

    @work(thread=True, group="answer")
    def answer(self, question: str) -> None:
        """Answer in a worker thread, one question at a time, in the order asked."""
        from qa.errors import QAError

        with self.lock:
            self.call_from_thread(self.set_status, "Reading the articles…", True)
            started = time.perf_counter()
            try:
                turn = self.conversation.ask(question)
            except QAError as exc:
                self.call_from_thread(self.failed, str(exc))
                return
            except Exception as exc:  # keep the chat going whatever happens
                self.call_from_thread(self.failed, f"{type(exc).__name__}: {exc}")
                return
            elapsed = (time.perf_counter() - started) * 1000
            self.call_from_thread(self.show_turn, turn, elapsed)

    def failed(self, reason: str) -> None:
        """When a question could not be answered."""
        self.set_status("Ready.", busy=False)
        self.notify(reason, severity="error")

    def show_turn(self, turn: Turn, elapsed_ms: float) -> None:
        """Add the answer to the conversation and point the sources panel at it."""
        from qa.render import answer_to_markdown, escape_markdown

        index = len(self.conversation.turns) - 1
        body = answer_to_markdown(turn.answer, link_prefix=f"cite:{index}:")
        if turn.resolved != turn.question:
            body = f"*(understood as: {escape_markdown(turn.resolved)})*\n\n{body}"
        self.add_message(body, "answer" if turn.answer.answerable else "abstain")
        self.set_status(f"Answered in {elapsed_ms:.0f} ms.", busy=False)
        self.shown_turn, self.shown_citation = turn, 0
        if self.query_one("#sources").display:
            self.show_source()

    def add_message(self, markdown: str, kind: str) -> None:
        """Append one entry to the conversation and scroll to it."""
        from tui.messages import Message

        conversation = self.query_one("#conversation", VerticalScroll)
        message = Message(markdown, classes=kind)
        conversation.mount(message)
        conversation.call_after_refresh(conversation.scroll_end, animate=False)

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        """When a citation number is clicked: open its article."""
        if not event.href.startswith("cite:") or self.conversation is None:
            return
        _, turn, citation = event.href.split(":")
        self.shown_turn, self.shown_citation = self.conversation.turns[int(turn)], int(citation)
        self.query_one("#sources").display = True
        self.show_source()

    def show_source(self) -> None:
        """Show the current citation (or, for an abstention, the closest passage) in the sources panel."""
        from tui.transcript import citation_heading, passage_heading

        if self.shown_turn is None or self.conversation is None:
            return
        answer, store = self.shown_turn.answer, self.conversation.answerer.store
        panel = self.query_one(SourcesPanel)
        if answer.citations:
            citation = answer.citations[self.shown_citation % len(answer.citations)]
            heading = citation_heading(citation, self.shown_citation % len(answer.citations), len(answer.citations))
            text = store.document(citation.doc_id).text
            panel.show(heading, text, citation.answer_start, citation.answer_end)
        elif answer.passages:
            passage = answer.passages[0].passage
            panel.show(passage_heading(passage), store.document(passage.doc_id).text, passage.start, passage.end)

    def action_toggle_sources(self) -> None:
        """Show or hide the sources panel."""
        panel = self.query_one("#sources")
        panel.display = not panel.display
        if panel.display:
            self.show_source()
        conversation = self.query_one("#conversation", VerticalScroll)
        conversation.call_after_refresh(conversation.scroll_end, animate=False)  # keep the last answer in view

    def action_step_citation(self, step: int) -> None:
        """Step through the shown answer's citations."""
        if self.shown_turn is None or not self.shown_turn.answer.citations:
            self.notify("No citations to step through.")
            return
        self.shown_citation = (self.shown_citation + step) % len(self.shown_turn.answer.citations)
        self.query_one("#sources").display = True
        self.show_source()

    def action_clear(self) -> None:
        """Forget the conversation and empty the screen."""
        self.query_one("#conversation").remove_children()
        if self.conversation is not None:
            self.conversation.clear()
        self.shown_turn = None

    def command(self, text: str) -> None:
        """Run a slash command."""
        name, _, argument = text.partition(" ")
        if name == "/help":
            self.add_message(HELP, "note")
        elif name == "/sources":
            self.action_toggle_sources()
        elif name == "/clear":
            self.action_clear()
        elif name == "/save":
            self.save(argument.strip())
        elif name == "/corpus":
            self.list_corpus()
        else:
            self.notify(f"Unknown command {name}; /help lists them.", severity="warning")

    def list_corpus(self) -> None:
        """Show the articles of the corpus."""
        from qa.render import escape_markdown

        if self.conversation is None:
            self.notify("The index is still loading.", severity="warning")
            return
        documents = self.conversation.answerer.store.documents
        rows = "\n".join(f"| `{d.doc_id}` | {escape_markdown(d.title)} |" for d in documents)
        self.add_message(
            f"**{self.corpus_name}** · {len(documents)} articles\n\n| id | title |\n| --- | --- |\n{rows}", "note"
        )

    def save(self, argument: str) -> None:
        """Write the transcript as Markdown."""
        from tui.transcript import transcript_markdown, write_atomically

        turns = self.conversation.turns if self.conversation else []
        if not turns:
            self.notify("Nothing to save yet.", severity="warning")
            return
        path = Path(argument or time.strftime("qa-transcript-%Y%m%d-%H%M%S.md")).expanduser()
        try:
            write_atomically(path, transcript_markdown(turns, self.corpus_name))
        except OSError as exc:
            self.notify(f"Could not save {path}: {exc.strerror or exc}", severity="error")
            return
        self.notify(f"Saved {len(turns)} answers to {path}")
