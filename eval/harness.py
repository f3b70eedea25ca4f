"""`konkyo eval`: run konkyo and the baselines over a question set and measure them side by side.

    konkyo eval [--set FILE] [--out DIR] [--answerer konkyo|langchain-dense|bm25-whitespace|all] [--store DIR|URL]

Models load once (konkyo's embedder also embeds the dense baseline's chunks). Every answerer gets one
untimed warm-up question, so the latency figures do not include loading. Writes ``report.md``,
``report.html`` and ``results.json`` (every metric and every item's outcome) to the output folder.
"""

from __future__ import annotations

import json
import math
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from eval.baselines import (
    SEARCH_K, DenseChroma, Hits, WhitespaceBM25, best_threshold, split_documents, threshold_sweep, top_chunk_answer,
)
from eval.metrics import (
    EXPECTED_OUTCOME, HEADLINE, LABELS, Cited, Gold, Pair, Predicted, better, cites_gold, faithful_counts,
    gold_rank, hits_gold, percentile, score, slices, status_correct, summarise,
)
from ingest.errors import KonkyoError
from ingest.records import StoredDocument

DEFAULT_SET = Path(__file__).resolve().parent / "questions.jsonl"
ANSWERERS = ("konkyo", "langchain-dense", "bm25-whitespace")
DESCRIPTIONS = {
    "konkyo": "konkyo's Assistant.ask (rag/): sentence-level retrieval, a check that the passages speak to the question, "
              "the speculation tags decide; cites sentences",
    "langchain-dense": "the LangChain recipe: RecursiveCharacterTextSplitter (1000/200) chunks, langchain_chroma dense top-k "
                       "with konkyo's embedder, top chunk as the answer, refusal under a cosine-similarity threshold",
    "bm25-whitespace": "BM25Okapi (k1=1.5, b=0.75) over whitespace tokens (BM25Retriever's default) on the same chunks, "
                       "top chunk as the answer, refusal under a BM25-score threshold",
}
REQUIRED_FIELDS = ("id", "question", "lang", "label", "evidence")


@dataclass(frozen=True)
class Item:
    id: str
    question: str
    lang: str
    label: str
    gold_answer: str
    evidence: tuple[tuple[str, str], ...]  # (doc_id, quote)
    cross_lingual: bool | None  # None: derived from the evidence languages


@dataclass
class Run:
    """One answerer's outcome on the whole set."""

    name: str
    pairs: list[Pair]
    settings: dict[str, Any] = field(default_factory=dict)


# -- the question set ----------------------------------------------------------------------------


def load_set(path: str | Path) -> list[Item]:
    """Read a JSON-lines question set (the format of eval/questions.jsonl); a bad line is a one-line error."""
    path = Path(path)
    fix = "give a JSON-lines file like eval/questions.jsonl (id, question, lang, label, evidence on every line)"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise KonkyoError(f"cannot read the question set {path} ({type(err).__name__})", fix) from None
    items: list[Item] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError:
            raise KonkyoError(f"{path} line {number} is not JSON", fix) from None
        problem = _problem(raw)
        if problem:
            raise KonkyoError(f"{path} line {number}: {problem}", fix)
        items.append(Item(
            id=str(raw["id"]), question=raw["question"], lang=raw["lang"], label=raw["label"],
            gold_answer=str(raw.get("gold_answer", "")),
            evidence=tuple((e["doc_id"], e["quote"]) for e in raw["evidence"]),
            cross_lingual=raw.get("cross_lingual"),
        ))
    if not items:
        raise KonkyoError(f"the question set {path} has no questions", fix)
    duplicates = sorted({i.id for i in items if sum(j.id == i.id for j in items) > 1})
    if duplicates:
        raise KonkyoError(f"{path}: duplicate ids {', '.join(duplicates[:5])}", "give every question its own id")
    return items


def _problem(raw: Any) -> str | None:
    if not isinstance(raw, dict):
        return "is not a JSON object"
    missing = [f for f in REQUIRED_FIELDS if f not in raw]
    if missing:
        return f"missing {', '.join(missing)}"
    if not isinstance(raw["question"], str) or not raw["question"].strip():
        return "the question is empty"
    if raw["label"] not in LABELS:
        return f"unknown label {raw['label']!r} (use one of {', '.join(LABELS)})"
    evidence = raw["evidence"]
    if not isinstance(evidence, list) or not all(
        isinstance(e, dict) and isinstance(e.get("doc_id"), str) and isinstance(e.get("quote"), str) and e["quote"]
        for e in evidence
    ):
        return "evidence must be a list of {doc_id, quote}"
    if raw.get("cross_lingual") is not None and not isinstance(raw["cross_lingual"], bool):
        return "cross_lingual must be true or false"
    return None


def golds(items: Sequence[Item], documents: Mapping[str, StoredDocument], where: str) -> list[Gold]:
    """Each item's evidence as spans of the stored texts. The store must hold every document the set cites."""
    missing = sorted({doc for item in items for doc, _ in item.evidence} - set(documents))
    if missing:
        shown = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
        raise KonkyoError(f"the store at {where} lacks {len(missing)} document(s) the question set cites ({shown})",
                          "run `konkyo ingest` with the same --store (the bundled set needs the bundled corpus)")
    out = []
    for item in items:
        spans = []
        for doc_id, quote in item.evidence:
            text = documents[doc_id].text
            start = text.find(quote)
            if start < 0:
                raise KonkyoError(f"{item.id}: its evidence quote is not in the stored text of {doc_id}",
                                  "re-ingest the articles the set was written for: `konkyo ingest --rebuild`")
            while start >= 0:  # every occurrence counts as gold
                spans.append((doc_id, start, start + len(quote)))
                start = text.find(quote, start + 1)
        crossing = item.cross_lingual
        if crossing is None:
            crossing = bool(item.evidence) and item.lang not in {documents[d].lang for d, _ in item.evidence}
        out.append(Gold(item.id, item.label, item.lang, crossing, tuple(spans)))
    return out


# -- running the answerers -----------------------------------------------------------------------


def _progress(items: Sequence[Item], show: bool):  # type: ignore[no-untyped-def]
    from tqdm import tqdm

    return tqdm(items, desc="questions", unit="q", file=sys.stderr, disable=not show)


def ask_konkyo(assistant: Any, question: str) -> Predicted:
    """konkyo's answer, timed, with the sentences its retrieval ranks first (for recall@5 / MRR, not timed)."""
    started = time.perf_counter()
    answer = assistant.ask(question)
    latency = (time.perf_counter() - started) * 1000
    retrieved = assistant.retrieve(question, k=SEARCH_K)
    documents = assistant.documents
    citations = tuple(
        Cited(c.n, c.doc_id, c.char_start, c.char_end,
              documents[c.doc_id].text[c.char_start : c.char_end] if c.doc_id in documents else "")
        for c in answer.citations
    )
    return Predicted(status=answer.status, reason=answer.reason, text=answer.text, citations=citations,
                     retrieved=tuple((p.doc_id, p.char_start, p.char_end) for p in retrieved),
                     latency_ms=latency, phases_ms=dict(answer.timings_ms))


def _konkyo_run(gold: Sequence[Gold], predictions: Sequence[Predicted]) -> Run:
    phases = sorted({phase for p in predictions for phase in p.phases_ms})
    median = {phase: round(percentile([p.phases_ms[phase] for p in predictions if phase in p.phases_ms], 50) or 0, 1)
              for phase in phases}
    return Run("konkyo", list(zip(gold, predictions)),
               {"retrieval_unit": "sentence", "k": SEARCH_K, "median_phase_ms": median})


def _baseline_run(index: DenseChroma | WhitespaceBM25, gold: Sequence[Gold], hits: Sequence[Hits], setup_s: float,
                  score_name: str) -> Run:
    """The recipe's answers at the threshold that is best on this set."""
    threshold = best_threshold(gold, hits)
    return Run(index.name, [(g, top_chunk_answer(h, threshold)) for g, h in zip(gold, hits)], {
        "retrieval_unit": f"chunk ({len(index.chunks)} chunks of at most 1000 characters, 200 overlap)",
        "k": SEARCH_K,
        "threshold": threshold if math.isfinite(threshold) else "always refuse",
        "threshold_on": score_name,
        "threshold_chosen": "the best answer-or-refuse accuracy on this set (an upper bound); refuse when the top score is under it",
        "index_build_s": round(setup_s, 2),
        "sweep": threshold_sweep(gold, hits),
    })


def evaluate(set_path: str | Path | None = None, store: str | None = None, answerers: Sequence[str] = ANSWERERS,
             show_progress: bool = False, assistant: Any = None) -> dict[str, Any]:
    """Run the answerers over the set; returns the results (the content of results.json).

    Each question goes to every answerer in turn, so a busy machine slows them alike.
    """
    unknown = [a for a in answerers if a not in ANSWERERS]
    if unknown:
        raise KonkyoError(f"unknown answerer {unknown[0]!r}", f"use one of: {', '.join(ANSWERERS)}, all")
    started = time.perf_counter()
    set_path = Path(set_path) if set_path else DEFAULT_SET
    items = load_set(set_path)
    if assistant is None:
        from rag.assistant import Assistant

        assistant = Assistant.open(store)
    settings = assistant.settings.store
    where = settings.url or str(settings.dir)
    gold = golds(items, assistant.documents, where)

    chunks = split_documents(assistant.documents) if set(answerers) - {"konkyo"} else []
    builders: dict[str, tuple[Callable[[], DenseChroma | WhitespaceBM25], str]] = {
        "langchain-dense": (lambda: DenseChroma(chunks, assistant.embedder), "cosine similarity"),
        "bm25-whitespace": (lambda: WhitespaceBM25(chunks), "BM25 score"),
    }
    indexes: dict[str, tuple[DenseChroma | WhitespaceBM25, float, str]] = {}
    try:
        for name, (build, score_name) in builders.items():
            if name in answerers:
                built = time.perf_counter()
                indexes[name] = (build(), time.perf_counter() - built, score_name)
        # Warm-up, untimed: models and dictionaries load here.
        if "konkyo" in answerers:
            assistant.ask(items[0].question)
        for index, _, _ in indexes.values():
            index.search(items[0].question)
        predictions: list[Predicted] = []
        hits: dict[str, list[Hits]] = {name: [] for name in indexes}
        for item in _progress(items, show_progress):
            if "konkyo" in answerers:
                predictions.append(ask_konkyo(assistant, item.question))
            for name, (index, _, _) in indexes.items():
                hits[name].append(index.search(item.question))
    finally:
        for index, _, _ in indexes.values():
            index.close()
    runs = [_konkyo_run(gold, predictions)] if "konkyo" in answerers else []
    runs += [_baseline_run(index, gold, hits[name], setup_s, score_name)
             for name, (index, setup_s, score_name) in indexes.items()]
    return _results(set_path, where, assistant.embedder.name, items, runs, time.perf_counter() - started)


# -- results -------------------------------------------------------------------------------------


def _item_record(item: Item, gold: Gold, pred: Predicted) -> dict[str, Any]:
    supported, statements = faithful_counts(pred)
    return {
        "id": item.id, "question": item.question, "lang": item.lang, "label": item.label,
        "cross_lingual": gold.cross_lingual, "gold_answer": item.gold_answer,
        "expected": EXPECTED_OUTCOME[item.label], "got": pred.outcome,
        "status_correct": status_correct(gold, pred), "score": score(gold, pred),
        "cites_gold": cites_gold(gold, pred), "gold_rank": gold_rank(gold, pred),
        "faithful_statements": [supported, statements], "latency_ms": round(pred.latency_ms, 1),
        "phases_ms": pred.phases_ms, "text": pred.text,
        "citations": [{"n": c.n, "doc_id": c.doc_id, "char_start": c.start, "char_end": c.end, "text": c.text,
                       "hits_gold": hits_gold(c.span, gold)} for c in pred.citations],
    }


def _metrics(pairs: Sequence[Pair]) -> dict[str, Any]:
    return {group: {key: summarise(subset) for key, subset in parts.items()} for group, parts in slices(pairs).items()}


def _results(set_path: Path, where: str, embedder: str, items: Sequence[Item], runs: Sequence[Run],
             runtime_s: float) -> dict[str, Any]:
    answerers = {}
    for run in runs:
        answerers[run.name] = {
            "description": DESCRIPTIONS[run.name],
            "settings": run.settings,
            "metrics": _metrics(run.pairs),
            "items": [_item_record(item, g, p) for item, (g, p) in zip(items, run.pairs)],
        }
    comparison = {}
    if "konkyo" in answerers:
        ours = answerers["konkyo"]["metrics"]["overall"]["all"]
        for name, data in answerers.items():
            if name != "konkyo":
                theirs = data["metrics"]["overall"]["all"]
                comparison[name] = {key: better(key, ours[key], theirs[key]) for key in HEADLINE}
    labels = [item.label for item in items]
    return {
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "set": str(set_path),
        "n_items": len(items),
        "store": where,
        "embedder": embedder,
        "runtime_s": round(runtime_s, 1),
        "headline": list(HEADLINE),
        "always_refuse_truthfulness": round(sum(lab in ("speculative", "unanswerable") for lab in labels) / len(labels), 3),
        "answerers": answerers,
        "konkyo_beats": comparison,
    }


def run_eval(set_path: str | Path | None = None, out_dir: str | Path = "eval-report", store: str | None = None,
             answerer: str = "all", show_progress: bool = False) -> tuple[dict[str, Any], list[Path]]:
    """Evaluate and write report.md, report.html and results.json into ``out_dir``."""
    from eval.report import write_reports

    chosen = ANSWERERS if answerer == "all" else (answerer,)
    results = evaluate(set_path, store, chosen, show_progress)
    return results, write_reports(results, Path(out_dir))
