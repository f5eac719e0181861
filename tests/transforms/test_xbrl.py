"""transforms.xbrl: companyfacts JSON -> facts, and one value per period end for each canonical metric."""
from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest

from transforms.errors import ParseError
from transforms.xbrl import QuarterEndValue, XbrlFact, parse_companyfacts, quarter_end_values
from transforms.xbrl_metrics import CANONICAL_METRICS, candidate_parts, metric_tags

FIXTURES = Path(__file__).parents[1] / "fixtures" / "xbrl"


@lru_cache(maxsize=1)
def _parse_cached(path: Path) -> tuple[XbrlFact, ...]:
    return tuple(parse_companyfacts(path.read_bytes(), tags=["*"]))


@pytest.fixture
def mstr_path(shared_dir) -> Path:
    path = shared_dir / "real-samples/sec/companyfacts_CIK0001050446_MSTR.json"
    if not path.is_file():
        pytest.skip(f"{path} not available")
    return path


@pytest.fixture
def mstr_facts(mstr_path) -> list[XbrlFact]:
    """The real companyfacts of Strategy Inc (MSTR), every tag."""
    return list(_parse_cached(mstr_path))


def _load(name: str, **kw) -> list[XbrlFact]:
    return parse_companyfacts((FIXTURES / name).read_bytes(), **kw)


# --- the real MicroStrategy (Strategy Inc) companyfacts ------------------------------------------

def test_mstr_long_term_debt_at_2025_q3(mstr_facts):
    rows = [f for f in mstr_facts if f.tag == "LongTermDebt" and f.period_end == date(2025, 9, 30)]
    assert len(rows) == 1
    f = rows[0]
    assert f.value == 8_173_903_000
    assert (f.accession, f.form, f.filed) == ("0001193125-25-262568", "10-Q", date(2025, 11, 3))
    assert (f.cik, f.entity_name, f.taxonomy, f.unit) == (1050446, "STRATEGY INC", "us-gaap", "USD")
    assert (f.fiscal_year, f.fiscal_period, f.frame, f.period_start) == (2025, "Q3", "CY2025Q3I", None)


def test_mstr_bitcoin_carried_as_indefinite_lived_intangible(mstr_facts):
    q = quarter_end_values(mstr_facts, "digital_assets_fair_value")
    assert q[date(2025, 9, 30)] == QuarterEndValue(
        73_205_725_000, "us-gaap:IndefiniteLivedIntangibleAssetsExcludingGoodwill", "0001193125-25-262568", date(2025, 11, 3)
    )


def test_mstr_total_debt_prefers_long_term_debt_and_latest_version(mstr_facts):
    q = quarter_end_values(mstr_facts, "total_debt")
    assert q[date(2025, 9, 30)].value == 8_173_903_000
    assert q[date(2025, 9, 30)].tag == "us-gaap:LongTermDebt"
    # 2024-12-31 is repeated as a comparative by four filings; the latest filed one is reported
    dec = q[date(2024, 12, 31)]
    assert dec.value == 7_191_675_000
    assert (dec.accession, dec.filed) == ("0001193125-25-262568", date(2025, 11, 3))


def test_mstr_every_comparative_row_is_kept(mstr_facts):
    versions = [f for f in mstr_facts if f.tag == "LongTermDebt" and f.period_end == date(2024, 12, 31)]
    assert {f.accession for f in versions} == {
        "0000950170-25-021814", "0000950170-25-063536", "0000950170-25-102209", "0001193125-25-262568",
    }


def test_mstr_revenue_is_the_fiscal_quarter(mstr_facts):
    q = quarter_end_values(mstr_facts, "revenue")
    q3 = q[date(2025, 9, 30)]
    rows = [f for f in mstr_facts if f.tag == q3.tag.split(":")[1] and f.period_end == date(2025, 9, 30)
            and f.period_start == date(2025, 7, 1) and f.accession == q3.accession]
    assert rows and rows[0].value == q3.value


def test_mstr_default_selection_is_the_canonical_tags(mstr_facts, mstr_path):
    default = parse_companyfacts(mstr_path.read_bytes())
    assert {(f.taxonomy, f.tag) for f in default} <= metric_tags()
    assert {"LongTermDebt", "StockholdersEquity", "CashAndCashEquivalentsAtCarryingValue"} <= {f.tag for f in default}
    assert len(mstr_facts) > len(default)


# --- project fixtures ---------------------------------------------------------------------------

def test_amendment_restating_a_value_is_kept_and_wins():
    facts = _load("example_companyfacts_amended-10q.json")
    march = [f for f in facts if f.tag == "LongTermDebt" and f.period_end == date(2025, 3, 31)]
    assert sorted((f.form, f.value) for f in march) == [("10-Q", 410_000_000), ("10-Q/A", 412_500_000)]
    q = quarter_end_values(facts, "total_debt")
    assert q[date(2025, 3, 31)] == QuarterEndValue(412_500_000, "us-gaap:LongTermDebt", "0009999901-25-000020", date(2025, 6, 20))
    assert q[date(2025, 6, 30)].value == 455_000_000


def test_amended_flow_replaces_the_original_quarter():
    q = quarter_end_values(_load("example_companyfacts_amended-10q.json"), "revenue")
    assert q[date(2025, 3, 31)] == QuarterEndValue(69_000_000, "us-gaap:Revenues", "0009999901-25-000020", date(2025, 6, 20))


def test_fourth_quarter_is_the_year_minus_nine_months_and_says_so():
    q = quarter_end_values(_load("example_companyfacts_amended-10q.json"), "revenue")
    q4 = q[date(2024, 12, 31)]
    assert q4.value == 230_000_000 - 165_000_000
    assert q4.tag == "us-gaap:Revenues (12 months - 9 months)"
    assert q4.accession == "0009999901-25-000004"
    assert q[date(2024, 9, 30)].value == 58_000_000


def test_exact_duplicate_rows_are_dropped_once():
    facts = _load("example_companyfacts_amended-10q.json")
    tenk = [f for f in facts if f.tag == "LongTermDebt" and f.accession == "0009999901-25-000004"]
    assert len(tenk) == 1


def test_missing_optional_fields_are_tolerated_and_rows_without_filed_are_skipped():
    facts = _load("example_companyfacts_amended-10q.json")
    sept = [f for f in facts if f.tag == "LongTermDebt" and f.period_end == date(2025, 9, 30)]
    assert len(sept) == 1
    assert (sept[0].form, sept[0].fiscal_year, sept[0].fiscal_period, sept[0].frame) == (None, None, None, None)
    assert quarter_end_values(facts, "total_debt")[date(2025, 9, 30)].value == 460_000_000
    assert not [f for f in facts if f.period_end == date(2025, 12, 31)]


def test_crypto_units_in_a_custom_unit_and_other_coins_ignored():
    facts = _load("example_companyfacts_amended-10q.json")
    assert {f.unit for f in facts if f.tag == "CryptoAssetNumberOfUnits"} == {"Bitcoin", "ETH"}
    q = quarter_end_values(facts, "btc_units")
    assert {d: v.value for d, v in q.items()} == {date(2025, 3, 31): 1250, date(2025, 6, 30): 1310}
    assert quarter_end_values(facts, "btc_units", unit="ETH")[date(2025, 6, 30)].value == 500


def test_every_unit_key_is_read():
    facts = _load("example_companyfacts_amended-10q.json", tags=["*"])
    assert {f.unit for f in facts} == {"USD", "Bitcoin", "ETH", "shares"}
    assert {f.taxonomy for f in facts} == {"us-gaap", "dei"}


def test_debt_split_into_current_and_noncurrent_is_summed_from_one_filing():
    facts = _load("clsk_companyfacts_current-noncurrent.json")
    q = quarter_end_values(facts, "total_debt")
    dec = q[date(2025, 12, 31)]
    assert dec.value == 1_790_000_000 + 5_000_000
    assert dec.tag == "us-gaap:LongTermDebtNoncurrent+us-gaap:LongTermDebtCurrent"
    assert dec.accession == "0000827876-26-000012"
    assert q[date(2025, 9, 30)].value == 1_152_000_000


def test_crypto_fair_value_current_alone_or_with_noncurrent():
    q = quarter_end_values(_load("clsk_companyfacts_current-noncurrent.json"), "digital_assets_fair_value")
    assert q[date(2024, 12, 31)].value == 929_080_000
    assert q[date(2024, 12, 31)].tag == "us-gaap:CryptoAssetFairValueCurrent"
    assert q[date(2025, 6, 30)].value == 877_067_000 + 202_687_000
    assert q[date(2025, 6, 30)].tag == "us-gaap:CryptoAssetFairValueCurrent+us-gaap:CryptoAssetFairValueNoncurrent"


def test_sum_rule_is_not_used_when_the_total_tag_is_reported():
    facts = _load("clsk_companyfacts_current-noncurrent.json")
    total = XbrlFact(cik=827876, entity_name="CLEANSPARK, INC.", taxonomy="us-gaap", tag="LongTermDebt", unit="USD",
                     period_start=None, period_end=date(2025, 12, 31), value=1_800_000_000,
                     accession="0000827876-26-000012", form="10-Q", fiscal_year=2026, fiscal_period="Q1",
                     filed=date(2026, 2, 9), frame=None)
    q = quarter_end_values(facts + [total], "total_debt")
    assert q[date(2025, 12, 31)] == QuarterEndValue(1_800_000_000, "us-gaap:LongTermDebt", "0000827876-26-000012", date(2026, 2, 9))
    assert q[date(2025, 9, 30)].tag.count("+") == 1


def test_ifrs_filer():
    facts = _load("bitf_companyfacts_ifrs.json")
    assert {f.taxonomy for f in facts} == {"ifrs-full"}
    debt = quarter_end_values(facts, "total_debt")[date(2025, 12, 31)]
    assert debt.value == 523_000_000
    assert debt.tag == "ifrs-full:NoncurrentPortionOfNoncurrentBorrowings+ifrs-full:CurrentBorrowingsAndCurrentPortionOfNoncurrentBorrowings"
    assert quarter_end_values(facts, "cash")[date(2025, 12, 31)].value == 640_000_000
    assert quarter_end_values(facts, "cash", unit="CAD")[date(2025, 12, 31)].value == 880_000_000
    assert quarter_end_values(facts, "equity")[date(2025, 12, 31)].tag == "ifrs-full:Equity"
    revenue = quarter_end_values(facts, "revenue")
    assert revenue[date(2025, 12, 31)] == QuarterEndValue(75_000_000, "ifrs-full:Revenue", "0001812477-26-000008", date(2026, 3, 10))
    assert quarter_end_values(facts, "btc_units") == {}


def test_qualified_and_bare_tag_selection():
    body = (FIXTURES / "bitf_companyfacts_ifrs.json").read_bytes()
    assert {f.tag for f in parse_companyfacts(body, tags=["ifrs-full:Equity"])} == {"Equity"}
    assert {f.tag for f in parse_companyfacts(body, tags=["us-gaap:Equity"])} == set()
    assert {f.tag for f in parse_companyfacts(body, tags=["Revenue", "EntityCommonStockSharesOutstanding"])} == {
        "Revenue", "EntityCommonStockSharesOutstanding"}


# --- errors and the map -------------------------------------------------------------------------

@pytest.mark.parametrize("body, reason", [
    (b"{not json", "malformed JSON"),
    (b"", "malformed JSON"),
    (b"[]", "no `facts`"),
    (b'{"cik": 1, "entityName": "X"}', "no `facts`"),
    (b'{"cik": 1, "facts": []}', "no `facts`"),
    (b'{"entityName": "X", "facts": {}}', "cik"),
    (b'{"cik": 1, "facts": {"us-gaap": []}}', "not an object"),
])
def test_malformed_input_is_a_parse_error(body, reason):
    with pytest.raises(ParseError, match=reason):
        parse_companyfacts(body)


def test_odd_rows_are_skipped_not_fatal():
    body = json.dumps({"cik": "0000000042", "facts": {"us-gaap": {"LongTermDebt": {"units": {"USD": [
        {"end": "2025-03-31", "val": "n/a", "accn": "a", "filed": "2025-05-01"},
        {"end": "not a date", "val": 1, "accn": "a", "filed": "2025-05-01"},
        {"end": "2025-03-31", "val": True, "accn": "a", "filed": "2025-05-01"},
        "garbage",
        {"end": "2025-03-31", "val": 7, "accn": "a", "filed": "2025-05-01", "fy": "2025"},
    ]}}}}}).encode()
    facts = parse_companyfacts(body)
    assert [(f.cik, f.value, f.fiscal_year, f.entity_name) for f in facts] == [(42, 7.0, None, "")]


def test_several_companies_or_unknown_metric_are_refused():
    a = _load("bitf_companyfacts_ifrs.json")
    b = _load("clsk_companyfacts_current-noncurrent.json")
    with pytest.raises(ValueError, match="several companies"):
        quarter_end_values(a + b, "cash")
    with pytest.raises(ValueError, match="unknown metric"):
        quarter_end_values(a, "leverage")


def test_canonical_map_is_well_formed():
    for name, spec in CANONICAL_METRICS.items():
        assert spec["period"] in ("instant", "duration"), name
        assert spec["unit"] in ("currency", "btc"), name
        assert set(spec["candidates"]) == {"us-gaap", "ifrs-full"}, name
        for cands in spec["candidates"].values():
            for c in cands:
                assert bool(c.get("tags")) != bool(c.get("sum")), (name, c)
                assert c.get("require", "first") in ("first", "any"), (name, c)
                assert candidate_parts(c) and all(t[0].isupper() for t in candidate_parts(c)), (name, c)
    assert [c.get("tags", c.get("sum"))[0] for c in CANONICAL_METRICS["total_debt"]["candidates"]["us-gaap"][:2]] == [
        "LongTermDebt", "LongTermDebtNoncurrent"]
