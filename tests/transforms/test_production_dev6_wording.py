"""Production wording found in a fifth development set of real updates (sentences and figures invented here,
shaped like them): an RNS header dated the day the release went out, bitcoin "owned" or "in reserve", an
increment "added" before the level it brought capacity to, a hash rate the month "finished at", the
self-mining share of a total with customers' bitcoin, a fiscal quarter of a September year end, a
one-column key-metrics table that alone names the month, and a "Watts/TH" efficiency row."""
from __future__ import annotations

from transforms.production import parse_production


def _own(text: str, ticker: str = "EXMP", **kw):
    records = parse_production(text, ticker=ticker, **kw)
    assert records[0].is_reporting_period
    return records[0]


def test_rns_release_date_is_not_the_period_and_owned_bitcoin_is_held():
    rec = _own("TIDMEXH\n\nRNS Number : 1234A\n\nExample Hash PLC\n\n06 January 2022\n\nDecember 2021 Operational Update\n\n"
               "During the month of December, Example mined 201 Bitcoin or Bitcoin Equivalent (together, BTC) compared to "
               "185 BTC in November. Mining revenue in December amounted to GBP8.31 million [$11.30 million].\n\nAt the end of December, the Company owned 2,510 Bitcoin or Bitcoin Equivalent.\n\n"
               "As of the end of December, Example added an additional 250 PH/s to its total capacity, bringing the "
               "Company's total mining capacity to 1.855 EH/s as of 31 December, 2021.")
    assert rec.period_end.isoformat() == "2021-12-31"
    assert (rec.btc_produced, rec.btc_held, rec.hashrate_deployed_ehs) == (201, 2510, 1.855)


def test_balance_in_reserve_and_the_month_exit_hash_rate():
    rec = _own("Example Mining April 2022 Production Update\n\n5,120 self-mined Bitcoin in reserve following 290 generated "
               "last month\n\n|290 Bitcoin were mined in April 2022\n\nOnce the site resumed operations, hash rate finished "
               "the month at approximately 2.7 exahash per second, up 10% versus March.")
    assert (rec.btc_produced, rec.btc_held, rec.hashrate_deployed_ehs) == (290, 5120, 2.7)


def test_self_mining_share_outranks_a_total_with_customers_bitcoin():
    rec = _own("Example Green reports first quarter 2024 results\n\nExample's datacenter operations produced approximately "
               "380 bitcoin during the first quarter of 2024, of which 250 bitcoin were produced for colocation and 130 "
               "bitcoin were produced for self-mining.\n\nAs of month-end, the Company operated approximately 150,000 ASIC "
               "servers, representing 15.1 EH/s, in its data centers. Example's self-mining operations increased its "
               "hashrate by 5%, from 8.1 EH/s to 8.5 EH/s over the prior quarter.", period="2024-Q1")
    assert rec.btc_produced == 130
    assert rec.hashrate_deployed_ehs == 8.5


def test_fiscal_quarter_of_a_september_year_end():
    rec = _own("VANCOUVER, Feb. 20, 2025 (GLOBE NEWSWIRE) -- DMG Blockchain Solutions Inc. (TSX-V: DMGI) today announces "
               "its fiscal first quarter 2025 financial results.\n\n210 bitcoin mined in the quarter.", ticker="DMGI")
    assert (rec.period_type, rec.period_end.isoformat(), rec.btc_produced) == ("quarter", "2024-12-31", 210)


def test_one_column_key_metrics_table_names_the_month():
    cells = ["Key metrics", "Nov-22", "Average operating hashrate (PH/s)", "4,100", "Bitcoin mined2", "455"]
    rec = _own("|\n" + "\n|\n".join(cells) + "\n|\n\u2022 455 Bitcoin mined (+2% vs. October)\n")
    assert (rec.period_end.isoformat(), rec.btc_produced) == ("2022-11-30", 455)


def test_watts_per_th_efficiency_row_and_a_price_denominator_in_th():
    rec = _own("Example Farms October 2022 Production\n\nRevenue per terrahash/second (TH/s) fell.\n\n"
               "Key Performance Indicators |\nOct. 2022 |\nSept. 2022 |\nTotal BTC Mined |\n480 |\n470 |\n"
               "Month End Operating Hashrate |\n4.1 |\n4.0 |\nWatts/TH Efficiency |\n39 |\n40 |\n")
    assert (rec.btc_produced, rec.hashrate_operating_ehs, rec.efficiency_j_per_th) == (480, 4.1, 39)
