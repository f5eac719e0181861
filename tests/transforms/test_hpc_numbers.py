"""Money, power, term and date phrases: values, spans and the ambiguous forms that are skipped."""
from __future__ import annotations

from datetime import date

import pytest

from transforms.hpc_numbers import find_dates, find_money, find_power_mw, find_terms_years, parse_full_date


@pytest.mark.parametrize("text, value, qualifier", [
    ("approximately $3.7 billion in contracted revenue", 3.7e9, "approximately"),
    ("US$224.8 million vs. US$69.0 million", 224.8e6, None),
    ("Revenue $76.7m $83.6m", 76.7e6, None),
    ("a US$9.7bn contract", 9.7e9, None),
    ("~$1.94bn ARR", 1.94e9, "approximately"),
    ("more than $1 billion", 1e9, "at_least"),
    ("up to $1.8 billion", 1.8e9, "up_to"),
    ("$3,700 million", 3.7e9, None),
    ("$81,731 per bitcoin", 81_731, None),
    ("USD 5 million", 5e6, None),
])
def test_money(text, value, qualifier):
    q = find_money(text)[0]
    assert q.value == pytest.approx(value) and q.qualifier == qualifier
    assert text[q.start:q.end] == q.text


def test_money_in_parentheses_is_negative_and_foreign_dollars_are_skipped():
    [q] = find_money("Net electricity costs ($25.9m)")
    assert q.negative and q.value == 25.9e6 and q.text == "($25.9m)"
    assert find_money("A$5 million and C$3 million and AUS$2 million") == []


def test_decimal_comma_is_not_guessed():
    # "161,6" (a syndicated copy's decimal comma, reference/press/README.md) is neither 161 nor 1,616.
    assert find_money("net proceeds of $161,6 million") == []


@pytest.mark.parametrize("text, value, qualifier", [
    ("more than 200 MW of critical IT", 200, "at_least"),
    ("200MW", 200, None),
    ("1.4 GW", 1400, None),
    ("168 megawatts", 168, None),
    ("a 160-MW building", 160, None),
    ("up to 1,000 MW", 1000, "up_to"),
])
def test_power(text, value, qualifier):
    [q] = find_power_mw(text)
    assert (q.value, q.qualifier) == (value, qualifier)


def test_energy_is_not_power():
    assert find_power_mw("sold 50 MWh of power") == []


@pytest.mark.parametrize("text, years", [
    ("two 10-year agreements", 10), ("Ten-Year Lease", 10), ("a twenty-five-year lease", 25),
    ("for 15 years", 15), ("a 60-month term", 5), ("5-year average term", 5),
])
def test_terms(text, years):
    assert [q.value for q in find_terms_years(text)] == [years]


def test_over_a_term_is_not_a_lower_bound():
    [q] = find_terms_years("payable over 10 years")
    assert q.qualifier is None and q.text == "10 years"
    assert find_terms_years("fiscal year 2025 and year-end") == []


def test_dates_and_their_precision():
    text = ("NEW YORK, Aug. 14, 2025 -- rent from August 2026, the second half of 2026, Q4 2026, "
            "the fourth quarter of 2025, 2H 2026, Sept. 25, 2025; it may 2026")
    found = [(d.value, d.precision) for d in find_dates(text)]
    assert found == [
        (date(2025, 8, 14), "day"), (date(2026, 8, 1), "month"), (date(2026, 7, 1), "half"),
        (date(2026, 10, 1), "quarter"), (date(2025, 10, 1), "quarter"), (date(2026, 7, 1), "half"),
        (date(2025, 9, 25), "day"),
    ]
    assert parse_full_date("14 August 2025") == date(2025, 8, 14)
    assert parse_full_date("February 30, 2025") is None
