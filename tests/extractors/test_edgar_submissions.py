"""Submissions and companyfacts over real HTTP; the live-mode identity check."""
from __future__ import annotations

from datetime import date

import pytest

from extractors.archive import Archive
from extractors.edgar.companyfacts import fetch_companyfacts
from extractors.edgar.discovery import discover
from extractors.edgar.registry import miner_by_ticker
from extractors.edgar.submissions import fetch_submissions
from extractors.http import HttpClient
from extractors.settings import ConfigError, Settings
from extractors.snapshot_server import Fault
from tests.edgar_support import client, server  # noqa: F401 (fixtures)
from transforms.edgar import parse_companyfacts_header


def test_recent_only_without_a_backfill_start(client, server):
    fetched = fetch_submissions(client, 1167419)
    assert fetched.pages_fetched == ()
    assert fetched.submissions.name == "Riot Platforms, Inc."
    assert fetched.filings[0].filing_date == date(2026, 4, 7)
    assert min(f.filing_date for f in fetched.filings) == date(2025, 9, 4)
    assert server.request_count(r"submissions-001") == 0


def test_backfill_start_before_recent_reads_the_older_page(client, server):
    fetched = fetch_submissions(client, "0001167419", since=date(2025, 1, 1))
    assert fetched.pages_fetched == ("CIK0001167419-submissions-001.json",)
    dates = [f.filing_date for f in fetched.filings]
    assert dates == sorted(dates, reverse=True)
    assert min(dates) == date(2024, 12, 9)  # the page holds Riot's December 2024 notes releases
    assert len({f.accession for f in fetched.filings}) == len(fetched.filings) == 21
    assert len(fetched.responses) == 2


def test_a_page_entirely_older_than_the_start_is_skipped(client, server):
    # Riot's page runs 2024-12-09..2025-08-05; a start after it needs no page even though it
    # predates the oldest recent filing (2025-09-04).
    fetched = fetch_submissions(client, 1167419, since=date(2025, 8, 20))
    assert fetched.pages_fetched == ()


def test_submissions_are_revalidated_by_conditional_get(client, server):
    first = fetch_submissions(client, 827876)
    second = fetch_submissions(client, 827876)
    assert not first.responses[0].not_modified
    assert second.responses[0].not_modified and second.responses[0].status == 304
    assert second.filings == first.filings
    last = [r for r in server.requests if r["path"].endswith("CIK0000827876.json")][-1]
    assert last["headers"].get("If-None-Match")


def test_declared_user_agent_is_sent(client, server):
    fetch_submissions(client, 827876)
    agent = server.requests[-1]["headers"]["User-Agent"]
    assert "@" in agent


def test_live_mode_without_sec_identity_fails_fast(server, tmp_path, monkeypatch):
    monkeypatch.delenv("MINERWATCH_SEC_NAME", raising=False)
    monkeypatch.delenv("MINERWATCH_SEC_EMAIL", raising=False)
    # Live-mode settings (no with_base_url, which fills in an offline identity), pointed at the
    # loopback server so that a request, if one were made, would be seen.
    settings = Settings(_env_file=None, db=tmp_path / "mw.duckdb", sec_data_base_url=f"{server.url}/sec-data",
                        sec_www_base_url=f"{server.url}/sec-www")
    client = HttpClient(settings, Archive(settings.archive_path))
    with pytest.raises(ConfigError, match="MINERWATCH_SEC_NAME and MINERWATCH_SEC_EMAIL"):
        fetch_submissions(client, 1167419)
    with pytest.raises(ConfigError):
        discover(client, miner_by_ticker("RIOT"), date(2025, 1, 1), date(2025, 12, 31))
    with pytest.raises(ConfigError):
        fetch_companyfacts(client, 1167419)
    assert server.request_count(r"^/sec-") == 0


def test_companyfacts_fetch_revalidate_and_absent(client, server):
    response = fetch_companyfacts(client, 1167419)
    header = parse_companyfacts_header(response.body)
    assert header.cik == 1167419 and header.entity_name == "RIOT PLATFORMS, INC."
    assert fetch_companyfacts(client, 1167419).not_modified
    assert fetch_companyfacts(client, 1899123) is None  # no companyfacts in the snapshot: 404


def test_garbled_companyfacts_are_fetched_again(client, server):
    server.add_fault(Fault(path_regex=r"companyfacts/CIK0001167419\.json$", kind="malformed", body=b"<html>", times=1))
    response = fetch_companyfacts(client, 1167419)
    assert parse_companyfacts_header(response.body).cik == 1167419
    assert server.request_count(r"companyfacts") == 2
