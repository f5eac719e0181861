"""Debt wording reviewed on invented passages before the thirteenth and fourteenth held-out sets were scored
(leftovers of the twelfth: a rate spelled in words, a loan note instrument, an exchange rate quoted per
$250,000 of notes)."""
from __future__ import annotations

from datetime import date

from tests.transforms.helpers import only_debt_event as _one


def test_a_loan_note_instrument_with_a_rate_spelled_in_words():
    e = _one("Example Hash Technologies (NASDAQ: EXHT) today announced that its subsidiary entered into a loan note "
             "instrument with an aggregate principal amount of $20.0 million. The loan notes bear interest at six "
             "percent per annum and are repayable on June 30, 2026.")
    assert (e.instrument, e.event, e.principal_usd, e.coupon_pct, e.maturity_date) == (
        "other", "closed", 20e6, 6.0, date(2026, 6, 30))


def test_a_spelled_rate_with_its_figure_in_brackets_is_read_once():
    e = _one("Example Rigs Inc. (Nasdaq: EXRG) issued a promissory note in the principal amount of $2,500,000 that "
             "shall bear interest at twelve percent (12%) per annum and shall be due and payable in full on or before "
             "March 1, 2027.")
    assert (e.coupon_pct, e.maturity_date) == (12.0, date(2027, 3, 1))


def test_an_exchange_rate_per_250000_is_scaled_to_the_columns_1000():
    e = _one("Example Digital Holdings Ltd. (TSX: EXDH) today announced the closing of its offering of $500 million "
             "aggregate principal amount of 2.500% exchangeable senior notes due 2029. The notes will be exchangeable "
             "at an initial exchange rate of 11,250.5 ordinary shares per $250,000 principal amount of notes.")
    assert e.conversion_rate_per_1000_usd == 45.002
    assert e.derived["conversion_rate_per_1000_usd"].startswith("computed as 11,250.5 shares per $250,000")
    assert abs(e.conversion_price_usd - 1000 / 45.002) < 1e-3


def test_a_rate_per_1000_is_taken_as_stated():
    e = _one("Example Rigs Inc. (Nasdaq: EXRG) closed $100 million of 3.00% convertible senior notes due 2030. The "
             "initial conversion rate is 44.4587 shares of common stock per $1,000 principal amount of notes.")
    assert e.conversion_rate_per_1000_usd == 44.4587
    assert "conversion_rate_per_1000_usd" not in e.derived


def test_interest_payable_on_a_date_is_no_maturity():
    e = _one("Example Rigs Inc. (Nasdaq: EXRG) closed $100 million of 3.00% convertible senior notes due 2030. "
             "Interest will be payable semi-annually in arrears, beginning on June 1, 2026.")
    assert (e.maturity_date, e.maturity_year) == (None, 2030)


def test_a_term_loan_made_to_the_company_in_a_principal_amount():
    e = _one("Item 1.01 Entry into a Material Definitive Agreement.\nOn August 12, 2024, Example Mining Holdings, Inc. "
             "(the \"Company\") entered into a Loan and Security Agreement with Example Capital LLC, as lender (the "
             "\"Lender\"). Pursuant to the Loan Agreement, the Lender made a term loan to the Company in the principal "
             "amount of $25,000,000 (the \"Term Loan\"). The Term Loan bears interest at a rate equal to the one-month "
             "Term SOFR plus 7.50% per annum and matures on August 12, 2027.", ticker="EXMH")
    assert (e.instrument, e.event, e.principal_usd, e.coupon_pct, e.maturity_date) == (
        "term_loan", "closed", 25e6, None, date(2027, 8, 12))


def test_an_extension_amends_and_its_new_terms_outrank_the_notes_name():
    e = _one("Example Rigs Inc. (NASDAQ: EXRG) today announced that it has entered into an agreement with the holders "
             "of its 10% Senior Secured Notes due 2026 to extend the maturity of the notes to December 31, 2027. In "
             "connection with the amendment, the interest rate on the notes was increased from 10% to 12%. "
             "Approximately $35.2 million aggregate principal amount of the notes remains outstanding.")
    assert (e.instrument, e.event, e.principal_usd, e.coupon_pct, e.maturity_date) == (
        "senior_secured_notes", "amended", 35.2e6, 12.0, date(2027, 12, 31))
    assert "increased from 10% to 12%" in e.evidence["coupon_pct"]


def test_equipment_financing_repaid_in_instalments_through_a_month():
    e = _one("Note 9. Debt\nOn January 15, 2024, the Company entered into an equipment financing agreement with Example "
             "Leasing LLC for $18.7 million, secured by 6,200 S19j Pro miners. The financing bears interest at 14.0% per "
             "annum and is payable in 24 equal monthly installments through January 2026.", ticker="EXAB")
    assert (e.instrument, e.principal_usd, e.coupon_pct, e.maturity_date, e.maturity_year, e.secured) == (
        "other", 18.7e6, 14.0, None, 2026, True)


def test_a_term_sheet_copy_without_its_lead_still_describes_the_convertible_notes():
    # a syndicated copy that lost the sentence naming the notes: only the term bullets are left
    e = _one("SYDNEY, June 13, 2025 (GLOBE NEWSWIRE) -- Example Energy Limited (NASDAQ: EXEN) today announced the "
             "closing of its offering of\nKey details of the transaction\n- Oversubscribed and upsized from\n$450 "
             "million to$500 million , plus$50 million greenshoe - Net proceeds of approximately\n$534.9 million 3.50% "
             "coupon,30% conversion premium- No put option for investors in the notes\n- Capped call transactions "
             "entered into in connection with the notes ... up to an initial cap price of\n$20.98 per share")
    assert (e.instrument, e.event, e.principal_usd, e.option_principal_usd, e.coupon_pct, e.conversion_premium_pct,
            e.cap_price_usd) == ("convertible_notes", "closed", 500e6, 50e6, 3.5, 30.0, 20.98)


def test_an_amendment_with_the_convertible_noteholders_concerns_their_notes():
    e = _one("Example Holdings, Inc. (NASDAQ: EXHO) announced today the Company entered into a fourth amendment with the "
             "convertible noteholders to reprice certain warrants that would allow the Company to raise up to $3 "
             "million.")
    assert (e.instrument, e.event) == ("convertible_notes", "amended")
