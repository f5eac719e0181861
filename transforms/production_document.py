"""A production update's bytes -> plain text lines plus the HTML tables whose columns are periods.

EDGAR exhibits split text across many `font`/`span`/`div` elements, put `$` and `)` in cells of their own,
pad tables with empty spacer columns and mark footnotes with `<sup>` (see /work/notes/formats.md §5). Text
copies arrive with literal `\\n` escapes (a JSON dump of the release), mojibake, pipes and en dashes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import ftfy
from lxml import etree

from transforms.errors import ParseError
from transforms.textnum import Locale, detect_locale, locale_evidence, locale_of
from transforms.page_text import strip_control_chars, unescape_embedded_json, wp_json_html

_BLOCK_TAGS = ("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "center",
               "blockquote", "pre", "hr", "dd", "dt", "section", "article", "header", "footer", "title")
_DROP_TAGS = ("script", "style", "head", "noscript", "template")
# Mojibake of UTF-8 read as cp1252/latin-1: `â€“` (en dash), `â€™`, `Â ` (no-break space), `Ã©`.
_MOJIBAKE = re.compile("[âÃÂ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\u00a0]|â€")
_HTML_SNIFF = re.compile(rb"<\s*(?:html|body|table|div|p|font|span|td|tr|br|document|text)\b", re.I)
_FOOTNOTE_SUP = re.compile(r"\(?\s*(?:\d{1,2}|[*†‡§])\s*\)?(?:\s*,\s*\(?\d{1,2}\)?)*")
_PERIODISH = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s'’-]*(?:\d{4}|\d{2})\b"
    r"|\bQ[1-4]\s?'?\d{2,4}|\b[1-4]Q\s?'?\d{2,4}|months?\s+ended|quarter\s+ended"
    # a header of bare month names, one per cell (MARA: "Metric | September | August | % Δ")
    r"|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\s*\d?\s+"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)\b", re.I)


@dataclass(slots=True)
class Cell:
    text: str
    col: int
    span: int
    footnotes: tuple[str, ...] = ()


@dataclass
class GridTable:
    """An HTML table laid out on its column grid (colspans expanded into start column + span)."""

    rows: list[list[Cell]]
    locale: Locale = "unknown"


@dataclass
class Document:
    """Normalised text (data tables cut out) and the HTML tables that may carry period columns."""

    text: str
    tables: list[GridTable] = field(default_factory=list)
    is_html: bool = False
    locale: Locale = "unknown"
    table_text: str = ""

    @property
    def full_text(self) -> str:
        return self.text + ("\n" + self.table_text if self.table_text else "")


def decode(content: bytes | str) -> str:
    """Bytes -> str: UTF-8 when valid, else Windows-1252 (what EDGAR's older exhibits use)."""
    if isinstance(content, str):
        return content
    if not isinstance(content, (bytes, bytearray)):
        raise ParseError(f"expected bytes or str, got {type(content).__name__}")
    try:
        return bytes(content).decode("utf-8-sig")
    except UnicodeDecodeError:
        return bytes(content).decode("cp1252", errors="replace")


def repair_text(text: str) -> str:
    """Mojibake repair (ftfy, only when its markers occur) and literal `\\n` escapes from JSON copies."""
    if ("â" in text or "Ã" in text or "Â" in text) and _MOJIBAKE.search(text):
        text = ftfy.fix_text(text, unescape_html=False, uncurl_quotes=False, fix_line_breaks=False,
                             normalization="NFC")
    if text.count("\\n") >= 3:
        # a release pasted out of a JSON string: `\n` and `\"` are literal (reference/press riot_2025-04)
        text = text.replace("\\r\\n", "\n").replace("\\n", "\n").replace('\\"', '"').replace("\\t", "\t")
    return text


def normalize_space(text: str) -> str:
    return " ".join(text.split())


def _clean_lines(text: str) -> str:
    """Collapse runs of whitespace within lines and drop blank lines (str.split runs in C)."""
    return "\n".join(" ".join(raw.split()) for raw in text.splitlines() if raw and not raw.isspace())


def _clean_lines_keeping_breaks(text: str) -> str:
    """As `_clean_lines`, but a run of blank lines stays as one empty line: a paragraph break, which the
    unwrapping of hard-wrapped lines must not join across ("... cryptocurrencies in August 2022" / "" /
    "Bitcoin production in August 2022: 216" are a headline and a `Label: value` line, not one sentence).
    A copy that puts a blank line after most lines (double-spaced) has no paragraph breaks to keep."""
    lines = [" ".join(raw.split()) for raw in text.splitlines()]
    filled = [i for i, ln in enumerate(lines) if ln]
    spaced = sum(1 for i in filled if i + 1 < len(lines) and not lines[i + 1])
    if filled and spaced >= 0.8 * len(filled) and sum(_prose_width(lines[i]) for i in filled) >= 0.5 * len(filled):
        # hard-wrapped lines each followed by a blank one: the blanks are line spacing, not paragraphs
        return "\n".join(lines[i] for i in filled)
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def _drop_breaks(text: str) -> str:
    return "\n".join(ln for ln in text.split("\n") if ln)


def load_document(content: bytes | str) -> Document:
    """Read a press release as filed (HTML) or syndicated (plain text)."""
    if isinstance(content, (bytes, bytearray)):
        if not content.strip():
            raise ParseError("empty document")
        if b"\x00" in content[:4096]:
            raise ParseError("binary content, not a press release")
        is_html = _HTML_SNIFF.search(content[:65536]) is not None
    else:
        if not content.strip():
            raise ParseError("empty document")
        is_html = _HTML_SNIFF.search(content[:65536].encode("utf-8", "replace")) is not None
    text = decode(content)
    wp = wp_json_html(text)     # before repair: it would mend the JSON's escaped quotes
    if wp is not None:
        text, is_html = wp, True
    text = repair_text(text)
    raw = bytes(content) if isinstance(content, (bytes, bytearray)) else text.encode("utf-8", "surrogatepass")
    if _control_share(raw, text) > 0.05:
        raise ParseError("binary content, not a press release")
    if isinstance(content, str) or _has_xml_incompatible(raw):
        text = _XML_INCOMPATIBLE.sub(" ", text)     # stray control characters read as gaps (lxml refuses them)
    if is_html:
        return _load_html(text)
    text = zero_width_cells(unescape_embedded_json(text))
    cleaned = _drop_breaks(unwrap_hard_wrapped(reflow_pipe_cells(join_split_currency(
        _clean_lines_keeping_breaks(split_flat_markdown_rows(text))))))
    return Document(text=cleaned, locale=detect_locale(cleaned))


_ZERO_WIDTH_RUN = re.compile(r"[ \t]*\u200b(?:[ \t]*\u200b)*[ \t]*")


def zero_width_cells(text: str) -> str:
    """A table copied as text out of an EDGAR filing keeps the zero-width spaces of its empty spacer cells
    ("Rockdale Facility \u200b \u200b 14.1 \u200b \u200b 9.2"): each run of them is a cell boundary, and a line of
    nothing else is a row break. Prose keeps no such characters, so only table rows change."""
    if "\u200b" not in text:
        return text
    lines = []
    for line in text.split("\n"):
        if "\u200b" in line:
            line = _ZERO_WIDTH_RUN.sub(" | ", line).strip(" |")
        lines.append(line)
    return "\n".join(lines)


_MD_RULE = re.compile(r"\|\s*:?-{3,}:?\s*\|")
_MD_ROW_BREAK = re.compile(r"\|[ \t]+\|(?=[ \t]*(?::?-{3,}|[^|\s]))")


def split_flat_markdown_rows(text: str) -> str:
    """A Markdown table whose rows a page ran onto one line ("| Metrics | Mar 2025 | Feb 2025 | | --- | --- | --- |
    | Number of Bitcoins produced | 530.1 | 472.7 | | ..."): a row ends where an empty gap `| |` starts the next."""
    if "---" not in text:
        return text
    lines = text.split("\n")
    for i, ln in enumerate(lines):
        if _MD_RULE.search(ln) and len(_MD_ROW_BREAK.findall(ln)) >= 2:
            first = ln.index("|")
            head = ln[:first].rstrip() + "\n" if ln[:first].strip() else ""     # prose the header row ran on from
            lines[i] = head + _MD_ROW_BREAK.sub("|\n|", ln[first:])
    return "\n".join(lines)


_SPLIT_CURRENCY = re.compile(r"\$[ \t]*\n?[ \t]*\|[ \t]*(?=\d)")


def join_split_currency(text: str) -> str:
    """`Appx. $` / `|51.2 million`: a dollar sign left at the end of one cell and its figure opening the next
    (the exhibit typesets the sign in a cell of its own) are one amount; otherwise the sign counts as a cell
    and every figure after it shifts one column."""
    return _SPLIT_CURRENCY.sub("$", text) if "$" in text else text


_WRAP_MIN, _WRAP_MAX = 45, 90
_ENDS_SENTENCE = ("." , "!", "?", ":", ";", ".\"", ".”", "!”", "?”", ".'")
_OPENS_ITEM = re.compile(r"[•●▪◦*|–—-]|\(?\d{1,2}[.)]\s|\d[\d,.]*\s*$")


def unwrap_hard_wrapped(text: str) -> str:
    """A copy hard-wrapped at a fixed width ("...to 3.6 exahash per second" / "(EH/s) at June 30, 2022.")
    cuts sentences in two, and prose is read a line at a time: rejoin a wrapped line with the next.

    Only when most lines have the wrap width (45-90 characters); a line joins the next when it does not end a
    sentence and the next line does not open a bullet, a pipe cell or a bare figure (table cells stay
    apart). A short line of words joins the next only when that goes on in lower case (a wrapped headline
    bullet); other short lines (headings, one-cell-per-line tables) are never joined."""
    lines = text.split("\n")
    n_lines = sum(1 for ln in lines if ln)     # an empty line is a paragraph break, never joined across
    if n_lines < 12:
        return _join_lower_continuations(lines)
    widths = [_prose_width(ln) for ln in lines]
    wrapped = sum(widths)
    if wrapped < 8 or wrapped < 0.5 * n_lines:
        return _join_lower_continuations(lines)
    out: list[list[str]] = []           # each output line as its parts (joined once: no quadratic copying)
    joining = False
    short_words = False
    for ln, width in zip(lines, widths):
        if not ln:
            out.append([ln])
            joining = short_words = False
            continue
        if out and not _OPENS_ITEM.match(ln) and (joining or (short_words and ln[:1].islower()) or _unit_goes_on(out[-1], ln)):
            out[-1].append(ln)
        else:
            out.append([ln])
        ends = ln.endswith(_ENDS_SENTENCE)
        joining = width and not ends
        # a headline bullet wrapped short ("Bitcoin holdings increased 64.7%" / "in 2022 to 9,086 at year end")
        # goes on in lower case on the next line
        short_words = not ends and ln.count(" ") >= 2 and "|" not in ln
    return "\n".join(" ".join(parts) for parts in out)


def _unit_goes_on(parts: list[str], ln: str) -> bool:
    """A bullet wrapped right after its figure ("- Produced 2,115" / "Bitcoin during the three-month period ended March
    31, 2023, as"): the next line opens with the figure's unit and runs on at the wrap width."""
    return (len(parts) == 1 and bool(_OPENS_ITEM.match(parts[0])) and parts[0][-1:].isdigit()
            and len(ln) >= _WRAP_MIN and _UNIT_ONLY_LINE.match(ln) is not None)


_UNIT_ONLY_LINE = re.compile(r"(?:EH/s|PH/s|TH/s|J/TH|W/TH|exahash|petahash|BTC|bitcoins?)\b[^\d|]{0,40}", re.I)


def _join_lower_continuations(lines: list[str]) -> str:
    """In a copy that is not wrapped throughout, a bullet cut mid-phrase ("- Negative realized" / "electricity
    costs of ~US$0.08/kWh3") still goes on in lower case on the next line, and a figure's unit can open the next
    line ("capacity continues to be 2.5" / "EH/s."): join only those."""
    out: list[list[str]] = []
    for ln in lines:
        prev = out[-1][-1] if out else ""
        if prev and ln and "|" not in prev and "|" not in ln and (
                (ln[:1].islower() and prev.count(" ") >= 2 and not prev.endswith(_ENDS_SENTENCE)
                 and not _OPENS_ITEM.match(ln))
                # "... continues to be 2.5" / "EH/s.": a figure's unit wrapped onto the next line; also when the
                # sentence goes on ("the Company mined 124 Bitcoin, or 4.0" / "Bitcoin per day. This 20% ...")
                # "The Company ended the quarter with cash of $12.4 million and held" / "11 Bitcoin ...": a line
                # that stops on a word no sentence ends with goes on with the figure it names
                or (ln[:1].isdigit() and len(prev) >= _WRAP_MIN and _DANGLING_END.search(prev) and not _OPENS_ITEM.match(ln))
                or (prev[-1:].isdigit() and prev.count(" ") >= 3 and not prev.endswith(_ENDS_SENTENCE)
                    and _UNIT_ONLY_LINE.match(ln) and (_UNIT_ONLY_LINE.fullmatch(ln) or (len(prev) >= _WRAP_MIN and prev.count(" ") >= 5)))):
            out[-1].append(ln)
        else:
            out.append([ln])
    return "\n".join(" ".join(parts) for parts in out)


_DANGLING_END = re.compile(r"\s(?:held|holds|of|was|were|is|are|to|at|with|and|totaled|totalled|totaling|approximately|"
                           r"about|mined|produced|sold|by|from|reached)$", re.I)
_FIGURE = re.compile(r"\d[\d,.]*")
_GLUED_FIGURE = re.compile(r"[a-z]\d|\d%\S|\d\$")


def _prose_width(line: str) -> bool:
    """A line of running prose at the wrap width: six words or more, no pipe, at most one figure near its end
    and no figure run into a word (a table row flattened onto one line has several, or glued ones)."""
    if not _WRAP_MIN <= len(line) <= _WRAP_MAX or line.count(" ") < 5 or "|" in line:
        return False
    if not any(d in line for d in "0123456789"):
        return True
    return len(_FIGURE.findall(line[-25:])) <= 1 and _GLUED_FIGURE.search(line) is None


def reflow_pipe_cells(text: str) -> str:
    """A table copied cell by cell with every `|` on a line of its own, and hard-wrapped cell text between
    them ("Bitcoin" / "Produced" / "|" / "322" / "|" ...), becomes lines `Bitcoin Produced | 322 | ...`: an empty
    cell after a row's label and figure ("172" / "|" / "|" / "Mining revenue", IREN's key metrics) ends the row.

    Only the stretch from the first to the last pipe-only line is rewritten (prose around it keeps its lines);
    documents with fewer than eight pipe-only lines are returned unchanged. One pass over the lines."""
    if text.count("\n|") < 8:
        return text
    lines = text.split("\n")
    pipe_rows = [i for i, ln in enumerate(lines) if ln.strip() == "|"]
    if len(pipe_rows) < 8:
        return text
    first, last = pipe_rows[0], pipe_rows[-1]
    rows: list[list[str]] = [[]]
    current: list[str] = []
    for ln in lines[first:last + 1]:
        if ln.strip() == "|":
            cell = " ".join(current)
            if not cell and sum(1 for c in rows[-1] if c) >= 2:
                rows.append([])     # an empty cell after a label and its figure ends the row ("172" / "|" / "|" / "Mining revenue")
            else:
                rows[-1].append(cell)
            current = []
        elif ln.strip():
            current.append(ln.strip())
    out = [" | ".join(r).rstrip(" |") for r in rows if any(r)]
    return "\n".join(lines[:first] + out + lines[last + 1:])


# Control characters are single bytes in UTF-8 and cp1252 alike: counted and found with bytes.translate, which
# runs at memory speed (a regex over the text costs as much as lxml's whole parse).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0b, *range(0x0e, 0x20)])
_XML_BAD_BYTES = _CONTROL_BYTES + b"\x0c\x7f"


def _control_share(raw: bytes, text: str) -> float:
    """Share of control characters (and U+FFFD from undecodable bytes) at the start of the document."""
    sample = raw[:8192]
    if not sample:
        return 0.0
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES)) + text[:8192].count("\ufffd")
    return controls / min(len(sample), len(text[:8192]) or 1)


def _has_xml_incompatible(raw: bytes) -> bool:
    return (len(raw.translate(None, _XML_BAD_BYTES)) != len(raw) or b"\xef\xbf\xbe" in raw
            or b"\xef\xbf\xbf" in raw)


_XML_INCOMPATIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def _text_of(el) -> str:
    """All text below `el` without its tail (C-level serialisation: ~15x faster than joining itertext())."""
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


def _load_html(text: str) -> Document:
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    text = strip_control_chars(text)
    try:
        # plain etree elements: lxml.html's element-class lookup costs more than the parse itself
        root = etree.HTML(text)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(f"unreadable HTML: {exc}") from None
    if root is None:
        raise ParseError("unreadable HTML: no elements")
    etree.strip_elements(root, *_DROP_TAGS, with_tail=False)
    # the style scan walks every element: only when some style says "super" or raises text at all
    cell_footnotes = _strip_footnote_marks(root, styled_supers="super" in text or "SUPER" in text,
                                           raised=any(hint in text for hint in _RAISED_HINTS))
    for el in root.iter(*_BLOCK_TAGS, "td", "th"):
        if el.tag in ("td", "th"):
            el.tail = " " + el.tail if el.tail else " "
            continue
        el.tail = "\n" + el.tail if el.tail else "\n"
        if el.tag != "br":
            el.text = "\n" + el.text if el.text else "\n"
    tables: list[GridTable] = []
    table_texts: list[str] = []
    table_evidence = (False, False)
    for table in list(root.iter("table")):
        if table.getparent() is None or next(table.iterancestors("table"), None) is not None:
            continue
        flat = _text_of(table)
        if _PERIODISH.search(flat):
            grid = _grid(table, cell_footnotes)
            if grid.rows:
                flat_clean = _clean_lines(flat)
                evidence = locale_evidence(flat_clean)
                grid.locale = locale_of(*evidence)
                table_evidence = (table_evidence[0] or evidence[0], table_evidence[1] or evidence[1])
                tables.append(grid)
                table_texts.append(flat_clean)
                _drop(table)
                continue
        _render_cells(table)
    body = _clean_lines(_text_of(root))
    table_text = "\n".join(table_texts)
    us, eu = locale_evidence(body)
    return Document(text=body, tables=tables, is_html=True,
                    locale=locale_of(us or table_evidence[0], eu or table_evidence[1]), table_text=table_text)


def _drop(el) -> None:
    """Remove an element but keep the text that follows it (lxml.html's drop_tree for plain etree)."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


# Workiva/Wdesk writes a superscript as raised small text, not `<sup>`: `font-size:6.5pt;position:relative;
# top:-3.5pt;vertical-align:baseline` (the footnote digits of Riot's table: `18,005` then a raised `3`).
_RAISED_HINT = re.compile(r"top:\s*-\s*\d", re.I)
_RAISED_HINTS = ("top:-", "top: -", "TOP:-", "TOP: -")   # substring tests: a regex over the text costs more
_RAISED_STYLE = re.compile(r"position:\s*relative", re.I)
_SUPER_STYLE = re.compile(r"vertical-align:\s*super", re.I)


def _is_superscript(el) -> bool:
    if el.tag == "sup":
        return True
    style = el.get("style", "")
    return bool(_SUPER_STYLE.search(style) or (_RAISED_STYLE.search(style) and _RAISED_HINT.search(style)))


def _strip_footnote_marks(root, styled_supers: bool = True, raised: bool = False) -> dict:
    """Remove superscript footnote markers (`<sup>3</sup>`, `vertical-align:super`, Workiva's raised text),
    noting them per cell."""
    marks: dict = {}
    supers = list(root.iter("sup"))
    if styled_supers or raised:
        # one pass in Python over the elements (an XPath `contains(@style, ...)` costs several times more)
        for el in root.iter():
            style = el.get("style")
            if style and el.tag != "sup" and ((styled_supers and ("super" in style or "SUPER" in style))
                                              or (raised and ("top:" in style or "TOP:" in style))):
                supers.append(el)
    for el in supers:
        if el.getparent() is None:
            continue
        content = "".join(el.itertext()).strip()
        if not _is_superscript(el):
            continue
        if not content or not _FOOTNOTE_SUP.fullmatch(content):
            continue
        cell = next(el.iterancestors("td", "th"), None)
        if cell is not None:
            marks.setdefault(cell, []).extend(re.findall(r"\d{1,2}|[*†‡§]", content))
        elif el.getprevious() is None and not (el.getparent().text or "").strip() and content.strip("()").isdigit():
            # the marker that opens a footnote line keeps its number: "3 Includes 1,900 in restricted bitcoin"
            el.tail = content.strip("()") + " " + (el.tail or "").lstrip("\u00a0 ")
        _drop(el)
    return marks


def _render_cells(table) -> None:
    """A layout table (bullets, label/value pairs) stays in the text, one row per line, cells split by `|`."""
    for row in table.iter("tr"):
        for cell in row:
            if cell.tag in ("td", "th"):
                cell.tail = " | " + cell.tail if cell.tail else " | "


def _grid(table, cell_footnotes: dict) -> GridTable:
    rows: list[list[Cell]] = []
    for tr in table.iter("tr"):
        col = 0
        cells: list[Cell] = []
        for td in tr:
            if td.tag not in ("td", "th"):
                continue
            colspan = td.get("colspan")
            span = 1
            if colspan and colspan != "1":
                try:
                    span = max(1, min(int(colspan), 64))
                except ValueError:
                    pass
            text = " ".join(_text_of(td).split()) if len(td) or td.text else ""
            if text:            # empty spacer cells only advance the column
                cells.append(Cell(text, col, span, tuple(cell_footnotes[td]) if td in cell_footnotes else ()))
            col += span
        if cells:
            rows.append(_merge_symbol_cells(cells))
    return GridTable(rows)


_OPENING_SYMBOL = re.compile(r"\(?\s*(?:US|C|A)?\$\s*|\(")
_CLOSING_SYMBOL = re.compile(r"\)|%|\)\s*%|\*+|\)\*+")


def _merge_symbol_cells(cells: list[Cell]) -> list[Cell]:
    """Join the cells EDGAR tables split a value into: `$` | `38.8` | `)` -> `$38.8)` (Workiva layout)."""
    out: list[Cell] = []
    pending: Cell | None = None
    for c in cells:
        if not c.text:
            continue
        if len(c.text) <= 5 and _OPENING_SYMBOL.fullmatch(c.text):
            pending = Cell((pending.text if pending else "") + c.text, pending.col if pending else c.col,
                           (c.col + c.span) - (pending.col if pending else c.col), c.footnotes)
            continue
        if len(c.text) <= 4 and _CLOSING_SYMBOL.fullmatch(c.text) and out:
            last = out[-1]
            out[-1] = Cell(last.text + c.text, last.col, c.col + c.span - last.col, last.footnotes + c.footnotes)
            continue
        if pending is not None:
            c = Cell(pending.text + c.text, pending.col, c.col + c.span - pending.col, pending.footnotes + c.footnotes)
            pending = None
        out.append(c)
    if pending is not None:
        out.append(pending)
    return out
