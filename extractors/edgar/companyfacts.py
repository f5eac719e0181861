"""XBRL companyfacts for one CIK (`data.sec.gov/api/xbrl/companyfacts/CIK##########.json`).

The file changes when a filing adds facts, so it is revalidated by conditional GET; parsing the
facts belongs to transforms.xbrl. A CIK without XBRL facts answers 404 (an S3 `NoSuchKey` body on
data.sec.gov, formats.md section 8), which is reported as None rather than an error.
"""
from __future__ import annotations

import logging

from extractors.edgar import urls
from extractors.edgar.fetch import get_mutable
from extractors.http import FatalHTTPError, HttpClient, Response
from transforms.edgar import parse_companyfacts_header
from transforms.errors import ParseError

log = logging.getLogger("minerwatch.edgar")


def fetch_companyfacts(client: HttpClient, cik: int | str) -> Response | None:
    """The companyfacts response (`.not_modified` is True when the archived copy is still current),
    or None when SEC has no facts for this CIK. A body that does not read as companyfacts is
    fetched once more without validators, then raises ParseError."""
    url = urls.companyfacts_url(client.settings, cik)
    try:
        response = get_mutable(client, url, endpoint="companyfacts")
    except FatalHTTPError as exc:
        if exc.status == 404:
            log.info("sec %s: no companyfacts (404)", url)
            return None
        raise
    try:
        parse_companyfacts_header(response.body)
    except ParseError as exc:
        log.warning("sec %s: unreadable companyfacts (%s); fetching again", url, exc)
        response = get_mutable(client, url, endpoint="companyfacts", conditional=False)
        parse_companyfacts_header(response.body)
    return response
