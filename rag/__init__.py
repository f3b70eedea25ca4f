"""Answering from cited evidence (in progress). ``from rag import Assistant``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rag.assistant import Assistant

__all__ = ["Assistant"]


def __getattr__(name: str) -> Any:
    if name == "Assistant":
        from rag.assistant import Assistant

        return Assistant
    raise AttributeError(f"module 'rag' has no attribute {name!r}")
