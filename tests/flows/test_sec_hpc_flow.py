"""AI/HPC end to end through the real flow: the SEC source backfilled from the snapshot over HTTP on
loopback, contract releases classified as hpc and staged with lineage, the three marts and the
uncontracted view filled for the snapshot's miners, a no-op rerun, and a re-parse by a newer parser
that retracts what the old one read."""
from __future__ import annotations

from datetime import date

import duckdb
import pytest

from transforms import hpc

pytestmark = pytest.mark.usefixtures("prefect_harness")


def query(db_path, sql, params=None):
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def test_hpc_contracts_and_mix_load_through_the_sec_flow(live_settings, snapshot_server, monkeypatch):
    from flows import sec
    from flows.pipeline import backfill_flow, refresh_flow

    summary = backfill_flow(start=date(2024, 1, 1), end=date(2026, 4, 29), sources=["sec"])
    assert summary["status"] == "success", summary
    db = live_settings.db

    # classification: every contract release of the snapshot is an hpc document, nothing quarantined
    hpc_docs = query(db, "select ticker, count(*) from ops.loaded_documents where kind = 'hpc' group by 1 order by 1")
    assert hpc_docs == [("CIFR", 3), ("CORZ", 3), ("HUT", 1), ("IREN", 1), ("WULF", 3)]

    # lineage: each staged event leads back to the archived exhibit it was read from
    orphans = query(db, """
        select count(*) from staging.hpc_contract_events e
        anti join raw.documents d on d.document_hash = e.document_hash and d.url = e.document_url""")
    assert orphans == [(0,)]
    assert query(db, "select distinct parser_version, run_id = ? from staging.hpc_contract_events",
                 [summary["run_id"]]) == [(hpc.PARSER_VERSION, True)]
    assert query(db, "select count(*) from staging.hpc_contract_events where json_keys(evidence) = []") == [(0,)]

    # marts.hpc_contracts: current terms per contract, five miners
    contracts = {r[0]: r[1:] for r in query(db, """
        select ticker || ' ' || counterparty || ' ' || coalesce(sites, '-'), critical_it_mw,
               total_contract_value_usd, event_count, backstop_usd, status
        from marts.hpc_contracts""")}
    assert len({k.split()[0] for k in contracts}) == 5
    assert contracts["WULF Fluidstack Lake Mariner"] == (200 + 160, 3.7e9 + 3.0e9, 2, 3.2e9, "active")
    assert contracts["WULF Fluidstack Abernathy"] == (168, 9.5e9, 1, 1.3e9, "active")
    assert contracts["CIFR Fluidstack Barber Lake"] == (168 + 39, 3.0e9 + 0.83e9, 2, 1.73e9, "active")
    assert contracts["CIFR Amazon Web Services -"][:3] == (300, 5.5e9, 1)
    assert contracts["CORZ CoreWeave Denton"][:3] == (200 + 70 + 112, 3.5e9 + 1.2e9 + 2.0e9, 3)
    assert contracts["IREN Microsoft Childress"][:3] == (200, 9.7e9, 1)
    assert contracts["HUT Fluidstack River Bend"][:3] == (245, 7.0e9, 1)
    # the stated partnership totals agree with the folded increments
    assert query(db, "select count(*) from marts.hpc_contracts where stated_cumulative_critical_it_mw"
                     " is distinct from critical_it_mw and stated_cumulative_critical_it_mw is not null") == [(0,)]

    # marts.miner_revenue_mix_quarterly: IREN's months summed, its reported quarter preferred
    revenue = {(t, q): (m, h, tot, share, basis) for t, q, m, h, tot, share, basis in query(db, """
        select ticker, quarter, mining_revenue_usd, hpc_revenue_usd, total_revenue_usd, hpc_share_of_revenue_pct,
               basis->>'hpc_revenue_usd'
        from marts.miner_revenue_mix_quarterly""")}
    iren_q3 = revenue[("IREN", "2025-Q3")]
    assert iren_q3[:3] == (pytest.approx(83.6e6 + 76.7e6 + 74.3e6), pytest.approx(2.3e6 + 2.4e6 + 3.0e6), None)
    assert iren_q3[4] == "sum of 3 months"
    assert revenue[("IREN", "2025-Q4")][:3] == (167.4e6, 17.3e6, 184.7e6)
    assert revenue[("IREN", "2025-Q4")][3] == pytest.approx(100 * 17.3 / 184.7)
    assert revenue[("WULF", "2025-Q3")][3] == pytest.approx(100 * 7.2 / 50.6)
    assert revenue[("CORZ", "2025-Q3")][3] == pytest.approx(100 * 15.0 / 81.1)
    assert len({t for t, _ in revenue}) >= 5

    # marts.miner_capacity_mix_quarterly and the uncontracted view
    capacity = dict(query(db, "select ticker || ' ' || quarter, hpc_built_or_building_mw"
                              " from marts.miner_capacity_mix_quarterly"))
    assert len({k.split()[0] for k in capacity}) >= 5
    assert capacity["CORZ 2025-Q3"] == 250 + 132
    uncontracted = {r[0]: r[1:] for r in query(db, """
        select ticker || ' ' || quarter, contracted_critical_it_mw, uncontracted_mw
        from marts.hpc_uncontracted_capacity""")}
    assert uncontracted["IREN 2025-Q3"] == (0, 250)        # the Microsoft contract came in November
    assert uncontracted["IREN 2025-Q4"] == (200, 75 + 200 - 200)
    assert uncontracted["HUT 2025-Q3"] == (0, 300)         # River Bend without a tenant until December
    assert uncontracted["CIFR 2025-Q4"] == (300 + 207, 0)
    assert uncontracted["WULF 2025-Q3"] == (360, 0)

    # a rerun changes nothing
    again = backfill_flow(start=date(2024, 1, 1), end=date(2026, 4, 29), sources=["sec"])
    assert again["sources"]["sec"]["rows_changed"] == 0

    # a newer contract parser re-reads its documents from the archive; what it no longer yields is retracted
    con = duckdb.connect(str(live_settings.work_db))  # the writer's working copy persists between runs
    try:
        con.execute("insert into staging.hpc_contract_events select * replace ('Ghost @ (no site)' as contract_ref,"
                    " 'Ghost' as counterparty) from staging.hpc_contract_events where ticker = 'HUT'")
    finally:
        con.close()
    [handler] = sec.HANDLERS["hpc"]
    monkeypatch.setitem(sec.HANDLERS, "hpc", [sec.Handler(handler.load, "hpc-next")])
    healed = refresh_flow(sources=["sec"])
    assert healed["status"] == "success"
    assert query(db, "select count(*) from staging.hpc_contract_events where counterparty = 'Ghost'") == [(0,)]
    assert query(db, "select change_kind, entity from ops.change_log where run_id = ? and metric = 'Ghost @ (no site)'",
                 [healed["run_id"]]) == [("retract", "HUT")]
    assert query(db, "select distinct parser_version from ops.loaded_documents where kind = 'hpc'") == [("hpc-next",)]
    assert query(db, "select count(*) from marts.hpc_contracts where counterparty = 'Ghost'") == [(0,)]
