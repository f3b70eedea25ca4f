"""konkyo's Chroma store: chunk and sentence vectors and document records, written so that a crash never shows.

Three collections: ``chunks`` (to find passages), ``sentences`` (the unit of evidence, one vector per
non-heading sentence) and ``documents`` (the stored text, sentence table and metadata).

Commit protocol, per document:
1. the new version's chunks and sentences are written under ids that carry the document hash
   (``doc#hash#00003``, ``doc#hash#s00042``), beside the old version's, which stay in use;
2. the document record is upserted with the new hash: this single write is the commit;
3. records of any other hash are deleted.
Readers use only records whose hash matches their document record, and ``recover()`` (run at the start of
every ingest) deletes records left behind by a run that died between steps, so killing the process at any
moment leaves the store consistent and the next run converges to the state of an uninterrupted one.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlparse

import numpy as np

from ingest.errors import StoreError
from ingest.records import StoredDocument, document_from_record, document_metadata
from ingest.settings import Settings

SCHEMA_VERSION = 2
_ID_SEP = "#"  # never in a doc_id (the loader allows letters, digits and -_.:)
_HASH_IN_ID = 16


def chunk_id(doc_id: str, doc_hash: str, index: int) -> str:
    return f"{doc_id}{_ID_SEP}{doc_hash[:_HASH_IN_ID]}{_ID_SEP}{index:05d}"


def sentence_id(doc_id: str, doc_hash: str, index: int) -> str:
    return f"{doc_id}{_ID_SEP}{doc_hash[:_HASH_IN_ID]}{_ID_SEP}s{index:05d}"


def parse_chunk_id(value: str) -> tuple[str, str]:
    """(doc_id, hash prefix) of a chunk or sentence id."""
    doc_id, hash_prefix, _ = value.rsplit(_ID_SEP, 2)
    return doc_id, hash_prefix


def _client(settings: Settings) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    url = settings.store.url
    if not url:
        path = settings.store.dir / "chroma"
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise StoreError(f"store URL {url!r} is not an http(s) URL", "set it like http://127.0.0.1:8000")
    try:
        client = chromadb.HttpClient(
            host=parsed.hostname,
            port=parsed.port or (443 if parsed.scheme == "https" else 80),
            ssl=parsed.scheme == "https",
            settings=chroma_settings,
        )
        client.heartbeat()
    except Exception as err:  # chromadb raises several types for an unreachable server
        raise StoreError(
            f"cannot reach the Chroma server at {url} ({type(err).__name__})",
            "start it with `chroma run --path DIR --host 127.0.0.1 --port N`, or unset KONKYO_STORE__URL",
        ) from None
    return client


@dataclass(frozen=True)
class Records:
    """Records for one vector collection."""

    ids: list[str]
    texts: list[str]
    metadatas: list[dict[str, Any]]
    vectors: np.ndarray


@dataclass(frozen=True)
class DocumentWrite:
    """One document's record with its chunks and sentences, ready to write."""

    doc: StoredDocument
    chunks: Records
    sentences: Records


class DocumentState(NamedTuple):
    doc_hash: str
    source: str


def _no_store(settings: Settings) -> StoreError:
    return StoreError(
        f"there is no konkyo store at {settings.store.url or settings.store.dir}",
        "run `konkyo ingest` first (with the same --store)",
    )


class Store:
    """The chunks and documents collections of one konkyo store."""

    def __init__(self, client: Any, settings: Settings, embedder_name: str) -> None:
        self._client = client
        self.settings = settings
        self.embedder_name = embedder_name
        prefix = settings.store.collection_prefix
        self._chunks_name = f"{prefix}_chunks"
        self._docs_name = f"{prefix}_documents"
        self._sentences_name = f"{prefix}_sentences"
        existing = {getattr(c, "name", c) for c in client.list_collections()}
        if self._chunks_name in existing:
            self.chunks = client.get_collection(self._chunks_name, embedding_function=None)
        else:  # get_or_create would overwrite the metadata that records which embedder built the store
            self.chunks = client.create_collection(
                self._chunks_name,
                embedding_function=None,  # without this Chroma downloads its own model at first use
                configuration={"hnsw": {"space": "cosine"}},
                metadata={"embedder": embedder_name, "schema": SCHEMA_VERSION},
            )
        self.sentences = client.get_or_create_collection(
            self._sentences_name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
        )
        # Chroma needs a vector per record; document records are looked up by id, so one constant will do.
        self.documents = client.get_or_create_collection(self._docs_name, embedding_function=None)
        self._check_embedder()

    @classmethod
    def open(cls, settings: Settings, embedder_name: str, *, create: bool = True, rebuild: bool = False) -> Store:
        """Open (or create) the store; ``rebuild`` empties it first, whatever embedder built it."""
        if not create and not settings.store.url and not (settings.store.dir / "chroma").exists():
            raise _no_store(settings)
        client = _client(settings)
        names = {getattr(c, "name", c) for c in client.list_collections()}
        prefix = settings.store.collection_prefix
        if rebuild:
            for name in (f"{prefix}_chunks", f"{prefix}_sentences", f"{prefix}_documents"):
                if name in names:
                    client.delete_collection(name)
            shutil.rmtree(settings.store.dir / "keyword", ignore_errors=True)
        elif not create and f"{prefix}_documents" not in names:
            raise _no_store(settings)
        return cls(client, settings, embedder_name)

    def _check_embedder(self) -> None:
        built_with = (self.chunks.metadata or {}).get("embedder")
        if built_with and built_with != self.embedder_name:
            raise StoreError(
                f"the store was built with the embedder {built_with!r}, but the settings ask for "
                f"{self.embedder_name!r}",
                "run `konkyo ingest --rebuild` to rebuild it, or set KONKYO_EMBEDDER__* back to match",
            )

    @property
    def keyword_index_path(self) -> Path:
        return self.settings.store.dir / "keyword" / f"{self.settings.store.collection_prefix}.npz"

    # -- reading -------------------------------------------------------------------------------

    def document_states(self) -> dict[str, DocumentState]:
        """doc_id -> (hash, source) of every committed document."""
        return {
            i: DocumentState(str(m["doc_hash"]), str(m["source"]))
            for i, m, _ in _read_all(self.documents, ["metadatas"])
        }

    def document_hashes(self) -> dict[str, str]:
        return {doc_id: state.doc_hash for doc_id, state in self.document_states().items()}

    def document(self, doc_id: str) -> StoredDocument | None:
        got = self.documents.get(ids=[doc_id], include=["metadatas", "documents"])
        if not got["ids"]:
            return None
        return document_from_record(got["documents"][0], got["metadatas"][0])

    def documents_all(self) -> list[StoredDocument]:
        return [document_from_record(t, m) for _, m, t in _read_all(self.documents, ["metadatas", "documents"])]

    def fingerprint(self, hashes: Mapping[str, str] | None = None) -> str:
        """Changes whenever any document is added, changed or removed. ``hashes`` (doc_id -> hash): the
        committed documents when the caller has just read them (a second full read of a 100k-chunk
        store's document records takes seconds)."""
        hashes = self.document_hashes() if hashes is None else hashes
        text = "\n".join(f"{d}:{h}" for d, h in sorted(hashes.items()))
        return hashlib.sha256(text.encode()).hexdigest()

    def chunk_terms(self) -> list[tuple[str, list[str]]]:
        """(chunk id, BM25 terms) of every committed chunk, in a stable order."""
        committed = {d: h[:_HASH_IN_ID] for d, h in self.document_hashes().items()}
        rows = [
            (cid, str(meta.get("terms", "")).split())
            for cid, meta, _ in _read_all(self.chunks, ["metadatas"])
            if committed.get(parse_chunk_id(cid)[0]) == parse_chunk_id(cid)[1]
        ]
        return sorted(rows)

    # -- writing -------------------------------------------------------------------------------

    def write_documents(self, batch: Sequence[DocumentWrite]) -> None:
        """Write documents with the commit protocol in the module docstring, several per Chroma call
        (each call costs tens of milliseconds whatever its size)."""
        if not batch:
            return
        for collection, records in ((self.chunks, [w.chunks for w in batch]), (self.sentences, [w.sentences for w in batch])):
            _upsert(collection, records)
        # The commit: from here on readers use the new records of every document in the batch.
        self.documents.upsert(
            ids=[w.doc.doc_id for w in batch],
            embeddings=[[1.0]] * len(batch),
            documents=[w.doc.text for w in batch],
            metadatas=[document_metadata(w.doc) for w in batch],
        )
        older = [{"$and": [{"doc_id": w.doc.doc_id}, {"doc_hash": {"$ne": w.doc.doc_hash}}]} for w in batch]
        for collection in (self.chunks, self.sentences):
            collection.delete(where=older[0] if len(older) == 1 else {"$or": older})

    def update_source(self, doc_id: str, source: str) -> None:
        """A file moved but did not change: record where it is now, without re-embedding."""
        self.documents.update(ids=[doc_id], metadatas=[{"source": source}])

    def remove_document(self, doc_id: str) -> None:
        # Record first: once it is gone its chunks are invisible, so a crash here leaves only garbage.
        self.documents.delete(ids=[doc_id])
        self.chunks.delete(where={"doc_id": doc_id})
        self.sentences.delete(where={"doc_id": doc_id})

    def recover(self) -> int:
        """Delete records that no committed document owns (left by an interrupted run); return how many."""
        committed = {d: h[:_HASH_IN_ID] for d, h in self.document_hashes().items()}
        removed = 0
        for collection in (self.chunks, self.sentences):
            ids = [i for i, _, _ in _read_all(collection, [])]
            stale = [i for i in ids if committed.get(parse_chunk_id(i)[0]) != parse_chunk_id(i)[1]]
            for start in range(0, len(stale), 1000):
                collection.delete(ids=stale[start : start + 1000])
            removed += len(stale)
        return removed

    def count_chunks(self) -> int:
        return int(self.chunks.count())


# Chroma reads a whole collection in one SQL statement with a variable per record, and SQLite refuses
# past ~32k ("too many SQL variables"): read in pages.
READ_PAGE = 5_000


def _read_all(collection: Any, include: list[str]) -> Iterator[tuple[str, dict[str, Any], str | None]]:
    """(id, metadata, document) of every record, page by page."""
    offset = 0
    while True:
        got = collection.get(include=include, limit=READ_PAGE, offset=offset)
        documents = got.get("documents") or [None] * len(got["ids"])
        yield from zip(got["ids"], got["metadatas"] or [{}] * len(got["ids"]), documents)
        if len(got["ids"]) < READ_PAGE:
            return
        offset += READ_PAGE


def _upsert(collection: Any, parts: Sequence[Records]) -> None:
    ids = [i for p in parts for i in p.ids]
    texts = [t for p in parts for t in p.texts]
    metadatas = [m for p in parts for m in p.metadatas]
    vectors = [v for p in parts for v in p.vectors.tolist()]
    for start in range(0, len(ids), 1000):  # Chroma caps the size of one request
        end = start + 1000
        collection.upsert(ids=ids[start:end], embeddings=vectors[start:end], documents=texts[start:end],
                          metadatas=metadatas[start:end])
