# minerwatch: `make demo` (offline backfill + refresh into data/) and `make test` (the whole suite).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export PREFECT_HOME ?= $(CURDIR)/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED := false
DEMO_DB ?= data/minerwatch.duckdb

.PHONY: demo test test-fast bench bench-quick install clean snapshot sec-snapshot docs report

$(BIN)/minerwatch: pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null || { echo "needs $(PYTHON)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -qq --disable-pip-version-check -c constraints.txt -e '.[test]'
	@touch $@

install: $(BIN)/minerwatch

demo: install
	@echo "== offline backfill (history up to 2025-12-31), then the nightly refresh =="
	MINERWATCH_DB=$(DEMO_DB) $(BIN)/minerwatch backfill --start 2009-01-03 --end 2025-12-31 --offline
	MINERWATCH_DB=$(DEMO_DB) $(BIN)/minerwatch refresh --offline
	@echo "== what was loaded =="
	MINERWATCH_DB=$(DEMO_DB) $(BIN)/minerwatch status
	@echo "== example query =="
	MINERWATCH_DB=$(DEMO_DB) $(BIN)/minerwatch sql "select day, difficulty, btc_price_usd, round(hashprice_usd_per_ph_day, 2) as hashprice_usd_per_ph_day from marts.hashprice_daily where day = '2025-11-22'"
	MINERWATCH_DB=$(DEMO_DB) $(BIN)/minerwatch sql "select quarter_end, round(total_debt_usd / 1e9, 2) as total_debt_bn, round(new_issuance_usd / 1e9, 2) as new_issuance_bn, miners_reporting from marts.industry_debt_quarterly order by quarter_end"
	@echo "== where a figure came from, and the report =="
	MINERWATCH_DB=$(DEMO_DB) $(BIN)/minerwatch explain marts.miner_production ticker=RIOT period_end=2025-12-31 --metric btc_sold
	MINERWATCH_DB=$(DEMO_DB) $(BIN)/minerwatch report

# docs/data_dictionary.md from the marts' COMMENTs (the code's schema; no data needed).
docs: install
	$(BIN)/minerwatch docs --schema-only --out docs/data_dictionary.md

# The HTML report of the demo warehouse (after `make demo`).
report: install
	MINERWATCH_DB=$(DEMO_DB) $(BIN)/minerwatch report

test: install
	$(BIN)/python -m pytest

test-fast: install
	$(BIN)/python -m pytest -m "not slow"

# Issue 7's measurements against a generated scale corpus (data/bench/, ~1.5 h on 2 cores): writes
# benchmarks/RESULTS.md. bench-quick: small corpora, 3 runs, writes data/bench/RESULTS-quick.md.
bench: install
	$(BIN)/python -m benchmarks.run

bench-quick: install
	$(BIN)/python -m benchmarks.run --quick

snapshot: install
	$(BIN)/python tools/build_network_snapshot.py --samples ../shared/real-samples --out snapshot

# The SEC part of the snapshot: generated from tools/sec_snapshot_spec (needs nothing from ../shared).
sec-snapshot: install
	$(BIN)/python tools/build_sec_snapshot.py --out snapshot

clean:
	rm -rf $(VENV) data .prefect .pytest_cache
