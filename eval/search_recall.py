"""How much of each language's nearest records retrieval's search finds, against brute force
(``python -m eval.bench_query --recall``): Chroma's HNSW search is approximate, and how deep it looks is
a trade between this figure and latency (rag/retrieval.py, SEARCH_BREADTH)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from ingest.store import read_pages
from rag.retrieval import CHUNKS_PER_LANGUAGE, SENTENCES_PER_LANGUAGE

if TYPE_CHECKING:
    from rag.assistant import Assistant


def search_recall(assistant: Assistant, questions: Sequence[str]) -> dict[str, float]:
    """Of each language's k nearest committed records (by brute force over every stored vector), the share
    that retrieval's per-language search finds, per family: what HNSW's approximation costs."""
    retriever = assistant.retriever
    vectors = assistant.embedder.embed_queries(list(questions)).astype(np.float32)
    out = {}
    for name, family, k in (("chunks", assistant.store.chunks, CHUNKS_PER_LANGUAGE),
                            ("sentences", assistant.store.sentences, SENTENCES_PER_LANGUAGE)):
        found = total = 0
        for lang in retriever.centroids:
            ids: list[str] = []
            cosines = []
            for page in read_pages(family.partition(lang), ["embeddings"]):
                ids += page["ids"]
                cosines.append(np.asarray(page["embeddings"], dtype=np.float32) @ vectors.T)
            committed = np.asarray([retriever._committed(i) for i in ids])
            by_question = np.concatenate(cosines)[committed]
            ids = [i for i, ok in zip(ids, committed) if ok]
            for q, vector in enumerate(vectors):
                exact = {ids[i] for i in np.argsort(-by_question[:, q])[:k]}
                got = retriever._nearest(family, vector.astype(np.float64), k)[lang]
                found += len(exact & {rid for rid, _ in got})
                total += len(exact)
        out[name] = round(found / max(total, 1), 3)
    return out
