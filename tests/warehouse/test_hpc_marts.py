"""The AI/HPC marts on hand-built staging rows: contract linking and terms, quarterly capacity and
revenue mix (monthly sums, reported quarters, shares), the uncontracted view, XBRL revenue and the
hold-back checks. Every expected value is computed by hand in the test."""
from __future__ import annotations

import json
from datetime import date

import duckdb
import pytest

from warehouse.db import migrate
from warehouse.marts import build_and_check, build_marts


@pytest.fixture
def con(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrate(con)
    yield con
    con.close()


LINEAGE = dict(document_url="https://www.sec.gov/x", fetched_at="2026-01-01 00:00:00+00", parser_version="t",
               run_id="r")


def event(con, ticker, doc, day, event, counterparty, site=None, **figures):
    row = dict(ticker=ticker, contract_ref=f"{counterparty} @ {site}", counterparty=counterparty, site=site,
               announced_date=day, event=event, evidence=json.dumps({"event": f"{event} wording"}),
               null_reasons="{}", qualifiers="{}", accession=f"acc-{doc}", filing_date=day, document_hash=doc,
               **LINEAGE, **figures)
    cols = ", ".join(row)
    con.execute(f"insert into staging.hpc_contract_events ({cols}) values ({', '.join('?' * len(row))})",
                list(row.values()))


def fact(con, table, ticker, period_type, period_end, metric, value, doc, filing_date, period_start=None):
    row = dict(ticker=ticker, period_type=period_type, period_end=period_end, metric=metric, value=value,
               evidence=f"{metric} {value}", accession=f"acc-{doc}", filing_date=filing_date, document_hash=doc,
               **LINEAGE)
    if table == "staging.revenue_mix":
        row["period_start"] = period_start
    cols = ", ".join(row)
    con.execute(f"insert into {table} ({cols}) values ({', '.join('?' * len(row))})", list(row.values()))


def rows(con, sql, params=None):
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


# --- contracts --------------------------------------------------------------------------------
def test_signing_expansions_amendment_and_termination_fold_into_current_terms(con):
    event(con, "WULF", "d1", date(2025, 8, 14), "signed", "Fluidstack", "Lake Mariner", critical_it_mw=200.0,
          term_years=10.0, total_contract_value_usd=3.7e9, backstop_usd=1.8e9, backstop_party="Google",
          start_date=date(2026, 1, 1))
    event(con, "WULF", "d2", date(2025, 8, 18), "expanded", "Fluidstack", "Lake Mariner", critical_it_mw=160.0,
          total_contract_value_usd=3.0e9, backstop_usd=3.2e9, cumulative_critical_it_mw=360.0,
          start_date=date(2026, 7, 1))
    # a second site with the same tenant is a contract of its own
    event(con, "WULF", "d3", date(2025, 10, 28), "signed", "Fluidstack", "Abernathy", critical_it_mw=168.0,
          total_contract_value_usd=9.5e9, term_years=25.0)
    # an amendment restates the terms, a later expansion adds to the restated figures
    event(con, "KSTL", "k1", date(2025, 3, 1), "signed", "Northwind", "Prairie Ridge", critical_it_mw=40.0,
          total_contract_value_usd=0.7e9, term_years=7.0)
    event(con, "KSTL", "k2", date(2025, 9, 1), "expanded", "Northwind", None, critical_it_mw=5.0,
          total_contract_value_usd=0.05e9)
    event(con, "KSTL", "k3", date(2026, 1, 12), "amended", "Northwind", "Prairie Ridge", critical_it_mw=48.0,
          total_contract_value_usd=1.1e9, term_years=10.0)
    event(con, "KSTL", "k4", date(2026, 2, 1), "expanded", "Northwind", "Prairie Ridge", critical_it_mw=2.0)
    # a termination keeps the last terms but contracts nothing
    event(con, "RDGL", "r1", date(2025, 1, 5), "signed", "Bluegill", "Sharon", critical_it_mw=30.0)
    event(con, "RDGL", "r2", date(2026, 3, 3), "terminated", "Bluegill", "Sharon")
    # an expansion whose signing the warehouse never saw opens its own contract
    event(con, "CORZ", "c1", date(2024, 10, 10), "expanded", "CoreWeave", "Austin", critical_it_mw=112.0)
    build_marts(con)

    got = {r["contract_id"]: r for r in rows(con, "select * from marts.hpc_contracts")}
    assert len(got) == 5
    lake = got["WULF | Fluidstack | Lake Mariner | 2025-08-14"]
    assert (lake["critical_it_mw"], lake["total_contract_value_usd"]) == (200 + 160, 3.7e9 + 3.0e9)
    assert (lake["backstop_usd"], lake["stated_cumulative_critical_it_mw"], lake["event_count"]) == (3.2e9, 360, 2)
    assert lake["start_date"] == date(2026, 1, 1)  # the signing's, not the expansion tranche's
    assert lake["value_per_mw_year_usd"] == pytest.approx(6.7e9 / 10 / 360)
    assert [e["event"] for e in json.loads(lake["events"])] == ["signed", "expanded"]
    assert got["WULF | Fluidstack | Abernathy | 2025-10-28"]["critical_it_mw"] == 168
    kstl = got["KSTL | Northwind | Prairie Ridge | 2025-03-01"]
    assert (kstl["critical_it_mw"], kstl["total_contract_value_usd"], kstl["term_years"]) == (48 + 2, 1.1e9, 10)
    assert kstl["event_count"] == 4 and kstl["status"] == "active"
    rdgl = got["RDGL | Bluegill | Sharon | 2025-01-05"]
    assert (rdgl["status"], rdgl["critical_it_mw"], rdgl["contracted_critical_it_mw"]) == ("terminated", 30, 0)
    orphan = got["CORZ | CoreWeave | Austin | 2024-10-10"]
    assert (orphan["opened_by"], orphan["critical_it_mw"], orphan["total_contract_value_usd"]) == ("expanded", 112, None)

    history = rows(con, "select event_seq, critical_it_mw, total_contract_value_usd from marts.hpc_contract_history"
                        " where ticker = 'KSTL' order by event_seq")
    assert [(h["critical_it_mw"], h["total_contract_value_usd"]) for h in history] == [
        (40, 0.7e9), (45, 0.75e9), (48, 1.1e9), (50, 1.1e9)]


def test_linking_prefers_the_same_site_and_never_links_unnamed_tenants(con):
    event(con, "CORZ", "a", date(2024, 6, 3), "signed", "CoreWeave", "Denton", critical_it_mw=200.0)
    event(con, "CORZ", "b", date(2024, 7, 1), "signed", "CoreWeave", "Austin", critical_it_mw=50.0)
    event(con, "CORZ", "c", date(2024, 10, 10), "expanded", "CoreWeave", "Denton", critical_it_mw=112.0)
    event(con, "CORZ", "d", date(2024, 11, 1), "expanded", "CoreWeave", None, critical_it_mw=10.0)
    event(con, "IREN", "e", date(2025, 12, 1), "signed", None, None, critical_it_mw=20.0)
    event(con, "IREN", "f", date(2025, 12, 2), "expanded", None, None, critical_it_mw=5.0)
    build_marts(con)
    got = dict(con.execute("select contract_id, critical_it_mw from marts.hpc_contracts").fetchall())
    # Denton: its own expansion; the unsited one goes to the latest signing (Austin)
    assert got["CORZ | CoreWeave | Denton | 2024-06-03"] == 200 + 112
    assert got["CORZ | CoreWeave | Austin | 2024-07-01"] == 50 + 10
    assert sorted(v for k, v in got.items() if k.startswith("IREN")) == [5, 20]


def test_one_announcement_filed_twice_is_one_event(con):
    event(con, "IREN", "exhibit-1", date(2025, 11, 3), "signed", "Microsoft", "Childress", critical_it_mw=200.0)
    event(con, "IREN", "exhibit-2", date(2025, 11, 3), "signed", "Microsoft", "Childress", critical_it_mw=200.0)
    build_marts(con)
    assert con.execute("select count(*), sum(critical_it_mw) from marts.hpc_contracts").fetchone() == (1, 200)
    assert con.execute("select count(*) from marts.hpc_contract_history").fetchone() == (1,)


# --- capacity and revenue mix -------------------------------------------------------------------
def test_capacity_mix_takes_the_latest_day_of_each_quarter(con):
    t = "staging.capacity_mix"
    fact(con, t, "IREN", "month", date(2025, 8, 31), "hpc_mw", 40.0, "m8", date(2025, 9, 8))
    fact(con, t, "IREN", "month", date(2025, 9, 30), "hpc_mw", 50.0, "m9", date(2025, 10, 7))
    fact(con, t, "IREN", "month", date(2025, 9, 30), "energized_mw", 810.0, "m9", date(2025, 10, 7))
    fact(con, t, "IREN", "month", date(2025, 9, 30), "hpc_under_construction_mw", 200.0, "m9", date(2025, 10, 7))
    fact(con, t, "IREN", "month", date(2025, 8, 31), "self_mining_mw", 700.0, "m8", date(2025, 9, 8))
    # a later document restating the same day wins
    fact(con, t, "IREN", "quarter", date(2025, 9, 30), "energized_mw", 815.0, "q3", date(2025, 11, 6))
    build_marts(con)
    [r] = rows(con, "select * from marts.miner_capacity_mix_quarterly")
    assert (r["quarter"], r["quarter_start"], r["quarter_end"]) == ("2025-Q3", date(2025, 7, 1), date(2025, 9, 30))
    assert (r["hpc_mw"], r["energized_mw"], r["self_mining_mw"]) == (50, 815, 700)
    assert (r["uses_total_mw"], r["hpc_built_or_building_mw"]) == (700 + 50, 50 + 200)
    assert r["hpc_share_of_energized_pct"] == pytest.approx(100 * 50 / 815)
    assert json.loads(r["as_of"])["self_mining_mw"] == "2025-08-31"


def test_revenue_mix_sums_complete_quarters_of_months_and_prefers_reported_quarters(con):
    t = "staging.revenue_mix"
    months = {7: (83.6e6, 2.3e6), 8: (76.7e6, 2.4e6), 9: (74.3e6, 3.0e6), 10: (72.0e6, 3.6e6), 11: (57.3e6, 4.4e6)}
    for m, (mining, ai) in months.items():
        end = date(2025, m + 1, 1).toordinal() - 1
        end = date.fromordinal(end)
        fact(con, t, "IREN", "month", end, "mining_revenue_usd", mining, f"m{m}", end, date(2025, m, 1))
        fact(con, t, "IREN", "month", end, "hpc_revenue_usd", ai, f"m{m}", end, date(2025, m, 1))
    # Q4: October and November only (no December) -> no monthly sum; the reported quarter stands
    fact(con, t, "IREN", "quarter", date(2025, 12, 31), "hpc_revenue_usd", 17.3e6, "q4", date(2026, 2, 5), date(2025, 10, 1))
    fact(con, t, "IREN", "quarter", date(2025, 12, 31), "total_revenue_usd", 184.7e6, "q4", date(2026, 2, 5), date(2025, 10, 1))
    # HIVE states only AI/HPC revenue: its share is unknown
    for m in (10, 11, 12):
        end = date(2025, 12, 31) if m == 12 else date.fromordinal(date(2025, m + 1, 1).toordinal() - 1)
        fact(con, t, "HIVE", "month", end, "hpc_revenue_usd", 2.0e6 + m * 1e5, f"h{m}", end, date(2025, m, 1))
    build_marts(con)
    got = {(r["ticker"], r["quarter"]): r for r in rows(con, "select * from marts.miner_revenue_mix_quarterly")}
    q3 = got[("IREN", "2025-Q3")]
    assert q3["mining_revenue_usd"] == pytest.approx(83.6e6 + 76.7e6 + 74.3e6)
    assert q3["hpc_revenue_usd"] == pytest.approx(2.3e6 + 2.4e6 + 3.0e6)
    assert q3["total_revenue_usd"] is None and q3["hpc_share_denominator"] == "segments_total_usd"
    assert q3["hpc_share_of_revenue_pct"] == pytest.approx(100 * 7.7 / (234.6 + 7.7))
    assert json.loads(q3["basis"]) == {"hpc_revenue_usd": "sum of 3 months", "mining_revenue_usd": "sum of 3 months"}
    q4 = got[("IREN", "2025-Q4")]
    assert (q4["hpc_revenue_usd"], q4["total_revenue_usd"], q4["mining_revenue_usd"]) == (17.3e6, 184.7e6, None)
    assert q4["hpc_share_of_revenue_pct"] == pytest.approx(100 * 17.3 / 184.7)
    hive = got[("HIVE", "2025-Q4")]
    assert hive["hpc_revenue_usd"] == pytest.approx(3 * 2.0e6 + (10 + 11 + 12) * 1e5)
    assert hive["hpc_share_of_revenue_pct"] is None and hive["hpc_share_denominator"] is None
    assert hive["xbrl_total_revenue_usd"] is None


def test_xbrl_revenue_joins_the_press_release_quarter(con):
    fact(con, "staging.revenue_mix", "WULF", "quarter", date(2025, 9, 30), "total_revenue_usd", 50.6e6, "w",
         date(2025, 11, 10), date(2025, 7, 1))
    con.execute("insert into staging.miners values ('WULF', 1083301, 'TeraWulf', '8-K', '1231', 'quarterly:..',"
                " 'quarterly', '2026-04-30')")
    rows = [  # the quarter under two revenue tags (Revenues wins), and a nine-month figure that is no quarter
        ("Revenues", "2025-07-01", 50604000, "a1"),
        ("RevenueFromContractWithCustomerExcludingAssessedTax", "2025-07-01", 49000000, "a1"),
        ("Revenues", "2025-01-01", 140000000, "a1"),
    ]
    con.executemany(
        "insert into staging.xbrl_facts (ticker, cik, taxonomy, tag, unit, period, period_start, period_end, value,"
        " accession, filed, document_hash, url, fetched_at, parser_version, run_id)"
        " values ('WULF', 1083301, 'us-gaap', ?, 'USD', ? || '..2025-09-30', ?::date, DATE '2025-09-30', ?, ?,"
        " DATE '2025-11-10', 'h', 'https://data.sec.gov/x', TIMESTAMPTZ '2026-01-01 00:00:00+00', 't', 'r')",
        [(tag, start, start, value, acc) for tag, start, value, acc in rows])
    assert "175_miner_revenue_mix_xbrl" in build_marts(con)
    assert con.execute("select xbrl_total_revenue_usd, xbrl_revenue_tag from marts.miner_revenue_mix_quarterly"
                       ).fetchall() == [(50604000.0, "us-gaap:Revenues")]


# --- uncontracted capacity ------------------------------------------------------------------------
def test_uncontracted_capacity_counts_contracts_active_at_each_quarter_end(con):
    t = "staging.capacity_mix"
    fact(con, t, "IREN", "month", date(2025, 9, 30), "hpc_mw", 50.0, "a", date(2025, 10, 7))
    fact(con, t, "IREN", "month", date(2025, 9, 30), "hpc_under_construction_mw", 200.0, "a", date(2025, 10, 7))
    fact(con, t, "IREN", "month", date(2025, 12, 31), "hpc_mw", 75.0, "b", date(2026, 1, 8))
    fact(con, t, "IREN", "month", date(2025, 12, 31), "hpc_under_construction_mw", 200.0, "b", date(2026, 1, 8))
    fact(con, t, "HUT", "quarter", date(2025, 9, 30), "hpc_under_construction_mw", 300.0, "c", date(2025, 11, 4))
    fact(con, t, "RDGL", "quarter", date(2026, 3, 31), "hpc_mw", 30.0, "d", date(2026, 4, 20))
    fact(con, t, "CLSK", "month", date(2025, 9, 30), "energized_mw", 808.0, "e", date(2025, 10, 3))
    event(con, "IREN", "x", date(2025, 11, 3), "signed", "Microsoft", "Childress", critical_it_mw=200.0)
    event(con, "HUT", "y", date(2025, 12, 17), "signed", "Fluidstack", "River Bend", critical_it_mw=245.0)
    event(con, "RDGL", "z1", date(2025, 1, 5), "signed", "Bluegill", "Sharon", critical_it_mw=30.0)
    event(con, "RDGL", "z2", date(2026, 3, 3), "terminated", "Bluegill", "Sharon")
    event(con, "RDGL", "z3", date(2026, 3, 20), "signed", "Kestrel", "Sharon")  # no MW stated
    build_marts(con)
    got = {(r["ticker"], r["quarter"]): r for r in rows(con, "select * from marts.hpc_uncontracted_capacity")}
    assert set(got) == {("IREN", "2025-Q3"), ("IREN", "2025-Q4"), ("HUT", "2025-Q3"), ("RDGL", "2026-Q1")}
    assert (got[("IREN", "2025-Q3")]["uncontracted_mw"], got[("IREN", "2025-Q3")]["active_contracts"]) == (250, 0)
    q4 = got[("IREN", "2025-Q4")]
    assert (q4["contracted_critical_it_mw"], q4["uncontracted_mw"], q4["tenants"]) == (200, 275 - 200, "Microsoft")
    assert q4["is_latest_quarter"] and not got[("IREN", "2025-Q3")]["is_latest_quarter"]
    assert got[("HUT", "2025-Q3")]["uncontracted_mw"] == 300  # the River Bend lease came in December
    rdgl = got[("RDGL", "2026-Q1")]
    assert (rdgl["contracted_critical_it_mw"], rdgl["uncontracted_mw"]) == (0, 30)
    assert (rdgl["active_contracts"], rdgl["contracts_without_mw"], rdgl["tenants"]) == (1, 1, "Kestrel")


def test_a_letter_of_intent_is_preliminary_and_never_counts_as_contracted(con):
    fact(con, "staging.capacity_mix", "APLD", "quarter", date(2024, 3, 31), "hpc_under_construction_mw", 400.0,
         "a", date(2024, 4, 11))
    fact(con, "staging.capacity_mix", "APLD", "quarter", date(2024, 6, 30), "hpc_under_construction_mw", 400.0,
         "b", date(2024, 7, 30))
    # an LOI with an unnamed hyperscaler, then the definitive lease with a named tenant at the same campus
    event(con, "APLD", "l1", date(2024, 2, 20), "signed", None, "Ellendale", critical_it_mw=400.0,
          agreement_stage="preliminary")
    event(con, "APLD", "l2", date(2024, 6, 3), "signed", "CoreWeave", "Ellendale", critical_it_mw=100.0)
    # a named tenant's letter, never followed by a lease; an expansion of the tenant links to no letter
    event(con, "HIVE", "h1", date(2025, 5, 1), "signed", "Nebius", "Boden", critical_it_mw=25.0,
          agreement_stage="preliminary")
    event(con, "HIVE", "h2", date(2025, 9, 1), "expanded", "Nebius", "Boden", critical_it_mw=5.0)
    build_marts(con)
    got = {r["contract_id"]: r for r in rows(con, "select * from marts.hpc_contracts")}
    loi = got["APLD | (unnamed tenant) | Ellendale | 2024-02-20"]
    assert (loi["status"], loi["agreement_stage"], loi["critical_it_mw"], loi["contracted_critical_it_mw"]) == (
        "preliminary", "preliminary", 400, 0)
    lease = got["APLD | CoreWeave | Ellendale | 2024-06-03"]
    assert (lease["status"], lease["contracted_critical_it_mw"]) == ("active", 100)
    assert got["HIVE | Nebius | Boden | 2025-05-01"]["event_count"] == 1
    assert got["HIVE | Nebius | Boden | 2025-09-01"]["opened_by"] == "expanded"
    cap = {r["quarter"]: r for r in rows(con, "select * from marts.hpc_uncontracted_capacity where ticker = 'APLD'")}
    assert (cap["2024-Q1"]["contracted_critical_it_mw"], cap["2024-Q1"]["uncontracted_mw"]) == (0, 400)
    assert (cap["2024-Q1"]["preliminary_critical_it_mw"], cap["2024-Q1"]["preliminary_agreements"]) == (400, 1)
    assert (cap["2024-Q2"]["contracted_critical_it_mw"], cap["2024-Q2"]["uncontracted_mw"]) == (100, 300)


def test_contracts_beyond_what_is_built_are_shown_apart(con):
    fact(con, "staging.capacity_mix", "WULF", "quarter", date(2025, 12, 31), "hpc_under_construction_mw", 360.0,
         "a", date(2026, 2, 20))
    event(con, "WULF", "b", date(2025, 8, 14), "signed", "Fluidstack", "Lake Mariner", critical_it_mw=360.0)
    event(con, "WULF", "c", date(2025, 10, 28), "signed", "Fluidstack", "Abernathy", critical_it_mw=168.0)
    build_marts(con)
    [r] = rows(con, "select * from marts.hpc_uncontracted_capacity")
    assert (r["contracted_critical_it_mw"], r["uncontracted_mw"], r["contracted_beyond_built_mw"]) == (528, 0, 168)


# --- hold-back checks -----------------------------------------------------------------------------
def test_segments_above_total_and_uses_above_energized_are_held_back(con):
    r, c = "staging.revenue_mix", "staging.capacity_mix"
    q = dict(period_start=date(2025, 7, 1))
    fact(con, r, "EXMN", "quarter", date(2025, 9, 30), "total_revenue_usd", 50.0e6, "bad", date(2025, 11, 1), **q)
    fact(con, r, "EXMN", "quarter", date(2025, 9, 30), "mining_revenue_usd", 43.4e6, "bad", date(2025, 11, 1), **q)
    fact(con, r, "EXMN", "quarter", date(2025, 9, 30), "hpc_revenue_usd", 72.0e6, "bad", date(2025, 11, 1), **q)
    fact(con, c, "EXMN", "quarter", date(2025, 9, 30), "energized_mw", 400.0, "bad", date(2025, 11, 1))
    fact(con, c, "EXMN", "quarter", date(2025, 9, 30), "hpc_mw", 4000.0, "bad", date(2025, 11, 1))
    violations, held = build_and_check(con, "run-1")
    assert violations["revenue_mix_segments_within_total"] == 2
    assert violations["capacity_mix_uses_within_energized"] == 1 and held == 3
    [rev] = rows(con, "select * from marts.miner_revenue_mix_quarterly")
    assert (rev["total_revenue_usd"], rev["mining_revenue_usd"], rev["hpc_revenue_usd"]) == (50.0e6, None, None)
    [cap] = rows(con, "select * from marts.miner_capacity_mix_quarterly")
    assert (cap["energized_mw"], cap["hpc_mw"]) == (400, None)


def test_a_signing_mw_without_basis_counts_once_a_later_critical_it_total_confirms_it(con):
    # the signing says "to host approximately 150 MW" (no basis); the expansion's release says the
    # critical IT total is now 190 MW = 150 + 40, so the 150 MW was critical IT
    event(con, "NWND", "n1", date(2025, 2, 3), "signed", "Lambda", "Harbor", unqualified_mw=150.0,
          total_contract_value_usd=2.0e9)
    event(con, "NWND", "n2", date(2025, 6, 9), "expanded", "Lambda", "Harbor", critical_it_mw=40.0,
          cumulative_critical_it_mw=190.0)
    # a total that does not add up confirms nothing: only the stated increment is known
    event(con, "ESKR", "e1", date(2025, 2, 3), "signed", "Crusoe", "Delta", unqualified_mw=100.0)
    event(con, "ESKR", "e2", date(2025, 6, 9), "expanded", "Crusoe", "Delta", critical_it_mw=30.0,
          cumulative_critical_it_mw=260.0)
    build_marts(con)
    got = {r["ticker"]: r for r in rows(con, "select * from marts.hpc_contracts")}
    assert got["NWND"]["critical_it_mw"] == 190.0
    assert got["ESKR"]["critical_it_mw"] == 30.0
    history = rows(con, "select event_seq, critical_it_mw from marts.hpc_contract_history where ticker = 'NWND'"
                        " order by event_seq")
    # as of the signing alone the basis was not known
    assert [(h["event_seq"], h["critical_it_mw"]) for h in history] == [(1, None), (2, 190.0)]
