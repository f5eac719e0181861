"""tools/check_registry.py: every registry CIK agrees with SEC's company_tickers.json."""
from __future__ import annotations

import json

import pytest

from extractors.edgar.registry import load_registry
from tools.check_registry import TICKERS_FILE, check, load_company_tickers, main, shared_dir


@pytest.fixture
def company_tickers_path():
    shared = shared_dir()
    if shared is None or not (shared / TICKERS_FILE).exists():
        pytest.skip("../shared/real-samples/sec/company_tickers_2025-12.json is absent")
    return shared / TICKERS_FILE


def test_every_registry_cik_matches_sec(company_tickers_path):
    errors, _ = check(load_registry(), load_company_tickers(company_tickers_path))
    assert errors == []
    assert main(["--tickers", str(company_tickers_path)]) == 0


def test_a_wrong_cik_is_reported(tmp_path):
    # A hand-made file in the real company_tickers.json shape (no ../shared needed).
    tickers = {"0": {"cik_str": 1878848, "ticker": "IREN", "title": "IREN Ltd"},
               "1": {"cik_str": 1839341, "ticker": "CORZ", "title": "Core Scientific, Inc./tx"}}
    path = tmp_path / "company_tickers.json"
    path.write_text(json.dumps(tickers))
    registry = tmp_path / "miners.csv"
    registry.write_text("ticker,cik,name,filer_type,fiscal_year_end,cadence,notes\n"
                        "CORZ,0001878848,Core Scientific,8-K,1231,quarterly:..,\n"
                        "ZZZZ,0001839341,Nobody,8-K,1231,monthly:..,\n")
    errors, warnings = check(load_registry(registry), load_company_tickers(path))
    assert errors == ["CORZ: registry CIK 0001878848, SEC says 0001839341 (Core Scientific, Inc./tx)",
                      "ZZZZ: not in company_tickers.json (that CIK belongs to CORZ)"]
    assert main(["--tickers", str(path), "--registry", str(registry)]) == 1


def test_missing_tickers_file_exits_2(tmp_path):
    assert main(["--tickers", str(tmp_path / "absent.json")]) == 2
