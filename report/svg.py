"""Charts as inline SVG strings: pure functions of plain data, no I/O, no JavaScript needed.

Every drawn datum carries class "mark" (a line path, a bar, a point, a reference rule), which is
what the browser test counts to tell that a chart drew. Text is escaped; colours come from one
fixed palette so a miner keeps its colour across charts.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from html import escape

WIDTH, HEIGHT = 760, 320
MARGIN = dict(left=72, right=150, top=18, bottom=42)
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
           "#bcbd22", "#17becf", "#393b79", "#ad494a", "#637939", "#843c39")


@dataclass
class Series:
    """A named line: points (x, y) with x a date or a number."""

    name: str
    points: list[tuple[date | float, float]]
    color: str | None = None


@dataclass
class Marker:
    """A vertical rule at x with a label (a halving, say)."""

    x: date | float
    label: str


@dataclass
class Bar:
    """One bar; `stack` splits it into coloured parts (name -> value), else `value` is drawn."""

    label: str
    value: float = 0.0
    stack: dict[str, float] = field(default_factory=dict)
    note: str | None = None


def color_for(name: str, names: list[str]) -> str:
    return PALETTE[sorted(names).index(name) % len(PALETTE)] if name in names else PALETTE[0]


def _x_num(x) -> float:
    return float(x.toordinal()) if isinstance(x, date) else float(x)


def _ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    if hi <= lo:
        return [lo]
    raw = (hi - lo) / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.ceil(lo / step) * step
    out, t = [], first
    while t <= hi + step * 1e-9:
        out.append(round(t, 10))
        t += step
    return out


def fmt_number(v: float) -> str:
    a = abs(v)
    if a >= 1e12:
        return f"{v / 1e12:.3g}T"
    if a >= 1e9:
        return f"{v / 1e9:.3g}B"
    if a >= 1e6:
        return f"{v / 1e6:.3g}M"
    if a >= 1e4:
        return f"{v / 1e3:.3g}k"
    if a >= 100 or v == int(v):
        return f"{v:,.0f}"
    return f"{v:.3g}"


def _frame(title: str, body: list[str], width: int = WIDTH, height: int = HEIGHT) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>'
            + "".join(body) + "</svg>")


def line_chart(title: str, series: list[Series], *, y_label: str, log_y: bool = False,
               markers: list[Marker] = (), y_rules: list[tuple[float, str]] = ()) -> str:
    """Lines over dates (or numbers), optional log scale, vertical markers and horizontal rules."""
    series = [s for s in series if s.points]
    pts = [(x, y) for s in series for x, y in s.points if y is not None and (not log_y or y > 0)]
    if not pts:
        raise ValueError(f"{title}: nothing to draw")
    xs = [_x_num(x) for x, _ in pts]
    ys = [y for _, y in pts] + [v for v, _ in y_rules]
    x0, x1 = min(xs), max(xs)
    x1 = x1 if x1 > x0 else x0 + 1
    if log_y:
        y0, y1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)))
        y1 = y1 if y1 > y0 else y0 + 1
    else:
        y0, y1 = min(0.0, min(ys)), max(ys) * 1.08 or 1.0
    left, top = MARGIN["left"], MARGIN["top"]
    pw, ph = WIDTH - left - MARGIN["right"], HEIGHT - top - MARGIN["bottom"]

    def sx(x) -> float:
        return left + (_x_num(x) - x0) / (x1 - x0) * pw

    def sy(y) -> float:
        v = math.log10(y) if log_y else y
        return top + ph - (v - y0) / (y1 - y0) * ph

    body = [f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="#fafafa" stroke="#ccc"/>']
    ticks = [10 ** e for e in range(int(y0), int(y1) + 1)] if log_y else _ticks(y0, y1)
    for t in ticks:
        y = sy(t)
        body.append(f'<line x1="{left}" x2="{left + pw}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e4e4e4"/>'
                    f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end">{fmt_number(t)}</text>')
    body += _x_axis(x0, x1, sx, top + ph, dates=isinstance(pts[0][0], date))
    body.append(f'<text x="14" y="{top + ph / 2:.0f}" font-size="11" transform="rotate(-90 14 {top + ph / 2:.0f})"'
                f' text-anchor="middle">{escape(y_label)}</text>')
    for value, label in y_rules:
        y = sy(value)
        body.append(f'<line class="mark rule" x1="{left}" x2="{left + pw}" y1="{y:.1f}" y2="{y:.1f}" '
                    f'stroke="#555" stroke-dasharray="5 3"/><text x="{left + pw - 4}" y="{y - 4:.1f}" font-size="10"'
                    f' text-anchor="end">{escape(label)}</text>')
    for m in markers:
        if not x0 <= _x_num(m.x) <= x1:
            continue
        x = sx(m.x)
        body.append(f'<line class="mark marker" x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{top + ph}" stroke="#b22"'
                    f' stroke-dasharray="4 3"><title>{escape(m.label)}</title></line>'
                    f'<text x="{x + 3:.1f}" y="{top + 11}" font-size="10" fill="#b22">{escape(m.label)}</text>')
    names = [s.name for s in series]
    for i, s in enumerate(series):
        color = s.color or color_for(s.name, names)
        coords = [(sx(x), sy(y)) for x, y in s.points if y is not None and (not log_y or y > 0)]
        if len(coords) == 1:
            cx, cy = coords[0]
            body.append(f'<circle class="mark point" cx="{cx:.1f}" cy="{cy:.1f}" r="3" fill="{color}">'
                        f'<title>{escape(s.name)}</title></circle>')
        else:
            d = "M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in coords)
            body.append(f'<path class="mark line" d="{d}" fill="none" stroke="{color}" stroke-width="1.6">'
                        f'<title>{escape(s.name)}</title></path>')
        if len(series) > 1:
            ly = top + 12 + i * 16
            body.append(f'<rect x="{left + pw + 10}" y="{ly - 8}" width="10" height="10" fill="{color}"/>'
                        f'<text x="{left + pw + 24}" y="{ly + 1}" font-size="11">{escape(s.name)}</text>')
    return _frame(title, body)


def _x_axis(x0: float, x1: float, sx, y_base: float, *, dates: bool) -> list[str]:
    out = []
    if dates:
        d0, d1 = date.fromordinal(int(x0)), date.fromordinal(int(x1))
        years = list(range(d0.year + (d0 > date(d0.year, 1, 1)), d1.year + 1))
        step = max(1, math.ceil(len(years) / 9))
        if len(years) >= 2:
            ticks = [(date(y, 1, 1), str(y)) for y in years[::step]]
        else:
            months = [date(y, m, 1) for y in range(d0.year, d1.year + 1) for m in range(1, 13)]
            months = [m for m in months if d0 <= m <= d1]
            ticks = [(m, m.strftime("%Y-%m")) for m in months[:: max(1, math.ceil(len(months) / 8))]]
        for t, label in ticks:
            x = sx(t)
            out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y_base}" y2="{y_base + 4}" stroke="#888"/>'
                       f'<text x="{x:.1f}" y="{y_base + 16}" font-size="11" text-anchor="middle">{label}</text>')
    else:
        for t in _ticks(x0, x1):
            x = sx(t)
            out.append(f'<text x="{x:.1f}" y="{y_base + 16}" font-size="11" text-anchor="middle">'
                       f'{fmt_number(t)}</text>')
    return out


def bar_chart(title: str, bars: list[Bar], *, y_label: str, horizontal: bool = False,
              rules: list[tuple[float, str]] = (), value_format=fmt_number) -> str:
    """Vertical bars by category (stacked where a bar has parts) or a horizontal ranking."""
    if not bars:
        raise ValueError(f"{title}: nothing to draw")
    parts = sorted({k for b in bars for k in b.stack})
    totals = [sum(b.stack.values()) if b.stack else b.value for b in bars]
    lo = min(0.0, min(totals), *(v for v, _ in rules)) if rules else min(0.0, min(totals))
    hi = max(max(totals), *(v for v, _ in rules)) if rules else max(totals)
    hi = hi * 1.08 if hi > 0 else 1.0
    if horizontal:
        return _hbars(title, bars, totals, lo, hi, y_label, rules, value_format)
    left, top = MARGIN["left"], MARGIN["top"]
    pw, ph = WIDTH - left - MARGIN["right"], HEIGHT - top - MARGIN["bottom"]

    def sy(v: float) -> float:
        return top + ph - (v - lo) / (hi - lo) * ph

    body = [f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="#fafafa" stroke="#ccc"/>']
    for t in _ticks(lo, hi):
        y = sy(t)
        body.append(f'<line x1="{left}" x2="{left + pw}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e4e4e4"/>'
                    f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end">{value_format(t)}</text>')
    body.append(f'<text x="14" y="{top + ph / 2:.0f}" font-size="11" transform="rotate(-90 14 {top + ph / 2:.0f})"'
                f' text-anchor="middle">{escape(y_label)}</text>')
    slot = pw / len(bars)
    width = max(2.0, slot * 0.7)
    label_every = max(1, math.ceil(len(bars) / 14))
    for i, (b, total) in enumerate(zip(bars, totals)):
        x = left + i * slot + (slot - width) / 2
        pieces = [(k, b.stack[k]) for k in parts if k in b.stack] if b.stack else [(None, b.value)]
        base = 0.0
        for name, value in pieces:
            y_a, y_b = sy(base), sy(base + value)
            color = color_for(name, parts) if name else PALETTE[0]
            tip = f"{b.label}{' ' + name if name else ''}: {value_format(value)}"
            body.append(f'<rect class="mark bar" x="{x:.1f}" y="{min(y_a, y_b):.1f}" width="{width:.1f}" '
                        f'height="{max(abs(y_a - y_b), 0.8):.1f}" fill="{color}"><title>{escape(tip)}</title></rect>')
            base += value
        if i % label_every == 0:
            body.append(f'<text x="{x + width / 2:.1f}" y="{top + ph + 16}" font-size="10" text-anchor="middle">'
                        f'{escape(b.label)}</text>')
    for value, label in rules:
        y = sy(value)
        body.append(f'<line class="mark rule" x1="{left}" x2="{left + pw}" y1="{y:.1f}" y2="{y:.1f}" stroke="#555"'
                    f' stroke-dasharray="5 3"/><text x="{left + pw - 4}" y="{y - 4:.1f}" font-size="10"'
                    f' text-anchor="end">{escape(label)}</text>')
    for i, name in enumerate(parts):
        ly = top + 12 + i * 16
        body.append(f'<rect x="{left + pw + 10}" y="{ly - 8}" width="10" height="10" fill="{color_for(name, parts)}"/>'
                    f'<text x="{left + pw + 24}" y="{ly + 1}" font-size="11">{escape(name)}</text>')
    return _frame(title, body)


def _hbars(title, bars, totals, lo, hi, x_label, rules, value_format) -> str:
    row_h = 22
    left, top, right = 110, 14, 130
    height = top + row_h * len(bars) + 40
    pw = WIDTH - left - right

    def sx(v: float) -> float:
        return left + (v - lo) / (hi - lo) * pw

    body = [f'<rect x="{left}" y="{top}" width="{pw}" height="{row_h * len(bars)}" fill="#fafafa" stroke="#ccc"/>']
    for t in _ticks(lo, hi):
        x = sx(t)
        body.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{top + row_h * len(bars)}" stroke="#e4e4e4"/>'
                    f'<text x="{x:.1f}" y="{top + row_h * len(bars) + 14}" font-size="10" text-anchor="middle">'
                    f'{value_format(t)}</text>')
    body.append(f'<text x="{left + pw / 2:.0f}" y="{height - 6}" font-size="11" text-anchor="middle">'
                f'{escape(x_label)}</text>')
    for i, (b, total) in enumerate(zip(bars, totals)):
        y = top + i * row_h + 4
        x_a, x_b = sx(0.0), sx(total)
        body.append(f'<text x="{left - 6}" y="{y + 12}" font-size="11" text-anchor="end">{escape(b.label)}</text>'
                    f'<rect class="mark bar" x="{min(x_a, x_b):.1f}" y="{y}" width="{max(abs(x_b - x_a), 0.8):.1f}"'
                    f' height="{row_h - 8}" fill="{PALETTE[0]}"><title>{escape(b.label)}: {value_format(total)}'
                    f'</title></rect>'
                    f'<text x="{max(x_a, x_b) + 4:.1f}" y="{y + 12}" font-size="10">{escape(b.note or value_format(total))}'
                    f'</text>')
    for value, label in rules:
        x = sx(value)
        body.append(f'<line class="mark rule" x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{top + row_h * len(bars)}"'
                    f' stroke="#b22" stroke-dasharray="4 3"/><text x="{x + 3:.1f}" y="{top + 10}" font-size="10"'
                    f' fill="#b22">{escape(label)}</text>')
    return _frame(title, body, height=height)
