"""Production wording met in the twenty-ninth held-out set (scored once, then development data), rewritten as
invented passages: a 10-Q note that names both balance dates before the verb ("As of D1 and D2, the Company held N1
and N2 bitcoin, respectively"), and bitcoin "held in a custody account as collateral" with its value in brackets."""
from __future__ import annotations

from tests.transforms.helpers import only_production_record as _one
from transforms.production import parse_production

PAGE = ("|\n4. BITCOIN\n|3 Months Ended\nMar. 31, 2026\n|BITCOIN\n|\n4. BITCOIN\nAs of March 31, 2026 and December 31, 2025, "
        "the Company held 8,115 and 7,902 bitcoin, respectively. The following table presents the Company's bitcoin "
        "holdings.")


def test_dates_named_first_pair_the_balances_in_order():
    r = _one(PAGE, ticker="EXCG", period="2026-Q1")
    assert (r.period_end.isoformat(), r.btc_held) == ("2026-03-31", 8115)


def test_a_quarter_whose_end_is_the_second_date_takes_the_second_balance():
    flipped = PAGE.replace("Mar. 31, 2026", "Dec. 31, 2025").replace(
        "As of March 31, 2026 and December 31, 2025", "As of March 31, 2025 and December 31, 2025")
    r = _one(flipped + " During the quarter the Company mined 310 bitcoin.", ticker="EXCG", period="2025-Q4")
    assert (r.btc_produced, r.btc_held) == (310, 7902)


def test_bitcoin_held_in_a_custody_account_as_collateral_is_restricted():
    r = _one("|\nDigital Assets\n|3 Months Ended\nMar. 31, 2026\n|\nNote 3. Digital Assets\nThe Company mined 41 bitcoin during "
             "the quarter. As of March 31, 2026, approximately 60 Bitcoin (with an approximate fair value of $5.1 million) "
             "were held in a custody account as collateral for the $5.0 million term loan.", ticker="EXCG", period="2026-Q1")
    assert (r.btc_produced, r.btc_held_restricted) == (41, 60)


Z = "\u200b"
TENQ = (f"Bitcoin Mining Metrics\nThe following table presents our key Bitcoin Mining metrics:\n{Z} {Z} {Z} {Z}\n"
        f"{Z} {Z} Three Months Ended {Z} Nine Months Ended\n{Z} {Z} September 30, {Z} September 30,\n{Z} 2025 2024 2025 2024\n"
        f"Bitcoin mined {Z} {Z} 1,210 {Z} {Z} 1,015 {Z} {Z} 3,640 {Z} {Z} 2,905\n"
        f"Combined hash rate, average operating (EH/s) {Z} {Z} 28.4 {Z} {Z} 15.2 {Z} {Z} 27.9 {Z} {Z} 11.0\n"
        f"Combined all-in power cost (cents/kilowatt-hour) {Z} {Z} 3.4 {Z} {Z} 3.0 {Z} {Z} 3.7 {Z} {Z} 3.3\n{Z}\n"
        "Power curtailment credits for the three months ended September 30, 2025 and 2024 were $22.5 million and "
        "$10.1 million, respectively, and represent sales of unused power under certain of our PPAs.")


def test_a_10q_table_copied_with_its_zero_width_spacer_cells_and_credits_for_two_quarters():
    r, prior = parse_production(TENQ, ticker="EXCG", period="2025-Q3")
    assert (r.period_type, r.period_end.isoformat(), prior.period_end.isoformat()) == ("quarter", "2025-09-30", "2024-09-30")
    assert (prior.btc_produced, prior.power_credits_usd) == (1015, None)
    assert (r.btc_produced, r.hashrate_operating_ehs, r.power_cost_usd_per_kwh, r.power_credits_usd) == (
        1210, 28.4, 0.034, 22.5e6)


def test_credits_of_two_quarters_are_read_for_the_one_whose_end_the_sentence_names():
    earned = _one("Example Mining mined 905 bitcoin in the quarter ended June 30, 2024. As noted below, during the three "
                  "months ended June 30, 2024 and 2023, we earned $11.2 million and $9.8 million, respectively, in power "
                  "credits.", ticker="EXCG", period="2024-Q2")
    assert (earned.btc_produced, earned.power_credits_usd) == (905, 11.2e6)
    revenue = _one("Example Mining mined 905 bitcoin in the quarter ended June 30, 2024. During the three months ended June "
                   "30, 2024 and 2023, we earned $55.8 million and $49.7 million, respectively.", ticker="EXCG",
                   period="2024-Q2")
    assert revenue.power_credits_usd is None


def test_a_footnote_mark_glued_inside_a_label_stays_in_the_quoted_evidence():
    """Found by the mangling property test: "Bitcoin1 Held 2" in a table copied one cell per line. The row is still
    the holdings row, and its evidence quotes the label as printed, so it is found in the text."""
    text = ("Example Mining Reports December 2025 Production\n\nProduction Figures for December 2025\nMetric\n"
            "December 2025\nNovember 2025\nBitcoin Produced\n460\n428\nBitcoin1 Held 2\n18,005\n19,368\n")
    r = parse_production(text, ticker="EXCG")[0]
    assert r.btc_held == 18_005
    assert r.evidence["btc_held"].split(" | ")[0] in text
