"""Check an outside set's form: python eval/outside/check.py DIR (DIR holds articles/ and questions.jsonl).

The writers ran it until it printed OK: every quote an exact substring of the stored text, labels and
cross-lingual flags consistent. It checks the set, not konkyo.
"""
import collections
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repo root
from ingest.loaders import load_document

d = Path(sys.argv[1])
docs = {}
for p in sorted((d / "articles").iterdir()):
    doc = load_document(p)
    docs[doc.doc_id] = doc
    if doc.doc_id != p.stem:
        print(f"ERROR {p.name}: doc_id {doc.doc_id!r} != file stem; add front matter 'id: {p.stem}'")
print("articles:", {k: v.lang for k, v in docs.items()})
errs = 0
labels = collections.Counter()
langs = collections.Counter()
ids = set()
for n, line in enumerate((d / "questions.jsonl").read_text(encoding="utf-8").splitlines(), 1):
    item = json.loads(line)
    for f in ("id", "question", "lang", "label", "gold_answer", "evidence", "cross_lingual"):
        if f not in item:
            print(f"ERROR line {n}: missing {f}"); errs += 1
    if item["id"] in ids:
        print(f"ERROR line {n}: duplicate id"); errs += 1
    ids.add(item["id"])
    labels[item["label"]] += 1; langs[(item["label"], item["lang"])] += 1
    if item["label"] not in {"answerable", "speculative", "unanswerable", "false_premise", "conflicting"}:
        print(f"ERROR {item['id']}: bad label"); errs += 1
    if (item["label"] == "unanswerable") != (not item["evidence"]):
        print(f"ERROR {item['id']}: unanswerable has no evidence; every other label has some"); errs += 1
    ev_langs = set()
    for ev in item["evidence"]:
        doc = docs.get(ev["doc_id"])
        if doc is None:
            print(f"ERROR {item['id']}: unknown doc_id {ev['doc_id']}"); errs += 1; continue
        ev_langs.add(doc.lang)
        if ev["quote"] not in doc.text:
            print(f"ERROR {item['id']}: quote not an exact substring of {ev['doc_id']}: {ev['quote'][:60]!r}"); errs += 1
    if item["label"] == "conflicting" and len({e["doc_id"] for e in item["evidence"]}) < 2:
        print(f"ERROR {item['id']}: conflicting needs evidence from >= 2 documents"); errs += 1
    cross = bool(ev_langs) and item["lang"] not in ev_langs
    if item["cross_lingual"] != cross:
        print(f"ERROR {item['id']}: cross_lingual should be {cross}"); errs += 1
print("labels:", dict(labels)); print("by lang:", dict(langs))
print("OK" if errs == 0 else f"{errs} errors")
