"""Checks on the bundled evaluation set eval/questions.jsonl (see eval/QUESTIONS.md).

The set was written before the answering system; these tests only check that it is well formed and
that every cited quote really is in the stored text of the bundled corpus.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

from ingest.loaders import bundled_corpus_dir, find_inputs, load_document
from ingest.types import LoadedDocument

QUESTIONS = Path(__file__).resolve().parent.parent / "eval" / "questions.jsonl"

LABELS = {"answerable", "speculative", "unanswerable", "false_premise", "conflicting"}
LANGS = {"en", "ja"}
REQUIRED = {"id", "question", "lang", "label", "gold_answer", "evidence", "cross_lingual"}
OPTIONAL = {"notes"}
MINIMUM_PER_LABEL = {"answerable": 30, "speculative": 20, "unanswerable": 15, "false_premise": 5, "conflicting": 3}
MINIMUM_ITEMS = 80
MINIMUM_CROSS_LINGUAL = 20
# Hedges the Japanese note uses when it speculates; a speculative item must point at one of them.
HEDGES = ("可能性", "とされて", "示唆", "思われ", "推論", "という情報があります", "考えられ", "と考えています",
          "様です", "わかりません", "見方があります", "おそらく", "のではないか")
SENTENCE_END = tuple("。.!?！？」")


@lru_cache(maxsize=1)
def corpus() -> dict[str, LoadedDocument]:
    files, _ = find_inputs([bundled_corpus_dir()])
    docs = [load_document(path) for path in files]
    return {doc.doc_id: doc for doc in docs}


@lru_cache(maxsize=1)
def raw_lines() -> tuple[str, ...]:
    return tuple(line for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip())


@lru_cache(maxsize=1)
def items() -> tuple[dict, ...]:
    """The lines that parse as JSON objects (test_every_line_is_a_json_object reports the others)."""
    parsed = []
    for line in raw_lines():
        try:
            value = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(value, dict):
            parsed.append(value)
    return tuple(parsed)


def _ids(item: dict) -> str:
    return str(item.get("id"))


def test_file_exists_and_has_no_blank_lines() -> None:
    text = QUESTIONS.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines, "eval/questions.jsonl is empty"
    assert all(line.strip() for line in lines), "blank line in eval/questions.jsonl"


@pytest.mark.parametrize("number", range(len(raw_lines())))
def test_every_line_is_a_json_object(number: int) -> None:
    try:
        value = json.loads(raw_lines()[number])
    except json.JSONDecodeError as err:
        pytest.fail(f"line {number + 1} is not valid JSON: {err}")
    assert isinstance(value, dict), f"line {number + 1} is not a JSON object"


@pytest.mark.parametrize("item", items(), ids=_ids)
def test_schema(item: dict) -> None:
    keys = set(item)
    assert REQUIRED <= keys, f"missing fields {REQUIRED - keys}"
    assert keys <= REQUIRED | OPTIONAL, f"unexpected fields {keys - REQUIRED - OPTIONAL}"
    assert isinstance(item["id"], str) and item["id"].strip()
    assert isinstance(item["question"], str) and item["question"].strip()
    assert isinstance(item["gold_answer"], str) and item["gold_answer"].strip()
    assert item["lang"] in LANGS
    assert item["label"] in LABELS
    assert isinstance(item["cross_lingual"], bool)
    assert isinstance(item["evidence"], list)
    for evidence in item["evidence"]:
        assert isinstance(evidence, dict) and set(evidence) == {"doc_id", "quote"}, evidence
        assert isinstance(evidence["doc_id"], str) and isinstance(evidence["quote"], str)
        assert evidence["quote"].strip(), "empty quote"
    if "notes" in item:
        assert isinstance(item["notes"], str)


def test_ids_are_unique() -> None:
    counts = Counter(item["id"] for item in items())
    assert not [i for i, n in counts.items() if n > 1], "duplicate ids"


def test_questions_are_unique() -> None:
    counts = Counter(" ".join(item["question"].split()) for item in items())
    assert not [q for q, n in counts.items() if n > 1], "duplicate questions"


def test_question_language_matches_lang_field() -> None:
    def has_kana_or_kanji(text: str) -> bool:
        return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)

    wrong = [item["id"] for item in items() if has_kana_or_kanji(item["question"]) != (item["lang"] == "ja")]
    assert not wrong, f"lang field does not match the question's script: {wrong}"


@pytest.mark.parametrize("item", items(), ids=_ids)
def test_quotes_are_exact_substrings_of_the_stored_text(item: dict) -> None:
    docs = corpus()
    for evidence in item["evidence"]:
        assert evidence["doc_id"] in docs, f"unknown doc_id {evidence['doc_id']!r}"
        assert evidence["quote"] in docs[evidence["doc_id"]].text, f"not in {evidence['doc_id']}: {evidence['quote']!r}"


@pytest.mark.parametrize("item", items(), ids=_ids)
def test_quotes_are_whole_sentences_or_lines(item: dict) -> None:
    docs = corpus()
    for evidence in item["evidence"]:
        text = docs[evidence["doc_id"]].text
        quote = evidence["quote"]
        start = text.find(quote)
        assert start >= 0
        end = start + len(quote)
        before = text[:start].rstrip(" ")
        assert not before or before[-1] in "\n「:：" or before.endswith(SENTENCE_END), f"starts mid-sentence: {quote!r}"
        assert quote.endswith(SENTENCE_END) or end == len(text) or text[end] == "\n", f"ends mid-sentence: {quote!r}"


@pytest.mark.parametrize("item", items(), ids=_ids)
def test_evidence_presence_matches_label(item: dict) -> None:
    if item["label"] == "unanswerable":
        assert item["evidence"] == [], "unanswerable items cite nothing"
    else:
        assert item["evidence"], f"{item['label']} items need evidence"


@pytest.mark.parametrize("item", [i for i in items() if i["label"] == "conflicting"], ids=_ids)
def test_conflicting_items_cite_at_least_two_documents(item: dict) -> None:
    assert len({e["doc_id"] for e in item["evidence"]}) >= 2


@pytest.mark.parametrize("item", [i for i in items() if i["label"] == "speculative"], ids=_ids)
def test_speculative_items_point_at_a_hedge(item: dict) -> None:
    assert any(h in e["quote"] for e in item["evidence"] for h in HEDGES), "no hedged sentence cited"


@pytest.mark.parametrize("item", items(), ids=_ids)
def test_cross_lingual_flag_matches_evidence_languages(item: dict) -> None:
    docs = corpus()
    langs = {docs[e["doc_id"]].lang for e in item["evidence"] if e["doc_id"] in docs}
    expected = bool(item["evidence"]) and item["lang"] not in langs
    assert item["cross_lingual"] is expected, f"cross_lingual should be {expected} (evidence languages {langs})"


def test_label_quotas() -> None:
    counts = Counter(item["label"] for item in items())
    short = {label: (counts[label], need) for label, need in MINIMUM_PER_LABEL.items() if counts[label] < need}
    assert not short, f"below quota (have, need): {short}"


def test_size_and_language_balance() -> None:
    total = len(items())
    assert total >= MINIMUM_ITEMS
    counts = Counter(item["lang"] for item in items())
    for lang in LANGS:
        assert 0.4 <= counts[lang] / total <= 0.6, f"{lang}: {counts[lang]} of {total}"


def test_each_label_is_asked_in_both_languages() -> None:
    pairs = Counter((item["label"], item["lang"]) for item in items())
    missing = [(label, lang) for label in LABELS for lang in LANGS if pairs[(label, lang)] == 0]
    assert not missing


def test_cross_lingual_quota() -> None:
    crossing = [item for item in items() if item["cross_lingual"]]
    assert len(crossing) >= MINIMUM_CROSS_LINGUAL
    assert {item["lang"] for item in crossing} == LANGS, "cross-lingual questions in both directions"


def test_every_document_is_used() -> None:
    cited = {e["doc_id"] for item in items() for e in item["evidence"]}
    assert set(corpus()) <= cited, f"never cited: {set(corpus()) - cited}"


@pytest.mark.parametrize(
    ("question", "label", "answer_word", "doc_id"),
    [
        ("Who led the Omni team?", "answerable", "Dhariwal", "ja_note_gpt4o_omni_team"),
        ("オムニチームを率いたのは誰?", "answerable", "ダリワル", "ja_note_gpt4o_omni_team"),
        ("Is the 'google bard' account Prafulla Dhariwal's alt account?", "speculative", "", "ja_note_gpt4o_omni_team"),
    ],
)
def test_product_spec_examples(question: str, label: str, answer_word: str, doc_id: str) -> None:
    found = [item for item in items() if item["question"] == question]
    assert len(found) == 1, f"missing: {question}"
    item = found[0]
    assert item["label"] == label
    assert answer_word in item["gold_answer"]
    assert {e["doc_id"] for e in item["evidence"]} == {doc_id}
    if label == "speculative":
        quotes = " ".join(e["quote"] for e in item["evidence"])
        assert "とされています" in quotes and "可能性が高い" in quotes


def test_reinstatement_conflict_is_present() -> None:
    wanted = {"en_wikipedia_ilya_sutskever": "a week later", "en_wikipedia_sam_altman": "five days later"}
    conflicting = [item for item in items() if item["label"] == "conflicting"]
    assert any(
        all(any(e["doc_id"] == doc and phrase in e["quote"] for e in item["evidence"]) for doc, phrase in wanted.items())
        for item in conflicting
    )
