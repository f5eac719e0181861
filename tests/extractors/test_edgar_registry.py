"""The miner registry: the CSV loads, CIKs are well formed, cadence changes are honoured."""
from __future__ import annotations

from datetime import date

import pytest

from extractors.edgar.registry import (
    Miner,
    cadence_on,
    load_registry,
    miner_by_ticker,
    parse_cadence,
)

REQUIRED = {"MARA", "RIOT", "CLSK", "CIFR", "BITF", "IREN", "HUT", "WULF", "CORZ", "BTDR", "BTBT", "HIVE"}


def test_registry_lists_every_required_miner_once():
    miners = load_registry()
    tickers = [m.ticker for m in miners]
    assert REQUIRED <= set(tickers)
    assert len(tickers) == len(set(tickers))
    assert len({m.cik for m in miners}) == len(miners)


def test_known_ciks_and_filer_types():
    miners = {m.ticker: m for m in load_registry()}
    # From SEC's company_tickers.json (Dec 2025); public code often carries wrong ones.
    assert miners["RIOT"].cik10 == "0001167419"
    assert miners["CLSK"].cik10 == "0000827876"
    assert miners["CORZ"].cik == 1839341  # not 1878848, which is IREN
    assert miners["IREN"].cik == 1878848
    assert {t for t, m in miners.items() if m.filer_type == "6-K"} >= {"BITF", "BTDR", "HIVE"}
    assert miners["CLSK"].fiscal_year_end == "0930"
    assert miners["IREN"].fiscal_year_end == "0630"


def test_riot_moves_from_monthly_to_quarterly_after_december_2025():
    riot = miner_by_ticker("riot")
    assert cadence_on(riot, date(2023, 5, 1)) == "monthly"
    assert cadence_on(riot, date(2025, 12, 31)) == "monthly"
    assert cadence_on(riot, date(2026, 1, 1)) == "quarterly"
    assert cadence_on(riot, date(2026, 4, 15)) == "quarterly"


def test_cadence_grammar_rejects_gaps_overlaps_and_junk():
    assert [s.kind for s in parse_cadence("monthly:2020-01..2025-12;quarterly:2026-01..")] == ["monthly", "quarterly"]
    with pytest.raises(ValueError, match="gap or overlap"):
        parse_cadence("monthly:..2025-10;quarterly:2026-01..")
    with pytest.raises(ValueError, match="gap or overlap"):
        parse_cadence("monthly:..2025-12;quarterly:2025-12..")
    with pytest.raises(ValueError, match="open-ended"):
        parse_cadence("monthly:..;quarterly:2026-01..")
    with pytest.raises(ValueError, match="not 'monthly"):
        parse_cadence("weekly:..")
    with pytest.raises(ValueError, match="ends before"):
        parse_cadence("monthly:2025-06..2025-01")


def test_cadence_on_outside_every_segment_is_a_clear_error():
    m = Miner(ticker="XMPL", cik=1, name="Example", filer_type="8-K", fiscal_year_end="1231",
              cadence="monthly:2024-01..2024-12")
    with pytest.raises(ValueError, match="XMPL has no reporting cadence registered for 2025-01"):
        cadence_on(m, date(2025, 1, 15))


def test_bad_lines_name_the_line(tmp_path):
    path = tmp_path / "miners.csv"
    header = "ticker,cik,name,filer_type,fiscal_year_end,cadence,notes\n"
    path.write_text(header + "AAA,0000000001,A,8-K,1231,monthly:..,\nBBB,12x,B,8-K,1231,monthly:..,\n")
    with pytest.raises(ValueError, match=r"miners.csv:3: .*CIK must be up to 10 digits"):
        load_registry(path)
    path.write_text(header + "AAA,1,A,8-K,1231,monthly:..,\nAAA,2,A2,8-K,1231,monthly:..,\n")
    with pytest.raises(ValueError, match="ticker AAA repeats line 2"):
        load_registry(path)
    path.write_text(header + "AAA,1,A,10-K,1231,monthly:..,\n")
    with pytest.raises(ValueError, match="miners.csv:2"):
        load_registry(path)
    path.write_text(header + "AAA,1,A,8-K,1331,monthly:..,\n")
    with pytest.raises(ValueError, match="MMDD"):
        load_registry(path)


def test_adding_a_miner_is_one_line(tmp_path):
    path = tmp_path / "miners.csv"
    original = (load_registry.__globals__["DEFAULT_REGISTRY"]).read_text(encoding="utf-8")
    path.write_text(original + "GREE,0001844971,Greenidge Generation Holdings Inc.,8-K,1231,monthly:..,\n")
    miners = load_registry(path)
    assert miner_by_ticker("GREE", miners).cik10 == "0001844971"
    with pytest.raises(KeyError, match="not in the registry"):
        miner_by_ticker("NOPE", miners)


def test_minerwatch_registry_points_at_another_registry(tmp_path, monkeypatch):
    """MINERWATCH_REGISTRY swaps the tracked miners (the benchmarks' synthetic registry)."""
    path = tmp_path / "miners.csv"
    path.write_text("ticker,cik,name,filer_type,fiscal_year_end,cadence,notes\n"
                    "ZZZA,0002100001,Zed Hash Inc.,8-K,1231,monthly:..,synthetic\n", encoding="utf-8")
    monkeypatch.setenv("MINERWATCH_REGISTRY", str(path))
    assert [(m.ticker, m.cik) for m in load_registry()] == [("ZZZA", 2100001)]
    monkeypatch.delenv("MINERWATCH_REGISTRY")
    assert "RIOT" in {m.ticker for m in load_registry()}
