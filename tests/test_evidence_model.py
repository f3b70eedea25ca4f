"""The evidence model: its features, its file, and how the decision uses it (a veto on the reader's asserted
answers below KEEP, an asserted sentence taken at ADD when the reader accepts none)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from assistants import assistant_over

import rag.decision
from rag.assistant import Assistant
from rag.evidence_model import FEATURES, MODEL_FILE, EvidenceModel, bundled_model, features
from rag.question import analyse
from rag.support import Reader

ARTICLES = {
    "acme_en.md": """---
title: Acme Robotics profile
lang: en
---
Acme Robotics was founded in 2015 by Jane Doe in Osaka.
Acme Robotics builds warehouse robots for logistics companies.
Acme Robotics may be planning a humanoid robot, according to rumours.
""",
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("evidence_model"), ARTICLES)


def _constant(probability: float, keep: float = 0.4, add: float = 0.6) -> EvidenceModel:
    """A model that gives every candidate ``probability``: all weights zero, the bias its log-odds."""
    return EvidenceModel([0.0] * len(FEATURES), float(np.log(probability / (1 - probability))), keep, add)


def test_the_bundled_model_loads_with_every_feature_and_keep_below_add() -> None:
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert set(data["features"]) == set(FEATURES)
    assert "bundled" not in " ".join(data["trained_on"])  # the bundled question set stays out of sample
    model = bundled_model()
    assert 0 < model.keep < model.add < 1


def test_a_model_file_missing_a_feature_is_refused_with_the_command_to_rebuild_it() -> None:
    data = json.loads(_constant(0.5).to_json())
    del data["features"]["share"]
    with pytest.raises(ValueError, match="train_evidence_model"):
        EvidenceModel.from_json(json.dumps(data))


def test_probabilities_follow_the_weights() -> None:
    weights = [0.0] * len(FEATURES)
    weights[FEATURES.index("share")] = 4.0
    model = EvidenceModel(weights, -2.0, 0.4, 0.6)
    rows = np.zeros((2, len(FEATURES)))
    rows[1, FEATURES.index("share")] = 1.0
    low, high = model.probabilities(rows)
    assert low == pytest.approx(1 / (1 + np.e**2)) and high == pytest.approx(0.5 + 0.5 * np.tanh(1.0))


def test_features_describe_each_candidate_against_the_others(assistant: Assistant) -> None:
    question = analyse("What does Acme Robotics build?")
    index = assistant.retriever.keyword_index
    reader = Reader(question, index.document_frequency, len(index))
    passages = assistant.retrieve(question.text, k=5)
    assessed = [reader.assess(p, assistant.documents[p.doc_id]) for p in passages]
    rows = features(question, assessed, assistant.documents, len(reader.weights), len(reader.name_groups))
    assert rows.shape == (len(passages), len(FEATURES))
    column = {name: rows[:, i] for i, name in enumerate(FEATURES)}
    assert list(column["rank"]) == list(range(len(passages)))
    best = int(np.argmax(column["share"]))
    assert column["is_best_share"][best] == 1.0 and column["below_best_share"][best] == 0.0
    assert column["supports"][best] == 1.0  # the reader accepts the sentence that says what Acme builds
    assert "warehouse robots" in passages[best].text


def test_the_model_vetoes_an_asserted_answer_it_finds_unlikely(assistant: Assistant, monkeypatch: pytest.MonkeyPatch) -> None:
    question = "What does Acme Robotics build?"
    assert assistant.ask(question).status == "answered"
    monkeypatch.setattr(rag.decision, "bundled_model", lambda: _constant(0.1))
    answer = assistant.ask(question)
    assert (answer.status, answer.reason) == ("refused", "not_found")


def test_the_model_answers_from_an_asserted_sentence_the_reader_passed_over(
        assistant: Assistant, monkeypatch: pytest.MonkeyPatch) -> None:
    question = "When did Acme Robotics get going?"  # "get going" is not "founded" to the reader
    monkeypatch.setattr(rag.decision, "bundled_model", lambda: _constant(0.5))
    assert assistant.ask(question).status == "refused"  # 0.5: below ADD, so the reader's refusal stands
    weights = [0.0] * len(FEATURES)
    weights[FEATURES.index("type_ok")] = 10.0  # likely: a sentence holding the kind of answer asked for
    monkeypatch.setattr(rag.decision, "bundled_model", lambda: EvidenceModel(weights, -5.0, 0.4, 0.6))
    answer = assistant.ask(question)
    assert answer.status == "answered"
    assert [(c.quote, c.speculative) for c in answer.citations] == [
        ("Acme Robotics was founded in 2015 by Jane Doe in Osaka.", False)]


def test_the_model_does_not_overrule_a_check_other_than_the_share(
        assistant: Assistant, monkeypatch: pytest.MonkeyPatch) -> None:
    # No sentence holds an amount of money: however likely the model finds a sentence, it is no answer.
    monkeypatch.setattr(rag.decision, "bundled_model", lambda: _constant(0.99))
    answer = assistant.ask("How much revenue did Acme Robotics make last year?")
    assert (answer.status, answer.reason) == ("refused", "not_found")


def test_the_model_never_turns_speculation_into_an_answer(assistant: Assistant, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rag.decision, "bundled_model", lambda: _constant(0.99))
    answer = assistant.ask("Is Acme Robotics planning a humanoid robot?")
    assert (answer.status, answer.reason) == ("refused", "speculative")


def test_the_training_script_reads_labels_fits_and_writes_a_loadable_model(assistant: Assistant) -> None:
    from eval.harness import Item
    from eval.train_evidence_model import fit, read_set, simple_decision

    doc_id = next(iter(assistant.documents))
    founded = "Acme Robotics was founded in 2015 by Jane Doe in Osaka."
    items = [
        Item("a1", "When was Acme Robotics founded?", "en", "answerable", "2015", ((doc_id, founded),), None),
        Item("a2", "What does Acme Robotics build?", "en", "answerable", "robots",
             ((doc_id, "Acme Robotics builds warehouse robots for logistics companies."),), None),
        Item("u1", "How much revenue did Acme Robotics make last year?", "en", "unanswerable", "", (), None),
    ]
    reads = read_set(assistant, "tiny", items)
    assert [sum(r.gold) for r in reads] == [1, 1, 0]  # the gold sentence is found among the candidates
    assert all(len(r.rows) == len(r.gold) == len(r.fits) for r in reads)
    model = EvidenceModel.from_json(fit(reads, keep=0.4, add=0.6).to_json(trained_on=["tiny"]))
    first = reads[0]
    chosen = simple_decision(first, model.probabilities(first.rows), model.keep, model.add)
    assert chosen is not None and first.gold[chosen]
