"""URL builders: live hosts and the offline mirror give the same paths."""
from __future__ import annotations

import pytest

from extractors.edgar import urls
from extractors.settings import Settings


@pytest.fixture
def live():
    return Settings(_env_file=None)


def test_cik_and_accession_spellings():
    assert urls.cik10(1167419) == "0001167419"
    assert urls.cik10("0000827876") == "0000827876"
    assert urls.cik_int("0000827876") == 827876
    assert urls.accession_dashed("000155837026000309") == "0001558370-26-000309"
    assert urls.accession_nodash("0001558370-26-000309") == "000155837026000309"
    for bad in ("12345678901", "CIK1", ""):
        with pytest.raises(ValueError):
            urls.cik10(bad)
    with pytest.raises(ValueError, match="not an accession"):
        urls.accession_dashed("0001558370-26-0003")


def test_live_urls(live):
    assert urls.submissions_url(live, 1167419) == "https://data.sec.gov/submissions/CIK0001167419.json"
    assert (urls.submissions_page_url(live, "CIK0001050446-submissions-001.json")
            == "https://data.sec.gov/submissions/CIK0001050446-submissions-001.json")
    assert urls.companyfacts_url(live, "827876") == "https://data.sec.gov/api/xbrl/companyfacts/CIK0000827876.json"
    folder = "https://www.sec.gov/Archives/edgar/data/827876/000119312524123456"
    assert urls.filing_folder_url(live, "0000827876", "0001193125-24-123456") == folder
    assert urls.filing_index_url(live, 827876, "0001193125-24-123456") == f"{folder}/0001193125-24-123456-index.htm"
    assert (urls.filing_index_headers_url(live, 827876, "000119312524123456")
            == f"{folder}/0001193125-24-123456-index-headers.html")
    assert urls.filing_index_json_url(live, 827876, "0001193125-24-123456") == f"{folder}/index.json"
    assert urls.full_submission_url(live, 827876, "0001193125-24-123456") == f"{folder}/0001193125-24-123456.txt"
    assert urls.document_url(live, 827876, "0001193125-24-123456", "clsk-ex99_1.htm") == f"{folder}/clsk-ex99_1.htm"


def test_offline_mirror_keeps_the_paths(live):
    offline = live.with_base_url("http://127.0.0.1:8123/")
    assert urls.submissions_url(offline, 1167419) == "http://127.0.0.1:8123/sec-data/submissions/CIK0001167419.json"
    assert (urls.filing_index_url(offline, 1167419, "0001558370-26-000309")
            == "http://127.0.0.1:8123/sec-www/Archives/edgar/data/1167419/000155837026000309/0001558370-26-000309-index.htm")


def test_document_names_cannot_escape_the_folder(live):
    for bad in ("../x.htm", "a/b.htm", "", ".."):
        with pytest.raises(ValueError):
            urls.document_url(live, 1, "0001558370-26-000309", bad)
    with pytest.raises(ValueError):
        urls.submissions_page_url(live, "../CIK1.json")
