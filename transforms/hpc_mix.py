"""Capacity mix (MW by use) and revenue mix (mining / hosting / AI-HPC) from production updates and results.

Two layouts carry the split: segment tables where the same row label repeats under each segment
(IREN's monthly "Key Metrics": a "Revenue" row under "Bitcoin Mining" and again under "AI Cloud", so
the row is keyed on its section, reference/press/README.md), and results-release prose ("Total revenue
was US$224.8 million", "HPC hosting revenue of $7.2 million"). Only the reporting period's own
figures are taken: comparatives, full-year and year-to-date figures, guidance and run-rates are not.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict

from transforms.errors import ParseError
from transforms.hpc_names import find_issuer
from transforms.hpc_numbers import MONTHS, Quantity, find_dates, find_money, find_power_mw
from transforms.hpc_text import CELL_SEP, Document, head_sentences, read_document

__all__ = [
    "PARSER_VERSION", "CAPACITY_FIELDS", "REVENUE_FIELDS", "CapacityMixRecord", "RevenueMixRecord",
    "parse_capacity_mix", "parse_revenue_mix",
]

PARSER_VERSION = "hpc-mix-2"


class CapacityMixRecord(BaseModel):
    """Power capacity by use at one date, MW. Natural key: (ticker, period_end).

    `energized_mw` and `under_construction_mw` are totals across uses; the three use fields are what
    the release says is running for that use; `hpc_under_construction_mw` is the part of the capacity
    under construction the release says is for AI/HPC (also counted in `under_construction_mw`).
    Pipeline, planned and contracted-but-unbuilt MW are not taken.
    """

    model_config = ConfigDict(frozen=True)

    ticker: str | None
    period_end: date
    period_type: Literal["month", "quarter", "as_of"]
    self_mining_mw: float | None = None
    hosting_mw: float | None = None
    hpc_mw: float | None = None
    energized_mw: float | None = None
    under_construction_mw: float | None = None
    hpc_under_construction_mw: float | None = None
    evidence: dict[str, str] = {}
    null_reasons: dict[str, str] = {}
    parser_version: str = PARSER_VERSION


class RevenueMixRecord(BaseModel):
    """Revenue by segment for one reporting period, USD. Natural key: (ticker, period_start, period_end)."""

    model_config = ConfigDict(frozen=True)

    ticker: str | None
    period_start: date
    period_end: date
    period_type: Literal["month", "quarter"]
    mining_revenue_usd: float | None = None
    hosting_revenue_usd: float | None = None
    hpc_revenue_usd: float | None = None
    total_revenue_usd: float | None = None
    evidence: dict[str, str] = {}
    null_reasons: dict[str, str] = {}
    parser_version: str = PARSER_VERSION


_REVENUE_FIELDS = ("mining_revenue_usd", "hosting_revenue_usd", "hpc_revenue_usd", "total_revenue_usd")
_CAPACITY_FIELDS = ("self_mining_mw", "hosting_mw", "hpc_mw", "energized_mw", "under_construction_mw",
                    "hpc_under_construction_mw")
#: The figures each record type carries (the staged metrics).
REVENUE_FIELDS = _REVENUE_FIELDS
CAPACITY_FIELDS = _CAPACITY_FIELDS


# --- period --------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Period:
    start: date
    end: date
    kind: str
    evidence: str


_MONTH_NAMES = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTHLY_RE = re.compile(
    rf"(?:monthly (?:investor )?(?:update|report)|production (?:and operations? )?(?:updates?|results)|operational updates?|"
    rf"operations updates?|mining updates?|production report)\s+for\s+(?:the month of\s+)?(?P<month>{_MONTH_NAMES})\s+(?P<year>20\d\d)"
    rf"|(?P<month2>{_MONTH_NAMES})\s+(?P<year2>20\d\d)\s+(?:monthly|production|operational|operations|mining)\s+(?:investor\s+)?(?:update|report)"
    # HIVE's headline: "HIVE Digital Technologies Reports October 2025 Production"
    rf"|\b(?:Reports|Announces)\s+(?P<month3>{_MONTH_NAMES})\s+(?P<year3>20\d\d)\s+(?:Production|Operations|Operational|Mining)\b",
    re.IGNORECASE,
)
_QUARTER_ENDED_RE = re.compile(
    r"(?:three[- ]month period|three months|quarter|fiscal quarter)\s+ended\s+(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},\s+20\d\d)",
    re.IGNORECASE,
)
_CAL_QUARTER_RE = re.compile(
    r"\b(?P<fiscal>fiscal\s+)?(?P<ord>first|second|third|fourth)\s+quarter\s+(?:of\s+)?(?P<fiscal2>fiscal\s+(?:year\s+)?)?(?P<year>20\d\d)\b"
    r"|\b(?P<qfiscal>F)?Q(?P<qn>[1-4])\s+(?P<fy>FY\s?)?(?P<qyear>(?:20)?\d\d)\b",
    re.IGNORECASE,
)
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _quarter_start(end: date) -> date:
    month = end.month - 2
    year = end.year
    if month <= 0:
        month += 12
        year -= 1
    return date(year, month, 1)


def _period(doc: Document, period: str | None, fiscal_year_end: str | None = None) -> _Period:
    """The reporting period the release covers, from its own words, else from `period`.

    A fiscal quarter ("Fiscal Third Quarter 2025", "Q1 FY26") is placed on the calendar only with the
    issuer's fiscal year end (`fiscal_year_end`, MMDD as in the registry); without it a calendar
    quarter named later in the opening is used, and otherwise the period stays unknown.
    """
    opening = doc.headline + "\n" + "\n".join(s.text for s in doc.sentences[:6])
    m = _MONTHLY_RE.search(opening)
    if m:
        month = MONTHS[(m.group("month") or m.group("month2") or m.group("month3")).lower()]
        year = int(m.group("year") or m.group("year2") or m.group("year3"))
        return _Period(date(year, month, 1), _month_end(year, month), "month", m.group(0))
    m = _QUARTER_ENDED_RE.search(opening)
    if m:
        end = next((d.value for d in find_dates(m.group("date")) if d.precision == "day"), None)
        if end is not None:
            return _Period(_quarter_start(end), end, "quarter", m.group(0))
    fiscal_seen = False
    for m in _CAL_QUARTER_RE.finditer(opening):
        q = _ORD[m.group("ord").lower()] if m.group("ord") else int(m.group("qn"))
        year = int(m.group("year") or m.group("qyear"))
        year = year + 2000 if year < 100 else year
        if m.group("fiscal") or m.group("fiscal2") or m.group("qfiscal") or m.group("fy"):
            fiscal_seen = True
            end_month = _fiscal_quarter_end_month(year, q, fiscal_year_end)
            if end_month is None:
                continue
            end_year, end_mo = end_month
            end = _month_end(end_year, end_mo)
            return _Period(_quarter_start(end), end, "quarter", m.group(0))
        end = _month_end(year, 3 * q)
        return _Period(date(year, 3 * q - 2, 1), end, "quarter", m.group(0))
    if period:
        parsed = _period_from_arg(period)
        if parsed:
            return parsed
    raise ParseError("no reporting period: the release names no month or quarter end date"
                     + (" (a fiscal quarter needs its end date, the fiscal year end or --period YYYY-Qn)"
                        if fiscal_seen else "")
                     + ("" if period else "; pass --period"))


def _fiscal_quarter_end_month(fiscal_year: int, quarter: int, fiscal_year_end: str | None) -> tuple[int, int] | None:
    """(year, month) in which quarter `quarter` of fiscal year `fiscal_year` ends, for a fiscal year
    ending in the month of `fiscal_year_end` (MMDD): fiscal 2026 of a June year end runs July 2025 to
    June 2026, so its Q1 ends in September 2025. None without a usable fiscal year end."""
    if not fiscal_year_end or not re.fullmatch(r"\d{4}", fiscal_year_end):
        return None
    fye_month = int(fiscal_year_end[:2])
    if not 1 <= fye_month <= 12:
        return None
    index = (fiscal_year - 1) * 12 + (fye_month - 1) + 3 * quarter  # months since year 0, zero-based
    return index // 12, index % 12 + 1


def _period_from_arg(period: str) -> _Period | None:
    m = re.fullmatch(r"(\d{4})-(\d{2})", period.strip())
    if m and 1 <= int(m.group(2)) <= 12:
        y, mo = int(m.group(1)), int(m.group(2))
        return _Period(date(y, mo, 1), _month_end(y, mo), "month", "given by the caller")
    m = re.fullmatch(r"(\d{4})-Q([1-4])", period.strip(), re.IGNORECASE)
    if m:
        y, q = int(m.group(1)), int(m.group(2))
        return _Period(date(y, 3 * q - 2, 1), _month_end(y, 3 * q), "quarter", "given by the caller")
    return None


def _ticker(doc: Document, ticker: str | None) -> tuple[str | None, str | None]:
    if ticker:
        return ticker.upper(), "given by the caller"
    issuer = find_issuer(doc.text)
    return (issuer[0], issuer[1]) if issuer else (None, None)


# --- shared scanning -----------------------------------------------------------------------
@dataclass(frozen=True)
class _Line:
    start: int
    text: str
    is_row: bool


def _body_lines(doc: Document) -> list[_Line]:
    out = []
    for i in range(doc.body_start_line, doc.body_end_line):
        text = doc.lines[i]
        out.append(_Line(doc.line_offsets[i], text, CELL_SEP in text))
    return out


# Comparatives and other periods inside the period's own sentences.
_OTHER_PERIOD_RE = re.compile(
    r"full[- ]year|fiscal year|(?<!Q[1-4] )(?<!Q[1-4])\bFY\s?\d{2,4}\b|year ended|twelve months|\b12 months|nine months|"
    r"six months|year[- ]to[- ]date|\bYTD\b|\bannual\b|calendar year",
    re.IGNORECASE,
)
_FORWARD_RE = re.compile(
    r"guidance|outlook|forecast|\bexpect|\btarget|run[- ]rate|\bARR\b|annuali[sz]ed|backlog|contracted revenue|"
    r"\bwill\b|\bprojected\b|\bpotential\b",
    re.IGNORECASE,
)
_HEADING_ANNUAL_RE = re.compile(r"full[- ]year|fiscal (?:year )?20\d\d|annual|year[- ]to[- ]date", re.IGNORECASE)
_HEADING_PERIOD_RE = re.compile(r"quarter|\bQ[1-4]\b|month", re.IGNORECASE)


def _is_heading(text: str) -> bool:
    return len(text) <= 80 and not text.rstrip().endswith(".") and CELL_SEP not in text and len(text.split()) <= 10


@dataclass
class _Hits:
    values: dict[str, list[tuple[float, str]]]
    sections: dict[str, str] = field(default_factory=dict)  # field -> the table heading its row sat under

    def add(self, name: str, value: float, evidence: str, section: str | None = None) -> None:
        self.values.setdefault(name, []).append((value, evidence))
        if section:
            self.sections.setdefault(name, section)


def _resolve(hits: _Hits, fields: tuple[str, ...], evidence: dict, reasons: dict, default_reason: str) -> dict:
    out = {}
    for name in fields:
        found = hits.values.get(name, [])
        distinct = list(dict.fromkeys(v for v, _ in found))
        if len(distinct) == 1:
            out[name] = distinct[0]
            evidence[name] = found[0][1]
        elif distinct:
            shown = "; ".join(f"'{e}'" for _, e in found[:3])
            reasons[name] = f"the release states different figures for this period: {shown}"
        else:
            reasons[name] = default_reason
    return out


def _snippet(text: str, start: int, end: int, limit: int = 200) -> str:
    if len(text) <= limit:
        return text.strip()
    lo = max(0, start - (limit - (end - start)) // 2)
    hi = min(len(text), lo + limit)
    lo = max(0, hi - limit)
    return text[lo:hi].strip()


# --- revenue -------------------------------------------------------------------------------
_SEGMENT_HPC_RE = re.compile(
    r"\bHPC\b|\bAI\b|artificial intelligence|high[- ]performance|\bHDC\b|high[- ]density|\bGPU|\bcloud\b|"
    r"colocation|co-location|data cent(?:er|re) (?:lease|services)",
    re.IGNORECASE,
)
_SEGMENT_HOSTING_RE = re.compile(r"\bhost(?:ing|ed)\b", re.IGNORECASE)
_SEGMENT_MINING_RE = re.compile(r"\bmining\b|\bmined\b|self[- ]mining|\bbitcoin\b|digital asset|proprietary", re.IGNORECASE)
_SEGMENT_TOTAL_RE = re.compile(r"\btotal\b|\bconsolidated\b|\bgroup\b", re.IGNORECASE)
_REVENUE_WORD_RE = re.compile(r"\brevenues?\b(?!\s+per\b)(?!\s*/)", re.IGNORECASE)
_REVENUE_LABEL_RE = re.compile(r"^(?:total\s+)?revenues?\d*\*?$", re.IGNORECASE)
_PREFIX_BLOCKERS = re.compile(
    r"\bcost\b|\bcosts\b|\bother\b|\bpower\b|\bequipment\b|\bdeferred\b|\bunearned\b|\bper\b|\bshare\b|\bcontracted\b|"
    r"\bannuali[sz]ed\b|\bexpected\b|\bprojected\b|\bpotential\b|\bbacklog\b|\bsales\b",
    re.IGNORECASE,
)
_MIX_CLAUSE_SPLIT_RE = re.compile(r";|\s+-\s+|,\s+(?:and|while|whereas)\s+|\s+and\s+(?=[\w\s-]{0,40}\brevenues?\b)|,\s+(?=[\w\s-]{0,40}\brevenues?\b)")


def _segment_of_label(label: str) -> str | None:
    if _SEGMENT_HPC_RE.search(label):
        return "hpc_revenue_usd"
    if _SEGMENT_HOSTING_RE.search(label):
        return "hosting_revenue_usd"
    if _SEGMENT_MINING_RE.search(label):
        return "mining_revenue_usd"
    if _SEGMENT_TOTAL_RE.search(label):
        return "total_revenue_usd"
    return None


def _segment_of_heading(text: str) -> str | None:
    label = re.sub(r"[\d*]+$", "", text).strip(" :|")
    if not label or len(label) > 40 or re.search(r"\d", label):
        return None
    return _segment_of_label(label)


_LABEL_BREAKS = {
    "was", "were", "of", "with", "generated", "reported", "recorded", "delivered", "achieved", "posted", "grew",
    "increased", "decreased", "while", "and", "that", "as", "from", "in", "to", "its", "our", "the",
}
_NEUTRAL_LABEL_RE = re.compile(
    r"^(?:quarterly|monthly|record|net|gross|first|second|third|fourth|quarter|month|q[1-4]|fy\s?\d{2,4}|fiscal|"
    r"(?:19|20)\d\d|company|segment|reported|total)$",
    re.IGNORECASE,
)


def _prose_segment(prefix: str, suffix: str) -> str | None:
    """Which revenue a phrase names: the words just before "revenue", or "revenue from <words>"."""
    words = re.findall(r"[A-Za-z0-9'/-]+", prefix)[-5:]
    if words and words[-1].lower() in {"of", "to", "in"}:
        return None  # "cost of revenue", "as a percentage of revenue", "contributed to revenue"
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower() in _LABEL_BREAKS:
            words = words[i + 1:]
            break
    label = " ".join(words)
    if _PREFIX_BLOCKERS.search(label):
        return None
    segment = _segment_of_label(label)
    if segment and segment != "total_revenue_usd":
        return segment
    m = re.match(r"^\s+from\s+([\w\s/-]{3,40}?)\s+(?:was|were|of|totaled|totalled|increased|decreased|rose|grew|amounted)\b",
                 suffix)
    if m:
        from_segment = _segment_of_label(m.group(1))
        if from_segment:
            return from_segment
    # "Revenue was", "Total revenue of", "Third quarter 2025 revenue increased": no segment word left.
    if all(_NEUTRAL_LABEL_RE.match(w) for w in words):
        return "total_revenue_usd"
    return None


def _current_amount(after: str) -> Quantity | None:
    """The period's own amount in the words after "revenue": "to $B" of "from $A to $B", else the first."""
    amounts = [q for q in find_money(after) if not q.negative]
    if not amounts:
        return None
    first = amounts[0]
    between = after[:first.start]
    if re.search(r"\bfrom\s+$", between) and len(amounts) > 1 and re.match(r"^\s+to\s", after[first.end:]):
        return amounts[1]
    if re.search(r"\b(?:compared|versus|vs\.?|from|prior|previous|last year|a year ago)\b", between, re.I):
        return None  # the first amount after the label is a comparative: the current one is missing
    if re.search(r"\bper\b|\bmargin\b", between):
        return None  # "revenue per bitcoin", "revenue margin": not revenue
    return first


def parse_revenue_mix(content: bytes | str, *, ticker: str | None = None, period: str | None = None,
                      fiscal_year_end: str | None = None) -> list[RevenueMixRecord]:
    """Mining, hosting, AI/HPC and total revenue for the period the release reports (one record).

    Returns [] when the release gives no revenue figure; raises `ParseError` when it cannot be read or
    names no period (pass `period` as YYYY-MM or YYYY-Qn for releases that do not, and
    `fiscal_year_end` as MMDD to place a fiscal quarter such as "Q1 FY26" on the calendar).
    """
    doc = read_document(content)
    hits = _Hits({})
    lines = _body_lines(doc)
    if not any(_REVENUE_WORD_RE.search(line.text) for line in lines):
        return []
    p = _period(doc, period, fiscal_year_end)
    _scan_revenue_tables(doc, lines, hits, p)
    _scan_revenue_prose(doc, hits)
    if not hits.values:
        return []
    evidence: dict[str, str] = {"period": p.evidence}
    reasons: dict[str, str] = {}
    t, t_ev = _ticker(doc, ticker)
    if t_ev:
        evidence["ticker"] = t_ev
    else:
        reasons["ticker"] = "no exchange tag such as '(NASDAQ: XXXX)' in the release and no ticker given"
    values = _resolve(hits, _REVENUE_FIELDS, evidence, reasons, "not stated for the period")
    for name in values:
        if name in hits.sections:
            evidence[f"{name}_section"] = hits.sections[name]
    return [RevenueMixRecord(ticker=t, period_start=p.start, period_end=p.end, period_type=p.kind,
                             **values, evidence=evidence, null_reasons=reasons)]


_COLUMN_MONTH_RE = re.compile(
    r"\b(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ -]'?(?P<year>\d{4}|\d{2})\b"
)


def _column_index(header: str | None, p: _Period) -> int | None:
    """The value column of the period: IREN's "Key Metrics Aug 25 Jul 25" puts the current month first,
    but a header is read rather than trusted. None when the header names other months only."""
    if header is None or p.kind != "month":
        return 0
    columns = [(MONTHS[m.group("month").lower()], int(m.group("year")) % 100) for m in _COLUMN_MONTH_RE.finditer(header)]
    if len(columns) < 2:
        return 0
    target = (p.start.month, p.start.year % 100)
    return columns.index(target) if target in columns else None


_SCALE_RE = re.compile(r"\((?:unaudited[,;]?\s*)?(?:US\$|\$|USD)?\s*in\s+(thousands|millions)\b", re.IGNORECASE)


def _scan_revenue_tables(doc: Document, lines: list[_Line], hits: _Hits, p: _Period) -> None:
    """Segment tables: a heading row names the segment, a "Revenue" row under it gives the figure."""
    section: str | None = None
    section_text: str | None = None
    scale: float | None = None
    annual = False
    header: str | None = None
    for line in lines:
        text = line.text
        if len(_COLUMN_MONTH_RE.findall(text)) >= 2 and not find_money(text):
            header = text
        m = _SCALE_RE.search(text)
        if m:
            scale = 1e3 if m.group(1).lower() == "thousands" else 1e6
        if _is_heading(text) and not find_money(text):
            heading_segment = _segment_of_heading(text)
            if heading_segment:
                section, section_text = heading_segment, text
                continue
            if _HEADING_ANNUAL_RE.search(text) and not _HEADING_PERIOD_RE.search(text):
                annual = True
            elif _HEADING_PERIOD_RE.search(text):
                annual = False
        if len(text) > 140 or (text.endswith(".") and len(text.split()) > 8):
            section = None  # prose ends a table
            continue
        if annual:
            continue
        cells = text.split(CELL_SEP) if line.is_row else None
        label, rest = _row_label(text, cells)
        if label is None:
            continue
        clean = re.sub(r"[\d*]+$", "", label).strip()
        if _REVENUE_LABEL_RE.match(clean):
            name = "total_revenue_usd" if section is None and clean.lower().startswith("total") else section
            if name is None and section is None and clean.lower().startswith("total"):
                name = "total_revenue_usd"
        elif re.search(r"\brevenues?\b", clean, re.I) and not re.search(r"\bper\b", clean, re.I):
            name = _segment_of_label(clean) if not _PREFIX_BLOCKERS.search(clean) else None
        else:
            continue
        if name is None:
            continue
        amounts = [q for q in find_money(rest) if not q.negative]
        if not amounts:
            continue
        column = _column_index(header, p)
        if column is None or column >= len(amounts):
            continue
        q = amounts[column]
        value = q.value
        if not re.search(r"[A-Za-z]\s*$", q.text.replace(")", "")):  # no unit word: needs a table scale
            if scale is None:
                continue
            value = q.value * scale
        hits.add(name, value, text[:200], section_text if name == section else None)


def _row_label(text: str, cells: list[str] | None) -> tuple[str | None, str]:
    if cells:
        return cells[0].strip(), CELL_SEP.join(cells[1:])
    m = re.match(r"^([A-Za-z][A-Za-z &/()'-]*?[A-Za-z)*\d]?)\s+(?=[($]|US\$)", text)
    if not m:
        return None, ""
    return m.group(1), text[m.end():]


def _is_plain_table_row(text: str) -> bool:
    """A newswire table row flattened to one line: a label, then only figures ("Revenue $76.7m $83.6m")."""
    label, rest = _row_label(text, None)
    if label is None or text.rstrip().endswith("."):
        return False
    leftover = rest
    for q in reversed(find_money(rest)):
        leftover = leftover[:q.start] + leftover[q.end:]
    return re.fullmatch(r"[\s*%\d.,()x-]*", leftover) is not None


def _scan_revenue_prose(doc: Document, hits: _Hits) -> None:
    annual = False
    last_line = -1
    for sentence in head_sentences(doc) + doc.sentences:
        if sentence.is_table_row:
            continue
        if sentence.line_no != last_line:
            line = doc.lines[sentence.line_no]
            if _is_heading(line):
                if _HEADING_ANNUAL_RE.search(line) and not _HEADING_PERIOD_RE.search(line):
                    annual = True
                elif _HEADING_PERIOD_RE.search(line):
                    annual = False
            last_line = sentence.line_no
        if annual or _OTHER_PERIOD_RE.search(sentence.text) or _FORWARD_RE.search(sentence.text):
            continue
        if _is_plain_table_row(sentence.text):
            continue  # "Revenue $76.7m $83.6m": read by the table scan, with its section
        pos = 0
        for part in _MIX_CLAUSE_SPLIT_RE.split(sentence.text):
            idx = sentence.text.find(part, pos)
            pos = idx + len(part)
            for m in _REVENUE_WORD_RE.finditer(part):
                segment = _prose_segment(part[:m.start()], part[m.end():])
                if segment is None:
                    continue
                q = _current_amount(part[m.end():])
                if q is None:
                    continue
                hits.add(segment, q.value, _snippet(part, m.start(), m.end() + q.end))
                break
            if _REVENUE_WORD_RE.search(sentence.text):
                _share_of_revenue(part, hits)


# "Total revenue was $22.6 million, of which digital currency mining accounted for $20.8 million"
_SHARE_RE = re.compile(
    r"\b(?:of which|with)\s+(?P<label>[A-Za-z][\w\s/-]{2,50}?)\s+"
    r"(?:accounted for|accounting for|contributed|contributing|represented|representing|was|were)\s+",
    re.IGNORECASE,
)


def _share_of_revenue(part: str, hits: _Hits) -> None:
    for m in _SHARE_RE.finditer(part):
        segment = _segment_of_label(m.group("label"))
        if segment in (None, "total_revenue_usd") or _PREFIX_BLOCKERS.search(m.group("label")):
            continue
        amounts = [q for q in find_money(part[m.end():]) if not q.negative and q.start <= 20]
        if amounts:
            q = amounts[0]
            hits.add(segment, q.value, _snippet(part, m.start(), m.end() + q.end))


# --- capacity ------------------------------------------------------------------------------
_CONSTRUCTION_RE = re.compile(r"under construction|being built|in construction|construction (?:is )?underway", re.I)
_CAP_HPC_RE = re.compile(
    r"\bHPC\b|\bAI\b|AI/HPC|high[- ]performance|\bGPU|AI cloud|liquid[- ]cooled|data cent(?:er|re)s? for AI", re.I
)
_CAP_HOSTING_RE = re.compile(r"\bhost(?:ing|ed)\b|third[- ]party miners|customers' miners", re.I)
_CAP_MINING_RE = re.compile(r"self[- ]mining|proprietary mining|own mining|bitcoin mining|mining operations|for mining", re.I)
_CAP_ENERGIZED_RE = re.compile(r"energi[sz]ed|operational|operating|\bonline\b|in operation|\blive\b|in service", re.I)
_CAP_FUTURE_RE = re.compile(
    r"pipeline|planned|\bplan\b|\bexpect|\btarget|by (?:the )?end of|secured|approved|interconnect|development|"
    r"potential|option|future|\bwill\b|\bcontract|\blease|\btenant|schedul|on track|\bto be energi|for energi",
    re.I,
)
_AS_OF_RE = re.compile(r"\b[Aa]s (?:of|at)\s+(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},\s+20\d\d)")


def parse_capacity_mix(content: bytes | str, *, ticker: str | None = None, period: str | None = None,
                       fiscal_year_end: str | None = None) -> list[CapacityMixRecord]:
    """Energized, under-construction and per-use MW the release states, one record per date.

    A sentence "as of <date>" dates its figures; the others belong to the end of the reporting period.
    Returns [] when the release states no such capacity; raises `ParseError` when it cannot be read or
    has undated capacity figures and names no period.
    """
    doc = read_document(content)
    per_date: dict[date, _Hits] = {}
    p: _Period | None = None
    for sentence in doc.sentences:
        if sentence.is_table_row or _OTHER_PERIOD_RE.search(sentence.text) or not find_power_mw(sentence.text):
            continue
        as_of = _AS_OF_RE.search(sentence.text)
        as_of_date = next((d.value for d in find_dates(as_of.group("date")) if d.precision == "day"), None) if as_of else None
        parent: tuple[str, ...] = ()
        for joiner, clause in _capacity_clauses(sentence.text):
            names = _capacity_fields(clause)
            if _PART_OF_RE.match(joiner) and "under_construction_mw" in parent and "under_construction_mw" not in names:
                # "182 MW under construction, of which 132 MW is AI/HPC capacity": the part is still
                # under construction, and only its AI/HPC share is a figure of its own.
                names = ("hpc_under_construction_mw",) if _CAP_HPC_RE.search(clause) else ()
            else:
                parent = names
            for q in find_power_mw(clause) if names else ():
                if as_of_date is None and p is None:
                    p = _period(doc, period, fiscal_year_end)
                key = as_of_date or p.end
                for name in names:
                    per_date.setdefault(key, _Hits({})).add(name, q.value, _snippet(clause, q.start, q.end))
    if not per_date:
        return []
    if p is None:
        try:
            p = _period(doc, period, fiscal_year_end)
        except ParseError:
            p = None  # every figure is dated "as of": the period is not needed
    t, t_ev = _ticker(doc, ticker)
    out = []
    for key in sorted(per_date):
        evidence: dict[str, str] = {}
        reasons: dict[str, str] = {}
        if t_ev:
            evidence["ticker"] = t_ev
        else:
            reasons["ticker"] = "no exchange tag such as '(NASDAQ: XXXX)' in the release and no ticker given"
        if p is not None and key == p.end:
            kind = p.kind
            evidence["period_end"] = p.evidence
        else:
            kind = "as_of"
            evidence["period_end"] = f"as of {key.isoformat()}"
        values = _resolve(per_date[key], _CAPACITY_FIELDS, evidence, reasons, "not stated at this date")
        out.append(CapacityMixRecord(ticker=t, period_end=key, period_type=kind, **values,
                                     evidence=evidence, null_reasons=reasons))
    return out


_CAPACITY_SPLIT_RE = re.compile(
    r"(;|,\s+(?:of which|and|while|with|including)\s+|\s+and\s+(?=(?:approximately\s+|about\s+)?\d[\d,.]*\s?(?:MW|GW)))"
)
_PART_OF_RE = re.compile(r",\s+(?:of which|including)\s+")


def _capacity_clauses(text: str) -> list[tuple[str, str]]:
    """(the words that joined it to the clause before, clause) for each clause of a sentence."""
    parts = _CAPACITY_SPLIT_RE.split(text)
    out, joiner = [], ""
    for i, part in enumerate(parts):
        if i % 2:
            joiner = part
        elif part and part.strip():
            out.append((joiner, part))
    return out


def _capacity_fields(clause: str) -> tuple[str, ...]:
    """The field(s) a clause's MW figures go to: capacity under construction for AI/HPC counts
    both in the total under construction and in its HPC part."""
    if _CONSTRUCTION_RE.search(clause):
        if _CAP_HPC_RE.search(clause):
            return ("under_construction_mw", "hpc_under_construction_mw")
        return ("under_construction_mw",)
    if _CAP_FUTURE_RE.search(clause):
        return ()
    if _CAP_HPC_RE.search(clause):
        return ("hpc_mw",)
    if _CAP_HOSTING_RE.search(clause):
        return ("hosting_mw",)
    if _CAP_MINING_RE.search(clause):
        return ("self_mining_mw",)
    if _CAP_ENERGIZED_RE.search(clause):
        return ("energized_mw",)
    return ()
