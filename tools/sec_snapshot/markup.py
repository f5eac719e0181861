"""Document blocks (paragraphs, bullets, tables) and how each filing agent's software writes them.

A layout (layouts/*.py) says WHAT a release contains as a list of blocks; a Markup renders the
blocks the way the agent that files that miner's exhibits does (notes/formats.md section 5):
Workiva/Wdesk (`<div><font style=...>`, `$` in its own cell, `&#160;` after numbers),
DFIN ActiveDisclosure (`<p><span style=...>`), DFIN classic and EdgarAgents (UPPERCASE tags,
`<P STYLE="font: 10pt ...">`, bullets as one-row tables), Toppan Merrill, M2 Compliance,
Broadridge and Newsfile. EDGAR accepts ASCII only, so every other character becomes an entity.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Sequence, Union

# --- blocks -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """A run of inline text; `sup` renders a footnote marker glued to the text before it."""

    text: str
    bold: bool = False
    italic: bool = False
    sup: bool = False
    underline: bool = False


Inline = Union[str, Run]


@dataclass(frozen=True)
class Para:
    content: Sequence[Inline]
    align: str = "left"      # left | center | justify | right
    bold: bool = False
    italic: bool = False
    space_before: bool = True


@dataclass(frozen=True)
class Bullets:
    items: Sequence[Sequence[Inline]]


@dataclass(frozen=True)
class Cell:
    content: Sequence[Inline] = ()
    align: str = "left"      # numbers are right-aligned
    colspan: int = 1
    prefix: str = ""         # "$": Workiva puts it in its own cell, other agents keep it in the number's cell
    suffix: str = ""         # "%" or ")": likewise
    bold: bool = False


@dataclass(frozen=True)
class Row:
    cells: Sequence[Cell]
    kind: str = "body"       # head | section | body | total
    shade: bool = False


@dataclass(frozen=True)
class Table:
    rows: Sequence[Row]
    first_col_pct: int = 40


@dataclass(frozen=True)
class Spacer:
    pass


Block = Union[Para, Bullets, Table, Spacer]


def text_cell(text: str, *, bold: bool = False, colspan: int = 1, footnote: str | None = None,
              align: str = "left") -> Cell:
    content: list[Inline] = [Run(text, bold=bold)]
    if footnote:
        content.append(Run(footnote, sup=True, bold=bold))
    return Cell(content, align=align, colspan=colspan, bold=bold)


def num_cell(text: str, *, prefix: str = "", suffix: str = "", footnote: str | None = None,
             bold: bool = False) -> Cell:
    content: list[Inline] = [Run(text, bold=bold)]
    if footnote:
        content.append(Run(footnote, sup=True, bold=bold))
    return Cell(content, align="right", prefix=prefix, suffix=suffix, bold=bold)


# --- markup ---------------------------------------------------------------------------------------
_NAMED = {"\u2019": "&rsquo;", "\u2018": "&lsquo;", "\u201c": "&ldquo;", "\u201d": "&rdquo;",
          "\u2013": "&ndash;", "\u2014": "&mdash;", "\u00a0": "&nbsp;", "\u2022": "&bull;",
          "\u00ae": "&reg;", "\u2122": "&trade;", "\u00e9": "&eacute;"}


def ascii_entities(text: str, named: bool = False) -> str:
    """Escape markup characters and turn every non-ASCII character into an entity."""
    out = []
    for ch in html.escape(text, quote=False):
        if ord(ch) < 128:
            out.append(ch)
        elif named and ch in _NAMED:
            out.append(_NAMED[ch])
        else:
            out.append(f"&#{ord(ch)};")
    return "".join(out)


@dataclass
class Markup:
    """Base renderer; subclasses override the pieces their agent writes differently."""

    name: str = "base"
    named_entities: bool = False
    upper: bool = False
    font: str = "Times New Roman, Times, Serif"
    nbsp: str = "&#160;"
    extra: dict = field(default_factory=dict)

    # tag helper: EdgarAgents / DFIN classic write UPPERCASE tags and attributes
    def t(self, name: str) -> str:
        return name.upper() if self.upper else name

    def esc(self, text: str) -> str:
        return ascii_entities(text, self.named_entities)

    def inline(self, content: Sequence[Inline]) -> str:
        out = []
        for piece in content:
            run = Run(piece) if isinstance(piece, str) else piece
            out.append(self.run(run))
        return "".join(out)

    def run(self, run: Run) -> str:
        text = self.esc(run.text)
        if run.sup:
            return f"<{self.t('sup')}>{text}</{self.t('sup')}>"
        if run.bold:
            text = f"<{self.t('b')}>{text}</{self.t('b')}>"
        if run.italic:
            text = f"<{self.t('i')}>{text}</{self.t('i')}>"
        if run.underline:
            text = f"<{self.t('u')}>{text}</{self.t('u')}>"
        return text

    def para(self, p: Para) -> str:
        style = f"font: 10pt {self.font}; margin: 0; text-align: {p.align}"
        body = self.inline([Run(x.text if isinstance(x, Run) else x, bold=p.bold or (isinstance(x, Run) and x.bold),
                                italic=p.italic or (isinstance(x, Run) and x.italic),
                                sup=isinstance(x, Run) and x.sup) for x in p.content])
        spacer = self.spacer() if p.space_before else ""
        return f'{spacer}<{self.t("p")} {self.t("style")}="{style}">{body}</{self.t("p")}>\n'

    def spacer(self) -> str:
        return f'<{self.t("p")} {self.t("style")}="font: 10pt {self.font}; margin: 0">{self.nbsp}</{self.t("p")}>\n'

    def bullets(self, b: Bullets) -> str:
        out = [self.spacer()]
        for item in b.items:
            out.append(
                f'<{self.t("table")} {self.t("cellspacing")}="0" {self.t("cellpadding")}="0" '
                f'{self.t("style")}="font: 10pt {self.font}; width: 100%; border-collapse: collapse">'
                f'<{self.t("tr")} {self.t("style")}="vertical-align: top">'
                f'<{self.t("td")} {self.t("style")}="width: 0.25in">{self.nbsp}</{self.t("td")}>'
                f'<{self.t("td")} {self.t("style")}="width: 0.25in">&#9679;</{self.t("td")}>'
                f'<{self.t("td")} {self.t("style")}="text-align: justify">{self.inline(item)}</{self.t("td")}>'
                f'</{self.t("tr")}></{self.t("table")}>\n')
        return "".join(out)

    def cell_html(self, cell: Cell, row: Row, first: bool) -> str:
        align = cell.align
        border = "border-bottom: Black 1pt solid; " if row.kind == "head" else ""
        weight = "font-weight: bold; " if (cell.bold or row.kind in ("head", "section", "total")) else ""
        text = self.inline(cell.content) if cell.content else self.nbsp
        text = f"{self.esc(cell.prefix)}{text}{self.esc(cell.suffix)}"
        span = f' {self.t("colspan")}="{cell.colspan}"' if cell.colspan > 1 else ""
        pad = "padding-left: 5.4pt; " if first else "padding-right: 5.4pt; "
        return (f'<{self.t("td")}{span} {self.t("style")}="{border}{weight}{pad}text-align: {align}; '
                f'vertical-align: bottom">{text}</{self.t("td")}>')

    def table(self, tb: Table) -> str:
        out = [self.spacer(),
               f'<{self.t("table")} {self.t("cellspacing")}="0" {self.t("cellpadding")}="0" '
               f'{self.t("style")}="font: 10pt {self.font}; width: 100%; border-collapse: collapse">\n']
        for row in tb.rows:
            shade = ' style="background-color: #CCEEFF"' if row.shade else ""
            if self.upper:
                shade = shade.replace("style", "STYLE")
            cells = "".join(self.cell_html(c, row, i == 0) for i, c in enumerate(row.cells))
            out.append(f'  <{self.t("tr")}{shade}>{cells}</{self.t("tr")}>\n')
        out.append(f'</{self.t("table")}>\n')
        return "".join(out)

    def block(self, b: Block) -> str:
        if isinstance(b, Para):
            return self.para(b)
        if isinstance(b, Bullets):
            return self.bullets(b)
        if isinstance(b, Table):
            return self.table(b)
        return self.spacer()

    def document(self, blocks: Sequence[Block], *, exhibit: str | None = "Exhibit 99.1") -> str:
        body = "".join(self.block(b) for b in blocks)
        label = self.para(Para([exhibit], align="right", bold=True, space_before=False)) if exhibit else ""
        return (f"<{self.t('html')}>\n<{self.t('head')}>\n<{self.t('title')}></{self.t('title')}>\n"
                f"</{self.t('head')}>\n<{self.t('body')} {self.t('style')}=\"font: 10pt {self.font}\">\n"
                f"{label}{body}</{self.t('body')}>\n</{self.t('html')}>\n")


class EdgarAgentsMarkup(Markup):
    """EdgarAgents LLC (accessions 0001213900-): UPPERCASE tags, empty <TITLE>, named entities,
    `<!-- Field: Rule-Page -->` separators, a logo as a separate GRAPHIC, `$` inside the number's cell."""

    def __init__(self, logo: str | None = None):
        super().__init__(name="edgaragents", named_entities=True, upper=True, nbsp="&nbsp;")
        self.logo = logo

    def document(self, blocks, *, exhibit="Exhibit 99.1"):
        rule = ('<!-- Field: Rule-Page --><DIV STYLE="margin-top: 0pt; margin-bottom: 0pt; width: 100%">'
                '<DIV STYLE="font-size: 1pt; border-top: Black 1pt solid">&nbsp;</DIV></DIV><!-- Field: /Rule-Page -->\n')
        logo = (f'<P STYLE="font: 10pt {self.font}; margin: 0; text-align: center"><IMG SRC="{self.logo}" '
                f'ALT="" STYLE="height: 52px; width: 180px"></P>\n') if self.logo else ""
        body = "".join(self.block(b) for b in blocks)
        label = self.para(Para([exhibit], align="right", bold=True, space_before=False)) if exhibit else ""
        return (f"<HTML>\n<HEAD>\n     <TITLE></TITLE>\n</HEAD>\n<BODY STYLE=\"font: 10pt {self.font}\">\n\n"
                f"{label}{logo}{body}{self.spacer()}{rule}</BODY>\n</HTML>\n")


class ToppanMarkup(Markup):
    """Toppan Merrill (0001104659-, `tm25xxxxxd1_ex99-1.htm`): lower-case tags, Symbol-font bullets."""

    def __init__(self):
        super().__init__(name="toppan")

    def bullets(self, b):
        out = [self.spacer()]
        for item in b.items:
            out.append('<table cellpadding="0" cellspacing="0" style="font: 10pt Times New Roman, Times, Serif; '
                       'width: 100%; border-collapse: collapse"><tr style="vertical-align: top">'
                       '<td style="width: 0.25in"></td><td style="width: 0.25in"><span style="font-family: Symbol">'
                       f'&#183;</span></td><td>{self.inline(item)}</td></tr></table>\n')
        return "".join(out)

    def document(self, blocks, *, exhibit="Exhibit 99.1"):
        body = "".join(self.block(b) for b in blocks)
        label = self.para(Para([exhibit], align="right", bold=True, space_before=False)) if exhibit else ""
        return ('<html>\n<head>\n<title></title>\n</head>\n'
                f'<body style="font: 10pt Times New Roman, Times, Serif">\n{label}{body}'
                '<p style="margin: 0">&#160;</p>\n</body>\n</html>\n')


class WorkivaMarkup(Markup):
    """Workiva/Wdesk: each run a `<div><font style=...>`, `$` and `%` in their own cells, numbers
    followed by `&#160;`, a row of empty width-setting cells first, `#cceeff` shading."""

    FONT = "color:#000000;font-family:'Times New Roman',sans-serif;font-size:10pt;font-weight:{w};line-height:120%"

    def __init__(self):
        super().__init__(name="workiva")

    def run(self, run: Run) -> str:
        text = self.esc(run.text)
        if run.sup:
            return (f'<font style="color:#000000;font-family:\'Times New Roman\',sans-serif;font-size:6.5pt;'
                    f'font-weight:{700 if run.bold else 400};line-height:120%;position:relative;top:-3.5pt;'
                    f'vertical-align:baseline">{text}</font>')
        style = self.FONT.format(w=700 if run.bold else 400)
        if run.italic:
            style += ";font-style:italic"
        if run.underline:
            style += ";text-decoration:underline"
        return f'<font style="{style}">{text}</font>'

    def para(self, p):
        runs = [Run(x) if isinstance(x, str) else x for x in p.content]
        runs = [Run(r.text, bold=p.bold or r.bold, italic=p.italic or r.italic, sup=r.sup, underline=r.underline)
                for r in runs]
        margin = "margin-top:12pt;" if p.space_before else ""
        return f'<div style="{margin}text-align:{p.align}"><span>{"".join(self.run(r) for r in runs)}</span></div>\n'

    def spacer(self):
        return '<div style="margin-top:6pt"><font style="color:#000000;font-size:10pt">&#160;</font></div>\n'

    def bullets(self, b):
        out = []
        for item in b.items:
            out.append('<div style="margin-top:6pt;padding-left:36pt;text-indent:-18pt">'
                       f'<font style="{self.FONT.format(w=400)}">&#8226;</font>'
                       f'<font style="color:#000000;font-size:10pt">&#160;&#160;&#160;&#160;</font>'
                       f'{self.inline(item)}</div>\n')
        return "".join(out)

    def table(self, tb):
        ncols = sum(c.colspan for c in tb.rows[0].cells)
        # Workiva expands every value column into prefix / number / suffix cells.
        widths = [f'<td style="width:{tb.first_col_pct}.0%"></td>']
        rest = (98 - tb.first_col_pct) / max(1, ncols - 1)
        for _ in range(ncols - 1):
            widths += ['<td style="width:1.0%"></td>', f'<td style="width:{rest - 2:.1f}%"></td>',
                       '<td style="width:1.0%"></td>']
        out = [self.spacer(),
               '<table style="border-collapse:collapse;display:inline-table;margin-bottom:5pt;vertical-align:text-bottom;'
               'width:99.707%"><tr>' + "".join(widths) + "</tr>\n"]
        for row in tb.rows:
            bg = "background-color:#cceeff;" if row.shade else ""
            border = "border-bottom:1pt solid #000;" if row.kind == "head" else ""
            cells = []
            for i, cell in enumerate(row.cells):
                bold = cell.bold or row.kind in ("head", "section", "total")
                content = self.inline([Run(x.text, bold=bold or x.bold, sup=x.sup) if isinstance(x, Run)
                                       else Run(x, bold=bold) for x in cell.content]) if cell.content else ""
                if i == 0:
                    cells.append(f'<td colspan="{3 * (cell.colspan - 1) + 1}" style="{bg}{border}padding:2px 1pt;'
                                 f'text-align:left;vertical-align:bottom"><span>{content}</span></td>')
                    continue
                span = 3 * cell.colspan
                if cell.colspan > 1 or not (cell.prefix or cell.suffix or cell.align == "right"):
                    cells.append(f'<td colspan="{span}" style="{bg}{border}padding:2px 1pt;text-align:center;'
                                 f'vertical-align:bottom"><span>{content}</span></td>')
                    continue
                pre = self.run(Run(cell.prefix, bold=bold)) if cell.prefix else ""
                suf = self.run(Run(cell.suffix, bold=bold)) if cell.suffix else ""
                cells.append(f'<td style="{bg}{border}padding:2px 0 2px 1pt;text-align:left;vertical-align:bottom">'
                             f'<span>{pre}</span></td>'
                             f'<td style="{bg}{border}padding:2px 0;text-align:right;vertical-align:bottom">'
                             f'<span>{content}{"" if suf else self.run(Run(chr(160)))}</span></td>'
                             f'<td style="{bg}{border}padding:2px 1pt 2px 0;text-align:right;vertical-align:bottom">'
                             f'<span>{suf}</span></td>')
            out.append(f"<tr>{''.join(cells)}</tr>\n")
        out.append("</table>\n")
        return "".join(out)

    def document(self, blocks, *, exhibit="Exhibit 99.1"):
        body = "".join(self.block(b) for b in blocks)
        label = (f'<div style="text-align:right"><font style="{self.FONT.format(w=700)}">{self.esc(exhibit)}</font></div>\n'
                 if exhibit else "")
        return ('<html><head>\n<!-- Document created using Wdesk -->\n'
                '<title>Document</title></head><body>\n'
                f'<div style="margin-left:72pt;margin-right:72pt">\n{label}{body}</div></body></html>\n')


class DfinActiveMarkup(Markup):
    """DFIN ActiveDisclosure (0001193125-, `clsk-ex99_1.htm`): `<p style=...><span style=...>`,
    pre-wrap spans, `min-width:fit-content`, XHTML self-closing tags (as in the real CLSK 8-K)."""

    SPAN = "color:#000000;white-space:pre-wrap;font-size:10pt;font-family:Times New Roman;min-width:fit-content;"

    def __init__(self):
        super().__init__(name="dfin-active")

    def run(self, run):
        text = self.esc(run.text)
        style = self.SPAN
        if run.bold:
            style = style.replace("white-space:pre-wrap;", "white-space:pre-wrap;font-weight:bold;")
        if run.italic:
            style += "font-style:italic;"
        if run.sup:
            return f'<span style="{style}vertical-align:super;font-size:6.5pt;">{text}</span>'
        return f'<span style="{style}">{text}</span>'

    def para(self, p):
        runs = [Run(x) if isinstance(x, str) else x for x in p.content]
        runs = [Run(r.text, bold=p.bold or r.bold, italic=p.italic or r.italic, sup=r.sup) for r in runs]
        top = "12pt" if p.space_before else "0"
        return (f'  <p style="font-size:10pt;margin-top:{top};font-family:Times New Roman;margin-bottom:0;'
                f'text-align:{p.align};">{"".join(self.run(r) for r in runs)}</p>\n')

    def spacer(self):
        return ('  <p style="font-size:10pt;margin-top:0;font-family:Times New Roman;margin-bottom:0;text-align:left;">'
                f'<span style="{self.SPAN}">&#160;</span></p>\n')

    def bullets(self, b):
        out = []
        for item in b.items:
            out.append('  <div style="display:flex;margin-top:6pt;font-size:10pt;font-family:Times New Roman;">'
                       f'<span style="{self.SPAN}width:18pt;">&#8226;</span>'
                       f'<span style="{self.SPAN}">{self.inline(item)}</span></div>\n')
        return "".join(out)

    def document(self, blocks, *, exhibit="Exhibit 99.1"):
        body = "".join(self.block(b) for b in blocks)
        label = self.para(Para([exhibit], align="right", bold=True, space_before=False)) if exhibit else ""
        return ("<?xml version='1.0' encoding='ASCII'?>\n"
                '<html xmlns="http://www.w3.org/1999/xhtml">\n <head>\n  <title>EX-99.1</title>\n'
                '  <meta http-equiv="Content-Type" content="text/html"/>\n </head>\n'
                f' <body style="margin: auto!important;padding: 8px;">\n{label}{body} </body>\n</html>\n')


class DfinClassicMarkup(Markup):
    """DFIN classic (0001193125-, `d123456dex991.htm`): UPPERCASE, `<P STYLE="margin-top:0pt; ...">`,
    tables with VALIGN attributes and `$` in its own narrow cell."""

    def __init__(self):
        super().__init__(name="dfin-classic", upper=True, font="Times New Roman")

    def para(self, p):
        runs = [Run(x) if isinstance(x, str) else x for x in p.content]
        runs = [Run(r.text, bold=p.bold or r.bold, italic=p.italic or r.italic, sup=r.sup) for r in runs]
        top = "12pt" if p.space_before else "0pt"
        return (f'<P STYLE="margin-top:{top}; margin-bottom:0pt; font-size:10pt; font-family:Times New Roman" '
                f'ALIGN="{p.align}">{"".join(self.run(r) for r in runs)}</P>\n')

    def spacer(self):
        return '<P STYLE="font-size:12pt;margin-top:0pt;margin-bottom:0pt">&nbsp;</P>\n'

    def bullets(self, b):
        out = []
        for item in b.items:
            out.append('<TABLE STYLE="BORDER-COLLAPSE:COLLAPSE" BORDER="0" CELLPADDING="0" CELLSPACING="0" WIDTH="100%">\n'
                       '<TR><TD WIDTH="4%" VALIGN="top" ALIGN="left">&nbsp;</TD>'
                       '<TD WIDTH="3%" VALIGN="top" ALIGN="left"><FONT STYLE="font-family:Times New Roman; font-size:10pt">&#149;</FONT></TD>'
                       f'<TD ALIGN="left" VALIGN="top"><P STYLE="margin-top:0pt; margin-bottom:0pt; font-size:10pt; '
                       f'font-family:Times New Roman">{self.inline(item)}</P></TD></TR></TABLE>\n'
                       '<P STYLE="font-size:6pt;margin-top:0pt;margin-bottom:0pt">&nbsp;</P>\n')
        return "".join(out)

    def table(self, tb):
        out = [self.spacer(),
               '<TABLE STYLE="BORDER-COLLAPSE:COLLAPSE; font-family:Times New Roman; font-size:10pt" BORDER="0" '
               'CELLPADDING="0" CELLSPACING="0" WIDTH="100%" ALIGN="center">\n']
        for row in tb.rows:
            bg = ' BGCOLOR="#cceeff"' if row.shade else ""
            cells = []
            for i, cell in enumerate(row.cells):
                bold = cell.bold or row.kind in ("head", "section", "total")
                content = self.inline([Run(x.text, bold=bold or x.bold, sup=x.sup) if isinstance(x, Run)
                                       else Run(x, bold=bold) for x in cell.content]) if cell.content else "&nbsp;"
                under = ' STYLE="border-bottom:1.00pt solid #000000"' if row.kind == "head" and i else ""
                if i == 0 or cell.align != "right":
                    span = f' COLSPAN="{cell.colspan * (1 if i == 0 else 3)}"' if cell.colspan > 1 or i else ""
                    cells.append(f'<TD{span} VALIGN="bottom" ALIGN="{"left" if i == 0 else "center"}"{under}>{content}</TD>')
                    continue
                pre = self.esc(cell.prefix) if cell.prefix else ""
                suf = self.esc(cell.suffix) if cell.suffix else "&nbsp;"
                cells.append(f'<TD VALIGN="bottom">{pre}</TD><TD VALIGN="bottom" ALIGN="right">{content}</TD>'
                             f'<TD NOWRAP VALIGN="bottom">{suf}</TD>')
            out.append(f"<TR{bg}>{''.join(cells)}</TR>\n")
        out.append("</TABLE>\n")
        return "".join(out)

    def document(self, blocks, *, exhibit="Exhibit 99.1"):
        body = "".join(self.block(b) for b in blocks)
        label = self.para(Para([exhibit], align="right", bold=True, space_before=False)) if exhibit else ""
        return ('<HTML><HEAD>\n<TITLE>EX-99.1</TITLE>\n</HEAD>\n <BODY BGCOLOR="WHITE">\n'
                f'<Center><DIV STYLE="width:8.5in" ALIGN="left">\n{label}{body}</DIV></Center>\n</BODY></HTML>\n')


class M2Markup(Markup):
    """M2 Compliance (0001493152-, `form8-k.htm` / `ex99-1.htm`): lower-case, `text-align: justify`
    paragraphs, `&#8226;` bullets in two-cell tables."""

    def __init__(self):
        super().__init__(name="m2")

    def bullets(self, b):
        out = [self.spacer()]
        for item in b.items:
            out.append('<table cellpadding="0" cellspacing="0" style="width: 100%; font: 10pt Times New Roman, Times, Serif">'
                       '<tr style="vertical-align: top"><td style="width: 24px"><span style="font-size: 10pt">&#8226;</span></td>'
                       f'<td style="text-align: justify">{self.inline(item)}</td></tr></table>\n')
        return "".join(out)

    def document(self, blocks, *, exhibit="Exhibit 99.1"):
        body = "".join(self.block(b) for b in blocks)
        label = self.para(Para([exhibit], align="right", bold=True, space_before=False)) if exhibit else ""
        return ('<html>\n<head>\n<title></title>\n<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">\n'
                '</head>\n<body style="font: 10pt Times New Roman, Times, Serif">\n'
                f'{label}{body}</body>\n</html>\n')


class BroadridgeMarkup(Markup):
    """Broadridge (0001140361-, `ef2005xxxx_ex99-1.htm`): `<div style=...>` paragraphs with
    `font-family: 'Times New Roman'`, bullets as `<div>` rows with a hanging indent."""

    def __init__(self):
        super().__init__(name="broadridge")

    def para(self, p):
        runs = [Run(x) if isinstance(x, str) else x for x in p.content]
        runs = [Run(r.text, bold=p.bold or r.bold, italic=p.italic or r.italic, sup=r.sup) for r in runs]
        top = "margin-top: 12pt; " if p.space_before else ""
        return (f'<div style="{top}text-align: {p.align}; font-family: \'Times New Roman\'; font-size: 10pt;">'
                f'{"".join(self.run(r) for r in runs)}</div>\n')

    def run(self, run):
        text = self.esc(run.text)
        if run.sup:
            return f'<sup style="font-size: 70%">{text}</sup>'
        style = "font-weight: bold;" if run.bold else ""
        style += "font-style: italic;" if run.italic else ""
        return f'<span style="{style}">{text}</span>' if style else text

    def spacer(self):
        return '<div><br></div>\n'

    def bullets(self, b):
        out = []
        for item in b.items:
            out.append('<div style="margin-top: 6pt; margin-left: 36pt; text-indent: -18pt; font-family: \'Times New Roman\'; '
                       f'font-size: 10pt;">&#8226;&#160;&#160;&#160;&#160;{self.inline(item)}</div>\n')
        return "".join(out)

    def document(self, blocks, *, exhibit="Exhibit 99.1"):
        body = "".join(self.block(b) for b in blocks)
        label = self.para(Para([exhibit], align="right", bold=True, space_before=False)) if exhibit else ""
        return ('<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">\n'
                '<html>\n<head>\n<title></title>\n<meta http-equiv="Content-Type" content="text/html; charset=us-ascii">\n'
                '</head>\n<body>\n'
                f'{label}{body}</body>\n</html>\n')


class NewsfileMarkup(Markup):
    """Newsfile Corp (0001062993-, `exhibit99-1.htm`): Arial, `<p><span>` paragraphs, `<ul><li>` bullets."""

    def __init__(self):
        super().__init__(name="newsfile", font="Arial, Helvetica, sans-serif")

    def para(self, p):
        runs = [Run(x) if isinstance(x, str) else x for x in p.content]
        runs = [Run(r.text, bold=p.bold or r.bold, italic=p.italic or r.italic, sup=r.sup) for r in runs]
        return (f'<p style="font-family: Arial, Helvetica, sans-serif; font-size: 10pt; text-align: {p.align}; '
                f'margin-top: {"10pt" if p.space_before else "0pt"}; margin-bottom: 0pt">'
                f'{"".join(self.run(r) for r in runs)}</p>\n')

    def run(self, run):
        text = self.esc(run.text)
        if run.sup:
            return f"<sup>{text}</sup>"
        if run.bold:
            text = f"<strong>{text}</strong>"
        if run.italic:
            text = f"<em>{text}</em>"
        return text

    def spacer(self):
        return '<p style="font-family: Arial, Helvetica, sans-serif; font-size: 10pt; margin: 0">&#160;</p>\n'

    def bullets(self, b):
        items = "".join(f'<li style="margin-top: 4pt">{self.inline(i)}</li>\n' for i in b.items)
        return f'<ul style="font-family: Arial, Helvetica, sans-serif; font-size: 10pt; margin-top: 6pt">\n{items}</ul>\n'

    def document(self, blocks, *, exhibit="Exhibit 99.1"):
        body = "".join(self.block(b) for b in blocks)
        label = self.para(Para([exhibit], align="right", bold=True, space_before=False)) if exhibit else ""
        return ('<html>\n<head>\n<title>Exhibit 99.1</title>\n</head>\n<body>\n'
                f'{label}{body}</body>\n</html>\n')


def markup_for(style: str, **kwargs) -> Markup:
    """The renderer of one agent style."""
    styles = {
        "workiva": WorkivaMarkup, "edgaragents": EdgarAgentsMarkup, "toppan": ToppanMarkup,
        "dfin-active": DfinActiveMarkup, "dfin-classic": DfinClassicMarkup, "m2": M2Markup,
        "broadridge": BroadridgeMarkup, "newsfile": NewsfileMarkup,
    }
    if style not in styles:
        raise ValueError(f"unknown markup style {style!r}")
    return styles[style](**kwargs)
