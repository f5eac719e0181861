"""Change-aware loads and the hashprice formulas, checked against hand-computed values."""
from __future__ import annotations

from datetime import date, datetime, timezone

import duckdb
import pandas as pd
import pytest

from warehouse import load
from warehouse.db import migrate, transaction
from warehouse.marts import build_marts, run_checks

LINEAGE = dict(document_hash="d" * 64, url="http://h/x", fetched_at="2026-01-01T00:00:00Z",
               parser_version="t-1", run_id="run-1")


@pytest.fixture
def con(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrate(con)
    yield con
    con.close()


def observations(rows):
    return pd.DataFrame(rows, columns=["source", "endpoint", "metric", "day", "value"])


def merge(con, frame, run_id="run-1"):
    with transaction(con):
        return load.merge_rows(con, "staging.network_observations",
                               load.with_lineage(frame, **{**LINEAGE, "run_id": run_id}),
                               keys=("source", "metric", "day"), compare=("value",), change_entity="source",
                               change_metric="metric", change_period="day", change_value="value", run_id=run_id)


def test_merge_writes_only_changes_and_logs_them(con):
    day = date(2025, 11, 22)
    frame = observations([("coinmetrics", "asset-metrics", "blocks", day, 133.0),
                          ("coinmetrics", "asset-metrics", "fees_btc", day, 3.5)])
    assert merge(con, frame) == 2
    assert merge(con, frame, run_id="run-2") == 0  # same values: nothing written, lineage untouched
    assert con.execute("select distinct run_id from staging.network_observations").fetchall() == [("run-1",)]
    revised = observations([("coinmetrics", "asset-metrics", "fees_btc", day, 3.6)])
    assert merge(con, revised, run_id="run-3") == 1
    log = con.execute("select run_id, metric, change_kind, old_value, new_value from ops.change_log"
                      " order by change_id").fetchall()
    assert log[-1] == ("run-3", "fees_btc", "revise", 3.5, 3.6)
    assert [r[2] for r in log] == ["insert", "insert", "revise"]


def test_failed_window_leaves_nothing_behind(con):
    frame = observations([("coinmetrics", "asset-metrics", "blocks", date(2025, 1, 1), 144.0)])
    with pytest.raises(RuntimeError):
        with transaction(con):
            load.merge_rows(con, "staging.network_observations", load.with_lineage(frame, **LINEAGE),
                            keys=("source", "metric", "day"), compare=("value",), change_entity="source",
                            change_metric="metric", change_period="day", change_value="value", run_id="r")
            raise RuntimeError("crash mid-window")
    assert con.execute("select count(*) from staging.network_observations").fetchone()[0] == 0
    assert con.execute("select count(*) from ops.change_log").fetchone()[0] == 0


def seed_day(con, day, *, blocks, subsidy, fees, price, retargets):
    rows = [("coinmetrics", "asset-metrics", "blocks", day, blocks),
            ("coinmetrics", "asset-metrics", "subsidy_btc", day, subsidy),
            ("coinmetrics", "asset-metrics", "fees_btc", day, fees),
            ("coinmetrics", "asset-metrics", "btc_price_usd", day, price)]
    merge(con, observations(rows))
    rt = pd.DataFrame(retargets, columns=["source", "height", "time", "difficulty", "adjustment_ratio"])
    with transaction(con):
        load.merge_rows(con, "staging.difficulty_adjustments", load.with_lineage(rt, **LINEAGE),
                        keys=("source", "height"), compare=("difficulty",), change_entity="source",
                        change_metric="difficulty", change_period="height", change_value="difficulty",
                        run_id="run-1")


def test_hashprice_matches_a_hand_computed_value(con):
    """DOMAIN.md's sanity check: D = 1.5e14, reward 3.15 BTC, $90,000 -> about $37/PH/s/day."""
    day = date(2025, 11, 22)
    seed_day(con, day, blocks=144, subsidy=450.0, fees=3.6, price=90_000.0,
             retargets=[("mempool", 925344, datetime(2025, 11, 1, tzinfo=timezone.utc), 1.5e14, 1.0)])
    build_marts(con)
    row = con.execute("select reward_per_block_btc, hashvalue_btc_per_ph_day, hashprice_usd_per_ph_day,"
                      " fee_share_pct from marts.hashprice_daily where day = ?", [day]).fetchone()
    reward = (450.0 + 3.6) / 144
    hashvalue = reward * 86400 * 1e15 / (1.5e14 * 2**32)
    assert row[0] == pytest.approx(reward)
    assert row[1] == pytest.approx(hashvalue)
    assert row[2] == pytest.approx(hashvalue * 90_000) and 37 < row[2] < 39
    assert row[3] == pytest.approx(100 * 3.6 / 453.6)


def test_difficulty_is_time_weighted_over_the_utc_day(con):
    day = date(2025, 12, 16)
    seed_day(con, day, blocks=144, subsidy=450.0, fees=0.0, price=1.0, retargets=[
        ("mempool", 925344, datetime(2025, 12, 1, tzinfo=timezone.utc), 100.0, 1.0),
        ("mempool", 927360, datetime(2025, 12, 16, 18, tzinfo=timezone.utc), 200.0, 2.0)])
    build_marts(con)
    difficulty, source = con.execute("select difficulty, difficulty_source from marts.hashprice_daily"
                                     " where day = ?", [day]).fetchone()
    assert difficulty == pytest.approx(100 * 0.75 + 200 * 0.25) and source == "mempool"
    adj = con.execute("select change_pct, previous_epoch_days from marts.difficulty_adjustments"
                      " where height = 927360").fetchone()
    assert adj == pytest.approx((100.0, 15.75))


def test_data_checks_catch_impossible_values(con):
    day = date(2025, 1, 1)
    seed_day(con, day, blocks=144, subsidy=449.0, fees=1.0, price=1.0,  # 449/144 is not 3.125
             retargets=[("mempool", 2017, datetime(2024, 12, 30, tzinfo=timezone.utc), 1e14, 1.0)])
    build_marts(con)
    failures = run_checks(con, "run-1")
    assert failures["subsidy_matches_schedule"] == 1
    assert failures["difficulty_retarget_heights"] == 1
    assert failures["hashprice_positive"] == 0
    stored = con.execute("select violations from ops.check_results where check_name = 'subsidy_matches_schedule'")
    assert stored.fetchone()[0] == 1
