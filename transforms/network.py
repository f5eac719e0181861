"""Pure parsers for network-statistics payloads -> typed daily observations and retargets.

Every parser takes the raw response body (bytes) and returns pydantic records; a body that is not
the expected format raises `ParseError` naming what was missing, so the flow can quarantine it.
Day boundaries are UTC calendar days; each parser documents how its source stamps a day.
"""
from __future__ import annotations

import json
import math
from collections import defaultdict
from datetime import date, datetime, timedelta, timezone
from typing import Any, Iterable

import pandas as pd
from pydantic import BaseModel, ConfigDict, field_validator

from transforms.chain import GENESIS_DAY
from transforms.errors import ParseError

PARSER_VERSION = "network-1"

#: Metrics a daily observation may carry; units are in the names.
METRICS = (
    "blocks",                 # blocks found in the UTC day
    "subsidy_btc",            # new coins issued in the day
    "fees_btc",               # transaction fees paid to miners in the day
    "hashrate_ehs",           # network hashrate estimate, EH/s
    "difficulty",             # difficulty (mean over the day)
    "btc_price_usd",          # BTC/USD
    "reward_per_block_btc",   # mean subsidy + fees per block
    "fees_per_block_btc",     # mean fees per block
    "avg_height",             # mean block height of the day's blocks
)


class NetworkObservation(BaseModel):
    """One metric of one source for one UTC day. Natural key: (source, metric, day)."""

    model_config = ConfigDict(frozen=True)

    source: str
    endpoint: str
    metric: str
    day: date
    value: float

    @field_validator("metric")
    @classmethod
    def _known_metric(cls, v: str) -> str:
        if v not in METRICS:
            raise ValueError(f"unknown metric {v!r}")
        return v

    @field_validator("value")
    @classmethod
    def _finite(cls, v: float) -> float:
        if not math.isfinite(v):
            raise ValueError("value must be finite")
        return v


class Retarget(BaseModel):
    """A difficulty adjustment. Natural key: (source, height)."""

    model_config = ConfigDict(frozen=True)

    source: str
    height: int
    time: datetime
    difficulty: float
    adjustment_ratio: float | None


# --- helpers ---------------------------------------------------------------------------------
def load_json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ParseError(f"malformed JSON: {exc}") from None


def _utc_day(unix_seconds: float) -> date:
    return datetime.fromtimestamp(unix_seconds, tz=timezone.utc).date()


def _require(obj: Any, key: str, what: str):
    if not isinstance(obj, dict) or key not in obj:
        raise ParseError(f"layout changed: {what} has no '{key}' field")
    return obj[key]


def _require_list(obj: Any, what: str) -> list:
    if not isinstance(obj, list):
        raise ParseError(f"layout changed: {what} is {type(obj).__name__}, expected a list")
    return obj


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool):
        raise ParseError(f"{what}: expected a number, got {value!r}")
    try:
        out = float(value)
    except (TypeError, ValueError):
        raise ParseError(f"{what}: expected a number, got {value!r}") from None
    if not math.isfinite(out):
        raise ParseError(f"{what}: not a finite number: {value!r}")
    return out


def _obs(source: str, endpoint: str, metric: str, day: date, value: float) -> NetworkObservation:
    return NetworkObservation(source=source, endpoint=endpoint, metric=metric, day=day, value=value)


def _daily_mean(pairs: Iterable[tuple[date, float]]) -> dict[date, float]:
    sums: dict[date, list[float]] = defaultdict(lambda: [0.0, 0])
    for day, value in pairs:
        acc = sums[day]
        acc[0] += value
        acc[1] += 1
    return {d: s / n for d, (s, n) in sums.items()}


def _in_range(day: date) -> bool:
    return day >= GENESIS_DAY


# --- mempool.space --------------------------------------------------------------------------
def parse_mempool_hashrate(body: bytes) -> list[NetworkObservation]:
    """`/v1/mining/hashrate/{period}`: daily `avgHashrate` in H/s.

    mempool stamps each daily estimate at the *closing* midnight: timestamp 2022-05-14T00:00Z
    covers the blocks of 2022-05-13, so the day is timestamp minus one day.
    """
    doc = load_json(body)
    rows = _require_list(_require(doc, "hashrates", "hashrate response"), "hashrates")
    out = []
    for i, row in enumerate(rows):
        ts = _number(_require(row, "timestamp", f"hashrates[{i}]"), f"hashrates[{i}].timestamp")
        hs = _number(_require(row, "avgHashrate", f"hashrates[{i}]"), f"hashrates[{i}].avgHashrate")
        day = _utc_day(ts) - timedelta(days=1)
        if _in_range(day) and hs > 0:
            out.append(_obs("mempool", "hashrate", "hashrate_ehs", day, hs / 1e18))
    return out


def parse_mempool_difficulty_adjustments(body: bytes) -> list[Retarget]:
    """`/v1/mining/difficulty-adjustments/{period}`: `[time, height, difficulty, ratio]`, newest first."""
    rows = _require_list(load_json(body), "difficulty-adjustments response")
    out = []
    for i, row in enumerate(rows):
        if not isinstance(row, list) or len(row) < 3:
            raise ParseError(f"layout changed: difficulty-adjustments[{i}] is not [time, height, difficulty, ratio]")
        ts = _number(row[0], f"difficulty-adjustments[{i}][0]")
        height = int(_number(row[1], f"difficulty-adjustments[{i}][1]"))
        diff = _number(row[2], f"difficulty-adjustments[{i}][2]")
        ratio = _number(row[3], f"difficulty-adjustments[{i}][3]") if len(row) > 3 and row[3] is not None else None
        if diff <= 0 or height < 0:
            raise ParseError(f"difficulty-adjustments[{i}]: impossible values {row!r}")
        out.append(Retarget(source="mempool", height=height, time=datetime.fromtimestamp(ts, tz=timezone.utc),
                            difficulty=diff, adjustment_ratio=ratio))
    return out


def _mempool_buckets(body: bytes, field: str, what: str) -> list[tuple[date, float, float]]:
    rows = _require_list(load_json(body), what)
    out = []
    for i, row in enumerate(rows):
        ts = _number(_require(row, "timestamp", f"{what}[{i}]"), f"{what}[{i}].timestamp")
        value = _number(_require(row, field, f"{what}[{i}]"), f"{what}[{i}].{field}")
        height = _number(_require(row, "avgHeight", f"{what}[{i}]"), f"{what}[{i}].avgHeight")
        out.append((_utc_day(ts), value, height))
    return out


def parse_mempool_rewards(body: bytes) -> list[NetworkObservation]:
    """`/v1/mining/blocks/rewards/{period}`: mean subsidy+fees per block (sats) per bucket.

    Buckets are one day for `all` and shorter for short periods; buckets are averaged per UTC
    day of their timestamp (an unweighted mean of bucket means).
    """
    buckets = _mempool_buckets(body, "avgRewards", "rewards response")
    reward = _daily_mean((d, v / 1e8) for d, v, _ in buckets)
    height = _daily_mean((d, h) for d, _, h in buckets)
    out = [_obs("mempool", "rewards", "reward_per_block_btc", d, v) for d, v in reward.items() if _in_range(d)]
    out += [_obs("mempool", "rewards", "avg_height", d, v) for d, v in height.items() if _in_range(d)]
    return out


def parse_mempool_fees(body: bytes) -> list[NetworkObservation]:
    """`/v1/mining/blocks/fees/{period}`: mean fees per block (sats) per bucket, averaged per day."""
    buckets = _mempool_buckets(body, "avgFees", "fees response")
    fees = _daily_mean((d, v / 1e8) for d, v, _ in buckets)
    return [_obs("mempool", "fees", "fees_per_block_btc", d, v) for d, v in fees.items() if _in_range(d)]


def parse_mempool_prices(body: bytes) -> list[NetworkObservation]:
    """`/v1/historical-price?currency=USD`: the last USD price stamped within each UTC day."""
    doc = load_json(body)
    rows = _require_list(_require(doc, "prices", "historical-price response"), "prices")
    last: dict[date, tuple[float, float]] = {}
    for i, row in enumerate(rows):
        ts = _number(_require(row, "time", f"prices[{i}]"), f"prices[{i}].time")
        if row.get("USD") is None:
            continue
        usd = _number(row["USD"], f"prices[{i}].USD")
        day = _utc_day(ts)
        if usd > 0 and (day not in last or ts > last[day][0]):
            last[day] = (ts, usd)
    return [_obs("mempool", "prices", "btc_price_usd", d, v) for d, (_, v) in last.items() if _in_range(d)]


# --- blockchain.com charts ----------------------------------------------------------------
BLOCKCHAIN_CHARTS = {
    # chart name: (metric, factor from the chart's unit to the metric's unit)
    "hash-rate": ("hashrate_ehs", 1e-6),      # TH/s -> EH/s
    "difficulty": ("difficulty", 1.0),
    "transaction-fees": ("fees_btc", 1.0),    # BTC per day
    "market-price": ("btc_price_usd", 1.0),   # USD
}


def parse_blockchain_chart(body: bytes, chart: str) -> list[NetworkObservation]:
    """`/charts/{chart}?format=json`: `values[].x` is unix seconds at 00:00 UTC of the day."""
    if chart not in BLOCKCHAIN_CHARTS:
        raise ValueError(f"unsupported chart {chart!r}")
    metric, factor = BLOCKCHAIN_CHARTS[chart]
    doc = load_json(body)
    if isinstance(doc, dict) and doc.get("status") not in (None, "ok"):
        raise ParseError(f"blockchain.com answered status={doc.get('status')!r}")
    values = _require_list(_require(doc, "values", f"{chart} chart"), f"{chart}.values")
    if not values:
        # Seen during a blockchain.com outage: status "ok" with no points at all.
        raise ParseError(f"blockchain.com {chart} chart has no values")
    pairs = []
    for i, row in enumerate(values):
        x = _number(_require(row, "x", f"values[{i}]"), f"values[{i}].x")
        y = _number(_require(row, "y", f"values[{i}]"), f"values[{i}].y")
        if x > 1e11:  # the website export uses milliseconds; the API seconds
            x /= 1000.0
        pairs.append((_utc_day(x), y * factor))
    daily = _daily_mean(pairs)
    return [_obs("blockchain_com", chart, metric, d, v) for d, v in daily.items()
            if _in_range(d) and (v > 0 or metric == "fees_btc")]


# --- Coin Metrics community API -------------------------------------------------------------
COINMETRICS_METRICS = {
    # Coin Metrics metric: (our metric, factor)
    "BlkCnt": ("blocks", 1.0),
    "IssTotNtv": ("subsidy_btc", 1.0),
    "FeeTotNtv": ("fees_btc", 1.0),
    "HashRate": ("hashrate_ehs", 1e-6),   # Coin Metrics' HashRate is TH/s
    "PriceUSD": ("btc_price_usd", 1.0),   # close, fixed at 00:00 UTC of the next day
}


def parse_coinmetrics_page(body: bytes) -> tuple[list[NetworkObservation], str | None]:
    """`/timeseries/asset-metrics`: rows of string values; returns (observations, next_page_token).

    A day whose `BlkCnt` is empty is not complete yet (Coin Metrics fills reference rates first)
    and is skipped entirely.
    """
    doc = load_json(body)
    if isinstance(doc, dict) and "error" in doc:
        raise ParseError(f"Coin Metrics error: {doc['error']}")
    rows = _require_list(_require(doc, "data", "asset-metrics response"), "data")
    out = []
    for i, row in enumerate(rows):
        t = _require(row, "time", f"data[{i}]")
        try:
            day = datetime.fromisoformat(str(t)[:10]).date()
        except ValueError:
            raise ParseError(f"data[{i}].time is not a date: {t!r}") from None
        if row.get("BlkCnt") in (None, ""):
            continue
        for cm_name, (metric, factor) in COINMETRICS_METRICS.items():
            raw = row.get(cm_name)
            if raw in (None, ""):
                continue
            out.append(_obs("coinmetrics", "asset-metrics", metric, day,
                            _number(raw, f"data[{i}].{cm_name}") * factor))
    token = doc.get("next_page_token") if isinstance(doc, dict) else None
    return [o for o in out if _in_range(o.day)], token or None


# --- frames for loading ---------------------------------------------------------------------
OBSERVATION_COLUMNS = ["source", "endpoint", "metric", "day", "value"]
RETARGET_COLUMNS = ["source", "height", "time", "difficulty", "adjustment_ratio"]


def observations_frame(observations: Iterable[NetworkObservation]) -> pd.DataFrame:
    rows = [(o.source, o.endpoint, o.metric, o.day, o.value) for o in observations]
    frame = pd.DataFrame(rows, columns=OBSERVATION_COLUMNS)
    frame["day"] = pd.to_datetime(frame["day"]).dt.date
    return frame.drop_duplicates(subset=["source", "metric", "day"], keep="last")


def retargets_frame(retargets: Iterable[Retarget]) -> pd.DataFrame:
    rows = [(r.source, r.height, r.time, r.difficulty, r.adjustment_ratio) for r in retargets]
    return pd.DataFrame(rows, columns=RETARGET_COLUMNS).drop_duplicates(subset=["source", "height"], keep="last")
