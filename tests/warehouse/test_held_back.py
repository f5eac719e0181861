"""Promise 6: impossible or inconsistent figures are caught by data checks and held back from the
marts with their reason, while the rest is published."""
from __future__ import annotations

from datetime import date, datetime, timezone

import duckdb
import pandas as pd
import pytest

from warehouse import load
from warehouse.db import migrate, transaction
from warehouse.marts import build_and_check, hold_check_names
from warehouse.status import collect_status

NETWORK_LINEAGE = dict(document_hash="n" * 64, url="http://h/n", fetched_at="2026-01-01T00:00:00Z",
                       parser_version="t-1", run_id="seed")


@pytest.fixture
def con(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrate(con)
    _seed_network(con)
    yield con
    con.close()


def _seed_network(con):
    """October to December 2025: 1,000 EH/s network, $100,000 BTC, difficulty 1.5e14."""
    days = pd.date_range("2025-10-01", "2025-12-31").date
    rows = []
    for day in days:
        rows += [("coinmetrics", "asset-metrics", "blocks", day, 144.0),
                 ("coinmetrics", "asset-metrics", "subsidy_btc", day, 450.0),
                 ("coinmetrics", "asset-metrics", "fees_btc", day, 3.0),
                 ("coinmetrics", "asset-metrics", "btc_price_usd", day, 100_000.0),
                 ("mempool", "hashrate", "hashrate_ehs", day, 1000.0)]
    frame = pd.DataFrame(rows, columns=["source", "endpoint", "metric", "day", "value"])
    rt = pd.DataFrame([("mempool", 917280, datetime(2025, 9, 1, tzinfo=timezone.utc), 1.5e14, 1.0)],
                      columns=["source", "height", "time", "difficulty", "adjustment_ratio"])
    with transaction(con):
        load.merge_rows(con, "staging.network_observations", load.with_lineage(frame, **NETWORK_LINEAGE),
                        keys=("source", "metric", "day"), compare=("value",), change_entity="source",
                        change_metric="metric", change_period="day", change_value="value", run_id="seed")
        load.merge_rows(con, "staging.difficulty_adjustments", load.with_lineage(rt, **NETWORK_LINEAGE),
                        keys=("source", "height"), compare=("difficulty",), change_entity="source",
                        change_metric="difficulty", change_period="height", change_value="difficulty",
                        run_id="seed")


def fact(ticker, month_end: date, metric, value, doc="a"):
    start = month_end.replace(day=1)
    return dict(ticker=ticker, period_type="month", period_start=start, period_end=month_end, metric=metric,
                value=value, null_reason=None, evidence=f"{metric} {value}", is_reporting_period=True,
                accession=f"0000000000-25-{doc}", filing_date=month_end, document_url=f"http://h/{doc}",
                document_hash=(doc * 64)[:64], fetched_at=pd.Timestamp("2026-01-01", tz="UTC"),
                parser_version="t-1", run_id="seed")


def add_facts(con, facts):
    frame = pd.DataFrame(facts)
    with transaction(con):
        load.merge_rows(con, "staging.production_facts", frame,
                        keys=("ticker", "period_type", "period_end", "metric", "document_hash"),
                        compare=("value",), change_entity="ticker", change_metric="metric",
                        change_period="period_end", change_value="value", run_id="seed")


OCT, NOV, DEC = date(2025, 10, 31), date(2025, 11, 30), date(2025, 12, 31)


def good_month(ticker, month_end, doc, held=10_000.0):
    return [fact(ticker, month_end, "btc_produced", 450.0, doc), fact(ticker, month_end, "btc_held", held, doc),
            fact(ticker, month_end, "btc_sold", 100.0, doc), fact(ticker, month_end, "btc_avg_sale_price_usd", 99_000.0, doc),
            fact(ticker, month_end, "btc_sale_proceeds_usd", 9_900_000.0, doc),
            fact(ticker, month_end, "hashrate_operating_ehs", 30.0, doc)]


def test_bad_figures_are_held_back_with_reasons_and_good_ones_published(con):
    add_facts(con, good_month("GOOD", OCT, "a") + good_month("GOOD", NOV, "b") + good_month("GOOD", DEC, "c"))
    add_facts(con, [
        fact("BAD", OCT, "btc_held", 5_000.0, "d"),
        fact("BAD", NOV, "btc_held", 52_000.0, "e"),              # tenfold jump in a month
        fact("BAD", NOV, "btc_produced", -12.0, "e"),             # negative production
        fact("BAD", NOV, "hashrate_deployed_ehs", 1_200.0, "e"),  # above the whole network
        fact("BAD", DEC, "btc_avg_sale_price_usd", 40_000.0, "f"),  # far from a $100,000 market
        fact("BAD", DEC, "btc_sold", 100.0, "f"),
        fact("BAD", DEC, "btc_sale_proceeds_usd", 9_000_000.0, "f"),  # 100 x $40,000 != $9.0M
        fact("BAD", DEC, "btc_produced", 400.0, "f"),
    ])
    checks, held = build_and_check(con, "run-1")

    reasons = {(t, str(p), m): (c, r) for t, p, m, c, r in con.execute(
        "select ticker, period_end, metric, check_name, reason from ops.held_back").fetchall()}
    assert reasons[("BAD", "2025-11-30", "btc_held")][0] == "production_holdings_jump"
    assert reasons[("BAD", "2025-11-30", "btc_produced")] == ("production_nonnegative", "negative btc_produced (-12.0)")
    assert "above the network" in reasons[("BAD", "2025-11-30", "hashrate_deployed_ehs")][1]
    assert reasons[("BAD", "2025-12-31", "btc_avg_sale_price_usd")][0] in (
        "production_sale_price_near_market", "production_sales_add_up")
    assert ("BAD", "2025-12-31", "btc_sale_proceeds_usd") in reasons  # the sum that does not add up
    assert not any(t == "GOOD" for t, _, _ in reasons)
    assert held == len(reasons)
    assert {k for k, v in checks.items() if v} <= hold_check_names()  # nothing else failed

    published = {(t, str(p)): row for t, p, *row in con.execute(
        "select ticker, period_end, btc_produced, btc_held, hashrate_deployed_ehs, btc_avg_sale_price_usd"
        " from marts.miner_production").fetchall()}
    assert ("BAD", "2025-11-30") not in published  # every figure of that month was held back
    assert published[("BAD", "2025-12-31")][0] == 400.0                  # the sound figure stays
    assert published[("GOOD", "2025-11-30")] == [450.0, 10_000.0, None, 99_000.0]
    sales = con.execute("select ticker from marts.btc_sales where ticker = 'BAD'").fetchall()
    assert sales == []  # the December sale is held back whole (sold, price and proceeds)

    status = collect_status(con)
    assert len({(r["ticker"], r["period_end"], r["metric"]) for r in status["held_back"]}) == held
    assert all(row["reason"] for row in status["held_back"])


def test_a_corrected_document_releases_the_figure(con):
    add_facts(con, [fact("FIX", OCT, "btc_held", 5_000.0, "g"), fact("FIX", NOV, "btc_held", 52_000.0, "h")])
    build_and_check(con, "run-1")
    assert con.execute("select count(*) from ops.held_back").fetchone()[0] == 1
    later = fact("FIX", NOV, "btc_held", 5_200.0, "i")
    later["filing_date"] = date(2025, 12, 15)  # the next report's prior-month column corrects it
    add_facts(con, [later])
    build_and_check(con, "run-2")
    assert con.execute("select count(*) from ops.held_back").fetchone()[0] == 0
    # The held-back 52,000 was never published, so the published figure was never revised.
    assert con.execute("select btc_held, revised from marts.miner_production where ticker = 'FIX'"
                       " and period_end = '2025-11-30'").fetchone() == (5_200.0, False)
