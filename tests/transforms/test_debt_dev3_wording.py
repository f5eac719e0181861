"""transforms.debt on wording families found by a second development set of real releases.

Every passage here is invented (made-up issuers, amounts and dates); only the shape of the sentence
follows a layout met in real releases: an exercised option named by its amount inside a closing, an
upsizing remark in parentheses between the amount and "aggregate principal amount", a defined term
between "offering" and the notes, the "exchange price" of exchangeable notes written "USD $", and a
conversion price that belongs to preferred stock issued in exchange for the notes.
"""
from __future__ import annotations

from tests.transforms.helpers import only_debt_event as _one


def test_closing_names_the_exercised_option_by_amount():
    e = _one("Example Hash Ltd. today announced that it has closed its offering of US$460 million aggregate principal "
             "amount of 2.125% convertible senior notes due 2030, which includes the exercise in full of the $60 "
             "million option granted to the initial purchasers of the notes.", ticker="EXHL")
    assert (e.event, e.principal_usd, e.option_principal_usd, e.coupon_pct) == ("closed", 460e6, 60e6, 2.125)


def test_upsizing_parenthetical_between_amount_and_principal_words():
    e = _one("Example Compute LP has priced its offering of $420 million (upsized from previously\nannounced $380 "
             "million) aggregate\nprincipal amount of 1.75% exchangeable senior notes due 2030 (the \"Notes\").",
             ticker="EXCL")
    assert (e.event, e.principal_usd, e.coupon_pct, e.maturity_year) == ("priced", 420e6, 1.75, 2030)


def test_defined_term_between_offering_and_the_notes():
    e = _one("Example Grid Corp. today announced the closing of a $1.6 billion offering (the \"Offering\") of 5.875% "
             "senior secured notes due 2039 issued by its subsidiary.", ticker="EXGC")
    assert (e.event, e.instrument, e.principal_usd, e.coupon_pct, e.secured) == (
        "closed", "senior_secured_notes", 1.6e9, 5.875, True)


def test_exchange_price_of_exchangeable_notes():
    e = _one("Example Digital Holdings LP has agreed to issue and sell $300 million aggregate principal amount of "
             "2.00% Exchangeable Senior Notes due 2028. The exchange rate will initially be 5,000.0000 shares per "
             "$250,000 principal amount of Notes, equivalent to an initial exchange price of approximately USD $50.0000 "
             "(CAD $68.1000 equivalent).", ticker="EXDH")
    assert e.conversion_price_usd == 50.0
    # a rate quoted per $250,000 is scaled to the column's $1,000 (debt-14; it was null before), and says so
    assert e.conversion_rate_per_1000_usd == 20.0
    assert "per $250,000" in e.derived["conversion_rate_per_1000_usd"]


def test_conversion_price_of_preferred_stock_is_not_the_notes():
    e = _one("Example Power Mining, Inc. announced that it has entered into an exchange agreement with the holders of "
             "its 12% Convertible Notes due 2027, whereby the notes will be extinguished in exchange for shares of a "
             "new series of convertible preferred stock. The Series D Preferred Stock will be convertible into shares "
             "of Class A common stock at a conversion price of $0.55 per share.", ticker="EXPM")
    assert e.event == "exchanged"
    assert e.conversion_price_usd is None


def test_conversion_price_of_the_notes_still_read_when_warrants_are_mentioned():
    e = _one("Example Hash Ltd. priced $200 million aggregate principal amount of 3.00% convertible senior notes due "
             "2030. The initial conversion price of the notes is approximately $12.50 per share; no warrants were "
             "issued.", ticker="EXHL")
    assert e.conversion_price_usd == 12.5
