-- The production panel as known on a day, derived straight from staging (the definition that
-- marts.miner_production_asof had before the panel's versions were materialised). Tests compare the
-- materialised macro with it on many days; it is slow by design (windows over every fact per call).
create or replace macro reference_miner_production_asof(as_of) as table
with
facts as (
    select f.*
    from staging.production_facts as f
    anti join ops.held_back as h
        on h.table_name = 'staging.production_facts'
        and h.ticker = f.ticker
        and h.period_type = f.period_type
        and h.period_end = f.period_end
        and h.metric = f.metric
        and h.document_hash = f.document_hash
    where f.filing_date <= as_of
      and f.value is not null
),

ranked as (
    select
        *,
        row_number() over (
            partition by ticker, period_type, period_end, metric
            order by filing_date desc, is_reporting_period desc, accession desc
        ) as newest_first,
        row_number() over (
            partition by ticker, period_type, period_end, metric
            order by filing_date, is_reporting_period desc, accession
        ) as oldest_first
    from facts
),

per_metric as (
    select
        ticker,
        period_type,
        period_end,
        metric,
        min(period_start) as period_start,
        max(value) filter (where newest_first = 1) as latest_value,
        max(value) filter (where oldest_first = 1) as first_value,
        min(filing_date) as first_reported_on,
        max(filing_date) as last_reported_on,
        max(evidence) filter (where newest_first = 1) as evidence,
        max(document_hash) filter (where newest_first = 1) as document_hash,
        max(accession) filter (where newest_first = 1) as accession,
        bool_or(is_reporting_period) as reported_as_own_period
    from ranked
    group by all
),

final as (
    select
        ticker,
        period_type,
        min(period_start) as period_start,
        period_end,
        max(latest_value) filter (where metric = 'btc_produced') as btc_produced,
        max(latest_value) filter (where metric = 'btc_produced_per_day') as btc_produced_per_day,
        max(latest_value) filter (where metric = 'btc_held') as btc_held,
        max(latest_value) filter (where metric = 'btc_held_restricted') as btc_held_restricted,
        max(latest_value) filter (where metric = 'btc_sold') as btc_sold,
        max(latest_value) filter (where metric = 'btc_sale_proceeds_usd') as btc_sale_proceeds_usd,
        max(latest_value) filter (where metric = 'btc_avg_sale_price_usd') as btc_avg_sale_price_usd,
        max(latest_value) filter (where metric = 'hashrate_deployed_ehs') as hashrate_deployed_ehs,
        max(latest_value) filter (where metric = 'hashrate_operating_ehs') as hashrate_operating_ehs,
        max(latest_value) filter (where metric = 'efficiency_j_per_th') as efficiency_j_per_th,
        max(latest_value) filter (where metric = 'power_cost_usd_per_kwh') as power_cost_usd_per_kwh,
        max(latest_value) filter (where metric = 'power_credits_usd') as power_credits_usd,
        max(first_value) filter (where metric = 'btc_produced') as btc_produced_first_reported,
        max(first_value) filter (where metric = 'btc_produced_per_day') as btc_produced_per_day_first_reported,
        max(first_value) filter (where metric = 'btc_held') as btc_held_first_reported,
        max(first_value) filter (where metric = 'btc_held_restricted') as btc_held_restricted_first_reported,
        max(first_value) filter (where metric = 'btc_sold') as btc_sold_first_reported,
        max(first_value) filter (where metric = 'btc_sale_proceeds_usd') as btc_sale_proceeds_usd_first_reported,
        max(first_value) filter (where metric = 'btc_avg_sale_price_usd') as btc_avg_sale_price_usd_first_reported,
        max(first_value) filter (where metric = 'hashrate_deployed_ehs') as hashrate_deployed_ehs_first_reported,
        max(first_value) filter (where metric = 'hashrate_operating_ehs') as hashrate_operating_ehs_first_reported,
        max(first_value) filter (where metric = 'efficiency_j_per_th') as efficiency_j_per_th_first_reported,
        max(first_value) filter (where metric = 'power_cost_usd_per_kwh') as power_cost_usd_per_kwh_first_reported,
        max(first_value) filter (where metric = 'power_credits_usd') as power_credits_usd_first_reported,
        min(first_reported_on) as first_reported_on,
        max(last_reported_on) as last_reported_on,
        coalesce(bool_or(latest_value is distinct from first_value), false) as revised,
        coalesce(list(metric order by metric) filter (where latest_value is distinct from first_value), [])
            as revised_metrics,
        to_json(map(list(metric order by metric), list(first_value order by metric))) as first_reported,
        to_json(map(list(metric order by metric), list(evidence order by metric))) as evidence,
        to_json(map(list(metric order by metric), list(accession order by metric))) as source_accessions,
        to_json(map(list(metric order by metric), list(document_hash order by metric))) as source_document_hashes,
        max(accession) filter (where last_reported_on = latest_filing) as latest_accession,
        bool_or(reported_as_own_period) as reported_as_own_period
    from (
        select *, max(last_reported_on) over (partition by ticker, period_type, period_end) as latest_filing
        from per_metric
    )
    group by ticker, period_type, period_end
),

-- A quarter seen only as a comparison column (Riot's Q1 2026 update shows Q4 2025 beside it) whose three
-- months the miner reported one by one adds no figure of its own: the months are the panel, so it stays
-- in staging.production_facts and out of the panel (one row per ticker and period end).
months_reported as (
    select
        q.ticker,
        q.period_end
    from final as q
    join final as m
        on m.ticker = q.ticker
        and m.period_type = 'month'
        and m.reported_as_own_period
        and m.period_end between q.period_start and q.period_end
    where q.period_type = 'quarter'
      and not q.reported_as_own_period
    group by q.ticker, q.period_end
    having count(*) = 3
)

select f.*
from final as f
anti join months_reported as r
    on r.ticker = f.ticker
    and f.period_type = 'quarter'
    and r.period_end = f.period_end;
