"""Table rows whose cells a copy ran together with no separator at all, footnote digits included:
`Bitcoin Produced3623333559%2%` (= 362 | 333 | 355 | 9% | 2%), `Deployed Hash Rate110.9 EH/s210.7 EH/s25.6 EH/s2%95%`
(= note 1, 10.9 EH/s | note 2, 10.7 EH/s | note 2, 5.6 EH/s | 2% | 95%).

Such a row can be cut in several ways. Every cut that the row's own structure allows is enumerated (cells with
optional leading footnote digits, `$`, units, thousands groups, one decimal count per row), and a cut is kept
only when the change columns the table prints agree with the values it gives (within the rounding of both). A
row is read only when exactly one set of values survives (a row without change columns: exactly one whose values stay within
a factor of two of each other, as one metric's neighbouring periods do, assuming the fewest footnote marks); otherwise its figures stay null with
the reason. The
enumeration is bounded (a few digits per cell, a few cells per row), so a row costs microseconds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = re.compile(r"(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d{0,2})(?:\.\d+)?")
_UNIT = re.compile(r"\s?(?:million|billion|EH/s|PH/s|c/kWh|¢/kWh|J/TH|W/TH|BTC|m\b)", re.I)
_MISSING = re.compile(r"N/A|N/M|NM\b|[-–—](?![\d(])")
_PCT = re.compile(r"\s?(?:\(?-?\d{1,4}(?:\.\d)?\)?\s?%|N/A|N/M|NM|[-–—])")
_FOOTNOTE = re.compile(r"[1-9](?:,[1-9])*")
_MAX_PARSES = 200


@dataclass(frozen=True)
class GluedCell:
    text: str            # the cell as it would print with separators ("$9.0 million", "10.9 EH/s")
    value: float | None  # the bare number (None for a missing marker)
    decimals: int
    footnote: str


def _cells_at(s: str, pos: int, first: bool):
    """Every way a cell can start at `pos`: (end, cell)."""
    m = _MISSING.match(s, pos)
    if m:
        yield m.end(), GluedCell(m.group(0), None, 0, "")
    starts = [(pos, "")]
    # a footnote mark opens the first cell (right after the label) or follows a unit ("EH/s2", "million6");
    # between two bare numbers a digit could as well be part of either, so none is assumed there
    fn = _FOOTNOTE.match(s, pos) if first or (pos and not s[pos - 1].isdigit() and not s[pos - 1].isspace()) else None
    if fn and not first:
        fn = re.match(r"[1-9]", s[pos:pos + 1])
    if fn:
        # a footnote before a cell: every prefix of the digit list ("3,5" before "$11.0 million")
        for k in range(1, len(fn.group(0)) + 1):
            if fn.group(0)[k - 1] != ",":
                starts.append((pos + k, fn.group(0)[:k]))
    for p, note in starts:
        neg = s[p:p + 1] in ("(", "-")
        q = p + 1 if neg else p
        cur = s[q:q + 1] == "$"
        q = q + 1 if cur else q
        run = re.match(r"[\d,.]+", s[q:q + 24])
        if not run:
            continue
        for e in range(q + 1, q + len(run.group(0)) + 1):
            num = s[q:e]
            if not _NUMBER.fullmatch(num):
                continue
            end = e
            if neg and s[p] == "(":
                if s[end:end + 1] != ")":
                    continue
                end += 1
            u = _UNIT.match(s, end)
            if u:
                end = u.end()
            text = s[p:end]
            value = float(num.replace(",", ""))
            if neg:
                value = -value
            decimals = len(num.split(".")[1]) if "." in num else 0
            yield end, GluedCell(text, value, decimals, note)


def _pcts(s: str, pos: int, n: int) -> list[float | None] | None:
    out: list[float | None] = []
    for _ in range(n):
        m = _PCT.match(s, pos)
        if not m:
            return None
        raw = m.group(0).strip()
        num = re.search(r"-?\d+(?:\.\d)?", raw)
        val = float(num.group(0)) if num and "%" in raw else None
        if val is not None and raw.startswith("("):
            val = -abs(val)
        out.append(val)
        pos = m.end()
    return out if not s[pos:].strip(" *") else None


def _change_agrees(a: GluedCell, b: GluedCell, pct: float | None) -> bool:
    """Does a printed change `pct` fit a -> b given that both values and the percentage are rounded?"""
    if pct is None or a.value is None or b.value is None:
        return True
    h_a, h_b = 0.5 * 10 ** -a.decimals, 0.5 * 10 ** -b.decimals
    lo_b, hi_b = b.value - h_b, b.value + h_b
    if b.value <= 0:
        return False           # no percentage change is printed against a zero or negative base
    if lo_b <= 0 or a.value < 0:
        return True            # a base that rounds to zero or a sign change: nothing checkable
    ratios = [(x / y - 1) * 100 for x in (max(0.0, a.value - h_a), a.value + h_a) for y in (lo_b, hi_b)]
    return min(ratios) - 0.51 <= pct <= max(ratios) + 0.51


def _steady(cells: list[GluedCell]) -> bool:
    values = [abs(c.value) for c in cells if c.value is not None]
    return len(values) >= 2 and min(values) > 0 and max(values) <= 2 * min(values)


def decode_row(values_text: str, n_values: int, n_changes: int,
               footnotes: frozenset[int] | None = None) -> tuple[list[GluedCell] | None, str | None]:
    """The cells of a glued row, or (None, reason) when no cut or more than one cut fits.

    `footnotes`: the numbers the document's footnotes carry, when known; a cut that assumes a mark the
    document has no footnote for (`Bitcoin Holdings84.916.511.4` read as note 8, 4.9 | ...) is not a reading."""
    found: list[list[GluedCell]] = []

    def walk(pos: int, cells: list[GluedCell]) -> None:
        if len(found) > _MAX_PARSES:
            return
        if len(cells) == n_values:
            pcts = _pcts(values_text, pos, n_changes) if n_changes else ([] if not values_text[pos:].strip() else None)
            if pcts is None:
                return
            # cells of one unit print with the same decimals; a row that changes unit between periods
            # (`100 PH/s1.3 EH/s1.3 EH/s`) is compared unit by unit
            by_unit: dict[str, set[int]] = {}
            for c in cells:
                if c.value is not None:
                    by_unit.setdefault(_NUMBER.sub("", c.text, count=1).strip().lower(), set()).add(c.decimals)
            if any(len(decs) > 1 for decs in by_unit.values()):
                return
            if n_changes == n_values - 1 and not all(_change_agrees(cells[0], cells[k + 1], pcts[k])
                                                     for k in range(n_changes)):
                return
            found.append(list(cells))
            return
        # a copy may keep some separators ("4.9 74.365.0"): a space ends a cell, it never runs through one
        while pos < len(values_text) and values_text[pos] in " \t":
            pos += 1
        for end, cell in _cells_at(values_text, pos, not cells):
            walk(end, cells + [cell])

    walk(0, [])
    distinct = {tuple((c.value, c.text) for c in cut) for cut in found}
    if len(distinct) > 1 and footnotes is not None:
        # still undecided: a cut is kept only if the document has a footnote for every mark it assumes
        known = [cut for cut in found if all(int(d) in footnotes for c in cut for d in c.footnote.split(",") if d)]
        if len({tuple((c.value, c.text) for c in cut) for cut in known}) == 1:
            return known[0], None
    if len(distinct) > 1 and n_changes == 0:
        # No change column to check against: the cells are one metric in neighbouring periods, so a cut
        # whose values stay within a factor of two of each other (`Bitcoin mined3459 BTC521 BTC529 BTC` =
        # note 3, 459 | 521 | 529) is kept when it is the only such cut.
        # Of those, the one that assumes the fewest footnote marks (`28.7 EH/s29.0 EH/s28.1 EH/s` could be
        # note 2 before each of 8.7 | 9.0 | 8.1, but marks on every cell of a row are not how tables print).
        steady = [cut for cut in found if _steady(cut)]
        if steady:
            fewest = min(sum(bool(c.footnote) for c in cut) for cut in steady)
            steady = [cut for cut in steady if sum(bool(c.footnote) for c in cut) == fewest]
        if len({tuple((c.value, c.text) for c in cut) for cut in steady}) == 1:
            return steady[0], None
    if len(distinct) == 1:
        return found[0], None
    if not found:
        return None, f"{values_text!r}: the cells run together and no reading fits the row's change columns"
    return None, (f"{values_text!r}: the cells run together and {len(distinct)} readings fit the row; "
                  "none is chosen")


_LABEL_THEN_VALUES = re.compile(r"^(?P<label>[A-Za-z][^$\d]*?[A-Za-z)*])[ \t]?(?P<values>(?:\$|\((?=[\d$])|-?\d).*)$")


def split_glued_line(line: str) -> tuple[str, str] | None:
    """`Bitcoin Held17,3277,309...` -> ("Bitcoin Held", "17,3277,309...") when the label runs into figures."""
    m = _LABEL_THEN_VALUES.match(line.strip())
    if not m:
        return None
    return m.group("label").strip(), m.group("values").strip()
