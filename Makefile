# make run   - start the dashboard on the shipped PAPI data (http://localhost:8501)
# make test  - run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell sha1sum requirements.txt | cut -c1-12)

.PHONY: run test check bench reliability

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --disable-pip-version-check -q -r requirements.txt
	rm -f $(VENV)/.installed-* && touch $@

run: $(STAMP)
	$(BIN)/streamlit run dashboard.py

test: $(STAMP)
	$(BIN)/python -m pytest

check: $(STAMP)
	$(BIN)/python -m papi_data check

# Benchmarks; figures are recorded in docs/PERFORMANCE.md.
bench: $(STAMP)
	$(BIN)/python bench/load_history.py
	$(BIN)/python bench/imports.py
	$(BIN)/python bench/import_full_year.py
	$(BIN)/python bench/exports.py
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/sessions.py --sessions 1 20 --seconds 120

# The long reliability runs (CI runs the short versions inside `make test`).
reliability: $(STAMP)
	PAPI_FUZZ_EXAMPLES=300 PAPI_CRASH_RUNS=60 PAPI_SESSIONS=20 $(BIN)/python -m pytest tests/reliability
	$(BIN)/python bench/sessions.py --sessions 20 --seconds 600
