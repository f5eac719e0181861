"""Score the production parser against documents whose figures are known.

    .venv/bin/python tools/score_production.py                      # the offline snapshot's exhibits
    .venv/bin/python tools/score_production.py --dir PASSAGES        # <name>.txt|.htm|.html + <name>.json
    .venv/bin/python tools/score_production.py --details             # list every field not right
    .venv/bin/python tools/score_production.py --timing [--baseline main]   # parse time vs bare lxml

Snapshot mode parses every production and results exhibit under snapshot/sec-www with
transforms.production (the ticker passed, as the sec flow does) and compares each record with
what the generator wrote into the document: the layouts record every figure they print
(`Rendered.facts`, in the parser's units), taken from tools/sec_snapshot_spec/panels/<T>.toml.
Directory mode reads held-out passages: each `<name>.json` holds the expected values with the keys
of `minerwatch parse production` output (ticker, period_type, period_end and the metric fields,
null where not disclosed) for the document's own period; a JSON list scores several periods.

Each disclosed field is correct (within --rel-tol, exact by default), wrong (another number) or missing
(null, or no record for the period: a wrongly dated document misses every field); a figure the document does
not disclose that the parser reports is spurious. Accuracy = correct / disclosed. A `SOURCE: ...` header above
a `---` line (the held-out collector's format, see benchmarks/accuracy.py) is skipped.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

METRIC_FIELDS = (
    "btc_produced", "btc_produced_per_day", "btc_held", "btc_held_restricted", "btc_sold",
    "btc_sale_proceeds_usd", "btc_avg_sale_price_usd", "hashrate_deployed_ehs", "hashrate_operating_ehs",
    "efficiency_j_per_th", "power_cost_usd_per_kwh", "power_credits_usd",
)
OUTCOMES = ("correct", "wrong", "missing", "spurious")
DOC_SUFFIXES = (".htm", ".html", ".txt")

PeriodKey = tuple[str, str]            # (period_type, period_end ISO)


@dataclass
class Case:
    """One document and the figures it discloses, per period."""

    name: str                          # path or accession/file, for messages
    group: str                         # "RIOT riot_monthly", or the ticker in directory mode
    ticker: str | None
    body: bytes
    expected: dict[PeriodKey, dict[str, float]]
    strict_periods: bool = True        # a parsed period not in `expected` counts as spurious


@dataclass
class Item:
    case: str
    group: str
    period: PeriodKey
    field: str
    outcome: str
    expected: float | None
    parsed: float | None
    evidence: str = ""


@dataclass
class Score:
    items: list[Item] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)     # case -> ParseError message

    def counts(self, key=lambda item: "all") -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(OUTCOMES, 0))
        for item in self.items:
            out[key(item)][item.outcome] += 1
        return dict(out)

    @property
    def disclosed(self) -> int:
        return sum(1 for i in self.items if i.outcome != "spurious")

    @property
    def correct(self) -> int:
        return sum(1 for i in self.items if i.outcome == "correct")

    @property
    def spurious(self) -> int:
        return sum(1 for i in self.items if i.outcome == "spurious")

    @property
    def accuracy(self) -> float:
        return self.correct / self.disclosed if self.disclosed else 1.0


# --- truth ------------------------------------------------------------------------------------------
def _period_key(key: str) -> PeriodKey | None:
    """Spec period key -> (period_type, period_end); None for full years (no production record has one)."""
    from tools.sec_snapshot import fmt
    if "-Q" in key:
        return ("quarter", fmt.quarter_end(key).isoformat())
    if len(key) == 7 and key[4] == "-" and key[5:].isdigit():
        return ("month", fmt.month_end(key).isoformat())
    return None


def snapshot_cases(spec_dir: Path, snapshot_dir: Path) -> tuple[list[Case], list[str]]:
    """Every production/results exhibit of the snapshot with the facts its layout printed."""
    from tools.sec_snapshot.build import build
    result = build(spec_dir)
    cases, stale = [], []
    for r in result.resolved:
        if r.spec.kind not in ("production", "results") or not r.exhibit_document:
            continue
        rel = f"sec-www{r.folder}/{r.exhibit_document}"
        path = snapshot_dir / rel
        built = result.files[rel]
        if not path.exists() or path.read_bytes() != built:
            stale.append(rel)
        body = path.read_bytes() if path.exists() else built
        expected: dict[PeriodKey, dict[str, float]] = {}
        for key, values in r.facts.items():
            pk = _period_key(key)
            if pk is not None:
                expected[pk] = dict(values)
        cases.append(Case(f"{r.spec.ticker} {r.spec.period} {r.accession} {r.exhibit_document}",
                          f"{r.spec.ticker} {r.spec.layout}", r.spec.ticker, body, expected))
    return cases, stale


def directory_cases(folder: Path) -> list[Case]:
    """`<name>.txt|.htm|.html` beside `<name>.json` (expected values, parse-output keys)."""
    cases = []
    for doc in sorted(p for p in folder.iterdir() if p.suffix.lower() in DOC_SUFFIXES):
        truth_path = doc.with_suffix(".json")
        if not truth_path.exists():
            continue
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        records = truth if isinstance(truth, list) else [truth]
        expected: dict[PeriodKey, dict[str, float]] = {}
        ticker = None
        for rec in records:
            ticker = ticker or rec.get("ticker")
            pk = (rec["period_type"], str(rec["period_end"]))
            expected[pk] = {f: float(rec[f]) for f in METRIC_FIELDS if rec.get(f) is not None}
        body = doc.read_bytes()
        if body.startswith(b"SOURCE:"):       # a collector's header (source URL ...) above a `---` line
            body = body.split(b"---\n", 1)[-1]
        cases.append(Case(str(doc), ticker or "?", ticker, body, expected, strict_periods=isinstance(truth, list)))
    return cases


# --- scoring ----------------------------------------------------------------------------------------
#: relative tolerance of "correct": exact up to float noise by default (benchmarks/accuracy.py allows 0.5%)
REL_TOL = 1e-6


def same(a: float, b: float, rel_tol: float = REL_TOL) -> bool:
    return math.isclose(a, b, rel_tol=rel_tol, abs_tol=1e-9)


def score_case(case: Case, score: Score, rel_tol: float = REL_TOL) -> None:
    from transforms.errors import ParseError
    from transforms.production import parse_production
    try:
        records = parse_production(case.body, ticker=case.ticker)
    except ParseError as exc:
        score.errors[case.name] = str(exc) + ("" if case.expected else " (no figures expected: fine)")
        records = []
    parsed: dict[PeriodKey, object] = {}
    for rec in records:
        parsed.setdefault((rec.period_type, rec.period_end.isoformat()), rec)
    for pk in sorted(set(case.expected) | (set(parsed) if case.strict_periods else set())):
        truth = case.expected.get(pk, {})
        rec = parsed.get(pk)
        for name in METRIC_FIELDS:
            want = truth.get(name)
            got = getattr(rec, name) if rec is not None else None
            if want is None and got is None:
                continue
            if want is None:
                outcome = "spurious"
            elif got is None:
                outcome = "missing"
            else:
                outcome = "correct" if same(got, want, rel_tol) else "wrong"
            evidence = rec.evidence.get(name, "") if rec is not None else ""
            if outcome == "missing" and rec is not None and name in rec.null_reasons:
                evidence = "null: " + rec.null_reasons[name]
            score.items.append(Item(case.name, case.group, pk, name, outcome, want, got, evidence))


def score_cases(cases: list[Case], rel_tol: float = REL_TOL) -> Score:
    score = Score()
    for case in cases:
        score_case(case, score, rel_tol)
    return score


# --- report -----------------------------------------------------------------------------------------
def _table(title: str, counts: dict[str, dict[str, int]]) -> list[str]:
    width = max([len(title)] + [len(k) for k in counts]) + 2
    lines = [f"{title:<{width}}{'disclosed':>10}{'correct':>9}{'wrong':>7}{'missing':>9}{'spurious':>10}"
             f"{'accuracy':>10}"]
    for key in sorted(counts):
        c = counts[key]
        disclosed = c["correct"] + c["wrong"] + c["missing"]
        acc = f"{100 * c['correct'] / disclosed:.1f}%" if disclosed else "-"
        lines.append(f"{key:<{width}}{disclosed:>10}{c['correct']:>9}{c['wrong']:>7}{c['missing']:>9}"
                     f"{c['spurious']:>10}{acc:>10}")
    return lines


def report(score: Score, details: bool) -> str:
    out = _table("miner / layout", score.counts(lambda i: i.group))
    out += [""] + _table("field", score.counts(lambda i: i.field))
    if details:
        out += ["", "not right:"]
        for i in score.items:
            if i.outcome != "correct":
                out.append(f"  {i.outcome:<8} {i.case} {i.period[0]} {i.period[1]} {i.field}: expected {i.expected}, "
                           f"parsed {i.parsed}  [{i.evidence[:140]}]")
    for name, err in score.errors.items():
        out.append(f"  ParseError {name}: {err}")
    out += ["", f"overall: {score.correct} of {score.disclosed} disclosed fields right = {100 * score.accuracy:.1f}%; "
                f"{score.spurious} spurious; "
                f"{sum(1 for e in score.errors.values() if not e.endswith('fine)'))} documents with figures unreadable"]
    return "\n".join(out)


# --- timing -----------------------------------------------------------------------------------------
def timing_worker(paths: list[str], rounds: int, root: Path) -> dict:
    """Parse every document `rounds` times with the production parser found under `root` and with bare lxml,
    interleaved; the medians of the per-round totals (seconds of CPU time)."""
    if str(REPO_ROOT) in sys.path:
        sys.path.remove(str(REPO_ROOT))
    sys.path.insert(0, str(root))
    from lxml import etree
    from transforms.errors import ParseError
    from transforms.production import parse_production
    bodies = [(Path(p).read_bytes(), t or None) for p, t in (x.rsplit("::", 1) for x in paths)]
    lxml_times, parser_times = [], []
    for _ in range(rounds):
        _clear_parser_caches()          # each round reads the documents as new ones (labels cached within it)
        t0 = time.process_time()
        for body, _t in bodies:
            etree.HTML(body)
        t1 = time.process_time()
        for body, ticker in bodies:
            try:
                parse_production(body, ticker=ticker)
            except ParseError:
                pass
        t2 = time.process_time()
        lxml_times.append(t1 - t0)
        parser_times.append(t2 - t1)
    lx, pr = statistics.median(lxml_times), statistics.median(parser_times)
    import transforms.production as parser_module
    if not Path(parser_module.__file__).resolve().is_relative_to(Path(root).resolve()):
        raise RuntimeError(f"timed {parser_module.__file__}, not the parser under {root}")
    return {"documents": len(bodies), "rounds": rounds, "lxml_s": lx, "parser_s": pr, "ratio": pr / lx}


def _clear_parser_caches() -> None:
    for name, module in list(sys.modules.items()):
        if name.startswith("transforms."):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def _export_ref(ref: str, dest: Path) -> None:
    """`transforms/` as it is at git `ref`, extracted into `dest` (the working tree is not touched)."""
    archive = subprocess.run(["git", "-C", str(REPO_ROOT), "archive", ref, "transforms"], check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)


def run_timing(cases: list[Case], rounds: int, repeats: int, baseline: str | None) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        listing = []
        for n, case in enumerate(cases):
            path = tmpdir / f"doc{n:04d}"
            path.write_bytes(case.body)
            listing.append(f"{path}::{case.ticker or ''}")
        roots = {"current": REPO_ROOT}
        if baseline:
            base = tmpdir / "baseline"
            base.mkdir()
            _export_ref(baseline, base)
            roots = {f"baseline ({baseline})": base, "current": REPO_ROOT}
        (tmpdir / "docs.json").write_text(json.dumps(listing))
        results: dict[str, list[dict]] = defaultdict(list)
        for _ in range(repeats):            # alternate the versions so drift hits both alike
            for label, root in roots.items():
                env = dict(os.environ, PYTHONPATH=str(root))
                proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--timing-worker",
                                       str(tmpdir / "docs.json"), "--rounds", str(rounds), "--timing-root", str(root)],
                                      env=env, capture_output=True, text=True, check=True, cwd=str(root))
                results[label].append(json.loads(proc.stdout))
        lines = [f"timing: {len(cases)} documents, {repeats} processes x {rounds} rounds per version "
                 "(medians of CPU time; bare lxml = etree.HTML on the same bytes, measured in the same process)"]
        for label, runs in results.items():
            lx = statistics.median(r["lxml_s"] for r in runs)
            pr = statistics.median(r["parser_s"] for r in runs)
            ratio = statistics.median(r["ratio"] for r in runs)
            lines.append(f"  {label:<22} parser {1000 * pr:8.1f} ms   lxml {1000 * lx:7.1f} ms   "
                         f"ratio {ratio:5.1f}x   ({1000 * pr / len(cases):.2f} ms/document)")
        return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, action="append", default=[],
                        help="folder of <name>.txt|.htm|.html + <name>.json (repeatable); default: the snapshot")
    parser.add_argument("--spec", type=Path, default=REPO_ROOT / "tools" / "sec_snapshot_spec")
    parser.add_argument("--snapshot", type=Path, default=REPO_ROOT / "snapshot")
    parser.add_argument("--details", action="store_true", help="list every field that is not right")
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    parser.add_argument("--rel-tol", type=float, default=REL_TOL,
                        help="relative tolerance of a correct figure (0.005 = benchmarks/accuracy.py's 0.5%%)")
    parser.add_argument("--min-accuracy", type=float, default=None,
                        help="exit 1 below this accuracy (0-1) or on any spurious value")
    parser.add_argument("--timing", action="store_true", help="time the parser against bare lxml")
    parser.add_argument("--baseline", default=None, help="with --timing: also time transforms/ at this git ref")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--timing-worker", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--timing-root", type=Path, default=REPO_ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.timing_worker:
        print(json.dumps(timing_worker(json.loads(args.timing_worker.read_text()), args.rounds, args.timing_root)))
        return 0
    if args.dir:
        cases = [c for folder in args.dir for c in directory_cases(folder)]
    else:
        cases, stale = snapshot_cases(args.spec, args.snapshot)
        if stale:
            print(f"warning: {len(stale)} exhibits differ from the spec (run tools/build_sec_snapshot.py); "
                  f"scoring the files on disk, e.g. {stale[0]}", file=sys.stderr)
    if not cases:
        print("no documents to score", file=sys.stderr)
        return 2
    if args.timing:
        print(run_timing(cases, args.rounds, args.repeats, args.baseline))
        return 0
    score = score_cases(cases, args.rel_tol)
    if args.json:
        print(json.dumps({"overall": {"disclosed": score.disclosed, "correct": score.correct,
                                      "spurious": score.spurious, "accuracy": score.accuracy},
                          "by_group": score.counts(lambda i: i.group),
                          "by_field": score.counts(lambda i: i.field),
                          "errors": score.errors}, indent=1, sort_keys=True))
    else:
        print(f"{len(cases)} documents")
        print(report(score, args.details))
    if args.min_accuracy is not None and (score.accuracy < args.min_accuracy or score.spurious):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
