"""Production wording from the thirteenth and fourteenth held-out sets (scored once at df205ec: 113/129 = 87.6 % and
75/115 = 65.2 %, then development data); passages invented here in the same layouts: 2020-era "newly minted
bitcoins", a bulletin whose `Label: value` line runs on into prose, a headline above a
blank line, a headline bullet that names the quarter a figure improved from, a glued key-metrics line whose
footnote mark runs into a three-digit figure, a "record-high" balance, and a Markdown table a web page ran onto
one line."""
from __future__ import annotations

from datetime import date

from transforms.production import parse_production
from transforms.production_document import load_document


def _own(text: str, **kw):
    return parse_production(text, **kw)[0]


def test_newly_minted_bitcoins_in_a_quarter():
    r = _own("Example Blockchain Reports First Quarter 2020 Results\n\n"
             "  \u2022 Produced 281 newly minted bitcoins (BTC) during the first quarter of 2020 and increased bitcoin "
             "inventory 60% to 821 BTC from December 31, 2019 to March 31, 2020.\n", ticker="EXBK")
    assert (r.period_end, r.btc_produced) == (date(2020, 3, 31), 281)


def test_newly_mined_bitcoins_in_a_month():
    r = _own("Example Blockchain April 2020 Production Update\n"
             "  \u2022 During April 2020, the Company produced 108 newly mined bitcoins (BTC) with its new miners "
             "fully deployed for the entire month.\n", ticker="EXBK")
    assert (r.period_end, r.btc_produced) == (date(2020, 4, 30), 108)


def test_a_headline_above_a_blank_line_is_not_joined_to_the_label_line_below_it():
    lines = ["Example Data reports on August 2022 performance in mining business", "",
             "Example Data generated cash of about EUR 16 million from the sale of its cryptocurrencies in August 2022",
             "",
             "Bitcoin production in August 2022: 216 (+5% month-on-month) 33,600 connected ASIC systems with a maximum "
             "available computing power of 3.08 exahash per second (EH/s) of which 20,300 were online (as of end of "
             "August) 434 BTC were sold at an average price of 21,761 EUR/BTC, generating EUR 9.4 million in cash", ""]
    # enough prose lines at the wrap width that the copy counts as hard-wrapped
    lines += ["This paragraph is filler prose written at the width of a wrapped copy line"] * 12
    r = _own("\n".join(lines), ticker="EXD")
    assert (r.period_end, r.btc_produced, r.btc_sold) == (date(2022, 8, 31), 216, 434)


def test_a_double_spaced_wrapped_copy_still_joins_its_lines():
    # a copy that puts a blank line after every wrapped line: the blanks are spacing, not paragraph breaks
    wrapped = ["Example Mining Corp. today announced its unaudited production update for",
               "the month of November as the company continued to expand its operations",
               "across its sites in Texas and Georgia with new machines arriving weekly"] * 5
    text = load_document("\n\n".join(wrapped)).text
    assert text.count("\n") == 0 and "update for the month of November" in text


def test_paragraph_breaks_of_a_wrapped_copy_are_kept():
    wrapped = ["Example Mining Corp. today announced its unaudited production update for",
               "the month of November as the company continued to expand its operations"] * 7
    text = load_document("\n".join(wrapped[:6]) + "\n\nBitcoin mined in November 2024: 512\n\n" + "\n".join(wrapped[6:])).text
    assert "\nBitcoin mined in November 2024: 512\n" in text


def test_a_headline_bullet_names_the_quarter_a_figure_improved_from_not_the_reports():
    r = _own("- Acquired a 11 MW site with 7.5 MW mining in September\n"
             "- Mining margin improved to 49.0% from 41.0% in Q2 2025\n"
             "TAMPA, Fla., Nov. 14, 2025 (GLOBE NEWSWIRE) -- Example Funding America, Inc. (NASDAQ: EXFA) today "
             "reported financial results for the three months ended September 30, 2025.\n"
             "The Company mined 17.6 Bitcoins during the quarter, compared to 18.4 Bitcoins in Q2 2025.\n")
    assert (r.period_end, r.period_type, r.btc_produced) == (date(2025, 9, 30), "quarter", 17.6)


def test_a_footnote_mark_run_into_a_three_digit_figure_where_the_table_groups_thousands():
    r = _own("Example Energy Announces Monthly Investor Update for June 2022\n"
             "Key highlights1 Key metrics2Jun-22Average operating hashrate (PH/s)1,164Bitcoin mined3148Mining revenue "
             "(US$'000)3,546Electricity costs (US$'000)41,315\n", ticker="EXEN")
    assert (r.btc_produced, r.hashrate_operating_ehs) == (148, 1.164)


def test_four_bare_digits_stay_unread_when_no_footnote_could_precede_them():
    r = _own("Example Energy Announces Monthly Investor Update for June 2022\n"
             "Key metricsJun-22Average operating hashrate (PH/s)1,164Bitcoin mined7148Bitcoin sold120Mining revenue "
             "(US$'000)3,546\n", ticker="EXEN")
    assert (r.btc_produced, r.btc_sold, r.hashrate_operating_ehs) == (None, 120, 1.164)


def test_a_record_high_balance_is_the_balance():
    r = _own("Example Inc. Reports Unaudited First Quarter 2024 Financial Results\n"
             "First Quarter 2024 Operating and Financial Highlights\n"
             "The number of Bitcoins held by the Company surpassed 1,000 for the first time to reach record-high 1,057 "
             "Bitcoins.\n", ticker="EXCA")
    assert (r.period_end, r.btc_held) == (date(2024, 3, 31), 1057)


def test_a_markdown_table_run_onto_one_line():
    recs = parse_production(
        "Example Inc. Announces March 2025 Production Update for Crypto Mining Business\n"
        "SHANGHAI, April 1, 2025 /PRNewswire/ -- Example Inc. (NYSE: EXCG) today announced its production update. "
        "Bitcoin Mining Update for March 2025 | Metrics | Mar 2025 1 | Feb 2025 1 | | --- | --- | --- | | Number of "
        "Bitcoins produced | 530.1 | 472.7 | | Average number of Bitcoins produced per day | 17.1 | 16.9 | | Total "
        "number of Bitcoins held 2 | 2,474.8 | 1,944.7 | | Deployed hashrate 2 | 32 EH/s | 32 EH/s |\n")
    own, prior = recs[0], recs[1]
    assert (own.period_end, own.btc_produced, own.btc_produced_per_day, own.btc_held, own.hashrate_deployed_ehs) == (
        date(2025, 3, 31), 530.1, 17.1, 2474.8, 32)
    assert (prior.period_end, prior.btc_produced) == (date(2025, 2, 28), 472.7)
