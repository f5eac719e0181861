"""Benchmark plumbing: serve a corpus on loopback, run the real CLI in a subprocess, measure it.

Why a subprocess: wall time, peak RSS and CPU must be the CLI's own, with Prefect's start and the
warehouse publication included, exactly as a user runs `minerwatch backfill`. Why the server lives in
this process and not in the CLI's (`--offline`): the server must enforce SEC's 10 requests/s and keep
the request log the benchmarks count, and its own CPU must not be charged to the pipeline. The CLI is
pointed at it with the `MINERWATCH_*_BASE_URL` settings, as it would be at a mirror.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import psutil

from extractors.snapshot_server import RateCeiling, SnapshotServer

REPO_ROOT = Path(__file__).resolve().parents[1]
#: The corpus's "today" (routes.json as_of): the CLI runs as if on that day.
TODAY = "2026-04-30"
SEC_PREFIX = "/sec-"


@contextmanager
def serve(root: Path, *, sec_ceiling_per_s: float | None = None) -> Iterator[SnapshotServer]:
    """The corpus on 127.0.0.1, optionally refusing SEC paths above `sec_ceiling_per_s` (429)."""
    ceilings = [RateCeiling(SEC_PREFIX, sec_ceiling_per_s, answer="429")] if sec_ceiling_per_s else []
    with SnapshotServer(root, ceilings=ceilings) as server:
        yield server


def endpoint_of(path: str) -> str:
    """The kind of request a logged path is (the categories the benchmarks count)."""
    if path.startswith("/sec-data/submissions/"):
        return "sec:submissions-page" if "-submissions-" in path else "sec:submissions"
    if path.startswith("/sec-data/api/xbrl/companyfacts/"):
        return "xbrl:companyfacts"
    if path.startswith("/sec-www/Archives/"):
        name = path.rsplit("/", 1)[-1]
        if name.endswith(("-index-headers.html", "-index.htm", "-index.html")) or name == "index.json":
            return "sec:filing-index"
        return "sec:document"
    if path.startswith("/mempool/api/"):  # /v1/mining/hashrate/1m: name the endpoint, not the period
        parts = [p for p in path[len("/mempool/api/"):].split("/") if p]
        known = [p for p in parts if p not in ("v1", "mining") and not re.fullmatch(r"\d+[a-z]|all", p)]
        return "mempool:" + "/".join(known)
    for source in ("blockchain", "coinmetrics"):
        if path.startswith(f"/{source}/"):
            return f"{source}:{path.split('/')[-1] or path}"
    return "other"


@dataclass
class CliRun:
    """One CLI process: what it printed, how long it took, what it asked the server for."""

    args: list[str]
    returncode: int
    wall_s: float
    peak_rss_mb: float
    cpu_s: float
    peak_rss_main_mb: float
    stdout: str
    stderr: str
    requests: list[dict] = field(default_factory=list)
    refused: int = 0                      # answered 429 by the server's ceiling
    first_request_s: float | None = None  # process start -> first request reached the server

    def count(self, prefix: str = "") -> Counter:
        return Counter(endpoint_of(r["path"]) for r in self.requests if endpoint_of(r["path"]).startswith(prefix))

    @property
    def sec_requests(self) -> list[dict]:
        return [r for r in self.requests if r["path"].startswith(SEC_PREFIX)]

    def span_s(self, prefix: str = SEC_PREFIX) -> float:
        """First to last request under `prefix`, seconds."""
        stamps = [r["at"] for r in self.requests if r["path"].startswith(prefix)]
        return (max(stamps) - min(stamps)) if stamps else 0.0


class _TreeSampler(threading.Thread):
    """Samples the RSS of a process and all its descendants (summed) every `interval` seconds."""

    def __init__(self, pid: int, interval: float = 0.1):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak = 0
        self.peak_main = 0
        self.cpu_s = 0.0
        self._halt = threading.Event()

    def run(self) -> None:
        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        cpu: dict[int, float] = {}
        while not self._halt.is_set():
            try:
                procs = [root] + root.children(recursive=True)
            except psutil.Error:
                break
            total = 0
            for p in procs:
                try:
                    rss = p.memory_info().rss
                    total += rss
                    if p.pid == self.pid:
                        self.peak_main = max(self.peak_main, rss)
                    t = p.cpu_times()
                    cpu[p.pid] = t.user + t.system
                except psutil.Error:
                    continue
            self.peak = max(self.peak, total)
            self.cpu_s = sum(cpu.values())
            self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()
        self.join()


def cli_env(server: SnapshotServer, root: Path, db: Path, *, sec_rate_per_s: float,
            network_rate_per_s: float | None = None) -> dict[str, str]:
    """Environment for a CLI run against the served corpus (settings as a user would set them)."""
    base = server.url
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINERWATCH_")}
    env.update({
        "PYTHONPATH": str(REPO_ROOT),
        "PREFECT_HOME": str(db.parent / "prefect"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "MINERWATCH_DB": str(db),
        "MINERWATCH_REGISTRY": str(Path(root) / "registry.csv"),
        "MINERWATCH_TODAY": TODAY,
        "MINERWATCH_SEC_NAME": "minerwatch-bench",
        "MINERWATCH_SEC_EMAIL": "bench@localhost",
        "MINERWATCH_MEMPOOL_BASE_URL": f"{base}/mempool/api",
        "MINERWATCH_BLOCKCHAIN_BASE_URL": f"{base}/blockchain",
        "MINERWATCH_COINMETRICS_BASE_URL": f"{base}/coinmetrics/v4",
        "MINERWATCH_SEC_DATA_BASE_URL": f"{base}/sec-data",
        "MINERWATCH_SEC_WWW_BASE_URL": f"{base}/sec-www",
        "MINERWATCH_SEC_RATE_PER_S": str(sec_rate_per_s),
    })
    if network_rate_per_s is not None:
        for source in ("MEMPOOL", "BLOCKCHAIN", "COINMETRICS"):
            env[f"MINERWATCH_{source}_RATE_PER_S"] = str(network_rate_per_s)
    return env


def run_cli(args: list[str], server: SnapshotServer, env: dict[str, str], *, module: str = "flows.cli",
            module_args: tuple[str, ...] = (), timeout_s: float = 7200) -> CliRun:
    """Run `python -m flows.cli ARGS` to completion, sampling its process tree's RSS."""
    with server._lock:
        mark = len(server.requests)
    refused_before = sum(c.refused for c in server.ceilings)
    started_epoch = time.time()
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", module, *module_args, *args], env=env, cwd=REPO_ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = _TreeSampler(proc.pid)
    sampler.start()
    try:
        out, err = proc.communicate(timeout=timeout_s)
    finally:
        sampler.stop()
    wall = time.monotonic() - started
    with server._lock:
        requests = list(server.requests[mark:])
    first = (requests[0]["at"] - started_epoch) if requests else None
    return CliRun(args, proc.returncode, wall, sampler.peak / 2**20, sampler.cpu_s, sampler.peak_main / 2**20,
                  out, err, requests,
                  sum(c.refused for c in server.ceilings) - refused_before, first)


def summary_counts(stdout: str) -> dict[str, dict[str, int]]:
    """Per source: requests, documents, rows changed, from the CLI's run summary lines."""
    out = {}
    for m in re.finditer(r"^\s+(\w+)\s+(\d+) requests\s+(\d+) documents\s+([\d,]+) rows read\s+([\d,]+) changed",
                         stdout, re.MULTILINE):
        out[m.group(1)] = {"requests": int(m.group(2)), "documents": int(m.group(3)),
                           "rows_read": int(m.group(4).replace(",", "")),
                           "rows_changed": int(m.group(5).replace(",", ""))}
    return out


def prefect_task_runs(prefect_home: Path) -> Counter:
    """Task runs per task name in the Prefect database of this benchmark's PREFECT_HOME (its
    temporary server's SQLite file): the check that tasks map to source x window, not documents."""
    import sqlite3

    db = prefect_home / "prefect.db"
    if not db.exists():
        return Counter()
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = con.execute("select task_key, count(*) from task_run group by task_key").fetchall()
    except sqlite3.Error:
        return Counter()
    finally:
        con.close()
    return Counter({key.rsplit("-", 1)[0] if key else "?": n for key, n in rows})


def median(values: list[float]) -> float:
    s = sorted(values)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def spread(values: list[float]) -> str:
    if not values:
        return "-"
    fmt = (lambda v: f"{v:g}") if all(float(v).is_integer() for v in values) else (lambda v: f"{v:.2f}")
    return f"{fmt(min(values))}–{fmt(max(values))}"
