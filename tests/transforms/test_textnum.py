"""transforms.textnum: numbers, units, separators, footnotes and missing markers as press releases print them."""
from __future__ import annotations

import pytest

from transforms.textnum import detect_locale, find_quantities, is_missing, read_number


def one(text: str, locale: str = "us", **kw):
    qs = [q for q in find_quantities(text, locale, **kw) if not q.plain_int]
    assert qs, text
    return qs[0]


@pytest.mark.parametrize("text, value, kind", [
    ("$38.8 million", 38.8e6, "usd"),
    ("$76.7m", 76.7e6, "usd"),
    ("US$1.2 billion", 1.2e9, "usd"),
    ("$1,234,567", 1234567.0, "usd"),
    ("$ 38.8 million", 38.8e6, "usd"),
    ("($25.9m)", -25.9e6, "usd"),
    ("($38,791)", -38791.0, "usd"),
    ("$17,300 per BTC", 17300.0, "usd_per_btc"),
    ("33.7 EH/s", 33.7, "ehs"),
    ("520 PH/s", 0.52, "ehs"),
    ("21.0 J/TH", 21.0, "j_per_th"),
    ("24 W/TH", 24.0, "j_per_th"),
    ("3.7c/kWh", 0.037, "usd_per_kwh"),
    ("3.7¢/kWh", 0.037, "usd_per_kwh"),
    ("4.7 cents per kWh", 0.047, "usd_per_kwh"),
    ("$0.04/kWh", 0.04, "usd_per_kwh"),
    ("$0.04 per kWh", 0.04, "usd_per_kwh"),
    ("$37/MWh", 0.037, "usd_per_kwh"),
    ("(15.8)c/kWh", -0.158, "usd_per_kwh"),
    ("668 BTC", 668.0, "btc"),
    ("1,818 Bitcoin", 1818.0, "btc"),
    ("-13 %", -13.0, "pct"),
    ("463", 463.0, "number"),
    ("C$5.2 million", 5.2e6, "money_other"),
])
def test_units_and_scales(text, value, kind):
    q = one(text)
    assert q.kind == kind
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize("text, value, footnote", [
    ("19,2113", 19211.0, "3"),          # Riot April 2025: 19,211 + footnote 3
    ("106,6742", 106674.0, "2"),        # Riot November 2023
    ("$1.0 million5", 1.0e6, "5"),
    ("11.7 EH/s2", 11.7, "2"),
])
def test_glued_footnotes_are_split_off(text, value, footnote):
    q = one(text)
    assert q.value == pytest.approx(value) and footnote in q.footnotes


def test_parentheses_are_an_aside_in_prose():
    assert one("($9.4 million)", parens_negative=False).value == 9.4e6


def test_bitcoin_miners_are_not_bitcoin():
    q = one("55,000 bitcoin miners")
    assert q.kind == "number" and q.value == 55000


def test_months_are_not_millions():
    q = one("120 m")
    assert q.kind == "number" and q.value == 120


@pytest.mark.parametrize("core, locale, value", [
    ("1.818", "eu", 1818.0), ("1.818", "us", 1.818), ("1.818", "unknown", None), ("1.818", "mixed", None),
    ("1,818", "us", 1818.0), ("1,818", "unknown", 1818.0), ("1,818", "eu", 1.818),
    ("161,6", "us", 161.6), ("161,6", "eu", 161.6),
    ("1.234.567", "unknown", 1234567.0), ("1,234,567", "unknown", 1234567.0),
    ("1.234,5", "unknown", 1234.5), ("1,234.5", "unknown", 1234.5),
    ("0.125", "unknown", 0.125),
])
def test_separator_conventions(core, locale, value):
    got, _fn, reason, _dec = read_number(core, locale)
    assert got == (pytest.approx(value) if value is not None else None)
    assert (reason is None) == (value is not None)


@pytest.mark.parametrize("text, locale", [
    ("$38.8 million and 19,211 BTC", "us"), ("$161,6 milioni; 1.818 BTC", "eu"), ("1.818 BTC", "unknown"),
    ("$38.8 million and $161,6 million", "mixed"), ("Held1,2 7,358", "unknown"),
])
def test_detect_locale(text, locale):
    assert detect_locale(text) == locale


@pytest.mark.parametrize("cell, missing", [
    ("-", True), ("–", True), ("—", True), ("N/A", True), ("n/m", True), ("", True), ("  ", True), ("–*", True),
    ("0", False), ("$0.0 million", False), ("475", False),
])
def test_missing_markers(cell, missing):
    assert is_missing(cell) is missing
