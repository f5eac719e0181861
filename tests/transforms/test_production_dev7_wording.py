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


# --- production-9: the rest of the sixth set and the fifth set's leftovers ------------------------------------

def test_combined_self_mining_and_hosting_hash_rate_and_a_forecast_footnote():
    rec = _own("Example produced a record 190 Self-Mined Bitcoin in June 2022\n"
               "ATLANTA--(BUSINESS WIRE)--Example Group Inc. announces its production update for June 2022.\n"
               "Example Self-Mining and Hosting Co-location operating at approximately 3.40 Exahash as at end of June.\n"
               "- June average hash rate at approximately 1.55 Exahash, +9% month on month\n"
               "- June end of month hash rate at approximately 1.60 Exahash\n"
               "- July end of month hash rate expected to be approximately 2.10 Exahash, producing approximately 8.9 "
               "Bitcoin per day2\n"
               "1, 2 Bitcoin produced per day is based on network difficulty as at June 15th, 2022.")
    assert (rec.btc_produced, rec.hashrate_operating_ehs, rec.hashrate_deployed_ehs) == (190, 1.55, 1.6)
    assert rec.btc_produced_per_day is None


def test_paid_per_kilowatt_hour_and_pairs_of_holdings_without_respectively():
    rec = _own("Example Digital announced its unaudited financial results for the third quarter ended September 30, 2024.\n"
               "  \u2022 The Company paid approximately $0.052 per kilowatt hour to its hosting partners for electricity.\n"
               "  \u2022 Treasury holdings of BTC and ETH were 640.2 and 20,100.5, with a fair market value of $60 million.\n"
               "  \u2022 Bitcoin mining at a power cost below US$0.04 per kilowatt-hour at new sites.")
    assert (rec.power_cost_usd_per_kwh, rec.btc_held) == (0.052, 640.2)


def test_one_column_key_metrics_kept_one_cell_per_line_and_a_negative_cost():
    rec = _own("Example Energy today published a monthly investor update for September 2023.\nKey Highlights1\n"
               "Key metrics2 |\nSep-23 |\nAverage operating hashrate (PH/s) |\n5,610 |\nBitcoin mined |\n402 |\n"
               "- Negative realized\nelectricity costs of ~US$0.05/kWh3\n")
    assert (rec.period_end.isoformat(), rec.btc_produced, rec.hashrate_operating_ehs) == ("2023-09-30", 402, 5.61)
    assert rec.power_cost_usd_per_kwh is None


def test_projected_efficiency_later_balances_and_thresholds_are_not_the_periods():
    rec = _own("Example Hash Reports Record Revenue in Q3-2024; Surpasses 6,000 Bitcoin Held in Reserve\n"
               "Example announced its financial results for the quarter ended September 30, 2024.\n"
               "As of September 30, 2024, the Company had a total Bitcoin balance of 5,820 with a market value of $370 million. "
               "The Bitcoin balance as of November 10, 2024, including 1,000 Bitcoin loaned, is approximately 6,050 Bitcoin.\n"
               "Example currently has an installed hashrate of approximately 2.9 EH/s.\n"
               "- New 3 EH/s purchase of S21 miners (improves efficiency from 22 J/TH to 19 J/TH)\n"
               "Cryptocurrency treasury climbed to 6,050 BTC as of October-end 2024")
    assert rec.btc_held == 5820
    assert (rec.btc_held_restricted, rec.hashrate_deployed_ehs, rec.efficiency_j_per_th) == (None, None, None)


def test_fleet_as_of_the_next_days_date_and_a_unit_wrapped_onto_the_next_line():
    rec = _own("Example Digital Announces Bitcoin Production and Mining Operation Updates for September 2022\n"
               "As of October 1, operating mining fleet consisted of approximately 50,000 active miners, producing "
               "approximately 5.1 EH/s, after 20,000 miners were energized during September 2022.")
    assert rec.hashrate_operating_ehs == 5.1
    lines = ["Example Mining plc", "FORM 6-K", "Commission File Number 001-00000",
             "Example Mining plc September 2022 Operational Update", "During the month of September, Example mined",
             "180 Bitcoin. The Company's", "total hashrate capacity continues to be 2.6", "EH/s.", "Signatures", "",
             "Pursuant to the requirements", "Date: October 5, 2022"]
    rec = _own("\n".join(lines))
    assert (rec.period_end.isoformat(), rec.hashrate_deployed_ehs) == ("2022-09-30", 2.6)


# --- production-10: a seventh real set (scored once, then development data) ------------------------------

def test_production_grew_to_a_bare_figure_and_a_record_beside_the_month():
    rec = _own("Example Reports Second Quarter Fiscal 2025 Results\nBitcoin production grew to 1,804, with an average "
               "revenue per coin of $90,100\nLAS VEGAS, May 8, 2025 /PRNewswire/ -- Example, Inc. today reported financial "
               "results for the quarter ended March 31, 2025.")
    assert (rec.period_end.isoformat(), rec.btc_produced) == ("2025-03-31", 1804)
    rec = _own("Example Digital Announces Bitcoin Production and Mining Operation Updates for December 2023\n"
               "- Record BTC Production of 1,702 BTC in December and 11,900 BTC in 2023")
    assert rec.btc_produced == 1702


def test_quarter_and_full_year_title_with_a_later_quarters_update():
    rec = _own("Example Generation Reports Fourth Quarter and Full Year 2021 Results and Provides First Quarter 2022 Update\n"
               "- Produced 640 bitcoins in the fourth quarter\n"
               "- Mining capacity of approximately 1.5 EH/s from 18,000 miners as of December 31, 2021\n"
               "First Quarter 2022 Highlights\n"
               "- Mining fleet as of March 31, 2022 consists of approximately 20,000 miners with approximately 1.7 EH/s of capacity")
    assert (rec.period_end.isoformat(), rec.btc_produced, rec.hashrate_deployed_ehs) == ("2021-12-31", 640, 1.5)


def test_flattened_table_whose_last_label_is_a_sentence_keeps_the_unit_words():
    rec = _own("Example 3D Corp. announced its November 2023 production update.\nMetrics1 Nov 2022 Oct 2023 Nov 2023 "
               "Bitcoin Mined 10.1 60.2 70.4 Bitcoin Sold 4.0 70.3 61.0 Mining Revenue* $0.2 million $1.9 million $2.4 million "
               "Bitcoin Holdings 80.3 10.4 19.8 Month End "
               "Deployed Hash Rate (EH/s) 100 PH/s 1.2 EH/s 1.2 EH/s\n\n*Unaudited\n\n1 - Includes Example 3D assets temporarily "
               "custodied by a partner related to the terminated agreement\n\nCEO Comments\nWe mined 70.4 bitcoin in 30 days.\n")
    assert (rec.btc_produced, rec.btc_sold, rec.btc_held) == (70.4, 61.0, 19.8)


def test_remains_at_energy_cost_per_mwh_and_a_unit_at_the_line_end():
    rec = _own("Example Origin Announces Mining Update for September 2022\nAs of September 30, 2022, the total mining hash "
               "rate remains at 295 PH/s with 3,000 miners installed.")
    assert rec.hashrate_deployed_ehs == 0.295
    rec = _own("Example 8 Reports Third Quarter 2024 Results\nExample announced results for the quarter ended September "
               "30, 2024.\n  \u2022 Energy cost per MWh of $31.20, a 20% decrease from $39.00 in the prior year period\n"
               "- Self-Mining Installed Capacity: 2 EH")
    assert (rec.power_cost_usd_per_kwh, rec.hashrate_deployed_ehs) == (0.0312, 2.0)


def test_release_date_figures_in_a_quarterly_release_are_not_the_quarters():
    rec = _own("Example Farms Reports Q1 2024 Results\n- Earns 900 BTC in Q1 2024 -\n- Current hashrate of 7.4 EH/s, up "
               "from 6.8 EH/s at year end -\nExample's current Bitcoin balance, including 500 Bitcoin loaned, is "
               "approximately 1,900 Bitcoin.\nWe anticipate daily production will equate to 20 \u2013 25 Bitcoin per day.\n"
               "These miners provide aggregate hash rate capacity of nearly 1.6 EH/s, and we expect that all will be "
               "energized by September 1, 2024.\nExample's installed operational capacity as of March 31, 2024 was "
               "approximately 2.9 Exahash across Bitcoin Self-Mining and Hosting Co-locations.")
    assert rec.btc_produced == 900
    assert (rec.hashrate_deployed_ehs, rec.btc_held_restricted, rec.btc_held, rec.btc_produced_per_day) == (
        None, None, None, None)


def test_footnote_markers_between_dollar_cells_and_actively_hashing():
    rec = _own("Example Platforms announces unaudited production for October 2024.\nComparison (%) Metric October 2024 "
               "September 2024 October 2023 Month/Month Year/Year Bitcoin Produced 505 412 458 23% 10% Power Credits 3,5 "
               "$1.3 million 6 $10.1 million 6 $1.0 million -87% 30% Demand Response Credits 4,5 $1.5 million 6 "
               "$2.2 million 6 $1.8 million -32% -17% 1. As of month end.")
    assert (rec.btc_produced, rec.power_credits_usd) == (505, 1_300_000)
    rec = _own("Example Digital, Inc. Announces Unaudited Production Update for April 2024\n"
               "  \u2022 9,800 bitcoin miners representing 1.05 EH/s, was actively hashing in North America as of April 30, 2024.")
    assert rec.hashrate_operating_ehs == 1.05


# --- production-12: an eighth real set (scored once, then development data) ------------------------------------

def test_quarter_end_balance_on_balance_sheet_and_energy_cost_from_to():
    rec = _own("Example 8 Reports Second Quarter 2025 Results\n\nRevenue of $40.1 million and 9,400 self-mined Bitcoin on "
               "balance sheet as of quarter end\n\nMIAMI, Aug. 12, 2025 (GLOBE NEWSWIRE) -- Example 8 Corp. today announced "
               "its financial results for the three and six months ended June 30, 2025.\n\n\u201cInitiatives enabled a "
               "15% reduction in our energy cost per kilowatt-hour from $0.040 in Q1 2025 to $0.034 in Q2 2025.\u201d")
    assert (rec.period_end.isoformat(), rec.btc_held, rec.power_cost_usd_per_kwh) == ("2025-06-30", 9400, 0.034)


def test_6k_cover_month_is_the_filing_month_and_the_exhibit_list_dates_the_quarter():
    rec = _own("FORM 6-K\n\nREPORT OF FOREIGN PRIVATE ISSUER\n\nFor the month of August, 2023\n\nEXAMPLE MINING CORP.\n\n"
               "Exhibits\nPress Release of Example Mining Corp., dated August 10, 2023\nUnaudited Condensed Consolidated "
               "Interim Financial Statements for the three and six months ended June 30, 2023 and 2022\n\n"
               "Example held 8,100 self-mined Bitcoin in reserve as of June 30, 2023.")
    assert (rec.period_type, rec.period_end.isoformat(), rec.btc_held) == ("quarter", "2023-06-30", 8100)


def test_deployed_after_the_figure_ended_the_quarter_with_and_btc_equivalents():
    rec = _own("Example Produces 400 Bitcoin in August 2025 and Achieves Hash Rate Target, with 30.1 EH/s Deployed")
    assert rec.hashrate_deployed_ehs == 30.1
    rec = _own("Example 3D Reports First Quarter 2025 Results\n  \u2022 Example 3D ended the quarter with 1.1 EH/s.\n"
               "- The BTC equivalent of our digital asset holdings as of March 31, 2025 was approximately 900.0 BTC.\n"
               "- 120 Bitcoin mined in the quarter.")
    assert (rec.hashrate_deployed_ehs, rec.btc_sold, rec.btc_held, rec.btc_produced) == (1.1, None, None, 120)
