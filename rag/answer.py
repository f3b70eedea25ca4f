"""What `Assistant.ask` returns: a status, the text, and the exact passages it stands on."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Status = Literal["answered", "refused", "conflicting"]
RefusalReason = Literal["speculative", "not_found"]


class Citation(BaseModel):
    """One cited passage. ``document(doc_id).text[char_start:char_end] == quote``."""

    n: int = Field(description="The number of the [n] marker in the answer text.")
    doc_id: str
    title: str
    url: str
    lang: str
    quote: str = Field(description="The cited sentence(s), exactly as stored.")
    char_start: int
    char_end: int
    speculative: bool = Field(description="True when the article only speculates here.")
    cues: list[str] = Field(default_factory=list, description="The hedging words that make it speculative.")
    score: float = Field(description="How strongly the passage bears on the question (higher is closer).")


class Answer(BaseModel):
    question: str
    status: Status
    reason: RefusalReason | None = Field(default=None, description="Why it refused; None unless refused.")
    text: str
    citations: list[Citation] = Field(default_factory=list)
    timings_ms: dict[str, float] = Field(default_factory=dict)
