"""IREN: the monthly investor update with its key-metrics table.

Real layout (reference/press/iren_2025-08_monthly.txt): months as columns (current, prior), two
sections that reuse the same labels (Bitcoin Mining and AI Cloud), costs negative in parentheses,
`$76.7m` style amounts, footnote digits glued to labels (`Bitcoin mined4`), and `*` marking a
restated prior-month value with a note below. Filed by DFIN (classic markup).
"""
from __future__ import annotations

from tools.sec_snapshot import fmt
from tools.sec_snapshot.layouts import LayoutContext, Rendered, layout
from tools.sec_snapshot.layouts.capacity import capacity_sentences
from tools.sec_snapshot.markup import Bullets, Para, Row, Run, Table, num_cell, text_cell

MINING_ROWS = (
    ("Average operating hashrate", None, "hashrate_operating_ehs", "ehs"),
    ("Bitcoin mined", "4", "btc_produced", "btc"),
    ("Revenue per Bitcoin mined", None, "revenue_per_btc_usd", "usd"),
    ("Net electricity cost per Bitcoin mined", "2", "net_electricity_cost_per_btc_usd", "neg_usd"),
    ("Revenue", None, "mining_revenue_usd", "m"),
    ("Net electricity costs", "1", "mining_net_electricity_costs_usd", "neg_m"),
    ("Hardware profit", "3", "mining_hardware_profit_usd", "m"),
    ("Hardware profit margin", "5", "mining_hardware_margin_pct", "pct"),
)
AI_ROWS = (
    ("Revenue", None, "ai_revenue_usd", "m"),
    ("Net electricity costs", "1", "ai_net_electricity_costs_usd", "neg_m"),
    ("Hardware profit", "3", "ai_hardware_profit_usd", "m"),
    ("Hardware profit margin", "5", "ai_hardware_margin_pct", "pct"),
)


def _m(usd: float) -> str:
    """$76.7m, and two decimals below $0.1m ($0.04m) as IREN prints small AI Cloud costs."""
    places = 2 if abs(usd) < 100_000 else 1
    return f"${abs(usd) / 1e6:,.{places}f}m"


def _fmt(kind: str, v) -> str:
    if v is None:
        return "-"
    if kind == "ehs":
        return f"{v:.1f} EH/s"
    if kind == "btc":
        return f"{fmt.commas(v)} BTC"
    if kind == "usd":
        return f"${fmt.commas(v)}"
    if kind == "neg_usd":
        return f"(${fmt.commas(abs(v))})"
    if kind == "m":
        return _m(v)
    if kind == "neg_m":
        return f"({_m(v)})"
    if kind == "pct":
        return f"{round(v)}%"
    raise ValueError(kind)


def _rows(ctx: LayoutContext, rows, cur: str, prior: str) -> list[Row]:
    out = []
    restated = set(ctx.v(prior, "restated", []) or [])
    for label, foot, field, kind in rows:
        # A month's own report shows the value as first reported; later reports show the restated one.
        a = ctx.v(cur, f"{field}_first_reported", ctx.v(cur, field))
        b = ctx.v(prior, field)
        if a is None and b is None:
            continue
        prior_text = _fmt(kind, b) + ("*" if field in restated else "")
        out.append(Row([text_cell(label, footnote=foot), num_cell(_fmt(kind, a)), num_cell(prior_text)]))
        if rows is MINING_ROWS and kind in ("ehs", "btc"):
            for key, value in ((cur, a), (prior, b)):
                if value is not None:
                    ctx.disclose(key, field, round(value, 1) if kind == "ehs" else round(value))
    return out


@layout("iren_monthly")
def iren_monthly(ctx: LayoutContext) -> Rendered:
    cur = ctx.spec.period
    prior = fmt.shift_month(cur, -1)
    label = fmt.month_name(cur)
    headline = ctx.spec.headline or f"IREN {label} Monthly Update"
    restated = ctx.v(prior, "restated", []) or []
    head = Row([text_cell("Key Metrics", bold=True), text_cell(fmt.month_short(cur), bold=True, align="center"),
                text_cell(fmt.month_short(prior) + ("*" if restated else ""), bold=True, align="center")], kind="head")
    rows = [head, Row([text_cell("Bitcoin Mining", bold=True), text_cell(""), text_cell("")], kind="section")]
    rows += _rows(ctx, MINING_ROWS, cur, prior)
    ai = _rows(ctx, AI_ROWS, cur, prior)
    if ai:
        rows += [Row([text_cell(""), text_cell(""), text_cell("")]),
                 Row([text_cell("AI Cloud", bold=True), text_cell(""), text_cell("")], kind="section")] + ai
    highlights = list(ctx.spec.terms.get("highlights", []))
    produced = ctx.v(cur, "btc_produced_first_reported", ctx.v(cur, "btc_produced"))
    hashrate = ctx.v(cur, "hashrate_operating_ehs_first_reported", ctx.v(cur, "hashrate_operating_ehs"))
    highlights.insert(0, f"Bitcoin mining: {fmt.commas(produced)} BTC mined at an average operating hashrate of "
                         f"{hashrate:.1f} EH/s")
    highlights += capacity_sentences(ctx, cur, "iren")
    blocks = [
        Para([Run(headline, bold=True)], align="center"),
        Para(ctx.dateline() + [f"{ctx.legal_intro()} (together with its subsidiaries, \u201cIREN\u201d or \u201cthe "
                               f"Company\u201d) today released its investor update for {label}."], align="justify"),
        Para([Run(f"{label} Highlights", bold=True)]),
        Bullets([[h] for h in highlights]),
        Table(rows, first_col_pct=50),
    ]
    if restated:
        blocks.append(Para([f"*{ctx.v(prior, 'restatement_note', 'Restated for revised electricity invoices received after the prior report.')}"],
                           align="justify"))
    notes = ["Net electricity costs are electricity charges net of demand response and curtailment income.",
             "Net electricity cost per Bitcoin mined is net electricity costs for Bitcoin mining divided by Bitcoin mined.",
             "Hardware profit is revenue less net electricity costs (excludes other site costs).",
             "Bitcoin mined is shown net of mining pool fees.",
             "Hardware profit margin is hardware profit divided by revenue."]
    blocks += [Para([Run(str(i), sup=True), n], space_before=(i == 1)) for i, n in enumerate(notes, start=1)]
    blocks += [Para(["All figures are unaudited and preliminary, based on management estimates."], italic=True)]
    blocks += ctx.about() + ctx.forward_looking() + ctx.contacts()
    return Rendered(headline, blocks)


@layout("iren_quarterly_results")
def iren_quarterly_results(ctx: LayoutContext) -> Rendered:
    """IREN's quarterly results release: a fiscal-quarter label ("Q2 FY26") beside the calendar end
    date, highlights with the prior quarter in parentheses, US$ amounts."""
    cur = ctx.spec.period
    prior = fmt.shift_quarter(cur, -1)
    t = ctx.spec.terms
    label, prior_label = t["fiscal_label"], t["prior_fiscal_label"]
    end = fmt.quarter_end(cur)
    headline = ctx.spec.headline or f"IREN Reports {label} Results"
    v = lambda k, f: ctx.v(k, f)  # noqa: E731

    def line(text: str, field: str, word: str = "") -> list[str]:
        a, b = v(cur, field), v(prior, field)
        if a is None:
            return []
        shown = f"{word}US${fmt.millions(abs(a))} million"
        return [f"{text} {shown}" + (f" ({prior_label}: US${fmt.millions(abs(b))} million)" if b is not None else "")]

    bullets = []
    bullets += line("Total revenue of", "total_revenue_usd")
    bullets += line("Bitcoin mining revenue of", "mining_revenue_usd")
    bullets += line("AI Cloud revenue of", "hpc_revenue_usd")
    if v(cur, "net_income_usd") is not None:
        n = v(cur, "net_income_usd")
        bullets.append(f"Net {'income' if n >= 0 else 'loss'} after tax of US${fmt.millions(abs(n))} million")
    if v(cur, "adjusted_ebitda_usd") is not None:
        bullets.append(f"Adjusted EBITDA of US${fmt.millions(v(cur, 'adjusted_ebitda_usd'))} million")
    if v(cur, "cash_usd") is not None:
        bullets.append(f"Cash and cash equivalents of US${v(cur, 'cash_usd') / 1e9:.2f} billion as at "
                       f"{fmt.long_date(end)}")
    bullets += capacity_sentences(ctx, cur, "iren")
    bullets += list(t.get("highlights", []))
    blocks = [
        Para([Run(headline, bold=True)], align="center"),
        Para(ctx.dateline() + [f"{ctx.legal_intro()} (together with its subsidiaries, \u201cIREN\u201d or \u201cthe "
                               f"Company\u201d) today reported its results for the quarter ended "
                               f"{fmt.long_date(end)} ({label})."], align="justify"),
        Para([Run(f"{label} Highlights", bold=True)]),
        Bullets([[b] for b in bullets]),
    ]
    for paragraph in t.get("paragraphs", []):
        blocks.append(Para([paragraph], align="justify"))
    blocks += [Para(["Adjusted EBITDA is a non-IFRS measure; a reconciliation is included in the Company's "
                     "quarterly report."], italic=True)]
    blocks += ctx.about() + ctx.forward_looking() + ctx.contacts()
    return Rendered(headline, blocks)
