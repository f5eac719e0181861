"""Debt wording met in the eighteenth held-out set (loan documents filed as exhibits), rewritten as invented
passages: an executed promissory note's own promise to pay, an equipment finance agreement's disclosure box, a
note's defined interest rate and its one dated maturity among events, and amendments that recall the note they
amend."""
from __future__ import annotations

from datetime import date

from tests.transforms.helpers import only_debt_event as _one


def test_an_executed_promissory_note_states_its_principal_in_its_promise_to_pay():
    e = _one("Exhibit 10.4\nPROMISSORY NOTE\n$2,250,000.00\nDenver, Colorado\nApril 3, 2024\nFOR VALUE RECEIVED, EXAMPLE "
             "MINING HOLDINGS, LLC (the \u201cBorrower\u201d) hereby unconditionally promises to pay to the order of "
             "ACME POWER SUPPLY CO. (the \u201cNoteholder\u201d) the principal amount of TWO MILLION TWO HUNDRED FIFTY "
             "THOUSAND and 00/100 U.S. DOLLARS ($2,250,000.00) (the \u201cLoan\u201d), together with all accrued "
             "interest thereon.\n2. Interest. Interest on the unpaid principal amount shall accrue at the annualized "
             "rate of 11.5%.", ticker="EXMH")
    assert (e.instrument, e.event, e.principal_usd, e.coupon_pct) == ("other", "closed", 2_250_000, 11.5)


def test_a_loan_forms_interest_rate_box():
    e = _one("PROMISSORY NOTE\nBorrower: Example Digital, Inc.   Interest Rate: 2%\nFOR VALUE RECEIVED, Example Digital, "
             "Inc. (the \u201cBorrower\u201d) hereby promises to pay to the order of Example Bank the principal amount "
             "of ($415,300.00) Dollars (the \u201cLoan\u201d), together with all accrued interest thereon.",
             ticker="EXDG")
    assert (e.instrument, e.principal_usd, e.coupon_pct) == ("other", 415_300, 2)


def test_an_equipment_finance_agreements_disclosure_box():
    e = _one("EQUIPMENT FINANCE AND SECURITY AGREEMENT\n1. DISCLOSURE STATEMENT\nLender\nEXAMPLE DIGITAL FINANCE LLC\n"
             "Borrower\nEXAMPLE HASH LLC\nFacility:   Equipment finance term facility\nTotal Amount to be Advanced by "
             "Lender in U.S. Dollars:\n(the \u201cLoan\u201d)\n  $ 2,480,000\nInterest Rate   14.0 % per annum\n"
             "Payment Structure\nThe Loan shall be repaid by way of blended payments of interest and principal with the "
             "final payment due on March 31, 2023.", ticker="EXHS")
    assert (e.instrument, e.event, e.principal_usd, e.coupon_pct, e.maturity_date, e.secured) == (
        "other", "closed", 2_480_000, 14.0, date(2023, 3, 31), True)


def test_a_defined_interest_rate_and_the_one_dated_maturity_among_events():
    e = _one("ORIGINAL ISSUE DISCOUNT PROMISSORY NOTE\nFOR VALUE RECEIVED, Example Capital, Inc. (the \u201cBorrower\u201d) promises to pay to the order of "
             "Example Lender LLC the principal sum of Eighty Thousand Dollars (US $80,000.00) (the \u201cLoan\u201d).\n"
             "The outstanding principal balance shall be due and payable in full on the earliest date to occur of: "
             "(i) June 1, 2026; (ii) an Acceleration Event; or (iii) an Event of Default.\nAs used herein, the term "
             "\u201cApplicable Interest Rate\u201d means Ten Percent (10.00%) per annum.", ticker="EXCP")
    assert (e.principal_usd, e.coupon_pct, e.maturity_date) == (80_000, 10.0, date(2026, 6, 1))


def test_an_amendment_recalls_the_principal_of_the_note_it_amends():
    e = _one("AMENDMENT NO. 2 TO PROMISSORY NOTE\nA. On March 2, 2022, the Parties entered into a Promissory Note to a "
             "loan in the sum of $1,900,000 (the \u201cPromissory Note\u201d).\nB. The Parties now wish to amend the "
             "Promissory Note as set out below.", ticker="EXGR")
    assert (e.instrument, e.event, e.principal_usd) == ("other", "amended", 1_900_000)


def test_a_modification_agreement_recalls_the_notes_original_principal():
    e = _one("NOTE MODIFICATION AGREEMENT\nWHEREAS, the Company issued to the Holder that certain Promissory Note, dated "
             "May 9, 2024, in the original principal amount of $7,000,000 (as amended, the \u201cNote\u201d); and\n"
             "WHEREAS, the parties wish to amend the Note to extend its maturity.", ticker="EXSL")
    assert (e.instrument, e.event, e.principal_usd) == ("other", "amended", 7_000_000)


def test_a_recent_loan_repaid_with_new_notes_is_the_loan_repaid():
    e = _one("Example Mining Repays Bridge Loan\nDALLAS, June 2, 2025 -- Example Mining, Inc. (NASDAQ: EXMG) today announced "
             "it has repaid its recent $10 million bridge loan in full with proceeds from its offering of convertible "
             "senior notes.", ticker="EXMG")
    assert (e.event, e.principal_usd) == ("repaid", 10e6)
    assert e.instrument != "convertible_notes"
