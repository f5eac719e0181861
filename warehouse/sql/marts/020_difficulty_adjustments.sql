-- marts.difficulty_adjustments: one row per retarget (every 2,016 blocks), from mempool's list.
create or replace table marts.difficulty_adjustments as
with
retargets as (
    select
        height,
        time,
        difficulty,
        adjustment_ratio,
        document_hash,
        lag(difficulty) over (order by height) as previous_difficulty,
        lag(time) over (order by height) as previous_time,
        lag(height) over (order by height) as previous_height
    from staging.difficulty_adjustments
    where source = 'mempool'
),

final as (
    select
        height,
        time as retarget_at,
        cast(time as date) as day,
        difficulty,
        100.0 * (difficulty / previous_difficulty - 1) as change_pct,
        epoch(time - previous_time) / 86400.0 as previous_epoch_days,
        epoch(time - previous_time) / nullif(height - previous_height, 0) as previous_epoch_block_time_s,
        difficulty * 4294967296.0 / 600 / 1e18 as implied_hashrate_ehs,
        height // 210000 as halving_epoch,
        50.0 / pow(2, height // 210000) as subsidy_btc,
        document_hash
    from retargets
)

select *
from final
order by height;

comment on table marts.difficulty_adjustments is 'Every difficulty retarget (each 2,016 blocks) with its change and the pace of the epoch it closed.';
comment on column marts.difficulty_adjustments.height is 'Block height at which the new difficulty applies (a multiple of 2,016).';
comment on column marts.difficulty_adjustments.retarget_at is 'Timestamp of the first block at the new difficulty, UTC.';
comment on column marts.difficulty_adjustments.day is 'UTC day of retarget_at.';
comment on column marts.difficulty_adjustments.difficulty is 'Difficulty from this height on. Expected hashes per block = difficulty x 2^32.';
comment on column marts.difficulty_adjustments.change_pct is 'Change against the previous retarget, % = 100 x (difficulty / previous difficulty - 1).';
comment on column marts.difficulty_adjustments.previous_epoch_days is 'Length of the epoch that ended here, days = (retarget_at - previous retarget_at) / 86400 s (14 days when blocks average 10 minutes).';
comment on column marts.difficulty_adjustments.previous_epoch_block_time_s is 'Mean block interval of the epoch that ended here, seconds = epoch seconds / blocks in the epoch.';
comment on column marts.difficulty_adjustments.implied_hashrate_ehs is 'Hashrate that finds one block per 600 s at this difficulty, EH/s = difficulty x 2^32 / 600 / 1e18.';
comment on column marts.difficulty_adjustments.halving_epoch is 'Halving epoch = height // 210000 (4 since 2024-04-20).';
comment on column marts.difficulty_adjustments.subsidy_btc is 'Block subsidy at this height, BTC = 50 / 2^(height // 210000).';
comment on column marts.difficulty_adjustments.document_hash is 'sha256 of the mempool difficulty-adjustments document the retarget was read from (marts.source_documents.document_hash).';
