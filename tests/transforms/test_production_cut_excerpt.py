"""A syndicated excerpt that ends in the middle of a table cell (invented wording and figures, shaped after
real copies cut at a fixed length): the last figure may be cut mid-number, so it is not read, and the
figures before it are still read."""
from __future__ import annotations

from transforms.production import parse_production

_CUT = """Example Miner Announces June 2024 Production and Operations Updates
DENVER, July 3, 2024 – Example Miner, Inc. today released production and operations updates for June 2024.
Key Metrics Summary
Metric | June 2024 | May 2024 | ||||||
Self-Mining Bitcoin Earned1 | 512 | 498 | ||||||
Hosting Bitcoin Earned by Customers2 | 120 | 131 | ||||||
Average Self-Mined Bitcoin Earned/Day | 17.1 | 16."""


def _months(text):
    return {r.period_end.month: r for r in parse_production(text, ticker="EXMP")}


def test_value_cut_at_the_end_of_the_excerpt_is_not_read_and_does_not_spoil_its_row():
    m = _months(_CUT)
    assert m[6].btc_produced == 512
    assert m[6].btc_produced_per_day == 17.1
    assert 5 not in m or m[5].btc_produced_per_day is None


def test_a_complete_row_before_more_text_is_read_in_full():
    m = _months(_CUT.replace("| 16.", "| 16.1 | ||||||\nBitcoin Sold | 500 | 480 | ||||||\n\nAbout Example Miner"))
    assert (m[6].btc_produced_per_day, m[5].btc_produced_per_day) == (17.1, 16.1)
