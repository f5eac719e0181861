"""Capacity and revenue mix: golden files per layout, the segment-table trap and the period rules."""
from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from transforms.errors import ParseError
from transforms.hpc_mix import parse_capacity_mix, parse_revenue_mix
from transforms.hpc_text import read_document

TESTS = Path(__file__).resolve().parents[1]
FIXTURES = TESTS / "fixtures" / "hpc_mix"
GOLDEN = TESTS / "golden" / "hpc_mix"
CASES = sorted(p for p in FIXTURES.iterdir() if p.suffix in {".htm", ".html", ".txt"})
UPDATE = os.environ.get("MINERWATCH_UPDATE_GOLDEN") == "1"


def mix(content: bytes) -> dict:
    return {
        "revenue": [r.model_dump(mode="json") for r in parse_revenue_mix(content)],
        "capacity": [r.model_dump(mode="json") for r in parse_capacity_mix(content)],
    }


def test_every_fixture_has_a_golden_file_and_vice_versa():
    assert {p.stem for p in CASES} == {p.stem for p in GOLDEN.glob("*.json")}
    assert len(CASES) >= 5


@pytest.mark.parametrize("fixture", CASES, ids=lambda p: p.name)
def test_golden(fixture: Path):
    got = mix(fixture.read_bytes())
    golden = GOLDEN / f"{fixture.stem}.json"
    if UPDATE:
        golden.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n")
    assert got == json.loads(golden.read_text())


@pytest.mark.parametrize("fixture", CASES, ids=lambda p: p.name)
def test_golden_evidence_is_verbatim_document_text(fixture: Path):
    text = read_document(fixture.read_bytes()).text
    got = mix(fixture.read_bytes())
    for record in got["revenue"] + got["capacity"]:
        for field, snippet in record["evidence"].items():
            if field not in ("period", "period_end") or not snippet.startswith(("as of", "given")):
                assert snippet in text, (field, snippet)


# --- the segment table ------------------------------------------------------------------------
IREN_TABLE = b"""IREN August 2025 Monthly Update
NEW YORK, Sept. 08, 2025 (GLOBE NEWSWIRE) -- IREN Limited (NASDAQ: IREN) today released its monthly investor update for August 2025.
Key Metrics Aug 25 Jul 25*
Bitcoin Mining
Revenue per Bitcoin mined $114,816 $114,891
Revenue $76.7m $83.6m
Hardware profit3 $50.8m $60.1m
AI Cloud
Revenue $2.4m $2.3m
"""


def test_same_revenue_label_keyed_on_its_section():
    [r] = parse_revenue_mix(IREN_TABLE)
    assert (r.mining_revenue_usd, r.hpc_revenue_usd) == (76.7e6, 2.4e6)
    assert r.total_revenue_usd is None and r.period_type == "month"
    assert (r.period_start, r.period_end) == (date(2025, 8, 1), date(2025, 8, 31))
    assert r.evidence["mining_revenue_usd"] == "Revenue $76.7m $83.6m"


def test_column_is_chosen_by_the_header_not_by_position():
    swapped = IREN_TABLE.replace(b"Key Metrics Aug 25 Jul 25*", b"Key Metrics Jul 25 Aug 25").replace(
        b"Revenue $76.7m $83.6m", b"Revenue $83.6m $76.7m")
    [r] = parse_revenue_mix(swapped)
    assert r.mining_revenue_usd == 76.7e6
    other_month = IREN_TABLE.replace(b"Key Metrics Aug 25 Jul 25*", b"Key Metrics Jun 25 May 25")
    assert parse_revenue_mix(other_month) == []


def test_results_prose_segments_and_total():
    text = b"""Example Reports Third Quarter 2025 Results
NEW YORK, Nov. 10, 2025 (GLOBE NEWSWIRE) -- Example Mining Inc. (NASDAQ: EXMN) today reported results for the third quarter ended September 30, 2025.
- Total revenue was US$224.8 million vs. US$69.0 million.
- Cost of revenue was US$214.3 million vs. US$63.9 million.
- Bitcoin mining revenue of $150.1 million, compared to $50.0 million.
- HPC hosting revenue of $40.2 million.
- Hosting revenue was $34.5 million.
- Revenue for the nine months ended September 30, 2025 was $500.0 million.
- The Company expects HPC revenue of $90 million next quarter.
"""
    [r] = parse_revenue_mix(text)
    assert r.total_revenue_usd == 224.8e6
    assert r.mining_revenue_usd == 150.1e6
    assert r.hpc_revenue_usd == 40.2e6  # "HPC hosting" is HPC, not bitcoin hosting
    assert r.hosting_revenue_usd == 34.5e6
    assert (r.period_start, r.period_end, r.period_type) == (date(2025, 7, 1), date(2025, 9, 30), "quarter")


def test_increase_from_to_takes_the_current_figure():
    text = (b"Example Reports Q3 2025 Results\nNEW YORK, Nov. 10, 2025 (GLOBE NEWSWIRE) -- Example (NASDAQ: EXMN) "
            b"reported results for the third quarter of 2025. Revenue increased 87% to $50.6 million from $27.1 million.")
    [r] = parse_revenue_mix(text)
    assert r.total_revenue_usd == 50.6e6


def test_fiscal_quarter_uses_its_end_date():
    text = (b"IREN Reports Q2 FY26 Results\nSYDNEY, Feb. 05, 2026 (GLOBE NEWSWIRE) -- IREN Limited (NASDAQ: IREN) "
            b"reported results for the quarter ended December 31, 2025 (Q2 FY26).\n- AI Cloud revenue of US$17.3 million")
    [r] = parse_revenue_mix(text)
    assert (r.period_start, r.period_end) == (date(2025, 10, 1), date(2025, 12, 31))
    assert r.hpc_revenue_usd == 17.3e6


def test_fiscal_quarter_without_end_date_needs_a_period():
    text = b"Example Reports Fiscal Second Quarter 2026 Results\n- Total revenue of $10.0 million."
    with pytest.raises(ParseError, match="period"):
        parse_revenue_mix(text)
    [r] = parse_revenue_mix(text, period="2025-Q4", ticker="exmn")
    assert (r.period_end, r.total_revenue_usd, r.ticker) == (date(2025, 12, 31), 10e6, "EXMN")


@pytest.mark.parametrize("headline, fiscal_year_end, start, end", [
    ("Core Scientific Announces Fiscal Third Quarter 2025 Results", "1231", date(2025, 7, 1), date(2025, 9, 30)),
    ("IREN Reports Q1 FY26 Results", "0630", date(2025, 7, 1), date(2025, 9, 30)),
    ("CleanSpark Reports Fiscal First Quarter 2026 Results", "0930", date(2025, 10, 1), date(2025, 12, 31)),
    ("HIVE Reports Second Quarter Fiscal 2025 Results", "0331", date(2024, 7, 1), date(2024, 9, 30)),
])
def test_fiscal_quarter_is_placed_with_the_fiscal_year_end(headline, fiscal_year_end, start, end):
    text = headline.encode() + b"\n- Total revenue of $10.0 million."
    [r] = parse_revenue_mix(text, fiscal_year_end=fiscal_year_end)
    assert (r.period_start, r.period_end, r.period_type) == (start, end, "quarter")
    with pytest.raises(ParseError, match="fiscal year end"):
        parse_revenue_mix(text)


def test_a_calendar_quarter_after_a_fiscal_headline_is_used():
    text = (b"Core Scientific Announces Fiscal Third Quarter 2025 Results\nAUSTIN, Texas, Oct. 29, 2025 (BUSINESS WIRE) "
            b"-- Core Scientific, Inc. (Nasdaq: CORZ) today reported results for the third quarter 2025.\n"
            b"- Total revenue of $81.1 million.")
    [r] = parse_revenue_mix(text)
    assert (r.period_end, r.total_revenue_usd) == (date(2025, 9, 30), 81.1e6)


def test_monthly_production_headline_names_the_month():
    text = (b"HIVE Digital Technologies Reports October 2025 Production\nVancouver, Nov. 5, 2025 (Newsfile Corp.) -- "
            b"HIVE Digital Technologies Ltd. (Nasdaq: HIVE) today announced its production results for October 2025.\n"
            b"HPC and AI cloud revenue of approximately US$2.1 million")
    [r] = parse_revenue_mix(text)
    assert (r.period_start, r.period_end, r.period_type) == (date(2025, 10, 1), date(2025, 10, 31), "month")
    assert r.hpc_revenue_usd == 2.1e6


def test_full_year_section_is_skipped():
    text = b"""Example Reports Fourth Quarter and Full Year 2025 Results
NEW YORK, Feb. 10, 2026 (GLOBE NEWSWIRE) -- Example (NASDAQ: EXMN) reported results for the fourth quarter of 2025.
Fourth Quarter 2025 Highlights
- Total revenue of $180.2 million.
Full Year 2025 Highlights
- Total revenue of $647.4 million.
"""
    [r] = parse_revenue_mix(text)
    assert r.total_revenue_usd == 180.2e6


def test_conflicting_figures_are_null_with_a_reason():
    text = (b"Example Reports Q3 2025 Results\n- Total revenue of $10.0 million.\n- Total revenue of $12.0 million.")
    [r] = parse_revenue_mix(text)
    assert r.total_revenue_usd is None and "different figures" in r.null_reasons["total_revenue_usd"]


def test_table_amounts_without_units_need_the_table_scale():
    rows = b"Example Reports Q3 2025 Results\nRevenue by type\n%s\nTotal revenue | $ 81,100 | $ 95,400\n"
    [r] = parse_revenue_mix(rows % b"(in thousands, unaudited)")
    assert r.total_revenue_usd == 81.1e6
    assert parse_revenue_mix(rows % b"") == []


def test_no_revenue_no_record():
    assert parse_revenue_mix(b"Example update\nWe energized 50 MW of AI capacity in August 2025.") == []


# --- capacity ----------------------------------------------------------------------------------
def test_capacity_sentences():
    text = b"""Example Reports Third Quarter 2025 Results
NEW YORK, Nov. 10, 2025 (GLOBE NEWSWIRE) -- Example (NASDAQ: EXMN) reported results for the quarter ended September 30, 2025.
- Example had 400 MW of energized capacity, of which 120 MW is dedicated to HPC/AI.
- A further 200 MW is under construction.
- Self-mining operations used 230 MW, and hosting customers used 50 MW.
- The Company plans to energize 300 MW more by the end of 2026.
- As of October 31, 2025, energized capacity reached 450 MW.
"""
    records = parse_capacity_mix(text)
    assert [(r.period_end, r.period_type) for r in records] == [(date(2025, 9, 30), "quarter"), (date(2025, 10, 31), "as_of")]
    q = records[0]
    assert (q.energized_mw, q.hpc_mw, q.under_construction_mw) == (400, 120, 200)
    assert (q.self_mining_mw, q.hosting_mw) == (230, 50)
    assert "300" not in json.dumps(q.evidence)  # planned capacity is not capacity
    assert records[1].energized_mw == 450


def test_capacity_under_construction_for_hpc_counts_in_both_fields():
    text = b"""Example Reports Third Quarter 2025 Results
NEW YORK, Nov. 10, 2025 (GLOBE NEWSWIRE) -- Example (NASDAQ: EXMN) reported results for the quarter ended September 30, 2025.
- 168 MW of AI/HPC data center capacity is under construction at the Barber Lake site.
- A further 40 MW of mining capacity is under construction.
"""
    [r] = parse_capacity_mix(text)
    assert r.hpc_under_construction_mw == 168
    assert r.under_construction_mw is None and "different figures" in r.null_reasons["under_construction_mw"]
    [r] = parse_capacity_mix(text.replace(b"- A further 40 MW of mining capacity is under construction.\n", b""))
    assert (r.under_construction_mw, r.hpc_under_construction_mw, r.hpc_mw) == (168, 168, None)


def test_capacity_needs_a_period_for_undated_figures():
    with pytest.raises(ParseError, match="period"):
        parse_capacity_mix(b"Example update\nExample has 400 MW of energized capacity.")
    [r] = parse_capacity_mix(b"Example update\nExample has 400 MW of energized capacity.", period="2025-08")
    assert (r.period_end, r.period_type, r.energized_mw) == (date(2025, 8, 31), "month", 400)


# --- real passages (../shared/reference/press), kept outside the project's fixtures ---------------
def test_real_iren_monthly_passage(shared_dir):
    path = shared_dir / "reference" / "press" / "iren_2025-08_monthly.txt"
    if not path.is_file():
        pytest.skip("reference passage not present")
    [r] = parse_revenue_mix(path.read_bytes())
    assert (r.ticker, r.period_end) == ("IREN", date(2025, 8, 31))
    assert (r.mining_revenue_usd, r.hpc_revenue_usd) == (76.7e6, 2.4e6)  # figures.csv: IREN 2025-08


def test_real_bitdeer_results_passage(shared_dir):
    path = shared_dir / "reference" / "press" / "bitdeer_2025-q4_results.txt"
    if not path.is_file():
        pytest.skip("reference passage not present")
    with pytest.raises(ParseError, match="period"):
        parse_revenue_mix(path.read_bytes())  # a passage without its dateline names no period
    [r] = parse_revenue_mix(path.read_bytes(), period="2025-Q4")
    assert r.total_revenue_usd == 224.8e6


def test_the_hpc_part_of_capacity_under_construction():
    text = b"""Example Reports Third Quarter 2025 Results
NEW YORK, Nov. 10, 2025 (GLOBE NEWSWIRE) -- Example (NASDAQ: EXMN) reported results for the quarter ended September 30, 2025.
- Energized capacity of 820 MW at quarter end, of which 250 MW supported AI/HPC customers.
- 182 MW under construction, of which 132 MW is AI/HPC data center capacity at Denton.
"""
    [r] = parse_capacity_mix(text)
    assert (r.energized_mw, r.hpc_mw) == (820, 250)
    assert (r.under_construction_mw, r.hpc_under_construction_mw) == (182, 132)
    mining_part = text.replace(b"of which 132 MW is AI/HPC data center capacity", b"of which 50 MW is for mining")
    [r] = parse_capacity_mix(mining_part)
    assert (r.under_construction_mw, r.hpc_under_construction_mw, r.self_mining_mw) == (182, None, None)
