"""The SEC source through the real flow: faults retried or quarantined, the next run heals, a
no-op refresh asks only for each miner's submissions list."""
from __future__ import annotations

from datetime import date

import duckdb
import pytest

from extractors.snapshot_server import Fault

pytestmark = pytest.mark.usefixtures("prefect_harness")


def query(db_path, sql, params=None):
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def test_sec_faults_quarantine_and_heal(live_settings, snapshot_server):
    from flows.pipeline import backfill_flow, refresh_flow

    faults = [
        Fault(r"riot-20251203xex99d1\.htm$", "truncate", times=1),          # retried by the client
        Fault(r"/827876/.*-index-headers\.html$", "status", status=500, times=2),  # CLSK: 5xx burst
        Fault(r"/submissions/CIK0001720424\.json$", "status", status=503, times=-1),  # HIVE: down
        Fault(r"/1878848/.*d856295dex991\.htm$", "malformed", body=b"<html><body>\x00\x00</body></html>",
              times=-1),                                                     # IREN Nov: garbage
    ]
    for fault in faults:
        snapshot_server.add_fault(fault)
    summary = backfill_flow(start=date(2025, 10, 1), end=date(2025, 12, 31), sources=["sec"])

    assert summary["status"] == "partial"
    sec = summary["sources"]["sec"]
    assert len(sec["quarantined"]) == 2, sec["quarantined"]
    assert any(q.startswith("HIVE submissions") and "HTTP 503" in q for q in sec["quarantined"])
    # Garbage cannot be classified: it is quarantined as unreadable, not filed away as "other".
    assert any(q.startswith("IREN ") and "no readable text" in q for q in sec["quarantined"])
    assert all(f.hits >= 1 for f in faults)
    db = live_settings.db
    loaded = dict(query(db, "select ticker, count(*) from marts.miner_production group by 1"))
    assert "HIVE" not in loaded and loaded["RIOT"] >= 2 and loaded["CLSK"] >= 2
    assert query(db, "select count(*) from marts.miner_production where ticker = 'IREN'"
                     " and period_end = '2025-11-30' and reported_as_own_period")[0][0] == 0
    open_items = query(db, "select source, endpoint, document_hash is not null from ops.quarantine"
                           " where resolved_at is null order by 1")
    assert open_items == [("sec:HIVE", "submissions", False), ("sec:IREN", "other", True)]

    snapshot_server.faults.clear()
    healed = refresh_flow(sources=["sec"])
    assert healed["status"] == "success", healed
    assert query(db, "select count(*) from ops.quarantine where resolved_at is null") == [(0,)]
    assert query(db, "select btc_produced from marts.miner_production where ticker = 'IREN'"
                     " and period_type = 'month' and period_end = '2025-11-30'") == [(598.0,)]
    assert query(db, "select count(*) from marts.miner_production where ticker = 'HIVE'")[0][0] >= 3


def test_a_no_op_refresh_asks_only_for_submissions(live_settings, snapshot_server):
    from flows.pipeline import backfill_flow, refresh_flow

    backfill_flow(start=date(2025, 10, 1), end=date(2026, 4, 29), sources=["sec"])
    before = len(snapshot_server.requests)
    again = refresh_flow(sources=["sec"])
    new = snapshot_server.requests[before:]
    assert again["sources"]["sec"]["rows_changed"] == 0
    assert [r for r in new if r["path"].startswith("/sec-www/")] == []  # no filing, no document
    submissions = [r for r in new if "/submissions/" in r["path"]]
    assert len(submissions) == len(new) == 12  # one listing request per registered miner
