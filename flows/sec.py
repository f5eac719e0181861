"""SEC filings: per miner, discover new 8-K/6-K press releases, parse each by kind, load it.

One Prefect task per miner and date window (the submissions request, the new filings' indexes
and exhibits, all through the shared client and SEC's shared rate limit). Each document loads in
its own transaction through the handler registered for its kind; a document whose parser
fails is fetched once more and then quarantined with the reason, and the next run retries it
(only loaded accessions count as seen). Documents loaded by an older parser version are re-read
from the archive, with no network.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Callable

import duckdb
from prefect import task
from prefect.cache_policies import NO_CACHE

from extractors.archive import ArchiveEntry
from extractors.edgar.discovery import DiscoveryFailure, discover
from extractors.edgar.filing_index import fetch_document
from extractors.edgar.registry import Miner, cadence_on, load_registry
from extractors.http import HttpError
from flows.context import WRITE_LOCK, LoadInFlow, RunContext, SourceOutcome
from transforms.debt import looks_like_debt_release
from transforms.edgar import DocumentSignals, classifier_from_predicates, document_text
from transforms.errors import ParseError
from warehouse import load
from warehouse.db import transaction

log = logging.getLogger("minerwatch")

SOURCE = "sec"
#: How far before its watermark a miner's refresh looks again (late filings, amendments).
REFRESH_OVERLAP_DAYS = 45
#: Where a refresh starts for a miner never loaded before.
DEFAULT_START = date(2024, 1, 1)


def _is_debt_document(signals: DocumentSignals) -> bool:
    """An 8-K creating a direct financial obligation (Item 2.03), or a release whose headline or lead
    names a debt instrument with a transaction (transforms.debt.looks_like_debt_release)."""
    return "2.03" in signals.items or looks_like_debt_release(f"{signals.title}\n{signals.text}")


@dataclass(frozen=True)
class SecDocument:
    """A press-release document to load, with what the handlers need for lineage."""

    ticker: str
    accession: str
    filing_date: date
    url: str
    document_hash: str
    fetched_at: str
    kind: str
    body: bytes
    exhibit_type: str | None = None  # "EX-99.1" ..., or the form for a filing without exhibits
    form: str | None = None          # "8-K", "6-K", ...
    title: str | None = None         # the release headline


@dataclass(frozen=True)
class Handler:
    """Loads one kind of document: returns the rows it wrote; raises ParseError when unreadable.

    `optional`: a ParseError means "nothing of this kind here" (results releases often carry no
    production table), not a broken document.
    `parse`: the pure half, `doc -> records` (no database, picklable result). When given, `load` is
    called as `load(con, ctx, doc, records)`, so records parsed elsewhere (a Dask worker process)
    are loaded without parsing again; `load(con, ctx, doc)` still parses for itself. A handler
    without `parse` is parsed at load time: under Dask its unreadable document is quarantined
    without the one refetch (every handler registered here has a `parse`).
    """

    load: Callable[..., int]
    parser_version: str
    optional: bool = False
    parse: Callable[[SecDocument], Any] | None = None


#: kind -> handlers, in order. Filled by the modules that own each kind (flows/sec_*.py).
HANDLERS: dict[str, list[Handler]] = {}


def register(kind: str, handler: Handler) -> None:
    HANDLERS.setdefault(kind, []).append(handler)


#: (kind, predicate) pairs tried in order before the keyword classifier (transforms.edgar), added by
#: the modules that own a kind when keywords alone misfile its documents.
PREDICATES: list[tuple[str, Callable[[DocumentSignals], bool]]] = []


def register_predicate(kind: str, predicate: Callable[[DocumentSignals], bool]) -> None:
    PREDICATES.append((kind, predicate))


#: Debt first, before any module's predicates: a notes offering funding AI data centres is debt.
register_predicate("debt", _is_debt_document)


def classify(signals: DocumentSignals) -> str:
    """The kind of one exhibit: the registered predicates first, then the keyword classifier."""
    return classifier_from_predicates(PREDICATES)(signals)


def sync_registry(con: duckdb.DuckDBPyConnection, miners: list[Miner], today: date) -> None:
    """Mirror registry/miners.csv into staging.miners (marts join it for names and cadence)."""
    con.execute("delete from staging.miners")
    con.executemany("insert into staging.miners values (?, ?, ?, ?, ?, ?, ?, ?)",
                    [(m.ticker, m.cik, m.name, m.filer_type, m.fiscal_year_end, m.cadence,
                      _cadence_today(m, today), today) for m in miners])


def _cadence_today(miner: Miner, today: date) -> str:
    try:
        return cadence_on(miner, today)
    except ValueError:
        return miner.cadence_segments[-1].kind


def _parser_versions(kind: str) -> str:
    return "+".join(h.parser_version for h in HANDLERS.get(kind, [])) or "none"


#: An exhibit with less readable text than this is a broken transfer or a new binary layout,
#: not a press release: it is quarantined rather than filed away as "other".
MIN_TEXT_CHARS = 200


def check_readable(doc: SecDocument) -> None:
    """Raise ParseError for an exhibit with too little text to be a press release."""
    if len(document_text(doc.body, limit=MIN_TEXT_CHARS * 4).strip()) < MIN_TEXT_CHARS:
        raise ParseError(f"the {doc.kind} exhibit has no readable text (under {MIN_TEXT_CHARS} characters)")


#: Placeholder in a ParsedDocument for a handler without a pure `parse`: its load parses itself.
NOT_PARSED = None


@dataclass(frozen=True)
class ParsedDocument:
    """What every handler of the document's kind parsed from it, in HANDLERS order: records, or
    the ParseError message (kept as text: plain data crosses process boundaries safely)."""

    kind: str
    results: tuple[Any, ...]
    errors: tuple[str | None, ...]
    unreadable: str | None = None  # check_readable's message

    @property
    def loadable(self) -> bool:
        """False when load_document would raise ParseError (what triggers the one refetch)."""
        handlers = HANDLERS.get(self.kind, [])
        return self.unreadable is None and not any(
            err is not None and not h.optional for h, err in zip(handlers, self.errors))


def parse_document(doc: SecDocument) -> ParsedDocument:
    """Run the pure half of every handler of the document's kind; no database needed."""
    try:
        check_readable(doc)
    except ParseError as exc:
        return ParsedDocument(doc.kind, (), (), unreadable=str(exc))
    results, errors = [], []
    for handler in HANDLERS.get(doc.kind, []):
        if handler.parse is None:
            results.append(NOT_PARSED)
            errors.append(None)
            continue
        try:
            results.append(handler.parse(doc))
            errors.append(None)
        except ParseError as exc:
            results.append(None)
            errors.append(str(exc) or type(exc).__name__)
    return ParsedDocument(doc.kind, tuple(results), tuple(errors))


def load_document(con, ctx: RunContext, doc: SecDocument, parsed: ParsedDocument | None = None) -> int:
    """Run every handler of the document's kind in one transaction and record the document.

    `parsed` (from parse_document, possibly in another process) skips parsing again.
    """
    handlers = HANDLERS.get(doc.kind, [])
    if parsed is not None and (parsed.kind != doc.kind or
                               (parsed.unreadable is None and len(parsed.results) != len(handlers))):
        parsed = None  # parsed against another registry: parse here
    if parsed is None:
        check_readable(doc)
    elif parsed.unreadable is not None:
        raise ParseError(parsed.unreadable)
    rows = 0
    with transaction(con):
        for i, handler in enumerate(handlers):
            try:
                if parsed is not None and handler.parse is not None:
                    if parsed.errors[i] is not None:
                        raise ParseError(parsed.errors[i])
                    rows += handler.load(con, ctx, doc, parsed.results[i])
                else:
                    rows += handler.load(con, ctx, doc)
            except ParseError:
                if not handler.optional:
                    raise
        # A re-read by a newer parser has no index at hand: keep what the first load recorded.
        known = con.execute(
            "select exhibit_type, form, title from ops.loaded_documents where accession = ? and document_hash = ?",
            [doc.accession, doc.document_hash]).fetchone() or (None, None, None)
        con.execute(
            "insert or replace into ops.loaded_documents (source, ticker, accession, filing_date, document_hash,"
            " url, kind, parser_version, records, run_id, loaded_at, exhibit_type, form, title)"
            " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, current_timestamp, ?, ?, ?)",
            [SOURCE, doc.ticker, doc.accession, doc.filing_date, doc.document_hash, doc.url, doc.kind,
             _parser_versions(doc.kind), rows, ctx.run_id, doc.exhibit_type or known[0], doc.form or known[1],
             doc.title or known[2]])
    return rows


def _journal(ctx: RunContext, doc: SecDocument) -> None:
    ctx.archive().journal_load({
        "source": SOURCE, "ticker": doc.ticker, "accession": doc.accession,
        "filing_date": doc.filing_date, "kind": doc.kind, "documents": [doc.document_hash], "urls": [doc.url],
        "fetched_at": [doc.fetched_at], "run_id": ctx.run_id,
        "exhibit_type": doc.exhibit_type, "form": doc.form, "title": doc.title,
    })


def miner_window(ctx: RunContext, miner: Miner, start: date | None) -> date:
    if start is not None:
        return start
    with WRITE_LOCK, ctx.work_db() as con:
        mark = load.watermark(con, f"{SOURCE}:{miner.ticker}")
    return mark - timedelta(days=REFRESH_OVERLAP_DAYS) if mark else DEFAULT_START


def _seen_accessions(ctx: RunContext, ticker: str) -> set[str]:
    # Under the lock like every other open: two threads opening the same DuckDB file at once can
    # fail with "Unique file handle conflict" (seen with a dozen miner tasks starting together).
    with WRITE_LOCK, ctx.work_db() as con:
        return {r[0] for r in con.execute(
            "select distinct accession from ops.loaded_documents where ticker = ?", [ticker]).fetchall()}


def _document(ticker: str, filing, document) -> SecDocument:
    return SecDocument(ticker, filing.accession, filing.filing.filing_date, document.url, document.document_hash,
                       document.response.fetched_at, document.kind, document.response.body,
                       exhibit_type=document.type, form=filing.filing.form, title=document.title or None)


@task(name="sec-miner", cache_policy=NO_CACHE, retries=0)
def sec_miner(ctx: RunContext, ticker: str, start: date | None, end: date) -> SourceOutcome:
    """Discover and load one miner's new filings in [start, end] (filing dates)."""
    miner = next(m for m in load_registry() if m.ticker == ticker)
    client = ctx.http()
    outcome = SourceOutcome(SOURCE)
    window_start = miner_window(ctx, miner, start)
    seen = _seen_accessions(ctx, ticker)
    def load_filing(filing) -> None:
        # Called as each filing arrives, so parsing and loading overlap the fetches still waiting on
        # SEC's rate limit (this miner's next filings and the other miners' tasks).
        for document in filing.documents:
            doc = _document(ticker, filing, document)
            outcome.documents += 1
            try:
                rows = _load_with_one_refetch(ctx, client, miner, doc, document.response)
            except ParseError as exc:
                _quarantine(ctx, ticker, doc.kind, doc.url, doc.document_hash, f"ParseError: {exc}", outcome)
                continue
            outcome.rows_changed += rows
            outcome.windows_loaded += 1

    try:
        found = discover(client, miner, window_start, end, seen, classifier=classify, on_filing=load_filing)
    except (HttpError, ParseError) as exc:
        _quarantine(ctx, ticker, "submissions", getattr(exc, "url", None), None, f"{type(exc).__name__}: {exc}",
                    outcome)
        outcome.requests = client.stats.requests[SOURCE]
        return outcome
    with WRITE_LOCK, ctx.work_db() as con:
        load.sync_documents(con, [r.entry for r in found.submissions_responses if r.entry is not None])
    for failure in found.failures:
        _quarantine(ctx, ticker, "filing", failure.url, None, failure.reason, outcome)
    outcome.windows_skipped = len(found.already_seen)
    outcome.requests = client.stats.requests[SOURCE]
    return _finish_miner(ctx, ticker, end, outcome)


def _finish_miner(ctx: RunContext, ticker: str, end: date, outcome: SourceOutcome) -> SourceOutcome:
    """Re-read stale documents, then advance the miner's watermark unless something was quarantined."""
    outcome.rows_changed += _reparse_stale(ctx, ticker)
    if not outcome.quarantined:
        outcome.last_day = end
        with WRITE_LOCK, ctx.work_db() as con, transaction(con):
            load.advance_watermark(con, f"{SOURCE}:{ticker}", end, ctx.run_id)
            load.resolve_quarantine(con, run_id=ctx.run_id, source=f"{SOURCE}:{ticker}")
    log.info("[sec] %s: %d new documents, %d rows, %d filings already loaded%s", ticker, outcome.documents,
             outcome.rows_changed, outcome.windows_skipped,
             f", {len(outcome.quarantined)} quarantined" if outcome.quarantined else "")
    return outcome


def _load_with_one_refetch(ctx, client, miner, doc: SecDocument, response) -> int:
    """Load; on a ParseError fetch the document once more (a garbled transfer is archived under
    its own hash), and let a second failure propagate."""
    try:
        with WRITE_LOCK, ctx.work_db() as con:
            sync = [response.entry] if response.entry is not None else []
            load.sync_documents(con, sync)
            _journal(ctx, doc)
            return load_document(con, ctx, doc)
    except ParseError:
        filename = doc.url.rsplit("/", 1)[-1]
        try:
            again = fetch_document(client, miner.cik, doc.accession, filename, refresh=True)
        except HttpError:
            raise
        if again.document_hash == doc.document_hash:
            raise
        retry = SecDocument(doc.ticker, doc.accession, doc.filing_date, again.url, again.document_hash,
                            again.fetched_at, doc.kind, again.body, exhibit_type=doc.exhibit_type, form=doc.form,
                            title=doc.title)
        with WRITE_LOCK, ctx.work_db() as con:
            load.sync_documents(con, [again.entry] if again.entry is not None else [])
            _journal(ctx, retry)
            return load_document(con, ctx, retry)


def _reparse_stale(ctx: RunContext, ticker: str) -> int:
    """Re-read, from the archive, documents loaded by an older parser version of their kind."""
    archive = ctx.archive()
    rows = 0
    with WRITE_LOCK, ctx.work_db() as con:
        loaded = con.execute(
            "select ticker, accession, filing_date, url, document_hash, kind, parser_version"
            " from ops.loaded_documents where source = ? and ticker = ? order by filing_date, accession",
            [SOURCE, ticker]).fetchall()
        for _, accession, filing_date, url, digest, kind, recorded in loaded:
            if recorded == _parser_versions(kind) or not archive.has(digest):
                continue
            doc = SecDocument(ticker, accession, filing_date, url, digest, "", kind, archive.get(digest))
            try:
                rows += load_document(con, ctx, doc)
            except ParseError as exc:
                log.warning("[sec] %s %s: the new parser cannot read it: %s", ticker, accession, exc)
    return rows


def _quarantine(ctx, ticker, endpoint, url, document_hash, reason, outcome: SourceOutcome) -> None:
    log.warning("[sec] %s %s quarantined: %s", ticker, endpoint, reason)
    with WRITE_LOCK, ctx.work_db() as con, transaction(con):
        load.quarantine(con, run_id=ctx.run_id, source=f"{SOURCE}:{ticker}", endpoint=endpoint, url=url,
                        document_hash=document_hash, reason=reason)
    outcome.quarantined.append(f"{ticker} {endpoint}: {reason}")


def submit_sec(ctx: RunContext, source: str, start: date | None, end: date) -> list:
    """One task per registered miner; they share SEC's rate limit through the process-wide limiter.

    With `ctx.remote_extract` (the Dask task runner) each task only extracts (fetch, archive,
    parse) in a worker process; its result is loaded here, in the flow's process, the one writer.
    """
    ctx.settings.sec_user_agent()  # no declared identity: stop here, before any task or request
    miners = load_registry()
    with WRITE_LOCK, ctx.work_db() as con, transaction(con):
        sync_registry(con, miners, ctx.today)
    if not ctx.remote_extract:
        return [sec_miner.submit(ctx, m.ticker, start, end) for m in miners]
    return [LoadInFlow(extract_sec_miner.submit(ctx, m.ticker, miner_window(ctx, m, start), end,
                                                sorted(_seen_accessions(ctx, m.ticker))),
                       load_sec_extract, ctx)
            for m in miners]


# --- past one machine: extraction in a worker process, the load in the flow's process ----------------
@dataclass(frozen=True)
class FetchedDocument:
    """One copy of a document as a worker fetched it: the document, its manifest line, what it parsed to."""

    doc: SecDocument
    entry: ArchiveEntry | None
    parsed: ParsedDocument


@dataclass(frozen=True)
class DocumentExtract:
    """A document, and the one refetch made when its first copy would not load (as sec_miner does)."""

    first: FetchedDocument
    retry: FetchedDocument | None = None
    #: (message, url) of a refetch that failed over HTTP: raised again at load time, like sec_miner.
    retry_error: tuple[str, str] | None = None


@dataclass
class SecExtract:
    """Everything one miner's extraction produced; plain, picklable data (no connection, no client)."""

    ticker: str
    end: date
    requests: int = 0
    #: (reason, url) when the submissions request itself failed: the miner is quarantined.
    discovery_error: tuple[str, str | None] | None = None
    submissions_entries: list[ArchiveEntry] = field(default_factory=list)
    failures: list[DiscoveryFailure] = field(default_factory=list)
    documents: list[DocumentExtract] = field(default_factory=list)
    already_seen: int = 0


def _fetched(doc: SecDocument, response) -> FetchedDocument:
    return FetchedDocument(doc, response.entry, parse_document(doc))


@task(name="sec-miner-extract", cache_policy=NO_CACHE, retries=0)
def extract_sec_miner(ctx: RunContext, ticker: str, window_start: date, end: date,
                      seen: list[str]) -> SecExtract:
    """Discover, fetch, archive and parse one miner's new filings; touches no database.

    `window_start` and `seen` come from the flow's process, which reads the warehouse.
    """
    miner = next(m for m in load_registry() if m.ticker == ticker)
    client = ctx.http()
    out = SecExtract(ticker, end)
    try:
        found = discover(client, miner, window_start, end, set(seen), classifier=classify)
    except (HttpError, ParseError) as exc:
        out.discovery_error = (f"{type(exc).__name__}: {exc}", getattr(exc, "url", None))
        out.requests = client.stats.requests[SOURCE]
        return out
    out.submissions_entries = [r.entry for r in found.submissions_responses if r.entry is not None]
    out.failures = list(found.failures)
    for filing in found.filings:
        for document in filing.documents:
            first = _fetched(_document(ticker, filing, document), document.response)
            retry, retry_error = None, None
            if not first.parsed.loadable:
                doc = first.doc
                try:
                    again = fetch_document(client, miner.cik, doc.accession, doc.url.rsplit("/", 1)[-1],
                                           refresh=True)
                except HttpError as exc:
                    retry_error = (str(exc), exc.url)
                else:
                    if again.document_hash != doc.document_hash:
                        retry = _fetched(SecDocument(
                            doc.ticker, doc.accession, doc.filing_date, again.url, again.document_hash,
                            again.fetched_at, doc.kind, again.body, exhibit_type=doc.exhibit_type, form=doc.form,
                            title=doc.title), again)
            out.documents.append(DocumentExtract(first, retry, retry_error))
    out.already_seen = len(found.already_seen)
    out.requests = client.stats.requests[SOURCE]
    return out


def _load_fetched(ctx: RunContext, fetched: FetchedDocument) -> int:
    with WRITE_LOCK, ctx.work_db() as con:
        load.sync_documents(con, [fetched.entry] if fetched.entry is not None else [])
        _journal(ctx, fetched.doc)
        return load_document(con, ctx, fetched.doc, fetched.parsed)


def load_sec_extract(ctx: RunContext, extract: SecExtract) -> SourceOutcome:
    """Load one miner's extraction in this process, in the order and transactions sec_miner uses."""
    ticker = extract.ticker
    outcome = SourceOutcome(SOURCE, requests=extract.requests)
    if extract.discovery_error is not None:
        reason, url = extract.discovery_error
        _quarantine(ctx, ticker, "submissions", url, None, reason, outcome)
        return outcome
    with WRITE_LOCK, ctx.work_db() as con:
        load.sync_documents(con, extract.submissions_entries)
    for failure in extract.failures:
        _quarantine(ctx, ticker, "filing", failure.url, None, failure.reason, outcome)
    for item in extract.documents:
        doc = item.first.doc
        outcome.documents += 1
        try:
            try:
                rows = _load_fetched(ctx, item.first)
            except ParseError:
                if item.retry_error is not None:
                    raise HttpError(*item.retry_error) from None
                if item.retry is None:
                    raise
                rows = _load_fetched(ctx, item.retry)
        except ParseError as exc:
            _quarantine(ctx, ticker, doc.kind, doc.url, doc.document_hash, f"ParseError: {exc}", outcome)
            continue
        outcome.rows_changed += rows
        outcome.windows_loaded += 1
    outcome.windows_skipped = extract.already_seen
    return _finish_miner(ctx, ticker, extract.end, outcome)


def replay_sec(ctx: RunContext, source: str, loads: list[dict]) -> SourceOutcome:
    """Reload every journaled SEC document from the archive (no network), in order."""
    archive = ctx.archive()
    outcome = SourceOutcome(SOURCE)
    with WRITE_LOCK, ctx.work_db() as con:
        with transaction(con):
            sync_registry(con, load_registry(), ctx.today)
        for record in loads:
            digest = record["documents"][0]
            if not archive.has(digest):
                outcome.quarantined.append(f"{record['ticker']} {record['accession']}: archive object missing")
                continue
            doc = SecDocument(record["ticker"], record["accession"], date.fromisoformat(record["filing_date"]),
                              record["urls"][0], digest, record["fetched_at"][0], record["kind"],
                              archive.get(digest), exhibit_type=record.get("exhibit_type"),
                              form=record.get("form"), title=record.get("title"))
            try:
                outcome.rows_changed += load_document(con, ctx, doc)
                outcome.documents += 1
            except ParseError as exc:
                outcome.quarantined.append(f"{doc.ticker} {doc.accession}: {exc}")
        marks = con.execute("select ticker, max(filing_date) from ops.loaded_documents group by ticker").fetchall()
        with transaction(con):
            for ticker, last in marks:
                load.advance_watermark(con, f"{SOURCE}:{ticker}", last, ctx.run_id)
    return outcome
