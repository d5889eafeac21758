# Two commands do everything (see README): `make lab` and `make test`.
# Both create a local virtual environment in .venv on first use (only Python >= 3.10 is needed).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# JupyterLab refuses to run as root unless told; containers and CI machines often are root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: setup lab test lint execute clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

setup: $(STAMP)  ## create .venv and install the package with its test tools

lab: $(STAMP)  ## launch JupyterLab on the notebooks
	$(BIN)/jupyter lab --notebook-dir=notebooks $(ROOT_FLAG)

test: $(STAMP)  ## unit tests, doctests, strict nbval on every notebook, lint
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

execute: $(STAMP)  ## re-run every notebook in place, storing fresh outputs (then review the diff!)
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
		--ExecutePreprocessor.record_timing=False --ExecutePreprocessor.store_widget_state=False \
		notebooks/*.ipynb

clean:
	rm -rf $(VENV) build *.egg-info
