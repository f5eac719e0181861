"""Hash rate written out in words ("2.9 exahash per second") in running prose (invented wording and figures,
shaped after real monthly releases that spell the unit and give the abbreviation in brackets afterwards).
The sentence must be read exactly as it would be with "EH/s", and the same cautions still apply."""
from __future__ import annotations

from transforms.production import parse_production

_RELEASE = """Example Miner Announces August 2023 Production and Operations Update
Example Miner produced 377 bitcoin in August 2023.
The Company had a deployed fleet of 40,210 miners, with a hash rate capacity of {figure} per second ("EH/s"), as of August 31, 2023.
"""


def _record(text: str):
    records = parse_production(text, ticker="EXMP", period="2023-08")
    return next(r for r in records if r.period_type == "month")


def test_spelled_out_exahash_in_prose_reads_like_eh_s():
    r = _record(_RELEASE.format(figure="4.4 exahash"))
    assert r.hashrate_deployed_ehs == 4.4
    assert r.btc_produced == 377


def test_spelled_out_petahash_is_converted_to_exahash():
    r = _record(_RELEASE.format(figure="850 petahash"))
    assert r.hashrate_deployed_ehs == 0.85


def test_spelled_out_target_stays_null():
    text = _RELEASE.format(figure="4.4 exahash").replace(
        "with a hash rate capacity of 4.4 exahash per second",
        "and expects to reach a hash rate capacity of 6.0 exahash per second by year end")
    r = _record(text)
    assert r.hashrate_deployed_ehs is None
    assert r.hashrate_operating_ehs is None


def test_increase_by_an_amount_is_a_change_not_a_level():
    text = _RELEASE.format(figure="4.4 exahash") + \
        "During the month we increased our self-mining hash rate by 250 petahash by redeploying older miners.\n"
    r = _record(text)
    assert r.hashrate_operating_ehs is None
    assert r.hashrate_deployed_ehs == 4.4


def test_opening_level_of_the_month_gives_way_to_the_closing_one():
    text = """Example Miner Announces August 2023 Production Update
- Example Miner produced 377 bitcoin in August 2023.
- 3.1 Exahash of Bitcoin mining capacity at the beginning of August
- Increased to 3.45 Exahash of Bitcoin mining capacity during the month of August
"""
    r = _record(text)
    assert r.hashrate_deployed_ehs == 3.45


def test_opening_level_alone_stays_null():
    text = """Example Miner Announces August 2023 Production Update
- Example Miner produced 377 bitcoin in August 2023.
- 3.1 Exahash of Bitcoin mining capacity at the start of August
"""
    r = _record(text)
    assert r.hashrate_deployed_ehs is None
    assert r.hashrate_operating_ehs is None
