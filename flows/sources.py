"""The registry of sources a run can include.

Each source has a Prefect task `(ctx, source, start, end) -> SourceOutcome` that fetches and loads,
and a replayer `(ctx, source, archive_entries) -> SourceOutcome` that reloads from the archive
with no network (`minerwatch rebuild`). Adding a source is one entry in each map.
Tasks run concurrently (fetching overlaps); their window loads serialise on `WRITE_LOCK`.
"""
from __future__ import annotations

from flows.network import network_source, replay_network

SOURCE_TASKS = {
    "mempool": network_source,
    "blockchain_com": network_source,
    "coinmetrics": network_source,
}

REPLAYERS = {
    "mempool": replay_network,
    "blockchain_com": replay_network,
    "coinmetrics": replay_network,
}
