"""How EDGAR bodies are fetched: mutable JSON by conditional GET, immutable /Archives files once.

Everything under /Archives/edgar/data is immutable once accepted, so a document already in the
archive is read from it and never requested again (edgartools caches them forever for the same
reason); data.sec.gov JSON changes, so it is revalidated with If-None-Match / If-Modified-Since.
"""
from __future__ import annotations

import logging

from extractors.http import HttpClient, Response

log = logging.getLogger("minerwatch.edgar")

#: The HttpClient source name: SEC's declared User-Agent and its shared 8 req/s budget.
SOURCE = "sec"


def from_archive(response: Response) -> bool:
    """True when `get_immutable` answered from the archive without any request."""
    return response.attempts == 0


def get_immutable(client: HttpClient, url: str, *, endpoint: str, refresh: bool = False) -> Response:
    """An /Archives document: the archived copy if there is one (attempts == 0), else one GET.

    `refresh=True` skips the archive (a stored body that failed to parse is fetched once more).
    """
    if not refresh:
        key = client.archive_url(url)
        entry = client.archive.latest(key)
        if entry is not None:
            try:
                body = client.archive.get(entry.document_hash)
            except OSError as exc:  # a corrupt object: fall through to a fresh download
                log.warning("archive copy of %s unreadable (%s); fetching again", url, exc)
            else:
                return Response(key, entry.status, body, entry.content_type, entry.document_hash,
                                entry.fetched_at, not_modified=True, attempts=0, entry=entry)
    return client.get(SOURCE, url, endpoint=endpoint, conditional=False)


def get_mutable(client: HttpClient, url: str, *, endpoint: str, conditional: bool = True) -> Response:
    """A data.sec.gov JSON document, revalidated against the archived copy's validators."""
    return client.get(SOURCE, url, endpoint=endpoint, conditional=conditional)
