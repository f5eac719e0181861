"""Production wording from the eleventh and twelfth held-out sets (scored once at 62d3995: 127/144 = 88.2 % and
111/136 = 81.6 %, then development data); passages invented here in the same layouts: a one-column key-metrics
table copied one cell per line under a "Key metrics" caption, rows grouped under a heading that the row labels
leave out ("- Bitcoin" / "- Mined, net"), a glued row that kept some of its spaces, a results lead for "the fourth
quarter and fiscal year ended", and a news headline's bare "Q3" beside the lead's stated quarter."""
from __future__ import annotations

from transforms.production import parse_production


def test_a_one_column_key_metrics_table_one_cell_per_line():
    rec = parse_production(
        "Exhibit 99.1\n\nExample Energy August Investor Update\n\nKey metrics2\nAug-23\n \nAverage operating hashrate "
        "(PH/s)\n4,812\n \nBitcoin mined\n388\n \nMining revenue (US$'000)\n10,122\n", ticker="EXEN")[0]
    assert rec.period_end.isoformat() == "2023-08-31"
    assert (rec.btc_produced, rec.hashrate_operating_ehs) == (388, 4.812)


def test_rows_grouped_under_a_heading_their_labels_leave_out():
    recs = parse_production(
        "Example Funding Provides Bitcoin Mining Update for Month Ended September 30, 2025\n"
        "TAMPA, Fla., Oct. 08, 2025 (GLOBE NEWSWIRE) -- Example Funding, Inc. (NASDAQ: EXLF) today announced its "
        "preliminary, unaudited Bitcoin mining update for the month ended September 30, 2025.\n"
        "Metric August 2025 September 2025 - Bitcoin2 - Mined, net 6.1\n6.4\n- Sold (8.0)\n(11.5)\n- Bitcoin HODL 290.2\n"
        "285.1\n- Hashrate (EH/s2) - Energized 0.41\n0.63\n- Monthly Average 0.35\n0.44\n")
    own = recs[0]
    assert own.period_end.isoformat() == "2025-09-30"
    assert (own.btc_produced, own.btc_sold, own.btc_held, own.hashrate_deployed_ehs, own.hashrate_operating_ehs) == (
        6.4, 11.5, 285.1, 0.63, 0.44)


def test_a_glued_row_that_kept_some_spaces():
    rec = parse_production(
        "Example 3D Corp. Provides November 2023 Production and Operation Updates\nToronto, Ontario--(Newsfile Corp. - "
        "December 5, 2023) - Example 3D Corp. (NASDAQ: EXTD) is providing results of its Bitcoin mining operation for "
        "Nov 2023.\nMetricsNov 2022Oct 2023Nov 2023\nBitcoin Mined10.3 64.266.7\nBitcoin Sold4.9 71.362.0\n")[0]
    assert rec.period_end.isoformat() == "2023-11-30"
    assert (rec.btc_produced, rec.btc_sold) == (66.7, 62.0)


def test_the_fourth_quarter_and_fiscal_year_ended():
    rec = parse_production(
        "Fort Lauderdale, FL, Feb. 28, 2024 (GLOBE NEWSWIRE) -- Example Digital Holdings, Inc. (NASDAQ: EXDH) reported its "
        "financial and operational results for the fourth quarter and fiscal year ended December 31, 2023.\n\"The year "
        "was capped with a record fourth quarter, during which we produced 3,912 bitcoin,\" said the CEO.")[0]
    assert (rec.period_end.isoformat(), rec.period_type) == ("2023-12-31", "quarter")


def test_a_news_headlines_bare_quarter_yields_to_the_leads_stated_quarter():
    rec = parse_production(
        "07:35:11 EDT Tue 07 May 2024\nEnter Symbol\nor Name\nUSA\nCA\nExample Digital Technologies Ltd\nSymbol EXDT\n"
        "Example loses $5.1M (U.S.) from continuing ops in Q3\n2024-02-13 01:25 ET - News Release\nExample Digital "
        "Technologies Ltd. has released its earnings report for the third quarter ended Dec. 31, 2023.\nExample achieved "
        "revenue of $28.4-million this quarter by mining 812 bitcoin.")[0]
    assert (rec.period_end.isoformat(), rec.period_type) == ("2023-12-31", "quarter")
