"""Number and date formatting the way miners' releases print them."""
from __future__ import annotations

import calendar
from datetime import date

MONTHS = list(calendar.month_name)
MONTHS_ABBR = ["", "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]


def month_key(key: str) -> tuple[int, int]:
    """"2025-12" -> (2025, 12)."""
    return int(key[:4]), int(key[5:7])


def month_name(key: str) -> str:
    """"2025-12" -> "December 2025"."""
    y, m = month_key(key)
    return f"{MONTHS[m]} {y}"


def month_short(key: str) -> str:
    """"2025-08" -> "Aug 25" (IREN's column heads)."""
    y, m = month_key(key)
    return f"{calendar.month_abbr[m]} {str(y)[2:]}"


def month_end(key: str) -> date:
    y, m = month_key(key)
    return date(y, m, calendar.monthrange(y, m)[1])


def days_in(key: str) -> int:
    y, m = month_key(key)
    return calendar.monthrange(y, m)[1]


def shift_month(key: str, months: int) -> str:
    y, m = month_key(key)
    idx = y * 12 + (m - 1) + months
    return f"{idx // 12:04d}-{idx % 12 + 1:02d}"


def quarter_key(key: str) -> tuple[int, int]:
    """"2026-Q1" -> (2026, 1)."""
    return int(key[:4]), int(key[-1])


def shift_quarter(key: str, quarters: int) -> str:
    y, q = quarter_key(key)
    idx = y * 4 + (q - 1) + quarters
    return f"{idx // 4:04d}-Q{idx % 4 + 1}"


def quarter_months(key: str) -> list[str]:
    y, q = quarter_key(key)
    return [f"{y:04d}-{3 * (q - 1) + i:02d}" for i in (1, 2, 3)]


def quarter_end(key: str) -> date:
    y, q = quarter_key(key)
    return month_end(f"{y:04d}-{3 * q:02d}")


ORDINAL_Q = {1: "First", 2: "Second", 3: "Third", 4: "Fourth"}


def quarter_words(key: str) -> str:
    """"2025-Q3" -> "Third Quarter 2025"."""
    y, q = quarter_key(key)
    return f"{ORDINAL_Q[q]} Quarter {y}"


def long_date(d: date) -> str:
    """"January 7, 2026"."""
    return f"{MONTHS[d.month]} {d.day}, {d.year}"


def wire_date(d: date) -> str:
    """Newswire dateline style: "Jan. 7, 2026", "May 5, 2025"."""
    return f"{MONTHS_ABBR[d.month]} {d.day}, {d.year}"


def commas(value: float | int, places: int = 0) -> str:
    """1818 -> "1,818"; 14.84, 1 -> "14.8"."""
    return f"{value:,.{places}f}"


def millions(usd: float, places: int = 1) -> str:
    """161_600_000 -> "161.6" (the caller adds "$" and "million")."""
    return f"{usd / 1e6:,.{places}f}"


def pct_change(current: float | None, prior: float | None) -> int | None:
    if current is None or prior in (None, 0):
        return None
    return round((current - prior) / abs(prior) * 100)
