"""qa: ask questions of a folder of news articles; every answer is a checkable quotation."""

from __future__ import annotations
