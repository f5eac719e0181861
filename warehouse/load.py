"""Idempotent, change-aware loads into staging, and the ops bookkeeping around them.

A load writes only rows whose values differ from what staging holds, so re-loading the same
document changes nothing (not even lineage), and every insert or revision is logged in
`ops.change_log`. Callers wrap each source window in one `transaction()`.
"""
from __future__ import annotations

import json
import uuid
from datetime import date, datetime, timezone
from typing import Iterable, Sequence

import duckdb
import pandas as pd

from extractors.archive import ArchiveEntry


def now_utc() -> datetime:
    return datetime.now(timezone.utc)


def new_run_id(flow: str) -> str:
    return f"{flow}-{now_utc():%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:6]}"


def merge_rows(
    con: duckdb.DuckDBPyConnection,
    table: str,
    frame: pd.DataFrame,
    *,
    keys: Sequence[str],
    compare: Sequence[str],
    change_entity: str,
    change_metric: str | None,
    change_period: str,
    change_value: str,
    run_id: str,
) -> int:
    """Upsert `frame` into `table` on `keys`, touching only rows whose `compare` columns changed.

    `change_*` name the frame columns (or, for the metric, a constant when it is not a column)
    that describe each change in `ops.change_log`. Returns the number of rows written.
    """
    if frame.empty:
        return 0
    join = " and ".join(f"i.{k} = t.{k}" for k in keys)
    differs = " or ".join(f"i.{c} is distinct from t.{c}" for c in compare)
    first_key = keys[0]
    # The incoming frame is compared with staging in one statement (no copy of it into a table of its own:
    # at one document per call, each statement and temporary table was a measurable part of a backfill).
    con.register("_incoming_df", frame)
    try:
        (changed,) = con.execute(
            f"""
            create or replace temp table _changed as
            select i.*, t.{change_value} as _old_value, t.{first_key} is null as _is_new
            from _incoming_df i left join {table} t on {join}
            where t.{first_key} is null or {differs}
            """
        ).fetchone()
    finally:
        con.unregister("_incoming_df")
    if changed:
        metric_expr = f"cast({change_metric} as varchar)" if change_metric and change_metric in frame.columns \
            else f"'{change_metric or change_value}'"
        con.execute(
            f"""
            insert into ops.change_log (run_id, table_name, entity, metric, period, change_kind,
                                        old_value, new_value, document_hash, changed_at)
            select ?, ?, cast({change_entity} as varchar), {metric_expr}, cast({change_period} as varchar),
                   case when _is_new then 'insert' else 'revise' end,
                   _old_value, {change_value}, document_hash, current_timestamp
            from _changed
            """,
            [run_id, table],
        )
        match = " and ".join(f"{table}.{k} = c.{k}" for k in keys)
        if not con.execute("select bool_and(_is_new) from _changed").fetchone()[0]:  # revisions replace rows
            con.execute(f"delete from {table} using _changed c where {match}")
        cols = [c for c in frame.columns]
        con.execute(f"insert into {table} ({', '.join(cols)}) select {', '.join(cols)} from _changed")
    return int(changed)


def retract_missing(con, table: str, frame: pd.DataFrame, *, document_hash: str, keys: Sequence[str],
                    run_id: str, value_column: str = "value", metric_key: str = "metric") -> int:
    """Delete rows `document_hash` produced before but no longer produces (a re-parse by a newer
    parser), logging each as a retraction (`value_column` is the old value logged, `metric_key`
    the key column logged as the metric)."""
    # The rows this document staged before, compared in Python with the keys it yields now: one indexed
    # read per document instead of registering the frame (which cost more than the query).
    staged = con.execute(
        f"select {', '.join(keys)}, {value_column} from {table} where document_hash = ?", [document_hash]).fetchall()
    if not staged:
        return 0
    still = set() if frame.empty else {_key_tuple(k) for k in frame[list(keys)].itertuples(index=False, name=None)}
    gone = [row for row in staged if _key_tuple(row[:-1]) not in still]
    for row in gone:
        key = dict(zip(keys, row[:-1]))
        con.execute(
            "insert into ops.change_log (run_id, table_name, entity, metric, period, change_kind, old_value,"
            " new_value, document_hash, changed_at) values (?, ?, ?, ?, ?, 'retract', ?, null, ?, current_timestamp)",
            [run_id, table, key.get("ticker", ""), str(key.get(metric_key, "")),
             ":".join(str(key[k]) for k in keys if k not in ("ticker", metric_key)), row[-1], document_hash])
        where = " and ".join(f"{k} = ?" for k in keys)
        con.execute(f"delete from {table} where document_hash = ? and {where}", [document_hash, *key.values()])
    return len(gone)


def _key_value(value):
    """A key value as DuckDB returns it: pandas/numpy scalars become Python ones, midnight datetimes dates."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    elif hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, datetime) and value.tzinfo is None and value.time() == datetime.min.time():
        return value.date()
    return value


def _key_tuple(values) -> tuple:
    return tuple(_key_value(v) for v in values)


def with_lineage(frame: pd.DataFrame, *, document_hash: str, url: str, fetched_at: str,
                 parser_version: str, run_id: str) -> pd.DataFrame:
    out = frame.copy()
    out["document_hash"] = document_hash
    out["url"] = url
    out["fetched_at"] = pd.Timestamp(fetched_at)
    out["parser_version"] = parser_version
    out["run_id"] = run_id
    return out


def sync_documents(con: duckdb.DuckDBPyConnection, entries: Iterable[ArchiveEntry]) -> int:
    """Mirror archive manifest entries into raw.documents (one row per body and URL, first fetch).

    Revalidations (304) and re-downloads of an identical body change nothing here: the manifest keeps
    every fetch event; this table describes documents. The entries of one body and URL are folded here in
    Python (a filing brings two or three; a pandas frame per call cost more than the insert)."""
    rows = [(e.document_hash, e.url, e.source, e.endpoint, e.status if e.event == "fetched" else 200,
             e.content_type, e.size_bytes, e.etag, e.last_modified, _utc(e.fetched_at)) for e in entries]
    if not rows:
        return 0
    folded: dict[tuple[str, str], list] = {}
    for row in sorted(rows, key=lambda r: r[9]):  # earliest fetch first: its etag and Last-Modified are kept
        key = (row[0], row[1])
        if key not in folded:
            folded[key] = list(row)
            continue
        first = folded[key]
        first[4] = max(first[4], row[4]) if first[4] is not None and row[4] is not None else first[4] or row[4]
        first[6] = max(first[6], row[6]) if first[6] is not None and row[6] is not None else first[6] or row[6]
    con.executemany("insert into raw.documents values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    " on conflict (document_hash, url) do nothing", list(folded.values()))
    return len(rows)


def _utc(stamp: str | datetime) -> datetime:
    """A manifest's fetched_at (ISO 8601 text) as an aware UTC datetime."""
    value = stamp if isinstance(stamp, datetime) else datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def record_window(con, *, source: str, endpoint: str, window_start: date, window_end: date,
                  document_hash: str, run_id: str, rows_in: int, rows_changed: int) -> None:
    con.execute(
        """
        insert or replace into ops.source_windows
        values (?, ?, ?, ?, ?, ?, ?, ?, current_timestamp)
        """,
        [source, endpoint, window_start, window_end, document_hash, run_id, rows_in, rows_changed],
    )


def window_done(con, *, source: str, endpoint: str, window_start: date, window_end: date,
                document_hash: str) -> bool:
    """True when this exact document already loaded this exact window (resume after a crash)."""
    row = con.execute(
        "select document_hash from ops.source_windows where source = ? and endpoint = ?"
        " and window_start = ? and window_end = ?",
        [source, endpoint, window_start, window_end],
    ).fetchone()
    return row is not None and row[0] == document_hash


# --- runs -----------------------------------------------------------------------------------
def start_run(con, run_id: str, flow: str, params: dict, prefect_flow_run_id: str | None) -> None:
    con.execute(
        "insert into ops.runs (run_id, flow, started_at, status, params, prefect_flow_run_id)"
        " values (?, ?, current_timestamp, 'running', ?, ?)",
        [run_id, flow, json.dumps(params, default=str), prefect_flow_run_id],
    )


def finish_run(con, run_id: str, status: str, counts: dict, message: str | None = None) -> None:
    con.execute(
        "update ops.runs set finished_at = current_timestamp, status = ?, counts = ?, message = ? where run_id = ?",
        [status, json.dumps(counts, default=str, sort_keys=True), message, run_id],
    )


def advance_watermark(con, source: str, last_day: date, run_id: str) -> None:
    con.execute(
        """
        insert into ops.watermarks values (?, ?, current_timestamp, ?)
        on conflict (source) do update set
            last_day = greatest(coalesce(ops.watermarks.last_day, excluded.last_day), excluded.last_day),
            last_success_at = excluded.last_success_at,
            last_run_id = excluded.last_run_id
        """,
        [source, last_day, run_id],
    )


def watermarks_from_staging(con, run_id: str) -> None:
    """After a rebuild: each network source's watermark is the newest day it has in staging."""
    con.execute(
        """
        insert or replace into ops.watermarks
        select source, max(day), current_timestamp, ? from staging.network_observations group by source
        """,
        [run_id],
    )


def watermark(con, source: str) -> date | None:
    row = con.execute("select last_day from ops.watermarks where source = ?", [source]).fetchone()
    return row[0] if row else None


# --- quarantine -----------------------------------------------------------------------------
def quarantine(con, *, run_id: str, source: str, endpoint: str, url: str | None,
               document_hash: str | None, reason: str) -> None:
    """Open (or bump) a quarantine item for this source endpoint and URL."""
    existing = con.execute(
        "select quarantine_id from ops.quarantine where source = ? and endpoint = ? and url is not distinct from ?"
        " and resolved_at is null",
        [source, endpoint, url],
    ).fetchone()
    if existing:
        con.execute(
            "update ops.quarantine set last_seen_at = current_timestamp, attempts = attempts + 1, reason = ?,"
            " document_hash = ?, last_run_id = ? where quarantine_id = ?",
            [reason[:2000], document_hash, run_id, existing[0]],
        )
    else:
        con.execute(
            "insert into ops.quarantine (source, endpoint, url, document_hash, reason, first_seen_at, last_seen_at,"
            " attempts, first_run_id, last_run_id) values (?, ?, ?, ?, ?, current_timestamp, current_timestamp,"
            " 1, ?, ?)",
            [source, endpoint, url, document_hash, reason[:2000], run_id, run_id],
        )


def resolve_quarantine(con, *, run_id: str, source: str, endpoint: str | None = None) -> int:
    """Close open quarantine items of a source (one endpoint, or all) that now loaded cleanly."""
    rows = con.execute(
        "update ops.quarantine set resolved_at = current_timestamp, resolved_run_id = ?"
        " where source = ? and (? is null or endpoint = ?) and resolved_at is null returning quarantine_id",
        [run_id, source, endpoint, endpoint],
    ).fetchall()
    return len(rows)
