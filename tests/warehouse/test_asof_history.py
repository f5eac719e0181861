"""As-of history, the change log and provenance on a small warehouse with a real revision: Riot's
November 2025 figure first reported in its November release, restated in December's prior-month
column (both documents go through the real production parser and the SEC load path)."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace

import duckdb
import pandas as pd
import pytest

from extractors.archive import Archive, ArchiveEntry, sha256_hex
import flows.sec_production  # noqa: F401 - registers the production handlers
from flows.sec import SecDocument, load_document
from warehouse import load
from warehouse.db import migrate, transaction
from warehouse.marts import build_marts
from warehouse.provenance import ExplainError, explain, render_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "production"

# Written for this test in the prose layout of tests/fixtures/production/riot_2025-11_syndicated.txt,
# but first reporting 425 BTC produced (December's release then gives 428 for November).
NOVEMBER_RELEASE = b"""Riot Platforms Reports November 2025 Production and Operations Results

Riot produced 425 BTC in November 2025.
The company sold 383 BTC for net proceeds of about $37.0 million.
At the end of November Riot held 19,368 BTC.
"""
DECEMBER_RELEASE = (FIXTURES / "riot_2025-12.txt").read_bytes()  # prior-month column: November 428


def sec_doc(body: bytes, accession: str, filed: date, name: str) -> SecDocument:
    url = f"http://snapshot.invalid/sec-www/Archives/edgar/data/1167419/{accession.replace('-', '')}/{name}"
    return SecDocument("RIOT", accession, filed, url, sha256_hex(body), f"{filed}T13:00:00+00:00", "production",
                       body, exhibit_type="EX-99.1", form="8-K", title=body.splitlines()[0].decode())


NOVEMBER = sec_doc(NOVEMBER_RELEASE, "0001558370-25-016001", date(2025, 12, 3), "riot-20251203xex99d1.htm")
DECEMBER = sec_doc(DECEMBER_RELEASE, "0001558370-26-000309", date(2026, 1, 6), "riot-20260106xex99d1.htm")


@pytest.fixture
def warehouse(tmp_path):
    """Two runs, a month apart in the change log: the November release, then December's."""
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrate(con)
    archive = Archive(tmp_path / "archive")
    for run_id, doc in (("run-nov", NOVEMBER), ("run-dec", DECEMBER)):
        archive.put(doc.body)
        with transaction(con):
            load.start_run(con, run_id, "refresh", {}, None)
        load.sync_documents(con, [ArchiveEntry(doc.document_hash, doc.url, "sec", "exhibit", 200, "text/html",
                                               doc.fetched_at, len(doc.body))])
        load_document(con, SimpleNamespace(run_id=run_id), doc)
        with transaction(con):
            load.finish_run(con, run_id, "success", {})
    # the November run happened when the November release came out
    con.execute("update ops.change_log set changed_at = timestamptz '2025-12-03 14:00:00+00' where run_id = 'run-nov'")
    build_marts(con)
    yield con, archive
    con.close()


def panel(con, sql, params=None):
    cur = con.execute(sql, params or [])
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def test_latest_value_beside_first_reported(warehouse):
    con, _ = warehouse
    [nov] = panel(con, "select * from marts.miner_production where ticker = 'RIOT' and period_end = '2025-11-30'")
    assert nov["btc_produced"] == 428 and nov["btc_produced_first_reported"] == 425
    assert nov["btc_sold"] == nov["btc_sold_first_reported"] == 383
    assert nov["revised"] is True and nov["revised_metrics"] == ["btc_produced"]
    assert nov["first_reported_on"] == date(2025, 12, 3) and nov["last_reported_on"] == date(2026, 1, 6)
    assert nov["latest_accession"] == DECEMBER.accession


def test_as_of_a_day_shows_only_what_was_filed_by_then(warehouse):
    con, _ = warehouse
    before = panel(con, "select * from marts.miner_production_asof(date '2025-12-15') where ticker = 'RIOT'")
    assert [r["period_end"] for r in before] == [date(2025, 11, 30)]  # December not yet reported
    assert before[0]["btc_produced"] == before[0]["btc_produced_first_reported"] == 425
    assert before[0]["revised"] is False
    after = panel(con, "select * from marts.miner_production_asof(date '2026-01-06') where ticker = 'RIOT'"
                       " and period_end = '2025-11-30'")
    assert after[0]["btc_produced"] == 428 and after[0]["btc_produced_first_reported"] == 425
    nothing = con.execute("select count(*) from marts.miner_production_asof(date '2025-12-02')").fetchone()[0]
    assert nothing == 0


def test_change_log_names_the_revision_and_its_document(warehouse):
    con, _ = warehouse
    rows = panel(con, """select run_id, change_kind, staging_change_kind, old_value, new_value, change_abs,
                                accession, exhibit_type, document_url, period_type, period_end
                         from marts.change_log where entity = 'RIOT' and metric = 'btc_produced'
                           and period = 'month:2025-11-30' order by change_id""")
    assert [(r["run_id"], r["change_kind"], r["old_value"], r["new_value"]) for r in rows] == [
        ("run-nov", "insert", None, 425.0), ("run-dec", "revise", 425.0, 428.0)]
    revision = rows[1]
    assert revision["staging_change_kind"] == "insert"  # a second document's disclosure, staged beside the first
    assert revision["change_abs"] == 3.0 and revision["accession"] == DECEMBER.accession
    assert revision["exhibit_type"] == "EX-99.1" and revision["document_url"] == DECEMBER.url
    assert (revision["period_type"], revision["period_end"]) == ("month", date(2025, 11, 30))
    # the same number repeated by December's prior-month column is a confirmation, not a revision
    sold = panel(con, "select change_kind from marts.change_log where entity = 'RIOT' and metric = 'btc_sold'"
                      " and period = 'month:2025-11-30' order by change_id")
    assert [r["change_kind"] for r in sold] == ["insert", "confirm"]


def test_network_values_as_of_a_time(tmp_path):
    """A source revising a day's value: the as-of macro answers with the value known then."""
    con = duckdb.connect(str(tmp_path / "n.duckdb"))
    migrate(con)
    lineage = dict(url="http://h/x", fetched_at="2026-01-01T00:00:00Z", parser_version="t-1")
    day = date(2025, 11, 22)
    for run_id, value, digest in (("run-1", 2.9, "a" * 64), ("run-2", 3.1, "b" * 64)):
        frame = pd.DataFrame([("coinmetrics", "asset-metrics", "fees_btc", day, value)],
                             columns=["source", "endpoint", "metric", "day", "value"])
        with transaction(con):
            load.merge_rows(con, "staging.network_observations",
                            load.with_lineage(frame, document_hash=digest, run_id=run_id, **lineage),
                            keys=("source", "metric", "day"), compare=("value",), change_entity="source",
                            change_metric="metric", change_period="day", change_value="value", run_id=run_id)
    first = datetime(2025, 11, 23, 2, tzinfo=timezone.utc)
    con.execute("update ops.change_log set changed_at = ? where run_id = 'run-1'", [first])
    build_marts(con)
    asof = "select value, first_value, revisions, document_hash from marts.network_observations_asof(?)" \
           " where source = 'coinmetrics' and metric = 'fees_btc' and day = ?"
    assert con.execute(asof, [first + timedelta(hours=1), day]).fetchall() == [(2.9, 2.9, 0, "a" * 64)]
    assert con.execute(asof, [datetime.now(timezone.utc), day]).fetchall() == [(3.1, 2.9, 1, "b" * 64)]
    assert con.execute(asof, [first - timedelta(hours=1), day]).fetchall() == []
    con.close()


def test_explain_follows_the_value_to_its_sentence_and_document(warehouse, tmp_path):
    con, archive = warehouse
    result = explain(con, "marts.miner_production", {"ticker": "RIOT", "period_end": "2025-11-30"},
                     "btc_produced", archive_dir=archive.root)
    [row] = result["rows"]
    [link] = row["chain"]
    assert link["value"] == 428 and link["staging_table"] == "staging.production_facts"
    facts = link["facts"]
    assert [(f["value"], f["accession"], f["is_reporting_period"], f["used"]) for f in facts] == [
        (425.0, NOVEMBER.accession, True, False), (428.0, DECEMBER.accession, False, True)]
    assert "425 BTC" in facts[0]["evidence"] and "428" in facts[1]["evidence"]
    docs = {d["accession"]: d for d in link["documents"]}
    assert docs[DECEMBER.accession]["exhibit_type"] == "EX-99.1" and docs[DECEMBER.accession]["form"] == "8-K"
    assert docs[DECEMBER.accession]["archived"] is True
    assert docs[DECEMBER.accession]["archive_file"] == str(archive.object_path(DECEMBER.document_hash))
    assert [(c["change_kind"], c["new_value"]) for c in link["changes"]] == [("insert", 425.0), ("revise", 428.0)]
    text = render_text(result)
    assert f"* 428  period_type=month" in text and DECEMBER.url in text and "evidence:" in text


def test_explain_refuses_unknown_names_and_treats_values_as_data(warehouse):
    con, _ = warehouse
    with pytest.raises(ValueError, match="unknown mart"):
        explain(con, "marts.miner_production; drop table staging.production_facts", {"ticker": "RIOT"})
    with pytest.raises(ExplainError, match="has no column 'tick'"):
        explain(con, "marts.miner_production", {"tick": "RIOT"})
    with pytest.raises(ExplainError, match="no row"):
        explain(con, "marts.miner_production", {"ticker": "RIOT' or '1'='1"})
    with pytest.raises(ExplainError, match="not a DATE"):
        explain(con, "marts.miner_production", {"ticker": "RIOT", "period_end": "2025-13-31"})
    with pytest.raises(ExplainError, match="no column or metric"):
        explain(con, "marts.miner_production", {"ticker": "RIOT", "period_end": "2025-11-30"}, "nope")
    assert con.execute("select count(*) from staging.production_facts").fetchone()[0] > 0
