# gluon-rnn-notebooks: `make lab` to learn, `make test` to check everything,
# `make book` to read it as a website.
# Variables: PYTHON (interpreter to build the venv from), MXNET (mxnet or
# mxnet-cu117 / mxnet-cu112), DEVICE (auto, cpu or gpu), NB (notebooks), JOBS (test workers),
# UPGRADE=1 (make lock: move every unpinned package to its newest version).

PYTHON ?= $(shell for p in python3.11 python3.10 python3.9 python3.8 python3; do \
            command -v $$p >/dev/null 2>&1 && { echo $$p; break; }; done)
VENV ?= .venv
MXNET ?= mxnet
DEVICE ?= auto
NB ?= $(sort $(wildcard notebooks/*.ipynb))
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(MXNET)
PIP := $(BIN)/python -m pip --quiet --disable-pip-version-check
# The lock is made by uv, installed on demand into build/lock-tools (not into .venv).
UV_VERSION := 0.13.9
LOCK_TOOLS := build/lock-tools
MXNET_VERSION = $(shell sed -n 's/^mxnet==//p' requirements.in)
export GLUON_RNN_DEVICE := $(DEVICE)

.PHONY: help setup lab book book-check test execute benchmark robustness robustness-report translate lock clean

help:
	@echo "make setup    create .venv and install exactly the lock (requirements.txt)"
	@echo "make lab      set up .venv and open the notebooks in JupyterLab"
	@echo "make book     set up, build the website of the collection (English and, when translated,"
	@echo "              Chinese in build/book/zh/; BOOK_LANG=en|zh for one) from the committed"
	@echo "              notebooks (no re-execution) into build/book/; open build/book/index.html"
	@echo "make book-check  build the book and test every page in headless Chromium, offline"
	@echo "make test     set up, run pytest on utils/, the book (if Chromium is installed)"
	@echo "              and the lock, and nbval on every notebook"
	@echo "make execute  re-run notebooks in place to refresh their saved outputs (NB=...)"
	@echo "make benchmark  time the four LSTM implementations of notebook 11 (build/benchmarks/)"
	@echo "make robustness  run notebooks and solutions under seed shifts x CPU paths x threads and"
	@echo "              write docs/robustness.md (NB_ROBUST=, SHIFTS=, PATHS=, THREADS=; MISSING=1:"
	@echo "              only what has no saved run of the current code on this CPU, to resume)"
	@echo "make translate  refresh the Chinese catalogs (zh/po/) from the English, write the Chinese"
	@echo "              notebooks of the complete ones (zh/), list what needs translating (START=..., ONLY=...)"
	@echo "make lock     regenerate requirements.txt (the hashed lock) from requirements.in"
	@echo "make clean    remove .venv and build/"
	@echo "options: MXNET=mxnet-cu117 (GPU build), DEVICE=cpu|gpu|auto, PYTHON=python3.11, JOBS=2 (test workers)"

setup: $(STAMP)

# Installs exactly the lock (every package pinned with its hashes); with MXNET=mxnet-cu117
# the CPU mxnet entry is swapped for the hashed entry of requirements-mxnet-cu117.txt.
$(STAMP): requirements.txt $(wildcard requirements-$(MXNET).txt) pyproject.toml
	@$(or $(PYTHON),python3) tools/check_python.py
	$(PYTHON) -m venv $(VENV)
	@rm -f $(VENV)/.installed-*
	$(PIP) uninstall --yes mxnet mxnet-cu112 mxnet-cu117 >/dev/null 2>&1 || true
	$(BIN)/python tools/lock_variant.py $(MXNET) > $(VENV)/requirements.txt
	$(PIP) install --require-hashes --no-deps -r $(VENV)/requirements.txt
	$(PIP) check
	$(PIP) install --no-deps -e .
	touch $@

lab: $(STAMP)
	$(BIN)/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) notebooks/

BOOK_LANG ?= all
book: $(STAMP)
	$(BIN)/python tools/build_book.py --lang $(BOOK_LANG)
	@echo "Open build/book/index.html in a browser (it works offline)."

# The browser test of the book; unlike `make test`, it fails when Chromium is missing.
book-check: book
	GLUON_RNN_REQUIRE_CHROMIUM=1 $(BIN)/python -m pytest -p no:nbval -o addopts="-p no:cacheprovider" \
	    tests/test_book.py

# One pytest worker per core (JOBS=0: none), each notebook's kernel on one OpenMP thread: the
# collection's small RNNs gain nothing from a second thread (notebook 04: 27 s on one, 35 s on two),
# so two notebooks side by side halve `make test` on 2 cores.
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
test: $(STAMP)
	OMP_NUM_THREADS=$${OMP_NUM_THREADS:-1} $(BIN)/python -m pytest -n $(JOBS) --dist loadfile

execute: $(STAMP)
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
	    --ExecutePreprocessor.timeout=600 $(NB)

benchmark: $(STAMP)
	$(BIN)/python benchmarks/rnn_benchmark.py

# The full grid: seed shifts 0-5 x CPU paths x thread modes, notebooks and worked solutions;
# every run is saved in docs/robustness-runs/ and docs/robustness.md is regenerated from them.
SHIFTS ?= 0 1 2 3 4 5
PATHS ?= default AVX2 SSE41
THREADS ?= 1 all
robustness: $(STAMP)
	$(BIN)/python tools/robustness.py $(NB_ROBUST) --shifts $(SHIFTS) --paths $(PATHS) --threads $(THREADS) \
	    $(if $(MISSING),--missing)

robustness-report: $(STAMP)
	$(BIN)/python tools/robustness.py --report

# The Chinese edition: START=notebooks/00_sequences_and_memory.ipynb opens a new catalog.
translate: $(STAMP)
	$(BIN)/python tools/translate.py --generate $(if $(START),--start $(START)) $(if $(ONLY),--only $(ONLY))

lock:
	$(PYTHON) -m venv $(LOCK_TOOLS)
	$(LOCK_TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(LOCK_TOOLS)/bin/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes \
	    $(if $(UPGRADE),--upgrade) --custom-compile-command "make lock" requirements.in -o requirements.txt
	for build in mxnet-cu117 mxnet-cu112; do \
	    echo "$$build==$(MXNET_VERSION)" | $(LOCK_TOOLS)/bin/uv pip compile --quiet --no-deps \
	        --python-version 3.11 --python-platform x86_64-manylinux_2_28 --generate-hashes \
	        --custom-compile-command "make lock" - -o requirements-$$build.txt || exit 1; \
	done

clean:
	rm -rf $(VENV) build
