"""A BM25 index over chunk terms, derived from the store and saved beside it.

Chroma is the one source of truth: every chunk record carries its terms, and this index is rebuilt from
them whenever the store's fingerprint (the committed documents and their hashes) changes, so the two
cannot drift apart, whichever process wrote the store.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from ingest.store import Store

K1 = 1.5
B = 0.75


class KeywordIndex:
    """Inverted index with precomputed BM25 weights per (term, chunk)."""

    def __init__(
        self,
        ids: list[str],
        vocab: dict[str, tuple[int, int]],
        postings: np.ndarray,
        weights: np.ndarray,
        fingerprint: str,
    ) -> None:
        self.ids = ids
        self._vocab = vocab  # term -> (offset, length) into postings/weights
        self._postings = postings
        self._weights = weights
        self.fingerprint = fingerprint

    @classmethod
    def build(cls, records: Iterable[tuple[str, Sequence[str]]], fingerprint: str) -> KeywordIndex:
        ids: list[str] = []
        per_term: dict[str, list[tuple[int, int]]] = defaultdict(list)
        lengths: list[int] = []
        for row, (chunk_id, chunk_terms) in enumerate(records):
            ids.append(chunk_id)
            lengths.append(len(chunk_terms))
            for term, tf in Counter(chunk_terms).items():
                per_term[term].append((row, tf))
        n = len(ids)
        avg_len = (sum(lengths) / n) if n else 1.0
        vocab: dict[str, tuple[int, int]] = {}
        postings: list[int] = []
        weights: list[float] = []
        for term in sorted(per_term):
            rows = per_term[term]
            idf = math.log(1 + (n - len(rows) + 0.5) / (len(rows) + 0.5))
            vocab[term] = (len(postings), len(rows))
            for row, tf in rows:
                norm = tf + K1 * (1 - B + B * lengths[row] / (avg_len or 1.0))
                postings.append(row)
                weights.append(idf * tf * (K1 + 1) / norm)
        return cls(
            ids,
            vocab,
            np.asarray(postings, dtype=np.int32),
            np.asarray(weights, dtype=np.float32),
            fingerprint,
        )

    def __len__(self) -> int:
        return len(self.ids)

    def document_frequency(self, term: str) -> int:
        """In how many chunks ``term`` occurs."""
        hit = self._vocab.get(term)
        return hit[1] if hit else 0

    def search(self, query_terms: Sequence[str], k: int = 20) -> list[tuple[str, float]]:
        """Top ``k`` chunks by BM25; chunks sharing no term with the query are never returned."""
        scores = np.zeros(len(self.ids), dtype=np.float32)
        for term in set(query_terms):
            hit = self._vocab.get(term)
            if hit is None:
                continue
            offset, length = hit
            np.add.at(scores, self._postings[offset : offset + length], self._weights[offset : offset + length])
        nonzero = np.flatnonzero(scores > 0)
        if nonzero.size == 0:
            return []
        top = nonzero[np.argsort(-scores[nonzero], kind="stable")[:k]]
        return [(self.ids[i], float(scores[i])) for i in top]

    def save(self, path: Path) -> None:
        """Write atomically: a reader sees the old index or the new one, never half of one."""
        path.parent.mkdir(parents=True, exist_ok=True)
        meta = {"fingerprint": self.fingerprint, "ids": self.ids, "vocab": self._vocab}
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".bm25-", suffix=".npz")
        os.close(fd)
        try:
            with open(tmp, "wb") as fh:
                np.savez(fh, postings=self._postings, weights=self._weights,
                         meta=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8))
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)

    @classmethod
    def load(cls, path: Path) -> KeywordIndex | None:
        """The saved index, or None when there is none or it cannot be read (it is then rebuilt)."""
        try:
            with np.load(path) as data:
                meta = json.loads(data["meta"].tobytes().decode())
                vocab = {term: (int(o), int(n)) for term, (o, n) in meta["vocab"].items()}
                return cls(meta["ids"], vocab, data["postings"], data["weights"], meta["fingerprint"])
        except (OSError, ValueError, KeyError):
            return None


def load_keyword_index(store: Store, hashes: Mapping[str, str] | None = None) -> KeywordIndex:
    """The store's BM25 index, rebuilt from the chunk records when the store has changed since it was saved.
    ``hashes``: doc_id -> hash of the committed documents, if the caller has read them already."""
    from ingest.terms import TOKENIZER_VERSION

    fingerprint = f"{store.fingerprint(hashes)}|{TOKENIZER_VERSION}"
    path = store.keyword_index_path
    index = KeywordIndex.load(path)
    if index is not None and index.fingerprint == fingerprint:
        return index
    index = KeywordIndex.build(store.chunk_terms(), fingerprint)
    index.save(path)
    return index

