"""Pure parsers for mempool.space, blockchain.com and Coin Metrics payloads."""
from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest

from transforms import network as parse
from transforms.chain import subsidy_btc
from transforms.errors import ParseError


def ts(day: str, hour: int = 0) -> int:
    return int(datetime.fromisoformat(day).replace(hour=hour, tzinfo=timezone.utc).timestamp())


def body(doc) -> bytes:
    return json.dumps(doc).encode()


def test_mempool_hashrate_is_stamped_at_the_closing_midnight():
    doc = {"hashrates": [{"timestamp": ts("2022-05-14"), "avgHashrate": 2.364997621087718e20}],
           "difficulty": [], "currentHashrate": 1, "currentDifficulty": 1}
    [obs] = parse.parse_mempool_hashrate(body(doc))
    assert obs.day == date(2022, 5, 13)
    assert obs.metric == "hashrate_ehs" and obs.value == pytest.approx(236.4997621087718)


def test_mempool_difficulty_adjustments():
    rows = [[1703311464, 822528, 72006146478567.1, 1.06983], [1702000000, 820512, 67305906902031.39, 0.9]]
    retargets = parse.parse_mempool_difficulty_adjustments(body(rows))
    assert [r.height for r in retargets] == [822528, 820512]
    assert retargets[0].adjustment_ratio == 1.06983
    assert retargets[0].time == datetime(2023, 12, 23, 6, 4, 24, tzinfo=timezone.utc)


def test_mempool_rewards_and_fees_average_buckets_per_day():
    rewards = [{"avgHeight": 100, "timestamp": ts("2024-01-01", 3), "avgRewards": 650_000_000, "USD": 1},
               {"avgHeight": 110, "timestamp": ts("2024-01-01", 15), "avgRewards": 660_000_000, "USD": 1},
               {"avgHeight": 120, "timestamp": ts("2024-01-02", 1), "avgRewards": 700_000_000, "USD": 1}]
    out = {(o.metric, o.day): o.value for o in parse.parse_mempool_rewards(body(rewards))}
    assert out[("reward_per_block_btc", date(2024, 1, 1))] == pytest.approx(6.55)
    assert out[("avg_height", date(2024, 1, 1))] == 105
    fees = [{"avgHeight": 1, "timestamp": ts("2024-01-01"), "avgFees": 24_212_890, "USD": 1}]
    [f] = parse.parse_mempool_fees(body(fees))
    assert f.metric == "fees_per_block_btc" and f.value == pytest.approx(0.2421289)


def test_mempool_prices_keep_the_last_price_of_each_day_and_skip_missing():
    doc = {"prices": [{"time": ts("2024-01-01", 23), "USD": 42_000},
                      {"time": ts("2024-01-01", 1), "USD": 41_000},
                      {"time": ts("2024-01-02", 5), "USD": -1}],
           "exchangeRates": {}}
    out = parse.parse_mempool_prices(body(doc))
    assert [(o.day, o.value) for o in out] == [(date(2024, 1, 1), 42_000)]


def test_blockchain_chart_units_and_timestamp_forms():
    api = {"status": "ok", "name": "Hash Rate", "unit": "Hash Rate TH/s", "period": "day",
           "values": [{"x": 1658966400, "y": 194101307.8186414}]}
    [obs] = parse.parse_blockchain_chart(body(api), "hash-rate")
    assert obs.day == date(2022, 7, 28) and obs.value == pytest.approx(194.1013078186414)
    export = {"values": [{"x": 1767139200000, "y": 1070667944.71}]}  # website export: milliseconds
    [obs] = parse.parse_blockchain_chart(body(export), "hash-rate")
    assert obs.day == date(2025, 12, 31)


def test_blockchain_empty_values_are_an_outage_not_data():
    with pytest.raises(ParseError, match="no values"):
        parse.parse_blockchain_chart(body({"status": "ok", "values": []}), "market-price")


def test_coinmetrics_page_skips_incomplete_day_and_returns_token():
    doc = {"data": [
        {"asset": "btc", "time": "2025-12-29T00:00:00.000000000Z", "BlkCnt": "154", "IssTotNtv": "481.25",
         "FeeTotNtv": "2.80614074", "HashRate": "1134974870.4438993", "PriceUSD": "87133.5103991818"},
        {"asset": "btc", "time": "2025-12-30T00:00:00.000000000Z", "PriceUSD": "87133.51"},
    ], "next_page_token": "abc"}
    observations, token = parse.parse_coinmetrics_page(body(doc))
    values = {o.metric: o.value for o in observations}
    assert token == "abc"
    assert {o.day for o in observations} == {date(2025, 12, 29)}
    assert values["blocks"] == 154 and values["hashrate_ehs"] == pytest.approx(1134.9748704438993)
    assert values["subsidy_btc"] == 481.25 == 154 * subsidy_btc(930_000)


def test_real_coinmetrics_rows_give_the_known_hashprice(shared_dir):
    """SOURCES.md: the real late-Dec-2025 rows give about $37.2-37.8 per PH/s per day."""
    import csv

    path = next((shared_dir / "real-samples" / "coinmetrics").glob("*.csv"))
    rows = [r for r in csv.DictReader(open(path)) if r["BlkCnt"]]
    doc = {"data": [{k: r[k] for k in ("time", "BlkCnt", "IssTotNtv", "FeeTotNtv", "HashRate", "PriceUSD")}
                    for r in rows]}
    observations, _ = parse.parse_coinmetrics_page(body(doc))
    by_day: dict = {}
    for o in observations:
        by_day.setdefault(o.day, {})[o.metric] = o.value
    for values in by_day.values():
        hashprice = (values["subsidy_btc"] + values["fees_btc"]) * values["btc_price_usd"] / (values["hashrate_ehs"] * 1000)
        assert 37.0 < hashprice < 38.0


@pytest.mark.parametrize("payload,match", [
    (b"{not json", "malformed JSON"),
    (b'{"hashrate": []}', "no 'hashrates' field"),
    (b'{"hashrates": [{"timestamp": "x", "avgHashrate": 1}]}', "expected a number"),
    (b'{"hashrates": {"a": 1}}', "expected a list"),
])
def test_bad_mempool_payloads_raise_parse_error_with_reason(payload, match):
    with pytest.raises(ParseError, match=match):
        parse.parse_mempool_hashrate(payload)


def test_truncated_json_is_a_parse_error():
    whole = body({"data": [{"time": "2025-12-29", "BlkCnt": "1"}]})
    with pytest.raises(ParseError):
        parse.parse_coinmetrics_page(whole[: len(whole) // 2])


def test_observations_frame_dedupes_on_the_natural_key():
    obs = [parse.NetworkObservation(source="s", endpoint="e", metric="blocks", day=date(2024, 1, 1), value=v)
           for v in (1.0, 2.0)]
    frame = parse.observations_frame(obs)
    assert len(frame) == 1 and frame.iloc[0]["value"] == 2.0


def test_subsidy_schedule():
    assert subsidy_btc(0) == 50 and subsidy_btc(209_999) == 50 and subsidy_btc(210_000) == 25
    assert subsidy_btc(840_000) == 3.125 and subsidy_btc(1_050_000) == 1.5625
    assert subsidy_btc(64 * 210_000) == 0
