# Two commands a newcomer needs: `make run` and `make test`. Both set up everything they use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test validate browser clean

$(VENV)/installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt -r requirements-dev.txt
	touch $@

run: $(VENV)/installed
	$(PY) -m conflictdesk validate
	$(PY) -m streamlit run app.py

# Two workers: the browser tests stay together on one (one Chromium, one server per kind), the rest share both.
test: $(VENV)/installed browser
	$(PY) -m pytest -n 2 --dist loadgroup

validate: $(VENV)/installed
	$(PY) -m conflictdesk validate

# The browser tests need Chromium: Debian's package when we can install it, else Playwright's own.
browser: $(VENV)/installed
	sh scripts/ensure_chromium.sh $(PY)

clean:
	rm -rf $(VENV) .pytest_cache tests/e2e/screenshots
