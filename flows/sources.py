"""The registry of sources a run can include.

Each source has a submitter `(ctx, source, start, end) -> [PrefectFuture of SourceOutcome]` that
maps its Prefect tasks (per source x window: one for a network source, one per miner for SEC),
and a replayer `(ctx, source, journaled_loads) -> SourceOutcome` that reloads it from the archive
with no network (`minerwatch rebuild`). Adding a source is one entry in each map. Tasks run
concurrently (fetching overlaps); their loads serialise on `WRITE_LOCK`. `start=None` means
"from the source's own watermark" (a refresh). Under the Dask task runner (`ctx.remote_extract`)
a submitter sends an extract-only task to the workers and returns a `flows.context.LoadInFlow`,
whose `result()` loads the extract in the flow's process (DuckDB has one writer process).
"""
from __future__ import annotations

import flows.sec_debt  # noqa: F401 - registers the debt handler
import flows.sec_hpc  # noqa: F401 - registers the AI/HPC handlers and classifier predicates
import flows.sec_production  # noqa: F401 - registers the production handlers
from flows.network import replay_network, submit_network
from flows.sec import replay_sec, submit_sec
from flows.xbrl import replay_xbrl, submit_xbrl

SOURCE_SUBMITTERS = {
    "mempool": submit_network,
    "blockchain_com": submit_network,
    "coinmetrics": submit_network,
    "sec": submit_sec,
    "xbrl": submit_xbrl,
}

REPLAYERS = {
    "mempool": replay_network,
    "blockchain_com": replay_network,
    "coinmetrics": replay_network,
    "sec": replay_sec,
    "xbrl": replay_xbrl,
}
