"""Build the SEC part of the offline snapshot from the spec: every file, in memory, then written.

Output (paths served as-is by extractors/snapshot_server.py):
    sec-data/submissions/CIK##########.json            (+ CIK##########-submissions-001.json)
    sec-data/api/xbrl/companyfacts/CIK##########.json
    sec-www/Archives/edgar/data/{cik}/{acc_nodash}/    {acc}-index.htm, {acc}-index.html,
                                                       {acc}-index-headers.html, index.json,
                                                       the 8-K/6-K cover, the EX-99.1 exhibit
    sec-README.md                                      what is real and what is made up
Deterministic: no clock, no randomness beyond hashes of the spec.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tools.sec_snapshot import agents as agents_mod
from tools.sec_snapshot import companyfacts as facts_mod
from tools.sec_snapshot import edgar_pages as pages
from tools.sec_snapshot import readme as readme_mod
from tools.sec_snapshot.layouts import LayoutContext, render
from tools.sec_snapshot.markup import markup_for
from tools.sec_snapshot.spec import FilingSpec, Spec, SpecError, load_spec, stable_int

GENERATED_DIRS = ("sec-data", "sec-www")
README_NAME = "sec-README.md"


@dataclass
class BuildResult:
    files: dict[str, bytes]          # relative path -> bytes
    resolved: list[pages.ResolvedFiling]
    spec: Spec


def _accession(spec: FilingSpec, filer, used: set[str], self_counters: dict) -> str:
    if spec.accession:
        if spec.accession in used:
            raise SpecError(f"{spec.ticker} {spec.filed}: accession {spec.accession} used twice")
        return spec.accession
    ag = agents_mod.agent(spec.agent)
    yy = spec.filed.strftime("%y")
    if ag.prefix is None:  # self-filed: the filer's own CIK and a per-year counter
        key = (filer.cik, yy)
        self_counters[key] = self_counters.get(key, stable_int(filer.ticker, yy, modulo=5)) + 1
        seq = self_counters[key]
        prefix = filer.cik10
    else:
        seq = agents_mod.derived_sequence(spec, ag.per_day)
        prefix = ag.prefix
    while True:
        acc = f"{prefix}-{yy}-{seq:06d}"
        if acc not in used:
            return acc
        seq += 1


def _listing_document(spec: FilingSpec, slug: str) -> str:
    if spec.primary_document:
        return spec.primary_document
    when = (spec.report_date or spec.filed).strftime("%Y%m%d")
    form = spec.form.lower().replace("-", "").replace("/", "")
    if spec.form in ("3", "4", "5"):
        return "xslF345X05/wk-form4_" + f"{stable_int(spec.ticker, spec.filed, spec.index, modulo=10**10):010d}.xml"
    return f"{slug}-{when}x{form}.htm"


def _xbrl_sidecars(r: pages.ResolvedFiling, slug: str, start_seq: int) -> list[pages.IndexDoc]:
    ymd = r.report_date.strftime("%Y%m%d")
    size = lambda name, lo, hi: lo + stable_int(r.accession, name, modulo=hi - lo)  # noqa: E731
    docs = [
        pages.IndexDoc(start_seq, "XBRL TAXONOMY EXTENSION SCHEMA", f"{slug}-{ymd}.xsd", "EX-101.SCH",
                       size("sch", 2400, 4200), data_file=True),
        pages.IndexDoc(start_seq + 1, "XBRL TAXONOMY EXTENSION LABEL LINKBASE", f"{slug}-{ymd}_lab.xml", "EX-101.LAB",
                       size("lab", 18000, 26000), data_file=True),
        pages.IndexDoc(start_seq + 2, "XBRL TAXONOMY EXTENSION PRESENTATION LINKBASE", f"{slug}-{ymd}_pre.xml",
                       "EX-101.PRE", size("pre", 9000, 14000), data_file=True),
        pages.IndexDoc(start_seq + 3, "EXTRACTED XBRL INSTANCE DOCUMENT",
                       r.primary_document.rsplit(".", 1)[0] + "_htm.xml", "XML", size("xml", 3000, 5200),
                       data_file=True),
    ]
    return docs


def resolve(spec: Spec) -> list[pages.ResolvedFiling]:
    """Derive accessions, names and every document body for each spec filing."""
    used: set[str] = set()
    self_counters: dict = {}
    out = []
    ordered = sorted(spec.filings, key=lambda f: (f.ticker, f.filed, f.accepted, f.index))
    for fs in ordered:
        filer = spec.filers[fs.ticker]
        slug = filer.header.get("slug", fs.ticker.lower())
        accession = _accession(fs, filer, used, self_counters)
        used.add(accession)
        film = agents_mod.film_number(fs)
        if not fs.has_documents:
            primary = _listing_document(fs, slug)
            r = pages.ResolvedFiling(fs, filer, accession, film, primary, None)
            r.documents = [pages.IndexDoc(1, fs.form, primary.rsplit("/", 1)[-1], fs.form,
                                          20000 + stable_int(accession, modulo=900000),
                                          ixbrl=fs.form in ("10-Q", "10-K", "10-Q/A", "10-K/A"))]
            out.append(r)
            continue
        ag = agents_mod.agent(fs.agent)
        names = ag.names(fs, slug)
        primary = fs.primary_document or names.primary
        ctx = LayoutContext(fs, filer, spec.panel(fs.ticker))
        rendered = render(fs.layout, ctx)
        exhibit = (fs.exhibit_document or names.exhibit) if rendered.exhibit else None
        r = pages.ResolvedFiling(fs, filer, accession, film, primary, exhibit, facts=rendered.facts)
        docs: list[pages.IndexDoc] = []
        is_8k = fs.form.startswith("8-K")
        cover = pages.cover_8k(r, rendered.headline) if is_8k else pages.cover_6k(r, rendered.headline)
        cover_bytes = cover.encode("ascii")
        docs.append(pages.IndexDoc(1, ag.primary_description(fs), primary, fs.form, len(cover_bytes), cover_bytes,
                                   ixbrl=is_8k))
        seq = 2
        if exhibit:
            markup = markup_for(ag.markup, **({"logo": exhibit.rsplit(".", 1)[0] + "_001.jpg"}
                                              if ag.markup == "edgaragents" else {}))
            body = markup.document(rendered.blocks).encode("ascii")
            docs.append(pages.IndexDoc(2, fs.exhibit_description or ag.exhibit_description(fs), exhibit, "EX-99.1",
                                       len(body), body))
            seq = 3
            if ag.markup == "edgaragents":
                docs.append(pages.IndexDoc(3, "", exhibit.rsplit(".", 1)[0] + "_001.jpg", "GRAPHIC",
                                           8000 + stable_int(accession, "logo", modulo=9000)))
                seq = 4
        r.documents = docs
        if is_8k:
            r.documents += _xbrl_sidecars(r, slug, seq)
        out.append(r)
    return out


def _write_filing(files: dict[str, bytes], r: pages.ResolvedFiling) -> None:
    folder = f"sec-www{r.folder}"
    index_htm = pages.filing_index_htm(r).encode("ascii")
    files[f"{folder}/{r.accession}-index.htm"] = index_htm
    files[f"{folder}/{r.accession}-index.html"] = index_htm  # EDGAR serves the page under both names
    files[f"{folder}/{r.accession}-index-headers.html"] = pages.filing_index_headers(r).encode("ascii")
    files[f"{folder}/index.json"] = pages.index_json(r).encode("ascii")
    for d in r.documents:
        if d.body is not None:
            files[f"{folder}/{d.filename}"] = d.body


def build(spec_dir: Path) -> BuildResult:
    """Every snapshot file as bytes, keyed by its path relative to the snapshot folder."""
    spec = load_spec(spec_dir)
    resolved = resolve(spec)
    files: dict[str, bytes] = {}
    by_ticker: dict[str, list[pages.ResolvedFiling]] = {}
    for r in resolved:
        by_ticker.setdefault(r.spec.ticker, []).append(r)
        if r.spec.has_documents:
            _write_filing(files, r)
    for ticker, filer in spec.filers.items():
        rows = sorted(by_ticker.get(ticker, []), key=lambda r: (r.spec.filed, r.accepted_local, r.accession),
                      reverse=True)
        cut = filer.older_page_before
        recent = [r for r in rows if cut is None or r.spec.filed >= cut]
        older = [r for r in rows if cut is not None and r.spec.filed < cut]
        main, page = pages.submissions_json(filer, recent, older)
        files[f"sec-data/submissions/CIK{filer.cik10}.json"] = main.encode("ascii")
        if page is not None:
            files[f"sec-data/submissions/CIK{filer.cik10}-submissions-001.json"] = page.encode("ascii")
    for ticker, doc in spec.companyfacts.items():
        filer = spec.filers[ticker]
        listed = {r.accession for r in by_ticker.get(ticker, [])}
        body = facts_mod.companyfacts_json(filer, doc, listed, by_ticker.get(ticker, []))
        files[f"sec-data/api/xbrl/companyfacts/CIK{filer.cik10}.json"] = body.encode("ascii")
    files[README_NAME] = readme_mod.render_readme(spec, resolved).encode("utf-8")
    return BuildResult(files, resolved, spec)


def write(result: BuildResult, out_dir: Path) -> int:
    """Replace the generated folders under `out_dir` with `result` (routes.json and the network
    snapshot are never touched). Returns the number of files written."""
    out_dir = Path(out_dir)
    for name in GENERATED_DIRS:
        target = out_dir / name
        if target.exists():
            for path in sorted(target.rglob("*"), reverse=True):
                path.unlink() if path.is_file() else path.rmdir()
            target.rmdir()
    for rel, body in sorted(result.files.items()):
        path = out_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body)
    return len(result.files)


def summary(result: BuildResult) -> dict:
    kinds: dict[str, int] = {}
    for r in result.resolved:
        kinds[r.spec.kind] = kinds.get(r.spec.kind, 0) + 1
    return {"files": len(result.files), "filings": len(result.resolved), "kinds": dict(sorted(kinds.items())),
            "bytes": sum(len(b) for b in result.files.values())}


def dump_json(obj) -> str:
    return json.dumps(obj, indent=1, sort_keys=True, default=lambda o: o.isoformat() if isinstance(o, date) else str(o))
