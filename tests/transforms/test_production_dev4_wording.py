"""Production wording found in a third development set of real updates (sentences and figures invented here,
shaped like them): a key-metrics table whose header and rows ran together with two-digit years and no change
column, a period named only as "the month of May", a self-mining share of proprietary hash rate, a bare
hash rate level, and a production count written without a unit."""
from __future__ import annotations

from transforms.production import parse_production
from transforms.production_glued import decode_row


def _own(text: str, **kw):
    records = parse_production(text, ticker="EXMP", **kw)
    return records[0]


def test_glued_row_without_change_columns_takes_the_one_steady_cut():
    # note 3 before 459 is the only cut whose months stay within a factor of two of each other
    cells, reason = decode_row("3459 BTC521 BTC529 BTC", 3, 0)
    assert reason is None
    assert [c.value for c in cells] == [459, 521, 529] and cells[0].footnote == "3"
    # the same figures with a footnote mark on every cell are not preferred over the plain reading
    cells, reason = decode_row("28.7 EH/s29.0 EH/s28.1 EH/s", 3, 0)
    assert [c.value for c in cells] == [28.7, 29.0, 28.1]


def test_glued_row_whose_values_jump_stays_null():
    cells, reason = decode_row("3459 BTC5 BTC529 BTC", 3, 0)
    assert cells is None and "readings fit" in reason


def test_key_metrics_table_run_together_with_two_digit_years():
    text = ("Example Miner Limited (NASDAQ: EXMP) today published its monthly update.\n"
            "Key MetricsMar 25*Feb 25Jan 25\n"
            "Bitcoin Mining\n"
            "Average operating hashrate31.2 EH/s30.4 EH/s29.9 EH/s\n"
            "Bitcoin mined2488 BTC455 BTC502 BTC\n")
    r = _own(text)
    assert (str(r.period_end), r.hashrate_operating_ehs, r.btc_produced) == ("2025-03-31", 31.2, 488)


def test_period_named_only_as_the_month_of_may():
    text = ("Total hash rate under management was 12.0 EH/s as of May 31, 2024.\n"
            "The Company mined 210 Bitcoins in the month of May through its self-mining business.\n")
    r = _own(text)
    assert (str(r.period_end), r.btc_produced) == ("2024-05-31", 210)


def test_self_mining_share_of_proprietary_hash_rate():
    text = ("Example Miner Announces June 2024 Production Update\n"
            "Proprietary hash rate was 6.2 EH/s as of June 30, 2024, with 4.8 EH/s allocated to the Company's "
            "self-mining business and 1.4 EH/s to its cloud hash rate business.\n"
            "The Company mined 240 Bitcoins in June 2024.\n")
    r = _own(text)
    assert r.hashrate_deployed_ehs == 4.8


def test_bare_hash_rate_level_is_the_installed_hash_rate_and_a_target_is_not():
    text = ("Example Miner provides a production update for October 2023.\n"
            "\u201cIn October, our hashrate increased 6% to 7.4 EH/s, below our year-end target of 8.0 EH/s,\u201d said the CEO.\n"
            "Our BTC production was 390 in October, up 4% from September 2023.\n")
    r = _own(text)
    assert (r.hashrate_deployed_ehs, r.btc_produced) == (7.4, 390)


def test_production_count_followed_by_a_percentage_is_not_read():
    text = ("Example Miner provides a production update for October 2023.\n"
            "Example Miner mined 390 BTC in October 2023.\n"
            "Our BTC production was 12% higher than in September 2023.\n")
    r = _own(text)
    assert r.btc_produced == 390
