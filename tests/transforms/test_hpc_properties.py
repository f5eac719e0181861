"""Property tests: mangled releases never crash the AI/HPC parsers except with ParseError, and never
yield a number that cannot be re-read from the snippet of document text it cites."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transforms.errors import ParseError
from transforms.hpc import parse_hpc
from transforms.hpc_mix import parse_capacity_mix, parse_revenue_mix
from transforms.hpc_numbers import find_dates, find_money, find_power_mw, find_terms_years
from transforms.hpc_text import read_document

TESTS = Path(__file__).resolve().parents[1]
HPC_FIXTURES = sorted((TESTS / "fixtures" / "hpc").glob("*.*"))
MIX_FIXTURES = sorted((TESTS / "fixtures" / "hpc_mix").glob("*.*"))
HPC_FIXTURES = [p for p in HPC_FIXTURES if p.suffix in {".htm", ".html", ".txt"}]
MIX_FIXTURES = [p for p in MIX_FIXTURES if p.suffix in {".htm", ".html", ".txt"}]

MONEY_FIELDS = ("total_contract_value_usd", "annual_revenue_usd", "backstop_usd", "cumulative_contract_value_usd",
                "potential_value_with_extensions_usd")
MW_FIELDS = ("critical_it_mw", "gross_mw", "expansion_options_mw", "cumulative_critical_it_mw", "unqualified_mw")
# database=None: no .hypothesis/ folder in the working tree; a failure prints its example to replay.
PROFILE = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)

# Pieces a mangler splices in: the characters and phrases the parsers key on.
NOISE = st.sampled_from([
    b"$", b"US$", b"A$", b" MW", b"GW", b"-year", b" billion", b"m", b",", b".", b"(", b")", b"<", b">", b"</td>",
    b"<td>", b"<p>", b"&nbsp;", b"&#8220;", b"\x00", b"\xff\xfe", b"\n", b"\n\n", b" and ", b" with Fluidstack",
    b" backstop ", b" bringing total ", b"critical IT", b" gross ", b"approximately ", b"more than ", b"9,999",
    b"1.5", b"12,3456", b"161,6", b"Q3 2026", b"August 2026", b"<DOCUMENT>", b"<TYPE>EX-99.1", b"About X\n",
    "\u2014".encode(), "\u00a0".encode(), "\u2019".encode(), b"Revenue $1.0m", b"AI Cloud\n", b"Bitcoin Mining\n",
])


@st.composite
def mangled(draw, fixtures: list[Path]) -> bytes:
    data = bytearray(draw(st.sampled_from(fixtures)).read_bytes())
    for _ in range(draw(st.integers(0, 8))):
        op = draw(st.sampled_from(["delete", "insert", "duplicate", "truncate", "flip"]))
        if not data:
            break
        i = draw(st.integers(0, len(data) - 1))
        if op == "delete":
            del data[i:i + draw(st.integers(1, 400))]
        elif op == "insert":
            data[i:i] = draw(NOISE) if draw(st.booleans()) else draw(st.binary(max_size=20))
        elif op == "duplicate":
            j = min(len(data), i + draw(st.integers(1, 300)))
            data[i:i] = data[i:j]
        elif op == "truncate":
            del data[i:]
        else:
            data[i] = draw(st.integers(0, 255))
    return bytes(data)


def assert_money(snippet: str, value: float, text: str) -> None:
    scales = (1.0, 1e3, 1e6) if ("in thousands" in text or "in millions" in text) else (1.0,)
    read = [q.value * s for q in find_money(snippet) for s in scales]
    assert any(abs(v - value) <= 1e-6 * max(1.0, abs(value)) for v in read), (snippet, value)


def assert_mw(snippet: str, value: float) -> None:
    assert any(q.value == value for q in find_power_mw(snippet)), (snippet, value)


def check_contracts(content: bytes) -> None:
    try:
        records = parse_hpc(content)
    except ParseError:
        return
    text = read_document(content).text
    assert records
    for r in records:
        for field, snippet in r.evidence.items():
            assert snippet in text or snippet == "given by the caller", (field, snippet)
        for field in MONEY_FIELDS:
            if getattr(r, field) is not None:
                assert_money(r.evidence[field], getattr(r, field), text)
        for field in MW_FIELDS:
            if getattr(r, field) is not None:
                assert_mw(r.evidence[field], getattr(r, field))
        if r.term_years is not None:
            assert any(q.value == r.term_years for q in find_terms_years(r.evidence["term_years"]))
        if r.start_date is not None:
            assert any(d.value == r.start_date for d in find_dates(r.evidence["start_date"]))
        if r.announced_date is not None:
            assert any(d.value == r.announced_date for d in find_dates(r.evidence["announced_date"]))


def check_mix(content: bytes) -> None:
    for parse in (parse_revenue_mix, parse_capacity_mix):
        try:
            records = parse(content)
        except ParseError:
            continue
        text = read_document(content).text
        for r in records:
            for field, value in r.model_dump().items():
                if field.endswith("_usd") and value is not None:
                    assert r.evidence[field] in text
                    assert_money(r.evidence[field], value, text)
                elif field.endswith("_mw") and value is not None:
                    assert r.evidence[field] in text
                    assert_mw(r.evidence[field], value)
            assert isinstance(r.period_end, date)


@PROFILE
@given(mangled(HPC_FIXTURES))
def test_mangled_contract_releases(content):
    check_contracts(content)


@PROFILE
@given(mangled(MIX_FIXTURES))
def test_mangled_mix_releases(content):
    check_mix(content)


@PROFILE
@given(st.binary(max_size=3000))
def test_arbitrary_bytes(content):
    check_contracts(content)
    check_mix(content)


# Sentences assembled from the releases' own vocabulary reach deeper than random bytes do.
WORDS = st.sampled_from([
    "Example", "signs", "signed", "expands", "amended", "terminated", "a", "10-year", "five-year", "lease", "agreement",
    "contract", "with", "Fluidstack", "CoreWeave", "Google", "AWS", "Microsoft", "will", "backstop", "$1.8 billion",
    "$3.7 billion", "US$9.7bn", "~$290 million", "annualized", "revenue", "contracted", "total", "bringing", "to",
    "by", "from", "approximately", "more than", "up to", "200 MW", "168 MW", "1.4 GW", "of", "critical IT", "load",
    "gross", "option", "an additional", "at", "its", "Lake Mariner", "campus", "site", "in", "August 2026",
    "the second half of 2026", "commence", "rent", "HPC", "AI", "colocation", "average", "term", "extension",
    "Revenue", "AI Cloud", "Bitcoin Mining", "mining", "hosting", "energized", "under construction", "quarter ended",
    "September 30, 2025", "(NASDAQ: EXMN)", ",", ".", ";", "\n", "(", ")",
])


@PROFILE
@given(st.lists(WORDS, min_size=5, max_size=120))
def test_vocabulary_salad(words):
    content = " ".join(words).encode()
    check_contracts(content)
    check_mix(content)
