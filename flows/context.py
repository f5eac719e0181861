"""What every task of a run needs, passed by value (paths and strings, never connections)."""
from __future__ import annotations

import functools
import json
import logging
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

from extractors.archive import Archive
from extractors.http import HttpClient
from extractors.settings import Settings
from extractors.snapshot_server import SnapshotServer
from warehouse.db import connect

log = logging.getLogger("minerwatch")

#: DuckDB allows concurrent transactions in one process, but window loads are short and
#: serialising them rules out write-write conflicts between sources loading in parallel.
WRITE_LOCK = threading.Lock()


@dataclass
class SourceOutcome:
    """What one source did in a run; plain data so Prefect can pass it between tasks."""

    source: str
    requests: int = 0
    documents: int = 0
    rows_in: int = 0
    rows_changed: int = 0
    windows_loaded: int = 0
    windows_skipped: int = 0
    quarantined: list[str] = field(default_factory=list)
    last_day: date | None = None


@dataclass(frozen=True)
class RunContext:
    """Identity and configuration of one flow run."""

    run_id: str
    settings_json: str
    today: date
    offline: bool = False
    extra: dict = field(default_factory=dict)
    #: True under the Dask task runner: tasks run in other processes, which must not open the
    #: DuckDB file (one writer process), so they only extract and the flow's process loads.
    remote_extract: bool = False

    @property
    def settings(self) -> Settings:
        return _settings_from_json(self.settings_json)

    @property
    def last_complete_day(self) -> date:
        return date.fromordinal(self.today.toordinal() - 1)

    def archive(self) -> Archive:
        return Archive(self.settings.archive_path)

    def http(self) -> HttpClient:
        return HttpClient(self.settings, self.archive())

    @contextmanager
    def work_db(self):
        """A connection to the writer's working copy, closed on exit."""
        con = connect(self.settings.work_db)
        try:
            yield con
        finally:
            con.close()


@functools.lru_cache(maxsize=8)
def _settings_from_json(settings_json: str) -> Settings:
    """Parsed once per run: validating a BaseSettings re-reads the environment and .env (~30 ms),
    and every window load asks for the settings (a profile of the scale backfill showed it)."""
    return Settings.model_validate_json(settings_json)


class LoadInFlow:
    """A future of a worker's extraction whose `result()` loads it here, in the flow's process.

    The pipeline waits on its futures in order, so loads run one after another in the process that
    holds the working copy, while the workers go on extracting the next windows and miners.
    """

    def __init__(self, future, load: Callable[[RunContext, object], SourceOutcome], ctx: RunContext):
        self.future, self.load, self.ctx = future, load, ctx

    def result(self) -> SourceOutcome:
        return self.load(self.ctx, self.future.result())


def snapshot_as_of(snapshot_dir: Path) -> date | None:
    """The day the offline snapshot was taken (its "today"), from routes.json."""
    routes = Path(snapshot_dir) / "routes.json"
    if not routes.exists():
        return None
    as_of = json.loads(routes.read_text(encoding="utf-8")).get("as_of")
    return datetime.fromisoformat(as_of.replace("Z", "+00:00")).date() if as_of else None


@contextmanager
def source_endpoints(settings: Settings, offline: bool) -> Iterator[tuple[Settings, date]]:
    """Yield (settings, today): live endpoints, or the snapshot served on loopback."""
    if not offline:
        yield settings, settings.today or datetime.now(timezone.utc).date()
        return
    snapshot = Path(settings.snapshot_dir)
    if not (snapshot / "routes.json").exists():
        raise FileNotFoundError(f"offline snapshot not found at {snapshot} (MINERWATCH_SNAPSHOT_DIR)")
    with SnapshotServer(snapshot) as server:
        log.info("offline: serving snapshot %s at %s", snapshot, server.url)
        today = settings.today or snapshot_as_of(snapshot) or datetime.now(timezone.utc).date()
        yield settings.with_base_url(server.url), today
