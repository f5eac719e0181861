"""Connections, numbered migrations and transactions for the DuckDB warehouse."""
from __future__ import annotations

import hashlib
import re
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import duckdb

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
SQL_DIR = Path(__file__).parent / "sql"


class WarehouseError(RuntimeError):
    """The warehouse file is missing, locked, corrupt or from an unknown schema version."""


#: DuckDB memory_limit of writer connections (read-only analyst connections keep DuckDB's default).
WRITER_MEMORY_LIMIT = os.environ.get("MINERWATCH_DUCKDB_MEMORY_LIMIT", "512MB")


def connect(path: Path, *, read_only: bool = False, attempts: int = 20) -> duckdb.DuckDBPyConnection:
    """Open `path`, retrying briefly while another process holds a conflicting lock."""
    path = Path(path)
    if read_only and not path.exists():
        raise WarehouseError(f"no warehouse at {path}: run `minerwatch backfill` or `make demo` first")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    delay = 0.05
    for attempt in range(attempts):
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            con.execute("set timezone = 'UTC'")
            if not read_only:
                # The writer's buffer pool: DuckDB's default (80% of RAM) keeps every page it touched
                # cached for the whole run; the warehouse's working set is far smaller, and anything
                # larger spills to disk (benchmarks/RESULTS.md, (7)).
                con.execute(f"set memory_limit = '{WRITER_MEMORY_LIMIT}'")
            return con
        except (duckdb.IOException, duckdb.BinderException) as exc:
            # A lock held by another process, or (BinderException "Unique file handle conflict")
            # another thread of this process closing its last connection to the same file while
            # DuckDB's instance cache still holds it: both clear within moments.
            transient = "lock" in str(exc).lower() or "unique file handle conflict" in str(exc).lower()
            if not transient or attempt == attempts - 1:
                raise WarehouseError(f"cannot open {path}: {exc}") from exc
            time.sleep(delay)
            delay = min(delay * 2, 1.0)
    raise AssertionError("unreachable")


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """BEGIN ... COMMIT, or ROLLBACK on any error: a window loads whole or not at all."""
    con.execute("begin transaction")
    try:
        yield con
    except BaseException:
        con.execute("rollback")
        raise
    else:
        con.execute("commit")


def migration_files() -> list[tuple[int, str, Path]]:
    out = []
    for path in sorted(MIGRATIONS_DIR.glob("*.sql")):
        match = re.match(r"^(\d{4})_(.+)\.sql$", path.name)
        if match:
            out.append((int(match.group(1)), match.group(2), path))
    versions = [v for v, _, _ in out]
    if len(set(versions)) != len(versions):
        raise WarehouseError("two migrations share a version number")
    return out


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply pending migrations in order, each in its own transaction; return those applied."""
    con.execute("create schema if not exists ops")
    con.execute(
        "create table if not exists ops.schema_migrations ("
        " version integer primary key, name varchar not null, checksum varchar not null,"
        " applied_at timestamptz not null default current_timestamp)"
    )
    applied = {v: c for v, c in con.execute("select version, checksum from ops.schema_migrations").fetchall()}
    done = []
    for version, name, path in migration_files():
        sql = path.read_text(encoding="utf-8")
        checksum = hashlib.sha256(sql.encode()).hexdigest()
        if version in applied:
            if applied[version] != checksum:
                raise WarehouseError(f"migration {path.name} changed after it was applied; add a new one instead")
            continue
        with transaction(con):
            con.execute(sql)
            con.execute("insert into ops.schema_migrations (version, name, checksum) values (?, ?, ?)",
                        [version, name, checksum])
        done.append(version)
    known = max((v for v, _, _ in migration_files()), default=0)
    newest = con.execute("select max(version) from ops.schema_migrations").fetchone()[0] or 0
    if newest > known:
        raise WarehouseError(f"warehouse schema version {newest} is newer than this code ({known}); upgrade minerwatch")
    return done


def read_sql(kind: str) -> list[tuple[str, str]]:
    """(name, sql) of every file in warehouse/sql/<kind>/, in file-name order."""
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((SQL_DIR / kind).glob("*.sql"))]
