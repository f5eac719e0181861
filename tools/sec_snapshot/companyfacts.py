"""companyfacts JSON in the real shape (real MSTR sample, SOURCES.md section 1).

`{"cik": int, "entityName": str, "facts": {taxonomy: {tag: {"label", "description", "units": {unit: [rows]}}}}}`;
each row has `end` (and `start` for durations), `val`, `accn`, `fy`, `fp`, `form`, `filed`, and
`frame` on the one row per calendar period that SEC keeps after dedupe (the latest filed).
"""
from __future__ import annotations

import json
from datetime import date

from tools.sec_snapshot.spec import Filer, SpecError

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


def companyfacts_json(filer: Filer, doc: dict, listed_accessions: set[str]) -> str:
    facts: dict[str, dict] = {}
    for fact in doc.get("fact", []):
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
