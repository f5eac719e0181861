"""Pure EDGAR parsers: submissions (real samples and the snapshot), filing indexes, classification."""
from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from tests.edgar_support import SEC_DATA, SEC_WWW, shared_sec_dir
from transforms.edgar import (
    DocumentSignals,
    Filing,
    FilingDocument,
    FilingIndex,
    classifier_from_predicates,
    classify_press_release,
    document_headline,
    document_text,
    exhibit_number,
    is_candidate,
    parse_companyfacts_header,
    parse_filing_index_htm,
    parse_index_headers,
    parse_index_json,
    parse_submissions,
    parse_submissions_page,
    press_release_exhibits,
    signals_for,
    split_items,
)
from transforms.errors import ParseError

RIOT_DEC_2025 = "0001558370-26-000309"


def _folder(cik: int, accession: str):
    return SEC_WWW / str(cik) / accession.replace("-", "")


# --- submissions: real samples ---------------------------------------------------------------------
def test_real_strategy_submissions_current_layout():
    body = (shared_sec_dir() / "submissions_CIK0001050446_MSTR_2026-01.json").read_bytes()
    subs = parse_submissions(body)
    assert subs.cik == 1050446 and subs.name == "Strategy Inc"
    assert len(subs.filings) == 1000
    first = subs.filings[0]
    assert first.accession == "0001193125-26-016002"
    assert first.form == "8-K" and first.items == ("7.01", "8.01")
    assert first.filing_date == date(2026, 1, 20)
    # The "Z" is US Eastern wall clock for this filer: kept naive, never converted.
    assert first.acceptance_datetime == datetime(2026, 1, 20, 8, 0, 28)
    assert first.primary_document == "mstr-20260105.htm" and first.is_inline_xbrl
    assert subs.older_pages[0].name == "CIK0001050446-submissions-001.json"
    assert subs.older_pages[0].filing_to == date(2015, 5, 11)
    ten_q = next(f for f in subs.filings if f.form == "10-Q")
    assert ten_q.items == () and ten_q.report_date is not None
    assert sum(is_candidate(f) for f in subs.filings) > 100


def test_real_murphy_oil_submissions_old_layout():
    body = (shared_sec_dir() / "submissions_CIK0000717423_MurphyOil_2022-08.json").read_bytes()
    doc = json.loads(body)
    assert "ownerOrg" not in doc and "core_type" not in doc["filings"]["recent"]
    assert doc["cik"] == "717423"  # not zero padded in this older file
    subs = parse_submissions(body)
    assert subs.cik == 717423
    eight_k = next(f for f in subs.filings if f.form == "8-K")
    assert eight_k.items == ("8.01", "9.01") and eight_k.primary_document == "dp178670_8k.htm"


def test_real_companyfacts_header():
    header = parse_companyfacts_header((shared_sec_dir() / "companyfacts_CIK0001050446_MSTR.json").read_bytes())
    assert header.cik == 1050446 and header.entity_name == "STRATEGY INC"
    assert header.taxonomies == ("dei", "invest", "us-gaap")
    assert header.concept_count > 400


def test_real_cover_documents_have_no_press_release_headline_trap():
    cover = (shared_sec_dir() / "6-K_BitFuFu_2025-12-05_cover-doc.htm").read_bytes()
    assert not document_headline(cover).upper().startswith(("UNITED STATES", "SECURITIES"))
    assert "For the month of December 2025" in document_text(cover)


# --- submissions: the project's snapshot ----------------------------------------------------------
def test_snapshot_riot_submissions_and_older_page():
    subs = parse_submissions((SEC_DATA / "submissions" / "CIK0001167419.json").read_bytes())
    assert subs.cik == 1167419 and subs.tickers == ("RIOT",)
    dec = next(f for f in subs.filings if f.accession == RIOT_DEC_2025)
    assert dec.form == "8-K" and dec.items == ("7.01", "9.01") and dec.filing_date == date(2026, 1, 7)
    assert [f.filing_date for f in subs.filings] == sorted((f.filing_date for f in subs.filings), reverse=True)
    (page,) = subs.older_pages
    rows = parse_submissions_page((SEC_DATA / "submissions" / page.name).read_bytes(), subs.cik)
    assert len(rows) == page.filing_count == 9  # 5 periodic/Form 4/production + 4 debt filings
    assert all(r.filing_date <= page.filing_to for r in rows)
    assert {r.form for r in rows} == {"10-K", "10-Q", "4", "8-K"}


def test_snapshot_6k_rows_have_no_items_and_no_report_date():
    subs = parse_submissions((SEC_DATA / "submissions" / "CIK0001899123.json").read_bytes())
    six_k = [f for f in subs.filings if f.form == "6-K"]
    assert len(six_k) == 16  # July 2025 to March 2026 updates, one other 6-K, 6 debt releases
    assert all(f.items == () and f.report_date is None and is_candidate(f) for f in six_k)


@pytest.mark.parametrize("body, reason", [
    (b"<html>Request Rate Threshold Exceeded</html>", "not JSON"),
    (b'{"cik": "1", "name": "x"}', "no 'filings'"),
    (b'{"cik": "x1", "filings": {"recent": {}}}', "is not a number"),
    (b'{"cik": "1", "filings": {"recent": {"accessionNumber": []}}}', "no 'filingDate' array"),
    (b'{"cik": "1", "filings": {"recent": {"accessionNumber": ["0000000001-25-000001"], "filingDate": [],'
     b' "form": ["8-K"]}}}', "has 0 rows"),
    (b'{"cik": "1", "filings": {"recent": {"accessionNumber": ["bogus"], "filingDate": ["2025-01-01"],'
     b' "form": ["8-K"]}}}', "row 0"),
])
def test_bad_submissions_raise_parse_error_with_reason(body, reason):
    with pytest.raises(ParseError, match=reason):
        parse_submissions(body)


def test_submissions_page_is_bare_arrays_and_a_full_file_is_tolerated():
    page = {"accessionNumber": ["0000000001-14-000001"], "filingDate": ["2014-03-03"], "form": ["8-K"],
            "items": ["2.02,9.01"], "acceptanceDateTime": ["2014-03-03T16:05:00.000Z"]}
    (row,) = parse_submissions_page(json.dumps(page).encode(), cik=1)
    assert row.cik == 1 and row.items == ("2.02", "9.01") and row.report_date is None and row.size_bytes is None
    full = {"cik": "0000000001", "name": "x", "filings": {"recent": page, "files": []}}
    assert parse_submissions_page(json.dumps(full).encode(), cik=1) == (row,)


def test_split_items():
    assert split_items("7.01,8.01") == ("7.01", "8.01")
    assert split_items("") == () and split_items(None) == ()
    assert split_items("2.02, 9.01") == ("2.02", "9.01")


# --- filing indexes ---------------------------------------------------------------------------------
def test_index_headers_page_from_snapshot():
    folder = _folder(1167419, RIOT_DEC_2025)
    index = parse_index_headers((folder / f"{RIOT_DEC_2025}-index-headers.html").read_bytes())
    assert index.source == "index-headers" and index.accession == RIOT_DEC_2025
    assert index.form == "8-K" and index.items == ("7.01", "9.01")
    assert index.filing_date == date(2026, 1, 7) and index.accepted_local == datetime(2026, 1, 7, 8, 30, 55)
    (exhibit,) = press_release_exhibits(index)
    assert (exhibit.type, exhibit.filename, exhibit.sequence) == ("EX-99.1", "riot-20260107xex99d1.htm", 2)
    assert index.documents[0].type == "8-K" and index.documents[0].size_bytes is None


def test_index_htm_page_from_snapshot_strips_ix_viewer_and_reads_utc():
    folder = _folder(1167419, RIOT_DEC_2025)
    index = parse_filing_index_htm((folder / f"{RIOT_DEC_2025}-index.htm").read_bytes())
    assert index.source == "index-htm" and index.form == "8-K" and index.items == ("7.01", "9.01")
    assert index.documents[0].filename == "riot-20260107x8k.htm"  # href was /ix?doc=/Archives/...
    assert index.accepted_local == datetime(2026, 1, 7, 8, 30, 55)
    assert index.accepted_utc == datetime(2026, 1, 7, 13, 30, 55)  # Last-Modified meta, GMT (EST = UTC-5)
    assert index.period_of_report == date(2026, 1, 7)
    assert {d.type for d in index.documents} >= {"EX-99.1", "EX-101.SCH", "XML"}
    assert press_release_exhibits(index)[0].size_bytes > 1000


def test_summer_acceptance_converts_with_daylight_time():
    subs = parse_submissions((SEC_DATA / "submissions" / "CIK0001878848.json").read_bytes())
    pricing = next(f for f in subs.filings if f.filing_date == date(2025, 10, 9))
    folder = _folder(1878848, pricing.accession)
    index = parse_filing_index_htm((folder / f"{pricing.accession}-index.htm").read_bytes())
    assert index.accepted_local == datetime(2025, 10, 9, 7, 32, 6)
    assert index.accepted_utc == datetime(2025, 10, 9, 11, 32, 6)  # EDT = UTC-4
    assert pricing.acceptance_datetime == index.accepted_local


def test_6k_index_has_no_items():
    subs = parse_submissions((SEC_DATA / "submissions" / "CIK0001720424.json").read_bytes())
    six_k = next(f for f in subs.filings if f.form == "6-K")
    folder = _folder(1720424, six_k.accession)
    for index in (parse_index_headers((folder / f"{six_k.accession}-index-headers.html").read_bytes()),
                  parse_filing_index_htm((folder / f"{six_k.accession}-index.htm").read_bytes())):
        assert index.form == "6-K" and index.items == ()
        assert [d.filename for d in press_release_exhibits(index)] == ["exhibit99-1.htm"]


HANDWRITTEN_HEADERS = b"""<HTML><HEAD><TITLE>SEC EDGAR Submission 0000000001-25-000042</TITLE>
<!--
<SEC-HEADER>0000000001-25-000042.hdr.sgml : 20250602
<ACCEPTANCE-DATETIME>20250602161502
<ACCESSION-NUMBER>0000000001-25-000042
<TYPE>8-K
<PUBLIC-DOCUMENT-COUNT>4
<PERIOD>20250530
<ITEMS>2.02
<ITEMS>7.01
<ITEMS>9.01
<FILING-DATE>20250602
</SEC-HEADER>
-->
</HEAD><BODY>
<PRE>&lt;SEC-DOCUMENT&gt;0000000001-25-000042-index.html : 20250602
ACCESSION NUMBER:\t\t0000000001-25-000042
&lt;DOCUMENT&gt;
&lt;TYPE&gt;8-K
&lt;SEQUENCE&gt;1
&lt;FILENAME&gt;x-20250530.htm
&lt;DESCRIPTION&gt;8-K
&lt;TEXT&gt;
<a href="x-20250530.htm">Document 1 - file: x-20250530.htm</a><br>
&lt;/DOCUMENT&gt;
&lt;DOCUMENT&gt;
&lt;TYPE&gt;EX-99.2
&lt;SEQUENCE&gt;3
&lt;FILENAME&gt;x-ex99_2.htm
&lt;DESCRIPTION&gt;SHAREHOLDER LETTER
&lt;TEXT&gt;
<a href="x-ex99_2.htm">Document 3 - file: x-ex99_2.htm</a><br>
&lt;/DOCUMENT&gt;
&lt;DOCUMENT&gt;
&lt;TYPE&gt;EX-99.1
&lt;SEQUENCE&gt;2
&lt;FILENAME&gt;x-ex99_1.htm
&lt;DESCRIPTION&gt;PRESS RELEASE
&lt;TEXT&gt;
<a href="x-ex99_1.htm">Document 2 - file: x-ex99_1.htm</a><br>
&lt;/DOCUMENT&gt;
&lt;DOCUMENT&gt;
&lt;TYPE&gt;XML
&lt;SEQUENCE&gt;9
&lt;FILENAME&gt;FilingSummary.xml
&lt;DESCRIPTION&gt;IDEA: XBRL DOCUMENT
&lt;TEXT&gt;
<a href="xsl/FilingSummary.xml">Document 9 - file: FilingSummary.html</a><br>
<a href="FilingSummary.xml">Document 9 - RAW XML: FilingSummary.xml</a><br>
&lt;/DOCUMENT&gt;
&lt;/SEC-DOCUMENT&gt;</PRE></BODY></HTML>
"""


def test_index_headers_several_items_two_exhibits_and_two_links():
    """A page written for the test in the real layout (one <ITEMS> line per item, documents out of
    sequence order, a document with two links)."""
    index = parse_index_headers(HANDWRITTEN_HEADERS)
    assert index.items == ("2.02", "7.01", "9.01") and index.period_of_report == date(2025, 5, 30)
    assert index.accepted_local == datetime(2025, 6, 2, 16, 15, 2)
    assert [d.filename for d in press_release_exhibits(index)] == ["x-ex99_1.htm", "x-ex99_2.htm"]
    assert index.documents[-1].filename == "FilingSummary.xml" and index.documents[-1].sequence == 9


def test_index_json_and_single_item_object():
    folder = _folder(1167419, RIOT_DEC_2025)
    names = parse_index_json((folder / "index.json").read_bytes())
    assert names[:3] == (f"{RIOT_DEC_2025}-index-headers.html", f"{RIOT_DEC_2025}-index.html", f"{RIOT_DEC_2025}.txt")
    assert "riot-20260107xex99d1.htm" in names
    single = b'{"directory":{"item":{"name":"a.htm","size":"1"},"name":"/x","parent-dir":"/"}}'
    assert parse_index_json(single) == ("a.htm",)
    with pytest.raises(ParseError, match="directory.item"):
        parse_index_json(b'{"directory":{}}')


def test_truncated_or_foreign_index_pages_raise():
    folder = _folder(1167419, RIOT_DEC_2025)
    headers = (folder / f"{RIOT_DEC_2025}-index-headers.html").read_bytes()
    with pytest.raises(ParseError, match="no <DOCUMENT> entries"):
        parse_index_headers(headers[: headers.index(b"&lt;DOCUMENT&gt;")])
    with pytest.raises(ParseError, match="no accession"):
        parse_index_headers(b"<html><body>Request Rate Threshold Exceeded</body></html>")
    page = (folder / f"{RIOT_DEC_2025}-index.htm").read_bytes()
    with pytest.raises(ParseError, match="no table.tableFile"):
        parse_filing_index_htm(page[: page.index(b'<table class="tableFile"')])
    with pytest.raises(ParseError, match="no accession"):
        parse_filing_index_htm(b"<html><title>Page not found</title></html>")


def test_press_release_exhibits_in_exhibit_order():
    def doc(seq, typ, name):
        return FilingDocument(sequence=seq, description="", filename=name, type=typ)

    index = FilingIndex(accession="0000000001-25-000001", source="index-htm", documents=(
        doc(1, "8-K", "cover.htm"), doc(2, "EX-99.2", "ex99-2.htm"), doc(3, "EX-99.01", "ex99-01.htm"),
        doc(4, "EX-99", "ex99.htm"), doc(5, "EX-99.CERT", "cert.htm"), doc(6, "EX-10.1", "ex10.htm"),
        doc(7, "GRAPHIC", "logo.jpg"), doc(8, "EX-99.1", "slides.pdf")))
    assert [d.filename for d in press_release_exhibits(index)] == ["ex99.htm", "ex99-01.htm", "ex99-2.htm"]
    assert exhibit_number("EX-99.01") == exhibit_number("ex-99.1") == (99, 1)
    assert exhibit_number("EX-99.SDR") is None


def test_candidate_forms_and_items():
    def filing(form, items=()):
        return Filing(cik=1, accession="0000000001-25-000001", form=form, filing_date=date(2025, 1, 2), items=items)

    assert is_candidate(filing("8-K", ("7.01", "9.01")))
    assert is_candidate(filing("8-K/A", ("2.02",)))
    assert is_candidate(filing("8-K", ("1.01", "2.03", "9.01")))
    assert not is_candidate(filing("8-K", ("5.02",)))
    assert not is_candidate(filing("8-K", ("5.07", "9.01")))
    assert is_candidate(filing("6-K"))
    assert not is_candidate(filing("10-Q"))
    assert not is_candidate(filing("4"))


# --- classification ----------------------------------------------------------------------------------
@pytest.mark.parametrize("title, kind", [
    ("Riot Reports 460 Bitcoin Produced in December 2025", "production"),
    ("CleanSpark Releases December 2025 Bitcoin Mining Update", "production"),
    ("IREN August 2025 Monthly Update", "production"),
    ("Bitdeer Announces October 2025 Production and Operations Update", "production"),
    ("MARA Announces Bitcoin Production and Mining Operation Updates for September 2025", "production"),
    ("IREN Prices $875 Million Convertible Notes Offering", "debt"),
    ("TeraWulf Inc. Announces Pricing of $3.2 Billion of 7.750% Senior Secured Notes due 2030", "debt"),
    ("Hut 8 Reports Third Quarter 2025 Results", "results"),
    ("Riot Platforms Reports Full Year 2025 Financial Results", "results"),
    ("MARA Holdings, Inc. Reports Third Quarter 2025 Results", "results"),
    ("Cipher Mining Signs 15-Year AI/HPC Lease with Amazon Web Services", "hpc"),
    ("Bitdeer to Report Third Quarter 2025 Financial Results on November 10, 2025", "other"),
    ("Cipher Mining to Host Conference Call on November 3, 2025", "other"),
    ("HIVE Digital Technologies Announces Results of Annual General Meeting", "other"),
])
def test_default_classifier_on_headlines(title, kind):
    assert classify_press_release(DocumentSignals(title=title)) == kind


def test_classifier_falls_back_to_text_then_items():
    lead = "The Company mined 512 bitcoin in May and held 3,004 BTC at month-end."
    assert classify_press_release(DocumentSignals(title="Monthly letter", text=lead)) == "production"
    # Boilerplate far down the text does not decide.
    tail = "x " * 600 + "high-performance computing and convertible senior notes"
    assert classify_press_release(DocumentSignals(title="Board news", text=tail)) == "other"
    assert classify_press_release(DocumentSignals(title="Board news", items=("2.02", "9.01"))) == "results"


def test_pluggable_predicates_win_then_fall_back():
    looks_like_debt = lambda s: "notes" in s.text  # noqa: E731
    classify = classifier_from_predicates([("debt", looks_like_debt)])
    assert classify(DocumentSignals(title="Riot Reports 460 Bitcoin Produced", text="new notes")) == "debt"
    assert classify(DocumentSignals(title="Riot Reports 460 Bitcoin Produced")) == "production"
    with pytest.raises(ValueError, match="unknown document kind"):
        classifier_from_predicates([("loans", looks_like_debt)])


def test_signals_of_a_snapshot_exhibit():
    body = (_folder(1167419, RIOT_DEC_2025) / "riot-20260107xex99d1.htm").read_bytes()
    signals = signals_for(body, description="EX-99.1", form="8-K", items=("7.01", "9.01"))
    assert signals.title == "Riot Reports 460 Bitcoin Produced in December 2025"
    assert "1,818" in signals.text and "Exhibit 99.1" in signals.text
    assert classify_press_release(signals) == "production"
    text = document_text(body)
    assert "$ 161.6 million" in text and "88,870" in text and "18,005" in text


def test_plain_text_documents():
    body = b"Exhibit 99.1\nIREN Prices $875 Million Convertible Notes Offering\nNEW YORK ..."
    assert document_headline(body) == "IREN Prices $875 Million Convertible Notes Offering"
    assert document_text(body).startswith("Exhibit 99.1 IREN")


def test_windows_1252_bodies_decode():
    body = "Riot\u2019s December 2025 update".encode("cp1252")
    assert document_text(body) == "Riot\u2019s December 2025 update"


def test_companyfacts_header_errors():
    with pytest.raises(ParseError, match="no 'facts'"):
        parse_companyfacts_header(b'{"cik": 1}')
    header = parse_companyfacts_header((SEC_DATA / "api" / "xbrl" / "companyfacts" / "CIK0001167419.json").read_bytes())
    assert header.cik == 1167419 and header.taxonomies == ("dei", "us-gaap")
