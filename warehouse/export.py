"""Export every mart to Parquet or CSV files for other tools, with a manifest of what was written.

Runs on the analysts' read-only connection (which cannot write files): rows are streamed out
through Arrow record batches and written by pyarrow, one file per mart.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from warehouse.catalog import mart_relations, quote_ident

FORMATS = ("parquet", "csv")
BATCH_ROWS = 100_000


def export_marts(con: duckdb.DuckDBPyConnection, out_dir: Path, fmt: str) -> dict:
    """Write marts.<name>.<fmt> for every mart table and view into `out_dir`, and manifest.json
    (per file: mart, kind, rows, columns, bytes). Table macros are left out: they need an argument."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = []
    for rel in mart_relations(con):
        if rel.kind == "macro":
            continue
        path = out_dir / f"marts.{rel.name}.{fmt}"
        tmp = path.with_name(path.name + ".tmp")
        reader = con.execute(f"select * from {quote_ident(rel.schema)}.{quote_ident(rel.name)}"
                             ).fetch_record_batch(BATCH_ROWS)
        rows = _write(reader, tmp, fmt)
        tmp.replace(path)
        files.append({"mart": rel.qualified, "kind": rel.kind, "file": path.name, "rows": rows,
                      "columns": [c.name for c in rel.columns], "bytes": path.stat().st_size})
    manifest = {"format": fmt, "exported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "schema_version": con.execute("select max(version) from ops.schema_migrations").fetchone()[0],
                "last_run": _last_run(con), "files": files}
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=2, default=str) + "\n", encoding="utf-8")
    return manifest


def _write(reader: pa.RecordBatchReader, path: Path, fmt: str) -> int:
    rows = 0
    if fmt == "parquet":  # Parquet keeps lists as lists
        schema = reader.schema
        with pq.ParquetWriter(path, schema) as writer:
            for batch in reader:
                writer.write_batch(batch)
                rows += batch.num_rows
            if rows == 0:
                writer.write_table(schema.empty_table())
        return rows
    schema = _portable_schema(reader.schema)
    with pa_csv.CSVWriter(path, schema) as writer:
        for batch in reader:
            writer.write_batch(_cast(batch, schema))
            rows += batch.num_rows
    return rows


def _portable_schema(schema: pa.Schema) -> pa.Schema:
    """For CSV: lists and other nested values as JSON text, which every tool can read back."""
    fields = [pa.field(f.name, pa.string()) if _nested(f.type) else f for f in schema]
    return pa.schema(fields)


def _nested(t: pa.DataType) -> bool:
    return pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_struct(t) or pa.types.is_map(t)


def _cast(batch: pa.RecordBatch, schema: pa.Schema) -> pa.RecordBatch:
    if batch.schema.equals(schema):
        return batch
    arrays = []
    for column, field in zip(batch.columns, schema):
        if _nested(column.type):
            arrays.append(pa.array([None if v is None else json.dumps(v, default=str) for v in column.to_pylist()],
                                   type=pa.string()))
        else:
            arrays.append(column)
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


def _last_run(con) -> dict | None:
    row = con.execute("select run_id, status, finished_at from ops.runs where status != 'running'"
                      " order by started_at desc limit 1").fetchone()
    return None if row is None else {"run_id": row[0], "status": row[1], "finished_at": row[2]}
