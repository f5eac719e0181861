"""XBRL companyfacts loads: every fact version kept, canonical metric picks, the filed-by window, the journal."""
from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import duckdb
import pytest

from extractors.edgar.registry import Miner
from flows import xbrl as xbrl_flow
from flows.context import RunContext
from transforms.errors import ParseError
from warehouse.db import migrate

FIXTURES = Path(__file__).parents[1] / "fixtures" / "xbrl"


@pytest.fixture
def ctx(settings):
    return RunContext(run_id="run-1", settings_json=settings.model_dump_json(), today=date(2026, 4, 30))


@pytest.fixture
def con(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrate(con)
    yield con
    con.close()


def miner(ticker: str, cik: int) -> Miner:
    return Miner(ticker=ticker, cik=cik, name=ticker, filer_type="8-K", fiscal_year_end="1231", cadence="monthly:..",
                 notes="")


def load(con, ctx, m: Miner, name: str, until: date = date(2026, 4, 29), journal: bool = True, body: bytes | None = None):
    body = body if body is not None else (FIXTURES / name).read_bytes()
    return xbrl_flow.load_companyfacts(con, ctx, m, body=body, document_hash=hashlib.sha256(body).hexdigest(),
                                       url=f"http://sec.test/{name}", fetched_at="2026-04-01T00:00:00+00:00",
                                       filed_until=until, journal=journal)


def fixture_miner(name: str) -> Miner:
    doc = json.loads((FIXTURES / name).read_text())
    return miner("EXMN", int(doc["cik"]))


def test_amendments_are_kept_as_versions_and_the_latest_filed_is_picked(con, ctx):
    m = fixture_miner("example_companyfacts_amended-10q.json")
    read, changed = load(con, ctx, m, "example_companyfacts_amended-10q.json")
    assert read > 0 and changed > read  # facts plus metric picks
    versions = con.execute(
        "select form, value, filed from staging.xbrl_facts where tag = 'LongTermDebt' and period = '2025-03-31'"
        " order by filed").fetchall()
    assert len(versions) == 2 and versions[-1][0] == "10-Q/A" and versions[0][1] != versions[-1][1]
    picked = con.execute("select value, tag, accession from staging.xbrl_metric_values"
                         " where metric = 'total_debt' and period_end = '2025-03-31'").fetchone()
    amendment = con.execute("select accession from staging.xbrl_facts where form = '10-Q/A' limit 1").fetchone()[0]
    assert (picked[0], picked[1], picked[2]) == (versions[-1][1], "us-gaap:LongTermDebt", amendment)
    # lineage on every fact row
    assert con.execute("select count(*) from staging.xbrl_facts where document_hash is null or url is null"
                       " or run_id <> 'run-1' or parser_version is null").fetchone()[0] == 0


def test_reloading_the_same_body_for_the_same_window_is_skipped_and_changes_nothing(con, ctx):
    m = fixture_miner("example_companyfacts_amended-10q.json")
    load(con, ctx, m, "example_companyfacts_amended-10q.json")
    before = con.execute("select count(*) from ops.change_log").fetchone()[0]
    assert load(con, ctx, m, "example_companyfacts_amended-10q.json") is None
    assert con.execute("select count(*) from ops.change_log").fetchone()[0] == before


def test_a_window_end_bounds_the_facts_by_filing_date_and_a_later_window_adds_the_rest(con, ctx):
    m = fixture_miner("example_companyfacts_amended-10q.json")
    all_filed = sorted(date.fromisoformat(r["filed"]) for ns in json.loads(
        (FIXTURES / "example_companyfacts_amended-10q.json").read_text())["facts"].values()
        for fact in ns.values() for rows in fact["units"].values() for r in rows if r.get("filed"))
    cut = all_filed[len(all_filed) // 2]
    load(con, ctx, m, "example_companyfacts_amended-10q.json", until=cut)
    assert con.execute("select max(filed) from staging.xbrl_facts").fetchone()[0] <= cut
    early = con.execute("select count(*) from staging.xbrl_facts").fetchone()[0]
    load(con, ctx, m, "example_companyfacts_amended-10q.json", until=all_filed[-1])
    assert con.execute("select count(*) from staging.xbrl_facts").fetchone()[0] > early


def test_a_newer_companyfacts_that_drops_a_fact_loses_nothing(con, ctx):
    m = fixture_miner("example_companyfacts_amended-10q.json")
    load(con, ctx, m, "example_companyfacts_amended-10q.json")
    before = con.execute("select count(*) from staging.xbrl_facts").fetchone()[0]
    doc = json.loads((FIXTURES / "example_companyfacts_amended-10q.json").read_text())
    doc["facts"]["us-gaap"].pop("LongTermDebt")
    load(con, ctx, m, "dropped.json", body=json.dumps(doc).encode())
    assert con.execute("select count(*) from staging.xbrl_facts").fetchone()[0] == before


def test_an_ifrs_filer_gets_its_borrowings_cash_and_equity(con, ctx):
    m = fixture_miner("bitf_companyfacts_ifrs.json")
    load(con, ctx, m, "bitf_companyfacts_ifrs.json")
    metrics = dict(con.execute("select metric, any_value(tag) from staging.xbrl_metric_values group by metric").fetchall())
    assert metrics["total_debt"].startswith("ifrs-full:") and metrics["cash"] == "ifrs-full:CashAndCashEquivalents"
    assert metrics["equity"].startswith("ifrs-full:")
    units = {r[0] for r in con.execute("select distinct unit from staging.xbrl_facts").fetchall()}
    assert {"USD", "CAD"} <= units  # every unit key is kept; the metric picks read USD
    assert con.execute("select distinct unit from staging.xbrl_metric_values").fetchall() == [("USD",)]


def test_companyfacts_of_another_cik_is_refused(con, ctx):
    with pytest.raises(ParseError, match="expected"):
        load(con, ctx, miner("RIOT", 1167419), "bitf_companyfacts_ifrs.json")
    assert con.execute("select count(*) from staging.xbrl_facts").fetchone()[0] == 0


def test_loads_are_journaled_for_rebuild(con, ctx):
    m = fixture_miner("example_companyfacts_amended-10q.json")
    load(con, ctx, m, "example_companyfacts_amended-10q.json", until=date(2026, 4, 29))
    (record,) = [r for r in ctx.archive().loads() if r["source"] == "xbrl"]
    assert (record["ticker"], record["filed_until"], record["endpoint"]) == ("EXMN", "2026-04-29", "companyfacts:EXMN")
    assert record["documents"] == [hashlib.sha256((FIXTURES / "example_companyfacts_amended-10q.json")
                                                  .read_bytes()).hexdigest()]


def test_the_tags_read_cover_every_canonical_metric_and_the_cover_share_count():
    from transforms.xbrl_metrics import metric_tags

    tags = set(xbrl_flow.tags_read())
    assert {f"{ns}:{t}" for ns, t in metric_tags()} <= tags
    assert "dei:EntityCommonStockSharesOutstanding" in tags


def test_the_same_facts_revalidated_on_a_later_night_are_not_loaded_again(con, ctx):
    m = fixture_miner("example_companyfacts_amended-10q.json")
    load(con, ctx, m, "example_companyfacts_amended-10q.json", until=date(2026, 4, 28))
    assert load(con, ctx, m, "example_companyfacts_amended-10q.json", until=date(2026, 4, 29)) is None
    assert con.execute("select count(*) from ops.source_windows where source = 'xbrl'").fetchone()[0] == 1
