"""An EDGAR exhibit whose table cells each open with a pipe (invented wording and figures, shaped after a
real layout): the proceeds cells are typeset as `|Appx. $` then `|55.3 million`, and a footnote digit runs
into a row label's closing unit bracket (`Fleet Efficiency (J/TH)4`)."""
from __future__ import annotations

from transforms.production import parse_production
from transforms.production_document import join_split_currency

_EXHIBIT = """Example Miner Announces October 2024 Production Update
AUSTIN, Texas, Nov. 4, 2024 – Example Miner, Inc. today released production updates for October 2024.
Key Metrics Summary
|
Metric
|October 2024
|September 2024
|
Self-Mining Bitcoin Produced1
|812
|790
|
Average Self-Mined Bitcoin Produced/Day
|26.2
|26.3
|
Self-Mining Energized Hash rate2
|14.4
|14.1
|
Bitcoin Sold
|801
|777
|
Bitcoin Sales Proceeds ($USD)
|Appx. $
|55.3 million
|Appx. $
|48.6 million
|
Average Self-Mining Fleet Efficiency (J/TH)4
|24.61
|25.02
|1
|
Self-Mining Bitcoin Produced represents bitcoin rewards earned by miners owned by the Company
"""


def _months():
    return {r.period_end.month: r for r in parse_production(_EXHIBIT, ticker="EXMP")}


def test_digit_after_unit_bracket_is_a_footnote_marker_not_the_first_value():
    m = _months()
    assert (m[10].efficiency_j_per_th, m[9].efficiency_j_per_th) == (24.61, 25.02)
    assert (m[10].btc_produced, m[10].btc_sold) == (812, 801)


def test_currency_sign_split_from_its_figure_and_approx_qualifier_stay_with_the_value():
    m = _months()
    assert (m[10].btc_sale_proceeds_usd, m[9].btc_sale_proceeds_usd) == (55_300_000, 48_600_000)


def test_join_split_currency_only_joins_a_sign_followed_by_a_figure():
    assert join_split_currency("Appx. $\n|51.2 million") == "Appx. $51.2 million"
    assert join_split_currency("($USD) | 12") == "($USD) | 12"
    assert join_split_currency("Price $ | n/a") == "Price $ | n/a"
