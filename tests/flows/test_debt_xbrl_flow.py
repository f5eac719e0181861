"""Issue 4 end to end through the real flows: the SEC source loads the snapshot's debt documents and the
XBRL source its companyfacts (real Prefect runs, real HTTP on loopback, a real DuckDB file); the register
and the leverage marts fill; a second refresh changes nothing; `rebuild` replays both from the archive."""
from __future__ import annotations

from datetime import date

import duckdb
import pytest

from tests.edgar_support import SNAPSHOT
from tools.sec_snapshot.spec import load_spec

pytestmark = pytest.mark.usefixtures("prefect_harness")

SPEC = SNAPSHOT.parent / "tools" / "sec_snapshot_spec"


def query(db_path, sql, params=None):
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def content(db_path, tables: list[str], drop=("run_id", "fetched_at")) -> dict[str, tuple]:
    """Row count and an order-independent hash of each table, lineage of the run left out."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        out = {}
        for t in tables:
            schema, name = t.split(".")
            cols = [r[0] for r in con.execute("select column_name from duckdb_columns() where schema_name = ?"
                                              " and table_name = ? order by column_index", [schema, name]).fetchall()]
            keep = ", ".join(c for c in cols if c not in drop)
            out[t] = con.execute(f"select count(*), bit_xor(hash(x)) from (select {keep} from {t}) as x").fetchone()
        return out
    finally:
        con.close()


DEBT_TABLES = ["staging.debt_events", "staging.debt_instruments", "staging.xbrl_facts", "staging.xbrl_metric_values",
               "marts.debt_events", "marts.debt_instruments", "marts.debt_instrument_quarterly",
               "marts.miner_leverage_quarterly", "marts.industry_debt_quarterly", "marts.debt_maturities"]


def test_debt_register_and_leverage_marts_fill_refresh_is_idempotent_and_rebuild_replays(live_settings, snapshot_server):
    from flows.pipeline import backfill_flow, refresh_flow
    from flows.rebuild import rebuild_flow

    summary = backfill_flow(start=date(2024, 1, 1), end=date(2025, 12, 31))
    assert summary["status"] == "success" and summary["quarantined"] == 0, summary
    db = live_settings.db

    # every debt filing of the snapshot filed in the window went to the debt handler
    spec = load_spec(SPEC)
    expected = sorted((f.ticker, f.filed) for f in spec.filings if f.kind == "debt" and f.filed <= date(2025, 12, 31))
    loaded = sorted(query(db, "select ticker, filing_date from ops.loaded_documents where kind = 'debt'"))
    assert loaded == expected and len(loaded) >= 40
    assert {t for t, _ in loaded} >= {"RIOT", "MARA", "CLSK", "CORZ", "CIFR", "WULF", "IREN", "BITF", "BTDR"}

    inst = {r[0]: r[1:] for r in query(db, "select instrument_id, status, outstanding_principal_usd, event_count"
                                           " from marts.debt_instruments")}
    assert inst["WULF-senior_secured_notes-2030-7.75"] == ("closed", 3.2e9, 2)         # priced + 8-K closing
    assert inst["BITF-convertible_notes-2031-1.375"] == ("closed", 588e6, 3)           # proposed, priced, closed
    assert inst["IREN-convertible_notes-2029-3.50"][1] == 200e6                       # $500M less $300M repurchased
    assert inst["IREN-convertible_notes-2031-0.00"][1] == 875e6
    assert inst["RIOT-convertible_notes-2030-0.75"] == ("closed", 594.1e6, 3)
    assert inst["CORZ-convertible_notes-2031-0.00"][1] == 550e6
    assert inst["BTDR-convertible_notes-2029-5.25"][1] == 160e6                       # repurchase reduces principal
    assert inst["BTDR-convertible_notes-2029-8.50"][:2] == ("retired", 0.0)
    assert inst["CIFR-senior_secured_notes-2030-7.125"][1] == 1.733e9                  # $1.4B plus the $333M tap
    assert inst["MARA-convertible_notes-2026-1.00"][:2] == ("retirements_only", None)  # issued before the register

    # the industry's debt rises through 2025 and equals the sum of its miners
    industry = dict(query(db, "select quarter_end, total_debt_usd from marts.industry_debt_quarterly"))
    path = [industry[date(2025, m, d)] for m, d in ((3, 31), (6, 30), (9, 30), (12, 31))]
    assert path == sorted(path) and path[-1] > 3 * industry[date(2024, 12, 31)] and path[-1] > 15e9
    miners = dict(query(db, "select quarter_end, sum(total_debt_usd) from marts.miner_leverage_quarterly group by 1"))
    assert all(abs(total - miners[q]) < 1 for q, total in industry.items())
    assert query(db, "select count(*) from marts.debt_maturities where maturity_year = 2030")[0][0] >= 2

    # XBRL: the 10-Q/A is a second version of TeraWulf's Q2 2025 debt, and it is the one picked
    versions = query(db, "select form, value from staging.xbrl_facts where ticker = 'WULF' and tag = 'LongTermDebt'"
                         " and period = '2025-06-30' order by filed")
    assert versions == [("10-Q", 488.7e6), ("10-Q/A", 491.4e6)]
    assert query(db, "select debt_carrying_usd, equity_usd from marts.miner_leverage_quarterly"
                     " where ticker = 'WULF' and quarter_end = '2025-06-30'") == [(491.4e6, 175.6e6)]
    # an IFRS filer, and FPIs without companyfacts (404) are no error
    assert query(db, "select distinct taxonomy from staging.xbrl_facts where ticker = 'BITF'") == [("ifrs-full",)]
    assert query(db, "select count(*) from staging.xbrl_facts where ticker in ('BTDR', 'HIVE')") == [(0,)]
    marks = dict(query(db, "select source, last_day from ops.watermarks where source like 'xbrl:%'"))
    assert marks["xbrl:BTDR"] == date(2025, 12, 31) and len(marks) == 12
    # filings after the window's end are not there yet: CleanSpark's 2026 exchange
    assert query(db, "select outstanding_principal_usd from marts.debt_instruments"
                     " where instrument_id = 'CLSK-convertible_notes-2030-0.00'") == [(650e6,)]

    first = refresh_flow()
    assert first["status"] == "success", first
    assert query(db, "select outstanding_principal_usd from marts.debt_instruments"
                     " where instrument_id = 'CLSK-convertible_notes-2030-0.00'") == [(450e6,)]
    again = refresh_flow()
    assert again["sources"]["sec"]["rows_changed"] == 0 and again["sources"]["xbrl"]["rows_changed"] == 0
    assert again["sources"]["xbrl"]["windows_skipped"] == 8  # revalidated (304), same facts: not reloaded
    expected_content = content(db, DEBT_TABLES)
    assert expected_content["marts.miner_leverage_quarterly"][0] > 40

    db.unlink()
    for path in live_settings.work_db.parent.iterdir():
        path.unlink()
    served = len(snapshot_server.requests)
    rebuilt = rebuild_flow()
    assert rebuilt["status"] == "success" and rebuilt["sources"]["xbrl"]["documents"] >= 8
    assert len(snapshot_server.requests) == served  # no network
    assert content(db, DEBT_TABLES) == expected_content
    marks = dict(query(db, "select source, last_day from ops.watermarks where source like 'xbrl:%'"))
    assert marks["xbrl:WULF"] == date(2026, 4, 29)
