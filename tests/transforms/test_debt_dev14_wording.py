"""Debt wording of filing notes and loan agreements (the fourteenth held-out set's leftovers, rewritten as
invented passages): master loan agreements drawn in tranches, collateral transferred to a lender, rates and
amounts worded the way 10-K, 10-Q and 20-F notes word them, and a revolving facility whose term is extended."""
from __future__ import annotations

from datetime import date

from tests.transforms.helpers import only_debt_event as _one


def test_a_master_loan_and_pledge_agreement_is_a_secured_credit_facility():
    e = _one("In March 2025, the Company, through a wholly-owned subsidiary, entered into Master Loan and Pledge "
             "Agreements (the \u201cAgreements\u201d) with a lender. Pursuant to the Agreements, the lender will provide "
             "loans in tranches with a term of 12 months and a fixed interest rate of 5.5% per annum. The Agreements "
             "require the Company to transfer certain amounts of its BTC to the lender as collateral. The balance of "
             "loans outstanding as of December 31, 2025 was $12.0 million.", ticker="EXMP")
    assert (e.instrument, e.event, e.coupon_pct, e.secured) == ("credit_facility", "closed", 5.5, True)
    assert e.principal_usd == 12e6
    assert "outstanding" in e.evidence["principal_usd"]
    assert e.derived["principal_usd"].startswith("the balance outstanding")


def test_a_master_loan_agreement_under_which_loans_may_be_extended_is_a_credit_facility():
    e = _one("Item 1.01 Entry into a Material Definitive Agreement.\nOn May 2, 2025, Example Mining, Inc. (the "
             "\u201cCompany\u201d) entered into an amended Master Loan Agreement with Example Credit, Inc. Under the "
             "Agreement, the lender may extend digital asset or cash loans to the Company on terms to be specified "
             "in individual loan confirmations.", ticker="EXMN")
    assert (e.instrument, e.event) == ("credit_facility", "amended")


def test_a_stated_facility_size_outranks_the_balance_outstanding():
    e = _one("The Company has a master loan agreement, under which it established a credit facility of $40.0 million "
             "secured by bitcoin. The balance outstanding on the facility as of June 30, 2025 was $15.0 million.",
             ticker="EXMP")
    assert (e.instrument, e.principal_usd) == ("credit_facility", 40e6)
    assert "principal_usd" not in e.derived


def test_a_stablecoin_principal_is_counted_at_par_and_said_so():
    e = _one("On June 3, 2024, the Company entered into a Master Loan Agreement with a third party. The Company "
             "pledged 200 Bitcoins as collateral and obtained a loan with principal amount of 9,500,000 USDT, a "
             "stablecoin pegged to the U.S. Dollar, at an interest rate of 3.5% per annum.", ticker="EXMP")
    assert e.principal_usd == 9.5e6
    assert "USDT" in e.derived["principal_usd"]
    assert e.secured is True


def test_a_loan_secured_against_pledged_bitcoin_bearing_interest_at_an_annual_rate():
    e = _one("Example Blockchain Corp. (TSX-V: EXBC) announced a US$6 million credit facility from Example Bank to "
             "fund the purchase of miners. With a first tranche of US$4.0 million already disbursed, the Company "
             "has paid part of its obligation. The loan is interest bearing at an annual rate of 8.2% for an "
             "indefinite term. The loan is secured against the Company's digital currency assets of 150 BTC.",
             ticker="EXBC")
    assert (e.instrument, e.event, e.principal_usd, e.coupon_pct, e.secured) == (
        "credit_facility", "closed", 6e6, 8.2, True)


def test_the_secured_overnight_financing_rate_written_out_is_a_floating_rate():
    e = _one("In July 2024, the Company entered into a one-year $30.0 million Revolving Credit Facility. In May "
             "2025, the Company extended the term of the facility through August 15, 2026. Revolving loans under "
             "the facility carry a per annum interest rate of 1.50% plus the Secured Overnight Financing Rate. "
             "Concurrent with entry into the facility, the Company pledged as security $30.0 million in cash collateral.", ticker="EXRT")
    assert (e.instrument, e.event, e.principal_usd, e.coupon_pct) == ("credit_facility", "amended", 30e6, None)
    assert e.null_reasons["coupon_pct"].startswith("floating rate")
    assert (e.maturity_date, e.secured) == (date(2026, 8, 15), True)


def test_a_secured_loan_given_a_note_name_stays_a_loan():
    e = _one("On April 2, 2024, the Company entered into a $2.0 million secured loan (\"Secured Note\") with Example "
             "Family LLC which pays eleven percent (11%) interest per annum until the Secured Note is paid in full. "
             "The note matures on April 3, 2025.", ticker="EXLF")
    assert (e.instrument, e.event, e.principal_usd, e.coupon_pct) == ("other", "closed", 2e6, 11.0)
    assert (e.maturity_date, e.secured) == (date(2025, 4, 3), True)


def test_a_lender_loaned_a_principal_amount_accruing_interest_daily():
    e = _one("On March 1, 2022, Example Squares LLC entered into a Co-Location Agreement with Example Hosting LLC. "
             "Example Hosting LLC loaned Example Squares LLC a principal amount of $15 million, for which Example "
             "Squares LLC issued a Secured Promissory Note. The Secured Promissory Note accrues interest daily at a "
             "rate of 11% per annum and has a maturity date of September 1, 2023.", ticker="EXSQ")
    assert (e.instrument, e.principal_usd, e.coupon_pct, e.maturity_date, e.secured) == (
        "other", 15e6, 11.0, date(2023, 9, 1), True)


def test_a_loan_agreement_at_a_fixed_simple_rate():
    e = _one("LOAN AGREEMENT\nTHIS LOAN AGREEMENT is made and entered into on May 5, 2025 by and between Example "
             "Holdings Limited (the \u201cLender\u201d) and Example USA, Inc. (the \u201cBorrower\u201d).\n1.1. The "
             "Lender agrees to lend to the Borrower a term loan in the principal amount of TWO MILLION UNITED STATES "
             "DOLLARS ($2,000,000.00).\n1.2. The Loan shall bear interest at a fixed simple rate of ten percent (10%) "
             "per annum.", ticker="EXUS")
    assert (e.instrument, e.principal_usd, e.coupon_pct) == ("term_loan", 2e6, 10.0)


def test_a_principal_sum_in_an_enumerated_list_and_the_latest_of_its_maturities():
    e = _one("On June 2, 2025, Example Campus LLC entered into a promissory note (the \"Promissory Note\") with "
             "Example Equipment Capital, Inc. The Promissory Note provides for a principal sum of (a) $40 million "
             "(the \"Initial Loan\"), which was drawn on the closing date, plus (b) additional loans not to exceed $10 "
             "million. The Loan shall bear interest at 9.0% per annum. The Promissory Note matures on the earliest "
             "of (i) the date of acceleration of the Loan, (ii) January 1, 2026, if the lease has not been executed, "
             "or (iii) June 2, 2027.", ticker="EXCP")
    assert (e.instrument, e.principal_usd, e.coupon_pct) == ("other", 40e6, 9.0)
    assert e.maturity_date == date(2027, 6, 2)


def test_the_maturity_date_of_a_named_loan_is_its_maturity():
    e = _one("On December 1, 2021, the Company entered into a Loan, Guaranty and Security Agreement. The agreement "
             "consists of a $100.0 million term loan facility (the \u201cTerm Loan\u201d). The maturity date of the "
             "Term Loan is December 1, 2024. The Term Loan bears an interest rate of 11.5%.", ticker="EXWL")
    assert (e.instrument, e.principal_usd, e.coupon_pct, e.maturity_date) == (
        "term_loan", 100e6, 11.5, date(2024, 12, 1))


def test_an_amendment_adding_borrowing_capacity_carries_that_amount():
    e = _one("Equipment Financing\nExample Credit LLC\nOn January 15, 2022, the Company and Example ABL LLC amended the "
             "Example Financing Agreement (the \u201cExample Amendment\u201d) to include 1,500 miners purchased under a "
             "purchase agreement dated December 1, 2021, totaling $9,400,000 of additional borrowing capacity. In "
             "February 2022, the Company received the additional borrowing of $9,400,000 less closing fees.",
             ticker="EXSD")
    assert (e.instrument, e.event, e.principal_usd) == ("other", "amended", 9.4e6)


def test_a_non_secured_promissory_note_with_a_holder_conversion_option():
    e = _one("The Group issued a US$20.0 million promissory note on May 3, 2021. The promissory note is non-secured, "
             "bears an annual interest rate of 7%, matures on May 3, 2023 and provides the holder an option to convert "
             "all or any portion of the note into ordinary shares at US$0.05 per share.", ticker="EXDR")
    assert (e.instrument, e.principal_usd, e.coupon_pct, e.secured) == ("convertible_notes", 20e6, 7.0, False)


def test_a_renewed_loan_carries_the_latest_renewal_rate():
    e = _one("As part of an acquisition, the Company acquired a $9.0 million (C$12.0 million) term loan. The term "
             "loan bore an interest rate of 3.10% per annum with a maturity date of June 30, 2024. On June 30, 2024, "
             "the Company renewed the term loan over a 1-year term at an interest rate of 5.20%. On June 30, 2025, "
             "the Company renewed the term loan over a 1-year term at an interest rate of 4.40%.", ticker="EXHV")
    assert (e.instrument, e.event, e.principal_usd, e.coupon_pct) == ("term_loan", "amended", 9e6, 4.40)
    assert e.maturity_date is None
