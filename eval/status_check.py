"""Interim check of the answering stage on the bundled question set, until `konkyo eval` exists.

    python -m eval.status_check [--store DIR] [--show LABEL|all]

Prints, per label, how often konkyo gave the expected status, and how many answered answerable
questions cite a gold sentence.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from rag.answer import Answer
from rag.assistant import Assistant

EXPECTED = {"answerable": "answered", "speculative": "refused:speculative", "unanswerable": "refused:not_found",
            "false_premise": "answered", "conflicting": "conflicting"}
QUESTIONS = Path(__file__).resolve().parent / "questions.jsonl"


def outcome(answer: Answer) -> str:
    return answer.status + (f":{answer.reason}" if answer.reason else "")


def cites_gold(assistant: Assistant, answer: Answer, evidence: list[dict]) -> bool:
    spans = []
    for item in evidence:
        text = assistant.document(item["doc_id"]).text
        start = text.find(item["quote"])
        spans.append((item["doc_id"], start, start + len(item["quote"])))
    return any(c.doc_id == d and c.char_start < e and c.char_end > s for c in answer.citations for d, s, e in spans)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", default=None)
    parser.add_argument("--show", default=None, help="print the items of this label (or all)")
    args = parser.parse_args()
    assistant = Assistant.open(args.store)
    items = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    table: dict[str, Counter[str]] = defaultdict(Counter)
    answered = cited = 0
    for item in items:
        answer = assistant.ask(item["question"])
        got = outcome(answer)
        table[item["label"]][got] += 1
        hit = cites_gold(assistant, answer, item["evidence"])
        if item["label"] == "answerable" and answer.status == "answered":
            answered += 1
            cited += hit
        if args.show in (item["label"], "all"):
            print(f"{item['id']} {item['label']} -> {got} gold_cited={hit} {item['question']}")
    for label, counts in table.items():
        total = sum(counts.values())
        print(f"{label:14} {counts[EXPECTED[label]]}/{total} as expected  {dict(counts)}")
    print(f"answerable answered citing a gold sentence: {cited}/{answered}")


if __name__ == "__main__":
    main()
