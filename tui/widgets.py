"""Widgets of the chat: the question box with history, chat messages and the sources panel."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label


class HistoryInput(Input):
    """The question box; up and down step through earlier questions."""

    BINDINGS = [
        Binding("up", "history(-1)", "Previous question", show=False),
        Binding("down", "history(1)", "Next question", show=False),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.history: list[str] = []
        self.position = 0

    def remember(self, text: str) -> None:
        """Add a submitted line to the history."""
        if not self.history or self.history[-1] != text:
            self.history.append(text)
        self.position = len(self.history)

    def action_history(self, step: int) -> None:
        """When the user presses up or down."""
        if not self.history:
            return
        self.position = max(0, min(len(self.history), self.position + step))
        self.value = self.history[self.position] if self.position < len(self.history) else ""
        self.cursor_position = len(self.value)


def location(text: str, offset: int) -> tuple[int, int]:
    """(row, column) of a character offset, as TextArea counts them."""
    row = text.count("\n", 0, offset)
    return row, offset - (text.rfind("\n", 0, offset) + 1)


class SourcesPanel(Vertical):
    """The cited article, scrolled to the citation, the cited span selected."""

    def compose(self):
        """A heading line; the article below it is added when first shown."""
        yield Label("No source yet: ask a question.", id="source-title")

    def show(self, heading: str, text: str, start: int, end: int) -> None:
        """Show `text` with `text[start:end]` selected and in view."""
        from textual.widgets import TextArea
        from textual.widgets.text_area import Selection

        self.query_one("#source-title", Label).update(Text(heading))
        areas = self.query("#source-text")
        if areas:
            area = areas.first(TextArea)
        else:
            area = TextArea("", read_only=True, soft_wrap=True, show_line_numbers=False, id="source-text")
            self.mount(area)
        area.load_text(text)
        area.selection = Selection(location(text, start), location(text, end))
        self.call_after_refresh(area.scroll_cursor_visible, center=True)
