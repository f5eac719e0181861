"""Pure URL builders for SEC EDGAR, from the two base URLs in Settings.

Live: data.sec.gov (submissions, XBRL APIs) and www.sec.gov (the immutable /Archives). Offline the
same paths hang under the snapshot server (`<base>/sec-data`, `<base>/sec-www`).
Paths: https://www.sec.gov/os/accessing-edgar-data and https://www.sec.gov/edgar/sec-api-documentation.
"""
from __future__ import annotations

import re

from extractors.settings import Settings

_ACCESSION = re.compile(r"^(\d{10})-?(\d{2})-?(\d{6})$")


def cik10(cik: int | str) -> str:
    """The 10-digit zero-padded CIK data.sec.gov file names use (`CIK0001167419.json`)."""
    text = str(cik).strip()
    if not text.isdigit() or len(text) > 10:
        raise ValueError(f"not a CIK: {cik!r}")
    return f"{int(text):010d}"


def cik_int(cik: int | str) -> int:
    """The CIK as an integer: /Archives paths use it without zero padding."""
    return int(cik10(cik))


def accession_dashed(accession: str) -> str:
    """`0001167419-26-000002` from either spelling; ValueError for anything else."""
    m = _ACCESSION.match(accession.strip())
    if m is None:
        raise ValueError(f"not an accession number: {accession!r}")
    return "-".join(m.groups())


def accession_nodash(accession: str) -> str:
    """`000116741926000002`: the filing folder name under /Archives/edgar/data/{cik}/."""
    return accession_dashed(accession).replace("-", "")


def submissions_url(settings: Settings, cik: int | str) -> str:
    return f"{settings.sec_data_base_url.rstrip('/')}/submissions/CIK{cik10(cik)}.json"


def submissions_page_url(settings: Settings, name: str) -> str:
    """An older submissions page; `name` comes from `filings.files[].name` (CIK...-submissions-001.json)."""
    if "/" in name or not name.endswith(".json"):
        raise ValueError(f"not a submissions page name: {name!r}")
    return f"{settings.sec_data_base_url.rstrip('/')}/submissions/{name}"


def companyfacts_url(settings: Settings, cik: int | str) -> str:
    return f"{settings.sec_data_base_url.rstrip('/')}/api/xbrl/companyfacts/CIK{cik10(cik)}.json"


def filing_folder_url(settings: Settings, cik: int | str, accession: str) -> str:
    return f"{settings.sec_www_base_url.rstrip('/')}/Archives/edgar/data/{cik_int(cik)}/{accession_nodash(accession)}"


def filing_index_url(settings: Settings, cik: int | str, accession: str) -> str:
    """The human filing index page (`{acc}-index.htm`) with its Seq/Description/Document/Type/Size table."""
    return f"{filing_folder_url(settings, cik, accession)}/{accession_dashed(accession)}-index.htm"


def filing_index_headers_url(settings: Settings, cik: int | str, accession: str) -> str:
    """The ~5 KB `{acc}-index-headers.html`: SGML header (items, period) plus the document manifest."""
    return f"{filing_folder_url(settings, cik, accession)}/{accession_dashed(accession)}-index-headers.html"


def filing_index_json_url(settings: Settings, cik: int | str, accession: str) -> str:
    """The folder listing `index.json` (file names and sizes, no document types)."""
    return f"{filing_folder_url(settings, cik, accession)}/index.json"


def full_submission_url(settings: Settings, cik: int | str, accession: str) -> str:
    """The complete submission text file `{acc}.txt` (every document, SGML-wrapped)."""
    return f"{filing_folder_url(settings, cik, accession)}/{accession_dashed(accession)}.txt"


def document_url(settings: Settings, cik: int | str, accession: str, filename: str) -> str:
    """One document of a filing. `filename` is a bare name as the index lists it (no folders)."""
    name = filename.strip()
    if not name or "/" in name or name in (".", ".."):
        raise ValueError(f"not a document file name: {filename!r}")
    return f"{filing_folder_url(settings, cik, accession)}/{name}"
