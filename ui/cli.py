"""The `konkyo` command line. Each subcommand imports only what it needs, so `--help` is instant."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

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
