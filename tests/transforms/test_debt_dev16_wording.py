"""Debt wording met in the thirteenth and sixteenth held-out sets (development data), rewritten as invented
passages: a filing note's table "in thousands", a pricing release that lists the capped calls "entered into" and a
share buyback beside the notes, and an offering whose closing has a day."""
from __future__ import annotations

from tests.transforms.helpers import only_debt_event as _one

_NOTE_TABLE = ("NOTE 7 \u2013 DEBT\nLong-term debt consists of the following (in thousands):\n"
               "June 30, 2024December 31, 2023\nTerm loan$88,500 $92,000 \n"
               "Debt issuance costs and debt discount(4,120)(4,650)\n84,380 87,350 \n"
               "On March 1, 2022, the Company entered into a Loan and Security Agreement with Example Trust, N.A. as "
               "administrative agent, which consisted of a term loan facility of $80.0 million (the \u201cTerm Loan\u201d). "
               "The Term Loan bears interest at 10.5% and matures on March 1, 2026.")


def test_a_term_loan_row_of_a_table_in_thousands_is_scaled_and_says_so():
    e = _one(_NOTE_TABLE, ticker="EXWL")
    assert (e.instrument, e.principal_usd, e.coupon_pct) == ("term_loan", 88_500_000, 10.5)
    assert "in thousands" in e.derived["principal_usd"]


def test_a_bare_dollar_figure_in_prose_is_not_scaled_by_a_caption_elsewhere():
    e = _one("The following table presents debt (in thousands):\nNotes payable$750 $\u2014\n"
             "On May 2, 2023, the Company entered into a term loan agreement with Example Lender LLC for a term loan of "
             "$750,000, which bears interest at 12% per annum and is due on May 2, 2025.", ticker="EXWL")
    assert (e.instrument, e.principal_usd, e.coupon_pct) == ("term_loan", 750_000, 12)


def test_capped_calls_entered_into_and_a_closing_day_make_a_pricing_not_a_closing():
    e = _one("The notes will be sold in a private offering to qualified institutional buyers pursuant to Rule 144A. "
             "Key terms: $300 million 3.25% Convertible Senior Notes offering; Capped call transactions entered into "
             "in connection with the 3.25% Convertible Senior Notes due 2031 with an initial cap price of $18.40 per "
             "share; Concurrent repurchase of approximately $60 million of common stock. The offering is expected to "
             "close on May 14, 2025, subject to customary closing conditions.", ticker="EXWF")
    assert (e.instrument, e.event, e.principal_usd, e.coupon_pct, e.cap_price_usd) == (
        "convertible_notes", "priced", 300e6, 3.25, 18.4)


def test_a_share_buyback_beside_the_notes_is_no_repurchase_of_notes():
    e = _one("Key terms: $300 million 3.25% Convertible Senior Notes due 2031 offering; concurrent repurchase of "
             "approximately $60 million of common stock.", ticker="EXWF")
    assert (e.instrument, e.event, e.principal_usd) == ("convertible_notes", None, 300e6)
    assert "no offering, pricing" in e.null_reasons["event"]
