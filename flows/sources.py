"""The registry of sources a run can include: name -> Prefect task `(ctx, source, start, end)`.

Adding a source is one entry here plus its task; `--source NAME` and the refresh pick it up.
Tasks run concurrently (fetching overlaps); their window loads serialise on `WRITE_LOCK`.
"""
from __future__ import annotations

from flows.network import network_source

SOURCE_TASKS = {
    "mempool": network_source,
    "blockchain_com": network_source,
    "coinmetrics": network_source,
}
