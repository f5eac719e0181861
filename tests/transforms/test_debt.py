"""transforms.debt: debt press releases and 8-K bodies -> instrument events (golden files + figures)."""
from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from transforms.debt import CLI_KEYS, DebtEvent, looks_like_debt_release, parse_debt, parse_for_cli
from transforms.errors import ParseError

TESTS = Path(__file__).parents[1]
FIXTURES = TESTS / "fixtures" / "debt"
GOLDEN = TESTS / "golden" / "debt"
DOCUMENTS = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".htm", ".html"))

#: Set MINERWATCH_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate parser change, then
#: review the diff line by line before committing it.
UPDATE = os.environ.get("MINERWATCH_UPDATE_GOLDEN") == "1"


def test_every_fixture_has_a_golden_file_and_back():
    assert DOCUMENTS, "no debt fixtures"
    assert {p.stem for p in DOCUMENTS} == {p.stem for p in GOLDEN.glob("*.json")}


@pytest.mark.parametrize("doc", DOCUMENTS, ids=lambda p: p.name)
def test_golden(doc: Path):
    got = parse_for_cli(doc.read_bytes())
    golden = GOLDEN / f"{doc.stem}.json"
    if UPDATE:
        golden.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert got == json.loads(golden.read_text(encoding="utf-8"))
    # the ticker in the file name is the one the document states
    assert {row["ticker"] for row in got} == {doc.name.split("_")[0].upper()}


@pytest.mark.parametrize("doc", DOCUMENTS, ids=lambda p: p.name)
def test_cli_rows_start_with_the_issue_keys_and_explain_nulls(doc: Path):
    for row in parse_for_cli(doc.read_bytes()):
        assert tuple(row)[: len(CLI_KEYS)] == CLI_KEYS
        for key in ("principal_usd", "coupon_pct", "maturity_date", "conversion_rate_per_1000_usd",
                    "conversion_price_usd", "conversion_premium_pct", "cap_price_usd", "secured", "use_of_proceeds"):
            assert (row[key] is None) == (key in row["null_reasons"]), (key, row[key], row["null_reasons"])
        for key, snippet in row["evidence"].items():
            if not snippet.startswith("dei:"):
                assert _squash(snippet) in _squash(_document_words(doc)), (key, snippet)


def _squash(s: str) -> str:
    return " ".join(s.split())


def _document_words(doc: Path) -> str:
    from transforms.debt_text import document_text

    return document_text(doc.read_bytes())[0]


def _one(name: str, **kw) -> DebtEvent:
    events = parse_debt((FIXTURES / name).read_bytes(), **kw)
    assert len(events) == 1, events
    return events[0]


# --- the real deal terms (../shared/reference/figures.csv, kind=debt) ---------------------------

def test_iren_875m_pricing():
    e = _one("iren_2025-10-09_convertible-pricing.txt")
    assert (e.ticker, e.instrument, e.event, e.announced_date) == ("IREN", "convertible_notes", "priced", date(2025, 10, 9))
    assert (e.principal_usd, e.option_principal_usd, e.coupon_pct) == (875e6, 125e6, 0.0)
    assert (e.maturity_year, e.maturity_date) == (2031, None)
    assert "only the maturity year" in e.null_reasons["maturity_date"]
    assert (e.conversion_premium_pct, e.cap_price_usd, e.net_proceeds_usd) == (42.5, 120.18, 856.5e6)
    assert e.conversion_rate_per_1000_usd is None and e.conversion_price_usd is None
    assert e.evidence["conversion_premium_pct"] == "42.5% conversion premium"


def test_core_scientific_line_wrapped_business_wire():
    e = _one("corz_2024-12-03_convertible-pricing.txt")
    assert (e.ticker, e.event, e.announced_date) == ("CORZ", "priced", date(2024, 12, 3))
    assert (e.principal_usd, e.upsized_from_usd, e.option_principal_usd) == (550e6, 500e6, 75e6)
    assert (e.coupon_pct, e.maturity_date) == (0.0, date(2031, 6, 15))
    assert (e.conversion_rate_per_1000_usd, e.conversion_price_usd) == (44.4587, 22.49)
    assert e.derived == {}  # the price is stated, not computed
    assert e.secured is False


def test_terawulf_senior_secured_pricing_and_8k_closing():
    priced = _one("wulf_2025-10-16_senior-secured-pricing.txt")
    closed = _one("wulf_2025-10-23_8-k-senior-secured-closing.htm")
    for e in (priced, closed):
        assert (e.ticker, e.instrument, e.secured) == ("WULF", "senior_secured_notes", True)
        assert (e.principal_usd, e.coupon_pct, e.maturity_date) == (3.2e9, 7.75, date(2030, 10, 15))
        assert e.null_reasons["conversion_rate_per_1000_usd"] == "not a convertible instrument"
    assert (priced.event, priced.announced_date) == ("priced", date(2025, 10, 16))
    assert (closed.event, closed.announced_date) == ("closed", date(2025, 10, 23))
    assert closed.evidence["ticker"] == "dei:TradingSymbol WULF"


def test_terawulf_850m_upsize_and_pricing_workiva_html():
    e = _one("wulf_2025-08-18_convertible-upsize-pricing.htm")
    assert (e.event, e.principal_usd, e.option_principal_usd, e.coupon_pct) == ("priced", 850e6, 150e6, 1.0)
    assert (e.maturity_date, e.conversion_premium_pct, e.cap_price_usd) == (date(2031, 9, 1), 32.5, 18.76)
    assert e.net_proceeds_usd == 828.7e6
    # the release gives the premium, not the rate or price: both stay null
    assert e.conversion_rate_per_1000_usd is None and e.conversion_price_usd is None


def test_terawulf_900m_conversion_price_computed_from_the_rate():
    e = _one("wulf_2025-10-29_convertible-pricing.txt")
    assert (e.principal_usd, e.coupon_pct, e.maturity_date) == (900e6, 0.0, date(2032, 5, 1))
    assert e.conversion_rate_per_1000_usd == 50.1567
    assert e.conversion_price_usd == pytest.approx(19.9375, abs=1e-4)
    assert "1000 / 50.1567" in e.derived["conversion_price_usd"]
    assert e.evidence["conversion_price_usd"] == e.evidence["conversion_rate_per_1000_usd"]
    assert (e.conversion_premium_pct, e.option_principal_usd, e.net_proceeds_usd) == (37.5, 125e6, 877.6e6)


def test_bitfarms_proposed_priced_closed():
    proposed = _one("bitf_2025-10-15_convertible-proposed.txt")
    priced = _one("bitf_2025-10-16_convertible-pricing.txt")
    closed = _one("bitf_2025-10-21_convertible-closing.txt")
    assert (proposed.event, proposed.principal_usd, proposed.coupon_pct) == ("proposed", 300e6, None)
    assert proposed.null_reasons["coupon_pct"].startswith("proposed offering")
    assert proposed.null_reasons["conversion_rate_per_1000_usd"].startswith("proposed offering")
    assert (priced.event, priced.principal_usd, priced.upsized_from_usd, priced.option_principal_usd) == (
        "priced", 500e6, 300e6, 88e6)
    assert (priced.coupon_pct, priced.maturity_date) == (1.375, date(2031, 1, 15))
    assert (priced.conversion_rate_per_1000_usd, priced.conversion_price_usd) == (145.6876, 6.86)
    assert (priced.conversion_premium_pct, priced.cap_price_usd) == (30.0, 11.88)
    assert (closed.event, closed.principal_usd, closed.option_principal_usd) == ("closed", 588e6, 88e6)
    assert closed.option_exercised and closed.principal_includes_option
    assert closed.net_proceeds_usd == 568e6


def test_cleanspark_pricing_then_option_exercise():
    priced = _one("clsk_2024-12-12_convertible-pricing.txt")
    upsized = _one("clsk_2024-12-13_convertible-option-exercise.txt")
    assert (priced.event, priced.principal_usd, priced.option_principal_usd) == ("priced", 550e6, 100e6)
    assert (priced.coupon_pct, priced.maturity_date) == (0.0, date(2030, 6, 15))
    assert (priced.conversion_rate_per_1000_usd, priced.conversion_price_usd) == (67.5858, 14.80)
    assert (priced.conversion_premium_pct, priced.cap_price_usd) == (20.0, 24.66)
    assert (upsized.event, upsized.option_exercised, upsized.option_principal_usd) == ("upsized", True, 100e6)
    assert (upsized.principal_usd, upsized.net_proceeds_usd) == (650e6, 633.6e6)
    assert (upsized.coupon_pct, upsized.maturity_year) == (0.0, 2030)


def test_bitdeer_edgar_agents_html_pricing():
    e = _one("btdr_2024-11-22_convertible-pricing.htm")
    assert (e.ticker, e.event, e.announced_date) == ("BTDR", "priced", date(2024, 11, 22))
    assert (e.principal_usd, e.option_principal_usd, e.coupon_pct, e.maturity_year) == (360e6, 40e6, 5.25, 2029)
    assert (e.conversion_price_usd, e.conversion_premium_pct, e.net_proceeds_usd) == (15.95, 42.5, 348.2e6)
    assert e.conversion_rate_per_1000_usd is None


def test_bitdeer_pricing_with_concurrent_repurchase_gives_two_events():
    new, old = parse_debt((FIXTURES / "btdr_2025-11-12_convertible-pricing-repurchase.txt").read_bytes())
    assert (new.event, new.principal_usd, new.coupon_pct, new.maturity_date) == ("priced", 400e6, 4.0, date(2031, 11, 15))
    assert (new.conversion_rate_per_1000_usd, new.conversion_price_usd, new.cap_price_usd) == (56.2635, 17.77, 27.88)
    assert (new.conversion_premium_pct, new.option_principal_usd, new.net_proceeds_usd) == (27.5, 60e6, 388e6)
    assert (old.event, old.principal_usd, old.coupon_pct, old.maturity_year) == ("repurchased", 200e6, 5.25, 2029)
    assert old.consideration_usd == 267.9e6
    assert old.use_of_proceeds is None and old.conversion_rate_per_1000_usd is None


def test_bitdeer_conversion():
    e = _one("btdr_2025-09-08_convertible-conversion.txt")
    assert (e.event, e.principal_usd, e.coupon_pct, e.maturity_year) == ("converted", 7.7e6, 8.5, 2029)
    assert e.conversion_rate_per_1000_usd == 127.9743


def test_riot_spun_syndicated_copy():
    e = _one("riot_2024-12-10_convertible-pricing-spun.txt")
    assert (e.ticker, e.event, e.principal_usd, e.upsized_from_usd, e.option_principal_usd) == (
        "RIOT", "priced", 525e6, 500e6, 75e6)
    assert (e.coupon_pct, e.maturity_date) == (0.75, date(2030, 1, 15))
    assert (e.conversion_rate_per_1000_usd, e.conversion_price_usd, e.conversion_premium_pct) == (67.2767, 14.86, 32.5)
    assert e.net_proceeds_usd == 511.5e6
    assert e.evidence["coupon_pct"] == "zero.75%"  # evidence quotes the copy, not the repaired words
    assert {"web proceeds", "mixture principal quantity", "zero.75%"} <= set(e.spun_wording)


def test_loans_and_credit_facilities():
    term = _one("exmn_2025-03-05_8-k-term-loan.htm")
    assert (term.instrument, term.event, term.principal_usd) == ("term_loan", "closed", 150e6)
    assert (term.coupon_pct, term.maturity_date, term.secured) == (9.5, date(2028, 3, 5), True)
    facility = _one("exmn_2025-07-01_coinbase-credit-facility.txt")
    assert (facility.instrument, facility.event, facility.principal_usd, facility.secured) == (
        "credit_facility", "closed", 200e6, True)
    assert facility.coupon_pct is None and facility.null_reasons["coupon_pct"].startswith("floating rate")
    matrixport = _one("btdr_2025-04-21_loan-facility.txt")
    assert (matrixport.instrument, matrixport.principal_usd, matrixport.coupon_pct) == ("credit_facility", 200e6, None)
    assert "benchmark" in matrixport.null_reasons["coupon_pct"]


def test_explicit_ticker_and_date_override_the_document():
    e = _one("iren_2025-10-09_convertible-pricing.txt", ticker="iren", announced_date=date(2025, 10, 10))
    assert (e.ticker, e.announced_date) == ("IREN", date(2025, 10, 10))
    assert "ticker" not in e.evidence


def test_two_tranche_release():
    text = (
        "IREN Prices $2.0 Billion Convertible Notes Offering\n\n"
        "SYDNEY, Dec. 02, 2025 (GLOBE NEWSWIRE) -- IREN Limited (NASDAQ: IREN) today announced the pricing of "
        "$1.0 billion aggregate principal amount of 0.25% convertible senior notes due 2032 (the \"2032 notes\") and "
        "$1.0 billion aggregate principal amount of 1.00% convertible senior notes due 2033 (the \"2033 notes\").\n\n"
        "The initial conversion rate for each series of notes is 19.4553 ordinary shares per $1,000 principal amount "
        "of notes, equivalent to an initial conversion price of approximately $51.40 per share.\n\n"
        "The cap price of the capped call transactions will initially be $82.24 per share.\n"
    )
    a, b = parse_debt(text)
    assert [(e.coupon_pct, e.maturity_year, e.principal_usd) for e in (a, b)] == [(0.25, 2032, 1e9), (1.0, 2033, 1e9)]
    for e in (a, b):
        assert (e.event, e.conversion_rate_per_1000_usd, e.conversion_price_usd, e.cap_price_usd) == (
            "priced", 19.4553, 51.40, 82.24)


# --- unreadable input ------------------------------------------------------------------------------

@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b"   \n\n  ", "empty"),
    (b"\x00\x01\x02binary", "binary"),
    (b"Riot Produces 463 Bitcoin in April 2025. Deployed hash rate 33.7 EH/s.", "not a debt document"),
    (b"The notes and the indenture are discussed elsewhere. Principal amount to be determined.", "no debt instrument"),
    (12345, "expected bytes"),
])
def test_unreadable_input_raises_parse_error(content, reason):
    with pytest.raises(ParseError, match=reason):
        parse_debt(content)


def test_parse_for_cli_propagates_parse_error():
    with pytest.raises(ParseError):
        parse_for_cli(b"<html><body><p>Monthly production update</p></body></html>")


# --- discovery classifier --------------------------------------------------------------------------

@pytest.mark.parametrize("title", [
    "IREN Announces Proposed Offering of $1.0 Billion of Convertible Senior Notes",
    "Riot Platforms Announces Pricing of Upsized $525 Million Offering of 0.75% Convertible Senior Notes",
    "Bitfarms Closes $588 Million Offering of 1.375% Convertible Senior Notes Due 2031",
    "Cipher Mining Completes $1.4 Billion Senior Secured Notes Offering",
    "Bitdeer Announces Redemption of 8.50% Convertible Senior Notes due 2029",
    "MARA Announces Repurchase of Convertible Notes Due 2026",
    "Example Mining Secures $200 Million Bitcoin-Backed Credit Facility with Coinbase",
    "Hut 8 Enters into $150 Million Term Loan",
    "immediately introduced the pricing of its providing of $550 million mixture principal quantity of 0.00% convertible senior notes due 2031",
])
def test_looks_like_debt_release_titles(title):
    assert looks_like_debt_release(title)


@pytest.mark.parametrize("title", [
    "Riot Announces April 2025 Production and Operations Updates",
    "IREN August 2025 Monthly Update",
    "CleanSpark Releases November 2022 Bitcoin Mining Update",
    "Bitdeer Reports Unaudited Financial Results for the Fourth Quarter and Full Year of 2025",
    "",
])
def test_looks_like_debt_release_rejects_other_releases(title):
    assert not looks_like_debt_release(title)


def test_looks_like_debt_release_on_documents():
    for doc in DOCUMENTS:
        from transforms.debt_text import document_text

        assert looks_like_debt_release(document_text(doc.read_bytes())[0]), doc.name
    assert looks_like_debt_release("FORM 8-K ... Item 2.03 Creation of a Direct Financial Obligation ...")
    production = ("Riot Produces 463 Bitcoin in April 2025\nCASTLE ROCK, Colo., May 5, 2025 /PRNewswire/ -- Riot "
                  "announces unaudited production and operations updates for April 2025. " + "Hash rate 33.7 EH/s. " * 40
                  + "Riot repaid its credit facility.")
    assert not looks_like_debt_release(production)


def test_8k_issued_wording_is_a_closing_including_the_option():
    text = (
        "FORM 8-K\n\nItem 1.01 Entry into a Material Definitive Agreement.\n\n"
        "On September 30, 2025, Cipher Mining Inc. (the \"Company\") issued $1.3 billion aggregate principal amount of its "
        "0.00% Convertible Senior Notes due 2031 (the \"Notes\"), including $200 million aggregate principal amount of "
        "Notes issued pursuant to the exercise in full by the initial purchasers of their option to purchase additional "
        "Notes.\n\nItem 2.03 Creation of a Direct Financial Obligation.\n\nThe information in Item 1.01 is incorporated "
        "by reference.\n"
    )
    (e,) = parse_debt(text, ticker="CIFR")
    assert (e.event, e.principal_usd, e.option_principal_usd) == ("closed", 1.3e9, 200e6)
    assert e.option_exercised and e.principal_includes_option
    assert (e.coupon_pct, e.maturity_year) == (0.0, 2031)


def test_a_repurchase_amount_is_not_read_as_net_proceeds():
    text = (
        "MARA Holdings, Inc. Announces Proposed Private Offering of $850 Million of Convertible Senior Notes\n\n"
        "FORT LAUDERDALE, Fla., July 23, 2025 /PRNewswire/ -- MARA Holdings, Inc. (NASDAQ: MARA) intends to offer "
        "$850 million aggregate principal amount of convertible senior notes due 2032 (the \"notes\") in a private "
        "offering, with an option to purchase up to an additional $150 million aggregate principal amount of notes.\n\n"
        "MARA expects to use approximately $18.3 million of the net proceeds to repurchase approximately $19.4 million in "
        "aggregate principal amount of its existing convertible notes due 2026.\n"
    )
    (e,) = parse_debt(text)
    assert (e.event, e.principal_usd, e.option_principal_usd, e.maturity_year) == ("proposed", 850e6, 150e6, 2032)
    assert e.net_proceeds_usd is None


def test_offering_wide_amounts_are_not_given_to_each_tranche():
    text = (
        "SYDNEY, Dec. 02, 2025 (GLOBE NEWSWIRE) -- IREN Limited (NASDAQ: IREN) today announced the pricing of "
        "$1.0 billion aggregate principal amount of 0.25% convertible senior notes due 2032 (the \"2032 notes\") and "
        "$1.0 billion aggregate principal amount of 1.00% convertible senior notes due 2033 (the \"2033 notes\"). "
        "IREN estimates that the net proceeds from the offering will be approximately $1,977 million.\n"
    )
    a, b = parse_debt(text)
    for e in (a, b):
        assert e.principal_usd == 1e9 and e.net_proceeds_usd is None
        assert e.null_reasons["net_proceeds_usd"] == "not stated per tranche (2 tranches in the document)"
