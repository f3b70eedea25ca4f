"""Ingestion benchmark: pipeline throughput against the embedder's own, unchanged re-ingest, peak memory.

    python -m eval.bench_ingest [--chunks 2000] [--out eval/out]

Each measured phase runs in a fresh process, so its peak RSS is its own and imports are not shared.
Targets on the 2-core build machine: pipeline >= 85% of the embedder's throughput, unchanged re-ingest
of the bundled corpus < 2 s, peak memory < 1.5 GB.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ingest.offline import make_offline


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _phase_pipeline(corpus: str, store: str) -> dict:
    from ingest.pipeline import ingest_paths
    from ingest.settings import load_settings

    settings = load_settings(store={"dir": store})
    started = time.perf_counter()
    report = ingest_paths([corpus] if corpus else None, settings)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "chunks": report.chunks_written, "documents": len(report.new),
            "unchanged": len(report.unchanged), "skipped": len(report.skipped), "peak_rss_mb": _peak_rss_mb()}


def _phase_embedder(corpus: str, store: str) -> dict:
    """The embedder alone, on exactly the texts the pipeline embedded (each chunk, then each of its
    document's sentences), in the same batch size; reported per chunk, like the pipeline."""
    from ingest.embeddings import make_embedder
    from ingest.loaders import bundled_corpus_dir, find_inputs, load_document
    from ingest.pipeline import prepare_document
    from ingest.settings import load_settings

    settings = load_settings(store={"dir": store})
    files, _ = find_inputs([corpus or bundled_corpus_dir()])
    prepared = [prepare_document(load_document(f), "x", settings) for f in files]
    texts = [t for p in prepared for t in p.embed_texts]
    embedder = make_embedder(settings.embedder.backend, settings.embedder.model, threads=settings.embedder.threads,
                             batch_size=settings.embedder.batch_size)
    embedder.embed_passages(texts[:2])  # load the model outside the timed part, as the pipeline's cost includes it
    started = time.perf_counter()
    batch = settings.embedder.batch_size
    for i in range(0, len(texts), batch):
        embedder.embed_passages(texts[i : i + batch])
    return {"seconds": time.perf_counter() - started, "chunks": sum(len(p.chunk_texts) for p in prepared),
            "texts": len(texts), "peak_rss_mb": _peak_rss_mb()}


def _run_phase(phase: str, corpus: str, store: str) -> dict:
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "eval.bench_ingest", "--phase", phase, "--corpus", corpus,
                          "--store", store], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["process_seconds"] = time.perf_counter() - started
    return result


def _synthetic_corpus(folder: Path, min_chunks: int) -> None:
    from eval.synthetic import write_synthetic_corpus
    from ingest.loaders import load_document
    from ingest.pipeline import prepare_document
    from ingest.settings import load_settings

    settings = load_settings()
    probe = write_synthetic_corpus(folder / "probe", n_docs=20)
    per_doc = sum(len(prepare_document(load_document(p), "x", settings).chunk_texts) for p in probe) / 20
    for p in probe:
        p.unlink()
    (folder / "probe").rmdir()
    write_synthetic_corpus(folder, n_docs=int(min_chunks / per_doc * 1.05) + 1)


def _measure(name: str, corpus: str, workdir: Path) -> dict:
    store = str(workdir / f"store-{name}")
    first = _run_phase("pipeline", corpus, store)
    again = _run_phase("pipeline", corpus, store)
    alone = _run_phase("embedder", corpus, store)
    pipeline_rate = first["chunks"] / first["seconds"]
    embedder_rate = alone["chunks"] / alone["seconds"]
    return {
        "corpus": name, "documents": first["documents"], "chunks": first["chunks"],
        "texts_embedded": alone["texts"],
        "pipeline_chunks_per_s": round(pipeline_rate, 2), "embedder_chunks_per_s": round(embedder_rate, 2),
        "ratio": round(pipeline_rate / embedder_rate, 3),
        "unchanged_reingest_s": round(again["seconds"], 3),
        "unchanged_reingest_process_s": round(again["process_seconds"], 3),
        "peak_rss_mb": round(max(first["peak_rss_mb"], again["peak_rss_mb"]), 1),
        "embedder_peak_rss_mb": round(alone["peak_rss_mb"], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=2000, help="minimum chunks in the generated corpus")
    parser.add_argument("--out", type=Path, default=Path("eval/out"))
    parser.add_argument("--phase", choices=["pipeline", "embedder"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", default="", help=argparse.SUPPRESS)
    parser.add_argument("--store", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    make_offline()
    if args.phase:
        fn = _phase_pipeline if args.phase == "pipeline" else _phase_embedder
        print(json.dumps(fn(args.corpus, args.store)))
        return
    with tempfile.TemporaryDirectory(prefix="konkyo-bench-") as tmp:
        workdir = Path(tmp)
        rows = [_measure("bundled", "", workdir)]
        _synthetic_corpus(workdir / "generated", args.chunks)
        rows.append(_measure("generated", str(workdir / "generated"), workdir))
    header = ("corpus", "documents", "chunks", "texts_embedded", "pipeline_chunks_per_s", "embedder_chunks_per_s", "ratio",
              "unchanged_reingest_s", "unchanged_reingest_process_s", "peak_rss_mb")
    print(" | ".join(header))
    for row in rows:
        print(" | ".join(str(row[h]) for h in header))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench_ingest.json").write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
