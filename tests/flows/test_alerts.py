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
