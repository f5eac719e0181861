"""Quarterly prose updates (invented wording and figures, shaped after real bullet-list releases): holdings
stated as a bare figure after "holdings of bitcoin ...", and a fleet's rated maximum hash rate, which is a
ceiling rather than a level and must stay null."""
from __future__ import annotations

from transforms.production import parse_production

_RELEASE = """Example Miner Inc. Announces Bitcoin Production Update for the Second Quarter of 2022

- The Company owned 21,300 miners as of June 30, 2022, with a maximum total hash rate of 2.35 EH/s.
- The Company earned 417.6 bitcoins in the second quarter of 2022.
- Treasury holdings of bitcoin increased to 933.7, with a fair market value of approximately $18.1 million as of June 30, 2022.
"""


def _record(text: str):
    records = parse_production(text, ticker="EXMP", period="2022-Q2")
    return next(r for r in records if r.period_type == "quarter")


def test_bare_figure_after_holdings_of_bitcoin_is_the_holding():
    r = _record(_RELEASE)
    assert r.btc_held == 933.7
    assert r.btc_produced == 417.6


def test_holdings_were_wording_and_other_assets_stay_apart():
    text = _RELEASE.replace("Treasury holdings of bitcoin increased to 933.7",
                            "Treasury holdings of BTC were 512.25")
    assert _record(text).btc_held == 512.25
    # two assets paired by position are the 'respectively' rule's business, not this one
    text = _RELEASE.replace("Treasury holdings of bitcoin increased to 933.7",
                            "Treasury holdings of BTC and ETH were 512.25 and 4,100.5, respectively")
    assert _record(text).btc_held == 512.25


def test_maximum_hash_rate_of_the_fleet_is_not_a_deployed_level():
    r = _record(_RELEASE)
    assert r.hashrate_deployed_ehs is None
    assert r.hashrate_operating_ehs is None
