"""The two baselines konkyo is measured against, the way common RAG tools do it.

Both chunk the store's own document texts with LangChain's ``RecursiveCharacterTextSplitter`` (the usual
recipe: 1000 characters, 200 overlap, ``add_start_index=True``), so every chunk is an exact span of the
stored text and its citation is comparable with konkyo's. Both answer with their top chunk, and refuse
("I don't know") when the top score is under a threshold; the harness gives each the threshold that
makes the answer-or-refuse decision best on the evaluation set itself (``best_threshold``): an upper
bound on what the recipe's threshold can do. (Tuning it for truthfulness instead picks "always refuse"
for the dense recipe on the bundled set, which measures nothing.)

* ``langchain-dense``: the chunks in an in-memory ``langchain_chroma.Chroma`` (cosine space), embedded
  with konkyo's own embedder; the score is the cosine similarity, 1 - Chroma's cosine distance (what
  ``similarity_search_with_relevance_scores`` returns, without its warning for negative similarities).
* ``bm25-whitespace``: Okapi BM25 (k1=1.5, b=0.75, rank_bm25's ``BM25Okapi`` formula, which
  langchain-community's ``BM25Retriever`` uses) over ``text.split()`` tokens, its default preprocessing.
"""

from __future__ import annotations

import math
import time
import uuid
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from langchain_core.embeddings import Embeddings

from eval.metrics import Cited, Gold, Predicted, score
from ingest.records import StoredDocument

CHUNK_SIZE = 1000
CHUNK_OVERLAP = 200
SEARCH_K = 10
REFUSAL = "I don't know."


@dataclass(frozen=True)
class Chunk:
    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Hits:
    """One question's ranked chunks with their scores, and how long the search took."""

    chunks: tuple[Chunk, ...]
    scores: tuple[float, ...]
    latency_ms: float

    @property
    def top_score(self) -> float:
        return self.scores[0] if self.scores else -math.inf


def split_documents(documents: Mapping[str, StoredDocument]) -> list[Chunk]:
    """The stored texts cut by the usual LangChain recipe; each chunk's span indexes the stored text."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP, add_start_index=True)
    chunks = []
    for doc_id in sorted(documents):
        text = documents[doc_id].text
        for piece in splitter.create_documents([text], metadatas=[{"doc_id": doc_id}]):
            start = int(piece.metadata["start_index"])
            end = start + len(piece.page_content)
            if start < 0 or text[start:end] != piece.page_content:
                raise AssertionError(f"chunk span does not match the stored text of {doc_id} at {start}")
            chunks.append(Chunk(doc_id, start, end, piece.page_content))
    return chunks


class DenseChroma:
    """``langchain-dense``: chunks in an in-memory Chroma collection, searched by cosine similarity."""

    name = "langchain-dense"

    def __init__(self, chunks: Sequence[Chunk], embeddings: Embeddings) -> None:
        import chromadb
        from chromadb.config import Settings as ChromaSettings
        from langchain_chroma import Chroma

        client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False))
        self.chunks = list(chunks)
        self._store = Chroma(
            collection_name=f"eval-{uuid.uuid4().hex[:12]}",
            embedding_function=embeddings,  # never Chroma's own: it would download a model
            client=client,
            collection_configuration={"hnsw": {"space": "cosine"}},
        )
        self._store.add_texts([c.text for c in self.chunks], metadatas=[{"i": i} for i in range(len(self.chunks))],
                              ids=[str(i) for i in range(len(self.chunks))])

    def search(self, question: str, k: int = SEARCH_K) -> Hits:
        started = time.perf_counter()
        found = self._store.similarity_search_with_score(question, k=k)  # cosine distance
        elapsed = (time.perf_counter() - started) * 1000
        return Hits(tuple(self.chunks[int(d.metadata["i"])] for d, _ in found),
                    tuple(1.0 - float(distance) for _, distance in found), elapsed)

    def close(self) -> None:
        self._store.delete_collection()


class WhitespaceBM25:
    """``bm25-whitespace``: Okapi BM25 over whitespace tokens, as rank_bm25's BM25Okapi computes it."""

    name = "bm25-whitespace"

    def __init__(self, chunks: Sequence[Chunk], k1: float = 1.5, b: float = 0.75, epsilon: float = 0.25,
                 tokenize: Callable[[str], list[str]] = str.split) -> None:
        self.chunks = list(chunks)
        self.k1, self.b, self.tokenize = k1, b, tokenize
        self._tf = [Counter(tokenize(c.text)) for c in self.chunks]
        self._len = np.array([sum(tf.values()) for tf in self._tf], dtype=float)
        self._avg = float(self._len.mean()) if len(self._len) else 0.0
        df = Counter(term for tf in self._tf for term in tf)
        n = len(self.chunks)
        idf = {term: math.log(n - f + 0.5) - math.log(f + 0.5) for term, f in df.items()}
        # rank_bm25: a term in more than half the corpus gets a negative idf, replaced by epsilon * mean idf.
        floor = epsilon * (sum(idf.values()) / len(idf)) if idf else 0.0
        self._idf = {term: (value if value >= 0 else floor) for term, value in idf.items()}

    def scores(self, question: str) -> np.ndarray:
        out = np.zeros(len(self.chunks))
        norm = self.k1 * (1 - self.b + self.b * self._len / self._avg) if self._avg else np.zeros(len(self.chunks))
        for term in self.tokenize(question):
            if term not in self._idf:
                continue
            tf = np.array([counts.get(term, 0) for counts in self._tf], dtype=float)
            out += self._idf[term] * tf * (self.k1 + 1) / (tf + norm)
        return out

    def search(self, question: str, k: int = SEARCH_K) -> Hits:
        started = time.perf_counter()
        values = self.scores(question)
        order = np.argsort(values)[::-1][:k]  # rank_bm25's get_top_n, ties included
        elapsed = (time.perf_counter() - started) * 1000
        return Hits(tuple(self.chunks[i] for i in order), tuple(float(values[i]) for i in order), elapsed)

    def close(self) -> None:
        pass


def top_chunk_answer(hits: Hits, threshold: float) -> Predicted:
    """The recipe's answer rule: the top chunk, or a refusal when its score is under the threshold."""
    retrieved = tuple((c.doc_id, c.start, c.end) for c in hits.chunks)
    if not hits.chunks or hits.top_score < threshold:
        return Predicted(status="refused", reason="not_found", text=REFUSAL, retrieved=retrieved,
                         latency_ms=hits.latency_ms)
    top = hits.chunks[0]
    return Predicted(status="answered", text=f"“{top.text}” [1]",  # quoted: a "[2]" in the chunk is no marker
                     citations=(Cited(1, top.doc_id, top.start, top.end, top.text),),
                     retrieved=retrieved, latency_ms=hits.latency_ms)


SHOULD_ANSWER = {"answerable", "false_premise"}
SHOULD_REFUSE = {"speculative", "unanswerable"}


def decision_accuracy(golds: Sequence[Gold], answers: Sequence[Predicted]) -> float | None:
    """Balanced accuracy of the answer-or-refuse decision: the mean of the share of answerable/false-premise
    questions answered and the share of speculative/unanswerable ones refused. That is what a refusal
    threshold is for; balanced, so that neither "always answer" nor "always refuse" wins by the set's
    proportions (both score 0.5). Conflicting items have no answer-or-refuse truth and are left out."""
    answer = [a.status == "answered" for g, a in zip(golds, answers) if g.label in SHOULD_ANSWER]
    refuse = [a.status != "answered" for g, a in zip(golds, answers) if g.label in SHOULD_REFUSE]
    if not answer or not refuse:
        return None
    return (sum(answer) / len(answer) + sum(refuse) / len(refuse)) / 2


def threshold_sweep(golds: Sequence[Gold], hits: Sequence[Hits]) -> list[dict[str, float | int | None]]:
    """Decision accuracy, truthfulness and questions answered at every candidate threshold, lowest first.

    Candidates are every observed top score (refuse strictly below it) and +inf (always refuse).
    """
    candidates = sorted({h.top_score for h in hits if math.isfinite(h.top_score)}) + [math.inf]
    sweep = []
    for threshold in candidates:
        answers = [top_chunk_answer(h, threshold) for h in hits]
        total = sum(score(g, a) for g, a in zip(golds, answers))
        sweep.append({"threshold": threshold if math.isfinite(threshold) else None,
                      "answered": sum(a.status == "answered" for a in answers),
                      "decision_accuracy": decision_accuracy(golds, answers),
                      "truthfulness": total / len(golds) if golds else None})
    return sweep


def best_threshold(golds: Sequence[Gold], hits: Sequence[Hits]) -> float:
    """The refusal threshold with the best answer-or-refuse decisions on this very set (ties: the lowest,
    answering most); ``math.inf`` when always refusing is best."""
    best, best_value = math.inf, -math.inf
    for point in threshold_sweep(golds, hits):
        value = point["decision_accuracy"]
        if value is not None and value > best_value:
            best_value = value
            best = math.inf if point["threshold"] is None else float(point["threshold"])
    return best
