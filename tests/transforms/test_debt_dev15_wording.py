"""Debt wording met in the fifteenth held-out set (notes), rewritten as invented passages: a tack-on issue under an
existing indenture, and a term sheet whose cells name the stock exchange and a concurrent repurchase."""
from __future__ import annotations

from tests.transforms.helpers import only_debt_event as _one


def test_additional_notes_under_an_existing_indenture_are_the_issue_not_an_option():
    e = _one("FIRST SUPPLEMENTAL INDENTURE (this \u201cSupplemental Indenture\u201d), dated as of March 3, 2026, among "
             "Example Compute LLC (the \u201cIssuer\u201d) and Example Trust, as Trustee and Collateral Agent.\n"
             "WHEREAS, the Issuer has heretofore executed and delivered to the Trustee an indenture dated as of "
             "February 10, 2026, pursuant to which the Issuer issued $900,000,000 aggregate principal amount of the "
             "Issuer\u2019s 8.250% Senior Secured Notes due 2031 (the \u201cInitial Notes\u201d);\n"
             "WHEREAS, the Issuer desires to execute this Supplemental Indenture in connection with the issuance by the "
             "Issuer, pursuant to Section 2.07 of the Indenture, of an additional $250,000,000 aggregate principal "
             "amount of 8.250% Senior Secured Notes due 2031 (the \u201cNew Notes\u201d);", ticker="EXCC")
    assert (e.instrument, e.principal_usd, e.option_principal_usd, e.coupon_pct) == (
        "senior_secured_notes", 250e6, None, 8.25)
    assert "no purchasers' option" in e.null_reasons["option_principal_usd"]


def test_a_term_sheet_cell_naming_the_exchange_and_a_repurchase_heading_keeps_the_pricing():
    e = _one("|\nIssuer\n|\nExample Hash Limited.\n|\nTicker / Exchange for Ordinary Shares\n|\nEXHL / Nasdaq Global "
             "Select Market.\n|\nConcurrent Notes Offering; Repurchase of Existing Convertible Notes\n|\nOn March 2, "
             "2026, we announced the pricing of our previously announced private offering of $800,000,000 aggregate "
             "principal amount of 0.50% convertible senior notes due 2032 (the \u201cNotes\u201d).", ticker="EXHL")
    assert (e.instrument, e.event, e.principal_usd, e.coupon_pct) == ("convertible_notes", "priced", 800e6, 0.5)


def test_commitments_agreed_for_a_debtor_in_possession_facility_are_a_proposal():
    e = _one("Example Mining Announces Restructuring\nAUSTIN, Texas, Jan. 5, 2023 /PRNewswire/ -- Example Mining, Inc. "
             "(NASDAQ: EXMG) today announced that it filed voluntary petitions under Chapter 11. In connection with "
             "the restructuring support agreement, the noteholder group has agreed to provide commitments for a "
             "debtor-in-possession facility (the \"DIP Facility\") of up to $40 million.", ticker="EXMG")
    assert (e.instrument, e.event, e.principal_usd) == ("credit_facility", "proposed", 40e6)


def test_a_term_loan_renewed_after_the_year_end_is_amended():
    e = _one("16. Term Loan\nAs part of an acquisition, the Company acquired a $8,500,000 (C$10,600,000) term loan. The "
             "facility bears interest at 3.10% per annum and a maturity date of June 30, 2022. Subsequent to the year "
             "end, the term loan was renewed for another 12 month term.", ticker="EXHV")
    assert (e.instrument, e.event, e.principal_usd, e.coupon_pct) == ("term_loan", "amended", 8.5e6, 3.1)


def test_a_maturity_year_run_into_a_bigger_number_is_no_year():
    # found by the mangled-documents property test: "Due 2031,0" is not a maturity in 2031
    e = _one(b"ses $588 Million Offering of 1.375% Convertible Senior Notes Due 2031,0 ")
    assert (e.principal_usd, e.coupon_pct, e.maturity_year) == (588e6, 1.375, None)
