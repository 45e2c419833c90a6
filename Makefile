# The developer commands of eitkg. A fresh clone needs only `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STORE  ?= .eitkg/store
HOST   ?= 127.0.0.1
PORT   ?= 8000
BASE_IRI ?= http://localhost:$(PORT)/
PYTEST_ARGS ?=

.PHONY: run test lint fmt setup assets vocab demo bench check-ontology clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

## system packages (Java for HermiT, Chromium and roqet for the tests, npm for the bundles)
$(VENV)/.system: tools/install_system_deps.sh | $(BIN)/python
	bash tools/install_system_deps.sh
	touch $@

## front-end bundles (YASGUI, Leaflet) from the npm registry, into the package
assets: $(VENV)/.system
	bash tools/build_assets.sh

setup: $(VENV)/.installed $(VENV)/.system assets

## run: set up, build the store from data/ (ontology, vocabularies, demo territory), serve it
run: setup
	$(BIN)/eitkg --store $(STORE) --base-iri $(BASE_IRI) init --demo
	$(BIN)/eitkg --store $(STORE) --base-iri $(BASE_IRI) stats
	$(BIN)/eitkg --store $(STORE) --base-iri $(BASE_IRI) serve --host $(HOST) --port $(PORT)

## test: set up, check the layers and style, run the whole suite
test: setup
	$(BIN)/lint-imports
	$(BIN)/ruff check src tests tools bench
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)

## lint: layers, style and types
lint: setup
	$(BIN)/lint-imports
	$(BIN)/ruff check src tests tools bench
	$(BIN)/ruff format --check src tests tools bench
	$(BIN)/mypy

fmt: setup
	$(BIN)/ruff format src tests tools bench
	$(BIN)/ruff check --fix src tests tools bench

## vocab: regenerate data/vocab/*.ttl from the official lists in ../shared/data/vocab
vocab: setup
	$(BIN)/python tools/build_vocab.py --source ../shared/data/vocab --out data/vocab

## demo: regenerate data/demo from its seeded generator
demo: setup
	$(BIN)/python tools/make_demo.py --out data/demo

check-ontology: setup
	$(BIN)/eitkg check-ontology

## bench: load benchmark (eitkg vs raw pyoxigraph vs rdflib); SIZES=1000,10000,100000
bench: setup
	$(BIN)/python bench/load.py

clean:
	rm -rf $(VENV) .eitkg .pytest_cache .mypy_cache .ruff_cache build dist
