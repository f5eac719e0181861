"""companyfacts JSON in the real shape (real MSTR sample, SOURCES.md section 1).

`{"cik": int, "entityName": str, "facts": {taxonomy: {tag: {"label", "description", "units": {unit: [rows]}}}}}`;
each row has `end` (and `start` for durations), `val`, `accn`, `fy`, `fp`, `form`, `filed`, and
`frame` on the one row per calendar period that SEC keeps after dedupe (the latest filed).

A spec gives facts either row by row (`[[fact]]` with `values = [...]`) or as a compact quarterly
`[[series]]` (`values = {"2025-09-30" = ...}`) that is expanded the way periodic reports carry
facts: each value comes from the 10-Q/10-K (or 20-F/40-F) listed for that period end; a balance at a
fiscal year end is repeated by the next fiscal year's reports as their comparative; a quarter's flow
is reported with the year-ago quarter and the year to date (a fourth quarter only inside the fiscal
year, as 10-Ks do); an amendment (10-Q/A) listed for a period re-reports every value of that period,
restated where `restated` says so. `period = "year"` is for annual-only filers (20-F/40-F: the fiscal
year and the prior year); `period = "cover"` for dei cover facts (shares outstanding), dated six days
before the report is filed.
"""
from __future__ import annotations

import json
from datetime import date, timedelta

from tools.sec_snapshot.spec import Filer, SpecError

#: Forms whose XBRL facts describe the filer's own periods.
PERIODIC_FORMS = ("10-Q", "10-K", "20-F", "40-F", "10-Q/A", "10-K/A", "20-F/A", "40-F/A")

ROW_KEYS = ("start", "end", "val", "accn", "fy", "fp", "form", "filed", "frame")


def frame_for(start: str | None, end: str) -> str | None:
    """CY2025Q3I for an instant at a quarter end, CY2025Q3 for a quarter, CY2024 for a year."""
    e = date.fromisoformat(end)
    if start is None:
        if (e.month, e.day) in ((3, 31), (6, 30), (9, 30), (12, 31)):
            return f"CY{e.year}Q{(e.month - 1) // 3 + 1}I"
        return None
    s = date.fromisoformat(start)
    days = (e - s).days + 1
    if 85 <= days <= 97:
        return f"CY{e.year}Q{(e.month - 1) // 3 + 1}"
    if 360 <= days <= 371:
        return f"CY{e.year if e.month >= 7 else e.year - 1}"
    return None


def _fiscal(filer: Filer, d: date) -> tuple[int, str, date]:
    """(fiscal year, fiscal period Q1..Q3/FY, fiscal year start) of a report date, from the filer's
    fiscal year end (MMDD): CleanSpark's 0930 makes 2025-12-31 its FY2026 Q1."""
    mmdd = str(filer.header.get("fiscal_year_end", "1231"))
    month, day = int(mmdd[:2]), int(mmdd[2:])
    fy = d.year if (d.month, d.day) <= (month, day) else d.year + 1
    fy_end = date(fy, month, day)
    start = date(fy - 1, month, day) + timedelta(days=1)
    months = (d.year - start.year) * 12 + d.month - start.month + 1
    return fy, "FY" if d == fy_end else f"Q{(months + 2) // 3}", start


def _quarter_start(end: date) -> date:
    month = end.month - 2
    year = end.year
    if month < 1:
        month += 12
        year -= 1
    return date(year, month, 1)


def _year_before(d: date) -> date:
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year - 1, day=28)


def _reports(filer: Filer, filings) -> dict[date, list]:
    """Periodic reports by report date, originals before amendments, oldest first."""
    out: dict[date, list] = {}
    for r in filings:
        if r.spec.form in PERIODIC_FORMS and r.spec.report_date is not None:
            out.setdefault(r.spec.report_date, []).append(r)
    for rs in out.values():
        rs.sort(key=lambda r: (r.spec.form.endswith("/A"), r.spec.filed, r.accession))
    return out


def _row(filer: Filer, r, end: date, val, start: date | None = None) -> dict:
    fy, fp, _ = _fiscal(filer, r.spec.report_date)
    if isinstance(val, float):  # sums of parts: no binary noise, integers as companyfacts prints them
        val = round(val, 2)
        val = int(val) if val.is_integer() else val
    row = {"end": end.isoformat(), "val": val, "accn": r.accession, "fy": fy, "fp": fp, "form": r.spec.form,
           "filed": r.spec.filed.isoformat()}
    if start is not None:
        row = {"start": start.isoformat(), **row}
    return row


def expand_series(filer: Filer, series: dict, filings) -> list[dict]:
    """The companyfacts rows of one compact `[[series]]` (see the module docstring)."""
    where = f"companyfacts {filer.ticker} {series.get('tag')}"
    reports = _reports(filer, filings)
    values = {date.fromisoformat(k): v for k, v in series["values"].items()}
    restated = {date.fromisoformat(k): v for k, v in series.get("restated", {}).items()}
    real = set(series.get("real", ()))
    rows: list[dict] = []

    def value_as_of(end: date, filed: date):
        amended = [r for r in reports.get(end, []) if r.spec.form.endswith("/A") and r.spec.filed <= filed]
        return restated.get(end, values[end]) if amended and end in restated else values[end]

    def own_reports(end: date) -> list:
        rs = reports.get(end)
        if not rs or rs[0].spec.form.endswith("/A"):
            raise SpecError(f"{where}: no 10-Q/10-K (or 20-F/40-F) listed for period end {end}")
        return rs

    kind = series.get("period", "instant")
    if kind not in ("instant", "quarter", "year", "cover"):
        raise SpecError(f"{where}: period {kind!r} is not instant, quarter, year or cover")
    if kind == "cover":
        # dei cover facts (shares outstanding) are dated the latest practicable day before filing
        for end in sorted(values):
            r = own_reports(end)[0]
            rows.append({**_row(filer, r, r.spec.filed - timedelta(days=6), values[end]), "real": end.isoformat() in real})
        return rows
    if kind == "year":
        # an annual-only filer (20-F/40-F): the fiscal year, and the prior year as comparative
        for end in sorted(values):
            _, _, fy_start = _fiscal(filer, end)
            for r in own_reports(end):
                rows.append({**_row(filer, r, end, value_as_of(end, r.spec.filed), fy_start),
                             "real": end.isoformat() in real})
                prior = _year_before(end)
                if prior in values:
                    rows.append({**_row(filer, r, prior, value_as_of(prior, r.spec.filed), _fiscal(filer, prior)[2]),
                                 "real": False})
        return rows
    if kind == "instant":
        for end in sorted(values):
            for r in own_reports(end):
                rows.append({**_row(filer, r, end, value_as_of(end, r.spec.filed)), "real": end.isoformat() in real})
            _, fp, _ = _fiscal(filer, end)
            if fp != "FY":
                continue
            # the next fiscal year's reports show this year-end balance as their comparative
            for later, rs in sorted(reports.items()):
                if end < later <= end + timedelta(days=366):
                    for r in rs:
                        rows.append({**_row(filer, r, end, value_as_of(end, r.spec.filed)), "real": False})
        return rows

    def quarter_rows(end: date, r) -> list[dict]:
        """What the report for `end` says about the quarter ending `end` (or the fiscal year)."""
        _, fp, fy_start = _fiscal(filer, end)
        out = []
        quarter_ends = []
        q = end
        while q >= fy_start:
            quarter_ends.append(q)
            q = _quarter_start(q) - timedelta(days=1)
        known = all(q in values for q in quarter_ends)
        if fp != "FY":
            out.append(_row(filer, r, end, value_as_of(end, r.spec.filed), _quarter_start(end)))
        if known and len(quarter_ends) > 1:
            total = sum(value_as_of(q, r.spec.filed) for q in quarter_ends)
            out.append(_row(filer, r, end, total, fy_start))
        return out

    for end in sorted(values):
        for r in own_reports(end):
            for row in quarter_rows(end, r):
                rows.append({**row, "real": end.isoformat() in real and row.get("start") == _quarter_start(end).isoformat()})
            prior = _year_before(end)
            if prior in values:  # the year-ago comparatives, as the same report shows them
                for row in quarter_rows(prior, r):
                    rows.append({**row, "real": False})
    return rows


def companyfacts_json(filer: Filer, doc: dict, listed_accessions: set[str], filings=()) -> str:
    facts: dict[str, dict] = {}
    compact = [{**series, "values": expand_series(filer, series, filings)} for series in doc.get("series", [])]
    for fact in doc.get("fact", []) + compact:
        taxonomy, tag, unit = fact["taxonomy"], fact["tag"], fact.get("unit", "USD")
        rows = []
        for raw in fact["values"]:
            row = {k: raw[k] for k in ("start", "end", "val", "accn", "fy", "fp", "form", "filed") if k in raw}
            if row["accn"] not in listed_accessions:
                raise SpecError(f"companyfacts {filer.ticker} {tag}: accn {row['accn']} is not a listed filing")
            rows.append(row)
        # frame: one row per period, the latest filed
        latest: dict[tuple, dict] = {}
        for row in rows:
            key = (row.get("start"), row["end"])
            if key not in latest or row["filed"] >= latest[key]["filed"]:
                latest[key] = row
        for key, row in latest.items():
            frame = frame_for(*key)
            if frame:
                row["frame"] = frame
        rows.sort(key=lambda r: (r["end"], r.get("start") or "", r["filed"], r["accn"]))
        ordered = [{k: r[k] for k in ROW_KEYS if k in r} for r in rows]
        entry = facts.setdefault(taxonomy, {}).setdefault(tag, {"label": fact["label"],
                                                                 "description": fact["description"], "units": {}})
        entry["units"].setdefault(unit, []).extend(ordered)
    out = {"cik": filer.cik, "entityName": doc.get("entity_name", filer.name.upper()),
           "facts": {ns: dict(sorted(tags.items())) for ns, tags in sorted(facts.items())}}
    return json.dumps(out, separators=(",", ":"))
