"""Check every CIK in registry/miners.csv against SEC's company_tickers.json.

    .venv/bin/python tools/check_registry.py [--tickers ../shared/real-samples/sec/company_tickers_2025-12.json]

Exits 0 when every registered ticker maps to the same CIK in the file, 1 otherwise (one line per
problem), 2 when the tickers file is absent. A name that differs is reported but not an error: the
registry may use a friendlier spelling than SEC's conformed name.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(REPO_ROOT))

from extractors.edgar.registry import Miner, load_registry  # noqa: E402

TICKERS_FILE = Path("real-samples") / "sec" / "company_tickers_2025-12.json"


def shared_dir() -> Path | None:
    """`../shared` beside the repository (or beside the main checkout when run from a worktree
    under a sibling folder); MINERWATCH_SHARED_DIR overrides. None when absent."""
    override = os.environ.get("MINERWATCH_SHARED_DIR")
    candidates = [Path(override)] if override else [REPO_ROOT.parent / "shared", REPO_ROOT.parents[1] / "shared"]
    return next((c for c in candidates if c.is_dir()), None)


def default_tickers_path() -> Path:
    shared = shared_dir()
    return (shared or REPO_ROOT.parent / "shared") / TICKERS_FILE


def load_company_tickers(path: Path) -> dict[str, dict]:
    """ticker -> {"cik": int, "title": str} from company_tickers.json (`{"0": {"cik_str": ...}}`)."""
    rows = json.loads(Path(path).read_text(encoding="utf-8"))
    return {r["ticker"].upper(): {"cik": int(r["cik_str"]), "title": r["title"]} for r in rows.values()}


def check(miners: list[Miner], tickers: dict[str, dict]) -> tuple[list[str], list[str]]:
    """(errors, warnings): a wrong or unknown CIK is an error; a different name a warning."""
    errors, warnings = [], []
    by_cik = {v["cik"]: t for t, v in tickers.items()}
    for m in miners:
        known = tickers.get(m.ticker)
        if known is None:
            owner = by_cik.get(m.cik)
            hint = f" (that CIK belongs to {owner})" if owner else ""
            errors.append(f"{m.ticker}: not in company_tickers.json{hint}")
        elif known["cik"] != m.cik:
            errors.append(f"{m.ticker}: registry CIK {m.cik10}, SEC says {known['cik']:010d} ({known['title']})")
        elif known["title"].casefold() != m.name.casefold():
            warnings.append(f"{m.ticker}: name {m.name!r}, SEC title {known['title']!r}")
    return errors, warnings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickers", type=Path, default=None, help="company_tickers.json (default: ../shared)")
    parser.add_argument("--registry", type=Path, default=None, help="registry CSV (default registry/miners.csv)")
    args = parser.parse_args(argv)
    args.tickers = args.tickers or default_tickers_path()
    if not args.tickers.exists():
        print(f"no tickers file at {args.tickers}; nothing checked", file=sys.stderr)
        return 2
    miners = load_registry(args.registry)
    errors, warnings = check(miners, load_company_tickers(args.tickers))
    for line in warnings:
        print(f"warning: {line}")
    for line in errors:
        print(f"error: {line}")
    print(f"{len(miners)} miners checked, {len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
