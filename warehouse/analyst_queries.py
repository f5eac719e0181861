"""The documented analyst queries (docs/analyst_queries.sql), read into named, runnable queries.

The file is plain SQL an analyst can paste; each query starts with `-- name:`, `-- question:` and
`-- requires:` header lines, which is all this module reads besides the SQL itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.catalog import has_relation

QUERIES_PATH = Path(__file__).resolve().parents[1] / "docs" / "analyst_queries.sql"
HEADER = re.compile(r"^-- (name|question|requires):\s*(.*)$")


@dataclass(frozen=True)
class AnalystQuery:
    name: str
    question: str
    requires: tuple[str, ...]
    sql: str

    def missing(self, con: duckdb.DuckDBPyConnection) -> list[str]:
        """Required marts (tables, views or table macros) the warehouse does not have yet."""
        out = []
        for mart in self.requires:
            schema, _, name = mart.partition(".")
            is_macro = con.execute("select count(*) from duckdb_functions() where schema_name = ?"
                                   " and function_name = ?", [schema, name]).fetchone()[0] > 0
            if not (has_relation(con, mart) or is_macro):
                out.append(mart)
        return out


def load_queries(path: Path = QUERIES_PATH) -> list[AnalystQuery]:
    """Every query of the file, in order; ValueError on a query without a name or a duplicate."""
    queries, current, body = [], None, []
    for line in Path(path).read_text(encoding="utf-8").splitlines() + ["-- name: <end>"]:
        match = HEADER.match(line)
        if match and match.group(1) == "name":
            if current:
                queries.append(AnalystQuery(current["name"], current.get("question", ""),
                                            tuple(m.strip() for m in current.get("requires", "").split(",")
                                                  if m.strip()),
                                            "\n".join(body).strip().rstrip(";").strip()))
            current, body = {"name": match.group(2).strip()}, []
        elif match and current is not None:
            current[match.group(1)] = match.group(2).strip()
        elif current is not None:
            body.append(line)
    names = [q.name for q in queries]
    if len(set(names)) != len(names):
        raise ValueError("two analyst queries share a name")
    empty = [q.name for q in queries if not q.sql]
    if empty:
        raise ValueError(f"analyst queries without SQL: {', '.join(empty)}")
    return queries
