"""The offline server answers like the live APIs: period slicing, ranges, paging, SEC identity."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import requests

from extractors.snapshot_server import RateCeiling, SnapshotServer
from tests.conftest import SNAPSHOT

UA = {"User-Agent": "minerwatch tests tests@example.org"}


def get(server, path, **params):
    return requests.get(f"{server.url}{path}", params=params, headers=UA, timeout=5)


def test_mempool_period_slices_history_relative_to_as_of(snapshot_server):
    full = get(snapshot_server, "/mempool/api/v1/mining/hashrate/all").json()
    month = get(snapshot_server, "/mempool/api/v1/mining/hashrate/1m").json()
    assert len(full["hashrates"]) > 6000
    assert 28 <= len(month["hashrates"]) <= 31
    oldest = datetime.fromtimestamp(month["hashrates"][0]["timestamp"], timezone.utc)
    assert oldest >= datetime(2025, 12, 3, tzinfo=timezone.utc)


def test_difficulty_adjustments_are_newest_first(snapshot_server):
    rows = get(snapshot_server, "/mempool/api/v1/mining/difficulty-adjustments/3m").json()
    assert rows and rows[0][0] > rows[-1][0]
    assert all(r[1] % 2016 == 0 for r in rows)


def test_blockchain_chart_honours_start_and_timespan(snapshot_server):
    doc = get(snapshot_server, "/blockchain/charts/market-price", start="2025-12-01", timespan="10days",
              sampled="false", format="json").json()
    days = [datetime.fromtimestamp(v["x"], timezone.utc).date().isoformat() for v in doc["values"]]
    assert days[0] == "2025-12-01" and days[-1] == "2025-12-10" and len(days) == 10


def test_coinmetrics_filters_projects_and_pages(snapshot_server):
    page = get(snapshot_server, "/coinmetrics/v4/timeseries/asset-metrics", assets="btc", metrics="BlkCnt",
               frequency="1d", start_time="2025-12-01", end_time="2025-12-31", page_size="20").json()
    assert len(page["data"]) == 20 and set(page["data"][0]) == {"asset", "time", "BlkCnt"}
    assert page["next_page_token"] and page["next_page_url"].startswith(snapshot_server.url)
    rest = get(snapshot_server, "/coinmetrics/v4/timeseries/asset-metrics", assets="btc", metrics="BlkCnt",
               frequency="1d", start_time="2025-12-01", end_time="2025-12-31", page_size="20",
               next_page_token=page["next_page_token"]).json()
    assert len(rest["data"]) == 11 and "next_page_token" not in rest
    assert rest["data"][-1]["time"].startswith("2025-12-31")


def test_paths_cannot_escape_the_snapshot(snapshot_server):
    resp = requests.get(f"{snapshot_server.url}/../../etc/passwd", timeout=5)
    assert resp.status_code == 404
    resp = requests.get(f"{snapshot_server.url}/%2e%2e/%2e%2e/etc/passwd", timeout=5)
    assert resp.status_code == 404


def test_sec_paths_demand_a_declared_user_agent(snapshot_server):
    resp = requests.get(f"{snapshot_server.url}/sec-data/submissions/CIK0001167419.json",
                        headers={"User-Agent": "python-requests/2.34"}, timeout=5)
    assert resp.status_code == 403 and b"Undeclared Automated Tool" in resp.content


def test_rate_ceiling_refuses_bursts():
    with SnapshotServer(SNAPSHOT, ceilings=[RateCeiling("/mempool", 3)]) as server:
        codes = [get(server, "/mempool/api/v1/mining/hashrate/1m").status_code for _ in range(6)]
        assert codes[:3] == [200, 200, 200] and 429 in codes[3:]
        assert server.ceilings[0].refused >= 1


def test_routes_file_is_valid_json_with_as_of():
    routes = json.loads((SNAPSHOT / "routes.json").read_text())
    assert routes["as_of"].startswith("2026-01-02")
    assert all("file" in r and (SNAPSHOT / r["file"]).is_file() for r in routes["routes"])
