"""marts.miner_production from hand-written production facts: revisions, the as-of view, and which comparison
quarters make a panel row."""
from __future__ import annotations

import calendar
import random
from datetime import date, timedelta
from pathlib import Path

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


REFERENCE_ASOF = Path(__file__).parent / "sql" / "miner_production_asof_reference.sql"


def test_asof_from_the_panel_versions_equals_the_derivation_from_staging(con):
    """marts.miner_production_asof reads the materialised versions; on every filing date, the day before
    it and days between, it must give exactly what deriving the panel from staging on that day gives.
    Seeded random disclosures: own periods, prior-month and year-ago columns (revisions and
    confirmations), quarters as own periods and as comparison columns, several documents on one day."""
    rng = random.Random(20251231)
    days = set()
    with transaction(con):
        for ticker in ("AAA", "BBB", "CCC"):
            for n in range(30):
                y, m = 2024 + n // 12, n % 12 + 1
                filed = date(y, m, 1) + timedelta(days=31 + rng.randrange(10))
                days.add(filed)
                accession = f"{ticker}-{n}"
                metrics = rng.sample(["btc_produced", "btc_sold", "btc_held", "hashrate_operating_ehs"], 3)
                for metric in metrics:
                    value = float(rng.randrange(100, 900))
                    fact(con, ticker, month(y, m), metric, value, own=True, filed=filed, accession=accession)
                    if n and rng.random() < 0.7:  # the prior month's column: confirms or revises
                        py, pm = (y, m - 1) if m > 1 else (y - 1, 12)
                        prior = value if rng.random() < 0.5 else value + rng.choice((-3.0, 5.0))
                        fact(con, ticker, month(py, pm), metric, prior, own=False, filed=filed, accession=accession)
                if m % 3 == 0:
                    quarter_own = rng.random() < 0.3  # some results releases report the quarter itself
                    fact(con, ticker, quarter(y, m // 3), "btc_produced", float(rng.randrange(1000, 3000)),
                         own=quarter_own, filed=filed + timedelta(days=rng.choice((0, 3))),
                         accession=f"{accession}-q")
                    days.add(filed + timedelta(days=3))
    build_marts(con)
    con.execute(REFERENCE_ASOF.read_text())
    probes = sorted({d + timedelta(days=k) for d in days for k in (-1, 0, 1)} | {date(2023, 1, 1), date(2030, 1, 1)})
    order = " order by ticker, period_type, period_end"
    for day in probes:
        materialised = con.execute(f"select * from marts.miner_production_asof(?::date){order}", [day]).fetchall()
        derived = con.execute(f"select * from reference_miner_production_asof(?::date){order}", [day]).fetchall()
        assert materialised == derived, day
    assert con.execute("select count(*) from marts.miner_production_versions where valid_to is not null"
                       ).fetchone()[0] > 0  # the history really has superseded versions
