"""Metric tables whose columns are periods: Riot's Metric | month | prior month | year-ago | M/M | Y/Y,
IREN's Key Metrics with months as columns and segments reusing labels, quarterly results tables.

Two readers share one row interpretation: `read_grid_table` for HTML tables laid out on their column grid,
`scan_text_tables` for the same tables as plain text (one cell per line, pipes, or flattened on one line).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from transforms.amounts import IN_THOUSANDS_RE
from transforms.production_document import Cell, GridTable
from transforms.production_glued import decode_row, split_glued_line
from transforms.production_fields import (FIELD_UNITS, LabelMatch, Reading, _label_unit_kind, check_quantity, match_label,
                                         normalize_label, read_value, section_of)
from transforms.production_periods import MONTHS, Period, month_period, parse_column_label, quarter_ending
from transforms.textnum import Locale, Quantity, detect_locale, find_quantities, is_missing, narrow_locale

TIER_TABLE, TIER_LINE, TIER_PROSE = 3, 2, 1
TIER_PLAIN_CREDITS = 2.5     # a "Power Credits" row: below a "Total Power Credits" row, above lines and prose
#: ("power curtailment credits" is the credits row of a 10-Q's cost table: "Less: power curtailment credits(3)")
_PLAIN_CREDITS = frozenset({"power credits", "power curtailment credits", "less power curtailment credits"})


@dataclass(frozen=True)
class Finding:
    """One field of one period as read from one place in the document."""

    field: str
    period: Period
    value: float | None
    reason: str | None
    evidence: str
    tier: int
    order: int
    footnotes: tuple[str, ...] = ()


@dataclass
class TableResult:
    periods: list[Period]
    findings: list[Finding] = field(default_factory=list)
    credit_components: dict[Period, list[str]] = field(default_factory=dict)
    start: int = 0     # span in the text it was read from (text tables only)
    end: int = 0


# --- shared row interpretation --------------------------------------------------------------------
#: A hashrate row whose cells print bare numbers (Core Scientific's "Self-Mining Energized Hash rate | 19.3")
#: is read in EH/s only when the document names no smaller hashrate unit and the figure is one a public miner
#: can have in EH/s; otherwise it stays null with the reason that the unit is not printed.
IMPLIED_EHS_MAX = 150.0
_SMALL_HASH_UNITS = ("PH/s", "PH/S", "ph/s", "Ph/s", " PH ", "PH per", "TH/s", "TH/S", "th/s", "etahash", "ETAHASH")


_PER_UNIT_BEFORE = re.compile(r"(?:\bper|/)\s*(?:(?:terr?a|peta)hash(?:/second|\s+per\s+second)?\s*\(?)?\s*$", re.I)


class HashUnit:
    """'eh/s' when a document's bare hashrate figures can only be EH/s (it names no PH/s or TH/s anywhere);
    looked up only when a hashrate row prints no unit (substring tests: no regex over the whole text)."""

    def __init__(self, text: str):
        self._text = text
        self._unit: str | None | bool = False

    @property
    def unit(self) -> str | None:
        if self._unit is False:
            self._unit = None if any(self._names_fleet_unit(u) for u in _SMALL_HASH_UNITS) else "eh/s"
        return self._unit  # type: ignore[return-value]

    @property
    def footnote_numbers(self) -> frozenset[int]:
        """Numbers the document's footnotes carry ("(1) Includes ...", "2 Bitcoin produced per day is ...",
        "³"): a value with an extra last digit can only be a glued footnote marker if such a footnote exists."""
        if not hasattr(self, "_footnotes"):
            found = {int(next(g for g in m.groups() if g)) for m in _FOOTNOTE_LINE.finditer(self._text)}
            found |= {_SUPERSCRIPTS.index(ch) for ch in self._text if ch in _SUPERSCRIPTS}
            self._footnotes = frozenset(found)
        return self._footnotes

    def _names_fleet_unit(self, unit: str) -> bool:
        """Does `unit` occur other than as a price's denominator ("US$ per terahash/second (TH/s)")?"""
        start = self._text.find(unit)
        while start >= 0:
            if not _PER_UNIT_BEFORE.search(self._text[max(0, start - 40):start]):
                return True
            start = self._text.find(unit, start + 1)
        return False


_FOOTNOTE_LINE = re.compile(r"(?m)^[ \t|*]*(?:\(\s?(\d{1,2})\s?\)|\[(\d{1,2})\]|(\d{1,2})[.)]?(?=[ \t]+[A-Z“\"])"
                            # "1 - Includes Sphere 3D assets ..."
                            r"|(\d{1,2})(?=[ \t]*[-–—:][ \t]+[A-Z]))")
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def implied_hash_unit(text: str) -> HashUnit:
    return HashUnit(text)


def _interpret_row(label: str, values: list[tuple[Period, str, str, Quantity | None, tuple[str, ...]]],
                   locale: Locale, result: TableResult, order: int, hash_unit: HashUnit | None = None) -> None:
    """values: (period, header text, cell text, pre-read quantity or None, footnote marks)."""
    lm = match_label(label)
    if lm is None:
        return
    implied = False
    if lm.unit is None and hash_unit is not None and lm.fields and lm.fields[0].startswith("hashrate_") \
            and hash_unit.unit:
        lm = LabelMatch(lm.fields, hash_unit.unit, lm.normalized)
        implied = True
    label_clean = label.strip(" |")
    if lm.credit_component:
        for i, (period, header, cell, _q, fns) in enumerate(values):
            if cell and not is_missing(cell):
                result.credit_components.setdefault(period, []).append(f"{label_clean} {cell}".strip())
                if lm.normalized in _PLAIN_CREDITS:
                    # "Less: power curtailment credits | (12,417)": a deduction printed in brackets is a credit
                    read_cell = cell.replace("(", " ").replace(")", " ") if re.match(r"(?i)\s*less\b", label_clean) else cell
                    # the row literally named "Power Credits" is the credits figure when the table has no
                    # total row (a total row, tier 3, wins); demand-response credits are never added to it
                    reading = read_value(("power_credits_usd",), read_cell, locale, lm.unit)
                    # "$30.6" in a results table stated in millions elsewhere: only a cell that carries its
                    # own scale ("$11.0 million") or a full-dollar figure is read
                    if reading.value is not None and (reading.value >= 1000 or lm.unit):
                        result.findings.append(Finding(
                            "power_credits_usd", period, reading.value, None,
                            " | ".join(p for p in (label_clean, header.strip(), cell.strip()) if p),
                            TIER_PLAIN_CREDITS, order * 100 + i, tuple(fns)))
        return
    readings = []
    for period, header, cell, q, fns in values:
        if q is not None:
            reading = _check_fields(lm.fields, q, lm.unit)
        else:
            reading = read_value(lm.fields, cell, locale, lm.unit)
        if implied and reading.value is not None and reading.quantity is not None \
                and reading.quantity.kind == "number" and reading.value > IMPLIED_EHS_MAX:
            reading = Reading(reading.field, None, f"{cell.strip()!r} prints no hashrate unit and is too large to "
                                                   "be EH/s", reading.quantity)
        readings.append((period, header, cell, reading, fns))
    readings = _footnote_consistency(readings, hash_unit.footnote_numbers if hash_unit is not None else None)
    for i, (period, header, cell, reading, fns) in enumerate(readings):
        if reading.field is None or (reading.value is None and reading.reason is None):
            continue
        fn_all = tuple(fns) + (reading.quantity.footnotes if reading.quantity else ())
        evidence = " | ".join(part for part in (label_clean, header.strip(), cell.strip()) if part)
        result.findings.append(Finding(reading.field, period, reading.value, reading.reason, evidence,
                                       TIER_TABLE, order * 100 + i, fn_all))


def _check_fields(fields: tuple[str, ...], q: Quantity, unit: str | None) -> Reading:
    first = None
    for name in fields:
        r = check_quantity(name, q, unit)
        if r.value is not None or len(fields) == 1:
            return r
        first = first or r
    return first  # type: ignore[return-value]


def _footnote_consistency(readings: list, footnotes: frozenset[int] | None = None) -> list:
    """A value with one more decimal than the rest of its row carries a glued footnote (`15.42` beside
    `17.2` and `12.5`): refuse it with a reason rather than guess which digit is the footnote. Only where
    the document has a footnote of that number (`footnotes`; None: not known, always refuse): "20.98"
    beside "15.0" in a release without footnotes is a figure printed to two decimals."""
    decs = [r.quantity.decimals for _, _, _, r, _ in readings if r.value is not None and r.quantity is not None]
    if len(decs) < 2:
        return readings
    out = []
    for period, header, cell, r, fns in readings:
        q = r.quantity
        others = list(decs)
        if q is not None and r.value is not None and q.decimals >= 1:
            others.remove(q.decimals)
            last = q.raw.strip().rstrip("%")[-1:]
            glued_possible = footnotes is None or (last.isdigit() and int(last) in footnotes)
            if others and all(d == q.decimals - 1 for d in others) and q.kind in ("number", "btc", "ehs", "j_per_th") \
                    and glued_possible:
                r = Reading(r.field, None, f"{q.raw.strip()!r} has one more decimal than the rest of its row: "
                                           "possibly a footnote marker glued to the value", q)
        out.append((period, header, cell, r, fns))
    return out


# --- HTML tables on their grid --------------------------------------------------------------------
@dataclass(frozen=True)
class _Column:
    start: int
    end: int
    period: Period
    header: str


_MONTH_ONLY = re.compile(r"(January|February|March|April|May|June|July|August|September|October|November|"
                         r"December)\s?\*?\s?\d?", re.I)


def _month_only_columns(row: list[Cell], anchor: Period | None) -> list[_Column]:
    """MARA's highlights table heads its columns with bare month names (`September | August | % Δ`): the year
    comes from the document's own month, which must head the first column (a month after it is last year's)."""
    if anchor is None or anchor.type != "month":
        return []
    cols = []
    for c in row:
        m = _MONTH_ONLY.fullmatch(c.text.strip())
        if m:
            month = MONTHS[m.group(1).lower()]
            year = anchor.start.year if month <= anchor.start.month else anchor.start.year - 1
            cols.append(_Column(c.col, c.col + c.span, month_period(year, month), c.text))
    if len(cols) < 2 or cols[0].period != anchor or len({c.period for c in cols}) != len(cols):
        return []
    return cols


_DIGIT = re.compile(r"\d")
_YEAR_CELL = re.compile(r"(?:19|20)\d\d\s?\*?\s?\d?")
_VALUE_TEXT = re.compile(r"[\s$()%*,.\d–—-]*\d[\s$()%*,.\d–—-]*(?:[a-zA-Z/]{0,6})?|[-–—]|n/?[am]", re.I)


def _header_columns(row: list[Cell], prev: list[Cell] | None, fy_end: int | None,
                    anchor: Period | None = None) -> list[_Column]:
    cols = []
    for c in row:
        p = parse_column_label(c.text, fy_end)
        if p is not None:
            cols.append(_Column(c.col, c.col + c.span, p, c.text))
    if len(cols) >= 2:
        return cols
    month_only = _month_only_columns(row, anchor)
    if month_only:
        return month_only
    if len(cols) == 1:
        # a one-period table: the period is a header when the other cells are header words, not figures
        others = [c for c in row if c.col != cols[0].start and c.text]
        if others and not any(_DIGIT.search(c.text) for c in others):
            return cols
    # split header: "Three Months Ended September 30," over "2025 | 2024"
    years = [c for c in row if _YEAR_CELL.fullmatch(c.text)]
    if len(years) >= 2 and prev:
        cols = []
        for y in years:
            group = next((g for g in prev if g.col <= y.col < g.col + g.span), None)
            if group is None:
                continue
            m = re.search(r"(three|3|one|1)[- ]months?\s+ended\s+([A-Za-z]+)\.?\s*\d{0,2}|quarter\s+ended\s+([A-Za-z]+)",
                          group.text, re.I)
            if not m:
                continue
            mon = (m.group(2) or m.group(3) or "").lower().rstrip(".")
            if mon not in MONTHS:
                continue
            year = int(y.text[:4])
            period = quarter_ending(year, MONTHS[mon]) if (m.group(3) or m.group(1).lower() in ("three", "3")) \
                else month_period(year, MONTHS[mon])
            cols.append(_Column(y.col, y.col + y.span, period, f"{group.text} | {y.text}"))
        if len(cols) >= 2:
            return cols
    return []


def _column_for(cell: Cell, cols: list[_Column]) -> _Column | None:
    best, overlap = None, 0
    for col in cols:
        ov = min(cell.col + cell.span, col.end) - max(cell.col, col.start)
        if ov > overlap:
            best, overlap = col, ov
    return best


def read_grid_table(table: GridTable, doc_locale: Locale, fy_end: int | None, order: int,
                    anchor: Period | None = None, hash_unit: HashUnit | None = None) -> TableResult | None:
    """Findings from an HTML table with period columns, or None when no header row names periods.

    `anchor`: the document's own period as its title names it, for column heads without a year."""
    locale = narrow_locale(table.locale, doc_locale)
    cols: list[_Column] = []
    result: TableResult | None = None
    section = None
    in_thousands = False    # a "($ in thousands)" caption row: the rows under it are dollars
    for i, row in enumerate(table.rows):
        in_thousands = in_thousands or any(IN_THOUSANDS_RE.search(c.text) for c in row)
        header = _header_columns(row, table.rows[i - 1] if i else None, fy_end, anchor)
        if header:
            cols = header
            if result is None:
                result = TableResult(periods=[c.period for c in cols])
            else:
                result.periods += [c.period for c in cols if c.period not in result.periods]
            continue
        if not cols:
            continue
        first_col = min(c.start for c in cols)
        label_cells = [c for c in row if c.col < first_col and not _is_value_text(c.text)]
        value_cells = [c for c in row if c not in label_cells]
        label = " ".join(c.text for c in label_cells).strip()
        if not label:
            continue
        if not value_cells:
            sec = section_of(label)
            if sec:
                section = sec
            continue
        if section == "other" or (in_thousands and dollar_row_of_a_count(label)):
            continue
        values = []
        for c in value_cells:
            col = _column_for(c, cols)
            if col is None:
                continue
            values.append((col.period, col.header, c.text, None, c.footnotes))
        assert result is not None
        _interpret_row(label, values, locale, result, order * 1000 + i, hash_unit)
    return prefer_self_mining(result) if result is not None else None


def dollar_row_of_a_count(label: str) -> bool:
    """A row that would read as a bitcoin count ("Bitcoin sold", "Addition of bitcoin from mining activities") but
    names no count, in a table of dollars ("($ in thousands)"): its figures are dollars."""
    label = re.sub(r"[\s|(]+$", "", label)     # "Bitcoin sold | (" of a negative cell split at its bracket
    lm = match_label(label)
    return (lm is not None and lm.unit is None and bool(lm.fields) and FIELD_UNITS[lm.fields[0]][0] == FIELD_UNITS["btc_sold"][0]
            and not re.search(r"(?i)\b(?:number|quantity|count|units)\b|\(\s*(?:btc|bitcoins?)\s*\)", label))


_SELF_MINING_LABEL = re.compile(r"self[- ]?min", re.I)
_TOTAL_LABEL = re.compile(r"^\s*total\b", re.I)


def prefer_self_mining(result: TableResult) -> TableResult:
    """A table with a self-mining row and a total row for the same metric (Core Scientific: Self-Mining /
    Hosting / Total Energized Hash rate) adds hosted clients' machines into the total: the total row never
    stands in for the self-mining figure, even where the self-mining cell is unreadable."""
    own = {(f.field, f.period) for f in result.findings if _SELF_MINING_LABEL.search(f.evidence.split(" | ")[0])}
    if own:
        # ("Total self-mining BTC" is itself the self-mining row)
        result.findings = [f for f in result.findings if (f.field, f.period) not in own
                           or not _TOTAL_LABEL.search(f.evidence.split(" | ")[0])
                           or _SELF_MINING_LABEL.search(f.evidence.split(" | ")[0])]
    return result


def _is_value_text(text: str) -> bool:
    return _VALUE_TEXT.fullmatch(text.strip()) is not None


# --- the same tables as plain text ----------------------------------------------------------------
_MON_RE = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_COLUMN_BODY = (
    # a footnote list run into the year once its superscript is flattened ("May 20241,2 April 20242") ends at a space
    rf"(?:{_MON_RE}\.?(?:[ '’-]|\n)?(?:\d{{4}}(?:[1-9](?:,[1-9]){{0,3}}(?=[ \t|*]))?|\d{{2}})(?![\d,.]?\d)|Q[1-4] ?'?(?:\d{{4}}|\d{{2}})\b|[1-4]Q ?'?\d{{2,4}}\b"
    rf"|(?:first|second|third|fourth|1st|2nd|3rd|4th)\s(?:quarter|qtr\.?),?\s(?:\d{{4}})\b"
    # "One Month\nOctober 31,\n2024": a month named by the day it ends
    rf"|one\smonth(?:\sended)?\s{{1,3}}{_MON_RE}\.?\s\d{{1,2}},?\s{{1,3}}\d{{4}}\b)")
_COLUMN_TEXT = re.compile(r"\b" + _COLUMN_BODY, re.I)
# a header run together ("MetricSeptember 2023August 2023") starts each period at its capital letter; that form
# is tried only when the text has a month name glued to a word or figure (a cheap case-sensitive test first)
_COLUMN_TEXT_GLUED = re.compile(r"(?:\b|(?<=[a-z\d])(?=(?-i:[A-Z])))" + _COLUMN_BODY, re.I)
_GLUED_MONTH_HINT = re.compile(r"[a-z\d](?=[JFMASOND][a-z]+ ?(?:\d{4}|\d{2}(?!\d)))")
_COLUMN_GAP = re.compile(r"[\s|*]*(?:\d{1,2}(?![\d.,])[\s|*]*)?(?:\((?:unaudited|restated)\)[\s|*]*)?", re.I)
_COMPARISON = re.compile(
    r"[\s|]*(?:Month\s?/\s?Month|Year\s?/\s?Year|Quarter\s?/\s?Quarter|M\s?/\s?M|Y\s?/\s?Y|Q\s?/\s?Q|MoM|YoY|QoQ|"
    r"Month[- ]over[- ]Month|Year[- ]over[- ]Year|Quarter[- ]over[- ]Quarter|%\s?Change|Change\s?\(?%\)?|Change|"
    r"Sequential)\*?\d?(?!(?-i:[a-z]))", re.I)
_MISSING_TOKEN = re.compile(r"(?<![^\s|])(?:[-–—]|N/A|N/M|n/a|n/m|NM|NA)\*?(?![^\s|])"
                            # a cell whose figure the copy dropped, only "approximately" left (Appx. | Appx. |)
                            r"|(?<![^\s|])(?:Appx|Approx)\.(?=[ \t]*(?:\||\n|$))")
_LETTER = re.compile(r"[A-Za-z]")


@dataclass
class _Token:
    start: int
    end: int
    text: str
    q: Quantity | None     # None for a missing marker


def _header_clusters(text: str) -> list[tuple[int, int, list[tuple[Period, str]]]]:
    """Runs of >= 2 period labels separated only by whitespace, pipes, stars and footnote digits."""
    out = []
    run: list[re.Match] = []

    def flush():
        if len(run) == 1 and _lone_metrics_column(text, run[0]):
            p = parse_column_label(run[0].group(0))
            if p is not None:
                out.append((run[0].start(), run[0].end(), [(p, run[0].group(0))]))
            return
        if len(run) >= 2:
            periods = []
            for m in run:
                p = parse_column_label(m.group(0))
                if p is None:
                    return
                periods.append((p, m.group(0)))
            types = [p.type for p, _ in periods]
            # months, or months then the quarter they add up to (Core Scientific: Mar | Feb | Jan | First Qtr.)
            if len({p for p, _ in periods}) == len(periods) and types == sorted(types):
                out.append((run[0].start(), run[-1].end(), periods))

    for m in _QUARTER_YEARS_HEADER.finditer(text):
        mon = MONTHS.get(m.group("m").lower().rstrip("."))
        years = [int(y) for y in re.findall(r"(?:19|20)\d{2}", m.group("years"))]
        if mon is None or len(years) < 2 or len(set(years)) != len(years):
            continue
        periods = [(quarter_ending(y, mon), f"{m.group('span')} {y}") for y in years]
        out.append((m.start(), m.end(), periods))
    column_text = _COLUMN_TEXT_GLUED if _GLUED_MONTH_HINT.search(text) else _COLUMN_TEXT
    for m in column_text.finditer(text):
        if run:
            gap = _COLUMN_GAP.match(text, run[-1].end())
            if gap and gap.end() == m.start():
                run.append(m)
                continue
            flush()
        run = [m]
    flush()
    return out


#: A one-column key-metrics table copied one cell per line: "Key metrics2" / "Aug-23" / "Average operating hashrate
#: (PH/s)" / "5,493" / "Bitcoin mined" / "410".
_METRICS_CAPTION = re.compile(r"(?im)^[ \t]*(?:key\s+|operating\s+|operational\s+|monthly\s+)*(?:metrics|highlights)[\d*]*[ \t]*\n[\s|]*\Z")


def _lone_metrics_column(text: str, m: re.Match) -> bool:
    """A single period label alone on its line right under a metrics caption heads a one-column table."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:m.start()].strip(" \t|*") or text[m.end():line_end].strip(" \t|*"):
        return False
    return _METRICS_CAPTION.search(text[max(0, line_start - 80):line_start]) is not None


#: A results release's metric table: "Three Months Ended Sep 30, | Metrics | 2024 | 2023": one quarter per
#: year column (the quarter that ends on the date in each year).
_QUARTER_YEARS_HEADER = re.compile(
    # ("As of December 31, | 2024 | 2023 | 2022": balances at each year's quarter end, with a caption line between
    # such as "BTC held at end of period:")
    rf"(?P<span>(?:three\s+months\s+ended|as\s+of|as\s+at)\s+(?P<m>{_MON_RE})\.?\s+\d{{1,2}}),?[\s|*]*(?:[A-Za-z][A-Za-z ():]{{0,40}}[\s|*]+)?"
    r"(?P<years>(?:19|20)\d{2}(?:[\s|*]+(?:19|20)\d{2}){1,3})(?![\d.,])", re.I)

_MAX_TABLE_CHARS = 30_000


#: A header of bare month names copied cell by cell ("|" / "March |" / "April |" / "May |" / "May |", Mawson): the
#: cells are set apart by pipes or line breaks, never by prose words.
_BARE_MONTHS_HEADER = re.compile(
    r"(?<![A-Za-z])(?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"(?:[ \t]*(?:\||\n)[\s|*]*(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)){1,5}(?![A-Za-z])", re.I)


def _bare_month_clusters(text: str, anchor: Period | None) -> list[tuple[int, int, list[tuple[Period, str]], int]]:
    """Runs of bare month names whose years come from the document's own month (`anchor`), which one of them must
    name; a month named again after the run (the change column under "May") is a comparison column.

    Returns (start, end, periods, comparison columns) per run."""
    if anchor is None or anchor.type != "month":
        return []
    out = []
    for m in _BARE_MONTHS_HEADER.finditer(text):
        names = re.findall(r"[A-Za-z]+", m.group(0))
        months = [MONTHS[n.lower()] for n in names]
        first_repeat = next((i for i in range(1, len(months)) if months[i] in months[:i]), len(months))
        own, repeats = months[:first_repeat], len(months) - first_repeat
        if len(own) < 2 or anchor.start.month not in own:
            continue
        periods = [(month_period(anchor.start.year if mo <= anchor.start.month else anchor.start.year - 1, mo), name)
                   for mo, name in zip(own, names)]
        out.append((m.start(), m.end(), periods, repeats))
    return out


#: A 10-Q table's split head: "Three Months Ended" [/ "Nine Months Ended"], then the month-day of each span
#: ("September 30," / "September 30,") and the years of its columns ("2024" / "2023" / "2024" / "2023"), or each
#: column's full date ("March 31," / "2024" / "March 31," / "2023" ...); a caption line may stand between them.
_SPAN_HEAD_RE = re.compile(r"(?i)\b(?:for\s+the\s+)?(?:three|3)\s+months\s+ended\b")
_SECOND_SPAN_RE = re.compile(r"(?i)[\s|*]*(?:for\s+the\s+)?(?:six|nine|twelve|6|9|12)\s+months\s+ended\b")
_SPAN_TOKEN_RE = re.compile(rf"(?i)(?P<md>\b{_MON_RE}\.?\s+\d{{1,2}}\b,?)|(?P<y>\b(?:19|20)\d{{2}}\b)")


#: A 10-Q table of quarter-end levels headed by the date alone: "March 31," / "2025" / "2024".
_QUARTER_END_HEAD_RE = re.compile(r"(?im)^[ \t|*]*(?P<md>(?:march|june|september|december)\s+(?:30|31),?)[ \t\u00a0|*]*\n"
                                  r"[ \t|*]*(?P<y1>(?:19|20)\d{2})[ \t\u00a0|*]*\n"
                                  # ("December 31," / "2024" / "December 31," / "2023": the date said again)
                                  r"(?:[ \t|*]*(?:march|june|september|december)\s+(?:30|31),?[ \t\u00a0|*]*\n)?"
                                  r"[ \t|*]*(?P<y2>(?:19|20)\d{2})[ \t\u00a0|*]*$")


def _quarter_end_clusters(text: str) -> list[tuple[int, int, list[tuple[Period, str]], int]]:
    out = []
    for m in _QUARTER_END_HEAD_RE.finditer(text):
        mon = MONTHS[m.group("md").split()[0].lower()]
        periods = [(quarter_ending(int(m.group(g)), mon), f"{m.group('md')} {m.group(g)}") for g in ("y1", "y2")]
        if periods[0][0] != periods[1][0]:
            out.append((m.start(), m.end(), periods, 0))
    return out


#: Balance-date column heads one per line, as an EDGAR holdings table copies ("March 31, 2025" / "September 30,
#: 2024"): each a quarter's last day, blank lines and cell bars between them.
_DATE_HEAD_LINE = r"[ \t|*\u00a0]*(?:march\s+31|june\s+30|september\s+30|december\s+31),?\s+(?:19|20)\d{2}[ \t\u00a0|*]*"
_BALANCE_DATE_HEADS_RE = re.compile(rf"(?im)^{_DATE_HEAD_LINE}(?:\n[ \t\u00a0|*]*)*\n{_DATE_HEAD_LINE}$")
_BALANCE_DATE_RE = re.compile(r"(?i)(?P<md>(?:march\s+31|june\s+30|september\s+30|december\s+31)),?\s+(?P<y>(?:19|20)\d{2})")


def _balance_date_clusters(text: str) -> list[tuple[int, int, list[tuple[Period, str]], int]]:
    """Two balance dates as column heads, one per line: the quarters they end (a 10-Q holdings table compares the
    quarter's end with the fiscal year's)."""
    out = []
    for m in _BALANCE_DATE_HEADS_RE.finditer(text):
        periods = []
        for d in _BALANCE_DATE_RE.finditer(m.group(0)):
            mon = MONTHS[d.group("md").split()[0].lower()]
            periods.append((quarter_ending(int(d.group("y")), mon), d.group(0)))
        if len(periods) == 2 and periods[0][0] != periods[1][0]:
            out.append((m.start(), m.end(), periods, 0))
    return out


def _quarter_span_clusters(text: str) -> list[tuple[int, int, list[tuple[Period, str]], int]]:
    """The quarter columns of 10-Q split heads (the year-to-date span's columns follow as comparison columns).

    Returns (start, end, periods, comparison columns) per head."""
    out = []
    for m in _SPAN_HEAD_RE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if re.search(r"[A-Za-z]", text[line_start:m.start()].replace("|", " ")):
            continue    # "Figures for the three months ended September 30, 2024 other than ...": prose, no column head
        pos = m.end()
        spans = 1
        second = _SECOND_SPAN_RE.match(text, pos)
        if second:
            spans, pos = 2, second.end()
        window = text[pos:pos + 400]
        # the tokens in order, up to the first line that is neither a date part nor the one caption allowed
        tokens: list[tuple[str, str, int]] = []
        captions = 0
        offset = 0
        for line in window.split("\n"):
            stripped = line.strip().strip("|*")
            found = list(_SPAN_TOKEN_RE.finditer(stripped))
            rest = re.sub(r"[\s,|*()]+", "", _SPAN_TOKEN_RE.sub("", stripped))
            if stripped and (not found or rest):
                if tokens or captions:
                    break
                captions += 1      # "Cost of Revenues - Analysis of costs to mine one bitcoin" over the dates
                offset += len(line) + 1
                continue           # (a caption's own dates are no column heads)
            for t in found:
                tokens.append(("md" if t.group("md") else "y", t.group(0), pos + offset + len(line)))
            offset += len(line) + 1
        mds = [t for t in tokens if t[0] == "md"]
        years = [t for t in tokens if t[0] == "y"]
        # (one column per span is a table too: "Three months ended | Six months ended / June 30, 2018 June 30, 2018")
        if not years or len(years) % spans or (spans == 1 and len(years) < 2):
            continue
        per_span = len(years) // spans
        if len(mds) == spans:
            firsts = [mds[0][1]] * per_span       # one month-day per span, its years below
        elif len(mds) == len(years):
            firsts = [md[1] for md in mds[:per_span]]
        else:
            continue
        periods = []
        for md, y in zip(firsts, years[:per_span]):
            mon = MONTHS[md[:3].lower()]    # _SPAN_TOKEN_RE's month names all start with their three-letter key
            periods.append((quarter_ending(int(y[1]), mon), f"Three Months Ended {md} {y[1]}"))
        if len(periods) != per_span or len({p for p, _ in periods}) != len(periods):
            continue
        out.append((m.start(), years[-1][2], periods, len(years) - per_span))
    return out


def scan_text_tables(text: str, doc_locale: Locale, fy_end: int | None,
                     hash_unit: HashUnit | None = None, anchor: Period | None = None) -> list[TableResult]:
    """Tables in plain text: the header is a run of period labels; each row is a label and its values.

    `anchor` is the document's own period where its title names it: bare month headers ("March | April | May")
    take their years from it."""
    results = []
    clusters = [(s, e, p) for s, e, p in _header_clusters(text)]
    bare = _bare_month_clusters(text, anchor) if not clusters else []
    spans = [c for c in _quarter_span_clusters(text) if not any(s <= c[0] < e for s, e, _ in clusters)]
    spans += [c for c in _quarter_end_clusters(text) if not any(s <= c[0] < e for s, e, _, _ in spans)
              and not any(s <= c[0] < e for s, e, _ in clusters)]
    spans += [c for c in _balance_date_clusters(text) if not any(s <= c[0] < e for s, e, _, _ in spans)
              and not any(s <= c[0] < e for s, e, _ in clusters)]
    extra_cmp = {s: n for s, _, _, n in bare + spans}
    clusters += [(s, e, p) for s, e, p, _ in bare + spans]
    clusters.sort(key=lambda c: c[0])
    for n, (h_start, h_end, periods) in enumerate(clusters):
        # a table ends within a few thousand characters; never tokenise the rest of a long document for it
        limit = min(clusters[n + 1][0] if n + 1 < len(clusters) else len(text), h_end + _MAX_TABLE_CHARS)
        pos = h_end
        n_cmp = extra_cmp.get(h_start, 0)
        while True:
            m = _COMPARISON.match(text, pos)
            if not m or m.end() == pos:
                break
            n_cmp += 1
            pos = m.end()
            gap = _COLUMN_GAP.match(text, pos)
            pos = gap.end() if gap else pos
        header_text = text[h_start:h_end]
        locale = narrow_locale(detect_locale(text[h_start:limit][:20000]), doc_locale)
        if _GLUED_HEADER.search(header_text) and not _SPACED_HEADER.search(header_text):
            result = _scan_glued_rows(text, pos, limit, [p for p, _ in periods], [h for _, h in periods], n_cmp,
                                      locale, n, hash_unit)
        else:
            # "The following table presents our cost to mine one Bitcoin (amounts in thousands, except ...)": dollar
            # rows that print no scale of their own are in thousands
            caption = IN_THOUSANDS_RE.search(text[max(0, h_start - 300):pos])   # above or inside the header
            result = _scan_rows(text, pos, limit, [p for p, _ in periods], [h for _, h in periods], n_cmp,
                                locale, n, hash_unit, usd_scale_unit="in thousands" if caption else None)
        if result is not None:
            result.start = h_start
            results.append(result)
    return results


_GLUED_HEADER = re.compile(r"\d(?-i:[A-Z])")
# "Feb 25*Jan 25Dec 24": a footnote star alone does not make the header spaced
_SPACED_HEADER = re.compile(r"\d\*?[\s|]+\*?[A-Za-z]")


def _scan_glued_rows(text: str, start: int, limit: int, periods: list[Period], headers: list[str], n_cmp: int,
                     locale: Locale, order: int, hash_unit: HashUnit | None) -> TableResult | None:
    """A table whose header ran together ("MetricSeptember 2023August 2023...") has rows run together too: each
    line is a label glued to its cells, cut by production_glued.decode_row (a row that cannot be cut one way
    only stays null with the reason)."""
    result = TableResult(periods=list(periods))
    pos = end = start
    misses = 0
    for i, m in enumerate(re.finditer(r"[^\n]+", text[pos:limit])):
        if i > 60 or misses >= 2:
            break
        split = split_glued_line(m.group(0))
        if split is None:
            misses += 1
            continue
        misses = 0
        end = pos + m.end()
        label, values_text = split
        lm = match_label(label)
        if lm is None:
            continue
        cells, reason = decode_row(values_text, len(periods), n_cmp,
                                   hash_unit.footnote_numbers if hash_unit is not None else None)
        if cells is None:
            if lm.fields:
                result.findings.append(Finding(lm.fields[0], periods[0], None, reason, f"{label} | {values_text}",
                                               TIER_TABLE, (order * 1000 + i) * 100))
            continue
        values = [(periods[k], headers[k], c.text, None, (c.footnote,) if c.footnote else ())
                  for k, c in enumerate(cells)]
        _interpret_row(label, values, locale, result, order * 1000 + i, hash_unit)
    result.end = end
    return prefer_self_mining(result) if result.findings or result.credit_components else None


_DATE_TEXT = re.compile(rf"\b{_MON_RE}\.?\s+\d{{1,2}},?\s+\d{{4}}\b", re.I)


def _inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """Is `pos` inside one of the sorted, non-overlapping `spans` (binary search: linear overall)?"""
    i = bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _tokens(segment: str, offset: int, locale: Locale) -> list[_Token]:
    # years inside a period or date in a label ("Bitcoin mined in April 2025") are words, not values
    named = sorted((m.start(), m.end()) for rx in (_COLUMN_TEXT, _DATE_TEXT) for m in rx.finditer(segment))
    named_starts = [a for a, _ in named]
    toks = [_Token(q.start + offset, q.end + offset, q.raw, q) for q in find_quantities(segment, locale)
            if not _inside(named, named_starts, q.start)]
    taken = [(t.start, t.end) for t in toks]
    taken_starts = [a for a, _ in taken]
    for m in _MISSING_TOKEN.finditer(segment):
        s, e = m.start() + offset, m.end() + offset
        if _inside(taken, taken_starts, s):
            continue
        toks.append(_Token(s, e, m.group(0), None))
    toks.sort(key=lambda t: t.start)
    return toks


def _long_cell_label(label: str) -> bool:
    """A 10-Q row label alone on its line above its figures may run long ("Cost of revenue for self-mining
    operations, net of power curtailment credits, excluding Bitcoin miner depreciation"); prose still may not."""
    return len(label.split()) <= 24 and len(label) <= 200 and not any(ch in label for ch in "“”\"") \
        and not re.search(r"[a-z]{2,}\.\s+[A-Z]", label) and not label.rstrip().endswith(".")


def _sentence_like(label: str) -> bool:
    """Running prose, not a row label: long, quoted, or a full stop between words (not after `Avg.`)."""
    words = label.split()
    if len(words) > 12 or len(label) > 90 or any(ch in label for ch in "“”\""):
        return True
    if re.search(r"\b(?!(?:avg|no|approx|est|inc|incl)\.)[a-z]{2,}\.\s*[A-Z]", label, re.I) and len(words) > 3:
        return True
    return ", " in label and len(words) > 6




def _scan_rows(text: str, start: int, limit: int, periods: list[Period], headers: list[str], n_cmp: int,
               locale: Locale, order: int, hash_unit: HashUnit | None = None,
               usd_scale_unit: str | None = None) -> TableResult | None:
    rows = _split_rows(text, start, limit, locale)
    result = TableResult(periods=list(periods))
    last_end = start
    unknown_run = 0
    section = None
    group: str | None = None
    group_unit: str | None = None
    for i, (label, label_pos, toks) in enumerate(rows):
        label = _TRAILING_QUALIFIER.sub("", re.sub(r"\s+", " ", label)).strip(" |")
        # a footnote mark glued to the label is no value: "All-in power cost (cents/kilowatt-hour)(3)"
        toks = [t for t in toks if not (_GLUED_NOTE_MARK.fullmatch(t.text) and t.start > 0 and not text[t.start - 1].isspace())]
        if not toks:
            sec = section_of(label)
            if sec:
                section = sec
                continue
            # a heading over per-site rows names their unit: "All-in power cost (cents/kilowatt-hour)(3)" over
            # "Rockdale Facility | 2.8" ... "Total all-in power cost | 3.1"
            group_unit = normalize_label(label)[1] if match_label(label) is not None else None
            if len(label) > 24 or len(label.split()) > 3:   # a stray short cell ("Appx.") is not prose
                unknown_run += 1
            if unknown_run >= 2:
                break
            continue
        unknown_run = 0
        lm = match_label(label)
        if lm is not None and lm.unit is None and usd_scale_unit and (lm.credit_component or lm.fields
                and "usd" in FIELD_UNITS[lm.fields[0]][0] and lm.fields[0] != "btc_avg_sale_price_usd"):
            label = f"{label} ({usd_scale_unit})"
            lm = match_label(label)
        if usd_scale_unit and dollar_row_of_a_count(label):
            continue    # "Bitcoin sold | (127,829)" in a roll-forward "($ in thousands)": dollars, not a count of bitcoin
        if lm is not None and lm.unit is None and group_unit and lm.fields and \
                (_label_unit_kind(group_unit) or ("",))[0] in FIELD_UNITS[lm.fields[0]][0]:
            label = f"{label} ({group_unit})"
            lm = match_label(label)
        if lm is None and _GROUP_LABEL.fullmatch(label) and all(t.q is None or _footnote_like(t) for t in toks):
            # "- Bitcoin2" / "- Mined, net 5.8 5.9" / "- Sold (9.0) (12.5)": a group heading whose rows name
            # only what is left
            group = label + (")" if label.count("(") > label.count(")") else "")
            continue
        if lm is None and group:
            lm = match_label(f"{group} {label}") or match_label(f"{label} {group}")
            label = f"{group} {label}" if match_label(f"{group} {label}") else f"{label} {group}"
        if lm is None or section == "other":
            continue
        toks = _drop_interleaved_footnotes(_drop_footnote_token(label_pos, toks, text, len(periods) + n_cmp), text)
        if toks and toks[-1].q is not None and _CUT_AFTER.fullmatch(text, toks[-1].end):
            # the excerpt ends on this figure and a bare point ("... | 30.8 | 33."): cut mid-number, so it is not read,
            # and it does not count in the row's decimals check either
            toks = toks[:-1]
        values = []
        for k, tok in enumerate(toks[:len(periods)]):
            q, cell = tok.q, tok.text
            if q is not None and q.glued_left:
                q, cell, reason = _split_glued(q, text)
                if q is None:
                    if lm.fields:
                        result.findings.append(Finding(lm.fields[0], periods[k], None, reason,
                                                       f"{label} | {headers[k]} | {tok.text}", TIER_TABLE,
                                                       (order * 1000 + i) * 100 + k))
                    continue
            values.append((periods[k], headers[k], cell, q, ()))
        _interpret_row(label, values, locale, result, order * 1000 + i, hash_unit)
        last_end = max(last_end, toks[-1].end if toks else last_end)
    result.end = last_end
    if last_end == start:
        return None
    return prefer_self_mining(result)


_GLUED_NOTE_MARK = re.compile(r"\(\d{1,2}\)")
#: A heading row that groups the rows under it: "Bitcoin", "Hashrate (EH/s", "Machines".
_GROUP_LABEL = re.compile(r"(?i)(?:bitcoin|btc|hash\s?rate(?:\s*\((?:EH|PH)/s\)?)?|machines|miners)")


def _footnote_like(tok: _Token) -> bool:
    """A footnote mark or missing marker that a heading row carries instead of values ("2", "2)", "-")."""
    return bool(re.fullmatch(r"[1-9]\)?|[-\u2013\u2014]", tok.text.strip()))


def _split_rows(text: str, start: int, limit: int, locale: Locale) -> list[tuple[str, int, list[_Token]]]:
    """Rows of a text table: (label, where the label starts, value tokens). Stops at running prose."""
    rows: list[tuple[str, int, list[_Token]]] = []
    label: str | None = None
    label_pos = start
    values: list[_Token] = []
    prev_end = start
    for tok in _tokens(text[start:limit], start, locale):
        gap = text[prev_end:tok.start]
        if tok.q is None and tok.text[0] in "-–—" and _LETTER.search(gap.split("\n")[-1]) \
                and _starts_words(text, tok.end):
            continue        # a dash inside a label: "Bitcoin Sales - Net Proceeds"
        if re.fullmatch(r"[1-9]", tok.text) and tok.start > 0 and text[tok.start - 1].isalpha() \
                and re.match(r"[ \t]+[A-Za-z]", text[tok.end:tok.end + 3]):
            continue        # a footnote mark glued inside a label: "Bitcoin1 Held": the label goes on
        if _LETTER.search(gap) and not (label is not None and _QUALIFIER_GAP.fullmatch(gap)):
            if label is not None:
                rows.append((label, label_pos, values))
            lines = [(m.start() + prev_end, m.group(0).strip(" |")) for m in re.finditer(r"[^\n]+", gap)
                     if _LETTER.search(m.group(0))]
            lines = _join_wrapped(lines)
            for pos, line in lines[:-1]:
                rows.append((line, pos, []))
            label_pos, label = lines[-1]
            own_line = re.search(r"\n[\s$|]*$", gap) is not None
            if _sentence_like(label) and not (own_line and _long_cell_label(label)):
                return _return_unit_words(rows, text, locale)
            values = [tok]
        elif label is not None:
            values.append(tok)
        prev_end = tok.end
    if label is not None:
        rows.append((label, label_pos, values))
    return _return_unit_words(rows, text, locale)


_TRAILING_UNIT_WORD = re.compile(r"(?P<num>.*\d)\s+(?P<word>bitcoins?|btc)$", re.I)


def _return_unit_words(rows: list[tuple[str, int, list[_Token]]], text: str,
                       locale: Locale) -> list[tuple[str, int, list[_Token]]]:
    """A table flattened onto one line ("Total Energized Hash rate 26.1 26.7 Bitcoin Sold5 453 847") lets the
    next label's first word pass for the last figure's unit: when the label only names a metric with that word
    in front ("Bitcoin Sold"), the word goes back to the label and the figure stands bare."""
    out = list(rows)
    for i in range(1, len(out)):
        label, pos, toks = out[i]
        prev_label, prev_pos, prev_toks = out[i - 1]
        if not prev_toks or prev_toks[-1].q is None:
            continue
        m = _TRAILING_UNIT_WORD.fullmatch(prev_toks[-1].text)
        bare_label = _TRAILING_QUALIFIER.sub("", label).strip()
        if m is None or text[prev_toks[-1].end:pos].strip(" \t|") or match_label(bare_label) is not None:
            continue
        if match_label(f"{m.group('word')} {bare_label}") is None:
            continue
        last = prev_toks[-1]
        qs = find_quantities(m.group("num"), locale)
        if not qs:
            continue
        q = qs[-1]
        bare = _Token(last.start + q.start, last.start + q.end, q.raw, q)
        out[i - 1] = (prev_label, prev_pos, prev_toks[:-1] + [bare])
        out[i] = (f"{m.group('word')} {label}", last.start + m.start("word"), toks)
    return out


# "|Appx. $51.2 million": a qualifier opening a cell belongs to the value after it, not to a new row label
_QUALIFIER_GAP = re.compile(r"[\s|]*(?:appx|approx|est)\.?(?:[ \t]*\$)?[ \t]*|[\s|]*(?:approximately|about)[ \t]*",
                            re.I)

_CUT_AFTER = re.compile(r"[.,]\s*")   # "33." then nothing: a decimal cut off
# ... the first value's qualifier lands at the end of the row label ("Bitcoin Sales Proceeds ($USD) |Appx.")
_TRAILING_QUALIFIER = re.compile(r"(?:\||\s)\s*(?:appx|approx|est)\.?\s*$|\|\s*(?:approximately|about)\s*$", re.I)


_WRAP_END = re.compile(r"(?:\b(?:by|of|per|and|for|to|from|in|on|at|the|net|avg\.?|average|total|hash)|[-/&,(])$", re.I)


def _join_wrapped(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Row labels wrapped over lines of a one-cell-per-line copy ("Self-Mining Energized Hash" / "rate3",
    "Hosting Bitcoin Earned by" / "Customers2") are one label: a line joins the one before it when it starts
    in lower case, when the line before ends mid-phrase (a preposition, `Hash`, a dash), or when only the
    joined text names a metric."""
    if len(lines) < 2:
        return lines
    out = [lines[0]]
    for pos, line in lines[1:]:
        prev_pos, prev = out[-1]
        joined = f"{prev} {line}"
        if len(joined) <= 90 and not _sentence_like(joined) and (
                line[:1].islower() or _WRAP_END.search(prev)
                or (match_label(line) is None and match_label(prev) is None and match_label(joined) is not None)):
            out[-1] = (prev_pos, joined)
        else:
            out.append((pos, line))
    return out


def _starts_words(text: str, pos: int) -> bool:
    return re.match(r"[ \t|]*[A-Za-z]{2}", text[pos:pos + 12]) is not None


def _drop_footnote_token(label_pos: int, toks: list[_Token], text: str, n_cols: int) -> list[_Token]:
    """A bare 1-2 digit number right after a label is its footnote marker (`Bitcoin Held 2` then the values
    one per line; `Held1 7,358 7,345`), when the row has one value too many or the values carry units."""
    if not toks or toks[0].q is None or not toks[0].q.plain_int:
        return toks
    first = toks[0]
    rest = toks[1:]
    if first.q.glued_left:
        return rest
    # "Fleet Efficiency (J/TH)5 |27.94 |28.77": a digit run into the label's closing unit bracket is its
    # footnote marker when every column still has a value after it
    if first.start > 0 and text[first.start - 1] == ")" and len(rest) >= n_cols:
        return rest
    same_line = "\n" not in text[label_pos:first.end]
    next_on_new_line = bool(rest) and "\n" in text[first.end:rest[0].start]
    if same_line and next_on_new_line:
        return rest
    if len(toks) == n_cols + 1:
        return rest
    if rest and rest[0].q is not None and rest[0].q.kind != "number":
        return rest
    return toks


_FOOTNOTE_LIST = re.compile(r"[1-9](?:,[1-9])+|[1-9]\d?")


def _drop_interleaved_footnotes(toks: list[_Token], text: str) -> list[_Token]:
    """Riot's flattened row "Power Credits 3,5 $1.0 million 6 $11.0 million 6 $0.2 million": superscript markers
    printed as bare digits between dollar cells. In a row of dollar amounts, a bare one- or two-digit number (or a
    list such as "3,5") is a footnote marker, not a cell."""
    money = [t for t in toks if t.q is not None and t.q.kind == "usd"]
    if len(money) < 2:
        return toks
    marks = [t for t in toks if t.q is not None and t.q.kind == "number" and _FOOTNOTE_LIST.fullmatch(t.text.strip())]
    if not marks:
        return toks
    return [t for t in toks if t not in marks]


def _split_glued(q: Quantity, text: str) -> tuple[Quantity | None, str, str]:
    """`Bitcoin mined3459 BTC`: a footnote digit runs into the value. Split only when the document groups
    thousands (so a bare four-digit `3459` cannot be a value) and the footnote is a single digit."""
    digits = re.match(r"\d+", q.raw)
    if q.value is None or not digits:
        return None, q.raw, q.reason or f"{q.raw!r} is unreadable"
    d = digits.group(0)
    if len(d) == 1:
        return None, q.raw, f"{q.raw!r} is only a footnote marker"
    groups_thousands = re.search(r"(?<![\d.,])\d{1,3},\d{3}(?!\d)", text) is not None
    if groups_thousands and len(d) >= 4 and not re.search(r"[.,]", q.raw[:len(d) + 1]):
        rest = q.raw[1:]
        value = q.value * float(d[1:]) / float(d)
        return (Quantity(value=value, kind=q.kind, raw=rest, start=q.start + 1, end=q.end, footnotes=(d[0],)),
                rest, "")
    return None, q.raw, (f"{q.raw!r} is glued to its label: the footnote marker and the value cannot be "
                         "told apart")
