"""A miner's filing list from data.sec.gov submissions JSON, with older pages for backfills.

`filings.recent` holds the last year or 1,000 filings, whichever is more; older filings sit in
pages named by `filings.files[]` (SOURCES.md section 1). A page is fetched only when the backfill
start predates the oldest recent filing and the page's `filingTo` reaches the start.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from typing import Callable, TypeVar

from extractors.edgar import urls
from extractors.edgar.fetch import get_mutable
from extractors.http import HttpClient, Response
from transforms.edgar import Filing, Submissions, parse_submissions, parse_submissions_page
from transforms.errors import ParseError

log = logging.getLogger("minerwatch.edgar")
T = TypeVar("T")


@dataclass(frozen=True)
class SubmissionsFetch:
    """The company's submissions: header, every filing read (recent plus pages, newest first,
    one row per accession) and the responses they came from (for lineage)."""

    submissions: Submissions
    filings: tuple[Filing, ...]
    responses: tuple[Response, ...]
    pages_fetched: tuple[str, ...] = ()


def _get_parsed(client: HttpClient, url: str, endpoint: str, parse: Callable[[bytes], T]) -> tuple[T, Response]:
    """GET (conditional) and parse; a body that does not parse is fetched once more without
    validators, since a garbled or truncated transfer is the likeliest cause."""
    response = get_mutable(client, url, endpoint=endpoint)
    try:
        return parse(response.body), response
    except ParseError as exc:
        log.warning("sec %s: unreadable body (%s); fetching again", url, exc)
        response = get_mutable(client, url, endpoint=endpoint, conditional=False)
        return parse(response.body), response


def fetch_submissions(client: HttpClient, cik: int | str, *, since: date | None = None) -> SubmissionsFetch:
    """Fetch `submissions/CIK##########.json` and, when `since` predates `recent`, the older pages.

    Raises the HttpClient's errors (FatalHTTPError, RetriesExhausted), ConfigError for a missing
    SEC identity in live mode, and ParseError for a body that stays unreadable.
    """
    settings = client.settings
    subs, response = _get_parsed(client, urls.submissions_url(settings, cik), "submissions", parse_submissions)
    responses = [response]
    filings = {f.accession: f for f in subs.filings}
    oldest_recent = min((f.filing_date for f in subs.filings), default=None)
    pages = []
    if since is not None and (oldest_recent is None or since < oldest_recent):
        for page in subs.older_pages:
            if page.filing_to is not None and page.filing_to < since:
                continue  # the whole page is older than the backfill start
            rows, page_response = _get_parsed(
                client, urls.submissions_page_url(settings, page.name), "submissions-page",
                lambda body: parse_submissions_page(body, subs.cik))
            responses.append(page_response)
            pages.append(page.name)
            for row in rows:
                filings.setdefault(row.accession, row)
    ordered = tuple(sorted(filings.values(), key=lambda f: (f.filing_date, f.acceptance_datetime or datetime.min,
                                                             f.accession), reverse=True))
    return SubmissionsFetch(subs, ordered, tuple(responses), tuple(pages))
