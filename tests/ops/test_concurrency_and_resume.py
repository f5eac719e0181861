"""Promises 3 and 4: a backfill killed with SIGKILL resumes to exactly a clean run's rows, and the
published file never shows a partial window; analysts reading during a refresh neither fail nor
block it; two refreshes at once never make two writers."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.ops.conftest import content_fingerprint, run_cli, start_cli

pytestmark = pytest.mark.slow
FULL = ("backfill", "--start", "2009-01-03", "--end", "2025-12-31", "--offline")


def journal_lines(env) -> int:
    loads = Path(env["MINERWATCH_DB"]).parent / "archive" / "loads.jsonl"
    return len(loads.read_text().splitlines()) if loads.exists() else 0


def lock_held(env) -> bool:
    lock = Path(env["MINERWATCH_DB"]).parent / ".minerwatch.duckdb.lock"
    probe = subprocess.run(["flock", "-n", str(lock), "true"], capture_output=True) if lock.exists() else None
    return probe is not None and probe.returncode != 0


def wait_until(predicate, timeout=600, what="", proc=None):
    """Poll until `predicate` holds. The timeout is generous because a loaded CI machine can take minutes to
    start Prefect; if `proc` (the run being waited on) exits first, fail at once with its output instead."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        if proc is not None and proc.poll() is not None:
            out, err = proc.output()
            raise AssertionError(f"{what}: the run exited ({proc.returncode}) first\n{out[-1000:]}\n{err[-2000:]}")
        time.sleep(0.2)
    raise AssertionError(f"timed out: {what}")


def test_kill_9_mid_backfill_then_rerun_gives_the_clean_rows(cli_env, tmp_path):
    clean_env = {**cli_env, "MINERWATCH_DB": str(tmp_path / "clean" / "minerwatch.duckdb")}
    run_cli(clean_env, *FULL)
    expected = content_fingerprint(Path(clean_env["MINERWATCH_DB"]))

    slow = {**cli_env, "MINERWATCH_COINMETRICS_RATE_PER_S": "0.3"}  # keep the run going long enough
    proc = start_cli(slow, *FULL)
    wait_until(lambda: journal_lines(slow) >= 30, what="some windows loaded", proc=proc)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    published = Path(cli_env["MINERWATCH_DB"])
    assert not published.exists(), "a killed first run must publish nothing"

    rerun = run_cli(cli_env, *FULL)
    assert "success" in rerun.stdout
    assert content_fingerprint(published) == expected


def test_readers_during_a_refresh_and_a_second_writer(cli_env):
    run_cli(cli_env, "backfill", "--start", "2025-06-01", "--end", "2025-12-31", "--offline")
    db = cli_env["MINERWATCH_DB"]
    slow = {**cli_env, "MINERWATCH_MEMPOOL_RATE_PER_S": "0.2"}  # ~25 s of fetching while the lock is held
    writer = start_cli(slow, "refresh", "--offline")
    wait_until(lambda: lock_held(cli_env), what="the writer lock", proc=writer)

    second = run_cli(cli_env, "refresh", "--offline", check=False)
    assert second.returncode == 1
    assert second.stderr.strip().startswith("minerwatch: error: another minerwatch run is writing the warehouse")

    reads = 0
    while writer.poll() is None:
        answer = run_cli(cli_env, "sql", "select count(*) as n from marts.hashprice_daily", "--format", "json")
        assert json.loads(answer.stdout)[0]["n"] >= 214
        plain = subprocess.run([shutil.which("duckdb", path=cli_env["PATH"]), "-readonly", "-json", db, "-c",
                                "select count(*) as n from marts.hashprice_daily"],
                               capture_output=True, text=True, timeout=60)
        assert plain.returncode == 0, plain.stderr
        assert json.loads(plain.stdout)[0]["n"] >= 214
        reads += 1
    writer.wait()
    out, err = writer.output()
    assert writer.returncode == 0, err[-2000:]
    assert "success" in out
    assert reads >= 2  # the readers really overlapped the refresh

    waited = start_cli(slow, "refresh", "--offline")
    wait_until(lambda: lock_held(cli_env), what="the third run's writer lock", proc=waited)
    patient = run_cli(cli_env, "refresh", "--offline", "--wait", "300")  # waits instead of failing
    assert "success" in patient.stdout
    assert waited.wait(timeout=300) == 0
