# gluon-rnn-notebooks: `make lab` to learn, `make test` to check everything.
# Variables: PYTHON (interpreter to build the venv from), MXNET (mxnet or
# mxnet-cu117 / mxnet-cu112), DEVICE (auto, cpu or gpu), NB (notebooks).

PYTHON ?= $(shell for p in python3.11 python3.10 python3.9 python3.8 python3; do \
            command -v $$p >/dev/null 2>&1 && { echo $$p; break; }; done)
VENV ?= .venv
MXNET ?= mxnet
DEVICE ?= auto
NB ?= $(sort $(wildcard notebooks/*.ipynb))
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(MXNET)
export GLUON_RNN_DEVICE := $(DEVICE)

.PHONY: help setup lab html test execute benchmark robustness clean

help:
	@echo "make lab      set up .venv and open the notebooks in JupyterLab"
	@echo "make html     set up, run every notebook headless, write build/html/*.html"
	@echo "make test     set up, run pytest on utils/ and nbval on every notebook"
	@echo "make execute  re-run notebooks in place to refresh their saved outputs (NB=...)"
	@echo "make benchmark  time the four LSTM implementations of notebook 10 (build/benchmarks/)"
	@echo "make robustness  run the notebooks' asserts under seed shifts x CPU code paths (NB=, SHIFTS=, PATHS=)"
	@echo "options: MXNET=mxnet-cu117 (GPU build), DEVICE=cpu|gpu|auto, PYTHON=python3.11"

setup: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	@$(or $(PYTHON),python3) tools/check_python.py
	$(PYTHON) -m venv $(VENV)
	@rm -f $(VENV)/.installed-*
	$(BIN)/python -m pip uninstall --quiet --yes mxnet mxnet-cu112 mxnet-cu117 >/dev/null 2>&1 || true
	sed 's/^mxnet==/$(MXNET)==/' requirements.txt > $(VENV)/requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r $(VENV)/requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

lab: $(STAMP)
	$(BIN)/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) notebooks/

html: $(STAMP)
	$(BIN)/jupyter nbconvert --to html --execute --ExecutePreprocessor.timeout=600 \
	    --output-dir build/html $(NB)
	@echo "Open build/html/*.html in a browser."

test: $(STAMP)
	$(BIN)/python -m pytest

execute: $(STAMP)
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
	    --ExecutePreprocessor.timeout=600 $(NB)

benchmark: $(STAMP)
	$(BIN)/python benchmarks/rnn_benchmark.py

SHIFTS ?= 0 1 2
PATHS ?= default AVX2
robustness: $(STAMP)
	$(BIN)/python tools/robustness.py --shifts $(SHIFTS) --paths $(PATHS) --busy $(NB)

clean:
	rm -rf $(VENV) build
