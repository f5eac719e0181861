"""`minerwatch report`: one self-contained HTML file of charts read from the published warehouse.

Charts are inline SVG (report/svg.py): the file needs no network, no JavaScript library and no
other file. A small inline script only counts, after layout, the marks each chart drew (the
browser test reads the count). A section whose mart does not exist yet (debt, HPC) or holds no
rows says "no data yet" instead of a chart.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from html import escape
from pathlib import Path

import duckdb

from report.svg import Bar, Marker, Series, bar_chart, line_chart
from transforms.chain import HALVINGS
from warehouse.catalog import has_relation, quote_ident, relation

#: Trailing window of the per-miner bar charts.
TRAILING_MONTHS = 12


@dataclass
class Section:
    key: str
    title: str
    caption: str
    sources: tuple[str, ...]
    svg: str | None = None
    empty_reason: str | None = None

    @property
    def status(self) -> str:
        return "drawn" if self.svg else "no data yet"


def _rows(con, sql: str, params=None) -> list[tuple]:
    return con.execute(sql, params or []).fetchall()


def _missing(con, *marts: str) -> str | None:
    gone = [m for m in marts if not has_relation(con, m)]
    return f"{', '.join(gone)} not in this warehouse yet" if gone else None


def _column(con, mart: str, candidates: tuple[str, ...], *, suffix: str | None = None) -> str | None:
    """The first of `candidates` the mart has (else the first column ending in `suffix`)."""
    rel = relation(con, mart)
    names = [c.name for c in rel.columns]
    for c in candidates:
        if c in names:
            return c
    if suffix:
        return next((n for n in names if n.endswith(suffix)), None)
    return None


# Production rows that do not double count: every monthly row, and a quarterly row only where the
# miner published no monthly figure inside that quarter (a miner that moved to quarterly reports).
OWN_PERIODS = """
    select p.*, p.period_end - p.period_start + 1 as period_days
    from marts.{mart} as p
    where p.period_type = 'month'
       or not exists (select 1 from marts.miner_production as m
                      where m.ticker = p.ticker and m.period_type = 'month' and m.btc_produced is not null
                        and m.period_end between p.period_start and p.period_end)
"""


# --- sections ------------------------------------------------------------------------------------
def hashprice_history(con) -> Section:
    s = Section("hashprice", "Hashprice since 2009, halvings marked",
                "Gross hashprice (USD per PH/s per day), weekly mean of the daily figure, log scale. "
                "Dashed red rules: the four halvings (blocks 210,000 to 840,000).", ("marts.hashprice_daily",))
    rows = _rows(con, """
        select cast(date_trunc('week', day) as date), avg(hashprice_usd_per_ph_day)
        from marts.hashprice_daily where hashprice_usd_per_ph_day > 0 group by 1 order by 1""")
    if not rows:
        s.empty_reason = "marts.hashprice_daily has no rows"
        return s
    markers = [Marker(day, f"halving {height // 210_000}") for height, day in HALVINGS]
    s.svg = line_chart(s.title, [Series("hashprice", rows, color="#1f4e79")], y_label="USD / PH/s / day",
                       log_y=True, markers=markers)
    return s


def production_by_miner(con) -> Section:
    s = Section("production", "BTC mined per day, by miner",
                "Reported BTC produced divided by the days of the period (monthly reports; quarterly where a miner "
                "reports only quarterly), last 24 months.", ("marts.miner_production",))
    rows = _rows(con, f"""
        select ticker, period_end, btc_produced / period_days
        from ({OWN_PERIODS.format(mart='miner_production')})
        where btc_produced is not null
          and period_end > (select max(period_end) from marts.miner_production) - interval 24 month
        order by ticker, period_end""")
    if not rows:
        s.empty_reason = "no production figures yet"
        return s
    series: dict[str, list] = {}
    for ticker, end, per_day in rows:
        series.setdefault(ticker, []).append((end, per_day))
    s.svg = line_chart(s.title, [Series(t, pts) for t, pts in series.items()], y_label="BTC / day")
    return s


def sell_ratio_by_miner(con) -> Section:
    s = Section("sell-ratio", f"Sell ratio by miner, trailing {TRAILING_MONTHS} months",
                "BTC sold / BTC produced over the last 12 months of reports (1.0: sold everything it mined; "
                "above: drew on its treasury).", ("marts.btc_sales",))
    rows = _rows(con, f"""
        select ticker, sum(btc_sold) / nullif(sum(btc_produced), 0) as sell_ratio, count(*) as periods
        from ({OWN_PERIODS.format(mart='btc_sales')})
        where btc_produced is not null
          and period_end > (select max(period_end) from marts.btc_sales) - interval {TRAILING_MONTHS} month
        group by ticker having sum(btc_produced) > 0 order by sell_ratio desc""")
    if not rows:
        s.empty_reason = "no BTC sales disclosed yet"
        return s
    bars = [Bar(t, r, note=f"{r:.2f} ({n} reports)") for t, r, n in rows]
    s.svg = bar_chart(s.title, bars, y_label="BTC sold / BTC produced", horizontal=True,
                      rules=[(1.0, "sold all it mined")], value_format=lambda v: f"{v:.2f}")
    return s


def btc_held(con) -> Section:
    s = Section("btc-held", "BTC held, latest report per miner",
                "BTC held at the end of each miner's latest reported period (restricted or pledged BTC included "
                "where the miner counts it).", ("marts.miner_production",))
    rows = _rows(con, """
        select ticker, arg_max(btc_held, period_end), max(period_end)
        from marts.miner_production where btc_held is not null group by ticker order by 2 desc""")
    if not rows:
        s.empty_reason = "no holdings disclosed yet"
        return s
    s.svg = bar_chart(s.title, [Bar(t, v, note=f"{v:,.0f} BTC at {d}") for t, v, d in rows], y_label="BTC",
                      horizontal=True)
    return s


def industry_debt(con) -> Section:
    s = Section("industry-debt", "Industry debt by quarter",
                "Total debt of the tracked miners at each quarter end (principal outstanding from the debt "
                "register).", ("marts.industry_debt_quarterly",))
    s.empty_reason = _missing(con, "marts.industry_debt_quarterly")
    if s.empty_reason:
        return s
    amount = _column(con, "marts.industry_debt_quarterly", ("total_debt_usd",), suffix="_usd")
    quarter = _column(con, "marts.industry_debt_quarterly", ("quarter_end", "period_end"))
    if not amount or not quarter:
        s.empty_reason = "marts.industry_debt_quarterly lacks a quarter or amount column"
        return s
    rows = _rows(con, f"select {quote_ident(quarter)}, {quote_ident(amount)} from marts.industry_debt_quarterly"
                      f" where {quote_ident(amount)} is not null order by 1")
    if not rows:
        s.empty_reason = "marts.industry_debt_quarterly has no rows"
        return s
    s.svg = bar_chart(s.title, [Bar(_quarter_label(q), v) for q, v in rows], y_label="USD")
    return s


def leverage_ranking(con) -> Section:
    s = Section("leverage", "Leverage ranking, latest quarter",
                "Each miner's total debt at its latest quarter end, ranked; the label gives debt / equity where "
                "known.", ("marts.miner_leverage_quarterly",))
    s.empty_reason = _missing(con, "marts.miner_leverage_quarterly")
    if s.empty_reason:
        return s
    mart = "marts.miner_leverage_quarterly"
    debt = _column(con, mart, ("total_debt_usd", "debt_carrying_usd"), suffix="debt_usd")
    quarter = _column(con, mart, ("quarter_end", "period_end"))
    ratio = _column(con, mart, ("debt_to_equity",))
    if not debt or not quarter:
        s.empty_reason = f"{mart} lacks a quarter or debt column"
        return s
    ratio_sql = f"arg_max({quote_ident(ratio)}, {quote_ident(quarter)})" if ratio else "null"
    rows = _rows(con, f"""
        select ticker, arg_max({quote_ident(debt)}, {quote_ident(quarter)}), {ratio_sql}, max({quote_ident(quarter)})
        from {mart} where {quote_ident(debt)} is not null group by ticker order by 2 desc""")
    if not rows:
        s.empty_reason = f"{mart} has no rows"
        return s
    bars = [Bar(t, v, note=f"${v / 1e6:,.0f}M" + (f", D/E {r:.2f}" if r is not None else "") + f" ({_quarter_label(q)})")
            for t, v, r, q in rows]
    s.svg = bar_chart(s.title, bars, y_label="total debt, USD", horizontal=True)
    return s


def maturity_wall(con) -> Section:
    s = Section("maturities", "The maturity wall",
                "Principal outstanding by year of maturity, stacked by instrument type.", ("marts.debt_maturities",))
    s.empty_reason = _missing(con, "marts.debt_maturities")
    if s.empty_reason:
        return s
    mart = "marts.debt_maturities"
    year = _column(con, mart, ("maturity_year", "year"))
    amount = _column(con, mart, ("principal_outstanding_usd", "outstanding_principal_usd", "principal_usd"),
                     suffix="_usd")
    kind = _column(con, mart, ("instrument", "instrument_type", "type"))
    if not year or not amount:
        s.empty_reason = f"{mart} lacks a year or amount column"
        return s
    kind_sql = f"coalesce(cast({quote_ident(kind)} as varchar), 'other')" if kind else "'debt'"
    rows = _rows(con, f"select cast({quote_ident(year)} as varchar), {kind_sql}, sum({quote_ident(amount)})"
                      f" from {mart} where {quote_ident(amount)} is not null group by 1, 2 order by 1, 2")
    if not rows:
        s.empty_reason = f"{mart} has no rows"
        return s
    bars: dict[str, Bar] = {}
    for y, k, v in rows:
        bars.setdefault(y, Bar(str(y)[:4])).stack[k] = v
    s.svg = bar_chart(s.title, list(bars.values()), y_label="principal, USD")
    return s


def realization(con) -> Section:
    s = Section("realization", f"Realization against the network, trailing {TRAILING_MONTHS} months",
                "Reported production / expected production (the miner's hashrate x the network's daily hashvalue "
                "over the same days). Below 100%: downtime, curtailment, pool fees or luck.",
                ("marts.miner_vs_network",))
    rows = _rows(con, f"""
        select ticker, sum(btc_produced) / nullif(sum(expected_btc), 0), count(*)
        from ({OWN_PERIODS.format(mart='miner_vs_network')})
        where expected_btc > 0
          and period_end > (select max(period_end) from marts.miner_vs_network) - interval {TRAILING_MONTHS} month
        group by ticker order by 2 desc""")
    if not rows:
        s.empty_reason = "no production with a reported hashrate yet"
        return s
    bars = [Bar(t, r, note=f"{100 * r:.0f}% ({n} reports)") for t, r, n in rows]
    s.svg = bar_chart(s.title, bars, y_label="realization (1.0 = 100%)", horizontal=True,
                      rules=[(1.0, "100%")], value_format=lambda v: f"{v:.2f}")
    return s


def hashcost(con) -> Section:
    s = Section("hashcost", "Power hashcost against hashprice, latest report per miner",
                "Power-only hashcost (efficiency x 24 x power price, USD per PH/s per day) at each miner's latest "
                "report that gives both; the dashed rule is the network hashprice over the latest month.",
                ("marts.miner_vs_network", "marts.hashprice_daily"))
    rows = _rows(con, """
        select ticker, arg_max(power_hashcost_usd_per_ph_day, period_end), max(period_end)
        from marts.miner_vs_network where power_hashcost_usd_per_ph_day is not null
        group by ticker order by 2""")
    price = _rows(con, "select avg(hashprice_usd_per_ph_day) from marts.hashprice_daily"
                       " where day > (select max(day) from marts.hashprice_daily) - 30")
    if not rows:
        s.empty_reason = "no miner disclosed both efficiency and power cost yet"
        return s
    rules = [(price[0][0], f"hashprice ${price[0][0]:.1f}")] if price and price[0][0] else []
    s.svg = bar_chart(s.title, [Bar(t, v, note=f"${v:.1f} ({d})") for t, v, d in rows],
                      y_label="USD / PH/s / day", horizontal=True, rules=rules)
    return s


def hpc_capacity(con) -> Section:
    s = Section("hpc", "AI/HPC: contracted capacity by miner",
                "Critical IT MW under signed AI/HPC hosting contracts, per miner (current terms).",
                ("marts.hpc_contracts",))
    s.empty_reason = _missing(con, "marts.hpc_contracts")
    if s.empty_reason:
        return s
    mw = _column(con, "marts.hpc_contracts", ("contracted_critical_it_mw", "critical_it_mw", "contracted_mw"),
                 suffix="_mw")
    if not mw:
        s.empty_reason = "marts.hpc_contracts lacks an MW column"
        return s
    rows = _rows(con, f"select ticker, sum({quote_ident(mw)}) from marts.hpc_contracts"
                      f" where {quote_ident(mw)} is not null group by ticker order by 2 desc")
    if not rows:
        s.empty_reason = "marts.hpc_contracts has no rows"
        return s
    s.svg = bar_chart(s.title, [Bar(t, v, note=f"{v:,.0f} MW") for t, v in rows], y_label="MW", horizontal=True)
    return s


def hpc_revenue_share(con) -> Section:
    s = Section("hpc-revenue", "AI/HPC share of revenue, latest quarter per miner",
                "HPC revenue as a share of total revenue at each miner's latest reported quarter.",
                ("marts.miner_revenue_mix_quarterly",))
    mart = "marts.miner_revenue_mix_quarterly"
    s.empty_reason = _missing(con, mart)
    if s.empty_reason:
        return s
    share = _column(con, mart, ("hpc_share_of_revenue_pct", "hpc_share_pct", "hpc_revenue_share_pct"),
                    suffix="share_pct")
    quarter = _column(con, mart, ("quarter_end", "period_end"))
    if not share or not quarter:
        s.empty_reason = f"{mart} lacks a share or quarter column"
        return s
    rows = _rows(con, f"select ticker, arg_max({quote_ident(share)}, {quote_ident(quarter)}) from {mart}"
                      f" where {quote_ident(share)} is not null group by ticker order by 2 desc")
    if not rows:
        s.empty_reason = f"{mart} has no rows"
        return s
    s.svg = bar_chart(s.title, [Bar(t, v, note=f"{v:.0f}%") for t, v in rows], y_label="% of revenue",
                      horizontal=True, value_format=lambda v: f"{v:.0f}%")
    return s


SECTIONS = (hashprice_history, production_by_miner, sell_ratio_by_miner, btc_held, realization, hashcost,
            industry_debt, leverage_ranking, maturity_wall, hpc_capacity, hpc_revenue_share)


def _quarter_label(value) -> str:
    if isinstance(value, (date, datetime)):
        return f"{value.year}Q{(value.month - 1) // 3 + 1}"
    return str(value)


# --- page ----------------------------------------------------------------------------------------
CHECK_SCRIPT = """
// Count, after layout, the marks each chart drew (a mark with an empty box did not draw).
window.addEventListener('load', function () {
  var total = 0;
  document.querySelectorAll('figure.chart').forEach(function (fig) {
    var drawn = 0;
    fig.querySelectorAll('svg .mark').forEach(function (m) {
      var b = m.getBBox();
      if (b.width > 0 || b.height > 0) { drawn += 1; }
    });
    fig.setAttribute('data-drawn-marks', String(drawn));
    total += drawn;
  });
  document.body.setAttribute('data-charts-checked', String(total));
});
"""

STYLE = """
body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 24px auto; max-width: 820px;
       color: #222; }
h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin: 28px 0 6px; }
.meta, figcaption, .empty, .source { color: #555; font-size: 13px; }
figure { margin: 0; } .empty { border: 1px dashed #bbb; padding: 14px; background: #fcfcfc; }
nav a { margin-right: 10px; font-size: 13px; } code { font-size: 12px; }
"""


def _meta(con) -> dict:
    run = _rows(con, "select run_id, status, finished_at from ops.runs where status != 'running'"
                     " order by started_at desc limit 1")
    day = _rows(con, "select max(day) from marts.hashprice_daily") if has_relation(con, "marts.hashprice_daily") \
        else [(None,)]
    return {"run": run[0] if run else None, "network_through": day[0][0]}


def render_report(con: duckdb.DuckDBPyConnection, generated_at: datetime | None = None) -> tuple[str, list[Section]]:
    """The HTML page and its sections (with their status)."""
    sections = [build(con) for build in SECTIONS]
    meta = _meta(con)
    generated_at = generated_at or datetime.now(timezone.utc)
    run = meta["run"]
    run_line = (f"last run {escape(run[0])} ({escape(run[1])}, finished {run[2]:%Y-%m-%d %H:%M} UTC)"
                if run else "no run recorded")
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             "<title>minerwatch report</title>", f"<style>{STYLE}</style></head><body>",
             "<h1>minerwatch: Bitcoin miners and the network</h1>",
             f'<p class="meta">Generated {generated_at:%Y-%m-%d %H:%M} UTC from the published warehouse; '
             f"network data through {meta['network_through'] or '-'}; {run_line}. Every figure traces to its "
             "source document: <code>minerwatch explain TABLE KEY=VALUE</code>.</p>",
             "<nav>" + "".join(f'<a href="#{s.key}">{escape(s.title.split(",")[0])}</a>' for s in sections) + "</nav>"]
    for s in sections:
        parts.append(f'<section id="{s.key}"><h2>{escape(s.title)}</h2>')
        if s.svg:
            parts.append(f'<figure class="chart" data-chart="{s.key}">{s.svg}'
                         f"<figcaption>{escape(s.caption)}</figcaption></figure>")
        else:
            parts.append(f'<div class="empty" data-chart="{s.key}" data-status="no-data">No data yet: '
                         f"{escape(s.empty_reason or 'nothing to show')}.</div>")
        parts.append(f'<p class="source">Source: {", ".join(f"<code>{escape(m)}</code>" for m in s.sources)}</p>'
                     "</section>")
    parts.append(f"<script>{CHECK_SCRIPT}</script></body></html>")
    return "\n".join(parts) + "\n", sections


def write_report(con: duckdb.DuckDBPyConnection, out: Path) -> dict:
    """Write the report to `out` (atomically); return {"path", "bytes", "sections": {key: status}}."""
    html, sections = render_report(con)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(out)
    return {"path": str(out), "bytes": out.stat().st_size,
            "sections": {s.key: s.status for s in sections},
            "empty": {s.key: s.empty_reason for s in sections if not s.svg}}
