"""A generated corpus for benchmarks and crash tests: bundled paragraphs recombined into many articles.

The text is real article prose (so sentence splitting, tagging and embedding cost what they cost on real
input); only the mix is generated, deterministically from a seed.
"""

from __future__ import annotations

import random
from pathlib import Path

from ingest.loaders import bundled_corpus_dir, load_document


def corpus_paragraphs() -> dict[str, list[str]]:
    """Paragraphs of the bundled articles, by language."""
    out: dict[str, list[str]] = {"ja": [], "en": []}
    for path in sorted(bundled_corpus_dir().glob("*.txt")):
        doc = load_document(path)
        paragraphs = [p.strip() for p in doc.text.split("\n\n") if len(p.strip()) > 40]
        out[doc.lang].extend(paragraphs)
    return out


def write_synthetic_corpus(folder: Path, n_docs: int, paragraphs_per_doc: int = 8, seed: int = 7) -> list[Path]:
    """Write ``n_docs`` articles (alternating Japanese and English) into ``folder``; return their paths."""
    rng = random.Random(seed)
    pools = corpus_paragraphs()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n_docs):
        lang = "ja" if i % 2 == 0 else "en"
        body = "\n\n".join(rng.choice(pools[lang]) for _ in range(paragraphs_per_doc))
        path = folder / f"article-{i:05d}.md"
        path.write_text(f"---\nid: synthetic-{i:05d}\ntitle: Synthetic article {i}\nlang: {lang}\n---\n\n{body}\n",
                        encoding="utf-8")
        paths.append(path)
    return paths
