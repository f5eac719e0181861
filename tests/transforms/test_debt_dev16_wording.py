"""Debt wording met in the thirteenth and sixteenth held-out sets (development data), rewritten as invented
passages: a filing note's table "in thousands", a pricing release that lists the capped calls "entered into" and a
share buyback beside the notes, and an offering whose closing has a day (thirteenth to sixteenth sets); and from the seventeenth, debt repaid with
the proceeds of new notes and a spun copy's "choice to purchase ... as much as a further" option."""
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


def test_debt_repaid_with_the_proceeds_of_new_notes_is_the_debt_repaid():
    e = _one("Repays $190 million in debt, cutting its interest rate from about 11% to 2.5%\nDALLAS--(BUSINESS WIRE)--"
             "Example Mining, Inc. (NASDAQ: EXMG) today announced it has repaid a total of $190 million in debt with "
             "proceeds from its offering of convertible senior notes first announced on May 2, 2025, which closed on "
             "May 7, 2025.\nThe Company repaid $120 million in secured notes and $70 million in miner equipment loans, "
             "in addition to interest. Interest rates on the prior borrowings were as high as 11% as compared to 2.5% "
             "for the new convertible notes.", ticker="EXMG")
    assert (e.instrument, e.event, e.principal_usd, e.secured) == ("senior_secured_notes", "repaid", 120e6, True)


def test_a_spun_option_to_purchase_a_further_amount_is_the_option():
    e = _one("SYDNEY, May 20, 2025 (GLOBE NEWSWIRE) \u2014 Example Energy Limited (NASDAQ: EXEN) today introduced the "
             "pricing of its offering of $400 million aggregate principal amount of 2.75% convertible senior notes due "
             "2030. The issuance and sale of the notes are scheduled to decide on May 22, 2025. Example Energy also "
             "granted the initial purchasers of the notes an choice to purchase, for settlement inside a period of 13 "
             "days from the date the notes are first issued, as much as a further $60 million principal amount of "
             "notes.", ticker="EXEN")
    assert (e.event, e.principal_usd, e.option_principal_usd, e.coupon_pct) == ("priced", 400e6, 60e6, 2.75)
