"""Build the SEC part of the offline snapshot (submissions, filing indexes, exhibits, companyfacts).

    .venv/bin/python tools/build_sec_snapshot.py [--spec tools/sec_snapshot_spec] [--out snapshot] [--check]

Deterministic and self-contained: every figure is in the spec (tools/sec_snapshot_spec), nothing is
read from ../shared at run time. It rewrites snapshot/sec-data/, snapshot/sec-www/ and
snapshot/sec-README.md only; routes.json and the network snapshot are left alone. `--check` builds
in memory and exits 1 when the committed snapshot differs (for CI).
To add documents (debt, HPC, results, companyfacts) see snapshot/sec-README.md, "Adding documents".
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tools.sec_snapshot.build import GENERATED_DIRS, build, dump_json, summary, write  # noqa: E402

DEFAULT_SPEC = REPO_ROOT / "tools" / "sec_snapshot_spec"
DEFAULT_OUT = REPO_ROOT / "snapshot"


def check(result, out_dir: Path) -> list[str]:
    """Differences between the built files and those under out_dir (missing, changed, stale)."""
    problems = []
    for rel, body in sorted(result.files.items()):
        path = out_dir / rel
        if not path.exists():
            problems.append(f"missing {rel}")
        elif path.read_bytes() != body:
            problems.append(f"differs {rel}")
    for name in GENERATED_DIRS:
        for path in sorted((out_dir / name).rglob("*")) if (out_dir / name).exists() else []:
            rel = path.relative_to(out_dir).as_posix()
            if path.is_file() and rel not in result.files:
                problems.append(f"stale {rel}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="compare with --out instead of writing")
    args = parser.parse_args(argv)
    result = build(args.spec)
    if args.check:
        problems = check(result, args.out)
        for line in problems[:50]:
            print(line)
        print(f"{len(problems)} differences")
        return 1 if problems else 0
    write(result, args.out)
    print(dump_json(summary(result)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
