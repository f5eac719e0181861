"""Debt wording met in the twenty-ninth and thirtieth held-out sets (each scored once, then development data),
rewritten as invented passages: notes "raised" in "aggregate principal" (no "amount"), a "private offering" of notes,
notes named only by their defined term in a closing 8-K, one quoted sentence per line without full stops, a release's
loan bullets ("Principal:", "Rate: 13 % APR"), a word-spelled loan term before the loan, cash put up "as security"
into a lender's account, a term loan facility drawn in "one or more loans", and a facility's size "was increased"."""
from __future__ import annotations

from tests.transforms.helpers import only_debt_event as _one


def test_notes_raised_in_aggregate_principal_are_a_closing_with_their_principal():
    e = _one("In the first transaction, Example Mining raised $900 million in aggregate principal of senior secured notes "
             "due 2031 at 7.5%.", ticker="EXDB")
    assert (e.instrument, e.event, e.principal_usd) == ("senior_secured_notes", "closed", 900e6)


def test_a_private_offering_of_notes_gives_its_principal():
    e = _one("Completed a $1.2 billion private offering of 8.75% senior secured notes due 2031, issued at 98% of par.",
             ticker="EXDB")
    assert (e.event, e.principal_usd, e.coupon_pct) == ("closed", 1.2e9, 8.75)


def test_notes_named_only_by_their_defined_term_one_sentence_per_line():
    e = _one("The aggregate principal amount of Notes sold in the Offering was $2,100 million\n"
             "The Issuer intends to use the proceeds from the Offering to finance the construction of a data center campus "
             "leased to an investment-grade tenant, fund debt service reserves and pay fees and expenses of the Offering\n"
             "The Indenture limits the ability of the Issuer to incur additional indebtedness", ticker="EXDB")
    assert (e.instrument, e.event, e.principal_usd) == ("other", "closed", 2.1e9)


def test_a_bare_notes_term_beside_a_full_descriptor_is_the_same_notes():
    e = _one("On October 2, 2025, the Company closed its offering of $150 million aggregate principal amount of its 4.00% "
             "Convertible Senior Notes due 2030. The Indenture governs the notes. The initial conversion rate is 240.3846 "
             "ordinary shares per $1,000 principal amount of Notes.", ticker="EXDB")
    assert (e.instrument, e.principal_usd, e.conversion_rate_per_1000_usd) == ("convertible_notes", 150e6, 240.3846)


def test_a_releases_loan_bullets():
    e = _one("Example Holdings Secures $500,000 Financing\nExample Holdings, Inc. (OTC: EXHO) today announced it has closed "
             "a $500,000 three-year term loan.\nLoan Highlights\n* Principal: $500,000\n* Term: 36 months\n* Rate: 11 % APR, "
             "payable monthly", ticker="EXHO")
    assert (e.instrument, e.event, e.principal_usd, e.coupon_pct) == ("term_loan", "closed", 500_000, 11.0)


def test_cash_funded_as_security_into_a_control_account_secures_the_facility():
    e = _one("In July 2024, the Company entered into a one-year $40.0 million Revolving Credit Facility. Concurrent with entry "
             "into the Revolving Facility, the Company funded the entire $40.0 million amount of the Revolving Facility as "
             "security into a control account maintained by the lender.", ticker="EXDB")
    assert (e.instrument, e.principal_usd, e.secured) == ("credit_facility", 40e6, True)


def test_a_term_loan_facility_drawn_in_one_or_more_loans_and_its_increased_size():
    facility = _one("On May 9, 2023, the Company entered into a Term Loan Facility and Security Agreement with Example Hosting. "
                    "Example Hosting may request one or more loans under a senior secured term loan facility in an aggregate "
                    "principal amount not to exceed $5 million. The interest rate of the Loan Agreement is 0%.", ticker="EXDB")
    assert (facility.instrument, facility.coupon_pct) == ("credit_facility", 0.0)
    upsized = _one("Under the term loan facility, Example Hosting may request one or more loans. Specifically, the facility "
                   "size was increased from $5 million to $6.7 million.", ticker="EXDB")
    assert (upsized.event, upsized.principal_usd) == ("upsized", 6.7e6)


# Later in the same development set (debt-24): a coupon named after "notes at", and results-release verbs of a
# facility's closing ("secured a ... facility", "signed a credit facility", "refinanced ... through a new facility").
def test_notes_at_a_rate_give_the_coupon_but_not_a_price_of_par():
    e = _one("Example Mining raised $700 million in aggregate principal of senior secured notes at 6.875%.", ticker="EXDB")
    assert e.coupon_pct == 6.875
    e = _one("Example Mining raised $700 million in aggregate principal of senior secured notes at 99% of par.",
             ticker="EXDB")
    assert e.coupon_pct is None


def test_results_bullets_that_secure_sign_or_refinance_into_a_facility_are_closings():
    for text in ("\u2022 Example Mining secured a $600 million project financing facility, fully funding Phase I.",
                 "On May 2, 2025, the Company signed a credit facility for up to $150.0 million with Example Capital.",
                 "- Refinanced the Company's $90.0 million Bitcoin-backed credit facility through a new facility with "
                 "Example Prime."):
        e = _one(text, ticker="EXDB")
        assert (e.instrument, e.event) == ("credit_facility", "closed"), text


# Filing notes of the thirty-first held-out set (after its one scoring, debt-25): amounts "($ in thousands)" in the
# prose too, the latest dated step of a note's history (a later repayment, an amendment, a rate "adjusted to"), and an
# amendment's new borrowing limit.
_LINE_NOTE = ("9. LOANS\nThe following is a schedule of the Company's loans as of June 30, 2025:\n($ in thousands)\n[...]\n"
              "Example Line of Credit\nOn March 3, 2024, the Company signed a Master Loan Agreement with Example Credit, "
              "Inc. for a line of credit. The Master Loan has a credit limit of $40,000. The Company drew $40,000 from "
              "the line of credit in March 2024, and pledged bitcoin as collateral. The line of credit initially bore "
              "interest of 9% per annum. During May 2024, the interest rate on the line of credit was adjusted to 8.25% "
              "per annum and has not been subsequently amended.\n")


def test_a_note_in_thousands_scales_its_prose_and_a_later_repayment_is_the_news():
    e = _one(_LINE_NOTE + "During the three months ended December 31, 2024, the Company repaid the $40,000 outstanding "
             "balance on the line of credit.", ticker="EXDB")
    assert (e.instrument, e.event, e.principal_usd, e.coupon_pct) == ("credit_facility", "repaid", 40e6, 8.25)
    assert "in thousands" in e.derived["principal_usd"]


def test_a_later_amendment_outranks_a_repayment_and_gives_the_new_limit():
    e = _one(_LINE_NOTE + "In December 2024, the Company repaid the $40,000 outstanding balance on the line of credit. "
             "In April 2025, the Company amended the Master Loan agreement to expand the availability of borrowings to "
             "$150,000 with all other terms unchanged.", ticker="EXDB")
    assert (e.event, e.principal_usd) == ("amended", 150e6)


def test_an_equipment_note_that_requires_interest_at_a_rate_gives_its_coupon():
    e = _one("The Company entered into an equipment finance agreement during May 2021 to finance miner equipment "
             "purchases totaling $3.1 million with a third party. The terms of the financing agreement require interest "
             "at 15% per annum.", ticker="EXDB")
    assert e.coupon_pct == 15


def test_an_agreement_over_several_facilities_is_one_credit_facility_at_its_total():
    e = _one("On March 2, 2026, the Company entered into a definitive credit agreement with Example Bank to finance its "
             "data centers. The credit agreement provides for an aggregate amount of up to approximately USD $31.5 million "
             "of financing. The agreement is comprised of three separate facilities:\n- Non-revolving lease facility in "
             "the amount of USD $12.0 million.\n- Non-revolving term loan facility in the amount of USD $15.5 million.\n"
             "- Revolver by way of letters of credit in the amount of USD $4.0 million.", ticker="EXDB")
    assert (e.instrument, e.principal_usd) == ("credit_facility", 31.5e6)
    assert "several facilities" in e.derived["principal_usd"]


# Filings of smaller miners in the thirty-third held-out set (after its one scoring, debt-27), rewritten as invented
# passages.
def test_a_purchase_agreement_under_which_the_company_sold_a_note_is_a_closing():
    e = _one("Item 1.01 Entry into a Material Definitive Agreement.\nEffective May 3, 2024, Example Mining, Inc. (the "
             "“Company”) entered into a Securities Purchase Agreement with an accredited investor, pursuant to which the "
             "Company sold the Investor an unsecured promissory note in the principal amount of $75,400.", ticker="EXDB")
    assert (e.instrument, e.event, e.principal_usd, e.secured) == ("other", "closed", 75_400, False)


def test_a_line_of_credit_named_loc_amended_with_its_new_limit():
    e = _one("NOTE 9 - SUBSEQUENT EVENTS\nOn July 2, 2023, the Company amended and restated its LOC Agreement with "
             "Example Lender. Under the new amended and restated LOC, the Company is entitled to borrow funds up to the "
             "limit of $2,500,000 with a new maturity date of January 1, 2024.", ticker="EXDB")
    assert (e.instrument, e.event, e.principal_usd) == ("credit_facility", "amended", 2_500_000)


def test_a_mining_machine_loan_financing_an_amount_is_other_debt():
    e = _one("On March 3, 2026, the Company entered into an arrangement to upgrade its mining machines. The first batch "
             "of the upgrade, amounting to approximately US$9.10 million, will be financed through a mining machine loan "
             "bearing interest at 9% per annum.", ticker="EXDB")
    assert (e.instrument, e.principal_usd, e.coupon_pct) == ("other", 9.1e6, 9)


def test_a_results_releases_prose_stays_in_dollars_beside_statements_in_thousands():
    e = _one("DENVER, May 2, 2025 (GLOBE NEWSWIRE) -- Example Mining, Inc. (NASDAQ: EXDB) today announced that it closed a "
             "secured promissory note of $750,000 with Example Lender.\nCondensed Balance Sheets\n(in thousands)\n"
             "Total assets $ 12,400", ticker="EXDB")
    assert e.principal_usd == 750_000


# Loan confirmations and a filing note of the thirty-fourth held-out set (after its one scoring, debt-29), rewritten as
# invented passages: the rows of a lender's term sheet copied one cell per line, and collateral a borrower "posted".
def test_a_loan_confirmations_rows_give_amount_rate_maturity_and_collateral():
    e = _one("Exhibit 10.4\nLOAN TERM SHEET\nThe following loan confirmation dated March 3rd, 2022 incorporates all of the "
             "terms of the Master Loan Agreement entered into by Example Lender, LLC and Example Mining Inc. on March 3rd, "
             "2022 and the following specific terms:\n|Borrower:\n|EXAMPLE MINING INC.\n|Loan Amount\n|$30,000,000\n"
             "|Borrower APR\n|5.25%\n|Loan Date\n|3/3/2022\n|Maturity Date\n|6/1/2022\n|Total Collateral Amount\n"
             "|900 BTC\n", ticker="EXDB")
    assert (e.principal_usd, e.coupon_pct, e.maturity_date.isoformat(), e.secured) == (30e6, 5.25, "2022-06-01", True)


def test_a_credit_line_against_collateral_the_company_posted_is_secured():
    e = _one("10. SHORT-TERM DEBTS\nOn May 5, 2025, the Company signed a Master Loan Agreement with a lender in which "
             "the lender agreed to grant a credit line to the Company. The amount the Company is able to draw from the "
             "credit line is determined by the monetary value of the cryptocurrency collateral the Company posted at the "
             "lender-designated wallets.", ticker="EXDB")
    assert (e.instrument, e.secured) == ("credit_facility", True)


def test_a_canadian_filers_loan_of_up_to_an_amount_with_its_us_dollars_in_brackets():
    e = _one("Foundry\nOn March 3, 2021, the Company finalized an equipment financing loan of up to $12,500,000 "
             "(US$9,800,000) with Example Lender, which would be drawn in tranches. Each tranche has a 12-month term "
             "with an annual interest rate of 15.5% and is secured against the financed equipment.", ticker="EXDB")
    assert (e.instrument, e.principal_usd, e.coupon_pct, e.secured) == ("other", 9_800_000, 15.5, True)


def test_a_filing_notes_dated_agreement_below_its_balance_table_is_the_news():
    # a long balance table first, one cell per line with blank lines between, as an EDGAR R page prints it
    table = "".join(f"Lease liability {n}\n   \n{n},081\n     \n-\n \n" for n in range(1, 13))
    e = _one("Borrowings\n12 Months Ended\nJun. 30, 2024\nNote 15. Borrowings\nCurrent liabilities\nMining hardware finance\n"
             "41,210\nConvertible notes\n-\n52,300\n" + table + "Mining hardware finance\nDuring the year ended 30 June 2023, "
             "certain subsidiaries entered into equipment financing agreements. On 12 April 2024, a subsidiary within the "
             "Group entered into a $48,500,000 limited recourse equipment finance and security agreement with Example ABL "
             "LLC. The facility has a contractual term of 24 months and is secured by 12,000 miners.", ticker="EXDB")
    assert (e.instrument, e.event, e.principal_usd, e.secured) == ("other", "closed", 48_500_000, True)
