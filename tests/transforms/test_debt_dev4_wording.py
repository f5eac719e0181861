"""transforms.debt on wording families found by a third development set of real releases.

Every passage here is invented (made-up issuers, amounts and dates); only the shape follows a layout met
in real documents: a pricing term sheet whose maturity is a table row, a note purchase agreement with one
investor, an exchange whose price paid sits beside the principal exchanged, a redemption notice at par, a
prospectus fragment where conversions overtook a redemption notice, a headline naming two retirements, and
notes known only by their coupon and defined name.
"""
from __future__ import annotations

from datetime import date

from tests.transforms.helpers import only_debt_event as _one


def test_term_sheet_maturity_in_a_table_row():
    e = _one("PRICING TERM SHEET\nExample Rigs, Inc.\n$90,000,000\n3.50% Convertible Senior Notes due 2031\n"
             "Title of Securities: | 3.50% Convertible Senior Notes due 2031 (the \u201cnotes\u201d) | |\n"
             "Principal Amount: | $90,000,000 | |\n"
             "Maturity: | March 1, 2031, unless earlier converted, redeemed or repurchased | |\n", ticker="EXRG")
    assert (e.principal_usd, e.coupon_pct, e.maturity_date) == (90e6, 3.5, date(2031, 3, 1))


def test_note_purchase_agreement_with_an_investor_is_a_pricing_and_reads_a_singular_notes_price():
    e = _one("Example Grid Corp. entered into a Convertible Note Purchase Agreement to issue $80 million of senior "
             "unsecured convertible notes to an investor. The Note bears interest at 6% per year. The initial "
             "conversion price of the Note is $12.50 per share of Common Stock. The transaction is expected to be "
             "completed on or prior to May 2, 2024.", ticker="EXGR")
    assert (e.event, e.principal_usd, e.coupon_pct, e.conversion_price_usd) == ("priced", 80e6, 6.0, 12.5)


def test_exchange_principal_is_not_the_cash_paid_for_it():
    e = _one("On March 3, 2025, Example Power Inc. entered into a privately negotiated exchange agreement with a "
             "holder of its 9.00% Senior Notes due 2027, pursuant to which the Company agreed to exchange $2,400,000 "
             "in aggregate principal amount of the Notes for cash consideration of $900,000. In the aggregate, the "
             "Company has exchanged notes totaling $8,100,000 in principal amount.", ticker="EXPW")
    assert (e.event, e.principal_usd, e.coupon_pct) == ("exchanged", 2.4e6, 9.0)


def test_redemption_at_par_states_the_principal_as_its_price():
    e = _one("NOTICE OF FULL REDEMPTION\nEXAMPLE HOSTING, INC.\n11.00% Secured Notes due 2029 (the \u201cNotes\u201d)\n"
             "The Issuer has elected to redeem and will redeem on June 3, 2025 all of the outstanding Notes at an "
             "aggregate redemption price of $75,000,000 or $1,000 per $1,000 principal amount of Notes, plus accrued "
             "and unpaid interest.", ticker="EXHO")
    assert (e.event, e.principal_usd, e.coupon_pct) == ("redeemed", 75e6, 11.0)


def test_conversions_that_overtook_a_redemption_notice_make_it_a_conversion():
    e = _one("Recent Developments\n\nCleanup Redemption of 6.00% Convertible Notes\n\nOn May 1, 2025, we issued a notice "
             "of cleanup redemption for all US$5,000,000 aggregate principal amount outstanding of our 6.00% Convertible "
             "Notes, which we will redeem on May 20, 2025 if they have not been converted prior to that date. As of May "
             "16, 2025, we had converted the remaining outstanding aggregate principal amount of US$5.0 million of our "
             "6.00% Convertible Notes.", ticker="EXCV")
    assert (e.event, e.coupon_pct) == ("converted", 6.0)


def test_headline_naming_two_retirements_takes_the_first():
    e = _one("Example Mining plc\nFull Redemption and Mandatory Exchange of 7.25% Senior Notes due 2027\nThe Company "
             "announces it will redeem in full and complete a mandatory exchange of its outstanding 7.25% senior notes "
             "due 2027 on 5 May 2026.", ticker="EXMP")
    assert (e.event, e.coupon_pct, e.maturity_year) == ("redeemed", 7.25, 2027)


def test_notes_known_by_coupon_and_defined_name():
    e = _one("Example Digital, Inc. (NASDAQ: EXDG) announced that it has entered into an exchange agreement with the "
             "holders of the Company\u2019s Amended and Restated 12% Notes (the \u201cNotes\u201d), whereby the outstanding "
             "principal amount under the Notes will be extinguished in exchange for shares of a new series of preferred stock.")
    assert (e.event, e.coupon_pct) == ("exchanged", 12.0)
