"""Production layouts found in a fourth development set of real updates (figures and wording invented here,
shaped like them): a whitespace table whose columns are "One Month / October 31, 2024" with the report's own
month last and sales in parentheses, a results table headed "Three Months Ended Sep 30, | 2024 | 2023"
copied one cell per line, a key-metrics list with each label's value on the next line, a page that kept
the release as an escaped JSON string, a news page's clock stamp above the headline, customers' cloud-mining
output beside the company's own, and a glued row whose cells change unit between periods."""
from __future__ import annotations

from transforms.production import parse_production
from transforms.production_glued import decode_row, split_glued_line


def _own(text: str, **kw):
    records = parse_production(text, ticker="EXMP", **kw)
    assert records[0].is_reporting_period
    return records[0]


def test_one_month_date_columns_with_the_own_month_last_and_sales_in_parentheses():
    rec = _own("Example Mining Monthly Update\n\nTAMPA, Fla., Dec. 5, 2024 -- Example Mining today provided an update "
               "for the month ended November 30, 2024.\n\nMetrics * One Month\nNovember 30,\n2023\n One Month\n"
               "October 31,\n2024\n\n One Month\nNovember 30,\n2024\n \n"
               "Bitcoin Mined, net 21.4  8.2  8.9  \nBitcoin Sold (30.0) -  (4.5) \n"
               "Bitcoin Holdings at Month End 60.1  120.3  124.7  \n")
    assert (rec.period_end.isoformat(), rec.btc_produced, rec.btc_sold, rec.btc_held) == ("2024-11-30", 8.9, 4.5, 124.7)


def test_three_months_ended_header_over_year_columns_one_cell_per_line():
    cells = ["Three Months Ended Jun 30,", "||", "Metrics", "2025", "2024",
             "Bitcoin mined (self-mining only)", "612", "1,010",
             "Average cost of electricity ($/MWh)", "44", "39",
             "Average miner efficiency (J/TH)", "24.6", "29.9"]
    text = "Example Hash reports second quarter 2025 results\n" + "\n|\n".join(cells) + "\n|\n"
    rec = _own(text)
    assert (rec.period_type, rec.period_end.isoformat()) == ("quarter", "2025-06-30")
    assert (rec.btc_produced, rec.power_cost_usd_per_kwh, rec.efficiency_j_per_th) == (612, 0.044, 24.6)


def test_label_lines_whose_values_sit_on_the_next_line_in_an_escaped_json_page():
    body = ("Example Mining Announces Preliminary June Operational Results\\n\\n VANCOUVER, July 3, 2025 -- Example "
            "Mining today announces its preliminary results for June 2025:\\n \\n\\n Bitcoin Mined:\\n \\n 41 BTC "
            "(vs 44 BTC in May 2025)\\n \\n\\n Hashrate:\\n \\n 2.05 EH/s (vs 1.98 EH/s in May 2025)\\n \\n\\n "
            "Bitcoin Holdings:\\n \\n 402 BTC (vs 380 BTC in May 2025)\\n \\n\\n The company\\u2019s results ...")
    rec = _own('[{"type":"text","content":"' + body + '"}]')
    assert (rec.period_end.isoformat(), rec.btc_produced, rec.btc_held) == ("2025-06-30", 41, 402)


def test_a_news_page_clock_stamp_does_not_name_the_period():
    rec = _own("09:15:02 EDT Wed 06 Mar 2024\nEnter Symbol\n\nExample Digital provides February 2024 production update\n\n"
               "Example Digital produced 120.5 bitcoin in the month of February, 2024.")
    assert (rec.period_end.isoformat(), rec.btc_produced) == ("2024-02-29", 120.5)


def test_customers_cloud_mining_output_is_not_the_companys_production():
    rec = _own("Example Cloud reports first quarter 2024 results\n\n"
               "\u2022 BTC production by customers from cloud-mining solutions increased 40.0% to 1,900 BTCs, compared "
               "with 1,357 BTCs in the same period of 2023\n"
               "\u2022 BTC production from self-mining operations decreased 5.0% to 950 BTCs from 1,000 BTCs in the "
               "same period of 2023\n", period="2024-Q1")
    assert rec.btc_produced == 950


def test_a_glued_row_whose_cells_change_unit_between_periods():
    assert split_glued_line("Month End Deployed Hash Rate (EH/s) 200 PH/s1.6 EH/s1.7 EH/s") == (
        "Month End Deployed Hash Rate (EH/s)", "200 PH/s1.6 EH/s1.7 EH/s")
    cells, reason = decode_row("200 PH/s1.6 EH/s1.7 EH/s", 3, 0)
    assert reason is None and [c.text for c in cells] == ["200 PH/s", "1.6 EH/s", "1.7 EH/s"]


def test_a_record_month_is_the_month_and_capacity_under_management_is_not_the_companys():
    rec = _own("Example Digital Announces Bitcoin Production for March 2023\n\n"
               "In March, we produced a record 912 bitcoin, which is a 12% increase from the prior month. "
               "Total mining capacity under management increased 40.1% to a record 30.2 EH/s.")
    assert rec.btc_produced == 912
    assert rec.hashrate_deployed_ehs is None and rec.hashrate_operating_ehs is None


def test_a_table_flattened_onto_one_line_gives_each_label_its_first_word_back():
    rec = _own("Example Scientific Announces June 2024 Production\n\nKey Metrics Summary (unaudited)\n\n"
               "Metric June 2024 May 2024 Self-Mining Bitcoin Earned1 512 498 Total Energized Hash rate 22.1 21.7 "
               "Bitcoin Sold5 520 480 Bitcoin Sales Proceeds ($USD) Appx. $33.1 million Appx. $31.0 million "
               "Average Self-Mining Fleet Efficiency (J/TH)6 23.90 24.10\n")
    assert (rec.btc_produced, rec.btc_sold, rec.btc_sale_proceeds_usd, rec.efficiency_j_per_th) == (512, 520, 33.1e6, 23.9)


def test_hash_rate_run_for_hosting_customers_is_not_the_companys():
    rec = _own("Example Scientific Announces May 2022 Production Updates\n\n"
               "\"We expanded both businesses in May, producing 1,050 bitcoins for our own account and operating "
               "7.4 EH/s for our hosting customers,\" said the CEO. As of May 31, 2022, the company provided "
               "infrastructure for a group of customers representing 7.4 EH/s.")
    assert rec.btc_produced == 1050
    assert rec.hashrate_operating_ehs is None and rec.hashrate_deployed_ehs is None


def test_hash_rate_reached_after_changes_from_earlier_periods_is_the_installed_level():
    rec = _own("Example Farms Reports Second Quarter 2022 Results\n\n\"Delivering strong operational growth, we increased "
               "our corporate hashrate by 21% from the beginning of the quarter and by 140% from a year ago to 2.9 "
               "exahash per second (EH/s) at June 30, 2022.\"", period="2022-Q2")
    assert rec.hashrate_deployed_ehs == 2.9 and rec.hashrate_operating_ehs is None


def test_hash_rate_that_was_deployed_at_period_end_not_at_the_release_date():
    rec = _own("Example Digital Announces December 2021 Production Update\n\n"
               "\u2022 41.0% of our fleet, or 9,100 bitcoin miners representing 0.602 EH/s, was deployed in North America "
               "as of the date of this press release. 30.1% of our fleet or 6,900 bitcoin miners representing 0.388 EH/s "
               "was deployed in North America as of December 31, 2021.")
    assert rec.hashrate_deployed_ehs == 0.388
