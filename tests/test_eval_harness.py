"""`konkyo eval` end to end on a small set against a fast (hash-embedder) store, and the baselines' parts."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from eval.baselines import Chunk, DenseChroma, Hits, WhitespaceBM25, best_threshold, split_documents, top_chunk_answer
from eval.harness import ANSWERERS, DEFAULT_SET, golds, load_set
from eval.metrics import HEADLINE, LABELS, Gold, faithful_counts
from ui.cli import main

PER_LABEL = 2  # questions of each label in the small set


@pytest.fixture(autouse=True)
def _hash_embedder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KONKYO_EMBEDDER__BACKEND", "hash")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("eval") / "store"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KONKYO_EMBEDDER__BACKEND", "hash")
        assert main(["ingest", "--store", str(path), "--quiet"]) == 0
    return str(path)


@pytest.fixture(scope="module")
def small_set(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few questions of every label, in both languages, from the bundled set."""
    lines = [line for line in DEFAULT_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    chosen, seen = [], {}
    for line in lines:
        item = json.loads(line)
        if seen.get(item["label"], 0) < PER_LABEL and item["lang"] == ("en", "ja")[seen.get(item["label"], 0) % 2]:
            chosen.append(line)
            seen[item["label"]] = seen.get(item["label"], 0) + 1
    path = tmp_path_factory.mktemp("set") / "small.jsonl"
    path.write_text("\n".join(chosen) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def report(store: str, small_set: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("report")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KONKYO_EMBEDDER__BACKEND", "hash")
        import contextlib
        import io

        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            assert main(["eval", "--set", str(small_set), "--out", str(out), "--store", store]) == 0
    return out, printed.getvalue()


def test_writes_the_three_reports_and_prints_the_headline(report: tuple[Path, str]) -> None:
    out, printed = report
    for name in ("report.md", "report.html", "results.json"):
        assert (out / name).stat().st_size > 0, name
    assert printed.startswith("| metric | konkyo | langchain-dense | bm25-whitespace |")
    assert "truthfulness" in printed and "report.html" in printed


def test_results_json_has_every_metric_and_every_item(report: tuple[Path, str], small_set: Path) -> None:
    results = json.loads((report[0] / "results.json").read_text(encoding="utf-8"))
    n = len(small_set.read_text(encoding="utf-8").splitlines())
    assert results["n_items"] == n == PER_LABEL * len(LABELS)
    assert list(results["answerers"]) == list(ANSWERERS)
    for name, data in results["answerers"].items():
        metrics = data["metrics"]
        assert set(metrics) == {"overall", "by_label", "by_lang", "cross_lingual"}
        assert set(metrics["by_label"]) == set(LABELS)
        assert set(metrics["by_lang"]) == {"en", "ja"}
        overall = metrics["overall"]["all"]
        assert overall["n"] == n
        assert set(HEADLINE) <= set(overall)
        assert -1 <= overall["truthfulness"] <= 1
        assert overall["latency_p50_ms"] <= overall["latency_p95_ms"]
        assert len(data["items"]) == n
        for item in data["items"]:
            assert {"id", "question", "label", "lang", "cross_lingual", "expected", "got", "status_correct", "score",
                    "cites_gold", "gold_rank", "faithful_statements", "latency_ms", "citations"} <= set(item)
            assert item["score"] in (-1, 0, 1)
            if item["label"] == "unanswerable":
                assert item["gold_rank"] is None
    assert set(results["konkyo_beats"]) == {"langchain-dense", "bm25-whitespace"}
    for name in ("langchain-dense", "bm25-whitespace"):
        settings = results["answerers"][name]["settings"]
        assert "threshold" in settings and settings["sweep"][-1]["answered"] == 0  # the sweep ends at always refusing


def test_extractive_answers_are_faithful(report: tuple[Path, str]) -> None:
    results = json.loads((report[0] / "results.json").read_text(encoding="utf-8"))
    for data in results["answerers"].values():
        faithfulness = data["metrics"]["overall"]["all"]["faithfulness"]
        assert faithfulness in (None, 1.0)  # every quoted statement is the stored text of the span it cites


def test_html_is_self_contained_with_the_chart(report: tuple[Path, str]) -> None:
    page = (report[0] / "report.html").read_text(encoding="utf-8")
    assert "<svg" in page and "Status accuracy per label" in page
    assert "<script" not in page and "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    for name in ANSWERERS:
        assert name in page


def test_markdown_has_headline_definitions_and_failures(report: tuple[Path, str]) -> None:
    text = (report[0] / "report.md").read_text(encoding="utf-8")
    for heading in ("## Headline", "## Per label", "## Per language and cross-lingual", "## Definitions", "## Failures"):
        assert heading in text
    assert "false_premise" in text and "laid out as a conflict" in text
    results = json.loads((report[0] / "results.json").read_text(encoding="utf-8"))
    failed = [i for i in results["answerers"]["konkyo"]["items"] if i["score"] < 1 or not i["status_correct"]]
    for item in failed:
        assert f"**{item['id']}**" in text


def test_one_answerer_only(store: str, small_set: Path, tmp_path: Path) -> None:
    assert main(["eval", "--set", str(small_set), "--out", str(tmp_path), "--store", store,
                 "--answerer", "bm25-whitespace"]) == 0
    results = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert list(results["answerers"]) == ["bm25-whitespace"] and results["konkyo_beats"] == {}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read the question set"),
        ("not json\n", "line 1 is not JSON"),
        ('{"id": "x", "question": "Q?", "lang": "en", "evidence": []}\n', "missing label"),
        ('{"id": "x", "question": "Q?", "lang": "en", "label": "maybe", "evidence": []}\n', "unknown label"),
        ('{"id": "x", "question": "Q?", "lang": "en", "label": "answerable", "evidence": [{"doc_id": "nope", '
         '"quote": "q"}]}\n', "konkyo ingest"),
        ('{"id": "x", "question": "Q?", "lang": "en", "label": "answerable", "evidence": [{"doc_id": '
         '"en_wikipedia_sam_altman", "quote": "not in the text at all"}]}\n', "not in the stored text"),
    ],
)
def test_bad_sets_are_one_line_errors(store: str, tmp_path: Path, content: str | None, message: str,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "set.jsonl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["eval", "--set", str(path), "--out", str(tmp_path / "out"), "--store", store]) == 2
    err = capsys.readouterr().err
    assert message in err and err.startswith("konkyo: error:") and err.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_an_empty_store_says_to_ingest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "--store", str(tmp_path / "never"), "--out", str(tmp_path / "out")]) == 2
    assert "konkyo ingest" in capsys.readouterr().err


def test_bundled_set_loads_and_maps_to_stored_spans(store: str) -> None:
    from rag.assistant import Assistant

    assistant = Assistant.open(store)
    items = load_set(DEFAULT_SET)
    gold = golds(items, assistant.documents, store)
    assert len(gold) == len(items) >= 80
    for item, g in zip(items, gold):
        assert g.cross_lingual == json.loads(json.dumps(item.cross_lingual))
        for doc_id, start, end in g.spans:
            assert assistant.document(doc_id).text[start:end] in {q for _, q in item.evidence}


# -- the baselines' parts ------------------------------------------------------------------------


def test_chunks_are_exact_spans_of_the_stored_text(store: str) -> None:
    from rag.assistant import Assistant

    documents = Assistant.open(store).documents
    chunks = split_documents(documents)
    assert {c.doc_id for c in chunks} == set(documents)
    for chunk in chunks:
        assert documents[chunk.doc_id].text[chunk.start : chunk.end] == chunk.text
        assert len(chunk.text) <= 1000


def test_whitespace_bm25_matches_hand_computed_okapi() -> None:
    chunks = [Chunk("d", 0, 1, "a b"), Chunk("d", 1, 2, "b c c"), Chunk("d", 2, 3, "d"), Chunk("d", 3, 4, "e")]
    bm25 = WhitespaceBM25(chunks)
    avg = (2 + 3 + 1 + 1) / 4
    idf_c = math.log(4 - 1 + 0.5) - math.log(1 + 0.5)
    tf, length = 2, 3
    expected = idf_c * tf * 2.5 / (tf + 1.5 * (1 - 0.75 + 0.75 * length / avg))
    scores = bm25.scores("c")
    assert scores[1] == pytest.approx(expected)
    assert scores[0] == scores[2] == scores[3] == 0
    assert bm25.search("c", k=2).chunks[0] is chunks[1]
    assert bm25.scores("オムニチームを率いたのは誰?").sum() == 0  # whitespace tokens: Japanese matches nothing


def test_dense_baseline_searches_chroma_with_the_given_embedder() -> None:
    from ingest.embeddings import HashEmbedder

    chunks = [Chunk("d", 0, 20, "Chatbot Arena launched"), Chunk("d", 20, 40, "effective altruism")]
    index = DenseChroma(chunks, HashEmbedder(64))
    try:
        hits = index.search("When was Chatbot Arena launched?", k=2)
    finally:
        index.close()
    assert hits.chunks[0] is chunks[0]
    assert hits.scores[0] >= hits.scores[1] and -1.0 <= hits.scores[1] <= 1.0


def test_top_chunk_rule_and_best_threshold() -> None:
    right, wrong = Chunk("doc", 0, 10, "right"), Chunk("doc", 50, 60, "wrong")
    gold = [Gold("a", "answerable", "en", False, (("doc", 0, 10),)), Gold("b", "unanswerable", "en", False),
            Gold("c", "answerable", "en", False, (("doc", 0, 10),))]
    hits = [Hits((right,), (0.9,), 1.0), Hits((wrong,), (0.5,), 1.0), Hits((wrong,), (0.7,), 1.0)]
    answer = top_chunk_answer(hits[0], 0.8)
    assert answer.status == "answered" and answer.citations[0].text == "right" and answer.text == "“right” [1]"
    assert top_chunk_answer(hits[1], 0.8).status == "refused"
    footnoted = Hits((Chunk("doc", 0, 20, "A claim.[2] More."),), (0.9,), 1.0)
    assert faithful_counts(top_chunk_answer(footnoted, 0.0)) == (1, 1)  # the chunk's own "[2]" is no marker
    # Thresholds 0.5 / 0.7 / 0.9 / inf decide answer-or-refuse right for 2 / 3 / 2 / 1 of the 3: 0.7 is best
    # (truthfulness would pick 0.9: "c" answered with the wrong chunk scores -1).
    assert best_threshold(gold, hits) == 0.7
    assert best_threshold(gold[1:2], hits[1:2]) == math.inf  # refusing the unanswerable item is best
