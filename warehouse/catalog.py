"""What the warehouse holds, read from DuckDB's own catalog: mart relations, columns, comments.

Identifiers a user names (a table, a column) are checked against this catalog before they reach
SQL, so nothing a user types is ever spliced into a query except a name the catalog vouches for.
"""
from __future__ import annotations

from dataclasses import dataclass

import duckdb

MART_SCHEMA = "marts"


@dataclass(frozen=True)
class Column:
    name: str
    data_type: str
    comment: str | None


@dataclass(frozen=True)
class Relation:
    """A mart table, view or table macro."""

    schema: str
    name: str
    kind: str  # "table" | "view" | "macro"
    comment: str | None
    columns: tuple[Column, ...] = ()

    @property
    def qualified(self) -> str:
        return f"{self.schema}.{self.name}"

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.name == name), None)


def quote_ident(name: str) -> str:
    """Double-quote an identifier the catalog returned (embedded quotes doubled)."""
    return '"' + name.replace('"', '""') + '"'


def has_relation(con: duckdb.DuckDBPyConnection, qualified: str) -> bool:
    """True when `schema.name` is a table or view in the warehouse."""
    schema, _, name = qualified.partition(".")
    return con.execute(
        "select count(*) from (select schema_name, table_name from duckdb_tables()"
        " union all select schema_name, view_name from duckdb_views()) where schema_name = ? and table_name = ?",
        [schema, name]).fetchone()[0] > 0


def _columns(con, schema: str, name: str) -> tuple[Column, ...]:
    rows = con.execute(
        "select column_name, data_type, comment from duckdb_columns()"
        " where schema_name = ? and table_name = ? order by column_index", [schema, name]).fetchall()
    return tuple(Column(*r) for r in rows)


def mart_relations(con: duckdb.DuckDBPyConnection, schema: str = MART_SCHEMA) -> list[Relation]:
    """Every table, view and table macro in `schema`, by name, with columns and comments."""
    rows = con.execute(
        """
        select table_name, 'table', comment from duckdb_tables() where schema_name = ?
        union all
        select view_name, 'view', comment from duckdb_views() where schema_name = ? and not internal
        union all
        select distinct function_name, 'macro', comment from duckdb_functions()
        where schema_name = ? and function_type = 'table_macro'
        order by 1
        """, [schema, schema, schema]).fetchall()
    out = []
    for name, kind, comment in rows:
        columns = _columns(con, schema, name) if kind != "macro" else _macro_columns(con, schema, name)
        out.append(Relation(schema, name, kind, comment, columns))
    return out


def _macro_columns(con, schema: str, name: str) -> tuple[Column, ...]:
    """Columns a one-argument table macro returns (described with a far-future as-of date)."""
    try:
        rows = con.execute(
            f"describe select * from {quote_ident(schema)}.{quote_ident(name)}(date '9999-12-31')").fetchall()
    except duckdb.Error:
        return ()
    return tuple(Column(r[0], r[1], None) for r in rows)


def relation(con: duckdb.DuckDBPyConnection, qualified: str) -> Relation:
    """The mart table or view called `qualified` ("marts.x" or "x"); ValueError naming the choices."""
    schema, _, name = qualified.rpartition(".")
    schema = schema or MART_SCHEMA
    known = {r.name: r for r in mart_relations(con, schema) if r.kind != "macro"} if schema == MART_SCHEMA else {}
    if name not in known:
        choices = ", ".join(f"{MART_SCHEMA}.{n}" for n in sorted(known)) or "none (is the warehouse built?)"
        raise ValueError(f"unknown mart {qualified!r}; choose from {choices}")
    return known[name]
