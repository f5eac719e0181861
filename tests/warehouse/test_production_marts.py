"""marts.miner_production from hand-written production facts: revisions, the as-of view, and which comparison
quarters make a panel row."""
from __future__ import annotations

import calendar
from datetime import date

import duckdb
import pytest

from warehouse.db import migrate, transaction
from warehouse.marts import build_marts


@pytest.fixture
def con(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrate(con)
    yield con
    con.close()


def month(y, m):
    return "month", date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def quarter(y, q):
    end_month = 3 * q
    return "quarter", date(y, end_month - 2, 1), date(y, end_month, calendar.monthrange(y, end_month)[1])


def fact(con, ticker, period, metric, value, *, own, filed, accession):
    ptype, start, end = period
    con.execute("insert into staging.production_facts values (?, ?, ?, ?, ?, ?, null, 'cell', ?, ?, ?, 'http://x',"
                " ?, timestamptz '2026-01-01 00:00:00+00', 't-1', 'run-1')",
                [ticker, ptype, start, end, metric, value, own, accession, filed, accession + "-hash"])


def panel(con, sql="select * from marts.miner_production"):
    cur = con.execute(sql)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row)) for row in cur.fetchall()]


def test_comparison_quarter_of_reported_months_is_not_a_panel_row(con):
    """Riot: monthly to December 2025, then a Q1 2026 update with a Q4 2025 comparison column."""
    with transaction(con):
        for i, m in enumerate((10, 11, 12)):
            fact(con, "RIOT", month(2025, m), "btc_sold", 400 + i, own=True, filed=date(2025, m, 28),
                 accession=f"m{m}")
        fact(con, "RIOT", quarter(2026, 1), "btc_sold", 1915, own=True, filed=date(2026, 4, 7), accession="q1")
        fact(con, "RIOT", quarter(2025, 4), "btc_sold", 2601, own=False, filed=date(2026, 4, 7), accession="q1")
        fact(con, "RIOT", quarter(2025, 1), "btc_sold", 0, own=False, filed=date(2026, 4, 7), accession="q1")
        # a quarter a results release reports as its own period stays beside its months
        fact(con, "MARA", quarter(2025, 4), "btc_produced", 1985, own=True, filed=date(2026, 2, 26), accession="l4")
        for m in (10, 11, 12):
            fact(con, "MARA", month(2025, m), "btc_produced", 660, own=True, filed=date(2025, m, 28),
                 accession=f"mara{m}")
    build_marts(con)
    rows = {(r["ticker"], r["period_type"], r["period_end"]) for r in panel(con)}
    assert ("RIOT", "quarter", date(2025, 12, 31)) not in rows
    assert ("RIOT", "quarter", date(2025, 3, 31)) in rows          # its months were never reported one by one
    assert ("RIOT", "quarter", date(2026, 3, 31)) in rows
    assert ("MARA", "quarter", date(2025, 12, 31)) in rows
    dec = panel(con, "select btc_sold from marts.miner_production where ticker = 'RIOT' and period_end = '2025-12-31'")
    assert dec == [{"btc_sold": 402}]
    # the comparison quarter is still in staging, with its evidence
    assert con.execute("select count(*) from staging.production_facts where period_type = 'quarter'"
                       " and period_end = '2025-12-31' and ticker = 'RIOT'").fetchone()[0] == 1


def test_a_later_report_revises_a_figure_and_the_as_of_view_shows_the_first(con):
    with transaction(con):
        fact(con, "RIOT", month(2025, 11), "hashrate_operating_ehs", 33.4, own=True, filed=date(2025, 12, 3),
             accession="nov")
        fact(con, "RIOT", month(2025, 11), "hashrate_operating_ehs", 33.6, own=False, filed=date(2026, 1, 7),
             accession="dec")
    build_marts(con)
    [now] = panel(con)
    assert (now["hashrate_operating_ehs"], now["revised"], now["revised_metrics"]) == (33.6, True,
                                                                                         ["hashrate_operating_ehs"])
    [then] = panel(con, "select * from marts.miner_production_asof(date '2025-12-15')")
    assert (then["hashrate_operating_ehs"], then["revised"]) == (33.4, False)
