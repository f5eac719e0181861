"""Release bytes -> normalised lines: EDGAR HTML, SGML submissions, newswire text and their traps."""
from __future__ import annotations

from datetime import date

import pytest

from transforms.errors import ParseError
from transforms.hpc_text import decode, read_document


def test_decode_falls_back_to_windows_1252_and_refuses_binary():
    assert decode("caf\u00e9 \u2014 ok".encode("cp1252")) == "caf\u00e9 \u2014 ok"
    with pytest.raises(ParseError, match="not a text document"):
        decode(b"PK\x03\x04zipped")
    with pytest.raises(ParseError, match="empty"):
        decode(b"  \n")


def test_html_cells_dollar_signs_bullets_and_entities():
    html = b"""<html><head><title>Document</title></head><body>
    <p>Exhibit 99.1</p><p><b>Example Signs Lease</b></p>
    <p>NEW YORK, Aug.&nbsp;14, 2025 (GLOBE NEWSWIRE) -- Example&#8217;s release.</p>
    <table><tr><td>&#9679;</td><td>A bullet point.</td></tr></table>
    <table><tr><td>Revenue</td><td>$</td><td>76.7m</td><td></td><td>(</td><td>25.9m</td><td>)</td></tr></table>
    </body></html>"""
    doc = read_document(html)
    assert doc.headline == "Example Signs Lease"
    assert doc.announced_date == date(2025, 8, 14)
    assert "A bullet point." in doc.lines
    assert "Revenue | $76.7m | (25.9m)" in doc.lines
    assert doc.sentences[0].text == "Example's release."


def test_sgml_submission_reads_the_ex99_exhibit_not_the_cover():
    sgml = b"""<SEC-DOCUMENT>x.txt
<DOCUMENT>
<TYPE>8-K
<SEQUENCE>1
<TEXT>
<html><body><p>Cover page: Item 7.01.</p></body></html>
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>EX-99.1
<SEQUENCE>2
<TEXT>
<html><body><p>Example Signs Lease</p><p>The exhibit text.</p></body></html>
</TEXT>
</DOCUMENT>"""
    doc = read_document(sgml)
    assert "The exhibit text." in doc.text and "Cover page" not in doc.text


def test_hard_wrapped_business_wire_text_and_its_dateline():
    text = b"""Example Announces 12-Year Contracts with CoreWeave to Host
HPC Workloads on Approximately 200 MW of Infrastructure

June 03, 2024 07:00 AM Eastern Daylight Time

AUSTIN, Texas--(BUSINESS WIRE)--Example, Inc. (Nasdaq: EXMN) today announced that it has
signed 12-year contracts with CoreWeave, including its Denton,
Texas facility. The contracts are expected to generate approximately $290
million of annual revenue over the term of the agreements with the customer.
"""
    doc = read_document(text)
    assert doc.headline == ("Example Announces 12-Year Contracts with CoreWeave to Host HPC Workloads on "
                            "Approximately 200 MW of Infrastructure")
    assert doc.announced_date == date(2024, 6, 3)
    assert [s.text for s in doc.sentences] == [
        "Example, Inc. (Nasdaq: EXMN) today announced that it has signed 12-year contracts with CoreWeave, "
        "including its Denton, Texas facility.",
        "The contracts are expected to generate approximately $290 million of annual revenue over the term of "
        "the agreements with the customer.",
    ]


def test_tables_in_plain_text_are_not_joined():
    text = b"""IREN August 2025 Monthly Update
NEW YORK, Sept. 08, 2025 (GLOBE NEWSWIRE) -- IREN Limited (NASDAQ: IREN) today published its monthly update.
Bitcoin Mining
Revenue $76.7m $83.6m
AI Cloud
Revenue $2.4m $2.3m
"""
    doc = read_document(text)
    assert doc.lines[2:] == ["Bitcoin Mining", "Revenue $76.7m $83.6m", "AI Cloud", "Revenue $2.4m $2.3m"]


def test_boilerplate_tail_is_cut_and_abbreviations_do_not_split_sentences():
    text = (b"Example Signs Lease\nEASTON, Md., Aug. 14, 2025 (GLOBE NEWSWIRE) -- Example Inc. signed with "
            b"Fluidstack Ltd. a lease. It starts in Sept. 2026.\n\nAbout Example\nExample signed 999 leases.\n"
            b"Forward-Looking Statements\nMore text.")
    doc = read_document(text)
    assert [s.text for s in doc.sentences] == ["Example Inc. signed with Fluidstack Ltd. a lease.",
                                              "It starts in Sept. 2026."]
    assert "999" in doc.text and "999" not in doc.body_text
