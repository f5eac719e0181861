"""transforms.debt on the wording families that held-out real releases showed the parser missing.

Every passage here is written for this project (invented issuers and figures) in the layout of a real
family of releases: closings whose principal includes an exercised option, option-exercise notices,
prospectus-supplement covers, tranche lists under a generic headline, line-wrapped "US$" amounts, and
retirements agreed in "entered into ... agreements". One test per rule, with its distractor beside it.
"""
from __future__ import annotations

from datetime import date

import pytest

from transforms.debt import parse_debt
from tests.transforms.helpers import only_debt_event as _one


# --- closings and option exercises ----------------------------------------------------------

def test_closing_including_the_exercise_in_full_of_the_option():
    e = _one("Example Mining Corp. (NASDAQ: EXMC) today announced that it has closed its offering of $720 million "
             "aggregate principal amount of 1.50% convertible senior notes due 2030, including the exercise in full of "
             "the initial purchasers' option to purchase an additional $95 million aggregate principal amount of notes.")
    assert (e.event, e.principal_usd, e.option_principal_usd, e.coupon_pct, e.maturity_year) == (
        "closed", 720e6, 95e6, 1.5, 2030)
    assert e.option_exercised and e.principal_includes_option


def test_closing_whose_principal_includes_notes_issued_pursuant_to_an_option():
    # the option sentence carries a 13-day window and dates: none is a maturity or another amount
    e = _one("Fort Smith, AR, May 6, 2026 (GLOBE NEWSWIRE) -- Ridge Hash Inc. (NASDAQ: RDGH) today announced the "
             "closing of its offering of 2.375% convertible senior notes due 2032 (the \"notes\"). The aggregate "
             "principal amount of the notes sold was $410 million, which includes $55 million aggregate principal "
             "amount of notes issued pursuant to an option to purchase granted to the initial purchasers for 13 days "
             "from May 1, 2026, exercised in full on May 5, 2026. The net proceeds from the sale of the notes were "
             "approximately $399.1 million. Ridge Hash also bought 2,100 bitcoin at an average price of approximately "
             "$61,200 per bitcoin.")
    assert (e.event, e.principal_usd, e.option_principal_usd, e.coupon_pct) == ("closed", 410e6, 55e6, 2.375)
    assert e.maturity_date is None and e.maturity_year == 2032
    assert e.conversion_price_usd is None and e.net_proceeds_usd == pytest.approx(399.1e6)


def test_notes_issued_following_the_purchasers_exercise_in_bn_and_m():
    e = _one("Vertex Digital (NASDAQ: VTXD) completed its offering of $1.15bn of 0.25% convertible senior notes due "
             "2032, including $150m of notes issued following the initial purchasers' exercise of their option in full.")
    assert (e.event, e.principal_usd, e.option_principal_usd) == ("closed", 1.15e9, 150e6)


def test_option_exercise_notice_total_principal_sold_including_the_greenshoe():
    e = _one("BOISE, Idaho, Feb. 3, 2026 (GLOBE NEWSWIRE) -- Sawtooth Compute Inc. (Nasdaq: SWTC) today announced "
             "that the initial purchasers of its 1.25% Convertible Senior Notes due 2031 have fully exercised their "
             "option to purchase an additional $120 million aggregate principal amount of notes, settled on "
             "February 3, 2026. With the greenshoe, the total principal amount of notes issued is $920 million.")
    assert (e.event, e.principal_usd, e.option_principal_usd, e.coupon_pct, e.maturity_year) == (
        "upsized", 920e6, 120e6, 1.25, 2031)
    assert e.option_exercised


def test_option_exercise_notice_bringing_the_total_to():
    e = _one("Acme Hash Inc. (NASDAQ: ACMH) today announced that the initial purchasers of its 3.25% Convertible "
             "Senior Notes due 2030 have exercised in full their option to purchase an additional $45 million "
             "aggregate principal amount of the notes, bringing the total aggregate principal amount of the notes "
             "to $345 million.")
    assert (e.event, e.principal_usd, e.option_principal_usd) == ("upsized", 345e6, 45e6)


def test_an_option_that_would_be_exercised_is_not_an_exercise():
    e = _one("Acme Hash Inc. (NASDAQ: ACMH) today announced the pricing of its private offering of 0.00% convertible "
             "senior notes due 2031 (the \"notes\"). The aggregate principal amount of notes to be sold in the "
             "offering is $550 million (or $632.5 million if the initial purchasers exercise in full their option to "
             "purchase additional notes).")
    assert (e.event, e.principal_usd) == ("priced", 550e6)
    assert e.option_exercised is None and e.option_principal_usd is None


def test_option_with_a_clause_between_the_option_and_its_verb():
    e = _one("Example Mining Corp. (NASDAQ: EXMC) today announced the pricing of $260 million aggregate principal "
             "amount of 3.00% convertible senior notes due 2030. The underwriters also hold an option, exercisable for "
             "30 days, to purchase up to an additional $39 million aggregate principal amount of notes.")
    assert (e.principal_usd, e.option_principal_usd) == (260e6, 39e6)
    assert e.option_exercised is None


# --- prospectus covers --------------------------------------------------------------------------

def test_final_prospectus_supplement_cover_is_a_pricing():
    e = _one("Filed Pursuant to Rule 424(b)(5)\nRegistration No. 333-290001\nPROSPECTUS SUPPLEMENT\n(To Prospectus "
             "dated January 8, 2026)\n$275,000,000\n2.50% Convertible Senior Notes due 2031\nWe are offering "
             "$275,000,000 aggregate principal amount of our 2.50% convertible senior notes due 2031 (the \"notes\"). "
             "The underwriters may also, within 30 days, purchase up to an additional $41,250,000 aggregate principal "
             "amount of notes under an option we granted them.\nInterest at 2.50% a year is paid every March 15 and "
             "September 15, starting September 15, 2026. The notes will mature on March 15, 2031.", ticker="EXMC")
    assert (e.event, e.principal_usd, e.option_principal_usd, e.coupon_pct, e.maturity_date) == (
        "priced", 275e6, 41.25e6, 2.5, date(2031, 3, 15))


def test_preliminary_prospectus_supplement_is_a_proposal():
    e = _one("Subject to Completion, dated March 3, 2026\nPreliminary Prospectus Supplement\n$250,000,000\n"
             "Convertible Senior Notes due 2031\nWe are offering $250,000,000 aggregate principal amount of our "
             "convertible senior notes due 2031.", ticker="EXMC")
    assert (e.event, e.principal_usd, e.coupon_pct, e.maturity_year) == ("proposed", 250e6, None, 2031)


# --- tranche lists ------------------------------------------------------------------------------

def test_generic_headline_over_a_tranche_list_gives_one_event_per_tranche():
    events = parse_debt(
        "SYDNEY, Jan. 12, 2026 (GLOBE NEWSWIRE) -- Outback Compute Limited (NASDAQ:OBCL) today announced the closing "
        "of its offering of convertible senior notes and the repurchase of certain existing convertible notes.\n\n"
        "Key details\n\n"
        "  \u2022 Offering of $1.4 billion convertible senior notes\n"
        "    \u2022 $600 million offering of 0.50% convertible senior notes due 2031\n"
        "    \u2022 $600 million offering of 1.50% convertible senior notes due 2033\n"
        "    \u2022 $200 million greenshoe fully exercised\n"
        "    \u2022 Capped call transactions with an initial cap price of $64.10 per share\n")
    assert [(e.event, e.principal_usd, e.coupon_pct, e.maturity_year) for e in events] == [
        ("closed", 600e6, 0.5, 2031), ("closed", 600e6, 1.5, 2033)]
    for e in events:
        assert e.cap_price_usd == 64.10
        # the greenshoe is the whole offering's: how it splits between the tranches is not stated
        assert e.option_principal_usd is None and "$200 million" in e.null_reasons["option_principal_usd"]


# --- wraps and currency prefixes ----------------------------------------------------------------

def test_us_dollar_prefix_broken_across_lines():
    e = _one("Bitcore Ltd. (NASDAQ: BTCR) announced the pricing of US\n$400.0 million principal amount of 5.25% "
             "Convertible Senior Notes due 2030. The initial purchasers have an option to purchase up to an additional "
             "US\n$60.0 million principal amount of the notes. Upon conversion the Company will deliver Class A "
             "ordinary shares, par value US\n$0.0000001 per share. The initial conversion rate of the notes will be "
             "71.4286 Class A ordinary shares per US\n$1,000 principal amount of such notes.")
    assert (e.principal_usd, e.option_principal_usd, e.conversion_rate_per_1000_usd) == (400e6, 60e6, 71.4286)
    assert e.conversion_price_usd == pytest.approx(14.0, abs=1e-4) and "conversion_price_usd" in e.derived


# --- retirements -------------------------------------------------------------------------------

def test_agreements_to_repurchase_are_a_repurchase_not_a_closing():
    e = _one("Vertex Digital (NASDAQ: VTXD) today announced that it has entered into privately negotiated agreements "
             "with certain holders to repurchase approximately $180 million aggregate principal amount of its 2.00% "
             "convertible senior notes due 2027 for an aggregate cash purchase price of approximately $195 million.")
    assert (e.event, e.principal_usd, e.coupon_pct, e.maturity_year, e.consideration_usd) == (
        "repurchased", 180e6, 2.0, 2027, 195e6)


def test_exchange_agreements_are_an_exchange():
    e = _one("Acme Hash Inc. (NASDAQ: ACMH) announced that it has entered into separate exchange agreements with "
             "holders of $120 million aggregate principal amount of its 5.00% Convertible Senior Notes due 2028, "
             "pursuant to which it will exchange the notes for shares of common stock.")
    assert (e.event, e.principal_usd, e.coupon_pct) == ("exchanged", 120e6, 5.0)


def test_induced_conversion_agreements_are_a_conversion():
    e = _one("Vertex Digital (NASDAQ: VTXD) announced that it has entered into privately negotiated induced "
             "conversion agreements with holders of approximately $250 million aggregate principal amount of its "
             "3.00% Convertible Senior Notes due 2029.")
    assert (e.event, e.principal_usd, e.coupon_pct) == ("converted", 250e6, 3.0)


def test_redemption_of_a_stated_outstanding_principal():
    e = _one("Vertex Digital (NASDAQ: VTXD) today announced that it has delivered a notice of redemption for all "
             "$210 million outstanding principal amount of its 1.25% convertible senior notes due 2028.")
    assert (e.event, e.principal_usd, e.all_outstanding, e.maturity_year) == ("redeemed", 210e6, True, 2028)


# --- loans and facilities -----------------------------------------------------------------------

def test_a_facility_the_company_has_secured():
    e = _one("Acme Hash Inc. (NASDAQ: ACMH) today announced it has secured a $200 million bitcoin-backed credit "
             "facility from Galaxy Digital. Borrowings bear interest at SOFR plus 4.5%. The facility has a term of "
             "364 days.")
    assert (e.instrument, e.event, e.principal_usd, e.secured, e.coupon_pct) == (
        "credit_facility", "closed", 200e6, True, None)
    assert "floating" in e.null_reasons["coupon_pct"]


def test_loan_agreement_providing_for_borrowings_of_up_to():
    e = _one("Acme Hash Inc. (NASDAQ: ACMH) has entered into a bitcoin-backed loan agreement with Coinbase Credit "
             "providing for borrowings of up to $100 million. Borrowings bear interest at 8.5% per annum.")
    assert (e.event, e.principal_usd, e.coupon_pct, e.secured) == ("closed", 100e6, 8.5, True)


def test_closing_of_only_the_additional_notes_is_an_option_exercise_notice():
    e = _one("Acme Hash Inc. (NASDAQ: ACMH) today announced the closing of the sale of an additional $45 million "
             "aggregate principal amount of its 3.25% Convertible Senior Notes due 2030 pursuant to the full exercise "
             "of the initial purchasers' option. Following the closing, the aggregate principal amount of the notes "
             "outstanding is $345 million.")
    # linked to the priced offering, the exercised option is added once (not a second closing of $345 million)
    assert (e.event, e.principal_usd, e.option_principal_usd, e.option_exercised) == ("upsized", 345e6, 45e6, True)


def test_facility_upsized_to_a_new_size_from_the_old_one():
    e = _one("Acme Hash Announces Upsizing of Credit Facility\n\nAcme Hash Inc. (NASDAQ: ACMH) today announced that it "
             "has upsized its credit facility with Coinbase Credit to $300 million from $200 million.")
    assert (e.instrument, e.event, e.principal_usd, e.upsized_from_usd) == ("credit_facility", "upsized", 300e6, 200e6)


def test_8k_notes_that_include_the_option_notes():
    e = _one("Item 1.01 Entry into a Material Definitive Agreement.\nOn December 10, 2026, Example Mining Corp. (the "
             "\"Company\") issued $575 million aggregate principal amount of its 1.75% Convertible Senior Notes due 2031 "
             "(the \"Notes\") pursuant to an indenture, dated as of December 10, 2026, between the Company and U.S. Bank "
             "Trust Company, National Association, as trustee. The Notes include $75 million aggregate principal amount "
             "of Notes issued pursuant to the exercise in full by the initial purchasers of their option to purchase "
             "additional Notes. The Notes will mature on January 15, 2031.\nFORM 8-K", ticker="EXMC")
    assert (e.event, e.principal_usd, e.option_principal_usd, e.maturity_date) == (
        "closed", 575e6, 75e6, date(2031, 1, 15))


def test_subsidiary_issuer_of_senior_secured_notes():
    e = _one("NEW YORK, Oct. 30, 2026 (GLOBE NEWSWIRE) -- Ridge Hash Inc. (NASDAQ: RDGH) today announced that its "
             "wholly owned subsidiary, Ridge Compute LLC, priced its offering of $1.4 billion aggregate principal "
             "amount of 7.125% senior secured notes due 2030 (the \"Notes\") at an issue price of 100%. The Notes will "
             "be secured by a first-priority lien on the Barber data center and related assets.")
    assert (e.instrument, e.event, e.principal_usd, e.coupon_pct, e.secured) == (
        "senior_secured_notes", "priced", 1.4e9, 7.125, True)
    assert e.conversion_premium_pct is None and "not a convertible" in e.null_reasons["conversion_premium_pct"]


def test_dashed_dateline_full_digit_amounts_and_upsized_from_the_offering_of():
    e = _one("FORT LAUDERDALE, FL \u2014November 15, 2026\u2014 Hashmoor Holdings, Inc. (NASDAQ: HSMR) today announced the "
             "pricing of $650,000,000 aggregate principal amount of 1.00% convertible senior notes due 2031. The "
             "offering was upsized from the previously announced offering of $500,000,000 aggregate principal amount "
             "of notes. Hashmoor also granted the initial purchasers an option to purchase up to an additional "
             "$97,500,000 aggregate principal amount of notes. The notes will mature on December 1, 2031. Holders may "
             "convert their notes at any time on or after June 1, 2031.")
    assert (e.announced_date, e.event, e.principal_usd, e.upsized_from_usd, e.option_principal_usd) == (
        date(2026, 11, 15), "priced", 650e6, 500e6, 97.5e6)
    assert e.maturity_date == date(2031, 12, 1)


def test_pricing_term_sheet_labels():
    e = _one("Pricing Term Sheet dated March 4, 2027\nExample Mining Corp.\n2.00% Convertible Senior Notes due 2032\n"
             "Issuer: Example Mining Corp. (NASDAQ: EXMC)\n"
             "Principal Amount: $400,000,000 aggregate principal amount of notes (or $460,000,000 if the underwriters "
             "exercise their option to purchase additional notes in full)\n"
             "Maturity: March 15, 2032, unless earlier converted, redeemed or repurchased\n"
             "Interest Rate: 2.00% per year\n"
             "Initial Conversion Rate: 40.0000 shares of common stock per $1,000 principal amount of notes\n"
             "Initial Conversion Price: Approximately $25.00 per share\n"
             "Conversion Premium: Approximately 30.0% above the last reported sale price\n")
    assert (e.event, e.principal_usd, e.coupon_pct, e.maturity_date) == ("priced", 400e6, 2.0, date(2032, 3, 15))
    assert (e.conversion_rate_per_1000_usd, e.conversion_price_usd, e.conversion_premium_pct) == (40.0, 25.0, 30.0)
    assert e.option_principal_usd is None and e.option_exercised is None  # a what-if total, not an option amount


def test_the_whole_of_a_multi_tranche_offering_is_printed_marked_and_never_an_instrument():
    from transforms.debt import parse_for_cli

    text = ("SYDNEY, Jan. 12, 2026 (GLOBE NEWSWIRE) -- Outback Compute Limited (NASDAQ:OBCL) today announced the "
            "closing of its offering of convertible senior notes.\n\n"
            "  \u2022 Offering of $1.4 billion convertible senior notes\n"
            "    \u2022 $600 million offering of 0.50% convertible senior notes due 2031\n"
            "    \u2022 $600 million offering of 1.50% convertible senior notes due 2033\n"
            "    \u2022 $200 million greenshoe fully exercised\n"
            "    \u2022 Capped call transactions with an initial cap price of $64.10 per share\n")
    assert [e.principal_usd for e in parse_debt(text)] == [600e6, 600e6]  # what the register loads: the tranches
    rows = parse_for_cli(text.encode())
    assert [r.get("offering_total") for r in rows] == [None, None, True]
    whole = rows[-1]
    assert (whole["event"], whole["principal_usd"], whole["option_principal_usd"], whole["cap_price_usd"]) == (
        "closed", 1.4e9, 200e6, 64.10)
    assert whole["coupon_pct"] is None and whole["maturity_year"] is None
    assert "tranches" in whole["null_reasons"]["coupon_pct"]


def test_no_offering_total_when_the_stated_size_is_below_the_tranches_sum():
    from transforms.debt import parse_for_cli

    rows = parse_for_cli(
        b"Acme Hash Inc. (NASDAQ: ACMH) today announced the pricing of $500 million aggregate principal amount of "
        b"0.75% convertible senior notes due 2031 and $500 million aggregate principal amount of 1.25% convertible "
        b"senior notes due 2033. Acme also repurchased $200 million of convertible senior notes.")
    assert [r["coupon_pct"] for r in rows if r["event"] == "priced"] == [0.75, 1.25]
    assert not any(r.get("offering_total") for r in rows)
