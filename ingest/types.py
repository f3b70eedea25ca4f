"""Records passed between the ingestion stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SentenceKind = Literal["sentence", "heading"]


@dataclass(frozen=True)
class LoadedDocument:
    """A document as konkyo stores it: ``text`` is what every character span indexes into."""

    doc_id: str
    title: str
    text: str
    lang: str  # "ja" or "en"
    source: str  # absolute path of the file it was read from
    url: str = ""
    licence: str = ""
    format: str = "txt"  # "txt" | "md" | "html"
    encoding: str = "utf-8"
    # Spans of headings known from markup (HTML <h1>-<h6>, Markdown '#', wiki '= x ='), into ``text``.
    headings: tuple[tuple[int, int], ...] = ()
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SentenceSpan:
    """One sentence: ``text[start:end]`` is the sentence, without surrounding white space."""

    start: int
    end: int
    kind: SentenceKind = "sentence"
