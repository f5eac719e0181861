"""Which of two readings of one field wins (development sets heldout13/14, rewritten as invented passages): the hash
rate named as the average operating one beside a level seen at one site, and the self-mining share stated "of
which" against a total that a bullet repeats with the hosting clients' bitcoin."""
from __future__ import annotations

from tests.transforms.helpers import only_production_record as _one


def test_the_named_average_operating_hash_rate_outranks_a_sites_level_online():
    r = _one("Example Mining (NASDAQ: EXMP) December 2023 Production Update\n"
             "Abroad, progress continued in Oman where we now have 1.9 exahashes online.\n"
             "Efficiency gains helped grow average operational hash rate by 12% to 14.6 exahashes this month.")
    assert r.hashrate_operating_ehs == 14.6
    assert "average operational hash rate" in r.evidence["hashrate_operating_ehs"]


def test_a_self_mining_share_of_which_outranks_a_bullet_total_with_hosting():
    r = _one("Example Mining (NASDAQ: EXMP) Reports Third Quarter 2024 Results\n"
             "- Total bitcoin production of 210 BTC\n"
             "During the third quarter of 2024, Example Mining's mining and datacenter hosting operations produced "
             "approximately 210 bitcoin, of which 71 bitcoin were produced by proprietary cryptocurrency mining and "
             "139 bitcoin were produced for datacenter hosting clients.")
    assert r.btc_produced == 71


def test_a_total_stays_when_no_share_is_stated():
    r = _one("Example Mining (NASDAQ: EXMP) Reports Third Quarter 2024 Results\n"
             "- Total bitcoin production of 210 BTC\n")
    assert r.btc_produced == 210


def test_proceeds_that_price_a_bitcoin_under_100_dollars_were_written_in_thousands():
    r = _one("|\n5. BITCOIN\n|9 Months Ended\nJun. 30, 2025\n|Crypto Asset [Abstract]\n|\n"
             "During the three months ended June 30, 2025, the Company sold 410 bitcoin for proceeds of $38,450 and "
             "mined 1,920 bitcoin.", ticker="EXMP")
    assert (r.btc_sold, r.btc_sale_proceeds_usd) == (410, 38_450_000)


def test_proceeds_with_their_scale_word_are_kept():
    r = _one("Example Mining (NASDAQ: EXMP) June 2025 Production Update\n"
             "In June, the Company sold 410 bitcoin for proceeds of $38.4 million.")
    assert r.btc_sale_proceeds_usd == 38_400_000
