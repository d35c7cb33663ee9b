"""`python -m qa` runs the CLI."""

from __future__ import annotations

from qa.cli import main

main()
