"""Production wording of the thirty-sixth held-out set (after its one scoring, production-34), rewritten as invented
passages: an EDGAR holdings table copied one cell per line under two balance dates, a balance-sheet line's "$X, or N
bitcoins", and the hash rate a deployed fleet "could generate" on a day."""
from __future__ import annotations

from tests.transforms.helpers import only_production_record as _one
from transforms.production import parse_production


def test_a_holdings_table_one_cell_per_line_under_two_balance_dates():
    records = parse_production(
        "6 Months Ended\nMar. 31, 2025\n4. BITCOIN\nThe following table presents the Company's bitcoin holdings:\n\n"
        "As of\n\nBitcoin holdings\n\nMarch 31, 2025\n\n \n\nSeptember 30, 2024\n\nNumber of bitcoin held\n\n"
        "9,412\n\n \n\n5,120\n\nCost basis - per bitcoin\n\n$\n\n71,200\n\n$\n\n52,004\n", ticker="EXMP")
    own = records[0]
    assert (own.period_end.isoformat(), own.period_type, own.btc_held) == ("2025-03-31", "quarter", 9412)
    assert [(r.period_end.isoformat(), r.btc_held) for r in records[1:]] == [("2024-09-30", 5120)]


def test_a_balance_sheet_lines_coins_after_or():
    r = _one("Example Mining (NASDAQ: EXMP) Reports Fiscal Fourth Quarter 2021 Results\n"
             "Balance Sheet Highlights as of September 30, 2021\n"
             "·Book Value of Digital Currency: $18.2 million, or 512 bitcoins (fair market value of $22.0 million)\n",
             ticker="CLSK")     # a fiscal year that ends in September
    assert (r.period_end.isoformat(), r.btc_held) == ("2021-09-30", 512)


def test_what_a_deployed_fleet_could_generate_on_the_quarters_last_day_is_its_installed_hash_rate():
    r = _one("Example Mining (NASDAQ: EXMP) Reports Second Quarter 2021 Results\n"
             "Increased the number of total miners deployed to 15,200 miners, which could generate approximately "
             "1.62 EH/s as of June 30, 2021")
    assert r.hashrate_deployed_ehs == 1.62


def test_what_a_fleet_could_generate_once_installed_is_still_a_forecast():
    records = parse_production(
        "Example Mining (NASDAQ: EXMP) Reports Second Quarter 2021 Results\n"
        "The Company mined 310 bitcoin in the quarter. Once installed, the new miners could generate 3.1 EH/s.")
    assert records[0].hashrate_deployed_ehs is None
