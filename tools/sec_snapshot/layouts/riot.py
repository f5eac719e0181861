"""Riot Platforms: the monthly (to December 2025) and quarterly (from Q1 2026) production update.

Real layout (reference/press/riot_2025-04_monthly.txt, riot_2023-11_monthly.txt): one metric
table with the current period, the prior period and the year-ago period, then Month/Month and
Year/Year changes under a "Comparison (%)" head; footnote digits sit right after labels and values
(`Bitcoin Held 2`, `19,2113` = 19,211 + footnote 3); missing cells are `-`, missing changes `N/A`.
Filed by Workiva: `$` in its own cell, negatives in parentheses.
"""
from __future__ import annotations

from tools.sec_snapshot import fmt
from tools.sec_snapshot.layouts import LayoutContext, Rendered, layout
from tools.sec_snapshot.markup import Bullets, Cell, Para, Row, Run, Table, num_cell, text_cell

#: (label, label footnote, field, kind) in the order Riot prints them.
ROWS = (
    ("Bitcoin Produced", None, "btc_produced", "int"),
    ("Average Bitcoin Produced per Day", None, "btc_produced_per_day", "dec1"),
    ("Bitcoin Held", "2", "btc_held", "held"),
    ("Bitcoin Sold", None, "btc_sold", "int"),
    ("Bitcoin Sales \u2013 Net Proceeds", None, "btc_sale_proceeds_usd", "musd"),
    ("Average Net Price per Bitcoin Sold", None, "btc_avg_sale_price_usd", "usd"),
    ("Deployed Hash Rate \u2013 Total", "2", "hashrate_deployed_ehs", "ehs"),
    ("Avg. Operating Hash Rate \u2013 Total", "4", "hashrate_operating_ehs", "ehs"),
    ("Power Credits", "5", "power_credits_usd", "musd"),
    ("Demand Response Credits", "6", "demand_response_credits_usd", "musd"),
    ("Total Power Credits", None, "total_power_credits_usd", "musd"),
    ("All-in Power Cost \u2013 Total", "7", "power_cost_cents_per_kwh", "ckwh"),
    ("Fleet Efficiency", "2", "efficiency_j_per_th", "jth"),
)


def _value(ctx: LayoutContext, key: str, field: str, days: int, own: bool = False):
    """A figure of period `key`; a period's own report shows `<field>_first_reported` where a later report
    restated it (the prior-month column of the next report shows the restated value)."""
    v = ctx.v(key, f"{field}_first_reported") if own else None
    v = ctx.v(key, field) if v is None else v
    if v is None and field == "btc_produced_per_day":
        produced = ctx.v(key, "btc_produced")
        v = round(produced / days, 1) if produced is not None else None
    if v is None and field == "total_power_credits_usd":
        parts = [ctx.v(key, "power_credits_usd"), ctx.v(key, "demand_response_credits_usd")]
        v = sum(parts) if all(p is not None for p in parts) else None
    return v


def _cell(kind: str, v, footnote: str | None = None) -> Cell:
    if v is None:
        return num_cell("-")
    if kind == "int" or kind == "held":
        return num_cell(fmt.commas(v), footnote=footnote)
    if kind == "dec1":
        return num_cell(fmt.commas(v, 1))
    if kind == "musd":
        return num_cell(f"{fmt.millions(v)} million", prefix="$")
    if kind == "usd":
        return num_cell(fmt.commas(v), prefix="$")
    if kind == "ehs":
        return num_cell(f"{v:.1f} EH/s")
    if kind == "ckwh":
        return num_cell(f"{v:.1f}c/kWh")
    if kind == "jth":
        return num_cell(f"{v:.1f} J/TH")
    raise ValueError(kind)


#: panel key -> production field it discloses (None: a component the parser must not total)
FIELD_OF = {"power_credits_usd": None, "demand_response_credits_usd": None,
            "total_power_credits_usd": "power_credits_usd", "power_cost_cents_per_kwh": "power_cost_usd_per_kwh"}


def _printed(kind: str, v: float) -> float:
    """The figure as the cell prints it, in the parser's unit."""
    if kind in ("int", "held", "usd"):
        return round(v)
    if kind == "musd":
        return round(round(v / 1e6, 1) * 1e6, 2)
    if kind == "ckwh":
        return round(round(v, 1) / 100, 6)
    return round(v, 1)


def _pct(current, prior) -> Cell:
    change = fmt.pct_change(current, prior)
    if change is None:
        return num_cell("N/A")
    if change < 0:
        return num_cell(f"({-change})", suffix="%")
    return num_cell(f"{change}", suffix="%")


def _table(ctx: LayoutContext, cols: list[str], heads: list[str], days: list[int], restricted_fn: str) -> Table:
    head1 = Row([text_cell(""), text_cell(""), text_cell(""), text_cell(""),
                 text_cell("Comparison (%)", colspan=2, bold=True, align="center")], kind="head")
    head2 = Row([text_cell("Metric", bold=True),
                 text_cell(heads[0], bold=True, footnote="1", align="center"),
                 text_cell(heads[1], bold=True, footnote="1", align="center"),
                 text_cell(heads[2], bold=True, align="center"),
                 text_cell("Quarter/Quarter" if "Q" in cols[0] else "Month/Month", bold=True, align="center"),
                 text_cell("Year/Year", bold=True, align="center")], kind="head")
    rows = [head1, head2]
    for i, (label, label_fn, field, kind) in enumerate(ROWS):
        values = [_value(ctx, key, field, d, own=(j == 0)) for j, (key, d) in enumerate(zip(cols, days))]
        if all(v is None for v in values):
            continue
        cells = [text_cell(label, footnote=label_fn)]
        for j, v in enumerate(values):
            foot = restricted_fn if (kind == "held" and ctx.v(cols[j], "btc_held_restricted") and j == 0) else None
            cells.append(_cell(kind, v, foot))
            name = FIELD_OF.get(field, field)
            if name is not None and v is not None:
                ctx.disclose(cols[j], name, _printed(kind, v))
            if foot:
                ctx.disclose(cols[j], "btc_held_restricted", ctx.v(cols[j], "btc_held_restricted"))
        cells += [_pct(values[0], values[1]), _pct(values[0], values[2])]
        rows.append(Row(cells, shade=i % 2 == 0))
    return Table(rows, first_col_pct=34)


def _footnotes(ctx: LayoutContext, key: str, unit: str) -> list:
    restricted = ctx.v(key, "btc_held_restricted")
    notes = ["Unaudited and estimated.", f"At {unit}-end."]
    # Riot's wording (reference/press/riot_2025-04_monthly.txt): "Includes 1,900 in restricted bitcoin."
    notes.append(f"Includes {fmt.commas(restricted)} in restricted bitcoin." if restricted else "")
    notes += [f"Average over the {unit}.", "Estimated credits for power curtailment.",
              "Estimated credits earned in ERCOT demand response programs.",
              "Estimate; includes all transmission and distribution charges, fees, adders and taxes, and is net of "
              "Total Power Credits."]
    return [Para([Run(str(i), sup=True), n], space_before=(i == 1)) for i, n in enumerate(notes, start=1) if n]


def _summary(ctx: LayoutContext, cur: str, prior: str, label: str, unit: str) -> list:
    produced = ctx.v(cur, "btc_produced")
    prev = ctx.v(prior, "btc_produced")
    change = fmt.pct_change(produced, prev)
    direction = "up" if (change or 0) >= 0 else "down"
    text = (f"Riot produced {fmt.commas(produced)} bitcoin in {label}, {direction} {abs(change or 0)}% from the prior "
            f"{unit}.")
    sold = ctx.v(cur, "btc_sold")
    if sold:
        text += (f" The Company sold {fmt.commas(sold)} bitcoin during the {unit} for net proceeds of "
                 f"${fmt.millions(ctx.v(cur, 'btc_sale_proceeds_usd'))} million.")
    held = ctx.v(cur, "btc_held")
    if held:
        text += f" It held {fmt.commas(held)} bitcoin at the end of the {unit}."
    return [Para([text], align="justify")]


@layout("riot_monthly")
def riot_monthly(ctx: LayoutContext) -> Rendered:
    cur = ctx.spec.period
    prior, year_ago = fmt.shift_month(cur, -1), fmt.shift_month(cur, -12)
    label = fmt.month_name(cur)
    produced = ctx.v(cur, "btc_produced")
    headline = ctx.spec.headline or f"Riot Reports {fmt.commas(produced)} Bitcoin Produced in {label}"
    blocks = [
        Para([Run(headline, bold=True)], align="center"),
        Para([Run(f"Production and Operations Updates for {label}", italic=True)], align="center", space_before=False),
        Para(ctx.dateline() + [f"{ctx.legal_intro()} (\u201cRiot\u201d or \u201cthe Company\u201d), a vertically "
                               f"integrated bitcoin mining company, today released its unaudited bitcoin production "
                               f"and operating figures for {label}."], align="justify"),
        Para([Run(f"Bitcoin Production and Operations Updates for {label}", bold=True)], align="center"),
        _table(ctx, [cur, prior, year_ago], [label, fmt.month_name(prior), fmt.month_name(year_ago)],
               [fmt.days_in(cur), fmt.days_in(prior), fmt.days_in(year_ago)], "3"),
        *_footnotes(ctx, cur, "month"),
        Para([Run("Management Commentary", bold=True)]),
        *_summary(ctx, cur, prior, label, "month"),
    ]
    notes = ctx.spec.terms.get("highlights", [])
    if notes:
        blocks += [Para([Run("Operations Highlights", bold=True)]), Bullets([[n] for n in notes])]
    blocks += ctx.about() + ctx.forward_looking() + ctx.contacts()
    return Rendered(headline, blocks)


@layout("riot_quarterly")
def riot_quarterly(ctx: LayoutContext) -> Rendered:
    cur = ctx.spec.period
    prior, year_ago = fmt.shift_quarter(cur, -1), fmt.shift_quarter(cur, -4)
    label = fmt.quarter_words(cur)
    days = [sum(fmt.days_in(m) for m in fmt.quarter_months(k)) for k in (cur, prior, year_ago)]
    headline = ctx.spec.headline or f"Riot Platforms Reports {label} Production and Operations Update"
    q = lambda k: f"Q{k[-1]} {k[:4]}"  # noqa: E731
    blocks = [
        Para([Run(headline, bold=True)], align="center"),
        Para(ctx.dateline() + [f"{ctx.legal_intro()} (\u201cRiot\u201d or \u201cthe Company\u201d) today released its "
                               f"unaudited bitcoin production and operating figures for the {label.lower()}."],
             align="justify"),
        Para(["As announced with its December 2025 update, Riot now reports production and operations figures "
              "once a quarter rather than every month, alongside the progress of its data center development."],
             align="justify"),
        Para([Run(f"Bitcoin Production and Operations Updates for {label}", bold=True)], align="center"),
        _table(ctx, [cur, prior, year_ago], [q(cur), q(prior), q(year_ago)], days, "3"),
        *_footnotes(ctx, cur, "quarter"),
        Para([Run("Management Commentary", bold=True)]),
        *_summary(ctx, cur, prior, f"the {label.lower()}", "quarter"),
    ]
    blocks += ctx.about() + ctx.forward_looking() + ctx.contacts()
    return Rendered(headline, blocks)
