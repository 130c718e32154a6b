# Two commands set everything up on a fresh machine (Python 3.11 + pip):
#   make demo   install sukien and ingest the bundled sample into demo.db
#   make test   install the dev extras and run the whole suite (pytest + ruff)
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= demo.db

.PHONY: demo test install install-dev lint clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q -e .

install-dev: $(BIN)/python
	$(BIN)/pip install -q -e ".[dev]"

demo: install
	$(BIN)/sukien ingest --db $(DB) examples/
	$(BIN)/sukien articles --db $(DB)

lint: install-dev
	$(BIN)/ruff check src tests

test: install-dev
	$(BIN)/ruff check src tests
	$(BIN)/pytest

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
