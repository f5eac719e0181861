"""Network statistics: fetch each source's endpoints, parse, load by yearly window, quarantine failures."""
from __future__ import annotations

import logging
from datetime import date

from prefect import task
from prefect.cache_policies import NO_CACHE

from extractors import blockchain_com, coinmetrics, mempool
from extractors.base import PlannedRequest
from extractors.http import HttpClient, HttpError, Response
from flows.context import WRITE_LOCK, RunContext, SourceOutcome
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


@task(name="network-source", cache_policy=NO_CACHE, retries=0)
def network_source(ctx: RunContext, source: str, start: date | None, end: date) -> SourceOutcome:
    """Fetch every endpoint of one source and load days in [start, end] by yearly window."""
    module = SOURCES[source]
    settings = ctx.settings
    client = ctx.http()
    outcome = SourceOutcome(source)
    endpoint_last_days = []
    for request in module.plan(settings, start, ctx.today):
        try:
            responses, observations, retargets = _fetch_and_parse(client, request)
        except (HttpError, ParseError) as exc:
            reason = f"{type(exc).__name__}: {exc}"
            log.warning("[%s] %s quarantined: %s", source, request.endpoint, reason)
            with WRITE_LOCK, ctx.work_db() as con, transaction(con):
                load.quarantine(con, run_id=ctx.run_id, source=source, endpoint=request.endpoint,
                                url=getattr(exc, "url", request.url),
                                document_hash=getattr(exc, "document_hash", None), reason=reason)
            outcome.quarantined.append(f"{request.endpoint}: {reason}")
            continue
        outcome.documents += len(responses)
        last_day = _load_endpoint(ctx, request, responses, observations, retargets, start, end, outcome)
        if last_day is not None:
            endpoint_last_days.append(last_day)
    outcome.requests = client.stats.requests[source]
    if not outcome.quarantined and endpoint_last_days:
        outcome.last_day = min(endpoint_last_days)
        with WRITE_LOCK, ctx.work_db() as con, transaction(con):
            load.advance_watermark(con, source, outcome.last_day, ctx.run_id)
    log.info("[%s] %d requests, %d documents, %d rows read, %d changed, %d windows loaded, %d already loaded%s",
             source, outcome.requests, outcome.documents, outcome.rows_in, outcome.rows_changed,
             outcome.windows_loaded, outcome.windows_skipped,
             f", {len(outcome.quarantined)} quarantined" if outcome.quarantined else "")
    return outcome


def _load_endpoint(ctx, request, responses, observations, retargets, start, end, outcome,
                   windows: list[tuple[date, date]] | None = None, journal: bool = True) -> date | None:
    """Load one endpoint's parsed rows window by window, each window in one transaction.

    `windows` replays exact windows from the load journal; by default the days present are
    split into calendar years.
    """
    last_complete = min(end, ctx.last_complete_day)
    frame = parse.observations_frame(o for o in observations if (start is None or o.day >= start)
                                     and o.day <= last_complete)
    rt_frame = parse.retargets_frame(r for r in retargets if r.time.date() <= last_complete)
    days = list(frame["day"]) + [t.date() for t in rt_frame["time"]]
    if not days:
        return None
    lo, hi = min(days), max(days)
    # A retarget list covers every day up to the end asked for, not just the days it lists.
    covered_to = last_complete if len(rt_frame) and frame.empty else hi
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
