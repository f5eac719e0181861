"""Property tests: mangled debt documents never crash the parser and never yield a number the text lacks."""
from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transforms.amounts import spell_out_digits
from transforms.debt import parse_debt
from transforms.debt_text import document_text
from transforms.errors import ParseError

FIXTURES = Path(__file__).parents[1] / "fixtures" / "debt"
DOCUMENTS = [p.read_bytes() for p in sorted(FIXTURES.iterdir()) if p.suffix in (".txt", ".htm", ".html")]

MONEY_FIELDS = ("principal_usd", "option_principal_usd", "net_proceeds_usd", "upsized_from_usd", "consideration_usd")
PLAIN_FIELDS = ("coupon_pct", "conversion_rate_per_1000_usd", "conversion_premium_pct", "cap_price_usd", "maturity_year")

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

_PIECES = list("0123456789$%.,()-\u2013 \n\tabcxyzDNM<>/\"'\u20ac") + [
    "million", "billion", "%", "$1,000", "notes due 20", "<p>", "</td>", "&nbsp;", "three.", "Item 2.03", "\x00",
    " convertible senior notes ", " aggregate principal amount of ", "conversion rate ", " per $1,000 ",
]
_NOISE = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)


@st.composite
def mangled(draw) -> bytes:
    """A fixture with slices deleted, duplicated, swapped, truncated or sprinkled with noise."""
    data = bytearray(draw(st.sampled_from(DOCUMENTS)))
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        n = len(data)
        a = draw(st.integers(0, n - 1))
        b = draw(st.integers(a, min(n, a + 400)))
        op = draw(st.sampled_from(["delete", "duplicate", "noise", "truncate", "swap", "flip"]))
        if op == "delete":
            del data[a:b]
        elif op == "duplicate":
            data[b:b] = data[a:b]
        elif op == "noise":
            data[a:a] = draw(_NOISE).encode("utf-8")
        elif op == "truncate":
            del data[b:]
        elif op == "swap":
            c = draw(st.integers(0, n - 1))
            chunk = bytes(data[a:b])
            del data[a:b]
            c = min(c, len(data))
            data[c:c] = chunk
        else:
            data[a] = draw(st.integers(0, 255))
    return bytes(data)


def _numbers_in(text: str) -> set[float]:
    out = set()
    for tok in re.findall(r"\d[\d,]*(?:\.\d+)?|\.\d+", spell_out_digits(text)):
        try:
            out.add(float(tok.replace(",", "")))
        except ValueError:
            pass
    return out


def _present(value: float, numbers: set[float], scales=(1.0,)) -> bool:
    return any(abs(value - n * s) <= 1e-6 * max(1.0, abs(value)) for n in numbers for s in scales)


def _check(content: bytes) -> None:
    try:
        events = parse_debt(content)
    except ParseError:
        return
    text = document_text(content)[0]
    numbers = _numbers_in(text)
    flat = " ".join(text.split())
    for e in events:
        for name in MONEY_FIELDS:
            v = getattr(e, name)
            if v is not None:
                assert _present(v, numbers, (1.0, 1e3, 1e6, 1e9)), (name, v)
        for name in PLAIN_FIELDS:
            v = getattr(e, name)
            if name == "coupon_pct" and v == 0.0 and re.search(r"(?i)zero[- ]coupon|not bear regular interest",
                                                               e.evidence.get(name, "")):
                continue  # a zero coupon stated in words
            if v is not None:
                assert _present(float(v), numbers), (name, v)
        if e.conversion_price_usd is not None:
            if "conversion_price_usd" in e.derived:
                assert e.conversion_rate_per_1000_usd and abs(e.conversion_price_usd - 1000 / e.conversion_rate_per_1000_usd) < 1e-3
            else:
                assert _present(e.conversion_price_usd, numbers), e.conversion_price_usd
        if e.maturity_date is not None:
            assert _present(float(e.maturity_date.year), numbers) and _present(float(e.maturity_date.day), numbers)
        for key, snippet in e.evidence.items():
            if not snippet.startswith("dei:"):
                assert " ".join(snippet.split()) in flat, (key, snippet)


@SETTINGS
@given(mangled())
def test_mangled_documents_parse_or_raise_parse_error_and_invent_no_numbers(content):
    _check(content)


@SETTINGS
@given(st.binary(max_size=3000))
def test_random_bytes(content):
    _check(content)


@SETTINGS
@given(st.text(max_size=2000))
def test_random_text(content):
    _check(content.encode("utf-8", "replace"))


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(DOCUMENTS), st.integers(0, 10_000))
def test_any_prefix_of_a_document(content, cut):
    _check(content[: cut % (len(content) + 1)])
