"""transforms.debt on real public wording (../shared/reference/press and the real MSTR 8-K), when present.

The passages are study material kept outside the project; each test skips cleanly when they are absent.
Expected values are the real deal terms (../shared/reference/figures.csv, kind=debt).
"""
from __future__ import annotations

from datetime import date

import pytest

from transforms.debt import link_events, looks_like_debt_release, parse_debt


@pytest.fixture
def read(shared_dir):
    """Bytes of a file under ../shared, or a clean skip when it is absent."""
    def _read(relative: str) -> bytes:
        path = shared_dir / relative
        if not path.is_file():
            pytest.skip(f"../shared/{relative} not available")
        return path.read_bytes()
    return _read


@pytest.fixture
def mstr_8k(shared_dir) -> bytes:
    matches = sorted((shared_dir / "real-samples" / "sec").glob("8-K_MSTR_2020-12-11_*.htm"))
    if not matches:
        pytest.skip("../shared/real-samples/sec/8-K_MSTR_2020-12-11_*.htm not available")
    return matches[0].read_bytes()


def test_iren_875m_pricing_newswire_text(read):
    (e,) = parse_debt(read("reference/press/iren_2025-10_convertible_pricing.txt"))
    assert (e.ticker, e.instrument, e.event, e.announced_date) == ("IREN", "convertible_notes", "priced", date(2025, 10, 9))
    assert (e.principal_usd, e.coupon_pct, e.maturity_year, e.maturity_date) == (875e6, 0.0, 2031, None)
    assert (e.conversion_premium_pct, e.cap_price_usd) == (42.5, 120.18)
    assert e.evidence["principal_usd"] == "$875 million aggregate principal amount of 0.00% convertible senior notes due 2031"
    assert e.evidence["conversion_premium_pct"] == "42.5% conversion premium"
    # the 100% in the cap sentence is the cap's premium, not the notes'
    assert e.conversion_premium_pct != 100


def test_core_scientific_hard_wrapped_conversion_terms(read):
    (e,) = parse_debt(read("reference/press/corz_2024-12_convertible_terms.txt"))
    assert (e.instrument, e.conversion_rate_per_1000_usd, e.conversion_price_usd) == ("convertible_notes", 44.4587, 22.49)
    assert e.derived == {}  # the stated price is preferred to 1000 / rate = 22.4928...
    assert e.evidence["conversion_rate_per_1000_usd"] == "conversion rate is 44.4587 shares of common stock per $1,000"
    # a fragment with no offering wording: the event is null and says why, nothing is guessed
    assert e.event is None and "event" in e.null_reasons
    assert e.principal_usd is None and e.coupon_pct is None


def _spun_passages(read) -> list[bytes]:
    lines = read("reference/press/spun_copies_debt.txt").decode("utf-8").splitlines()
    # three excerpts of three copies: IREN's $500M (with "[...]" eliding part of the same release),
    # Core Scientific's $400M, and Core Scientific's $550M
    return ["\n".join(lines[0:3]).encode(), lines[3].encode(), lines[4].encode()]


def test_spun_copies_read_as_the_issuers_wording(read):
    iren, corz_400, corz_550 = (parse_debt(p) for p in _spun_passages(read))
    (e,) = iren
    assert (e.event, e.principal_usd, e.coupon_pct, e.maturity_year) == ("priced", 500e6, 3.5, 2029)
    assert e.net_proceeds_usd == 486.1e6
    assert e.evidence["coupon_pct"] == "three.50%"
    assert {"three.50%", "web proceeds"} <= set(e.spun_wording)
    (e,) = corz_400
    assert (e.event, e.principal_usd, e.coupon_pct, e.maturity_year) == ("priced", 400e6, 3.0, 2029)
    (e,) = corz_550
    assert (e.event, e.principal_usd, e.coupon_pct, e.maturity_year) == ("priced", 550e6, 0.0, 2031)
    assert e.evidence["principal_usd"] == "$550 million mixture principal quantity of 0.00% convertible senior notes due 2031"


def test_spun_file_as_a_whole_never_mixes_up_numbers(read):
    events = parse_debt(read("reference/press/spun_copies_debt.txt"))
    assert {(e.principal_usd, e.coupon_pct, e.maturity_year) for e in events} <= {
        (500e6, 3.5, 2029), (400e6, 3.0, 2029), (550e6, 0.0, 2031)}
    assert events


def test_real_mstr_8k_items_101_203_closing(mstr_8k):
    (e,) = parse_debt(mstr_8k)
    assert (e.ticker, e.instrument, e.event, e.announced_date) == ("MSTR", "convertible_notes", "closed", date(2020, 12, 11))
    assert (e.principal_usd, e.option_principal_usd, e.option_exercised, e.principal_includes_option) == (
        650e6, 100e6, True, True)
    assert (e.coupon_pct, e.maturity_date, e.secured) == (0.75, date(2025, 12, 15), False)
    assert (e.conversion_rate_per_1000_usd, e.conversion_price_usd, e.conversion_premium_pct) == (2.5126, 397.99, 37.5)
    assert e.net_proceeds_usd == 634.9e6
    assert e.use_of_proceeds.startswith("intends to invest the net proceeds")
    (state,) = link_events([e])
    assert (state.instrument_id, state.outstanding_principal_usd) == ("MSTR-convertible_notes-2025-0.75", 650e6)


def test_classifier_on_the_real_documents(read, mstr_8k):
    assert looks_like_debt_release(read("reference/press/iren_2025-10_convertible_pricing.txt").decode())
    assert looks_like_debt_release(mstr_8k.decode("utf-8", "replace"))
    for passage in _spun_passages(read):
        assert looks_like_debt_release(passage.decode())
    assert not looks_like_debt_release(read("reference/press/riot_2025-04_monthly.txt").decode())
    assert not looks_like_debt_release(read("reference/press/iren_2025-08_monthly.txt").decode())
