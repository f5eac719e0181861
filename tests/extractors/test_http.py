"""The shared HTTP client against a real loopback server that misbehaves on purpose."""
from __future__ import annotations

import time

import pytest

from extractors.archive import Archive
from extractors.http import FatalHTTPError, HttpClient, RateLimiter, RetriesExhausted, full_url, parse_retry_after
from extractors.settings import ConfigError, Settings
from extractors.snapshot_server import Fault

PRICES = "/mempool/api/v1/historical-price"


@pytest.fixture
def client(settings, tmp_path):
    sleeps: list[float] = []
    http = HttpClient(settings, Archive(tmp_path / "archive"), sleep=lambda s: sleeps.append(s) or time.sleep(min(s, 0.01)))
    http.sleeps = sleeps
    return http


def prices_url(server) -> str:
    return f"{server.url}{PRICES}"


def test_ok_response_is_archived_once_by_hash(client, snapshot_server):
    first = client.get("mempool", prices_url(snapshot_server), {"currency": "USD"}, endpoint="prices")
    assert first.status == 200 and first.json()["prices"]
    assert client.archive.get(first.document_hash) == first.body
    entries = client.archive.entries()
    assert [e.url for e in entries] == [first.url]
    assert entries[0].etag and entries[0].content_type == "application/json"


def test_conditional_get_returns_archived_body_on_304(client, snapshot_server):
    first = client.get("mempool", prices_url(snapshot_server), {"currency": "USD"}, endpoint="prices")
    second = client.get("mempool", prices_url(snapshot_server), {"currency": "USD"}, endpoint="prices")
    assert second.not_modified and second.status == 304
    assert second.body == first.body and second.document_hash == first.document_hash
    sent = snapshot_server.requests[-1]["headers"]
    assert sent.get("If-None-Match") == client.archive.latest(first.url).etag
    assert client.stats.not_modified["mempool"] == 1


def test_429_honours_retry_after(client, snapshot_server):
    snapshot_server.add_fault(Fault(PRICES, "status", status=429, retry_after="1", times=2))
    resp = client.get("mempool", prices_url(snapshot_server), {"currency": "USD"})
    assert resp.status == 200 and resp.attempts == 3
    assert client.sleeps[:2] == [1.0, 1.0]  # waited what the server asked, not the backoff


def test_burst_of_5xx_is_retried_with_backoff(client, snapshot_server):
    snapshot_server.add_fault(Fault(PRICES, "status", status=503, times=3))
    resp = client.get("mempool", prices_url(snapshot_server), {"currency": "USD"})
    assert resp.status == 200 and resp.attempts == 4
    assert client.stats.retries["mempool"] == 3


def test_persistent_5xx_exhausts_attempts(client, snapshot_server, settings):
    snapshot_server.add_fault(Fault(PRICES, "status", status=500, times=-1))
    with pytest.raises(RetriesExhausted, match="HTTP 500"):
        client.get("mempool", prices_url(snapshot_server), {"currency": "USD"})
    assert snapshot_server.request_count(PRICES) == settings.max_attempts


def test_timeout_is_retried(client, snapshot_server, settings):
    snapshot_server.add_fault(Fault(PRICES, "stall", seconds=settings.read_timeout_s + 1, times=1))
    resp = client.get("mempool", prices_url(snapshot_server), {"currency": "USD"})
    assert resp.status == 200 and resp.attempts == 2


def test_connection_reset_is_retried(client, snapshot_server):
    snapshot_server.add_fault(Fault(PRICES, "reset", times=2))
    resp = client.get("mempool", prices_url(snapshot_server), {"currency": "USD"})
    assert resp.status == 200 and resp.attempts == 3


def test_truncated_body_is_retried_and_never_archived(client, snapshot_server):
    snapshot_server.add_fault(Fault(PRICES, "truncate", times=1))
    resp = client.get("mempool", prices_url(snapshot_server), {"currency": "USD"})
    assert resp.attempts == 2
    resp.json()  # the archived body is the whole document
    assert len(client.archive.entries()) == 1


def test_404_is_fatal_without_retry(client, snapshot_server):
    with pytest.raises(FatalHTTPError, match="HTTP 404"):
        client.get("mempool", f"{snapshot_server.url}/mempool/api/v1/no-such-endpoint")
    assert snapshot_server.request_count("no-such-endpoint") == 1


def test_sec_requires_a_declared_identity(settings):
    client = HttpClient(settings, Archive(settings.archive_path))
    with pytest.raises(ConfigError, match="MINERWATCH_SEC_NAME"):
        client.get("sec", "https://data.sec.gov/submissions/CIK0001167419.json")


def test_sec_user_agent_is_declared(live_settings, snapshot_server, tmp_path):
    client = HttpClient(live_settings, Archive(tmp_path / "a"))
    with pytest.raises(FatalHTTPError):  # no such file in the snapshot: 404, but the UA got through
        client.get("sec", f"{live_settings.sec_data_base_url}/submissions/CIK0000000000.json")
    assert snapshot_server.requests[-1]["headers"]["User-Agent"] == "minerwatch tests tests@example.org"


def test_sec_rate_threshold_page_is_retriable(client):
    assert HttpClient._is_retriable(403, b"<html>Request Rate Threshold Exceeded</html>")
    assert not HttpClient._is_retriable(403, b"<html>Undeclared Automated Tool</html>")
    assert not HttpClient._is_retriable(404, b"")


def test_rate_limiter_spaces_requests():
    clock = [0.0]
    slept = []

    def sleep(s):
        slept.append(s)
        clock[0] += s

    limiter = RateLimiter(10.0, clock=lambda: clock[0], sleep=sleep)
    for _ in range(5):
        limiter.acquire()
    assert slept == pytest.approx([0.1, 0.1, 0.1, 0.1])


def test_retry_after_forms():
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412480.0) == pytest.approx(0.0)
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412420.0) == pytest.approx(60.0)
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def test_full_url_is_stable():
    assert full_url("http://h/x", {"b": "2", "a": "1", "skip": None}) == "http://h/x?a=1&b=2"
    assert full_url("http://h/x", None) == "http://h/x"


def test_settings_point_every_source_at_one_mirror():
    s = Settings().with_base_url("http://127.0.0.1:9")
    assert s.mempool_base_url == "http://127.0.0.1:9/mempool/api"
    assert s.sec_www_base_url == "http://127.0.0.1:9/sec-www"
    assert s.sec_user_agent().endswith("offline@localhost")
