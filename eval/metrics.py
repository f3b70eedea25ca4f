"""Evaluation metrics: plain functions over (gold, predicted) pairs, refusals included.

Every answerer (konkyo, the baselines, a later LLM answerer) is reduced to a ``Predicted``: a status,
a refusal reason, the answer text with ``[n]`` markers, the cited spans (read back from the stored
document text) and the spans it retrieved, best first. Every question is reduced to a ``Gold``: its
label and the character spans of its evidence quotes in the stored text.

A citation (or a retrieved passage) *hits gold* when it is in the same document as a gold quote and
their character spans overlap. A metric whose denominator is empty (e.g. the invention rate of a slice
with no unanswerable question) is ``None``, shown as "–".

How each label is scored (``score``, the CRAG-style truthfulness of one item):

| label | +1 | 0 | -1 |
|---|---|---|---|
| answerable | answered, citing gold | refused | answered citing no gold; conflicting |
| false_premise | answered (the correction), citing gold | refused | answered citing no gold; conflicting |
| conflicting | conflicting, citing gold | refused | answered; conflicting citing no gold |
| speculative | refused (either reason) | | answered or conflicting (asserted as fact) |
| unanswerable | refused (either reason) | | answered or conflicting (invented) |
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from rag.wording import WORDING

LABELS = ("answerable", "speculative", "unanswerable", "false_premise", "conflicting")
SHOULD_REFUSE = frozenset({"speculative", "unanswerable"})
EXPECTED_OUTCOME = {
    "answerable": "answered",
    "speculative": "refused:speculative",
    "unanswerable": "refused:not_found",
    "false_premise": "answered",
    "conflicting": "conflicting",
}

Span = tuple[str, int, int]  # (doc_id, char_start, char_end) in the stored document text


@dataclass(frozen=True)
class Gold:
    """One question of the set, as the metrics need it."""

    id: str
    label: str
    lang: str
    cross_lingual: bool
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Cited:
    """One citation: its ``[n]`` number, its span, and the stored text at that span."""

    n: int
    doc_id: str
    start: int
    end: int
    text: str

    @property
    def span(self) -> Span:
        return (self.doc_id, self.start, self.end)


@dataclass(frozen=True)
class Predicted:
    """What an answerer did with one question."""

    status: str  # answered | refused | conflicting
    reason: str | None = None  # speculative | not_found when refused
    text: str = ""
    citations: tuple[Cited, ...] = ()
    retrieved: tuple[Span, ...] = ()  # best first
    latency_ms: float = 0.0
    phases_ms: dict[str, float] = field(default_factory=dict)  # the answerer's own breakdown, if it gives one

    @property
    def outcome(self) -> str:
        return self.status + (f":{self.reason}" if self.status == "refused" and self.reason else "")


Pair = tuple[Gold, Predicted]


# -- one item ------------------------------------------------------------------------------------


def overlaps(a: Span, b: Span) -> bool:
    """Same document and overlapping character spans (touching ends do not overlap)."""
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def hits_gold(span: Span, gold: Gold) -> bool:
    return any(overlaps(span, g) for g in gold.spans)


def cites_gold(gold: Gold, pred: Predicted) -> bool:
    """At least one citation overlaps a gold evidence span."""
    return any(hits_gold(c.span, gold) for c in pred.citations)


def status_correct(gold: Gold, pred: Predicted) -> bool:
    """The expected outcome, refusal reason included (a speculative item refused as "not found" is wrong)."""
    return pred.outcome == EXPECTED_OUTCOME[gold.label]


def asserts(pred: Predicted) -> bool:
    """Answered or laid out as a conflict: either way the sources are presented as stating it."""
    return pred.status in ("answered", "conflicting")


def score(gold: Gold, pred: Predicted) -> int:
    """CRAG-style truthfulness of one item: +1 right, 0 refused when it should answer, -1 wrong (module table)."""
    if pred.status == "refused":
        return 1 if gold.label in SHOULD_REFUSE else 0
    if gold.label in SHOULD_REFUSE:
        return -1
    wanted = "conflicting" if gold.label == "conflicting" else "answered"
    return 1 if pred.status == wanted and cites_gold(gold, pred) else -1


def gold_rank(gold: Gold, pred: Predicted) -> int | None:
    """1-based rank of the first retrieved span that overlaps gold evidence; None if none does."""
    for rank, span in enumerate(pred.retrieved, start=1):
        if hits_gold(span, gold):
            return rank
    return None


# -- faithfulness --------------------------------------------------------------------------------

# A quotation is matched whole, so that a "[1]" inside a quoted sentence (Wikipedia's footnote marks) is not
# taken for a citation marker; 「…」 may nest one level (「…「name」…」).
_QUOTED_OR_MARKERS = re.compile(r"“[^”]*”|「(?:[^「」]|「[^「」]*」)*」|『[^』]*』|(?P<markers>(?:\s*\[\d+\])+)")
_NUMBER = re.compile(r"\[(\d+)\]")
_QUOTE_PAIRS = {"“": "”", "「": "」", '"': '"', "『": "』"}


def _framing() -> re.Pattern[str]:
    """konkyo's own voice (rag.wording): lead-ins that carry no claim, e.g. "According to the articles:"."""
    phrases = []
    for lang in WORDING.values():
        for key in ("answered", "conflicting", "speculative", "not_found", "side"):
            phrases.append(re.escape(lang[key]).replace(r"\{n\}", r"\d+"))
    return re.compile("|".join(sorted(phrases, key=len, reverse=True)))


_FRAMING = _framing()


@dataclass(frozen=True)
class Statement:
    """One answer sentence: its claim (framing and enclosing quote marks removed) and its ``[n]`` markers."""

    claim: str
    markers: tuple[int, ...]


def normalise(text: str) -> str:
    return " ".join(text.split())


def _claim(segment: str) -> str:
    claim = normalise(_FRAMING.sub(" ", segment))
    if len(claim) >= 2 and _QUOTE_PAIRS.get(claim[0]) == claim[-1]:
        claim = claim[1:-1].strip()
    return claim


def statements(text: str) -> list[Statement]:
    """Split an answer into statements, each ending at its run of ``[n]`` markers (outside quotation marks).

    Text after the last marker (or an answer without markers) is a statement with no markers, unless
    it is only framing or punctuation.
    """
    found: list[Statement] = []
    position = 0
    for match in _QUOTED_OR_MARKERS.finditer(text):
        if match.group("markers") is None:
            continue
        claim = _claim(text[position : match.start()])
        markers = tuple(int(n) for n in _NUMBER.findall(match.group(0)))
        if claim:
            found.append(Statement(claim, markers))
        position = match.end()
    rest = _claim(text[position:])
    if re.search(r"\w", rest):
        found.append(Statement(rest, ()))
    return found


def supported(statement: Statement, citations: Sequence[Cited]) -> bool:
    """The claim is contained, after whitespace normalisation, in the stored text of a span it cites.

    Exact containment: right for extractive answerers (the claim is a quote), and strict for a
    generative one, whose paraphrases would need an entailment model (none ships as a package here).
    """
    by_number = {c.n: c for c in citations}
    claim = normalise(statement.claim)
    return any(n in by_number and claim in normalise(by_number[n].text) for n in statement.markers)


def faithful_counts(pred: Predicted) -> tuple[int, int]:
    """(supported, total) answer statements; only answers (answered, conflicting) are checked."""
    if not asserts(pred):
        return (0, 0)
    found = statements(pred.text)
    if not found:  # an answer with no statement at all supports nothing
        return (0, 1)
    return (sum(supported(s, pred.citations) for s in found), len(found))


# -- over a set ----------------------------------------------------------------------------------


def _ratio(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


def _share(pairs: Iterable[Pair], keep: Callable[[Gold, Predicted], bool], hit: Callable[[Gold, Predicted], bool]) -> float | None:
    kept = [(g, p) for g, p in pairs if keep(g, p)]
    return _ratio(sum(hit(g, p) for g, p in kept), len(kept))


def status_accuracy(pairs: Sequence[Pair]) -> float | None:
    return _share(pairs, lambda g, p: True, status_correct)


def truthfulness(pairs: Sequence[Pair]) -> float | None:
    """Mean item score in [-1, 1]."""
    return _ratio(sum(score(g, p) for g, p in pairs), len(pairs))


def refusal_prf(pairs: Sequence[Pair]) -> dict[str, float | None]:
    """Refusal (either reason) as a detector of the items that should be refused (speculative, unanswerable)."""
    refused = [(g, p) for g, p in pairs if p.status == "refused"]
    should = [(g, p) for g, p in pairs if g.label in SHOULD_REFUSE]
    right = sum(g.label in SHOULD_REFUSE for g, _ in refused)
    precision, recall = _ratio(right, len(refused)), _ratio(right, len(should))
    f1 = None
    if precision is not None and recall is not None:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def speculation_assertion_rate(pairs: Sequence[Pair]) -> float | None:
    """Share of speculative items answered as fact (answered or laid out as a conflict). Target 0."""
    return _share(pairs, lambda g, p: g.label == "speculative", lambda g, p: asserts(p))


def invention_rate(pairs: Sequence[Pair]) -> float | None:
    """Share of unanswerable items that were answered (or laid out as a conflict)."""
    return _share(pairs, lambda g, p: g.label == "unanswerable", lambda g, p: asserts(p))


def citation_precision(pairs: Sequence[Pair]) -> float | None:
    """Share of all citations shown (any status, any label) that overlap gold evidence.

    A citation on an unanswerable item can overlap nothing, so it counts against precision.
    """
    hits = total = 0
    for gold, pred in pairs:
        total += len(pred.citations)
        hits += sum(hits_gold(c.span, gold) for c in pred.citations)
    return _ratio(hits, total)


def citation_recall(pairs: Sequence[Pair]) -> float | None:
    """Share of answerable items with at least one citation overlapping gold evidence."""
    return _share(pairs, lambda g, p: g.label == "answerable", cites_gold)


def faithfulness(pairs: Sequence[Pair]) -> float | None:
    """Share of answer statements (of answered/conflicting items) supported by the span they cite."""
    counts = [faithful_counts(p) for _, p in pairs]
    return _ratio(sum(c[0] for c in counts), sum(c[1] for c in counts))


def recall_at_k(pairs: Sequence[Pair], k: int = 5) -> float | None:
    """Share of items with evidence whose top-k retrieved spans include one overlapping gold."""
    def hit(g: Gold, p: Predicted) -> bool:
        rank = gold_rank(g, p)
        return rank is not None and rank <= k

    return _share(pairs, lambda g, p: bool(g.spans), hit)


def mrr(pairs: Sequence[Pair]) -> float | None:
    """Mean reciprocal rank of the first gold-overlapping retrieved span, over items with evidence (0 if none)."""
    ranks = [gold_rank(g, p) for g, p in pairs if g.spans]
    return _ratio(sum(1 / r for r in ranks if r), len(ranks))


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear-interpolated percentile (as numpy's default), ``q`` in [0, 100]."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True)
class Metric:
    key: str
    name: str
    better: str  # "higher" | "lower"
    compute: Callable[[Sequence[Pair]], float | None] = field(repr=False)


METRICS: tuple[Metric, ...] = (
    Metric("truthfulness", "truthfulness", "higher", truthfulness),
    Metric("status_accuracy", "status accuracy", "higher", status_accuracy),
    Metric("speculation_assertion", "speculation-assertion rate", "lower", speculation_assertion_rate),
    Metric("invention", "invention rate", "lower", invention_rate),
    Metric("refusal_precision", "refusal precision", "higher", lambda p: refusal_prf(p)["precision"]),
    Metric("refusal_recall", "refusal recall", "higher", lambda p: refusal_prf(p)["recall"]),
    Metric("refusal_f1", "refusal F1", "higher", lambda p: refusal_prf(p)["f1"]),
    Metric("citation_precision", "citation precision", "higher", citation_precision),
    Metric("citation_recall", "citation recall", "higher", citation_recall),
    Metric("faithfulness", "faithfulness", "higher", faithfulness),
    Metric("recall_at_5", "retrieval recall@5", "higher", recall_at_k),
    Metric("mrr", "retrieval MRR", "higher", mrr),
    Metric("latency_p50_ms", "latency p50 (ms)", "lower", lambda p: percentile([x.latency_ms for _, x in p], 50)),
    Metric("latency_p95_ms", "latency p95 (ms)", "lower", lambda p: percentile([x.latency_ms for _, x in p], 95)),
)
HEADLINE = ("truthfulness", "speculation_assertion", "invention", "citation_precision", "citation_recall",
            "recall_at_5", "latency_p50_ms")
BY_KEY = {m.key: m for m in METRICS}


def summarise(pairs: Sequence[Pair]) -> dict[str, float | int | None]:
    """Every metric over these pairs, with the item count ``n``."""
    out: dict[str, float | int | None] = {"n": len(pairs)}
    for metric in METRICS:
        out[metric.key] = metric.compute(pairs) if pairs else None
    return out


def slices(pairs: Sequence[Pair]) -> dict[str, dict[str, list[Pair]]]:
    """The groups the report breaks down by: overall, per label, per language, cross-lingual."""
    by_label = {label: [(g, p) for g, p in pairs if g.label == label] for label in LABELS}
    langs = sorted({g.lang for g, _ in pairs})
    return {
        "overall": {"all": list(pairs)},
        "by_label": {k: v for k, v in by_label.items() if v},
        "by_lang": {lang: [(g, p) for g, p in pairs if g.lang == lang] for lang in langs},
        "cross_lingual": {"cross_lingual": [(g, p) for g, p in pairs if g.cross_lingual]},
    }


def better(key: str, ours: float | None, theirs: float | None) -> bool | None:
    """Is ``ours`` strictly better than ``theirs`` on this metric? None when either is undefined."""
    if ours is None or theirs is None:
        return None
    return ours > theirs if BY_KEY[key].better == "higher" else ours < theirs
