"""The issuer's exchange tag in a press release: "(NASDAQ: RIOT)", "(Nasdaq | TSX: HUT)", "(TSX: HUT; Nasdaq: HUT)".

One pattern for the three document parsers: each had its own, and each missed a form another read (the
debt parser read no "|", production no "TSX: HUT; Nasdaq: HUT").
"""
from __future__ import annotations

import re

#: Exchanges as releases write them, any case: "Nasdaq GS", "NYSE American", "TSX-V", "OTCQX".
EXCHANGE = (r"(?i:nasdaq(?:\s?(?:GS|GM|CM|Global\sSelect\sMarket|Global\sMarket|Capital\sMarket))?"
            r"|nyse(?:\s(?:american|mkt|arca))?|tsx[- ]?v|tsx|cse|asx|otc\w*|neo|lse|aim)")
_SEPARATOR = r"(?:\s?[|/,&]\s?|\sand\s)"
EXCHANGE_TAG_RE = re.compile(
    rf"\(\s*(?P<exch>{EXCHANGE}(?:{_SEPARATOR}{EXCHANGE})*)\s?:\s?[\"\u201c]?(?P<ticker>[A-Z][A-Z.]{{0,5}})\b[\"\u201d]?"
    # a second listing written out: "(TSX: HUT; Nasdaq: HUT)"
    rf"(?:\s*(?:;|,|and)\s*{EXCHANGE}\s?:\s?[A-Z.]{{1,6}})*\)?"
)


_LISTING_RE = re.compile(rf"(?P<exch>{EXCHANGE})\s?:\s?[\"\u201c]?(?P<ticker>[A-Z][A-Z.]{{0,5}})\b")
_US_EXCHANGE_RE = re.compile(r"(?i)nasdaq|nyse")


def ticker_of(match: re.Match) -> str:
    """The ticker a tag names, without a sentence's full stop ("(NASDAQ: MARA.)"); of a dual listing written
    out, the US one: "(LSE: ARB; NASDAQ: ARBK)" is ARBK, the ticker the registry and SEC know."""
    listings = list(_LISTING_RE.finditer(match.group(0)))
    us = next((m for m in listings if _US_EXCHANGE_RE.match(m.group("exch"))), None)
    return (us.group("ticker") if us else match.group("ticker")).rstrip(".")
