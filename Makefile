# planextract: `make run` and `make test` each set everything up from nothing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: run test lint typecheck eval eval-ner bench ner-model system-deps clean help

help:
	@echo "make run    - set up, extract data/raw into data/processed, print the summary"
	@echo "make test   - set up, lint, type-check and run the tests"
	@echo "make eval   - score the sample corpus against its gold (per-field figures)"
	@echo "make bench  - table-layer benchmark against camelot and pdfplumber; OCR character error rate; stage times; trained-NER trial"
	@echo "make eval-ner - the same with the trained organisation NER (planextract run --ner-model)"
	@echo "make ner-model - retrain the organisation NER (extractors/data/org_ner) from tests/data annotations"

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==26.3
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Tesseract with Swedish and Norwegian data, for OCR of scanned pages. Installed when
# missing and we are root with apt; otherwise the pipeline runs and notes that OCR was skipped.
system-deps:
	@if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -q '^swe' && tesseract --list-langs 2>/dev/null | grep -q '^nor'; then \
		true; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing tesseract-ocr (swe, nor) with apt-get"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-swe tesseract-ocr-nor >/dev/null) \
			|| echo "warning: could not install tesseract; scanned pages will not be OCR'd"; \
	else \
		echo "note: tesseract-ocr with swe and nor data is not installed; scanned pages will not be OCR'd (see README)"; \
	fi

run: $(STAMP) system-deps
	$(BIN)/planextract run data/raw --out data/processed

lint: $(STAMP)
	$(BIN)/ruff check pipeline extractors schemas tests bench
	$(BIN)/ruff format --check pipeline extractors schemas tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

test: $(STAMP) system-deps lint typecheck
	SHARED=$(SHARED) $(BIN)/python -m pytest -q -p no:cacheprovider

eval: $(STAMP) system-deps
	SHARED=$(SHARED) $(BIN)/python -m pipeline.evaluation --corpus $(SHARED)/corpus

eval-ner: $(STAMP) system-deps
	SHARED=$(SHARED) $(BIN)/python -m pipeline.evaluation --corpus $(SHARED)/corpus --ner-model

bench: $(STAMP) system-deps
	SHARED=$(SHARED) $(BIN)/python bench/tables.py --corpus $(SHARED)/corpus --out docs/benchmarks.md
	$(BIN)/python bench/ocr_cer.py --corpus $(SHARED)/corpus --out docs/ocr.md
	$(BIN)/python bench/stages.py --corpus $(SHARED)/corpus
	$(BIN)/python bench/stages.py --corpus $(SHARED)/corpus --ner-model
	$(BIN)/python bench/ner_trial.py

ner-model: $(STAMP)
	$(BIN)/python -m extractors.nlp.training.train_org_ner

clean:
	rm -rf $(VENV) data/processed/*/ data/processed/_manifest.json data/processed/report.html
