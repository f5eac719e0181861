"""transforms.debt on wording variants met in real releases, one short passage each (figures: figures.csv)."""
from __future__ import annotations

from datetime import date

import pytest

from transforms.debt import parse_debt
from tests.transforms.helpers import only_debt_event as _one


def test_principal_after_the_descriptor():
    e = _one("Riot today announced the pricing of its 0.75% convertible senior notes due 2030 (the \"notes\") in an "
             "aggregate principal amount of $525 million.", ticker="RIOT")
    assert (e.event, e.principal_usd, e.coupon_pct, e.maturity_year) == ("priced", 525e6, 0.75, 2030)
    assert e.evidence["principal_usd"].endswith("in an aggregate principal amount of $525 million")


def test_maturing_on_and_net_proceeds_to_the_company():
    e = _one("MARA closed its offering of $1.0 billion aggregate principal amount of 0.00% convertible senior notes "
             "maturing on March 1, 2030. The net proceeds from the sale of the notes to MARA were approximately $980 "
             "million.", ticker="MARA")
    assert (e.event, e.principal_usd, e.maturity_date, e.net_proceeds_usd) == ("closed", 1e9, date(2030, 3, 1), 980e6)


def test_intention_to_offer_is_a_proposal():
    e = _one("Cipher Mining announced its intention to offer, subject to market conditions, $800 million aggregate "
             "principal amount of convertible senior notes due 2031 in a private offering.", ticker="CIFR")
    assert (e.event, e.principal_usd, e.maturity_year, e.coupon_pct) == ("proposed", 800e6, 2031, None)


def test_facility_amendment_increasing_commitments_is_an_upsizing():
    e = _one("On May 2, 2025, Example Mining Corp. entered into an amendment to its credit facility with Coinbase "
             "Credit to increase the commitments under the credit facility from $100 million to $200 million.",
             ticker="EXMN", announced_date=date(2025, 5, 2))
    assert (e.instrument, e.event, e.principal_usd, e.upsized_from_usd) == ("credit_facility", "upsized", 200e6, 100e6)


def test_redemption_of_all_outstanding_notes():
    e = _one("Bitdeer Announces Redemption of All Outstanding 8.50% Convertible Senior Notes due 2029\n\n"
             "Bitdeer Technologies Group (NASDAQ: BTDR) today announced that it will redeem all of its outstanding "
             "8.50% convertible senior notes due 2029 at 100% of their principal amount.")
    assert (e.event, e.all_outstanding, e.coupon_pct, e.maturity_year) == ("redeemed", True, 8.5, 2029)
    assert e.principal_usd is None


def test_repurchase_announcement():
    e = _one("MARA Announces Repurchase of Convertible Notes\n\nMARA Holdings, Inc. (NASDAQ: MARA) today announced "
             "that it repurchased $212 million aggregate principal amount of its 1.00% convertible senior notes due "
             "2026 for approximately $199 million in cash in privately negotiated transactions.")
    assert (e.event, e.principal_usd, e.coupon_pct, e.maturity_year, e.consideration_usd) == (
        "repurchased", 212e6, 1.0, 2026, 199e6)


def test_copy_saved_as_a_json_string_with_literal_newlines():
    text = ('[{"type":"text","content":"Bitfarms Prices $500 Million of Convertible Notes \\nTORONTO, Oct. 16, 2025 '
            '(GLOBE NEWSWIRE) -- Bitfarms Ltd. (Nasdaq/TSX: BITF) today announced the pricing of $500 million '
            'aggregate principal amount of 1.375% convertible senior notes due 2031 (the \\"notes\\").\\nThe initial '
            'conversion rate is 145.6876 common shares per $1,000 principal amount of notes.\\nThe notes will be '
            'senior, unsecured obligations."}]')
    e = _one(text)
    assert (e.ticker, e.announced_date, e.principal_usd, e.conversion_rate_per_1000_usd) == (
        "BITF", date(2025, 10, 16), 500e6, 145.6876)
    assert e.conversion_price_usd == pytest.approx(6.8640, abs=1e-4) and "conversion_price_usd" in e.derived


def test_word_broken_at_a_line_end():
    e = _one("Core Scientific today announced the pricing of $550 million aggregate principal amount of 0.00% con-\n"
             "vertible senior notes due 2031.", ticker="CORZ")
    assert (e.instrument, e.principal_usd, e.coupon_pct) == ("convertible_notes", 550e6, 0.0)


def test_html_entities_in_plain_text():
    e = _one("IREN today announced the pricing of $875 million aggregate principal amount of 0.00% convertible senior "
             "notes due 2031 (the &ldquo;notes&rdquo;).&nbsp;The notes are senior, unsecured obligations.", ticker="IREN")
    assert (e.principal_usd, e.secured) == (875e6, False)
    assert "&" not in e.evidence["secured"]


def test_cap_premium_is_not_the_conversion_premium():
    e = _one("IREN priced $875 million aggregate principal amount of 0.00% convertible senior notes due 2031. The cap "
             "price of the capped call transactions is $120.18 per share, a premium of 100% over the last reported "
             "sale price, compared with the conversion price premium of 42.5%.", ticker="IREN")
    assert (e.cap_price_usd, e.conversion_premium_pct) == (120.18, None)
    assert "conversion_premium_pct" in e.null_reasons


def test_new_notes_of_a_release_are_not_confused_with_older_notes_named_in_it():
    e, old = parse_debt(
        "IREN today announced the pricing of $1.0 billion aggregate principal amount of 0.25% convertible senior notes "
        "due 2032. Concurrently, IREN entered into privately negotiated transactions to repurchase $544.3 million "
        "aggregate principal amount of its 3.50% convertible senior notes due 2029 for approximately $1,632.4 million "
        "in cash.", ticker="IREN")
    assert (e.event, e.principal_usd, e.coupon_pct) == ("priced", 1e9, 0.25)
    assert (old.event, old.principal_usd, old.coupon_pct, old.consideration_usd) == ("repurchased", 544.3e6, 3.5, 1632.4e6)


def test_intended_repurchase_from_time_to_time_is_not_an_event():
    (e,) = parse_debt(
        "IREN today announced the pricing of $1.0 billion aggregate principal amount of 0.25% convertible senior notes "
        "due 2032. IREN may from time to time repurchase up to $100 million aggregate principal amount of its 3.50% "
        "convertible senior notes due 2029.", ticker="IREN")
    assert (e.event, e.coupon_pct) == ("priced", 0.25)


def test_purchase_agreement_8k_is_a_pricing_not_a_closing():
    e = _one("FORM 8-K\n\nItem 1.01 Entry into a Material Definitive Agreement.\n\nOn December 10, 2024, Riot Platforms, "
             "Inc. entered into a purchase agreement with the initial purchasers to issue and sell $525 million aggregate "
             "principal amount of 0.75% convertible senior notes due 2030. The pricing of the notes was announced on "
             "December 10, 2024.", ticker="RIOT")
    assert (e.event, e.principal_usd) == ("priced", 525e6)


def test_hedged_repurchase_in_privately_negotiated_transactions_is_not_an_event():
    (e,) = parse_debt(
        "IREN today announced the pricing of $1.0 billion aggregate principal amount of 0.25% convertible senior notes "
        "due 2032. IREN may use a portion of the net proceeds to repurchase $100 million aggregate principal amount of "
        "its 3.50% convertible senior notes due 2029 in privately negotiated transactions.", ticker="IREN")
    assert e.coupon_pct == 0.25


def test_rule_144a_as_amended_boilerplate_is_not_an_amendment():
    """IREN's June 2025 headline "Prices Upsized" over a lead citing "the Securities Act of 1933, as amended"."""
    e = _one("Exhibit 99.1\n\nIREN Prices Upsized $500 Million Convertible Notes Offering\n\n"
             "NEW YORK, June 11, 2025 (GLOBE NEWSWIRE) -- IREN Ltd (NASDAQ: IREN) today announced the pricing of its "
             "upsized offering of $500 million aggregate principal amount of 3.50% convertible senior notes due 2029 "
             "in a private offering under Rule 144A of the Securities Act of 1933, as amended. The offering was "
             "increased from the previously announced $450 million.")
    assert (e.event, e.principal_usd, e.upsized_from_usd, e.coupon_pct) == ("priced", 500e6, 450e6, 3.5)
