"""The store as the UI's users share it: one Assistant answering everyone, swapped for a fresh one after
every ingest or removal, and writes serialised by one lock.

Readers do not wait for a write: ``ask`` takes the current Assistant and uses it to the end, while a
writer changes the store (its commit protocol keeps what old readers see consistent), builds a new
Assistant, and swaps it in with one assignment. The one exception: a reader that trips over a record
deleted under it waits for the write to end and asks again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ingest.embeddings import Embedder, make_embedder
from ingest.errors import KonkyoError
from ingest.keyword_index import load_keyword_index
from ingest.loaders import bundled_corpus_dir, find_inputs
from ingest.records import StoredDocument
from ingest.report import IngestReport
from ingest.settings import Settings
from ingest.store import Store
from rag.answer import Answer
from rag.assistant import Assistant

Progress = Callable[[int, int, str], None]  # (done, total, current file name)


@dataclass
class Preparing:
    """Where the first ingest of the bundled corpus has got to."""

    done: int = 0
    total: int = 0
    name: str = ""
    error: str | None = None


class Library:
    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        s = settings.embedder
        self.settings = settings
        self.embedder = embedder or make_embedder(s.backend, s.model, threads=s.threads, batch_size=s.batch_size,
                                                  query_prefix=s.query_prefix, passage_prefix=s.passage_prefix)
        self.preparing: Preparing | None = None  # set while the bundled corpus is being read
        self._write = threading.Lock()
        self._assistant: Assistant | None = None
        self._documents: dict[str, StoredDocument] = {}
        self._generation = 0  # counts refreshes, so that a reader can tell that a write happened
        self.refresh()

    # -- reading --------------------------------------------------------------------------------

    @property
    def ready(self) -> bool:
        return self.preparing is None

    @property
    def documents(self) -> dict[str, StoredDocument]:
        return self._documents

    def document(self, doc_id: str) -> StoredDocument | None:
        return self._documents.get(doc_id)

    def ask(self, question: str) -> Answer:
        generation = self._generation  # read first: a swap after it shows up as a newer generation
        assistant = self._assistant  # one snapshot for the whole question
        if assistant is None:
            raise KonkyoError("the library is empty", "add articles in the Sources tab")
        try:
            return assistant.ask(question)
        except KonkyoError:
            raise
        except Exception:
            # Chroma can hand a reader a record that a concurrent write has just deleted (its metadata
            # None). Only a write can cause that: wait for it to end, then ask the fresh Assistant once.
            if not self._write.locked() and generation == self._generation:
                raise
            with self._write:
                pass
            return self.ask(question) if self._generation != generation else assistant.ask(question)

    @property
    def uploads_dir(self) -> Path:
        return self.settings.store.dir / "uploads"

    # -- writing --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reopen the store and swap in an Assistant that sees its current documents."""
        store = Store.open(self.settings, self.embedder.name)  # an empty store for a new folder
        documents = {d.doc_id: d for d in store.documents_all()}
        assistant = Assistant(self.settings, store, self.embedder) if documents else None
        # Two assignments, documents last: a panel may briefly miss a new document, never show a stale one.
        self._assistant, self._documents = assistant, documents
        self._generation += 1

    def start_bundled_ingest(self, log: Callable[[str], None] = print) -> threading.Thread:
        """Read the bundled corpus in the background (for an empty store); ``preparing`` tracks it."""
        files, _ = find_inputs([bundled_corpus_dir()])
        self.preparing = Preparing(total=len(files))

        def progress(done: int, total: int, name: str) -> None:
            self.preparing = Preparing(done, total, name)
            log(f"konkyo: reading the bundled articles: {done}/{total} {name}".rstrip())

        def run() -> None:
            try:
                self.ingest(files, progress)
            except Exception as err:  # shown in the UI instead of leaving it waiting forever
                self.preparing = Preparing(error=str(err))
                log(f"konkyo: error: {err}")
                return
            self.preparing = None
            log("konkyo: the bundled articles are ready")

        thread = threading.Thread(target=run, name="konkyo-bundled-ingest", daemon=True)
        thread.start()
        return thread

    def ingest(self, paths: Sequence[Path], progress: Progress | None = None) -> list[IngestReport]:
        """Ingest files one at a time (so progress moves per file), then swap in a new Assistant."""
        from ingest.pipeline import ingest_paths

        reports = []
        with self._writing():
            for done, path in enumerate(paths):
                if progress:
                    progress(done, len(paths), path.name)
                reports.append(ingest_paths([path], self.settings, embedder=self.embedder))
            if progress:
                progress(len(paths), len(paths), "")
        return reports

    def remove(self, doc_id: str) -> StoredDocument:
        """Remove a document (and its uploaded copy, if it was uploaded); return what was removed."""
        with self._writing():
            doc = self._documents.get(doc_id)
            if doc is None:
                raise KonkyoError(f"no document {doc_id!r} in the store", "reload the page to see the current list")
            store = Store.open(self.settings, self.embedder.name, create=False)
            store.remove_document(doc_id)
            load_keyword_index(store)  # rebuilt now, not by the next question
            source = Path(doc.source)
            if source.parent.resolve() == self.uploads_dir.resolve():
                source.unlink(missing_ok=True)
        return doc

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """One write at a time; afterwards (even after a failure: earlier files may have been committed)
        readers get an Assistant that sees the store as it now is."""
        if not self._write.acquire(timeout=0.1):
            raise KonkyoError("another upload or removal is running", "wait for it to finish, then try again")
        try:
            yield
        finally:
            try:
                self.refresh()
            finally:
                self._write.release()
