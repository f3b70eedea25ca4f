"""The README's commands and examples stay true."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

from ui.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_examples_run() -> None:
    parser = doctest.DocTestParser()
    test = parser.get_doctest(README, {}, "README.md", str(ROOT / "README.md"), 0)
    assert test.examples, "the README lost its examples"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.failures == 0


def test_the_two_setup_commands_exist_and_ci_runs_the_test_one() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "make run" in README and "make test" in README
    assert re.search(r"^run: install$", makefile, re.M) and re.search(r"^test: install$", makefile, re.M)
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_flag_the_readme_shows_exists() -> None:
    usage = re.findall(r"konkyo (\w+) (\[.*)", README)
    assert usage
    for command, rest in usage:
        sub = build_parser()._subparsers._group_actions[0].choices[command]  # type: ignore[union-attr]
        known = {opt for action in sub._actions for opt in action.option_strings}
        for flag in re.findall(r"--[a-z-]+", rest):
            assert flag in known, f"README shows {command} {flag}, which the CLI does not have"
