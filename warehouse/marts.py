"""Rebuild the analyst-facing marts from staging, hold back facts that fail data checks, check.

Every warehouse/sql/checks/*.sql is a query that must return zero rows. A check whose first line
is `-- holds back: <staging table>` returns the offending facts (ticker, period_type,
period_end, metric, document_hash, reason); they are recorded in ops.held_back, which the marts
leave out, so a misread figure never reaches an analyst while its reason shows in status.
"""
from __future__ import annotations

import hashlib
import json
import re

import duckdb

from warehouse.db import read_sql, transaction

HOLD_HEADER = re.compile(r"^--\s*holds back:\s*(?P<table>[a-z_]+\.[a-z_]+)\s*$", re.M)
#: `-- requires: staging.xbrl_facts(cik, tag, value)`: a mart file that enriches others from a table
#: another part of the pipeline may not have created (yet); it runs only when the table and columns exist.
REQUIRES_HEADER = re.compile(r"^--\s*requires:\s*(?P<schema>[a-z_]+)\.(?P<table>[a-z_]+)"
                             r"(?:\((?P<columns>[a-z_,\s]+)\))?\s*$", re.M)


#: `-- rebuilt every run: ...`: a mart that depends on the run's day, not only on the data (overdue reports).
EVERY_RUN_HEADER = re.compile(r"^--\s*rebuilt every run\b", re.M)
#: Columns that change with the day alone (the registry's cadence as of today), left out of the fingerprint:
#: the marts that read them are rebuilt every run.
DAY_COLUMNS = {("staging", "miners"): ("checked_on", "current_cadence")}
#: ops tables the marts read (besides ops.held_back, which the checks derive from staging).
OPS_INPUTS = (("ops", "change_log"), ("ops", "loaded_documents"))


def requirements_met(con: duckdb.DuckDBPyConnection, sql: str) -> bool:
    """False when a `-- requires:` header names a table or column the warehouse does not have."""
    for m in REQUIRES_HEADER.finditer(sql):
        have = {r[0] for r in con.execute(
            "select column_name from duckdb_columns() where schema_name = ? and table_name = ?",
            [m.group("schema"), m.group("table")]).fetchall()}
        wanted = {c.strip() for c in (m.group("columns") or "").split(",") if c.strip()}
        if not have or not wanted <= have:
            return False
    return True


def build_marts(con: duckdb.DuckDBPyConnection, *, every_run_only: bool = False) -> list[str]:
    """Run every warehouse/sql/marts/*.sql in one transaction (with `every_run_only`, only the files
    marked `-- rebuilt every run`); return the files run."""
    names = []
    with transaction(con):
        for name, sql in read_sql("marts"):
            if every_run_only and not EVERY_RUN_HEADER.search(sql):
                continue
            if not requirements_met(con, sql):
                continue
            con.execute(sql)
            names.append(name)
    return names


def hold_back(con: duckdb.DuckDBPyConnection, run_id: str) -> int:
    """Recompute ops.held_back from the hold-back checks; return how many facts are held."""
    with transaction(con):
        con.execute("delete from ops.held_back")
        for name, sql in read_sql("checks"):
            header = HOLD_HEADER.search(sql.split("\n", 1)[0])
            if not header:
                continue
            con.execute(
                f"""
                insert or ignore into ops.held_back
                select ?, ticker, period_type, period_end, metric, document_hash, ?, reason, ?, current_timestamp
                from ({sql})
                """,
                [header.group("table"), name, run_id],
            )
        return con.execute("select count(*) from (select distinct table_name, ticker, period_type, period_end,"
                           " metric, document_hash from ops.held_back)").fetchone()[0]


def build_and_check(con: duckdb.DuckDBPyConnection, run_id: str) -> tuple[dict[str, int], int]:
    """Build marts, hold back failing facts (rebuilding the marts without them), run every check.

    When nothing the marts are built from changed since the last build (a nightly refresh that found
    nothing new), only the marts that depend on the day are rebuilt and the last build's check results are
    recorded for this run: the rest would come out identical (the fingerprint covers every raw and staging
    row, the change log, the loaded documents and the SQL itself).

    Returns (violations per check, facts held back).
    """
    fingerprint = inputs_fingerprint(con)
    last = con.execute("select run_id, inputs_fingerprint from ops.mart_builds where rebuilt"
                       " order by built_at desc limit 1").fetchone()
    if last is not None and last[1] == fingerprint and _marts_present(con):
        build_marts(con, every_run_only=True)
        results = _reuse_check_results(con, last[0], run_id)
        if results is not None:
            _record_build(con, run_id, fingerprint, rebuilt=False)
            held = con.execute("select count(*) from (select distinct table_name, ticker, period_type, period_end,"
                               " metric, document_hash from ops.held_back)").fetchone()[0]
            return results, held
    build_marts(con)
    held = hold_back(con, run_id)
    if held:
        build_marts(con)
    results = run_checks(con, run_id)
    _record_build(con, run_id, fingerprint, rebuilt=True)
    return results, held


def inputs_fingerprint(con: duckdb.DuckDBPyConnection) -> str:
    """sha256 over what the marts are built from: each staging table's row count and order-free hash of
    its rows (day-only columns left out), the ops tables the marts read, and the SQL files.

    `raw.documents` is left out: only the view `marts.source_documents` reads it, and a view is read live.
    It gains a row whenever a listing answers differently (SEC's submissions JSON changes with every new
    filing of any form, a test server's address changes with its port), which would otherwise rebuild
    every mart on a night when no figure changed."""
    parts = []
    tables = con.execute("select schema_name, table_name from duckdb_tables()"
                         " where schema_name = 'staging' order by 1, 2").fetchall()
    for schema, table in [*tables, *OPS_INPUTS]:
        skip = DAY_COLUMNS.get((schema, table), ())
        columns = [c for (c,) in con.execute(
            "select column_name from duckdb_columns() where schema_name = ? and table_name = ? order by column_index",
            [schema, table]).fetchall() if c not in skip]
        if not columns:
            continue
        row = ", ".join('"' + c.replace('"', '""') + '"' for c in columns)
        count, digest = con.execute(f"select count(*), bit_xor(hash({row})) from {schema}.{table}").fetchone()
        parts.append(f"{schema}.{table}:{count}:{digest}")
    for kind in ("marts", "checks"):
        parts += [f"{kind}/{name}:{hashlib.sha256(sql.encode()).hexdigest()}" for name, sql in read_sql(kind)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _marts_present(con) -> bool:
    have = {t for (t,) in con.execute("select table_name from duckdb_tables() where schema_name = 'marts'").fetchall()}
    return {"miner_production", "hashprice_daily", "change_log"} <= have


def _reuse_check_results(con, built_run: str, run_id: str) -> dict[str, int] | None:
    """Record the last full build's check results for this run; None when they are incomplete."""
    names = {name for name, _ in read_sql("checks")}
    rows = dict(con.execute("select check_name, violations from ops.check_results where run_id = ?",
                            [built_run]).fetchall())
    if set(rows) != names:
        return None
    with transaction(con):
        con.execute("insert or replace into ops.check_results select ?, check_name, violations, sample,"
                    " current_timestamp from ops.check_results where run_id = ?", [run_id, built_run])
    return {name: int(rows[name]) for name in sorted(names)}


def _record_build(con, run_id: str, fingerprint: str, *, rebuilt: bool) -> None:
    with transaction(con):
        con.execute("insert or replace into ops.mart_builds values (?, ?, ?, current_timestamp)",
                    [run_id, fingerprint, rebuilt])


def run_checks(con: duckdb.DuckDBPyConnection, run_id: str, sample_rows: int = 5) -> dict[str, int]:
    """Record each check's violations (for hold-back checks: the facts held back)."""
    results = {}
    with transaction(con):
        for name, sql in read_sql("checks"):
            rel = con.sql(sql)
            columns = rel.columns
            rows = con.execute(f"select * from ({sql}) limit {sample_rows}").fetchall()
            violations = con.execute(f"select count(*) from ({sql})").fetchone()[0]
            sample = [dict(zip(columns, map(_jsonable, row))) for row in rows]
            con.execute(
                "insert or replace into ops.check_results values (?, ?, ?, ?, current_timestamp)",
                [run_id, name, violations, json.dumps(sample)],
            )
            results[name] = int(violations)
    return results


def hold_check_names() -> set[str]:
    """Checks that hold facts back (their violations are reported as held, not as failures)."""
    return {name for name, sql in read_sql("checks") if HOLD_HEADER.search(sql.split("\n", 1)[0])}


def _jsonable(value):
    if isinstance(value, (int, float, str, bool)) or value is None:
        return value
    return str(value)
