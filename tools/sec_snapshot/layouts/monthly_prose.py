"""Monthly updates written as prose and bullet lists: Bit Digital, Cipher, Bitfarms, HIVE, Bitdeer.

These miners put their figures in sentences and bullets rather than one metric table (Bitdeer
adds a small two-month table). Wording varies by company; every figure comes from the panel.
"""
from __future__ import annotations

from tools.sec_snapshot import fmt
from tools.sec_snapshot.layouts import LayoutContext, Rendered, layout
from tools.sec_snapshot.layouts.capacity import capacity_sentences
from tools.sec_snapshot.markup import Bullets, Para, Row, Run, Table, num_cell, text_cell


def _btc(v, places: int = 0) -> str:
    if v is None:
        return "-"
    return fmt.commas(v, places if v % 1 else 0)


def _r(v, places: int = 0):
    """A figure as `_btc`/`:.Nf` print it (None stays None)."""
    return None if v is None else round(v, places)


def _intro(ctx: LayoutContext, text: str) -> Para:
    return Para(ctx.dateline() + [f"{ctx.legal_intro()} {text}"], align="justify")


@layout("btbt_monthly")
def btbt_monthly(ctx: LayoutContext) -> Rendered:
    cur = ctx.spec.period
    label = fmt.month_name(cur)
    v = lambda f: ctx.v(cur, f)  # noqa: E731
    headline = ctx.spec.headline or f"Bit Digital, Inc. Announces Monthly Production Update for {label}"
    bullets = [[Run("Bitcoin mining: ", bold=True),
                f"The Company earned {_btc(v('btc_produced'), 2)} BTC in {label}"
                + (f", compared with {_btc(ctx.v(fmt.shift_month(cur, -1), 'btc_produced'), 2)} BTC in "
                   f"{fmt.month_name(fmt.shift_month(cur, -1))}." if ctx.v(fmt.shift_month(cur, -1), 'btc_produced')
                   else ".")]]
    if v("btc_held") is not None:
        bullets.append([Run("Bitcoin holdings: ", bold=True),
                        f"approximately {_btc(v('btc_held'), 1)} BTC at month-end."])
    if v("eth_held") is not None:
        bullets.append([Run("ETH treasury: ", bold=True),
                        f"approximately {fmt.commas(v('eth_held'))} ETH held at month-end"
                        + (f", of which about {fmt.commas(v('eth_staked'))} ETH were staked." if v("eth_staked") else ".")])
    if v("hashrate_operating_ehs") is not None:
        bullets.append([Run("Active hashrate: ", bold=True), f"{v('hashrate_operating_ehs'):.2f} EH/s at month-end."])
    ctx.disclose(cur, "btc_produced", _r(v("btc_produced"), 2))
    ctx.disclose(cur, "btc_held", _r(v("btc_held"), 1))
    ctx.disclose(cur, "hashrate_operating_ehs", _r(v("hashrate_operating_ehs"), 2))
    blocks = [
        Para([Run(headline, bold=True)], align="center"),
        _intro(ctx, f"(\u201cBit Digital\u201d or the \u201cCompany\u201d), an ETH treasury and digital asset "
                    f"infrastructure company that also mines bitcoin, today published its unaudited production and "
                    f"treasury figures for {label}."),
        Para([Run(f"{label} Highlights", bold=True)]),
        Bullets(bullets),
    ]
    blocks += ctx.about() + ctx.forward_looking() + ctx.contacts()
    return Rendered(headline, blocks)


@layout("cifr_monthly")
def cifr_monthly(ctx: LayoutContext) -> Rendered:
    cur = ctx.spec.period
    label = fmt.month_name(cur)
    v = lambda f: ctx.v(cur, f)  # noqa: E731
    headline = ctx.spec.headline or f"Cipher Mining Announces {label} Operational Update"
    lead = (f"In {label}, Cipher mined approximately {_btc(v('btc_produced'))} bitcoin and ended the month holding "
            f"approximately {_btc(v('btc_held'))} bitcoin")
    if v("btc_held_pledged"):
        lead += f", of which {_btc(v('btc_held_pledged'))} were posted as collateral"
    lead += "."
    if v("btc_sold"):
        lead += f" The Company sold {_btc(v('btc_sold'))} bitcoin during the month."
    bullets = []
    if v("hashrate_operating_ehs") is not None:
        bullets.append([f"Self-mining hashrate of about {v('hashrate_operating_ehs'):.1f} EH/s at month-end"])
    if v("efficiency_j_per_th") is not None:
        bullets.append([f"Fleet efficiency of roughly {v('efficiency_j_per_th'):.1f} J/TH"])
    if v("power_cost_cents_per_kwh") is not None:
        bullets.append([f"All-in power cost of {v('power_cost_cents_per_kwh'):.1f} c/kWh"])
    bullets += [[s] for s in capacity_sentences(ctx, cur, "cifr")]
    for note in ctx.spec.terms.get("highlights", []):
        bullets.append([note])
    for name, key, places in (("btc_produced", "btc_produced", 0), ("btc_held", "btc_held", 0),
                              ("btc_held_restricted", "btc_held_pledged", 0), ("btc_sold", "btc_sold", 0),
                              ("hashrate_operating_ehs", "hashrate_operating_ehs", 1),
                              ("efficiency_j_per_th", "efficiency_j_per_th", 1)):
        if v(key):
            ctx.disclose(cur, name, _r(v(key), places))
    if v("power_cost_cents_per_kwh") is not None:
        ctx.disclose(cur, "power_cost_usd_per_kwh", round(round(v("power_cost_cents_per_kwh"), 1) / 100, 6))
    blocks = [
        Para([Run(headline, bold=True)], align="center"),
        _intro(ctx, f"(\u201cCipher\u201d or the \u201cCompany\u201d) today released unaudited operating results for "
                    f"{label}."),
        Para([lead], align="justify"),
        Para([Run("Operational highlights", bold=True)]),
        Bullets(bullets),
    ]
    blocks += ctx.about() + ctx.forward_looking() + ctx.contacts()
    return Rendered(headline, blocks)


@layout("bitf_monthly")
def bitf_monthly(ctx: LayoutContext) -> Rendered:
    cur = ctx.spec.period
    label = fmt.month_name(cur)
    month = fmt.MONTHS[fmt.month_key(cur)[1]]
    v = lambda f: ctx.v(cur, f)  # noqa: E731
    per_day = v("btc_produced_per_day") or round(v("btc_produced") / fmt.days_in(cur), 1)
    headline = ctx.spec.headline or f"Bitfarms Provides {label} Production and Operations Update"
    bullets = [[f"Earned {_btc(v('btc_produced'))} BTC, or {per_day:.1f} BTC per day."]]
    if v("hashrate_operating_ehs") is not None:
        bullets.append([f"Operating hashrate of {v('hashrate_operating_ehs'):.1f} EH/s at the end of {month}."])
    if v("efficiency_j_per_th") is not None:
        bullets.append([f"Energy efficiency of {v('efficiency_j_per_th'):.1f} w/TH."])
    if v("btc_sold") is not None:
        bullets.append([f"Sold {_btc(v('btc_sold'))} BTC for total proceeds of "
                        f"US${fmt.millions(v('btc_sale_proceeds_usd'))} million."])
    if v("btc_held") is not None:
        bullets.append([f"Held {_btc(v('btc_held'))} BTC in treasury at month-end."])
    ctx.disclose(cur, "btc_produced", _r(v("btc_produced")))
    ctx.disclose(cur, "btc_produced_per_day", round(per_day, 1))
    ctx.disclose(cur, "hashrate_operating_ehs", _r(v("hashrate_operating_ehs"), 1))
    ctx.disclose(cur, "efficiency_j_per_th", _r(v("efficiency_j_per_th"), 1))
    ctx.disclose(cur, "btc_sold", _r(v("btc_sold")))
    if v("btc_sold") is not None:
        ctx.disclose(cur, "btc_sale_proceeds_usd", round(round(v("btc_sale_proceeds_usd") / 1e6, 1) * 1e6, 2))
    ctx.disclose(cur, "btc_held", _r(v("btc_held")))
    blocks = [
        Para([Run(headline, bold=True)], align="center"),
        _intro(ctx, f"(\u201cBitfarms\u201d or the \u201cCompany\u201d) today provided its unaudited production and "
                    f"operations update for {label}."),
        Para([Run(f"Key Performance Indicators for {label}", bold=True)]),
        Bullets(bullets),
    ]
    for note in ctx.spec.terms.get("paragraphs", []):
        blocks.append(Para([note], align="justify"))
    blocks += ctx.about() + ctx.forward_looking() + ctx.contacts()
    return Rendered(headline, blocks)


@layout("hive_monthly")
def hive_monthly(ctx: LayoutContext) -> Rendered:
    cur = ctx.spec.period
    prior = fmt.shift_month(cur, -1)
    label = fmt.month_name(cur)
    v = lambda f: ctx.v(cur, f)  # noqa: E731
    headline = ctx.spec.headline or f"HIVE Digital Technologies Reports {label} Production"
    change = fmt.pct_change(v("btc_produced"), ctx.v(prior, "btc_produced"))
    lead = f"HIVE produced {_btc(v('btc_produced'), 1)} Bitcoin in {label}"
    if change is not None:
        lead += f", {'an increase' if change >= 0 else 'a decrease'} of {abs(change)}% from the previous month"
    lead += "."
    bullets = []
    if v("hashrate_operating_ehs") is not None:
        bullets.append([f"Average operating hashrate of {v('hashrate_operating_ehs'):.1f} EH/s"])
    if v("btc_produced_per_day") is not None or v("btc_produced") is not None:
        per_day = v("btc_produced_per_day") or round(v("btc_produced") / fmt.days_in(cur), 2)
        bullets.append([f"{per_day:.2f} BTC produced per day"])
    if v("btc_held") is not None:
        bullets.append([f"{_btc(v('btc_held'))} BTC held on the balance sheet at month-end"])
    ctx.disclose(cur, "btc_produced", _r(v("btc_produced"), 1))
    ctx.disclose(cur, "hashrate_operating_ehs", _r(v("hashrate_operating_ehs"), 1))
    if v("btc_produced_per_day") is not None or v("btc_produced") is not None:
        ctx.disclose(cur, "btc_produced_per_day", round(per_day, 2))
    ctx.disclose(cur, "btc_held", _r(v("btc_held")))
    if v("hpc_revenue_usd") is not None:
        bullets.append([f"HPC and AI cloud revenue of approximately US${fmt.millions(v('hpc_revenue_usd'))} million"])
    for note in ctx.spec.terms.get("highlights", []):
        bullets.append([note])
    blocks = [
        Para([Run(headline, bold=True)], align="center"),
        _intro(ctx, f"(\u201cHIVE\u201d or the \u201cCompany\u201d) today announced its production results for "
                    f"{label}."),
        Para([lead], align="justify"),
        Para([Run("Monthly Highlights", bold=True)]),
        Bullets(bullets),
    ]
    blocks += ctx.about() + ctx.forward_looking()
    return Rendered(headline, blocks)


@layout("btdr_monthly")
def btdr_monthly(ctx: LayoutContext) -> Rendered:
    cur = ctx.spec.period
    prior = fmt.shift_month(cur, -1)
    label = fmt.month_name(cur)
    v = lambda f: ctx.v(cur, f)  # noqa: E731
    headline = ctx.spec.headline or f"Bitdeer Announces {label} Production and Operations Update"
    rows = [Row([text_cell("Mining Operations", bold=True), text_cell(fmt.month_name(cur), bold=True, align="center"),
                 text_cell(fmt.month_name(prior), bold=True, align="center")], kind="head")]
    spec_rows = (("Self-mining hashrate (EH/s)", "hashrate_operating_ehs", lambda x: f"{x:.1f}"),
                 ("Hosting hashrate (EH/s)", "hosting_hashrate_ehs", lambda x: f"{x:.1f}"),
                 ("Bitcoin mined (BTC)", "btc_produced", lambda x: _btc(x)),
                 ("Bitcoin held (BTC)", "btc_held", lambda x: _btc(x)),
                 ("Average fleet efficiency (J/TH)", "efficiency_j_per_th", lambda x: f"{x:.1f}"))
    for name, field, show in spec_rows:
        a, b = v(field), ctx.v(prior, field)
        if a is None and b is None:
            continue
        rows.append(Row([text_cell(name), num_cell(show(a) if a is not None else "-"),
                         num_cell(show(b) if b is not None else "-")]))
        if field != "hosting_hashrate_ehs":
            places = 0 if field.startswith("btc_") else 1
            ctx.disclose(cur, field, _r(a, places))
            ctx.disclose(prior, field, _r(b, places))
    bullets = [[f"Mined {_btc(v('btc_produced'))} BTC, with self-mining hashrate reaching "
                f"{v('hashrate_operating_ehs'):.1f} EH/s."]]
    if v("sealminer_output_ehs") is not None:
        bullets.append([f"SEALMINER production of approximately {v('sealminer_output_ehs'):.1f} EH/s during the month."])
    for note in ctx.spec.terms.get("highlights", []):
        bullets.append([note])
    blocks = [
        Para([Run(headline, bold=True)], align="center"),
        _intro(ctx, f"(\u201cBitdeer\u201d or the \u201cCompany\u201d), a technology company for blockchain and "
                    f"high-performance computing, today released its unaudited production and operations update for "
                    f"{label}."),
        Para([Run("Key Highlights", bold=True)]),
        Bullets(bullets),
        Para([Run("Operating Metrics", bold=True)]),
        Table(rows, first_col_pct=50),
    ]
    blocks += ctx.about() + ctx.forward_looking() + ctx.contacts()
    return Rendered(headline, blocks)
