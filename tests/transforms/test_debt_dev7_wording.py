"""transforms.debt on wording families found by a sixth development set of real releases.

Every passage is invented (made-up issuers, amounts and dates), shaped after real layouts: a "private debt
facility" issued as a promissory note with initial commitments, an accordion and no reborrowing; secured
debt eliminated by selling a site (a loan is "repaid", notes are "redeemed"); a "securities purchase
agreement to sell" convertible notes (a pricing: terms fixed, sale agreed); an addendum "to amend" notes
first issued "in the original aggregate principal amount of $X".
"""
from __future__ import annotations

from transforms.debt import parse_debt


def _one(text: str, **kw):
    events = parse_debt(text, **kw)
    assert len(events) == 1, events
    return events[0]


def test_private_debt_facility_with_initial_commitments_and_an_accordion():
    e = _one("Example Compute Secures Private Debt Facility of up to $150 million for its Campus\n"
             "AUSTIN, TX \u2013 March 4, 2025 -- Example Compute Corp. (Nasdaq: EXCC) announced today that it has secured "
             "private financing from Lender Partners. A subsidiary of the Company has issued a Promissory Note (the "
             "\u201cNote\u201d) for commitments that total $100 million at close (\u201cInitial Commitments\u201d). The Note "
             "includes an accordion feature that allows for up to an additional $50 million of borrowings. Principal "
             "amounts repaid under the Note will not be available for reborrowing.", ticker="EXCC")
    assert (e.instrument, e.event, e.principal_usd, e.option_principal_usd) == ("term_loan", "closed", 100e6, 50e6)


def test_secured_debt_eliminated_by_selling_a_site_is_repaid():
    e = _one("Eliminates Remaining $12.4 Million of Secured Debt by Selling Georgia Mining Site to Lender\n"
             "ATLANTA, Ga., May 2, 2024 /PRNewswire/ -- Example Power Holdings Inc. (NASDAQ: EXPW) announced today that it "
             "had completed its previously announced sale and deleveraging transaction with Lender. In connection "
             "with the transaction, Example eliminated the remaining $12.4 million of secured debt. In aggregate, the "
             "Company has reduced its debt by $40.0 million in 2024, leaving $30.0 million of unsecured debt.",
             ticker="EXPW")
    assert (e.instrument, e.event, e.principal_usd, e.secured) == ("term_loan", "repaid", 12.4e6, True)


def test_loan_paid_off_is_repaid_not_redeemed():
    e = _one("Full Repayment of $20 Million Lender Loan\n\nExample Hash plc is pleased to announce that it has fully "
             "repaid the remaining balance of the loan extended by Lender Capital in 2023.", ticker="EXHP")
    assert (e.instrument, e.event) == ("term_loan", "repaid")


def test_securities_purchase_agreement_to_sell_notes_is_a_pricing():
    e = _one("via NewMediaWire -- Example Technology, Incorporated (NASDAQ: EXTC) today announced that it has entered "
             "into a securities purchase agreement to sell $9.5 million of convertible notes to certain accredited "
             "investors. The notes will be convertible into common stock at a price of $4.10 per share.", ticker="EXTC")
    assert (e.instrument, e.event, e.principal_usd, e.conversion_price_usd) == ("convertible_notes", "priced", 9.5e6, 4.10)


def test_addendum_to_amend_notes_states_their_original_principal():
    e = _one("Item 1.01 Entry into a Material Definitive Agreement.\nAs previously reported, on March 3, 2023, the Company "
             "entered into a Securities Purchase Agreement pursuant to which the Company issued to the purchasers secured "
             "convertible notes in the original aggregate principal amount of $8,250,000 (the \u201cMarch Notes\u201d).\n"
             "Addendum\nOn June 9, 2023, the Company entered into an Addendum with the purchasers to amend certain terms "
             "of the March Notes.", ticker="EXSL")
    assert (e.instrument, e.event, e.principal_usd, e.secured) == ("convertible_notes", "amended", 8.25e6, True)
