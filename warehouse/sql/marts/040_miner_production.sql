-- marts.miner_production: each miner's production panel, one row per (ticker, period_type,
-- period_end), the latest disclosed value of each figure; marts.miner_production_asof(d) gives
-- the panel as it was known on day d, with the first-reported values beside the latest
-- (<metric>_first_reported: the value the first document to disclose it gave, on or before d).
-- marts.miner_production_versions: the panel row as it stood after each filing that disclosed a figure of
-- it, valid from that filing date until the next one (valid_to null: still current). Built with the marts so
-- that marts.miner_production_asof(d) is a range filter (valid_from <= d < valid_to) instead of re-deriving
-- the panel from staging on every call.
create or replace table marts.miner_production_versions as
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
    where f.value is not null
),

-- each date on which a document disclosed a figure of the row: the row's versions
row_dates as (
    select distinct ticker, period_type, period_end, filing_date as as_of
    from facts
),

scoped as (
    select d.as_of, f.*
    from row_dates as d
    join facts as f
        on f.ticker = d.ticker
        and f.period_type = d.period_type
        and f.period_end = d.period_end
        and f.filing_date <= d.as_of
),

ranked as (
    select
        *,
        row_number() over (
            partition by as_of, ticker, period_type, period_end, metric
            order by filing_date desc, is_reporting_period desc, accession desc
        ) as newest_first,
        row_number() over (
            partition by as_of, ticker, period_type, period_end, metric
            order by filing_date, is_reporting_period desc, accession
        ) as oldest_first
    from scoped
),

per_metric as (
    select
        as_of,
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
        as_of,
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
        select *, max(last_reported_on) over (partition by as_of, ticker, period_type, period_end) as latest_filing
        from per_metric
    )
    group by as_of, ticker, period_type, period_end
)

select
    * exclude (as_of),
    as_of as valid_from,
    lead(as_of) over (partition by ticker, period_type, period_end order by as_of) as valid_to
from final
order by ticker, period_type, period_end, valid_from;

create or replace macro marts.miner_production_asof(as_of) as table
with
final as (
    select * exclude (valid_from, valid_to)
    from marts.miner_production_versions
    where valid_from <= as_of
      and (valid_to is null or valid_to > as_of)
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

create or replace table marts.miner_production as
select *
from marts.miner_production_asof(date '9999-12-31')
order by ticker, period_type, period_end;

comment on table marts.miner_production_versions is 'The production panel''s history: each (ticker, period_type, period_end) row as it stood after each filing that disclosed one of its figures, valid from valid_from (that filing date) until valid_to (the next such filing; null while current). Same columns as marts.miner_production plus the validity interval; marts.miner_production_asof(d) selects the version valid on d (a quarter shown only as a comparison column is left out there when its three months were reported, as in the panel).';
comment on column marts.miner_production_versions.valid_from is 'Filing date from which this version of the row is what the public could know.';
comment on column marts.miner_production_versions.valid_to is 'Filing date of the next document that changed or confirmed a figure of the row (exclusive); null for the current version.';
comment on column marts.miner_production_versions.ticker is 'Miner ticker (registry/miners.csv, staging.miners).';
comment on column marts.miner_production_versions.period_type is 'month or quarter: the miner''s reporting cadence for this figure (a miner can switch).';
comment on column marts.miner_production_versions.period_start is 'First UTC day of the period.';
comment on column marts.miner_production_versions.period_end is 'Last UTC day of the period.';
comment on column marts.miner_production_versions.btc_produced is 'BTC mined in the period (as reported; net of pool fees where the miner says so). Latest disclosed value.';
comment on column marts.miner_production_versions.btc_produced_per_day is 'Average BTC mined per day in the period, as reported. Latest disclosed value.';
comment on column marts.miner_production_versions.btc_held is 'BTC held at period end, including restricted, pledged or loaned BTC where the miner counts them. Latest disclosed value.';
comment on column marts.miner_production_versions.btc_held_restricted is 'Part of btc_held that is restricted, pledged as collateral or loaned, where disclosed. Latest disclosed value.';
comment on column marts.miner_production_versions.btc_sold is 'BTC sold in the period (CleanSpark words it as converted for operations and growth). Latest disclosed value.';
comment on column marts.miner_production_versions.btc_sale_proceeds_usd is 'Net proceeds of the BTC sold in the period, USD. Latest disclosed value.';
comment on column marts.miner_production_versions.btc_avg_sale_price_usd is 'Average net price per BTC sold, USD, as reported (not derived here; see marts.btc_sales). Latest disclosed value.';
comment on column marts.miner_production_versions.hashrate_deployed_ehs is 'Deployed (installed, energized) hashrate at period end, EH/s. Latest disclosed value.';
comment on column marts.miner_production_versions.hashrate_operating_ehs is 'Average operating hashrate over the period, EH/s. Latest disclosed value.';
comment on column marts.miner_production_versions.efficiency_j_per_th is 'Fleet efficiency, J/TH (= W per TH/s). Latest disclosed value.';
comment on column marts.miner_production_versions.power_cost_usd_per_kwh is 'All-in power cost, USD per kWh (reported in cents per kWh and divided by 100). Latest disclosed value.';
comment on column marts.miner_production_versions.power_credits_usd is 'Power curtailment and demand-response credits in the period, USD. Latest disclosed value.';
comment on column marts.miner_production_versions.btc_produced_first_reported is 'First-reported btc_produced: the value the earliest filing that disclosed it gave (a later prior-period column or restatement may differ; the latest is in btc_produced).';
comment on column marts.miner_production_versions.btc_produced_per_day_first_reported is 'First-reported btc_produced_per_day: the value the earliest filing that disclosed it gave (a later prior-period column or restatement may differ; the latest is in btc_produced_per_day).';
comment on column marts.miner_production_versions.btc_held_first_reported is 'First-reported btc_held: the value the earliest filing that disclosed it gave (a later prior-period column or restatement may differ; the latest is in btc_held).';
comment on column marts.miner_production_versions.btc_held_restricted_first_reported is 'First-reported btc_held_restricted: the value the earliest filing that disclosed it gave (a later prior-period column or restatement may differ; the latest is in btc_held_restricted).';
comment on column marts.miner_production_versions.btc_sold_first_reported is 'First-reported btc_sold: the value the earliest filing that disclosed it gave (a later prior-period column or restatement may differ; the latest is in btc_sold).';
comment on column marts.miner_production_versions.btc_sale_proceeds_usd_first_reported is 'First-reported btc_sale_proceeds_usd: the value the earliest filing that disclosed it gave (a later prior-period column or restatement may differ; the latest is in btc_sale_proceeds_usd).';
comment on column marts.miner_production_versions.btc_avg_sale_price_usd_first_reported is 'First-reported btc_avg_sale_price_usd: the value the earliest filing that disclosed it gave (a later prior-period column or restatement may differ; the latest is in btc_avg_sale_price_usd).';
comment on column marts.miner_production_versions.hashrate_deployed_ehs_first_reported is 'First-reported hashrate_deployed_ehs: the value the earliest filing that disclosed it gave (a later prior-period column or restatement may differ; the latest is in hashrate_deployed_ehs).';
comment on column marts.miner_production_versions.hashrate_operating_ehs_first_reported is 'First-reported hashrate_operating_ehs: the value the earliest filing that disclosed it gave (a later prior-period column or restatement may differ; the latest is in hashrate_operating_ehs).';
comment on column marts.miner_production_versions.efficiency_j_per_th_first_reported is 'First-reported efficiency_j_per_th: the value the earliest filing that disclosed it gave (a later prior-period column or restatement may differ; the latest is in efficiency_j_per_th).';
comment on column marts.miner_production_versions.power_cost_usd_per_kwh_first_reported is 'First-reported power_cost_usd_per_kwh: the value the earliest filing that disclosed it gave (a later prior-period column or restatement may differ; the latest is in power_cost_usd_per_kwh).';
comment on column marts.miner_production_versions.power_credits_usd_first_reported is 'First-reported power_credits_usd: the value the earliest filing that disclosed it gave (a later prior-period column or restatement may differ; the latest is in power_credits_usd).';
comment on column marts.miner_production_versions.first_reported_on is 'Filing date of the first document that disclosed any figure of this period.';
comment on column marts.miner_production_versions.last_reported_on is 'Filing date of the latest document that disclosed a figure of this period.';
comment on column marts.miner_production_versions.revised is 'True when a later document changed a figure from its first-reported value.';
comment on column marts.miner_production_versions.revised_metrics is 'Figures whose latest value differs from the first-reported one.';
comment on column marts.miner_production_versions.first_reported is 'JSON: figure -> first-reported value (compare with the latest value in its column).';
comment on column marts.miner_production_versions.evidence is 'JSON: figure -> the sentence or table cell the latest value was read from.';
comment on column marts.miner_production_versions.source_accessions is 'JSON: figure -> SEC accession number of the filing the latest value came from (raw.documents and staging.production_facts join on it).';
comment on column marts.miner_production_versions.source_document_hashes is 'JSON: figure -> sha256 of the exhibit the latest value came from (raw.documents.document_hash).';
comment on column marts.miner_production_versions.latest_accession is 'Accession of the latest filing that disclosed figures of this period.';
comment on column marts.miner_production_versions.reported_as_own_period is 'True when some document reported this period as its own (not only as a comparison column).';
comment on macro table marts.miner_production_asof is 'The production panel as the public could know it on a day: only filings made on or before as_of count. Same columns as marts.miner_production (latest value per figure as of that day, <figure>_first_reported beside it, revised and revised_metrics). Example: select ticker, period_end, btc_sold, btc_sold_first_reported from marts.miner_production_asof(DATE ''2025-10-15'').';
comment on table marts.miner_production is 'Miner production panel: one row per (ticker, period_type, period_end) with the latest disclosed value of each figure (prior-period columns of later reports count as disclosures, so revisions win); facts held back by data checks (ops.held_back) are left out, and so is a quarter that appears only as a comparison column when the miner reported each of its three months (the months are the panel; the quarter stays in staging.production_facts). As known on a past day: select * from marts.miner_production_asof(DATE ''2025-10-15'').';
comment on column marts.miner_production.ticker is 'Miner ticker (registry/miners.csv, staging.miners).';
comment on column marts.miner_production.period_type is 'month or quarter: the miner''s reporting cadence for this figure (a miner can switch).';
comment on column marts.miner_production.period_start is 'First UTC day of the period.';
comment on column marts.miner_production.period_end is 'Last UTC day of the period.';
comment on column marts.miner_production.btc_produced is 'BTC mined in the period (as reported; net of pool fees where the miner says so). Latest disclosed value.';
comment on column marts.miner_production.btc_produced_per_day is 'Average BTC mined per day in the period, as reported. Latest disclosed value.';
comment on column marts.miner_production.btc_held is 'BTC held at period end, including restricted, pledged or loaned BTC where the miner counts them. Latest disclosed value.';
comment on column marts.miner_production.btc_held_restricted is 'Part of btc_held that is restricted, pledged as collateral or loaned, where disclosed. Latest disclosed value.';
comment on column marts.miner_production.btc_sold is 'BTC sold in the period (CleanSpark words it as converted for operations and growth). Latest disclosed value.';
comment on column marts.miner_production.btc_sale_proceeds_usd is 'Net proceeds of the BTC sold in the period, USD. Latest disclosed value.';
comment on column marts.miner_production.btc_avg_sale_price_usd is 'Average net price per BTC sold, USD, as reported (not derived here; see marts.btc_sales). Latest disclosed value.';
comment on column marts.miner_production.hashrate_deployed_ehs is 'Deployed (installed, energized) hashrate at period end, EH/s. Latest disclosed value.';
comment on column marts.miner_production.hashrate_operating_ehs is 'Average operating hashrate over the period, EH/s. Latest disclosed value.';
comment on column marts.miner_production.efficiency_j_per_th is 'Fleet efficiency, J/TH (= W per TH/s). Latest disclosed value.';
comment on column marts.miner_production.power_cost_usd_per_kwh is 'All-in power cost, USD per kWh (reported in cents per kWh and divided by 100). Latest disclosed value.';
comment on column marts.miner_production.power_credits_usd is 'Power curtailment and demand-response credits in the period, USD. Latest disclosed value.';
comment on column marts.miner_production.btc_produced_first_reported is 'First-reported btc_produced: the value the earliest filing that disclosed it gave (a later prior-period column or restatement may differ; the latest is in btc_produced).';
comment on column marts.miner_production.btc_produced_per_day_first_reported is 'First-reported btc_produced_per_day: the value the earliest filing that disclosed it gave (a later prior-period column or restatement may differ; the latest is in btc_produced_per_day).';
comment on column marts.miner_production.btc_held_first_reported is 'First-reported btc_held: the value the earliest filing that disclosed it gave (a later prior-period column or restatement may differ; the latest is in btc_held).';
comment on column marts.miner_production.btc_held_restricted_first_reported is 'First-reported btc_held_restricted: the value the earliest filing that disclosed it gave (a later prior-period column or restatement may differ; the latest is in btc_held_restricted).';
comment on column marts.miner_production.btc_sold_first_reported is 'First-reported btc_sold: the value the earliest filing that disclosed it gave (a later prior-period column or restatement may differ; the latest is in btc_sold).';
comment on column marts.miner_production.btc_sale_proceeds_usd_first_reported is 'First-reported btc_sale_proceeds_usd: the value the earliest filing that disclosed it gave (a later prior-period column or restatement may differ; the latest is in btc_sale_proceeds_usd).';
comment on column marts.miner_production.btc_avg_sale_price_usd_first_reported is 'First-reported btc_avg_sale_price_usd: the value the earliest filing that disclosed it gave (a later prior-period column or restatement may differ; the latest is in btc_avg_sale_price_usd).';
comment on column marts.miner_production.hashrate_deployed_ehs_first_reported is 'First-reported hashrate_deployed_ehs: the value the earliest filing that disclosed it gave (a later prior-period column or restatement may differ; the latest is in hashrate_deployed_ehs).';
comment on column marts.miner_production.hashrate_operating_ehs_first_reported is 'First-reported hashrate_operating_ehs: the value the earliest filing that disclosed it gave (a later prior-period column or restatement may differ; the latest is in hashrate_operating_ehs).';
comment on column marts.miner_production.efficiency_j_per_th_first_reported is 'First-reported efficiency_j_per_th: the value the earliest filing that disclosed it gave (a later prior-period column or restatement may differ; the latest is in efficiency_j_per_th).';
comment on column marts.miner_production.power_cost_usd_per_kwh_first_reported is 'First-reported power_cost_usd_per_kwh: the value the earliest filing that disclosed it gave (a later prior-period column or restatement may differ; the latest is in power_cost_usd_per_kwh).';
comment on column marts.miner_production.power_credits_usd_first_reported is 'First-reported power_credits_usd: the value the earliest filing that disclosed it gave (a later prior-period column or restatement may differ; the latest is in power_credits_usd).';
comment on column marts.miner_production.first_reported_on is 'Filing date of the first document that disclosed any figure of this period.';
comment on column marts.miner_production.last_reported_on is 'Filing date of the latest document that disclosed a figure of this period.';
comment on column marts.miner_production.revised is 'True when a later document changed a figure from its first-reported value.';
comment on column marts.miner_production.revised_metrics is 'Figures whose latest value differs from the first-reported one.';
comment on column marts.miner_production.first_reported is 'JSON: figure -> first-reported value (compare with the latest value in its column).';
comment on column marts.miner_production.evidence is 'JSON: figure -> the sentence or table cell the latest value was read from.';
comment on column marts.miner_production.source_accessions is 'JSON: figure -> SEC accession number of the filing the latest value came from (raw.documents and staging.production_facts join on it).';
comment on column marts.miner_production.source_document_hashes is 'JSON: figure -> sha256 of the exhibit the latest value came from (raw.documents.document_hash).';
comment on column marts.miner_production.latest_accession is 'Accession of the latest filing that disclosed figures of this period.';
comment on column marts.miner_production.reported_as_own_period is 'True when some document reported this period as its own (not only as a comparison column).';
