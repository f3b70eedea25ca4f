# Two commands do all set-up: `make run` (install, then the main job) and `make test` (install, then the tests).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test bench clean

install: $(STAMP)

# torch first and pinned: here it resolves to the local CPU wheel; left to the resolver it can pull CUDA builds.
$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null || { echo "konkyo needs $(PYTHON) (Python 3.11); set PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

# The main job: ingest the bundled corpus (a no-op when nothing changed), then answer from it.
run: install
	$(BIN)/konkyo ingest
	$(BIN)/konkyo ask "Who led the Omni team?"
	$(BIN)/konkyo ask "オムニチームを率いたのは誰?"

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python -m eval.bench_ingest

clean:
	rm -rf $(VENV) .konkyo
