"""Reading money amounts, percentages and plain numbers as press releases and filings write them.

Shared by the document parsers: "$875 million", "US$330.0 million", "$3.2 billion", "$1,000",
"7.750%", "37.5 %" (EDGAR HTML puts a space before the sign), and the spelled-out leading digit that
syndicated copies produce ("three.00%" for 3.00%, see ../shared/reference/press/spun_copies_debt.txt).
Every function returns None for text it cannot read with confidence; none of them guesses.
"""
from __future__ import annotations

import math
import re

#: Digits that spinning tools spell out ("three.50%" = 3.50%): only the ten single digits occur.
DIGIT_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
}

#: Whole percentages legal text spells out ("bear interest at six percent per annum"), zero to twenty and
#: the tens: every rate a miner's loan or note has carried.
PERCENT_WORDS = {
    **{w: int(d) for w, d in DIGIT_WORDS.items()},
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}
#: "six percent", "twelve per cent", but not "twenty percent (20%)", whose figure follows in brackets.
SPELLED_PERCENT_RE = re.compile(
    r"\b(?P<word>" + "|".join(sorted(PERCENT_WORDS, key=len, reverse=True)) + r")\s+(?:percent|per\s+cent)\b"
    r"(?!\s*\(\s*\d)", re.I,
)

SCALES = {
    "thousand": 1e3,
    "million": 1e6, "mm": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9,
}

#: A filing's statement that its amounts are in thousands: a table caption "(in thousands)", "($ in thousands)",
#: "(amounts in thousands, except per share data)", "(US$ in thousands)".
IN_THOUSANDS_RE = re.compile(r"\(\s*(?:\$|us\$|dollars|amounts)?\s*in\s+thousands\b", re.I)

#: A number as written in English-language releases: 1,234,567.89 or 1234.5 or .5
NUMBER = r"(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?!\d|,\d)"

#: A dollar amount with an optional scale word: "$875 million", "US$ 1.0 billion", "$1,000".
MONEY_RE = re.compile(
    r"(?P<cur>US\s?\$|U\.S\.\s?\$|USD\s?\$?|\$)\s?(?P<num>" + NUMBER + r")"
    r"(?:\s?(?P<scale>(?i:thousand|million|billion|mm|mn|bn))\b|(?P<short>[mMbB])\b)?",
)

PERCENT_RE = re.compile(r"(?P<num>" + NUMBER + r")\s?(?:%|percent\b|per cent\b)")


def parse_number(text: str) -> float | None:
    """'1,234.5' -> 1234.5; None unless the whole string is one well-formed number."""
    s = text.strip()
    if not re.fullmatch(NUMBER, s):
        return None
    value = float(s.replace(",", ""))
    return value if math.isfinite(value) else None


#: Dollar signs of other currencies: "C$10,000,000", "CA$", "A$", "HK$", "NZ$", "S$". A bare "$" right
#: after one of these prefixes is not a US dollar, so it is not read as `_usd`.
_FOREIGN_PREFIX = r"(?<![A-Za-z])(?:C|CA|CDN|A|AU|HK|NZ|S|SG|(?:CAD|AUD|HKD|NZD|SGD)\s?)"
FOREIGN_DOLLAR_RE = re.compile(_FOREIGN_PREFIX + r"\$(?=\s?\d)|(?<![A-Za-z])(?:CAD|AUD|HKD|NZD|SGD)\s?(?=\d)")
_FOREIGN_BEFORE_DOLLAR_RE = re.compile(_FOREIGN_PREFIX + r"\$$")


def is_foreign_dollar(m: re.Match) -> bool:
    """Whether a MONEY_RE match's bare "$" belongs to another dollar ("C$0.45")."""
    if m.group("cur") != "$":
        return False
    return _FOREIGN_BEFORE_DOLLAR_RE.search(m.string, max(0, m.start() - 4), m.start() + 1) is not None


def money_from_match(m: re.Match) -> float | None:
    """USD value of a MONEY_RE match (scale word applied); None for another currency's dollar ("C$")."""
    if is_foreign_dollar(m):
        return None
    num = parse_number(m.group("num"))
    if num is None:
        return None
    scale = (m.group("scale") or m.group("short") or "").lower()
    return _clean(num * SCALES.get(scale, 1.0))


def parse_money_usd(text: str) -> float | None:
    """The first dollar amount in `text` as USD ('$875 million' -> 875e6), or None."""
    m = MONEY_RE.search(text)
    return money_from_match(m) if m else None


def parse_percent(text: str) -> float | None:
    """The first percentage in `text` ('7.750%' -> 7.75, 'three.00%' -> 3.0), or None."""
    m = PERCENT_RE.search(spell_out_digits(text))
    return parse_number(m.group("num")) if m else None


def spell_out_digits(text: str) -> str:
    """Undo the spinning of a leading digit before a decimal: 'three.00%' -> '3.00%'."""
    return re.sub(
        r"\b(" + "|".join(DIGIT_WORDS) + r")(?=\.\d)",
        lambda m: DIGIT_WORDS[m.group(1).lower()],
        text,
        flags=re.IGNORECASE,
    )


def _clean(value: float) -> float:
    """Round away binary noise from scaling ('0.1 billion' -> 100000000.0, not 100000000.00000001)."""
    return float(round(value, 6))
