"""Quarterly and annual results releases (Item 2.02): Riot, Hut 8, TeraWulf, Core Scientific, Bitfarms.

The shape most miners use: highlight bullets, then financial and operating tables for the period
against the year-ago period ($ in millions, negatives in parentheses). For quarterly reporters these
releases are also where production is disclosed, so they carry the same figures as a production update.
"""
from __future__ import annotations

from tools.sec_snapshot import fmt
from tools.sec_snapshot.layouts import LayoutContext, Rendered, layout
from tools.sec_snapshot.layouts.capacity import capacity_blocks
from tools.sec_snapshot.markup import Bullets, Para, Row, Run, Table, num_cell, text_cell

FINANCIAL = (
    ("Total revenue", "total_revenue_usd"),
    ("Bitcoin mining revenue", "mining_revenue_usd"),
    ("HPC / colocation revenue", "hpc_revenue_usd"),
    ("Power curtailment credits", "power_curtailment_credits_usd"),
    ("Net income (loss)", "net_income_usd"),
    ("Adjusted EBITDA", "adjusted_ebitda_usd"),
    ("Cash and cash equivalents", "cash_usd"),
)
OPERATING = (
    ("Bitcoin produced", "btc_produced", lambda x: fmt.commas(x)),
    ("Bitcoin held at period-end", "btc_held", lambda x: fmt.commas(x)),
    ("Self-mining hashrate at period-end (EH/s)", "hashrate_operating_ehs", lambda x: f"{x:.1f}"),
    ("Energized hashrate at period-end (EH/s)", "hashrate_energized_ehs", lambda x: f"{x:.1f}"),
    ("Power cost (c/kWh)", "power_cost_cents_per_kwh", lambda x: f"{x:.1f}"),
    ("Cash cost per bitcoin produced ($)", "cost_per_btc_usd", lambda x: fmt.commas(x)),
)
#: panel key -> (production field, printed value) for the operating rows a production parser reads
DISCLOSED = {
    "btc_produced": ("btc_produced", round),
    "btc_held": ("btc_held", round),
    "hashrate_operating_ehs": ("hashrate_operating_ehs", lambda x: round(x, 1)),
    "hashrate_energized_ehs": ("hashrate_deployed_ehs", lambda x: round(x, 1)),
    "power_cost_cents_per_kwh": ("power_cost_usd_per_kwh", lambda x: round(round(x, 1) / 100, 6)),
}


def _m(v) -> str:
    if v is None:
        return "-"
    return f"({fmt.millions(-v)})" if v < 0 else fmt.millions(v)


def _label(key: str) -> str:
    if "-Q" in key:
        return f"Q{key[-1]} {key[:4]}"
    return f"FY {key[:4]}"


def _year_ago(key: str) -> str:
    return fmt.shift_quarter(key, -4) if "-Q" in key else f"{int(key[:4]) - 1}-FY"


def _words(key: str) -> str:
    return fmt.quarter_words(key) if "-Q" in key else f"Full Year {key[:4]}"


@layout("results_quarterly")
def results_quarterly(ctx: LayoutContext) -> Rendered:
    cur = ctx.spec.period
    prev = _year_ago(cur)
    words = _words(cur)
    headline = ctx.spec.headline or f"{ctx.short} Reports {words} Financial Results"
    v = lambda k, f: ctx.v(k, f)  # noqa: E731
    bullets = [[b] for b in ctx.spec.terms.get("highlights", [])]
    if not bullets:
        if v(cur, "total_revenue_usd") is not None:
            bullets.append([f"Total revenue of ${fmt.millions(v(cur, 'total_revenue_usd'))} million."])
        if v(cur, "btc_produced") is not None:
            bullets.append([f"Produced {fmt.commas(v(cur, 'btc_produced'))} bitcoin."])
        if v(cur, "net_income_usd") is not None:
            n = v(cur, "net_income_usd")
            bullets.append([f"Net {'income' if n >= 0 else 'loss'} of ${fmt.millions(abs(n))} million."])
    head = lambda title: Row([text_cell(title, bold=True), text_cell(_label(cur), bold=True, align="center"),  # noqa: E731
                              text_cell(_label(prev), bold=True, align="center")], kind="head")
    fin = [head("($ in millions)")]
    for name, field in FINANCIAL:
        a, b = v(cur, field), v(prev, field)
        if a is None and b is None:
            continue
        fin.append(Row([text_cell(name, bold=field == "total_revenue_usd"), num_cell(_m(a), prefix="$"),
                        num_cell(_m(b), prefix="$")], kind="total" if field == "total_revenue_usd" else "body"))
    ops = [head("Operating metrics")]
    for name, field, show in OPERATING:
        a, b = v(cur, field), v(prev, field)
        if a is None and b is None:
            continue
        ops.append(Row([text_cell(name), num_cell(show(a) if a is not None else "-"),
                        num_cell(show(b) if b is not None else "-")]))
        if field in DISCLOSED:
            target, printed = DISCLOSED[field]
            for key, value in ((cur, a), (prev, b)):
                if value is not None:
                    ctx.disclose(key, target, printed(value))
    blocks = [
        Para([Run(headline, bold=True)], align="center"),
        Para(ctx.dateline() + [f"{ctx.legal_intro()} (\u201c{ctx.short}\u201d or the \u201cCompany\u201d) today "
                               f"reported unaudited financial and operating results for the {words.lower()}."],
             align="justify"),
        Para([Run(f"{words} Highlights", bold=True)]),
        Bullets(bullets),
    ]
    for paragraph in ctx.spec.terms.get("paragraphs", []):
        blocks.append(Para([paragraph], align="justify"))
    blocks += capacity_blocks(ctx, cur)
    if len(fin) > 1:
        blocks += [Para([Run("Financial Results", bold=True)]), Table(fin, first_col_pct=50)]
    if len(ops) > 1:
        blocks += [Para([Run("Operating Results", bold=True)]), Table(ops, first_col_pct=50)]
    blocks += [Para(["Adjusted EBITDA is a non-GAAP measure; management uses it to compare operating performance "
                     "across periods."], italic=True)]
    blocks += ctx.about() + ctx.forward_looking() + ctx.contacts()
    return Rendered(headline, blocks)
