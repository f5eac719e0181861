"""Recreate the warehouse from the raw document archive alone: no network, same marts."""
from __future__ import annotations

import logging
import os
from collections import defaultdict

from prefect import flow

from extractors.archive import Archive
from extractors.settings import load_settings
from flows.context import RunContext
from flows.sources import REPLAYERS
from warehouse import load
from warehouse.db import transaction
from warehouse.marts import build_marts, run_checks
from warehouse.publish import prepare_work_copy, publish, writer_lock

log = logging.getLogger("minerwatch")


@flow(name="minerwatch-rebuild")
def rebuild_flow(wait_s: float = 0.0) -> dict:
    """Replay the load journal (every window each run loaded, from which archived documents),
    source by source in the order it happened, into a fresh warehouse."""
    settings = load_settings()
    archive = Archive(settings.archive_path)
    entries = [e for e in archive.entries() if 200 <= e.status < 300 or e.event == "revalidated"]
    if not entries:
        raise FileNotFoundError(f"the archive at {settings.archive_path} is empty: nothing to rebuild from")
    by_source = defaultdict(list)
    for record in archive.loads():
        by_source[record["source"]].append(record)
    unknown = sorted(set(by_source) - set(REPLAYERS))
    with writer_lock(settings.lock_path, wait_s=wait_s):
        work = settings.work_db
        for path in (work, work.with_name(work.name + ".wal")):
            if path.exists():
                os.replace(path, path.with_name(path.name + ".before-rebuild"))
        work.parent.mkdir(parents=True, exist_ok=True)
        prepare_work_copy(None, work)  # a fresh, migrated working copy
        run_id = load.new_run_id("rebuild")
        today = settings.today or load.now_utc().date()
        ctx = RunContext(run_id=run_id, settings_json=settings.model_dump_json(), today=today)
        with ctx.work_db() as con, transaction(con):
            load.start_run(con, run_id, "rebuild", {"documents": len(entries)}, None)
            load.sync_documents(con, entries)
        counts = {}
        for source, source_loads in sorted(by_source.items()):
            if source not in REPLAYERS:
                continue
            outcome = REPLAYERS[source](ctx, source, source_loads)
            counts[source] = {"documents": outcome.documents, "rows_changed": outcome.rows_changed,
                              "unreadable": outcome.quarantined}
            log.info("[%s] replayed %d documents, %d rows", source, outcome.documents, outcome.rows_changed)
        with ctx.work_db() as con:
            with transaction(con):
                load.watermarks_from_staging(con, run_id)
            build_marts(con)
            failed = {k: v for k, v in run_checks(con, run_id).items() if v}
            status = "partial" if failed or unknown else "success"
            with transaction(con):
                load.finish_run(con, run_id, status, {"sources": counts, "failed_checks": failed,
                                                      "skipped_sources": unknown})
        publish(work, settings.db)
    return {"run_id": run_id, "status": status, "documents": len(entries), "sources": counts,
            "failed_checks": failed, "skipped_sources": unknown}
