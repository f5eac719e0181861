"""transforms.amounts: money, percentages and numbers as releases write them."""
from __future__ import annotations

import pytest

from transforms.amounts import parse_money_usd, parse_number, parse_percent, spell_out_digits


@pytest.mark.parametrize("text, usd", [
    ("$875 million", 875e6),
    ("US$330.0 million", 330e6),
    ("US$ 1.0 billion", 1e9),
    ("$3.2 billion", 3.2e9),
    ("$1,000 principal amount", 1000.0),
    ("$200 Million Credit Facility", 200e6),
    ("$588M", 588e6),
    ("USD 75 million", 75e6),
    ("of $12.33 per share", 12.33),
    ("no money here", None),
    ("$1,2345 garbled", None),
])
def test_parse_money_usd(text, usd):
    assert parse_money_usd(text) == usd


@pytest.mark.parametrize("text, pct", [
    ("7.750%", 7.75),
    ("37.5 % above", 37.5),
    ("three.00% convertible", 3.0),
    ("zero.75%", 0.75),
    ("a premium of 30 percent", 30.0),
    ("no percent", None),
])
def test_parse_percent(text, pct):
    assert parse_percent(text) == pct


@pytest.mark.parametrize("text, value", [("1,234.5", 1234.5), ("44.4587", 44.4587), (".5", 0.5), ("1,23", None),
                                         ("12a", None), ("", None)])
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_spell_out_digits_only_touches_a_leading_digit_before_decimals():
    assert spell_out_digits("three.50% notes, one of three. Nine.0%") == "3.50% notes, one of three. 9.0%"
