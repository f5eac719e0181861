"""Bitcoin miners' production/operations updates (monthly or quarterly) -> typed records per period.

One record per period the document reports, its own period first: Riot's table gives the month, the prior
month and the year-ago month; IREN's the month and the prior month. Every value carries `evidence`, the text
it was read from: a sentence or line for prose, `label | column header | cell` for a table cell (each part is
text of the document). A figure that is there but cannot be read with confidence stays null, with the reason
in `null_reasons`; nothing is guessed or computed (Riot's components of power credits are never summed).

Layouts, from most to least structured (a table cell wins over a `Label: value` line, which wins over prose):
- metric tables with period columns, HTML as filed on EDGAR or plain text (production_tables.py);
- `Label: value` lines and prose sentences (production_prose.py).
"""
from __future__ import annotations

import html
import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from transforms.errors import ParseError
from transforms.production_document import Document, GridTable, load_document
from transforms.production_fields import METRIC_FIELDS
from transforms.production_periods import (FISCAL_YEAR_END_MONTH, MONTHS, Period, find_mentions, fiscal_quarter,
                                           month_period,
                                           parse_column_label, parse_hint, quarter_ending, safe_date)
from transforms.production_prose import _FORWARD, extract_lines
from transforms.production_rollforward import read_rollforward
from transforms.production_tables import Finding, TableResult, implied_hash_unit, read_grid_table, scan_text_tables
from transforms.tickers import EXCHANGE_TAG_RE, ticker_of

# production-4: hash rate spelled out in prose; a change "by N" and a month's opening level are left null
# production-3: second real dev set (bare holdings, unit-bracket footnotes, split $ cells, cut excerpts)
PARSER_VERSION = "production-35"  # production-35: a holdings table copied one cell per line under two balance dates ("March 31, 2025" / "September 30, 2024"), a balance-sheet line's "$X, or N bitcoins", the hash rate a deployed fleet "could generate" on a day (heldout36, after its one scoring); production-34: proceeds that price a bitcoin under $100 were written in thousands (an XBRL note page, no scale header) and are read times 1,000; production-33: the hash rate named as the average operating one outranks a level seen at one site, a self-mining share stated "of which" against its total outranks a line repeating the total with hosting ("proprietary cryptocurrency mining", "X-owned miners") (heldout13/14 dev data); production-32: "the three months ended ..." inside prose is no column head, and a caption line's own dates are no column dates (a mangled copy the property test found; the reading predates this session); production-31: "energized approximately 2 exahash worth of miners" is machines added, no level (heldout35, after its one scoring); production-30: "The number of bitcoins earned ... was 739.51" (a bare count the subject names) (heldout34, after its one scoring); production-29: "finished the quarter with $X in cash on hand and N Bitcoin" is the bitcoin held (heldout33 dev data); production-28: a "fiscal" quarter title of a ticker the fiscal-year table does not list is the calendar quarter, "three-month period ended", a bullet wrapped right after its figure ("- Produced 2,115" / "Bitcoin during ..."), a balance grown "114 BTC to 549 BTC" is not the first figure, "BTC equivalent2 of" is no sale (heldout33, after its one scoring); production-27: a header row of dates is no figure ("Bitcoin holdings | December 31, 2024"), a count row of a "($ in thousands)" roll-forward is dollars, an annual report's section reports its latest year end's quarter (balances only), roll-forward rows flattened between bars under "Quantity | Amounts", a one-row-per-coin holdings table "as of" the quarter end, "As of September 30," over year columns, bitcoin "utilized as collateral for borrowings" (heldout31/32, after their one scoring); production-26: a footnote mark glued inside a one-cell-per-line label ("Bitcoin1 Held 2") no longer splits the label, so the evidence quotes it as printed (found by the property test); production-25: a 10-Q table copied as text with the zero-width spaces of its spacer cells (each run a cell boundary), power credits of two quarters "respectively" read for the own one (heldout30, after its one scoring); production-24: a 10-Q note that names both balance dates first ("As of D1 and D2, the Company held N1 and N2 bitcoin, respectively"), bitcoin "held in a custody account as collateral" with a bracketed value (heldout29, after its one scoring); production-23: a 10-Q note's balances paired with dates "respectively" and "N bitcoin with a fair value of $X were pledged" (heldout27 dev data); production-22: an average "BTC sales price" named after a cost figure in the same sentence, a hash rate "as of" the period end beside a later level "as of" a later day (heldout23 dev data); production-21: 10-Q and 10-K text (heldout21 dev data): a bitcoin roll-forward table (closing balance, mined and sold in a count table; a stated count in a dollar table), a since-inception total is no period figure, bitcoin "received from the ... mining pool" are mined, "three and six months ended" names the quarter, an EDGAR R page's "6 Months Ended / Jun. 30, 2025" names the filing's quarter, 10-Q split heads and quarter-end date heads, a heading's unit over per-site rows, long cell labels, 'Combined' totals, 'over' meaning 'more than'; a UK-dated 'quarter ended 31 March 2024', 'mined in the quarter was 123', a line cut after 'held', a month's preliminary results inside a quarter's release, 'the September quarter', 'Hashrate: X EH/s for Q1' (heldout22 dev data); a 10-Q cost table's curtailment credits in thousands; a cut copy dated only by its quarter's end, holdings that 'have been' so much 'respectively', a prior period in brackets beside its own figure, a level dated 'on' a day before the quarter, one column per span (heldout23/24 dev data); an announced release of quarterly results names no period, a key-metrics column's month outranks the months a text names, a key-metrics table copied one cell per line is read row by row (heldout25 dev data); production-20: a bare month takes its year from the month a figure rose "from ... per cent in", bare month column names ("March | April | May | May") take their years from the own month, "Total self-mining BTC" is the self-mining row (heldout20), a title's "Second Quarter 2024 Results Ending March 31 2024" names its end date, the hash rate bitcoin were "mined ... with" is the operating one (heldout16); production-19: a headline's "Results Ending" date, "quarter and half-year ended", a 10-Q "quarterly report ... for the period ended"; a quarter's "Record"; figures after the period ("Post quarter end", a hash rate "As of" a later date), a site's potential ("able to support"), one machine's rating (under 1 PH/s) and a plan's fleet ("At 30 EH/s,") are no period figures; a fleet "rated at"; the self-mining part of a total with hosting; a target achieved; a level "at the end of" the quarter's last month; "from just under" is a comparison (heldout17/18); production-18: bitcoin "inventory" is the balance and a range's start date is not its date, demand-response income named "Energy Market Program revenue" or "curtailment and energy sales", a label whose value waits on the next line after "approximately", a flattened bullet list with one "- Label: value" item per line (heldout14/16 dev data); production-17: a quarter written "Q2/19", hash rates paired "respectively" with "active" and "contracted", a "quarterly hashrate" (heldout15/16); production-16: "newly minted bitcoins", paragraph breaks kept when unwrapping, a `Label: value` line that runs on into prose, a headline bullet's "from X in Q2" and the lead's stated quarter, footnote marks run into three-digit figures, record-high balances, one-line Markdown tables, "Number of Bitcoins produced" (heldout13/14); production-15: one-column key metrics one cell per line, rows under a group heading, glued rows that kept spaces, "fourth quarter and fiscal year ended", a bare news "Q3" yields to the stated quarter (heldout11/12); production-14: one exchange-tag pattern for all parsers ("(Nasdaq | TSX: HUT)", the US ticker of "(LSE: ARB; NASDAQ: ARBK)"); production-13: wire datelines, unit-only rows, glued one-column rows, months reported beside their quarter, fiscal bare quarters, WordPress JSON pages (heldout9/10); production-12: eighth real set (balance sheet holdings, cost per kWh from-to, 6-K cover months, "Deployed" after the figure, ended the quarter with, BTC equivalents)

CLI_KEYS = ("ticker", "period_start", "period_end", "period_type") + METRIC_FIELDS + ("evidence",)


class ProductionRecord(BaseModel):
    """What one production update says about one period. Natural key: (ticker, period_type, period_end)."""

    model_config = ConfigDict(frozen=False, extra="forbid")

    ticker: str | None = None
    period_start: date
    period_end: date
    period_type: Literal["month", "quarter"]
    btc_produced: float | None = None
    btc_produced_per_day: float | None = None
    btc_held: float | None = None
    btc_held_restricted: float | None = None
    btc_sold: float | None = None
    btc_sale_proceeds_usd: float | None = None
    btc_avg_sale_price_usd: float | None = None
    hashrate_deployed_ehs: float | None = None
    hashrate_operating_ehs: float | None = None
    efficiency_j_per_th: float | None = None
    power_cost_usd_per_kwh: float | None = None
    power_credits_usd: float | None = None
    evidence: dict[str, str] = Field(default_factory=dict)
    null_reasons: dict[str, str] = Field(default_factory=dict)
    is_reporting_period: bool = True

    @field_validator("evidence", "null_reasons")
    @classmethod
    def _known_fields(cls, v: dict[str, str]) -> dict[str, str]:
        unknown = set(v) - set(METRIC_FIELDS)
        if unknown:
            raise ValueError(f"unknown fields {sorted(unknown)}")
        return v

    def values(self) -> dict[str, float]:
        return {f: getattr(self, f) for f in METRIC_FIELDS if getattr(self, f) is not None}


# --- classifier -------------------------------------------------------------------------------------
_TITLE_POSITIVE = re.compile(
    r"production (?:and|&) operations? updates?|operations? (?:and|&) production updates?|production updates?|"
    r"(?:bitcoin )?mining (?:operations? )?updates?|operational updates?|monthly (?:operations?|production|investor|"
    r"business )?(?:update|report)|(?:produces|produced|mined|mines) [\d,.]+ (?:bitcoin|btc)|"
    r"bitcoin production|btc production", re.I)
_TITLE_NEGATIVE = re.compile(
    r"pricing of|prices? (?:upsized )?(?:\$|us\$)|proposed offering|convertible (?:senior )?notes|senior (?:secured )?notes|"
    r"at[- ]the[- ]market|private placement|credit facility|term loan|closes? (?:\$|its)|acquisition of|to acquire|"
    r"merger|annual (?:general )?meeting|dividend|share repurchase|appoints?|names? .{0,30}(?:chief|ceo|cfo|director)",
    re.I)
_METRIC_SIGNALS = [
    re.compile(r"\b(?:produced|mined|self-mined|earned)\s+(?:approximately\s+)?[\d,.]+\s+(?:bitcoin|btc)\b|"
               r"\b(?:bitcoin|btc)\s+(?:produced|mined)\b[^.\n]{0,40}?\d", re.I),
    re.compile(r"\d\s?(?:EH/s|PH/s|exahash)", re.I),
    re.compile(r"\b(?:held|holdings?)\b[^.\n]{0,40}?[\d,.]+\s+(?:bitcoin|btc)\b|\b(?:bitcoin|btc) held\b", re.I),
    re.compile(r"\b(?:sold|sale of)\s+[\d,.]+\s+(?:bitcoin|btc)\b|\b(?:bitcoin|btc) sold\b", re.I),
    re.compile(r"\d\s?(?:J/TH|W/TH)|c/kWh|¢/kWh|per kWh", re.I),
]


_MARKUP_HINT = re.compile(r"<\s*(?:html|body|div|p|font|span|table|td)\b", re.I)
_NON_TEXT = re.compile(r"<(script|style|head|title)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")


def _visible_head(text: str, chars: int) -> str:
    """The first `chars` characters of visible text of an exhibit as filed: Workiva's markup spends the first
    tens of kilobytes on styles before the headline, so markup is stripped first (regexes, no parse)."""
    if not _MARKUP_HINT.search(text[:4096]):
        return text[:chars]
    out, size, pos = [], 0, 0
    while size < chars and pos < len(text):
        block = _TAG.sub(" ", _NON_TEXT.sub(" ", text[pos:pos + 200_000]))
        pos += 200_000
        block = " ".join(html.unescape(block).split())
        out.append(block)
        size += len(block)
    return " ".join(out)[:chars]


def looks_like_production_update(text: str) -> bool:
    """Cheap guess whether an exhibit (its title and first text, or the exhibit as filed) is a
    production/operations update, as opposed to an earnings release without production figures, a debt
    offering, or other news."""
    head = _visible_head(text or "", 6000)
    if not head.strip():
        return False
    first = head[:400]
    if _TITLE_NEGATIVE.search(first) and not _TITLE_POSITIVE.search(first):
        return False
    if _TITLE_POSITIVE.search(first):
        return True
    signals = sum(1 for rx in _METRIC_SIGNALS if rx.search(head))
    return signals >= 2


# --- the parser -------------------------------------------------------------------------------------
_TITLE_SKIP = re.compile(r"^(?:exhibit\s*\d|ex-?99|press release|for immediate release|news release|"
                         # a 6-K cover's "For the month of August, 2022" is the month it was filed in
                         r"\s*for\s+the\s+month\s+of\b|"
                         r"unaudited|[\W\d_]*$)"
                         # a news page's clock stamp ("12:42:38 EDT Tue 07 May 2024") dates the page, not the report
                         r"|.*\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]\.?M\.?\s*)?(?:[ECMP][SD]?T|UTC|GMT)\b", re.I)
_COMPARISON_LEAD = re.compile(r"(?:\bfrom|\bthan|\bversus|\bvs\.?|\bcompared (?:to|with)|\bover|\bsince|\bprior|"
                              r"\bprevious|\bvs)\s+$", re.I)


def parse_production(content: bytes | str, *, ticker: str | None = None,
                     period: str | None = None) -> list[ProductionRecord]:
    """Parse a production/operations update into one record per reported period, its own period first.

    `period` ("YYYY-MM" or "YYYY-Qn") is used when the document does not name its period. Raises ParseError
    when the input is not a readable production update.
    """
    doc = load_document(content)
    if not re.search(r"[A-Za-z]{3,}", doc.full_text):
        raise ParseError("no readable text in the document")
    if ticker is None:
        m = EXCHANGE_TAG_RE.search(doc.full_text[:20000])
        ticker = ticker_of(m) if m else None
    fy_end = FISCAL_YEAR_END_MONTH.get(ticker.upper()) if ticker else None
    hint = parse_hint(period) if period else None
    title_period = _title_period(doc, fy_end)
    if title_period is None and ticker and fy_end is None:
        # "Core Scientific Announces Fiscal First Quarter 2024 Results" with no quarter-end date anywhere: a ticker that
        # the fiscal-year table does not list keeps the calendar year (with no ticker at all, no guess is made)
        title_period = _title_period(doc, 12)

    hash_unit = implied_hash_unit(doc.full_text)
    tables: list[TableResult] = []
    prose_text = doc.text
    leftover_lines: list[str] = []
    for n, grid in enumerate(doc.tables):
        result = read_grid_table(grid, doc.locale, fy_end, n, title_period or hint, hash_unit)
        if result is None:
            leftover_lines.extend(_grid_lines(grid))
        else:
            tables.append(result)
    text_tables = scan_text_tables(doc.text, doc.locale, fy_end, hash_unit, title_period or hint)
    for t in sorted(text_tables, key=lambda t: -t.start):
        # the table's text leaves the prose; what stood before and after it stays on lines of its own
        prose_text = prose_text[:t.start] + "\n" * (prose_text[t.start:t.end].count("\n") + 1) + prose_text[t.end:]
    tables += text_tables

    table_periods = next((t.periods for t in tables if t.findings), [])
    own = _document_period(doc, title_period, table_periods, hint, fy_end)
    if own is None:
        raise ParseError("no reporting period named in the document; pass a period hint (YYYY-MM or YYYY-Qn)")

    findings: list[Finding] = [f for t in tables for f in t.findings]
    if leftover_lines:
        prose_text += "\n" + "\n".join(leftover_lines)
    findings += extract_lines(prose_text, own, doc.locale, fy_end, order0=10_000)
    findings += read_rollforward(doc.text, own, doc.locale)
    also = _also_updated_month(doc, own, fy_end)
    if also is not None:
        # "Results for Third Quarter 2022 and ... Operational Update for October 2022": the month's figures are
        # those whose sentence names the month
        findings += [f for f in extract_lines(prose_text, also, doc.locale, fy_end, order0=20_000)
                     if _names_period(f.evidence, also, fy_end)]
    records = _assemble(findings, tables, own, ticker, [also] if also is not None else [])
    if not any(r.values() for r in records):
        raise ParseError("no production metrics found (bitcoin produced, held or sold, hashrate, power cost)")
    return records


def parse_for_cli(content: bytes, ticker: str | None = None, period: str | None = None) -> list[dict]:
    """`minerwatch parse production FILE`: the records as JSON-able dicts, CLI_KEYS first."""
    out = []
    for rec in parse_production(content, ticker=ticker, period=period):
        row = {
            "ticker": rec.ticker,
            "period_start": rec.period_start.isoformat(),
            "period_end": rec.period_end.isoformat(),
            "period_type": rec.period_type,
        }
        for name in METRIC_FIELDS:
            row[name] = getattr(rec, name)
        row["evidence"] = dict(rec.evidence)
        row["is_reporting_period"] = rec.is_reporting_period
        row["null_reasons"] = dict(rec.null_reasons)
        row["parser_version"] = PARSER_VERSION
        out.append(row)
    return out


def _grid_lines(grid: GridTable) -> list[str]:
    return [" | ".join(c.text for c in row) for row in grid.rows]


#: A quarterly results release that also updates a month: "... Results for Third Quarter 2022 and Provides
#: Operational Update for October 2022".
_ALSO_UPDATE_FOR = re.compile(
    r"\b(?:provides?|providing|and|with|plus)\s+(?:an?\s+)?(?:(?:monthly|operational|operating|operations|production|mining|"
    r"bitcoin(?:\s+production)?)\s+){1,2}updates?\s+for\s+(?P<p>[A-Z][a-z]{2,8}\.?,?\s+\d{4})", re.I)


_MONTH_AND_QUARTER = re.compile(r"\bmonth\s+and\s+(?:the\s+)?quarter\s+end(?:ed|ing)\b", re.I)


def _also_updated_month(doc: Document, own: Period, fy_end: int | None) -> Period | None:
    """The month a quarterly release also reports, or None: the one its title gives an update for, or the
    quarter's last month for "results for the month and quarter ended June 30, 2022"."""
    if own.type != "quarter":
        return None
    if _MONTH_AND_QUARTER.search(doc.text[:3000]):
        return Period(date(own.end.year, own.end.month, 1), own.end, "month")
    lines = [ln for ln in doc.text.split("\n")[:40] if not _TITLE_SKIP.match(ln)][:4]
    for line in lines:
        m = _ALSO_UPDATE_FOR.search(line[:600])
        if m is None:
            continue
        month = next((mt.period for mt in find_mentions(m.group("p"), fy_end) if mt.kind == "month"), None)
        if month is not None and month != own and month.end > own.start:
            return month
    return None


def _names_period(text: str, period: Period, fy_end: int | None) -> bool:
    """Does `text` name `period` (the month, a day in it, or the bare month name)?"""
    for mt in find_mentions(text, fy_end):
        if mt.period == period or (mt.day is not None and period.start <= mt.day <= period.end) \
                or (mt.kind == "month_only" and mt.month == period.start.month):
            return True
    return False


def _title_period(doc: Document, fy_end: int | None) -> Period | None:
    """The period the title or the opening lines name."""
    text = doc.text
    lines = [ln for ln in text.split("\n")[:40] if not _TITLE_SKIP.match(ln)][:4]
    for line in lines:
        stated = _results_period(line[:600])
        if stated is not None:
            return stated   # "Second Quarter 2024 Results Ending March 31 2024": the end date outranks the quarter's name
        found = _first_period(line[:600], text, fy_end)
        if found is not None:
            if _BULLET_LINE.match(line):
                # a headline bullet above the lead ("- Mining margin improved to 49.0% in Q3 from 41.0% in Q2
                # 2025") may name any period; the lead's "results for the three months ended September 30, 2025"
                # names the document's
                stated = _results_period(text[:4000])
                if stated is not None:
                    return stated
            if found.type == "quarter" and not re.search(r"(?:19|20)\d{2}|'\d{2}\b", line[:600]):
                # a news headline's bare "in Q3" guesses its year; the lead's "for the third quarter ended
                # Dec. 31, 2023" states it
                stated = _results_period(text[:4000])
                if stated is not None:
                    return stated
            return found
    return _results_period(text[:4000])


_BULLET_LINE = re.compile(r"\s*[-•●▪◦*]\s")
# "... is pleased to announce its financial results for the year and quarter ended December 31, 2022": a lead
# below headline bullets that name no period
_RESULTS_FOR = re.compile(
    r"\b(?:results|update|statements|analysis|report)\s+for\s+the\s+(?:(?:fiscal\s+)?year\s+and\s+(?:the\s+)?)?"
    r"(?:(?:first|second|third|fourth)\s+)?(?:fiscal\s+)?(?:quarter|three(?:\s+and\s+(?:six|nine|twelve))?\s+months)"
    # "results for the fourth quarter and fiscal year ended December 31, 2023"
    # ("results for the quarter and half-year ended December 31, 2021", Iris Energy)
    r"(?:\s+and\s+(?:the\s+)?(?:fiscal\s+|full\s+)?(?:year|half[- ]year))?\s+end(?:ed|ing)\s+"
    # ("... for the quarter ended 31 March 2024", Argo: the day may come first)
    r"(?:(?P<m>[A-Za-z]{3,9})\.?\s+\d{1,2},?|\d{1,2}(?:st|nd|rd|th)?\s+(?P<m5>[A-Za-z]{3,9})\.?,?)\s+(?P<y>\d{4})"
    # a headline: "Reports Fourth Quarter and Year-End Results Ending September 30, 2022" (DMG)
    # ("Reports Second Quarter 2024 Results Ending March 31 2024": the year may follow the quarter)
    r"|\b(?:first|second|third|fourth)\s+quarter\s+(?:(?:fiscal\s+)?(?:19|20)\d{2}\s+)?(?:and\s+(?:fiscal\s+)?(?:year[- ]end|full[- ]year|year)\s+)?"
    r"(?:financial\s+)?results\s+(?:for\s+the\s+(?:period|quarter)\s+)?end(?:ed|ing)\s+(?P<m2>[A-Za-z]{3,9})\.?\s+\d{1,2},?\s+(?P<y2>\d{4})"
    # "filed its Form 10-Q quarterly report ... for the period ended March 31, 2020" (MGT)
    r"|\bquarterly\s+report\b[^.]{0,80}?\bfor\s+the\s+(?:quarterly\s+)?period\s+ended\s+(?P<m3>[A-Za-z]{3,9})\.?\s+\d{1,2},?\s+(?P<y3>\d{4})"
    # an EDGAR R page's column head: "Digital assets / 6 Months Ended / Jun. 30, 2025" (the filing's quarter end)
    r"|^(?:[^\n]*\n){0,4}\s*\|?\s*(?:3|6|9|12|three|six|nine|twelve)\s+months\s+ended\s*\n\s*\|?\s*(?P<m4>[A-Za-z]{3,9})\.?\s+\d{1,2},?\s+(?P<y4>\d{4})",
    re.I)


def _results_period(head: str) -> Period | None:
    m = next((m for text in (re.sub(r"[ \t\r\f\v]+", " ", head), re.sub(r"\s+", " ", head))
              for m in _RESULTS_FOR.finditer(text) if not _TO_RELEASE.search(text, max(0, m.start() - 60), m.start())),
             None)
    month = m and (m.group("m") or m.group("m5") or m.group("m2") or m.group("m3") or m.group("m4")).lower().rstrip(".")
    if m is None or month not in MONTHS:
        return None
    return quarter_ending(int(m.group("y") or m.group("y2") or m.group("y3") or m.group("y4")), MONTHS[month])


# "Company to release its financial results for the second quarter ended December 31, 2022 on Wednesday": an
# announced release date in a monthly update names a coming report, not this one
# (one pattern for a title line's clause and for the words before a lead's "results for the ... quarter ended")
_TO_RELEASE = re.compile(r"(?<!pleased\s)(?<!proud\s)(?<!happy\s)(?<!excited\s)\b(?:to|will)\s+(?:release|report|publish|host)\b",
                         re.I)


def _document_period(doc: Document, title_period: Period | None, table_periods: list[Period],
                     hint: Period | None, fy_end: int | None) -> Period | None:
    """The document's own period: its title or opening lines, else its first table's first column, else the
    hint, else the month (or quarter) the text names most often."""
    if title_period is not None:
        return title_period
    if table_periods:
        return table_periods[0]
    if hint is not None:
        return hint
    return _first_column_period(doc.text) or _most_named_period(doc.full_text, fy_end)


def _first_column_period(text: str) -> Period | None:
    """A key-metrics table with one column ("Key metrics | Oct-22") names the period the whole update reports."""
    m = re.search(r"(?im)^\s*\|?\s*key\s+metrics\d{0,2}\s*\|?\s*\n?\s*\|?\s*(?P<label>[A-Za-z]{3,9}[-\s']\d{2,4})\b", text[:5000])
    return parse_column_label(m.group("label")) if m else None


def _first_period(line: str, text: str, fy_end: int | None) -> Period | None:
    for mt in find_mentions(line, fy_end):
        if _COMPARISON_LEAD.search(line[max(0, mt.start - 16):mt.start]):
            continue
        if mt.kind == "month" and re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\s+$", line[:mt.start]):
            continue    # "07 December 2021": the day the release went out, not the month it reports
        if mt.kind == "month" and _EVENT_IN.search(line[max(0, mt.start - 40):mt.start]):
            continue    # "... and the halving that occurred in April 2024": an event's month, not the report's
        if line[:mt.start].count("(") > line[:mt.start].count(")"):
            continue    # an aside: "(having also operated successfully through 40°C heat in June 2021)"
        clause = _clause_before(line, mt.start)
        if _TO_RELEASE.search(clause):
            continue    # "Company to release its financial results for the second quarter ended December 31, 2022 on ..."
        if _COMPARED_IN_CLAUSE.search(clause) or _FORWARD.search(clause) or _FROM_FIGURE_IN.search(clause[-40:]):
            continue    # "... as compared to a loss ... and net income of $3.5 million in the second quarter of 2021"
        if mt.kind == "quarter" and mt.period is not None and fy_end and fy_end != 12:
            return _fiscal_if_dated(mt.period, text, fy_end)
        if mt.kind == "month" or (mt.kind == "quarter" and mt.period is not None):
            return mt.period
        if mt.kind == "date" and mt.day is not None:
            # "an update for the month ended October 31, 2024" / "for the quarter ended September 30, 2024"
            before = line[max(0, mt.start - 30):mt.start]
            if re.search(r"(?i)\bmonth\s+end(?:ed|ing)\s+(?:on\s+)?$", before):
                return mt.period
            if re.search(r"(?i)\b(?:quarter|three\s+months)\s+end(?:ed|ing)\s+(?:on\s+)?$", before):
                return quarter_ending(mt.day.year, mt.day.month)
        if mt.kind == "fiscal_quarter":
            if mt.period is not None:
                return mt.period
            ended = re.search(r"(?:three months|quarter) ended\s+([A-Za-z]+)\.?\s+\d{1,2},?\s+(\d{4})", text, re.I)
            if ended and ended.group(1).lower().rstrip(".") in MONTHS:
                return quarter_ending(int(ended.group(2)), MONTHS[ended.group(1).lower().rstrip(".")])

    return None


_EVENT_IN = re.compile(r"\b(?:occurred|occurring|took\s+place|happened)\s+(?:in|during|on)\s+$", re.I)
# "improved to 49.0% from 41.0% in Q2 2025": the period of the figure it improved from
# ("up from 84 per cent in March 2021", Argo: a unit may stand between the figure and "in")
_FROM_FIGURE_IN = re.compile(r"\bfrom\s+(?:approximately\s+|about\s+)?\S*\d\S*(?:\s+(?:per\s*cent|percent|[A-Za-z/]{1,9}))?"
                             r"\s+in\s+(?:the\s+)?$", re.I)
_COMPARED_IN_CLAUSE = re.compile(r"\b(?:compared|versus|vs\.?|relative to)\b", re.I)
_CLAUSE_START = re.compile(r"(?:^|[.;!?]\s|\s[-–—]\s)")


def _clause_before(line: str, pos: int) -> str:
    """The text from the clause's start (a sentence end or a dash between bullets) up to `pos`."""
    starts = [m.end() for m in _CLAUSE_START.finditer(line, max(0, pos - 160), pos)]
    return line[starts[-1] if starts else max(0, pos - 160):pos]


def _fiscal_if_dated(calendar: Period, text: str, fy_end: int) -> Period:
    """"its third quarter 2023 ... results" of a company whose year ends in September: the fiscal quarter when
    the text dates it ("June 30, 2023 quarterly ... financial statements") and never names the calendar one's end."""
    q = (calendar.end.month - 1) // 3 + 1
    fiscal = fiscal_quarter(calendar.end.year, q, fy_end)

    def named(day: date) -> bool:
        mon = day.strftime("%B")
        return re.search(rf"\b(?:{mon[:3]}\w*\.?\s+{day.day},?\s+{day.year}|{day.day}\s+{mon[:3]}\w*,?\s+{day.year})\b",
                         text, re.I) is not None
    return fiscal if named(fiscal.end) and not named(calendar.end) else calendar


_YEAR_ENDED_RE = re.compile(r"\b(?:fiscal\s+)?years?\s+ended\s+(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d{2})\b",
                            re.I)


def _year_end_quarter(text: str) -> Period | None:
    """An annual report's section ("for the year ended December 31, 2024", beside the year before) reports balances
    at its latest year end, the close of that year's last quarter; the year's flows are no quarter's."""
    year_ends = [d for d in (safe_date(int(m.group("year")), MONTHS[m.group("mon").lower().rstrip(".")], int(m.group("day")))
                             for m in _YEAR_ENDED_RE.finditer(text) if m.group("mon").lower().rstrip(".") in MONTHS)
                 if d is not None and (d.month, d.day) in ((3, 31), (6, 30), (9, 30), (12, 31))]
    if not year_ends:
        return None
    d = max(year_ends)
    return quarter_ending(d.year, d.month)


def _most_named_period(text: str, fy_end: int | None) -> Period | None:
    # periods named only as comparisons ("up 121% compared to the second quarter 2021") are not the report's
    # and neither are the quarters a build-out is "expected" in ("... with the first 0.3 EH/s expected in Q2 2022")
    mentions = [mt for mt in find_mentions(text, fy_end)
                if not _COMPARED_IN_CLAUSE.search(_clause_before(text, mt.start))
                and not _FORWARD.search(_sentence_around(text, mt.start, mt.end))]
    quarters = [mt.period for mt in mentions if mt.kind in ("quarter", "fiscal_quarter") and mt.period]
    months = [mt for mt in mentions if mt.kind in ("month", "month_only")]
    if not quarters and not re.search(r"\bmonth(?:ly|s)?\b", text, re.I) and (year_end := _year_end_quarter(text)):
        return year_end     # an annual report's section: the months it names are those of events, not its period
    if quarters and len(quarters) > len(months):
        return max(quarters, key=lambda p: (quarters.count(p), -quarters.index(p)))
    if not months:
        # a copy cut below its headline that names its period only by dates ("As of September 30, 2021, we had
        # no miners remaining ...") and "the third quarter": the quarter ending on the date it names most
        dates = [mt.day for mt in mentions if mt.kind == "date" and mt.day]
        if dates and re.search(r"\bquarter\b", text, re.I):
            d = max(dates, key=lambda x: (dates.count(x), -dates.index(x)))
            if (d.month, d.day) in ((3, 31), (6, 30), (9, 30), (12, 31)) and dates.count(d) >= 2:
                return quarter_ending(d.year, d.month)
        return _year_end_quarter(text)
    nums = [mt.month for mt in months]
    best = max(nums, key=lambda mo: (nums.count(mo), -nums.index(mo)))
    years = [mt.period.start.year for mt in months if mt.month == best and mt.period]
    if years:
        return month_period(max(years, key=years.count), best)
    dates = [mt.day for mt in mentions if mt.kind == "date" and mt.day]
    if dates:
        d = dates[0]
        return month_period(d.year if best <= d.month else d.year - 1, best)
    # no date at all (an exhibit cut below its dateline): a bare month is read as the first such month on or
    # after the latest month the text names with its year ("... in December" beside "in June 2021")
    dated = [mt.period for mt in mentions if mt.kind == "month" and mt.period]
    if dated:
        last = max(dated, key=lambda p: p.start)
        return month_period(last.start.year if best >= last.start.month else last.start.year + 1, best)
    return None


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line, or table cell) holding text[start:end]."""
    a = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind("|", 0, start)) + 1
    b = min(x for x in (text.find(". ", end), text.find("\n", end), text.find("|", end), len(text)) if x >= 0)
    return text[a:b]


_FOOTNOTE_LEAD = re.compile(r"^\s*(?:\((\d{1,2})\)|(\d{1,2})[.)]?\s)")


def _footnoted_restricted(findings: list[Finding]) -> list[Finding]:
    """A numbered footnote "(2) Includes 3,300 in restricted bitcoin" belongs to every period whose
    bitcoin-held cell carries marker 2 (Riot glues it to the current and prior month alike)."""
    extra = []
    for f in findings:
        if f.field != "btc_held_restricted" or f.value is None:
            continue
        m = _FOOTNOTE_LEAD.match(f.evidence)
        if not m:
            continue
        mark = m.group(1) or m.group(2)
        for held in findings:
            if held.field == "btc_held" and held.value is not None and mark in held.footnotes:
                extra.append(Finding(f.field, held.period, f.value, None, f.evidence, f.tier + 1, f.order,
                                     (mark,)))
    return extra


def _assemble(findings: list[Finding], tables: list[TableResult], own: Period, ticker: str | None,
              also: list[Period] | None = None) -> list[ProductionRecord]:
    order: list[Period] = [own] + [p for p in also or [] if p != own]
    for t in tables:
        for p in t.periods:
            if p not in order and any(f.period == p for f in t.findings):
                order.append(p)
    findings = findings + _footnoted_restricted(findings)
    values: dict[Period, dict[str, tuple[float, str]]] = {p: {} for p in order}
    reasons: dict[Period, dict[str, str]] = {p: {} for p in order}
    for f in sorted(findings, key=lambda f: (-_rank(f), f.order)):
        if f.period not in values:
            continue
        if f.value is not None:
            if f.field not in values[f.period]:
                values[f.period][f.field] = (f.value, f.evidence)
        elif f.reason and f.field not in values[f.period] and f.field not in reasons[f.period]:
            reasons[f.period][f.field] = f"{f.reason} (in: {f.evidence})" if f.evidence else f.reason
    for t in tables:
        for p, parts in t.credit_components.items():
            if p in values and "power_credits_usd" not in values[p] and "power_credits_usd" not in reasons[p]:
                reasons[p]["power_credits_usd"] = ("only components of power credits are disclosed ("
                                                   + "; ".join(parts) + "); their total is not stated")
    records = []
    for p in order:
        vals = values[p]
        _proceeds_in_thousands(vals)
        why = {k: v for k, v in reasons[p].items() if k not in vals}
        if p != own and not vals:
            continue
        # every value, key and type here was built by this module (fields from METRIC_FIELDS, floats, dates):
        # constructed without re-validation, which costs more than the rest of the assembly
        rec = ProductionRecord.model_construct(
            ticker=ticker.upper() if ticker else None, period_start=p.start, period_end=p.end,
            period_type=p.type, evidence={k: v[1] for k, v in vals.items()}, null_reasons=why,
            is_reporting_period=(p == own), **{f: vals[f][0] if f in vals else None for f in METRIC_FIELDS})
        records.append(rec)
    return records


#: Bitcoin has not sold under $100 since 2013: proceeds that make it so were written in thousands.
_PROCEEDS_FLOOR_USD_PER_BTC = 100
_DOLLAR_AMOUNT_RE = re.compile(r"\$\s?(?P<n>\d[\d,]*(?:\.\d+)?)(?P<scale>\s*(?:thousand|million|billion|mn|bn|m|k)\b)?", re.I)


def _proceeds_in_thousands(vals: dict[str, tuple[float, str]]) -> None:
    """"sold 410 bitcoin for proceeds of $38,450" in a 10-Q note whose statements are in thousands (an XBRL
    text-block page carries no scale header): proceeds that price a bitcoin under $100 are read times 1,000 when
    that gives a price a bitcoin has sold at, and the amount was written bare (no "million")."""
    sold, proceeds = vals.get("btc_sold"), vals.get("btc_sale_proceeds_usd")
    if not sold or not proceeds or sold[0] <= 0:
        return
    price = proceeds[0] / sold[0]
    if price >= _PROCEEDS_FLOOR_USD_PER_BTC or not _PROCEEDS_FLOOR_USD_PER_BTC <= price * 1000 <= 250_000:
        return
    bare = False
    for m in _DOLLAR_AMOUNT_RE.finditer(proceeds[1]):
        if float(m.group("n").replace(",", "")) == proceeds[0]:
            if m.group("scale"):
                return      # "$38.45 thousand" was read with its word
            bare = True
    if not bare:
        return
    vals["btc_sale_proceeds_usd"] = (proceeds[0] * 1000, proceeds[1])


#: A table row "Month-end operating EH/s" beside "Average operating EH/s": the average is the operating hashrate
#: the period produced with (what realization and hashcost are computed from); the month-end level is a fallback.
_POINT_IN_TIME_OPERATING = re.compile(r"\s*(?:month|period|quarter|year)[- ]end\b[^|]*\boperating\b", re.I)


#: "grow average operational hash rate ... to 21.9 exahashes" beside "in Abu Dhabi where we now have 2.7 exahashes
#: online": the figure named as the average operating hash rate is the period's, not a level seen somewhere.
_NAMED_AVERAGE_OPERATING = re.compile(r"\baverage\s+(?:operat\w+|online|realized|active)\s+hash\s?rate\b", re.I)


def _rank(f: Finding) -> float:
    if f.field == "hashrate_operating_ehs" and _POINT_IN_TIME_OPERATING.match(f.evidence or ""):
        return f.tier - 0.01
    if f.field == "hashrate_operating_ehs" and _NAMED_AVERAGE_OPERATING.search(f.evidence or ""):
        return f.tier + 0.005
    return f.tier


__all__ = ["PARSER_VERSION", "CLI_KEYS", "METRIC_FIELDS", "ProductionRecord", "parse_production", "parse_for_cli",
           "looks_like_production_update"]
