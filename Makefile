# The few commands the README names. `make run` and `make test` each do all the set-up.

PYTHON_SYSTEM ?= python3
VENV := .venv
PYTHON := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000

.PHONY: install run test test-on-s3-and-redis lint format messages

$(VENV)/.installed: requirements/dev.txt
	$(PYTHON_SYSTEM) -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/dev.txt
	touch $@

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Each step runs again only when its inputs changed (a stamp file newer than them): a second
# `make test` starts at once.
CATALOGUES := $(wildcard locale/*/LC_MESSAGES/django.po)
STATIC_FILES := $(shell find static -type f 2>/dev/null)

.stamps/messages: $(CATALOGUES) $(VENV)/.installed
	mkdir -p .stamps
	$(PYTHON) manage.py compilemessages --ignore=$(VENV) -v 0
	touch $@

.stamps/collected: $(STATIC_FILES) node_modules/.installed $(VENV)/.installed
	mkdir -p .stamps
	$(PYTHON) manage.py collectstatic --noinput -v 0
	touch $@

install: $(VENV)/.installed
	bin/install-system-packages
	$(MAKE) --no-print-directory node_modules/.installed .stamps/messages .stamps/collected

# The worker sends e-mails queued in the background (messages to delegates) beside the server;
# the links in the e-mails point to the address served, unless SITE_URL says otherwise.
run: export SITE_URL ?= http://$(HOST)
run: install
	$(PYTHON) manage.py migrate --noinput
	$(PYTHON) manage.py load_demo
	$(PYTHON) manage.py db_worker --no-startup-delay & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PYTHON) manage.py runserver $(HOST)

# The suite runs in one process for each core (pytest-xdist), each with its own test database,
# live server, Redis database and bucket; TEST_WORKERS=0 runs it in this one.
TEST_WORKERS ?= auto

test: install
	bin/install-system-packages --browser
	$(VENV)/bin/pytest -n $(TEST_WORKERS)

# The tests of the shared parts again, as several servers run them: files in a bucket of an
# S3-compatible server on localhost, every cache in the machine's Redis.
test-on-s3-and-redis: install
	bin/install-system-packages --browser
	bin/test-on-s3-and-redis -n $(TEST_WORKERS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PYTHON) manage.py makemigrations --check --dry-run

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Extract interface strings into the catalogues of the four languages' translations.
messages: install
	$(PYTHON) manage.py makemessages --ignore=$(VENV) --ignore=staticfiles --no-obsolete -l fr -l es -l ar
