"""Locate a filing's documents: `{acc}-index-headers.html` first (about 5 KB, has the item numbers
and the full TYPE/FILENAME manifest), `{acc}-index.htm` when that is missing or unreadable.

Both live under /Archives and are immutable, so each is fetched at most once (formats.md sec. 1).
"""
from __future__ import annotations

import logging
from typing import Callable, Literal

from extractors.edgar import urls
from extractors.edgar.fetch import get_immutable
from extractors.http import HttpClient, HttpError, Response
from transforms.edgar import FilingIndex, parse_filing_index_htm, parse_index_headers
from transforms.errors import ParseError

log = logging.getLogger("minerwatch.edgar")


class IndexUnavailable(HttpError):
    """Neither index page of a filing could be fetched and read; the message has both reasons."""


def _attempt(client: HttpClient, url: str, endpoint: str,
             parse: Callable[[bytes], FilingIndex]) -> tuple[FilingIndex, Response]:
    response = get_immutable(client, url, endpoint=endpoint)
    try:
        return parse(response.body), response
    except ParseError:
        if response.attempts != 0:
            raise
        # The archived copy is unreadable (stored before a parser fix, or damaged): fetch once more.
        response = get_immutable(client, url, endpoint=endpoint, refresh=True)
        return parse(response.body), response


def fetch_filing_index(client: HttpClient, cik: int | str, accession: str, *,
                       prefer: Literal["headers", "htm"] = "headers") -> tuple[FilingIndex, Response]:
    """The parsed index of one filing and the response it came from.

    Tries `prefer` first and falls back to the other page on any HTTP failure or unreadable body;
    raises IndexUnavailable (an HttpError) naming both failures when neither works.
    """
    settings = client.settings
    attempts = [
        ("headers", urls.filing_index_headers_url(settings, cik, accession), "index-headers", parse_index_headers),
        ("htm", urls.filing_index_url(settings, cik, accession), "index-htm", parse_filing_index_htm),
    ]
    if prefer == "htm":
        attempts.reverse()
    reasons = []
    last: Exception | None = None
    for _, url, endpoint, parse in attempts:
        try:
            return _attempt(client, url, endpoint, parse)
        except (HttpError, ParseError) as exc:
            log.info("sec %s: %s; trying the other index page", url, exc)
            reasons.append(f"{endpoint}: {type(exc).__name__}: {exc}")
            last = exc
    raise IndexUnavailable(f"no readable index for {accession}: " + " | ".join(reasons), attempts[0][1],
                           getattr(last, "status", None))


def fetch_document(client: HttpClient, cik: int | str, accession: str, filename: str, *,
                   endpoint: str = "document", refresh: bool = False) -> Response:
    """One document of a filing (an EX-99.1, a cover page), fetched once and then read from the archive."""
    return get_immutable(client, urls.document_url(client.settings, cik, accession, filename),
                         endpoint=endpoint, refresh=refresh)
