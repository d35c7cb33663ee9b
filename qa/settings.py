"""Settings, built once at the edge (CLI or TUI) and passed down."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from qa.encoder import DEFAULT_MODEL

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = PROJECT_ROOT / "corpus" / "articles"
INDEX_ROOT = PROJECT_ROOT / "embeddings"
MODEL_CACHE = INDEX_ROOT / ".models"  # models exported for faster encoding, shared by every index
DEFAULT_TOP_K = 8


@dataclass(frozen=True)
class Settings:
    """Where the articles and the index are, which model embeds them, how many passages to read."""

    corpus: Path = DEFAULT_CORPUS
    index: Path | None = None
    model: str = DEFAULT_MODEL
    top_k: int = DEFAULT_TOP_K

    @property
    def index_dir(self) -> Path:
        """The index folder: the one given, else one per corpus under `embeddings/`."""
        return self.index if self.index is not None else default_index_dir(self.corpus)


def default_index_dir(corpus: Path) -> Path:
    """`embeddings/<corpus name>-<hash of its path>`, so that two corpora never share an index."""
    digest = hashlib.sha256(str(corpus.resolve()).encode()).hexdigest()[:8]
    return INDEX_ROOT / f"{corpus.resolve().name}-{digest}"
