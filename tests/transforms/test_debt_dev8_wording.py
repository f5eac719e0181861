"""Debt wording met while reviewing the parser against invented releases in common real layouts (issuers
and figures invented here): a redemption of "all $X aggregate principal amount of its outstanding" notes, a
loan "repaid in full the outstanding $X balance", a facility "bitcoin-backed" without "secured by", and
amounts in another dollar ("C$10,000,000"), which are no `_usd` value."""
from __future__ import annotations

from transforms.amounts import parse_money_usd
from transforms.debt import parse_debt
from tests.transforms.helpers import only_debt_event as _one


def test_redemption_of_all_of_a_stated_outstanding_principal():
    e = _one("Example Digital Announces Redemption of All Outstanding 8.00% Senior Notes due 2026\n\n"
             "Example Digital Inc. (NASDAQ: EXDG) today announced that it will redeem all $72.6 million aggregate "
             "principal amount of its outstanding 8.00% Senior Notes due 2026 (the \"Notes\") on December 15, 2025 at a "
             "redemption price equal to 100% of the principal amount, plus accrued and unpaid interest.")
    assert (e.instrument, e.event, e.principal_usd, e.coupon_pct, e.maturity_year) == (
        "senior_notes", "redeemed", 72.6e6, 8.0, 2026)
    assert e.all_outstanding


def test_loan_repaid_in_full_states_its_outstanding_balance():
    e = _one("Example Bitcoin Repays Remaining Balance of Term Loan\n\nDENVER, June 3, 2025 -- Example Bitcoin Corp. "
             "(NASDAQ: EXBT) announced today that it has repaid in full the outstanding $42.5 million balance of its "
             "senior secured term loan with Example Credit, eliminating all secured debt from its balance sheet. The "
             "term loan, which carried an interest rate of SOFR plus 7.00%, was scheduled to mature in December 2026.")
    assert (e.instrument, e.event, e.principal_usd, e.secured) == ("term_loan", "repaid", 42.5e6, True)
    assert e.coupon_pct is None     # floating


def test_bitcoin_backed_facility_is_secured():
    e = _one("Example Mining Expands Credit Facility to $200 Million\n\nExample Mining Inc. (NASDAQ: EXMN) today "
             "announced that it has amended its bitcoin-backed revolving credit facility with Example Credit to increase "
             "the borrowing capacity from $100 million to $200 million.")
    assert (e.instrument, e.event, e.principal_usd, e.secured) == ("credit_facility", "upsized", 200e6, True)


def test_amounts_in_canadian_dollars_are_not_read_as_us_dollars():
    e = _one("Example Blockchain Closes C$10 Million Convertible Debenture Financing\n\nTORONTO, Ontario--(Newsfile "
             "Corp. - September 9, 2023) - Example Blockchain Corp. (TSXV: EXBC) is pleased to announce that it has "
             "closed its previously announced non-brokered private placement of unsecured convertible debentures (the "
             "\"Debentures\") for aggregate gross proceeds of C$10,000,000. The Debentures bear interest at a rate of "
             "10% per annum and mature on September 8, 2026. The Debentures are convertible into common shares at a "
             "conversion price of C$0.45 per share.")
    assert (e.instrument, e.event, e.coupon_pct, e.maturity_date.isoformat(), e.secured) == (
        "convertible_notes", "closed", 10.0, "2026-09-08", False)
    assert e.principal_usd is None and e.conversion_price_usd is None
    assert "another currency" in e.null_reasons["principal_usd"] and "C$10" in e.null_reasons["principal_usd"]


def test_foreign_dollar_prefixes_and_a_sentence_opening_article():
    assert parse_money_usd("C$10,000,000") is None
    assert parse_money_usd("CAD $5 million") is None
    assert parse_money_usd("HK$4 million") is None
    assert parse_money_usd("A$2.5 million") is None
    # "A $150 million loan": the article before a US dollar amount is no currency
    assert parse_money_usd("A $150 million loan") == 150e6
    assert parse_money_usd("US$3 million") == 3e6


def test_maturity_extension_and_rate_change_give_the_new_terms():
    e = _one("Example Digital Extends Maturity of Senior Secured Loan\n\nExample Digital Inc. (NASDAQ: EXDG) announced "
             "that it has entered into an amendment with its lender to extend the maturity date of its $60 million senior "
             "secured term loan from June 30, 2025 to December 31, 2026. In connection with the amendment, the interest "
             "rate on the loan was increased from 10% to 12%.")
    assert (e.instrument, e.principal_usd, e.coupon_pct, e.maturity_date.isoformat(), e.secured) == (
        "term_loan", 60e6, 12.0, "2026-12-31", True)


def test_amount_in_equipment_financing():
    e = _one("Example Mining Enters Into Equipment Financing Agreement\n\nExample Mining Ltd. (NASDAQ: EXML) announced "
             "that it has secured $48.6 million in equipment financing from a digital asset lender to fund the purchase "
             "of miners. The financing carries a 24-month term and an annual interest rate of 9.9%, and is "
             "collateralized by the purchased miners.")
    assert (e.instrument, e.event, e.principal_usd, e.coupon_pct, e.secured) == ("other", "closed", 48.6e6, 9.9, True)  # equipment financing: "other" (debt-12)


def test_premium_written_after_the_conversion_price_as_a_percent_premium_over():
    events = parse_debt("Example Mining Prices $850 Million Convertible Notes Offering\n\nExample Mining Holdings "
                        "(NASDAQ: EXMH) priced $850 million aggregate principal amount of 1.25% Convertible Senior Notes due "
                        "2031. The initial conversion price is approximately $24.50 per share, a 32.5% premium over the "
                        "closing price. The cap price of the capped call transactions will initially be $49.00 per share, "
                        "which represents a 100% premium over the closing price.")
    e = events[0]
    assert (e.event, e.principal_usd, e.conversion_price_usd, e.conversion_premium_pct, e.cap_price_usd) == (
        "priced", 850e6, 24.5, 32.5, 49.0)


def test_two_series_in_one_terms_sentence_each_take_their_own_conversion_price():
    events = parse_debt("Example Mining Prices $2.0 Billion of Convertible Senior Notes in Two Series\n\nExample Mining "
                        "Corp. (NASDAQ: EXMC) today announced the pricing of $1.0 billion aggregate principal amount of 0.00% "
                        "Convertible Senior Notes due 2030 (the \"2030 notes\") and $1.0 billion aggregate principal amount "
                        "of 0.75% Convertible Senior Notes due 2032 (the \"2032 notes\"). The 2030 notes will have an "
                        "initial conversion price of approximately $41.20 per share and the 2032 notes will have an initial "
                        "conversion price of approximately $44.85 per share.")
    by_year = {e.maturity_year: e for e in events}
    assert (by_year[2030].coupon_pct, by_year[2030].conversion_price_usd) == (0.0, 41.2)
    assert (by_year[2032].coupon_pct, by_year[2032].conversion_price_usd) == (0.75, 44.85)


def test_project_financing_facility_is_debt():
    e = _one("Example Digital Secures $1.4 Billion Project Financing for Data Center Campus\n\nExample Digital Inc. "
             "(NASDAQ: EXDI) today announced that a subsidiary has closed a $1.4 billion senior secured project financing "
             "facility with a syndicate of lenders to fund construction of its AI data center campus. The facility bears "
             "interest at SOFR plus 3.25% and matures in 2031.")
    assert (e.event, e.principal_usd, e.secured, e.maturity_year) == ("closed", 1.4e9, True, 2031)
    assert e.coupon_pct is None      # floating


def test_an_investment_in_the_form_of_a_convertible_note():
    e = _one("Example Corp. Announces $150 Million Strategic Investment from Example Capital\n\nMIAMI, Jan. 10, 2024 -- "
             "Example Corp. (Nasdaq: EXCP) announced that Example Capital has agreed to make a $150 million investment in "
             "the Company in the form of a convertible note. The note will bear interest at 8% per annum, payable in "
             "kind, will mature five years after issuance, and will be convertible into shares of common stock at a "
             "conversion price of $16.42 per share.")
    assert (e.instrument, e.event, e.principal_usd, e.coupon_pct, e.conversion_price_usd) == (
        "convertible_notes", "priced", 150e6, 8.0, 16.42)


def test_convertible_at_a_price_without_the_words_a_price_of():
    e = _one("Example Group Secures US$9 Million Secured Convertible Note Financing\n\nExample Group Inc. (NASDAQ: EXGR) "
             "has entered into a securities purchase agreement with an institutional investor for a secured convertible "
             "note with a principal amount of US$9,000,000. The note carries an interest rate of 10% per annum and is "
             "convertible at US$1.40 per share.")
    assert (e.principal_usd, e.coupon_pct, e.conversion_price_usd, e.secured) == (9e6, 10.0, 1.4, True)


def test_master_loan_agreement_states_its_cap_in_a_sentence_of_its_own():
    e = _one("Item 1.01 Entry into a Material Definitive Agreement.\n\nOn September 22, 2025, Example, Inc. (the "
             "\"Company\") and its wholly owned subsidiary (the \"Borrower\") entered into a Master Loan Agreement (the "
             "\"Loan Agreement\") with Example Credit, Inc. (the \"Lender\"). Under the Loan Agreement, the Lender may from "
             "time to time make loans to the Borrower in an aggregate principal amount of up to $100 million, secured by "
             "bitcoin held by the Borrower.")
    assert (e.event, e.principal_usd, e.secured) == ("closed", 100e6, True)
    e = _one("Example Mining Inc. (NASDAQ: EXMN) entered into a credit agreement with Example Bank under which it may "
             "borrow up to $40 million.")
    assert e.principal_usd == 40e6


def test_a_redemption_after_conversions_reads_the_redeemed_amount():
    e = _one("Item 8.01 Other Events.\n\nOn July 7, 2025, Example Holdings, Inc. (the \"Company\") completed the "
             "redemption of all of its outstanding 4.25% Convertible Senior Notes due 2026 (the \"Notes\"). Prior to the "
             "redemption date, holders converted approximately $48.2 million aggregate principal amount of the Notes, "
             "and the Company redeemed the remaining approximately $1.8 million aggregate principal amount of the Notes "
             "for cash at 100% of their principal amount plus accrued and unpaid interest.")
    assert (e.event, e.principal_usd, e.coupon_pct) == ("redeemed", 1.8e6, 4.25)
