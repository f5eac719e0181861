"""Score the AI/HPC contract parser on a folder of releases with hand-written expected values.

    .venv/bin/python tools/score_hpc.py DIR [--all-keys] [--min-accuracy 0.95] [--json] [-v]

DIR holds pairs `<name>.txt|.htm|.html` + `<name>.json`. The JSON is what `minerwatch parse hpc
<name>.htm` should print: a list of records (or one record) with the issue-8 keys (`ticker,
counterparty, backstop_party, site, critical_it_mw, gross_mw, term_years, total_contract_value_usd,
annual_revenue_usd, start_date, expansion_options_mw, announced_date, event`), null or absent where the
release does not disclose the field. Conventions: money in USD, power in MW, terms in years, dates
ISO (a month, quarter or half is its first day: "first half of 2026" -> "2026-01-01"); counterparty and
site are compared by the canonical names the parser knows ("AWS" = "Amazon Web Services"), several
joined by "; " (counterparty) or ", " (site), in any order.

A *disclosed field* is an expected non-null value; it is right when the matched parsed record holds an
equal value (numbers within 0.1%). Accuracy = right / disclosed (issue 8 asks for >= 95%). Parsed
values where the expected one is null are reported as spurious, and parsed records matching no
expected record as extra; neither enters the accuracy. Expected and parsed records are paired by
counterparty, then by the most fields in common. `--all-keys` also scores the other keys the JSON
gives (backstop_usd, cumulative_*). The parser runs with no hints: no ticker, no date.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from transforms.errors import ParseError  # noqa: E402
from transforms.hpc import CLI_KEYS, parse_for_cli  # noqa: E402
from transforms.hpc_names import find_parties, find_sites  # noqa: E402

SCORED_KEYS = tuple(k for k in CLI_KEYS if k != "evidence")
NOT_SCORED = {"evidence", "null_reasons", "qualifiers", "parser_version"}
DOCUMENT_SUFFIXES = (".txt", ".htm", ".html")
REL_TOL = 1e-3


# --- comparing values -----------------------------------------------------------------------------
def _names(value: str, kind: str) -> frozenset[str]:
    """Canonical names in a counterparty or site string, order-free."""
    parts = re.split(r";|,(?!\s*(?:Inc|LLC|Ltd|Corp)\b)| and ", value) if kind == "counterparty" else re.split(r"[;,]", value)
    out = set()
    for part in (p.strip() for p in parts):
        if not part:
            continue
        found = find_parties(part) if kind == "counterparty" else find_sites(part)
        if found:
            out.update(m.name for m in found)
        else:
            out.add(re.sub(r",?\s+(?:Inc|Corp|Corporation|Ltd|Limited|LLC|PBC|plc)\.?$", "", part).lower())
    return frozenset(out)


def same(key: str, expected: Any, got: Any) -> bool:
    """Is the parsed value `got` the expected value of `key`?"""
    if got is None:
        return False
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        try:
            return math.isclose(float(got), float(expected), rel_tol=REL_TOL, abs_tol=1e-9)
        except (TypeError, ValueError):
            return False
    if key in ("counterparty", "backstop_party"):
        return _names(str(got), "counterparty") == _names(str(expected), "counterparty")
    if key == "site":
        return _names(str(got), "site") == _names(str(expected), "site")
    return str(got).strip().lower() == str(expected).strip().lower()


# --- pairing records ------------------------------------------------------------------------------
def _pair(expected: list[dict], parsed: list[dict], keys: tuple[str, ...]) -> list[tuple[dict, dict | None]]:
    """Pair each expected record with at most one parsed record: same counterparty first, then the
    parsed record agreeing on the most keys."""
    free = list(range(len(parsed)))
    pairs: list[tuple[dict, dict | None]] = []

    def agreement(e: dict, p: dict) -> int:
        return sum(1 for k in keys if e.get(k) is not None and same(k, e[k], p.get(k)))

    for e in expected:
        candidates = [i for i in free if e.get("counterparty") is not None
                      and same("counterparty", e["counterparty"], parsed[i].get("counterparty"))]
        pool = candidates or free
        best = max(pool, key=lambda i: agreement(e, parsed[i]), default=None)
        if best is not None and (candidates or agreement(e, parsed[best]) > 0):
            free.remove(best)
            pairs.append((e, parsed[best]))
        else:
            pairs.append((e, None))
    return pairs


# --- scoring --------------------------------------------------------------------------------------
@dataclass
class DocumentScore:
    name: str
    disclosed: int = 0
    right: int = 0
    spurious: int = 0
    extra_records: int = 0
    error: str | None = None
    misses: list[str] = field(default_factory=list)
    per_key: dict[str, list[int]] = field(default_factory=dict)  # key -> [right, disclosed]


def expected_records(path: Path) -> list[dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise ValueError(f"{path.name}: expected a JSON list of records (or one record)")
    return data


def score_document(document: Path, expected: list[dict], all_keys: bool = False) -> DocumentScore:
    score = DocumentScore(document.stem)
    keys = SCORED_KEYS
    if all_keys:
        extra = sorted({k for r in expected for k in r if k not in SCORED_KEYS and k not in NOT_SCORED})
        keys = SCORED_KEYS + tuple(extra)
    try:
        parsed = parse_for_cli(document.read_bytes())
    except ParseError as exc:
        parsed = []
        score.error = str(exc)
    pairs = _pair(expected, parsed, keys)
    score.extra_records = len(parsed) - sum(1 for _, p in pairs if p is not None)
    for e, p in pairs:
        for key in keys:
            want = e.get(key)
            got = p.get(key) if p is not None else None
            if want is None:
                if key in e and got is not None:
                    score.spurious += 1
                continue
            score.disclosed += 1
            tally = score.per_key.setdefault(key, [0, 0])
            tally[1] += 1
            if same(key, want, got):
                score.right += 1
                tally[0] += 1
            else:
                who = e.get("counterparty") or "(unnamed)"
                score.misses.append(f"{who}.{key}: expected {want!r}, got {got!r}")
    return score


def score_folder(folder: Path, all_keys: bool = False) -> tuple[list[DocumentScore], dict[str, list[int]]]:
    """Scores per document and per key ([right, disclosed]) for every document with its JSON."""
    scores: list[DocumentScore] = []
    per_key: dict[str, list[int]] = {}
    documents = sorted(p for p in folder.iterdir() if p.suffix.lower() in DOCUMENT_SUFFIXES)
    for document in documents:
        answer = document.with_suffix(".json")
        if not answer.is_file():
            continue
        s = score_document(document, expected_records(answer), all_keys)
        scores.append(s)
        for key, (right, disclosed) in s.per_key.items():
            tally = per_key.setdefault(key, [0, 0])
            tally[0] += right
            tally[1] += disclosed
    return scores, per_key


def summary(scores: list[DocumentScore], per_key: dict[str, list[int]]) -> dict:
    disclosed = sum(s.disclosed for s in scores)
    right = sum(s.right for s in scores)
    return {
        "documents": len(scores),
        "disclosed_fields": disclosed,
        "right_fields": right,
        "accuracy": right / disclosed if disclosed else None,
        "spurious_fields": sum(s.spurious for s in scores),
        "extra_records": sum(s.extra_records for s in scores),
        "unreadable_documents": [s.name for s in scores if s.error],
        "per_key": {k: {"right": r, "disclosed": d} for k, (r, d) in sorted(per_key.items())},
        "misses": {s.name: s.misses for s in scores if s.misses},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder of <name>.txt|.htm|.html + <name>.json pairs")
    parser.add_argument("--all-keys", action="store_true", help="also score keys beyond the issue-8 ones")
    parser.add_argument("--min-accuracy", type=float, default=None, help="exit 1 below this accuracy (0-1)")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        parser.error(f"{args.folder} is not a folder")
    scores, per_key = score_folder(args.folder, args.all_keys)
    result = summary(scores, per_key)
    if not scores:
        print(f"no <name>.txt|.htm|.html with a <name>.json in {args.folder}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        for s in scores:
            status = f"  parse error: {s.error}" if s.error else ""
            print(f"{s.name:60s} {s.right:3d}/{s.disclosed:<3d} spurious {s.spurious} extra {s.extra_records}{status}")
            if args.verbose:
                for miss in s.misses:
                    print(f"    {miss}")
        print("\nper key (right/disclosed):")
        for key, tally in result["per_key"].items():
            print(f"  {key:38s} {tally['right']:3d}/{tally['disclosed']}")
        acc = result["accuracy"]
        print(f"\naccuracy: {result['right_fields']}/{result['disclosed_fields']} disclosed fields right"
              + (f" = {acc:.1%}" if acc is not None else "")
              + f"; {result['spurious_fields']} spurious fields, {result['extra_records']} extra records,"
                f" {len(result['unreadable_documents'])} unreadable documents")
    if args.min_accuracy is not None and (result["accuracy"] or 0) < args.min_accuracy:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
