"""Rebuild the analyst-facing marts from staging, hold back facts that fail data checks, check.

Every warehouse/sql/checks/*.sql is a query that must return zero rows. A check whose first line
is `-- holds back: <staging table>` returns the offending facts (ticker, period_type,
period_end, metric, document_hash, reason); they are recorded in ops.held_back, which the marts
leave out, so a misread figure never reaches an analyst while its reason shows in status.
"""
from __future__ import annotations

import json
import re

import duckdb

from warehouse.db import read_sql, transaction

HOLD_HEADER = re.compile(r"^--\s*holds back:\s*(?P<table>[a-z_]+\.[a-z_]+)\s*$", re.M)
#: `-- requires: staging.xbrl_facts(cik, tag, value)`: a mart file that enriches others from a table
#: another part of the pipeline may not have created (yet); it runs only when the table and columns exist.
REQUIRES_HEADER = re.compile(r"^--\s*requires:\s*(?P<schema>[a-z_]+)\.(?P<table>[a-z_]+)"
                             r"(?:\((?P<columns>[a-z_,\s]+)\))?\s*$", re.M)


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


def build_marts(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Run every warehouse/sql/marts/*.sql in one transaction; return the files run."""
    names = []
    with transaction(con):
        for name, sql in read_sql("marts"):
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

    Returns (violations per check, facts held back).
    """
    build_marts(con)
    held = hold_back(con, run_id)
    if held:
        build_marts(con)
    return run_checks(con, run_id), held


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
