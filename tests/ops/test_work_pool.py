"""Past one machine: the nightly refresh deployed to a Prefect *process work pool* and run by a
`prefect worker`, with extraction on the Dask task runner chosen by the job's environment: the
commands the README gives, against a real Prefect server."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import duckdb
import pytest
import requests

from tests.ops.conftest import REPO, free_port

pytestmark = pytest.mark.slow
PREFECT = [sys.executable, "-m", "prefect"]


def prefect(env: dict, *args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    proc = subprocess.run([*PREFECT, *args], env=env, cwd=REPO, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"prefect {' '.join(args)} exited {proc.returncode}:\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}"
    return proc


@pytest.fixture
def prefect_server(cli_env, tmp_path):
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {**cli_env, "PREFECT_HOME": str(tmp_path / "prefect-server-home"), "PREFECT_UI_ENABLED": "false"}
    log = open(tmp_path / "prefect-server.log", "wb")
    server = subprocess.Popen([*PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port)], env=env,
                              stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                if requests.get(f"{api}/health", timeout=2).ok:
                    break
            except requests.RequestException:
                pass
            assert server.poll() is None and time.monotonic() < deadline, "the Prefect server did not start"
            time.sleep(1)
        yield api
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def test_refresh_deployed_to_a_process_work_pool_runs_on_a_worker_with_dask(cli_env, prefect_server, tmp_path):
    env = {**cli_env, "PREFECT_API_URL": prefect_server}
    db = tmp_path / "pool" / "minerwatch.duckdb"
    job_env = {"MINERWATCH_DB": str(db), "MINERWATCH_TASK_RUNNER": "dask", "PYTHONPATH": str(REPO)}

    prefect(env, "work-pool", "create", "minerwatch", "--type", "process")
    prefect(env, "--no-prompt", "deploy", "flows/pipeline.py:refresh_flow", "--name", "nightly-refresh",
            "--pool", "minerwatch", "--cron", "0 2 * * *", "--timezone", "UTC", "--concurrency-limit", "1",
            "--param", "offline=true", "--job-variable", json.dumps({"env": job_env}))
    [dep] = [d for d in requests.post(f"{prefect_server}/deployments/filter", json={}, timeout=10).json()
             if d["name"] == "nightly-refresh"]
    assert dep["work_pool_name"] == "minerwatch"
    assert dep["schedules"][0]["schedule"]["cron"] == "0 2 * * *"
    assert dep["job_variables"]["env"]["MINERWATCH_TASK_RUNNER"] == "dask"

    run = prefect(env, "deployment", "run", "minerwatch-refresh/nightly-refresh",
                  "--param", 'sources=["coinmetrics"]')
    assert "Created flow run" in run.stdout
    worker = prefect(env, "worker", "start", "--pool", "minerwatch", "--run-once", timeout=600)

    [flow_run] = requests.post(f"{prefect_server}/flow_runs/filter", json={}, timeout=10).json()
    assert flow_run["state"]["type"] == "COMPLETED", (flow_run["state"], worker.stdout[-3000:], worker.stderr[-3000:])
    tasks = requests.post(f"{prefect_server}/task_runs/filter",
                          json={"flow_runs": {"id": {"any_": [flow_run["id"]]}}}, timeout=10).json()
    names = [t["name"] for t in tasks]
    assert any(n.startswith("network-source-extract") for n in names), names  # extracted on Dask

    con = duckdb.connect(str(db), read_only=True)
    try:
        status, prefect_run = con.execute("select status, prefect_flow_run_id from ops.runs").fetchone()
        rows = con.execute("select count(*) from staging.network_observations where source = 'coinmetrics'").fetchone()[0]
        days = con.execute("select count(distinct day) from staging.network_observations").fetchone()[0]
    finally:
        con.close()
    assert status == "success" and prefect_run == flow_run["id"]
    assert rows > 10_000 and days > 5_000  # Coin Metrics' every day since 2009, published
