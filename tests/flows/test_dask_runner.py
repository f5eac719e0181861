"""Past one machine: an offline backfill with the Dask task runner, on a local cluster of two worker
processes, gives exactly the warehouse the default thread runner gives.

Under Dask the source tasks run in other processes and only extract (fetch, archive, parse); the
flow's process loads what they return, so the rows, their lineage (document hashes, URLs, parser
versions), the load journal and the archive must come out the same. The comparison ignores what
names a run or a moment (run ids, fetch and load times), as the resume test does.
"""
from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import duckdb
import pytest

from tests.conftest import REPO_ROOT, SNAPSHOT
from tests.ops.conftest import content_fingerprint

pytestmark = pytest.mark.slow

#: Two months of every source: the network endpoints (loaded by calendar-year window), the SEC
#: snapshot's filings of the period (production updates, results, debt and AI/HPC releases) and
#: companyfacts. Small, because each backfill starts its own Dask cluster and Prefect tasks.
START, END = date(2025, 11, 1), date(2025, 12, 31)

#: Columns that say which run or when, not what: they differ between any two runs.
RUN_COLUMNS = {"run_id", "fetched_at", "loaded_at", "first_fetched_at", "last_fetched_at", "changed_at",
               "recorded_at", "updated_at", "started_at", "finished_at", "checked_at"}


def table_contents(db: Path, schemas=("staging", "raw", "ops")) -> dict[str, list[tuple]]:
    """Every table of `schemas` as sorted rows, without the columns that name a run or a time."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        tables = con.execute(
            "select schema_name, table_name from duckdb_tables() where schema_name in (select unnest(?::varchar[]))"
            " order by 1, 2", [list(schemas)]).fetchall()
        for schema, table in tables:
            if (schema, table) in {("ops", "runs"), ("ops", "change_log"), ("ops", "check_results"),
                                   ("ops", "schema_migrations"), ("ops", "mart_builds"), ("marts", "change_log")}:
                continue  # one row per run / per run's changes (a build's fingerprint covers its run ids)
            cols = [c for (c,) in con.execute(
                "select column_name from duckdb_columns() where schema_name = ? and table_name = ?"
                " and data_type not like 'TIMESTAMP%' order by column_index", [schema, table]).fetchall()
                    if c not in RUN_COLUMNS and not c.endswith("run_id")]
            rows = con.execute(f'select {", ".join(chr(34) + c + chr(34) for c in cols)} from {schema}.{table}').fetchall()
            out[f"{schema}.{table}"] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


def journal(db: Path) -> list[str]:
    """The load journal without run ids and fetch times, in a stable order."""
    lines = (Path(db).parent / "archive" / "loads.jsonl").read_text().splitlines()
    out = []
    for line in lines:
        record = json.loads(line)
        record.pop("run_id", None)
        record.pop("fetched_at", None)
        out.append(json.dumps(record, sort_keys=True))
    return sorted(out)


def archive_objects(db: Path) -> set[str]:
    return {p.name for p in (Path(db).parent / "archive" / "objects").glob("*/*")}


def _backfill(home: Path, monkeypatch, task_runner: str) -> tuple[dict, Path]:
    from extractors.settings import load_settings
    from flows.pipeline import backfill_flow, with_task_runner

    db = home / "data" / "minerwatch.duckdb"
    monkeypatch.setenv("MINERWATCH_DB", str(db))
    assert load_settings().db == db
    summary = with_task_runner(backfill_flow, task_runner)(start=START, end=END, offline=True)
    return summary, db


def _task_names(flow_run_id: str) -> list[str]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])),
                                     limit=200)
    return [r.name for r in runs]


def test_dask_backfill_on_a_local_cluster_gives_the_same_warehouse(tmp_path, monkeypatch, prefect_harness):
    for key in list(os.environ):
        if key.startswith("MINERWATCH_"):
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)  # no stray .env is read
    monkeypatch.setenv("MINERWATCH_SNAPSHOT_DIR", str(SNAPSHOT))
    monkeypatch.setenv("MINERWATCH_DASK_WORKERS", "2")  # distributed.LocalCluster(n_workers=2, processes=True)
    # Workers are separate interpreters: they import this checkout's code (the runner puts it first on
    # PYTHONPATH; set here too so the assertion below holds whatever the installed package is).
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])))

    threads, threads_db = _backfill(tmp_path / "threads", monkeypatch, "threads")
    dask, dask_db = _backfill(tmp_path / "dask", monkeypatch, "dask")

    assert threads["status"] == dask["status"] == "success", (threads, dask)
    # The same work was done: requests, documents, rows and windows per source.
    assert dask["sources"] == threads["sources"]
    assert dask["sources"]["sec"]["documents"] > 5 and dask["sources"]["mempool"]["windows_loaded"] > 0

    # Extraction ran as Dask tasks, and no task loaded (loads are plain calls in the flow's process).
    con = duckdb.connect(str(dask_db), read_only=True)
    flow_run_id = con.execute("select prefect_flow_run_id from ops.runs where run_id = ?",
                              [dask["run_id"]]).fetchone()[0]
    con.close()
    names = _task_names(flow_run_id)
    assert sum(n.startswith("sec-miner-extract") for n in names) >= 10, names  # one per registered miner
    assert any(n.startswith("network-source-extract") for n in names), names
    assert not any(n.startswith(("sec-miner-", "network-source-", "xbrl-miner-"))
                   and "extract" not in n for n in names), names

    # Same published warehouse: staging facts and every mart ...
    assert content_fingerprint(dask_db) == content_fingerprint(threads_db)
    # ... every staging, raw and ops table with its lineage (document hashes, URLs, parser versions),
    expected, got = table_contents(threads_db), table_contents(dask_db)
    assert got.keys() == expected.keys()
    for table in expected:
        assert got[table] == expected[table], f"{table} differs under the Dask task runner"
    assert sum(len(rows) for rows in expected.values()) > 1_000
    # ... the same load journal (what `minerwatch rebuild` replays) and the same archived bodies.
    assert journal(dask_db) == journal(threads_db)
    assert archive_objects(dask_db) == archive_objects(threads_db)


def test_dask_workers_share_the_sec_rate_limit(live_settings, snapshot_server, monkeypatch, prefect_harness):
    """SEC allows 10 requests a second per client in total. Each Dask worker process has its own rate
    limiter, so the run divides MINERWATCH_SEC_RATE_PER_S (8) among the workers: the loopback server,
    refusing like SEC past 10 requests in any second, refuses none of them."""
    import time

    from extractors.snapshot_server import RateCeiling
    from flows.pipeline import backfill_flow, with_task_runner
    from flows.runners import share_rate

    assert share_rate(live_settings, 2).sec_rate_per_s == live_settings.sec_rate_per_s / 2
    monkeypatch.setenv("MINERWATCH_SEC_RATE_PER_S", "8")
    monkeypatch.setenv("MINERWATCH_DASK_WORKERS", "2")
    sec_limit = RateCeiling("/sec-", 10, answer="sec403")
    snapshot_server.ceilings.append(sec_limit)
    started = time.monotonic()
    summary = with_task_runner(backfill_flow, "dask")(start=date(2025, 11, 1), end=date(2025, 12, 31),
                                                      sources=["sec", "xbrl"])
    elapsed = time.monotonic() - started
    requests = summary["sources"]["sec"]["requests"] + summary["sources"]["xbrl"]["requests"]
    assert sec_limit.refused == 0, f"{sec_limit.refused} of {requests} SEC requests over 10/s ({elapsed:.0f} s)"
    assert summary["status"] == "success", summary
    assert requests > 50
