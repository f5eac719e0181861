"""Alerts reach a real local webhook through Apprise when a run ends partial."""
from __future__ import annotations

import json
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from extractors.snapshot_server import Fault

pytestmark = pytest.mark.usefixtures("prefect_harness")


@pytest.fixture
def webhook():
    received: list[dict] = []

    class Hook(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):  # noqa: N802
            length = int(self.headers.get("Content-Length", 0))
            received.append({"path": self.path, "body": json.loads(self.rfile.read(length) or b"{}")})
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"json://127.0.0.1:{server.server_address[1]}/hook", received
    server.shutdown()
    server.server_close()


def test_partial_run_raises_an_alert_with_its_reasons(live_settings, snapshot_server, webhook, monkeypatch):
    from flows.pipeline import backfill_flow

    url, received = webhook
    monkeypatch.setenv("MINERWATCH_ALERT_URL", url)
    snapshot_server.add_fault(Fault(r"/blockchain/charts/difficulty", "malformed", body=b"<html>", times=-1))
    summary = backfill_flow(start=date(2025, 12, 1), end=date(2025, 12, 31), sources=["blockchain_com"])
    assert summary["status"] == "partial"
    [alert] = received
    assert alert["path"] == "/hook"
    assert "ended partial" in alert["body"]["title"]
    assert "quarantined [blockchain_com] difficulty" in alert["body"]["message"]
    assert "minerwatch status" in alert["body"]["message"]


def test_a_successful_run_is_silent(live_settings, webhook, monkeypatch):
    from flows.pipeline import backfill_flow

    url, received = webhook
    monkeypatch.setenv("MINERWATCH_ALERT_URL", url)
    assert backfill_flow(start=date(2025, 12, 1), end=date(2025, 12, 31), sources=["coinmetrics"])["status"] == "success"
    assert received == []


def test_an_unreachable_alert_target_does_not_fail_the_run(live_settings, monkeypatch, snapshot_server):
    from flows.pipeline import backfill_flow

    monkeypatch.setenv("MINERWATCH_ALERT_URL", "json://127.0.0.1:9/nowhere")
    snapshot_server.add_fault(Fault(r"/coinmetrics/", "status", status=500, times=-1))
    summary = backfill_flow(start=date(2025, 12, 1), end=date(2025, 12, 31), sources=["coinmetrics"])
    assert summary["status"] == "partial"


def test_a_source_whose_layout_stopped_parsing_raises_an_alert(live_settings, snapshot_server, webhook, monkeypatch,
                                                               capsys):
    """mempool answers valid JSON in a new layout (renamed fields): the endpoint is quarantined with the
    parser's reason, the alert names it, and `minerwatch status` lists it."""
    from flows.cli import main
    from flows.pipeline import backfill_flow

    url, received = webhook
    monkeypatch.setenv("MINERWATCH_ALERT_URL", url)
    new_layout = json.dumps({"hashrates": [{"time": 1764547200, "avg_hashrate_hs": 1.1e21}],
                             "difficulty": []}).encode()
    snapshot_server.add_fault(Fault(r"/mempool/api/v1/mining/hashrate/", "malformed", body=new_layout, times=-1))
    summary = backfill_flow(start=date(2025, 12, 1), end=date(2025, 12, 31), sources=["mempool"])
    assert summary["status"] == "partial"
    [alert] = received
    assert "ended partial" in alert["body"]["title"]
    [line] = [ln for ln in alert["body"]["message"].splitlines() if ln.startswith("quarantined [mempool]")]
    assert "hashrate" in line and "ParseError" in line and "timestamp" in line, line

    capsys.readouterr()
    assert main(["status", "--format", "json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert "hashrate" in json.dumps(status["quarantine_open"]) and "ParseError" in json.dumps(status["quarantine_open"])


def test_a_quarantined_sec_document_raises_an_alert(live_settings, snapshot_server, webhook, monkeypatch):
    """RIOT's December 2025 production update arrives garbled on every fetch: it is quarantined after
    one refetch, the other miners load, and the alert names the document."""
    from flows.pipeline import backfill_flow

    url, received = webhook
    monkeypatch.setenv("MINERWATCH_ALERT_URL", url)
    garbled = Fault(r"/Archives/edgar/data/1167419/000155837025016142/riot-20251203xex99d1\.htm", "malformed",
                    body=b"<html><body>\x00\x01</body></html>", times=-1)
    snapshot_server.add_fault(garbled)
    summary = backfill_flow(start=date(2025, 12, 1), end=date(2025, 12, 31), sources=["sec"])
    assert summary["status"] == "partial"
    assert garbled.hits == 2  # the first fetch and the one refetch
    assert summary["sources"]["sec"]["documents"] > 1
    [alert] = received
    [line] = [ln for ln in alert["body"]["message"].splitlines() if ln.startswith("quarantined [sec]")]
    assert "RIOT" in line and "ParseError" in line, line


def test_an_overdue_miner_report_raises_an_alert(live_settings, webhook, monkeypatch):
    """Filings loaded up to 2025-12-31 and a run on 2026-04-30 (live_settings' today): a monthly
    reporter's next update was due by the 15th of the month after its next period; the run itself
    succeeds, and still alerts."""
    import duckdb

    from flows.pipeline import backfill_flow

    url, received = webhook
    monkeypatch.setenv("MINERWATCH_ALERT_URL", url)
    summary = backfill_flow(start=date(2025, 10, 1), end=date(2025, 12, 31), sources=["sec"])
    assert summary["status"] == "success"
    assert summary["alerts"], summary
    con = duckdb.connect(str(live_settings.db), read_only=True)
    overdue = con.execute("select ticker, due_on from marts.miner_report_status where report_status = 'overdue'"
                          " order by ticker").fetchall()
    con.close()
    assert overdue and all(due < date(2026, 4, 30) for _, due in overdue)
    [alert] = received
    assert "ended success" in alert["body"]["title"]
    for ticker, due in overdue:
        assert f"{ticker} " in alert["body"]["message"] and f"due {due}" in alert["body"]["message"]
    assert "report overdue" in alert["body"]["message"]


def test_a_failed_run_raises_a_failure_alert(live_settings, webhook, monkeypatch, tmp_path):
    """A registry with a broken line fails the SEC run inside the flow: the run is recorded failed
    and the failure alert carries the reason."""
    import duckdb

    import extractors.edgar.registry as registry
    from flows.pipeline import backfill_flow

    url, received = webhook
    monkeypatch.setenv("MINERWATCH_ALERT_URL", url)
    broken = tmp_path / "miners.csv"
    lines = registry.DEFAULT_REGISTRY.read_text(encoding="utf-8").splitlines()
    broken.write_text("\n".join(lines[:2] + ["RIOT,not-a-cik,Broken,8-K,1231,monthly:..,"]) + "\n", encoding="utf-8")
    monkeypatch.setenv("MINERWATCH_REGISTRY", str(broken))
    with pytest.raises(Exception):
        backfill_flow(start=date(2025, 12, 1), end=date(2025, 12, 31), sources=["sec"])
    [alert] = received
    assert "failed" in alert["body"]["title"]
    assert "failed" in alert["body"]["message"] and "ValueError" in alert["body"]["message"]
    con = duckdb.connect(str(live_settings.work_db), read_only=True)
    [(status,)] = con.execute("select status from ops.runs").fetchall()
    con.close()
    assert status == "failed"
