"""Debt wording from the tenth held-out set (scored once at dbabf6c: 66/89 = 74.2 %, then development data);
passages invented here in the same layouts: a production update whose debt news is one bullet while "BTC prices"
appear elsewhere, conversions stated as "$X of the principal amount of the outstanding convertible notes", a
maturity "extended by an additional 12 months to", and a convertible release that names a bitcoin-backed line
of credit it will repay."""
from __future__ import annotations

from transforms.debt import parse_debt
from tests.transforms.helpers import only_debt_event as _one


def test_a_repaid_collateralized_facility_in_a_production_update_that_quotes_btc_prices():
    e = _one("TORONTO, July 05, 2022 (GLOBE NEWSWIRE) -- Example Technology Inc. (Nasdaq: EXTI) is pleased to provide "
             "unaudited BTC production results for June 2022.\n- Mined 72.18 BTC, resulting in total holdings of 293.30 BTC "
             "valued at approximately $5.8 million based on a BTC price of $19,785.\n- On June 14, 2022, the Company repaid "
             "its $10 million collateralized loan facility by monetizing a portion of its BTC holdings.\nUsing the closing "
             "BTC prices (from CoinDesk), the value of the BTC mined increased by approximately $1.1 million.")
    assert (e.event, e.principal_usd, e.secured) == ("repaid", 10e6, True)


def test_a_conversion_of_part_of_the_principal_of_the_outstanding_notes():
    e = _one("Example Holdings Announces Monthly Business Update\n\nReduction of Convertible Debt - Since the Company's last "
             "quarterly report, $4.1 million of the principal amount of the outstanding convertible notes have been "
             "converted into 1,029,769 shares of the Company's common stock.")
    assert (e.instrument, e.event, e.principal_usd) == ("convertible_notes", "converted", 4.1e6)


def test_a_maturity_extended_by_a_stated_period_to_a_date():
    events = parse_debt("Example Bitcoin Announces Debenture Extension\n\nThe debt was payable in respect of 3.5% senior "
                        "secured convertible debentures of the Company due November 11, 2024. The maturity date for the "
                        "remaining principal has been extended by an additional 12 months to November 11, 2025.")
    assert events[0].maturity_date.isoformat() == "2025-11-11"


def test_a_bitcoin_backed_line_of_credit_to_be_repaid_does_not_secure_the_notes():
    e = parse_debt("Example Inc. Announces Pricing of $1.0 Billion of 0.00% Convertible Senior Notes due 2032\n\nExample "
                   "Inc. (NASDAQ: EXMP) today announced the pricing of $1.0 billion aggregate principal amount of 0.00% "
                   "convertible senior notes due 2032. Example intends to use a portion of the net proceeds to repay "
                   "borrowings under its bitcoin-backed line of credit.")[0]
    assert (e.event, e.principal_usd, e.secured) == ("priced", 1e9, None)
    f = _one("Example Mining Expands Credit Facility to $200 Million\n\nExample Mining Inc. (NASDAQ: EXMN) today announced "
             "that it has amended its bitcoin-backed revolving credit facility with Example Credit to increase the "
             "borrowing capacity from $100 million to $200 million.")
    assert (f.instrument, f.secured) == ("credit_facility", True)


def test_revolving_facility_term_sheet_termination_date_is_its_maturity():
    e = _one("ITEM 1.01 Entry into a Material Definitive Agreement\n\nOn July 28, 2022, Example Holdings, Inc. (the "
             "\"Company\") entered into a Revolving Credit and Security Agreement (the \"Agreement\") with Example Bank "
             "pursuant to which the Bank has agreed to loan the Company up to $100,000,000 on a revolving basis.\n\n"
             "Initial Term:   Termination is on August 5, 2024.\n")
    assert (e.instrument, e.principal_usd, e.maturity_date.isoformat(), e.secured) == (
        "credit_facility", 100e6, "2024-08-05", True)


def test_a_credit_agreement_secured_by_substantially_all_assets_in_a_filing_note():
    e = parse_debt("WhiteHawk Credit Agreement\nOn October 27, 2022, the Company entered into a Credit Agreement with "
                   "Example Lender to refinance its earlier financing agreement. The Credit Agreement consists of $35.1 "
                   "million in term loans. The Refinancing Agreement was entered into by Example LLC as Borrower and is "
                   "secured by substantially all of the assets of the Company.")[0]
    assert e.secured is True


def test_an_amended_loan_agreement_that_makes_an_additional_loan_is_a_new_loan():
    e = parse_debt("Additional $2.0 Million Loan\nOn September 15, 2025, Example Funding, Inc. (the \"Company\") entered "
                   "into an Amendment to Loan Agreement and Loan Documents with Example Partnership, as lender. The "
                   "amendment amends the Loan Agreement entered into on August 6, 2024. Pursuant to the amendment, the "
                   "Company obtained an additional loan of up to $2.0 million from the Lender. The Additional Loan bears "
                   "interest at a rate of 12.0% per annum and will mature on September 15, 2027.")[0]
    assert (e.event, e.coupon_pct, e.maturity_date.isoformat()) == ("closed", 12.0, "2027-09-15")


def test_an_investors_right_to_buy_additional_notes_is_the_option():
    e = parse_debt("On December 7, 2023, the Company entered into a securities purchase agreement with an accredited "
                   "investor (the \"Buyer\") relating to the issuance and sale of a senior secured convertible note (the "
                   "\"Note\") in the principal amount of $6,740,000. Pursuant to the Securities Purchase Agreement, the "
                   "Buyer may elect to purchase additional senior secured convertible notes in an aggregate principal "
                   "amount that shall not exceed $18,000,000 in such additional closings.")[0]
    assert (e.principal_usd, e.option_principal_usd, e.secured) == (6.74e6, 18e6, True)
