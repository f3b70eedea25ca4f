"""Chunks pack whole sentences to a token budget, keep headings with their text, and overlap."""

from __future__ import annotations

import pytest

from ingest.chunking import chunk_sentences
from ingest.loaders import bundled_corpus_dir, load_document
from ingest.sentences import split_sentences
from ingest.tokens import count_tokens
from ingest.types import SentenceSpan


def _spans(text: str, parts: list[tuple[str, str]]) -> list[SentenceSpan]:
    out, pos = [], 0
    for kind, part in parts:
        start = text.index(part, pos)
        out.append(SentenceSpan(start, start + len(part), kind))  # type: ignore[arg-type]
        pos = start + len(part)
    return out


def _words(n: int) -> str:
    return " ".join(["word"] * n) + "."


def test_sentences_are_packed_to_the_budget_with_overlap() -> None:
    parts = [("sentence", _words(30)) for _ in range(6)]
    text = " ".join(p for _, p in parts)
    chunks = chunk_sentences(text, _spans(text, parts), count_tokens, max_tokens=70, overlap=1)
    assert [(c.first, c.last) for c in chunks] == [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)]
    assert all(count_tokens(text[c.start : c.end]) <= 70 for c in chunks)


def test_no_overlap_when_asked_for_none() -> None:
    parts = [("sentence", _words(30)) for _ in range(4)]
    text = " ".join(p for _, p in parts)
    chunks = chunk_sentences(text, _spans(text, parts), count_tokens, max_tokens=70, overlap=0)
    assert [(c.first, c.last) for c in chunks] == [(0, 1), (2, 3)]


def test_a_heading_opens_a_chunk_and_travels_with_its_text() -> None:
    parts = [("heading", "Intro"), ("sentence", "One."), ("sentence", "Two."),
             ("heading", "Early life"), ("sentence", "Born in Chicago."), ("sentence", "Moved.")]
    text = "\n\n".join(p for _, p in parts)
    chunks = chunk_sentences(text, _spans(text, parts), count_tokens, max_tokens=200, overlap=1)
    assert [text[c.start : c.end].split("\n")[0] for c in chunks] == ["Intro", "Early life"]
    assert [c.heading for c in chunks] == ["Intro", "Early life"]


def test_a_chunk_never_ends_on_a_heading() -> None:
    parts = [("sentence", _words(40)), ("heading", "Next section title"), ("sentence", _words(40))]
    text = "\n\n".join(p for _, p in parts)
    chunks = chunk_sentences(text, _spans(text, parts), count_tokens, max_tokens=50, overlap=1)
    assert [(c.first, c.last) for c in chunks] == [(0, 0), (1, 2)]


def test_headings_wait_for_the_sentence_under_them_even_when_it_is_long() -> None:
    parts = [("heading", "Title"), ("heading", "Section"), ("sentence", _words(80)), ("sentence", "End.")]
    text = "\n\n".join(p for _, p in parts)
    chunks = chunk_sentences(text, _spans(text, parts), count_tokens, max_tokens=50, overlap=1)
    assert [(c.first, c.last) for c in chunks] == [(0, 2), (3, 3)]


def test_heading_is_prepended_to_the_embedded_text_of_later_chunks() -> None:
    parts = [("heading", "Arena policy")] + [("sentence", _words(30)) for _ in range(4)]
    text = "\n".join(p for _, p in parts)
    chunks = chunk_sentences(text, _spans(text, parts), count_tokens, max_tokens=70, overlap=0)
    assert len(chunks) > 1
    assert chunks[0].embed_text(text) == text[chunks[0].start : chunks[0].end]
    assert chunks[1].embed_text(text).startswith("Arena policy\nword")


def test_an_oversized_sentence_is_a_chunk_of_its_own() -> None:
    parts = [("sentence", "Short."), ("sentence", _words(300)), ("sentence", "Tail.")]
    text = " ".join(p for _, p in parts)
    chunks = chunk_sentences(text, _spans(text, parts), count_tokens, max_tokens=64, overlap=1)
    assert [(c.first, c.last) for c in chunks] == [(0, 0), (1, 1), (2, 2)]


@pytest.mark.parametrize("path", sorted(bundled_corpus_dir().glob("*.txt")), ids=lambda p: p.stem)
def test_every_bundled_chunk_slices_back_and_fits(path) -> None:  # type: ignore[no-untyped-def]
    doc = load_document(path)
    sentences = split_sentences(doc.text, doc.lang, doc.headings)
    chunks = chunk_sentences(doc.text, sentences, count_tokens, max_tokens=256, overlap=1)
    assert chunks[0].first == 0 and chunks[-1].last == len(sentences) - 1
    for prev, cur in zip(chunks, chunks[1:]):
        assert cur.first <= prev.last + 1 and cur.last > prev.last  # no sentence lost, always progress
    for chunk in chunks:
        body = doc.text[chunk.start : chunk.end]
        assert body.startswith(doc.text[sentences[chunk.first].start : sentences[chunk.first].end])
        assert chunk.first == chunk.last or count_tokens(body) <= 256 + 8
        assert sentences[chunk.last].kind != "heading" or chunk is chunks[-1]
