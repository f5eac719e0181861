"""Debt wording met in the eighteenth held-out set (development data), rewritten as invented passages: a lender's
payoff letter, an amended and restated note, a side letter's credit limit and a revolving line of credit named by
its abbreviation."""
from __future__ import annotations

from tests.transforms.helpers import only_debt_event as _one


def test_a_payoff_letter_re_an_amended_credit_agreement_is_a_repayment():
    e = _one("Exhibit 10.2\nPAYOFF LETTER\nExample Hash LLC\nMay 2, 2025\nRe: Third Amended and Restated Credit Agreement, "
             "dated as of March 1, 2023 (the \u201cCredit Agreement\u201d), among Example Hash LLC, as borrower, and Example "
             "Lending Ltd., as agent.\nLadies and Gentlemen:\nBorrower hereby agrees to pay the Agent $9,000,000.00 (the "
             "\u201cPayoff Amount\u201d).", ticker="EXHH")
    assert (e.instrument, e.event) == ("credit_facility", "repaid")


def test_an_amended_and_restated_note_in_force_is_an_amendment():
    e = _one("Exhibit 10.5\nAMENDED AND RESTATED BRIDGE PROMISSORY NOTE\nAmendment and Restatement Effective Date: June 1, "
             "2023\nOriginal Effective Date: January 9, 2023\nFOR VALUE RECEIVED, EXAMPLE GENERATION INC. (the "
             "\u201cBorrower\u201d) hereby unconditionally promises to pay to the order of EXAMPLE CAPITAL, LLC the "
             "principal amount of Nine Million Dollars ($9,000,000.00).", ticker="EXGG")
    assert (e.instrument, e.event, e.principal_usd) == ("other", "amended", 9_000_000)


def test_a_side_letters_indicative_maximum_loan_amount_is_the_facility_size():
    e = _one("SIDE LETTER\nDate: 2nd March, 2026\nThis Side Letter refers to the Master Loan Agreement dated as of 3/2/26 "
             "(the \u201cAgreement\u201d), between you and us.\nThe Lender confirms that the Borrower is currently approved "
             "to borrow an indicative maximum Loan Amount of USD150,000,000 under the Agreement (\u201cCredit Limit\u201d).",
             ticker="EXCS")
    assert (e.instrument, e.principal_usd) == ("credit_facility", 150e6)


def test_an_rloc_facility_is_a_credit_facility():
    e = _one("SUBSEQUENT EVENTS\nDuring January 2023, the Company borrowed an additional $20 million under its RLOC facility "
             "for general corporate purposes and provided an additional 1,200 bitcoin as collateral for this borrowing. "
             "As a result, the Company had pledged a total of 4,100 bitcoin as collateral for its $20 million RLOC.",
             ticker="EXMR")
    assert (e.instrument, e.principal_usd, e.secured) == ("credit_facility", 20e6, True)
