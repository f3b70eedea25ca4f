"""An ingest killed at any moment leaves the store consistent, and running it again converges."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eval.synthetic import write_synthetic_corpus
from ingest.pipeline import ingest_paths
from ingest.settings import Settings
from ingest.store import Store

_DUMP = """
import json, sys
from ingest.embeddings import make_embedder
from ingest.keyword_index import load_keyword_index
from ingest.settings import Settings
from ingest.store import Store
settings = Settings(store={"dir": sys.argv[1]}, embedder={"backend": "hash"})
store = Store.open(settings, make_embedder("hash").name, create=False)
ids = store.chunks.get(include=[])["ids"] + store.sentences.get(include=[])["ids"]
hashes = store.document_hashes()
committed = [i for i in ids if hashes.get(i.rsplit("#", 2)[0], "")[:16] == i.rsplit("#", 2)[1]]
print(json.dumps({"ids": sorted(ids), "committed": sorted(committed), "docs": hashes,
                  "keyword": sorted(load_keyword_index(store).ids) if sys.argv[2] == "1" else []}))
"""


def _env() -> dict[str, str]:
    return {**os.environ, "KONKYO_EMBEDDER__BACKEND": "hash", "PYTHONPATH": str(Path.cwd())}


def _dump(store_dir: Path, keyword: bool = False) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", _DUMP, str(store_dir), "1" if keyword else "0"],
        env=_env(), capture_output=True, text=True, check=True,
    )
    return json.loads(out.stdout)


def _ingest_cmd(corpus: Path, store_dir: Path) -> list[str]:
    return [sys.executable, "-m", "ui.cli", "ingest", str(corpus), "--store", str(store_dir), "--quiet"]


@pytest.mark.slow
def test_kill_9_at_any_moment_converges_to_the_uninterrupted_state(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_synthetic_corpus(corpus, n_docs=120)
    reference = tmp_path / "reference"
    started = time.monotonic()
    subprocess.run(_ingest_cmd(corpus, reference), env=_env(), check=True, capture_output=True)
    duration = time.monotonic() - started
    expected = _dump(reference, keyword=True)
    assert len(expected["docs"]) == 120

    store = tmp_path / "killed"
    partial_seen = 0
    for fraction in (0.35, 0.5, 0.6, 0.7, 0.8, 0.9):
        proc = subprocess.Popen(_ingest_cmd(corpus, store), env=_env(), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(duration * fraction)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if (store / "chroma").exists():
            state = _dump(store)
            # Whatever moment the kill hit, every committed document has exactly its own chunks visible.
            for doc_id, doc_hash in state["docs"].items():
                assert doc_hash == expected["docs"][doc_id]
            committed_docs = {i.rsplit("#", 2)[0] for i in state["committed"]}
            assert committed_docs == set(state["docs"])
            partial_seen += 0 < len(state["docs"]) < 120
    assert partial_seen, "no kill landed mid-ingest; the test did not test anything"

    subprocess.run(_ingest_cmd(corpus, store), env=_env(), check=True, capture_output=True)
    assert _dump(store, keyword=True) == expected


@pytest.mark.parametrize("fail_on", ["documents.upsert", "chunks.delete"])
def test_crash_between_commit_steps_recovers(tmp_path: Path, corpus_copy: Path, fail_on: str,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(store={"dir": tmp_path / "store"}, embedder={"backend": "hash"})  # type: ignore[arg-type]
    ingest_paths([corpus_copy], settings)
    clean = _dump(settings.store.dir, keyword=True)
    path = corpus_copy / "en_wikipedia_effective_accelerationism.txt"
    original = path.read_text(encoding="utf-8")
    path.write_text(original + "\nA new closing sentence was added.\n", encoding="utf-8")

    collection, method = fail_on.split(".")
    real_open = Store.open

    def crashing_open(*args, **kwargs):  # type: ignore[no-untyped-def]
        store = real_open(*args, **kwargs)
        target = getattr(store, collection)

        class Crashing:
            def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
                if name == method:
                    raise KeyboardInterrupt("simulated crash")
                return getattr(target, name)

        setattr(store, collection, Crashing())
        return store

    monkeypatch.setattr(Store, "open", crashing_open)
    with pytest.raises(KeyboardInterrupt):
        ingest_paths([corpus_copy], settings)
    monkeypatch.setattr(Store, "open", real_open)

    interrupted = _dump(settings.store.dir)
    assert set(interrupted["committed"]) <= set(interrupted["ids"])
    path.write_text(original, encoding="utf-8")  # back to the first version: converge to the clean state
    report = ingest_paths([corpus_copy], settings)
    assert report.ok
    assert _dump(settings.store.dir, keyword=True) == clean
