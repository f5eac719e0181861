"""transforms.debt on wording families found by a fourth development set of real releases.

Every passage here is invented (made-up issuers, amounts and dates); only the shape follows a layout met
in real documents: a lender's asset-backed loan inside an asset-sale release, equipment financing named
only in a headline, an 8-K's convertible promissory notes with a coupon in words and digits, a debenture
that "bears no interest", an issuer free writing prospectus whose labels and values sit on lines of their
own, a 6-K whose amount is "in the aggregate", and a release below a web page's login form.
"""
from __future__ import annotations

from tests.transforms.helpers import only_debt_event as _one


def test_asset_backed_loan_from_a_buyer_is_a_secured_term_loan():
    e = _one("Example Hash plc announces sale of its Ridge facility and a new loan\n\n"
             "Example Hash plc (NASDAQ: EXHP) announces that it has entered into definitive agreements with Buyer "
             "Capital under which it will sell its Ridge facility for $40 million and refinance its asset-backed "
             "loans with a new $22 million loan. Buyer Capital will provide a new asset-backed loan in an aggregate "
             "principal amount of $22 million with an initial term of 24 months, secured by 9,000 mining machines.",
             ticker="EXHP")
    assert (e.instrument, e.event, e.principal_usd, e.secured) == ("term_loan", "closed", 22e6, True)


def test_equipment_financing_named_in_the_headline():
    e = _one("Example Rigs Acquires 5,000 Miners and Secures $31 Million Equipment Financing\n\n"
             "NEW YORK, March 3, 2022 (GLOBE NEWSWIRE) -- Example Rigs, Inc. (Nasdaq: EXRG) has agreed to buy "
             "5,000 miners for approximately $20.5 million, representing 450 PH/s.", ticker="EXRG")
    assert (e.instrument, e.event, e.principal_usd) == ("other", "closed", 31e6)  # equipment financing is "other" (debt-12)


def test_convertible_promissory_notes_with_coupon_in_words_and_price_per_share():
    e = _one("Item 2.03 Creation of a Direct Financial Obligation.\n\nOn May 2, 2023, Example Grid Inc. (the "
             "\"Company\") issued secured convertible promissory notes to investors in the aggregate principal amount "
             "of $2,400,000. The notes are secured by mining equipment. The notes are convertible at the option of "
             "the holder at a price of $1.15 per share, or $1.05 per share after an event of default. The notes bear "
             "interest of fifteen percent (15%) per annum, or eighteen percent (18%) after a default.", ticker="EXGR")
    assert (e.instrument, e.event, e.principal_usd, e.coupon_pct, e.conversion_price_usd, e.secured) == (
        "convertible_notes", "closed", 2.4e6, 15.0, 1.15, True)


def test_debenture_that_bears_no_interest_has_a_zero_coupon():
    e = _one("DALLAS, June 3, 2024 (GLOBE NEWSWIRE) -- Example Compute Corp. (Nasdaq: EXCC) announced that it issued "
             "a $30 million unsecured convertible debenture to a single investor. The convertible debenture bears no "
             "interest and has a term of 12 months.", ticker="EXCC")
    assert (e.instrument, e.principal_usd, e.coupon_pct, e.secured) == ("convertible_notes", 30e6, 0.0, False)


def test_free_writing_prospectus_with_labels_and_values_on_their_own_lines():
    e = _one("FWP\n\nFiled pursuant to Rule 433\n\nEXAMPLE HASH PLC\n\n$25,000,000\n\n9.00% Senior Notes Due 2027\n"
             "Final Term Sheet\n\nMarch 3, 2022\n\nIssuer:\n\n \n\nExample Hash plc\n\nPrincipal Amount:\n\n \n\n"
             "$25,000,000 (excluding exercise of the underwriters' option)\n\nUnderwriters' Option:\n\n \n\n"
             "$3,750,000\n\nPrice to Public:\n\n$25.00\n", ticker="EXHP")
    assert (e.instrument, e.event, e.principal_usd, e.option_principal_usd, e.coupon_pct) == (
        "senior_notes", "priced", 25e6, 3.75e6, 9.0)


def test_six_k_offering_in_the_aggregate():
    e = _one("FORM 6-K\n\nItem 1.01 Entry into a Material Definitive Agreement.\n\nOn March 8, 2022, Example Hash plc "
             "(the \u201cCompany\u201d) completed the previously announced offering (the \"Offering\") of $25,000,000, "
             "in the aggregate, of the Company\u2019s 9.00% Senior Notes due 2027 (the \u201cNotes\u201d).", ticker="EXHP")
    assert (e.event, e.principal_usd, e.coupon_pct) == ("closed", 25e6, 9.0)


def test_release_below_a_login_form_takes_its_event_from_the_headline():
    chrome = "\n\n".join(["Join today, it's free!", "Please Try Again", "{{ error }}", "Sign In", "or",
                          "Forgot Password?", "Send my password", "SUCCESS", "An email was sent to you.",
                          "Become a member today."] * 3)
    e = _one(chrome + "\n\nExample Rigs Inc. Announces Upsize and Pricing of $300 Million Convertible Notes Offering\n\n"
             "EASTON, Md., Oct. 2, 2024 (GLOBE NEWSWIRE) -- Example Rigs Inc. (Nasdaq: EXRG) today announced the "
             "upsize and pricing of its offering of $300 million aggregate principal amount of 3.00% Convertible "
             "Senior Notes due 2030.", ticker="EXRG")
    assert (e.event, e.principal_usd, e.coupon_pct) == ("priced", 300e6, 3.0)


def test_discovery_knows_equipment_financing_and_asset_backed_loans():
    from transforms.debt import looks_like_debt_release
    assert looks_like_debt_release("Example Rigs Acquires 5,000 Miners and Secures $31 Million Equipment Financing\n\n"
                                   "NEW YORK, March 3, 2022 -- Example Rigs, Inc. today announced ...")
    assert looks_like_debt_release("Example Hash closes a new $22 million asset-backed loan with Buyer Capital\n\n"
                                   "LONDON, 3 March 2022 -- Example Hash plc announces ...")
