"""A learned second opinion on the reader: how likely is a candidate sentence to state the answer?

The reader (rag.support) decides with thresholds on one sentence at a time: share of the question said,
names, kind of answer, tense. The same evidence, read *against the other candidates* (is this the sentence
that says most of the question? by how much? how far down the retrieval?), separates right sentences from
wrong ones better than any one threshold. A logistic regression over those features, fitted on the outside
question sets (eval/train_evidence_model.py; not the bundled set, which stays out of sample), gives each
asserted candidate a probability of being the gold sentence. The decision (rag.decision) uses it twice:
- an asserted sentence the reader accepts is dropped below KEEP (the reader's wrong answers and invented
  ones are mostly sentences that just clear a threshold while another candidate says as much);
- when the reader accepts none, an asserted sentence at ADD or above is taken as support.
Speculative sentences are not scored: the speculation tags decide about them as before.

The features are the reader's own findings plus the retrieval's rank and score; no similarity decides alone
(the dense score is one feature of twenty-one, and on its own it does not separate answerable questions).
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from ingest.records import StoredDocument
from rag.answer_kind import answer_type_ok, answers_none, typed
from rag.question import Question
from rag.context import lead_sentence
from rag.support import Support
from rag.tense import tense_ok

MODEL_FILE = Path(__file__).resolve().parent / "data" / "evidence_model.json"

FEATURES = (
    "share", "named", "supports", "across", "typed", "yes_no", "lead", "type_ok", "tense_ok", "rank", "score",
    "below_top_score", "attributes", "names", "log_length", "below_best_share", "above_second_share",
    "is_best_share", "named_share", "typed_share", "across_share",
)


def features(question: Question, assessed: Sequence[Support], documents: Mapping[str, StoredDocument],
             attributes: int, names: int) -> np.ndarray:
    """One row per candidate (in retrieval order), FEATURES in order. ``attributes`` and ``names``: how many
    attributes and name groups the reader found in the question."""
    if not assessed:
        return np.zeros((0, len(FEATURES)))
    top = max(s.passage.score for s in assessed)
    best_share = max(s.share for s in assessed)
    asserted_named = sorted((s.share for s in assessed if s.named and not s.passage.speculative), reverse=True)
    second = asserted_named[1] if len(asserted_named) > 1 else 0.0
    is_typed = bool(typed(question))
    rows = []
    for rank, s in enumerate(assessed):
        p = s.passage
        across = p.lang != question.lang
        type_ok = answer_type_ok(question, p.text) or answers_none(question, p.text)  # as the reader has it
        rows.append([
            s.share, float(s.named), float(s.supports), float(across), float(is_typed), float(question.yes_no),
            float(p.sentence == lead_sentence(documents[p.doc_id])), float(type_ok), float(tense_ok(question, p.text)),
            rank, p.score, top - p.score, attributes, names, math.log(max(len(p.text), 1)), best_share - s.share,
            s.share - second, float(s.share >= best_share), s.share * s.named, s.share * type_ok, s.share * across,
        ])
    return np.asarray(rows, dtype=np.float64)


class EvidenceModel:
    """Logistic regression over FEATURES, with the two thresholds the decision uses."""

    def __init__(self, weights: Sequence[float], bias: float, keep: float, add: float) -> None:
        if len(weights) != len(FEATURES):
            raise ValueError(f"the evidence model has {len(weights)} weights for {len(FEATURES)} features: "
                             "rebuild it with `python -m eval.train_evidence_model`")
        self.weights = np.asarray(weights, dtype=np.float64)
        self.bias = float(bias)
        self.keep = keep
        self.add = add

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        if not len(rows):
            return np.zeros(0)
        return 1.0 / (1.0 + np.exp(-(rows @ self.weights + self.bias)))

    def to_json(self, **provenance: object) -> str:
        weights = {name: round(float(w), 6) for name, w in zip(FEATURES, self.weights)}
        return json.dumps({"features": weights, "bias": round(self.bias, 6), "keep": self.keep, "add": self.add,
                           **provenance}, ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str) -> EvidenceModel:
        data = json.loads(text)
        missing = [name for name in FEATURES if name not in data["features"]]
        if missing:
            raise ValueError(f"the evidence model lacks features {missing}: rebuild it with "
                             "`python -m eval.train_evidence_model`")
        return cls([data["features"][name] for name in FEATURES], data["bias"], data["keep"], data["add"])


@functools.cache
def bundled_model() -> EvidenceModel:
    return EvidenceModel.from_json(MODEL_FILE.read_text(encoding="utf-8"))
