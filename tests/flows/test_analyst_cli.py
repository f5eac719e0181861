"""The analysts' commands on an offline-built warehouse (explain, report, export, docs, status's
change summary), run as a user runs them, and the nightly flow's report and Prefect artifacts."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from uuid import UUID

import pytest

from flows.artifacts import REPORT_KEY, REPORT_NAME, SUMMARY_KEY, report_markdown, summary_table
from warehouse.status import collect_status, open_read_only

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def env(offline_warehouse, tmp_path_factory):
    home = tmp_path_factory.mktemp("analyst-cli")
    out = {k: v for k, v in os.environ.items() if not k.startswith(("MINERWATCH_", "PREFECT_API"))}
    out.update({"MINERWATCH_DB": str(offline_warehouse.db), "PREFECT_HOME": str(home / "prefect"),
                "PREFECT_SERVER_ANALYTICS_ENABLED": "false"})
    return out


def minerwatch(env, *args, check=True):
    # `import prefect` would show up in sys.modules: read-only commands must not pay for it
    code = ("import sys; from flows.cli import main; rc = main(sys.argv[1:]);"
            " assert 'prefect' not in sys.modules, 'a read-only command imported Prefect'; sys.exit(rc)")
    proc = subprocess.run([sys.executable, "-c", code, *args], env=env, cwd=REPO, capture_output=True, text=True,
                          timeout=120)
    if check and proc.returncode != 0:
        raise AssertionError(f"minerwatch {' '.join(args)} exited {proc.returncode}:\n{proc.stderr[-3000:]}")
    return proc


def test_explain_a_miner_figure_and_a_network_day(env):
    riot = minerwatch(env, "explain", "marts.miner_production", "ticker=RIOT", "period_end=2025-12-31",
                      "--metric", "btc_sold").stdout
    assert "btc_sold = 1,818   <- staging.production_facts" in riot
    assert "evidence: Bitcoin Sold | December 2025 | 1,818" in riot      # label | column | cell
    assert "document sec RIOT 0001558370-26-000309 8-K EX-99.1" in riot
    assert "riot-20260107xex99d1.htm" in riot and "(present)" in riot and "sha256: " in riot

    day = minerwatch(env, "explain", "marts.hashprice_daily", "day=2025-11-22", "--format", "json").stdout
    result = json.loads(day)
    [row] = result["rows"]
    fields = {link["metric"]: link for link in row["chain"]}
    assert {"blocks", "difficulty", "subsidy_btc", "fees_btc", "btc_price_usd"} <= set(fields)
    price = fields["btc_price_usd"]
    used = [f for f in price["facts"] if f["used"]]
    assert [f["source"] for f in used] == ["coinmetrics"] and len(price["facts"]) >= 2
    assert all(d["archived"] and d["url"].startswith("http") and d["first_fetched_at"] for d in price["documents"])
    difficulty = fields["difficulty"]
    assert any(f.get("height") and f["used"] for f in difficulty["facts"])  # the retarget in force that day


def test_explain_errors_are_one_line(env):
    for args, message in [(("marts.nope", "ticker=RIOT"), "unknown mart 'marts.nope'"),
                          (("marts.miner_production", "ticker"), "expected KEY=VALUE"),
                          (("marts.hashprice_daily", "day=2025-02-30"), "day=2025-02-30 is not a DATE"),
                          (("marts.hashprice_daily", "day=1990-01-01"), "no row of marts.hashprice_daily")]:
        proc = minerwatch(env, "explain", *args, check=False)
        assert proc.returncode == 1 and proc.stderr.startswith("minerwatch: error: ")
        assert message in proc.stderr and proc.stderr.count("\n") == 1


def test_report_export_and_docs_commands(env, tmp_path):
    report = minerwatch(env, "report", "--out", str(tmp_path / "r.html")).stdout
    assert "wrote " in report and "charts" in report and (tmp_path / "r.html").stat().st_size > 10_000
    assert "industry-debt: no data yet" in report or "industry-debt" not in report

    export = minerwatch(env, "export", "--format", "csv", str(tmp_path / "csv")).stdout
    assert "marts.hashprice_daily.csv" in export and (tmp_path / "csv" / "manifest.json").exists()

    docs = minerwatch(env, "docs", "--out", str(tmp_path / "dd.md")).stdout
    assert "wrote" in docs and "## marts.change_log" in (tmp_path / "dd.md").read_text()


def test_status_summarises_the_last_runs_changes(env, offline_warehouse):
    text = minerwatch(env, "status").stdout
    assert "changes made by the last run (refresh-" in text and "staging.network_observations" in text
    con = open_read_only(offline_warehouse.db)
    try:
        changes = collect_status(con)["last_run_changes"]
        last = con.execute("select run_id from ops.runs order by started_at desc limit 1").fetchone()[0]
        total = con.execute("select count(*) from ops.change_log where run_id = ?", [last]).fetchone()[0]
    finally:
        con.close()
    assert changes["run_id"] == last and changes["total"] == total > 0
    assert sum(r["changes"] for r in changes["by_table"]) == total
    assert 0 < len(changes["examples"]) <= 5
    kinds = [e["change_kind"] for e in changes["examples"]]
    assert kinds == sorted(kinds, key={"retract": 0, "revise": 1, "confirm": 2, "insert": 2}.get)


def test_the_nightly_flow_publishes_the_report_and_artifacts(offline_warehouse):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId, ArtifactFilterKey

    report = offline_warehouse.db.parent / REPORT_NAME
    html = report.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'data-chart="hashprice"' in html
    con = open_read_only(offline_warehouse.db)
    try:  # the session's Prefect API holds other tests' runs too: look at this warehouse's last run
        flow_run_id = con.execute("select prefect_flow_run_id from ops.runs where flow = 'refresh'"
                                  " order by started_at desc limit 1").fetchone()[0]
    finally:
        con.close()
    with get_client(sync_client=True) as client:
        found = client.read_artifacts(artifact_filter=ArtifactFilter(
            key=ArtifactFilterKey(any_=[SUMMARY_KEY, REPORT_KEY]),
            flow_run_id=ArtifactFilterFlowRunId(any_=[UUID(flow_run_id)])))
    kinds = {(a.key, a.type) for a in found}
    assert {(SUMMARY_KEY, "table"), (REPORT_KEY, "markdown")} <= kinds
    latest_md = max((a for a in found if a.key == REPORT_KEY), key=lambda a: a.created)
    assert "# minerwatch run refresh-" in latest_md.data and "| hashprice | drawn |" in latest_md.data
    table = max((a for a in found if a.key == SUMMARY_KEY), key=lambda a: a.created)
    sources = {row["source"] for row in json.loads(table.data)} if isinstance(table.data, str) else \
        {row["source"] for row in table.data}
    assert {"mempool", "coinmetrics", "blockchain_com", "sec"} <= sources


def test_artifact_content_from_a_summary():
    summary = {"run_id": "refresh-x", "status": "partial", "held_back": 2, "failed_checks": {"c": 3},
               "alerts": ["RIOT monthly report overdue"],
               "sources": {"sec": {"requests": 4, "documents": 2, "rows_changed": 9, "last_day": None,
                                   "quarantined": ["x"]}}}
    assert summary_table(summary) == [{"source": "sec", "requests": 4, "documents": 2, "rows_changed": 9,
                                       "last_day": "-", "quarantined": 1}]
    md = report_markdown(summary, {"path": "/r.html", "bytes": 10, "sections": {"hashprice": "drawn",
                                                                                 "hpc": "no data yet"},
                                   "empty": {"hpc": "marts.hpc_contracts not in this warehouse yet"}},
                         {"total": 0, "by_table": []})
    assert "| hpc | no data yet (marts.hpc_contracts not in this warehouse yet) |" in md
    assert "- c: 3 violations" in md and "2 facts held back" in md and "alert: RIOT" in md
