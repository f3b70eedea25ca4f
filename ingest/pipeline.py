"""The ingest run: files -> documents -> tagged sentences -> chunks -> vectors -> store."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from ingest.chunking import chunk_sentences
from ingest.embeddings import Embedder, make_embedder
from ingest.epistemic import classify
from ingest.errors import UnreadableFileError
from ingest.keyword_index import load_keyword_index
from ingest.loaders import bundled_corpus_dir, find_inputs, load_document
from ingest.offline import make_offline
from ingest.records import StoredDocument, StoredSentence
from ingest.report import IngestReport
from ingest.sentences import split_sentences
from ingest.settings import Settings, load_settings
from ingest.store import SCHEMA_VERSION, DocumentWrite, Records, Store, chunk_id, sentence_id
from ingest.terms import TOKENIZER_VERSION, terms
from ingest.tokens import count_tokens
from ingest.types import LoadedDocument

# The modules whose rules decide what is stored: editing one re-ingests every document on the next run.
_WRITE_GROUP_RECORDS = 256
_RULE_MODULES = ("sentences.py", "epistemic.py", "chunking.py", "terms.py", "records.py")


@dataclass(frozen=True)
class PreparedDocument:
    """A document with its chunk and sentence records, waiting for their vectors."""

    doc: StoredDocument
    chunk_texts: list[str]
    chunk_embed_texts: list[str]
    chunk_metadatas: list[dict[str, Any]]
    sentence_indexes: list[int]  # the non-heading sentences: headings are not evidence
    sentence_metadatas: list[dict[str, Any]]

    @property
    def embed_texts(self) -> list[str]:
        """Everything this document sends to the embedder: its chunks, then its sentences."""
        return self.chunk_embed_texts + [self.doc.sentence_text(self.doc.sentences[i]) for i in self.sentence_indexes]


def pipeline_fingerprint(settings: Settings, embedder_name: str) -> str:
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in _RULE_MODULES:
        digest.update((here / name).read_bytes())
    digest.update(settings.chunking.model_dump_json().encode())
    digest.update(f"{embedder_name}|{TOKENIZER_VERSION}|{SCHEMA_VERSION}".encode())
    return digest.hexdigest()


def document_hash(doc: LoadedDocument, fingerprint: str) -> str:
    digest = hashlib.sha256(fingerprint.encode())
    for part in (doc.doc_id, doc.title, doc.url, doc.lang, doc.licence, doc.format, repr(sorted(doc.extra.items())), doc.text):
        digest.update(b"\x00" + part.encode())
    return digest.hexdigest()


def tag_sentences(doc: LoadedDocument) -> list[StoredSentence]:
    out = []
    for i, span in enumerate(split_sentences(doc.text, doc.lang, doc.headings)):
        verdict = classify(doc.text[span.start : span.end], doc.lang)
        out.append(
            StoredSentence(
                index=i,
                start=span.start,
                end=span.end,
                kind=span.kind,
                speculative=verdict.speculative,
                cues=tuple(verdict.cues),
                reported=verdict.reported,
            )
        )
    return out


def prepare_document(doc: LoadedDocument, doc_hash: str, settings: Settings) -> PreparedDocument:
    """Everything but the vectors: sentences with their tags, chunks with spans and BM25 terms."""
    sentences = tag_sentences(doc)
    chunks = chunk_sentences(
        doc.text,
        sentences,
        lambda s: count_tokens(s, settings.chunking.encoding),
        settings.chunking.max_tokens,
        settings.chunking.overlap_sentences,
    )
    stored = StoredDocument(
        doc_id=doc.doc_id, title=doc.title, text=doc.text, lang=doc.lang, source=doc.source, url=doc.url,
        licence=doc.licence, format=doc.format, encoding=doc.encoding, doc_hash=doc_hash,
        n_chunks=len(chunks), sentences=tuple(sentences), extra=dict(doc.extra),
    )
    texts = [doc.text[c.start : c.end] for c in chunks]
    embed_texts = [c.embed_text(doc.text) for c in chunks]
    evidence = [s.index for s in sentences if s.kind != "heading"]
    sentence_metadatas = [
        {"doc_id": doc.doc_id, "doc_hash": doc_hash, "sentence": i, "char_start": sentences[i].start,
         "char_end": sentences[i].end, "speculative": sentences[i].speculative, "lang": doc.lang}
        for i in evidence
    ]
    metadatas = [
        {
            "doc_id": doc.doc_id, "doc_hash": doc_hash, "chunk_index": c.index, "char_start": c.start,
            "char_end": c.end, "sentence_first": c.first, "sentence_last": c.last, "heading": c.heading,
            "lang": doc.lang, "title": doc.title,
            "n_speculative": sum(s.speculative for s in sentences[c.first : c.last + 1]),
            "terms": " ".join(terms(embed_text)),
        }
        for c, embed_text in zip(chunks, embed_texts)
    ]
    return PreparedDocument(
        stored, texts, embed_texts, metadatas, evidence, sentence_metadatas
    )


def _store_label(settings: Settings) -> str:
    return settings.store.url or str(settings.store.dir)


def ingest_paths(
    paths: Iterable[str | Path] | None = None,
    settings: Settings | None = None,
    *,
    rebuild: bool = False,
    prune: bool = False,
    progress: bool = False,
    embedder: Embedder | None = None,
) -> IngestReport:
    """Ingest files and folders (the bundled corpus when ``paths`` is empty) into the store.

    Unreadable files are reported in ``IngestReport.skipped`` and the rest are ingested.
    """
    make_offline()
    started = time.perf_counter()
    settings = settings or load_settings()
    embedder = embedder or make_embedder(
        settings.embedder.backend, settings.embedder.model, threads=settings.embedder.threads,
        batch_size=settings.embedder.batch_size, query_prefix=settings.embedder.query_prefix,
        passage_prefix=settings.embedder.passage_prefix,
    )
    paths = list(paths or []) or [bundled_corpus_dir()]
    report = IngestReport(store=_store_label(settings))
    store = Store.open(settings, embedder.name, rebuild=rebuild)
    report.upgraded_records = store.upgraded_records
    report.recovered_chunks = store.recover()
    files, skipped = find_inputs(paths)
    report.skipped += [(str(p), reason) for p, reason in skipped]
    _ingest_files(files, store, embedder, settings, report, progress)
    if prune:
        report.removed = _prune_missing(store)
    load_keyword_index(store)  # rebuilt now, so that the first question does not pay for it
    hashes = store.document_hashes()
    report.total_documents, report.total_chunks = len(hashes), store.count_chunks()
    report.seconds = time.perf_counter() - started
    return report


def _ingest_files(
    files: Sequence[Path],
    store: Store,
    embedder: Embedder,
    settings: Settings,
    report: IngestReport,
    progress: bool,
) -> None:
    from tqdm import tqdm

    fingerprint = pipeline_fingerprint(settings, embedder.name)
    committed = store.document_states()
    seen: dict[str, Path] = {}
    pending: list[PreparedDocument] = []
    for path in tqdm(files, desc="ingest", unit="file", disable=not progress):
        try:
            doc = load_document(path)
        except UnreadableFileError as err:
            report.skipped.append((str(path), str(err)))
            continue
        if doc.doc_id in seen:
            report.skipped.append(
                (str(path), f"it has the same id {doc.doc_id!r} as {seen[doc.doc_id]}: give one of them another `id:`")
            )
            continue
        seen[doc.doc_id] = path
        doc_hash = document_hash(doc, fingerprint)
        state = committed.get(doc.doc_id)
        if state is not None and state.doc_hash == doc_hash:
            report.unchanged.append(doc.doc_id)
            if state.source != doc.source:
                store.update_source(doc.doc_id, doc.source)
            continue
        (report.changed if doc.doc_id in committed else report.new).append(doc.doc_id)
        pending.append(prepare_document(doc, doc_hash, settings))
        # Several documents per group: each Chroma write costs tens of milliseconds whatever its size.
        if sum(len(p.chunk_texts) + len(p.sentence_indexes) for p in pending) >= _WRITE_GROUP_RECORDS:
            report.chunks_written += _embed_and_write(pending, store, embedder)
            pending = []
    report.chunks_written += _embed_and_write(pending, store, embedder)


def _embed_and_write(pending: Sequence[PreparedDocument], store: Store, embedder: Embedder) -> int:
    """Embed a group of documents in one call and write them; return the chunks written."""
    texts = [t for p in pending for t in p.embed_texts]
    vectors = embedder.embed_passages(texts) if texts else np.zeros((0, 1), dtype=np.float32)
    batch, offset = [], 0
    for p in pending:
        n_chunks, n_sentences = len(p.chunk_texts), len(p.sentence_indexes)
        chunk_vectors = vectors[offset : offset + n_chunks]
        sentence_vectors = vectors[offset + n_chunks : offset + n_chunks + n_sentences]
        offset += n_chunks + n_sentences
        doc = replace(p.doc, vector_sum=sentence_vectors.sum(axis=0) if n_sentences else None,
                      vector_count=n_sentences)
        d, h = doc.doc_id, doc.doc_hash
        batch.append(DocumentWrite(
            doc,
            Records([chunk_id(d, h, i) for i in range(n_chunks)], p.chunk_texts, p.chunk_metadatas, chunk_vectors),
            Records([sentence_id(d, h, i) for i in p.sentence_indexes],
                    [doc.sentence_text(doc.sentences[i]) for i in p.sentence_indexes],
                    p.sentence_metadatas, sentence_vectors),
        ))
    store.write_documents(batch)
    return sum(len(p.chunk_texts) for p in pending)


def _prune_missing(store: Store) -> list[str]:
    removed = []
    for doc in store.documents_all():
        if not Path(doc.source).exists():
            store.remove_document(doc.doc_id)
            removed.append(doc.doc_id)
    return removed
