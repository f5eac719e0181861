"""Rebuild the network part of the offline snapshot from the real payloads in ../shared/real-samples.

Run once by a maintainer (the output is committed; the demo and tests never need ../shared):

    .venv/bin/python tools/build_network_snapshot.py --samples ../shared/real-samples --out snapshot

What is real and what is reconstructed is written to snapshot/README.md. In short: difficulty,
hashrate and prices come from real recorded series (blockchain.com exports, CoinGecko's daily
export, Coin Metrics' last ten rows); the daily block counts, retarget heights and fees are
reconstructed so that the chain is self-consistent (retargets every 2,016 blocks, halvings on
their real days) and then written out in each live endpoint's exact format.
"""
from __future__ import annotations

import argparse
import json
import math
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pandas as pd

FIRST_DAY = date(2009, 1, 3)
REAL_LAST_DAY = date(2026, 1, 1)    # last day every real series covers
LAST_DAY = date(2026, 4, 29)        # the snapshot runs on, with MODELLED data, to meet the SEC filings
AS_OF = "2026-04-30T00:00:00Z"      # the snapshot's "now": 2026-04-29 is the last complete day
TWO32 = 2.0**32
#: (UTC day, height of the first block of the day's anchor, fraction of the day elapsed at it).
#: Halvings are real (heights and days); the tip at the end of 2026-01-01 is an estimate.
ANCHORS = [
    (date(2009, 1, 3), 0, 0.76),
    (date(2012, 11, 28), 210_000, 0.64),
    (date(2016, 7, 9), 420_000, 0.70),
    (date(2020, 5, 11), 630_000, 0.81),
    (date(2024, 4, 20), 840_000, 0.01),
    (date(2026, 1, 1), 929_830, 1.0),
    (date(2026, 4, 29), 946_800, 1.0),  # modelled: ~144 blocks a day after the last real data
]
#: Modelled mean fees per block (BTC) at era anchor days: a smooth shape after public fee
#: history (2017 and 2021 peaks, the 2023 inscription wave, the 2024 halving spike). NOT real.
FEE_MODEL = [
    ("2009-01-03", 0.0), ("2010-12-01", 0.01), ("2011-06-15", 0.05), ("2012-06-15", 0.12),
    ("2013-06-01", 0.25), ("2014-06-01", 0.08), ("2015-06-01", 0.10), ("2016-06-01", 0.35),
    ("2017-06-01", 1.50), ("2017-12-20", 4.50), ("2018-03-01", 0.30), ("2019-06-15", 0.55),
    ("2020-06-01", 0.30), ("2021-01-10", 0.90), ("2021-04-20", 1.60), ("2021-07-15", 0.15),
    ("2022-06-15", 0.10), ("2023-05-08", 1.50), ("2023-09-01", 0.20), ("2023-12-16", 1.30),
    ("2024-03-01", 0.35), ("2024-04-20", 6.00), ("2024-04-25", 0.40), ("2024-09-01", 0.04),
    ("2025-06-01", 0.03), ("2025-11-15", 0.022), ("2026-01-01", 0.017), ("2026-04-29", 0.02),
]


def _days(index) -> np.ndarray:
    """Days since the epoch as floats, whatever the index's datetime resolution (pandas 3 mixes them)."""
    return np.asarray(pd.DatetimeIndex(index).values.astype("datetime64[D]").astype(np.int64), dtype=float)


def _series(points: list[dict], ms: bool) -> pd.Series:
    idx = [datetime.fromtimestamp(p["x"] / (1000 if ms else 1), tz=timezone.utc).date() for p in points]
    return pd.Series([float(p["y"]) for p in points], index=pd.DatetimeIndex(idx)).groupby(level=0).last()


def load_real(samples: Path) -> dict[str, pd.Series]:
    bc = samples / "blockchain_com"
    diff_all = json.loads((bc / "site-download_difficulty_all_1d_2026-01.json").read_text())
    hr_all = json.loads((bc / "site-download_hash-rate_all_7d_2026-01.json").read_text())
    hr_1y = json.loads((bc / "site-download_hash-rate_1year_1d_2025-08.json").read_text())
    diff_3y = json.loads((bc / "api_charts_difficulty_3years_2021-11.json").read_text())
    cg = pd.read_csv(samples / "coingecko" / "coingecko-site-export_btc-usd_2013-04_to_2026-01.csv")
    cg.index = pd.DatetimeIndex(pd.to_datetime(cg["snapped_at"].str[:10]))
    cm = pd.read_csv(next((samples / "coinmetrics").glob("btc_csv_*.csv")), dtype=str)
    cm = cm[cm["BlkCnt"].notna() & (cm["BlkCnt"] != "")]
    cm.index = pd.DatetimeIndex(pd.to_datetime(cm["time"]))
    return {
        "difficulty_samples": _series(diff_all["difficulty"], ms=True),
        "price_samples": _series(diff_all["market-price"], ms=True),
        "hashrate_samples": _series(hr_all["hash-rate"], ms=True),
        "hashrate_daily": _series(hr_1y["hash-rate"], ms=True),
        "price_daily_bc": _series(hr_1y["market-price"], ms=True),
        "difficulty_daily": _series(diff_3y["values"], ms=False),
        "price_cg": cg["price"].astype(float).groupby(level=0).last(),
        "cm": cm,
    }


def extend_beyond_real(real: dict, seed: int = 20260430) -> dict:
    """MODELLED data from 2026-01-02 to LAST_DAY (no real series exists here): difficulty
    retargets every ~14 days by a few percent, hashrate follows it, and the price is a seeded
    mean-reverting random walk around $85,000. Marked as made up in snapshot/README.md."""
    rng = np.random.default_rng(seed)
    start = pd.Timestamp(REAL_LAST_DAY) + pd.Timedelta(days=1)
    days = pd.date_range(start, LAST_DAY, freq="D")
    last_diff = float(real["difficulty_samples"].iloc[-1])
    diffs, current = [], last_diff
    for i, _ in enumerate(days):
        if i % 14 == 6:
            current *= 1 + rng.normal(0.004, 0.025)
        diffs.append(current)
    diff = pd.Series(diffs, index=days)
    hashrate = diff * TWO32 / 600 / 1e12 * np.exp(rng.normal(0.0, 0.03, len(days)))
    price, p = [], float(real["price_cg"].iloc[-1])
    for _ in days:
        p = p * np.exp(rng.normal(0.0, 0.018) + 0.03 * np.log(85_000 / p))
        price.append(round(p, 2))
    out = dict(real)
    out["difficulty_samples"] = pd.concat([real["difficulty_samples"], diff])
    out["hashrate_samples"] = pd.concat([real["hashrate_samples"], hashrate])
    cg = real["price_cg"]
    out["price_cg"] = pd.concat([cg, pd.Series(price, index=days)[lambda s: ~s.index.isin(cg.index)]])
    return out


def reconstruct(real: dict, seed: int = 20260102) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Daily truth table and retarget list."""
    days = pd.date_range(FIRST_DAY, LAST_DAY, freq="D")
    rng = np.random.default_rng(seed)

    # Hashrate (TH/s): real daily where recorded, else log-interpolated real 7-day samples.
    hs = real["hashrate_samples"]
    hs = hs[hs > 0]
    log_h = np.interp(_days(days), _days(hs.index), np.log(hs.values))
    hashrate = pd.Series(np.exp(log_h), index=days)
    daily = real["hashrate_daily"].reindex(days).dropna()
    hashrate.loc[daily.index] = daily.values
    cm = real["cm"]
    hashrate.loc[cm.index] = cm["HashRate"].astype(float).values

    # Difficulty reference (real): daily where recorded, else last sample on or before the day.
    ds = real["difficulty_samples"].replace(0, np.nan).dropna()
    dref = ds.reindex(days.union(ds.index)).ffill().reindex(days).fillna(1.0)
    dd = real["difficulty_daily"].reindex(days).dropna()
    dref.loc[dd.index] = dd.values
    dref = dref.clip(lower=1.0)

    # Expected blocks per day, scaled per anchor segment so cumulative heights hit the anchors.
    expected = hashrate * 1e12 * 86400 / (dref * TWO32)
    noise = np.exp(rng.normal(0.0, 0.07, len(days)))
    lam = (expected * noise).values
    cum_target = np.zeros(len(days))
    day_index = {d.date(): i for i, d in enumerate(days)}
    for (d0, h0, f0), (d1, h1, f1) in zip(ANCHORS, ANCHORS[1:]):
        i0, i1 = day_index[d0], day_index[d1]
        seg = lam[i0:i1 + 1].copy()
        seg[0] *= (1 - f0)
        seg[-1] *= f1
        scale = (h1 - h0) / seg.sum()
        running = h0 + np.cumsum(seg * scale)
        cum_target[i0:i1 + 1] = running
    cum_end = np.floor(cum_target + 1e-9).astype(np.int64) + 1  # heights mined by the day's end, +1 genesis
    # Genesis day holds block 0 only; nothing more was mined until 2009-01-09.
    gap_end = day_index[date(2009, 1, 8)]
    cum_end[: gap_end + 1] = 1
    blocks = np.diff(np.concatenate([[0], cum_end]))
    blocks = np.maximum(blocks, 0)
    cum_end = np.cumsum(blocks)
    first_height = cum_end - blocks
    # Real Coin Metrics block counts for the ten recorded days.
    truth = pd.DataFrame({"blocks": blocks, "first_height": first_height}, index=days)
    truth.loc[cm.index, "blocks"] = cm["BlkCnt"].astype(int).values
    truth["first_height"] = truth["blocks"].cumsum() - truth["blocks"]

    # Retargets at every multiple of 2,016: time spread uniformly over the day's blocks.
    retargets = []
    day_starts = np.array([datetime.combine(d.date(), datetime.min.time(), timezone.utc).timestamp()
                           for d in days])
    fh = truth["first_height"].values
    bl = truth["blocks"].values
    tip = int(fh[-1] + bl[-1] - 1)
    genesis_time = day_starts[0] + 0.76 * 86400
    retargets.append((0, genesis_time, 1.0))
    j = 0
    for height in range(2016, tip + 1, 2016):
        while not (fh[j] <= height < fh[j] + bl[j]):
            j += 1
        t = day_starts[j] + (height - fh[j] + 0.5) / bl[j] * 86400
        nxt = min(j + 1, len(days) - 1)
        retargets.append((height, t, float(dref.iloc[nxt])))
    rt = pd.DataFrame(retargets, columns=["height", "time", "difficulty"])
    rt["difficulty"] = rt["difficulty"].clip(lower=1.0)
    rt["adjustment"] = rt["difficulty"] / rt["difficulty"].shift(1)
    rt.loc[0, "adjustment"] = 1.0

    # Time-weighted and block-weighted daily difficulty from the retarget list.
    tw, bw = [], []
    for i, start in enumerate(day_starts):
        end = start + 86400
        active = rt[(rt["time"] < end)]
        nxt_times = list(active["time"].iloc[1:]) + [float("inf")]
        num = den = 0.0
        for (_, r), t_end in zip(active.iterrows(), nxt_times):
            lo, hi = max(r["time"], start), min(t_end, end)
            if hi > lo:
                num += r["difficulty"] * (hi - lo)
                den += hi - lo
        tw.append(num / den if den else np.nan)
        h0, n = fh[i], bl[i]
        if n:
            epochs = [(max(h0, e * 2016), min(h0 + n, (e + 1) * 2016)) for e in range(h0 // 2016, (h0 + n - 1) // 2016 + 1)]
            bw.append(sum((hi - lo) * rt["difficulty"].iloc[e] for e, (lo, hi) in zip(range(h0 // 2016, 10**9), epochs)) / n)
        else:
            bw.append(tw[-1])
    truth["difficulty_tw"] = tw
    truth["difficulty_bw"] = bw

    # Subsidy (exact) and modelled fees.
    def subsidy_sum(h0: int, n: int) -> float:
        total = 0.0
        h = h0
        while n > 0:
            era_end = (h // 210_000 + 1) * 210_000
            k = min(n, era_end - h)
            total += k * 50.0 / 2 ** (h // 210_000)
            h += k
            n -= k
        return total

    truth["subsidy_btc"] = [subsidy_sum(int(h), int(n)) for h, n in zip(truth["first_height"], truth["blocks"])]
    fee_days = pd.DatetimeIndex([pd.Timestamp(d) for d, _ in FEE_MODEL])
    fee_per_block = np.interp(_days(days), _days(fee_days), [v for _, v in FEE_MODEL])
    fee_per_block *= np.exp(rng.normal(0.0, 0.15, len(days)))
    truth["fees_btc"] = np.round(fee_per_block * truth["blocks"].values, 8)
    truth.loc[cm.index, "fees_btc"] = cm["FeeTotNtv"].astype(float).values
    truth.loc[cm.index, "subsidy_btc"] = cm["IssTotNtv"].astype(float).values

    # Hashrate estimates derived from blocks found (what Coin Metrics and mempool publish).
    truth["hashrate_blocks_ths"] = truth["blocks"] * truth["difficulty_bw"] * TWO32 / 86400 / 1e12
    truth.loc[cm.index, "hashrate_blocks_ths"] = cm["HashRate"].astype(float).values
    truth["hashrate_smooth_ths"] = hashrate

    # Prices: CoinGecko 00:00 snapshot of day D+1 is the close of day D; before CoinGecko's
    # history starts, blockchain.com's market-price samples (log-interpolated).
    cg = real["price_cg"]
    ps = real["price_samples"]
    ps = ps[ps > 0]
    early = pd.Series(np.exp(np.interp(_days(days), _days(ps.index), np.log(ps.values))), index=days)
    early[days < ps.index.min()] = np.nan
    open_price = cg.reindex(days).interpolate(limit_area="inside")
    open_price = open_price.fillna(early)
    close_price = cg.reindex(days + timedelta(days=1)).interpolate(limit_area="inside")
    close_price.index = days
    close_price = close_price.fillna(open_price.shift(-1)).fillna(open_price)
    truth["price_close"] = close_price
    truth.loc[cm.index, "price_close"] = cm["PriceUSD"].astype(float).values
    truth["price_open"] = open_price
    bcd = real["price_daily_bc"].reindex(days).dropna()
    truth["price_bc"] = truth["price_open"]
    truth.loc[bcd.index, "price_bc"] = bcd.values
    return truth, rt


def write_snapshot(truth: pd.DataFrame, rt: pd.DataFrame, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    day_ts = {d: int(datetime.combine(d.date(), datetime.min.time(), timezone.utc).timestamp()) for d in truth.index}

    def dump(rel: str, doc) -> str:
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")
        return rel

    # mempool.space ------------------------------------------------------------------------
    mined = truth[truth["blocks"] > 0]
    hashrates = [{"timestamp": day_ts[d] + 86400, "avgHashrate": float(r.hashrate_blocks_ths * 1e12)}
                 for d, r in mined.iterrows()]
    rt_objs = [{"time": int(r.time), "height": int(r.height), "difficulty": float(r.difficulty),
                "adjustment": round(float(r.adjustment), 5)} for r in rt.itertuples()]
    last = mined.iloc[-1]
    hashrate_doc = {"hashrates": hashrates, "difficulty": rt_objs,
                    "currentHashrate": float(mined["hashrate_blocks_ths"].iloc[-7:].mean() * 1e12),
                    "currentDifficulty": float(rt["difficulty"].iloc[-1])}
    files = {
        "hashrate": dump("mempool/api/v1/mining/hashrate/all.json", hashrate_doc),
        "difficulty": dump("mempool/api/v1/mining/difficulty-adjustments/all.json",
                           [[int(r.time), int(r.height), float(r.difficulty), round(float(r.adjustment), 5)]
                            for r in rt.iloc[::-1].itertuples()]),
        "rewards": dump("mempool/api/v1/mining/blocks/rewards/all.json", [
            {"avgHeight": round(float(r.first_height + (r.blocks - 1) / 2), 1), "timestamp": day_ts[d] + 43200,
             "avgRewards": int(round((r.subsidy_btc + r.fees_btc) / r.blocks * 1e8)),
             "USD": None if math.isnan(r.price_close) else round(float(r.price_close), 2)}
            for d, r in mined.iterrows()]),
        "fees": dump("mempool/api/v1/mining/blocks/fees/all.json", [
            {"avgHeight": round(float(r.first_height + (r.blocks - 1) / 2), 1), "timestamp": day_ts[d] + 43200,
             "avgFees": int(round(r.fees_btc / r.blocks * 1e8)),
             "USD": None if math.isnan(r.price_close) else round(float(r.price_close), 2)}
            for d, r in mined.iterrows()]),
    }
    priced = truth[truth["price_close"].notna()]
    prices = [{"time": day_ts[d] + 82800, "USD": round(float(r.price_close * (1 + 0.0015 * math.sin(i))), 2),
               "EUR": round(float(r.price_close * 0.92), 2)} for i, (d, r) in enumerate(priced.iterrows())]
    files["prices"] = dump("mempool/api/v1/historical-price/USD.json",
                           {"prices": prices[::-1], "exchangeRates": {"USDEUR": 0.92, "USDGBP": 0.79,
                                                                      "USDJPY": 156.4}})

    # blockchain.com charts (API format: x in unix seconds) -------------------------------------
    def chart(name, title, unit, desc, series):
        values = [{"x": day_ts[d], "y": float(v)} for d, v in series.items() if not math.isnan(v)]
        return dump(f"blockchain/charts/{name}.json",
                    {"status": "ok", "name": title, "unit": unit, "period": "day", "description": desc,
                     "values": values})

    chart("hash-rate", "Total Hash Rate (TH/s)", "Hash Rate TH/s",
          "The estimated number of terahashes per second the bitcoin network is performing in the last 24 hours.",
          truth["hashrate_smooth_ths"][truth["blocks"] > 0])
    chart("difficulty", "Network Difficulty", "Difficulty",
          "A relative measure of how difficult it is to mine a new block for the blockchain.",
          truth["difficulty_bw"])
    chart("transaction-fees", "Total Transaction Fees (BTC)", "BTC",
          "The total BTC value of all transaction fees paid to miners.", truth["fees_btc"])
    chart("market-price", "Market Price (USD)", "USD",
          "Average USD market price across major bitcoin exchanges.", truth["price_bc"])

    # Coin Metrics community API (values are strings) -------------------------------------------
    rows = []
    for d, r in truth.iterrows():
        row = {"asset": "btc", "time": f"{d.date().isoformat()}T00:00:00.000000000Z",
               "BlkCnt": str(int(r.blocks)), "IssTotNtv": f"{r.subsidy_btc:.8f}".rstrip("0").rstrip("."),
               "FeeTotNtv": f"{r.fees_btc:.8f}", "HashRate": repr(float(r.hashrate_blocks_ths))}
        if not math.isnan(r.price_close):
            row["PriceUSD"] = repr(float(r.price_close))
        rows.append(row)
    # The newest day is not complete yet at AS_OF: only reference rates are filled.
    rows.append({"asset": "btc", "time": "2026-04-30T00:00:00.000000000Z",
                 "PriceUSD": repr(float(truth["price_close"].iloc[-1]))})
    dump("coinmetrics/v4/timeseries/asset-metrics/btc_all.json", {"data": rows})

    period = r"(?:/(?P<period>[^/]+))?"
    routes = [
        {"path_regex": rf"/mempool/api/v1/mining/hashrate{period}", "file": files["hashrate"],
         "emulate": "mempool_period", "shape": "hashrate"},
        {"path_regex": rf"/mempool/api/v1/mining/difficulty-adjustments{period}", "file": files["difficulty"],
         "emulate": "mempool_period", "shape": "rows_time0"},
        {"path_regex": rf"/mempool/api/v1/mining/blocks/rewards{period}", "file": files["rewards"],
         "emulate": "mempool_period", "shape": "rows_timestamp"},
        {"path_regex": rf"/mempool/api/v1/mining/blocks/fees{period}", "file": files["fees"],
         "emulate": "mempool_period", "shape": "rows_timestamp"},
        {"path": "/mempool/api/v1/historical-price", "query": {"currency": "USD"},
         "query_absent": ["timestamp"], "file": files["prices"]},
    ] + [
        {"path": f"/blockchain/charts/{c}", "file": f"blockchain/charts/{c}.json", "emulate": "blockchain_chart"}
        for c in ("hash-rate", "difficulty", "transaction-fees", "market-price")
    ] + [
        {"path": "/coinmetrics/v4/timeseries/asset-metrics", "query": {"assets": "btc"},
         "file": "coinmetrics/v4/timeseries/asset-metrics/btc_all.json", "emulate": "coinmetrics_timeseries"},
    ]
    routes_path = out / "routes.json"
    existing = json.loads(routes_path.read_text()) if routes_path.exists() else {"routes": []}
    keep = [r for r in existing["routes"] if not (r.get("path", "") + r.get("path_regex", "")).startswith(
        ("/mempool", "/blockchain", "/coinmetrics"))]
    routes_path.write_text(json.dumps({"as_of": AS_OF, "routes": routes + keep}, indent=1) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=Path, default=Path("../shared/real-samples"))
    parser.add_argument("--out", type=Path, default=Path("snapshot"))
    args = parser.parse_args()
    truth, rt = reconstruct(extend_beyond_real(load_real(args.samples)))
    write_snapshot(truth, rt, args.out)
    print(f"{len(truth)} days, {len(rt)} retargets, tip height {int(truth.first_height.iloc[-1] + truth.blocks.iloc[-1] - 1)}")


if __name__ == "__main__":
    main()
