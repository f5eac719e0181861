-- marts.miner_revenue_mix_quarterly: per miner and calendar quarter, revenue from bitcoin mining,
-- hosting and AI/HPC, and the AI/HPC share of revenue. A figure reported for the quarter wins; a
-- monthly reporter's figures (IREN's Bitcoin Mining and AI Cloud segments) are summed into the
-- quarter when all three months of that figure are in. XBRL revenue is added by
-- 175_miner_revenue_mix_xbrl.sql where staging.xbrl_facts exists.
create or replace table marts.miner_revenue_mix_quarterly as
with
facts as (
    select f.*
    from staging.revenue_mix as f
    anti join ops.held_back as h
        on h.table_name = 'staging.revenue_mix'
        and h.ticker = f.ticker
        and h.period_type = f.period_type
        and h.period_end = f.period_end
        and h.metric = f.metric
        and h.document_hash = f.document_hash
    where f.value is not null
),

latest as (
    select *
    from facts
    qualify row_number() over (
        partition by ticker, period_type, period_start, period_end, metric
        order by filing_date desc, accession desc
    ) = 1
),

reported_quarters as (
    select
        ticker,
        period_start as quarter_start,
        metric,
        value,
        'quarter' as basis,
        evidence,
        accession,
        filing_date
    from latest
    where period_type = 'quarter'
      and period_start = date_trunc('quarter', period_start)
      and period_end = last_day(period_start + interval 2 month)
),

summed_months as (
    select
        ticker,
        date_trunc('quarter', period_start)::date as quarter_start,
        metric,
        sum(value) as value,
        'sum of 3 months' as basis,
        string_agg(strftime(period_start, '%Y-%m') || ': ' || evidence, ' || ' order by period_start) as evidence,
        string_agg(accession, ', ' order by period_start) as accession,
        max(filing_date) as filing_date
    from latest
    where period_type = 'month'
    group by ticker, date_trunc('quarter', period_start), metric
    having count(distinct period_start) = 3
),

combined as (
    select *
    from reported_quarters
    union all
    select s.*
    from summed_months as s
    anti join reported_quarters as r
        on r.ticker = s.ticker and r.quarter_start = s.quarter_start and r.metric = s.metric
),

pivoted as (
    select
        ticker,
        quarter_start,
        max(value) filter (where metric = 'mining_revenue_usd') as mining_revenue_usd,
        max(value) filter (where metric = 'hosting_revenue_usd') as hosting_revenue_usd,
        max(value) filter (where metric = 'hpc_revenue_usd') as hpc_revenue_usd,
        max(value) filter (where metric = 'total_revenue_usd') as total_revenue_usd,
        to_json(map(list(metric order by metric), list(basis order by metric))) as basis,
        to_json(map(list(metric order by metric), list(evidence order by metric))) as evidence,
        to_json(map(list(metric order by metric), list(accession order by metric))) as source_accessions,
        max(filing_date) as last_reported_on
    from combined
    group by ticker, quarter_start
),

final as (
    select
        ticker,
        strftime(quarter_start, '%Y') || '-Q' || quarter(quarter_start) as quarter,
        quarter_start,
        last_day(quarter_start + interval 2 month)::date as quarter_end,
        mining_revenue_usd,
        hosting_revenue_usd,
        hpc_revenue_usd,
        total_revenue_usd,
        case when coalesce(mining_revenue_usd, hosting_revenue_usd, hpc_revenue_usd) is not null
             then coalesce(mining_revenue_usd, 0) + coalesce(hosting_revenue_usd, 0) + coalesce(hpc_revenue_usd, 0)
        end as segments_total_usd,
        -- without a total, the segments make a denominator only when one besides AI/HPC is stated
        -- (HIVE's monthly update gives AI/HPC revenue alone: its share is unknown, not 100%)
        100.0 * hpc_revenue_usd / nullif(coalesce(total_revenue_usd,
            case when coalesce(mining_revenue_usd, hosting_revenue_usd) is not null
                 then coalesce(mining_revenue_usd, 0) + coalesce(hosting_revenue_usd, 0) + coalesce(hpc_revenue_usd, 0)
            end), 0) as hpc_share_of_revenue_pct,
        case when hpc_revenue_usd is null then null
             when total_revenue_usd is not null then 'total_revenue_usd'
             when coalesce(mining_revenue_usd, hosting_revenue_usd) is not null then 'segments_total_usd'
        end as hpc_share_denominator,
        cast(null as double) as xbrl_total_revenue_usd,
        cast(null as varchar) as xbrl_revenue_tag,
        basis,
        evidence,
        source_accessions,
        last_reported_on
    from pivoted
)

select *
from final
order by ticker, quarter_start;

comment on table marts.miner_revenue_mix_quarterly is 'Revenue by segment per miner and calendar quarter (bitcoin mining, hosting, AI/HPC) and the AI/HPC share of revenue, from results releases and monthly segment tables; monthly figures are summed into complete quarters. Facts held back by data checks are left out.';
comment on column marts.miner_revenue_mix_quarterly.ticker is 'Miner ticker (registry/miners.csv).';
comment on column marts.miner_revenue_mix_quarterly.quarter is 'Calendar quarter, YYYY-Qn (IREN''s Q1 FY26 is 2025-Q3: fiscal quarters are placed by their dates).';
comment on column marts.miner_revenue_mix_quarterly.quarter_start is 'First day of the quarter.';
comment on column marts.miner_revenue_mix_quarterly.quarter_end is 'Last day of the quarter.';
comment on column marts.miner_revenue_mix_quarterly.mining_revenue_usd is 'Revenue from the miner''s own bitcoin mining, USD: the quarter''s reported figure, else the sum of its three monthly figures (see basis).';
comment on column marts.miner_revenue_mix_quarterly.hosting_revenue_usd is 'Revenue from hosting third parties'' mining machines, USD (same rule).';
comment on column marts.miner_revenue_mix_quarterly.hpc_revenue_usd is 'Revenue from AI/HPC (AI cloud, HPC/HDC colocation and leases), USD (same rule).';
comment on column marts.miner_revenue_mix_quarterly.total_revenue_usd is 'Total revenue as stated, USD (same rule); it can include segments not split out here.';
comment on column marts.miner_revenue_mix_quarterly.segments_total_usd is 'Derived: mining + hosting + AI/HPC revenue (missing segments count as 0; null when none is stated), USD.';
comment on column marts.miner_revenue_mix_quarterly.hpc_share_of_revenue_pct is 'Derived: 100 x hpc_revenue_usd / total_revenue_usd, or / segments_total_usd when no total is stated and mining or hosting revenue is (see hpc_share_denominator), percent; null when AI/HPC revenue is the only figure.';
comment on column marts.miner_revenue_mix_quarterly.hpc_share_denominator is 'Which revenue hpc_share_of_revenue_pct divides by: total_revenue_usd or segments_total_usd; null when no share is computed.';
comment on column marts.miner_revenue_mix_quarterly.xbrl_total_revenue_usd is 'Quarterly revenue tagged in the miner''s XBRL (us-gaap Revenues or RevenueFromContractWithCustomerExcludingAssessedTax, ifrs-full Revenue; 80-100 day durations, latest filed), USD; null without XBRL facts.';
comment on column marts.miner_revenue_mix_quarterly.xbrl_revenue_tag is 'taxonomy:tag that xbrl_total_revenue_usd came from.';
comment on column marts.miner_revenue_mix_quarterly.basis is 'JSON: figure -> quarter (reported for the quarter) or sum of 3 months (monthly figures added up).';
comment on column marts.miner_revenue_mix_quarterly.evidence is 'JSON: figure -> the sentence or table row it was read from (month by month for summed figures).';
comment on column marts.miner_revenue_mix_quarterly.source_accessions is 'JSON: figure -> SEC accession(s) of the filing(s) it came from.';
comment on column marts.miner_revenue_mix_quarterly.last_reported_on is 'Filing date of the latest filing that gave a figure of this row.';
