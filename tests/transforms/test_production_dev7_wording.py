"""Production wording found in a sixth development set of real updates (sentences and figures invented here,
shaped like them): a flattened table whose period headers carry glued footnote lists ("May 20241,2"), headline
bullets wrapped short, a results lead below the bullets that alone names the quarter, "earns" and "mined
bitcoin" for production, a treasury that grows "by X to Y", a subject-less "Increases hashrate to", a fiscal
quarter that only a date tells apart, quarters named in comparisons or forecasts, holdings "now at" a bare
figure, "At N BTC, ... reserves", and an exhibit cut below its dateline that names only "December"."""
from __future__ import annotations

from transforms.production import parse_production


def _own(text: str, ticker: str = "EXMP", **kw):
    records = parse_production(text, ticker=ticker, **kw)
    assert records[0].is_reporting_period
    return records[0]


def test_flattened_table_with_footnote_lists_glued_to_the_column_years():
    rec = _own("Example Platforms announces unaudited production for March 2025.\n\nComparison (%) Metric March 20251,2 "
               "February 20252 March 2024 Month/Month Year/Year Bitcoin Produced 310 295 420 5% -26% Bitcoin Held3 "
               "12,040 11,730 8,100 3% 49% Deployed Hash Rate - North3 20.1 EH/s 19.8 EH/s 12.0 EH/s 2% 68% "
               "Deployed Hash Rate - Total3 24.6 EH/s 23.9 EH/s 12.0 EH/s 3% 105% Total Power Credits $5.5 million "
               "$1.2 million $0.4 million 358% 1275%\n\nUnaudited, estimated.")
    assert rec.period_end.isoformat() == "2025-03-31"
    assert (rec.btc_produced, rec.btc_held, rec.hashrate_deployed_ehs, rec.power_credits_usd) == (
        310, 12040, 24.6, 5_500_000)


def test_wrapped_headline_bullet_and_a_results_lead_below_the_bullets():
    wrapped = "a long line of release text that wraps at about seventy characters, on and on"
    text = ("Record revenue of $80.1 million including $5.0 million from hosting\nservices\n"
            "Bitcoin holdings increased 40.2%\nin 2024 to 4,410 at year end\n"
            "Achieved Adjusted EBITDA of $12.0 million in 2024\nDENVER, March 3,\n"
            "2025 /PRNewswire/ - Example Mining Corp. (Nasdaq: EXMP) is pleased to announce its financial results\n"
            "for the year and quarter ended December 31, 2024. All dollar figures are in US dollars unless stated.\n"
            + "\n".join([wrapped] * 12) + "\n- The Company mined 1,900 Bitcoin in 2024, a 10% increase.\n")
    rec = _own(text)
    assert (rec.period_type, rec.period_end.isoformat()) == ("quarter", "2024-12-31")
    assert rec.btc_held == 4410
    assert rec.btc_produced is None      # the year's 1,900 is not the quarter's


def test_earns_grows_treasury_by_then_to_and_subjectless_hashrate_bullet():
    rec = _own("- Earns 980 BTC and grows treasury by 120 BTC to 655 BTC in Q2 2024 -\n"
               "- Increases hashrate to 7.2 EH/s at June 30, 2024 and 7.5 EH/s at July 31, 2024 -\n"
               "TORONTO, Aug. 08, 2024 (GLOBE NEWSWIRE) -- Example Farms Ltd. reported its financial results for the "
               "second quarter ended June 30, 2024.")
    assert rec.period_end.isoformat() == "2024-06-30"
    assert (rec.btc_produced, rec.btc_held, rec.hashrate_deployed_ehs) == (980, 655, 7.2)


def test_fiscal_quarter_told_apart_by_the_date_of_its_statements():
    rec = _own("VANCOUVER, May 28, 2024 (GLOBE NEWSWIRE) -- DMG Blockchain Solutions Inc. (TSX-V: DMGI), today announces "
               "its second quarter 2024 financial results.\n\nRecent Highlights\n\nRevenue of $9.1 million, 150.2 mined "
               "bitcoin on 1.4 EH/s of realized hashrate\n\nReaders are encouraged to review the Company's March 31, 2024 "
               "quarterly financial statements.", ticker="DMGI")
    assert (rec.period_end.isoformat(), rec.btc_produced, rec.hashrate_operating_ehs) == ("2024-03-31", 150.2, 1.4)


def test_quarters_named_in_comparisons_are_not_the_reports():
    rec = _own("Financial Highlights\n- Total revenue increased to $40.0 million, up 80% compared to the second quarter "
               "2022 - Mining revenue increased to $35.0 million, up 90% compared to the second quarter 2022\n"
               "- Mined 810 bitcoins, compared to 500 bitcoins in the second quarter of 2022\n"
               "Example achieved several milestones in the third quarter of 2022.")
    assert (rec.period_end.isoformat(), rec.btc_produced) == ("2022-09-30", 810)


def test_holdings_now_at_a_bare_figure_and_at_n_btc_reserves():
    rec = _own("Company mined 300 bitcoin; total bitcoin holdings now at 4,321\n\nLAS VEGAS, July 2, 2024 -- Example "
               "today released its bitcoin mining update for the month ending June 30, 2024.")
    assert (rec.btc_produced, rec.btc_held) == (300, 4321)
    rec = _own("Example Mining Production Update for March 2024\nAt 8,200 BTC, Example continues to have one of the "
               "largest self-mined Bitcoin reserves of any listed miner\n95 Bitcoin mined in March")
    assert (rec.period_end.isoformat(), rec.btc_produced, rec.btc_held) == ("2024-03-31", 95, 8200)


def test_exhibit_cut_below_its_dateline_names_only_the_month():
    rec = _own("|\nOperations:\n|o\n|\n812 PH/s average operating hashrate in December (+9% increase)\n|o\n|\n"
               "131 Bitcoin mined (+7% increase)\n|o\n|\nSteady operations at the North site (0.8 EH/s) despite cold "
               "weather (having also run through the heat in July 2022)\n|o\n|\nThe East site remains on track to "
               "deliver 1.5 EH/s, with the first 0.4 EH/s expected in Q2 2023 and the rest during Q3 2023")
    assert (rec.period_end.isoformat(), rec.btc_produced, rec.hashrate_operating_ehs) == ("2022-12-31", 131, 0.812)
