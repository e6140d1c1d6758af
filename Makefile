# Kazakhstan Digital Nomad Residency: guide + deadline calculator.
# `make` lists the targets. Everything runs inside .venv (Python) and node_modules (Pyodide pin).

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help

.PHONY: help
help: ## Show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

.PHONY: install
install: $(BIN)/.installed node_modules/.installed ## Create .venv and node_modules, compile the message catalogs
	$(BIN)/python -m kb.i18n_catalogs compile

.PHONY: catalog
catalog: $(BIN)/.installed ## Extract the calculator's messages and merge them into the .po catalogs
	$(BIN)/python -m kb.i18n_catalogs update
	@$(BIN)/python -m kb.i18n_catalogs check || echo "Translate the entries above in the .po files, then run make test."

.PHONY: build
build: install ## Build the site into site/ (strict)
	$(BIN)/mkdocs build --strict --quiet

.PHONY: serve
serve: build ## Build, then serve the site at http://127.0.0.1:8000 (PORT=… to change)
	@echo "Serving http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	$(BIN)/python -m kb.serve --port $(PORT) site

.PHONY: lint
lint: install ## ruff (lint + format check) and mypy --strict on calculator/ and kzdata/
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

.PHONY: browser
browser: ## Make sure Debian Chromium is installed (needs root for apt-get)
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium is missing: run 'sudo apt-get install chromium' (Debian) and retry." >&2; exit 1; fi; }

.PHONY: test
test: install browser lint ## Run every test: lint, unit, property, data, CLI, site, Pyodide, browser
	$(BIN)/pytest

.PHONY: bench
bench: install browser ## Run the benchmarks (numbers go to benchmarks/README.md by hand)
	$(BIN)/python benchmarks/engine.py
	$(BIN)/python benchmarks/browser.py

.PHONY: clean
clean: ## Remove generated files (site/, build/, dist/, caches)
	rm -rf site build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis docs/assets/calculator/vendor
