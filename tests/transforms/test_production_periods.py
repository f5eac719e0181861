"""transforms.production_periods: months, calendar and fiscal quarters, column headers, hints."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.errors import ParseError
from transforms.production_periods import (calendar_quarter, find_mentions, fiscal_quarter, month_period,
                                           parse_column_label, parse_hint)


@pytest.mark.parametrize("cell, start, end, kind", [
    ("April 2025 1", date(2025, 4, 1), date(2025, 4, 30), "month"),
    ("Aug 25", date(2025, 8, 1), date(2025, 8, 31), "month"),
    ("Jul 25*", date(2025, 7, 1), date(2025, 7, 31), "month"),
    ("Sept. 2025", date(2025, 9, 1), date(2025, 9, 30), "month"),
    ("Feb-24", date(2024, 2, 1), date(2024, 2, 29), "month"),
    ("Q3 2025", date(2025, 7, 1), date(2025, 9, 30), "quarter"),
    ("3Q25", date(2025, 7, 1), date(2025, 9, 30), "quarter"),
    ("Three Months Ended September 30, 2025", date(2025, 7, 1), date(2025, 9, 30), "quarter"),
    # a superscript flattened into the year (Workiva's raised footnote mark read as plain text)
    ("December 20251", date(2025, 12, 1), date(2025, 12, 31), "month"),
    ("Q1 20261", date(2026, 1, 1), date(2026, 3, 31), "quarter"),
])
def test_column_labels(cell, start, end, kind):
    p = parse_column_label(cell)
    assert (p.start, p.end, p.type) == (start, end, kind)


@pytest.mark.parametrize("cell", ["Metric", "Month/Month", "Year/Year", "% Change", "Comparison (%)", "2025",
                                  "20251", "1 20251"])
def test_non_period_headers(cell):
    assert parse_column_label(cell) is None


def test_fiscal_quarters_use_the_fiscal_year_end():
    # CleanSpark's fiscal year ends 30 September: fiscal Q1 2026 = Oct-Dec 2025
    assert fiscal_quarter(2026, 1, 9) == calendar_quarter(2025, 4)
    # IREN's ends 30 June: Q1 FY26 = Jul-Sep 2025
    assert parse_column_label("Q1 FY26", 6) == calendar_quarter(2025, 3)
    (m,) = [mt for mt in find_mentions("fiscal first quarter 2026", 9) if mt.kind == "fiscal_quarter"]
    assert m.period == calendar_quarter(2025, 4)
    (unknown,) = find_mentions("fiscal first quarter 2026", None)
    assert unknown.period is None and unknown.fiscal == (2026, 1)


def test_mentions_in_running_text():
    kinds = [(m.kind, m.period.key if m.period else None) for m in find_mentions(
        "In Q3 2025 we produced 2,144 BTC. As of September 30, 2025 we held 52,850 BTC; "
        "year-to-date we mined 6,000; in 2025 we mined more than in November; the third quarter of 2025")]
    assert kinds == [("quarter", "2025-Q3"), ("date", "2025-09"), ("cumulative", None), ("year", None),
                     ("month_only", None), ("quarter", "2025-Q3")]


def test_may_the_verb_is_not_a_month():
    assert [m.kind for m in find_mentions("results may vary; May 2025 was strong")] == ["month"]


@pytest.mark.parametrize("hint, period", [
    ("2025-12", month_period(2025, 12)), ("2025-Q3", calendar_quarter(2025, 3)), ("2025q1", calendar_quarter(2025, 1)),
])
def test_hints(hint, period):
    assert parse_hint(hint) == period


@pytest.mark.parametrize("hint", ["2025-13", "Q3", "December 2025", ""])
def test_bad_hints(hint):
    with pytest.raises(ParseError):
        parse_hint(hint)


_WORDS = ["in", "of", "for", "during", "since", "through", "third", "quarter", "fiscal", "year", "ended", "months",
          "three", "six", "Q3", "3Q", "FY25", "FQ2", "2025", "2026", "25", "30,", "September", "Sept.", "may", "May",
          "to", "date", "YTD", "record", "all-time", "annual", "first", "4th", "calendar", "TTM", "trailing",
          "twelve", "-", "(", ")", ",", ".", "bitcoin", "produced", "13", "3-months", "2024.", "Jan.", "June"]


@given(st.lists(st.sampled_from(_WORDS), max_size=14), st.sampled_from([" ", "  ", "\n", ""]))
@settings(max_examples=400, deadline=None)
def test_mentions_are_found_wherever_the_full_pattern_finds_them(words, sep):
    """find_mentions tries its pattern only where a mention can start: the same matches as a full scan."""
    from transforms.production_periods import _MENTION, _mention_matches
    text = sep.join(words)
    assert [m.span() for m in _mention_matches(text)] == [m.span() for m in _MENTION.finditer(text)]
