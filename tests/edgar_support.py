"""Shared helpers for the EDGAR tests: paths, a snapshot server on loopback, and a client for it."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from extractors.archive import Archive
from extractors.http import HttpClient
from extractors.settings import Settings
from extractors.snapshot_server import SnapshotServer

REPO_ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = REPO_ROOT / "snapshot"
SEC_WWW = SNAPSHOT / "sec-www" / "Archives" / "edgar" / "data"
SEC_DATA = SNAPSHOT / "sec-data"


def shared_sec_dir() -> Path:
    """../shared/real-samples/sec beside the repo (or beside the main checkout for a worktree);
    MINERWATCH_SHARED_DIR overrides; skip the test when absent."""
    override = os.environ.get("MINERWATCH_SHARED_DIR")
    bases = [Path(override)] if override else [REPO_ROOT.parent / "shared", REPO_ROOT.parents[1] / "shared"]
    for base in bases:
        sec = base / "real-samples" / "sec"
        if sec.is_dir():
            return sec
    pytest.skip("../shared/real-samples/sec is absent")


def make_settings(tmp_path: Path, base_url: str | None = None, **overrides) -> Settings:
    """Settings isolated from the environment, with small backoffs so fault tests run fast."""
    values = dict(db=tmp_path / "mw.duckdb", archive_dir=tmp_path / "archive", backoff_base_s=0.01,
                  backoff_max_s=0.05, max_attempts=4, sec_rate_per_s=1000.0, connect_timeout_s=5.0,
                  read_timeout_s=10.0)
    values.update(overrides)
    settings = Settings(_env_file=None, **values)
    return settings.with_base_url(base_url) if base_url else settings





@pytest.fixture
def server():
    with SnapshotServer(SNAPSHOT) as srv:
        yield srv


@pytest.fixture
def client(server, tmp_path):
    settings = make_settings(tmp_path, server.url)
    return HttpClient(settings, Archive(settings.archive_path))
