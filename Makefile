# The two set-up commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed
# axe-core for the accessibility checks; only `make test` needs node, `make run` does not.
NODE_STAMP := node_modules/.installed

.PHONY: run test lint format check bench messages clean

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $(NODE_STAMP)

run: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo --if-empty
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@echo "Portal: http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	@# The outbox worker delivers referral mail next to the web server; Ctrl-C stops both, and
	@# the worker also goes when daphne ends for any other reason.
	$(BIN)/python manage.py requeue_outbox
	$(BIN)/python manage.py db_worker --backend outbox --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/daphne -b 127.0.0.1 -p $(PORT) portal.asgi:application

test: $(STAMP) $(NODE_STAMP) lint
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest -n auto

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(STAMP)
	$(BIN)/python -m benchmarks.directory --actors 1000
	$(BIN)/python -m benchmarks.chat
	$(BIN)/python -m benchmarks.search --save-rows $(VENV)/bench-search-sqlite.json
	$(if $(BENCH_POSTGRES_URL),$(BIN)/python -m benchmarks.search --database-url $(BENCH_POSTGRES_URL) \
		--rows-from $(VENV)/bench-search-sqlite.json)

messages: $(STAMP)
	$(BIN)/python manage.py makemessages -l de -l en -l ar -l uk -l ru -l fa -l tr --no-obsolete \
		--ignore=.venv --ignore=static --ignore=tests --ignore=benchmarks --ignore=node_modules
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules

clean:
	rm -rf $(VENV) static .pytest_cache .ruff_cache node_modules
