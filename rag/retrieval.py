"""Hybrid, cross-lingual retrieval of evidence sentences.

Measured on the bundled eval set (eval/QUESTIONS.md), which decided this design:
- a question's embedding leans toward its own language (a Japanese question scores Japanese sentences
  higher whatever they say), so every cosine is *centred*: minus the question's cosine with the mean
  vector of the passage's language. Chunk MRR .58 -> .73; Japanese questions with English evidence,
  recall@5 .39 -> .82.
- sentences are scored with their own vector, plus half their chunk's score and a small bonus for the
  question's Latin-script terms (names, model names: they match across languages);
- BM25 (Sudachi terms) adds candidate chunks and a small share of the chunk score: plain reciprocal-rank
  fusion was worse than dense alone.

Dense candidates are the nearest chunks and sentences *of each language*: the store keeps each
language's records in a collection of its own (ingest/store.py), so each is one k-nearest search. (A single
collection needed a deep unfiltered search, then a second one with the question moved toward the short
language, its vectors read back and rescored: ~120 ms at 100k chunks / 500k sentences, finding .89 of each
language's exact nearest chunks and .77 of its sentences; Chroma's metadata filter took 0.8-2.2 s.)
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np

from ingest.keyword_index import KeywordIndex
from ingest.records import StoredDocument, StoredSentence
from ingest.store import RecordFamily, Store, parse_chunk_id, sentence_id
from ingest.terms import terms
from rag.question import Question

SENTENCES_PER_LANGUAGE = 25
CHUNKS_PER_LANGUAGE = 8
BM25_CHUNKS = 8
CHUNK_WEIGHT = 0.5
BM25_WEIGHT = 0.05
LATIN_TERM_WEIGHT = 0.1
# The bundled model scores a sentence in the other language lower than one in the question's own, even
# centred: of the gold sentences of cross-lingual questions (outside sets 25-44), 275 of 370 ranked in the
# decision's 20 candidates, against 335 of 350 for same-language ones. This much lifts them to 313 of 370
# (same-language 334); 0.01 and 0.03 do less for one side or the other.
ACROSS_LANGUAGE_BONUS = 0.02
SEARCH_SPARE = 2.0  # a language's search asks for this many times k records: room for uncommitted ones
# ...and for at least this many: HNSW looks at max(ef_search, n_results) candidates, and with Chroma's
# ef_search (100) it finds .64 of a language's 25 nearest sentences at 500k (`eval.bench_query --recall`).
SEARCH_BREADTH = 400
# The chunk and sentence searches, and each language's, run side by side: Chroma releases the GIL while it
# searches (retrieval at 100k chunks: 78 ms one after the other, 58 ms side by side on 2 cores).
_SEARCH_THREADS = ThreadPoolExecutor(max_workers=2, thread_name_prefix="konkyo-search")
_LANGUAGE_THREADS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="konkyo-search-language")


@dataclass(frozen=True)
class Passage:
    """One evidence sentence: ``document(doc_id).text[char_start:char_end] == text``."""

    doc_id: str
    title: str
    url: str
    lang: str
    sentence: int
    char_start: int
    char_end: int
    text: str
    speculative: bool
    cues: tuple[str, ...]
    reported: bool
    score: float


def language_centroids(documents: Mapping[str, StoredDocument]) -> dict[str, np.ndarray]:
    """Mean sentence vector per document language, from the sums stored with each document."""
    sums: dict[str, np.ndarray] = {}
    counts: dict[str, int] = defaultdict(int)
    for doc in documents.values():
        if doc.vector_sum is None or not doc.vector_count:
            continue
        sums[doc.lang] = sums.get(doc.lang, 0) + doc.vector_sum
        counts[doc.lang] += doc.vector_count
    return {lang: total / counts[lang] for lang, total in sums.items()}


class Retriever:
    def __init__(self, store: Store, documents: Mapping[str, StoredDocument], keyword_index: KeywordIndex) -> None:
        self.store = store
        self.documents = documents
        self.keyword_index = keyword_index
        self.centroids = language_centroids(documents)
        self._chunk_span: dict[str, tuple[str, int, int]] = {}  # chunk id -> (doc_id, first, last sentence)

    def _committed(self, record_id: str) -> bool:
        doc_id, hash_prefix = parse_chunk_id(record_id)
        doc = self.documents.get(doc_id)
        return doc is not None and doc.doc_hash.startswith(hash_prefix)

    def retrieve(self, question: Question, query_vector: np.ndarray, k: int = 10) -> list[Passage]:
        bias = {lang: float(query_vector @ centroid) for lang, centroid in self.centroids.items()}
        sentence_search = _SEARCH_THREADS.submit(self._sentence_hits, query_vector)
        chunk_scores = self._chunk_scores(question, query_vector, bias)
        sentence_cos = sentence_search.result()
        # Every sentence of the best chunks is a candidate too: the answer may sit beside the best match.
        best_chunks = sorted(chunk_scores, key=chunk_scores.get, reverse=True)[:5]  # type: ignore[arg-type]
        wanted = {key for cid in best_chunks for key in self._chunk_sentences(cid)} - sentence_cos.keys()
        sentence_cos.update(self._cosines_of(wanted, query_vector))
        floor = {lang: min((s for c, s in chunk_scores.items() if self._lang(c) == lang), default=0.0)
                 for lang in bias}
        by_sentence: dict[tuple[str, int], float] = {}
        for cid, score in chunk_scores.items():
            for key in self._chunk_sentences(cid):
                by_sentence[key] = max(by_sentence.get(key, -1.0), score)
        latin = set(question.ascii_terms)
        passages = []
        for (doc_id, index), cos in sentence_cos.items():
            doc = self.documents[doc_id]
            sentence = doc.sentences[index]
            centred = cos - bias.get(doc.lang, 0.0) + (ACROSS_LANGUAGE_BONUS if doc.lang != question.lang else 0.0)
            chunk = by_sentence.get((doc_id, index), floor.get(doc.lang, 0.0))
            bonus = len(latin & latin_terms(doc.sentence_text(sentence))) / len(latin) if latin else 0.0
            score = centred + CHUNK_WEIGHT * chunk + LATIN_TERM_WEIGHT * bonus
            passages.append(_passage(doc, sentence, score))
        passages.sort(key=lambda p: (-p.score, p.doc_id, p.sentence))
        return passages[:k]

    # -- pieces ----------------------------------------------------------------------------------

    def _lang(self, chunk_id: str) -> str:
        return self.documents[parse_chunk_id(chunk_id)[0]].lang

    def _nearest(self, family: RecordFamily, query_vector: np.ndarray, k: int) -> dict[str, list[tuple[str, float]]]:
        """The ``k`` committed records of each language nearest the question, as (id, cosine), nearest first."""
        searches = {lang: _LANGUAGE_THREADS.submit(self._nearest_of, family.partition(lang), query_vector, k)
                    for lang in self.centroids}  # the languages that have documents
        return {lang: search.result() for lang, search in searches.items()}

    def _nearest_of(self, collection: Any, query_vector: np.ndarray, k: int) -> list[tuple[str, float]]:
        depth = max(int(k * SEARCH_SPARE), SEARCH_BREADTH)
        while True:
            got = collection.query(query_embeddings=[query_vector.tolist()], n_results=depth, include=["distances"])
            ids = got["ids"][0]
            cosines = (1.0 - np.asarray(got["distances"][0], dtype=np.float64)).tolist()
            found = [(rid, cos) for rid, cos in zip(ids, cosines) if self._committed(rid)][:k]
            if len(found) >= k or len(ids) < depth:  # enough, or the whole collection was ranked
                return found
            depth *= 4  # an ingest is writing a new version beside the committed one

    def _chunk_scores(self, question: Question, query_vector: np.ndarray, bias: dict[str, float]) -> dict[str, float]:
        """Centred dense score (+ a little BM25) of chunks found by either method."""
        cos: dict[str, float] = {}
        nearest = [hit for found in self._nearest(self.store.chunks, query_vector, CHUNKS_PER_LANGUAGE).values()
                   for hit in found]
        if nearest:  # spans are in the metadata, read for these few only
            got = self.store.chunks.get(ids=[cid for cid, _ in nearest], include=["metadatas"],
                                        langs={self._lang(cid) for cid, _ in nearest})
            metas = dict(zip(got["ids"], got["metadatas"]))
            for cid, c in nearest:
                if self._remember_span(cid, metas.get(cid)):
                    cos[cid] = c
        bm25 = dict(self.keyword_index.search(list(question.key_terms), k=BM25_CHUNKS)) if question.key_terms else {}
        missing = [cid for cid in bm25 if cid not in cos and self._committed(cid)]
        if missing:
            got = self.store.chunks.get(ids=missing, include=["embeddings", "metadatas"],
                                        langs={self._lang(cid) for cid in missing})
            for cid, vector, meta in zip(got["ids"], got["embeddings"], got["metadatas"]):
                if vector is not None and self._remember_span(cid, meta):
                    cos[cid] = float(np.asarray(vector) @ query_vector)
        top = max(bm25.values(), default=1.0) or 1.0
        return {cid: c - bias.get(self._lang(cid), 0.0) + BM25_WEIGHT * bm25.get(cid, 0.0) / top
                for cid, c in cos.items()}

    def _remember_span(self, chunk_id: str, meta: Mapping[str, object] | None) -> bool:
        """False when the record is gone (a concurrent ingest replaced it between query and read)."""
        if meta is None:
            return False
        self._chunk_span[chunk_id] = (str(meta["doc_id"]), int(meta["sentence_first"]), int(meta["sentence_last"]))  # type: ignore[call-overload]
        return True

    def _chunk_sentences(self, chunk_id: str) -> list[tuple[str, int]]:
        doc_id, first, last = self._chunk_span[chunk_id]
        doc = self.documents[doc_id]
        return [(doc_id, i) for i in range(first, last + 1) if doc.sentences[i].kind != "heading"]

    def _sentence_hits(self, query_vector: np.ndarray) -> dict[tuple[str, int], float]:
        out: dict[tuple[str, int], float] = {}
        for found in self._nearest(self.store.sentences, query_vector, SENTENCES_PER_LANGUAGE).values():
            for sid, cos in found:
                out[(parse_chunk_id(sid)[0], sentence_index(sid))] = cos
        return out

    def _cosines_of(self, keys: set[tuple[str, int]], query_vector: np.ndarray) -> dict[tuple[str, int], float]:
        if not keys:
            return {}
        ids = {sentence_id(d, self.documents[d].doc_hash, i): (d, i) for d, i in keys}
        got = self.store.sentences.get(ids=list(ids), include=["embeddings"],
                                       langs={self.documents[d].lang for d, _ in keys})
        return {ids[sid]: float(np.asarray(vector) @ query_vector)
                for sid, vector in zip(got["ids"], got["embeddings"]) if vector is not None}


_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


def latin_terms(text: str) -> set[str]:
    """The Latin-script terms of ``text``: its terms once everything but ASCII is blanked, so Japanese
    text is not sent through Sudachi (a tenth of retrieval's time at 100k chunks)."""
    return set(terms(_NOT_ASCII.sub(" ", unicodedata.normalize("NFKC", text))))


def sentence_index(record_id: str) -> int:
    """The sentence number in a sentence record's id (``doc#hash#s00042`` -> 42; see ``sentence_id``)."""
    return int(record_id.rsplit("#", 1)[1].lstrip("s"))


def _passage(doc: StoredDocument, sentence: StoredSentence, score: float) -> Passage:
    return Passage(
        doc_id=doc.doc_id, title=doc.title, url=doc.url, lang=doc.lang, sentence=sentence.index,
        char_start=sentence.start, char_end=sentence.end, text=doc.sentence_text(sentence),
        speculative=sentence.speculative, cues=sentence.cues, reported=sentence.reported, score=round(score, 4),
    )
