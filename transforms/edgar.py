"""Pure parsers for SEC EDGAR payloads: submissions JSON, filing indexes, and a press-release classifier.

No I/O: every function takes the body as EDGAR serves it (bytes) and returns typed records, or
raises `ParseError` with the reason. The real formats behind each rule are cited inline
(../shared/SOURCES.md section 1 and ../notes/formats.md sections 1-4).

Timestamps: `acceptanceDateTime` in submissions ends in `Z` but is US Eastern wall-clock time for
many filers (both real samples: after-close 8-Ks cluster at 16:xx "Z"). It is kept as a *naive*
datetime (`acceptance_datetime`) and never used as a key; the key is the filing date. A true UTC
acceptance time comes only from the index page's `<meta http-equiv="Last-Modified">` (GMT).
"""
from __future__ import annotations

import html
import json
import re
import warnings
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any, Callable, Iterable, Literal, Sequence

import lxml.etree
import lxml.html
from bs4 import BeautifulSoup, UnicodeDammit, XMLParsedAsHTMLWarning
from pydantic import BaseModel, ConfigDict

from transforms.errors import ParseError

PARSER_VERSION = "edgar-1"

DocumentKind = Literal["production", "debt", "hpc", "results", "other"]
DOCUMENT_KINDS: tuple[str, ...] = ("production", "debt", "hpc", "results", "other")

#: 8-K items whose filings carry the press releases we read: 7.01 Reg FD (monthly production
#: updates are furnished here), 8.01 other events (offerings, BTC holdings), 2.02 results,
#: 1.01 material agreements (indentures, hosting/lease contracts), 2.03 direct financial obligations.
PRESS_RELEASE_ITEMS = frozenset({"7.01", "8.01", "2.02", "1.01", "2.03"})
DOMESTIC_FORMS = frozenset({"8-K", "8-K/A"})
#: Foreign private issuers furnish press releases on 6-K, which has no items field.
FOREIGN_FORMS = frozenset({"6-K", "6-K/A"})
#: EX-99, EX-99.1, EX-99.01, EX-99.2 ... (but not EX-99.CERT or EX-99.SDR).
_PRESS_RELEASE_TYPE = re.compile(r"^EX-99(?:\.(\d{1,3}))?$", re.IGNORECASE)


# --- submissions JSON -------------------------------------------------------------------------------
class Filing(BaseModel):
    """One filing as listed in a submissions JSON (`filings.recent` or an older page).

    Natural key: `accession`. `filing_date` is the date key; `acceptance_datetime` is naive and
    usually US Eastern despite the `Z` (see the module docstring).
    """

    model_config = ConfigDict(frozen=True)

    cik: int
    accession: str
    form: str
    filing_date: date
    report_date: date | None = None
    acceptance_datetime: datetime | None = None
    act: str = ""
    file_number: str = ""
    items: tuple[str, ...] = ()
    size_bytes: int | None = None
    is_xbrl: bool = False
    is_inline_xbrl: bool = False
    primary_document: str = ""
    primary_doc_description: str = ""


class OlderPage(BaseModel):
    """A pointer to an older submissions page (`filings.files[]`)."""

    model_config = ConfigDict(frozen=True)

    name: str
    filing_count: int | None = None
    filing_from: date | None = None
    filing_to: date | None = None


class Submissions(BaseModel):
    """The company part of `submissions/CIK##########.json` and its recent filings, newest first."""

    model_config = ConfigDict(frozen=True)

    cik: int
    name: str
    tickers: tuple[str, ...] = ()
    fiscal_year_end: str | None = None  # can be wrong (Strategy shows "0630"): never rely on it
    filings: tuple[Filing, ...] = ()
    older_pages: tuple[OlderPage, ...] = ()


def _json(body: bytes, what: str) -> Any:
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ParseError(f"{what}: not JSON ({exc.__class__.__name__}: {str(exc)[:80]})") from None


def _cik(value: Any, what: str) -> int:
    # "0001050446" in current files, "717423" in the 2022 Murphy Oil file, an int in companyfacts.
    text = str(value).strip() if value is not None else ""
    if not text.isdigit():
        raise ParseError(f"{what}: cik {value!r} is not a number")
    return int(text)


def _opt_date(text: Any) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def _acceptance(text: Any) -> datetime | None:
    """`2026-01-20T08:00:28.000Z` -> naive 2026-01-20 08:00:28 (wall clock as published)."""
    if not text:
        return None
    m = re.match(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2}):(\d{2})", str(text))
    if m is None:
        return None
    return datetime.fromisoformat(f"{m.group(1)}T{m.group(2)}:{m.group(3)}:{m.group(4)}")


def split_items(text: Any) -> tuple[str, ...]:
    """`"7.01,8.01"` -> ("7.01", "8.01"); empty for 10-Q, 6-K and other forms without items."""
    if not text:
        return ()
    return tuple(p for p in re.split(r"[,;\s]+", str(text).strip()) if p)


def _filings_from_arrays(arrays: dict, cik: int, what: str) -> tuple[Filing, ...]:
    """Rows of the parallel-array table (`filings.recent` or an older page)."""
    if not isinstance(arrays, dict):
        raise ParseError(f"{what}: filings table is not an object")
    for key in ("accessionNumber", "filingDate", "form"):
        if not isinstance(arrays.get(key), list):
            raise ParseError(f"{what}: filings table has no {key!r} array")
    n = len(arrays["accessionNumber"])
    for key, values in arrays.items():
        if isinstance(values, list) and len(values) != n:
            raise ParseError(f"{what}: array {key!r} has {len(values)} rows, accessionNumber has {n}")

    def col(key: str, i: int, default: Any = None) -> Any:
        values = arrays.get(key)
        return values[i] if isinstance(values, list) else default

    out = []
    for i in range(n):
        accession = str(col("accessionNumber", i) or "").strip()
        filed = _opt_date(col("filingDate", i))
        if not re.fullmatch(r"\d{10}-\d{2}-\d{6}", accession) or filed is None:
            raise ParseError(f"{what}: row {i} has accession {accession!r} / filingDate {col('filingDate', i)!r}")
        size = col("size", i)
        out.append(Filing(
            cik=cik,
            accession=accession,
            form=str(col("form", i) or "").strip(),
            filing_date=filed,
            report_date=_opt_date(col("reportDate", i)),
            acceptance_datetime=_acceptance(col("acceptanceDateTime", i)),
            act=str(col("act", i) or ""),
            file_number=str(col("fileNumber", i) or ""),
            items=split_items(col("items", i)),
            size_bytes=int(size) if isinstance(size, (int, float)) else None,
            is_xbrl=bool(col("isXBRL", i, 0)),
            is_inline_xbrl=bool(col("isInlineXBRL", i, 0)),
            primary_document=str(col("primaryDocument", i) or ""),
            primary_doc_description=str(col("primaryDocDescription", i) or ""),
        ))
    return tuple(out)


def parse_submissions(body: bytes) -> Submissions:
    """Parse `data.sec.gov/submissions/CIK##########.json` (current and pre-2023 layouts)."""
    doc = _json(body, "submissions")
    if not isinstance(doc, dict) or "filings" not in doc:
        raise ParseError("submissions: no 'filings' object (is this an older page? use parse_submissions_page)")
    cik = _cik(doc.get("cik"), "submissions")
    filings = doc["filings"] if isinstance(doc["filings"], dict) else {}
    if "recent" not in filings:
        raise ParseError("submissions: no 'filings.recent' table")
    pages = []
    for f in filings.get("files") or []:
        if isinstance(f, dict) and f.get("name"):
            pages.append(OlderPage(name=str(f["name"]), filing_count=f.get("filingCount"),
                                   filing_from=_opt_date(f.get("filingFrom")), filing_to=_opt_date(f.get("filingTo"))))
    return Submissions(
        cik=cik,
        name=str(doc.get("name") or ""),
        tickers=tuple(str(t) for t in doc.get("tickers") or ()),
        fiscal_year_end=doc.get("fiscalYearEnd") or None,
        filings=_filings_from_arrays(filings["recent"], cik, "submissions"),
        older_pages=tuple(pages),
    )


def parse_submissions_page(body: bytes, cik: int) -> tuple[Filing, ...]:
    """Parse an older page (`CIK##########-submissions-001.json`).

    Such a page is the `filings.recent` table alone, arrays at the top level with no `cik`
    wrapper (edgartools `_load_older_filings` feeds it to the same table parser), so the CIK
    comes from the caller.
    """
    doc = _json(body, "submissions page")
    if isinstance(doc, dict) and "filings" in doc:  # tolerate a full file served as a page
        return parse_submissions(body).filings
    return _filings_from_arrays(doc, int(cik), "submissions page")


# --- filing indexes --------------------------------------------------------------------------------
class FilingDocument(BaseModel):
    """One document of a filing as an index lists it. `filename` is a bare name (no folders)."""

    model_config = ConfigDict(frozen=True)

    sequence: int | None
    description: str
    filename: str
    type: str
    size_bytes: int | None = None


class FilingIndex(BaseModel):
    """What a filing index tells: form, dates, items and the document manifest."""

    model_config = ConfigDict(frozen=True)

    accession: str
    source: Literal["index-headers", "index-htm"]
    form: str | None = None
    filing_date: date | None = None
    accepted_local: datetime | None = None  # US Eastern wall clock ("Accepted" / ACCEPTANCE-DATETIME)
    accepted_utc: datetime | None = None    # from index.htm <meta Last-Modified> (GMT) when present
    period_of_report: date | None = None
    items: tuple[str, ...] = ()
    documents: tuple[FilingDocument, ...] = ()


def decode_html(body: bytes) -> str:
    """EDGAR documents are ASCII, UTF-8 or Windows-1252; decode without guessing wrong on bytes >127."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return UnicodeDammit(body, ["windows-1252", "latin-1"]).unicode_markup or body.decode("latin-1")


def _ymd(text: str | None) -> date | None:
    if not text or not re.fullmatch(r"\d{8}", text.strip()):
        return None
    t = text.strip()
    try:
        return date(int(t[:4]), int(t[4:6]), int(t[6:8]))
    except ValueError:
        return None


def _ymdhms(text: str | None) -> datetime | None:
    if not text or not re.fullmatch(r"\d{14}", text.strip()):
        return None
    try:
        return datetime.strptime(text.strip(), "%Y%m%d%H%M%S")
    except ValueError:
        return None


def _bare_name(href_or_name: str) -> str:
    """`/ix?doc=/Archives/edgar/data/1/0001/x.htm` or `/Archives/.../x.htm` -> `x.htm`."""
    text = href_or_name.strip()
    if text.startswith("/ix?doc="):
        text = text[len("/ix?doc="):]
    return text.split("?")[0].rstrip("/").rsplit("/", 1)[-1]


def parse_index_headers(body: bytes) -> FilingIndex:
    """Parse `{acc}-index-headers.html` (formats.md section 1, real edgartools fixtures).

    The SGML header sits in an HTML comment (`<ITEMS>7.01` once per item, `<PERIOD>`,
    `<ACCEPTANCE-DATETIME>` in US Eastern); the `<PRE>` block repeats it HTML-escaped and lists
    every document as `<DOCUMENT><TYPE>..<SEQUENCE>..<FILENAME>..<DESCRIPTION>..` with no bodies.
    """
    text = decode_html(body)
    comment = re.search(r"<!--(.*?)-->", text, re.S)
    header = comment.group(1) if comment else ""

    def tag(name: str, src: str = header) -> str | None:
        m = re.search(rf"<{name}>([^\r\n<]*)", src)
        return m.group(1).strip() if m else None

    pre = re.search(r"<PRE>(.*?)</PRE>", text, re.S | re.I)
    manifest = html.unescape(re.sub(r"<a [^>]*>.*?</a>(<br>)?", "", pre.group(1), flags=re.S | re.I)) if pre else ""
    accession = tag("ACCESSION-NUMBER") or tag("ACCESSION-NUMBER", manifest)
    if accession is None:
        m = re.search(r"ACCESSION NUMBER:\s+(\d{10}-\d{2}-\d{6})", manifest)
        accession = m.group(1) if m else None
    if accession is None:
        title = re.search(r"<TITLE>SEC EDGAR Submission (\d{10}-\d{2}-\d{6})</TITLE>", text, re.I)
        accession = title.group(1) if title else None
    if accession is None:
        raise ParseError("index-headers: no accession number (not an -index-headers.html page?)")
    documents = []
    for block in re.findall(r"<DOCUMENT>(.*?)(?:</DOCUMENT>|$)", manifest, re.S):
        filename = tag("FILENAME", block)
        doc_type = tag("TYPE", block)
        if not filename or not doc_type:
            continue
        seq = tag("SEQUENCE", block)
        documents.append(FilingDocument(sequence=int(seq) if seq and seq.isdigit() else None,
                                        description=tag("DESCRIPTION", block) or "",
                                        filename=_bare_name(filename), type=doc_type.upper()))
    if not documents:
        raise ParseError(f"index-headers {accession}: no <DOCUMENT> entries in the manifest (truncated?)")
    src = header or manifest
    return FilingIndex(
        accession=accession,
        source="index-headers",
        form=tag("TYPE", src),
        filing_date=_ymd(tag("FILING-DATE", src)),
        accepted_local=_ymdhms(tag("ACCEPTANCE-DATETIME", src)),
        period_of_report=_ymd(tag("PERIOD", src)),
        items=tuple(re.findall(r"<ITEMS>([0-9]+\.[0-9]+)", header)),
        documents=tuple(documents),
    )


def parse_filing_index_htm(body: bytes) -> FilingIndex:
    """Parse `{acc}-index.htm` (formats.md section 1): formGrouping info and the tableFile rows.

    Document links are absolute (`/Archives/...`) or point at the iXBRL viewer (`/ix?doc=...`);
    only the bare file name is kept, so URLs are rebuilt against the configured base.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(decode_html(body), "lxml")
    accession = None
    sec_num = soup.find(id="secNum")
    for candidate in (sec_num.get_text(" ", strip=True) if sec_num else "", soup.title.get_text() if soup.title else ""):
        m = re.search(r"\d{10}-\d{2}-\d{6}", candidate)
        if m:
            accession = m.group(0)
            break
    if accession is None:
        raise ParseError("index.htm: no accession number (not a filing index page?)")

    info: dict[str, str] = {}
    items: tuple[str, ...] = ()
    for head in soup.select("div.infoHead"):
        value = head.find_next_sibling("div", class_="info")
        if value is None:
            continue
        label = head.get_text(" ", strip=True)
        info[label] = value.get_text(" ", strip=True)
        if label == "Items":
            items = tuple(re.findall(r"Item\s+(\d+\.\d+)", value.get_text(" ", strip=True)))
    form = None
    form_name = soup.find(id="formName")
    if form_name is not None:
        strong = form_name.find("strong")
        m = re.match(r"Form\s+(\S+)", (strong or form_name).get_text(" ", strip=True))
        form = m.group(1) if m else None
    accepted_utc = None
    meta = soup.find("meta", attrs={"http-equiv": re.compile("^last-modified$", re.I)})
    if meta is not None and meta.get("content"):
        try:
            accepted_utc = parsedate_to_datetime(meta["content"]).astimezone(timezone.utc).replace(tzinfo=None)
        except (TypeError, ValueError):
            accepted_utc = None

    documents = []
    tables = soup.select("table.tableFile")
    if not tables:
        raise ParseError(f"index.htm {accession}: no table.tableFile (truncated or a new layout)")
    for table in tables:
        for tr in table.find_all("tr"):
            cells = tr.find_all("td")
            if len(cells) < 5:
                continue  # the header row uses th
            seq_text, desc, doc_cell, type_text, size_text = (c.get_text(" ", strip=True).replace("\xa0", " ").strip()
                                                              for c in cells[:5])
            link = cells[2].find("a")
            filename = _bare_name(link["href"]) if link is not None and link.get("href") else doc_cell.split()[0] if doc_cell else ""
            if not filename:
                continue
            documents.append(FilingDocument(
                sequence=int(seq_text) if seq_text.isdigit() else None,
                description=desc,
                filename=filename,
                type=type_text.upper(),
                size_bytes=int(size_text) if size_text.isdigit() else None,
            ))
    accepted_local = None
    if info.get("Accepted"):
        try:
            accepted_local = datetime.fromisoformat(info["Accepted"])
        except ValueError:
            accepted_local = None
    return FilingIndex(
        accession=accession,
        source="index-htm",
        form=form,
        filing_date=_opt_date(info.get("Filing Date")),
        accepted_local=accepted_local,
        accepted_utc=accepted_utc,
        period_of_report=_opt_date(info.get("Period of Report")),
        items=items,
        documents=tuple(documents),
    )


def parse_index_json(body: bytes) -> tuple[str, ...]:
    """File names in a folder's `index.json` (`{"directory":{"item":[...],"name":..}}`).

    It has no document types, so it cannot find EX-99.1 by itself; `item` may be a single
    object instead of a list (seen in third-party code), which is tolerated.
    """
    doc = _json(body, "index.json")
    try:
        items = doc["directory"]["item"]
    except (KeyError, TypeError):
        raise ParseError("index.json: no directory.item") from None
    if isinstance(items, dict):
        items = [items]
    return tuple(str(i["name"]) for i in items if isinstance(i, dict) and i.get("name"))


def exhibit_number(doc_type: str) -> tuple[int, int] | None:
    """(99, n) for a press-release exhibit type (EX-99 -> 0, EX-99.1 / EX-99.01 -> 1), else None."""
    m = _PRESS_RELEASE_TYPE.match(doc_type.strip())
    if m is None:
        return None
    return 99, int(m.group(1)) if m.group(1) else 0


def press_release_exhibits(index: FilingIndex) -> tuple[FilingDocument, ...]:
    """The EX-99 family documents of a filing, in exhibit order (EX-99.1 before EX-99.2).

    Keyed on the TYPE, never the file name: names vary by filing agent (`ex99-1.htm`,
    `clsk-ex99_1.htm`, `riot-20250121xex99d1.htm`, `ea0268651ex99-1_bitfufu.htm`).
    """
    found = [(exhibit_number(d.type), d.sequence or 0, d) for d in index.documents]
    ranked = sorted(((num, seq, d) for num, seq, d in found if num is not None
                     and d.filename.lower().endswith((".htm", ".html", ".txt"))), key=lambda t: (t[0], t[1]))
    return tuple(d for _, _, d in ranked)


def is_candidate(filing: Filing) -> bool:
    """An 8-K with a press-release item, or any 6-K (which carries no items)."""
    form = filing.form.upper()
    if form in FOREIGN_FORMS:
        return True
    return form in DOMESTIC_FORMS and bool(PRESS_RELEASE_ITEMS.intersection(filing.items))


# --- companyfacts ----------------------------------------------------------------------------------
class CompanyFactsHeader(BaseModel):
    """Who a companyfacts file is about and what it holds (the facts themselves: transforms.xbrl)."""

    model_config = ConfigDict(frozen=True)

    cik: int
    entity_name: str
    taxonomies: tuple[str, ...]  # e.g. ("dei", "us-gaap") or ("dei", "ifrs-full")
    concept_count: int


def parse_companyfacts_header(body: bytes) -> CompanyFactsHeader:
    """Check that a body is a companyfacts document (`{"cik": int, "entityName", "facts": {ns: {tag: ..}}}`)."""
    doc = _json(body, "companyfacts")
    if not isinstance(doc, dict) or not isinstance(doc.get("facts"), dict):
        raise ParseError("companyfacts: no 'facts' object")
    facts = doc["facts"]
    return CompanyFactsHeader(
        cik=_cik(doc.get("cik"), "companyfacts"),
        entity_name=str(doc.get("entityName") or ""),
        taxonomies=tuple(sorted(facts)),
        concept_count=sum(len(v) for v in facts.values() if isinstance(v, dict)),
    )


# --- press-release text and classification ---------------------------------------------------------
@dataclass(frozen=True)
class DocumentSignals:
    """What a classifier sees of one document: its headline, the index description, the start of
    its text, and the filing's form and items."""

    title: str
    description: str = ""
    text: str = ""
    form: str = ""
    items: tuple[str, ...] = field(default_factory=tuple)


Classifier = Callable[[DocumentSignals], str]
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|[6-9]00)", re.I)
_SKIP_TITLE = re.compile(r"^(exhibit\s+99[\d.]*|ex-99[\d.]*|press release|for immediate release|news release|"
                         r"\(?nasdaq|\(?nyse|united states|securities and exchange commission|washington, d\.?c\.?|"
                         r"form (8-k|6-k)|current report|report of foreign)\b", re.I)


def _tree(text: str) -> lxml.html.HtmlElement | None:
    """An HTML tree without scripts, styles, <head> and the hidden inline-XBRL header, or None.

    lxml directly (not BeautifulSoup): exhibits from Workiva run to thousands of elements and
    discovery reads every one. The XML declaration of inline-XBRL covers is dropped first, since
    lxml refuses a str that declares its own encoding.
    """
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        root = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        return None
    for el in list(root.iter("script", "style", "head", "title", "ix:header")):
        el.drop_tree()
    return root


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


def _visible_text(root: lxml.html.HtmlElement) -> str:
    # Joining text nodes with a space keeps words of adjacent blocks apart; footnote markers in
    # their own element then read "18,005 3", the way a careful parser must see them.
    return _flat(" ".join(root.itertext()))


def _headline_from_tree(root: lxml.html.HtmlElement) -> str:
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue  # comments
        bold = el.tag.lower() in ("b", "strong") or _BOLD_STYLE.search(el.get("style", "") or "")
        if not bold:
            continue
        line = _flat(" ".join(el.itertext()))
        if len(line) > 15 and not _SKIP_TITLE.match(line):
            return line
    return _visible_text(root)[:200]


def _headline_from_text(text: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if len(line) > 15 and not _SKIP_TITLE.match(line):
            return line
    return ""


def _read(body: bytes) -> tuple[str, str]:
    """(headline, visible text) of a document: HTML when it looks like markup, else plain text."""
    text = decode_html(body)
    if "<" in text[:2000]:
        root = _tree(text)
        if root is not None:
            return _headline_from_tree(root), _visible_text(root)
    return _headline_from_text(text), _flat(text)


def document_text(body: bytes, limit: int | None = None) -> str:
    """Visible text of an HTML (or plain-text) document, whitespace collapsed, `&#160;` as space."""
    text = _read(body)[1]
    return text[:limit] if limit else text


def document_headline(body: bytes) -> str:
    """The release headline: the first bold block of real length that is not 'Exhibit 99.1'.

    `<title>` is useless in agent-made exhibits (empty, or "Document"), so it is ignored.
    """
    return _read(body)[0]


def signals_for(body: bytes, *, description: str = "", form: str = "", items: Sequence[str] = (),
                text_chars: int = 2500) -> DocumentSignals:
    """Headline, description and the first `text_chars` of text of one document."""
    headline, text = _read(body)
    return DocumentSignals(title=headline, description=description, text=text[:text_chars], form=form,
                           items=tuple(items))


_KEYWORDS: tuple[tuple[str, re.Pattern], ...] = (
    ("debt", re.compile(
        r"convertible (senior )?notes|senior (secured )?notes|notes offering|offering of .{0,60}notes|"
        r"aggregate principal amount|credit facility|term loan|loan facility|exchangeable notes|"
        r"repurchases? of .{0,40}notes|redemption of .{0,40}notes", re.I)),
    ("results", re.compile(
        r"financial results|(first|second|third|fourth) quarter (and (full|fiscal) year )?(\d{4} |fiscal \d{4} )?results|"
        r"\bq[1-4] (fy)?\d{2,4} results|results for the (fiscal )?(quarter|year)|shareholder letter|"
        r"reports? (un)?audited .{0,40}results|quarterly results|full[- ]year \d{4} results", re.I)),
    ("production", re.compile(
        r"production (and|&) operations? updates?|production update|operations? update|operational update|"
        r"mining (operations? )?update|monthly update|bitcoin production|production and mining operation|"
        r"bitcoin mined|btc mined|bitcoin produced|btc produced|produces \d[\d,]* bitcoin|"
        r"mined \d[\d,.]* (bitcoin|btc)", re.I)),
    ("hpc", re.compile(
        r"\bhpc\b|high[- ]performance computing|ai cloud|colocation|co-location|data cent(er|re) lease|"
        r"lease agreement|hosting agreement|(ai|gpu) (infrastructure|compute) (contract|agreement)|"
        r"\btenant\b|critical it", re.I)),
)


#: Headlines of notices about an event rather than its content.
_NOTICE = re.compile(r"\bto (host|hold|report|announce|present|participate|release)\b|conference call|webcast|"
                     r"annual (general )?meeting|special meeting|investor conference", re.I)


def classify_press_release(signals: DocumentSignals) -> str:
    """Default keyword classifier: headline first, then the index description, then the text.

    A headline announcing an event (a call, a results date, a meeting) is "other". Within each field
    the order is debt, results, production, hpc: a notes offering whose proceeds
    fund AI data centres is debt; a monthly update that mentions its AI Cloud segment is production.
    A results release that reports quarterly production stays "results"; the production parser
    reads those too for quarterly reporters.
    """
    if signals.title and _NOTICE.search(signals.title) and not _KEYWORDS[0][1].search(signals.title):
        return "other"  # "X to Host Conference Call", "to Report Q3 Results on ...", AGM results
    # Only the lead of the text: "About the Company" boilerplate mentions HPC, notes and results.
    for source in (signals.title, signals.description, signals.text[:1000]):
        if not source:
            continue
        for kind, pattern in _KEYWORDS:
            if pattern.search(source):
                return kind
    if "2.02" in signals.items:
        return "results"
    return "other"


def classifier_from_predicates(predicates: Iterable[tuple[str, Callable[[DocumentSignals], bool]]],
                               fallback: Classifier = classify_press_release) -> Classifier:
    """Build a classifier from ordered `(kind, predicate)` pairs, e.g. the parser modules'
    `looks_like_*` functions adapted to `DocumentSignals`; the first predicate that holds wins,
    otherwise `fallback` decides."""
    ordered = list(predicates)
    for kind, _ in ordered:
        if kind not in DOCUMENT_KINDS:
            raise ValueError(f"unknown document kind {kind!r}; expected one of {DOCUMENT_KINDS}")

    def classify(signals: DocumentSignals) -> str:
        for kind, predicate in ordered:
            if predicate(signals):
                return kind
        return fallback(signals)

    return classify
