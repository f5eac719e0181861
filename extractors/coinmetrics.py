"""Coin Metrics community API (no key): daily blocks, issuance, fees, hashrate and price since 2009.

Paged: follow `next_page_token` against our own base URL (not the absolute `next_page_url`), so a
mirror keeps working. Limit: 10 requests per 6 s per IP.
Docs: https://docs.coinmetrics.io/api/v4/#tag/Timeseries/operation/getTimeseriesAssetMetrics
"""
from __future__ import annotations

from datetime import date

from extractors.base import PlannedRequest
from extractors.settings import Settings

SOURCE = "coinmetrics"
METRICS = ("BlkCnt", "IssTotNtv", "FeeTotNtv", "HashRate", "PriceUSD")
PAGE_SIZE = 10_000
FIRST_DAY = date(2009, 1, 3)


def plan(settings: Settings, since: date | None, today: date) -> list[PlannedRequest]:
    base = settings.coinmetrics_base_url.rstrip("/")
    params = {
        "assets": "btc",
        "metrics": ",".join(METRICS),
        "frequency": "1d",
        "start_time": (since or FIRST_DAY).isoformat(),
        "end_time": today.isoformat(),
        "page_size": str(PAGE_SIZE),
        "paging_from": "start",
    }
    return [PlannedRequest(SOURCE, "asset-metrics", f"{base}/timeseries/asset-metrics", params)]


def next_page(request: PlannedRequest, token: str) -> PlannedRequest:
    return PlannedRequest(request.source, request.endpoint, request.url, {**request.params, "next_page_token": token})
