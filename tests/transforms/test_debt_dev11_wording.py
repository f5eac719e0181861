"""Loan wording reviewed before the eleventh held-out sets arrived: passages invented here in the layouts
miners use for loans and their retirements: "Completes Repayment of Its ... Term Loan", "prepaid in full the
$X of limited recourse equipment financing facilities", a note-style loan name ("its 12.5% senior secured term
loan due 2027"), a credit agreement "providing for" a bitcoin-backed term loan, promissory notes, an extended
maturity written after an amount with a decimal point, and a dual listing whose US ticker is the second."""
from __future__ import annotations

from datetime import date

from transforms.debt import parse_debt
from tests.transforms.helpers import only_debt_event as _one


def test_a_completed_repayment_is_no_closing_and_the_loan_reads_like_a_note():
    e = _one("Example Compute Completes Repayment of Its Senior Secured Term Loan\n\nAUSTIN, Texas, Sept. 10, 2024 -- "
             "Example Compute, Inc. (Nasdaq: EXCO) today announced that it has repaid the remaining $40.9 million principal "
             "balance of its 12.5% senior secured term loan due 2027, eliminating all of its secured debt.")
    assert (e.instrument, e.event, e.principal_usd, e.coupon_pct, e.maturity_year, e.secured) == (
        "term_loan", "repaid", 40.9e6, 12.5, 2027, True)


def test_a_prepayment_of_limited_recourse_equipment_financing():
    e = _one("Example Energy Limited Announces Prepayment of Equipment Financing\n\nSYDNEY, Australia, Nov. 2, 2022 -- "
             "Example Energy Limited (NASDAQ: EXEN) today announced that it has prepaid in full the $32.3 million of limited "
             "recourse equipment financing facilities secured against miners at its Northfield site.")
    assert (e.event, e.principal_usd) == ("repaid", 32.3e6)


def test_an_early_repayment_of_an_amount_outstanding_under_a_loan():
    e = _one("Example Digital Announces Early Repayment of Equipment Loan\n\nNEW YORK, Jan. 8, 2024 -- Example Digital, Inc. "
             "(Nasdaq: EXDG) today announced the early repayment of approximately $6.5 million outstanding under its "
             "equipment loan with Lender Digital LLC. The loan carried an interest rate of 13% and was scheduled to mature "
             "in June 2024.")
    assert (e.event, e.principal_usd, e.coupon_pct, e.maturity_year) == ("repaid", 6.5e6, 13.0, 2024)


def test_a_headline_that_only_reports_a_repayment_outranks_a_restructuring_in_the_lead():
    e = _one("Example Farms Repays Remaining Balance of Equipment Financing\n\nTORONTO, March 1, 2023 (GLOBE NEWSWIRE) -- "
             "Example Farms Ltd. (NASDAQ/TSX: EXFM) announced today that it has repaid the remaining $9.9 million balance "
             "owed to Lender Fi under its equipment financing agreement, and that it has reached an agreement with Lender "
             "ABL to restructure its $38 million equipment financing facility.")
    assert (e.event, e.principal_usd) == ("repaid", 9.9e6)


def test_a_repaid_promissory_note_is_other_debt_with_its_rate_and_due_date():
    e = _one("Example Host Announces Repayment in Full of Promissory Note\n\nNEW YORK, May 10, 2023 -- Example Host "
             "Technology Inc. (Nasdaq: EXHT) (TSXV: EXHT) announced that it has repaid in full a promissory note with an "
             "outstanding principal balance of US$4.1 million, bearing interest at 10% per annum, that was originally due "
             "on December 31, 2023.")
    assert (e.instrument, e.event, e.principal_usd, e.coupon_pct, e.maturity_date) == (
        "other", "repaid", 4.1e6, 10.0, date(2023, 12, 31))


def test_an_extended_maturity_after_an_amount_with_a_decimal_point():
    e = _one("Example Generation Announces Extension of Loan Maturity\n\nDRESDEN, N.Y., Aug. 22, 2024 -- Example Generation "
             "Holdings Inc. (NASDAQ: EXGH) today announced that it has entered into an amendment with Lender ABL LLC to "
             "extend the maturity of its $42.5 million secured loan from December 31, 2024 to December 31, 2025.")
    assert (e.event, e.principal_usd, e.maturity_date, e.secured) == ("amended", 42.5e6, date(2025, 12, 31), True)


def test_a_credit_agreement_providing_for_a_bitcoin_backed_term_loan_is_one_secured_loan():
    events = parse_debt("Item 1.01 Entry into a Material Definitive Agreement.\n\nOn April 23, 2025, Example Platforms, Inc. "
                        "(NASDAQ: EXPL) entered into a credit agreement with Lender Credit, Inc. providing for a "
                        "bitcoin-backed term loan of up to $200 million with a term of 364 days.")
    assert [(e.instrument, e.principal_usd, e.secured) for e in events] == [("term_loan", 200e6, True)]


def test_a_loan_maturing_on_a_date_and_a_line_of_credit_secured_by_bitcoin():
    e = _one("Example Mining Enters Into $35.1 Million Credit Agreement\n\nNEW YORK, Oct. 27, 2022 -- Example Mining, Inc. "
             "(NASDAQ: EXMN) today announced that it has entered into a $35.1 million term loan with Lender Finance LLC, "
             "maturing October 26, 2025.")
    assert (e.event, e.principal_usd, e.maturity_date) == ("closed", 35.1e6, date(2025, 10, 26))
    e = _one("Example Spark Announces $50 Million Line of Credit\n\nLAS VEGAS, Nov. 3, 2025 -- Example Spark, Inc. (Nasdaq: "
             "EXSP) today announced that it has entered into a $50 million revolving line of credit secured by a portion of "
             "its bitcoin holdings. Borrowings under the line bear interest at a rate of 7.75% per year. The line matures in "
             "November 2026.")
    assert (e.instrument, e.secured, e.coupon_pct, e.maturity_year) == ("credit_facility", True, 7.75, 2026)


def test_a_project_financing_with_a_maturity_in_a_year():
    e = _one("Example Mining Announces Closing of $1.1 Billion Project Financing\n\nNEW YORK, Dec. 5, 2025 -- Example Mining "
             "Inc. (NASDAQ: EXMI) today announced the closing of a $1.1 billion senior secured project financing facility for "
             "its North Lake data center, with a maturity in 2030 and an interest rate of SOFR plus 4.00%.")
    assert (e.event, e.principal_usd, e.maturity_year, e.coupon_pct) == ("closed", 1.1e9, 2030, None)


def test_a_dual_listing_written_out_takes_the_us_ticker():
    e = _one("Example Blockchain plc Announces Asset-Backed Loan\n\nLONDON, Dec. 28, 2022 -- Example Blockchain plc (LSE: "
             "EXB; NASDAQ: EXBK) is pleased to announce that it has entered into a US$35 million asset-backed loan with an "
             "affiliate of Lender Holdings Ltd.")
    assert (e.ticker, e.principal_usd) == ("EXBK", 35e6)
    e = _one("Example 8 Corp. Announces Upsize of Credit Facility\n\nMIAMI, Dec. 9, 2024 -- Example 8 Corp. (Nasdaq | TSX: "
             "EXH) today announced that it has increased the size of its revolving credit facility with Lender Credit, Inc. "
             "from $65 million to $130 million.")
    assert (e.ticker, e.event, e.principal_usd) == ("EXH", "upsized", 130e6)
