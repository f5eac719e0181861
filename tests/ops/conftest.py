"""Helpers for operations tests: the real CLI in subprocesses with an isolated environment."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def prefect_home(tmp_path_factory) -> Path:
    """One PREFECT_HOME for all CLI subprocesses: its database is migrated once."""
    return tmp_path_factory.mktemp("prefect-home")


@pytest.fixture
def cli_env(tmp_path, prefect_home) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MINERWATCH_", "PREFECT_"))}
    env.update({
        "MINERWATCH_DB": str(tmp_path / "data" / "minerwatch.duckdb"),
        "PREFECT_HOME": str(prefect_home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PATH": f"{VENV_BIN}:{env.get('PATH', '')}",
    })
    return env


def run_cli(env: dict, *args: str, check: bool = True, timeout: float = 600) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "flows.cli", *args], env=env, cwd=REPO, capture_output=True,
                          text=True, timeout=timeout)
    if check and proc.returncode not in (0, 3):
        raise AssertionError(f"minerwatch {' '.join(args)} exited {proc.returncode}:\n{proc.stderr[-3000:]}")
    return proc


def start_cli(env: dict, *args: str) -> subprocess.Popen:
    """Start the CLI in its own process group; output goes to files (a full pipe would block it).
    `proc.output()` returns (stdout, stderr) once it has exited."""
    log_dir = Path(env["MINERWATCH_DB"]).parent.parent / "cli-logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    stem = log_dir / f"{args[0]}-{len(list(log_dir.iterdir()))}"
    out, err = open(f"{stem}.out", "w"), open(f"{stem}.err", "w")
    proc = subprocess.Popen([sys.executable, "-m", "flows.cli", *args], env=env, cwd=REPO,
                            stdout=out, stderr=err, text=True, start_new_session=True)
    out.close()
    err.close()
    proc.output = lambda: (Path(f"{stem}.out").read_text(), Path(f"{stem}.err").read_text())
    return proc


def content_fingerprint(db_path: Path) -> dict:
    """Content of staging facts and every mart, without lineage columns that name a run or a time."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        out = {"staging.network_observations": con.execute(
            "select count(*), bit_xor(hash(source, metric, day, value)) from staging.network_observations").fetchone(),
            "staging.difficulty_adjustments": con.execute(
            "select count(*), bit_xor(hash(source, height, difficulty)) from staging.difficulty_adjustments").fetchone()}
        for (table,) in con.execute("select table_name from duckdb_tables() where schema_name = 'marts'"
                                    " and table_name != 'change_log'").fetchall():  # the audit trail names runs
            out[f"marts.{table}"] = con.execute(f"select count(*), bit_xor(hash(x)) from marts.{table} x").fetchone()
        return out
    finally:
        con.close()
