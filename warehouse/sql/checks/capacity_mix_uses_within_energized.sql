-- holds back: staging.capacity_mix
-- Energized capacity by use (self-mining + hosting + AI/HPC) one document states for a day cannot
-- exceed the total energized capacity it states for that day (1% slack): the use figures are held
-- back and the stated total stays.
with
per_document as (
    select
        ticker,
        period_type,
        period_end,
        document_hash,
        max(value) filter (where metric = 'energized_mw') as energized_mw,
        sum(value) filter (where metric in ('self_mining_mw', 'hosting_mw', 'hpc_mw')) as uses_mw
    from staging.capacity_mix
    where value is not null
    group by ticker, period_type, period_end, document_hash
)

select
    f.ticker,
    f.period_type,
    f.period_end,
    f.metric,
    f.document_hash,
    'capacity by use adds up to ' || d.uses_mw || ' MW, above the stated energized ' || d.energized_mw || ' MW'
        as reason
from staging.capacity_mix as f
join per_document as d
    using (ticker, period_type, period_end, document_hash)
where f.metric in ('self_mining_mw', 'hosting_mw', 'hpc_mw')
  and f.value is not null
  and d.energized_mw is not null
  and d.uses_mw > d.energized_mw * 1.01
