# newsfacts: `make run` serves the seed dataset on SQLite; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test coverage lint format bench install install-dev browser seed clean

# The virtualenv is rebuilt when a requirements file changes.
$(BIN)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(BIN)/.installed-dev: $(BIN)/.installed requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(BIN)/.installed
install-dev: $(BIN)/.installed-dev

## Serve admin and API on http://$(HOST):$(PORT) with the curated seed dataset, on SQLite (db.sqlite3).
run: install seed
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

## Migrate and load the seed dataset; safe to repeat (nothing is duplicated).
seed: install
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_seed

## The whole test suite (DATABASE_URL picks the database; SQLite by default).
test: install-dev browser
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest --create-db $(PYTEST_ARGS)

## Debian's Chromium for the browser tests, installed when missing and we are root (they skip without it).
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || \
		echo "chromium not installed: browser tests will be skipped"; }

## The whole suite with line coverage of newsfacts/ and api/ (a table of what no test runs).
coverage: install-dev browser
	$(BIN)/pytest --create-db --cov --cov-report=term $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python manage.py makemigrations --check --dry-run

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

$(BIN)/.installed-bench: $(BIN)/.installed-dev requirements-bench.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	touch $@

## Benchmarks: print figures (see bench/README.md). BENCH_ARGS=--quick for a smoke run of the API load test.
bench: $(BIN)/.installed-bench
	$(BIN)/python bench/extract_speed.py
	$(BIN)/python bench/api_load.py $(BENCH_ARGS)
	$(BIN)/python bench/export_speed.py
	$(BIN)/python bench/ingest_speed.py

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles
