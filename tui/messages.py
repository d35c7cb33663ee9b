"""Entries of the conversation, rendered as Markdown."""

from __future__ import annotations

from textual.widgets import Markdown


class Message(Markdown):
    """One entry of the conversation: a question, an answer or a note from the app."""
