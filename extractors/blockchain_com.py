"""blockchain.com Charts API: hash-rate, difficulty, transaction-fees, market-price.

`sampled=false` returns every daily point (the default samples ~1.5k points over the span).
Docs: https://www.blockchain.com/explorer/api/charts_api
"""
from __future__ import annotations

from datetime import date

from extractors.base import PlannedRequest
from extractors.settings import Settings

SOURCE = "blockchain_com"
CHARTS = ("hash-rate", "difficulty", "transaction-fees", "market-price")


def plan(settings: Settings, since: date | None, today: date) -> list[PlannedRequest]:
    base = settings.blockchain_base_url.rstrip("/")
    if since is None:
        window = {"timespan": "all"}
    else:
        window = {"start": since.isoformat(), "timespan": f"{(today - since).days + 1}days"}
    return [
        PlannedRequest(SOURCE, chart, f"{base}/charts/{chart}", {**window, "sampled": "false", "format": "json"})
        for chart in CHARTS
    ]
