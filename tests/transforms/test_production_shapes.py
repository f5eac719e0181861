"""Layouts met in real syndicated copies of production updates (kept aside for measuring accuracy), each
reproduced with invented wording and figures in tests/fixtures/production_shapes/ (see its README)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from transforms.production import parse_production
from transforms.production_glued import decode_row

SHAPES = Path(__file__).parents[1] / "fixtures" / "production_shapes"


def _parse(name: str, **kw):
    return parse_production((SHAPES / name).read_bytes(), **kw)


def _by_end(records):
    return {(r.period_type, r.period_end): r for r in records}


def _evidence_is_text(records, raw: str):
    """Every non-null field cites text of the document (table evidence: its parts, joined by ' | ')."""
    flat = " ".join(raw.split())
    for r in records:
        assert set(r.evidence) == set(r.values())
        for field, ev in r.evidence.items():
            for part in ev.split(" | "):
                assert " ".join(part.split()) in flat, (field, part)


def test_pipe_per_line_table_reads_the_total_rows_not_the_sites():
    records = _parse("pipe_per_line.txt")
    may, apr, may23 = records
    assert (may.period_end, apr.period_end, may23.period_end) == (date(2024, 5, 31), date(2024, 4, 30),
                                                                  date(2023, 5, 31))
    assert (may.btc_produced, may.btc_produced_per_day, may.btc_held) == (287, 9.3, 6412)
    assert (may.hashrate_deployed_ehs, may.hashrate_operating_ehs) == (13.5, 11.2)
    assert may.power_credits_usd == 2.5e6                        # the total row, not "Power Credits" ($2.1M)
    assert may.btc_sold is None and may.btc_sale_proceeds_usd is None   # "-" is missing, not zero
    assert (may23.btc_sold, may23.btc_sale_proceeds_usd, apr.btc_held) == (210, 5.9e6, 6125)
    _evidence_is_text(records, (SHAPES / "pipe_per_line.txt").read_text())


def test_rows_run_together_are_cut_where_the_change_columns_agree():
    records = _parse("glued_rows.txt")
    mar = records[0]
    assert mar.period_end == date(2024, 3, 31) and [r.period_end for r in records[1:]] == [date(2024, 2, 29),
                                                                                           date(2023, 3, 31)]
    assert (mar.btc_produced, mar.btc_produced_per_day, mar.btc_sold) == (412, 13.3, 160)
    assert mar.btc_held == 8108                 # "18,108" = footnote 1 + 8,108 (3% and 17% agree only with it)
    assert mar.hashrate_deployed_ehs == 12.6    # "212.6 EH/s" = footnote 2 + 12.6, never 212.6
    assert (mar.btc_sale_proceeds_usd, mar.btc_avg_sale_price_usd) == (10.7e6, 66875)
    assert mar.power_credits_usd == 3.2e6       # no total row: the "Power Credits" row; demand response not added
    assert mar.btc_held_restricted == 900       # footnote 1 glued to the held cell
    assert records[2].hashrate_deployed_ehs == 8.4 and records[1].btc_held == 7860
    _evidence_is_text(records, (SHAPES / "glued_rows.txt").read_text())


@pytest.mark.parametrize("values, n, changes, expected", [
    ("3623333559%2%", 3, 2, [362, 333, 355]),
    ("17,3277,3096,7660%8%", 3, 2, [7327, 7309, 6766]),
    ("110.9 EH/s210.7 EH/s25.6 EH/s2%95%", 3, 2, [10.9, 10.7, 5.6]),
    ("$9.0 million$8.6 million$6.1 million4%46%", 3, 2, [9.0, 8.6, 6.1]),
    ("-$8.6 million$6.1 millionN/AN/A", 3, 2, [None, 8.6, 6.1]),
])
def test_decode_row(values, n, changes, expected):
    cells, reason = decode_row(values, n, changes)
    assert reason is None and [c.value for c in cells] == expected


def test_a_glued_row_with_more_than_one_reading_stays_null_with_the_reason():
    cells, reason = decode_row("123456N/AN/A", 3, 2)       # 1|23|456, 12|3|456, ... nothing to check against
    assert cells is None and "readings fit" in reason
    text = ("Update for March 2024\nMetricMarch 2024February 2024March 2023Month/MonthYear/Year\n"
            "Bitcoin Mined123456N/AN/A\nBitcoin Sold40303033%33%\n")
    mar = parse_production(text)[0]
    assert mar.btc_produced is None and "readings fit" in mar.null_reasons["btc_produced"]
    assert mar.btc_sold == 40


def test_month_columns_then_a_quarter_column_and_wrapped_labels():
    records = _parse("month_and_quarter_columns.txt")
    by = _by_end(records)
    jun = records[0]
    assert (jun.period_type, jun.period_end) == ("month", date(2024, 6, 30))
    assert (jun.btc_produced, jun.btc_produced_per_day, jun.btc_sold) == (512, 17.1, 498)   # not the clients' 140
    assert jun.hashrate_deployed_ehs == 16.2        # self-mining row; hosting 5.1 and total 21.3 are not it
    assert jun.efficiency_j_per_th == 24.10         # read past the "Appx." cells
    assert jun.btc_sale_proceeds_usd is None and "Appx." in jun.null_reasons["btc_sale_proceeds_usd"]
    q2 = by[("quarter", date(2024, 6, 30))]
    assert (q2.btc_produced, q2.btc_sold, q2.hashrate_deployed_ehs) == (1560, 1543, None)
    assert by[("month", date(2024, 4, 30))].hashrate_deployed_ehs == 15.7
    _evidence_is_text(records, (SHAPES / "month_and_quarter_columns.txt").read_text())


def test_bare_hashrate_cells_are_not_eh_s_when_the_document_uses_ph_s():
    raw = (SHAPES / "month_and_quarter_columns.txt").read_text()
    jun = parse_production(raw + "Capacity figures elsewhere are stated in PH/s.\n")[0]
    assert jun.hashrate_deployed_ehs is None
    big = parse_production(raw.replace("16.2\n16.0\n15.7", "1,620\n1,600\n1,570").replace("PH/s", ""))[0]
    assert big.hashrate_deployed_ehs is None and "too large" in big.null_reasons["hashrate_deployed_ehs"]


def test_key_metrics_glued_to_their_labels():
    rec = _parse("glued_key_metrics.txt")[0]
    assert rec.period_end == date(2024, 3, 31)
    assert (rec.btc_produced, rec.btc_sold, rec.btc_held, rec.hashrate_operating_ehs) == (286, 40, 2045, 6.4)
    # "Grid Sales Equivalent BTC12" names no metric: 12 is neither mined nor sold
    assert rec.evidence["btc_sold"] == "BTC Sold | 40"


def test_glued_key_metrics_are_refused_where_a_numbered_footnote_could_be_glued():
    raw = (SHAPES / "glued_key_metrics.txt").read_text() + "The company mined 286 bitcoin in March 2024.\n" \
        + "1 Approximate figures.\n"
    rec = parse_production(raw)[0]
    assert rec.btc_produced == 286 and rec.btc_held is None and rec.btc_sold is None


def test_holdings_paired_by_position_across_an_inline_footnote():
    rec = _parse("prose_respectively.txt")[0]
    assert (rec.btc_produced, rec.btc_held, rec.hashrate_operating_ehs) == (88.4, 744.6, 2.31)
    assert "744.6" in rec.evidence["btc_held"]
    flipped = parse_production("Update for June 2024\nHoldings of ETH and BTC were 18,002.9 and 744.6, "
                               "respectively, on June 30, 2024.\n")[0]
    assert flipped.btc_held == 744.6
    no_btc = parse_production("Update for June 2024\nThe Company produced 88.4 BTC in June 2024.\n"
                              "Holdings of ETH and SOL were 18,002.9 and 744.6, respectively, on June 30, 2024.\n")[0]
    assert no_btc.btc_held is None


def test_capacity_words_after_the_figure_spelled_counts_and_hodl_position():
    rec = _parse("prose_capacity.txt")[0]
    assert rec.hashrate_deployed_ehs == 5.02       # "EH per second of mining capacity" at month end
    assert rec.hashrate_operating_ehs == 4.90      # the monthly average, not September's 4.71 or 5.0 -> 7.5
    assert rec.btc_produced_per_day == 7           # "seven BTC per day"
    assert rec.btc_held == 2214                    # "hodl position ... was 2,214 BTC"
    assert rec.btc_produced == 301.4


def test_customers_bitcoin_is_not_production():
    rec = parse_production("Update for June 2024\n- Earned 512 self-mined bitcoin and our clients earned an "
                           "estimated 140 bitcoin at our data centers in June\n")[0]
    assert rec.btc_produced == 512
    rec = parse_production("Update for June 2024\n- Our hosting customers earned an estimated 140 bitcoin in June\n"
                           "Deployed hashrate: 10 EH/s\n")[0]
    assert rec.btc_produced is None


def test_hard_wrapped_prose_is_read_as_sentences():
    rec = _parse("hard_wrapped.txt")[0]
    assert (rec.period_type, rec.period_end) == ("quarter", date(2024, 9, 30))
    assert (rec.btc_produced, rec.hashrate_deployed_ehs, rec.btc_sold, rec.btc_avg_sale_price_usd) == \
        (912, 9.4, 880, 61200)
    assert "912 bitcoin" in rec.evidence["btc_produced"]     # the rejoined sentence, not half of it


@pytest.mark.parametrize("sentence, expected", [
    ("Average daily bitcoin production was 10.0 BTC in May 2024.", {"btc_produced_per_day": 10.0}),
    ("The Company sold 200 BTC at an average price of $67,500 for total proceeds of approximately $13.5 million "
     "in May 2024.", {"btc_sold": 200, "btc_avg_sale_price_usd": 67500, "btc_sale_proceeds_usd": 13.5e6}),
    ("Realized hashrate for May 2024 was 7.9 EH/s.", {"hashrate_operating_ehs": 7.9}),
    ("At the end of May 2024, the Company had 10.2 EH/s of installed hashrate.", {"hashrate_deployed_ehs": 10.2}),
    ("The Company earned $2.1 million in power credits in May 2024.", {"power_credits_usd": 2.1e6}),
    ("In May 2024, the Company earned $1.4 million in power credits and $0.3 million in demand response credits, "
     "for total power credits of $1.7 million.", {"power_credits_usd": 1.7e6}),
    ("In May 2024, the Company received $1.4 million in power credits and $0.3 million in demand response "
     "credits.", {"power_credits_usd": 1.4e6}),
    ("The Company mined 310 bitcoin in May 2024 and our hosting clients earned an estimated 95 bitcoin.",
     {"btc_produced": 310}),
])
def test_prose_wordings(sentence, expected):
    rec = parse_production("Monthly Update for May 2024\n" + sentence + "\n")[0]
    assert rec.values() == pytest.approx(expected)
    for field in expected:
        assert rec.evidence[field] == sentence


@pytest.mark.parametrize("sentence", [
    "Market price of bitcoin averaged $67,500 in May 2024. The Company mined 300 bitcoin.",
    "Our cost to mine averaged $45,000 per bitcoin in May 2024. The Company mined 300 bitcoin.",
    "The Company had 10.2 EH/s of network share in May 2024. The Company mined 300 bitcoin.",
])
def test_prose_figures_that_are_not_the_fields(sentence):
    rec = parse_production("Monthly Update for May 2024\n" + sentence + "\n")[0]
    assert rec.values() == {"btc_produced": 300}


@pytest.mark.parametrize("sentence, expected", [
    ("May 2024: 486 BTC earned; 4.5 EH/s operating hashrate", {"btc_produced": 486, "hashrate_operating_ehs": 4.5}),
    ("- 8.0 EH/s of operational self-mining capacity in May 2024", {"hashrate_deployed_ehs": 8.0}),
    ("The company maintained 3.8 EH/s of mining capacity on average in May 2024.", {"hashrate_operating_ehs": 3.8}),
    ("The Company mined 300 bitcoin in May 2024 while increasing its installed capacity from 8 EH/s to 10 EH/s.",
     {"btc_produced": 300}),
])
def test_hashrate_named_after_the_figure(sentence, expected):
    rec = parse_production("Monthly Update for May 2024\n" + sentence + "\n")[0]
    assert rec.values() == pytest.approx(expected)
