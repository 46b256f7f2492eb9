# Digital-inclusion partnership site. `make` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-z][a-zA-Z_-]*:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-12s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) is needed (Python 3.11)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static/build/.built: node_modules/.installed static/src/build.mjs $(shell find static/src -type f 2>/dev/null)
	npm run --silent build
	touch $@

.PHONY: install
install: $(VENV)/.installed ## Create .venv and install the pinned Python dependencies

.PHONY: assets
assets: static/build/.built ## Build the front-end assets into static/build

.PHONY: setup
setup: install assets ## Install, build assets, migrate, load demo content, create the admin login
	@mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo --if-empty
	$(MANAGE) ensure_admin

.PHONY: run
run: setup ## Set everything up, then serve the site on http://127.0.0.1:8000/
	@echo "Serving on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	$(MANAGE) runserver $(HOST):$(PORT)

.PHONY: test
test: install assets ## Run the whole suite on SQLite, then on a throwaway PostgreSQL
	scripts/test-all

.PHONY: lint
lint: install ## Ruff lint and format check; the import contracts (docs/architecture.md)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

.PHONY: format
format: install ## Format the code with ruff
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

.PHONY: bench
bench: install assets ## Latency, SQL queries and page weight in-process, then requests/s over HTTP against a bare Django view (wrk)
	@missing=""; command -v wrk >/dev/null || missing=" wrk"; \
	command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	if [ -n "$$missing" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing$$missing (apt-get install)…"; \
	    apt-get update -qq >/dev/null 2>&1 || true; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || true; \
	fi
	DJANGO_SETTINGS_MODULE=website.settings.test $(PY) -m tests.bench
	DJANGO_SETTINGS_MODULE=website.settings.test $(PY) -m tests.bench_neighbourhoods

.PHONY: backup
backup: install ## Back up the database and media into var/backups/<date-time> (docs/operations.md)
	$(MANAGE) backup_site

.PHONY: restore
restore: install ## Restore BACKUP=var/backups/… into the empty DATABASE_URL database, and check every table
	@test -n "$(BACKUP)" || { echo "Give the backup folder: make restore BACKUP=var/backups/…"; exit 1; }
	$(MANAGE) restore_site "$(BACKUP)"

.PHONY: loadtest
loadtest: install assets ## Locust against gunicorn + PostgreSQL: requests/s, p50/p95/p99, errors, rows before/after
	scripts/loadtest

.PHONY: lock
lock: ## Re-pin requirements.lock from pyproject.toml in a clean virtualenv
	rm -rf var/lockenv && $(PYTHON) -m venv var/lockenv
	$(PYTHON) scripts/pyproject-requirements > var/lockenv/requirements.in
	var/lockenv/bin/pip install --quiet -r var/lockenv/requirements.in
	{ echo "# The whole dependency tree, pinned. Regenerate with \`make lock\` after changing pyproject.toml."; \
	  var/lockenv/bin/pip freeze; } > requirements.lock
	rm -rf var/lockenv

.PHONY: clean
clean: ## Remove the virtualenv, node_modules and built assets (keeps var/ and its database)
	rm -rf $(VENV) node_modules static/build
