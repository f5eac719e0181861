"""The SEC snapshot generator: deterministic, self-contained, in EDGAR's formats, and in step with the
committed snapshot."""
from __future__ import annotations

import builtins
import json
import pathlib
import shutil
from collections import defaultdict
from datetime import date

import pytest

from extractors.edgar.registry import load_registry
from tests.edgar_support import SNAPSHOT
from tools.build_sec_snapshot import DEFAULT_SPEC, check, main
from tools.sec_snapshot.build import build, write
from tools.sec_snapshot.companyfacts import frame_for
from tools.sec_snapshot.layouts import LAYOUTS, LayoutContext, Rendered, layout
from tools.sec_snapshot.markup import Para
from tools.sec_snapshot.spec import SpecError, load_spec
from transforms.edgar import (
    classify_press_release,
    document_text,
    parse_filing_index_htm,
    parse_index_headers,
    parse_submissions,
    parse_submissions_page,
    press_release_exhibits,
    signals_for,
)


@pytest.fixture(scope="module")
def result():
    return build(DEFAULT_SPEC)


def test_two_builds_give_identical_bytes(result, tmp_path):
    again = build(DEFAULT_SPEC)
    assert again.files == result.files
    write(result, tmp_path / "a")
    write(again, tmp_path / "b")
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert files_a == files_b and len(files_a) == len(result.files)
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files_a)


def test_committed_snapshot_matches_the_generator(result):
    assert check(result, SNAPSHOT) == []


def test_check_reports_drift(result, tmp_path):
    out = tmp_path / "snap"
    write(result, out)
    victim = next(rel for rel in sorted(result.files) if rel.endswith("-index.htm"))
    (out / victim).write_bytes(b"changed")
    (out / "sec-www" / "stale.htm").write_bytes(b"old")
    assert main(["--out", str(out), "--check"]) == 1
    assert main(["--out", str(out)]) == 0 and main(["--out", str(out), "--check"]) == 0
    assert not (out / "sec-www" / "stale.htm").exists()


def test_generator_never_reads_shared(monkeypatch):
    real_open, real_read_bytes, real_read_text = builtins.open, pathlib.Path.read_bytes, pathlib.Path.read_text

    def guard(path):
        if "shared" in pathlib.Path(path).parts:
            raise AssertionError(f"the generator read {path}")

    monkeypatch.setattr(builtins, "open", lambda file, *a, **k: (guard(file), real_open(file, *a, **k))[1])
    monkeypatch.setattr(pathlib.Path, "read_bytes", lambda self: (guard(self), real_read_bytes(self))[1])
    monkeypatch.setattr(pathlib.Path, "read_text", lambda self, *a, **k: (guard(self), real_read_text(self, *a, **k))[1])
    assert len(build(DEFAULT_SPEC).files) > 100


def test_write_leaves_routes_and_network_snapshot_alone(result, tmp_path):
    out = tmp_path / "snap"
    shutil.copy(SNAPSHOT / "routes.json", out.mkdir() or out / "routes.json")
    (out / "mempool").mkdir()
    (out / "mempool" / "keep.json").write_text("{}")
    write(result, out)
    assert (out / "routes.json").read_bytes() == (SNAPSHOT / "routes.json").read_bytes()
    assert (out / "mempool" / "keep.json").read_text() == "{}"
    routes = json.loads((SNAPSHOT / "routes.json").read_text())["routes"]
    assert not any("sec" in (r.get("path") or r.get("path_regex") or "") for r in routes)


def test_every_document_is_ascii_as_edgar_requires(result):
    for rel, body in result.files.items():
        if rel.startswith("sec-www/"):
            body.decode("ascii")


def test_submissions_list_every_spec_filing_newest_first(result):
    spec = result.spec
    by_ticker = defaultdict(set)
    for r in result.resolved:
        by_ticker[r.spec.ticker].add(r.accession)
    for ticker, filer in spec.filers.items():
        main_body = result.files[f"sec-data/submissions/CIK{filer.cik10}.json"]
        raw = json.loads(main_body)
        recent = raw["filings"]["recent"]
        assert len({len(v) for v in recent.values()}) == 1, ticker  # parallel arrays
        assert raw["cik"] == filer.cik10 and raw["tickers"] == [ticker]
        subs = parse_submissions(main_body)
        listed = [f.accession for f in subs.filings]
        for page in subs.older_pages:
            rows = parse_submissions_page(result.files[f"sec-data/submissions/{page.name}"], subs.cik)
            assert max(r.filing_date for r in rows) <= page.filing_to < min(f.filing_date for f in subs.filings)
            listed += [r.accession for r in rows]
        assert set(listed) == by_ticker[ticker] and len(listed) == len(set(listed)), ticker
        dates = [f.filing_date for f in subs.filings]
        assert dates == sorted(dates, reverse=True), ticker


def test_accession_prefixes_are_the_filing_agents(result):
    prefixes = {r.accession[:10] for r in result.resolved}
    assert {"0001558370", "0001193125", "0001104659", "0001213900", "0001493152", "0001140361",
            "0001062993", "0001507605"} <= prefixes
    assert all(r.accession[11:13] == r.spec.filed.strftime("%y") for r in result.resolved)


def test_both_index_pages_agree_for_every_filing(result):
    for r in result.resolved:
        if not r.spec.has_documents:
            continue
        folder = f"sec-www{r.folder}"
        htm = parse_filing_index_htm(result.files[f"{folder}/{r.accession}-index.htm"])
        hdr = parse_index_headers(result.files[f"{folder}/{r.accession}-index-headers.html"])
        assert (htm.accession, htm.form, htm.items, htm.filing_date) == (hdr.accession, hdr.form, hdr.items,
                                                                         hdr.filing_date)
        assert [d.filename for d in press_release_exhibits(htm)] == [d.filename for d in press_release_exhibits(hdr)]
        assert result.files[f"{folder}/{r.accession}-index.html"] == result.files[f"{folder}/{r.accession}-index.htm"]
        json_names = [i["name"] for i in json.loads(result.files[f"{folder}/index.json"])["directory"]["item"]]
        assert r.primary_document in json_names


def test_default_classifier_reads_every_exhibit_as_its_spec_kind(result):
    for r in result.resolved:
        if r.exhibit_document is None:
            continue
        doc = next(d for d in r.documents if d.filename == r.exhibit_document)
        signals = signals_for(doc.body, description=doc.description, form=r.spec.form, items=r.items)
        assert classify_press_release(signals) == r.spec.kind, (r.spec.ticker, r.spec.filed, signals.title)


def test_coverage_at_least_eight_miners_over_six_months(result):
    months = defaultdict(set)
    for r in result.resolved:
        if r.spec.kind in ("production", "results") and r.spec.period and r.spec.period[:4] in ("2025", "2026"):
            p = r.spec.period
            if "-Q" in p:
                year, q = int(p[:4]), int(p[-1])
                months[r.spec.ticker] |= {f"{year}-{3 * (q - 1) + i:02d}" for i in (1, 2, 3)}
            elif p[4] == "-" and len(p) == 7:
                months[r.spec.ticker].add(p)
    covered = {t for t, ms in months.items() if len(ms) >= 6}
    assert len(covered) >= 8, months
    assert {m.ticker for m in load_registry()} <= set(months)


def test_riot_december_2025_and_the_switch_to_quarterly(result):
    riot = [r for r in result.resolved if r.spec.ticker == "RIOT" and r.spec.kind == "production"]
    monthly = [r.spec.period for r in riot if r.spec.layout == "riot_monthly"]
    assert max(monthly) == "2025-12"
    (quarterly,) = [r for r in riot if r.spec.layout == "riot_quarterly"]
    assert quarterly.spec.period == "2026-Q1" and quarterly.spec.filed.month == 4
    dec = next(r for r in riot if r.spec.period == "2025-12")
    text = document_text(next(d.body for d in dec.documents if d.type == "EX-99.1"))
    for figure in ("460", "1,818", "161.6 million", "88,870", "18,005", "428", "383", "37.0 million", "96,560",
                   "19,368"):
        assert figure in text, figure


def test_iren_key_metrics_show_the_restated_july(result):
    iren = {r.spec.period: r for r in result.resolved if r.spec.ticker == "IREN" and r.spec.kind == "production"}
    aug = document_text(next(d.body for d in iren["2025-08"].documents if d.type == "EX-99.1"))
    jul = document_text(next(d.body for d in iren["2025-07"].documents if d.type == "EX-99.1"))
    assert "Jul 25*" in aug and "($32,266)*" in aug and "AI Cloud" in aug
    assert "($32,266)" not in jul and "($30,914)" in jul  # the July report showed the first estimate
    assert iren["2025-06"].spec.form == "6-K" and iren["2025-07"].spec.form == "8-K"


def test_companyfacts_shape_and_frames(result):
    doc = json.loads(result.files["sec-data/api/xbrl/companyfacts/CIK0001167419.json"])
    assert doc["cik"] == 1167419 and isinstance(doc["cik"], int)
    cash = doc["facts"]["us-gaap"]["CashAndCashEquivalentsAtCarryingValue"]
    assert set(cash) == {"label", "description", "units"}
    rows = cash["units"]["USD"]
    dec_2024 = [r for r in rows if r["end"] == "2024-12-31"]
    # the 10-K for 2024, three 2025 10-Qs and the 10-K for 2025 (its prior year-end comparative)
    assert len(dec_2024) == 5 and [r.get("frame") for r in dec_2024].count("CY2024Q4I") == 1
    assert max(dec_2024, key=lambda r: r["filed"])["frame"] == "CY2024Q4I"
    revenue = doc["facts"]["us-gaap"]["Revenues"]["units"]["USD"]
    q3 = next(r for r in revenue if r.get("start") == "2025-07-01")
    assert q3["val"] == 180_200_000 and q3["frame"] == "CY2025Q3" and "real" not in q3
    nine_months = next(r for r in revenue if r.get("start") == "2025-01-01")
    assert "frame" not in nine_months
    listed = {r.accession for r in result.resolved if r.spec.ticker == "RIOT"}
    assert all(r["accn"] in listed for tag in doc["facts"]["us-gaap"].values() for r in tag["units"]["USD"])


def test_frames():
    assert frame_for(None, "2025-09-30") == "CY2025Q3I"
    assert frame_for(None, "2025-10-24") is None
    assert frame_for("2025-07-01", "2025-09-30") == "CY2025Q3"
    assert frame_for("2024-01-01", "2024-12-31") == "CY2024"
    assert frame_for("2024-07-01", "2025-06-30") == "CY2024"
    assert frame_for("2025-01-01", "2025-09-30") is None


def test_readme_says_what_is_real(result):
    readme = result.files["sec-README.md"].decode()
    assert "## What is real" in readme and "## What is made up" in readme and "## Adding documents" in readme
    riot_dec = next(line for line in readme.splitlines() if line.startswith("| RIOT | 2025-12 |"))
    assert "btc_sold" in riot_dec.split("|")[3] and "figures.csv" in riot_dec
    assert "0001507605-25-000026 (real)" in readme


# --- the extension points -------------------------------------------------------------------------
def _spec_copy(tmp_path):
    target = tmp_path / "spec"
    shutil.copytree(DEFAULT_SPEC, target)
    return target


def test_adding_a_debt_filing_is_one_spec_entry(tmp_path):
    spec_dir = _spec_copy(tmp_path)
    with open(spec_dir / "filings" / "CLSK.toml", "a", encoding="utf-8") as fh:
        fh.write('\n[[filing]]\nkind = "debt"\nlayout = "convertible_pricing"\nfiled = 2025-11-11\n'
                 'accepted = "07:31:00"\nreport_date = 2025-11-10\n'
                 'terms.principal_usd = 1_150_000_000\nterms.coupon_pct = 0.0\nterms.maturity_date = 2032-02-15\n'
                 'terms.conversion_rate = "52.1832"\nterms.conversion_price_usd = 19.16\nterms.premium_pct = 27.5\n'
                 'terms.reference_price_usd = 15.03\nterms.option_usd = 150_000_000\n'
                 'real = ["principal_usd", "coupon_pct", "conversion_rate"]\nsource = "figures.csv debt CleanSpark 2025-11-10"\n')
    built = build(spec_dir)
    (new,) = [r for r in built.resolved if r.spec.ticker == "CLSK" and r.spec.kind == "debt"
              and r.spec.filed == date(2025, 11, 11)]
    assert new.accession.startswith("0001193125-25-") and new.items == ["8.01", "9.01"]
    text = document_text(next(d.body for d in new.documents if d.type == "EX-99.1"))
    assert "$1.15 billion aggregate principal amount of 0.00% convertible senior notes due 2032" in text
    assert "52.1832 shares per $1,000" in text
    subs = parse_submissions(built.files["sec-data/submissions/CIK0000827876.json"])
    assert new.accession in {f.accession for f in subs.filings}


def test_a_new_layout_registers_and_renders(tmp_path):
    name = "test_only_hpc_note"

    @layout(name)
    def _note(ctx: LayoutContext) -> Rendered:
        return Rendered(ctx.spec.headline, [Para([ctx.spec.terms["line"]])])

    try:
        spec_dir = _spec_copy(tmp_path)
        with open(spec_dir / "filings" / "WULF.toml", "a", encoding="utf-8") as fh:
            fh.write(f'\n[[filing]]\nkind = "hpc"\nlayout = "{name}"\nfiled = 2025-08-14\naccepted = "08:00:00"\n'
                     'headline = "TeraWulf Expands HPC Lease at Lake Mariner"\n'
                     'terms.line = "The tenant exercised an option for a further 40 MW of critical IT load."\n')
        built = build(spec_dir)
        (new,) = [r for r in built.resolved if r.spec.layout == name]
        assert new.items == ["1.01", "7.01", "9.01"]
        text = document_text(next(d.body for d in new.documents if d.type == "EX-99.1"))
        assert "40 MW of critical IT load" in text
    finally:
        LAYOUTS.pop(name, None)


def test_companyfacts_accn_must_be_a_listed_filing(tmp_path):
    spec_dir = _spec_copy(tmp_path)
    path = spec_dir / "companyfacts" / "RIOT.toml"
    path.write_text(path.read_text().replace("0001558370-25-014792", "0001558370-25-999999", 1))
    with pytest.raises(SpecError, match="0001558370-25-999999 is not a listed filing"):
        build(spec_dir)


@pytest.mark.parametrize("entry, message", [
    ('kind = "memo"\nfiled = 2025-08-01\n', "kind 'memo'"),
    ('kind = "debt"\nfiled = 2025-08-01\n', "needs a layout"),
    ('kind = "production"\nlayout = "riot_monthly"\nperiod = "2031-01"\nfiled = 2031-02-01\n', "not in panels"),
    ('kind = "other"\nlayout = "other_release"\nfiled = 2025-08-01\ncolour = "blue"\n', "unknown keys"),
])
def test_spec_errors_name_the_filing(tmp_path, entry, message):
    spec_dir = _spec_copy(tmp_path)
    with open(spec_dir / "filings" / "RIOT.toml", "a", encoding="utf-8") as fh:
        fh.write("\n[[filing]]\n" + entry)
    with pytest.raises(SpecError, match=message):
        load_spec(spec_dir)


def test_spec_filers_agree_with_the_registry():
    spec = load_spec(DEFAULT_SPEC)
    registry = {m.ticker: m for m in load_registry()}
    assert set(spec.filers) == set(registry)
    for ticker, filer in spec.filers.items():
        miner = registry[ticker]
        assert filer.cik == miner.cik, ticker
        assert filer.header["fiscal_year_end"] == miner.fiscal_year_end, ticker
        assert filer.header.get("default_form", "8-K") == miner.filer_type, ticker
