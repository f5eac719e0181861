"""SEC companyfacts JSON -> typed XBRL facts, and the pick of one value per period end for a canonical metric.

companyfacts (`data.sec.gov/api/xbrl/companyfacts/CIK##########.json`) holds, per taxonomy and tag, one list
of rows per unit key: `{"end", "val", "accn", "fy", "fp", "form", "filed"}` plus `start` for durations and
`frame` on the row SEC chose for a calendar period. The same value reappears in every later filing that
repeats it as a comparative, and an amendment (10-Q/A) restates it: every row is kept as a version of the
fact; only exact duplicate rows are dropped.
"""
from __future__ import annotations

import json
import math
from collections import defaultdict
from datetime import date
from typing import Any, Iterable, NamedTuple

from pydantic import BaseModel, ConfigDict

from transforms.errors import ParseError
from transforms.xbrl_metrics import (
    BTC_UNIT_KEYS, CANONICAL_METRICS, PERIODIC_FORMS, candidate_parts, metric_tags,
)

PARSER_VERSION = "xbrl-1"

#: Durations (days) that count as a fiscal quarter, nine months and a year (52/53-week years included).
QUARTER_DAYS = (80, 100)
NINE_MONTH_DAYS = (260, 285)
YEAR_DAYS = (350, 380)


class XbrlFact(BaseModel):
    """One row of companyfacts: a value of a tag for a period, as one filing reported it."""

    model_config = ConfigDict(frozen=True)

    cik: int
    entity_name: str
    taxonomy: str
    tag: str
    unit: str
    period_start: date | None
    period_end: date
    value: float
    accession: str
    form: str | None
    fiscal_year: int | None
    fiscal_period: str | None
    filed: date
    frame: str | None


class QuarterEndValue(NamedTuple):
    """The value chosen for one period end, the tag(s) it came from, and the filing that reported it."""

    value: float
    tag: str          # "us-gaap:LongTermDebt", or "us-gaap:LongTermDebtNoncurrent+us-gaap:LongTermDebtCurrent"
    accession: str
    filed: date


def _date(v: Any) -> date | None:
    if not isinstance(v, str):
        return None
    try:
        return date.fromisoformat(v[:10])
    except ValueError:
        return None


def _number(v: Any) -> float | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        f = float(v)
    elif isinstance(v, str):
        try:
            f = float(v)
        except ValueError:
            return None
    else:
        return None
    return f if math.isfinite(f) else None


def _selection(tags: Iterable[str] | None):
    """A predicate over (taxonomy, tag) from 'Tag' / 'taxonomy:Tag' names; None = the canonical map's tags."""
    if tags is None:
        wanted = metric_tags()
        return lambda ns, tag: (ns, tag) in wanted
    names = list(tags)
    if "*" in names:
        return lambda ns, tag: True
    qualified = {tuple(n.split(":", 1)) for n in names if ":" in n}
    bare = {n for n in names if ":" not in n}
    return lambda ns, tag: tag in bare or (ns, tag) in qualified


def parse_companyfacts(body: bytes | str, *, tags: Iterable[str] | None = None) -> list[XbrlFact]:
    """Every fact of the tags of interest, in every unit, every version (amendments included).

    `tags`: names like "LongTermDebt" (any taxonomy) or "ifrs-full:Borrowings"; "*" for all; None for every
    tag of the canonical metric map. Rows lacking end, val, accn or filed carry no usable fact and are
    skipped; exact duplicate rows are kept once. Raises ParseError on malformed JSON or missing `facts`.
    """
    try:
        doc = json.loads(body)
    except (ValueError, UnicodeDecodeError, TypeError) as exc:
        raise ParseError(f"companyfacts: malformed JSON: {exc}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("facts"), dict):
        raise ParseError("companyfacts: no `facts` object")
    try:
        cik = int(doc.get("cik"))
    except (TypeError, ValueError):
        raise ParseError(f"companyfacts: missing or non-numeric `cik`: {doc.get('cik')!r}") from None
    entity = str(doc.get("entityName") or "")
    wanted = _selection(tags)

    seen: set[tuple] = set()
    out: list[XbrlFact] = []
    for taxonomy, by_tag in doc["facts"].items():
        if not isinstance(by_tag, dict):
            raise ParseError(f"companyfacts: facts[{taxonomy!r}] is not an object")
        for tag, fact in by_tag.items():
            if not wanted(taxonomy, tag) or not isinstance(fact, dict):
                continue
            units = fact.get("units")
            if not isinstance(units, dict):
                continue
            for unit, rows in units.items():
                if not isinstance(rows, list):
                    continue
                for row in rows:
                    if not isinstance(row, dict):
                        continue
                    end, filed, value = _date(row.get("end")), _date(row.get("filed")), _number(row.get("val"))
                    accn = row.get("accn")
                    if end is None or filed is None or value is None or not isinstance(accn, str) or not accn:
                        continue
                    fy = row.get("fy")
                    key = (taxonomy, tag, unit, row.get("start"), row.get("end"), value, accn, row.get("form"),
                           fy, row.get("fp"), row.get("filed"), row.get("frame"))
                    if key in seen:
                        continue
                    seen.add(key)
                    out.append(XbrlFact(
                        cik=cik, entity_name=entity, taxonomy=taxonomy, tag=tag, unit=unit,
                        period_start=_date(row.get("start")), period_end=end, value=value, accession=accn,
                        form=row.get("form") if isinstance(row.get("form"), str) else None,
                        fiscal_year=fy if isinstance(fy, int) and not isinstance(fy, bool) else None,
                        fiscal_period=row.get("fp") if isinstance(row.get("fp"), str) else None,
                        filed=filed,
                        frame=row.get("frame") if isinstance(row.get("frame"), str) else None,
                    ))
    out.sort(key=lambda f: (f.taxonomy, f.tag, f.unit, f.period_end, f.period_start or date.min, f.filed, f.accession))
    return out


# --- one value per period end ------------------------------------------------------------------------

def _version_key(f: XbrlFact):
    """Later filing wins; on the same day an amendment wins over the original."""
    return (f.filed, (f.form or "").endswith("/A"), f.accession)


def _days(f: XbrlFact) -> int | None:
    return (f.period_end - f.period_start).days if f.period_start else None


def _within(days: int | None, bounds: tuple[int, int]) -> bool:
    return days is not None and bounds[0] <= days <= bounds[1]


def _unit_ok(spec_unit: str, unit: str | None):
    if unit is not None:
        return lambda u: u == unit
    if spec_unit == "btc":
        keys = {k.lower() for k in BTC_UNIT_KEYS}
        return lambda u: u.lower() in keys or u.lower().split(":")[-1] in keys
    return lambda u: u == "USD"


def quarter_end_values(facts: Iterable[XbrlFact], metric: str, *, unit: str | None = None) -> dict[date, QuarterEndValue]:
    """Per period end, the metric's value from the best candidate tag and the latest filed version.

    The candidates are tried in the canonical map's order (us-gaap, then ifrs-full) for each period end:
    the first one the company reported for that date wins, and within it the latest filing (an amendment
    restating a value replaces it). A sum candidate (current + noncurrent) is used only when no earlier
    candidate is reported for that date, and adds only parts reported by the same filing. For flow
    metrics (revenue, interest expense) the value is the fiscal quarter's; a fourth quarter reported only
    for the full year is derived as the year minus the nine months and flagged in the tag.
    `unit`: the unit key to read (default USD for money, the bitcoin unit keys for btc_units).
    """
    if metric not in CANONICAL_METRICS:
        raise ValueError(f"unknown metric {metric!r}; known: {sorted(CANONICAL_METRICS)}")
    spec = CANONICAL_METRICS[metric]
    facts = list(facts)
    ciks = {f.cik for f in facts}
    if len(ciks) > 1:
        raise ValueError(f"facts of several companies ({sorted(ciks)}): pass one company's facts")
    unit_ok = _unit_ok(spec["unit"], unit)
    instant = spec["period"] == "instant"
    wanted = {(ns, t) for ns, cands in spec["candidates"].items() for c in cands for t in candidate_parts(c)}

    by_tag: dict[tuple[str, str], list[XbrlFact]] = defaultdict(list)
    for f in facts:
        if (f.taxonomy, f.tag) not in wanted or not unit_ok(f.unit):
            continue
        if f.form is not None and f.form not in PERIODIC_FORMS:
            continue
        if instant != (f.period_start is None):
            continue
        by_tag[(f.taxonomy, f.tag)].append(f)

    if instant:
        ends = sorted({f.period_end for fs in by_tag.values() for f in fs})
    else:
        ends = sorted({f.period_end for fs in by_tag.values() for f in fs
                       if _within(_days(f), QUARTER_DAYS) or _within(_days(f), YEAR_DAYS)})

    out: dict[date, QuarterEndValue] = {}
    for end in ends:
        for taxonomy, candidates in spec["candidates"].items():
            for cand in candidates:
                picked = _pick(by_tag, taxonomy, cand, end, instant)
                if picked is not None:
                    out[end] = picked
                    break
            if end in out:
                break
    return out


def _at(by_tag, taxonomy: str, tag: str, end: date, instant: bool) -> list[XbrlFact]:
    fs = [f for f in by_tag.get((taxonomy, tag), ()) if f.period_end == end]
    return fs if instant else [f for f in fs if _within(_days(f), QUARTER_DAYS)]


def _pick(by_tag, taxonomy: str, cand: dict, end: date, instant: bool) -> QuarterEndValue | None:
    parts = candidate_parts(cand)
    if "tags" in cand:
        tag = parts[0]
        versions = _at(by_tag, taxonomy, tag, end, instant)
        if versions:
            f = max(versions, key=_version_key)
            return QuarterEndValue(f.value, f"{taxonomy}:{tag}", f.accession, f.filed)
        if not instant:
            return _fourth_quarter(by_tag, taxonomy, tag, end)
        return None
    # a sum of parts, all from one filing
    per_part = {p: _at(by_tag, taxonomy, p, end, instant) for p in parts}
    if cand.get("require", "first") == "first":
        if not per_part[parts[0]]:
            return None
        anchor = max(per_part[parts[0]], key=_version_key)
    else:
        reported = [f for fs in per_part.values() for f in fs]
        if not reported:
            return None
        anchor = max(reported, key=_version_key)
    total, used = 0.0, []
    for p in parts:
        same_filing = [f for f in per_part[p] if f.accession == anchor.accession]
        if same_filing:
            f = max(same_filing, key=_version_key)
            total += f.value
            used.append(f"{taxonomy}:{p}")
    return QuarterEndValue(total, "+".join(used), anchor.accession, anchor.filed)


def _fourth_quarter(by_tag, taxonomy: str, tag: str, end: date) -> QuarterEndValue | None:
    """Q4 of a flow reported only for the year: the year's value minus the nine months to Q3 (same start)."""
    fs = [f for f in by_tag.get((taxonomy, tag), ())]
    years = [f for f in fs if f.period_end == end and _within(_days(f), YEAR_DAYS)]
    if not years:
        return None
    year = max(years, key=_version_key)
    nines = [f for f in fs if f.period_start == year.period_start and _within(_days(f), NINE_MONTH_DAYS)]
    if not nines:
        return None
    nine = max(nines, key=_version_key)
    return QuarterEndValue(year.value - nine.value, f"{taxonomy}:{tag} (12 months - 9 months)", year.accession,
                           max(year.filed, nine.filed))
