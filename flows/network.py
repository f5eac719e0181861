"""Network statistics: fetch each source's endpoints, parse, load by yearly window, quarantine failures."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import pandas as pd

from prefect import task
from prefect.cache_policies import NO_CACHE

from extractors import blockchain_com, coinmetrics, mempool
from extractors.base import PlannedRequest
from extractors.http import HttpClient, HttpError, Response
from flows.context import WRITE_LOCK, LoadInFlow, RunContext, SourceOutcome
from transforms import network as parse
from transforms.errors import ParseError
from warehouse import load
from warehouse.db import transaction

log = logging.getLogger("minerwatch")

SOURCES = {
    "mempool": mempool,
    "blockchain_com": blockchain_com,
    "coinmetrics": coinmetrics,
}


def yearly_windows(start: date, end: date) -> list[tuple[date, date]]:
    """Split [start, end] into calendar-year windows: the unit of one load transaction."""
    out = []
    year = start.year
    while year <= end.year:
        lo = max(start, date(year, 1, 1))
        hi = min(end, date(year, 12, 31))
        out.append((lo, hi))
        year += 1
    return out


def _parse(request: PlannedRequest, response: Response):
    """(observations, retargets, next_page_token) of one response; raises ParseError."""
    body = response.body
    if request.source == "mempool":
        parsers = {
            "hashrate": parse.parse_mempool_hashrate,
            "rewards": parse.parse_mempool_rewards,
            "fees": parse.parse_mempool_fees,
            "prices": parse.parse_mempool_prices,
        }
        if request.endpoint == "difficulty-adjustments":
            return [], parse.parse_mempool_difficulty_adjustments(body), None
        return parsers[request.endpoint](body), [], None
    if request.source == "blockchain_com":
        return parse.parse_blockchain_chart(body, request.endpoint), [], None
    if request.source == "coinmetrics":
        observations, token = parse.parse_coinmetrics_page(body)
        return observations, [], token
    raise ValueError(f"unknown source {request.source}")


def _fetch_and_parse(client: HttpClient, request: PlannedRequest):
    """Fetch (following pages) and parse; a body that fails to parse is fetched once more
    without validators, since a truncated or garbled transfer is the likeliest cause."""
    responses, observations, retargets = [], [], []
    current: PlannedRequest | None = request
    while current is not None:
        response = client.get(current.source, current.url, current.params, endpoint=current.endpoint)
        try:
            obs, rts, token = _parse(current, response)
        except ParseError:
            log.warning("%s %s: unreadable body, fetching again", current.source, current.endpoint)
            response = client.get(current.source, current.url, current.params, endpoint=current.endpoint,
                                  conditional=False)
            try:
                obs, rts, token = _parse(current, response)
            except ParseError as exc:
                exc.url, exc.document_hash = response.url, response.document_hash
                raise
        responses.append(response)
        observations += obs
        retargets += rts
        current = coinmetrics.next_page(request, token) if token else None
    return responses, observations, retargets


@dataclass
class EndpointExtract:
    """One endpoint fetched and parsed: the responses (bodies dropped: they are archived), the
    rows inside the run's range as DataFrames, or the error that quarantines it."""

    request: PlannedRequest
    responses: list[Response] = field(default_factory=list)
    frame: pd.DataFrame | None = None
    rt_frame: pd.DataFrame | None = None
    covered_to: date | None = None
    error: tuple[str, str, str | None] | None = None  # (reason, url, document_hash)


@dataclass
class NetworkExtract:
    """Every endpoint of one source for one run; plain, picklable data."""

    source: str
    endpoints: list[EndpointExtract]
    requests: int


def _extract_endpoint(ctx: RunContext, client: HttpClient, request: PlannedRequest, start: date | None,
                      end: date) -> EndpointExtract:
    """Fetch (with pages), archive and parse one endpoint; no database."""
    try:
        responses, observations, retargets = _fetch_and_parse(client, request)
    except (HttpError, ParseError) as exc:
        return EndpointExtract(request, error=(f"{type(exc).__name__}: {exc}", getattr(exc, "url", request.url),
                                               getattr(exc, "document_hash", None)))
    frame, rt_frame, covered_to = _endpoint_frames(ctx, observations, retargets, start, end)
    return EndpointExtract(request, [replace(r, body=b"") for r in responses], frame, rt_frame, covered_to)


def _apply_endpoint(ctx: RunContext, extract: EndpointExtract, outcome: SourceOutcome) -> date | None:
    """Quarantine a failed endpoint, or load its rows window by window; returns the day it covers to."""
    request = extract.request
    if extract.error is not None:
        reason, url, document_hash = extract.error
        log.warning("[%s] %s quarantined: %s", request.source, request.endpoint, reason)
        with WRITE_LOCK, ctx.work_db() as con, transaction(con):
            load.quarantine(con, run_id=ctx.run_id, source=request.source, endpoint=request.endpoint, url=url,
                            document_hash=document_hash, reason=reason)
        outcome.quarantined.append(f"{request.endpoint}: {reason}")
        return None
    outcome.documents += len(extract.responses)
    return _load_frames(ctx, request, extract.responses, extract.frame, extract.rt_frame, extract.covered_to,
                        outcome)


def _finish_source(ctx: RunContext, source: str, outcome: SourceOutcome, endpoint_last_days: list[date]) -> SourceOutcome:
    if not outcome.quarantined and endpoint_last_days:
        outcome.last_day = min(endpoint_last_days)
        with WRITE_LOCK, ctx.work_db() as con, transaction(con):
            load.advance_watermark(con, source, outcome.last_day, ctx.run_id)
    log.info("[%s] %d requests, %d documents, %d rows read, %d changed, %d windows loaded, %d already loaded%s",
             source, outcome.requests, outcome.documents, outcome.rows_in, outcome.rows_changed,
             outcome.windows_loaded, outcome.windows_skipped,
             f", {len(outcome.quarantined)} quarantined" if outcome.quarantined else "")
    return outcome


@task(name="network-source", cache_policy=NO_CACHE, retries=0)
def network_source(ctx: RunContext, source: str, start: date | None, end: date) -> SourceOutcome:
    """Fetch every endpoint of one source and load days in [start, end] by yearly window."""
    module = SOURCES[source]
    client = ctx.http()
    outcome = SourceOutcome(source)
    endpoint_last_days = []
    for request in module.plan(ctx.settings, start, ctx.today):
        last_day = _apply_endpoint(ctx, _extract_endpoint(ctx, client, request, start, end), outcome)
        if last_day is not None:
            endpoint_last_days.append(last_day)
    outcome.requests = client.stats.requests[source]
    return _finish_source(ctx, source, outcome, endpoint_last_days)


@task(name="network-source-extract", cache_policy=NO_CACHE, retries=0)
def extract_network(ctx: RunContext, source: str, start: date | None, end: date) -> NetworkExtract:
    """The Dask half of network_source: fetch, archive and parse every endpoint; no database."""
    client = ctx.http()
    endpoints = [_extract_endpoint(ctx, client, request, start, end)
                 for request in SOURCES[source].plan(ctx.settings, start, ctx.today)]
    return NetworkExtract(source, endpoints, client.stats.requests[source])


def load_network_extract(ctx: RunContext, extract: NetworkExtract) -> SourceOutcome:
    """The flow-process half: load each endpoint as network_source would, then the watermark."""
    outcome = SourceOutcome(extract.source)
    last_days = [d for d in (_apply_endpoint(ctx, e, outcome) for e in extract.endpoints) if d is not None]
    outcome.requests = extract.requests
    return _finish_source(ctx, extract.source, outcome, last_days)


def _endpoint_frames(ctx, observations, retargets, start, end):
    """(observations frame, retargets frame, covered_to) of the days in [start, min(end, last complete day)].

    covered_to is None when there is nothing to load.
    """
    last_complete = min(end, ctx.last_complete_day)
    frame = parse.observations_frame(o for o in observations if (start is None or o.day >= start)
                                     and o.day <= last_complete)
    rt_frame = parse.retargets_frame(r for r in retargets if r.time.date() <= last_complete)
    days = list(frame["day"]) + [t.date() for t in rt_frame["time"]]
    if not days:
        return frame, rt_frame, None
    # A retarget list covers every day up to the end asked for, not just the days it lists.
    covered_to = last_complete if len(rt_frame) and frame.empty else max(days)
    return frame, rt_frame, covered_to


def _load_endpoint(ctx, request, responses, observations, retargets, start, end, outcome,
                   windows: list[tuple[date, date]] | None = None, journal: bool = True) -> date | None:
    """Load one endpoint's parsed rows window by window, each window in one transaction.

    `windows` replays exact windows from the load journal; by default the days present are
    split into calendar years.
    """
    frame, rt_frame, covered_to = _endpoint_frames(ctx, observations, retargets, start, end)
    return _load_frames(ctx, request, responses, frame, rt_frame, covered_to, outcome, windows, journal)


def _load_frames(ctx, request, responses, frame, rt_frame, covered_to, outcome,
                 windows: list[tuple[date, date]] | None = None, journal: bool = True) -> date | None:
    if covered_to is None:
        return None
    days = list(frame["day"]) + [t.date() for t in rt_frame["time"]]
    lo, hi = min(days), max(days)
    window_key = _window_key("+".join(r.document_hash for r in responses))
    archive = ctx.archive()
    with WRITE_LOCK, ctx.work_db() as con:
        load.sync_documents(con, [r.entry for r in responses if r.entry is not None])
        for w_lo, w_hi in windows or yearly_windows(lo, hi):
            if load.window_done(con, source=request.source, endpoint=request.endpoint, window_start=w_lo,
                                window_end=w_hi, document_hash=window_key):
                outcome.windows_skipped += 1
                continue
            part = frame[(frame["day"] >= w_lo) & (frame["day"] <= w_hi)]
            rt_part = rt_frame[[w_lo <= t.date() <= w_hi for t in rt_frame["time"]]]
            if journal:
                archive.journal_load({
                    "source": request.source, "endpoint": request.endpoint, "window_start": w_lo,
                    "window_end": w_hi, "documents": [r.document_hash for r in responses],
                    "urls": [r.url for r in responses], "fetched_at": [r.fetched_at for r in responses],
                    "run_id": ctx.run_id,
                })
            changed = _load_window(con, ctx, request, responses[-1], part, rt_part, w_lo, w_hi, window_key)
            outcome.rows_in += len(part) + len(rt_part)
            outcome.rows_changed += changed
            outcome.windows_loaded += 1
        load.resolve_quarantine(con, run_id=ctx.run_id, source=request.source, endpoint=request.endpoint)
    return covered_to


def _load_window(con, ctx, request, doc, part, rt_part, w_lo, w_hi, window_key) -> int:
    """One window in one transaction: merge observations and retargets, record the window."""
    lineage = dict(document_hash=doc.document_hash, url=doc.url, fetched_at=doc.fetched_at,
                   parser_version=parse.PARSER_VERSION, run_id=ctx.run_id)
    with transaction(con):
        changed = load.merge_rows(
            con, "staging.network_observations", load.with_lineage(part, **lineage),
            keys=("source", "metric", "day"), compare=("value",),
            change_entity="source", change_metric="metric", change_period="day",
            change_value="value", run_id=ctx.run_id)
        changed += load.merge_rows(
            con, "staging.difficulty_adjustments", load.with_lineage(rt_part, **lineage),
            keys=("source", "height"), compare=("difficulty", "time"),
            change_entity="source", change_metric="difficulty", change_period="height",
            change_value="difficulty", run_id=ctx.run_id)
        load.record_window(con, source=request.source, endpoint=request.endpoint, window_start=w_lo,
                           window_end=w_hi, document_hash=window_key, run_id=ctx.run_id,
                           rows_in=len(part) + len(rt_part), rows_changed=changed)
    return changed


def _window_key(document_key: str) -> str:
    """A stable id for the set of documents a window was loaded from (pages joined)."""
    if "+" not in document_key:
        return document_key
    import hashlib

    return hashlib.sha256(document_key.encode()).hexdigest()


def submit_network(ctx: RunContext, source: str, start: date | None, end: date) -> list:
    """One task for the source's window; a refresh (start=None) starts at its watermark minus
    the overlap that picks up late revisions."""
    if start is None:
        with ctx.work_db() as con:
            mark = load.watermark(con, source)
        start = mark - timedelta(days=ctx.settings.refresh_overlap_days) if mark else None
    log.info("[%s] window %s .. %s", source, start or "beginning", end)
    if ctx.remote_extract:
        return [LoadInFlow(extract_network.submit(ctx, source, start, end), load_network_extract, ctx)]
    return [network_source.submit(ctx, source, start, end)]


def replay_network(ctx: RunContext, source: str, loads: list[dict]) -> SourceOutcome:
    """Reload a source from the archive alone (no network): every journaled window, in order,
    from the very documents it was loaded from. Used by `minerwatch rebuild`."""
    archive = ctx.archive()
    outcome = SourceOutcome(source)
    parsed: dict[tuple, tuple] = {}
    for record in loads:
        key = (record["endpoint"], tuple(record["documents"]))
        request = PlannedRequest(source, record["endpoint"], record["urls"][-1])
        if key not in parsed:
            responses, observations, retargets = [], [], []
            try:
                for digest, url, fetched_at in zip(record["documents"], record["urls"], record["fetched_at"]):
                    response = Response(url, 200, archive.get(digest), None, digest, fetched_at)
                    obs, rts, _ = _parse(request, response)
                    responses.append(response)
                    observations += obs
                    retargets += rts
            except (ParseError, OSError) as exc:
                outcome.quarantined.append(f"{record['endpoint']}: {exc}")
                parsed[key] = None
                continue
            parsed[key] = (responses, observations, retargets)
            outcome.documents += len(responses)
        if parsed[key] is None:
            continue
        responses, observations, retargets = parsed[key]
        window = (date.fromisoformat(record["window_start"]), date.fromisoformat(record["window_end"]))
        _load_endpoint(ctx, request, responses, observations, retargets, None, window[1], outcome, [window],
                       journal=False)
    return outcome
