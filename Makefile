# geoevents — `make demo` and `make test` work on a fresh machine (see README).
VENV    ?= .venv
PYTHON  ?= python3
PY      := $(VENV)/bin/python
GEO     := $(VENV)/bin/geoevents
STAMP   := $(VENV)/.installed
SEEDS   := $(wildcard seeds/*.txt)

.PHONY: install demo test lint bench train tune-combination train-acceptance clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

install: $(STAMP)

## demo: build the gazetteer, extract the events of seeds/ and render maps/
# The seed article reports the end of the IDF's Jenin operation (5 July 2023): its
# publication date anchors "May 14", "July 4" and "earlier this month".
SEED_PUBLISHED ?= 2023-07-05
demo: install
	$(GEO) gazetteer build --if-missing
	$(GEO) gazetteer info
	$(GEO) parse $(SEEDS)
	$(GEO) extract $(SEEDS) --published $(SEED_PUBLISHED) -o maps/seed.geojson
	$(GEO) map $(SEEDS) --published $(SEED_PUBLISHED) --title "geoevents: seed article" \
		-o maps/seed.html
	@if [ -x /usr/bin/chromium ]; then \
		GEOEVENTS_MAP_SCREENSHOT=maps/seed_map.png $(PY) -m pytest -q -p no:cacheprovider \
			tests/test_maps_browser.py; \
	else \
		echo "(no /usr/bin/chromium: maps/seed_map.png not refreshed; apt-get install chromium)"; \
	fi
	@echo "maps/seed.html, maps/seed.geojson, maps/seed.places_{points,lines,polygons}.geojson, maps/seed_map.png"

## test: install and run the whole suite
test: install
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check geoevents tests benchmarks
	$(VENV)/bin/mypy geoevents

bench: install
	$(PY) benchmarks/bench_gazetteer.py
	$(PY) benchmarks/bench_parse.py
	$(PY) benchmarks/bench_events.py
	$(PY) benchmarks/bench_stages.py
	$(PY) benchmarks/bench_maps.py
	$(PY) benchmarks/bench_acled.py
	$(PY) benchmarks/bench_batch.py
	$(PY) benchmarks/bench_dedup.py
	$(PY) benchmarks/bench_server.py   # needs wrk (apt-get install wrk)

## train: regenerate the event-type training data and retrain the shipped classifier
train: install
	$(PY) training/event_types/generate.py
	$(PY) training/train_event_types.py --compare

## tune-combination: sweep the constants that combine the typing rules with the classifier
## on the validation files no model is trained on (prints the choice; changes no file)
tune-combination: install
	$(PY) training/tune_combination.py

## train-acceptance: retrain the acceptance model of loose gazetteer matches on variants
## generated from the embedded gazetteer (geoevents/data/models/acceptance.json)
train-acceptance: install
	$(PY) training/acceptance/generate.py

clean:
	rm -rf $(VENV) build dist *.egg-info
