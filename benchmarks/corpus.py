"""A deterministic scale corpus for the benchmarks: an offline snapshot directory in the real formats.

    python -m benchmarks.corpus --out data/bench/corpus [--miners 50] [--years 10] [--new-filings]

Why a generator and not the committed snapshot: the snapshot holds a dozen miners and a few hundred
documents, too few to see what users wait for (SEC's rate limit, parsing throughput, memory). This
writes N synthetic miners (own tickers, CIKs and names, a registry CSV for them) x Y years of monthly
production reports plus convertible-note offerings (pricing and closing releases), Form 4 listings
so each miner has more filings than SEC keeps in `recent` (1000: older ones go to paged files, as SEC
does), filing indexes, and the network part of the committed snapshot (daily since 2009).

Nothing is rendered here: the SEC documents, indexes and submissions JSON come from the SEC snapshot
generator (tools/sec_snapshot: its layouts, markup, agents and EDGAR pages), fed with a spec built in
memory from each template miner's header and panel keys. Figures come from a seeded random walk.
`corpus.json` records what a backfill cannot avoid fetching (the ground truth the benchmarks compare
the pipeline's requests with), computed from what was generated, not from the pipeline's code.

`--new-filings` adds one production report per miner (the month after the last), filed inside the
refresh window, and rewrites only the files that changed (the incremental benchmark).
"""
from __future__ import annotations

import argparse
import copy
import csv
import json
import random
import shutil
import sys
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tools.sec_snapshot import edgar_pages as pages  # noqa: E402
from tools.sec_snapshot.build import _write_filing, resolve  # noqa: E402
from tools.sec_snapshot.spec import FilingSpec, Filer, Period, Spec, load_spec, stable_int  # noqa: E402

SPEC_DIR = REPO_ROOT / "tools" / "sec_snapshot_spec"
SNAPSHOT_DIR = REPO_ROOT / "snapshot"
NETWORK_DIRS = ("mempool", "blockchain", "coinmetrics")
DEFAULT_OUT = REPO_ROOT / "data" / "bench" / "corpus"
#: SEC keeps at least this many filings in `filings.recent`; older ones are paged into `files`.
SEC_RECENT = 1000
#: The corpus's "today" (the network snapshot's as_of): the last report month is the one before.
AS_OF = "2026-04-30T00:00:00Z"
LAST_MONTH = (2026, 2)           # the last monthly report of the base corpus (filed in March 2026)
NEW_FILING_DAY = 20              # --new-filings: the next month's report, filed on this day of the month after
#: 8-K items that make a filing a press-release candidate (SOURCES.md sec. 1) - the corpus's own list.
CANDIDATE_ITEMS = {"7.01", "8.01", "2.02", "1.01", "2.03"}

#: (template ticker, its monthly layout): the real layouts the synthetic miners' reports use, so the
#: corpus exercises every monthly markup the parsers meet (tables, prose, bullets; 8-K and 6-K).
TEMPLATES = (("CIFR", "cifr_monthly"), ("RIOT", "riot_monthly"), ("CLSK", "clsk_monthly"),
             ("BTBT", "btbt_monthly"), ("HIVE", "hive_monthly"), ("BTDR", "btdr_monthly"),
             ("MARA", "mara_monthly"), ("BITF", "bitf_monthly"), ("IREN", "iren_monthly"))
#: Core figures the random walk sets (the rest of a template's keys keep its panel's values).
WALK_KEYS = ("btc_produced", "btc_held", "btc_sold", "hashrate_operating_ehs")

_SYLLABLES = ("ar", "bel", "cor", "dan", "el", "fen", "gar", "hal", "ir", "jor", "kel", "lum", "mar", "nor",
              "ost", "pel", "quin", "ros", "sol", "tor", "ul", "vel", "wen", "xan", "yor", "zel")
_SUFFIXES = ("Hash", "Digital", "Mining", "Compute", "Power", "Bitworks", "Energy", "Data")


@dataclass(frozen=True)
class Scale:
    miners: int = 50
    years: int = 10
    #: Form 4 listings per miner and year (non-candidates; they push older filings into pages).
    listings_per_year: int = 110
    #: convertible offerings per miner and year (each a pricing and a closing release).
    offerings_per_year: int = 1
    recent_limit: int = SEC_RECENT


@dataclass
class MinerPlan:
    ticker: str
    cik: int
    name: str
    template: str
    layout: str
    form: str
    filer: Filer | None = None
    filings: list[FilingSpec] = field(default_factory=list)
    panel: dict[str, Period] = field(default_factory=dict)


def _months(years: int, last: tuple[int, int]) -> list[tuple[int, int]]:
    y, m = last
    out = []
    for _ in range(12 * years):
        out.append((y, m))
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return out[::-1]


def _next_month(ym: tuple[int, int]) -> tuple[int, int]:
    return (ym[0] + 1, 1) if ym[1] == 12 else (ym[0], ym[1] + 1)


def _key(ym: tuple[int, int]) -> str:
    return f"{ym[0]:04d}-{ym[1]:02d}"


def _name(rng: random.Random, used: set[str]) -> tuple[str, str]:
    while True:
        stem = (rng.choice(_SYLLABLES) + rng.choice(_SYLLABLES)).capitalize()
        ticker = (stem[:3] + rng.choice("ABCDEFGHKLMNPRSTVWXZ")).upper()
        if ticker not in used:
            used.add(ticker)
            return ticker, f"{stem} {rng.choice(_SUFFIXES)} Inc."


def _replace_all(value, old: dict[str, str]):
    if isinstance(value, str):
        for a, b in old.items():
            if a:
                value = value.replace(a, b)
        return value
    if isinstance(value, list):
        return [_replace_all(v, old) for v in value]
    if isinstance(value, dict):
        return {k: _replace_all(v, old) for k, v in value.items()}
    return value


def _filer(template: Filer, ticker: str, cik: int, name: str) -> Filer:
    """The template's header with the new identity (its names and ticker replaced everywhere)."""
    h = copy.deepcopy(template.header)
    short = name.split(" ")[0]
    old = {template.name: name, h.get("display_name", ""): name, h.get("press_name", ""): name,
           h.get("short_name", ""): short, template.ticker: ticker}
    h = _replace_all(h, old)
    h.update(display_name=name, short_name=short, slug=ticker.lower(), former_names=[],
             ir_contact=f"ir@{ticker.lower()}.example", fiscal_year_end="1231")
    h.pop("press_name", None)
    h.pop("older_page_before", None)
    return Filer(ticker=ticker, cik=cik, name=name, agent=template.agent, header=h)


def _panel(rng: random.Random, template_panel: dict[str, Period], months: list[tuple[int, int]]) -> dict[str, Period]:
    """One period per month: the template's other keys (cycled), the core figures from a random walk
    that adds up (held = previous held + produced - sold)."""
    monthly = [p for k, p in sorted(template_panel.items()) if len(k) == 7 and k[4] == "-"]
    keys = set().union(*(p.values for p in monthly)) if monthly else set(WALK_KEYS)
    full: dict = {}  # every key a template month has, so each layout finds what it prints
    for p in monthly:
        full.update(p.values)
    prices = _monthly_prices()
    hashrate = rng.uniform(0.5, 3.0)
    held = rng.uniform(50, 800)
    out = {}
    for i, ym in enumerate(months):
        base = {**full, **(monthly[i % len(monthly)].values if monthly else {})}
        hashrate = round(max(0.2, hashrate * rng.uniform(0.97, 1.06)), 2)
        produced = round(hashrate * rng.uniform(28, 34) / (1 + i / 60), 1)
        sold = round(produced * rng.uniform(0.0, 0.9), 1) if "btc_sold" in keys else None
        held = round(held + produced - (sold or 0), 1)
        base.update(btc_produced=produced, btc_held=held, hashrate_operating_ehs=hashrate)
        if sold is not None:
            base["btc_sold"] = sold
        price = prices.get(_key(ym), 30_000.0)
        if "btc_avg_sale_price_usd" in keys:
            base["btc_avg_sale_price_usd"] = round(price)
        if "btc_sale_proceeds_usd" in keys:
            base["btc_sale_proceeds_usd"] = round((sold or 0) * price)
        if "mining_revenue_usd" in keys:
            base["mining_revenue_usd"] = round(produced * price)
        out[_key(ym)] = Period(_key(ym), base, (), "synthetic (benchmarks/corpus.py)")
    return out


_PRICES: dict[str, float] = {}


def _monthly_prices() -> dict[str, float]:
    """Average BTC/USD per month from the network snapshot (sale prices near the market's)."""
    if not _PRICES:
        doc = json.loads((SNAPSHOT_DIR / "coinmetrics/v4/timeseries/asset-metrics/btc_all.json").read_bytes())
        sums: dict[str, list[float]] = {}
        for row in doc["data"]:
            if row.get("PriceUSD"):
                sums.setdefault(row["time"][:7], []).append(float(row["PriceUSD"]))
        _PRICES.update({k: sum(v) / len(v) for k, v in sums.items()})
    return _PRICES


def _filed_on(ym: tuple[int, int], ticker: str) -> date:
    """A month's report is filed early in the next month (a weekday, from a stable hash)."""
    y, m = _next_month(ym)
    day = date(y, m, 2 + stable_int(ticker, ym, "filed", modulo=6))
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _offering_filings(rng: random.Random, plan: MinerPlan, months: list[tuple[int, int]],
                      per_year: int, start_index: int) -> list[FilingSpec]:
    out: list[FilingSpec] = []
    years = sorted({y for y, _ in months})
    idx = start_index
    for year in years:
        for k in range(per_year):
            month = 3 + (stable_int(plan.ticker, year, k, modulo=8) // max(per_year, 1)) + k * (9 // max(per_year, 1))
            month = min(month, 11)
            if (year, month) > months[-1] or (year, month) < months[0]:
                continue
            priced = date(year, month, 10 + stable_int(plan.ticker, year, k, "d", modulo=8))
            while priced.weekday() >= 5:
                priced += timedelta(days=1)
            closed = priced + timedelta(days=5)
            while closed.weekday() >= 5:
                closed += timedelta(days=1)
            principal = rng.choice((100, 150, 200, 250, 300, 400, 500)) * 1_000_000
            option = principal * 15 // 100
            coupon = rng.choice((0.0, 0.75, 1.5, 2.25, 2.75, 3.25, 4.0))
            maturity = date(year + rng.choice((4, 5, 6)), rng.choice((3, 6, 9, 12)), 1)
            price = round(rng.uniform(4, 40), 2)
            conv_price = round(price * 1.3, 2)
            rate = f"{1000 / conv_price:.4f}"
            amount = f"${principal / 1e6:,.0f} Million"
            coupon_text = f"{coupon:g}%" if coupon else "0.00%"
            terms = {"principal_usd": principal, "option_usd": option, "coupon_pct": coupon,
                     "maturity_date": maturity, "conversion_rate": rate, "conversion_price_usd": conv_price,
                     "premium_pct": 30, "reference_price_usd": price,
                     "use_of_proceeds": "to expand its mining fleet and for general corporate purposes."}
            items = "8.01,9.01" if plan.form == "8-K" else ""
            out.append(FilingSpec(
                ticker=plan.ticker, kind="debt", filed=priced, accepted="07:45:00", form=plan.form, items=items,
                layout="convertible_pricing", agent=plan.filer.agent,
                headline=f"{plan.name.split(' ')[0]} Announces Pricing of {amount} of {coupon_text} Convertible "
                         f"Senior Notes due {maturity.year}",
                terms=terms, source="synthetic", index=idx))
            closing = {"principal_usd": principal + option, "option_exercised_usd": option, "coupon_pct": coupon,
                       "maturity_date": maturity, "conversion_rate": rate, "conversion_price_usd": conv_price}
            out.append(FilingSpec(
                ticker=plan.ticker, kind="debt", filed=closed, accepted="16:20:00", form=plan.form, items=items,
                layout="notes_closing", agent=plan.filer.agent,
                headline=f"{plan.name.split(' ')[0]} Closes ${(principal + option) / 1e6:,.0f} Million Offering of "
                         f"{coupon_text} Convertible Senior Notes due {maturity.year}",
                terms=closing, source="synthetic", index=idx + 1))
            idx += 2
    return out


def _listings(plan: MinerPlan, months: list[tuple[int, int]], per_year: int, start_index: int) -> list[FilingSpec]:
    """Form 4s (insider trades): listed in submissions, never candidates, never fetched."""
    first = date(months[0][0], months[0][1], 1)
    last = _filed_on(months[-1], plan.ticker)
    span = (last - first).days
    count = per_year * len(months) // 12
    out = []
    for i in range(count):
        day = first + timedelta(days=(i * span) // max(count, 1) + 1)
        out.append(FilingSpec(ticker=plan.ticker, kind="listing", filed=day, accepted="18:30:00", form="4",
                              items="", layout=None, agent=plan.filer.agent, index=start_index + i))
    return out


def plan_corpus(scale: Scale, seed: int = 7, *, new_filings: bool = False) -> tuple[Spec, list[MinerPlan]]:
    """The in-memory spec of the whole corpus (filers, panels, filings)."""
    real = load_spec(SPEC_DIR)
    rng = random.Random(seed)
    months = _months(scale.years, LAST_MONTH)
    used: set[str] = set(real.filers)
    plans = []
    for i in range(scale.miners):
        template, layout_name = TEMPLATES[i % len(TEMPLATES)]
        ticker, name = _name(rng, used)
        tfiler = real.filers[template]
        form = tfiler.header.get("default_form", "8-K")
        plan = MinerPlan(ticker, 2_100_001 + 97 * i, name, template, layout_name, form)
        plan.filer = _filer(tfiler, ticker, plan.cik, name)
        report_months = months + ([_next_month(months[-1])] if new_filings else [])
        plan.panel = _panel(random.Random(f"{seed}/{ticker}"), real.panel(template), report_months)
        items = "7.01,9.01" if form == "8-K" else ""
        for j, ym in enumerate(months):
            plan.filings.append(FilingSpec(
                ticker=ticker, kind="production", filed=_filed_on(ym, ticker), accepted="08:01:00", form=form,
                items=items, layout=layout_name, agent=tfiler.agent, period=_key(ym), index=j, source="synthetic"))
        plan.filings += _offering_filings(random.Random(f"{seed}/{ticker}/debt"), plan, months,
                                          scale.offerings_per_year, 10_000)
        plan.filings += _listings(plan, months, scale.listings_per_year, 20_000)
        if new_filings:  # next month's report, filed inside the nightly refresh's window
            ym = _next_month(months[-1])
            filed = date(*_next_month(ym), NEW_FILING_DAY)
            plan.filings.append(FilingSpec(
                ticker=ticker, kind="production", filed=filed, accepted="08:01:00", form=form, items=items,
                layout=layout_name, agent=tfiler.agent, period=_key(ym), index=len(months), source="synthetic"))
        plans.append(plan)
    spec = Spec(SPEC_DIR, {p.ticker: p.filer for p in plans}, {p.ticker: p.panel for p in plans},
                [f for p in plans for f in p.filings], {})
    return spec, plans


def _is_candidate(r: pages.ResolvedFiling) -> bool:
    if r.spec.form.startswith("6-K"):
        return True
    return r.spec.form.startswith("8-K") and bool(CANDIDATE_ITEMS & set(r.items))


def _pages(filer: Filer, rows: list[pages.ResolvedFiling], recent_limit: int) -> dict[str, bytes]:
    """The main submissions file (newest `recent_limit` filings) and the older pages, as SEC pages them."""
    recent, older = rows[:recent_limit], rows[recent_limit:]
    main, _ = pages.submissions_json(filer, recent, [])
    doc = json.loads(main)
    files, out = [], {}
    for n, start in enumerate(range(0, len(older), recent_limit), start=1):
        chunk = older[start:start + recent_limit]
        name = f"CIK{filer.cik10}-submissions-{n:03d}.json"
        files.append({"name": name, "filingCount": len(chunk),
                      "filingFrom": min(r.spec.filed for r in chunk).isoformat(),
                      "filingTo": max(r.spec.filed for r in chunk).isoformat()})
        out[f"sec-data/submissions/{name}"] = json.dumps(
            {key: [pages.filing_row(r)[key] for r in chunk] for key in pages.RECENT_KEYS},
            separators=(",", ":")).encode("ascii")
    doc["filings"]["files"] = files
    out[f"sec-data/submissions/CIK{filer.cik10}.json"] = json.dumps(doc, separators=(",", ":")).encode("ascii")
    return out


def _write_if_changed(path: Path, body: bytes) -> bool:
    if path.exists() and path.stat().st_size == len(body) and path.read_bytes() == body:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)
    return True


def build_corpus(out: Path, scale: Scale = Scale(), seed: int = 7, *, new_filings: bool = False) -> dict:
    """Write the corpus under `out` (files that did not change are left alone); return its manifest."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    spec, plans = plan_corpus(scale, seed, new_filings=new_filings)
    used: set[str] = set()
    manifest_miners = []
    written = 0
    for plan in plans:
        sub = Spec(spec.root, {plan.ticker: plan.filer}, {plan.ticker: plan.panel}, plan.filings, {})
        resolved = resolve(sub)
        for r in resolved:  # accessions are derived per filer: keep them unique across the corpus
            while r.accession in used:
                r.spec.accession = r.accession[:-6] + f"{(int(r.accession[-6:]) + 7919) % 10**6:06d}"
                r.accession = r.spec.accession
            used.add(r.accession)
        files: dict[str, bytes] = {}
        for r in resolved:
            if r.spec.has_documents:
                _write_filing(files, r)
        rows = sorted(resolved, key=lambda r: (r.spec.filed, r.accepted_local, r.accession), reverse=True)
        files.update(_pages(plan.filer, rows, scale.recent_limit))
        for rel, body in files.items():
            written += _write_if_changed(out / rel, body)
        candidates = [r for r in rows if _is_candidate(r)]
        recent = rows[:scale.recent_limit]
        manifest_miners.append({
            "ticker": plan.ticker, "cik": plan.cik, "name": plan.name, "template": plan.template,
            "form": plan.form, "filings": len(rows), "recent": len(recent),
            "oldest_recent": min(r.spec.filed for r in recent).isoformat(),
            "pages": [{"name": f["name"], "filingFrom": f["filingFrom"], "filingTo": f["filingTo"]}
                      for f in json.loads(files[f"sec-data/submissions/CIK{plan.filer.cik10}.json"])
                      ["filings"]["files"]],
            "candidates": [{"accession": r.accession, "filed": r.spec.filed.isoformat(), "kind": r.spec.kind,
                            "documents": sum(1 for d in r.documents if d.type.startswith("EX-99")) or 1,
                            "bytes": sum(len(d.body) for d in r.documents
                                         if d.body is not None and d.type.startswith("EX-99"))}
                           for r in candidates],
        })
    for name in NETWORK_DIRS:
        if not (out / name).exists():
            shutil.copytree(SNAPSHOT_DIR / name, out / name)
    routes = json.loads((SNAPSHOT_DIR / "routes.json").read_text(encoding="utf-8"))
    routes["as_of"] = AS_OF
    _write_if_changed(out / "routes.json", json.dumps(routes, indent=1).encode())
    with open(out / "registry.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(("ticker", "cik", "name", "filer_type", "fiscal_year_end", "cadence", "notes"))
        for plan in plans:
            w.writerow((plan.ticker, f"{plan.cik:010d}", plan.name, "6-K" if plan.form == "6-K" else "8-K", "1231",
                        "monthly:..", f"synthetic benchmark miner (layout of {plan.template})"))
    manifest = {"scale": asdict(scale), "seed": seed, "new_filings": new_filings, "as_of": AS_OF,
                "miners": manifest_miners, "files_written": written}
    (out / "corpus.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def minimum_requests(manifest: dict, start: date, end: date, *, seen: set[str] = frozenset()) -> dict:
    """Requests a backfill of [start, end] cannot avoid, from the corpus's own record: per miner the
    submissions file, every older page whose range reaches `start` (only when `start` predates the
    oldest filing in `recent`), and per candidate filing not `seen` its index and its exhibits."""
    subs = pages_n = indexes = exhibits = 0
    for m in manifest["miners"]:
        subs += 1
        if start < date.fromisoformat(m["oldest_recent"]):
            pages_n += sum(1 for p in m["pages"] if date.fromisoformat(p["filingTo"]) >= start)
        for c in m["candidates"]:
            if start <= date.fromisoformat(c["filed"]) <= end and c["accession"] not in seen:
                indexes += 1
                exhibits += c["documents"]
    return {"submissions": subs, "pages": pages_n, "indexes": indexes, "exhibits": exhibits,
            "total": subs + pages_n + indexes + exhibits}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--miners", type=int, default=Scale.miners)
    parser.add_argument("--years", type=int, default=Scale.years)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--new-filings", action="store_true", help="add one new report per miner (incremental)")
    args = parser.parse_args(argv)
    manifest = build_corpus(args.out, Scale(args.miners, args.years), args.seed, new_filings=args.new_filings)
    docs = sum(c["documents"] for m in manifest["miners"] for c in m["candidates"])
    pages_n = sum(len(m["pages"]) for m in manifest["miners"])
    print(f"{args.out}: {len(manifest['miners'])} miners, {docs} documents, {pages_n} older submissions pages, "
          f"{manifest['files_written']} files written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
