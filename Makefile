# Two commands set everything up on a fresh machine (Python 3.11 + pip):
#   make demo   install sukien and ingest the bundled sample into demo.db, then show it
#   make test   install the dev extras and run the whole suite (ruff + pytest)
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= demo.db

.PHONY: demo test install install-dev lint clean browser-test

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# Stamp files: pip runs again only when pyproject.toml changes (the install is editable,
# so code changes need no reinstall).
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e ".[dev]"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

# Idempotent: running it again stores nothing new (the summary says "duplicate 5").
demo: install
	$(BIN)/sukien ingest --db $(DB) examples/
	$(BIN)/sukien articles --db $(DB)
	$(BIN)/sukien events --db $(DB) --limit 20
	$(BIN)/sukien stories --db $(DB)

lint: install-dev
	$(BIN)/ruff check src tests

test: install-dev
	$(BIN)/ruff check src tests
	$(BIN)/pytest

# The web page in a real headless browser: installs Debian's chromium (needs root + apt).
browser-test: install-dev
	command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)
	$(BIN)/pytest tests/interfaces/test_browser.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
