"""Which Prefect task runner a run's tasks use: threads in the flow's process, or Dask workers.

`threads` (the default) runs every source task in a thread of the flow's process, each fetching,
parsing and loading under `flows.context.WRITE_LOCK`. `dask` sends the tasks to Dask worker
processes (`prefect-dask`): a local cluster started for the run, or the scheduler at
`MINERWATCH_DASK_ADDRESS`. DuckDB allows one writer process, so under Dask the tasks only extract
(fetch, archive, parse into picklable rows) and the flow's process loads what they return (see
`RunContext.remote_extract`).

What a worker process needs, and gets here:
- the Prefect API: with no `PREFECT_API_URL` the flow runs on Prefect's temporary server, and a
  worker that found none would start a temporary server of its own; local workers are given the
  flow's API URL instead. Workers of a remote scheduler need `PREFECT_API_URL` in their own
  environment (a real Prefect server).
- the same code: local workers get the directory of the `flows` package this process imported
  first on `PYTHONPATH`, so a checkout runs its own code in its workers.
- SEC's budget: its rate limiter is per process, so each worker gets `MINERWATCH_SEC_RATE_PER_S`
  divided by the number of workers (`share_rate`): N workers together stay under the limit.
- the offline snapshot: its server runs in the flow's process on loopback, which local workers reach
  by URL; workers on other hosts cannot (`--offline` with a remote scheduler is for one host).
"""
from __future__ import annotations

import logging

from extractors.settings import Settings

log = logging.getLogger("minerwatch")

TASK_RUNNERS = ("threads", "dask")


def make_task_runner(settings: Settings, name: str | None = None):
    """The task runner for `name` (default MINERWATCH_TASK_RUNNER): None keeps Prefect's thread pool."""
    name = name or settings.task_runner
    if name not in TASK_RUNNERS:
        raise ValueError(f"unknown task runner {name!r}; choose from {', '.join(TASK_RUNNERS)}")
    if name == "threads":
        return None
    from flows.dask_runner import MinerwatchDaskTaskRunner

    if settings.dask_address:
        return MinerwatchDaskTaskRunner(address=settings.dask_address)
    return MinerwatchDaskTaskRunner(cluster_kwargs={
        "n_workers": settings.dask_workers, "threads_per_worker": settings.dask_threads_per_worker,
        "processes": True, "dashboard_address": ":0",
    })


def dask_worker_count() -> int | None:
    """Inside a flow run: the number of workers of its Dask cluster, or None for another runner."""
    from prefect.context import FlowRunContext

    ctx = FlowRunContext.get()
    runner = getattr(ctx, "task_runner", None) if ctx else None
    if runner is None or type(runner).__module__ == "prefect.task_runners":
        return None
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError:  # pragma: no cover - prefect-dask is a dependency
        return None
    if not isinstance(runner, DaskTaskRunner):
        return None
    return max(1, len(runner.client.scheduler_info(n_workers=-1).get("workers", {})))


def share_rate(settings: Settings, workers: int) -> Settings:
    """Settings for worker processes: SEC's per-process limiter gets 1/workers of the budget."""
    if workers <= 1:
        return settings
    rate = settings.sec_rate_per_s / workers
    log.info("Dask: %d workers, SEC rate %.2f requests/s each (%.1f in total)", workers, rate,
             settings.sec_rate_per_s)
    return settings.model_copy(update={"sec_rate_per_s": rate})
