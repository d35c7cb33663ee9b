"""`python -m qa` runs the CLI."""

from __future__ import annotations

from qa.cli import main

if __name__ == "__main__":
    main()
