# The whole set-up is two commands: `make run` and `make test` (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Django 6 needs Python 3.12+. In this folder pyenv's python3 follows .python-version;
# elsewhere the first of these that is new enough is used.
PYTHON ?= $(shell for p in python3 python3.13 python3.12; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' \
	2>/dev/null && { echo $$p; break; }; done)

.PHONY: help install run serve bench test lint format migrate seed lock clean test-tools

help:
	@echo "make run      set up, migrate, load the demo desk, serve on http://127.0.0.1:$(PORT) with a worker"
	@echo "make test     set up and run lint, migration checks and the whole test suite"
	@echo "make serve    the production stack: nginx, gunicorn and a job worker (needs SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL)"
	@echo "make bench    the benchmarks, a million claims on PostgreSQL included (prints figures)"
	@echo "make install  only create .venv and install the pinned dependencies"
	@echo "make lock     re-pin requirements.lock from pyproject.toml"

$(BIN)/python:
	@if [ -z "$(PYTHON)" ]; then \
		echo "Python 3.12 or newer is needed (Django 6), but python3 is $$(python3 --version 2>&1)."; \
		echo "Install Python 3.12+ or run: make PYTHON=/path/to/python3.12 ..."; exit 1; fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstalls only when the lock file changes, so a second `make install` takes a moment.
$(VENV)/.installed: requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.lock
	@touch $@

install: $(VENV)/.installed

migrate: install
	$(BIN)/python manage.py migrate --noinput

seed: migrate
	$(BIN)/python manage.py seed_demo --port $(PORT)

# The web server and, beside it, a worker for background jobs (docs/background-work.md). Ctrl-C
# reaches both: the worker ends the job it is running, then stops (Ctrl-C again: at once).
# Should the server stop on its own, the worker is stopped too.
run: seed
	@$(BIN)/python manage.py worker & worker=$$!; \
	trap 'wait $$worker' INT; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Installs a Debian package whose command is missing, when root with apt-get; else says so.
define debian_package
	@command -v $(1) >/dev/null 2>&1 || test -x /usr/sbin/$(1) || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "Installing $(1) from Debian"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1) >/dev/null; \
		else echo "make $@ needs $(1): sudo apt-get install $(1)"; exit 1; fi; }
endef

# The production stack (docs/deployment.md): nginx on $(HOST):$(PORT) in front of gunicorn, a
# WSGI server (every view is synchronous, and ASGI would add a thread hop per request), on
# 127.0.0.1:$(UPSTREAM_PORT), with factcheck/production.py. nginx keeps answers as their
# Cache-Control allows, limits rates and serves the static files (deploy/nginx.conf); its pid,
# logs and cache go to .serve/. JOB_WORKERS workers run the background jobs beside them. Ctrl-C
# stops them all. Needs SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL in the environment.
WORKERS ?= 2
JOB_WORKERS ?= 1
HOST ?= 127.0.0.1
UPSTREAM_PORT ?= $(shell echo $$(($(PORT) + 1)))
serve: export DJANGO_SETTINGS_MODULE = factcheck.production
serve: install
	$(call debian_package,nginx)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createcachetable
	$(BIN)/python manage.py collectstatic --noinput -v0
	@mkdir -p .serve
	$(BIN)/python deploy/serve.py --listen $(HOST):$(PORT) --upstream 127.0.0.1:$(UPSTREAM_PORT) \
		--workers $(WORKERS) --job-workers $(JOB_WORKERS) --run .serve

# Benchmarks print figures and assert nothing (bench/README.md). The load run needs
# PostgreSQL (a million claims in the database factcheck_bench), wrk and nginx, installed from
# Debian when missing. BENCH_CLAIMS=100000 for a quicker run.
BENCH_CLAIMS ?= 1000000
bench: install
	$(call debian_package,wrk)
	$(call debian_package,nginx)
	$(BIN)/python bench/bench_suggest.py
	$(BIN)/python bench/bench_import.py
	$(BIN)/python bench/bench_api.py
	$(BIN)/python bench/bench_load.py --claims $(BENCH_CLAIMS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Browser tests drive Debian's chromium (Playwright cannot download its own browser here), and
# the HTML check runs the Nu Html Checker, which needs Java. Installed from Debian when missing.
test-tools:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "Installing$$missing for the browser and HTML tests"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		else echo "The tests need:$$missing (sudo apt-get install$$missing)"; exit 1; fi; fi

test: lint test-tools
	$(BIN)/python manage.py check --fail-level WARNING
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python manage.py spectacular --validate --fail-on-warn --file /dev/null
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lock: | $(BIN)/python
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.12 --no-header \
		--custom-compile-command "make lock" -o requirements.lock

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles
