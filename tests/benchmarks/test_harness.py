"""Server-side request counting, as the benchmarks use it: every request is logged (refused ones
too), the ceiling refuses what exceeds the rate in any 1 s window, and paths map to the kinds
the benchmarks count."""
from __future__ import annotations

import requests

from benchmarks.harness import endpoint_of, median, serve, summary_counts
from tests.conftest import SNAPSHOT


def test_the_server_counts_every_request_and_refuses_above_the_ceiling():
    with serve(SNAPSHOT, sec_ceiling_per_s=5) as server:
        url = f"{server.url}/sec-data/submissions/CIK0001167419.json"
        with requests.Session() as s:
            statuses = [s.get(url, headers={"User-Agent": "bench tests@example.org"}).status_code for _ in range(8)]
            other = s.get(f"{server.url}/blockchain/charts/difficulty").status_code
        assert statuses.count(200) == 5 and statuses.count(429) == 3  # 8 in well under a second
        assert other == 200  # the ceiling covers SEC paths only
        assert server.request_count("^/sec-") == 8 and server.ceilings[0].refused == 3
        assert [endpoint_of(r["path"]) for r in server.requests] == ["sec:submissions"] * 8 + ["blockchain:difficulty"]


def test_endpoint_kinds_and_summary_parsing():
    base = "/sec-www/Archives/edgar/data/2100001/000114036126012135"
    assert endpoint_of(f"{base}/0001140361-26-012135-index-headers.html") == "sec:filing-index"
    assert endpoint_of(f"{base}/ex99-1.htm") == "sec:document"
    assert endpoint_of("/sec-data/submissions/CIK0002100001-submissions-001.json") == "sec:submissions-page"
    assert endpoint_of("/sec-data/api/xbrl/companyfacts/CIK0002100001.json") == "xbrl:companyfacts"
    out = ("run x: partial\n  sec               261 requests   126 documents         0 rows read     1,048 changed  "
           "last day 2026-04-29\n")
    assert summary_counts(out) == {"sec": {"requests": 261, "documents": 126, "rows_read": 0, "rows_changed": 1048}}
    assert median([3, 1, 2]) == 2 and median([4, 1, 2, 3]) == 2.5
