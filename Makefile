# Tavle: two commands on a fresh machine with Python 3.11.
#   make run   start the app on http://localhost:8501 (SQLite in data/)
#   make test  install what the tests need, lint, run the tests

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501
# Debian packages the tests drive: a real browser, PDF rendering, a database server, fonts,
# and the reverse proxy of deploy/ (tests/test_n_servers_browser.py runs two servers behind it).
DEBIAN_PACKAGES := chromium poppler-utils postgresql fonts-dejavu-core nginx
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test lint bench debian-packages clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime-installed: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime-installed $@

run: $(VENV)/.runtime-installed
	mkdir -p data
	$(PY) -m db init
	$(PY) -m streamlit run app/server/web_server.py --server.port $(PORT) --browser.gatherUsageStats false

debian-packages:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	[ -x /usr/sbin/nginx ] || missing="$$missing nginx"; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

lint: $(VENV)/.dev-installed
	$(PY) -m ruff check .

# Tests without a browser run on every core, a file to a worker; browser tests run one at a time
# after them, since each drives a Streamlit server and a Chromium that a loaded machine slows
# past their waits. Both parts always run; either failing fails the target.
test: $(VENV)/.dev-installed debian-packages lint
	@status=0; \
	$(PY) -m pytest -m "not browser" -n auto --dist loadfile || status=1; \
	$(PY) -m pytest -m browser || status=1; \
	exit $$status

bench: $(VENV)/.runtime-installed
	@for f in bench/*.py; do echo "== $$f"; $(PY) $$f; done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache test-artefacts
