"""Read-only questions about the published warehouse: runs, freshness, row counts, problems."""
from __future__ import annotations

from pathlib import Path

import duckdb

from warehouse.catalog import has_relation
from warehouse.db import WarehouseError, connect

STATUS_TABLE_SCHEMAS = ("raw", "staging", "marts", "ops")


def open_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    """Analysts' connection: read-only, and no access to local files or extensions."""
    try:
        con = connect(path, read_only=True)
    except Exception as exc:  # noqa: BLE001 - say what to do, not what DuckDB saw
        if isinstance(exc, WarehouseError) and "no warehouse" in str(exc):
            raise
        raise WarehouseError(
            f"the published warehouse {path} cannot be opened ({str(exc).splitlines()[0][:120]}): "
            "the next refresh republishes it, or run `minerwatch rebuild` to recreate it from the archive"
        ) from exc
    con.execute("set enable_external_access = false")
    con.execute("set lock_configuration = true")
    return con


def _rows(con, sql: str, params=None) -> list[dict]:
    cur = con.execute(sql, params or [])
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row)) for row in cur.fetchall()]


def _has_table(con, schema: str, table: str) -> bool:
    return con.execute("select count(*) from duckdb_tables() where schema_name = ? and table_name = ?",
                       [schema, table]).fetchone()[0] > 0


#: Order in which change examples are shown: the ones an analyst must notice first.
CHANGE_KIND_ORDER = {"retract": 0, "revise": 1, "insert": 2}


def last_run_changes(con: duckdb.DuckDBPyConnection, examples: int = 5) -> dict:
    """What the last finished run changed: counts by table and kind, and a few examples
    (retractions and revisions before inserts)."""
    row = con.execute("select run_id from ops.runs where status != 'running' order by started_at desc limit 1"
                      ).fetchone()
    if row is None:
        return {"run_id": None, "total": 0, "by_table": [], "examples": []}
    run_id = row[0]
    by_table = _rows(con, """
        select table_name, change_kind, count(*) as changes from ops.change_log where run_id = ?
        group by all order by table_name, change_kind""", [run_id])
    source = "marts.change_log" if has_relation(con, "marts.change_log") else "ops.change_log"
    picked = _rows(con, f"""
        select * from {source} where run_id = ?
        order by case change_kind when 'retract' then 0 when 'revise' then 1 else 2 end,
                 table_name = 'staging.network_observations', change_id
        limit ?""", [run_id, examples])
    return {"run_id": run_id, "total": sum(r["changes"] for r in by_table), "by_table": by_table,
            "examples": picked}


def collect_status(con: duckdb.DuckDBPyConnection, runs: int = 5) -> dict:
    tables = _rows(con, """
        select schema_name || '.' || table_name as "table", estimated_size as rows_estimated
        from duckdb_tables() where schema_name in ('raw', 'staging', 'marts', 'ops')
        order by 1""")
    for t in tables:  # exact counts: the tables are small enough and analysts want the truth
        t["rows"] = con.execute(f'select count(*) from {t["table"]}').fetchone()[0]
        del t["rows_estimated"]
    status = {
        "schema_version": con.execute("select max(version) from ops.schema_migrations").fetchone()[0],
        "runs": _rows(con, """
            select run_id, flow, started_at, finished_at,
                   round(epoch(finished_at - started_at), 1) as seconds, status,
                   cast(counts ->> '$.quarantined' as integer) as quarantined,
                   counts ->> '$.failed_checks' as failed_checks, message
            from ops.runs order by started_at desc limit ?""", [runs]),
        "freshness": _rows(con, """
            select source, last_day, last_success_at, last_run_id,
                   current_date - last_day as days_behind
            from ops.watermarks order by source"""),
        "tables": tables,
        "quarantine_open": _rows(con, """
            select quarantine_id, source, endpoint, url, reason, attempts, first_seen_at, last_seen_at
            from ops.quarantine where resolved_at is null order by last_seen_at desc"""),
        "failed_checks": _rows(con, """
            select check_name, violations, sample from ops.check_results
            where run_id = (select run_id from ops.runs where status != 'running'
                            order by started_at desc limit 1)
              and violations > 0 order by check_name"""),
        "held_back": _rows(con, """
            select table_name, ticker, period_type, period_end, metric, check_name, reason
            from ops.held_back order by ticker, period_end, metric"""),
        "reports_overdue": _rows(con, """
            select ticker, current_cadence, last_period_end, due_on, days_overdue, report_status
            from marts.miner_report_status where report_status != 'on time' order by ticker""")
            if _has_table(con, "marts", "miner_report_status") else [],
        "source_disagreements": _rows(con, """
            select metric, count(*) as days_beyond_tolerance, max(day) as latest_day,
                   round(max(spread_ratio), 4) as worst_spread, any_value(tolerance) as tolerance
            from marts.network_source_comparison
            where exceeds_tolerance and day >= (select max(day) from marts.network_source_comparison) - 90
            group by metric order by metric"""),
        "last_run_changes": last_run_changes(con),
    }
    return status
