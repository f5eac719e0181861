"""The issuer's exchange tag, one pattern for the three parsers."""
from __future__ import annotations

import pytest

from transforms.tickers import EXCHANGE_TAG_RE, ticker_of


@pytest.mark.parametrize("text, ticker", [
    ("Riot Platforms, Inc. (NASDAQ: RIOT) today announced", "RIOT"),
    ("Hut 8 Corp. (Nasdaq | TSX: HUT) today announced", "HUT"),
    ("Bitfarms Ltd. (NASDAQ/TSX: BITF) announced", "BITF"),
    ("Hut 8 Mining Corp. (TSX: HUT; Nasdaq: HUT) today", "HUT"),
    ("Argo Blockchain plc (LSE: ARB; NASDAQ: ARBK) is pleased", "ARBK"),
    ("DMG Blockchain Solutions Inc. (TSX-V: DMGI) (OTCQB: DMGIF)", "DMGI"),
    ("Marathon Digital Holdings, Inc. (NASDAQ: MARA.) today", "MARA"),
    ("Example Inc. (Nasdaq GS: EXMP)", "EXMP"),
])
def test_the_tag_and_its_ticker(text, ticker):
    m = EXCHANGE_TAG_RE.search(text)
    assert m is not None and ticker_of(m) == ticker


def test_a_bracket_without_an_exchange_is_no_tag():
    assert EXCHANGE_TAG_RE.search('Example Inc. (the "Company") and Example Ltd. (Kestrel: 5 MW)') is None
