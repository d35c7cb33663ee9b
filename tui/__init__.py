"""The Textual chat front end of `qa`."""

from __future__ import annotations
