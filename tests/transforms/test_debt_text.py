"""transforms.debt_text: plain text of debt documents and normalization that remembers the original words."""
from __future__ import annotations

import pytest

from transforms.debt_text import MappedText, document_text, normalize, sentences
from transforms.errors import ParseError


def test_mapped_sub_keeps_spans_of_the_original():
    mt = MappedText.of("pay web proceeds of three.00% now")
    mt2 = mt.sub(r"web proceeds", "net proceeds").sub(r"three(?=\.)", "3")
    assert mt2.text == "pay net proceeds of 3.00% now"
    a = mt2.text.index("net")
    assert mt2.evidence(a, a + len("net proceeds")) == "web proceeds"
    b = mt2.text.index("3.00%")
    assert mt2.evidence(b, b + 5) == "three.00%"
    assert mt2.evidence(0, len(mt2.text)) == "pay web proceeds of three.00% now"


def test_normalize_joins_hard_wraps_and_keeps_bullets_apart():
    plain = "The initial\nconversion rate is 44.4587 shares per $1,000\nprincipal amount.\n- $875 million notes\n- cap"
    mt, spun = normalize(plain)
    assert "The initial conversion rate is 44.4587 shares per $1,000 principal amount." in mt.text
    texts = [s.text for s in sentences(mt)]
    assert texts == ["The initial conversion rate is 44.4587 shares per $1,000 principal amount.", "- $875 million notes",
                     "- cap"]
    assert spun == []


def test_normalize_reports_spun_words_once_each():
    mt, spun = normalize("the web proceeds and web proceeds of $550 million mixture principal quantity of three.00% notes")
    assert "net proceeds" in mt.text and "aggregate principal amount" in mt.text and "3.00%" in mt.text
    assert spun == ["three.00%", "web proceeds", "mixture principal quantity"]


def test_sentences_do_not_split_on_abbreviations():
    mt, _ = normalize("NEW YORK, Oct. 09, 2025 -- IREN Ltd. priced notes with U.S. Bank as trustee. The notes are unsecured.")
    assert [s.text for s in sentences(mt)] == [
        "NEW YORK, Oct. 09, 2025 -- IREN Ltd. priced notes with U.S. Bank as trustee.", "The notes are unsecured."]


def test_html_runs_are_joined_and_hidden_ixbrl_header_dropped():
    html = ('<html><body><div style="display:none"><ix:header><ix:nonNumeric name="dei:TradingSymbol">WULF'
            '</ix:nonNumeric></ix:header></div><p>bear interest at <span>7.750</span><span>%</span> per year</p>'
            '<table><tr><td>$</td><td>828.7 million&#160;</td></tr></table></body></html>')
    text, dei = document_text(html.encode())
    assert dei["TradingSymbol"] == "WULF"
    assert "WULF" not in text
    assert "bear interest at 7.750% per year" in text
    assert "$ 828.7 million" in text


def test_sgml_submission_keeps_primary_and_press_release_only():
    sgml = ("<SEC-DOCUMENT>\n<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\n<html><body><p>Item 8.01 Other Events.</p>"
            "</body></html>\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-4.1\n<SEQUENCE>2\n<TEXT>\nINDENTURE text\n</TEXT>\n"
            "</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>3\n<TEXT>\n<html><body><p>Closes offering.</p></body></html>\n"
            "</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>")
    text, _ = document_text(sgml.encode())
    assert "Item 8.01" in text and "Closes offering." in text and "INDENTURE" not in text


def test_cp1252_bytes_are_decoded():
    text, _ = document_text("the \x93notes\x94 due 2031".encode("latin-1"))
    assert text == "the \u201cnotes\u201d due 2031"


def test_binary_is_refused():
    with pytest.raises(ParseError, match="binary"):
        document_text(b"\x00\x01PK")
