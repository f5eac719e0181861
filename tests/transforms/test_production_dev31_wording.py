"""Filing layouts of the thirty-first and thirty-second held-out sets (each scored once, then development data),
rewritten as invented passages: a holdings table whose header row names dates (no figure in it), a roll-forward
"($ in thousands)" whose "Bitcoin sold" row is dollars, an annual report's note that names only the years it ends,
roll-forward rows flattened between bars under "Quantity | Amounts", a one-row-per-coin holdings table, balances
under "As of September 30," with year columns, and bitcoin "utilized as collateral for borrowings"."""
from __future__ import annotations

from tests.transforms.helpers import only_production_record as _one
from transforms.production import parse_production


def test_a_header_row_of_dates_is_no_figure_and_a_dollar_rollforward_gives_no_count():
    r = parse_production(
        "4. BITCOIN\nThe following table presents the Company's bitcoin holdings as of March 31, 2025 and "
        "December 31, 2024:\nAs of\nBitcoin holdings | March 31, 2025 | December 31, 2024\n"
        "Number of bitcoin held | 8,431 | 7,102\nFair value of bitcoin (in '000s) | $ | 702,118 | $ | 661,504\n"
        "The following table presents information based on the activity of bitcoin for the three months ended "
        "March 31, 2025 and 2024:\nThree months ended | Three months ended\n($ in thousands) | March 31, 2025 | "
        "March 31, 2024\nAddition of bitcoin from mining activities | 151,220 | 98,114\nBitcoin sold | (64,310 | ) | —\n",
        ticker="EXPR")[0]
    assert (r.period_end.isoformat(), r.btc_held, r.btc_sold, r.btc_produced) == ("2025-03-31", 8431, None, None)


def test_an_annual_notes_balance_is_the_year_ends_quarter():
    r = parse_production(
        "Note 6. Bitcoin\nThe following table presents information about the Company's Bitcoin balance held:\n"
        "Quantity | Amounts\nBalance as of December 31, 2023 | 5,210 | $ | 221,410\n"
        "Revenue recognized from Bitcoin mined | 3,902 | 250,117\nProceeds from sale of Bitcoin | (410) | (20,880)\n"
        "Balance as of December 31, 2024 | 8,702 | $ | 812,004\n"
        "Realized gains on the sale of Bitcoin for the year ended December 31, 2024 | $ | 6,120\n"
        "Balance as of December 31, 2022 | 4,001 | $ | 66,102\n"
        "Realized gains on the sale of Bitcoin for the year ended December 31, 2023 | $ | 3,014\n", ticker="EXPR")[0]
    # the year's mined and sold are no quarter's
    assert (r.period_type, r.period_end.isoformat(), r.btc_held, r.btc_produced, r.btc_sold) == (
        "quarter", "2024-12-31", 8702, None, None)


def test_a_holdings_table_gives_the_bitcoin_row_at_the_quarter_end():
    r = _one("6. DIGITAL ASSETS\nThe following table presents the Company's significant digital assets holdings as of "
             "March 31, 2025:\nQuantity | Cost Basis | Fair Value\nBTC | 301.4 | $ | 18,200,000 | $ | 24,900,000\n"
             "ETH | 12,000.0 | 30,100,000 | 21,800,000\nThe following table presents a roll-forward of BTC for the "
             "three months ended March 31, 2025:", ticker="EXPR")
    assert (r.period_end.isoformat(), r.btc_held) == ("2025-03-31", 301.4)


def test_balances_under_an_as_of_header_with_year_columns():
    r = parse_production(
        "The Company produced 702 bitcoin in Q3 2022.\nAs of September 30,\n \nBTC held at end of period:\n \n2022\n \n"
        "2021\n \nTotal BTC held\n \n9,210\n \n6,113\n \nBTC utilized as collateral for borrowings\n \n3,100\n \n-\n",
        ticker="EXPR")[0]
    assert (r.period_end.isoformat(), r.btc_produced, r.btc_held, r.btc_held_restricted) == ("2022-09-30", 702, 9210, 3100)


def test_an_annual_reports_deployed_hash_rate_as_of_the_year_end_but_not_the_years_average():
    records = parse_production(
        "Bitcoin Mining Metrics\nYears Ended December 31,\n2024 | 2023\nHash rate, average operating (EH/s)\n"
        "Combined hash rate, average operating | 14.0 | 8.1\nAs of December 31,\n2024 | 2023\n"
        "Hash rate, deployed (EH/s)\nCombined hash rate, deployed | 30.2 | 11.9\n", ticker="EXPR")
    own = records[0]
    assert (own.period_end.isoformat(), own.hashrate_deployed_ehs, own.hashrate_operating_ehs) == ("2024-12-31", 30.2, None)


# Results releases of the thirty-third held-out set (after its one scoring, production-28).
def test_a_fiscal_quarter_title_of_a_calendar_year_ticker():
    r = parse_production("Example Mining Announces Fiscal First Quarter 2024 Results\nFiscal First Quarter 2024 "
                         "Highlights\n- Earned 1,925 self-mined bitcoin\n", ticker="EXPR")[0]
    assert (r.period_end.isoformat(), r.btc_produced) == ("2024-03-31", 1925)


def test_a_three_month_period_ended_and_a_bullet_wrapped_after_its_figure():
    wrapped = ("Example Platforms, Inc. (NASDAQ: EXPR), an industry leader in Bitcoin mining and data\n"
               "center hosting, reported financial results for the three-month\n"
               "period ended March 31, 2023. The unaudited financial statements are\n"
               "available on the Company's website and here for all investors.\n"
               "Key financial and operational highlights for the first quarter\n"
               "include the following items, with comparisons to last year:\n"
               "- Total revenue of $61.2 million for the three-month period ended\n"
               "March 31, 2023, as compared to $70.8 million for the same period\n"
               "of 2022, driven by lower Bitcoin prices over the whole quarter.\n"
               "- Produced 1,815\n"
               "Bitcoin during the three-month period ended March 31, 2023, as\n"
               "compared to 1,205 Bitcoin during the same three-month period in\n"
               "2022, driven by a significant increase in miners deployed.\n")
    r = parse_production(wrapped, ticker="EXPR")[0]
    assert (r.period_end.isoformat(), r.btc_produced) == ("2023-03-31", 1815)


def test_a_balance_grown_from_one_level_to_another_is_not_the_first_and_a_btc_equivalent_is_no_sale():
    r = parse_production("Example Reports Second Quarter 2023 Results\n- Mines 1,013 BTC and grows HODL 98 BTC to 461 BTC "
                         "in Q2 2023 -\nThe BTC equivalent2 of our digital asset holdings as of June 30, 2023 (defined as "
                         "if all ETH and USDC holdings were converted into BTC as of that date) was approximately 1,502.4 "
                         "BTC.", ticker="EXPR")[0]
    assert r.btc_produced == 1013 and r.btc_held != 98 and r.btc_sold is None


def test_a_quarter_finished_with_cash_and_bitcoin_gives_the_bitcoin_held():
    r = parse_production("Example Platforms Reports Third Quarter 2023 Results\nExample finished the quarter with $210 million "
                         "in cash on hand and 5,118 Bitcoin, representing a combined total of nearly $350 million in "
                         "liquidity.", ticker="EXPR")[0]
    assert (r.period_end.isoformat(), r.btc_held) == ("2023-09-30", 5118)


def test_the_number_of_bitcoins_earned_was_a_bare_figure():
    r = parse_production("Example Digital Reports Third Quarter 2020 Financial Results\n- The number of bitcoins earned "
                         "from bitcoin mining business was 612.45.\n", ticker="EXPR")[0]
    assert (r.period_end.isoformat(), r.btc_produced) == ("2020-09-30", 612.45)


def test_hash_rate_worth_of_miners_energized_in_the_month_is_no_level():
    r = parse_production("Example Mining Announces April 2024 Production Update\nExample produced 702 BTC in April. During "
                         "April, we successfully energized approximately 2 exahash worth of miners at various locations.",
                         ticker="EXPR")[0]
    assert (r.btc_produced, r.hashrate_deployed_ehs, r.hashrate_operating_ehs) == (702, None, None)


def test_three_months_ended_in_prose_is_no_column_head():
    # a mangled copy the property test found: prose naming "the three months ended ..." above a dated line must not
    # become a table head whose columns are the prose's date and the dateline's
    text = ("Example Q3 2025 Shareholder Letter\nFigures for the three months ended September 30, 2024 other than hashrate "
            "are placeholders.\nNovember 4, 2025\nThree Months Ended September 30,\n(unaudited) |\n2025 |\n|\n2024 |\n"
            "% Change |\nBitcoin produced | 2,144 | | 2,070 | 4% |\nIn Q3 2025, we produced 2,144 BTC.")
    records = parse_production(text, ticker="EXPR")
    assert [r.period_end.isoformat() for r in records if r.btc_produced is not None] == ["2025-09-30"]
    assert records[0].btc_produced == 2144
