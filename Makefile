# Two commands do all set-up: `make run` (install, then the main job) and `make test` (install, then the tests).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test browser bench eval outside clean

install: $(STAMP)

# torch first and pinned: here it resolves to the local CPU wheel; left to the resolver it can pull CUDA builds.
$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null || { echo "konkyo needs $(PYTHON) (Python 3.11); set PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

# The main job: ingest the bundled corpus (a no-op when nothing changed), answer one question in the
# terminal, then open the chat UI on http://127.0.0.1:7860 (Ctrl+C stops it).
run: install
	$(BIN)/konkyo ingest
	$(BIN)/konkyo ask "Who led the Omni team?"
	$(BIN)/konkyo ui

test: install
	$(BIN)/python -m pytest -q

# The UI tests drive Debian's Chromium (Playwright's own browser download needs the internet) and need a
# CJK font so that Japanese renders as text. Does nothing when both are there; else apt-get, as root or via sudo.
browser:
	@if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -q "Noto Sans CJK"; then exit 0; fi; \
	if ! command -v apt-get >/dev/null; then \
		echo "the UI tests need /usr/bin/chromium and a Noto CJK font: install Chromium and Noto Sans CJK"; exit 1; \
	elif [ "$$(id -u)" = 0 ]; then SUDO=""; \
	elif command -v sudo >/dev/null; then SUDO="sudo"; \
	else echo "the UI tests need the Debian packages chromium and fonts-noto-cjk: install them as root"; exit 1; fi; \
	$$SUDO apt-get update -q && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-noto-cjk

test: browser  # `make test` runs the UI tests too: browser and font first

bench: install
	$(BIN)/python -m eval.bench_ingest
	$(BIN)/python -m eval.bench_query

# The README's headline figures: konkyo and the two baselines on the bundled question set.
eval: install
	$(BIN)/konkyo ingest --quiet
	$(BIN)/konkyo eval --out eval-report

# The outside sets (eval/outside/): each ingested into its own store, then konkyo and the baselines on it.
outside: install
	@for set in eval/outside/set*/; do name=$$(basename $$set); \
		$(BIN)/konkyo ingest $$set/articles --store .konkyo-outside/$$name --quiet && \
		$(BIN)/konkyo eval --set $$set/questions.jsonl --store .konkyo-outside/$$name --out eval/out/outside-$$name || exit 1; \
	done

clean:
	rm -rf $(VENV) .konkyo .konkyo-outside
