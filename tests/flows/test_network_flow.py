"""The network flows end to end in-process: real Prefect runs, real HTTP with injected faults,
a real DuckDB file; partial runs, quarantine, retry on the next run, idempotence."""
from __future__ import annotations

from datetime import date

import duckdb
import pytest

from extractors.snapshot_server import Fault
from tests.edgar_support import SNAPSHOT

pytestmark = pytest.mark.usefixtures("prefect_harness")

CONTENT_SCHEMAS = ("raw", "staging", "marts")


def fingerprint(db_path) -> dict[str, tuple]:
    """Row count and an order-independent hash of every raw/staging/marts table's content."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        tables = con.execute("select schema_name || '.' || table_name from duckdb_tables()"
                             " where schema_name in ('raw', 'staging', 'marts') order by 1").fetchall()
        return {t: con.execute(f"select count(*), bit_xor(hash(x)) from {t} as x").fetchone() for (t,) in tables}
    finally:
        con.close()


def query(db_path, sql, params=None):
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def test_faults_are_retried_or_quarantined_and_the_next_run_heals(live_settings, snapshot_server):
    from flows.pipeline import backfill_flow, refresh_flow

    faults = [
        Fault(r"/mempool/api/v1/mining/hashrate", "status", status=429, retry_after="1", times=1),
        Fault(r"/blockchain/charts/difficulty", "status", status=502, times=3),
        Fault(r"/coinmetrics/", "stall", seconds=live_settings.read_timeout_s + 1, times=1),
        Fault(r"/blockchain/charts/market-price", "truncate", times=1),
        Fault(r"/mempool/api/v1/mining/blocks/fees", "reset", times=1),
        Fault(r"/mempool/api/v1/historical-price", "malformed", body=b'{"prices": [', times=-1),
    ]
    for fault in faults:
        snapshot_server.add_fault(fault)

    summary = backfill_flow(start=date(2025, 6, 1), end=date(2025, 12, 31))

    assert summary["status"] == "partial" and summary["quarantined"] == 1
    mempool = summary["sources"]["mempool"]
    assert len(mempool["quarantined"]) == 1 and "prices" in mempool["quarantined"][0]
    assert "malformed JSON" in mempool["quarantined"][0]
    assert all(f.hits >= 1 for f in faults)
    db = live_settings.db
    [(reason, attempts)] = query(db, "select reason, attempts from ops.quarantine where resolved_at is null")
    assert "malformed JSON" in reason and attempts == 1
    # Everything else loaded whole: 214 days of hashprice, every source but the broken endpoint.
    assert query(db, "select count(*), min(day), max(day) from marts.hashprice_daily"
                     " where day between '2025-06-01' and '2025-12-31'") == [(214, date(2025, 6, 1), date(2025, 12, 31))]
    assert query(db, "select status from ops.runs") == [("partial",)]
    # The source with a quarantined endpoint keeps its old watermark, so the next run asks again.
    marks = dict(query(db, "select source, last_day from ops.watermarks"))
    assert "mempool" not in marks and marks["coinmetrics"] == date(2025, 12, 31)

    snapshot_server.faults.clear()
    healed = refresh_flow()
    assert healed["status"] == "success" and healed["quarantined"] == 0
    assert query(db, "select count(*) from ops.quarantine where resolved_at is null") == [(0,)]
    assert query(db, "select resolved_run_id from ops.quarantine") == [(healed["run_id"],)]
    assert query(db, "select count(*) from staging.network_observations where source = 'mempool'"
                     " and metric = 'btc_price_usd'")[0][0] > 300


def test_backfill_twice_changes_nothing_and_refresh_downloads_nothing_new(live_settings, snapshot_server):
    from flows.pipeline import backfill_flow, refresh_flow

    first = backfill_flow(start=date(2025, 10, 1), end=date(2025, 12, 31))
    assert first["status"] == "success"
    before = fingerprint(live_settings.db)
    assert before["marts.hashprice_daily"][0] == 92

    again = backfill_flow(start=date(2025, 10, 1), end=date(2025, 12, 31))
    assert all(s["rows_changed"] == 0 for s in again["sources"].values())
    assert fingerprint(live_settings.db) == before

    refresh_flow()  # picks up 2026-01-01..2026-04-29 and moves the watermarks
    refresh_flow()  # asks from the new watermark: new URLs, same data
    after_refresh = fingerprint(live_settings.db)
    requests_before = len(snapshot_server.requests)
    second = refresh_flow()
    assert all(s["rows_changed"] == 0 for s in second["sources"].values())
    assert fingerprint(live_settings.db) == after_refresh
    # Every request of the no-op refresh was answered 304 from the archive: no body downloaded. A CIK
    # without companyfacts answers 404 (nothing archived to revalidate), and is asked again each run.
    new = snapshot_server.requests[requests_before:]
    revalidations = [r for r in new if "If-None-Match" in r["headers"]]
    no_facts = [r for r in new if r["path"].startswith("/sec-data/api/xbrl/companyfacts/")
                and not (SNAPSHOT / r["path"].lstrip("/")).exists()]
    assert len(revalidations) + len(no_facts) == len(new) > 0


def test_a_crash_inside_a_window_leaves_earlier_windows_and_the_rerun_finishes(live_settings, snapshot_server,
                                                                                monkeypatch):
    """Resumability in-process: windows are transactions; a rerun skips the ones already loaded."""
    from flows import network
    from flows.pipeline import backfill_flow

    real_record = network.load.record_window
    calls = {"n": 0}

    def crash_on_third(con, **kw):
        calls["n"] += 1
        if kw["source"] == "coinmetrics" and kw["window_start"].year == 2025:
            raise RuntimeError("simulated crash while loading 2025")
        return real_record(con, **kw)

    monkeypatch.setattr(network.load, "record_window", crash_on_third)
    with pytest.raises(Exception, match="simulated crash"):
        backfill_flow(start=date(2023, 1, 1), end=date(2025, 12, 31), sources=["coinmetrics"])
    work = live_settings.work_db
    loaded = query(work, "select window_start from ops.source_windows order by 1")
    assert loaded == [(date(2023, 1, 1),), (date(2024, 1, 1),)]
    assert query(work, "select count(*) from staging.network_observations where day >= '2025-01-01'") == [(0,)]
    assert not live_settings.db.exists()  # nothing was published from the failed run
    monkeypatch.setattr(network.load, "record_window", real_record)
    rerun = backfill_flow(start=date(2023, 1, 1), end=date(2025, 12, 31), sources=["coinmetrics"])
    cm = rerun["sources"]["coinmetrics"]
    assert cm["windows_skipped"] == 2 and cm["windows_loaded"] == 1
    assert query(live_settings.db, "select count(distinct day), count(*) from staging.network_observations"
                                   " where source = 'coinmetrics'") == [(1096, 1096 * 5)]


def marts_fingerprint(db_path) -> dict[str, tuple]:
    """Every mart but the change log, whose trail a rebuild from the archive starts anew (new runs)."""
    return {t: v for t, v in fingerprint(db_path).items() if t.startswith("marts.") and t != "marts.change_log"}


def test_rebuild_recreates_the_same_marts_from_the_archive_alone(live_settings, snapshot_server):
    from flows.pipeline import backfill_flow, refresh_flow
    from flows.rebuild import rebuild_flow
    from warehouse.db import WarehouseError

    backfill_flow(start=date(2025, 9, 1), end=date(2025, 12, 31))
    refresh_flow()
    expected = marts_fingerprint(live_settings.db)
    assert expected["marts.hashprice_daily"][0] > 120

    live_settings.db.unlink()
    for path in live_settings.work_db.parent.iterdir():
        path.unlink()
    with pytest.raises(WarehouseError, match="minerwatch rebuild"):
        refresh_flow()  # detected: no warehouse, but an archive to restore from

    served = len(snapshot_server.requests)
    summary = rebuild_flow()
    assert summary["status"] == "success"
    assert len(snapshot_server.requests) == served  # no network
    assert marts_fingerprint(live_settings.db) == expected
    marks = dict(query(live_settings.db, "select source, last_day from ops.watermarks"))
    assert {s: marks[s] for s in ("mempool", "blockchain_com", "coinmetrics")} == {
        s: date(2026, 4, 29) for s in ("mempool", "blockchain_com", "coinmetrics")}
