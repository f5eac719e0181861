"""The AI/HPC handlers without Prefect: classification of contract releases, the staged frames and
their contract with the migration, change-aware loads and retraction on a re-parse."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pytest

import flows.sources  # noqa: F401 - registers every handler and predicate, as a run does
from flows.sec import HANDLERS, SecDocument, classify, load_document
from flows.sec_hpc import EVENT_COLUMNS, LINEAGE_COLUMNS
from transforms import hpc
from transforms.edgar import DocumentSignals, signals_for
from warehouse.db import migrate

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@dataclass
class Ctx:
    run_id: str = "run-test"


@pytest.fixture
def con(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrate(con)
    con.execute("insert into staging.miners values ('IREN', 1878848, 'IREN Ltd', '8-K', '0630', 'monthly:..',"
                " 'monthly', '2026-04-30')")
    yield con
    con.close()


def doc(path: Path, ticker: str, kind: str, filing_date: date, digest: str = "h1") -> SecDocument:
    return SecDocument(ticker, "0000000000-25-000001", filing_date, f"https://www.sec.gov/{path.name}", digest,
                       "2026-04-30T00:00:00+00:00", kind, path.read_bytes())


def columns(con, table):
    return [r[0] for r in con.execute(
        "select column_name from duckdb_columns() where schema_name = 'staging' and table_name = ?", [table]).fetchall()]


def test_staging_tables_hold_every_record_field_and_the_lineage(con):
    lineage = set(LINEAGE_COLUMNS)
    events = set(columns(con, "hpc_contract_events"))
    assert set(hpc.HpcContractEvent.model_fields) - {"parser_version"} <= events
    assert set(EVENT_COLUMNS) | lineage == events
    for table in ("capacity_mix", "revenue_mix"):
        assert lineage | {"ticker", "period_type", "period_end", "metric", "value", "null_reason", "evidence"} <= set(
            columns(con, table))


@pytest.mark.parametrize("title, text, expected", [
    # no HPC keyword in the headline: the lead decides
    ("Hut 8 Signs 15-Year, $7.0 Billion Lease with Fluidstack at River Bend",
     "Hut 8 Corp. (Nasdaq: HUT) today announced that it has signed a 15-year lease with Fluidstack for 245 MW of "
     "critical IT capacity at its River Bend campus.", "hpc"),
    ("Core Scientific Announces 12-Year Contracts with CoreWeave to Deliver Approximately 200 MW",
     "Core Scientific today announced 12-year contracts with CoreWeave to host approximately 200 MW of HPC "
     "infrastructure.", "hpc"),
    # an HPC keyword without a contract is not a contract release
    ("Riot Signs Lease Agreement for New Corporate Office", "Riot today signed an office lease in Castle Rock.",
     "other"),
    # "to Host" in a contract headline is not a notice
    ("Core Scientific Announces 12-Year Contracts with CoreWeave to Host HPC Workloads",
     "Core Scientific today announced 12-year contracts with CoreWeave for approximately 200 MW.", "hpc"),
    ("Bitdeer to Report Third Quarter 2025 Financial Results on November 10, 2025",
     "Bitdeer, a technology company for blockchain and high-performance computing with AI cloud contracts "
     "covering 200 MW, will report results.", "other"),
    # notices and other kinds keep their kind even when the lead recites leases
    ("Cipher Mining to Host Conference Call on November 3, 2025",
     "Cipher will discuss its 300 MW lease agreement with AWS over 15 years on the call.", "other"),
    ("TeraWulf Announces Pricing of $3.2 Billion Senior Secured Notes",
     "Proceeds will fund HPC data center construction at Lake Mariner for its tenant Fluidstack, 200 MW.", "debt"),
    ("IREN August 2025 Monthly Update",
     "AI Cloud revenue of $2.4m; 50 MW of GPU capacity contracted with customers for 3 years.", "production"),
])
def test_classifier_sends_contract_releases_to_hpc(title, text, expected):
    assert classify(DocumentSignals(title=title, text=text)) == expected


def test_the_snapshot_style_fixtures_classify_as_hpc():
    for name in ("hut_2025-12-17_river-bend-fluidstack.txt", "corz_2024-06-03_coreweave-hosting.txt",
                 "wulf_2025-08-18_fluidstack-cb5-expansion.htm", "iren_2025-11-03_microsoft-ai-cloud.txt"):
        assert classify(signals_for((FIXTURES / "hpc" / name).read_bytes())) == "hpc", name


def test_contract_release_loads_every_field_once_and_reloads_as_no_change(con):
    d = doc(FIXTURES / "hpc" / "cifr_2025-11-03_aws-lease-fluidstack-expansion.htm", "CIFR", "hpc", date(2025, 11, 3))
    assert load_document(con, Ctx(), d) == 2
    got = {r[0]: r[1:] for r in con.execute(
        "select counterparty, event, critical_it_mw, total_contract_value_usd, backstop_usd, contract_ref,"
        " accession, document_hash, parser_version, run_id, evidence->>'critical_it_mw' is not null"
        " from staging.hpc_contract_events").fetchall()}
    # hpc-9: the AWS lease's MW has no basis; a lease is sized in critical IT, so it is read so (and flagged)
    assert got["Amazon Web Services"][:3] == ("signed", 300.0, 5.5e9)
    assert got["Fluidstack"][:4] == ("expanded", 39.0, 830e6, 1.73e9)
    assert got["Fluidstack"][4:9] == ("Fluidstack @ Barber Lake", "0000000000-25-000001", "h1", hpc.PARSER_VERSION,
                                      "run-test")
    assert got["Fluidstack"][9] is True
    inserts = con.execute("select count(*) from ops.change_log where table_name = 'staging.hpc_contract_events'"
                          " and change_kind = 'insert'").fetchone()[0]
    assert inserts == 2
    assert load_document(con, Ctx("run-2"), d) == 0
    assert con.execute("select count(*) from ops.change_log").fetchone()[0] == inserts
    assert con.execute("select kind, records, run_id from ops.loaded_documents").fetchall() == [("hpc", 0, "run-2")]


def test_a_reparse_that_yields_fewer_events_retracts_the_rest(con):
    d = doc(FIXTURES / "hpc" / "cifr_2025-11-03_aws-lease-fluidstack-expansion.htm", "CIFR", "hpc", date(2025, 11, 3))
    load_document(con, Ctx(), d)
    # as if an older parser had also read a third contract from this document
    con.execute("insert into staging.hpc_contract_events select * replace ('Ghost @ (no site)' as contract_ref,"
                " 'Ghost' as counterparty) from staging.hpc_contract_events where counterparty = 'Fluidstack'")
    assert load_document(con, Ctx("run-3"), d) == 1
    assert con.execute("select count(*) from staging.hpc_contract_events").fetchone()[0] == 2
    assert con.execute("select entity, metric, change_kind, old_value from ops.change_log where run_id = 'run-3'"
                       ).fetchall() == [("CIFR", "Ghost @ (no site)", "retract", 39.0)]


def test_monthly_segment_table_and_results_release_load_the_mix(con):
    monthly = doc(FIXTURES / "hpc_mix" / "iren_2025-09-08_august-2025-monthly.txt", "IREN", "production",
                  date(2025, 9, 8), "m")
    load_document(con, Ctx(), monthly)
    revenue = dict(con.execute("select metric, value from staging.revenue_mix where document_hash = 'm'").fetchall())
    assert revenue == {"mining_revenue_usd": 76.7e6, "hpc_revenue_usd": 2.4e6}
    capacity = dict(con.execute("select metric, value from staging.capacity_mix where document_hash = 'm'").fetchall())
    assert capacity["energized_mw"] == 810 and capacity["hpc_mw"] == 50
    # the fiscal quarter of a results release is placed with the registry's fiscal year end (June)
    results = doc(FIXTURES / "hpc_mix" / "iren_2026-02-05_q2-fy26-results.txt", "IREN", "results",
                  date(2026, 2, 5), "q")
    load_document(con, Ctx(), results)
    assert con.execute("select distinct period_type, period_start, period_end from staging.revenue_mix"
                       " where document_hash = 'q'").fetchall() == [("quarter", date(2025, 10, 1), date(2025, 12, 31))]


def test_a_release_without_mix_figures_is_no_error(con):
    conference = b"Example to Host Conference Call\nNEW YORK -- Example will host a call. " + b"x " * 200
    d = SecDocument("IREN", "0000000000-25-000002", date(2025, 10, 1), "https://www.sec.gov/c", "c",
                    "2026-04-30T00:00:00+00:00", "results", conference)
    load_document(con, Ctx(), d)  # every results handler is optional
    assert con.execute("select count(*) from staging.revenue_mix").fetchone()[0] == 0
    assert [h.optional for h in HANDLERS["results"]].count(False) == 0
    assert [h.optional for h in HANDLERS["hpc"]] == [False]


def test_null_with_a_reason_is_kept_and_not_disclosed_is_not(con):
    text = (b"Example Reports Q3 2025 Results\nNEW YORK, Nov. 10, 2025 (GLOBE NEWSWIRE) -- Example (NASDAQ: EXMN) "
            b"reported results for the third quarter of 2025.\n- Total revenue of $10.0 million.\n"
            b"- Total revenue of $12.0 million.\n- HPC revenue of $1.0 million.\n" + b"Filler sentence. " * 20)
    d = SecDocument("IREN", "0000000000-25-000003", date(2025, 11, 10), "https://www.sec.gov/r", "r",
                    "2026-04-30T00:00:00+00:00", "results", text)
    load_document(con, Ctx(), d)
    got = {m: (v, reason) for m, v, reason in con.execute(
        "select metric, value, null_reason from staging.revenue_mix").fetchall()}
    assert set(got) == {"total_revenue_usd", "hpc_revenue_usd"}
    assert got["total_revenue_usd"][0] is None and "different figures" in got["total_revenue_usd"][1]
    assert got["hpc_revenue_usd"] == (1.0e6, None)
    evidence = con.execute("select evidence from staging.revenue_mix where metric = 'hpc_revenue_usd'").fetchone()[0]
    assert "1.0 million" in evidence and json.dumps(evidence)
