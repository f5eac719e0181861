"""The SEC snapshot spec: filers, period panels, filings and companyfacts, read from TOML files.

Layout of the spec folder (tools/sec_snapshot_spec/):
    filers.toml            one table per ticker: submissions header fields, filing agent, older-page cut
    panels/<TICKER>[.<topic>].toml  [periods."YYYY-MM" | "YYYY-Qn"] figures per period, with `real = [...]`
                           naming the keys that are real (figures.csv) and `source` saying where they come
                           from; a topic file adds keys to the periods of the main file
    filings/<TICKER>[.<topic>].toml  [[filing]] one per filing: kind, layout, dates, form, items, headline, terms
    companyfacts/<TICKER>.toml  facts in the companyfacts shape (one [[fact]] per concept)

Everything the generator writes is decided here or derived deterministically from it.
"""
from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

KINDS = ("production", "debt", "hpc", "results", "other", "listing")
#: Default 8-K items per kind (6-K filings have none).
DEFAULT_ITEMS = {
    "production": "7.01,9.01",
    "results": "2.02,9.01",
    "debt": "8.01,9.01",
    "hpc": "1.01,7.01,9.01",
    "other": "8.01,9.01",
}


class SpecError(ValueError):
    """The spec is inconsistent; the message names the file and the filing."""


@dataclass
class Filer:
    ticker: str
    cik: int
    name: str                # conformed name as SEC shows it
    agent: str               # default filing agent (see agents.py)
    header: dict[str, Any]   # submissions header fields (sic, addresses, ...)
    older_page_before: date | None = None  # filings filed before this go to CIK...-submissions-001.json

    @property
    def cik10(self) -> str:
        return f"{self.cik:010d}"


@dataclass
class Period:
    key: str                      # "2025-12" or "2026-Q1"
    values: dict[str, Any]
    real: tuple[str, ...] = ()    # keys whose values are real published figures
    source: str = ""

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


@dataclass
class FilingSpec:
    ticker: str
    kind: str
    filed: date
    accepted: str                       # "HH:MM:SS", US Eastern wall clock as SEC shows it
    form: str
    items: str                          # "7.01,9.01" ("" for 6-K and non-8-K forms)
    layout: str | None
    agent: str
    headline: str = ""
    period: str | None = None           # panel period the document reports
    report_date: date | None = None
    accession: str | None = None        # explicit (real) accession, else derived from the agent
    primary_document: str | None = None
    exhibit_document: str | None = None
    exhibit_description: str | None = None
    terms: dict[str, Any] = field(default_factory=dict)   # layout-specific content (debt terms ...)
    real: tuple[str, ...] = ()          # which facts of this filing are real (for the README)
    source: str = ""
    note: str = ""
    index: int = 0                      # position in its file, for stable ordering and messages

    @property
    def has_documents(self) -> bool:
        return self.kind != "listing"


@dataclass
class Spec:
    root: Path
    filers: dict[str, Filer]
    panels: dict[str, dict[str, Period]]
    filings: list[FilingSpec]
    companyfacts: dict[str, dict[str, Any]]

    def panel(self, ticker: str) -> dict[str, Period]:
        return self.panels.get(ticker, {})


def _load(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise SpecError(f"{path}: {exc}") from None


def _date(value: Any, where: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise SpecError(f"{where}: bad date {value!r}") from None


def load_spec(root: Path) -> Spec:
    root = Path(root)
    filers: dict[str, Filer] = {}
    for ticker, row in sorted(_load(root / "filers.toml").items()):
        header = dict(row)
        try:
            filers[ticker] = Filer(
                ticker=ticker, cik=int(header.pop("cik")), name=header.pop("name"), agent=header.pop("agent"),
                older_page_before=_date(header.pop("older_page_before"), f"filers.toml [{ticker}]")
                if "older_page_before" in header else None,
                header=header)
        except KeyError as exc:
            raise SpecError(f"filers.toml [{ticker}]: missing {exc}") from None

    panels: dict[str, dict[str, Period]] = {}
    # panels/<TICKER>.toml, plus optional <TICKER>.<topic>.toml (e.g. IREN.hpc.toml) whose periods add
    # keys to the same periods, so each topic's figures can be kept in a file of their own.
    for path in sorted((root / "panels").glob("*.toml"), key=lambda p: (p.stem.split(".")[0], p.stem.count("."), p.stem)):
        ticker = path.stem.split(".")[0].upper()
        doc = _load(path)
        periods = panels.setdefault(ticker, {})
        for key, values in sorted(doc.get("periods", {}).items()):
            values = dict(values)
            real = tuple(values.pop("real", ()))
            source = values.pop("source", "")
            unknown = [k for k in real if k not in values]
            if unknown:
                raise SpecError(f"{path.name} period {key}: real names keys without values: {unknown}")
            if key in periods:
                known = periods[key]
                clash = sorted(set(values) & set(known.values))
                if clash:
                    raise SpecError(f"{path.name} period {key}: keys already set in another panel file: {clash}")
                periods[key] = Period(key, {**known.values, **values}, known.real + real,
                                      "; ".join(x for x in (known.source, source) if x))
            else:
                periods[key] = Period(key, values, real, source)

    filings: list[FilingSpec] = []
    # filings/<TICKER>.toml, plus optional <TICKER>.<topic>.toml (e.g. RIOT.debt.toml) so each
    # kind of document can be kept in its own file. `index` (which derived accessions hash) is unique
    # per ticker and depends only on the file and the position in it: the main file counts from 0, a
    # topic file from a base derived from its topic name, so adding a topic file (another branch's
    # RIOT.hpc.toml) changes no other filing's accession.
    seen_index: dict[tuple[str, int], str] = {}
    for path in sorted((root / "filings").glob("*.toml")):
        ticker, _, topic = path.stem.partition(".")
        ticker = ticker.upper()
        if ticker not in filers:
            raise SpecError(f"{path.name}: no [{ticker}] in filers.toml")
        filer = filers[ticker]
        base = 1000 * (1 + stable_int(topic, modulo=997)) if topic else 0
        for i, row in enumerate(_load(path).get("filing", [])):
            where = f"{path.name} filing #{i + 1}"
            row = dict(row)
            kind = row.pop("kind", None)
            if kind not in KINDS:
                raise SpecError(f"{where}: kind {kind!r} not in {KINDS}")
            form = row.pop("form", filer.header.get("default_form", "8-K"))
            default_items = DEFAULT_ITEMS.get(kind, "") if form.startswith("8-K") else ""
            spec = FilingSpec(
                ticker=ticker, kind=kind, filed=_date(row.pop("filed"), where),
                accepted=row.pop("accepted", "08:00:00"), form=form, items=row.pop("items", default_items),
                layout=row.pop("layout", None), agent=row.pop("agent", filer.agent),
                headline=row.pop("headline", ""), period=row.pop("period", None),
                report_date=_date(row.pop("report_date"), where) if "report_date" in row else None,
                accession=row.pop("accession", None), primary_document=row.pop("primary_document", None),
                exhibit_document=row.pop("exhibit_document", None),
                exhibit_description=row.pop("exhibit_description", None),
                terms=row.pop("terms", {}), real=tuple(row.pop("real", ())), source=row.pop("source", ""),
                note=row.pop("note", ""), index=base + i)
            if (ticker, spec.index) in seen_index:
                raise SpecError(f"{where}: filing index {spec.index} clashes with {seen_index[ticker, spec.index]}")
            seen_index[ticker, spec.index] = where
            if row:
                raise SpecError(f"{where}: unknown keys {sorted(row)}")
            if spec.has_documents and not spec.layout:
                raise SpecError(f"{where}: a {kind} filing needs a layout")
            if spec.period and spec.period not in panels.get(ticker, {}) and kind == "production":
                raise SpecError(f"{where}: period {spec.period} is not in panels/{ticker}.toml")
            filings.append(spec)

    companyfacts: dict[str, dict[str, Any]] = {}
    for path in sorted((root / "companyfacts").glob("*.toml")):
        companyfacts[path.stem.split(".")[0].upper()] = _load(path)
    return Spec(root, filers, panels, filings, companyfacts)


def stable_int(*parts: Any, modulo: int) -> int:
    """A deterministic pseudo-random integer in [0, modulo) from the given parts (no global RNG)."""
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode()).digest()
    return int.from_bytes(digest[:8], "big") % modulo
