"""transforms.debt on wording families found by a sixth development set of real releases.

Every passage is invented (made-up issuers, amounts and dates), shaped after real layouts: a "private debt
facility" issued as a promissory note with initial commitments, an accordion and no reborrowing; secured
debt eliminated by selling a site (a loan is "repaid", notes are "redeemed"); a "securities purchase
agreement to sell" convertible notes (a pricing: terms fixed, sale agreed); an addendum "to amend" notes
first issued "in the original aggregate principal amount of $X".
"""
from __future__ import annotations

from tests.transforms.helpers import only_debt_event as _one


def test_private_debt_facility_with_initial_commitments_and_an_accordion():
    e = _one("Example Compute Secures Private Debt Facility of up to $150 million for its Campus\n"
             "AUSTIN, TX \u2013 March 4, 2025 -- Example Compute Corp. (Nasdaq: EXCC) announced today that it has secured "
             "private financing from Lender Partners. A subsidiary of the Company has issued a Promissory Note (the "
             "\u201cNote\u201d) for commitments that total $100 million at close (\u201cInitial Commitments\u201d). The Note "
             "includes an accordion feature that allows for up to an additional $50 million of borrowings. Principal "
             "amounts repaid under the Note will not be available for reborrowing.", ticker="EXCC")
    assert (e.instrument, e.event, e.principal_usd, e.option_principal_usd) == ("term_loan", "closed", 100e6, 50e6)


def test_secured_debt_eliminated_by_selling_a_site_is_repaid_other_debt():
    # an amount of "secured debt" names no instrument: the register's "other" (debt-15; it was a term loan before)
    e = _one("Eliminates Remaining $12.4 Million of Secured Debt by Selling Georgia Mining Site to Lender\n"
             "ATLANTA, Ga., May 2, 2024 /PRNewswire/ -- Example Power Holdings Inc. (NASDAQ: EXPW) announced today that it "
             "had completed its previously announced sale and deleveraging transaction with Lender. In connection "
             "with the transaction, Example eliminated the remaining $12.4 million of secured debt. In aggregate, the "
             "Company has reduced its debt by $40.0 million in 2024, leaving $30.0 million of unsecured debt.",
             ticker="EXPW")
    assert (e.instrument, e.event, e.principal_usd, e.secured) == ("other", "repaid", 12.4e6, True)


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


# --- debt-10: a seventh real set (scored once, then development data) -----------------------------------------

def test_loans_settled_with_shares_or_collateral_are_repaid():
    e = _one("Item 1.01 Entry into a Material Definitive Agreement.\nOn May 2, 2025, Example Corp. (the \u201cCompany\u201d) "
             "entered into a Debt Repayment Agreement with Lender Capital, LLC (the \u201cLender\u201d). Pursuant to the "
             "Debt Repayment Agreement, the Company issued 1,000,000 shares of common stock in exchange for the "
             "satisfaction of $12,500,000.00 total outstanding principal and accrued interest on certain loans made by "
             "the Lender pursuant to a Loan Agreement, dated as of March 1, 2023.", ticker="EXCP")
    assert (e.instrument, e.event, e.principal_usd) == ("term_loan", "repaid", 12.5e6)
    e = _one("NEW YORK, Oct. 3, 2024 (GLOBE NEWSWIRE) -- Example Mining, Inc. (NASDAQ: EXMN) today provided an update on its "
             "agreement with Lender ABL LLC to eliminate approximately $40 million in principal amount of debt outstanding "
             "under equipment financing agreements.\nAs previously disclosed on August 1, 2024, Example entered into an agreement to return approximately 12,000 "
             "mining rigs that served as collateral under equipment financing agreements in exchange for the "
             "extinguishment of approximately $40 million of principal amount of debt outstanding.", ticker="EXMN")
    assert (e.instrument, e.event, e.principal_usd, e.secured) == ("other", "repaid", 40e6, True)  # equipment financing is "other" (debt-12)


def test_amended_support_agreement_beside_a_new_loan_and_restructured_debt():
    e = _one("Example Blockchain plc\nEntry into Amended RSA and Loan Agreement with Lender\nExample Blockchain plc (NASDAQ: "
             "EXBC) announces that, on 9 May 2025, it entered into an Amended and Restated Restructuring Plan Support "
             "Agreement (the \"Amended RSA\") with Lender and executed a Loan Agreement with Lender.", ticker="EXBC")
    assert e.event == "closed"
    e = _one("Example Generation Restructures and Significantly Reduces Secured Debt\nExample Restructures ~$50 Million of "
             "Secured Debt with Lender, Reducing Obligations to ~$12 Million\nFAIRFIELD, Conn., Feb. 1, 2024 /PRNewswire/ "
             "-- Example Generation Holdings Inc. (NASDAQ: EXGN) today provided an update on the restructuring of its secured "
             "debt agreements. Example also completes the sale of a business for ~$3.0 million.", ticker="EXGN")
    assert e.event == "amended"


def test_debt_settlement_into_shares_is_an_exchange():
    e = _one("Example Bitcoin Announces Closing of Debt Settlement and Debenture Extension\nTORONTO, May 15, 2024 (BUSINESS "
             "WIRE) \u2013 Example Bitcoin Inc. (TSX-V: EXBT) is pleased to announce that the Company has settled a portion "
             "of the outstanding principal amount of Debentures equal to $4,000,000 into 40,000,000 common shares of the "
             "Company. The debt was payable in respect of 5.0% senior secured convertible debentures of the Company due "
             "June 1, 2025.", ticker="EXBT")
    assert (e.instrument, e.event) == ("convertible_notes", "exchanged")


def test_term_sheet_bullets_coupon_without_brackets_and_greenshoe_after_plus():
    e = _one("Example closes upsized $330 million convertible notes offering\nSYDNEY, June 13, 2025 (GLOBE NEWSWIRE) -- "
             "Example Limited (NASDAQ: EXML) today announced the closing of its offering of convertible senior notes.\n"
             "Key details of the transaction\n- Upsized from $250 million to$300 million , plus$30 million greenshoe - Net "
             "proceeds of approximately $320.0 million 2.75% coupon,25% conversion premium- No put option", ticker="EXML")
    assert (e.event, e.option_principal_usd, e.coupon_pct, e.conversion_premium_pct) == ("closed", 30e6, 2.75, 25.0)


def test_revolving_credit_and_security_agreement_and_a_6k_cover_page():
    e = _one("ITEM 1.01 Entry into a Material Definitive Agreement\n\nOn May 1, 2022, Example Digital Holdings, Inc. (the "
             "\"Company\") entered into a Revolving Credit and Security Agreement (the \"Agreement\") with Example Bank "
             "pursuant to which the Bank has agreed to loan the Company up to $50,000,000 on a revolving basis.",
             ticker="EXDH")
    assert (e.instrument, e.event, e.principal_usd, e.secured) == ("credit_facility", "closed", 50e6, True)
    cover = ("6-K 1 ex_6k.htm FORM 6-K\n\nUNITED STATES\n\nSECURITIES AND EXCHANGE COMMISSION\n\nForm 6-K\n\n"
             "For the month of May 2023\n\nExample Origin Ltd\n\n(Translation of registrant's name into English)\n\n"
             "1 Main St\n\n(Address of principal executive office)\n\nIndicate by check mark whether the registrant files "
             "annual reports under cover of Form 20-F or Form 40-F.\n\nForm 20-F x Form 40-F \u00a8\n\n")
    filler = "Indicate by check mark if submitted in paper as permitted by Regulation S-T Rule 101(b)(7): \u00a8\n\n"
    e = _one(cover + filler + "Securities Purchase Agreement\n\nOn May 2, 2023, Example Origin Ltd (the \u201cCompany\u201d) "
             "entered into a securities purchase agreement with an accredited investor, pursuant to which the company sold "
             "a senior secured convertible note in the principal amount of $1,500,000.", ticker="EXOR")
    assert (e.instrument, e.event, e.principal_usd) == ("convertible_notes", "closed", 1.5e6)
