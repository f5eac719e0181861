"""Promise 1: `minerwatch serve` registers the nightly deployment on a real Prefect server, and a
run triggered through Prefect completes and updates the published warehouse."""
from __future__ import annotations

import os
import signal
import time

import duckdb
import pytest
import requests

from tests.ops.conftest import free_port, start_cli

pytestmark = pytest.mark.slow


def wait_for(predicate, timeout: float, what: str, proc=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"serve exited early ({proc.returncode}): {proc.output()[1][-2000:]}")
        try:
            value = predicate()
            if value:
                return value
        except requests.RequestException:
            pass
        time.sleep(1)
    raise AssertionError(f"timed out waiting for {what}")


def test_serve_schedules_the_refresh_and_a_triggered_run_publishes(cli_env):
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    proc = start_cli(cli_env, "serve", "--offline", "--server-port", str(port))
    try:
        def deployment():
            resp = requests.post(f"{api}/deployments/filter", json={}, timeout=5)
            found = [d for d in resp.json() if d["name"] == "nightly-refresh"]
            return found[0] if found else None

        dep = wait_for(deployment, 180, "the nightly-refresh deployment", proc)
        [schedule] = dep["schedules"]
        assert schedule["schedule"]["cron"] == "0 2 * * *"
        assert schedule["schedule"]["timezone"] == "UTC"
        assert schedule["active"] is True
        assert dep["global_concurrency_limit"]["limit"] == 1  # one run at a time
        assert dep["parameters"]["offline"] is True

        def created():
            # a loaded machine can make the server's SQLite answer 5xx or time out: ask again until it answers
            resp = requests.post(f"{api}/deployments/{dep['id']}/create_flow_run", json={}, timeout=30)
            if resp.status_code >= 500:
                return None
            assert resp.status_code < 300, resp.text
            return resp.json()

        run = wait_for(created, 120, "the flow run to be created", proc)

        def finished():
            state = requests.get(f"{api}/flow_runs/{run['id']}", timeout=5).json()["state"]
            return state if state["type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED") else None

        state = wait_for(finished, 300, "the triggered flow run", proc)
        assert state["type"] == "COMPLETED", state
        con = duckdb.connect(cli_env["MINERWATCH_DB"], read_only=True)
        try:
            assert con.execute("select count(*) from marts.hashprice_daily").fetchone()[0] > 6000
            assert con.execute("select flow, status, prefect_flow_run_id from ops.runs").fetchall() == [
                ("refresh", "success", run["id"])]
        finally:
            con.close()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)
