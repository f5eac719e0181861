"""Property tests: mangled production updates never crash the parser with anything but ParseError, and never
yield a number that is not in the text (each value is checked against its evidence, each evidence snippet
against the input); tables built from random figures read back exactly."""
from __future__ import annotations

import os
import re
from pathlib import Path

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transforms.errors import ParseError
from transforms.production import METRIC_FIELDS, parse_production
from transforms.production_document import repair_text

FIXTURES = sorted(p for p in (Path(__file__).parents[1] / "fixtures" / "production").iterdir()
                  if p.suffix in (".html", ".txt"))
SOURCES = {p.name: p.read_bytes().decode("utf-8") for p in FIXTURES}

UNITS = ["EH/s", "PH/s", "J/TH", "W/TH", "c/kWh", "/kWh", "BTC", "bitcoin", "%", "million", "m", "$", "US$",
         "TH/s", ""]
# PROPERTY_EXAMPLES=2000 for a longer hunt; 120 keeps the suite quick
PROPERTY_SETTINGS = settings(max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "120")), deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- the oracle: is a value in its evidence, and the evidence in the input? ---------------------------------
def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\u00a0", " "))


def _input_texts(raw: str) -> tuple[str, ...]:
    """The input as a reader sees it, independent of the parser's own text extraction: for HTML both with and
    without the superscript footnote markers a reader skips (`Bitcoin mined<sup>4</sup>`)."""
    # control characters are invisible: a reader sees a gap where one stood
    text = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", " ", repair_text(raw))
    if not re.search(r"<\s*(?:html|body|table|div|p|td)\b", text, re.I):
        return (_squash(text),)
    try:
        root = lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", text))
    except Exception:       # noqa: BLE001 - a page lxml cannot read has no text to compare with
        return ("",)
    with_marks = _squash(root.text_content())
    # superscripts: <sup>, `vertical-align:super`, and Workiva's raised small text (`position:relative;top:-3.5pt`)
    raised = "//*[contains(@style, 'super') or (contains(@style, 'relative') and contains(@style, 'top:-'))]"
    for sup in root.xpath("//sup | " + raised):
        if sup.getparent() is not None and re.fullmatch(r"\s*\(?[\d*†‡§]{1,3}\)?\s*", sup.text_content()):
            sup.drop_tree()
    return (with_marks, _squash(root.text_content()))


def _digits(x: float) -> str:
    s = f"{abs(x):.6f}".rstrip("0").rstrip(".")
    return s.replace(".", "").lstrip("0") or "0"


_FACTORS = (1, 1e3, 1e6, 1e9, 1e-2, 1e-3, 1e-6, 1e2)
_ZERO_PHRASE = re.compile(r"\bno (?:bitcoin|btc)|did not sell|sold no\b|no (?:bitcoin|btc) sales", re.I)


def value_in_snippet(value: float, snippet: str) -> bool:
    """Some number printed in the snippet, times a unit factor, is the value (a trailing footnote digit or
    a leading one glued from the label may surround it)."""
    if value == 0 and _ZERO_PHRASE.search(snippet):
        return True
    tokens = [re.sub(r"[.,]", "", t).lstrip("0") or "0" for t in re.findall(r"\d[\d.,]*", snippet)]
    for f in _FACTORS:
        d = _digits(value / f)
        for tok in tokens:
            if tok == d or (tok.startswith(d) and len(tok) - len(d) <= 2) or (tok.endswith(d) and len(tok) - len(d) == 1):
                return True
    return False


def check_records(raw: str, records) -> None:
    sources = _input_texts(raw)
    assert records and records[0].is_reporting_period
    for rec in records:
        for field in METRIC_FIELDS:
            value = getattr(rec, field)
            if value is None:
                assert field not in rec.evidence
                continue
            snippet = rec.evidence[field]
            assert value_in_snippet(value, snippet), (field, value, snippet)
            for part in snippet.split(" | "):
                assert any(_squash(part) in source for source in sources), (field, part)


def parse_or_parse_error(raw: str | bytes):
    try:
        return parse_production(raw)
    except ParseError as exc:
        assert str(exc)
        return None


# --- mangling ---------------------------------------------------------------------------------------------
@st.composite
def mangled(draw):
    text = SOURCES[draw(st.sampled_from(sorted(SOURCES)))]
    for op in draw(st.lists(st.sampled_from(["truncate", "shuffle", "footnotes", "units", "junk", "drop", "dup"]),
                            min_size=1, max_size=4)):
        if op == "truncate":
            text = text[:draw(st.integers(0, len(text)))]
        elif op == "shuffle":
            lines = text.split("\n")
            if len(lines) > 1:
                text = "\n".join(draw(st.permutations(lines)))
        elif op == "footnotes":
            spots = sorted(set(draw(st.lists(st.integers(0, max(0, len(text) - 1)), max_size=12))), reverse=True)
            for i in spots:
                if text[i:i + 1].isalnum():
                    text = text[:i + 1] + str(draw(st.integers(1, 9))) + text[i + 1:]
        elif op == "units":
            a, b = draw(st.sampled_from(UNITS)), draw(st.sampled_from(UNITS))
            if a:
                text = text.replace(a, b)
        elif op == "junk":
            i = draw(st.integers(0, len(text)))
            text = text[:i] + draw(st.text(max_size=40)) + text[i:]
        elif op == "drop":
            lines = text.split("\n")
            if lines:
                del lines[draw(st.integers(0, len(lines) - 1))]
            text = "\n".join(lines)
        elif op == "dup":
            lines = text.split("\n")
            i = draw(st.integers(0, len(lines) - 1))
            lines.insert(draw(st.integers(0, len(lines))), lines[i])
            text = "\n".join(lines)
    return text


@PROPERTY_SETTINGS
@given(mangled())
def test_mangled_documents_give_parse_errors_or_numbers_from_the_text(text):
    records = parse_or_parse_error(text)
    if records is not None:
        check_records(text, records)


@PROPERTY_SETTINGS
@given(st.one_of(st.text(max_size=400), st.binary(max_size=400)))
def test_random_input_never_crashes(data):
    records = parse_or_parse_error(data)
    if records is not None:
        check_records(data if isinstance(data, str) else data.decode("utf-8", "replace"), records)


@PROPERTY_SETTINGS
@given(st.lists(st.sampled_from(["Bitcoin Produced", "Bitcoin Held", "Bitcoin Sold", "Deployed Hash Rate",
                                 "Fleet Efficiency", "All-in Power Cost", "Total Power Credits", "April 2025",
                                 "March 2025", "Metric", "|", "\n", " ", "-", "N/A", "1", "19,2113", "463",
                                 "$38.8 million", "3.7c/kWh", "33.7 EH/s", "21.0 J/TH", "(13)", "%", "*",
                                 "1.818", "161,6", "Q3 2025", "Aug 25", "sold", "produced", "held", "BTC"]),
                max_size=60))
def test_shuffled_table_vocabulary(tokens):
    text = " ".join(tokens)
    records = parse_or_parse_error(text)
    if records is not None:
        check_records(text, records)


# --- round trip: a table of random figures reads back exactly -------------------------------------------------
def _grouped(n: int) -> str:
    return f"{n:,}"


figures = st.fixed_dictionaries({
    "produced": st.integers(0, 99_999), "held": st.integers(0, 999_999), "sold": st.integers(0, 99_999),
    "proceeds_tenths_m": st.integers(1, 99_999), "hashrate_tenths": st.integers(1, 9_999),
    "cost_tenths_c": st.integers(1, 999), "efficiency_tenths": st.integers(50, 999),
})


def _riot_text(cur: dict, prev: dict, footnote: int, one_cell_per_line: bool) -> str:
    rows = [
        ("Bitcoin Produced", lambda f: str(f["produced"])),
        (f"Bitcoin Held {footnote}", lambda f: _grouped(f["held"])),
        ("Bitcoin Sold", lambda f: _grouped(f["sold"])),
        ("Bitcoin Sales – Net Proceeds", lambda f: f"${f['proceeds_tenths_m'] / 10:,.1f} million"),
        ("Deployed Hash Rate", lambda f: f"{f['hashrate_tenths'] / 10:.1f} EH/s"),
        ("All-in Power Cost", lambda f: f"{f['cost_tenths_c'] / 10:.1f}c/kWh"),
        ("Fleet Efficiency", lambda f: f"{f['efficiency_tenths'] / 10:.1f} J/TH"),
    ]
    cells = ["Metric", "May 2025", "April 2025", "Month/Month"]
    for label, fmt in rows:
        cells += [label, fmt(cur), fmt(prev), "N/A"]
    sep = "\n" if one_cell_per_line else " "
    return "Production update for May 2025\n" + sep.join(cells) + "\n"


def _expected(f: dict) -> dict:
    return {"btc_produced": f["produced"], "btc_held": f["held"], "btc_sold": f["sold"],
            "btc_sale_proceeds_usd": round(f["proceeds_tenths_m"] / 10 * 1e6, 4),
            "hashrate_deployed_ehs": f["hashrate_tenths"] / 10,
            "power_cost_usd_per_kwh": f["cost_tenths_c"] / 1000, "efficiency_j_per_th": f["efficiency_tenths"] / 10}


@PROPERTY_SETTINGS
@given(figures, figures, st.integers(1, 9), st.booleans())
def test_random_riot_tables_read_back_exactly(cur, prev, footnote, one_cell_per_line):
    text = _riot_text(cur, prev, footnote, one_cell_per_line)
    may, april = parse_production(text)
    for rec, f in ((may, cur), (april, prev)):
        for field, value in _expected(f).items():
            assert getattr(rec, field) == pytest.approx(value), (field, text)
    check_records(text, [may, april])


@PROPERTY_SETTINGS
@given(figures, st.integers(1, 9))
def test_random_html_tables_read_back_exactly(cur, footnote):
    html = ("<html><body><p>Production update for May 2025</p><table>"
            "<tr><td>Metric</td><td colspan='2'>May 2025</td><td>Y/Y</td></tr>"
            f"<tr><td>Bitcoin Held<sup>{footnote}</sup></td><td>&#160;</td><td>{_grouped(cur['held'])}{footnote}</td>"
            "<td>5%</td></tr>"
            f"<tr><td>Bitcoin Sold</td><td>$</td><td>{cur['sold']}</td><td>N/A</td></tr>"
            f"<tr><td>Avg. Operating Hash<br/>Rate</td><td></td><td>{cur['hashrate_tenths'] / 10:.1f}&#160;EH/s</td>"
            "<td>(3)%</td></tr></table></body></html>")
    rec = parse_production(html)[0]
    held = cur["held"]
    if held >= 1000:
        assert rec.btc_held == held          # grouping shows the trailing digit is the footnote
    assert rec.hashrate_operating_ehs == pytest.approx(cur["hashrate_tenths"] / 10)
    assert rec.btc_sold is None and "btc_sold" in rec.null_reasons      # "$" + a count is not a count
    check_records(html, [rec])


def test_oracle_rejects_numbers_not_in_the_snippet():
    assert value_in_snippet(19211, "Bitcoin Held | April 2025 | 19,2113")
    assert value_in_snippet(0.037, "All-in Power Cost | April 2025 | 3.7c/kWh")
    assert value_in_snippet(38.8e6, "$38.8 million")
    assert not value_in_snippet(1234, "Bitcoin Produced | April 2025 | 463")
    assert not value_in_snippet(0, "sold 12 BTC")
