"""Numbered migrations, the staging contract, and documented marts."""
from __future__ import annotations

import duckdb
import pytest

from transforms.network import METRICS, NetworkObservation, Retarget
from warehouse.db import WarehouseError, migrate, migration_files
from warehouse.marts import build_marts


@pytest.fixture
def con(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    yield con
    con.close()


def columns(con, schema, table):
    return {r[0] for r in con.execute(
        "select column_name from duckdb_columns() where schema_name = ? and table_name = ?", [schema, table]
    ).fetchall()}


def test_migrations_apply_once_in_order(con):
    applied = migrate(con)
    assert applied == [v for v, _, _ in migration_files()]
    assert migrate(con) == []
    versions = [r[0] for r in con.execute("select version from ops.schema_migrations order by 1").fetchall()]
    assert versions == applied


def test_a_warehouse_built_before_agreement_stages_keeps_its_contracts_definitive(con, tmp_path, monkeypatch):
    # a warehouse at migration 7 with an HPC contract event, then today's code: the event stays a definitive contract
    import shutil

    from warehouse import db
    old = tmp_path / "migrations_before_0008"
    old.mkdir()
    for _, _, path in migration_files():
        if not path.name.startswith("0008"):
            shutil.copy(path, old / path.name)
    monkeypatch.setattr(db, "MIGRATIONS_DIR", old)
    assert migrate(con)[-1] == 7
    con.execute("insert into staging.hpc_contract_events (ticker, contract_ref, counterparty, event, critical_it_mw, "
                "evidence, null_reasons, qualifiers, accession, filing_date, document_url, document_hash, fetched_at, "
                "parser_version, run_id) values ('WULF', 'Fluidstack @ Lake Mariner', 'Fluidstack', 'signed', 200, '{}', "
                "'{}', '{}', 'acc', '2025-08-14', 'u', 'h', now(), 'hpc-24', 'r')")
    monkeypatch.undo()
    assert migrate(con) == [8]
    assert con.execute("select agreement_stage from staging.hpc_contract_events").fetchall() == [("definitive",)]
    build_marts(con)
    assert con.execute("select status, contracted_critical_it_mw from marts.hpc_contracts").fetchall() == [("active", 200)]


def test_an_edited_applied_migration_is_refused(con):
    migrate(con)
    con.execute("update ops.schema_migrations set checksum = 'x' where version = 1")
    with pytest.raises(WarehouseError, match="changed after it was applied"):
        migrate(con)


def test_a_newer_schema_than_the_code_is_refused(con):
    migrate(con)
    con.execute("insert into ops.schema_migrations values (9999, 'future', 'x', current_timestamp)")
    with pytest.raises(WarehouseError, match="newer than this code"):
        migrate(con)


def test_pydantic_records_and_staging_tables_agree(con):
    """The contract beside the code: every record field has a column, and lineage is present."""
    migrate(con)
    lineage = {"document_hash", "url", "fetched_at", "parser_version", "run_id"}
    obs_cols = columns(con, "staging", "network_observations")
    assert set(NetworkObservation.model_fields) | lineage == obs_cols
    rt_cols = columns(con, "staging", "difficulty_adjustments")
    assert set(Retarget.model_fields) | lineage == rt_cols
    priorities = {r[0] for r in con.execute("select metric from staging.source_priority").fetchall()}
    assert priorities <= set(METRICS) | {"difficulty"}


def test_every_mart_column_is_documented(con):
    migrate(con)
    build_marts(con)
    undocumented = con.execute("""
        select table_name, column_name from duckdb_columns()
        where schema_name = 'marts' and (comment is null or length(comment) < 10)
    """).fetchall()
    assert undocumented == []
    tables = con.execute("select table_name, comment from duckdb_tables() where schema_name = 'marts'").fetchall()
    assert {t for t, _ in tables} >= {"hashprice_daily", "difficulty_adjustments", "network_source_comparison"}
    assert all(c for _, c in tables)
