# Two commands do everything (see README): `make lab` and `make test`.
# Both create a local virtual environment in .venv on first use (only Python >= 3.10 is needed).
# `make test-matrix` re-runs the tests (without the browser ones) on Python 3.10 with the newest
# dependencies, on Python 3.13 with the versions of the Pyodide release the in-browser lessons run,
# and on the oldest allowed ones, in environments under .matrix/ (needs those Pythons, e.g. from
# pyenv). `make site` builds the course website into build/site. `make help` lists every target.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The course's Jupyter settings (JUPYTER_CONFIG_PATH=tools/jupyter/config, JUPYTER_PATH=tools/jupyter/data:
# saves store slider panels as pictures, Voilà renders offline) and --allow-root as root are set by
# tools/course.py for `make lab` and `make explore`; the browser tests take them from there too.

.PHONY: help setup lab reset test quick test-matrix lint execute copies clean bench explore slides browser mutation release release-links pdf site frontend npm

# The browser tests drive Debian's Chromium (never a Playwright-downloaded browser). Override the
# path for other systems with KL_CHROMIUM=/path/to/chromium (the tests read the same variable).
CHROMIUM := $(or $(KL_CHROMIUM),/usr/bin/chromium)

# setup, lab, explore, test, quick and reset run tools/course.py, the entry point that also works
# without make (Windows): `python tools/course.py lab`. It writes $(STAMP) after installing.
$(STAMP): pyproject.toml
	$(PYTHON) tools/course.py setup

setup: $(STAMP)  ## create .venv and install the package with its test and site tools

lab: $(STAMP)  ## launch JupyterLab on your work copies in work/ (created on first use, never overwritten)
	$(BIN)/python tools/course.py lab

NB ?=
reset: ## put the current version of one lesson in work/, old copy to work/backups/: make reset NB=03
	$(PYTHON) tools/course.py reset $(NB)

# The Chromium install (`browser`) stays here: it needs apt-get and root, which course.py never uses.
test: $(STAMP) browser frontend  ## unit tests, doctests, strict nbval, real-browser tests (the website too), lint
	$(BIN)/python tools/course.py test

test-matrix: $(STAMP) frontend  ## tests without browser: py3.10 newest, py3.13 at the Pyodide release's versions, oldest deps
	$(BIN)/python tools/run_matrix.py

quick: $(STAMP)  ## the everyday subset: lint, unit tests and doctests (no notebooks, no browser), ~2-3 min
	$(BIN)/python tools/course.py test tests kl_helpers --ignore=tests/browser -q

execute: $(STAMP)  ## re-run every notebook in place, storing fresh outputs (then review the diff!)
	$(BIN)/python tools/store_outputs.py notebooks/*.ipynb notebooks/solutions/*.ipynb notebooks/zh/*.ipynb notebooks/zh/solutions/*.ipynb

copies: $(STAMP)  ## teacher copies: each lesson with its worked solutions in place, in teacher/ (generated)
	$(BIN)/python tools/copies.py teacher

pdf: $(STAMP) browser npm  ## printable PDFs (lessons, course, cheat sheet, teacher copies) in build/pdf/, offline
	KL_CHROMIUM=$(CHROMIUM) $(BIN)/python tools/make_pdf.py

site: $(STAMP) frontend  ## build the course website and its JupyterLite deployment into build/site (no re-execution)
	$(BIN)/python tools/build_site.py

# Every npm asset (MathJax, Pyodide's package list, reveal.js, jQuery, axe-core) comes from npm at
# build time into build/npm, never committed (tools/frontend.py, the one npm installer).
frontend: $(STAMP) npm  ## install the front-end assets from npm into build/npm when missing
	$(BIN)/python tools/frontend.py

npm:  ## make sure npm is there for the front-end assets (installs it with apt-get as root, like Chromium)
	@if command -v npm >/dev/null; then \
		echo "front-end assets come from $$(command -v npm)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing Debian's npm for the front-end assets"; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; } \
			|| echo "apt-get could not install npm: tools/frontend.py will report it"; \
	else \
		echo "npm not found: install it (Debian/Ubuntu: sudo apt-get install npm; or https://nodejs.org)"; \
	fi

# Pin a release everywhere (tools/set_release.py, standard library only): the package version, the
# tag in tools/course_settings.json that the launch links use, and every notebook's install cell.
VERSION ?=
release: $(STAMP)  ## prepare a release: make release VERSION=0.2.0 (changelog, pin, full tests, wheel, site)
	$(BIN)/python tools/release.py $(VERSION)

release-links:  ## pin a release: make release-links VERSION=v0.2.0 (version, launch links, install cells)
	$(PYTHON) tools/set_release.py $(VERSION)

browser:  ## make sure Chromium is there for the browser tests (installs it with apt-get as root)
	@if [ -x "$(CHROMIUM)" ]; then \
		echo "browser tests use $(CHROMIUM)"; \
	elif [ -z "$(KL_CHROMIUM)" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing Debian's chromium for the browser tests"; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
			|| echo "apt-get could not install chromium: the browser tests will report it"; \
	else \
		echo "Chromium not found at $(CHROMIUM): install it (Debian/Ubuntu: sudo apt-get install chromium)"; \
		echo "or point KL_CHROMIUM at a Chromium binary. Without it the browser tests skip (fail when CI=true)."; \
	fi

bench: $(STAMP)  ## time slider updates and kl_divergence on 10^7 entries vs scipy (reports, not tests)
	$(BIN)/python benchmarks/bench_panels.py
	$(BIN)/python benchmarks/bench_kl.py

explore: $(STAMP)  ## serve the explorer dashboard (notebooks/explorer.ipynb) with Voila, code hidden
	$(BIN)/python tools/course.py explore

# A lesson as a reveal.js deck with live panels, projector setting on, offline (tools/slides.py;
# reveal.js and jQuery come from npm into build/npm at first use). NB defaults to 03 here.
slides: $(STAMP) npm  ## serve a lesson as slides with live panels: make slides NB=03 (Chinese: ZH=1)
	$(BIN)/python tools/slides.py $(or $(NB),03) $(if $(ZH),--zh)

# Mutation testing of the numerical core (configuration: [tool.mutmut] in pyproject.toml). Slow, so
# not part of `make test` or CI; see CONTRIBUTING.md. Starts afresh each time (mutmut keeps results
# in mutants/ and would otherwise reuse them); MUTANTS='kl_helpers.divergence.*' runs one module.
MUTANTS ?=
mutation: $(STAMP)  ## mutation-test the numerical core and the checkers with mutmut (slow: ~40 min on 2 cores)
	$(BIN)/python -c "import mutmut, mpmath" 2>/dev/null || $(BIN)/python -m pip install --quiet "mutmut>=3.8" mpmath
	rm -rf mutants
	$(BIN)/mutmut run --max-children 2 $(MUTANTS)
	$(BIN)/python tools/mutation_summary.py

clean:  ## remove .venv, the .matrix environments, mutmut's mutants/ and build files
	rm -rf $(VENV) .matrix mutants build *.egg-info

help:  ## list the targets
	@awk -F ':.*## ' '/^[a-z-]+:.*## / { printf "  make %-12s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)
