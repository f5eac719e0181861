"""transforms.debt on wording families found by a fifth development set of real releases.

Every passage is invented (made-up issuers, amounts and dates), shaped after real layouts: an unsecured
loan with a "maximum principal amount" and an "interest rate" written after the figure, a loan named by its
amount and lender in a headline, debentures that only a later sentence calls convertible and that are
placed at par "for aggregate gross proceeds of USD$X", equipment financing at "12 percent per annum"
collateralized by miners, an option "inclusive" in a closing's principal, and a quoted "cap price".
"""
from __future__ import annotations

from datetime import date

from tests.transforms.helpers import only_debt_event as _one


def test_unsecured_loan_with_rate_after_the_figure():
    e = _one("DALLAS, Feb. 6, 2025 (GLOBE NEWSWIRE) -- Example Compute Corp. (Nasdaq: EXCC) announced that the Company "
             "obtained an unsecured loan with a maximum principal amount of $15 million. The loan, which has a "
             "two-year term and 11.5% interest rate, will fund its data centers.", ticker="EXCC")
    assert (e.instrument, e.event, e.principal_usd, e.coupon_pct, e.secured) == ("term_loan", "closed", 15e6, 11.5, False)


def test_loan_named_by_amount_and_lender_is_read_from_its_headline():
    e = _one("Full Repayment of $20 Million Lender Loan\n\nExample Hash plc is pleased to announce that it has fully "
             "repaid the remaining balance of the loan extended by Lender Capital in 2023.", ticker="EXHP")
    assert (e.instrument, e.principal_usd) == ("term_loan", 20e6)


def test_debentures_convertible_in_a_later_sentence_placed_at_par():
    e = _one("Vancouver, Canada - Example Chain Ltd. (TSX.V:EXCH) is pleased to announce that it intends to complete a "
             "non-brokered private placement of unsecured debentures (the \"Debentures\"), for aggregate gross proceeds "
             "of USD$12,000,000. The Debentures will bear interest at a rate of 7% per annum and will be convertible "
             "at the option of the holder into common shares at a conversion price of CAD$2.50 per share.", ticker="EXCH")
    assert (e.instrument, e.event, e.principal_usd, e.coupon_pct, e.secured) == (
        "convertible_notes", "proposed", 12e6, 7.0, False)


def test_equipment_financing_rate_in_words_and_miners_as_collateral():
    e = _one("Example Farms Ltd. entered into an equipment financing agreement, with initial funding of US$25 million, "
             "with Lender ABL LLC. The agreement provides equipment financing at an interest rate of 11 percent per "
             "annum collateralized by the miners at the company's facilities.", ticker="EXFM")
    assert (e.instrument, e.coupon_pct, e.secured) == ("other", 11.0, True)  # equipment financing is "other" (debt-12)


def test_option_inclusive_in_a_closing_and_a_quoted_cap_price():
    e = _one("Example Rigs, Inc. (Nasdaq: EXRG) today announced that it completed its previously announced offering of "
             "$500 million aggregate principal amount of 0.00% Convertible Senior Notes due 2031. The aggregate principal "
             "amount of notes sold in the offering of $500 million is inclusive of $75 million aggregate principal "
             "amount of notes sold to the initial purchasers by the Company as a result of the initial purchasers' "
             "exercise in full of the option. In connection with the pricing, the Company entered into capped call "
             "transactions at a \u201ccap price\u201d of $30.10 per share.", ticker="EXRG")
    assert (e.principal_usd, e.option_principal_usd, e.cap_price_usd) == (500e6, 75e6, 30.10)


def test_an_amended_and_restated_credit_agreement_is_an_amendment():
    e = _one("Item 1.01 Entry into a Material Definitive Agreement.\n\nOn May 2, 2025, Example Mining Corp. (the "
             "\"Borrower\") entered into an amended and restated credit agreement with Lender Credit, Inc. The amended "
             "and restated credit agreement extends the final maturity date to 364 days after May 2, 2025.", ticker="EXMC")
    assert (e.instrument, e.event) == ("credit_facility", "amended")


def test_history_recalled_first_does_not_decide_the_event():
    e = _one("Item 1.01 Entry into a Material Definitive Agreement.\n\nAs previously reported, on March 1, 2022, the "
             "Company issued secured convertible notes in the original aggregate principal amount of $8,000,000 (the "
             "\"March Notes\").\n\nOn October 3, 2022, the Company and the purchasers entered into an agreement further "
             "amending the terms of the March Notes to reduce the conversion price.", ticker="EXSL")
    assert (e.instrument, e.event) == ("convertible_notes", "amended")


def test_a_bridge_promissory_note_evidencing_a_loan():
    # a promissory note is "other" debt (debt-12), and the loan it evidences is the note, not a second instrument
    e = _one("Item 1.01 Entry into a Material Definitive Agreement.\n\nBridge Promissory Note\n\nOn April 4, 2022, Example "
             "Power Inc. (the \"Company\") issued a bridge promissory note, as borrower, in favor of Lender Capital, LLC, "
             "evidencing a $12,000,000 aggregate principal amount loan by the noteholder to the Company. The loan bears "
             "interest at a rate of seven percent (7%) per annum and matures on August 1, 2022.", ticker="EXPW")
    assert (e.instrument, e.event, e.principal_usd, e.coupon_pct, e.maturity_date) == (
        "other", "closed", 12e6, 7.0, date(2022, 8, 1))
