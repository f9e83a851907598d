# The two set-up commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed
# axe-core for the accessibility checks; only `make test` needs node, `make run` does not.
NODE_STAMP := node_modules/.installed
# One release's vulnerability record: answers where pip-audit's queries would.
AUDIT_PROBE := https://pypi.org/pypi/pip/24.0/json

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
	@# The worker delivers the mail outbox next to the web server and runs the scheduled jobs
	@# (purges, outbox requeue, expiring needs, reminders: SCHEDULED_JOBS), no cron needed;
	@# Ctrl-C stops both, and the worker also goes when daphne ends for any other reason.
	$(BIN)/python manage.py worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/daphne -b 127.0.0.1 -p $(PORT) --websocket-max-message-size 65536 \
		--websocket-max-frame-size 65536 portal.asgi:application

test: $(STAMP) $(NODE_STAMP) lint
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest -n auto

# Security scanning fails the build: ruff's S rules above, bandit at medium severity and confidence
# (its low findings are ruff's S rules again, marked there), and pip-audit over the installed
# releases (the project itself, editable, skipped). pip-audit needs PyPI's per-release JSON API;
# where only a package mirror is reachable it says so and passes, unless REQUIRE_AUDIT=1.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@# The import contracts of pyproject.toml ([tool.importlinter]); see docs/architecture.md.
	$(BIN)/lint-imports --no-cache
	$(BIN)/bandit -c pyproject.toml -r . --quiet --severity-level medium --confidence-level medium
	@if $(BIN)/python -c "import urllib.request as r; r.urlopen('$(AUDIT_PROBE)', timeout=15)" \
		2>/dev/null; then \
		echo "$(BIN)/pip-audit --strict --skip-editable --local --progress-spinner off"; \
		$(BIN)/pip-audit --strict --skip-editable --local --progress-spinner off; \
	elif [ -n "$(REQUIRE_AUDIT)" ]; then \
		echo "pip-audit: $(AUDIT_PROBE) is out of reach" >&2; exit 1; \
	else \
		echo "pip-audit SKIPPED: $(AUDIT_PROBE) is out of reach (REQUIRE_AUDIT=1 fails)"; \
	fi

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The load benchmarks create this database if it is missing (the tests use mia_ci and test_*).
LOAD_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/mia_bench

bench: $(STAMP)
	$(BIN)/python -m benchmarks.directory --actors 1000
	@# The public pages in-process, rendered and from the page cache, on both databases.
	$(BIN)/python -m benchmarks.pages --actors 1000
	$(BIN)/python -m benchmarks.pages --actors 1000 --database-url $(LOAD_DATABASE_URL)
	$(BIN)/python -m benchmarks.suggest --documents 10000
	$(BIN)/python -m benchmarks.chat
	$(BIN)/python -m benchmarks.search --save-rows $(VENV)/bench-search-sqlite.json
	$(if $(BENCH_POSTGRES_URL),$(BIN)/python -m benchmarks.search --database-url $(BENCH_POSTGRES_URL) \
		--rows-from $(VENV)/bench-search-sqlite.json)
	@# Load: real servers (daphne, a uvicorn pool) in production mode on PostgreSQL and Redis.
	$(BIN)/python -m benchmarks.http_load --database-url $(LOAD_DATABASE_URL) \
		--connections "psycopg pool,connect per request,CONN_MAX_AGE 60"
	$(BIN)/python -m benchmarks.chat_load --database-url $(LOAD_DATABASE_URL)
	$(BIN)/python -m benchmarks.referral_load --database-url $(LOAD_DATABASE_URL)
	@# The referral form's writes on the embedded default of `make run` (SQLite, one daphne).
	$(BIN)/python -m benchmarks.referral_load --database-url sqlite:///$(abspath $(VENV))/bench-referral.sqlite3

messages: $(STAMP)
	$(BIN)/python manage.py makemessages -l de -l en -l ar -l uk -l ru -l fa -l tr --no-obsolete \
		--add-location=file --no-fuzzy-matching \
		--ignore=.venv --ignore=static --ignore=tests --ignore=benchmarks --ignore=node_modules
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules

clean:
	rm -rf $(VENV) static .pytest_cache .ruff_cache node_modules
