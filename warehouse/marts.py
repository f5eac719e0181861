"""Rebuild the analyst-facing marts from staging and run the data checks."""
from __future__ import annotations

import json

import duckdb

from warehouse.db import read_sql, transaction


def build_marts(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Run every warehouse/sql/marts/*.sql in one transaction; return the files run."""
    names = []
    with transaction(con):
        for name, sql in read_sql("marts"):
            con.execute(sql)
            names.append(name)
    return names


def run_checks(con: duckdb.DuckDBPyConnection, run_id: str, sample_rows: int = 5) -> dict[str, int]:
    """Each warehouse/sql/checks/*.sql must return zero rows; record and return violations."""
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


def _jsonable(value):
    if isinstance(value, (int, float, str, bool)) or value is None:
        return value
    return str(value)
