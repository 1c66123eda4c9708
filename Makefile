# Two commands on a fresh machine with Python 3.11+ and make: `make run`, `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DJANGO_DEBUG ?= 1

.PHONY: setup run test lint bench soak messages tools clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# gettext's msgfmt where the machine has it; otherwise polib (pure Python) compiles the same .po files.
messages: $(STAMP)
	@if [ -z "$$(find locale -name '*.po' 2>/dev/null)" ]; then \
		echo "No translation catalogues in locale/."; \
	elif command -v msgfmt >/dev/null; then \
		$(BIN)/python manage.py compilemessages --ignore '.venv' -v0; \
	else \
		$(BIN)/python -c "import pathlib, polib; [polib.pofile(str(p)).save_as_mofile(str(p.with_suffix('.mo'))) for p in pathlib.Path('locale').rglob('*.po')]"; \
	fi

# .env: local work's settings (git-ignored), so that manage.py runs as the README writes it.
.env:
	printf '# Local development only: written by make setup, ignored by git.\nDJANGO_DEBUG=1\n' > .env

setup: $(STAMP) messages .env
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py load_records

run: setup
	$(BIN)/python manage.py create_demo_editor
	$(BIN)/python manage.py create_demo_editor --chief
	@# The background worker of large imports runs beside the server and stops with it: the
	@# database queue's db_worker, or an RQ worker when REDIS_URL is set.
	@if [ -n "$$REDIS_URL" ]; then \
		$(BIN)/python manage.py rqworker --job-class django_tasks_rq.Job default & \
	else \
		$(BIN)/python manage.py db_worker --no-reload & \
	fi; \
	worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# Lighthouse (pinned in tools/lighthouse) for tests/browser/test_lighthouse.py, where the
# machine has npm; without it that test skips with the reason (CI installs npm and requires it).
LIGHTHOUSE := tools/lighthouse/node_modules/.bin/lighthouse
tools:
	@if command -v npm >/dev/null; then \
		[ -x $(LIGHTHOUSE) ] && [ $(LIGHTHOUSE) -nt tools/lighthouse/package-lock.json ] || \
		(cd tools/lighthouse && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.bin/lighthouse); \
	else \
		echo "npm is missing: tests/browser/test_lighthouse.py will skip (apt-get install npm)."; \
	fi

# On every core (pytest-xdist, in pyproject.toml); the slowest tests listed at the end.
test: $(STAMP) messages tools
	$(BIN)/pytest --durations=15

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# Issue 22's goals first, each figure beside its goal, and their summary (bench/goals.py);
# then the throughput, release, API, matching and hostile-file benchmarks.
bench: $(STAMP)
	$(BIN)/python bench/cold_pages.py
	$(BIN)/python bench/cold_pages.py --big --label "fixtures, 200,000 conferments, 100,000 events" --output bench/out/cold_pages_big.json
	$(BIN)/python bench/search.py
	$(BIN)/python bench/registry_pages.py
	BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/heroes_bench_imports $(BIN)/python bench/registry.py
	BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/heroes_bench_imports $(BIN)/python bench/run.py
	$(BIN)/python bench/snapshots.py
	$(BIN)/python bench/goals.py
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/release.py
	$(BIN)/python bench/api.py
	$(BIN)/python bench/matching.py
	$(BIN)/python bench/hostile_files.py

# gunicorn with production settings under load, a killed worker, a lost database (~2 min,
# 127.0.0.1 only; needs the local PostgreSQL, creates the database heroes_soak).
soak: $(STAMP)
	$(BIN)/python bench/soak.py

clean:
	rm -rf $(VENV) tools/lighthouse/node_modules staticfiles db.sqlite3 db.sqlite3-wal db.sqlite3-shm
