"""Debt wording of the thirty-seventh held-out set (after its one scoring, debt-35), rewritten as invented passages: a
Form T-3 cover (notes "to be Issued under the Indenture", a cash/PIK toggle coupon, the amount in the next cell, the
filing's own "Amendment No. 1"), and a lender that "has agreed to provide" a facility whose terms are bulleted."""
from __future__ import annotations

from tests.transforms.helpers import only_debt_event as _one
from transforms.debt import parse_debt


def test_a_t3_cover_proposes_the_notes_it_qualifies():
    events = parse_debt(
        "FORM T-3\n(Amendment No. 1)\nFOR APPLICATIONS FOR QUALIFICATION OF INDENTURES\nExample Mining, Inc.\n"
        "Securities to be Issued under the Indenture to be Qualified\nTitle of Class   Amount\n"
        "9.00%/11.00% Cash/Cash-and-Payment in Stock\n\nConvertible Secured Notes due 2030\n"
        "  $180 million aggregate principal amount\n"
        "Approximate date of proposed public offering: On the Plan Effective Date.\n"
        "The Applicants hereby amend this Application for Qualification on such date as may be necessary.",
        ticker="EXMP")
    first = events[0]
    assert (first.instrument, first.event, first.principal_usd, first.coupon_pct, first.maturity_year) == (
        "convertible_notes", "proposed", 180_000_000, 9.0, 2030)


def test_a_facility_a_lender_has_agreed_to_provide_with_its_terms_bulleted():
    e = _one("Example Mining Announces Financing Of Immersion-Cooling System\n"
             "Northgate Partners Inc. has agreed to provide Example Mining Division with a senior secured loan facility "
             "to finance the cash portion of the Purchase Price.\n"
             "The terms of the Facility will include:\n- up to a maximum of $4M, which may be increased to $6M;\n"
             "- a maturity date of 24 months after closing;", ticker="EXMP")
    assert (e.instrument, e.event, e.principal_usd, e.secured) == ("credit_facility", "proposed", 4_000_000, True)
