"""Domain errors: library code raises these, the front ends turn them into one-line messages."""

from __future__ import annotations


class QAError(Exception):
    """Base class for every error `qa` reports to a user."""


class UsageError(QAError):
    """The user asked for something that cannot work (empty question, missing folder)."""


class CorpusError(QAError):
    """The corpus folder cannot be read as a set of articles."""


class IndexStateError(QAError):
    """The index on disk is missing, stale, damaged or built with another model."""
