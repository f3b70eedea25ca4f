"""An Assistant over a few articles written for a test."""

from __future__ import annotations

from pathlib import Path

from ingest.pipeline import ingest_paths
from ingest.settings import Settings
from rag.assistant import Assistant


def assistant_over(root: Path, articles: dict[str, str]) -> Assistant:
    """Ingest ``articles`` (file name -> text) under ``root`` with the hash embedder: with a handful of
    sentences every one is retrieved, so such tests exercise the reader and the decision, not the
    embedding model."""
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in articles.items():
        (corpus / name).write_text(text, encoding="utf-8")
    settings = Settings(store={"dir": str(root / "store")}, embedder={"backend": "hash"})
    assert ingest_paths([corpus], settings).ok
    return Assistant.open(settings=settings)
