"""The evaluation report: ``report.md``, ``report.html`` (self-contained, inline SVG chart), ``results.json``.

Both documents are rendered from the same blocks (paragraphs, tables, the per-label chart), so they say
the same thing.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eval.metrics import BY_KEY, HEADLINE, LABELS

COLOURS = {"konkyo": "#1b7f5f", "langchain-dense": "#e08a2c", "bm25-whitespace": "#7a7fbf"}
CHART_FILE = "per_label.svg"
PER_SLICE = ("status_accuracy", "truthfulness", "speculation_assertion", "invention", "citation_precision",
             "citation_recall", "recall_at_5", "mrr")

DEFINITIONS = [
    "**Outcome** is the status, with the reason for refusals: `answered`, `refused:speculative`, "
    "`refused:not_found`, `conflicting`. Expected: answerable → answered; false_premise → answered (the "
    "correction); speculative → refused:speculative; unanswerable → refused:not_found; conflicting → conflicting.",
    "**Status accuracy**: share of items with the expected outcome, refusal reason included (the baselines only "
    "know one refusal, \"I don't know\", counted as not_found, so their refusals of speculative items are not "
    "counted right here; truthfulness does count them).",
    "**Truthfulness** (CRAG style, mean of per-item scores in [-1, 1]): answerable and false_premise: +1 answered "
    "citing gold evidence, 0 refused, -1 answered citing no gold evidence or laid out as a conflict; conflicting: "
    "+1 laid out as a conflict citing gold evidence, 0 refused, -1 answered or a conflict citing no gold evidence; "
    "speculative and unanswerable: +1 refused (either reason), -1 answered or laid out as a conflict.",
    "**Refusal precision / recall / F1**: refusal (either reason) as a detector of the items that should be refused "
    "(speculative, unanswerable).",
    "**Speculation-assertion rate**: share of speculative items answered or laid out as a conflict, i.e. presented "
    "as fact (target 0). **Invention rate**: the same over unanswerable items.",
    "**Citation precision**: share of all citations shown, on every item and status, that overlap gold evidence "
    "(same document, overlapping character spans); a citation on an unanswerable item counts against it. "
    "**Citation recall**: share of answerable items with at least one citation overlapping gold evidence. "
    "A baseline's citation is its top chunk; konkyo's are sentences (a 1000-character chunk overlaps gold far more "
    "easily than a sentence does).",
    "**Faithfulness**: share of answer statements (of answered and conflicting items) supported by what they cite. "
    "The answer is split at its `[n]` markers; each statement's claim, without konkyo's framing words and enclosing "
    "quote marks, must be contained, after whitespace normalisation, in the stored text of a span it cites. Text "
    "without a marker is an unsupported statement. Exact containment suits extractive answerers; a generative "
    "answerer fits the same definition, strictly, until an entailment model is available.",
    "**Retrieval recall@5 / MRR**: over items with evidence (all but unanswerable), whether a gold-overlapping span "
    "is among the top 5 retrieved, and the mean of 1/rank of the first one within the top 10 (0 if none). konkyo "
    "retrieves sentences, the baselines chunks.",
    "**Latency**: wall time of one answer, after an untimed warm-up question; konkyo's is `Assistant.ask`, a "
    "baseline's its search plus the answer rule. Each question goes to every answerer in turn, so a busy machine "
    "slows them alike; the figures still move with the machine's load.",
]


@dataclass(frozen=True)
class Table:
    columns: Sequence[str]
    rows: Sequence[Sequence[str]]


@dataclass(frozen=True)
class Chart:
    svg: str
    alt: str


Block = str | Table | Chart


def fmt(key: str, value: Any) -> str:
    if value is None:
        return "–"
    if key.startswith("latency"):
        return f"{value:,.0f}"
    if key == "truthfulness":
        return f"{value:+.3f}"
    if key == "n":
        return str(value)
    return f"{value:.3f}"


def _names(results: dict[str, Any]) -> list[str]:
    return list(results["answerers"])


def _overall(results: dict[str, Any], name: str) -> dict[str, Any]:
    return results["answerers"][name]["metrics"]["overall"]["all"]


def headline_table(results: dict[str, Any]) -> Table:
    """Metric rows, one column per answerer; a † marks where konkyo does not beat that baseline."""
    names = _names(results)
    rows = []
    for key in HEADLINE:
        metric = BY_KEY[key]
        cells = [f"{metric.name} ({'higher' if metric.better == 'higher' else 'lower'} is better)"]
        for name in names:
            cell = fmt(key, _overall(results, name)[key])
            if results["konkyo_beats"].get(name, {}).get(key) is False:
                cell += " †"
            cells.append(cell)
        rows.append(cells)
    return Table(["metric", *names], rows)


def headline_text(results: dict[str, Any]) -> str:
    """The headline table as Markdown, for the terminal and the README."""
    return _md_table(headline_table(results))


def _full_table(results: dict[str, Any]) -> Table:
    names = _names(results)
    keys = ["n", *(m.key for m in BY_KEY.values())]
    return Table(["metric", *names],
                 [[BY_KEY[k].name if k in BY_KEY else "items", *(fmt(k, _overall(results, n)[k]) for n in names)]
                  for k in keys])


def _slice_table(results: dict[str, Any], group: str) -> Table:
    names = _names(results)
    keys = next(iter(results["answerers"].values()))["metrics"][group]
    rows = []
    for part in keys:
        for name in names:
            values = results["answerers"][name]["metrics"][group][part]
            rows.append([part, name, str(values["n"]), *(fmt(k, values[k]) for k in PER_SLICE)])
    return Table(["slice", "answerer", "items", *(BY_KEY[k].name for k in PER_SLICE)], rows)


def _settings_lines(results: dict[str, Any]) -> list[str]:
    lines = []
    for name, data in results["answerers"].items():
        settings = "; ".join(f"{_setting_name(k)}: {_value(v)}" for k, v in data["settings"].items() if k != "sweep")
        lines.append(f"- **{name}**: {data['description']}. {settings}.")
    return lines


def _setting_name(key: str) -> str:
    return key[:-2].replace("_", " ") + " (s)" if key.endswith("_s") else key.replace("_", " ")


def _value(value: Any) -> str:
    return f"{value:.6g}" if isinstance(value, float) else str(value)


def _sweep_table(results: dict[str, Any]) -> Table | None:
    """A few points of each baseline's threshold sweep: from never refusing to always refusing, and the best."""
    rows = []
    for name, data in results["answerers"].items():
        sweep, best = data["settings"].get("sweep"), data["settings"].get("threshold")
        if not sweep:
            continue
        n = results["n_items"]
        chosen = {min(range(len(sweep)), key=lambda i: abs(sweep[i]["answered"] - share * n))
                  for share in (1.0, 0.75, 0.5, 0.25, 0.1, 0.0)}
        chosen |= {i for i, point in enumerate(sweep) if (point["threshold"] or "always refuse") == best}
        for i in sorted(chosen):
            point = sweep[i]
            threshold = "+inf (always refuse)" if point["threshold"] is None else f"{point['threshold']:.3f}"
            note = "best (used)" if (point["threshold"] or "always refuse") == best else ""
            accuracy = point.get("decision_accuracy")
            rows.append([name, threshold, str(point["answered"]), "–" if accuracy is None else f"{accuracy:.3f}",
                         fmt("truthfulness", point["truthfulness"]), note])
    return Table(["baseline", "threshold", "questions answered", "answer-or-refuse accuracy", "truthfulness", ""],
                 rows) if rows else None


def per_label_chart(results: dict[str, Any]) -> Chart:
    """Grouped bars: status accuracy per label, one bar per answerer."""
    names = _names(results)
    labels = [lab for lab in LABELS if lab in next(iter(results["answerers"].values()))["metrics"]["by_label"]]
    width, height, left, top, bottom = 760, 320, 48, 40, 56
    plot_w, plot_h = width - left - 16, height - top - bottom
    group_w = plot_w / max(len(labels), 1)
    bar_w = min(36.0, (group_w - 24) / max(len(names), 1))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
             'font-family="sans-serif" font-size="12" role="img">',
             f'<text x="{left}" y="16" font-size="14" font-weight="bold">Status accuracy per label</text>']
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        y = top + plot_h * (1 - tick)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{tick:.2f}</text>')
    for gi, label in enumerate(labels):
        x0 = left + gi * group_w + (group_w - bar_w * len(names)) / 2
        for bi, name in enumerate(names):
            value = results["answerers"][name]["metrics"]["by_label"][label]["status_accuracy"] or 0.0
            x, bar_h = x0 + bi * bar_w, plot_h * value
            parts.append(f'<rect x="{x:.1f}" y="{top + plot_h - bar_h:.1f}" width="{bar_w - 2:.1f}" height="{bar_h:.1f}" '
                         f'fill="{COLOURS.get(name, "#888")}"><title>{name} {label}: {value:.3f}</title></rect>')
            parts.append(f'<text x="{x + bar_w / 2 - 1:.1f}" y="{top + plot_h - bar_h - 3:.1f}" text-anchor="middle" '
                         f'font-size="10">{value:.2f}</text>')
        n = results["answerers"][names[0]]["metrics"]["by_label"][label]["n"]
        parts.append(f'<text x="{left + (gi + 0.5) * group_w:.1f}" y="{top + plot_h + 16}" text-anchor="middle">'
                     f'{label} ({n})</text>')
    for i, name in enumerate(names):
        x = left + i * 170
        parts.append(f'<rect x="{x}" y="{height - 18}" width="12" height="12" fill="{COLOURS.get(name, "#888")}"/>')
        parts.append(f'<text x="{x + 16}" y="{height - 8}">{html.escape(name)}</text>')
    parts.append("</svg>")
    alt = "; ".join(
        f"{label}: " + ", ".join(
            f"{name} {fmt('x', results['answerers'][name]['metrics']['by_label'][label]['status_accuracy'])}" for name in names)
        for label in labels
    )
    return Chart("\n".join(parts), f"Status accuracy per label ({alt})")


def _failures(results: dict[str, Any]) -> tuple[str, list[Block]]:
    name = "konkyo" if "konkyo" in results["answerers"] else _names(results)[0]
    failed = [r for r in results["answerers"][name]["items"] if r["score"] < 1 or not r["status_correct"]]
    blocks: list[Block] = [f"{len(failed)} of {results['n_items']} items where {name} did not score +1 or did not "
                           "give the expected outcome (every answerer's items are in results.json)."]
    for r in failed:
        crossing = ", cross-lingual" if r["cross_lingual"] else ""
        cites = []
        for c in r["citations"]:
            mark = "gold" if c["hits_gold"] else "not gold"
            cites.append(f"[{c['n']}] {c['doc_id']} {c['char_start']}-{c['char_end']} ({mark}): {_short(c['text'])}")
        lines = [
            f"**{r['id']}** ({r['label']}, {r['lang']}{crossing}), score {r['score']:+d}",
            f"- question: {r['question']}",
            f"- expected: `{r['expected']}`: {r['gold_answer']}",
            f"- got: `{r['got']}`: {_short(r['text'], 300)}",
            *(f"- citation {c}" for c in cites), *([] if cites else ["- citations: none"]),
        ]
        blocks.append("\n".join(lines))
    return f"Failures ({name})", blocks


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def sections(results: dict[str, Any]) -> list[tuple[str, list[Block]]]:
    beats = results["konkyo_beats"]
    not_beaten = [f"{BY_KEY[k].name} vs {name}" for name, keys in beats.items() for k, ok in keys.items() if ok is False]
    undefined = [f"{BY_KEY[k].name} vs {name}" for name, keys in beats.items() for k, ok in keys.items() if ok is None]
    verdict = " ".join(filter(None, [
        "konkyo beats every baseline on every headline metric." if beats and not not_beaten and not undefined else "",
        f"konkyo does not beat a baseline on: {', '.join(not_beaten)} (marked †)." if not_beaten else "",
        f"Not comparable (a side has no value): {', '.join(undefined)}." if undefined else "",
    ]))
    sweep = _sweep_table(results)
    thresholds = [f"{name}: {_value(data['settings']['threshold'])} ({data['settings']['threshold_on']})"
                  for name, data in results["answerers"].items() if "threshold" in data["settings"]]
    run = (f"{results['n_items']} questions from `{results['set']}`; store `{results['store']}`; embedder "
           f"`{results['embedder']}`; {results['created']}; the whole evaluation took {results['runtime_s']} s.")
    blocks: list[tuple[str, list[Block]]] = [
        ("Headline", [run, headline_table(results), verdict,
                      "Reproduce: `.venv/bin/konkyo ingest` then `.venv/bin/konkyo eval` (add `--store DIR` to both "
                      "for another store)."]),
        ("Answerers", ["\n".join(_settings_lines(results)),
                       *([f"Baseline thresholds, each the one whose answer-or-refuse decisions are best on this very set "
                          f"(balanced accuracy: answerable and false-premise questions answered, speculative and "
                          f"unanswerable ones refused; an upper bound for the recipe): {'; '.join(thresholds)}. Refusing everything would score truthfulness "
                          f"{results['always_refuse_truthfulness']:+.3f}. Points of the sweep (the full sweep is in "
                          f"results.json):"] if thresholds else []),
                       *([sweep] if sweep else [])]),
        ("Per label", [per_label_chart(results), _slice_table(results, "by_label")]),
        ("Per language and cross-lingual", [_slice_table(results, "by_lang"), _slice_table(results, "cross_lingual")]),
        ("All metrics, overall", [_full_table(results)]),
        ("Definitions", ["\n".join(f"- {d}" for d in DEFINITIONS)]),
        _failures(results),
    ]
    return blocks


# -- rendering -----------------------------------------------------------------------------------


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md_table(table: Table) -> str:
    lines = ["| " + " | ".join(_md_cell(c) for c in table.columns) + " |",
             "|" + "|".join("---" for _ in table.columns) + "|"]
    lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in table.rows]
    return "\n".join(lines)


def render_markdown(results: dict[str, Any]) -> str:
    out = ["# konkyo evaluation", ""]
    for heading, blocks in sections(results):
        out += [f"## {heading}", ""]
        for block in blocks:
            if isinstance(block, Table):
                out.append(_md_table(block))
            elif isinstance(block, Chart):
                out.append(f"![{block.alt}]({CHART_FILE})")
            elif block:
                out.append(block)
            out.append("")
    return "\n".join(out)


def _inline_html(text: str) -> str:
    text = html.escape(text)
    text = re.sub(r"`([^`]+)`", r"<code>\1</code>", text)
    return re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", text)


def _html_cell(text: str) -> str:
    numeric = re.fullmatch(r"[+-]?[\d.,]+( †)?|–", text) is not None
    return f"<td>{html.escape(text)}</td>" if numeric else f'<td class="text">{html.escape(text)}</td>'


def _html_block(block: Block) -> str:
    if isinstance(block, Table):
        head = "".join(f"<th>{html.escape(c)}</th>" for c in block.columns)
        body = "".join("<tr>" + "".join(_html_cell(c) for c in row) + "</tr>" for row in block.rows)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    if isinstance(block, Chart):
        return f'<figure aria-label="{html.escape(block.alt)}">{block.svg}</figure>'
    lines = block.split("\n")
    if all(line.startswith("- ") for line in lines):
        return "<ul>" + "".join(f"<li>{_inline_html(line[2:])}</li>" for line in lines) + "</ul>"
    if len(lines) > 1 and all(line.startswith("- ") for line in lines[1:]):
        items = "".join(f"<li>{_inline_html(line[2:])}</li>" for line in lines[1:])
        return f'<div class="failure"><p>{_inline_html(lines[0])}</p><ul>{items}</ul></div>'
    return "".join(f"<p>{_inline_html(line)}</p>" for line in lines if line)


STYLE = """body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:1em 0;font-size:13px}th,td{border:1px solid #ccc;padding:3px 8px;text-align:right}
th:first-child,td.text{text-align:left}thead{background:#f3f3f3}
code{background:#f3f3f3;padding:0 3px}.failure{border-top:1px solid #ddd;margin-top:.6em}.failure ul{margin:.2em 0}
figure{margin:1em 0}"""


def render_html(results: dict[str, Any]) -> str:
    body = []
    for heading, blocks in sections(results):
        body.append(f"<h2>{html.escape(heading)}</h2>")
        body += [_html_block(b) for b in blocks if b]
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>konkyo evaluation</title>"
            f"<style>{STYLE}</style></head><body><h1>konkyo evaluation</h1>\n" + "\n".join(body) + "\n</body></html>\n")


def write_reports(results: dict[str, Any], out_dir: Path) -> list[Path]:
    """Write report.md, report.html, the chart and results.json; returns their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {name: out_dir / name for name in ("report.md", "report.html", "results.json", CHART_FILE)}
    paths["report.md"].write_text(render_markdown(results), encoding="utf-8")
    paths["report.html"].write_text(render_html(results), encoding="utf-8")
    paths[CHART_FILE].write_text(per_label_chart(results).svg + "\n", encoding="utf-8")
    paths["results.json"].write_text(json.dumps(results, ensure_ascii=False, indent=1, default=_json_value) + "\n",
                                     encoding="utf-8")
    return list(paths.values())


def _json_value(value: Any) -> Any:
    return str(value)
