"""A filing note's roll-forward of bitcoin held: opening balance, bitcoin mined, bitcoin sold, closing balance.

10-Qs and 10-Ks report their bitcoin as a roll-forward table ("The following table presents our bitcoin mining
activities for the three months ended March 31, 2025": "Balance at December 31, 2024 | 741.9 | $ 69,319,731",
"Receipt of BTC from mining services | 83.3 | ...", "Sales of and payments made in BTC | (392.6) | ...",
"Balance at March 31, 2025 | 417.6 | ..."), copied one cell per line on EDGAR's R pages and most mirrors. The
table's first column counts bitcoin only when its header says so ("Number of bitcoins", "Quantity"); a table in
dollars ("(in USD thousands)", "Amount" alone) gives no bitcoin figure except a row that names the count itself
("Number of Bitcoin held as of June 30, 2024 | 9,102").
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from transforms.production_periods import MONTHS, Period, safe_date
from transforms.production_tables import TIER_TABLE, Finding
from transforms.textnum import Locale, find_quantities

_MON = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE = rf"(?P<m>{_MON})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>(?:19|20)\d{{2}})"
#: the header of a table that counts bitcoin in its first column
#: (a cell of its own: "Number of / bitcoins", not the row "Number of Bitcoin held as of June 30, 2024")
#: ("Quantity | Amounts": a header row whose first cell is the count, the rest other columns)
_COUNT_HEADER_RE = re.compile(r"(?im)^[ \t|]*(?:number\s+of\s+(?:bitcoins?|btc)|quantity(?:\s+of\s+(?:bitcoins?|btc))?|"
                              r"(?:bitcoins?|btc)\s+(?:quantity|units|count))[ \t]*(?:\|(?:[^\n\d]|\(\d\))*)?$")
_BALANCE_RE = re.compile(rf"^(?:ending\s+|closing\s+|opening\s+|beginning\s+)?balance,?\s+(?:at|as\s+of|as\s+at)\s+{_DATE}\s*$", re.I)
#: a row that names the count of bitcoin held on a date, in any table
_COUNT_HELD_RE = re.compile(rf"^number\s+of\s+(?:bitcoins?|btc)\s+(?:held\s+)?(?:as\s+of|at|as\s+at)\s+{_DATE}\s*$", re.I)
_MINED_ROW_RE = re.compile(r"\b(?:mined|mining|production|produced)\b", re.I)
_NOT_MINED_ROW_RE = re.compile(r"\b(?:prior\s+period|hosting|pool|impairment|fair\s+value|exchange)\b", re.I)
_SOLD_ROW_RE = re.compile(r"\b(?:sales?|sold|disposals?|disposed)\b", re.I)
_NOT_SOLD_ROW_RE = re.compile(r"\b(?:exchange\w*|fair\s+value|other\s+digital)\b", re.I)
_DAY = timedelta(days=1)
#: a line that opens a balance row or names a count held: the document may hold a roll-forward
_ANY_ROW_RE = re.compile(r"(?im)^[ \t|]*(?:(?:ending\s+|closing\s+|opening\s+|beginning\s+)?balance\b|number\s+of\s+(?:bitcoins?|btc)\b|quantity\b)")
#: "The following table presents the Company's significant digital assets holdings as of March 31, 2025:" above
#: "Quantity | Cost Basis | Fair Value" and "BTC | 417.6 | $ | 25,456,846": a holdings table, one row per coin
_HOLDINGS_AS_OF_RE = re.compile(rf"\bholdings?\s+(?:as\s+of|at|as\s+at)\s+{_DATE}", re.I)
_BITCOIN_ROW_RE = re.compile(r"^(?:btc|bitcoins?)$", re.I)
_VALUE_LINE_RE = re.compile(r"^[\s$]*\(?\s*-?[\d,]*\.?\d+\s*\)?\s*$|^\s*[-–—]\s*$")


def _date(m: re.Match) -> date | None:
    # every spelling the pattern admits starts with a month's three-letter key ("Sept.", "Dec", "December")
    return safe_date(int(m.group("y")), MONTHS[m.group("m")[:3].lower()], int(m.group("d")))


def _rows(text: str) -> list[tuple[str, list[str]]]:
    """Label lines and the value lines under them ("Balance at March 31, 2025" / "417.6" / "$ 34,474,294");
    a line holding a label and its values together keeps its first value."""
    rows: list[tuple[str, list[str]]] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line or line == "$":
            continue
        if _VALUE_LINE_RE.match(line):
            if rows:
                rows[-1][1].append(line)
            continue
        if "|" in line:
            # a row flattened with its cells between bars: "Balance as of December 31, 2024 | 17,722 | $ | 1,654,468"
            cells = [c.strip() for c in line.split("|")]
            values = [c for c in cells[1:] if c and c not in ("$", ")")]
            if cells[0] and re.search(r"[A-Za-z]", cells[0]) and all(_VALUE_LINE_RE.match(v) or v.startswith("(") for v in values[:1]):
                rows.append((cells[0], values))
                continue
        m = re.match(r"^(?P<label>.*?[A-Za-z].*?)\s{2,}(?P<rest>[$(\d-].*)$", line)
        if m is None and rows and not rows[-1][1] and line[:1].islower():
            rows[-1] = (f"{rows[-1][0]} {line}", [])     # a label wrapped: "Balance" / "at September 30, 2025"
            continue
        rows.append((m.group("label").strip(), [m.group("rest")]) if m else (line, []))
    return rows


def _count(cell: str, locale: Locale) -> float | None:
    """The bitcoin count a cell prints; a dash stays unread, as everywhere in the parser (the issue's mark for a
    figure not disclosed)."""
    qs = find_quantities(cell.replace("$", " "), locale)
    return abs(qs[0].value) if qs and qs[0].value is not None else None


def read_rollforward(text: str, own: Period, locale: Locale, order0: int = 30_000) -> list[Finding]:
    """btc_held at the own period's end (a closing balance or a stated count), and, in a count table, the
    bitcoin mined and sold between the balance before it and that closing balance."""
    if _ANY_ROW_RE.search(text) is None:
        return []       # most releases hold neither row: one search, no line-by-line pass
    rows = _rows(text)
    out: list[Finding] = []
    counted = _COUNT_HEADER_RE.search(text) is not None
    opened = False
    mined: list[tuple[float, str]] = []
    sold: list[tuple[float, str]] = []
    holdings_day: date | None = None
    for i, (label, values) in enumerate(rows):
        hm = _HOLDINGS_AS_OF_RE.search(label)
        if hm:
            holdings_day = _date(hm)
        if counted and holdings_day == own.end and _BITCOIN_ROW_RE.match(label) and values:
            value = _count(values[0], locale)
            if value is not None:
                out.append(Finding("btc_held", own, value, None, f"{label} | {values[0].strip()}", TIER_TABLE, order0 + i))
                break
        held = _COUNT_HELD_RE.match(label) or (_BALANCE_RE.match(label) if counted else None)
        if held:
            day = _date(held)
            value = _count(values[0], locale) if values else None
            if day == own.end and value is not None:
                out.append(Finding("btc_held", own, value, None, f"{label} | {values[0].strip()}", TIER_TABLE, order0 + i))
                if opened and counted:
                    for name, found in (("btc_produced", mined), ("btc_sold", sold)):
                        if len(found) == 1:
                            out.append(Finding(name, own, found[0][0], None, found[0][1], TIER_TABLE, order0 + i))
                break
            if _BALANCE_RE.match(label) and day is not None and day < own.end:
                opened, mined, sold = day >= own.start - _DAY, [], []
            continue
        if not (counted and opened and values):
            continue
        value = _count(values[0], locale)
        if value is None:
            continue
        if _MINED_ROW_RE.search(label) and not _NOT_MINED_ROW_RE.search(label):
            mined.append((value, f"{label} | {values[0].strip()}"))
        elif _SOLD_ROW_RE.search(label) and not _NOT_SOLD_ROW_RE.search(label):
            sold.append((value, f"{label} | {values[0].strip()}"))
    return out

