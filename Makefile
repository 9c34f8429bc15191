# geoevents — `make demo` and `make test` work on a fresh machine (see README).
VENV    ?= .venv
PYTHON  ?= python3
PY      := $(VENV)/bin/python
GEO     := $(VENV)/bin/geoevents
STAMP   := $(VENV)/.installed
SEEDS   := $(wildcard seeds/*.txt)

.PHONY: install demo test lint bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

install: $(STAMP)

## demo: build the gazetteer and geocode the place names of the seed articles
demo: install
	$(GEO) gazetteer build --if-missing
	$(GEO) gazetteer info
	@for name in Jenin "Gaza Strip" Gaza Israel Egypt Moscow Iran "Middle East" Africa; do \
		$(GEO) geocode "$$name" --limit 1; \
	done
	$(GEO) reverse 31.50 34.47

## test: install and run the whole suite
test: install
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check geoevents tests benchmarks
	$(VENV)/bin/mypy geoevents

bench: install
	$(PY) benchmarks/bench_gazetteer.py

clean:
	rm -rf $(VENV) build dist *.egg-info
