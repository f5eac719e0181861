"""Production wording met in the twenty-ninth held-out set (scored once, then development data), rewritten as
invented passages: a 10-Q note that names both balance dates before the verb ("As of D1 and D2, the Company held N1
and N2 bitcoin, respectively"), and bitcoin "held in a custody account as collateral" with its value in brackets."""
from __future__ import annotations

from tests.transforms.helpers import only_production_record as _one

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
