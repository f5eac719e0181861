"""Discovery through real HTTP against the snapshot served on loopback, with injected faults."""
from __future__ import annotations

from datetime import date

import pytest

from extractors.archive import Archive
from extractors.edgar.discovery import discover
from extractors.edgar.filing_index import IndexUnavailable, fetch_filing_index
from extractors.edgar.registry import miner_by_ticker
from extractors.http import HttpClient
from extractors.snapshot_server import Fault
from tests.edgar_support import SEC_WWW, client, make_settings, server  # noqa: F401 (fixtures)
from transforms.edgar import DocumentSignals, classifier_from_predicates

RIOT = miner_by_ticker("RIOT")
RIOT_DEC_2025 = "0001558370-26-000309"
WINDOW = (date(2025, 7, 1), date(2026, 4, 30))


def _riot(client, **kwargs):
    return discover(client, RIOT, *WINDOW, **kwargs)


def test_riot_window_finds_every_press_release_and_filters_the_rest(client, server):
    found = _riot(client)
    assert found.failures == []
    kinds = [(f.filing.filing_date.isoformat(), f.kinds) for f in found.filings]
    assert kinds == [
        ("2025-08-05", ("production",)), ("2025-09-04", ("production",)), ("2025-10-03", ("production",)),
        ("2025-10-30", ("results",)), ("2025-11-04", ("production",)), ("2025-12-03", ("production",)),
        ("2026-01-07", ("production",)), ("2026-03-02", ("results",)), ("2026-04-07", ("production",)),
    ]
    # The Item 5.02 8-K, two 10-Qs, the 10-K and a Form 4 are listed but never indexed or fetched.
    assert len(found.not_candidates) == 5
    assert all(f.accession not in found.not_candidates for f in found.filings)
    # The July report sits on the older submissions page: the backfill start predates `recent`.
    assert server.request_count(r"CIK0001167419-submissions-001\.json$") == 1
    for accession in found.not_candidates:
        assert server.request_count(accession.replace("-", "")) == 0


def test_december_2025_report_is_fetched_archived_and_classified(client):
    found = _riot(client)
    (dec,) = [f for f in found.filings if f.accession == RIOT_DEC_2025]
    (doc,) = dec.documents
    assert doc.type == "EX-99.1" and doc.filename == "riot-20260107xex99d1.htm" and doc.kind == "production"
    assert doc.title == "Riot Reports 460 Bitcoin Produced in December 2025"
    assert doc.url.endswith("/sec-www/Archives/edgar/data/1167419/000155837026000309/riot-20260107xex99d1.htm")
    on_disk = (SEC_WWW / "1167419" / "000155837026000309" / "riot-20260107xex99d1.htm").read_bytes()
    assert doc.response.body == on_disk
    assert client.archive.get(doc.document_hash) == on_disk
    assert dec.index.source == "index-headers" and dec.filing.items == ("7.01", "9.01")


def test_quarterly_update_replaces_monthly_reports_in_2026(client):
    found = _riot(client)
    production_2026 = [f for f, d in found.documents("production") if f.filing.filing_date.year == 2026]
    assert [f.filing.filing_date for f in production_2026] == [date(2026, 1, 7), date(2026, 4, 7)]
    assert "First Quarter 2026" in production_2026[1].documents[0].title


def test_refresh_window_does_not_page(client, server):
    found = discover(client, RIOT, date(2025, 12, 1), date(2026, 1, 31))
    assert [f.accession for f in found.filings][-1] == RIOT_DEC_2025
    assert server.request_count(r"submissions-001\.json$") == 0


def test_already_loaded_accessions_are_not_fetched_again(client, server):
    first = _riot(client)
    seen = [f.accession for f in first.filings]
    www_before = server.request_count(r"^/sec-www/")
    again = _riot(client, seen_accessions=[a.replace("-", "") for a in seen])  # either spelling
    assert again.filings == [] and sorted(again.already_seen) == sorted(seen)
    assert server.request_count(r"^/sec-www/") == www_before  # only submissions were asked for


def test_archived_documents_are_never_downloaded_again(client, server, tmp_path):
    _riot(client)
    www_before = server.request_count(r"^/sec-www/")
    # A later run with the same archive but no record of what was loaded (e.g. a fresh warehouse).
    again = _riot(HttpClient(client.settings, Archive(client.settings.archive_path)))
    assert len(again.filings) == 9
    assert server.request_count(r"^/sec-www/") == www_before
    assert all(d.response.attempts == 0 for f in again.filings for d in f.documents)


def test_headers_page_missing_falls_back_to_index_htm(client, server):
    server.add_fault(Fault(path_regex=rf"{RIOT_DEC_2025}-index-headers\.html$", kind="status", status=404, times=-1))
    found = discover(client, RIOT, date(2026, 1, 1), date(2026, 1, 31))
    (dec,) = found.filings
    assert dec.index.source == "index-htm"
    assert dec.documents[0].filename == "riot-20260107xex99d1.htm" and dec.documents[0].kind == "production"


def test_both_index_pages_failing_is_one_failure_not_a_crash(client, server):
    server.add_fault(Fault(path_regex=rf"{RIOT_DEC_2025}-index", kind="status", status=404, times=-1))
    found = discover(client, RIOT, date(2025, 12, 1), date(2026, 1, 31))
    assert [f.filing.filing_date for f in found.filings] == [date(2025, 12, 3)]
    (failure,) = found.failures
    assert failure.accession == RIOT_DEC_2025
    assert "IndexUnavailable" in failure.reason and "index-headers" in failure.reason and "index-htm" in failure.reason
    with pytest.raises(IndexUnavailable):
        fetch_filing_index(client, RIOT.cik, RIOT_DEC_2025)


def test_429_with_retry_after_is_honoured(server, tmp_path):
    sleeps: list[float] = []
    settings = make_settings(tmp_path, server.url)
    client = HttpClient(settings, Archive(settings.archive_path), sleep=sleeps.append)
    server.add_fault(Fault(path_regex=r"CIK0001167419\.json$", kind="status", status=429, retry_after="7", times=1))
    found = discover(client, RIOT, date(2026, 1, 1), date(2026, 1, 31))
    assert [f.accession for f in found.filings] == [RIOT_DEC_2025]
    assert 7.0 in sleeps
    assert client.stats.retries["sec"] == 1


def test_500_burst_on_an_exhibit_is_retried(client, server):
    server.add_fault(Fault(path_regex=r"riot-20260107xex99d1\.htm$", kind="status", status=500, times=3))
    found = discover(client, RIOT, date(2026, 1, 1), date(2026, 1, 31))
    (dec,) = found.filings
    assert dec.documents[0].response.attempts == 4 and found.failures == []


def test_persistent_500_quarantines_only_that_filing(client, server):
    server.add_fault(Fault(path_regex=r"riot-20260107xex99d1\.htm$", kind="status", status=503, times=-1))
    found = discover(client, RIOT, date(2025, 12, 1), date(2026, 1, 31))
    assert [f.filing.filing_date for f in found.filings] == [date(2025, 12, 3)]
    (failure,) = found.failures
    assert failure.accession == RIOT_DEC_2025 and "RetriesExhausted" in failure.reason
    assert failure.url.endswith("riot-20260107xex99d1.htm")
    # Nothing was archived for the failed document: the next run tries it again.
    assert client.archive.latest(failure.url) is None


def test_truncated_body_is_fetched_again_whole(client, server):
    server.add_fault(Fault(path_regex=r"riot-20260107xex99d1\.htm$", kind="truncate", times=1))
    found = discover(client, RIOT, date(2026, 1, 1), date(2026, 1, 31))
    doc = found.filings[0].documents[0]
    assert doc.response.attempts == 2
    assert doc.response.body == (SEC_WWW / "1167419" / "000155837026000309" / doc.filename).read_bytes()


def test_garbled_submissions_are_fetched_again(client, server):
    server.add_fault(Fault(path_regex=r"CIK0001167419\.json$", kind="malformed", body=b"{not json", times=1))
    found = discover(client, RIOT, date(2026, 1, 1), date(2026, 1, 31))
    assert [f.accession for f in found.filings] == [RIOT_DEC_2025]
    assert server.request_count(r"CIK0001167419\.json$") == 2


def test_six_k_filers_and_the_form_switch(client):
    iren = discover(client, miner_by_ticker("IREN"), date(2025, 6, 1), date(2025, 10, 31))
    forms = [(f.filing.form, f.kinds) for f in iren.filings]
    # the June 2025 3.50% notes pricing and the June update, both filed as a foreign private issuer
    assert forms[:2] == [("6-K", ("debt",)), ("6-K", ("production",))]
    assert ("8-K", ("debt",)) in forms           # the $875M convertible notes pricing
    assert all(form == "8-K" for form, _ in forms[2:])
    bitdeer = discover(client, miner_by_ticker("BTDR"), date(2025, 7, 1), date(2026, 1, 31))
    assert [k for f in bitdeer.filings for k in f.kinds].count("production") == 6
    assert [k for f in bitdeer.filings for k in f.kinds].count("other") == 1
    assert all(f.filing.form == "6-K" and f.filing.items == () for f in bitdeer.filings)


def test_cover_only_8k_is_skipped_and_items_filter(client):
    corz = discover(client, miner_by_ticker("CORZ"), date(2025, 7, 1), date(2025, 12, 31))
    assert [f.kinds for f in corz.filings] == [("results",), ("results",)]
    assert len(corz.not_candidates) == 3  # the Item 5.07 meeting 8-K and two 10-Qs


def test_classifier_is_pluggable(client):
    everything_is_debt = classifier_from_predicates([("debt", lambda s: isinstance(s, DocumentSignals))])
    found = discover(client, RIOT, date(2026, 1, 1), date(2026, 4, 30), classifier=everything_is_debt)
    assert {d.kind for _, d in found.documents()} == {"debt"}


def test_every_registered_miner_has_snapshot_submissions(client):
    from extractors.edgar.registry import load_registry

    for miner in load_registry():
        found = discover(client, miner, date(2025, 7, 1), date(2026, 4, 30))
        assert found.failures == [], miner.ticker
        assert found.documents(), miner.ticker



def test_each_filing_is_handed_over_as_soon_as_it_is_read(client, server):
    # The caller parses and loads a filing while the next ones are still to be fetched under the rate
    # limit: when a filing is handed over, no later filing of the window has been requested yet.
    handed = []

    def on_filing(filing):
        requested = {r["path"] for r in server.requests}
        handed.append((filing.accession, requested))

    found = _riot(client, on_filing=on_filing)
    accessions = [f.accession for f in found.filings]
    assert [a for a, _ in handed] == accessions and len(accessions) == 9
    for k, (accession, requested) in enumerate(handed):
        assert any(accession.replace("-", "") in path for path in requested)
        later = [a.replace("-", "") for a in accessions[k + 1:]]
        assert not any(a in path for a in later for path in requested)
