# Two commands on a fresh machine: `make run` and `make test` (see README.md).
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
WORKERS ?= 2
# A phone downloading a meeting PDF holds a thread until its last byte: keep threads for the kiosk.
THREADS ?= 32
export FLASK_APP := wsgi
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test install install-dev system-deps bench

$(BIN)/python:
	python3 -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements-dev.txt $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.dev-installed system-deps

# Debian's Chromium drives the browser tests; zbarimg decodes QR codes from screenshots;
# the PostgreSQL 15 server binaries let the tests start a throw-away cluster; espeak-ng speaks
# the kiosk's "Đọc to" and sox measures what it said.
system-deps:
	@command -v chromium >/dev/null && command -v zbarimg >/dev/null \
		&& [ -x /usr/lib/postgresql/15/bin/initdb ] \
		&& command -v espeak-ng >/dev/null && command -v sox >/dev/null || \
		{ $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium zbar-tools postgresql-15 \
			espeak-ng sox; }

run: install
	$(BIN)/flask db upgrade
	$(BIN)/flask load-seed
	$(BIN)/gunicorn --bind $(HOST):$(PORT) --worker-class gthread --workers $(WORKERS) \
		--threads $(THREADS) --access-logfile - wsgi:app

# The whole suite on SQLite (browser tests included), then again on PostgreSQL.
test: install-dev
	$(BIN)/python -m pytest
	MOTCUA_TEST_DB=postgresql $(BIN)/python -m pytest -m "not browser"

bench: install-dev
	$(BIN)/python bench/run.py
