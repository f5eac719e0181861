-- marts.miner_capacity_mix_quarterly: per miner and calendar quarter, power capacity by use
-- (self-mining, hosting, AI/HPC) and energized vs under construction, each figure the latest one
-- stated for a day inside the quarter (capacity is a stock: the quarter shows where it ended).
create or replace table marts.miner_capacity_mix_quarterly as
with
facts as (
    select f.*
    from staging.capacity_mix as f
    anti join ops.held_back as h
        on h.table_name = 'staging.capacity_mix'
        and h.ticker = f.ticker
        and h.period_type = f.period_type
        and h.period_end = f.period_end
        and h.metric = f.metric
        and h.document_hash = f.document_hash
    where f.value is not null
),

-- one value per (ticker, day, metric): the latest disclosure of it
per_day as (
    select *
    from facts
    qualify row_number() over (
        partition by ticker, period_end, metric
        order by filing_date desc, accession desc, period_type
    ) = 1
),

-- one value per (ticker, quarter, metric): the one stated for the latest day of the quarter
per_quarter as (
    select
        *,
        date_trunc('quarter', period_end)::date as quarter_start
    from per_day
    qualify row_number() over (
        partition by ticker, date_trunc('quarter', period_end), metric
        order by period_end desc, filing_date desc
    ) = 1
),

pivoted as (
    select
        ticker,
        quarter_start,
        max(value) filter (where metric = 'self_mining_mw') as self_mining_mw,
        max(value) filter (where metric = 'hosting_mw') as hosting_mw,
        max(value) filter (where metric = 'hpc_mw') as hpc_mw,
        max(value) filter (where metric = 'energized_mw') as energized_mw,
        max(value) filter (where metric = 'under_construction_mw') as under_construction_mw,
        max(value) filter (where metric = 'hpc_under_construction_mw') as hpc_under_construction_mw,
        max(period_end) as as_of_date,
        to_json(map(list(metric order by metric), list(period_end order by metric))) as as_of,
        to_json(map(list(metric order by metric), list(evidence order by metric))) as evidence,
        to_json(map(list(metric order by metric), list(accession order by metric))) as source_accessions,
        max(filing_date) as last_reported_on
    from per_quarter
    group by ticker, quarter_start
),

final as (
    select
        ticker,
        strftime(quarter_start, '%Y') || '-Q' || quarter(quarter_start) as quarter,
        quarter_start,
        last_day(quarter_start + interval 2 month)::date as quarter_end,
        self_mining_mw,
        hosting_mw,
        hpc_mw,
        case when coalesce(self_mining_mw, hosting_mw, hpc_mw) is not null
             then coalesce(self_mining_mw, 0) + coalesce(hosting_mw, 0) + coalesce(hpc_mw, 0)
        end as uses_total_mw,
        energized_mw,
        under_construction_mw,
        hpc_under_construction_mw,
        case when coalesce(hpc_mw, hpc_under_construction_mw) is not null
             then coalesce(hpc_mw, 0) + coalesce(hpc_under_construction_mw, 0)
        end as hpc_built_or_building_mw,
        100.0 * hpc_mw / nullif(coalesce(energized_mw,
            case when coalesce(self_mining_mw, hosting_mw, hpc_mw) is not null
                 then coalesce(self_mining_mw, 0) + coalesce(hosting_mw, 0) + coalesce(hpc_mw, 0) end), 0)
            as hpc_share_of_energized_pct,
        as_of_date,
        as_of,
        evidence,
        source_accessions,
        last_reported_on
    from pivoted
)

select *
from final
order by ticker, quarter_start;

comment on table marts.miner_capacity_mix_quarterly is 'Power capacity by use per miner and calendar quarter (self-mining, hosting, AI/HPC; energized vs under construction), from results releases and production updates. Each figure is the latest stated for a day inside the quarter; facts held back by data checks are left out.';
comment on column marts.miner_capacity_mix_quarterly.ticker is 'Miner ticker (registry/miners.csv).';
comment on column marts.miner_capacity_mix_quarterly.quarter is 'Calendar quarter, YYYY-Qn (fiscal quarters are placed on the calendar by their dates).';
comment on column marts.miner_capacity_mix_quarterly.quarter_start is 'First day of the quarter.';
comment on column marts.miner_capacity_mix_quarterly.quarter_end is 'Last day of the quarter.';
comment on column marts.miner_capacity_mix_quarterly.self_mining_mw is 'Energized power capacity used for the miner''s own bitcoin mining, MW, as stated (latest day in the quarter).';
comment on column marts.miner_capacity_mix_quarterly.hosting_mw is 'Energized capacity hosting third parties'' mining machines, MW, as stated.';
comment on column marts.miner_capacity_mix_quarterly.hpc_mw is 'Energized capacity serving AI/HPC (GPU cloud, colocation, leases), MW, as stated.';
comment on column marts.miner_capacity_mix_quarterly.uses_total_mw is 'Derived: self_mining_mw + hosting_mw + hpc_mw (missing uses count as 0; null when none is stated), MW.';
comment on column marts.miner_capacity_mix_quarterly.energized_mw is 'Total energized (operating) capacity across uses, MW, as stated.';
comment on column marts.miner_capacity_mix_quarterly.under_construction_mw is 'Total capacity under construction across uses, MW, as stated (planned, pipeline and approved-but-unbuilt MW are not counted).';
comment on column marts.miner_capacity_mix_quarterly.hpc_under_construction_mw is 'The part of under_construction_mw the release says is for AI/HPC, MW.';
comment on column marts.miner_capacity_mix_quarterly.hpc_built_or_building_mw is 'Derived: hpc_mw + hpc_under_construction_mw (AI/HPC capacity built or being built), MW; null when neither is stated.';
comment on column marts.miner_capacity_mix_quarterly.hpc_share_of_energized_pct is 'Derived: 100 x hpc_mw / energized_mw (or / uses_total_mw when no total is stated), percent.';
comment on column marts.miner_capacity_mix_quarterly.as_of_date is 'Latest day any figure of the row was stated for (figures of one row can come from different days of the quarter).';
comment on column marts.miner_capacity_mix_quarterly.as_of is 'JSON: figure -> the day it was stated for.';
comment on column marts.miner_capacity_mix_quarterly.evidence is 'JSON: figure -> the sentence it was read from.';
comment on column marts.miner_capacity_mix_quarterly.source_accessions is 'JSON: figure -> SEC accession of the filing it came from.';
comment on column marts.miner_capacity_mix_quarterly.last_reported_on is 'Filing date of the latest filing that gave a figure of this row.';
