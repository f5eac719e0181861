"""The benchmark corpus generator at tiny scale: SEC-shaped submissions with paging, indexes and
documents the real parsers read, and a real backfill over loopback whose request count equals the
minimum the corpus says a backfill cannot avoid (with SEC's 10 requests/s ceiling on)."""
from __future__ import annotations

import json
from datetime import date

import duckdb
import pytest

from benchmarks.corpus import Scale, build_corpus, minimum_requests
from transforms.edgar import parse_index_headers, parse_submissions, parse_submissions_page, press_release_exhibits

#: Two miners (CIFR's and RIOT's layouts), one year; `recent` cut at 15 so the 38 filings of each
#: miner page into two older files, as SEC pages after 1,000.
TINY = Scale(miners=2, years=1, listings_per_year=24, offerings_per_year=1, recent_limit=15)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    root = tmp_path_factory.mktemp("bench-corpus")
    return root, build_corpus(root, TINY)


def test_submissions_keep_recent_and_page_older_filings_like_sec(tiny):
    root, manifest = tiny
    for m in manifest["miners"]:
        main = (root / f"sec-data/submissions/CIK{m['cik']:010d}.json").read_bytes()
        subs = parse_submissions(main)
        assert subs.cik == m["cik"] and len(subs.filings) == TINY.recent_limit
        assert [p.name for p in subs.older_pages] == [p["name"] for p in m["pages"]] and len(subs.older_pages) == 2
        seen = {f.accession for f in subs.filings}
        newest_older = min(f.filing_date for f in subs.filings)
        total = len(subs.filings)
        for page in subs.older_pages:
            rows = parse_submissions_page((root / "sec-data/submissions" / page.name).read_bytes(), m["cik"])
            assert len(rows) == json.loads(main)["filings"]["files"][subs.older_pages.index(page)]["filingCount"]
            assert all(r.filing_date <= newest_older for r in rows)
            assert all(page.filing_from <= r.filing_date <= page.filing_to for r in rows)
            assert not seen & {r.accession for r in rows}
            seen |= {r.accession for r in rows}
            total += len(rows)
        assert total == m["filings"] == 12 + 2 + 24


def test_every_candidate_has_an_index_and_the_exhibit_it_names(tiny):
    root, manifest = tiny
    kinds = set()
    for m in manifest["miners"]:
        for c in m["candidates"]:
            folder = root / "sec-www/Archives/edgar/data" / str(m["cik"]) / c["accession"].replace("-", "")
            index = parse_index_headers((folder / f"{c['accession']}-index-headers.html").read_bytes())
            assert (folder / "index.json").exists() and (folder / f"{c['accession']}-index.htm").exists()
            exhibits = press_release_exhibits(index)
            assert len(exhibits) == c["documents"] == 1
            body = (folder / exhibits[0].filename).read_bytes()
            assert len(body) == c["bytes"] and b"<" in body
            kinds.add(c["kind"])
    assert kinds == {"production", "debt"}


def test_new_filings_add_one_report_per_miner_and_rewrite_only_what_changed(tmp_path):
    base = build_corpus(tmp_path, TINY)
    grown = build_corpus(tmp_path, TINY, new_filings=True)
    for before, after in zip(base["miners"], grown["miners"]):
        new = [c for c in after["candidates"] if c["accession"] not in {b["accession"] for b in before["candidates"]}]
        assert len(new) == 1 and new[0]["kind"] == "production" and new[0]["filed"] == "2026-04-20"
    # per miner: the new filing's folder (6 files) and the submissions files whose rows moved
    assert 0 < grown["files_written"] <= 10 * TINY.miners
    again = build_corpus(tmp_path, TINY, new_filings=True)
    assert again["files_written"] == 0


def test_a_real_backfill_over_loopback_makes_exactly_the_minimum_requests(tmp_path_factory, tmp_path, monkeypatch,
                                                                         prefect_harness):
    """The real flow against the served corpus, SEC's 10 requests/s enforced by the server: every
    request it makes (counted server-side) is one the corpus says cannot be avoided, and every
    candidate document loads."""
    import os

    from benchmarks.harness import SEC_PREFIX, serve
    from flows.pipeline import backfill_flow

    root = tmp_path_factory.mktemp("bench-corpus-one")
    manifest = build_corpus(root, Scale(**{**TINY.__dict__, "miners": 1}))  # one miner: keep the test short
    for key in list(os.environ):
        if key.startswith("MINERWATCH_"):
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)
    with serve(root, sec_ceiling_per_s=10) as server:
        for key, path in {"SEC_DATA": "/sec-data", "SEC_WWW": "/sec-www"}.items():
            monkeypatch.setenv(f"MINERWATCH_{key}_BASE_URL", server.url + path)
        env = {"MINERWATCH_DB": str(tmp_path / "w.duckdb"), "MINERWATCH_REGISTRY": str(root / "registry.csv"),
               "MINERWATCH_TODAY": "2026-04-30", "MINERWATCH_SEC_NAME": "bench tests",
               "MINERWATCH_SEC_EMAIL": "tests@example.org", "MINERWATCH_SEC_RATE_PER_S": "9.5"}
        for k, v in env.items():
            monkeypatch.setenv(k, v)
        summary = backfill_flow(start=date(2009, 1, 3), end=date(2026, 4, 29), sources=["sec"])
        refused = server.ceilings[0].refused
        made = server.request_count("^" + SEC_PREFIX)
    minimum = minimum_requests(manifest, date(2009, 1, 3), date(2026, 4, 29))
    assert minimum == {"submissions": 1, "pages": 2, "indexes": 14, "exhibits": 14, "total": 31}
    assert made - refused == minimum["total"], (made, refused)
    assert refused <= 2  # 9.5/s under a 10/s window: a 429 is a scheduling accident, not a storm
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    try:
        loaded = con.execute("select count(distinct accession) from ops.loaded_documents").fetchone()[0]
    finally:
        con.close()
    assert loaded == sum(len(m["candidates"]) for m in manifest["miners"]) == 14
    assert summary["sources"]["sec"]["documents"] == 14
