"""Money, power, term and date phrases in press-release prose, each found with its exact span.

Private to the AI/HPC parsers (`transforms/hpc*.py`): every quantity keeps the characters it was read
from, so a parsed figure can always be traced back to (and re-read from) the text. A phrase that is
ambiguous (a decimal comma, a foreign-currency dollar) is skipped, never guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

__all__ = [
    "Quantity", "DatePhrase", "find_money", "find_power_mw", "find_terms_years", "find_dates",
    "parse_full_date", "MONTHS",
]


@dataclass(frozen=True)
class Quantity:
    """A number read from `text[start:end]`; `qualifier` is how the release hedged it."""

    value: float
    start: int
    end: int
    text: str
    qualifier: str | None = None  # "approximately" | "at_least" | "up_to" | None
    negative: bool = False        # shown in parentheses, e.g. "($25.9m)"


@dataclass(frozen=True)
class DatePhrase:
    """A calendar reference; `precision` is "day", "month", "quarter", "half" or "year"."""

    value: date
    precision: str
    start: int
    end: int
    text: str


# Hedges that precede a figure. "over" only counts directly before a number ("over 200 MW"),
# never in "over the 10-year term", because the regex requires the number right after it.
_QUALIFIERS = {
    "approximately": "approximately", "approx.": "approximately", "about": "approximately",
    "around": "approximately", "roughly": "approximately", "nearly": "approximately",
    "almost": "approximately", "close to": "approximately", "~": "approximately",
    "more than": "at_least", "over": "at_least", "in excess of": "at_least", "exceeding": "at_least",
    "at least": "at_least", "greater than": "at_least", "upwards of": "at_least", ">": "at_least",
    "up to": "up_to", "as much as": "up_to",
}
_QUAL_RE = "|".join(sorted((re.escape(k) for k in _QUALIFIERS), key=len, reverse=True))
_QUAL = rf"(?:(?P<qual>{_QUAL_RE})\s*)?"

# 3,700 | 3.7 | 224.8 ; a comma must group exactly three digits, so "161,6" (a decimal comma
# seen in syndicated copies, reference/press/README.md) matches nothing rather than 161 or 1616.
_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d])(?!,\d)(?!\.\d)"

_MONEY_SCALE = {
    "trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "b": 1e9, "million": 1e6, "mm": 1e6,
    "mn": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3,
}
# "US$224.8 million" (Bitdeer, IREN), "$76.7m" (IREN tables), "$9.7bn", "USD 5 million".
# A dollar sign glued to another letter (A$, C$, NZ$, HK$) is not US dollars: skipped.
_MONEY_RE = re.compile(
    _QUAL
    + r"(?P<paren>\()?\s*(?P<cur>(?<![A-Za-z])US\s?\$|(?<![A-Za-z])U\.S\.\s?\$|(?<![A-Za-z])USD\s?|(?<![A-Za-z])\$)\s?"
    + _NUM
    + r"(?:\s?(?P<unit>trillion|billion|million|thousand|tn|bn|mm|mn|b|m|k)(?![A-Za-z]))?"
    + r"(?P<cparen>\s?\))?",
    re.IGNORECASE,
)

# "200 MW", "200MW", "1.4 GW", "168 megawatts", "160-MW"; never "MWh" (energy, not capacity).
_POWER_RE = re.compile(
    # "120 incremental MW of critical IT load": a word of increment between the number and its unit;
    # "300 Gross MW / 216 MW Critical IT Load", "70 IT MW": a deck's basis between them
    _QUAL + _NUM + r"(?:\s?-?\s?|\s+(?:incremental|additional|new|net|gross|(?:critical\s+)?IT)\s+)"
    r"(?P<unit>MW|megawatts?|GW|gigawatts?)(?:s)?(?![A-Za-z])",
    re.IGNORECASE,
)

_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30,
}
for _unit_word, _unit_value in list(_WORD_NUMBERS.items())[:9]:
    _WORD_NUMBERS[f"twenty-{_unit_word}"] = 20 + _unit_value
_WORDS_RE = "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))

# "10-year", "ten-year", "15 years", "twenty-five-year", "60-month".
_TERM_RE = re.compile(
    _QUAL
    + rf"(?<![\w.,-])(?P<num>\d{{1,2}}(?:\.\d)?|{_WORDS_RE})(?:\s?-\s?|\s)(?P<unit>year|yr|month)s?(?![A-Za-z])",
    re.IGNORECASE,
)

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_FULL_DATE_RE = re.compile(
    rf"\b(?P<month>{_MONTH_RE})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_DAY_FIRST_RE = re.compile(
    rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_RE})\.?,?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE
)
_MONTH_YEAR_RE = re.compile(rf"\b(?P<month>{_MONTH_RE})\.?,?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
_ORDINAL_Q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_QUARTER_RE = re.compile(
    r"\b(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:calendar\s+)?quarter\s+(?:of\s+)?(?:calendar\s+(?:year\s+)?)?"
    r"|Q(?P<qn>[1-4])\s?(?:of\s+)?|(?P<nq>[1-4])Q\s?)(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_HALF_RE = re.compile(
    r"\b(?:(?P<ord>first|second)\s+half\s+(?:of\s+)?|(?P<h>[12])H\s?|H(?P<h2>[12])\s?)(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def _qualifier(match: re.Match) -> str | None:
    qual = match.group("qual")
    return _QUALIFIERS[qual.lower()] if qual else None


def _to_float(num: str) -> float:
    return float(num.replace(",", ""))


def find_money(text: str) -> list[Quantity]:
    """Every US-dollar amount in `text`, scaled to dollars."""
    out = []
    for m in _MONEY_RE.finditer(text):
        unit = (m.group("unit") or "").lower()
        # scaled in decimal so "$4.1 billion" is 4100000000.0, not 4099999999.9999995
        value = float(Decimal(m.group("num").replace(",", "")) * Decimal(str(_MONEY_SCALE.get(unit, 1.0))))
        negative = bool(m.group("paren") and m.group("cparen"))
        if m.group("qual"):
            start = m.start("qual")
        else:
            start = m.start("paren") if negative else m.start("cur")
        end = m.end("cparen") if negative else (m.end("unit") if m.group("unit") else m.end("num"))
        out.append(Quantity(value, start, end, text[start:end], _qualifier(m), negative))
    return out


def find_power_mw(text: str) -> list[Quantity]:
    """Every power capacity in `text`, in MW (GW x 1,000)."""
    out = []
    for m in _POWER_RE.finditer(text):
        scale = 1000.0 if m.group("unit").lower().startswith("g") else 1.0
        start = m.start("qual") if m.group("qual") else m.start("num")
        out.append(Quantity(_to_float(m.group("num")) * scale, start, m.end(), text[start:m.end()], _qualifier(m)))
    return out


_RANGE_BEFORE_RE = re.compile(r"(?<![\w.,])(?:\d{1,2}|" + _WORDS_RE + r")\s*(?:to|-|–|or|and)\s*$", re.IGNORECASE)


def find_terms_years(text: str) -> list[Quantity]:
    """Every duration ("10-year", "fifteen years", "60-month") in `text`, in years."""
    out = []
    for m in _TERM_RE.finditer(text):
        raw = m.group("num").lower()
        number = float(_WORD_NUMBERS[raw]) if raw in _WORD_NUMBERS else float(raw)
        years = number / 12.0 if m.group("unit").lower() == "month" else number
        if years <= 0 or years > 99:
            continue
        if _RANGE_BEFORE_RE.search(text, max(0, m.start("num") - 16), m.start("num")):
            continue    # "terms of 2 to 3 years", "3-5 year terms": a range over several contracts is no contract's term
        qualifier = _qualifier(m)
        # "payable over 10 years" spans the period, it does not bound it.
        if m.group("qual") and m.group("qual").lower() in ("over", "about", "around"):
            qualifier, start = None, m.start("num")
        else:
            start = m.start("qual") if m.group("qual") else m.start("num")
        out.append(Quantity(years, start, m.end(), text[start:m.end()], qualifier))
    return out


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_full_date(text: str) -> date | None:
    """The first "Aug. 14, 2025" / "14 August 2025" date in `text`, or None."""
    for d in find_dates(text):
        if d.precision == "day":
            return d.value
    return None


def find_dates(text: str) -> list[DatePhrase]:
    """Dates, months, quarters and halves named in `text`, in order; each span used once."""
    found: list[DatePhrase] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(value: date | None, precision: str, m: re.Match) -> None:
        if value is not None and free(m.start(), m.end()):
            found.append(DatePhrase(value, precision, m.start(), m.end(), m.group(0)))
            taken.append((m.start(), m.end()))

    for m in _FULL_DATE_RE.finditer(text):
        add(_safe_date(int(m.group("year")), MONTHS[m.group("month").lower()], int(m.group("day"))), "day", m)
    for m in _DAY_FIRST_RE.finditer(text):
        add(_safe_date(int(m.group("year")), MONTHS[m.group("month").lower()], int(m.group("day"))), "day", m)
    for m in _MONTH_YEAR_RE.finditer(text):
        # "May 2026" but not "may 2026" as a verb: a lower-case "may" is the verb.
        if m.group("month") == "may":
            continue
        add(_safe_date(int(m.group("year")), MONTHS[m.group("month").lower()], 1), "month", m)
    for m in _QUARTER_RE.finditer(text):
        q = _ORDINAL_Q.get((m.group("ord") or "").lower()) or int(m.group("qn") or m.group("nq"))
        add(_safe_date(int(m.group("year")), 3 * (q - 1) + 1, 1), "quarter", m)
    for m in _HALF_RE.finditer(text):
        half = {"first": 1, "second": 2}.get((m.group("ord") or "").lower()) or int(m.group("h") or m.group("h2"))
        add(_safe_date(int(m.group("year")), 1 if half == 1 else 7, 1), "half", m)
    return sorted(found, key=lambda d: d.start)
