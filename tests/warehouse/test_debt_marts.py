"""The debt and leverage marts against hand-computed values: a small register, XBRL picks, production
figures and prices seeded into staging, the marts built, every ratio checked."""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from types import SimpleNamespace

import duckdb
import pandas as pd
import pytest

from flows import sec_debt
from flows.sec import SecDocument
from transforms.debt import DebtEvent
from warehouse import load
from warehouse.db import migrate, transaction
from warehouse.marts import build_marts, run_checks

LINEAGE = dict(document_hash="d" * 64, url="http://h/x", fetched_at="2026-01-01T00:00:00Z", parser_version="t-1",
               run_id="run-1")
Q2, Q3 = date(2025, 6, 30), date(2025, 9, 30)
PRICE_Q2, PRICE_Q3 = 100_000.0, 90_000.0


def ev(ticker, instrument, event, day, **kw) -> DebtEvent:
    return DebtEvent(ticker=ticker, instrument=instrument, event=event, announced_date=date.fromisoformat(day), **kw)


def load_events(con, monkeypatch, ticker: str, name: str, events: list[DebtEvent]) -> None:
    """Load `events` as if one debt document had yielded them (through the real handler)."""
    monkeypatch.setattr(sec_debt.debt, "parse_debt", lambda body, ticker=None: events)
    doc = SecDocument(ticker, f"0000000000-25-{abs(hash(name)) % 999999:06d}", events[0].announced_date,
                      f"http://sec.test/{name}", name.ljust(64, "0"), "2026-01-01T00:00:00+00:00", "debt", b"-")
    with transaction(con):
        sec_debt.load_debt(con, SimpleNamespace(run_id="run-1"), doc)


def seed_prices(con) -> None:
    """Every day of Q2 and Q3 2025: 144 blocks, 3.125 BTC subsidy, a price (100,000 then 90,000)."""
    rows = []
    day = date(2025, 4, 1)
    while day <= Q3:
        price = PRICE_Q2 if day <= Q2 else PRICE_Q3
        rows += [("coinmetrics", "asset-metrics", "blocks", day, 144.0),
                 ("coinmetrics", "asset-metrics", "subsidy_btc", day, 450.0),
                 ("coinmetrics", "asset-metrics", "fees_btc", day, 4.5),
                 ("coinmetrics", "asset-metrics", "btc_price_usd", day, price)]
        day += timedelta(days=1)
    frame = pd.DataFrame(rows, columns=["source", "endpoint", "metric", "day", "value"])
    rt = pd.DataFrame([("mempool", 897120, datetime(2025, 3, 30, tzinfo=timezone.utc), 1.2e14, 1.0)],
                      columns=["source", "height", "time", "difficulty", "adjustment_ratio"])
    with transaction(con):
        load.merge_rows(con, "staging.network_observations", load.with_lineage(frame, **LINEAGE),
                        keys=("source", "metric", "day"), compare=("value",), change_entity="source",
                        change_metric="metric", change_period="day", change_value="value", run_id="run-1")
        load.merge_rows(con, "staging.difficulty_adjustments", load.with_lineage(rt, **LINEAGE),
                        keys=("source", "height"), compare=("difficulty",), change_entity="source",
                        change_metric="difficulty", change_period="height", change_value="difficulty",
                        run_id="run-1")


def seed_production(con, ticker, period_end: date, **metrics) -> None:
    start = period_end.replace(day=1)
    for metric, value in metrics.items():
        con.execute(
            "insert into staging.production_facts values (?, 'month', ?, ?, ?, ?, null, 'seeded', true, ?, ?, ?, ?,"
            " current_timestamp, 't-1', 'run-1')",
            [ticker, start, period_end, metric, value, f"acc-{ticker}-{period_end}", period_end + timedelta(days=5),
             "http://p", "p" * 64])


def seed_xbrl(con, ticker, period_end: date, **metrics) -> None:
    for metric, value in metrics.items():
        con.execute("insert into staging.xbrl_metric_values values (?, ?, ?, ?, 'USD', ?, ?, ?, ?, 'run-1')",
                    [ticker, metric, period_end, value, f"us-gaap:{metric}", f"acc-{ticker}-q", period_end + timedelta(days=40),
                     "x" * 64])


def seed_shares(con, ticker, cover_day: date, shares: float) -> None:
    con.execute(
        "insert into staging.xbrl_facts values (?, 1, 'dei', 'EntityCommonStockSharesOutstanding', 'shares', ?, null,"
        " ?, ?, ?, '10-Q', 2025, 'Q2', ?, null, ?, 'http://x', current_timestamp, 'xbrl-1', 'run-1')",
        [ticker, cover_day.isoformat(), cover_day, shares, f"acc-{ticker}-q", cover_day + timedelta(days=5), "x" * 64])


@pytest.fixture
def con(tmp_path, monkeypatch):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrate(con)
    seed_prices(con)
    convert = dict(coupon_pct=1.0, maturity_year=2030, conversion_rate_per_1000_usd=50.0)
    load_events(con, monkeypatch, "AAA", "aaa-converts", [ev("AAA", "convertible_notes", "closed", "2025-05-10",
                                                              principal_usd=500e6, **convert)])
    load_events(con, monkeypatch, "AAA", "aaa-loan", [ev("AAA", "term_loan", "closed", "2025-05-20", principal_usd=100e6,
                                                          coupon_pct=8.0, maturity_year=2028, secured=True)])
    load_events(con, monkeypatch, "AAA", "aaa-facility", [ev("AAA", "credit_facility", "closed", "2025-06-01",
                                                              principal_usd=200e6)])
    load_events(con, monkeypatch, "AAA", "aaa-repurchase", [ev("AAA", "convertible_notes", "repurchased", "2025-08-15",
                                                                principal_usd=200e6, coupon_pct=1.0, maturity_year=2030)])
    load_events(con, monkeypatch, "BBB", "bbb-converts", [ev("BBB", "convertible_notes", "priced", "2025-04-02",
                                                              principal_usd=250e6, coupon_pct=0.0, maturity_year=2031)])
    seed_xbrl(con, "AAA", Q2, total_debt=585e6, cash=100e6, equity=1_000e6, revenue=60e6, interest_expense=3e6)
    seed_xbrl(con, "AAA", Q3, total_debt=390e6, cash=50e6, equity=-20e6)
    seed_shares(con, "AAA", date(2025, 7, 25), 100e6)
    seed_production(con, "AAA", Q2, btc_held=1_000.0, hashrate_deployed_ehs=10.0, btc_produced=40.0)
    for month_end in (date(2025, 7, 31), date(2025, 8, 31), Q3):
        seed_production(con, "AAA", month_end, btc_produced=30.0)
    seed_production(con, "AAA", date(2025, 9, 20), btc_held=800.0)  # a report ending within 45 days counts
    build_marts(con)
    yield con
    con.close()


def leverage(con, ticker: str, quarter_end: date) -> dict:
    cur = con.execute("select * from marts.miner_leverage_quarterly where ticker = ? and quarter_end = ?",
                      [ticker, quarter_end])
    names = [d[0] for d in cur.description]
    return dict(zip(names, cur.fetchone()))


def test_each_leverage_ratio_matches_a_hand_computed_value(con):
    r = leverage(con, "AAA", Q2)
    # principal: $500M converts + $100M term loan; the $200M facility is a commitment, not debt
    assert (r["total_debt_usd"], r["convertible_debt_usd"], r["credit_facility_commitments_usd"]) == (600e6, 500e6, 200e6)
    assert (r["debt_carrying_usd"], r["cash_usd"], r["equity_usd"]) == (585e6, 100e6, 1_000e6)
    assert (r["btc_held"], r["btc_price_usd"]) == (1_000.0, PRICE_Q2)
    assert r["btc_held_source"] == "production report 2025-06-30"
    assert r["btc_value_usd"] == pytest.approx(1_000 * 100_000)                       # 100M
    assert r["debt_to_equity"] == pytest.approx(600e6 / 1_000e6)                       # 0.6
    assert r["net_debt_usd"] == pytest.approx(600e6 - 100e6 - 100e6)                  # 400M
    assert r["debt_to_btc_value"] == pytest.approx(600e6 / 100e6)                      # 6.0
    assert r["debt_per_ehs"] == pytest.approx(600e6 / 10.0)                            # $60M per EH/s
    # one month of production is not a quarter: XBRL revenue, annualised
    assert r["mining_revenue_source"] == "xbrl total revenue"
    assert r["annualized_mining_revenue_usd"] == pytest.approx(60e6 * 4)
    assert r["debt_to_annualized_mining_revenue"] == pytest.approx(600e6 / 240e6)      # 2.5
    assert r["convertible_share_pct"] == pytest.approx(100 * 500 / 600)
    assert r["shares_on_conversion"] == pytest.approx(500e6 / 1000 * 50)               # 25M shares
    assert r["shares_outstanding"] == 100e6
    assert r["potential_dilution_pct"] == pytest.approx(25.0)
    assert r["interest_expense_usd"] == 3e6 and r["instruments_outstanding"] == 2
    assert json.loads(r["xbrl_accessions"])["total_debt"] == "acc-AAA-q"


def test_a_repurchase_reduces_outstanding_principal_and_production_revenue_is_used_for_a_full_quarter(con):
    r = leverage(con, "AAA", Q3)
    assert (r["total_debt_usd"], r["convertible_debt_usd"]) == (400e6, 300e6)
    assert r["convertible_share_pct"] == pytest.approx(75.0)
    # BTC held from the report ending 2025-09-20; priced at the quarter-end price
    assert (r["btc_held"], r["btc_held_source"]) == (800.0, "production report 2025-09-20")
    assert r["btc_value_usd"] == pytest.approx(800 * PRICE_Q3)
    assert r["net_debt_usd"] == pytest.approx(400e6 - 50e6 - 800 * PRICE_Q3)
    # three months x 30 BTC at the quarter's average price (90,000 every day)
    assert r["mining_revenue_source"] == "production x average price"
    assert r["mining_revenue_quarter_usd"] == pytest.approx(90 * PRICE_Q3)
    assert r["debt_to_annualized_mining_revenue"] == pytest.approx(400e6 / (90 * PRICE_Q3 * 4))
    assert r["debt_to_equity"] is None  # negative equity: no meaningful ratio
    assert r["shares_on_conversion"] == pytest.approx(300e6 / 1000 * 50) and r["potential_dilution_pct"] is None
    inst = con.execute("select outstanding_principal_usd, retired_principal_usd, shares_on_conversion"
                       " from marts.debt_instruments where instrument_id = 'AAA-convertible_notes-2030-1.00'").fetchone()
    assert inst == (300e6, 200e6, pytest.approx(15e6))


def test_a_convertible_without_a_rate_leaves_dilution_unknown(con):
    r = leverage(con, "BBB", Q2)
    assert r["total_debt_usd"] == 250e6 and r["shares_on_conversion"] is None and r["potential_dilution_pct"] is None
    assert r["debt_to_equity"] is None and r["cash_usd"] is None  # no XBRL: ratios stay null, nothing guessed


def test_the_industry_total_equals_the_sum_of_its_miners(con):
    rows = con.execute("select quarter_end, total_debt_usd, new_issuance_usd, retired_usd, miners_reporting,"
                       " convertible_debt_usd from marts.industry_debt_quarterly order by quarter_end").fetchall()
    by_quarter = {r[0]: r[1:] for r in rows}
    assert by_quarter[Q2] == (850e6, 850e6, 0.0, 2, 750e6)   # AAA 600 + BBB 250; the facility is not issuance
    assert by_quarter[Q3] == (650e6, 0.0, 200e6, 2, 550e6)
    sums = dict(con.execute("select quarter_end, sum(total_debt_usd) from marts.miner_leverage_quarterly"
                            " group by quarter_end").fetchall())
    for quarter_end, total, *_ in rows:
        assert total == pytest.approx(sums[quarter_end])
    assert run_checks(con, "run-1")["debt_industry_adds_up"] == 0


def test_the_maturity_wall_by_year_and_type(con):
    wall = {(y, i): (p, n, c) for y, i, p, n, c in con.execute(
        "select maturity_year, instrument, outstanding_principal_usd, instruments, weighted_coupon_pct"
        " from marts.debt_maturities").fetchall()}
    assert wall[(2030, "convertible_notes")] == (300e6, 1, 1.0)
    assert wall[(2031, "convertible_notes")] == (250e6, 1, 0.0)
    assert wall[(2028, "term_loan")] == (100e6, 1, 8.0)
    assert wall[(None, "credit_facility")][0] == 200e6
    annual = con.execute("select annual_interest_usd from marts.debt_maturities where maturity_year = 2028").fetchone()[0]
    assert annual == pytest.approx(100e6 * 0.08)


def test_quarterly_balances_follow_the_event_dates(con):
    rows = dict(con.execute("select quarter_end, outstanding_principal_usd from marts.debt_instrument_quarterly"
                            " where instrument_id = 'AAA-convertible_notes-2030-1.00'").fetchall())
    assert rows == {Q2: 500e6, Q3: 300e6}
    events = con.execute("select instrument_id, event, principal_change_usd from marts.debt_events"
                         " where ticker = 'AAA' order by event_date").fetchall()
    assert [e[2] for e in events] == [500e6, 100e6, 200e6, -200e6]
    assert events[0][0] == events[-1][0] == "AAA-convertible_notes-2030-1.00"
