"""The nightly refresh and the backfill: one writer, whole windows, checks, atomic publication."""
from __future__ import annotations

import logging
from contextlib import closing
from dataclasses import asdict
from datetime import date, timedelta

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.context import get_run_context

from extractors.settings import Settings, load_settings
from flows.alerts import run_alert_lines, send_alert
from flows.artifacts import publish_artifacts
from flows.context import RunContext, SourceOutcome, source_endpoints
from flows.runners import dask_worker_count, make_task_runner, share_rate
from flows.sources import SOURCE_SUBMITTERS
from warehouse import load
from warehouse.db import transaction
from warehouse.marts import build_and_check, hold_check_names
from warehouse.db import WarehouseError, connect
from warehouse.publish import is_valid_duckdb, prepare_work_copy, publish, writer_lock

log = logging.getLogger("minerwatch")

ALL_SOURCES = tuple(SOURCE_SUBMITTERS)
#: Sources that call SEC EDGAR (which requires a declared identity).
SEC_SOURCES = ("sec", "xbrl")


class UnknownSource(ValueError):
    pass


def _check_sources(sources: list[str] | None) -> list[str]:
    chosen = list(sources or ALL_SOURCES)
    unknown = [s for s in chosen if s not in ALL_SOURCES]
    if unknown:
        raise UnknownSource(f"unknown source(s) {', '.join(unknown)}; choose from {', '.join(ALL_SOURCES)}")
    return chosen


@task(name="build-marts-and-check", cache_policy=NO_CACHE)
def build_and_check_task(ctx: RunContext) -> tuple[dict[str, int], int]:
    with ctx.work_db() as con:
        return build_and_check(con, ctx.run_id)


@task(name="publish-warehouse", cache_policy=NO_CACHE)
def publish_task(ctx: RunContext) -> None:
    settings = ctx.settings
    publish(settings.work_db, settings.db)


def _flow_run_id() -> str | None:
    try:
        return str(get_run_context().flow_run.id)
    except Exception:  # noqa: BLE001 - outside a flow run
        return None


def merge_outcomes(results: list[tuple[str, SourceOutcome]]) -> list[SourceOutcome]:
    """One outcome per source (SEC runs one task per miner)."""
    merged: dict[str, SourceOutcome] = {}
    for source, o in results:
        m = merged.setdefault(source, SourceOutcome(source))
        m.requests += o.requests
        m.documents += o.documents
        m.rows_in += o.rows_in
        m.rows_changed += o.rows_changed
        m.windows_loaded += o.windows_loaded
        m.windows_skipped += o.windows_skipped
        m.quarantined += o.quarantined
        m.last_day = max(filter(None, [m.last_day, o.last_day]), default=None)
    return list(merged.values())


def _refuse_silent_data_loss(settings: Settings) -> None:
    """With neither a usable working copy nor a usable published file, a run would start from an
    empty warehouse; when the archive holds documents, say how to restore them instead."""
    if is_valid_duckdb(settings.work_db) or is_valid_duckdb(settings.db):
        return
    manifest = settings.archive_path / "manifest.jsonl"
    if manifest.exists() and manifest.stat().st_size > 0:
        state = "corrupt" if settings.db.exists() else "missing"
        raise WarehouseError(
            f"the warehouse {settings.db} is {state} but the archive holds documents: "
            "run `minerwatch rebuild` to recreate it from the archive (no network)"
        )


def preflight(settings: Settings, sources: list[str], offline: bool) -> None:
    """Checks that need no network and no lock: fail before anything starts."""
    _check_sources(sources)
    if not offline and any(s in SEC_SOURCES for s in sources):
        settings.sec_user_agent()


def run_pipeline(flow_name: str, windows: dict[str, tuple[date | None, date | None]], *, offline: bool,
                 params: dict, settings: Settings | None = None, wait_s: float = 0.0) -> dict:
    """Shared body of refresh and backfill. `windows` maps source -> (start, end) or (None, None)
    for "since the watermark"; returns the run summary."""
    settings = settings or load_settings()
    preflight(settings, list(windows), offline)
    with writer_lock(settings.lock_path, wait_s=wait_s):
        _refuse_silent_data_loss(settings)
        how = prepare_work_copy(settings.db, settings.work_db)
        log.info("warehouse working copy: %s", how)
        with source_endpoints(settings, offline) as (run_settings, today):
            run_id = load.new_run_id(flow_name)
            # Under the Dask task runner, tasks run in worker processes: they extract, this process loads.
            workers = dask_worker_count()
            task_settings = share_rate(run_settings, workers) if workers else run_settings
            ctx = RunContext(run_id=run_id, settings_json=task_settings.model_dump_json(), today=today,
                             offline=offline, remote_extract=workers is not None)
            if workers:
                log.info("task runner: Dask, %d workers; loads run in this process", workers)
            with ctx.work_db() as con, transaction(con):
                load.start_run(con, run_id, flow_name, params, _flow_run_id())
            # One connection held for the whole run keeps DuckDB's database instance open, so each
            # window's short-lived connection neither reopens the file nor checkpoints it on close
            # (at 7,000 documents that was most of a backfill's CPU: benchmarks/RESULTS.md, (3)).
            try:
                with closing(connect(run_settings.work_db)):  # closed before publication copies the file
                    futures = []
                    for source, (start, end) in windows.items():
                        end = min(end or ctx.last_complete_day, ctx.last_complete_day)
                        futures += [(source, f) for f in SOURCE_SUBMITTERS[source](ctx, source, start, end)]
                    outcomes = merge_outcomes([(source, f.result()) for source, f in futures])
                    checks, held = build_and_check_task(ctx)
                    with ctx.work_db() as con:
                        overdue = [f"{t} {cadence} report overdue: last period {last}, due {due}"
                                   for t, cadence, last, due in con.execute(
                                       "select ticker, current_cadence, last_period_end, due_on"
                                       " from marts.miner_report_status where report_status = 'overdue'").fetchall()]
                    failed_checks = {k: v for k, v in checks.items() if v and k not in hold_check_names()}
                    quarantined = sum(len(o.quarantined) for o in outcomes)
                    status = "partial" if quarantined or failed_checks or held else "success"
                    counts = {
                        "sources": {o.source: {k: v for k, v in asdict(o).items() if k != "source"} for o in outcomes},
                        "quarantined": quarantined,
                        "failed_checks": failed_checks,
                        "held_back": held,
                        "alerts": overdue,
                    }
                    with ctx.work_db() as con, transaction(con):
                        load.finish_run(con, run_id, status, counts)
                publish_task(ctx)
            except BaseException as exc:
                with ctx.work_db() as con, transaction(con):
                    load.finish_run(con, run_id, "failed", {}, f"{type(exc).__name__}: {exc}")
                send_alert(run_settings, f"minerwatch {flow_name} failed",
                           run_alert_lines({"run_id": run_id, "status": "failed",
                                            "message": f"{type(exc).__name__}: {exc}"}), level="failure")
                raise
    summary = {"run_id": run_id, "status": status, **counts}
    try:  # the data is published; a report that cannot be drawn must not fail the run
        publish_artifacts(run_settings.model_dump_json(), summary)
    except Exception as exc:  # noqa: BLE001
        log.warning("report and artifacts not published: %s: %s", type(exc).__name__, exc)
    if status != "success" or overdue:
        send_alert(run_settings, f"minerwatch {flow_name} ended {status}", run_alert_lines(summary))
    log.info("run %s finished: %s (%d quarantined, %d failed checks)", run_id, status, quarantined,
             len(failed_checks))
    return summary


def _default_task_runner():
    """MINERWATCH_TASK_RUNNER as the flows' own task runner, read when this module is imported, so a
    deployment's flow-run process (a work pool worker, `serve`) picks it from its environment."""
    try:
        return make_task_runner(load_settings())
    except Exception as exc:  # noqa: BLE001 - a bad setting fails the run itself, with its message
        log.debug("default task runner: %s", exc)
        return None


_RUNNER = {"task_runner": runner} if (runner := _default_task_runner()) is not None else {}


def with_task_runner(flow_obj, name: str | None):
    """The flow with the task runner `name` ("threads" | "dask"); None keeps the flow's own."""
    if name is None:
        return flow_obj
    runner = make_task_runner(load_settings(), name)
    if runner is None:
        from prefect.task_runners import ThreadPoolTaskRunner

        runner = ThreadPoolTaskRunner()
    return flow_obj.with_options(task_runner=runner)


@flow(name="minerwatch-refresh", log_prints=True, **_RUNNER)
def refresh_flow(offline: bool = False, sources: list[str] | None = None, wait_s: float = 0.0) -> dict:
    """Nightly job: each source from its watermark (minus an overlap) to the last complete UTC day."""
    chosen = _check_sources(sources)
    get_run_logger().info("refresh %s (offline=%s)", chosen, offline)
    return run_pipeline("refresh", {s: (None, None) for s in chosen}, offline=offline,
                        params={"offline": offline, "sources": chosen}, wait_s=wait_s)


@flow(name="minerwatch-backfill", log_prints=True, **_RUNNER)
def backfill_flow(start: date, end: date | None = None, sources: list[str] | None = None,
                  offline: bool = False, wait_s: float = 0.0) -> dict:
    """Any range, any sources; resumable (whole windows already loaded from the same documents
    are skipped) and idempotent (unchanged values are not rewritten)."""
    chosen = _check_sources(sources)
    if end is not None and end < start:
        raise ValueError(f"--end {end} is before --start {start}")
    get_run_logger().info("backfill %s .. %s %s (offline=%s)", start, end or "latest", chosen, offline)
    return run_pipeline("backfill", {s: (start, end) for s in chosen}, offline=offline,
                        params={"start": start, "end": end, "offline": offline, "sources": chosen}, wait_s=wait_s)
