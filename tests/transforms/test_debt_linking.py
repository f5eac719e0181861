"""transforms.debt_linking: events of one instrument -> its current terms and outstanding principal."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from transforms.debt import DebtEvent, InstrumentState, link_events, parse_debt
from transforms.debt_linking import event_links, format_coupon

FIXTURES = Path(__file__).parents[1] / "fixtures" / "debt"


def _parse(*names: str) -> list[DebtEvent]:
    return [e for n in names for e in parse_debt((FIXTURES / n).read_bytes())]


def _ev(event: str, day: str, **kw) -> DebtEvent:
    base = dict(ticker="TEST", instrument="convertible_notes", event=event, announced_date=date.fromisoformat(day))
    base.update(kw)
    return DebtEvent(**base)


def _by_id(states: list[InstrumentState]) -> dict[str, InstrumentState]:
    return {s.instrument_id: s for s in states}


def test_bitfarms_proposed_priced_closed_chain_from_the_fixtures():
    states = link_events(_parse(
        "bitf_2025-10-21_convertible-closing.txt",      # order of input does not matter
        "bitf_2025-10-15_convertible-proposed.txt",
        "bitf_2025-10-16_convertible-pricing.txt",
    ))
    assert len(states) == 1
    s = states[0]
    assert s.instrument_id == "BITF-convertible_notes-2031-1.375"
    assert [e.event for e in s.events] == ["proposed", "priced", "closed"]
    assert (s.status, s.issued_principal_usd, s.outstanding_principal_usd) == ("closed", 588e6, 588e6)
    assert (s.coupon_pct, s.maturity_date, s.conversion_rate_per_1000_usd, s.conversion_price_usd) == (
        1.375, date(2031, 1, 15), 145.6876, 6.86)
    assert (s.conversion_premium_pct, s.cap_price_usd, s.secured) == (30.0, 11.88, False)
    assert (s.first_announced, s.last_event_date) == (date(2025, 10, 15), date(2025, 10, 21))
    # the closing's principal already includes the exercised $88M option: counted once
    assert [e.counted_usd for e in s.events] == [None, None, 588e6]


def test_cleanspark_upsized_chain_adds_the_exercised_option():
    states = link_events(_parse("clsk_2024-12-12_convertible-pricing.txt", "clsk_2024-12-13_convertible-option-exercise.txt"))
    assert len(states) == 1
    s = states[0]
    assert s.instrument_id == "CLSK-convertible_notes-2030-0.00"
    assert [e.event for e in s.events] == ["priced", "upsized"]
    assert (s.status, s.issued_principal_usd, s.outstanding_principal_usd) == ("priced", 650e6, 650e6)
    assert [e.counted_usd for e in s.events] == [550e6, 100e6]


def test_terawulf_secured_pricing_and_8k_closing_link_and_do_not_double_count():
    states = link_events(_parse("wulf_2025-10-16_senior-secured-pricing.txt", "wulf_2025-10-23_8-k-senior-secured-closing.htm",
                                "wulf_2025-08-18_convertible-upsize-pricing.htm", "wulf_2025-10-29_convertible-pricing.txt"))
    by_id = _by_id(states)
    assert set(by_id) == {"WULF-senior_secured_notes-2030-7.75", "WULF-convertible_notes-2031-1.00",
                          "WULF-convertible_notes-2032-0.00"}
    secured = by_id["WULF-senior_secured_notes-2030-7.75"]
    assert (secured.status, secured.issued_principal_usd, secured.outstanding_principal_usd) == ("closed", 3.2e9, 3.2e9)
    assert by_id["WULF-convertible_notes-2032-0.00"].outstanding_principal_usd == 900e6
    assert by_id["WULF-convertible_notes-2031-1.00"].outstanding_principal_usd == 850e6


def test_repurchase_reduces_outstanding_principal():
    states = link_events(_parse("btdr_2024-11-22_convertible-pricing.htm", "btdr_2025-11-12_convertible-pricing-repurchase.txt"))
    by_id = _by_id(states)
    old = by_id["BTDR-convertible_notes-2029-5.25"]
    assert [e.event for e in old.events] == ["priced", "repurchased"]
    assert (old.issued_principal_usd, old.retired_principal_usd, old.outstanding_principal_usd) == (360e6, 200e6, 160e6)
    assert old.events[1].counted_usd == -200e6
    assert old.status == "priced"
    new = by_id["BTDR-convertible_notes-2031-4.00"]
    assert new.outstanding_principal_usd == 400e6


def test_repeated_report_of_one_repurchase_counts_once():
    events = [
        _ev("priced", "2024-11-22", principal_usd=360e6, coupon_pct=5.25, maturity_year=2029),
        _ev("repurchased", "2025-11-12", principal_usd=200e6, coupon_pct=5.25, maturity_year=2029),
        _ev("repurchased", "2025-11-17", principal_usd=200e6, coupon_pct=5.25, maturity_year=2029),
        _ev("repurchased", "2026-03-01", principal_usd=50e6, maturity_year=2029),
    ]
    (s,) = link_events(events)
    assert (s.retired_principal_usd, s.outstanding_principal_usd) == (250e6, 110e6)
    assert [e.counted_usd for e in s.events] == [360e6, -200e6, None, -50e6]


def test_conversions_redemptions_and_full_retirement():
    events = [
        _ev("closed", "2024-08-20", principal_usd=172.5e6, coupon_pct=8.5, maturity_year=2029),
        _ev("converted", "2025-09-08", principal_usd=7.7e6, coupon_pct=8.5, maturity_year=2029),
        _ev("redeemed", "2025-10-08", coupon_pct=8.5, maturity_year=2029, all_outstanding=True),
    ]
    (s,) = link_events(events)
    assert (s.status, s.outstanding_principal_usd, s.retired_principal_usd) == ("retired", 0.0, 7.7e6)


def test_proposed_only_has_no_outstanding_principal_and_says_why():
    (s,) = link_events(_parse("bitf_2025-10-15_convertible-proposed.txt"))
    assert (s.status, s.issued_principal_usd, s.outstanding_principal_usd) == ("proposed", None, None)
    assert "only proposed" in s.null_reasons["outstanding_principal_usd"]
    assert s.instrument_id == "BITF-convertible_notes-2031-na"


def test_retirement_of_an_instrument_never_seen_issued():
    (s,) = link_events([_ev("repurchased", "2025-11-12", principal_usd=200e6, coupon_pct=5.25, maturity_year=2029)])
    assert (s.status, s.outstanding_principal_usd, s.retired_principal_usd) == ("retirements_only", None, 200e6)
    assert "no offering" in s.null_reasons["issued_principal_usd"]


def test_retirements_exceeding_issuance_leave_outstanding_null():
    (s,) = link_events([
        _ev("priced", "2025-01-10", principal_usd=100e6, coupon_pct=1.0, maturity_year=2030),
        _ev("repurchased", "2025-06-01", principal_usd=150e6, coupon_pct=1.0, maturity_year=2030),
    ])
    assert s.outstanding_principal_usd is None
    assert "exceed" in s.null_reasons["outstanding_principal_usd"]


def test_same_coupon_and_year_months_apart_is_a_new_deal_when_it_was_proposed_again():
    events = [
        _ev("priced", "2025-01-10", principal_usd=500e6, coupon_pct=0.0, maturity_year=2031),
        _ev("proposed", "2025-09-01", principal_usd=300e6, maturity_year=2031),
        _ev("priced", "2025-09-02", principal_usd=350e6, coupon_pct=0.0, maturity_year=2031),
    ]
    states = link_events(events)
    assert sorted(s.outstanding_principal_usd or 0 for s in states) == [350e6, 500e6]
    assert sorted(s.instrument_id for s in states) == ["TEST-convertible_notes-2031-0.00", "TEST-convertible_notes-2031-0.00-2"]


def test_a_tap_of_an_existing_series_adds_principal():
    events = [
        _ev("closed", "2025-11-13", instrument="senior_secured_notes", principal_usd=1.4e9, coupon_pct=7.125,
            maturity_date=date(2030, 11, 15), maturity_year=2030),
        _ev("closed", "2025-12-20", instrument="senior_secured_notes", principal_usd=333e6, coupon_pct=7.125,
            maturity_date=date(2030, 11, 15), maturity_year=2030),
    ]
    (s,) = link_events(events)
    assert s.issued_principal_usd == pytest.approx(1.733e9)


def test_proposed_and_priced_link_only_when_close_in_time():
    events = [
        _ev("proposed", "2025-03-01", principal_usd=300e6, maturity_year=2031),
        _ev("priced", "2025-06-01", principal_usd=300e6, coupon_pct=1.0, maturity_year=2031),
    ]
    assert len(link_events(events)) == 2


def test_different_tickers_types_and_maturities_never_link():
    events = [
        _ev("priced", "2025-01-10", principal_usd=1e8, coupon_pct=1.0, maturity_year=2030),
        _ev("priced", "2025-01-10", ticker="OTHER", principal_usd=1e8, coupon_pct=1.0, maturity_year=2030),
        _ev("priced", "2025-01-10", instrument="senior_notes", principal_usd=1e8, coupon_pct=1.0, maturity_year=2030),
        _ev("priced", "2025-01-10", principal_usd=1e8, coupon_pct=1.0, maturity_year=2031),
    ]
    assert len(link_events(events)) == 4


def test_ambiguous_retirement_starts_its_own_instrument():
    events = [
        _ev("priced", "2024-01-10", principal_usd=1e8, coupon_pct=1.0, maturity_year=2029),
        _ev("priced", "2024-06-10", principal_usd=2e8, coupon_pct=2.0, maturity_year=2030),
        _ev("repurchased", "2025-06-10", principal_usd=5e7),
    ]
    states = link_events(events)
    assert len(states) == 3
    assert sorted(s.outstanding_principal_usd or 0 for s in states) == [0, 1e8, 2e8]


def test_loans_are_named_by_their_first_announcement():
    states = link_events(_parse("exmn_2025-03-05_8-k-term-loan.htm", "exmn_2025-07-01_coinbase-credit-facility.txt",
                                "btdr_2025-04-21_loan-facility.txt"))
    by_id = _by_id(states)
    assert by_id["EXMN-term_loan-2028-9.50"].outstanding_principal_usd == 150e6
    assert by_id["EXMN-credit_facility-2025-07-01"].outstanding_principal_usd == 200e6
    assert by_id["BTDR-credit_facility-2025-04-21"].status == "closed"


def test_events_without_an_event_type_are_ignored():
    assert link_events([_ev("priced", "2025-01-01").model_copy(update={"event": None})]) == []


@pytest.mark.parametrize("coupon, text", [(0.0, "0.00"), (7.75, "7.75"), (1.375, "1.375"), (3.5, "3.50"), (0.25, "0.25")])
def test_format_coupon(coupon, text):
    assert format_coupon(coupon) == text


def test_ids_are_stable_across_input_order():
    names = ["btdr_2024-11-22_convertible-pricing.htm", "btdr_2025-11-12_convertible-pricing-repurchase.txt",
             "btdr_2025-09-08_convertible-conversion.txt", "btdr_2025-04-21_loan-facility.txt"]
    a = link_events(_parse(*names))
    b = link_events(_parse(*reversed(names)))
    key = lambda states: sorted((s.instrument_id, s.outstanding_principal_usd or -1) for s in states)  # noqa: E731
    assert key(a) == key(b)


# --- event_links: each event's instrument and principal change (the register's quarter-end balances) ----

def _balance_on(events, links, day: date) -> dict[str, float]:
    out: dict[str, float] = {}
    for e, link in zip(events, links):
        if link is not None and link.principal_change_usd is not None and e.announced_date <= day:
            out[link.instrument_id] = out.get(link.instrument_id, 0.0) + link.principal_change_usd
    return out


def test_event_links_give_each_event_its_instrument_and_the_balances_add_up_to_outstanding():
    events = _parse("bitf_2025-10-21_convertible-closing.txt", "bitf_2025-10-15_convertible-proposed.txt",
                    "bitf_2025-10-16_convertible-pricing.txt", "btdr_2024-11-22_convertible-pricing.htm",
                    "btdr_2025-11-12_convertible-pricing-repurchase.txt")
    states, links = event_links(events)
    by_id = _by_id(states)
    assert {link.instrument_id for link in links} == set(by_id)
    # proposed and priced change nothing; the closing issues the $588M (option included) on its own date
    bitf = [(e.event, link.principal_change_usd) for e, link in zip(events, links) if e.ticker == "BITF"]
    assert sorted(bitf) == [("closed", 588e6), ("priced", 0.0), ("proposed", 0.0)]
    assert _balance_on(events, links, date(2025, 10, 20))["BITF-convertible_notes-2031-1.375"] == 0.0
    # the repurchase of $200M of the 5.25% 2029 notes reduces them from $360M to $160M
    assert _balance_on(events, links, date(2025, 9, 30))["BTDR-convertible_notes-2029-5.25"] == 360e6
    end = _balance_on(events, links, date(2025, 12, 31))
    for s in states:
        assert end[s.instrument_id] == s.outstanding_principal_usd
    assert end["BTDR-convertible_notes-2029-5.25"] == 160e6


def test_a_retirement_of_all_outstanding_notes_retires_the_balance_before_it():
    events = [
        _ev("closed", "2024-08-20", principal_usd=150e6, coupon_pct=8.5, maturity_year=2029),
        _ev("converted", "2025-09-08", principal_usd=7.7e6, coupon_pct=8.5, maturity_year=2029, all_outstanding=True),
    ]
    (s,), links = event_links(events)
    assert s.outstanding_principal_usd == 0.0
    assert [link.principal_change_usd for link in links] == [150e6, -150e6]


def test_a_retirement_without_an_amount_has_an_unknown_change_and_unlinkable_events_none():
    events = [
        _ev("priced", "2025-01-10", principal_usd=100e6, coupon_pct=1.0, maturity_year=2030),
        _ev("repurchased", "2025-06-01", coupon_pct=1.0, maturity_year=2030),
        _ev(None, "2025-06-02", coupon_pct=1.0, maturity_year=2030),
    ]
    _, links = event_links(events)
    assert links[0].principal_change_usd == 100e6 and links[1].principal_change_usd is None and links[2] is None


def test_a_pricing_after_the_closing_is_a_tap_of_the_series_not_the_same_offering():
    """Cipher priced $333M more of its 7.125% 2030 secured notes 11 days after closing $1.4B."""
    secured = dict(instrument="senior_secured_notes", coupon_pct=7.125, maturity_year=2030)
    events = [
        _ev("priced", "2025-11-06", principal_usd=1.4e9, **secured),
        _ev("closed", "2025-11-13", principal_usd=1.4e9, **secured),
        _ev("priced", "2025-11-24", principal_usd=333e6, **secured),
    ]
    (s,), links = event_links(events)
    assert s.issued_principal_usd == 1.733e9
    assert [link.principal_change_usd for link in links] == [0.0, 1.4e9, 333e6]


def test_an_amendment_changes_terms_but_not_principal():
    states = link_events([
        _ev("closed", "2024-01-10", instrument="credit_facility", principal_usd=50e6, maturity_date=date(2025, 1, 10),
            maturity_year=2025),
        _ev("amended", "2024-12-20", instrument="credit_facility", maturity_date=date(2026, 1, 10), maturity_year=2026),
    ])
    [s] = states
    assert [e.event for e in s.events] == ["closed", "amended"]
    assert (s.issued_principal_usd, s.outstanding_principal_usd) == (50e6, 50e6)
    assert s.maturity_date == date(2026, 1, 10)      # the amendment's extended maturity


def test_amendments_alone_say_so():
    [s] = link_events([_ev("amended", "2024-06-17", instrument="credit_facility")])
    assert s.status == "amendments_only" and s.outstanding_principal_usd is None


def test_a_repaid_loan_leaves_nothing_outstanding():
    states = link_events([
        _ev("closed", "2024-02-01", instrument="term_loan", principal_usd=20e6, secured=True),
        _ev("repaid", "2024-11-15", instrument="term_loan", principal_usd=20e6, secured=True),
    ])
    assert len(states) == 1
    s = states[0]
    assert [e.event for e in s.events] == ["closed", "repaid"]
    assert (s.issued_principal_usd, s.retired_principal_usd, s.outstanding_principal_usd) == (20e6, 20e6, 0)
