"""Shared fixtures: isolated settings, the snapshot served on loopback, Prefect's test harness."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = REPO_ROOT / "snapshot"
SHARED = REPO_ROOT.parent / "shared"

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


@pytest.fixture
def shared_dir() -> Path:
    """../shared beside the clone (CI has it, a newcomer's clone does not)."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present beside this clone")
    return SHARED


@pytest.fixture
def settings(tmp_path, monkeypatch):
    """Settings pointing at a temporary warehouse, with fast retries, read from the environment."""
    from extractors.settings import load_settings

    for key in list(os.environ):
        if key.startswith("MINERWATCH_"):
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)  # no stray .env is read
    env = {
        "MINERWATCH_DB": str(tmp_path / "data" / "minerwatch.duckdb"),
        "MINERWATCH_SNAPSHOT_DIR": str(SNAPSHOT),
        "MINERWATCH_BACKOFF_BASE_S": "0.01",
        "MINERWATCH_BACKOFF_MAX_S": "0.05",
        "MINERWATCH_RETRY_AFTER_MAX_S": "2",
        "MINERWATCH_READ_TIMEOUT_S": "2",
        "MINERWATCH_CONNECT_TIMEOUT_S": "2",
        "MINERWATCH_MEMPOOL_RATE_PER_S": "200",
        "MINERWATCH_BLOCKCHAIN_RATE_PER_S": "200",
        "MINERWATCH_COINMETRICS_RATE_PER_S": "200",
        "MINERWATCH_SEC_RATE_PER_S": "200",
    }
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    return load_settings()


@pytest.fixture
def snapshot_server():
    from extractors.snapshot_server import SnapshotServer

    with SnapshotServer(SNAPSHOT) as server:
        yield server


@pytest.fixture
def live_settings(settings, snapshot_server, monkeypatch):
    """Settings in *live* mode whose base URLs point at the loopback snapshot server (for fault tests)."""
    from extractors.settings import load_settings

    base = snapshot_server.url
    for key, path in {
        "MINERWATCH_MEMPOOL_BASE_URL": "/mempool/api",
        "MINERWATCH_BLOCKCHAIN_BASE_URL": "/blockchain",
        "MINERWATCH_COINMETRICS_BASE_URL": "/coinmetrics/v4",
        "MINERWATCH_SEC_DATA_BASE_URL": "/sec-data",
        "MINERWATCH_SEC_WWW_BASE_URL": "/sec-www",
    }.items():
        monkeypatch.setenv(key, base + path)
    monkeypatch.setenv("MINERWATCH_SEC_NAME", "minerwatch tests")
    monkeypatch.setenv("MINERWATCH_SEC_EMAIL", "tests@example.org")
    monkeypatch.setenv("MINERWATCH_TODAY", "2026-04-30")
    return load_settings()


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect API for the whole session (starting one takes seconds)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def offline_warehouse(tmp_path_factory, prefect_harness):
    """A warehouse the offline pipeline built once per session: backfill 2024-01-01..2025-12-31
    (network and SEC), then the nightly refresh to the snapshot's today. Returns its Settings;
    tests open it read-only and must not write to it."""
    from datetime import date

    from extractors.settings import load_settings
    from flows.pipeline import backfill_flow, refresh_flow

    home = tmp_path_factory.mktemp("offline-warehouse")
    with pytest.MonkeyPatch.context() as mp:
        for key in list(os.environ):
            if key.startswith("MINERWATCH_"):
                mp.delenv(key)
        mp.chdir(home)  # no stray .env is read
        mp.setenv("MINERWATCH_DB", str(home / "data" / "minerwatch.duckdb"))
        mp.setenv("MINERWATCH_SNAPSHOT_DIR", str(SNAPSHOT))
        settings = load_settings()
        backfill = backfill_flow(start=date(2024, 1, 1), end=date(2025, 12, 31), offline=True)
        refresh = refresh_flow(offline=True)
    assert backfill["status"] == refresh["status"] == "success", (backfill, refresh)
    return settings
