"""eval.metrics on hand-computed cases, refusals included."""

from __future__ import annotations

import pytest

from eval.metrics import (
    Cited, Gold, Predicted, better, cites_gold, citation_precision, citation_recall, faithful_counts, faithfulness,
    gold_rank, invention_rate, mrr, overlaps, percentile, recall_at_k, refusal_prf, score, slices,
    speculation_assertion_rate, statements, status_accuracy, status_correct, summarise, truthfulness,
)

GOLD_SPAN = ("doc", 100, 150)


def gold(label: str, spans: tuple = (GOLD_SPAN,), lang: str = "en", cross: bool = False, id: str = "q") -> Gold:
    return Gold(id, label, lang, cross, () if label == "unanswerable" else spans)


def cite(start: int, end: int, doc: str = "doc", n: int = 1, text: str = "x") -> Cited:
    return Cited(n, doc, start, end, text)


RIGHT = cite(120, 130)  # inside the gold span
WRONG = cite(300, 340)
ANSWER_RIGHT = Predicted("answered", citations=(RIGHT,))
ANSWER_WRONG = Predicted("answered", citations=(WRONG,))
REFUSED_SPEC = Predicted("refused", "speculative")
REFUSED_NF = Predicted("refused", "not_found")
CONFLICT_RIGHT = Predicted("conflicting", citations=(RIGHT, cite(0, 10, "other", 2)))
CONFLICT_WRONG = Predicted("conflicting", citations=(WRONG,))


def test_overlap_needs_the_same_document_and_shared_characters() -> None:
    assert overlaps(("a", 0, 10), ("a", 9, 20))
    assert overlaps(("a", 5, 6), ("a", 0, 10))  # contained
    assert not overlaps(("a", 0, 10), ("a", 10, 20))  # touching ends share no character
    assert not overlaps(("a", 0, 10), ("b", 0, 10))


@pytest.mark.parametrize(
    ("label", "pred", "expected"),
    [
        ("answerable", ANSWER_RIGHT, 1), ("answerable", ANSWER_WRONG, -1), ("answerable", REFUSED_NF, 0),
        ("answerable", REFUSED_SPEC, 0), ("answerable", CONFLICT_RIGHT, -1),
        ("false_premise", ANSWER_RIGHT, 1), ("false_premise", ANSWER_WRONG, -1), ("false_premise", REFUSED_NF, 0),
        ("conflicting", CONFLICT_RIGHT, 1), ("conflicting", CONFLICT_WRONG, -1), ("conflicting", ANSWER_RIGHT, -1),
        ("conflicting", REFUSED_NF, 0),
        ("speculative", REFUSED_SPEC, 1), ("speculative", REFUSED_NF, 1), ("speculative", ANSWER_RIGHT, -1),
        ("speculative", CONFLICT_RIGHT, -1),
        ("unanswerable", REFUSED_NF, 1), ("unanswerable", REFUSED_SPEC, 1), ("unanswerable", ANSWER_WRONG, -1),
    ],
)
def test_truthfulness_score_of_one_item(label: str, pred: Predicted, expected: int) -> None:
    assert score(gold(label), pred) == expected


def test_status_accuracy_counts_the_refusal_reason() -> None:
    assert status_correct(gold("speculative"), REFUSED_SPEC)
    assert not status_correct(gold("speculative"), REFUSED_NF)
    assert status_correct(gold("unanswerable"), REFUSED_NF)
    assert status_correct(gold("answerable"), ANSWER_WRONG)  # the status is right even if the citation is not
    assert not status_correct(gold("conflicting"), ANSWER_RIGHT)
    pairs = [(gold("speculative"), REFUSED_SPEC), (gold("speculative"), REFUSED_NF), (gold("answerable"), REFUSED_NF),
             (gold("conflicting"), CONFLICT_WRONG)]
    assert status_accuracy(pairs) == pytest.approx(2 / 4)


def test_truthfulness_is_the_mean_score() -> None:
    pairs = [(gold("answerable"), ANSWER_RIGHT), (gold("answerable"), REFUSED_NF), (gold("unanswerable"), ANSWER_WRONG),
             (gold("speculative"), REFUSED_SPEC)]
    assert truthfulness(pairs) == pytest.approx((1 + 0 - 1 + 1) / 4)
    assert truthfulness([]) is None


def test_refusal_precision_recall_f1() -> None:
    pairs = [
        (gold("speculative"), REFUSED_SPEC),  # TP
        (gold("unanswerable"), REFUSED_NF),  # TP
        (gold("unanswerable"), ANSWER_WRONG),  # FN
        (gold("answerable"), REFUSED_NF),  # FP
        (gold("answerable"), ANSWER_RIGHT),  # TN
    ]
    got = refusal_prf(pairs)
    assert got["precision"] == pytest.approx(2 / 3)
    assert got["recall"] == pytest.approx(2 / 3)
    assert got["f1"] == pytest.approx(2 / 3)
    never = refusal_prf([(gold("speculative"), ANSWER_RIGHT)])
    assert never == {"precision": None, "recall": 0.0, "f1": None}
    wrong_only = refusal_prf([(gold("answerable"), REFUSED_NF), (gold("speculative"), ANSWER_RIGHT)])
    assert wrong_only == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_speculation_assertion_and_invention_rates() -> None:
    pairs = [
        (gold("speculative"), ANSWER_RIGHT), (gold("speculative"), CONFLICT_RIGHT), (gold("speculative"), REFUSED_NF),
        (gold("speculative"), REFUSED_SPEC), (gold("unanswerable"), ANSWER_WRONG), (gold("unanswerable"), REFUSED_NF),
        (gold("answerable"), ANSWER_WRONG),
    ]
    assert speculation_assertion_rate(pairs) == pytest.approx(2 / 4)
    assert invention_rate(pairs) == pytest.approx(1 / 2)
    assert invention_rate([(gold("answerable"), ANSWER_WRONG)]) is None  # no unanswerable item: undefined


def test_citation_precision_counts_every_citation_shown() -> None:
    pairs = [
        (gold("answerable"), Predicted("answered", citations=(RIGHT, WRONG))),  # 1 of 2
        (gold("speculative"), Predicted("refused", "speculative", citations=(cite(140, 160),))),  # 1 of 1
        (gold("unanswerable"), Predicted("answered", citations=(cite(120, 130),))),  # nothing to overlap: 0 of 1
        (gold("answerable"), REFUSED_NF),  # no citation, no effect
    ]
    assert citation_precision(pairs) == pytest.approx(2 / 4)
    assert citation_precision([(gold("answerable"), REFUSED_NF)]) is None


def test_citation_recall_is_over_answerable_items() -> None:
    pairs = [
        (gold("answerable"), ANSWER_RIGHT), (gold("answerable"), ANSWER_WRONG), (gold("answerable"), REFUSED_NF),
        (gold("answerable"), Predicted("answered", citations=(WRONG, cite(149, 155, n=2)))),
        (gold("false_premise"), ANSWER_WRONG),  # not answerable: ignored
    ]
    assert citation_recall(pairs) == pytest.approx(2 / 4)
    assert cites_gold(gold("answerable"), pairs[3][1])


def test_gold_may_have_several_spans_in_several_documents() -> None:
    g = Gold("q", "conflicting", "en", False, (("a", 0, 10), ("b", 50, 60)))
    assert cites_gold(g, Predicted("conflicting", citations=(cite(55, 58, doc="b"),)))
    assert not cites_gold(g, Predicted("conflicting", citations=(cite(55, 58, doc="a"),)))


# -- faithfulness --------------------------------------------------------------------------------

SENTENCE = "Prafulla Dhariwal led the Omni team."
OTHER = "GPT-4o is multimodal."


def test_statements_split_at_markers_and_drop_framing_and_quotes() -> None:
    text = f"According to the articles: “{SENTENCE}” [1] “{OTHER}” [2]"
    assert [(s.claim, s.markers) for s in statements(text)] == [(SENTENCE, (1,)), (OTHER, (2,))]
    ja = "記事の記述が食い違っています: 出典1: 「一週間後に復帰した。」 [1] 出典2: 「五日後に復帰した。」 [2]"
    assert [s.claim for s in statements(ja)] == ["一週間後に復帰した。", "五日後に復帰した。"]
    footnoted = "記事によると: 「シンガーなどの支持を得ている。[1]」 [1] 「GPT-4oは「omni」の意。[2]」 [2]"
    assert [(s.claim, s.markers) for s in statements(footnoted)] == [
        ("シンガーなどの支持を得ている。[1]", (1,)), ("GPT-4oは「omni」の意。[2]", (2,))]
    llm = f"{SENTENCE} [1][2] It was a big launch."
    assert [(s.claim, s.markers) for s in statements(llm)] == [(SENTENCE, (1, 2)), ("It was a big launch.", ())]


def test_faithful_when_each_quoted_sentence_is_the_cited_stored_text() -> None:
    pred = Predicted("answered", text=f"According to the articles: “{SENTENCE}” [1] “{OTHER}” [2]",
                     citations=(cite(0, 36, text=SENTENCE, n=1), cite(40, 61, text="  GPT-4o   is\nmultimodal. ", n=2)))
    assert faithful_counts(pred) == (2, 2)  # whitespace differences do not matter


def test_unfaithful_when_the_span_does_not_hold_the_quoted_text() -> None:
    # The answer quotes one sentence but its citation's span holds another (answer and spans disagree).
    pred = Predicted("answered", text=f"According to the articles: “{SENTENCE}” [1] “{OTHER}” [2]",
                     citations=(cite(0, 36, text=OTHER, n=1), cite(40, 61, text=OTHER, n=2)))
    assert faithful_counts(pred) == (1, 2)


def test_unfaithful_statements_uncited_or_citing_a_missing_number() -> None:
    pred = Predicted("answered", text=f"{SENTENCE} [3] Also, it was great.", citations=(cite(0, 36, text=SENTENCE),))
    assert faithful_counts(pred) == (0, 2)
    assert faithful_counts(Predicted("answered", text="", citations=())) == (0, 1)


def test_faithfulness_checks_only_answers_and_pools_statements() -> None:
    good = Predicted("answered", text=f"“{SENTENCE}” [1]", citations=(cite(0, 36, text=SENTENCE),))
    half = Predicted("conflicting", text=f"Source 1 says: “{SENTENCE}” [1] Source 2 says: “{OTHER}” [2]",
                     citations=(cite(0, 36, text=SENTENCE), cite(0, 5, text="nope", n=2)))
    refusal = Predicted("refused", "speculative", text="“made up” [1]", citations=(cite(0, 5, text="other"),))
    assert faithful_counts(refusal) == (0, 0)
    pairs = [(gold("answerable"), good), (gold("conflicting"), half), (gold("speculative"), refusal)]
    assert faithfulness(pairs) == pytest.approx(2 / 3)
    assert faithfulness([(gold("speculative"), refusal)]) is None


# -- retrieval and latency -----------------------------------------------------------------------


def test_recall_at_k_and_mrr_over_items_with_evidence() -> None:
    miss = ("doc", 0, 10)
    hit = ("doc", 140, 200)
    pairs = [
        (gold("answerable"), Predicted("answered", retrieved=(hit, miss))),  # rank 1
        (gold("answerable"), Predicted("answered", retrieved=(miss, miss, hit))),  # rank 3
        (gold("speculative"), Predicted("refused", retrieved=(miss,) * 5 + (hit,))),  # rank 6
        (gold("false_premise"), Predicted("answered", retrieved=(miss,))),  # not found
        (gold("unanswerable"), Predicted("refused", retrieved=(hit,))),  # no evidence: not counted
    ]
    assert gold_rank(*pairs[1]) == 3
    assert gold_rank(*pairs[3]) is None
    assert recall_at_k(pairs, k=5) == pytest.approx(2 / 4)
    assert recall_at_k(pairs, k=1) == pytest.approx(1 / 4)
    assert mrr(pairs) == pytest.approx((1 + 1 / 3 + 1 / 6 + 0) / 4)
    assert mrr([(gold("unanswerable"), Predicted("refused"))]) is None


def test_percentile_interpolates_like_numpy() -> None:
    assert percentile([10, 20, 30, 40], 50) == pytest.approx(25)
    assert percentile([10, 20, 30, 40], 95) == pytest.approx(38.5)
    assert percentile([7], 95) == 7
    assert percentile([], 50) is None


def test_summary_and_slices() -> None:
    pairs = [
        (gold("answerable", lang="en", cross=True, id="a"), Predicted("answered", citations=(RIGHT,), latency_ms=10)),
        (gold("unanswerable", lang="ja", id="b"), Predicted("answered", citations=(WRONG,), latency_ms=30)),
    ]
    summary = summarise(pairs)
    assert summary["n"] == 2
    assert summary["truthfulness"] == pytest.approx(0.0)
    assert summary["invention"] == pytest.approx(1.0)
    assert summary["speculation_assertion"] is None
    assert summary["latency_p50_ms"] == pytest.approx(20)
    parts = slices(pairs)
    assert set(parts["by_label"]) == {"answerable", "unanswerable"}
    assert [g.id for g, _ in parts["by_lang"]["ja"]] == ["b"]
    assert [g.id for g, _ in parts["cross_lingual"]["cross_lingual"]] == ["a"]
    assert summarise([])["truthfulness"] is None


def test_better_knows_which_way_each_metric_goes() -> None:
    assert better("truthfulness", 0.5, 0.4) is True
    assert better("truthfulness", 0.4, 0.4) is False  # a tie does not beat
    assert better("invention", 0.0, 0.1) is True
    assert better("latency_p50_ms", 30.0, 10.0) is False
    assert better("citation_precision", 0.5, None) is None
