-- staging.network_candidates: every source's daily value per field, plus the daily difficulty
-- derived from mempool's retarget list (each difficulty weighted by the seconds of the UTC day
-- it was in force). The marts pick the canonical value from here and compare the others.
-- document_hash: the document each value was read from (for a derived daily difficulty, the
-- retarget list that held the newest retarget in force that day).
create or replace view staging.network_candidates as
with
retargets as (
    select
        height,
        time as starts_at,
        coalesce(lead(time) over (order by height), timestamptz '9999-12-31') as ends_at,
        difficulty,
        document_hash
    from staging.difficulty_adjustments
    where source = 'mempool'
),

observed_days as (
    select distinct day
    from staging.network_observations
),

chain_difficulty as (
    select
        d.day,
        sum(r.difficulty * epoch(least(r.ends_at, d.day + interval 1 day) - greatest(r.starts_at, d.day::timestamptz)))
            / sum(epoch(least(r.ends_at, d.day + interval 1 day) - greatest(r.starts_at, d.day::timestamptz)))
            as value,
        arg_max(r.document_hash, r.starts_at) as document_hash
    from observed_days as d
    join retargets as r
        on r.starts_at < d.day + interval 1 day
        and r.ends_at > d.day::timestamptz
    group by d.day
)

select metric, day, value, source, document_hash
from staging.network_observations
union all
select 'difficulty' as metric, day, value, 'mempool' as source, document_hash
from chain_difficulty;
