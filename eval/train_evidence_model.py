"""Fit the evidence model (rag.evidence_model) on the outside question sets and write rag/data/evidence_model.json.

    python -m eval.train_evidence_model [--sets eval/outside] [--stores .konkyo-outside] [--keep 0.4] [--add 0.6]

Each outside set is ingested into its own store (as `make outside` does; reused when it is there). For every
question, the decision's candidates are read by the reader and described by rag.evidence_model.features; an
asserted candidate is a positive when it overlaps the item's gold evidence and the item should be answered
(answerable, false premise, conflicting), a negative otherwise (every asserted candidate of a speculative or
unanswerable item is one). The bundled question set is left out, so its figures stay out of sample.

Before fitting on everything it prints a leave-one-set-out check: each set's questions scored by a model
fitted without that set, decided the simple way (answer with the likeliest asserted sentence at or above a
threshold, else refuse) against the reader alone decided the same way, in truthfulness (+1 right, -1 wrong,
0 an answerable question refused; conflicts count as wrong when answered), so that KEEP and ADD are chosen on
questions the model has not seen.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from eval.harness import Item, load_set
from ingest.settings import with_store
from ingest.store import Store
from rag.assistant import Assistant, _checked
from rag.decision import CANDIDATES, read_candidates
from rag.evidence_model import MODEL_FILE, EvidenceModel, features

SHOULD_ANSWER = frozenset({"answerable", "false_premise", "conflicting"})
SHOULD_REFUSE = frozenset({"speculative", "unanswerable"})


@dataclass
class Read:
    """One question as the decision sees it."""

    set_name: str
    label: str
    rows: np.ndarray  # features of every candidate
    speculative: list[bool]
    gold: list[bool]
    reader_says: list[bool]  # the reader's own verdict
    fits: list[bool]  # every check of the reader's but the share holds


def _store_for(set_dir: Path, stores: Path) -> Path:
    store = stores / set_dir.name
    if not store.exists():
        konkyo = Path(sys.executable).with_name("konkyo")
        subprocess.run([str(konkyo), "ingest", str(set_dir / "articles"), "--store", str(store), "--quiet"], check=True)
    return store


def read_set(assistant: Assistant, name: str, items: list[Item]) -> list[Read]:
    index = assistant.retriever.keyword_index
    reads = []
    for item in items:
        question = _checked(item.question)
        vector = assistant.embedder.embed_queries([question.text])[0]
        passages = assistant.retriever.retrieve(question, vector, k=CANDIDATES)
        reader, assessed = read_candidates(question, passages, assistant.documents, index.document_frequency, len(index))
        candidates = [s.passage for s in assessed]
        spans = []
        for doc_id, quote in item.evidence:
            at = assistant.documents[doc_id].text.find(quote)
            spans.append((doc_id, at, at + len(quote)))
        gold = [item.label in SHOULD_ANSWER and any(p.doc_id == d and p.char_start < e and p.char_end > b for d, b, e in spans)
                for p in candidates]
        rows = features(question, assessed, assistant.documents, len(reader.weights), len(reader.name_groups))
        reads.append(Read(name, item.label, rows, [p.speculative for p in candidates], gold, [s.supports for s in assessed],
                          [s.fits for s in assessed]))
    return reads


def _training_rows(reads: list[Read]) -> tuple[np.ndarray, np.ndarray]:
    xs = [r.rows[i] for r in reads for i in range(len(r.gold)) if not r.speculative[i]]
    ys = [r.gold[i] for r in reads for i in range(len(r.gold)) if not r.speculative[i]]
    return np.asarray(xs), np.asarray(ys, dtype=int)


def fit(reads: list[Read], keep: float, add: float) -> EvidenceModel:
    from sklearn.linear_model import LogisticRegression  # training only: the runtime needs numpy alone

    x, y = _training_rows(reads)
    regression = LogisticRegression(C=1.0, max_iter=5000).fit(x, y)
    return EvidenceModel(regression.coef_[0].tolist(), float(regression.intercept_[0]), keep, add)


def _score(read: Read, chosen: int | None) -> int:
    if chosen is None:
        return 1 if read.label in SHOULD_REFUSE else 0
    if read.label in SHOULD_REFUSE or read.label == "conflicting":
        return -1
    return 1 if read.gold[chosen] else -1


def simple_decision(read: Read, likely: np.ndarray | None, keep: float, add: float) -> int | None:
    """The likeliest asserted sentence the reader accepts, kept at ``keep``; else one at ``add`` that passes
    every check of the reader's but the share."""
    asserted = [i for i in range(len(read.gold)) if not read.speculative[i]]
    accepted = [i for i in asserted if read.reader_says[i]]
    if likely is None:  # the reader alone
        return max(accepted, key=lambda i: read.rows[i][0]) if accepted else None
    kept = [i for i in accepted if likely[i] >= keep]
    if kept:
        return max(kept, key=lambda i: likely[i])
    fitting = [i for i in asserted if read.fits[i]]
    if not accepted and fitting and max(likely[i] for i in fitting) >= add:
        return max(fitting, key=lambda i: likely[i])
    return None


def leave_one_set_out(reads: list[Read], keep: float, add: float) -> None:
    names = sorted({r.set_name for r in reads})
    totals = {"reader": 0, "reader + model": 0}
    for held in names:
        model = fit([r for r in reads if r.set_name != held], keep, add)
        mine = [r for r in reads if r.set_name == held]
        alone = sum(_score(r, simple_decision(r, None, keep, add)) for r in mine)
        helped = sum(_score(r, simple_decision(r, model.probabilities(r.rows), keep, add)) for r in mine)
        totals["reader"] += alone
        totals["reader + model"] += helped
        print(f"  {held}: reader {alone / len(mine):+.3f}, reader + model {helped / len(mine):+.3f}")
    print("  sum of truthfulness over the sets: " + ", ".join(
        f"{k} {v / len(reads) * len(names):+.3f}" for k, v in totals.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=Path, default=Path("eval/outside"))
    parser.add_argument("--stores", type=Path, default=Path(".konkyo-outside"))
    parser.add_argument("--keep", type=float, default=0.4)
    parser.add_argument("--add", type=float, default=0.6)
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    args = parser.parse_args()
    set_dirs = sorted(d for d in args.sets.glob("set*") if (d / "questions.jsonl").exists())
    reads: list[Read] = []
    first: Assistant | None = None
    for set_dir in set_dirs:
        store = _store_for(set_dir, args.stores)
        if first is None:
            first = assistant = Assistant.open(str(store))
        else:  # one embedder for every set
            settings = with_store(first.settings, str(store))
            assistant = Assistant(settings, Store.open(settings, first.embedder.name, create=False), first.embedder)
        reads += read_set(assistant, set_dir.name, load_set(set_dir / "questions.jsonl"))
        print(f"read {set_dir.name}", flush=True)
    print(f"leave one set out (keep {args.keep}, add {args.add}):")
    leave_one_set_out(reads, args.keep, args.add)
    model = fit(reads, args.keep, args.add)
    x, y = _training_rows(reads)
    args.out.write_text(model.to_json(trained_on=[d.name for d in set_dirs], rows=int(len(y)), positives=int(y.sum())),
                        encoding="utf-8")
    print(f"wrote {args.out}: {len(y)} asserted candidates ({int(y.sum())} gold) from {len(set_dirs)} sets")


if __name__ == "__main__":
    main()
