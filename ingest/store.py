"""konkyo's Chroma store: chunk and sentence vectors and document records, written so that a crash never shows.

Two families of vector records, ``chunks`` (to find passages) and ``sentences`` (the unit of evidence, one
vector per non-heading sentence), each kept as one Chroma collection per language (``konkyo_chunks_ja``,
``konkyo_chunks_en``, ...), and ``documents`` (the stored text, sentence table and metadata). Per-language
collections because retrieval needs the nearest records *of each language*: a question's embedding leans
toward its own language, and Chroma's metadata filter (``where={"lang": ...}``) scans instead of searching,
0.8-2.2 s a query at 100k chunks / 500k sentences. Stores written before (one collection per family) are
upgraded in place by the next writer, without re-embedding (``Store.open``).

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
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlparse

import numpy as np

from ingest.errors import StoreError
from ingest.language import LANGUAGES
from ingest.records import StoredDocument, document_from_record, document_metadata
from ingest.settings import Settings

SCHEMA_VERSION = 2  # of the records (part of the ingest fingerprint: a change re-embeds every document)
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


class RecordFamily:
    """One family of vector records (chunks or sentences): a Chroma collection per language."""

    def __init__(self, by_lang: Mapping[str, Any]) -> None:
        self.by_lang = dict(by_lang)

    def partition(self, lang: str) -> Any:
        return self.by_lang[lang]

    @property
    def metadata(self) -> dict[str, Any]:
        return dict(self.by_lang[LANGUAGES[0]].metadata or {})

    def count(self) -> int:
        return sum(int(c.count()) for c in self.by_lang.values())

    def get(self, *, ids: Sequence[str] | None = None, where: Mapping[str, Any] | None = None,
            include: Sequence[str] = ("metadatas",), langs: Iterable[str] | None = None) -> dict[str, list[Any]]:
        """The records that match, of every language or of ``langs``, as one Chroma-style result (``ids``
        and the ``include``d fields). No ``limit``/``offset``: pages are per collection (``_read_all``)."""
        out: dict[str, list[Any]] = {"ids": [], **{field: [] for field in include}}
        wanted = set(self.by_lang if langs is None else langs)
        for collection in (c for lang, c in self.by_lang.items() if lang in wanted):
            got = collection.get(ids=list(ids) if ids is not None else None, where=where, include=list(include))
            out["ids"] += got["ids"]
            for field in include:
                out[field] += list(got[field])
        return out

    def delete(self, *, ids: Sequence[str] | None = None, where: Mapping[str, Any] | None = None) -> None:
        # Every language: a document's earlier version may have been read as the other language.
        for collection in self.by_lang.values():
            collection.delete(ids=list(ids) if ids is not None else None, where=where)

    def upsert(self, parts: Sequence[Records]) -> None:
        for lang, collection in self.by_lang.items():
            mine = [_select(p, lang) for p in parts]
            _upsert(collection, [p for p in mine if p.ids])


def _select(records: Records, lang: str) -> Records:
    keep = [i for i, meta in enumerate(records.metadatas) if meta.get("lang") == lang]
    if len(keep) == len(records.ids):
        return records
    return Records([records.ids[i] for i in keep], [records.texts[i] for i in keep],
                   [records.metadatas[i] for i in keep], records.vectors[keep])


class Store:
    """The chunk, sentence and document collections of one konkyo store."""

    def __init__(self, client: Any, settings: Settings, embedder_name: str) -> None:
        self._client = client
        self.settings = settings
        self.embedder_name = embedder_name
        prefix = settings.store.collection_prefix
        self._docs_name = f"{prefix}_documents"
        existing = {getattr(c, "name", c) for c in client.list_collections()}
        old = [name for name in _single_collections(prefix) if name in existing]
        if old:
            raise StoreError(
                f"the store at {settings.store.url or settings.store.dir} was written by an earlier konkyo "
                "(one collection for both languages)",
                "run `konkyo ingest` once (with the same --store): it upgrades the store in place, without re-embedding",
            )
        self.chunks = self._family(f"{prefix}_chunks", existing)
        self.sentences = self._family(f"{prefix}_sentences", existing)
        # Chroma needs a vector per record; document records are looked up by id, so one constant will do.
        self.documents = client.get_or_create_collection(self._docs_name, embedding_function=None)
        self._check_embedder()
        self.upgraded_records = 0  # set by a writer's ``open`` that upgraded an earlier layout

    def _family(self, base: str, existing: set[str]) -> RecordFamily:
        by_lang = {}
        for lang in LANGUAGES:
            name = f"{base}_{lang}"
            if name in existing:
                by_lang[lang] = self._client.get_collection(name, embedding_function=None)
            else:  # get_or_create would overwrite the metadata that records which embedder built the store
                by_lang[lang] = self._client.create_collection(
                    name,
                    embedding_function=None,  # without this Chroma downloads its own model at first use
                    configuration={"hnsw": {"space": "cosine"}},
                    metadata={"embedder": self.embedder_name, "schema": SCHEMA_VERSION},
                )
        return RecordFamily(by_lang)

    @classmethod
    def open(cls, settings: Settings, embedder_name: str, *, create: bool = True, rebuild: bool = False) -> Store:
        """Open (or create) the store; ``rebuild`` empties it first, whatever embedder built it. A writer
        (``create``) upgrades a store of the earlier layout first; a reader is told to run an ingest."""
        if not create and not settings.store.url and not (settings.store.dir / "chroma").exists():
            raise _no_store(settings)
        client = _client(settings)
        names = {getattr(c, "name", c) for c in client.list_collections()}
        prefix = settings.store.collection_prefix
        if rebuild:
            for name in names & set(_all_collections(prefix)):
                client.delete_collection(name)
            shutil.rmtree(settings.store.dir / "keyword", ignore_errors=True)
        elif not create and f"{prefix}_documents" not in names:
            raise _no_store(settings)
        upgraded = upgrade_single_collections(client, prefix, embedder_name) if create and not rebuild else 0
        store = cls(client, settings, embedder_name)
        store.upgraded_records = upgraded
        return store

    def _check_embedder(self) -> None:
        _refuse_other_embedder(self.chunks.metadata.get("embedder"), self.embedder_name)

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
            for collection in self.chunks.by_lang.values()
            for cid, meta, _ in _read_all(collection, ["metadatas"])
            if committed.get(parse_chunk_id(cid)[0]) == parse_chunk_id(cid)[1]
        ]
        return sorted(rows)

    # -- writing -------------------------------------------------------------------------------

    def write_documents(self, batch: Sequence[DocumentWrite]) -> None:
        """Write documents with the commit protocol in the module docstring, several per Chroma call
        (each call costs tens of milliseconds whatever its size)."""
        if not batch:
            return
        self.chunks.upsert([w.chunks for w in batch])
        self.sentences.upsert([w.sentences for w in batch])
        # The commit: from here on readers use the new records of every document in the batch.
        self.documents.upsert(
            ids=[w.doc.doc_id for w in batch],
            embeddings=[[1.0]] * len(batch),
            documents=[w.doc.text for w in batch],
            metadatas=[document_metadata(w.doc) for w in batch],
        )
        older = [{"$and": [{"doc_id": w.doc.doc_id}, {"doc_hash": {"$ne": w.doc.doc_hash}}]} for w in batch]
        for family in (self.chunks, self.sentences):
            family.delete(where=older[0] if len(older) == 1 else {"$or": older})

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
        for collection in [*self.chunks.by_lang.values(), *self.sentences.by_lang.values()]:
            ids = [i for i, _, _ in _read_all(collection, [])]
            stale = [i for i in ids if committed.get(parse_chunk_id(i)[0]) != parse_chunk_id(i)[1]]
            for start in range(0, len(stale), 1000):
                collection.delete(ids=stale[start : start + 1000])
            removed += len(stale)
        return removed

    def count_chunks(self) -> int:
        return self.chunks.count()


def _refuse_other_embedder(built_with: str | None, wanted: str) -> None:
    if built_with and built_with != wanted:
        raise StoreError(
            f"the store was built with the embedder {built_with!r}, but the settings ask for {wanted!r}",
            "run `konkyo ingest --rebuild` to rebuild it, or set KONKYO_EMBEDDER__* back to match",
        )


def _single_collections(prefix: str) -> list[str]:
    """The earlier layout's vector collections: one per family, both languages in it."""
    return [f"{prefix}_chunks", f"{prefix}_sentences"]


def _all_collections(prefix: str) -> list[str]:
    families = [f"{prefix}_{family}_{lang}" for family in ("chunks", "sentences") for lang in LANGUAGES]
    return [*families, *_single_collections(prefix), f"{prefix}_documents"]


def upgrade_single_collections(client: Any, prefix: str, embedder_name: str) -> int:
    """Move the records of an earlier store's single chunk and sentence collections into the per-language
    collections, vectors included (nothing is re-embedded); return how many were moved. Safe to kill at
    any point: the copies are upserts, and an old collection is deleted only once both are copied, so the
    next writer redoes whatever is left. Records of an unknown language stay out, like uncommitted ones."""
    names = {getattr(c, "name", c) for c in client.list_collections()}
    old = [name for name in _single_collections(prefix) if name in names]
    if not old:
        return 0
    built_with = (client.get_collection(old[0], embedding_function=None).metadata or {}).get("embedder")
    _refuse_other_embedder(built_with, embedder_name)
    moved = 0
    for name in old:
        source = client.get_collection(name, embedding_function=None)
        targets = {lang: client.get_or_create_collection(
            f"{name}_{lang}", embedding_function=None, configuration={"hnsw": {"space": "cosine"}},
            metadata={"embedder": built_with or embedder_name, "schema": SCHEMA_VERSION}) for lang in LANGUAGES}
        for page in read_pages(source, ["embeddings", "metadatas", "documents"]):
            records = Records(list(page["ids"]), list(page["documents"]), list(page["metadatas"]),
                              np.asarray(page["embeddings"], dtype=np.float32))
            for lang, target in targets.items():
                mine = _select(records, lang)
                _upsert(target, [mine])
                moved += len(mine.ids)
    for name in old:  # only now: everything is in its new place
        client.delete_collection(name)
    return moved


# Chroma reads a whole collection in one SQL statement with a variable per record, and SQLite refuses
# past ~32k ("too many SQL variables"): read in pages.
READ_PAGE = 5_000


def _read_all(collection: Any, include: list[str]) -> Iterator[tuple[str, dict[str, Any], str | None]]:
    """(id, metadata, document) of every record, page by page."""
    for got in read_pages(collection, include):
        documents = got.get("documents") or [None] * len(got["ids"])
        yield from zip(got["ids"], got["metadatas"] or [{}] * len(got["ids"]), documents)


def read_pages(collection: Any, include: list[str]) -> Iterator[dict[str, Any]]:
    """Every record of one Chroma collection, READ_PAGE at a time, as Chroma's get results."""
    offset = 0
    while True:
        got = collection.get(include=include, limit=READ_PAGE, offset=offset)
        yield got
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
