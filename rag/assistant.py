"""The Python API: ``Assistant.open()`` then ``assistant.ask(question)``."""

from __future__ import annotations

import time

from ingest.embeddings import Embedder, make_embedder
from ingest.errors import KonkyoError
from ingest.keyword_index import load_keyword_index
from ingest.offline import make_offline
from ingest.records import StoredDocument
from ingest.settings import Settings, load_settings, with_store
from ingest.store import Store
from rag.answer import Answer
from rag.decision import CANDIDATES, decide
from rag.question import MAX_QUESTION_CHARS, Question, analyse
from rag.retrieval import Passage, Retriever


class Assistant:
    """Answers from the store's evidence: cited, or refused with the reason and where it looked."""

    def __init__(self, settings: Settings, store: Store, embedder: Embedder) -> None:
        self.settings = settings
        self.store = store
        self.embedder = embedder
        self.documents: dict[str, StoredDocument] = {d.doc_id: d for d in store.documents_all()}
        if not self.documents:
            raise KonkyoError(f"the store at {settings.store.url or settings.store.dir} is empty",
                              "run `konkyo ingest` first (with the same --store)")
        hashes = {doc_id: doc.doc_hash for doc_id, doc in self.documents.items()}
        self.retriever = Retriever(store, self.documents, load_keyword_index(store, hashes))

    @classmethod
    def open(cls, store: str | None = None, settings: Settings | None = None) -> Assistant:
        """Open an ingested store (``store``: a folder or a `chroma run` URL; default from settings)."""
        make_offline()
        settings = with_store(settings or load_settings(), store)
        s = settings.embedder
        embedder = make_embedder(s.backend, s.model, threads=s.threads, batch_size=s.batch_size,
                                 query_prefix=s.query_prefix, passage_prefix=s.passage_prefix)
        return cls(settings, Store.open(settings, embedder.name, create=False), embedder)

    def document(self, doc_id: str) -> StoredDocument:
        try:
            return self.documents[doc_id]
        except KeyError:
            raise KonkyoError(f"no document {doc_id!r} in the store", "list the documents with `konkyo ingest`") from None

    def retrieve(self, question: str, k: int = 10) -> list[Passage]:
        parsed = _checked(question)
        return self.retriever.retrieve(parsed, self.embedder.embed_queries([parsed.text])[0], k=k)

    def as_retriever(self, k: int = 5):  # type: ignore[no-untyped-def]
        """A LangChain retriever of evidence sentences (``langchain_core`` BaseRetriever)."""
        from rag.lcel import KonkyoRetriever

        return KonkyoRetriever(assistant=self, k=k)

    def as_runnable(self):  # type: ignore[no-untyped-def]
        """A LangChain Runnable: question (str or {"question": ...}) -> Answer, composable in LCEL."""
        from rag.lcel import answer_runnable

        return answer_runnable(self)

    def ask(self, question: str) -> Answer:
        started = time.perf_counter()
        parsed = _checked(question)
        vector = self.embedder.embed_queries([parsed.text])[0]
        embedded = time.perf_counter()
        passages = self.retriever.retrieve(parsed, vector, k=CANDIDATES)
        retrieved = time.perf_counter()
        index = self.retriever.keyword_index
        answer = decide(parsed, passages, self.documents, index.document_frequency, len(index))
        done = time.perf_counter()
        answer.timings_ms = {
            "embed": round((embedded - started) * 1000, 1),
            "retrieve": round((retrieved - embedded) * 1000, 1),
            "decide": round((done - retrieved) * 1000, 1),
            "total": round((done - started) * 1000, 1),
        }
        return answer


def _checked(question: str) -> Question:
    text = (question or "").strip()
    if not text:
        raise KonkyoError("the question is empty", "ask something, e.g. konkyo ask \"Who led the Omni team?\"")
    if len(text) > MAX_QUESTION_CHARS:
        raise KonkyoError(f"the question is {len(text)} characters long",
                          f"keep it under {MAX_QUESTION_CHARS} characters")
    return analyse(text)
