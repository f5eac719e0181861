"""EDGAR's own pages for a filing, written in the shapes www.sec.gov and data.sec.gov serve.

`{acc}-index.htm` (formats.md section 1; real copies read in edgarWebR's recordings),
`{acc}-index-headers.html` (edgartools fixtures), `index.json` (formats.md section 2), the
submissions JSON with its parallel arrays (real MSTR and Murphy Oil samples) and its older page,
and the 8-K / 6-K cover documents (real CLSK 8-K and BitFuFu 6-K samples). The markup is written
for the project; only the structure, class names and field names follow the real pages.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from tools.sec_snapshot.fmt import long_date, month_name
from tools.sec_snapshot.markup import ascii_entities
from tools.sec_snapshot.spec import Filer, FilingSpec

EASTERN = ZoneInfo("America/New_York")
UTC = ZoneInfo("UTC")

ITEM_TITLES = {
    "1.01": "Entry into a Material Definitive Agreement",
    "1.02": "Termination of a Material Definitive Agreement",
    "2.02": "Results of Operations and Financial Condition",
    "2.03": "Creation of a Direct Financial Obligation or an Obligation under an Off-Balance Sheet Arrangement of a Registrant",
    "3.02": "Unregistered Sales of Equity Securities",
    "5.02": "Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain Officers: "
            "Compensatory Arrangements of Certain Officers",
    "5.07": "Submission of Matters to a Vote of Security Holders",
    "7.01": "Regulation FD Disclosure",
    "8.01": "Other Events",
    "9.01": "Financial Statements and Exhibits",
}
FORM_TITLES = {
    "8-K": "Current report",
    "8-K/A": "Current report: [Amend]",
    "6-K": "Current report of foreign issuer pursuant to Rules 13a-16 and 15d-16",
    "6-K/A": "Current report of foreign issuer pursuant to Rules 13a-16 and 15d-16: [Amend]",
}


@dataclass
class IndexDoc:
    """One row of a filing's document list. `body` is None for files listed but not served."""

    sequence: int | None
    description: str
    filename: str
    type: str
    size: int | None
    body: bytes | None = None
    data_file: bool = False   # goes in the "Data Files" table (XBRL)
    ixbrl: bool = False


@dataclass
class ResolvedFiling:
    """A spec filing with everything derived: accession, names, documents, sizes."""

    spec: FilingSpec
    filer: Filer
    accession: str
    film_number: str
    primary_document: str
    exhibit_document: str | None
    documents: list[IndexDoc] = field(default_factory=list)
    #: what the exhibit discloses: period key -> production field -> figure (layouts' Rendered.facts)
    facts: dict[str, dict[str, float]] = field(default_factory=dict)

    @property
    def acc_nodash(self) -> str:
        return self.accession.replace("-", "")

    @property
    def folder(self) -> str:
        return f"/Archives/edgar/data/{self.filer.cik}/{self.acc_nodash}"

    @property
    def items(self) -> list[str]:
        return [i for i in self.spec.items.split(",") if i]

    @property
    def accepted_local(self) -> datetime:
        hh, mm, ss = (int(x) for x in self.spec.accepted.split(":"))
        return datetime(self.spec.filed.year, self.spec.filed.month, self.spec.filed.day, hh, mm, ss)

    @property
    def accepted_gmt(self) -> datetime:
        return self.accepted_local.replace(tzinfo=EASTERN).astimezone(UTC)

    @property
    def report_date(self) -> date:
        return self.spec.report_date or self.spec.filed

    @property
    def total_size(self) -> int:
        # The submission size counts every document plus the SGML wrapping (about 2 KB).
        return sum(d.size or 0 for d in self.documents) + 2048 + 512 * len(self.documents)

    @property
    def is_xbrl(self) -> bool:
        return any(d.ixbrl for d in self.documents)


def esc(text: str) -> str:
    return ascii_entities(text)


# --- the filing index page --------------------------------------------------------------------------
def _doc_rows(r: ResolvedFiling, docs: list[IndexDoc], with_txt: bool) -> str:
    out = []
    rows = list(docs)
    for i, d in enumerate(rows):
        cls = ' class="blueRow"' if i % 2 else ""
        href = f"{r.folder}/{d.filename}"
        link = (f'<a href="/ix?doc={href}">{esc(d.filename)}</a> &nbsp;&nbsp;<span style="color: green">iXBRL</span>'
                if d.ixbrl else f'<a href="{href}">{esc(d.filename)}</a>')
        out.append(f'         <tr{cls}>\n'
                   f'            <td scope="row">{d.sequence if d.sequence is not None else "&nbsp;"}</td>\n'
                   f'            <td scope="row">{esc(d.description)}</td>\n'
                   f'            <td scope="row">{link}</td>\n'
                   f'            <td scope="row">{esc(d.type) if d.type else "&nbsp;"}</td>\n'
                   f'            <td scope="row">{d.size if d.size is not None else "&nbsp;"}</td>\n'
                   f'         </tr>\n')
    if with_txt:
        cls = ' class="blueRow"' if len(rows) % 2 else ""
        out.append(f'         <tr{cls}>\n            <td scope="row">&nbsp;</td>\n'
                   f'            <td scope="row">Complete submission text file</td>\n'
                   f'            <td scope="row"><a href="{r.folder}/{r.accession}.txt">{r.accession}.txt</a></td>\n'
                   f'            <td scope="row">&nbsp;</td>\n            <td scope="row">{r.total_size}</td>\n'
                   f'         </tr>\n')
    return "".join(out)


def _table(summary: str, rows: str) -> str:
    return (f'<div id="formDiv">\n   <div style="padding: 0px 0px 4px 0px; font-size: 12px; margin: 0px 2px 0px 5px; '
            f'width: 100%; overflow:hidden">\n      <p>{summary}</p>\n'
            f'      <table class="tableFile" summary="{summary}">\n         <tr>\n'
            '            <th scope="col" style="width: 5%;"><acronym title="Sequence Number">Seq</acronym></th>\n'
            '            <th scope="col" style="width: 40%;">Description</th>\n'
            '            <th scope="col" style="width: 20%;">Document</th>\n'
            '            <th scope="col" style="width: 10%;">Type</th>\n'
            '            <th scope="col">Size</th>\n         </tr>\n'
            f'{rows}      </table>\n   </div>\n</div>\n')


def _address_lines(h: dict) -> list[str]:
    lines = [h["street1"]] + ([h["street2"]] if h.get("street2") else [])
    city_line = f"{h['city']} {h.get('state_or_country', '')} {h.get('zip', '')}".split()
    lines.append(" ".join(city_line))
    return lines


def filing_index_htm(r: ResolvedFiling) -> str:
    """`{acc}-index.htm`: formGrouping facts, the Document Format Files table (and Data Files for
    XBRL filings), and the filer block. Links are absolute paths; the primary iXBRL document goes
    through the `/ix?doc=` viewer, as on the real pages."""
    h = r.filer.header
    form = r.spec.form
    grouping = (f'      <div class="formGrouping">\n         <div class="infoHead">Filing Date</div>\n'
                f'         <div class="info">{r.spec.filed.isoformat()}</div>\n'
                f'         <div class="infoHead">Accepted</div>\n'
                f'         <div class="info">{r.accepted_local:%Y-%m-%d %H:%M:%S}</div>\n'
                f'         <div class="infoHead">Documents</div>\n'
                f'         <div class="info">{sum(1 for d in r.documents if d.sequence is not None and not d.data_file)}</div>\n'
                f'      </div>\n'
                f'      <div class="formGrouping">\n         <div class="infoHead">Period of Report</div>\n'
                f'         <div class="info">{r.report_date.isoformat()}</div>\n      </div>\n')
    if r.items:
        items = "".join(f"Item {i}: {esc(ITEM_TITLES.get(i, 'Other'))}<br />" for i in r.items)
        grouping += (f'      <div class="formGrouping">\n         <div class="infoHead">Items</div>\n'
                     f'         <div class="info">{items}</div>\n      </div>\n')
    main_docs = [d for d in r.documents if not d.data_file]
    data_docs = [d for d in r.documents if d.data_file]
    tables = _table("Document Format Files", _doc_rows(r, main_docs, True))
    if data_docs:
        tables += _table("Data Files", _doc_rows(r, data_docs, False))
    mail = "".join(f'      <span class="mailerAddress">{esc(line)}</span>\n' for line in _address_lines(h))
    phone = f'      <span class="mailerAddress">{esc(h.get("phone", ""))}</span>\n' if h.get("phone") else ""
    state_inc = h.get("state_of_incorporation", "")
    return (
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml">\n<head>\n'
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />\n'
        f'<meta http-equiv="Last-Modified" content="{r.accepted_gmt:%a, %d %b %Y %H:%M:%S} GMT" />\n'
        f'<title>EDGAR Filing Documents for {r.accession}</title>\n'
        '<link rel="stylesheet" type="text/css" href="/include/interactive.css" />\n</head>\n<body style="margin: 0">\n'
        '<!-- BEGIN BANNER -->\n<div id="headerTop">\n'
        '   <div id="Nav"><a href="/index.htm">Home</a> | <a href="/cgi-bin/browse-edgar?action=getcurrent">Latest Filings</a>'
        ' | <a href="javascript:history.back()">Previous Page</a></div>\n</div>\n'
        '<div id="headerBottom">\n   <div id="PageTitle">Filing Detail</div>\n</div>\n<!-- END BANNER -->\n'
        '<div id="contentDiv">\n<!-- START FILING DIV -->\n<div id="formDiv">\n   <div id="formHeader">\n'
        f'      <div id="formName">\n         <strong>Form {esc(form)}</strong> - {esc(FORM_TITLES.get(form, form))}: \n'
        '      </div>\n      <div id="secNum">\n'
        '         <strong><acronym title="Securities and Exchange Commission">SEC</acronym> Accession '
        f'<acronym title="Number">No.</acronym></strong> {r.accession}\n      </div>\n   </div>\n'
        f'   <div class="formContent">\n{grouping}      <div style="clear:both"></div>\n   </div>\n</div>\n'
        '<!-- END FILING DIV -->\n<!-- START DOCUMENT DIV -->\n'
        f'{tables}<!-- END DOCUMENT DIV -->\n<!-- START FILER DIV -->\n<div id="filerDiv">\n'
        f'   <div class="mailer">Mailing Address\n{mail}   </div>\n'
        f'   <div class="mailer">Business Address\n{mail}{phone}   </div>\n'
        '<div class="companyInfo">\n'
        f'  <span class="companyName">{esc(r.filer.name)} (Filer)\n'
        f' <acronym title="Central Index Key">CIK</acronym>: <a href="/cgi-bin/browse-edgar?CIK={r.filer.cik10}'
        f'&amp;action=getcompany">{r.filer.cik10} (see all company filings)</a></span>\n'
        f'<p class="identInfo"><acronym title="Internal Revenue Service Number">IRS No.</acronym>: '
        f'<strong>{esc(h.get("ein", ""))}</strong> | State of Incorp.: <strong>{esc(state_inc)}</strong> | '
        f'Fiscal Year End: <strong>{esc(h.get("fiscal_year_end", ""))}</strong><br />'
        f'Type: <strong>{esc(form)}</strong> | Act: <strong>34</strong> | File No.: '
        f'<a href="/cgi-bin/browse-edgar?filenum={esc(h.get("file_number", ""))}&amp;action=getcompany">'
        f'<strong>{esc(h.get("file_number", ""))}</strong></a> | Film No.: <strong>{r.film_number}</strong><br />'
        f'<acronym title="Standard Industrial Code">SIC</acronym>: <b><a href="/cgi-bin/browse-edgar?action=getcompany'
        f'&amp;SIC={h.get("sic", "")}&amp;owner=include">{h.get("sic", "")}</a></b> {esc(h.get("sic_description", ""))}'
        f'<br />{esc(h.get("owner_office", "Office of Crypto Assets"))}</p>\n</div>\n'
        '<div class="clear"></div>\n</div>\n<!-- END FILER DIV -->\n</div>\n</body>\n</html>\n'
    )


# --- the index-headers page -----------------------------------------------------------------------
def filing_index_headers(r: ResolvedFiling) -> str:
    """`{acc}-index-headers.html`: the tagged SGML header in a comment, then the text header and
    the document manifest HTML-escaped in a <PRE> block (one `<ITEMS>` line per item)."""
    h = r.filer.header
    filed = r.spec.filed.strftime("%Y%m%d")
    period = r.report_date.strftime("%Y%m%d")
    public_docs = [d for d in r.documents if d.sequence is not None]
    items_tagged = "".join(f"<ITEMS>{i}\n" for i in r.items)
    items_text = "".join(f"ITEM INFORMATION:\t\t{ITEM_TITLES.get(i, 'Other')}\n" for i in r.items)
    street = h["street1"].upper()
    city = h["city"].upper()
    state = h.get("state_or_country", "")
    zip_code = h.get("zip", "")
    phone = h.get("phone", "")
    sic_line = f"{h.get('sic_description', '').upper()} [{h.get('sic', '')}]"
    comment = (
        f"<SEC-HEADER>{r.accession}.hdr.sgml : {filed}\n<ACCEPTANCE-DATETIME>{r.accepted_local:%Y%m%d%H%M%S}\n"
        f"<ACCESSION-NUMBER>{r.accession}\n<TYPE>{r.spec.form}\n<PUBLIC-DOCUMENT-COUNT>{len(public_docs)}\n"
        f"<PERIOD>{period}\n{items_tagged}<FILING-DATE>{filed}\n<DATE-OF-FILING-DATE-CHANGE>{filed}\n"
        f"<FILER>\n<COMPANY-DATA>\n<CONFORMED-NAME>{r.filer.name}\n<CIK>{r.filer.cik10}\n"
        f"<ASSIGNED-SIC>{h.get('sic', '')}\n<ORGANIZATION-NAME>{h.get('owner_org', '')}\n"
        f"<IRS-NUMBER>{h.get('ein', '')}\n<STATE-OF-INCORPORATION>{h.get('state_of_incorporation', '')}\n"
        f"<FISCAL-YEAR-END>{h.get('fiscal_year_end', '')}\n</COMPANY-DATA>\n"
        f"<FILING-VALUES>\n<FORM-TYPE>{r.spec.form}\n<ACT>34\n<FILE-NUMBER>{h.get('file_number', '')}\n"
        f"<FILM-NUMBER>{r.film_number}\n</FILING-VALUES>\n<BUSINESS-ADDRESS>\n<STREET1>{street}\n<CITY>{city}\n"
        f"<STATE>{state}\n<ZIP>{zip_code}\n<PHONE>{phone}\n</BUSINESS-ADDRESS>\n<MAIL-ADDRESS>\n<STREET1>{street}\n"
        f"<CITY>{city}\n<STATE>{state}\n<ZIP>{zip_code}\n</MAIL-ADDRESS>\n</FILER>\n</SEC-HEADER>\n"
    )
    text_header = (
        f"<SEC-DOCUMENT>{r.accession}-index.html : {filed}\n<SEC-HEADER>{r.accession}.hdr.sgml : {filed}\n"
        f"<ACCEPTANCE-DATETIME>{r.accepted_local:%Y%m%d%H%M%S}\nACCESSION NUMBER:\t\t{r.accession}\n"
        f"CONFORMED SUBMISSION TYPE:\t{r.spec.form}\nPUBLIC DOCUMENT COUNT:\t\t{len(public_docs)}\n"
        f"CONFORMED PERIOD OF REPORT:\t{period}\n{items_text}FILED AS OF DATE:\t\t{filed}\n"
        f"DATE AS OF CHANGE:\t\t{filed}\n\nFILER:\n\n\tCOMPANY DATA:\t\n"
        f"\t\tCOMPANY CONFORMED NAME:\t\t\t{r.filer.name}\n\t\tCENTRAL INDEX KEY:\t\t\t{r.filer.cik10}\n"
        f"\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\t{sic_line}\n"
        f"\t\tORGANIZATION NAME:           \t{h.get('owner_org', '')}\n"
        f"\t\tIRS NUMBER:\t\t\t\t{h.get('ein', '')}\n"
        f"\t\tSTATE OF INCORPORATION:\t\t\t{h.get('state_of_incorporation', '')}\n"
        f"\t\tFISCAL YEAR END:\t\t\t{h.get('fiscal_year_end', '')}\n\n\tFILING VALUES:\n"
        f"\t\tFORM TYPE:\t\t{r.spec.form}\n\t\tSEC ACT:\t\t1934 Act\n"
        f"\t\tSEC FILE NUMBER:\t{h.get('file_number', '')}\n\t\tFILM NUMBER:\t\t{r.film_number}\n\n"
        f"\tBUSINESS ADDRESS:\t\n\t\tSTREET 1:\t\t{street}\n\t\tCITY:\t\t\t{city}\n\t\tSTATE:\t\t\t{state}\n"
        f"\t\tZIP:\t\t\t{zip_code}\n\t\tBUSINESS PHONE:\t\t{phone}\n\n"
        f"\tMAIL ADDRESS:\t\n\t\tSTREET 1:\t\t{street}\n\t\tCITY:\t\t\t{city}\n\t\tSTATE:\t\t\t{state}\n"
        f"\t\tZIP:\t\t\t{zip_code}\n</SEC-HEADER>\n"
    )
    manifest = []
    for d in public_docs:
        manifest.append(f"<DOCUMENT>\n<TYPE>{d.type}\n<SEQUENCE>{d.sequence}\n<FILENAME>{d.filename}\n"
                        f"<DESCRIPTION>{d.description}\n<TEXT>\n")
    body = esc(text_header)
    for d, block in zip(public_docs, manifest):
        body += esc(block) + f'<a href="{d.filename}">Document {d.sequence} - file: {d.filename}</a><br>\n'
        body += esc("</DOCUMENT>\n")
    body += esc("</SEC-DOCUMENT>")
    return (f"<HTML><HEAD><TITLE>SEC EDGAR Submission {r.accession}</TITLE>\n<!--\n{comment}-->\n</HEAD><BODY>\n"
            f"<PRE>{body}</PRE></BODY></HTML>\n")


# --- index.json ---------------------------------------------------------------------------------
def index_json(r: ResolvedFiling) -> str:
    """The folder listing: index-headers, index.html and .txt first (size ""), then the rest
    sorted case-insensitively; `last-modified` in the acceptance wall clock; no trailing slashes."""
    stamp = f"{r.accepted_local:%Y-%m-%d %H:%M:%S}"
    first = [f"{r.accession}-index-headers.html", f"{r.accession}-index.html", f"{r.accession}.txt"]
    items = [{"last-modified": stamp, "name": name, "type": "text.gif", "size": ""} for name in first]
    for d in sorted(r.documents, key=lambda d: d.filename.lower()):
        icon = "image2.gif" if d.filename.lower().endswith((".jpg", ".gif", ".png")) else "text.gif"
        items.append({"last-modified": stamp, "name": d.filename, "type": icon,
                      "size": str(d.size) if d.size is not None else ""})
    doc = {"directory": {"item": items, "name": r.folder, "parent-dir": f"/Archives/edgar/data/{r.filer.cik}"}}
    return json.dumps(doc, separators=(",", ":"))


# --- cover documents ------------------------------------------------------------------------------
_COVER_P = 'style="font-size:10pt;margin-top:0;font-family:Times New Roman;margin-bottom:0;text-align:{a};"'


def _cp(text: str, align: str = "center", bold: bool = False, top: str = "0") -> str:
    weight = "font-weight:bold;" if bold else ""
    return (f'  <p style="font-size:10pt;margin-top:{top};font-family:Times New Roman;margin-bottom:0;text-align:{align};">'
            f'<span style="color:#000000;white-space:pre-wrap;{weight}font-size:10pt;font-family:Times New Roman;">'
            f"{esc(text)}</span></p>\n")


def _item_sentence(item: str, r: ResolvedFiling, exhibit_title: str) -> str:
    when = long_date(r.report_date)
    has_exhibit = r.exhibit_document is not None
    ref = " A copy of the press release is furnished as Exhibit 99.1 to this report." if has_exhibit else ""
    custom = r.spec.terms.get("cover_text", {}).get(item) if isinstance(r.spec.terms.get("cover_text"), dict) else None
    if custom:
        return custom
    if item == "7.01":
        return (f"On {when}, the Company released the press release titled \u201c{exhibit_title}\u201d.{ref} "
                "This information is furnished and is not filed for purposes of Section 18 of the Exchange Act.")
    if item == "2.02":
        return f"On {when}, the Company published its results in the press release titled \u201c{exhibit_title}\u201d.{ref}"
    if item == "8.01":
        return f"On {when}, the Company announced the matter described in Exhibit 99.1.{ref}" if has_exhibit \
            else f"On {when}, the Company reported the matter described in this item."
    if item in ("1.01", "2.03"):
        return "The information in the press release furnished as Exhibit 99.1 is incorporated in this item by reference." \
            if has_exhibit else "The terms of the agreement are summarized in this item."
    return "See the description below."


def cover_8k(r: ResolvedFiling, exhibit_title: str) -> str:
    """An inline-XBRL 8-K cover: hidden dei facts, the cover page, one section per item, the
    Item 9.01 exhibit table with a relative link, and a signature block."""
    h = r.filer.header
    ctx = f"c-{r.filer.cik10}-{r.report_date:%Y%m%d}"
    hidden = (
        '<div style="display:none;"><ix:header><ix:hidden>'
        f'<ix:nonNumeric name="dei:AmendmentFlag" contextRef="{ctx}">false</ix:nonNumeric>'
        f'<ix:nonNumeric name="dei:EntityCentralIndexKey" contextRef="{ctx}">{r.filer.cik10}</ix:nonNumeric>'
        f'</ix:hidden><ix:resources><xbrli:context id="{ctx}"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">'
        f'{r.filer.cik10}</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:startDate>{r.report_date.isoformat()}'
        f'</xbrli:startDate><xbrli:endDate>{r.report_date.isoformat()}</xbrli:endDate></xbrli:period></xbrli:context>'
        '</ix:resources></ix:header></div>\n')
    parts = [
        _cp("UNITED STATES", bold=True), _cp("SECURITIES AND EXCHANGE COMMISSION", bold=True),
        _cp("Washington, D.C. 20549"), _cp("\u00a0"),
        f'  <p {_COVER_P.format(a="center")}><span style="font-weight:bold;font-size:14pt;">FORM '
        f'<ix:nonNumeric name="dei:DocumentType" contextRef="{ctx}">{esc(r.spec.form)}</ix:nonNumeric></span></p>\n',
        _cp("CURRENT REPORT", bold=True),
        _cp("Pursuant to Section 13 or 15(d) of the Securities Exchange Act of 1934"), _cp("\u00a0"),
        _cp(f"Date of Report (Date of earliest event reported): {long_date(r.report_date)}"), _cp("\u00a0"),
        f'  <p {_COVER_P.format(a="center")}><span style="font-weight:bold;font-size:12pt;">'
        f'<ix:nonNumeric name="dei:EntityRegistrantName" contextRef="{ctx}">{esc(h.get("display_name", r.filer.name))}'
        '</ix:nonNumeric></span></p>\n',
        _cp("(Exact name of registrant as specified in its charter)"), _cp("\u00a0"),
        _cp(f"{h.get('state_of_incorporation_description', '')}    |    {h.get('file_number', '')}    |    "
            f"{h.get('ein_display', h.get('ein', ''))}"),
        _cp("(State or other jurisdiction of incorporation) | (Commission File Number) | (IRS Employer Identification No.)"),
        _cp("\u00a0"), _cp(", ".join(_address_lines(h))), _cp("(Address of principal executive offices)"),
        _cp(f"Registrant\u2019s telephone number, including area code: {h.get('phone', '')}"), _cp("\u00a0"),
        _cp("Securities registered pursuant to Section 12(b) of the Act:", align="left"),
        _cp(f"Common stock | {r.filer.ticker} | {h.get('exchange_long', 'The Nasdaq Stock Market LLC')}", align="left"),
    ]
    for item in r.items:
        if item == "9.01":
            continue
        parts.append(_cp(f"Item {item} {ITEM_TITLES.get(item, 'Other Events')}.", align="left", bold=True, top="18pt"))
        parts.append(_cp(_item_sentence(item, r, exhibit_title), align="left", top="6pt"))
    if "9.01" in r.items:
        parts.append(_cp("Item 9.01 Financial Statements and Exhibits.", align="left", bold=True, top="18pt"))
        parts.append(_cp("(d) Exhibits", align="left", bold=True, top="6pt"))
        rows = ""
        if r.exhibit_document:
            rows += (f'   <tr><td style="vertical-align:top;width:20%;"><span>99.1</span></td><td style="vertical-align:top;">'
                     f'<a href="{r.exhibit_document}"><span style="color:#0000ff;text-decoration:underline;">'
                     f'{esc("Press release of " + r.filer.header.get("short_name", r.filer.ticker) + " dated " + long_date(r.spec.filed) + " (furnished herewith)")}'
                     '</span></a></td></tr>\n')
        rows += ('   <tr><td style="vertical-align:top;width:20%;"><span>104</span></td><td style="vertical-align:top;">'
                 '<span>Cover Page Interactive Data File (embedded within the Inline XBRL document)</span></td></tr>\n')
        parts.append('  <table style="width:100%;border-collapse:separate;border-spacing:0;">\n'
                     '   <tr><td style="width:20%;"><span style="font-weight:bold;">Exhibit No.</span></td>'
                     '<td><span style="font-weight:bold;">Description</span></td></tr>\n' + rows + "  </table>\n")
    parts += [_cp("SIGNATURES", bold=True, top="18pt"),
              _cp("As required by the Securities Exchange Act of 1934, the registrant has had this report signed on its "
                  "behalf by the undersigned, who is duly authorized.", align="left", top="6pt"),
              _cp(r.filer.name, align="left", top="12pt"),
              _cp(f"Date: {long_date(r.spec.filed)}    By: /s/ (signature on file)    "
                  f"Title: {h.get('signer_title', 'Chief Financial Officer')}", align="left")]
    return ("<?xml version='1.0' encoding='ASCII'?>\n"
            '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" '
            'xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:dei="http://xbrl.sec.gov/dei/2024">\n'
            f' <head>\n  <title>{esc(r.spec.form)}</title>\n  <meta http-equiv="Content-Type" content="text/html"/>\n </head>\n'
            f' <body style="margin: auto!important;padding: 8px;">\n  {hidden}{"".join(parts)} </body>\n</html>\n')


def cover_6k(r: ResolvedFiling, exhibit_title: str) -> str:
    """A 6-K cover in the EdgarAgents style of the real BitFuFu sample: the "For the month of" line,
    the file number, the 20-F/40-F line and an exhibit index linking EX-99.1."""
    h = r.filer.header
    p = '<P STYLE="font: 10pt Times New Roman, Times, Serif; margin: 0; text-align: {a}">{t}</P>\n'

    def line(text: str, a: str = "center", b: bool = False) -> str:
        body = esc(text)
        return p.format(a=a, t=f"<B>{body}</B>" if b else body)

    annual = h.get("annual_form", "40-F")
    box20, box40 = ("&#9746;", "&#9744;") if annual == "20-F" else ("&#9744;", "&#9746;")
    month = month_name(r.report_date.strftime("%Y-%m"))
    rows = ""
    if r.exhibit_document:
        rows = ('  <TR STYLE="background-color: #CCEEFF">\n    <TD STYLE="white-space: nowrap; vertical-align: top">99.1</TD>\n'
                '    <TD STYLE="vertical-align: bottom">&nbsp;</TD>\n'
                f'    <TD STYLE="vertical-align: top"><A HREF="{r.exhibit_document}">{esc(exhibit_title)}</A></TD></TR>\n')
    return (
        "<HTML>\n<HEAD>\n     <TITLE></TITLE>\n</HEAD>\n<BODY STYLE=\"font: 10pt Times New Roman, Times, Serif\">\n\n"
        + line("UNITED STATES", b=True) + line("SECURITIES AND EXCHANGE COMMISSION", b=True)
        + line("Washington, D.C. 20549", b=True) + line("\u00a0") + line("FORM 6-K", b=True) + line("\u00a0")
        + line("REPORT OF FOREIGN PRIVATE ISSUER PURSUANT TO RULE 13a-16 OR 15d-16 UNDER THE SECURITIES EXCHANGE ACT OF 1934",
               b=True)
        + line("\u00a0") + line(f"For the month of {month}", b=True)
        + line(f"Commission File Number: {h.get('file_number', '')}", b=True) + line("\u00a0")
        + line(r.filer.header.get("display_name", r.filer.name), b=True)
        + line("(Translation of registrant\u2019s name into English)") + line("\u00a0")
        + line(", ".join(_address_lines(h)), b=True) + line("(Address of principal executive office)") + line("\u00a0")
        + p.format(a="center", t=f"Annual reports are filed under cover of: Form 20-F&nbsp;&nbsp;{box20}"
                                 f"&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;Form 40-F&nbsp;&nbsp;{box40}")
        + line("\u00a0") + line("EXHIBIT INDEX", b=True) + line("\u00a0")
        + '<TABLE CELLSPACING="0" CELLPADDING="0" STYLE="font: 10pt Times New Roman, Times, Serif; width: 100%; '
          'border-collapse: collapse">\n  <TR STYLE="vertical-align: bottom">\n'
          '    <TD STYLE="white-space: nowrap; width: 8%; border-bottom: black 1.5pt solid"><B>Exhibit No.&nbsp;</B></TD>\n'
          '    <TD STYLE="width: 1%">&nbsp;</TD>\n'
          '    <TD STYLE="width: 91%; border-bottom: black 1.5pt solid"><B>Description</B></TD></TR>\n'
        + rows + "  </TABLE>\n" + line("\u00a0") + line("SIGNATURE", b=True)
        + line("As required by the Securities Exchange Act of 1934, the registrant has had this report signed on its "
               "behalf by the undersigned, who is duly authorized.", a="justify")
        + line("\u00a0") + line(r.filer.header.get("display_name", r.filer.name), a="left", b=True)
        + line(f"Date: {long_date(r.spec.filed)}", a="left")
        + line(f"By: /s/ (signature on file), {h.get('signer_title', 'Chief Financial Officer')}", a="left")
        + "</BODY>\n</HTML>\n")


# --- submissions JSON -----------------------------------------------------------------------------
RECENT_KEYS = ("accessionNumber", "filingDate", "reportDate", "acceptanceDateTime", "act", "form", "fileNumber",
               "filmNumber", "items", "core_type", "size", "isXBRL", "isInlineXBRL", "primaryDocument",
               "primaryDocDescription")


def filing_row(r: ResolvedFiling) -> dict:
    """One filing's values for the parallel arrays. The acceptance time keeps the `Z` even though
    it is Eastern wall-clock time, as in both real samples (formats.md section 4)."""
    xbrl = r.is_xbrl
    form = r.spec.form
    return {
        "accessionNumber": r.accession,
        "filingDate": r.spec.filed.isoformat(),
        "reportDate": "" if form.startswith("6-K") else r.report_date.isoformat(),
        "acceptanceDateTime": f"{r.accepted_local:%Y-%m-%dT%H:%M:%S}.000Z",
        "act": "34",
        "form": form,
        "fileNumber": r.filer.header.get("file_number", ""),
        "filmNumber": r.film_number,
        "items": ",".join(r.items),
        "core_type": "XBRL" if xbrl else form,
        "size": r.total_size,
        "isXBRL": 1 if xbrl else 0,
        "isInlineXBRL": 1 if xbrl else 0,
        "primaryDocument": r.primary_document,
        "primaryDocDescription": _primary_description(r),
    }


def _primary_description(r: ResolvedFiling) -> str:
    for d in r.documents:
        if d.filename == r.primary_document:
            return d.description
    return r.spec.form


def _arrays(rows: list[dict]) -> dict:
    return {key: [row[key] for row in rows] for key in RECENT_KEYS}


def submissions_json(filer: Filer, recent: list[ResolvedFiling], older: list[ResolvedFiling]) -> tuple[str, str | None]:
    """(main file, older page or None), each filing list newest first, compact like SEC's."""
    h = filer.header
    address = {
        "street1": h["street1"].upper(), "street2": (h.get("street2") or None),
        "city": h["city"].upper(), "stateOrCountry": h.get("state_or_country", ""),
        "zipCode": h.get("zip", ""), "stateOrCountryDescription": h.get("state_or_country_description", ""),
        "isForeignLocation": 1 if h.get("foreign") else 0,
        "foreignStateTerritory": h.get("foreign_state_territory"), "country": h.get("country"),
        "countryCode": h.get("country_code"),
    }
    page_name = f"CIK{filer.cik10}-submissions-001.json"
    files = []
    if older:
        files.append({"name": page_name, "filingCount": len(older),
                      "filingFrom": min(r.spec.filed for r in older).isoformat(),
                      "filingTo": max(r.spec.filed for r in older).isoformat()})
    doc = {
        "cik": filer.cik10, "entityType": "operating", "sic": h.get("sic", ""),
        "sicDescription": h.get("sic_description", ""), "ownerOrg": h.get("owner_org", ""),
        "insiderTransactionForOwnerExists": 0, "insiderTransactionForIssuerExists": 1,
        "name": h.get("display_name", filer.name), "tickers": [filer.ticker], "exchanges": [h.get("exchange", "Nasdaq")],
        "ein": h.get("ein", ""), "lei": None, "description": "", "website": "", "investorWebsite": "",
        "category": h.get("category", "Large accelerated filer"), "fiscalYearEnd": h.get("fiscal_year_end", ""),
        "stateOfIncorporation": h.get("state_of_incorporation", ""),
        "stateOfIncorporationDescription": h.get("state_of_incorporation_description", ""),
        "addresses": {"mailing": dict(address), "business": dict(address)},
        "phone": h.get("phone", ""), "flags": "",
        "formerNames": [{"name": f["name"], "from": f"{f['from']}T00:00:00.000Z", "to": f"{f['to']}T00:00:00.000Z"}
                        for f in h.get("former_names", [])],
        "filings": {"recent": _arrays([filing_row(r) for r in recent]), "files": files},
    }
    main = json.dumps(doc, separators=(",", ":"))
    page = json.dumps(_arrays([filing_row(r) for r in older]), separators=(",", ":")) if older else None
    return main, page
