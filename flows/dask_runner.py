"""The Dask task runner as minerwatch starts it (imported only when MINERWATCH_TASK_RUNNER=dask)."""
from __future__ import annotations

import logging
import os
from pathlib import Path

from prefect_dask import DaskTaskRunner

# The cluster's own chatter (workers starting and stopping) is not the run's news.
for _name in ("distributed", "distributed.scheduler", "distributed.nanny", "distributed.core"):
    if logging.getLogger(_name).level < logging.WARNING:
        logging.getLogger(_name).setLevel(logging.WARNING)

#: The directory holding the `flows` package this process runs.
CODE_ROOT = Path(__file__).resolve().parents[1]


def current_api_url() -> str:
    """The Prefect API this process talks to (the temporary server's URL when none is configured)."""
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        return str(client.api_url).rstrip("/")


class MinerwatchDaskTaskRunner(DaskTaskRunner):
    """A DaskTaskRunner whose local workers use this flow's Prefect API and this checkout's code.

    Without the API URL each worker process would start a temporary Prefect server of its own
    (seconds each, and task runs recorded nowhere the flow can see).
    """

    def __enter__(self):
        if self.address is None and self._cluster is None:
            env = self.cluster_kwargs.setdefault("env", {})
            env.setdefault("PREFECT_API_URL", current_api_url())
            path = os.environ.get("PYTHONPATH")
            env.setdefault("PYTHONPATH", os.pathsep.join(filter(None, [str(CODE_ROOT), path])))
        return super().__enter__()

    def duplicate(self):
        return type(self)(address=self.address, cluster_class=self.cluster_class,
                          cluster_kwargs=dict(self.cluster_kwargs), adapt_kwargs=self.adapt_kwargs,
                          client_kwargs=dict(self.client_kwargs))
