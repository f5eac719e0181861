"""Turning a debt document (EDGAR HTML, an SGML submission, or newswire text) into normalized sentences.

The extraction rules in transforms.debt run on *normalized* text (curly quotes straightened, line wraps
joined, the words that syndicated copies rewrite put back), but evidence must quote the document itself.
`MappedText` therefore carries, for every normalized character, the span of the plain text it came from.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Callable

from transforms.amounts import DIGIT_WORDS, PERCENT_WORDS, SPELLED_PERCENT_RE
from transforms.errors import ParseError
from transforms.page_text import strip_control_chars, unescape_embedded_json

# --- bytes -> plain text ----------------------------------------------------------------------

_BLOCK_TAGS = {
    "p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
    "center", "blockquote", "pre", "hr", "dt", "dd", "section", "article", "header", "footer",
    "title", "body", "html",
}
_CELL_TAGS = {"td", "th"}


def decode(content: bytes | str) -> str:
    """Bytes as text: UTF-8 (with or without BOM), else Windows-1252, which EDGAR's older exhibits use."""
    if isinstance(content, str):
        return content.lstrip("\ufeff")
    if not isinstance(content, (bytes, bytearray)):
        raise ParseError(f"expected bytes or str, got {type(content).__name__}")
    raw = bytes(content)
    if b"\x00" in raw[:4096]:
        raise ParseError("binary content (NUL bytes): not a text document")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def looks_like_html(text: str) -> bool:
    head = text[:5000].lower()
    return bool(re.search(r"<(html|body|p|div|font|span|table|br|td)\b", head))


def sgml_documents(text: str) -> list[tuple[str, str]]:
    """(TYPE, TEXT body) of each <DOCUMENT> of a full EDGAR submission (.txt); [] for any other text.

    In the SGML submission TYPE/SEQUENCE/FILENAME have no closing tag and end at the end of the line
    (notes/formats.md section 3); the body sits between <TEXT> and </TEXT>.
    """
    docs = []
    for m in re.finditer(r"<DOCUMENT>(.*?)</DOCUMENT>", text, flags=re.S | re.I):
        block = m.group(1)
        t = re.search(r"<TYPE>([^\n<]*)", block, flags=re.I)
        body = re.search(r"<TEXT>(.*?)</TEXT>", block, flags=re.S | re.I)
        if body:
            docs.append(((t.group(1).strip().upper() if t else ""), body.group(1)))
    return docs


def html_to_text(markup: str) -> tuple[str, dict[str, str]]:
    """Visible text of an HTML/iXBRL document, blocks separated by blank lines, plus its dei: facts.

    Text split across <font>/<span> runs is joined without spaces (EDGAR agents split "0.750" and "%"
    into separate runs); table cells are separated by a space, rows and paragraphs by a blank line.
    The hidden iXBRL header (display:none) is dropped from the text but its dei facts (TradingSymbol,
    DocumentType, DocumentPeriodEndDate) are returned.
    """
    import warnings

    from bs4 import BeautifulSoup, Comment, XMLParsedAsHTMLWarning

    try:
        with warnings.catch_warnings():
            # iXBRL 8-Ks start with an XML declaration; they are read as HTML on purpose
            warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
            soup = BeautifulSoup(markup, "lxml")
    except Exception as exc:  # lxml raises assorted errors on pathological input
        raise ParseError(f"unreadable HTML: {exc}") from None
    dei: dict[str, str] = {}
    for tag in soup.find_all(True):
        name = tag.get("name") if tag.attrs is not None else None
        if isinstance(name, str) and name.startswith("dei:") and name[4:] not in dei:
            dei[name[4:]] = tag.get_text(" ", strip=True)
    for tag in soup.find_all(["script", "style", "ix:header", "head"]):
        tag.decompose()
    for tag in soup.find_all(style=re.compile(r"display\s*:\s*none", re.I)):
        tag.decompose()
    for c in soup.find_all(string=lambda s: isinstance(s, Comment)):
        c.extract()

    parts: list[str] = []

    def walk(node) -> None:
        for child in node.children:
            if isinstance(child, str):
                parts.append(str(child))
                continue
            name = (child.name or "").lower()
            if name in _BLOCK_TAGS:
                parts.append("\n\n")
                walk(child)
                parts.append("\n\n")
            elif name in _CELL_TAGS:
                parts.append(" ")
                walk(child)
                parts.append(" ")
            else:
                walk(child)

    walk(soup)
    text = "".join(parts)
    # Markup line breaks inside a paragraph are not text line breaks.
    text = re.sub(r"[ \t\r\f\v]*\n(?!\n)[ \t\r\f\v]*", " ", text.replace("\r", ""))
    text = re.sub(r"[ \t\xa0]*\n\n[\s\xa0]*", "\n\n", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    return text.strip(), dei


def document_text(content: bytes | str) -> tuple[str, dict[str, str]]:
    """Plain text of a debt document and any dei facts found in its markup.

    A full SGML submission contributes its primary document and its EX-99* press releases.
    """
    text = strip_control_chars(decode(content))
    docs = sgml_documents(text)
    if docs:
        keep = [body for typ, body in docs if not typ.startswith(("EX-4", "EX-10", "GRAPHIC", "EX-101", "XML", "ZIP"))]
        if not keep:
            raise ParseError("SGML submission has no primary document or press release")
        texts, dei = [], {}
        for body in keep:
            t, d = html_to_text(body) if looks_like_html(body) else (body, {})
            texts.append(t)
            for k, v in d.items():
                dei.setdefault(k, v)
        return "\n\n".join(texts), dei
    if looks_like_html(text):
        plain, dei = html_to_text(text)
        return without_xbrl_definitions(plain), dei
    # copies saved as a JSON string carry literal "\n" and '\"' (../shared/reference/press/README.md, Riot)
    text = unescape_embedded_json(text)
    if re.search(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);", text):
        text = html.unescape(text)
    return without_xbrl_definitions(text), {}


#: Where an EDGAR "R" page's note ends and the taxonomy's definitions of its elements begin: an "X" line, then
#: "- References" or "- Definition".
_XBRL_DEFINITIONS_RE = re.compile(r"\n\s*\|?\s*X\s*\n\s*-\s*(?:References|Definition)\b")


def without_xbrl_definitions(text: str) -> str:
    """A financial-statement note copied from an EDGAR R page, without the taxonomy's element definitions below it:
    their "amounts of borrowings under each line of credit, note payable, ... debenture issue" name every kind of
    debt and none the note is about."""
    m = _XBRL_DEFINITIONS_RE.search(text)
    return text[:m.start()] if m else text


# --- normalization with an offset map ---------------------------------------------------------

@dataclass(frozen=True)
class MappedText:
    """Normalized text whose every character knows the span of the original text it stands for."""

    text: str
    original: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, original: str) -> "MappedText":
        n = len(original)
        return cls(original, original, tuple(range(n)), tuple(range(1, n + 1)))

    def sub(self, pattern: str | re.Pattern, repl: str | Callable[[re.Match], str], flags: int = 0) -> "MappedText":
        """re.sub that keeps the offset map: replacement characters map to the whole matched span."""
        rx = re.compile(pattern, flags) if isinstance(pattern, str) else pattern
        out: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        changed = False
        for m in rx.finditer(self.text):
            a, b = m.span()
            new = repl(m) if callable(repl) else (m.expand(repl) if "\\" in repl else repl)
            if new == m.group(0):
                continue
            changed = True
            out.append(self.text[pos:a])
            starts.extend(self.starts[pos:a])
            ends.extend(self.ends[pos:a])
            if new:
                if a < b:
                    s, e = self.starts[a], self.ends[b - 1]
                else:  # insertion at a point
                    s = e = self.starts[a] if a < len(self.starts) else (self.ends[-1] if self.ends else 0)
                out.append(new)
                starts.extend([s] * len(new))
                ends.extend([e] * len(new))
            pos = b
        if not changed:
            return self
        out.append(self.text[pos:])
        starts.extend(self.starts[pos:])
        ends.extend(self.ends[pos:])
        return MappedText("".join(out), self.original, tuple(starts), tuple(ends))

    def original_span(self, a: int, b: int) -> tuple[int, int]:
        """The span of the original text behind normalized text[a:b]."""
        if b <= a:
            s = self.starts[a] if a < len(self.starts) else len(self.original)
            return s, s
        return self.starts[a], self.ends[b - 1]

    def evidence(self, a: int, b: int) -> str:
        """The document's own words behind normalized text[a:b], whitespace runs collapsed."""
        s, e = self.original_span(a, b)
        return collapse_ws(self.original[s:e])


def collapse_ws(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


#: Rewrites syndication "spinners" apply to newswire text, mapped back to the issuer's words.
#: Seen in ../shared/reference/press/spun_copies_debt.txt ("web proceeds", "mixture principal quantity",
#: "providing", "three.00%", "non-public offering", "choice to purchase", "introduced the pricing").
#: Each rule only fires in the debt-offering context its pattern spells out.
SPUN_REWRITES: tuple[tuple[str, str], ...] = (
    (r"\bweb proceeds\b", "net proceeds"),
    (r"\b(?:mixture|combination|combined|aggregate)\s+principal\s+(?:quantity|sum)\b",
     "aggregate principal amount"),
    (r"\bmixture principal amount\b", "aggregate principal amount"),
    (r"\bprincipal quantity\b", "principal amount"),
    (r"\bnon-public (offering|providing)\b", "private offering"),
    (r"\b(its|the|this|an|a|proposed|upsized|private|notes|such)\s+providing\b", r"\1 offering"),
    (r"\bproviding of \$", "offering of $"),
    (r"\b(?:choice|possibility|alternative) to (?:purchase|buy) (?:up to )?(?:an )?additional\b",
     "option to purchase additional"),
    (r"\b(?:today|immediately|at present)\s+introduced\b", "today announced"),
    (r"\bbeforehand introduced\b", "previously announced"),
    (r"\bas much as an extra\b", "up to an additional"),
    # "granted the initial purchasers of the notes an choice to purchase, for settlement inside a period of 13 days
    # ..., as much as a further $50 million principal amount of notes" (IREN, June 2025, as syndicated)
    (r"\b(?:an?\s+)?(?:choice|possibility|alternative) to (?:purchase|buy),", "an option to purchase,"),
    (r"\bas much as a further\b", "up to an additional"),
    (r"\bpreliminary (purchasers?|conversion (?:rate|price)|cap price)\b", r"initial \1"),
    (r"\bpreliminary purchaser\b", "initial purchaser"),
)


def normalize(plain: str) -> tuple[MappedText, list[str]]:
    """Normalize plain text for matching; returns the mapped text and the spun phrases it rewrote."""
    mt = MappedText.of(plain)
    # Characters: typographic quotes/dashes/spaces to ASCII, invisible characters removed.
    mt = mt.sub(r"[\u2018\u2019\u201a\u2032`]", "'")
    mt = mt.sub(r"[\u201c\u201d\u201e\u2033]", '"')
    mt = mt.sub(r"[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]", "-")
    mt = mt.sub(r"[\u00a0\u2002\u2003\u2007\u2009\u202f]", " ")
    mt = mt.sub(r"[\u200b\u200c\u200d\u00ad\ufeff]", "")
    mt = mt.sub(r"\r\n?", "\n")
    # Paragraphs: a blank line, or a line that starts a bullet, starts a new block.
    mt = mt.sub(r"[ \t]*\n[ \t]*(?=(?:[-\u2022\u25cf\u25aa\u25e6\u00b7*]|\(\w\)|o)\s)", "\n\n")
    mt = mt.sub(r"\n[ \t]*(?:\n[ \t]*)+", "\n\n")
    # A word broken at a line end ("con-\nvertible") is one word.
    mt = mt.sub(r"(?<=[a-z])-\n(?=[a-z])", "")
    # A long line that ends without a stop before a capital is a sentence of its own: copies that keep one sentence
    # per line and drop the full stops ("... was $1.59 billion\nThe Issuer intends ..."). Hard wraps are far
    # shorter, and a line that ends on a joining word goes on.
    mt = mt.sub(r"(?<=[^\n]{150})(?<![,;:(\-])(?<!\bthe)(?<!\bof)(?<!\band)(?<!\bto)(?<!\ba)(?<!\ban)(?<!\bwith)"
                r"(?<!\bby)(?<!\bfor)(?<!\bin)(?<!\bon)(?<!\bat)(?<!\bor)\n(?!\n)(?=[A-Z])", "\n\n")
    # Hard line-wraps inside a paragraph (Business Wire text, ../shared/reference/press/corz_*) join.
    mt = mt.sub(r"(?<!\n)\n(?!\n)", " ")
    mt = mt.sub(r"[ \t\f\v]{2,}|[\t\f\v]", " ")
    # Copies that lost the space after markup: "3.50% coupon,30% conversion premium", "the30% conversion premium",
    # "plus$50 million": a percentage or dollar figure run into the word before it is a word of its own.
    mt = mt.sub(r"(?<=[a-z]),(?=\d[\d.]*\s?%)", ", ")
    mt = mt.sub(r"(?<=[a-z])(?=\d[\d.]*\s?%)|(?<=[a-z])(?=\$\d)", " ")
    applied: list[str] = []
    # Spelled-out leading digit in a rate: "three.00%" -> "3.00%".
    digit_rx = re.compile(r"\b(" + "|".join(DIGIT_WORDS) + r")(?=\.\d+\s?%)", re.I)
    if digit_rx.search(mt.text):
        applied.extend(re.findall(r"(?i)\b(?:" + "|".join(DIGIT_WORDS) + r")\.\d+\s?%", mt.text))
        mt = mt.sub(digit_rx, lambda m: DIGIT_WORDS[m.group(1).lower()])
    # A rate spelled out in words, as loan notes write it: "six percent per annum" -> "6% per annum".
    mt = mt.sub(SPELLED_PERCENT_RE, lambda m: f"{PERCENT_WORDS[m.group('word').lower()]}%")
    for pattern, repl in SPUN_REWRITES:
        rx = re.compile(pattern, re.I)
        found = [m.group(0) for m in rx.finditer(mt.text)]
        if found:
            applied.extend(found)
            mt = mt.sub(rx, repl)
    return mt, list(dict.fromkeys(applied))


# --- sentences --------------------------------------------------------------------------------

_ABBREVIATIONS = {
    "inc", "corp", "co", "ltd", "llc", "l.l.c", "n.a", "no", "nos", "approx", "u.s", "u.k", "st", "mr",
    "ms", "mrs", "dr", "jr", "sr", "vs", "e.g", "i.e", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "est", "ft", "s.a", "n.v", "plc", "et", "al", "sec", "p.m", "a.m",
}


@dataclass(frozen=True)
class Sentence:
    """A sentence of the normalized text: its [start, end) in MappedText.text and its block number."""

    start: int
    end: int
    block: int
    text: str


def sentences(mt: MappedText) -> list[Sentence]:
    """Split normalized text into sentences (blocks first, then sentence punctuation)."""
    out: list[Sentence] = []
    text = mt.text
    block_no = 0
    for bm in re.finditer(r"[^\n]+", text):
        block_start = bm.start()
        block = bm.group(0)
        cut = 0
        for pm in re.finditer(r"[.!?][\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9$])", block):
            end = pm.end()
            before = block[cut:pm.start()]
            word = re.search(r"([A-Za-z][A-Za-z.]*)$", before)
            if word:
                w = word.group(1).lower().rstrip(".")
                if w in _ABBREVIATIONS or len(w.replace(".", "")) == 1:
                    continue
            _append(out, text, block_start + cut, block_start + end, block_no)
            cut = end
        _append(out, text, block_start + cut, block_start + len(block), block_no)
        block_no += 1
    return out


def _append(out: list[Sentence], text: str, a: int, b: int, block: int) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append(Sentence(a, b, block, text[a:b]))
