"""`konkyo ask`: readable answers, --json, --batch, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ui.cli import main


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("ask") / "store"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KONKYO_EMBEDDER__BACKEND", "hash")
        assert main(["ingest", "--store", str(path), "--quiet"]) == 0
    return str(path)


@pytest.fixture(autouse=True)
def _hash_embedder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KONKYO_EMBEDDER__BACKEND", "hash")


def test_json_answer_has_the_documented_fields(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "What is Chatbot Arena?", "--store", store, "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert set(answer) == {"question", "status", "reason", "text", "citations", "timings_ms"}
    assert answer["status"] in {"answered", "refused", "conflicting"}
    for c in answer["citations"]:
        assert set(c) >= {"n", "doc_id", "title", "url", "lang", "quote", "char_start", "char_end", "speculative", "score"}


def test_readable_answer_lists_the_cited_passages(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "What is Chatbot Arena?", "--store", store]) == 0
    out = capsys.readouterr().out
    first, *rest = out.splitlines()
    assert first.startswith(("According to the articles:", "The articles"))
    if "[1]" in first:
        assert any(line.startswith("[1] ") for line in rest)


def test_batch_reads_json_lines_and_plain_lines(store: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "q.jsonl"
    batch.write_text('{"question": "What is Chatbot Arena?"}\n\nオムニチームを率いたのは誰?\n', encoding="utf-8")
    assert main(["ask", "--batch", str(batch), "--store", store]) == 0
    answers = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [a["question"] for a in answers] == ["What is Chatbot Arena?", "オムニチームを率いたのは誰?"]


@pytest.mark.parametrize(
    ("args", "message"),
    [(["ask", ""], "the question is empty"), (["ask"], "either a question or --batch"),
     (["ask", "x" * 2001], "characters long")],
)
def test_bad_questions_are_one_line_errors(store: str, args: list[str], message: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*args, "--store", store]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_a_bad_batch_line_names_its_line(store: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "bad.jsonl"
    batch.write_text('{"q": 1}\n', encoding="utf-8")
    assert main(["ask", "--batch", str(batch), "--store", store]) == 2
    assert "line 1" in capsys.readouterr().err


def test_asking_an_empty_store_says_to_ingest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "Who?", "--store", str(tmp_path / "never")]) == 2
    assert "konkyo ingest" in capsys.readouterr().err


def test_langchain_retriever_and_runnable_compose_in_lcel(store: str) -> None:
    from langchain_core.runnables import RunnableLambda

    from rag import Assistant

    assistant = Assistant.open(store)
    docs = assistant.as_retriever(k=3).invoke("What is Chatbot Arena?")
    assert 0 < len(docs) <= 3
    for doc in docs:
        text = assistant.document(doc.metadata["doc_id"]).text
        assert text[doc.metadata["char_start"] : doc.metadata["char_end"]] == doc.page_content
        assert isinstance(doc.metadata["speculative"], bool)
    chain = RunnableLambda(lambda q: {"question": q.strip()}) | assistant.as_runnable() | RunnableLambda(lambda a: a.status)
    assert chain.invoke("  What is Chatbot Arena?  ") in {"answered", "refused", "conflicting"}
    answers = assistant.as_runnable().batch(["What is Chatbot Arena?", "オムニチームを率いたのは誰?"])
    assert [a.question for a in answers] == ["What is Chatbot Arena?", "オムニチームを率いたのは誰?"]
