"""A run whose inputs did not change (the nightly refresh that found nothing new) rebuilds only the marts
that depend on the day; any change to a staging row, the change log or the SQL rebuilds them all (raw.documents
is read only by a view, live)."""
from __future__ import annotations

from datetime import date

import duckdb
import pytest

from tests.warehouse.test_production_marts import fact, month
from warehouse import marts
from warehouse.db import migrate, transaction
from warehouse.marts import build_and_check, inputs_fingerprint


@pytest.fixture
def con(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrate(con)
    with transaction(con):
        con.execute("insert into staging.miners values ('RIOT', 1167419, 'Riot Platforms', '8-K', '12-31',"
                    " 'monthly', 'monthly', date '2026-01-20')")
        fact(con, "RIOT", month(2025, 12), "btc_sold", 1818.0, own=True, filed=date(2026, 1, 6), accession="a1")
    yield con
    con.close()


def oid(con, mart: str) -> int:
    return con.execute("select table_oid from duckdb_tables() where schema_name = 'marts' and table_name = ?",
                       [mart]).fetchone()[0]


def builds(con):
    return con.execute("select run_id, rebuilt from ops.mart_builds order by built_at, run_id").fetchall()


def test_unchanged_inputs_rebuild_only_the_day_dependent_marts(con):
    first, held = build_and_check(con, "run-1")
    panel_oid = oid(con, "miner_production")
    status_before = con.execute("select checked_on, report_status from marts.miner_report_status").fetchall()
    # the next night: same data, a later day (the registry load stamps the day)
    with transaction(con):
        con.execute("update staging.miners set checked_on = date '2026-03-01'")
    second, held_again = build_and_check(con, "run-2")
    assert builds(con) == [("run-1", True), ("run-2", False)]
    assert (second, held_again) == (first, held)  # the last build's check results, recorded for this run
    assert con.execute("select count(*) from ops.check_results where run_id = 'run-2'").fetchone()[0] == len(first)
    assert oid(con, "miner_production") == panel_oid  # not recreated
    status_after = con.execute("select checked_on, report_status from marts.miner_report_status").fetchall()
    assert status_before == [(date(2026, 1, 20), "on time")]
    assert status_after == [(date(2026, 3, 1), "overdue")]  # the day's mart was rebuilt


def test_a_changed_staging_row_rebuilds_everything(con):
    build_and_check(con, "run-1")
    panel_oid = oid(con, "miner_production")
    with transaction(con):
        con.execute("update staging.production_facts set value = 1817.0")
    build_and_check(con, "run-2")
    assert builds(con) == [("run-1", True), ("run-2", True)]
    assert oid(con, "miner_production") != panel_oid
    assert con.execute("select btc_sold from marts.miner_production").fetchall() == [(1817.0,)]


def test_changed_sql_changes_the_fingerprint(con, monkeypatch):
    before = inputs_fingerprint(con)
    real = marts.read_sql
    monkeypatch.setattr(marts, "read_sql", lambda kind: [(n, s + "\n-- edited") for n, s in real(kind)])
    assert inputs_fingerprint(con) != before


def test_a_change_log_entry_alone_changes_the_fingerprint(con):
    before = inputs_fingerprint(con)
    with transaction(con):
        con.execute("insert into ops.change_log (run_id, table_name, entity, metric, period, change_kind, new_value,"
                    " changed_at) values ('r', 'staging.production_facts', 'RIOT', 'btc_sold', 'month:2025-12-31',"
                    " 'insert', 1818, current_timestamp)")
    assert inputs_fingerprint(con) != before


def test_a_new_listing_in_raw_documents_alone_does_not_rebuild(con):
    # SEC's submissions JSON answers differently whenever the miner files anything (a Form 4 too): a new
    # raw.documents row, but no staged figure changed, so no mart would come out different.
    before = inputs_fingerprint(con)
    with transaction(con):
        con.execute("insert into raw.documents (document_hash, url, source, endpoint, status, first_fetched_at)"
                    " values ('h-new', 'https://data.sec.gov/submissions/CIK0001167419.json', 'sec', 'submissions',"
                    " 200, current_timestamp)")
    assert inputs_fingerprint(con) == before


def test_only_views_read_raw_tables():
    # The fingerprint leaves raw.* out because only views (read live) use it; a mart built as a table from
    # raw.* would need it back in.
    import re
    for name, sql in marts.read_sql("marts"):
        for statement in sql.split(";"):
            if re.search(r"\b(?:from|join)\s+raw\.", statement, re.I):
                assert re.search(r"create\s+or\s+replace\s+view", statement, re.I), name
