# cchc-flow: `make demo` runs the sample campaign, `make test` runs every test.
# Both set up everything they need on a fresh machine with Python 3.11 and make.
SHELL := /bin/bash
PYTHON ?= python3
UV := .tools/bin/uv
VENV := .venv
BIN := $(VENV)/bin
SCALE ?= small
# Two pytest workers (pytest-xdist), whole files each, in collection order (tests/conftest.py puts
# the minute-long ones first; xdist's default reorder would put one-test files last). The process
# tests mostly wait, so two workers on two cores finish in about 0.75x the time of one. Each
# worker is its own test session with its own Prefect harness and databases.
TEST_WORKERS ?= 2
export DO_NOT_TRACK := 1
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export PREFECT_LOGGING_LEVEL := WARNING

.PHONY: install demo test test-fast lint bench serve clean

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install -q uv==0.13.9

$(BIN)/cchc: $(UV) pyproject.toml uv.lock
	$(UV) sync --locked --quiet
	@touch $(BIN)/cchc

install: $(BIN)/cchc ## Create .venv from the lock file

demo: install ## Launch and run the Bắc Kạn 2023 sample campaign to publication
	$(BIN)/cchc demo

test: install ## Every test, on SQLite and PostgreSQL, with the browser
	./scripts/ensure-postgres.sh
	./scripts/ensure-chromium.sh
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest --cov --cov-report=term:skip-covered -q -p no:cacheprovider \
		-n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

test-fast: install ## Tests without the slow process and browser tests
	$(BIN)/pytest -q -m "not slow and not browser" -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

lint: install
	$(BIN)/ruff check .

bench: install ## Benchmarks at SCALE=small|province|national; figures in bench/RESULTS.md
	./scripts/ensure-postgres.sh
	$(BIN)/python -m bench.run --scale $(SCALE)

serve: install ## The API and dashboard on 127.0.0.1:8000
	$(BIN)/cchc serve

clean:
	rm -rf var test-artifacts .pytest_cache
