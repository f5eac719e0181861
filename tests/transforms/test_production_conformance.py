"""Conformance over the real press-release passages in ../shared/reference/press (skipped where absent:
the `shared_dir` fixture of tests/conftest.py).

Each expectation is a figure the passage discloses; where ../shared/reference/figures.csv holds the same
figure, the test also checks that the expectation is that real figure.
"""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from transforms.errors import ParseError
from transforms.production import looks_like_production_update, parse_production


@pytest.fixture
def press(shared_dir: Path) -> Path:
    folder = shared_dir / "reference" / "press"
    if not folder.is_dir():
        pytest.skip(f"no reference passages at {folder}")
    return folder


@pytest.fixture
def figures(shared_dir: Path) -> dict:
    path = shared_dir / "reference" / "figures.csv"
    if not path.is_file():
        pytest.skip(f"no figures.csv at {path}")
    out = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out[(row["entity"], row["period_or_date"], row["metric"])] = (float(row["value"]), row["unit"])
    return out


# figures.csv metric -> (record field, factor from the csv unit to the field's unit)
_CSV_METRIC = {
    "btc_produced": ("btc_produced", 1), "avg_btc_per_day": ("btc_produced_per_day", 1),
    "btc_held_period_end": ("btc_held", 1), "btc_sold": ("btc_sold", 1),
    "btc_sales_net_proceeds": ("btc_sale_proceeds_usd", 1e6), "avg_sale_price": ("btc_avg_sale_price_usd", 1),
    "deployed_hashrate": ("hashrate_deployed_ehs", 1), "avg_operating_hashrate": ("hashrate_operating_ehs", 1),
    "total_power_credits": ("power_credits_usd", 1e6), "all_in_power_cost": ("power_cost_usd_per_kwh", 0.01),
    "fleet_efficiency": ("efficiency_j_per_th", 1),
}

CASES = {
    # file: (hint, entity in figures.csv, {period_start "YYYY-MM": {field: value}})
    "riot_2025-04_monthly.txt": (None, "Riot Platforms", {
        "2025-04": dict(btc_produced=463, btc_produced_per_day=15.4, btc_held=19211, btc_held_restricted=1900,
                        btc_sold=475, btc_sale_proceeds_usd=38.8e6, btc_avg_sale_price_usd=81731,
                        hashrate_deployed_ehs=33.7, hashrate_operating_ehs=29.3, power_cost_usd_per_kwh=0.037,
                        efficiency_j_per_th=21.0, power_credits_usd=2.0e6),
        "2025-03": dict(btc_produced=533, btc_held=19223, hashrate_operating_ehs=30.3, btc_sold=None,
                        power_credits_usd=0.9e6),
        "2024-04": dict(btc_produced=375, btc_held=8872, hashrate_deployed_ehs=12.6, efficiency_j_per_th=27.0),
    }),
    "riot_2023-11_monthly.txt": (None, "Riot Platforms", {
        "2023-11": dict(btc_produced=552, btc_produced_per_day=18.4, btc_held=7358, btc_sold=540,
                        btc_sale_proceeds_usd=19.6e6, btc_avg_sale_price_usd=36278, hashrate_deployed_ehs=12.4,
                        # no "Total Power Credits" row: the row named "Power Credits" is the figure; the
                        # $1.6 million of demand-response credits is never added to it
                        power_credits_usd=0.2e6),
        "2023-10": dict(btc_produced=458, btc_held=7345, btc_sold=440, btc_sale_proceeds_usd=12.5e6,
                        btc_avg_sale_price_usd=28408, hashrate_deployed_ehs=11.7),
        "2022-11": dict(btc_produced=521, btc_held=6897, btc_sold=450, btc_avg_sale_price_usd=18009),
    }),
    "iren_2025-08_monthly.txt": (None, "IREN", {
        "2025-08": dict(btc_produced=668, hashrate_operating_ehs=44.0),
        "2025-07": dict(btc_produced=728, hashrate_operating_ehs=45.4),
    }),
    "cleanspark_2022-11_monthly.txt": (None, "CleanSpark", {
        "2022-11": dict(btc_produced=535, btc_produced_per_day=17.8, btc_held=281, btc_sold=544,
                        btc_sale_proceeds_usd=9.4e6, btc_avg_sale_price_usd=17300, hashrate_deployed_ehs=5.5),
    }),
    "riot_2025-12_secondary.txt": ("2025-12", "Riot Platforms", {
        "2025-12": dict(btc_produced=460, btc_held=18005, btc_sold=1818, btc_sale_proceeds_usd=161.6e6,
                        btc_avg_sale_price_usd=88870),
    }),
}
NOT_PRODUCTION = ["bitdeer_2025-q4_results.txt", "corz_2024-12_convertible_terms.txt",
                  "iren_2025-10_convertible_pricing.txt", "spun_copies_debt.txt", "riot_fy2025_headline.txt"]


@pytest.mark.parametrize("name", sorted(CASES))
def test_real_passages_give_the_real_figures(press, name):
    hint, _entity, expected = CASES[name]
    records = parse_production((press / name).read_bytes(), period=hint)
    by_month = {r.period_start.strftime("%Y-%m"): r for r in records}
    assert records[0].period_start.strftime("%Y-%m") == next(iter(expected))
    assert records[0].is_reporting_period and not any(r.is_reporting_period for r in records[1:])
    for month, fields in expected.items():
        assert month in by_month, (name, month, sorted(by_month))
        rec = by_month[month]
        for field, value in fields.items():
            got = getattr(rec, field)
            if value is None:
                assert got is None, (name, month, field, got)
            else:
                assert got == pytest.approx(value), (name, month, field, got, rec.null_reasons.get(field))
                assert field in rec.evidence


@pytest.mark.parametrize("name", sorted(CASES))
def test_expectations_are_the_figures_csv_figures(figures, name):
    _hint, entity, expected = CASES[name]
    checked = 0
    for month, fields in expected.items():
        for metric, (field, factor) in _CSV_METRIC.items():
            row = figures.get((entity, month, metric))
            if row is None or fields.get(field) is None:
                continue
            assert fields[field] == pytest.approx(row[0] * factor), (entity, month, metric)
            checked += 1
    if name != "riot_2023-11_monthly.txt" and name != "cleanspark_2022-11_monthly.txt":
        assert checked, f"no figures.csv row backs {name}"


@pytest.mark.parametrize("name", NOT_PRODUCTION)
def test_passages_that_are_not_production_updates(press, name):
    raw = (press / name).read_bytes()
    assert not looks_like_production_update(raw.decode("utf-8"))
    with pytest.raises(ParseError):
        parse_production(raw)


@pytest.mark.parametrize("name", sorted(CASES))
def test_classifier_recognises_the_real_production_passages(press, name):
    assert looks_like_production_update((press / name).read_text(encoding="utf-8"))
