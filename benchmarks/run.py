"""`make bench`: every measurement of issue 7 against the scale corpus, written to benchmarks/RESULTS.md.

    python -m benchmarks.run [--quick] [--phase NAME ...] [--runs N]

Phases (default: all, in this order; each result is kept in data/bench/results[-quick].json so a
phase can be re-run alone and RESULTS.md is written from everything measured so far):
    rate_limited   (2) sub-corpus backfill of the SEC source, server refusing SEC paths above 10 req/s
    cpu_sub        (3) sub-corpus backfill of every source with no rate limit, against the lxml floor
                   measured in the same run, N times; plus one profiled run (cProfile in every thread)
    full           (3)(7)(6)(4)(5) at full scale: one backfill of every source (docs/s, rows/s, lxml floor,
                   peak RSS of the process tree), the analyst queries on its warehouse, N no-op
                   refreshes, then one new filing per miner and an incremental refresh
    full_rate_limited  one rate-limited backfill of the SEC source at full scale (~25 min; only when asked)

Every CLI run is the real `python -m flows.cli` in a subprocess, against the corpus served over
HTTP on loopback by extractors/snapshot_server.py (see benchmarks/harness.py).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import pstats
import shutil
import subprocess
import sys
import time
from datetime import date, datetime, timezone
from pathlib import Path

from benchmarks import corpus as corpus_mod
from benchmarks.harness import (REPO_ROOT, CliRun, cli_env, median, prefect_task_runs, run_cli, serve, spread,
                                summary_counts)

BENCH_DIR = REPO_ROOT / "data" / "bench"
START, END = "2009-01-03", "2026-04-29"
SEC_CEILING_PER_S = 10.0
#: The pipeline's own SEC limit in the rate-limited runs: just under the ceiling, so it is not the
#: bottleneck; at exactly 10/s, scheduling jitter put 11 requests in some 1 s windows (6 x 429 in 93
#: requests in a trial run), each costing a retry and a 1 s Retry-After.
PIPELINE_SEC_RATE_PER_S = 9.5
UNLIMITED = 1000.0

PROFILES = {
    "full": {"full": corpus_mod.Scale(50, 10), "sub": corpus_mod.Scale(10, 2), "runs": 5},
    "quick": {"full": corpus_mod.Scale(6, 2), "sub": corpus_mod.Scale(3, 1), "runs": 3},
}


def log(msg: str) -> None:
    print(f"[bench {datetime.now():%H:%M:%S}] {msg}", flush=True)


# --- corpus ---------------------------------------------------------------------------------------
def ensure_corpus(root: Path, scale: corpus_mod.Scale, *, new_filings: bool = False) -> dict:
    manifest_path = root / "corpus.json"
    if manifest_path.exists():
        m = json.loads(manifest_path.read_text())
        if m["scale"] == corpus_mod.asdict(scale) and m["new_filings"] == new_filings:
            return m
    log(f"generating corpus {root} ({scale.miners} miners x {scale.years} years, new_filings={new_filings})")
    t = time.monotonic()
    m = corpus_mod.build_corpus(root, scale, new_filings=new_filings)
    log(f"  {m['files_written']} files written in {time.monotonic() - t:.0f} s")
    return m


def fresh_db(name: str) -> Path:
    folder = BENCH_DIR / "runs" / name
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder / "minerwatch.duckdb"


def _check(run: CliRun, what: str) -> None:
    if run.returncode not in (0, 3):  # 3: partial (a held-back fact or a quarantined document)
        raise RuntimeError(f"{what} failed (exit {run.returncode}):\n{run.stdout[-2000:]}\n{run.stderr[-4000:]}")


# --- (3) the lxml floor ------------------------------------------------------------------------------
def lxml_floor(server, requests: list[dict]) -> dict:
    """Read the bytes the run fetched (each distinct URL once, as served) and parse them with lxml
    alone (JSON with the stdlib's C parser: lxml does not read JSON). Bytes are loaded first; only
    the parse is timed."""
    import lxml.html

    seen, bodies = set(), []
    for r in requests:
        key = (r["path"], tuple(sorted(r["query"].items())))
        if key in seen:
            continue
        seen.add(key)
        body = server.body_for(r["path"], r["query"], server.url)
        if body:
            bodies.append((r["path"], body))
    html_docs = 0
    t = time.perf_counter()
    for path, body in bodies:
        if path.endswith(".json") or body[:1] in (b"{", b"["):
            json.loads(body)
        else:
            lxml.html.document_fromstring(body).text_content()
            html_docs += 1
    elapsed = time.perf_counter() - t
    return {"seconds": elapsed, "bodies": len(bodies), "html": html_docs,
            "bytes": sum(len(b) for _, b in bodies)}


# --- phases -----------------------------------------------------------------------------------------
def phase_rate_limited(root: Path, manifest: dict, runs: int, label: str) -> dict:
    minimum = corpus_mod.minimum_requests(manifest, date.fromisoformat(START), date.fromisoformat(END))
    floor_s = minimum["total"] / SEC_CEILING_PER_S
    results = []
    for i in range(runs):
        db = fresh_db(f"{label}-{i}")
        with serve(root, sec_ceiling_per_s=SEC_CEILING_PER_S) as server:
            env = cli_env(server, root, db, sec_rate_per_s=PIPELINE_SEC_RATE_PER_S)
            run = run_cli(["backfill", "--start", START, "--end", END, "--source", "sec"], server, env)
        _check(run, f"rate-limited backfill {i}")
        sec = run.sec_requests
        made = len(sec)
        results.append({
            "wall_s": run.wall_s, "first_request_s": run.first_request_s, "sec_span_s": run.span_s(),
            "requests": made, "refused_429": run.refused, "by_endpoint": dict(run.count("sec")),
            "peak_rss_mb": run.peak_rss_mb, "documents": summary_counts(run.stdout).get("sec", {}).get("documents"),
        })
        log(f"  {label} run {i + 1}/{runs}: {made} SEC requests (minimum {minimum['total']}, {run.refused} x 429), "
            f"wall {run.wall_s:.1f} s (floor {floor_s:.1f} s), first request after {run.first_request_s or 0:.1f} s")
    return {"scale": manifest["scale"], "minimum": minimum, "floor_s": floor_s, "runs": results,
            "pipeline_rate_per_s": PIPELINE_SEC_RATE_PER_S, "ceiling_per_s": SEC_CEILING_PER_S}


def _backfill_all(root: Path, name: str, *, profile_to: Path | None = None) -> tuple[CliRun, dict, Path]:
    db = fresh_db(name)
    with serve(root) as server:
        env = cli_env(server, root, db, sec_rate_per_s=UNLIMITED, network_rate_per_s=UNLIMITED)
        if profile_to is not None:
            run = run_cli(["backfill", "--start", START, "--end", END], server, env,
                          module="benchmarks.profiled_cli", module_args=(str(profile_to),))
        else:
            run = run_cli(["backfill", "--start", START, "--end", END], server, env)
        _check(run, f"backfill {name}")
        floor = lxml_floor(server, run.requests)
    return run, floor, db


def _throughput(run: CliRun, floor: dict) -> dict:
    counts = summary_counts(run.stdout)
    docs = sum(c["documents"] for c in counts.values())
    rows = sum(c["rows_changed"] for c in counts.values())
    return {"wall_s": run.wall_s, "first_request_s": run.first_request_s, "cpu_s": run.cpu_s,
            "documents": docs, "rows_changed": rows, "docs_per_s": docs / run.wall_s,
            "rows_per_s": rows / run.wall_s, "floor_s": floor["seconds"], "floor_bodies": floor["bodies"],
            "floor_bytes": floor["bytes"], "ratio": run.wall_s / floor["seconds"],
            "ratio_after_start": (run.wall_s - (run.first_request_s or 0)) / floor["seconds"],
            "peak_rss_mb": run.peak_rss_mb, "peak_rss_main_mb": run.peak_rss_main_mb, "by_source": counts}


def phase_cpu_sub(root: Path, runs: int, label: str, profile_from: Path | None = None) -> dict:
    results = []
    for i in range(runs):
        run, floor, db = _backfill_all(root, f"{label}-{i}")
        results.append(_throughput(run, floor))
        r = results[-1]
        log(f"  {label} run {i + 1}/{runs}: {r['documents']} docs in {r['wall_s']:.1f} s ({r['docs_per_s']:.1f}/s), "
            f"lxml floor {r['floor_s']:.2f} s, ratio {r['ratio']:.0f}x")
    tasks = prefect_task_runs(db.parent / "prefect")
    if profile_from is not None:
        return {"runs": results, "profile": top_functions(profile_from), "profile_source": str(profile_from),
                "task_runs": dict(tasks)}
    prof_path = BENCH_DIR / f"{label}.pstats"
    run, floor, db = _backfill_all(root, f"{label}-profiled", profile_to=prof_path)
    return {"runs": results, "profile": top_functions(prof_path), "profiled_wall_s": run.wall_s,
            "task_runs": dict(tasks)}


def top_functions(path: Path, n: int = 15) -> dict:
    """The profile's top functions by own CPU time and by cumulative time (project code and callees)."""
    if not path.exists():
        return {}
    st = pstats.Stats(str(path))
    total = sum(v[2] for v in st.stats.values())

    def fmt(key) -> str:
        file, line, fn = key
        short = file.replace(str(REPO_ROOT) + "/", "")
        short = short.split("site-packages/")[-1]
        return f"{short}:{line}({fn})"

    own = sorted(st.stats.items(), key=lambda kv: kv[1][2], reverse=True)[:n]
    mine = [kv for kv in st.stats.items() if str(REPO_ROOT) in kv[0][0] and "/benchmarks/" not in kv[0][0]]
    cum = sorted(mine, key=lambda kv: kv[1][3], reverse=True)[:n]
    return {"total_cpu_s": total,
            "own": [(fmt(k), v[2], v[1]) for k, v in own],
            "cumulative": [(fmt(k), v[3], v[1]) for k, v in cum]}


def query_latency(db: Path, repeats: int) -> list[dict]:
    import duckdb

    from warehouse.analyst_queries import load_queries

    out = []
    con = duckdb.connect(str(db), read_only=True)
    try:
        for q in load_queries():
            missing = q.missing(con)
            if missing:
                out.append({"name": q.name, "skipped": f"missing {missing}"})
                continue
            con.execute(q.sql).fetchall()  # warm: first touch of the file's pages
            times, rows = [], 0
            for _ in range(repeats):
                t = time.perf_counter()
                rows = len(con.execute(q.sql).fetchall())
                times.append((time.perf_counter() - t) * 1000)
            out.append({"name": q.name, "median_ms": median(times), "spread_ms": spread(times), "rows": rows,
                        "runs": repeats})
    finally:
        con.close()
    return out


def phase_full(root: Path, manifest: dict, runs: int, label: str) -> dict:
    out: dict = {"scale": manifest["scale"]}
    corpus_docs = sum(c["documents"] for m in manifest["miners"] for c in m["candidates"])
    out["corpus"] = {"documents": corpus_docs, "miners": len(manifest["miners"]),
                     "older_pages": sum(len(m["pages"]) for m in manifest["miners"]),
                     "filings": sum(m["filings"] for m in manifest["miners"])}
    log(f"  {label}: backfill of every source, no rate limit ({corpus_docs} documents)")
    run, floor, db = _backfill_all(root, f"{label}-backfill")
    out["backfill"] = _throughput(run, floor)
    out["backfill"]["task_runs"] = dict(prefect_task_runs(db.parent / "prefect"))
    b = out["backfill"]
    log(f"  {label}: {b['documents']} docs in {b['wall_s']:.0f} s ({b['docs_per_s']:.1f}/s), floor {b['floor_s']:.1f} s,"
        f" peak RSS {b['peak_rss_mb']:.0f} MB")
    out["queries"] = query_latency(db, max(runs, 5))
    log(f"  {label}: queries {[(q['name'], round(q.get('median_ms', -1), 1)) for q in out['queries']]}")

    noops = []
    for i in range(runs):
        with serve(root, sec_ceiling_per_s=SEC_CEILING_PER_S) as server:
            env = cli_env(server, root, db, sec_rate_per_s=PIPELINE_SEC_RATE_PER_S)
            r = run_cli(["refresh"], server, env)
        _check(r, "no-op refresh")
        noops.append({"wall_s": r.wall_s, "first_request_s": r.first_request_s,
                      "after_first_request_s": r.wall_s - (r.first_request_s or 0), "by_endpoint": dict(r.count()),
                      "documents": sum(c["documents"] for c in summary_counts(r.stdout).values()),
                      "refused_429": r.refused})
        log(f"  {label}: no-op refresh {i + 1}/{runs}: {r.wall_s:.1f} s (first request after "
            f"{r.first_request_s or 0:.1f} s), {len(r.requests)} requests")
    out["noop"] = noops

    before = {m["ticker"]: {c["accession"] for c in m["candidates"]} for m in manifest["miners"]}
    grown = corpus_mod.build_corpus(root, corpus_mod.Scale(**manifest["scale"]), new_filings=True)
    new = {c["accession"]: m["ticker"] for m in grown["miners"] for c in m["candidates"]
           if c["accession"] not in before[m["ticker"]]}
    try:
        with serve(root, sec_ceiling_per_s=SEC_CEILING_PER_S) as server:
            env = cli_env(server, root, db, sec_rate_per_s=PIPELINE_SEC_RATE_PER_S)
            r = run_cli(["refresh"], server, env)
        _check(r, "incremental refresh")
        fetched = sorted({p.split("/")[6] for p in (q["path"] for q in r.requests)
                          if p.startswith("/sec-www/Archives/edgar/data/")})
        import duckdb
        con = duckdb.connect(str(db), read_only=True)
        try:
            run_id = con.execute("select run_id from ops.runs order by started_at desc limit 1").fetchone()[0]
            parsed = sorted(a for (a,) in con.execute(
                "select distinct accession from ops.loaded_documents where run_id = ?", [run_id]).fetchall())
        finally:
            con.close()
        want = sorted(a.replace("-", "") for a in new)
        out["incremental"] = {
            "new_filings": len(new), "folders_fetched": len(fetched),
            "fetched_exactly_new": fetched == want, "parsed": len(parsed),
            "parsed_exactly_new": sorted(parsed) == sorted(new), "by_endpoint": dict(r.count()),
            "wall_s": r.wall_s, "first_request_s": r.first_request_s}
        log(f"  {label}: incremental: {len(new)} new filings; fetched {len(fetched)} folders "
            f"(exact: {fetched == want}); parsed {len(parsed)} (exact: {sorted(parsed) == sorted(new)})")
    finally:  # put the corpus back as it was (the new filings' folders stay, listed nowhere)
        corpus_mod.build_corpus(root, corpus_mod.Scale(**manifest["scale"]), new_filings=False)
    return out


# --- the report ---------------------------------------------------------------------------------------
def machine() -> dict:
    import duckdb

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True,
                            text=True).stdout.strip()
    dirty = bool(subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO_ROOT,
                                capture_output=True, text=True).stdout.strip())
    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gb": round(mem_kb / 2**20, 1),
            "os": f"{platform.system()} {platform.release()}", "python": platform.python_version(),
            "duckdb": duckdb.__version__, "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "commit": commit + (" (with uncommitted changes)" if dirty else ""),
            "load": " / ".join(f"{x:.2f}" for x in os.getloadavg())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small corpora, 3 runs (make bench-quick)")
    parser.add_argument("--phase", action="append", dest="phases",
                        choices=("rate_limited", "cpu_sub", "full", "full_rate_limited"))
    parser.add_argument("--render-only", action="store_true", help="measure nothing; write the report")
    parser.add_argument("--runs", type=int)
    parser.add_argument("--sub-scale", metavar="MINERSxYEARS",
                        help="the sub-corpus scale (default 10x2; quick 3x1)")
    parser.add_argument("--profile-from", type=Path, metavar="PSTATS",
                        help="cpu_sub: report this profile instead of running a profiled backfill")
    parser.add_argument("--full-scale", metavar="MINERSxYEARS",
                        help="the 'full' corpus scale (default 50x10; quick 6x2), e.g. 50x2 when time is short")
    parser.add_argument("--results", type=Path, help="results JSON (default data/bench/results[-quick].json)")
    parser.add_argument("--merge", type=Path, action="append", default=[],
                        help="results JSON of phases run by another invocation, rendered together")
    parser.add_argument("--out", type=Path, help="the report (default benchmarks/RESULTS.md; quick: data/bench/)")
    args = parser.parse_args(argv)
    profile = PROFILES["quick" if args.quick else "full"]
    runs = args.runs or profile["runs"]
    tag = "quick" if args.quick else "full"
    results_path = args.results or BENCH_DIR / ("results-quick.json" if args.quick else "results.json")
    out_path = args.out or (BENCH_DIR / "RESULTS-quick.md" if args.quick else REPO_ROOT / "benchmarks" / "RESULTS.md")
    phases = args.phases if args.phases is not None else ["rate_limited", "cpu_sub", "full"]
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    results = json.loads(results_path.read_text()) if results_path.exists() else {}
    if args.full_scale:
        miners, years = (int(x) for x in args.full_scale.lower().split("x"))
        profile = {**profile, "full": corpus_mod.Scale(miners, years)}
    if args.sub_scale:
        miners, years = (int(x) for x in args.sub_scale.lower().split("x"))
        profile = {**profile, "sub": corpus_mod.Scale(miners, years)}
    fs, ss = profile["full"], profile["sub"]
    sub_root = BENCH_DIR / (f"corpus-sub-{tag}" if (ss.miners, ss.years) == (10, 2) or tag == "quick" else
                            f"corpus-sub-{tag}-{ss.miners}x{ss.years}")
    full_root = BENCH_DIR / ("corpus" if (tag, fs.miners, fs.years) == ("full", 50, 10) else
                             f"corpus-{tag}-{fs.miners}x{fs.years}")
    load_start = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    for phase in ([] if args.render_only else phases):
        log(f"phase {phase}")
        started = time.monotonic()
        if phase == "rate_limited":
            m = ensure_corpus(sub_root, profile["sub"])
            results[phase] = phase_rate_limited(sub_root, m, runs, f"{tag}-rate-limited")
        elif phase == "cpu_sub":
            ensure_corpus(sub_root, profile["sub"])
            results[phase] = phase_cpu_sub(sub_root, runs, f"{tag}-cpu-sub", profile_from=args.profile_from)
            results[phase]["scale"] = corpus_mod.asdict(profile["sub"])
        elif phase == "full":
            m = ensure_corpus(full_root, profile["full"])
            results[phase] = phase_full(full_root, m, runs, f"{tag}-full")
        elif phase == "full_rate_limited":
            m = ensure_corpus(full_root, profile["full"])
            results[phase] = phase_rate_limited(full_root, m, 1, f"{tag}-full-rate-limited")
        results[phase]["machine"] = {**machine(), "load_at_start": load_start}
        results[phase]["minutes"] = (time.monotonic() - started) / 60
        results_path.write_text(json.dumps(results, indent=1, default=str))
    from benchmarks.report import render

    merged = dict(results)
    for extra in args.merge:
        merged.update({k: v for k, v in json.loads(extra.read_text()).items() if k not in (args.phases or [])})
    out_path.write_text(render(merged, quick=args.quick), encoding="utf-8")
    log(f"wrote {out_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
