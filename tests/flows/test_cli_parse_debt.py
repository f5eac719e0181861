"""`minerwatch parse debt FILE`: the CLI contract of transforms.debt.parse_for_cli."""
from __future__ import annotations

import json
from pathlib import Path

from flows.cli import EXIT_ERROR, EXIT_OK, main
from transforms.debt import CLI_KEYS

FIXTURES = Path(__file__).parents[1] / "fixtures" / "debt"


def test_parse_debt_prints_one_object_per_instrument(capsys):
    path = FIXTURES / "btdr_2025-11-12_convertible-pricing-repurchase.txt"
    assert main(["parse", "debt", str(path)]) == EXIT_OK
    rows = json.loads(capsys.readouterr().out)
    assert [(r["event"], r["principal_usd"]) for r in rows] == [("priced", 400e6), ("repurchased", 200e6)]
    assert all(tuple(r)[: len(CLI_KEYS)] == CLI_KEYS for r in rows)
    assert rows[0]["maturity_date"] == "2031-11-15" and rows[0]["announced_date"] == "2025-11-12"


def test_parse_debt_with_ticker(capsys):
    path = FIXTURES / "corz_2024-12-03_convertible-pricing.txt"
    assert main(["parse", "debt", str(path), "--ticker", "corz"]) == EXIT_OK
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["ticker"], row["conversion_rate_per_1000_usd"], row["conversion_price_usd"]) == ("CORZ", 44.4587, 22.49)


def test_unreadable_document_exits_non_zero_with_one_line(tmp_path, capsys):
    path = tmp_path / "production.txt"
    path.write_text("Riot Produces 463 Bitcoin in April 2025. Deployed hash rate 33.7 EH/s.")
    assert main(["parse", "debt", str(path)]) == EXIT_ERROR
    err = capsys.readouterr().err.strip()
    assert err.startswith("minerwatch: error: not a debt document") and "\n" not in err
