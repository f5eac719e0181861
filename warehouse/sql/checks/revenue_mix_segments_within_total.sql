-- holds back: staging.revenue_mix
-- Segment revenues (mining + hosting + AI/HPC) one document states for a period cannot exceed the
-- total revenue it states for that period (1% slack for rounding): one of them was misread, so the
-- segment figures are held back and the stated total stays.
with
per_document as (
    select
        ticker,
        period_type,
        period_end,
        document_hash,
        max(value) filter (where metric = 'total_revenue_usd') as total_usd,
        sum(value) filter (where metric in ('mining_revenue_usd', 'hosting_revenue_usd', 'hpc_revenue_usd')) as segments_usd
    from staging.revenue_mix
    where value is not null
    group by ticker, period_type, period_end, document_hash
)

select
    f.ticker,
    f.period_type,
    f.period_end,
    f.metric,
    f.document_hash,
    'segments add up to ' || round(d.segments_usd / 1e6, 1) || 'M USD, above the stated total of '
        || round(d.total_usd / 1e6, 1) || 'M USD' as reason
from staging.revenue_mix as f
join per_document as d
    using (ticker, period_type, period_end, document_hash)
where f.metric in ('mining_revenue_usd', 'hosting_revenue_usd', 'hpc_revenue_usd')
  and f.value is not null
  and d.total_usd is not null
  and d.segments_usd > d.total_usd * 1.01
