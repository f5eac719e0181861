"""MARA Holdings: the monthly production update (to September 2025) and the quarterly shareholder letter.

Monthly: a highlights table with the current and prior month and the change, then a holdings
paragraph separating BTC loaned, actively managed or pledged (figures.csv: "incl. 17,357 BTC
loaned, actively managed and pledged as collateral"). Quarterly: a shareholder letter with
financial and operational highlight tables against the year-ago quarter.
"""
from __future__ import annotations

from tools.sec_snapshot import fmt
from tools.sec_snapshot.layouts import LayoutContext, Rendered, layout
from tools.sec_snapshot.markup import Bullets, Para, Row, Run, Table, num_cell, text_cell


def _change(a, b) -> str:
    """Percent change; "NM" (not meaningful) across a sign change or from a loss."""
    if a is not None and b is not None and (b < 0 or (a < 0) != (b < 0)):
        return "NM"
    c = fmt.pct_change(a, b)
    return "N/A" if c is None else f"{c}%"


@layout("mara_monthly")
def mara_monthly(ctx: LayoutContext) -> Rendered:
    cur = ctx.spec.period
    prior = fmt.shift_month(cur, -1)
    label = fmt.month_name(cur)
    headline = ctx.spec.headline or f"MARA Announces Bitcoin Production and Mining Operation Updates for {label}"
    rows = [Row([text_cell("Metric", bold=True), text_cell(fmt.MONTHS[fmt.month_key(cur)[1]], bold=True, align="center"),
                 text_cell(fmt.MONTHS[fmt.month_key(prior)[1]], bold=True, align="center"),
                 text_cell("% \u0394", bold=True, align="center")], kind="head")]
    spec_rows = (("Number of Blocks Won", "blocks_won", lambda x: fmt.commas(x)),
                 ("BTC Produced", "btc_produced", lambda x: fmt.commas(x)),
                 ("Average BTC Produced per Day", "btc_produced_per_day", lambda x: f"{x:.1f}"),
                 ("Share of Available Miner Rewards", "reward_share_pct", lambda x: f"{x:.1f}%"),
                 ("Energized Hashrate (EH/s)", "hashrate_energized_ehs", lambda x: f"{x:.1f}"))
    for i, (name, field, show) in enumerate(spec_rows):
        a, b = ctx.v(cur, field), ctx.v(prior, field)
        if field == "btc_produced_per_day":
            a = a if a is not None else (round(ctx.v(cur, "btc_produced") / fmt.days_in(cur), 1)
                                         if ctx.v(cur, "btc_produced") else None)
            b = b if b is not None else (round(ctx.v(prior, "btc_produced") / fmt.days_in(prior), 1)
                                         if ctx.v(prior, "btc_produced") else None)
        if a is None and b is None:
            continue
        foot = "1" if field == "reward_share_pct" else "2" if field == "hashrate_energized_ehs" else None
        rows.append(Row([text_cell(name, footnote=foot), num_cell(show(a) if a is not None else "-"),
                         num_cell(show(b) if b is not None else "-"), num_cell(_change(a, b))], shade=i % 2 == 1))
        target = {"btc_produced": "btc_produced", "btc_produced_per_day": "btc_produced_per_day",
                  "hashrate_energized_ehs": "hashrate_deployed_ehs"}.get(field)
        if target:
            for key, value in ((cur, a), (prior, b)):
                if value is not None:
                    ctx.disclose(key, target, round(value, 0 if field == "btc_produced" else 1))
    held, encumbered = ctx.v(cur, "btc_held"), ctx.v(cur, "btc_held_encumbered")
    end = fmt.long_date(fmt.month_end(cur))
    holdings = f"As of {end}, MARA held {fmt.commas(held)} BTC"
    if encumbered:
        holdings += (f", including {fmt.commas(encumbered)} BTC that were loaned, actively managed or pledged as "
                     "collateral")
    holdings += "."
    sold = ctx.v(cur, "btc_sold")
    holdings += " MARA did not sell any bitcoin during the month." if not sold else \
        f" MARA sold {fmt.commas(sold)} bitcoin during the month."
    ctx.disclose(cur, "btc_held", held)
    ctx.disclose(cur, "btc_held_restricted", encumbered or None)
    ctx.disclose(cur, "btc_sold", sold or 0)
    blocks = [
        Para([Run(headline, bold=True)], align="center"),
        Para(ctx.dateline() + [f"{ctx.legal_intro()} (\u201cMARA\u201d or the \u201cCompany\u201d), a digital "
                               f"infrastructure company that mines bitcoin, today published unaudited production "
                               f"and mining operation updates for {label}."], align="justify"),
        Para([Run("Production and Mining Operation Highlights", bold=True)]),
        Table(rows, first_col_pct=46),
        Para([Run("1", sup=True), "Blocks won by MARA\u2019s pool divided by all blocks mined in the period."]),
        Para([Run("2", sup=True), "Hashrate energized at month-end."], space_before=False),
        Para([Run("Bitcoin Holdings", bold=True)]),
        Para([holdings], align="justify"),
    ]
    blocks += ctx.about() + ctx.forward_looking() + ctx.contacts()
    return Rendered(headline, blocks)


def _money_m(v) -> str:
    if v is None:
        return "-"
    return f"({fmt.millions(-v)})" if v < 0 else fmt.millions(v)


@layout("mara_quarterly_letter")
def mara_quarterly_letter(ctx: LayoutContext) -> Rendered:
    cur = ctx.spec.period
    year_ago = fmt.shift_quarter(cur, -4)
    y, q = fmt.quarter_key(cur)
    label = f"Q{q} {y}"
    prior_label = f"Q{year_ago[-1]} {year_ago[:4]}"
    headline = ctx.spec.headline or f"MARA Holdings, Inc. Reports {fmt.quarter_words(cur)} Results"
    v = lambda k, f: ctx.v(k, f)  # noqa: E731
    fin = [("Revenues", "total_revenue_usd"), ("Net income (loss)", "net_income_usd"),
           ("Adjusted EBITDA", "adjusted_ebitda_usd")]
    fin_rows = [Row([text_cell("($ in millions)", bold=True), text_cell(label, bold=True, align="center"),
                     text_cell(prior_label, bold=True, align="center"), text_cell("% \u0394", bold=True, align="center")],
                    kind="head")]
    for name, field in fin:
        a, b = v(cur, field), v(year_ago, field)
        if a is None and b is None:
            continue
        fin_rows.append(Row([text_cell(name), num_cell(_money_m(a), prefix="$"), num_cell(_money_m(b), prefix="$"),
                             num_cell(_change(a, b))]))
    ops = [("Energized hashrate (EH/s)", "hashrate_energized_ehs", lambda x: f"{x:.1f}"),
           ("Blocks won", "blocks_won", fmt.commas),
           ("BTC produced", "btc_produced", fmt.commas),
           ("BTC held at quarter-end", "btc_held", fmt.commas),
           ("Purchased energy cost per BTC, owned sites ($)", "purchased_energy_cost_per_btc_usd", fmt.commas),
           ("Energy cost per kWh, owned sites ($)", "energy_cost_usd_per_kwh", lambda x: f"{x:.2f}")]
    op_rows = [Row([text_cell("Operational highlights", bold=True), text_cell(label, bold=True, align="center"),
                    text_cell(prior_label, bold=True, align="center"), text_cell("% \u0394", bold=True, align="center")],
                   kind="head")]
    for name, field, show in ops:
        a, b = v(cur, field), v(year_ago, field)
        if a is None and b is None:
            continue
        op_rows.append(Row([text_cell(name), num_cell(show(a) if a is not None else "-"),
                            num_cell(show(b) if b is not None else "-"), num_cell(_change(a, b))]))
        target = {"hashrate_energized_ehs": ("hashrate_deployed_ehs", 1), "btc_produced": ("btc_produced", 0),
                  "btc_held": ("btc_held", 0), "energy_cost_usd_per_kwh": ("power_cost_usd_per_kwh", 2)}.get(field)
        if target:
            for key, value in ((cur, a), (year_ago, b)):
                if value is not None:
                    ctx.disclose(key, target[0], round(value, target[1]))
    net = v(cur, "net_income_usd")
    bullets = [f"Revenues of ${fmt.millions(v(cur, 'total_revenue_usd'))} million and net "
               f"{'income' if net >= 0 else 'loss'} of ${fmt.millions(abs(net))} million."]
    if v(cur, "btc_produced"):
        bullets.append(f"Produced {fmt.commas(v(cur, 'btc_produced'))} BTC and won {fmt.commas(v(cur, 'blocks_won'))} "
                       f"blocks; purchased {fmt.commas(v(cur, 'btc_purchased'))} BTC." if v(cur, "btc_purchased")
                       else f"Produced {fmt.commas(v(cur, 'btc_produced'))} BTC.")
    if v(cur, "btc_held"):
        enc = v(cur, "btc_held_encumbered")
        bullets.append(f"Held {fmt.commas(v(cur, 'btc_held'))} BTC at quarter-end"
                       + (f", of which {fmt.commas(enc)} were loaned, actively managed or pledged." if enc else "."))
        ctx.disclose(cur, "btc_held", v(cur, "btc_held"))
        ctx.disclose(cur, "btc_held_restricted", enc)
    if v(cur, "btc_produced"):
        ctx.disclose(cur, "btc_produced", v(cur, "btc_produced"))
    blocks = [
        Para([Run(headline, bold=True)], align="center"),
        Para([Run(f"{fmt.quarter_words(cur)} Shareholder Letter", italic=True)], align="center", space_before=False),
        Para(ctx.dateline() + [f"{ctx.legal_intro()} today published its shareholder letter for the "
                               f"{fmt.quarter_words(cur).lower()}."], align="justify"),
        Para(["Dear Fellow Shareholders,"]),
        Para([ctx.spec.terms.get("letter", "This quarter we kept building out low-cost power and compute capacity "
                                           "while growing our bitcoin holdings.")], align="justify"),
        Para([Run(f"{label} Highlights", bold=True)]),
        Bullets([[b] for b in bullets]),
        Para([Run("Financial Highlights", bold=True)]),
        Table(fin_rows, first_col_pct=46),
        Para([Run("Operational Highlights", bold=True)]),
        Table(op_rows, first_col_pct=46),
        Para(["Adjusted EBITDA is a non-GAAP measure."], italic=True),
    ]
    blocks += ctx.about() + ctx.forward_looking()
    return Rendered(headline, blocks)
