"""Serve the nightly refresh as a Prefect deployment on a cron schedule, one run at a time.

Prefect's temporary server cannot run schedules (PrefectHQ/examples#18), so when
PREFECT_API_URL is unset this starts `prefect server start` on loopback and points at it.
"""
from __future__ import annotations

import atexit
import logging
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from extractors.settings import load_settings

log = logging.getLogger("minerwatch")
DEPLOYMENT_NAME = "nightly-refresh"


def wait_for_health(api_url: str, timeout_s: float = 120.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{api_url}/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"Prefect server at {api_url} did not answer /health within {timeout_s:.0f} s")


def start_local_server(port: int, log_path: Path) -> subprocess.Popen:
    """Start `prefect server start` on 127.0.0.1:port; it is stopped when this process exits."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_UI_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        stdout=open(log_path, "ab"), stderr=subprocess.STDOUT, env=env, start_new_session=True,
    )
    atexit.register(_stop, proc)
    return proc


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


def serve(cron: str | None = None, offline: bool = False, server_port: int = 4200) -> None:
    settings = load_settings()
    cron = cron or settings.schedule_cron
    if not os.environ.get("PREFECT_API_URL"):
        api_url = f"http://127.0.0.1:{server_port}/api"
        log.info("starting a local Prefect server at %s (log: %s)", api_url, settings.db.parent / "prefect-server.log")
        start_local_server(server_port, settings.db.parent / "prefect-server.log")
        wait_for_health(api_url)
        os.environ["PREFECT_API_URL"] = api_url
    # Imported only now: Prefect reads PREFECT_API_URL when its client is first built.
    from prefect.schedules import Cron

    from flows.pipeline import refresh_flow

    log.info("serving deployment minerwatch-refresh/%s on cron '%s' (%s), one run at a time",
             DEPLOYMENT_NAME, cron, settings.schedule_timezone)
    refresh_flow.serve(
        name=DEPLOYMENT_NAME,
        schedules=[Cron(cron, timezone=settings.schedule_timezone)],
        parameters={"offline": offline, "wait_s": 600.0},
        global_limit=1,
        pause_on_shutdown=False,
        print_starting_message=False,
    )
