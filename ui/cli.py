"""The `konkyo` command line. Each subcommand imports only what it needs, so `--help` is instant."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ingest.errors import KonkyoError


def _settings_for(store: str | None):  # type: ignore[no-untyped-def]
    from ingest.settings import load_settings, with_store

    return with_store(load_settings(), store)


def _cmd_ingest(args: argparse.Namespace) -> int:
    from ingest.pipeline import ingest_paths

    report = ingest_paths(
        args.paths,
        _settings_for(args.store),
        rebuild=args.rebuild,
        prune=args.prune,
        progress=not args.quiet and sys.stderr.isatty(),
    )
    print(report.summary())
    return 0 if report.ok else 1


def _cmd_ask(args: argparse.Namespace) -> int:
    import json

    from rag.assistant import Assistant
    from ui.render import render

    if (args.question is None) == (args.batch is None):
        raise KonkyoError("give either a question or --batch FILE", 'e.g. konkyo ask "Who led the Omni team?"')
    assistant = Assistant.open(args.store)  # models load once, for every question of a batch
    if args.question is not None:
        answer = assistant.ask(args.question)
        print(answer.model_dump_json(indent=2) if args.json else render(answer))
        return 0
    for line in _batch_questions(args.batch):
        print(json.dumps(assistant.ask(line).model_dump(), ensure_ascii=False), flush=True)
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    from eval.harness import run_eval
    from eval.report import headline_text

    results, paths = run_eval(args.set, args.out, store=args.store, answerer=args.answerer,
                              show_progress=sys.stderr.isatty())
    print(headline_text(results))
    print(f"{results['n_items']} questions in {results['runtime_s']} s; reports: " + ", ".join(str(p) for p in paths))
    return 0


def _cmd_ui(args: argparse.Namespace) -> int:
    from ui.app import launch

    launch(store=args.store, port=args.port)  # blocks until Ctrl+C
    return 0


def _batch_questions(path: str) -> list[str]:
    """Questions from JSON lines with a "question" field, or from plain lines."""
    import json

    try:
        lines = [line for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, UnicodeDecodeError) as err:
        raise KonkyoError(f"cannot read {path} ({type(err).__name__})", "give a UTF-8 file, one question a line") from None
    questions = []
    for number, line in enumerate(lines, start=1):
        if line.lstrip().startswith("{"):
            try:
                questions.append(str(json.loads(line)["question"]))
            except (ValueError, KeyError):
                raise KonkyoError(f"{path} line {number} is not JSON with a \"question\" field",
                                  "write {\"question\": \"...\"} or the plain question") from None
        else:
            questions.append(line.strip())
    return questions


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="konkyo",
        description="Answers questions about Japanese and English articles from cited passages.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    store_help = "store folder, or the URL of a `chroma run` server (default: .konkyo, or KONKYO_STORE__DIR)"

    ingest = commands.add_parser("ingest", help="read articles into the store (default: the bundled corpus)")
    ingest.add_argument("paths", nargs="*", metavar="PATH", help=".txt/.md/.html files or folders")
    ingest.add_argument("--store", help=store_help)
    ingest.add_argument("--rebuild", action="store_true", help="empty the store first")
    ingest.add_argument("--prune", action="store_true", help="remove documents whose files are gone")
    ingest.add_argument("--quiet", action="store_true", help="no progress bar")
    ingest.set_defaults(run=_cmd_ingest)

    ask = commands.add_parser("ask", help="answer a question from the store, citing the passages")
    ask.add_argument("question", nargs="?", help="the question, in Japanese or English")
    ask.add_argument("--store", help=store_help)
    ask.add_argument("--json", action="store_true", help="print the Answer as JSON")
    ask.add_argument("--batch", metavar="FILE", help="JSON lines with a question field (or plain lines); one JSON answer a line")
    ask.set_defaults(run=_cmd_ask)

    evaluate = commands.add_parser("eval", help="measure konkyo and two common RAG baselines on a question set")
    evaluate.add_argument("--set", metavar="FILE", help="JSON-lines question set (default: the bundled eval/questions.jsonl)")
    evaluate.add_argument("--out", metavar="DIR", default="eval-report",
                          help="where to write report.md, report.html and results.json (default: eval-report)")
    evaluate.add_argument("--answerer", default="all",
                          choices=["konkyo", "langchain-dense", "bm25-whitespace", "all"], help="who answers (default: all)")
    evaluate.add_argument("--store", help=store_help)
    evaluate.set_defaults(run=_cmd_eval)

    ui = commands.add_parser("ui", help="the chat UI on 127.0.0.1 (ingests the bundled corpus into an empty store)")
    ui.add_argument("--port", type=int, default=None, help="port (default: 7860, or KONKYO_UI__PORT)")
    ui.add_argument("--store", help=store_help)
    ui.set_defaults(run=_cmd_ui)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except KonkyoError as err:
        print(f"konkyo: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("konkyo: interrupted; run the same command again to finish", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
