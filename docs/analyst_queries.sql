-- minerwatch: analyst queries, run and checked by tests/docs/test_analyst_queries.py against a
-- warehouse the offline pipeline built. Open the warehouse read-only and paste any of them:
--   duckdb -readonly data/minerwatch.duckdb        or   minerwatch sql "<query>"
-- Each query starts with a header: name, the question it answers, and the marts it needs
-- ("requires"); a query whose marts do not exist yet is skipped by the tests with that reason.
-- Column meanings, units and formulas: docs/data_dictionary.md.

-- name: hashprice_on_a_day
-- question: What was the network hashprice on 2025-11-22, and which documents is it computed from?
-- requires: marts.hashprice_daily, marts.source_documents
select
    h.day,
    h.hashprice_usd_per_ph_day,
    h.hashvalue_btc_per_ph_day,
    h.btc_price_usd,
    h.difficulty,
    d.url as difficulty_document_url,
    d.first_fetched_at as difficulty_fetched_at
from marts.hashprice_daily as h
join marts.source_documents as d
    on d.document_hash = (h.source_document_hashes ->> 'difficulty')
where h.day = date '2025-11-22';

-- name: hashprice_vs_power_hashcost
-- question: At each miner's latest report, how does its power-only hashcost compare with the network hashprice?
-- requires: marts.miner_vs_network
select
    ticker,
    period_type,
    period_end,
    efficiency_j_per_th,
    power_cost_usd_per_kwh,
    power_hashcost_usd_per_ph_day,
    network_hashprice_usd_per_ph_day,
    network_hashprice_usd_per_ph_day - power_hashcost_usd_per_ph_day as power_margin_usd_per_ph_day,
    power_hashcost_to_hashprice_pct
from marts.miner_vs_network
where power_hashcost_usd_per_ph_day is not null
qualify row_number() over (partition by ticker order by period_end desc, period_type) = 1
order by power_hashcost_to_hashprice_pct desc;

-- name: sell_ratio_over_time
-- question: How much of what each miner mines does it sell, period by period and year to date?
-- requires: marts.btc_sales
select
    ticker,
    period_type,
    period_end,
    btc_produced,
    btc_sold,
    sell_ratio,
    sum(btc_sold) over ytd / nullif(sum(btc_produced) over ytd, 0) as sell_ratio_ytd,
    avg_price_usd,
    price_vs_market_pct
from marts.btc_sales
where btc_produced is not null
window ytd as (partition by ticker, period_type, year(period_end) order by period_end)
order by ticker, period_type, period_end;

-- name: realization_vs_network
-- question: How much of what its hashrate should have earned on the network did each miner report mining?
-- requires: marts.miner_vs_network
select
    ticker,
    period_type,
    period_start,
    period_end,
    hashrate_basis,
    hashrate_basis_ehs,
    btc_produced,
    expected_btc,
    realization,
    realized_hashrate_ehs,
    full_period_covered
from marts.miner_vs_network
where expected_btc > 0
order by ticker, period_type, period_end;

-- name: btc_held_latest
-- question: How much BTC does each miner hold at its latest report, and how many months of production is that?
-- requires: marts.miner_production
with
latest as (
    select
        ticker,
        period_end,
        btc_held,
        btc_held_restricted
    from marts.miner_production
    where btc_held is not null
    qualify row_number() over (partition by ticker order by period_end desc, period_type) = 1
),

monthly_production as (
    select
        ticker,
        avg(btc_produced * 30.4375 / (period_end - period_start + 1)) as btc_produced_per_month
    from marts.miner_production
    where btc_produced is not null
      and period_end > (select max(period_end) from marts.miner_production) - interval 12 month
    group by ticker
)

select
    l.ticker,
    l.period_end,
    l.btc_held,
    l.btc_held_restricted,
    l.btc_held / nullif(m.btc_produced_per_month, 0) as months_of_production_held
from latest as l
left join monthly_production as m using (ticker)
order by l.btc_held desc;

-- name: known_on_a_day
-- question: What had each miner disclosed by 2025-10-15 (as of that day), first-reported beside latest?
-- requires: marts.miner_production_asof
select
    ticker,
    period_type,
    period_end,
    btc_produced,
    btc_produced_first_reported,
    btc_sold,
    btc_sold_first_reported,
    revised,
    revised_metrics,
    last_reported_on
from marts.miner_production_asof(date '2025-10-15')
order by ticker, period_type, period_end;

-- name: trace_a_figure
-- question: Which filing, exhibit and sentence did Riot's December 2025 BTC sold come from?
-- requires: marts.miner_production, marts.source_documents
select
    p.ticker,
    p.period_end,
    p.btc_sold,
    p.evidence ->> 'btc_sold' as evidence,
    d.accession,
    d.form,
    d.exhibit_type,
    d.filing_date,
    d.url,
    d.first_fetched_at,
    d.document_hash,
    d.archive_path
from marts.miner_production as p
join marts.source_documents as d
    on d.document_hash = (p.source_document_hashes ->> 'btc_sold')
where p.ticker = 'RIOT'
  and p.period_type = 'month'
  and p.period_end = date '2025-12-31';

-- name: last_run_changes
-- question: What did the last run insert, revise or retract?
-- requires: marts.change_log
select
    table_name,
    change_kind,
    count(*) as changes,
    count(distinct entity) as entities,
    min(period_end) as first_period,
    max(period_end) as last_period
from marts.change_log
where run_id = (select run_id from ops.runs where status != 'running' order by started_at desc limit 1)
group by all
order by table_name, change_kind;

-- name: leverage_ranking
-- question: Which miners are most levered at their latest quarter end?
-- requires: marts.miner_leverage_quarterly
select
    ticker,
    quarter_end,
    total_debt_usd,
    debt_carrying_usd,
    cash_usd,
    net_debt_usd,
    debt_to_equity,
    debt_to_btc_value,
    debt_per_ehs,
    convertible_share_pct
from marts.miner_leverage_quarterly
where total_debt_usd is not null
qualify row_number() over (partition by ticker order by quarter_end desc) = 1
order by debt_to_equity desc nulls last, total_debt_usd desc;

-- name: industry_debt
-- question: How has the tracked miners' total debt grown, quarter by quarter?
-- requires: marts.industry_debt_quarterly
select
    quarter_end,
    total_debt_usd,
    new_issuance_usd,
    miners_reporting,
    total_debt_usd - lag(total_debt_usd) over (order by quarter_end) as change_usd
from marts.industry_debt_quarterly
order by quarter_end;

-- name: maturity_wall
-- question: How much principal falls due in each year, by instrument type?
-- requires: marts.debt_maturities
select
    maturity_year,
    instrument,
    outstanding_principal_usd,
    instruments,
    tickers,
    weighted_coupon_pct,
    sum(outstanding_principal_usd) over (partition by maturity_year) as year_total_usd
from marts.debt_maturities
order by maturity_year, instrument;

-- name: hpc_capacity_without_tenants
-- question: Who has AI/HPC capacity built or being built without a signed tenant?
-- requires: marts.hpc_uncontracted_capacity
select
    ticker,
    quarter_end,
    hpc_built_or_building_mw,
    contracted_critical_it_mw,
    uncontracted_mw,
    tenants
from marts.hpc_uncontracted_capacity
where is_latest_quarter
  and uncontracted_mw > 0
order by uncontracted_mw desc;
