"""XBRL companyfacts: one task per registered miner, every fact version into staging.xbrl_facts.

companyfacts is one document per CIK holding every period, revalidated by conditional GET; a
window's end bounds what is loaded by `filed` date (the facts the public could see by then), its
start does not split the document. Every row is a version of a fact (a 10-Q/A restating a value
is a row beside the original), so nothing a newer companyfacts drops is deleted. After each load
the canonical metrics (transforms.xbrl_metrics) are picked again per period end into
staging.xbrl_metric_values, which the leverage marts read. Loads are journaled so
`minerwatch rebuild` replays them from the archive.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd
from prefect import task
from prefect.cache_policies import NO_CACHE

from extractors.edgar.companyfacts import fetch_companyfacts
from extractors.edgar.registry import Miner, load_registry
from extractors.http import HttpError, Response
from flows.context import WRITE_LOCK, LoadInFlow, RunContext, SourceOutcome
from flows.sec import sync_registry
from transforms import xbrl
from transforms.errors import ParseError
from transforms.xbrl_metrics import CANONICAL_METRICS, metric_tags
from warehouse import load
from warehouse.db import transaction

log = logging.getLogger("minerwatch")

SOURCE = "xbrl"
#: Tags read beyond the canonical metric map: shares outstanding on the cover (dilution from
#: conversion is shown against it) and net income.
EXTRA_TAGS = (
    "dei:EntityCommonStockSharesOutstanding",
    "us-gaap:NetIncomeLoss",
    "ifrs-full:ProfitLoss",
)
FACT_KEYS = ("ticker", "taxonomy", "tag", "unit", "period", "accession")
FACT_COMPARE = ("cik", "period_start", "period_end", "value", "form", "fiscal_year", "fiscal_period", "filed",
                "frame")
METRIC_KEYS = ("ticker", "metric", "period_end")


def tags_read() -> list[str]:
    """Every taxonomy:tag loaded: the canonical map's tags plus EXTRA_TAGS."""
    return sorted({f"{ns}:{tag}" for ns, tag in metric_tags()} | set(EXTRA_TAGS))


def facts_frame(ticker: str, facts: list[xbrl.XbrlFact]) -> pd.DataFrame:
    """One row per fact version; a key reported twice by one filing keeps its first row."""
    rows = [{
        "ticker": ticker, "cik": f.cik, "taxonomy": f.taxonomy, "tag": f.tag, "unit": f.unit,
        "period": f"{f.period_start.isoformat()}..{f.period_end.isoformat()}" if f.period_start else f.period_end.isoformat(),
        "period_start": f.period_start, "period_end": f.period_end, "value": f.value, "accession": f.accession,
        "form": f.form, "fiscal_year": f.fiscal_year, "fiscal_period": f.fiscal_period, "filed": f.filed,
        "frame": f.frame,
    } for f in facts]
    frame = pd.DataFrame(rows, columns=["ticker", "cik", "taxonomy", "tag", "unit", "period", "period_start",
                                        "period_end", "value", "accession", "form", "fiscal_year",
                                        "fiscal_period", "filed", "frame"])
    frame["fiscal_year"] = frame["fiscal_year"].astype("Int64")
    frame["value"] = frame["value"].astype("float64")
    return frame.drop_duplicates(subset=list(FACT_KEYS), keep="first")


def metric_values_frame(ticker: str, facts: list[xbrl.XbrlFact]) -> pd.DataFrame:
    """Each canonical metric per period end, picked by transforms.xbrl.quarter_end_values."""
    rows = []
    for metric, spec in CANONICAL_METRICS.items():
        for end, picked in sorted(xbrl.quarter_end_values(facts, metric).items()):
            rows.append((ticker, metric, end, picked.value, "BTC" if spec["unit"] == "btc" else "USD", picked.tag,
                         picked.accession, picked.filed))
    frame = pd.DataFrame(rows, columns=["ticker", "metric", "period_end", "value", "unit", "tag", "accession", "filed"])
    frame["value"] = frame["value"].astype("float64")
    return frame


def _stored_facts(con, ticker: str) -> list[xbrl.XbrlFact]:
    rows = con.execute(
        "select cik, taxonomy, tag, unit, period_start, period_end, value, accession, form, fiscal_year,"
        " fiscal_period, filed, frame from staging.xbrl_facts where ticker = ?", [ticker]).fetchall()
    return [xbrl.XbrlFact(cik=r[0], entity_name="", taxonomy=r[1], tag=r[2], unit=r[3], period_start=r[4],
                          period_end=r[5], value=r[6], accession=r[7], form=r[8], fiscal_year=r[9],
                          fiscal_period=r[10], filed=r[11], frame=r[12]) for r in rows]


def parse_companyfacts(miner: Miner, body: bytes) -> list[xbrl.XbrlFact]:
    """The facts of the tags read; raises ParseError when the body is not companyfacts or belongs to
    another CIK. Pure: runs in a Dask worker under the Dask task runner."""
    facts = xbrl.parse_companyfacts(body, tags=tags_read())
    ciks = {f.cik for f in facts}
    if ciks and ciks != {miner.cik}:
        raise ParseError(f"companyfacts for CIK {sorted(ciks)}, expected {miner.ticker}'s {miner.cik}")
    return facts


def load_companyfacts(con, ctx: RunContext, miner: Miner, *, body: bytes | None, document_hash: str, url: str,
                      fetched_at: str, filed_until: date, journal: bool,
                      facts: list[xbrl.XbrlFact] | None = None) -> tuple[int, int] | None:
    """Load one companyfacts body's facts filed up to `filed_until`, in one transaction.

    Returns (fact rows read, rows written), or None when this very body already loaded this window. Raises
    ParseError when the body is not companyfacts or belongs to another CIK. `facts` parsed elsewhere
    (parse_companyfacts) replace the body.
    """
    facts = parse_companyfacts(miner, body) if facts is None else facts
    facts = [f for f in facts if f.filed <= filed_until]
    endpoint = f"companyfacts:{miner.ticker}"
    # the window is the span of filing dates actually loaded, so an unchanged companyfacts revalidated
    # on a later night (a later filed_until, the same facts) is recognised as already loaded
    window_start = min((f.filed for f in facts), default=filed_until)
    window_end = max((f.filed for f in facts), default=filed_until)
    if load.window_done(con, source=SOURCE, endpoint=endpoint, window_start=window_start,
                        window_end=window_end, document_hash=document_hash):
        return None
    if journal:
        ctx.archive().journal_load({
            "source": SOURCE, "ticker": miner.ticker, "endpoint": endpoint, "filed_until": filed_until,
            "documents": [document_hash], "urls": [url], "fetched_at": [fetched_at], "run_id": ctx.run_id,
        })
    frame = load.with_lineage(facts_frame(miner.ticker, facts), document_hash=document_hash, url=url,
                              fetched_at=fetched_at, parser_version=xbrl.PARSER_VERSION, run_id=ctx.run_id)
    with transaction(con):
        changed = load.merge_rows(
            con, "staging.xbrl_facts", frame, keys=FACT_KEYS, compare=FACT_COMPARE,
            change_entity="ticker", change_metric="tag", change_period="period || ' ' || accession",
            change_value="value", run_id=ctx.run_id)
        changed += _refresh_metric_values(con, ctx.run_id, miner.ticker, document_hash)
        load.record_window(con, source=SOURCE, endpoint=endpoint, window_start=window_start, window_end=window_end,
                           document_hash=document_hash, run_id=ctx.run_id, rows_in=len(frame), rows_changed=changed)
    return len(frame), changed


def _refresh_metric_values(con, run_id: str, ticker: str, document_hash: str) -> int:
    """Pick the canonical metrics again from all of the ticker's stored facts; write what changed."""
    frame = metric_values_frame(ticker, _stored_facts(con, ticker))
    frame["document_hash"] = document_hash
    frame["run_id"] = run_id
    changed = load.merge_rows(
        con, "staging.xbrl_metric_values", frame, keys=METRIC_KEYS, compare=("value", "unit", "tag", "accession", "filed"),
        change_entity="ticker", change_metric="metric", change_period="period_end", change_value="value",
        run_id=run_id)
    still = frame[list(METRIC_KEYS)]
    con.register("_still_metrics", still)
    try:
        gone = con.execute(
            "delete from staging.xbrl_metric_values t where t.ticker = ? and not exists (select 1 from _still_metrics s"
            " where s.ticker = t.ticker and s.metric = t.metric and s.period_end = t.period_end) returning metric",
            [ticker]).fetchall()
    finally:
        con.unregister("_still_metrics")
    return changed + len(gone)


def _quarantine(ctx: RunContext, ticker: str, url, document_hash, reason: str, outcome: SourceOutcome) -> None:
    log.warning("[xbrl] %s companyfacts quarantined: %s", ticker, reason)
    with WRITE_LOCK, ctx.work_db() as con, transaction(con):
        load.quarantine(con, run_id=ctx.run_id, source=f"{SOURCE}:{ticker}", endpoint="companyfacts", url=url,
                        document_hash=document_hash, reason=reason)
    outcome.quarantined.append(f"{ticker} companyfacts: {reason}")


def _finish(ctx: RunContext, ticker: str, end: date, outcome: SourceOutcome) -> None:
    outcome.last_day = end
    with WRITE_LOCK, ctx.work_db() as con, transaction(con):
        load.advance_watermark(con, f"{SOURCE}:{ticker}", end, ctx.run_id)
        load.resolve_quarantine(con, run_id=ctx.run_id, source=f"{SOURCE}:{ticker}")


@task(name="xbrl-miner", cache_policy=NO_CACHE, retries=0)
def xbrl_miner(ctx: RunContext, ticker: str, start: date | None, end: date) -> SourceOutcome:
    """Fetch one miner's companyfacts (conditional GET) and load the facts filed up to `end`."""
    return load_xbrl_extract(ctx, _extract(ctx, ticker, end, parse=False))


@dataclass
class XbrlExtract:
    """One miner's companyfacts as fetched (and, in a worker, parsed); plain, picklable data."""

    ticker: str
    end: date
    requests: int = 0
    error: tuple[str, str | None, str | None] | None = None  # (reason, url, document_hash)
    response: Response | None = None  # None: the CIK has no companyfacts
    facts: list[xbrl.XbrlFact] | None = None  # None: not parsed yet (or the parse failed: see parse_error)
    parse_error: str | None = None


def _extract(ctx: RunContext, ticker: str, end: date, parse: bool) -> XbrlExtract:
    miner = next(m for m in load_registry() if m.ticker == ticker)
    client = ctx.http()
    out = XbrlExtract(ticker, end)
    try:
        out.response = fetch_companyfacts(client, miner.cik)
    except (HttpError, ParseError) as exc:
        out.error = (f"{type(exc).__name__}: {exc}", getattr(exc, "url", None), getattr(exc, "document_hash", None))
    out.requests = client.stats.requests["sec"]
    if parse and out.response is not None:
        try:
            out.facts = parse_companyfacts(miner, out.response.body)
        except ParseError as exc:
            out.parse_error = str(exc)
        out.response = replace(out.response, body=b"")  # archived; the facts are what the load needs
    return out


@task(name="xbrl-miner-extract", cache_policy=NO_CACHE, retries=0)
def extract_xbrl_miner(ctx: RunContext, ticker: str, end: date) -> XbrlExtract:
    """The Dask half of xbrl_miner: fetch, archive and parse one miner's companyfacts; no database."""
    return _extract(ctx, ticker, end, parse=True)


def load_xbrl_extract(ctx: RunContext, extract: XbrlExtract) -> SourceOutcome:
    """Load one miner's companyfacts in this process (the one writer), then its watermark."""
    ticker, end, response = extract.ticker, extract.end, extract.response
    miner = next(m for m in load_registry() if m.ticker == ticker)
    outcome = SourceOutcome(SOURCE, requests=extract.requests)
    if extract.error is not None:
        _quarantine(ctx, ticker, extract.error[1], extract.error[2], extract.error[0], outcome)
        return outcome
    if response is None:  # no XBRL facts for this CIK (some foreign private issuers): nothing to load
        log.info("[xbrl] %s: no companyfacts", ticker)
        _finish(ctx, ticker, end, outcome)
        return outcome
    outcome.documents = 1
    try:
        if extract.parse_error is not None:
            raise ParseError(extract.parse_error)
        with WRITE_LOCK, ctx.work_db() as con:
            load.sync_documents(con, [response.entry] if response.entry is not None else [])
            changed = load_companyfacts(con, ctx, miner, body=response.body, document_hash=response.document_hash,
                                        url=response.url, fetched_at=response.fetched_at, filed_until=end,
                                        journal=True, facts=extract.facts)
    except ParseError as exc:
        _quarantine(ctx, ticker, response.url, response.document_hash, f"ParseError: {exc}", outcome)
        return outcome
    if changed is None:
        outcome.windows_skipped += 1
        log.info("[xbrl] %s: companyfacts already loaded up to %s", ticker, end)
    else:
        outcome.windows_loaded += 1
        outcome.rows_in += changed[0]
        outcome.rows_changed += changed[1]
        log.info("[xbrl] %s: %d facts read, %d rows changed", ticker, *changed)
    _finish(ctx, ticker, end, outcome)
    return outcome


def submit_xbrl(ctx: RunContext, source: str, start: date | None, end: date) -> list:
    """One task per registered miner; they share SEC's rate limit through the process-wide limiter."""
    miners = load_registry()
    with WRITE_LOCK, ctx.work_db() as con, transaction(con):
        sync_registry(con, miners, ctx.today)
    if ctx.remote_extract:
        return [LoadInFlow(extract_xbrl_miner.submit(ctx, m.ticker, end), load_xbrl_extract, ctx) for m in miners]
    return [xbrl_miner.submit(ctx, m.ticker, start, end) for m in miners]


def replay_xbrl(ctx: RunContext, source: str, loads: list[dict]) -> SourceOutcome:
    """Reload every journaled companyfacts load from the archive (no network), in order."""
    archive = ctx.archive()
    outcome = SourceOutcome(SOURCE)
    miners = {m.ticker: m for m in load_registry()}
    with WRITE_LOCK, ctx.work_db() as con:
        with transaction(con):
            sync_registry(con, list(miners.values()), ctx.today)
        for record in loads:
            ticker, digest = record["ticker"], record["documents"][0]
            if ticker not in miners or not archive.has(digest):
                outcome.quarantined.append(f"{ticker} companyfacts: archive object missing or miner unknown")
                continue
            until = date.fromisoformat(record["filed_until"])
            try:
                changed = load_companyfacts(con, ctx, miners[ticker], body=archive.get(digest), document_hash=digest,
                                            url=record["urls"][0], fetched_at=record["fetched_at"][0],
                                            filed_until=until, journal=False)
            except ParseError as exc:
                outcome.quarantined.append(f"{ticker} companyfacts: {exc}")
                continue
            outcome.documents += 1
            if changed is not None:
                outcome.rows_in += changed[0]
                outcome.rows_changed += changed[1]
            with transaction(con):
                load.advance_watermark(con, f"{SOURCE}:{ticker}", until, ctx.run_id)
    return outcome
