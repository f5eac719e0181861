"""Debt wording of the thirty-sixth held-out set (after its one scoring, debt-33), rewritten as invented filing notes:
a filing note's latest amendment sets a new limit and maturity in the sentences after its date, and "an equipment
financing loan agreement" drawn "from the loan facility" is one loan."""
from __future__ import annotations

from datetime import date

from tests.transforms.helpers import only_debt_event as _one
from transforms.debt import parse_debt

_HEAD = "|\nCredit Facility\n|12 Months Ended\nDec. 31, 2024\n|Credit Facility [Abstract]\n|\nNOTE 12: CREDIT FACILITY\n"


def test_the_latest_amendments_new_limit_and_maturity_replace_the_original_terms():
    e = _one(_HEAD + "On March 3, 2023, the Company entered into a secured revolving credit facility up to $150,000 (the "
             "\"Facility\") with Northgate Lending LLC. The Facility bore interest at a rate of 9.5% per annum.\n"
             "On May 30, 2024, the Company amended its Facility and extended its maturity date to September 1, 2024.\n"
             "On August 28, 2024, the Company amended its Facility and extended its maturity date from September 1, 2024 "
             "to November 27, 2024. Under the new terms, the maximum limit of the amended Facility is $60,000, bears "
             "interest at 10.25% per annum.", ticker="EXMP")
    assert (e.event, e.principal_usd, e.maturity_date, e.coupon_pct) == ("amended", 60_000, date(2024, 11, 27), 10.25)


def test_an_equipment_financing_loan_agreement_drawn_from_the_loan_facility_is_one_loan():
    events = parse_debt(
        "|\nLoans payable\n|12 Months Ended\nDec. 31, 2022\n|Loans payable [Abstract]\n|\nNorthgate\n"
        "The Company entered into an equipment financing loan agreement of US$22.0 million with Northgate Capital on "
        "December 30, 2021. The Company drew the full US$22.0 million from the loan facility to finance the purchase of "
        "mining servers. The loan bears an interest rate of 9.5% and is secured against the financed equipment.",
        ticker="EXMP")
    assert [(e.instrument, e.principal_usd, e.coupon_pct, e.secured) for e in events] == [("other", 22_000_000, 9.5, True)]


def test_a_loan_payable_balance_gives_way_to_the_amount_financed():
    e = _one("|\nHASHRATE SALE AGREEMENT AND LOAN\n|6 Months Ended\nFeb. 28, 2025\n|\nNOTE 7 – HASHRATE SALE AGREEMENT AND LOAN\n"
             "On November 14, 2024, we entered into an agreement to purchase 2,000 used miners for a total price of "
             "$700,000. We financed $512,300 of the purchase price from the proceeds of a Master Hashrate Purchase and "
             "Sale Agreement. On February 28, 2025, we had a loan payable of $455,120 due to the buyer on our balance "
             "sheet.", ticker="EXMP")
    assert (e.instrument, e.principal_usd) == ("other", 512_300)


def test_a_repayment_keeps_the_balance_it_repaid():
    e = _one("|\nNOTES PAYABLE\n|6 Months Ended\nFeb. 28, 2025\n|\nNOTE 7 – LOAN\n"
             "In 2024 we financed $512,300 of the purchase price of our miners with an equipment loan. On February 10, "
             "2025, the Company repaid in full the outstanding balance of $300,000 on the equipment loan.", ticker="EXMP")
    assert (e.event, e.principal_usd) == ("repaid", 300_000)
