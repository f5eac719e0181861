"""Rewrite tests/golden/production/*.json from the fixtures: run after a deliberate parser change, then
review the diff line by line before committing (a golden file is an expectation, not a snapshot)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from transforms.production import parse_for_cli  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "production"
GOLDEN = ROOT / "tests" / "golden" / "production"


def main() -> int:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for path in sorted(FIXTURES.iterdir()):
        if path.suffix not in (".html", ".txt"):
            continue
        records = parse_for_cli(path.read_bytes())
        out = GOLDEN / (path.stem + ".json")
        out.write_text(json.dumps(records, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{path.name} -> {out.relative_to(ROOT)} ({len(records)} records)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
