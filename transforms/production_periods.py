"""Reporting periods as production updates name them: months, calendar and fiscal quarters, dates."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date
from typing import Literal

from transforms.errors import ParseError

PeriodType = Literal["month", "quarter"]

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

#: Fiscal year-end month of miners whose fiscal year is not the calendar year, for "fiscal Q1 2026" when the
#: release does not also give the calendar dates. CleanSpark: FY ends 30 Sep (DOMAIN.md); IREN: 30 Jun
#: ("Q1 FY26 (quarter ended 2025-09-30)" in figures.csv); HIVE: 31 Mar ("FQ2 2026 (Jul-Sep 2025)").
#: DMG Blockchain: 30 Sep ("fiscal first quarter 2024 ... ending December 31, 2023").
FISCAL_YEAR_END_MONTH = {"CLSK": 9, "IREN": 6, "HIVE": 3, "DMGI": 9, "DMGGF": 9}

_MON = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
        r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"


@dataclass(frozen=True, order=True)
class Period:
    """A calendar month or a quarter (calendar dates, also for fiscal quarters)."""

    start: date
    end: date
    type: PeriodType

    @property
    def key(self) -> str:
        if self.type == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return f"{self.end.year:04d}-Q{(self.end.month - 1) // 3 + 1}" if self.end.month % 3 == 0 else \
            f"{self.start.isoformat()}..{self.end.isoformat()}"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def shifted_years(self, years: int) -> Period:
        if self.type == "month":
            return month_period(self.start.year + years, self.start.month)
        return quarter_ending(self.end.year + years, self.end.month)


@lru_cache(maxsize=2048)      # a few hundred distinct months; calendar.monthrange is not free
def month_period(year: int, month: int) -> Period:
    return Period(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month")


@lru_cache(maxsize=2048)
def quarter_ending(year: int, end_month: int) -> Period:
    """The three months ending with `end_month` of `year`."""
    start_month = end_month - 2
    start_year = year
    if start_month < 1:
        start_month += 12
        start_year -= 1
    return Period(date(start_year, start_month, 1), date(year, end_month, calendar.monthrange(year, end_month)[1]),
                  "quarter")


def calendar_quarter(year: int, quarter: int) -> Period:
    return quarter_ending(year, quarter * 3)


def fiscal_quarter(fiscal_year: int, quarter: int, fy_end_month: int) -> Period:
    """Quarter `quarter` of the fiscal year that ends in `fy_end_month` of `fiscal_year`."""
    end_month = fy_end_month - 3 * (4 - quarter)
    year = fiscal_year
    while end_month < 1:
        end_month += 12
        year -= 1
    return quarter_ending(year, end_month)


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if y < 100 else y


def parse_hint(hint: str) -> Period:
    """`YYYY-MM` or `YYYY-Qn` as given on the command line."""
    m = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", hint)
    if m and 1 <= int(m.group(2)) <= 12:
        return month_period(int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r"\s*(\d{4})-?[Qq]([1-4])\s*", hint)
    if m:
        return calendar_quarter(int(m.group(1)), int(m.group(2)))
    raise ParseError(f"period hint {hint!r} is not YYYY-MM or YYYY-Qn")


@dataclass(frozen=True)
class Mention:
    """A period or date named in running text."""

    kind: str            # month | quarter | date | month_only | year | cumulative | fiscal_quarter | quarter_month
    start: int
    end: int
    period: Period | None = None
    day: date | None = None
    month: int | None = None
    fiscal: tuple[int, int] | None = None   # (fiscal year, quarter) when no calendar dates were given
    day_of_month: int | None = None         # a date written without its year ("As of November 1")


# Every alternative starts a word: the leading \b lets the engine skip the other positions at once (2x faster).
_MENTION = re.compile(
    rf"""
    \b(?:
    (?P<qended>(?:three|3)(?:\s+and\s+(?:six|nine|twelve|6|9|12))?[- ]months?(?:\s+period)?\s+ended\s+(?P<qe_m>{_MON})\.?\s+(?P<qe_d>\d{{1,2}}),?\s+(?P<qe_y>\d{{4}})
       |quarter\s+ended\s+(?P<qe2_m>{_MON})\.?\s+(?P<qe2_d>\d{{1,2}}),?\s+(?P<qe2_y>\d{{4}}))
   |(?P<fq>(?:fiscal\s+(?:year\s+)?(?P<fq1_y>\d{{4}})\s+(?P<fq1_o>{_ORD})\s+quarter)
       |(?:(?P<fq2_o>{_ORD})\s+(?:fiscal\s+)?quarter\s+(?:of\s+)?(?:fiscal\s+year|fiscal|FY)\s?'?(?P<fq2_y>\d{{2,4}}))
       |(?:fiscal\s+(?P<fq3_o>{_ORD})\s+quarter(?:\s+and\s+(?:the\s+)?(?:full|fiscal)[- ]year)?\s+(?:of\s+)?(?:(?:fiscal\s+)?year\s+)?(?P<fq3_y>\d{{4}}))
       |(?:(?P<fq4_o>{_ORD})\s+fiscal\s+quarter(?:\s+and\s+(?:the\s+)?(?:full|fiscal)[- ]year)?\s+(?:of\s+)?(?:(?:fiscal\s+)?year\s+)?(?P<fq4_y>\d{{4}}))
       |(?:F?Q(?P<fq5_q>[1-4])\s?(?:fiscal\s+|FY\s?'?)(?P<fq5_y>\d{{2,4}}))
       |(?:FY\s?'?(?P<fq6_y>\d{{2,4}})\s?Q(?P<fq6_q>[1-4])))
   |(?P<q>(?:\bQ(?P<q1_q>[1-4])\s?['/]?(?P<q1_y>\d{{4}}|\d{{2}})\b)
       |(?:\b(?P<q2_q>[1-4])Q\s?'?(?P<q2_y>\d{{4}}|\d{{2}})\b)
       |(?:\b(?P<q3_o>{_ORD})\s+(?:quarter|qtr\.?)(?:\s+and\s+(?:the\s+)?(?:full|fiscal)[- ]year)?(?:\s+of)?(?:\s+calendar)?(?:\s+year)?,?\s+(?P<q3_y>\d{{4}})\b))
   |(?P<date>\b(?P<d_m>{_MON})\.?\s+(?P<d_d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<d_y>\d{{4}})\b)
   |(?P<my>\b(?P<my_m>{_MON})\.?(?:[- ]end)?,?\s+(?P<my_y>\d{{4}})\b)
   |(?P<cum>(?:six|nine|twelve|6|9|12)[- ]months?\s+ended|(?:fiscal\s+)?year\s+ended|year[- ]to[- ]date|\bYTD\b|(?:since|from)\s+(?:the\s+|its\s+|our\s+)?inception|to\s+date\b|\bannual(?:ly)?\b|full[- ]year|
       trailing\s+twelve|last\s+twelve|\bTTM\b|\bLTM\b|calendar\s+year|fiscal\s+year|cumulative|\blifetime\b|
       \brecord\b(?!\s+\d)|all[- ]time)
   |(?P<dny>\b(?P<dny_m>January|February|March|April|May|June|July|August|September|October|November|December|
       (?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)\s+(?P<dny_d>[1-3]?\d)(?:st|nd|rd|th)?(?![\d,.]?\d)(?!,?\s+(?:19|20)\d\d))
   |(?P<year>\b(?:in|for|during|of|through|throughout|since)\s+(?P<y_y>20\d{{2}})\b)
   |(?P<mo>\b(?P<mo_m>January|February|March|April|June|July|August|September|October|November|December|
       Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|(?<=month\sof\s)May)(?![\w-]))
    )""",
    re.X | re.I,
)


# Where a mention can start: a digit, or a word beginning like one of _MENTION's alternatives (months, three,
# third, quarter, fiscal, first..fourth, six/nine/twelve, year, YTD, since, to date, annual, full, trailing,
# last, TTM, LTM, calendar, cumulative, lifetime, record, all-time, in/for/during/of/through + year, Qn, nQ,
# FY, FQ, from (the) inception). The big pattern is then tried only there: half the time of letting it scan every word.
_MENTION_START = re.compile(
    r"\b(?=[0-9]|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|thr|thi|qua|fis|fir|sec|fou|six|nin|twe|yea|"
    r"ytd|sin|fro|to\s|ann|ful|tra|las|ttm|ltm|cal|cum|lif|rec|all|in\s|for|dur|of\s|q[1-4]|fy|fq))")


def _mention_matches(text: str):
    """_MENTION.finditer(text), tried only where a mention can start (same matches, left to right)."""
    pos = 0
    for cand in _MENTION_START.finditer(text):
        start = cand.start()
        if start < pos:
            continue
        m = _MENTION.match(text, start)
        if m is not None:
            yield m
            pos = m.end()


def find_mentions(text: str, fy_end_month: int | None = None) -> list[Mention]:
    """Every period, date, bare month, bare year and cumulative phrase in `text`, left to right."""
    out = []
    for m in _mention_matches(text):
        g = m.groupdict()
        s, e = m.start(), m.end()
        if g["qended"]:
            mon = g["qe_m"] or g["qe2_m"]
            y = int(g["qe_y"] or g["qe2_y"])
            d = int(g["qe_d"] or g["qe2_d"])
            mm = MONTHS[mon.lower().rstrip(".")]
            day = safe_date(y, mm, d)
            out.append(Mention("quarter", s, e, period=quarter_ending(y, mm), day=day))
        elif g["fq"]:
            o = g["fq1_o"] or g["fq2_o"] or g["fq3_o"] or g["fq4_o"]
            q = _ORDINALS[o.lower()] if o else int(g["fq5_q"] or g["fq6_q"])
            fy = _year(g["fq1_y"] or g["fq2_y"] or g["fq3_y"] or g["fq4_y"] or g["fq5_y"] or g["fq6_y"])
            period = fiscal_quarter(fy, q, fy_end_month) if fy_end_month else None
            out.append(Mention("fiscal_quarter", s, e, period=period, fiscal=(fy, q)))
        elif g["q"]:
            q = int(g["q1_q"] or g["q2_q"]) if (g["q1_q"] or g["q2_q"]) else _ORDINALS[g["q3_o"].lower()]
            y = _year(g["q1_y"] or g["q2_y"] or g["q3_y"])
            if fy_end_month and fy_end_month != 12 and re.search(r"fiscal|\bFY", text[max(0, s - 12):e + 12], re.I):
                out.append(Mention("fiscal_quarter", s, e, period=fiscal_quarter(y, q, fy_end_month), fiscal=(y, q)))
            else:
                out.append(Mention("quarter", s, e, period=calendar_quarter(y, q)))
        elif g["date"]:
            mm = MONTHS[g["d_m"].lower().rstrip(".")]
            day = safe_date(int(g["d_y"]), mm, int(g["d_d"]))
            if day is None:
                continue
            out.append(Mention("date", s, e, day=day, month=mm, period=month_period(day.year, mm)))
        elif g["my"]:
            mon = g["my_m"]
            if mon.lower() == "may" and not mon[0].isupper():
                continue
            mm = MONTHS[mon.lower().rstrip(".")]
            out.append(Mention("month", s, e, period=month_period(int(g["my_y"]), mm), month=mm))
        elif g["cum"]:
            out.append(Mention("cumulative", s, e))
        elif g["dny"]:
            mon = g["dny_m"]
            d = int(g["dny_d"])
            if not mon[0].isupper() or not 1 <= d <= 31:
                continue
            out.append(Mention("month_only", s, e, month=MONTHS[mon.lower().rstrip(".")], day_of_month=d))
        elif g["year"]:
            # the year's last day: a level the year ended on is the level of the report ending that day
            out.append(Mention("year", s, e, day=safe_date(int(g["y_y"]), 12, 31)))
        elif g["mo"]:
            mon = g["mo_m"]
            if not mon[0].isupper():
                continue
            # "in the September quarter": the quarter that ends in that month
            kind = "quarter_month" if re.match(r"\s+quarter\b", text[e:e + 10], re.I) else "month_only"
            out.append(Mention(kind, s, e, month=MONTHS[mon.lower().rstrip(".")]))
    return out


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


_COLUMN_MONTH = re.compile(rf"(?P<m>{_MON})\.?[\s'’-]*(?P<y>\d{{4}}|\d{{2}})", re.I)
_COLUMN_QUARTER = re.compile(r"(?:Q(?P<q>[1-4])\s?'?(?P<y>\d{4}|\d{2})|(?P<q2>[1-4])Q\s?'?(?P<y2>\d{4}|\d{2}))", re.I)


_GLUED_YEAR_NOTE = re.compile(r"(?<=[a-z\d.] )((?:19|20)\d\d)(\d(?:,\d)*)$", re.I)
_COLUMN_HINT = re.compile(r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|q[1-4]|[1-4]q|qtr|quarter)")


@lru_cache(maxsize=4096)   # column headers recur ("April 2025", "Month/Month")
def parse_column_label(cell: str, fy_end_month: int | None = None) -> Period | None:
    """A table column header that names one period: `April 2025`, `Apr-25`, `Aug 25*`, `Q3 2025`, `3Q25`,
    `Three Months Ended September 30, 2025`; footnote digits and restatement stars around it are ignored."""
    if len(cell) > 80 or not _COLUMN_HINT.search(cell):
        return None
    text = re.sub(r"\s+", " ", cell).strip().strip("*").strip()
    text = re.sub(r"^(?:for\s+the\s+)?(?:month\s+(?:of|ended)\s+)", "", text, flags=re.I)
    # LM Funding's "One Month | October 31, 2024": the month that ends on the date
    one = re.fullmatch(rf"(?:one\s+month|month)(?:\s+end(?:ed|ing))?\s+(?P<m>{_MON})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})",
                       text, re.I)
    if one:
        return month_period(int(one.group("y")), MONTHS[one.group("m").lower()])
    # a footnote digit run into the year once the superscript is flattened: "December 20251" = 2025 + note 1,
    # "May 20241,2" = 2024 + notes 1 and 2
    text = _GLUED_YEAR_NOTE.sub(r"\1 \2", text)
    mentions = find_mentions(text, fy_end_month)
    for mt in mentions:
        if mt.kind in ("quarter", "fiscal_quarter") and mt.period and _only_noise(text, mt.start, mt.end):
            return mt.period
        if mt.kind == "month" and mt.period and _only_noise(text, mt.start, mt.end):
            return mt.period
    m = _COLUMN_MONTH.fullmatch(_strip_noise(text))
    if m:
        return month_period(_year(m.group("y")), MONTHS[m.group("m").lower()])
    m = _COLUMN_QUARTER.fullmatch(_strip_noise(text))
    if m:
        return calendar_quarter(_year(m.group("y") or m.group("y2")), int(m.group("q") or m.group("q2")))
    return None


def _strip_noise(text: str) -> str:
    t = re.sub(r"\((?:unaudited|restated|estimated|actual)\)", "", text, flags=re.I)
    t = re.sub(r"(?<=[a-z\d])\s?\d$", "", t.strip().strip("*").strip(), flags=re.I) if re.search(r"\d{2}\s\d$", t) \
        else t.strip().strip("*").strip()
    return t.strip()


def _only_noise(text: str, start: int, end: int) -> bool:
    """True when what surrounds a period in a header cell is only footnote digits, stars or `(unaudited)`."""
    rest = (text[:start] + " " + text[end:]).strip()
    rest = re.sub(r"\((?:unaudited|restated|estimated|actual)\)|\*|\b\d\b|[,.:|]", " ", rest, flags=re.I)
    return rest.strip() == ""
