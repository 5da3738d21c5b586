# advisor_desk: `make run` opens the app, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
QM := $(patsubst %.ts,%.qm,$(wildcard resources/translations/*.ts))

.PHONY: run test lint typecheck pytest bench screenshots bundle translations clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP) $@

resources/translations/%.qm: resources/translations/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

run: $(STAMP) translations
	$(BIN)/advisor-desk $(ARGS)

lint: $(DEV_STAMP)
	$(BIN)/ruff check advisor_desk tests benchmarks scripts
	$(BIN)/ruff format --check advisor_desk tests benchmarks scripts

typecheck: $(DEV_STAMP)
	$(BIN)/mypy

pytest: $(DEV_STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q $(PYTEST_ARGS)

test: lint typecheck pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py startup
	$(BIN)/python benchmarks/run.py search --members 20000
	$(BIN)/python benchmarks/run.py open_member --members 20000
	$(BIN)/python benchmarks/run.py remote
	$(BIN)/python benchmarks/run.py seed
	$(BIN)/python benchmarks/run.py directory --members 20000 --professionals 20000

screenshots: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py --out screenshots $(if $(DB),--db $(DB))

bundle: $(DEV_STAMP) translations
	$(BIN)/pyinstaller --noconfirm --clean advisor_desk.spec
	QT_QPA_PLATFORM=offscreen dist/advisor-desk/advisor-desk --smoke

clean:
	rm -rf build dist .mypy_cache .pytest_cache .ruff_cache
