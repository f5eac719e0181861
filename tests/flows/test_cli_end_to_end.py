"""The real CLI in subprocesses: offline backfill, refresh twice, status, read-only SQL."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flows.sources import SOURCE_SUBMITTERS
from tests.flows.test_network_flow import fingerprint

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory):
    home = tmp_path_factory.mktemp("cli")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MINERWATCH_", "PREFECT_API"))}
    env.update({
        "MINERWATCH_DB": str(home / "data" / "minerwatch.duckdb"),
        "PREFECT_HOME": str(home / "prefect"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    })
    return env


def minerwatch(env, *args, check=True):
    proc = subprocess.run([sys.executable, "-m", "flows.cli", *args], env=env, cwd=REPO, capture_output=True,
                          text=True, timeout=600)
    if check and proc.returncode != 0:
        raise AssertionError(f"minerwatch {' '.join(args)} exited {proc.returncode}:\n{proc.stderr[-3000:]}")
    return proc


def test_offline_backfill_then_two_refreshes(cli_env):
    db = Path(cli_env["MINERWATCH_DB"])
    backfill = minerwatch(cli_env, "backfill", "--start", "2009-01-03", "--end", "2025-12-31", "--offline")
    assert "success" in backfill.stdout
    assert "[coinmetrics]" in backfill.stderr  # progress lines on stderr

    first = minerwatch(cli_env, "refresh", "--offline")  # loads 2026-01-01..04-29, moves the watermarks
    assert "success" in first.stdout
    minerwatch(cli_env, "refresh", "--offline")  # asks from the new watermarks; nothing new
    after = fingerprint(db)
    archive = Path(cli_env["MINERWATCH_DB"]).parent / "archive" / "objects"
    objects = sorted(p.name for p in archive.rglob("*") if p.is_file())
    third = minerwatch(cli_env, "refresh", "--offline")
    assert fingerprint(db) == after, "a refresh with nothing new must change no published table"
    assert sorted(p.name for p in archive.rglob("*") if p.is_file()) == objects  # nothing downloaded
    lines = [line for line in third.stdout.splitlines() if "requests" in line]
    assert len(lines) == len(SOURCE_SUBMITTERS) and all(" 0 changed" in line.replace(",", "") for line in lines)

    answer = minerwatch(cli_env, "sql", "select hashprice_usd_per_ph_day from marts.hashprice_daily"
                                        " where day = '2025-11-22'", "--format", "json")
    [row] = json.loads(answer.stdout)
    assert 35.0 <= row["hashprice_usd_per_ph_day"] <= 40.0  # the industry's published level, late 2025

    days = json.loads(minerwatch(cli_env, "sql", "select count(*) as n, min(day) as first_day"
                                                 " from marts.hashprice_daily", "--format", "json").stdout)[0]
    assert days["first_day"] == "2009-01-03" and days["n"] >= 6200

    status = json.loads(minerwatch(cli_env, "status", "--format", "json").stdout)
    assert [r["status"] for r in status["runs"][:3]] == ["success", "success", "success"]
    network = [f for f in status["freshness"] if f["source"] in ("mempool", "blockchain_com", "coinmetrics")]
    assert len(network) == 3 and all(str(f["last_day"]) == "2026-04-29" for f in network)
    text = minerwatch(cli_env, "status").stdout
    assert "freshness" in text and "open quarantine items: 0" in text

    csv_out = minerwatch(cli_env, "sql", "select day, blocks from marts.hashprice_daily order by day limit 2",
                         "--format", "csv").stdout
    assert csv_out.splitlines() == ["day,blocks", "2009-01-03,1", "2009-01-04,0"]


def test_sql_is_read_only_and_errors_are_one_line(cli_env):
    db = Path(cli_env["MINERWATCH_DB"])
    if not db.exists():
        minerwatch(cli_env, "backfill", "--start", "2025-12-01", "--offline")
    for statement in ("drop table marts.hashprice_daily", "create table marts.x as select 1",
                      "copy marts.hashprice_daily to '/tmp/minerwatch-leak.csv'"):
        proc = minerwatch(cli_env, "sql", statement, check=False)
        assert proc.returncode == 1
        assert proc.stderr.startswith("minerwatch: error: ") and proc.stderr.count("\n") == 1
        assert "Traceback" not in proc.stderr
    assert not Path("/tmp/minerwatch-leak.csv").exists()

    bad = minerwatch(cli_env, "backfill", "--start", "2025-12-01", "--source", "nope", "--offline", check=False)
    assert bad.returncode == 1 and "unknown source(s) nope" in bad.stderr
