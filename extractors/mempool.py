"""mempool.space REST API: hashrate, difficulty adjustments, block rewards and fees, prices.

Endpoints take a period (`1m` ... `3y`, or nothing for all history); the refresh asks for the
shortest period that still covers the days since the source's watermark.
Docs: https://mempool.space/docs/api/rest (periods from `Common.getSqlInterval` in the backend).
"""
from __future__ import annotations

from datetime import date

from extractors.base import PlannedRequest
from extractors.settings import Settings

SOURCE = "mempool"
#: Period codes with the days each covers, shortest first.
PERIODS = (("1m", 30), ("3m", 90), ("6m", 180), ("1y", 365), ("2y", 730), ("3y", 1095))
ENDPOINTS = ("hashrate", "difficulty-adjustments", "rewards", "fees", "prices")


def period_for(since: date | None, today: date) -> str | None:
    """The shortest period covering `since`..`today`; None means all history."""
    if since is None:
        return None
    span = (today - since).days + 1
    for code, days in PERIODS:
        if span <= days:
            return code
    return None


def plan(settings: Settings, since: date | None, today: date) -> list[PlannedRequest]:
    base = settings.mempool_base_url.rstrip("/")
    period = period_for(since, today)
    suffix = f"/{period}" if period else ""
    return [
        PlannedRequest(SOURCE, "hashrate", f"{base}/v1/mining/hashrate{suffix or '/all'}"),
        PlannedRequest(SOURCE, "difficulty-adjustments", f"{base}/v1/mining/difficulty-adjustments{suffix or '/all'}"),
        PlannedRequest(SOURCE, "rewards", f"{base}/v1/mining/blocks/rewards{suffix or '/all'}"),
        PlannedRequest(SOURCE, "fees", f"{base}/v1/mining/blocks/fees{suffix or '/all'}"),
        # Without a timestamp the endpoint returns the whole history (there is no range query).
        PlannedRequest(SOURCE, "prices", f"{base}/v1/historical-price", {"currency": "USD"}),
    ]
