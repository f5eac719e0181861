"""Numbers and units as press releases print them, read into the warehouse's units.

Handles US and European separators (decided per text block, then per document, and only where the
reading is unambiguous), footnote digits glued to values (`19,2113`, `$1.0 million5`, `11.7 EH/s2`),
negatives in parentheses, multipliers (`$38.8 million`, `$76.7m`, `US$1.2 billion`) and the markers
press releases use for "not disclosed" (`-`, `–`, `—`, `N/A`, `N/M`, blank).
"""
from __future__ import annotations

import re
from decimal import Decimal
from dataclasses import dataclass, field
from typing import Literal

Locale = Literal["us", "eu", "mixed", "unknown"]

#: Cell contents that mean "not disclosed" (null, never 0).
MISSING_MARKERS = frozenset({"", "-", "--", "–", "—", "―", "−", "n/a", "na", "n/m", "nm", "n.a.", "n.m.", "nil"})


_MULT = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mm": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
         "b": 1e9}

# One number with what may surround it, never across a line break (one cell per line). Footnote digits may follow a unit or multiplier directly
# (Riot prints `$1.0 million5` and `11.7 EH/s2`); after a bare number they are inside `num` and are
# split off by `read_number` from the digit grouping (`19,2113`).
_QTY = re.compile(
    r"""
    (?P<open>\([ \t\u00a0]?)?
    (?P<cur>(?:US|USD|U\.S\.|C|CA|CAD|A|AU|AUD)?\$[ \t\u00a0]?|USD\s|US\s\$[ \t\u00a0]?)?
    (?P<sign>[-−](?=\d))?
    (?P<num>\d[\d,.]*\d|\d)
    (?P<mult>[ \t\u00a0]?(?:million|billion|thousand|mn|bn|mm|m|b|k)(?![a-z/]))?
    (?P<close>[ \t\u00a0]?\))?
    (?P<unit>[ \t\u00a0]?(?:
        EH/s(?:ec)?|PH/s(?:ec)?|TH/s(?:ec)?|EH(?![a-z/])|PH(?![a-z/])|
        exahash(?:es)?(?:[ \t\u00a0]?per[ \t\u00a0]?second|/s)?|petahash(?:es)?(?:[ \t\u00a0]?per[ \t\u00a0]?second|/s)?|
        J/TH|W/TH|J/T(?![a-z])|joules?[ \t\u00a0]+per[ \t\u00a0]+terahash|watts?[ \t\u00a0]+per[ \t\u00a0]+terahash|
        c/kWh|¢/kWh|¢[ \t\u00a0]?per[ \t\u00a0]?kWh|cents?[ \t\u00a0]?(?:per|/)[ \t\u00a0]?kWh|c[ \t\u00a0]?per[ \t\u00a0]?kWh|
        (?:/|[ \t\u00a0]?per\s)kWh|(?:/|[ \t\u00a0]?per\s)MWh|
        cents?[ \t\u00a0]?per[ \t\u00a0]kilowatt[- ]?hours?|[ \t\u00a0]?per[ \t\u00a0](?:kilo|mega)watt[- ]?hours?|
        BTC|bitcoins?|%|percent
    ))?
    (?P<close2>\))?
    (?P<star>\*+)?
    (?P<fn>\d{1,2}(?![\d,.]?\d))?
    """,
    re.X | re.I,
)

_FIRST_DIGIT = re.compile(r"(?<![\d.,])\d")
_PREFIX = re.compile(r"(?:\(\s?)?(?:(?:US|USD|U\.S\.|C|CA|CAD|A|AU|AUD)?\$\s?|USD\s|US\s\$\s?)?[-−]?$")
_PER_BTC = re.compile(r"\s?(?:per|/|a|each)\s?(?:bitcoin|btc)\b", re.I)
_PER_HASH = re.compile(r"\s?(?:/|per)\s?(?:EH|PH|TH)\b", re.I)
_NOT_BTC_UNIT = re.compile(r"\s?(?:-|\s)?(?:miners?|mining|machines?|rigs?|network|price|blocks?|address|etf)\b", re.I)

# Separator evidence: forms only one convention can print, judged per number token (a maximal run of digits,
# dots and commas). A token glued to a letter (`Held1,2` footnote runs) is no evidence.
_US_FORM = re.compile(r"\d{1,3}(?:,\d{3})+\.\d+|\d+\.\d{1,2}|\d{1,3}(?:,\d{3}){2,}|\d+\.\d{4,}")
_EU_FORM = re.compile(r"\d{1,3}(?:\.\d{3})+,\d+|\d+,\d{1,2}|\d{1,3}(?:\.\d{3}){2,}")


@dataclass(slots=True)
class Quantity:
    """A number read from text, in the canonical unit of its `kind`; `value` is None when unreadable."""

    value: float | None
    kind: str                    # btc, usd, usd_per_btc, usd_per_kwh, usd_per_hash, money_other, ehs, j_per_th, pct, number
    raw: str
    start: int
    end: int
    reason: str | None = None
    footnotes: tuple[str, ...] = ()
    restated: bool = False
    plain_int: bool = False      # bare 1-2 digit integer: a candidate footnote marker
    glued_left: bool = False     # digits glued to a preceding letter (`mined3459`)
    decimals: int = 0
    has_separator: bool = False
    scaled: bool = field(default=False)  # a multiplier word was applied


# A whole token (not glued to a word, ending where the digits end) in one convention's form: one regex search
# in C per convention instead of a Python loop over every number of the text.
_TOKEN_END = r"(?![.,]*\d)"
_US_TOKEN = re.compile(rf"(?<![\w.,])(?:{_US_FORM.pattern}){_TOKEN_END}")
_EU_TOKEN = re.compile(rf"(?<![\w.,])(?:{_EU_FORM.pattern}){_TOKEN_END}")


def locale_evidence(text: str) -> tuple[bool, bool]:
    """(prints a form only the US convention prints, prints a form only the European convention prints)."""
    return _US_TOKEN.search(text) is not None, _EU_TOKEN.search(text) is not None


def locale_of(us: bool, eu: bool) -> Locale:
    return "mixed" if us and eu else "us" if us else "eu" if eu else "unknown"


def detect_locale(text: str) -> Locale:
    """Which separator convention a text uses, judged only from forms one convention alone prints."""
    return locale_of(*locale_evidence(text))


def narrow_locale(block: Locale, document: Locale) -> Locale:
    """A block's own evidence wins; otherwise the document's."""
    return block if block in ("us", "eu") else document


_MARKER_FOOTNOTE = re.compile(r"^(?:[-–—―−]|n/?[am]\.?)\s*\d?$", re.I)


def is_missing(cell: str) -> bool:
    """True for the markers that mean 'not disclosed' (footnote stars and digits around them ignored)."""
    s = cell.strip().strip("*").strip()
    if not s:
        return True
    if len(s) > 6 or s[0] not in "-–—―−nN":     # every marker starts with a dash or an n (cheap exit per cell)
        return False
    s = _MARKER_FOOTNOTE.sub(lambda m: m.group(0).rstrip("0123456789 "), s)
    return s.lower() in MISSING_MARKERS


# Digit-grouping shapes read_number tells apart (`_LONG_LAST`: a last group of 4-5 digits = group + footnote).
_DIGITS = re.compile(r"\d+")
_COMMA_GROUPS_LONG_LAST = re.compile(r"(\d{1,3}(?:,\d{3})*),(\d{3})(\d{1,2})")
_DOT_GROUPS_LONG_LAST = re.compile(r"(\d{1,3}(?:\.\d{3})*)\.(\d{3})(\d{1,2})")
_COMMA_GROUPS_2PLUS = re.compile(r"\d{1,3}(?:,\d{3}){2,}")
_COMMA_GROUPS_DECIMAL = re.compile(r"\d{1,3}(?:,\d{3})+\.\d+")
_DOT_GROUPS_2PLUS = re.compile(r"\d{1,3}(?:\.\d{3}){2,}")
_DOT_GROUPS_DECIMAL = re.compile(r"\d{1,3}(?:\.\d{3})+,\d+")
_ONE_COMMA_GROUP = re.compile(r"(\d{1,3}),(\d{3})")
_ONE_DOT_GROUP = re.compile(r"(\d{1,3})\.(\d{3})")
_DOT_DECIMAL = re.compile(r"\d+\.\d+")
_COMMA_DECIMAL = re.compile(r"\d+,\d{1,2}")
_HAS_GROUP = re.compile(r"[.,]\d{3}(?!\d)")
_WS = re.compile(r"\s+")


def read_number(core: str, locale: Locale = "us") -> tuple[float | None, str, str | None, int]:
    """Read a digit string with separators -> (value, footnote digits split off, reason if unreadable, decimals).

    `19,2113` is 19,211 with footnote 3: a thousands group has exactly three digits, so a longer last group
    carries a footnote marker (Riot's tables). A single `1.818`/`1,818` group is read by the locale and
    refused when the locale is unknown or mixed.
    """
    if _DIGITS.fullmatch(core):
        return float(core), "", None, 0
    m = _COMMA_GROUPS_LONG_LAST.fullmatch(core)
    if m:
        if locale == "eu" and "," not in m.group(1):
            digits = core.split(",")[1]
            return float(core.replace(",", ".")), "", None, len(digits)
        return float((m.group(1) + m.group(2)).replace(",", "")), m.group(3), None, 0
    m = _DOT_GROUPS_LONG_LAST.fullmatch(core)
    if m and locale == "eu" and "." in m.group(1):
        return float((m.group(1) + m.group(2)).replace(".", "")), m.group(3), None, 0
    if _COMMA_GROUPS_2PLUS.fullmatch(core) or _COMMA_GROUPS_DECIMAL.fullmatch(core):
        return float(core.replace(",", "")), "", None, len(core.partition(".")[2])
    if _DOT_GROUPS_2PLUS.fullmatch(core) or _DOT_GROUPS_DECIMAL.fullmatch(core):
        return float(core.replace(".", "").replace(",", ".")), "", None, len(core.partition(",")[2])
    m = _ONE_COMMA_GROUP.fullmatch(core)
    if m:
        if locale == "eu" and m.group(1) != "0":
            return float(core.replace(",", ".")), "", None, 3
        return float(m.group(1) + m.group(2)), "", None, 0
    m = _ONE_DOT_GROUP.fullmatch(core)
    if m:
        if locale == "us" or m.group(1) == "0":
            return float(core), "", None, 3
        if locale == "eu":
            return float(m.group(1) + m.group(2)), "", None, 0
        return None, "", f"'{core}' could be {core} or {core.replace('.', ',')} (thousands separator): " \
                        "the text does not show which separator convention it uses", 0
    if _DOT_DECIMAL.fullmatch(core):
        return float(core), "", None, len(core.partition(".")[2])
    if _COMMA_DECIMAL.fullmatch(core):
        return float(core.replace(",", ".")), "", None, len(core.partition(",")[2])
    return None, "", f"'{core}' is not a number in any separator convention", 0


def _scaled(value: float, scale: float, negative: bool) -> float:
    """value x scale without binary noise: 16.1 x 1e6 is 16,100,000, not 16,100,000.000000002."""
    out = float(Decimal(repr(value)) * Decimal(repr(scale))) if scale != 1.0 else value
    return -out if negative else out


_US_CURRENCY = re.compile(r"(?:us|usd|u\.s\.)?\s?\$\s?|usd\s?|us \$\s?")


def _kind_and_scale(unit: str, cur: str, mult: str, after: str) -> tuple[str, float]:
    if not (unit or cur or mult):
        return "number", 1.0          # a bare number (most of them): no unit to read
    u = _WS.sub(" ", unit.strip().lower())
    # "$0.060 per kilowatt hour" is $0.060/kWh
    u = re.sub(r"kilowatt[- ]?hours?$", "kwh", re.sub(r"megawatt[- ]?hours?$", "mwh", u)) if "watt" in u else u
    if cur:
        foreign = not _US_CURRENCY.fullmatch(cur.strip().lower())
        scale = _MULT.get(mult.strip().lower(), 1.0) if mult else 1.0
        if u.endswith("kwh"):
            return ("money_other" if foreign else "usd_per_kwh"), scale
        if u.endswith("mwh"):
            return ("money_other" if foreign else "usd_per_kwh"), scale / 1000.0
        if foreign:
            return "money_other", scale
        if _PER_BTC.match(after):
            return "usd_per_btc", scale
        if _PER_HASH.match(after):
            return "usd_per_hash", scale
        return "usd", scale
    if u.startswith(("eh", "exahash")):
        return "ehs", 1.0
    if u.startswith(("ph", "petahash")):
        return "ehs", 1e-3
    if u.startswith("th"):
        return "ehs", 1e-6
    if u.startswith(("j/t", "w/t", "joule", "watt")):
        return "j_per_th", 1.0
    if u.endswith("kwh") and (u.startswith(("c", "¢"))):
        return "usd_per_kwh", 0.01
    if u.endswith("kwh") or u.endswith("mwh"):
        return "number", 1.0          # "/kWh" without a currency or cents sign: unit unknown
    if u in ("btc", "bitcoin", "bitcoins"):
        return "btc", 1.0
    if u in ("%", "percent"):
        return "pct", 1.0
    if mult and mult.strip().lower() in ("million", "billion", "thousand"):
        return "number", _MULT[mult.strip().lower()]
    return "number", 1.0


def find_quantities(text: str, locale: Locale = "us", *, parens_negative: bool = True) -> list[Quantity]:
    """Every number in `text` with its unit, sign, footnote and scale, left to right.

    `parens_negative`: a table cell `($38,791)` is negative; in prose, parentheses are only an aside.
    """
    out: list[Quantity] = []
    taken = 0
    for d in _FIRST_DIGIT.finditer(text):
        i = d.start()
        if i < taken:
            continue
        # back up over what may precede the digits: "($", "US$ ", "-" (only when one of them is near)
        window = text[max(0, i - 8):i]
        p = _PREFIX.search(text, max(0, i - 8), i) if ("$" in window or "(" in window or "-" in window
                                                       or "\u2212" in window or "USD" in window) else None
        m = _QTY.match(text, p.start() if p else i)
        if m is None or m.start("num") != i:
            m = _QTY.match(text, i)
            if m is None:
                continue
        taken = m.end()
        start = m.start()
        prev = text[start - 1] if start else " "
        if prev.isdigit() or prev in ".,":
            continue
        cur = m.group("cur") or ""
        mult = m.group("mult") or ""
        unit = m.group("unit") or ""
        if unit and unit.strip().lower().startswith("bitcoin") and _NOT_BTC_UNIT.match(text, m.end("unit")):
            unit = ""                   # "55,000 bitcoin miners" counts machines, not coins
        if mult and not cur and mult.strip().lower() not in ("million", "billion", "thousand"):
            mult = ""                   # "12 m" without a currency is metres or months, not millions
            unit = ""
        end = m.end("num")
        if mult:
            end = m.end("mult")
        close = m.group("close") if mult or not unit or m.group("close") else ""
        if m.group("close") and m.start("close") == end:
            end = m.end("close")
        if unit:
            end = m.end("unit")
            if m.group("close2"):
                end = m.end("close2")
                close = close or m.group("close2")
        footnotes: tuple[str, ...] = ()
        restated = False
        if m.group("star") and m.start("star") == end:
            end = m.end("star")
            restated = True
        if m.group("fn") and (mult or unit) and m.start("fn") == end:
            end = m.end("fn")
            footnotes += (m.group("fn"),)
        negative = bool(m.group("open") and close) and parens_negative
        if m.group("open") and not close:
            start = m.start("cur") if cur else (m.start("sign") if m.group("sign") else m.start("num"))
        prev = text[start - 1] if start else " "
        glued = prev.isalpha()
        core = m.group("num")
        value, fn_digits, reason, decimals = read_number(core, locale)
        if fn_digits:
            footnotes = (fn_digits,) + footnotes
        kind, scale = _kind_and_scale(unit, cur, mult, text[end:end + 24])
        if m.group("sign"):
            negative = not negative
        if value is not None:
            value = _scaled(value, scale, negative)
        out.append(Quantity(
            value=value, kind=kind, raw=text[start:end], start=start, end=end, reason=reason,
            footnotes=footnotes, restated=restated,
            plain_int=len(core) <= 2 and core.isdigit() and not (cur or mult or unit or m.group("sign")),
            glued_left=glued, decimals=decimals,
            has_separator=("," in core or "." in core) and _HAS_GROUP.search(core) is not None,
            scaled=scale != 1.0,
        ))
    return out
