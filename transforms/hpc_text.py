"""Press release bytes (EDGAR EX-99.1 HTML, full SGML submission, newswire plain text) -> clean lines.

Private to the AI/HPC parsers. Every downstream snippet of evidence is a substring of `Document.text`,
so the text is normalised once here: entities decoded, non-breaking spaces and curly quotes made plain,
hard line-wraps re-joined, table rows flattened to `cell | cell`, and the boilerplate tail (About ...,
forward-looking statements, contacts) cut off.
"""
from __future__ import annotations

import functools
import re
import warnings
from dataclasses import dataclass, field
from datetime import date

from transforms.errors import ParseError
from transforms.hpc_numbers import parse_full_date
from transforms.page_text import strip_control_chars, unescape_embedded_json

__all__ = ["Document", "Sentence", "read_document", "decode", "head_sentences"]

CELL_SEP = " | "

# Filing-agent markup (formats.md §5): Workiva wraps every run in <div><font>, EdgarAgents uses <P>
# per line and one-row tables for bullets; both put "$" in a cell of its own.
_BLOCK_TAGS = {
    "p", "div", "br", "tr", "table", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "center", "blockquote", "section", "article", "header", "footer", "pre", "hr", "dl", "dt", "dd",
    "thead", "tbody", "tfoot", "caption", "form", "body", "html", "title",
}
_SKIP_TAGS = {"script", "style", "head", "noscript", "template", "xml", "ix:header"}
_CELL_TAGS = {"td", "th"}

_CHAR_MAP = str.maketrans({
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\u2002": " ", "\u2003": " ",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-", "\u2011": "-", "\u2010": "-",
    "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None,
    "\t": " ", "\x0b": " ", "\x0c": "\n",
})
_BULLETS = "\u2022\u25cf\u25aa\u25a0\u2023\u2043\u25e6\u00b7\u2219\u25cb\u2027\uf0b7"
_BULLET_LINE_RE = re.compile(rf"^\s*(?:[{_BULLETS}*]|-(?=\s))\s*")
#: A bullet inside a line: investor decks flattened to text run their bullets together ("... Inc • Terms: •
#: MW IT Load: 216 MW • Tenor: 15-year lease"); each bullet is a sentence of its own.
_INLINE_BULLET_RE = re.compile(rf"\s+[{_BULLETS}](?:\s+[{_BULLETS}])*\s+")
#: A hyphen a PDF extraction spaced out between a number and its unit ("15 - year lease", "5 - year tenant
#: extension options"): the compound is read as written in the deck, "15-year".
_SPACED_COMPOUND_RE = re.compile(r"(?<=\d) - (?=(?:year|month|day|MW|megawatt)s?\b)", re.IGNORECASE)
# A deck's footnote mark between a label and its dollar figure ("Total Contract Value (1) $865M") would split the
# clause at its bracket and part the figure from its label: it is dropped.
_FOOTNOTE_BEFORE_MONEY_RE = re.compile(r"(?<=[A-Za-z])\s?\(\d\)(?=\s*(?:US\s?)?\$\s?\d)")
# ... and a site code "NC - 1: NSCALE ANCHOR CONTRACT" is "NC-1" (units and figures left alone)
_SPACED_SITE_CODE_RE = re.compile(
    r"\b(?!(?:MW|GW|KW|EH|PH|TH|IT|USD|US|Q)\b)(?P<code>[A-Z]{2,5}) - (?P<n>\d{1,2})\b(?![\d.,%]|\s*(?:years?|months?|MW|GW|%))")

# Where the release proper ends: everything after is boilerplate that names partners in passing.
_TAIL_HEADING_RE = re.compile(
    r"^(?:about\s+\S.*|forward[- ]looking\s+statements?.*|cautionary\s+(?:note|statement|language).*"
    r"|safe\s+harbor.*|special\s+note\s+regarding.*|investor\s+(?:relations\s+)?contacts?:?.*"
    r"|media\s+(?:relations\s+)?contacts?:?.*|contacts?:?|source:.*|non-(?:gaap|ifrs)\s+financial\s+measures?.*)$",
    re.IGNORECASE,
)
_PREAMBLE_RE = re.compile(
    r"^(?:exhibit\s+99(?:\.\d+)?|ex-99(?:\.\d+)?|news\s+release|press\s+release|for\s+immediate\s+release|"
    r"document|\d+|page\s+\d+(?:\s+of\s+\d+)?)$",
    re.IGNORECASE,
)
# "NEW YORK, Aug. 14, 2025 (GLOBE NEWSWIRE) --", "CASTLE ROCK, Colo., May 5, 2025 /PRNewswire/ --",
# "DENTON, Texas--(BUSINESS WIRE)--Feb. 26, 2025--"
_WIRE_RE = re.compile(
    r"\((?:GLOBE\s+NEWSWIRE|BUSINESS\s+WIRE|ACCESSWIRE|ACCESS\s+Newswire|Newsfile\s+Corp\.?)\)|/PRNewswire(?:-\w+)?/|/CNW/|"
    r"(?:^|\s)--\s|\s-\s-\s",
    re.IGNORECASE,
)
_ABBREVIATIONS = (
    "Inc", "Corp", "Co", "Ltd", "LLC", "L.L.C", "N.V", "S.A", "No", "Nos", "approx", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Md", "Colo", "Calif", "Mass", "Tex",
    "Fla", "Ga", "Va", "Pa", "N.Y", "N.D", "Mr", "Ms", "Mrs", "Dr", "St", "vs", "e.g", "i.e", "U.S", "Jr",
    "Sr", "Mt", "Ft", "est", "Ave", "approx", "incl", "Nev", "Del", "Ky", "Okla", "La", "Ont", "B.C",
)
_DATE_TEXT_RE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+(?:19|20)\d\d", re.IGNORECASE
)
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9$])")


@dataclass(frozen=True)
class Sentence:
    """One sentence (or one table row) of the release body, located in `Document.text`."""

    start: int
    end: int
    text: str
    line_no: int
    is_table_row: bool = False


@dataclass
class Document:
    """A release as normalised text. `text` holds every line; `body` sentences exclude headline and tail."""

    text: str
    lines: list[str]
    headline: str
    headline_start: int
    announced_date: date | None
    announced_evidence: str | None
    body_start_line: int
    body_end_line: int
    dateline_line: int | None = None
    sentences: list[Sentence] = field(default_factory=list)
    line_offsets: list[int] = field(default_factory=list)

    @property
    def body_text(self) -> str:
        if self.body_start_line >= len(self.lines):
            return ""
        start = self.line_offsets[self.body_start_line]
        end = (self.line_offsets[self.body_end_line] - 1 if self.body_end_line < len(self.lines)
               else len(self.text))
        return self.text[start:end]


# --- decoding ------------------------------------------------------------------------------
def decode(content: bytes | str) -> str:
    """Bytes -> str: UTF-8, then Windows-1252 (EDGAR's older agents); refuses binary bodies."""
    if isinstance(content, str):
        text = content
    elif isinstance(content, (bytes, bytearray, memoryview)):
        raw = bytes(content)
        if raw.startswith(b"%PDF") or raw.startswith(b"PK\x03\x04") or raw.startswith(b"\x89PNG"):
            raise ParseError("not a text document (PDF, zip or image bytes)")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
    else:
        raise ParseError(f"expected bytes or str, got {type(content).__name__}")
    if not text.strip():
        raise ParseError("empty document")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\x0b")
    if controls > max(8, len(text) // 100):
        raise ParseError("not a text document (binary control characters)")
    return text.replace("\x00", "")


# --- SGML full submission ------------------------------------------------------------------
_SGML_DOC_RE = re.compile(r"<DOCUMENT>(.*?)(?:</DOCUMENT>|\Z)", re.DOTALL | re.IGNORECASE)
_SGML_TYPE_RE = re.compile(r"^<TYPE>\s*(\S+)", re.MULTILINE | re.IGNORECASE)
_SGML_TEXT_RE = re.compile(r"<TEXT>(.*?)(?:</TEXT>|\Z)", re.DOTALL | re.IGNORECASE)


def _sgml_exhibit(text: str) -> str | None:
    """The press release inside a full submission `.txt` (formats.md §3): the EX-99.1-like document."""
    if "<DOCUMENT>" not in text.upper() or "<TYPE>" not in text.upper():
        return None
    docs = []
    for m in _SGML_DOC_RE.finditer(text):
        block = m.group(1)
        doc_type = _SGML_TYPE_RE.search(block)
        body = _SGML_TEXT_RE.search(block)
        if doc_type and body:
            docs.append((doc_type.group(1).upper(), body.group(1)))
    # EX-99.1, also EX-99, EX-99.01 (ENGINEERING.md); the file name is never a reliable key.
    for doc_type, body in docs:
        if re.fullmatch(r"EX-99(?:\.0?1)?", doc_type):
            return body
    for doc_type, body in docs:
        if doc_type.startswith("EX-99"):
            return body
    return docs[0][1] if docs else None


# --- HTML ----------------------------------------------------------------------------------
_HTML_HINT_RE = re.compile(r"<(?:html|body|p|div|table|font|span|br|td)\b[^>]*>", re.IGNORECASE)


def _looks_like_html(text: str) -> bool:
    return len(_HTML_HINT_RE.findall(text[:200_000])) >= 2


def _html_lines(markup: str) -> list[str]:
    from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction
    from bs4 import XMLParsedAsHTMLWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        warnings.simplefilter("ignore", UserWarning)
        soup = BeautifulSoup(markup, "lxml")
    lines: list[list[str]] = [[]]   # each line is a list of cells; each cell a list of strings
    cells: list[str] = []
    in_cell = 0
    chunks: list[str] = []

    def flush_chunk() -> None:
        if chunks:
            cells.append("".join(chunks))
            chunks.clear()

    def new_line() -> None:
        flush_chunk()
        if cells:
            lines.append(list(cells))
            cells.clear()

    # Iterative walk: mangled input can nest deeper than Python's recursion limit.
    stack: list[tuple[object, bool]] = [(soup, False)]
    while stack:
        node, closing = stack.pop()
        name = getattr(node, "name", None)
        if closing:
            if name in _CELL_TAGS:
                flush_chunk()
                in_cell -= 1
            elif name in _BLOCK_TAGS and not in_cell:
                new_line()
            elif name in _BLOCK_TAGS or name == "br":
                chunks.append(" ")
            continue
        if isinstance(node, NavigableString):
            if isinstance(node, (Comment, Declaration, Doctype, ProcessingInstruction)):
                continue
            chunks.append(str(node))
            continue
        if name in _SKIP_TAGS:
            continue
        if name == "tr":
            new_line()
        if name in _CELL_TAGS:
            flush_chunk()
            in_cell += 1
        elif name == "br" and not in_cell:
            new_line()
        elif name in _BLOCK_TAGS and not in_cell:
            new_line()
        stack.append((node, True))
        for child in reversed(list(getattr(node, "children", []))):
            stack.append((child, False))
    new_line()
    out = []
    for row in lines:
        text_cells = [re.sub(r"\s+", " ", c.translate(_CHAR_MAP)).strip() for c in row]
        out.append(_join_cells([c for c in text_cells if c]))
    return out


def _join_cells(cells: list[str]) -> str:
    """Row cells -> one line; "$" and "(" cells glued to the number after them, bullets dropped."""
    merged: list[str] = []
    carry = ""
    for cell in cells:
        if cell in {"$", "US$", "(", "($", "(US$", "A$"}:
            carry += cell
            continue
        if cell in {")", "%", ")%"} and merged:
            merged[-1] += cell
            continue
        if len(cell) == 1 and cell in _BULLETS:
            continue
        merged.append(carry + cell)
        carry = ""
    if carry:
        merged.append(carry)
    return CELL_SEP.join(merged)


# --- plain text ----------------------------------------------------------------------------
def _plain_lines(text: str) -> list[str]:
    raw = [re.sub(r"[ ]{2,}", "  ", line.translate(_CHAR_MAP)).rstrip() for line in text.splitlines()]
    wrapped = _is_hard_wrapped(raw)
    out: list[str] = []
    for line in raw:
        stripped = line.strip()
        if out and stripped and out[-1] and _continues(out[-1], stripped, wrapped, line):
            out[-1] = out[-1] + " " + stripped
        else:
            out.append(stripped)
    return [re.sub(r"\s{2,}", " ", line) for line in out]


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Business Wire copies break every line near 70 characters, even mid-name (reference/press/README)."""
    long = [line.strip() for line in lines if len(line.strip()) >= 50]
    open_ended = [line for line in long if len(line) <= 85 and not line.endswith((".", ":", ";", "!", "?", '"'))]
    return len(open_ended) >= 3 and len(open_ended) >= 0.25 * len(long) and max(map(len, long)) <= 100


def _continues(previous: str, current: str, wrapped: bool, raw_current: str) -> bool:
    """Is `current` the rest of the sentence on `previous` (a hard line-wrap)?"""
    if len(previous) < 45 or previous.endswith((".", ":", ";", "!", "?")):
        return False
    if _BULLET_LINE_RE.match(raw_current) or re.match(r"^\d+\.\s", current):
        return False
    if wrapped:
        return True
    if previous.endswith('"'):
        return False
    first = current[:1]
    return first.islower() or first in "$("


# --- assembling the document ---------------------------------------------------------------
def read_document(content: bytes | str) -> Document:
    """Decode, unwrap and normalise a release; find headline, dateline and body sentences.

    Memoised on the content (a document's capacity and revenue parsers both read it, and the HTML
    walk is most of their cost); callers treat the Document as read-only."""
    return _read_document(content)


@functools.lru_cache(maxsize=16)
def _read_document(content: bytes | str) -> Document:
    text = strip_control_chars(decode(content))
    exhibit = _sgml_exhibit(text)
    if exhibit is not None:
        text = exhibit
    if _looks_like_html(text):
        try:
            lines = _html_lines(text)
        except RecursionError:
            raise ParseError("HTML nested too deeply to read") from None
    else:
        lines = _plain_lines(unescape_embedded_json(text))
    lines = [_BULLET_LINE_RE.sub("", line).strip() if _BULLET_LINE_RE.match(line) else line.strip()
             for line in lines]
    lines = [_FOOTNOTE_BEFORE_MONEY_RE.sub("", _SPACED_SITE_CODE_RE.sub(r"\g<code>-\g<n>", _SPACED_COMPOUND_RE.sub("-", line)))
             for line in lines if line]
    if not lines:
        raise ParseError("no text in document")

    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    full = "\n".join(lines)

    dateline_idx, announced, announced_ev = _find_dateline(lines)
    if dateline_idx is not None:
        head_lines = [i for i in range(dateline_idx)
                      if not _PREAMBLE_RE.match(lines[i]) and not _is_date_only(lines[i])]
    else:
        first = next((i for i, line in enumerate(lines[:5])
                      if not _PREAMBLE_RE.match(line) and not _is_date_only(line)), None)
        # a passage without dateline that opens with prose (an 8-K item, an excerpt) has no headline
        head_lines = [first] if first is not None and not _is_prose(lines[first]) else []
    headline = " ".join(lines[i] for i in head_lines)
    headline_start = offsets[head_lines[0]] if head_lines else 0
    body_start = dateline_idx if dateline_idx is not None else (head_lines[-1] + 1 if head_lines else 0)
    body_end = len(lines)
    for i in range(body_start + 1, len(lines)):
        if len(lines[i]) <= 90 and _TAIL_HEADING_RE.match(lines[i]) and not lines[i].endswith("."):
            body_end = i
            break
    doc = Document(
        text=full, lines=lines, headline=headline, headline_start=headline_start,
        announced_date=announced, announced_evidence=announced_ev,
        body_start_line=body_start, body_end_line=body_end, line_offsets=offsets, dateline_line=dateline_idx,
    )
    doc.sentences = _sentences(doc)
    return doc


def _is_prose(line: str) -> bool:
    """A paragraph rather than a title: several sentences, or one long sentence ending in a period."""
    body = line.rstrip("\"') ")
    return len(body) > 200 and body.endswith(".") or len(_SENTENCE_END_RE.findall(body)) >= 2


def _is_date_only(line: str) -> bool:
    """A line that is only a date, maybe with a time ("June 03, 2024 07:00 AM Eastern Daylight Time")."""
    stripped = line.strip(" .")
    m = _DATE_TEXT_RE.match(stripped)
    if not m or parse_full_date(m.group(0)) is None:
        return False
    rest = stripped[m.end():].strip()
    return not rest or re.fullmatch(r"\d{1,2}:\d{2}(?:\s*[AP]M)?(?:\s+[A-Za-z ]{0,40})?", rest) is not None


def _find_dateline(lines: list[str]) -> tuple[int | None, date | None, str | None]:
    """The dateline and its date; Business Wire puts the date on a line of its own just above."""
    for i, line in enumerate(lines[:25]):
        head = line[:220]
        if not _WIRE_RE.search(head):
            continue
        for candidate in [head] + [lines[j] for j in range(i - 1, max(-1, i - 3), -1)]:
            m = _DATE_TEXT_RE.search(candidate[:220])
            if m and parse_full_date(m.group(0)) is not None:
                return i, parse_full_date(m.group(0)), m.group(0)
    return None, None, None


def dateline_body_offset(line: str) -> int:
    """Where the first sentence starts on the dateline line: after "(GLOBE NEWSWIRE) --"."""
    m = _WIRE_RE.search(line[:220])
    if not m:
        return 0
    rest = re.match(r"[\s-]*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})?[\s-]*", line[m.end():])
    return m.end() + (rest.end() if rest else 0)


def head_sentences(doc: Document) -> list[Sentence]:
    """The headline block's lines (title, subtitle) as sentences, for figures a headline repeats."""
    return [Sentence(doc.line_offsets[i], doc.line_offsets[i] + len(doc.lines[i]), doc.lines[i], i)
            for i in range(doc.body_start_line) if doc.lines[i] in doc.headline]


def _sentences(doc: Document) -> list[Sentence]:
    out: list[Sentence] = []
    for i in range(doc.body_start_line, doc.body_end_line):
        line = doc.lines[i]
        base = doc.line_offsets[i]
        if CELL_SEP in line:
            out.append(Sentence(base, base + len(line), line, i, True))
            continue
        start = dateline_body_offset(line) if i == doc.dateline_line else 0
        for m in _sentence_breaks(line):
            if m.start() < start:
                continue
            before = line[start:m.start()]
            tail = None if m.re is _INLINE_BULLET_RE else re.search(r"([A-Za-z.]+)\.$", before.rstrip("\"')]"))
            if tail and (tail.group(1).rstrip(".") in _ABBREVIATIONS or len(tail.group(1).rstrip(".")) == 1):
                continue
            piece = line[start:m.start()]
            if piece.strip():
                out.append(Sentence(base + start, base + m.start(), piece, i))
            start = m.end()
        piece = line[start:]
        if piece.strip():
            out.append(Sentence(base + start, base + len(line), piece, i))
    return out


def _sentence_breaks(line: str) -> list[re.Match]:
    """Where sentences of a prose line end: at a full stop before a capital, or at an inline bullet."""
    breaks = list(_SENTENCE_END_RE.finditer(line)) + list(_INLINE_BULLET_RE.finditer(line))
    return sorted(breaks, key=lambda m: m.start())
