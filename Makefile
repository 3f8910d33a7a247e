# Two commands a newcomer needs: `make run` and `make test`. Both set up everything they use.
PYTHON ?= python3
VENV := .venv
PORT ?= 8501
PY := $(VENV)/bin/python

.PHONY: run test validate browser haproxy serve-replicas bench-replicas bench-first-chart messages clean

$(VENV)/installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt -r requirements-dev.txt
	touch $@

run: $(VENV)/installed
	$(PY) -m conflictdesk validate
	$(PY) -m streamlit run app.py --server.port $(PORT)

# Two workers: the browser tests stay together on one (one Chromium, one server per kind), the rest share both.
test: $(VENV)/installed browser
	$(PY) -m pytest -n 2 --dist loadgroup

validate: $(VENV)/installed
	$(PY) -m conflictdesk validate

# The browser tests need Chromium: Debian's package when we can install it, else Playwright's own;
# the replica test needs HAProxy (Debian's package).
browser: $(VENV)/installed haproxy
	sh scripts/ensure_chromium.sh $(PY)

haproxy:
	sh scripts/ensure_haproxy.sh

# N replicas of the app behind HAProxy on http://localhost:$(PORT), one database built once (deploy/replicas.py).
N ?= 2
PORT ?= 8501
HOST ?= 127.0.0.1
serve-replicas: $(VENV)/installed haproxy
	$(PY) -m conflictdesk validate
	$(PY) deploy/replicas.py --replicas $(N) --port $(PORT) --host $(HOST)

# Benchmarks through the balancer (results in bench/README.md).
bench-replicas: $(VENV)/installed haproxy
	$(PY) bench/load_test.py --sessions 25 --seconds 60 --replicas 1,2 --kill-midway

bench-first-chart: $(VENV)/installed browser
	$(PY) bench/first_chart.py

# The catalogues follow the code: extract every marked string (babel.cfg) into a template kept out of git,
# then add new msgids to each conflictdesk/locale/<lang>/LC_MESSAGES/messages.po (translations kept; untranslated
# ones have an empty msgstr: fill them in, then `pytest tests/test_i18n.py` says what is still missing).
POT := .cache/messages.pot
messages: $(VENV)/installed
	mkdir -p .cache
	$(VENV)/bin/pybabel extract -F babel.cfg --no-default-keywords -k _ -k ngettext:1,2 -k N_ -k NP_:1,2 \
		--no-location --sort-output --omit-header --no-wrap -o $(POT) .
	$(VENV)/bin/pybabel update -i $(POT) -d conflictdesk/locale -D messages --no-fuzzy-matching --no-wrap \
		--ignore-obsolete

clean:
	rm -rf $(VENV) .pytest_cache tests/e2e/screenshots
