# Two commands: `make demo` runs the example site with the article,
# `make test` runs every test. Both set up .venv themselves.
PYTHON ?= python3
VENV ?= .venv
# Set WAGTAIL=7.0 (lowest supported) or WAGTAIL=7.4 (long-term support) to test
# against that Wagtail series, in its own VENV (e.g. VENV=.venv-wagtail74).
WAGTAIL ?=
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed$(if $(WAGTAIL),-wagtail-$(WAGTAIL))
PYTEST_ARGS ?=
# pytest-xdist: the suite on every core; PYTEST_WORKERS=0 runs it in one
# process (a debugger, -x). --dist worksteal gives each worker a run of
# consecutive tests and lets an idle one take the tail of another's: each
# worker keeps pytest-django's order (transactional tests, which empty the
# database, after the others) and a module's tests mostly stay together, so
# its module-scoped server (the pull tests' central site) starts once.
PYTEST_WORKERS ?= auto
MANAGE := cd example_project && ../$(BIN)/python manage.py
# The demo's port; the Site's address and printed URLs follow it.
DEMO_PORT ?= 8000

.PHONY: install test test-basepage demo serve lint format migrations-check dist wheel-check openapi-lint bench clean messages screenshots

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,example]" $(if $(WAGTAIL),"wagtail==$(WAGTAIL).*")
	touch $@

# pytest exits 5 when it collected no tests: that is a failure, never a pass.
test: $(STAMP)
	@bash .ci/ensure-chromium
	@bash .ci/ensure-services
	@$(BIN)/python -c "import django, wagtail, os; print('Testing with Django', django.__version__, 'Wagtail', wagtail.__version__, 'on', 'PostgreSQL' if os.environ.get('DATABASE_URL', '').startswith('postgres') else 'SQLite')"
	@$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist worksteal $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing the run"; exit 1; fi; exit $$rc

# The tests marked basepage, on a site whose page model is a custom base page
# (Wagtail 8's WAGTAIL_PAGE_MODEL, tests/settings_basepage.py). Wagtail 8 only.
BASEPAGE_PYTEST_ARGS := --ds=tests.settings_basepage -m basepage
test-basepage:
	@$(MAKE) --no-print-directory test PYTEST_ARGS="$(BASEPAGE_PYTEST_ARGS) $(PYTEST_ARGS)"

demo: $(STAMP)
	$(MANAGE) migrate --noinput
	DEMO_PORT=$(DEMO_PORT) $(MANAGE) setup_demo
	$(MANAGE) runserver 127.0.0.1:$(DEMO_PORT)

# The example site as it runs in production: gunicorn, DEBUG off, static files
# by WhiteNoise; PostgreSQL when DATABASE_URL is set, Redis as the cache when
# REDIS_URL is set, Varnish purged on publish when VARNISH_URL is set.
SERVE_PORT ?= 8000
WORKERS ?= 2
serve: $(STAMP)
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput -v 0
	cd example_project && DEMO_PORT=$(SERVE_PORT) ../$(BIN)/python manage.py setup_demo
	cd example_project && DJANGO_DEBUG=0 ../$(BIN)/gunicorn example_site.wsgi \
		--workers $(WORKERS) --bind 127.0.0.1:$(SERVE_PORT) --access-logfile -

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	# The release workflow cannot run here: validate it against GitHub's schema.
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Compile the interface catalogues (recurrence_content/locale/*/django.po) with
# polib; no GNU gettext needed. A test fails when a committed .mo is stale.
messages: $(STAMP)
	$(BIN)/python scripts/compile_messages.py

# PYTHONPATH: textstat's wheel installs a top-level "tests" package into
# site-packages, which would shadow this checkout's tests/.
# Also on a custom base page model (Wagtail 8 and later), where the page
# types' migrations point at it instead of wagtailcore.Page.
migrations-check: $(STAMP)
	PYTHONPATH=$(CURDIR) DJANGO_SETTINGS_MODULE=tests.settings $(BIN)/django-admin makemigrations --check --dry-run recurrence_content testapp
	if $(BIN)/python -c "import wagtail.test.basepage" 2>/dev/null; then \
		PYTHONPATH=$(CURDIR) DJANGO_SETTINGS_MODULE=tests.settings_basepage $(BIN)/django-admin makemigrations --check --dry-run recurrence_content testapp; \
	else echo "No custom base page models before Wagtail 8: skipped that check"; fi
	$(MANAGE) makemigrations --check --dry-run

# A release: the sdist and the wheel in dist/, checked as PyPI will render
# them. The release workflow (.github/workflows/release.yml) runs this on a tag.
dist: $(STAMP)
	rm -rf dist
	$(BIN)/python -m build --outdir dist . > /dev/null
	$(BIN)/twine check --strict dist/*
	@ls -l dist

# The wheel installed into a fresh `wagtail start` site on each supported
# Wagtail series, by the README's install steps alone.
wheel-check: dist
	bash .ci/wheel-check dist/*.whl

# Spectral (npm, installed by the script) on the feed's OpenAPI document;
# fails on errors.
openapi-lint: $(STAMP)
	bash .ci/openapi-lint $(BIN)/python

# The README's screenshots (docs/screenshots/*.png), taken with Debian's
# Chromium from the example site in a throwaway database.
screenshots: $(STAMP)
	@bash .ci/ensure-chromium
	cd example_project && ../$(BIN)/python ../scripts/screenshots.py

bench: $(STAMP)
	@bash .ci/ensure-wrk
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .venv-* dist build .pytest_cache
