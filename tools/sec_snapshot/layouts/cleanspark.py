"""CleanSpark: the monthly bitcoin mining update.

Real layout (reference/press/cleanspark_2022-11_monthly.txt): a "Bitcoin Mining Update
(unaudited)" block of `Label: value` lines, where BTC sold is worded "converted for operations
and growth", followed by prose with the sale price and proceeds. CleanSpark's fiscal year ends
30 September, so its year-to-date line is fiscal. Filed by DFIN (ActiveDisclosure markup).
"""
from __future__ import annotations

from tools.sec_snapshot import fmt
from tools.sec_snapshot.layouts import LayoutContext, Rendered, layout
from tools.sec_snapshot.layouts.capacity import capacity_sentences
from tools.sec_snapshot.markup import Para, Run


def _fiscal_ytd(ctx: LayoutContext, cur: str) -> int | None:
    """Bitcoin mined since 1 October (CleanSpark's fiscal year start), if every month is known."""
    y, m = fmt.month_key(cur)
    start_year = y if m >= 10 else y - 1
    key, total = f"{start_year}-10", 0
    while True:
        produced = ctx.v(key, "btc_produced")
        if produced is None:
            return None
        total += produced
        if key == cur:
            return total
        key = fmt.shift_month(key, 1)


@layout("clsk_monthly")
def clsk_monthly(ctx: LayoutContext) -> Rendered:
    cur = ctx.spec.period
    y, m = fmt.month_key(cur)
    month = fmt.MONTHS[m]
    label = fmt.month_name(cur)
    end = fmt.month_end(cur)
    headline = ctx.spec.headline or f"CleanSpark Releases {label} Bitcoin Mining Update"
    v = lambda f: ctx.v(cur, f)  # noqa: E731
    lines = [f"Bitcoin mined in {month}: {fmt.commas(v('btc_produced'))}"]
    per_day = v("btc_produced_per_day") or round(v("btc_produced") / fmt.days_in(cur), 2)
    lines.append(f"Average daily bitcoin mined in {month}: {per_day:.2f}")
    ytd = _fiscal_ytd(ctx, cur)
    if ytd is not None:
        lines.append(f"Fiscal year-to-date bitcoin mined: {fmt.commas(ytd)}")
    if v("btc_held") is not None:
        lines.append(f"Total BTC holdings as of {month} {end.day}: {fmt.commas(v('btc_held'))}")
    if v("btc_sold") is not None:
        sold = v("btc_sold")
        lines.append(f"Total BTC converted for operations and growth in {month}: "
                     f"{fmt.commas(sold, 1 if sold % 1 else 0)}")
    if v("hashrate_operating_ehs") is not None:
        lines.append(f"Average operating hashrate in {month}: {v('hashrate_operating_ehs'):.1f} EH/s")
    if v("hashrate_peak_ehs") is not None:
        lines.append(f"Peak operating hashrate in {month}: {v('hashrate_peak_ehs'):.1f} EH/s")
    if v("efficiency_j_per_th") is not None:
        lines.append(f"Fleet efficiency: {v('efficiency_j_per_th'):.2f} J/TH")
    if v("deployed_miners") is not None:
        lines.append(f"Deployed miners: {fmt.commas(v('deployed_miners'))}")
    lines += capacity_sentences(ctx, cur, "clsk")

    ctx.disclose(cur, "btc_produced", v("btc_produced"))
    ctx.disclose(cur, "btc_produced_per_day", round(per_day, 2))
    ctx.disclose(cur, "btc_held", v("btc_held"))
    ctx.disclose(cur, "btc_sold", round(v("btc_sold"), 1) if v("btc_sold") is not None else None)
    ctx.disclose(cur, "hashrate_operating_ehs",
                 round(v("hashrate_operating_ehs"), 1) if v("hashrate_operating_ehs") is not None else None)
    ctx.disclose(cur, "efficiency_j_per_th",
                 round(v("efficiency_j_per_th"), 2) if v("efficiency_j_per_th") is not None else None)
    if v("btc_sold"):
        ctx.disclose(cur, "btc_avg_sale_price_usd", v("btc_avg_sale_price_usd"))
        if v("btc_sale_proceeds_usd"):
            ctx.disclose(cur, "btc_sale_proceeds_usd", round(round(v("btc_sale_proceeds_usd") / 1e6, 1) * 1e6, 2))

    blocks = [
        Para([Run(headline, bold=True)], align="center"),
        Para(ctx.dateline() + [f"{ctx.legal_intro()} (\u201cCleanSpark\u201d or \u201cthe Company\u201d), a bitcoin "
                               f"miner, today published its unaudited bitcoin mining update for {label}."],
             align="justify"),
        Para([Run("Bitcoin Mining Update (unaudited)", bold=True, underline=True)]),
    ]
    blocks += [Para([line], space_before=True) for line in lines]
    if v("btc_sold"):
        sold = v("btc_sold")
        prose = (f"The Company funded operations and growth by selling {fmt.commas(sold, 1 if sold % 1 else 0)} "
                 f"bitcoin in {month}")
        if v("btc_avg_sale_price_usd"):
            prose += f" at an average price of about ${fmt.commas(v('btc_avg_sale_price_usd'))} per bitcoin"
        if v("btc_sale_proceeds_usd"):
            prose += f", for proceeds of approximately ${fmt.millions(v('btc_sale_proceeds_usd'))} million"
        blocks.append(Para([prose + "."], align="justify"))
    commentary = ctx.spec.terms.get("commentary")
    if commentary:
        blocks.append(Para([commentary], align="justify"))
    blocks += ctx.about() + ctx.forward_looking() + ctx.contacts()
    return Rendered(headline, blocks)
