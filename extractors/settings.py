"""The one settings class: every knob comes from env vars (prefix MINERWATCH_) or `.env`."""
from __future__ import annotations

import functools
import os
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

#: The repository root (packages are installed in editable mode from it).
REPO_ROOT = Path(__file__).resolve().parents[1]


#: How archived URLs of the offline snapshot are written (RFC 2606 reserves .invalid).
OFFLINE_URL_PREFIX = "http://snapshot.invalid"


class ConfigError(RuntimeError):
    """A setting is missing or wrong; the message says which env var to set."""


class Settings(BaseSettings):
    """Runtime configuration. Nothing here ever prompts: a missing value fails fast."""

    model_config = SettingsConfigDict(
        env_prefix="MINERWATCH_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    # --- storage -------------------------------------------------------------------------
    db: Path = Field(Path("data/minerwatch.duckdb"), description="Published warehouse file analysts read.")
    archive_dir: Path | None = Field(None, description="Raw document archive; default: <db dir>/archive.")

    # --- who is tracked --------------------------------------------------------------------
    registry: Path = Field(REPO_ROOT / "registry" / "miners.csv",
                           description="The miner registry CSV (the benchmarks point it at a synthetic one).")

    # --- SEC identity (https://www.sec.gov/os/accessing-edgar-data) ---------------------
    sec_name: str | None = Field(None, description="Name (person or organisation) declared to the SEC.")
    sec_email: str | None = Field(None, description="Contact e-mail declared to the SEC.")

    # --- base URLs, one per source, so a mirror or a self-hosted instance can be used ----
    mempool_base_url: str = "https://mempool.space/api"
    blockchain_base_url: str = "https://api.blockchain.info"
    coinmetrics_base_url: str = "https://community-api.coinmetrics.io/v4"
    sec_data_base_url: str = "https://data.sec.gov"
    sec_www_base_url: str = "https://www.sec.gov"

    # --- politeness: requests per second, per source (SEC counts both hosts together) -----
    # SEC allows 10 req/s in total; stay under it (edgartools and SEC's FAQ suggest 8-9).
    sec_rate_per_s: float = 8.0
    # mempool.space publishes no number but bans abusers; one request a second is gentle.
    mempool_rate_per_s: float = 1.0
    # blockchain.com documents no limit; poll gently.
    blockchain_rate_per_s: float = 0.5
    # Coin Metrics community API: 10 requests per 6 s sliding window per IP.
    coinmetrics_rate_per_s: float = 1.5

    # --- HTTP behaviour ---------------------------------------------------------------------
    connect_timeout_s: float = 10.0
    read_timeout_s: float = 30.0
    max_attempts: int = 5
    backoff_base_s: float = 1.0
    backoff_max_s: float = 60.0
    retry_after_max_s: float = 600.0

    # --- offline mode -------------------------------------------------------------------------
    snapshot_dir: Path = Field(REPO_ROOT / "snapshot", description="Recorded responses for --offline.")
    #: Set by with_base_url(): the loopback server's base, recorded as OFFLINE_URL_PREFIX in the
    #: archive so documents keep one URL whatever port a run's server got.
    offline_base_url: str | None = None

    # --- scheduling and alerting --------------------------------------------------------
    schedule_cron: str = "0 2 * * *"
    schedule_timezone: str = "UTC"
    alert_url: str | None = Field(None, description="Apprise URL for alerts (mailto://, slack://, json://...).")

    # --- past one machine (flows/runners.py) ------------------------------------------------
    #: "threads": tasks fetch, parse and load in the flow's process; "dask": they fetch and parse in
    #: Dask worker processes and the flow's process loads (DuckDB has one writer process).
    task_runner: Literal["threads", "dask"] = "threads"
    #: An existing Dask scheduler ("tcp://host:8786"); unset: a local cluster started for the run.
    dask_address: str | None = None
    #: Worker processes (and threads in each) of the local cluster.
    dask_workers: int = Field(2, ge=1)
    dask_threads_per_worker: int = Field(1, ge=1)

    # --- refresh behaviour ----------------------------------------------------------------
    #: Days re-read before each source's watermark on refresh, to pick up late revisions.
    refresh_overlap_days: int = 7
    #: Pin "today" (UTC) for reproducible runs; default: the real date (offline: the snapshot's).
    today: date | None = None

    @property
    def archive_path(self) -> Path:
        return self.archive_dir if self.archive_dir is not None else self.db.parent / "archive"

    @property
    def work_db(self) -> Path:
        """The writer's private copy; published to `db` by an atomic rename."""
        return self.db.parent / ".work" / self.db.name

    @property
    def lock_path(self) -> Path:
        return self.db.parent / f".{self.db.name}.lock"

    def sec_user_agent(self) -> str:
        """The SEC's required `User-Agent: Name email` header, or a clear error."""
        if not (self.sec_name and self.sec_email) or "@" not in self.sec_email:
            raise ConfigError(
                "SEC EDGAR requires a declared identity: set MINERWATCH_SEC_NAME and "
                "MINERWATCH_SEC_EMAIL (e.g. 'Acme Research' and 'data@acme.com'), or run with --offline"
            )
        return f"{self.sec_name} {self.sec_email}"

    def with_base_url(self, base: str) -> "Settings":
        """A copy whose every source points at one mirror (the offline snapshot server)."""
        base = base.rstrip("/")
        return self.model_copy(
            update={
                "offline_base_url": base,
                "mempool_base_url": f"{base}/mempool/api",
                "blockchain_base_url": f"{base}/blockchain",
                "coinmetrics_base_url": f"{base}/coinmetrics/v4",
                "sec_data_base_url": f"{base}/sec-data",
                "sec_www_base_url": f"{base}/sec-www",
                "sec_name": self.sec_name or "minerwatch-offline",
                "sec_email": self.sec_email or "offline@localhost",
            }
        )


def load_settings(**overrides) -> Settings:
    """Read settings from the environment now. Without overrides the result is reused while the
    environment's MINERWATCH_* variables, the working directory and its .env file are the same (tests and
    the CLI change them; reading them costs ~30 ms, which per document added up to a tenth of a backfill's
    CPU). Settings are never mutated in place (callers use model_copy), so sharing one is safe."""
    if overrides:
        return Settings(**overrides)
    return _settings_for(_environment_key())


def _environment_key() -> tuple:
    cwd = os.getcwd()
    try:
        stat = os.stat(os.path.join(cwd, ".env"))
        dotenv = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        dotenv = None
    env = tuple(sorted((k, v) for k, v in os.environ.items() if k.upper().startswith("MINERWATCH_")))
    return cwd, dotenv, env


@functools.lru_cache(maxsize=8)
def _settings_for(key: tuple) -> Settings:
    return Settings()
