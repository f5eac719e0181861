"""Exports of every mart (Parquet and CSV, with a manifest) and the generated data dictionary."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from warehouse.catalog import mart_relations
from warehouse.dictionary import render_dictionary, schema_only_warehouse
from warehouse.export import export_marts
from warehouse.status import open_read_only

DICTIONARY = Path(__file__).resolve().parents[2] / "docs" / "data_dictionary.md"


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_writes_every_mart_with_a_manifest(offline_warehouse, tmp_path, fmt):
    con = open_read_only(offline_warehouse.db)
    try:
        manifest = export_marts(con, tmp_path, fmt)
        marts = {r.qualified: r for r in mart_relations(con) if r.kind != "macro"}
        counts = {m: con.execute(f"select count(*) from {m}").fetchone()[0] for m in marts}
    finally:
        con.close()
    assert {f["mart"] for f in manifest["files"]} == set(marts)
    assert json.loads((tmp_path / "manifest.json").read_text()) == json.loads(json.dumps(manifest, default=str))
    for f in manifest["files"]:
        path = tmp_path / f["file"]
        assert f["rows"] == counts[f["mart"]] and path.stat().st_size == f["bytes"]
        if fmt == "parquet":
            table = pq.read_table(path)
            assert table.num_rows == f["rows"] and table.column_names == f["columns"]
        else:
            with path.open(newline="", encoding="utf-8") as fh:
                reader = csv.reader(fh)
                assert next(reader) == f["columns"]
                assert sum(1 for _ in reader) == f["rows"]
    by_mart = {f["mart"]: f for f in manifest["files"]}
    assert by_mart["marts.hashprice_daily"]["rows"] > 700 and by_mart["marts.miner_production"]["rows"] > 30
    check = duckdb.connect()
    day = check.execute(f"select hashprice_usd_per_ph_day from '{tmp_path / by_mart['marts.hashprice_daily']['file']}'"
                        " where cast(day as date) = date '2025-11-22'").fetchone()[0]
    assert 35 < float(day) < 40
    assert not list(tmp_path.glob("*.tmp"))


def test_export_refuses_an_unknown_format(offline_warehouse, tmp_path):
    con = open_read_only(offline_warehouse.db)
    try:
        with pytest.raises(ValueError, match="unknown format 'xlsx'"):
            export_marts(con, tmp_path, "xlsx")
    finally:
        con.close()


def test_committed_data_dictionary_is_current():
    con = schema_only_warehouse()
    try:
        text = render_dictionary(con)
        relations = mart_relations(con)
    finally:
        con.close()
    assert DICTIONARY.read_text(encoding="utf-8") == text, \
        "docs/data_dictionary.md is stale: run `make docs` (minerwatch docs --schema-only)"
    for r in relations:
        assert f"## marts.{r.name}\n" in text
        for c in r.columns:
            assert f"| `{c.name}` |" in text
    assert "see the description above" not in text.split("## marts.miner_production_asof")[1].split("## ")[0]


def test_dictionary_of_the_published_warehouse_covers_every_mart(offline_warehouse):
    con = open_read_only(offline_warehouse.db)
    try:
        text = render_dictionary(con)
        relations = mart_relations(con)
    finally:
        con.close()
    assert all(f"## marts.{r.name}\n" in text for r in relations)
    hashprice = text.split("## marts.hashprice_daily\n")[1].split("\n## ")[0]
    assert "| `hashprice_usd_per_ph_day` | DOUBLE | Hashprice, USD per PH/s per day = hashvalue_btc_per_ph_day" in hashprice
