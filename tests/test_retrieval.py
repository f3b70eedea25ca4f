"""Retrieval's scoring across languages (the hash embedder: every sentence of a small corpus is retrieved)."""

from __future__ import annotations

from pathlib import Path

import pytest
from assistants import assistant_over

import rag.retrieval

ARTICLES = {
    "en.md": "# Harbour robots\n\nKaiun Robotics builds cranes for ports. The company has 40 employees.\n",
    "ja.md": "# 港のロボット\n\n海運ロボティクスは港湾用のクレーンを作っている。社員は40人だ。\n",
}


def test_sentences_in_the_other_language_are_lifted_by_the_bonus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assistant = assistant_over(tmp_path, ARTICLES)
    question = "How many employees does Kaiun Robotics have?"
    assert rag.retrieval.ACROSS_LANGUAGE_BONUS > 0
    monkeypatch.setattr(rag.retrieval, "ACROSS_LANGUAGE_BONUS", 0.05)
    lifted = {(p.doc_id, p.sentence): p for p in assistant.retrieve(question, k=20)}
    monkeypatch.setattr(rag.retrieval, "ACROSS_LANGUAGE_BONUS", 0.0)
    plain = {(p.doc_id, p.sentence): p for p in assistant.retrieve(question, k=20)}
    assert lifted.keys() == plain.keys() and {p.lang for p in plain.values()} == {"en", "ja"}
    for key, passage in plain.items():
        expected = 0.05 if passage.lang == "ja" else 0.0
        assert lifted[key].score - passage.score == pytest.approx(expected, abs=2e-4)  # scores are rounded
